/* wm-preferences.c — the preferences window, bound to GSettings
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each row's control is bound to its key with g_settings_bind(), so a change
 * takes effect at once and the window needs no Apply button. The rows are
 * built in code because each is the same pattern: a title, a subtitle and
 * one control bound to one key.
 */
#define G_LOG_DOMAIN "wm-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-preferences.h"

struct _WmPreferences
{
  AdwPreferencesWindow parent_instance;

  GSettings           *settings;
  GHashTable          *controls;  /* key → control */
};

G_DEFINE_FINAL_TYPE (WmPreferences, wm_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static AdwActionRow *
add_row (WmPreferences       *self,
         AdwPreferencesGroup *group,
         const char          *key,
         const char          *title,
         const char          *subtitle,
         GtkWidget           *control)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (control),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  -1);
  adw_action_row_add_suffix (row, control);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_hash_table_insert (self->controls, (gpointer) g_intern_string (key), control);
  return row;
}

static AdwActionRow *
add_switch (WmPreferences       *self,
            AdwPreferencesGroup *group,
            const char          *key,
            const char          *title,
            const char          *subtitle)
{
  GtkWidget *control = gtk_switch_new ();
  AdwActionRow *row = add_row (self, group, key, title, subtitle, control);

  adw_action_row_set_activatable_widget (row, control);
  g_settings_bind (self->settings, key, control, "active", G_SETTINGS_BIND_DEFAULT);
  return row;
}

static AdwActionRow *
add_spin (WmPreferences       *self,
          AdwPreferencesGroup *group,
          const char          *key,
          const char          *title,
          const char          *subtitle,
          double               min,
          double               max,
          double               step)
{
  GtkWidget *control = gtk_spin_button_new_with_range (min, max, step);
  AdwActionRow *row = add_row (self, group, key, title, subtitle, control);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (control), TRUE);
  g_settings_bind (self->settings, key, control, "value", G_SETTINGS_BIND_DEFAULT);
  return row;
}

static AdwPreferencesGroup *
add_group (AdwPreferencesPage *page,
           const char         *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static void
build_page (WmPreferences *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *canvas, *saving;
  AdwActionRow *interval;

  adw_preferences_page_set_title (page, _("General"));
  adw_preferences_page_set_icon_name (page, "preferences-system-symbolic");

  canvas = add_group (page, _("Canvas"));
  add_spin (self, canvas, "grid-size", _("_Grid Size"),
            _("Distance between grid lines, in diagram units"), 2, 100, 1);
  add_switch (self, canvas, "snap-to-grid", _("_Snap to Grid"),
              _("Moved and resized items align to the grid"));
  add_switch (self, canvas, "show-grid", _("Show G_rid"),
              _("Draw the grid behind the diagram"));

  saving = add_group (page, _("Saving"));
  add_switch (self, saving, "autosave", _("_Autosave"),
              _("Keep a recovery copy of unsaved changes, in case Waymark stops unexpectedly"));
  interval = add_spin (self, saving, "autosave-interval", _("Autosave _Interval"),
                       _("Seconds between two recovery copies"), 15, 3600, 15);
  g_settings_bind (self->settings, "autosave", interval, "sensitive", G_SETTINGS_BIND_GET);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

static void
wm_preferences_finalize (GObject *object)
{
  WmPreferences *self = WM_PREFERENCES (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->controls, g_hash_table_unref);
  G_OBJECT_CLASS (wm_preferences_parent_class)->finalize (object);
}

static void
wm_preferences_class_init (WmPreferencesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_preferences_finalize;
}

static void
wm_preferences_init (WmPreferences *self)
{
  self->controls = g_hash_table_new (NULL, NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);
}

WmPreferences *
wm_preferences_new (GtkWindow *parent,
                    GSettings *settings)
{
  WmPreferences *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (WM_TYPE_PREFERENCES, "modal", parent != NULL,
                       "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  build_page (self);
  return self;
}

GtkWidget *
_wm_preferences_get_control (WmPreferences *self,
                             const char    *key)
{
  g_return_val_if_fail (WM_IS_PREFERENCES (self), NULL);
  return g_hash_table_lookup (self->controls, g_intern_string (key));
}
