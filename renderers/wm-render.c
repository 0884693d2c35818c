/* wm-render.c — paints a diagram through its notation's painter
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-batch.h"
#include "wm-far-cache.h"
#include "wm-paint-common-private.h"
#include "wm-painter-private.h"
#include "wm-rect-grid.h"
#include "wm-render-private.h"
#include "wm-text-private.h"

/* Below this scale, text turns into grey bars and fine detail is left out:
 * the smallest body text would be under WM_RENDER_DETAIL_TEXT_PIXELS device
 * pixels high, too few to make out a glyph. */
#define DETAIL_SCALE (WM_RENDER_DETAIL_TEXT_PIXELS / WM_RENDER_BODY_TEXT_SIZE)
/* Below this scale, painters may draw items as silhouettes (WmFarBatch). A
 * node is then a dozen device pixels across, where Cairo's antialiasing of
 * each small shape costs more than all the rest of the frame. */
#define FAR_SCALE 0.15
/* The faintest a silhouette's line gets, so that it stays visible. */
#define FAR_MIN_COVERAGE 0.35
/* The widest line a painter draws for a link (a VSM shipment's band). */
#define WIDEST_LINK 12.0
/* Below this scale, on screen (WmRenderOptions.screen), the renderer draws
 * links itself as bare lines (far_bare_link()): a node of a hundred units
 * is under three pixels across, and a silhouette's line for a link of any
 * width is a pixel at the faintest, FAR_MIN_COVERAGE, as a bare line is. */
#define BARE_LINK_SCALE (FAR_MIN_COVERAGE / WIDEST_LINK)
/* How far beyond an item's model geometry (a node's bounds, the box of a
 * link's end nodes and waypoints) painters may draw. The farthest known: a
 * short VSM process carries up to eight data rows 113 units below its
 * bounds, and a link leaving it downwards starts under them, its head and
 * label reaching some 20 to 40 units more. `wm-paint-bench --check` measures
 * this reach and checks culling pixel by pixel. */
#define CULL_MARGIN 160
/* A file of this many items or more is painted on two threads, in this
 * many chunks (see paint_ahead()). */
#define PAINT_AHEAD_ITEMS 1000
#define PAINT_AHEAD_CHUNKS 8

/* One per module of wm-notations.list. */
#define WM_PAINTER_ENTRY(c_name) &_wm_painter_##c_name,
static const WmPainter *const painters[] = {
  WM_NOTATION_MODULES (WM_PAINTER_ENTRY)
};
#undef WM_PAINTER_ENTRY

static const WmPainter *
painter_for (WmDiagram *diagram)
{
  const char *id = wm_diagram_get_notation (diagram)->id;

  for (guint i = 0; i < G_N_ELEMENTS (painters); i++)
    if (g_str_equal (painters[i]->notation_id, id))
      return painters[i];
  g_assert_not_reached ();
}

/* The items every notation offers (text, box, image) are measured and
 * painted by wm-paint-common.c, the others by the notation's painter. */
static void
item_extent (const WmPainter *painter,
             WmDiagram       *diagram,
             const WmItem    *item,
             WmRect          *extent)
{
  if (_wm_paint_common_owns (item))
    _wm_paint_common_item_extent (item, extent);
  else
    painter->item_extent (diagram, item, extent);
}

/* For a painter that has item_bound. */
static gboolean
item_bound (const WmPainter *painter,
            WmDiagram       *diagram,
            const WmItem    *item,
            WmRect          *bound)
{
  if (!_wm_paint_common_owns (item))
    return painter->item_bound (diagram, item, bound);
  return _wm_paint_common_item_bound (item, bound);
}

static void
paint_item (const WmPainter *painter,
            WmPaintContext  *ctx,
            const WmItem    *item)
{
  if (_wm_paint_common_owns (item))
    _wm_paint_common_item (ctx, item);
  else
    painter->paint_item (ctx, item);
}

void
wm_render_options_init (WmRenderOptions *options)
{
  *options = (WmRenderOptions) { .scale = 1, .paper = TRUE };
}

gboolean
wm_render_routes_links (WmDiagram *diagram)
{
  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), FALSE);
  return painter_for (diagram)->routes_links;
}

gboolean
wm_render_places_nodes (WmDiagram *diagram)
{
  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), FALSE);
  return painter_for (diagram)->places_nodes;
}

void
wm_render_node_rect (WmDiagram    *diagram,
                     const WmItem *node,
                     WmRect       *rect)
{
  const WmPainter *painter;

  g_return_if_fail (WM_IS_DIAGRAM (diagram));

  painter = painter_for (diagram);
  if (!painter->places_nodes || !wm_item_is_node (node) || _wm_paint_common_owns (node))
    *rect = node->bounds;
  else if (painter->node_rect != NULL)
    painter->node_rect (diagram, node, rect);
  else
    item_extent (painter, diagram, node, rect);
}

void
wm_render_item_extent (WmDiagram    *diagram,
                       const WmItem *item,
                       WmRect       *extent)
{
  item_extent (painter_for (diagram), diagram, item, extent);
}

/* An item's bound and, once measured, its extent. */
typedef struct
{
  const WmItem *item;
  WmRect        rect;      /* the bound, or the extent once measured */
  gboolean      measured;
} Reach;

/* How far @rect reaches out on @side: 0 left, 1 top, 2 right, 3 bottom,
 * counted so that larger is further out. */
static double
reach_out (const WmRect *rect,
           int           side)
{
  switch (side)
    {
    case 0: return -rect->x;
    case 1: return -rect->y;
    case 2: return rect->x + rect->width;
    default: return rect->y + rect->height;
    }
}

/* Furthest out first. */
static int
compare_reach (gconstpointer a,
               gconstpointer b,
               gpointer      side)
{
  double ra = reach_out (&((const Reach *) a)->rect, GPOINTER_TO_INT (side));
  double rb = reach_out (&((const Reach *) b)->rect, GPOINTER_TO_INT (side));

  return (ra < rb) - (ra > rb);
}

/* The furthest any item's extent reaches on @side, given @known from what
 * is drawn besides them. Items are tried by how far their bound reaches, and
 * the search stops at the first bound that cannot go past what the measured
 * extents already reach: its extent, and all after it, lie inside. */
static double
furthest_extent (WmDiagram       *diagram,
                 const WmPainter *painter,
                 GArray          *reaches,
                 int              side,
                 double           known)
{
  double best = known;

  g_array_sort_with_data (reaches, compare_reach, GINT_TO_POINTER (side));
  for (guint i = 0; i < reaches->len; i++)
    {
      Reach *r = &g_array_index (reaches, Reach, i);

      if (wm_rect_is_empty (&r->rect))
        continue;
      if (reach_out (&r->rect, side) <= best)
        break;
      if (!r->measured)
        {
          item_extent (painter, diagram, r->item, &r->rect);
          r->measured = TRUE;
          /* The measured extent may reach less far: look at it again in order. */
          if (wm_rect_is_empty (&r->rect))
            continue;
        }
      best = MAX (best, reach_out (&r->rect, side));
    }
  return best;
}

/* The union of every item's extent and @area, measuring as few items as
 * it can: the same rectangle as measuring all of them. */
static void
union_by_bounds (WmDiagram       *diagram,
                 const WmPainter *painter,
                 WmRect          *area)
{
  guint n = wm_diagram_get_n_items (diagram);
  g_autoptr(GArray) reaches = g_array_sized_new (FALSE, FALSE, sizeof (Reach), n);
  double far[4];

  for (guint i = 0; i < n; i++)
    {
      Reach r = { wm_diagram_get_item (diagram, i), { 0, }, FALSE };

      r.measured = item_bound (painter, diagram, r.item, &r.rect);
      if (!wm_rect_is_empty (&r.rect))
        g_array_append_val (reaches, r);
    }
  for (int side = 0; side < 4; side++)
    far[side] = furthest_extent (diagram, painter, reaches, side,
                                 wm_rect_is_empty (area) ? -G_MAXDOUBLE : reach_out (area, side));
  /* Nothing with ink at all: the area stays empty. */
  if (far[0] == -G_MAXDOUBLE)
    return;
  *area = (WmRect) { -far[0], -far[1], far[2] + far[0], far[3] + far[1] };
}

/* A share of the items whose extents union_measuring_all() measures, and
 * how far they reach on each side. */
typedef struct
{
  WmDiagram       *diagram;
  const WmPainter *painter;
  guint            from, to;
  double           far[4];
} ReachShare;

static gpointer
measure_reaches (gpointer data)
{
  ReachShare *share = data;

  for (guint i = share->from; i < share->to; i++)
    {
      WmRect item;

      item_extent (share->painter, share->diagram, wm_diagram_get_item (share->diagram, i), &item);
      if (wm_rect_is_empty (&item))
        continue;
      for (int side = 0; side < 4; side++)
        share->far[side] = MAX (share->far[side], reach_out (&item, side));
    }
  return NULL;
}

/* The union of every item's extent and @area, edge by edge as
 * union_by_bounds() takes it, so that both give the same rectangle to the
 * last bit (a union of rectangles one by one rounds differently). */
