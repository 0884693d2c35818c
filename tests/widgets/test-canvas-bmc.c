/* test-canvas-bmc.c — the Business Model Canvas editor: blocks, flow, legend, header
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sample's canvas in a real window under Xvfb. Gestures go through the
 * canvas's test entry points at the widget points of document places; every
 * edit is undone and must give back the very same bytes.
 *
 * On the sample's canvas (1600 x 1000) the value propositions are the
 * column x 640..960 of the top band (y 0..750), the channels x 960..1280,
 * y 375..750; the legend's slots are 240 wide from y 1016, 24 high.
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "wm-bmc.h"
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
  double     drag_dx;   /* the offset of the last drag_note_to(), in widget pixels */
  double     drag_dy;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *scrolled;

  fixture->project = wm_test_load_sample ();
  fixture->diagram = wm_project_find_diagram (fixture->project, "bmc-1");
  g_assert_nonnull (fixture->diagram);

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

/* Where the painter draws a note: its extent less the shadow's reach. */
static void
drawn_rect (Fixture    *fixture,
            const char *id,
            WmRect     *rect)
{
  WmItem *item = wm_diagram_lookup (fixture->diagram, id);

  g_assert_nonnull (item);
  wm_render_item_extent (fixture->diagram, item, rect);
  rect->x += 0.5;
  rect->y += 0.5;
  rect->width -= 2.5;
  rect->height -= 3.5;
}

static void
assert_drawn_at (Fixture    *fixture,
                 const char *id,
                 double      x,
                 double      y)
{
  WmRect rect;

  drawn_rect (fixture, id, &rect);
  g_assert_cmpfloat_with_epsilon (rect.x, x, 1e-6);
  g_assert_cmpfloat_with_epsilon (rect.y, y, 1e-6);
}

static void
note_center (Fixture    *fixture,
             const char *id,
             double     *wx,
             double     *wy)
{
  WmRect rect;

  drawn_rect (fixture, id, &rect);
  to_widget (fixture, rect.x + rect.width / 2, rect.y + rect.height / 2, wx, wy);
}

static const char *
block_of (Fixture    *fixture,
          const char *id)
{
  return wm_item_get_choice (wm_diagram_lookup (fixture->diagram, id), "block");
}

static gboolean
pinned (Fixture    *fixture,
        const char *id)
{
  return wm_item_get_boolean (wm_diagram_lookup (fixture->diagram, id), "pinned");
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

static void
screenshot (Fixture    *fixture,
            const char *name)
{
  gtk_widget_queue_draw (GTK_WIDGET (fixture->canvas));
  gtk_test_widget_wait_for_draw (fixture->window);
  wm_test_save_screenshot (fixture->window, name);
}

/* Drags from the middle of note @id to document point (x, y). */
static void
drag_note_to (Fixture    *fixture,
              const char *id,
              double      x,
              double      y,
              gboolean    release)
{
  double sx, sy, tx, ty;

  note_center (fixture, id, &sx, &sy);
  to_widget (fixture, x, y, &tx, &ty);
  fixture->drag_dx = tx - sx;
  fixture->drag_dy = ty - sy;
  _wm_canvas_test_drag_to (fixture->canvas, sx, sy, tx - sx, ty - sy, 0);
  if (release)
    _wm_canvas_test_drag_release (fixture->canvas, tx - sx, ty - sy);
}

/* A note dropped in another block belongs to it and flows there; the block
 * it left closes the gap. One undo puts everything back. */
static void
test_membership (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  WmRect rect, channels;
  double sx, sy, tx, ty;

  wm_canvas_set_zoom (fixture->canvas, 0.5);
  note_center (fixture, "note-15", &sx, &sy);
  to_widget (fixture, 1120, 700, &tx, &ty);
  _wm_canvas_test_drag_to (fixture->canvas, sx, sy, tx - sx, ty - sy, 0);
  /* While the drag lasts, nothing changes but the ghost. */
  g_assert_cmpint (fixture->canvas->drag.mode, ==, WM_CANVAS_DRAG_CUSTOM);
  g_assert_cmpstr (block_of (fixture, "note-15"), ==, "value-propositions");
  screenshot (fixture, "canvas-bmc-drag.png");
  _wm_canvas_test_drag_release (fixture->canvas, tx - sx, ty - sy);

  g_assert_cmpstr (block_of (fixture, "note-15"), ==, "channels");
  g_assert_false (pinned (fixture, "note-15"));
  /* Fifth in the channels' flow: the third row, left (rows of two, 28 in). */
  assert_drawn_at (fixture, "note-15", 960 + 28, 375 + 48 + 2 * 96);
  wm_bmc_block_rect (WM_BMC_CHANNELS, 1600, 1000, &channels);
  drawn_rect (fixture, "note-15", &rect);
  g_assert_true (wm_rect_contains (&channels, rect.x + rect.width / 2, rect.y + rect.height / 2));
  /* The value propositions closed up: note-16 took note-15's place. */
  assert_drawn_at (fixture, "note-16", 640 + 28, 48);
  /* The stored bounds follow the drawing (for handles and other programs). */
  g_assert_cmpfloat (wm_diagram_lookup (fixture->diagram, "note-16")->bounds.x, ==, 668);

  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);
  assert_drawn_at (fixture, "note-15", 668, 48);

  /* Let go in the first row, left of the middle of its first note, it goes
   * first, and the channels' notes move along. */
  drag_note_to (fixture, "note-15", 1000, 450, FALSE);
  screenshot (fixture, "canvas-bmc-drag-insert.png");
  _wm_canvas_test_drag_release (fixture->canvas, fixture->drag_dx, fixture->drag_dy);
  g_assert_cmpstr (block_of (fixture, "note-15"), ==, "channels");
  assert_drawn_at (fixture, "note-15", 988, 423);
  assert_drawn_at (fixture, "note-25", 1132, 423);
  assert_drawn_at (fixture, "note-26", 988, 519);
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);

  /* Dropped outside every block, nothing happens. */
  drag_note_to (fixture, "note-15", 800, 1200, TRUE);
  assert_unchanged (fixture, original);
}

