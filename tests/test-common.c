/* test-common.c — the text, box and image every notation offers
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>

#include "waymark-model.h"
#include "wm-render.h"
#include "wm-render-test-util.h"
#include "wm-test-util.h"

static const char *const common_ids[] = { WM_COMMON_TEXT, WM_COMMON_BOX, WM_COMMON_IMAGE, NULL };

/* No notation uses a common type's id for a type of its own, and every
 * notation finds the common types. */
static void
test_types (void)
{
  guint n_notations, n_common;
  const WmNotation *const *notations = wm_notations_get_all (&n_notations);
  const WmItemType *common = wm_notation_common_types (&n_common);

  g_assert_cmpuint (n_common, ==, G_N_ELEMENTS (common_ids) - 1);
  for (guint i = 0; i < n_notations; i++)
    {
      const WmNotation *notation = notations[i];

      for (guint t = 0; t < notation->n_node_types; t++)
        g_assert_false (g_strv_contains (common_ids, notation->node_types[t].id));
      for (guint t = 0; t < notation->n_link_types; t++)
        g_assert_false (g_strv_contains (common_ids, notation->link_types[t].id));
      for (guint c = 0; c < n_common; c++)
        {
          g_assert_true (wm_notation_lookup_type (notation, common_ids[c]) == &common[c]);
          g_assert_true (wm_item_type_is_common (&common[c]));
        }
      g_assert_false (wm_item_type_is_common (&notation->node_types[0]));
    }
}

