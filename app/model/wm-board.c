/* wm-board.c — notes filed in the fixed areas of a board
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The flow of sticky notes shared by the notations that are boards (the
 * Business Model Canvas, the Value Proposition Canvas): which area a note is
 * filed in, and where it goes in that area's rows.
 */
#define G_LOG_DOMAIN "wm-board"

#include "config.h"

#include <math.h>

#include "wm-board.h"

const WmBoard *
wm_board_get (WmDiagram *diagram)
{
  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), NULL);

  return wm_diagram_get_notation (diagram)->board;
}

guint
wm_board_area_from_id (const WmBoard *board,
                       const char    *id)
{
  g_return_val_if_fail (board != NULL, 0);

  for (guint i = 0; i < board->n_areas; i++)
    if (g_strcmp0 (board->areas[i].id, id) == 0)
      return i;
  return board->n_areas;
}

guint
wm_board_area_of (const WmBoard *board,
                  const WmItem  *note)
{
  g_return_val_if_fail (board != NULL && note != NULL, 0);

  if (!wm_item_is_node (note))
    return board->n_areas;
  if (board->area_prop != NULL)
    {
      if (!wm_item_has_prop (note, board->area_prop))
        return board->n_areas;
      return wm_board_area_from_id (board, wm_item_get_choice (note, board->area_prop));
    }
  for (guint i = 0; i < board->n_areas; i++)
    if (g_strcmp0 (board->areas[i].note_type, note->type->id) == 0)
      return i;
  return board->n_areas;
}

guint
wm_board_area_at (const WmBoard *board,
                  WmDiagram     *diagram,
                  double         x,
                  double         y)
{
  g_return_val_if_fail (board != NULL && WM_IS_DIAGRAM (diagram), 0);

  if (board->area_at != NULL)
    return board->area_at (diagram, x, y);
  for (guint i = 0; i < board->n_areas; i++)
    {
      WmRect rect;

      board->area_rect (diagram, i, &rect);
      /* Half-open rectangles, so a point on a shared edge belongs to one area. */
      if (x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height)
        return i;
    }
  return board->n_areas;
}

gboolean
wm_board_can_file (const WmBoard *board,
                   const WmItem  *note,
                   guint          area)
{
  g_return_val_if_fail (board != NULL && note != NULL, FALSE);

  if (area >= board->n_areas || !wm_item_is_node (note))
    return FALSE;
  if (board->area_prop != NULL)
    return wm_item_has_prop (note, board->area_prop);
  return g_strcmp0 (board->areas[area].note_type, note->type->id) == 0;
}

const WmItemType *
wm_board_note_type (const WmBoard *board,
                    WmDiagram     *diagram,
                    guint          area)
{
  const WmNotation *notation;

  g_return_val_if_fail (board != NULL && WM_IS_DIAGRAM (diagram), NULL);
  g_return_val_if_fail (area < board->n_areas, NULL);

  notation = wm_diagram_get_notation (diagram);
  if (board->areas[area].note_type != NULL)
    return wm_notation_lookup_type (notation, board->areas[area].note_type);
  return &notation->node_types[0];
}

void
wm_board_file_note (const WmBoard *board,
                    WmDiagram     *diagram,
                    const char    *note_id,
                    guint          area)
{
  g_return_if_fail (board != NULL && WM_IS_DIAGRAM (diagram) && note_id != NULL);
  g_return_if_fail (area < board->n_areas);

  if (board->area_prop != NULL)
    wm_diagram_set_property (diagram, note_id, board->area_prop, board->areas[area].id, NULL);
}

/* The flow of the notes */

struct _WmBoardLayout
{
  WmItem  **items;      /* the diagram's items in z-order when the layout was made */
  WmRect   *rects;      /* one per item: where it flows */
  gboolean *flows;      /* one per item: whether it flows (else it keeps its bounds) */
  guint     n_items;
  gboolean *overflows;  /* one per area */
  guint     n_areas;
};

/* A note waiting for its place in a row. */
typedef struct
{
  guint  index;
  double width;
  double height;
} Pending;