/* Dropped in its own block a note is placed freely where it was let go;
 * "Tidy Block" puts it back in the flow. */
static void
test_place_freely (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(GBytes) pinned_bytes = NULL;
  WmItem *note = wm_diagram_lookup (fixture->diagram, "note-15");

  wm_canvas_set_zoom (fixture->canvas, 0.5);
  /* From its centre (728, 88) to (760, 600): the note moves by (32, 512). */
  drag_note_to (fixture, "note-15", 760, 600, TRUE);
  g_assert_cmpstr (block_of (fixture, "note-15"), ==, "value-propositions");
  g_assert_true (pinned (fixture, "note-15"));
  g_assert_cmpfloat_with_epsilon (note->bounds.x, 668 + 32, 1e-6);
  g_assert_cmpfloat_with_epsilon (note->bounds.y, 48 + 512, 1e-6);
  assert_drawn_at (fixture, "note-15", note->bounds.x, note->bounds.y);
  /* The others flow without it. */
  assert_drawn_at (fixture, "note-16", 668, 48);
  assert_drawn_at (fixture, "note-17", 812, 48);

  /* A note dragged past the block's edge stays inside it. */
  drag_note_to (fixture, "note-15", 955, 600, TRUE);
  g_assert_cmpfloat (note->bounds.x + note->bounds.width, <=, 960);
  g_assert_true (wm_project_undo (fixture->project));
  pinned_bytes = serialize (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.bmc-tidy",
                                             "s", "value-propositions"));
  g_assert_false (pinned (fixture, "note-15"));
  assert_drawn_at (fixture, "note-15", 668, 48);
  g_assert_cmpfloat (note->bounds.x, ==, 668);
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, pinned_bytes);
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);
}

/* Dropped among its own block's flowing notes, a note moves in the flow
 * instead of being placed freely. */
