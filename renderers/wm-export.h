/* wm-export.h — PNG, PDF and SVG exports of diagrams and whole projects
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wm-render.h"

G_BEGIN_DECLS

typedef enum
{
  WM_EXPORT_PNG,
  WM_EXPORT_PDF,
  WM_EXPORT_SVG,
  WM_EXPORT_PPTX,  /* a PowerPoint deck, see wm-pptx.h */
} WmExportFormat;

typedef enum
{
  WM_PAGE_FIT,      /* a page the size of the drawing */
  WM_PAGE_A4,
  WM_PAGE_A3,
  WM_PAGE_LETTER,
} WmPageSize;

typedef enum
{
  WM_ORIENTATION_AUTO,      /* landscape when the drawing is wider than tall */
  WM_ORIENTATION_PORTRAIT,
  WM_ORIENTATION_LANDSCAPE,
} WmOrientation;

typedef struct
{
  WmExportFormat format;
  double         scale;        /* PNG: pixels per document unit (1 = 96 dpi) */
  gboolean       transparent;  /* PNG: no white background */
  WmPageSize     page;         /* PDF */
  WmOrientation  orientation;  /* PDF */
  double         margin;       /* PDF: in points */
  gboolean       svg_text;     /* SVG: text as <text> elements, not glyph outlines */
  /* Presentation PDF: a diagram whose text would print under 6 pt whole is
   * split over several pages, after an overview. */
  gboolean       tiles;
} WmExportOptions;

/* The largest side, in pixels, of the pictures painted whole in memory: a
 * drawn diff and the PowerPoint deck's slides. A PNG export is written in
 * bands and has limits of its own (wm-png.h). */
#define WM_EXPORT_MAX_PIXELS 20000

void      wm_export_options_init      (WmExportOptions *options);
gboolean  wm_export_format_from_name  (const char      *name,
                                       WmExportFormat  *format);
/* The format a file name's extension implies. */
gboolean  wm_export_format_from_path  (const char      *path,
                                       WmExportFormat  *format);
const char *wm_export_format_extension (WmExportFormat format);
gboolean  wm_export_page_from_name    (const char      *name,
                                       WmPageSize      *page);

/* One diagram in any format, written atomically: a failed export never
 * leaves a truncated file, and the old file stays as it was. */
gboolean  wm_export_diagram_to_file   (WmDiagram             *diagram,
                                       const WmExportOptions *options,
                                       GFile                 *file,
                                       GError               **error);
/* The stakeholder presentation: a title page, then one diagram per page
 * scaled to fit, with the diagram's name and the page number in a footer. */
gboolean  wm_export_presentation_to_file (WmProject             *project,
                                          const WmExportOptions *options,
                                          GFile                 *file,
                                          GError               **error);
gboolean  wm_export_diagram_to_stream (WmDiagram             *diagram,
                                       const WmExportOptions *options,
                                       GOutputStream         *stream,
                                       GError               **error);
gboolean  wm_export_presentation_to_stream (WmProject             *project,
                                            const WmExportOptions *options,
                                            GOutputStream         *stream,
                                            GError               **error);
/* One diagram in memory, for the clipboard and the tests. */
GBytes   *wm_export_diagram           (WmDiagram             *diagram,
                                       const WmExportOptions *options,
                                       GError               **error);

/* Where --diagram=all and the export dialog put each diagram of @project, in
 * order: "deck.png" becomes "deck-subscriber-journey.png". The names are
 * distinct (a counter follows a repeated one) and kept short. */
GStrv     wm_export_paths_for_diagrams (const char          *output,
                                        WmProject           *project,
                                        WmExportFormat       format);
/* Called after each diagram of wm_export_each_diagram(): @error is NULL when
 * the diagram was written to @path. */
typedef void (*WmExportEachFunc) (WmDiagram    *diagram,
                                  const char   *path,
                                  const GError *error,
                                  gpointer      user_data);
/* Exports every diagram to its own file (wm_export_paths_for_diagrams()). A
 * failure does not stop the others; FALSE when any failed, with how many
 * and the first one's message. */
gboolean  wm_export_each_diagram      (WmProject             *project,
                                       const WmExportOptions *options,
                                       const char            *output,
                                       WmExportEachFunc       done,
                                       gpointer               user_data,
                                       GError               **error);

/* The same three exports off the calling thread, for the UI. Each works on a
 * copy of the project taken when it starts (@diagram must belong to a
 * project), so editing may go on meanwhile. The files are written as by the
 * synchronous functions, byte for byte; the calling thread's main context
 * must keep running until the callback, which it calls.
 *
 * Cancelling @cancellable stops the export before the next file is renamed
 * over its target: that file and every later one stay as they were, and the
 * result is G_IO_ERROR_CANCELLED. An export already complete reports success
 * even if cancelled after. */
void      wm_export_diagram_to_file_async       (WmDiagram             *diagram,
                                                 const WmExportOptions *options,
                                                 GFile                 *file,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
gboolean  wm_export_diagram_to_file_finish      (WmDiagram             *diagram,
                                                 GAsyncResult          *result,
                                                 GError               **error);
void      wm_export_presentation_to_file_async  (WmProject             *project,
                                                 const WmExportOptions *options,
                                                 GFile                 *file,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
gboolean  wm_export_presentation_to_file_finish (WmProject             *project,
                                                 GAsyncResult          *result,
                                                 GError               **error);
/* Every diagram to the files wm_export_paths_for_diagrams() names. A failure
 * does not stop the others; the error then says how many failed and why the
 * first did: "1 of 4 diagrams could not be exported: Could not save …". */
void      wm_export_each_diagram_async          (WmProject             *project,
                                                 const WmExportOptions *options,
                                                 const char            *output,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
gboolean  wm_export_each_diagram_finish         (WmProject             *project,
                                                 GAsyncResult          *result,
                                                 GError               **error);

/* Paints @diagram with @extent fitted and centred in the box (x, y, w, h),
 * at full detail: for pages, printed or exported. @text may be NULL. */
void      wm_export_paint_fitted      (cairo_t               *cr,
                                       WmDiagram             *diagram,
                                       WmTextCache           *text,
                                       const WmRect          *extent,
                                       double                 x,
                                       double                 y,
                                       double                 w,
                                       double                 h);

G_END_DECLS
