/* wm-paint-use-case.c — the UML 2.5 use-case diagram painter
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws actors (a stick figure, the «actor» rectangle for other systems, an
 * hourglass for time), use cases (ellipses, with their extension points
 * compartment), subjects, packages and notes, and the five relationships,
 * as UML 2.5 draws them. Geometry that both painting and item_extent need
 * (an actor's figure, a link's labels) is computed by one function each, so
 * that the extent always covers exactly the ink.
 */
#define G_LOG_DOMAIN "wm-paint-use-case"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "wm-batch.h"
#include "wm-painter-private.h"
#include "wm-use-case.h"

/* Line weights: outlines and relationships. */
#define OUTLINE_WIDTH 1.25
#define FIGURE_WIDTH 1.5
#define LINK_WIDTH 1.25

/* Text sizes in document units. */
#define NAME_SIZE 12.5
#define KEYWORD_SIZE 10.5
#define SMALL_SIZE 9.5
#define LABEL_SIZE 11
#define SUBJECT_NAME_SIZE 13
#define NOTE_TEXT_SIZE 11.5

/* An actor's name (and stereotype) sit under the figure, in the bottom of
 * its bounds; a long name may use this much room beyond either side. */
#define ACTOR_NAME_HEIGHT 20
#define ACTOR_STEREOTYPE_HEIGHT 13
#define ACTOR_NAME_SPILL 30
#define ACTOR_NAME_LINES 2
/* The «actor» rectangle of a non-human actor is at least this wide. */
#define SYSTEM_ACTOR_MIN_WIDTH 100

#define ARROW_SIZE 11
#define TRIANGLE_SIZE 14
/* Link labels wrap at this width; multiplicities stand this far from the end. */
#define LABEL_MAX_WIDTH 160
#define MULTIPLICITY_DISTANCE 12
/* Wide enough to clear an arrowhead's wing (ARROW_SIZE · sin π/7 ≈ 5). */
#define MULTIPLICITY_GAP 6
/* A label's pad stands this far from its line, and this far from the
 * shapes, arrowheads and multiplicities it keeps clear of. */
#define LABEL_CLEARANCE 4
#define LABEL_AIR 3
/* A label stands at most this far from its link's ends and route, inside
 * the margin within which the renderer looks for a link's ink (160). */
#define LABEL_REACH 150
/* The end shapes, the arrowhead and the two multiplicities. */
#define MAX_LABEL_OBSTACLES 5
/* The white pad wm_draw_label() puts behind a label. */
#define PAD_X 3
#define PAD_Y 1

#define MAX_LABEL_LINES 4

/* Lines of the extension points compartment are set tight: the ellipse
 * narrows quickly towards its bottom. */
#define COMPARTMENT_LINE 1.22

#define PACKAGE_TAB_HEIGHT 22
#define PACKAGE_NAME_SIZE 12

/* The restrained fills of the light theme. */
static const WmColor use_case_fill = { 0.937, 0.961, 0.992, 1 };   /* #eff5fd */
static const WmColor subject_fill = { 0.988, 0.990, 0.994, 1 };    /* #fcfcfd */
static const WmColor note_fill = { 0.996, 0.976, 0.847, 1 };       /* #fef9d8 */
static const WmColor note_edge = { 0.659, 0.604, 0.392, 1 };       /* #a89a64 */
static const WmColor sand = { 0.847, 0.737, 0.490, 1 };            /* #d8bc7d */

static gboolean
is_type (const WmItem *item,
         const char   *id)
{
  return g_str_equal (item->type->id, id);
}

static gboolean
is_use_case (const WmItem *node)
{
  return is_type (node, "use-case");
}

static const char *
nonblank (const char *text)
{
  return wm_str_is_blank (text) ? NULL : text;
}

static double
rect_bottom (const WmRect *rect)
{
  return rect->y + rect->height;
}

static void
grow_rect (WmRect *rect,
           double  dx,
           double  dy)
{
  *rect = (WmRect) { rect->x - dx, rect->y - dy, rect->width + 2 * dx, rect->height + 2 * dy };
}

/* Outlines are drawn half a line inside their rectangle, so that a node's
 * ink stays within its bounds. */
static void
outline_box (cairo_t       *cr,
             const WmRect  *rect,
             const WmColor *fill)
{
  WmRect inner = *rect;

  grow_rect (&inner, -OUTLINE_WIDTH / 2, -OUTLINE_WIDTH / 2);
  wm_draw_box (cr, &inner, 0, fill, &wm_color_ink, OUTLINE_WIDTH);
}

/* Zoomed far out, the outline is a ring between two fills: it looks the
 * same at that size and costs a fraction of Cairo's stroker. */
static void
outline_ellipse (cairo_t       *cr,
                 const WmRect  *rect,
                 const WmColor *fill,
                 gboolean       detail)
{
  WmRect inner = *rect;

  if (detail)
    {
      grow_rect (&inner, -OUTLINE_WIDTH / 2, -OUTLINE_WIDTH / 2);
      wm_draw_ellipse (cr, &inner, fill, &wm_color_ink, OUTLINE_WIDTH);
      return;
    }
  grow_rect (&inner, -OUTLINE_WIDTH, -OUTLINE_WIDTH);
  wm_draw_ellipse (cr, rect, &wm_color_ink, NULL, 0);
  wm_draw_ellipse (cr, &inner, fill, NULL, 0);
}

static WmTextStyle
text_style (double      size,
            PangoWeight weight,
            WmAlign     halign)
{
  WmTextStyle style = wm_text_style (size);

  style.weight = weight;
  style.halign = halign;
  return style;
}

/* «name», as UML shows keywords and stereotypes; NULL for no name. */
static char *
guillemets (const char *name)
{
  /* Translators: a UML stereotype or keyword between guillemets. */
  return name ? g_strdup_printf (C_("UML stereotype", "«%s»"), name) : NULL;
}

/* Actors */

typedef enum
{
  ACTOR_HUMAN,
  ACTOR_SYSTEM,
  ACTOR_TIME,
} ActorKind;

static ActorKind
actor_kind (const WmItem *actor)
{
  const char *kind = wm_item_get_choice (actor, WM_UC_KIND);

  if (g_strcmp0 (kind, "system") == 0)
    return ACTOR_SYSTEM;
  if (g_strcmp0 (kind, "time") == 0)
    return ACTOR_TIME;
  return ACTOR_HUMAN;
}

/* The height of the text under a human or time actor's figure. */
static double
actor_label_height (const WmItem *actor)
{
  return ACTOR_NAME_HEIGHT +
         (nonblank (wm_item_get_string (actor, WM_UC_STEREOTYPE)) ? ACTOR_STEREOTYPE_HEIGHT : 0);
}

