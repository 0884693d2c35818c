/* test-vsm-cache.c — what a value stream map keeps between edits stays right
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The flow's metrics (wm-vsm.c) and the lowest ink under which the timeline
 * lies (wm-paint-vsm.c) are kept with a diagram and brought up to date after
 * each change instead of being computed again from the whole map. After
 * every edit of a long random series (moves, figures, links added and
 * removed, fields, restacking, undo and redo) they must equal what a fresh
 * copy of the project, read back from its file, computes from scratch: the
 * same figures and steps, the same extent, the same pixels.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo.h>

#include "wm-render.h"
#include "wm-render-private.h"
#include "wm-render-test-util.h"
#include "wm-test-util.h"

#define N_STAGES 40
#define N_EDITS 300
/* Paints at this scale show text, so the ladder's figures are compared too. */
#define PAINT_SCALE 0.5

/* A fresh copy of @project's first diagram, read back from its file: no
 * cache of the original can reach it. */
static WmProject *
fresh_copy (WmProject *project)
{
  g_autofree char *data = wm_test_serialize (project);
  g_autoptr(GError) error = NULL;
  WmProject *copy = wm_project_load_from_data (data, strlen (data), "copy", &error);

  g_assert_no_error (error);
  return copy;
}

static void
assert_same_metrics (WmDiagram *diagram,
                     WmDiagram *fresh)
{
  g_autoptr(WmVsmMetrics) kept = wm_vsm_compute (diagram);
  g_autoptr(WmVsmMetrics) computed = wm_vsm_compute (fresh);

  /* Both are computed in the same order from the same figures: equal to the bit. */
  g_assert_cmpfloat (kept->available_per_day, ==, computed->available_per_day);
  g_assert_cmpfloat (kept->daily_demand, ==, computed->daily_demand);
  g_assert_cmpfloat (kept->takt_time, ==, computed->takt_time);
  g_assert_cmpfloat (kept->lead_time_days, ==, computed->lead_time_days);
  g_assert_cmpfloat (kept->processing_time, ==, computed->processing_time);
  g_assert_cmpfloat (kept->efficiency, ==, computed->efficiency);
  g_assert_cmpfloat (kept->rolled_ca, ==, computed->rolled_ca);
  g_assert_cmpfloat (kept->inventory_days, ==, computed->inventory_days);
  g_assert_cmpfloat (kept->inventory_quantity, ==, computed->inventory_quantity);
  g_assert_cmpuint (kept->steps->len, ==, computed->steps->len);
  for (guint i = 0; i < kept->steps->len; i++)
    {
      WmVsmStep *a = &g_array_index (kept->steps, WmVsmStep, i);
      WmVsmStep *b = &g_array_index (computed->steps, WmVsmStep, i);

      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpstr (a->item_id, ==, b->item_id);
      g_assert_cmpfloat (a->value, ==, b->value);
      /* A step's id is the live item's, as wm-vsm.h promises. */
      if (a->item_id != NULL)
        g_assert_true (wm_diagram_lookup (diagram, a->item_id)->id == a->item_id);
    }
}

static cairo_surface_t *
paint (WmDiagram    *diagram,
       const WmRect *extent)
{
  cairo_surface_t *surface =
    cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (extent->width * PAINT_SCALE),
                                (int) ceil (extent->height * PAINT_SCALE));
  cairo_t *cr = cairo_create (surface);
  WmRenderOptions options;

  wm_render_options_init (&options);
  options.scale = PAINT_SCALE;
  options.paper = TRUE;
  cairo_scale (cr, PAINT_SCALE, PAINT_SCALE);
  cairo_translate (cr, -extent->x, -extent->y);
  wm_render_diagram (diagram, cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Each link's bound, found without measuring text, holds its extent, for
 * culling and the diagram's extent rely on it. */
static void
assert_bounds_hold (WmDiagram *diagram)
{
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      WmRect extent, bound;

      if (!wm_item_is_link (item))
        continue;
      wm_render_item_extent (diagram, item, &extent);
      _wm_render_item_bound (diagram, item, &bound);
      wm_test_assert_rect_within (&extent, &bound);
    }
}

