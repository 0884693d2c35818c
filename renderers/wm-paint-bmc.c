/* wm-paint-bmc.c — the Business Model Canvas painter
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The nine blocks sit in the canonical layout of wm_bmc_block_rect(), each
 * with its title, a small line icon and the faint guiding question of the
 * Strategyzer canvas; the header fields stand in a band above the canvas and
 * the colour legend in rows below it. Notes are the shared sticky notes of
 * boards (wm-paint-board.c), where wm_board_layout_new() puts them: flowing
 * in their block, or where the analyst placed them freely. All the measures
 * come from wm-bmc.h, so that the canvas hit-tests what is painted.
 */
#define G_LOG_DOMAIN "wm-paint-bmc"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-painter-private.h"

/* Inside a block: the title and the question must fit above
 * WM_BMC_CONTENT_TOP, where the first row of notes flows. */
#define BLOCK_PAD WM_BMC_BLOCK_PAD
#define TITLE_TOP WM_BMC_TITLE_TOP
#define TITLE_SIZE WM_BMC_TITLE_SIZE
#define QUESTION_TOP WM_BMC_QUESTION_TOP
#define QUESTION_SIZE WM_BMC_QUESTION_SIZE
#define ICON_SIZE 18.0

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

/* The labels of the header fields, in the order of wm_bmc_header_field(). */
static const char *const header_labels[WM_BMC_N_HEADER_FIELDS] = {
  N_("Designed for"), N_("Designed by"), N_("Date"), N_("Version"),
};

static void
canvas_size (WmDiagram *diagram,
             double    *width,
             double    *height)
{
  wm_bmc_canvas_size (diagram, width, height);
}

/* Blocks */

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
    wm_draw_line_icon (ctx->cr, info->icon, block->x + block->width - BLOCK_PAD - ICON_SIZE,
                       block->y + TITLE_TOP + 0.5, ICON_SIZE, &wm_color_muted);
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
paint_blocks (WmPaintContext     *ctx,
              const WmBoardNotes *notes,
              double              width,
              double              height)
{
  for (WmBmcBlock b = 0; b < WM_BMC_N_BLOCKS; b++)
    {
      WmRect block;

      wm_bmc_block_rect (b, width, height, &block);
      if (ctx->options->visible.width > 0 && !wm_rect_intersects (&block, &ctx->options->visible))
        continue;
      wm_draw_box (ctx->cr, &block, 0, NULL, &wm_color_faint, 1);
      /* A block whose notes do not fit says so along its bottom edge, where
       * the notes that run past it leave. */
      if (wm_board_layout_overflows (notes->layout, b))
        _wm_board_paint_overflow (ctx, &block);
      if (!ctx->detail)
        continue;
      paint_block_title (ctx, &blocks[b], &block);
      paint_block_question (ctx, &blocks[b], &block);
    }
}

/* The header band */

static void
paint_header_field (WmPaintContext *ctx,
                    guint           index,
                    double          canvas_width)
{
  WmRect rect;
  const char *field = wm_bmc_header_field (index, canvas_width, &rect);
  g_autofree char *label = g_utf8_strup (_(header_labels[index]), -1);
  const char *value = wm_diagram_get_string (ctx->diagram, field);
  WmTextStyle label_style = wm_text_style (10);
  WmTextStyle value_style = wm_text_style (14);
  double x = rect.x, width = rect.width;
  WmPoint rule[2] = { { x, WM_BMC_HEADER_RULE }, { x + width, WM_BMC_HEADER_RULE } };

  label_style.weight = PANGO_WEIGHT_SEMIBOLD;
  label_style.wrap = FALSE;
  label_style.color = &wm_color_muted;
  value_style.wrap = FALSE;
  wm_draw_text (ctx->cr, ctx->options, label,
                &(WmRect) { x, WM_BMC_HEADER_TOP, width, 14 }, &label_style);
  if (!wm_str_is_blank (value))
    wm_draw_text (ctx->cr, ctx->options, value,
                  &(WmRect) { x, WM_BMC_HEADER_VALUE_TOP, width, 20 }, &value_style);
  wm_draw_polyline (ctx->cr, rule, 2, 1, WM_LINE_SOLID, &wm_color_faint);
}

