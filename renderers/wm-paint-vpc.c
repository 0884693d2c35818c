/* wm-paint-vpc.c — the Value Proposition Canvas painter
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The value map is a square and the customer profile a circle, side by side
 * where wm-vpc.c puts them, each split into its three areas with the area's
 * title and a small line icon at the top, and named by a caption above it
 * with, when the diagram links to business model canvas notes, the text of
 * those notes under the caption. Notes are the shared sticky notes of boards
 * (wm-paint-board.c); jobs, pains and gains carry a small tag with their
 * kind, severity or relevance on their bottom edge.
 *
 * A fit link runs from the right side of its value map note to the left
 * side of its profile note, where the layout puts them, without crossing
 * a note: along the gap below the source's row when a note stands to its
 * right, across the space between the two areas in a smooth curve, and
 * along the gap below the target's row when a note stands to its left.
 * Fits that share a gap run side by side in it. It ends in an arrowhead, red
 * for "relieves" and green for "creates", and is drawn over every note
 * whatever the z-order, on a casing of paper. A fit whose notes the flow
 * does not place (placed freely) curves straight between their sides.
 *
 * The layout and the routes are kept on the diagram until its next
 * change (see _wm_painter_cached()), so that item_extent, which
 * comes without a paint and for every item, costs no O(n) each, and what is
 * painted and what is measured agree.
 */
#define G_LOG_DOMAIN "wm-paint-vpc"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "wm-batch.h"
#include "wm-painter-private.h"

/* The square and the circle, and the lines that split them into areas. */
#define OUTLINE_WIDTH 1.5
#define SPLIT_WIDTH 1.0
#define ICON_SIZE 18.0
#define ICON_GAP 8.0
/* Under a caption, the business model notes it is linked to, clear of
 * the shape below. */
#define CAPTION_HEIGHT (WM_VPC_CAPTION_SIZE * 1.2)
#define LINKED_SIZE 11.0
#define LINKED_HEIGHT 14.0
#define LINK_MARK_SIZE 11.0

/* A note's tag: a pill on its bottom edge, TAG_INSET from its left side. */
#define TAG_SIZE 9.0
#define TAG_HEIGHT 13.0
#define TAG_INSET 8.0
#define TAG_PAD 5.0
#define TAG_DOT 4.0
#define TAG_DOT_GAP 1.5
/* Room the tag leaves for the note's folded corner. */
#define TAG_FOLD_ROOM 18.0
#define TAG_MIN_WIDTH 40.0

/* Fit links */
#define FIT_WIDTH 2.0
/* The paper on either side of a fit's line, and around its ends. */
#define FIT_CASING 2.0
#define FIT_HEAD_LENGTH 10.0
#define FIT_HEAD_HALF 4.25
/* How far the line runs under the arrowhead, from its tip. */
#define FIT_HEAD_TUCK 7.0
#define FIT_DOT 2.75
#define FIT_CORNER 6.0
/* How far the tangents of a curve between free notes reach, at most. */
#define FIT_BEND 160.0
/* Between the notes of an area and where the fits leaving it turn across. */
#define FIT_CLEARANCE 14.0
/* Between fits that share a gap between two rows, or a note's side. */
#define FIT_LANE_SPACING 5.0
#define FIT_PORT_SPACING 10.0
#define LABEL_SIZE 11.0
#define LABEL_WIDTH 150.0
#define LABEL_LINES 3
#define LABEL_PAD_X 4.0
#define LABEL_PAD_Y 2.0

static const WmColor shape_fill = { 0.973, 0.976, 0.980, 1 };    /* #f8f9fa */
static const WmColor shape_edge = { 0.639, 0.663, 0.698, 1 };    /* #a3a9b2 */
static const WmColor split_edge = { 0.776, 0.792, 0.816, 1 };    /* #c6cad0 */
static const WmColor relieves_ink = { 0.788, 0.243, 0.224, 1 };  /* #c93e39 */
static const WmColor creates_ink = { 0.161, 0.529, 0.318, 1 };   /* #298751 */

/* Area icons, as paths in an 18 x 18 box, stroked by the caller. */

typedef void (*IconPath) (cairo_t *cr);

static void
icon_package (cairo_t *cr)
{
  /* A box seen from above a corner: its outline and the three edges that
   * meet at the near corner. */
  cairo_move_to (cr, 9, 1.5);
  cairo_line_to (cr, 16, 5.25);
  cairo_line_to (cr, 16, 12.75);
  cairo_line_to (cr, 9, 16.5);
  cairo_line_to (cr, 2, 12.75);
  cairo_line_to (cr, 2, 5.25);
  cairo_close_path (cr);
  cairo_move_to (cr, 2, 5.25);
  cairo_line_to (cr, 9, 9);
  cairo_line_to (cr, 16, 5.25);
  cairo_move_to (cr, 9, 9);
  cairo_line_to (cr, 9, 16.5);
}

static void
icon_rising (cairo_t *cr)
{
  /* A line rising to the right, with its arrowhead. */
  cairo_move_to (cr, 1.5, 15.5);
  cairo_line_to (cr, 6.5, 10);
  cairo_line_to (cr, 10, 12.5);
  cairo_line_to (cr, 16, 4);
  cairo_move_to (cr, 11, 3.5);
  cairo_line_to (cr, 16, 4);
  cairo_line_to (cr, 16.5, 9);
}

static void
icon_pill (cairo_t *cr)
{
  /* A capsule on the diagonal, its two halves parted by a line. */
  cairo_save (cr);
  cairo_translate (cr, 9, 9);
  cairo_rotate (cr, -G_PI / 4);
  wm_path_rounded_rect (cr, &(WmRect) { -8, -3.5, 16, 7 }, 3.5);
  cairo_move_to (cr, 0, -3.5);
  cairo_line_to (cr, 0, 3.5);
  cairo_restore (cr);
}

static void
icon_briefcase (cairo_t *cr)
{
  wm_path_rounded_rect (cr, &(WmRect) { 1.5, 5.5, 15, 11 }, 1.5);
  cairo_move_to (cr, 6.5, 5.5);
  cairo_line_to (cr, 6.5, 2.5);
  cairo_line_to (cr, 11.5, 2.5);
  cairo_line_to (cr, 11.5, 5.5);
  cairo_move_to (cr, 1.5, 10.5);
  cairo_line_to (cr, 16.5, 10.5);
}

static void
face (cairo_t *cr,
      double   mouth)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, 9, 9, 7.75, 0, 2 * G_PI);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 6.5, 7, 0.6, 0, 2 * G_PI);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 11.5, 7, 0.6, 0, 2 * G_PI);
  cairo_move_to (cr, 5.5, 12 - mouth / 2);
  cairo_curve_to (cr, 7, 12 + mouth, 11, 12 + mouth, 12.5, 12 - mouth / 2);
}

static void
icon_smile (cairo_t *cr)
{
  face (cr, 1.5);
}

static void
icon_frown (cairo_t *cr)
{
  face (cr, -1.5);
}

static const IconPath icons[WM_VPC_N_AREAS] = {
  [WM_VPC_PRODUCTS] = icon_package,
  [WM_VPC_GAIN_CREATORS] = icon_rising,
  [WM_VPC_PAIN_RELIEVERS] = icon_pill,
  [WM_VPC_JOBS] = icon_briefcase,
  [WM_VPC_GAINS] = icon_smile,
  [WM_VPC_PAINS] = icon_frown,
};

