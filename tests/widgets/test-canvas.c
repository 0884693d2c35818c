/* test-canvas.c — the canvas in a real window: painting, selection, moves, keys
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb with the Cairo renderer. The gestures' code paths are
 * driven through the canvas's test entry points and its actions; the model
 * is checked after each step, and undo must give back the very same bytes.
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "wm-canvas-private.h"
#include "wm-render.h"
#include "wm-test-util.h"
#include "wm-widget-test.h"

typedef struct
{
  WmProject *project;
  WmDiagram *diagram;
  GtkWidget *window;
  GtkWidget *scrolled;
  WmCanvas  *canvas;
  guint      selection_changes;
} Fixture;

static void
count_selection_changes (WmCanvas *canvas,
                         Fixture  *fixture)
{
  fixture->selection_changes++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = wm_test_load_sample ();
  fixture->diagram = wm_project_find_diagram (fixture->project, "uc-41");
  g_assert_nonnull (fixture->diagram);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 760);
  fixture->scrolled = gtk_scrolled_window_new ();
  fixture->canvas = WM_CANVAS (wm_canvas_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (fixture->scrolled),
                                 GTK_WIDGET (fixture->canvas));
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->scrolled);
  wm_canvas_set_diagram (fixture->canvas, fixture->diagram);
  g_signal_connect (fixture->canvas, "selection-changed",
                    G_CALLBACK (count_selection_changes), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wm_test_wait_until_drawn (GTK_WIDGET (fixture->canvas));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  WmCanvas *canvas = fixture->canvas;

  g_object_add_weak_pointer (G_OBJECT (canvas), (gpointer *) &fixture->canvas);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* The window took the canvas with it, and the canvas let go of the diagram. */
  g_assert_null (fixture->canvas);
  g_assert_finalize_object (fixture->project);
}

/* Where document point (x, y) is in the canvas. */
static void
to_widget (Fixture *fixture,
           double   x,
           double   y,
           double  *wx,
           double  *wy)
{
  wm_viewport_doc_to_widget (wm_canvas_get_viewport (fixture->canvas), x, y, wx, wy);
}

static void
item_center (Fixture    *fixture,
             const char *id,
             double     *wx,
             double     *wy)
{
  WmItem *item = wm_diagram_lookup (fixture->diagram, id);

  g_assert_nonnull (item);
  to_widget (fixture, item->bounds.x + item->bounds.width / 2,
             item->bounds.y + item->bounds.height / 2, wx, wy);
}

static void
click_item (Fixture         *fixture,
            const char      *id,
            GdkModifierType  state)
{
  double x, y;

  item_center (fixture, id, &x, &y);
  _wm_canvas_test_click (fixture->canvas, x, y, state);
}

static char *
selection_string (Fixture *fixture)
{
  g_auto(GStrv) ids = wm_canvas_get_selection (fixture->canvas);

  return g_strjoinv (" ", ids);
}

#define assert_selection(fixture, expected) \
  G_STMT_START { \
    g_autofree char *_s = selection_string (fixture); \
    g_assert_cmpstr (_s, ==, expected); \
  } G_STMT_END

static GBytes *
serialize (Fixture *fixture)
{
  return wm_project_serialize (fixture->project);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  gsize size_a, size_b;
  const char *data_a = g_bytes_get_data (a, &size_a);
  const char *data_b = g_bytes_get_data (b, &size_b);

  g_assert_cmpmem (data_a, size_a, data_b, size_b);
}

static void
get_extent (WmDiagram *diagram,
            WmRect    *extent)
{
  wm_render_get_extent (diagram, extent);
}

static void
assert_shows (Fixture      *fixture,
              const WmRect *area)
{
  WmRect visible;

  wm_viewport_get_visible (wm_canvas_get_viewport (fixture->canvas), &visible);
  g_assert_cmpfloat (visible.x, <=, area->x + 1e-6);
  g_assert_cmpfloat (visible.y, <=, area->y + 1e-6);
  g_assert_cmpfloat (visible.x + visible.width, >=, area->x + area->width - 1e-6);
  g_assert_cmpfloat (visible.y + visible.height, >=, area->y + area->height - 1e-6);
}

/* The tests */

static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  WmCanvas *canvas = fixture->canvas;
  WmViewport *viewport = wm_canvas_get_viewport (canvas);
  g_autoptr(WmDiagram) diagram = NULL;
  gboolean snap, grid;
  double zoom;

  g_object_get (canvas, "diagram", &diagram, "snap", &snap, "show-grid", &grid, NULL);
  g_assert_true (diagram == fixture->diagram);
  g_assert_false (snap);
  g_assert_false (grid);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (canvas)));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (canvas)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);

  /* "zoom" is the viewport's, both ways. */
  g_object_set (canvas, "zoom", 2.0, NULL);
  g_assert_cmpfloat (wm_viewport_get_zoom (viewport), ==, 2.0);
  wm_viewport_set_zoom (viewport, 0.5);
  g_object_get (canvas, "zoom", &zoom, NULL);
  g_assert_cmpfloat (zoom, ==, 0.5);
  wm_canvas_set_zoom (canvas, 100.0);
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, WM_VIEWPORT_MAX_ZOOM);

  wm_canvas_set_snap (canvas, TRUE);
  wm_canvas_set_show_grid (canvas, TRUE);
  g_object_get (canvas, "snap", &snap, "show-grid", &grid, NULL);
  g_assert_true (snap);
  g_assert_true (grid);
}

static void
test_opens_whole (Fixture       *fixture,
                  gconstpointer  data)
{
  WmRect extent;

  /* A new diagram shows whole, never enlarged beyond 100 %. */
  get_extent (fixture->diagram, &extent);
  assert_shows (fixture, &extent);
  g_assert_cmpfloat (wm_canvas_get_zoom (fixture->canvas), <=, 1.0);
  g_assert_cmpfloat (wm_canvas_get_zoom (fixture->canvas), >, 0.3);
}

static void
test_zoom_actions (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *canvas = GTK_WIDGET (fixture->canvas);
  WmViewport *viewport = wm_canvas_get_viewport (fixture->canvas);
  WmRect extent;
  double zoom, cx, cy, x, y;

  g_assert_true (gtk_widget_activate_action (canvas, "canvas.zoom-reset", NULL));
  g_assert_cmpfloat (wm_viewport_get_zoom (viewport), ==, 1.0);

  /* Zooming keeps the middle of the view still. */
  wm_viewport_widget_to_doc (viewport, gtk_widget_get_width (canvas) / 2.0,
                             gtk_widget_get_height (canvas) / 2.0, &cx, &cy);
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.zoom-in", NULL));
  zoom = wm_viewport_get_zoom (viewport);
  g_assert_cmpfloat (zoom, >, 1.0);
  wm_viewport_widget_to_doc (viewport, gtk_widget_get_width (canvas) / 2.0,
                             gtk_widget_get_height (canvas) / 2.0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, cx, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, cy, 1e-6);

  g_assert_true (gtk_widget_activate_action (canvas, "canvas.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.zoom-out", NULL));
  g_assert_cmpfloat (wm_viewport_get_zoom (viewport), <, 1.0);

  /* The steps end at the limits. */
  for (int i = 0; i < 40; i++)
    gtk_widget_activate_action (canvas, "canvas.zoom-in", NULL);
  g_assert_cmpfloat (wm_viewport_get_zoom (viewport), ==, WM_VIEWPORT_MAX_ZOOM);
  for (int i = 0; i < 40; i++)
    gtk_widget_activate_action (canvas, "canvas.zoom-out", NULL);
  g_assert_cmpfloat (wm_viewport_get_zoom (viewport), ==, WM_VIEWPORT_MIN_ZOOM);

  g_assert_true (gtk_widget_activate_action (canvas, "canvas.zoom-fit", NULL));
  get_extent (fixture->diagram, &extent);
  assert_shows (fixture, &extent);
  to_widget (fixture, extent.x + extent.width / 2, extent.y + extent.height / 2, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, gtk_widget_get_width (canvas) / 2.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, gtk_widget_get_height (canvas) / 2.0, 1e-6);
}

