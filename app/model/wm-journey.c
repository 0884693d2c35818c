/* wm-journey.c — the grid of a customer journey map and where its items go
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout is computed from scratch, in O(n log n) for n items, each time
 * it is asked for (about 2 ms for 10 000 items); nothing here is kept
 * between two layouts. The painter keeps one per state of the diagram,
 * until the diagram's next "changed" signal.
 */
#define G_LOG_DOMAIN "wm-journey"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "wm-journey.h"
#include "wm-notation-common.h"

/* Between the stage headers and the first lane, and between the header band
 * and the stage headers. */
#define STAGE_GAP 6.0
#define HEADER_GAP 12.0
/* The header band is never narrower than this, so that a journey with one or
 * two stages still has room for its persona and scenario. */
#define MIN_HEADER_WIDTH 880.0

typedef struct
{
  WmRect rect;
  int    stage;  /* -1 when the item is not placed */
  int    lane;
} Place;

/* The public layout and what only this file reads. */
typedef struct
{
  WmJourneyLayout pub;
  WmItem        **items;         /* the diagram's items in z-order when the layout was made */
  Place          *places;        /* one per item */
  guint           n_items;
  double          emotion_size;  /* the emotion type's default height, for the curve's amplitude */
} Layout;

/* A card or KPI waiting for its place in a stack. */
typedef struct
{
  guint index;
  guint stage;
  guint lane;
} StackRef;

static GHashTable *
index_entries (GPtrArray *entries)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);

  /* Indexes are stored plus one, so that a missing id (NULL) is told apart from entry 0. */
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      WmListEntry *entry = g_ptr_array_index (entries, i);

      if (!g_hash_table_contains (ids, entry->id))
        g_hash_table_insert (ids, entry->id, GUINT_TO_POINTER (i + 1));
    }
  return ids;
}

static int
lookup_entry (GHashTable *ids,
              const char *id)
{
  if (id == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (ids, id)) - 1;
}

static WmJourneyBand *
make_bands (GPtrArray *entries,
            guint     *n_bands)
{
  guint n = entries != NULL ? entries->len : 0;
  WmJourneyBand *bands = g_new0 (WmJourneyBand, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      WmListEntry *entry = g_ptr_array_index (entries, i);

      bands[i].id = entry->id;
      bands[i].label = entry->label;
    }
  *n_bands = n;
  return bands;
}

/* The size an item takes: its stored size, or the type's default when that is empty. */
static void
item_size (const WmItem *item,
           double       *width,
           double       *height)
{
  *width = item->bounds.width > 0 ? item->bounds.width : item->type->width;
  *height = item->bounds.height > 0 ? item->bounds.height : item->type->height;
}

static double
clamp_score (double score)
{
  return isfinite (score) ? CLAMP (score, -2, 2) : 0;
}

