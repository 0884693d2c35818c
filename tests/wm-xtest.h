/* wm-xtest.h — real pointer and key input for the widget and window tests
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under Xvfb these send input through the X server's XTEST extension,
 * exactly as a person's arrives, so the gesture controllers, shortcuts and
 * focus handling are what a test exercises. Every call lets the events it
 * sent arrive and be handled before it returns.
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-canvas.h"

G_BEGIN_DECLS

/* Whether the display is X11 with the XTEST extension. */
gboolean wm_xtest_available      (void);
/* Gives @window the keyboard focus, as a window manager would when it
 * opens (Xvfb has none), and waits until GTK sees it active. */
void     wm_xtest_focus_window   (GtkWindow  *window);
/* Moves the pointer to point (x, y) of @widget. */
void     wm_xtest_pointer_to     (GtkWidget  *widget,
                                  double      x,
                                  double      y);
/* Moves the pointer to document point (x, y) of @canvas. */
void     wm_xtest_pointer_to_doc (WmCanvas   *canvas,
                                  double      x,
                                  double      y);
void     wm_xtest_button         (guint       number,
                                  gboolean    down);
void     wm_xtest_key            (guint       keyval,
                                  gboolean    down);
/* Presses and releases @keyval, holding @modifier (a key such as
 * GDK_KEY_Control_L, or 0) meanwhile. */
void     wm_xtest_chord          (guint       modifier,
                                  guint       keyval);
/* Lets the events sent so far arrive and be handled. */
void     wm_xtest_settle         (void);
/* Runs the main loop until @done (@data) is TRUE, or fails after ten seconds. */
void     wm_xtest_wait_for       (gboolean  (*done) (gpointer data),
                                  gpointer    data);

G_END_DECLS
