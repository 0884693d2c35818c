/* wm-journey.c — the grid of a customer journey map and where its items go
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout is computed from scratch, in O(n) for n items (counting
 * sorts, no hashing per item). wm_journey_layout_get() keeps one per state
 * of the diagram until its next change (wm_diagram_keep_derived()), and the
 * painter and the canvas share it: one layout per edit, not one each.
 */
#define G_LOG_DOMAIN "wm-journey"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "wm-journey.h"
#include "wm-notation-common.h"
#include "wm-value-private.h"

/* Between the stage headers and the first lane, and between the header band
 * and the stage headers. */
#define STAGE_GAP 6.0
#define HEADER_GAP 12.0
/* The header band is never narrower than this, so that a journey with one or
 * two stages still has room for its persona and scenario. */
#define MIN_HEADER_WIDTH 880.0

/* What the layout does with an item. */
typedef enum
{
  KIND_NONE,     /* keeps its bounds */
  KIND_STACKED,  /* a card or a KPI, in a cell's stack */
  KIND_EMOTION,  /* a point of the curve */
} Kind;

typedef struct
{
  WmRect rect;
  /* What the item brings to the layout, read once (see classify_item()):
   * its size, before the column or the stage's share narrows it, and an
   * emotion point's score. */
  double width;
  double height;
  double score;
  int    stage;  /* -1 when the item is not placed */
  int    lane;
  int    curve;  /* an emotion point's index in pub.emotions, else -1 */
  Kind   kind;
} Place;

/* The public layout and what only this file reads. */
typedef struct
{
  WmJourneyLayout pub;
  gatomicrefcount ref;
  WmItem        **items;         /* the diagram's items in z-order when the layout was made */
  Place          *places;        /* one per item */
  /* Where each item is filed, four bytes an item, so that sorting the
   * items into their cells reads these, not the Places: -1 when it is not
   * placed; a card's or a KPI's cell (lane × stages + stage); past the
   * cells, an emotion point's stage (cells + stage). */
  int            *slots;
  guint           capacity;      /* of items, places and slots (see Arrays) */
  /* The rectangle of each point of pub.emotions, in the curve's order, so
   * that the painter reads the curve in one sweep, not from Places all over
   * the array. */
  WmRect         *curve_rects;
  guint           n_items;
  double          emotion_size;  /* the emotion type's default height, for the curve's amplitude */
  guint64         emotions_stamp; /* see wm_journey_layout_get_emotions_stamp() */
} Layout;

/* A layout's arrays of one entry per item: 84 bytes an item, 8 MB for a
 * journey of 100 000 items. Written for the first time, freshly mapped
 * pages cost more than the layout itself (2.5 ms of a drop of cards at
 * 100 000 items, where the layout made from the one before takes 2). So
 * the arrays of a freed layout are kept for the next one (one set, the
 * largest), and a long journey's layout made anew prepares a set ahead,
 * its pages written, for the layout the next edit makes from it. */
typedef struct
{
  WmItem **items;
  Place   *places;
  int     *slots;
  guint    capacity;
} Arrays;

/* From this many items on, a layout made anew prepares a spare set. */
#define PREPARED_ITEMS 10000

static GMutex spare_lock;
static Arrays spare;

static void
arrays_alloc (Arrays *arrays,
              guint   n)
{
  arrays->capacity = MAX (n, 1);
  arrays->items = g_new (WmItem *, arrays->capacity);
  arrays->places = g_new (Place, arrays->capacity);
  arrays->slots = g_new (int, arrays->capacity);
}

static void
arrays_free (Arrays *arrays)
{
  g_free (arrays->items);
  g_free (arrays->places);
  g_free (arrays->slots);
}

/* Whether the spare set suits @n items: it holds them and is not twice as large. */
static gboolean
spare_fits (guint n)
{
  return spare.capacity >= n && spare.capacity / 2 <= n;
}

/* Arrays for @n items: the spare set when it fits, else new ones. */
static Arrays
arrays_take (guint n)
{
  Arrays arrays = { 0 };

  g_mutex_lock (&spare_lock);
  if (spare_fits (n))
    {
      arrays = spare;
      spare = (Arrays) { 0 };
    }
  g_mutex_unlock (&spare_lock);
  if (arrays.capacity == 0)
    arrays_alloc (&arrays, n);
  return arrays;
}

