/* wm-render.c — paints a diagram through its notation's painter
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-render"

#include "config.h"

#include <math.h>

#include "wm-painter-private.h"
#include "wm-render-private.h"

/* Below this zoom, text turns into grey bars and fine detail is left out. */
#define DETAIL_SCALE 0.35
/* How far beyond an item's model geometry (a node's bounds, the box of a
 * link's end nodes and waypoints) painters may draw. The farthest known: a
 * short VSM process carries up to eight data rows 113 units below its
 * bounds, and a link leaving it downwards starts under them, its head and
 * label reaching some 20 to 40 units more. `wm-paint-bench --check` measures
 * this reach and checks culling pixel by pixel. */
#define CULL_MARGIN 160

static const WmPainter *const painters[] = {
  &_wm_painter_bmc,
  &_wm_painter_use_case,
  &_wm_painter_vsm,
  &_wm_painter_journey,
};

static const WmPainter *
painter_for (WmDiagram *diagram)
{
  const char *id = wm_diagram_get_notation (diagram)->id;

  for (guint i = 0; i < G_N_ELEMENTS (painters); i++)
    if (g_str_equal (painters[i]->notation_id, id))
      return painters[i];
  g_assert_not_reached ();
}

void
wm_render_options_init (WmRenderOptions *options)
{
  *options = (WmRenderOptions) { .scale = 1, .paper = TRUE };
}

void
wm_render_item_extent (WmDiagram    *diagram,
                       const WmItem *item,
                       WmRect       *extent)
{
  painter_for (diagram)->item_extent (diagram, item, extent);
}

void
wm_render_get_extent (WmDiagram *diagram,
                      WmRect    *extent)
{
  const WmPainter *painter = painter_for (diagram);
  WmRect area = { 0, 0, 0, 0 };

  if (painter->get_extent != NULL)
    painter->get_extent (diagram, &area);
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmRect item;

      painter->item_extent (diagram, wm_diagram_get_item (diagram, i), &item);
      wm_rect_union (&area, &item, &area);
    }
  if (wm_rect_is_empty (&area))
    area = (WmRect) { 0, 0, 400, 300 };
  /* A margin of white around the drawing, as a designer would leave. */
  *extent = (WmRect) { area.x - 24, area.y - 24, area.width + 48, area.height + 48 };
}

static gboolean
rect_inside (const WmRect *rect,
             const WmRect *area)
{
  return wm_rect_contains (area, rect->x, rect->y) &&
         wm_rect_contains (area, rect->x + rect->width, rect->y + rect->height);
}

/* Nodes are culled on their bounds plus a margin for shadows, captions and
 * data boxes, which costs no painter call; links, and nodes that the painter
 * places itself, on the painter's extent. */
static gboolean
is_visible (WmDiagram             *diagram,
            const WmPainter       *painter,
            const WmItem          *item,
            const WmRenderOptions *options)
{
  WmRect extent;

  if (options->visible.width <= 0)
    return TRUE;
  if (wm_item_is_node (item) && !painter->places_nodes)
    extent = (WmRect) { item->bounds.x - CULL_MARGIN, item->bounds.y - CULL_MARGIN,
                        item->bounds.width + 2 * CULL_MARGIN,
                        item->bounds.height + 2 * CULL_MARGIN };
  else
    painter->item_extent (diagram, item, &extent);
  return wm_rect_intersects (&extent, &options->visible);
}

static void
paint_one (WmPaintContext  *ctx,
           const WmPainter *painter,
           const WmItem    *item)
{
  const WmRenderOptions *options = ctx->options;

  cairo_save (ctx->cr);
  painter->paint_item (ctx, item);
  cairo_restore (ctx->cr);
  if (options->selected != NULL && g_hash_table_contains (options->selected, item->id) &&
      wm_item_is_node (item))
    {
      WmRect outline = item->bounds;

      if (painter->places_nodes)
        painter->item_extent (ctx->diagram, item, &outline);
      wm_draw_selection (ctx->cr, &outline);
    }
}

/* Whether both ends and every waypoint of @link lie inside @area, so that
 * some of its line shows there: then its extent, which lays out its label,
 * need not be measured. This spares the painter's work when zoomed out. */
static gboolean
link_inside (WmDiagram    *diagram,
             const WmItem *link,
             const WmRect *area)
{
  const char *ends[] = { link->source, link->target };

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      WmItem *end = wm_diagram_lookup (diagram, ends[i]);

      if (end == NULL || !rect_inside (&end->bounds, area))
        return FALSE;
    }
  for (guint i = 0; i < link->n_points; i++)
    if (!wm_rect_contains (area, link->points[i].x, link->points[i].y))
      return FALSE;
  return TRUE;
}

/* Paints the items in z-order. With a visible area, the diagram's spatial
 * index picks those whose model geometry lies near it, so that the cost
 * follows what is on screen rather than the diagram's size; the margin
 * covers what painters draw beyond that geometry (captions, data boxes,
 * labels). A painter that places nodes by its own layout (a journey's
 * cells) has no geometry the index knows, so each of its items is tested. */
static void
paint_items (WmPaintContext  *ctx,
             const WmPainter *painter)
{
  const WmRenderOptions *options = ctx->options;
  WmDiagram *diagram = ctx->diagram;
  g_autoptr(GPtrArray) near = NULL;
  WmRect area;

  if (options->visible.width <= 0 || painter->places_nodes)
    {
      for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
        {
          WmItem *item = wm_diagram_get_item (diagram, i);

          if (is_visible (diagram, painter, item, options))
            paint_one (ctx, painter, item);
        }
      return;
    }
  /* The query grown by the margin is exactly the nodes' test. */
  area = (WmRect) { options->visible.x - CULL_MARGIN, options->visible.y - CULL_MARGIN,
                    options->visible.width + 2 * CULL_MARGIN,
                    options->visible.height + 2 * CULL_MARGIN };
  near = wm_diagram_query (diagram, &area);
  for (guint i = 0; i < near->len; i++)
    {
      WmItem *item = g_ptr_array_index (near, i);

      if (wm_item_is_node (item) || link_inside (diagram, item, &options->visible) ||
          is_visible (diagram, painter, item, options))
        paint_one (ctx, painter, item);
    }
}

