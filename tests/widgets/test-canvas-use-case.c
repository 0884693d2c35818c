/* test-canvas-use-case.c — the use-case editor: subjects hold their use
 * cases, multiplicities are edited in place
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb with the Cairo renderer; gestures go through the canvas's
 * test entry points, and every edit must come back whole with one undo.
 */
#include "config.h"

#include <adwaita.h>

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
  WmItem    *subject;
  WmItem    *actor;
  WmItem    *order;      /* a use case inside the subject */
  WmItem    *pay;        /* a use case outside it */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  WmViewport *viewport;

  fixture->project = wm_project_new ();
  fixture->diagram = wm_project_add_diagram (fixture->project, "use-case", NULL, &error);
  g_assert_no_error (error);
  fixture->subject = wm_test_add_node (fixture->diagram, "subject",
                                       &(WmRect) { 200, 0, 300, 300 }, "Web shop");
  fixture->actor = wm_test_add_node (fixture->diagram, "actor",
                                     &(WmRect) { 20, 100, 60, 110 }, "Customer");
  fixture->order = wm_test_add_node (fixture->diagram, "use-case",
                                     &(WmRect) { 250, 60, 160, 70 }, "Order beans");
  fixture->pay = wm_test_add_node (fixture->diagram, "use-case",
                                   &(WmRect) { 650, 60, 160, 70 }, "Pay");
  g_assert_true (wm_diagram_set_parent (fixture->diagram, fixture->order->id,
                                        fixture->subject->id, &error));
  g_assert_no_error (error);
  wm_project_clear_history (fixture->project);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  fixture->canvas = WM_CANVAS (wm_canvas_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->canvas));
  wm_canvas_set_diagram (fixture->canvas, fixture->diagram);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wm_test_wait_until_drawn (GTK_WIDGET (fixture->canvas));
  /* One document unit per pixel, the origin at the top left: easy to reason about. */
  viewport = wm_canvas_get_viewport (fixture->canvas);
  wm_viewport_set_zoom (viewport, 1);
  wm_viewport_set_origin (viewport, -20, -20);
  wm_test_wait_until_drawn (GTK_WIDGET (fixture->canvas));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
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

/* Drags @item by (dx, dy) document units, grabbing it at its centre. */
static void
drag_item (Fixture *fixture,
           WmItem  *item,
           double   dx,
           double   dy)
{
  double x, y;

  to_widget (fixture, item->bounds.x + item->bounds.width / 2,
             item->bounds.y + item->bounds.height / 2, &x, &y);
  _wm_canvas_test_click (fixture->canvas, x, y, 0);
  _wm_canvas_test_drag (fixture->canvas, x, y, dx, dy, 0);
}

static gboolean
rect_inside (const WmRect *inner,
             const WmRect *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

/* A use case dropped into a subject joins it, in the drag's undo step. */
static void
test_drop_into_subject (Fixture       *fixture,
                        gconstpointer  data)
{
  WmRect before = fixture->subject->bounds;

  g_assert_null (fixture->pay->parent);
  drag_item (fixture, fixture->pay, -350, 100);
  g_assert_cmpfloat_with_epsilon (fixture->pay->bounds.x, 300, 0.01);
  g_assert_cmpstr (fixture->pay->parent, ==, fixture->subject->id);
  /* It fitted: the subject kept its size. */
  g_assert_cmpmem (&fixture->subject->bounds, sizeof (WmRect), &before, sizeof (WmRect));

  /* Moving the subject takes its use cases along. */
  {
    double x, y;

    /* Grabbed by its title bar, which is where a container is hit. */
    to_widget (fixture, fixture->subject->bounds.x + 150, fixture->subject->bounds.y + 10, &x, &y);
    _wm_canvas_test_click (fixture->canvas, x, y, 0);
    _wm_canvas_test_drag (fixture->canvas, x, y, 40, 30, 0);
  }
  g_assert_cmpfloat_with_epsilon (fixture->subject->bounds.x, 240, 0.01);
  g_assert_cmpfloat_with_epsilon (fixture->pay->bounds.x, 340, 0.01);
  g_assert_cmpfloat_with_epsilon (fixture->order->bounds.y, 90, 0.01);
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpfloat_with_epsilon (fixture->pay->bounds.x, 300, 0.01);

  /* One undo takes the use case back out, where it was. */
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_null (fixture->pay->parent);
  g_assert_cmpfloat_with_epsilon (fixture->pay->bounds.x, 650, 0.01);
  g_assert_true (wm_project_redo (fixture->project));
  g_assert_cmpstr (fixture->pay->parent, ==, fixture->subject->id);
}

/* Dropped across the subject's edge, a use case makes the subject grow. */
static void
test_subject_grows (Fixture       *fixture,
                    gconstpointer  data)
{
  WmRect *subject = &fixture->subject->bounds;

  /* The centre lands inside, near the bottom right corner; the rest hangs out. */
  drag_item (fixture, fixture->pay, -260, 185);
  g_assert_cmpstr (fixture->pay->parent, ==, fixture->subject->id);
  g_assert_true (rect_inside (&fixture->pay->bounds, subject));
  g_assert_true (rect_inside (&fixture->order->bounds, subject));
  g_assert_cmpfloat (subject->x, ==, 200);
  g_assert_cmpfloat (subject->width, >, 300);
  g_assert_cmpfloat (subject->height, >, 300);

  /* One undo shrinks the subject back and lets the use case go. */
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpfloat (subject->width, ==, 300);
  g_assert_cmpfloat (subject->height, ==, 300);
  g_assert_null (fixture->pay->parent);
}

/* Dragged out of its subject, a use case leaves it; actors never join. */
static void
test_drag_out_and_actors (Fixture       *fixture,
                          gconstpointer  data)
{
  drag_item (fixture, fixture->order, 0, 400);
  g_assert_null (fixture->order->parent);

  drag_item (fixture, fixture->actor, 250, 0);
  g_assert_true (wm_rect_contains (&fixture->subject->bounds,
                                   fixture->actor->bounds.x + 30, fixture->actor->bounds.y + 55));
  g_assert_null (fixture->actor->parent);
}

/* A use case created inside a subject by the palette belongs to it. */
static void
test_create_in_subject (Fixture       *fixture,
                        gconstpointer  data)
{
  WmItem *item;
  double x, y;
  guint n = wm_diagram_get_n_items (fixture->diagram);

  to_widget (fixture, 350, 220, &x, &y);
  item = _wm_canvas_create_node_at (fixture->canvas, "use-case", x, y);
  g_assert_nonnull (item);
  g_assert_cmpstr (item->parent, ==, fixture->subject->id);
  /* One undo removes it. */
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n);
}

