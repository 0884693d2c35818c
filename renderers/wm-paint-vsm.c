/* wm-paint-vsm.c — the value-stream-map painter
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The icons are the lean ones of Rother and Shook's "Learning to See", drawn
 * in ink on paper as a mapping team draws them on the wall, with a little
 * colour only where it carries meaning: the title bar of a process, the
 * kaizen bursts, the totals of the timeline.
 *
 * Geometry that painting and item_extent() share is computed by one function
 * each (process_layout(), caption_layout(), link_label_layout(), the route),
 * so that the extent always covers what the paint puts down. Small icons
 * carry their figures and label in a caption under them, kept within the 40
 * units below the bounds that the screen's culling allows a node. Extents
 * and the timeline are kept with the diagram until it changes (see "The
 * cache" at the end), as the screen asks for them on every frame.
 */
#define G_LOG_DOMAIN "wm-paint-vsm"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "wm-painter-private.h"
#include "wm-vsm.h"

/* Line weights */
#define OUTLINE 1.25         /* icons and boxes */
#define HAIRLINE 0.75        /* rules inside boxes */
#define INFO_WIDTH 1.25      /* information flows */

/* Text sizes */
#define NAME_SIZE 11
#define TEXT_SIZE 10
#define SMALL_SIZE 9.5

/* Captions under icons: their width, and how far below the bounds they may
 * reach; the screen culls nodes on their bounds grown by 40 units. */
#define CAPTION_GAP 3
#define CAPTION_MIN_WIDTH 100
#define CAPTION_BUDGET 39.5
#define MAX_FIGURES 3

/* The process: a bounds this tall holds its data box inside (the box takes
 * the top SPLIT_RATIO), a lower one puts the data box underneath. */
#define SPLIT_MIN_HEIGHT 110
#define SPLIT_RATIO 0.45
#define DATA_GAP 4
#define DATA_ROW 12.5
#define DATA_PAD 4
#define MAX_ROWS 8
#define OPERATOR_ROOM 16

/* How far an item's extent reaches past its bounds for outlines and shadows. */
#define EXTENT_MARGIN 3

/* Links */
#define MAX_ROUTE_POINTS 16
#define PUSH_BAND 8
#define PUSH_HEAD_LENGTH 14
#define PUSH_HEAD_HALF 9
#define SHIP_BAND 12
#define SHIP_HEAD_LENGTH 18
#define SHIP_HEAD_HALF 15
#define PULL_RADIUS 10
#define ZIGZAG 7
#define LABEL_MAX_WIDTH 150
#define LABEL_AIR 5
/* A label's pad stands at most this far from its link's ends and route,
 * inside the margin within which the renderer looks for a link's ink (160). */
#define LABEL_REACH 145

/* The timeline ladder */
#define TIMELINE_GAP 60
#define LADDER_RISE 30
#define STEP_MIN_WIDTH 24
#define STEP_FALLBACK_WIDTH 100
#define TOTALS_WIDTH 210
#define TOTALS_ROW 17

static const WmColor title_tint = { 0.906, 0.941, 0.987, 1 };   /* #e7f0fc, the accent lightened */
static const WmColor kaizen_ink = { 0.878, 0.333, 0.118, 1 };   /* #e0551e, safety orange */
static const WmColor kaizen_fill = { 0.992, 0.937, 0.906, 1 };  /* #fdefe7 */
static const WmColor note_paper = { 1, 0.973, 0.851, 1 };       /* #fff8d9 */
static const WmColor label_pad = { 1, 1, 1, 0.88 };

/* Figures */

/* Every figure on the map is written by the model's one formatter, so that a
 * lead time reads the same here, in the metrics pane and in --check. */
static void
format_figure_as (char         *buffer,
                  gsize         size,
                  WmFigureKind  kind,
                  double        value)
{
  g_autofree char *text = wm_figure_format_as (kind, value);

  g_strlcpy (buffer, text, size);
}

/* Text */

static WmTextStyle
text_style (double         size,
            PangoWeight    weight,
            WmAlign        halign,
            WmAlign        valign,
            const WmColor *color)
{
  WmTextStyle style = wm_text_style (size);

  style.weight = weight;
  style.halign = halign;
  style.valign = valign;
  style.color = color;
  return style;
}

/* One line, centred on the height of its rectangle and cut short with "…"
 * when it is too long for its width. */
static WmTextStyle
line_style (double         size,
            PangoWeight    weight,
            WmAlign        halign,
            const WmColor *color)
{
  WmTextStyle style = text_style (size, weight, halign, WM_ALIGN_CENTER, color);

  style.wrap = FALSE;
  return style;
}

static double
line_height (const WmRenderOptions *options,
             const WmTextStyle     *style)
{
  double height;

  wm_measure_text (options, "Ag", -1, style, NULL, &height);
  return height;
}

static WmRect
inset (const WmRect *rect,
       double        dx,
       double        dy)
{
  return (WmRect) { rect->x + dx, rect->y + dy, rect->width - 2 * dx, rect->height - 2 * dy };
}

static void
paint_name (WmPaintContext *ctx,
            const char     *text,
            const WmRect   *rect,
            double          size,
            PangoWeight     weight)
{
  WmTextStyle style = text_style (size, weight, WM_ALIGN_CENTER, WM_ALIGN_CENTER, NULL);

  if (ctx->detail && rect->width > 4 && rect->height > 4)
    wm_draw_text (ctx->cr, ctx->options, text, rect, &style);
}

/* Shapes */

static void
fill_stroke (cairo_t       *cr,
             const WmColor *fill,
             const WmColor *stroke,
             double         line_width)
{
  if (fill != NULL)
    {
      wm_set_color (cr, fill);
      wm_fill_preserve (cr);
    }
  if (stroke != NULL)
    {
      wm_set_color (cr, stroke);
      cairo_set_line_width (cr, line_width);
      wm_stroke_preserve (cr);
    }
  cairo_new_path (cr);
}

static void
path_polygon (cairo_t       *cr,
              const WmPoint *points,
              guint          n_points)
{
  cairo_move_to (cr, points[0].x, points[0].y);
  for (guint i = 1; i < n_points; i++)
    cairo_line_to (cr, points[i].x, points[i].y);
  cairo_close_path (cr);
}

static void
line (cairo_t *cr,
      double   x1,
      double   y1,
      double   x2,
      double   y2)
{
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
}

static void
circle (cairo_t *cr,
        double   cx,
        double   cy,
        double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
}

/* The operator: a head over a pair of shoulders, @size tall, centred on @cx. */
static void
draw_person (cairo_t *cr,
             double   cx,
             double   top,
             double   size)
{
  double head = size * 0.21;

  circle (cr, cx, top + head + 0.5, head);
  fill_stroke (cr, &wm_color_paper, &wm_color_ink, OUTLINE);
  cairo_save (cr);
  cairo_translate (cr, cx, top + size - 0.5);
  cairo_scale (cr, size * 0.4, size * 0.48);
  cairo_arc (cr, 0, 0, 1, G_PI, 2 * G_PI);
  cairo_close_path (cr);
  cairo_restore (cr);
  fill_stroke (cr, &wm_color_fill, &wm_color_ink, OUTLINE);
}

/* Captions: figures and a label under an icon */

typedef struct
{
  char        figures[MAX_FIGURES][48];
  guint       n_figures;
  const char *label;
} Caption;

static char *
caption_next (Caption *caption)
{
  g_assert (caption->n_figures < MAX_FIGURES);
  return caption->figures[caption->n_figures++];
}

static void
caption_add_days (Caption      *caption,
                  WmDiagram    *diagram,
                  const WmItem *item)
{
  double days = wm_vsm_inventory_days (diagram, item);

  /* Without a demand the days are unknown, not zero: say nothing then. */
  if (days > 0 || wm_vsm_has_days_override (item))
    format_figure_as (caption_next (caption), sizeof caption->figures[0], WM_FIGURE_DAYS, days);
}

static void
caption_add_pieces (Caption      *caption,
                    const WmItem *item,
                    const char   *property)
{
  if (wm_item_has_value (item, property))
    format_figure_as (caption_next (caption), sizeof caption->figures[0], WM_FIGURE_PIECES,
                   wm_item_get_number (item, property));
}

/* Captions are measured and drawn with the same styles, without "…"
 * unless a line does not fit, so that one shaped layout serves both. */
static WmTextStyle
figure_style (void)
{
  WmTextStyle style = line_style (SMALL_SIZE, PANGO_WEIGHT_SEMIBOLD, WM_ALIGN_CENTER, NULL);

  style.valign = WM_ALIGN_START;
  style.ellipsize = FALSE;
  return style;
}

static WmTextStyle
caption_label_style (void)
{
  WmTextStyle style = text_style (SMALL_SIZE, PANGO_WEIGHT_NORMAL, WM_ALIGN_CENTER, WM_ALIGN_START,
                                  &wm_color_muted);

  style.ellipsize = FALSE;
  return style;
}

typedef struct
{
  WmRect   figures;     /* one line per figure */
  WmRect   label;
  gboolean label_fits;  /* the label's lines all fit, without "…" */
  double   line;        /* the height of a figure's line */
  double   ink_width;   /* the widest line */
} CaptionLayout;

static double
caption_figures_width (const WmRenderOptions *options,
                       const Caption         *caption,
                       double                 width)
{
  WmTextStyle figure = figure_style ();
  double widest = 0;

  for (guint i = 0; i < caption->n_figures; i++)
    {
      double figure_width;

      wm_measure_text (options, caption->figures[i], width, &figure, &figure_width, NULL);
      widest = MAX (widest, figure_width);
    }
  return widest;
}

/* The figures come first, one line each; the label takes what is left of the
 * budget, two lines at most. FALSE when there is nothing to show. */
static gboolean
caption_layout (const WmRenderOptions *options,
                const Caption         *caption,
                const WmRect          *bounds,
                CaptionLayout         *layout)
{
  WmTextStyle figure = figure_style (), text = caption_label_style ();
  double width = MAX (bounds->width, CAPTION_MIN_WIDTH);
  double top = bounds->y + bounds->height + CAPTION_GAP;
  double text_line = line_height (options, &text);
  double figures_height, lines, label_width = 0, label_height = 0;

  layout->line = line_height (options, &figure);
  figures_height = caption->n_figures * layout->line;
  lines = MIN (2, floor ((CAPTION_BUDGET - CAPTION_GAP - figures_height) / text_line));
  layout->label_fits = TRUE;
  if (caption->label != NULL && caption->label[0] != '\0' && lines >= 1)
    {
      wm_measure_text (options, caption->label, width, &text, &label_width, &label_height);
      layout->label_fits = label_height <= lines * text_line + 0.5;
      label_height = MIN (label_height, lines * text_line);
    }
  layout->figures = (WmRect) { bounds->x + (bounds->width - width) / 2, top, width,
                               figures_height };
  layout->label = (WmRect) { layout->figures.x, top + figures_height, width, label_height };
  layout->ink_width = MAX (label_width, caption_figures_width (options, caption, width));
  return figures_height > 0 || label_height > 0;
}

static void
caption_paint (WmPaintContext *ctx,
               const Caption  *caption,
               const WmRect   *bounds)
{
  WmTextStyle figure = figure_style (), text = caption_label_style ();
  CaptionLayout layout;

  if (!ctx->detail || !caption_layout (ctx->options, caption, bounds, &layout))
    return;
  for (guint i = 0; i < caption->n_figures; i++)
    {
      WmRect row = { layout.figures.x, layout.figures.y + i * layout.line, layout.figures.width,
                     layout.line };
      double height;

      /* A figure too long for one line is cut short rather than wrapped. */
      wm_measure_text (ctx->options, caption->figures[i], row.width, &figure, NULL, &height);
      figure.ellipsize = height > layout.line * 1.5;
      wm_draw_text (ctx->cr, ctx->options, caption->figures[i], &row, &figure);
    }
  text.ellipsize = !layout.label_fits;
  if (layout.label.height > 0)
    wm_draw_text (ctx->cr, ctx->options, caption->label, &layout.label, &text);
}

/* The process and its data box */

typedef struct
{
  const char *label;
  char        value[40];
} DataRow;

typedef struct
{
  WmRect   box;         /* the process box: a title bar over the operators */
  double   title_height;
  gboolean operators;   /* the operator icon and count fit in the box */
  WmRect   data;        /* the data box */
  DataRow  rows[MAX_ROWS];
  guint    n_rows;
} ProcessLayout;

static DataRow *
add_row (ProcessLayout *layout,
         const char    *label)
{
  DataRow *row = &layout->rows[layout->n_rows++];

  g_assert (layout->n_rows <= MAX_ROWS);
  row->label = label;
  /* A figure not measured yet reads as a dash. */
  g_strlcpy (row->value, "–", sizeof row->value);
  return row;
}

/* C/T, C/O and uptime are always listed, a blank being information there;
 * the other figures only when the analyst has set them. */