static int
compare_stack_refs (gconstpointer a,
                    gconstpointer b)
{
  const StackRef *x = a, *y = b;

  if (x->lane != y->lane)
    return x->lane < y->lane ? -1 : 1;
  if (x->stage != y->stage)
    return x->stage < y->stage ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static int
compare_emotions (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  const Layout *self = data;
  const WmItem *x = *(WmItem *const *) a, *y = *(WmItem *const *) b;
  int sx = self->places[x->z].stage, sy = self->places[y->z].stage;

  if (sx != sy)
    return sx < sy ? -1 : 1;
  return x->z < y->z ? -1 : x->z > y->z;
}

/* Sorts every node into a stack (cards, KPIs) or the emotion lane, and
 * records its size; items that fit nowhere stay unplaced. */
static GArray *
classify_items (Layout     *self,
                GHashTable *stages,
                GHashTable *lanes,
                guint      *per_stage)
{
  GArray *stacks = g_array_new (FALSE, FALSE, sizeof (StackRef));

  for (guint i = 0; i < self->n_items; i++)
    {
      const WmItem *item = self->items[i];
      const char *type = item->type->id;
      Place *place = &self->places[i];
      int stage, lane = -1;

      place->rect = item->bounds;
      place->stage = place->lane = -1;
      /* Texts, boxes and images (wm-notation-common.h) keep their bounds. */
      if (!wm_item_is_node (item) || wm_item_type_is_common (item->type))
        continue;
      stage = lookup_entry (stages, wm_item_get_string (item, WM_JOURNEY_STAGE));
      if (g_str_equal (type, "card"))
        lane = lookup_entry (lanes, wm_item_get_string (item, WM_JOURNEY_LANE));
      else if (g_str_equal (type, "kpi"))
        lane = self->pub.kpi_lane;
      else if (g_str_equal (type, "emotion"))
        lane = self->pub.emotion_lane;
      if (stage < 0 || lane < 0)
        continue;

      place->stage = stage;
      place->lane = lane;
      item_size (item, &place->rect.width, &place->rect.height);
      if (g_str_equal (type, "emotion"))
        {
          g_ptr_array_add (self->pub.emotions, (gpointer) item);
          per_stage[stage]++;
        }
      else
        g_array_append_val (stacks, ((StackRef) { i, (guint) stage, (guint) lane }));
    }
  return stacks;
}

/* The height each lane needs: the default, or its tallest stack. The stacks
 * are sorted by lane, then stage, so each cell's stack is one run. */
static void
measure_lanes (Layout *self,
               GArray *stacks,
               double *heights)
{
  for (guint l = 0; l < self->pub.n_lanes; l++)
    heights[l] = (int) l == self->pub.emotion_lane ? WM_JOURNEY_EMOTION_HEIGHT
                                                   : WM_JOURNEY_ROW_HEIGHT;
  for (guint i = 0; i < stacks->len;)
    {
      const StackRef *first = &g_array_index (stacks, StackRef, i);
      double height = 2 * WM_JOURNEY_PADDING - WM_JOURNEY_GAP;

      for (; i < stacks->len; i++)
        {
          const StackRef *ref = &g_array_index (stacks, StackRef, i);

          if (ref->lane != first->lane || ref->stage != first->stage)
            break;
          height += self->places[ref->index].rect.height + WM_JOURNEY_GAP;
        }
      heights[first->lane] = MAX (heights[first->lane], height);
    }
}

static void
place_grid (Layout       *self,
            const double *heights)
{
  WmJourneyLayout *pub = &self->pub;
  double y = WM_JOURNEY_GRID_Y;

  for (guint s = 0; s < pub->n_stages; s++)
    {
      double x = WM_JOURNEY_GRID_X + s * WM_JOURNEY_COLUMN_WIDTH;

      pub->stages[s].header = (WmRect) { x, WM_JOURNEY_GRID_Y - STAGE_GAP - WM_JOURNEY_STAGE_HEIGHT,
                                         WM_JOURNEY_COLUMN_WIDTH, WM_JOURNEY_STAGE_HEIGHT };
    }
  for (guint l = 0; l < pub->n_lanes; l++)
    {
      pub->lanes[l].header = (WmRect) { WM_JOURNEY_GRID_X - WM_JOURNEY_LABEL_WIDTH, y,
                                        WM_JOURNEY_LABEL_WIDTH, heights[l] };
      pub->lanes[l].rect = (WmRect) { WM_JOURNEY_GRID_X, y,
                                      pub->n_stages * WM_JOURNEY_COLUMN_WIDTH, heights[l] };
      y += heights[l];
    }
  pub->grid = (WmRect) { WM_JOURNEY_GRID_X, WM_JOURNEY_GRID_Y,
                         pub->n_stages * WM_JOURNEY_COLUMN_WIDTH, y - WM_JOURNEY_GRID_Y };
  for (guint s = 0; s < pub->n_stages; s++)
    pub->stages[s].rect = (WmRect) { pub->stages[s].header.x, pub->grid.y,
                                     WM_JOURNEY_COLUMN_WIDTH, pub->grid.height };
}

/* Stacks the cards and KPIs of each cell from its top, centred in the
 * column and no wider than its inside. */
static void
place_stacks (Layout *self,
              GArray *stacks)
{
  double inside = WM_JOURNEY_COLUMN_WIDTH - 2 * WM_JOURNEY_PADDING;
  double y = 0;

  for (guint i = 0; i < stacks->len; i++)
    {
      const StackRef *ref = &g_array_index (stacks, StackRef, i);
      const StackRef *previous = i > 0 ? ref - 1 : NULL;
      const WmRect *column = &self->pub.stages[ref->stage].rect;
      WmRect *rect = &self->places[ref->index].rect;

      if (previous == NULL || previous->lane != ref->lane || previous->stage != ref->stage)
        y = self->pub.lanes[ref->lane].rect.y + WM_JOURNEY_PADDING;
      rect->width = MIN (rect->width, inside);
      rect->x = column->x + (column->width - rect->width) / 2;
      rect->y = y;
      y += rect->height + WM_JOURNEY_GAP;
    }
}

/* Emotion points share their stage's column out evenly, in curve order. */
static void
place_emotions (Layout      *self,
                const guint *per_stage)
{
  GPtrArray *emotions = self->pub.emotions;
  int stage = -1;
  guint k = 0;

  g_ptr_array_sort_with_data (emotions, compare_emotions, self);
  for (guint i = 0; i < emotions->len; i++)
    {
      const WmItem *item = g_ptr_array_index (emotions, i);
      Place *place = &self->places[item->z];
      const WmRect *column = &self->pub.stages[place->stage].rect;
      const WmRect *row = &self->pub.lanes[place->lane].rect;
      double share = column->width / (per_stage[place->stage] + 1);
      double score = clamp_score (wm_item_get_number (item, WM_JOURNEY_SCORE));

      k = place->stage == stage ? k + 1 : 1;
      stage = place->stage;
      place->rect.width = MIN (place->rect.width, share);
      place->rect.height = MIN (place->rect.height, row->height);
      place->rect.x = column->x + share * k - place->rect.width / 2;
      place->rect.y = wm_journey_layout_score_y (&self->pub, score) - place->rect.height / 2;
    }
}

/* The band at the top: the persona, the scenario and, when there are any,
 * the expectations, side by side across the grid's width. */
static void
place_header (WmJourneyLayout *pub,
              WmDiagram       *diagram)
{
  double left = WM_JOURNEY_GRID_X - WM_JOURNEY_LABEL_WIDTH;
  double width = MAX (WM_JOURNEY_LABEL_WIDTH + pub->grid.width, MIN_HEADER_WIDTH);
  double top = WM_JOURNEY_GRID_Y - STAGE_GAP - WM_JOURNEY_STAGE_HEIGHT - HEADER_GAP -
               WM_JOURNEY_HEADER_HEIGHT;
  gboolean expectations =
    !wm_str_is_blank (wm_diagram_get_string (diagram, WM_JOURNEY_EXPECTATIONS));
  double persona = round (width * (expectations ? 0.42 : 0.5));
  double scenario = expectations ? round (width * 0.31) : width - persona;

  pub->header = (WmRect) { left, top, width, WM_JOURNEY_HEADER_HEIGHT };
  pub->persona = (WmRect) { left, top, persona, WM_JOURNEY_HEADER_HEIGHT };
  pub->scenario = (WmRect) { left + persona, top, scenario, WM_JOURNEY_HEADER_HEIGHT };
  pub->expectations = expectations
                        ? (WmRect) { left + persona + scenario, top, width - persona - scenario,
                                     WM_JOURNEY_HEADER_HEIGHT }
                        : (WmRect) { left + width, top, 0, 0 };
  pub->bounds = pub->header;
  wm_rect_union (&pub->bounds, &pub->grid, &pub->bounds);
  if (pub->n_stages > 0)
    {
      wm_rect_union (&pub->bounds, &pub->stages[0].header, &pub->bounds);
      wm_rect_union (&pub->bounds, &pub->stages[pub->n_stages - 1].header, &pub->bounds);
    }
  if (pub->n_lanes > 0)
    {
      wm_rect_union (&pub->bounds, &pub->lanes[0].header, &pub->bounds);
      wm_rect_union (&pub->bounds, &pub->lanes[pub->n_lanes - 1].header, &pub->bounds);
    }
}

static int
find_lane (WmJourneyLayout *pub,
           const char      *id)
{
  for (guint l = 0; l < pub->n_lanes; l++)
    if (g_str_equal (pub->lanes[l].id, id))
      return (int) l;
  return -1;
}

static void
setup (Layout    *self,
       WmDiagram *diagram)
{
  WmJourneyLayout *pub = &self->pub;
  const WmItemType *emotion = wm_notation_lookup_type (wm_diagram_get_notation (diagram),
                                                       "emotion");

  pub->stages = make_bands (wm_diagram_get_list (diagram, WM_JOURNEY_STAGES), &pub->n_stages);
  pub->lanes = make_bands (wm_diagram_get_list (diagram, WM_JOURNEY_LANES), &pub->n_lanes);
  pub->emotion_lane = find_lane (pub, WM_JOURNEY_EMOTION_LANE);
  pub->kpi_lane = find_lane (pub, WM_JOURNEY_KPI_LANE);
  pub->emotions = g_ptr_array_new ();
  self->emotion_size = emotion != NULL ? emotion->height : 24;
  self->n_items = wm_diagram_get_n_items (diagram);
  self->items = g_new (WmItem *, MAX (self->n_items, 1));
  self->places = g_new (Place, MAX (self->n_items, 1));
  for (guint i = 0; i < self->n_items; i++)
    {
      self->items[i] = wm_diagram_get_item (diagram, i);
      /* Places are found by z-order position, which the diagram keeps in step. */
      g_assert (self->items[i]->z == i);
    }
}

WmJourneyLayout *
wm_journey_layout_new (WmDiagram *diagram)
{
  Layout *self;
  g_autoptr(GHashTable) stages = NULL;
  g_autoptr(GHashTable) lanes = NULL;
  g_autoptr(GArray) stacks = NULL;
  g_autofree guint *per_stage = NULL;
  g_autofree double *heights = NULL;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), NULL);
  if (!g_str_equal (wm_diagram_get_notation (diagram)->id, "customer-journey"))
    return NULL;

  self = g_new0 (Layout, 1);
  setup (self, diagram);
  stages = index_entries (wm_diagram_get_list (diagram, WM_JOURNEY_STAGES));
  lanes = index_entries (wm_diagram_get_list (diagram, WM_JOURNEY_LANES));
  per_stage = g_new0 (guint, MAX (self->pub.n_stages, 1));
  heights = g_new0 (double, MAX (self->pub.n_lanes, 1));

  stacks = classify_items (self, stages, lanes, per_stage);
  g_array_sort (stacks, compare_stack_refs);
  measure_lanes (self, stacks, heights);
  place_grid (self, heights);
  place_header (&self->pub, diagram);
  place_stacks (self, stacks);
  place_emotions (self, per_stage);
  return &self->pub;
}