/* The box of an actor's drawing without its name: links end on its edge. */
static void
actor_figure (const WmItem *actor,
              WmRect       *figure)
{
  const WmRect *b = &actor->bounds;
  double cx = b->x + b->width / 2;
  double area = MAX (b->height - actor_label_height (actor), 0);
  double height = MAX (MIN (area - 6, b->width * 1.5), 0);

  switch (actor_kind (actor))
    {
    case ACTOR_SYSTEM:
      {
        double w = MAX (b->width, SYSTEM_ACTOR_MIN_WIDTH);
        double h = MIN (b->height, MAX (64, w * 0.6));

        *figure = (WmRect) { cx - w / 2, b->y + (b->height - h) / 2, w, h };
      }
      break;
    case ACTOR_TIME:
      *figure = (WmRect) { cx - height * 0.3, b->y + area - 2 - height * 0.9, height * 0.6,
                           height * 0.9 };
      break;
    case ACTOR_HUMAN:
    default:
      *figure = (WmRect) { cx - height * 0.3, b->y + area - 2 - height, height * 0.6, height };
      break;
    }
}

static void
draw_stick_figure (cairo_t      *cr,
                   const WmRect *f)
{
  double cx = f->x + f->width / 2, r = f->height * 0.12;
  double arms = f->y + f->height * 0.38, hips = f->y + f->height * 0.64;
  double bottom = rect_bottom (f);
  WmRect head = { cx - r, f->y, 2 * r, 2 * r };

  cairo_set_line_width (cr, FIGURE_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  wm_set_color (cr, &wm_color_ink);
  cairo_move_to (cr, cx, f->y + 2 * r);
  cairo_line_to (cr, cx, hips);
  cairo_move_to (cr, f->x, arms);
  cairo_line_to (cr, f->x + f->width, arms);
  cairo_move_to (cr, f->x + f->width * 0.1, bottom);
  cairo_line_to (cr, cx, hips);
  cairo_line_to (cr, f->x + f->width * 0.9, bottom);
  wm_stroke (cr);
  grow_rect (&head, -FIGURE_WIDTH / 2, -FIGURE_WIDTH / 2);
  wm_draw_ellipse (cr, &head, &wm_color_paper, &wm_color_ink, FIGURE_WIDTH);
}

/* The sand of an hourglass: what is left above the neck and the heap below. */
static void
draw_sand (cairo_t      *cr,
           const WmRect *f,
           double        inset)
{
  double cx = f->x + f->width / 2, cy = f->y + f->height / 2;
  double top = f->y + FIGURE_WIDTH, bottom = rect_bottom (f) - FIGURE_WIDTH;
  double spread = (cx - f->x - inset) * 0.45;

  cairo_move_to (cr, cx - spread, cy - (cy - top) * 0.45);
  cairo_line_to (cr, cx + spread, cy - (cy - top) * 0.45);
  cairo_line_to (cr, cx, cy - 1);
  cairo_close_path (cr);
  cairo_move_to (cr, f->x + inset + 3, bottom - 1);
  cairo_line_to (cr, f->x + f->width - inset - 3, bottom - 1);
  cairo_line_to (cr, cx, bottom - (bottom - cy) * 0.45);
  cairo_close_path (cr);
  wm_set_color (cr, &sand);
  wm_fill (cr);
}

/* Time as an actor: an hourglass between two bars. */
static void
draw_hourglass (cairo_t      *cr,
                const WmRect *f)
{
  double x = f->x, w = f->width, cx = x + w / 2, cy = f->y + f->height / 2;
  double top = f->y + FIGURE_WIDTH, bottom = rect_bottom (f) - FIGURE_WIDTH;
  double inset = w * 0.14, neck = w * 0.06;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x + inset, top);
  cairo_line_to (cr, cx - neck, cy);
  cairo_line_to (cr, x + inset, bottom);
  cairo_line_to (cr, x + w - inset, bottom);
  cairo_line_to (cr, cx + neck, cy);
  cairo_line_to (cr, x + w - inset, top);
  cairo_close_path (cr);
  wm_set_color (cr, &wm_color_paper);
  wm_fill_preserve (cr);
  wm_set_color (cr, &wm_color_ink);
  cairo_set_line_width (cr, FIGURE_WIDTH);
  wm_stroke (cr);
  draw_sand (cr, f, inset);

  cairo_set_line_width (cr, 2 * FIGURE_WIDTH);
  wm_set_color (cr, &wm_color_ink);
  cairo_move_to (cr, x, f->y + FIGURE_WIDTH / 2 + 0.5);
  cairo_line_to (cr, x + w, f->y + FIGURE_WIDTH / 2 + 0.5);
  cairo_move_to (cr, x, bottom + FIGURE_WIDTH / 2 - 0.5);
  cairo_line_to (cr, x + w, bottom + FIGURE_WIDTH / 2 - 0.5);
  wm_stroke (cr);
}

/* Where the name of a human or time actor goes, and the stereotype above it. */
static void
actor_label_rects (const WmItem *actor,
                   WmRect       *stereotype,
                   WmRect       *name)
{
  const WmRect *b = &actor->bounds;
  double width = b->width + 2 * ACTOR_NAME_SPILL;
  double top = rect_bottom (b) - actor_label_height (actor) + 2;
  gboolean has_stereotype = nonblank (wm_item_get_string (actor, WM_UC_STEREOTYPE)) != NULL;

  *stereotype = (WmRect) { b->x - ACTOR_NAME_SPILL, top, width, ACTOR_STEREOTYPE_HEIGHT };
  *name = (WmRect) { b->x - ACTOR_NAME_SPILL, top + (has_stereotype ? ACTOR_STEREOTYPE_HEIGHT : 0),
                     width, ACTOR_NAME_LINES * NAME_SIZE * 1.3 };
}

static void
paint_actor_label (WmPaintContext *ctx,
                   const WmItem   *actor)
{
  g_autofree char *stereotype =
    guillemets (nonblank (wm_item_get_string (actor, WM_UC_STEREOTYPE)));
  WmTextStyle name_style = text_style (NAME_SIZE, PANGO_WEIGHT_NORMAL, WM_ALIGN_CENTER);
  WmTextStyle keyword_style = text_style (KEYWORD_SIZE, PANGO_WEIGHT_NORMAL, WM_ALIGN_CENTER);
  WmRect stereotype_rect, name_rect;

  actor_label_rects (actor, &stereotype_rect, &name_rect);
  keyword_style.wrap = FALSE;
  keyword_style.color = &wm_color_muted;
  if (stereotype != NULL)
    wm_draw_text (ctx->cr, ctx->options, stereotype, &stereotype_rect, &keyword_style);
  wm_draw_text (ctx->cr, ctx->options, actor->text, &name_rect, &name_style);
}

/* A non-human actor, as UML 2.5 allows: a classifier rectangle with the
 * «actor» keyword (and its stereotype, in the same guillemets) over its name. */
