/* test-preferences.c — the preferences window, the recovery dialog, the shortcuts window
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under xvfb-run with GSETTINGS_BACKEND=memory, so no real setting changes.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "wm-preferences.h"
#include "wm-recovery.h"
#include "wm-widget-test.h"

static void
spin_main_loop (void)
{
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_preferences_switches_write_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  WmPreferences *window = wm_preferences_new (NULL, settings);
  const char *switches[] = { "snap-to-grid", "show-grid", "autosave" };

  gtk_window_present (GTK_WINDOW (window));
  spin_main_loop ();
  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    {
      GtkWidget *control = _wm_preferences_get_control (window, switches[i]);
      gboolean before = g_settings_get_boolean (settings, switches[i]);

      g_assert_true (GTK_IS_SWITCH (control));
      g_assert_cmpint (gtk_switch_get_active (GTK_SWITCH (control)), ==, before);
      gtk_switch_set_active (GTK_SWITCH (control), !before);
      g_assert_cmpint (g_settings_get_boolean (settings, switches[i]), ==, !before);
      /* And the other way: the setting moves the switch. */
      g_settings_set_boolean (settings, switches[i], before);
      g_assert_cmpint (gtk_switch_get_active (GTK_SWITCH (control)), ==, before);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences_spins_write_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  WmPreferences *window = wm_preferences_new (NULL, settings);
  GtkWidget *grid = _wm_preferences_get_control (window, "grid-size");
  GtkWidget *interval = _wm_preferences_get_control (window, "autosave-interval");

  g_assert_true (GTK_IS_SPIN_BUTTON (grid));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (grid)), ==,
                     g_settings_get_int (settings, "grid-size"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (grid), 25);
  g_assert_cmpint (g_settings_get_int (settings, "grid-size"), ==, 25);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (interval), 300);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-interval"), ==, 300);

  /* The interval means nothing while autosave is off. */
  g_settings_set_boolean (settings, "autosave", FALSE);
  g_assert_false (gtk_widget_is_sensitive (interval));
  g_settings_reset (settings, "autosave");
  g_assert_true (gtk_widget_is_sensitive (interval));
  g_settings_reset (settings, "grid-size");
  g_settings_reset (settings, "autosave-interval");
  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
record_choice (GPtrArray        *orphans,
               WmRecoveryChoice  choice,
               gpointer          user_data)
{
  *(int *) user_data = (int) choice;
}

static GPtrArray *
make_orphans (void)
{
  GPtrArray *orphans = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_autosave_entry_free);
  WmAutosaveEntry *entry = g_new0 (WmAutosaveEntry, 1);

  entry->path = g_strdup ("/nonexistent/a.waymark");
  entry->index_path = g_strdup ("/nonexistent/a.info");
  entry->title = g_strdup ("Bean Box Journeys");
  entry->time = g_date_time_new_now_local ();
  entry->pid = 1;
  g_ptr_array_add (orphans, entry);
  return orphans;
}

static void
test_recovery_offer (void)
{
  const struct { const char *response; WmRecoveryChoice choice; } cases[] = {
    { "recover", WM_RECOVERY_RECOVER },
    { "discard", WM_RECOVERY_DISCARD },
    { "later", WM_RECOVERY_LATER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) orphans = make_orphans ();
      AdwMessageDialog *dialog;
      int choice = -1;

      wm_recovery_offer (NULL, orphans, record_choice, &choice);
      spin_main_loop ();
      dialog = find_message_dialog ();
      g_assert_nonnull (dialog);
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Bean Box Journeys"));
      g_assert_true (adw_message_dialog_has_response (dialog, "recover"));
      g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
      adw_message_dialog_response (dialog, cases[i].response);
      g_assert_cmpint (choice, ==, cases[i].choice);
      gtk_window_destroy (GTK_WINDOW (dialog));
      spin_main_loop ();
    }
}

static void
test_help_overlay_loads (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/waymark/Waymark/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  wm_test_init_gtk (&argc, &argv);

  g_test_add_func ("/preferences/switches-write-settings",
                   test_preferences_switches_write_settings);
  g_test_add_func ("/preferences/spins-write-settings", test_preferences_spins_write_settings);
  g_test_add_func ("/recovery/offer", test_recovery_offer);
  g_test_add_func ("/shortcuts/help-overlay-loads", test_help_overlay_loads);

  return g_test_run ();
}
