/* test-file-changes.c — the window under outside changes, damaged autosaves and drags
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under xvfb-run with GTK_A11Y=none and GSK_RENDERER=cairo. Another
 * program is played by the test itself: it rewrites, deletes or garbles the
 * project's file while the window has it open, and the window's file
 * monitor must notice. Screenshots of the reload toast and of the question
 * asked about unsaved work go to $WAYMARK_SCREENSHOT_DIR.
 *
 * With XTEST (WM_HAVE_XTEST), a real drag on the canvas checks that the
 * problems pane waits for the drag to end.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#ifdef WM_HAVE_XTEST
#include "wm-xtest.h"
#endif

#include "wm-application.h"
#include "wm-canvas.h"
#include "wm-problems-panel.h"
#include "wm-recovery.h"
#include "wm-test-util.h"
#include "wm-widget-test.h"
#include "wm-window.h"

/* The main loop */

static void
wait_for (gboolean (*done) (gpointer data),
          gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (done (data));
}

/* Runs the main loop for @ms milliseconds: long enough for the file
 * monitor's events and the window's look at the file. */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Widgets */

/* A label showing @text somewhere in it: how a toast is seen. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
has_dialog (gpointer data)
{
  return wm_test_find_dialog_of (data) != NULL;
}

/* The project's file, and the program that changes it */

typedef struct
{
  char      *dir;
  char      *path;
  GFile     *file;
  WmWindow  *window;
  WmProject *opened;  /* the project the window opened, held to compare */
} Fixture;

static gboolean
window_has_file (gpointer data)
{
  Fixture *fixture = data;

  return wm_project_get_file (wm_window_get_project (fixture->window)) != NULL;
}

static gboolean
project_replaced (gpointer data)
{
  Fixture *fixture = data;

  return wm_window_get_project (fixture->window) != fixture->opened;
}

static gboolean
project_clean (gpointer data)
{
  Fixture *fixture = data;

  return !wm_project_get_dirty (wm_window_get_project (fixture->window));
}

