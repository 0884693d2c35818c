/* test-vsm.c — the lean metrics of value stream maps, worked by hand
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected number below is computed in the comment above it, the way a
 * lean practitioner would on paper, so a failure says which rule changed.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "wm-test-util.h"

#define EPSILON 1e-9

/* Building maps */

static WmDiagram *
new_map (WmProject  *project,
         const char *daily_demand,
         const char *available_seconds,
         const char *shifts)
{
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (project, "value-stream-map", "Line", &error);

  g_assert_no_error (error);
  if (daily_demand != NULL)
    g_assert_true (wm_diagram_set_field (diagram, "daily-demand", daily_demand, &error));
  if (available_seconds != NULL)
    g_assert_true (wm_diagram_set_field (diagram, "available-seconds", available_seconds, &error));
  if (shifts != NULL)
    g_assert_true (wm_diagram_set_field (diagram, "shifts", shifts, &error));
  g_assert_no_error (error);
  return diagram;
}

/* A node of @type named @text with property @name set to @value (none when NULL). */
static WmItem *
node (WmDiagram  *diagram,
      const char *type,
      const char *text,
      const char *name,
      const char *value)
{
  g_autoptr(GError) error = NULL;
  WmRect bounds = { 100 * wm_diagram_get_n_items (diagram), 400, 60, 50 };
  WmItem *item = wm_diagram_add_node (diagram, type, &bounds, text, &error);

  g_assert_no_error (error);
  if (name != NULL)
    g_assert_true (wm_diagram_set_property (diagram, item->id, name, value, &error));
  g_assert_no_error (error);
  return item;
}

static WmItem *
process (WmDiagram  *diagram,
         const char *text,
         const char *cycle_time)
{
  return node (diagram, "process", text, cycle_time ? "cycle-time" : NULL, cycle_time);
}

static WmItem *
inventory (WmDiagram  *diagram,
           const char *text,
           const char *quantity)
{
  return node (diagram, "inventory", text, "quantity", quantity);
}

/* Links each item to the next with @type. */
static void
flow (WmDiagram  *diagram,
      const char *type,
      WmItem     *first,
      ...)
{
  va_list args;
  WmItem *from = first;

  va_start (args, first);
  for (WmItem *to = va_arg (args, WmItem *); to != NULL; to = va_arg (args, WmItem *))
    {
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (wm_diagram_add_link (diagram, type, from->id, to->id, &error));
      g_assert_no_error (error);
      from = to;
    }
  va_end (args);
}

/* Checking results */

static void
assert_step (WmVsmMetrics  *metrics,
             guint          index,
             WmVsmStepKind  kind,
             const WmItem  *item,
             double         value)
{
  WmVsmStep *step;

  g_assert_cmpuint (index, <, metrics->steps->len);
  step = &g_array_index (metrics->steps, WmVsmStep, index);
  g_assert_cmpint (step->kind, ==, kind);
  g_assert_cmpstr (step->item_id, ==, item ? item->id : NULL);
  g_assert_cmpfloat_with_epsilon (step->value, value, EPSILON);
}

/* The problems of @diagram whose message contains @text. */
static GPtrArray *
problems_about (WmDiagram  *diagram,
                const char *text)
{
  g_autoptr(GPtrArray) all = wm_diagram_check (diagram);
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_problem_free);

  for (guint i = 0; i < all->len; i++)
    {
      WmProblem *problem = g_ptr_array_index (all, i);

      if (strstr (problem->message, text) != NULL)
        g_ptr_array_add (found, g_ptr_array_steal_index (all, i--));
    }
  return found;
}

static void
assert_problem_is_about (GPtrArray    *problems,
                         guint         index,
                         const WmItem *item)
{
  WmProblem *problem = g_ptr_array_index (problems, index);

  g_assert_cmpint (problem->severity, ==, WM_SEVERITY_WARNING);
  g_assert_cmpuint (g_strv_length (problem->item_ids), ==, 1);
  g_assert_cmpstr (problem->item_ids[0], ==, item->id);
}

/* Metrics */

static void
test_single_line (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *map = new_map (project, "460", "27600", "1");
  WmItem *supplier = node (map, "supplier", "Mill", NULL, NULL);
  WmItem *a = inventory (map, "A", "920");
  WmItem *p1 = process (map, "Cut", "30");
  WmItem *b = inventory (map, "B", "230");
  WmItem *p2 = process (map, "Weld", "45");
  WmItem *c = inventory (map, "C", "1150");
  WmItem *customer = node (map, "customer", "Dealer", NULL, NULL);
  g_autoptr(WmVsmMetrics) metrics = NULL;

  wm_test_set_property (map, p1, "complete-accurate", "90");
  wm_test_set_property (map, p2, "complete-accurate", "80");
  flow (map, "shipment-flow", supplier, a, NULL);
  flow (map, "push", a, p1, b, p2, c, customer, NULL);
  metrics = wm_vsm_compute (map);

  /* Available per day = 27600 s x 1 shift = 27600 s; takt = 27600 / 460 = 60 s. */
  g_assert_cmpfloat_with_epsilon (metrics->available_per_day, 27600, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->daily_demand, 460, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->takt_time, 60, EPSILON);
  /* A = 920 / 460 = 2 days, B = 230 / 460 = 0.5, C = 1150 / 460 = 2.5;
   * the ladder is A 2 d, Cut 30 s, B 0.5 d, Weld 45 s, C 2.5 d. */
  g_assert_cmpuint (metrics->steps->len, ==, 5);
  assert_step (metrics, 0, WM_VSM_STEP_WAIT, a, 2);
  assert_step (metrics, 1, WM_VSM_STEP_PROCESS, p1, 30);
  assert_step (metrics, 2, WM_VSM_STEP_WAIT, b, 0.5);
  assert_step (metrics, 3, WM_VSM_STEP_PROCESS, p2, 45);
  assert_step (metrics, 4, WM_VSM_STEP_WAIT, c, 2.5);
  /* Lead time = 2 + 0.5 + 2.5 = 5 days; processing time = 30 + 45 = 75 s. */
  g_assert_cmpfloat_with_epsilon (metrics->lead_time_days, 5, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->processing_time, 75, EPSILON);
  /* Efficiency = 75 s / (5 days x 27600 s) = 75 / 138000 = 0.000543478… (0.054 %). */
  g_assert_cmpfloat_with_epsilon (metrics->efficiency, 75.0 / 138000, EPSILON);
  /* Rolled C&A = 0.90 x 0.80 = 0.72. */
  g_assert_cmpfloat_with_epsilon (metrics->rolled_ca, 0.72, EPSILON);
  /* Stock: 920 + 230 + 1150 = 2300 pcs, 2300 / 460 = 5 days. */
  g_assert_cmpfloat_with_epsilon (metrics->inventory_quantity, 2300, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->inventory_days, 5, EPSILON);
}

