/* test-canvas-board.c — the notes of a board that files them by type, through the canvas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A Value Proposition Canvas (a board with no canvas behaviour of its own)
 * in a real window under Xvfb. Its notes are added with stored bounds at
 * the origin, far from where the flow draws them, so that every gesture
 * that finds the right note proves the canvas reads the layout. Gestures go
 * through the canvas's test entry points at the widget points of document
 * places; every edit is undone and must give back the very same bytes.
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "wm-canvas-private.h"
#include "wm-render.h"
#include "wm-test-util.h"
#include "wm-widget-test.h"

typedef struct
{
  WmProject *project;
  WmDiagram *diagram;
  GtkWidget *window;
  WmCanvas  *canvas;
  const WmBoard *board;
  /* The notes, by their role in the tests */
  char      *reliever[2];
  char      *pain[3];
  char      *gain;
  char      *creator;
} Fixture;

static char *
add_note (Fixture    *fixture,
          const char *type,
          const char *text)
{
  return g_strdup (wm_test_add_node (fixture->diagram, type, &(WmRect) { 0, 0, 120, 70 },
                                     text)->id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *scrolled;

  fixture->project = wm_project_new ();
  fixture->diagram = wm_project_add_diagram (fixture->project, "value-proposition-canvas",
                                             "Home brewers", &error);
  g_assert_no_error (error);
  fixture->board = wm_board_get (fixture->diagram);
  g_assert_nonnull (fixture->board);
  fixture->reliever[0] = add_note (fixture, "pain-reliever", "Roasted this week");
  fixture->reliever[1] = add_note (fixture, "pain-reliever", "Delivered on schedule");
  fixture->pain[0] = add_note (fixture, "pain", "Stale beans");
  fixture->pain[1] = add_note (fixture, "pain", "Running out");
  fixture->pain[2] = add_note (fixture, "pain", "Hard to cancel");
  fixture->gain = add_note (fixture, "gain", "Café quality");
  fixture->creator = add_note (fixture, "gain-creator", "Q-graded lots");
  wm_project_clear_history (fixture->project);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 800);
  scrolled = gtk_scrolled_window_new ();
  fixture->canvas = WM_CANVAS (wm_canvas_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (fixture->canvas));
  gtk_window_set_child (GTK_WINDOW (fixture->window), scrolled);
  wm_canvas_set_diagram (fixture->canvas, fixture->diagram);
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
  g_assert_null (fixture->canvas);
  g_assert_finalize_object (fixture->project);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->reliever); i++)
    g_free (fixture->reliever[i]);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->pain); i++)
    g_free (fixture->pain[i]);
  g_free (fixture->gain);
  g_free (fixture->creator);
}

static WmItem *
lookup (Fixture    *fixture,
        const char *id)
{
  WmItem *item = wm_diagram_lookup (fixture->diagram, id);

  g_assert_nonnull (item);
  return item;
}

static guint
area (Fixture    *fixture,
      const char *area_id)
{
  guint index = wm_board_area_from_id (fixture->board, area_id);

  g_assert_cmpuint (index, <, fixture->board->n_areas);
  return index;
}

static guint
area_of (Fixture    *fixture,
         const char *id)
{
  return wm_board_area_of (fixture->board, lookup (fixture, id));
}

static void
to_widget (Fixture *fixture,
           double   x,
           double   y,
           double  *wx,
           double  *wy)
{
  wm_viewport_doc_to_widget (wm_canvas_get_viewport (fixture->canvas), x, y, wx, wy);
}

/* Where the flow puts a note now. */
static void
flow_rect (Fixture    *fixture,
           const char *id,
           WmRect     *rect)
{
  g_autoptr(WmBoardLayout) layout = wm_board_layout_new (fixture->diagram);

  g_assert_true (wm_board_layout_item_rect (layout, lookup (fixture, id), rect));
}

static void
assert_flows_at (Fixture      *fixture,
                 const char   *id,
                 const WmRect *expected)
{
  WmRect rect;

  flow_rect (fixture, id, &rect);
  g_assert_cmpfloat_with_epsilon (rect.x, expected->x, 1e-6);
  g_assert_cmpfloat_with_epsilon (rect.y, expected->y, 1e-6);
}

