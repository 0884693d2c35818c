/* test-window-keys.c — the window's shortcuts and the canvas's grid, by real input
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys and pointer go through the X server (XTEST), so what is tested is
 * what a person meets: which widget has the focus, which controller claims
 * the key, and the gestures' own thresholds.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-canvas.h"
#include "wm-test-util.h"
#include "wm-widget-test.h"
#include "wm-window-private.h"
#include "wm-window.h"
#include "wm-xtest.h"

typedef struct
{
  WmProject *project;
  WmWindow  *window;
  WmCanvas  *canvas;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = wm_test_load_sample ();
  fixture->window = wm_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  wm_window_set_project (fixture->window, fixture->project);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wm_test_wait_until_drawn (GTK_WIDGET (fixture->window));
  fixture->canvas = WM_CANVAS (wm_window_get_canvas (fixture->window));
  wm_xtest_focus_window (GTK_WINDOW (fixture->window));
  wm_xtest_settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  wm_xtest_button (1, FALSE);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->project);
}

/* The diagram list of the sidebar has the focus: not the canvas. */
static void
focus_sidebar (Fixture *fixture)
{
  GtkWidget *list = GTK_WIDGET (fixture->window->diagram_list);

  g_assert_true (gtk_widget_grab_focus (list));
  wm_xtest_settle ();
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (fixture->canvas)));
}

static gboolean
zoomed_to_100 (gpointer data)
{
  return fabs (wm_canvas_get_zoom (((Fixture *) data)->canvas) - 1.0) < 1e-9;
}

/* Ctrl+0, Ctrl+plus and Ctrl+minus zoom the canvas with the focus in the
 * sidebar, as with it on the canvas. */
