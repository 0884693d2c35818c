/* wm-paint-journey.c — the customer-journey painter (placeholder until its painter lands)
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-paint-journey"

#include "config.h"

#include "wm-painter-private.h"

static void
paint_item (WmPaintContext *ctx,
            const WmItem   *item)
{
  if (wm_item_is_node (item))
    wm_draw_box (ctx->cr, &item->bounds, 4, &wm_color_fill, &wm_color_ink, 1);
}

static void
item_extent (WmDiagram    *diagram,
             const WmItem *item,
             WmRect       *extent)
{
  *extent = wm_item_is_node (item) ? item->bounds : (WmRect) { 0, 0, 0, 0 };
}

const WmPainter _wm_painter_journey = {
  .notation_id = "customer-journey",
  .paint_item = paint_item,
  .item_extent = item_extent,
};