static void
test_reorder_in_flow (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  WmItem *n15 = wm_diagram_lookup (fixture->diagram, "note-15");
  WmItem *n16 = wm_diagram_lookup (fixture->diagram, "note-16");
  WmItem *n17 = wm_diagram_lookup (fixture->diagram, "note-17");
  WmRect r15, r16, r17;

  wm_canvas_set_zoom (fixture->canvas, 0.5);
  drawn_rect (fixture, "note-15", &r15);
  drawn_rect (fixture, "note-16", &r16);
  drawn_rect (fixture, "note-17", &r17);
  g_assert_cmpuint (n15->z, <, n16->z);
  g_assert_cmpuint (n16->z, <, n17->z);

  /* Let go on the left half of note-17: note-15 comes just before it. */
  drag_note_to (fixture, "note-15", r17.x + r17.width / 4, r17.y + r17.height / 2, FALSE);
  screenshot (fixture, "canvas-bmc-reorder.png");
  _wm_canvas_test_drag_release (fixture->canvas, fixture->drag_dx, fixture->drag_dy);
  g_assert_false (pinned (fixture, "note-15"));
  g_assert_cmpstr (block_of (fixture, "note-15"), ==, "value-propositions");
  g_assert_cmpuint (n16->z, <, n15->z);
  g_assert_cmpuint (n15->z, <, n17->z);
  assert_drawn_at (fixture, "note-16", r15.x, r15.y);
  assert_drawn_at (fixture, "note-15", r16.x, r16.y);

  /* One undo puts the flow back as it was. */
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);
  assert_drawn_at (fixture, "note-15", r15.x, r15.y);
}

/* Resizing a note with its handle, deleting one: the block re-flows. */
static void
test_reflow (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  WmItem *note = wm_diagram_lookup (fixture->diagram, "note-15");
  WmCanvasEdges edges = 0;
  double x, y;

  wm_canvas_set_zoom (fixture->canvas, 1.0);
  wm_canvas_select (fixture->canvas, (const char *[]) { "note-15", NULL });
  to_widget (fixture, 668 + 120, 48 + 80, &x, &y);
  g_assert_cmpint (_wm_canvas_handle_at (fixture->canvas, x, y, &edges), ==,
                   WM_CANVAS_HANDLE_RESIZE);
  g_assert_cmpint (edges, ==, WM_CANVAS_EDGE_RIGHT | WM_CANVAS_EDGE_BOTTOM);
  /* 200 wide, note-16 (120) no longer fits beside it in 292: it wraps. */
  _wm_canvas_test_drag (fixture->canvas, x, y, 80, 0, 0);
  g_assert_cmpfloat (note->bounds.width, ==, 200);
  assert_drawn_at (fixture, "note-15", 640 + 14 + (292 - 264) / 2.0, 48);
  assert_drawn_at (fixture, "note-16", 668, 144);
  assert_drawn_at (fixture, "note-17", 812, 144);
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);
  assert_drawn_at (fixture, "note-16", 812, 48);

  /* Deleted, note-15 leaves its place to the next. */
  wm_canvas_select (fixture->canvas, (const char *[]) { "note-15", NULL });
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.delete", NULL));
  assert_drawn_at (fixture, "note-16", 668, 48);
  assert_drawn_at (fixture, "note-17", 812, 48);
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);
}

/* Key activities hold three rows of notes; a seventh note runs past the
 * block's bottom (375), still drawn, and the block says so. */
static void
test_overflow (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  WmItem *last = NULL;
  WmRect rect;

  wm_project_begin_group (fixture->project, "Overflow");
  for (guint i = 0; i < 3; i++)
    {
      last = wm_test_add_node (fixture->diagram, "note", &(WmRect) { 0, 0, 120, 80 }, "More");
      wm_test_set_property (fixture->diagram, last, "block", "key-activities");
    }
  wm_project_end_group (fixture->project);
  drawn_rect (fixture, last->id, &rect);
  g_assert_cmpfloat (rect.y, ==, 48 + 3 * 96);
  g_assert_cmpfloat (rect.y + rect.height, >, 375);
  screenshot (fixture, "canvas-bmc-overflow.png");
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);
}

static void
legend_center (Fixture *fixture,
               guint    index,
               double  *wx,
               double  *wy)
{
  WmRect slot;

  g_assert_true (wm_bmc_legend_entry_rect (fixture->diagram, index, &slot));
  to_widget (fixture, slot.x + 60, slot.y + slot.height / 2, wx, wy);
}

/* A click on a legend entry fades the notes of other colours and leaves the
 * selection alone; again, or on empty canvas, shows them all. */