static void
test_parallel_longer_wait_counts (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *map = new_map (project, "100", "28800", "2");
  WmItem *supplier = node (map, "supplier", "Mill", NULL, NULL);
  WmItem *a = inventory (map, "A", "100");
  WmItem *p1 = process (map, "Cut", "100");
  WmItem *b = inventory (map, "B", "300");
  WmItem *c = inventory (map, "C", "50");
  WmItem *p2 = process (map, "Drill", "300");
  WmItem *d = inventory (map, "D", "150");
  WmItem *p3 = process (map, "Paint", "250");
  WmItem *p4 = process (map, "Assemble", "200");
  WmItem *e = inventory (map, "E", "200");
  WmItem *customer = node (map, "customer", "Dealer", NULL, NULL);
  g_autoptr(WmVsmMetrics) metrics = NULL;

  flow (map, "push", supplier, a, p1, NULL);
  /* Drawn in this order, the walk offers Assemble the lower branch first, so
   * keeping the first path found would get this wrong. */
  flow (map, "push", p1, b, p4, e, customer, NULL);
  flow (map, "push", p1, c, p2, d, p3, p4, NULL);
  metrics = wm_vsm_compute (map);

  /* Available = 28800 s x 2 shifts = 57600 s; takt = 57600 / 100 = 576 s.
   * Days: A 1, B 3, C 0.5, D 1.5, E 2.
   * Upper path A, Cut, B, Assemble, E: 1 + 3 + 2 = 6 days, 100 + 200 = 300 s.
   * Lower path A, Cut, C, Drill, D, Paint, Assemble, E: 1 + 0.5 + 1.5 + 2 = 5 days,
   * 100 + 300 + 250 + 200 = 850 s. The upper one waits longer, so it counts
   * even though it has less processing. */
  g_assert_cmpfloat_with_epsilon (metrics->takt_time, 576, EPSILON);
  g_assert_cmpuint (metrics->steps->len, ==, 5);
  assert_step (metrics, 0, WM_VSM_STEP_WAIT, a, 1);
  assert_step (metrics, 1, WM_VSM_STEP_PROCESS, p1, 100);
  assert_step (metrics, 2, WM_VSM_STEP_WAIT, b, 3);
  assert_step (metrics, 3, WM_VSM_STEP_PROCESS, p4, 200);
  assert_step (metrics, 4, WM_VSM_STEP_WAIT, e, 2);
  g_assert_cmpfloat_with_epsilon (metrics->lead_time_days, 6, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->processing_time, 300, EPSILON);
  /* Efficiency = 300 / (6 x 57600) = 300 / 345600 = 0.000868… */
  g_assert_cmpfloat_with_epsilon (metrics->efficiency, 300.0 / 345600, EPSILON);
  /* Stock counts every inventory, on the path or not: 800 pcs, 8 days. */
  g_assert_cmpfloat_with_epsilon (metrics->inventory_quantity, 800, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->inventory_days, 8, EPSILON);
}

static void
test_parallel_tie_more_processing_counts (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *map = new_map (project, "100", NULL, NULL);
  WmItem *supplier = node (map, "supplier", "Mill", NULL, NULL);
  WmItem *a = inventory (map, "A", "100");
  WmItem *p1 = process (map, "Cut", "10");
  WmItem *b = inventory (map, "B", "100");
  WmItem *c = inventory (map, "C", "100");
  WmItem *p2 = process (map, "Drill", "20");
  WmItem *p3 = process (map, "Pack", "30");
  WmItem *customer = node (map, "customer", "Dealer", NULL, NULL);
  g_autoptr(WmVsmMetrics) metrics = NULL;

  flow (map, "push", supplier, a, p1, NULL);
  /* Drawn in this order, the walk offers Pack the path through B first. */
  flow (map, "push", p1, c, p2, p3, customer, NULL);
  flow (map, "push", p1, b, p3, NULL);
  metrics = wm_vsm_compute (map);

  /* Both paths wait A 1 + (B or C) 1 = 2 days. Through B: 10 + 30 = 40 s;
   * through C: 10 + 20 + 30 = 60 s, so C's path wins the tie. Drill hands
   * straight to Pack, so the ladder gets a zero-day upper step between them. */
  g_assert_cmpuint (metrics->steps->len, ==, 6);
  assert_step (metrics, 0, WM_VSM_STEP_WAIT, a, 1);
  assert_step (metrics, 1, WM_VSM_STEP_PROCESS, p1, 10);
  assert_step (metrics, 2, WM_VSM_STEP_WAIT, c, 1);
  assert_step (metrics, 3, WM_VSM_STEP_PROCESS, p2, 20);
  assert_step (metrics, 4, WM_VSM_STEP_WAIT, NULL, 0);
  assert_step (metrics, 5, WM_VSM_STEP_PROCESS, p3, 30);
  g_assert_cmpfloat_with_epsilon (metrics->lead_time_days, 2, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->processing_time, 60, EPSILON);
}