static void
test_select (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *canvas = GTK_WIDGET (fixture->canvas);
  const char *ids[] = { "use-case-45", "actor-53", "no-such-item", "subject-42", NULL };
  guint n_items = wm_diagram_get_n_items (fixture->diagram);
  g_auto(GStrv) all = NULL;

  fixture->selection_changes = 0;
  wm_canvas_select (fixture->canvas, ids);
  /* In z-order, unknown ids left out. */
  assert_selection (fixture, "subject-42 use-case-45 actor-53");
  g_assert_cmpuint (fixture->selection_changes, ==, 1);
  wm_canvas_select (fixture->canvas, ids);
  g_assert_cmpuint (fixture->selection_changes, ==, 1);

  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-all", NULL));
  all = wm_canvas_get_selection (fixture->canvas);
  g_assert_cmpuint (g_strv_length (all), ==, wm_diagram_get_n_items (fixture->diagram));
  g_assert_cmpuint (fixture->selection_changes, ==, 2);

  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-none", NULL));
  assert_selection (fixture, "");
  gtk_widget_activate_action (canvas, "canvas.delete", NULL);
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n_items);
}

static void
test_click (Fixture       *fixture,
            gconstpointer  data)
{
  WmItem *link = wm_diagram_lookup (fixture->diagram, "association-57");
  double x, y;

  click_item (fixture, "use-case-43", 0);
  assert_selection (fixture, "use-case-43");
  click_item (fixture, "use-case-44", 0);
  assert_selection (fixture, "use-case-44");
  click_item (fixture, "actor-53", GDK_SHIFT_MASK);
  assert_selection (fixture, "use-case-44 actor-53");
  click_item (fixture, "use-case-44", GDK_SHIFT_MASK);
  assert_selection (fixture, "actor-53");

  /* A click on a selected item, without Shift, keeps it alone. */
  click_item (fixture, "use-case-43", GDK_SHIFT_MASK);
  click_item (fixture, "actor-53", 0);
  assert_selection (fixture, "actor-53");

  /* Inside a subject is empty space; its title grabs it. */
  to_widget (fixture, 560, 700, &x, &y);
  _wm_canvas_test_click (fixture->canvas, x, y, 0);
  assert_selection (fixture, "");
  to_widget (fixture, 540, 50, &x, &y);
  _wm_canvas_test_click (fixture->canvas, x, y, 0);
  assert_selection (fixture, "subject-42");

  /* A link is hit on its line, between its ends. */
  to_widget (fixture, (link->points[0].x + 280) / 2, link->points[0].y + 1, &x, &y);
  _wm_canvas_test_click (fixture->canvas, x, y, 0);
  assert_selection (fixture, "association-57");

  /* Far from everything. */
  _wm_canvas_test_click (fixture->canvas, 2, 2, 0);
  assert_selection (fixture, "");
}

static void
test_drag_move (Fixture       *fixture,
                gconstpointer  data)
{
  WmItem *item = wm_diagram_lookup (fixture->diagram, "use-case-43");
  WmRect before = item->bounds;
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(GBytes) after_undo = NULL;
  double zoom, x, y;

  wm_canvas_set_zoom (fixture->canvas, 1.0);
  zoom = wm_canvas_get_zoom (fixture->canvas);
  item_center (fixture, "use-case-43", &x, &y);

  /* Dragging an item selects and moves it, in one undo step. */
  _wm_canvas_test_drag (fixture->canvas, x, y, 53, 27, 0);
  assert_selection (fixture, "use-case-43");
  g_assert_cmpfloat_with_epsilon (item->bounds.x, before.x + 53 / zoom, 1e-9);
  g_assert_cmpfloat_with_epsilon (item->bounds.y, before.y + 27 / zoom, 1e-9);
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpfloat (item->bounds.x, ==, before.x);
  g_assert_cmpfloat (item->bounds.y, ==, before.y);
  after_undo = serialize (fixture);
  assert_bytes_equal (original, after_undo);
  g_assert_true (wm_project_redo (fixture->project));
  g_assert_cmpfloat_with_epsilon (item->bounds.x, before.x + 53 / zoom, 1e-9);
  g_assert_true (wm_project_undo (fixture->project));

  /* Two drags are two steps. */
  item_center (fixture, "use-case-43", &x, &y);
  _wm_canvas_test_drag (fixture->canvas, x, y, 20, 0, 0);
  item_center (fixture, "use-case-43", &x, &y);
  _wm_canvas_test_drag (fixture->canvas, x, y, 20, 0, 0);
  g_assert_cmpfloat_with_epsilon (item->bounds.x, before.x + 40 / zoom, 1e-9);
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpfloat_with_epsilon (item->bounds.x, before.x + 20 / zoom, 1e-9);
  g_assert_true (wm_project_undo (fixture->project));

  /* A small jitter is a click, not a move. */
  item_center (fixture, "use-case-43", &x, &y);
  _wm_canvas_test_drag (fixture->canvas, x, y, 2, 1, 0);
  g_assert_cmpfloat (item->bounds.x, ==, before.x);
}

static void
test_drag_multiple_snapped (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *ids[] = { "use-case-43", "actor-53", NULL };
  WmItem *use_case = wm_diagram_lookup (fixture->diagram, "use-case-43");
  WmItem *actor = wm_diagram_lookup (fixture->diagram, "actor-53");
  WmItem *link = wm_diagram_lookup (fixture->diagram, "association-57");
  WmRect use_case_before = use_case->bounds, actor_before = actor->bounds;
  WmPoint waypoint = link->points[0];
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(GBytes) after_undo = NULL;
  double x, y, dx, dy;

  wm_canvas_set_zoom (fixture->canvas, 1.5);
  wm_canvas_set_snap (fixture->canvas, TRUE);
  wm_canvas_select (fixture->canvas, ids);
  item_center (fixture, "actor-53", &x, &y);
  _wm_canvas_test_drag (fixture->canvas, x, y, 37, -22, 0);

  /* The grabbed item's corner lands on the grid, the others keep their
   * distance, and the link between them follows. */
  assert_selection (fixture, "use-case-43 actor-53");
  g_assert_cmpfloat (fmod (actor->bounds.x, 10), ==, 0);
  g_assert_cmpfloat (fmod (actor->bounds.y, 10), ==, 0);
  dx = actor->bounds.x - actor_before.x;
  dy = actor->bounds.y - actor_before.y;
  g_assert_cmpfloat (fabs (dx - 37 / 1.5), <=, 5);
  g_assert_cmpfloat (fabs (dy + 22 / 1.5), <=, 5);
  g_assert_cmpfloat (use_case->bounds.x, ==, use_case_before.x + dx);
  g_assert_cmpfloat (use_case->bounds.y, ==, use_case_before.y + dy);
  g_assert_cmpfloat (link->points[0].x, ==, waypoint.x + dx);

  g_assert_true (wm_project_undo (fixture->project));
  after_undo = serialize (fixture);
  assert_bytes_equal (original, after_undo);
}

