/* wm-widget-test.h — helpers shared by the widget and window tests
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Iterates the main loop until @widget is mapped and has drawn a frame. */
void        wm_test_wait_until_drawn (GtkWidget  *widget);
/* The visible message dialog over @window, or NULL. */
AdwMessageDialog *wm_test_find_dialog_of (GtkWindow *window);
/* The first widget of @type in @root's tree (@root included), or NULL. */
GtkWidget  *wm_test_find_widget      (GtkWidget  *root,
                                      GType       type);
/* Renders @widget as GTK draws it, through its window's renderer. */
GdkTexture *wm_test_render_widget    (GtkWidget  *widget);
/* Saves @widget as a PNG named @name in $WAYMARK_SCREENSHOT_DIR (else the
 * temporary folder), for a person to look at. */
void        wm_test_save_screenshot  (GtkWidget  *widget,
                                      const char *name);

G_END_DECLS