static void
paint_system_actor (WmPaintContext *ctx,
                    const WmItem   *actor,
                    const WmRect   *box)
{
  const char *stereotype = nonblank (wm_item_get_string (actor, WM_UC_STEREOTYPE));
  g_autofree char *keyword = NULL;
  WmTextStyle keyword_style = text_style (KEYWORD_SIZE, PANGO_WEIGHT_NORMAL, WM_ALIGN_CENTER);
  WmTextStyle name_style = text_style (NAME_SIZE, PANGO_WEIGHT_BOLD, WM_ALIGN_CENTER);
  WmRect inner = *box, keyword_rect, name_rect;
  double name_height;

  outline_box (ctx->cr, box, &wm_color_fill);
  if (!ctx->detail)
    return;
  /* Translators: the UML keyword of an actor drawn as a rectangle; %s is its stereotype. */
  keyword = stereotype ? g_strdup_printf (C_("UML keyword", "«actor, %s»"), stereotype)
                       : g_strdup (C_("UML keyword", "«actor»"));
  grow_rect (&inner, -6, -6);
  keyword_style.wrap = FALSE;
  keyword_style.color = &wm_color_muted;
  wm_measure_text (ctx->options, actor->text, inner.width, &name_style, NULL, &name_height);
  name_height = MIN (name_height, inner.height - KEYWORD_SIZE * 1.3);
  keyword_rect = (WmRect) { inner.x, inner.y + (inner.height - name_height) / 2 - KEYWORD_SIZE * 0.65,
                            inner.width, KEYWORD_SIZE * 1.3 };
  name_rect = (WmRect) { inner.x, rect_bottom (&keyword_rect), inner.width, name_height };
  wm_draw_text (ctx->cr, ctx->options, keyword, &keyword_rect, &keyword_style);
  wm_draw_text (ctx->cr, ctx->options, actor->text, &name_rect, &name_style);
}

static void
paint_actor (WmPaintContext *ctx,
             const WmItem   *actor)
{
  ActorKind kind = actor_kind (actor);
  WmRect figure;

  actor_figure (actor, &figure);
  if (kind == ACTOR_SYSTEM)
    {
      paint_system_actor (ctx, actor, &figure);
      return;
    }
  if (kind == ACTOR_TIME)
    draw_hourglass (ctx->cr, &figure);
  else
    draw_stick_figure (ctx->cr, &figure);
  if (ctx->detail)
    paint_actor_label (ctx, actor);
}

/* The lowest ink of a human or time actor's name: one line ends inside the
 * bounds, a second one below them. */
static double
actor_name_bottom (const WmItem *actor)
{
  WmTextStyle name_style = text_style (NAME_SIZE, PANGO_WEIGHT_NORMAL, WM_ALIGN_CENTER);
  WmRect stereotype, name;
  double h;

  actor_label_rects (actor, &stereotype, &name);
  if (wm_str_is_blank (actor->text))
    return name.y - 2;
  wm_measure_text (NULL, actor->text, name.width, &name_style, NULL, &h);
  return name.y + MIN (h, name.height);
}

/* The ink of a human or time actor: its figure, then its name and
 * stereotype as wide and as tall as they really are. */
static void
actor_extent (const WmItem *actor,
              WmRect       *extent)
{
  WmTextStyle name_style = text_style (NAME_SIZE, PANGO_WEIGHT_NORMAL, WM_ALIGN_CENTER);
  double cx = actor->bounds.x + actor->bounds.width / 2, w, h;
  WmRect figure, stereotype, name, ink;

  actor_figure (actor, &figure);
  wm_rect_union (&actor->bounds, &figure, extent);
  if (actor_kind (actor) == ACTOR_SYSTEM)
    return;
  actor_label_rects (actor, &stereotype, &name);
  wm_measure_text (NULL, actor->text, name.width, &name_style, &w, &h);
  ink = (WmRect) { cx - w / 2 - 1, name.y, w + 2, MIN (h, name.height) + 1 };
  wm_rect_union (extent, &ink, extent);
  if (nonblank (wm_item_get_string (actor, WM_UC_STEREOTYPE)))
    {
      g_autofree char *text = guillemets (wm_item_get_string (actor, WM_UC_STEREOTYPE));
      WmTextStyle style = text_style (KEYWORD_SIZE, PANGO_WEIGHT_NORMAL, WM_ALIGN_CENTER);

      /* One line, ellipsized to its rectangle: at most that wide. */
      style.wrap = FALSE;
      wm_measure_text (NULL, text, -1, &style, &w, &h);
      w = MIN (w, stereotype.width);
      ink = (WmRect) { cx - w / 2 - 1, stereotype.y, w + 2, MIN (h, stereotype.height) + 1 };
      wm_rect_union (extent, &ink, extent);
    }
}

/* Use cases */

/* Half the width of @rect's ellipse at height @y, 0 outside it. */
static double
ellipse_half_chord (const WmRect *rect,
                    double        y)
{
  double a = rect->width / 2, b = rect->height / 2;
  double dy = (y - (rect->y + b)) / b;

  return fabs (dy) >= 1 ? 0 : a * sqrt (1 - dy * dy);
}

/* Where the extension points compartment starts: low enough to leave the
 * name room, high enough for the points to fit in the ellipse. */
static double
divider_y (const WmRect *rect,
           guint         n_points)
{
  double compartment = 6 + (SMALL_SIZE + n_points * KEYWORD_SIZE) * COMPARTMENT_LINE;
  double y = rect_bottom (rect) - compartment - rect->height * 0.1;

  return CLAMP (y, rect->y + rect->height * 0.33, rect->y + rect->height * 0.55);
}

/* One line of the compartment, as wide as the ellipse allows there; FALSE
 * when it no longer fits. */
static gboolean
draw_compartment_line (WmPaintContext    *ctx,
                       const WmRect      *ellipse,
                       const char        *text,
                       double            *y,
                       const WmTextStyle *style)
{
  double height = style->size * COMPARTMENT_LINE;
  /* Glyphs leave the top and bottom of their line box mostly empty: what
   * must fit is the width at 30 % and 70 % of its height. */
  double far = MAX (fabs (*y + height * 0.3 - (ellipse->y + ellipse->height / 2)),
                    fabs (*y + height * 0.7 - (ellipse->y + ellipse->height / 2)));
  double half = ellipse_half_chord (ellipse, ellipse->y + ellipse->height / 2 + far) - 6;
  WmRect line = { ellipse->x + ellipse->width / 2 - half, *y, 2 * half, height };

  if (half < 10 || *y + height > rect_bottom (ellipse) - 2)
    return FALSE;
  wm_draw_text (ctx->cr, ctx->options, text, &line, style);
  *y += height;
  return TRUE;
}