void
wm_journey_layout_free (WmJourneyLayout *layout)
{
  Layout *self = (Layout *) layout;

  if (layout == NULL)
    return;
  g_free (layout->stages);
  g_free (layout->lanes);
  g_ptr_array_unref (layout->emotions);
  g_free (self->items);
  g_free (self->places);
  g_free (self);
}

/* The item's place, or NULL when the layout was made before the item was
 * where it is now in the z-order. */
static const Place *
place_of (const Layout *self,
          const WmItem *item)
{
  if (item->z >= self->n_items || self->items[item->z] != item)
    return NULL;
  return &self->places[item->z];
}

gboolean
wm_journey_layout_item_rect (const WmJourneyLayout *layout,
                             const WmItem          *item,
                             WmRect                *rect)
{
  const Place *place;

  g_return_val_if_fail (layout != NULL && item != NULL && rect != NULL, FALSE);

  place = place_of ((const Layout *) layout, item);
  if (place == NULL || place->stage < 0)
    {
      *rect = item->bounds;
      return FALSE;
    }
  *rect = place->rect;
  return TRUE;
}

gboolean
wm_journey_layout_item_cell (const WmJourneyLayout *layout,
                             const WmItem          *item,
                             int                   *stage,
                             int                   *lane)
{
  const Place *place;

  g_return_val_if_fail (layout != NULL && item != NULL, FALSE);

  place = place_of ((const Layout *) layout, item);
  if (stage != NULL)
    *stage = place != NULL ? place->stage : -1;
  if (lane != NULL)
    *lane = place != NULL ? place->lane : -1;
  return place != NULL && place->stage >= 0;
}

