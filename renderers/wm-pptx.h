/* wm-pptx.h — the presentation as a PowerPoint deck (Office Open XML)
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wm-export.h"

G_BEGIN_DECLS

/* The slide size, in EMU (914400 to the inch): 16:9. */
#define WM_PPTX_SLIDE_WIDTH  12192000
#define WM_PPTX_SLIDE_HEIGHT 6858000

/* Writes a .pptx of @project to @stream: a title slide, one slide per
 * diagram (its name as the title, the drawing as an SVG picture with a PNG
 * fallback, its description and figures in the speaker notes), then
 * appendix slides with the use cases' written details. With @only, the deck
 * is that one diagram's slide and @project may be NULL. The package is built
 * in memory and written in one go, so a failure writes nothing. The deck is
 * dated now, or at SOURCE_DATE_EPOCH when that is set, which makes the same
 * project give the same bytes. */
gboolean wm_export_pptx_to_stream (WmProject             *project,
                                   WmDiagram             *only,
                                   const WmExportOptions *options,
                                   GOutputStream         *stream,
                                   GError               **error);

G_END_DECLS
