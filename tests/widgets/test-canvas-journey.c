/* test-canvas-journey.c — editing a customer journey map on the canvas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Bean Box sample's journey in a real window under Xvfb: double-clicks
 * in cells, card drags between cells, the emotion curve's handles, and the
 * stage and lane menus. Each gesture is checked in the model and the
 * layout, and one undo must give back the very same bytes.
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "wm-canvas-private.h"
#include "wm-draw.h"
#include "wm-render.h"
#include "wm-test-util.h"
#include "wm-widget-test.h"

#define JOURNEY "cj-111"

typedef struct
{
  WmProject *project;
  WmDiagram *diagram;
  GtkWidget *window;
  WmCanvas  *canvas;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *scrolled;

  fixture->project = wm_test_load_sample ();
  fixture->diagram = wm_project_find_diagram (fixture->project, JOURNEY);
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

static GBytes *
serialize (Fixture *fixture)
{
  return wm_project_serialize (fixture->project);
}

static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  gsize size_a, size_b;
  const char *data_a = g_bytes_get_data (a, &size_a);
  const char *data_b = g_bytes_get_data (b, &size_b);

  g_assert_cmpmem (data_a, size_a, data_b, size_b);
}

/* One undo gives back @original exactly. */
static void
assert_one_undo_restores (Fixture *fixture,
                          GBytes  *original)
{
  g_autoptr(GBytes) now = NULL;

  g_assert_true (wm_project_undo (fixture->project));
  now = serialize (fixture);
  assert_same_bytes (original, now);
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

static int
band_index (const WmJourneyBand *bands,
            guint                n,
            const char          *id)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (bands[i].id, id))
      return (int) i;
  return -1;
}

static WmRect
cell_of (WmJourneyLayout *layout,
         const char      *stage,
         const char      *lane)
{
  int s = band_index (layout->stages, layout->n_stages, stage);
  int l = band_index (layout->lanes, layout->n_lanes, lane);
  WmRect cell;

  g_assert_cmpint (s, >=, 0);
  g_assert_cmpint (l, >=, 0);
  g_assert_true (wm_journey_layout_cell_rect (layout, (guint) s, (guint) l, &cell));
  return cell;
}

static WmPoint
center_of (WmJourneyLayout *layout,
           WmItem          *item)
{
  WmRect rect;

  g_assert_true (wm_journey_layout_item_rect (layout, item, &rect));
  return wm_rect_center (&rect);
}

static const char *
entry_id (WmDiagram  *diagram,
          const char *list,
          guint       index)
{
  GPtrArray *entries = wm_diagram_get_list (diagram, list);

  g_assert_cmpuint (index, <, entries->len);
  return ((WmListEntry *) g_ptr_array_index (entries, index))->id;
}

static guint
list_length (WmDiagram  *diagram,
             const char *list)
{
  return wm_diagram_get_list (diagram, list)->len;
}

/* The ids of the items a removal of stage or lane @id must take along. */
static guint
count_in_entry (WmDiagram  *diagram,
                const char *prop,
                const char *id)
{
  guint n = 0;

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (wm_item_has_prop (item, prop) && g_strcmp0 (wm_item_get_string (item, prop), id) == 0)
        n++;
    }
  return n;
}

/* The newest item (the one a gesture just made). */
static WmItem *
last_item (WmDiagram *diagram)
{
  return wm_diagram_get_item (diagram, wm_diagram_get_n_items (diagram) - 1);
}

static void
screenshot (Fixture    *fixture,
            const char *name)
{
  if (g_getenv ("WAYMARK_SCREENSHOT_DIR") == NULL)
    return;
  gtk_widget_queue_draw (GTK_WIDGET (fixture->canvas));
  gtk_test_widget_wait_for_draw (fixture->window);
  wm_test_save_screenshot (fixture->window, name);
}

/* Context menus */

/* Finds the item of @action in @model (or its sections): its label and
 * target. */
static gboolean
find_menu_item (GMenuModel  *model,
                const char  *action,
                char       **label,
                char       **target)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (section != NULL && find_menu_item (section, action, label, target))
        return TRUE;
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        {
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", label);
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_TARGET, "s", target);
          return TRUE;
        }
    }
  return FALSE;
}

/* Opens the context menu at document point (x, y) and runs its item
 * @action, checking that it targets @id; returns the item's label. */
static char *
run_menu_item (Fixture    *fixture,
               double      x,
               double      y,
               const char *action,
               const char *id)
{
  GMenuModel *menu;
  g_autofree char *target = NULL;
  char *label = NULL;
  double wx, wy;

  to_widget (fixture, x, y, &wx, &wy);
  menu = _wm_canvas_test_context_menu (fixture->canvas, wx, wy);
  g_assert_nonnull (menu);
  g_assert_true (find_menu_item (menu, action, &label, &target));
  g_assert_cmpstr (target, ==, id);
  if (fixture->canvas->context_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (fixture->canvas->context_popover));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), action, "s", id));
  return label;
}

static gboolean
menu_has (Fixture    *fixture,
          double      x,
          double      y,
          const char *action)
{
  GMenuModel *menu;
  g_autofree char *label = NULL;
  g_autofree char *target = NULL;
  gboolean found;
  double wx, wy;

  to_widget (fixture, x, y, &wx, &wy);
  menu = _wm_canvas_test_context_menu (fixture->canvas, wx, wy);
  found = menu != NULL && find_menu_item (menu, action, &label, &target);
  if (fixture->canvas->context_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (fixture->canvas->context_popover));
  return found;
}