/* The line of @id in the saved project has @x and @y as written numbers. */
static void
assert_written_at (Fixture    *fixture,
                   const char *id,
                   const char *x,
                   const char *y)
{
  g_autoptr(GBytes) bytes = serialize (fixture);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *key = g_strdup_printf ("id=\"%s\"", id);
  g_autofree char *want = g_strdup_printf (" x=\"%s\" y=\"%s\" ", x, y);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], key) != NULL)
      {
        g_test_message ("%s", lines[i]);
        g_assert_nonnull (strstr (lines[i], want));
        return;
      }
  g_assert_not_reached ();
}

/* A node created where the view's origin and zoom are fractional is written
 * at whole units, or on the grid when snapping; a snapped drag writes the
 * grabbed node's corner on the grid. */
static void
test_snapped_numbers_written (Fixture       *fixture,
                              gconstpointer  data)
{
  WmViewport *viewport = wm_canvas_get_viewport (fixture->canvas);
  const char *ids[] = { NULL, NULL };
  g_autofree char *x = NULL, *y = NULL;
  WmItem *item;
  double wx, wy;

  wm_canvas_set_zoom (fixture->canvas, 0.8);
  wm_viewport_set_origin (viewport, -17.0830212234706664, -3.3);
  item = _wm_canvas_create_node_at (fixture->canvas, "use-case", 333.3, 217.7);
  g_assert_nonnull (item);
  g_assert_cmpfloat (item->bounds.x, ==, round (item->bounds.x));
  g_assert_cmpfloat (item->bounds.y, ==, round (item->bounds.y));
  /* It lands centred where the click was, within the rounding. */
  wm_viewport_doc_to_widget (viewport, item->bounds.x + item->bounds.width / 2,
                             item->bounds.y + item->bounds.height / 2, &wx, &wy);
  g_assert_cmpfloat (fabs (wx - 333.3), <=, 0.8);
  g_assert_cmpfloat (fabs (wy - 217.7), <=, 0.8);
  x = g_strdup_printf ("%.0f", item->bounds.x);
  y = g_strdup_printf ("%.0f", item->bounds.y);
  assert_written_at (fixture, item->id, x, y);
  g_clear_pointer (&x, g_free);
  g_clear_pointer (&y, g_free);

  wm_canvas_set_snap (fixture->canvas, TRUE);
  item = _wm_canvas_create_node_at (fixture->canvas, "use-case", 401.1, 305.9);
  g_assert_nonnull (item);
  g_assert_cmpfloat (fmod (item->bounds.x, 10), ==, 0);
  g_assert_cmpfloat (fmod (item->bounds.y, 10), ==, 0);

  ids[0] = item->id;
  wm_canvas_select (fixture->canvas, ids);
  item_center (fixture, item->id, &wx, &wy);
  _wm_canvas_test_drag (fixture->canvas, wx, wy, 37.3, -22.9, 0);
  g_assert_cmpfloat (fmod (item->bounds.x, 10), ==, 0);
  g_assert_cmpfloat (fmod (item->bounds.y, 10), ==, 0);
  x = g_strdup_printf ("%.0f", item->bounds.x);
  y = g_strdup_printf ("%.0f", item->bounds.y);
  assert_written_at (fixture, item->id, x, y);
}

/* Whether no line of @box (left, centre, right, top, middle, bottom) comes
 * within @distance of the same line of a node other than @id. */
static gboolean
far_from_alignment (Fixture      *fixture,
                    const char   *id,
                    const WmRect *box,
                    double        distance)
{
  for (guint i = 0; i < wm_diagram_get_n_items (fixture->diagram); i++)
    {
      WmItem *other = wm_diagram_get_item (fixture->diagram, i);
      const WmRect *b = &other->bounds;

      if (!wm_item_is_node (other) || g_str_equal (other->id, id))
        continue;
      for (int k = 0; k < 3; k++)
        if (fabs (box->x + box->width * k / 2 - (b->x + b->width * k / 2)) <= distance ||
            fabs (box->y + box->height * k / 2 - (b->y + b->height * k / 2)) <= distance)
          return FALSE;
    }
  return TRUE;
}

static void
test_drag_guides (Fixture       *fixture,
                  gconstpointer  data)
{
  WmItem *item = wm_diagram_lookup (fixture->diagram, "use-case-43");
  WmItem *other = wm_diagram_lookup (fixture->diagram, "use-case-51");
  WmRect before = item->bounds;
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(GBytes) after_undo = NULL;
  const WmCanvasDrag *drag = &fixture->canvas->drag;
  double x, y, dx, dy;
  gboolean found = FALSE;

  wm_canvas_set_zoom (fixture->canvas, 1.0);
  item_center (fixture, "use-case-43", &x, &y);

  /* A left edge dropped 3 units from another's lands on it exactly, and a
   * guide joins the two while the drag lasts. */
  dx = other->bounds.x + 3 - before.x;
  dy = 37;
  _wm_canvas_test_drag_to (fixture->canvas, x, y, dx, dy, 0);
  g_assert_cmpfloat (item->bounds.x, ==, other->bounds.x);
  for (guint i = 0; i < drag->n_guides; i++)
    if (drag->guides[i].vertical && drag->guides[i].pos == other->bounds.x)
      {
        found = TRUE;
        g_assert_cmpfloat (drag->guides[i].from, <=, MIN (item->bounds.y, other->bounds.y));
        g_assert_cmpfloat (drag->guides[i].to, >=,
                           MAX (item->bounds.y + item->bounds.height,
                                other->bounds.y + other->bounds.height));
      }
  g_assert_true (found);
  if (g_getenv ("WAYMARK_SCREENSHOT_DIR") != NULL)
    {
      gtk_test_widget_wait_for_draw (fixture->window);
      wm_test_save_screenshot (GTK_WIDGET (fixture->canvas), "canvas-guides.png");
    }
  _wm_canvas_test_drag_release (fixture->canvas, dx, dy);
  g_assert_cmpfloat (item->bounds.x, ==, other->bounds.x);
  g_assert_cmpuint (drag->n_guides, ==, 0);
  g_assert_true (wm_project_undo (fixture->project));
  after_undo = serialize (fixture);
  assert_bytes_equal (original, after_undo);

  /* Far from any line, the grid alone places it, and there is no guide. */
  wm_canvas_set_snap (fixture->canvas, TRUE);
  for (dx = 31; dx < 400; dx += 7)
    {
      WmRect raw = { before.x + dx, before.y + 23, before.width, before.height };
      WmRect snapped = raw;

      snapped.x = round (raw.x / 10) * 10;
      snapped.y = round (raw.y / 10) * 10;
      if (far_from_alignment (fixture, item->id, &raw, 7) &&
          far_from_alignment (fixture, item->id, &snapped, 1))
        break;
    }
  g_assert_cmpfloat (dx, <, 400);
  item_center (fixture, "use-case-43", &x, &y);
  _wm_canvas_test_drag_to (fixture->canvas, x, y, dx, 23, 0);
  g_assert_cmpuint (drag->n_guides, ==, 0);
  _wm_canvas_test_drag_release (fixture->canvas, dx, 23);
  g_assert_cmpuint (drag->n_guides, ==, 0);
  g_assert_cmpfloat (item->bounds.x, ==, round ((before.x + dx) / 10) * 10);
  g_assert_cmpfloat (item->bounds.y, ==, round ((before.y + 23) / 10) * 10);
  g_assert_true (wm_project_undo (fixture->project));
  g_clear_pointer (&after_undo, g_bytes_unref);
  after_undo = serialize (fixture);
  assert_bytes_equal (original, after_undo);
}

