/* test-keyboard.c — a use-case diagram drawn with the keyboard alone, by real input
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every key goes through the X server (XTEST), so the test meets what a
 * person without a pointer meets: which widget has the focus after each
 * step, which controller claims the key, and whether the popovers take
 * the keyboard. The diagram starts empty; the palette (reached with F6)
 * adds two actors and a use case, named by typing; Connect (Ctrl+L) joins
 * them; Tab, Alt+arrows and Shift+F10 walk and act on what is there.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-board.h"
#include "wm-canvas-private.h"
#include "wm-palette.h"
#include "wm-test-util.h"
#include "wm-widget-test.h"
#include "wm-window-private.h"
#include "wm-window.h"
#include "wm-xtest.h"

typedef struct
{
  WmProject *project;
  WmDiagram *diagram;
  WmWindow  *window;
  WmCanvas  *canvas;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = wm_project_new ();
  fixture->diagram = wm_project_add_diagram (fixture->project, "use-case", "Café", NULL);
  g_assert_nonnull (fixture->diagram);
  wm_project_clear_history (fixture->project);
  fixture->window = wm_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  wm_window_set_project (fixture->window, fixture->project);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wm_test_wait_until_drawn (GTK_WIDGET (fixture->window));
  fixture->canvas = WM_CANVAS (wm_window_get_canvas (fixture->window));
  g_assert_true (wm_canvas_get_diagram (fixture->canvas) == fixture->diagram);
  wm_xtest_focus_window (GTK_WINDOW (fixture->window));
  wm_xtest_settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->project);
}

/* Input */

static void
press (guint keyval)
{
  wm_xtest_chord (0, keyval);
}

static void
press_with (guint modifier,
            guint keyval)
{
  wm_xtest_chord (modifier, keyval);
}

/* Types @text (ASCII letters, digits and spaces) key by key. */
static void
type_text (const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    {
      guint keyval = gdk_unicode_to_keyval (g_ascii_tolower (*c));

      if (g_ascii_isupper (*c))
        press_with (GDK_KEY_Shift_L, keyval);
      else
        press (keyval);
    }
}

/* A screenshot of the whole screen (popovers are surfaces of their own),
 * for a person to look at, when ImageMagick's import is there. */
static void
save_screen (const char *name)
{
  g_autofree char *import = g_find_program_in_path ("import");
  const char *dir = g_getenv ("WAYMARK_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : g_get_tmp_dir (), name, NULL);
  const char *argv[] = { import, "-window", "root", path, NULL };

  if (import == NULL)
    return;
  if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, NULL,
                    NULL))
    g_test_message ("screenshot: %s", path);
}

