/* wm-bmc.h — the geometry of the Business Model Canvas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-types.h"

G_BEGIN_DECLS

typedef enum
{
  WM_BMC_KEY_PARTNERS,
  WM_BMC_KEY_ACTIVITIES,
  WM_BMC_KEY_RESOURCES,
  WM_BMC_VALUE_PROPOSITIONS,
  WM_BMC_CUSTOMER_RELATIONSHIPS,
  WM_BMC_CHANNELS,
  WM_BMC_CUSTOMER_SEGMENTS,
  WM_BMC_COST_STRUCTURE,
  WM_BMC_REVENUE_STREAMS,
  WM_BMC_N_BLOCKS
} WmBmcBlock;

const char *wm_bmc_block_id    (WmBmcBlock  block);
WmBmcBlock  wm_bmc_block_from_id (const char *id);
/* The block's rectangle on a canvas of @width x @height: five equal columns,
 * the top band three quarters of the height, the bottom band split at the
 * middle of the value propositions column. */
void        wm_bmc_block_rect  (WmBmcBlock  block,
                                double      width,
                                double      height,
                                WmRect     *rect);
/* The block under a point, or WM_BMC_N_BLOCKS outside the canvas. */
WmBmcBlock  wm_bmc_block_at    (double      width,
                                double      height,
                                double      x,
                                double      y);

G_END_DECLS