static void
union_measuring_all (WmDiagram       *diagram,
                     const WmPainter *painter,
                     WmRect          *area)
{
  guint n = wm_diagram_get_n_items (diagram);
  ReachShare mine = { diagram, painter, 0, n, { 0, } }, theirs;
  GThread *thread = NULL;
  double *far = mine.far;

  for (int side = 0; side < 4; side++)
    far[side] = wm_rect_is_empty (area) ? -G_MAXDOUBLE : reach_out (area, side);
  /* Many items are measured on two threads, each with its own text cache
   * (wm-text.c): opening a use-case diagram of 100 000 items spent a
   * fifth of its time measuring link labels here. Each takes a half in
   * z-order (every other item would shape each distinct text on both). The
   * furthest reach on each side is the same in whatever order they come. */
  if (n >= PAINT_AHEAD_ITEMS && g_get_num_processors () > 1)
    {
      theirs = mine;
      theirs.from = mine.to = n / 2;
      thread = g_thread_try_new ("wm-extent", measure_reaches, &theirs, NULL);
      if (thread == NULL)
        mine.to = n;
    }
  measure_reaches (&mine);
  if (thread != NULL)
    {
      g_thread_join (thread);
      for (int side = 0; side < 4; side++)
        far[side] = MAX (far[side], theirs.far[side]);
    }
  if (far[0] == -G_MAXDOUBLE)
    return;
  *area = (WmRect) { -far[0], -far[1], far[2] + far[0], far[3] + far[1] };
}

static void
get_extent (WmDiagram *diagram,
            gboolean   use_bounds,
            WmRect    *extent)
{
  const WmPainter *painter = painter_for (diagram);
  WmRect area = { 0, 0, 0, 0 };

  if (painter->get_extent != NULL)
    painter->get_extent (diagram, &area);
  if (use_bounds && painter->item_bound != NULL)
    union_by_bounds (diagram, painter, &area);
  else
    union_measuring_all (diagram, painter, &area);
  if (wm_rect_is_empty (&area))
    area = (WmRect) { 0, 0, 400, 300 };
  /* A margin of white around the drawing, as a designer would leave. */
  *extent = (WmRect) { area.x - 24, area.y - 24, area.width + 48, area.height + 48 };
}

void
wm_render_get_extent (WmDiagram *diagram,
                      WmRect    *extent)
{
  g_return_if_fail (WM_IS_DIAGRAM (diagram));
  get_extent (diagram, TRUE, extent);
}

void
_wm_render_get_extent_measuring_all (WmDiagram *diagram,
                                     WmRect    *extent)
{
  get_extent (diagram, FALSE, extent);
}

gboolean
_wm_render_item_bound (WmDiagram    *diagram,
                       const WmItem *item,
                       WmRect       *bound)
{
  const WmPainter *painter = painter_for (diagram);

  if (painter->item_bound != NULL)
    return item_bound (painter, diagram, item, bound);
  item_extent (painter, diagram, item, bound);
  return TRUE;
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
 * places itself, on the painter's bound where it has one (which holds the
 * extent and measures no text, so a first frame of 100 000 items does not
 * shape every label), else its extent. */
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
  else if (painter->item_bound != NULL)
    item_bound (painter, diagram, item, &extent);
  else
    item_extent (painter, diagram, item, &extent);
  return wm_rect_intersects (&extent, &options->visible);
}

static void
paint_selection (WmPaintContext  *ctx,
                 const WmPainter *painter,
                 const WmItem    *item)
{
  WmRect outline;

  /* Around the shape, where the canvas puts the handles too. */
  wm_render_node_rect (ctx->diagram, item, &outline);
  wm_draw_selection (ctx->cr, &outline);
}

static gboolean
is_selected (const WmRenderOptions *options,
             const WmItem          *item)
{
  return options->selected != NULL && wm_item_is_node (item) &&
         g_hash_table_contains (options->selected, item->id);
}

/* Zoomed far out the silhouettes are painted after all the items, so the
 * selection goes over them: visible selected nodes, in no particular order. */
static void
paint_selection_over (WmPaintContext  *ctx,
                      const WmPainter *painter)
{
  GHashTableIter iter;
  gpointer id;

  if (ctx->options->selected == NULL)
    return;
  g_hash_table_iter_init (&iter, ctx->options->selected);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      WmItem *item = wm_diagram_lookup (ctx->diagram, id);

      if (item != NULL && wm_item_is_node (item) &&
          is_visible (ctx->diagram, painter, item, ctx->options))
        paint_selection (ctx, painter, item);
    }
}

/* The link mark */

/* The mark's size in document units, at most a third of the node. */
#define LINK_MARK_SIZE 12

