/* test-panels.c — the problems panel and the lean metrics panel, following edits
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb with the Cairo renderer. Both panels check their diagram
 * again on an idle after an edit, so each test edits, sees the old figures
 * still there, lets the main loop run and then sees the new ones. Both
 * work only while they are on screen, so the tests wait for the window to
 * show first (or rely on gtk_window_present() mapping it at once).
 */
#include "config.h"

#include <adwaita.h>

#include "wm-metrics-panel.h"
#include "wm-problems-panel.h"
#include "wm-test-util.h"
#include "wm-widget-test.h"

typedef struct
{
  WmProject      *project;
  WmDiagram      *map;      /* the current state */
  WmDiagram      *future;
  WmDiagram      *uc;
  GtkWidget      *window;
  WmMetricsPanel *metrics;
  WmProblemsPanel *problems;
  guint           count_changes;
  GStrv           activated;
} Fixture;

static WmDiagram *
map_in_state (WmProject  *project,
              const char *state)
{
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);

      if (g_strcmp0 (wm_diagram_get_choice (diagram, "state"), state) == 0)
        return diagram;
    }
  g_assert_not_reached ();
}

static WmItem *
item_with_text (WmDiagram  *diagram,
                const char *text)
{
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    if (g_str_equal (wm_diagram_get_item (diagram, i)->text, text))
      return wm_diagram_get_item (diagram, i);
  g_assert_not_reached ();
}

static void
count_changes (Fixture *fixture)
{
  fixture->count_changes++;
}

static void
remember_activated (WmProblemsPanel   *panel,
                    const char *const *ids,
                    Fixture           *fixture)
{
  g_strfreev (fixture->activated);
  fixture->activated = g_strdupv ((char **) ids);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  fixture->project = wm_test_load_sample ();
  fixture->map = map_in_state (fixture->project, "current");
  fixture->future = map_in_state (fixture->project, "future");
  fixture->uc = wm_project_find_diagram (fixture->project, "uc-41");
  g_assert_nonnull (fixture->uc);

  fixture->metrics = WM_METRICS_PANEL (wm_metrics_panel_new ());
  fixture->problems = WM_PROBLEMS_PANEL (wm_problems_panel_new ());
  gtk_widget_set_size_request (GTK_WIDGET (fixture->metrics), 560, 300);
  gtk_widget_set_size_request (GTK_WIDGET (fixture->problems), 420, 300);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->metrics));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->problems));
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 340);
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);
  g_signal_connect_swapped (fixture->problems, "notify::n-problems",
                            G_CALLBACK (count_changes), fixture);
  g_signal_connect (fixture->problems, "problem-activated",
                    G_CALLBACK (remember_activated), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_strfreev (fixture->activated);
  /* The panels let go of their diagrams with the window. */
  g_assert_finalize_object (fixture->project);
}

/* Runs the main loop until it has nothing left to do: the panels' idles ran. */
static void
settle (void)
{
  for (guint i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
test_metrics_figures (Fixture       *fixture,
                      gconstpointer  data)
{
  WmMetricsPanel *metrics = fixture->metrics;

  /* The figures of the sample's current state, worked out in test-vsm.c:
   * 60 s takt, 3470 / 460 = 7.54 days, 122 s, 0.0586 %, 84.0 %, 3710 pcs. */
  wm_metrics_panel_set_diagram (metrics, fixture->map);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (metrics)));
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "takt"), ==, "60 s");
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "lead-time"), ==, "7.5 days");
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "processing-time"), ==, "122 s");
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "efficiency"), ==, "0.059 %");
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "rolled-ca"), ==, "84 %");
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "inventory"), ==, "3710 pcs");
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "inventory-days"), ==, "8.1 days");
  g_assert_cmpuint (wm_metrics_panel_get_n_flags (metrics), ==, 0);

  /* The sample pairs it with its future state: lead time from 3470 / 460 to
   * 1500 / 460 days, −56.8 %; processing from 122 s to 93 s, −23.8 %. */
  g_assert_true (wm_metrics_panel_has_comparison (metrics));
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "change-lead-time"), ==, "−56.8 %");
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "change-processing-time"), ==, "−23.8 %");
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "change-efficiency"), ==, "+76.3 %");

  /* Shown from the future map, the bold figures are the future's. */
  wm_metrics_panel_set_diagram (metrics, fixture->future);
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "lead-time"), ==, "3.3 days");
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "change-lead-time"), ==, "−56.8 %");

  /* Other notations have no metrics: the panel hides. */
  wm_metrics_panel_set_diagram (metrics, fixture->uc);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (metrics)));
  g_assert_null (wm_metrics_panel_get_text (metrics, "lead-time"));
}