static WmTextStyle
text_style (double         size,
            PangoWeight    weight,
            const WmColor *color)
{
  WmTextStyle style = wm_text_style (size);

  style.weight = weight;
  style.color = color;
  style.wrap = FALSE;
  return style;
}

/* The square and the circle */

static double
shapes_top (WmDiagram *diagram)
{
  WmRect square;
  WmPoint c;
  double r;

  wm_vpc_square (diagram, &square);
  wm_vpc_circle (diagram, &c, &r);
  return MIN (square.y, c.y - r);
}

static void
paint_square (WmPaintContext *ctx,
              const WmRect   *sq)
{
  double middle = sq->x + sq->width / 2;
  WmPoint down[2] = { { middle, sq->y }, { middle, sq->y + sq->height } };
  WmPoint across[2] = { { middle, sq->y + sq->height / 2 },
                        { sq->x + sq->width, sq->y + sq->height / 2 } };

  wm_draw_box (ctx->cr, sq, 0, &shape_fill, NULL, 0);
  wm_draw_polyline (ctx->cr, down, 2, SPLIT_WIDTH, WM_LINE_SOLID, &split_edge);
  wm_draw_polyline (ctx->cr, across, 2, SPLIT_WIDTH, WM_LINE_SOLID, &split_edge);
  wm_draw_box (ctx->cr, sq, 0, NULL, &shape_edge, OUTLINE_WIDTH);
}

static void
paint_circle (WmPaintContext *ctx,
              WmPoint         c,
              double          r)
{
  WmRect box = { c.x - r, c.y - r, 2 * r, 2 * r };
  WmPoint down[2] = { { c.x, c.y - r }, { c.x, c.y + r } };
  WmPoint across[2] = { { c.x - r, c.y }, { c.x, c.y } };

  wm_draw_ellipse (ctx->cr, &box, &shape_fill, NULL, 0);
  wm_draw_polyline (ctx->cr, down, 2, SPLIT_WIDTH, WM_LINE_SOLID, &split_edge);
  wm_draw_polyline (ctx->cr, across, 2, SPLIT_WIDTH, WM_LINE_SOLID, &split_edge);
  wm_draw_ellipse (ctx->cr, &box, NULL, &shape_edge, OUTLINE_WIDTH);
}

/* An area whose notes do not fit says so along the edge they leave by: the
 * bottom of a part of the square or of the gains' quarter, the lower arc of
 * the jobs' half and of the pains' quarter. */
static void
paint_overflow (WmPaintContext *ctx,
                WmVpcArea       area)
{
  WmColor color = _wm_board_overflow_color ();
  WmPoint c;
  double r;

  if (area != WM_VPC_JOBS && area != WM_VPC_PAINS)
    {
      WmRect rect;

      wm_vpc_board.area_rect (ctx->diagram, area, &rect);
      _wm_board_paint_overflow (ctx, &rect);
      return;
    }
  wm_vpc_circle (ctx->diagram, &c, &r);
  cairo_save (ctx->cr);
  cairo_new_path (ctx->cr);
  cairo_arc (ctx->cr, c.x, c.y, r - 1 - WM_BOARD_OVERFLOW_WIDTH / 2,
             area == WM_VPC_JOBS ? 0 : G_PI / 2, area == WM_VPC_JOBS ? G_PI / 2 : G_PI);
  cairo_set_line_width (ctx->cr, WM_BOARD_OVERFLOW_WIDTH);
  cairo_set_line_cap (ctx->cr, CAIRO_LINE_CAP_BUTT);
  wm_set_color (ctx->cr, &color);
  wm_stroke (ctx->cr);
  cairo_restore (ctx->cr);
}

/* The area's title in its title rectangle, with the icon at its right end.
 * The icon yields its place when the title would otherwise be cut short, as
 * the words matter more. */
static void
paint_area_title (WmPaintContext *ctx,
                  WmVpcArea       area)
{
  WmTextStyle style = text_style (WM_VPC_TITLE_SIZE, PANGO_WEIGHT_BOLD, NULL);
  const char *title = _(wm_vpc_board.areas[area].label);
  double beside_icon, title_width;
  gboolean icon;
  WmRect rect;

  wm_vpc_title_rect (ctx->diagram, area, &rect);
  beside_icon = rect.width - ICON_SIZE - ICON_GAP;
  style.valign = WM_ALIGN_CENTER;
  wm_measure_text (ctx->options, title, -1, &style, &title_width, NULL);
  icon = beside_icon >= 2 * ICON_SIZE && (title_width <= beside_icon || title_width > rect.width);
  wm_draw_text (ctx->cr, ctx->options, title,
                &(WmRect) { rect.x, rect.y, icon ? beside_icon : rect.width, rect.height }, &style);
  if (icon)
    wm_draw_line_icon (ctx->cr, icons[area], rect.x + rect.width - ICON_SIZE,
                       rect.y + (rect.height - ICON_SIZE) / 2, ICON_SIZE, &wm_color_muted);
}

/* The captions */

/* The texts of the notes the diagram's field @field links to, one after the
 * other; NULL when it links to none. *@broken tells whether one of them is
 * gone. */
