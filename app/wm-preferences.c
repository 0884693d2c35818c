/* wm-preferences.c — the preferences window, bound to GSettings
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows are declared in resources/ui/wm-preferences.ui. Each row's
 * control is bound to its key with g_settings_bind(), so a change takes
 * effect at once and the window needs no Apply button.
 */
#define G_LOG_DOMAIN "wm-preferences"

#include "config.h"

#include "wm-preferences.h"

struct _WmPreferences
{
  AdwPreferencesWindow parent_instance;

  GSettings           *settings;

  GtkWidget           *grid_size;
  GtkWidget           *snap_to_grid;
  GtkWidget           *show_grid;
  GtkWidget           *autosave;
  GtkWidget           *autosave_interval;
  GtkWidget           *autosave_interval_row;
};

G_DEFINE_FINAL_TYPE (WmPreferences, wm_preferences, ADW_TYPE_PREFERENCES_WINDOW)

/* Which control stands for which key, and the property that holds its value. */
static const struct
{
  const char *key;
  gsize       offset;
  const char *property;
} controls[] = {
  { "grid-size", G_STRUCT_OFFSET (WmPreferences, grid_size), "value" },
  { "snap-to-grid", G_STRUCT_OFFSET (WmPreferences, snap_to_grid), "active" },
  { "show-grid", G_STRUCT_OFFSET (WmPreferences, show_grid), "active" },
  { "autosave", G_STRUCT_OFFSET (WmPreferences, autosave), "active" },
  { "autosave-interval", G_STRUCT_OFFSET (WmPreferences, autosave_interval), "value" },
};

static GtkWidget *
control_at (WmPreferences *self,
            guint          i)
{
  return G_STRUCT_MEMBER (GtkWidget *, self, controls[i].offset);
}

static void
bind_settings (WmPreferences *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    g_settings_bind (self->settings, controls[i].key, control_at (self, i), controls[i].property,
                     G_SETTINGS_BIND_DEFAULT);
  /* The interval means nothing while autosave is off. */
  g_settings_bind (self->settings, "autosave", self->autosave_interval_row, "sensitive",
                   G_SETTINGS_BIND_GET);
}

static void
wm_preferences_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WM_TYPE_PREFERENCES);
  G_OBJECT_CLASS (wm_preferences_parent_class)->dispose (object);
}

static void
wm_preferences_finalize (GObject *object)
{
  WmPreferences *self = WM_PREFERENCES (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (wm_preferences_parent_class)->finalize (object);
}

static void
wm_preferences_class_init (WmPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_preferences_dispose;
  object_class->finalize = wm_preferences_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/ui/wm-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, WmPreferences, grid_size);
  gtk_widget_class_bind_template_child (widget_class, WmPreferences, snap_to_grid);
  gtk_widget_class_bind_template_child (widget_class, WmPreferences, show_grid);
  gtk_widget_class_bind_template_child (widget_class, WmPreferences, autosave);
  gtk_widget_class_bind_template_child (widget_class, WmPreferences, autosave_interval);
  gtk_widget_class_bind_template_child (widget_class, WmPreferences, autosave_interval_row);
}

static void
wm_preferences_init (WmPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
  bind_settings (self);
  return self;
}

GtkWidget *
_wm_preferences_get_control (WmPreferences *self,
                             const char    *key)
{
  g_return_val_if_fail (WM_IS_PREFERENCES (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    if (g_str_equal (controls[i].key, key))
      return control_at (self, i);
  return NULL;
}