static void
test_legend_highlight (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  WmCanvas *canvas = fixture->canvas;
  g_auto(GStrv) selection = NULL;
  double x, y;

  wm_canvas_set_zoom (canvas, 0.6);
  wm_canvas_select (canvas, (const char *[]) { "note-29", NULL });
  /* The second entry: blue, the offices. */
  legend_center (fixture, 1, &x, &y);
  _wm_canvas_test_click (canvas, x, y, 0);
  g_assert_nonnull (canvas->dimmed);
  g_assert_false (g_hash_table_contains (canvas->dimmed, "note-18"));
  g_assert_false (g_hash_table_contains (canvas->dimmed, "note-30"));
  g_assert_true (g_hash_table_contains (canvas->dimmed, "note-15"));
  g_assert_true (g_hash_table_contains (canvas->dimmed, "note-29"));
  g_assert_true (g_hash_table_contains (canvas->dimmed, "note-2"));
  selection = wm_canvas_get_selection (canvas);
  g_assert_cmpstrv (selection, ((const char *[]) { "note-29", NULL }));
  wm_canvas_select (canvas, NULL);
  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.zoom-fit", NULL);
  screenshot (fixture, "canvas-bmc-screenshot.png");

  /* The highlight follows the notes' colours... */
  g_assert_true (wm_diagram_set_property (fixture->diagram, "note-15", "color", "#A0C4FF", NULL));
  g_assert_false (g_hash_table_contains (canvas->dimmed, "note-15"));
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_true (g_hash_table_contains (canvas->dimmed, "note-15"));
  assert_unchanged (fixture, original);

  /* ...another entry takes over, the same one again ends it. */
  legend_center (fixture, 0, &x, &y);
  _wm_canvas_test_click (canvas, x, y, 0);
  g_assert_false (g_hash_table_contains (canvas->dimmed, "note-15"));
  g_assert_true (g_hash_table_contains (canvas->dimmed, "note-18"));
  _wm_canvas_test_click (canvas, x, y, 0);
  g_assert_null (canvas->dimmed);

  /* A click on empty canvas ends it too. */
  _wm_canvas_test_click (canvas, x, y, 0);
  g_assert_nonnull (canvas->dimmed);
  to_widget (fixture, 800, 1100, &x, &y);
  _wm_canvas_test_click (canvas, x, y, 0);
  g_assert_null (canvas->dimmed);

  /* The entry removed, its highlight goes; undo brings the entry back. */
  legend_center (fixture, 2, &x, &y);
  _wm_canvas_test_click (canvas, x, y, 0);
  g_assert_nonnull (canvas->dimmed);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.bmc-legend-remove",
                                             "s", "caffbf"));
  g_assert_null (wm_diagram_find_entry (fixture->diagram, "legend", "caffbf"));
  g_assert_null (canvas->dimmed);
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);
}

/* The search field's filter fades what does not match, wherever the flow
 * puts it, and replaces a legend highlight. */
static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  WmCanvas *canvas = fixture->canvas;
  WmRect before, after;
  double x, y;

  drawn_rect (fixture, "note-18", &before);
  legend_center (fixture, 0, &x, &y);
  _wm_canvas_test_click (canvas, x, y, 0);
  g_assert_cmpuint (wm_canvas_set_filter (canvas, "office"), >=, 3);
  g_assert_false (g_hash_table_contains (canvas->dimmed, "note-18"));
  g_assert_false (g_hash_table_contains (canvas->dimmed, "note-28"));
  g_assert_true (g_hash_table_contains (canvas->dimmed, "note-15"));
  drawn_rect (fixture, "note-18", &after);
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);
  screenshot (fixture, "canvas-bmc-filter.png");
  /* The highlight is over: an edit does not bring it back over the filter. */
  g_assert_true (wm_diagram_set_property (fixture->diagram, "note-18", "color", "#ffd6a5", NULL));
  g_assert_false (g_hash_table_contains (canvas->dimmed, "note-18"));
  g_assert_true (g_hash_table_contains (canvas->dimmed, "note-15"));
  wm_canvas_set_filter (canvas, NULL);
  g_assert_null (canvas->dimmed);
}

