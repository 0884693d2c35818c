/* test-batch.c — shapes of many items drawn together by style (wm-batch.c)
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A batch reorders what painters draw, so that a PDF or SVG holds a few
 * large paths instead of one per shape. These tests paint on images, with
 * and without a batch: every diagram of the sample comes out the same,
 * shapes that overlap keep their order, translucent and oppositely wound
 * shapes are not merged where that would change the ink, and what the
 * batch cannot take (under a clip it was not opened under) is drawn in
 * its place in the order.
 */
#include "config.h"

#include <cairo.h>
#include <math.h>

#include "wm-batch.h"
#include "wm-draw.h"
#include "wm-render-test-util.h"
#include "wm-test-util.h"

#define SIZE 200

static cairo_surface_t *
blank (int width,
       int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  return surface;
}

/* The colour at @x, @y as 0xRRGGBB. */
static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guchar *data;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);
  return ((const guint32 *) (const void *) data)[x] & 0xffffff;
}

static void
square (cairo_t *cr,
        double   x,
        double   y,
        double   size,
        double   red,
        double   green,
        double   blue)
{
  cairo_rectangle (cr, x, y, size, size);
  cairo_set_source_rgb (cr, red, green, blue);
  wm_fill (cr);
}

/* Pixels whose colour differs by more than a quarter of the range in some
 * channel: the edges of shapes merged into one path may be antialiased a
 * shade differently, but nothing may go missing or change colour. */
static guint
count_changed (cairo_surface_t *a,
               cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  guint changed = 0;

  g_assert_cmpint (width, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = pixel (a, x, y), q = pixel (b, x, y);

        for (int shift = 0; shift < 24; shift += 8)
          if (ABS ((int) ((p >> shift) & 0xff) - (int) ((q >> shift) & 0xff)) > 64)
            {
              changed++;
              break;
            }
      }
  return changed;
}

static void
test_overlaps_keep_order (void)
{
  cairo_surface_t *surface = blank (SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);
  guint groups, ops;

  _wm_batch_open (cr, 16);
  square (cr, 0, 0, 40, 1, 0, 0);       /* red */
  square (cr, 20, 20, 40, 0, 0, 1);     /* blue over it */
  square (cr, 40, 40, 40, 1, 0, 0);     /* red over the blue */
  square (cr, 150, 150, 40, 1, 0, 0);   /* red, apart: joins the first red */
  square (cr, 150, 10, 40, 0, 0, 1);    /* blue, apart: joins the blue */
  _wm_batch_get_counts (cr, &groups, &ops);
  g_assert_cmpuint (ops, ==, 5);
  g_assert_cmpuint (groups, ==, 3);
  /* Nothing shows before the batch closes. */
  g_assert_cmphex (pixel (surface, 10, 10), ==, 0xffffff);
  _wm_batch_close (cr);
  g_assert_cmphex (pixel (surface, 10, 10), ==, 0xff0000);
  g_assert_cmphex (pixel (surface, 30, 30), ==, 0x0000ff);
  g_assert_cmphex (pixel (surface, 50, 50), ==, 0xff0000);
  g_assert_cmphex (pixel (surface, 170, 170), ==, 0xff0000);
  g_assert_cmphex (pixel (surface, 170, 30), ==, 0x0000ff);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A rectangle wound the other way round from cairo_rectangle(). */
static void
backward_rectangle (cairo_t *cr,
                    double   x,
                    double   y,
                    double   size)
{
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x, y + size);
  cairo_line_to (cr, x + size, y + size);
  cairo_line_to (cr, x + size, y);
  cairo_close_path (cr);
}