static void
flow_area (WmBoardLayout *self,
           guint          area,
           const WmRect  *content,
           GArray        *notes)
{
  double x = 0, y = 0, row_height = 0, widest = 0, shift;

  /* First pass: places relative to the content's top left corner. A note
   * wraps when it would cross the right edge, unless it is the first of its
   * row (then it is clamped to the width and has the row to itself). */
  for (guint i = 0; i < notes->len; i++)
    {
      Pending *note = &g_array_index (notes, Pending, i);

      if (x > 0 && x + WM_BOARD_GAP_X + note->width > content->width)
        {
          y += row_height + WM_BOARD_GAP_Y;
          x = 0;
          row_height = 0;
        }
      else if (x > 0)
        x += WM_BOARD_GAP_X;
      self->rects[note->index] = (WmRect) { x, y, note->width, note->height };
      x += note->width;
      row_height = MAX (row_height, note->height);
      widest = MAX (widest, x);
    }
  if (notes->len > 0 && y + row_height > content->height)
    self->overflows[area] = TRUE;

  /* Second pass: the rows as a whole centred on the area, on the half unit
   * (a round area's box has irrational sides, and the places are written
   * to the file). */
  shift = round ((content->x + (content->width - widest) / 2) * 2) / 2 - content->x;
  for (guint i = 0; i < notes->len; i++)
    {
      WmRect *rect = &self->rects[g_array_index (notes, Pending, i).index];

      rect->x += content->x + shift;
      rect->y += round (content->y * 2) / 2;
    }
}

static gboolean
is_pinned (const WmItem *item)
{
  return wm_item_has_prop (item, WM_FIELD_PINNED) && wm_item_get_boolean (item, WM_FIELD_PINNED);
}

WmBoardLayout *
wm_board_layout_new (WmDiagram *diagram)
{
  const WmBoard *board;
  WmBoardLayout *self;
  GArray **notes;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), NULL);
  board = wm_board_get (diagram);
  if (board == NULL)
    return NULL;

  self = g_new0 (WmBoardLayout, 1);
  self->n_items = wm_diagram_get_n_items (diagram);
  self->items = g_new (WmItem *, MAX (self->n_items, 1));
  self->rects = g_new0 (WmRect, MAX (self->n_items, 1));
  self->flows = g_new0 (gboolean, MAX (self->n_items, 1));
  self->n_areas = board->n_areas;
  self->overflows = g_new0 (gboolean, board->n_areas);
  notes = g_new (GArray *, board->n_areas);
  for (guint a = 0; a < board->n_areas; a++)
    notes[a] = g_array_new (FALSE, FALSE, sizeof (Pending));

  for (guint i = 0; i < self->n_items; i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      guint area;
      WmRect content;
      Pending note;

      self->items[i] = item;
      self->rects[i] = item->bounds;
      area = wm_board_area_of (board, item);
      if (area >= board->n_areas || is_pinned (item))
        continue;
      board->content_rect (diagram, area, &content);
      note.index = i;
      note.width = item->bounds.width > 0 ? item->bounds.width : item->type->width;
      note.height = item->bounds.height > 0 ? item->bounds.height : item->type->height;
      note.width = MIN (note.width, content.width);
      self->flows[i] = TRUE;
      g_array_append_val (notes[area], note);
    }

  for (guint a = 0; a < board->n_areas; a++)
    {
      WmRect content;

      board->content_rect (diagram, a, &content);
      flow_area (self, a, &content, notes[a]);
      g_array_unref (notes[a]);
    }
  g_free (notes);
  return self;
}

void
wm_board_layout_free (WmBoardLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->items);
  g_free (layout->rects);
  g_free (layout->flows);
  g_free (layout->overflows);
  g_free (layout);
}

gboolean
wm_board_layout_item_rect (const WmBoardLayout *layout,
                           const WmItem        *item,
                           WmRect              *rect)
{
  g_return_val_if_fail (layout != NULL && item != NULL && rect != NULL, FALSE);

  /* An item that is not where it was in the z-order is newer than the layout. */
  if (item->z >= layout->n_items || layout->items[item->z] != item || !layout->flows[item->z])
    {
      *rect = item->bounds;
      return FALSE;
    }
  *rect = layout->rects[item->z];
  return TRUE;
}

gboolean
wm_board_layout_overflows (const WmBoardLayout *layout,
                           guint                area)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (area < layout->n_areas, FALSE);

  return layout->overflows[area];
}
