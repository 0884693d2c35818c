/* wm-vsm-private.h — the value stream map checks that need the material flow
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-vsm.h"

G_BEGIN_DECLS

/* Adds the problems the lean metrics reveal to @problems (WmProblem): processes
 * slower than takt, material that never reaches a customer and inventories
 * whose days set by hand disagree with their pieces. The notation's check
 * calls it; the problems it finds on its own stay there. */
void    _wm_vsm_check   (WmDiagram *diagram,
                         GPtrArray *problems);
/* The notation's metrics hook: the totals of wm_vsm_compute() as typed
 * figures, then every waiting item's days and pieces. */
GArray *_wm_vsm_metrics (WmDiagram *diagram);

G_END_DECLS
