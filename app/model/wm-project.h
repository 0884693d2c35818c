/* wm-project.h — a Waymark project: metadata, diagrams and the undo history
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wm-diagram.h"

G_BEGIN_DECLS

#define WM_TYPE_PROJECT (wm_project_get_type ())
G_DECLARE_FINAL_TYPE (WmProject, wm_project, WM, PROJECT, GObject)

WmProject  *wm_project_new              (void);

const char *wm_project_get_title        (WmProject  *self);
const char *wm_project_get_author       (WmProject  *self);
const char *wm_project_get_description  (WmProject  *self);
/* Each is one undo step; FALSE when refused (a read-only project, or a text
 * longer than WM_LIMIT_TEXT_CHARS). */
gboolean    wm_project_set_title        (WmProject  *self,
                                         const char *title);
gboolean    wm_project_set_author       (WmProject  *self,
                                         const char *author);
gboolean    wm_project_set_description  (WmProject  *self,
                                         const char *description);

GFile      *wm_project_get_file         (WmProject  *self);
void        wm_project_set_file         (WmProject  *self,
                                         GFile      *file);
/* The file's etag when the project was read from it or last written to it
 * (NULL when unknown): a save refuses to overwrite a file changed since. */
const char *wm_project_get_file_etag    (WmProject  *self);
void        wm_project_set_file_etag    (WmProject  *self,
                                         const char *etag);
/* The bytes wm_project_load_async() read the project from, while the
 * project has not changed and its file is the same: what the disk holds,
 * without writing the project out again. The first call takes them; then
 * NULL. */
GBytes     *wm_project_take_loaded_data (WmProject  *self);
gboolean    wm_project_get_dirty        (WmProject  *self);
/* Marks the current state as the one on disk. */
void        wm_project_mark_saved       (WmProject  *self);
/* Marks no state of the history as the one on disk, so that the project is
 * dirty until saved: for a project recovered from an autosave, or whose file
 * changed on disk under it. */
void        wm_project_mark_unsaved     (WmProject  *self);
gboolean    wm_project_get_read_only    (WmProject  *self);
/* A read-only project refuses every edit, undo and redo (for a file the user
 * may not write, or one kept open only for reference). */
void        wm_project_set_read_only    (WmProject  *self,
                                         gboolean    read_only);

/* Diagrams; the project is also a GListModel of WmDiagram. */
guint       wm_project_get_n_diagrams   (WmProject  *self);
WmDiagram  *wm_project_get_diagram      (WmProject  *self,
                                         guint       position);
WmDiagram  *wm_project_find_diagram     (WmProject  *self,
                                         const char *id_or_name);
WmDiagram  *wm_project_add_diagram      (WmProject  *self,
                                         const char *notation_id,
                                         const char *name,
                                         GError    **error);
gboolean    wm_project_remove_diagram   (WmProject  *self,
                                         WmDiagram  *diagram);
gboolean    wm_project_move_diagram     (WmProject  *self,
                                         WmDiagram  *diagram,
                                         guint       position);
/* Inserts a copy of @diagram right after it, as one undo step: the same
 * fields and lists, every item copied under a new id with its links and
 * parents pointing at the copies; references to other diagrams stay. */
WmDiagram  *wm_project_duplicate_diagram (WmProject *self,
                                          WmDiagram *diagram,
                                          GError   **error);
/* Appends a copy of every diagram of @source (another project, such as an
 * imported file), in order and under their names, as one undo step: every
 * item under a new id, with links, parents and references among the copied
 * diagrams pointing at the copies. Returns the first copy (borrowed); NULL
 * with @error set when the project is read-only or @source has no diagram. */
WmDiagram  *wm_project_add_diagrams_from (WmProject *self,
                                          WmProject *source,
                                          GError   **error);

/* Finds an item anywhere in the project; @diagram, if not NULL, receives its diagram. */
WmItem     *wm_project_lookup_item      (WmProject  *self,
                                         const char *id,
                                         WmDiagram **diagram);

/* Something whose REFS property @spec holds an item id: the item @item of
 * @diagram, or the diagram's own fields when @item is NULL. The pointers are
 * the project's, valid until its next change. */
typedef struct
{
  WmDiagram        *diagram;
  WmItem           *item;
  const WmPropSpec *spec;
} WmReferrer;

/* Everything in the project that refers to item @id through a REFS property,
 * one WmReferrer per referring property, in diagram then z order (a diagram's
 * fields before its items); never NULL. */
GArray     *wm_project_find_referrers   (WmProject  *self,
                                         const char *id);

/* What an item removed during this session was when it went. The strings
 * are the project's, valid until its next change. */
typedef struct
{
  const char       *text;
  const WmItemType *type;
  const char       *diagram_name;
} WmRemovedItem;

/* Fills @out with what item @id was when it was last removed (deleted, its
 * creation undone, or its diagram deleted) since the project was made or
 * read; FALSE when no such removal is known. Says nothing of whether the
 * item is back since. */
gboolean    wm_project_recall_removed_item (WmProject     *self,
                                            const char    *id,
                                            WmRemovedItem *out);

/* Undo history. */
gboolean    wm_project_can_undo         (WmProject  *self);
gboolean    wm_project_can_redo         (WmProject  *self);
gboolean    wm_project_undo             (WmProject  *self);
gboolean    wm_project_redo             (WmProject  *self);
const char *wm_project_get_undo_label   (WmProject  *self);
const char *wm_project_get_redo_label   (WmProject  *self);
/* Groups the edits made until the matching end_group() into one undo step. */
void        wm_project_begin_group      (WmProject  *self,
                                         const char *label);
void        wm_project_end_group        (WmProject  *self);
/* Like begin_group(), but the edits join the step on top of the undo stack
 * (the gesture they complete, such as a drag whose drop files a note in a
 * block), so that one undo reverts both. Without such a step, or inside an
 * open group, it is begin_group(). */
void        wm_project_begin_joined_group (WmProject  *self,
                                           const char *label);
/* Starts a new undo step even if the next edit could merge with the last. */
void        wm_project_break_merge      (WmProject  *self);
void        wm_project_clear_history    (WmProject  *self);

G_END_DECLS
