/* wm-item-private.h — items without history, for the diagram and the reader
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-item.h"

G_BEGIN_DECLS

/* Allocates the item's property values if it has none yet. */
WmValue *_wm_item_ensure_props (WmItem       *item);
/* Makes @dest hold the same state as @src (same type and id). */
void     _wm_item_assign       (WmItem       *dest,
                                const WmItem *src);

G_END_DECLS