/* A snapped drag on a grid of 25 puts the grabbed node's corner on a
 * multiple of 25, and the file says so. */
static void
test_grid_size_snaps (Fixture       *fixture,
                      gconstpointer  data)
{
  WmItem *item = wm_diagram_lookup (fixture->diagram, "use-case-43");
  WmRect before = item->bounds;
  g_autofree char *x = NULL, *y = NULL;
  double grid, wx, wy, dx;

  g_object_get (fixture->canvas, "grid-size", &grid, NULL);
  g_assert_cmpfloat (grid, ==, WM_CANVAS_DEFAULT_GRID);
  g_object_set (fixture->canvas, "grid-size", 25.0, NULL);
  g_assert_cmpfloat (wm_canvas_get_grid_size (fixture->canvas), ==, 25);
  wm_canvas_set_zoom (fixture->canvas, 1.0);
  wm_canvas_set_snap (fixture->canvas, TRUE);
  /* Far from any alignment, so that the grid alone places it. */
  for (dx = 31; dx < 400; dx += 7)
    {
      WmRect raw = { before.x + dx, before.y + 23, before.width, before.height };
      WmRect snapped = raw;

      snapped.x = round (raw.x / 25) * 25;
      snapped.y = round (raw.y / 25) * 25;
      if (far_from_alignment (fixture, item->id, &raw, 7) &&
          far_from_alignment (fixture, item->id, &snapped, 1))
        break;
    }
  g_assert_cmpfloat (dx, <, 400);
  item_center (fixture, item->id, &wx, &wy);
  _wm_canvas_test_drag (fixture->canvas, wx, wy, dx, 23, 0);
  g_assert_cmpfloat (item->bounds.x, ==, round ((before.x + dx) / 25) * 25);
  g_assert_cmpfloat (item->bounds.y, ==, round ((before.y + 23) / 25) * 25);
  g_assert_cmpfloat (fmod (item->bounds.x, 25), ==, 0);
  g_assert_cmpfloat (fmod (item->bounds.y, 25), ==, 0);
  x = g_strdup_printf ("%.0f", item->bounds.x);
  y = g_strdup_printf ("%.0f", item->bounds.y);
  assert_written_at (fixture, item->id, x, y);
}

static void
test_band (Fixture       *fixture,
           gconstpointer  data)
{
  double x1, y1, x2, y2;

  wm_canvas_set_zoom (fixture->canvas, 1.0);
  /* From inside the subject, around the first four use cases. */
  to_widget (fixture, 270, 90, &x1, &y1);
  to_widget (fixture, 480, 480, &x2, &y2);
  _wm_canvas_test_drag (fixture->canvas, x1, y1, x2 - x1, y2 - y1, 0);
  assert_selection (fixture, "use-case-43 use-case-44 use-case-45 use-case-46");

  /* Shift adds to the selection; the band may be drawn backwards. */
  to_widget (fixture, 40, 490, &x1, &y1);
  to_widget (fixture, 170, 300, &x2, &y2);
  _wm_canvas_test_drag (fixture->canvas, x1, y1, x2 - x1, y2 - y1, GDK_SHIFT_MASK);
  assert_selection (fixture, "use-case-43 use-case-44 use-case-45 use-case-46 actor-53");

  /* Without Shift, a band over nothing clears it. */
  _wm_canvas_test_drag (fixture->canvas, 1, 1, 5, 30, 0);
  assert_selection (fixture, "");
}

static void
test_nudge (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *canvas = GTK_WIDGET (fixture->canvas);
  const char *ids[] = { "use-case-47", "use-case-48", NULL };
  WmItem *item = wm_diagram_lookup (fixture->diagram, "use-case-47");
  WmRect before = item->bounds;
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(GBytes) after_undo = NULL;
  double ox, oy, x, y;

  /* Without a selection, the arrows pan. */
  wm_viewport_get_origin (wm_canvas_get_viewport (fixture->canvas), &ox, &oy);
  wm_canvas_set_zoom (fixture->canvas, 2.0);
  wm_viewport_get_origin (wm_canvas_get_viewport (fixture->canvas), &ox, &oy);
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.nudge", "(dd)", 0.0, 1.0));
  wm_viewport_get_origin (wm_canvas_get_viewport (fixture->canvas), &x, &y);
  g_assert_cmpfloat (x, ==, ox);
  g_assert_cmpfloat (y, >, oy);
  g_bytes_unref (g_steal_pointer (&original));
  original = serialize (fixture);

  wm_canvas_select (fixture->canvas, ids);
  for (int i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (canvas, "canvas.nudge", "(dd)", 1.0, 0.0));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.nudge", "(dd)", 0.0, -10.0));
  g_assert_cmpfloat (item->bounds.x, ==, before.x + 3);
  g_assert_cmpfloat (item->bounds.y, ==, before.y - 10);
  assert_selection (fixture, "use-case-47 use-case-48");

  /* Consecutive nudges are one step, like a held key. */
  g_assert_true (wm_project_undo (fixture->project));
  after_undo = serialize (fixture);
  assert_bytes_equal (original, after_undo);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *canvas = GTK_WIDGET (fixture->canvas);
  const char *ids[] = { "use-case-44", NULL };
  guint n = wm_diagram_get_n_items (fixture->diagram);
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(GBytes) after_undo = NULL;

  wm_canvas_select (fixture->canvas, ids);
  fixture->selection_changes = 0;
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.delete", NULL));
  /* The use case goes with its two links, and leaves the selection. */
  g_assert_null (wm_diagram_lookup (fixture->diagram, "use-case-44"));
  g_assert_null (wm_diagram_lookup (fixture->diagram, "association-58"));
  g_assert_null (wm_diagram_lookup (fixture->diagram, "include-66"));
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n - 3);
  assert_selection (fixture, "");
  g_assert_cmpuint (fixture->selection_changes, ==, 1);
  gtk_widget_activate_action (canvas, "canvas.delete", NULL);
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n - 3);

  g_assert_true (wm_project_undo (fixture->project));
  after_undo = serialize (fixture);
  assert_bytes_equal (original, after_undo);
}

