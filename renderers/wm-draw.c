/* wm-draw.c — the drawing primitives every painter shares
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-draw"

#include "config.h"

#include <math.h>

#include "wm-batch.h"
#include "wm-draw.h"
#include "wm-painter-private.h"

const WmColor wm_color_paper = { 1, 1, 1, 1 };
const WmColor wm_color_ink = { 0.133, 0.145, 0.169, 1 };      /* #22252b */
const WmColor wm_color_muted = { 0.42, 0.447, 0.5, 1 };       /* #6b7280 */
const WmColor wm_color_faint = { 0.835, 0.847, 0.867, 1 };    /* #d5d8dd */
const WmColor wm_color_fill = { 0.965, 0.969, 0.976, 1 };     /* #f6f7f9 */
const WmColor wm_color_accent = { 0.208, 0.518, 0.894, 1 };   /* #3584e4, GNOME blue */
const WmColor wm_color_good = { 0.18, 0.545, 0.341, 1 };      /* #2e8b57 */
const WmColor wm_color_bad = { 0.78, 0.157, 0.157, 1 };       /* #c72828 */

gboolean
wm_color_parse (const char *text,
                WmColor    *color)
{
  guint value;

  if (!wm_color_is_valid (text))
    return FALSE;
  value = (guint) g_ascii_strtoull (text + 1, NULL, 16);
  color->red = ((value >> 16) & 0xff) / 255.0;
  color->green = ((value >> 8) & 0xff) / 255.0;
  color->blue = (value & 0xff) / 255.0;
  color->alpha = 1;
  return TRUE;
}