static void
type_and_commit (Fixture    *fixture,
                 const char *text)
{
  WmCanvas *canvas = fixture->canvas;

  g_assert_nonnull (canvas->edit_commit);
  g_assert_true (GTK_IS_ENTRY (canvas->editor));
  gtk_editable_set_text (GTK_EDITABLE (canvas->editor), text);
  g_assert_true (_wm_canvas_editor_key (canvas, GDK_KEY_Return, 0));
  g_assert_null (canvas->edit_commit);
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

/* The pixel at widget point (x, y) as 0xRRGGBB. */
static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpint ((int) x, >=, 0);
  g_assert_cmpint ((int) y, >=, 0);
  g_assert_cmpint ((int) x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint ((int) y, <, cairo_image_surface_get_height (surface));
  return *(const guint32 *) (data + (int) y * stride + 4 * (int) x) & 0xffffff;
}

/* Blue well above red and green: the accent colour, or a tint of it. */
static gboolean
is_bluish (guint32 pixel)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return b > r + 8 && b > g + 4;
}

/* The tests */

/* A double-click in a cell's empty space creates what the lane holds:
 * a card with the cell's stage and lane, an emotion point at the score of
 * the height clicked, a KPI; each opens its editor, and one undo each. */
static void
test_double_click_cell (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (fixture->diagram);
  WmCanvas *canvas = fixture->canvas;
  guint n = wm_diagram_get_n_items (fixture->diagram);
  WmRect cell = cell_of (layout, "awareness", "actions");
  double x = cell.x + cell.width / 2, y = cell.y + cell.height - 4, wx, wy;
  double want_y;
  WmItem *item;

  /* Below the cell's one card. */
  g_assert_null (_wm_canvas_hit (canvas, x, y));
  to_widget (fixture, x, y, &wx, &wy);
  _wm_canvas_test_double_click (canvas, wx, wy);
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n + 1);
  item = last_item (fixture->diagram);
  g_assert_cmpstr (item->type->id, ==, "card");
  g_assert_cmpstr (wm_item_get_string (item, "stage"), ==, "awareness");
  g_assert_cmpstr (wm_item_get_string (item, "lane"), ==, "actions");
  g_assert_true (_wm_canvas_is_selected (canvas, item->id));
  /* Its editor is open on it; Escape leaves the empty card. */
  g_assert_cmpstr (canvas->edit_id, ==, item->id);
  _wm_canvas_end_edit (canvas, FALSE);
  {
    /* The card stacks under the one already there, and the lane grows. */
    g_autoptr(WmJourneyLayout) after = wm_journey_layout_new (fixture->diagram);
    WmRect rect, grown = cell_of (after, "awareness", "actions");

    g_assert_true (wm_journey_layout_item_rect (after, item, &rect));
    g_assert_cmpfloat (grown.height, >, cell.height);
    g_assert_cmpfloat (rect.y, >, cell.y + WM_JOURNEY_ROW_HEIGHT / 2);
    g_assert_cmpfloat (rect.y + rect.height, <=, grown.y + grown.height);
  }
  assert_one_undo_restores (fixture, original);

  /* In the emotion lane, left of the stage's point: an emotion point at -1.5. */
  cell = cell_of (layout, "awareness", "emotions");
  want_y = wm_journey_layout_score_y (layout, -1.5);
  x = cell.x + 20;
  g_assert_null (_wm_canvas_hit (canvas, x, want_y));
  to_widget (fixture, x, want_y, &wx, &wy);
  _wm_canvas_test_double_click (canvas, wx, wy);
  item = last_item (fixture->diagram);
  g_assert_cmpstr (item->type->id, ==, "emotion");
  g_assert_cmpstr (wm_item_get_string (item, "stage"), ==, "awareness");
  g_assert_cmpfloat (wm_item_get_number (item, "score"), ==, -1.5);
  g_assert_cmpstr (canvas->edit_id, ==, item->id);
  _wm_canvas_end_edit (canvas, FALSE);
  assert_one_undo_restores (fixture, original);

  /* In the KPI lane: a KPI of that stage, its name ready to be typed over. */
  cell = cell_of (layout, "awareness", "kpis");
  to_widget (fixture, cell.x + cell.width / 2, cell.y + cell.height / 2, &wx, &wy);
  _wm_canvas_test_double_click (canvas, wx, wy);
  item = last_item (fixture->diagram);
  g_assert_cmpstr (item->type->id, ==, "kpi");
  g_assert_cmpstr (wm_item_get_string (item, "stage"), ==, "awareness");
  type_and_commit (fixture, "Reach");
  g_assert_cmpstr (item->text, ==, "Reach");
  g_assert_true (wm_project_undo (fixture->project));
  assert_one_undo_restores (fixture, original);

  /* On a card, the double-click edits its text as anywhere else. */
  item = wm_diagram_lookup (fixture->diagram, "card-112");
  {
    WmPoint c = center_of (layout, item);

    to_widget (fixture, c.x, c.y, &wx, &wy);
  }
  _wm_canvas_test_double_click (canvas, wx, wy);
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n);
  g_assert_cmpstr (canvas->edit_id, ==, "card-112");
  _wm_canvas_end_edit (canvas, FALSE);
}

/* A card made by a double-click in the pain-points or the opportunities
 * lane takes the lane's colour, in the same undo step; one made in another
 * lane keeps the card's default. The colour stays the card's to change. */