/* A chain link: a stadium @length long and @width wide along the x axis. */
static void
chain_link_path (cairo_t *cr,
                 double   cx,
                 double   length,
                 double   width)
{
  double r = width / 2;

  cairo_new_sub_path (cr);
  cairo_arc (cr, cx + length / 2 - r, 0, r, -G_PI / 2, G_PI / 2);
  cairo_arc (cr, cx - length / 2 + r, 0, r, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Whether one of @ids names no item of the project: the target was deleted. */
static gboolean
links_broken (WmDiagram         *diagram,
              const char *const *ids)
{
  WmProject *project = wm_diagram_get_project (diagram);

  for (guint i = 0; project != NULL && ids[i] != NULL; i++)
    if (wm_project_lookup_item (project, ids[i], NULL) == NULL)
      return TRUE;
  return FALSE;
}

/* A node that links to items (of any diagram) carries a small chain mark in
 * the top-right corner of where it is drawn, so that an analyst sees which
 * cards lead elsewhere; a link whose target is gone breaks the chain and
 * turns it red. Left out when zoomed out, where it would be a speck. */
static void
paint_link_mark (WmPaintContext  *ctx,
                 const WmPainter *painter,
                 const WmItem    *item)
{
  cairo_t *cr = ctx->cr;
  const char *const *ids;
  WmRect where;
  double size, gap, inset, opacity;
  gboolean broken;

  if (ctx->far != NULL || !ctx->detail || !wm_item_is_node (item) ||
      wm_item_type_find_prop (item->type, WM_FIELD_LINKS) < 0)
    return;
  ids = wm_item_get_strv (item, WM_FIELD_LINKS);
  if (ids == NULL || ids[0] == NULL)
    return;
  /* A painter that lays its nodes out itself keeps their text clear of
   * the corner (the journey's cards do, and draw a plain mark there that
   * this one covers); its extent holds a little ink around the shape, so
   * the mark steps further in, on an opaque disc. Elsewhere text may reach
   * the corner: the disc lets it show through. */
  if (painter->places_nodes)
    item_extent (painter, ctx->diagram, item, &where);
  else
    where = item->bounds;
  size = MIN (LINK_MARK_SIZE, MIN (where.width, where.height) / 3);
  if (size < 4)
    return;
  inset = painter->places_nodes ? size : size * 0.75;
  opacity = painter->places_nodes ? 1 : 0.75;
  broken = links_broken (ctx->diagram, ids);
  gap = broken ? size * 0.16 : 0;

  cairo_save (cr);
  cairo_translate (cr, where.x + where.width - inset, where.y + inset);
  /* A light disc under the chain, so that it reads on any fill. */
  cairo_arc (cr, 0, 0, size * 0.62, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, wm_color_paper.red, wm_color_paper.green, wm_color_paper.blue, opacity);
  wm_fill (cr);
  cairo_rotate (cr, -G_PI / 4);
  chain_link_path (cr, -size * 0.17 - gap, size * 0.56, size * 0.32);
  chain_link_path (cr, size * 0.17 + gap, size * 0.56, size * 0.32);
  cairo_set_line_width (cr, size * 0.11);
  wm_set_color (cr, broken ? &wm_color_bad : &wm_color_accent);
  wm_stroke (cr);
  if (broken)
    {
      /* The crack between the two halves. */
      cairo_move_to (cr, -size * 0.07, -size * 0.34);
      cairo_line_to (cr, size * 0.07, size * 0.34);
      cairo_set_line_width (cr, size * 0.07);
      wm_stroke (cr);
    }
  cairo_restore (cr);
}

static gint faded_unclipped;

void
_wm_render_set_faded_unclipped (gboolean unclipped)
{
  g_atomic_int_set (&faded_unclipped, unclipped);
}

/* Clips @cr to the whole device pixels that @rect touches, grown by a unit:
 * no pixel with ink is cut, nor covered in part. */
static void
clip_to_pixels (cairo_t      *cr,
                const WmRect *rect)
{
  double x[] = { rect->x - 1, rect->x + rect->width + 1, rect->x - 1, rect->x + rect->width + 1 };
  double y[] = { rect->y - 1, rect->y - 1, rect->y + rect->height + 1, rect->y + rect->height + 1 };
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  cairo_matrix_t matrix;

  if (!isfinite (rect->x + rect->y + rect->width + rect->height))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (x); i++)
    {
      cairo_user_to_device (cr, &x[i], &y[i]);
      x0 = MIN (x0, x[i]);
      y0 = MIN (y0, y[i]);
      x1 = MAX (x1, x[i]);
      y1 = MAX (y1, y[i]);
    }
  /* A rectangle beyond doubles would put @cr in an error state: no clip
   * then, as for an ink without finite edges above. */
  if (!isfinite (x1 - x0) || !isfinite (y1 - y0))
    return;
  cairo_get_matrix (cr, &matrix);
  cairo_identity_matrix (cr);
  cairo_rectangle (cr, floor (x0), floor (y0), ceil (x1) - floor (x0), ceil (y1) - floor (y0));
  cairo_clip (cr);
  cairo_set_matrix (cr, &matrix);
}

void
_wm_render_begin_faded (WmPaintContext *ctx,
                        const WmItem   *item)
{
  WmRect ink;

  _wm_batch_flush (ctx->cr);
  cairo_save (ctx->cr);
  if (!g_atomic_int_get (&faded_unclipped))
    {
      _wm_render_item_bound (ctx->diagram, item, &ink);
      clip_to_pixels (ctx->cr, &ink);
    }
  cairo_push_group (ctx->cr);
}

void
_wm_render_end_faded (WmPaintContext *ctx)
{
  cairo_pop_group_to_source (ctx->cr);
  cairo_paint_with_alpha (ctx->cr, WM_FADED_ALPHA);
  cairo_restore (ctx->cr);
}

static void
paint_one (WmPaintContext  *ctx,
           const WmPainter *painter,
           const WmItem    *item)
{
  gboolean dim = ctx->options->dimmed != NULL &&
                 g_hash_table_contains (ctx->options->dimmed, item->id);

  if (dim)
    _wm_render_begin_faded (ctx, item);
  else
    cairo_save (ctx->cr);
  paint_item (painter, ctx, item);
  paint_link_mark (ctx, painter, item);
  if (dim)
    _wm_render_end_faded (ctx);
  else
    cairo_restore (ctx->cr);
  if (ctx->far == NULL && is_selected (ctx->options, item))
    paint_selection (ctx, painter, item);
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

static WmPoint clip_end (const WmItem *node,
                         WmPoint       toward,
                         gboolean    (*is_ellipse) (const WmItem *node));

/* A link far out on screen, below BARE_LINK_SCALE: its route as the
 * painters route it, side to side of its ends' bounds, straight or
 * orthogonal, without spreading the links that share a side (they are
 * a pixel apart there) or rounding ellipses, in ink a pixel wide. Its
 * painter's route looks at every link of both ends, its labels and what
 * is written under its nodes; 50 000 of them take a frame. */
static void
far_bare_link (WmPaintContext *ctx,
               const WmItem   *link)
{
  const WmItem *source = wm_diagram_lookup (ctx->diagram, link->source);
  const WmItem *target = wm_diagram_lookup (ctx->diagram, link->target);
  g_autofree WmPoint *points = NULL;
  guint n = link->n_points + 2;

  if (source == NULL || target == NULL)
    return;
  if (_wm_link_is_orthogonal (link))
    {
      WmRouteEnd from = { source->bounds, FALSE, source->bounds.y + source->bounds.height, 0.5 };
      WmRouteEnd to = { target->bounds, FALSE, target->bounds.y + target->bounds.height, 0.5 };

      points = _wm_route_orthogonal (&from, &to, link->points, link->n_points, &n);
    }
  else
    {
      points = g_new (WmPoint, n);
      if (link->n_points > 0)
        memcpy (points + 1, link->points, link->n_points * sizeof (WmPoint));
      points[0] = clip_end (source, link->n_points ? link->points[0]
                                                   : wm_rect_center (&target->bounds), NULL);
      points[n - 1] = clip_end (target, link->n_points ? link->points[link->n_points - 1]
                                                       : wm_rect_center (&source->bounds), NULL);
    }
  _wm_far_batch_line (ctx->far, points, n, &wm_color_ink, 1);
}

/* How an item far out adds to the silhouettes: on screen below
 * BARE_LINK_SCALE, a link as a bare line, else as its painter paints it. */
typedef struct
{
  const WmPainter *painter;
  gboolean         bare_links;
} FarPainting;

static FarPainting
far_painting (WmPaintContext  *ctx,
              const WmPainter *painter)
{
  return (FarPainting) { painter, ctx->options->screen && !painter->routes_links &&
                                  ctx->options->scale < BARE_LINK_SCALE };
}

static void
paint_far_item (WmPaintContext *ctx,
                const WmItem   *item,
                gpointer        user_data)
{
  const FarPainting *painting = user_data;

  if (painting->bare_links && wm_item_is_link (item))
    far_bare_link (ctx, item);
  else
    paint_item (painting->painter, ctx, item);
}

/* Zoomed far out, items only add to the silhouettes, painted under the
 * clip: every candidate of the query is painted, without the tests that
 * would spare a painter's work when zoomed in, and 100 000 saves and
 * restores of @cr, a good part of a frame, make way for one (painters paint
 * far items leaving @cr as they found it, see WmPaintContext.far). The
 * query holds every item with ink in view, and what lands outside it is
 * clipped: the same pixels. */
static void
paint_far_candidates (WmPaintContext  *ctx,
                      const WmPainter *painter,
                      GPtrArray       *near)
{
  FarPainting painting = far_painting (ctx, painter);

  cairo_save (ctx->cr);
  for (guint i = 0; i < near->len; i++)
    paint_far_item (ctx, g_ptr_array_index (near, i), &painting);
  cairo_restore (ctx->cr);
}

/* On screen, the silhouettes come from the diagram's far cache: the items'
 * calls of the far batch, recorded once (by paint_far_item()) and replayed
 * (wm-far-cache.h). */
static void
paint_far_cached (WmPaintContext  *ctx,
                  const WmPainter *painter)
{
  const WmRenderOptions *options = ctx->options;
  FarPainting painting = far_painting (ctx, painter);
  /* A line or an outline is a device pixel wide: what lies within a
   * pixel of the view may show. */
  double slack = options->scale > 0 ? 2 / options->scale : 0;
  WmRect visible = { options->visible.x - slack, options->visible.y - slack,
                     options->visible.width + 2 * slack, options->visible.height + 2 * slack };

  cairo_save (ctx->cr);
  _wm_far_cache_replay (_wm_far_cache_get (ctx->diagram), ctx, painting.bare_links,
                        paint_far_item, &painting, &visible, ctx->far);
  cairo_restore (ctx->cr);
}

static GPtrArray *
all_items (WmDiagram *diagram)
{
  guint n = wm_diagram_get_n_items (diagram);
  GPtrArray *all = g_ptr_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (all, wm_diagram_get_item (diagram, i));
  return all;
}

/* Painting ahead on a second thread */

static WmPaintContext paint_context (WmDiagram             *diagram,
                                     cairo_t               *cr,
                                     const WmRenderOptions *options);

/* Painting a file of many items, a second thread paints some of them
 * while this one paints the others. The items are cut into chunks in
 * z-order: this thread takes chunks from the front and the other from the
 * back until they meet, so that both finish together whatever each chunk
 * costs (a cold text cache, a painter's data, a second core shared with
 * the rest of the machine). The other thread paints each of its chunks by
 * the same painter under the same matrix, with a text cache and a Pango
 * font map of its own (its layouts join the paint's cache afterwards), into
 * a batch of its own (wm-batch.c) that it closes without drawing. When no
 * chunk is left, this thread draws what its batch holds, then what those
 * batches held, chunk after chunk, each with what the painter kept of its
 * items for the foreground (take_later): the file has the operators one
 * thread would have written, flushed at the chunks' seams, so later items
 * lie over earlier ones and the foreground over all. A chunk whose paint
 * drew anything past the batch (a faded group, an image, a clip) is painted
 * again here, its text shaped. What a painter keeps on the diagram is
 * locked and counted atomically, the index is brought up to date first so
 * that both threads only read it, and each thread has its own per-paint
 * data (new_data). Cairo keeps one font face per font file, whichever
 * thread's font map asked for it, so the file embeds each font once.
 *
 * Text given to a sink (an SVG's editable text) must reach it in order, and
 * a paint that is not batched cannot be held: then the other thread only
 * shapes the text of its chunks, painting to a scratch surface with a sink
 * that drops it, and this thread paints every chunk. */
typedef struct
{
  WmBatchHeld *held;          /* what the other thread painted, or NULL */
  gpointer     painter_data;  /* and its painter's data */
} Chunk;

typedef struct
{
  WmDiagram         *diagram;
  const WmPainter   *painter;
  GPtrArray         *items;         /* the paint's, in its order */
  WmRenderOptions    options;       /* the paint's, with a cache of the thread's own */
  cairo_matrix_t     matrix;        /* the paint's, for what depends on the scale */
  cairo_rectangle_t  clip;          /* the paint's clip, in device space */
  gboolean           hold;          /* paint into batches held, not only shape */
  double             min_text_size;
  Chunk             *chunks;
  guint              n_chunks;
  GMutex             lock;
  guint              front;         /* chunks [front, back) are not taken yet */
  guint              back;
  guint              split;         /* the first of the other's chunks, when fixed */
  GThread           *thread;
} PaintAhead;

static gint paint_ahead_off;
static gint paint_ahead_split;
static gint n_shaped_ahead;
static gint n_painted_ahead;

void
_wm_render_set_paint_ahead (gboolean enabled)
{
  g_atomic_int_set (&paint_ahead_off, !enabled);
}

void
_wm_render_set_paint_ahead_split (guint n_back)
{
  g_atomic_int_set (&paint_ahead_split, (gint) n_back);
}

guint
_wm_render_get_n_shaped_ahead (void)
{
  return (guint) g_atomic_int_get (&n_shaped_ahead);
}

guint
_wm_render_get_n_painted_ahead (void)
{
  return (guint) g_atomic_int_get (&n_painted_ahead);
}

static void
drop_text (cairo_t     *cr,
           PangoLayout *layout,
           gpointer     user_data)
{
}

static gboolean wants_item (WmPaintContext  *ctx,
                            const WmPainter *painter,
                            const WmItem    *item);

/* The items of chunk @chunk: [*first, *end). */
static void
chunk_range (const PaintAhead *ahead,
             guint             chunk,
             guint            *first,
             guint            *end)
{
  guint64 n = ahead->items->len;

  *first = (guint) (n * chunk / ahead->n_chunks);
  *end = (guint) (n * (chunk + 1) / ahead->n_chunks);
}

/* Takes the next chunk from the front (this thread) or the back (the other
 * one); FALSE when none is left. */
static gboolean
take_chunk (PaintAhead *ahead,
            gboolean    from_back,
            guint      *chunk)
{
  gboolean taken;

  g_mutex_lock (&ahead->lock);
  taken = ahead->front < ahead->back &&
          (ahead->split == 0 || (from_back ? ahead->back > ahead->split
                                           : ahead->front < ahead->split));
  if (taken)
    *chunk = from_back ? --ahead->back : ahead->front++;
  g_mutex_unlock (&ahead->lock);
  return taken;
}

/* Paints @items [@first, @end) that the paint draws on @ctx, in z-order. */
static void
paint_range (WmPaintContext  *ctx,
             const WmPainter *painter,
             GPtrArray       *items,
             guint            first,
             guint            end)
{
  for (guint i = first; i < end; i++)
    if (wants_item (ctx, painter, g_ptr_array_index (items, i)))
      paint_one (ctx, painter, g_ptr_array_index (items, i));
}

/* Paints the items of chunk @chunk that the paint draws on @ctx. */
static void
paint_chunk (PaintAhead      *ahead,
             WmPaintContext  *ctx,
             guint            chunk)
{
  guint first, end;

  chunk_range (ahead, chunk, &first, &end);
  paint_range (ctx, ahead->painter, ahead->items, first, end);
}

/* Paints chunk @chunk on the other thread: into a batch it holds, or for
 * its text alone. */
static void
paint_chunk_ahead (PaintAhead     *ahead,
                   WmPaintContext *ctx,
                   guint           chunk)
{
  const WmPainter *painter = ahead->painter;
  cairo_t *scratch_cr = ctx->cr;
  guint first, end;

  chunk_range (ahead, chunk, &first, &end);
  if (ahead->hold)
    {
      /* Whatever reaches this surface went past the batch. */
      cairo_surface_t *past = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                              &ahead->clip);
      Chunk *out = &ahead->chunks[chunk];
      double x, y, width, height;

      _wm_target_mark_file (past);
      ctx->cr = cairo_create (past);
      cairo_set_matrix (ctx->cr, &ahead->matrix);
      _wm_render_open_batch (ahead->diagram, ctx->cr, &ahead->options);
      ctx->painter_data = painter->new_data != NULL ? painter->new_data (ahead->diagram) : NULL;
      paint_chunk (ahead, ctx, chunk);
      out->held = _wm_batch_close_held (ctx->cr);
      out->painter_data = g_steal_pointer (&ctx->painter_data);
      cairo_destroy (ctx->cr);
      ctx->cr = scratch_cr;
      cairo_recording_surface_ink_extents (past, &x, &y, &width, &height);
      cairo_surface_destroy (past);
      if (width > 0 || height > 0)
        g_clear_pointer (&out->held, _wm_batch_held_free);
      else
        g_atomic_int_add (&n_painted_ahead, (gint) (end - first));
    }
  else
    /* Without painter data a painter draws each item whole: all its text. */
    for (guint i = first; i < end; i++)
      {
        cairo_save (ctx->cr);
        paint_item (painter, ctx, g_ptr_array_index (ahead->items, i));
        cairo_restore (ctx->cr);
      }
  g_atomic_int_add (&n_shaped_ahead, (gint) (end - first));
}

static gpointer
paint_ahead (gpointer data)
{
  PaintAhead *ahead = data;
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  WmPaintContext ctx;
  guint chunk;

  ahead->options.text = wm_text_cache_new ();
  ahead->min_text_size = G_MAXDOUBLE;
  ahead->options.min_text_size = ahead->hold ? &ahead->min_text_size : NULL;
  ctx = paint_context (ahead->diagram, cairo_create (scratch), &ahead->options);
  cairo_set_matrix (ctx.cr, &ahead->matrix);
  _wm_text_set_sink (ctx.cr, drop_text, NULL);
  while (take_chunk (ahead, TRUE, &chunk))
    paint_chunk_ahead (ahead, &ctx, chunk);
  cairo_destroy (ctx.cr);
  cairo_surface_destroy (scratch);
  return NULL;
}

/* Starts painting ahead on a second thread, when the paint is worth it:
 * FALSE when this thread is to paint every item itself. */
static gboolean
paint_ahead_start (WmPaintContext  *ctx,
                   const WmPainter *painter,
                   GPtrArray       *items,
                   PaintAhead      *ahead)
{
  double x0, y0, x1, y1;

  *ahead = (PaintAhead) { .diagram = ctx->diagram, .painter = painter, .items = items,
                          .options = *ctx->options };
  if (items->len < PAINT_AHEAD_ITEMS || !ctx->detail || ctx->options->screen ||
      !wm_target_is_file (ctx->cr) || g_get_num_processors () < 2 ||
      g_atomic_int_get (&paint_ahead_off))
    return FALSE;
  cairo_get_matrix (ctx->cr, &ahead->matrix);
  cairo_save (ctx->cr);
  cairo_identity_matrix (ctx->cr);
  cairo_clip_extents (ctx->cr, &x0, &y0, &x1, &y1);
  cairo_restore (ctx->cr);
  ahead->clip = (cairo_rectangle_t) { floor (x0), floor (y0), ceil (x1) - floor (x0),
                                      ceil (y1) - floor (y0) };
  ahead->hold = _wm_batch_is_open (ctx->cr) && !_wm_text_has_sink (ctx->cr);
  ahead->n_chunks = PAINT_AHEAD_CHUNKS;
  ahead->chunks = g_new0 (Chunk, ahead->n_chunks);
  ahead->back = ahead->n_chunks;
  if (g_atomic_int_get (&paint_ahead_split) > 0)
    ahead->split = ahead->n_chunks - MIN ((guint) g_atomic_int_get (&paint_ahead_split),
                                          ahead->n_chunks - 1);
  g_mutex_init (&ahead->lock);
  /* Routing links asks the index: it is read, not built, by both. */
  wm_diagram_prepare_queries (ctx->diagram);
  ahead->thread = g_thread_try_new ("wm-paint-ahead", paint_ahead, ahead, NULL);
  if (ahead->thread == NULL)
    {
      g_mutex_clear (&ahead->lock);
      g_clear_pointer (&ahead->chunks, g_free);
    }
  return ahead->thread != NULL;
}

/* Waits for the other thread, then draws its chunks, or paints them here
 * with the text it shaped. */
static void
paint_ahead_finish (WmPaintContext  *ctx,
                    const WmPainter *painter,
                    PaintAhead      *ahead)
{
  const WmRenderOptions *options = ctx->options;
  guint n_held = 0;

  /* What the batch holds goes out while the other thread finishes. */
  if (ahead->hold)
    _wm_batch_flush (ctx->cr);
  g_thread_join (g_steal_pointer (&ahead->thread));
  _wm_text_cache_adopt (options->text != NULL ? options->text : wm_text_cache_get_default (),
                        ahead->options.text);
  wm_text_cache_free (ahead->options.text);
  for (guint c = ahead->back; c < ahead->n_chunks; c++)
    {
      Chunk *chunk = &ahead->chunks[c];
      gboolean drawn = chunk->held != NULL;

      n_held += drawn;
      if (drawn)
        _wm_batch_draw_held (ctx->cr, g_steal_pointer (&chunk->held));
      else
        paint_chunk (ahead, ctx, c);
      /* A chunk painted here goes out before the next one held. */
      if (!drawn && ahead->hold)
        _wm_batch_flush (ctx->cr);
      if (chunk->painter_data == NULL)
        continue;
      if (drawn && painter->take_later != NULL && ctx->painter_data != NULL)
        painter->take_later (ctx, chunk->painter_data);
      else if (painter->free_data != NULL)
        painter->free_data (chunk->painter_data);
    }
  if (ahead->hold && options->min_text_size != NULL)
    *options->min_text_size = MIN (*options->min_text_size, ahead->min_text_size);
  g_debug ("%u of %u chunks painted on the second thread, %u of them held",
           ahead->n_chunks - ahead->back, ahead->n_chunks, n_held);
  g_mutex_clear (&ahead->lock);
  g_clear_pointer (&ahead->chunks, g_free);
}

/* Whether a paint of @ctx's visible area draws @item. */
static gboolean
wants_item (WmPaintContext  *ctx,
            const WmPainter *painter,
            const WmItem    *item)
{
  const WmRenderOptions *options = ctx->options;

  return options->visible.width <= 0 ||
         (wm_item_is_node (item) && !painter->places_nodes) ||
         (wm_item_is_link (item) && link_inside (ctx->diagram, item, &options->visible)) ||
         is_visible (ctx->diagram, painter, item, options);
}

/* Paints the items in z-order. With a visible area, wm_render_query() picks
 * the candidates, so that the cost follows what is on screen rather than the
 * diagram's size. A node it returns is near enough to paint, unless its
 * painter places nodes by a layout of its own (a journey's cells); links,
 * and such nodes, are tested against their extent. */
static void
paint_items (WmPaintContext  *ctx,
             const WmPainter *painter)
{
  const WmRenderOptions *options = ctx->options;
  WmDiagram *diagram = ctx->diagram;
  g_autoptr(GPtrArray) near = NULL;
  gboolean far = ctx->far != NULL && options->dimmed == NULL && !painter->places_nodes;
  PaintAhead later;
  guint chunk;

  if (far && options->screen && options->visible.width > 0)
    {
      paint_far_cached (ctx, painter);
      return;
    }
  if (options->visible.width > 0)
    near = wm_render_query (diagram, &options->visible);
  else
    near = all_items (diagram);
  if (far)
    {
      paint_far_candidates (ctx, painter, near);
      return;
    }
  if (!paint_ahead_start (ctx, painter, near, &later))
    {
      paint_range (ctx, painter, near, 0, near->len);
      return;
    }
  while (take_chunk (&later, FALSE, &chunk))
    paint_chunk (&later, ctx, chunk);
  paint_ahead_finish (ctx, painter, &later);
}

gboolean
wm_render_link_path (WmDiagram    *diagram,
                     const WmItem *link,
                     cairo_t      *cr)
{
  const WmPainter *painter;
  WmItem *source, *target;
  WmRect from, to;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), FALSE);
  g_return_val_if_fail (link != NULL && wm_item_is_link (link) && cr != NULL, FALSE);

  painter = painter_for (diagram);
  if (painter->link_path != NULL)
    return painter->link_path (diagram, link, cr);
  source = wm_diagram_lookup (diagram, link->source);
  target = wm_diagram_lookup (diagram, link->target);
  if (source == NULL || target == NULL)
    return FALSE;
  wm_render_node_rect (diagram, source, &from);
  wm_render_node_rect (diagram, target, &to);
  cairo_move_to (cr, from.x + from.width / 2, from.y + from.height / 2);
  for (guint i = 0; i < link->n_points; i++)
    cairo_line_to (cr, link->points[i].x, link->points[i].y);
  cairo_line_to (cr, to.x + to.width / 2, to.y + to.height / 2);
  return TRUE;
}

