/* wm-draw.h — the drawing primitives every painter shares
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "wm-render.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} WmColor;

/* The light theme every export uses, whatever the desktop's theme. */
extern const WmColor wm_color_paper;       /* white page */
extern const WmColor wm_color_ink;         /* lines and body text, near-black */
extern const WmColor wm_color_muted;       /* secondary text, guiding questions */
extern const WmColor wm_color_faint;       /* grid lines, block borders */
extern const WmColor wm_color_fill;        /* neutral shape fill, very light grey */
extern const WmColor wm_color_accent;      /* highlights, the selection */
extern const WmColor wm_color_good;        /* on target */
extern const WmColor wm_color_bad;         /* off target, problems */

#define WM_FONT_FAMILY "Inter, Cantarell, DejaVu Sans, sans-serif"

gboolean wm_color_parse     (const char    *text,
                             WmColor       *color);
void     wm_set_color       (cairo_t       *cr,
                             const WmColor *color);
WmColor  wm_color_darken    (const WmColor *color,
                             double         amount);

/* Whether @cr draws into a file (PDF, PostScript, SVG), where every
 * operator is written out, rather than into pixels. */
gboolean wm_target_is_file  (cairo_t       *cr);
/* Makes wm_target_is_file() TRUE on a recording surface that will be
 * painted into a file: what another thread paints for an export. */
void     _wm_target_mark_file (cairo_surface_t *recording);

/* cairo_fill(), cairo_stroke() and their _preserve() forms, the way every
 * painter draws: with the same pen, written more cheaply into PDF and SVG
 * files (see wm-draw.c), and drawn together with other items' shapes of
 * the same style when the export batches them (see wm-batch.h). */
void     wm_fill            (cairo_t       *cr);
void     wm_fill_preserve   (cairo_t       *cr);
void     wm_stroke          (cairo_t       *cr);
void     wm_stroke_preserve (cairo_t       *cr);
/* cairo_clip(), the way every painter clips: what a batch holds is drawn
 * first, as it lies outside the clip too. */
void     wm_clip            (cairo_t       *cr);

/* Paths */
void     wm_path_rounded_rect (cairo_t      *cr,
                               const WmRect *rect,
                               double        radius);
void     wm_path_ellipse      (cairo_t      *cr,
                               const WmRect *rect);

/* Filled and outlined shapes; a NULL colour skips that part. */
void     wm_draw_box        (cairo_t       *cr,
                             const WmRect  *rect,
                             double         radius,
                             const WmColor *fill,
                             const WmColor *stroke,
                             double         line_width);
void     wm_draw_ellipse    (cairo_t       *cr,
                             const WmRect  *rect,
                             const WmColor *fill,
                             const WmColor *stroke,
                             double         line_width);

typedef enum
{
  WM_LINE_SOLID,
  WM_LINE_DASHED,
  WM_LINE_DOTTED,
} WmLineStyle;

typedef enum
{
  WM_ARROW_NONE,
  WM_ARROW_OPEN,              /* two strokes: UML dependency, include, extend */
  WM_ARROW_FILLED,            /* solid triangle: VSM material and information flows */
  WM_ARROW_HOLLOW_TRIANGLE,   /* white triangle: UML generalization */
} WmArrowKind;

void     wm_draw_polyline   (cairo_t       *cr,
                             const WmPoint *points,
                             guint          n_points,
                             double         line_width,
                             WmLineStyle    style,
                             const WmColor *color);
/* An arrowhead with its tip at @tip, pointing away from @from. */
void     wm_draw_arrowhead  (cairo_t       *cr,
                             WmPoint        tip,
                             WmPoint        from,
                             WmArrowKind    kind,
                             double         size,
                             double         line_width,
                             const WmColor *color);

/* Where the segment from the centre of @rect towards @toward leaves the
 * rectangle, or the ellipse inscribed in it. */
WmPoint  wm_clip_to_rect    (const WmRect  *rect,
                             WmPoint        toward);
WmPoint  wm_clip_to_ellipse (const WmRect  *rect,
                             WmPoint        toward);
WmPoint  wm_rect_center     (const WmRect  *rect);

/* Link labels stand beside their line, never on it. */

/* The middle of a polyline by length, the direction of travel there (a unit
 * vector) and the segment it lies on (1 for the first). */
WmPoint  wm_polyline_middle (const WmPoint *points,
                             guint          n_points,
                             WmPoint       *direction,
                             guint         *segment);
/* Where a label of @width × @height goes beside the line that passes
 * @middle in @direction (a unit vector): pushed along the line's normal
 * until it stands @clearance away from the line, then further until it
 * stands @air away from each of @obstacles (the line's end nodes, its
 * arrowheads, other labels). It goes on the side that needs the shorter
 * push: above a line that runs across, right of one that runs down, when
 * both sides need the same. So a label too long for the gap between two
 * close nodes moves out beyond the nodes rather than over the line. A push
 * that would take it outside @within (may be NULL: anywhere) is not made:
 * the label then stands just beside the line, over what it could not clear,
 * which keeps it where culling looks for a link's ink. */
