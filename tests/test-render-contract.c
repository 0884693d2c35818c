/* test-render-contract.c — every node and link type of every notation is
 * painted, and its ink lands inside the extent its painter declares
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Culling, hit testing and dirty areas all trust an item's extent: ink
 * outside it would be clipped away on screen, and an extent much larger than
 * the ink would waste repaints. Each type is painted alone, with every
 * property set, at full detail and zoomed far out.
 *
 * A link between two close nodes is painted with all its labels, and its
 * line and arrowhead must show outside every label's box: a label stands
 * beside its line, never on it.
 *
 * Items as large as the model allows are painted too, in a small view and
 * fitted to a small page: what painting them costs must follow what can be
 * seen, not their size. The cost is read from the size of an SVG of the
 * paint (every path segment is written out), not from a clock.
 */
#include "config.h"

#include <cairo.h>
#include <cairo-svg.h>
#include <math.h>

#include "wm-painter-private.h"
#include "wm-render-private.h"
#include "wm-test-util.h"

#define MARGIN 80        /* document units painted around the extent */
#define SLACK 1.0        /* anti-aliasing may touch this far past the extent */

typedef struct
{
  const WmNotation *notation;
  const WmItemType *type;
} Contract;

typedef struct
{
  guint64 inside;
  guint64 outside;
  double  x1, y1, x2, y2;  /* bounding box of the ink, in document units */
} Ink;

static Ink
paint_and_measure (WmDiagram    *diagram,
                   const WmItem *item,
                   const WmRect *extent,
                   double        scale)
{
  WmRect area = { extent->x - MARGIN, extent->y - MARGIN, extent->width + 2 * MARGIN,
                  extent->height + 2 * MARGIN };
  int width = (int) ceil (area.width * scale), height = (int) ceil (area.height * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  WmRenderOptions options;
  Ink ink = { 0, 0, G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  wm_render_options_init (&options);
  options.scale = scale;
  options.paper = FALSE;
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -area.x, -area.y);
  wm_render_item (diagram, item, cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface) +
                                              y * cairo_image_surface_get_stride (surface));
      for (int x = 0; x < width; x++)
        {
          double dx = area.x + (x + 0.5) / scale, dy = area.y + (y + 0.5) / scale;

          if ((row[x] >> 24) < 8)
            continue;
          if (dx < extent->x - SLACK || dy < extent->y - SLACK ||
              dx > extent->x + extent->width + SLACK || dy > extent->y + extent->height + SLACK)
            ink.outside++;
          else
            ink.inside++;
          ink.x1 = MIN (ink.x1, dx);
          ink.y1 = MIN (ink.y1, dy);
          ink.x2 = MAX (ink.x2, dx);
          ink.y2 = MAX (ink.y2, dy);
        }
    }
  cairo_surface_destroy (surface);
  return ink;
}

static void
check_item (WmDiagram    *diagram,
            const WmItem *item)
{
  WmRect extent, bound;
  Ink detail, far;

  wm_render_item_extent (diagram, item, &extent);
  g_assert_cmpfloat (extent.width, >, 0);
  g_assert_cmpfloat (extent.height, >, 0);
  /* The bound that spares measuring holds the extent. */
  _wm_render_item_bound (diagram, item, &bound);
  g_assert_cmpfloat (bound.x, <=, extent.x);
  g_assert_cmpfloat (bound.y, <=, extent.y);
  g_assert_cmpfloat (bound.x + bound.width, >=, extent.x + extent.width);
  g_assert_cmpfloat (bound.y + bound.height, >=, extent.y + extent.height);
  if (wm_item_is_node (item))
    {
      /* A node's extent holds its bounds, unless its painter places it itself. */
      g_assert_cmpfloat (extent.width, <, item->bounds.width * 4 + 400);
      g_assert_cmpfloat (extent.height, <, item->bounds.height * 4 + 400);
    }

  detail = paint_and_measure (diagram, item, &extent, 2);
  g_test_message ("%s: extent %.0f x %.0f, ink %.0f x %.0f, %" G_GUINT64_FORMAT " pixels outside",
                  item->type->id, extent.width, extent.height, detail.x2 - detail.x1,
                  detail.y2 - detail.y1, detail.outside);
  g_assert_cmpuint (detail.inside, >, 0);
  g_assert_cmpuint (detail.outside, ==, 0);
  /* The extent is not much larger than the ink: it spans at least half of it each way. */
  g_assert_cmpfloat (detail.x2 - detail.x1, >=, extent.width * 0.5 - 2);
  g_assert_cmpfloat (detail.y2 - detail.y1, >=, extent.height * 0.5 - 2);

  far = paint_and_measure (diagram, item, &extent, 0.2);
  g_assert_cmpuint (far.outside, ==, 0);
}