static GtkWidget *
focus_widget (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static gboolean
focus_in (Fixture   *fixture,
          GtkWidget *pane)
{
  GtkWidget *focus = focus_widget (fixture);

  return focus != NULL && (focus == pane || gtk_widget_is_ancestor (focus, pane));
}

/* F6 goes round the panes: within one round it reaches the palette, on
 * the button of the tool in hand (the select tool). */
static void
f6_to_palette (Fixture *fixture)
{
  GtkWidget *palette = fixture->window->palette;

  for (int i = 0; i < 4 && !focus_in (fixture, palette); i++)
    press (GDK_KEY_F6);
  g_assert_true (focus_in (fixture, palette));
  g_assert_true (focus_widget (fixture) == wm_palette_get_button (WM_PALETTE (palette), NULL));
}

/* Tabs from the select tool to @type_id's button, which Enter adds. */
static void
tab_to_tool (Fixture    *fixture,
             const char *type_id)
{
  GtkWidget *button = wm_palette_get_button (WM_PALETTE (fixture->window->palette), type_id);

  g_assert_nonnull (button);
  for (int i = 0; i < 20 && focus_widget (fixture) != button; i++)
    press (GDK_KEY_Tab);
  g_assert_true (focus_widget (fixture) == button);
}

/* The one item selected, or NULL. */
static WmItem *
selected_or_null (Fixture *fixture)
{
  g_auto(GStrv) ids = wm_canvas_get_selection (fixture->canvas);

  if (ids[0] == NULL || ids[1] != NULL)
    return NULL;
  return wm_diagram_lookup (fixture->diagram, ids[0]);
}

/* The one item selected; the test fails when there is not one. */
static WmItem *
selected_one (Fixture *fixture)
{
  WmItem *item = selected_or_null (fixture);

  if (item == NULL)
    g_error ("not one item is selected");
  return item;
}

/* Adds an item of @type_id from the palette with Enter and names it. The
 * editor opens on it with the focus; Enter takes the name and gives the
 * focus back to the canvas. */
static WmItem *
add_from_palette (Fixture    *fixture,
                  const char *type_id,
                  const char *name)
{
  guint n = wm_diagram_get_n_items (fixture->diagram);
  WmItem *item;

  f6_to_palette (fixture);
  tab_to_tool (fixture, type_id);
  press (GDK_KEY_Return);
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n + 1);
  item = selected_one (fixture);
  g_assert_nonnull (item);
  g_assert_cmpstr (item->type->id, ==, type_id);
  /* The tool in hand is still the select tool: Enter armed none. */
  g_assert_null (wm_canvas_get_tool (fixture->canvas));
  g_assert_true (focus_in (fixture, fixture->canvas->editor));
  type_text (name);
  save_screen ("keyboard-palette-typing.png");
  /* A name ends with Enter; a note's text, where Enter starts a new line,
   * with Ctrl+Enter. */
  if (item->type->multiline)
    {
      g_assert_true (GTK_IS_TEXT_VIEW (fixture->canvas->editor));
      press_with (GDK_KEY_Control_L, GDK_KEY_Return);
    }
  else
    {
      g_assert_true (GTK_IS_ENTRY (fixture->canvas->editor));
      press (GDK_KEY_Return);
    }
  g_assert_true (focus_widget (fixture) == GTK_WIDGET (fixture->canvas));
  item = wm_diagram_lookup (fixture->diagram, item->id);
  g_assert_cmpstr (item->text, ==, name);
  return item;
}

