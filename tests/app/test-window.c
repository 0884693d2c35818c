/* test-window.c — the project window with the sample: sidebar, canvas, actions, closing
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under xvfb-run with GTK_A11Y=none and GSK_RENDERER=cairo. It also
 * writes a screenshot of the main window at 1280 x 800 to
 * $WAYMARK_SCREENSHOT_DIR (default: the test's build folder).
 */
#include "config.h"

#include <adwaita.h>

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "wm-canvas-private.h"
#include "wm-export-dialog.h"
#include "wm-inspector.h"
#include "wm-metrics-panel.h"
#include "wm-print.h"
#include "wm-problems-panel.h"
#include "wm-window.h"
#include "wm-test-util.h"
#include "wm-widget-test.h"
#include "wm-window-test.h"

static void
iterate (guint turns)
{
  for (guint i = 0; i < turns; i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
project_has_file (gpointer data)
{
  return wm_project_get_file (wm_window_get_project (data)) != NULL;
}

static gpointer
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type) &&
          (type != GTK_TYPE_GESTURE_CLICK ||
           gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY))
        return controller;
    }
  return NULL;
}

static WmDiagram *
shown_diagram (WmWindow *window)
{
  return wm_canvas_get_diagram (WM_CANVAS (wm_window_get_canvas (window)));
}

static void
test_window_shows_sample (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_new (NULL);
  GtkWidget *canvas = wm_window_get_canvas (window);
  GListModel *diagrams = G_LIST_MODEL (project);
  const WmNotation *const *notations;
  GMenuModel *add_menu;
  guint n_notations, n_diagrams;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  wm_window_set_project (window, project);
  gtk_window_present (GTK_WINDOW (window));
  wm_window_test_wait_until_mapped (GTK_WIDGET (window));

  /* The first diagram shows; the title names the project, unmarked. */
  g_assert_true (wm_canvas_get_diagram (WM_CANVAS (canvas)) == g_list_model_get_item (diagrams, 0));
  g_object_unref (g_list_model_get_item (diagrams, 0));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Bean Box — coffee subscription");

  /* "New Diagram" offers every kind of the notations' registry, in order. */
  add_menu = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window), WM_TYPE_WINDOW,
                                                          "add_section"));
  notations = wm_notations_get_all (&n_notations);
  g_assert_cmpint (g_menu_model_get_n_items (add_menu), ==, n_notations);
  for (guint i = 0; i < n_notations; i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (
        add_menu, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);

      g_assert_cmpstr (g_variant_get_string (target, NULL), ==, notations[i]->id);
    }

  /* Adding a diagram selects it and marks the window as changed... */
  n_diagrams = g_list_model_get_n_items (diagrams);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-diagram", "s", "value-stream-map");
  g_assert_cmpuint (g_list_model_get_n_items (diagrams), ==, n_diagrams + 1);
  g_assert_true (wm_canvas_get_diagram (WM_CANVAS (canvas)) ==
                 wm_project_get_diagram (project, n_diagrams));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  /* ...and undo takes both back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (diagrams), ==, n_diagrams);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Bean Box — coffee subscription");

  wm_window_show_diagram (window, wm_project_find_diagram (project, "uc-41"));
  g_assert_true (wm_canvas_get_diagram (WM_CANVAS (canvas)) ==
                 wm_project_find_diagram (project, "uc-41"));

  /* The inspector shows the diagram's fields, then the one item selected. */
  {
    WmInspector *inspector = WM_INSPECTOR (wm_window_get_inspector (window));
    WmDiagram *uc = wm_project_find_diagram (project, "uc-41");
    const char *pay[] = { NULL, NULL };

    g_assert_null (wm_inspector_get_item_id (inspector));
    for (guint i = 0; i < wm_diagram_get_n_items (uc) && pay[0] == NULL; i++)
      if (g_str_equal (wm_diagram_get_item (uc, i)->text, "Pay"))
        pay[0] = wm_diagram_get_item (uc, i)->id;
    g_assert_nonnull (pay[0]);
    wm_canvas_select (WM_CANVAS (canvas), pay);
    g_assert_cmpstr (wm_inspector_get_item_id (inspector), ==, pay[0]);
  }
  for (guint i = 0; i < 40; i++)
    g_main_context_iteration (NULL, FALSE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  wm_test_save_screenshot (GTK_WIDGET (window), "waymark-window.png");

  /* Each notation's editor, for a person to look at (the first map of each). */
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);
      g_autofree char *name = g_strdup_printf ("waymark-window-%s.png",
                                               wm_diagram_get_notation (diagram)->id);
      gint64 settled;

      if (g_strcmp0 (wm_diagram_get_choice (diagram, "state"), "future") == 0)
        continue;
      wm_window_show_diagram (window, diagram);
      g_assert_true (wm_canvas_get_diagram (WM_CANVAS (canvas)) == diagram);
      /* Half a second lets the inspector's entry rows finish their animations. */
      settled = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
      while (g_get_monotonic_time () < settled)
        g_main_context_iteration (NULL, FALSE);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      wm_test_save_screenshot (GTK_WIDGET (window), name);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_close_with_changes_asks (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_new (NULL);
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before;

  wm_window_set_project (window, project);
  gtk_window_present (GTK_WINDOW (window));
  wm_window_test_wait_until_mapped (GTK_WIDGET (window));

  wm_project_set_title (project, "Changed");
  before = g_list_model_get_n_items (toplevels);
  gtk_window_close (GTK_WINDOW (window));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  /* The window stays, and a dialog asks whether to save. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
  g_assert_true (wm_project_get_dirty (project));
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_pdf_pages (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;
  guint pages = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  /* memmem(), not strstr(): compressed streams hold NUL bytes. */
  for (const char *p = data; (p = memmem (p, length - (p - data), "/Type /Page", 11)) != NULL; p++)
    if (p[11] != 's')
      pages++;
  return pages;
}