static void
process_rows (ProcessLayout *layout,
              const WmItem  *item)
{
  DataRow *row;

  /* Translators: the labels of a process's data box, kept short (about 6
   * characters): C/T is cycle time, the usual lean abbreviation */
  row = add_row (layout, _("C/T"));
  if (wm_item_has_value (item, WM_VSM_CYCLE_TIME))
    format_figure_as (row->value, sizeof row->value, WM_FIGURE_SECONDS,
                      wm_item_get_number (item, WM_VSM_CYCLE_TIME));
  /* Translators: data box label: changeover time, the usual lean abbreviation */
  row = add_row (layout, _("C/O"));
  if (wm_item_has_value (item, WM_VSM_CHANGEOVER_TIME))
    format_figure_as (row->value, sizeof row->value, WM_FIGURE_DURATION,
                      wm_item_get_number (item, WM_VSM_CHANGEOVER_TIME));
  /* Translators: data box label: the share of time a machine can run */
  row = add_row (layout, _("Uptime"));
  if (wm_item_has_value (item, WM_VSM_UPTIME))
    format_figure_as (row->value, sizeof row->value, WM_FIGURE_PERCENT,
                      wm_item_get_number (item, WM_VSM_UPTIME));
  if (wm_item_has_value (item, WM_VSM_OPERATORS) && !layout->operators)
    /* Translators: data box label: the number of people working at the process */
    g_snprintf (add_row (layout, _("Operators"))->value, sizeof row->value, "%" G_GINT64_FORMAT,
                wm_item_get_integer (item, WM_VSM_OPERATORS));
  if (wm_item_has_value (item, WM_VSM_SHIFTS))
    /* Translators: data box label: the number of work shifts per day */
    g_snprintf (add_row (layout, _("Shifts"))->value, sizeof row->value, "%" G_GINT64_FORMAT,
                wm_item_get_integer (item, WM_VSM_SHIFTS));
  if (wm_item_has_value (item, WM_VSM_BATCH_SIZE))
    /* Translators: data box label: batch size, a noun */
    format_figure_as (add_row (layout, _("Batch"))->value, sizeof row->value, WM_FIGURE_PIECES,
                   (double) wm_item_get_integer (item, WM_VSM_BATCH_SIZE));
  if (wm_item_has_value (item, WM_VSM_SCRAP))
    /* Translators: data box label: scrap rate, a noun */
    format_figure_as (add_row (layout, _("Scrap"))->value, sizeof row->value, WM_FIGURE_PERCENT,
                    wm_item_get_number (item, WM_VSM_SCRAP));
  if (wm_item_has_value (item, WM_VSM_COMPLETE_ACCURATE))
    /* Translators: data box label: percent complete and accurate, the usual
     * lean abbreviation */
    format_figure_as (add_row (layout, _("C&A"))->value, sizeof row->value, WM_FIGURE_PERCENT,
                    wm_item_get_number (item, WM_VSM_COMPLETE_ACCURATE));
}

static gboolean
process_is_split (const WmItem *item)
{
  return item->bounds.height >= SPLIT_MIN_HEIGHT;
}

/* How many rows process_rows() writes, without writing them. */
static guint
process_n_rows (const WmItem *item,
                gboolean      operators_in_box)
{
  static const char *const optional[] = { WM_VSM_SHIFTS, WM_VSM_BATCH_SIZE, WM_VSM_SCRAP,
                                          WM_VSM_COMPLETE_ACCURATE };
  guint n = 3;

  if (wm_item_has_value (item, WM_VSM_OPERATORS) && !operators_in_box)
    n++;
  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    if (wm_item_has_value (item, optional[i]))
      n++;
  return n;
}

/* A tall process holds its data box inside its bounds, where the screen's
 * culling and every link's end expect it; a short one carries it below.
 * The boxes alone, without the rows' texts: all that bounds, extents and
 * the far view need, which a frame asks of thousands of processes. */
static void
process_geometry (const WmItem  *item,
                  ProcessLayout *layout)
{
  const WmRect *bounds = &item->bounds;
  double body, needed;

  layout->box = *bounds;
  if (process_is_split (item))
    layout->box.height = bounds->height * SPLIT_RATIO;
  layout->title_height = layout->box.height < 36 ? layout->box.height
                                                 : CLAMP (layout->box.height * 0.5, 20, 40);
  body = layout->box.height - layout->title_height;
  layout->operators = body >= OPERATOR_ROOM && wm_item_has_value (item, WM_VSM_OPERATORS) &&
                      wm_item_get_integer (item, WM_VSM_OPERATORS) > 0;
  layout->n_rows = 0;

  needed = process_n_rows (item, layout->operators) * DATA_ROW + 2 * DATA_PAD;
  layout->data = (WmRect) { bounds->x, layout->box.y + layout->box.height + DATA_GAP,
                            bounds->width, needed };
  if (process_is_split (item))
    layout->data.height = MAX (needed, bounds->y + bounds->height - layout->data.y);
}

/* The boxes and the rows of the data box, as painted. */
static void
process_layout (const WmItem  *item,
                ProcessLayout *layout)
{
  process_geometry (item, layout);
  process_rows (layout, item);
  g_assert (layout->n_rows == process_n_rows (item, layout->operators));
}

/* The hatching: strokes 1.5 wide rising at 45°, 7 apart along the bottom. */
#define HATCH_STEP 7
#define HATCH_WIDTH 1.5
/* More strokes than this in sight are finer than anyone can tell apart (or
 * the box has a hostile size): the hatching becomes the tint it averages
 * to, a stroke's width over the strokes' distance (7 / √2). */
#define MAX_HATCH_STROKES 2000
#define HATCH_TINT 0.3
/* The part of a box that is hatched grows to a grid of cells this large from
 * the box's corner: a box smaller than a cell is hatched whole whatever the
 * view, stroke for stroke as it always was, and culling changes no pixel. */
#define HATCH_CELL 1024

/* Grows @part, inside @rect, to the cells of the grid from @rect's corner. */
static void
snap_to_cells (WmRect       *part,
               const WmRect *rect)
{
  double x1 = rect->x + floor ((part->x - rect->x) / HATCH_CELL) * HATCH_CELL;
  double y1 = rect->y + floor ((part->y - rect->y) / HATCH_CELL) * HATCH_CELL;
  double x2 = rect->x + ceil ((part->x + part->width - rect->x) / HATCH_CELL) * HATCH_CELL;
  double y2 = rect->y + ceil ((part->y + part->height - rect->y) / HATCH_CELL) * HATCH_CELL;

  x1 = MAX (x1, rect->x);
  y1 = MAX (y1, rect->y);
  x2 = MIN (x2, rect->x + rect->width);
  y2 = MIN (y2, rect->y + rect->height);
  *part = (WmRect) { x1, y1, x2 - x1, y2 - y1 };
}

/* Diagonal hatching across @rect: the lean mark of a shared process. Only
 * the strokes that can show are drawn, cut by hand to the part of @rect in
 * sight (a clip would cost a mask), so that the cost follows the view and
 * not the size of the box. The cut runs outside the view, so that the
 * strokes' square ends never show. */
static void
paint_hatching (WmPaintContext *ctx,
                const WmRect   *rect)
{
  double left = rect->x, bottom = rect->y + rect->height;
  double first = 5 - rect->height, low, high;
  WmColor tint = wm_color_faint;
  WmRect part;

  if (!wm_visible_part (ctx->cr, ctx->options, rect, 2 * HATCH_WIDTH, &part))
    return;
  snap_to_cells (&part, rect);
  /* The stroke starting at (left + d, bottom) ends at (left + d + height,
   * top): its points are (left + d + t, bottom - t). Those that cross the
   * part in sight have d between these two. */
  low = MAX (first, part.x + part.y - left - bottom);
  high = MIN (rect->width, part.x + part.width + part.y + part.height - left - bottom);
  if ((high - low) / HATCH_STEP > MAX_HATCH_STROKES)
    {
      tint.alpha = HATCH_TINT;
      wm_draw_box (ctx->cr, &part, 0, &tint, NULL, 0);
      return;
    }
  for (double d = first + ceil ((low - first) / HATCH_STEP) * HATCH_STEP; d < high; d += HATCH_STEP)
    {
      /* The stroke within the part: x and y both inside it. */
      double t1 = MAX (part.x - left - d, bottom - (part.y + part.height));
      double t2 = MIN (part.x + part.width - left - d, bottom - part.y);

      if (t2 > t1)
        line (ctx->cr, left + (d + t1), bottom - t1, left + (d + t2), bottom - t2);
    }
  wm_set_color (ctx->cr, &wm_color_faint);
  cairo_set_line_width (ctx->cr, HATCH_WIDTH);
  wm_stroke (ctx->cr);
}

static void
paint_operators (WmPaintContext      *ctx,
                 const WmItem        *item,
                 const ProcessLayout *layout)
{
  WmTextStyle style = line_style (TEXT_SIZE, PANGO_WEIGHT_SEMIBOLD, WM_ALIGN_START, NULL);
  double body = layout->box.height - layout->title_height;
  double size = MIN (16, body - 6);
  double cy = layout->box.y + layout->title_height + body / 2;
  double cx = layout->box.x + layout->box.width / 2;
  char count[24];
  double width;
  WmRect text;

  g_snprintf (count, sizeof count, "%" G_GINT64_FORMAT,
              wm_item_get_integer (item, WM_VSM_OPERATORS));
  wm_measure_text (ctx->options, count, -1, &style, &width, NULL);
  /* The icon and its count, centred together. */
  cx -= (width + 4) / 2;
  draw_person (ctx->cr, cx, cy - size / 2, size);
  text = (WmRect) { cx + size * 0.4 + 4, cy - 8, width + 2, 16 };
  wm_draw_text (ctx->cr, ctx->options, count, &text, &style);
}

static void
paint_process_box (WmPaintContext      *ctx,
                   const WmItem        *item,
                   const ProcessLayout *layout)
{
  const WmRect *box = &layout->box;
  WmRect title = { box->x, box->y, box->width, layout->title_height };
  WmRect body = { box->x, box->y + layout->title_height, box->width,
                  box->height - layout->title_height };

  wm_draw_box (ctx->cr, box, 0, &wm_color_paper, NULL, 0);
  wm_draw_box (ctx->cr, &title, 0, &title_tint, NULL, 0);
  if (body.height > 0)
    {
      if (ctx->detail && wm_item_get_boolean (item, WM_VSM_SHARED))
        paint_hatching (ctx, &body);
      line (ctx->cr, box->x, body.y, box->x + box->width, body.y);
      wm_set_color (ctx->cr, &wm_color_ink);
      cairo_set_line_width (ctx->cr, HAIRLINE);
      wm_stroke (ctx->cr);
    }
  wm_draw_box (ctx->cr, box, 0, NULL, &wm_color_ink, OUTLINE);
  title = inset (&title, 6, 3);
  paint_name (ctx, item->text, &title, NAME_SIZE, PANGO_WEIGHT_SEMIBOLD);
  if (ctx->detail && layout->operators)
    paint_operators (ctx, item, layout);
}

static void
paint_data_box (WmPaintContext      *ctx,
                const ProcessLayout *layout)
{
  const WmRect *data = &layout->data;
  WmTextStyle label = line_style (SMALL_SIZE, PANGO_WEIGHT_NORMAL, WM_ALIGN_START, &wm_color_muted);
  WmTextStyle value = line_style (SMALL_SIZE, PANGO_WEIGHT_SEMIBOLD, WM_ALIGN_END, NULL);

  wm_draw_box (ctx->cr, data, 0, &wm_color_paper, &wm_color_ink, HAIRLINE);
  if (!ctx->detail)
    return;
  /* The rules between the rows, in one stroke. */
  for (guint i = 1; i < layout->n_rows; i++)
    line (ctx->cr, data->x + 4, data->y + DATA_PAD + i * DATA_ROW, data->x + data->width - 4,
          data->y + DATA_PAD + i * DATA_ROW);
  fill_stroke (ctx->cr, NULL, &wm_color_faint, HAIRLINE);
  for (guint i = 0; i < layout->n_rows; i++)
    {
      double top = data->y + DATA_PAD + i * DATA_ROW;
      WmRect left = { data->x + 6, top, data->width * 0.55 - 6, DATA_ROW };
      WmRect right = { data->x + data->width * 0.55, top, data->width * 0.45 - 6, DATA_ROW };

      wm_draw_text (ctx->cr, ctx->options, layout->rows[i].label, &left, &label);
      wm_draw_text (ctx->cr, ctx->options, layout->rows[i].value, &right, &value);
    }
}

static void
paint_process (WmPaintContext *ctx,
               const WmItem   *item)
{
  ProcessLayout layout;

  process_layout (item, &layout);
  paint_process_box (ctx, item, &layout);
  paint_data_box (ctx, &layout);
}

/* Outside sources, control and improvement */

/* A factory with a saw-tooth roof; returns the top of its walls. */
static double
path_factory (cairo_t      *cr,
              const WmRect *r)
{
  double eaves = r->y + r->height * 0.34;
  guint teeth = r->width >= 90 ? 3 : 2;
  double tooth = r->width / teeth;

  cairo_move_to (cr, r->x, r->y + r->height);
  cairo_line_to (cr, r->x, eaves);
  for (guint i = 1; i <= teeth; i++)
    {
      cairo_line_to (cr, r->x + i * tooth, r->y + 1);
      if (i < teeth)
        cairo_line_to (cr, r->x + i * tooth, eaves);
    }
  cairo_line_to (cr, r->x + r->width, r->y + r->height);
  cairo_close_path (cr);
  return eaves;
}