static void
test_days_override (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *map = new_map (project, "460", NULL, NULL);
  WmItem *supplier = node (map, "supplier", "Mill", NULL, NULL);
  WmItem *stock = inventory (map, "Steel", "460");
  WmItem *cut = process (map, "Cut", "10");
  WmItem *customer = node (map, "customer", "Dealer", NULL, NULL);
  WmItem *buffer = node (map, "buffer", "Safety", "quantity", "230");
  WmItem *market = node (map, "supermarket", "Market", NULL, NULL);
  WmItem *lane = node (map, "fifo-lane", "Lane", "max", "115");
  g_autoptr(WmVsmMetrics) metrics = NULL;
  g_autoptr(WmVsmMetrics) overridden = NULL;

  flow (map, "push", supplier, stock, cut, customer, NULL);
  /* 460 pcs / 460 a day = 1 day until the override is set. */
  g_assert_cmpfloat_with_epsilon (wm_vsm_inventory_days (map, stock), 1, EPSILON);
  metrics = wm_vsm_compute (map);
  g_assert_cmpfloat_with_epsilon (metrics->lead_time_days, 1, EPSILON);

  /* The override wins, on its own and on the timeline: 3 days. */
  wm_test_set_property (map, stock, "days", "3");
  g_assert_cmpfloat_with_epsilon (wm_vsm_inventory_days (map, stock), 3, EPSILON);
  overridden = wm_vsm_compute (map);
  g_assert_cmpfloat_with_epsilon (overridden->lead_time_days, 3, EPSILON);
  assert_step (overridden, 0, WM_VSM_STEP_WAIT, stock, 3);
  /* Set explicitly to 0 it still overrides; reset, the quantity counts again. */
  wm_test_set_property (map, stock, "days", "0");
  g_assert_cmpfloat_with_epsilon (wm_vsm_inventory_days (map, stock), 0, EPSILON);
  wm_test_set_property (map, stock, "days", NULL);
  g_assert_cmpfloat_with_epsilon (wm_vsm_inventory_days (map, stock), 1, EPSILON);

  /* Buffer 230 / 460 = 0.5; FIFO lane max 115 / 460 = 0.25; a supermarket
   * without a capacity 0, with 920 it is 920 / 460 = 2; a process holds none. */
  g_assert_cmpfloat_with_epsilon (wm_vsm_inventory_days (map, buffer), 0.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (wm_vsm_inventory_days (map, lane), 0.25, EPSILON);
  g_assert_cmpfloat_with_epsilon (wm_vsm_inventory_days (map, market), 0, EPSILON);
  wm_test_set_property (map, market, "capacity", "920");
  g_assert_cmpfloat_with_epsilon (wm_vsm_inventory_days (map, market), 2, EPSILON);
  g_assert_cmpfloat_with_epsilon (wm_vsm_inventory_days (map, cut), 0, EPSILON);
}

static void
test_days_without_demand (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *map = new_map (project, NULL, NULL, NULL);
  WmItem *counted = inventory (map, "Counted", "460");
  WmItem *aged = inventory (map, "Aged", "460");

  /* No demand: a count cannot be turned into days, an override still can. */
  wm_test_set_property (map, aged, "days", "3");
  g_assert_cmpfloat_with_epsilon (wm_vsm_inventory_days (map, counted), 0, EPSILON);
  g_assert_cmpfloat_with_epsilon (wm_vsm_inventory_days (map, aged), 3, EPSILON);
}

static void
test_takt_and_efficiency (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *map = new_map (project, "480", "27000", "2");
  WmDiagram *unset = new_map (project, NULL, "27000", "2");
  WmDiagram *maps[] = { map, unset };
  g_autoptr(WmVsmMetrics) metrics = NULL;
  g_autoptr(WmVsmMetrics) unknown = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (maps); i++)
    flow (maps[i], "push", node (maps[i], "supplier", "Mill", NULL, NULL),
          inventory (maps[i], "Coil", "960"), process (maps[i], "Press", "90"),
          inventory (maps[i], "Pressed", "240"), node (maps[i], "customer", "Plant", NULL, NULL),
          NULL);
  metrics = wm_vsm_compute (map);
  unknown = wm_vsm_compute (unset);

  /* Available = 27000 s x 2 shifts = 54000 s a day; takt = 54000 / 480 = 112.5 s. */
  g_assert_cmpfloat_with_epsilon (metrics->available_per_day, 54000, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->takt_time, 112.5, EPSILON);
  /* Lead time = 960 / 480 + 240 / 480 = 2 + 0.5 = 2.5 days = 2.5 x 54000 = 135000 s
   * of available time; efficiency = 90 / 135000 = 0.000667 (0.067 %). */
  g_assert_cmpfloat_with_epsilon (metrics->lead_time_days, 2.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->processing_time, 90, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->efficiency, 90.0 / 135000, EPSILON);

  /* Without a demand there is no takt, no days and so no efficiency. */
  g_assert_cmpfloat_with_epsilon (unknown->daily_demand, 0, EPSILON);
  g_assert_cmpfloat_with_epsilon (unknown->takt_time, 0, EPSILON);
  g_assert_cmpfloat_with_epsilon (unknown->lead_time_days, 0, EPSILON);
  g_assert_cmpfloat_with_epsilon (unknown->processing_time, 90, EPSILON);
  g_assert_cmpfloat_with_epsilon (unknown->efficiency, 0, EPSILON);
}

static void
test_rolled_complete_accurate (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *map = new_map (project, "100", NULL, NULL);
  WmItem *supplier = node (map, "supplier", "Mill", NULL, NULL);
  WmItem *p1 = process (map, "Order entry", "10");
  WmItem *p2 = process (map, "Credit check", "20");
  WmItem *p3 = process (map, "Scheduling", "30");
  WmItem *customer = node (map, "customer", "Dealer", NULL, NULL);
  g_autoptr(WmVsmMetrics) metrics = NULL;

  wm_test_set_property (map, p1, "complete-accurate", "95");
  wm_test_set_property (map, p2, "complete-accurate", "90");
  flow (map, "push", supplier, p1, p2, p3, customer, NULL);
  metrics = wm_vsm_compute (map);

  /* 0.95 x 0.90 x 1.00 (Scheduling keeps the default 100 %) = 0.855. */
  g_assert_cmpfloat_with_epsilon (metrics->rolled_ca, 0.855, EPSILON);
  /* Three processes in a row: zero-day steps between them, no lead time, and
   * so no efficiency to report. */
  g_assert_cmpuint (metrics->steps->len, ==, 5);
  assert_step (metrics, 0, WM_VSM_STEP_PROCESS, p1, 10);
  assert_step (metrics, 1, WM_VSM_STEP_WAIT, NULL, 0);
  assert_step (metrics, 2, WM_VSM_STEP_PROCESS, p2, 20);
  assert_step (metrics, 3, WM_VSM_STEP_WAIT, NULL, 0);
  assert_step (metrics, 4, WM_VSM_STEP_PROCESS, p3, 30);
  g_assert_cmpfloat_with_epsilon (metrics->processing_time, 60, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->lead_time_days, 0, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->efficiency, 0, EPSILON);
}

static void
test_rework_cycle (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *map = new_map (project, "100", NULL, NULL);
  WmItem *supplier = node (map, "supplier", "Mill", NULL, NULL);
  WmItem *a = inventory (map, "A", "200");
  WmItem *p1 = process (map, "Machine", "10");
  WmItem *b = inventory (map, "B", "100");
  WmItem *p2 = process (map, "Inspect", "20");
  WmItem *rework = inventory (map, "Rework", "300");
  WmItem *customer = node (map, "customer", "Dealer", NULL, NULL);
  g_autoptr(WmVsmMetrics) metrics = NULL;
  g_autoptr(GPtrArray) unreached = NULL;

  flow (map, "push", supplier, a, p1, b, p2, NULL);
  /* Rejects go back to machining, and inspection reworks its own parts too. */
  flow (map, "push", p2, rework, p1, NULL);
  flow (map, "push", p2, p2, NULL);
  flow (map, "push", p2, customer, NULL);
  metrics = wm_vsm_compute (map);

  /* The walk from the supplier reaches Machine before Rework, so Rework →
   * Machine and Inspect → Inspect close cycles and are ignored. The path to
   * the customer is A 200 / 100 = 2 days, Machine 10 s, B 1 day, Inspect 20 s:
   * 3 days and 30 s. (Rework's dead end waits 2 + 1 + 3 = 6 days but does not
   * reach the customer, so it is not the timeline.) */
  g_assert_cmpuint (metrics->steps->len, ==, 4);
  assert_step (metrics, 0, WM_VSM_STEP_WAIT, a, 2);
  assert_step (metrics, 1, WM_VSM_STEP_PROCESS, p1, 10);
  assert_step (metrics, 2, WM_VSM_STEP_WAIT, b, 1);
  assert_step (metrics, 3, WM_VSM_STEP_PROCESS, p2, 20);
  g_assert_cmpfloat_with_epsilon (metrics->lead_time_days, 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->processing_time, 30, EPSILON);
  /* Rework does reach the customer, through Machine, so nothing is reported. */
  unreached = problems_about (map, "does not reach a customer");
  g_assert_cmpuint (unreached->len, ==, 0);
}