static void
test_export_dialog (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmDiagram *current = wm_project_find_diagram (project, "uc-41");
  WmExportDialog *dialog = wm_export_dialog_new (NULL, project, current);
  g_autofree char *dir = g_dir_make_tmp ("waymark-export-dialog-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "deck.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "all.png", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;
  WmExportOptions options;
  gboolean all;

  /* It opens on a PDF of the current diagram, on A4. */
  wm_export_dialog_get_options (dialog, &options, &all);
  g_assert_cmpint (options.format, ==, WM_EXPORT_PDF);
  g_assert_cmpint (options.page, ==, WM_PAGE_A4);
  g_assert_false (all);
  g_assert_true (wm_export_dialog_export_to (dialog, pdf_file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_pdf_pages (pdf), ==, 1);

  /* All diagrams in a PDF is the presentation: a title page and one per diagram. */
  wm_export_dialog_set_options (dialog, &options, TRUE);
  g_assert_true (wm_export_dialog_export_to (dialog, pdf_file, &error));
  /* Title page, one page per diagram, the comparison of the two value
   * streams, three of traceability, two of use-case details. */
  g_assert_cmpuint (count_pdf_pages (pdf), ==, 1 + wm_project_get_n_diagrams (project) + 1 + 3 + 2);

  /* All diagrams as PNG: one file each, named after the diagram. */
  options.format = WM_EXPORT_PNG;
  options.scale = 0.5;
  wm_export_dialog_set_options (dialog, &options, TRUE);
  g_assert_true (wm_export_dialog_export_to (dialog, png_file, &error));
  paths = wm_export_paths_for_diagrams (png, project, WM_EXPORT_PNG);
  g_assert_cmpuint (g_strv_length (paths), ==, wm_project_get_n_diagrams (project));
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_assert_true (g_file_test (paths[i], G_FILE_TEST_EXISTS));
      g_remove (paths[i]);
    }
  g_remove (pdf);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_print_uses_painters (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(GtkPrintOperation) operation = wm_print_operation_new (project, NULL);
  g_autofree char *dir = g_dir_make_tmp ("waymark-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;

  /* Printing to a file needs no dialog and goes through the same pages. */
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                            &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpuint (count_pdf_pages (path), ==, wm_project_get_n_diagrams (project));
  g_remove (path);
  g_rmdir (dir);
}

static void
test_rename_diagram (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_test_present (project);
  WmDiagram *diagram = wm_project_get_diagram (project, 1);
  g_autofree char *before = g_strdup (wm_diagram_get_name (diagram));
  AdwMessageDialog *dialog;
  GtkEditable *entry;

  wm_window_show_diagram (window, diagram);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-diagram", NULL));
  dialog = wm_test_find_dialog_of (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, before);

  /* A blank name cannot be given... */
  gtk_editable_set_text (entry, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  /* ...a real one can, as one undoable step. */
  gtk_editable_set_text (entry, "  Ordering online ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "rename"));
  adw_message_dialog_response (dialog, "rename");
  iterate (10);
  g_assert_cmpstr (wm_diagram_get_name (diagram), ==, "Ordering online");
  g_assert_true (wm_project_undo (project));
  g_assert_cmpstr (wm_diagram_get_name (diagram), ==, before);

  /* Cancel leaves the name alone. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-diagram", NULL);
  dialog = wm_test_find_dialog_of (GTK_WINDOW (window));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Nope");
  adw_message_dialog_response (dialog, "cancel");
  iterate (10);
  g_assert_cmpstr (wm_diagram_get_name (diagram), ==, before);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_duplicate_diagram (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_test_present (project);
  WmDiagram *original = wm_project_find_diagram (project, "uc-41");
  guint n = wm_project_get_n_diagrams (project);
  WmDiagram *copy;

  wm_window_show_diagram (window, original);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.duplicate-diagram", NULL));
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, n + 1);
  copy = shown_diagram (window);
  g_assert_true (copy != original);
  g_assert_true (wm_project_get_diagram (project, 2) == copy);
  g_assert_cmpstr (wm_diagram_get_id (copy), !=, wm_diagram_get_id (original));
  g_assert_cmpuint (wm_diagram_get_n_items (copy), ==, wm_diagram_get_n_items (original));
  for (guint i = 0; i < wm_diagram_get_n_items (copy); i++)
    g_assert_null (wm_diagram_lookup (original, wm_diagram_get_item (copy, i)->id));
  g_assert_true (g_str_has_suffix (wm_diagram_get_name (copy), "(copy)"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_delete_and_undo (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_test_present (project);
  WmDiagram *diagram = g_object_ref (wm_project_get_diagram (project, 1));
  guint n = wm_project_get_n_diagrams (project);

  wm_window_show_diagram (window, diagram);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-diagram", NULL));
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, n - 1);
  g_assert_true (shown_diagram (window) != diagram);

  /* The toast's Undo button brings it back, selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-diagram", NULL));
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, n);
  g_assert_true (wm_project_get_diagram (project, 1) == diagram);
  g_assert_true (shown_diagram (window) == diagram);

  /* Once something else was done since, the toast undoes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-diagram", NULL);
  wm_project_set_title (project, "Changed since");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-diagram", NULL);
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, n - 1);
  g_assert_cmpstr (wm_project_get_title (project), ==, "Changed since");
  g_object_unref (diagram);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_move_keeps_selection (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_test_present (project);
  WmDiagram *diagram = wm_project_get_diagram (project, 1);
  guint n = wm_project_get_n_diagrams (project);

  wm_window_show_diagram (window, diagram);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move-diagram-up", NULL);
  g_assert_true (wm_project_get_diagram (project, 0) == diagram);
  g_assert_true (shown_diagram (window) == diagram);
  /* At the top it goes no further. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move-diagram-up", NULL);
  g_assert_true (wm_project_get_diagram (project, 0) == diagram);

  for (guint i = 0; i < n + 2; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.move-diagram-down", NULL);
  g_assert_true (wm_project_get_diagram (project, n - 1) == diagram);
  g_assert_true (shown_diagram (window) == diagram);
  iterate (10);
  g_assert_true (shown_diagram (window) == diagram);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
save_composite_screenshot (GtkWidget  *window,
                           GtkWidget  *popover,
                           const char *name)
{
  g_autoptr(GdkPaintable) back = gtk_widget_paintable_new (window);
  g_autoptr(GdkPaintable) front = gtk_widget_paintable_new (popover);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  const char *dir = g_getenv ("WAYMARK_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (dir ? dir : g_get_tmp_dir (), name, NULL);
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
  double wx, wy, px, py;

  /* The popover is a surface of its own; place it where the popup sits. */
  gtk_native_get_surface_transform (GTK_NATIVE (window), &wx, &wy);
  gtk_native_get_surface_transform (GTK_NATIVE (popover), &px, &py);
  gdk_paintable_snapshot (back, GDK_SNAPSHOT (snapshot), width, height);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (gdk_popup_get_position_x (GDK_POPUP (surface)) + px - wx,
                                                gdk_popup_get_position_y (GDK_POPUP (surface)) + py - wy));
  gdk_paintable_snapshot (front, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (popover),
                          gtk_widget_get_height (popover));
  node = gtk_snapshot_to_node (snapshot);
  gsk_renderer_realize (renderer, NULL, NULL);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
test_context_menu (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_test_present (project);
  GtkWidget *list = wm_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW);
  GtkGesture *click = find_controller (list, GTK_TYPE_GESTURE_CLICK);
  GtkWidget *popover = wm_test_find_widget (list, GTK_TYPE_POPOVER_MENU);
  graphene_rect_t bounds;
  GtkWidget *row;

  g_assert_nonnull (click);
  g_assert_nonnull (popover);
  /* The third row: its box is the first child of the list's third child. */
  row = gtk_widget_get_first_child (list);
  for (guint i = 0; i < 2; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_true (gtk_widget_compute_bounds (row, list, &bounds));

  /* A right click selects the row under the pointer and opens the menu there. */
  g_signal_emit_by_name (click, "pressed", 1, (double) bounds.origin.x + 40,
                         (double) bounds.origin.y + bounds.size.height / 2);
  g_assert_true (shown_diagram (window) == wm_project_get_diagram (project, 2));
  for (guint i = 0; i < 400 && !gtk_widget_get_mapped (popover); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_visible (popover));
  iterate (40);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  if (gtk_widget_get_mapped (popover))
    save_composite_screenshot (GTK_WIDGET (window), popover, "waymark-sidebar-menu.png");
  wm_window_test_popdown (GTK_POPOVER (popover));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GdkFileList *
file_list_of (GFile *first,
              ...)
{
  g_autoptr(GSList) files = NULL;
  va_list args;

  va_start (args, first);
  for (GFile *file = first; file != NULL; file = va_arg (args, GFile *))
    files = g_slist_append (files, file);
  va_end (args);
  return gdk_file_list_new_from_list (files);
}

static void
test_drop_opens_project (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("WAYMARK_SAMPLES_DIR"), "bean-box.waymark",
                                            NULL);
  g_autoptr(GFile) sample = g_file_new_for_path (path);
  g_autoptr(GFile) other = g_file_new_for_path ("/tmp/not-a-project.txt");
  WmWindow *window = wm_window_test_present (NULL);
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  GtkDropTarget *target = find_controller (content, GTK_TYPE_DROP_TARGET);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean handled = TRUE;

  g_assert_nonnull (target);
  g_assert_true (wm_window_is_pristine (window));

  /* Files that are not projects are refused... */
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, file_list_of (other, NULL));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_assert_false (handled);
  g_assert_true (wm_window_is_pristine (window));

  /* ...a project opens, in this untouched window. */
  g_value_take_boxed (&value, file_list_of (other, sample, NULL));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_assert_true (handled);
  g_assert_false (wm_window_is_pristine (window));
  wm_window_test_wait_for (project_has_file, window);
  g_assert_true (g_file_equal (wm_project_get_file (wm_window_get_project (window)), sample));
  {
    g_autoptr(WmProject) expected = wm_test_load_sample ();

    g_assert_cmpuint (wm_project_get_n_diagrams (wm_window_get_project (window)), ==,
                      wm_project_get_n_diagrams (expected));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
project_is_clean (gpointer data)
{
  return !wm_project_get_dirty (data);
}

typedef struct
{
  GtkWidget  *root;
  const char *uri;
  GtkWidget  *row;
} RecentSearch;

/* The row of @uri under @root, shown or (unless @mapped) not. */
static GtkWidget *
find_recent_row (GtkWidget  *root,
                 const char *uri,
                 gboolean    mapped)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "win.open-recent") == 0)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      if (g_str_equal (g_variant_get_string (target, NULL), uri) &&
          (!mapped || gtk_widget_get_mapped (root)))
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_recent_row (child, uri, mapped);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
recent_row_shown (gpointer data)
{
  RecentSearch *search = data;

  search->row = find_recent_row (search->root, search->uri, TRUE);
  return search->row != NULL;
}

static void
count_change (guint *changes)
{
  (*changes)++;
}

static gboolean
has_changed (gpointer data)
{
  return *(guint *) data > 0;
}

static void
test_recent_projects (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autofree char *dir = g_dir_make_tmp ("waymark-recent-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "recent.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentManager *recent = gtk_recent_manager_get_default ();
  WmWindow *window;
  WmWindow *empty;
  RecentSearch search = { NULL, uri, NULL };
  guint changes = 0;

  g_assert_nonnull (wm_project_add_diagram (project, "use-case", "Ordering", NULL));
  window = wm_window_test_present (project);
  wm_project_set_file (project, file);
  g_assert_false (gtk_recent_manager_has_item (recent, uri));

  /* Saving remembers the file among the recent ones. */
  g_signal_connect_swapped (recent, "changed", G_CALLBACK (count_change), &changes);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wm_window_test_wait_for (project_is_clean, project);
  g_assert_true (gtk_recent_manager_has_item (recent, uri));
  {
    g_autoptr(GtkRecentInfo) info = gtk_recent_manager_lookup_item (recent, uri, NULL);

    g_assert_cmpstr (gtk_recent_info_get_mime_type (info), ==, "application/x-waymark");
  }

  /* A new window's empty page lists it, and opens it from there. */
  empty = wm_window_test_present (NULL);
  search.root = GTK_WIDGET (empty);
  wm_window_test_wait_for (recent_row_shown, &search);
  iterate (20);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (empty));
  wm_test_save_screenshot (GTK_WIDGET (empty), "waymark-recent.png");
  /* The list is rebuilt whenever the recent files change (a save elsewhere
   * may still be adding one): find the row again just before using it. */
  search.row = NULL;
  wm_window_test_wait_for (recent_row_shown, &search);
  g_assert_true (gtk_widget_activate (search.row));
  wm_window_test_wait_for (project_has_file, empty);
  g_assert_true (g_file_equal (wm_project_get_file (wm_window_get_project (empty)), file));
  g_assert_nonnull (wm_project_find_diagram (wm_window_get_project (empty), "Ordering"));

  /* The first window showed a diagram all along: its hidden empty page was
   * not rebuilt for the change, until that page shows. */
  wm_window_test_wait_for (has_changed, &changes);
  g_signal_handlers_disconnect_by_data (recent, &changes);
  g_assert_null (find_recent_row (GTK_WIDGET (window), uri, FALSE));
  g_assert_true (wm_project_remove_diagram (project, wm_project_find_diagram (project, "Ordering")));
  search.root = GTK_WIDGET (window);
  search.row = NULL;
  wm_window_test_wait_for (recent_row_shown, &search);

  gtk_recent_manager_remove_item (recent, uri, NULL);
  gtk_window_destroy (GTK_WINDOW (empty));
  gtk_window_destroy (GTK_WINDOW (window));
  g_remove (path);
  g_rmdir (dir);
}

/* The bottom pane, the search bar and links between diagrams */

static WmItem *
item_with_text (WmDiagram  *diagram,
                const char *text)
{
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    if (g_str_equal (wm_diagram_get_item (diagram, i)->text, text))
      return wm_diagram_get_item (diagram, i);
  g_assert_not_reached ();
}

static WmDiagram *
current_state_map (WmProject *project)
{
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);

      if (g_strcmp0 (wm_diagram_get_choice (diagram, "state"), "current") == 0)
        return diagram;
    }
  g_assert_not_reached ();
}

static gboolean
panel_has_one_problem (gpointer data)
{
  return wm_problems_panel_get_n_problems (data) == 1;
}

static gboolean
metrics_have_comparison (gpointer data)
{
  return wm_metrics_panel_has_comparison (data);
}

/* The sample's processing time is 122 s; with Roasting at 0 s instead of 27 s, 95 s. */
static gboolean
metrics_processing_is_95_s (gpointer data)
{
  return g_strcmp0 (wm_metrics_panel_get_text (data, "processing-time"), "95 s") == 0;
}

static gboolean
metrics_processing_is_122_s (gpointer data)
{
  return g_strcmp0 (wm_metrics_panel_get_text (data, "processing-time"), "122 s") == 0;
}

static void
settle_and_shoot (WmWindow   *window,
                  const char *name)
{
  gint64 settled = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < settled)
    g_main_context_iteration (NULL, FALSE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  wm_test_save_screenshot (GTK_WIDGET (window), name);
}

static void
test_bottom_pane (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_test_present (project);
  WmCanvas *canvas = WM_CANVAS (wm_window_get_canvas (window));
  WmProblemsPanel *problems = WM_PROBLEMS_PANEL (wm_test_find_widget (GTK_WIDGET (window),
                                                              WM_TYPE_PROBLEMS_PANEL));
  WmMetricsPanel *metrics = WM_METRICS_PANEL (wm_test_find_widget (GTK_WIDGET (window),
                                                           WM_TYPE_METRICS_PANEL));
  AdwViewStack *stack = ADW_VIEW_STACK (wm_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  WmDiagram *map = current_state_map (project);
  WmDiagram *uc = wm_project_find_diagram (project, "uc-41");
  WmItem *roasting = item_with_text (map, "Roasting");
  g_auto(GStrv) selection = NULL;
  const WmRect bounds = { 1300, 40, 160, 80 };

  /* Hidden at first; the action (F9) shows it, with the diagram's problems. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (stack))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-panel", NULL);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (stack))));
  g_assert_true (wm_problems_panel_get_diagram (problems) == shown_diagram (window));
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 0);
  settle_and_shoot (window, "waymark-window-no-problems.png");

  /* On a value stream map the metrics page is there, and follows edits. */
  wm_window_show_diagram (window, map);
  g_assert_true (wm_problems_panel_get_diagram (problems) == map);
  g_assert_true (wm_metrics_panel_get_diagram (metrics) == map);
  g_assert_true (adw_view_stack_page_get_visible (adw_view_stack_get_page (stack,
                                                                         GTK_WIDGET (metrics))));
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 0);
  wm_test_set_property (map, roasting, "cycle-time", "0");
  wm_window_test_wait_for (panel_has_one_problem, problems);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (
                      adw_view_stack_get_page (stack, GTK_WIDGET (problems))), ==, 1);

  /* A click on the problem selects the process it is about. */
  wm_problems_panel_activate (problems, 0);
  selection = wm_canvas_get_selection (canvas);
  g_assert_cmpuint (g_strv_length (selection), ==, 1);
  g_assert_cmpstr (selection[0], ==, roasting->id);
  /* The metrics compute once their page shows. */
  adw_view_stack_set_visible_child_name (stack, "metrics");
  wm_window_test_wait_for (metrics_have_comparison, metrics);
  settle_and_shoot (window, "waymark-window-metrics.png");

  /* A use-case diagram has no metrics: the pane goes back to its problems.
   * A use case nobody reaches gives it one, for the screenshot. */
  wm_window_show_diagram (window, uc);
  g_assert_false (adw_view_stack_page_get_visible (adw_view_stack_get_page (stack,
                                                                          GTK_WIDGET (metrics))));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "problems");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (metrics)));
  wm_test_add_node (uc, "use-case", &bounds, "Gift a subscription");
  wm_window_test_wait_for (panel_has_one_problem, problems);
  settle_and_shoot (window, "waymark-window-problems.png");

  /* The action hides the pane again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-panel", NULL);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (stack))));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closed, the pane costs nothing: no checks, no metrics, even through edits
 * (opening a 100 000-item project spent half its time filling it). The
 * panels hold the diagram shown all the same: they work once on screen. */