/* The middle of a note where the canvas draws it, in widget pixels. */
static void
note_center (Fixture    *fixture,
             const char *id,
             double     *wx,
             double     *wy)
{
  WmRect rect;

  _wm_canvas_node_rect (fixture->canvas, lookup (fixture, id), &rect);
  to_widget (fixture, rect.x + rect.width / 2, rect.y + rect.height / 2, wx, wy);
}

/* A document point of @area's empty space: near the bottom left corner of
 * where its notes flow (they are centred, so they leave it free). */
static void
empty_point (Fixture *fixture,
             guint    area_index,
             double  *x,
             double  *y)
{
  WmRect content;

  fixture->board->content_rect (fixture->diagram, area_index, &content);
  *x = content.x + 4;
  *y = content.y + content.height - 4;
  g_assert_cmpuint (wm_board_area_at (fixture->board, fixture->diagram, *x, *y), ==, area_index);
  g_assert_null (_wm_canvas_hit (fixture->canvas, *x, *y));
}

static GBytes *
serialize (Fixture *fixture)
{
  return wm_project_serialize (fixture->project);
}

static void
assert_unchanged (Fixture *fixture,
                  GBytes  *original)
{
  g_autoptr(GBytes) now = serialize (fixture);
  gsize size_a, size_b;
  const char *a = g_bytes_get_data (original, &size_a);
  const char *b = g_bytes_get_data (now, &size_b);

  g_assert_cmpmem (a, size_a, b, size_b);
}

static const char *
cursor_name (Fixture *fixture)
{
  GdkCursor *cursor = gtk_widget_get_cursor (GTK_WIDGET (fixture->canvas));

  return cursor != NULL ? gdk_cursor_get_name (cursor) : NULL;
}

/* The canvas as it paints itself, in widget pixels. */
static cairo_surface_t *
paint_canvas (Fixture *fixture)
{
  GtkWidget *widget = GTK_WIDGET (fixture->canvas);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                         gtk_widget_get_width (widget),
                                                         gtk_widget_get_height (widget));
  cairo_t *cr = cairo_create (surface);

  _wm_canvas_paint (fixture->canvas, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The pixel at document point (x, y) as 0xRRGGBB. */
static guint32
pixel_at (Fixture         *fixture,
          cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  double wx, wy;

  to_widget (fixture, x, y, &wx, &wy);
  g_assert_cmpint ((int) wx, >=, 0);
  g_assert_cmpint ((int) wy, >=, 0);
  g_assert_cmpint ((int) wx, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint ((int) wy, <, cairo_image_surface_get_height (surface));
  return *(const guint32 *) (data + (int) wy * stride + 4 * (int) wx) & 0xffffff;
}

static void
screenshot (Fixture    *fixture,
            const char *name)
{
  gtk_widget_queue_draw (GTK_WIDGET (fixture->canvas));
  gtk_test_widget_wait_for_draw (fixture->window);
  wm_test_save_screenshot (fixture->window, name);
}

/* Starts a drag from the middle of note @id to document point (x, y), and
 * returns the offset to release it at. */
static void
drag_note_to (Fixture    *fixture,
              const char *id,
              double      x,
              double      y,
              double     *dx,
              double     *dy)
{
  double sx, sy, tx, ty;

  note_center (fixture, id, &sx, &sy);
  to_widget (fixture, x, y, &tx, &ty);
  *dx = tx - sx;
  *dy = ty - sy;
  _wm_canvas_test_drag_to (fixture->canvas, sx, sy, *dx, *dy, 0);
}

/* A board without a behaviour of its own gets the board's. */
static void
test_behavior (Fixture       *fixture,
               gconstpointer  data)
{
  g_assert_true (fixture->canvas->behavior == &_wm_canvas_behavior_board);
}

/* A double-click in an area's empty space makes a note of the area's type
 * there, last in its flow, and edits its text; two undo steps take it away. */
static void
test_double_click_create (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  WmCanvas *canvas = fixture->canvas;

  for (guint a = 0; a < fixture->board->n_areas; a++)
    {
      guint n_nodes = wm_diagram_get_n_nodes (fixture->diagram);
      g_autofree char *id = NULL;
      WmItem *note;
      WmRect rect;
      double x, y, wx, wy;

      empty_point (fixture, a, &x, &y);
      to_widget (fixture, x, y, &wx, &wy);
      _wm_canvas_test_double_click (canvas, wx, wy);
      g_assert_cmpuint (wm_diagram_get_n_nodes (fixture->diagram), ==, n_nodes + 1);
      g_assert_nonnull (canvas->edit_id);
      id = g_strdup (canvas->edit_id);
      note = lookup (fixture, id);
      g_assert_cmpstr (note->type->id, ==, fixture->board->areas[a].note_type);
      g_assert_cmpuint (area_of (fixture, id), ==, a);
      g_assert_cmpstr (note->text, ==, "");
      /* Its stored bounds are where it flows. */
      flow_rect (fixture, id, &rect);
      g_assert_cmpmem (&rect, sizeof rect, &note->bounds, sizeof note->bounds);

      g_assert_true (GTK_IS_TEXT_VIEW (canvas->editor));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (canvas->editor)),
                                "Freshly typed", -1);
      g_assert_true (_wm_canvas_editor_key (canvas, GDK_KEY_Return, GDK_CONTROL_MASK));
      g_assert_cmpstr (note->text, ==, "Freshly typed");
      g_assert_true (wm_project_undo (fixture->project));
      g_assert_cmpstr (lookup (fixture, id)->text, ==, "");
      g_assert_true (wm_project_undo (fixture->project));
      g_assert_null (wm_diagram_lookup (fixture->diagram, id));
      assert_unchanged (fixture, original);
    }
}

