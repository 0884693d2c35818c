/* wm-vpc.h — the geometry of the Value Proposition Canvas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-board.h"

G_BEGIN_DECLS

/* The six areas, in the order of the notation's board: the value map (a
 * square on the left) and the customer profile (a circle on the right). */
typedef enum
{
  WM_VPC_PRODUCTS,
  WM_VPC_GAIN_CREATORS,
  WM_VPC_PAIN_RELIEVERS,
  WM_VPC_JOBS,
  WM_VPC_GAINS,
  WM_VPC_PAINS,
  WM_VPC_N_AREAS
} WmVpcArea;

/* The names of the notation's fields and properties (see wm-notation.h);
 * the canvas size is WM_FIELD_WIDTH and WM_FIELD_HEIGHT, and every note has
 * WM_FIELD_COLOR, WM_FIELD_PINNED and WM_FIELD_LINKS. */
#define WM_VPC_VALUE_PROPOSITION_LINKS "value-proposition-links"  /* REFS: to a business model */
#define WM_VPC_CUSTOMER_SEGMENT_LINKS  "customer-segment-links"   /* REFS: to a business model */
#define WM_VPC_KIND                    "kind"                     /* ENUM: a job's kind */
#define WM_VPC_SEVERITY                "severity"                 /* ENUM: a pain's */
#define WM_VPC_RELEVANCE               "relevance"                /* ENUM: a gain's */

/* Inside an area, in document units: its title sits TITLE_HEIGHT high at the
 * top of the area's content box, PAD from its sides; the notes flow below. */
#define WM_VPC_PAD          14.0
#define WM_VPC_TITLE_SIZE   15.0
#define WM_VPC_TITLE_HEIGHT 30.0
/* The band above the square and the circle that names them. */
#define WM_VPC_CAPTION_TOP  -40.0
#define WM_VPC_CAPTION_SIZE 18.0

/* The diagram's canvas size (its "width" and "height" fields). */
void  wm_vpc_canvas_size  (WmDiagram *diagram,
                           double    *width,
                           double    *height);
/* The value map's square and the customer profile's circle (as its centre
 * and radius): as large as the canvas allows, side by side, a tenth of the
 * width or more apart for the fit arrows between them. */
void  wm_vpc_square       (WmDiagram *diagram,
                           WmRect    *square);
void  wm_vpc_circle       (WmDiagram *diagram,
                           WmPoint   *centre,
                           double    *radius);
/* The rectangle an area's title takes: the top of its box. */
void  wm_vpc_title_rect   (WmDiagram *diagram,
                           WmVpcArea  area,
                           WmRect    *rect);

extern const WmBoard wm_vpc_board;

G_END_DECLS