static void
test_closed_pane_is_idle (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_test_present (project);
  WmProblemsPanel *problems = WM_PROBLEMS_PANEL (wm_test_find_widget (GTK_WIDGET (window),
                                                              WM_TYPE_PROBLEMS_PANEL));
  WmMetricsPanel *metrics = WM_METRICS_PANEL (wm_test_find_widget (GTK_WIDGET (window),
                                                           WM_TYPE_METRICS_PANEL));
  AdwViewStack *stack = ADW_VIEW_STACK (wm_test_find_widget (GTK_WIDGET (window),
                                                             ADW_TYPE_VIEW_STACK));
  WmDiagram *map = current_state_map (project);
  WmItem *roasting = item_with_text (map, "Roasting");
  guint computes;

  wm_window_show_diagram (window, map);
  wm_test_set_property (map, roasting, "cycle-time", "0");
  iterate (50);
  g_assert_true (wm_problems_panel_get_diagram (problems) == map);
  g_assert_cmpuint (wm_problems_panel_get_n_checks (problems), ==, 0);
  g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, 0);
  g_assert_true (wm_metrics_panel_get_diagram (metrics) == map);
  g_assert_cmpuint (wm_metrics_panel_get_n_computes (metrics), ==, 0);
  g_assert_null (wm_metrics_panel_get_text (metrics, "processing-time"));

  /* Opened, the problems catch up with the diagram as it is now; the
   * metrics, on the page not shown, still wait... */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-panel", NULL);
  wm_window_test_wait_for (panel_has_one_problem, problems);
  g_assert_cmpuint (wm_problems_panel_get_n_checks (problems), ==, 1);
  iterate (50);
  g_assert_cmpuint (wm_metrics_panel_get_n_computes (metrics), ==, 0);
  /* ...until their page shows. */
  adw_view_stack_set_visible_child_name (stack, "metrics");
  wm_window_test_wait_for (metrics_processing_is_95_s, metrics);
  g_assert_cmpuint (wm_metrics_panel_get_n_computes (metrics), ==, 1);

  /* Closed again: edits compute nothing; opened, the figures catch up. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-panel", NULL);
  computes = wm_metrics_panel_get_n_computes (metrics);
  wm_project_undo (project);
  iterate (50);
  g_assert_cmpuint (wm_metrics_panel_get_n_computes (metrics), ==, computes);
  g_assert_cmpstr (wm_metrics_panel_get_text (metrics, "processing-time"), ==, "95 s");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-panel", NULL);
  wm_window_test_wait_for (metrics_processing_is_122_s, metrics);
  g_assert_cmpuint (wm_metrics_panel_get_n_computes (metrics), ==, computes + 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The panels' "diagram" is bound to the canvas's: whichever way the canvas
 * comes to show a diagram (the sidebar, a link followed, the canvas itself),
 * the panels show the same, and the metrics page is there only for the
 * kinds of diagram that compute figures. */