static char *
linked_names (WmDiagram  *diagram,
              const char *field,
              gboolean   *broken)
{
  const WmValue *value = wm_diagram_get_value (diagram, field, NULL);
  WmProject *project = wm_diagram_get_project (diagram);
  g_autoptr(GString) names = NULL;

  *broken = FALSE;
  if (value == NULL || value->v.strv == NULL || value->v.strv[0] == NULL)
    return NULL;
  names = g_string_new (NULL);
  for (guint i = 0; value->v.strv[i] != NULL; i++)
    {
      WmItem *item = project != NULL ? wm_project_lookup_item (project, value->v.strv[i], NULL)
                                     : NULL;

      if (item == NULL)
        {
          *broken = TRUE;
          continue;
        }
      if (names->len > 0)
        g_string_append (names, " · ");
      g_string_append (names, wm_str_is_blank (item->text) ? _("Untitled note") : item->text);
    }
  if (names->len == 0)
    g_string_append (names, _("The linked note is gone"));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The link mark and the linked notes' texts, centred in @rect. */
static void
paint_linked (WmPaintContext *ctx,
              const char     *field,
              const WmRect   *rect)
{
  WmTextStyle style = text_style (LINKED_SIZE, PANGO_WEIGHT_NORMAL, &wm_color_muted);
  gboolean broken;
  g_autofree char *names = linked_names (ctx->diagram, field, &broken);
  double width, room = rect->width - LINK_MARK_SIZE - 6, x;

  if (names == NULL)
    return;
  style.valign = WM_ALIGN_CENTER;
  wm_measure_text (ctx->options, names, -1, &style, &width, NULL);
  width = MIN (width + 1, room);
  x = rect->x + (rect->width - width - LINK_MARK_SIZE - 6) / 2;
  wm_draw_link_mark (ctx->cr, x, rect->y + (rect->height - LINK_MARK_SIZE) / 2, LINK_MARK_SIZE,
                     broken ? &wm_color_bad : &wm_color_accent);
  wm_draw_text (ctx->cr, ctx->options, names,
                &(WmRect) { x + LINK_MARK_SIZE + 6, rect->y, width, rect->height }, &style);
}

/* A caption centred over the band @x to @x + @width, and under it the
 * notes of the business model that the diagram's field @field links to. */
static void
paint_caption (WmPaintContext *ctx,
               const char     *caption,
               const char     *field,
               double          x,
               double          width)
{
  WmTextStyle style = text_style (WM_VPC_CAPTION_SIZE, PANGO_WEIGHT_BOLD, NULL);
  double top = shapes_top (ctx->diagram) + WM_VPC_CAPTION_TOP;

  style.halign = WM_ALIGN_CENTER;
  wm_draw_text (ctx->cr, ctx->options, caption, &(WmRect) { x, top, width, CAPTION_HEIGHT },
                &style);
  paint_linked (ctx, field, &(WmRect) { x, top + CAPTION_HEIGHT, width, LINKED_HEIGHT });
}

/* Tags */

/* The note's tag: the choice of its kind, severity or relevance, and how
 * strong it is (-1 for a kind, which has no degree). FALSE for a note
 * without one. */
static gboolean
note_tag (const WmItem  *note,
          const char   **label,
          int           *degree)
{
  static const char *const props[] = { WM_VPC_KIND, WM_VPC_SEVERITY, WM_VPC_RELEVANCE };

  for (guint p = 0; p < G_N_ELEMENTS (props); p++)
    {
      const WmPropSpec *spec;
      const char *choice;

      if (!wm_item_has_prop (note, props[p]))
        continue;
      wm_item_get_value (note, props[p], &spec);
      choice = wm_item_get_choice (note, props[p]);
      for (int i = 0; spec->choices[i].id != NULL; i++)
        if (g_strcmp0 (spec->choices[i].id, choice) == 0)
          {
            *label = _(spec->choices[i].label);
            *degree = p == 0 ? -1 : i;
            return TRUE;
          }
    }
  return FALSE;
}

/* The widest a tag may be on a note drawn in @rect: clear of the fold. */
static double
tag_room (const WmRect *rect)
{
  return rect->width - TAG_INSET - TAG_FOLD_ROOM;
}

/* Three dots, as many filled as the degree (0 to 2) is strong. */
static void
paint_tag_meter (cairo_t       *cr,
                 double         x,
                 double         cy,
                 int            degree,
                 const WmColor *color)
{
  for (int i = 0; i < 3; i++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x + TAG_DOT / 2 + i * (TAG_DOT + TAG_DOT_GAP), cy, TAG_DOT / 2, 0, 2 * G_PI);
      wm_set_color (cr, i <= degree ? color : &wm_color_faint);
      wm_fill (cr);
    }
}

/* The tag straddles the note's bottom edge, where the text has its
 * padding; a kind reads as a word, a severity or relevance as a word after
 * a meter in the colour of its fit. */
static void
paint_tag (WmPaintContext *ctx,
           const WmItem   *note,
           const WmRect   *rect,
           const WmColor  *fill)
{
  WmTextStyle style = text_style (TAG_SIZE, PANGO_WEIGHT_SEMIBOLD, &wm_color_ink);
  WmColor edge = wm_color_darken (fill, 0.18);
  const char *label;
  int degree;
  double meter, text_width, width;
  WmRect pill;

  if (tag_room (rect) < TAG_MIN_WIDTH || !note_tag (note, &label, &degree))
    return;
  meter = degree >= 0 ? 3 * TAG_DOT + 2 * TAG_DOT_GAP + 4 : 0;
  wm_measure_text (ctx->options, label, -1, &style, &text_width, NULL);
  width = MIN (2 * TAG_PAD + meter + text_width + 1, tag_room (rect));
  pill = (WmRect) { rect->x + TAG_INSET, rect->y + rect->height - TAG_HEIGHT / 2, width,
                    TAG_HEIGHT };
  wm_draw_box (ctx->cr, &pill, TAG_HEIGHT / 2, &wm_color_paper, &edge, 0.75);
  if (degree >= 0)
    paint_tag_meter (ctx->cr, pill.x + TAG_PAD, pill.y + TAG_HEIGHT / 2, degree,
                     g_str_equal (note->type->id, "pain") ? &relieves_ink : &creates_ink);
  style.valign = WM_ALIGN_CENTER;
  wm_draw_text (ctx->cr, ctx->options, label,
                &(WmRect) { pill.x + TAG_PAD + meter, pill.y,
                            MAX (pill.width - 2 * TAG_PAD - meter, 0), pill.height }, &style);
}

static void
paint_note (WmPaintContext     *ctx,
            const WmBoardNotes *notes,
            const WmItem       *note)
{
  WmColor fill = { 1, 0.957, 0.639, 1 };
  WmRect rect;

  _wm_board_paint_note (ctx, notes, note);
  if (!ctx->detail)
    return;
  wm_board_layout_item_rect (notes->layout, note, &rect);
  wm_color_parse (wm_item_get_string (note, WM_FIELD_COLOR), &fill);
  paint_tag (ctx, note, &rect, &fill);
}

/* The ink of a note drawn in @rect, with its tag. */
static void
note_extent (const WmItem *note,
             const WmRect *rect,
             WmRect       *extent)
{
  const char *label;
  int degree;
  double bottom;

  wm_sticky_note_ink (rect, extent);
  if (tag_room (rect) < TAG_MIN_WIDTH || !note_tag (note, &label, &degree))
    return;
  /* The tag lies across the note, clear of its sides: only its bottom half
   * and outline reach further than the note's shadow. */
  bottom = rect->y + rect->height + TAG_HEIGHT / 2 + 0.5;
  extent->height = MAX (extent->height, bottom - extent->y);
}

/* Fit links */

/* A fit's route: it leaves its source at p[0] and runs through (n - 1) / 3
 * cubic pieces to p[n - 1], the base of its arrowhead, whose tip touches
 * the target; its label goes at middle. */
typedef struct
{
  const WmPoint *p;
  guint          n;
  WmPoint        tip;
  WmPoint        middle;
  WmPoint        own[4];    /* the points of a route made on the spot */
} Route;

/* A route kept with the diagram's layout. */
typedef struct
{
  char    *id;              /* the link's: an item made where a freed one was is another */
  WmPoint *p;
  guint    n;
  WmPoint  tip;
  WmPoint  middle;
} Channel;

static void
channel_free (gpointer data)
{
  Channel *channel = data;

  g_free (channel->id);
  g_free (channel->p);
  g_free (channel);
}

/* A note that flows in its area, where the layout put it, and its row. */
typedef struct
{
  const WmItem *item;
  WmRect        rect;
  guint         area;
  guint         row;          /* the row's index in its area */
  double        row_bottom;   /* the bottom of the row's tallest note */
  double        row_reach;    /* how far down the ink of its notes reaches: shadows, tags */
  gboolean      first;        /* the first note of its row */
  gboolean      last;         /* the last note of its row */
} Placed;

/* What the painter derives from the layout of one state of the diagram:
 * the notes' layout and the routes of the fits between flowing notes. */
typedef struct
{
  WmBoardNotes *notes;
  GHashTable   *routes;       /* const WmItem * (a link) -> Channel */
} Vpc;

static double
mid_y (const WmRect *rect)
{
  return rect->y + rect->height / 2;
}