/* The diagram as kept, and as a fresh copy of it computes it. */
static void
assert_same_as_fresh (WmProject *project,
                      WmDiagram *diagram,
                      gboolean   with_pixels)
{
  g_autoptr(WmProject) copy = fresh_copy (project);
  WmDiagram *fresh = wm_project_get_diagram (copy, 0);
  WmRect kept, computed;

  assert_same_metrics (diagram, fresh);
  assert_bounds_hold (diagram);
  wm_render_get_extent (diagram, &kept);
  wm_render_get_extent (fresh, &computed);
  g_assert_cmpfloat (kept.x, ==, computed.x);
  g_assert_cmpfloat (kept.y, ==, computed.y);
  g_assert_cmpfloat (kept.width, ==, computed.width);
  g_assert_cmpfloat (kept.height, ==, computed.height);
  if (with_pixels)
    {
      cairo_surface_t *a = paint (diagram, &kept);
      cairo_surface_t *b = paint (fresh, &kept);

      g_assert_cmpuint (wm_test_count_differences (a, b, TRUE), ==, 0);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

/* Building the map */

static WmItem *
add_node (WmDiagram  *diagram,
          const char *type,
          double      x,
          double      y)
{
  WmRect bounds = { x, y, 90, 60 };
  g_autofree char *text = g_strdup_printf ("%s %u", type, wm_diagram_get_n_items (diagram));

  return wm_test_add_node (diagram, type, &bounds, text);
}

/* A supplier, N_STAGES processes with stock between them in a row, a
 * customer; a second line under part of it, notes, kanbans (their captions
 * reach under them) and information flows: a few hundred items, more than
 * the painter keeps as the lowest, so that its threshold matters. */
static WmDiagram *
build_map (WmProject *project)
{
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (project, "value-stream-map", "Line", &error);
  WmItem *previous, *supplier, *customer, *link;

  g_assert_no_error (error);
  g_assert_true (wm_diagram_set_field (diagram, "daily-demand", "460", &error));
  g_assert_true (wm_diagram_set_field (diagram, "available-seconds", "27600", &error));
  g_assert_no_error (error);
  previous = supplier = add_node (diagram, "supplier", 0, 0);
  customer = add_node (diagram, "customer", 300 * N_STAGES + 300, 0);
  for (guint i = 0; i < N_STAGES; i++)
    {
      WmItem *process = add_node (diagram, "process", 300 * i + 150, 200);
      WmItem *stock = add_node (diagram, i % 3 == 0 ? "supermarket" : "inventory",
                                300 * i + 300, 220);
      g_autofree char *cycle = g_strdup_printf ("%u", 30 + 7 * i % 50);
      g_autofree char *quantity = g_strdup_printf ("%u", 100 + 37 * i % 400);

      wm_test_set_property (diagram, process, "cycle-time", cycle);
      wm_test_set_property (diagram, stock, i % 3 == 0 ? "capacity" : "quantity", quantity);
      wm_test_add_link (diagram, "push", previous, process);
      link = wm_test_add_link (diagram, "push", process, stock);
      /* Orthogonal links end under what their ends write below them. */
      if (i % 2 == 0)
        wm_test_set_property (diagram, link, "routing", "orthogonal");
      previous = stock;
      if (i % 4 == 1)
        {
          WmItem *kanban = add_node (diagram, "production-kanban", 300 * i + 150, 420 + 10 * i);

          wm_test_set_property (diagram, kanban, "quantity", "20");
          add_node (diagram, "note", 300 * i, 600 + (i * 53) % 200);
        }
      if (i % 5 == 2)
        {
          WmItem *side = add_node (diagram, "process", 300 * i + 150, 800);

          link = wm_test_add_link (diagram, "push", process, side);
          wm_test_set_property (diagram, link, "routing", "orthogonal");
          wm_test_add_link (diagram, "manual-info", customer, side);
        }
    }
  wm_test_add_link (diagram, "shipment-flow", previous, customer);
  wm_test_add_link (diagram, "electronic-info", customer, supplier);
  return diagram;
}

/* Random edits */

static WmItem *
random_item (WmDiagram *diagram,
             GRand     *rand,
             gboolean   node,
             const char *type)
{
  guint n = wm_diagram_get_n_items (diagram);

  for (guint tries = 0; tries < 1000; tries++)
    {
      WmItem *item = wm_diagram_get_item (diagram, g_rand_int_range (rand, 0, n));

      if (wm_item_is_node (item) == node && (type == NULL || g_str_equal (item->type->id, type)))
        return item;
    }
  return NULL;
}

/* The node whose bounds reach lowest: moving it moves the timeline. */
static WmItem *
lowest_node (WmDiagram *diagram)
{
  WmItem *lowest = NULL;

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (wm_item_is_node (item) &&
          (lowest == NULL || item->bounds.y + item->bounds.height >
                             lowest->bounds.y + lowest->bounds.height))
        lowest = item;
    }
  return lowest;
}

static int
compare_lowest_first (gconstpointer a,
                      gconstpointer b)
{
  const WmItem *x = *(WmItem *const *) a, *y = *(WmItem *const *) b;
  double bx = x->bounds.y + x->bounds.height, by = y->bounds.y + y->bounds.height;

  return (bx < by) - (bx > by);
}

/* Moves the lowest nodes, more of them than the painter keeps as the lowest. */
static void
move_lowest (WmDiagram *diagram,
             double     dy)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    if (wm_item_is_node (wm_diagram_get_item (diagram, i)))
      g_ptr_array_add (nodes, wm_diagram_get_item (diagram, i));
  g_ptr_array_sort (nodes, compare_lowest_first);
  g_ptr_array_set_size (nodes, MIN (nodes->len, 100));
  for (guint i = 0; i < nodes->len; i++)
    g_ptr_array_index (nodes, i) = ((WmItem *) g_ptr_array_index (nodes, i))->id;
  g_ptr_array_add (nodes, NULL);
  wm_diagram_move_items (diagram, (const char *const *) nodes->pdata, 0, dy);
}