static void
test_panels_follow_canvas (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_test_present (project);
  WmCanvas *canvas = WM_CANVAS (wm_window_get_canvas (window));
  WmProblemsPanel *problems = WM_PROBLEMS_PANEL (wm_test_find_widget (GTK_WIDGET (window),
                                                              WM_TYPE_PROBLEMS_PANEL));
  WmMetricsPanel *metrics = WM_METRICS_PANEL (wm_test_find_widget (GTK_WIDGET (window),
                                                           WM_TYPE_METRICS_PANEL));
  AdwViewStack *stack = ADW_VIEW_STACK (wm_test_find_widget (GTK_WIDGET (window),
                                                             ADW_TYPE_VIEW_STACK));
  AdwViewStackPage *metrics_page = adw_view_stack_get_page (stack, GTK_WIDGET (metrics));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-panel", NULL);
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);
      gboolean has_metrics = wm_diagram_get_notation (diagram)->metrics != NULL;

      wm_window_show_diagram (window, diagram);
      g_assert_true (shown_diagram (window) == diagram);
      g_assert_true (wm_problems_panel_get_diagram (problems) == diagram);
      g_assert_true (wm_metrics_panel_get_diagram (metrics) == diagram);
      g_assert_cmpint (adw_view_stack_page_get_visible (metrics_page), ==, has_metrics);
      g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (metrics)), ==, has_metrics);
      /* The problems shown are the diagram's own, at once. */
      {
        g_autoptr(GPtrArray) expected = wm_diagram_check (diagram);

        g_assert_cmpuint (wm_problems_panel_get_n_problems (problems), ==, expected->len);
      }
    }

  /* The binding, not the sidebar: the canvas alone is enough. */
  wm_canvas_set_diagram (canvas, current_state_map (project));
  g_assert_true (wm_problems_panel_get_diagram (problems) == current_state_map (project));
  g_assert_true (wm_metrics_panel_get_diagram (metrics) == current_state_map (project));
  g_assert_true (adw_view_stack_page_get_visible (metrics_page));
  wm_canvas_set_diagram (canvas, NULL);
  g_assert_null (wm_problems_panel_get_diagram (problems));
  g_assert_null (wm_metrics_panel_get_diagram (metrics));
  g_assert_false (adw_view_stack_page_get_visible (metrics_page));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "problems");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