static void
paint_factory (WmPaintContext *ctx,
               const WmItem   *item)
{
  const WmRect *b = &item->bounds;
  double eaves;
  WmRect name;

  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_MITER);
  eaves = path_factory (ctx->cr, b);
  fill_stroke (ctx->cr, &wm_color_fill, &wm_color_ink, OUTLINE);
  name = (WmRect) { b->x + 8, eaves + 4, b->width - 16, b->y + b->height - eaves - 8 };
  paint_name (ctx, item->text, &name, NAME_SIZE, PANGO_WEIGHT_SEMIBOLD);
}

static void
paint_production_control (WmPaintContext *ctx,
                          const WmItem   *item)
{
  WmRect name = inset (&item->bounds, 8, 6);

  wm_draw_box (ctx->cr, &item->bounds, 0, &wm_color_paper, &wm_color_ink, OUTLINE);
  paint_name (ctx, item->text, &name, NAME_SIZE, PANGO_WEIGHT_SEMIBOLD);
}

/* A burst of uneven spikes around the ellipse of @r. */
static void
path_burst (cairo_t      *cr,
            const WmRect *r)
{
  static const double reach[] = { 1, 0.9, 0.97, 0.88, 1, 0.93, 0.86, 0.98, 0.9, 1, 0.87, 0.95 };
  guint spikes = G_N_ELEMENTS (reach);
  WmPoint c = wm_rect_center (r);

  for (guint k = 0; k < 2 * spikes; k++)
    {
      double angle = -G_PI / 2 + k * G_PI / spikes;
      double radius = k % 2 == 0 ? reach[k / 2] : 0.8;
      double x = c.x + (r->width / 2 - 1) * radius * cos (angle);
      double y = c.y + (r->height / 2 - 1) * radius * sin (angle);

      if (k == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}

static void
paint_kaizen_burst (WmPaintContext *ctx,
                    const WmItem   *item)
{
  const WmRect *b = &item->bounds;
  WmPoint c = wm_rect_center (b);
  /* The widest rectangle of text that the spikes leave free. */
  double half_width = b->width / 2 * 0.8 * 0.82, half_height = b->height / 2 * 0.8 * 0.58;
  WmRect text = { c.x - half_width, c.y - half_height, 2 * half_width, 2 * half_height };
  WmTextStyle style = text_style (SMALL_SIZE, PANGO_WEIGHT_SEMIBOLD, WM_ALIGN_CENTER,
                                  WM_ALIGN_CENTER, NULL);

  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_MITER);
  path_burst (ctx->cr, b);
  fill_stroke (ctx->cr, &kaizen_fill, &kaizen_ink, 1.5);
  if (ctx->detail && text.width > 4 && text.height > 4)
    wm_draw_text (ctx->cr, ctx->options, item->text, &text, &style);
}

static void
paint_note (WmPaintContext *ctx,
            const WmItem   *item)
{
  wm_draw_sticky_note (ctx->cr, ctx->options, &item->bounds, &note_paper,
                       ctx->detail ? item->text : NULL, TEXT_SIZE);
}

/* Material icons */

static void
paint_inventory (WmPaintContext *ctx,
                 const WmItem   *item)
{
  const WmRect *b = &item->bounds;
  WmPoint triangle[] = { { b->x + b->width / 2, b->y + 1 },
                         { b->x + b->width - 1, b->y + b->height - 1 },
                         { b->x + 1, b->y + b->height - 1 } };
  WmRect letter = { b->x, b->y + b->height * 0.35, b->width, b->height * 0.6 };

  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);
  path_polygon (ctx->cr, triangle, G_N_ELEMENTS (triangle));
  fill_stroke (ctx->cr, &wm_color_paper, &wm_color_ink, 1.5);
  paint_name (ctx, "I", &letter, MIN (18, b->height * 0.36), PANGO_WEIGHT_BOLD);
}

static void
caption_inventory (WmDiagram    *diagram,
                   const WmItem *item,
                   Caption      *caption)
{
  caption_add_pieces (caption, item, WM_VSM_QUANTITY);
  caption_add_days (caption, diagram, item);
}

/* Shelves open towards the process that fills them. */
static void
paint_supermarket (WmPaintContext *ctx,
                   const WmItem   *item)
{
  const WmRect *b = &item->bounds;
  double width = MIN (b->width, b->height * 0.8);
  double left = b->x + (b->width - width) / 2, right = left + width;
  double top = b->y + 1, bottom = b->y + b->height - 1;

  wm_draw_box (ctx->cr, &(WmRect) { left, top, width, bottom - top }, 0, &wm_color_fill, NULL, 0);
  cairo_move_to (ctx->cr, left, top);
  cairo_line_to (ctx->cr, right, top);
  cairo_line_to (ctx->cr, right, bottom);
  cairo_line_to (ctx->cr, left, bottom);
  for (guint i = 1; i < 3; i++)
    line (ctx->cr, right, top + (bottom - top) * i / 3, left, top + (bottom - top) * i / 3);
  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_MITER);
  fill_stroke (ctx->cr, NULL, &wm_color_ink, 1.5);
}

static void
caption_supermarket (WmDiagram    *diagram,
                     const WmItem *item,
                     Caption      *caption)
{
  caption_add_pieces (caption, item, WM_VSM_CAPACITY);
  caption_add_days (caption, diagram, item);
}

static void
paint_fifo_lane (WmPaintContext *ctx,
                 const WmItem   *item)
{
  const WmRect *b = &item->bounds;
  WmTextStyle word = line_style (NAME_SIZE, PANGO_WEIGHT_BOLD, WM_ALIGN_CENTER, NULL);
  WmTextStyle limit = line_style (SMALL_SIZE, PANGO_WEIGHT_NORMAL, WM_ALIGN_CENTER,
                                  &wm_color_muted);
  gboolean has_max = wm_item_has_value (item, WM_VSM_MAX);
  double middle = b->y + b->height / 2;
  char text[48], pieces[40];

  line (ctx->cr, b->x, b->y + 1, b->x + b->width, b->y + 1);
  line (ctx->cr, b->x, b->y + b->height - 1, b->x + b->width, b->y + b->height - 1);
  fill_stroke (ctx->cr, NULL, &wm_color_ink, 1.5);
  if (!ctx->detail)
    return;
  /* Translators: the word inside the value stream map's FIFO lane icon, "first in,
   * first out"; most languages keep "FIFO" */
  wm_draw_text (ctx->cr, ctx->options, _("FIFO"),
                &(WmRect) { b->x, has_max ? middle - 13 : middle - 8, b->width, 16 }, &word);
  if (!has_max)
    return;
  format_figure_as (pieces, sizeof pieces, WM_FIGURE_PIECES,
                    (double) wm_item_get_integer (item, WM_VSM_MAX));
  /* TRANSLATORS: the most a FIFO lane holds, as in "max 400 pcs". */
  g_snprintf (text, sizeof text, _("max %s"), pieces);
  wm_draw_text (ctx->cr, ctx->options, text, &(WmRect) { b->x + 2, middle + 2, b->width - 4, 12 },
                &limit);
}

static void
caption_days_only (WmDiagram    *diagram,
                   const WmItem *item,
                   Caption      *caption)
{
  caption_add_days (caption, diagram, item);
}

/* Icons whose caption is their label alone. */
static void
caption_label_only (WmDiagram    *diagram,
                    const WmItem *item,
                    Caption      *caption)
{
}

/* Three cartons, stacked. */
static void
paint_buffer (WmPaintContext *ctx,
              const WmItem   *item)
{
  const WmRect *b = &item->bounds;
  double width = MIN (b->width - 2, b->height * 0.75);
  double height = (b->height - 2) / 3;

  for (guint i = 0; i < 3; i++)
    {
      WmRect carton = { b->x + (b->width - width) / 2, b->y + 1 + i * height, width, height };

      wm_draw_box (ctx->cr, &carton, 0, &wm_color_paper, &wm_color_ink, OUTLINE);
    }
}

static void
caption_buffer (WmDiagram    *diagram,
                const WmItem *item,
                Caption      *caption)
{
  gboolean safety = g_strcmp0 (wm_item_get_choice (item, WM_VSM_KIND), "safety") == 0;
  char *figure = caption_next (caption);
  char pieces[40];

  if (wm_item_has_value (item, WM_VSM_QUANTITY))
    {
      format_figure_as (pieces, sizeof pieces, WM_FIGURE_PIECES,
                        wm_item_get_number (item, WM_VSM_QUANTITY));
      /* TRANSLATORS: the kind of a stock, then its quantity: "Safety stock 120 pcs". */
      g_snprintf (figure, sizeof caption->figures[0], _("%s %s"),
                  safety ? _("Safety stock") : _("Buffer stock"), pieces);
    }
  else
    g_strlcpy (figure, safety ? _("Safety stock") : _("Buffer stock"), sizeof caption->figures[0]);
  caption_add_days (caption, diagram, item);
}

/* Shipments: the vehicle of the mode */

/* The vehicles return the side where the frequency is written, if any. */
static WmRect
path_truck (cairo_t      *cr,
            const WmRect *r)
{
  double x = r->x, y = r->y, w = r->width, h = r->height;
  double wheel = h * 0.12;
  WmRect trailer = { x + 1, y + h * 0.06, w * 0.66, h * 0.68 };

  cairo_rectangle (cr, trailer.x, trailer.y, trailer.width, trailer.height);
  cairo_move_to (cr, x + w * 0.7, y + h * 0.74);
  cairo_line_to (cr, x + w * 0.7, y + h * 0.28);
  cairo_line_to (cr, x + w * 0.86, y + h * 0.28);
  cairo_line_to (cr, x + w - 1, y + h * 0.5);
  cairo_line_to (cr, x + w - 1, y + h * 0.74);
  cairo_close_path (cr);
  fill_stroke (cr, &wm_color_paper, &wm_color_ink, OUTLINE);
  cairo_rectangle (cr, x + w * 0.76, y + h * 0.36, w * 0.1, h * 0.14);
  fill_stroke (cr, &wm_color_fill, &wm_color_ink, HAIRLINE);
  circle (cr, x + w * 0.15, y + h - wheel - 1, wheel);
  circle (cr, x + w * 0.5, y + h - wheel - 1, wheel);
  circle (cr, x + w * 0.86, y + h - wheel - 1, wheel);
  fill_stroke (cr, &wm_color_ink, &wm_color_ink, OUTLINE);
  return trailer;
}

static WmRect
path_rail (cairo_t      *cr,
           const WmRect *r)
{
  static const double axles[] = { 0.18, 0.32, 0.68, 0.82 };
  double x = r->x, y = r->y, w = r->width, h = r->height;
  double wheel = h * 0.1;
  WmRect wagon = { x + w * 0.06, y + h * 0.12, w * 0.88, h * 0.58 };

  cairo_rectangle (cr, wagon.x, wagon.y, wagon.width, wagon.height);
  fill_stroke (cr, &wm_color_paper, &wm_color_ink, OUTLINE);
  for (guint i = 0; i < G_N_ELEMENTS (axles); i++)
    circle (cr, x + w * axles[i], y + h * 0.7 + wheel, wheel);
  fill_stroke (cr, &wm_color_ink, &wm_color_ink, OUTLINE);
  line (cr, x, y + h - 1, x + w, y + h - 1);
  line (cr, x, y + h * 0.45, x + w * 0.06, y + h * 0.45);
  line (cr, x + w * 0.94, y + h * 0.45, x + w, y + h * 0.45);
  fill_stroke (cr, NULL, &wm_color_ink, 1.5);
  return wagon;
}

static void
path_air (cairo_t      *cr,
          const WmRect *r)
{
  double x = r->x, y = r->y, w = r->width, h = r->height;
  WmPoint upper_wing[] = { { x + w * 0.58, y + h * 0.44 }, { x + w * 0.4, y + 1 },
                           { x + w * 0.3, y + 1 }, { x + w * 0.4, y + h * 0.44 } };
  WmPoint lower_wing[] = { { x + w * 0.58, y + h * 0.56 }, { x + w * 0.4, y + h - 1 },
                           { x + w * 0.3, y + h - 1 }, { x + w * 0.4, y + h * 0.56 } };
  WmPoint tail[] = { { x + w * 0.16, y + h * 0.44 }, { x + w * 0.06, y + h * 0.14 },
                     { x + 1, y + h * 0.14 }, { x + w * 0.06, y + h * 0.5 } };

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  path_polygon (cr, upper_wing, G_N_ELEMENTS (upper_wing));
  path_polygon (cr, lower_wing, G_N_ELEMENTS (lower_wing));
  path_polygon (cr, tail, G_N_ELEMENTS (tail));
  fill_stroke (cr, &wm_color_fill, &wm_color_ink, OUTLINE);
  wm_path_rounded_rect (cr, &(WmRect) { x + w * 0.04, y + h * 0.4, w * 0.95, h * 0.2 }, h * 0.1);
  fill_stroke (cr, &wm_color_paper, &wm_color_ink, OUTLINE);
}

