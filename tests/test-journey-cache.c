/* test-journey-cache.c — the journey's shared layout, kept until an edit, and its notes placed on demand
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * wm_journey_layout_get() keeps one layout per state of a diagram, which the
 * painter and the canvas share; the painter places the emotion points'
 * notes only when a paint or a measure first asks for one. These tests
 * check that what is kept follows every edit, that a layout handed over
 * with wm_journey_layout_keep() is the one a fresh layout would be, that
 * the counting sorts stack cards as the z-order says, and that notes placed
 * in any order of asking are where placing them all in order puts them.
 */
#include "config.h"

#include <math.h>

#include "waymark-model.h"
#include "wm-render.h"
#include "wm-render-private.h"
#include "wm-render-test-util.h"
#include "wm-test-util.h"

static const char *const stages[] = { "awareness", "consideration", "decision", "retention",
                                      "advocacy" };
static const char *const card_lanes[] = { "actions", "touchpoints", "thoughts", "pain-points",
                                          "backstage" };

static WmItem *
add (WmDiagram  *diagram,
     const char *type,
     double      height,
     const char *stage,
     const char *lane,
     const char *text)
{
  g_autoptr(GError) error = NULL;
  WmRect bounds = { 5000, 5000, 150, height };
  WmItem *item = wm_diagram_add_node (diagram, type, &bounds, text, &error);

  g_assert_no_error (error);
  if (stage != NULL)
    g_assert_true (wm_diagram_set_property (diagram, item->id, "stage", stage, NULL));
  if (lane != NULL)
    g_assert_true (wm_diagram_set_property (diagram, item->id, "lane", lane, NULL));
  return item;
}

/* A journey of @n items of every kind, in random cells, heights and
 * scores (from @rand), emotion points with notes of random length. */
static void
fill (WmDiagram *diagram,
      GRand     *rand,
      guint      n)
{
  for (guint i = 0; i < n; i++)
    {
      const char *stage = stages[g_rand_int_range (rand, 0, G_N_ELEMENTS (stages))];
      g_autofree char *text = g_strnfill (g_rand_int_range (rand, 1, 60), 'w');
      char score[16];

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          g_snprintf (score, sizeof score, "%g", g_rand_int_range (rand, -4, 5) / 2.0);
          g_assert_true (wm_diagram_set_property (diagram,
                                                  add (diagram, "emotion", 24, stage, NULL,
                                                       text)->id, "score", score, NULL));
          break;
        case 1:
          add (diagram, "kpi", g_rand_int_range (rand, 40, 90), stage, NULL, "KPI");
          break;
        default:
          add (diagram, "card", g_rand_int_range (rand, 30, 120), stage,
               card_lanes[g_rand_int_range (rand, 0, G_N_ELEMENTS (card_lanes))], "Card");
          break;
        }
    }
}

static void
assert_rects_equal (const WmRect *a,
                    const WmRect *b)
{
  g_assert_cmpfloat (a->x, ==, b->x);
  g_assert_cmpfloat (a->y, ==, b->y);
  g_assert_cmpfloat (a->width, ==, b->width);
  g_assert_cmpfloat (a->height, ==, b->height);
}

/* Every item where both layouts put it, and the same curve. */
static void
assert_layouts_equal (WmDiagram             *diagram,
                      const WmJourneyLayout *a,
                      const WmJourneyLayout *b)
{
  assert_rects_equal (&a->bounds, &b->bounds);
  assert_rects_equal (&a->grid, &b->grid);
  g_assert_cmpuint (a->emotions->len, ==, b->emotions->len);
  for (guint i = 0; i < a->emotions->len; i++)
    g_assert_true (g_ptr_array_index (a->emotions, i) == g_ptr_array_index (b->emotions, i));
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      WmRect ra, rb;

      g_assert_cmpint (wm_journey_layout_item_rect (a, item, &ra), ==,
                       wm_journey_layout_item_rect (b, item, &rb));
      assert_rects_equal (&ra, &rb);
    }
}

/* The layout kept on the diagram is shared until an edit, and the next one
 * asked for shows the edit; a reference taken before still reads the state
 * it was made for. */
