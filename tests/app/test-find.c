/* test-find.c — find (Ctrl+F) in one diagram or in all, and stepping through the hits
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under xvfb-run with GTK_A11Y=none and GSK_RENDERER=cairo. It writes a
 * screenshot of the search with its list of hits to $WAYMARK_SCREENSHOT_DIR.
 */
#include "config.h"

#include <adwaita.h>

#include <string.h>

#include "wm-canvas-private.h"
#include "wm-inspector.h"
#include "wm-window.h"
#include "wm-widget-test.h"

/* Two use-case diagrams; "order" is in one item of the first and, with
 * other case and accents, in two of the second. */
static WmProject *
make_project (void)
{
  WmProject *project = wm_project_new ();
  const struct
  {
    const char *diagram;
    const char *type;
    const char *text;
    double      x;
  } items[] = {
    { "Ordering", "actor", "Customer", 40 },
    { "Ordering", "use-case", "Place Order", 240 },
    { "Support", "actor", "Agent", 40 },
    { "Support", "use-case", "Refund ORDER", 240 },
    { "Support", "use-case", "Cancel an Ördér", 480 },
  };

  g_assert_nonnull (wm_project_add_diagram (project, "use-case", "Ordering", NULL));
  g_assert_nonnull (wm_project_add_diagram (project, "use-case", "Support", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      WmRect bounds = { items[i].x, 60, 160, 80 };
      WmDiagram *diagram = wm_project_find_diagram (project, items[i].diagram);

      g_assert_nonnull (wm_diagram_add_node (diagram, items[i].type, &bounds, items[i].text, NULL));
    }
  wm_project_clear_history (project);
  wm_project_mark_saved (project);
  return project;
}

static const char *
id_of (WmProject  *project,
       const char *diagram_name,
       const char *text)
{
  WmDiagram *diagram = wm_project_find_diagram (project, diagram_name);

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    if (g_str_equal (wm_diagram_get_item (diagram, i)->text, text))
      return wm_diagram_get_item (diagram, i)->id;
  g_assert_not_reached ();
}

/* The matcher the canvas filter and find share */

static void
test_fold_and_match (void)
{
  g_autofree char *folded = wm_find_fold ("Café ÖRDER");

  g_assert_cmpstr (folded, ==, "cafe order");
  g_assert_true (wm_find_match ("order", "Cancel an Ördér"));
  g_assert_true (wm_find_match ("", "anything"));
  g_assert_false (wm_find_match ("refund", "Place Order"));
}

static void
test_find_in_project (void)
{
  g_autoptr(WmProject) project = make_project ();
  g_autoptr(GListStore) hits = g_list_store_new (WM_TYPE_FIND_HIT);
  g_autoptr(WmFindHit) first = NULL;
  g_autoptr(WmFindHit) last = NULL;

  g_assert_cmpuint (wm_find_in_project (project, "ORDER", hits), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hits)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (hits), 0);
  last = g_list_model_get_item (G_LIST_MODEL (hits), 2);
  g_assert_true (wm_find_hit_get_diagram (first) == wm_project_find_diagram (project, "Ordering"));
  g_assert_cmpstr (wm_find_hit_get_text (first), ==, "Place Order");
  g_assert_cmpstr (wm_find_hit_get_item_type (first)->id, ==, "use-case");
  g_assert_true (wm_find_hit_get_diagram (last) == wm_project_find_diagram (project, "Support"));
  g_assert_cmpstr (wm_find_hit_get_item_id (last), ==,
                   id_of (project, "Support", "Cancel an Ördér"));

  g_list_store_remove_all (hits);
  g_assert_cmpuint (wm_find_in_diagram (wm_project_find_diagram (project, "Support"), "order",
                                        hits), ==, 2);
  g_list_store_remove_all (hits);
  g_assert_cmpuint (wm_find_in_project (project, "", hits), ==, 0);
  g_assert_cmpuint (wm_find_in_project (project, "nothing like it", hits), ==, 0);
}

/* The window */

typedef struct
{
  WmWindow        *window;
  WmProject       *project;
  WmCanvas        *canvas;
  GtkSearchBar    *bar;
  GtkEditable     *entry;
  GtkLabel        *count;
  GtkToggleButton *all;
  GtkWidget       *results;
  GtkListView     *list;
} Find;

