/* wm-render-private.h — rendering entry points for the tests
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-render.h"

G_BEGIN_DECLS

/* Paints @item and nothing else (no paper, no blocks, grids or timeline), as
 * part of its diagram, so that a test can see exactly the ink it puts down. */
void _wm_render_item_alone (WmDiagram             *diagram,
                            const WmItem          *item,
                            cairo_t               *cr,
                            const WmRenderOptions *options);

G_END_DECLS