static void
paint_extension_points (WmPaintContext    *ctx,
                        const WmRect      *rect,
                        const char *const *points,
                        double             divider)
{
  WmTextStyle heading = text_style (SMALL_SIZE, PANGO_WEIGHT_NORMAL, WM_ALIGN_CENTER);
  WmTextStyle point = text_style (KEYWORD_SIZE, PANGO_WEIGHT_NORMAL, WM_ALIGN_CENTER);
  double half = ellipse_half_chord (rect, divider);
  double y = divider + 3;

  cairo_move_to (ctx->cr, rect->x + rect->width / 2 - half, divider);
  cairo_line_to (ctx->cr, rect->x + rect->width / 2 + half, divider);
  wm_set_color (ctx->cr, &wm_color_ink);
  cairo_set_line_width (ctx->cr, OUTLINE_WIDTH * 0.8);
  wm_stroke (ctx->cr);
  if (!ctx->detail)
    return;
  heading.wrap = point.wrap = FALSE;
  heading.color = &wm_color_muted;
  if (!draw_compartment_line (ctx, rect, _("extension points"), &y, &heading))
    return;
  for (guint i = 0; points[i] != NULL; i++)
    if (!draw_compartment_line (ctx, rect, points[i], &y, &point))
      return;
}

static void
paint_use_case (WmPaintContext *ctx,
                const WmItem   *use_case)
{
  const WmRect *b = &use_case->bounds;
  const char *const *points = wm_item_get_strv (use_case, WM_UC_EXTENSION_POINTS);
  guint n_points = g_strv_length ((char **) points);
  WmTextStyle style = text_style (NAME_SIZE, PANGO_WEIGHT_NORMAL, WM_ALIGN_CENTER);
  WmRect name = { b->x + b->width * 0.12, b->y + b->height * 0.12, b->width * 0.76,
                  b->height * 0.76 };

  outline_ellipse (ctx->cr, b, &use_case_fill, ctx->detail);
  if (n_points > 0)
    {
      double divider = divider_y (b, n_points);
      double top = b->y + b->height * 0.08;
      /* As wide as the ellipse is where the capitals of a centred line start. */
      double half = ellipse_half_chord (b, (top + divider) / 2 - NAME_SIZE * 0.35) - 5;

      paint_extension_points (ctx, b, points, divider);
      name = (WmRect) { b->x + b->width / 2 - half, top, 2 * half, divider - top - 1 };
    }
  style.valign = WM_ALIGN_CENTER;
  if (ctx->detail)
    wm_draw_text (ctx->cr, ctx->options, use_case->text, &name, &style);
}

/* Subjects, packages and notes */

/* A stereotype line (if any) and a bold name, from the top left of @area. */
static void
paint_heading (WmPaintContext *ctx,
               const WmItem   *node,
               const WmRect   *area,
               double          name_size)
{
  g_autofree char *stereotype = guillemets (nonblank (wm_item_get_string (node, WM_UC_STEREOTYPE)));
  WmTextStyle keyword = text_style (KEYWORD_SIZE, PANGO_WEIGHT_NORMAL, WM_ALIGN_START);
  WmTextStyle name = text_style (name_size, PANGO_WEIGHT_BOLD, WM_ALIGN_START);
  WmRect line = { area->x, area->y, area->width, KEYWORD_SIZE * 1.3 };

  keyword.wrap = name.wrap = FALSE;
  keyword.color = &wm_color_muted;
  if (stereotype != NULL)
    {
      wm_draw_text (ctx->cr, ctx->options, stereotype, &line, &keyword);
      line.y += line.height;
    }
  line.height = name_size * 1.3;
  wm_draw_text (ctx->cr, ctx->options, node->text, &line, &name);
}

static void
paint_subject (WmPaintContext *ctx,
               const WmItem   *subject)
{
  const WmRect *b = &subject->bounds;
  WmRect heading = { b->x + 12, b->y + 9, b->width - 24, b->height - 18 };

  outline_box (ctx->cr, b, &subject_fill);
  if (ctx->detail)
    paint_heading (ctx, subject, &heading, SUBJECT_NAME_SIZE);
}

/* The width of a package's tab: its name and stereotype with some room. */
static double
package_tab_width (WmPaintContext *ctx,
                   const WmItem   *package)
{
  g_autofree char *stereotype =
    guillemets (nonblank (wm_item_get_string (package, WM_UC_STEREOTYPE)));
  WmTextStyle name = text_style (PACKAGE_NAME_SIZE, PANGO_WEIGHT_BOLD, WM_ALIGN_START);
  WmTextStyle keyword = text_style (KEYWORD_SIZE, PANGO_WEIGHT_NORMAL, WM_ALIGN_START);
  double width, keyword_width = 0;

  name.wrap = keyword.wrap = FALSE;
  wm_measure_text (ctx->options, package->text, -1, &name, &width, NULL);
  if (stereotype != NULL)
    wm_measure_text (ctx->options, stereotype, -1, &keyword, &keyword_width, NULL);
  return MAX (width, keyword_width) + 20;
}

/* A package is a folder: a tab holding its name on top of its body. */
static void
paint_package (WmPaintContext *ctx,
               const WmItem   *package)
{
  const WmRect *b = &package->bounds;
  gboolean stereotype = nonblank (wm_item_get_string (package, WM_UC_STEREOTYPE)) != NULL;
  double tab_height = MIN (PACKAGE_TAB_HEIGHT + (stereotype ? KEYWORD_SIZE * 1.3 : 0),
                           b->height / 2);
  double tab_width = CLAMP (package_tab_width (ctx, package), MIN (60, b->width * 0.4),
                            b->width * 0.7);
  WmRect tab = { b->x, b->y, tab_width, tab_height + OUTLINE_WIDTH };
  WmRect body = { b->x, b->y + tab_height, b->width, b->height - tab_height };

  outline_box (ctx->cr, &tab, &wm_color_fill);
  outline_box (ctx->cr, &body, &subject_fill);
  if (ctx->detail)
    {
      grow_rect (&tab, -10, 0);
      tab.y += 4;
      paint_heading (ctx, package, &tab, PACKAGE_NAME_SIZE);
    }
}