static void
test_follows_edits (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  WmItem *card = add (diagram, "card", 70, "awareness", "actions", "Card");
  g_autoptr(WmJourneyLayout) before = wm_journey_layout_get (diagram);
  g_autoptr(WmJourneyLayout) again = wm_journey_layout_get (diagram);
  g_autoptr(WmJourneyLayout) after = NULL;
  g_autoptr(WmJourneyLayout) fresh = NULL;
  int stage = -1;

  g_assert_nonnull (before);
  g_assert_true (before == again);
  g_assert_true (wm_diagram_set_property (diagram, card->id, "stage", "decision", NULL));
  after = wm_journey_layout_get (diagram);
  g_assert_true (after != before);
  g_assert_true (wm_journey_layout_item_cell (after, card, &stage, NULL));
  g_assert_cmpint (stage, ==, 2);
  g_assert_true (wm_journey_layout_item_cell (before, card, &stage, NULL));
  g_assert_cmpint (stage, ==, 0);
  fresh = wm_journey_layout_new (diagram);
  assert_layouts_equal (diagram, after, fresh);

  /* Undo is an edit too. */
  g_assert_true (wm_project_undo (project));
  g_clear_pointer (&after, wm_journey_layout_free);
  after = wm_journey_layout_get (diagram);
  g_assert_true (wm_journey_layout_item_cell (after, card, &stage, NULL));
  g_assert_cmpint (stage, ==, 0);
}

/* A diagram outside a project signals no edit: it gets a new layout each time. */
static void
test_outside_project (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  g_autoptr(WmDiagram) loose = NULL;
  g_autoptr(WmJourneyLayout) a = NULL;
  g_autoptr(WmJourneyLayout) b = NULL;

  add (diagram, "card", 70, "awareness", "actions", "Card");
  loose = g_object_ref (diagram);
  g_assert_true (wm_project_remove_diagram (project, loose));
  g_assert_null (wm_diagram_get_project (loose));
  a = wm_journey_layout_get (loose);
  b = wm_journey_layout_get (loose);
  g_assert_true (a != b);
  assert_layouts_equal (loose, a, b);
}

/* What a drop does: files cards in another cell, lays out within the undo
 * group (from the layout before, reading the filed cards again) to set
 * their bounds, then keeps that layout once the group has ended. It must
 * be the layout of the state the edit left. */
static void
test_kept_after_group (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autoptr(WmJourneyLayout) within = NULL;
  g_autoptr(WmJourneyLayout) kept = NULL;
  g_autoptr(WmJourneyLayout) fresh = NULL;
  g_autoptr(GPtrArray) moved = g_ptr_array_new ();

  fill (diagram, rand, 300);
  for (guint i = 0; i < wm_diagram_get_n_items (diagram) && moved->len < 20; i += 3)
    if (g_str_equal (wm_diagram_get_item (diagram, i)->type->id, "card"))
      g_ptr_array_add (moved, wm_diagram_get_item (diagram, i)->id);
  kept = wm_journey_layout_get (diagram);

  wm_project_begin_group (project, "Move cards");
  for (guint i = 0; i < moved->len; i++)
    {
      const char *id = g_ptr_array_index (moved, i);

      wm_diagram_set_property (diagram, id, "stage", "retention", NULL);
      wm_diagram_set_property (diagram, id, "lane", "touchpoints", NULL);
    }
  g_ptr_array_add (moved, NULL);
  within = wm_journey_layout_new_from (diagram, kept, (const char *const *) moved->pdata);
  g_ptr_array_set_size (moved, moved->len - 1);
  for (guint i = 0; i < moved->len; i++)
    {
      WmItem *item = wm_diagram_lookup (diagram, g_ptr_array_index (moved, i));
      WmRect rect;

      g_assert_true (wm_journey_layout_item_rect (within, item, &rect));
      wm_diagram_set_bounds (diagram, item->id, &rect);
    }
  wm_project_end_group (project);
  wm_journey_layout_keep (diagram, within);

  g_clear_pointer (&kept, wm_journey_layout_free);
  kept = wm_journey_layout_get (diagram);
  g_assert_true (kept == within);
  fresh = wm_journey_layout_new (diagram);
  assert_layouts_equal (diagram, kept, fresh);
}

/* A layout made from an earlier one, with the edited items named, is the
 * layout made anew, whatever was edited: cells, heights, scores; and when
 * items came or went since, or the stages changed, it lays out anew. */
