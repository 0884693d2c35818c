/* wm-xtest.c — real pointer and key input for the widget and window tests
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <math.h>
#include <X11/extensions/XTest.h>

#include "wm-xtest.h"

static Display *
xdisplay (void)
{
  return gdk_x11_display_get_xdisplay (gdk_display_get_default ());
}

gboolean
wm_xtest_available (void)
{
  int event, error, major, minor;

  return GDK_IS_X11_DISPLAY (gdk_display_get_default ()) &&
         XTestQueryExtension (xdisplay (), &event, &error, &major, &minor);
}

static gboolean
set_flag (gpointer flag)
{
  *(gboolean *) flag = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for a fifth of a second, sleeping between events
 * rather than spinning: a test typing a few hundred keys must not take a
 * core from the tests running beside it. */
void
wm_xtest_settle (void)
{
  gboolean done = FALSE;

  XSync (xdisplay (), False);
  g_timeout_add (200, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
wm_xtest_wait_for (gboolean (*done) (gpointer data),
                   gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  XSync (xdisplay (), False);
  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (done (data));
}

static gboolean
window_active (gpointer window)
{
  return gtk_window_is_active (window);
}

void
wm_xtest_focus_window (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  XSetInputFocus (xdisplay (), gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  wm_xtest_wait_for (window_active, window);
}

/* Through the widget's native to its surface, and to the root window. */
void
wm_xtest_pointer_to (GtkWidget *widget,
                     double     x,
                     double     y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t in_widget = GRAPHENE_POINT_INIT (x, y), in_native;
  double dx, dy;
  Window child;
  int rx, ry;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &in_widget, &in_native));
  gtk_native_get_surface_transform (native, &dx, &dy);
  XTranslateCoordinates (xdisplay (), gdk_x11_surface_get_xid (surface),
                         DefaultRootWindow (xdisplay ()), 0, 0, &rx, &ry, &child);
  XTestFakeMotionEvent (xdisplay (), -1, rx + (int) round (in_native.x + dx),
                        ry + (int) round (in_native.y + dy), CurrentTime);
  wm_xtest_settle ();
}

void
wm_xtest_pointer_to_doc (WmCanvas *canvas,
                         double    x,
                         double    y)
{
  double wx, wy;

  wm_viewport_doc_to_widget (wm_canvas_get_viewport (canvas), x, y, &wx, &wy);
  wm_xtest_pointer_to (GTK_WIDGET (canvas), wx, wy);
}

void
wm_xtest_button (guint    number,
                 gboolean down)
{
  XTestFakeButtonEvent (xdisplay (), number, down, CurrentTime);
  wm_xtest_settle ();
}

void
wm_xtest_key (guint    keyval,
              gboolean down)
{
  /* GDK's key values are X keysyms. */
  XTestFakeKeyEvent (xdisplay (), XKeysymToKeycode (xdisplay (), keyval), down, CurrentTime);
  wm_xtest_settle ();
}

void
wm_xtest_chord (guint modifier,
                guint keyval)
{
  if (modifier != 0)
    wm_xtest_key (modifier, TRUE);
  wm_xtest_key (keyval, TRUE);
  wm_xtest_key (keyval, FALSE);
  if (modifier != 0)
    wm_xtest_key (modifier, FALSE);
}
