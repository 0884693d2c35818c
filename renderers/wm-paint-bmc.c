/* wm-paint-bmc.c — the Business Model Canvas painter
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The nine blocks sit in the canonical layout of wm_bmc_block_rect(), each
 * with its title, a small line icon and the faint guiding question of the
 * Strategyzer canvas; the header fields stand in a band above the canvas and
 * the colour legend in a row below it. Notes are sticky notes in their colour.
 */
#define G_LOG_DOMAIN "wm-paint-bmc"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-painter-private.h"

/* The header band above the canvas and the legend row below it. */
#define HEADER_TOP -60.0
#define HEADER_VALUE_TOP -44.0
#define HEADER_RULE -18.0
#define LEGEND_GAP 16.0
#define LEGEND_HEIGHT 16.0

/* Inside a block: the title and the question must fit in the 44 units above
 * the first row of notes, which the sample places 48 units below the top. */
#define BLOCK_PAD 14.0
#define TITLE_TOP 10.0
#define TITLE_SIZE 15.0
#define QUESTION_TOP 29.5
#define QUESTION_SIZE 11.0
#define ICON_SIZE 18.0

#define NOTE_TEXT_SIZE 12.0
/* How far a note's shadow and outline reach past its bounds. */
#define NOTE_INK_LEFT 0.5
#define NOTE_INK_RIGHT 2.0
#define NOTE_INK_BOTTOM 3.0

typedef void (*IconPath) (cairo_t *cr);

typedef struct
{
  const char *title;
  const char *question;
  IconPath    icon;
} BlockInfo;

/* Icons, as paths in an 18 x 18 box, stroked by the caller. */

static void
icon_link (cairo_t *cr)
{
  /* Two interlocked chain links on the diagonal. */
  cairo_save (cr);
  cairo_translate (cr, 9, 9);
  cairo_rotate (cr, -G_PI / 4);
  wm_path_rounded_rect (cr, &(WmRect) { -8.5, -3, 10.5, 6 }, 3);
  wm_path_rounded_rect (cr, &(WmRect) { -2, -3, 10.5, 6 }, 3);
  cairo_restore (cr);
}

static void
icon_check (cairo_t *cr)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, 9, 9, 8, 0, 2 * G_PI);
  cairo_move_to (cr, 5, 9.3);
  cairo_line_to (cr, 8, 12.2);
  cairo_line_to (cr, 13.2, 6.3);
}

static void
icon_factory (cairo_t *cr)
{
  /* A saw-tooth roof and a chimney. */
  cairo_move_to (cr, 1.5, 16.5);
  cairo_line_to (cr, 1.5, 8.5);
  cairo_line_to (cr, 6, 11.5);
  cairo_line_to (cr, 6, 8.5);
  cairo_line_to (cr, 10.5, 11.5);
  cairo_line_to (cr, 10.5, 2);
  cairo_line_to (cr, 14.5, 2);
  cairo_line_to (cr, 14.5, 16.5);
  cairo_close_path (cr);
  cairo_rectangle (cr, 4, 13, 1.75, 1.75);
  cairo_rectangle (cr, 8, 13, 1.75, 1.75);
}

static void
icon_gift (cairo_t *cr)
{
  cairo_rectangle (cr, 1.5, 6, 15, 3.5);
  cairo_rectangle (cr, 2.75, 9.5, 12.5, 7);
  cairo_move_to (cr, 9, 6);
  cairo_line_to (cr, 9, 16.5);
  /* The bow: two loops meeting at the knot. */
  cairo_move_to (cr, 9, 6);
  cairo_curve_to (cr, 6.5, 1.5, 2.5, 3.5, 9, 6);
  cairo_move_to (cr, 9, 6);
  cairo_curve_to (cr, 11.5, 1.5, 15.5, 3.5, 9, 6);
}

static void
icon_heart (cairo_t *cr)
{
  cairo_move_to (cr, 9, 16);
  cairo_curve_to (cr, 3.5, 12, 1.5, 9, 1.5, 6.25);
  cairo_curve_to (cr, 1.5, 3.5, 3.5, 2, 5.5, 2);
  cairo_curve_to (cr, 7, 2, 8.3, 2.9, 9, 4.3);
  cairo_curve_to (cr, 9.7, 2.9, 11, 2, 12.5, 2);
  cairo_curve_to (cr, 14.5, 2, 16.5, 3.5, 16.5, 6.25);
  cairo_curve_to (cr, 16.5, 9, 14.5, 12, 9, 16);
  cairo_close_path (cr);
}