static void
test_new_from (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  g_autoptr(GRand) rand = g_rand_new_with_seed (23);

  fill (diagram, rand, 400);
  for (guint round = 0; round < 6; round++)
    {
      g_autoptr(WmJourneyLayout) base = wm_journey_layout_new (diagram);
      g_autoptr(WmJourneyLayout) from = NULL;
      g_autoptr(WmJourneyLayout) fresh = NULL;
      g_autoptr(GPtrArray) edited = g_ptr_array_new ();

      for (guint k = 0; k < 30; k++)
        {
          WmItem *item = wm_diagram_get_item (diagram, g_rand_int_range (rand, 0, 400));
          WmRect bounds = item->bounds;
          const char *stage = stages[g_rand_int_range (rand, 0, G_N_ELEMENTS (stages))];

          wm_diagram_set_property (diagram, item->id, "stage", stage, NULL);
          if (g_str_equal (item->type->id, "card"))
            wm_diagram_set_property (diagram, item->id, "lane",
                                     card_lanes[g_rand_int_range (rand, 0,
                                                                  G_N_ELEMENTS (card_lanes))],
                                     NULL);
          else if (g_str_equal (item->type->id, "emotion"))
            wm_diagram_set_property (diagram, item->id, "score",
                                     g_rand_boolean (rand) ? "2" : "-1.5", NULL);
          bounds.height = g_rand_int_range (rand, 20, 140);
          wm_diagram_set_bounds (diagram, item->id, &bounds);
          g_ptr_array_add (edited, item->id);
        }
      /* Some rounds change what the layout is made of. */
      if (round == 3)
        add (diagram, "card", 70, "advocacy", "actions", "New");
      if (round == 4)
        g_assert_true (wm_diagram_list_move (diagram, "stages", "decision", 0));
      g_ptr_array_add (edited, NULL);
      from = wm_journey_layout_new_from (diagram, base, (const char *const *) edited->pdata);
      fresh = wm_journey_layout_new (diagram);
      assert_layouts_equal (diagram, from, fresh);
      for (guint l = 0; l < fresh->n_lanes; l++)
        assert_rects_equal (&from->lanes[l].rect, &fresh->lanes[l].rect);
    }
}

/* The stacks, rebuilt by counting sorts, as the documented rule says: in
 * each cell the cards and KPIs follow the z-order from the cell's top, one
 * gap apart, and each lane is as tall as its tallest stack needs. */
static void
test_stacks_follow_z_order (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  g_autoptr(WmJourneyLayout) layout = NULL;
  g_autoptr(GHashTable) bottoms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint checked = 0;

  fill (diagram, rand, 600);
  layout = wm_journey_layout_get (diagram);
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      int stage, lane;
      WmRect rect, cell;
      double *bottom;
      char key[32];

      if (g_str_equal (item->type->id, "emotion"))
        continue;
      g_assert_true (wm_journey_layout_item_cell (layout, item, &stage, &lane));
      g_assert_true (wm_journey_layout_item_rect (layout, item, &rect));
      g_assert_true (wm_journey_layout_cell_rect (layout, stage, lane, &cell));
      g_snprintf (key, sizeof key, "%d/%d", stage, lane);
      bottom = g_hash_table_lookup (bottoms, key);
      if (bottom == NULL)
        {
          g_assert_cmpfloat (rect.y, ==, cell.y + WM_JOURNEY_PADDING);
          bottom = g_new (double, 1);
          g_hash_table_insert (bottoms, g_strdup (key), bottom);
        }
      else
        g_assert_cmpfloat (fabs (rect.y - (*bottom + WM_JOURNEY_GAP)), <, 1e-9);
      *bottom = rect.y + rect.height;
      g_assert_cmpfloat (rect.y + rect.height + WM_JOURNEY_PADDING, <=, cell.y + cell.height + 1e-9);
      checked++;
    }
  g_assert_cmpuint (checked, >, 300);
}

/* Each emotion point's extent, note included, in the order given. */
static GArray *
emotion_extents (WmDiagram *diagram,
                 gboolean   backwards)
{
  guint n = wm_diagram_get_n_items (diagram);
  GArray *extents = g_array_new (FALSE, TRUE, sizeof (WmRect));

  g_array_set_size (extents, n);
  for (guint k = 0; k < n; k++)
    {
      guint i = backwards ? n - 1 - k : k;
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (g_str_equal (item->type->id, "emotion"))
        wm_render_item_extent (diagram, item, &g_array_index (extents, WmRect, i));
    }
  return extents;
}

