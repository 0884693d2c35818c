/* test-viewport.c — the viewport's transforms, zooming, clamping and fitting
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "wm-render.h"
#include "wm-viewport.h"

#define EPSILON 1e-9

static WmViewport *
viewport_new (double zoom,
              double x,
              double y,
              double width,
              double height)
{
  WmViewport *viewport = wm_viewport_new ();

  wm_viewport_set_size (viewport, width, height);
  wm_viewport_set_origin (viewport, x, y);
  wm_viewport_set_zoom (viewport, zoom);
  wm_viewport_set_origin (viewport, x, y);
  return viewport;
}

static void
test_defaults (void)
{
  g_autoptr(WmViewport) viewport = wm_viewport_new ();
  double x, y, width, height;
  WmRect visible;

  g_assert_cmpfloat (wm_viewport_get_zoom (viewport), ==, 1.0);
  wm_viewport_get_origin (viewport, &x, &y);
  g_assert_cmpfloat (x, ==, 0);
  g_assert_cmpfloat (y, ==, 0);
  wm_viewport_get_size (viewport, &width, &height);
  g_assert_cmpfloat (width, ==, 0);
  g_assert_cmpfloat (height, ==, 0);
  wm_viewport_get_visible (viewport, &visible);
  g_assert_true (wm_rect_is_empty (&visible));
}

static void
test_round_trip (void)
{
  const double zooms[] = { WM_VIEWPORT_MIN_ZOOM, 0.1, 1.0 / 3, 1, 1.7, 4, WM_VIEWPORT_MAX_ZOOM };
  const WmPoint origins[] = { { 0, 0 }, { -350.25, 120 }, { 1e5, -7.5 } };

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    for (guint o = 0; o < G_N_ELEMENTS (origins); o++)
      {
        g_autoptr(WmViewport) viewport = viewport_new (zooms[z], origins[o].x, origins[o].y,
                                                       800, 600);

        g_assert_cmpfloat_with_epsilon (wm_viewport_get_zoom (viewport), zooms[z], EPSILON);
        for (int i = 0; i < 50; i++)
          {
            double dx = g_test_rand_double_range (-2000, 2000);
            double dy = g_test_rand_double_range (-2000, 2000);
            double wx, wy, bx, by;

            wm_viewport_doc_to_widget (viewport, dx, dy, &wx, &wy);
            wm_viewport_widget_to_doc (viewport, wx, wy, &bx, &by);
            g_assert_cmpfloat_with_epsilon (bx, dx, 1e-7 * MAX (1, fabs (dx)));
            g_assert_cmpfloat_with_epsilon (by, dy, 1e-7 * MAX (1, fabs (dy)));
          }
        /* The origin is at the widget's corner; one unit is zoom pixels. */
        {
          double wx, wy;

          wm_viewport_doc_to_widget (viewport, origins[o].x + 10, origins[o].y, &wx, &wy);
          g_assert_cmpfloat_with_epsilon (wx, 10 * zooms[z], 1e-6);
          g_assert_cmpfloat_with_epsilon (wy, 0, 1e-6);
        }
      }
}

/* A rectangle lands where its two corners do. */
static void
test_rect_to_widget (void)
{
  g_autoptr(WmViewport) viewport = viewport_new (1.7, -350.25, 120, 800, 600);
  const WmRect doc = { 12.5, -40, 300, 75.25 };
  double x1, y1, x2, y2;
  WmRect rect;

  wm_viewport_doc_rect_to_widget (viewport, &doc, &rect);
  wm_viewport_doc_to_widget (viewport, doc.x, doc.y, &x1, &y1);
  wm_viewport_doc_to_widget (viewport, doc.x + doc.width, doc.y + doc.height, &x2, &y2);
  g_assert_cmpfloat_with_epsilon (rect.x, x1, 1e-9);
  g_assert_cmpfloat_with_epsilon (rect.y, y1, 1e-9);
  g_assert_cmpfloat_with_epsilon (rect.width, x2 - x1, 1e-9);
  g_assert_cmpfloat_with_epsilon (rect.height, y2 - y1, 1e-9);
}

