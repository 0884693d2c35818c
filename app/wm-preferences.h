/* wm-preferences.h — the preferences window, bound to GSettings
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WM_TYPE_PREFERENCES (wm_preferences_get_type ())
G_DECLARE_FINAL_TYPE (WmPreferences, wm_preferences, WM, PREFERENCES, AdwPreferencesWindow)

/* A preferences window for @settings (the io.github.waymark.Waymark schema),
 * transient for @parent if not NULL. Every control writes its key at once. */
WmPreferences *wm_preferences_new           (GtkWindow     *parent,
                                             GSettings     *settings);
/* The control bound to @key (a GtkSwitch or GtkSpinButton), for tests. */
GtkWidget     *_wm_preferences_get_control  (WmPreferences *self,
                                             const char    *key);

G_END_DECLS
