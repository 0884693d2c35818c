/* test-render.c — painting and exporting: goldens, PNG, SVG, culling, the text cache, long
 * texts, the Value Proposition Canvas's notes and fits
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The golden images in tests/golden/ are the sample's diagrams at scale 1.
 * After an intended change of a painter, rewrite them with
 *
 *     WAYMARK_UPDATE_GOLDENS=1 meson test -C build test-render
 *
 * and look at every one before committing them.
 */
#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <librsvg/rsvg.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <math.h>

#include "wm-draw.h"
#include "wm-export.h"
#include "wm-render-private.h"
#include "wm-render-test-util.h"
#include "wm-test-util.h"

#define SAMPLE "data/samples/bean-box.waymark"
/* A pixel differs when a channel moves by more than this... */
#define CHANNEL_TOLERANCE 48
/* ...and an image matches when at most this share of its pixels differ. */
#define PIXEL_TOLERANCE 0.004

static WmProject *
load_sample (void)
{
  gsize length;
  g_autofree char *data = wm_test_read_source_file (SAMPLE, &length);
  g_autoptr(GError) error = NULL;
  WmProject *project = wm_project_load_from_data (data, length, SAMPLE, &error);

  g_assert_no_error (error);
  return project;
}

static double
difference (cairo_surface_t *a,
            cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  guint64 differing = 0;

  if (width != cairo_image_surface_get_width (b) || height != cairo_image_surface_get_height (b))
    return 1;
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < height; y++)
    {
      const guint8 *ra = cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a);
      const guint8 *rb = cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b);

      for (int x = 0; x < width * 4; x += 4)
        for (int c = 0; c < 4; c++)
          if (ABS (ra[x + c] - rb[x + c]) > CHANNEL_TOLERANCE)
            {
              differing++;
              break;
            }
    }
  return (double) differing / ((double) width * height);
}

static char *
slug (const char *name)
{
  char *text = g_ascii_strdown (name, -1);

  for (char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p))
      *p = '-';
  return text;
}

static void
test_golden (gconstpointer data)
{
  const char *name = data;
  g_autoptr(WmProject) project = load_sample ();
  WmDiagram *diagram = wm_project_find_diagram (project, name);
  g_autofree char *stem = slug (name);
  g_autofree char *file = g_strconcat (stem, ".png", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", file, NULL);
  WmExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *golden_data = NULL;
  gsize golden_length;
  cairo_surface_t *actual, *golden;
  double share;

  g_assert_nonnull (diagram);
  wm_export_options_init (&options);
  options.format = WM_EXPORT_PNG;
  bytes = wm_export_diagram (diagram, &options, &error);
  g_assert_no_error (error);

  if (g_getenv ("WAYMARK_UPDATE_GOLDENS") != NULL)
    {
      g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
      g_test_message ("rewrote %s", path);
      return;
    }
  g_file_get_contents (path, &golden_data, &golden_length, &error);
  g_assert_no_error (error);

  actual = wm_test_png_from_bytes (bytes);
  {
    g_autoptr(GBytes) golden_bytes = g_bytes_new_take (g_steal_pointer (&golden_data), golden_length);
    golden = wm_test_png_from_bytes (golden_bytes);
  }
  share = difference (actual, golden);
  if (share > PIXEL_TOLERANCE)
    {
      g_autofree char *out = g_build_filename (g_get_tmp_dir (), file, NULL);
      cairo_surface_write_to_png (actual, out);
      g_test_message ("%.2f %% of the pixels differ from %s; this run's image is %s",
                      share * 100, path, out);
    }
  g_assert_cmpfloat (share, <=, PIXEL_TOLERANCE);
  cairo_surface_destroy (actual);
  cairo_surface_destroy (golden);
}

static void
test_png_options (void)
{
  g_autoptr(WmProject) project = load_sample ();
  WmDiagram *diagram = wm_project_get_diagram (project, 0);
  WmExportOptions options;
  g_autoptr(GBytes) one = NULL;
  g_autoptr(GBytes) two = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *a, *b;
  WmRect extent;

  wm_export_options_init (&options);
  options.format = WM_EXPORT_PNG;
  one = wm_export_diagram (diagram, &options, &error);
  options.scale = 2;
  options.transparent = TRUE;
  two = wm_export_diagram (diagram, &options, &error);
  g_assert_no_error (error);
  a = wm_test_png_from_bytes (one);
  b = wm_test_png_from_bytes (two);

  /* Scale 2 doubles both sides; the transparent export leaves its margin clear. */
  wm_render_get_extent (diagram, &extent);
  g_assert_cmpint (cairo_image_surface_get_width (a), ==, (int) ceil (extent.width));
  g_assert_cmpint (cairo_image_surface_get_width (b), ==, (int) ceil (extent.width * 2));
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, (int) ceil (extent.height * 2));
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  g_assert_cmpuint (((guint32 *) cairo_image_surface_get_data (a))[0], ==, 0xffffffff);
  g_assert_cmpuint (((guint32 *) cairo_image_surface_get_data (b))[0] >> 24, ==, 0);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);

  /* A scale that would make an absurd image is refused with a message. */
  g_clear_pointer (&two, g_bytes_unref);
  options.scale = 40;
  two = wm_export_diagram (diagram, &options, &error);
  g_assert_null (two);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* A stream that takes @limit bytes and then reports a full disk. */
G_DECLARE_FINAL_TYPE (FullStream, full_stream, FULL, STREAM, GOutputStream)

struct _FullStream
{
  GOutputStream parent_instance;
  gsize         limit;
  gsize         taken;
};

G_DEFINE_TYPE (FullStream, full_stream, G_TYPE_OUTPUT_STREAM)

static gssize
full_stream_write (GOutputStream *stream,
                   const void    *data,
                   gsize          count,
                   GCancellable  *cancellable,
                   GError       **error)
{
  FullStream *self = FULL_STREAM (stream);

  if (self->taken >= self->limit)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
      return -1;
    }
  count = MIN (count, self->limit - self->taken);
  self->taken += count;
  return (gssize) count;
}

static void
full_stream_class_init (FullStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = full_stream_write;
}

static void
full_stream_init (FullStream *self)
{
}

/* An SVG or PDF export whose stream fills up — in the document's head, in
 * the middle of the page, in its last bytes — fails with the stream's
 * error, and succeeds when the stream has room for the document. */
static void
test_export_to_full_stream (void)
{
  static const WmExportFormat formats[] = { WM_EXPORT_SVG, WM_EXPORT_PDF };
  g_autoptr(WmProject) project = load_sample ();
  WmDiagram *diagram = wm_project_get_diagram (project, 0);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    for (guint text = 0; text <= (formats[f] == WM_EXPORT_SVG); text++)
      {
        WmExportOptions options;
        g_autoptr(GBytes) whole = NULL;
        g_autoptr(GError) error = NULL;
        gsize size;

        wm_export_options_init (&options);
        options.format = formats[f];
        options.svg_text = text;
        whole = wm_export_diagram (diagram, &options, &error);
        g_assert_no_error (error);
        size = g_bytes_get_size (whole);

        /* Cairo numbers its surfaces in the SVG (id="surface12") from a
         * counter of the process, so a later export can be a byte longer. */
        const gsize limits[] = { 10, size / 2, size - 16, size + 16 };
        for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
          {
            FullStream *stream = g_object_new (full_stream_get_type (), NULL);
            gboolean ok;

            stream->limit = limits[i];
            ok = wm_export_diagram_to_stream (diagram, &options, G_OUTPUT_STREAM (stream), &error);
            if (limits[i] < size - 8)
              {
                g_assert_false (ok);
                g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
                g_clear_error (&error);
              }
            else
              {
                g_assert_no_error (error);
                g_assert_true (ok);
                g_assert_cmpuint (stream->taken, >=, size - 8);
                g_assert_cmpuint (stream->taken, <=, size + 8);
              }
            g_object_unref (stream);
          }
      }
}

static void
test_svg_is_xml (void)
{
  g_autoptr(WmProject) project = load_sample ();
  WmExportOptions options;
  g_autoptr(GError) error = NULL;

  wm_export_options_init (&options);
  options.format = WM_EXPORT_SVG;
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      g_autoptr(GBytes) bytes = wm_export_diagram (wm_project_get_diagram (project, i), &options,
                                                   &error);
      xmlDocPtr doc;

      g_assert_no_error (error);
      doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes),
                           "export.svg", NULL, XML_PARSE_NONET);
      g_assert_nonnull (doc);
      g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
      xmlFreeDoc (doc);
    }
}