static void
test_visible (void)
{
  g_autoptr(WmViewport) viewport = viewport_new (2, 100, 50, 800, 600);
  WmRect visible;

  wm_viewport_get_visible (viewport, &visible);
  g_assert_cmpfloat (visible.x, ==, 100);
  g_assert_cmpfloat (visible.y, ==, 50);
  g_assert_cmpfloat (visible.width, ==, 400);
  g_assert_cmpfloat (visible.height, ==, 300);
}

static void
assert_point_fixed (WmViewport *viewport,
                    double      factor,
                    double      wx,
                    double      wy)
{
  double before_x, before_y, after_x, after_y;

  wm_viewport_widget_to_doc (viewport, wx, wy, &before_x, &before_y);
  wm_viewport_zoom_at (viewport, factor, wx, wy);
  wm_viewport_widget_to_doc (viewport, wx, wy, &after_x, &after_y);
  g_assert_cmpfloat_with_epsilon (after_x, before_x, 1e-7);
  g_assert_cmpfloat_with_epsilon (after_y, before_y, 1e-7);
}

static void
test_zoom_at (void)
{
  g_autoptr(WmViewport) viewport = viewport_new (1, -40, 30, 1000, 700);
  const double factors[] = { 2, 0.5, 1.2, 1 / 1.2, 3.7, 100, 0.0001, 1 };

  for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
    {
      double before = wm_viewport_get_zoom (viewport);

      assert_point_fixed (viewport, factors[i], 123.5, 456.25);
      assert_point_fixed (viewport, factors[i], 0, 0);
      assert_point_fixed (viewport, factors[i], 1000, 700);
      g_assert_cmpfloat (wm_viewport_get_zoom (viewport), >=, WM_VIEWPORT_MIN_ZOOM);
      g_assert_cmpfloat (wm_viewport_get_zoom (viewport), <=, WM_VIEWPORT_MAX_ZOOM);
      if (factors[i] > 1)
        g_assert_cmpfloat (wm_viewport_get_zoom (viewport), >=, before);
    }
}

static void
test_set_zoom_keeps_centre (void)
{
  g_autoptr(WmViewport) viewport = viewport_new (1, 0, 0, 800, 600);
  double x, y;

  wm_viewport_set_zoom (viewport, 2);
  wm_viewport_widget_to_doc (viewport, 400, 300, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 400, EPSILON);
  g_assert_cmpfloat_with_epsilon (y, 300, EPSILON);
  g_assert_cmpfloat (wm_viewport_get_zoom (viewport), ==, 2);
}

static void
test_clamp (void)
{
  g_autoptr(WmViewport) viewport = viewport_new (1, 10, 20, 800, 600);
  double x, y;

  wm_viewport_set_zoom (viewport, 1000);
  g_assert_cmpfloat (wm_viewport_get_zoom (viewport), ==, WM_VIEWPORT_MAX_ZOOM);
  wm_viewport_zoom_at (viewport, 2, 10, 10);
  g_assert_cmpfloat (wm_viewport_get_zoom (viewport), ==, WM_VIEWPORT_MAX_ZOOM);
  wm_viewport_set_zoom (viewport, 1e-9);
  g_assert_cmpfloat (wm_viewport_get_zoom (viewport), ==, WM_VIEWPORT_MIN_ZOOM);
  wm_viewport_set_zoom (viewport, -3);
  g_assert_cmpfloat (wm_viewport_get_zoom (viewport), ==, WM_VIEWPORT_MIN_ZOOM);

  /* Nonsense factors and values change nothing or fall back to 100 %. */
  wm_viewport_set_zoom (viewport, 0.5);
  wm_viewport_get_origin (viewport, &x, &y);
  wm_viewport_zoom_at (viewport, 0, 10, 10);
  wm_viewport_zoom_at (viewport, -2, 10, 10);
  wm_viewport_zoom_at (viewport, NAN, 10, 10);
  wm_viewport_zoom_at (viewport, INFINITY, 10, 10);
  g_assert_cmpfloat (wm_viewport_get_zoom (viewport), ==, 0.5);
  wm_viewport_set_zoom (viewport, NAN);
  g_assert_cmpfloat (wm_viewport_get_zoom (viewport), ==, 1.0);
  wm_viewport_set_origin (viewport, NAN, INFINITY);
  wm_viewport_get_origin (viewport, &x, &y);
  g_assert_true (isfinite (x) && isfinite (y));
}

