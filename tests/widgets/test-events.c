/* test-events.c — the canvas driven by real pointer and keyboard events
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The other widget tests call the functions the gesture controllers call;
 * this one goes through the X server instead. Under Xvfb it moves the
 * pointer, presses buttons and keys with the XTEST extension, exactly as a
 * person's input arrives, so the controllers themselves — the click and
 * drag gestures, their thresholds and claims, the key bindings, the scroll
 * controller, the in-place editor's focus — are what the test exercises.
 * Every step waits for its effect (with a generous limit) rather than for
 * a fixed time.
 */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "wm-bmc.h"
#include "wm-canvas-private.h"
#include "wm-render.h"
#include "wm-test-util.h"
#include "wm-widget-test.h"
#include "wm-xtest.h"

typedef struct
{
  WmProject *project;
  WmDiagram *diagram;
  GtkWidget *window;
  WmCanvas  *canvas;
  Display   *display;
  double     start_x;   /* drags: where the dragged item was */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = wm_test_load_sample ();
  fixture->diagram = wm_project_find_diagram (fixture->project, "uc-41");
  g_assert_nonnull (fixture->diagram);
  fixture->display = gdk_x11_display_get_xdisplay (gdk_display_get_default ());

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 760);
  fixture->canvas = WM_CANVAS (wm_canvas_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->canvas));
  wm_canvas_set_diagram (fixture->canvas, fixture->diagram);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wm_test_wait_until_drawn (GTK_WIDGET (fixture->canvas));
  wm_canvas_set_zoom (fixture->canvas, 1.0);
  wm_viewport_set_origin (wm_canvas_get_viewport (fixture->canvas), 0, 0);
  wm_test_wait_until_drawn (GTK_WIDGET (fixture->canvas));
  /* Keys then go to the window's focus widget, and its popovers can take
   * the focus. */
  wm_xtest_focus_window (GTK_WINDOW (fixture->window));
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* No button left down for the next test. */
  wm_xtest_button (1, FALSE);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fixture->project);
}

/* Runs the main loop until @done says so, or fails after ten seconds. */
static void
wait_for (gboolean (*done) (Fixture *fixture),
          Fixture  *fixture)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  XSync (fixture->display, False);
  while (!done (fixture) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (done (fixture));
}

static void
settle (Fixture *fixture)
{
  wm_xtest_settle ();
}

static void
pointer_to (Fixture *fixture,
            double   x,
            double   y)
{
  wm_xtest_pointer_to_doc (fixture->canvas, x, y);
}

static void
button (Fixture *fixture,
        guint    number,
        gboolean down)
{
  wm_xtest_button (number, down);
}

static void
click_at (Fixture *fixture,
          double   x,
          double   y,
          guint    number)
{
  pointer_to (fixture, x, y);
  button (fixture, number, TRUE);
  button (fixture, number, FALSE);
}

static void
key (Fixture *fixture,
     KeySym   sym,
     gboolean down)
{
  wm_xtest_key (sym, down);
}

static void
tap (Fixture *fixture,
     KeySym   sym)
{
  wm_xtest_chord (0, sym);
}

static WmItem *
item (Fixture    *fixture,
      const char *id)
{
  WmItem *found = wm_diagram_lookup (fixture->diagram, id);

  g_assert_nonnull (found);
  return found;
}

static WmPoint
center (Fixture    *fixture,
        const char *id)
{
  WmItem *node = item (fixture, id);

  return (WmPoint) { node->bounds.x + node->bounds.width / 2,
                     node->bounds.y + node->bounds.height / 2 };
}

static gboolean
only_use_case_selected (Fixture *fixture)
{
  const char *const *ids = _wm_canvas_get_selection_ids (fixture->canvas);

  return ids[0] != NULL && g_str_equal (ids[0], "use-case-43") && ids[1] == NULL;
}

