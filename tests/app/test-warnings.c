/* test-warnings.c — every window of the editor shows without a GTK warning
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under xvfb-run with G_DEBUG=fatal-warnings, so that a warning GTK
 * prints while a window is laid out or drawn (a label measured at a negative
 * width, a missing property) aborts the test instead of scrolling by on
 * stderr. It opens the main window on the sample, shows each diagram in turn,
 * then the shortcuts window, the preferences, the export dialog and the
 * project properties.
 *
 * On the way it saves each editor as it first opens, at the display's scale,
 * as editor-NOTATION.png in $WAYMARK_SCREENSHOT_DIR: the screenshots of the
 * metainfo are made from these (data/screenshots/make-screenshots.sh).
 */
#include "config.h"

#include <adwaita.h>

#include "wm-export-dialog.h"
#include "wm-preferences.h"
#include "wm-project-properties.h"
#include "wm-window.h"
#include "wm-test-util.h"
#include "wm-widget-test.h"

/* Runs the main loop for @usec, then until @widget has drawn a frame: long
 * enough for the first layout, the opening fit and the rows' animations. */
static void
settle (GtkWidget *widget,
        gint64     usec)
{
  gint64 end = g_get_monotonic_time () + usec;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  gtk_test_widget_wait_for_draw (widget);
}

static void
present_and_settle (GtkWindow *window)
{
  gtk_window_present (window);
  wm_test_wait_until_drawn (GTK_WIDGET (window));
  settle (GTK_WIDGET (window), G_USEC_PER_SEC / 2);
}

/* Saves @widget as GTK draws it at the display's scale, so that a screenshot
 * made at GDK_SCALE=2 has twice the pixels. */
static void
save_scaled_screenshot (GtkWidget  *widget,
                        const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  const char *dir = g_getenv ("WAYMARK_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (dir ? dir : g_get_tmp_dir (), name, NULL);
  int scale = gtk_widget_get_scale_factor (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  gtk_snapshot_scale (snapshot, scale, scale);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width * scale,
                                                              height * scale));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static WmWindow *
present_sample_window (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  wm_window_set_project (window, project);
  present_and_settle (GTK_WINDOW (window));
  return window;
}

/* The window of @type that is shown over @parent, or NULL. */
static GtkWindow *
find_window_over (GtkWindow *parent,
                  GType      type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          gtk_window_get_transient_for (toplevel) == parent)
        return toplevel;
    }
  return NULL;
}

/* GTK cuts a pane short, without a warning, when the panes beside it ask for
 * more than the window has: the box holding them lays them out past its own
 * edge, and a longer translation of a label pushes the inspector's buttons off
 * the window. Every pane must get the width it asks for and end inside the
 * window, in every language (meson runs this test in each). */
static void
assert_panes_not_clipped (WmWindow   *window,
                          const char *notation)
{
  const char *names[] = { "palette_scroller", "inspector_scroller" };
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (window));
  graphene_rect_t inside;
  int window_width;

  /* The window's own width counts its frame: the panes must end inside its
   * content. */
  g_assert_true (gtk_widget_compute_bounds (content, GTK_WIDGET (window), &inside));
  window_width = (int) (inside.origin.x + inside.size.width);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *pane = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                   WM_TYPE_WINDOW, names[i]));
      graphene_rect_t bounds;
      int min = 0;

      g_assert_nonnull (pane);
      if (!gtk_widget_get_mapped (pane))
        continue;
      gtk_widget_measure (pane, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_assert_true (gtk_widget_compute_bounds (pane, GTK_WIDGET (window), &bounds));
      if (gtk_widget_get_width (pane) < min ||
          bounds.origin.x + bounds.size.width > window_width + 0.5)
        g_error ("%s: the %s is %d px wide from x = %.0f, needs %d, in a window %d px wide",
                 notation, names[i], gtk_widget_get_width (pane), bounds.origin.x, min,
                 window_width);
    }
}

static void
test_window_shows_each_diagram (void)
{
  WmWindow *window = present_sample_window ();
  WmProject *project = wm_window_get_project (window);
  g_autoptr(GHashTable) saved = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (wm_project_get_n_diagrams (project), >=, 5);
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);
      const char *notation = wm_diagram_get_notation (diagram)->id;

      wm_window_show_diagram (window, diagram);
      settle (GTK_WIDGET (window), G_USEC_PER_SEC / 2);
      assert_panes_not_clipped (window, notation);
      /* The first diagram of each kind, as the analyst first sees it. */
      if (g_hash_table_add (saved, (gpointer) notation))
        {
          g_autofree char *name = g_strdup_printf ("editor-%s.png", notation);

          save_scaled_screenshot (GTK_WIDGET (window), name);
        }
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shortcuts_window (void)
{
  WmWindow *window = present_sample_window ();
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/waymark/Waymark/gtk/help-overlay.ui");
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_set_transient_for (overlay, GTK_WINDOW (window));
  present_and_settle (overlay);
  save_scaled_screenshot (GTK_WIDGET (overlay), "shortcuts.png");
  gtk_window_destroy (overlay);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences (void)
{
  WmWindow *window = present_sample_window ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  WmPreferences *preferences = wm_preferences_new (GTK_WINDOW (window), settings);

  present_and_settle (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Activates @action on a window of the sample and shows the dialog of
 * @dialog_type it opens. */
static void
check_dialog_of_action (const char *action,
                        GType       dialog_type)
{
  WmWindow *window = present_sample_window ();
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  dialog = find_window_over (GTK_WINDOW (window), dialog_type);
  g_assert_nonnull (dialog);
  present_and_settle (dialog);
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_dialog (void)
{
  check_dialog_of_action ("win.export", WM_TYPE_EXPORT_DIALOG);
}

static void
test_project_properties (void)
{
  check_dialog_of_action ("win.project-properties", WM_TYPE_PROJECT_PROPERTIES);
}

int
main (int   argc,
      char *argv[])
{
  wm_test_init_gtk (&argc, &argv);

  g_test_add_func ("/warnings/main-window", test_window_shows_each_diagram);
  g_test_add_func ("/warnings/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/warnings/preferences", test_preferences);
  g_test_add_func ("/warnings/export-dialog", test_export_dialog);
  g_test_add_func ("/warnings/project-properties", test_project_properties);

  return g_test_run ();
}