static WmPoint
cubic_point (const WmPoint *p,
             double         t)
{
  double u = 1 - t;
  double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;

  return (WmPoint) { a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x,
                     a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y };
}

/* Routes between the notes' sides */

/* A fit between notes the flow does not place (a note placed freely, one
 * newer than the layout): it leaves the side of @s that faces @t and
 * reaches the side of @t that faces @s, both at their middle, along the axis
 * on which they lie furthest apart; rectangles that overlap on both axes are
 * joined straight between their edges. */
static void
route_between (const WmRect *s,
               const WmRect *t,
               Route        *route)
{
  double right = t->x - (s->x + s->width), left = s->x - (t->x + t->width);
  double down = t->y - (s->y + s->height), up = s->y - (t->y + t->height);
  WmPoint start, tip, dir, base;
  double bend, length;

  if (MAX (right, left) > 0 && MAX (right, left) >= MAX (down, up))
    {
      dir = (WmPoint) { right >= left ? 1 : -1, 0 };
      start = (WmPoint) { dir.x > 0 ? s->x + s->width : s->x, mid_y (s) };
      tip = (WmPoint) { dir.x > 0 ? t->x : t->x + t->width, mid_y (t) };
    }
  else if (MAX (down, up) > 0)
    {
      dir = (WmPoint) { 0, down >= up ? 1 : -1 };
      start = (WmPoint) { s->x + s->width / 2, dir.y > 0 ? s->y + s->height : s->y };
      tip = (WmPoint) { t->x + t->width / 2, dir.y > 0 ? t->y : t->y + t->height };
    }
  else
    {
      start = wm_clip_to_rect (s, wm_rect_center (t));
      tip = wm_clip_to_rect (t, wm_rect_center (s));
      length = hypot (tip.x - start.x, tip.y - start.y);
      dir = length > 0 ? (WmPoint) { (tip.x - start.x) / length, (tip.y - start.y) / length }
                       : (WmPoint) { 1, 0 };
    }
  base = (WmPoint) { tip.x - dir.x * FIT_HEAD_TUCK, tip.y - dir.y * FIT_HEAD_TUCK };
  /* Along the axis, half of the way at most: the curve stays inside the box
   * of its ends, and so does its extent. */
  bend = MIN (FIT_BEND, fabs ((base.x - start.x) * dir.x + (base.y - start.y) * dir.y) / 2);
  route->own[0] = start;
  route->own[1] = (WmPoint) { start.x + dir.x * bend, start.y + dir.y * bend };
  route->own[2] = (WmPoint) { base.x - dir.x * bend, base.y - dir.y * bend };
  route->own[3] = base;
  route->p = route->own;
  route->n = 4;
  route->tip = tip;
  route->middle = cubic_point (route->own, 0.5);
}

/* Routes through the gaps between the notes, built as arrays of points:
 * the start, then three points for each cubic piece. */

/* A straight piece from the route's last point to @to. */
static void
append_line (GArray  *points,
             WmPoint  to)
{
  WmPoint from = g_array_index (points, WmPoint, points->len - 1);
  WmPoint piece[3] = { { from.x + (to.x - from.x) / 3, from.y + (to.y - from.y) / 3 },
                       { from.x + (to.x - from.x) * 2 / 3, from.y + (to.y - from.y) * 2 / 3 },
                       to };

  g_array_append_vals (points, piece, 3);
}

/* The polyline from the route's last point, which is @corners[0], through
 * the others, its turns rounded. */
static void
append_polyline (GArray        *points,
                 const WmPoint *corners,
                 guint          n)
{
  /* The usual 0.5523 approximation of a quarter circle by one cubic. */
  const double k = 0.5523;

  for (guint i = 1; i + 1 < n; i++)
    {
      WmPoint c = corners[i], before = corners[i - 1], after = corners[i + 1];
      double in = hypot (c.x - before.x, c.y - before.y);
      double out = hypot (after.x - c.x, after.y - c.y);
      double r = MIN (FIT_CORNER, MIN (in, out) / 2);
      WmPoint a, b;

      if (r <= 0)
        continue;
      a = (WmPoint) { c.x - (c.x - before.x) / in * r, c.y - (c.y - before.y) / in * r };
      b = (WmPoint) { c.x + (after.x - c.x) / out * r, c.y + (after.y - c.y) / out * r };
      append_line (points, a);
      g_array_append_vals (points, (WmPoint[]) { { a.x + (c.x - a.x) * k, a.y + (c.y - a.y) * k },
                                                 { b.x + (c.x - b.x) * k, b.y + (c.y - b.y) * k },
                                                 b }, 3);
    }
  append_line (points, corners[n - 1]);
}

/* A fit on its way through the lanes, from the side of a value map note
 * to the side of a profile note further right. */
typedef struct
{
  const WmItem *link;
  const Placed *s;
  const Placed *t;
  /* Whether it leaves through the gap below its source's row (when a note
   * stands right of the source) and reaches its target through the gap
   * below the target's row (when one stands left of it), rather than
   * straight from the side. */
  gboolean      out_gap;
  gboolean      in_gap;
  double        out_y;        /* the height at which it leaves its area */
  double        in_y;         /* the height at which it enters the target's */
  double        key;          /* the order in the lane being spread */
  double        tie;
} Pending;

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const Pending *pa = *(Pending *const *) a, *pb = *(Pending *const *) b;

  if (pa->key != pb->key)
    return pa->key < pb->key ? -1 : 1;
  if (pa->tie != pb->tie)
    return pa->tie < pb->tie ? -1 : 1;
  return strcmp (pa->link->id, pb->link->id);
}

/* The middle of the gap below @note's row, clear of the ink of the row's
 * notes, and the room there for fits side by side. */
static double
gap_middle (const Placed *note,
            double       *room)
{
  double next_row = note->row_bottom + WM_BOARD_GAP_Y;

  *room = next_row - note->row_reach - 2 * (FIT_WIDTH / 2 + FIT_CASING);
  return (note->row_reach + next_row) / 2;
}

/* Gives the fits of one lane their heights around @base, @spacing apart at
 * most and @room apart in all, in the order of their keys: downwards, or
 * upwards with @up. */
static void
spread_lane (GPtrArray *lane,
             gboolean   out,
             double     base,
             double     spacing,
             double     room,
             gboolean   up)
{
  guint n = lane->len;
  double step = n > 1 ? MIN (spacing, MAX (room, 0) / (n - 1)) : 0;

  g_ptr_array_sort (lane, compare_pending);
  for (guint k = 0; k < n; k++)
    {
      Pending *fit = g_ptr_array_index (lane, k);
      double y = base + (up ? (n - 1) / 2.0 - k : k - (n - 1) / 2.0) * step;

      if (out)
        fit->out_y = y;
      else
        fit->in_y = y;
    }
}

/* The fits leaving one note's side, or one row's gap. Along a gap, the fit
 * that joins it furthest left runs lowest, so that none crosses another's
 * way down into it; beside a note they stack as their targets do. */
