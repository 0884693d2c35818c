/* wm-vsm-private.h — the value stream map checks that need the material flow
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-vsm.h"

G_BEGIN_DECLS

/* Adds the problems the lean metrics reveal to @problems (WmProblem): processes
 * slower than takt and material that never reaches a customer. The notation's
 * check calls it; the problems it finds on its own stay there. */
void _wm_vsm_check (WmDiagram *diagram,
                    GPtrArray *problems);

G_END_DECLS