static void
test_closed_loop_without_ends (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *map = new_map (project, "100", NULL, NULL);
  WmItem *p5 = process (map, "Wash", "5");
  WmItem *i5 = inventory (map, "Clean totes", "100");
  WmItem *p6 = process (map, "Fill", "6");
  WmItem *i6 = inventory (map, "Empty totes", "200");
  g_autoptr(WmVsmMetrics) metrics = NULL;

  /* A returnable-tote loop: everything has an input, so nothing starts the
   * flow; the first item in z-order, Wash, does, and Empty → Wash is ignored.
   * Wash 5 s, Clean 1 day, Fill 6 s, Empty 2 days: 3 days and 11 s. */
  flow (map, "push", p5, i5, p6, i6, p5, NULL);
  metrics = wm_vsm_compute (map);
  g_assert_cmpuint (metrics->steps->len, ==, 4);
  assert_step (metrics, 0, WM_VSM_STEP_PROCESS, p5, 5);
  assert_step (metrics, 1, WM_VSM_STEP_WAIT, i5, 1);
  assert_step (metrics, 2, WM_VSM_STEP_PROCESS, p6, 6);
  assert_step (metrics, 3, WM_VSM_STEP_WAIT, i6, 2);
  g_assert_cmpfloat_with_epsilon (metrics->lead_time_days, 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->processing_time, 11, EPSILON);
}

static void
test_no_supplier_or_customer (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *map = new_map (project, "100", NULL, NULL);
  WmItem *a = inventory (map, "A", "100");
  WmItem *p1 = process (map, "Cut", "30");
  WmItem *b = inventory (map, "B", "200");
  WmItem *p2 = process (map, "Weld", "40");
  g_autoptr(WmVsmMetrics) metrics = NULL;
  g_autoptr(GPtrArray) unreached = NULL;

  /* A process drawn on its own, linked to nothing. */
  process (map, "Prototype shop", "500");
  flow (map, "push", a, p1, b, p2, NULL);
  metrics = wm_vsm_compute (map);

  /* The flow starts at A, which nothing feeds. Two ends: Weld after
   * 1 + 2 = 3 days and 70 s, and the unconnected Prototype shop after 0 days
   * and 500 s. Waiting counts first, so the line wins. */
  g_assert_cmpuint (metrics->steps->len, ==, 4);
  assert_step (metrics, 0, WM_VSM_STEP_WAIT, a, 1);
  assert_step (metrics, 1, WM_VSM_STEP_PROCESS, p1, 30);
  assert_step (metrics, 2, WM_VSM_STEP_WAIT, b, 2);
  assert_step (metrics, 3, WM_VSM_STEP_PROCESS, p2, 40);
  g_assert_cmpfloat_with_epsilon (metrics->lead_time_days, 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->processing_time, 70, EPSILON);
  /* With no customer on the map, nothing can miss one. */
  unreached = problems_about (map, "does not reach a customer");
  g_assert_cmpuint (unreached->len, ==, 0);
}

static void
test_empty_and_other_notations (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GError) error = NULL;
  WmDiagram *map = new_map (project, "460", NULL, NULL);
  WmDiagram *canvas = wm_project_add_diagram (project, "business-model-canvas", "Canvas", &error);
  g_autoptr(WmVsmMetrics) metrics = wm_vsm_compute (map);

  g_assert_no_error (error);
  g_assert_null (wm_vsm_compute (canvas));
  /* The default 27600 s a shift, one shift, over 460 a day: takt 60 s. */
  g_assert_cmpfloat_with_epsilon (metrics->takt_time, 60, EPSILON);
  g_assert_cmpuint (metrics->steps->len, ==, 0);
  g_assert_cmpfloat_with_epsilon (metrics->lead_time_days, 0, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->rolled_ca, 1, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->efficiency, 0, EPSILON);
}

static void
test_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "bean-box.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = wm_project_load (file, NULL, &error);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(WmVsmMetrics) metrics = NULL;
  WmDiagram *map = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    if (g_str_equal (wm_diagram_get_notation (wm_project_get_diagram (project, i))->id,
                     "value-stream-map") &&
        g_strcmp0 (wm_diagram_get_choice (wm_project_get_diagram (project, i), "state"),
                   "current") == 0)
      map = wm_project_get_diagram (project, i);
  g_assert_nonnull (map);
  metrics = wm_vsm_compute (map);

  /* Bean Box: 27600 s / 460 bags = 60 s takt. The path is green coffee 1840,
   * sorting 18 s, weighed batches (FIFO max) 400, roasting 27 s, resting 920,
   * packing 35 s, then packed 310 rather than the house-blend supermarket 240,
   * then labelling 42 s: (1840 + 400 + 920 + 310) / 460 = 3470 / 460 = 7.54 days
   * and 18 + 27 + 35 + 42 = 122 s. Efficiency = 122 / (3470 / 460 x 27600)
   * = 122 / 208200 = 0.0586 %. Rolled C&A = .97 x .95 x .98 x .93 = 0.8398551.
   * Stock: 3470 + 240 = 3710 pcs, 3710 / 460 = 8.07 days. */
  g_assert_cmpfloat_with_epsilon (metrics->takt_time, 60, EPSILON);
  g_assert_cmpuint (metrics->steps->len, ==, 8);
  g_assert_cmpfloat_with_epsilon (metrics->lead_time_days, 3470.0 / 460, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->processing_time, 122, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->efficiency, 122.0 / 208200, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->rolled_ca, 0.8398551, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->inventory_quantity, 3710, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->inventory_days, 3710.0 / 460, EPSILON);
  /* The future state: green coffee 920, weighed batches 120, resting 460
   * (1 day, more than the 120 of the house-blend supermarket beside it):
   * 1500 / 460 = 3.26 days; 18 + 27 + 48 = 93 s; stock 920 + 120 + 460 + 120
   * = 1620 pcs. Lead time (1500 − 3470) / 3470 = −56.8 %, processing
   * (93 − 122) / 122 = −23.8 %, inventory (1620 − 3710) / 3710 = −56.3 %;
   * efficiency 93 / (1500 / 460 × 27600) = 93 / 90000 against 122 / 208200,
   * × 1.763, +76.3 %. */
  {
    g_autoptr(WmVsmComparison) comparison = wm_vsm_compare (project, NULL);

    g_assert_nonnull (comparison);
    g_assert_true (comparison->current == map);
    g_assert_cmpstr (wm_diagram_get_choice (comparison->future, "state"), ==, "future");
    g_assert_cmpfloat_with_epsilon (comparison->after[WM_VSM_FIGURE_LEAD_TIME], 1500.0 / 460,
                                    EPSILON);
    g_assert_cmpfloat_with_epsilon (comparison->change[WM_VSM_FIGURE_LEAD_TIME],
                                    (1500.0 - 3470) / 3470 * 100, 1e-6);
    g_assert_cmpfloat_with_epsilon (comparison->change[WM_VSM_FIGURE_PROCESSING_TIME],
                                    (93.0 - 122) / 122 * 100, 1e-6);
    g_assert_cmpfloat_with_epsilon (comparison->change[WM_VSM_FIGURE_INVENTORY_QUANTITY],
                                    (1620.0 - 3710) / 3710 * 100, 1e-6);
    g_assert_cmpfloat_with_epsilon (comparison->change[WM_VSM_FIGURE_EFFICIENCY],
                                    (93.0 / 90000) / (122.0 / 208200) * 100 - 100, 1e-6);
    for (guint f = 0; f < WM_VSM_N_FIGURES; f++)
      g_assert_cmpint (comparison->verdict[f], ==, 1);
  }
  /* None of the new checks fires on the sample. */
  problems = wm_project_check (project);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Checks */