guint
_wm_render_label_boxes (WmDiagram    *diagram,
                        const WmItem *link,
                        WmRect       *boxes,
                        guint         n_boxes)
{
  const WmPainter *painter = painter_for (diagram);

  g_assert (wm_item_is_link (link));
  if (painter->label_boxes == NULL)
    return 0;
  return painter->label_boxes (diagram, link, boxes, n_boxes);
}

/* Culling by a painter's own layout */

/* The bounds of a painter that places nodes, as item_bounds gives them, in
 * a grid of their own (wm-rect-grid.c), kept (as painters keep their
 * layouts) until the diagram changes: a frame's culling and a hit test then
 * visit the cells under the area, not every item. */
typedef struct
{
  guint       n;
  WmRectGrid *grid;
} LaidOut;

static void
laid_out_clear (gpointer data)
{
  wm_rect_grid_free (((LaidOut *) data)->grid);
}

static gpointer
laid_out_new (WmDiagram *diagram)
{
  LaidOut *laid_out = g_atomic_rc_box_new0 (LaidOut);
  WmRect *rects;

  laid_out->n = wm_diagram_get_n_items (diagram);
  rects = g_new (WmRect, MAX (laid_out->n, 1));
  painter_for (diagram)->item_bounds (diagram, rects);
  laid_out->grid = wm_rect_grid_new (rects, laid_out->n);
  return laid_out;
}