static void
test_failed_export_keeps_file (void)
{
  g_autoptr(WmProject) project = load_sample ();
  WmDiagram *diagram = wm_project_get_diagram (project, 0);
  g_autofree char *dir = g_dir_make_tmp ("waymark-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_build_filename (dir, "missing", "out.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  WmExportOptions options;

  wm_export_options_init (&options);
  g_file_set_contents (path, "old", -1, NULL);
  g_assert_false (wm_export_presentation_to_file (project, &options, nowhere, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An export that fails after the file was opened leaves the old file whole
   * and no temporary file beside it. */
  options.format = WM_EXPORT_PNG;
  options.scale = 40;
  g_assert_false (wm_export_diagram_to_file (diagram, &options, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, "old");
  {
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    g_assert_cmpstr (g_dir_read_name (handle), ==, "out.png");
    g_assert_null (g_dir_read_name (handle));
  }

  options.scale = 0.25;
  g_assert_true (wm_export_diagram_to_file (diagram, &options, file, NULL));
  g_clear_pointer (&after, g_free);
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_true (g_str_has_prefix (after, "\x89PNG"));
  g_remove (path);
  g_rmdir (dir);
}

static guint64
count_ink (cairo_surface_t *surface)
{
  guint64 ink = 0;
  int width = cairo_image_surface_get_width (surface);

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface) +
                                              y * cairo_image_surface_get_stride (surface));
      for (int x = 0; x < width; x++)
        ink += row[x] >> 24 != 0;
    }
  return ink;
}

static void
test_culling (void)
{
  g_autoptr(WmProject) project = load_sample ();
  WmDiagram *diagram = wm_project_find_diagram (project, "Ordering and subscription");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 200);
  cairo_t *cr = cairo_create (surface);
  WmRenderOptions options;

  /* A visible area far away from everything paints nothing but its paper. */
  wm_render_options_init (&options);
  options.paper = FALSE;
  options.visible = (WmRect) { 50000, 50000, 200, 200 };
  cairo_translate (cr, -50000, -50000);
  wm_render_diagram (diagram, cr, &options);
  g_assert_cmpuint (count_ink (surface), ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Paints @tile of @diagram at scale 1 into @surface, culled to the tile or
 * painting everything and letting the clip cut it. */
static void
paint_tile (WmDiagram       *diagram,
            cairo_surface_t *surface,
            const WmRect    *tile,
            gboolean         culled)
{
  cairo_t *cr = cairo_create (surface);
  WmRenderOptions options;

  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  wm_render_options_init (&options);
  options.paper = FALSE;
  options.scale = 1;
  if (culled)
    options.visible = *tile;
  cairo_translate (cr, -tile->x, -tile->y);
  cairo_rectangle (cr, tile->x, tile->y, tile->width, tile->height);
  cairo_clip (cr);
  wm_render_diagram (diagram, cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

/* Each tile of @diagram's extent paints the same culled as whole. */
static void
assert_culling_agrees (WmDiagram *diagram)
{
  const double size = 160;
  cairo_surface_t *culled = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_surface_t *whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  WmRect extent;

  wm_render_get_extent (diagram, &extent);
  for (double y = extent.y; y < extent.y + extent.height; y += size)
    for (double x = extent.x; x < extent.x + extent.width; x += size)
      {
        WmRect tile = { x, y, size, size };
        gsize bytes = cairo_image_surface_get_stride (whole) * size;

        paint_tile (diagram, culled, &tile, TRUE);
        paint_tile (diagram, whole, &tile, FALSE);
        if (memcmp (cairo_image_surface_get_data (culled),
                    cairo_image_surface_get_data (whole), bytes) != 0)
          g_error ("%s: the tile at %g, %g paints differently culled",
                   wm_diagram_get_notation (diagram)->id, x, y);
      }
  cairo_surface_destroy (culled);
  cairo_surface_destroy (whole);
}

/* Culling to the view changes no pixel of it, for every notation (those
 * whose painter lays nodes out itself cull by bounds they keep until the
 * diagram changes): every sample diagram, and again after an edit that
 * moves every item's place in the z-order and the layout. */
static void
test_culling_agrees (void)
{
  g_autoptr(WmProject) project = load_sample ();

  for (guint d = 0; d < wm_project_get_n_diagrams (project); d++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, d);
      const char *first[] = { NULL, NULL };

      assert_culling_agrees (diagram);
      for (guint i = 0; i < wm_diagram_get_n_items (diagram) && first[0] == NULL; i++)
        if (wm_item_is_node (wm_diagram_get_item (diagram, i)))
          first[0] = wm_diagram_get_item (diagram, i)->id;
      g_assert_cmpuint (wm_diagram_remove_items (diagram, first), >, 0);
      assert_culling_agrees (diagram);
    }
}

/* Paints all of @diagram at @scale into a new image, with every item faded
 * as a find that matches nothing fades them. */
static cairo_surface_t *
paint_faded (WmDiagram *diagram,
             double     scale)
{
  g_autoptr(GHashTable) dimmed = g_hash_table_new (g_str_hash, g_str_equal);
  cairo_surface_t *surface;
  WmRenderOptions options;
  WmRect extent;
  cairo_t *cr;

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    g_hash_table_add (dimmed, wm_diagram_get_item (diagram, i)->id);
  wm_render_get_extent (diagram, &extent);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (extent.width * scale),
                                        (int) ceil (extent.height * scale));
  cr = cairo_create (surface);
  wm_render_options_init (&options);
  options.scale = scale;
  options.visible = extent;
  options.dimmed = dimmed;
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -extent.x, -extent.y);
  wm_render_diagram (diagram, cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* A faded item goes through a group clipped to the pixels of its ink: the
 * same pixels as through a group as large as the view, for every notation
 * and at scales that put its edges between pixels. */
static void
test_faded_clipped_to_ink (void)
{
  g_autoptr(WmProject) project = load_sample ();
  const double scales[] = { 1, 0.37, 1.6 };

  for (guint d = 0; d < wm_project_get_n_diagrams (project); d++)
    for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
      {
        WmDiagram *diagram = wm_project_get_diagram (project, d);
        cairo_surface_t *clipped = paint_faded (diagram, scales[s]);
        cairo_surface_t *whole;

        _wm_render_set_faded_unclipped (TRUE);
        whole = paint_faded (diagram, scales[s]);
        _wm_render_set_faded_unclipped (FALSE);
        g_assert_cmpuint (count_ink (clipped), >, 0);
        if (memcmp (cairo_image_surface_get_data (clipped), cairo_image_surface_get_data (whole),
                    (gsize) cairo_image_surface_get_stride (whole) *
                      (gsize) cairo_image_surface_get_height (whole)) != 0)
          g_error ("%s at scale %g: a faded item loses ink to its clip",
                   wm_diagram_get_notation (diagram)->id, scales[s]);
        cairo_surface_destroy (clipped);
        cairo_surface_destroy (whole);
      }
}

static void
test_text_cache_reuses_layouts (void)
{
  g_autoptr(WmProject) project = load_sample ();
  g_autoptr(WmTextCache) text = wm_text_cache_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
  cairo_t *cr = cairo_create (surface);
  WmRenderOptions options;
  guint after_first;

  wm_render_options_init (&options);
  options.text = text;
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    wm_render_diagram (wm_project_get_diagram (project, i), cr, &options);
  after_first = wm_text_cache_get_size (text);
  g_assert_cmpuint (after_first, >, 20);
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    wm_render_diagram (wm_project_get_diagram (project, i), cr, &options);
  /* The second paint shapes nothing new. */
  g_assert_cmpuint (wm_text_cache_get_size (text), ==, after_first);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A caption measured in the width of its box, then drawn in that box, is
 * shaped once: measuring a short line uses the layout drawing will. */
static void
test_text_measure_then_draw (void)
{
  g_autoptr(WmTextCache) text = wm_text_cache_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 50);
  cairo_t *cr = cairo_create (surface);
  WmTextStyle style = wm_text_style (10);
  WmRenderOptions options;
  WmRect box = { 0, 0, 160, 30 };
  double width, height, wrapped_width, wrapped_height;

  wm_render_options_init (&options);
  options.text = text;
  wm_measure_text (&options, "Uptime 85 %", box.width, &style, &width, &height);
  g_assert_cmpfloat (width, >, 0);
  g_assert_cmpfloat (width, <=, box.width);
  g_assert_cmpuint (wm_text_cache_get_size (text), ==, 1);
  wm_draw_text (cr, &options, "Uptime 85 %", &box, &style);
  g_assert_cmpuint (wm_text_cache_get_size (text), ==, 1);

  /* A text too long for the width is still measured wrapped. */
  wm_measure_text (&options, "a caption long enough to need a second line", 60, &style,
                   &wrapped_width, &wrapped_height);
  g_assert_cmpfloat (wrapped_width, <=, 60);
  g_assert_cmpfloat (wrapped_height, >, 1.5 * height);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Many texts: short ones and ones that wrap, at three widths, in two styles. */
static WmTextMeasure *
many_texts (guint n)
{
  WmTextMeasure *texts = g_new0 (WmTextMeasure, n);
  static const double widths[] = { 120, -1, 60 };

  for (guint i = 0; i < n; i++)
    {
      texts[i].text = i % 2 ? g_strdup_printf ("Card %u", i)
                            : g_strdup_printf ("Stage %u: see the workshop photos\nand %u", i, i * 7);
      texts[i].width = widths[i % G_N_ELEMENTS (widths)];
      texts[i].style = wm_text_style (i % 5 ? 10 : 13);
      texts[i].style.weight = i % 5 ? PANGO_WEIGHT_NORMAL : PANGO_WEIGHT_BOLD;
    }
  return texts;
}

static void
free_texts (WmTextMeasure *texts,
            guint          n)
{
  for (guint i = 0; i < n; i++)
    g_free ((char *) texts[i].text);
  g_free (texts);
}

/* Draws @texts from @options's cache into a PDF of a fixed date, returned. */
static GBytes *
draw_texts_to_pdf (const WmRenderOptions *options,
                   const WmTextMeasure   *texts,
                   guint                  n)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (wm_test_append_bytes, out,
                                                                  600, 600);
  cairo_t *cr = cairo_create (surface);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2026-01-01T00:00:00Z");
  for (guint i = 0; i < n; i++)
    wm_draw_text (cr, options, texts[i].text,
                  &(WmRect) { (i % 4) * 140, (i / 4) % 20 * 28, 130, 26 }, &texts[i].style);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* Measured all at once, half of the texts are shaped on a second thread:
 * each measures as alone, its layout joins the caller's cache (measuring
 * again shapes nothing), and a PDF drawn from those layouts is byte for
 * byte the one drawn from layouts shaped on one thread — the same fonts,
 * not a second copy of each from the other thread's font map. */
static void
test_text_measure_many (void)
{
  const guint n = 1200;
  g_autoptr(WmTextCache) together = wm_text_cache_new ();
  g_autoptr(WmTextCache) alone = wm_text_cache_new ();
  WmTextMeasure *texts = many_texts (n);
  WmRenderOptions with_together, with_alone;
  g_autoptr(GBytes) pdf_together = NULL, pdf_alone = NULL;
  guint shaped;

  if (g_get_num_processors () < 2)
    {
      g_test_skip ("one processor: wm_measure_texts() shapes on this thread only");
      free_texts (texts, n);
      return;
    }
  wm_render_options_init (&with_together);
  with_together.text = together;
  wm_render_options_init (&with_alone);
  with_alone.text = alone;
  wm_measure_texts (&with_together, texts, n);
  for (guint i = 0; i < n; i++)
    {
      double width, height;

      wm_measure_text (&with_alone, texts[i].text, texts[i].width, &texts[i].style, &width,
                       &height);
      g_assert_cmpfloat (texts[i].out_width, ==, width);
      g_assert_cmpfloat (texts[i].out_height, ==, height);
      g_assert_cmpfloat (height, >, 0);
    }
  shaped = wm_text_cache_get_size (together);
  g_assert_cmpuint (shaped, ==, wm_text_cache_get_size (alone));
  for (guint i = 0; i < n; i++)
    wm_measure_text (&with_together, texts[i].text, texts[i].width, &texts[i].style, NULL, NULL);
  g_assert_cmpuint (wm_text_cache_get_size (together), ==, shaped);

  pdf_together = draw_texts_to_pdf (&with_together, texts, n);
  /* The short texts, a half, drew from the layouts measuring made: more
   * than the quarter shaped on this thread, so some from the other's. */
  g_assert_cmpuint (n - (wm_text_cache_get_size (together) - shaped), >, n / 4);
  pdf_alone = draw_texts_to_pdf (&with_alone, texts, n);
  g_assert_true (g_bytes_equal (pdf_together, pdf_alone));
  free_texts (texts, n);
}

/* A diagram of @notation with @n nodes of @type, named with a few words, in
 * rows of 40, each joined to the next by a link of @link_type. */
static WmProject *
many_linked (const char *notation,
             const char *type,
             const char *link_type,
             guint       n)
{
  WmProject *project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, notation, "Flow");
  WmItem *previous = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Step %u of the order flow", i);
      WmRect bounds = { (i % 40) * 200.0, (i / 40) * 160.0, 120, 70 };
      WmItem *node = wm_test_add_node (diagram, type, &bounds, name);

      if (previous != NULL)
        wm_test_add_link (diagram, link_type, previous, node);
      previous = node;
    }
  return project;
}

/* A value stream of @n processes, each pushing to the next. */
static WmProject *
many_processes (guint n)
{
  return many_linked ("value-stream-map", "process", "push", n);
}

/* Cairo names an SVG's page after its surface, counted across the
 * process: only that may differ between two paints of one process. */
static GBytes *
svg_without_surface_ids (gconstpointer data,
                         gsize         length)
{
  g_autoptr(GRegex) surface_id = g_regex_new ("surface[0-9]+", 0, 0, NULL);
  g_autofree char *text = g_strndup (data, length);
  char *svg = g_regex_replace_literal (surface_id, text, -1, 0, "surface", 0, NULL);

  return g_bytes_new_take (svg, strlen (svg));
}

/* @diagram painted whole into a PDF (of a fixed date) or an SVG, with
 * @cache for its text. */
static GBytes *
paint_file (WmDiagram   *diagram,
            gboolean     pdf,
            WmTextCache *cache)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *surface = pdf ? cairo_pdf_surface_create_for_stream (wm_test_append_bytes, out,
                                                                        800, 600)
                                 : cairo_svg_surface_create_for_stream (wm_test_append_bytes, out,
                                                                        800, 600);
  cairo_t *cr = cairo_create (surface);
  WmRenderOptions options;

  if (pdf)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                    "2026-01-01T00:00:00Z");
  wm_render_options_init (&options);
  options.text = cache;
  cairo_scale (cr, 0.1, 0.1);
  wm_render_diagram (diagram, cr, &options);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  if (pdf)
    return g_byte_array_free_to_bytes (g_steal_pointer (&out));
  return svg_without_surface_ids (out->data, out->len);
}