static void
test_pan (void)
{
  g_autoptr(WmViewport) viewport = viewport_new (2, 0, 0, 800, 600);
  double x, y;

  wm_viewport_pan (viewport, 100, -50);
  wm_viewport_get_origin (viewport, &x, &y);
  g_assert_cmpfloat (x, ==, 50);
  g_assert_cmpfloat (y, ==, -25);
}

static void
assert_fits (WmViewport   *viewport,
             const WmRect *area,
             double        margin)
{
  double x1, y1, x2, y2, width, height;

  wm_viewport_get_size (viewport, &width, &height);
  wm_viewport_doc_to_widget (viewport, area->x, area->y, &x1, &y1);
  wm_viewport_doc_to_widget (viewport, area->x + area->width, area->y + area->height, &x2, &y2);
  /* Inside the margins... */
  g_assert_cmpfloat (x1, >=, margin - 1e-6);
  g_assert_cmpfloat (y1, >=, margin - 1e-6);
  g_assert_cmpfloat (x2, <=, width - margin + 1e-6);
  g_assert_cmpfloat (y2, <=, height - margin + 1e-6);
  /* ...centred... */
  g_assert_cmpfloat_with_epsilon (x1, width - x2, 1e-6);
  g_assert_cmpfloat_with_epsilon (y1, height - y2, 1e-6);
  /* ...and as large as possible: it touches the margins on one axis. */
  if (wm_viewport_get_zoom (viewport) < WM_VIEWPORT_MAX_ZOOM)
    g_assert_true (fabs (x1 - margin) < 1e-6 || fabs (y1 - margin) < 1e-6);
}

static void
test_fit (void)
{
  const WmRect areas[] = {
    { 0, 0, 1600, 1000 },       /* wide */
    { -300, 200, 400, 2000 },   /* tall */
    { 10, 10, 400, 300 },       /* smaller than the view: zoomed in */
    { 10, 10, 40, 30 },         /* tiny: zoomed in up to the limit */
  };
  g_autoptr(WmViewport) viewport = viewport_new (1, 0, 0, 1000, 700);
  WmRect huge = { 0, 0, 1e7, 1e7 };
  WmRect line = { 50, 60, 0, 300 };
  double x, y;

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      wm_viewport_fit (viewport, &areas[i], 20);
      assert_fits (viewport, &areas[i], 20);
    }

  /* Beyond the zoom range the area stays centred. */
  wm_viewport_fit (viewport, &huge, 20);
  g_assert_cmpfloat (wm_viewport_get_zoom (viewport), ==, WM_VIEWPORT_MIN_ZOOM);
  wm_viewport_widget_to_doc (viewport, 500, 350, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 5e6, 1e-3);
  g_assert_cmpfloat_with_epsilon (y, 5e6, 1e-3);

  /* A degenerate area does not divide by zero. */
  wm_viewport_fit (viewport, &line, 20);
  g_assert_true (isfinite (wm_viewport_get_zoom (viewport)));
  wm_viewport_widget_to_doc (viewport, 500, 350, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 50, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, 210, 1e-6);
}