/* Each notation takes the three, and they survive a save and a load. */
static void
test_round_trip (void)
{
  guint n_notations;
  const WmNotation *const *notations = wm_notations_get_all (&n_notations);
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(WmProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  g_autofree guint8 *png = NULL;
  g_autofree char *lines = NULL;
  gsize png_size;

  /* In lines, as the editor embeds an image: written as a child element. */
  png = g_base64_decode (WM_TEST_PNG_BASE64, &png_size);
  lines = wm_image_data_encode (png, png_size, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strchr (lines, '\n'));

  for (guint i = 0; i < n_notations; i++)
    {
      WmDiagram *diagram = wm_project_add_diagram (project, notations[i]->id, "Common", &error);
      WmRect bounds = { 10, 20, 160, 100 };
      WmItem *text, *box, *image;
      g_autoptr(GPtrArray) problems = NULL;

      g_assert_no_error (error);
      text = wm_test_add_node (diagram, WM_COMMON_TEXT, &bounds, "Title\nover two lines");
      box = wm_test_add_node (diagram, WM_COMMON_BOX, &bounds, "Callout");
      wm_test_set_property (diagram, box, WM_COMMON_FILL, "#ffeeaa");
      wm_test_set_property (diagram, box, WM_COMMON_ROUNDED, "false");
      image = wm_test_add_node (diagram, WM_COMMON_IMAGE, &bounds, "Logo");
      wm_test_set_property (diagram, image, WM_COMMON_DATA, i % 2 ? WM_TEST_PNG_BASE64 : lines);
      /* The notations' checks leave the common items alone: none is named. */
      problems = wm_diagram_check (diagram);
      for (guint p = 0; p < problems->len; p++)
        {
          WmProblem *problem = g_ptr_array_index (problems, p);

          for (guint k = 0; problem->item_ids[k] != NULL; k++)
            {
              g_assert_cmpstr (problem->item_ids[k], !=, text->id);
              g_assert_cmpstr (problem->item_ids[k], !=, box->id);
              g_assert_cmpstr (problem->item_ids[k], !=, image->id);
            }
        }
    }
  saved = wm_test_serialize (project);
  g_assert_nonnull (strstr (saved, "type=\"image\""));
  g_assert_nonnull (strstr (saved, "<text name=\"data\">"));
  loaded = wm_project_load_from_data (saved, strlen (saved), "common.waymark", &error);
  g_assert_no_error (error);
  again = wm_test_serialize (loaded);
  g_assert_cmpstr (again, ==, saved);
}

static char *
encode_png_of_size (gsize size)
{
  g_autofree guint8 *data = g_malloc0 (size);
  static const guint8 head[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
                                 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 4, 0, 0, 0, 4 };

  memcpy (data, head, sizeof head);
  return g_base64_encode (data, size);
}

/* An image over the limit, or not a PNG, is refused with a message, and a
 * file holding one does not load. */
static void
test_image_refused (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_project_add_diagram (project, "use-case", "Images", NULL);
  WmItem *image = wm_test_add_node (diagram, WM_COMMON_IMAGE, NULL, "");
  g_autofree char *largest = encode_png_of_size (WM_LIMIT_IMAGE_BYTES);
  g_autofree char *too_large = encode_png_of_size (WM_LIMIT_IMAGE_BYTES + 3);
  g_autofree char *text = g_base64_encode ((const guint8 *) "GIF89a not one of ours", 22);
  g_autofree char *not_svg = g_base64_encode ((const guint8 *) "<html xmlns=\"http://www.w3.org/2000/svg\"/>", 42);
  g_autofree char *encoded = NULL;
  g_autoptr(GError) error = NULL;
  static const guint8 huge_head[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
                                      0, 0, 0, 13, 'I', 'H', 'D', 'R',
                                      0, 0, 0x40, 0, 0, 0, 0x40, 0 };

  g_assert_true (wm_image_data_check (largest, NULL));
  g_assert_false (wm_diagram_set_property (diagram, image->id, WM_COMMON_DATA, too_large,
                                           &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "at most"));
  g_clear_error (&error);
  g_assert_false (wm_diagram_set_property (diagram, image->id, WM_COMMON_DATA, text, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "PNG, JPEG or SVG"));
  g_clear_error (&error);
  /* XML, but not an SVG document. */
  g_assert_false (wm_image_data_check (not_svg, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID);
  g_clear_error (&error);
  /* Small files of enormous dimensions, a PNG and a JPEG (its frame header
   * says 30000 × 30000 before any pixel data). */
  g_assert_null (wm_image_data_encode (huge_head, sizeof huge_head, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID);
  g_clear_error (&error);
  {
    static const guint8 huge_jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 4, 'J', 'F',
                                        0xff, 0xc0, 0, 11, 8, 0x75, 0x30, 0x75, 0x30, 1, 1, 0x11, 0 };
    guint32 width, height;

    g_assert_cmpint (wm_image_format_sniff (huge_jpeg, sizeof huge_jpeg, &width, &height), ==,
                     WM_IMAGE_JPEG);
    g_assert_cmpuint (width, ==, 30000);
    g_assert_cmpuint (height, ==, 30000);
    g_assert_null (wm_image_data_encode (huge_jpeg, sizeof huge_jpeg, &error));
    g_assert_error (error, WM_ERROR, WM_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "30000"));
    g_clear_error (&error);
  }
  /* Nothing refused was set. */
  g_assert_cmpstr (wm_item_get_string (image, WM_COMMON_DATA), ==, "");

  /* Encoded in lines, an image at the limit still fits in one text. */
  {
    g_autofree guint8 *bytes = g_base64_decode (largest, &(gsize) { 0 });

    encoded = wm_image_data_encode (bytes, WM_LIMIT_IMAGE_BYTES, &error);
    g_assert_no_error (error);
    g_assert_true (wm_limits_check_text (encoded, NULL));
    g_assert_nonnull (strchr (encoded, '\n'));
    g_assert_true (wm_image_data_check (encoded, NULL));
  }

  {
    g_autofree char *file = g_strdup_printf (
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<waymark-project format=\"1\">\n"
      "  <diagram id=\"d-1\" notation=\"use-case\" name=\"D\">\n"
      "    <node id=\"image-2\" type=\"image\" x=\"0\" y=\"0\" w=\"10\" h=\"10\" data=\"%s\"/>\n"
      "  </diagram>\n</waymark-project>\n", too_large);
    g_autoptr(WmProject) loaded = wm_project_load_from_data (file, strlen (file), "big.waymark",
                                                             &error);

    g_assert_null (loaded);
    g_assert_error (error, WM_ERROR, WM_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "big.waymark"));
  }
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (gconstpointer) (data + y * cairo_image_surface_get_stride (surface) +
                                             x * 4);
}

/* A 4 × 4 image with a red left half and a blue right half. */
static cairo_surface_t *
make_halves (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 4, 4);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_rectangle (cr, 0, 0, 2, 4);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 1);
  cairo_rectangle (cr, 2, 0, 2, 4);
  cairo_fill (cr);
  cairo_destroy (cr);
  return surface;
}

static GBytes *
halves_png (void)
{
  cairo_surface_t *surface = make_halves ();
  GByteArray *bytes = g_byte_array_new ();

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, wm_test_append_bytes, bytes), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