static void
test_scroll (Fixture       *fixture,
             gconstpointer  data)
{
  WmCanvas *canvas = fixture->canvas;
  WmViewport *viewport = wm_canvas_get_viewport (canvas);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
  double zoom, ox, oy, bx, by, ax, ay;

  /* The scrolled window gave the canvas its adjustments. */
  g_assert_true (hadjustment ==
                 gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (fixture->scrolled)));

  /* Ctrl + wheel zooms about the pointer. */
  wm_canvas_set_zoom (canvas, 1.0);
  zoom = wm_viewport_get_zoom (viewport);
  wm_viewport_widget_to_doc (viewport, 300, 200, &bx, &by);
  _wm_canvas_test_scroll (canvas, 300, 200, 0, -1, GDK_CONTROL_MASK);
  g_assert_cmpfloat (wm_viewport_get_zoom (viewport), >, zoom);
  wm_viewport_widget_to_doc (viewport, 300, 200, &ax, &ay);
  g_assert_cmpfloat_with_epsilon (ax, bx, 1e-6);
  g_assert_cmpfloat_with_epsilon (ay, by, 1e-6);

  /* The wheel pans, and the scroll bars follow. */
  zoom = wm_viewport_get_zoom (viewport);
  wm_viewport_get_origin (viewport, &ox, &oy);
  _wm_canvas_test_scroll (canvas, 300, 200, 0, 1, 0);
  wm_viewport_get_origin (viewport, &ax, &ay);
  g_assert_cmpfloat (ay, >, oy);
  g_assert_cmpfloat (ax, ==, ox);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (vadjustment), ay * zoom, 1e-6);
  _wm_canvas_test_scroll (canvas, 300, 200, 0, 1, GDK_SHIFT_MASK);
  wm_viewport_get_origin (viewport, &ax, &ay);
  g_assert_cmpfloat (ax, >, ox);

  /* Scrolling stops at the diagram's edge. */
  for (int i = 0; i < 200; i++)
    _wm_canvas_test_scroll (canvas, 300, 200, 1, 1, 0);
  {
    WmRect extent, visible;

    get_extent (fixture->diagram, &extent);
    wm_viewport_get_visible (viewport, &visible);
    g_assert_cmpfloat (visible.x, <, extent.x + extent.width);
    g_assert_cmpfloat (visible.y, <, extent.y + extent.height);
    g_assert_cmpfloat (visible.x + visible.width, >, extent.x + extent.width);
  }

  /* Moving a scroll bar moves the view. */
  gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_lower (hadjustment));
  wm_viewport_get_origin (viewport, &ax, &ay);
  g_assert_cmpfloat_with_epsilon (ax * zoom, gtk_adjustment_get_lower (hadjustment), 1e-6);
}

static void
test_scrollable (Fixture       *fixture,
                 gconstpointer  data)
{
  WmCanvas *canvas = fixture->canvas;
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
  WmItem *item = wm_diagram_lookup (fixture->diagram, "note-71");
  WmRect extent, moved;
  double upper;

  /* The range covers the diagram at the current zoom. */
  wm_canvas_set_zoom (canvas, 2.0);
  get_extent (fixture->diagram, &extent);
  g_assert_cmpfloat (gtk_adjustment_get_lower (hadjustment), <=, extent.x * 2);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >=, (extent.x + extent.width) * 2);
  g_assert_cmpfloat (gtk_adjustment_get_lower (vadjustment), <=, extent.y * 2);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >=, (extent.y + extent.height) * 2);
  g_assert_cmpfloat (gtk_adjustment_get_page_size (hadjustment), ==,
                     gtk_widget_get_width (GTK_WIDGET (canvas)));

  /* An edit that grows the diagram grows the range at once. */
  upper = gtk_adjustment_get_upper (hadjustment);
  moved = item->bounds;
  moved.x += 2000;
  g_assert_true (wm_diagram_set_bounds (fixture->diagram, "note-71", &moved));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >=, upper + 1500 * 2);
}

static gboolean
surface_has_ink (cairo_surface_t *surface,
                 guint32          background,
                 double           fraction)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint64 differ = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if ((*(const guint32 *) (data + y * stride + x * 4) & 0xffffff) != (background & 0xffffff))
        differ++;
  return differ >= fraction * width * height;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  cairo_surface_flush (surface);
  return *(const guint32 *) (cairo_image_surface_get_data (surface) +
                             y * cairo_image_surface_get_stride (surface) + x * 4) & 0xffffff;
}

static void
test_paint (Fixture       *fixture,
            gconstpointer  data)
{
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->canvas));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  guint32 corner;
  double x, y;

  _wm_canvas_paint (fixture->canvas, cr);
  /* The corner is the grey around the paper; the diagram puts ink over a
   * good part of the view; the paper is white where nothing is drawn. */
  corner = pixel_at (surface, 1, 1);
  g_assert_cmphex (corner, !=, 0xffffff);
  g_assert_true (surface_has_ink (surface, corner, 0.3));
  to_widget (fixture, 160, 600, &x, &y);
  g_assert_cmphex (pixel_at (surface, (int) x, (int) y), ==, 0xffffff);

  /* The grid puts dots on the paper. */
  wm_canvas_set_show_grid (fixture->canvas, TRUE);
  to_widget (fixture, 160, 600, &x, &y);
  wm_viewport_zoom_at (wm_canvas_get_viewport (fixture->canvas),
                       2.0 / wm_canvas_get_zoom (fixture->canvas), x, y);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  _wm_canvas_paint (fixture->canvas, cr);
  {
    gboolean dots = FALSE;

    to_widget (fixture, 160, 600, &x, &y);
    g_assert_cmpfloat (x, >=, 12);
    g_assert_cmpfloat (y, >=, 12);
    g_assert_cmpfloat (x, <, width - 12);
    g_assert_cmpfloat (y, <, height - 12);
    for (int dy = -12; dy <= 12 && !dots; dy++)
      for (int dx = -12; dx <= 12 && !dots; dx++)
        dots = (pixel_at (surface, (int) x + dx, (int) y + dy) & 0xff) < 0xe0;
    g_assert_true (dots);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
count_invalidations (GdkPaintable *paintable,
                     guint        *count)
{
  (*count)++;
}

/* Whether the canvas draws itself again (its paintable then changes)
 * within half a second. */
static gboolean
redraws (Fixture *fixture,
         guint   *invalidations)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (*invalidations == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return *invalidations > 0;
}

/* Whether the grid puts a dot at document point (x, y) in @surface. */
static gboolean
dot_at (Fixture         *fixture,
        cairo_surface_t *surface,
        double           x,
        double           y)
{
  double wx, wy;

  to_widget (fixture, x, y, &wx, &wy);
  return (pixel_at (surface, (int) round (wx), (int) round (wy)) & 0xff) < 0xe0;
}

/* Another grid size repaints the canvas with the dots where it says. */
static void
test_grid_size_paints (Fixture       *fixture,
                       gconstpointer  data)
{
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->canvas));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (fixture->canvas));
  cairo_t *cr;
  guint invalidations = 0;
  double x, y;

  wm_canvas_set_show_grid (fixture->canvas, TRUE);
  /* At twice the size, dots 10 or 25 units apart are all drawn. */
  to_widget (fixture, 160, 600, &x, &y);
  wm_viewport_zoom_at (wm_canvas_get_viewport (fixture->canvas),
                       2.0 / wm_canvas_get_zoom (fixture->canvas), x, y);
  wm_test_wait_until_drawn (GTK_WIDGET (fixture->canvas));
  cr = cairo_create (surface);
  _wm_canvas_paint (fixture->canvas, cr);
  g_assert_true (dot_at (fixture, surface, 170, 610));
  g_assert_false (dot_at (fixture, surface, 175, 600));

  g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (count_invalidations),
                    &invalidations);
  /* Once the zoom has been drawn, nothing else draws the canvas again. */
  for (guint i = 0; i < 10 && redraws (fixture, &invalidations); i++)
    invalidations = 0;
  g_assert_false (redraws (fixture, &invalidations));
  wm_canvas_set_grid_size (fixture->canvas, 25);
  g_assert_true (redraws (fixture, &invalidations));
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  _wm_canvas_paint (fixture->canvas, cr);
  g_assert_true (dot_at (fixture, surface, 175, 600));
  g_assert_false (dot_at (fixture, surface, 170, 610));

  /* The same size again changes nothing: nothing to repaint. */
  invalidations = 0;
  wm_canvas_set_grid_size (fixture->canvas, 25);
  g_assert_false (redraws (fixture, &invalidations));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_snapshot (Fixture       *fixture,
               gconstpointer  data)
{
  const char *ids[] = { "use-case-51", "include-66", NULL };
  const char *path = g_getenv ("WAYMARK_SCREENSHOT");
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;
  int width, height;

  /* The canvas's real snapshot() path, through the window's renderer. */
  wm_canvas_select (fixture->canvas, ids);
  gtk_test_widget_wait_for_draw (fixture->window);
  texture = wm_test_render_widget (GTK_WIDGET (fixture->canvas));
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  gdk_texture_download (texture, cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  g_assert_true (surface_has_ink (surface, pixel_at (surface, 1, 1), 0.3));
  cairo_surface_destroy (surface);

  if (path != NULL)
    {
      g_autoptr(GdkTexture) window = wm_test_render_widget (fixture->window);

      g_assert_true (gdk_texture_save_to_png (window, path));
      g_test_message ("screenshot: %s", path);
    }
}

static void
test_diagram_switch (Fixture       *fixture,
                     gconstpointer  data)
{
  WmDiagram *bmc = wm_project_get_diagram (fixture->project, 0);
  const char *ids[] = { "use-case-43", NULL };
  WmRect extent;

  wm_canvas_select (fixture->canvas, ids);
  fixture->selection_changes = 0;
  wm_canvas_set_diagram (fixture->canvas, bmc);
  g_assert_true (wm_canvas_get_diagram (fixture->canvas) == bmc);
  assert_selection (fixture, "");
  g_assert_cmpuint (fixture->selection_changes, ==, 1);
  get_extent (bmc, &extent);
  assert_shows (fixture, &extent);

  /* Edits of the old diagram no longer reach the canvas. */
  g_assert_cmpuint (wm_diagram_remove_items (fixture->diagram, ids), ==, 2);
  wm_canvas_set_diagram (fixture->canvas, NULL);
  g_assert_null (wm_canvas_get_diagram (fixture->canvas));
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.zoom-fit", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.select-all", NULL);
  assert_selection (fixture, "");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->canvas));
}

