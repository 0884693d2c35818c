/* wm-inspector-private.h — the inspector's state, shared by its .c files
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inspector is split in three: wm-inspector.c (the widget, the generic
 * rows, the page), wm-inspector-links.c (the rows of item references and
 * the link picker) and wm-inspector-lists.c (the diagram's lists).
 */
#pragma once

#include "wm-inspector.h"

G_BEGIN_DECLS

typedef struct _Row Row;
typedef struct _ListEditor ListEditor;

struct _WmInspector
{
  AdwBin      parent_instance;

  WmDiagram  *diagram;
  char       *item_id;
  gulong      changed_id;

  GtkWidget  *stack;
  GtkWidget  *page;      /* AdwPreferencesPage of the current target, or NULL */
  GPtrArray  *rows;      /* Row *, owned by their editors */
  Row        *text_row;
  GPtrArray  *lists;     /* ListEditor *, owned by their groups */
  guint       updating;  /* > 0 while the model's values are written into the rows */

  WmProject  *project;   /* the shown diagram's, whose other diagrams are watched */
  gulong      items_changed_id;
  GArray     *watches;   /* Watch (see wm-inspector.c) */
};

/* One generated row. It belongs to its editor widget, which frees it. */
struct _Row
{
  WmInspector      *self;
  const WmPropSpec *spec;     /* NULL for the item's text or the diagram's name */
  GtkWidget        *row;
  GtkWidget        *editor;
  GtkStringList    *choices;  /* ENUM and SLOT */
  GPtrArray        *slot_ids; /* SLOT: the entry id (char *) of each choice after "None" */
  GPtrArray        *values;   /* suggested STRING: the value (char *, NULL for "None") of each choice */
  GtkWidget        *search;   /* REFS: the picker's search entry */
  GtkWidget        *candidates; /* REFS: the picker's list of items to link to */
  char             *shown;    /* REFS: what the link rows show, to rebuild them only on change */
};

/* The rows of one diagram list. It belongs to its group, which frees it. */
struct _ListEditor
{
  WmInspector      *self;
  const WmListSpec *spec;
  GtkWidget        *group;
  GPtrArray        *rows;     /* AdwEntryRow *, one per entry, in order */
  char             *shown;    /* the entries' ids, to rebuild the rows only on change */
};

/* wm-inspector.c */
/* The translation of a label or hint of the model's tables; NULL stays NULL. */
const char *_wm_inspector_tr             (const char    *msgid);
/* A preferences group titled @title holding a boxed list (*@list) that
 * shows @placeholder_text when empty. */
GtkWidget  *_wm_inspector_list_group_new (const char    *title,
                                          const char    *placeholder_text,
                                          GtkWidget    **list);
/* Names @editor for assistive technologies. */
void        _wm_inspector_label_editor   (GtkWidget     *editor,
                                          const char    *title);
/* The value @row edits, or NULL when the target has none. */
const WmValue *_wm_inspector_row_value   (Row           *row);
/* Sends @text to the model; a refusal is shown on @row. TRUE when applied. */
gboolean    _wm_inspector_row_apply      (Row           *row,
                                          const char    *text);
/* Makes the next edit an undo step of its own. */
void        _wm_inspector_break_merge    (WmInspector   *self);
/* Sets @editable's text, unless it already reads so (keeping the cursor). */
void        _wm_inspector_set_editable_text (GtkEditable *editable,
                                          const char    *text);

/* wm-inspector-links.c: item references and the link picker */
/* The ids of a REFS value (or the strings of a STRING_LIST); never NULL. */
const char *const *_wm_inspector_refs_ids (const WmValue *value);
/* The index a link's (or a string's) button was made for. */
guint       _wm_inspector_link_index     (GtkWidget     *button);
/* Rebuilds @row's link rows when what they would show changed. */
void        _wm_inspector_update_links   (Row           *row,
                                          const WmValue *value);
/* The "Add link…" button and its popover, for a REFS group's header. */
GtkWidget  *_wm_inspector_link_picker_new (Row          *row);
/* Adds the "Linked from" group to the page of an item, and refreshes it. */
void        _wm_inspector_add_backlinks  (WmInspector   *self);
void        _wm_inspector_update_backlinks (WmInspector *self);

/* wm-inspector-lists.c: the diagram's lists */
/* Rebuilds @editor's rows when entries came, went or moved; else renames them. */
void        _wm_inspector_update_list    (ListEditor    *editor);
/* The group editing the diagram list @spec, added to self->lists. */
GtkWidget  *_wm_inspector_build_list_group (WmInspector *self,
                                          const WmListSpec *spec);

G_END_DECLS
