/* wm-export-private.h — what the export targets share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "wm-export.h"

G_BEGIN_DECLS

/* Document units are pixels at 96 dpi; PDF works in points at 72. */
#define WM_POINTS_PER_UNIT 0.75

/* A page size's name and its portrait size in points (0 × 0 for fit). */
typedef struct
{
  const char *name;
  double      width;
  double      height;
} WmExportPage;

extern const WmExportPage _wm_export_pages[];

/* Where cairo's output goes: a stream, and the first error writing to it. */
typedef struct
{
  GOutputStream *stream;
  GError        *error;
} WmExportSink;

/* A cairo write function whose closure is a WmExportSink. */
cairo_status_t _wm_export_write             (void                *closure,
                                             const unsigned char *data,
                                             unsigned int         length);
gboolean       _wm_export_finish_sink       (WmExportSink        *sink,
                                             cairo_status_t       status,
                                             GError             **error);
cairo_status_t _wm_export_finish_surface    (cairo_surface_t     *surface,
                                             cairo_status_t       context_status);
cairo_status_t _wm_export_destroy_context   (cairo_t             *cr);

gboolean       _wm_export_pdf_diagram       (WmDiagram             *diagram,
                                             const WmExportOptions *options,
                                             GOutputStream         *stream,
                                             GError               **error);

G_END_DECLS