static void
test_lane_colors (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char *const lanes[] = { "pain-points", "opportunities", "actions" };
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (fixture->diagram);
  WmCanvas *canvas = fixture->canvas;

  g_assert_cmpstr (wm_journey_lane_card_color ("pain-points"), ==, "#ffd9d9");
  g_assert_cmpstr (wm_journey_lane_card_color ("opportunities"), ==, "#dcf5d4");
  g_assert_null (wm_journey_lane_card_color ("actions"));
  g_assert_null (wm_journey_lane_card_color (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (lanes); i++)
    {
      WmRect cell = cell_of (layout, "retention", lanes[i]);
      const char *want = wm_journey_lane_card_color (lanes[i]);
      double x = cell.x + cell.width / 2, y = cell.y + cell.height - 4, wx, wy;
      WmItem *card;

      g_assert_null (_wm_canvas_hit (canvas, x, y));
      to_widget (fixture, x, y, &wx, &wy);
      _wm_canvas_test_double_click (canvas, wx, wy);
      card = last_item (fixture->diagram);
      g_assert_cmpstr (card->type->id, ==, "card");
      g_assert_cmpstr (wm_item_get_string (card, "lane"), ==, lanes[i]);
      g_assert_cmpstr (wm_item_get_string (card, "color"), ==, want != NULL ? want : "#ffffff");
      _wm_canvas_end_edit (canvas, FALSE);
      if (want != NULL)
        {
          g_assert_true (wm_diagram_set_property (fixture->diagram, card->id, "color", "#a0c4ff",
                                                  NULL));
          g_assert_cmpstr (wm_item_get_string (card, "color"), ==, "#a0c4ff");
          g_assert_true (wm_project_undo (fixture->project));
        }
      assert_one_undo_restores (fixture, original);
    }
}

/* A card dragged to another cell moves there on the drop, with the target
 * cell highlighted meanwhile; one undo puts it back. A KPI changes only its
 * stage; the emotion lane refuses cards. */
static void
test_card_drag (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (fixture->diagram);
  WmItem *card = wm_diagram_lookup (fixture->diagram, "card-112");
  WmItem *kpi = wm_diagram_lookup (fixture->diagram, "kpi-152");
  WmPoint from = center_of (layout, card);
  WmRect target = cell_of (layout, "decision", "pain-points");
  double fx, fy, tx, ty;

  to_widget (fixture, from.x, from.y, &fx, &fy);
  to_widget (fixture, target.x + target.width / 2, target.y + target.height - 10, &tx, &ty);
  _wm_canvas_test_drag_to (fixture->canvas, fx, fy, tx - fx, ty - fy, 0);
  g_assert_cmpint (fixture->canvas->drag.mode, ==, WM_CANVAS_DRAG_CUSTOM);
  /* Nothing changes until the drop. */
  g_assert_cmpstr (wm_item_get_string (card, "stage"), ==, "awareness");
  screenshot (fixture, "canvas-journey-screenshot.png");
  _wm_canvas_test_drag_release (fixture->canvas, tx - fx, ty - fy);
  g_assert_cmpstr (wm_item_get_string (card, "stage"), ==, "decision");
  g_assert_cmpstr (wm_item_get_string (card, "lane"), ==, "pain-points");
  {
    /* It stacks with the cell's card, in z-order (it is the older: on top),
     * and the row grows to fit both. */
    g_autoptr(WmJourneyLayout) after = wm_journey_layout_new (fixture->diagram);
    WmRect cell = cell_of (after, "decision", "pain-points"), rect, other;

    g_assert_true (wm_journey_layout_item_rect (after, card, &rect));
    g_assert_true (wm_journey_layout_item_rect (after, wm_diagram_lookup (fixture->diagram,
                                                                          "card-130"), &other));
    g_assert_cmpfloat (cell.height, >, target.height);
    g_assert_true (wm_rect_contains (&cell, rect.x, rect.y));
    g_assert_cmpfloat (other.y, >=, rect.y + rect.height);
  }
  assert_one_undo_restores (fixture, original);

  /* A KPI goes to the column it is dropped in, whatever the height. */
  from = center_of (layout, kpi);
  target = cell_of (layout, "advocacy", "thoughts");
  to_widget (fixture, from.x, from.y, &fx, &fy);
  to_widget (fixture, target.x + 30, target.y + 30, &tx, &ty);
  _wm_canvas_test_drag (fixture->canvas, fx, fy, tx - fx, ty - fy, 0);
  g_assert_cmpstr (wm_item_get_string (kpi, "stage"), ==, "advocacy");
  /* KPIs have no lane: the drop never gives them one. */
  g_assert_false (wm_item_has_prop (kpi, "lane"));
  assert_one_undo_restores (fixture, original);

  /* A card dropped on the emotion lane, or outside the grid, stays. */
  target = cell_of (layout, "retention", "emotions");
  from = center_of (layout, card);
  to_widget (fixture, from.x, from.y, &fx, &fy);
  to_widget (fixture, target.x + 10, target.y + 10, &tx, &ty);
  _wm_canvas_test_drag (fixture->canvas, fx, fy, tx - fx, ty - fy, 0);
  to_widget (fixture, layout->grid.x + layout->grid.width + 100, target.y, &tx, &ty);
  _wm_canvas_test_drag (fixture->canvas, fx, fy, tx - fx, ty - fy, 0);
  {
    g_autoptr(GBytes) now = serialize (fixture);

    assert_same_bytes (original, now);
  }
}

/* An emotion point follows the pointer up and down in half steps, clamped
 * to -2..+2, and across into another stage, live; the whole drag is one
 * undo step. */
/* Grabbed in a selection, a card takes the selection's other cards and
 * KPIs to the same cell (KPIs to its column), in one undo step. */
static void
test_selection_drag (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (fixture->diagram);
  WmItem *card = wm_diagram_lookup (fixture->diagram, "card-112");
  WmItem *other = wm_diagram_lookup (fixture->diagram, "card-130");
  WmItem *kpi = wm_diagram_lookup (fixture->diagram, "kpi-152");
  const char *ids[] = { card->id, other->id, kpi->id, NULL };
  WmPoint from = center_of (layout, card);
  WmRect target = cell_of (layout, "retention", "opportunities");
  double fx, fy, tx, ty;

  g_assert_cmpstr (wm_item_get_string (other, "lane"), !=, "opportunities");
  wm_canvas_select (fixture->canvas, ids);
  to_widget (fixture, from.x, from.y, &fx, &fy);
  to_widget (fixture, target.x + target.width / 2, target.y + 20, &tx, &ty);
  _wm_canvas_test_drag_to (fixture->canvas, fx, fy, tx - fx, ty - fy, 0);
  screenshot (fixture, "canvas-journey-selection-drag.png");
  _wm_canvas_test_drag_release (fixture->canvas, tx - fx, ty - fy);
  g_assert_cmpstr (wm_item_get_string (card, "stage"), ==, "retention");
  g_assert_cmpstr (wm_item_get_string (card, "lane"), ==, "opportunities");
  g_assert_cmpstr (wm_item_get_string (other, "stage"), ==, "retention");
  g_assert_cmpstr (wm_item_get_string (other, "lane"), ==, "opportunities");
  g_assert_cmpstr (wm_item_get_string (kpi, "stage"), ==, "retention");
  g_assert_false (wm_item_has_prop (kpi, "lane"));
  assert_one_undo_restores (fixture, original);

  /* Grabbed outside the selection, a card moves alone. */
  wm_canvas_select (fixture->canvas, (const char *[]) { other->id, NULL });
  _wm_canvas_test_drag (fixture->canvas, fx, fy, tx - fx, ty - fy, 0);
  g_assert_cmpstr (wm_item_get_string (card, "stage"), ==, "retention");
  g_assert_cmpstr (wm_item_get_string (other, "stage"), !=, "retention");
  assert_one_undo_restores (fixture, original);
}

static void
test_emotion_drag (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (fixture->diagram);
  WmViewport *viewport = wm_canvas_get_viewport (fixture->canvas);
  WmItem *point = wm_diagram_lookup (fixture->diagram, "emotion-149");
  const WmRect *lane = &layout->lanes[layout->emotion_lane].rect;
  WmPoint from;
  double fx, fy, tx, ty;

  /* Close up on the emotion lane, for the screenshot. */
  wm_viewport_set_zoom (viewport, 1);
  wm_viewport_set_origin (viewport, layout->grid.x - 200, lane->y - 250);
  g_assert_cmpfloat (wm_item_get_number (point, "score"), ==, -1);
  from = center_of (layout, point);
  to_widget (fixture, from.x, from.y, &fx, &fy);
  to_widget (fixture, from.x, wm_journey_layout_score_y (layout, 1.4), &tx, &ty);
  _wm_canvas_test_drag_to (fixture->canvas, fx, fy, tx - fx, ty - fy, 0);
  /* Live: the model, and so the curve, has the new score during the drag. */
  g_assert_cmpfloat (wm_item_get_number (point, "score"), ==, 1.5);
  {
    g_autoptr(WmJourneyLayout) now = wm_journey_layout_new (fixture->diagram);
    WmPoint c = center_of (now, point);

    g_assert_cmpfloat (fabs (c.y - wm_journey_layout_score_y (now, 1.5)), <, 0.01);
  }
  screenshot (fixture, "canvas-journey-emotion-drag.png");
  _wm_canvas_test_drag_release (fixture->canvas, tx - fx, ty - fy);
  g_assert_cmpfloat (wm_item_get_number (point, "score"), ==, 1.5);
  /* Selected once it rests, for the inspector. */
  g_assert_true (_wm_canvas_is_selected (fixture->canvas, "emotion-149"));
  assert_one_undo_restores (fixture, original);

  /* Far above the lane it stops at +2; into the next column it changes
   * stage too. Still one undo step. */
  to_widget (fixture, from.x + WM_JOURNEY_COLUMN_WIDTH, lane->y - 300, &tx, &ty);
  _wm_canvas_test_drag (fixture->canvas, fx, fy, tx - fx, ty - fy, 0);
  g_assert_cmpfloat (wm_item_get_number (point, "score"), ==, 2);
  g_assert_cmpstr (wm_item_get_string (point, "stage"), ==, "retention");
  assert_one_undo_restores (fixture, original);
  g_assert_false (wm_project_can_undo (fixture->project));
}

/* The handles of the node selected alone: TRUE when any of its eight
 * resize handles or its connect handle answers a press. */
static gboolean
has_handles (Fixture      *fixture,
             const WmItem *node)
{
  WmRect rect;
  double x, y, r, b;

  wm_render_node_rect (fixture->diagram, node, &rect);
  to_widget (fixture, rect.x, rect.y, &x, &y);
  to_widget (fixture, rect.x + rect.width, rect.y + rect.height, &r, &b);
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++)
      {
        double hx = x + (r - x) * i / 2, hy = y + (b - y) * j / 2;

        if ((i != 1 || j != 1) &&
            _wm_canvas_handle_at (fixture->canvas, hx, hy, NULL) != WM_CANVAS_HANDLE_NONE)
          return TRUE;
      }
  /* The connect handle sits a little right of the middle of the right edge. */
  for (double dx = 0; dx <= 30; dx += 2)
    if (_wm_canvas_handle_at (fixture->canvas, r + dx, (y + b) / 2, NULL) != WM_CANVAS_HANDLE_NONE)
      return TRUE;
  return FALSE;
}

