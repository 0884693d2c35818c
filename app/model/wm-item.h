/* wm-item.h — nodes and links, the light structs a diagram owns
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-notation.h"

G_BEGIN_DECLS

/* Items are owned by their diagram and are read-only to everyone else: every
 * edit goes through WmDiagram so that it is recorded in the undo history. */
struct _WmItem
{
  const WmItemType *type;
  char             *id;        /* stable, unique in the project */
  char             *text;      /* name or label; never NULL */
  WmValue          *props;     /* NULL until a property is set, else type->n_props values */

  /* Nodes */
  WmRect            bounds;
  char             *parent;    /* id of the containing node, or NULL */

  /* Links */
  char             *source;
  char             *target;
  WmPoint          *points;    /* waypoints between the ends */
  guint             n_points;

  guint             z;         /* position in the diagram's z-order */
};

static inline gboolean
wm_item_is_node (const WmItem *item)
{
  return item->type->kind == WM_ITEM_NODE;
}

static inline gboolean
wm_item_is_link (const WmItem *item)
{
  return item->type->kind == WM_ITEM_LINK;
}

WmItem        *wm_item_new          (const WmItemType *type,
                                     const char       *id);
WmItem        *wm_item_copy         (const WmItem     *item);
void           wm_item_free         (WmItem           *item);
gboolean       wm_item_equal        (const WmItem     *a,
                                     const WmItem     *b);

/* The value of property @name: the one set, else the spec's default. */
const WmValue *wm_item_get_value    (const WmItem     *item,
                                     const char       *name,
                                     const WmPropSpec **spec);
/* Whether @item's type has property @name: asking for a value by a name the
 * type does not have is a critical (a typo must not read as "unset"), so
 * code that serves several types asks this first. */
gboolean       wm_item_has_prop     (const WmItem     *item,
                                     const char       *name);
gboolean       wm_item_has_value    (const WmItem     *item,
                                     const char       *name);
const char    *wm_item_get_string   (const WmItem     *item,
                                     const char       *name);
double         wm_item_get_number   (const WmItem     *item,
                                     const char       *name);
gint64         wm_item_get_integer  (const WmItem     *item,
                                     const char       *name);
gboolean       wm_item_get_boolean  (const WmItem     *item,
                                     const char       *name);
const char    *wm_item_get_choice   (const WmItem     *item,
                                     const char       *name);
const char *const *wm_item_get_strv (const WmItem     *item,
                                     const char       *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmItem, wm_item_free)

G_END_DECLS