/* @file, a PDF or an SVG of 800 × 600 points, as pixels: the PDF as poppler
 * draws it (pdftocairo), the SVG as librsvg does. */
static cairo_surface_t *
file_pixels (GBytes   *file,
             gboolean  pdf)
{
  cairo_surface_t *image;
  g_autoptr(GError) error = NULL;

  if (pdf)
    {
      g_autofree char *program = g_find_program_in_path ("pdftocairo");
      g_autofree char *dir = g_dir_make_tmp ("wm-render-XXXXXX", &error);
      g_autofree char *path = g_build_filename (dir, "file.pdf", NULL);
      g_autofree char *base = g_build_filename (dir, "page", NULL);
      g_autofree char *png = g_strconcat (base, ".png", NULL);
      int status;

      g_assert_no_error (error);
      if (program == NULL)
        g_error ("pdftocairo is missing: install poppler-utils (build-aux/deps.sh does)");
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (file, NULL),
                                          (gssize) g_bytes_get_size (file), &error));
      g_spawn_sync (NULL, (char *[]) { program, "-png", "-singlefile", "-r", "72", path, base, NULL },
                    NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_spawn_check_wait_status (status, &error);
      g_assert_no_error (error);
      image = cairo_image_surface_create_from_png (png);
      g_remove (png);
      g_remove (path);
      g_rmdir (dir);
    }
  else
    {
      RsvgHandle *handle = rsvg_handle_new_from_data (g_bytes_get_data (file, NULL),
                                                      g_bytes_get_size (file), &error);
      RsvgRectangle page = { 0, 0, 800, 600 };
      cairo_t *cr;

      g_assert_no_error (error);
      image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
      cr = cairo_create (image);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      g_assert_true (rsvg_handle_render_document (handle, cr, &page, &error));
      g_assert_no_error (error);
      cairo_destroy (cr);
      g_object_unref (handle);
    }
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  return image;
}

/* A file of many items is painted on two threads: the second paints the
 * last chunks into batches the first draws after its own. Its text joins
 * the paint's cache, and the file shows what the file painted on one
 * thread shows: the same pixels, but for a few at the edges of shapes
 * that meet at a seam of the chunks, which now come in another order
 * (librsvg draws some 0.2 % of them up to 8 levels apart). */
static void
test_paint_ahead (gconstpointer data)
{
  /* A use case's «include» labels are drawn over every item (take_later). */
  g_autoptr(WmProject) project = g_str_equal (data, "use-case")
                                   ? many_linked ("use-case", "use-case", "include", 800)
                                   : many_processes (800);
  WmDiagram *diagram = wm_project_get_diagram (project, 0);
  guint n = wm_diagram_get_n_items (diagram);
  /* The other thread's share: the last 3 chunks of 8. */
  guint later = n - n * 5 / 8;

  if (g_get_num_processors () < 2)
    {
      g_test_skip ("one processor: nothing is painted ahead");
      return;
    }
  for (guint pdf = 0; pdf < 2; pdf++)
    {
      g_autoptr(WmTextCache) one = wm_text_cache_new ();
      g_autoptr(WmTextCache) two = wm_text_cache_new ();
      g_autoptr(GBytes) alone = NULL, ahead = NULL;
      cairo_surface_t *expected, *actual;
      guint painted = _wm_render_get_n_painted_ahead ();
      guint shaped = _wm_render_get_n_shaped_ahead ();

      _wm_render_set_paint_ahead (FALSE);
      alone = paint_file (diagram, pdf, one);
      g_assert_cmpuint (_wm_render_get_n_shaped_ahead (), ==, shaped);
      _wm_render_set_paint_ahead (TRUE);
      _wm_render_set_paint_ahead_split (3);
      ahead = paint_file (diagram, pdf, two);
      _wm_render_set_paint_ahead_split (0);
      g_assert_cmpuint (_wm_render_get_n_painted_ahead () - painted, ==, later);
      g_assert_cmpuint (_wm_render_get_n_shaped_ahead () - shaped, ==, later);
      g_assert_cmpuint (wm_text_cache_get_size (two), ==, wm_text_cache_get_size (one));
      expected = file_pixels (alone, pdf);
      actual = file_pixels (ahead, pdf);
      g_assert_cmpuint (wm_test_count_differences_beyond (expected, actual, FALSE, 12), ==, 0);
      g_assert_cmpuint (wm_test_count_differences_beyond (expected, actual, FALSE, 2), <=,
                        800 * 600 / 100);
      cairo_surface_destroy (expected);
      cairo_surface_destroy (actual);
    }
}