static GPtrArray *
query_bounds (WmDiagram    *diagram,
              const WmRect *area)
{
  LaidOut *laid_out = _wm_painter_cached (diagram, "wm-render-laid-out", laid_out_new,
                                          laid_out_clear);
  guint n = wm_diagram_get_n_items (diagram);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *near;

  /* The grid answers with the items that have no bounds yet among them. */
  wm_rect_grid_query (laid_out->grid, area, found);
  near = g_ptr_array_sized_new (found->len);
  for (guint k = 0; k < found->len && g_array_index (found, guint, k) < n; k++)
    g_ptr_array_add (near, wm_diagram_get_item (diagram, g_array_index (found, guint, k)));
  /* Bounds kept from before an item came are no guide: test it. */
  for (guint i = laid_out->n; i < n; i++)
    g_ptr_array_add (near, wm_diagram_get_item (diagram, i));
  g_atomic_rc_box_release_full (laid_out, laid_out_clear);
  return near;
}

GPtrArray *
wm_render_query (WmDiagram    *diagram,
                 const WmRect *area)
{
  WmRect grown = { area->x - CULL_MARGIN, area->y - CULL_MARGIN,
                   area->width + 2 * CULL_MARGIN, area->height + 2 * CULL_MARGIN };
  const WmPainter *painter;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), NULL);

  painter = painter_for (diagram);
  if (!painter->places_nodes)
    return wm_diagram_query (diagram, &grown);
  if (painter->item_bounds != NULL)
    return query_bounds (diagram, &grown);
  return all_items (diagram);
}

/* Per-diagram caches of the painters */

typedef struct
{
  gpointer       value;
  GDestroyNotify clear;
} CacheSlot;

static void
cache_slot_free (gpointer data)
{
  CacheSlot *slot = data;

  g_atomic_rc_box_release_full (slot->value, slot->clear);
  g_free (slot);
}

static gpointer
cache_slot_acquire (gpointer data)
{
  return g_atomic_rc_box_acquire (((CacheSlot *) data)->value);
}

gpointer
_wm_painter_cached (WmDiagram      *diagram,
                    const char     *key,
                    gpointer      (*make) (WmDiagram *diagram),
                    GDestroyNotify  clear)
{
  CacheSlot *slot;
  gpointer value;

  if (wm_diagram_get_project (diagram) == NULL)
    return make (diagram);
  value = wm_diagram_dup_derived (diagram, key, cache_slot_acquire);
  if (value != NULL)
    return value;
  slot = g_new (CacheSlot, 1);
  slot->value = make (diagram);
  slot->clear = clear;
  /* Taken before the diagram holds it: an edit may drop it at once. */
  value = g_atomic_rc_box_acquire (slot->value);
  wm_diagram_keep_derived (diagram, key, slot, cache_slot_free);
  return value;
}

/* Silhouettes */

typedef struct
{
  WmColor  color;
  GArray  *rects;     /* WmRect: filled, or outlined */
  GArray  *points;    /* WmPoint: the lines' points, one line after another */
  GArray  *lengths;   /* guint: how many points each line has */
} FarLayer;

#define FAR_LOOKS 4

typedef struct
{
  WmColor color;
  double  width;
  guint   layer;
} FarLook;

struct _WmFarBatch
{
  WmFarCache *record; /* set when the batch records into a cache instead */
  GArray *fills;      /* FarLayer, in the order their colours first came */
  GArray *lines;
  double  pixels;     /* device pixels per document unit */
  /* The last looks asked for and the layers they went to: a frame far out
   * adds a hundred thousand lines in a handful of looks. */
  FarLook looks[FAR_LOOKS];
  guint   n_looks;
  guint   next_look;  /* the one to replace when all are taken */
};

static WmFarBatch *
far_batch_new (cairo_t *cr)
{
  WmFarBatch *batch = g_new0 (WmFarBatch, 1);
  double dx = 1, dy = 0;

  cairo_user_to_device_distance (cr, &dx, &dy);
  batch->pixels = MAX (hypot (dx, dy), 1e-6);
  batch->fills = g_array_new (FALSE, FALSE, sizeof (FarLayer));
  batch->lines = g_array_new (FALSE, FALSE, sizeof (FarLayer));
  return batch;
}

static void
far_layers_free (GArray *layers)
{
  for (guint i = 0; i < layers->len; i++)
    {
      FarLayer *layer = &g_array_index (layers, FarLayer, i);

      g_array_unref (layer->rects);
      g_array_unref (layer->points);
      g_array_unref (layer->lengths);
    }
  g_array_unref (layers);
}

static void
far_batch_free (WmFarBatch *batch)
{
  if (batch->fills != NULL)
    far_layers_free (batch->fills);
  if (batch->lines != NULL)
    far_layers_free (batch->lines);
  g_free (batch);
}

WmFarBatch *
_wm_far_batch_new_recording (WmFarCache *cache)
{
  WmFarBatch *batch = g_new0 (WmFarBatch, 1);

  batch->record = cache;
  return batch;
}

void
_wm_far_batch_free (WmFarBatch *batch)
{
  far_batch_free (batch);
}

static FarLayer *
far_layer (GArray        *layers,
           const WmColor *color)
{
  FarLayer layer = { *color, NULL, NULL, NULL };

  for (guint i = 0; i < layers->len; i++)
    {
      FarLayer *known = &g_array_index (layers, FarLayer, i);

      if (memcmp (&known->color, color, sizeof *color) == 0)
        return known;
    }
  layer.rects = g_array_new (FALSE, FALSE, sizeof (WmRect));
  layer.points = g_array_new (FALSE, FALSE, sizeof (WmPoint));
  layer.lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (layers, layer);
  return &g_array_index (layers, FarLayer, layers->len - 1);
}

/* The pixel-wide line that stands for one @width units wide: antialiased,
 * that would cover only part of each pixel, so it is as much fainter. It is
 * mixed with the paper rather than made translucent: opaque, Cairo fills its
 * spans without blending them. */
static FarLayer *
far_line_layer (WmFarBatch    *batch,
                const WmColor *color,
                double         width)
{
  double cover;
  WmColor faint;
  FarLayer *layer;
  FarLook *look;

  for (guint i = 0; i < batch->n_looks; i++)
    if (batch->looks[i].width == width &&
        memcmp (&batch->looks[i].color, color, sizeof *color) == 0)
      return &g_array_index (batch->lines, FarLayer, batch->looks[i].layer);
  cover = color->alpha * CLAMP (width * batch->pixels, FAR_MIN_COVERAGE, 1);
  faint = (WmColor) { color->red * cover + wm_color_paper.red * (1 - cover),
                      color->green * cover + wm_color_paper.green * (1 - cover),
                      color->blue * cover + wm_color_paper.blue * (1 - cover), 1 };
  layer = far_layer (batch->lines, &faint);
  if (batch->n_looks < FAR_LOOKS)
    look = &batch->looks[batch->n_looks++];
  else
    look = &batch->looks[batch->next_look++ % FAR_LOOKS];
  *look = (FarLook) { *color, width,
                      (guint) (layer - (FarLayer *) (gpointer) batch->lines->data) };
  return layer;
}