static void
test_fit_unsized (void)
{
  g_autoptr(WmViewport) viewport = wm_viewport_new ();
  WmRect area = { 0, 0, 100, 100 };
  double x, y;

  /* A widget not allocated yet: nothing to fit into, nothing changes. */
  wm_viewport_fit (viewport, &area, 10);
  g_assert_cmpfloat (wm_viewport_get_zoom (viewport), ==, 1);
  wm_viewport_get_origin (viewport, &x, &y);
  g_assert_cmpfloat (x, ==, 0);
  g_assert_cmpfloat (y, ==, 0);

  /* Smaller than its margins: the margin is dropped, not the area. */
  wm_viewport_set_size (viewport, 15, 15);
  wm_viewport_fit (viewport, &area, 10);
  g_assert_cmpfloat_with_epsilon (wm_viewport_get_zoom (viewport), 0.15, EPSILON);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              GHashTable *counts)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name));

  g_hash_table_insert (counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static guint
count (GHashTable *counts,
       const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
}

static void
test_notify (void)
{
  g_autoptr(WmViewport) viewport = viewport_new (1, 0, 0, 800, 600);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  double zoom;

  g_signal_connect (viewport, "notify", G_CALLBACK (count_notify), counts);
  wm_viewport_set_zoom (viewport, 1);
  wm_viewport_set_origin (viewport, 0, 0);
  wm_viewport_set_size (viewport, 800, 600);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);

  wm_viewport_zoom_at (viewport, 2, 0, 0);
  g_assert_cmpuint (count (counts, "zoom"), ==, 1);
  g_assert_cmpuint (count (counts, "origin-x"), ==, 0);
  wm_viewport_pan (viewport, 10, 0);
  g_assert_cmpuint (count (counts, "origin-x"), ==, 1);
  g_assert_cmpuint (count (counts, "origin-y"), ==, 0);
  wm_viewport_set_size (viewport, 400, 600);
  g_assert_cmpuint (count (counts, "width"), ==, 1);
  g_assert_cmpuint (count (counts, "height"), ==, 0);

  g_object_set (viewport, "zoom", 0.5, NULL);
  g_object_get (viewport, "zoom", &zoom, NULL);
  g_assert_cmpfloat (zoom, ==, 0.5);
  g_assert_cmpuint (count (counts, "zoom"), ==, 2);
}

/* A diagram narrow enough for the view fits its width, centred, at no more
 * than the ceiling; a wide one shows its top-left corner at the floor. */
static void
test_fit_width (void)
{
  g_autoptr(WmViewport) viewport = viewport_new (1, 0, 0, 500, 700);
  WmRect narrow = { 0, 0, 238, 100 }, wide = { -20, -30, 1600, 1000 };
  double x, y;

  wm_viewport_fit_width (viewport, &narrow, 12, 0.7, 1.0);
  g_assert_cmpfloat_with_epsilon (wm_viewport_get_zoom (viewport), 1.0, EPSILON);
  wm_viewport_get_origin (viewport, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 119 - 250, EPSILON);
  g_assert_cmpfloat_with_epsilon (y, 50 - 350, EPSILON);

  wm_viewport_fit_width (viewport, &wide, 12, 0.7, 1.0);
  g_assert_cmpfloat_with_epsilon (wm_viewport_get_zoom (viewport), 0.7, EPSILON);
  wm_viewport_get_origin (viewport, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, -20 - 12 / 0.7, EPSILON);
  g_assert_cmpfloat_with_epsilon (y, -30 - 12 / 0.7, EPSILON);

  /* Without a floor, the whole width shows, centred when the height fits... */
  wm_viewport_fit_width (viewport, &wide, 12, WM_VIEWPORT_MIN_ZOOM, WM_VIEWPORT_MAX_ZOOM);
  g_assert_cmpfloat_with_epsilon (wm_viewport_get_zoom (viewport), 476.0 / 1600, EPSILON);
  wm_viewport_get_origin (viewport, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 780 - 250 / (476.0 / 1600), EPSILON);
  g_assert_cmpfloat_with_epsilon (y, 470 - 350 / (476.0 / 1600), EPSILON);

  /* ...and from the top when the diagram is taller than the view. */
  wide.height = 5000;
  wm_viewport_fit_width (viewport, &wide, 12, WM_VIEWPORT_MIN_ZOOM, WM_VIEWPORT_MAX_ZOOM);
  wm_viewport_get_origin (viewport, &x, &y);
  g_assert_cmpfloat_with_epsilon (y, -30 - 12 / (476.0 / 1600), EPSILON);
}