/* Text given to a sink (an SVG's editable <text>) must reach it in paint
 * order: the second thread only shapes its chunks, and the file is the one
 * painted on one thread, byte for byte. */
static void
test_paint_ahead_text_sink (void)
{
  g_autoptr(WmProject) project = many_processes (800);
  WmDiagram *diagram = wm_project_get_diagram (project, 0);
  guint n = wm_diagram_get_n_items (diagram);
  g_autoptr(GBytes) alone = NULL;
  g_autoptr(GBytes) ahead_file = NULL;
  WmExportOptions options;

  if (g_get_num_processors () < 2)
    {
      g_test_skip ("one processor: nothing is shaped ahead");
      return;
    }
  wm_export_options_init (&options);
  options.format = WM_EXPORT_SVG;
  options.svg_text = TRUE;
  for (guint ahead = 0; ahead < 2; ahead++)
    {
      g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
      g_autoptr(GError) error = NULL;
      guint painted = _wm_render_get_n_painted_ahead ();
      guint shaped = _wm_render_get_n_shaped_ahead ();

      _wm_render_set_paint_ahead (ahead);
      _wm_render_set_paint_ahead_split (3);
      g_assert_true (wm_export_diagram_to_stream (diagram, &options, stream, &error));
      g_assert_no_error (error);
      _wm_render_set_paint_ahead_split (0);
      g_assert_cmpuint (_wm_render_get_n_painted_ahead (), ==, painted);
      g_assert_cmpuint (_wm_render_get_n_shaped_ahead () - shaped, ==, ahead ? n - n * 5 / 8 : 0);
      g_output_stream_close (stream, NULL, NULL);
      *(ahead ? &ahead_file : &alone) =
        svg_without_surface_ids (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                                 g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
    }
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (alone, NULL), -1, "<text"));
  g_assert_true (g_bytes_equal (alone, ahead_file));
}

/* Draws @text in @box into a fresh surface with a cache of its own, after
 * measuring it in @measure_width unless that is 0; @shaped receives how
 * many layouts drawing added to the cache. */
static cairo_surface_t *
draw_after_measure (const char        *text,
                    const WmRect      *box,
                    const WmTextStyle *style,
                    double             measure_width,
                    guint             *shaped)
{
  g_autoptr(WmTextCache) cache = wm_text_cache_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 240, 80);
  cairo_t *cr = cairo_create (surface);
  WmRenderOptions options;
  guint before;

  wm_render_options_init (&options);
  options.text = cache;
  if (measure_width != 0)
    wm_measure_text (&options, text, measure_width, style, NULL, NULL);
  before = wm_text_cache_get_size (cache);
  wm_draw_text (cr, &options, text, box, style);
  *shaped = wm_text_cache_get_size (cache) - before;
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
assert_same_bytes (cairo_surface_t *a,
                   cairo_surface_t *b)
{
  g_assert_cmpint (cairo_image_surface_get_stride (a), ==, cairo_image_surface_get_stride (b));
  g_assert_true (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                         (gsize) cairo_image_surface_get_stride (a) *
                         cairo_image_surface_get_height (a)) == 0);
}

/* A text aligned by @halign, measured (in @measure, -1 for its natural
 * width), then drawn in @box, which takes @shaped new layouts. */
typedef struct
{
  const char *text;
  WmAlign     halign;
  double      measure;
  WmRect      box;
  guint       shaped;
} MeasuredCase;

/* A text measured and then drawn whole in its box is drawn from the layout
 * measuring made, not shaped again with an ellipsis it does not need: a
 * note wrapped in the box's width, a line whose natural width fits though
 * it is longer than the quick guess allows. The pixels are those a cache
 * that never measured it draws. A text taller than its box is shaped
 * again, ellipsized. */
static void
test_text_measured_layout_drawn (void)
{
  const char *note = "Emotion point 101, a note that wraps";
  const char *line = "Dana, daily commuter";
  const char *long_note = "Emotion point 101, a note that wraps onto more lines than its box holds";
  WmTextStyle style = wm_text_style (10);
  g_autoptr(WmTextCache) cache = wm_text_cache_new ();
  WmRenderOptions options;
  double line_width, note_width, note_height;
  MeasuredCase cases[4];

  wm_render_options_init (&options);
  options.text = cache;
  wm_measure_text (&options, line, -1, &style, &line_width, NULL);
  wm_measure_text (&options, note, 96, &style, &note_width, &note_height);
  /* The line is wider than the guess of one line allows for this box. */
  g_assert_cmpfloat (strlen (line) * style.size * 0.6, >, line_width + 1);
  g_assert_cmpfloat (note_height, >, 20);
  cases[0] = (MeasuredCase) { note, WM_ALIGN_CENTER, 96, { 4, 4, 96, note_height + 1 }, 0 };
  cases[1] = (MeasuredCase) { line, WM_ALIGN_START, -1, { 4, 4, line_width + 1, 30 }, 0 };
  cases[2] = (MeasuredCase) { long_note, WM_ALIGN_CENTER, 96, { 4, 4, 96, 14 }, 1 };
  /* Centred, a line's natural layout would be placed by an offset of our
   * own: it is shaped again, in its box, for Pango to centre. */
  cases[3] = (MeasuredCase) { line, WM_ALIGN_CENTER, -1, { 4, 4, line_width + 1, 30 }, 1 };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint shaped, unused;
      cairo_surface_t *drawn, *fresh;

      style.halign = cases[i].halign;
      drawn = draw_after_measure (cases[i].text, &cases[i].box, &style, cases[i].measure, &shaped);
      fresh = draw_after_measure (cases[i].text, &cases[i].box, &style, 0, &unused);

      g_assert_cmpuint (shaped, ==, cases[i].shaped);
      assert_same_bytes (drawn, fresh);
      cairo_surface_destroy (drawn);
      cairo_surface_destroy (fresh);
    }
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_dashed_frame (cairo_t  *cr,
                   gboolean  ours)
{
  double dashes[] = { 8, 4 };

  cairo_scale (cr, 0.5, 0.5);
  cairo_rectangle (cr, 20, 20, 160, 100);
  cairo_set_line_width (cr, 6);
  cairo_set_dash (cr, dashes, 2, 3);
  if (ours)
    wm_stroke (cr);
  else
    cairo_stroke (cr);
}

static char *
svg_of_dashed_frame (gboolean ours)
{
  GString *svg = g_string_new (NULL);
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (append_bytes, svg, 100, 70);
  cairo_t *cr = cairo_create (surface);

  draw_dashed_frame (cr, ours);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_string_free (svg, FALSE);
}

/* Under a scale, cairo writes a stroke with a transform of its own;
 * wm_stroke() writes it in the page's space, its width and dashes scaled,
 * so that it draws the same. */
static void
test_stroke_in_device_space (void)
{
  g_autofree char *theirs = svg_of_dashed_frame (FALSE);
  g_autofree char *ours = svg_of_dashed_frame (TRUE);

  g_assert_nonnull (strstr (theirs, "transform=\"matrix(0.5,0,0,0.5,0,0)\""));
  g_assert_nonnull (strstr (theirs, "stroke-width:6;"));
  g_assert_null (strstr (ours, "transform="));
  g_assert_nonnull (strstr (ours, "stroke-width:3;"));
  g_assert_nonnull (strstr (ours, "stroke-dasharray:4,2;"));
  g_assert_nonnull (strstr (ours, "stroke-dashoffset:1.5;"));
  g_assert_nonnull (strstr (ours, "d=\"M 10 10 L 90 10 L 90 60 L 10 60 Z"));
}

/* An ellipse of @rect with a pen of @pen under a scale of @scale, as
 * wm_draw_ellipse() draws it (@ours) or filled and stroked with cairo. */
