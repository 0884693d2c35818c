/* wm-board.h — notations whose notes are filed in fixed areas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A board is a canvas of fixed areas (the Business Model Canvas's nine
 * blocks, the Value Proposition Canvas's six) in which sticky notes flow in
 * rows. A notation that is a board says so with a WmBoard: the painters and
 * the canvas then lay out, draw, drag and file its notes with the shared code
 * of wm-board.c, renderers/wm-paint-board.c and widgets/wm-canvas-board.c,
 * and only draw their own background.
 */
#pragma once

#include "wm-diagram.h"

G_BEGIN_DECLS

/* Between two notes of a row, and between two rows. */
#define WM_BOARD_GAP_X 24.0
#define WM_BOARD_GAP_Y 16.0

/* One area of a board. */
typedef struct
{
  const char *id;         /* file-format name: "value-propositions", "pains" */
  const char *label;      /* translatable, marked with N_(): "Pains" */
  /* The node type of the notes filed here when the board files notes by
   * type (a pain is a "pain" note); NULL when it files them by area_prop. */
  const char *note_type;
} WmBoardArea;

struct _WmBoard
{
  const WmBoardArea *areas;
  guint              n_areas;
  /* The notes' enum property that names their area ("block"), whose choices
   * are the areas' ids; NULL when each area holds the notes of its own type
   * (areas[].note_type), which cannot move to another area. */
  const char        *area_prop;
  /* The area's rectangle on @diagram (for a round area, its bounding box). */
  void             (*area_rect)    (WmDiagram *diagram,
                                    guint      area,
                                    WmRect    *rect);
  /* Where the area's notes flow: inside its padding, below its titles. */
  void             (*content_rect) (WmDiagram *diagram,
                                    guint      area,
                                    WmRect    *rect);
  /* The area under a point, or n_areas. May be NULL: the first area whose
   * half-open area_rect holds the point. */
  guint            (*area_at)      (WmDiagram *diagram,
                                    double     x,
                                    double     y);
};

/* @diagram's board, or NULL when its notation is not one. */
const WmBoard *wm_board_get       (WmDiagram     *diagram);
/* The area @note is filed in, or board->n_areas (a link, another type, an
 * unknown area). */
guint          wm_board_area_of   (const WmBoard *board,
                                   const WmItem  *note);
/* The area whose id is @id, or board->n_areas. */
guint          wm_board_area_from_id (const WmBoard *board,
                                      const char    *id);
guint          wm_board_area_at   (const WmBoard *board,
                                   WmDiagram     *diagram,
                                   double         x,
                                   double         y);
/* Whether @note may be filed in @area: always for a board that files by
 * area_prop, only in its own type's area for one that files by type. */
gboolean       wm_board_can_file  (const WmBoard *board,
                                   const WmItem  *note,
                                   guint          area);
/* The node type of a new note in @area. */
const WmItemType *wm_board_note_type (const WmBoard *board,
                                      WmDiagram     *diagram,
                                      guint          area);
/* Files the note in @area (sets area_prop; nothing to do for a board that
 * files by type). Call inside the gesture's undo group. */
void           wm_board_file_note (const WmBoard *board,
                                   WmDiagram     *diagram,
                                   const char    *note_id,
                                   guint          area);

/* A snapshot of where the notes of one diagram go, valid until its next edit. */
typedef struct _WmBoardLayout WmBoardLayout;

/* Lays out a board; NULL for other notations.
 *
 * The notes of an area that are not "pinned" flow in its content rectangle
 * in z-order: left to right, WM_BOARD_GAP_X apart, wrapping to a new row
 * WM_BOARD_GAP_Y below the tallest note of the row when the next would cross
 * the right edge. Each keeps its stored size (the type's default when it is
 * empty), no wider than the content rectangle. The rows, left-aligned with
 * one another, are centred as a whole on the area, so the widest row has
 * the same margin on both sides. Rows that run past the area's bottom are
 * still placed, below it (nothing the analyst wrote disappears), and the
 * area is marked as overflowing.
 *
 * Pinned notes ("Placed freely") and notes of no known area keep their
 * stored bounds and take no room in the flow. */
WmBoardLayout *wm_board_layout_new       (WmDiagram           *diagram);
void           wm_board_layout_free      (WmBoardLayout       *layout);
/* Where the layout puts @item: TRUE and its rectangle when it flows, FALSE
 * and its stored bounds otherwise (pinned notes, links, items added after
 * the layout was made). */
gboolean       wm_board_layout_item_rect (const WmBoardLayout *layout,
                                          const WmItem        *item,
                                          WmRect              *rect);
/* Whether the area's flowing notes run past its bottom. */
gboolean       wm_board_layout_overflows (const WmBoardLayout *layout,
                                          guint                area);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmBoardLayout, wm_board_layout_free)

G_END_DECLS