static void
test_check_slower_than_takt (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *map = new_map (project, "460", "27600", "1");
  WmItem *supplier = node (map, "supplier", "Mill", NULL, NULL);
  WmItem *slow = process (map, "Slow", "61");
  WmItem *exact = process (map, "Exact", "60");
  WmItem *unmeasured = process (map, "Unmeasured", NULL);
  WmItem *customer = node (map, "customer", "Dealer", NULL, NULL);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) slower = NULL;
  g_autoptr(GPtrArray) missing = NULL;

  flow (map, "push", supplier, slow, exact, unmeasured, customer, NULL);
  /* Takt is 27600 / 460 = 60 s: 61 s is slower, 60 s keeps pace, and a
   * process without a cycle time gets only the "no cycle time" warning. */
  all = wm_diagram_check (map);
  slower = problems_about (map, "slower than takt");
  missing = problems_about (map, "has no cycle time");
  g_assert_cmpuint (slower->len, ==, 1);
  assert_problem_is_about (slower, 0, slow);
  g_assert_nonnull (strstr (((WmProblem *) g_ptr_array_index (slower, 0))->message, "61 s"));
  g_assert_cmpuint (missing->len, ==, 1);
  assert_problem_is_about (missing, 0, unmeasured);
  g_assert_cmpuint (all->len, ==, 2);
}

static void
test_check_takt_needs_demand (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *map = new_map (project, NULL, NULL, NULL);
  g_autoptr(GPtrArray) slower = NULL;

  /* Without a demand there is no takt to be slower than. */
  flow (map, "push", node (map, "supplier", "Mill", NULL, NULL), process (map, "Slow", "6100"),
        node (map, "customer", "Dealer", NULL, NULL), NULL);
  slower = problems_about (map, "slower than takt");
  g_assert_cmpuint (slower->len, ==, 0);
}

static void
test_check_flow_misses_customer (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *map = new_map (project, "100", NULL, NULL);
  WmItem *supplier = node (map, "supplier", "Mill", NULL, NULL);
  WmItem *a = inventory (map, "A", "100");
  WmItem *p1 = process (map, "Cut", "10");
  WmItem *customer = node (map, "customer", "Dealer", NULL, NULL);
  WmItem *p2 = process (map, "Polish", "10");
  WmItem *scrap = inventory (map, "Scrap", "5");
  g_autoptr(GPtrArray) unreached = NULL;

  node (map, "note", "Measured in week 46", NULL, NULL);
  flow (map, "push", supplier, a, p1, customer, NULL);
  /* Polish feeds a pile that goes nowhere: both are reported, the main line
   * and the note (not material) are not. */
  flow (map, "push", p2, scrap, NULL);
  unreached = problems_about (map, "does not reach a customer");
  g_assert_cmpuint (unreached->len, ==, 2);
  assert_problem_is_about (unreached, 0, p2);
  assert_problem_is_about (unreached, 1, scrap);
}

static void
test_check_flow_reaches_customer (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *map = new_map (project, "100", NULL, NULL);
  WmItem *supplier = node (map, "supplier", "Mill", NULL, NULL);
  WmItem *p1 = process (map, "Cut", "10");
  WmItem *truck = node (map, "shipment", "Truck", NULL, NULL);
  WmItem *customer = node (map, "customer", "Dealer", NULL, NULL);
  g_autoptr(GPtrArray) all = NULL;

  /* Through a shipment the flow still ends at the customer: no problem at all. */
  flow (map, "shipment-flow", supplier, p1, truck, customer, NULL);
  all = wm_diagram_check (map);
  g_assert_cmpuint (all->len, ==, 0);
}

static void
test_long_line_does_not_recurse (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *map = new_map (project, "1", NULL, NULL);
  WmItem *previous = node (map, "supplier", "Mill", NULL, NULL);
  g_autoptr(WmVsmMetrics) metrics = NULL;
  guint n = 20000;

  /* 20 000 processes in a row, each holding one piece before it (1 day):
   * 20 000 days of lead time and 20 000 s of processing. */
  for (guint i = 0; i < n; i++)
    {
      WmItem *stock = inventory (map, "", "1");
      WmItem *step = process (map, "", "1");

      flow (map, "push", previous, stock, step, NULL);
      previous = step;
    }
  metrics = wm_vsm_compute (map);
  g_assert_cmpfloat_with_epsilon (metrics->lead_time_days, n, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->processing_time, n, EPSILON);
  g_assert_cmpuint (metrics->steps->len, ==, 2 * n);
}

/* Figures */

static void
assert_format (WmFigureKind  kind,
               double        value,
               const char   *expected)
{
  g_autofree char *text = wm_figure_format_as (kind, value);

  g_assert_cmpstr (text, ==, expected);
}

/* In the C locale. Whole numbers go without decimals, others with one, and
 * small values with two significant digits (trailing zeros dropped) so that
 * they do not read as zero and read apart from each other. */
