/* test-render-lod.c — the screen's level of detail far out (WmRenderOptions.screen)
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Zoomed far out, the canvas asks for silhouettes set straight into pixels
 * and links drawn by the renderer as bare lines. These tests paint with and
 * without it: far out every item still shows where it is and nothing lands
 * elsewhere, culling changes no pixel, nearer in it changes no pixel at
 * all, and a PNG export never uses it. The silhouettes kept from frame to
 * frame follow every edit: after one, the picture is that of a fresh copy.
 */
#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#include "wm-draw.h"
#include "wm-export.h"
#include "wm-far-cache.h"
#include "wm-render-private.h"
#include "wm-render-test-util.h"
#include "wm-test-util.h"

/* Far out: below the scale where links become bare lines (at twice this,
 * on a display of two pixels to a unit, their painters draw them). */
#define FAR_OUT 0.025
#define COLUMNS 6
#define ROWS 4
#define PITCH 300

/* A use-case diagram on a grid: actors in the even columns, use cases in
 * the odd ones, each actor associated with the use case to its right and
 * each use case including the one below it. */
static WmDiagram *
make_grid (WmProject *project)
{
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (project, "use-case", "Grid", &error);
  WmItem *nodes[ROWS][COLUMNS];

  g_assert_no_error (error);
  for (int row = 0; row < ROWS; row++)
    for (int column = 0; column < COLUMNS; column++)
      {
        gboolean actor = column % 2 == 0;
        WmRect bounds = { 40 + column * PITCH, 40 + row * PITCH, actor ? 60 : 140,
                          actor ? 110 : 70 };

        nodes[row][column] = wm_test_add_node (diagram, actor ? "actor" : "use-case", &bounds,
                                               actor ? "Clerk" : "Check the order");
      }
  for (int row = 0; row < ROWS; row++)
    for (int column = 0; column < COLUMNS; column++)
      {
        if (column % 2 == 0)
          wm_test_add_link (diagram, "association", nodes[row][column], nodes[row][column + 1]);
        else if (row + 1 < ROWS)
          wm_test_add_link (diagram, "include", nodes[row][column], nodes[row + 1][column]);
      }
  return diagram;
}

/* Paints @area of @diagram at @scale on a transparent surface with
 * @factor pixels to a unit (a display's scale factor), clipped to @area
 * (as the canvas clips to the paper) unless it is the whole extent; culled
 * to it when @cull. */
static cairo_surface_t *
paint_scaled (WmDiagram    *diagram,
              const WmRect *area,
              double        scale,
              int           factor,
              gboolean      screen,
              gboolean      cull,
              gboolean      paper)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) ceil (area->width * scale) * factor,
                                                         (int) ceil (area->height * scale) * factor);
  cairo_t *cr;
  WmRenderOptions options;
  WmRect extent;
  gboolean whole;

  cairo_surface_set_device_scale (surface, factor, factor);
  cr = cairo_create (surface);
  wm_render_get_extent (diagram, &extent);
  whole = memcmp (&extent, area, sizeof extent) == 0;
  wm_render_options_init (&options);
  options.scale = scale * factor;
  options.screen = screen;
  options.paper = paper;
  if (cull)
    options.visible = *area;
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -area->x, -area->y);
  if (!whole)
    {
      cairo_rectangle (cr, area->x, area->y, area->width, area->height);
      cairo_clip (cr);
    }
  wm_render_diagram (diagram, cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static cairo_surface_t *
paint_area (WmDiagram    *diagram,
            const WmRect *area,
            double        scale,
            gboolean      screen,
            gboolean      cull,
            gboolean      paper)
{
  return paint_scaled (diagram, area, scale, 1, screen, cull, paper);
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) +
                      (gsize) y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (gconstpointer) row)[x];
}

/* Whether some pixel whose centre lies in @rect, grown by @grow pixels, has ink. */
static gboolean
ink_in (cairo_surface_t *surface,
        const WmRect    *rect,
        const WmRect    *area,
        double           scale,
        double           grow)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  double x1 = (rect->x - area->x) * scale - grow, x2 = (rect->x + rect->width - area->x) * scale + grow;
  double y1 = (rect->y - area->y) * scale - grow, y2 = (rect->y + rect->height - area->y) * scale + grow;

  for (int y = MAX (0, (int) floor (y1)); y < MIN (height, (int) ceil (y2)); y++)
    for (int x = MAX (0, (int) floor (x1)); x < MIN (width, (int) ceil (x2)); x++)
      if (x + 0.5 >= x1 && x + 0.5 <= x2 && y + 0.5 >= y1 && y + 0.5 <= y2 &&
          pixel_at (surface, x, y) >> 24 != 0)
        return TRUE;
  return FALSE;
}