static gboolean
project_dirty (gpointer data)
{
  return !project_clean (data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(WmProject) sample = wm_test_load_sample ();
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("waymark-file-changes-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "bean-box.waymark", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
  g_assert_true (wm_project_save (sample, fixture->file, NULL, &error));
  g_assert_no_error (error);

  fixture->window = wm_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wm_window_open_file (fixture->window, fixture->file);
  wait_for (window_has_file, fixture);
  wm_test_wait_until_drawn (GTK_WIDGET (fixture->window));
  fixture->opened = g_object_ref (wm_window_get_project (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  run_for (50);
  g_clear_object (&fixture->opened);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_object_unref (fixture->file);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Another program saves the project under a new title, as Waymark would. */
static void
change_outside (Fixture    *fixture,
                const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) other = wm_project_load (fixture->file, NULL, &error);

  g_assert_no_error (error);
  wm_project_set_title (other, title);
  g_assert_true (wm_project_save (other, fixture->file, NULL, &error));
  g_assert_no_error (error);
}

static char *
title_on_disk (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = wm_project_load (fixture->file, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (wm_project_get_title (project));
}

static WmDiagram *
shown_diagram (WmWindow *window)
{
  return wm_canvas_get_diagram (WM_CANVAS (wm_window_get_canvas (window)));
}

static void
settle_and_shoot (GtkWidget  *widget,
                  const char *name)
{
  run_for (500);
  gtk_test_widget_wait_for_draw (widget);
  wm_test_save_screenshot (widget, name);
}

/* No unsaved work: the outside version is reloaded in place, the same
 * diagram shown, with a toast whose Undo brings the old version back. */
static void
test_reload_when_clean (Fixture       *fixture,
                        gconstpointer  data)
{
  WmWindow *window = fixture->window;
  WmProject *reloaded;
  g_autofree char *after_save = NULL;

  wm_window_show_diagram (window, wm_project_find_diagram (fixture->opened, "uc-41"));
  change_outside (fixture, "Changed elsewhere");
  wait_for (project_replaced, fixture);
  reloaded = wm_window_get_project (window);
  g_assert_cmpstr (wm_project_get_title (reloaded), ==, "Changed elsewhere");
  g_assert_false (wm_project_get_dirty (reloaded));
  g_assert_cmpstr (wm_diagram_get_id (shown_diagram (window)), ==, "uc-41");
  g_assert_true (shows_text (GTK_WIDGET (window), "was changed on disk and reloaded"));
  settle_and_shoot (GTK_WIDGET (window), "waymark-reloaded-toast.png");

  /* Undo: the version the window had, now unsaved... */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-reload", NULL);
  g_assert_true (wm_window_get_project (window) == fixture->opened);
  g_assert_true (wm_project_get_dirty (fixture->opened));
  g_assert_cmpstr (wm_diagram_get_id (shown_diagram (window)), ==, "uc-41");
  /* ...which saving writes over the version turned down, without asking. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for (project_clean, fixture);
  g_assert_null (wm_test_find_dialog_of (GTK_WINDOW (window)));
  after_save = title_on_disk (fixture);
  g_assert_cmpstr (after_save, ==, wm_project_get_title (fixture->opened));
}

/* The window's own saves are not outside changes, whenever their events come. */
static void
test_own_save_is_not_a_change (Fixture       *fixture,
                               gconstpointer  data)
{
  WmWindow *window = fixture->window;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Saved here %u", i);

      wm_project_set_title (fixture->opened, title);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
      wait_for (project_clean, fixture);
    }
  run_for (800);
  g_assert_true (wm_window_get_project (window) == fixture->opened);
  g_assert_null (wm_test_find_dialog_of (GTK_WINDOW (window)));
  g_assert_false (shows_text (GTK_WIDGET (window), "on disk"));
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Unsaved work: the analyst is asked; "Keep Mine" keeps it, and the next
 * save replaces the outside version. */
static void
test_ask_when_dirty_keep_mine (Fixture       *fixture,
                               gconstpointer  data)
{
  WmWindow *window = fixture->window;
  AdwMessageDialog *dialog;
  g_autofree char *saved = NULL;

  wm_project_set_title (fixture->opened, "Mine");
  change_outside (fixture, "Theirs");
  wait_for (has_dialog, window);
  dialog = wm_test_find_dialog_of (GTK_WINDOW (window));
  g_assert_true (strstr (adw_message_dialog_get_heading (dialog), "Changed on Disk") != NULL);
  g_assert_true (adw_message_dialog_has_response (dialog, "reload"));
  settle_and_shoot (GTK_WIDGET (dialog), "waymark-changed-on-disk.png");
  respond (dialog, "keep");
  g_assert_true (wm_window_get_project (window) == fixture->opened);
  g_assert_true (wm_project_get_dirty (fixture->opened));
  /* The same outside version is not asked about twice. */
  run_for (600);
  g_assert_null (wm_test_find_dialog_of (GTK_WINDOW (window)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for (project_clean, fixture);
  g_assert_null (wm_test_find_dialog_of (GTK_WINDOW (window)));
  saved = title_on_disk (fixture);
  g_assert_cmpstr (saved, ==, "Mine");
}

/* "Merge" combines the unsaved work with the outside version, the version
 * opened being the base: what only one side changed is taken, and what both
 * changed keeps the analyst's value with a conflict to resolve. */
static void
test_ask_when_dirty_merge (Fixture       *fixture,
                           gconstpointer  data)
{
  WmWindow *window = fixture->window;
  WmDiagram *diagram = wm_project_get_diagram (fixture->opened, 0);
  g_autofree char *id = g_strdup (wm_diagram_get_item (diagram, 0)->id);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) other = NULL;
  WmProject *merged;

  g_assert_true (wm_diagram_set_text (diagram, id, "Edited here"));
  g_assert_true (wm_project_set_author (fixture->opened, "Me"));
  other = wm_project_load (fixture->file, NULL, &error);
  g_assert_no_error (error);
  wm_project_set_title (other, "Theirs");
  wm_project_set_author (other, "Them");
  g_assert_true (wm_project_save (other, fixture->file, NULL, &error));
  wait_for (has_dialog, window);
  respond (wm_test_find_dialog_of (GTK_WINDOW (window)), "merge");
  wait_for (project_replaced, fixture);
  merged = wm_window_get_project (window);
  g_assert_cmpstr (wm_project_get_title (merged), ==, "Theirs");
  g_assert_cmpstr (wm_project_lookup_item (merged, id, NULL)->text, ==, "Edited here");
  g_assert_cmpstr (wm_project_get_author (merged), ==, "Me");
  g_assert_cmpuint (wm_project_get_conflicts (merged)->len, ==, 1);
  g_assert_true (wm_project_get_dirty (merged));
  g_assert_true (shows_text (GTK_WIDGET (window), "1 conflict"));

  /* Saving replaces the version merged with, without asking. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for (project_clean, fixture);
  g_assert_null (wm_test_find_dialog_of (GTK_WINDOW (window)));
}

/* The window File → Compare with Saved Version opened, or NULL. */
static GtkWidget *
compare_window (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (g_strcmp0 (gtk_widget_get_name (l->data), "compare-window") == 0)
      return l->data;
  return NULL;
}

static gboolean
has_compare_window (gpointer data)
{
  GtkWidget *window = compare_window ();

  return window != NULL && gtk_widget_get_mapped (window);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Compare with Saved Version shows the diagram on screen with what changed
 * since the last save drawn over it, and says so when nothing did. */
static void
test_compare_saved (Fixture       *fixture,
                    gconstpointer  data)
{
  WmWindow *window = fixture->window;
  WmDiagram *shown = shown_diagram (window);
  WmDiagram *other = wm_project_get_diagram (fixture->opened, 1);
  WmItem *item = NULL;
  GtkWidget *compare;

  for (guint i = 0; i < wm_diagram_get_n_items (shown) && item == NULL; i++)
    if (wm_item_is_node (wm_diagram_get_item (shown, i)))
      item = wm_diagram_get_item (shown, i);
  g_assert_nonnull (item);
  g_assert_true (wm_diagram_set_text (shown, item->id, "Changed since the save"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-saved", NULL);
  wait_for (has_compare_window, NULL);
  compare = compare_window ();
  g_assert_nonnull (find_named (compare, "compare-picture"));
  settle_and_shoot (compare, "compare-saved.png");
  gtk_window_destroy (GTK_WINDOW (compare));

  /* Another diagram, untouched: nothing to draw. */
  g_assert_true (other != shown);
  wm_window_show_diagram (window, other);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-saved", NULL);
  wait_for (has_compare_window, NULL);
  compare = compare_window ();
  g_assert_null (find_named (compare, "compare-picture"));
  g_assert_true (shows_text (compare, "No Changes"));
  gtk_window_destroy (GTK_WINDOW (compare));
}

/* "Reload" drops the unsaved work for the outside version. */
static void
test_ask_when_dirty_reload (Fixture       *fixture,
                            gconstpointer  data)
{
  WmWindow *window = fixture->window;

  wm_project_set_title (fixture->opened, "Mine");
  change_outside (fixture, "Theirs");
  wait_for (has_dialog, window);
  respond (wm_test_find_dialog_of (GTK_WINDOW (window)), "reload");
  wait_for (project_replaced, fixture);
  g_assert_cmpstr (wm_project_get_title (wm_window_get_project (window)), ==, "Theirs");
  g_assert_false (wm_project_get_dirty (wm_window_get_project (window)));
}

/* A save that finds the file changed since it was read asks, and writes
 * nothing until the analyst says so. */
static void
test_save_never_overwrites_unasked (Fixture       *fixture,
                                    gconstpointer  data)
{
  WmWindow *window = fixture->window;
  AdwMessageDialog *dialog;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  wm_project_set_title (fixture->opened, "Mine");
  /* Saved at once, before the window has heard of the change. */
  change_outside (fixture, "Theirs");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for (has_dialog, window);
  dialog = wm_test_find_dialog_of (GTK_WINDOW (window));
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), "not saved") != NULL);
  before = title_on_disk (fixture);
  g_assert_cmpstr (before, ==, "Theirs");
  g_assert_true (wm_project_get_dirty (fixture->opened));
  /* The monitor's news of the same change asks nothing more. */
  run_for (600);
  g_assert_true (wm_test_find_dialog_of (GTK_WINDOW (window)) == dialog);

  respond (dialog, "keep");
  wait_for (project_clean, fixture);
  after = title_on_disk (fixture);
  g_assert_cmpstr (after, ==, "Mine");
}

/* A deleted file is reported; the work stays, unsaved; a save writes it again. */
static void
test_deleted_keeps_work (Fixture       *fixture,
                         gconstpointer  data)
{
  WmWindow *window = fixture->window;

  g_assert_no_errno (g_unlink (fixture->path));
  wait_for (project_dirty, fixture);
  g_assert_true (wm_window_get_project (window) == fixture->opened);
  g_assert_true (shows_text (GTK_WIDGET (window), "was deleted or moved on disk"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for (project_clean, fixture);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_null (wm_test_find_dialog_of (GTK_WINDOW (window)));
}

/* A new version that cannot be read leaves the project as it was, and says why. */
static void
test_unreadable_change_keeps_project (Fixture       *fixture,
                                      gconstpointer  data)
{
  WmWindow *window = fixture->window;
  AdwMessageDialog *dialog;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->path, "<waymark-project version=", -1, &error);
  g_assert_no_error (error);
  wait_for (has_dialog, window);
  dialog = wm_test_find_dialog_of (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Changed File Cannot Be Read");
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), "bean-box.waymark:1") != NULL);
  g_assert_true (wm_window_get_project (window) == fixture->opened);
  g_assert_false (wm_project_get_dirty (fixture->opened));
  respond (dialog, "close");
}

/* After a save as, the window watches the new file, not the old one. */
static void
test_save_as_watches_new_file (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "copy.waymark", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_project_save (fixture->opened, other, NULL, &error));
  g_assert_no_error (error);
  change_outside (fixture, "The old file");
  run_for (800);
  g_assert_true (wm_window_get_project (fixture->window) == fixture->opened);

  g_set_object (&fixture->file, other);
  change_outside (fixture, "The new file");
  wait_for (project_replaced, fixture);
  g_assert_cmpstr (wm_project_get_title (wm_window_get_project (fixture->window)), ==,
                   "The new file");
}

/* The recovery dialog and damaged autosaves */

static WmAutosaveEntry *
entry_new (const char *title,
           gboolean    damaged)
{
  WmAutosaveEntry *entry = g_new0 (WmAutosaveEntry, 1);

  entry->path = g_strdup ("/nonexistent/autosave.waymark");
  entry->index_path = g_strdup ("/nonexistent/autosave.info");
  entry->title = g_strdup (title);
  entry->time = g_date_time_new_now_local ();
  entry->damaged = damaged;
  entry->damage = damaged ? g_strdup ("Line 12: the file ends too early") : NULL;
  return entry;
}

static void
remember_choice (GPtrArray        *orphans,
                 WmRecoveryChoice  choice,
                 gpointer          user_data)
{
  *(int *) user_data = choice;
}

static AdwMessageDialog *
offer (GtkWindow *parent,
       GPtrArray *orphans,
       int       *choice)
{
  AdwMessageDialog *dialog;

  wm_recovery_offer (parent, orphans, remember_choice, choice);
  dialog = wm_test_find_dialog_of (parent);
  g_assert_nonnull (dialog);
  return dialog;
}

/* A damaged copy is shown as damaged, with the reason, and can only be
 * discarded (or kept for later); beside good copies it is listed apart. */
static void
test_recovery_shows_damaged (void)
{
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  g_autoptr(GPtrArray) damaged = g_ptr_array_new_with_free_func (
    (GDestroyNotify) wm_autosave_entry_free);
  g_autoptr(GPtrArray) mixed = g_ptr_array_new_with_free_func (
    (GDestroyNotify) wm_autosave_entry_free);
  AdwMessageDialog *dialog;
  int choice = -1;

  gtk_window_present (parent);
  g_ptr_array_add (damaged, entry_new ("Roadmap", TRUE));
  dialog = offer (parent, damaged, &choice);
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), "damaged") != NULL);
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), "Line 12") != NULL);
  g_assert_false (adw_message_dialog_has_response (dialog, "recover"));
  settle_and_shoot (GTK_WIDGET (dialog), "waymark-recovery-damaged.png");
  respond (dialog, "discard");
  g_assert_cmpint (choice, ==, WM_RECOVERY_DISCARD);

  g_ptr_array_add (mixed, entry_new ("Good one", FALSE));
  g_ptr_array_add (mixed, entry_new ("Bad one", TRUE));
  dialog = offer (parent, mixed, &choice);
  g_assert_true (adw_message_dialog_has_response (dialog, "recover"));
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), "cannot be recovered") != NULL);
  respond (dialog, "recover");
  g_assert_cmpint (choice, ==, WM_RECOVERY_RECOVER);
  gtk_window_destroy (parent);
}

