/* wm-export-private.h — what the export targets share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <locale.h>

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

/* Cairo 1.16 reads the numbers in tag attributes (links, destinations) with
 * sscanf, in LC_NUMERIC, both when a tag is given and when its page ends:
 * under a locale with a decimal comma "x=12.5" fails, and the whole PDF
 * with CAIRO_STATUS_TAG_ERROR. Calls that give tags, end pages or finish
 * the surface run between these two, which switch the calling thread's
 * LC_NUMERIC to C and back; the text drawn meanwhile keeps the user's
 * numbers, which are formatted outside them. */
typedef struct
{
  locale_t previous;
  locale_t c_numeric;
} WmExportNumericC;

void           _wm_export_numeric_c_begin   (WmExportNumericC    *saved);
void           _wm_export_numeric_c_end     (WmExportNumericC    *saved);

/* The appendix of use-case details (the presentation's and the deck's). */
/* The property of @item's type at detail @rank (see WmPropSpec), or NULL. */
const WmPropSpec *_wm_export_detail_spec    (const WmItem          *item,
                                             guint                  rank);
/* The text of detail @spec of @item, or NULL when it is blank. */
char          *_wm_export_detail_text       (const WmItem          *item,
                                             const WmPropSpec      *spec);
/* Whether an item gets a section. Nearly every use case has a one-line
 * description, which alone does not make a section: the details after the
 * first (conditions, flows, extension points) do. */
gboolean       _wm_export_has_details       (const WmItem          *item);

gboolean       _wm_export_pdf_diagram       (WmDiagram             *diagram,
                                             const WmExportOptions *options,
                                             GOutputStream         *stream,
                                             GError               **error);
/* wm-export-svg.c */
gboolean       _wm_export_svg_diagram       (WmDiagram             *diagram,
                                             const WmExportOptions *options,
                                             GOutputStream         *stream,
                                             GError               **error);

G_END_DECLS