canvas_is_filtered (gpointer data)
{
  WmCanvas *canvas = data;

  return canvas->dimmed != NULL && g_hash_table_size (canvas->dimmed) > 0;
}

static gboolean
canvas_is_unfiltered (gpointer data)
{
  return !canvas_is_filtered (data);
}

static void
test_search (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_test_present (project);
  WmCanvas *canvas = WM_CANVAS (wm_window_get_canvas (window));
  GtkSearchBar *bar = GTK_SEARCH_BAR (wm_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR));
  GtkWidget *entry = wm_test_find_widget (GTK_WIDGET (bar), GTK_TYPE_SEARCH_ENTRY);

  wm_window_show_diagram (window, current_state_map (project));
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  /* Ctrl+F opens the bar; the text fades what does not match. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  gtk_editable_set_text (GTK_EDITABLE (entry), "roast");
  wm_window_test_wait_for (canvas_is_filtered, canvas);
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  /* Text that matches nothing says so. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzzzzz");
  wm_window_test_wait_for (canvas_is_filtered, canvas);
  for (guint i = 0; i < 200 && !gtk_widget_has_css_class (entry, "error"); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));

  /* Another diagram starts unfiltered, with the bar closed. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "roast");
  wm_window_test_wait_for (canvas_is_filtered, canvas);
  wm_window_show_diagram (window, wm_project_find_diagram (project, "uc-41"));
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  wm_window_test_wait_for (canvas_is_unfiltered, canvas);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_follow_link (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_test_present (project);
  WmInspector *inspector = WM_INSPECTOR (wm_window_get_inspector (window));
  WmDiagram *map = current_state_map (project);
  WmItem *kaizen = item_with_text (map, "Roast to a weekly plan by origin");
  WmDiagram *journey = NULL;
  g_auto(GStrv) selection = NULL;

  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    if (g_str_equal (wm_diagram_get_notation (wm_project_get_diagram (project, i))->id,
                     "customer-journey"))
      journey = wm_project_get_diagram (project, i);
  g_assert_nonnull (journey);
  wm_window_show_diagram (window, journey);
  g_assert_true (shown_diagram (window) == journey);

  /* The journey's stale-parcel card links to the kaizen burst of the map:
   * following it shows the map with the burst selected and inspected. */
  g_signal_emit_by_name (inspector, "follow-link", kaizen->id);
  g_assert_true (shown_diagram (window) == map);
  selection = wm_canvas_get_selection (WM_CANVAS (wm_window_get_canvas (window)));
  g_assert_cmpuint (g_strv_length (selection), ==, 1);
  g_assert_cmpstr (selection[0], ==, kaizen->id);
  g_assert_cmpstr (wm_inspector_get_item_id (inspector), ==, kaizen->id);
  /* Close enough to read, with the burst in view. */
  {
    WmCanvas *canvas = WM_CANVAS (wm_window_get_canvas (window));
    WmRect visible;

    g_assert_cmpfloat (wm_canvas_get_zoom (canvas), >=, 0.75);
    wm_viewport_get_visible (wm_canvas_get_viewport (canvas), &visible);
    g_assert_true (wm_rect_intersects (&visible, &kaizen->bounds));
    /* ...and still once the window has settled: no later fit moves it away. */
    wm_window_test_settle (window);
    wm_viewport_get_visible (wm_canvas_get_viewport (canvas), &visible);
    g_assert_true (wm_rect_intersects (&visible, &kaizen->bounds));
    g_assert_cmpfloat (wm_canvas_get_zoom (canvas), >=, 0.75);
  }

  /* A link to nothing leaves the view as it was. */
  g_signal_emit_by_name (inspector, "follow-link", "no-such-item");
  g_assert_true (shown_diagram (window) == map);

  /* A backlink from the journey's own field (its persona) names the
   * journey: it is shown with nothing selected, the inspector on its fields. */
  g_signal_emit_by_name (inspector, "follow-link", wm_diagram_get_id (journey));
  g_assert_true (shown_diagram (window) == journey);
  g_clear_pointer (&selection, g_strfreev);
  selection = wm_canvas_get_selection (WM_CANVAS (wm_window_get_canvas (window)));
  g_assert_cmpuint (g_strv_length (selection), ==, 0);
  g_assert_null (wm_inspector_get_item_id (inspector));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Undo and redo, shown where they happen */

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_only_selected (WmWindow   *window,
                      const char *id)
{
  g_auto(GStrv) selection = wm_canvas_get_selection (WM_CANVAS (wm_window_get_canvas (window)));

  g_assert_cmpuint (g_strv_length (selection), ==, 1);
  g_assert_cmpstr (selection[0], ==, id);
}

