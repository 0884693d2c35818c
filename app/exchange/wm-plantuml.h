/* wm-plantuml.h — use-case diagrams as PlantUML text, in and out
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-exchange.h"
#include "wm-project.h"

G_BEGIN_DECLS

/* @only, or every use-case diagram of @project, as PlantUML text: one
 * @startuml … @enduml block per diagram, titled with its name. NULL with
 * @error set when there is no use-case diagram to write (or @only is of
 * another notation). */
char      *wm_export_plantuml (WmProject   *project,
                               WmDiagram   *only,
                               GError     **error);

/* A new project holding one use-case diagram per @startuml block of @data,
 * laid out automatically. What it reads is PlantUML's use-case syntax as
 * people write it; what it skips or changes goes to @log (which may be
 * NULL), with its line. NULL with @error set only when nothing could be
 * imported. @filename (may be NULL) names the project and the messages. */
WmProject *wm_import_plantuml (const char  *data,
                               gsize        size,
                               const char  *filename,
                               WmImportLog *log,
                               GError     **error);

G_END_DECLS