static void
test_finalize (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmDiagram *diagram = wm_project_find_diagram (project, "uc-41");
  WmCanvas *canvas = g_object_ref_sink (WM_CANVAS (wm_canvas_new ()));
  const char *ids[] = { "use-case-43", NULL };

  wm_canvas_set_diagram (canvas, diagram);
  wm_canvas_select (canvas, ids);
  g_assert_finalize_object (canvas);
  /* The diagram outlives the canvas and edits it no longer sees are fine. */
  g_assert_cmpuint (wm_diagram_remove_items (diagram, ids), ==, 2);
}

/* Tools, connecting, editing and resizing */

static void
drag_between (Fixture         *fixture,
              const char      *from,
              const char      *to,
              GdkModifierType  state)
{
  double x1, y1, x2, y2;

  item_center (fixture, from, &x1, &y1);
  item_center (fixture, to, &x2, &y2);
  _wm_canvas_test_drag (fixture->canvas, x1, y1, x2 - x1, y2 - y1, state);
}

/* The link from @source to @target, or NULL. */
static WmItem *
find_link (Fixture    *fixture,
           const char *source,
           const char *target)
{
  for (guint i = 0; i < wm_diagram_get_n_items (fixture->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (fixture->diagram, i);

      if (wm_item_is_link (item) && g_str_equal (item->source, source) &&
          g_str_equal (item->target, target))
        return item;
    }
  return NULL;
}

static void
test_tool_create (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(GBytes) after_undo = NULL;
  guint n_nodes = wm_diagram_get_n_nodes (fixture->diagram);
  g_auto(GStrv) selection = NULL;
  WmItem *item;
  double x, y;

  wm_canvas_set_snap (fixture->canvas, TRUE);
  wm_canvas_set_tool (fixture->canvas, "actor");
  g_assert_cmpstr (wm_canvas_get_tool (fixture->canvas), ==, "actor");
  to_widget (fixture, 163, 602, &x, &y);
  _wm_canvas_test_click (fixture->canvas, x, y, 0);

  /* An actor of the default size, centred on the click and snapped, selected;
   * the tool goes back to select. */
  g_assert_cmpuint (wm_diagram_get_n_nodes (fixture->diagram), ==, n_nodes + 1);
  g_assert_null (wm_canvas_get_tool (fixture->canvas));
  selection = wm_canvas_get_selection (fixture->canvas);
  g_assert_cmpuint (g_strv_length (selection), ==, 1);
  item = wm_diagram_lookup (fixture->diagram, selection[0]);
  g_assert_cmpstr (item->type->id, ==, "actor");
  g_assert_cmpfloat (item->bounds.width, ==, item->type->width);
  g_assert_cmpfloat (item->bounds.height, ==, item->type->height);
  g_assert_cmpfloat (fmod (item->bounds.x, WM_CANVAS_DEFAULT_GRID), ==, 0);
  g_assert_cmpfloat (fmod (item->bounds.y, WM_CANVAS_DEFAULT_GRID), ==, 0);
  g_assert_cmpfloat (fabs (item->bounds.x + item->bounds.width / 2 - 163), <=,
                     WM_CANVAS_DEFAULT_GRID);
  g_assert_cmpfloat (fabs (item->bounds.y + item->bounds.height / 2 - 602), <=,
                     WM_CANVAS_DEFAULT_GRID);

  /* A second click selects again; creating was one undo step. */
  _wm_canvas_test_click (fixture->canvas, x, y, 0);
  g_assert_cmpuint (wm_diagram_get_n_nodes (fixture->diagram), ==, n_nodes + 1);
  g_assert_true (wm_project_undo (fixture->project));
  after_undo = serialize (fixture);
  assert_bytes_equal (original, after_undo);

  /* Escape puts a tool down before it clears the selection. */
  wm_canvas_set_tool (fixture->canvas, "note");
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.select-none", NULL);
  g_assert_null (wm_canvas_get_tool (fixture->canvas));
}

static void
test_tool_link (Fixture       *fixture,
                gconstpointer  data)
{
  guint n_links = wm_diagram_get_n_links (fixture->diagram);
  WmItem *link;

  /* An include between two use cases. */
  wm_canvas_set_tool (fixture->canvas, "include");
  drag_between (fixture, "use-case-43", "use-case-47", 0);
  link = find_link (fixture, "use-case-43", "use-case-47");
  g_assert_nonnull (link);
  g_assert_cmpstr (link->type->id, ==, "include");
  assert_selection (fixture, link->id);
  g_assert_cmpuint (wm_diagram_get_n_links (fixture->diagram), ==, n_links + 1);
  g_assert_null (wm_canvas_get_tool (fixture->canvas));

  /* An association between two actors is refused, visibly. */
  wm_canvas_set_tool (fixture->canvas, "association");
  drag_between (fixture, "actor-53", "actor-56", 0);
  g_assert_null (find_link (fixture, "actor-53", "actor-56"));
  g_assert_cmpuint (wm_diagram_get_n_links (fixture->diagram), ==, n_links + 1);
  g_assert_cmpuint (fixture->canvas->refused_id, !=, 0);
  g_assert_cmpstr (wm_canvas_get_tool (fixture->canvas), ==, "association");

  /* A drag from empty space with a link tool makes nothing. */
  {
    double x, y;

    to_widget (fixture, 160, 600, &x, &y);
    _wm_canvas_test_drag (fixture->canvas, x, y, 100, 0, 0);
    g_assert_cmpuint (wm_diagram_get_n_links (fixture->diagram), ==, n_links + 1);
  }
}

static guint
offered (Fixture  *fixture,
         GString  *ids)
{
  GMenuModel *menu = G_MENU_MODEL (fixture->canvas->offer_menu);
  guint n = g_menu_model_get_n_items (menu);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GVariant) target =
        g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", g_variant_get_string (target, NULL));
    }
  return n;
}