/* Keeps @arrays as the spare set when they hold more than it, else frees them. */
static void
arrays_give (Arrays arrays)
{
  Arrays dropped = arrays;

  g_mutex_lock (&spare_lock);
  if (arrays.capacity > spare.capacity)
    {
      dropped = spare;
      spare = arrays;
    }
  g_mutex_unlock (&spare_lock);
  arrays_free (&dropped);
}

/* Makes a spare set for @n items ahead, unless one that fits is there. */
static void
arrays_prepare (guint n)
{
  Arrays arrays;
  gboolean ready;

  if (n < PREPARED_ITEMS)
    return;
  g_mutex_lock (&spare_lock);
  ready = spare_fits (n);
  g_mutex_unlock (&spare_lock);
  if (ready)
    return;
  arrays_alloc (&arrays, n);
  memset (arrays.items, 0, arrays.capacity * sizeof *arrays.items);
  memset (arrays.places, 0, arrays.capacity * sizeof *arrays.places);
  memset (arrays.slots, 0, arrays.capacity * sizeof *arrays.slots);
  arrays_give (arrays);
}

/* The stages' or lanes' ids, to find an item's entry by. A journey has a
 * handful of each, and comparing an id with each of them costs less than
 * hashing it; a long list gets a table, whose indexes are stored plus one,
 * so that a missing id (NULL) is told apart from entry 0. */
typedef struct
{
  const WmJourneyBand *bands;
  guint                n_bands;
  GHashTable          *ids;  /* NULL for a short list */
} EntryIndex;

#define SHORT_LIST 16

static void
entry_index_init (EntryIndex          *index,
                  const WmJourneyBand *bands,
                  guint                n_bands)
{
  *index = (EntryIndex) { bands, n_bands, NULL };
  if (n_bands <= SHORT_LIST)
    return;
  index->ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_bands; i++)
    if (!g_hash_table_contains (index->ids, bands[i].id))
      g_hash_table_insert (index->ids, (gpointer) bands[i].id, GUINT_TO_POINTER (i + 1));
}

static void
entry_index_clear (EntryIndex *index)
{
  g_clear_pointer (&index->ids, g_hash_table_unref);
}