static void
spread_out_lane (gpointer key,
                 gpointer value,
                 gpointer user_data)
{
  GPtrArray *lane = value;
  const Pending *any = g_ptr_array_index (lane, 0);
  const Placed *s = any->s;
  double room, middle;

  for (guint k = 0; k < lane->len; k++)
    {
      Pending *fit = g_ptr_array_index (lane, k);

      fit->key = any->out_gap ? fit->s->rect.x : mid_y (&fit->t->rect);
      fit->tie = any->out_gap ? -mid_y (&fit->t->rect) : 0;
    }
  if (any->out_gap)
    {
      middle = gap_middle (s, &room);
      spread_lane (lane, TRUE, middle, FIT_LANE_SPACING, room, TRUE);
    }
  else
    spread_lane (lane, TRUE, mid_y (&s->rect), FIT_PORT_SPACING, s->rect.height - 24, FALSE);
}

/* The fits reaching one note's side, or one row's gap: along a gap, the
 * fit that leaves it furthest right runs lowest; beside a note they stack
 * as they come. */
static void
spread_in_lane (gpointer key,
                gpointer value,
                gpointer user_data)
{
  GPtrArray *lane = value;
  const Pending *any = g_ptr_array_index (lane, 0);
  const Placed *t = any->t;
  double room, middle;

  for (guint k = 0; k < lane->len; k++)
    {
      Pending *fit = g_ptr_array_index (lane, k);

      fit->key = any->in_gap ? fit->t->rect.x : fit->out_y;
      fit->tie = any->in_gap ? fit->out_y : 0;
    }
  if (any->in_gap)
    {
      middle = gap_middle (t, &room);
      spread_lane (lane, FALSE, middle, FIT_LANE_SPACING, room, FALSE);
    }
  else
    spread_lane (lane, FALSE, mid_y (&t->rect), FIT_PORT_SPACING, t->rect.height - 24, FALSE);
}

/* The route of @fit: along its source's side or row gap to @x1, right of
 * its area's notes; across in a smooth curve to @x2, left of the target
 * area's notes; and along the target's side or row gap into its left side. */
static Channel *
channel_new (const Pending *fit,
             double         x1,
             double         x2)
{
  const WmRect *s = &fit->s->rect, *t = &fit->t->rect;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (WmPoint));
  double tip_y = fit->in_gap ? mid_y (t) : fit->in_y, d = (x2 - x1) / 2;
  Channel *channel = g_new0 (Channel, 1);
  WmPoint start = { s->x + s->width, fit->out_gap ? mid_y (s) : fit->out_y };
  double jog;

  g_array_append_val (points, start);
  if (fit->out_gap)
    {
      jog = s->x + s->width + WM_BOARD_GAP_X / 2;
      append_polyline (points, (WmPoint[]) { start, { jog, start.y }, { jog, fit->out_y },
                                             { x1, fit->out_y } }, 4);
    }
  else
    append_line (points, (WmPoint) { x1, fit->out_y });
  g_array_append_vals (points, (WmPoint[]) { { x1 + d, fit->out_y }, { x2 - d, fit->in_y },
                                             { x2, fit->in_y } }, 3);
  if (fit->in_gap)
    {
      /* Nearer the note on the left than the target: the arrowhead needs
       * the room after the turn. */
      jog = t->x - WM_BOARD_GAP_X * 0.7;
      append_polyline (points, (WmPoint[]) { { x2, fit->in_y }, { jog, fit->in_y }, { jog, tip_y },
                                             { t->x - FIT_HEAD_TUCK, tip_y } }, 4);
    }
  else
    append_line (points, (WmPoint) { t->x - FIT_HEAD_TUCK, tip_y });

  channel->id = g_strdup (fit->link->id);
  channel->n = points->len;
  channel->p = (WmPoint *) (gpointer) g_array_free (g_steal_pointer (&points), FALSE);
  channel->tip = (WmPoint) { t->x, tip_y };
  channel->middle = (WmPoint) { (x1 + x2) / 2, (fit->out_y + fit->in_y) / 2 };
  return channel;
}

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *pa = a, *pb = b;

  if (pa->area != pb->area)
    return pa->area < pb->area ? -1 : 1;
  if (pa->rect.y != pb->rect.y)
    return pa->rect.y < pb->rect.y ? -1 : 1;
  return (pa->rect.x > pb->rect.x) - (pa->rect.x < pb->rect.x);
}

/* The notes of [@start, @end), one row of an area. */
static void
close_row (GArray *placed,
           guint   start,
           guint   end,
           guint   row)
{
  double bottom = -G_MAXDOUBLE, reach = -G_MAXDOUBLE;

  for (guint i = start; i < end; i++)
    {
      const Placed *note = &g_array_index (placed, Placed, i);
      WmRect ink;

      note_extent (note->item, &note->rect, &ink);
      bottom = MAX (bottom, note->rect.y + note->rect.height);
      reach = MAX (reach, ink.y + ink.height);
    }
  for (guint i = start; i < end; i++)
    {
      Placed *note = &g_array_index (placed, Placed, i);

      note->row = row;
      note->row_bottom = bottom;
      note->row_reach = reach;
      note->first = i == start;
      note->last = i + 1 == end;
    }
}

/* The notes that flow, by area, row and place in the row. Rows share
 * their top (wm_board_layout_new()). */
static GArray *
place_notes (WmDiagram           *diagram,
             const WmBoardLayout *layout)
{
  GArray *placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  guint start = 0, row = 0;

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      Placed note = { wm_diagram_get_item (diagram, i), };

      note.area = wm_board_area_of (&wm_vpc_board, note.item);
      if (note.area < WM_VPC_N_AREAS && wm_board_layout_item_rect (layout, note.item, &note.rect))
        g_array_append_val (placed, note);
    }
  g_array_sort (placed, compare_placed);
  for (guint i = 1; i <= placed->len; i++)
    {
      const Placed *head = &g_array_index (placed, Placed, start);
      const Placed *note = i < placed->len ? &g_array_index (placed, Placed, i) : NULL;

      if (note != NULL && note->area == head->area && note->rect.y == head->rect.y)
        continue;
      close_row (placed, start, i, row);
      row = note != NULL && note->area == head->area ? row + 1 : 0;
      start = i;
    }
  return placed;
}

/* The left and right of the notes that flow in each area. */
static void
find_blocks (GArray *placed,
             double  left[WM_VPC_N_AREAS],
             double  right[WM_VPC_N_AREAS])
{
  for (guint a = 0; a < WM_VPC_N_AREAS; a++)
    {
      left[a] = G_MAXDOUBLE;
      right[a] = -G_MAXDOUBLE;
    }
  for (guint i = 0; i < placed->len; i++)
    {
      const Placed *note = &g_array_index (placed, Placed, i);

      left[note->area] = MIN (left[note->area], note->rect.x);
      right[note->area] = MAX (right[note->area], note->rect.x + note->rect.width);
    }
}

/* The lane beside @note, or along the gap below its row. */
static char *
lane_key (const Placed *note,
          gboolean      gap)
{
  if (gap)
    return g_strdup_printf ("gap %u %u", note->area, note->row);
  return g_strdup_printf ("note %p", (gpointer) note);
}

static void
add_to_lane (GHashTable *lanes,
             char       *key,
             Pending    *fit)
{
  GPtrArray *lane = g_hash_table_lookup (lanes, key);

  if (lane == NULL)
    {
      lane = g_ptr_array_new ();
      g_hash_table_insert (lanes, key, lane);
    }
  else
    g_free (key);
  g_ptr_array_add (lane, fit);
}