static void
test_undo_shows_change (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_test_present (project);
  WmDiagram *first = wm_project_get_diagram (project, 0);
  WmDiagram *second = wm_project_get_diagram (project, 1);
  WmItem *item = NULL;
  g_autofree char *id = NULL;
  const char *ids[2] = { NULL, NULL };

  for (guint i = 0; i < wm_diagram_get_n_items (first) && item == NULL; i++)
    if (wm_item_is_node (wm_diagram_get_item (first, i)))
      item = wm_diagram_get_item (first, i);
  g_assert_nonnull (item);
  id = g_strdup (item->id);
  ids[0] = id;
  wm_window_show_diagram (window, first);
  wm_canvas_select (WM_CANVAS (wm_window_get_canvas (window)), NULL);
  wm_diagram_move_items (first, ids, 40, 0);
  wm_window_show_diagram (window, second);
  iterate (10);

  /* The edit was made elsewhere: undo takes the window there, with the item selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (shown_diagram (window) == first);
  assert_only_selected (window, id);

  /* So does redo, from the other diagram too. */
  wm_window_show_diagram (window, second);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (shown_diagram (window) == first);
  assert_only_selected (window, id);
  iterate (10);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_undo_tooltip_names_step (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_test_present (project);
  WmDiagram *diagram = wm_project_get_diagram (project, 0);
  GtkWidget *undo = find_action_button (GTK_WIDGET (window), "win.undo");
  GtkWidget *redo = find_action_button (GTK_WIDGET (window), "win.redo");
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (undo);
  g_assert_nonnull (redo);
  for (guint i = 0; i < wm_diagram_get_n_items (diagram) && nodes->len < 3; i++)
    if (wm_item_is_node (wm_diagram_get_item (diagram, i)) &&
        wm_diagram_get_item (diagram, i)->parent == NULL)
      g_ptr_array_add (nodes, g_strdup (wm_diagram_get_item (diagram, i)->id));
  g_assert_cmpuint (nodes->len, ==, 3);
  g_ptr_array_add (nodes, NULL);
  wm_diagram_move_items (diagram, (const char *const *) nodes->pdata, 0, 30);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, "Undo Move 3 Items");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (redo), ==, "Redo Move 3 Items");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+Z is the window's: the sidebar, focused, passes it on. */
static void
test_undo_from_sidebar (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_test_present (project);
  GtkWidget *list = wm_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW);
  WmDiagram *diagram = wm_project_get_diagram (project, 0);
  g_autofree char *name = g_strdup (wm_diagram_get_name (diagram));
  GtkWidget *focus;

  g_assert_nonnull (list);
  wm_diagram_rename (diagram, "Renamed for the test");
  gtk_widget_grab_focus (list);
  iterate (5);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == list || gtk_widget_is_ancestor (focus, list));
  g_assert_true (gtk_widget_activate_action (focus, "win.undo", NULL));
  g_assert_cmpstr (wm_diagram_get_name (diagram), ==, name);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Each diagram of the sample opens at a zoom where its text reads, painted
 * with text, its top-left corner in view. */
static void
test_opens_readable (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_test_present (project);
  WmCanvas *canvas = WM_CANVAS (wm_window_get_canvas (window));
  WmViewport *viewport = wm_canvas_get_viewport (canvas);

  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);
      g_autofree char *name = g_strdup_printf ("waymark-open-%u.png", i);
      WmRect extent, visible;

      wm_window_show_diagram (window, diagram);
      wm_window_test_settle (window);
      /* The opening view comes from a low-priority idle once the canvas
       * has its size; a loaded machine (a sanitizer build) may need more
       * than one settling for it. */
      for (guint tries = 0;
           tries < 20 && wm_canvas_get_zoom (canvas) < wm_render_get_readable_zoom () - 1e-9;
           tries++)
        wm_window_test_settle (window);
      g_assert_true (wm_canvas_get_diagram (canvas) == diagram);
      g_test_message ("%s: zoom %.3f, canvas %d x %d", wm_diagram_get_name (diagram),
                      wm_canvas_get_zoom (canvas), gtk_widget_get_width (GTK_WIDGET (canvas)),
                      gtk_widget_get_height (GTK_WIDGET (canvas)));
      g_assert_cmpfloat (wm_canvas_get_zoom (canvas), >=, wm_render_get_readable_zoom () - 1e-9);
      g_assert_cmpfloat (wm_canvas_get_zoom (canvas), <=, 1.0);
      g_assert_cmpint (wm_canvas_get_detail (canvas), ==, WM_RENDER_DETAIL_FULL);
      wm_render_get_extent (diagram, &extent);
      wm_viewport_get_visible (viewport, &visible);
      g_assert_cmpfloat (visible.x, <=, extent.x);
      g_assert_cmpfloat (visible.y, <=, extent.y);
      g_assert_cmpfloat (visible.x + visible.width, >, extent.x);
      g_assert_cmpfloat (visible.y + visible.height, >, extent.y);
      wm_test_save_screenshot (GTK_WIDGET (window), name);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new diagram of each kind opens at 100 % with the document's origin in
 * view; a note created from the palette lands where the analyst clicks. */