void
_wm_far_batch_box (WmFarBatch    *batch,
                   const WmRect  *rect,
                   const WmColor *fill,
                   const WmColor *edge,
                   double         width)
{
  double inset;
  WmRect inner;

  if (batch->record != NULL)
    {
      _wm_far_cache_record_box (batch->record, rect, fill, edge, width);
      return;
    }
  if (fill != NULL)
    g_array_append_val (far_layer (batch->fills, fill)->rects, *rect);
  if (edge == NULL)
    return;
  inset = MIN (0.5 / batch->pixels, MIN (rect->width, rect->height) / 2);
  inner = (WmRect) { rect->x + inset, rect->y + inset, rect->width - 2 * inset,
                     rect->height - 2 * inset };
  g_array_append_val (far_line_layer (batch, edge, width)->rects, inner);
}

void
_wm_far_batch_line (WmFarBatch    *batch,
                    const WmPoint *points,
                    guint          n_points,
                    const WmColor *color,
                    double         width)
{
  FarLayer *layer;

  if (n_points < 2)
    return;
  if (batch->record != NULL)
    {
      _wm_far_cache_record_line (batch->record, points, n_points, color, width);
      return;
    }
  layer = far_line_layer (batch, color, width);
  g_array_append_vals (layer->points, points, n_points);
  g_array_append_val (layer->lengths, n_points);
}

static void
far_layer_path (cairo_t        *cr,
                const FarLayer *layer)
{
  const WmPoint *point = (const WmPoint *) (gpointer) layer->points->data;

  cairo_new_path (cr);
  for (guint i = 0; i < layer->rects->len; i++)
    {
      const WmRect *r = &g_array_index (layer->rects, WmRect, i);

      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
    }
  for (guint i = 0; i < layer->lengths->len; i++)
    {
      guint n = g_array_index (layer->lengths, guint, i);

      cairo_move_to (cr, point[0].x, point[0].y);
      for (guint k = 1; k < n; k++)
        cairo_line_to (cr, point[k].x, point[k].y);
      point += n;
    }
}