#ifdef WM_HAVE_XTEST

/* A real drag on the canvas with the problems pane open */

static WmProblemsPanel *
problems_panel (WmWindow *window)
{
  return WM_PROBLEMS_PANEL (wm_test_find_widget (GTK_WIDGET (window), WM_TYPE_PROBLEMS_PANEL));
}

static void
pointer_to_doc (WmWindow *window,
                double    x,
                double    y)
{
  wm_xtest_pointer_to_doc (WM_CANVAS (wm_window_get_canvas (window)), x, y);
}

static void
button (gboolean down)
{
  wm_xtest_button (1, down);
}

/* While the button is down the problems wait; they are checked once after. */
static void
test_drag_waits_for_problems (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmWindow *window = wm_window_new (NULL);
  WmProblemsPanel *panel = problems_panel (window);
  WmDiagram *uc = wm_project_find_diagram (project, "uc-41");
  WmItem *pay = wm_diagram_lookup (uc, "use-case-43");
  double start_x = pay->bounds.x;
  double cx = pay->bounds.x + pay->bounds.width / 2, cy = pay->bounds.y + pay->bounds.height / 2;
  guint checks;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  wm_window_set_project (window, project);
  gtk_window_present (GTK_WINDOW (window));
  wm_window_show_diagram (window, uc);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-panel", NULL);
  wm_test_wait_until_drawn (GTK_WIDGET (panel));
  run_for (300);
  checks = wm_problems_panel_get_n_checks (panel);

  pointer_to_doc (window, cx, cy);
  button (TRUE);
  for (int step = 1; step <= 6; step++)
    pointer_to_doc (window, cx + 10 * step, cy + 5 * step);
  g_assert_cmpfloat (pay->bounds.x, !=, start_x);
  g_assert_true (wm_problems_panel_get_paused (panel));
  g_assert_cmpuint (wm_problems_panel_get_n_checks (panel), ==, checks);

  button (FALSE);
  run_for (300);
  g_assert_false (wm_problems_panel_get_paused (panel));
  g_assert_cmpuint (wm_problems_panel_get_n_checks (panel), ==, checks + 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

#endif

/* A project recovered after a crash goes to the window that shows the
 * clean copy of its file (the file is never open twice), unless that window
 * holds unsaved work of its own; then to a new window. */
static void
test_recovery_replaces_clean_copy (void)
{
  g_autoptr(WmApplication) app = wm_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/waymark-recovered.waymark");
  WmProject *clean = wm_project_new ();
  WmProject *recovered = wm_project_new ();
  WmProject *again = wm_project_new ();
  WmWindow *window;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = wm_window_new (GTK_APPLICATION (app));
  wm_project_set_file (clean, file);
  wm_window_set_project (window, clean);
  g_object_unref (clean);
  g_assert_false (wm_window_is_pristine (window));

  wm_project_set_file (recovered, file);
  g_assert_nonnull (wm_project_add_diagram (recovered, "use-case", "Recovered", NULL));
  g_assert_true (wm_application_show_recovered (app, recovered) == window);
  g_assert_true (wm_window_get_project (window) == recovered);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_object_unref (recovered);

  /* Now that window has unsaved work: a second copy of the file goes elsewhere. */
  g_assert_true (wm_project_get_dirty (wm_window_get_project (window)));
  wm_project_set_file (again, file);
  g_assert_false (wm_application_show_recovered (app, again) == window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);
  g_object_unref (again);

  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("waymark-test-file-changes-XXXXXX", NULL);
  int status;

  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  wm_test_init_gtk (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-max-age", -1, NULL);

#define ADD(path, func) \
  g_test_add ("/window/file/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("reload-when-clean", test_reload_when_clean);
  ADD ("own-save-is-not-a-change", test_own_save_is_not_a_change);
  ADD ("ask-when-dirty-keep-mine", test_ask_when_dirty_keep_mine);
  ADD ("ask-when-dirty-reload", test_ask_when_dirty_reload);
  ADD ("ask-when-dirty-merge", test_ask_when_dirty_merge);
  ADD ("save-never-overwrites-unasked", test_save_never_overwrites_unasked);
  ADD ("deleted-keeps-work", test_deleted_keeps_work);
  ADD ("unreadable-change-keeps-project", test_unreadable_change_keeps_project);
  ADD ("save-as-watches-new-file", test_save_as_watches_new_file);
  ADD ("compare-saved", test_compare_saved);
#undef ADD
  g_test_add_func ("/window/recovery/shows-damaged", test_recovery_shows_damaged);
  g_test_add_func ("/window/recovery/replaces-clean-copy", test_recovery_replaces_clean_copy);
#ifdef WM_HAVE_XTEST
  g_test_add_func ("/window/problems/drag-waits", test_drag_waits_for_problems);
#endif

  status = g_test_run ();
  g_rmdir (data_home);
  return status;
}