/* Every property set, a link that has a routing runs orthogonally; and so
 * it does with its ends apart both ways, and through waypoints. */
static void
check_orthogonal (WmDiagram    *diagram,
                  const WmItem *link)
{
  const char *moved[] = { link->target, NULL };
  const WmPoint waypoints[] = { { 160, -120 }, { 260, 380 } };

  g_assert_cmpstr (wm_item_get_choice (link, WM_FIELD_ROUTING), ==, WM_ROUTING_ORTHOGONAL);
  wm_diagram_move_items (diagram, moved, 0, 260);
  check_item (diagram, link);
  g_assert_true (wm_diagram_set_points (diagram, link->id, waypoints, G_N_ELEMENTS (waypoints)));
  check_item (diagram, link);
}

static void
test_contract (gconstpointer data)
{
  const Contract *contract = data;
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram, *other;
  WmItem *item, *anchor = NULL, *target;

  diagram = wm_project_add_diagram (project, contract->notation->id, "Contract", &error);
  other = wm_project_add_diagram (project, "use-case", "Elsewhere", &error);
  g_assert_no_error (error);
  target = wm_diagram_add_node (other, "use-case", NULL, "Referenced", &error);

  /* Once with the type's defaults, once with every property set. */
  item = wm_test_create_item (diagram, contract->type, &anchor);
  check_item (diagram, item);
  wm_test_set_every_property (diagram, item, target->id);
  check_item (diagram, item);
  /* A link once more with every property of its ends set too: notes that
   * a board's painter does not place, say, between which it routes it
   * otherwise. */
  if (wm_item_is_link (item))
    {
      wm_test_set_every_property (diagram, wm_diagram_lookup (diagram, item->source), target->id);
      wm_test_set_every_property (diagram, wm_diagram_lookup (diagram, item->target), target->id);
      check_item (diagram, item);
    }
  if (wm_item_is_link (item) && wm_item_has_prop (item, WM_FIELD_ROUTING))
    check_orthogonal (diagram, item);
}

/* Labels beside their line */

#define LABEL_GAP 40         /* document units between the two nodes */
#define LABEL_SCALE 4        /* device pixels per unit */
#define MAX_BOXES 8
#define SAMPLE_STEP 0.25     /* units between samples along the line */
#define BAND_REACH 8         /* how far across the line its ink may lie (a shipment's band) */
#define TIP_LENGTH 12        /* the last stretch of the line, where its arrowhead is */
#define MIN_VISIBLE 3        /* units of the line that must show in each stretch */

typedef struct
{
  cairo_surface_t *surface;
  WmRect           area;
  WmRect           boxes[MAX_BOXES];
  guint            n_boxes;
} LabelPaint;

static gboolean
in_boxes (const LabelPaint *paint,
          double            x,
          double            y)
{
  for (guint i = 0; i < MIN (paint->n_boxes, MAX_BOXES); i++)
    {
      const WmRect *box = &paint->boxes[i];

      if (x >= box->x - 0.5 && x <= box->x + box->width + 0.5 && y >= box->y - 0.5 &&
          y <= box->y + box->height + 0.5)
        return TRUE;
    }
  return FALSE;
}

/* Whether the pixel at @x, @y (document units) is dark ink: a line, an
 * arrowhead or text, not a white pad. */
