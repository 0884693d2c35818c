/* wm-widget-test.h — helpers shared by the widget and window tests
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* gtk_test_init() and adw_init() for a widget or window test, with GTK
 * 4.8's own critical after a popover goes (an idle of GTK's that asks for
 * the pointer over the popover's destroyed surface) kept from aborting the
 * test under G_DEBUG=fatal-warnings; every other warning stays fatal. */
void        wm_test_init_gtk         (int        *argc,
                                      char     ***argv);
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