/* A pain dragged over the gains is refused while the drag lasts (no drop
 * target, a "not allowed" pointer) and, let go there, stays a pain in the
 * pains, where it was, with nothing to undo. */
static void
test_drag_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  cairo_surface_t *before, *during;
  WmItem *pain = lookup (fixture, fixture->pain[0]);
  guint gains = area (fixture, "gains"), pains = area (fixture, "pains");
  guint z = pain->z;
  WmRect content, place;
  double x, y, px, py, dx, dy;

  flow_rect (fixture, fixture->pain[0], &place);
  /* Let go in the gains' empty space; a spot of the gains away from the
   * ghost tells whether the area is tinted as a target. */
  empty_point (fixture, gains, &x, &y);
  fixture->board->content_rect (fixture->diagram, gains, &content);
  px = content.x + content.width - 6;
  py = content.y + content.height - 6;
  g_assert_cmpuint (wm_board_area_at (fixture->board, fixture->diagram, px, py), ==, gains);
  g_assert_null (_wm_canvas_hit (fixture->canvas, px, py));

  before = paint_canvas (fixture);
  drag_note_to (fixture, fixture->pain[0], x, y, &dx, &dy);
  g_assert_cmpint (fixture->canvas->drag.mode, ==, WM_CANVAS_DRAG_CUSTOM);
  g_assert_cmpstr (cursor_name (fixture), ==, "not-allowed");
  during = paint_canvas (fixture);
  g_assert_cmphex (pixel_at (fixture, during, px, py), ==, pixel_at (fixture, before, px, py));
  /* The ghost is there, under the pointer. */
  g_assert_cmphex (pixel_at (fixture, during, x + 30, y), !=,
                   pixel_at (fixture, before, x + 30, y));
  screenshot (fixture, "canvas-board-refused.png");
  cairo_surface_destroy (before);
  cairo_surface_destroy (during);
  _wm_canvas_test_drag_release (fixture->canvas, dx, dy);

  g_assert_cmpstr (pain->type->id, ==, "pain");
  g_assert_cmpuint (area_of (fixture, fixture->pain[0]), ==, pains);
  g_assert_false (wm_item_get_boolean (pain, "pinned"));
  g_assert_cmpuint (pain->z, ==, z);
  assert_flows_at (fixture, fixture->pain[0], &place);
  g_assert_false (wm_project_can_undo (fixture->project));
  assert_unchanged (fixture, original);
}

/* Let go on the left half of the third pain, the first goes just before it;
 * back over its own area, the pointer says the drop is allowed. */
