/* test-journey.c — the customer journey layout: cells, stacks, growing lanes, the emotion curve
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "waymark-model.h"
#include "wm-test-util.h"

/* A new journey has the notation's default lists: five stages (awareness,
 * consideration, decision, retention, advocacy) and nine lanes (actions,
 * touchpoints, channels, thoughts, emotions, pain-points, opportunities,
 * kpis, backstage). */
#define N_STAGES 5
#define N_LANES 9
#define EMOTION_LANE 4
#define KPI_LANE 7

static WmItem *
add (WmDiagram  *diagram,
     const char *type,
     double      width,
     double      height,
     const char *stage,
     const char *lane)
{
  g_autoptr(GError) error = NULL;
  WmRect bounds = { 5000, 5000, width, height };
  WmItem *item = wm_diagram_add_node (diagram, type, &bounds, type, &error);

  g_assert_no_error (error);
  if (stage != NULL)
    g_assert_true (wm_diagram_set_property (diagram, item->id, "stage", stage, NULL));
  if (lane != NULL)
    g_assert_true (wm_diagram_set_property (diagram, item->id, "lane", lane, NULL));
  return item;
}

static WmItem *
add_emotion (WmDiagram  *diagram,
             const char *stage,
             const char *score)
{
  WmItem *item = add (diagram, "emotion", 24, 24, stage, NULL);

  g_assert_true (wm_diagram_set_property (diagram, item->id, "score", score, NULL));
  return item;
}

static WmRect
rect_of (const WmJourneyLayout *layout,
         const WmItem          *item)
{
  WmRect rect;

  g_assert_true (wm_journey_layout_item_rect (layout, item, &rect));
  return rect;
}

static void
test_grid (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (diagram);

  g_assert_cmpuint (layout->n_stages, ==, N_STAGES);
  g_assert_cmpuint (layout->n_lanes, ==, N_LANES);
  g_assert_cmpint (layout->emotion_lane, ==, EMOTION_LANE);
  g_assert_cmpint (layout->kpi_lane, ==, KPI_LANE);
  g_assert_cmpfloat (layout->grid.x, ==, WM_JOURNEY_GRID_X);
  g_assert_cmpfloat (layout->grid.y, ==, WM_JOURNEY_GRID_Y);
  g_assert_cmpfloat (layout->grid.width, ==, N_STAGES * WM_JOURNEY_COLUMN_WIDTH);
  /* The emotion lane starts a little taller than the others. */
  g_assert_cmpfloat (layout->grid.height, ==,
                     (N_LANES - 1) * WM_JOURNEY_ROW_HEIGHT + WM_JOURNEY_EMOTION_HEIGHT);
  g_assert_cmpfloat (layout->lanes[EMOTION_LANE].rect.height, ==, WM_JOURNEY_EMOTION_HEIGHT);

  /* Stages in list order left to right, with their headers above the grid;
   * lanes top to bottom, with their labels left of it; the header band on top. */
  g_assert_cmpstr (layout->stages[2].id, ==, "decision");
  g_assert_cmpfloat (layout->stages[2].rect.x, ==, WM_JOURNEY_GRID_X + 2 * WM_JOURNEY_COLUMN_WIDTH);
  g_assert_cmpfloat (layout->stages[2].header.y + layout->stages[2].header.height, <=,
                     layout->grid.y);
  g_assert_cmpstr (layout->lanes[1].id, ==, "touchpoints");
  g_assert_cmpfloat (layout->lanes[1].rect.y, ==, WM_JOURNEY_GRID_Y + WM_JOURNEY_ROW_HEIGHT);
  g_assert_cmpfloat (layout->lanes[1].header.x + layout->lanes[1].header.width, ==,
                     layout->grid.x);
  g_assert_cmpfloat (layout->lanes[1].header.width, ==, WM_JOURNEY_LABEL_WIDTH);
  g_assert_cmpfloat (layout->header.y + layout->header.height, <=, layout->stages[0].header.y);
  g_assert_cmpfloat (layout->persona.x + layout->persona.width, ==, layout->scenario.x);
  g_assert_true (wm_rect_is_empty (&layout->expectations));
}

