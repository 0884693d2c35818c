/* bench-open.c — how long the editor takes to show a project, from process start
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the application as `waymark PROJECT` does and prints the time from
 * the start of the process to the first frame the window paints with the
 * project's first diagram on the canvas, then quits:
 *
 *   build/tests/bench/wm-bench generate --notation=use-case --items=100000 /tmp/big.waymark
 *   xvfb-run -a -s "-screen 0 1280x800x24" build/tests/app/bench-open /tmp/big.waymark
 *
 * The process's start comes from /proc/self/stat, so that loading the
 * libraries counts too.
 */
#include "config.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "wm-application.h"
#include "wm-canvas.h"
#include "wm-window.h"

/* Seconds since the process started, from its start time in clock ticks
 * after boot (field 22 of /proc/self/stat) and the boot-time clock. */
static double
seconds_since_start (void)
{
  g_autofree char *stat = NULL;
  const char *fields;
  unsigned long long start_ticks = 0;
  struct timespec now;

  clock_gettime (CLOCK_BOOTTIME, &now);
  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (fields = strrchr (stat, ')')) == NULL ||
      sscanf (fields + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d "
                          "%*d %*d %*d %llu", &start_ticks) != 1)
    return -1;
  return now.tv_sec + now.tv_nsec / 1e9 - (double) start_ticks / sysconf (_SC_CLK_TCK);
}

static gboolean reported;

static gboolean
shows_project (WmWindow *window)
{
  WmProject *project = wm_window_get_project (window);
  GtkWidget *canvas = wm_window_get_canvas (window);

  return wm_project_get_file (project) != NULL &&
         wm_canvas_get_diagram (WM_CANVAS (canvas)) != NULL && gtk_widget_get_mapped (canvas);
}

static void
on_after_paint (GdkFrameClock *clock,
                WmWindow      *window)
{
  if (reported || !shows_project (window))
    return;
  reported = TRUE;
  g_print ("first frame with the project: %.3f s after process start\n", seconds_since_start ());
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
on_realize (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), window);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  if (WM_IS_WINDOW (window))
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WmApplication) app = NULL;
  g_autofree char *state = g_dir_make_tmp ("waymark-bench-open-XXXXXX", NULL);

  if (argc != 2)
    {
      g_printerr ("usage: bench-open PROJECT\n");
      return 2;
    }
  /* No autosaves of earlier runs to offer, and settings in memory. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  app = wm_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
