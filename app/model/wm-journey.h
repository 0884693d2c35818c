/* wm-journey.h — the grid of a customer journey map and where its items go
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-diagram.h"

G_BEGIN_DECLS

/* The grid's measures, in document units. */
#define WM_JOURNEY_LABEL_WIDTH    170.0  /* the lane labels' column, left of the stages */
#define WM_JOURNEY_COLUMN_WIDTH   220.0  /* one stage */
#define WM_JOURNEY_ROW_HEIGHT     110.0  /* one lane, until its tallest stack needs more */
#define WM_JOURNEY_EMOTION_HEIGHT 130.0  /* the emotion lane, with room for notes by its curve */
#define WM_JOURNEY_PADDING        10.0   /* inside a cell, around its stack */
#define WM_JOURNEY_GAP            8.0    /* between two stacked cards */
#define WM_JOURNEY_HEADER_HEIGHT  144.0  /* the persona and scenario band */
#define WM_JOURNEY_STAGE_HEIGHT   40.0   /* the row of stage headers */
/* The first lane row starts at (WM_JOURNEY_GRID_X, WM_JOURNEY_GRID_Y); the
 * label column lies left of it and the headers above it, so the header band
 * starts above y = 0. These are the places where the sample project and the
 * files written before the layout existed put their cards. */
#define WM_JOURNEY_GRID_X         180.0
#define WM_JOURNEY_GRID_Y         130.0

/* The names of the notation's lists, fields and properties (see wm-notation.h). */
#define WM_JOURNEY_STAGES              "stages"               /* list: the columns */
#define WM_JOURNEY_LANES               "lanes"                /* list: the rows */
/* The diagram's fields, shown in the header band. */
#define WM_JOURNEY_PERSONA             "persona"              /* STRING */
#define WM_JOURNEY_PERSONA_DESCRIPTION "persona-description"  /* TEXT */
#define WM_JOURNEY_SCENARIO            "scenario"             /* TEXT */
#define WM_JOURNEY_EXPECTATIONS        "expectations"         /* TEXT */
#define WM_JOURNEY_PERSONA_LINKS       "persona-links"        /* REFS */
/* The items' properties: every item's stage, a card's lane, an emotion point's score. */
#define WM_JOURNEY_STAGE               "stage"                /* SLOT of WM_JOURNEY_STAGES */
#define WM_JOURNEY_LANE                "lane"                 /* SLOT of WM_JOURNEY_LANES */
#define WM_JOURNEY_SCORE               "score"                /* NUMBER: -2..+2 */
/* A KPI's. */
#define WM_JOURNEY_VALUE               "value"                /* NUMBER */
#define WM_JOURNEY_TARGET              "target"               /* NUMBER, may be unset */
#define WM_JOURNEY_UNIT                "unit"                 /* STRING */
#define WM_JOURNEY_HIGHER_IS_BETTER    "higher-is-better"     /* BOOLEAN */

/* The lanes that hold the emotion curve and the KPIs, by entry id. */
#define WM_JOURNEY_EMOTION_LANE   "emotions"
#define WM_JOURNEY_KPI_LANE       "kpis"

/* The fill ("#rrggbb") a card made in the lane @lane (an entry id) starts
 * with: light red for "pain-points", light green for "opportunities"; NULL
 * for a lane without one, whose cards start with the type's default. The
 * colour stays the card's own to change. */
const char *wm_journey_lane_card_color (const char *lane);

/* A stage (a column) or a lane (a row). The id and label belong to the
 * diagram's list entry: they are valid until the diagram's next edit. */
typedef struct
{
  const char *id;
  const char *label;
  WmRect      rect;    /* stages: the column across every lane; lanes: the row across every stage */
  WmRect      header;  /* stages: the header above the column; lanes: the label cell on the left */
} WmJourneyBand;

/* A snapshot of the layout of one diagram, valid until its next edit. */
typedef struct
{
  WmRect         bounds;        /* everything below: the header band, stage headers, labels, grid */
  WmRect         header;        /* the band at the top */
  WmRect         persona;       /* its parts: name and description... */
  WmRect         scenario;      /* ...the scenario... */
  WmRect         expectations;  /* ...and the expectations; empty when the field is blank */
  WmRect         grid;          /* the cells: every stage column by every lane row */
  WmJourneyBand *stages;
  guint          n_stages;
  WmJourneyBand *lanes;
  guint          n_lanes;
  int            emotion_lane;  /* index into lanes, or -1 when no lane is "emotions" */
  int            kpi_lane;      /* index into lanes, or -1 when no lane is "kpis" */
  /* The emotion points the layout places (WmItem *, owned by the diagram),
   * in the order the curve runs through them: by stage, then by z-order. */
  GPtrArray     *emotions;
} WmJourneyLayout;

/* Lays out a customer-journey diagram; NULL for other notations.
 *
 * Cards sit in the cell of their "stage" and "lane", KPIs in the "kpis" lane
 * at their stage; both stack down from the top of the cell in z-order, at
 * their stored size (the type's default when it is empty), no wider than the
 * column, and a lane grows to fit its tallest stack (the emotion lane is a
 * little taller to begin with). Emotion points sit in
 * the "emotions" lane: horizontally at the centre of their stage's column
 * (several in one stage share it out evenly), vertically by their "score"
 * from +2 at the top to -2 at the bottom around a neutral line at 0.
 *
 * An item whose stage or lane is not an entry of the lists, or whose implicit
 * lane ("emotions", "kpis") is missing, is not placed: it keeps its stored
 * bounds, so nothing the analyst drew disappears when a stage is removed. */