void
wm_set_color (cairo_t       *cr,
              const WmColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

WmColor
wm_color_darken (const WmColor *color,
                 double         amount)
{
  return (WmColor) { color->red * (1 - amount), color->green * (1 - amount),
                     color->blue * (1 - amount), color->alpha };
}

void
wm_path_rounded_rect (cairo_t      *cr,
                      const WmRect *rect,
                      double        radius)
{
  double x = rect->x, y = rect->y, r = rect->x + rect->width, b = rect->y + rect->height;
  double dx = radius, dy = 0, k;

  /* A corner smaller than a third of a device unit cannot be seen, and in a
   * big PDF or SVG its curves cost more than all the rest of the box. */
  cairo_user_to_device_distance (cr, &dx, &dy);
  if (dx * dx + dy * dy < 0.1)
    radius = 0;
  /* One cubic per corner, the usual 0.5523 approximation of a quarter circle. */
  radius = MIN (radius, MIN (rect->width, rect->height) / 2);
  k = 0.5523 * radius;
  if (radius <= 0)
    {
      cairo_rectangle (cr, x, y, rect->width, rect->height);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_move_to (cr, x + radius, y);
  cairo_line_to (cr, r - radius, y);
  cairo_curve_to (cr, r - radius + k, y, r, y + radius - k, r, y + radius);
  cairo_line_to (cr, r, b - radius);
  cairo_curve_to (cr, r, b - radius + k, r - radius + k, b, r - radius, b);
  cairo_line_to (cr, x + radius, b);
  cairo_curve_to (cr, x + radius - k, b, x, b - radius + k, x, b - radius);
  cairo_line_to (cr, x, y + radius);
  cairo_curve_to (cr, x, y + radius - k, x + radius - k, y, x + radius, y);
  cairo_close_path (cr);
}

void
wm_path_ellipse (cairo_t      *cr,
                 const WmRect *rect)
{
  if (rect->width <= 0 || rect->height <= 0)
    return;
  cairo_save (cr);
  cairo_translate (cr, rect->x + rect->width / 2, rect->y + rect->height / 2);
  cairo_scale (cr, rect->width / 2, rect->height / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
}

static const cairo_user_data_key_t file_target_key;

gboolean
wm_target_is_file (cairo_t *cr)
{
  cairo_surface_t *target = cairo_get_target (cr);

  switch (cairo_surface_get_type (target))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_PS:
      return TRUE;
    case CAIRO_SURFACE_TYPE_RECORDING:
      return cairo_surface_get_user_data (target, &file_target_key) != NULL;
    default:
      return FALSE;
    }
}

void
_wm_target_mark_file (cairo_surface_t *recording)
{
  g_return_if_fail (cairo_surface_get_type (recording) == CAIRO_SURFACE_TYPE_RECORDING);

  cairo_surface_set_user_data (recording, &file_target_key, (void *) &file_target_key, NULL);
}

/* Under a scaled matrix the PDF and SVG surfaces wrap every stroke in a
 * transformation of its own (`q … cm … Q`, `transform="matrix(…)"`), as the
 * pen's shape depends on it; an export fitted to its page draws under a
 * scale, so every outline paid for one. The path is already in device
 * space, so when the matrix is a uniform scale (a round pen stays round)
 * the stroke can be made under the identity with the line width and the
 * dashes scaled instead: the same ink, a sixth fewer numbers to format. On
 * image surfaces nothing is gained, and they are left alone. */
static gboolean
stroke_scale (cairo_t *cr,
              double  *scale)
{
  cairo_matrix_t matrix;

  if (!wm_target_is_file (cr))
    return FALSE;
  cairo_get_matrix (cr, &matrix);
  if (matrix.xy != 0 || matrix.yx != 0 || matrix.xx != matrix.yy
      || matrix.xx <= 0 || matrix.xx == 1)
    return FALSE;
  *scale = matrix.xx;
  return TRUE;
}

static void
stroke (cairo_t  *cr,
        gboolean  preserve)
{
  double scale, dashes[8], offset;
  int n_dashes;

  if (_wm_batch_stroke (cr, preserve))
    return;
  if (!stroke_scale (cr, &scale)
      || (n_dashes = cairo_get_dash_count (cr)) > (int) G_N_ELEMENTS (dashes))
    {
      (preserve ? cairo_stroke_preserve : cairo_stroke) (cr);
      return;
    }
  cairo_get_dash (cr, dashes, &offset);
  for (int i = 0; i < n_dashes; i++)
    dashes[i] *= scale;
  cairo_save (cr);
  cairo_set_line_width (cr, cairo_get_line_width (cr) * scale);
  if (n_dashes > 0)
    cairo_set_dash (cr, dashes, n_dashes, offset * scale);
  cairo_identity_matrix (cr);
  (preserve ? cairo_stroke_preserve : cairo_stroke) (cr);
  cairo_restore (cr);
}

void
wm_clip (cairo_t *cr)
{
  _wm_batch_flush (cr);
  cairo_clip (cr);
}

void
wm_fill (cairo_t *cr)
{
  if (!_wm_batch_fill (cr, FALSE))
    cairo_fill (cr);
}

void
wm_fill_preserve (cairo_t *cr)
{
  if (!_wm_batch_fill (cr, TRUE))
    cairo_fill_preserve (cr);
}

void
wm_stroke (cairo_t *cr)
{
  stroke (cr, FALSE);
}

void
wm_stroke_preserve (cairo_t *cr)
{
  stroke (cr, TRUE);
}

static void
fill_and_stroke (cairo_t       *cr,
                 const WmColor *fill,
                 const WmColor *stroke,
                 double         line_width)
{
  if (fill != NULL)
    {
      wm_set_color (cr, fill);
      if (stroke != NULL)
        wm_fill_preserve (cr);
      else
        wm_fill (cr);
    }
  if (stroke != NULL)
    {
      wm_set_color (cr, stroke);
      cairo_set_line_width (cr, line_width);
      wm_stroke (cr);
    }
  cairo_new_path (cr);
}

void
wm_draw_box (cairo_t       *cr,
             const WmRect  *rect,
             double         radius,
             const WmColor *fill,
             const WmColor *stroke,
             double         line_width)
{
  wm_path_rounded_rect (cr, rect, radius);
  fill_and_stroke (cr, fill, stroke, line_width);
}

/* On a raster surface, an ellipse with a solid outline around an opaque
 * fill is drawn as two fills: the outline's colour over the ellipse grown
 * by half the pen, then the fill over it shrunk by half the pen. Cairo's
 * stroker took three quarters of a use case's painting in a 50 000-item
 * PNG; two fills cost a third of a fill and a stroke. The edges lie where
 * the stroke's do to within a fifth of a pixel at a thick pen on a flat
 * ellipse, a few hundredths at the editor's usual sizes (an ellipse's
 * offset is not quite an ellipse; tests/test-render.c), and the colours
 * meet edge to edge as the stroke's inner edge met the fill. Files keep
 * the stroke, which editors can edit. */
static gboolean
ellipse_as_two_fills (cairo_t       *cr,
                      const WmRect  *rect,
                      const WmColor *fill,
                      const WmColor *stroke,
                      double         line_width)
{
  double half = line_width / 2;
  WmRect outer = { rect->x - half, rect->y - half, rect->width + line_width,
                   rect->height + line_width };
  WmRect inner = { rect->x + half, rect->y + half, rect->width - line_width,
                   rect->height - line_width };

  if (fill == NULL || stroke == NULL || fill->alpha < 1 || stroke->alpha < 1 ||
      line_width <= 0 || inner.width <= 0 || inner.height <= 0 ||
      wm_target_is_file (cr) || cairo_get_dash_count (cr) > 0)
    return FALSE;
  wm_path_ellipse (cr, &outer);
  wm_set_color (cr, stroke);
  wm_fill (cr);
  wm_path_ellipse (cr, &inner);
  wm_set_color (cr, fill);
  wm_fill (cr);
  return TRUE;
}

void
wm_draw_ellipse (cairo_t       *cr,
                 const WmRect  *rect,
                 const WmColor *fill,
                 const WmColor *stroke,
                 double         line_width)
{
  if (ellipse_as_two_fills (cr, rect, fill, stroke, line_width))
    return;
  wm_path_ellipse (cr, rect);
  fill_and_stroke (cr, fill, stroke, line_width);
}

static void
set_line_style (cairo_t     *cr,
                WmLineStyle  style,
                double       line_width)
{
  double dashes[2];

  switch (style)
    {
    case WM_LINE_DASHED:
      dashes[0] = 6 * MAX (line_width, 1);
      dashes[1] = 4 * MAX (line_width, 1);
      cairo_set_dash (cr, dashes, 2, 0);
      break;
    case WM_LINE_DOTTED:
      dashes[0] = 0;
      dashes[1] = 3 * MAX (line_width, 1);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dashes, 2, 0);
      break;
    case WM_LINE_SOLID:
    default:
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

void
wm_draw_polyline (cairo_t       *cr,
                  const WmPoint *points,
                  guint          n_points,
                  double         line_width,
                  WmLineStyle    style,
                  const WmColor *color)
{
  if (n_points < 2)
    return;
  cairo_save (cr);
  set_line_style (cr, style, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, points[0].x, points[0].y);
  for (guint i = 1; i < n_points; i++)
    cairo_line_to (cr, points[i].x, points[i].y);
  wm_set_color (cr, color);
  cairo_set_line_width (cr, line_width);
  wm_stroke (cr);
  cairo_restore (cr);
}

void
wm_draw_arrowhead (cairo_t       *cr,
                   WmPoint        tip,
                   WmPoint        from,
                   WmArrowKind    kind,
                   double         size,
                   double         line_width,
                   const WmColor *color)
{
  double angle = atan2 (tip.y - from.y, tip.x - from.x);
  double spread = kind == WM_ARROW_OPEN ? G_PI / 7 : G_PI / 8;
  WmPoint left = { tip.x - size * cos (angle - spread), tip.y - size * sin (angle - spread) };
  WmPoint right = { tip.x - size * cos (angle + spread), tip.y - size * sin (angle + spread) };

  if (kind == WM_ARROW_NONE)
    return;
  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_move_to (cr, left.x, left.y);
  cairo_line_to (cr, tip.x, tip.y);
  cairo_line_to (cr, right.x, right.y);
  if (kind == WM_ARROW_OPEN)
    {
      wm_set_color (cr, color);
      wm_stroke (cr);
    }
  else
    {
      cairo_close_path (cr);
      wm_set_color (cr, kind == WM_ARROW_FILLED ? color : &wm_color_paper);
      wm_fill_preserve (cr);
      wm_set_color (cr, color);
      wm_stroke (cr);
    }
  cairo_restore (cr);
}

WmPoint
wm_rect_center (const WmRect *rect)
{
  return (WmPoint) { rect->x + rect->width / 2, rect->y + rect->height / 2 };
}

WmPoint
wm_clip_to_rect (const WmRect *rect,
                 WmPoint       toward)
{
  WmPoint c = wm_rect_center (rect);
  double dx = toward.x - c.x, dy = toward.y - c.y;
  double tx = dx != 0 ? (rect->width / 2) / fabs (dx) : G_MAXDOUBLE;
  double ty = dy != 0 ? (rect->height / 2) / fabs (dy) : G_MAXDOUBLE;
  double t = MIN (tx, ty);

  if (dx == 0 && dy == 0)
    return c;
  return (WmPoint) { c.x + dx * t, c.y + dy * t };
}

WmPoint
wm_clip_to_ellipse (const WmRect *rect,
                    WmPoint       toward)
{
  WmPoint c = wm_rect_center (rect);
  double a = rect->width / 2, b = rect->height / 2;
  double dx = toward.x - c.x, dy = toward.y - c.y;
  double t;

  if ((dx == 0 && dy == 0) || a <= 0 || b <= 0)
    return c;
  t = 1 / sqrt ((dx * dx) / (a * a) + (dy * dy) / (b * b));
  return (WmPoint) { c.x + dx * t, c.y + dy * t };
}

static WmPoint
unit_vector (WmPoint from,
             WmPoint to)
{
  double length = hypot (to.x - from.x, to.y - from.y);

  if (length <= 0)
    return (WmPoint) { 1, 0 };
  return (WmPoint) { (to.x - from.x) / length, (to.y - from.y) / length };
}

WmPoint
wm_polyline_middle (const WmPoint *points,
                    guint          n_points,
                    WmPoint       *direction,
                    guint         *segment)
{
  WmPoint middle = _wm_route_midpoint (points, n_points);
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (n_points >= 2, middle);

  *segment = 1;
  for (guint i = 1; i < n_points; i++)
    {
      const WmPoint *a = &points[i - 1], *b = &points[i];
      /* The segment the midpoint lies on is the one it is nearest to. */
      double ab = hypot (b->x - a->x, b->y - a->y);
      double am = hypot (middle.x - a->x, middle.y - a->y);
      double mb = hypot (b->x - middle.x, b->y - middle.y);

      if (am + mb - ab < best)
        {
          best = am + mb - ab;
          *segment = i;
        }
    }
  *direction = unit_vector (points[*segment - 1], points[*segment]);
  return middle;
}

/* How far a label's centre travels from @from along @step (a unit vector)
 * before a @width × @height box around it stops overlapping @obstacle grown
 * by @air; 0 when it never overlaps it past @from. *@enter is where the
 * overlap begins. */
static double
leave_obstacle (WmPoint       from,
                WmPoint       step,
                double        width,
                double        height,
                const WmRect *obstacle,
                double        air,
                double       *enter)
{
  double lo[2] = { obstacle->x - width / 2 - air, obstacle->y - height / 2 - air };
  double hi[2] = { obstacle->x + obstacle->width + width / 2 + air,
                   obstacle->y + obstacle->height + height / 2 + air };
  double origin[2] = { from.x, from.y }, along[2] = { step.x, step.y };
  double t_in = -G_MAXDOUBLE, t_out = G_MAXDOUBLE;

  for (int axis = 0; axis < 2; axis++)
    {
      double a, b;

      if (fabs (along[axis]) < 1e-9)
        {
          if (origin[axis] <= lo[axis] || origin[axis] >= hi[axis])
            return 0;
          continue;
        }
      a = (lo[axis] - origin[axis]) / along[axis];
      b = (hi[axis] - origin[axis]) / along[axis];
      t_in = MAX (t_in, MIN (a, b));
      t_out = MIN (t_out, MAX (a, b));
    }
  *enter = t_in;
  return t_out > t_in ? t_out : 0;
}

/* The shortest push from @middle along @normal, of at least @reach, that
 * leaves the box clear of every obstacle. */
static double
push_clear (WmPoint       middle,
            WmPoint       normal,
            double        width,
            double        height,
            double        reach,
            const WmRect *obstacles,
            guint         n_obstacles,
            double        air)
{
  gboolean moved = TRUE;

  /* Each push can only land past one more obstacle, so this ends. */
  for (guint round = 0; moved && round <= n_obstacles; round++)
    {
      moved = FALSE;
      for (guint i = 0; i < n_obstacles; i++)
        {
          double enter = 0, leave = leave_obstacle (middle, normal, width, height, &obstacles[i],
                                                air, &enter);

          if (leave > reach && enter < reach)
            {
              reach = leave;
              moved = TRUE;
            }
        }
    }
  return reach;
}

static WmRect
box_at (WmPoint middle,
        WmPoint normal,
        double  reach,
        double  width,
        double  height)
{
  return (WmRect) { middle.x + normal.x * reach - width / 2,
                    middle.y + normal.y * reach - height / 2, width, height };
}

static gboolean
rect_within (const WmRect *rect,
             const WmRect *within)
{
  return within == NULL ||
         (rect->x >= within->x && rect->y >= within->y &&
          rect->x + rect->width <= within->x + within->width &&
          rect->y + rect->height <= within->y + within->height);
}

WmRect
wm_place_label_beside (WmPoint       middle,
                       WmPoint       direction,
                       double        width,
                       double        height,
                       double        clearance,
                       const WmRect *obstacles,
                       guint         n_obstacles,
                       double        air,
                       const WmRect *within)
{
  gboolean across = fabs (direction.x) >= fabs (direction.y);
  WmPoint normal = { direction.y, -direction.x }, other;
  double reach, first, second;
  WmRect best, next;

  /* Above a line that runs across, right of one that runs down. */
  if (across ? normal.y > 0 : normal.x < 0)
    normal = (WmPoint) { -normal.x, -normal.y };
  other = (WmPoint) { -normal.x, -normal.y };
  /* How far the box reaches towards the line from its centre. */
  reach = clearance + fabs (normal.x) * width / 2 + fabs (normal.y) * height / 2;
  first = push_clear (middle, normal, width, height, reach, obstacles, n_obstacles, air);
  second = push_clear (middle, other, width, height, reach, obstacles, n_obstacles, air);
  best = box_at (middle, normal, first, width, height);
  next = box_at (middle, other, second, width, height);
  if (second < first - 0.5)
    {
      WmRect swap = best;

      best = next;
      next = swap;
    }
  if (rect_within (&best, within))
    return best;
  if (rect_within (&next, within))
    return next;
  return box_at (middle, normal, reach, width, height);
}

/* The intersection of @a and @b into @a; FALSE when it is empty. */
static gboolean
intersect (WmRect       *a,
           const WmRect *b)
{
  double x1 = MAX (a->x, b->x), y1 = MAX (a->y, b->y);
  double x2 = MIN (a->x + a->width, b->x + b->width);
  double y2 = MIN (a->y + a->height, b->y + b->height);

  if (!(x2 > x1 && y2 > y1))
    return FALSE;
  *a = (WmRect) { x1, y1, x2 - x1, y2 - y1 };
  return TRUE;
}

gboolean
wm_visible_part (cairo_t               *cr,
                 const WmRenderOptions *options,
                 const WmRect          *rect,
                 double                 margin,
                 WmRect                *part)
{
  double x1, y1, x2, y2;
  WmRect clip;

  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  clip = (WmRect) { x1 - margin, y1 - margin, x2 - x1 + 2 * margin, y2 - y1 + 2 * margin };
  *part = *rect;
  if (!intersect (part, &clip))
    return FALSE;
  if (options != NULL && options->visible.width > 0)
    {
      const WmRect *visible = &options->visible;
      WmRect grown = { visible->x - margin, visible->y - margin, visible->width + 2 * margin,
                       visible->height + 2 * margin };

      return intersect (part, &grown);
    }
  return TRUE;
}

void
wm_draw_selection (cairo_t      *cr,
                   const WmRect *rect)
{
  WmRect outline = { rect->x - 4, rect->y - 4, rect->width + 8, rect->height + 8 };
  WmColor halo = wm_color_accent;

  halo.alpha = 0.12;
  wm_draw_box (cr, &outline, 6, &halo, &wm_color_accent, 1.5);
}

/* The shadow's offset from the paper, and how far past the paper the
 * outline (0.75 wide) and the shadow's antialiased edge reach. */
#define STICKY_SHADOW_X 1.5
#define STICKY_SHADOW_Y 2.5
#define STICKY_INK_PAD 0.5

void
wm_sticky_note_ink (const WmRect *rect,
                    WmRect       *ink)
{
  *ink = (WmRect) { rect->x - STICKY_INK_PAD, rect->y - STICKY_INK_PAD,
                    rect->width + STICKY_INK_PAD + (STICKY_SHADOW_X + STICKY_INK_PAD),
                    rect->height + STICKY_INK_PAD + (STICKY_SHADOW_Y + STICKY_INK_PAD) };
}

void
wm_draw_sticky_note (cairo_t               *cr,
                     const WmRenderOptions *options,
                     const WmRect          *rect,
                     const WmColor         *fill,
                     const char            *text,
                     double                 text_size)
{
  double fold = MIN (14, MIN (rect->width, rect->height) / 5);
  WmColor shadow = { 0, 0, 0, 0.10 };
  WmColor edge = wm_color_darken (fill, 0.18);
  WmColor flap = wm_color_darken (fill, 0.08);
  WmRect shadow_rect = { rect->x + STICKY_SHADOW_X, rect->y + STICKY_SHADOW_Y, rect->width,
                         rect->height };
  WmRect inner = { rect->x + 8, rect->y + 7, rect->width - 16, rect->height - 14 };
  WmTextStyle style = wm_text_style (text_size);
  double x = rect->x, y = rect->y, w = rect->width, h = rect->height;

  /* A square-cornered shadow: at its 1.5-unit offset nobody sees the corners,
   * and an arc costs a dozen numbers in every PDF and SVG. */
  wm_draw_box (cr, &shadow_rect, 0, &shadow, NULL, 0);

  /* The paper with its bottom-right corner folded up. */
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + w, y);
  cairo_line_to (cr, x + w, y + h - fold);
  cairo_line_to (cr, x + w - fold, y + h);
  cairo_line_to (cr, x, y + h);
  cairo_close_path (cr);
  wm_set_color (cr, fill);
  wm_fill_preserve (cr);
  wm_set_color (cr, &edge);
  cairo_set_line_width (cr, 0.75);
  wm_stroke (cr);

  cairo_move_to (cr, x + w, y + h - fold);
  cairo_line_to (cr, x + w - fold, y + h - fold);
  cairo_line_to (cr, x + w - fold, y + h);
  cairo_close_path (cr);
  wm_set_color (cr, &flap);
  wm_fill_preserve (cr);
  wm_set_color (cr, &edge);
  wm_stroke (cr);

  if (text != NULL && *text != '\0' && inner.width > 4 && inner.height > 4)
    wm_draw_text (cr, options, text, &inner, &style);
}

void
wm_draw_line_icon (cairo_t        *cr,
                   void          (*path) (cairo_t *cr),
                   double          x,
                   double          y,
                   double          size,
                   const WmColor  *color)
{
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / 18, size / 18);
  path (cr);
  cairo_restore (cr);
  /* Stroked after the transform is undone, so the weight is in document units. */
  cairo_save (cr);
  cairo_set_line_width (cr, 1.25);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  wm_set_color (cr, color);
  wm_stroke (cr);
  cairo_restore (cr);
}

void
wm_draw_link_mark (cairo_t       *cr,
                   double         x,
                   double         y,
                   double         size,
                   const WmColor *color)
{
  double unit = size / 12;

  cairo_save (cr);
  cairo_translate (cr, x + size / 2, y + size / 2);
  cairo_rotate (cr, -G_PI / 4);
  wm_path_rounded_rect (cr, &(WmRect) { -6 * unit, -2.25 * unit, 7.25 * unit, 4.5 * unit },
                        2.25 * unit);
  wm_path_rounded_rect (cr, &(WmRect) { -1.25 * unit, -2.25 * unit, 7.25 * unit, 4.5 * unit },
                        2.25 * unit);
  cairo_restore (cr);
  cairo_save (cr);
  cairo_set_line_width (cr, 1.2);
  wm_set_color (cr, color);
  wm_stroke (cr);
  cairo_restore (cr);
}
