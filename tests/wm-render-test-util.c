/* wm-render-test-util.c — helpers shared by the tests of what the painters draw
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wm-render-test-util.h"

typedef struct
{
  const guint8 *data;
  gsize         left;
} Reader;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  Reader *reader = closure;

  if (length > reader->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data, length);
  reader->data += length;
  reader->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
wm_test_png_from_bytes (GBytes *bytes)
{
  Reader reader;
  cairo_surface_t *surface;

  reader.data = g_bytes_get_data (bytes, &reader.left);
  surface = cairo_image_surface_create_from_png_stream (read_bytes, &reader);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

guint
wm_test_count_differences (cairo_surface_t *expected,
                           cairo_surface_t *actual,
                           gboolean         with_alpha)
{
  return wm_test_count_differences_beyond (expected, actual, with_alpha, 0);
}

/* Whether a channel of @a and @b, pixels of cairo's ARGB32, differs by more
 * than @tolerance; the alpha too when @with_alpha. */
static gboolean
pixels_differ (guint32  a,
               guint32  b,
               gboolean with_alpha,
               guint    tolerance)
{
  for (guint shift = 0; shift < (with_alpha ? 32u : 24u); shift += 8)
    if ((guint) ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > tolerance)
      return TRUE;
  return FALSE;
}

/* The pixels of @actual with a channel more than @tolerance from @expected's. */
guint
wm_test_count_differences_beyond (cairo_surface_t *expected,
                                  cairo_surface_t *actual,
                                  gboolean         with_alpha,
                                  guint            tolerance)
{
  int width = cairo_image_surface_get_width (expected);
  int height = cairo_image_surface_get_height (expected);
  guint differ = 0;

  g_assert_cmpint (cairo_image_surface_get_width (actual), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (actual), ==, height);
  cairo_surface_flush (expected);
  cairo_surface_flush (actual);
  for (int y = 0; y < height; y++)
    {
      const guint32 *a = (const guint32 *) (gconstpointer)
        (cairo_image_surface_get_data (expected) + (gsize) y * cairo_image_surface_get_stride (expected));
      const guint32 *b = (const guint32 *) (gconstpointer)
        (cairo_image_surface_get_data (actual) + (gsize) y * cairo_image_surface_get_stride (actual));

      for (int x = 0; x < width; x++)
        if (pixels_differ (a[x], b[x], with_alpha, tolerance))
          {
            if (differ < 5)
              g_test_message ("at %d,%d: %08x, not %08x", x, y, b[x], a[x]);
            differ++;
          }
    }
  return differ;
}

void
wm_test_assert_rect_within (const WmRect *inner,
                            const WmRect *outer)
{
  g_assert_cmpfloat (outer->x, <=, inner->x);
  g_assert_cmpfloat (outer->y, <=, inner->y);
  g_assert_cmpfloat (outer->x + outer->width, >=, inner->x + inner->width);
  g_assert_cmpfloat (outer->y + outer->height, >=, inner->y + inner->height);
}

cairo_status_t
wm_test_append_bytes (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}
