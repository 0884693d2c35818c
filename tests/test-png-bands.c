/* test-png-bands.c — the PNG export painted in bands equals one whole picture
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference is the picture painted whole into one cairo image surface,
 * as the PNG export did before it painted bands; the banded PNGs are read
 * back with libpng (through cairo) and must match it pixel for pixel, at
 * the export's own band height and at odd small ones whose seams cut
 * through text and lines.
 */
#include "config.h"

#include <math.h>

#include "wm-export.h"
#include "wm-png.h"
#include "wm-render.h"
#include "wm-render-test-util.h"
#include "wm-test-util.h"

typedef struct
{
  WmDiagram *diagram;
  WmRect     extent;
  double     scale;
  gboolean   transparent;
} Picture;

static void
picture_init (Picture   *picture,
              WmDiagram *diagram,
              double     scale,
              gboolean   transparent)
{
  picture->diagram = diagram;
  picture->scale = scale;
  picture->transparent = transparent;
  wm_render_get_extent (diagram, &picture->extent);
}

static int
picture_width (const Picture *picture)
{
  return (int) ceil (picture->extent.width * picture->scale);
}

static int
picture_height (const Picture *picture)
{
  return (int) ceil (picture->extent.height * picture->scale);
}

/* Paints the whole extent, culling nothing, at the picture's scale. */
static void
paint_whole (cairo_t       *cr,
             const Picture *picture)
{
  WmRenderOptions render;

  wm_render_options_init (&render);
  render.visible = picture->extent;
  render.scale = picture->scale;
  render.paper = !picture->transparent;
  render.text = wm_text_cache_get_default ();
  cairo_scale (cr, picture->scale, picture->scale);
  cairo_translate (cr, -picture->extent.x, -picture->extent.y);
  wm_render_diagram (picture->diagram, cr, &render);
}

static cairo_surface_t *
render_reference (const Picture *picture)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         picture_width (picture),
                                                         picture_height (picture));
  cairo_t *cr = cairo_create (surface);

  paint_whole (cr, picture);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The PNG the export writes. */
static GBytes *
export_png (const Picture *picture)
{
  WmExportOptions options;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  wm_export_options_init (&options);
  options.format = WM_EXPORT_PNG;
  options.scale = picture->scale;
  options.transparent = picture->transparent;
  bytes = wm_export_diagram (picture->diagram, &options, &error);
  g_assert_no_error (error);
  return bytes;
}

/* Like the export, but culling to each band and in bands of @rows. */
static void
paint_band (cairo_t                     *cr,
            const cairo_rectangle_int_t *band,
            gpointer                     user_data)
{
  const Picture *picture = user_data;
  WmRenderOptions render;
  double top = picture->extent.y + band->y / picture->scale;
  double bottom = MIN (picture->extent.y + (band->y + band->height) / picture->scale,
                       picture->extent.y + picture->extent.height);

  wm_render_options_init (&render);
  render.visible = picture->extent;
  render.visible.y = top;
  render.visible.height = bottom - top;
  render.scale = picture->scale;
  render.paper = !picture->transparent;
  render.text = wm_text_cache_get_default ();
  cairo_scale (cr, picture->scale, picture->scale);
  cairo_translate (cr, -picture->extent.x, -picture->extent.y);
  wm_render_diagram (picture->diagram, cr, &render);
}

