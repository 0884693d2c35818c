/* wm-render-private.h — rendering entry points for the tests
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-render.h"

G_BEGIN_DECLS

/* A rectangle that holds the item's extent, found without measuring text
 * where its painter can; TRUE when it is the extent itself. */
gboolean _wm_render_item_bound              (WmDiagram    *diagram,
                                             const WmItem *item,
                                             WmRect       *bound);
/* wm_render_get_extent() as the union of every item's measured extent: what
 * the bounds let it skip must not change the result (the contract test). */
void     _wm_render_get_extent_measuring_all (WmDiagram   *diagram,
                                             WmRect       *extent);

/* Whether painting a file of many items shapes the text of its later half
 * on a second thread (on unless turned off, as the tests do to compare);
 * and how many items have been so shaped in this process. */
void     _wm_render_set_shape_ahead          (gboolean      enabled);
guint    _wm_render_get_n_shaped_ahead       (void);

G_END_DECLS