static void
test_metrics_follow_edits (Fixture       *fixture,
                           gconstpointer  data)
{
  WmMetricsPanel *metrics = fixture->metrics;
  WmItem *green = item_with_text (fixture->map, "Green coffee");
  WmItem *roasting = item_with_text (fixture->map, "Roasting");
  g_autoptr(GError) error = NULL;

  wm_metrics_panel_set_diagram (metrics, fixture->map);
  /* Green coffee down from 1840 to 460 bags: (460 + 400 + 920 + 310) / 460
   * = 2090 / 460 = 4.54 days, against the future's 1500 / 460: −28.2 %. */
  wm_test_set_property (fixture->map, green, "quantity", "460");
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "lead-time"), ==, "7.5 days");
  settle ();
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "lead-time"), ==, "4.5 days");
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "change-lead-time"), ==, "−28.2 %");

  /* An edit of the future map shows too: its green coffee from 920 to 1380
   * bags, 1 day more, (1500 + 460) / 460 = 4.26 days: −6.2 %. */
  wm_test_set_property (fixture->future, item_with_text (fixture->future, "Green coffee"),
                        "quantity", "1380");
  settle ();
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "change-lead-time"), ==, "−6.2 %");
  /* Without a future map there is nothing to compare with. */
  g_assert_true (wm_project_remove_diagram (fixture->project, fixture->future));
  settle ();
  g_assert_false (wm_metrics_panel_has_comparison (metrics));
  g_assert_null (wm_metrics_panel_get_text (metrics, "change-lead-time"));
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "lead-time"), ==, "4.5 days");

  /* Roasting at 70 s is slower than the 60 s takt: the flag shows, and
   * processing is 18 + 70 + 35 + 42 = 165 s. */
  wm_test_set_property (fixture->map, roasting, "cycle-time", "70");
  settle ();
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "processing-time"), ==, "165 s");
  g_assert_cmpuint (wm_metrics_panel_get_n_flags (metrics), ==, 1);

  /* Without a demand there is no takt (nor days from quantities). */
  g_assert_true (wm_diagram_set_field (fixture->map, "daily-demand", "0", &error));
  g_assert_no_error (error);
  settle ();
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "takt"), ==, "—");
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "lead-time"), ==, "0 days");

  /* Undo brings the figures back, as any other edit does. */
  while (wm_project_can_undo (fixture->project))
    wm_project_undo (fixture->project);
  settle ();
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "takt"), ==, "60 s");
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "lead-time"), ==, "7.5 days");
  g_assert_cmpuint (wm_metrics_panel_get_n_flags (metrics), ==, 0);
}

/* The panel's rows are a list view over a list model, not a widget each. */
static GtkListView *
problem_list (WmProblemsPanel *panel)
{
  GtkWidget *list = wm_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (list);
  return GTK_LIST_VIEW (list);
}

static GListModel *
problem_model (WmProblemsPanel *panel)
{
  return G_LIST_MODEL (gtk_list_view_get_model (problem_list (panel)));
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static WmItem *
add_lonely_use_case (WmDiagram *diagram,
                     guint      i)
{
  WmRect bounds = { 1300 + 200 * (i / 100), 40 + 100 * (i % 100), 160, 80 };
  g_autofree char *name = g_strdup_printf ("Lonely %u", i + 1);

  return wm_test_add_node (diagram, "use-case", &bounds, name);
}

static void
test_problems_follow_edits (Fixture       *fixture,
                            gconstpointer  data)
{
  WmProblemsPanel *problems = fixture->problems;
  WmItem *added[3];

  wm_test_wait_until_drawn (fixture->window);
  wm_problems_panel_set_diagram (problems, fixture->uc);
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 0);
  fixture->count_changes = 0;

  /* Three use cases that no actor reaches, added one after the other: the
   * panel checks once, after the three, not three times. */
  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    added[i] = add_lonely_use_case (fixture->uc, i);
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 0);
  settle ();
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 3);
  g_assert_cmpuint (fixture->count_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (problem_model (problems)), ==, 3);

  /* A click on a row says which items the problem is about. */
  g_signal_emit_by_name (problem_list (problems), "activate", 0);
  g_assert_nonnull (fixture->activated);
  g_assert_cmpuint (g_strv_length (fixture->activated), ==, 1);
  g_assert_cmpstr (fixture->activated[0], ==, added[0]->id);

  /* Undo takes them away again; another diagram shows its own at once. */
  wm_project_undo (fixture->project);
  settle ();
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 2);
  wm_problems_panel_set_diagram (problems, fixture->map);
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 0);
  wm_problems_panel_set_diagram (problems, NULL);
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 0);
}

