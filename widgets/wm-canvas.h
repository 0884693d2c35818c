/* wm-canvas.h — the diagram canvas: paints a diagram and turns input into edits
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "waymark-model.h"
#include "wm-viewport.h"
#include "wm-render.h"

G_BEGIN_DECLS

#define WM_TYPE_CANVAS (wm_canvas_get_type ())
G_DECLARE_FINAL_TYPE (WmCanvas, wm_canvas, WM, CANVAS, GtkWidget)

GtkWidget  *wm_canvas_new             (void);

WmDiagram  *wm_canvas_get_diagram     (WmCanvas   *self);
void        wm_canvas_set_diagram     (WmCanvas   *self,
                                       WmDiagram  *diagram);
WmViewport *wm_canvas_get_viewport    (WmCanvas   *self);

/* The selected items' ids, in z-order. */
GStrv       wm_canvas_get_selection   (WmCanvas   *self);
void        wm_canvas_select          (WmCanvas   *self,
                                       const char *const *ids);
void        wm_canvas_select_all      (WmCanvas   *self);
/* Selects @ids and scrolls the view so that they show (centred when they
 * were out of view). */
void        wm_canvas_reveal          (WmCanvas   *self,
                                       const char *const *ids);
/* Fades the items whose text does not contain @filter (case and accents
 * ignored); NULL or "" shows everything. Returns how many items match. */
guint       wm_canvas_set_filter      (WmCanvas   *self,
                                       const char *filter);
void        wm_canvas_zoom_to_fit     (WmCanvas   *self);
/* Fits the diagram's width to the view, whatever the zoom it takes. */
void        wm_canvas_zoom_to_fit_width (WmCanvas *self);
/* The view a diagram opens with: its width at no more than 100 %, or its
 * top-left corner at the least zoom where text reads (wm_render_get_readable_zoom()). */
void        wm_canvas_show_opening_view (WmCanvas *self);
/* The level of detail the canvas paints at (it follows device pixels). */
WmRenderDetail wm_canvas_get_detail   (WmCanvas   *self);

/* The viewport's zoom, as the "zoom" property. */
double      wm_canvas_get_zoom        (WmCanvas   *self);
void        wm_canvas_set_zoom        (WmCanvas   *self,
                                       double      zoom);
/* Whether moved, resized and created items snap to the grid. */
gboolean    wm_canvas_get_snap        (WmCanvas   *self);
void        wm_canvas_set_snap        (WmCanvas   *self,
                                       gboolean    snap);
gboolean    wm_canvas_get_show_grid   (WmCanvas   *self);
void        wm_canvas_set_show_grid   (WmCanvas   *self,
                                       gboolean    show_grid);
/* The distance between grid lines, in document units (10 by default). */
double      wm_canvas_get_grid_size   (WmCanvas   *self);
void        wm_canvas_set_grid_size   (WmCanvas   *self,
                                       double      grid_size);

/* The tool: the id of a node or link type of the diagram's notation, or
 * NULL for the select tool. A click with a node type creates that node and
 * returns to the select tool; a drag with a link type connects two nodes. */
const char *wm_canvas_get_tool        (WmCanvas   *self);
void        wm_canvas_set_tool        (WmCanvas   *self,
                                       const char *type_id);

/* What Enter on a palette tool does: a node of @type_id beside the
 * selection (on its right, clear of other nodes) or in the middle of the
 * view, or for a notation that lays its nodes out, in the selection's block
 * or cell (else the first that takes the type); selected, with its name
 * open for typing, which joins its creation's undo step. NULL when the
 * diagram is read-only or the type is not a node type of its notation. */
WmItem     *wm_canvas_insert_node     (WmCanvas   *self,
                                       const char *type_id);
/* Connect: links the two selected nodes, the first selected to the
 * second, with link type @type_id, or with NULL the one type their
 * notation allows between them, or a type chosen from a menu of those
 * allowed. When none may, a toast says why. FALSE when no link was made
 * (nor a menu opened). */
gboolean    wm_canvas_connect_selection (WmCanvas   *self,
                                       const char *type_id);

G_END_DECLS