static void
test_figure_format (void)
{
  WmFigure figure = { WM_FIGURE_DAYS, 3470.0 / 460 };
  g_autofree char *lead = wm_figure_format (&figure);

  g_assert_cmpstr (lead, ==, "7.5 days");
  assert_format (WM_FIGURE_DAYS, 1, "1 day");
  assert_format (WM_FIGURE_DAYS, 2, "2 days");
  assert_format (WM_FIGURE_DAYS, 0, "0 days");
  assert_format (WM_FIGURE_DAYS, 0.5, "0.5 days");
  assert_format (WM_FIGURE_DAYS, 0.05, "0.05 days");
  assert_format (WM_FIGURE_DAYS, 0.0123, "0.012 days");
  assert_format (WM_FIGURE_SECONDS, 60, "60 s");
  assert_format (WM_FIGURE_SECONDS, 112.5, "112.5 s");
  assert_format (WM_FIGURE_SECONDS, 20000, "20000 s");
  assert_format (WM_FIGURE_DURATION, 90, "90 s");
  assert_format (WM_FIGURE_DURATION, 900, "15 min");
  assert_format (WM_FIGURE_DURATION, 9000, "2.5 h");
  assert_format (WM_FIGURE_DURATION, 3 * 86400, "3 days");
  assert_format (WM_FIGURE_PERCENT, 84, "84 %");
  assert_format (WM_FIGURE_PERCENT, 83.98551, "84 %");
  assert_format (WM_FIGURE_PERCENT, 83.9, "83.9 %");
  assert_format (WM_FIGURE_PERCENT, 72.5, "72.5 %");
  assert_format (WM_FIGURE_PERCENT, 100, "100 %");
  assert_format (WM_FIGURE_PERCENT, 0, "0 %");
  /* Process cycle efficiency is often a small fraction of a per cent. */
  assert_format (WM_FIGURE_PERCENT, 122.0 / 208200 * 100, "0.059 %");
  assert_format (WM_FIGURE_PERCENT, 0.014, "0.014 %");
  assert_format (WM_FIGURE_PERCENT, 0.009, "0.009 %");
  assert_format (WM_FIGURE_PERCENT, 0.0094, "0.0094 %");
  assert_format (WM_FIGURE_PERCENT, 0.106, "0.11 %");
  assert_format (WM_FIGURE_PERCENT, 0.5, "0.5 %");
  assert_format (WM_FIGURE_PERCENT, 0.999, "1 %");
  assert_format (WM_FIGURE_PERCENT, 0.00999, "0.01 %");
  assert_format (WM_FIGURE_CHANGE, -56.77, "−56.8 %");
  assert_format (WM_FIGURE_CHANGE, 76.3, "+76.3 %");
  assert_format (WM_FIGURE_PIECES, 3710, "3710 pcs");
  assert_format (WM_FIGURE_COUNT, 3, "3");
  assert_format (WM_FIGURE_NUMBER, 1.75, "1.8");
  assert_format (WM_FIGURE_DAYS, NAN, "—");
  assert_format (WM_FIGURE_NONE, 12, "");
}

/* The decimal separator is the user's. */
static void
test_figure_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL && setlocale (LC_NUMERIC, "de_DE.utf8") == NULL)
    {
      g_test_skip ("no German locale");
      return;
    }
  assert_format (WM_FIGURE_DAYS, 7.54, "7,5 days");
  assert_format (WM_FIGURE_PERCENT, 0.014, "0,014 %");
  setlocale (LC_NUMERIC, saved);
}

static const WmMetric *
find_metric (GArray     *metrics,
             const char *id)
{
  const WmMetric *metric = wm_metrics_find (metrics, id);

  g_assert_nonnull (metric);
  return metric;
}

static void
assert_metric (GArray     *metrics,
               const char *id,
               const char *expected)
{
  g_autofree char *text = wm_figure_format (&find_metric (metrics, id)->figure);

  g_assert_cmpstr (text, ==, expected);
}

/* The notation's metrics hook gives the figures of the sample, typed. */
static void
test_metrics_hook (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(GArray) metrics = NULL;
  g_autoptr(GError) error = NULL;
  WmDiagram *map = NULL;
  WmDiagram *canvas;
  guint n_stocks = 0;

  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    if (g_strcmp0 (wm_diagram_get_choice (wm_project_get_diagram (project, i), "state"),
                   "current") == 0)
      map = wm_project_get_diagram (project, i);
  g_assert_nonnull (wm_diagram_get_notation (map)->metrics);
  metrics = wm_notation_compute_metrics (map);
  assert_metric (metrics, "takt", "60 s");
  assert_metric (metrics, "lead-time", "7.5 days");
  assert_metric (metrics, "processing-time", "122 s");
  assert_metric (metrics, "efficiency", "0.059 %");
  assert_metric (metrics, "rolled-ca", "84 %");
  assert_metric (metrics, "inventory", "3710 pcs");
  assert_metric (metrics, "inventory-days", "8.1 days");
  g_assert_cmpstr (find_metric (metrics, "lead-time")->label, ==, "Production lead time");
  /* Then every stock of the map, its days and its pieces. */
  for (guint i = 0; i < metrics->len; i++)
    {
      const WmMetric *metric = &g_array_index (metrics, WmMetric, i);

      if (metric->item_id == NULL)
        continue;
      g_assert_cmpstr (metric->id, ==, "stock");
      g_assert_cmpint (metric->figure.kind, ==, WM_FIGURE_DAYS);
      g_assert_cmpint (metric->detail.kind, ==, WM_FIGURE_PIECES);
      g_assert_nonnull (wm_diagram_lookup (map, metric->item_id));
      n_stocks++;
    }
  g_assert_cmpuint (n_stocks, >=, 5);

  canvas = wm_project_add_diagram (project, "business-model-canvas", "Canvas", &error);
  g_assert_no_error (error);
  g_assert_null (wm_notation_compute_metrics (canvas));
}

/* Unknown figures say why. */
static void
test_metrics_unknown (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *map = new_map (project, NULL, NULL, NULL);
  g_autoptr(GArray) metrics = NULL;
  const WmMetric *takt, *efficiency;

  flow (map, "push", node (map, "supplier", "Mill", NULL, NULL), process (map, "Press", "90"),
        node (map, "customer", "Plant", NULL, NULL), NULL);
  metrics = wm_notation_compute_metrics (map);
  takt = find_metric (metrics, "takt");
  efficiency = find_metric (metrics, "efficiency");
  g_assert_true (isnan (takt->figure.value));
  g_assert_nonnull (takt->unknown);
  g_assert_true (isnan (efficiency->figure.value));
  g_assert_nonnull (efficiency->unknown);
  assert_metric (metrics, "processing-time", "90 s");
}