/* Hidden, the panel checks nothing and builds no list; shown, it checks. */
static void
test_problems_hidden_checks_nothing (Fixture       *fixture,
                                     gconstpointer  data)
{
  WmProblemsPanel *problems = fixture->problems;
  guint checks;

  gtk_widget_set_visible (GTK_WIDGET (problems), FALSE);
  wm_test_wait_until_drawn (fixture->window);
  checks = wm_problems_panel_get_n_checks (problems);
  wm_problems_panel_set_diagram (problems, fixture->uc);
  for (guint i = 0; i < 3; i++)
    add_lonely_use_case (fixture->uc, i);
  settle ();
  g_assert_cmpuint (wm_problems_panel_get_n_checks (problems), ==, checks);
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (problem_model (problems)), ==, 0);

  /* Shown, it checks once, before the next frame. */
  gtk_widget_set_visible (GTK_WIDGET (problems), TRUE);
  wm_test_wait_until_drawn (GTK_WIDGET (problems));
  g_assert_cmpuint (wm_problems_panel_get_n_checks (problems), ==, checks + 1);
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (problem_model (problems)), ==, 3);

  /* Hidden again, edits are only noted; shown, the panel catches up. */
  gtk_widget_set_visible (GTK_WIDGET (problems), FALSE);
  wm_project_undo (fixture->project);
  settle ();
  g_assert_cmpuint (wm_problems_panel_get_n_checks (problems), ==, checks + 1);
  gtk_widget_set_visible (GTK_WIDGET (problems), TRUE);
  wm_test_wait_until_drawn (GTK_WIDGET (problems));
  g_assert_cmpuint (wm_problems_panel_get_n_checks (problems), ==, checks + 2);
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 2);
}

/* The panel's problems, in order, are the model's: the same messages. */
static void
assert_same_as_model (WmProblemsPanel *problems,
                      WmDiagram       *diagram)
{
  g_autoptr(GPtrArray) expected = wm_diagram_check (diagram);
  GListModel *shown = problem_model (problems);

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(GtkStringObject) row = g_list_model_get_item (shown, i);

      g_assert_cmpstr (gtk_string_object_get_string (row), ==,
                       ((WmProblem *) g_ptr_array_index (expected, i))->message);
    }
}

static guint
count_with_links (WmDiagram *diagram)
{
  guint n = 0;

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      n += wm_item_has_prop (item, "links") && wm_item_has_value (item, "links");
    }
  return n;
}

/* An edit checks again the items it changed (and those that link to other
 * diagrams), not every item, and the result is still the model's. */
static void
test_problems_incremental (Fixture       *fixture,
                           gconstpointer  data)
{
  WmProblemsPanel *problems = fixture->problems;
  WmDiagram *uc = fixture->uc;
  WmItem *lonely;
  guint before;
  const char *target[2] = { NULL, NULL };
  g_autoptr(GError) error = NULL;

  wm_problems_panel_set_diagram (problems, uc);
  wm_test_wait_until_drawn (GTK_WIDGET (problems));
  assert_same_as_model (problems, uc);

  before = wm_problems_panel_get_n_item_checks (problems);
  lonely = add_lonely_use_case (uc, 0);
  wm_problems_panel_refresh (problems);
  g_assert_cmpuint (wm_problems_panel_get_n_item_checks (problems) - before, ==,
                    1 + count_with_links (uc));
  assert_same_as_model (problems, uc);

  /* A link to an item that is then deleted elsewhere shows as broken. */
  g_assert_true (wm_diagram_set_property (uc, lonely->id, "links",
                                          wm_diagram_get_item (fixture->map, 0)->id, &error));
  g_assert_no_error (error);
  wm_problems_panel_refresh (problems);
  assert_same_as_model (problems, uc);
  target[0] = wm_diagram_get_item (fixture->map, 0)->id;
  g_assert_cmpuint (wm_diagram_remove_items (fixture->map, target), >, 0);
  wm_problems_panel_refresh (problems);
  assert_same_as_model (problems, uc);

  /* Undo all of it, removals included. */
  while (wm_project_undo (fixture->project))
    ;
  wm_problems_panel_refresh (problems);
  assert_same_as_model (problems, uc);
}

