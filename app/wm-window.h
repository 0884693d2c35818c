/* wm-window.h — a project's window: the diagrams in a sidebar, the canvas beside
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "waymark-model.h"

G_BEGIN_DECLS

#define WM_TYPE_WINDOW (wm_window_get_type ())
G_DECLARE_FINAL_TYPE (WmWindow, wm_window, WM, WINDOW, AdwApplicationWindow)

WmWindow  *wm_window_new          (GtkApplication *application);
WmProject *wm_window_get_project  (WmWindow       *self);
void       wm_window_set_project  (WmWindow       *self,
                                   WmProject      *project);
/* Loads @file into this window; errors are shown in the window. */
void       wm_window_open_file    (WmWindow       *self,
                                   GFile          *file);
/* Selects @diagram in the sidebar and shows it. */
void       wm_window_show_diagram (WmWindow       *self,
                                   WmDiagram      *diagram);
/* The canvas that shows the selected diagram, and the inspector beside it. */
GtkWidget *wm_window_get_canvas   (WmWindow       *self);
GtkWidget *wm_window_get_inspector (WmWindow      *self);
/* TRUE when the window shows a new project nobody has touched, so that
 * opening a file can reuse it. */
gboolean   wm_window_is_pristine  (WmWindow       *self);

G_END_DECLS
