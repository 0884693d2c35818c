/* wm-canvas-journey.c — the canvas's behaviour for journey diagrams
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-canvas"

#include "config.h"

#include "wm-canvas-private.h"

const WmCanvasBehavior _wm_canvas_behavior_journey = {
  .notation_id = "customer-journey",
};