static void
icon_truck (cairo_t *cr)
{
  /* The cargo box and the cab, with the ground line broken by the wheels. */
  cairo_move_to (cr, 2.9, 13.5);
  cairo_line_to (cr, 1, 13.5);
  cairo_line_to (cr, 1, 3.5);
  cairo_line_to (cr, 11, 3.5);
  cairo_line_to (cr, 11, 13.5);
  cairo_line_to (cr, 6.6, 13.5);
  cairo_move_to (cr, 11, 6.5);
  cairo_line_to (cr, 14.3, 6.5);
  cairo_line_to (cr, 17, 9.75);
  cairo_line_to (cr, 17, 13.5);
  cairo_line_to (cr, 15.6, 13.5);
  cairo_move_to (cr, 11, 13.5);
  cairo_line_to (cr, 10.4, 13.5);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 4.75, 14.5, 1.9, 0, 2 * G_PI);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 13.75, 14.5, 1.9, 0, 2 * G_PI);
}

static void
icon_person (cairo_t *cr)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, 9, 5.25, 3.5, 0, 2 * G_PI);
  cairo_move_to (cr, 2, 17);
  cairo_curve_to (cr, 2, 12.5, 5, 10.5, 9, 10.5);
  cairo_curve_to (cr, 13, 10.5, 16, 12.5, 16, 17);
}

static void
icon_tag (cairo_t *cr)
{
  cairo_move_to (cr, 1.5, 1.5);
  cairo_line_to (cr, 9, 1.5);
  cairo_line_to (cr, 16.5, 9);
  cairo_line_to (cr, 9, 16.5);
  cairo_line_to (cr, 1.5, 9);
  cairo_close_path (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 5.5, 5.5, 1.4, 0, 2 * G_PI);
}

static void
icon_money_bag (cairo_t *cr)
{
  /* The bag with its tied neck and a money sign on its belly. */
  cairo_move_to (cr, 7, 5.5);
  cairo_curve_to (cr, 3, 8, 1.5, 11, 1.5, 13.25);
  cairo_curve_to (cr, 1.5, 15.5, 3, 16.5, 5, 16.5);
  cairo_line_to (cr, 13, 16.5);
  cairo_curve_to (cr, 15, 16.5, 16.5, 15.5, 16.5, 13.25);
  cairo_curve_to (cr, 16.5, 11, 15, 8, 11, 5.5);
  cairo_close_path (cr);
  cairo_move_to (cr, 7, 5.5);
  cairo_line_to (cr, 5.25, 1.75);
  cairo_line_to (cr, 7.25, 2.5);
  cairo_line_to (cr, 9, 1.5);
  cairo_line_to (cr, 10.75, 2.5);
  cairo_line_to (cr, 12.75, 1.75);
  cairo_line_to (cr, 11, 5.5);
  cairo_move_to (cr, 10.75, 9.75);
  cairo_curve_to (cr, 10, 9, 7, 9, 7, 10.75);
  cairo_curve_to (cr, 7, 12.5, 11, 11.5, 11, 13.25);
  cairo_curve_to (cr, 11, 15, 8, 15, 7.25, 14.25);
  cairo_move_to (cr, 9, 8.25);
  cairo_line_to (cr, 9, 15.75);
}

/* The guiding questions are Strategyzer's, shortened to fit one line of a
 * block on the default canvas. */
static const BlockInfo blocks[WM_BMC_N_BLOCKS] = {
  [WM_BMC_KEY_PARTNERS] = { N_("Key Partners"),
                            N_("Who are our key partners and suppliers?"), icon_link },
  [WM_BMC_KEY_ACTIVITIES] = { N_("Key Activities"),
                              N_("What key activities does our offer require?"), icon_check },
  [WM_BMC_KEY_RESOURCES] = { N_("Key Resources"),
                             N_("What key resources does our offer require?"), icon_factory },
  [WM_BMC_VALUE_PROPOSITIONS] = { N_("Value Propositions"),
                                  N_("What value do we deliver to the customer?"), icon_gift },
  [WM_BMC_CUSTOMER_RELATIONSHIPS] = { N_("Customer Relationships"),
                                      N_("What relationship does each segment expect?"),
                                      icon_heart },
  [WM_BMC_CHANNELS] = { N_("Channels"),
                        N_("Through which channels do we reach them?"), icon_truck },
  [WM_BMC_CUSTOMER_SEGMENTS] = { N_("Customer Segments"),
                                 N_("For whom are we creating value?"), icon_person },
  [WM_BMC_COST_STRUCTURE] = {
    N_("Cost Structure"),
    N_("What are the most important costs inherent in our business model?"), icon_tag },
  [WM_BMC_REVENUE_STREAMS] = { N_("Revenue Streams"),
                               N_("For what value are our customers really willing to pay?"),
                               icon_money_bag },
};

typedef struct
{
  const char *field;
  const char *label;
  double      start;   /* where the field starts, as a fraction of the canvas width */
} HeaderField;

