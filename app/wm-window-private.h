/* wm-window-private.h — the window's state, shared by its .c files
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-autosave.h"
#include "wm-metrics-panel.h"
#include "wm-outline.h"
#include "wm-problems-panel.h"
#include "wm-window.h"

G_BEGIN_DECLS

struct _WmWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay    *toasts;
  AdwWindowTitle     *title;
  GtkListView        *diagram_list;
  GtkStack           *sidebar_stack;    /* the diagrams, or the outline */
  WmOutline          *outline;
  GtkStack           *main_stack;
  GtkScrolledWindow  *canvas_scroller;
  GtkScrolledWindow  *palette_scroller;
  GtkScrolledWindow  *inspector_scroller;
  GtkButton          *undo_button;
  GtkButton          *redo_button;
  GtkToggleButton    *panel_button;
  AdwViewStackPage   *problems_page;
  WmProblemsPanel    *problems_panel;
  WmMetricsPanel     *metrics_panel;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkLabel           *find_count;       /* "3 of 12" */
  GtkToggleButton    *find_all_button;  /* find in every diagram */
  GtkWidget          *find_results;     /* the hits of every diagram, listed */
  GtkListView        *find_list;
  GtkSingleSelection *find_selection;   /* over the hits, a GListStore of WmFindHit */
  char               *find_query;       /* the text the hits were found for */
  guint               find_position;    /* the hit shown, or GTK_INVALID_LIST_POSITION */
  guint               find_matches;     /* the diagram's hits, counted but not yet listed */
  gboolean            finding;          /* find is switching to a hit's diagram */
  GtkWidget          *recent_box;
  GtkListBox         *recent_list;
  gboolean            recent_stale;     /* the recent files changed while a diagram showed */
  GMenuModel         *diagram_menu;
  GMenu              *add_section;
  GtkWidget          *diagram_popover;
  GtkWidget          *canvas;
  GtkWidget          *palette;
  GtkWidget          *inspector;
  guint               fit_source;

  WmProject          *project;
  GSettings          *settings;
  WmAutosave         *autosave;
  GtkSingleSelection *selection;
  GSignalGroup       *project_signals;
  WmDiagram          *deleted_diagram;  /* what the "Diagram deleted" toast can bring back */
  char               *deleted_label;    /* the undo label right after that delete */
  guint               loading;          /* files being loaded into this window */
  guint               saving;           /* saves of this window under way */
  gboolean            moving;
  gboolean            close_confirmed;

  /* The project's file on disk (wm-window-watch.c) */
  GFile              *watched;          /* the file the monitor watches */
  GFileMonitor       *monitor;
  guint               watch_source;     /* a look at the file, after a burst of events */
  gboolean            watch_pending;    /* an event came during a save: look after it */
  GCancellable       *watch_cancellable;
  char               *seen_etag;        /* an outside version already dealt with */
  gboolean            file_missing;     /* the file's deletion was reported */
  WmProject          *before_reload;    /* what the "reloaded" toast's Undo brings back */
  WmProject          *reloaded;         /* the project that reload put in (not a reference) */
  GtkWidget          *file_dialog;      /* the open question about the file, if any */
  GBytes             *merge_base;       /* the version last read or written: a merge's base */
};

/* wm-window.c */
void  _wm_window_show_toast        (WmWindow   *self,
                                    const char *text);
void  _wm_window_show_error        (WmWindow   *self,
                                    const char *heading,
                                    const char *detail);
/* The title, else the file's name, else "Untitled Project". */
char *_wm_window_dup_display_name  (WmWindow   *self);
/* Opens @files: the first in this window while nobody has touched it, the
 * others each in a window of its own. */
void  _wm_window_open_files        (WmWindow   *self,
                                    GFile     **files,
                                    guint       n_files);
/* Opens the template @file (a name in data/templates) as a new, untitled
 * project: in this window while nobody has touched it, else in a new one. */
void  _wm_window_new_from_template (WmWindow   *self,
                                    const char *file);
/* A filter for the file choosers: Waymark projects. */
GtkFileFilter *_wm_window_project_filter (void);
/* Asks for a file to open with @filters (NULL-terminated), then hands the
 * chosen one to @then; nothing when the analyst cancels. */
void  _wm_window_choose_file       (WmWindow       *self,
                                    const char     *title,
                                    const char     *accept,
                                    GtkFileFilter **filters,
                                    void          (*then) (WmWindow *self,
                                                           GFile    *file));