static void
path_ship (cairo_t      *cr,
           const WmRect *r)
{
  double x = r->x, y = r->y, w = r->width, h = r->height;
  WmPoint hull[] = { { x + 1, y + h * 0.56 }, { x + w - 1, y + h * 0.56 },
                     { x + w * 0.86, y + h * 0.86 }, { x + w * 0.1, y + h * 0.86 } };

  cairo_rectangle (cr, x + w * 0.56, y + h * 0.1, w * 0.1, h * 0.2);
  cairo_rectangle (cr, x + w * 0.44, y + h * 0.3, w * 0.34, h * 0.26);
  fill_stroke (cr, &wm_color_fill, &wm_color_ink, OUTLINE);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  path_polygon (cr, hull, G_N_ELEMENTS (hull));
  fill_stroke (cr, &wm_color_paper, &wm_color_ink, OUTLINE);
  cairo_move_to (cr, x, y + h - 2);
  for (guint i = 0; i < 6; i++)
    cairo_rel_curve_to (cr, w / 24, -3, w / 12, -3, w / 6, 0);
  fill_stroke (cr, NULL, &wm_color_muted, HAIRLINE);
}

static gboolean
shipment_has_side (const WmItem *item)
{
  const char *mode = wm_item_get_choice (item, WM_VSM_MODE);

  return g_strcmp0 (mode, "air") != 0 && g_strcmp0 (mode, "ship") != 0;
}

static const char *
shipment_frequency (const WmItem *item)
{
  const char *frequency = wm_item_has_prop (item, WM_VSM_FREQUENCY)
                            ? wm_item_get_string (item, WM_VSM_FREQUENCY) : NULL;

  return frequency != NULL && frequency[0] != '\0' ? frequency : NULL;
}

/* A truck or a wagon carries its frequency on its side, as on the wall maps;
 * a plane or a ship has it written underneath. */
static void
paint_shipment (WmPaintContext *ctx,
                const WmItem   *item)
{
  const char *mode = wm_item_get_choice (item, WM_VSM_MODE);
  WmTextStyle style = text_style (SMALL_SIZE - 0.5, PANGO_WEIGHT_SEMIBOLD, WM_ALIGN_CENTER,
                                  WM_ALIGN_CENTER, NULL);
  WmRect side;

  if (g_strcmp0 (mode, "air") == 0)
    path_air (ctx->cr, &item->bounds);
  else if (g_strcmp0 (mode, "ship") == 0)
    path_ship (ctx->cr, &item->bounds);
  else
    {
      side = g_strcmp0 (mode, "rail") == 0 ? path_rail (ctx->cr, &item->bounds)
                                           : path_truck (ctx->cr, &item->bounds);
      side = inset (&side, 3, 2);
      if (ctx->detail && shipment_frequency (item) != NULL && side.width > 8 && side.height > 6)
        wm_draw_text (ctx->cr, ctx->options, shipment_frequency (item), &side, &style);
    }
}

static void
caption_shipment (WmDiagram    *diagram,
                  const WmItem *item,
                  Caption      *caption)
{
  if (!shipment_has_side (item) && shipment_frequency (item) != NULL)
    g_strlcpy (caption_next (caption), shipment_frequency (item), sizeof caption->figures[0]);
}

/* Information icons */

static void
paint_operator (WmPaintContext *ctx,
                const WmItem   *item)
{
  const WmRect *b = &item->bounds;
  double size = MIN (b->height, b->width * 1.2) - 1;

  draw_person (ctx->cr, b->x + b->width / 2, b->y + (b->height - size) / 2, size);
}

/* Go-see scheduling: a pair of glasses. */
static void
paint_go_see (WmPaintContext *ctx,
              const WmItem   *item)
{
  const WmRect *b = &item->bounds;
  double radius = MIN (b->width / 5, b->height * 0.34);
  double cx = b->x + b->width / 2, cy = b->y + b->height - radius - 1.5;
  double apart = radius + MAX (3, radius * 0.35);

  circle (ctx->cr, cx - apart, cy, radius);
  circle (ctx->cr, cx + apart, cy, radius);
  fill_stroke (ctx->cr, &wm_color_fill, &wm_color_ink, 1.5);
  cairo_move_to (ctx->cr, cx - apart + radius, cy - radius * 0.2);
  cairo_curve_to (ctx->cr, cx - 2, cy - radius * 0.6, cx + 2, cy - radius * 0.6,
                  cx + apart - radius, cy - radius * 0.2);
  line (ctx->cr, cx - apart - radius, cy - radius * 0.2, cx - apart - radius * 1.4, b->y + 1.5);
  line (ctx->cr, cx + apart + radius, cy - radius * 0.2, cx + apart + radius * 1.4, b->y + 1.5);
  cairo_set_line_cap (ctx->cr, CAIRO_LINE_CAP_ROUND);
  fill_stroke (ctx->cr, NULL, &wm_color_ink, 1.5);
}

/* A tray of cards on a post. */
static void
paint_kanban_post (WmPaintContext *ctx,
                   const WmItem   *item)
{
  const WmRect *b = &item->bounds;
  double cx = b->x + b->width / 2, tray = b->y + b->height * 0.42;
  double half = MIN (b->width / 2 - 1, b->height * 0.35);

  wm_draw_box (ctx->cr, &(WmRect) { cx - half * 0.55, b->y + 1, half * 1.1, tray - b->y - 3 }, 0,
               &wm_color_paper, &wm_color_ink, HAIRLINE);
  cairo_move_to (ctx->cr, cx - half, b->y + b->height * 0.16);
  cairo_line_to (ctx->cr, cx - half, tray);
  cairo_line_to (ctx->cr, cx + half, tray);
  cairo_line_to (ctx->cr, cx + half, b->y + b->height * 0.16);
  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_MITER);
  fill_stroke (ctx->cr, NULL, &wm_color_ink, 1.5);
  line (ctx->cr, cx, tray, cx, b->y + b->height - 1);
  line (ctx->cr, cx - half * 0.6, b->y + b->height - 1, cx + half * 0.6, b->y + b->height - 1);
  fill_stroke (ctx->cr, NULL, &wm_color_ink, 2);
}

static void
paint_load_leveling (WmPaintContext *ctx,
                     const WmItem   *item)
{
  WmTextStyle style = line_style (MIN (16, item->bounds.height * 0.45), PANGO_WEIGHT_BOLD,
                                  WM_ALIGN_CENTER, NULL);

  wm_draw_box (ctx->cr, &item->bounds, 0, &wm_color_paper, &wm_color_ink, OUTLINE);
  if (ctx->detail)
    wm_draw_text (ctx->cr, ctx->options, "O X O X", &item->bounds, &style);
}

/* A kanban card: its top-right corner cut off. */
static void
path_card (cairo_t      *cr,
           const WmRect *r,
           double        cut)
{
  WmPoint card[] = { { r->x, r->y }, { r->x + r->width - cut, r->y },
                     { r->x + r->width, r->y + cut }, { r->x + r->width, r->y + r->height },
                     { r->x, r->y + r->height } };

  path_polygon (cr, card, G_N_ELEMENTS (card));
}

static void
paint_kanban_card (WmPaintContext *ctx,
                   const WmItem   *item)
{
  WmRect card = inset (&item->bounds, 1, 1);
  double cut = MIN (card.width, card.height) * 0.32;

  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_MITER);
  path_card (ctx->cr, &card, cut);
  fill_stroke (ctx->cr, &wm_color_paper, &wm_color_ink, OUTLINE);
  /* A withdrawal card is struck through, corner to corner. */
  if (g_str_equal (item->type->id, "withdrawal-kanban"))
    {
      line (ctx->cr, card.x, card.y + card.height, card.x + card.width - cut / 2, card.y + cut / 2);
      fill_stroke (ctx->cr, NULL, &wm_color_ink, OUTLINE);
    }
}

static void
paint_signal_kanban (WmPaintContext *ctx,
                     const WmItem   *item)
{
  const WmRect *b = &item->bounds;
  WmPoint triangle[] = { { b->x + 1, b->y + 1 }, { b->x + b->width - 1, b->y + 1 },
                         { b->x + b->width / 2, b->y + b->height - 1 } };

  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);
  path_polygon (ctx->cr, triangle, G_N_ELEMENTS (triangle));
  fill_stroke (ctx->cr, &wm_color_paper, &wm_color_ink, 1.5);
}

static void
caption_kanban (WmDiagram    *diagram,
                       const WmItem *item,
                       Caption      *caption)
{
  caption_add_pieces (caption, item, WM_VSM_QUANTITY);
}

/* The node table */

typedef struct
{
  const char *type;
  void      (*paint)   (WmPaintContext *ctx,
                        const WmItem   *item);
  /* The figures under the icon; NULL when the icon has no caption. The label
   * under it is the item's text. */
  void      (*caption) (WmDiagram      *diagram,
                        const WmItem   *item,
                        Caption        *caption);
} NodeKind;

static const NodeKind node_kinds[] = {
  { "process", paint_process, NULL },
  { "inventory", paint_inventory, caption_inventory },
  { "customer", paint_factory, NULL },
  { "supplier", paint_factory, NULL },
  { "supermarket", paint_supermarket, caption_supermarket },
  { "fifo-lane", paint_fifo_lane, caption_days_only },
  { "buffer", paint_buffer, caption_buffer },
  { "shipment", paint_shipment, caption_shipment },
  { "production-control", paint_production_control, NULL },
  { "kaizen-burst", paint_kaizen_burst, NULL },
  { "operator", paint_operator, caption_label_only },
  { "go-see", paint_go_see, caption_label_only },
  { "kanban-post", paint_kanban_post, caption_label_only },
  { "load-leveling", paint_load_leveling, caption_label_only },
  { "production-kanban", paint_kanban_card, caption_kanban },
  { "withdrawal-kanban", paint_kanban_card, caption_kanban },
  { "signal-kanban", paint_signal_kanban, caption_kanban },
  { "note", paint_note, NULL },
};

static const NodeKind *
node_kind (const WmItem *item)
{
  for (guint i = 0; i < G_N_ELEMENTS (node_kinds); i++)
    if (g_str_equal (node_kinds[i].type, item->type->id))
      return &node_kinds[i];
  return NULL;
}

static void
caption_build (WmDiagram      *diagram,
               const WmItem   *item,
               const NodeKind *kind,
               Caption        *caption)
{
  caption->n_figures = 0;
  caption->label = item->text;
  kind->caption (diagram, item, caption);
}

static void
paint_node (WmPaintContext *ctx,
            const WmItem   *item)
{
  const NodeKind *kind = node_kind (item);
  Caption caption;

  if (kind == NULL)
    {
      wm_draw_box (ctx->cr, &item->bounds, 0, &wm_color_fill, &wm_color_ink, OUTLINE);
      return;
    }
  kind->paint (ctx, item);
  if (kind->caption != NULL && ctx->detail)
    {
      caption_build (ctx->diagram, item, kind, &caption);
      caption_paint (ctx, &caption, &item->bounds);
    }
}

static void
node_extent (WmDiagram    *diagram,
             const WmItem *item,
             WmRect       *extent)
{
  const NodeKind *kind = node_kind (item);
  Caption caption;

  /* Outlines straddle the bounds; a note's shadow falls 2.5 units off them. */
  *extent = inset (&item->bounds, -EXTENT_MARGIN, -EXTENT_MARGIN);
  if (kind == NULL)
    return;
  if (kind->paint == paint_process)
    {
      ProcessLayout layout;
      WmRect data;

      process_geometry (item, &layout);
      data = inset (&layout.data, -1, -1);
      wm_rect_union (extent, &data, extent);
    }
  if (kind->caption != NULL)
    {
      CaptionLayout layout;

      caption_build (diagram, item, kind, &caption);
      if (caption_layout (NULL, &caption, &item->bounds, &layout))
        {
          /* The lines are centred: only the widest one's span takes ink. */
          double width = MIN (layout.ink_width + 2, layout.figures.width);
          WmRect ink = { layout.figures.x + (layout.figures.width - width) / 2, layout.figures.y,
                         width, layout.figures.height + layout.label.height + 1 };

          wm_rect_union (extent, &ink, extent);
        }
    }
}

/* What node_extent() finds, without measuring the caption: it lies under
 * the node, as wide as the node or CAPTION_MIN_WIDTH, and no taller than its
 * budget (or three figures, should they need more). TRUE when exact. */
static gboolean
node_bound (const WmItem *item,
            WmRect       *bound)
{
  const NodeKind *kind = node_kind (item);
  WmTextStyle figure = figure_style ();
  double width = MAX (item->bounds.width, CAPTION_MIN_WIDTH);
  WmRect caption;

  *bound = inset (&item->bounds, -EXTENT_MARGIN, -EXTENT_MARGIN);
  if (kind == NULL)
    return TRUE;
  if (kind->paint == paint_process)
    {
      ProcessLayout layout;
      WmRect data;

      process_geometry (item, &layout);
      data = inset (&layout.data, -1, -1);
      wm_rect_union (bound, &data, bound);
    }
  if (kind->caption == NULL)
    return TRUE;
  caption = (WmRect) { item->bounds.x + (item->bounds.width - width) / 2,
                       item->bounds.y + item->bounds.height + CAPTION_GAP, width,
                       MAX (CAPTION_BUDGET, MAX_FIGURES * line_height (NULL, &figure)) + 1 };
  wm_rect_union (bound, &caption, bound);
  return FALSE;
}

/* Link routes */