static void
test_zoom_keys_from_sidebar (Fixture       *fixture,
                             gconstpointer  data)
{
  double zoom;

  focus_sidebar (fixture);
  wm_xtest_chord (GDK_KEY_Control_L, GDK_KEY_0);
  wm_xtest_wait_for (zoomed_to_100, fixture);
  wm_xtest_chord (GDK_KEY_Control_L, GDK_KEY_equal);
  zoom = wm_canvas_get_zoom (fixture->canvas);
  g_assert_cmpfloat (zoom, >, 1.0);
  wm_xtest_chord (GDK_KEY_Control_L, GDK_KEY_minus);
  g_assert_cmpfloat (wm_canvas_get_zoom (fixture->canvas), <, zoom);
  /* The focus stayed where it was. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->window->diagram_list)));
}

typedef struct
{
  Fixture    *fixture;
  WmDiagram  *diagram;
  const char *id;
} Shown;

static gboolean
change_shown (gpointer data)
{
  Shown *shown = data;
  g_auto(GStrv) ids = NULL;

  if (wm_canvas_get_diagram (shown->fixture->canvas) != shown->diagram)
    return FALSE;
  ids = wm_canvas_get_selection (shown->fixture->canvas);
  return ids[0] != NULL && g_str_equal (ids[0], shown->id) && ids[1] == NULL;
}

/* Ctrl+Z, pressed with the sidebar focused while another diagram shows,
 * undoes the change and takes the window to it, the item selected;
 * Ctrl+Shift+Z redoes it there. */
static void
test_undo_key_switches_diagram (Fixture       *fixture,
                                gconstpointer  data)
{
  WmDiagram *first = wm_project_get_diagram (fixture->project, 0);
  WmDiagram *second = wm_project_get_diagram (fixture->project, 1);
  WmItem *item = NULL;
  g_autofree char *id = NULL;
  WmRect before;
  Shown shown = { fixture, first, NULL };

  for (guint i = 0; i < wm_diagram_get_n_items (first) && item == NULL; i++)
    if (wm_item_is_node (wm_diagram_get_item (first, i)))
      item = wm_diagram_get_item (first, i);
  g_assert_nonnull (item);
  id = g_strdup (item->id);
  shown.id = id;
  before = item->bounds;
  wm_diagram_move_items (first, (const char *const[]) { id, NULL }, 40, 0);
  wm_project_break_merge (fixture->project);
  wm_window_show_diagram (fixture->window, second);
  wm_xtest_settle ();
  g_assert_true (wm_canvas_get_diagram (fixture->canvas) == second);

  focus_sidebar (fixture);
  wm_xtest_chord (GDK_KEY_Control_L, GDK_KEY_z);
  wm_xtest_wait_for (change_shown, &shown);
  item = wm_diagram_lookup (first, id);
  g_assert_cmpfloat (item->bounds.x, ==, before.x);

  wm_window_show_diagram (fixture->window, second);
  wm_xtest_settle ();
  focus_sidebar (fixture);
  wm_xtest_key (GDK_KEY_Shift_L, TRUE);
  wm_xtest_chord (GDK_KEY_Control_L, GDK_KEY_z);
  wm_xtest_key (GDK_KEY_Shift_L, FALSE);
  wm_xtest_wait_for (change_shown, &shown);
  g_assert_cmpfloat (wm_diagram_lookup (first, id)->bounds.x, ==, before.x + 40);
}

typedef struct
{
  WmItem *item;
  double  x;
} Moved;

static gboolean
moved (gpointer data)
{
  Moved *m = data;

  return m->item->bounds.x != m->x;
}

/* With snapping on and a grid of 20, a real drag leaves the node's corner on the grid, written as whole numbers. */
static void
test_drag_snaps (Fixture       *fixture,
                 gconstpointer  data)
{
  WmDiagram *diagram = wm_project_find_diagram (fixture->project, "uc-41");
  WmItem *item;
  Moved m;
  double grid, cx, cy;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expect = NULL;

  g_assert_nonnull (diagram);
  item = wm_diagram_lookup (diagram, "use-case-43");
  g_assert_nonnull (item);
  wm_window_show_diagram (fixture->window, diagram);
  wm_canvas_set_zoom (fixture->canvas, 1.0);
  wm_canvas_reveal (fixture->canvas, (const char *const[]) { NULL });
  wm_xtest_settle ();
  wm_canvas_set_snap (fixture->canvas, TRUE);
  wm_canvas_set_grid_size (fixture->canvas, 20);
  grid = 20;

  /* Visible, unselected: drag from its centre by an amount off the grid. */
  wm_viewport_set_origin (wm_canvas_get_viewport (fixture->canvas), item->bounds.x - 100,
                          item->bounds.y - 100);
  wm_xtest_settle ();
  cx = item->bounds.x + item->bounds.width / 2;
  cy = item->bounds.y + item->bounds.height / 2;
  m = (Moved) { item, item->bounds.x };
  wm_xtest_pointer_to_doc (fixture->canvas, cx, cy);
  wm_xtest_button (1, TRUE);
  for (int step = 1; step <= 5; step++)
    wm_xtest_pointer_to_doc (fixture->canvas, cx + 7.4 * step, cy + 3.3 * step);
  wm_xtest_button (1, FALSE);
  wm_xtest_wait_for (moved, &m);
  g_assert_cmpfloat (fmod (item->bounds.x, grid), ==, 0);
  g_assert_cmpfloat (fmod (item->bounds.y, grid), ==, 0);
  saved = wm_project_serialize (fixture->project);
  text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  expect = g_strdup_printf ("x=\"%.0f\" y=\"%.0f\"", item->bounds.x, item->bounds.y);
  g_assert_nonnull (strstr (text, expect));
}

static void
test_needs_x11 (void)
{
  g_test_skip ("needs an X11 display with XTEST (run under xvfb-run)");
}

int
main (int   argc,
      char *argv[])
{
  wm_test_init_gtk (&argc, &argv);

  if (!wm_xtest_available ())
    {
      g_test_add_func ("/window-keys/needs-x11", test_needs_x11);
      return g_test_run ();
    }
#define ADD(path, fn) \
  g_test_add ("/window-keys/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("zoom-from-sidebar", test_zoom_keys_from_sidebar);
  ADD ("undo-switches-diagram", test_undo_key_switches_diagram);
  ADD ("drag-snaps", test_drag_snaps);
#undef ADD
  return g_test_run ();
}