static const HeaderField header_fields[] = {
  { "designed-for", N_("Designed for"), 0 },
  { "designed-by", N_("Designed by"), 0.36 },
  { "date", N_("Date"), 0.72 },
  { "version", N_("Version"), 0.86 },
};

static void
canvas_size (WmDiagram *diagram,
             double    *width,
             double    *height)
{
  *width = wm_diagram_get_number (diagram, "width");
  *height = wm_diagram_get_number (diagram, "height");
}

static gboolean
has_legend (WmDiagram *diagram)
{
  GPtrArray *legend = wm_diagram_get_list (diagram, "legend");

  return legend != NULL && legend->len > 0;
}

/* Blocks */

static void
paint_icon (cairo_t         *cr,
            const BlockInfo *info,
            double           x,
            double           y)
{
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, ICON_SIZE / 18, ICON_SIZE / 18);
  info->icon (cr);
  cairo_restore (cr);
  /* Stroked after the transform is undone, so the weight is in document units. */
  cairo_set_line_width (cr, 1.25);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  wm_set_color (cr, &wm_color_muted);
  cairo_stroke (cr);
}

/* The title with the icon at the top right. The icon yields its place when
 * the title would otherwise be cut short, as the words matter more. */
static void
paint_block_title (WmPaintContext  *ctx,
                   const BlockInfo *info,
                   const WmRect    *block)
{
  WmTextStyle style = wm_text_style (TITLE_SIZE);
  const char *title = _(info->title);
  double inner = block->width - 2 * BLOCK_PAD;
  double beside_icon = inner - ICON_SIZE - 8;
  double title_width;
  gboolean icon;

  style.weight = PANGO_WEIGHT_BOLD;
  style.wrap = FALSE;
  wm_measure_text (ctx->options, title, -1, &style, &title_width, NULL);
  icon = beside_icon >= 2 * ICON_SIZE && (title_width <= beside_icon || title_width > inner);
  wm_draw_text (ctx->cr, ctx->options, title,
                &(WmRect) { block->x + BLOCK_PAD, block->y + TITLE_TOP,
                            icon ? beside_icon : inner, TITLE_SIZE * 1.3 }, &style);
  if (icon)
    paint_icon (ctx->cr, info, block->x + block->width - BLOCK_PAD - ICON_SIZE,
                block->y + TITLE_TOP + 0.5);
}

/* The guiding question, on one line under the title, left out when the
 * block is too low to hold it. */
static void
paint_block_question (WmPaintContext  *ctx,
                      const BlockInfo *info,
                      const WmRect    *block)
{
  WmTextStyle style = wm_text_style (QUESTION_SIZE);
  WmRect rect = { block->x + BLOCK_PAD, block->y + QUESTION_TOP, block->width - 2 * BLOCK_PAD,
                  MIN (QUESTION_SIZE * 1.25, block->height - QUESTION_TOP - 4) };

  style.italic = TRUE;
  style.wrap = FALSE;
  style.color = &wm_color_muted;
  if (rect.height >= QUESTION_SIZE)
    wm_draw_text (ctx->cr, ctx->options, _(info->question), &rect, &style);
}

static void
paint_blocks (WmPaintContext *ctx,
              double          width,
              double          height)
{
  for (WmBmcBlock b = 0; b < WM_BMC_N_BLOCKS; b++)
    {
      WmRect block;

      wm_bmc_block_rect (b, width, height, &block);
      if (ctx->options->visible.width > 0 && !wm_rect_intersects (&block, &ctx->options->visible))
        continue;
      wm_draw_box (ctx->cr, &block, 0, NULL, &wm_color_faint, 1);
      if (!ctx->detail)
        continue;
      paint_block_title (ctx, &blocks[b], &block);
      paint_block_question (ctx, &blocks[b], &block);
    }
}

/* The header band */

static void
paint_header_field (WmPaintContext    *ctx,
                    const HeaderField *field,
                    double             x,
                    double             width)
{
  g_autofree char *label = g_utf8_strup (_(field->label), -1);
  const char *value = wm_diagram_get_string (ctx->diagram, field->field);
  WmTextStyle label_style = wm_text_style (10);
  WmTextStyle value_style = wm_text_style (14);
  WmPoint rule[2] = { { x, HEADER_RULE }, { x + width, HEADER_RULE } };

  label_style.weight = PANGO_WEIGHT_SEMIBOLD;
  label_style.wrap = FALSE;
  label_style.color = &wm_color_muted;
  value_style.wrap = FALSE;
  wm_draw_text (ctx->cr, ctx->options, label,
                &(WmRect) { x, HEADER_TOP, width, 14 }, &label_style);
  if (!wm_str_is_blank (value))
    wm_draw_text (ctx->cr, ctx->options, value,
                  &(WmRect) { x, HEADER_VALUE_TOP, width, 20 }, &value_style);
  wm_draw_polyline (ctx->cr, rule, 2, 1, WM_LINE_SOLID, &wm_color_faint);
}