static cairo_surface_t *
ellipse_image (gboolean      ours,
               const WmRect *rect,
               double        pen,
               double        scale)
{
  static const WmColor fill = { 0.94, 0.96, 1, 1 }, ink = { 0.1, 0.1, 0.15, 1 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  if (ours)
    wm_draw_ellipse (cr, rect, &fill, &ink, pen);
  else
    {
      wm_path_ellipse (cr, rect);
      wm_set_color (cr, &fill);
      cairo_fill_preserve (cr);
      wm_set_color (cr, &ink);
      cairo_set_line_width (cr, pen);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
  return surface;
}

/* On a raster surface an outlined ellipse is two fills, not a fill and a
 * stroke: the picture is the stroke's — no pixel off by more than 96 of
 * 255, at most one ink pixel in twenty off by more than 40 (an edge moved
 * by under a fifth of a pixel: an ellipse's offset is not quite an
 * ellipse) — and in a file it stays a stroke. */
static void
test_ellipse_as_two_fills (void)
{
  static const struct { WmRect rect; double pen, scale; } cases[] = {
    { { 20, 20, 300, 120 }, 1.5, 1 },
    { { 10, 10, 160, 60 }, 1.5, 2 },
    { { 50, 40, 90, 90 }, 4, 1.5 },
    { { 100, 100, 200, 80 }, 1, 0.635 },
  };
  static const WmColor fill = { 1, 1, 1, 1 }, ink = { 0, 0, 0, 1 };
  g_autoptr(GString) svg = g_string_new (NULL);
  WmRect rect = { 10, 10, 80, 40 };
  cairo_surface_t *surface;
  cairo_t *cr;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cairo_surface_t *ours = ellipse_image (TRUE, &cases[i].rect, cases[i].pen, cases[i].scale);
      cairo_surface_t *theirs = ellipse_image (FALSE, &cases[i].rect, cases[i].pen, cases[i].scale);
      guint edge = 0, far = 0, ink_pixels = 0;

      cairo_surface_flush (ours);
      cairo_surface_flush (theirs);
      for (int y = 0; y < 300; y++)
        for (int x = 0; x < 400; x++)
          {
            const guint8 *a = cairo_image_surface_get_data (ours) +
                              y * cairo_image_surface_get_stride (ours) + 4 * x;
            const guint8 *b = cairo_image_surface_get_data (theirs) +
                              y * cairo_image_surface_get_stride (theirs) + 4 * x;
            int most = 0;

            for (int c = 0; c < 3; c++)
              most = MAX (most, ABS ((int) a[c] - (int) b[c]));
            edge += most > 40;
            far += most > 96;
            ink_pixels += b[0] < 128;
          }
      g_test_message ("case %u: %u ink pixels, %u differ by more than 40, %u by more than 96",
                      i, ink_pixels, edge, far);
      g_assert_cmpuint (ink_pixels, >, 100);
      g_assert_cmpuint (far, ==, 0);
      g_assert_cmpuint (edge, <=, ink_pixels / 20);
      cairo_surface_destroy (ours);
      cairo_surface_destroy (theirs);
    }

  /* A file keeps the outline a stroke. */
  surface = cairo_svg_surface_create_for_stream (append_bytes, svg, 100, 70);
  cr = cairo_create (surface);
  wm_draw_ellipse (cr, &rect, &fill, &ink, 2);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_assert_nonnull (strstr (svg->str, "stroke-width:2;"));
}

/* A word of 100 000 characters: Pango wraps such a word in minutes. */
#define LONG_WORD_CHARS 100000

static char *
long_word (void)
{
  char *word = g_malloc (LONG_WORD_CHARS + 1);

  for (guint i = 0; i < LONG_WORD_CHARS; i++)
    word[i] = 'a' + i % 26;
  word[LONG_WORD_CHARS] = '\0';
  return word;
}

/* Measured in a 160-unit column and drawn in a 160 × 100 box, a long word
 * costs what a box can show: it is cut, and still fills the box. */
static void
test_long_word_in_a_box (void)
{
  g_autofree char *word = long_word ();
  g_autoptr(WmTextCache) text = wm_text_cache_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 200);
  cairo_t *cr = cairo_create (surface);
  WmTextStyle style = wm_text_style (13);
  WmRect box = { 20, 20, 160, 100 };
  WmRenderOptions options;
  double width, height;

  wm_render_options_init (&options);
  options.text = text;
  wm_measure_text (&options, word, 160, &style, &width, &height);
  g_assert_cmpfloat (width, <=, 160);
  g_assert_cmpfloat (height, >, 100);
  g_assert_cmpfloat (height, <, 20000);
  height = wm_draw_text (cr, &options, word, &box, &style);
  g_assert_cmpfloat (height, >, 50);
  g_assert_cmpfloat (height, <=, 100);
  g_assert_cmpuint (count_ink (surface), >, 1000);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Sets @item's text and each of its text properties to @text. */
static void
set_texts (WmDiagram  *diagram,
           WmItem     *item,
           const char *text)
{
  g_assert_true (wm_diagram_set_text (diagram, item->id, text));
  for (guint p = 0; p < item->type->n_props; p++)
    {
      const WmPropSpec *spec = &item->type->props[p];
      g_autoptr(GError) error = NULL;

      if (spec->type == WM_PROP_STRING || spec->type == WM_PROP_TEXT)
        {
          wm_diagram_set_property (diagram, item->id, spec->name, text, &error);
          g_assert_no_error (error);
        }
    }
}

/* Every node type of every notation at its usual size, with a long word
 * for its text, its text properties and the diagram's fields, paints (on
 * screen and fitted to a page) in a moment. */
static void
test_long_word_in_every_item (void)
{
  g_autofree char *word = long_word ();
  guint n_notations;
  const WmNotation *const *notations = wm_notations_get_all (&n_notations);

  for (guint i = 0; i < n_notations; i++)
    {
      const WmNotation *notation = notations[i];
      g_autoptr(WmProject) project = wm_project_new ();
      g_autoptr(GError) error = NULL;
      WmDiagram *diagram = wm_project_add_diagram (project, notation->id, "Long", &error);
      g_autoptr(GBytes) bytes = NULL;
      WmExportOptions options;

      g_assert_no_error (error);
      for (guint p = 0; p < notation->n_props; p++)
        if (notation->props[p].type == WM_PROP_STRING || notation->props[p].type == WM_PROP_TEXT)
          g_assert_true (wm_diagram_set_field (diagram, notation->props[p].name, word, NULL));
      for (guint t = 0; t < notation->n_node_types; t++)
        {
          WmRect bounds = { 200.0 * t, 0, notation->node_types[t].width,
                            notation->node_types[t].height };

          set_texts (diagram, wm_test_add_node (diagram, notation->node_types[t].id, &bounds, "x"),
                     word);
        }
      wm_export_options_init (&options);
      options.format = WM_EXPORT_SVG;
      bytes = wm_export_diagram (diagram, &options, &error);
      g_assert_no_error (error);
      options.format = WM_EXPORT_PNG;
      options.scale = 0.5;
      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = wm_export_diagram (diagram, &options, &error);
      g_assert_no_error (error);
    }
}

/* The Value Proposition Canvas */

static WmDiagram *
add_vpc (WmProject  *project,
         const char *width,
         const char *height)
{
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (project, "value-proposition-canvas", "Fit", &error);

  g_assert_no_error (error);
  g_assert_true (wm_diagram_set_field (diagram, "width", width, NULL));
  g_assert_true (wm_diagram_set_field (diagram, "height", height, NULL));
  return diagram;
}

/* The document area @area of @diagram at scale 1: the whole diagram, or
 * @alone without anything else, on a transparent surface. */
static cairo_surface_t *
paint_area (WmDiagram    *diagram,
            const WmItem *alone,
            const WmRect *area)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) ceil (area->width),
                                                         (int) ceil (area->height));
  cairo_t *cr = cairo_create (surface);
  WmRenderOptions options;

  wm_render_options_init (&options);
  options.paper = FALSE;
  cairo_translate (cr, -area->x, -area->y);
  if (alone != NULL)
    wm_render_item (diagram, alone, cr, &options);
  else
    wm_render_diagram (diagram, cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  return ((const guint32 *) (cairo_image_surface_get_data (surface) +
                             y * cairo_image_surface_get_stride (surface)))[x];
}

/* The pixels of @surface (painted from @area) with ink whose centre lies
 * inside @rect, or with @outside, outside it. */
static guint
count_ink_in (cairo_surface_t *surface,
              const WmRect    *area,
              const WmRect    *rect,
              gboolean         outside)
{
  guint ink = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        double dx = area->x + x + 0.5, dy = area->y + y + 0.5;
        gboolean in = dx > rect->x && dx < rect->x + rect->width &&
                      dy > rect->y && dy < rect->y + rect->height;

        if (pixel_at (surface, x, y) >> 24 > 8 && in != outside)
          ink++;
      }
  return ink;
}

static WmRect
grow (const WmRect *rect,
      double        by)
{
  return (WmRect) { rect->x - by, rect->y - by, rect->width + 2 * by, rect->height + 2 * by };
}

/* On a small canvas a note of each type, with a tag or not, flows inside
 * the content box of its area, the whole of its ink with it. */
static void
test_vpc_notes_inside_areas (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = add_vpc (project, "1000", "480");
  const WmNotation *notation = wm_diagram_get_notation (diagram);

  for (guint t = 0; t < notation->n_node_types; t++)
    {
      WmItem *note = wm_test_add_node (diagram, notation->node_types[t].id, NULL,
                                       "A note long enough to take three lines");
      guint area = wm_board_area_of (&wm_vpc_board, note);
      WmRect content, extent, around;
      cairo_surface_t *surface;

      g_assert_cmpuint (area, <, WM_VPC_N_AREAS);
      wm_vpc_board.content_rect (diagram, area, &content);
      /* Half the outline of a note on the edge of the box lies outside it. */
      content = grow (&content, 1);
      wm_render_item_extent (diagram, note, &extent);
      g_assert_cmpfloat (extent.x, >=, content.x);
      g_assert_cmpfloat (extent.y, >=, content.y);
      g_assert_cmpfloat (extent.x + extent.width, <=, content.x + content.width);
      g_assert_cmpfloat (extent.y + extent.height, <=, content.y + content.height);
      around = grow (&content, 40);
      surface = paint_area (diagram, note, &around);
      g_assert_cmpuint (count_ink_in (surface, &around, &content, FALSE), >, 0);
      g_assert_cmpuint (count_ink_in (surface, &around, &content, TRUE), ==, 0);
      cairo_surface_destroy (surface);
    }
}