static void
test_cell_at (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (diagram);
  const char *stage = NULL, *lane = NULL;

  g_assert_true (wm_journey_layout_cell_at (layout, layout->grid.x + 2.5 * WM_JOURNEY_COLUMN_WIDTH,
                                            layout->grid.y + 1.5 * WM_JOURNEY_ROW_HEIGHT,
                                            &stage, &lane));
  g_assert_cmpstr (stage, ==, "decision");
  g_assert_cmpstr (lane, ==, "touchpoints");
  g_assert_true (wm_journey_layout_cell_at (layout, layout->grid.x,
                                            layout->grid.y + layout->grid.height - 0.01,
                                            &stage, &lane));
  g_assert_cmpstr (stage, ==, "awareness");
  g_assert_cmpstr (lane, ==, "backstage");
  g_assert_false (wm_journey_layout_cell_at (layout, layout->grid.x - 1, layout->grid.y + 10,
                                             NULL, NULL));
  g_assert_false (wm_journey_layout_cell_at (layout, layout->grid.x + 10,
                                             layout->grid.y + layout->grid.height, NULL, NULL));
}

static void
test_card_placement (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  WmItem *card = add (diagram, "card", 180, 80, "decision", "touchpoints");
  WmItem *wide = add (diagram, "card", 400, 50, "retention", "actions");
  WmItem *sized = add (diagram, "card", 0, 0, "advocacy", "actions");
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (diagram);
  WmRect cell, rect = rect_of (layout, card);
  int stage, lane;

  g_assert_true (wm_journey_layout_cell_rect (layout, 2, 1, &cell));
  g_assert_cmpfloat (rect.width, ==, 180);
  g_assert_cmpfloat (rect.height, ==, 80);
  g_assert_cmpfloat (rect.x, ==, cell.x + (cell.width - 180) / 2);
  g_assert_cmpfloat (rect.y, ==, cell.y + WM_JOURNEY_PADDING);
  g_assert_true (wm_journey_layout_item_cell (layout, card, &stage, &lane));
  g_assert_cmpint (stage, ==, 2);
  g_assert_cmpint (lane, ==, 1);

  /* No card is wider than its column's inside; an empty size is the type's default. */
  rect = rect_of (layout, wide);
  g_assert_cmpfloat (rect.width, ==, WM_JOURNEY_COLUMN_WIDTH - 2 * WM_JOURNEY_PADDING);
  g_assert_cmpfloat (rect.x, ==, layout->stages[3].rect.x + WM_JOURNEY_PADDING);
  rect = rect_of (layout, sized);
  g_assert_cmpfloat (rect.width, ==, sized->type->width);
  g_assert_cmpfloat (rect.height, ==, sized->type->height);
}

static void
test_stacking (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  WmItem *first = add (diagram, "card", 180, 40, "awareness", "thoughts");
  WmItem *second = add (diagram, "card", 180, 30, "awareness", "thoughts");
  WmItem *elsewhere = add (diagram, "card", 180, 30, "consideration", "thoughts");
  WmJourneyLayout *layout = wm_journey_layout_new (diagram);
  WmRect a = rect_of (layout, first), b = rect_of (layout, second);

  /* The stack runs down in z-order, one gap apart; other cells start afresh. */
  g_assert_cmpfloat (a.y, ==, layout->lanes[3].rect.y + WM_JOURNEY_PADDING);
  g_assert_cmpfloat (b.y, ==, a.y + a.height + WM_JOURNEY_GAP);
  g_assert_cmpfloat (rect_of (layout, elsewhere).y, ==, a.y);
  g_clear_pointer (&layout, wm_journey_layout_free);

  /* Raising the first card to the top of the z-order puts it under the second. */
  g_assert_true (wm_diagram_restack (diagram, first->id, G_MAXUINT));
  layout = wm_journey_layout_new (diagram);
  a = rect_of (layout, first);
  b = rect_of (layout, second);
  g_assert_cmpfloat (b.y, ==, layout->lanes[3].rect.y + WM_JOURNEY_PADDING);
  g_assert_cmpfloat (a.y, ==, b.y + b.height + WM_JOURNEY_GAP);

  /* KPIs stack in the KPI lane at their stage. */
  {
    WmItem *kpi = add (diagram, "kpi", 150, 70, "decision", NULL);
    WmItem *card = add (diagram, "card", 150, 50, "decision", "kpis");

    g_clear_pointer (&layout, wm_journey_layout_free);
    layout = wm_journey_layout_new (diagram);
    a = rect_of (layout, kpi);
    b = rect_of (layout, card);
    g_assert_cmpfloat (a.y, ==, layout->lanes[KPI_LANE].rect.y + WM_JOURNEY_PADDING);
    g_assert_cmpfloat (a.x, ==, layout->stages[2].rect.x + (WM_JOURNEY_COLUMN_WIDTH - 150) / 2);
    g_assert_cmpfloat (b.y, ==, a.y + 70 + WM_JOURNEY_GAP);
  }
  wm_journey_layout_free (layout);
}