/* A UML comment: a sheet with its top right corner folded over. */
static void
paint_note (WmPaintContext *ctx,
            const WmItem   *note)
{
  const WmRect *b = &note->bounds;
  double fold = MIN (12, MIN (b->width, b->height) / 4);
  /* The 1-unit edge stays inside the bounds. */
  double x = b->x + 0.5, y = b->y + 0.5, w = b->width - 1, h = b->height - 1;
  WmRect text = { x + 9, y + 7, w - 9 - MAX (fold, 9), h - 14 };
  WmTextStyle style = wm_text_style (NOTE_TEXT_SIZE);
  WmColor flap = wm_color_darken (&note_fill, 0.07);

  cairo_move_to (ctx->cr, x, y);
  cairo_line_to (ctx->cr, x + w - fold, y);
  cairo_line_to (ctx->cr, x + w, y + fold);
  cairo_line_to (ctx->cr, x + w, y + h);
  cairo_line_to (ctx->cr, x, y + h);
  cairo_close_path (ctx->cr);
  wm_set_color (ctx->cr, &note_fill);
  wm_fill_preserve (ctx->cr);
  cairo_set_line_width (ctx->cr, 1);
  /* Round joins: the fold's sharp corners would put mitres outside the bounds. */
  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);
  wm_set_color (ctx->cr, &note_edge);
  wm_stroke (ctx->cr);
  cairo_move_to (ctx->cr, x + w - fold, y);
  cairo_line_to (ctx->cr, x + w - fold, y + fold);
  cairo_line_to (ctx->cr, x + w, y + fold);
  cairo_close_path (ctx->cr);
  wm_set_color (ctx->cr, &flap);
  wm_fill_preserve (ctx->cr);
  wm_set_color (ctx->cr, &note_edge);
  wm_stroke (ctx->cr);
  if (ctx->detail)
    wm_draw_text (ctx->cr, ctx->options, note->text, &text, &style);
}

/* Link routes */

/* Where the ray from @from (inside @rect) towards @toward leaves @rect. */
static WmPoint
leave_rect (const WmRect *rect,
            WmPoint       from,
            WmPoint       toward)
{
  double dx = toward.x - from.x, dy = toward.y - from.y;
  double tx = G_MAXDOUBLE, ty = G_MAXDOUBLE, t;

  if (dx != 0)
    tx = ((dx > 0 ? rect->x + rect->width : rect->x) - from.x) / dx;
  if (dy != 0)
    ty = ((dy > 0 ? rect_bottom (rect) : rect->y) - from.y) / dy;
  t = MIN (tx, ty);
  if (t == G_MAXDOUBLE)
    return from;
  return (WmPoint) { from.x + dx * t, from.y + dy * t };
}

/* The shape a link ends on: an actor's figure, a use case's ellipse, or
 * the node's bounds. */
static WmPoint
clip_to_shape (const WmItem *node,
               WmPoint       toward)
{
  WmRect figure;

  if (is_type (node, "actor"))
    {
      WmPoint end;

      actor_figure (node, &figure);
      end = wm_clip_to_rect (&figure, toward);
      /* A link from below would run through the name: stop under the name. */
      if (end.y >= rect_bottom (&figure) - 0.01 && actor_kind (node) != ACTOR_SYSTEM)
        {
          WmRect below = figure;

          below.height = actor_name_bottom (node) + 3 - figure.y;
          end = leave_rect (&below, wm_rect_center (&figure), toward);
        }
      return end;
    }
  if (is_use_case (node))
    return wm_clip_to_ellipse (&node->bounds, toward);
  return wm_clip_to_rect (&node->bounds, toward);
}

static WmPoint
shape_center (const WmItem *node)
{
  WmRect figure;

  if (!is_type (node, "actor"))
    return wm_rect_center (&node->bounds);
  actor_figure (node, &figure);
  return wm_rect_center (&figure);
}

/* The shape an orthogonal link ends on: a use case's ellipse, an actor's
 * figure (left downwards under its name), else the bounds. */
static void
route_end (WmDiagram    *diagram,
           const WmItem *node,
           WmRouteEnd   *end)
{
  end->rect = node->bounds;
  end->slot = 0.5;
  end->ellipse = is_use_case (node);
  if (is_type (node, "actor"))
    actor_figure (node, &end->rect);
  end->bottom = rect_bottom (&end->rect);
  if (is_type (node, "actor") && actor_kind (node) != ACTOR_SYSTEM)
    end->bottom = MAX (end->bottom, actor_name_bottom (node) + 3);
}

static WmPoint *
route_orthogonal (WmDiagram    *diagram,
                  const WmItem *link,
                  guint        *n_points)
{
  const WmItem *source = wm_diagram_lookup (diagram, link->source);
  const WmItem *target = wm_diagram_lookup (diagram, link->target);
  WmRouteEnd ends[2];

  *n_points = 0;
  if (source == NULL || target == NULL)
    return NULL;
  route_end (diagram, source, &ends[0]);
  route_end (diagram, target, &ends[1]);
  _wm_route_spread (diagram, link, route_end, &ends[0], &ends[1]);
  return _wm_route_orthogonal (&ends[0], &ends[1], link->points, link->n_points, n_points);
}

/* The shared route ends on the bounds; an actor's name is not part of its
 * shape, so links to actors end on the figure instead. */
static WmPoint *
route_link (WmDiagram    *diagram,
            const WmItem *link,
            guint        *n_points)
{
  WmPoint *points;
  const WmItem *source, *target;
  guint last;

  if (_wm_link_is_orthogonal (link))
    return route_orthogonal (diagram, link, n_points);
  points = _wm_link_route (diagram, link, is_use_case, n_points);
  if (points == NULL)
    return NULL;
  last = *n_points - 1;
  source = wm_diagram_lookup (diagram, link->source);
  target = wm_diagram_lookup (diagram, link->target);
  if (!is_type (source, "actor") && !is_type (target, "actor"))
    return points;
  points[0] = clip_to_shape (source, link->n_points ? link->points[0] : shape_center (target));
  points[last] = clip_to_shape (target, link->n_points ? link->points[link->n_points - 1]
                                                      : shape_center (source));
  return points;
}

/* Link labels */

typedef struct
{
  const char  *text[MAX_LABEL_LINES];
  WmTextStyle  style[MAX_LABEL_LINES];
  double       height[MAX_LABEL_LINES];
  guint        n_lines;
  WmRect       box;      /* the white pad behind all the lines */
  char        *owned;    /* the one line built for the label, freed with it */
} LinkLabel;

