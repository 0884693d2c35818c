/* wm-canvas-bmc.c — the canvas's behaviour for bmc diagrams
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-canvas"

#include "config.h"

#include "wm-canvas-private.h"

const WmCanvasBehavior _wm_canvas_behavior_bmc = {
  .notation_id = "business-model-canvas",
};
