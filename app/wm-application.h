/* wm-application.h — the Waymark application: one window per project
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wm-window.h"

G_BEGIN_DECLS

#define WM_TYPE_APPLICATION (wm_application_get_type ())
G_DECLARE_FINAL_TYPE (WmApplication, wm_application, WM, APPLICATION, AdwApplication)

WmApplication *wm_application_new (void);
/* Shows a project recovered from an autosave: in the window that shows the
 * clean copy of its file, when that has no unsaved work of its own (so the
 * file is never open twice), else in an untouched window, else in a new one.
 * Returns that window. */
WmWindow      *wm_application_show_recovered (WmApplication *self,
                                              WmProject     *project);

/* The application's settings, or NULL when its schema is not installed (a
 * build run in place without GSETTINGS_SCHEMA_DIR): callers then keep the
 * schema's defaults rather than abort. */
GSettings     *wm_application_get_settings (void);

G_END_DECLS