static void
link_label_clear (LinkLabel *label)
{
  g_clear_pointer (&label->owned, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LinkLabel, link_label_clear)

static void
add_line (LinkLabel     *label,
          const char    *text,
          double         size,
          const WmColor *color)
{
  WmTextStyle style = text_style (size, PANGO_WEIGHT_NORMAL, WM_ALIGN_CENTER);

  if (text == NULL || label->n_lines == MAX_LABEL_LINES)
    return;
  style.ellipsize = FALSE;
  style.color = color;
  label->text[label->n_lines] = text;
  label->style[label->n_lines] = style;
  label->n_lines++;
}

/* The condition as a UML guard, "[condition]", unless the analyst already
 * wrote the brackets. */
static char *
guard (const char *condition)
{
  if (condition == NULL)
    return NULL;
  if (g_str_has_prefix (condition, "[") && g_str_has_suffix (condition, "]"))
    return g_strdup (condition);
  return g_strdup_printf ("[%s]", condition);
}

/* The keyword, the extend's condition and extension point, and the link's
 * own text, stacked at the middle of the route. */
static void
collect_label_lines (const WmItem *link,
                     LinkLabel    *label)
{
  if (is_type (link, "include"))
    add_line (label, C_("UML keyword", "«include»"), LABEL_SIZE, &wm_color_ink);
  if (is_type (link, "extend"))
    {
      g_autofree char *condition = guard (nonblank (wm_item_get_string (link, WM_UC_CONDITION)));
      const char *point = nonblank (wm_item_get_string (link, WM_UC_EXTENSION_POINT));

      add_line (label, C_("UML keyword", "«extend»"), LABEL_SIZE, &wm_color_ink);
      if (condition != NULL && point != NULL)
        /* Translators: an extend's condition, then the extension point it extends. */
        label->owned = g_strdup_printf (_("%s\nextension point: %s"), condition, point);
      else if (condition != NULL)
        label->owned = g_steal_pointer (&condition);
      else if (point != NULL)
        label->owned = g_strdup_printf (_("extension point: %s"), point);
      add_line (label, label->owned, LABEL_SIZE - 1, &wm_color_muted);
    }
  add_line (label, nonblank (link->text), LABEL_SIZE, &wm_color_ink);
}

/* Measures the lines and sets the block beside the middle of the route,
 * clear of @obstacles if it can stay inside @within. */
static void
layout_label (const WmRenderOptions *options,
              const WmPoint         *points,
              guint                  n_points,
              const WmRect          *obstacles,
              guint                  n_obstacles,
              const WmRect          *within,
              LinkLabel             *label)
{
  WmPoint direction, middle;
  double width = 0, height = 0;
  guint segment;

  for (guint i = 0; i < label->n_lines; i++)
    {
      double w;

      wm_measure_text (options, label->text[i], LABEL_MAX_WIDTH, &label->style[i], &w,
                       &label->height[i]);
      width = MAX (width, w);
      height += label->height[i];
    }
  middle = wm_polyline_middle (points, n_points, &direction, &segment);
  label->box = wm_place_label_beside (middle, direction, width + 2 * PAD_X, height + 2 * PAD_Y,
                                      LABEL_CLEARANCE, obstacles, n_obstacles, LABEL_AIR, within);
}

static void
paint_label (WmPaintContext  *ctx,
             const LinkLabel *label)
{
  WmColor pad = wm_color_paper;
  double cx = label->box.x + label->box.width / 2;
  double y = label->box.y + PAD_Y;

  if (label->n_lines == 0)
    return;
  pad.alpha = 0.9;
  wm_draw_box (ctx->cr, &label->box, 3, &pad, NULL, 0);
  for (guint i = 0; i < label->n_lines; i++)
    {
      /* The same width as when measuring, so the same shaped layout. */
      WmRect line = { cx - LABEL_MAX_WIDTH / 2.0, y, LABEL_MAX_WIDTH, label->height[i] };

      wm_draw_text (ctx->cr, ctx->options, label->text[i], &line, &label->style[i]);
      y += label->height[i];
    }
}

/* Multiplicities */

/* The padded box of a multiplicity of size @w × @h beside the end @end of
 * a line that leaves towards @next: a little way along the line and off
 * to the side that is above it (or right of it when it is vertical), or
 * the other side when @flip is set. */
static WmRect
multiplicity_box (WmPoint  end,
                  WmPoint  next,
                  double   w,
                  double   h,
                  gboolean flip)
{
  double length = hypot (next.x - end.x, next.y - end.y);
  double ux = length > 0 ? (next.x - end.x) / length : 1;
  double uy = length > 0 ? (next.y - end.y) / length : 0;
  double nx = -uy, ny = ux;
  double along, across;
  WmPoint c;

  w += 2 * PAD_X;
  h += 2 * PAD_Y;
  if ((ny > 0.01 || (fabs (ny) <= 0.01 && nx < 0)) != flip)
    nx = -nx, ny = -ny;
  along = MAX (MULTIPLICITY_DISTANCE, 5 + fabs (ux) * w / 2 + fabs (uy) * h / 2);
  across = MULTIPLICITY_GAP + fabs (nx) * w / 2 + fabs (ny) * h / 2;
  c = (WmPoint) { end.x + ux * along + nx * across, end.y + uy * along + ny * across };
  return (WmRect) { c.x - w / 2, c.y - h / 2, w, h };
}

static const char *
multiplicity_text (const WmItem *link,
                   gboolean      at_source)
{
  return nonblank (wm_item_get_string (link, at_source ? WM_UC_SOURCE_MULTIPLICITY
                                                       : WM_UC_TARGET_MULTIPLICITY));
}

static WmRect
end_box (const WmRenderOptions *options,
         const char            *text,
         const WmPoint         *points,
         guint                  n_points,
         gboolean               at_source,
         gboolean               flip)
{
  WmTextStyle style = text_style (LABEL_SIZE, PANGO_WEIGHT_NORMAL, WM_ALIGN_START);
  double w, h;

  style.wrap = FALSE;
  wm_measure_text (options, text, -1, &style, &w, &h);
  return at_source ? multiplicity_box (points[0], points[1], w, h, flip)
                   : multiplicity_box (points[n_points - 1], points[n_points - 2], w, h, flip);
}

/* The box of @text as the multiplicity at one end. On a line too short for
 * both above it, the target's goes below, so the two never run together. */
static WmRect
place_multiplicity (const WmRenderOptions *options,
                    const WmItem          *link,
                    const WmPoint         *points,
                    guint                  n_points,
                    gboolean               at_source,
                    const char            *text)
{
  WmRect box = end_box (options, text, points, n_points, at_source, FALSE), source;
  const char *source_text = multiplicity_text (link, TRUE);

  if (at_source || source_text == NULL)
    return box;
  source = end_box (options, source_text, points, n_points, TRUE, FALSE);
  source = (WmRect) { source.x - LABEL_AIR, source.y - LABEL_AIR, source.width + 2 * LABEL_AIR,
                      source.height + 2 * LABEL_AIR };
  if (wm_rect_intersects (&source, &box))
    box = end_box (options, text, points, n_points, FALSE, TRUE);
  return box;
}

static gboolean
multiplicity_at (const WmRenderOptions *options,
                 const WmItem          *link,
                 const WmPoint         *points,
                 guint                  n_points,
                 gboolean               at_source,
                 WmRect                *box)
{
  const char *text = multiplicity_text (link, at_source);

  if (text == NULL)
    return FALSE;
  *box = place_multiplicity (options, link, points, n_points, at_source, text);
  return TRUE;
}

static void
paint_multiplicities (WmPaintContext *ctx,
                      const WmItem   *link,
                      const WmPoint  *points,
                      guint           n_points)
{
  WmTextStyle style = text_style (LABEL_SIZE, PANGO_WEIGHT_NORMAL, WM_ALIGN_START);
  WmRect box;

  for (int end = 0; end < 2; end++)
    if (multiplicity_at (ctx->options, link, points, n_points, end == 0, &box))
      wm_draw_label (ctx->cr, ctx->options,
                     wm_item_get_string (link, end == 0 ? WM_UC_SOURCE_MULTIPLICITY
                                                        : WM_UC_TARGET_MULTIPLICITY),
                     wm_rect_center (&box), &style);
}

/* Links */

typedef struct
{
  WmLineStyle    line;
  WmArrowKind    arrow;   /* at the target */
  double         size;
  double         width;
  const WmColor *color;
} LinkLook;

static LinkLook
link_look (const WmItem *link)
{
  if (is_type (link, "include") || is_type (link, "extend"))
    return (LinkLook) { WM_LINE_DASHED, WM_ARROW_OPEN, ARROW_SIZE, LINK_WIDTH, &wm_color_ink };
  if (is_type (link, "generalization"))
    return (LinkLook) { WM_LINE_SOLID, WM_ARROW_HOLLOW_TRIANGLE, TRIANGLE_SIZE, LINK_WIDTH,
                        &wm_color_ink };
  if (is_type (link, "anchor"))
    return (LinkLook) { WM_LINE_DASHED, WM_ARROW_NONE, 0, 1, &wm_color_muted };
  return (LinkLook) { WM_LINE_SOLID,
                      wm_item_get_boolean (link, WM_UC_NAVIGABLE) ? WM_ARROW_OPEN : WM_ARROW_NONE,
                      ARROW_SIZE, LINK_WIDTH, &wm_color_ink };
}

/* The arrowhead's corners, as wm_draw_arrowhead() places them (at most
 * π/7 either side of the line), with room for the mitre at the tip. */
static void
arrow_extent (WmPoint tip,
              WmPoint from,
              double  size,
              WmRect *extent)
{
  double angle = atan2 (tip.y - from.y, tip.x - from.x), spread = G_PI / 7;
  WmPoint corners[] = {
    tip,
    { tip.x - size * cos (angle - spread), tip.y - size * sin (angle - spread) },
    { tip.x - size * cos (angle + spread), tip.y - size * sin (angle + spread) },
  };

  _wm_points_extent (corners, G_N_ELEMENTS (corners), 2 * LINK_WIDTH, extent);
}

/* What a link's label keeps clear of: the shapes at its ends (an actor
 * with its name), its arrowhead and its multiplicities. Returns how many. */
static guint
label_obstacles (WmDiagram     *diagram,
                 const WmItem  *link,
                 const WmPoint *points,
                 guint          n,
                 WmRect         obstacles[MAX_LABEL_OBSTACLES])
{
  const WmItem *ends[] = { wm_diagram_lookup (diagram, link->source),
                           wm_diagram_lookup (diagram, link->target) };
  LinkLook look = link_look (link);
  guint count = 0;

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      if (is_type (ends[i], "actor"))
        actor_extent (ends[i], &obstacles[count++]);
      else
        obstacles[count++] = ends[i]->bounds;
    }
  if (look.arrow != WM_ARROW_NONE)
    arrow_extent (points[n - 1], points[n - 2], look.size, &obstacles[count++]);
  for (int end = 0; end < 2 && is_type (link, "association"); end++)
    if (multiplicity_at (NULL, link, points, n, end == 0, &obstacles[count]))
      count++;
  g_assert (count <= MAX_LABEL_OBSTACLES);
  return count;
}