static gboolean
is_dark (const LabelPaint *paint,
         double            x,
         double            y)
{
  int px = (int) floor ((x - paint->area.x) * LABEL_SCALE);
  int py = (int) floor ((y - paint->area.y) * LABEL_SCALE);
  int width = cairo_image_surface_get_width (paint->surface);
  int height = cairo_image_surface_get_height (paint->surface);
  guint32 pixel;
  guint alpha, lightest;

  if (px < 0 || py < 0 || px >= width || py >= height)
    return FALSE;
  pixel = ((const guint32 *) (cairo_image_surface_get_data (paint->surface) +
                              py * cairo_image_surface_get_stride (paint->surface)))[px];
  alpha = pixel >> 24;
  /* Premultiplied: over white paper a channel reads c + 255 - alpha. */
  lightest = MIN (MIN ((pixel >> 16) & 0xff, (pixel >> 8) & 0xff), pixel & 0xff) + 255 - alpha;
  return lightest < 180;
}

/* Whether the line's ink shows at @p, which lies on it: some dark pixel
 * across the line within BAND_REACH that no label box covers. */
static gboolean
line_shows_at (const LabelPaint *paint,
               WmPoint           p,
               WmPoint           normal)
{
  for (double d = 0; d <= BAND_REACH; d += 1.0 / LABEL_SCALE)
    for (int side = -1; side <= 1; side += 2)
      {
        double x = p.x + normal.x * d * side, y = p.y + normal.y * d * side;

        if (!in_boxes (paint, x, y) && is_dark (paint, x, y))
          return TRUE;
      }
  return FALSE;
}

static gboolean
in_rect (const WmRect *rect,
         WmPoint       p)
{
  return p.x > rect->x && p.x < rect->x + rect->width && p.y > rect->y &&
         p.y < rect->y + rect->height;
}

/* The samples along @link's centre line that lie outside both end nodes. */
static GArray *
visible_samples (WmDiagram    *diagram,
                 const WmItem *link,
                 GArray       *normals)
{
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (scratch);
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (WmPoint));
  cairo_path_t *path;
  WmRect ends[2];
  WmPoint last = { 0, 0 };

  wm_render_node_rect (diagram, wm_diagram_lookup (diagram, link->source), &ends[0]);
  wm_render_node_rect (diagram, wm_diagram_lookup (diagram, link->target), &ends[1]);
  g_assert_true (wm_render_link_path (diagram, link, cr));
  path = cairo_copy_path_flat (cr);
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      WmPoint p = { path->data[i + 1].point.x, path->data[i + 1].point.y };
      double length = hypot (p.x - last.x, p.y - last.y);

      if (path->data[i].header.type == CAIRO_PATH_LINE_TO && length > 0)
        for (double t = 0; t < length; t += SAMPLE_STEP)
          {
            WmPoint q = { last.x + (p.x - last.x) * t / length,
                          last.y + (p.y - last.y) * t / length };
            WmPoint normal = { -(p.y - last.y) / length, (p.x - last.x) / length };

            if (in_rect (&ends[0], q) || in_rect (&ends[1], q))
              continue;
            g_array_append_val (samples, q);
            g_array_append_val (normals, normal);
          }
      if (path->data[i].header.type != CAIRO_PATH_CLOSE_PATH)
        last = p;
    }
  cairo_path_destroy (path);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  return samples;
}

/* How many units of the line show among samples [@from, @to). */
static double
visible_length (const LabelPaint *paint,
                GArray           *samples,
                GArray           *normals,
                guint             from,
                guint             to)
{
  guint shown = 0;

  for (guint i = from; i < to; i++)
    if (line_shows_at (paint, g_array_index (samples, WmPoint, i),
                       g_array_index (normals, WmPoint, i)))
      shown++;
  return shown * SAMPLE_STEP;
}