/* One fill per colour, then one stroke per colour, one device pixel wide. */
static void
far_batch_paint (WmFarBatch *batch,
                 cairo_t    *cr)
{
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (guint i = 0; i < batch->fills->len; i++)
    {
      const FarLayer *layer = &g_array_index (batch->fills, FarLayer, i);

      far_layer_path (cr, layer);
      wm_set_color (cr, &layer->color);
      cairo_fill (cr);
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  for (guint i = 0; i < batch->lines->len; i++)
    {
      const FarLayer *layer = &g_array_index (batch->lines, FarLayer, i);

      far_layer_path (cr, layer);
      cairo_save (cr);
      cairo_identity_matrix (cr);
      cairo_set_line_width (cr, 1);
      wm_set_color (cr, &layer->color);
      wm_stroke (cr);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

/* Silhouettes set into pixels (WmRenderOptions.screen) */

/* Views larger than this, in pixels on a side, leave the silhouettes to Cairo. */
#define PIXELS_MAX_SIDE 8192

/* An image over the view, where silhouettes go pixel by pixel: sampled at
 * pixel centres as Cairo does without antialiasing, with lines a pixel
 * wide, one pixel to a step along their longer axis. */
typedef struct
{
  guint32 *data;
  int      stride;       /* in pixels */
  int      width;
  int      height;
  double   xx, x0;       /* document x -> pixel x */
  double   yy, y0;
} Pixels;

static guint32
premultiply (const WmColor *color)
{
  double a = CLAMP (color->alpha, 0, 1);
  guint32 red = (guint32) lround (CLAMP (color->red, 0, 1) * a * 255);
  guint32 green = (guint32) lround (CLAMP (color->green, 0, 1) * a * 255);
  guint32 blue = (guint32) lround (CLAMP (color->blue, 0, 1) * a * 255);

  return (guint32) lround (a * 255) << 24 | red << 16 | green << 8 | blue;
}

/* @source over @dest, both premultiplied. */
static guint32
over (guint32 source,
      guint32 dest)
{
  guint32 keep = 255 - (source >> 24), result = 0;

  for (int shift = 0; shift < 32; shift += 8)
    {
      guint32 channel = ((source >> shift) & 0xff) + (((dest >> shift) & 0xff) * keep + 127) / 255;

      result |= MIN (channel, 255) << shift;
    }
  return result;
}

/* The pixel index whose centre is the first at or after @at, within 0..@limit. */
static int
first_centre (double at,
              int    limit)
{
  return (int) CLAMP (ceil (at - 0.5), 0, limit);
}

static void
pixels_fill (Pixels        *pixels,
             const WmRect  *rect,
             guint32        color)
{
  double ax = pixels->xx * rect->x + pixels->x0, bx = ax + pixels->xx * rect->width;
  double ay = pixels->yy * rect->y + pixels->y0, by = ay + pixels->yy * rect->height;
  int x1 = first_centre (ax, pixels->width), x2 = first_centre (bx, pixels->width);
  int y1 = first_centre (ay, pixels->height), y2 = first_centre (by, pixels->height);

  for (int y = y1; y < y2; y++)
    {
      guint32 *row = pixels->data + (gsize) y * pixels->stride;

      for (int x = x1; x < x2; x++)
        row[x] = color >> 24 == 255 ? color : over (color, row[x]);
    }
}

/* Cuts the segment from (@ax, @ay) to (@bx, @by), in pixels, to the image
 * (Liang and Barsky); FALSE when none of it is there. */
static gboolean
clip_segment (const Pixels *pixels,
              double       *ax,
              double       *ay,
              double       *bx,
              double       *by)
{
  double dx = *bx - *ax, dy = *by - *ay, t0 = 0, t1 = 1;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { *ax, pixels->width - *ax, *ay, pixels->height - *ay };

  for (int i = 0; i < 4; i++)
    {
      double r;

      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      r = q[i] / p[i];
      if (p[i] < 0)
        t0 = MAX (t0, r);
      else
        t1 = MIN (t1, r);
    }
  if (t0 > t1)
    return FALSE;
  *bx = *ax + t1 * dx;
  *by = *ay + t1 * dy;
  *ax += t0 * dx;
  *ay += t0 * dy;
  return TRUE;
}

/* An opaque line a pixel wide between two points in document units. */
static void
pixels_line (Pixels        *pixels,
             WmPoint        a,
             WmPoint        b,
             guint32        color)
{
  double ax = pixels->xx * a.x + pixels->x0, ay = pixels->yy * a.y + pixels->y0;
  double bx = pixels->xx * b.x + pixels->x0, by = pixels->yy * b.y + pixels->y0;
  double dx, dy;
  int steps;

  if (!clip_segment (pixels, &ax, &ay, &bx, &by))
    return;
  steps = (int) ceil (MAX (fabs (bx - ax), fabs (by - ay)));
  dx = steps > 0 ? (bx - ax) / steps : 0;
  dy = steps > 0 ? (by - ay) / steps : 0;
  /* Clipped, the points lie at 0 or more: truncating is flooring. */
  for (int i = 0; i <= steps; i++, ax += dx, ay += dy)
    {
      int x = (int) ax, y = (int) ay;

      if (x < pixels->width && y < pixels->height && ax >= 0 && ay >= 0)
        pixels->data[(gsize) y * pixels->stride + x] = color;
    }
}

static void
pixels_span (Pixels  *pixels,
             double   x1,
             double   x2,
             double   y,
             guint32  color)
{
  guint32 *row;

  if (y < 0 || y >= pixels->height)
    return;
  row = pixels->data + (gsize) y * pixels->stride;
  for (int x = (int) MAX (x1, 0); x <= MIN (x2, pixels->width - 1); x++)
    row[x] = color;
}

/* The outline of @rect: the pixels its sides run through, as pixels_line()
 * sets them, in two spans and two columns. */
static void
pixels_outline (Pixels       *pixels,
                const WmRect *rect,
                guint32       color)
{
  double x1 = floor (pixels->xx * rect->x + pixels->x0);
  double x2 = floor (pixels->xx * (rect->x + rect->width) + pixels->x0);
  double y1 = floor (pixels->yy * rect->y + pixels->y0);
  double y2 = floor (pixels->yy * (rect->y + rect->height) + pixels->y0);

  if (x2 < 0 || x1 >= pixels->width || y2 < 0 || y1 >= pixels->height)
    return;
  pixels_span (pixels, x1, x2, y1, color);
  pixels_span (pixels, x1, x2, y2, color);
  for (double y = MAX (y1 + 1, 0); y < MIN (y2, pixels->height); y++)
    {
      guint32 *row = pixels->data + (gsize) y * pixels->stride;

      if (x1 >= 0)
        row[(int) x1] = color;
      if (x2 < pixels->width)
        row[(int) x2] = color;
    }
}

static void
pixels_layer_lines (Pixels         *pixels,
                    const FarLayer *layer)
{
  const WmPoint *point = (const WmPoint *) (gpointer) layer->points->data;
  guint32 color = premultiply (&layer->color);

  for (guint i = 0; i < layer->rects->len; i++)
    pixels_outline (pixels, &g_array_index (layer->rects, WmRect, i), color);
  for (guint i = 0; i < layer->lengths->len; i++)
    {
      guint n = g_array_index (layer->lengths, guint, i);

      for (guint k = 1; k < n; k++)
        pixels_line (pixels, point[k - 1], point[k], color);
      point += n;
    }
}

/* The view's box in the units @cr's transformation maps to (before its
 * surface's own device scale, which painting with the identity matrix
 * applies again), whole ones, and how many pixels of the screen each holds
 * (a display's scale factor: @scale over the transformation's). FALSE
 * when the view is turned or too large. */
static gboolean
pixels_area (cairo_t *cr,
             double   scale,
             int      box[4],
             int     *factor)
{
  cairo_matrix_t m;
  double x1, y1, x2, y2;

  cairo_get_matrix (cr, &m);
  if (m.xy != 0 || m.yx != 0 || m.xx <= 0 || m.yy <= 0)
    return FALSE;
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  cairo_matrix_transform_point (&m, &x1, &y1);
  cairo_matrix_transform_point (&m, &x2, &y2);
  *factor = (int) MAX (1, round (scale / m.xx));
  if (x2 <= x1 || y2 <= y1 || (x2 - x1) * *factor > PIXELS_MAX_SIDE ||
      (y2 - y1) * *factor > PIXELS_MAX_SIDE)
    return FALSE;
  box[0] = (int) floor (x1);
  box[1] = (int) floor (y1);
  box[2] = (int) ceil (x2) - box[0];
  box[3] = (int) ceil (y2) - box[1];
  return TRUE;
}

/* What far_batch_paint() paints, set pixel by pixel into an image over the
 * view that is then painted in one go; FALSE (nothing painted) when the view
 * does not allow it. */
static gboolean
far_batch_paint_pixels (WmFarBatch *batch,
                        cairo_t    *cr,
                        double      scale)
{
  cairo_surface_t *image;
  cairo_matrix_t m;
  Pixels pixels;
  int box[4], factor;

  if (!pixels_area (cr, scale, box, &factor))
    return FALSE;
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, box[2] * factor, box[3] * factor);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (image);
      return FALSE;
    }
  cairo_get_matrix (cr, &m);
  pixels = (Pixels) { (guint32 *) (gpointer) cairo_image_surface_get_data (image),
                      cairo_image_surface_get_stride (image) / 4, box[2] * factor,
                      box[3] * factor, m.xx * factor, (m.x0 - box[0]) * factor,
                      m.yy * factor, (m.y0 - box[1]) * factor };
  for (guint i = 0; i < batch->fills->len; i++)
    {
      const FarLayer *layer = &g_array_index (batch->fills, FarLayer, i);
      guint32 color = premultiply (&layer->color);

      for (guint k = 0; k < layer->rects->len; k++)
        pixels_fill (&pixels, &g_array_index (layer->rects, WmRect, k), color);
    }
  for (guint i = 0; i < batch->lines->len; i++)
    pixels_layer_lines (&pixels, &g_array_index (batch->lines, FarLayer, i));
  cairo_surface_mark_dirty (image);
  cairo_surface_set_device_scale (image, factor, factor);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_surface (cr, image, box[0], box[1]);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (image);
  return TRUE;
}

WmRenderDetail
wm_render_get_detail (double scale)
{
  /* An unknown scale (vector output, printing) always gets full detail. */
  if (scale <= 0 || scale >= DETAIL_SCALE)
    return WM_RENDER_DETAIL_FULL;
  return scale >= FAR_SCALE ? WM_RENDER_DETAIL_SHAPES : WM_RENDER_DETAIL_FAR;
}

double
wm_render_get_readable_zoom (void)
{
  return WM_RENDER_READABLE_TEXT_PIXELS / WM_RENDER_BODY_TEXT_SIZE;
}

/* The items of a paint on @cr are drawn together by style (see wm-batch.c)
 * in files, where every operator is written out, not on screen or in
 * images, where they cost little and painting goes item by item so that
 * a cache can keep each item's part. The grid that finds overlaps has
 * cells about twice as wide as the space of one item. */
gboolean
_wm_render_open_batch (WmDiagram             *diagram,
                       cairo_t               *cr,
                       const WmRenderOptions *options)
{
  double x0, y0, x1, y1;
  guint n = wm_diagram_get_n_items (diagram);

  if (options->screen || n < 2 || _wm_batch_is_open (cr)
      || !wm_target_is_file (cr))
    return FALSE;
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  cairo_restore (cr);
  _wm_batch_open (cr, 2 * sqrt ((x1 - x0) * (y1 - y0) / n));
  return TRUE;
}

/* The context of one paint: the level of detail follows the scale. */
static WmPaintContext
paint_context (WmDiagram             *diagram,
               cairo_t               *cr,
               const WmRenderOptions *options)
{
  WmRenderDetail detail = wm_render_get_detail (options->scale);

  return (WmPaintContext) { .cr = cr, .diagram = diagram, .options = options,
                            .detail = detail == WM_RENDER_DETAIL_FULL,
                            .far = detail == WM_RENDER_DETAIL_FAR ? far_batch_new (cr) : NULL };
}

void
wm_render_diagram (WmDiagram             *diagram,
                   cairo_t               *cr,
                   const WmRenderOptions *options)
{
  const WmPainter *painter;
  WmRenderOptions defaults;
  WmPaintContext ctx;
  gboolean batched;

  g_return_if_fail (WM_IS_DIAGRAM (diagram));
  g_return_if_fail (cr != NULL);

  if (options == NULL)
    {
      wm_render_options_init (&defaults);
      options = &defaults;
    }
  painter = painter_for (diagram);
  ctx = paint_context (diagram, cr, options);

  cairo_save (cr);
  batched = _wm_render_open_batch (diagram, cr, options);
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
  if (ctx.far != NULL)
    {
      /* The silhouettes go straight to cairo, over what the batch holds. */
      _wm_batch_flush (cr);
      if (!options->screen || !far_batch_paint_pixels (ctx.far, cr, options->scale))
        far_batch_paint (ctx.far, cr);
      paint_selection_over (&ctx, painter);
      g_clear_pointer (&ctx.far, far_batch_free);
    }
  if (painter->paint_foreground != NULL)
    painter->paint_foreground (&ctx);
  if (painter->free_data != NULL && ctx.painter_data != NULL)
    painter->free_data (ctx.painter_data);
  if (batched)
    _wm_batch_close (cr);
  cairo_restore (cr);
}

void
wm_render_item (WmDiagram             *diagram,
                const WmItem          *item,
                cairo_t               *cr,
                const WmRenderOptions *options)
{
  const WmPainter *painter = painter_for (diagram);
  WmPaintContext ctx = paint_context (diagram, cr, options);

  ctx.alone = TRUE;
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
  paint_item (painter, &ctx, item);
  paint_link_mark (&ctx, painter, item);
  cairo_restore (cr);
  if (ctx.far != NULL)
    {
      far_batch_paint (ctx.far, cr);
      g_clear_pointer (&ctx.far, far_batch_free);
    }
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

/* Orthogonal routes */

gboolean
_wm_link_is_orthogonal (const WmItem *link)
{
  return wm_item_has_prop (link, WM_FIELD_ROUTING) &&
         g_strcmp0 (wm_item_get_choice (link, WM_FIELD_ROUTING), WM_ROUTING_ORTHOGONAL) == 0;
}

/* Appends @point to @route, dropping a repeat and joining it to a segment it
 * continues in the same direction, so that every segment has a length and
 * every corner is a turn. */
static void
route_append (GArray *route,
              WmPoint point)
{
  WmPoint *p = (WmPoint *) route->data;
  guint n = route->len;

  if (n > 0 && p[n - 1].x == point.x && p[n - 1].y == point.y)
    return;
  if (n > 1 && ((p[n - 2].x == p[n - 1].x && p[n - 1].x == point.x &&
                 (p[n - 1].y - p[n - 2].y) * (point.y - p[n - 1].y) > 0) ||
                (p[n - 2].y == p[n - 1].y && p[n - 1].y == point.y &&
                 (p[n - 1].x - p[n - 2].x) * (point.x - p[n - 1].x) > 0)))
    {
      p[n - 1] = point;
      return;
    }
  g_array_append_val (route, point);
}

/* The direction of travel into the route's last point. */
static WmPoint
route_heading (GArray *route)
{
  const WmPoint *p = (const WmPoint *) route->data;

  if (route->len < 2)
    return (WmPoint) { 0, 0 };
  return (WmPoint) { p[route->len - 1].x - p[route->len - 2].x,
                     p[route->len - 1].y - p[route->len - 2].y };
}

/* Whether going from @from to @to turns back against @heading. */
static gboolean
turns_back (WmPoint heading,
            WmPoint from,
            WmPoint to)
{
  return heading.x * (to.x - from.x) + heading.y * (to.y - from.y) < 0;
}

static gboolean
within (double value,
        double low,
        double high)
{
  return value > low && value < high;
}

/* The way out of @rect to @to, written into @out from the box's side on:
 * straight out of the side @to faces when it lies across from one, else
 * out of the middle of the side it mostly lies beyond, turning once — or
 * of the other side, when the last stretch would run back against
 * @heading (the way a route that comes in from @to arrives there).
 * Returns the number of points, @to included. */
static guint
leg_out (const WmRect *rect,
         WmPoint       to,
         WmPoint       heading,
         WmPoint      *out)
{
  WmPoint center = wm_rect_center (rect);
  double side_x = to.x < center.x ? rect->x : rect->x + rect->width;
  double side_y = to.y < center.y ? rect->y : rect->y + rect->height;
  gboolean across_x = within (to.x, rect->x, rect->x + rect->width);
  gboolean across_y = within (to.y, rect->y, rect->y + rect->height);
  gboolean sideways = fabs (to.x - center.x) >= fabs (to.y - center.y);

  if (across_x && !across_y)
    {
      out[0] = (WmPoint) { to.x, side_y };
      out[1] = to;
      return 2;
    }
  if (across_y)
    {
      out[0] = (WmPoint) { side_x, to.y };
      out[1] = to;
      return 2;
    }
  if (turns_back (heading, to, sideways ? (WmPoint) { to.x, center.y }
                                        : (WmPoint) { center.x, to.y }))
    sideways = !sideways;
  out[0] = sideways ? (WmPoint) { side_x, center.y } : (WmPoint) { center.x, side_y };
  out[1] = sideways ? (WmPoint) { to.x, center.y } : (WmPoint) { center.x, to.y };
  out[2] = to;
  return 3;
}

typedef enum
{
  SIDE_FACING,   /* the boxes face each other: straight across, no side to share */
  SIDE_LEFT,
  SIDE_RIGHT,
  SIDE_TOP,
  SIDE_BOTTOM,
} Side;

/* The side of @from that a route without waypoints to @to leaves by. */
static Side
direct_side (const WmRect *from,
             const WmRect *to)
{
  double x1 = MAX (from->x, to->x), x2 = MIN (from->x + from->width, to->x + to->width);
  double y1 = MAX (from->y, to->y), y2 = MIN (from->y + from->height, to->y + to->height);
  WmPoint a = wm_rect_center (from), b = wm_rect_center (to);

  if ((x1 < x2) != (y1 < y2))
    return SIDE_FACING;
  if (fabs (b.x - a.x) >= fabs (b.y - a.y))
    return b.x > a.x ? SIDE_RIGHT : SIDE_LEFT;
  return b.y > a.y ? SIDE_BOTTOM : SIDE_TOP;
}

/* From box to box without waypoints: straight across where the boxes face
 * each other, else out of and into the facing sides (at their slots, the
 * middle unless links share the side) with a jog halfway along the gap. */
static void
route_direct (const WmRouteEnd *source,
              const WmRouteEnd *target,
              GArray           *route)
{
  const WmRect *from = &source->rect, *to = &target->rect;
  double x1 = MAX (from->x, to->x), x2 = MIN (from->x + from->width, to->x + to->width);
  double y1 = MAX (from->y, to->y), y2 = MIN (from->y + from->height, to->y + to->height);
  WmPoint points[3];
  Side side = direct_side (from, to);

  if (side == SIDE_FACING)
    {
      WmPoint middle = { (x1 + x2) / 2, (y1 + y2) / 2 };

      leg_out (from, middle, (WmPoint) { 0, 0 }, points);
      route_append (route, points[0]);
      leg_out (to, middle, (WmPoint) { 0, 0 }, points);
      route_append (route, points[0]);
    }
  else if (side == SIDE_LEFT || side == SIDE_RIGHT)
    {
      double xs = side == SIDE_RIGHT ? from->x + from->width : from->x;
      double xt = side == SIDE_RIGHT ? to->x : to->x + to->width;
      double ys = from->y + from->height * source->slot, yt = to->y + to->height * target->slot;

      route_append (route, (WmPoint) { xs, ys });
      route_append (route, (WmPoint) { (xs + xt) / 2, ys });
      route_append (route, (WmPoint) { (xs + xt) / 2, yt });
      route_append (route, (WmPoint) { xt, yt });
    }
  else
    {
      double ys = side == SIDE_BOTTOM ? from->y + from->height : from->y;
      double yt = side == SIDE_BOTTOM ? to->y : to->y + to->height;
      double xs = from->x + from->width * source->slot, xt = to->x + to->width * target->slot;

      route_append (route, (WmPoint) { xs, ys });
      route_append (route, (WmPoint) { xs, (ys + yt) / 2 });
      route_append (route, (WmPoint) { xt, (ys + yt) / 2 });
      route_append (route, (WmPoint) { xt, yt });
    }
}

typedef struct
{
  double      key;   /* the other end's centre, along the side */
  const char *id;
} SlotKey;

static int
compare_slot_keys (gconstpointer a,
                   gconstpointer b)
{
  const SlotKey *ka = a, *kb = b;

  if (ka->key != kb->key)
    return ka->key < kb->key ? -1 : 1;
  return strcmp (ka->id, kb->id);
}

/* The other end of @link, seen from @node, as its painter routes to it;
 * FALSE when it is missing or @node itself. */
static gboolean
other_end (WmDiagram      *diagram,
           const WmItem   *link,
           const WmItem   *node,
           WmRouteEndFunc  end_of,
           WmRouteEnd     *end)
{
  const char *id = g_strcmp0 (link->source, node->id) == 0 ? link->target : link->source;
  const WmItem *other = id != NULL ? wm_diagram_lookup (diagram, id) : NULL;

  if (other == NULL || other == node)
    return FALSE;
  end_of (diagram, other, end);
  return TRUE;
}

/* Where @link meets @node (routed as @self) along the side it uses: its
 * rank among the orthogonal links without waypoints that use that side. */
static double
route_slot (WmDiagram        *diagram,
            const WmItem     *link,
            const WmItem     *node,
            WmRouteEndFunc    end_of,
            const WmRouteEnd *self)
{
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GArray) keys = NULL;
  WmRouteEnd far;
  Side side;
  guint rank = 0;

  if (link->n_points > 0 || !other_end (diagram, link, node, end_of, &far) ||
      (side = direct_side (&self->rect, &far.rect)) == SIDE_FACING)
    return 0.5;
  links = wm_diagram_links_of (diagram, node->id);
  if (links->len < 2)
    return 0.5;
  keys = g_array_new (FALSE, FALSE, sizeof (SlotKey));
  for (guint i = 0; i < links->len; i++)
    {
      const WmItem *sibling = g_ptr_array_index (links, i);
      WmPoint center;

      if (sibling->n_points > 0 || !_wm_link_is_orthogonal (sibling) ||
          !other_end (diagram, sibling, node, end_of, &far) ||
          direct_side (&self->rect, &far.rect) != side)
        continue;
      center = wm_rect_center (&far.rect);
      g_array_append_val (keys, ((SlotKey) { side == SIDE_LEFT || side == SIDE_RIGHT ? center.y
                                                                                     : center.x,
                                             sibling->id }));
    }
  if (keys->len < 2)
    return 0.5;
  g_array_sort (keys, compare_slot_keys);
  while (rank < keys->len && g_array_index (keys, SlotKey, rank).id != link->id)
    rank++;
  return (rank + 1.0) / (keys->len + 1.0);
}

void
_wm_route_spread (WmDiagram        *diagram,
                  const WmItem     *link,
                  WmRouteEndFunc    end_of,
                  WmRouteEnd       *source,
                  WmRouteEnd       *target)
{
  const WmItem *from = wm_diagram_lookup (diagram, link->source);
  const WmItem *to = wm_diagram_lookup (diagram, link->target);

  if (from == NULL || to == NULL || from == to)
    return;
  source->slot = route_slot (diagram, link, from, end_of, source);
  target->slot = route_slot (diagram, link, to, end_of, target);
}

/* On from the route's last point to @to, across first, else (when that
 * would run back the way the route came) down or up first. */
static void
route_elbow (GArray *route,
             WmPoint to)
{
  WmPoint from = g_array_index (route, WmPoint, route->len - 1);
  WmPoint corner = { to.x, from.y };

  if (turns_back (route_heading (route), from, corner))
    corner = (WmPoint) { from.x, to.y };
  route_append (route, corner);
  route_append (route, to);
}

/* Moves the end @end of a route, on its box's side, along its first segment
 * (towards @next) onto the shape: under what is written below the box, or
 * onto the ellipse. */
static void
fit_end (const WmRouteEnd *shape,
         WmPoint          *end,
         WmPoint           next)
{
  const WmRect *r = &shape->rect;
  WmPoint center = wm_rect_center (r);
  double a = r->width / 2, b = r->height / 2, t;

  if (end->x == next.x && next.y > end->y && end->y >= r->y + r->height - 0.01 &&
      shape->bottom > end->y && shape->bottom < next.y)
    end->y = shape->bottom;
  else if (!shape->ellipse || a <= 0 || b <= 0)
    return;
  else if (end->x == next.x)
    {
      t = (end->x - center.x) / a;
      end->y = center.y + (next.y > center.y ? 1 : -1) * b * sqrt (MAX (0, 1 - t * t));
    }
  else if (end->y == next.y)
    {
      t = (end->y - center.y) / b;
      end->x = center.x + (next.x > center.x ? 1 : -1) * a * sqrt (MAX (0, 1 - t * t));
    }
}

WmPoint *
_wm_route_orthogonal (const WmRouteEnd *source,
                      const WmRouteEnd *target,
                      const WmPoint    *waypoints,
                      guint             n_waypoints,
                      guint            *n_points)
{
  GArray *route = g_array_sized_new (FALSE, FALSE, sizeof (WmPoint), 3 * n_waypoints + 4);
  WmPoint leg[3], *points;
  guint n;

  if (n_waypoints == 0)
    route_direct (source, target, route);
  else
    {
      n = leg_out (&source->rect, waypoints[0], (WmPoint) { 0, 0 }, leg);
      for (guint i = 0; i < n; i++)
        route_append (route, leg[i]);
      for (guint i = 1; i < n_waypoints; i++)
        route_elbow (route, waypoints[i]);
      n = leg_out (&target->rect, waypoints[n_waypoints - 1], route_heading (route), leg);
      for (guint i = n; i-- > 0;)
        route_append (route, leg[i]);
    }
  if (route->len < 2)
    {
      WmPoint only = g_array_index (route, WmPoint, 0);

      g_array_append_val (route, only);
    }
  points = (WmPoint *) route->data;
  n = route->len;
  fit_end (source, &points[0], points[1]);
  fit_end (target, &points[n - 1], points[n - 2]);
  *n_points = n;
  return (WmPoint *) g_array_free (route, FALSE);
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