/* Three gain creators in a row and three gains in two rows, two pain
 * relievers and two pains, and fits between them. */
static WmDiagram *
add_fits (WmProject *project,
          GPtrArray *fits)
{
  WmDiagram *diagram = add_vpc (project, "2000", "960");
  WmItem *creators[3], *gains[3], *relievers[2], *pains[2];
  WmRect first, second;

  for (guint i = 0; i < 3; i++)
    {
      creators[i] = wm_test_add_node (diagram, "gain-creator", NULL, "Gain creator");
      gains[i] = wm_test_add_node (diagram, "gain", NULL, "Gain");
    }
  for (guint i = 0; i < 2; i++)
    {
      relievers[i] = wm_test_add_node (diagram, "pain-reliever", NULL, "Pain reliever");
      pains[i] = wm_test_add_node (diagram, "pain", NULL, "Pain");
    }
  /* Fits that leave a note with another on its right, and reach one with
   * another on its left. */
  wm_render_node_rect (diagram, creators[0], &first);
  wm_render_node_rect (diagram, creators[1], &second);
  g_assert_cmpfloat (first.y, ==, second.y);
  wm_render_node_rect (diagram, gains[0], &first);
  wm_render_node_rect (diagram, gains[1], &second);
  g_assert_cmpfloat (first.y, ==, second.y);
  g_ptr_array_add (fits, wm_test_add_link (diagram, "creates", creators[0], gains[1]));
  g_ptr_array_add (fits, wm_test_add_link (diagram, "creates", creators[1], gains[2]));
  g_ptr_array_add (fits, wm_test_add_link (diagram, "creates", creators[2], gains[0]));
  g_ptr_array_add (fits, wm_test_add_link (diagram, "creates", creators[0], gains[2]));
  g_ptr_array_add (fits, wm_test_add_link (diagram, "relieves", relievers[0], pains[1]));
  g_ptr_array_add (fits, wm_test_add_link (diagram, "relieves", relievers[1], pains[0]));
  return diagram;
}

/* A fit runs from its source's side to its target's, where the canvas
 * lays them out, and crosses no note on its way. */
static void
test_vpc_fit_routes (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GPtrArray) fits = g_ptr_array_new ();
  WmDiagram *diagram = add_fits (project, fits);

  for (guint i = 0; i < fits->len; i++)
    {
      const WmItem *fit = g_ptr_array_index (fits, i);
      WmRect s, t, extent, area, edge;
      cairo_surface_t *surface;

      wm_render_node_rect (diagram, wm_diagram_lookup (diagram, fit->source), &s);
      wm_render_node_rect (diagram, wm_diagram_lookup (diagram, fit->target), &t);
      wm_render_item_extent (diagram, fit, &extent);
      area = grow (&extent, 20);
      surface = paint_area (diagram, fit, &area);
      /* It leaves the source's right side and reaches the target's left. */
      edge = (WmRect) { s.x + s.width - 1, s.y, 3, s.height };
      g_assert_cmpuint (count_ink_in (surface, &area, &edge, FALSE), >, 0);
      edge = (WmRect) { t.x - 3, t.y, 3, t.height };
      g_assert_cmpuint (count_ink_in (surface, &area, &edge, FALSE), >, 0);
      for (guint n = 0; n < wm_diagram_get_n_items (diagram); n++)
        {
          const WmItem *note = wm_diagram_get_item (diagram, n);
          WmRect rect, inside;

          if (!wm_item_is_node (note))
            continue;
          wm_render_node_rect (diagram, note, &rect);
          inside = grow (&rect, -6);
          g_assert_cmpuint (count_ink_in (surface, &area, &inside, FALSE), ==, 0);
        }
      cairo_surface_destroy (surface);
    }
}

static gboolean
same_pixel (guint32 a,
            guint32 b)
{
  for (int shift = 0; shift < 32; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 8)
      return FALSE;
  return TRUE;
}

/* A fit is drawn over the notes, even over one that comes later in the
 * z-order: a note placed freely across the gap between the square and the
 * circle leaves the fit's line as it is alone. */
static void
test_vpc_fits_over_notes (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = add_vpc (project, "1800", "860");
  WmItem *fit = wm_test_add_link (diagram, "creates",
                                  wm_test_add_node (diagram, "gain-creator", NULL, "Creator"),
                                  wm_test_add_node (diagram, "gain", NULL, "Gain"));
  WmRect square, extent, cover;
  WmPoint c;
  double r;
  WmItem *over;
  cairo_surface_t *all, *alone;
  guint line = 0;

  wm_vpc_square (diagram, &square);
  wm_vpc_circle (diagram, &c, &r);
  cover = (WmRect) { square.x + square.width + 10, 0, c.x - r - square.x - square.width - 20, 860 };
  over = wm_test_add_node (diagram, "product", &cover, "Over the fit");
  wm_test_set_property (diagram, over, "pinned", "true");
  wm_render_get_extent (diagram, &extent);
  all = paint_area (diagram, NULL, &extent);
  alone = paint_area (diagram, fit, &extent);
  for (int y = 0; y < cairo_image_surface_get_height (alone); y++)
    for (int x = (int) (cover.x - extent.x); x < (int) (cover.x + cover.width - extent.x); x++)
      {
        guint32 pixel = pixel_at (alone, x, y);

        /* Opaque and not the paper of its casing: the line itself. */
        if (pixel >> 24 != 0xff || (pixel & 0xffffff) > 0xe0e0e0)
          continue;
        line++;
        g_assert_true (same_pixel (pixel, pixel_at (all, x, y)));
      }
  g_assert_cmpuint (line, >, 20);
  cairo_surface_destroy (all);
  cairo_surface_destroy (alone);
}

/* The extent of a canvas holds all its ink: the captions above the square
 * and the circle, the business model notes named under them, and the notes
 * that run past the bottom of their area. */
static void
test_vpc_extent (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmDiagram *diagram = wm_project_find_diagram (project, "Home brewers value proposition");
  WmRect extent, area, drawn;
  cairo_surface_t *surface;

  g_assert_nonnull (diagram);
  for (guint i = 0; i < 12; i++)
    wm_test_add_node (diagram, "pain", NULL, "One pain too many");
  wm_render_get_extent (diagram, &extent);
  area = grow (&extent, 60);
  surface = paint_area (diagram, NULL, &area);
  /* Less the white margin that wm_render_get_extent() leaves around it. */
  drawn = grow (&extent, -23);
  g_assert_cmpuint (count_ink_in (surface, &area, &drawn, FALSE), >, 0);
  g_assert_cmpuint (count_ink_in (surface, &area, &drawn, TRUE), ==, 0);
  cairo_surface_destroy (surface);
}

/* A fit's label, however long, is drawn inside the fit's extent. */
static void
test_vpc_fit_label (void)
{
  static const char *const labels[] = {
    "Roasted on the day it ships",
    "A label long enough to wrap over more lines than a fit's label may take in all",
  };
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GPtrArray) fits = g_ptr_array_new ();
  WmDiagram *diagram = add_fits (project, fits);
  g_autofree char *word = g_strnfill (300, 'w');
  const WmItem *fit = g_ptr_array_index (fits, 0);

  for (guint i = 0; i <= G_N_ELEMENTS (labels); i++)
    {
      WmRect extent, area, bound;
      cairo_surface_t *surface;

      g_assert_true (wm_diagram_set_text (diagram, fit->id, i < G_N_ELEMENTS (labels) ? labels[i]
                                                                                      : word));
      wm_render_item_extent (diagram, fit, &extent);
      _wm_render_item_bound (diagram, fit, &bound);
      g_assert_cmpfloat (bound.x, <=, extent.x);
      g_assert_cmpfloat (bound.x + bound.width, >=, extent.x + extent.width);
      area = grow (&extent, 40);
      surface = paint_area (diagram, fit, &area);
      extent = grow (&extent, 1);
      g_assert_cmpuint (count_ink_in (surface, &area, &extent, TRUE), ==, 0);
      cairo_surface_destroy (surface);
    }
}

/* A journey whose emotion points have @scores in the stages @stages (five
 * stages at most; several points may share one), each with a long note. */
static WmDiagram *
add_journey_emotions (WmProject         *project,
                      const double      *scores,
                      const char *const *stages,
                      guint              n,
                      GPtrArray         *points)
{
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (project, "customer-journey", "Journey", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      char score[G_ASCII_DTOSTR_BUF_SIZE];
      WmItem *point = wm_test_add_node (diagram, "emotion", NULL,
                                        "A note long enough to wrap over far more lines than "
                                        "the two a note beside its dot may take");

      wm_test_set_property (diagram, point, "stage", stages[i]);
      wm_test_set_property (diagram, point, "score", g_ascii_dtostr (score, sizeof score,
                                                                     scores[i]));
      g_ptr_array_add (points, point);
    }
  return diagram;
}