WmJourneyLayout *wm_journey_layout_new       (WmDiagram             *diagram);
/* The layout wm_journey_layout_new() makes, made from @base, a layout of
 * the same diagram from before some items' properties or bounds were
 * edited: only the items @edited names (ids, NULL-terminated) are read
 * again, where a new layout reads them all. @edited must name every item
 * edited since @base was made; when items were added, removed or
 * reordered, or a stage or a lane changed, since, it lays out anew. */
WmJourneyLayout *wm_journey_layout_new_from  (WmDiagram             *diagram,
                                              const WmJourneyLayout *base,
                                              const char * const    *edited);
/* A reference to the diagram's layout, made when first asked for and kept
 * on the diagram until its next change (wm_diagram_keep_derived()), so
 * that the painter and the canvas lay a journey out once per edit. Inside an undo group that has
 * not ended the diagram has not signalled yet, and the layout is the one
 * from before the group (wm_journey_layout_new() gives the state within).
 * A diagram outside a project gets a new layout each time. */
WmJourneyLayout *wm_journey_layout_get       (WmDiagram             *diagram);
/* Makes @layout the one wm_journey_layout_get() gives until the diagram's
 * next change: for a caller that laid the diagram out within an undo group,
 * for the state the group leaves it in, and calls this once the group has
 * ended, so that the frame after the edit does not lay it out again. */
void             wm_journey_layout_keep      (WmDiagram             *diagram,
                                              WmJourneyLayout       *layout);
WmJourneyLayout *wm_journey_layout_ref       (WmJourneyLayout       *layout);
/* Drops a reference (from _new, _get or _ref); the last frees the layout. */
void             wm_journey_layout_free      (WmJourneyLayout       *layout);
/* Never 0. Two layouts of a diagram with the same stamp have the same
 * emotion points in the same order, none edited in between (one was made
 * by wm_journey_layout_new_from() from the other, with no emotion point
 * among the edited items): what was read from a point's item then, its
 * text for one, still holds. Their places may differ. */
guint64          wm_journey_layout_get_emotions_stamp (const WmJourneyLayout *layout);

/* Where the layout puts @item: TRUE and its rectangle when the layout places
 * it, FALSE and its stored bounds otherwise (links, unplaced items, items
 * added after the layout was made). @stage and @lane (may be NULL) receive
 * the indexes of its cell, or -1. */
gboolean         wm_journey_layout_item_rect (const WmJourneyLayout *layout,
                                              const WmItem          *item,
                                              WmRect                *rect);
gboolean         wm_journey_layout_item_cell (const WmJourneyLayout *layout,
                                              const WmItem          *item,
                                              int                   *stage,
                                              int                   *lane);
/* The position of emotion point @item in layout->emotions, or -1 when the
 * layout does not place it on the curve; O(1). */
int              wm_journey_layout_curve_index (const WmJourneyLayout *layout,
                                                const WmItem          *item);
/* What the layout does with @item, at z-order @position, read without
 * reading the item (a long journey's items are slow to fetch one by one):
 * stacks it in a cell, or puts it on the curve (then @curve receives its
 * index in layout->emotions), each with @rect as item_rect() gives it; or
 * leaves it where its bounds say, or was made before @item was there
 * (@rect is then meaningless: ask item_rect()). */
typedef enum
{
  WM_JOURNEY_UNPLACED,
  WM_JOURNEY_IN_CELL,
  WM_JOURNEY_ON_CURVE,
} WmJourneyPlacement;

WmJourneyPlacement wm_journey_layout_placement (const WmJourneyLayout *layout,
                                                guint                  position,
                                                const WmItem          *item,
                                                WmRect                *rect,
                                                guint                 *curve);
/* The rectangle of point @index of layout->emotions, as item_rect() gives
 * it, found without reading the item. */
void             wm_journey_layout_curve_rect  (const WmJourneyLayout *layout,
                                                guint                  index,
                                                WmRect                *rect);
/* The cell of @stage and @lane (indexes); FALSE when either is out of range. */
gboolean         wm_journey_layout_cell_rect (const WmJourneyLayout *layout,
                                              guint                  stage,
                                              guint                  lane,
                                              WmRect                *rect);
/* The cell under a point: TRUE with the ids of its stage and lane (valid
 * until the diagram's next edit), FALSE outside the grid. */
gboolean         wm_journey_layout_cell_at   (const WmJourneyLayout *layout,
                                              double                 x,
                                              double                 y,
                                              const char           **stage,
                                              const char           **lane);
/* The height at which the emotion lane draws @score (clamped to -2..+2); the
 * neutral line is the height of 0. Without an emotion lane, 0. */
double           wm_journey_layout_score_y   (const WmJourneyLayout *layout,
                                              double                 score);

/* The score the emotion lane draws at height @y, the inverse of score_y():
 * clamped to -2..+2 above and below the lane. Without an emotion lane, 0. */
double           wm_journey_layout_score_at  (const WmJourneyLayout *layout,
                                              double                 y);
/* The stage whose column spans @x (at any height), or -1 left or right of
 * the grid. */
int              wm_journey_layout_stage_at  (const WmJourneyLayout *layout,
                                              double                 x);
/* The stage whose header, or the lane whose label cell, holds the point;
 * -1 for none. The canvas renames and reorders them from there. */
int              wm_journey_layout_stage_header_at (const WmJourneyLayout *layout,
                                                    double                 x,
                                                    double                 y);
int              wm_journey_layout_lane_header_at  (const WmJourneyLayout *layout,
                                                    double                 x,
                                                    double                 y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmJourneyLayout, wm_journey_layout_free)

G_END_DECLS