/* A double-click in a block's empty space makes a note there and edits it. */
static void
test_double_click_create (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  WmCanvas *canvas = fixture->canvas;
  guint n_nodes = wm_diagram_get_n_nodes (fixture->diagram);
  g_autofree char *id = NULL;
  WmItem *note;
  double x, y;

  to_widget (fixture, 1120, 700, &x, &y);
  _wm_canvas_test_double_click (canvas, x, y);
  g_assert_cmpuint (wm_diagram_get_n_nodes (fixture->diagram), ==, n_nodes + 1);
  g_assert_nonnull (canvas->edit_id);
  id = g_strdup (canvas->edit_id);
  note = wm_diagram_lookup (fixture->diagram, id);
  g_assert_cmpstr (block_of (fixture, id), ==, "channels");
  g_assert_false (pinned (fixture, id));
  g_assert_cmpstr (note->text, ==, "");
  /* Last in the channels' flow, third row. */
  assert_drawn_at (fixture, id, 988, 375 + 48 + 2 * 96);
  g_assert_true (GTK_IS_TEXT_VIEW (canvas->editor));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (canvas->editor)),
                            "Coffee festivals", -1);
  g_assert_true (_wm_canvas_editor_key (canvas, GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_cmpstr (note->text, ==, "Coffee festivals");

  /* Two steps: the note, its text. */
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpstr (wm_diagram_lookup (fixture->diagram, id)->text, ==, "");
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_null (wm_diagram_lookup (fixture->diagram, id));
  assert_unchanged (fixture, original);
}

/* A note made with the tool belongs to the block it is put in, in the same
 * undo step as its creation. */
static void
test_tool_create (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  g_auto(GStrv) selection = NULL;
  double x, y;

  wm_canvas_set_tool (fixture->canvas, "note");
  to_widget (fixture, 400, 700, &x, &y);
  _wm_canvas_test_click (fixture->canvas, x, y, 0);
  selection = wm_canvas_get_selection (fixture->canvas);
  g_assert_cmpuint (g_strv_length (selection), ==, 1);
  g_assert_cmpstr (block_of (fixture, selection[0]), ==, "key-resources");
  assert_drawn_at (fixture, selection[0], 348, 375 + 48 + 2 * 96);
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);
}

/* The header fields are edited in place, one undo step each. */
static void
test_header_edit (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  WmCanvas *canvas = fixture->canvas;
  double x, y;

  /* The whole canvas in view (as it opens), so the editor pops up over it.
   * "Designed by" starts at 0.36 of the width: 576. */
  to_widget (fixture, 650, -30, &x, &y);
  _wm_canvas_test_double_click (canvas, x, y);
  g_assert_true (GTK_IS_ENTRY (canvas->editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (canvas->editor)), ==,
                   "Founders’ strategy day");
  gtk_editable_set_text (GTK_EDITABLE (canvas->editor), "The board");
  g_assert_true (_wm_canvas_editor_key (canvas, GDK_KEY_Return, 0));
  g_assert_cmpstr (wm_diagram_get_string (fixture->diagram, "designed-by"), ==, "The board");
  /* (The editor itself cannot be pictured here: without a window manager
   * its popover loses the focus as soon as it shows, which commits it.) */
  screenshot (fixture, "canvas-bmc-header-edit.png");
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);

  /* The version, at the right end. */
  to_widget (fixture, 1590, -25, &x, &y);
  _wm_canvas_test_double_click (canvas, x, y);
  gtk_editable_set_text (GTK_EDITABLE (canvas->editor), "2.0");
  g_assert_true (_wm_canvas_editor_key (canvas, GDK_KEY_Return, 0));
  g_assert_cmpstr (wm_diagram_get_string (fixture->diagram, "version"), ==, "2.0");
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);
}

/* What a legend entry means is edited in place too. */
static void
test_legend_rename (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  WmCanvas *canvas = fixture->canvas;
  double x, y;

  legend_center (fixture, 2, &x, &y);
  _wm_canvas_test_double_click (canvas, x, y);
  g_assert_true (GTK_IS_ENTRY (canvas->editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (canvas->editor)), ==, "Gift buyers");
  gtk_editable_set_text (GTK_EDITABLE (canvas->editor), "Gift givers");
  g_assert_true (_wm_canvas_editor_key (canvas, GDK_KEY_Return, 0));
  g_assert_cmpstr (wm_diagram_find_entry (fixture->diagram, "legend", "caffbf")->label, ==,
                   "Gift givers");
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);
}

static gboolean
menu_has (GMenuModel *model,
          const char *action,
          const char *target,
          char      **label)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autofree char *name = NULL;
      g_autoptr(GVariant) value = NULL;

      if (section != NULL && menu_has (section, action, target, label))
        return TRUE;
      if (!g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) ||
          !g_str_equal (name, action))
        continue;
      value = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET,
                                                     G_VARIANT_TYPE_STRING);
      if (target != NULL && (value == NULL || !g_str_equal (g_variant_get_string (value, NULL),
                                                            target)))
        continue;
      if (label != NULL)
        g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", label);
      return TRUE;
    }
  return FALSE;
}

