/* test-bmc.c — the Business Model Canvas: the flow of notes, the header fields, the legend
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures are worked out by hand from the measures in wm-bmc.h on the
 * notation's default canvas of 1600 x 1000: columns 320 wide, eighths of
 * the height 125 high; a block's notes flow from 14 inside its sides and 48
 * below its top, 24 apart in a row and 16 between rows.
 */
#include "config.h"

#include "waymark-model.h"

typedef struct
{
  WmProject *project;
  WmDiagram *diagram;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->project = wm_project_new ();
  fixture->diagram = wm_project_add_diagram (fixture->project, "business-model-canvas", "Canvas",
                                             &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->project);
}

static WmItem *
add_note (Fixture    *fixture,
          const char *block,
          double      width,
          double      height)
{
  g_autoptr(GError) error = NULL;
  /* Far from where the flow puts it, so that a note left at its bounds shows. */
  WmRect bounds = { 3000, 3000, width, height };
  WmItem *item = wm_diagram_add_node (fixture->diagram, "note", &bounds, "Note", &error);

  g_assert_no_error (error);
  g_assert_true (wm_diagram_set_property (fixture->diagram, item->id, "block", block, &error));
  g_assert_no_error (error);
  return item;
}

static void
assert_place (const WmBoardLayout *layout,
              const WmItem      *item,
              double             x,
              double             y,
              double             width,
              double             height)
{
  WmRect rect;

  g_assert_true (wm_board_layout_item_rect (layout, item, &rect));
  g_assert_cmpfloat_with_epsilon (rect.x, x, 1e-9);
  g_assert_cmpfloat_with_epsilon (rect.y, y, 1e-9);
  g_assert_cmpfloat_with_epsilon (rect.width, width, 1e-9);
  g_assert_cmpfloat_with_epsilon (rect.height, height, 1e-9);
}

static void
test_geometry (Fixture       *fixture,
               gconstpointer  data)
{
  WmRect rect;
  double width, height;

  wm_bmc_canvas_size (fixture->diagram, &width, &height);
  g_assert_cmpfloat (width, ==, 1600);
  g_assert_cmpfloat (height, ==, 1000);
  /* Channels: the fourth column, the lower half of the top band. */
  wm_bmc_content_rect (WM_BMC_CHANNELS, width, height, &rect);
  g_assert_cmpfloat (rect.x, ==, 960 + 14);
  g_assert_cmpfloat (rect.y, ==, 375 + 48);
  g_assert_cmpfloat (rect.width, ==, 320 - 28);
  g_assert_cmpfloat (rect.height, ==, 375 - 48 - 14);
  g_assert_cmpint (wm_bmc_block_at (width, height, 1000, 400), ==, WM_BMC_CHANNELS);
  g_assert_cmpint (wm_bmc_block_at (width, height, 799, 760), ==, WM_BMC_COST_STRUCTURE);
  g_assert_cmpint (wm_bmc_block_at (width, height, 800, 760), ==, WM_BMC_REVENUE_STREAMS);
  g_assert_cmpint (wm_bmc_block_at (width, height, 800, 1000), ==, WM_BMC_N_BLOCKS);
  g_assert_null (wm_board_layout_new (wm_project_add_diagram (fixture->project, "use-case", "Uc",
                                                            NULL)));
}

/* Two notes of 120 fit a row of 292 (120 + 24 + 120 = 264); the third wraps.
 * The widest row, 264, is centred: 14 on each side within the content. */
static void
test_flow_wraps (Fixture       *fixture,
                 gconstpointer  data)
{
  WmItem *a = add_note (fixture, "key-partners", 120, 80);
  WmItem *b = add_note (fixture, "key-partners", 120, 80);
  WmItem *c = add_note (fixture, "key-partners", 120, 80);
  WmItem *lone = add_note (fixture, "channels", 120, 80);
  g_autoptr(WmBoardLayout) layout = wm_board_layout_new (fixture->diagram);

  assert_place (layout, a, 28, 48, 120, 80);
  assert_place (layout, b, 172, 48, 120, 80);
  assert_place (layout, c, 28, 144, 120, 80);
  /* Alone in its row: centred, (292 - 120) / 2 = 86 in. */
  assert_place (layout, lone, 974 + 86, 423, 120, 80);
  g_assert_false (wm_board_layout_overflows (layout, WM_BMC_KEY_PARTNERS));
}

