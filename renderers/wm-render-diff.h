/* wm-render-diff.h — the visual diff of two versions of a diagram
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-export.h"

G_BEGIN_DECLS

/* The document area the visual diff of diagram @diagram_id covers: both
 * versions of the diagram and the legend above them. */
void      wm_render_diff_get_extent (const WmComparison    *comparison,
                                     const char            *diagram_id,
                                     WmRect                *extent);
/* Paints, in document coordinates, the NEW version of diagram @diagram_id
 * (the OLD one when the diagram was removed) with the changes over it:
 * added items outlined green, removed ones ghosted in red where they were,
 * changed ones outlined amber (a moved one also dashed where it was), and a
 * legend with how many of each. */
void      wm_render_diff            (const WmComparison    *comparison,
                                     const char            *diagram_id,
                                     cairo_t               *cr);
/* Writes the visual diff atomically in @options' format: a PDF has one page
 * per changed diagram (@diagram_id NULL) or the one diagram; PNG and SVG
 * show @diagram_id, or the first changed diagram when it is NULL. Fails
 * with G_IO_ERROR_NOT_FOUND when nothing changed in a diagram. */
gboolean  wm_export_diff_to_file    (const WmComparison    *comparison,
                                     const char            *diagram_id,
                                     const WmExportOptions *options,
                                     GFile                 *file,
                                     GError               **error);

G_END_DECLS