/* The first entry with @id, or -1. */
static int
lookup_entry (const EntryIndex *index,
              const char       *id)
{
  if (id == NULL)
    return -1;
  if (index->ids != NULL)
    return GPOINTER_TO_INT (g_hash_table_lookup (index->ids, id)) - 1;
  for (guint i = 0; i < index->n_bands; i++)
    if (index->bands[i].id[0] == id[0] && strcmp (index->bands[i].id, id) == 0)
      return (int) i;
  return -1;
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

/* The notation's three placed types and the indexes of the properties the
 * layout reads, found once per layout: each item's type is then told by a
 * pointer, and its properties read without looking their names up. */
typedef struct
{
  const WmItemType *card;
  const WmItemType *kpi;
  const WmItemType *emotion;
  int               card_stage;
  int               card_lane;
  int               kpi_stage;
  int               emotion_stage;
  int               emotion_score;
} PlacedTypes;

static void
placed_types_init (PlacedTypes      *types,
                   const WmNotation *notation)
{
  types->card = wm_notation_lookup_type (notation, "card");
  types->kpi = wm_notation_lookup_type (notation, "kpi");
  types->emotion = wm_notation_lookup_type (notation, "emotion");
  types->card_stage = types->card_lane = types->kpi_stage = -1;
  types->emotion_stage = types->emotion_score = -1;
  if (types->card != NULL)
    {
      types->card_stage = wm_item_type_find_prop (types->card, WM_JOURNEY_STAGE);
      types->card_lane = wm_item_type_find_prop (types->card, WM_JOURNEY_LANE);
    }
  if (types->kpi != NULL)
    types->kpi_stage = wm_item_type_find_prop (types->kpi, WM_JOURNEY_STAGE);
  if (types->emotion != NULL)
    {
      types->emotion_stage = wm_item_type_find_prop (types->emotion, WM_JOURNEY_STAGE);
      types->emotion_score = wm_item_type_find_prop (types->emotion, WM_JOURNEY_SCORE);
    }
}

/* The value of @item's property @index (of its type), as
 * wm_item_get_string() and wm_item_get_number() give it; NULL and 0 when
 * the type has no such property. */
static const WmValue *
prop_value (const WmItem *item,
            int           index)
{
  if (index < 0)
    return NULL;
  return _wm_value_effective (&item->type->props[index],
                              item->props != NULL ? &item->props[index] : NULL);
}

static const char *
prop_string (const WmItem *item,
             int           index)
{
  const WmValue *value = prop_value (item, index);

  return value != NULL ? value->v.string : NULL;
}

static double
prop_number (const WmItem *item,
             int           index)
{
  if (index < 0)
    return 0;
  return wm_value_get_number (&item->type->props[index],
                              item->props != NULL ? &item->props[index] : NULL);
}

/* Files @item, at z-order position @i, in a cell (cards, KPIs) or the
 * emotion lane, and records its size and an emotion point's score; an item
 * that fits nowhere stays unplaced. */
static void
classify_item (Layout            *self,
               const PlacedTypes *types,
               const EntryIndex  *stages,
               const EntryIndex  *lanes,
               guint              i,
               const WmItem      *item)
{
  Place *place = &self->places[i];
  int stage, lane = -1, stage_prop;
  guint n_cells = self->pub.n_lanes * self->pub.n_stages;

  /* Places are found by z-order position, which the diagram keeps in step. */
  g_assert (item->z == i);
  self->slots[i] = -1;
  place->rect = item->bounds;
  place->stage = place->lane = place->curve = -1;
  place->kind = KIND_NONE;
  /* Texts, boxes, images (wm-notation-common.h) and links keep their bounds. */
  if (item->type == types->card)
    {
      lane = lookup_entry (lanes, prop_string (item, types->card_lane));
      stage_prop = types->card_stage;
    }
  else if (item->type == types->kpi)
    {
      lane = self->pub.kpi_lane;
      stage_prop = types->kpi_stage;
    }
  else if (item->type == types->emotion)
    {
      lane = self->pub.emotion_lane;
      stage_prop = types->emotion_stage;
    }
  else
    return;
  if (lane < 0)
    return;
  stage = lookup_entry (stages, prop_string (item, stage_prop));
  if (stage < 0)
    return;

  place->stage = stage;
  place->lane = lane;
  item_size (item, &place->width, &place->height);
  if (item->type == types->emotion)
    {
      place->kind = KIND_EMOTION;
      place->score = clamp_score (prop_number (item, types->emotion_score));
      self->slots[i] = (int) n_cells + stage;
    }
  else
    {
      place->kind = KIND_STACKED;
      self->slots[i] = lane * (int) self->pub.n_stages + stage;
    }
}

/* The placed items slot by slot, each slot's in z-order, by a counting
 * sort (a comparison sort of a long journey's cards took most of its
 * layout): the cards and KPIs cell by cell, lane after lane and stage
 * after stage, then the emotion points stage by stage, the order the curve
 * runs through them. @starts, one per slot and one more, receives where
 * each slot's run begins. */
static guint *
sort_slots (Layout *self,
            guint   n_slots,
            guint  *starts)
{
  g_autofree guint *next = NULL;
  guint *order;

  memset (starts, 0, (n_slots + 1) * sizeof (guint));
  for (guint i = 0; i < self->n_items; i++)
    if (self->slots[i] >= 0)
      starts[self->slots[i] + 1]++;
  for (guint k = 0; k < n_slots; k++)
    starts[k + 1] += starts[k];
  order = g_new (guint, MAX (starts[n_slots], 1));
  next = g_memdup2 (starts, (n_slots + 1) * sizeof (guint));
  for (guint i = 0; i < self->n_items; i++)
    if (self->slots[i] >= 0)
      order[next[self->slots[i]]++] = i;
  return order;
}

/* The height each lane needs: the default, or its tallest stack. */
static void
measure_lanes (Layout      *self,
               const guint *order,
               const guint *starts,
               double      *heights)
{
  guint n_stages = self->pub.n_stages;

  for (guint l = 0; l < self->pub.n_lanes; l++)
    {
      heights[l] = (int) l == self->pub.emotion_lane ? WM_JOURNEY_EMOTION_HEIGHT
                                                     : WM_JOURNEY_ROW_HEIGHT;
      for (guint s = 0; s < n_stages; s++)
        {
          guint c = l * n_stages + s;
          double height = 2 * WM_JOURNEY_PADDING - WM_JOURNEY_GAP;

          if (starts[c] == starts[c + 1])
            continue;
          for (guint k = starts[c]; k < starts[c + 1]; k++)
            height += self->places[order[k]].height + WM_JOURNEY_GAP;
          heights[l] = MAX (heights[l], height);
        }
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
place_stacks (Layout      *self,
              const guint *order,
              const guint *starts,
              guint        n_cells)
{
  double inside = WM_JOURNEY_COLUMN_WIDTH - 2 * WM_JOURNEY_PADDING;

  for (guint c = 0; c < n_cells; c++)
    {
      double y;

      if (starts[c] == starts[c + 1])
        continue;
      y = self->pub.lanes[c / self->pub.n_stages].rect.y + WM_JOURNEY_PADDING;
      for (guint k = starts[c]; k < starts[c + 1]; k++)
        {
          Place *place = &self->places[order[k]];
          const WmRect *column = &self->pub.stages[place->stage].rect;
          WmRect *rect = &place->rect;

          rect->width = MIN (place->width, inside);
          rect->height = place->height;
          rect->x = column->x + (column->width - rect->width) / 2;
          rect->y = y;
          y += rect->height + WM_JOURNEY_GAP;
        }
    }
}

/* Emotion points, @curve (their z-order positions, by stage and then in
 * z-order, as the curve runs through them), share their stage's column out
 * evenly; @starts, one per stage and one more, says where each stage's run
 * begins in @curve. */
static void
place_emotions (Layout      *self,
                const guint *curve,
                const guint *starts)
{
  GPtrArray *emotions = self->pub.emotions;
  guint n = starts[self->pub.n_stages] - starts[0];

  g_ptr_array_set_size (emotions, n);
  self->curve_rects = g_new (WmRect, MAX (n, 1));
  for (guint s = 0; s < self->pub.n_stages; s++)
    {
      const WmRect *column = &self->pub.stages[s].rect;
      double share = column->width / (starts[s + 1] - starts[s] + 1);

      for (guint k = starts[s]; k < starts[s + 1]; k++)
        {
          guint i = k - starts[0], z = curve[i];
          Place *place = &self->places[z];
          const WmRect *row = &self->pub.lanes[place->lane].rect;

          place->curve = (int) i;
          emotions->pdata[i] = self->items[z];
          place->rect.width = MIN (place->width, share);
          place->rect.height = MIN (place->height, row->height);
          place->rect.x = column->x + share * (k - starts[s] + 1) - place->rect.width / 2;
          place->rect.y = wm_journey_layout_score_y (&self->pub, place->score) - place->rect.height / 2;
          self->curve_rects[i] = place->rect;
        }
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
setup (Layout      *self,
       WmDiagram   *diagram,
       PlacedTypes *types)
{
  WmJourneyLayout *pub = &self->pub;
  const WmNotation *notation = wm_diagram_get_notation (diagram);
  static gsize stamps;
  Arrays arrays;

  g_atomic_ref_count_init (&self->ref);
  /* A fresh stamp, which new_from() may swap for its base's. */
  self->emotions_stamp = (guint64) g_atomic_pointer_add (&stamps, 1) + 1;
  placed_types_init (types, notation);
  pub->stages = make_bands (wm_diagram_get_list (diagram, WM_JOURNEY_STAGES), &pub->n_stages);
  pub->lanes = make_bands (wm_diagram_get_list (diagram, WM_JOURNEY_LANES), &pub->n_lanes);
  pub->emotion_lane = find_lane (pub, WM_JOURNEY_EMOTION_LANE);
  pub->kpi_lane = find_lane (pub, WM_JOURNEY_KPI_LANE);
  pub->emotions = g_ptr_array_new ();
  self->emotion_size = types->emotion != NULL ? types->emotion->height : 24;
  self->n_items = wm_diagram_get_n_items (diagram);
  arrays = arrays_take (self->n_items);
  self->items = arrays.items;
  self->places = arrays.places;
  self->slots = arrays.slots;
  self->capacity = arrays.capacity;
}

/* Places what the classified places hold: the stacks, the lanes' heights,
 * the grid, the header and the curve. */
static void
place_all (Layout    *self,
           WmDiagram *diagram)
{
  guint n_cells = self->pub.n_lanes * self->pub.n_stages;
  guint n_slots = n_cells + self->pub.n_stages;
  g_autofree guint *starts = g_new (guint, n_slots + 1);
  g_autofree double *heights = g_new0 (double, MAX (self->pub.n_lanes, 1));
  g_autofree guint *order = NULL;

  order = sort_slots (self, n_slots, starts);
  measure_lanes (self, order, starts, heights);
  place_grid (self, heights);
  place_header (&self->pub, diagram);
  place_stacks (self, order, starts, n_cells);
  place_emotions (self, order + starts[n_cells], starts + n_cells);
}

static gboolean
is_journey (WmDiagram *diagram)
{
  return g_str_equal (wm_diagram_get_notation (diagram)->id, "customer-journey");
}

WmJourneyLayout *
wm_journey_layout_new (WmDiagram *diagram)
{
  Layout *self;
  PlacedTypes types;
  EntryIndex stages, lanes;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), NULL);
  if (!is_journey (diagram))
    return NULL;

  self = g_new0 (Layout, 1);
  setup (self, diagram, &types);
  entry_index_init (&stages, self->pub.stages, self->pub.n_stages);
  entry_index_init (&lanes, self->pub.lanes, self->pub.n_lanes);
  /* One pass reads each item once: on a long journey, fetching the items
   * from memory is much of the layout's time. */
  for (guint i = 0; i < self->n_items; i++)
    {
      self->items[i] = wm_diagram_get_item (diagram, i);
      classify_item (self, &types, &stages, &lanes, i, self->items[i]);
    }
  entry_index_clear (&stages);
  entry_index_clear (&lanes);
  place_all (self, diagram);
  arrays_prepare (self->n_items);
  return &self->pub;
}

/* Whether @base was made for the diagram's items, in this z-order, and its
 * stages and lanes: then only the items edited since need reading again. */
static gboolean
same_frame (const Layout *base,
            const Layout *self,
            WmDiagram    *diagram)
{
  if (base->n_items != self->n_items || base->pub.n_stages != self->pub.n_stages ||
      base->pub.n_lanes != self->pub.n_lanes)
    return FALSE;
  for (guint s = 0; s < self->pub.n_stages; s++)
    if (!g_str_equal (base->pub.stages[s].id, self->pub.stages[s].id))
      return FALSE;
  for (guint l = 0; l < self->pub.n_lanes; l++)
    if (!g_str_equal (base->pub.lanes[l].id, self->pub.lanes[l].id))
      return FALSE;
  for (guint i = 0; i < self->n_items; i++)
    if (base->items[i] != wm_diagram_get_item (diagram, i))
      return FALSE;
  return TRUE;
}

WmJourneyLayout *
wm_journey_layout_new_from (WmDiagram             *diagram,
                            const WmJourneyLayout *base,
                            const char * const    *edited)
{
  const Layout *old = (const Layout *) base;
  Layout *self;
  PlacedTypes types;
  EntryIndex stages, lanes;
  gboolean emotions_kept = TRUE;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), NULL);
  g_return_val_if_fail (base != NULL && edited != NULL, NULL);
  if (!is_journey (diagram))
    return NULL;

  self = g_new0 (Layout, 1);
  setup (self, diagram, &types);
  if (!same_frame (old, self, diagram))
    {
      wm_journey_layout_free (&self->pub);
      return wm_journey_layout_new (diagram);
    }
  memcpy (self->items, old->items, self->n_items * sizeof (WmItem *));
  memcpy (self->places, old->places, self->n_items * sizeof (Place));
  memcpy (self->slots, old->slots, self->n_items * sizeof (int));
  entry_index_init (&stages, self->pub.stages, self->pub.n_stages);
  entry_index_init (&lanes, self->pub.lanes, self->pub.n_lanes);
  for (guint k = 0; edited[k] != NULL; k++)
    {
      WmItem *item = wm_diagram_lookup (diagram, edited[k]);

      if (item == NULL)
        continue;
      classify_item (self, &types, &stages, &lanes, item->z, item);
      if (old->places[item->z].kind == KIND_EMOTION || self->places[item->z].kind == KIND_EMOTION)
        emotions_kept = FALSE;
    }
  entry_index_clear (&stages);
  entry_index_clear (&lanes);
  if (emotions_kept)
    self->emotions_stamp = old->emotions_stamp;
  place_all (self, diagram);
  return &self->pub;
}

WmJourneyLayout *
wm_journey_layout_ref (WmJourneyLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  g_atomic_ref_count_inc (&((Layout *) layout)->ref);
  return layout;
}

void
wm_journey_layout_free (WmJourneyLayout *layout)
{
  Layout *self = (Layout *) layout;

  if (layout == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  g_free (layout->stages);
  g_free (layout->lanes);
  g_ptr_array_unref (layout->emotions);
  arrays_give ((Arrays) { self->items, self->places, self->slots, self->capacity });
  g_free (self->curve_rects);
  g_free (self);
}

/* The layout kept on the diagram (wm_diagram_keep_derived()) */

#define DERIVED_KEY "wm-journey-layout"

static void
cache_layout (WmDiagram       *diagram,
              WmJourneyLayout *layout)
{
  wm_diagram_keep_derived (diagram, DERIVED_KEY, wm_journey_layout_ref (layout),
                           (GDestroyNotify) wm_journey_layout_free);
}

WmJourneyLayout *
wm_journey_layout_get (WmDiagram *diagram)
{
  WmJourneyLayout *layout;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), NULL);

  /* Outside a project a diagram announces no change to drop it by. */
  if (wm_diagram_get_project (diagram) == NULL)
    return wm_journey_layout_new (diagram);
  layout = wm_diagram_dup_derived (diagram, DERIVED_KEY,
                                   (GBoxedCopyFunc) wm_journey_layout_ref);
  if (layout == NULL)
    {
      layout = wm_journey_layout_new (diagram);
      if (layout != NULL)
        cache_layout (diagram, layout);
    }
  return layout;
}