static void
paint_header (WmPaintContext *ctx,
              double          width)
{
  for (guint i = 0; i < G_N_ELEMENTS (header_fields); i++)
    {
      double x = header_fields[i].start * width;
      double end = i + 1 < G_N_ELEMENTS (header_fields) ? header_fields[i + 1].start * width
                                                         : width;

      paint_header_field (ctx, &header_fields[i], x, end - x - (end < width ? 24 : 0));
    }
}

/* The colour legend */

static WmColor
legend_color (const WmListEntry *entry)
{
  char text[16];
  WmColor color = wm_color_fill;

  g_snprintf (text, sizeof text, "#%s", entry->id);
  wm_color_parse (text, &color);
  return color;
}

/* One swatch and its label at @x, the label cut short at @right; returns
 * where the next entry starts. */
static double
paint_legend_entry (WmPaintContext    *ctx,
                    const WmListEntry *entry,
                    double             x,
                    double             y,
                    double             right)
{
  WmColor fill = legend_color (entry);
  WmColor edge = wm_color_darken (&fill, 0.18);
  WmTextStyle style = wm_text_style (12);
  double label_width;

  style.wrap = FALSE;
  style.color = &wm_color_muted;
  wm_draw_box (ctx->cr, &(WmRect) { x + 0.5, y + 1.5, 13, 13 }, 2.5, &fill, &edge, 0.75);
  x += 20;
  wm_measure_text (ctx->options, entry->label, -1, &style, &label_width, NULL);
  label_width = MIN (label_width + 1, right - x);
  wm_draw_text (ctx->cr, ctx->options, entry->label,
                &(WmRect) { x, y, label_width, LEGEND_HEIGHT }, &style);
  return x + label_width + 28;
}

static void
paint_legend (WmPaintContext *ctx,
              double          width,
              double          height)
{
  GPtrArray *legend = wm_diagram_get_list (ctx->diagram, "legend");
  double x = 0;

  for (guint i = 0; legend != NULL && i < legend->len && x + 40 < width; i++)
    x = paint_legend_entry (ctx, g_ptr_array_index (legend, i), x, height + LEGEND_GAP, width);
}

/* The painter */

static void
get_extent (WmDiagram *diagram,
            WmRect    *extent)
{
  double width, height;

  canvas_size (diagram, &width, &height);
  if (has_legend (diagram))
    height += LEGEND_GAP + LEGEND_HEIGHT;
  /* Half a line width beyond the canvas for its outer border. */
  *extent = (WmRect) { -0.5, HEADER_TOP, width + 1, height + 0.5 - HEADER_TOP };
}

static void
paint_background (WmPaintContext *ctx)
{
  double width, height;

  canvas_size (ctx->diagram, &width, &height);
  paint_blocks (ctx, width, height);
  if (!ctx->detail)
    return;
  paint_header (ctx, width);
  paint_legend (ctx, width, height);
}

static void
paint_item (WmPaintContext *ctx,
            const WmItem   *item)
{
  WmColor fill = { 1, 0.957, 0.639, 1 };  /* the notation's default, #fff4a3 */

  if (!wm_item_is_node (item))
    return;
  wm_color_parse (wm_item_get_string (item, "color"), &fill);
  if (ctx->detail)
    {
      wm_draw_sticky_note (ctx->cr, ctx->options, &item->bounds, &fill, item->text,
                           NOTE_TEXT_SIZE);
      return;
    }
  /* Far out, a plain rectangle in the note's colour is all the eye can use. */
  wm_draw_box (ctx->cr, &item->bounds, 0, &fill, NULL, 0);
}

static void
item_extent (WmDiagram    *diagram,
             const WmItem *item,
             WmRect       *extent)
{
  const WmRect *b = &item->bounds;

  if (!wm_item_is_node (item))
    {
      *extent = (WmRect) { 0, 0, 0, 0 };
      return;
    }
  *extent = (WmRect) { b->x - NOTE_INK_LEFT, b->y - NOTE_INK_LEFT,
                       b->width + NOTE_INK_LEFT + NOTE_INK_RIGHT,
                       b->height + NOTE_INK_LEFT + NOTE_INK_BOTTOM };
}

const WmPainter _wm_painter_bmc = {
  .notation_id = "business-model-canvas",
  .get_extent = get_extent,
  .paint_background = paint_background,
  .paint_item = paint_item,
  .item_extent = item_extent,
};