static gpointer
child (WmWindow   *window,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), WM_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

static void
find_open (Find      *find,
           WmProject *project)
{
  find->project = project;
  find->window = wm_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (find->window), 1280, 800);
  wm_window_set_project (find->window, project);
  gtk_window_present (GTK_WINDOW (find->window));
  wm_test_wait_until_drawn (GTK_WIDGET (find->window));
  find->canvas = WM_CANVAS (wm_window_get_canvas (find->window));
  find->bar = child (find->window, "search_bar");
  find->entry = child (find->window, "search_entry");
  find->count = child (find->window, "find_count");
  find->all = child (find->window, "find_all_button");
  find->results = child (find->window, "find_results");
  find->list = child (find->window, "find_list");
}

/* Types @text and waits for the entry's pause after typing to end. */
static void
find_type (Find       *find,
           const char *text)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_editable_set_text (find->entry, text);
  while (g_get_monotonic_time () < end && !gtk_widget_get_visible (GTK_WIDGET (find->count)))
    g_main_context_iteration (NULL, FALSE);
  /* Longer than the entry's 150 ms pause: the hits are the text's. */
  end = g_get_monotonic_time () + G_USEC_PER_SEC / 3;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
press_enter (Find *find)
{
  g_signal_emit_by_name (find->entry, "activate");
}

static void
assert_shows (Find       *find,
              const char *diagram,
              const char *text,
              const char *count)
{
  g_auto(GStrv) selection = wm_canvas_get_selection (find->canvas);

  g_assert_true (wm_canvas_get_diagram (find->canvas) ==
                 wm_project_find_diagram (find->project, diagram));
  g_assert_nonnull (selection);
  g_assert_cmpuint (g_strv_length (selection), ==, 1);
  g_assert_cmpstr (selection[0], ==, id_of (find->project, diagram, text));
  g_assert_cmpstr (gtk_label_get_text (find->count), ==, count);
  /* Find went there: the bar stays open with its text. */
  g_assert_true (gtk_search_bar_get_search_mode (find->bar));
  g_assert_cmpstr (gtk_editable_get_text (find->entry), ==, "order");
}

static void
test_enter_in_diagram (void)
{
  g_autoptr(WmProject) project = make_project ();
  Find find;

  find_open (&find, project);
  wm_window_show_diagram (find.window, wm_project_find_diagram (project, "Support"));
  gtk_widget_activate_action (GTK_WIDGET (find.window), "win.find", NULL);
  find_type (&find, "order");
  /* Without "All Diagrams", the hits are the diagram's, and none is listed. */
  g_assert_cmpstr (gtk_label_get_text (find.count), ==, "2 matches");
  g_assert_false (gtk_widget_get_visible (find.results));
  press_enter (&find);
  assert_shows (&find, "Support", "Refund ORDER", "1 of 2");
  press_enter (&find);
  assert_shows (&find, "Support", "Cancel an Ördér", "2 of 2");
  press_enter (&find);
  assert_shows (&find, "Support", "Refund ORDER", "1 of 2");
  gtk_widget_activate_action (GTK_WIDGET (find.window), "win.find-previous", NULL);
  assert_shows (&find, "Support", "Cancel an Ördér", "2 of 2");

  /* Nothing to find says so. */
  find_type (&find, "zzz");
  g_assert_cmpstr (gtk_label_get_text (find.count), ==, "No matches");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (find.entry), "error"));
  /* Closing the bar forgets the hits. */
  gtk_search_bar_set_search_mode (find.bar, FALSE);
  g_assert_cmpstr (gtk_editable_get_text (find.entry), ==, "");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find.count)));
  gtk_window_destroy (GTK_WINDOW (find.window));
}

static gboolean
is_shift_enter (GtkShortcut *shortcut)
{
  g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
  GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

  return strstr (trigger, "<Shift>Return") != NULL && GTK_IS_NAMED_ACTION (action) &&
         g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                      "win.find-previous");
}