/* An inventory given both pieces and days that do not match the demand:
 * the days win in the totals and the check says so, naming the inventory. */
static void
test_check_days_disagree (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *map = new_map (project, "460", NULL, NULL);
  WmItem *steel = inventory (map, "Steel", "460");
  WmItem *cut = process (map, "Cut", "10");
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(WmVsmMetrics) metrics = NULL;
  WmProblem *problem;

  flow (map, "push", node (map, "supplier", "Mill", NULL, NULL), steel, cut,
        node (map, "customer", "Dealer", NULL, NULL), NULL);
  /* 460 pcs over 460 a day is 1 day; 1 day set by hand agrees. */
  wm_test_set_property (map, steel, "days", "1");
  found = problems_about (map, "Steel");
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* 3 days set by hand do not: the totals count 3 days and 460 pcs, and a
   * warning names the inventory with both figures. */
  wm_test_set_property (map, steel, "days", "3");
  metrics = wm_vsm_compute (map);
  g_assert_cmpfloat_with_epsilon (metrics->inventory_days, 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->lead_time_days, 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (metrics->inventory_quantity, 460, EPSILON);
  found = problems_about (map, "“Steel”");
  g_assert_cmpuint (found->len, ==, 1);
  assert_problem_is_about (found, 0, steel);
  problem = g_ptr_array_index (found, 0);
  g_assert_nonnull (strstr (problem->message, "3 days"));
  g_assert_nonnull (strstr (problem->message, "460 pcs"));
  g_assert_nonnull (strstr (problem->message, "1 day"));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Without a demand the pieces cannot be turned into days: nothing to compare. */
  g_assert_true (wm_diagram_set_field (map, "daily-demand", "0", NULL));
  found = problems_about (map, "“Steel”");
  g_assert_cmpuint (found->len, ==, 0);
}

/* Items without a name are described by their type, never by their id. */
static void
test_check_unnamed_items (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *map = new_map (project, "460", NULL, NULL);
  WmItem *slow = process (map, "", "90");
  WmItem *unmeasured = process (map, "", NULL);
  WmItem *pile = inventory (map, "", "5");
  g_autoptr(GPtrArray) all = NULL;

  wm_test_set_property (map, pile, "days", "4");
  flow (map, "push", node (map, "supplier", "", NULL, NULL), slow,
        node (map, "customer", "", NULL, NULL), NULL);
  flow (map, "push", unmeasured, pile, NULL);
  all = wm_diagram_check (map);
  g_assert_cmpuint (all->len, ==, 5);
  for (guint i = 0; i < all->len; i++)
    {
      WmProblem *problem = g_ptr_array_index (all, i);

      g_test_message ("%s", problem->message);
      g_assert_null (strstr (problem->message, "“”"));
      for (guint j = 0; j < wm_diagram_get_n_items (map); j++)
        g_assert_null (strstr (problem->message, wm_diagram_get_item (map, j)->id));
    }
}

/* Comparing a current state with a future state */

/* Sets the map's state and product family. */
static void
describe_map (WmDiagram  *map,
              const char *state,
              const char *family)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_diagram_set_field (map, "state", state, &error));
  g_assert_true (wm_diagram_set_field (map, "product-family", family, &error));
  g_assert_no_error (error);
}

static void
test_compare_worked_example (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *now = new_map (project, "100", "28800", "1");
  WmDiagram *then = new_map (project, "100", "28800", "1");
  g_autoptr(WmVsmComparison) comparison = NULL;
  WmItem *fifo;

  describe_map (now, "current", "Beans");
  describe_map (then, "future", "Beans");
  /* Today: 500 pcs before Cut (5 days), 300 before Pack (3 days), 60 s and
   * 40 s of work. Lead time 8 days, 100 s of processing, 800 pcs; a day is
   * 28 800 s, so PCE = 100 / (8 × 28 800) = 100 / 230 400. */
  flow (now, "push", node (now, "supplier", "Mill", NULL, NULL), inventory (now, "A", "500"),
        process (now, "Cut", "60"), inventory (now, "B", "300"), process (now, "Pack", "40"),
        node (now, "customer", "Dealer", NULL, NULL), NULL);
  /* Tomorrow: 200 pcs before Cut (2 days), a FIFO lane of at most 50
   * (0.5 days), Pack down to 30 s. Lead time 2.5 days, 90 s, 250 pcs;
   * PCE = 90 / (2.5 × 28 800) = 90 / 72 000 = 0.00125. */
  fifo = node (then, "fifo-lane", "FIFO", "max", "50");
  flow (then, "push", node (then, "supplier", "Mill", NULL, NULL), inventory (then, "A", "200"),
        process (then, "Cut", "60"), fifo, process (then, "Pack", "30"),
        node (then, "customer", "Dealer", NULL, NULL), NULL);

  comparison = wm_vsm_compare (project, NULL);
  g_assert_nonnull (comparison);
  g_assert_true (comparison->current == now);
  g_assert_true (comparison->future == then);
  g_assert_cmpfloat_with_epsilon (comparison->before[WM_VSM_FIGURE_LEAD_TIME], 8, EPSILON);
  g_assert_cmpfloat_with_epsilon (comparison->after[WM_VSM_FIGURE_LEAD_TIME], 2.5, EPSILON);
  /* (2.5 − 8) / 8 = −68.75 %, and the same for inventory days and pieces
   * ((250 − 800) / 800); processing (90 − 100) / 100 = −10 %; PCE
   * 0.00125 / (100 / 230 400) = 2.88 times as much, +188 %. */
  g_assert_cmpfloat_with_epsilon (comparison->change[WM_VSM_FIGURE_LEAD_TIME], -68.75, 1e-6);
  g_assert_cmpfloat_with_epsilon (comparison->change[WM_VSM_FIGURE_PROCESSING_TIME], -10, 1e-6);
  g_assert_cmpfloat_with_epsilon (comparison->change[WM_VSM_FIGURE_EFFICIENCY], 188, 1e-6);
  g_assert_cmpfloat_with_epsilon (comparison->change[WM_VSM_FIGURE_INVENTORY_DAYS], -68.75, 1e-6);
  g_assert_cmpfloat_with_epsilon (comparison->change[WM_VSM_FIGURE_INVENTORY_QUANTITY], -68.75,
                                  1e-6);
  /* Everything went down but efficiency went up: all better. */
  for (guint f = 0; f < WM_VSM_N_FIGURES; f++)
    g_assert_cmpint (comparison->verdict[f], ==, 1);

  /* Starting from either map gives the same pair, in the same roles. */
  g_clear_pointer (&comparison, wm_vsm_comparison_free);
  comparison = wm_vsm_compare (project, then);
  g_assert_true (comparison->current == now && comparison->future == then);
}

