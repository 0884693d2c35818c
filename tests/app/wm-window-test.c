/* wm-window-test.c — what the tests of the main window share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "wm-window-test.h"

/* Runs the main loop until @widget is mapped, then a few more turns, so that
 * layout and the first frame happen. */
void
wm_window_test_wait_until_mapped (GtkWidget *widget)
{
  for (guint i = 0; i < 400 && !gtk_widget_get_mapped (widget); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (widget));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until @done says so, or fails after a few seconds. */
void
wm_window_test_wait_for (gboolean (*done) (gpointer data),
                         gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (done (data));
}

/* Closes @popover and waits until it is unmapped: a window destroyed with
 * its popover still going away leaves GTK a pointer crossing to deliver to
 * a surface that is gone (a critical, seen under the sanitizers' slower
 * timing). */
void
wm_window_test_popdown (GtkPopover *popover)
{
  gtk_popover_popdown (popover);
  for (guint i = 0; i < 400 && gtk_widget_get_mapped (GTK_WIDGET (popover)); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* A 1280 × 800 window on @project (or empty), shown and mapped. */
WmWindow *
wm_window_test_present (WmProject *project)
{
  WmWindow *window = wm_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  if (project != NULL)
    wm_window_set_project (window, project);
  gtk_window_present (GTK_WINDOW (window));
  wm_window_test_wait_until_mapped (GTK_WIDGET (window));
  return window;
}

/* Lets the window's fit after a diagram shows (an idle) and a frame happen. */
void
wm_window_test_settle (WmWindow *window)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 4;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}