static void
test_merges_only_what_stays_the_same (void)
{
  cairo_surface_t *surface = blank (SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);
  guint groups;

  _wm_batch_open (cr, 16);
  /* Opaque fills turning the same way share a path even where they overlap. */
  square (cr, 0, 0, 40, 0, 0.5, 0);
  square (cr, 20, 0, 40, 0, 0.5, 0);
  _wm_batch_get_counts (cr, &groups, NULL);
  g_assert_cmpuint (groups, ==, 1);
  /* Turning the other way, one path would leave a hole where they overlap. */
  square (cr, 100, 0, 40, 0, 0, 0);
  backward_rectangle (cr, 120, 0, 40);
  wm_fill (cr);
  _wm_batch_get_counts (cr, &groups, NULL);
  g_assert_cmpuint (groups, ==, 3);
  /* Translucent strokes that cross each darken the crossing. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.5);
  cairo_set_line_width (cr, 10);
  cairo_move_to (cr, 0, 100);
  cairo_line_to (cr, 80, 100);
  wm_stroke (cr);
  cairo_move_to (cr, 40, 60);
  cairo_line_to (cr, 40, 140);
  wm_stroke (cr);
  _wm_batch_close (cr);

  g_assert_cmphex (pixel (surface, 30, 20), ==, 0x008000);
  g_assert_cmphex (pixel (surface, 130, 20), ==, 0x000000);
  /* Half black twice is a quarter white; once, half. */
  g_assert_cmpuint (pixel (surface, 40, 100) & 0xff, <, 0x48);
  g_assert_cmpuint (pixel (surface, 10, 100) & 0xff, >, 0x78);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A sharp mitred corner reaches far past its path: what lies under its
 * tip, drawn earlier, must stay under it. */
static void
test_miter_reaches_its_tip (void)
{
  cairo_surface_t *surface = blank (SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);

  _wm_batch_open (cr, 16);
  cairo_set_line_width (cr, 10);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_move_to (cr, 20, 20);
  cairo_line_to (cr, 60, 20);
  wm_stroke (cr);
  square (cr, 108, 97, 6, 0, 0, 1);
  /* A V pointing right, its corner at 100, 100, 28 degrees wide: the miter
   * reaches about 20 units on, past the blue square. */
  cairo_move_to (cr, 20, 80);
  cairo_line_to (cr, 100, 100);
  cairo_line_to (cr, 20, 120);
  cairo_set_source_rgb (cr, 1, 0, 0);
  wm_stroke (cr);
  _wm_batch_close (cr);
  g_assert_cmphex (pixel (surface, 111, 100), ==, 0xff0000);
  g_assert_cmphex (pixel (surface, 40, 20), ==, 0xff0000);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_clip_draws_in_order (void)
{
  cairo_surface_t *surface = blank (SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);

  _wm_batch_open (cr, 16);
  square (cr, 0, 0, 100, 1, 0, 0);
  /* Under a clip of its own the blue cannot wait: the red goes first. */
  cairo_save (cr);
  cairo_rectangle (cr, 50, 50, 100, 100);
  wm_clip (cr);
  square (cr, 0, 0, 200, 0, 0, 1);
  cairo_restore (cr);
  g_assert_cmphex (pixel (surface, 75, 75), ==, 0x0000ff);
  g_assert_cmphex (pixel (surface, 25, 25), ==, 0xff0000);
  g_assert_cmphex (pixel (surface, 175, 25), ==, 0xffffff);
  /* A flush keeps the path being built. */
  square (cr, 160, 0, 20, 0, 1, 0);
  cairo_rectangle (cr, 0, 160, 20, 20);
  _wm_batch_flush (cr);
  g_assert_cmphex (pixel (surface, 170, 10), ==, 0x00ff00);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_fill (cr);
  g_assert_cmphex (pixel (surface, 10, 170), ==, 0x000000);
  _wm_batch_close (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A square filled and outlined, as painters draw a box. */
static void
outlined_square (cairo_t *cr,
                 double   x,
                 double   y,
                 double   size,
                 double   red,
                 double   green,
                 double   blue)
{
  cairo_rectangle (cr, x, y, size, size);
  cairo_set_source_rgb (cr, red, green, blue);
  wm_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 4);
  wm_stroke (cr);
  cairo_new_path (cr);
}

static void
test_fill_and_stroke_as_one (void)
{
  cairo_surface_t *surface = blank (SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);
  guint groups, ops;

  _wm_batch_open (cr, 16);
  /* Apart, a path filled and then stroked goes in one group: one path,
   * written once. */
  for (int i = 0; i < 3; i++)
    outlined_square (cr, 20 + 60 * i, 20, 30, 0, 1, 0);
  _wm_batch_get_counts (cr, &groups, &ops);
  g_assert_cmpuint (ops, ==, 6);
  g_assert_cmpuint (groups, ==, 1);
  /* Over the first, another comes after it: its fill hides the first's
   * outline where they overlap. */
  outlined_square (cr, 40, 40, 30, 1, 0, 0);
  _wm_batch_get_counts (cr, &groups, NULL);
  g_assert_cmpuint (groups, ==, 2);
  /* Reaching out of the clip, cairo would write the fill and the stroke
   * apart anyway: they join groups of their own. */
  outlined_square (cr, -10, 150, 30, 0, 1, 0);
  _wm_batch_get_counts (cr, &groups, NULL);
  g_assert_cmpuint (groups, ==, 4);
  /* A fill kept for a stroke of another path is drawn all the same. */
  cairo_rectangle (cr, 150, 150, 30, 30);
  cairo_set_source_rgb (cr, 0, 0, 1);
  wm_fill_preserve (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, 100, 120);
  cairo_line_to (cr, 140, 120);
  cairo_set_source_rgb (cr, 0, 0, 0);
  wm_stroke (cr);
  _wm_batch_close (cr);

  g_assert_cmphex (pixel (surface, 30, 30), ==, 0x00ff00);
  g_assert_cmphex (pixel (surface, 20, 30), ==, 0x000000);
  g_assert_cmphex (pixel (surface, 50, 45), ==, 0xff0000);
  g_assert_cmphex (pixel (surface, 40, 55), ==, 0x000000);
  g_assert_cmphex (pixel (surface, 5, 165), ==, 0x00ff00);
  g_assert_cmphex (pixel (surface, 20, 165), ==, 0x000000);
  g_assert_cmphex (pixel (surface, 165, 165), ==, 0x0000ff);
  g_assert_cmphex (pixel (surface, 120, 120), ==, 0x000000);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Cards @step apart down a strip, @height high, in three colours in turn;
 * then grey cards over the strip, which must come after every card they
 * cover, not join the grey card drawn first, apart. */
static void
paint_strip (cairo_t *cr,
             guint    n,
             double   step,
             double   height)
{
  static const double colours[3][3] = { { 1, 0, 0 }, { 0, 0.6, 0 }, { 0, 0, 1 } };

  cairo_rectangle (cr, 86, 4, 8, 1);
  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  wm_fill (cr);
  for (guint i = 0; i < n; i++)
    {
      const double *rgb = colours[i % 3];

      cairo_rectangle (cr, 96, 4 + i * step, 8, height);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      wm_fill (cr);
    }
  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  for (guint i = 0; i < n / 4; i++)
    {
      cairo_rectangle (cr, 98, 4 + i * 4 * step, 4, 4 * step);
      wm_fill (cr);
    }
}

/* A thin strip of many shapes apart, on a grid laid for the whole clip,
 * piles them into a few cells, where every search reads all the cell holds
 * and meets none of them; the grid is laid anew, finer and over the
 * strip, as the strip grows, and no overlap goes missing on the way. */
static void
test_crowded_strip_regrids (void)
{
  const guint n = 1400;
  const int height = 1500;
  cairo_surface_t *plain = blank (SIZE, height), *batched = blank (SIZE, height);
  cairo_t *cr;
  guint groups, ops, regrids;
  double cell;

  /* Cards a pixel apart, each in a row of pixels of its own: drawn by
   * colour, they come out the same. */
  cr = cairo_create (plain);
  paint_strip (cr, n, 1, 0.5);
  cairo_destroy (cr);

  cr = cairo_create (batched);
  _wm_batch_open (cr, 160);
  paint_strip (cr, n, 1, 0.5);
  _wm_batch_get_counts (cr, &groups, &ops);
  _wm_batch_get_grid (cr, &regrids, &cell);
  _wm_batch_close (cr);
  cairo_destroy (cr);

  g_test_message ("%u shapes in %u groups; grid laid anew %u times, cells of %g", ops, groups,
                  regrids, cell);
  g_assert_cmpuint (ops, ==, 1 + n + n / 4);
  /* The first grey card, the three colours, the grey cards over them: one
   * that missed a card it covers would join the first. */
  g_assert_cmpuint (groups, ==, 5);
  g_assert_cmpuint (regrids, >=, 2);
  g_assert_cmpfloat (cell, <, 160.0 / 4);
  g_assert_cmpuint (count_changed (plain, batched), ==, 0);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (batched);
}

/* Shapes spread over the whole clip, overlapping a lot, on a grid sized for
 * them: however many boxes a search reads, a grid laid anew would be no
 * finer, so it is kept. */
static void
test_spread_shapes_keep_their_grid (void)
{
  cairo_surface_t *surface = blank (SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);
  guint regrids, groups, ops, side = 40;
  double cell;

  _wm_batch_open (cr, 2 * sqrt ((double) SIZE * SIZE / (side * side)));
  for (guint i = 0; i < side * side; i++)
    {
      cairo_rectangle (cr, (i % side) * SIZE / side, (i / side) * SIZE / side, 20, 20);
      cairo_set_source_rgb (cr, i % 2, 0, 1 - i % 2);
      wm_fill (cr);
    }
  _wm_batch_get_counts (cr, &groups, &ops);
  _wm_batch_get_grid (cr, &regrids, &cell);
  _wm_batch_close (cr);
  g_test_message ("%u shapes in %u groups; grid laid anew %u times", ops, groups, regrids);
  g_assert_cmpuint (ops, ==, side * side);
  g_assert_cmpuint (regrids, ==, 0);
  g_assert_cmpfloat (cell, ==, 10);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A pile of translucent cards, each over the ones before it, in one cell of
 * a grid laid for shapes spread over the whole clip (a journey's emotion
 * band among its lanes): too few to lay the grid anew, every search reads
 * the cell from its latest card back, and stops where no card filed before
 * could come later than one it met, not at the bottom of the pile. */
static void
test_pile_reads_from_the_top (void)
{
  static const double colours[3][3] = { { 1, 0, 0 }, { 0, 0.6, 0 }, { 0, 0, 1 } };
  const guint n = 1500, side = 8;
  cairo_surface_t *plain = blank (SIZE, SIZE), *batched = blank (SIZE, SIZE);
  guint groups, ops, regrids, searches;
  guint64 reads;
  cairo_t *cr;

  for (guint pass = 0; pass < 2; pass++)
    {
      cr = cairo_create (pass == 0 ? plain : batched);
      if (pass == 1)
        _wm_batch_open (cr, SIZE / side);
      for (guint i = 0; i < side * side; i++)
        {
          cairo_rectangle (cr, (i % side) * SIZE / side + 16, (i / side) * SIZE / side + 16, 4, 4);
          cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
          wm_fill (cr);
        }
      for (guint i = 0; i < n; i++)
        {
          const double *rgb = colours[i % 3];

          cairo_rectangle (cr, 2 + (i % 40) * 0.25, 2 + (i % 13) * 0.5, 8, 4);
          cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.5);
          wm_fill (cr);
        }
      if (pass == 1)
        {
          _wm_batch_get_counts (cr, &groups, &ops);
          _wm_batch_get_grid (cr, &regrids, NULL);
          _wm_batch_get_reads (cr, &searches, &reads);
          _wm_batch_close (cr);
        }
      cairo_destroy (cr);
    }
  g_test_message ("%u shapes in %u groups, %u searches read %" G_GUINT64_FORMAT " boxes and cells, "
                  "grid laid anew %u times", ops, groups, searches, reads, regrids);
  g_assert_cmpuint (ops, ==, side * side + n);
  /* Translucent cards keep their order where they overlap: most need a
   * group of their own. */
  g_assert_cmpuint (groups, >, n / 2);
  g_assert_cmpuint (regrids, ==, 0);
  g_assert_cmpuint (searches, ==, ops);
  /* Reading the whole pile would be some n / 2 a search. */
  g_assert_cmpuint (reads, <, 8 * (guint64) searches);
  g_assert_cmpuint (count_changed (plain, batched), ==, 0);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (batched);
}

/* Every diagram of the sample, and the items of each drawn together,
 * comes out as it does item by item. */
static void
test_sample_unchanged (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();

  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);
      cairo_surface_t *plain, *batched;
      WmRenderOptions options;
      guint groups, ops, changed;
      WmRect extent;
      cairo_t *cr;
      int width, height;

      wm_render_options_init (&options);
      wm_render_get_extent (diagram, &extent);
      width = (int) ceil (extent.width);
      height = (int) ceil (extent.height);
      plain = blank (width, height);
      batched = blank (width, height);

      cr = cairo_create (plain);
      cairo_translate (cr, -extent.x, -extent.y);
      wm_render_diagram (diagram, cr, &options);
      cairo_destroy (cr);

      cr = cairo_create (batched);
      cairo_translate (cr, -extent.x, -extent.y);
      _wm_batch_open (cr, 64);
      wm_render_diagram (diagram, cr, &options);
      _wm_batch_get_counts (cr, &groups, &ops);
      _wm_batch_close (cr);
      cairo_destroy (cr);

      changed = count_changed (plain, batched);
      g_test_message ("%s: %u shapes and texts in %u groups, %u of %d pixels changed",
                      wm_diagram_get_name (diagram), ops, groups, changed, width * height);
      g_assert_cmpuint (ops, >, 0);
      g_assert_cmpuint (groups, <, ops);
      g_assert_cmpuint (changed, <=, (guint) (width * height) / 2000);
      cairo_surface_destroy (plain);
      cairo_surface_destroy (batched);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/batch/overlaps-keep-order", test_overlaps_keep_order);
  g_test_add_func ("/render/batch/merges-only-what-stays-the-same",
                   test_merges_only_what_stays_the_same);
  g_test_add_func ("/render/batch/miter-reaches-its-tip", test_miter_reaches_its_tip);
  g_test_add_func ("/render/batch/clip-draws-in-order", test_clip_draws_in_order);
  g_test_add_func ("/render/batch/fill-and-stroke-as-one", test_fill_and_stroke_as_one);
  g_test_add_func ("/render/batch/sample-unchanged", test_sample_unchanged);
  g_test_add_func ("/render/batch/crowded-strip-regrids", test_crowded_strip_regrids);
  g_test_add_func ("/render/batch/spread-shapes-keep-their-grid",
                   test_spread_shapes_keep_their_grid);
  g_test_add_func ("/render/batch/pile-reads-from-the-top", test_pile_reads_from_the_top);
  return g_test_run ();
}
