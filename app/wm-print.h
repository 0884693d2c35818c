/* wm-print.h — printing diagrams through the same painters as the screen
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "waymark-model.h"

G_BEGIN_DECLS

/* A print operation with one page per diagram of @project, or only @diagram. */
GtkPrintOperation *wm_print_operation_new (WmProject *project,
                                           WmDiagram *diagram);

G_END_DECLS
