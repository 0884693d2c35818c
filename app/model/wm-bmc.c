/* wm-bmc.c — the geometry of the Business Model Canvas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the painter draws and the canvas hit-tests lives here, so that
 * both agree: the nine blocks, the header fields above the canvas, the legend
 * slots below it and the flow of the notes inside their blocks.
 */
#define G_LOG_DOMAIN "wm-bmc"

#include "config.h"

#include <string.h>

#include "wm-bmc.h"

static const char *const block_ids[WM_BMC_N_BLOCKS] = {
  "key-partners", "key-activities", "key-resources", "value-propositions",
  "customer-relationships", "channels", "customer-segments", "cost-structure",
  "revenue-streams",
};

/* Each block as column span and vertical span, in fifths of the width and in
 * eighths of the height: the top band is six eighths, split in half for the
 * stacked blocks; the bottom band is the remaining two. */
static const struct { double col, cols, row, rows; } block_spans[WM_BMC_N_BLOCKS] = {
  [WM_BMC_KEY_PARTNERS] = { 0, 1, 0, 6 },
  [WM_BMC_KEY_ACTIVITIES] = { 1, 1, 0, 3 },
  [WM_BMC_KEY_RESOURCES] = { 1, 1, 3, 3 },
  [WM_BMC_VALUE_PROPOSITIONS] = { 2, 1, 0, 6 },
  [WM_BMC_CUSTOMER_RELATIONSHIPS] = { 3, 1, 0, 3 },
  [WM_BMC_CHANNELS] = { 3, 1, 3, 3 },
  [WM_BMC_CUSTOMER_SEGMENTS] = { 4, 1, 0, 6 },
  [WM_BMC_COST_STRUCTURE] = { 0, 2.5, 6, 2 },
  [WM_BMC_REVENUE_STREAMS] = { 2.5, 2.5, 6, 2 },
};

/* The header fields and where each starts, as a fraction of the canvas
 * width: the long texts (whom the canvas is for, who made it) get the most. */
static const struct { const char *field; double start; } header_fields[WM_BMC_N_HEADER_FIELDS] = {
  { WM_BMC_DESIGNED_FOR, 0 },
  { WM_BMC_DESIGNED_BY, 0.36 },
  { WM_BMC_DATE, 0.72 },
  { WM_BMC_VERSION, 0.86 },
};

/* Between one header field's rule and the next field. */
#define HEADER_SPACING 24.0

const char *
wm_bmc_block_id (WmBmcBlock block)
{
  g_return_val_if_fail (block < WM_BMC_N_BLOCKS, NULL);
  return block_ids[block];
}

WmBmcBlock
wm_bmc_block_from_id (const char *id)
{
  for (guint i = 0; i < WM_BMC_N_BLOCKS; i++)
    if (g_strcmp0 (block_ids[i], id) == 0)
      return i;
  return WM_BMC_N_BLOCKS;
}

void
wm_bmc_block_rect (WmBmcBlock block,
                   double     width,
                   double     height,
                   WmRect    *rect)
{
  double col = width / 5, row = height / 8;

  g_return_if_fail (block < WM_BMC_N_BLOCKS);

  rect->x = block_spans[block].col * col;
  rect->y = block_spans[block].row * row;
  rect->width = block_spans[block].cols * col;
  rect->height = block_spans[block].rows * row;
}

void
wm_bmc_content_rect (WmBmcBlock block,
                     double     width,
                     double     height,
                     WmRect    *rect)
{
  WmRect b;

  g_return_if_fail (block < WM_BMC_N_BLOCKS);

  wm_bmc_block_rect (block, width, height, &b);
  *rect = (WmRect) { b.x + WM_BMC_BLOCK_PAD, b.y + WM_BMC_CONTENT_TOP,
                     MAX (b.width - 2 * WM_BMC_BLOCK_PAD, 0),
                     MAX (b.height - WM_BMC_CONTENT_TOP - WM_BMC_BLOCK_PAD, 0) };
}