/* Notes are placed when first asked for, each clear of those before it on
 * the curve: asking for the last note first places the same notes as
 * asking for them in order, and so does a diagram that keeps no layout
 * (outside a project, every ask places from the start). */
static void
test_notes_any_order (void)
{
  g_autoptr(WmProject) forwards = wm_project_new ();
  g_autoptr(WmProject) backwards = wm_project_new ();
  g_autoptr(GRand) rand_a = g_rand_new_with_seed (99);
  g_autoptr(GRand) rand_b = g_rand_new_with_seed (99);
  WmDiagram *a = wm_test_add_diagram (forwards, "customer-journey", "Journey"),
            *b = wm_test_add_diagram (backwards, "customer-journey", "Journey");
  g_autoptr(GArray) in_order = NULL;
  g_autoptr(GArray) reversed = NULL;
  guint notes = 0;

  /* Crowded stages, where notes must move along the lane to clear others. */
  fill (a, rand_a, 240);
  fill (b, rand_b, 240);
  in_order = emotion_extents (a, FALSE);
  reversed = emotion_extents (b, TRUE);
  for (guint i = 0; i < in_order->len; i++)
    {
      const WmRect *x = &g_array_index (in_order, WmRect, i);

      assert_rects_equal (x, &g_array_index (reversed, WmRect, i));
      /* A note makes the extent taller than the dot's ring. */
      notes += x->height > 30;
    }
  g_assert_cmpuint (notes, >, 20);
}

/* A note's text edited shows in the next measure: the texts kept for the
 * notes placed late are those of the diagram's state, not an earlier one. */
static void
test_note_follows_text (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  WmItem *point = add (diagram, "emotion", 24, "decision", NULL, "Ok");
  WmRect before, after;

  wm_render_item_extent (diagram, point, &before);
  g_assert_true (wm_diagram_set_text (diagram, point->id,
                                      "A much longer note that wraps onto two lines"));
  wm_render_item_extent (diagram, point, &after);
  g_assert_cmpfloat (after.width, >, before.width + 20);
  g_assert_true (wm_diagram_set_text (diagram, point->id, ""));
  wm_render_item_extent (diagram, point, &after);
  g_assert_cmpfloat (after.height, <, before.height);
}

/* Files the cards among the first items of @diagram in another cell, as
 * a drop does (see test_kept_after_group), or, without @from_layout, by
 * the edits alone. */
static void
move_cards (WmDiagram *diagram,
            gboolean   from_layout)
{
  WmProject *project = wm_diagram_get_project (diagram);
  g_autoptr(WmJourneyLayout) kept = wm_journey_layout_get (diagram);
  g_autoptr(WmJourneyLayout) within = NULL;
  g_autoptr(GPtrArray) moved = g_ptr_array_new ();

  for (guint i = 0; i < wm_diagram_get_n_items (diagram) && moved->len < 20; i += 3)
    if (g_str_equal (wm_diagram_get_item (diagram, i)->type->id, "card"))
      g_ptr_array_add (moved, wm_diagram_get_item (diagram, i)->id);
  wm_project_begin_group (project, "Move cards");
  for (guint i = 0; i < moved->len; i++)
    {
      wm_diagram_set_property (diagram, g_ptr_array_index (moved, i), "stage", "advocacy", NULL);
      wm_diagram_set_property (diagram, g_ptr_array_index (moved, i), "lane", "thoughts", NULL);
    }
  g_ptr_array_add (moved, NULL);
  if (from_layout)
    within = wm_journey_layout_new_from (diagram, kept, (const char *const *) moved->pdata);
  wm_project_end_group (project);
  if (from_layout)
    wm_journey_layout_keep (diagram, within);
}

static void
assert_extents_equal (GArray *a,
                      GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    assert_rects_equal (&g_array_index (a, WmRect, i), &g_array_index (b, WmRect, i));
}

/* The emotions stamp: kept by a layout made from another when only cards
 * were edited, new when a point was, and the points' texts copied for the
 * notes are then shared, not copied again; the notes are those of a
 * journey laid out from scratch either way. */