/* A selected emotion point shows a ring around its dot, not the resize
 * handles and outline of other nodes; a selected card keeps them. */
static void
test_emotion_selection (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (fixture->diagram);
  WmViewport *viewport = wm_canvas_get_viewport (fixture->canvas);
  WmItem *point = wm_diagram_lookup (fixture->diagram, "emotion-149");
  WmItem *card = wm_diagram_lookup (fixture->diagram, "card-114");
  const WmRect *lane = &layout->lanes[layout->emotion_lane].rect;
  cairo_surface_t *before, *after;
  WmRect rect;
  WmPoint c;
  double x, y, ring;

  wm_viewport_set_zoom (viewport, 1);
  wm_viewport_set_origin (viewport, layout->grid.x - 200, lane->y - 250);
  wm_canvas_select (fixture->canvas, (const char *[]) { card->id, NULL });
  g_assert_true (has_handles (fixture, card));

  g_assert_true (wm_journey_layout_item_rect (layout, point, &rect));
  c = wm_rect_center (&rect);
  to_widget (fixture, c.x, c.y, &x, &y);
  /* Below the trough, clear of the curve; where the ring's line runs. */
  ring = MAX (9, rect.height / 2) + 2;
  before = paint_canvas (fixture);
  wm_canvas_select (fixture->canvas, (const char *[]) { point->id, NULL });
  g_assert_true (_wm_canvas_is_selected (fixture->canvas, point->id));
  g_assert_false (has_handles (fixture, point));
  after = paint_canvas (fixture);
  g_assert_false (is_bluish (pixel_at (before, x, y + ring)));
  g_assert_true (is_bluish (pixel_at (after, x, y + ring)));
  /* No outline box (4 units out from the point's rectangle, its corners
   * rounded by 6): the middle of its top left corner, beyond the ring's
   * halo, stays as it was. */
  to_widget (fixture, rect.x + 2 - 6 * M_SQRT1_2, rect.y + 2 - 6 * M_SQRT1_2, &x, &y);
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      g_assert_cmphex (pixel_at (before, x + dx, y + dy), ==, pixel_at (after, x + dx, y + dy));
  screenshot (fixture, "canvas-journey-emotion-selected.png");
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
}

