/* test-a11y.c — what a screen reader finds in the window: labels, the outline, the canvas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under xvfb-run with GTK_A11Y=test, GTK's own accessibility backend,
 * which keeps what a screen reader would be told (roles, labels,
 * descriptions) for gtk_test_accessible_*() to read, without an AT-SPI bus.
 * It writes a screenshot of the window with the outline open to
 * $WAYMARK_SCREENSHOT_DIR.
 */
#include "config.h"

#include <adwaita.h>

#include <string.h>

#include "wm-canvas.h"
#include "wm-outline.h"
#include "wm-outline-private.h"
#include "wm-window.h"
#include "wm-test-util.h"
#include "wm-widget-test.h"

/* Plumbing */

static void
settle (GtkWidget *window)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 5;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  gtk_test_widget_wait_for_draw (window);
}

static WmWindow *
present_sample (WmProject **project)
{
  WmWindow *window = wm_window_new (NULL);

  *project = wm_test_load_sample ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  wm_window_set_project (window, *project);
  gtk_window_present (GTK_WINDOW (window));
  wm_test_wait_until_drawn (GTK_WIDGET (window));
  settle (GTK_WIDGET (window));
  return window;
}

static WmDiagram *
diagram_of (WmProject  *project,
            const char *notation)
{
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    if (g_str_equal (wm_diagram_get_notation (wm_project_get_diagram (project, i))->id, notation))
      return wm_project_get_diagram (project, i);
  g_assert_not_reached ();
}

static WmOutline *
outline_of (WmWindow *window)
{
  GtkWidget *outline = wm_test_find_widget (GTK_WIDGET (window), WM_TYPE_OUTLINE);

  g_assert_nonnull (outline);
  return WM_OUTLINE (outline);
}

static GtkStack *
sidebar_of (WmWindow *window)
{
  return GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (outline_of (window))));
}

/* Shows the outline as Ctrl+Shift+O does. */
static WmOutline *
show_outline (WmWindow *window)
{
  WmOutline *outline = outline_of (window);

  if (!gtk_widget_get_mapped (GTK_WIDGET (outline)))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-outline", NULL);
  settle (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (outline)));
  return outline;
}

static GListModel *
rows_of (WmOutline *outline)
{
  GtkWidget *list = wm_test_find_widget (GTK_WIDGET (outline), GTK_TYPE_LIST_VIEW);

  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
}

/* The row object at @position: wrapped in a GtkTreeListRow in the tree,
 * bare in the flat list of a search. */
static WmOutlineRow *
row_at (GListModel *rows,
        guint       position)
{
  g_autoptr(GObject) row = g_list_model_get_item (rows, position);

  g_assert_nonnull (row);
  if (GTK_IS_TREE_LIST_ROW (row))
    return gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (row));
  g_assert_true (WM_IS_OUTLINE_ROW (row));
  return g_object_ref (WM_OUTLINE_ROW (row));
}

/* The position of @key among the rows shown, or -1. */
static int
find_row (GListModel *rows,
          const char *key)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(WmOutlineRow) row = row_at (rows, i);

      if (g_str_equal (wm_outline_row_get_key (row), key))
        return (int) i;
    }
  return -1;
}

static void
expand_all (GListModel *rows)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);

      if (gtk_tree_list_row_is_expandable (row))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

static const char *
type_label (const WmItem *item)
{
  return g_dgettext (GETTEXT_PACKAGE, item->type->label);
}

/* An item's text on one line, as a row shows it. */
static char *
one_line (const char *text)
{
  return g_strstrip (g_strdelimit (g_strdup (text), "\r\n\t", ' '));
}

/* Labels */

static gboolean
has_label_child (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if ((GTK_IS_LABEL (child) && gtk_label_get_text (GTK_LABEL (child))[0] != '\0') ||
        has_label_child (child))
      return TRUE;
  return FALSE;
}

/* Whether a screen reader has a name for @widget: a label of its own, a
 * label inside it, or the name of the widget around it that labels it (a
 * menu button's inner button). A relation to an unnamed widget (a button
 * labelled by its own icon) names nothing. */