/* The fits whose ends both flow, the target's area clear of the source's
 * on its right, each in the lane it leaves by and the lane it arrives by. */
static GArray *
pending_fits (WmDiagram  *diagram,
              GArray     *placed,
              GHashTable *out_lanes,
              GHashTable *in_lanes,
              double     *out_x,
              double     *in_x)
{
  g_autoptr(GHashTable) by_item = g_hash_table_new (NULL, NULL);
  GArray *fits = g_array_new (FALSE, FALSE, sizeof (Pending));

  for (guint i = 0; i < placed->len; i++)
    g_hash_table_insert (by_item, (gpointer) g_array_index (placed, Placed, i).item,
                         &g_array_index (placed, Placed, i));
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      const WmItem *link = wm_diagram_get_item (diagram, i);
      Pending fit = { link, };

      if (!wm_item_is_link (link))
        continue;
      fit.s = g_hash_table_lookup (by_item, wm_diagram_lookup (diagram, link->source));
      fit.t = g_hash_table_lookup (by_item, wm_diagram_lookup (diagram, link->target));
      if (fit.s == NULL || fit.t == NULL ||
          in_x[fit.t->area] - out_x[fit.s->area] < 2 * FIT_CLEARANCE)
        continue;
      fit.out_gap = !fit.s->last;
      fit.in_gap = !fit.t->first;
      g_array_append_val (fits, fit);
    }
  /* The array no longer grows: its elements may be pointed at. */
  for (guint i = 0; i < fits->len; i++)
    {
      Pending *fit = &g_array_index (fits, Pending, i);

      add_to_lane (out_lanes, lane_key (fit->s, fit->out_gap), fit);
      add_to_lane (in_lanes, lane_key (fit->t, fit->in_gap), fit);
    }
  return fits;
}

/* The routes of the fits between flowing notes, with room for each in the
 * gaps they share. */
static GHashTable *
route_fits (WmDiagram           *diagram,
            const WmBoardLayout *layout)
{
  GHashTable *routes = g_hash_table_new_full (NULL, NULL, NULL, channel_free);
  g_autoptr(GArray) placed = place_notes (diagram, layout);
  g_autoptr(GHashTable) out_lanes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) in_lanes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) fits = NULL;
  double left[WM_VPC_N_AREAS], right[WM_VPC_N_AREAS], out_x[WM_VPC_N_AREAS], in_x[WM_VPC_N_AREAS];

  find_blocks (placed, left, right);
  /* Where the fits turn across: clear of the notes of the area they leave
   * and of the area they reach. */
  for (guint a = 0; a < WM_VPC_N_AREAS; a++)
    {
      out_x[a] = right[a] + FIT_CLEARANCE;
      in_x[a] = left[a] - FIT_CLEARANCE;
    }
  fits = pending_fits (diagram, placed, out_lanes, in_lanes, out_x, in_x);
  g_hash_table_foreach (out_lanes, spread_out_lane, NULL);
  g_hash_table_foreach (in_lanes, spread_in_lane, NULL);
  for (guint i = 0; i < fits->len; i++)
    {
      const Pending *fit = &g_array_index (fits, Pending, i);

      g_hash_table_insert (routes, (gpointer) fit->link,
                           channel_new (fit, out_x[fit->s->area], in_x[fit->t->area]));
    }
  return routes;
}

/* The cache */

static gpointer
vpc_new (WmDiagram *diagram)
{
  Vpc *vpc = g_atomic_rc_box_new0 (Vpc);

  vpc->notes = wm_board_notes_get (diagram);
  vpc->routes = route_fits (diagram, vpc->notes->layout);
  return vpc;
}

static void
vpc_clear (gpointer data)
{
  Vpc *vpc = data;

  wm_board_notes_unref (vpc->notes);
  g_hash_table_unref (vpc->routes);
}