gboolean
wm_journey_layout_cell_rect (const WmJourneyLayout *layout,
                             guint                  stage,
                             guint                  lane,
                             WmRect                *rect)
{
  g_return_val_if_fail (layout != NULL && rect != NULL, FALSE);

  if (stage >= layout->n_stages || lane >= layout->n_lanes)
    return FALSE;
  *rect = (WmRect) { layout->stages[stage].rect.x, layout->lanes[lane].rect.y,
                     layout->stages[stage].rect.width, layout->lanes[lane].rect.height };
  return TRUE;
}

/* The lane whose row holds @y, by bisection over the rows' tops. */
static guint
lane_at (const WmJourneyLayout *layout,
         double                 y)
{
  guint low = 0, high = layout->n_lanes;

  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (layout->lanes[middle].rect.y <= y)
        low = middle;
      else
        high = middle;
    }
  return low;
}

gboolean
wm_journey_layout_cell_at (const WmJourneyLayout *layout,
                           double                 x,
                           double                 y,
                           const char           **stage,
                           const char           **lane)
{
  const WmRect *grid;
  guint column;

  g_return_val_if_fail (layout != NULL, FALSE);

  grid = &layout->grid;
  /* Half-open, so that a point on a shared edge belongs to one cell. */
  if (layout->n_stages == 0 || layout->n_lanes == 0 ||
      x < grid->x || x >= grid->x + grid->width || y < grid->y || y >= grid->y + grid->height)
    return FALSE;
  column = MIN ((guint) ((x - grid->x) / WM_JOURNEY_COLUMN_WIDTH), layout->n_stages - 1);
  if (stage != NULL)
    *stage = layout->stages[column].id;
  if (lane != NULL)
    *lane = layout->lanes[lane_at (layout, y)].id;
  return TRUE;
}

