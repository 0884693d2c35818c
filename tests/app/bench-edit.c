/* bench-edit.c — how fast the editor edits a large project
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the application as `waymark PROJECT` does, then, once the first
 * frame shows the project: zooms to 100 %, selects 100 nodes (one in view
 * to grab, the others nearest) and waits for the frame that shows them
 * selected, drags them by the canvas's own drag path (the one the gestures
 * run) in 60 motion steps, drops them, zooms to fit, and prints
 *
 *   open: S s            process start to the first frame with the project
 *   select: T ms         the frame that shows the selection (and the
 *                        window's panels following it)
 *   drag: median M ms max X ms (N frames)
 *   drop: D ms
 *   fit: F ms
 *   rss: K KB            the whole process's resident memory at the end
 *
 * A step's time is the time its motion takes in the model and the canvas
 * plus the time of the frame that shows it, from the frame clock's
 * "before-paint" to its "after-paint": what must fit in 16 ms for 60 frames
 * a second. The wait for the frame's turn is not counted, as a display
 * paces that, not the editor. Without a project it prints the resident
 * memory of the empty window at its first frame:
 *
 *   build/tests/bench/wm-bench generate --notation=use-case --items=100000 /tmp/big.waymark
 *   xvfb-run -a -s "-screen 0 1280x800x24" build/tests/app/bench-edit /tmp/big.waymark
 *   xvfb-run -a -s "-screen 0 1280x800x24" build/tests/app/bench-edit
 *
 * With BENCH_EDIT_FRAMES set it also prints each drag frame's time, in order
 * ("frame N: T ms").
 *
 * To profile one phase alone (select, drag, drop or fit), or one drag frame
 * (drag:N, N from 0):
 *
 *   mkfifo /tmp/ctl; BENCH_EDIT_PERF_CTL=/tmp/ctl BENCH_EDIT_PERF_PHASE=drag xvfb-run ... \
 *     perf record -D -1 --control=fifo:/tmp/ctl -g build/tests/app/bench-edit /tmp/big.waymark
 */
#include "config.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "wm-application.h"
#include "wm-canvas.h"
#include "wm-canvas-private.h"
#include "wm-diagram.h"
#include "wm-item.h"
#include "wm-project.h"
#include "wm-window.h"

#define N_SELECTED 100
#define N_STEPS 60
/* Longer than any frame we could wish to time: a step that shows no
 * change (nothing to paint) is not waited for forever. */
#define STEP_TIMEOUT_MS 2000

typedef enum
{
  PHASE_OPENING,
  PHASE_STARTING,
  PHASE_SELECT,
  PHASE_DRAG,
  PHASE_DROP,
  PHASE_FIT,
  PHASE_DONE
} Phase;

typedef struct
{
  WmWindow *window;
  WmCanvas *canvas;
  gboolean  with_project;
  gboolean  zoomed;        /* at 100 %, ready to drag */
  gboolean  drag_queued;
  Phase     phase;
  int       step;
  double    grab_x, grab_y;
  gint64    step_start;    /* when the step's input began, or 0 while none waits for a frame */
  gint64    input_time;    /* how long the step's input took */
  gint64    frame_start;
  guint     timeout_id;
  GArray   *drag_times;    /* double ms */
  GPtrArray *selected;     /* the ids to select, NULL-terminated */
  double    select_ms, drop_ms, fit_ms;
} Bench;

static Bench bench;

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

/* The process's resident memory in KB (the second field of /proc/self/statm, in pages). */
static long
resident_kb (void)
{
  g_autofree char *statm = NULL;
  long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%ld %ld", &size, &resident) != 2)
    return -1;
  return resident * (sysconf (_SC_PAGESIZE) / 1024);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
quit (void)
{
  bench.phase = PHASE_DONE;
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (bench.window))));
}

static void
report (void)
{
  GArray *times = bench.drag_times;

  g_print ("select: %.1f ms\n", bench.select_ms);
  if (g_getenv ("BENCH_EDIT_FRAMES") != NULL)
    for (guint i = 0; i < times->len; i++)
      g_print ("frame %u: %.1f ms\n", i, g_array_index (times, double, i));
  g_array_sort (times, compare_doubles);
  if (times->len > 0)
    g_print ("drag: median %.1f ms max %.1f ms (%u frames)\n",
             g_array_index (times, double, times->len / 2),
             g_array_index (times, double, times->len - 1), times->len);
  else
    g_print ("drag: no frames\n");
  g_print ("drop: %.1f ms\n", bench.drop_ms);
  g_print ("fit: %.1f ms\n", bench.fit_ms);
  g_print ("rss: %ld KB\n", resident_kb ());
  quit ();
}

/* With BENCH_EDIT_PERF_CTL naming perf's control fifo (perf record -D -1
 * --control=fifo:PATH), only the drag is profiled, or with
 * BENCH_EDIT_PERF_PHASE=select, drop or fit, that frame, or drag:N, the
 * drag's frame N. */
