/* test-common.c — the text, box and image every notation offers
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "waymark-model.h"
#include "wm-render.h"
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
  g_autofree char *jpeg = g_base64_encode ((const guint8 *) "\xff\xd8\xff\xe0 not a png", 14);
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
  g_assert_false (wm_diagram_set_property (diagram, image->id, WM_COMMON_DATA, jpeg, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "PNG"));
  g_clear_error (&error);
  /* A small file of enormous dimensions. */
  g_assert_null (wm_image_data_encode (huge_head, sizeof huge_head, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID);
  g_clear_error (&error);
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

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
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

/* An image paints its own pixels, scaled to fill its bounds. */
static void
test_image_paints (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_project_add_diagram (project, "value-stream-map", "Images", NULL);
  WmRect bounds = { 0, 0, 40, 40 };
  WmItem *image = wm_test_add_node (diagram, WM_COMMON_IMAGE, &bounds, "Logo");
  cairo_surface_t *png = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 4, 4);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 40);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *base64 = NULL;
  g_autoptr(GError) error = NULL;
  WmRenderOptions options;
  cairo_t *cr = cairo_create (png);

  /* A 4 × 4 PNG made here: a red left half and a blue right half. */
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_rectangle (cr, 0, 0, 2, 4);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 1);
  cairo_rectangle (cr, 2, 0, 2, 4);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (png, append_bytes, bytes), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (png);
  base64 = wm_image_data_encode (bytes->data, bytes->len, &error);
  g_assert_no_error (error);
  wm_test_set_property (diagram, image, WM_COMMON_DATA, base64);

  wm_render_options_init (&options);
  options.paper = FALSE;
  cr = cairo_create (surface);
  wm_render_item (diagram, image, cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmphex (pixel_at (surface, 5, 20), ==, 0xffff0000);
  g_assert_cmphex (pixel_at (surface, 34, 20), ==, 0xff0000ff);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/types", test_types);
  g_test_add_func ("/common/round-trip", test_round_trip);
  g_test_add_func ("/common/image/refused", test_image_refused);
  g_test_add_func ("/common/image/paints", test_image_paints);

  return g_test_run ();
}
