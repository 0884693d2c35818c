/* test-window-import.c — other tools' files in the editor: Open makes a new
 * unsaved project of one, Import adds its diagrams as one undoable step
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under xvfb-run like the window tests, and writes a screenshot of the
 * window after an import to $WAYMARK_SCREENSHOT_DIR.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "wm-canvas.h"
#include "wm-drawio.h"
#include "wm-window.h"
#include "wm-window-private.h"
#include "wm-test-util.h"
#include "wm-widget-test.h"
#include "wm-window-test.h"

static const char plantuml[] =
  "@startuml\n"
  "skinparam monochrome true\n"
  "left to right direction\n"
  "actor Clerk\n"
  "actor :Insurer: as Ins\n"
  "rectangle \"Claims\" {\n"
  "  usecase \"File a claim\" as File\n"
  "  (Check cover)\n"
  "  (Upload photos)\n"
  "}\n"
  "Clerk --> File\n"
  "File ..> (Check cover) : <<include>>\n"
  "(Upload photos) .> File : <<extend>>\n"
  "Ins -- (Check cover)\n"
  "@enduml\n";

/* Writes @size bytes of @data to @name in a new temporary folder. */
static GFile *
write_temp_file (const char *name,
                 const char *data,
                 gssize      size)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-window-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, size, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
remove_temp_file (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);

  g_file_delete (file, NULL, NULL);
  g_file_delete (dir, NULL, NULL);
}

typedef struct
{
  WmWindow *window;
  guint     n_diagrams;
} DiagramCount;

static gboolean
has_n_diagrams (gpointer data)
{
  DiagramCount *count = data;

  return wm_project_get_n_diagrams (wm_window_get_project (count->window)) == count->n_diagrams;
}

static gboolean
has_warning_dialog (gpointer data)
{
  return wm_test_find_dialog_of (data) != NULL;
}

static WmDiagram *
shown_diagram (WmWindow *window)
{
  return wm_canvas_get_diagram (WM_CANVAS (wm_window_get_canvas (window)));
}

/* Open of a .puml: a new project titled after the file, with no file of
 * its own (so Save asks where) and unsaved; the warnings in a dialog. */
static void
test_open_plantuml (void)
{
  g_autoptr(GFile) file = write_temp_file ("claims.puml", plantuml, -1);
  WmWindow *window = wm_window_test_present (NULL);
  DiagramCount count = { window, 1 };
  AdwMessageDialog *dialog;
  WmProject *project;
  WmDiagram *diagram;

  g_assert_true (wm_window_is_pristine (window));
  wm_window_open_file (window, file);
  wm_window_test_wait_for (has_n_diagrams, &count);
  project = wm_window_get_project (window);
  diagram = wm_project_get_diagram (project, 0);
  g_assert_cmpstr (wm_diagram_get_notation (diagram)->id, ==, "use-case");
  /* Two actors, the subject and three use cases. */
  g_assert_cmpuint (wm_diagram_get_n_nodes (diagram), ==, 6);
  g_assert_cmpuint (wm_diagram_get_n_links (diagram), ==, 4);
  g_assert_cmpstr (wm_project_get_title (project), ==, "claims");
  g_assert_null (wm_project_get_file (project));
  g_assert_true (wm_project_get_dirty (project));
  g_assert_false (wm_window_is_pristine (window));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "claims"));

  /* The skinparam is named with its line. */
  wm_window_test_wait_for (has_warning_dialog, window);
  dialog = wm_test_find_dialog_of (GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "claims.puml"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Line 2"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  wm_window_test_settle (window);
  wm_test_save_screenshot (GTK_WIDGET (window), "waymark-open-plantuml.png");
  gtk_window_destroy (GTK_WINDOW (window));
  remove_temp_file (file);
}

/* File → Import: the file's diagrams join the project as one undo step,
 * and the first of them is shown. */
static void
test_import_adds_diagrams (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(WmProject) other = wm_test_load_sample ();
  g_autofree char *drawio = wm_export_drawio (other, NULL, NULL);
  g_autoptr(GFile) puml_file = write_temp_file ("claims.puml", plantuml, -1);
  g_autoptr(GFile) drawio_file = write_temp_file ("shared.drawio", drawio, -1);
  guint n = wm_project_get_n_diagrams (project);
  guint n_pages = wm_project_get_n_diagrams (other);
  WmWindow *window = wm_window_test_present (project);
  DiagramCount count = { window, n + 1 };
  WmDiagram *added;

  _wm_window_import_file (window, puml_file);
  wm_window_test_wait_for (has_n_diagrams, &count);
  added = wm_project_get_diagram (project, n);
  g_assert_cmpstr (wm_diagram_get_notation (added)->id, ==, "use-case");
  g_assert_true (shown_diagram (window) == added);
  /* The project stays the analyst's, with its title. */
  g_assert_cmpstr (wm_project_get_title (project), ==, wm_project_get_title (other));
  wm_window_test_wait_for (has_warning_dialog, window);
  gtk_window_destroy (GTK_WINDOW (wm_test_find_dialog_of (GTK_WINDOW (window))));
  wm_window_test_settle (window);
  wm_test_save_screenshot (GTK_WIDGET (window), "waymark-import.png");

  /* A draw.io file of several pages: one undo takes them all away. */
  count.n_diagrams = n + 1 + n_pages;
  _wm_window_import_file (window, drawio_file);
  wm_window_test_wait_for (has_n_diagrams, &count);
  g_assert_true (shown_diagram (window) == wm_project_get_diagram (project, n + 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, n + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, n);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, n + 1);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_temp_file (puml_file);
  remove_temp_file (drawio_file);
}

/* A file nothing can be made of leaves the window as it was, and says why. */
static void
test_open_unreadable (void)
{
  g_autoptr(GFile) file = write_temp_file ("notes.bin", "just words\n", -1);
  WmWindow *window = wm_window_test_present (NULL);
  AdwMessageDialog *dialog;

  wm_window_open_file (window, file);
  wm_window_test_wait_for (has_warning_dialog, window);
  dialog = wm_test_find_dialog_of (GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "notes.bin"));
  g_assert_true (wm_window_is_pristine (window));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  remove_temp_file (file);
}

int
main (int   argc,
      char *argv[])
{
  wm_test_init_gtk (&argc, &argv);
  g_test_add_func ("/window/open/plantuml", test_open_plantuml);
  g_test_add_func ("/window/open/unreadable", test_open_unreadable);
  g_test_add_func ("/window/import/adds-diagrams", test_import_adds_diagrams);
  return g_test_run ();
}