static void
vpc_unref (gpointer vpc)
{
  g_atomic_rc_box_release_full (vpc, vpc_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Vpc, vpc_unref)

/* A reference to the diagram's layout and routes (see _wm_painter_cached()). */
static Vpc *
vpc_get (WmDiagram *diagram)
{
  return _wm_painter_cached (diagram, "wm-paint-vpc-routes", vpc_new, vpc_clear);
}

/* The fit's route: the one kept for it, else one between where the layout
 * puts its notes. FALSE when one of them is missing. */
static gboolean
fit_route (WmDiagram    *diagram,
           const Vpc    *vpc,
           const WmItem *link,
           Route        *route)
{
  const Channel *channel = g_hash_table_lookup (vpc->routes, link);
  WmItem *source, *target;
  WmRect s, t;

  if (channel != NULL && g_str_equal (channel->id, link->id))
    {
      route->p = channel->p;
      route->n = channel->n;
      route->tip = channel->tip;
      route->middle = channel->middle;
      return TRUE;
    }
  source = wm_diagram_lookup (diagram, link->source);
  target = wm_diagram_lookup (diagram, link->target);
  if (source == NULL || target == NULL)
    return FALSE;
  wm_board_layout_item_rect (vpc->notes->layout, source, &s);
  wm_board_layout_item_rect (vpc->notes->layout, target, &t);
  route_between (&s, &t, route);
  return TRUE;
}

/* Painting fits */

static const WmColor *
fit_color (const WmItem *link)
{
  return g_str_equal (link->type->id, "relieves") ? &relieves_ink : &creates_ink;
}

/* The arrowhead's three corners: the tip first. */
static void
fit_head (const Route *route,
          WmPoint      corners[3])
{
  WmPoint base = route->p[route->n - 1];
  double dx = route->tip.x - base.x, dy = route->tip.y - base.y;
  double length = MAX (hypot (dx, dy), 1e-9);
  WmPoint back = { route->tip.x - dx / length * FIT_HEAD_LENGTH,
                   route->tip.y - dy / length * FIT_HEAD_LENGTH };
  WmPoint normal = { -dy / length * FIT_HEAD_HALF, dx / length * FIT_HEAD_HALF };

  corners[0] = route->tip;
  corners[1] = (WmPoint) { back.x + normal.x, back.y + normal.y };
  corners[2] = (WmPoint) { back.x - normal.x, back.y - normal.y };
}

/* The fit's centre line, from its note to its arrowhead's tip. */
static void
route_path (cairo_t     *cr,
            const Route *route)
{
  cairo_move_to (cr, route->p[0].x, route->p[0].y);
  for (guint i = 1; i + 2 < route->n; i += 3)
    cairo_curve_to (cr, route->p[i].x, route->p[i].y, route->p[i + 1].x, route->p[i + 1].y,
                    route->p[i + 2].x, route->p[i + 2].y);
}

/* The line, the arrowhead and the dot where the fit leaves its note, in
 * @color, @grow wider on every side. */
static void
stroke_fit (cairo_t       *cr,
            const Route   *route,
            const WmColor *color,
            double         grow)
{
  WmPoint corners[3];

  cairo_save (cr);
  wm_set_color (cr, color);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  route_path (cr, route);
  cairo_set_line_width (cr, FIT_WIDTH + 2 * grow);
  wm_stroke (cr);
  fit_head (route, corners);
  cairo_move_to (cr, corners[0].x, corners[0].y);
  cairo_line_to (cr, corners[1].x, corners[1].y);
  cairo_line_to (cr, corners[2].x, corners[2].y);
  cairo_close_path (cr);
  if (grow > 0)
    {
      cairo_set_line_width (cr, 2 * grow);
      wm_stroke_preserve (cr);
    }
  wm_fill (cr);
  cairo_arc (cr, route->p[0].x, route->p[0].y, FIT_DOT + grow, 0, 2 * G_PI);
  wm_fill (cr);
  cairo_restore (cr);
}

/* The label, wrapped to LABEL_WIDTH on LABEL_LINES lines at most, on a pad
 * centred on the middle of the route. */
static WmTextStyle
label_style (const WmItem *link)
{
  WmTextStyle style = wm_text_style (LABEL_SIZE);

  style.halign = WM_ALIGN_CENTER;
  style.color = fit_color (link);
  return style;
}

static double
label_line_height (void)
{
  static gsize once;
  static double height;

  if (g_once_init_enter (&once))
    {
      WmTextStyle style = wm_text_style (LABEL_SIZE);

      /* Every text cache shapes alike, so one measure serves the process. */
      wm_measure_text (NULL, "Ag", -1, &style, NULL, &height);
      g_once_init_leave (&once, 1);
    }
  return height;
}

static gboolean
label_box (const WmRenderOptions *options,
           const WmItem          *link,
           const Route           *route,
           WmRect                *box)
{
  WmTextStyle style = label_style (link);
  double width, height;

  if (wm_str_is_blank (link->text))
    return FALSE;
  wm_measure_text (options, link->text, LABEL_WIDTH, &style, &width, &height);
  width = MIN (width + 1, LABEL_WIDTH) + 2 * LABEL_PAD_X;
  height = MIN (height, LABEL_LINES * label_line_height ()) + 2 * LABEL_PAD_Y;
  *box = (WmRect) { route->middle.x - width / 2, route->middle.y - height / 2, width, height };
  return TRUE;
}

static void
paint_label (WmPaintContext *ctx,
             const WmItem   *link,
             const Route    *route)
{
  WmTextStyle style = label_style (link);
  WmColor pad = wm_color_paper;
  WmRect box;

  if (!label_box (ctx->options, link, route, &box))
    return;
  pad.alpha = 0.92;
  wm_draw_box (ctx->cr, &box, 3, &pad, NULL, 0);
  wm_draw_text (ctx->cr, ctx->options, link->text,
                &(WmRect) { box.x + LABEL_PAD_X, box.y + LABEL_PAD_Y, box.width - 2 * LABEL_PAD_X,
                            box.height - 2 * LABEL_PAD_Y }, &style);
}

/* The three layers of a fit: its casing of paper, its line and its label.
 * Painting each layer of all the fits before the next keeps fits that run
 * side by side from covering one another. */
typedef enum
{
  FIT_LAYER_CASING,
  FIT_LAYER_LINE,
  FIT_LAYER_LABEL,
} FitLayer;

static void
paint_fit_layer (WmPaintContext *ctx,
                 const Vpc      *vpc,
                 const WmItem   *link,
                 FitLayer        layer)
{
  Route route;

  if (!fit_route (ctx->diagram, vpc, link, &route))
    return;
  if (layer == FIT_LAYER_CASING && ctx->detail)
    stroke_fit (ctx->cr, &route, &wm_color_paper, FIT_CASING);
  else if (layer == FIT_LAYER_LINE)
    stroke_fit (ctx->cr, &route, fit_color (link), 0);
  else if (layer == FIT_LAYER_LABEL && ctx->detail)
    paint_label (ctx, link, &route);
}

static void
paint_fit (WmPaintContext *ctx,
           const Vpc      *vpc,
           const WmItem   *link)
{
  for (FitLayer layer = FIT_LAYER_CASING; layer <= FIT_LAYER_LABEL; layer++)
    paint_fit_layer (ctx, vpc, link, layer);
}

/* Zoomed far out, a fit is the line through the ends of its pieces. */
static void
paint_far_fit (WmPaintContext *ctx,
               const Vpc      *vpc,
               const WmItem   *link)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (WmPoint));
  Route route;

  if (!fit_route (ctx->diagram, vpc, link, &route))
    return;
  g_array_append_val (points, route.p[0]);
  g_array_append_val (points, route.middle);
  g_array_append_val (points, route.tip);
  _wm_far_batch_line (ctx->far, (const WmPoint *) (gpointer) points->data, points->len,
                      fit_color (link), FIT_WIDTH);
}

/* The ink of the line, its casing, the arrowhead and the dot: each piece
 * of the route lies inside the box of its ends and controls. */
static void
route_extent (const Route *route,
              WmRect      *extent)
{
  WmPoint corners[3];
  WmRect part;

  _wm_points_extent (route->p, route->n, FIT_WIDTH / 2 + FIT_CASING + 0.5, extent);
  fit_head (route, corners);
  /* Round joins keep the casing of the head within its width of the corners. */
  _wm_points_extent (corners, G_N_ELEMENTS (corners), FIT_CASING + 0.5, &part);
  wm_rect_union (extent, &part, extent);
  _wm_points_extent (route->p, 1, FIT_DOT + FIT_CASING + 0.5, &part);
  wm_rect_union (extent, &part, extent);
}

/* The painter */

/* What one paint shares between its calls. */
typedef struct
{
  Vpc       *vpc;
  /* The fits of a whole paint, kept for paint_foreground to draw over
   * every note. */
  GPtrArray *fits;
} Paint;

static void
paint_free (gpointer data)
{
  Paint *paint = data;

  vpc_unref (paint->vpc);
  g_ptr_array_unref (paint->fits);
  g_free (paint);
}

/* The fits of the items painted on another thread come after this
 * paint's, as they come after its items. */
static void
take_later (WmPaintContext *ctx,
            gpointer        later)
{
  Paint *paint = ctx->painter_data;
  Paint *theirs = later;

  g_ptr_array_extend (paint->fits, theirs->fits, NULL, NULL);
  paint_free (theirs);
}

static void
get_extent (WmDiagram *diagram,
            WmRect    *extent)
{
  double width, height, top = shapes_top (diagram) + WM_VPC_CAPTION_TOP;
  WmRect square, circle;
  WmPoint c;
  double r;

  wm_vpc_canvas_size (diagram, &width, &height);
  wm_vpc_square (diagram, &square);
  wm_vpc_circle (diagram, &c, &r);
  circle = (WmRect) { c.x - r, c.y - r, 2 * r, 2 * r };
  wm_rect_union (&square, &circle, extent);
  /* The outlines reach half their width out, the captions above. */
  *extent = (WmRect) { extent->x - OUTLINE_WIDTH / 2, top, extent->width + OUTLINE_WIDTH,
                       extent->y + extent->height + OUTLINE_WIDTH / 2 - top };
  wm_rect_union (extent, &(WmRect) { 0, 0, width, height }, extent);
}

static gpointer
new_data (WmDiagram *diagram)
{
  Paint *paint = g_new0 (Paint, 1);

  paint->vpc = vpc_get (diagram);
  paint->fits = g_ptr_array_new ();
  return paint;
}

