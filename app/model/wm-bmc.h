/* wm-bmc.h — the geometry of the Business Model Canvas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-board.h"

G_BEGIN_DECLS

typedef enum
{
  WM_BMC_KEY_PARTNERS,
  WM_BMC_KEY_ACTIVITIES,
  WM_BMC_KEY_RESOURCES,
  WM_BMC_VALUE_PROPOSITIONS,
  WM_BMC_CUSTOMER_RELATIONSHIPS,
  WM_BMC_CHANNELS,
  WM_BMC_CUSTOMER_SEGMENTS,
  WM_BMC_COST_STRUCTURE,
  WM_BMC_REVENUE_STREAMS,
  WM_BMC_N_BLOCKS
} WmBmcBlock;

/* The names of the notation's list, fields and properties (see wm-notation.h);
 * the canvas size is WM_FIELD_WIDTH and WM_FIELD_HEIGHT, and a note has
 * WM_FIELD_COLOR, WM_FIELD_PINNED and WM_FIELD_LINKS too. */
#define WM_BMC_LEGEND       "legend"        /* list: what the notes' colours mean */
#define WM_BMC_DESIGNED_FOR "designed-for"  /* STRING fields of the header band */
#define WM_BMC_DESIGNED_BY  "designed-by"
#define WM_BMC_DATE         "date"
#define WM_BMC_VERSION      "version"
#define WM_BMC_BLOCK        "block"         /* ENUM: a note's block, see wm_bmc_block_id() */

/* Inside a block, in document units: the painter draws the block's title at
 * TITLE_TOP and its guiding question at QUESTION_TOP, both BLOCK_PAD from the
 * sides; the notes flow below CONTENT_TOP. The sample project and the files
 * written before the flow existed put their first row of notes there. */
#define WM_BMC_BLOCK_PAD      14.0
#define WM_BMC_TITLE_TOP      10.0
#define WM_BMC_TITLE_SIZE     15.0
#define WM_BMC_QUESTION_TOP   29.5
#define WM_BMC_QUESTION_SIZE  11.0
#define WM_BMC_CONTENT_TOP    48.0

/* The header band above the canvas (it starts above y = 0): a small label
 * over each field's value, on a rule. */
#define WM_BMC_HEADER_TOP       -60.0
#define WM_BMC_HEADER_VALUE_TOP -44.0
#define WM_BMC_HEADER_RULE      -18.0
#define WM_BMC_N_HEADER_FIELDS  4

/* The legend below the canvas: rows of equal slots, a swatch and a label in
 * each, so that hit-testing needs no text measurement. */
#define WM_BMC_LEGEND_GAP        16.0
#define WM_BMC_LEGEND_SLOT_WIDTH 240.0
#define WM_BMC_LEGEND_ROW        24.0
#define WM_BMC_LEGEND_SWATCH     14.0

const char *wm_bmc_block_id    (WmBmcBlock  block);
WmBmcBlock  wm_bmc_block_from_id (const char *id);
/* The block's rectangle on a canvas of @width x @height: five equal columns,
 * the top band three quarters of the height, the bottom band split at the
 * middle of the value propositions column. */
void        wm_bmc_block_rect  (WmBmcBlock  block,
                                double      width,
                                double      height,
                                WmRect     *rect);
/* Where a block's notes flow: inside its padding, below its title and question. */
void        wm_bmc_content_rect (WmBmcBlock  block,
                                 double      width,
                                 double      height,
                                 WmRect     *rect);
/* The block under a point, or WM_BMC_N_BLOCKS outside the canvas. */
WmBmcBlock  wm_bmc_block_at    (double      width,
                                double      height,
                                double      x,
                                double      y);
/* The diagram's canvas size (its "width" and "height" fields). */
void        wm_bmc_canvas_size (WmDiagram  *diagram,
                                double     *width,
                                double     *height);

/* Header field @index (< WM_BMC_N_HEADER_FIELDS): the diagram field it shows
 * ("designed-for", "designed-by", "date", "version") and where it sits on a
 * canvas @width wide, from the top of its label down to its rule. */
const char *wm_bmc_header_field      (guint       index,
                                      double      width,
                                      WmRect     *rect);
/* The field under a point, with its rectangle (may be NULL), or NULL. */
const char *wm_bmc_header_field_at   (double      width,
                                      double      x,
                                      double      y,
                                      WmRect     *rect);

/* Legend entries sit in slots WM_BMC_LEGEND_SLOT_WIDTH wide, as many to a
 * row as fit the canvas (at least one), rows below the canvas. */
guint       wm_bmc_legend_n_rows     (WmDiagram  *diagram);
/* The slot of entry @index; FALSE when there is no such entry. */
gboolean    wm_bmc_legend_entry_rect (WmDiagram  *diagram,
                                      guint       index,
                                      WmRect     *rect);
/* The entry whose slot holds a point, or NULL. */
const WmListEntry *wm_bmc_legend_entry_at (WmDiagram *diagram,
                                           double     x,
                                           double     y,
                                           guint     *index);

G_END_DECLS