static void
test_lane_grows (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  g_autoptr(WmJourneyLayout) layout = NULL;
  double tallest = 2 * WM_JOURNEY_PADDING + 3 * 60 + 2 * WM_JOURNEY_GAP;
  WmItem *below;

  for (guint i = 0; i < 3; i++)
    add (diagram, "card", 180, 60, "retention", "channels");
  add (diagram, "card", 180, 60, "awareness", "channels");
  below = add (diagram, "card", 180, 60, "awareness", "thoughts");
  layout = wm_journey_layout_new (diagram);

  /* The lane of the stack of three grows to fit it, and pushes the lanes below down. */
  g_assert_cmpfloat (layout->lanes[2].rect.height, ==, tallest);
  g_assert_cmpfloat (layout->lanes[2].header.height, ==, tallest);
  g_assert_cmpfloat (layout->lanes[1].rect.height, ==, WM_JOURNEY_ROW_HEIGHT);
  g_assert_cmpfloat (layout->lanes[3].rect.y, ==, layout->lanes[2].rect.y + tallest);
  g_assert_cmpfloat (layout->stages[0].rect.height, ==,
                     (N_LANES - 2) * WM_JOURNEY_ROW_HEIGHT + WM_JOURNEY_EMOTION_HEIGHT + tallest);
  g_assert_cmpfloat (rect_of (layout, below).y, ==, layout->lanes[3].rect.y + WM_JOURNEY_PADDING);
  g_assert_cmpfloat (layout->bounds.y + layout->bounds.height, ==,
                     layout->grid.y + layout->grid.height);
}

static void
test_emotions (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  WmItem *top = add_emotion (diagram, "awareness", "2");
  WmItem *neutral = add_emotion (diagram, "consideration", "0");
  WmItem *bottom = add_emotion (diagram, "decision", "-2");
  WmItem *half = add_emotion (diagram, "retention", "1");
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (diagram);
  const WmRect *row = &layout->lanes[EMOTION_LANE].rect;
  WmRect rect = rect_of (layout, neutral);
  double zero = wm_journey_layout_score_y (layout, 0);
  double plus_two = wm_journey_layout_score_y (layout, 2);

  /* At the centre of the stage's column, on the neutral line at the lane's middle. */
  g_assert_cmpfloat (zero, ==, row->y + row->height / 2);
  g_assert_cmpfloat (rect.x + rect.width / 2, ==,
                     layout->stages[1].rect.x + WM_JOURNEY_COLUMN_WIDTH / 2);
  g_assert_cmpfloat (rect.y + rect.height / 2, ==, zero);

  /* +2 at the top of the lane, inside its padding; -2 as far below; 1 half way
   * up; the only point of its stage at the column's centre. */
  rect = rect_of (layout, top);
  g_assert_cmpfloat (rect.x + rect.width / 2, ==,
                     layout->stages[0].rect.x + WM_JOURNEY_COLUMN_WIDTH / 2);
  g_assert_cmpfloat (rect.y, ==, row->y + WM_JOURNEY_PADDING);
  g_assert_cmpfloat (plus_two, ==, rect.y + rect.height / 2);
  rect = rect_of (layout, bottom);
  g_assert_cmpfloat (rect.y + rect.height, ==, row->y + row->height - WM_JOURNEY_PADDING);
  rect = rect_of (layout, half);
  g_assert_cmpfloat (rect.y + rect.height / 2, ==, (zero + plus_two) / 2);
  g_assert_cmpfloat (wm_journey_layout_score_y (layout, 7), ==, plus_two);
}

static void
test_emotion_curve (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  WmItem *first = add_emotion (diagram, "awareness", "2");
  WmItem *neutral = add_emotion (diagram, "consideration", "0");
  WmItem *half = add_emotion (diagram, "retention", "1");
  WmItem *later = add_emotion (diagram, "retention", "-1");
  WmItem *early = add_emotion (diagram, "awareness", "0.5");
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (diagram);
  WmRect rect;

  /* Two points in one stage share its column, left one first in z-order. */
  g_assert_cmpfloat (rect_of (layout, half).x, <, rect_of (layout, later).x);
  rect = rect_of (layout, later);
  g_assert_cmpfloat (rect.x + rect.width / 2, ==,
                     layout->stages[3].rect.x + 2 * WM_JOURNEY_COLUMN_WIDTH / 3);

  /* The curve runs through the points by stage, then by z-order. */
  g_assert_cmpuint (layout->emotions->len, ==, 5);
  g_assert_true (g_ptr_array_index (layout->emotions, 0) == first);
  g_assert_true (g_ptr_array_index (layout->emotions, 1) == early);
  g_assert_true (g_ptr_array_index (layout->emotions, 2) == neutral);
  g_assert_true (g_ptr_array_index (layout->emotions, 4) == later);
}