static void
test_reorder (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  WmItem *p0 = lookup (fixture, fixture->pain[0]);
  WmItem *p1 = lookup (fixture, fixture->pain[1]);
  WmItem *p2 = lookup (fixture, fixture->pain[2]);
  WmRect r0, r1, r2, rect;
  double dx, dy;

  flow_rect (fixture, fixture->pain[0], &r0);
  flow_rect (fixture, fixture->pain[1], &r1);
  flow_rect (fixture, fixture->pain[2], &r2);
  g_assert_cmpuint (p0->z, <, p1->z);
  g_assert_cmpuint (p1->z, <, p2->z);

  drag_note_to (fixture, fixture->pain[0], r2.x + r2.width / 4, r2.y + r2.height / 2, &dx, &dy);
  g_assert_cmpstr (cursor_name (fixture), ==, "grabbing");
  screenshot (fixture, "canvas-board-reorder.png");
  _wm_canvas_test_drag_release (fixture->canvas, dx, dy);
  g_assert_cmpuint (p1->z, <, p0->z);
  g_assert_cmpuint (p0->z, <, p2->z);
  g_assert_false (wm_item_get_boolean (p0, "pinned"));
  g_assert_cmpuint (area_of (fixture, fixture->pain[0]), ==, area (fixture, "pains"));
  assert_flows_at (fixture, fixture->pain[1], &r0);
  assert_flows_at (fixture, fixture->pain[0], &r1);
  assert_flows_at (fixture, fixture->pain[2], &r2);
  /* The stored bounds follow the flow, in the same step. */
  flow_rect (fixture, fixture->pain[1], &rect);
  g_assert_cmpmem (&rect, sizeof rect, &p1->bounds, sizeof p1->bounds);

  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);
  assert_flows_at (fixture, fixture->pain[0], &r0);
}

/* Let go in its own area away from the flow, a note is placed freely there;
 * "Tidy" puts it back in the flow. */
static void
test_place_freely (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(GBytes) pinned = NULL;
  WmItem *pain = lookup (fixture, fixture->pain[0]);
  guint pains = area (fixture, "pains");
  WmRect r0, r1;
  double x, y, dx, dy;

  flow_rect (fixture, fixture->pain[0], &r0);
  flow_rect (fixture, fixture->pain[1], &r1);
  empty_point (fixture, pains, &x, &y);
  drag_note_to (fixture, fixture->pain[0], x + 40, y - 30, &dx, &dy);
  _wm_canvas_test_drag_release (fixture->canvas, dx, dy);
  g_assert_true (wm_item_get_boolean (pain, "pinned"));
  g_assert_cmpuint (area_of (fixture, fixture->pain[0]), ==, pains);
  g_assert_cmpuint (wm_board_area_at (fixture->board, fixture->diagram,
                                      pain->bounds.x + pain->bounds.width / 2,
                                      pain->bounds.y + pain->bounds.height / 2), ==, pains);
  /* The others flow without it. */
  assert_flows_at (fixture, fixture->pain[1], &r0);
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);
  g_assert_true (wm_project_redo (fixture->project));
  pinned = serialize (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.board-tidy",
                                             "s", "pains"));
  g_assert_false (wm_item_get_boolean (pain, "pinned"));
  assert_flows_at (fixture, fixture->pain[0], &r0);
  g_assert_cmpfloat (pain->bounds.x, ==, r0.x);
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, pinned);
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);
}

/* A pain widened with its handle to the width of its area pushes the next
 * to a new row; the next one's stored bounds follow in the same step. */
static void
test_resize_reflow (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  WmItem *p0 = lookup (fixture, fixture->pain[0]);
  WmItem *p1 = lookup (fixture, fixture->pain[1]);
  double zoom = wm_viewport_get_zoom (wm_canvas_get_viewport (fixture->canvas));
  WmCanvasEdges edges = 0;
  WmRect content, r0, r1, rect;
  double x, y;

  fixture->board->content_rect (fixture->diagram, area (fixture, "pains"), &content);
  flow_rect (fixture, fixture->pain[0], &r0);
  flow_rect (fixture, fixture->pain[1], &r1);
  wm_canvas_select (fixture->canvas, (const char *[]) { fixture->pain[0], NULL });
  to_widget (fixture, r0.x + r0.width, r0.y + r0.height, &x, &y);
  g_assert_cmpint (_wm_canvas_handle_at (fixture->canvas, x, y, &edges), ==,
                   WM_CANVAS_HANDLE_RESIZE);
  g_assert_cmpint (edges, ==, WM_CANVAS_EDGE_RIGHT | WM_CANVAS_EDGE_BOTTOM);
  _wm_canvas_test_drag (fixture->canvas, x, y, (content.width - r0.width) * zoom, 0, 0);
  g_assert_cmpfloat (p0->bounds.width, >, r0.width + WM_BOARD_GAP_X);

  flow_rect (fixture, fixture->pain[1], &rect);
  g_assert_cmpfloat (rect.y, >=, r0.y + r0.height + WM_BOARD_GAP_Y);
  g_assert_cmpmem (&rect, sizeof rect, &p1->bounds, sizeof p1->bounds);
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);
  assert_flows_at (fixture, fixture->pain[1], &r1);
}