/* A double-click near an association's end edits that end's multiplicity. */
static void
test_multiplicity_in_place (Fixture       *fixture,
                            gconstpointer  data)
{
  WmItem *link = wm_test_add_link (fixture->diagram, "association", fixture->actor, fixture->order);
  WmRect box;
  double x, y;

  wm_test_wait_until_drawn (GTK_WIDGET (fixture->canvas));
  g_assert_true (wm_render_multiplicity_box (fixture->diagram, link, FALSE, &box));
  /* The target's box lies near the use case, not the actor. */
  g_assert_cmpfloat (box.x, >, fixture->actor->bounds.x + fixture->actor->bounds.width);
  to_widget (fixture, box.x + box.width / 2, box.y + box.height / 2, &x, &y);
  _wm_canvas_test_double_click (fixture->canvas, x, y);
  g_assert_nonnull (fixture->canvas->edit_commit);
  g_assert_true (GTK_IS_EDITABLE (fixture->canvas->editor));
  gtk_editable_set_text (GTK_EDITABLE (fixture->canvas->editor), "0..*");
  _wm_canvas_end_edit (fixture->canvas, TRUE);
  g_assert_cmpstr (wm_item_get_string (link, "target-multiplicity"), ==, "0..*");
  wm_test_wait_until_drawn (GTK_WIDGET (fixture->canvas));
  wm_test_save_screenshot (GTK_WIDGET (fixture->canvas), "canvas-use-case-multiplicity.png");
  g_assert_cmpstr (wm_item_get_string (link, "source-multiplicity"), ==, "");

  /* The source end, from the context menu. */
  g_assert_true (wm_render_multiplicity_box (fixture->diagram, link, TRUE, &box));
  g_assert_cmpfloat (box.x, <, fixture->order->bounds.x);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.use-case-multiplicity",
                              "(sbs)", link->id, TRUE, "1");
  g_assert_cmpstr (wm_item_get_string (link, "source-multiplicity"), ==, "1");
  {
    WmRect a = fixture->actor->bounds, b = fixture->order->bounds;
    gboolean found = FALSE;

    /* A point on the line, somewhere between the two: its menu has a
     * section per end. Away from everything there is no menu. */
    for (double t = 0.3; t <= 0.7 && !found; t += 0.02)
      {
        double px = a.x + a.width / 2 + t * (b.x + b.width / 2 - a.x - a.width / 2);
        double py = a.y + a.height / 3 + t * (b.y + b.height / 2 - a.y - a.height / 3);

        for (double off = -12; off <= 12 && !found; off += 2)
          if (_wm_canvas_hit (fixture->canvas, px, py + off) == link)
            {
              GMenuModel *menu;

              found = TRUE;
              to_widget (fixture, px, py + off, &x, &y);
              menu = _wm_canvas_test_context_menu (fixture->canvas, x, y);
              g_assert_nonnull (menu);
              g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
            }
      }
    g_assert_true (found);
    to_widget (fixture, 600, 450, &x, &y);
    g_assert_null (_wm_canvas_test_context_menu (fixture->canvas, x, y));
  }

  /* Each edit is one undo step. */
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpstr (wm_item_get_string (link, "source-multiplicity"), ==, "");
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpstr (wm_item_get_string (link, "target-multiplicity"), ==, "");
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  drag_item (fixture, fixture->pay, -260, 185);
  wm_test_add_link (fixture->diagram, "association", fixture->actor, fixture->order);
  wm_test_wait_until_drawn (GTK_WIDGET (fixture->canvas));
  wm_test_save_screenshot (GTK_WIDGET (fixture->window), "canvas-use-case-screenshot.png");
  g_assert_cmpstr (fixture->pay->parent, ==, fixture->subject->id);
}

int
main (int   argc,
      char *argv[])
{
  wm_test_init_gtk (&argc, &argv);

#define ADD(path, fn) \
  g_test_add ("/canvas-use-case/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("drop-into-subject", test_drop_into_subject);
  ADD ("subject-grows", test_subject_grows);
  ADD ("drag-out-and-actors", test_drag_out_and_actors);
  ADD ("create-in-subject", test_create_in_subject);
  ADD ("multiplicity-in-place", test_multiplicity_in_place);
  ADD ("screenshot", test_screenshot);
#undef ADD

  return g_test_run ();
}