/* wm-window-import.c */
/* Whether @file is not named as a Waymark project, so that Open reads it
 * through the importers. */
gboolean _wm_window_is_foreign_file  (GFile          *file);
/* Opens @file (PlantUML, draw.io, CSV, or a project of any name) as a new,
 * unsaved project titled after it, showing the import's warnings. */
void  _wm_window_open_foreign      (WmWindow       *self,
                                    GFile          *file);
/* Adds the diagrams of @file to the project as one undo step and shows the
 * first of them. */
void  _wm_window_import_file       (WmWindow       *self,
                                    GFile          *file);
/* A filter for the file choosers: the files the importers read. */
GtkFileFilter *_wm_window_import_filter (void);
void  _wm_window_class_init_import (GtkWidgetClass *widget_class);
/* wm-window-compare.c: File → Compare with Saved Version / with File… */
void  _wm_window_class_init_compare (GtkWidgetClass *widget_class);
/* Shows, in a window of its own, how the diagram on screen differs from
 * its version in @older (taken); @title says what @older is. */
GtkWidget *_wm_window_show_comparison (WmWindow   *self,
                                       WmProject  *older,
                                       const char *title);

/* Saves to the project's own file (or asks where), then closes the window
 * if @then_close. */
void  _wm_window_save              (WmWindow   *self,
                                    gboolean    then_close);
/* Asks where to save the project, saves it there, then closes the window
 * if @then_close. */
void  _wm_window_save_as           (WmWindow   *self,
                                    gboolean    then_close);
/* Replaces the project, keeping the diagram shown if the new project has
 * one with its id, and the zoom and scroll position with it. */
void  _wm_window_replace_project   (WmWindow   *self,
                                    WmProject  *project);

/* wm-window-actions.c: the "win." actions and their shortcuts */
void  _wm_window_class_init_actions     (GtkWidgetClass *widget_class);
/* Undo and redo are enabled when the project can undo or redo. */
void  _wm_window_update_undo_actions    (WmWindow       *self);
/* The actions on the selected diagram are enabled when there is one and the
 * project is not read-only; moving it, when it has room to move. */
void  _wm_window_update_diagram_actions (WmWindow       *self);
/* The shortcuts that must come before the panes' own: F6 (a GtkPaned
 * would take it for its children). */
void  _wm_window_init_actions           (WmWindow       *self);

/* wm-window-sidebar.c: the list of diagrams and its context menu, and the
 * outline of the diagram shown (Ctrl+Shift+O) */
void  _wm_window_class_init_sidebar (GtkWidgetClass *widget_class);
void  _wm_window_init_sidebar      (WmWindow   *self);
void  _wm_window_dispose_sidebar   (WmWindow   *self);
/* The position of @diagram in the project (and the sidebar), or
 * GTK_INVALID_LIST_POSITION. */
guint _wm_window_find_position     (WmWindow   *self,
                                    WmDiagram  *diagram);

/* wm-window-find.c: find (Ctrl+F) in the diagram or in all of them, and
 * Enter, Shift+Enter to step through the hits */
void  _wm_window_class_init_find   (GtkWidgetClass *widget_class);
void  _wm_window_init_find         (WmWindow       *self);
void  _wm_window_dispose_find      (WmWindow       *self);
/* The entry's text changed (the canvas found @matches in its diagram): finds
 * it anew, in the diagram shown or in every diagram. */
void  _wm_window_update_find       (WmWindow       *self,
                                    guint           matches);

/* wm-window-watch.c: following the project's file on disk */
void     _wm_window_class_init_watch (GtkWidgetClass *widget_class);
/* Watches the project's file, whichever it is now (after a load, a save
 * as, a new project), and forgets what was known of the last one. */
void     _wm_window_watch_file       (WmWindow       *self);
void     _wm_window_dispose_watch    (WmWindow       *self);
/* A save of the window ended: events that came meanwhile are looked at. */
void     _wm_window_watch_save_done  (WmWindow       *self);
/* A save refused with G_IO_ERROR_WRONG_ETAG: asks whether to reload or to
 * keep this version (then saves it again, and closes if @then_close). */
void     _wm_window_ask_about_change (WmWindow       *self,
                                      gboolean        from_save,
                                      gboolean        then_close);

G_END_DECLS
