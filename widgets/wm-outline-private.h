/* wm-outline-private.h — the outline's tree of a diagram, its rows and lists
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "waymark-model.h"

G_BEGIN_DECLS

/* Where every item of one diagram goes in the outline: a snapshot taken by
 * _wm_outline_tree_new() and valid, for its structure, until the diagram's
 * next edit; the rows read names from the diagram itself. Each entry of the
 * tree has a key: an item's id, or a string of the tree's own for a group
 * (a block of a canvas, a stage or a lane, the links). */
typedef struct _WmOutlineTree WmOutlineTree;

WmOutlineTree *_wm_outline_tree_new      (WmDiagram     *diagram);
WmOutlineTree *_wm_outline_tree_ref      (WmOutlineTree *tree);
void           _wm_outline_tree_unref    (WmOutlineTree *tree);
WmDiagram     *_wm_outline_tree_get_diagram (WmOutlineTree *tree);
/* The entries at the top, a list of WmOutlineRow. */
GListModel    *_wm_outline_tree_get_root (WmOutlineTree *tree);
/* The entries under @key, or NULL when it has none (the tree list model's
 * create function). */
GListModel    *_wm_outline_tree_children (WmOutlineTree *tree,
                                          const char    *key);
/* How many row objects are alive: those in view or asked for (for tests). */
guint          _wm_outline_tree_get_n_rows (WmOutlineTree *tree);
/* Every item, in z-order, unstructured: what a search filters. */
GListModel    *_wm_outline_tree_get_all  (WmOutlineTree *tree);
/* The entry that holds @key ("" for the top) and its index there; FALSE
 * when the tree has no such key. */
gboolean       _wm_outline_tree_locate   (WmOutlineTree *tree,
                                          const char    *key,
                                          const char   **parent,
                                          guint         *position);
/* Whether the delta changes where items go (or what the tree holds), so
 * that the tree must be made again; otherwise it only renames rows, which
 * _wm_outline_tree_refresh_rows() does in place. */
gboolean       _wm_outline_tree_is_stale (WmOutlineTree *tree,
                                          const WmDelta *delta);
void           _wm_outline_tree_refresh_rows (WmOutlineTree *tree,
                                              const WmDelta *delta);
/* Whether the tree follows a value stream's flow, whose order depends on
 * the items' figures: after edits, _wm_outline_tree_flow_is_stale() says
 * whether the flow now runs otherwise (a pass over the diagram, to run once
 * the edits pause). */
gboolean       _wm_outline_tree_has_flow (WmOutlineTree *tree);
gboolean       _wm_outline_tree_flow_is_stale (WmOutlineTree *tree);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmOutlineTree, _wm_outline_tree_unref)

/* One row of the outline: an item or a group. */
#define WM_TYPE_OUTLINE_ROW (wm_outline_row_get_type ())
G_DECLARE_FINAL_TYPE (WmOutlineRow, wm_outline_row, WM, OUTLINE_ROW, GObject)

const char *wm_outline_row_get_key     (WmOutlineRow *self);
/* The item's id, or NULL for a group. */
const char *wm_outline_row_get_item_id (WmOutlineRow *self);
/* What the row shows: the item's name (or "(no name)"), and its type. */
const char *wm_outline_row_get_name    (WmOutlineRow *self);
const char *wm_outline_row_get_type_name (WmOutlineRow *self);
/* What a screen reader reads: "name, type". */
const char *wm_outline_row_get_label   (WmOutlineRow *self);
/* Whether the row's name is the item's own (not the "(no name)" stand-in):
 * the search matches only what the analyst wrote. */
gboolean    wm_outline_row_has_name    (WmOutlineRow *self);
/* Whether the row's own name contains @folded, a query wm_find_fold()
 * gave, as wm_find_match() compares them. */
gboolean    wm_outline_row_matches     (WmOutlineRow *self,
                                        const char   *folded);

/* The sentence a screen reader reads for the selection @ids of @diagram:
 * "Process “Assembly”, step 3 of 7", "Use case “Order coffee”, in “Café”",
 * "3 items selected"; for no selection, the diagram's name. */
char       *_wm_outline_describe_selection (WmDiagram         *diagram,
                                            const char *const *ids);

G_END_DECLS