static void
move_some (WmDiagram *diagram,
           GRand     *rand)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  guint n = g_rand_int_range (rand, 1, 6);

  for (guint i = 0; i < n; i++)
    {
      WmItem *item = random_item (diagram, rand, TRUE, NULL);

      if (item != NULL)
        g_ptr_array_add (ids, item->id);
    }
  if (g_rand_boolean (rand))
    g_ptr_array_add (ids, lowest_node (diagram)->id);
  g_ptr_array_add (ids, NULL);
  wm_diagram_move_items (diagram, (const char *const *) ids->pdata,
                         g_rand_int_range (rand, -300, 301), g_rand_int_range (rand, -300, 301));
}

static void
set_figure (WmDiagram  *diagram,
            GRand      *rand,
            const char *type,
            const char *name)
{
  WmItem *item = random_item (diagram, rand, TRUE, type);
  g_autofree char *value = g_strdup_printf ("%d", g_rand_int_range (rand, 0, 101));
  g_autoptr(GError) error = NULL;

  if (item != NULL)
    wm_diagram_set_property (diagram, item->id, name, g_rand_int_range (rand, 0, 5) ? value : NULL,
                             &error);
  g_assert_no_error (error);
}

static void
add_random_link (WmDiagram *diagram,
                 GRand     *rand)
{
  static const char *const types[] = { "push", "pull", "manual-info" };
  WmItem *source = random_item (diagram, rand, TRUE, NULL);
  WmItem *target = random_item (diagram, rand, TRUE, NULL);
  g_autoptr(GError) error = NULL;

  /* The notation refuses some pairs: that is no failure here. */
  if (source != NULL && target != NULL && source != target)
    wm_diagram_add_link (diagram, types[g_rand_int_range (rand, 0, G_N_ELEMENTS (types))],
                         source->id, target->id, &error);
}

static void
add_random_node (WmDiagram *diagram,
                 GRand     *rand)
{
  static const char *const types[] = { "note", "kaizen-burst", "process", "inventory",
                                       "withdrawal-kanban" };

  add_node (diagram, types[g_rand_int_range (rand, 0, G_N_ELEMENTS (types))],
            g_rand_int_range (rand, -200, 300 * N_STAGES), g_rand_int_range (rand, -100, 1400));
}

static void
remove_random (WmDiagram *diagram,
               GRand     *rand)
{
  WmItem *item = random_item (diagram, rand, g_rand_boolean (rand), NULL);
  const char *ids[] = { item != NULL ? item->id : NULL, NULL };

  if (item != NULL)
    wm_diagram_remove_items (diagram, ids);
}

static void
bend_random_link (WmDiagram *diagram,
                  GRand     *rand)
{
  WmItem *link = random_item (diagram, rand, FALSE, NULL);
  WmPoint points[] = { { g_rand_int_range (rand, 0, 9000), g_rand_int_range (rand, 0, 1500) } };
  g_autoptr(GError) error = NULL;

  if (link == NULL)
    return;
  wm_diagram_set_points (diagram, link->id, points, g_rand_boolean (rand) ? 1 : 0);
  if (g_rand_boolean (rand))
    wm_diagram_set_property (diagram, link->id, "routing",
                             g_rand_boolean (rand) ? "orthogonal" : "straight", &error);
  g_assert_no_error (error);
}