double
wm_journey_layout_score_y (const WmJourneyLayout *layout,
                           double                 score)
{
  const Layout *self = (const Layout *) layout;
  const WmRect *row;
  double amplitude;

  g_return_val_if_fail (layout != NULL, 0);

  if (layout->emotion_lane < 0)
    return 0;
  row = &layout->lanes[layout->emotion_lane].rect;
  /* A point at +2 or -2 stays inside the cell's padding. */
  amplitude = MAX (row->height / 2 - WM_JOURNEY_PADDING - self->emotion_size / 2, 0);
  return row->y + row->height / 2 - clamp_score (score) / 2 * amplitude;
}

double
wm_journey_layout_score_at (const WmJourneyLayout *layout,
                            double                 y)
{
  double neutral, top;

  g_return_val_if_fail (layout != NULL, 0);

  if (layout->emotion_lane < 0)
    return 0;
  /* score_y() is linear in the score, so two of its values give its inverse. */
  neutral = wm_journey_layout_score_y (layout, 0);
  top = wm_journey_layout_score_y (layout, 2);
  if (neutral - top <= 0)
    return 0;
  return clamp_score (2 * (neutral - y) / (neutral - top));
}

int
wm_journey_layout_stage_at (const WmJourneyLayout *layout,
                            double                 x)
{
  const WmRect *grid;

  g_return_val_if_fail (layout != NULL, -1);

  grid = &layout->grid;
  if (layout->n_stages == 0 || x < grid->x || x >= grid->x + grid->width)
    return -1;
  return (int) MIN ((guint) ((x - grid->x) / WM_JOURNEY_COLUMN_WIDTH), layout->n_stages - 1);
}

int
wm_journey_layout_stage_header_at (const WmJourneyLayout *layout,
                                   double                 x,
                                   double                 y)
{
  int stage;

  g_return_val_if_fail (layout != NULL, -1);

  stage = wm_journey_layout_stage_at (layout, x);
  if (stage < 0 || !wm_rect_contains (&layout->stages[stage].header, x, y))
    return -1;
  return stage;
}

int
wm_journey_layout_lane_header_at (const WmJourneyLayout *layout,
                                  double                 x,
                                  double                 y)
{
  guint lane;

  g_return_val_if_fail (layout != NULL, -1);

  if (layout->n_lanes == 0)
    return -1;
  lane = lane_at (layout, y);
  if (!wm_rect_contains (&layout->lanes[lane].header, x, y))
    return -1;
  return (int) lane;
}
