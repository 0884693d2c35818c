/* wm-bmc.c — the geometry of the Business Model Canvas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-bmc"

#include "config.h"

#include "wm-bmc.h"

static const char *const block_ids[WM_BMC_N_BLOCKS] = {
  "key-partners", "key-activities", "key-resources", "value-propositions",
  "customer-relationships", "channels", "customer-segments", "cost-structure",
  "revenue-streams",
};

/* Each block as column span and vertical span, in fifths of the width and in
 * eighths of the height: the top band is six eighths, split in half for the
 * stacked blocks; the bottom band is the remaining two. */
static const struct { double col, cols, row, rows; } layout[WM_BMC_N_BLOCKS] = {
  [WM_BMC_KEY_PARTNERS] = { 0, 1, 0, 6 },
  [WM_BMC_KEY_ACTIVITIES] = { 1, 1, 0, 3 },
  [WM_BMC_KEY_RESOURCES] = { 1, 1, 3, 3 },
  [WM_BMC_VALUE_PROPOSITIONS] = { 2, 1, 0, 6 },
  [WM_BMC_CUSTOMER_RELATIONSHIPS] = { 3, 1, 0, 3 },
  [WM_BMC_CHANNELS] = { 3, 1, 3, 3 },
  [WM_BMC_CUSTOMER_SEGMENTS] = { 4, 1, 0, 6 },
  [WM_BMC_COST_STRUCTURE] = { 0, 2.5, 6, 2 },
  [WM_BMC_REVENUE_STREAMS] = { 2.5, 2.5, 6, 2 },
};

const char *
wm_bmc_block_id (WmBmcBlock block)
{
  g_return_val_if_fail (block < WM_BMC_N_BLOCKS, NULL);
  return block_ids[block];
}

WmBmcBlock
wm_bmc_block_from_id (const char *id)
{
  for (guint i = 0; i < WM_BMC_N_BLOCKS; i++)
    if (g_strcmp0 (block_ids[i], id) == 0)
      return i;
  return WM_BMC_N_BLOCKS;
}

void
wm_bmc_block_rect (WmBmcBlock block,
                   double     width,
                   double     height,
                   WmRect    *rect)
{
  double col = width / 5, row = height / 8;

  g_return_if_fail (block < WM_BMC_N_BLOCKS);

  rect->x = layout[block].col * col;
  rect->y = layout[block].row * row;
  rect->width = layout[block].cols * col;
  rect->height = layout[block].rows * row;
}

WmBmcBlock
wm_bmc_block_at (double width,
                 double height,
                 double x,
                 double y)
{
  for (guint i = 0; i < WM_BMC_N_BLOCKS; i++)
    {
      WmRect rect;

      wm_bmc_block_rect (i, width, height, &rect);
      /* Half-open rectangles, so a point on a shared edge belongs to one block. */
      if (x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height)
        return i;
    }
  return WM_BMC_N_BLOCKS;
}