WmBmcBlock
wm_bmc_block_at (double width,
                 double height,
                 double x,
                 double y)
{
  for (guint i = 0; i < WM_BMC_N_BLOCKS; i++)
    {
      WmRect rect;

      wm_bmc_block_rect (i, width, height, &rect);
      /* Half-open rectangles, so a point on a shared edge belongs to one block. */
      if (x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height)
        return i;
    }
  return WM_BMC_N_BLOCKS;
}

void
wm_bmc_canvas_size (WmDiagram *diagram,
                    double    *width,
                    double    *height)
{
  g_return_if_fail (WM_IS_DIAGRAM (diagram));

  *width = wm_diagram_get_number (diagram, WM_FIELD_WIDTH);
  *height = wm_diagram_get_number (diagram, WM_FIELD_HEIGHT);
}

/* The header */

const char *
wm_bmc_header_field (guint   index,
                     double  width,
                     WmRect *rect)
{
  double x, end;

  g_return_val_if_fail (index < WM_BMC_N_HEADER_FIELDS, NULL);

  x = header_fields[index].start * width;
  end = index + 1 < WM_BMC_N_HEADER_FIELDS ? header_fields[index + 1].start * width - HEADER_SPACING
                                           : width;
  if (rect != NULL)
    *rect = (WmRect) { x, WM_BMC_HEADER_TOP, MAX (end - x, 0),
                       WM_BMC_HEADER_RULE - WM_BMC_HEADER_TOP };
  return header_fields[index].field;
}

const char *
wm_bmc_header_field_at (double  width,
                        double  x,
                        double  y,
                        WmRect *rect)
{
  for (guint i = 0; i < WM_BMC_N_HEADER_FIELDS; i++)
    {
      WmRect r;
      const char *field = wm_bmc_header_field (i, width, &r);

      if (wm_rect_contains (&r, x, y))
        {
          if (rect != NULL)
            *rect = r;
          return field;
        }
    }
  return NULL;
}

/* The legend */

static guint
legend_columns (double width)
{
  return MAX ((guint) (width / WM_BMC_LEGEND_SLOT_WIDTH), 1);
}

static guint
legend_length (WmDiagram *diagram)
{
  GPtrArray *legend = wm_diagram_get_list (diagram, WM_BMC_LEGEND);

  return legend != NULL ? legend->len : 0;
}

guint
wm_bmc_legend_n_rows (WmDiagram *diagram)
{
  double width, height;
  guint columns;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), 0);

  wm_bmc_canvas_size (diagram, &width, &height);
  columns = legend_columns (width);
  return (legend_length (diagram) + columns - 1) / columns;
}

gboolean
wm_bmc_legend_entry_rect (WmDiagram *diagram,
                          guint      index,
                          WmRect    *rect)
{
  double width, height;
  guint columns;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (index >= legend_length (diagram))
    return FALSE;
  wm_bmc_canvas_size (diagram, &width, &height);
  columns = legend_columns (width);
  *rect = (WmRect) { (index % columns) * WM_BMC_LEGEND_SLOT_WIDTH,
                     height + WM_BMC_LEGEND_GAP + (index / columns) * WM_BMC_LEGEND_ROW,
                     MIN (WM_BMC_LEGEND_SLOT_WIDTH, width), WM_BMC_LEGEND_ROW };
  return TRUE;
}

const WmListEntry *
wm_bmc_legend_entry_at (WmDiagram *diagram,
                        double     x,
                        double     y,
                        guint     *index)
{
  GPtrArray *legend;
  double width, height;
  guint columns, column, row, i;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), NULL);

  legend = wm_diagram_get_list (diagram, WM_BMC_LEGEND);
  wm_bmc_canvas_size (diagram, &width, &height);
  y -= height + WM_BMC_LEGEND_GAP;
  if (legend == NULL || x < 0 || y < 0)
    return NULL;
  columns = legend_columns (width);
  column = (guint) (x / WM_BMC_LEGEND_SLOT_WIDTH);
  row = (guint) (y / WM_BMC_LEGEND_ROW);
  i = row * columns + column;
  /* Past the last column a point belongs to no slot, even on a narrow
   * canvas whose one slot is cut to its width. */
  if (column >= columns || x >= width || i >= legend->len)
    return NULL;
  if (index != NULL)
    *index = i;
  return g_ptr_array_index (legend, i);
}
