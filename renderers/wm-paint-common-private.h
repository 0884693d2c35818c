/* wm-paint-common-private.h — painting the items every notation offers
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-painter-private.h"

G_BEGIN_DECLS

/* TRUE when @item is a common item (text, box, image: wm-notation-common.h),
 * which the dispatcher paints and measures here rather than through the
 * notation's painter. */
gboolean _wm_paint_common_owns        (const WmItem   *item);
void     _wm_paint_common_item        (WmPaintContext *ctx,
                                       const WmItem   *item);
/* A common item's ink: its bounds, and a box's outline around them. */
void     _wm_paint_common_item_extent (const WmItem   *item,
                                       WmRect         *extent);
/* A rectangle that holds it, found without measuring text; TRUE when it is the extent. */
gboolean _wm_paint_common_item_bound  (const WmItem   *item,
                                       WmRect         *bound);

G_END_DECLS
