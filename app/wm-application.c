/* wm-application.c — the Waymark application: one window per project
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-application"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-application.h"
#include "wm-autosave.h"
#include "wm-fonts.h"
#include "wm-preferences.h"
#include "wm-recovery.h"
#include "wm-window.h"
#include "wm-window-private.h"

struct _WmApplication
{
  AdwApplication parent_instance;

  gboolean       recovery_offered;
  gboolean       font_checked;
};

G_DEFINE_FINAL_TYPE (WmApplication, wm_application, ADW_TYPE_APPLICATION)

/* Told once per run, in the first window: without the painters' font the
 * diagrams, and every export made here, look different from elsewhere. */
static void
warn_missing_font (WmApplication *self,
                   WmWindow      *window)
{
  g_autofree char *wanted = NULL;
  g_autofree char *used = NULL;
  g_autofree char *message = NULL;

  if (self->font_checked)
    return;
  self->font_checked = TRUE;
  if (wm_fonts_check (&wanted, &used) || used == NULL)
    return;
  message = g_strdup_printf (_("The font “%s” is not installed: diagrams and exports use “%s” "
                               "instead and will look different"), wanted, used);
  _wm_window_show_toast (window, message);
}

static WmWindow *
new_window (WmApplication *self)
{
  WmWindow *window = wm_window_new (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (window));
  warn_missing_font (self, window);
  return window;
}

WmWindow *
wm_application_show_recovered (WmApplication *self,
                               WmProject     *project)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  GFile *original = wm_project_get_file (project);
  WmWindow *window = NULL;

  g_return_val_if_fail (WM_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (WM_IS_PROJECT (project), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      WmProject *shown;
      GFile *file;

      if (!WM_IS_WINDOW (l->data) || original == NULL)
        continue;
      shown = wm_window_get_project (l->data);
      file = shown != NULL ? wm_project_get_file (shown) : NULL;
      if (file != NULL && g_file_equal (file, original) && !wm_project_get_dirty (shown))
        {
          window = l->data;
          break;
        }
    }
  if (window == NULL)
    window = active != NULL && WM_IS_WINDOW (active) && wm_window_is_pristine (WM_WINDOW (active))
               ? WM_WINDOW (active) : new_window (self);
  wm_window_set_project (window, project);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Work that a crash left in autosaves, offered once per run. */
static void
on_recovery_choice (GPtrArray        *orphans,
                    WmRecoveryChoice  choice,
                    gpointer          user_data)
{
  WmApplication *self = user_data;

  for (guint i = 0; i < orphans->len; i++)
    {
      WmAutosaveEntry *entry = g_ptr_array_index (orphans, i);
      g_autoptr(WmProject) project = NULL;
      g_autoptr(GError) error = NULL;

      if (choice == WM_RECOVERY_DISCARD)
        wm_autosave_entry_delete (entry);
      /* A damaged copy stays until discarded, shown as damaged each time. */
      if (choice != WM_RECOVERY_RECOVER || entry->damaged)
        continue;
      project = wm_autosave_recover (entry, &error);
      if (project == NULL)
        {
          g_warning ("Could not recover %s: %s", entry->path, error->message);
          continue;
        }
      wm_application_show_recovered (self, project);
      wm_autosave_entry_delete (entry);
    }
}

static void
offer_recovery (WmApplication *self,
                GtkWindow     *parent)
{
  g_autoptr(GPtrArray) orphans = NULL;

  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;
  orphans = wm_autosave_find_orphans ();
  if (orphans->len > 0)
    wm_recovery_offer (parent, orphans, on_recovery_choice, self);
}

static void
wm_application_activate (GApplication *application)
{
  WmApplication *self = WM_APPLICATION (application);

  offer_recovery (self, GTK_WINDOW (new_window (self)));
}

/* The file the application last asked @window to open, while the window
 * has no project file of its own yet: a project still loading, or another
 * tool's file imported as a new project. */
static GQuark
opened_file_quark (void)
{
  return g_quark_from_static_string ("wm-application-opened-file");
}

static gboolean
window_shows_file (WmWindow *window,
                   GFile    *file)
{
  WmProject *project = wm_window_get_project (window);
  GFile *shown = project != NULL ? wm_project_get_file (project) : NULL;

  if (shown == NULL && !wm_window_is_pristine (window))
    shown = g_object_get_qdata (G_OBJECT (window), opened_file_quark ());
  return shown != NULL && g_file_equal (shown, file);
}

static WmWindow *
find_window_of_file (WmApplication *self,
                     GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (WM_IS_WINDOW (l->data) && window_shows_file (l->data, file))
      return l->data;
  return NULL;
}

/* Each file opens in its own window; a new, untouched window is reused. A
 * file that a window already shows is not read a second time: that window
 * comes to the front, whether the request came from this process, from a
 * second `waymark FILE` or from the file manager over D-Bus. */
static void
wm_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  WmApplication *self = WM_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  for (int i = 0; i < n_files; i++)
    {
      WmWindow *window = find_window_of_file (self, files[i]);

      if (window == NULL)
        {
          window = active != NULL && WM_IS_WINDOW (active) &&
                   wm_window_is_pristine (WM_WINDOW (active))
                     ? WM_WINDOW (active) : new_window (self);
          g_object_set_qdata_full (G_OBJECT (window), opened_file_quark (),
                                   g_object_ref (files[i]), g_object_unref);
          wm_window_open_file (window, files[i]);
          active = NULL;
        }
      gtk_window_present (GTK_WINDOW (window));
    }
  offer_recovery (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  new_window (user_data);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (user_data));

  /* Closing each window asks about its unsaved changes; the application
   * ends by itself when the last one goes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Waymark authors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (user_data);

  adw_show_about_window (parent,
                         "application-name", _("Waymark"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Waymark authors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Map how a business serves its customers: business model "
                                       "canvases, use cases, value streams and customer journeys"),
                         "website", "https://github.com/waymark/waymark",
                         "issue-url", "https://github.com/waymark/waymark/issues",
                         "developers", developers,
                         "copyright", "© 2026 The Waymark authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(GSettings) settings = wm_application_get_settings ();
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (settings == NULL)
    return;
  gtk_window_present (GTK_WINDOW (wm_preferences_new (parent, settings)));
}

GSettings *
wm_application_get_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE)
                                             : NULL;

  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; using the defaults", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "preferences", .activate = preferences_action },
  { .name = "new-window", .activate = new_window_action },
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
};

static void
wm_application_startup (GApplication *application)
{
  static const char *const quit_accels[] = { "<Control>q", NULL };
  static const char *const new_window_accels[] = { "<Control>n", NULL };
  static const char *const preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (wm_application_parent_class)->startup (application);
  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.new-window",
                                         new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
}

static void
wm_application_class_init (WmApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = wm_application_activate;
  app_class->open = wm_application_open;
  app_class->startup = wm_application_startup;
}

static void
wm_application_init (WmApplication *self)
{
}

/* One instance per session: a second `waymark FILE`, or the file manager
 * through D-Bus activation, hands its files to the running one. The tests
 * that start several applications side by side on one session bus set
 * WAYMARK_NON_UNIQUE=1, so that each runs on its own. */
WmApplication *
wm_application_new (void)
{
  GApplicationFlags flags = G_APPLICATION_HANDLES_OPEN;

  if (g_strcmp0 (g_getenv ("WAYMARK_NON_UNIQUE"), "1") == 0)
    flags |= G_APPLICATION_NON_UNIQUE;
  return g_object_new (WM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", "/io/github/waymark/Waymark",
                       NULL);
}
