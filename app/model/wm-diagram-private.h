/* wm-diagram-private.h — the inside of WmDiagram, and what the model's other
 * files may do to a diagram without history
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-diagram.h"

G_BEGIN_DECLS

typedef struct _WmDiagramIndex WmDiagramIndex;

struct _WmDiagram
{
  GObject           parent_instance;

  const WmNotation *notation;
  char             *id;
  char             *name;
  WmProject        *project;   /* weak: the project owns its diagrams */
  WmValue          *values;    /* notation->n_props fields */
  GPtrArray        *lists;     /* notation->n_lists arrays of WmListEntry */

  GPtrArray        *items;     /* z-order, owns the items */
  GHashTable       *by_id;     /* id (owned by the item) -> item */
  guint             n_links;
  WmDiagramIndex   *index;     /* where the items are, and each node's links */

  WmDelta          *pending;   /* changes not yet announced */
  GHashTable       *pending_seen;

  /* wm_diagram_keep_derived(): key (a static string) -> Derived; locked,
   * as an export thread may ask for a layout while the main thread edits. */
  GMutex            derived_lock;
  GHashTable       *derived;
};

WmDiagram   *_wm_diagram_new           (const WmNotation *notation,
                                        const char       *id,
                                        const char       *name);
void         _wm_diagram_set_project   (WmDiagram        *self,
                                        WmProject        *project);

/* Structural primitives, without history: the reader builds with them and
 * the change objects replay with them. */
/* Inserts @item (taking ownership) at z-order @position. */
void         _wm_diagram_insert_item   (WmDiagram        *self,
                                        WmItem           *item,
                                        guint             position);
/* Removes the item from the diagram and returns it to the caller. */
WmItem      *_wm_diagram_take_item     (WmDiagram        *self,
                                        WmItem           *item);
void         _wm_diagram_move_in_z     (WmDiagram        *self,
                                        WmItem           *item,
                                        guint             position);
/* Whether @item may sit inside @parent_id: a container of the diagram, not
 * inside @item, and not so deep that @item would sit inside more than
 * WM_LIMIT_CONTAINMENT_DEPTH containers. Its cost is bounded by that limit,
 * so the reader checks every node of a file in linear time. */
gboolean     _wm_diagram_parent_is_valid (WmDiagram      *self,
                                          WmItem         *item,
                                          const char     *parent_id,
                                          GError        **error);
WmValue     *_wm_diagram_get_values    (WmDiagram        *self);
GPtrArray   *_wm_diagram_get_list_mutable (WmDiagram     *self,
                                           const char    *name);
void         _wm_diagram_set_name_internal (WmDiagram    *self,
                                            const char   *name);
void         _wm_diagram_reset_lists   (WmDiagram        *self);

WmListEntry *_wm_list_entry_new        (const char       *id,
                                        const char       *label);
int          _wm_list_entry_index      (GPtrArray        *list,
                                        const char       *id);

/* A snapshot of a diagram's name, fields and lists. */
typedef struct _WmHeader WmHeader;
WmHeader    *_wm_header_capture        (WmDiagram        *self);
void         _wm_header_restore        (WmDiagram        *self,
                                        const WmHeader   *header);
gboolean     _wm_header_equal          (const WmHeader   *a,
                                        const WmHeader   *b);
void         _wm_header_free           (WmHeader         *header);

/* Deltas collected while an edit, undo or redo runs, emitted when it ends. */
WmDelta     *_wm_diagram_delta         (WmDiagram        *self);
void         _wm_diagram_flush_delta   (WmDiagram        *self);
/* Notes an item as modified and its current extent as dirty. */
void         _wm_diagram_note_modified (WmDiagram        *self,
                                        const WmItem     *item);

/* The undo records of a diagram's edits (wm-diagram-changes.c): change
 * objects in the open step of @history. The "will" ones come before the
 * edit, the others after it. */
void         _wm_diagram_record_item_will_change (WmDiagram *self,
                                                  WmHistory *history,
                                                  WmItem    *item);
void         _wm_diagram_record_item_inserted    (WmDiagram *self,
                                                  WmHistory *history,
                                                  WmItem    *item);
void         _wm_diagram_record_item_will_be_removed (WmDiagram *self,
                                                      WmHistory *history,
                                                      WmItem    *item);
void         _wm_diagram_record_item_restacked   (WmDiagram *self,
                                                  WmHistory *history,
                                                  WmItem    *item,
                                                  guint      from,
                                                  guint      to);
void         _wm_diagram_record_header_will_change (WmDiagram *self,
                                                    WmHistory *history);

/* The spatial index (wm-diagram-index.c). The primitives that insert, take
 * and change items tell it so, before the change; it places those items
 * again from their state at the next query. */
WmDiagramIndex *_wm_diagram_index_new      (void);
void            _wm_diagram_index_free     (WmDiagramIndex *index);
void            _wm_diagram_index_inserted (WmDiagram      *self,
                                            WmItem         *item);
void            _wm_diagram_index_removed  (WmDiagram      *self,
                                            WmItem         *item);
void            _wm_diagram_index_changed  (WmDiagram      *self,
                                            const WmItem   *item);
/* Appends the items whose parent is @id, in no particular order. */
void            _wm_diagram_index_children (WmDiagram      *self,
                                            const char     *id,
                                            GPtrArray      *children);
/* Appends the links with @node at an end, each once, in no particular order. */
void            _wm_diagram_index_links    (WmDiagram      *self,
                                            const WmItem   *node,
                                            GPtrArray      *links);

G_END_DECLS