/* Far out every node shows ink within its bounds, every link at the middle
 * of its ends, and no ink lands a pixel away from every item's extent: on
 * a display of @factor pixels to a unit. */
static void
check_far_ink_where_items_are (int factor)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = make_grid (project);
  double pixels = FAR_OUT * factor;
  WmRect area;
  cairo_surface_t *surface;
  int width, height;

  wm_render_get_extent (diagram, &area);
  surface = paint_scaled (diagram, &area, FAR_OUT, factor, TRUE, TRUE, FALSE);
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      const WmItem *item = wm_diagram_get_item (diagram, i);

      if (wm_item_is_node (item))
        g_assert_true (ink_in (surface, &item->bounds, &area, pixels, 0));
      else
        {
          WmRect from = wm_diagram_lookup (diagram, item->source)->bounds;
          WmRect to = wm_diagram_lookup (diagram, item->target)->bounds;
          WmPoint a = wm_rect_center (&from), b = wm_rect_center (&to);
          WmRect middle = { (a.x + b.x) / 2, (a.y + b.y) / 2, 0, 0 };

          g_assert_true (ink_in (surface, &middle, &area, pixels, 1));
        }
    }
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        WmPoint here = { area.x + (x + 0.5) / pixels, area.y + (y + 0.5) / pixels };
        gboolean near = FALSE;

        if (pixel_at (surface, x, y) >> 24 == 0)
          continue;
        for (guint i = 0; !near && i < wm_diagram_get_n_items (diagram); i++)
          {
            WmRect extent;

            wm_render_item_extent (diagram, wm_diagram_get_item (diagram, i), &extent);
            near = here.x >= extent.x - 1 / pixels && here.x <= extent.x + extent.width + 1 / pixels &&
                   here.y >= extent.y - 1 / pixels && here.y <= extent.y + extent.height + 1 / pixels;
          }
        if (!near)
          g_error ("ink at pixel %d,%d, away from every item", x, y);
      }
  cairo_surface_destroy (surface);
}

static void
test_far_ink_where_items_are (void)
{
  g_assert_cmpint (wm_render_get_detail (FAR_OUT), ==, WM_RENDER_DETAIL_FAR);
  check_far_ink_where_items_are (1);
}

/* A display of two pixels to a unit gets silhouettes of its own pixels. */
static void
test_far_ink_scale_factor (void)
{
  check_far_ink_where_items_are (2);
}

/* Culled to a part of the diagram, far out, the picture of that part is
 * the one painted without culling. */
static void
test_far_culling_changes_nothing (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = make_grid (project);
  WmRect extent, tiles[] = { { 0, 0, 0, 0 }, { 0, 0, 0, 0 }, { 0, 0, 0, 0 } };

  wm_render_get_extent (diagram, &extent);
  /* A tile cutting through the middle of nodes and links, one cutting a
   * corner, and the whole. */
  tiles[0] = (WmRect) { extent.x + PITCH * 1.3, extent.y + PITCH * 0.4, PITCH * 2.1, PITCH * 1.7 };
  tiles[1] = (WmRect) { extent.x - 50, extent.y - 50, PITCH * 1.1, PITCH * 0.9 };
  tiles[2] = extent;
  for (guint i = 0; i < G_N_ELEMENTS (tiles); i++)
    {
      /* Without paper, which covers the visible area or the extent, and
       * whose edge would blend with the clip's differently. */
      cairo_surface_t *culled = paint_area (diagram, &tiles[i], FAR_OUT, TRUE, TRUE, FALSE);
      cairo_surface_t *whole = paint_area (diagram, &tiles[i], FAR_OUT, TRUE, FALSE, FALSE);

      g_assert_cmpuint (wm_test_count_differences (culled, whole, TRUE), ==, 0);
      cairo_surface_destroy (culled);
      cairo_surface_destroy (whole);
    }
}