static void
test_note_texts_shared (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(WmProject) other = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  WmDiagram *fresh = wm_test_add_diagram (other, "customer-journey", "Journey");
  g_autoptr(GRand) rand_a = g_rand_new_with_seed (5);
  g_autoptr(GRand) rand_b = g_rand_new_with_seed (5);
  g_autoptr(WmJourneyLayout) before = NULL;
  g_autoptr(WmJourneyLayout) after = NULL;
  g_autoptr(WmJourneyLayout) edited = NULL;
  g_autoptr(GArray) ours = NULL;
  g_autoptr(GArray) theirs = NULL;
  gpointer texts;
  WmItem *point = NULL;

  fill (diagram, rand_a, 300);
  fill (fresh, rand_b, 300);
  before = wm_journey_layout_get (diagram);
  g_assert_cmpuint (wm_journey_layout_get_emotions_stamp (before), !=, 0);
  ours = emotion_extents (diagram, FALSE);
  texts = g_object_get_data (G_OBJECT (diagram), "wm-paint-journey-note-texts");
  g_assert_nonnull (texts);

  move_cards (diagram, TRUE);
  move_cards (fresh, FALSE);
  after = wm_journey_layout_get (diagram);
  g_assert_true (after != before);
  g_assert_cmpuint (wm_journey_layout_get_emotions_stamp (after), ==,
                    wm_journey_layout_get_emotions_stamp (before));
  g_clear_pointer (&ours, g_array_unref);
  ours = emotion_extents (diagram, FALSE);
  theirs = emotion_extents (fresh, FALSE);
  assert_extents_equal (ours, theirs);
  g_assert_true (g_object_get_data (G_OBJECT (diagram), "wm-paint-journey-note-texts") == texts);

  /* A point edited gets a stamp, and texts, of its own. */
  for (guint i = 0; point == NULL; i++)
    if (g_str_equal (wm_diagram_get_item (diagram, i)->type->id, "emotion"))
      point = wm_diagram_get_item (diagram, i);
  g_assert_true (wm_diagram_set_text (diagram, point->id,
                                      "A much longer note that wraps onto two lines"));
  g_assert_true (wm_diagram_set_text (fresh, wm_diagram_get_item (fresh, point->z)->id,
                                      "A much longer note that wraps onto two lines"));
  edited = wm_journey_layout_new_from (diagram, after, (const char *const[]) { point->id, NULL });
  g_assert_cmpuint (wm_journey_layout_get_emotions_stamp (edited), !=,
                    wm_journey_layout_get_emotions_stamp (after));
  g_clear_pointer (&ours, g_array_unref);
  g_clear_pointer (&theirs, g_array_unref);
  ours = emotion_extents (diagram, FALSE);
  theirs = emotion_extents (fresh, FALSE);
  assert_extents_equal (ours, theirs);
  g_assert_true (g_object_get_data (G_OBJECT (diagram), "wm-paint-journey-note-texts") != texts);
}

/* A point at the very end of the lane has a dot that sticks out of the
 * grid: the extent found from the bounds, which places no note for it, is
 * still the one measuring every item gives, and holds every extent. */
static void
test_extent_with_edge_points (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  WmRect by_bounds, measured;

  fill (diagram, rand, 200);
  for (guint i = 0; i < 40; i++)
    add (diagram, "emotion", 24, "advocacy", NULL, "At the end of the lane");
  wm_render_get_extent (diagram, &by_bounds);
  _wm_render_get_extent_measuring_all (diagram, &measured);
  assert_rects_equal (&by_bounds, &measured);
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      WmRect extent, bound;

      wm_render_item_extent (diagram, item, &extent);
      if (wm_rect_is_empty (&extent))
        continue;
      g_assert_true (wm_rect_contains (&by_bounds, extent.x, extent.y));
      g_assert_true (wm_rect_contains (&by_bounds, extent.x + extent.width,
                                       extent.y + extent.height));
      _wm_render_item_bound (diagram, item, &bound);
      wm_test_assert_rect_within (&extent, &bound);
    }
}

/* The bounds culling goes by, found from the layout without reading the
 * items: every item whose bound meets an area is among those the area's
 * query returns, before and after an edit. */