/* Where links end on a node: the process box of a tall process, the middle
 * of a triangle (so that arrows from the side touch its slopes), else the
 * bounds. */
static WmRect
anchor_rect (const WmItem *node)
{
  const char *type = node->type->id;
  WmRect rect = node->bounds;

  if (g_str_equal (type, "process") && process_is_split (node))
    rect.height *= SPLIT_RATIO;
  else if (g_str_equal (type, "inventory") || g_str_equal (type, "signal-kanban"))
    {
      rect.x += rect.width / 4;
      rect.width /= 2;
    }
  return rect;
}

/* Defined with the cache, at the end: extents are measured once per change. */
static void cached_extent (WmDiagram    *diagram,
                           const WmItem *item,
                           WmRect       *extent);

/* Whether @node writes something under its bounds (a caption, a data box),
 * and if so where that ends (@bottom). */
static gboolean
written_below (WmDiagram    *diagram,
               const WmItem *node,
               double       *bottom)
{
  WmRect extent;

  cached_extent (diagram, node, &extent);
  *bottom = extent.y + extent.height;
  /* The extent reaches EXTENT_MARGIN below the bounds when nothing is written there. */
  return *bottom > node->bounds.y + node->bounds.height + EXTENT_MARGIN + 0.5;
}

/* Links end on the ellipse of a kaizen burst or an operator. */
static gboolean
is_round (const WmItem *node)
{
  return g_str_equal (node->type->id, "kaizen-burst") || g_str_equal (node->type->id, "operator");
}

/* Where a link leaves @node towards @toward. A link that leaves through the
 * bottom starts under whatever the node writes there (a caption, a data
 * box) rather than across it. */
static WmPoint
clip_end (WmDiagram    *diagram,
          const WmItem *node,
          WmPoint       toward)
{
  WmRect anchor = anchor_rect (node);
  WmPoint end = wm_clip_to_rect (&anchor, toward);
  double bottom = anchor.y + anchor.height, below;

  if (end.y >= bottom - 0.01 && written_below (diagram, node, &below))
    {
      anchor.height = below - anchor.y;
      return wm_clip_to_rect (&anchor, toward);
    }
  if (is_round (node))
    return wm_clip_to_ellipse (&anchor, toward);
  return end;
}

/* The shape an orthogonal link ends on, as if nothing were written below
 * it: all that spreading the links along a side looks at, and that a bound
 * of the route needs (see route_bound()), without measuring any text. */
static void
route_end_shape (WmDiagram    *diagram,
                 const WmItem *node,
                 WmRouteEnd   *end)
{
  end->rect = anchor_rect (node);
  end->ellipse = is_round (node);
  end->slot = 0.5;
  end->bottom = end->rect.y + end->rect.height;
}

/* The shape an orthogonal link ends on, as clip_end() sees it. */
static void
route_end (WmDiagram    *diagram,
           const WmItem *node,
           WmRouteEnd   *end)
{
  route_end_shape (diagram, node, end);
  if (!written_below (diagram, node, &end->bottom))
    end->bottom = end->rect.y + end->rect.height;
}

typedef struct
{
  WmPoint       stack[MAX_ROUTE_POINTS];
  WmPoint      *points;
  guint         n;
  const WmItem *ends[2];  /* the source and the target */
} Route;

static void
route_clear (Route *route)
{
  if (route->points != route->stack)
    g_clear_pointer (&route->points, g_free);
  route->n = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Route, route_clear)

/* An orthogonal route between the ends (set in @route) through the
 * waypoints, ending under what the ends write below them, or with @end_of
 * route_end_shape(), on their shapes. */
static gboolean
route_init_orthogonal (Route          *route,
                       WmDiagram      *diagram,
                       const WmItem   *link,
                       WmRouteEndFunc  end_of)
{
  WmRouteEnd ends[2];
  g_autofree WmPoint *points = NULL;
  guint n;

  end_of (diagram, route->ends[0], &ends[0]);
  end_of (diagram, route->ends[1], &ends[1]);
  /* Spreading reads the other ends' shapes only: what they write below
   * them needs no measuring here. */
  _wm_route_spread (diagram, link, route_end_shape, &ends[0], &ends[1]);
  points = _wm_route_orthogonal (&ends[0], &ends[1], link->points, link->n_points, &n);
  if (n > MAX_ROUTE_POINTS)
    route->points = g_steal_pointer (&points);
  else
    memcpy (route->stack, points, n * sizeof (WmPoint));
  route->n = n;
  return TRUE;
}

/* The route from the edge of the source to the edge of the target through
 * the waypoints; short routes live on the stack, so painting ten thousand
 * links allocates nothing. FALSE when an end is missing. */
static gboolean
route_init (Route        *route,
            WmDiagram    *diagram,
            const WmItem *link)
{
  WmItem *source = wm_diagram_lookup (diagram, link->source);
  WmItem *target = wm_diagram_lookup (diagram, link->target);
  guint n = link->n_points + 2;
  WmRect source_anchor, target_anchor;

  route->points = route->stack;
  route->n = 0;
  if (source == NULL || target == NULL)
    return FALSE;
  route->ends[0] = source;
  route->ends[1] = target;
  if (_wm_link_is_orthogonal (link))
    return route_init_orthogonal (route, diagram, link, route_end);
  if (n > MAX_ROUTE_POINTS)
    route->points = g_new (WmPoint, n);
  source_anchor = anchor_rect (source);
  target_anchor = anchor_rect (target);
  for (guint i = 0; i < link->n_points; i++)
    route->points[i + 1] = link->points[i];
  route->points[0] = clip_end (diagram, source,
                               link->n_points ? link->points[0] : wm_rect_center (&target_anchor));
  route->points[n - 1] = clip_end (diagram, target,
                                   link->n_points ? link->points[link->n_points - 1]
                                                  : wm_rect_center (&source_anchor));
  route->n = n;
  return TRUE;
}

static WmPoint
unit (WmPoint from,
      WmPoint to)
{
  double length = hypot (to.x - from.x, to.y - from.y);

  if (length <= 0)
    return (WmPoint) { 1, 0 };
  return (WmPoint) { (to.x - from.x) / length, (to.y - from.y) / length };
}

/* The middle of the route by length, and the direction of travel there. */
static WmPoint
route_middle (const Route *route,
              WmPoint     *direction,
              guint       *segment)
{
  return wm_polyline_middle (route->points, route->n, direction, segment);
}

/* Link labels: beside the middle of the line, never on it */

typedef struct
{
  const char *text;
  const char *frequency;
  WmRect      rect;
  double      text_height;
} LinkLabel;

static WmTextStyle
link_text_style (void)
{
  WmTextStyle style = text_style (SMALL_SIZE, PANGO_WEIGHT_NORMAL, WM_ALIGN_CENTER, WM_ALIGN_START,
                                  NULL);

  style.ellipsize = FALSE;
  return style;
}

static WmTextStyle
frequency_style (void)
{
  WmTextStyle style = text_style (SMALL_SIZE - 0.5, PANGO_WEIGHT_NORMAL, WM_ALIGN_CENTER,
                                  WM_ALIGN_START, &wm_color_muted);

  style.italic = TRUE;
  style.ellipsize = FALSE;
  return style;
}

static double
link_clearance (const WmItem *link)
{
  const char *type = link->type->id;

  if (g_str_equal (type, "push"))
    return PUSH_BAND / 2 + 5;
  if (g_str_equal (type, "shipment-flow"))
    return SHIP_BAND / 2 + 5;
  if (g_str_equal (type, "pull"))
    return PULL_RADIUS + 5;
  if (g_str_equal (type, "electronic-info"))
    return ZIGZAG + 5;
  return 5;
}

/* The length and the half width of the link's arrowhead. */
static void
link_head (const WmItem *link,
           double       *length,
           double       *half)
{
  const char *type = link->type->id;

  if (g_str_equal (type, "push"))
    *length = PUSH_HEAD_LENGTH, *half = PUSH_HEAD_HALF;
  else if (g_str_equal (type, "shipment-flow"))
    *length = SHIP_HEAD_LENGTH, *half = SHIP_HEAD_HALF;
  else
    *length = 10, *half = 5;
}

/* What the label keeps clear of: its ends' ink (an icon's caption, most
 * often) and its arrowhead. */
static void
label_obstacles (WmDiagram    *diagram,
                 const WmItem *link,
                 const Route  *route,
                 WmRect        obstacles[3])
{
  WmPoint tip = route->points[route->n - 1];
  WmPoint u = unit (route->points[route->n - 2], tip);
  double length, half;

  for (guint i = 0; i < G_N_ELEMENTS (route->ends); i++)
    cached_extent (diagram, route->ends[i], &obstacles[i]);
  link_head (link, &length, &half);
  _wm_points_extent ((WmPoint[]) { tip,
                                   { tip.x - u.x * length - u.y * half,
                                     tip.y - u.y * length + u.x * half },
                                   { tip.x - u.x * length + u.y * half,
                                     tip.y - u.y * length - u.x * half } },
                     3, 1, &obstacles[2]);
}

/* Measures the text and the frequency of @link; FALSE when it has neither. */
static gboolean
link_label_measure (const WmRenderOptions *options,
                    const WmItem          *link,
                    LinkLabel             *label)
{
  WmTextStyle text = link_text_style (), frequency = frequency_style ();
  double text_width = 0, frequency_width = 0, frequency_height = 0;

  label->text = link->text[0] != '\0' ? link->text : NULL;
  label->frequency = wm_item_has_prop (link, WM_VSM_FREQUENCY) &&
                     wm_item_has_value (link, WM_VSM_FREQUENCY)
                       ? wm_item_get_string (link, WM_VSM_FREQUENCY) : NULL;
  if (label->frequency != NULL && label->frequency[0] == '\0')
    label->frequency = NULL;
  label->text_height = 0;
  if (label->text == NULL && label->frequency == NULL)
    return FALSE;
  if (label->text != NULL)
    wm_measure_text (options, label->text, LABEL_MAX_WIDTH, &text, &text_width,
                     &label->text_height);
  if (label->frequency != NULL)
    wm_measure_text (options, label->frequency, LABEL_MAX_WIDTH, &frequency, &frequency_width,
                     &frequency_height);
  label->rect = (WmRect) { 0, 0, MAX (text_width, frequency_width) + 1,
                           label->text_height + frequency_height };
  return TRUE;
}

/* Places the label block beside the middle of the route: above a line that
 * runs across, right of one that runs down, pushed out along the normal by
 * as much as the block reaches towards the line, and further, to the side
 * that needs less, until it is clear of the ends and the arrowhead.
 * FALSE without a label. */
static gboolean
link_label_layout (const WmRenderOptions *options,
                   WmDiagram             *diagram,
                   const WmItem          *link,
                   const Route           *route,
                   LinkLabel             *label)
{
  WmPoint direction, middle;
  WmRect obstacles[3], within;
  guint segment;

  if (!link_label_measure (options, link, label))
    return FALSE;
  middle = route_middle (route, &direction, &segment);
  label_obstacles (diagram, link, route, obstacles);
  /* The model's geometry of the link: its ends' bounds and its waypoints. */
  within = route->ends[0]->bounds;
  wm_rect_union (&within, &route->ends[1]->bounds, &within);
  if (link->n_points > 0)
    {
      WmRect bends;

      _wm_points_extent (link->points, link->n_points, 0, &bends);
      wm_rect_union (&within, &bends, &within);
    }
  within = inset (&within, -LABEL_REACH, -LABEL_REACH);
  /* The air holds the label's pad (3 units) and a little more. */
  label->rect = wm_place_label_beside (middle, direction, label->rect.width, label->rect.height,
                                       link_clearance (link), obstacles, G_N_ELEMENTS (obstacles),
                                       LABEL_AIR, &within);
  return TRUE;
}

static void
paint_link_label (WmPaintContext  *ctx,
                  const LinkLabel *label)
{
  WmTextStyle text = link_text_style (), frequency = frequency_style ();
  WmRect part = inset (&label->rect, -3, -1);

  wm_draw_box (ctx->cr, &part, 3, &label_pad, NULL, 0);
  /* Drawn centred in the width it was measured in, the text reuses the
   * layout the measure shaped. */
  part = (WmRect) { label->rect.x + (label->rect.width - LABEL_MAX_WIDTH) / 2, label->rect.y,
                    LABEL_MAX_WIDTH, label->text_height };
  if (label->text != NULL)
    wm_draw_text (ctx->cr, ctx->options, label->text, &part, &text);
  part.y += label->text_height;
  part.height = label->rect.height - label->text_height;
  if (label->frequency != NULL)
    wm_draw_text (ctx->cr, ctx->options, label->frequency, &part, &frequency);
}

/* Link bodies */

/* Moves the route's last point back by @length along its last segment, where
 * an arrowhead begins; returns the tip it took the place of. */
static WmPoint
route_shorten_end (Route  *route,
                   double  length)
{
  WmPoint tip = route->points[route->n - 1];
  WmPoint before = route->points[route->n - 2];
  WmPoint u = unit (before, tip);
  double room = hypot (tip.x - before.x, tip.y - before.y);

  length = MIN (length, room);
  route->points[route->n - 1] = (WmPoint) { tip.x - u.x * length, tip.y - u.y * length };
  return tip;
}