/* While paused (a drag), edits wait; the check runs once at the end. */
static void
test_problems_pause (Fixture       *fixture,
                     gconstpointer  data)
{
  WmProblemsPanel *problems = fixture->problems;
  WmItem *lonely;
  guint checks;

  wm_test_wait_until_drawn (fixture->window);
  wm_problems_panel_set_diagram (problems, fixture->uc);
  checks = wm_problems_panel_get_n_checks (problems);
  wm_problems_panel_set_paused (problems, TRUE);
  lonely = add_lonely_use_case (fixture->uc, 0);
  /* A drag's moves, with the main loop running between them. */
  for (guint i = 0; i < 10; i++)
    {
      const char *ids[] = { lonely->id, NULL };

      wm_diagram_move_items (fixture->uc, ids, 10, 0);
      settle ();
    }
  g_assert_cmpuint (wm_problems_panel_get_n_checks (problems), ==, checks);
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 0);

  wm_problems_panel_set_paused (problems, FALSE);
  settle ();
  g_assert_cmpuint (wm_problems_panel_get_n_checks (problems), ==, checks + 1);
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 1);
}

static void
remember_change (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 guint      *change)
{
  change[0] = position;
  change[1] = removed;
  change[2] = added;
  change[3]++;
}

/* Thousands of problems make a handful of row widgets, and an edit that
 * adds one problem changes one row of the list. */
static void
test_problems_many (Fixture       *fixture,
                    gconstpointer  data)
{
  WmProblemsPanel *problems = fixture->problems;
  GListModel *model = problem_model (problems);
  guint change[4] = { 0, };

  wm_test_wait_until_drawn (fixture->window);
  wm_problems_panel_set_diagram (problems, fixture->uc);
  wm_project_begin_group (fixture->project, "Many");
  for (guint i = 0; i < 3000; i++)
    add_lonely_use_case (fixture->uc, i);
  wm_project_end_group (fixture->project);
  settle ();
  wm_test_wait_until_drawn (GTK_WIDGET (problems));
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 3000);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3000);
  /* GTK keeps a couple of hundred rows around those in view, never more. */
  g_assert_cmpuint (count_children (GTK_WIDGET (problem_list (problems))), <=, 300);

  g_signal_connect (model, "items-changed", G_CALLBACK (remember_change), change);
  add_lonely_use_case (fixture->uc, 3000);
  settle ();
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 3001);
  g_assert_cmpuint (change[3], ==, 1);
  g_assert_cmpuint (change[1], ==, 0);
  g_assert_cmpuint (change[2], ==, 1);
  g_signal_handlers_disconnect_by_data (model, change);
}

/* The "diagram" property */

static void
count_notifies (guint *count)
{
  (*count)++;
}

/* Set as a property, a diagram shows as with the setter; the property
 * tells when it changed, and only then. */
static void
test_problems_diagram_property (Fixture       *fixture,
                                gconstpointer  data)
{
  WmProblemsPanel *problems = fixture->problems;
  g_autoptr(WmDiagram) shown = NULL;
  guint notifies = 0;

  add_lonely_use_case (fixture->uc, 0);
  add_lonely_use_case (fixture->uc, 1);
  wm_test_wait_until_drawn (fixture->window);
  g_signal_connect_swapped (problems, "notify::diagram", G_CALLBACK (count_notifies), &notifies);

  g_object_set (problems, "diagram", fixture->uc, NULL);
  g_assert_cmpuint (notifies, ==, 1);
  g_object_get (problems, "diagram", &shown, NULL);
  g_assert_true (shown == fixture->uc);
  g_assert_true (wm_problems_panel_get_diagram (problems) == fixture->uc);
  /* Its problems show at once, the same as the model's. */
  assert_same_as_model (problems, fixture->uc);
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 2);

  /* The same diagram again changes nothing. */
  g_object_set (problems, "diagram", fixture->uc, NULL);
  g_assert_cmpuint (notifies, ==, 1);

  g_object_set (problems, "diagram", fixture->map, NULL);
  g_assert_cmpuint (notifies, ==, 2);
  assert_same_as_model (problems, fixture->map);
  g_object_set (problems, "diagram", NULL, NULL);
  g_assert_cmpuint (notifies, ==, 3);
  g_assert_null (wm_problems_panel_get_diagram (problems));
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 0);
  g_signal_handlers_disconnect_by_data (problems, &notifies);
}