/* The label's lines, measured and placed beside the route. */
static void
place_label (const WmRenderOptions *options,
             WmDiagram             *diagram,
             const WmItem          *link,
             const WmPoint         *points,
             guint                  n,
             LinkLabel             *label)
{
  WmRect obstacles[MAX_LABEL_OBSTACLES], within;
  guint n_obstacles;

  collect_label_lines (link, label);
  if (label->n_lines == 0)
    return;
  n_obstacles = label_obstacles (diagram, link, points, n, obstacles);
  /* The model's geometry of the link: its ends' bounds and its waypoints. */
  within = wm_diagram_lookup (diagram, link->source)->bounds;
  if (link->n_points > 0)
    {
      WmRect bends;

      _wm_points_extent (link->points, link->n_points, 0, &bends);
      wm_rect_union (&within, &bends, &within);
    }
  wm_rect_union (&within, &wm_diagram_lookup (diagram, link->target)->bounds, &within);
  within = (WmRect) { within.x - LABEL_REACH, within.y - LABEL_REACH,
                      within.width + 2 * LABEL_REACH, within.height + 2 * LABEL_REACH };
  layout_label (options, points, n, obstacles, n_obstacles, &within, label);
}

/* The line and its arrowhead. */
static void
paint_link_line (WmPaintContext *ctx,
                 const WmItem   *link)
{
  LinkLook look = link_look (link);
  guint n = 0;
  g_autofree WmPoint *points = route_link (ctx->diagram, link, &n);

  if (points == NULL)
    return;
  wm_draw_polyline (ctx->cr, points, n, look.width, look.line, look.color);
  wm_draw_arrowhead (ctx->cr, points[n - 1], points[n - 2], look.arrow, look.size, look.width,
                     look.color);
}

/* The multiplicities and the label, at full detail only. */
static void
paint_link_labels (WmPaintContext *ctx,
                   const WmItem   *link)
{
  g_auto(LinkLabel) label = { 0 };
  guint n = 0;
  g_autofree WmPoint *points = NULL;

  if (!ctx->detail || (points = route_link (ctx->diagram, link, &n)) == NULL)
    return;
  if (is_type (link, "association"))
    paint_multiplicities (ctx, link, points, n);
  place_label (ctx->options, ctx->diagram, link, points, n, &label);
  paint_label (ctx, &label);
}

/* A link's labels are painted over all the items (paint_foreground), so
 * that another link's line never runs through their text; painted alone,
 * a link has them at once. */
static void
paint_link (WmPaintContext *ctx,
            const WmItem   *link)
{
  GPtrArray *labelled = ctx->painter_data;

  paint_link_line (ctx, link);
  if (labelled != NULL && !ctx->alone)
    g_ptr_array_add (labelled, (gpointer) link);
  else
    paint_link_labels (ctx, link);
}

static void
link_extent (WmDiagram    *diagram,
             const WmItem *link,
             WmRect       *extent)
{
  g_auto(LinkLabel) label = { 0 };
  LinkLook look = link_look (link);
  guint n = 0;
  g_autofree WmPoint *points = route_link (diagram, link, &n);
  WmRect box;

  if (points == NULL)
    {
      *extent = (WmRect) { 0, 0, 0, 0 };
      return;
    }
  /* Zoomed out (0.2 px a unit), the antialiased line touches pixels whose
   * centres lie 3 units from it. */
  _wm_points_extent (points, n, look.width / 2 + 2, extent);
  if (look.arrow != WM_ARROW_NONE)
    {
      arrow_extent (points[n - 1], points[n - 2], look.size, &box);
      wm_rect_union (extent, &box, extent);
    }
  for (int end = 0; end < 2 && is_type (link, "association"); end++)
    if (multiplicity_at (NULL, link, points, n, end == 0, &box))
      wm_rect_union (extent, &box, extent);
  place_label (NULL, diagram, link, points, n, &label);
  if (label.n_lines > 0)
    wm_rect_union (extent, &label.box, extent);
}