static void
paint_background (WmPaintContext *ctx)
{
  Paint *paint = new_data (ctx->diagram);
  WmRect square;
  WmPoint c;
  double r;

  ctx->painter_data = paint;

  wm_vpc_square (ctx->diagram, &square);
  wm_vpc_circle (ctx->diagram, &c, &r);
  paint_square (ctx, &square);
  paint_circle (ctx, c, r);
  for (WmVpcArea a = 0; a < WM_VPC_N_AREAS; a++)
    if (wm_board_layout_overflows (paint->vpc->notes->layout, a))
      paint_overflow (ctx, a);
  if (!ctx->detail)
    return;
  for (WmVpcArea a = 0; a < WM_VPC_N_AREAS; a++)
    paint_area_title (ctx, a);
  paint_caption (ctx, _("Value Map"), WM_VPC_VALUE_PROPOSITION_LINKS, square.x, square.width);
  paint_caption (ctx, _("Customer Profile"), WM_VPC_CUSTOMER_SEGMENT_LINKS, c.x - r, 2 * r);
}

static void
paint_item (WmPaintContext *ctx,
            const WmItem   *item)
{
  Paint *paint = ctx->painter_data;
  /* The paint's layout; a caller that paints an item alone gets its own. */
  g_autoptr(Vpc) own = paint == NULL ? vpc_get (ctx->diagram) : NULL;
  const Vpc *vpc = own != NULL ? own : paint->vpc;

  if (wm_item_is_node (item))
    paint_note (ctx, vpc->notes, item);
  else if (ctx->far != NULL)
    paint_far_fit (ctx, vpc, item);
  else if (paint != NULL && !ctx->alone)
    g_ptr_array_add (paint->fits, (gpointer) item);
  else
    paint_fit (ctx, vpc, item);
}

/* The fits over all the notes: those a filter leaves out first, faded as
 * the renderer fades items, then the others layer by layer. */
static void
paint_foreground (WmPaintContext *ctx)
{
  Paint *paint = ctx->painter_data;
  GHashTable *dimmed = ctx->options->dimmed;

  if (paint == NULL)
    return;
  for (guint i = 0; dimmed != NULL && i < paint->fits->len; i++)
    {
      const WmItem *link = g_ptr_array_index (paint->fits, i);

      if (!g_hash_table_contains (dimmed, link->id))
        continue;
      _wm_render_begin_faded (ctx, link);
      paint_fit (ctx, paint->vpc, link);
      _wm_render_end_faded (ctx);
    }
  for (FitLayer layer = FIT_LAYER_CASING; layer <= FIT_LAYER_LABEL; layer++)
    for (guint i = 0; i < paint->fits->len; i++)
      {
        const WmItem *link = g_ptr_array_index (paint->fits, i);

        if (dimmed == NULL || !g_hash_table_contains (dimmed, link->id))
          paint_fit_layer (ctx, paint->vpc, link, layer);
      }
}

static void
item_extent (WmDiagram    *diagram,
             const WmItem *item,
             WmRect       *extent)
{
  g_autoptr(WmBoardNotes) notes = NULL;
  g_autoptr(Vpc) vpc = NULL;
  Route route;
  WmRect rect;

  /* A note needs only the layout, not the routes made from it. */
  if (wm_item_is_node (item))
    {
      notes = wm_board_notes_get (diagram);
      wm_board_layout_item_rect (notes->layout, item, &rect);
      note_extent (item, &rect, extent);
      return;
    }
  vpc = vpc_get (diagram);
  if (!fit_route (diagram, vpc, item, &route))
    {
      *extent = (WmRect) { 0, 0, 0, 0 };
      return;
    }
  route_extent (&route, extent);
  if (label_box (NULL, item, &route, &rect))
    wm_rect_union (extent, &rect, extent);
}

/* A fit's route and the largest label it may carry. */
static void
route_bound (const Route *route,
             WmRect      *bound)
{
  double width = LABEL_WIDTH + 2 * LABEL_PAD_X + 1;
  double height = LABEL_LINES * label_line_height () + 2 * LABEL_PAD_Y + 1;

  route_extent (route, bound);
  wm_rect_union (bound, &(WmRect) { route->middle.x - width / 2, route->middle.y - height / 2,
                                    width, height }, bound);
}

/* A label takes LABEL_LINES lines of LABEL_WIDTH at most: the bound holds
 * that box, so that no label is measured for it. */
static gboolean
item_bound (WmDiagram    *diagram,
            const WmItem *item,
            WmRect       *bound)
{
  g_autoptr(Vpc) vpc = NULL;
  Route route;

  if (wm_item_is_node (item) || wm_str_is_blank (item->text))
    {
      item_extent (diagram, item, bound);
      return TRUE;
    }
  vpc = vpc_get (diagram);
  if (!fit_route (diagram, vpc, item, &route))
    {
      *bound = (WmRect) { 0, 0, 0, 0 };
      return TRUE;
    }
  route_bound (&route, bound);
  return FALSE;
}

static gboolean
link_path (WmDiagram    *diagram,
           const WmItem *link,
           cairo_t      *cr)
{
  g_autoptr(Vpc) vpc = vpc_get (diagram);
  Route route;

  if (!fit_route (diagram, vpc, link, &route))
    return FALSE;
  route_path (cr, &route);
  cairo_line_to (cr, route.tip.x, route.tip.y);
  return TRUE;
}

/* A fit's label pad, as paint_label() draws it. */
static guint
label_boxes (WmDiagram    *diagram,
             const WmItem *link,
             WmRect       *boxes,
             guint         n_boxes)
{
  g_autoptr(Vpc) vpc = vpc_get (diagram);
  Route route;
  WmRect box;

  if (!fit_route (diagram, vpc, link, &route) || !label_box (NULL, link, &route, &box))
    return 0;
  if (n_boxes > 0)
    boxes[0] = box;
  return 1;
}

/* The bounds culling goes by, found with one look at the layout and the
 * routes (item_bound would fetch them for each item): a note's ink with a
 * tag below at its largest, a fit's route and largest label; a fit without
 * a route is always a candidate. */
static void
item_bounds (WmDiagram *diagram,
             WmRect    *bounds)
{
  g_autoptr(WmBoardNotes) notes = wm_board_notes_get (diagram);
  g_autoptr(Vpc) vpc = vpc_get (diagram);
  guint n = wm_diagram_get_n_items (diagram);

  for (guint i = 0; i < n; i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      WmRect rect, *bound = &bounds[i];
      Route route;

      *bound = (WmRect) { 0, 0, -1, -1 };
      if (wm_item_is_node (item))
        {
          wm_board_layout_item_rect (notes->layout, item, &rect);
          wm_sticky_note_ink (&rect, bound);
          bound->height = MAX (bound->height,
                               rect.y + rect.height + TAG_HEIGHT / 2 + 1 - bound->y);
        }
      else if (fit_route (diagram, vpc, item, &route))
        route_bound (&route, bound);
    }
}

const WmPainter _wm_painter_vpc = {
  .notation_id = "value-proposition-canvas",
  .get_extent = get_extent,
  .paint_background = paint_background,
  .paint_item = paint_item,
  .paint_foreground = paint_foreground,
  .new_data = new_data,
  .take_later = take_later,
  .item_extent = item_extent,
  .item_bound = item_bound,
  .node_rect = _wm_board_node_rect,
  .item_bounds = item_bounds,
  .link_path = link_path,
  .label_boxes = label_boxes,
  .free_data = paint_free,
  .places_nodes = TRUE,
  .routes_links = TRUE,
};
