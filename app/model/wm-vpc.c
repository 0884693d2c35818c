/* wm-vpc.c — the geometry of the Value Proposition Canvas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the painter draws and the canvas hit-tests, so that both agree: the
 * value map's square, split into products and services (its left half), gain
 * creators and pain relievers (the right half's top and bottom), and the
 * customer profile's circle, split into customer jobs (its right half),
 * gains and pains (the left half's top and bottom quarters), so that gain
 * creators face gains and pain relievers face pains across the gap.
 *
 * The notes of a round area flow in the largest box its quarter or half
 * circle holds: a half circle of radius r holds a box r/√2 wide and r√2
 * high, a quarter circle a square of side r/√2 in its corner.
 */
#define G_LOG_DOMAIN "wm-vpc"

#include "config.h"

#include <math.h>

#include "wm-notation-private.h"
#include "wm-vpc.h"

void
wm_vpc_canvas_size (WmDiagram *diagram,
                    double    *width,
                    double    *height)
{
  g_return_if_fail (WM_IS_DIAGRAM (diagram));

  *width = wm_diagram_get_number (diagram, WM_FIELD_WIDTH);
  *height = wm_diagram_get_number (diagram, WM_FIELD_HEIGHT);
}

static double
side (WmDiagram *diagram,
      double    *width,
      double    *height)
{
  wm_vpc_canvas_size (diagram, width, height);
  return MIN (*height, *width * 0.45);
}

void
wm_vpc_square (WmDiagram *diagram,
               WmRect    *square)
{
  double width, height, s = side (diagram, &width, &height);

  *square = (WmRect) { 0, (height - s) / 2, s, s };
}

void
wm_vpc_circle (WmDiagram *diagram,
               WmPoint   *centre,
               double    *radius)
{
  double width, height, s = side (diagram, &width, &height);

  *centre = (WmPoint) { width - s / 2, height / 2 };
  *radius = s / 2;
}

/* The box of an area: the part of the square, or the bounding box of the
 * part of the circle. */
static void
area_rect (WmDiagram *diagram,
           guint      area,
           WmRect    *rect)
{
  WmRect sq;
  WmPoint c;
  double r;

  wm_vpc_square (diagram, &sq);
  wm_vpc_circle (diagram, &c, &r);
  switch ((WmVpcArea) area)
    {
    case WM_VPC_PRODUCTS:
      *rect = (WmRect) { sq.x, sq.y, sq.width / 2, sq.height };
      break;
    case WM_VPC_GAIN_CREATORS:
      *rect = (WmRect) { sq.x + sq.width / 2, sq.y, sq.width / 2, sq.height / 2 };
      break;
    case WM_VPC_PAIN_RELIEVERS:
      *rect = (WmRect) { sq.x + sq.width / 2, sq.y + sq.height / 2, sq.width / 2, sq.height / 2 };
      break;
    case WM_VPC_JOBS:
      *rect = (WmRect) { c.x, c.y - r, r, 2 * r };
      break;
    case WM_VPC_GAINS:
      *rect = (WmRect) { c.x - r, c.y - r, r, r };
      break;
    case WM_VPC_PAINS:
      *rect = (WmRect) { c.x - r, c.y, r, r };
      break;
    case WM_VPC_N_AREAS:
    default:
      g_return_if_reached ();
    }
}

/* The area's box for its title and notes: all of a square's part; the
 * largest box inside a part of the circle. */
static void
inner_rect (WmDiagram *diagram,
            guint      area,
            WmRect    *rect)
{
  WmPoint c;
  double r, a;

  if (area <= WM_VPC_PAIN_RELIEVERS)
    {
      area_rect (diagram, area, rect);
      return;
    }
  wm_vpc_circle (diagram, &c, &r);
  a = r / G_SQRT2;
  switch ((WmVpcArea) area)
    {
    case WM_VPC_JOBS:
      *rect = (WmRect) { c.x, c.y - a, a, 2 * a };
      break;
    case WM_VPC_GAINS:
      *rect = (WmRect) { c.x - a, c.y - a, a, a };
      break;
    case WM_VPC_PAINS:
      *rect = (WmRect) { c.x - a, c.y, a, a };
      break;
    case WM_VPC_PRODUCTS:
    case WM_VPC_GAIN_CREATORS:
    case WM_VPC_PAIN_RELIEVERS:
    case WM_VPC_N_AREAS:
    default:
      g_return_if_reached ();
    }
}

void
wm_vpc_title_rect (WmDiagram *diagram,
                   WmVpcArea  area,
                   WmRect    *rect)
{
  WmRect inner;

  g_return_if_fail (area < WM_VPC_N_AREAS);

  inner_rect (diagram, area, &inner);
  *rect = (WmRect) { inner.x + WM_VPC_PAD, inner.y + WM_VPC_PAD / 2,
                     MAX (inner.width - 2 * WM_VPC_PAD, 0), WM_VPC_TITLE_HEIGHT };
}

static void
content_rect (WmDiagram *diagram,
              guint      area,
              WmRect    *rect)
{
  WmRect inner;
  double top = WM_VPC_PAD / 2 + WM_VPC_TITLE_HEIGHT;

  inner_rect (diagram, area, &inner);
  *rect = (WmRect) { inner.x + WM_VPC_PAD, inner.y + top,
                     MAX (inner.width - 2 * WM_VPC_PAD, 0),
                     MAX (inner.height - top - WM_VPC_PAD, 0) };
}

static guint
area_at (WmDiagram *diagram,
         double     x,
         double     y)
{
  WmRect sq;
  WmPoint c;
  double r;

  wm_vpc_square (diagram, &sq);
  if (x >= sq.x && x < sq.x + sq.width && y >= sq.y && y < sq.y + sq.height)
    {
      if (x < sq.x + sq.width / 2)
        return WM_VPC_PRODUCTS;
      return y < sq.y + sq.height / 2 ? WM_VPC_GAIN_CREATORS : WM_VPC_PAIN_RELIEVERS;
    }
  wm_vpc_circle (diagram, &c, &r);
  if (hypot (x - c.x, y - c.y) < r)
    {
      if (x >= c.x)
        return WM_VPC_JOBS;
      return y < c.y ? WM_VPC_GAINS : WM_VPC_PAINS;
    }
  return WM_VPC_N_AREAS;
}

/* Each area holds the notes of its own type. */
static const WmBoardArea areas[WM_VPC_N_AREAS] = {
  [WM_VPC_PRODUCTS] = { "products-services", N_("Products & Services"), "product" },
  [WM_VPC_GAIN_CREATORS] = { "gain-creators", N_("Gain Creators"), "gain-creator" },
  [WM_VPC_PAIN_RELIEVERS] = { "pain-relievers", N_("Pain Relievers"), "pain-reliever" },
  [WM_VPC_JOBS] = { "customer-jobs", N_("Customer Jobs"), "job" },
  [WM_VPC_GAINS] = { "gains", N_("Gains"), "gain" },
  [WM_VPC_PAINS] = { "pains", N_("Pains"), "pain" },
};

const WmBoard wm_vpc_board = {
  .areas = areas,
  .n_areas = WM_VPC_N_AREAS,
  .area_rect = area_rect,
  .content_rect = content_rect,
  .area_at = area_at,
};