/* The context menu: colours (named by the legend), adding a colour to the
 * legend, tidying a block, removing a legend entry. */
static void
test_context_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  WmCanvas *canvas = fixture->canvas;
  GMenuModel *menu;
  g_autofree char *label = NULL;
  double x, y;

  /* On a note: the palette, its blue named after the offices. */
  note_center (fixture, "note-15", &x, &y);
  menu = _wm_canvas_test_context_menu (canvas, x, y);
  g_assert_nonnull (menu);
  g_assert_true (menu_has (menu, "canvas.board-color", "#a0c4ff", &label));
  g_assert_nonnull (strstr (label, "Offices and co-working spaces"));
  g_assert_true (menu_has (menu, "canvas.board-color", "#bdb2ff", NULL));
  g_assert_true (menu_has (menu, "canvas.board-tidy", "value-propositions", NULL));
  /* Its orange is in the legend already. */
  g_assert_false (menu_has (menu, "canvas.bmc-legend-add", NULL, NULL));

  /* The colour goes to the note under the menu, selected or not. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.bmc-color", "s",
                                             "#bdb2ff"));
  g_assert_cmpstr (wm_item_get_string (wm_diagram_lookup (fixture->diagram, "note-15"), "color"),
                   ==, "#bdb2ff");
  g_assert_cmpstr (wm_item_get_string (wm_diagram_lookup (fixture->diagram, "note-16"), "color"),
                   ==, "#ffd6a5");
  /* Now "Add Colour to Legend" is offered; it adds the entry and edits its meaning. */
  menu = _wm_canvas_test_context_menu (canvas, x, y);
  g_assert_true (menu_has (menu, "canvas.bmc-legend-add", "#bdb2ff", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.bmc-legend-add", "s",
                                             "#bdb2ff"));
  g_assert_nonnull (wm_diagram_find_entry (fixture->diagram, "legend", "bdb2ff"));
  g_assert_true (GTK_IS_ENTRY (canvas->editor));
  gtk_editable_set_text (GTK_EDITABLE (canvas->editor), "Cafés");
  g_assert_true (_wm_canvas_editor_key (canvas, GDK_KEY_Return, 0));
  g_assert_cmpstr (wm_diagram_find_entry (fixture->diagram, "legend", "bdb2ff")->label, ==,
                   "Cafés");
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);

  /* With the note selected among others, all of them change colour, in one step. */
  wm_canvas_select (canvas, (const char *[]) { "note-15", "note-16", "note-2", NULL });
  _wm_canvas_test_context_menu (canvas, x, y);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.bmc-color", "s",
                                             "#ffc6ff"));
  g_assert_cmpstr (wm_item_get_string (wm_diagram_lookup (fixture->diagram, "note-2"), "color"),
                   ==, "#ffc6ff");
  g_assert_true (wm_project_undo (fixture->project));
  assert_unchanged (fixture, original);

  /* On empty space in a block, and on a legend entry. */
  to_widget (fixture, 1120, 700, &x, &y);
  menu = _wm_canvas_test_context_menu (canvas, x, y);
  g_assert_true (menu_has (menu, "canvas.board-tidy", "channels", NULL));
  g_assert_true (menu_has (menu, "canvas.board-add-note", NULL, NULL));
  legend_center (fixture, 3, &x, &y);
  menu = _wm_canvas_test_context_menu (canvas, x, y);
  g_assert_true (menu_has (menu, "canvas.bmc-legend-remove", "fff4a3", NULL));
  g_assert_true (menu_has (menu, "canvas.bmc-highlight", "fff4a3", NULL));
  g_assert_false (menu_has (menu, "canvas.board-color", NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  wm_test_init_gtk (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/widgets/canvas-bmc/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("membership", test_membership);
  ADD ("place-freely", test_place_freely);
  ADD ("reorder-in-flow", test_reorder_in_flow);
  ADD ("reflow", test_reflow);
  ADD ("overflow", test_overflow);
  ADD ("legend-highlight", test_legend_highlight);
  ADD ("filter", test_filter);
  ADD ("double-click-create", test_double_click_create);
  ADD ("tool-create", test_tool_create);
  ADD ("header-edit", test_header_edit);
  ADD ("legend-rename", test_legend_rename);
  ADD ("context-menu", test_context_menu);
#undef ADD

  return g_test_run ();
}