static void
tell_perf (const char *phase,
           const char *command)
{
  const char *fifo = g_getenv ("BENCH_EDIT_PERF_CTL");
  const char *profiled = g_getenv ("BENCH_EDIT_PERF_PHASE");
  FILE *control;

  if (fifo == NULL || !g_str_equal (profiled != NULL ? profiled : "drag", phase) ||
      (control = fopen (fifo, "w")) == NULL)
    return;
  fprintf (control, "%s\n", command);
  fclose (control);
}

static void
tell_perf_frame (guint       frame,
                 const char *command)
{
  g_autofree char *phase = g_strdup_printf ("drag:%u", frame);

  tell_perf (phase, command);
}

static gboolean on_step_timeout (gpointer data);

/* Runs @input as one step and waits for the frame that shows it. */
static void
run_step (void (*input) (void))
{
  gint64 start = g_get_monotonic_time ();

  input ();
  bench.input_time = g_get_monotonic_time () - start;
  bench.step_start = start;
  bench.timeout_id = g_timeout_add (STEP_TIMEOUT_MS, on_step_timeout, NULL);
}

static void
input_select (void)
{
  wm_canvas_select (bench.canvas, (const char *const *) bench.selected->pdata);
}

/* Pressed on the grabbed node, and moved past the drag threshold: the drag
 * is a move from here on. */
static void
input_grab (void)
{
  double wx, wy;

  wm_viewport_doc_to_widget (wm_canvas_get_viewport (bench.canvas), bench.grab_x, bench.grab_y,
                             &wx, &wy);
  _wm_canvas_test_drag_to (bench.canvas, wx, wy, 10, 10, 0);
}

static void
input_motion (void)
{
  bench.step++;
  _wm_canvas_test_drag_motion (bench.canvas, 10 + 3.0 * bench.step, 10 + 2.0 * bench.step);
}

static void
input_drop (void)
{
  _wm_canvas_test_drag_release (bench.canvas, 10 + 3.0 * bench.step, 10 + 2.0 * bench.step);
}

static void
input_fit (void)
{
  wm_canvas_zoom_to_fit (bench.canvas);
}

static void
next_step (void)
{
  switch (bench.phase)
    {
    case PHASE_SELECT:
      tell_perf ("select", "disable");
      input_grab ();
      bench.phase = PHASE_DRAG;
      tell_perf ("drag", "enable");
      tell_perf_frame (0, "enable");
      run_step (input_motion);
      return;
    case PHASE_DRAG:
      tell_perf_frame (bench.step - 1, "disable");
      if (bench.step < N_STEPS)
        {
          tell_perf_frame (bench.step, "enable");
          run_step (input_motion);
          return;
        }
      tell_perf ("drag", "disable");
      tell_perf ("drop", "enable");
      bench.phase = PHASE_DROP;
      run_step (input_drop);
      return;
    case PHASE_DROP:
      tell_perf ("drop", "disable");
      tell_perf ("fit", "enable");
      bench.phase = PHASE_FIT;
      run_step (input_fit);
      return;
    case PHASE_FIT:
      tell_perf ("fit", "disable");
      report ();
      return;
    case PHASE_OPENING:
    case PHASE_STARTING:
    case PHASE_DONE:
    default:
      return;
    }
}

static gboolean
next_step_idle (gpointer data)
{
  next_step ();
  return G_SOURCE_REMOVE;
}

/* Files the time of the step that a frame showed (or that showed nothing). */
static void
step_done (double ms)
{
  if (bench.phase == PHASE_SELECT)
    bench.select_ms = ms;
  else if (bench.phase == PHASE_DRAG)
    g_array_append_val (bench.drag_times, ms);
  else if (bench.phase == PHASE_DROP)
    bench.drop_ms = ms;
  else if (bench.phase == PHASE_FIT)
    bench.fit_ms = ms;
  bench.step_start = 0;
  g_idle_add (next_step_idle, NULL);
}

static gboolean
on_step_timeout (gpointer data)
{
  bench.timeout_id = 0;
  /* Nothing changed on screen: the step cost its input alone. */
  step_done (bench.input_time / 1000.0);
  return G_SOURCE_REMOVE;
}

/* The node drawn in @visible that a press at its centre grabs, or NULL. */
static WmItem *
grabbable_node (WmDiagram    *diagram,
                const WmRect *visible)
{
  g_autoptr(GPtrArray) found = wm_diagram_query (diagram, visible);

  for (guint i = found->len; i > 0; i--)
    {
      WmItem *item = g_ptr_array_index (found, i - 1), *hit;
      WmRect drawn;

      if (!wm_item_is_node (item))
        continue;
      _wm_canvas_node_rect (bench.canvas, item, &drawn);
      bench.grab_x = drawn.x + drawn.width / 2;
      bench.grab_y = drawn.y + drawn.height / 2;
      /* What a press there takes: a node on top of this one will do too. */
      hit = _wm_canvas_hit (bench.canvas, bench.grab_x, bench.grab_y);
      if (wm_rect_contains (visible, bench.grab_x, bench.grab_y) && hit != NULL &&
          wm_item_is_node (hit))
        return hit;
    }
  return NULL;
}