void
wm_journey_layout_keep (WmDiagram       *diagram,
                        WmJourneyLayout *layout)
{
  g_return_if_fail (WM_IS_DIAGRAM (diagram));
  g_return_if_fail (layout != NULL);

  if (wm_diagram_get_project (diagram) != NULL)
    cache_layout (diagram, layout);
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

guint64
wm_journey_layout_get_emotions_stamp (const WmJourneyLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return ((const Layout *) layout)->emotions_stamp;
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

int
wm_journey_layout_curve_index (const WmJourneyLayout *layout,
                               const WmItem          *item)
{
  const Place *place;

  g_return_val_if_fail (layout != NULL && item != NULL, -1);

  place = place_of ((const Layout *) layout, item);
  return place != NULL ? place->curve : -1;
}

WmJourneyPlacement
wm_journey_layout_placement (const WmJourneyLayout *layout,
                             guint                  position,
                             const WmItem          *item,
                             WmRect                *rect,
                             guint                 *curve)
{
  const Layout *self = (const Layout *) layout;
  const Place *place;

  g_return_val_if_fail (layout != NULL && rect != NULL && curve != NULL, WM_JOURNEY_UNPLACED);

  if (position >= self->n_items || self->items[position] != item)
    return WM_JOURNEY_UNPLACED;
  place = &self->places[position];
  *rect = place->rect;
  *curve = place->kind == KIND_EMOTION ? (guint) place->curve : 0;
  switch (place->kind)
    {
    case KIND_STACKED:
      return WM_JOURNEY_IN_CELL;
    case KIND_EMOTION:
      return WM_JOURNEY_ON_CURVE;
    case KIND_NONE:
    default:
      return WM_JOURNEY_UNPLACED;
    }
}

void
wm_journey_layout_curve_rect (const WmJourneyLayout *layout,
                              guint                  index,
                              WmRect                *rect)
{
  const Layout *self = (const Layout *) layout;

  g_return_if_fail (layout != NULL && rect != NULL);
  g_return_if_fail (index < layout->emotions->len);

  *rect = self->curve_rects[index];
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