static void
path_route (cairo_t     *cr,
            const Route *route)
{
  cairo_move_to (cr, route->points[0].x, route->points[0].y);
  for (guint i = 1; i < route->n; i++)
    cairo_line_to (cr, route->points[i].x, route->points[i].y);
}

static void
stroke_route (cairo_t       *cr,
              const Route   *route,
              double         width,
              const WmColor *color)
{
  path_route (cr, route);
  wm_set_color (cr, color);
  cairo_set_line_width (cr, width);
  wm_stroke (cr);
}

static void
path_head (cairo_t *cr,
           WmPoint  tip,
           WmPoint  base,
           double   half)
{
  WmPoint u = unit (base, tip);

  cairo_move_to (cr, tip.x, tip.y);
  cairo_line_to (cr, base.x - u.y * half, base.y + u.x * half);
  cairo_line_to (cr, base.x + u.y * half, base.y - u.x * half);
  cairo_close_path (cr);
}

/* Push: a band of black and white stripes with a solid head. */
static void
paint_push (WmPaintContext *ctx,
            Route          *route)
{
  static const double stripes[] = { 4, 4 };
  WmPoint tip = route_shorten_end (route, PUSH_HEAD_LENGTH - 1);
  cairo_t *cr = ctx->cr;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  stroke_route (cr, route, PUSH_BAND, &wm_color_ink);
  if (ctx->detail)
    {
      stroke_route (cr, route, PUSH_BAND - 2.5, &wm_color_paper);
      cairo_set_dash (cr, stripes, G_N_ELEMENTS (stripes), 0);
      stroke_route (cr, route, PUSH_BAND - 2.5, &wm_color_ink);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  path_head (cr, tip, route->points[route->n - 1], PUSH_HEAD_HALF);
  fill_stroke (cr, &wm_color_ink, NULL, 0);
}

/* Shipment: a broad outlined arrow. The outline is the band stroked wide in
 * ink and again narrower in paper; the paper runs on into the head to open
 * the head's base where the band joins it. */
static void
paint_shipment_flow (WmPaintContext *ctx,
                     Route          *route)
{
  cairo_t *cr = ctx->cr;
  WmPoint tip = route_shorten_end (route, SHIP_HEAD_LENGTH);
  WmPoint base = route->points[route->n - 1];
  WmPoint start = route->points[0];
  WmPoint u = unit (start, route->points[1]);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  stroke_route (cr, route, SHIP_BAND, &wm_color_ink);
  path_head (cr, tip, base, SHIP_HEAD_HALF);
  fill_stroke (cr, &wm_color_fill, &wm_color_ink, OUTLINE);
  /* The paper starts a line's width in, which closes the tail. */
  route->points[0] = (WmPoint) { start.x + u.x * OUTLINE, start.y + u.y * OUTLINE };
  route_shorten_end (route, -3);
  stroke_route (cr, route, SHIP_BAND - 2 * OUTLINE, &wm_color_fill);
}

/* A circular arrow: the lean sign of a pull from a supermarket. */
static void
paint_pull_sign (cairo_t *cr,
                 WmPoint  c)
{
  double start = -G_PI * 0.1, end = start + G_PI * 1.55;
  double r = PULL_RADIUS - 3.5;
  WmPoint tip = { c.x + r * cos (end), c.y + r * sin (end) };
  WmPoint back = { tip.x + sin (end) * 4, tip.y - cos (end) * 4 };

  circle (cr, c.x, c.y, PULL_RADIUS);
  fill_stroke (cr, &wm_color_paper, &wm_color_ink, HAIRLINE);
  cairo_new_sub_path (cr);
  cairo_arc (cr, c.x, c.y, r, start, end - 0.35);
  fill_stroke (cr, NULL, &wm_color_ink, 1.5);
  wm_draw_arrowhead (cr, tip, back, WM_ARROW_FILLED, 5, 1, &wm_color_ink);
}

static void
paint_pull (WmPaintContext *ctx,
            Route          *route)
{
  WmPoint direction;
  guint segment;
  WmPoint middle = route_middle (route, &direction, &segment);
  WmPoint tip = route_shorten_end (route, 8);

  stroke_route (ctx->cr, route, 1.5, &wm_color_ink);
  wm_draw_arrowhead (ctx->cr, tip, route->points[route->n - 1], WM_ARROW_FILLED, 10, 1,
                     &wm_color_ink);
  paint_pull_sign (ctx->cr, middle);
}

/* Information: a thin line, with a lightning zig-zag at its middle when it
 * is electronic. */
static void
paint_info (WmPaintContext *ctx,
            Route          *route,
            gboolean        electronic)
{
  cairo_t *cr = ctx->cr;
  WmPoint direction, normal;
  guint segment;
  WmPoint m = route_middle (route, &direction, &segment);
  const WmPoint *from = &route->points[segment - 1], *to = &route->points[segment];
  /* On a segment too short for it, the zig-zag would hide the line. */
  gboolean zigzag = electronic && hypot (to->x - from->x, to->y - from->y) > 30;
  WmPoint tip = route_shorten_end (route, 6);

  normal = (WmPoint) { -direction.y, direction.x };
  cairo_move_to (cr, route->points[0].x, route->points[0].y);
  for (guint i = 1; i < route->n; i++)
    {
      if (zigzag && i == segment)
        {
          cairo_line_to (cr, m.x - direction.x * 6, m.y - direction.y * 6);
          cairo_line_to (cr, m.x + direction.x * 2 + normal.x * ZIGZAG,
                         m.y + direction.y * 2 + normal.y * ZIGZAG);
          cairo_line_to (cr, m.x - direction.x * 2 - normal.x * ZIGZAG,
                         m.y - direction.y * 2 - normal.y * ZIGZAG);
          cairo_line_to (cr, m.x + direction.x * 6, m.y + direction.y * 6);
        }
      cairo_line_to (cr, route->points[i].x, route->points[i].y);
    }
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  fill_stroke (cr, NULL, &wm_color_ink, INFO_WIDTH);
  wm_draw_arrowhead (cr, tip, route->points[route->n - 1], WM_ARROW_FILLED, 9, 1, &wm_color_ink);
}

/* How far the link's ink reaches sideways from its route. */
static double
link_margin (const WmItem *link)
{
  const char *type = link->type->id;

  if (g_str_equal (type, "push"))
    return PUSH_HEAD_HALF + 1;
  if (g_str_equal (type, "shipment-flow"))
    return SHIP_HEAD_HALF + 1.5;
  if (g_str_equal (type, "pull"))
    return PULL_RADIUS + 1;
  if (g_str_equal (type, "electronic-info"))
    return ZIGZAG + 2;
  /* The manual arrow's head: 9 long, 3.5 to each side. */
  return 5;
}

static void
paint_link (WmPaintContext *ctx,
            const WmItem   *item)
{
  g_auto(Route) route = { 0, };
  const char *type = item->type->id;
  LinkLabel label;
  gboolean labelled;

  if (!route_init (&route, ctx->diagram, item))
    return;
  /* The label is placed on the whole route, as item_extent() places it,
   * before the bodies shorten the route for their heads. */
  labelled = ctx->detail && link_label_layout (ctx->options, ctx->diagram, item, &route, &label);
  cairo_save (ctx->cr);
  if (g_str_equal (type, "push"))
    paint_push (ctx, &route);
  else if (g_str_equal (type, "shipment-flow"))
    paint_shipment_flow (ctx, &route);
  else if (g_str_equal (type, "pull"))
    paint_pull (ctx, &route);
  else
    paint_info (ctx, &route, g_str_equal (type, "electronic-info"));
  cairo_restore (ctx->cr);
  if (labelled)
    paint_link_label (ctx, &label);
}

static void
link_extent (WmDiagram    *diagram,
             const WmItem *item,
             WmRect       *extent)
{
  g_auto(Route) route = { 0, };
  LinkLabel label;
  WmRect pad;

  if (!route_init (&route, diagram, item))
    {
      *extent = (WmRect) { 0, 0, 0, 0 };
      return;
    }
  _wm_points_extent (route.points, route.n, link_margin (item), extent);
  if (link_label_layout (NULL, diagram, item, &route, &label))
    {
      pad = inset (&label.rect, -4, -2);
      wm_rect_union (extent, &pad, extent);
    }
}

/* How tall a label of @text can be: at most a line per character, as it
 * wraps at LABEL_MAX_WIDTH even inside words (and is cut where wm-text.c
 * cuts every text). */
static double
label_height_bound (const char        *text,
                    const WmTextStyle *style)
{
  if (text == NULL || text[0] == '\0')
    return 0;
  return (MIN (g_utf8_strlen (text, -1), 4096) + 1) * line_height (NULL, style);
}

/* A box that holds @link's route, found without measuring any text: an
 * end clipped to a node, under what it writes below or on its ellipse,
 * lies in that node's bound, and the rest of an orthogonal route is the
 * route as if the ends wrote nothing (an end that starts under a caption
 * slides along its first segment, within that). FALSE when an end is
 * missing. */
static gboolean
route_bound (WmDiagram    *diagram,
             const WmItem *link,
             WmRect       *box)
{
  g_auto(Route) route = { 0, };
  const WmPoint *points = link->points;
  guint n = link->n_points;
  WmRect end;

  route.points = route.stack;
  route.ends[0] = wm_diagram_lookup (diagram, link->source);
  route.ends[1] = wm_diagram_lookup (diagram, link->target);
  if (route.ends[0] == NULL || route.ends[1] == NULL)
    return FALSE;
  if (_wm_link_is_orthogonal (link))
    {
      route_init_orthogonal (&route, diagram, link, route_end_shape);
      points = route.points;
      n = route.n;
    }
  node_bound (route.ends[0], box);
  node_bound (route.ends[1], &end);
  wm_rect_union (box, &end, box);
  for (guint i = 0; i < n; i++)
    {
      double x2 = MAX (box->x + box->width, points[i].x);
      double y2 = MAX (box->y + box->height, points[i].y);

      box->x = MIN (box->x, points[i].x);
      box->y = MIN (box->y, points[i].y);
      box->width = x2 - box->x;
      box->height = y2 - box->y;
    }
  return TRUE;
}

/* What link_extent() finds, without measuring the route's ends or the
 * label: the label block is at most LABEL_MAX_WIDTH wide and pushed from
 * the route's middle (which lies in the route's box) along its normal, on
 * either side, by the clearance and half its size, or until it clears an
 * end or the arrowhead, so it lies within the route's box so grown. */
static gboolean
link_bound (WmDiagram    *diagram,
            const WmItem *item,
            WmRect       *bound)
{
  WmTextStyle text = link_text_style (), frequency = frequency_style ();
  const char *frequency_text = wm_item_has_prop (item, WM_VSM_FREQUENCY) &&
                               wm_item_has_value (item, WM_VSM_FREQUENCY)
                                 ? wm_item_get_string (item, WM_VSM_FREQUENCY) : NULL;
  double w = LABEL_MAX_WIDTH + 1, h, reach, clear;
  WmRect route, label;

  if (!route_bound (diagram, item, &route))
    {
      *bound = (WmRect) { 0, 0, 0, 0 };
      return TRUE;
    }
  *bound = inset (&route, -link_margin (item), -link_margin (item));
  h = label_height_bound (item->text, &text) + label_height_bound (frequency_text, &frequency);
  if (h == 0)
    return FALSE;
  reach = link_clearance (item) + w / 2 + h / 2;
  label = inset (&route, -(reach + w / 2 + 4), -(reach + h / 2 + 2));
  wm_rect_union (bound, &label, bound);
  clear = link_margin (item) + LABEL_AIR;
  label = inset (&route, -(clear + w + LABEL_AIR + 4), -(clear + h + LABEL_AIR + 2));
  wm_rect_union (bound, &label, bound);
  return FALSE;
}

/* The route as painted: a link ends on a node's anchor (the top of a split
 * process), so hit tests and halos follow it there rather than to the
 * centre of the bounds. */
static gboolean
link_path (WmDiagram    *diagram,
           const WmItem *link,
           cairo_t      *cr)
{
  g_auto(Route) route = { 0, };

  if (!route_init (&route, diagram, link))
    return FALSE;
  path_route (cr, &route);
  return TRUE;
}

/* The label's pad, as paint_link_label() draws it. */
static guint
label_boxes (WmDiagram    *diagram,
             const WmItem *link,
             WmRect       *boxes,
             guint         n_boxes)
{
  g_auto(Route) route = { 0, };
  LinkLabel label;

  if (!route_init (&route, diagram, link) ||
      !link_label_layout (NULL, diagram, link, &route, &label))
    return 0;
  if (n_boxes > 0)
    boxes[0] = inset (&label.rect, -3, -1);
  return 1;
}

static gboolean
item_bound (WmDiagram    *diagram,
            const WmItem *item,
            WmRect       *bound)
{
  if (wm_item_is_node (item))
    return node_bound (item, bound);
  return link_bound (diagram, item, bound);
}

/* The timeline ladder under the map */

typedef struct
{
  WmVsmMetrics *metrics;
  double       *edges;    /* where each step begins; the last entry is where the ladder ends */
  double        top;      /* the top of the days written over the upper steps */
  double        upper;    /* the levels of the waiting and the processing steps */
  double        lower;
  WmRect        totals;
  WmRect        area;
  gboolean      valid;    /* FALSE when the map has no material flow to put on a timeline */
} Timeline;

static void
timeline_free (Timeline *timeline)
{
  g_clear_pointer (&timeline->metrics, wm_vsm_metrics_free);
  g_clear_pointer (&timeline->edges, g_free);
  g_free (timeline);
}

static const WmVsmStep *
timeline_step (const Timeline *timeline,
               guint           i)
{
  return &g_array_index (timeline->metrics->steps, WmVsmStep, i);
}

static guint
timeline_n_steps (const Timeline *timeline)
{
  return timeline->metrics->steps->len;
}

/* The span of each step's item; a step without one (two processes handing
 * over directly) spans the gap between its neighbours. */
static gboolean
step_spans (const Timeline *timeline,
            WmDiagram      *diagram,
            double         *left,
            double         *right)
{
  guint n = timeline_n_steps (timeline);

  for (guint i = 0; i < n; i++)
    {
      const char *id = timeline_step (timeline, i)->item_id;
      WmItem *item = id != NULL ? wm_diagram_lookup (diagram, id) : NULL;

      left[i] = item != NULL ? item->bounds.x : NAN;
      right[i] = item != NULL ? item->bounds.x + item->bounds.width : NAN;
    }
  for (guint i = 0; i < n; i++)
    if (isnan (left[i]))
      {
        if (i == 0 || i + 1 == n || isnan (right[i - 1]) || isnan (left[i + 1]))
          return FALSE;
        left[i] = right[i - 1];
        right[i] = left[i + 1];
      }
  return TRUE;
}

/* Puts each step under its item, the boundaries halfway between
 * neighbours; FALSE when the items do not run left to right with room for
 * every step, as on a map drawn in a column. */
static gboolean
steps_under_items (Timeline  *timeline,
                   WmDiagram *diagram)
{
  guint n = timeline_n_steps (timeline);
  g_autofree double *left = g_new (double, n);
  g_autofree double *right = g_new (double, n);

  if (!step_spans (timeline, diagram, left, right))
    return FALSE;
  timeline->edges[0] = left[0];
  timeline->edges[n] = right[n - 1];
  for (guint i = 1; i < n; i++)
    timeline->edges[i] = (right[i - 1] + left[i]) / 2;
  for (guint i = 0; i < n; i++)
    {
      double room = timeline_step (timeline, i)->item_id != NULL ? STEP_MIN_WIDTH : 6;

      if (!(timeline->edges[i + 1] - timeline->edges[i] >= room))
        return FALSE;
    }
  return TRUE;
}

/* Defined with the cache, at the end: kept across changes. */
static void cached_map_bounds (WmDiagram *diagram,
                               double    *bottom,
                               double    *left);

static guint
totals_rows (const Timeline *timeline)
{
  return timeline->metrics->takt_time > 0 ? 3 : 2;
}

/* Computes the metrics and lays the ladder out. */
static Timeline *
timeline_new (WmDiagram *diagram)
{
  Timeline *timeline = g_new0 (Timeline, 1);
  double bottom, left;
  guint n;

  timeline->metrics = wm_vsm_compute (diagram);
  if (timeline->metrics == NULL || timeline->metrics->steps->len == 0)
    return timeline;
  n = timeline_n_steps (timeline);
  timeline->edges = g_new (double, n + 1);
  cached_map_bounds (diagram, &bottom, &left);
  if (!steps_under_items (timeline, diagram))
    for (guint i = 0; i <= n; i++)
      timeline->edges[i] = left + i * STEP_FALLBACK_WIDTH;

  timeline->top = bottom + TIMELINE_GAP;
  timeline->upper = timeline->top + 16;
  timeline->lower = timeline->upper + LADDER_RISE;
  timeline->totals = (WmRect) { timeline->edges[n] + 20, timeline->upper - 8, TOTALS_WIDTH,
                                totals_rows (timeline) * TOTALS_ROW + 10 };
  bottom = MAX (timeline->lower + 18, timeline->totals.y + timeline->totals.height + 2);
  timeline->area = (WmRect) { timeline->edges[0] - 2, timeline->top,
                              timeline->totals.x + TOTALS_WIDTH + 2 - timeline->edges[0],
                              bottom - timeline->top };
  timeline->valid = TRUE;
  return timeline;
}

static void
paint_ladder (cairo_t        *cr,
              const Timeline *timeline)
{
  guint n = timeline_n_steps (timeline);

  for (guint i = 0; i < n; i++)
    {
      double level = timeline_step (timeline, i)->kind == WM_VSM_STEP_WAIT ? timeline->upper
                                                                          : timeline->lower;

      if (i == 0)
        cairo_move_to (cr, timeline->edges[0], level);
      else
        cairo_line_to (cr, timeline->edges[i], level);
      cairo_line_to (cr, timeline->edges[i + 1], level);
    }
  /* Two waits in a row (stock after stock) are told apart by a tick. */
  for (guint i = 1; i < n; i++)
    if (timeline_step (timeline, i)->kind == timeline_step (timeline, i - 1)->kind)
      {
        double level = timeline_step (timeline, i)->kind == WM_VSM_STEP_WAIT ? timeline->upper
                                                                            : timeline->lower;

        line (cr, timeline->edges[i], level - 4, timeline->edges[i], level + 4);
      }
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  fill_stroke (cr, NULL, &wm_color_ink, 1.5);
}

static void
paint_ladder_figures (WmPaintContext *ctx,
                      const Timeline *timeline)
{
  WmTextStyle style = line_style (SMALL_SIZE, PANGO_WEIGHT_NORMAL, WM_ALIGN_CENTER, NULL);
  char text[64];

  for (guint i = 0; i < timeline_n_steps (timeline); i++)
    {
      const WmVsmStep *step = timeline_step (timeline, i);
      WmRect rect = { timeline->edges[i], 0, timeline->edges[i + 1] - timeline->edges[i], 14 };

      /* A hand-over between two processes waits for nothing: no figure. */
      if (step->kind == WM_VSM_STEP_WAIT && step->item_id == NULL)
        continue;
      if (step->kind == WM_VSM_STEP_WAIT)
        {
          format_figure_as (text, sizeof text, WM_FIGURE_DAYS, step->value);
          rect.y = timeline->upper - 16;
        }
      else
        {
          format_figure_as (text, sizeof text, WM_FIGURE_SECONDS, step->value);
          rect.y = timeline->lower + 2;
        }
      wm_draw_text (ctx->cr, ctx->options, text, &rect, &style);
    }
}

static void
paint_totals (WmPaintContext *ctx,
              const Timeline *timeline)
{
  WmTextStyle label = line_style (SMALL_SIZE, PANGO_WEIGHT_NORMAL, WM_ALIGN_START, &wm_color_muted);
  WmTextStyle value = line_style (TEXT_SIZE, PANGO_WEIGHT_BOLD, WM_ALIGN_END, NULL);
  const WmVsmMetrics *metrics = timeline->metrics;
  const WmRect *box = &timeline->totals;
  const char *labels[] = { _("Production lead time"), _("Processing time"), _("Takt time") };
  char values[3][64];

  wm_draw_box (ctx->cr, box, 3, &title_tint, &wm_color_ink, HAIRLINE);
  if (!ctx->detail)
    return;
  format_figure_as (values[0], sizeof values[0], WM_FIGURE_DAYS, metrics->lead_time_days);
  format_figure_as (values[1], sizeof values[1], WM_FIGURE_SECONDS, metrics->processing_time);
  format_figure_as (values[2], sizeof values[2], WM_FIGURE_SECONDS, metrics->takt_time);
  for (guint i = 0; i < totals_rows (timeline); i++)
    {
      WmRect row = { box->x + 10, box->y + 5 + i * TOTALS_ROW, box->width - 20, TOTALS_ROW };

      wm_draw_text (ctx->cr, ctx->options, labels[i], &row, &label);
      wm_draw_text (ctx->cr, ctx->options, values[i], &row, &value);
    }
}

/* The lowest ink and the leftmost node of the map
 *
 * The timeline lies under the lowest ink of the whole map. Each item offers
 * a value (the bottom of its ink; for a node also minus its left) to an
 * Extremes, which keeps the largest ones with their items' ids, and a
 * threshold that no other item's value exceeds. A change takes its items
 * out, and the next layout offers their new values: a drag measures the
 * items it moves, not the map, and a caption only when it could be the
 * lowest. Only when every kept value has gone is the map read again. */

#define N_EXTREMES 64

typedef struct
{
  char   *id;
  double  value;
} Extreme;

typedef struct
{
  GArray *top;        /* Extreme, largest first, at most N_EXTREMES */
  double  threshold;  /* no item outside @top has a larger value */
} Extremes;

static void
extreme_clear (gpointer data)
{
  g_free (((Extreme *) data)->id);
}

static void
extremes_reset (Extremes *extremes)
{
  if (extremes->top == NULL)
    {
      extremes->top = g_array_new (FALSE, FALSE, sizeof (Extreme));
      g_array_set_clear_func (extremes->top, extreme_clear);
    }
  g_array_set_size (extremes->top, 0);
  extremes->threshold = -G_MAXDOUBLE;
}

static double
extremes_last (const Extremes *extremes)
{
  return g_array_index (extremes->top, Extreme, extremes->top->len - 1).value;
}

/* Whether an item whose value is at most @bound could be kept. */
static gboolean
extremes_may_take (const Extremes *extremes,
                   double          bound)
{
  return bound > extremes->threshold &&
         (extremes->top->len < N_EXTREMES || bound > extremes_last (extremes));
}

/* Notes an item left out, whose value is at most @bound. */
static void
extremes_pass (Extremes *extremes,
               double    bound)
{
  extremes->threshold = MAX (extremes->threshold, bound);
}

static void
extremes_offer (Extremes   *extremes,
                const char *id,
                double      value)
{
  guint i = extremes->top->len;
  Extreme entry;

  if (!extremes_may_take (extremes, value))
    {
      extremes_pass (extremes, value);
      return;
    }
  while (i > 0 && g_array_index (extremes->top, Extreme, i - 1).value < value)
    i--;
  entry = (Extreme) { g_strdup (id), value };
  g_array_insert_val (extremes->top, i, entry);
  if (extremes->top->len > N_EXTREMES)
    {
      extremes_pass (extremes, extremes_last (extremes));
      g_array_set_size (extremes->top, N_EXTREMES);
    }
}

static void
extremes_remove (Extremes   *extremes,
                 const char *id)
{
  for (guint i = extremes->top->len; i-- > 0;)
    if (g_str_equal (g_array_index (extremes->top, Extreme, i).id, id))
      g_array_remove_index (extremes->top, i);
}

/* The largest value of all; FALSE when only reading the map again tells. */
static gboolean
extremes_max (const Extremes *extremes,
              double         *max)
{
  if (extremes->top->len > 0)
    *max = g_array_index (extremes->top, Extreme, 0).value;
  else if (extremes->threshold == -G_MAXDOUBLE)
    *max = -G_MAXDOUBLE;  /* no item has a value */
  else
    return FALSE;
  return TRUE;
}

/* An item's value before it is offered: exact, or a bound of it. */
typedef struct
{
  const WmItem *item;
  double        value;
  gboolean      exact;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  double va = ((const Candidate *) a)->value, vb = ((const Candidate *) b)->value;

  return (va < vb) - (va > vb);
}

/* Offers @candidate, measuring its extent only when it could be kept. */
static void
extremes_offer_candidate (Extremes        *extremes,
                          WmDiagram       *diagram,
                          const Candidate *candidate)
{
  WmRect extent;

  if (candidate->exact)
    extremes_offer (extremes, candidate->item->id, candidate->value);
  else if (!extremes_may_take (extremes, candidate->value))
    extremes_pass (extremes, candidate->value);
  else
    {
      cached_extent (diagram, candidate->item, &extent);
      extremes_offer (extremes, candidate->item->id, extent.y + extent.height);
    }
}

/* Offers @candidates from the largest down, until none of the rest can be
 * kept, so a map is offered a few of its values, in an order that keeps
 * them without reshuffling. */
static void
extremes_offer_all (Extremes  *extremes,
                    WmDiagram *diagram,
                    GArray    *candidates)
{
  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);

      if (!extremes_may_take (extremes, candidate->value))
        {
          extremes_pass (extremes, candidate->value);
          return;
        }
      extremes_offer_candidate (extremes, diagram, candidate);
    }
}

