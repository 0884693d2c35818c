/* wm-model-private.h — internals shared between the model's source files
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-diagram.h"
#include "wm-project.h"

G_BEGIN_DECLS

/* The value in effect: @value when set, else the spec's parsed default. */
const WmValue *_wm_value_effective       (const WmPropSpec *spec,
                                          const WmValue    *value);

/* Items without history, for the reader and for undo. */
WmValue       *_wm_item_ensure_props     (WmItem           *item);
/* Makes @dest hold the same state as @src (same id). */
void           _wm_item_assign           (WmItem           *dest,
                                          const WmItem     *src);

/* Diagram internals. */
WmDiagram     *_wm_diagram_new           (const WmNotation *notation,
                                          const char       *id,
                                          const char       *name);
void           _wm_diagram_set_project   (WmDiagram        *self,
                                          WmProject        *project);
/* Inserts @item (taking ownership) at z-order @position, no history. */
void           _wm_diagram_insert_item   (WmDiagram        *self,
                                          WmItem           *item,
                                          guint             position);
/* Removes the item from the diagram and returns it to the caller, no history. */
WmItem        *_wm_diagram_take_item     (WmDiagram        *self,
                                          WmItem           *item);
void           _wm_diagram_move_in_z     (WmDiagram        *self,
                                          WmItem           *item,
                                          guint             position);
/* Whether @item may sit inside @parent_id: a container of the diagram, not
 * inside @item, and not so deep that @item would sit inside more than
 * WM_LIMIT_CONTAINMENT_DEPTH containers. Its cost is bounded by that limit,
 * so the reader checks every node of a file in linear time. */
gboolean       _wm_diagram_parent_is_valid (WmDiagram      *self,
                                            WmItem         *item,
                                            const char     *parent_id,
                                            GError        **error);
WmValue       *_wm_diagram_get_values    (WmDiagram        *self);
GPtrArray     *_wm_diagram_get_list_mutable (WmDiagram     *self,
                                             const char    *name);
void           _wm_diagram_set_name_internal (WmDiagram    *self,
                                              const char   *name);
void           _wm_diagram_reset_lists   (WmDiagram        *self);

/* A snapshot of a diagram's name, fields and lists, for undo. */
typedef struct _WmHeader WmHeader;
WmHeader      *_wm_header_capture        (WmDiagram        *self);
void           _wm_header_restore        (WmDiagram        *self,
                                          const WmHeader   *header);
gboolean       _wm_header_equal          (const WmHeader   *a,
                                          const WmHeader   *b);
void           _wm_header_free           (WmHeader         *header);

/* Deltas collected while an edit, undo or redo runs, emitted when it ends. */
WmDelta       *_wm_diagram_delta         (WmDiagram        *self);
void           _wm_diagram_flush_delta   (WmDiagram        *self);
/* Notes an item as modified and its current extent as dirty. */
void           _wm_diagram_note_modified (WmDiagram        *self,
                                          const WmItem     *item);

/* The checks a project file's raw bytes pass before libxml2 reads them
 * (wm-format-scan.c): its size, UTF-8 throughout, no DOCTYPE, and the limits
 * on elements, nesting and attributes. The reader runs it first; a writer
 * may run it on what it wrote, to refuse a save that could not be read. */
gboolean       _wm_format_scan           (const char       *data,
                                          gsize             length,
                                          const char       *name,
                                          GError          **error);

/* Project internals. */
gboolean       _wm_project_id_in_use     (WmProject        *self,
                                          const char       *id);
char          *_wm_project_new_id        (WmProject        *self,
                                          const char       *prefix);
void           _wm_project_note_id       (WmProject        *self,
                                          const char       *id);
void           _wm_project_append_diagram (WmProject       *self,
                                           WmDiagram       *diagram);
void           _wm_project_insert_diagram (WmProject       *self,
                                           WmDiagram       *diagram,
                                           guint            position);
void           _wm_project_remove_diagram_at (WmProject    *self,
                                              guint         position);
void           _wm_project_set_meta      (WmProject        *self,
                                          const char       *title,
                                          const char       *author,
                                          const char       *description);
WmHistory     *_wm_project_get_history   (WmProject        *self);
/* Re-reads the history's state and notifies can-undo, can-redo and dirty. */
void           _wm_project_history_changed (WmProject      *self);

/* History: edits are collected into the open step and committed when the
 * outermost edit ends. */
WmHistory     *_wm_history_new           (WmProject        *project);
void           _wm_history_free          (WmHistory        *history);
void           _wm_history_begin         (WmHistory        *history,
                                          const char       *label,
                                          const char       *merge_key);
void           _wm_history_begin_joined  (WmHistory        *history,
                                          const char       *label);
void           _wm_history_end           (WmHistory        *history);
void           _wm_history_item_will_change (WmHistory     *history,
                                             WmDiagram     *diagram,
                                             WmItem        *item);
void           _wm_history_item_inserted (WmHistory        *history,
                                          WmDiagram        *diagram,
                                          WmItem           *item);
void           _wm_history_item_will_be_removed (WmHistory *history,
                                                 WmDiagram *diagram,
                                                 WmItem    *item);
void           _wm_history_item_restacked (WmHistory       *history,
                                           WmDiagram       *diagram,
                                           WmItem          *item,
                                           guint            from,
                                           guint            to);
void           _wm_history_header_will_change (WmHistory   *history,
                                               WmDiagram   *diagram);
void           _wm_history_diagram_moved (WmHistory        *history,
                                          WmDiagram        *diagram,
                                          int               from,
                                          int               to);
void           _wm_history_meta_will_change (WmHistory     *history);
gboolean       _wm_history_undo          (WmHistory        *history);
gboolean       _wm_history_redo          (WmHistory        *history);
gboolean       _wm_history_can_undo      (WmHistory        *history);
gboolean       _wm_history_can_redo      (WmHistory        *history);
const char    *_wm_history_undo_label    (WmHistory        *history);
const char    *_wm_history_redo_label    (WmHistory        *history);
gboolean       _wm_history_is_at_saved   (WmHistory        *history);
void           _wm_history_mark_saved    (WmHistory        *history);
/* An opaque token for the current state, and marking it as saved later; a
 * state that can no longer be reached leaves the project dirty. */
guint64        _wm_history_get_state     (WmHistory        *history);
void           _wm_history_mark_saved_state (WmHistory     *history,
                                             guint64        state);
void           _wm_history_break_merge   (WmHistory        *history);
void           _wm_history_clear         (WmHistory        *history);

G_END_DECLS
