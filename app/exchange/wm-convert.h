/* wm-convert.h — any format Waymark reads into a project, a project into
 * any text format it writes: what the command line and the editor share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wm-exchange.h"
#include "wm-project.h"

G_BEGIN_DECLS

typedef struct
{
  /* Markdown: also write each diagram's SVG picture next to the document,
   * named after it ("notes.md" gives "notes-subscriber-journey.svg"). */
  gboolean markdown_svgs;
  /* CSV: the project's traceability chains instead of a diagram's table. */
  gboolean csv_traceability;
} WmConvertOptions;

void        wm_convert_options_init    (WmConvertOptions *options);

/* Whether Waymark can read @format (a Waymark project, PlantUML, draw.io or
 * CSV), and whether it can write it with wm_convert_export_to_file(). */
gboolean    wm_convert_can_import      (WmExchangeFormat  format);
gboolean    wm_convert_can_export      (WmExchangeFormat  format);

/* A format named on the command line ("puml", "plantuml", "drawio", "csv",
 * "md", "markdown", "waymark"); WM_EXCHANGE_UNKNOWN for any other. */
WmExchangeFormat wm_convert_format_from_name (const char *name);

/* A new project from @data, of whatever format its content (then
 * @filename's extension) shows: a Waymark project as it was saved, anything
 * else through its importer, laid out, with what it skipped or changed in
 * @log (may be NULL) and titled after @filename without its extension when
 * the importer gave no better title. The project has no file and no undo
 * history. NULL with @error set (WM_ERROR) when nothing could be read. */
WmProject  *wm_convert_import          (const char        *data,
                                        gsize              size,
                                        const char        *filename,
                                        WmImportLog       *log,
                                        GError           **error);

/* Writes @project (only @only when not NULL, and the notation allows it;
 * Markdown and Waymark projects are always the whole project) as @format
 * to @file, atomically: a failed export leaves the old file as it was.
 * @options may be NULL. */
gboolean    wm_convert_export_to_file  (WmProject              *project,
                                        WmDiagram              *only,
                                        WmExchangeFormat        format,
                                        const WmConvertOptions *options,
                                        GFile                  *file,
                                        GError                **error);

G_END_DECLS
