/* wm-diagram-private.h — the inside of WmDiagram, shared by its source files
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-model-private.h"

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
};

WmListEntry *_wm_list_entry_new   (const char *id,
                                   const char *label);
int          _wm_list_entry_index (GPtrArray  *list,
                                   const char *id);

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

G_END_DECLS