/* Fills @ids with N_SELECTED nodes, the one to grab first, the others
 * around it (in view when they can be), so that the drag repaints what it
 * moves. Returns the grabbed node, or NULL when none is in view. */
static WmItem *
choose_nodes (WmDiagram *diagram,
              GPtrArray *ids)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);
  WmRect visible;
  WmItem *grabbed;

  wm_viewport_get_visible (wm_canvas_get_viewport (bench.canvas), &visible);
  grabbed = grabbable_node (diagram, &visible);
  if (grabbed == NULL)
    return NULL;
  g_ptr_array_add (ids, grabbed->id);
  g_hash_table_add (taken, grabbed);
  /* Widening circles around the view until there are enough. */
  for (double reach = 1; ids->len < N_SELECTED && reach < 1e5; reach *= 3)
    {
      WmRect around = { visible.x - reach * visible.width, visible.y - reach * visible.height,
                        (2 * reach + 1) * visible.width, (2 * reach + 1) * visible.height };
      g_autoptr(GPtrArray) found = wm_diagram_query (diagram, reach == 1 ? &visible : &around);

      for (guint i = 0; i < found->len && ids->len < N_SELECTED; i++)
        {
          WmItem *item = g_ptr_array_index (found, i);

          if (wm_item_is_node (item) && g_hash_table_add (taken, item))
            g_ptr_array_add (ids, item->id);
        }
    }
  g_ptr_array_add (ids, NULL);
  return grabbed;
}

static gboolean
start_drag (gpointer data)
{
  WmDiagram *diagram = wm_canvas_get_diagram (bench.canvas);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  if (bench.phase != PHASE_STARTING)
    return G_SOURCE_REMOVE;
  /* Dragging happens at a zoom where the items read, not at the opening
   * view of the whole width: first show 100 %, then drag in the next frame. */
  if (!bench.zoomed)
    {
      bench.zoomed = TRUE;
      wm_canvas_set_zoom (bench.canvas, 1.0);
      gtk_widget_queue_draw (GTK_WIDGET (bench.canvas));
      return G_SOURCE_REMOVE;
    }
  if (choose_nodes (diagram, ids) == NULL)
    {
      g_printerr ("bench-edit: no node in view to grab\n");
      quit ();
      return G_SOURCE_REMOVE;
    }
  g_print ("selected: %u nodes of %u items\n", ids->len - 1, wm_diagram_get_n_items (diagram));
  /* Selected in a frame of its own, as a press selects before it drags:
   * the panels that follow the selection update then, not in the drag. */
  bench.selected = g_steal_pointer (&ids);
  bench.phase = PHASE_SELECT;
  tell_perf ("select", "enable");
  run_step (input_select);
  return G_SOURCE_REMOVE;
}

static gboolean
shows_project (void)
{
  WmProject *project = wm_window_get_project (bench.window);
  GtkWidget *canvas = wm_window_get_canvas (bench.window);

  return wm_project_get_file (project) != NULL &&
         wm_canvas_get_diagram (WM_CANVAS (canvas)) != NULL && gtk_widget_get_mapped (canvas);
}

static void
on_before_paint (GdkFrameClock *clock,
                 gpointer       data)
{
  bench.frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  if (bench.phase == PHASE_OPENING)
    {
      if (!bench.with_project)
        {
          g_print ("rss: %ld KB\n", resident_kb ());
          quit ();
        }
      else if (shows_project ())
        {
          g_print ("open: %.3f s\n", seconds_since_start ());
          bench.canvas = WM_CANVAS (wm_window_get_canvas (bench.window));
          bench.phase = PHASE_STARTING;
          g_idle_add (start_drag, NULL);
        }
      return;
    }
  if (bench.phase == PHASE_STARTING)
    {
      if (bench.zoomed && !bench.drag_queued)
        {
          bench.drag_queued = TRUE;
          g_idle_add (start_drag, NULL);
        }
      return;
    }
  if (bench.step_start == 0 || bench.frame_start < bench.step_start)
    return;
  g_clear_handle_id (&bench.timeout_id, g_source_remove);
  step_done ((bench.input_time + g_get_monotonic_time () - bench.frame_start) / 1000.0);
}

static void
on_realize (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  if (WM_IS_WINDOW (window) && bench.window == NULL)
    {
      bench.window = WM_WINDOW (window);
      g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WmApplication) app = NULL;
  g_autofree char *state = g_dir_make_tmp ("waymark-bench-edit-XXXXXX", NULL);
  int status;

  if (argc > 2)
    {
      g_printerr ("usage: bench-edit [PROJECT]\n");
      return 2;
    }
  bench.with_project = argc == 2;
  bench.drag_times = g_array_new (FALSE, FALSE, sizeof (double));
  /* No autosaves of earlier runs to offer, and settings in memory. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  app = wm_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  status = g_application_run (G_APPLICATION (app), argc, argv);
  g_array_unref (bench.drag_times);
  g_clear_pointer (&bench.selected, g_ptr_array_unref);
  return status;
}
