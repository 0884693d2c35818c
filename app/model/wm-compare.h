/* wm-compare.h — what changed between two versions of a project, item by item
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-types.h"

G_BEGIN_DECLS

/* Where a change happened. */
typedef enum
{
  WM_DIFF_PROJECT,  /* project metadata: property "title", "author", "description" */
  WM_DIFF_DIAGRAM,  /* a whole diagram (added, removed) or one of its header values */
  WM_DIFF_ENTRY,    /* an entry of a diagram list (stages, lanes, legend...) */
  WM_DIFF_ITEM,     /* a node or a link */
} WmDiffScope;

typedef enum
{
  WM_DIFF_ADDED,     /* only in NEW */
  WM_DIFF_REMOVED,   /* only in OLD */
  WM_DIFF_MODIFIED,  /* one property differs: old_value → new_value */
  WM_DIFF_MOVED,     /* an item's bounds only translated, by dx, dy */
} WmDiffKind;

/* One change. Values are the file's value text (what the XML holds, so that
 * they read back with wm_value_parse() or as the file's attribute would),
 * NULL when the value is not set, or the thing does not exist on that side.
 *
 * property names:
 *   WM_DIFF_PROJECT  "title", "author", "description"
 *   WM_DIFF_DIAGRAM  "name", a field of the notation (e.g. "daily-demand"),
 *                    "order" (the diagram's position among the project's,
 *                    as a decimal index; only when the relative order of
 *                    diagrams on both sides differs), "z-order" (the items'
 *                    stacking order changed; values are NULL);
 *                    NULL for ADDED and REMOVED
 *   WM_DIFF_ENTRY    "label", "position" (decimal index, only when the
 *                    relative order of the entries on both sides differs);
 *                    NULL for ADDED and REMOVED (then the value holds the label)
 *   WM_DIFF_ITEM     "text", "bounds" ("x y w h", a resize; a pure
 *                    translation is a WM_DIFF_MOVED instead), "parent",
 *                    "source", "target", "points" (as the file writes them),
 *                    or the name of a property of the type;
 *                    NULL for ADDED, REMOVED and MOVED */
typedef struct
{
  WmDiffScope   scope;
  WmDiffKind    kind;
  char         *diagram;    /* the diagram's id; NULL for WM_DIFF_PROJECT */
  char         *list;       /* WM_DIFF_ENTRY: the list's name, else NULL */
  char         *id;         /* the item's or entry's id; NULL for the other scopes */
  char         *property;   /* see above */
  char         *old_value;
  char         *new_value;
  double        dx;         /* WM_DIFF_MOVED: the translation, in document units */
  double        dy;
} WmDifference;

/* How one item differs, for painters and mergers that ask per item. */
typedef enum
{
  WM_ITEM_DIFF_SAME,
  WM_ITEM_DIFF_ADDED,
  WM_ITEM_DIFF_REMOVED,
  WM_ITEM_DIFF_CHANGED,  /* some property differs */
  WM_ITEM_DIFF_MOVED,    /* only its position differs */
} WmItemDiff;

typedef struct _WmComparison WmComparison;

/* Compares two projects, matching diagrams, items and list entries by id.
 * The comparison keeps a reference to both projects, which must not change
 * while it is in use. Changes come in a stable order: the project's first,
 * then per diagram (in NEW's order, then the diagrams only OLD has): the
 * diagram itself, its header, its list entries, its items (in NEW's z-order,
 * then the removed ones in OLD's), each item's properties in the order of
 * the list above. */
WmComparison   *wm_compare_projects             (WmProject          *old_project,
                                                 WmProject          *new_project);
void            wm_comparison_free              (WmComparison       *self);

WmProject      *wm_comparison_get_old           (const WmComparison *self);
WmProject      *wm_comparison_get_new           (const WmComparison *self);
gboolean        wm_comparison_is_empty          (const WmComparison *self);
guint           wm_comparison_get_n_changes     (const WmComparison *self);
const WmDifference *wm_comparison_get_change        (const WmComparison *self,
                                                 guint               position);

/* The ids of the diagrams with at least one change (added, removed or
 * changed), in the order of the changes; owned by the comparison. */
const char *const *wm_comparison_get_changed_diagrams (const WmComparison *self);

/* The changes of one diagram (a GPtrArray of borrowed const WmDifference *), in
 * order; the caller frees the array (not its elements). */
GPtrArray      *wm_comparison_diagram_changes   (const WmComparison *self,
                                                 const char         *diagram_id);
/* The changes of one item, as above. */
GPtrArray      *wm_comparison_item_changes      (const WmComparison *self,
                                                 const char         *diagram_id,
                                                 const char         *item_id);
/* How item @item_id of diagram @diagram_id differs (WM_ITEM_DIFF_SAME if it does not). */
WmItemDiff      wm_comparison_item_diff         (const WmComparison *self,
                                                 const char         *diagram_id,
                                                 const char         *item_id);

/* The file's value text of each part of an item, as compared: the same
 * names as WmDifference.property for WM_DIFF_ITEM. Returns a new string, or
 * NULL when the value is not set. A merge may use it to read a side's value. */
char           *wm_compare_item_value           (const WmItem       *item,
                                                 const char         *property);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmComparison, wm_comparison_free)

G_END_DECLS