static GBytes *
write_banded (const Picture *picture,
              int            rows)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  WmPngOptions options;

  wm_png_options_init (&options, picture_width (picture), picture_height (picture));
  options.alpha = picture->transparent;
  options.band_rows = rows;
  g_assert_true (wm_png_write (memory, &options, paint_band, (gpointer) picture, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (memory, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
assert_same_pixels (const Picture   *picture,
                    cairo_surface_t *reference,
                    GBytes          *png,
                    const char      *what)
{
  cairo_surface_t *decoded = wm_test_png_from_bytes (png);
  guint differ = wm_test_count_differences (reference, decoded, picture->transparent);

  if (differ != 0)
    g_test_message ("%s of “%s” at scale %g: %u pixels differ", what,
                    wm_diagram_get_name (picture->diagram), picture->scale, differ);
  g_assert_cmpuint (differ, ==, 0);
  cairo_surface_destroy (decoded);
}

static void
check_diagram (WmDiagram *diagram,
               double     scale,
               gboolean   transparent)
{
  static const int band_rows[] = { 3, 7, 64, 0 };
  Picture picture;
  cairo_surface_t *reference;
  g_autoptr(GBytes) exported = NULL;

  picture_init (&picture, diagram, scale, transparent);
  reference = render_reference (&picture);
  exported = export_png (&picture);
  assert_same_pixels (&picture, reference, exported, "the export");
  for (guint i = 0; i < G_N_ELEMENTS (band_rows); i++)
    {
      g_autoptr(GBytes) banded = NULL;

      /* Three-row bands only on small pictures: they are slow. */
      if (band_rows[i] == 3 && picture_height (&picture) > 400)
        continue;
      g_test_message ("bands of %d rows", band_rows[i]);
      banded = write_banded (&picture, band_rows[i]);
      assert_same_pixels (&picture, reference, banded, "bands");
    }
  cairo_surface_destroy (reference);
}

static void
test_sample_bands (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();

  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);

      check_diagram (diagram, 1, FALSE);
      check_diagram (diagram, 0.37, TRUE);
    }
}

/* The export's resolution chunk: 96 dpi a unit, in pixels per metre. */
static void
test_resolution (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  Picture picture;
  g_autoptr(GBytes) png = NULL;
  const guint8 *data;
  gsize length;
  const guint8 *phys;

  picture_init (&picture, wm_project_get_diagram (project, 0), 3.125, FALSE);
  png = export_png (&picture);
  data = g_bytes_get_data (png, &length);
  phys = memmem (data, length, "pHYs", 4);
  g_assert_nonnull (phys);
  /* 300 dpi: 11 811 pixels a metre, across and down, the unit the metre. */
  g_assert_cmpuint ((guint32) phys[4] << 24 | phys[5] << 16 | phys[6] << 8 | phys[7], ==, 11811);
  g_assert_cmpuint ((guint32) phys[8] << 24 | phys[9] << 16 | phys[10] << 8 | phys[11], ==, 11811);
  g_assert_cmpuint (phys[12], ==, 1);
  /* It comes before the image data, where the format wants it. */
  g_assert_true (phys < (const guint8 *) memmem (data, length, "IDAT", 4));
}

/* A failed write is an error, and the painting stops. */
static void
count_band_paint (cairo_t                     *cr,
                  const cairo_rectangle_int_t *band,
                  gpointer                     user_data)
{
  (*(guint *) user_data)++;
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.6);
  cairo_paint (cr);
}

static void
test_write_error (void)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  WmPngOptions options;
  guint painted = 0;

  /* A closed stream takes nothing: the first write fails. */
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  wm_png_options_init (&options, 300, 4000);
  options.band_rows = 10;
  g_assert_false (wm_png_write (stream, &options, count_band_paint, &painted, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_assert_cmpuint (painted, <, 400);
}

/* Too large a picture is refused before anything is allocated. */
static void
test_limit (void)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  WmPngOptions options;
  guint painted = 0;

  wm_png_options_init (&options, WM_PNG_MAX_PIXELS + 1, 10);
  g_assert_false (wm_png_write (memory, &options, count_band_paint, &painted, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (painted, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/png-bands/sample/same-pixels", test_sample_bands);
  g_test_add_func ("/png-bands/resolution", test_resolution);
  g_test_add_func ("/png-bands/write-error", test_write_error);
  g_test_add_func ("/png-bands/limit", test_limit);
  return g_test_run ();
}