static void
paint_link_with_labels (WmDiagram    *diagram,
                        const WmItem *link,
                        LabelPaint   *paint)
{
  WmRenderOptions options;
  cairo_t *cr;

  wm_render_item_extent (diagram, link, &paint->area);
  paint->area = (WmRect) { paint->area.x - 10, paint->area.y - 10, paint->area.width + 20,
                           paint->area.height + 20 };
  paint->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                               (int) ceil (paint->area.width * LABEL_SCALE),
                                               (int) ceil (paint->area.height * LABEL_SCALE));
  cr = cairo_create (paint->surface);
  wm_render_options_init (&options);
  options.scale = LABEL_SCALE;
  options.paper = FALSE;
  cairo_scale (cr, LABEL_SCALE, LABEL_SCALE);
  cairo_translate (cr, -paint->area.x, -paint->area.y);
  wm_render_item (diagram, link, cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (paint->surface);
  paint->n_boxes = _wm_render_label_boxes (diagram, link, paint->boxes, MAX_BOXES);
}

/* Each box the painter names holds some of a label's dark ink: the boxes
 * are where the labels are. */
static void
assert_boxes_hold_text (const LabelPaint *paint)
{
  g_assert_cmpuint (paint->n_boxes, >=, 1);
  g_assert_cmpuint (paint->n_boxes, <=, MAX_BOXES);
  for (guint i = 0; i < paint->n_boxes; i++)
    {
      const WmRect *box = &paint->boxes[i];
      gboolean dark = FALSE;

      for (double y = box->y; y < box->y + box->height && !dark; y += 1.0 / LABEL_SCALE)
        for (double x = box->x; x < box->x + box->width && !dark; x += 1.0 / LABEL_SCALE)
          dark = is_dark (paint, x, y);
      g_assert_true (dark);
    }
}

/* Two nodes LABEL_GAP apart side by side, and @type between them. */
static WmItem *
add_close_link (WmDiagram        *diagram,
                const WmItemType *type)
{
  const WmItemType *source_type, *target_type;
  WmRect left, right;
  WmItem *source, *target;

  g_assert_true (wm_test_find_link_ends (wm_diagram_get_notation (diagram), type, &source_type,
                                         &target_type));
  left = (WmRect) { 0, 0, source_type->width, source_type->height };
  right = (WmRect) { left.width + LABEL_GAP, (left.height - target_type->height) / 2,
                     target_type->width, target_type->height };
  source = wm_test_add_node (diagram, source_type->id, &left, "Source");
  target = wm_test_add_node (diagram, target_type->id, &right, "Target");
  return wm_test_add_link (diagram, type->id, source, target);
}

static void
test_labels_beside (gconstpointer data)
{
  const Contract *contract = data;
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) normals = g_array_new (FALSE, FALSE, sizeof (WmPoint));
  g_autoptr(GArray) samples = NULL;
  WmDiagram *diagram, *other;
  LabelPaint paint = { 0 };
  WmItem *link, *target;
  double middle, tip;
  guint n;

  diagram = wm_project_add_diagram (project, contract->notation->id, "Labels", &error);
  other = wm_project_add_diagram (project, "use-case", "Elsewhere", &error);
  g_assert_no_error (error);
  target = wm_diagram_add_node (other, "use-case", NULL, "Referenced", &error);
  link = add_close_link (diagram, contract->type);
  wm_test_set_every_property (diagram, link, target->id);
  wm_diagram_set_text (diagram, link->id, "Checks the payment");

  paint_link_with_labels (diagram, link, &paint);
  assert_boxes_hold_text (&paint);
  samples = visible_samples (diagram, link, normals);
  n = samples->len;
  g_assert_cmpuint (n * SAMPLE_STEP, >=, 2 * TIP_LENGTH);
  /* The middle half of what lies between the nodes, and the stretch at the
   * target where the arrowhead is. */
  middle = visible_length (&paint, samples, normals, n / 4, n - n / 4);
  tip = visible_length (&paint, samples, normals, n - (guint) (TIP_LENGTH / SAMPLE_STEP), n);
  g_test_message ("%s: %u label boxes, %.1f units of line show in the middle, %.1f at the tip",
                  link->type->id, paint.n_boxes, middle, tip);
  g_assert_cmpfloat (middle, >=, MIN_VISIBLE);
  g_assert_cmpfloat (tip, >=, MIN_VISIBLE);
  cairo_surface_destroy (paint.surface);
}