/* The emotion lane of @diagram, at scale 1. */
static WmRect
emotion_lane (WmDiagram *diagram)
{
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (diagram);

  g_assert_cmpint (layout->emotion_lane, >=, 0);
  return layout->lanes[layout->emotion_lane].rect;
}

/* Each point's ink (dot, ring and note) lies inside the emotion lane, and
 * nothing covers its dot: every pixel well inside the dot is the dot's. */
static void
assert_emotion_notes_clear (WmDiagram *diagram,
                            GPtrArray *points)
{
  WmRect lane = emotion_lane (diagram);

  for (guint i = 0; i < points->len; i++)
    {
      const WmItem *point = g_ptr_array_index (points, i);
      WmRect rect, extent, bound, area;
      cairo_surface_t *surface;
      double cx, cy;
      guint32 centre;

      wm_render_node_rect (diagram, point, &rect);
      wm_render_item_extent (diagram, point, &extent);
      g_assert_cmpfloat (extent.x, >=, lane.x);
      g_assert_cmpfloat (extent.y, >=, lane.y);
      g_assert_cmpfloat (extent.x + extent.width, <=, lane.x + lane.width);
      g_assert_cmpfloat (extent.y + extent.height, <=, lane.y + lane.height);
      _wm_render_item_bound (diagram, point, &bound);
      g_assert_cmpfloat (bound.x, <=, extent.x);
      g_assert_cmpfloat (bound.x + bound.width, >=, extent.x + extent.width);
      area = grow (&extent, 10);
      surface = paint_area (diagram, point, &area);
      g_assert_cmpuint (count_ink_in (surface, &area, &lane, TRUE), ==, 0);
      cx = rect.x + rect.width / 2 - area.x;
      cy = rect.y + rect.height / 2 - area.y;
      centre = pixel_at (surface, (int) cx, (int) cy);
      g_assert_cmpuint (centre >> 24, ==, 0xff);
      /* The smallest dot is 8 units across: 3 either side of its centre is inside it. */
      for (int dy = -3; dy <= 3; dy++)
        for (int dx = -3; dx <= 3; dx++)
          g_assert_cmphex (pixel_at (surface, (int) cx + dx, (int) cy + dy), ==, centre);
      cairo_surface_destroy (surface);
    }
}

/* No two points' inks meet: where the lane has room, the notes of crowded
 * points stand clear of each other and of the other dots. */
static void
assert_emotion_notes_apart (WmDiagram *diagram,
                            GPtrArray *points)
{
  WmRect lane = emotion_lane (diagram);
  g_autofree cairo_surface_t **inks = g_new (cairo_surface_t *, points->len);
  int width, height;

  for (guint i = 0; i < points->len; i++)
    inks[i] = paint_area (diagram, g_ptr_array_index (points, i), &lane);
  width = cairo_image_surface_get_width (inks[0]);
  height = cairo_image_surface_get_height (inks[0]);
  for (guint i = 0; i < points->len; i++)
    for (guint j = i + 1; j < points->len; j++)
      {
        guint shared = 0;

        for (int y = 0; y < height; y++)
          for (int x = 0; x < width; x++)
            if ((pixel_at (inks[i], x, y) >> 24) > 0x20 && (pixel_at (inks[j], x, y) >> 24) > 0x20)
              shared++;
        g_assert_cmpuint (shared, ==, 0);
      }
  for (guint i = 0; i < points->len; i++)
    cairo_surface_destroy (inks[i]);
}

/* For every score, whether the point is alone, a peak, a trough, on a
 * slope, or crowded with others at either end of the lane, its note stays
 * clear of its dot and inside the emotion lane; crowded notes stay clear of
 * each other. */
static void
test_journey_emotion_notes (void)
{
  static const char *const middle[] = { "awareness", "consideration", "decision" };
  static const char *const crowded[] = { "awareness", "awareness", "awareness", "awareness",
                                         "advocacy", "advocacy", "advocacy", "advocacy" };
  static const char *const busy[] = { "awareness", "consideration", "consideration",
                                      "consideration", "decision", "decision" };

  for (double score = -2; score <= 2; score += 0.5)
    {
      for (int before = -2; before <= 2; before += 2)
        for (int after = -2; after <= 2; after += 2)
          {
            g_autoptr(WmProject) project = wm_project_new ();
            g_autoptr(GPtrArray) points = g_ptr_array_new ();
            double scores[] = { before, score, after };
            WmDiagram *diagram = add_journey_emotions (project, scores, middle, 3, points);

            assert_emotion_notes_clear (diagram, points);
          }
      {
        g_autoptr(WmProject) project = wm_project_new ();
        g_autoptr(GPtrArray) points = g_ptr_array_new ();
        double scores[G_N_ELEMENTS (crowded)];
        WmDiagram *diagram;

        for (guint i = 0; i < G_N_ELEMENTS (crowded); i++)
          scores[i] = score;
        diagram = add_journey_emotions (project, scores, crowded, G_N_ELEMENTS (crowded), points);
        assert_emotion_notes_clear (diagram, points);
      }
      {
        g_autoptr(WmProject) project = wm_project_new ();
        g_autoptr(GPtrArray) points = g_ptr_array_new ();
        double scores[G_N_ELEMENTS (busy)];
        WmDiagram *diagram;

        /* Three at the same score in a stage, between neighbours above and below it. */
        for (guint i = 0; i < G_N_ELEMENTS (busy); i++)
          scores[i] = i == 0 || i == G_N_ELEMENTS (busy) - 1 ? -score : score;
        diagram = add_journey_emotions (project, scores, busy, G_N_ELEMENTS (busy), points);
        assert_emotion_notes_clear (diagram, points);
        assert_emotion_notes_apart (diagram, points);
      }
      {
        g_autoptr(WmProject) project = wm_project_new ();
        g_autoptr(GPtrArray) points = g_ptr_array_new ();
        WmDiagram *diagram = add_journey_emotions (project, &score, middle, 1, points);

        assert_emotion_notes_clear (diagram, points);
      }
    }
}

/* Orthogonal links */

typedef struct
{
  const char *notation;
  const char *link;
  const char *source;
  WmRect      from;
  const char *target;
  WmRect      to;
  guint       n_waypoints;
  WmPoint     waypoints[2];
} Routed;

static const Routed routed[] = {
  /* Apart both ways: a jog halfway between the facing sides. */
  { "value-stream-map", "push", "process", { 0, 0, 120, 70 }, "process", { 300, 200, 120, 70 } },
  /* One above the other, overlapping: straight down. */
  { "value-stream-map", "pull", "process", { 0, 0, 120, 70 }, "process", { 40, 260, 120, 70 } },
  { "value-stream-map", "manual-info", "production-control", { 0, 0, 140, 70 },
    "process", { 420, 300, 120, 70 }, 2, { { 220, -80 }, { 260, 420 } } },
  { "use-case", "association", "actor", { 0, 0, 60, 110 }, "use-case", { 300, 250, 160, 70 } },
  { "use-case", "include", "use-case", { 0, 0, 160, 70 }, "use-case", { 100, 300, 160, 70 } },
  { "use-case", "extend", "use-case", { 0, 0, 160, 70 }, "use-case", { 420, 40, 160, 70 },
    1, { { 300, 260 } } },
};

/* A route ends on its node's shape, which lies in its box, or under what
 * the node writes below the box. */
static void
assert_ends_on (WmDiagram    *diagram,
                const char   *id,
                const WmPoint *end)
{
  const WmItem *node = wm_diagram_lookup (diagram, id);
  WmRect box, extent, near;

  wm_render_node_rect (diagram, node, &box);
  wm_render_item_extent (diagram, node, &extent);
  near = grow (&box, 0.01);
  if (wm_rect_contains (&near, end->x, end->y))
    return;
  near = grow (&extent, 0.01);
  g_assert_true (wm_rect_contains (&near, end->x, end->y));
  g_assert_cmpfloat (end->y, >=, box.y + box.height);
}

static gboolean
on_segment (const WmPoint *point,
            const WmPoint *a,
            const WmPoint *b)
{
  return point->x >= MIN (a->x, b->x) && point->x <= MAX (a->x, b->x) &&
         point->y >= MIN (a->y, b->y) && point->y <= MAX (a->y, b->y);
}

static GArray *
link_route (WmDiagram    *diagram,
            const WmItem *link)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  GArray *points = g_array_new (FALSE, FALSE, sizeof (WmPoint));
  cairo_path_t *path;

  g_assert_true (wm_render_link_path (diagram, link, cr));
  path = cairo_copy_path (cr);
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      WmPoint point = { path->data[i + 1].point.x, path->data[i + 1].point.y };

      g_assert_true (path->data[i].header.type == CAIRO_PATH_MOVE_TO ||
                     path->data[i].header.type == CAIRO_PATH_LINE_TO);
      g_array_append_val (points, point);
    }
  cairo_path_destroy (path);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return points;
}

/* An orthogonal link runs in horizontal and vertical segments from one
 * node's shape to the other's, and its ink, label and head included, stays
 * in its extent. */