WmRect   wm_place_label_beside (WmPoint        middle,
                                WmPoint        direction,
                                double         width,
                                double         height,
                                double         clearance,
                                const WmRect  *obstacles,
                                guint          n_obstacles,
                                double         air,
                                const WmRect  *within);

/* The part of @rect that can show on @cr: inside the clip of @cr and the
 * options' visible area (when it has one), both grown by @margin, in user
 * coordinates. FALSE when none of @rect can show. A pattern repeated across
 * a shape (a hatching) is drawn only there, so that its cost follows what
 * can be seen, not the size of the shape. */
gboolean wm_visible_part    (cairo_t               *cr,
                             const WmRenderOptions *options,
                             const WmRect          *rect,
                             double                 margin,
                             WmRect                *part);

/* Text. Sizes are in document units (1 unit = 1 px at 100 % zoom). */
typedef enum
{
  WM_ALIGN_START,
  WM_ALIGN_CENTER,
  WM_ALIGN_END,
} WmAlign;

typedef struct
{
  double         size;       /* font size in document units */
  PangoWeight    weight;
  gboolean       italic;
  WmAlign        halign;
  WmAlign        valign;     /* within the rectangle given to wm_draw_text() */
  gboolean       wrap;       /* wrap at word boundaries to the rectangle's width */
  gboolean       ellipsize;  /* end with "…" rather than overflow the rectangle's height */
  const WmColor *color;      /* NULL: ink */
} WmTextStyle;

/* A style of @size: regular weight, left and top aligned, wrapping, ellipsized. */
WmTextStyle wm_text_style   (double         size);

/* Draws @text inside @rect (it never spills out when ellipsize is set) and
 * returns the height the text took. Layouts come from the options' cache. */
double   wm_draw_text       (cairo_t               *cr,
                             const WmRenderOptions *options,
                             const char            *text,
                             const WmRect          *rect,
                             const WmTextStyle     *style);
/* The size @text takes when wrapped to @width (width <= 0: one line per paragraph). */
void     wm_measure_text    (const WmRenderOptions *options,
                             const char            *text,
                             double                 width,
                             const WmTextStyle     *style,
                             double                *out_width,
                             double                *out_height);
/* A text to measure with wm_measure_texts(), and its size. */
typedef struct
{
  const char  *text;
  double       width;
  WmTextStyle  style;
  double       out_width;
  double       out_height;
} WmTextMeasure;

/* Measures each of @texts as wm_measure_text() would, into its out_width
 * and out_height. Where many are not shaped yet and the machine has a
 * second core, half of them are shaped on a thread of their own; the
 * layouts then join the options' cache, so that drawing those texts later
 * shapes nothing again. Painters measuring a whole diagram's texts at
 * once (a journey's cards and notes) call it before they measure one by
 * one. */
void     wm_measure_texts   (const WmRenderOptions *options,
                             WmTextMeasure         *texts,
                             guint                  n);
/* A label on a white pad, centred on @center, for link labels and multiplicities. */
void     wm_draw_label      (cairo_t               *cr,
                             const WmRenderOptions *options,
                             const char            *text,
                             WmPoint                center,
                             const WmTextStyle     *style);

/* A line icon drawn by @path on an 18 x 18 grid, scaled to @size at @x, @y
 * and stroked in @color with a weight of 1.25 document units. */
void     wm_draw_line_icon  (cairo_t               *cr,
                             void                 (*path) (cairo_t *cr),
                             double                 x,
                             double                 y,
                             double                 size,
                             const WmColor         *color);
/* The mark of a link to other items: two interlocked links on the
 * diagonal of a @size square at @x, @y, in @color. */
void     wm_draw_link_mark  (cairo_t               *cr,
                             double                 x,
                             double                 y,
                             double                 size,
                             const WmColor         *color);

/* The area wm_draw_sticky_note() inks for @rect: the paper, its outline
 * and its shadow. */
void     wm_sticky_note_ink  (const WmRect          *rect,
                              WmRect                *ink);
/* A sticky note: a soft shadow, the paper in @fill, a folded corner, the text. */
void     wm_draw_sticky_note (cairo_t               *cr,
                              const WmRenderOptions *options,
                              const WmRect          *rect,
                              const WmColor         *fill,
                              const char            *text,
                              double                 text_size);

/* The selection outline around @rect, drawn only on screen. */
void     wm_draw_selection  (cairo_t               *cr,
                             const WmRect          *rect);

G_END_DECLS