static void
test_unplaced_items (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  WmItem *lost = add (diagram, "card", 180, 80, "nowhere", "actions");
  WmItem *laneless = add (diagram, "card", 180, 80, "awareness", "nowhere");
  WmItem *bare = add (diagram, "card", 180, 80, NULL, NULL);
  WmItem *placed = add (diagram, "card", 180, 80, "awareness", "actions");
  WmItem *emotion = add_emotion (diagram, "awareness", "1");
  WmItem *kpi = add (diagram, "kpi", 150, 70, "awareness", NULL);
  WmJourneyLayout *layout = wm_journey_layout_new (diagram);
  WmItem *unplaced[] = { lost, laneless, bare };
  WmRect rect;
  int stage, lane;

  /* A card whose stage or lane is not in the lists keeps its stored bounds,
   * and takes no room in a stack. */
  for (guint i = 0; i < G_N_ELEMENTS (unplaced); i++)
    {
      g_assert_false (wm_journey_layout_item_rect (layout, unplaced[i], &rect));
      g_assert_cmpmem (&rect, sizeof rect, &unplaced[i]->bounds, sizeof rect);
      g_assert_false (wm_journey_layout_item_cell (layout, unplaced[i], &stage, &lane));
      g_assert_cmpint (stage, ==, -1);
    }
  g_assert_cmpfloat (rect_of (layout, placed).y, ==, layout->grid.y + WM_JOURNEY_PADDING);
  g_clear_pointer (&layout, wm_journey_layout_free);

  /* Without their lanes, emotion points and KPIs keep their bounds too. */
  g_assert_true (wm_diagram_list_remove (diagram, "lanes", "emotions"));
  g_assert_true (wm_diagram_list_remove (diagram, "lanes", "kpis"));
  layout = wm_journey_layout_new (diagram);
  g_assert_cmpint (layout->emotion_lane, ==, -1);
  g_assert_cmpint (layout->kpi_lane, ==, -1);
  g_assert_false (wm_journey_layout_item_rect (layout, emotion, &rect));
  g_assert_false (wm_journey_layout_item_rect (layout, kpi, &rect));
  g_assert_cmpuint (layout->emotions->len, ==, 0);
  g_assert_true (wm_journey_layout_item_rect (layout, placed, &rect));
  wm_journey_layout_free (layout);
}

static void
test_empty_lists_and_other_notations (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  WmDiagram *canvas = wm_project_add_diagram (project, "business-model-canvas", "Canvas", NULL);
  g_autoptr(WmJourneyLayout) layout = NULL;
  WmItem *card = add (diagram, "card", 180, 80, "awareness", "actions");
  const char *stages[] = { "awareness", "consideration", "decision", "retention", "advocacy" };

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    g_assert_true (wm_diagram_list_remove (diagram, "stages", stages[i]));
  layout = wm_journey_layout_new (diagram);
  g_assert_cmpuint (layout->n_stages, ==, 0);
  g_assert_true (wm_rect_is_empty (&layout->grid));
  g_assert_false (wm_rect_is_empty (&layout->header));
  g_assert_false (wm_journey_layout_cell_at (layout, layout->grid.x, layout->grid.y, NULL, NULL));
  g_assert_false (wm_journey_layout_item_rect (layout, card, &(WmRect) { 0 }));

  g_assert_null (wm_journey_layout_new (canvas));
}

/* A new journey gets the stages and lanes analysts start from, in order. */
static void
test_default_lists (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  static const char *const stages[] = { "awareness", "consideration", "decision", "retention",
                                        "advocacy" };
  static const char *const lanes[] = { "actions", "touchpoints", "channels", "thoughts",
                                       "emotions", "pain-points", "opportunities", "kpis",
                                       "backstage" };
  GPtrArray *entries = wm_diagram_get_list (diagram, "stages");

  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (stages));
  for (guint i = 0; i < entries->len; i++)
    {
      WmListEntry *entry = g_ptr_array_index (entries, i);

      g_assert_cmpstr (entry->id, ==, stages[i]);
      g_assert_false (wm_str_is_blank (entry->label));
    }
  entries = wm_diagram_get_list (diagram, "lanes");
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (lanes));
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpstr (((WmListEntry *) g_ptr_array_index (entries, i))->id, ==, lanes[i]);
  g_assert_cmpstr (wm_diagram_find_entry (diagram, "stages", "awareness")->label, ==,
                   "Awareness");
  /* Each diagram owns its lists: editing one leaves a second one alone. */
  g_assert_true (wm_diagram_list_remove (diagram, "stages", "decision"));
  g_assert_cmpuint (wm_diagram_get_list (wm_test_add_diagram (project, "customer-journey", "Journey"), "stages")->len, ==,
                    G_N_ELEMENTS (stages));
}