/* Shift+Enter in the entry is bound to win.find-previous. */
static gboolean
entry_has_shift_enter (GtkWidget *entry)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (is_shift_enter (shortcut))
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_enter_across_diagrams (void)
{
  g_autoptr(WmProject) project = make_project ();
  Find find;

  find_open (&find, project);
  wm_window_show_diagram (find.window, wm_project_find_diagram (project, "Ordering"));
  gtk_widget_activate_action (GTK_WIDGET (find.window), "win.find", NULL);
  find_type (&find, "order");
  g_assert_cmpstr (gtk_label_get_text (find.count), ==, "1 match");
  gtk_toggle_button_set_active (find.all, TRUE);
  g_assert_cmpstr (gtk_label_get_text (find.count), ==, "3 matches");
  g_assert_true (gtk_widget_get_visible (find.results));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (find.list))),
                    ==, 3);

  press_enter (&find);
  assert_shows (&find, "Ordering", "Place Order", "1 of 3");
  /* Enter goes on to the second diagram, filtered as the first was. */
  press_enter (&find);
  assert_shows (&find, "Support", "Refund ORDER", "2 of 3");
  g_assert_nonnull (find.canvas->dimmed);
  g_assert_true (g_hash_table_contains (find.canvas->dimmed, id_of (project, "Support", "Agent")));
  g_assert_cmpuint (gtk_single_selection_get_selected (
                      GTK_SINGLE_SELECTION (gtk_list_view_get_model (find.list))), ==, 1);
  /* The inspector edits the hit. */
  {
    WmInspector *inspector = WM_INSPECTOR (wm_window_get_inspector (find.window));
    GtkWidget *name = wm_inspector_get_editor (inspector, NULL);

    g_assert_cmpstr (wm_inspector_get_item_id (inspector), ==,
                     id_of (project, "Support", "Refund ORDER"));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Refund ORDER");
  }
  wm_test_wait_until_drawn (GTK_WIDGET (find.window));
  wm_test_save_screenshot (GTK_WIDGET (find.window), "waymark-find.png");
  /* Shift+Enter goes back. */
  g_assert_true (entry_has_shift_enter (GTK_WIDGET (find.entry)));
  gtk_widget_activate_action (GTK_WIDGET (find.window), "win.find-previous", NULL);
  assert_shows (&find, "Ordering", "Place Order", "1 of 3");
  gtk_widget_activate_action (GTK_WIDGET (find.window), "win.find-previous", NULL);
  assert_shows (&find, "Support", "Cancel an Ördér", "3 of 3");

  /* A click on a hit in the list shows it. */
  g_signal_emit_by_name (find.list, "activate", 0);
  assert_shows (&find, "Ordering", "Place Order", "1 of 3");
  /* Back to this diagram only. */
  gtk_toggle_button_set_active (find.all, FALSE);
  g_assert_cmpstr (gtk_label_get_text (find.count), ==, "1 match");
  g_assert_false (gtk_widget_get_visible (find.results));
  gtk_window_destroy (GTK_WINDOW (find.window));
}

/* A hit whose item an edit took away is not shown: find starts anew. */
static void
test_removed_hit (void)
{
  g_autoptr(WmProject) project = make_project ();
  WmDiagram *support = wm_project_find_diagram (project, "Support");
  const char *ids[] = { NULL, NULL };
  Find find;

  find_open (&find, project);
  wm_window_show_diagram (find.window, wm_project_find_diagram (project, "Ordering"));
  gtk_widget_activate_action (GTK_WIDGET (find.window), "win.find", NULL);
  gtk_toggle_button_set_active (find.all, TRUE);
  find_type (&find, "order");
  press_enter (&find);
  ids[0] = id_of (project, "Support", "Refund ORDER");
  g_assert_cmpuint (wm_diagram_remove_items (support, ids), ==, 1);
  press_enter (&find);
  g_assert_cmpstr (gtk_label_get_text (find.count), ==, "2 matches");
  press_enter (&find);
  press_enter (&find);
  assert_shows (&find, "Support", "Cancel an Ördér", "2 of 2");
  gtk_window_destroy (GTK_WINDOW (find.window));
}

int
main (int   argc,
      char *argv[])
{
  wm_test_init_gtk (&argc, &argv);

  g_test_add_func ("/find/model/fold-and-match", test_fold_and_match);
  g_test_add_func ("/find/model/in-project", test_find_in_project);
  g_test_add_func ("/find/window/enter-in-diagram", test_enter_in_diagram);
  g_test_add_func ("/find/window/enter-across-diagrams", test_enter_across_diagrams);
  g_test_add_func ("/find/window/removed-hit", test_removed_hit);

  return g_test_run ();
}