/* Draws a link with the tool @type from note @from to note @to. */
static void
link_with_tool (Fixture    *fixture,
                const char *type,
                const char *from,
                const char *to)
{
  double sx, sy, tx, ty;

  wm_canvas_set_tool (fixture->canvas, type);
  note_center (fixture, from, &sx, &sy);
  note_center (fixture, to, &tx, &ty);
  _wm_canvas_test_drag (fixture->canvas, sx, sy, tx - sx, ty - sy, 0);
}

static WmItem *
find_link (Fixture    *fixture,
           const char *type,
           const char *from,
           const char *to)
{
  for (guint i = 0; i < wm_diagram_get_n_items (fixture->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (fixture->diagram, i);

      if (wm_item_is_link (item) && g_str_equal (item->type->id, type) &&
          g_str_equal (item->source, from) && g_str_equal (item->target, to))
        return item;
    }
  return NULL;
}

/* The link tools join the notes where the flow draws them: a pain reliever
 * relieves a pain, a gain creator creates a gain; a pain reliever cannot
 * "relieve" a gain. */
static void
test_fit_links (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  g_auto(GStrv) selection = NULL;
  WmItem *link;

  link_with_tool (fixture, "relieves", fixture->reliever[1], fixture->pain[2]);
  link = find_link (fixture, "relieves", fixture->reliever[1], fixture->pain[2]);
  g_assert_nonnull (link);
  g_assert_cmpuint (wm_diagram_get_n_links (fixture->diagram), ==, 1);
  selection = wm_canvas_get_selection (fixture->canvas);
  g_assert_cmpstrv (selection, ((const char *[]) { link->id, NULL }));
  g_assert_null (fixture->canvas->tool);
  screenshot (fixture, "canvas-board-screenshot.png");
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);

  link_with_tool (fixture, "creates", fixture->creator, fixture->gain);
  g_assert_nonnull (find_link (fixture, "creates", fixture->creator, fixture->gain));
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);

  link_with_tool (fixture, "relieves", fixture->reliever[0], fixture->gain);
  g_assert_cmpuint (wm_diagram_get_n_links (fixture->diagram), ==, 0);
  g_assert_cmpuint (fixture->canvas->refused_id, !=, 0);
  wm_canvas_set_tool (fixture->canvas, NULL);
  assert_unchanged (fixture, original);
}

static double
distance_to_segment (WmPoint p,
                     WmPoint a,
                     WmPoint b)
{
  double vx = b.x - a.x, vy = b.y - a.y, length2 = vx * vx + vy * vy;
  double t = length2 > 0 ? CLAMP (((p.x - a.x) * vx + (p.y - a.y) * vy) / length2, 0, 1) : 0;

  return hypot (p.x - (a.x + t * vx), p.y - (a.y + t * vy));
}

/* A click on a fit where the painter routes it, off the straight line
 * between its notes, selects it; a click on that straight line, away from
 * the route, does not. */
static void
test_fit_hit (Fixture       *fixture,
              gconstpointer  data)
{
  WmItem *link = wm_test_add_link (fixture->diagram, "relieves",
                                   lookup (fixture, fixture->reliever[0]),
                                   lookup (fixture, fixture->pain[2]));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  cairo_path_t *path;
  WmRect from, to;
  WmPoint a, b, best = { 0, 0 };
  double best_off = 0;

  _wm_canvas_node_rect (fixture->canvas, lookup (fixture, link->source), &from);
  _wm_canvas_node_rect (fixture->canvas, lookup (fixture, link->target), &to);
  a = (WmPoint) { from.x + from.width / 2, from.y + from.height / 2 };
  b = (WmPoint) { to.x + to.width / 2, to.y + to.height / 2 };
  g_assert_true (wm_render_link_path (fixture->diagram, link, cr));
  path = cairo_copy_path_flat (cr);
  /* The point of the route farthest from the straight line, outside the notes. */
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      WmPoint p;
      double off;

      if (path->data[i].header.type == CAIRO_PATH_CLOSE_PATH)
        continue;
      p = (WmPoint) { path->data[i + 1].point.x, path->data[i + 1].point.y };
      off = distance_to_segment (p, a, b);
      if (off > best_off && !wm_rect_contains (&from, p.x, p.y) && !wm_rect_contains (&to, p.x, p.y))
        best = p, best_off = off;
    }
  cairo_path_destroy (path);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_cmpfloat (best_off, >, 20);
  g_assert_true (_wm_canvas_hit (fixture->canvas, best.x, best.y) == link);
  /* The straight line's middle lies away from this route (it crosses the gap
   * between the shapes elsewhere). */
  g_assert_false (_wm_canvas_hit (fixture->canvas, (a.x + b.x) / 2, (a.y + b.y) / 2) == link);
}