static void
test_orthogonal_links (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (routed); i++)
    {
      const Routed *r = &routed[i];
      g_autoptr(WmProject) project = wm_project_new ();
      WmDiagram *diagram = wm_project_add_diagram (project, r->notation, "Routes", NULL);
      WmItem *source = wm_test_add_node (diagram, r->source, &r->from, "Source");
      WmItem *target = wm_test_add_node (diagram, r->target, &r->to, "Target");
      WmItem *link = wm_test_add_link (diagram, r->link, source, target);
      g_autoptr(GArray) route = NULL;
      const WmPoint *p;
      WmRect extent, area;
      cairo_surface_t *surface;

      wm_diagram_set_points (diagram, link->id, r->waypoints, r->n_waypoints);
      wm_diagram_set_text (diagram, link->id, "Every morning");
      g_assert_true (wm_diagram_set_property (diagram, link->id, WM_FIELD_ROUTING,
                                              WM_ROUTING_ORTHOGONAL, NULL));
      route = link_route (diagram, link);
      p = (const WmPoint *) route->data;
      g_test_message ("%s: %u points", r->link, route->len);
      g_assert_cmpuint (route->len, >=, 2);
      for (guint j = 1; j < route->len; j++)
        {
          g_assert_true (fabs (p[j].x - p[j - 1].x) < 1e-9 || fabs (p[j].y - p[j - 1].y) < 1e-9);
          g_assert_cmpfloat (hypot (p[j].x - p[j - 1].x, p[j].y - p[j - 1].y), >, 0);
        }
      assert_ends_on (diagram, source->id, &p[0]);
      assert_ends_on (diagram, target->id, &p[route->len - 1]);
      for (guint j = 0; j < r->n_waypoints; j++)
        {
          gboolean through = FALSE;

          for (guint k = 1; k < route->len; k++)
            through |= on_segment (&r->waypoints[j], &p[k - 1], &p[k]);
          g_assert_true (through);
        }

      wm_render_item_extent (diagram, link, &extent);
      area = grow (&extent, 40);
      surface = paint_area (diagram, link, &area);
      g_assert_cmpuint (count_ink_in (surface, &area, &extent, FALSE), >, 0);
      /* Antialiasing may touch the pixels just outside. */
      extent = grow (&extent, 1);
      g_assert_cmpuint (count_ink_in (surface, &area, &extent, TRUE), ==, 0);
      cairo_surface_destroy (surface);
    }
}

/* Apart both ways, a link leaves its source's side facing the target and
 * enters the target's facing side, at their middles: a VSM process's box,
 * a use case's ellipse. */
static void
test_orthogonal_sides (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (routed); i += 3)
    {
      const Routed *r = &routed[i];
      g_autoptr(WmProject) project = wm_project_new ();
      WmDiagram *diagram = wm_project_add_diagram (project, r->notation, "Sides", NULL);
      WmItem *source = wm_test_add_node (diagram, r->source, &r->from, NULL);
      WmItem *target = wm_test_add_node (diagram, r->target, &r->to, NULL);
      WmItem *link = wm_test_add_link (diagram, r->link, source, target);
      g_autoptr(GArray) route = NULL;
      const WmPoint *p;
      WmRect to;

      g_assert_true (wm_diagram_set_property (diagram, link->id, WM_FIELD_ROUTING,
                                              WM_ROUTING_ORTHOGONAL, NULL));
      route = link_route (diagram, link);
      p = (const WmPoint *) route->data;
      wm_render_node_rect (diagram, target, &to);
      /* Cairo keeps a path in fixed point, to 1/256 of a unit. */
      g_assert_cmpuint (route->len, ==, 4);
      g_assert_cmpfloat (p[0].y, ==, p[1].y);
      g_assert_cmpfloat_with_epsilon (p[3].x, to.x, 0.01);
      g_assert_cmpfloat_with_epsilon (p[3].y, to.y + to.height / 2, 0.01);
      g_assert_cmpfloat (p[2].y, ==, p[3].y);
      g_assert_cmpfloat_with_epsilon (p[1].x, (p[0].x + p[3].x) / 2, 0.01);
    }
}

/* Links that leave one side of a node share it out: a process pushing to
 * three processes on its right leaves its side at three heights, in the
 * order of its targets, and the first segments never run on top of each
 * other; a straight link keeps the middle. */
static void
test_orthogonal_shared_side (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_project_add_diagram (project, "value-stream-map", "Shared", NULL);
  WmItem *source = wm_test_add_node (diagram, "process", &(WmRect) { 0, 200, 120, 70 }, NULL);
  WmItem *links[3];
  WmRect from;
  double last_y = -G_MAXDOUBLE;

  for (guint i = 0; i < 3; i++)
    {
      WmItem *target = wm_test_add_node (diagram, "process",
                                         &(WmRect) { 400, 360 - 160.0 * i, 120, 70 }, NULL);

      links[i] = wm_test_add_link (diagram, "push", source, target);
      g_assert_true (wm_diagram_set_property (diagram, links[i]->id, WM_FIELD_ROUTING,
                                              WM_ROUTING_ORTHOGONAL, NULL));
    }
  wm_render_node_rect (diagram, source, &from);
  /* From the highest target (the last) down: the start goes down the side. */
  for (guint i = 3; i-- > 0;)
    {
      g_autoptr(GArray) route = link_route (diagram, links[i]);
      const WmPoint *p = (const WmPoint *) route->data;

      g_assert_cmpfloat_with_epsilon (p[0].x, from.x + from.width, 0.01);
      g_assert_cmpfloat (p[0].y, >, last_y + 10);
      g_assert_cmpfloat (p[0].y, >, from.y);
      g_assert_cmpfloat (p[0].y, <, from.y + from.height);
      last_y = p[0].y;
    }

  /* Alone on its side, a link leaves from the middle. */
  g_assert_true (wm_diagram_set_property (diagram, links[0]->id, WM_FIELD_ROUTING, WM_ROUTING_STRAIGHT,
                                          NULL));
  g_assert_true (wm_diagram_set_property (diagram, links[2]->id, WM_FIELD_ROUTING, WM_ROUTING_STRAIGHT,
                                          NULL));
  {
    g_autoptr(GArray) route = link_route (diagram, links[1]);

    g_assert_cmpfloat_with_epsilon (g_array_index (route, WmPoint, 0).y,
                                    from.y + from.height / 2, 0.01);
  }
}

int
main (int   argc,
      char *argv[])
{
  static const char *const diagrams[] = {
    "Bean Box business model", "Ordering and subscription",
    "Fulfilment value stream (current state)", "Subscriber journey",
    "Fulfilment value stream (future state)", "Home brewers value proposition",
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (diagrams); i++)
    {
      g_autofree char *s = slug (diagrams[i]);
      g_autofree char *path = g_strdup_printf ("/render/golden/%s", s);
      g_test_add_data_func (path, diagrams[i], test_golden);
    }
  g_test_add_func ("/render/export/png-options", test_png_options);
  g_test_add_func ("/render/export/svg-is-xml", test_svg_is_xml);
  g_test_add_func ("/render/export/full-stream", test_export_to_full_stream);
  g_test_add_func ("/render/export/failed-export-keeps-file", test_failed_export_keeps_file);
  g_test_add_func ("/render/culling", test_culling);
  g_test_add_func ("/render/culling-agrees", test_culling_agrees);
  g_test_add_func ("/render/faded-clipped-to-ink", test_faded_clipped_to_ink);
  g_test_add_func ("/render/text-cache", test_text_cache_reuses_layouts);
  g_test_add_func ("/render/text/measure-then-draw", test_text_measure_then_draw);
  g_test_add_func ("/render/text/measure-many", test_text_measure_many);
  g_test_add_data_func ("/render/paint-ahead/value-stream-map", "value-stream-map",
                        test_paint_ahead);
  g_test_add_data_func ("/render/paint-ahead/use-case", "use-case", test_paint_ahead);
  g_test_add_func ("/render/paint-ahead/text-sink", test_paint_ahead_text_sink);
  g_test_add_func ("/render/text/measured-layout-drawn", test_text_measured_layout_drawn);
  g_test_add_func ("/render/stroke-in-device-space", test_stroke_in_device_space);
  g_test_add_func ("/render/ellipse-as-two-fills", test_ellipse_as_two_fills);
  g_test_add_func ("/render/text/long-word-in-a-box", test_long_word_in_a_box);
  g_test_add_func ("/render/text/long-word-in-every-item", test_long_word_in_every_item);
  g_test_add_func ("/render/vpc/notes-inside-areas", test_vpc_notes_inside_areas);
  g_test_add_func ("/render/vpc/fit-routes", test_vpc_fit_routes);
  g_test_add_func ("/render/vpc/fits-over-notes", test_vpc_fits_over_notes);
  g_test_add_func ("/render/vpc/fit-label", test_vpc_fit_label);
  g_test_add_func ("/render/vpc/extent", test_vpc_extent);
  g_test_add_func ("/render/journey/emotion-notes", test_journey_emotion_notes);
  g_test_add_func ("/render/link/orthogonal", test_orthogonal_links);
  g_test_add_func ("/render/link/orthogonal-sides", test_orthogonal_sides);
  g_test_add_func ("/render/link/orthogonal-shared-side", test_orthogonal_shared_side);

  return g_test_run ();
}
