/* fuzz-paint.c — libFuzzer target for the painters and the exports
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads arbitrary bytes with wm_project_load_from_data(); whatever loads is
 * painted as the screen paints it (fitted to a small view, and zoomed in on
 * its middle), exported as an SVG and a PNG, and the whole project as the
 * presentation PDF, all in memory. A crash, a sanitizer report, a warning, a
 * Cairo error or an input that takes longer than -timeout is a bug.
 */
#define G_LOG_DOMAIN "fuzz-paint"

#include "config.h"

#include <cairo.h>
#include <stdint.h>
#include <stdlib.h>

#include "wm-draw.h"
#include "wm-export.h"
#include "wm-format.h"

/* The side of the view the diagrams are painted into, in pixels. */
#define VIEW 64

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void G_GNUC_NORETURN
fail (const char *what,
      const char *detail)
{
  g_printerr ("fuzz-paint: %s: %s\n", what, detail != NULL ? detail : "(no detail)");
  abort ();
}

/* Warnings and criticals are bugs. Fontconfig reads its configuration and
 * scans the fonts the first time text is shaped, which takes seconds: that
 * is done here, once, rather than in the first input's time limit. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(WmTextCache) text = wm_text_cache_new ();
  WmTextStyle style = wm_text_style (12);
  WmRenderOptions options;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  wm_render_options_init (&options);
  options.text = text;
  wm_measure_text (&options, "Waymark «include» ü", -1, &style, NULL, NULL);
  return 0;
}

/* Paints @visible of @diagram into a VIEW × VIEW image at @scale. */
static void
paint_view (WmDiagram    *diagram,
            WmTextCache  *text,
            const WmRect *visible,
            double        scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW, VIEW);
  cairo_t *cr = cairo_create (surface);
  WmRenderOptions options;

  wm_render_options_init (&options);
  options.visible = *visible;
  options.scale = scale;
  options.text = text;
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -visible->x, -visible->y);
  wm_render_diagram (diagram, cr, &options);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    fail ("painting left the context in error", cairo_status_to_string (cairo_status (cr)));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The whole diagram fitted to the view, then its middle at 100 %. */
static void
paint_diagram (WmDiagram *diagram)
{
  g_autoptr(WmTextCache) text = wm_text_cache_new ();
  WmRect extent, middle;
  WmPoint centre;

  wm_render_get_extent (diagram, &extent);
  paint_view (diagram, text, &extent, VIEW / MAX (extent.width, extent.height));
  centre = wm_rect_center (&extent);
  middle = (WmRect) { centre.x - VIEW / 2, centre.y - VIEW / 2, VIEW, VIEW };
  paint_view (diagram, text, &middle, 1);
}

/* Whether @error is a refusal of the request (a PNG too large) rather than
 * a failure: a Cairo error means a painter left the drawing half done. */
static gboolean
is_refusal (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* An export may refuse; it may not fail. */
static void
export_diagram (WmDiagram      *diagram,
                WmExportFormat  format)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  WmExportOptions options;
  WmRect extent;

  wm_export_options_init (&options);
  options.format = format;
  if (format == WM_EXPORT_PNG)
    {
      wm_render_get_extent (diagram, &extent);
      options.scale = VIEW / MAX (extent.width, extent.height);
    }
  bytes = wm_export_diagram (diagram, &options, &error);
  if (bytes == NULL && !is_refusal (error))
    fail ("an export failed", error != NULL ? error->message : NULL);
}

static void
export_presentation (WmProject *project)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  WmExportOptions options;

  wm_export_options_init (&options);
  options.format = WM_EXPORT_PDF;
  if (!wm_export_presentation_to_stream (project, &options, stream, &error) && !is_refusal (error))
    fail ("the presentation failed", error != NULL ? error->message : NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;

  project = wm_project_load_from_data ((const char *) data, size, "fuzz.waymark", &error);
  if (project == NULL)
    return 0;
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);

      paint_diagram (diagram);
      export_diagram (diagram, WM_EXPORT_SVG);
      export_diagram (diagram, WM_EXPORT_PNG);
    }
  export_presentation (project);
  return 0;
}
