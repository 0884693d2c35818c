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
#include <string.h>

#include "wm-canvas.h"
#include "wm-export-dialog.h"
#include "wm-inspector.h"
#include "wm-print.h"
#include "wm-window.h"

static void
wait_until_mapped (GtkWidget *widget)
{
  for (guint i = 0; i < 400 && !gtk_widget_get_mapped (widget); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (widget));
  /* A few more turns, so that layout and the first frame happen. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static WmProject *
load_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("WAYMARK_SAMPLES_DIR"), "bean-box.waymark",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WmProject *project = wm_project_load (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  const char *dir = g_getenv ("WAYMARK_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (dir ? dir : g_get_tmp_dir (), name, NULL);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_renderer_realize (renderer, NULL, &error);
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
test_window_shows_sample (void)
{
  g_autoptr(WmProject) project = load_sample ();
  WmWindow *window = wm_window_new (NULL);
  GtkWidget *canvas = wm_window_get_canvas (window);
  GListModel *diagrams = G_LIST_MODEL (project);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  wm_window_set_project (window, project);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));

  /* The first diagram shows; the title names the project, unmarked. */
  g_assert_true (wm_canvas_get_diagram (WM_CANVAS (canvas)) == g_list_model_get_item (diagrams, 0));
  g_object_unref (g_list_model_get_item (diagrams, 0));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Bean Box — coffee subscription");

  /* Adding a diagram selects it and marks the window as changed... */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-diagram", "s", "value-stream-map");
  g_assert_cmpuint (g_list_model_get_n_items (diagrams), ==, 5);
  g_assert_true (wm_canvas_get_diagram (WM_CANVAS (canvas)) ==
                 wm_project_get_diagram (project, 4));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  /* ...and undo takes both back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (diagrams), ==, 4);
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
  save_screenshot (GTK_WIDGET (window), "waymark-window.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_close_with_changes_asks (void)
{
  g_autoptr(WmProject) project = load_sample ();
  WmWindow *window = wm_window_new (NULL);
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before;

  wm_window_set_project (window, project);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));

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
  g_autoptr(WmProject) project = load_sample ();
  WmDiagram *current = wm_project_find_diagram (project, "uc-41");
  WmExportDialog *dialog = wm_export_dialog_new (NULL, project, current);
  g_autofree char *dir = g_dir_make_tmp ("waymark-export-dialog-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "deck.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "all.png", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GError) error = NULL;
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
  g_assert_cmpuint (count_pdf_pages (pdf), ==, 5);

  /* All diagrams as PNG: one file each, named after the diagram. */
  options.format = WM_EXPORT_PNG;
  options.scale = 0.5;
  wm_export_dialog_set_options (dialog, &options, TRUE);
  g_assert_true (wm_export_dialog_export_to (dialog, png_file, &error));
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      g_autofree char *each = wm_export_path_for_diagram (png, wm_project_get_diagram (project, i),
                                                          WM_EXPORT_PNG);
      g_assert_true (g_file_test (each, G_FILE_TEST_EXISTS));
      g_remove (each);
    }
  g_remove (pdf);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_print_uses_painters (void)
{
  g_autoptr(WmProject) project = load_sample ();
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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/shows-sample", test_window_shows_sample);
  g_test_add_func ("/window/close-with-changes-asks", test_close_with_changes_asks);
  g_test_add_func ("/window/export-dialog", test_export_dialog);
  g_test_add_func ("/window/print", test_print_uses_painters);

  return g_test_run ();
}