/* Nearer in than far out, the option changes no pixel: the sample's
 * diagrams at 20 % and at 100 %. */
static void
test_near_unchanged (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  const double scales[] = { 0.2, 1.0 };

  for (guint d = 0; d < g_list_model_get_n_items (G_LIST_MODEL (project)); d++)
    {
      g_autoptr(WmDiagram) diagram = g_list_model_get_item (G_LIST_MODEL (project), d);
      WmRect extent;

      wm_render_get_extent (diagram, &extent);
      for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
        {
          /* The top left of the diagram, at most 800 pixels square. */
          WmRect area = { extent.x, extent.y, MIN (extent.width, 800 / scales[s]),
                          MIN (extent.height, 800 / scales[s]) };
          cairo_surface_t *screen = paint_area (diagram, &area, scales[s], TRUE, TRUE, TRUE);
          cairo_surface_t *export = paint_area (diagram, &area, scales[s], FALSE, TRUE, TRUE);

          g_assert_cmpint (wm_render_get_detail (scales[s]), !=, WM_RENDER_DETAIL_FAR);
          g_test_message ("%s at scale %g", wm_diagram_get_name (diagram), scales[s]);
          g_assert_cmpuint (wm_test_count_differences (screen, export, TRUE), ==, 0);
          cairo_surface_destroy (screen);
          cairo_surface_destroy (export);
        }
    }
}

/* A PNG export far out paints what the renderer paints without the
 * option, and not what the screen shows. */
