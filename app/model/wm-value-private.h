/* wm-value-private.h — typed values, as the model's other files use them
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-value.h"

G_BEGIN_DECLS

/* The value in effect: @value when set, else the spec's parsed default. */
const WmValue *_wm_value_effective (const WmPropSpec *spec,
                                    const WmValue    *value);

G_END_DECLS