static gboolean
nothing_selected (Fixture *fixture)
{
  return _wm_canvas_get_selection_ids (fixture->canvas)[0] == NULL;
}

/* A click selects; a click on empty paper clears; Escape clears. */
static void
test_click_selects (Fixture       *fixture,
                    gconstpointer  data)
{
  WmPoint c = center (fixture, "use-case-43");

  click_at (fixture, c.x, c.y, 1);
  wait_for (only_use_case_selected, fixture);
  click_at (fixture, 5, 5, 1);
  wait_for (nothing_selected, fixture);

  click_at (fixture, c.x, c.y, 1);
  wait_for (only_use_case_selected, fixture);
  tap (fixture, XK_Escape);
  wait_for (nothing_selected, fixture);
}

static gboolean
moved_by_drag (Fixture *fixture)
{
  return item (fixture, "use-case-43")->bounds.x != fixture->start_x;
}

/* Press, move past the threshold in steps, release: one move, one undo step. */
static void
test_drag_moves (Fixture       *fixture,
                 gconstpointer  data)
{
  WmItem *use_case = item (fixture, "use-case-43");
  WmRect before = use_case->bounds;
  WmPoint c = center (fixture, "use-case-43");

  fixture->start_x = before.x;
  pointer_to (fixture, c.x, c.y);
  button (fixture, 1, TRUE);
  for (int step = 1; step <= 6; step++)
    pointer_to (fixture, c.x + 10 * step, c.y + 5 * step);
  button (fixture, 1, FALSE);
  wait_for (moved_by_drag, fixture);
  g_assert_cmpfloat_with_epsilon (use_case->bounds.x, before.x + 60, 0.5);
  g_assert_cmpfloat_with_epsilon (use_case->bounds.y, before.y + 30, 0.5);
  g_assert_true (only_use_case_selected (fixture));

  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpfloat (use_case->bounds.x, ==, before.x);
  g_assert_cmpfloat (use_case->bounds.y, ==, before.y);
}

/* The in-place editor is up and has the keyboard focus (its entry hands
 * the focus to the text inside it). */
static gboolean
editor_open (Fixture *fixture)
{
  GtkWidget *editor = fixture->canvas->editor;
  GtkWidget *focus;

  if (fixture->canvas->edit_commit == NULL || editor == NULL)
    return FALSE;
  focus = gtk_root_get_focus (gtk_widget_get_root (editor));
  return focus != NULL && (focus == editor || gtk_widget_is_ancestor (focus, editor));
}

static gboolean
renamed (Fixture *fixture)
{
  return g_str_equal (item (fixture, "use-case-43")->text, "Pay");
}

/* A double-click opens the editor over the item; what is typed, with
 * Enter, becomes its text. */
static void
test_double_click_edits (Fixture       *fixture,
                         gconstpointer  data)
{
  WmPoint c = center (fixture, "use-case-43");
  g_autofree char *before = g_strdup (item (fixture, "use-case-43")->text);

  pointer_to (fixture, c.x, c.y);
  /* Within the double-click time: sent together, handled in one go. */
  for (int i = 0; i < 2; i++)
    {
      XTestFakeButtonEvent (fixture->display, 1, True, CurrentTime);
      XTestFakeButtonEvent (fixture->display, 1, False, CurrentTime);
    }
  wait_for (editor_open, fixture);
  /* Select all, then type over it. */
  key (fixture, XK_Control_L, TRUE);
  tap (fixture, XK_a);
  key (fixture, XK_Control_L, FALSE);
  key (fixture, XK_Shift_L, TRUE);
  tap (fixture, XK_p);
  key (fixture, XK_Shift_L, FALSE);
  tap (fixture, XK_a);
  tap (fixture, XK_y);
  tap (fixture, XK_Return);
  wait_for (renamed, fixture);
  g_assert_null (fixture->canvas->edit_commit);
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpstr (item (fixture, "use-case-43")->text, ==, before);
}