static gboolean
has_accessible_label (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  g_autofree char *not_by_parent = NULL;

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      has_label_child (widget))
    return TRUE;
  if (parent == NULL ||
      !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return FALSE;
  not_by_parent = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget),
                                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                      parent, NULL);
  return not_by_parent == NULL && has_accessible_label (parent);
}

static gboolean
needs_label (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_SEARCH_ENTRY (widget);
}

/* Adds to @missing a line for each control on screen under @widget that a
 * screen reader could only call by its role. */
static void
collect_unlabelled (GtkWidget *widget,
                    GString   *missing,
                    guint     *n_checked)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (needs_label (widget))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      (*n_checked)++;
      if (!has_accessible_label (widget))
        g_string_append_printf (missing, "  %s (css %s, tooltip “%s”) under %s\n",
                                G_OBJECT_TYPE_NAME (widget), gtk_widget_get_css_name (widget),
                                tooltip != NULL ? tooltip : "",
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unlabelled (child, missing, n_checked);
}

/* Every pane open (the bottom pane, the search bar, the outline, the
 * inspector with an item in it), in each kind of diagram of the sample:
 * every button, toggle, menu button and search entry on screen has a
 * label of its own. */
static void
test_every_control_is_labelled (void)
{
  g_autoptr(WmProject) project = NULL;
  WmWindow *window = present_sample (&project);
  WmCanvas *canvas = WM_CANVAS (wm_window_get_canvas (window));
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_checked = 0;

  show_outline (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-panel", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);
      const char *first[] = { wm_diagram_get_item (diagram, 0)->id, NULL };

      wm_window_show_diagram (window, diagram);
      wm_canvas_select (canvas, first);
      settle (GTK_WIDGET (window));
      collect_unlabelled (GTK_WIDGET (window), missing, &n_checked);
    }
  if (missing->len > 0)
    g_test_message ("controls without a label:\n%s", missing->str);
  g_assert_cmpstr (missing->str, ==, "");
  /* The walk saw the header bar, the palettes, the panes: many controls. */
  g_assert_cmpuint (n_checked, >, 100);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The toggle button on screen under @widget whose accessible label is @label. */
static GtkWidget *
find_toggle_labelled (GtkWidget  *widget,
                      const char *label)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_TOGGLE_BUTTON (widget))
    {
      g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                   label);

      if (error == NULL)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toggle_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A palette button is read as its tool's name, even when the label drawn
 * on it is cut short ("Buffer or safety stock"). */