static void
test_new_diagram_view (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_test_present (project);
  WmCanvas *canvas = WM_CANVAS (wm_window_get_canvas (window));
  guint n_notations;
  const WmNotation *const *notations = wm_notations_get_all (&n_notations);

  for (guint i = 0; i < n_notations; i++)
    {
      double wx, wy;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.add-diagram", "s", notations[i]->id);
      wm_window_test_settle (window);
      g_assert_true (wm_canvas_get_diagram (canvas) ==
                     wm_project_get_diagram (project, wm_project_get_n_diagrams (project) - 1));
      g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 1.0);
      wm_viewport_doc_to_widget (wm_canvas_get_viewport (canvas), 0, 0, &wx, &wy);
      g_test_message ("%s: origin at %.0f, %.0f", notations[i]->id, wx, wy);
      g_assert_cmpfloat (wx, >=, 0);
      g_assert_cmpfloat (wy, >=, 0);
      g_assert_cmpfloat (wx, <, gtk_widget_get_width (GTK_WIDGET (canvas)) / 2.0);
      g_assert_cmpfloat (wy, <, gtk_widget_get_height (GTK_WIDGET (canvas)) / 2.0);
      if (i == 0)
        wm_test_save_screenshot (GTK_WIDGET (window), "waymark-new-diagram.png");
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Switching the grid on or off in the preferences changes every open
 * canvas at once. */
static void
test_grid_preferences_live (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(WmProject) other = wm_test_load_sample ();
  WmWindow *windows[] = { wm_window_test_present (project), wm_window_test_present (other) };

  for (guint round = 0; round < 2; round++)
    {
      gboolean on = round == 0;

      g_settings_set_boolean (settings, "show-grid", on);
      g_settings_set_boolean (settings, "snap-to-grid", !on);
      iterate (5);
      for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
        {
          WmCanvas *canvas = WM_CANVAS (wm_window_get_canvas (windows[i]));

          g_assert_cmpint (wm_canvas_get_show_grid (canvas), ==, on);
          g_assert_cmpint (wm_canvas_get_snap (canvas), ==, !on);
        }
    }
  g_settings_reset (settings, "show-grid");
  g_settings_reset (settings, "snap-to-grid");
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    gtk_window_destroy (GTK_WINDOW (windows[i]));
}

/* A new grid size in the preferences reaches the canvas of an open window. */
static void
test_grid_size_preference_live (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_test_present (project);
  WmCanvas *canvas = WM_CANVAS (wm_window_get_canvas (window));

  g_assert_cmpfloat (wm_canvas_get_grid_size (canvas), ==,
                     g_settings_get_int (settings, "grid-size"));
  g_settings_set_int (settings, "grid-size", 25);
  iterate (5);
  g_assert_cmpfloat (wm_canvas_get_grid_size (canvas), ==, 25);
  g_settings_reset (settings, "grid-size");
  iterate (5);
  g_assert_cmpfloat (wm_canvas_get_grid_size (canvas), ==, 10);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Runs the shortcut for @keyval and @mods as a key press in @focus would:
 * the first shortcut controller from the focus widget up to the window that
 * has one for it. FALSE when none has. */
static gboolean
press_shortcut (GtkWidget       *focus,
                guint            keyval,
                GdkModifierType  mods)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, mods);

  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

              if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
                return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                     gtk_shortcut_get_arguments (shortcut));
            }
        }
    }
  return FALSE;
}

static void
check_zoom_keys (WmWindow  *window,
                 GtkWidget *focus)
{
  WmCanvas *canvas = WM_CANVAS (wm_window_get_canvas (window));

  gtk_widget_grab_focus (focus);
  g_assert_true (gtk_widget_has_focus (focus));
  g_assert_true (press_shortcut (focus, GDK_KEY_0, GDK_CONTROL_MASK));
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 1.0);
  g_assert_true (press_shortcut (focus, GDK_KEY_plus, GDK_CONTROL_MASK));
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 1.25);
  g_assert_true (press_shortcut (focus, GDK_KEY_minus, GDK_CONTROL_MASK));
  g_assert_true (press_shortcut (focus, GDK_KEY_minus, GDK_CONTROL_MASK));
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 0.8);
  g_assert_true (press_shortcut (focus, GDK_KEY_equal, GDK_CONTROL_MASK));
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 1.0);
  /* The sample's business model is wider than the canvas at 1280 x 800. */
  g_assert_true (press_shortcut (focus, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), <, 0.5);
  /* The keys went to the window, the focus stayed where it was. */
  g_assert_true (gtk_widget_has_focus (focus));
}

/* The label follows the zoom before the next frame. */
static void
wait_for_label (GtkMenuButton *button,
                const char    *label)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_strcmp0 (gtk_menu_button_get_label (button), label) != 0 &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, label);
}

/* The zoom keys work with the focus in the sidebar or the inspector, and
 * the header bar's zoom button shows the zoom. */
static void
test_zoom_keys_and_indicator (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_test_present (project);
  WmCanvas *canvas = WM_CANVAS (wm_window_get_canvas (window));
  GtkMenuButton *button = GTK_MENU_BUTTON (
    gtk_widget_get_template_child (GTK_WIDGET (window), WM_TYPE_WINDOW, "zoom_button"));
  GtkWidget *list = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (window), WM_TYPE_WINDOW, "diagram_list"));
  GtkWidget *text;

  wm_window_test_settle (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  check_zoom_keys (window, list);
  text = wm_test_find_widget (wm_window_get_inspector (window), GTK_TYPE_TEXT);
  g_assert_nonnull (text);
  check_zoom_keys (window, text);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom", "d", 2.0);
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 2.0);
  wait_for_label (button, "200 %");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom", "d", 0.5);
  wait_for_label (button, "50 %");
  wm_canvas_set_zoom (canvas, 1.25);
  wait_for_label (button, "125 %");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit-width", NULL);
  {
    WmRect extent, visible;

    wm_render_get_extent (wm_canvas_get_diagram (canvas), &extent);
    wm_viewport_get_visible (wm_canvas_get_viewport (canvas), &visible);
    g_assert_cmpfloat (visible.width, >=, extent.width);
    g_assert_cmpfloat (visible.width, <, extent.width * 1.1);
  }
  wm_window_test_settle (window);
  gtk_menu_button_popup (button);
  wm_window_test_settle (window);
  save_composite_screenshot (GTK_WIDGET (window),
                             GTK_WIDGET (gtk_menu_button_get_popover (button)),
                             "waymark-zoom-menu.png");
  wm_window_test_popdown (gtk_menu_button_get_popover (button));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The label of the section of @model (or its sections and submenus) that
 * holds an item of @action, or NULL. */