/* The level of detail follows device pixels: at a zoom where one device
 * pixel per widget pixel turns text into bars, two keep it text. */
static void
test_device_zoom_detail (void)
{
  g_autoptr(WmViewport) viewport = viewport_new (0.25, 0, 0, 800, 600);

  g_assert_cmpfloat (wm_viewport_get_scale_factor (viewport), ==, 1);
  g_assert_cmpfloat (wm_viewport_get_device_zoom (viewport), ==, 0.25);
  g_assert_cmpint (wm_render_get_detail (wm_viewport_get_device_zoom (viewport)), ==,
                   WM_RENDER_DETAIL_SHAPES);

  wm_viewport_set_scale_factor (viewport, 2);
  g_assert_cmpfloat (wm_viewport_get_device_zoom (viewport), ==, 0.5);
  g_assert_cmpint (wm_render_get_detail (wm_viewport_get_device_zoom (viewport)), ==,
                   WM_RENDER_DETAIL_FULL);
  /* The transforms stay in widget pixels. */
  g_assert_cmpfloat (wm_viewport_get_zoom (viewport), ==, 0.25);

  /* Text drawn as text is at least the threshold high in device pixels. */
  g_assert_cmpint (wm_render_get_detail (WM_RENDER_DETAIL_TEXT_PIXELS / WM_RENDER_BODY_TEXT_SIZE),
                   ==, WM_RENDER_DETAIL_FULL);
  g_assert_cmpint (wm_render_get_detail (0.99 * WM_RENDER_DETAIL_TEXT_PIXELS /
                                         WM_RENDER_BODY_TEXT_SIZE), ==, WM_RENDER_DETAIL_SHAPES);
  g_assert_cmpint (wm_render_get_detail (0.05), ==, WM_RENDER_DETAIL_FAR);
  g_assert_cmpint (wm_render_get_detail (0), ==, WM_RENDER_DETAIL_FULL);
  /* A readable view is never one without text, even at one device pixel. */
  g_assert_cmpint (wm_render_get_detail (wm_render_get_readable_zoom ()), ==,
                   WM_RENDER_DETAIL_FULL);

  /* Factors below one are not display scales. */
  wm_viewport_set_scale_factor (viewport, 0);
  g_assert_cmpfloat (wm_viewport_get_scale_factor (viewport), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/widgets/viewport/defaults", test_defaults);
  g_test_add_func ("/widgets/viewport/round-trip", test_round_trip);
  g_test_add_func ("/widgets/viewport/rect-to-widget", test_rect_to_widget);
  g_test_add_func ("/widgets/viewport/visible", test_visible);
  g_test_add_func ("/widgets/viewport/zoom-at", test_zoom_at);
  g_test_add_func ("/widgets/viewport/set-zoom-keeps-centre", test_set_zoom_keeps_centre);
  g_test_add_func ("/widgets/viewport/clamp", test_clamp);
  g_test_add_func ("/widgets/viewport/pan", test_pan);
  g_test_add_func ("/widgets/viewport/fit", test_fit);
  g_test_add_func ("/widgets/viewport/fit-unsized", test_fit_unsized);
  g_test_add_func ("/widgets/viewport/notify", test_notify);
  g_test_add_func ("/widgets/viewport/fit-width", test_fit_width);
  g_test_add_func ("/widgets/viewport/device-zoom-detail", test_device_zoom_detail);

  return g_test_run ();
}