static void
test_metrics_diagram_property (Fixture       *fixture,
                               gconstpointer  data)
{
  WmMetricsPanel *metrics = fixture->metrics;
  g_autoptr(WmDiagram) shown = NULL;
  guint notifies = 0;

  g_signal_connect_swapped (metrics, "notify::diagram", G_CALLBACK (count_notifies), &notifies);
  g_object_set (metrics, "diagram", fixture->map, NULL);
  g_assert_cmpuint (notifies, ==, 1);
  g_object_get (metrics, "diagram", &shown, NULL);
  g_assert_true (shown == fixture->map);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (metrics)));
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "lead-time"), ==, "7.5 days");
  g_assert_true (wm_metrics_panel_has_comparison (metrics));

  g_object_set (metrics, "diagram", fixture->map, NULL);
  g_assert_cmpuint (notifies, ==, 1);
  g_object_set (metrics, "diagram", fixture->future, NULL);
  g_assert_cmpuint (notifies, ==, 2);
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "lead-time"), ==, "3.3 days");

  /* A notation without figures hides the panel; so does no diagram. */
  g_object_set (metrics, "diagram", fixture->uc, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (metrics)));
  g_assert_null (wm_metrics_panel_get_text (metrics, "lead-time"));
  g_object_set (metrics, "diagram", NULL, NULL);
  g_assert_cmpuint (notifies, ==, 4);
  g_assert_null (wm_metrics_panel_get_diagram (metrics));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (metrics)));
  g_signal_handlers_disconnect_by_data (metrics, &notifies);
}

/* Off screen, the metrics panel holds its diagram and computes nothing,
 * through edits too; on screen again, it computes once. */
static void
test_metrics_hidden_computes_nothing (Fixture       *fixture,
                                      gconstpointer  data)
{
  WmMetricsPanel *metrics = fixture->metrics;
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (metrics));
  guint computes;

  /* The panel's parent hidden: the panel keeps its own visibility, unmapped. */
  gtk_widget_set_visible (box, FALSE);
  wm_test_wait_until_drawn (fixture->window);
  computes = wm_metrics_panel_get_n_computes (metrics);
  wm_metrics_panel_set_diagram (metrics, fixture->map);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (metrics)));
  wm_test_set_property (fixture->map, item_with_text (fixture->map, "Green coffee"), "quantity",
                        "460");
  settle ();
  g_assert_true (wm_metrics_panel_get_diagram (metrics) == fixture->map);
  g_assert_cmpuint (wm_metrics_panel_get_n_computes (metrics), ==, computes);
  g_assert_null (wm_metrics_panel_get_text (metrics, "lead-time"));

  /* Shown, it computes once, before the next frame, the map as it is now. */
  gtk_widget_set_visible (box, TRUE);
  wm_test_wait_until_drawn (GTK_WIDGET (metrics));
  g_assert_cmpuint (wm_metrics_panel_get_n_computes (metrics), ==, computes + 1);
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "lead-time"), ==, "4.5 days");

  /* Hidden again, edits are only noted; shown, the panel catches up. */
  gtk_widget_set_visible (box, FALSE);
  wm_project_undo (fixture->project);
  settle ();
  g_assert_cmpuint (wm_metrics_panel_get_n_computes (metrics), ==, computes + 1);
  gtk_widget_set_visible (box, TRUE);
  wm_test_wait_until_drawn (GTK_WIDGET (metrics));
  g_assert_cmpuint (wm_metrics_panel_get_n_computes (metrics), ==, computes + 2);
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "lead-time"), ==, "7.5 days");
}

/* A conflict a merge left shows last, as an error with Take Mine and Take
 * Theirs; taking theirs sets their value and drops the row, one undo step.
 * With WAYMARK_CONFLICT_SCREENSHOT set, the panel is saved there. */