/* The route as painted: links to an actor run to its figure, not to the
 * centre of its bounds, and hit tests and halos must follow them there. */
static gboolean
link_path (WmDiagram    *diagram,
           const WmItem *link,
           cairo_t      *cr)
{
  guint n = 0;
  g_autofree WmPoint *points = route_link (diagram, link, &n);

  if (points == NULL)
    return FALSE;
  cairo_move_to (cr, points[0].x, points[0].y);
  for (guint i = 1; i < n; i++)
    cairo_line_to (cr, points[i].x, points[i].y);
  return TRUE;
}

/* The label's pad and the multiplicities' boxes, as paint_link() places them. */
static guint
label_boxes (WmDiagram    *diagram,
             const WmItem *link,
             WmRect       *boxes,
             guint         n_boxes)
{
  g_auto(LinkLabel) label = { 0 };
  guint n = 0, count = 0;
  g_autofree WmPoint *points = route_link (diagram, link, &n);
  WmRect box;

  if (points == NULL)
    return 0;
  for (int end = 0; end < 2 && is_type (link, "association"); end++)
    if (multiplicity_at (NULL, link, points, n, end == 0, &box) && count++ < n_boxes)
      boxes[count - 1] = box;
  place_label (NULL, diagram, link, points, n, &label);
  if (label.n_lines > 0 && count++ < n_boxes)
    boxes[count - 1] = label.box;
  return count;
}

/* Far out */

/* Zoomed far out, an item is its silhouette: a use case, a subject, a
 * package or a note its box in its fill, a human or time actor a bar as tall
 * as its figure, a system actor its box, a link its bare line. */
static void
paint_far (WmPaintContext *ctx,
           const WmItem   *item)
{
  guint n = 0;
  g_autofree WmPoint *points = NULL;
  WmRect figure;

  if (wm_item_is_link (item))
    {
      LinkLook look = link_look (item);

      points = route_link (ctx->diagram, item, &n);
      if (points != NULL)
        _wm_far_batch_line (ctx->far, points, n, look.color, look.width);
      return;
    }
  if (!is_type (item, "actor"))
    {
      const WmColor *fill = is_use_case (item)         ? &use_case_fill
                            : is_type (item, "note")    ? &note_fill
                            : is_type (item, "subject") ? &subject_fill
                            : is_type (item, "package") ? &subject_fill
                                                        : &wm_color_fill;

      _wm_far_batch_box (ctx->far, &item->bounds, fill,
                         is_type (item, "note") ? &note_edge : &wm_color_ink, OUTLINE_WIDTH);
      return;
    }
  actor_figure (item, &figure);
  if (actor_kind (item) == ACTOR_SYSTEM)
    {
      _wm_far_batch_box (ctx->far, &figure, &wm_color_fill, &wm_color_ink, OUTLINE_WIDTH);
      return;
    }
  _wm_far_batch_line (ctx->far,
                      (WmPoint[]) { { figure.x + figure.width / 2, figure.y },
                                    { figure.x + figure.width / 2, figure.y + figure.height } },
                      2, &wm_color_ink, 1.5);
}

/* The painter */

/* The links whose labels paint_foreground draws, over every item. */
static gpointer
new_data (WmDiagram *diagram)
{
  return g_ptr_array_new ();
}

static void
paint_background (WmPaintContext *ctx)
{
  ctx->painter_data = new_data (ctx->diagram);
}

/* The labels of the links painted, faded as the renderer fades the items a
 * filter leaves out. */
static void
paint_foreground (WmPaintContext *ctx)
{
  GPtrArray *labelled = ctx->painter_data;
  GHashTable *dimmed = ctx->options->dimmed;

  for (guint i = 0; labelled != NULL && i < labelled->len; i++)
    {
      const WmItem *link = g_ptr_array_index (labelled, i);
      gboolean dim = dimmed != NULL && g_hash_table_contains (dimmed, link->id);

      if (dim)
        _wm_render_begin_faded (ctx, link);
      paint_link_labels (ctx, link);
      if (dim)
        _wm_render_end_faded (ctx);
    }
}

static void
free_labelled (gpointer labelled)
{
  g_ptr_array_unref (labelled);
}

/* The labelled links of the items painted on another thread come after
 * this paint's, as they come after its items. */
static void
take_later (WmPaintContext *ctx,
            gpointer        later)
{
  g_ptr_array_extend_and_steal (ctx->painter_data, later);
}

static void
paint_item (WmPaintContext *ctx,
            const WmItem   *item)
{
  if (ctx->far != NULL)
    paint_far (ctx, item);
  else if (wm_item_is_link (item))
    paint_link (ctx, item);
  else if (is_type (item, "actor"))
    paint_actor (ctx, item);
  else if (is_use_case (item))
    paint_use_case (ctx, item);
  else if (is_type (item, "subject"))
    paint_subject (ctx, item);
  else if (is_type (item, "package"))
    paint_package (ctx, item);
  else if (is_type (item, "note"))
    paint_note (ctx, item);
  else
    outline_box (ctx->cr, &item->bounds, &wm_color_fill);
}

static void
item_extent (WmDiagram    *diagram,
             const WmItem *item,
             WmRect       *extent)
{
  if (wm_item_is_link (item))
    link_extent (diagram, item, extent);
  else if (is_type (item, "actor"))
    actor_extent (item, extent);
  else
    *extent = item->bounds;
}

gboolean
wm_render_multiplicity_box (WmDiagram    *diagram,
                            const WmItem *link,
                            gboolean      at_source,
                            WmRect       *box)
{
  g_autofree WmPoint *points = NULL;
  WmRenderOptions options;
  const char *text;
  guint n_points;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), FALSE);
  g_return_val_if_fail (link != NULL && box != NULL, FALSE);

  if (!g_str_equal (wm_diagram_get_notation (diagram)->id, "use-case") ||
      !g_str_equal (link->type->id, "association") ||
      (points = route_link (diagram, link, &n_points)) == NULL)
    return FALSE;
  text = multiplicity_text (link, at_source);
  wm_render_options_init (&options);
  /* A blank one is placed as a typical one would be. */
  *box = place_multiplicity (&options, link, points, n_points, at_source,
                             text != NULL ? text : "0..*");
  return TRUE;
}

const WmPainter _wm_painter_use_case = {
  .notation_id = "use-case",
  .paint_background = paint_background,
  .paint_item = paint_item,
  .paint_foreground = paint_foreground,
  .new_data = new_data,
  .take_later = take_later,
  .item_extent = item_extent,
  .link_path = link_path,
  .label_boxes = label_boxes,
  .free_data = free_labelled,
};
