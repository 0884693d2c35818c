/* wm-plantuml-private.h — the PlantUML import's internals, for its tests
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-plantuml.h"

G_BEGIN_DECLS

typedef enum
{
  WM_PLANTUML_LAYOUT_GRAPHVIZ,  /* Graphviz, else the grid: what wm_import_plantuml() does */
  WM_PLANTUML_LAYOUT_GRID,      /* the grid the import falls back on, alone */
} WmPlantumlLayout;

/* wm_import_plantuml() with the layout chosen: the tests check the grid,
 * and the fuzz target reaches the parser many times faster without
 * Graphviz. */
WmProject *_wm_import_plantuml_with_layout (const char       *data,
                                            gsize             size,
                                            const char       *filename,
                                            WmImportLog      *log,
                                            WmPlantumlLayout  layout,
                                            GError          **error);

G_END_DECLS