static WmItem *
find_named (Fixture    *fixture,
            const char *name)
{
  for (guint i = 0; i < wm_diagram_get_n_items (fixture->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (fixture->diagram, i);

      if (g_strcmp0 (item->text, name) == 0)
        return item;
    }
  g_error ("no item is named “%s”", name);
}

/* @id is the one item selected, and the view shows it whole. */
static void
assert_selected (Fixture    *fixture,
                 const char *id)
{
  WmRect extent, visible;

  g_assert_cmpstr (selected_one (fixture)->id, ==, id);
  wm_render_item_extent (fixture->diagram, wm_diagram_lookup (fixture->diagram, id), &extent);
  wm_viewport_get_visible (wm_canvas_get_viewport (fixture->canvas), &visible);
  g_assert_cmpfloat (extent.x, >=, visible.x);
  g_assert_cmpfloat (extent.y, >=, visible.y);
  g_assert_cmpfloat (extent.x + extent.width, <=, visible.x + visible.width);
  g_assert_cmpfloat (extent.y + extent.height, <=, visible.y + visible.height);
}

/* Tab (Shift+Tab if @backward) until @id is selected, in at most a round. */
static void
tab_until (Fixture    *fixture,
           const char *id,
           gboolean    backward)
{
  guint n = wm_diagram_get_n_items (fixture->diagram);
  WmItem *item = selected_or_null (fixture);

  for (guint i = 0; i < n && (item == NULL || !g_str_equal (item->id, id)); i++)
    {
      if (backward)
        press_with (GDK_KEY_Shift_L, GDK_KEY_Tab);
      else
        press (GDK_KEY_Tab);
      item = selected_or_null (fixture);
    }
  assert_selected (fixture, id);
}

static gboolean
rects_overlap (const WmRect *a,
               const WmRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* The text of the toasts the window shows now, one per line. */
static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

/* The whole story: three items from the palette, named, connected, walked. */
static void
test_keyboard_only (Fixture       *fixture,
                    gconstpointer  data)
{
  WmItem *customer, *clerk, *order, *link;
  g_autofree char *customer_id = NULL;
  g_autofree char *clerk_id = NULL;
  g_autofree char *order_id = NULL;
  g_autofree char *link_id = NULL;
  g_auto(GStrv) reading = NULL;
  GtkWidget *popover;
  GdkRectangle at;
  WmRect rect, shown;

  customer = add_from_palette (fixture, "actor", "Customer");
  customer_id = g_strdup (customer->id);
  /* In the middle of the view, with nothing selected to go beside. */
  wm_viewport_get_visible (wm_canvas_get_viewport (fixture->canvas), &shown);
  g_assert_true (rects_overlap (&customer->bounds, &shown));
  /* Creation and name are one undo step. */
  g_assert_cmpstr (wm_project_get_undo_label (fixture->project), ==, "Add Actor");
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, 0);
  g_assert_true (wm_project_redo (fixture->project));
  g_assert_cmpstr (wm_diagram_lookup (fixture->diagram, customer_id)->text, ==, "Customer");
  wm_canvas_select (fixture->canvas, (const char *const[]) { customer_id, NULL });

  clerk = add_from_palette (fixture, "actor", "Clerk");
  clerk_id = g_strdup (clerk->id);
  order = add_from_palette (fixture, "use-case", "Order coffee");
  order_id = g_strdup (order->id);
  customer = wm_diagram_lookup (fixture->diagram, customer_id);
  clerk = wm_diagram_lookup (fixture->diagram, clerk_id);
  /* Each beside the one selected before it, on its right, clear of it. */
  g_assert_cmpfloat (clerk->bounds.x, >=, customer->bounds.x + customer->bounds.width);
  g_assert_cmpfloat (order->bounds.x, >=, clerk->bounds.x + clerk->bounds.width);
  g_assert_false (rects_overlap (&order->bounds, &clerk->bounds));
  g_assert_cmpfloat (fabs ((clerk->bounds.y + clerk->bounds.height / 2) -
                           (customer->bounds.y + customer->bounds.height / 2)), <, 1);
  wm_test_save_screenshot (GTK_WIDGET (fixture->window), "keyboard-palette-enter.png");

  /* Alt+Left to the clerk, Alt+Shift+Right adds the use case after it:
   * Connect links them in that order, with the one type that fits. */
  press_with (GDK_KEY_Alt_L, GDK_KEY_Left);
  assert_selected (fixture, clerk_id);
  wm_xtest_key (GDK_KEY_Shift_L, TRUE);
  press_with (GDK_KEY_Alt_L, GDK_KEY_Right);
  wm_xtest_key (GDK_KEY_Shift_L, FALSE);
  {
    g_auto(GStrv) ids = wm_canvas_get_selection (fixture->canvas);

    g_assert_cmpuint (g_strv_length (ids), ==, 2);
    g_assert_true (g_strv_contains ((const char *const *) ids, clerk_id));
    g_assert_true (g_strv_contains ((const char *const *) ids, order_id));
  }
  press_with (GDK_KEY_Control_L, GDK_KEY_l);
  g_assert_cmpuint (wm_diagram_get_n_links (fixture->diagram), ==, 1);
  link = selected_one (fixture);
  g_assert_nonnull (link);
  link_id = g_strdup (link->id);
  g_assert_cmpstr (link->type->id, ==, "association");
  g_assert_cmpstr (link->source, ==, clerk_id);
  g_assert_cmpstr (link->target, ==, order_id);

  /* Zoomed in, the row is wider than the view: each step must scroll. */
  for (int i = 0; i < 3; i++)
    press_with (GDK_KEY_Control_L, GDK_KEY_equal);
  g_assert_cmpfloat (wm_canvas_get_zoom (fixture->canvas), >=, 2);
  /* Tab: the row left to right, then the link, then round again; Shift+Tab back. */
  reading = _wm_canvas_reading_order (fixture->canvas);
  g_assert_cmpuint (g_strv_length (reading), ==, 4);
  press (GDK_KEY_Tab);
  assert_selected (fixture, customer_id);
  g_assert_true (focus_widget (fixture) == GTK_WIDGET (fixture->canvas));
  press (GDK_KEY_Tab);
  assert_selected (fixture, clerk_id);
  press (GDK_KEY_Tab);
  assert_selected (fixture, order_id);
  press (GDK_KEY_Tab);
  assert_selected (fixture, link_id);
  press (GDK_KEY_Tab);
  assert_selected (fixture, customer_id);
  press_with (GDK_KEY_Shift_L, GDK_KEY_Tab);
  assert_selected (fixture, link_id);
  press_with (GDK_KEY_Shift_L, GDK_KEY_Tab);
  assert_selected (fixture, order_id);

  /* Alt+Right from the customer: the clerk is nearer than the use case. */
  press (GDK_KEY_Tab);
  press (GDK_KEY_Tab);
  assert_selected (fixture, customer_id);
  press_with (GDK_KEY_Alt_L, GDK_KEY_Right);
  assert_selected (fixture, clerk_id);
  press_with (GDK_KEY_Alt_L, GDK_KEY_Left);
  assert_selected (fixture, customer_id);
  /* Nothing further left: the selection stays. */
  press_with (GDK_KEY_Alt_L, GDK_KEY_Left);
  assert_selected (fixture, customer_id);

  /* Shift+F10: the selection's menu, pointing at it, not at the pointer. */
  press_with (GDK_KEY_Shift_L, GDK_KEY_F10);
  popover = fixture->canvas->context_popover;
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  save_screen ("keyboard-context-menu.png");
  g_assert_true (gtk_popover_get_pointing_to (GTK_POPOVER (popover), &at));
  wm_render_node_rect (fixture->diagram, wm_diagram_lookup (fixture->diagram, customer_id),
                       &rect);
  wm_viewport_doc_rect_to_widget (wm_canvas_get_viewport (fixture->canvas), &rect, &shown);
  g_assert_cmpfloat (at.x, >=, shown.x);
  g_assert_cmpfloat (at.x, <=, shown.x + shown.width);
  g_assert_cmpfloat (at.y, >=, shown.y);
  g_assert_cmpfloat (at.y, <=, shown.y + shown.height);
  press (GDK_KEY_Escape);
  g_assert_false (gtk_widget_get_visible (popover));
  /* Escape closed the menu and left the selection alone. */
  assert_selected (fixture, customer_id);
  /* The Menu key does the same. */
  press (GDK_KEY_Menu);
  g_assert_true (gtk_widget_get_visible (popover));
  press (GDK_KEY_Escape);

  /* Ctrl+Tab leaves the canvas: Tab does not trap the focus. */
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
  wm_xtest_settle ();
  press_with (GDK_KEY_Control_L, GDK_KEY_Tab);
  g_assert_false (focus_widget (fixture) == GTK_WIDGET (fixture->canvas));

  /* The model: three nodes and one link, as typed. */
  g_assert_cmpuint (wm_diagram_get_n_nodes (fixture->diagram), ==, 3);
  g_assert_cmpuint (wm_diagram_get_n_links (fixture->diagram), ==, 1);
  g_assert_cmpstr (find_named (fixture, "Customer")->type->id, ==, "actor");
  g_assert_cmpstr (find_named (fixture, "Clerk")->type->id, ==, "actor");
  g_assert_cmpstr (find_named (fixture, "Order coffee")->type->id, ==, "use-case");
  link = wm_diagram_lookup (fixture->diagram, link_id);
  g_assert_cmpstr (link->type->id, ==, "association");
  g_assert_cmpstr (link->source, ==, find_named (fixture, "Clerk")->id);
  g_assert_cmpstr (link->target, ==, find_named (fixture, "Order coffee")->id);
}

static gboolean
offer_shown (gpointer data)
{
  Fixture *fixture = data;

  return fixture->canvas->offer_popover != NULL &&
         gtk_widget_get_visible (fixture->canvas->offer_popover);
}

/* Two use cases may be joined by three types: Connect offers just those,
 * and the arrow keys and Enter choose; the first selected is the source.
 * A use case and a note may not be joined: a toast says so. */
static void
test_connect_offers_types (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *pay_id = NULL;
  g_autofree char *order_id = NULL;
  g_autoptr(GString) toasts = g_string_new (NULL);
  WmItem *pay, *order, *link;
  GMenuModel *offered;

  pay = add_from_palette (fixture, "use-case", "Pay");
  pay_id = g_strdup (pay->id);
  order = add_from_palette (fixture, "use-case", "Order");
  order_id = g_strdup (order->id);

  /* Order is selected; Alt+Shift+Left adds Pay after it: Order → Pay. */
  wm_xtest_key (GDK_KEY_Shift_L, TRUE);
  press_with (GDK_KEY_Alt_L, GDK_KEY_Left);
  wm_xtest_key (GDK_KEY_Shift_L, FALSE);
  press_with (GDK_KEY_Control_L, GDK_KEY_l);
  wm_xtest_wait_for (offer_shown, fixture);
  g_assert_cmpuint (wm_diagram_get_n_links (fixture->diagram), ==, 0);
  offered = G_MENU_MODEL (fixture->canvas->offer_menu);
  g_assert_cmpint (g_menu_model_get_n_items (offered), ==, 3);
  save_screen ("keyboard-connect-offer.png");
  wm_test_save_screenshot (fixture->canvas->offer_popover, "keyboard-connect-popover.png");
  /* The menu has the keyboard, on its first entry, Include; then come
   * Extend and Generalization: Down once is Extend. */
  g_assert_true (focus_in (fixture, fixture->canvas->offer_popover));
  press (GDK_KEY_Down);
  press (GDK_KEY_Return);
  g_assert_cmpuint (wm_diagram_get_n_links (fixture->diagram), ==, 1);
  link = selected_one (fixture);
  g_assert_nonnull (link);
  g_assert_cmpstr (link->type->id, ==, "extend");
  g_assert_cmpstr (link->source, ==, order_id);
  g_assert_cmpstr (link->target, ==, pay_id);

  /* A note beside Order: back from the link to Order first. */
  tab_until (fixture, order_id, TRUE);
  add_from_palette (fixture, "note", "Hot");
  /* The note first, Order second: an anchor, the one type that fits. */
  wm_xtest_key (GDK_KEY_Shift_L, TRUE);
  press_with (GDK_KEY_Alt_L, GDK_KEY_Left);
  wm_xtest_key (GDK_KEY_Shift_L, FALSE);
  press_with (GDK_KEY_Control_L, GDK_KEY_l);
  g_assert_cmpuint (wm_diagram_get_n_links (fixture->diagram), ==, 2);
  g_assert_cmpstr (selected_one (fixture)->type->id, ==, "anchor");
  /* Order first, the note second: nothing fits, and the toast says why. */
  tab_until (fixture, order_id, TRUE);
  wm_xtest_key (GDK_KEY_Shift_L, TRUE);
  press_with (GDK_KEY_Alt_L, GDK_KEY_Right);
  wm_xtest_key (GDK_KEY_Shift_L, FALSE);
  press_with (GDK_KEY_Control_L, GDK_KEY_l);
  g_assert_cmpuint (wm_diagram_get_n_links (fixture->diagram), ==, 2);
  collect_labels (GTK_WIDGET (fixture->window->toasts), toasts);
  g_assert_nonnull (strstr (toasts->str, "No link of this diagram can run from “Use case” to "
                                         "“Note”"));

  /* Enter on a link tool of the palette links the two with that type. */
  tab_until (fixture, pay_id, TRUE);
  wm_xtest_key (GDK_KEY_Shift_L, TRUE);
  press_with (GDK_KEY_Alt_L, GDK_KEY_Right);
  wm_xtest_key (GDK_KEY_Shift_L, FALSE);
  f6_to_palette (fixture);
  tab_to_tool (fixture, "generalization");
  press (GDK_KEY_Return);
  g_assert_cmpuint (wm_diagram_get_n_links (fixture->diagram), ==, 3);
  link = selected_one (fixture);
  g_assert_cmpstr (link->type->id, ==, "generalization");
  g_assert_cmpstr (link->source, ==, pay_id);
  g_assert_cmpstr (link->target, ==, order_id);
  g_assert_true (focus_widget (fixture) == GTK_WIDGET (fixture->canvas));
}

/* Layout-placed notations: a note goes into the block of the selected
 * note, and with nothing selected into the first block; a journey's card
 * into the selected card's cell, a KPI into its stage's KPI cell. */

static void
sample_set_up (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->project = wm_test_load_sample ();
  fixture->diagram = NULL;
  for (guint i = 0; i < wm_project_get_n_diagrams (fixture->project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (fixture->project, i);

      if (fixture->diagram == NULL &&
          g_str_equal (wm_diagram_get_notation (diagram)->id, (const char *) data))
        fixture->diagram = diagram;
    }
  g_assert_nonnull (fixture->diagram);
  fixture->window = wm_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  wm_window_set_project (fixture->window, fixture->project);
  wm_window_show_diagram (fixture->window, fixture->diagram);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wm_test_wait_until_drawn (GTK_WIDGET (fixture->window));
  fixture->canvas = WM_CANVAS (wm_window_get_canvas (fixture->window));
  wm_xtest_focus_window (GTK_WINDOW (fixture->window));
  wm_xtest_settle ();
}

/* The first node of @type_id whose choice @prop is @value (any, when NULL). */
static WmItem *
first_node (Fixture    *fixture,
            const char *type_id,
            const char *prop,
            const char *value)
{
  for (guint i = 0; i < wm_diagram_get_n_items (fixture->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (fixture->diagram, i);

      if (g_str_equal (item->type->id, type_id) &&
          (prop == NULL || g_strcmp0 (wm_item_get_choice (item, prop), value) == 0))
        return item;
    }
  g_error ("no %s in the sample", type_id);
}

static void
test_into_block (Fixture       *fixture,
                 gconstpointer  data)
{
  const WmBoard *board = wm_board_get (fixture->diagram);
  g_autofree char *block = NULL;
  WmItem *chosen, *note;

  /* A note of the last block, so that "the first block" tells apart. */
  chosen = first_node (fixture, "note", "block", "revenue-streams");
  block = g_strdup (wm_item_get_choice (chosen, "block"));
  wm_canvas_select (fixture->canvas, (const char *const[]) { chosen->id, NULL });
  note = add_from_palette (fixture, "note", "Tips");
  g_assert_cmpstr (wm_item_get_choice (note, "block"), ==, block);
  g_assert_cmpuint (wm_board_area_of (board, note), ==, wm_board_area_from_id (board, block));
  /* Nothing selected (Escape): the first block. */
  press (GDK_KEY_Escape);
  g_assert_null (selected_or_null (fixture));
  note = add_from_palette (fixture, "note", "Roasters");
  g_assert_cmpuint (wm_board_area_of (board, note), ==, 0);
}

static void
test_into_cell (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *stage = NULL;
  g_autofree char *lane = NULL;
  WmItem *chosen, *card, *kpi;

  chosen = first_node (fixture, "card", NULL, NULL);
  stage = g_strdup (wm_item_get_string (chosen, "stage"));
  lane = g_strdup (wm_item_get_string (chosen, "lane"));
  wm_canvas_select (fixture->canvas, (const char *const[]) { chosen->id, NULL });
  card = add_from_palette (fixture, "card", "Queue");
  g_assert_cmpstr (wm_item_get_string (card, "stage"), ==, stage);
  g_assert_cmpstr (wm_item_get_string (card, "lane"), ==, lane);
  /* The new card is selected: a KPI goes into the KPI lane of its stage. */
  kpi = add_from_palette (fixture, "kpi", "Wait");
  g_assert_cmpstr (wm_item_get_string (kpi, "stage"), ==, stage);
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
      g_test_add_func ("/keyboard/needs-x11", test_needs_x11);
      return g_test_run ();
    }
#define ADD(path, fn) \
  g_test_add ("/keyboard/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("keyboard-only", test_keyboard_only);
  ADD ("connect-offers-types", test_connect_offers_types);
#undef ADD
  g_test_add ("/keyboard/palette-into-block", Fixture, "business-model-canvas", sample_set_up,
              test_into_block, fixture_tear_down);
  g_test_add ("/keyboard/palette-into-cell", Fixture, "customer-journey", sample_set_up,
              test_into_cell, fixture_tear_down);
  return g_test_run ();
}