static void
test_compare_zero_baseline (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *now = new_map (project, "100", "28800", "1");
  WmDiagram *then = new_map (project, "100", "28800", "1");
  g_autoptr(WmVsmComparison) comparison = NULL;

  describe_map (now, "current", "");
  describe_map (then, "future", "");
  /* No stock today: lead time 0 days, so PCE 0. The future adds a buffer
   * of 100 pcs (1 day): no percentage from 0, but it is worse for lead
   * time and better for efficiency (10 / 28 800 > 0); processing is 10 s
   * on both, 0 % and neither better nor worse. */
  flow (now, "push", node (now, "supplier", "Mill", NULL, NULL), process (now, "Cut", "10"),
        node (now, "customer", "Dealer", NULL, NULL), NULL);
  flow (then, "push", node (then, "supplier", "Mill", NULL, NULL), inventory (then, "A", "100"),
        process (then, "Cut", "10"), node (then, "customer", "Dealer", NULL, NULL), NULL);
  comparison = wm_vsm_compare (project, now);
  g_assert_nonnull (comparison);
  g_assert_true (isnan (comparison->change[WM_VSM_FIGURE_LEAD_TIME]));
  g_assert_cmpint (comparison->verdict[WM_VSM_FIGURE_LEAD_TIME], ==, -1);
  g_assert_true (isnan (comparison->change[WM_VSM_FIGURE_EFFICIENCY]));
  g_assert_cmpint (comparison->verdict[WM_VSM_FIGURE_EFFICIENCY], ==, 1);
  g_assert_cmpfloat (comparison->change[WM_VSM_FIGURE_PROCESSING_TIME], ==, 0);
  g_assert_cmpint (comparison->verdict[WM_VSM_FIGURE_PROCESSING_TIME], ==, 0);
}

static void
test_compare_pairs_by_family (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *beans = new_map (project, "100", NULL, NULL);
  WmDiagram *tea = new_map (project, "100", NULL, NULL);
  WmDiagram *tea_future = new_map (project, "100", NULL, NULL);
  g_autoptr(GError) error = NULL;
  WmDiagram *canvas = wm_project_add_diagram (project, "business-model-canvas", "BMC", &error);
  WmVsmComparison *comparison;

  g_assert_no_error (error);
  describe_map (beans, "current", "Beans");
  describe_map (tea, "current", "Tea");
  /* No map of any state yet has a partner. */
  g_assert_null (wm_vsm_compare (project, NULL));
  describe_map (tea_future, "future", "Tea");

  /* Without a map, or from another notation, the family's pair wins over
   * the first current map. */
  comparison = wm_vsm_compare (project, NULL);
  g_assert_true (comparison->current == tea && comparison->future == tea_future);
  wm_vsm_comparison_free (comparison);
  comparison = wm_vsm_compare (project, canvas);
  g_assert_true (comparison->current == tea && comparison->future == tea_future);
  wm_vsm_comparison_free (comparison);
  /* The future finds its own family; a map of another family falls back on
   * the first future there is. */
  comparison = wm_vsm_compare (project, tea_future);
  g_assert_true (comparison->current == tea);
  wm_vsm_comparison_free (comparison);
  comparison = wm_vsm_compare (project, beans);
  g_assert_true (comparison->current == beans && comparison->future == tea_future);
  wm_vsm_comparison_free (comparison);
}

static void
test_check_no_cycle_time (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *map = new_map (project, "100", NULL, NULL);
  WmItem *cut = process (map, "Cut", NULL);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;

  flow (map, "push", node (map, "supplier", "Mill", NULL, NULL), cut,
        node (map, "customer", "Dealer", NULL, NULL), NULL);
  missing = problems_about (map, "has no cycle time");
  g_assert_cmpuint (missing->len, ==, 1);
  assert_problem_is_about (missing, 0, cut);
  /* Once measured, the warning goes. */
  g_assert_true (wm_diagram_set_property (map, cut->id, "cycle-time", "12", &error));
  g_assert_no_error (error);
  g_clear_pointer (&missing, g_ptr_array_unref);
  missing = problems_about (map, "has no cycle time");
  g_assert_cmpuint (missing->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vsm/metrics/single-line", test_single_line);
  g_test_add_func ("/vsm/metrics/parallel/longer-wait", test_parallel_longer_wait_counts);
  g_test_add_func ("/vsm/metrics/parallel/tie", test_parallel_tie_more_processing_counts);
  g_test_add_func ("/vsm/metrics/days/override", test_days_override);
  g_test_add_func ("/vsm/metrics/days/no-demand", test_days_without_demand);
  g_test_add_func ("/vsm/metrics/takt-and-efficiency", test_takt_and_efficiency);
  g_test_add_func ("/vsm/metrics/rolled-ca", test_rolled_complete_accurate);
  g_test_add_func ("/vsm/metrics/cycle/rework", test_rework_cycle);
  g_test_add_func ("/vsm/metrics/cycle/closed-loop", test_closed_loop_without_ends);
  g_test_add_func ("/vsm/metrics/no-supplier-or-customer", test_no_supplier_or_customer);
  g_test_add_func ("/vsm/metrics/empty-and-other-notations", test_empty_and_other_notations);
  g_test_add_func ("/vsm/metrics/sample", test_sample);
  g_test_add_func ("/vsm/metrics/long-line", test_long_line_does_not_recurse);
  g_test_add_func ("/vsm/check/slower-than-takt", test_check_slower_than_takt);
  g_test_add_func ("/vsm/check/takt-needs-demand", test_check_takt_needs_demand);
  g_test_add_func ("/vsm/check/misses-customer", test_check_flow_misses_customer);
  g_test_add_func ("/vsm/check/reaches-customer", test_check_flow_reaches_customer);
  g_test_add_func ("/vsm/check/no-cycle-time", test_check_no_cycle_time);
  g_test_add_func ("/vsm/check/days-disagree", test_check_days_disagree);
  g_test_add_func ("/vsm/check/unnamed-items", test_check_unnamed_items);
  g_test_add_func ("/vsm/figure/format", test_figure_format);
  g_test_add_func ("/vsm/figure/locale", test_figure_locale);
  g_test_add_func ("/vsm/metrics/hook", test_metrics_hook);
  g_test_add_func ("/vsm/metrics/unknown", test_metrics_unknown);
  g_test_add_func ("/vsm/compare/worked-example", test_compare_worked_example);
  g_test_add_func ("/vsm/compare/zero-baseline", test_compare_zero_baseline);
  g_test_add_func ("/vsm/compare/pairs-by-family", test_compare_pairs_by_family);

  return g_test_run ();
}
