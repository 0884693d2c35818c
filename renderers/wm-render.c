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
is_visible (WmDiagram             *diagram,
            const WmPainter       *painter,
            const WmItem          *item,
            const WmRenderOptions *options)
{
  WmRect extent;

  if (options->visible.width <= 0)
    return TRUE;
  /* Nodes are culled on their bounds plus a margin for shadows and labels
   * below them, which costs no painter call; links, and nodes that the
   * painter places itself, need the painter's extent. */
  if (wm_item_is_node (item) && !painter->places_nodes)
    {
      extent = item->bounds;
      extent.x -= 40;
      extent.y -= 40;
      extent.width += 80;
      extent.height += 80;
    }
  else
    painter->item_extent (diagram, item, &extent);
  return wm_rect_intersects (&extent, &options->visible);
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
  if (painter->paint_background != NULL)
    painter->paint_background (&ctx);
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      const WmItem *item = wm_diagram_get_item (diagram, i);

      if (!is_visible (diagram, painter, item, options))
        continue;
      cairo_save (cr);
      painter->paint_item (&ctx, item);
      cairo_restore (cr);
      if (options->selected != NULL && g_hash_table_contains (options->selected, item->id) &&
          wm_item_is_node (item))
        {
          WmRect outline = item->bounds;

          if (painter->places_nodes)
            painter->item_extent (diagram, item, &outline);
          wm_draw_selection (cr, &outline);
        }
    }
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