static void
test_palette_buttons_name_their_tool (void)
{
  g_autoptr(WmProject) project = NULL;
  WmWindow *window = present_sample (&project);
  WmDiagram *diagram = diagram_of (project, "value-stream-map");
  const WmNotation *notation = wm_diagram_get_notation (diagram);

  wm_window_show_diagram (window, diagram);
  settle (GTK_WIDGET (window));
  for (guint t = 0; t < wm_notation_get_n_item_types (notation); t++)
    {
      const char *label = g_dgettext (GETTEXT_PACKAGE,
                                      wm_notation_get_item_type (notation, t)->label);

      if (find_toggle_labelled (GTK_WIDGET (window), label) == NULL)
        g_error ("no palette button is labelled “%s”", label);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The outline */

/* Every item of every diagram of the sample has exactly one row, the rows
 * show the items' names and types, and a screen reader reads "name, type". */
static void
test_outline_lists_every_item (void)
{
  g_autoptr(WmProject) project = NULL;
  WmWindow *window = present_sample (&project);
  WmOutline *outline = show_outline (window);
  GListModel *rows = rows_of (outline);

  for (guint d = 0; d < wm_project_get_n_diagrams (project); d++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, d);
      g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);

      wm_window_show_diagram (window, diagram);
      settle (GTK_WIDGET (window));
      expand_all (rows);
      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(WmOutlineRow) row = row_at (rows, i);
          const char *id = wm_outline_row_get_item_id (row);
          WmItem *item = id != NULL ? wm_diagram_lookup (diagram, id) : NULL;

          if (id == NULL)
            continue;
          g_assert_nonnull (item);
          /* Once each. */
          g_assert_true (g_hash_table_add (listed, (gpointer) id));
          g_assert_cmpstr (wm_outline_row_get_type_name (row), ==, type_label (item));
          if (item->text[0] != '\0')
            {
              g_autofree char *name = one_line (item->text);
              g_autofree char *label = g_strdup_printf ("%s, %s", name, type_label (item));

              g_assert_cmpstr (wm_outline_row_get_name (row), ==, name);
              g_assert_cmpstr (wm_outline_row_get_label (row), ==, label);
            }
        }
      g_assert_cmpuint (g_hash_table_size (listed), ==, wm_diagram_get_n_items (diagram));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The rows on screen tell a screen reader "name, type". */
static void
test_outline_rows_are_read_as_name_and_type (void)
{
  g_autoptr(WmProject) project = NULL;
  WmWindow *window = present_sample (&project);
  WmOutline *outline = show_outline (window);
  WmDiagram *diagram = diagram_of (project, "use-case");
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  guint n_checked = 0;

  wm_window_show_diagram (window, diagram);
  settle (GTK_WIDGET (window));
  expand_all (rows_of (outline));
  settle (GTK_WIDGET (window));
  g_ptr_array_add (stack, outline);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_TREE_EXPANDER (widget) && gtk_widget_get_mapped (widget))
        {
          GtkTreeListRow *list_row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (widget));
          g_autoptr(WmOutlineRow) row = gtk_tree_list_row_get_item (list_row);
          const char *id = wm_outline_row_get_item_id (row);
          WmItem *item = id != NULL ? wm_diagram_lookup (diagram, id) : NULL;

          if (item != NULL && item->text[0] != '\0')
            {
              g_autofree char *name = one_line (item->text);
              g_autofree char *label = g_strdup_printf ("%s, %s", name, type_label (item));

              gtk_test_accessible_assert_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
              /* The row, which takes the focus, says the same. */
              gtk_test_accessible_assert_property (gtk_widget_get_parent (widget),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL, label);
              n_checked++;
            }
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_assert_cmpuint (n_checked, >=, 5);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A use case in a subject is listed under the subject; a value stream's
 * processes come in the order of its flow; a journey's card sits under its
 * lane, under its stage; a canvas's note under its block. */
static void
test_outline_structure (void)
{
  g_autoptr(WmProject) project = NULL;
  WmWindow *window = present_sample (&project);
  WmOutline *outline = show_outline (window);
  WmCanvas *canvas = WM_CANVAS (wm_window_get_canvas (window));
  GListModel *rows = rows_of (outline);
  const char *notations[] = { "use-case", "customer-journey", "business-model-canvas" };

  /* Containers, cells and blocks: the row's parents say where the item is. */
  for (guint n = 0; n < G_N_ELEMENTS (notations); n++)
    {
      WmDiagram *diagram = diagram_of (project, notations[n]);
      guint checked = 0;

      wm_window_show_diagram (window, diagram);
      settle (GTK_WIDGET (window));
      for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
        {
          WmItem *item = wm_diagram_get_item (diagram, i);
          const char *ids[] = { item->id, NULL };
          g_autoptr(GtkTreeListRow) selected = NULL;
          g_autoptr(GtkTreeListRow) parent = NULL;
          g_autoptr(WmOutlineRow) parent_row = NULL;
          const WmBoard *board = wm_board_get (diagram);
          const char *expected = NULL;

          if (wm_item_is_link (item))
            continue;
          if (item->parent != NULL)
            expected = wm_diagram_lookup (diagram, item->parent)->text;
          else if (board != NULL && wm_board_area_of (board, item) < board->n_areas)
            expected = g_dgettext (GETTEXT_PACKAGE,
                                   board->areas[wm_board_area_of (board, item)].label);
          else if (wm_item_has_prop (item, WM_JOURNEY_LANE) &&
                   wm_item_get_string (item, WM_JOURNEY_LANE) != NULL)
            expected = wm_diagram_find_entry (diagram, WM_JOURNEY_LANES,
                                              wm_item_get_string (item, WM_JOURNEY_LANE))->label;
          if (expected == NULL)
            continue;
          wm_canvas_select (canvas, ids);
          selected = g_object_ref (gtk_single_selection_get_selected_item (
                                     GTK_SINGLE_SELECTION (rows)));
          parent = gtk_tree_list_row_get_parent (selected);
          g_assert_nonnull (parent);
          parent_row = gtk_tree_list_row_get_item (parent);
          g_assert_cmpstr (wm_outline_row_get_name (parent_row), ==, expected);
          if (wm_item_has_prop (item, WM_JOURNEY_LANE))
            {
              g_autoptr(GtkTreeListRow) stage = gtk_tree_list_row_get_parent (parent);
              g_autoptr(WmOutlineRow) stage_row = gtk_tree_list_row_get_item (stage);

              const char *stage_id = wm_item_get_string (item, WM_JOURNEY_STAGE);

              g_assert_cmpstr (wm_outline_row_get_name (stage_row), ==,
                               wm_diagram_find_entry (diagram, WM_JOURNEY_STAGES, stage_id)->label);
            }
          checked++;
        }
      g_assert_cmpuint (checked, >=, 3);
    }

  /* A value stream: its processes at the top, in the order of the flow. */
  {
    WmDiagram *diagram = diagram_of (project, "value-stream-map");
    g_autoptr(WmVsmMetrics) metrics = wm_vsm_compute (diagram);
    g_autoptr(GPtrArray) flow = g_ptr_array_new ();
    g_autoptr(GPtrArray) listed = g_ptr_array_new ();

    wm_window_show_diagram (window, diagram);
    settle (GTK_WIDGET (window));
    for (guint i = 0; i < metrics->steps->len; i++)
      if (g_array_index (metrics->steps, WmVsmStep, i).kind == WM_VSM_STEP_PROCESS)
        g_ptr_array_add (flow, (gpointer) g_array_index (metrics->steps, WmVsmStep, i).item_id);
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(WmOutlineRow) row = row_at (rows, i);
        const char *id = wm_outline_row_get_item_id (row);
        WmItem *item = id != NULL ? wm_diagram_lookup (diagram, id) : NULL;

        if (item != NULL && g_str_equal (item->type->id, "process"))
          g_ptr_array_add (listed, (gpointer) id);
      }
    g_assert_cmpuint (flow->len, >=, 3);
    g_assert_cmpuint (listed->len, >=, flow->len);
    for (guint i = 0; i < flow->len; i++)
      g_assert_cmpstr (g_ptr_array_index (listed, i), ==, g_ptr_array_index (flow, i));
  }
  wm_canvas_select (canvas, NULL);
  settle (GTK_WIDGET (window));
  wm_test_save_screenshot (GTK_WIDGET (window), "outline-value-stream.png");
  wm_window_show_diagram (window, diagram_of (project, "customer-journey"));
  settle (GTK_WIDGET (window));
  expand_all (rows);
  settle (GTK_WIDGET (window));
  wm_test_save_screenshot (GTK_WIDGET (window), "outline-journey.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+Shift+O goes to the outline, on the selected item's row; again, back
 * to the diagrams. */
static void
test_outline_shortcut (void)
{
  g_autoptr(WmProject) project = NULL;
  WmWindow *window = present_sample (&project);
  WmCanvas *canvas = WM_CANVAS (wm_window_get_canvas (window));
  WmDiagram *diagram = diagram_of (project, "value-stream-map");
  WmOutline *outline = outline_of (window);
  GtkWidget *list = wm_test_find_widget (GTK_WIDGET (outline), GTK_TYPE_LIST_VIEW);
  WmItem *item = wm_diagram_get_item (diagram, 3);
  GtkWidget *focus;

  wm_window_show_diagram (window, diagram);
  wm_canvas_select (canvas, (const char *const[]) { item->id, NULL });
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  settle (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (outline)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-outline", NULL);
  settle (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (outline)));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, list));
  /* The row with the focus is the selected item's. */
  {
    GtkWidget *expander = wm_test_find_widget (focus, GTK_TYPE_TREE_EXPANDER);
    g_autoptr(WmOutlineRow) row = NULL;

    g_assert_nonnull (expander);
    row = gtk_tree_list_row_get_item (
      gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander)));
    g_assert_cmpstr (wm_outline_row_get_item_id (row), ==, item->id);
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-outline", NULL);
  settle (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (outline)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A row selected selects its item on the canvas; the canvas's selection
 * selects its row, opening the groups above it. */
static void
test_outline_follows_selection_both_ways (void)
{
  g_autoptr(WmProject) project = NULL;
  WmWindow *window = present_sample (&project);
  WmOutline *outline = show_outline (window);
  WmCanvas *canvas = WM_CANVAS (wm_window_get_canvas (window));
  WmDiagram *diagram = diagram_of (project, "use-case");
  GListModel *rows = rows_of (outline);
  WmItem *nested = NULL;
  int position;

  wm_window_show_diagram (window, diagram);
  settle (GTK_WIDGET (window));
  for (guint i = 0; i < wm_diagram_get_n_items (diagram) && nested == NULL; i++)
    if (wm_diagram_get_item (diagram, i)->parent != NULL)
      nested = wm_diagram_get_item (diagram, i);
  g_assert_nonnull (nested);

  /* The canvas selects: the row shows, under its opened container. */
  g_assert_cmpint (find_row (rows, nested->id), ==, -1);
  wm_canvas_select (canvas, (const char *const[]) { nested->id, NULL });
  position = find_row (rows, nested->id);
  g_assert_cmpint (position, >=, 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows)), ==,
                    (guint) position);

  /* The outline selects: the canvas follows. */
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(WmOutlineRow) row = row_at (rows, i);
      const char *id = wm_outline_row_get_item_id (row);
      g_auto(GStrv) selection = NULL;

      if (id == NULL || g_str_equal (id, nested->id))
        continue;
      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (rows), i);
      selection = wm_canvas_get_selection (canvas);
      g_assert_cmpuint (g_strv_length (selection), ==, 1);
      g_assert_cmpstr (selection[0], ==, id);
    }

  /* Enter on a group's row opens or closes it; on an item's, it goes to
   * the canvas with the item selected. */
  {
    GtkWidget *list = wm_test_find_widget (GTK_WIDGET (outline), GTK_TYPE_LIST_VIEW);
    int subject = find_row (rows, nested->parent);
    int links = find_row (rows, "\001links");
    g_autoptr(GtkTreeListRow) links_row = NULL;
    g_auto(GStrv) selection = NULL;

    g_assert_cmpint (links, >=, 0);
    links_row = g_list_model_get_item (rows, (guint) links);
    g_assert_false (gtk_tree_list_row_get_expanded (links_row));
    gtk_widget_activate_action (list, "list.activate-item", "u", (guint) links);
    g_assert_true (gtk_tree_list_row_get_expanded (links_row));
    gtk_widget_activate_action (list, "list.activate-item", "u", (guint) links);
    g_assert_false (gtk_tree_list_row_get_expanded (links_row));
    g_assert_cmpint (subject, >=, 0);
    gtk_widget_activate_action (list, "list.activate-item", "u", (guint) subject);
    selection = wm_canvas_get_selection (canvas);
    g_assert_cmpstrv (selection, ((const char *const[]) { nested->parent, NULL }));
    g_assert_true (gtk_widget_has_focus (GTK_WIDGET (canvas)));
  }

  /* Nothing selected on the canvas: no row either. */
  wm_canvas_select (canvas, NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows)), ==,
                    GTK_INVALID_LIST_POSITION);

  /* The screenshot: the outline open, a nested item selected. */
  wm_canvas_reveal (canvas, (const char *const[]) { nested->id, NULL });
  settle (GTK_WIDGET (window));
  wm_test_save_screenshot (GTK_WIDGET (window), "outline.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A rename renames the row in place; an added item makes the tree again,
 * once; while the outline is hidden, edits cost it nothing until it shows. */
static void
test_outline_follows_edits (void)
{
  g_autoptr(WmProject) project = NULL;
  WmWindow *window = present_sample (&project);
  WmOutline *outline = show_outline (window);
  WmDiagram *diagram = diagram_of (project, "use-case");
  GListModel *rows = rows_of (outline);
  WmRect bounds = { 900, 900, 60, 110 };
  g_autoptr(WmOutlineRow) renamed = NULL;
  WmItem *actor = NULL;
  WmItem *added;
  guint builds;

  wm_window_show_diagram (window, diagram);
  settle (GTK_WIDGET (window));
  for (guint i = 0; i < wm_diagram_get_n_items (diagram) && actor == NULL; i++)
    if (g_str_equal (wm_diagram_get_item (diagram, i)->type->id, "actor"))
      actor = wm_diagram_get_item (diagram, i);
  g_assert_nonnull (actor);

  builds = wm_outline_get_n_builds (outline);
  g_assert_cmpint (find_row (rows, actor->id), >=, 0);
  renamed = row_at (rows, find_row (rows, actor->id));
  g_assert_true (wm_diagram_set_text (diagram, actor->id, "Coffee lover"));
  settle (GTK_WIDGET (window));
  g_assert_cmpstr (wm_outline_row_get_name (renamed), ==, "Coffee lover");
  g_assert_cmpstr (wm_outline_row_get_label (renamed), ==, "Coffee lover, Actor");
  g_assert_cmpuint (wm_outline_get_n_builds (outline), ==, builds);

  added = wm_diagram_add_node (diagram, "actor", &bounds, "Barista", NULL);
  g_assert_nonnull (added);
  settle (GTK_WIDGET (window));
  g_assert_cmpuint (wm_outline_get_n_builds (outline), ==, builds + 1);
  g_assert_cmpint (find_row (rows, added->id), >=, 0);

  /* Hidden: the diagrams show in the sidebar. */
  gtk_stack_set_visible_child_name (sidebar_of (window), "diagrams");
  settle (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (outline)));
  builds = wm_outline_get_n_builds (outline);
  for (guint i = 0; i < 5; i++)
    {
      bounds.x += 100;
      g_assert_nonnull (wm_diagram_add_node (diagram, "use-case", &bounds, "Grind beans", NULL));
    }
  settle (GTK_WIDGET (window));
  g_assert_cmpuint (wm_outline_get_n_builds (outline), ==, builds);
  show_outline (window);
  g_assert_cmpuint (wm_outline_get_n_builds (outline), ==, builds + 1);
  added = wm_diagram_get_item (diagram, wm_diagram_get_n_items (diagram) - 1);
  g_assert_cmpint (find_row (rows, added->id), >=, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A diagram of many items: the outline makes rows for what shows, not for
 * every item, and a group's rows only when it opens. */
static void
test_outline_is_lazy (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_project_add_diagram (project, "use-case", "Many", NULL);
  WmWindow *window = wm_window_new (NULL);
  WmOutline *outline;
  WmRect box = { 0, 0, 4000, 4000 };
  WmItem *subject;
  const guint n = 5000;

  subject = wm_diagram_add_node (diagram, "subject", &box, "Everything", NULL);
  for (guint i = 0; i < n; i++)
    {
      WmRect bounds = { 10 + (i % 50) * 70, 10 + (i / 50) * 40, 60, 30 };
      g_autofree char *name = g_strdup_printf ("Use case %u", i);
      WmItem *item = wm_diagram_add_node (diagram, i % 2 ? "use-case" : "actor", &bounds, name,
                                          NULL);

      if (i % 2 && item != NULL)
        g_assert_true (wm_diagram_set_parent (diagram, item->id, subject->id, NULL));
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  wm_window_set_project (window, project);
  gtk_window_present (GTK_WINDOW (window));
  wm_test_wait_until_drawn (GTK_WIDGET (window));
  outline = show_outline (window);
  /* The top level: the subject and 2 500 actors, the rows in view made (and
   * those GTK's list keeps around them: it holds up to 200 row widgets). A
   * list keeps the rows it has made while it lives. */
  g_assert_cmpuint (g_list_model_get_n_items (rows_of (outline)), ==, 1 + n / 2);
  g_assert_cmpuint (wm_outline_get_n_rows (outline), <=, n / 10);
  /* Opening the subject lists its 2 500 use cases; still a screenful made. */
  {
    g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows_of (outline), 0);

    gtk_tree_list_row_set_expanded (row, TRUE);
  }
  settle (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (rows_of (outline)), ==, 1 + n);
  g_assert_cmpuint (wm_outline_get_n_rows (outline), <=, n / 10);
  g_assert_cmpuint (wm_outline_get_n_builds (outline), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether a row named @name matches @query as the search does: the item's
 * own text, or a link's ends' names when it has no label. */
static gboolean
name_contains (const char *name,
               const char *query)
{
  g_autofree char *folded_name = g_utf8_casefold (name, -1);
  g_autofree char *folded_query = g_utf8_casefold (query, -1);

  return strstr (folded_name, folded_query) != NULL;
}

static gboolean
item_matches (WmDiagram    *diagram,
              const WmItem *item,
              const char   *query)
{
  if (item->text[0] != '\0' || wm_item_is_node (item))
    return name_contains (item->text, query);
  return name_contains (wm_diagram_lookup (diagram, item->source)->text, query) ||
         name_contains (wm_diagram_lookup (diagram, item->target)->text, query);
}

/* The search shows, flat, the items whose name contains the text; cleared,
 * the tree comes back as it was. */
static void
test_outline_search (void)
{
  g_autoptr(WmProject) project = NULL;
  WmWindow *window = present_sample (&project);
  WmOutline *outline = show_outline (window);
  WmDiagram *diagram = diagram_of (project, "use-case");
  GListModel *rows = rows_of (outline);
  guint expected = 0, n_tree;

  wm_window_show_diagram (window, diagram);
  settle (GTK_WIDGET (window));
  expand_all (rows);
  n_tree = g_list_model_get_n_items (rows);
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    if (item_matches (diagram, wm_diagram_get_item (diagram, i), "SUBSCRIPTION"))
      expected++;
  g_assert_cmpuint (expected, >=, 2);

  wm_outline_set_search (outline, "SUBSCRIPTION");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, expected);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(WmOutlineRow) row = row_at (rows, i);

      g_assert_true (name_contains (wm_outline_row_get_name (row), "subscription"));
    }
  wm_outline_set_search (outline, "no item is called this");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  wm_outline_set_search (outline, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_tree);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The canvas's description */

static void
assert_description (WmCanvas   *canvas,
                    const char *expected)
{
  gtk_test_accessible_assert_property (canvas, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
}

static WmItem *
first_of_type (WmDiagram  *diagram,
               const char *type,
               gboolean    nested)
{
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (g_str_equal (item->type->id, type) && (!nested || item->parent != NULL))
        return item;
    }
  g_assert_not_reached ();
}

static void
select_one (WmCanvas     *canvas,
            const WmItem *item)
{
  wm_canvas_select (canvas, (const char *const[]) { item->id, NULL });
}

/* The canvas tells a screen reader what is selected and where it is. */
static void
test_canvas_describes_selection (void)
{
  g_autoptr(WmProject) project = NULL;
  WmWindow *window = present_sample (&project);
  WmCanvas *canvas = WM_CANVAS (wm_window_get_canvas (window));
  WmDiagram *diagram;
  WmItem *item;
  g_autofree char *expected = NULL;

  /* A use case in its subject. */
  diagram = diagram_of (project, "use-case");
  wm_window_show_diagram (window, diagram);
  expected = g_strdup_printf ("“%s”, nothing selected", wm_diagram_get_name (diagram));
  assert_description (canvas, expected);
  item = first_of_type (diagram, "use-case", TRUE);
  select_one (canvas, item);
  g_free (expected);
  expected = g_strdup_printf ("Use case “%s”, in “%s”", item->text,
                              wm_diagram_lookup (diagram, item->parent)->text);
  assert_description (canvas, expected);
  /* Renamed: the description follows once the edits pause. */
  g_assert_true (wm_diagram_set_text (diagram, item->id, "Taste a sample"));
  settle (GTK_WIDGET (window));
  settle (GTK_WIDGET (window));
  g_free (expected);
  expected = g_strdup_printf ("Use case “Taste a sample”, in “%s”",
                              wm_diagram_lookup (diagram, item->parent)->text);
  assert_description (canvas, expected);
  wm_canvas_select (canvas, (const char *const[]) { wm_diagram_get_item (diagram, 0)->id,
                                                    wm_diagram_get_item (diagram, 1)->id, NULL });
  assert_description (canvas, "2 items selected");

  /* A value stream's process: its step along the flow. */
  {
    g_autoptr(WmVsmMetrics) metrics = NULL;
    guint n_processes = 0, second = 0;
    const char *second_id = NULL;

    diagram = diagram_of (project, "value-stream-map");
    wm_window_show_diagram (window, diagram);
    metrics = wm_vsm_compute (diagram);
    for (guint i = 0; i < metrics->steps->len; i++)
      if (g_array_index (metrics->steps, WmVsmStep, i).kind == WM_VSM_STEP_PROCESS &&
          ++n_processes == 2)
        second_id = g_array_index (metrics->steps, WmVsmStep, i).item_id, second = n_processes;
    g_assert_nonnull (second_id);
    item = wm_diagram_lookup (diagram, second_id);
    select_one (canvas, item);
    g_free (expected);
    expected = g_strdup_printf ("Process “%s”, step %u of %u", item->text, second, n_processes);
    assert_description (canvas, expected);
  }

  /* A journey's card: its stage and lane. */
  diagram = diagram_of (project, "customer-journey");
  wm_window_show_diagram (window, diagram);
  item = first_of_type (diagram, "card", FALSE);
  select_one (canvas, item);
  g_free (expected);
  expected = g_strdup_printf ("Card “%s”, in Stage “%s”, Lane “%s”", item->text,
                              wm_diagram_find_entry (diagram, WM_JOURNEY_STAGES,
                                                     wm_item_get_string (item,
                                                                         WM_JOURNEY_STAGE))->label,
                              wm_diagram_find_entry (diagram, WM_JOURNEY_LANES,
                                                     wm_item_get_string (item,
                                                                         WM_JOURNEY_LANE))->label);
  assert_description (canvas, expected);

  /* A canvas's note: its block. */
  diagram = diagram_of (project, "business-model-canvas");
  wm_window_show_diagram (window, diagram);
  item = first_of_type (diagram, "note", FALSE);
  select_one (canvas, item);
  g_free (expected);
  {
    const WmBoard *board = wm_board_get (diagram);

    expected = g_strdup_printf ("Sticky note “%s”, in %s", item->text,
                                board->areas[wm_board_area_of (board, item)].label);
  }
  assert_description (canvas, expected);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  wm_test_init_gtk (&argc, &argv);

  g_test_add_func ("/a11y/labels/every-control", test_every_control_is_labelled);
  g_test_add_func ("/a11y/labels/palette-tools", test_palette_buttons_name_their_tool);
  g_test_add_func ("/a11y/outline/every-item", test_outline_lists_every_item);
  g_test_add_func ("/a11y/outline/read-as-name-and-type",
                   test_outline_rows_are_read_as_name_and_type);
  g_test_add_func ("/a11y/outline/structure", test_outline_structure);
  g_test_add_func ("/a11y/outline/shortcut", test_outline_shortcut);
  g_test_add_func ("/a11y/outline/selection-both-ways", test_outline_follows_selection_both_ways);
  g_test_add_func ("/a11y/outline/edits", test_outline_follows_edits);
  g_test_add_func ("/a11y/outline/search", test_outline_search);
  g_test_add_func ("/a11y/outline/lazy", test_outline_is_lazy);
  g_test_add_func ("/a11y/canvas/description", test_canvas_describes_selection);

  return g_test_run ();
}
