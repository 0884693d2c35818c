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

/* Whether a file of many items is painted on two threads (on unless turned
 * off, as the tests do to compare); and how many items the second thread
 * has shaped the text of, and painted, in this process. */
void     _wm_render_set_paint_ahead          (gboolean      enabled);
/* For the tests: the second thread takes the last @n_back chunks, no more
 * and no fewer, however fast it is; 0 as it comes. */
void     _wm_render_set_paint_ahead_split    (guint         n_back);
guint    _wm_render_get_n_shaped_ahead       (void);
/* For the tests: faded items (WmRenderOptions.dimmed) painted through a
 * group as large as the clip, not one clipped to their ink. */
void     _wm_render_set_faded_unclipped      (gboolean      unclipped);
guint    _wm_render_get_n_painted_ahead      (void);

G_END_DECLS
