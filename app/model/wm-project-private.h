/* wm-project-private.h — what the model's other files may do to a project
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-project.h"

G_BEGIN_DECLS

/* Ids */
gboolean   _wm_project_id_in_use        (WmProject  *self,
                                         const char *id);
char      *_wm_project_new_id           (WmProject  *self,
                                         const char *prefix);
/* New ids are "<prefix>-" and this many random base-32 characters: 40 bits,
 * so that ids made on different machines from the same base do not collide. */
#define WM_ID_SUFFIX_CHARS 8
char      *_wm_new_random_id            (const char *prefix);
void       _wm_project_use_serial_ids   (WmProject  *self);
/* Remembers what @item of @diagram was as it is removed, for
 * wm_project_recall_removed_item(). */
void       _wm_project_note_removed_item (WmProject    *self,
                                          WmDiagram    *diagram,
                                          const WmItem *item);

/* Keeps @data (may be NULL) for wm_project_take_loaded_data(). */
void       _wm_project_set_loaded_data  (WmProject  *self,
                                         GBytes     *data);

/* Building a project without history, for the reader. */
void       _wm_project_append_diagram   (WmProject  *self,
                                         WmDiagram  *diagram);
void       _wm_project_set_meta         (WmProject  *self,
                                         const char *title,
                                         const char *author,
                                         const char *description);

/* The history that records the edits of the project and its diagrams
 * (wm-history-private.h). */
WmHistory *_wm_project_get_history      (WmProject  *self);
/* Re-reads the history's state and notifies can-undo, can-redo and dirty. */
void       _wm_project_history_changed  (WmProject  *self);
/* For a save: an opaque token for the current state (the next edit starts a
 * new undo step, so the state stays the one written), and marking that
 * state as the one on disk once the write succeeded. */
guint64    _wm_project_save_point       (WmProject  *self);
void       _wm_project_mark_saved_state (WmProject  *self,
                                         guint64     state);

G_END_DECLS