/* A pain made with the tool over the gains is still a pain, in the pains'
 * flow, in the same undo step as its creation. */
static void
test_tool_create (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  g_auto(GStrv) selection = NULL;
  WmItem *note;
  WmRect rect;
  double x, y, wx, wy;

  empty_point (fixture, area (fixture, "gains"), &x, &y);
  wm_canvas_set_tool (fixture->canvas, "pain");
  to_widget (fixture, x, y, &wx, &wy);
  _wm_canvas_test_click (fixture->canvas, wx, wy, 0);
  selection = wm_canvas_get_selection (fixture->canvas);
  g_assert_cmpuint (g_strv_length (selection), ==, 1);
  note = lookup (fixture, selection[0]);
  g_assert_cmpstr (note->type->id, ==, "pain");
  g_assert_cmpuint (area_of (fixture, selection[0]), ==, area (fixture, "pains"));
  flow_rect (fixture, selection[0], &rect);
  g_assert_cmpmem (&rect, sizeof rect, &note->bounds, sizeof note->bounds);
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);
}

static gboolean
menu_has (GMenuModel *model,
          const char *action,
          const char *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autofree char *name = NULL;
      g_autoptr(GVariant) value = NULL;

      if (section != NULL && menu_has (section, action, target))
        return TRUE;
      if (!g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) ||
          !g_str_has_prefix (name, action))
        continue;
      value = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET,
                                                     G_VARIANT_TYPE_STRING);
      if (target == NULL ||
          (value != NULL && g_str_equal (g_variant_get_string (value, NULL), target)))
        return TRUE;
    }
  return FALSE;
}

/* The context menu on a note: colours, its type's own first (a pain's red
 * is not in the palette), and its area's "Tidy"; none of the Business Model
 * Canvas's actions. */
static void
test_context_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  WmCanvas *canvas = fixture->canvas;
  WmItem *pain = lookup (fixture, fixture->pain[1]);
  GMenuModel *menu;
  double x, y;

  note_center (fixture, fixture->pain[1], &x, &y);
  menu = _wm_canvas_test_context_menu (canvas, x, y);
  g_assert_nonnull (menu);
  g_assert_true (menu_has (menu, "canvas.board-color", ""));
  g_assert_true (menu_has (menu, "canvas.board-color", "#a0c4ff"));
  g_assert_true (menu_has (menu, "canvas.board-tidy", "pains"));
  g_assert_false (menu_has (menu, "canvas.board-add-note", NULL));
  g_assert_false (menu_has (menu, "canvas.bmc-", NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.board-color", "s",
                                             "#a0c4ff"));
  g_assert_cmpstr (wm_item_get_string (pain, "color"), ==, "#a0c4ff");
  g_assert_cmpstr (wm_item_get_string (lookup (fixture, fixture->pain[0]), "color"), ==,
                   "#ffd6d1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.board-color", "s", ""));
  g_assert_false (wm_item_has_value (pain, "color"));
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);

  /* The Business Model Canvas's names act on its diagrams only. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.bmc-color", "s",
                                             "#a0c4ff"));
  assert_unchanged (fixture, original);
}

int
main (int   argc,
      char *argv[])
{
  wm_test_init_gtk (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/widgets/canvas-board/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("behavior", test_behavior);
  ADD ("double-click-create", test_double_click_create);
  ADD ("drag-refused", test_drag_refused);
  ADD ("reorder", test_reorder);
  ADD ("place-freely", test_place_freely);
  ADD ("resize-reflow", test_resize_reflow);
  ADD ("fit-links", test_fit_links);
  ADD ("fit-hit", test_fit_hit);
  ADD ("tool-create", test_tool_create);
  ADD ("context-menu", test_context_menu);
#undef ADD

  return g_test_run ();
}
