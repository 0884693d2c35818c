/* wm-rect-grid.h — a spatial index over a fixed array of rectangles
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "wm-types.h"

G_BEGIN_DECLS

typedef struct _WmRectGrid WmRectGrid;

/* Takes @rects (from g_malloc). */
WmRectGrid *wm_rect_grid_new       (WmRect       *rects,
                                     guint         n_rects);
void        wm_rect_grid_free      (WmRectGrid   *grid);
void        wm_rect_grid_query     (WmRectGrid   *grid,
                                     const WmRect *area,
                                     GArray       *indices);
/* Whether the cells are filled (the first queries scan instead, and
 * another thread fills them). */
gboolean    wm_rect_grid_has_cells (WmRectGrid   *grid);
/* For the tests: how many grids' cells are being filled, by all threads. */
guint       _wm_rect_grid_get_n_filling (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmRectGrid, wm_rect_grid_free)

G_END_DECLS