static gboolean
zoomed_in (Fixture *fixture)
{
  return wm_canvas_get_zoom (fixture->canvas) > 1.05;
}

/* Ctrl and the wheel zoom about the pointer: the point under it stays. */
static void
test_ctrl_wheel_zooms (Fixture       *fixture,
                       gconstpointer  data)
{
  WmPoint c = center (fixture, "use-case-43");
  double wx, wy, x, y;

  pointer_to (fixture, c.x, c.y);
  wm_viewport_doc_to_widget (wm_canvas_get_viewport (fixture->canvas), c.x, c.y, &wx, &wy);
  key (fixture, XK_Control_L, TRUE);
  button (fixture, 4, TRUE);     /* wheel up */
  button (fixture, 4, FALSE);
  key (fixture, XK_Control_L, FALSE);
  wait_for (zoomed_in, fixture);
  wm_viewport_widget_to_doc (wm_canvas_get_viewport (fixture->canvas), wx, wy, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, c.x, 2);
  g_assert_cmpfloat_with_epsilon (y, c.y, 2);
}

static gboolean
menu_shown (Fixture *fixture)
{

  return fixture->canvas->context_popover != NULL &&
         gtk_widget_get_visible (fixture->canvas->context_popover);
}

/* A right click on an association opens its menu of multiplicities. */
static void
test_right_click_menu (Fixture       *fixture,
                       gconstpointer  data)
{
  WmItem *link = NULL;
  WmPoint a, b;
  WmRect visible;

  /* An association whose middle is in view. */
  wm_viewport_get_visible (wm_canvas_get_viewport (fixture->canvas), &visible);
  for (guint i = 0; i < wm_diagram_get_n_items (fixture->diagram) && link == NULL; i++)
    {
      WmItem *candidate = wm_diagram_get_item (fixture->diagram, i);

      if (g_str_equal (candidate->type->id, "association") && candidate->n_points == 0)
        {
          a = center (fixture, candidate->source);
          b = center (fixture, candidate->target);
          if (wm_rect_contains (&visible, (a.x + b.x) / 2, (a.y + b.y) / 2))
            link = candidate;
        }
    }
  g_assert_nonnull (link);
  a = center (fixture, link->source);
  b = center (fixture, link->target);
  /* Somewhere along the line that the canvas counts as on it. */
  for (double t = 0.35; t <= 0.65; t += 0.05)
    {
      double x = a.x + t * (b.x - a.x), y = a.y + t * (b.y - a.y);

      if (_wm_canvas_hit (fixture->canvas, x, y) == link)
        {
          click_at (fixture, x, y, 3);
          wait_for (menu_shown, fixture);
          g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (fixture->canvas->context_menu)),
                           ==, 2);
          tap (fixture, XK_Escape);
          return;
        }
    }
  g_assert_not_reached ();
}

/* A node in view other than use-case-43, hit at its centre. */
static WmItem *
other_node_in_view (Fixture *fixture)
{
  WmRect visible;

  wm_viewport_get_visible (wm_canvas_get_viewport (fixture->canvas), &visible);
  for (guint i = 0; i < wm_diagram_get_n_items (fixture->diagram); i++)
    {
      WmItem *node = wm_diagram_get_item (fixture->diagram, i);
      WmPoint c;

      if (!wm_item_is_node (node) || g_str_equal (node->id, "use-case-43"))
        continue;
      c = center (fixture, node->id);
      if (wm_rect_contains (&visible, c.x, c.y) &&
          _wm_canvas_hit (fixture->canvas, c.x, c.y) == node)
        return node;
    }
  g_assert_not_reached ();
}

static const char *right_clicked;

static gboolean
only_right_clicked_selected (Fixture *fixture)
{
  const char *const *ids = _wm_canvas_get_selection_ids (fixture->canvas);

  return ids[0] != NULL && g_str_equal (ids[0], right_clicked) && ids[1] == NULL;
}