/* The same picture as a JPEG, written by GdkPixbuf (the reader the painter uses). */
static GBytes *
halves_jpeg (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 16, 16);
  g_autoptr(GError) error = NULL;
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  char *buffer = NULL;
  gsize size = 0;

  for (int y = 0; y < 16; y++)
    for (int x = 0; x < 16; x++)
      {
        guint8 *p = pixels + y * stride + x * 3;

        p[0] = x < 8 ? 255 : 0;
        p[1] = 0;
        p[2] = x < 8 ? 0 : 255;
      }
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error,
                                            "quality", "100", NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static GBytes *
halves_svg (void)
{
  static const char svg[] =
    "<?xml version=\"1.0\"?>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"40\" viewBox=\"0 0 4 4\">"
    "<rect width=\"2\" height=\"4\" fill=\"#ff0000\"/>"
    "<rect x=\"2\" width=\"2\" height=\"4\" fill=\"#0000ff\"/></svg>";

  return g_bytes_new_static (svg, sizeof svg - 1);
}

/* Whether the pixel is mostly red (or mostly blue), allowing for JPEG's
 * losses and the smoothing at the seam. */
static gboolean
is_mostly (guint32 pixel,
           int     shift)
{
  guint channel = (pixel >> shift) & 0xff;
  guint others = ((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff) - channel;

  return (pixel >> 24) == 0xff && channel > 200 && others < 80;
}

/* An image paints its own pixels, scaled to fill its bounds, whatever its
 * format; an SVG reaches a PDF as vectors, with no picture in it. */
static void
test_image_paints (gconstpointer data)
{
  const char *format = data;
  g_autoptr(GBytes) bytes = g_str_equal (format, "png") ? halves_png ()
                          : g_str_equal (format, "jpeg") ? halves_jpeg () : halves_svg ();
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_project_add_diagram (project, "value-stream-map", "Images", NULL);
  WmRect bounds = { 0, 0, 40, 40 };
  WmItem *image = wm_test_add_node (diagram, WM_COMMON_IMAGE, &bounds, "Logo");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 40);
  g_autofree char *base64 = NULL;
  g_autoptr(GError) error = NULL;
  WmRenderOptions options;
  cairo_t *cr;

  base64 = wm_image_data_encode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  wm_test_set_property (diagram, image, WM_COMMON_DATA, base64);

  wm_render_options_init (&options);
  options.paper = FALSE;
  cr = cairo_create (surface);
  wm_render_item (diagram, image, cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_true (is_mostly (pixel_at (surface, 5, 20), 16));
  g_assert_true (is_mostly (pixel_at (surface, 34, 20), 0));
  cairo_surface_destroy (surface);
}

/* An SVG stays vectors in a PDF: its rectangles are paths, no image. */
static void
test_image_svg_vector (void)
{
  g_autoptr(GBytes) bytes = halves_svg ();
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_project_add_diagram (project, "use-case", "Images", NULL);
  WmItem *image = wm_test_add_node (diagram, WM_COMMON_IMAGE, &(WmRect) { 0, 0, 400, 400 }, "");
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autofree char *base64 = NULL;
  cairo_surface_t *surface;
  WmRenderOptions options;
  cairo_t *cr;

  base64 = wm_image_data_encode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  wm_test_set_property (diagram, image, WM_COMMON_DATA, base64);
  surface = cairo_pdf_surface_create_for_stream (wm_test_append_bytes, pdf, 400, 400);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "test");
  cr = cairo_create (surface);
  wm_render_options_init (&options);
  options.scale = 0;
  wm_render_item (diagram, image, cr, &options);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_null (g_strstr_len ((const char *) pdf->data, pdf->len, "/Subtype /Image"));
  g_assert_cmpuint (pdf->len, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/types", test_types);
  g_test_add_func ("/common/round-trip", test_round_trip);
  g_test_add_func ("/common/image/refused", test_image_refused);
  g_test_add_data_func ("/common/image/paints/png", "png", test_image_paints);
  g_test_add_data_func ("/common/image/paints/jpeg", "jpeg", test_image_paints);
  g_test_add_data_func ("/common/image/paints/svg", "svg", test_image_paints);
  g_test_add_func ("/common/image/svg-vector", test_image_svg_vector);

  return g_test_run ();
}