/* A stage without a point shows a hollow handle on the neutral line:
 * dragging it creates the point, as one undo step with the drag. */
static void
test_emotion_add_handle (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GBytes) original = NULL;
  g_autoptr(WmJourneyLayout) layout = NULL;
  const char *ids[] = { "emotion-147", NULL };
  guint n;
  WmRect column;
  double fx, fy, tx, ty;
  WmItem *point;

  wm_diagram_remove_items (fixture->diagram, ids);
  original = serialize (fixture);
  n = wm_diagram_get_n_items (fixture->diagram);
  layout = wm_journey_layout_new (fixture->diagram);
  column = layout->stages[0].rect;
  to_widget (fixture, column.x + column.width / 2, wm_journey_layout_score_y (layout, 0),
             &fx, &fy);
  to_widget (fixture, column.x + column.width / 2, wm_journey_layout_score_y (layout, -1),
             &tx, &ty);
  _wm_canvas_test_drag (fixture->canvas, fx, fy, tx - fx, ty - fy, 0);
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n + 1);
  point = last_item (fixture->diagram);
  g_assert_cmpstr (point->type->id, ==, "emotion");
  g_assert_cmpstr (wm_item_get_string (point, "stage"), ==, "awareness");
  g_assert_cmpfloat (wm_item_get_number (point, "score"), ==, -1);
  assert_one_undo_restores (fixture, original);

  /* Where a stage has a point there is no add handle: a drag there from
   * empty space draws a band. */
  column = layout->stages[1].rect;
  to_widget (fixture, column.x + 12, wm_journey_layout_score_y (layout, 0), &fx, &fy);
  _wm_canvas_test_drag_to (fixture->canvas, fx, fy, 5, -40, 0);
  g_assert_cmpint (fixture->canvas->drag.mode, ==, WM_CANVAS_DRAG_BAND);
  _wm_canvas_test_drag_release (fixture->canvas, 5, -40);
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n);
}

/* The stage header's menu inserts (with the new stage's name open for
 * editing), moves and removes stages; a double-click renames. */
static void
test_stage_editing (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (fixture->diagram);
  const WmRect *header = &layout->stages[2].header;
  double x = header->x + header->width / 2, y = header->y + header->height / 2, wx, wy;
  guint n_items = wm_diagram_get_n_items (fixture->diagram);
  guint in_stage = count_in_entry (fixture->diagram, "stage", "decision");
  g_autofree char *label = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpstr (layout->stages[2].id, ==, "decision");
  g_assert_cmpuint (list_length (fixture->diagram, "stages"), ==, 5);

  /* Insert after: a new stage right of it, its name being edited. */
  g_free (run_menu_item (fixture, x, y, "canvas.journey-insert-stage-after", "decision"));
  g_assert_cmpuint (list_length (fixture->diagram, "stages"), ==, 6);
  g_assert_cmpstr (entry_id (fixture->diagram, "stages", 3), ==, "new-stage");
  g_assert_nonnull (fixture->canvas->edit_commit);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->canvas->editor)), ==,
                   "New stage");
  {
    /* The editor lies over the new stage's header, the fourth. */
    g_autoptr(WmJourneyLayout) now = wm_journey_layout_new (fixture->diagram);
    const WmRect *fresh = &now->stages[3].header;
    GdkRectangle at;
    double hx, hy;

    g_assert_true (gtk_popover_get_pointing_to (GTK_POPOVER (fixture->canvas->editor_popover),
                                                &at));
    to_widget (fixture, fresh->x, fresh->y, &hx, &hy);
    g_assert_cmpfloat (fabs (at.x - hx), <=, 1);
    g_assert_cmpfloat (at.y, >=, hy - 1);
    g_assert_cmpfloat (at.y, <=, hy + fresh->height * wm_viewport_get_zoom (
                                   wm_canvas_get_viewport (fixture->canvas)));
  }
  type_and_commit (fixture, "Onboarding");
  g_assert_cmpstr (wm_diagram_find_entry (fixture->diagram, "stages", "new-stage")->label, ==,
                   "Onboarding");
  /* After the commit: drawing lets the editor lose its focus, which ends it. */
  screenshot (fixture, "canvas-journey-new-stage.png");
  /* The insertion and its name are one step. */
  assert_one_undo_restores (fixture, original);

  /* Insert before, twice: the ids stay unique. */
  g_free (run_menu_item (fixture, x, y, "canvas.journey-insert-stage-before", "decision"));
  _wm_canvas_end_edit (fixture->canvas, FALSE);
  g_assert_cmpstr (entry_id (fixture->diagram, "stages", 2), ==, "new-stage");
  {
    g_autoptr(WmJourneyLayout) now = wm_journey_layout_new (fixture->diagram);
    const WmRect *moved = &now->stages[3].header;

    g_free (run_menu_item (fixture, moved->x + 30, moved->y + 10,
                           "canvas.journey-insert-stage-before", "decision"));
  }
  _wm_canvas_end_edit (fixture->canvas, FALSE);
  g_assert_cmpstr (entry_id (fixture->diagram, "stages", 3), ==, "new-stage-2");
  g_assert_true (wm_project_undo (fixture->project));
  assert_one_undo_restores (fixture, original);

  /* Move left and right; the first stage cannot move left. */
  g_free (run_menu_item (fixture, x, y, "canvas.journey-move-stage-left", "decision"));
  g_assert_cmpstr (entry_id (fixture->diagram, "stages", 1), ==, "decision");
  assert_one_undo_restores (fixture, original);
  g_free (run_menu_item (fixture, x, y, "canvas.journey-move-stage-right", "decision"));
  g_assert_cmpstr (entry_id (fixture->diagram, "stages", 3), ==, "decision");
  assert_one_undo_restores (fixture, original);
  header = &layout->stages[0].header;
  g_assert_false (menu_has (fixture, header->x + 40, header->y + 10,
                            "canvas.journey-move-stage-left"));
  g_assert_true (menu_has (fixture, header->x + 40, header->y + 10,
                           "canvas.journey-move-stage-right"));

  /* Remove: the menu says how many cards go with it; one undo brings all back. */
  label = run_menu_item (fixture, x, y, "canvas.journey-remove-stage", "decision");
  expected = g_strdup_printf ("Remove stage and its %u items", in_stage);
  g_assert_cmpuint (in_stage, >, 1);
  g_assert_cmpstr (label, ==, expected);
  g_assert_cmpuint (list_length (fixture->diagram, "stages"), ==, 4);
  g_assert_null (wm_diagram_find_entry (fixture->diagram, "stages", "decision"));
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n_items - in_stage);
  g_assert_cmpuint (count_in_entry (fixture->diagram, "stage", "decision"), ==, 0);
  assert_one_undo_restores (fixture, original);

  /* A double-click on the header renames it in place. */
  to_widget (fixture, x, y, &wx, &wy);
  _wm_canvas_test_double_click (fixture->canvas, wx, wy);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->canvas->editor)), ==,
                   "Decision");
  type_and_commit (fixture, "Purchase");
  g_assert_cmpstr (wm_diagram_find_entry (fixture->diagram, "stages", "decision")->label, ==,
                   "Purchase");
  assert_one_undo_restores (fixture, original);
}