static void
paint_header (WmPaintContext *ctx,
              double          width)
{
  for (guint i = 0; i < WM_BMC_N_HEADER_FIELDS; i++)
    paint_header_field (ctx, i, width);
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

/* One swatch and its label in the entry's slot, the label cut short at the
 * slot's end less a gap to the next one. */
static void
paint_legend_entry (WmPaintContext    *ctx,
                    const WmListEntry *entry,
                    const WmRect      *slot)
{
  WmColor fill = legend_color (entry);
  WmColor edge = wm_color_darken (&fill, 0.18);
  WmTextStyle style = wm_text_style (12);
  double swatch = WM_BMC_LEGEND_SWATCH;
  double y = slot->y + (slot->height - swatch) / 2;
  double x = slot->x + swatch + 8;

  style.wrap = FALSE;
  style.color = &wm_color_muted;
  wm_draw_box (ctx->cr, &(WmRect) { slot->x + 0.5, y, swatch - 1, swatch - 1 }, 2.5,
               &fill, &edge, 0.75);
  wm_draw_text (ctx->cr, ctx->options, entry->label,
                &(WmRect) { x, slot->y + (slot->height - 16) / 2,
                            MAX (slot->x + slot->width - 16 - x, 0), 16 }, &style);
}

static void
paint_legend (WmPaintContext *ctx)
{
  GPtrArray *legend = wm_diagram_get_list (ctx->diagram, WM_BMC_LEGEND);

  for (guint i = 0; legend != NULL && i < legend->len; i++)
    {
      WmRect slot;

      wm_bmc_legend_entry_rect (ctx->diagram, i, &slot);
      paint_legend_entry (ctx, g_ptr_array_index (legend, i), &slot);
    }
}

/* The painter */

static void
get_extent (WmDiagram *diagram,
            WmRect    *extent)
{
  double width, height;

  guint rows = wm_bmc_legend_n_rows (diagram);

  canvas_size (diagram, &width, &height);
  if (rows > 0)
    height += WM_BMC_LEGEND_GAP + rows * WM_BMC_LEGEND_ROW;
  /* Half a line width beyond the canvas for its outer border. */
  *extent = (WmRect) { -0.5, WM_BMC_HEADER_TOP, width + 1, height + 0.5 - WM_BMC_HEADER_TOP };
}

static gpointer
new_data (WmDiagram *diagram)
{
  return wm_board_notes_get (diagram);
}

static void
paint_background (WmPaintContext *ctx)
{
  WmBoardNotes *notes = new_data (ctx->diagram);
  double width, height;

  ctx->painter_data = notes;
  canvas_size (ctx->diagram, &width, &height);
  paint_blocks (ctx, notes, width, height);
  if (!ctx->detail)
    return;
  paint_header (ctx, width);
  paint_legend (ctx);
}

static void
paint_item (WmPaintContext *ctx,
            const WmItem   *item)
{
  /* The paint's layout; a caller that paints an item alone gets its own. */
  g_autoptr(WmBoardNotes) own = ctx->painter_data == NULL ? wm_board_notes_get (ctx->diagram)
                                                          : NULL;

  if (wm_item_is_node (item))
    _wm_board_paint_note (ctx, own != NULL ? own : ctx->painter_data, item);
}

const WmPainter _wm_painter_bmc = {
  .notation_id = "business-model-canvas",
  .get_extent = get_extent,
  .paint_background = paint_background,
  .paint_item = paint_item,
  .item_extent = _wm_board_item_extent,
  .item_bounds = _wm_board_item_bounds,
  .node_rect = _wm_board_node_rect,
  .new_data = new_data,
  .free_data = wm_board_notes_unref,
  .places_nodes = TRUE,
};