static void
test_export_ignores_screen (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = make_grid (project);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *png, *export, *screen;
  WmExportOptions options;
  WmRect extent;

  wm_export_options_init (&options);
  options.format = WM_EXPORT_PNG;
  options.scale = FAR_OUT;
  g_assert_true (wm_export_diagram_to_stream (diagram, &options, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  png = wm_test_png_from_bytes (bytes);

  wm_render_get_extent (diagram, &extent);
  export = paint_area (diagram, &extent, FAR_OUT, FALSE, TRUE, TRUE);
  screen = paint_area (diagram, &extent, FAR_OUT, TRUE, TRUE, TRUE);
  g_assert_cmpuint (wm_test_count_differences (png, export, FALSE), ==, 0);
  g_assert_cmpuint (wm_test_count_differences (png, screen, FALSE), >, 0);
  cairo_surface_destroy (png);
  cairo_surface_destroy (export);
  cairo_surface_destroy (screen);
}

/* Far out on screen, @area of @diagram, as the canvas paints it; with the
 * number of items that its far cache recorded for the frame. */
static cairo_surface_t *
paint_far (WmDiagram    *diagram,
           const WmRect *area,
           guint        *n_recorded)
{
  cairo_surface_t *surface = paint_area (diagram, area, FAR_OUT, TRUE, TRUE, TRUE);

  *n_recorded = _wm_far_cache_get_n_recorded (_wm_far_cache_get (diagram));
  return surface;
}

/* The same picture as a fresh copy of the project gives, whose far cache
 * records everything anew. */
static void
assert_as_fresh (WmProject       *project,
                 WmDiagram       *diagram,
                 const WmRect    *area,
                 cairo_surface_t *kept)
{
  g_autofree char *text = wm_test_serialize (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) copy = wm_project_load_from_data (text, strlen (text), "copy.waymark",
                                                         &error);
  cairo_surface_t *fresh;
  guint n_recorded;

  g_assert_no_error (error);
  fresh = paint_far (wm_project_find_diagram (copy, wm_diagram_get_id (diagram)), area,
                     &n_recorded);
  g_assert_cmpuint (n_recorded, ==, wm_diagram_get_n_items (diagram));
  g_assert_cmpuint (wm_test_count_differences (kept, fresh, FALSE), ==, 0);
  cairo_surface_destroy (fresh);
}

/* A node with links, and a link away from it whose waypoints change: the
 * node's links are recorded again because the node moved. */
static void
pick_items (WmDiagram  *diagram,
            WmItem    **node,
            WmItem    **link)
{
  WmItem *first = NULL;

  *link = NULL;
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (!wm_item_is_link (item))
        continue;
      if (first == NULL)
        first = item;
      else if (!g_str_equal (item->source, first->source) &&
               !g_str_equal (item->target, first->source))
        *link = item;
    }
  g_assert_nonnull (first);
  g_assert_nonnull (*link);
  *node = wm_diagram_lookup (diagram, first->source);
  g_assert_nonnull (*node);
}

/* Edits that change items record those again and no others, and the
 * picture is what a fresh copy shows; undoing them brings the first
 * picture back; an added item makes the whole record anew. */
static void
check_far_cache_follows_edits (WmProject *project,
                               WmDiagram *diagram)
{
  guint n = wm_diagram_get_n_items (diagram), n_recorded;
  cairo_surface_t *before, *edited, *undone, *added;
  WmItem *node, *link;
  const char *ids[2] = { NULL, NULL };
  WmRect bounds, area;

  g_test_message ("%s", wm_diagram_get_name (diagram));
  /* Room for what the edits move out. */
  wm_render_get_extent (diagram, &area);
  area = (WmRect) { area.x - 10 / FAR_OUT, area.y - 10 / FAR_OUT, area.width + 20 / FAR_OUT,
                    area.height + 20 / FAR_OUT };
  before = paint_far (diagram, &area, &n_recorded);
  g_assert_cmpuint (n_recorded, ==, n);
  /* Nothing changed: nothing is recorded. */
  cairo_surface_destroy (paint_far (diagram, &area, &n_recorded));
  g_assert_cmpuint (n_recorded, ==, 0);

  pick_items (diagram, &node, &link);
  ids[0] = node->id;
  wm_project_begin_group (project, "Edits");
  wm_diagram_move_items (diagram, ids, 0, 2 / FAR_OUT);
  bounds = node->bounds;
  bounds.width += 3 / FAR_OUT;
  g_assert_true (wm_diagram_set_bounds (diagram, node->id, &bounds));
  g_assert_true (wm_diagram_set_points (diagram, link->id,
                                        &(WmPoint) { bounds.x - 4 / FAR_OUT, bounds.y }, 1));
  wm_project_end_group (project);
  edited = paint_far (diagram, &area, &n_recorded);
  g_assert_cmpuint (n_recorded, >, 0);
  g_assert_cmpuint (n_recorded, <, n);
  g_assert_cmpuint (wm_test_count_differences (before, edited, FALSE), >, 0);
  assert_as_fresh (project, diagram, &area, edited);

  g_assert_true (wm_project_undo (project));
  undone = paint_far (diagram, &area, &n_recorded);
  g_assert_cmpuint (n_recorded, <, n);
  g_assert_cmpuint (wm_test_count_differences (before, undone, FALSE), ==, 0);

  wm_test_add_node (diagram, wm_item_is_node (node) ? node->type->id : "note",
                    &(WmRect) { node->bounds.x, node->bounds.y - 6 / FAR_OUT, 100, 60 }, "New");
  added = paint_far (diagram, &area, &n_recorded);
  g_assert_cmpuint (n_recorded, ==, n + 1);
  assert_as_fresh (project, diagram, &area, added);

  cairo_surface_destroy (before);
  cairo_surface_destroy (edited);
  cairo_surface_destroy (undone);
  cairo_surface_destroy (added);
}

static void
test_far_cache_follows_edits (void)
{
  g_autoptr(WmProject) grid = wm_project_new ();
  g_autoptr(WmProject) sample = wm_test_load_sample ();

  check_far_cache_follows_edits (grid, make_grid (grid));
  for (guint i = 0; i < wm_project_get_n_diagrams (sample); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (sample, i);
      const char *notation = wm_diagram_get_notation (diagram)->id;

      /* The notations whose painters leave far silhouettes to the batch. */
      if (g_str_equal (notation, "use-case") || g_str_equal (notation, "value-stream-map"))
        check_far_cache_follows_edits (sample, diagram);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/lod/far-ink-where-items-are", test_far_ink_where_items_are);
  g_test_add_func ("/render/lod/far-ink-scale-factor", test_far_ink_scale_factor);
  g_test_add_func ("/render/lod/far-culling-changes-nothing", test_far_culling_changes_nothing);
  g_test_add_func ("/render/lod/near-unchanged", test_near_unchanged);
  g_test_add_func ("/render/lod/export-ignores-screen", test_export_ignores_screen);
  g_test_add_func ("/render/lod/far-cache-follows-edits", test_far_cache_follows_edits);
  return g_test_run ();
}