/* A right click on an item outside the selection selects it before its
 * menu opens; on an item of the selection, the selection stays whole. */
static void
test_right_click_selects (Fixture       *fixture,
                          gconstpointer  data)
{
  WmItem *other = other_node_in_view (fixture);
  g_autofree char *other_id = g_strdup (other->id);
  WmPoint c = center (fixture, "use-case-43"), o = center (fixture, other_id);
  const char *both[] = { "use-case-43", other_id, NULL };
  g_auto(GStrv) kept = NULL;

  wm_canvas_select (fixture->canvas, (const char *const[]) { "use-case-43", NULL });
  right_clicked = other_id;
  click_at (fixture, o.x, o.y, 3);
  wait_for (only_right_clicked_selected, fixture);
  tap (fixture, XK_Escape);
  settle (fixture);

  wm_canvas_select (fixture->canvas, both);
  click_at (fixture, c.x, c.y, 3);
  settle (fixture);
  kept = wm_canvas_get_selection (fixture->canvas);
  g_assert_cmpuint (g_strv_length (kept), ==, 2);
  g_assert_true (g_strv_contains ((const char *const *) kept, "use-case-43"));
  g_assert_true (g_strv_contains ((const char *const *) kept, other_id));
  tap (fixture, XK_Escape);
  right_clicked = NULL;
}

static gboolean
filed_in_channels (Fixture *fixture)
{
  return g_strcmp0 (wm_item_get_choice (item (fixture, "note-15"), "block"), "channels") == 0;
}

/* The canvas's own drag of a sticky note, by real events: it goes into
 * the block it is let go over. */
static void
test_note_drag (Fixture       *fixture,
                gconstpointer  data)
{
  WmDiagram *canvas_diagram = wm_project_find_diagram (fixture->project, "bmc-1");
  WmRect note, block;
  double width, height;

  g_assert_nonnull (canvas_diagram);
  fixture->diagram = canvas_diagram;
  wm_canvas_set_diagram (fixture->canvas, canvas_diagram);
  wm_canvas_set_zoom (fixture->canvas, 0.5);
  wm_viewport_set_origin (wm_canvas_get_viewport (fixture->canvas), 0, 0);
  wm_test_wait_until_drawn (GTK_WIDGET (fixture->canvas));
  g_assert_cmpstr (wm_item_get_choice (item (fixture, "note-15"), "block"), ==,
                   "value-propositions");

  wm_render_node_rect (canvas_diagram, item (fixture, "note-15"), &note);
  width = wm_diagram_get_number (canvas_diagram, "width");
  height = wm_diagram_get_number (canvas_diagram, "height");
  wm_bmc_block_rect (WM_BMC_CHANNELS, width, height, &block);
  pointer_to (fixture, note.x + note.width / 2, note.y + note.height / 2);
  button (fixture, 1, TRUE);
  for (int step = 1; step <= 8; step++)
    pointer_to (fixture,
                note.x + note.width / 2 + step * (block.x + block.width / 2 - note.x - note.width / 2) / 8,
                note.y + note.height / 2 + step * (block.y + block.height - 30 - note.y - note.height / 2) / 8);
  button (fixture, 1, FALSE);
  wait_for (filed_in_channels, fixture);
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpstr (wm_item_get_choice (item (fixture, "note-15"), "block"), ==,
                   "value-propositions");
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
      g_test_add_func ("/events/needs-x11", test_needs_x11);
      return g_test_run ();
    }

#define ADD(path, fn) \
  g_test_add ("/events/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("click-selects", test_click_selects);
  ADD ("drag-moves", test_drag_moves);
  ADD ("double-click-edits", test_double_click_edits);
  ADD ("ctrl-wheel-zooms", test_ctrl_wheel_zooms);
  ADD ("right-click-menu", test_right_click_menu);
  ADD ("right-click-selects", test_right_click_selects);
  ADD ("note-drag", test_note_drag);
#undef ADD

  return g_test_run ();
}