/* The flow follows the z-order, and changes with it. */
static void
test_flow_order (Fixture       *fixture,
                 gconstpointer  data)
{
  WmItem *a = add_note (fixture, "key-partners", 120, 80);
  WmItem *b = add_note (fixture, "key-partners", 120, 80);
  WmItem *c = add_note (fixture, "key-partners", 120, 80);
  g_autoptr(WmBoardLayout) layout = NULL;

  g_assert_true (wm_diagram_restack (fixture->diagram, c->id, 0));
  layout = wm_board_layout_new (fixture->diagram);
  assert_place (layout, c, 28, 48, 120, 80);
  assert_place (layout, a, 172, 48, 120, 80);
  assert_place (layout, b, 28, 144, 120, 80);
}

/* A pinned note keeps its bounds and leaves its place in the flow to the next. */
static void
test_flow_pinned (Fixture       *fixture,
                  gconstpointer  data)
{
  WmItem *a = add_note (fixture, "key-partners", 120, 80);
  WmItem *b = add_note (fixture, "key-partners", 120, 80);
  WmItem *c = add_note (fixture, "key-partners", 120, 80);
  g_autoptr(WmBoardLayout) layout = NULL;
  WmRect rect;

  g_assert_true (wm_diagram_set_bounds (fixture->diagram, a->id, &(WmRect) { 100, 400, 130, 90 }));
  g_assert_true (wm_diagram_set_property (fixture->diagram, a->id, "pinned", "true", NULL));
  layout = wm_board_layout_new (fixture->diagram);
  g_assert_false (wm_board_layout_item_rect (layout, a, &rect));
  g_assert_cmpfloat (rect.x, ==, 100);
  g_assert_cmpfloat (rect.y, ==, 400);
  g_assert_cmpfloat (rect.width, ==, 130);
  assert_place (layout, b, 28, 48, 120, 80);
  assert_place (layout, c, 172, 48, 120, 80);
}

/* A wider first note pushes the second to the next row (200 + 24 + 120 >
 * 292); a taller one makes its row taller. Rows stay left-aligned. */
static void
test_flow_resize (Fixture       *fixture,
                  gconstpointer  data)
{
  WmItem *a = add_note (fixture, "key-partners", 120, 80);
  WmItem *b = add_note (fixture, "key-partners", 120, 80);
  WmItem *c = add_note (fixture, "key-partners", 120, 80);
  g_autoptr(WmBoardLayout) before = wm_board_layout_new (fixture->diagram);
  g_autoptr(WmBoardLayout) after = NULL;

  assert_place (before, b, 172, 48, 120, 80);
  g_assert_true (wm_diagram_set_bounds (fixture->diagram, a->id,
                                        &(WmRect) { 3000, 3000, 200, 120 }));
  after = wm_board_layout_new (fixture->diagram);
  assert_place (after, a, 28, 48, 200, 120);
  assert_place (after, b, 28, 48 + 120 + 16, 120, 80);
  assert_place (after, c, 172, 48 + 120 + 16, 120, 80);
}

/* A note wider than the block is cut to its width and has a row to itself. */
static void
test_flow_clamp (Fixture       *fixture,
                 gconstpointer  data)
{
  WmItem *a = add_note (fixture, "key-partners", 120, 80);
  WmItem *wide = add_note (fixture, "key-partners", 500, 60);
  g_autoptr(WmBoardLayout) layout = wm_board_layout_new (fixture->diagram);

  assert_place (layout, a, 14, 48, 120, 80);
  assert_place (layout, wide, 14, 144, 292, 60);
}

/* Key activities is 375 high: its content 313. Rows of 80 start 96 apart,
 * so three rows (bottom at 272) fit and the fourth (bottom at 368) does not;
 * it is still placed, below, and the block says it overflows. */
static void
test_flow_overflow (Fixture       *fixture,
                    gconstpointer  data)
{
  WmItem *last = NULL;

  for (guint i = 0; i < 6; i++)
    add_note (fixture, "key-activities", 120, 80);
  {
    g_autoptr(WmBoardLayout) layout = wm_board_layout_new (fixture->diagram);

    g_assert_false (wm_board_layout_overflows (layout, WM_BMC_KEY_ACTIVITIES));
  }
  last = add_note (fixture, "key-activities", 120, 80);
  {
    g_autoptr(WmBoardLayout) layout = wm_board_layout_new (fixture->diagram);

    g_assert_true (wm_board_layout_overflows (layout, WM_BMC_KEY_ACTIVITIES));
    g_assert_false (wm_board_layout_overflows (layout, WM_BMC_KEY_RESOURCES));
    assert_place (layout, last, 320 + 28, 48 + 3 * 96, 120, 80);
  }
}

/* An item the layout has not seen keeps its bounds. */
static void
test_flow_stale (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(WmBoardLayout) layout = wm_board_layout_new (fixture->diagram);
  WmItem *late = add_note (fixture, "channels", 120, 80);
  WmRect rect;

  g_assert_false (wm_board_layout_item_rect (layout, late, &rect));
  g_assert_cmpfloat (rect.x, ==, 3000);
}