void
wm_render_diagram (WmDiagram             *diagram,
                   cairo_t               *cr,
                   const WmRenderOptions *options)
{
  const WmPainter *painter;
  WmRenderOptions defaults;
  WmPaintContext ctx;

  g_return_if_fail (WM_IS_DIAGRAM (diagram));
  g_return_if_fail (cr != NULL);

  if (options == NULL)
    {
      wm_render_options_init (&defaults);
      options = &defaults;
    }
  painter = painter_for (diagram);
  ctx = (WmPaintContext) { .cr = cr, .diagram = diagram, .options = options,
                           .detail = options->scale <= 0 || options->scale >= DETAIL_SCALE };

  cairo_save (cr);
  if (options->paper)
    {
      WmRect area;

      if (options->visible.width > 0)
        area = options->visible;
      else
        wm_render_get_extent (diagram, &area);
      wm_draw_box (cr, &area, 0, &wm_color_paper, NULL, 0);
    }
  /* What a painter sets while drawing beneath the items (a line join, a
   * dash) must not reach them: it would depend on which blocks are visible. */
  if (painter->paint_background != NULL)
    {
      cairo_save (cr);
      painter->paint_background (&ctx);
      cairo_restore (cr);
    }
  paint_items (&ctx, painter);
  if (painter->paint_foreground != NULL)
    painter->paint_foreground (&ctx);
  if (painter->free_data != NULL && ctx.painter_data != NULL)
    painter->free_data (ctx.painter_data);
  cairo_restore (cr);
}

void
_wm_render_item_alone (WmDiagram             *diagram,
                       const WmItem          *item,
                       cairo_t               *cr,
                       const WmRenderOptions *options)
{
  const WmPainter *painter = painter_for (diagram);
  WmPaintContext ctx = { .cr = cr, .diagram = diagram, .options = options,
                         .detail = options->scale <= 0 || options->scale >= DETAIL_SCALE };

  /* A painter prepares its per-paint data while painting the background;
   * that ink goes to a scratch surface so only the item's lands on @cr. */
  if (painter->paint_background != NULL)
    {
      cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);

      ctx.cr = cairo_create (scratch);
      painter->paint_background (&ctx);
      cairo_destroy (ctx.cr);
      cairo_surface_destroy (scratch);
      ctx.cr = cr;
    }
  cairo_save (cr);
  painter->paint_item (&ctx, item);
  cairo_restore (cr);
  if (painter->free_data != NULL && ctx.painter_data != NULL)
    painter->free_data (ctx.painter_data);
}

/* Link routes */

static WmPoint
clip_end (const WmItem *node,
          WmPoint       toward,
          gboolean    (*is_ellipse) (const WmItem *node))
{
  if (is_ellipse != NULL && is_ellipse (node))
    return wm_clip_to_ellipse (&node->bounds, toward);
  return wm_clip_to_rect (&node->bounds, toward);
}

WmPoint *
_wm_link_route (WmDiagram    *diagram,
                const WmItem *link,
                gboolean    (*is_ellipse) (const WmItem *node),
                guint        *n_points)
{
  WmItem *source = wm_diagram_lookup (diagram, link->source);
  WmItem *target = wm_diagram_lookup (diagram, link->target);
  WmPoint *points;
  guint n = link->n_points + 2;

  *n_points = 0;
  if (source == NULL || target == NULL)
    return NULL;
  points = g_new (WmPoint, n);
  for (guint i = 0; i < link->n_points; i++)
    points[i + 1] = link->points[i];
  points[0] = clip_end (source, link->n_points ? link->points[0] : wm_rect_center (&target->bounds),
                        is_ellipse);
  points[n - 1] = clip_end (target,
                            link->n_points ? link->points[link->n_points - 1]
                                           : wm_rect_center (&source->bounds),
                            is_ellipse);
  *n_points = n;
  return points;
}

WmPoint
_wm_route_midpoint (const WmPoint *points,
                    guint          n_points)
{
  double total = 0, walked = 0;

  for (guint i = 1; i < n_points; i++)
    total += hypot (points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
  for (guint i = 1; i < n_points; i++)
    {
      double step = hypot (points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);

      if (walked + step >= total / 2 && step > 0)
        {
          double t = (total / 2 - walked) / step;
          return (WmPoint) { points[i - 1].x + (points[i].x - points[i - 1].x) * t,
                             points[i - 1].y + (points[i].y - points[i - 1].y) * t };
        }
      walked += step;
    }
  return n_points ? points[0] : (WmPoint) { 0, 0 };
}

void
_wm_points_extent (const WmPoint *points,
                   guint          n_points,
                   double         margin,
                   WmRect        *extent)
{
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

  if (n_points == 0)
    {
      *extent = (WmRect) { 0, 0, 0, 0 };
      return;
    }
  for (guint i = 0; i < n_points; i++)
    {
      x1 = MIN (x1, points[i].x);
      y1 = MIN (y1, points[i].y);
      x2 = MAX (x2, points[i].x);
      y2 = MAX (y2, points[i].y);
    }
  *extent = (WmRect) { x1 - margin, y1 - margin, x2 - x1 + 2 * margin, y2 - y1 + 2 * margin };
}