/* The lane label's menu does the same for lanes, up and down; removing the
 * emotion lane takes the emotion points with it. */
static void
test_lane_editing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (fixture->diagram);
  const WmRect *label_cell = &layout->lanes[2].header;
  double x = label_cell->x + 30, y = label_cell->y + 20, wx, wy;
  guint n_items = wm_diagram_get_n_items (fixture->diagram);
  guint in_lane = count_in_entry (fixture->diagram, "lane", "channels");
  g_autofree char *label = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpstr (layout->lanes[2].id, ==, "channels");

  g_free (run_menu_item (fixture, x, y, "canvas.journey-insert-lane-before", "channels"));
  g_assert_cmpstr (entry_id (fixture->diagram, "lanes", 2), ==, "new-lane");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->canvas->editor)), ==,
                   "New lane");
  type_and_commit (fixture, "Devices");
  g_assert_cmpstr (wm_diagram_find_entry (fixture->diagram, "lanes", "new-lane")->label, ==,
                   "Devices");
  assert_one_undo_restores (fixture, original);

  g_free (run_menu_item (fixture, x, y, "canvas.journey-insert-lane-after", "channels"));
  _wm_canvas_end_edit (fixture->canvas, FALSE);
  g_assert_cmpstr (entry_id (fixture->diagram, "lanes", 3), ==, "new-lane");
  assert_one_undo_restores (fixture, original);

  g_free (run_menu_item (fixture, x, y, "canvas.journey-move-lane-up", "channels"));
  g_assert_cmpstr (entry_id (fixture->diagram, "lanes", 1), ==, "channels");
  assert_one_undo_restores (fixture, original);
  g_free (run_menu_item (fixture, x, y, "canvas.journey-move-lane-down", "channels"));
  g_assert_cmpstr (entry_id (fixture->diagram, "lanes", 3), ==, "channels");
  {
    /* The cards go with their lane. */
    g_autoptr(WmJourneyLayout) now = wm_journey_layout_new (fixture->diagram);
    WmRect rect, cell = cell_of (now, "awareness", "channels");

    g_assert_true (wm_journey_layout_item_rect (now, wm_diagram_lookup (fixture->diagram,
                                                                        "card-114"), &rect));
    g_assert_true (wm_rect_contains (&cell, rect.x, rect.y));
  }
  assert_one_undo_restores (fixture, original);

  label = run_menu_item (fixture, x, y, "canvas.journey-remove-lane", "channels");
  expected = g_strdup_printf ("Remove lane and its %u items", in_lane);
  g_assert_cmpstr (label, ==, expected);
  g_assert_null (wm_diagram_find_entry (fixture->diagram, "lanes", "channels"));
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n_items - in_lane);
  assert_one_undo_restores (fixture, original);

  /* The emotion lane's points have no "lane": they go with it all the same. */
  {
    const WmRect *emotions = &layout->lanes[layout->emotion_lane].header;
    guint points = layout->emotions->len;

    g_assert_cmpuint (points, ==, 5);
    g_free (run_menu_item (fixture, emotions->x + 30, emotions->y + 20,
                           "canvas.journey-remove-lane", "emotions"));
    g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n_items - points);
    assert_one_undo_restores (fixture, original);
  }

  /* A double-click on the label renames the lane. */
  to_widget (fixture, x, y, &wx, &wy);
  _wm_canvas_test_double_click (fixture->canvas, wx, wy);
  type_and_commit (fixture, "Media");
  g_assert_cmpstr (wm_diagram_find_entry (fixture->diagram, "lanes", "channels")->label, ==,
                   "Media");
  assert_one_undo_restores (fixture, original);

  /* A cell has no list menu. */
  g_assert_false (menu_has (fixture, layout->grid.x + 50, layout->grid.y + 100,
                            "canvas.journey-remove-lane"));
}