static void
test_problems_conflicts (Fixture       *fixture,
                         gconstpointer  data)
{
  WmProblemsPanel *problems = fixture->problems;
  WmItem *item = item_with_text (fixture->map, "Packing");
  g_autofree char *id = g_strdup (item->id);
  const char *path = g_getenv ("WAYMARK_CONFLICT_SCREENSHOT");
  g_autoptr(GError) error = NULL;

  _wm_project_add_conflict (fixture->project,
                            wm_conflict_new (wm_diagram_get_id (fixture->map), id, "text",
                                             "Packing", "Packing and weighing"));
  wm_test_wait_until_drawn (fixture->window);
  wm_problems_panel_set_diagram (problems, fixture->map);
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 1);
  gtk_test_widget_wait_for_draw (fixture->window);
  if (path != NULL)
    {
      g_autoptr(GdkTexture) texture = wm_test_render_widget (fixture->window);

      g_assert_true (gdk_texture_save_to_png (texture, path));
    }
  /* Another diagram does not show it. */
  wm_problems_panel_set_diagram (problems, fixture->future);
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 0);
  wm_problems_panel_set_diagram (problems, fixture->map);

  g_assert_true (wm_problems_panel_resolve (problems, 0, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wm_diagram_lookup (fixture->map, id)->text, ==, "Packing and weighing");
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 0);
  g_assert_cmpuint (wm_project_get_conflicts (fixture->project)->len, ==, 0);
  g_assert_true (wm_project_undo (fixture->project));
  settle ();
  g_assert_cmpstr (wm_diagram_lookup (fixture->map, id)->text, ==, "Packing");
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 1);
  /* Take mine keeps the value and drops the conflict. */
  g_assert_true (wm_problems_panel_resolve (problems, 0, FALSE, &error));
  g_assert_cmpstr (wm_diagram_lookup (fixture->map, id)->text, ==, "Packing");
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 0);
}

/* Both panels on the sample's current state, with one process too slow. */
static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *path = g_getenv ("WAYMARK_SCREENSHOT");

  wm_test_set_property (fixture->map, item_with_text (fixture->map, "Packing"), "cycle-time",
                        "64");
  wm_metrics_panel_set_diagram (fixture->metrics, fixture->map);
  wm_test_wait_until_drawn (fixture->window);
  wm_problems_panel_set_diagram (fixture->problems, fixture->map);
  g_assert_cmpuint (wm_problems_panel_get_n_problems (fixture->problems), ==, 1);
  gtk_test_widget_wait_for_draw (fixture->window);
  if (path != NULL)
    {
      g_autoptr(GdkTexture) texture = wm_test_render_widget (fixture->window);

      g_assert_true (gdk_texture_save_to_png (texture, path));
      g_test_message ("screenshot: %s", path);
    }
}

int
main (int   argc,
      char *argv[])
{
  wm_test_init_gtk (&argc, &argv);

  g_test_add ("/widgets/panels/metrics/figures", Fixture, NULL, fixture_set_up,
              test_metrics_figures, fixture_tear_down);
  g_test_add ("/widgets/panels/metrics/follow-edits", Fixture, NULL, fixture_set_up,
              test_metrics_follow_edits, fixture_tear_down);
  g_test_add ("/widgets/panels/metrics/diagram-property", Fixture, NULL, fixture_set_up,
              test_metrics_diagram_property, fixture_tear_down);
  g_test_add ("/widgets/panels/metrics/hidden-computes-nothing", Fixture, NULL, fixture_set_up,
              test_metrics_hidden_computes_nothing, fixture_tear_down);
  g_test_add ("/widgets/panels/problems/follow-edits", Fixture, NULL, fixture_set_up,
              test_problems_follow_edits, fixture_tear_down);
  g_test_add ("/widgets/panels/problems/hidden-checks-nothing", Fixture, NULL, fixture_set_up,
              test_problems_hidden_checks_nothing, fixture_tear_down);
  g_test_add ("/widgets/panels/problems/diagram-property", Fixture, NULL, fixture_set_up,
              test_problems_diagram_property, fixture_tear_down);
  g_test_add ("/widgets/panels/problems/incremental", Fixture, NULL, fixture_set_up,
              test_problems_incremental, fixture_tear_down);
  g_test_add ("/widgets/panels/problems/pause", Fixture, NULL, fixture_set_up,
              test_problems_pause, fixture_tear_down);
  g_test_add ("/widgets/panels/problems/many", Fixture, NULL, fixture_set_up,
              test_problems_many, fixture_tear_down);
  g_test_add ("/widgets/panels/problems/conflicts", Fixture, NULL, fixture_set_up,
              test_problems_conflicts, fixture_tear_down);
  g_test_add ("/widgets/panels/screenshot", Fixture, NULL, fixture_set_up,
              test_screenshot, fixture_tear_down);
  return g_test_run ();
}