/* The header fields: "designed by" runs from 0.36 of the width (576) to 24
 * before "date" at 0.72 (1152). */
static void
test_header (Fixture       *fixture,
             gconstpointer  data)
{
  WmRect rect;

  g_assert_cmpstr (wm_bmc_header_field_at (1600, 600, -30, &rect), ==, "designed-by");
  g_assert_cmpfloat (rect.x, ==, 576);
  g_assert_cmpfloat (rect.width, ==, 1152 - 24 - 576);
  g_assert_cmpfloat (rect.y, ==, WM_BMC_HEADER_TOP);
  g_assert_cmpstr (wm_bmc_header_field_at (1600, 10, -59, NULL), ==, "designed-for");
  g_assert_cmpstr (wm_bmc_header_field_at (1600, 1599, -20, NULL), ==, "version");
  g_assert_null (wm_bmc_header_field_at (1600, 1140, -30, NULL));
  g_assert_null (wm_bmc_header_field_at (1600, 600, 10, NULL));
  g_assert_null (wm_bmc_header_field_at (1600, 600, -61, NULL));
}

/* Six slots of 240 fit 1600; the seventh entry starts a second row. */
static void
test_legend (Fixture       *fixture,
             gconstpointer  data)
{
  static const char *const colors[] = { "ffd6a5", "a0c4ff", "caffbf", "fff4a3", "ffadad",
                                        "bdb2ff", "9bf6ff" };
  const WmListEntry *entry;
  WmRect rect;
  guint index = 99;

  g_assert_cmpuint (wm_bmc_legend_n_rows (fixture->diagram), ==, 0);
  g_assert_false (wm_bmc_legend_entry_rect (fixture->diagram, 0, &rect));
  for (guint i = 0; i < 4; i++)
    g_assert_true (wm_diagram_list_insert (fixture->diagram, "legend", i, colors[i], colors[i],
                                           NULL));
  g_assert_cmpuint (wm_bmc_legend_n_rows (fixture->diagram), ==, 1);
  g_assert_true (wm_bmc_legend_entry_rect (fixture->diagram, 2, &rect));
  g_assert_cmpfloat (rect.x, ==, 480);
  g_assert_cmpfloat (rect.y, ==, 1016);
  g_assert_cmpfloat (rect.width, ==, 240);
  entry = wm_bmc_legend_entry_at (fixture->diagram, 490, 1020, &index);
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->id, ==, "caffbf");
  g_assert_cmpuint (index, ==, 2);
  g_assert_null (wm_bmc_legend_entry_at (fixture->diagram, 1000, 1020, NULL));
  g_assert_null (wm_bmc_legend_entry_at (fixture->diagram, 10, 1010, NULL));

  for (guint i = 4; i < G_N_ELEMENTS (colors); i++)
    g_assert_true (wm_diagram_list_insert (fixture->diagram, "legend", i, colors[i], colors[i],
                                           NULL));
  g_assert_cmpuint (wm_bmc_legend_n_rows (fixture->diagram), ==, 2);
  g_assert_true (wm_bmc_legend_entry_rect (fixture->diagram, 6, &rect));
  g_assert_cmpfloat (rect.x, ==, 0);
  g_assert_cmpfloat (rect.y, ==, 1016 + 24);
  entry = wm_bmc_legend_entry_at (fixture->diagram, 5, 1045, NULL);
  g_assert_cmpstr (entry->id, ==, "9bf6ff");
  /* The 1600 - 1440 left over past the sixth slot belongs to no entry. */
  g_assert_null (wm_bmc_legend_entry_at (fixture->diagram, 1500, 1020, NULL));

  g_assert_true (wm_legend_color_matches ("#FFD6A5", "ffd6a5"));
  g_assert_false (wm_legend_color_matches ("#ffd6a4", "ffd6a5"));
  g_assert_false (wm_legend_color_matches (NULL, "ffd6a5"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/bmc/geometry", test_geometry);
  ADD ("/bmc/flow/wraps", test_flow_wraps);
  ADD ("/bmc/flow/order", test_flow_order);
  ADD ("/bmc/flow/pinned", test_flow_pinned);
  ADD ("/bmc/flow/resize", test_flow_resize);
  ADD ("/bmc/flow/clamp", test_flow_clamp);
  ADD ("/bmc/flow/overflow", test_flow_overflow);
  ADD ("/bmc/flow/stale", test_flow_stale);
  ADD ("/bmc/header", test_header);
  ADD ("/bmc/legend", test_legend);
#undef ADD

  return g_test_run ();
}