/* What the behaviour paints over the diagram: the drop cell tinted during
 * a card drag, and the hollow add handle of a stage without a point. */
static void
test_paint_overlays (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (fixture->diagram);
  WmItem *card = wm_diagram_lookup (fixture->diagram, "card-114");
  WmPoint from = center_of (layout, card);
  WmRect target = cell_of (layout, "advocacy", "kpis");
  const char *ids[] = { "emotion-148", NULL };
  cairo_surface_t *before, *during, *after;
  double fx, fy, tx, ty, px, py;

  /* An empty corner of the target cell, away from the ghost. */
  to_widget (fixture, target.x + 6, target.y + target.height - 6, &px, &py);
  to_widget (fixture, from.x, from.y, &fx, &fy);
  to_widget (fixture, target.x + target.width - 20, target.y + 20, &tx, &ty);
  before = paint_canvas (fixture);
  g_assert_false (is_bluish (pixel_at (before, px, py)));
  _wm_canvas_test_drag_to (fixture->canvas, fx, fy, tx - fx, ty - fy, 0);
  during = paint_canvas (fixture);
  g_assert_true (is_bluish (pixel_at (during, px, py)));
  _wm_canvas_test_drag_release (fixture->canvas, tx - fx, ty - fy);
  g_assert_cmpstr (wm_item_get_string (card, "stage"), ==, "advocacy");
  g_assert_cmpstr (wm_item_get_string (card, "lane"), ==, "kpis");
  after = paint_canvas (fixture);
  g_assert_false (is_bluish (pixel_at (after, px, py)));
  cairo_surface_destroy (before);
  cairo_surface_destroy (during);
  cairo_surface_destroy (after);

  /* Consideration loses its point: its add handle's cross is at the
   * neutral line in the middle of the column. */
  wm_diagram_remove_items (fixture->diagram, ids);
  to_widget (fixture, layout->stages[1].rect.x + WM_JOURNEY_COLUMN_WIDTH / 2,
             wm_journey_layout_score_y (layout, 0), &px, &py);
  before = paint_canvas (fixture);
  g_assert_true (is_bluish (pixel_at (before, px, py)));
  cairo_surface_destroy (before);
}

/* A stage header dragged across the columns reorders the stages, a lane
 * label dragged across the rows the lanes; cards go along; one undo each. */
static void
test_header_drag (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (fixture->diagram);
  const WmRect *from = &layout->stages[2].header;
  const WmRect *to = &layout->stages[4].header;
  double fx, fy, tx, ty;

  to_widget (fixture, from->x + from->width / 2, from->y + from->height / 2, &fx, &fy);
  to_widget (fixture, to->x + to->width / 2, to->y + to->height / 2 + 30, &tx, &ty);
  _wm_canvas_test_drag_to (fixture->canvas, fx, fy, tx - fx, ty - fy, 0);
  g_assert_cmpint (fixture->canvas->drag.mode, ==, WM_CANVAS_DRAG_CUSTOM);
  g_assert_cmpstr (entry_id (fixture->diagram, "stages", 2), ==, "decision");
  screenshot (fixture, "canvas-journey-stage-drag.png");
  _wm_canvas_test_drag_release (fixture->canvas, tx - fx, ty - fy);
  g_assert_cmpstr (entry_id (fixture->diagram, "stages", 4), ==, "decision");
  g_assert_cmpstr (entry_id (fixture->diagram, "stages", 2), ==, "retention");
  {
    g_autoptr(WmJourneyLayout) now = wm_journey_layout_new (fixture->diagram);
    WmRect rect, column = now->stages[4].rect;

    g_assert_true (wm_journey_layout_item_rect (now, wm_diagram_lookup (fixture->diagram,
                                                                        "card-126"), &rect));
    g_assert_cmpfloat (rect.x, >=, column.x);
    g_assert_cmpfloat (rect.x + rect.width, <=, column.x + column.width);
  }
  assert_one_undo_restores (fixture, original);

  /* Beyond the grid's left edge: first. */
  to_widget (fixture, layout->grid.x - 60, from->y + 10, &tx, &ty);
  _wm_canvas_test_drag (fixture->canvas, fx, fy, tx - fx, ty - fy, 0);
  g_assert_cmpstr (entry_id (fixture->diagram, "stages", 0), ==, "decision");
  assert_one_undo_restores (fixture, original);

  /* The "channels" label up onto "actions": the lanes' first. */
  from = &layout->lanes[2].header;
  to = &layout->lanes[0].header;
  to_widget (fixture, from->x + 30, from->y + 20, &fx, &fy);
  to_widget (fixture, to->x + 300, to->y + 20, &tx, &ty);
  _wm_canvas_test_drag (fixture->canvas, fx, fy, tx - fx, ty - fy, 0);
  g_assert_cmpstr (entry_id (fixture->diagram, "lanes", 0), ==, "channels");
  g_assert_cmpstr (entry_id (fixture->diagram, "lanes", 1), ==, "actions");
  assert_one_undo_restores (fixture, original);

  /* Dropped where it was, nothing changes. */
  _wm_canvas_test_drag (fixture->canvas, fx, fy, 6, 6, 0);
  g_assert_false (wm_project_can_undo (fixture->project));
}

/* The context menu of a cell's empty space adds what the lane holds there;
 * a double-click on an emotion point edits its note. */