static char *
menu_section_of (GMenuModel *model,
                 const char *section_label,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_action = NULL;
      const char *links[] = { G_MENU_LINK_SECTION, G_MENU_LINK_SUBMENU };

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_str_equal (item_action, action))
        return g_strdup (section_label);
      for (guint l = 0; l < G_N_ELEMENTS (links); l++)
        {
          g_autoptr(GMenuModel) inner = g_menu_model_get_item_link (model, i, links[l]);
          g_autofree char *label = NULL;
          char *found;

          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          if (inner != NULL && (found = menu_section_of (inner, label, action)) != NULL)
            return found;
        }
    }
  return NULL;
}

/* The label of the menu section, in any menu button of @widget's tree,
 * that offers @action. */
static char *
find_menu_section (GtkWidget  *widget,
                   const char *action)
{
  char *found = NULL;

  if (GTK_IS_MENU_BUTTON (widget) &&
      gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    found = menu_section_of (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), NULL,
                             action);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && found == NULL;
       child = gtk_widget_get_next_sibling (child))
    found = find_menu_section (child, action);
  return found;
}

/* Arrange → Automatic Layout: the whole diagram as one undo step, or only
 * the two or more nodes selected; nothing on a diagram it does not serve. */
static void
test_auto_layout (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_test_present (project);
  WmCanvas *canvas = WM_CANVAS (wm_window_get_canvas (window));
  WmDiagram *diagram = wm_project_find_diagram (project, "uc-41");
  g_autofree char *before = wm_test_serialize (project);
  const char *const two[] = { "use-case-43", "use-case-52", NULL };
  g_autofree char *section = find_menu_section (GTK_WIDGET (window), "win.auto-layout");
  WmRect customer;

  g_assert_cmpstr (section, ==, "Arrange");
  wm_window_show_diagram (window, wm_project_find_diagram (project, "bmc-1"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.auto-layout", NULL);
  g_assert_false (wm_project_can_undo (project));

  wm_window_show_diagram (window, diagram);
  wm_canvas_select (canvas, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.auto-layout", NULL);
  g_assert_cmpfloat (fabs (wm_diagram_lookup (diagram, two[0])->bounds.y -
                          wm_diagram_lookup (diagram, two[1])->bounds.y), >, 400);
  g_assert_cmpstr (wm_project_get_undo_label (project), ==, "Automatic Layout");
  customer = wm_diagram_lookup (diagram, "actor-53")->bounds;
  g_assert_cmpfloat (customer.x + customer.width, <=,
                     wm_diagram_lookup (diagram, "subject-42")->bounds.x);
  wm_window_test_settle (window);

  /* Two use cases far apart, selected, are laid out together; the customer
   * stays. */
  wm_canvas_select (canvas, two);
  wm_project_break_merge (project);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.auto-layout", NULL);
  g_assert_cmpfloat (fabs (wm_diagram_lookup (diagram, two[0])->bounds.y -
                          wm_diagram_lookup (diagram, two[1])->bounds.y), <, 200);
  g_assert_true (memcmp (&customer, &wm_diagram_lookup (diagram, "actor-53")->bounds,
                         sizeof customer) == 0);
  g_assert_true (wm_project_undo (project));
  g_assert_true (wm_project_undo (project));
  {
    g_autofree char *undone = wm_test_serialize (project);

    g_assert_cmpstr (before, ==, undone);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("waymark-test-window-XXXXXX", NULL);
  int status;

  /* A list of recent files of its own: tests running side by side (and the
   * sanitizer build's copy of this one) must not rewrite each other's. */
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  wm_test_init_gtk (&argc, &argv);
  /* GTK 4.8 leaks a GDateTime each time the recent manager drops old items
   * before writing; no age limit keeps the sanitizer build quiet. */
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-max-age", -1, NULL);

  g_test_add_func ("/window/shows-sample", test_window_shows_sample);
  g_test_add_func ("/window/close-with-changes-asks", test_close_with_changes_asks);
  g_test_add_func ("/window/export-dialog", test_export_dialog);
  g_test_add_func ("/window/print", test_print_uses_painters);
  g_test_add_func ("/window/sidebar/rename", test_rename_diagram);
  g_test_add_func ("/window/sidebar/duplicate", test_duplicate_diagram);
  g_test_add_func ("/window/sidebar/delete-undo", test_delete_and_undo);
  g_test_add_func ("/window/sidebar/move-keeps-selection", test_move_keeps_selection);
  g_test_add_func ("/window/sidebar/context-menu", test_context_menu);
  g_test_add_func ("/window/drop-opens-project", test_drop_opens_project);
  g_test_add_func ("/window/recent-projects", test_recent_projects);
  g_test_add_func ("/window/bottom-pane", test_bottom_pane);
  g_test_add_func ("/window/closed-pane-is-idle", test_closed_pane_is_idle);
  g_test_add_func ("/window/panels-follow-canvas", test_panels_follow_canvas);
  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/follow-link", test_follow_link);
  g_test_add_func ("/window/opens-readable", test_opens_readable);
  g_test_add_func ("/window/new-diagram-view", test_new_diagram_view);
  g_test_add_func ("/window/grid-preferences-live", test_grid_preferences_live);
  g_test_add_func ("/window/grid-size-preference-live", test_grid_size_preference_live);
  g_test_add_func ("/window/zoom/keys-and-indicator", test_zoom_keys_and_indicator);
  g_test_add_func ("/window/undo/shows-change", test_undo_shows_change);
  g_test_add_func ("/window/undo/tooltip-names-step", test_undo_tooltip_names_step);
  g_test_add_func ("/window/undo/from-sidebar", test_undo_from_sidebar);
  g_test_add_func ("/window/arrange/auto-layout", test_auto_layout);

  status = g_test_run ();
  {
    g_autofree char *xbel = g_build_filename (data_home, "recently-used.xbel", NULL);

    g_remove (xbel);
    g_rmdir (data_home);
  }
  return status;
}