/* score_at() undoes score_y() inside the lane and clamps outside it. */
static void
test_score_at (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  g_autoptr(WmJourneyLayout) layout = NULL;
  const WmRect *row;

  /* A taller emotion lane (a card stacked in it) changes the scale; the
   * inverse follows. */
  add (diagram, "card", 150, 200, "awareness", "emotions");
  layout = wm_journey_layout_new (diagram);
  row = &layout->lanes[EMOTION_LANE].rect;
  g_assert_cmpfloat (row->height, >, WM_JOURNEY_EMOTION_HEIGHT);
  for (double score = -2; score <= 2; score += 0.25)
    g_assert_cmpfloat (fabs (wm_journey_layout_score_at (layout,
                                                         wm_journey_layout_score_y (layout, score))
                             - score), <, 1e-9);
  g_assert_cmpfloat (wm_journey_layout_score_at (layout, row->y - 500), ==, 2);
  g_assert_cmpfloat (wm_journey_layout_score_at (layout, row->y + row->height + 500), ==, -2);
  g_assert_cmpfloat (wm_journey_layout_score_at (layout, row->y + row->height / 2), ==, 0);

  /* Without an emotion lane every height is neutral. */
  g_assert_true (wm_diagram_list_remove (diagram, "lanes", WM_JOURNEY_EMOTION_LANE));
  g_clear_pointer (&layout, wm_journey_layout_free);
  layout = wm_journey_layout_new (diagram);
  g_assert_cmpfloat (wm_journey_layout_score_at (layout, 300), ==, 0);
}

/* Columns by x anywhere in the grid's width; headers and labels by point. */
static void
test_stage_and_header_hits (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (diagram);
  const WmRect *header = &layout->stages[3].header;
  const WmRect *label = &layout->lanes[5].header;

  g_assert_cmpint (wm_journey_layout_stage_at (layout, layout->grid.x - 1), ==, -1);
  g_assert_cmpint (wm_journey_layout_stage_at (layout, layout->grid.x), ==, 0);
  g_assert_cmpint (wm_journey_layout_stage_at (layout, layout->stages[3].rect.x + 5), ==, 3);
  g_assert_cmpint (wm_journey_layout_stage_at (layout, layout->grid.x + layout->grid.width), ==,
                   -1);

  g_assert_cmpint (wm_journey_layout_stage_header_at (layout, header->x + 10,
                                                      header->y + header->height / 2), ==, 3);
  /* The header's column below it is a cell, not the header. */
  g_assert_cmpint (wm_journey_layout_stage_header_at (layout, header->x + 10,
                                                      layout->grid.y + 5), ==, -1);
  g_assert_cmpint (wm_journey_layout_stage_header_at (layout, header->x + 10,
                                                      header->y - 20), ==, -1);

  g_assert_cmpint (wm_journey_layout_lane_header_at (layout, label->x + 5,
                                                     label->y + label->height / 2), ==, 5);
  g_assert_cmpint (wm_journey_layout_lane_header_at (layout, layout->grid.x + 5,
                                                     label->y + label->height / 2), ==, -1);
  g_assert_cmpint (wm_journey_layout_lane_header_at (layout, label->x + 5,
                                                     layout->grid.y - 10), ==, -1);
  g_assert_cmpint (wm_journey_layout_lane_header_at (layout, label->x + 5,
                                                     layout->grid.y + layout->grid.height + 10),
                   ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/journey/layout/grid", test_grid);
  g_test_add_func ("/journey/layout/cell-at", test_cell_at);
  g_test_add_func ("/journey/layout/card-placement", test_card_placement);
  g_test_add_func ("/journey/layout/stacking", test_stacking);
  g_test_add_func ("/journey/layout/lane-grows", test_lane_grows);
  g_test_add_func ("/journey/layout/emotions", test_emotions);
  g_test_add_func ("/journey/layout/emotion-curve", test_emotion_curve);
  g_test_add_func ("/journey/layout/unplaced-items", test_unplaced_items);
  g_test_add_func ("/journey/layout/empty-lists-and-other-notations",
                   test_empty_lists_and_other_notations);
  g_test_add_func ("/journey/default-lists", test_default_lists);
  g_test_add_func ("/journey/layout/score-at", test_score_at);
  g_test_add_func ("/journey/layout/stage-and-header-hits", test_stage_and_header_hits);

  return g_test_run ();
}
