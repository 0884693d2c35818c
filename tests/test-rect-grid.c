/* test-rect-grid.c — the grid that culls and hit-tests laid-out items
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "wm-rect-grid.h"

/* What the grid must answer: every rectangle meeting the area, and every
 * one without usable bounds, in ascending order. */
static GArray *
scan (const WmRect *rects,
      guint         n,
      const WmRect *area)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n; i++)
    {
      const WmRect *r = &rects[i];
      gboolean usable = isfinite (r->x) && isfinite (r->y) && isfinite (r->width) &&
                        isfinite (r->height) && r->width >= 0 && r->height >= 0;

      if (!usable || wm_rect_intersects (r, area))
        g_array_append_val (found, i);
    }
  return found;
}

static void
assert_same (GArray *got,
             GArray *want)
{
  g_assert_cmpuint (got->len, ==, want->len);
  g_assert_cmpmem (got->data, got->len * sizeof (guint), want->data, want->len * sizeof (guint));
}

static WmRect
random_rect (GRand *rand)
{
  double kind = g_rand_double (rand);

  if (kind < 0.01)   /* not laid out yet */
    return (WmRect) { 0, 0, -1, -1 };
  if (kind < 0.015)  /* a lane or a block across much of the diagram */
    return (WmRect) { g_rand_double_range (rand, -100, 5000), g_rand_double_range (rand, 0, 3000),
                      g_rand_double_range (rand, 2000, 20000), g_rand_double_range (rand, 300, 900) };
  if (kind < 0.02)   /* a zero-size point, on a cell's edge or not */
    return (WmRect) { floor (g_rand_double_range (rand, 0, 100)) * 64, 128, 0, 0 };
  return (WmRect) { g_rand_double_range (rand, -500, 20000), g_rand_double_range (rand, -500, 12000),
                    g_rand_double_range (rand, 10, 300), g_rand_double_range (rand, 10, 200) };
}

/* Waits (5 s at most) for the other thread to fill @grid's cells, or with
 * @grid NULL for every filling to end. */
static void
wait_for_filling (WmRectGrid *grid)
{
  for (guint k = 0; k < 5000; k++)
    {
      if (grid != NULL ? wm_rect_grid_has_cells (grid) : _wm_rect_grid_get_n_filling () == 0)
        return;
      g_usleep (1000);
    }
  g_error ("the grid's cells were not filled in 5 s");
}

/* Random layouts, random areas (views, hit-test points, areas off the
 * grid, an edge-to-edge touch): the grid answers as the scan does, by
 * its own scan at the first queries and from its cells after. */
static void
test_agrees_with_scan (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);

  for (guint round = 0; round < 20; round++)
    {
      guint n = round == 0 ? 0 : g_rand_int_range (rand, 1, 5000);
      g_autofree WmRect *rects = g_new (WmRect, MAX (n, 1));
      g_autoptr(WmRectGrid) grid = NULL;

      for (guint i = 0; i < n; i++)
        rects[i] = random_rect (rand);
      grid = wm_rect_grid_new (g_memdup2 (rects, MAX (n, 1) * sizeof (WmRect)), n);
      for (guint q = 0; q < 200; q++)
        {
          WmRect area = { g_rand_double_range (rand, -3000, 25000),
                          g_rand_double_range (rand, -3000, 15000),
                          q % 3 == 0 ? 2 : g_rand_double_range (rand, 0, 4000),
                          q % 3 == 0 ? 2 : g_rand_double_range (rand, 0, 3000) };
          g_autoptr(GArray) got = g_array_new (FALSE, FALSE, sizeof (guint));
          g_autoptr(GArray) want = NULL;

          if (n > 0 && q % 7 == 0)  /* an area that just touches an item */
            area = (WmRect) { rects[q % n].x + rects[q % n].width, rects[q % n].y, 5, 5 };
          /* The first queries scan; then the cells are filled meanwhile. */
          if (q == 0)
            g_assert_false (wm_rect_grid_has_cells (grid));
          if (q == 50)
            wait_for_filling (grid);
          want = scan (rects, n, &area);
          wm_rect_grid_query (grid, &area, got);
          assert_same (got, want);
        }
    }
}

/* Areas the grid cannot place (infinite, NaN) fall back to the scan, and
 * a query appends after what the array already holds. */
static void
test_odd_areas (void)
{
  WmRect rects[] = { { 0, 0, 10, 10 }, { 50, 50, 10, 10 }, { NAN, 0, 5, 5 } };
  g_autoptr(WmRectGrid) grid = wm_rect_grid_new (g_memdup2 (rects, sizeof rects), G_N_ELEMENTS (rects));
  WmRect everywhere = { -INFINITY, -INFINITY, INFINITY, INFINITY };
  WmRect nowhere = { NAN, NAN, 10, 10 };
  g_autoptr(GArray) got = g_array_new (FALSE, FALSE, sizeof (guint));
  guint marker = 99;

  g_array_append_val (got, marker);
  /* Past the scanned queries, so that the cells answer. */
  for (guint k = 0; k < 50; k++)
    wm_rect_grid_query (grid, &(WmRect) { 0, 0, 1, 1 }, got);
  wait_for_filling (grid);
  g_array_set_size (got, 1);
  wm_rect_grid_query (grid, &(WmRect) { 5, 5, 50, 50 }, got);
  g_assert_cmpuint (got->len, ==, 4);
  g_assert_cmpuint (g_array_index (got, guint, 0), ==, 99);
  g_assert_cmpuint (g_array_index (got, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (got, guint, 2), ==, 1);
  g_assert_cmpuint (g_array_index (got, guint, 3), ==, 2);
  for (guint k = 0; k < 2; k++)
    {
      const WmRect *area = k == 0 ? &everywhere : &nowhere;
      g_autoptr(GArray) want = scan (rects, G_N_ELEMENTS (rects), area);

      g_array_set_size (got, 0);
      wm_rect_grid_query (grid, area, got);
      assert_same (got, want);
    }
}

/* Grids freed while the other thread fills their cells, as edits make and
 * drop them: the thread gives up or finishes, frees what it made (the
 * sanitizer runs would see a use after free or a leak), and every filling
 * ends. */
static void
test_freed_while_filling (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  const guint n = 200000;

  for (guint round = 0; round < 8; round++)
    {
      WmRect *rects = g_new (WmRect, n);
      WmRectGrid *grid;
      g_autoptr(GArray) got = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint i = 0; i < n; i++)
        rects[i] = random_rect (rand);
      grid = wm_rect_grid_new (rects, n);
      for (guint q = 0; q < 20; q++)
        wm_rect_grid_query (grid, &(WmRect) { 100, 100, 500, 400 }, got);
      wm_rect_grid_free (grid);
    }
  wait_for_filling (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rect-grid/agrees-with-scan", test_agrees_with_scan);
  g_test_add_func ("/rect-grid/odd-areas", test_odd_areas);
  g_test_add_func ("/rect-grid/freed-while-filling", test_freed_while_filling);
  return g_test_run ();
}