static void
test_cell_menu (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (fixture->diagram);
  WmRect cell = cell_of (layout, "consideration", "kpis");
  WmItem *point = wm_diagram_lookup (fixture->diagram, "emotion-148");
  g_autofree char *label = NULL;
  g_autofree char *target = NULL;
  GMenuModel *menu;
  WmPoint c;
  double wx, wy;
  guint n = wm_diagram_get_n_items (fixture->diagram);

  to_widget (fixture, cell.x + 40, cell.y + 40, &wx, &wy);
  menu = _wm_canvas_test_context_menu (fixture->canvas, wx, wy);
  g_assert_nonnull (menu);
  /* (Its target is a point, not a string: no target is read.) */
  g_assert_true (find_menu_item (menu, "canvas.journey-add-here", &label, &target));
  g_assert_null (target);
  g_assert_cmpstr (label, ==, "Add KPI here");
  if (fixture->canvas->context_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (fixture->canvas->context_popover));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas),
                                             "canvas.journey-add-here", "(dd)",
                                             cell.x + 40, cell.y + 40));
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n + 1);
  g_assert_cmpstr (last_item (fixture->diagram)->type->id, ==, "kpi");
  g_assert_cmpstr (wm_item_get_string (last_item (fixture->diagram), "stage"), ==,
                   "consideration");
  _wm_canvas_end_edit (fixture->canvas, FALSE);
  assert_one_undo_restores (fixture, original);

  /* The note of an emotion point, in place. */
  c = center_of (layout, point);
  to_widget (fixture, c.x, c.y, &wx, &wy);
  _wm_canvas_test_double_click (fixture->canvas, wx, wy);
  g_assert_cmpstr (fixture->canvas->edit_id, ==, "emotion-148");
  _wm_canvas_end_edit (fixture->canvas, FALSE);
}

/* A read-only project offers no handles, menus or drags, and a
 * double-click in a cell creates nothing. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (fixture->diagram);
  const WmRect *header = &layout->stages[1].header;
  WmRect cell = cell_of (layout, "awareness", "kpis");
  WmPoint from = center_of (layout, wm_diagram_lookup (fixture->diagram, "emotion-149"));
  double wx, wy, fx, fy;

  wm_project_set_read_only (fixture->project, TRUE);
  to_widget (fixture, header->x + 40, header->y + 10, &wx, &wy);
  g_assert_null (_wm_canvas_test_context_menu (fixture->canvas, wx, wy));
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.journey-remove-stage", "s",
                              "consideration");
  to_widget (fixture, cell.x + 40, cell.y + 40, &wx, &wy);
  _wm_canvas_test_double_click (fixture->canvas, wx, wy);
  to_widget (fixture, from.x, from.y, &fx, &fy);
  _wm_canvas_test_drag (fixture->canvas, fx, fy, 0, -60, 0);
  {
    g_autoptr(GBytes) now = serialize (fixture);

    assert_same_bytes (original, now);
  }
  wm_project_set_read_only (fixture->project, FALSE);
}

/* A card from the palette or a tool lands in the cell it was dropped in,
 * in the same undo step as its creation. */
static void
test_tool_create (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) original = serialize (fixture);
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (fixture->diagram);
  WmRect cell = cell_of (layout, "retention", "opportunities");
  double wx, wy;
  WmItem *item;

  to_widget (fixture, cell.x + cell.width / 2, cell.y + cell.height - 20, &wx, &wy);
  item = _wm_canvas_create_node_at (fixture->canvas, "card", wx, wy);
  g_assert_nonnull (item);
  g_assert_cmpstr (wm_item_get_string (item, "stage"), ==, "retention");
  g_assert_cmpstr (wm_item_get_string (item, "lane"), ==, "opportunities");
  assert_one_undo_restores (fixture, original);
}

/* A new journey starts with the five stages and the standard lanes, and
 * the canvas edits it like the sample's. */
static void
test_new_journey (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (project, "customer-journey", "Journey", &error);
  static const char *const stages[] = { "awareness", "consideration", "decision", "retention",
                                        "advocacy" };
  GtkWidget *window = gtk_window_new ();
  WmCanvas *canvas = WM_CANVAS (wm_canvas_new ());
  g_autoptr(WmJourneyLayout) layout = NULL;
  WmRect cell;
  double wx, wy;

  g_assert_no_error (error);
  g_assert_cmpuint (list_length (diagram, "stages"), ==, G_N_ELEMENTS (stages));
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    g_assert_cmpstr (entry_id (diagram, "stages", i), ==, stages[i]);
  g_assert_nonnull (wm_diagram_find_entry (diagram, "lanes", WM_JOURNEY_EMOTION_LANE));
  g_assert_nonnull (wm_diagram_find_entry (diagram, "lanes", WM_JOURNEY_KPI_LANE));
  g_assert_nonnull (wm_diagram_find_entry (diagram, "lanes", "actions"));

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (canvas));
  wm_canvas_set_diagram (canvas, diagram);
  gtk_window_present (GTK_WINDOW (window));
  wm_test_wait_until_drawn (GTK_WIDGET (canvas));
  layout = wm_journey_layout_new (diagram);
  cell = cell_of (layout, "decision", "thoughts");
  wm_viewport_doc_to_widget (wm_canvas_get_viewport (canvas), cell.x + 50, cell.y + 50, &wx, &wy);
  _wm_canvas_test_double_click (canvas, wx, wy);
  g_assert_cmpuint (wm_diagram_get_n_items (diagram), ==, 1);
  g_assert_cmpstr (wm_item_get_string (last_item (diagram), "lane"), ==, "thoughts");
  _wm_canvas_end_edit (canvas, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  wm_test_init_gtk (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/widgets/canvas-journey/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("double-click-cell", test_double_click_cell);
  ADD ("card-drag", test_card_drag);
  ADD ("selection-drag", test_selection_drag);
  ADD ("emotion-drag", test_emotion_drag);
  ADD ("emotion-add-handle", test_emotion_add_handle);
  ADD ("emotion-selection", test_emotion_selection);
  ADD ("lane-colors", test_lane_colors);
  ADD ("stage-editing", test_stage_editing);
  ADD ("lane-editing", test_lane_editing);
  ADD ("tool-create", test_tool_create);
  ADD ("paint-overlays", test_paint_overlays);
  ADD ("header-drag", test_header_drag);
  ADD ("cell-menu", test_cell_menu);
  ADD ("read-only", test_read_only);
  g_test_add_func ("/widgets/canvas-journey/new-journey", test_new_journey);

  return g_test_run ();
}