static void
edit_randomly (WmProject *project,
               WmDiagram *diagram,
               GRand     *rand)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demand = g_strdup_printf ("%d", g_rand_int_range (rand, 0, 900));
  WmItem *item;

  switch (g_rand_int_range (rand, 0, 15))
    {
    case 0: case 1: case 2:
      move_some (diagram, rand);
      break;
    case 14:
      move_lowest (diagram, g_rand_int_range (rand, -1500, 101));
      break;
    case 3:
      set_figure (diagram, rand, "process", g_rand_boolean (rand) ? "cycle-time" : "complete-accurate");
      break;
    case 4:
      set_figure (diagram, rand, "inventory", g_rand_boolean (rand) ? "quantity" : "days");
      break;
    case 5:
      add_random_link (diagram, rand);
      break;
    case 6:
      add_random_node (diagram, rand);
      break;
    case 7:
      remove_random (diagram, rand);
      break;
    case 8:
      g_assert_true (wm_diagram_set_field (diagram, "daily-demand", demand, &error));
      break;
    case 9:
      if ((item = random_item (diagram, rand, g_rand_boolean (rand), NULL)) != NULL)
        wm_diagram_restack (diagram, item->id, g_rand_int_range (rand, 0, 50));
      break;
    case 10:
      if ((item = random_item (diagram, rand, TRUE, NULL)) != NULL)
        wm_diagram_set_text (diagram, item->id, demand);
      break;
    case 11:
      bend_random_link (diagram, rand);
      break;
    case 12:
      wm_project_undo (project);
      break;
    default:
      wm_project_redo (project);
      break;
    }
  g_assert_no_error (error);
}

static void
test_random_edits (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = build_map (project);
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);

  assert_same_as_fresh (project, diagram, TRUE);
  for (guint i = 0; i < N_EDITS; i++)
    {
      edit_randomly (project, diagram, rand);
      assert_same_as_fresh (project, diagram, i % 10 == 0);
    }
}

/* The timeline follows the lowest node down and back up, and a move alone
 * keeps every figure. */
static void
test_timeline_follows_lowest (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = build_map (project);
  g_autoptr(WmVsmMetrics) before = wm_vsm_compute (diagram);
  g_autoptr(WmVsmMetrics) after = NULL;
  WmItem *lowest = lowest_node (diagram);
  const char *ids[] = { lowest->id, NULL };
  WmRect start, lower, back;

  wm_render_get_extent (diagram, &start);
  wm_diagram_move_items (diagram, ids, 0, 500);
  wm_render_get_extent (diagram, &lower);
  g_assert_cmpfloat (lower.y + lower.height, >, start.y + start.height + 400);
  assert_same_as_fresh (project, diagram, TRUE);
  wm_diagram_move_items (diagram, ids, 0, -500);
  wm_render_get_extent (diagram, &back);
  g_assert_cmpfloat (back.height, ==, start.height);
  after = wm_vsm_compute (diagram);
  g_assert_cmpfloat (after->lead_time_days, ==, before->lead_time_days);
  g_assert_cmpuint (after->steps->len, ==, before->steps->len);
  /* Far up, it leaves the second lowest as the lowest. */
  wm_diagram_move_items (diagram, ids, 0, -2000);
  assert_same_as_fresh (project, diagram, TRUE);
}

/* All the lowest values the painter keeps go at once, far up: the next
 * lowest is found among those it did not keep. */
static void
test_lowest_all_move (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = build_map (project);

  assert_same_as_fresh (project, diagram, FALSE);
  move_lowest (diagram, -3000);
  assert_same_as_fresh (project, diagram, TRUE);
  move_lowest (diagram, 2000);
  assert_same_as_fresh (project, diagram, TRUE);
  g_assert_true (wm_project_undo (project));
  assert_same_as_fresh (project, diagram, TRUE);
}

/* A figure on the path changes the totals at once, and its undo brings them back. */
static void
test_figure_updates (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = build_map (project);
  g_autoptr(WmVsmMetrics) before = wm_vsm_compute (diagram);
  g_autoptr(WmVsmMetrics) changed = NULL;
  g_autoptr(WmVsmMetrics) undone = NULL;
  const WmVsmStep *step;
  g_autoptr(GError) error = NULL;
  guint i = 0;

  while (i < before->steps->len &&
         g_array_index (before->steps, WmVsmStep, i).kind != WM_VSM_STEP_PROCESS)
    i++;
  g_assert_cmpuint (i, <, before->steps->len);
  step = &g_array_index (before->steps, WmVsmStep, i);
  g_assert_true (wm_diagram_set_property (diagram, step->item_id, "cycle-time", "1000", &error));
  g_assert_no_error (error);
  changed = wm_vsm_compute (diagram);
  g_assert_cmpfloat_with_epsilon (changed->processing_time,
                                  before->processing_time - step->value + 1000, 1e-9);
  assert_same_as_fresh (project, diagram, TRUE);
  g_assert_true (wm_project_undo (project));
  undone = wm_vsm_compute (diagram);
  g_assert_cmpfloat (undone->processing_time, ==, before->processing_time);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/vsm/cache/random-edits", test_random_edits);
  g_test_add_func ("/vsm/cache/timeline-follows-lowest", test_timeline_follows_lowest);
  g_test_add_func ("/vsm/cache/lowest-all-move", test_lowest_all_move);
  g_test_add_func ("/vsm/cache/figure-updates", test_figure_updates);
  return g_test_run ();
}