/* The lowest ink of @item (for a link, of its waypoints; a link without
 * any has its ink between its ends'), exact or a bound of it; FALSE when
 * it has none. */
static gboolean
bottom_candidate (const WmItem *item,
                  Candidate    *candidate)
{
  WmRect bound;

  *candidate = (Candidate) { item, -G_MAXDOUBLE, TRUE };
  if (wm_item_is_link (item))
    {
      for (guint k = 0; k < item->n_points; k++)
        candidate->value = MAX (candidate->value, item->points[k].y + link_margin (item));
      return item->n_points > 0;
    }
  candidate->exact = node_bound (item, &bound);
  candidate->value = bound.y + bound.height;
  return TRUE;
}

typedef struct
{
  Extremes    bottoms;  /* the bottom of each item's ink */
  Extremes    lefts;    /* minus the left of each node's bounds */
  GHashTable *changed;  /* ids of the items changed since (owned), or NULL to read the map again */
} MapBounds;

static void
map_bounds_clear (MapBounds *bounds)
{
  g_clear_pointer (&bounds->bottoms.top, g_array_unref);
  g_clear_pointer (&bounds->lefts.top, g_array_unref);
  g_clear_pointer (&bounds->changed, g_hash_table_unref);
}

/* Reads every item of the map. */
static void
map_bounds_scan (MapBounds *bounds,
                 WmDiagram *diagram)
{
  guint n = wm_diagram_get_n_items (diagram);
  g_autoptr(GArray) bottoms = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), n);
  g_autoptr(GArray) lefts = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), n);

  for (guint i = 0; i < n; i++)
    {
      const WmItem *item = wm_diagram_get_item (diagram, i);
      Candidate candidate;

      if (bottom_candidate (item, &candidate))
        g_array_append_val (bottoms, candidate);
      if (wm_item_is_node (item))
        g_array_append_val (lefts, ((Candidate) { item, -item->bounds.x, TRUE }));
    }
  extremes_reset (&bounds->bottoms);
  extremes_reset (&bounds->lefts);
  extremes_offer_all (&bounds->bottoms, diagram, bottoms);
  extremes_offer_all (&bounds->lefts, diagram, lefts);
  /* Read again when the extremes ran out, with changes noted or none. */
  if (bounds->changed != NULL)
    g_hash_table_remove_all (bounds->changed);
  else
    bounds->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Offers the new values of the items changed since the last layout. */
