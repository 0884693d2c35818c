/* wm-paint-board.c — the notes of the notations that are boards
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the painters of boards (wm-board.h: the Business Model Canvas, the
 * Value Proposition Canvas) share: the layout of the notes, kept on the
 * diagram until its next change (wm_diagram_keep_derived()), so that
 * item_extent, which comes without a paint and for every item, costs no
 * O(n) each, and what is painted and what is measured agree; the sticky notes where that layout
 * puts them; and the mark of an area whose notes run past it. Each painter
 * draws its own background around them.
 */
#define G_LOG_DOMAIN "wm-paint-board"

#include "config.h"

#include "wm-painter-private.h"

#define NOTE_TEXT_SIZE 12.0

/* The layout, kept on the diagram */

static void
board_notes_clear (gpointer data)
{
  WmBoardNotes *notes = data;

  wm_board_layout_free (notes->layout);
}

void
wm_board_notes_unref (gpointer notes)
{
  g_atomic_rc_box_release_full (notes, board_notes_clear);
}

static gpointer
board_notes_new (WmDiagram *diagram)
{
  WmBoardNotes *notes = g_atomic_rc_box_new0 (WmBoardNotes);

  notes->layout = wm_board_layout_new (diagram);
  return notes;
}

const WmBoardLayout *
wm_board_notes_get_layout (const WmBoardNotes *notes)
{
  g_return_val_if_fail (notes != NULL, NULL);

  return notes->layout;
}

WmBoardNotes *
wm_board_notes_get (WmDiagram *diagram)
{
  g_return_val_if_fail (wm_board_get (diagram) != NULL, NULL);

  return _wm_painter_cached (diagram, "wm-paint-board-layout", board_notes_new,
                             board_notes_clear);
}

/* Notes */

void
_wm_board_paint_note (WmPaintContext     *ctx,
                      const WmBoardNotes *notes,
                      const WmItem       *note)
{
  WmColor fill = { 1, 0.957, 0.639, 1 };  /* #fff4a3, for a colour that does not parse */
  WmRect rect;

  g_assert (wm_item_is_node (note));

  wm_board_layout_item_rect (notes->layout, note, &rect);
  if (wm_item_has_prop (note, WM_FIELD_COLOR))
    wm_color_parse (wm_item_get_string (note, WM_FIELD_COLOR), &fill);
  if (ctx->detail)
    {
      wm_draw_sticky_note (ctx->cr, ctx->options, &rect, &fill, note->text, NOTE_TEXT_SIZE);
      return;
    }
  /* Far out, a plain rectangle in the note's colour is all the eye can use. */
  wm_draw_box (ctx->cr, &rect, 0, &fill, NULL, 0);
}

void
_wm_board_item_extent (WmDiagram    *diagram,
                       const WmItem *item,
                       WmRect       *extent)
{
  g_autoptr(WmBoardNotes) notes = NULL;
  WmRect rect;

  if (!wm_item_is_node (item))
    {
      *extent = (WmRect) { 0, 0, 0, 0 };
      return;
    }
  notes = wm_board_notes_get (diagram);
  wm_board_layout_item_rect (notes->layout, item, &rect);
  wm_sticky_note_ink (&rect, extent);
}

/* The notes' ink, for culling; links are always candidates. */
void
_wm_board_item_bounds (WmDiagram *diagram,
                       WmRect    *bounds)
{
  g_autoptr(WmBoardNotes) notes = wm_board_notes_get (diagram);
  guint n = wm_diagram_get_n_items (diagram);

  for (guint i = 0; i < n; i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      WmRect rect;

      bounds[i] = (WmRect) { 0, 0, -1, -1 };
      if (wm_item_is_node (item))
        {
          wm_board_layout_item_rect (notes->layout, item, &rect);
          wm_sticky_note_ink (&rect, &bounds[i]);
        }
    }
}

void
_wm_board_node_rect (WmDiagram    *diagram,
                     const WmItem *node,
                     WmRect       *rect)
{
  g_autoptr(WmBoardNotes) notes = wm_board_notes_get (diagram);

  wm_board_layout_item_rect (notes->layout, node, rect);
}

/* Areas */

WmColor
_wm_board_overflow_color (void)
{
  WmColor bad = wm_color_bad;

  bad.alpha = 0.8;
  return bad;
}

void
_wm_board_paint_overflow (WmPaintContext *ctx,
                          const WmRect   *area)
{
  WmColor color = _wm_board_overflow_color ();

  wm_draw_box (ctx->cr,
               &(WmRect) { area->x + 1, area->y + area->height - 1 - WM_BOARD_OVERFLOW_WIDTH,
                           area->width - 2, WM_BOARD_OVERFLOW_WIDTH }, 0, &color, NULL, 0);
}