/* Huge items */

#define HUGE_SIZE 1e6        /* the largest node the model allows (WM_LIMIT_SIZE) */
#define VIEW 64              /* the side of the view, in pixels */
/* A view of 64 × 64 pixels holds a few shapes and a few words: a few kB of
 * SVG, with the glyphs. One stroke per 7 units across a huge box is MBs. */
#define MAX_VIEW_BYTES (128 * 1024)

static cairo_status_t
count_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

/* Paints @visible at @scale (0: fitted to the view, as the PDF export does,
 * at full detail) into an SVG and returns its size. */
static gsize
svg_bytes_of_paint (WmDiagram    *diagram,
                    const WmRect *visible,
                    double        scale)
{
  gsize bytes = 0;
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (count_bytes, &bytes, VIEW, VIEW);
  cairo_t *cr = cairo_create (surface);
  double fit = scale > 0 ? scale : VIEW / MAX (visible->width, visible->height);
  WmRenderOptions options;

  wm_render_options_init (&options);
  options.visible = *visible;
  options.scale = scale;
  cairo_scale (cr, fit, fit);
  cairo_translate (cr, -visible->x, -visible->y);
  wm_render_diagram (diagram, cr, &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return bytes;
}

/* Views inside the diagram, from a corner to its middle and beyond, zoomed
 * in (scale 1 and 8) and fitted; each costs a small SVG. */
static void
check_bounded (WmDiagram  *diagram,
               const char *what)
{
  static const double fractions[] = { 0.0001, 0.25, 0.5, 0.75 };
  static const double scales[] = { 1, 8 };
  WmRect extent;
  gsize bytes;

  wm_render_get_extent (diagram, &extent);
  for (guint f = 0; f < G_N_ELEMENTS (fractions); f++)
    for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
      {
        WmRect view = { extent.x + extent.width * fractions[f],
                        extent.y + extent.height * fractions[f], VIEW / scales[s],
                        VIEW / scales[s] };

        bytes = svg_bytes_of_paint (diagram, &view, scales[s]);
        g_test_message ("%s: view at %.0f, %.0f, scale %g: %" G_GSIZE_FORMAT " bytes", what,
                        view.x, view.y, scales[s], bytes);
        g_assert_cmpuint (bytes, <, MAX_VIEW_BYTES);
      }
  bytes = svg_bytes_of_paint (diagram, &extent, 0);
  g_test_message ("%s: fitted: %" G_GSIZE_FORMAT " bytes", what, bytes);
  g_assert_cmpuint (bytes, <, MAX_VIEW_BYTES);
}

static WmItem *
add_huge_node (WmDiagram        *diagram,
               const WmItemType *type,
               double            x)
{
  WmRect bounds = { x, -HUGE_SIZE / 2, HUGE_SIZE, HUGE_SIZE };
  g_autoptr(GError) error = NULL;
  WmItem *node = wm_diagram_add_node (diagram, type->id, &bounds, "Huge", &error);

  g_assert_no_error (error);
  wm_test_set_every_property (diagram, node, NULL);
  return node;
}

/* Every type of @notation alone in a diagram: a node as large as allowed, or
 * a link between two such nodes, with every property set. */
static void
test_huge_items (gconstpointer data)
{
  const WmNotation *notation = data;

  for (guint t = 0; t < wm_notation_get_n_item_types (notation); t++)
    {
      g_autoptr(WmProject) project = wm_project_new ();
      g_autoptr(GError) error = NULL;
      WmDiagram *diagram = wm_project_add_diagram (project, notation->id, "Huge", &error);
      const WmItemType *type = wm_notation_get_item_type (notation, t);
      const WmItemType *source_type, *target_type;
      WmItem *source, *target, *link;

      g_assert_no_error (error);
      if (type->kind == WM_ITEM_NODE)
        add_huge_node (diagram, type, -HUGE_SIZE / 2);
      else
        {
          g_assert_true (wm_test_find_link_ends (notation, type, &source_type, &target_type));
          source = add_huge_node (diagram, source_type, -HUGE_SIZE);
          target = add_huge_node (diagram, target_type, HUGE_SIZE / 100);
          link = wm_diagram_add_link (diagram, type->id, source->id, target->id, &error);
          g_assert_no_error (error);
          wm_test_set_every_property (diagram, link, NULL);
        }
      check_bounded (diagram, type->id);
    }
}

/* The extent found by measuring only what could reach past the rest */

static void
assert_same_extent (WmDiagram *diagram)
{
  WmRect pruned, all;

  wm_render_get_extent (diagram, &pruned);
  _wm_render_get_extent_measuring_all (diagram, &all);
  g_assert_cmpfloat (pruned.x, ==, all.x);
  g_assert_cmpfloat (pruned.y, ==, all.y);
  g_assert_cmpfloat (pruned.width, ==, all.width);
  g_assert_cmpfloat (pruned.height, ==, all.height);
}

/* Every type of the notation, many times, with texts of every length at
 * random places: the extent is the one that measuring every item gives. */
static void
test_extent_by_bounds (gconstpointer data)
{
  const WmNotation *notation = data;
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_project_add_diagram (project, notation->id, "Extent", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint n_types = wm_notation_get_n_item_types (notation);

  assert_same_extent (diagram);
  for (guint i = 0; i < 40 * n_types; i++)
    {
      guint t = i % n_types;
      const WmItemType *type = wm_notation_get_item_type (notation, t);
      WmItem *anchor = NULL;
      WmItem *item = wm_test_create_item (diagram, type, &anchor);
      g_autofree char *text = g_strnfill (g_rand_int_range (rand, 0, 120), 'w');
      const char *moved[] = { anchor != NULL ? anchor->id : item->id, NULL };

      wm_diagram_set_text (diagram, item->id, text);
      wm_diagram_move_items (diagram, moved, g_rand_double_range (rand, -3000, 3000),
                             g_rand_double_range (rand, -3000, 3000));
      if (i % 17 == 0)
        assert_same_extent (diagram);
    }
  assert_same_extent (diagram);
}

static void
test_extent_of_sample (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();

  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    assert_same_extent (wm_project_get_diagram (project, i));
}

int
main (int   argc,
      char *argv[])
{
  guint n_notations;
  const WmNotation *const *notations = wm_notations_get_all (&n_notations);

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < n_notations; i++)
    for (guint t = 0; t < wm_notation_get_n_item_types (notations[i]); t++)
      {
        Contract *contract = g_new0 (Contract, 1);
        g_autofree char *path = NULL;

        contract->notation = notations[i];
        contract->type = wm_notation_get_item_type (notations[i], t);
        path = g_strdup_printf ("/render/contract/%s/%s", notations[i]->id, contract->type->id);
        g_test_add_data_func_full (path, contract, test_contract, g_free);
      }
  for (guint i = 0; i < n_notations; i++)
    for (guint t = 0; t < notations[i]->n_link_types; t++)
      {
        Contract *contract = g_new0 (Contract, 1);
        g_autofree char *path = NULL;

        contract->notation = notations[i];
        contract->type = &notations[i]->link_types[t];
        path = g_strdup_printf ("/render/labels/%s/%s", notations[i]->id, contract->type->id);
        g_test_add_data_func_full (path, contract, test_labels_beside, g_free);
      }
  for (guint i = 0; i < n_notations; i++)
    {
      g_autofree char *path = g_strdup_printf ("/render/bounded/%s", notations[i]->id);

      g_test_add_data_func (path, notations[i], test_huge_items);
    }
  for (guint i = 0; i < n_notations; i++)
    {
      g_autofree char *path = g_strdup_printf ("/render/extent/by-bounds/%s", notations[i]->id);

      g_test_add_data_func (path, notations[i], test_extent_by_bounds);
    }
  g_test_add_func ("/render/extent/sample", test_extent_of_sample);
  return g_test_run ();
}