static void
map_bounds_update (MapBounds *bounds,
                   WmDiagram *diagram)
{
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, bounds->changed);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      const WmItem *item = wm_diagram_lookup (diagram, id);
      Candidate candidate;

      /* Removed: its values went with it. */
      if (item == NULL)
        continue;
      if (bottom_candidate (item, &candidate))
        extremes_offer_candidate (&bounds->bottoms, diagram, &candidate);
      if (wm_item_is_node (item))
        extremes_offer (&bounds->lefts, item->id, -item->bounds.x);
    }
  g_hash_table_remove_all (bounds->changed);
}

/* Takes the items of @delta out until the next layout offers them again. */
static void
map_bounds_forget (MapBounds *bounds,
                   WmDiagram *diagram,
                   WmDelta   *delta)
{
  GPtrArray *lists[] = { delta->added, delta->removed, delta->modified };

  if (bounds->changed == NULL)
    return;
  /* The fields (the daily demand) change the captions under every stock. */
  if (delta->header)
    {
      g_clear_pointer (&bounds->changed, g_hash_table_unref);
      return;
    }
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        const char *id = g_ptr_array_index (lists[l], i);

        extremes_remove (&bounds->bottoms, id);
        extremes_remove (&bounds->lefts, id);
        g_hash_table_add (bounds->changed, g_strdup (id));
      }
  /* So many changes are read faster with the whole map. */
  if (g_hash_table_size (bounds->changed) > MAX (wm_diagram_get_n_items (diagram) / 16, 256))
    g_clear_pointer (&bounds->changed, g_hash_table_unref);
}

/* The cache
 *
 * The screen culls every link by its extent on every frame, and the
 * timeline needs the lowest ink of the whole map: on a map of ten thousand
 * items that is too much to measure again for every frame. The extents and
 * the timeline stay with the diagram until its "invalidate" signal says which
 * items moved on; a lock keeps an export in another thread safe. */

typedef struct
{
  GMutex      lock;
  GHashTable *extents;   /* item id → WmRect */
  Timeline   *timeline;  /* NULL until laid out again */
  /* Locked apart, as reading them measures extents. */
  GMutex      bounds_lock;
  MapBounds   bounds;
} PaintCache;

static GQuark
paint_cache_quark (void)
{
  static gsize quark;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("wm-paint-vsm-cache"));
  return (GQuark) quark;
}

static void
paint_cache_free (gpointer data)
{
  PaintCache *cache = data;

  g_clear_pointer (&cache->extents, g_hash_table_unref);
  g_clear_pointer (&cache->timeline, timeline_free);
  map_bounds_clear (&cache->bounds);
  g_mutex_clear (&cache->lock);
  g_mutex_clear (&cache->bounds_lock);
  g_free (cache);
}

/* Forgets the changed items, and the links that end on them: a link's route
 * and label depend on its ends. */
static void
paint_cache_forget (PaintCache *cache,
                    WmDiagram  *diagram,
                    WmDelta    *delta)
{
  GPtrArray *lists[] = { delta->added, delta->removed, delta->modified };
  g_autoptr(GHashTable) changed = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        g_hash_table_remove (cache->extents, g_ptr_array_index (lists[l], i));
        g_hash_table_add (changed, g_ptr_array_index (lists[l], i));
      }
  if (g_hash_table_size (changed) == 0)
    return;
  /* A drag changes a few items of many: ask the index for the links of each
   * rather than reading every item, which cost a 100 000-item map most of
   * a frame per step of the drag. */
  if (g_hash_table_size (changed) < wm_diagram_get_n_items (diagram) / 16)
    {
      GHashTableIter iter;
      gpointer id;

      g_hash_table_iter_init (&iter, changed);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        {
          g_autoptr(GPtrArray) links = wm_diagram_links_of (diagram, id);

          for (guint i = 0; i < links->len; i++)
            g_hash_table_remove (cache->extents, ((WmItem *) g_ptr_array_index (links, i))->id);
        }
      return;
    }
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      const WmItem *item = wm_diagram_get_item (diagram, i);

      if (wm_item_is_link (item) && (g_hash_table_contains (changed, item->source) ||
                                     g_hash_table_contains (changed, item->target)))
        g_hash_table_remove (cache->extents, item->id);
    }
}

static void
paint_cache_on_invalidate (WmDiagram  *diagram,
                        WmDelta    *delta,
                        PaintCache *cache)
{
  g_mutex_lock (&cache->lock);
  /* Any change may move the lowest item or the flow: lay the timeline out again. */
  g_clear_pointer (&cache->timeline, timeline_free);
  /* The diagram's fields (the daily demand) change the days under every stock. */
  if (delta->header)
    g_hash_table_remove_all (cache->extents);
  else
    paint_cache_forget (cache, diagram, delta);
  g_mutex_unlock (&cache->lock);
  g_mutex_lock (&cache->bounds_lock);
  map_bounds_forget (&cache->bounds, diagram, delta);
  g_mutex_unlock (&cache->bounds_lock);
}

static PaintCache *
paint_cache_get (WmDiagram *diagram)
{
  static GMutex creation;
  PaintCache *cache;

  g_mutex_lock (&creation);
  cache = g_object_get_qdata (G_OBJECT (diagram), paint_cache_quark ());
  if (cache == NULL)
    {
      cache = g_new0 (PaintCache, 1);
      g_mutex_init (&cache->lock);
      g_mutex_init (&cache->bounds_lock);
      cache->extents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_object_set_qdata_full (G_OBJECT (diagram), paint_cache_quark (), cache, paint_cache_free);
      g_signal_connect (diagram, "invalidate", G_CALLBACK (paint_cache_on_invalidate),
                        cache);
    }
  g_mutex_unlock (&creation);
  return cache;
}

static void
cached_extent (WmDiagram    *diagram,
               const WmItem *item,
               WmRect       *extent)
{
  PaintCache *cache = paint_cache_get (diagram);
  const WmRect *known;
  gboolean found;

  g_mutex_lock (&cache->lock);
  known = g_hash_table_lookup (cache->extents, item->id);
  found = known != NULL;
  if (found)
    *extent = *known;
  g_mutex_unlock (&cache->lock);
  if (found)
    return;

  /* Measured without the lock: a link's extent asks for its ends' extents. */
  if (wm_item_is_node (item))
    node_extent (diagram, item, extent);
  else
    link_extent (diagram, item, extent);
  g_mutex_lock (&cache->lock);
  g_hash_table_replace (cache->extents, g_strdup (item->id), g_memdup2 (extent, sizeof *extent));
  g_mutex_unlock (&cache->lock);
}

/* The lowest ink of the map (links and nodes with their captions) and its
 * leftmost node; -G_MAXDOUBLE and G_MAXDOUBLE on an empty map. */
static void
cached_map_bounds (WmDiagram *diagram,
                   double    *bottom,
                   double    *left)
{
  PaintCache *cache = paint_cache_get (diagram);
  MapBounds *bounds = &cache->bounds;
  double lowest = -G_MAXDOUBLE, most_left = -G_MAXDOUBLE;

  g_mutex_lock (&cache->bounds_lock);
  if (bounds->changed != NULL)
    map_bounds_update (bounds, diagram);
  if (bounds->changed == NULL || !extremes_max (&bounds->bottoms, &lowest) ||
      !extremes_max (&bounds->lefts, &most_left))
    {
      /* Once every item is read, the largest values are known. */
      map_bounds_scan (bounds, diagram);
      extremes_max (&bounds->bottoms, &lowest);
      extremes_max (&bounds->lefts, &most_left);
    }
  g_mutex_unlock (&cache->bounds_lock);
  *bottom = lowest;
  *left = -most_left;
}

/* The diagram's timeline, with the cache locked: the caller unlocks it. */
static const Timeline *
timeline_lock (WmDiagram   *diagram,
               PaintCache **locked)
{
  PaintCache *cache = paint_cache_get (diagram);

  g_mutex_lock (&cache->lock);
  while (cache->timeline == NULL)
    {
      Timeline *fresh;

      g_mutex_unlock (&cache->lock);
      fresh = timeline_new (diagram);
      g_mutex_lock (&cache->lock);
      if (cache->timeline == NULL)
        cache->timeline = fresh;
      else
        timeline_free (fresh);
    }
  *locked = cache;
  return cache->timeline;
}

static void
paint_foreground (WmPaintContext *ctx)
{
  PaintCache *cache;
  const Timeline *timeline = timeline_lock (ctx->diagram, &cache);

  if (timeline->valid && (ctx->options->visible.width <= 0 ||
                          wm_rect_intersects (&timeline->area, &ctx->options->visible)))
    {
      cairo_save (ctx->cr);
      paint_ladder (ctx->cr, timeline);
      if (ctx->detail)
        paint_ladder_figures (ctx, timeline);
      paint_totals (ctx, timeline);
      cairo_restore (ctx->cr);
    }
  g_mutex_unlock (&cache->lock);
}

static void
get_extent (WmDiagram *diagram,
            WmRect    *extent)
{
  PaintCache *cache;
  const Timeline *timeline = timeline_lock (diagram, &cache);

  *extent = timeline->valid ? timeline->area : (WmRect) { 0, 0, 0, 0 };
  g_mutex_unlock (&cache->lock);
}

/* Far out */

/* How wide a link's body is, which tells how dark its silhouette is. */
static double
link_width (const WmItem *link)
{
  const char *type = link->type->id;

  if (g_str_equal (type, "push"))
    return PUSH_BAND;
  if (g_str_equal (type, "shipment-flow"))
    return SHIP_BAND;
  if (g_str_equal (type, "pull"))
    return 1.5;
  return INFO_WIDTH;
}

/* Zoomed far out, a node is its box in its main colours (a process its box
 * and its data box) and a link its bare route. */
static void
paint_far (WmPaintContext *ctx,
           const WmItem   *item)
{
  g_auto(Route) route = { 0, };
  const char *type = item->type->id;
  ProcessLayout layout;

  if (wm_item_is_link (item))
    {
      if (route_init (&route, ctx->diagram, item))
        _wm_far_batch_line (ctx->far, route.points, route.n, &wm_color_ink, link_width (item));
      return;
    }
  if (g_str_equal (type, "kaizen-burst"))
    _wm_far_batch_box (ctx->far, &item->bounds, &kaizen_fill, &kaizen_ink, 1.5);
  else if (g_str_equal (type, "note"))
    _wm_far_batch_box (ctx->far, &item->bounds, &note_paper, NULL, 0);
  else if (!g_str_equal (type, "process"))
    _wm_far_batch_box (ctx->far, &item->bounds, &wm_color_fill, &wm_color_ink, OUTLINE);
  else
    {
      process_geometry (item, &layout);
      _wm_far_batch_box (ctx->far, &layout.box, &title_tint, &wm_color_ink, OUTLINE);
      _wm_far_batch_box (ctx->far, &layout.data, &wm_color_paper, &wm_color_ink, HAIRLINE);
    }
}

/* The painter */

static void
paint_item (WmPaintContext *ctx,
            const WmItem   *item)
{
  if (ctx->far != NULL)
    paint_far (ctx, item);
  else if (wm_item_is_node (item))
    paint_node (ctx, item);
  else
    paint_link (ctx, item);
}

static void
item_extent (WmDiagram    *diagram,
             const WmItem *item,
             WmRect       *extent)
{
  cached_extent (diagram, item, extent);
}

const WmPainter _wm_painter_vsm = {
  .notation_id = "value-stream-map",
  .get_extent = get_extent,
  .paint_item = paint_item,
  .paint_foreground = paint_foreground,
  .item_extent = item_extent,
  .item_bound = item_bound,
  .link_path = link_path,
  .label_boxes = label_boxes,
};