static void
test_query_holds_bounds (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  g_autoptr(GRand) rand = g_rand_new_with_seed (31);
  WmRect extent;

  fill (diagram, rand, 400);
  for (guint round = 0; round < 2; round++)
    {
      wm_render_get_extent (diagram, &extent);
      for (guint k = 0; k < 40; k++)
        {
          WmRect area = { g_rand_double_range (rand, extent.x, extent.x + extent.width),
                          g_rand_double_range (rand, extent.y, extent.y + extent.height),
                          g_rand_double_range (rand, 10, 400), g_rand_double_range (rand, 10, 400) };
          g_autoptr(GPtrArray) found = wm_render_query (diagram, &area);
          g_autoptr(GHashTable) in = g_hash_table_new (NULL, NULL);

          for (guint i = 0; i < found->len; i++)
            g_hash_table_add (in, g_ptr_array_index (found, i));
          for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
            {
              WmItem *item = wm_diagram_get_item (diagram, i);
              WmRect bound;

              _wm_render_item_bound (diagram, item, &bound);
              if (!wm_rect_is_empty (&bound) && wm_rect_intersects (&bound, &area))
                g_assert_true (g_hash_table_contains (in, item));
            }
        }
      /* Move a stage's worth of cards and points: everything below shifts. */
      for (guint i = 0; i < wm_diagram_get_n_items (diagram); i += 5)
        wm_diagram_set_property (diagram, wm_diagram_get_item (diagram, i)->id, "stage",
                                 "consideration", NULL);
    }
}

/* A view that connected to "changed" before the layout was first asked for
 * runs before the cache heard of the change, unless the cache listens to
 * "invalidate": it must find the layout of the diagram as it is now (here,
 * the renamed stage, whose old label is freed), and so must the painter. */
typedef struct
{
  WmDiagram *diagram;
  char      *label;
  WmRect     extent;
} Seen;

static void
on_changed_first (WmDiagram     *diagram,
                  const WmDelta *delta,
                  Seen          *seen)
{
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_get (diagram);

  g_free (seen->label);
  seen->label = g_strdup (layout->stages[0].label);
  wm_render_get_extent (diagram, &seen->extent);
}

static void
test_changed_handlers_see_current (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "customer-journey", "Journey");
  Seen seen = { diagram, NULL, { 0, } };
  g_autoptr(WmJourneyLayout) first = NULL;
  g_autoptr(WmJourneyLayout) fresh = NULL;
  WmRect before, extent;

  g_signal_connect (diagram, "changed", G_CALLBACK (on_changed_first), &seen);
  add (diagram, "card", 70, "awareness", "actions", "Card");
  first = wm_journey_layout_get (diagram);
  wm_render_get_extent (diagram, &before);
  g_assert_true (wm_diagram_list_rename (diagram, "stages", first->stages[0].id,
                                         "A much longer first stage"));
  g_assert_cmpstr (seen.label, ==, "A much longer first stage");
  /* A card taller than the lane grows the grid: the painter's extent too. */
  add (diagram, "card", 900, "awareness", "actions", "Tall");
  wm_render_get_extent (diagram, &extent);
  g_assert_cmpfloat (extent.height, >, before.height);
  assert_rects_equal (&seen.extent, &extent);
  fresh = wm_journey_layout_new (diagram);
  g_assert_cmpstr (fresh->stages[0].label, ==, seen.label);
  g_signal_handlers_disconnect_by_data (diagram, &seen);
  g_free (seen.label);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/journey/cache/follows-edits", test_follows_edits);
  g_test_add_func ("/journey/cache/outside-project", test_outside_project);
  g_test_add_func ("/journey/cache/kept-after-group", test_kept_after_group);
  g_test_add_func ("/journey/cache/new-from", test_new_from);
  g_test_add_func ("/journey/cache/stacks-follow-z-order", test_stacks_follow_z_order);
  g_test_add_func ("/journey/cache/notes-any-order", test_notes_any_order);
  g_test_add_func ("/journey/cache/note-follows-text", test_note_follows_text);
  g_test_add_func ("/journey/cache/note-texts-shared", test_note_texts_shared);
  g_test_add_func ("/journey/cache/extent-with-edge-points", test_extent_with_edge_points);
  g_test_add_func ("/journey/cache/query-holds-bounds", test_query_holds_bounds);
  g_test_add_func ("/journey/cache/changed-handlers-see-current",
                   test_changed_handlers_see_current);
  return g_test_run ();
}