static void
test_connect_offers (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  guint n_links = wm_diagram_get_n_links (fixture->diagram);
  WmItem *link, *node;
  double x, y, tx, ty;
  WmRect rect;

  /* Actor to use case: only an association is allowed, so it is made. */
  drag_between (fixture, "actor-56", "use-case-50", GDK_ALT_MASK);
  link = find_link (fixture, "actor-56", "use-case-50");
  g_assert_nonnull (link);
  g_assert_cmpstr (link->type->id, ==, "association");
  g_assert_cmpuint (offered (fixture, ids), ==, 0);
  g_assert_cmpuint (wm_diagram_get_n_links (fixture->diagram), ==, n_links + 1);

  /* Use case to use case, from the connect handle: the three allowed kinds
   * are offered, and the one picked is made. */
  wm_canvas_select (fixture->canvas, (const char *[]) { "use-case-43", NULL });
  node = wm_diagram_lookup (fixture->diagram, "use-case-43");
  to_widget (fixture, node->bounds.x + node->bounds.width, node->bounds.y + node->bounds.height / 2,
             &x, &y);
  x += 16;
  g_assert_cmpint (_wm_canvas_handle_at (fixture->canvas, x, y, NULL), ==,
                   WM_CANVAS_HANDLE_CONNECT);
  item_center (fixture, "use-case-47", &tx, &ty);
  _wm_canvas_test_drag (fixture->canvas, x, y, tx - x, ty - y, 0);
  g_assert_cmpuint (offered (fixture, ids), ==, 3);
  g_assert_cmpstr (ids->str, ==, "include extend generalization");
  g_assert_cmpuint (wm_diagram_get_n_links (fixture->diagram), ==, n_links + 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.connect", "s", "extend");
  link = find_link (fixture, "use-case-43", "use-case-47");
  g_assert_nonnull (link);
  g_assert_cmpstr (link->type->id, ==, "extend");
  /* The offer is used up. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.connect", "s", "include");
  g_assert_cmpuint (wm_diagram_get_n_links (fixture->diagram), ==, n_links + 2);

  /* Actor to actor by Alt+drag: a generalization; subject to actor: nothing. */
  g_string_truncate (ids, 0);
  drag_between (fixture, "actor-56", "actor-53", GDK_ALT_MASK);
  g_assert_cmpstr (find_link (fixture, "actor-56", "actor-53")->type->id, ==, "generalization");
  _wm_canvas_offer_links (fixture->canvas, "subject-42", "actor-53", 10, 10);
  g_assert_cmpuint (offered (fixture, ids), ==, 0);
  g_assert_cmpuint (fixture->canvas->refused_id, !=, 0);
  g_assert_cmpuint (wm_diagram_get_n_links (fixture->diagram), ==, n_links + 3);

  /* Without Alt, a drag of a node still moves it. */
  node = wm_diagram_lookup (fixture->diagram, "actor-56");
  rect = node->bounds;
  item_center (fixture, "actor-56", &x, &y);
  _wm_canvas_test_drag (fixture->canvas, x, y, 30, 0, 0);
  g_assert_cmpfloat (node->bounds.x, >, rect.x);
}

/* A text pasted into the in-place editor longer than a text may be: the
 * editor says so while it is, and keeps the most that the file can hold. */
static void
test_edit_text_too_long (Fixture       *fixture,
                         gconstpointer  data)
{
  WmCanvas *canvas = fixture->canvas;
  GtkTextBuffer *buffer;
  g_autofree char *too_long = g_malloc (WM_LIMIT_TEXT_CHARS + 2);

  memset (too_long, 'a', WM_LIMIT_TEXT_CHARS + 1);
  too_long[WM_LIMIT_TEXT_CHARS + 1] = '\0';
  _wm_canvas_begin_edit (canvas, "note-71");
  g_assert_true (GTK_IS_TEXT_VIEW (canvas->editor));
  g_assert_false (gtk_widget_get_visible (canvas->editor_limit));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (canvas->editor));
  gtk_text_buffer_set_text (buffer, too_long, -1);
  g_assert_true (gtk_widget_get_visible (canvas->editor_limit));
  gtk_text_buffer_set_text (buffer, too_long + 1, -1);
  g_assert_false (gtk_widget_get_visible (canvas->editor_limit));
  gtk_text_buffer_set_text (buffer, too_long, -1);

  g_assert_true (_wm_canvas_editor_key (canvas, GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_cmpuint (strlen (wm_diagram_lookup (fixture->diagram, "note-71")->text), ==,
                    WM_LIMIT_TEXT_CHARS);
}

static void
test_edit_text (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(GBytes) after = NULL;
  WmItem *item = wm_diagram_lookup (fixture->diagram, "use-case-43");
  WmCanvas *canvas = fixture->canvas;

  /* F2 with one item selected opens a one-line editor with the text. */
  wm_canvas_select (canvas, (const char *[]) { "use-case-43", NULL });
  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.edit", NULL);
  g_assert_cmpstr (canvas->edit_id, ==, "use-case-43");
  g_assert_true (GTK_IS_ENTRY (canvas->editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (canvas->editor)), ==, "Browse coffees");

  /* Escape leaves the model alone. */
  gtk_editable_set_text (GTK_EDITABLE (canvas->editor), "Browse beans");
  g_assert_true (_wm_canvas_editor_key (canvas, GDK_KEY_Escape, 0));
  g_assert_null (canvas->edit_id);
  g_assert_cmpstr (item->text, ==, "Browse coffees");
  after = serialize (fixture);
  assert_bytes_equal (original, after);
  g_clear_pointer (&after, g_bytes_unref);

  /* Enter commits, in one undo step. */
  _wm_canvas_begin_edit (canvas, "use-case-43");
  gtk_editable_set_text (GTK_EDITABLE (canvas->editor), "Browse beans");
  g_assert_true (_wm_canvas_editor_key (canvas, GDK_KEY_Return, 0));
  g_assert_null (canvas->edit_id);
  g_assert_cmpstr (item->text, ==, "Browse beans");
  g_assert_true (wm_project_undo (fixture->project));
  after = serialize (fixture);
  assert_bytes_equal (original, after);
  g_clear_pointer (&after, g_bytes_unref);

  /* A note edits in a text view: Enter is a new line, Ctrl+Enter commits. */
  _wm_canvas_begin_edit (canvas, "note-71");
  g_assert_true (GTK_IS_TEXT_VIEW (canvas->editor));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (canvas->editor)),
                            "Two\nlines", -1);
  g_assert_false (_wm_canvas_editor_key (canvas, GDK_KEY_Return, 0));
  g_assert_nonnull (canvas->edit_id);
  g_assert_true (_wm_canvas_editor_key (canvas, GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_cmpstr (wm_diagram_lookup (fixture->diagram, "note-71")->text, ==, "Two\nlines");

  /* Ending an edit any other way (focus out, another edit) commits. */
  _wm_canvas_begin_edit (canvas, "use-case-44");
  gtk_editable_set_text (GTK_EDITABLE (canvas->editor), "Subscribe");
  _wm_canvas_begin_edit (canvas, "use-case-45");
  g_assert_cmpstr (wm_diagram_lookup (fixture->diagram, "use-case-44")->text, ==, "Subscribe");
  g_assert_cmpstr (canvas->edit_id, ==, "use-case-45");
  _wm_canvas_end_edit (canvas, TRUE);
  g_assert_cmpstr (wm_diagram_lookup (fixture->diagram, "use-case-45")->text, ==,
                   "Place one-off order");
}

static void
test_resize (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(GBytes) after_undo = NULL;
  WmItem *item = wm_diagram_lookup (fixture->diagram, "use-case-43");
  WmRect before = item->bounds;
  WmCanvasEdges edges = 0;
  double x, y;

  wm_canvas_set_zoom (fixture->canvas, 1.0);
  wm_canvas_set_snap (fixture->canvas, TRUE);
  wm_canvas_select (fixture->canvas, (const char *[]) { "use-case-43", NULL });
  to_widget (fixture, before.x + before.width, before.y + before.height, &x, &y);
  g_assert_cmpint (_wm_canvas_handle_at (fixture->canvas, x, y, &edges), ==,
                   WM_CANVAS_HANDLE_RESIZE);
  g_assert_cmpint (edges, ==, WM_CANVAS_EDGE_RIGHT | WM_CANVAS_EDGE_BOTTOM);

  /* The bottom-right handle: the far edges move, snapped; the selection stays. */
  _wm_canvas_test_drag (fixture->canvas, x, y, 43, 27, 0);
  assert_selection (fixture, "use-case-43");
  g_assert_cmpfloat (item->bounds.x, ==, before.x);
  g_assert_cmpfloat (item->bounds.y, ==, before.y);
  g_assert_cmpfloat (item->bounds.x + item->bounds.width, ==, 500);
  g_assert_cmpfloat (item->bounds.y + item->bounds.height, ==, 200);

  /* One undo step gives back the very same bytes. */
  g_assert_true (wm_project_undo (fixture->project));
  after_undo = serialize (fixture);
  assert_bytes_equal (original, after_undo);

  /* The top-left handle dragged past the far corner stops at the minimum size. */
  to_widget (fixture, before.x, before.y, &x, &y);
  _wm_canvas_test_drag (fixture->canvas, x, y, 400, 300, 0);
  g_assert_cmpfloat (item->bounds.width, ==, WM_CANVAS_MIN_SIZE);
  g_assert_cmpfloat (item->bounds.height, ==, WM_CANVAS_MIN_SIZE);
  g_assert_cmpfloat (item->bounds.x + item->bounds.width, ==, before.x + before.width);
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpfloat (item->bounds.width, ==, before.width);

  /* No handles for a link, or for two nodes. */
  wm_canvas_select (fixture->canvas, (const char *[]) { "use-case-43", "use-case-44", NULL });
  g_assert_cmpint (_wm_canvas_handle_at (fixture->canvas, x, y, NULL), ==, WM_CANVAS_HANDLE_NONE);
}

/* Find fades what does not match, ignoring case and accents, and follows
 * edits while it is on: a renamed item shows or fades, a new one too. */
static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  WmCanvas *canvas = fixture->canvas;
  WmItem *item = wm_diagram_lookup (fixture->diagram, "use-case-43");
  g_autofree char *name = g_strdup (item->text);
  guint n = wm_diagram_get_n_items (fixture->diagram), matches;

  matches = wm_canvas_set_filter (canvas, name);
  g_assert_cmpuint (matches, >=, 1);
  g_assert_cmpuint (matches, <, n);
  g_assert_false (g_hash_table_contains (canvas->dimmed, "use-case-43"));
  g_assert_true (g_hash_table_contains (canvas->dimmed, "actor-53"));
  g_assert_cmpuint (g_hash_table_size (canvas->dimmed), ==, n - matches);

  /* Renamed away from the search, it fades; a new item named like it shows. */
  g_assert_true (wm_diagram_set_text (fixture->diagram, "use-case-43", "Café visit"));
  g_assert_true (g_hash_table_contains (canvas->dimmed, "use-case-43"));
  {
    WmItem *added = wm_test_add_node (fixture->diagram, "use-case",
                                      &(WmRect) { 0, 0, 160, 70 }, name);

    g_assert_false (g_hash_table_contains (canvas->dimmed, added->id));
  }
  /* Accents and case do not matter. */
  wm_canvas_set_filter (canvas, "CAFE");
  g_assert_false (g_hash_table_contains (canvas->dimmed, "use-case-43"));
  wm_canvas_set_filter (canvas, "");
  g_assert_null (canvas->dimmed);
}

int
main (int   argc,
      char *argv[])
{
  wm_test_init_gtk (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/widgets/canvas/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("properties", test_properties);
  ADD ("filter", test_filter);
  ADD ("opens-whole", test_opens_whole);
  ADD ("zoom-actions", test_zoom_actions);
  ADD ("select", test_select);
  ADD ("click", test_click);
  ADD ("drag-move", test_drag_move);
  ADD ("drag-multiple-snapped", test_drag_multiple_snapped);
  ADD ("snapped-numbers-written", test_snapped_numbers_written);
  ADD ("drag-guides", test_drag_guides);
  ADD ("grid-size-snaps", test_grid_size_snaps);
  ADD ("grid-size-paints", test_grid_size_paints);
  ADD ("band", test_band);
  ADD ("nudge", test_nudge);
  ADD ("delete", test_delete);
  ADD ("scroll", test_scroll);
  ADD ("scrollable", test_scrollable);
  ADD ("paint", test_paint);
  ADD ("snapshot", test_snapshot);
  ADD ("diagram-switch", test_diagram_switch);
  ADD ("tool-create", test_tool_create);
  ADD ("tool-link", test_tool_link);
  ADD ("connect-offers", test_connect_offers);
  ADD ("edit-text", test_edit_text);
  ADD ("edit-text-too-long", test_edit_text_too_long);
  ADD ("resize", test_resize);
  g_test_add_func ("/widgets/canvas/finalize", test_finalize);

  return g_test_run ();
}
