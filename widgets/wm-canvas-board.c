/* wm-canvas-board.c — the canvas's behaviour for the notes of a board
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A board's areas are fixed regions, and its notes flow in the area they are
 * filed in (wm_board_layout_new()), so a drag does not move them as the
 * generic move drag would: it carries a ghost of the dragged notes and, on
 * the drop, files them in the area under the pointer, where they join the
 * flow, or, dropped in their own area, places them freely ("pinned") where
 * they were let go.
 *
 * Filed in another area, the notes go into its flow where they are let go:
 * before the note under or after the pointer, in reading order (the flow
 * follows the z-order, so they are restacked there); a caret shows the place
 * while the drag lasts. Dropped on or beside a flowing note of their own
 * area, they move in its flow the same way.
 *
 * A board that files notes by type (a pain lives in the pains) refuses a
 * drop in another area (wm_board_can_file()): while the pointer is there the
 * area shows no target and no caret, the ghosts are outlined in red and the
 * pointer says "not allowed"; let go there, the notes stay where they were.
 *
 * Each gesture that changes where notes flow (a drop, a new note, a resize,
 * "Tidy") also writes the flowing notes' places back into their bounds, in
 * the same undo step. The flow does not
 * read the position of the bounds (only their size), so this changes nothing
 * on the canvas, but the resize handles, the ends of links, the inspector
 * and other programs reading the file then see the notes where they are drawn.
 *
 * A double-click in an area's empty space makes a note of the area's type
 * there and opens its text for typing. The context menu colours notes, adds
 * a note and tidies an area (its freely placed notes join the flow again).
 *
 * A notation whose board needs nothing more uses _wm_canvas_behavior_board;
 * one with a behaviour of its own (the Business Model Canvas) composes the
 * _wm_canvas_board_*() functions. The drag's state is self->board_drag, so
 * that such a behaviour keeps self->behavior_data to itself.
 */
#define G_LOG_DOMAIN "wm-canvas"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wm-canvas-private.h"
#include "wm-draw.h"
#include "wm-render.h"

/* The palette the context menu offers: light, clearly different sticky-note
 * colours that keep black text readable. The first is the default of the
 * Business Model Canvas's notes. */
static const struct { const char *color; const char *name; } palette[] = {
  { "#fff4a3", N_("Yellow") },
  { "#ffd6a5", N_("Orange") },
  { "#a0c4ff", N_("Blue") },
  { "#caffbf", N_("Green") },
  { "#ffc6ff", N_("Pink") },
  { "#bdb2ff", N_("Lavender") },
};

/* The size of a note's text, as the painters draw it. */
#define NOTE_TEXT_SIZE 12.0

typedef struct
{
  WmRect  rect;       /* where the note was drawn when the drag began */
  WmColor fill;
  char   *text;
} Ghost;

struct _WmCanvasBoardDrag
{
  GStrv                ids;        /* the notes dragged */
  GArray              *ghosts;     /* one Ghost per id */
  WmBoardNotes        *notes;      /* the flow when the drag began, for the caret: */
  const WmBoardLayout *layout;     /* the painter's, shared, not laid out again */
  double               grab_x;     /* where the drag began, in document units */
  double               grab_y;
  double               pointer_x;  /* where the pointer is now */
  double               pointer_y;
  gboolean             refused;    /* the area under the pointer refuses the notes */
};

/* What a drop in an area does. */
typedef enum
{
  DROP_NONE,       /* outside every area: nothing */
  DROP_REFUSED,    /* the area cannot take some of the notes: nothing */
  DROP_FILE,       /* another area takes the notes into its flow */
  DROP_OWN,        /* their own area: placed freely, or moved in its flow */
} DropKind;

static const WmBoard *
board_of (WmCanvas *self)
{
  return self->diagram != NULL ? wm_board_get (self->diagram) : NULL;
}

/* A note of the board: a node filed in one of its areas. */
static gboolean
is_note (const WmBoard *board,
         const WmItem  *item)
{
  return item != NULL && wm_board_area_of (board, item) < board->n_areas;
}

static gboolean
is_pinned (const WmItem *item)
{
  return wm_item_has_prop (item, WM_FIELD_PINNED) && wm_item_get_boolean (item, WM_FIELD_PINNED);
}

static void
select_only (WmCanvas   *self,
             const char *id)
{
  const char *ids[] = { id, NULL };

  wm_canvas_select (self, ids);
}

static void
clear_ghost (gpointer data)
{
  g_free (((Ghost *) data)->text);
}

static void
drag_free (WmCanvasBoardDrag *drag)
{
  g_strfreev (drag->ids);
  g_clear_pointer (&drag->ghosts, g_array_unref);
  g_clear_pointer (&drag->notes, wm_board_notes_unref);
  g_free (drag);
}

void
_wm_canvas_board_detach (WmCanvas *self)
{
  g_clear_pointer (&self->board_drag, drag_free);
}

/* Writes where the flowing notes of the areas marked in @areas (one flag
 * per area) are drawn into their bounds; see the top of the file. Call
 * inside the gesture's undo group: the layout is made afresh from the model
 * as the group has left it. */
static void
sync_bounds (WmCanvas       *self,
             const WmBoard  *board,
             const gboolean *areas)
{
  g_autoptr(WmBoardLayout) layout = wm_board_layout_new (self->diagram);

  for (guint i = 0; layout != NULL && i < wm_diagram_get_n_items (self->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (self->diagram, i);
      guint area = wm_board_area_of (board, item);
      WmRect rect;

      if (area >= board->n_areas || !areas[area] ||
          !wm_board_layout_item_rect (layout, item, &rect))
        continue;
      if (memcmp (&rect, &item->bounds, sizeof rect) != 0)
        wm_diagram_set_bounds (self->diagram, item->id, &rect);
    }
}

static void
sync_area (WmCanvas      *self,
           const WmBoard *board,
           guint          area)
{
  g_autofree gboolean *areas = g_new0 (gboolean, board->n_areas);

  areas[area] = TRUE;
  sync_bounds (self, board, areas);
}

/* Creating notes */

WmItem *
_wm_canvas_board_add_note_at (WmCanvas *self,
                              double    x,
                              double    y)
{
  const WmBoard *board = board_of (self);
  g_autoptr(GError) error = NULL;
  const WmItemType *type;
  WmProject *project;
  WmRect bounds;
  WmItem *item;
  guint area;

  if (board == NULL || !_wm_canvas_is_writable (self))
    return NULL;
  area = wm_board_area_at (board, self->diagram, x, y);
  project = wm_diagram_get_project (self->diagram);
  type = area < board->n_areas ? wm_board_note_type (board, self->diagram, area) : NULL;
  if (type == NULL || project == NULL)
    return NULL;
  bounds = (WmRect) { x - type->width / 2, y - type->height / 2, type->width, type->height };
  _wm_canvas_break_merge (self);
  wm_project_begin_group (project, _("Add Note"));
  /* Empty: the analyst types its text in the editor that opens on it. */
  item = wm_diagram_add_node (self->diagram, type->id, &bounds, "", &error);
  if (item != NULL)
    {
      wm_board_file_note (board, self->diagram, item->id, area);
      sync_area (self, board, area);
    }
  wm_project_end_group (project);
  if (item == NULL)
    {
      g_debug ("Cannot create a note: %s", error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return NULL;
    }
  select_only (self, item->id);
  _wm_canvas_begin_edit (self, item->id);
  return item;
}

/* A note made by the palette or a tool is filed in the area under its
 * centre when it may be (else it stays in its own type's area), and takes
 * its place in that area's flow. */
void
_wm_canvas_board_created (WmCanvas *self,
                          WmItem   *item)
{
  const WmBoard *board = board_of (self);
  WmProject *project = self->diagram != NULL ? wm_diagram_get_project (self->diagram) : NULL;
  g_autofree char *id = NULL;
  guint area;

  if (board == NULL || project == NULL || !is_note (board, item))
    return;
  area = wm_board_area_at (board, self->diagram, item->bounds.x + item->bounds.width / 2,
                           item->bounds.y + item->bounds.height / 2);
  if (area >= board->n_areas)
    return;
  id = g_strdup (item->id);
  wm_project_begin_joined_group (project, NULL);
  if (wm_board_area_of (board, item) != area && wm_board_can_file (board, item, area))
    wm_board_file_note (board, self->diagram, id, area);
  sync_area (self, board, wm_board_area_of (board, wm_diagram_lookup (self->diagram, id)));
  wm_project_end_group (project);
}

/* A note resized with its handle changes where the notes after it flow:
 * their bounds follow, in the resize's undo step. */
void
_wm_canvas_board_moved (WmCanvas          *self,
                        const char *const *ids)
{
  const WmBoard *board = board_of (self);
  WmProject *project = self->diagram != NULL ? wm_diagram_get_project (self->diagram) : NULL;
  g_autofree gboolean *touched = NULL;
  gboolean any = FALSE;

  if (board == NULL || project == NULL)
    return;
  touched = g_new0 (gboolean, board->n_areas);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      WmItem *item = wm_diagram_lookup (self->diagram, ids[i]);
      guint area = item != NULL ? wm_board_area_of (board, item) : board->n_areas;

      if (area < board->n_areas)
        any = touched[area] = TRUE;
    }
  if (!any)
    return;
  wm_project_begin_joined_group (project, NULL);
  sync_bounds (self, board, touched);
  wm_project_end_group (project);
}

gboolean
_wm_canvas_board_activate (WmCanvas *self,
                           WmItem   *item,
                           double    x,
                           double    y)
{
  /* A note's or a link's text is edited in place by the canvas. */
  if (item != NULL)
    return FALSE;
  return _wm_canvas_board_add_note_at (self, x, y) != NULL;
}

/* Dragging notes */

/* The selection's notes when @item is selected, else @item alone. */
static GStrv
dragged_ids (WmCanvas      *self,
             const WmBoard *board,
             WmItem        *item)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  if (_wm_canvas_is_selected (self, item->id))
    {
      const char *const *selection = _wm_canvas_get_selection_ids (self);

      for (guint i = 0; selection[i] != NULL; i++)
        if (is_note (board, wm_diagram_lookup (self->diagram, selection[i])))
          g_strv_builder_add (ids, selection[i]);
    }
  else
    g_strv_builder_add (ids, item->id);
  return g_strv_builder_end (ids);
}

static GArray *
make_ghosts (WmCanvas          *self,
             WmCanvasBoardDrag *drag)
{
  GArray *ghosts = g_array_new (FALSE, FALSE, sizeof (Ghost));

  g_array_set_clear_func (ghosts, clear_ghost);
  for (guint i = 0; drag->ids[i] != NULL; i++)
    {
      WmItem *note = wm_diagram_lookup (self->diagram, drag->ids[i]);
      Ghost ghost = { .fill = { 1, 0.957, 0.639, 1 }, .text = g_strdup (note->text) };

      wm_board_layout_item_rect (drag->layout, note, &ghost.rect);
      if (wm_item_has_prop (note, WM_FIELD_COLOR))
        wm_color_parse (wm_item_get_string (note, WM_FIELD_COLOR), &ghost.fill);
      g_array_append_val (ghosts, ghost);
    }
  return ghosts;
}

gboolean
_wm_canvas_board_drag_begin (WmCanvas *self,
                             WmItem   *item,
                             double    x,
                             double    y)
{
  const WmBoard *board = board_of (self);
  WmCanvasBoardDrag *drag;

  if (board == NULL || !is_note (board, item))
    return FALSE;
  _wm_canvas_board_detach (self);
  drag = g_new0 (WmCanvasBoardDrag, 1);
  drag->ids = dragged_ids (self, board, item);
  drag->notes = wm_board_notes_get (self->diagram);
  drag->layout = wm_board_notes_get_layout (drag->notes);
  drag->ghosts = make_ghosts (self, drag);
  drag->grab_x = drag->pointer_x = x;
  drag->grab_y = drag->pointer_y = y;
  self->board_drag = drag;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  return TRUE;
}

static gboolean
is_dragged (const WmCanvasBoardDrag *drag,
            const char              *id)
{
  return g_strv_contains ((const char *const *) drag->ids, id);
}

/* What dropping the notes in @area does: refused when one of them lies in
 * another area that it may not be filed in. */
static DropKind
drop_kind (WmCanvas                *self,
           const WmBoard           *board,
           const WmCanvasBoardDrag *drag,
           guint                    area)
{
  gboolean foreign = FALSE;

  if (area >= board->n_areas)
    return DROP_NONE;
  for (guint i = 0; drag->ids[i] != NULL; i++)
    {
      WmItem *note = wm_diagram_lookup (self->diagram, drag->ids[i]);

      if (note == NULL || wm_board_area_of (board, note) == area)
        continue;
      if (!wm_board_can_file (board, note, area))
        return DROP_REFUSED;
      foreign = TRUE;
    }
  return foreign ? DROP_FILE : DROP_OWN;
}

/* Where notes dropped at (x, y) in @area go in its flow: before the
 * returned note (NULL: after all of them), the first of the area's flowing
 * notes, in flow order, that lies after the point in reading order (a row
 * below it, or in its row and right of its middle). The notes being dragged
 * do not count. @last receives the rectangle of the area's last flowing
 * note, or an empty one when there is none. */
static WmItem *
find_anchor (WmCanvas                *self,
             const WmBoard           *board,
             const WmCanvasBoardDrag *drag,
             const WmBoardLayout     *layout,
             guint                    area,
             double                   x,
             double                   y,
             WmRect                  *anchor_rect,
             WmRect                  *last)
{
  *last = (WmRect) { 0, 0, 0, 0 };
  for (guint i = 0; i < wm_diagram_get_n_items (self->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (self->diagram, i);
      WmRect rect;

      if (wm_board_area_of (board, item) != area || is_dragged (drag, item->id) ||
          !wm_board_layout_item_rect (layout, item, &rect))
        continue;
      if (y < rect.y || (y < rect.y + rect.height && x < rect.x + rect.width / 2))
        {
          *anchor_rect = rect;
          return item;
        }
      *last = rect;
    }
  return NULL;
}

/* Whether a drop at (x, y) in @area reorders its flow: every dragged note
 * flows in that area already and the point lies on another of its flowing
 * notes (or in the gap beside one). Elsewhere in its own area a note is
 * placed freely. */
static gboolean
reorders_flow (WmCanvas                *self,
               const WmBoard           *board,
               const WmCanvasBoardDrag *drag,
               const WmBoardLayout     *layout,
               guint                    area,
               double                   x,
               double                   y)
{
  for (guint i = 0; drag->ids[i] != NULL; i++)
    {
      WmItem *note = wm_diagram_lookup (self->diagram, drag->ids[i]);

      if (note == NULL || wm_board_area_of (board, note) != area || is_pinned (note))
        return FALSE;
    }
  for (guint i = 0; i < wm_diagram_get_n_items (self->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (self->diagram, i);
      WmRect rect;

      if (wm_board_area_of (board, item) != area || is_dragged (drag, item->id) ||
          !wm_board_layout_item_rect (layout, item, &rect))
        continue;
      if (x >= rect.x - WM_BOARD_GAP_X / 2 && x <= rect.x + rect.width + WM_BOARD_GAP_X / 2 &&
          y >= rect.y - WM_BOARD_GAP_Y / 2 && y <= rect.y + rect.height + WM_BOARD_GAP_Y / 2)
        return TRUE;
    }
  return FALSE;
}

void
_wm_canvas_board_drag_update (WmCanvas *self,
                              double    x,
                              double    y)
{
  const WmBoard *board = board_of (self);
  WmCanvasBoardDrag *drag = self->board_drag;
  gboolean refused;

  if (drag == NULL || board == NULL)
    return;
  drag->pointer_x = x;
  drag->pointer_y = y;
  refused = drop_kind (self, board, drag, wm_board_area_at (board, self->diagram, x, y)) ==
            DROP_REFUSED;
  if (refused != drag->refused)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), refused ? "not-allowed" : "grabbing");
  drag->refused = refused;
}

/* Filed in another area, or dropped among its own area's flowing notes,
 * the note joins the flow before @anchor_id (NULL: at its end); notes
 * dragged together keep their order. */
static void
join_flow (WmCanvas      *self,
           const WmBoard *board,
           const char    *id,
           guint          area,
           const char    *anchor_id)
{
  WmItem *note = wm_diagram_lookup (self->diagram, id);
  WmItem *before = anchor_id != NULL ? wm_diagram_lookup (self->diagram, anchor_id) : NULL;

  if (wm_board_area_of (board, note) != area)
    wm_board_file_note (board, self->diagram, id, area);
  if (before == NULL)
    wm_diagram_restack (self->diagram, id, G_MAXUINT);
  else
    wm_diagram_restack (self->diagram, id, note->z < before->z ? before->z - 1 : before->z);
  if (is_pinned (note))
    wm_diagram_set_property (self->diagram, id, WM_FIELD_PINNED, NULL, NULL);
}

/* Dropped in its own area away from its flow, the note is pinned where its
 * ghost was let go, kept inside the area's box. A round area's box has
 * corners outside the area: a note whose middle would land there is
 * centred on the pointer instead, which is inside. */
static void
place_freely (WmCanvas      *self,
              const WmBoard *board,
              const char    *id,
              guint          area,
              const Ghost   *ghost,
              double         x,
              double         y)
{
  const WmCanvasBoardDrag *drag = self->board_drag;
  WmRect box, rect = ghost->rect;

  board->area_rect (self->diagram, area, &box);
  rect.x += x - drag->grab_x;
  rect.y += y - drag->grab_y;
  rect.x = CLAMP (rect.x, box.x, MAX (box.x, box.x + box.width - rect.width));
  rect.y = CLAMP (rect.y, box.y, MAX (box.y, box.y + box.height - rect.height));
  if (wm_board_area_at (board, self->diagram, rect.x + rect.width / 2,
                        rect.y + rect.height / 2) != area)
    {
      rect.x = x - rect.width / 2;
      rect.y = y - rect.height / 2;
    }
  wm_diagram_set_bounds (self->diagram, id, &rect);
  if (!is_pinned (wm_diagram_lookup (self->diagram, id)))
    wm_diagram_set_property (self->diagram, id, WM_FIELD_PINNED, "true", NULL);
}

static void
move_notes (WmCanvas      *self,
            const WmBoard *board,
            guint          target,
            double         x,
            double         y)
{
  const WmCanvasBoardDrag *drag = self->board_drag;
  /* The flow as it stands at the drop: the one the drag began with, the
   * painter's, unless something changed the diagram meanwhile. */
  g_autoptr(WmBoardNotes) notes = wm_board_notes_get (self->diagram);
  const WmBoardLayout *layout = wm_board_notes_get_layout (notes);
  g_autofree gboolean *touched = g_new0 (gboolean, board->n_areas);
  g_autofree char *anchor_id = NULL;
  WmRect anchor_rect, last;
  WmItem *anchor;
  gboolean reorder;

  anchor = find_anchor (self, board, drag, layout, target, x, y, &anchor_rect, &last);
  anchor_id = anchor != NULL ? g_strdup (anchor->id) : NULL;
  reorder = reorders_flow (self, board, drag, layout, target, x, y);
  for (guint i = 0; drag->ids[i] != NULL; i++)
    {
      WmItem *note = wm_diagram_lookup (self->diagram, drag->ids[i]);
      guint own;

      if (note == NULL)
        continue;
      own = wm_board_area_of (board, note);
      if (own != target || reorder)
        join_flow (self, board, drag->ids[i], target, anchor_id);
      else
        place_freely (self, board, drag->ids[i], own,
                      &g_array_index (drag->ghosts, Ghost, i), x, y);
      if (own < board->n_areas)
        touched[own] = TRUE;
      touched[target] = TRUE;
    }
  sync_bounds (self, board, touched);
}

static void
drop (WmCanvas *self,
      double    x,
      double    y)
{
  const WmBoard *board = board_of (self);
  WmProject *project = wm_diagram_get_project (self->diagram);
  guint target;

  if (board == NULL || project == NULL)
    return;
  target = wm_board_area_at (board, self->diagram, x, y);
  switch (drop_kind (self, board, self->board_drag, target))
    {
    case DROP_NONE:
      /* Outside the areas nothing changes: a note always has an area. */
      return;
    case DROP_REFUSED:
      /* The notes stay in their own area's flow, where they were. */
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    case DROP_FILE:
    case DROP_OWN:
    default:
      break;
    }
  wm_project_begin_group (project, _("Move Notes"));
  move_notes (self, board, target, x, y);
  wm_project_end_group (project);
}

void
_wm_canvas_board_drag_end (WmCanvas *self,
                           double    x,
                           double    y,
                           gboolean  cancelled)
{
  if (self->board_drag == NULL)
    return;
  if (!cancelled)
    drop (self, x, y);
  _wm_canvas_board_detach (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Painting, in widget pixels */

static void
widget_rect (WmCanvas     *self,
             const WmRect *doc,
             WmRect       *rect)
{
  wm_viewport_doc_rect_to_widget (self->viewport, doc, rect);
}

/* Where in the target area's flow the notes will go: a bar in the gap
 * before the note they will precede, or after the last one. */
static void
paint_caret (WmCanvas      *self,
             const WmBoard *board,
             cairo_t       *cr,
             guint          target)
{
  const WmCanvasBoardDrag *drag = self->board_drag;
  WmRect anchor_rect, last, caret, rect;

  if (find_anchor (self, board, drag, drag->layout, target, drag->pointer_x, drag->pointer_y,
                   &anchor_rect, &last) != NULL)
    caret = (WmRect) { anchor_rect.x - WM_BOARD_GAP_X / 2 - 1.5, anchor_rect.y, 3,
                       anchor_rect.height };
  else if (last.width > 0)
    caret = (WmRect) { last.x + last.width + WM_BOARD_GAP_X / 2 - 1.5, last.y, 3, last.height };
  else
    {
      WmRect content;

      board->content_rect (self->diagram, target, &content);
      caret = (WmRect) { content.x, content.y, 3, 80 };
    }
  widget_rect (self, &caret, &rect);
  rect.width = MAX (rect.width, 2);
  wm_draw_box (cr, &rect, 1, &wm_color_accent, NULL, 0);
}

/* The area that will take the notes into its flow, tinted. */
static void
paint_target (WmCanvas      *self,
              const WmBoard *board,
              cairo_t       *cr,
              guint          target)
{
  WmColor tint = wm_color_accent;
  WmRect area, rect;

  board->area_rect (self->diagram, target, &area);
  widget_rect (self, &area, &rect);
  tint.alpha = 0.08;
  wm_draw_box (cr, &rect, 0, &tint, &wm_color_accent, 2);
}

/* The notes as the painter draws them, see-through, where the pointer has
 * taken them: outlined as selected, or in red over an area that refuses them. */
static void
paint_ghosts (WmCanvas *self,
              cairo_t  *cr,
              gboolean  refused)
{
  const WmCanvasBoardDrag *drag = self->board_drag;
  double dx = drag->pointer_x - drag->grab_x, dy = drag->pointer_y - drag->grab_y;
  double zoom = wm_viewport_get_zoom (wm_canvas_get_viewport (self));
  WmRenderOptions options;
  WmRect view = { 0, 0, gtk_widget_get_width (GTK_WIDGET (self)),
                  gtk_widget_get_height (GTK_WIDGET (self)) };
  double ox, oy;

  wm_render_options_init (&options);
  options.scale = zoom;
  _wm_canvas_doc_to_widget (self, 0, 0, &ox, &oy);
  for (guint i = 0; i < drag->ghosts->len; i++)
    {
      const Ghost *ghost = &g_array_index (drag->ghosts, Ghost, i);
      WmRect moved = { ghost->rect.x + dx, ghost->rect.y + dy, ghost->rect.width,
                       ghost->rect.height };
      WmRect ink, rect, shown;

      /* The note's ink, and a unit for the clip's antialiased edge. */
      wm_sticky_note_ink (&moved, &ink);
      ink = (WmRect) { ink.x - 1, ink.y - 1, ink.width + 2, ink.height + 2 };
      /* Out of view with its outline (two pixels at most), it costs nothing. */
      widget_rect (self, &ink, &shown);
      if (!wm_rect_intersects (&(WmRect) { shown.x - 2, shown.y - 2, shown.width + 4,
                                           shown.height + 4 }, &view))
        continue;
      widget_rect (self, &moved, &rect);
      cairo_save (cr);
      cairo_translate (cr, ox, oy);
      cairo_scale (cr, zoom, zoom);
      /* The group is as large as the clip: the note's ink, not the whole
       * canvas for each of a hundred notes. */
      cairo_rectangle (cr, ink.x, ink.y, ink.width, ink.height);
      cairo_clip (cr);
      cairo_push_group (cr);
      wm_draw_sticky_note (cr, &options, &moved, &ghost->fill, ghost->text, NOTE_TEXT_SIZE);
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, refused ? 0.6 : 0.85);
      cairo_restore (cr);
      wm_draw_box (cr, &rect, 0, NULL, refused ? &wm_color_bad : &wm_color_accent,
                   refused ? 2 : 1.5);
    }
}

void
_wm_canvas_board_paint (WmCanvas *self,
                        cairo_t  *cr)
{
  const WmBoard *board = board_of (self);
  const WmCanvasBoardDrag *drag = self->board_drag;
  DropKind kind;
  guint area;

  if (drag == NULL || board == NULL)
    return;
  area = wm_board_area_at (board, self->diagram, drag->pointer_x, drag->pointer_y);
  kind = drop_kind (self, board, drag, area);
  if (kind == DROP_FILE)
    paint_target (self, board, cr, area);
  paint_ghosts (self, cr, kind == DROP_REFUSED);
  /* Over the ghosts, which often cover the place they go to; among its own
   * area's flowing notes, where the note will go in the flow. */
  if (kind == DROP_FILE ||
      (kind == DROP_OWN && reorders_flow (self, board, drag, drag->layout, area,
                                          drag->pointer_x, drag->pointer_y)))
    paint_caret (self, board, cr, area);
}

/* Colours */

/* The diagram's colour legend, when its notation keeps one. */
static GPtrArray *
color_legend (WmCanvas *self)
{
  const WmNotation *notation = wm_diagram_get_notation (self->diagram);

  for (guint i = 0; i < notation->n_lists; i++)
    if (notation->lists[i].role == WM_LIST_ROLE_COLOR_LEGEND)
      return wm_diagram_get_list (self->diagram, notation->lists[i].name);
  return NULL;
}

const WmListEntry *
_wm_canvas_board_color_meaning (WmCanvas   *self,
                                const char *color)
{
  GPtrArray *legend = self->diagram != NULL ? color_legend (self) : NULL;

  for (guint i = 0; legend != NULL && i < legend->len; i++)
    {
      const WmListEntry *entry = g_ptr_array_index (legend, i);

      if (wm_legend_color_matches (color, entry->id))
        return entry;
    }
  return NULL;
}

static gboolean
in_palette (const char *color)
{
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    if (wm_legend_color_matches (color, palette[i].color))
      return TRUE;
  return FALSE;
}

/* The colour a note of @type has until it is given another, or NULL. */
static const char *
type_color (const WmItemType *type)
{
  int index = wm_item_type_find_prop (type, WM_FIELD_COLOR);

  return index >= 0 ? type->props[index].default_value : NULL;
}

static void
append_color (WmCanvas   *self,
              GMenu      *section,
              const char *color,
              const char *name)
{
  const WmListEntry *entry = _wm_canvas_board_color_meaning (self, color);
  g_autoptr(GMenuItem) menu_item = NULL;
  g_autofree char *label = NULL;

  /* The meaning is what the analyst looks for; the name tells the colours apart. */
  if (entry != NULL && name != NULL)
    label = g_strdup_printf (C_("colour and what it means", "%s — %s"), name, entry->label);
  else
    label = g_strdup (entry != NULL ? entry->label : name);
  menu_item = g_menu_item_new (label, NULL);
  g_menu_item_set_action_and_target (menu_item, "canvas.board-color", "s", color);
  g_menu_append_item (section, menu_item);
}

/* The palette, with the note type's own colour first when it is not in it
 * (a pain's red: "" sets each note back to its type's colour), and the
 * legend's colours outside the palette (from another tool). */
static void
append_colors (WmCanvas     *self,
               GMenu        *menu,
               const WmItem *note)
{
  g_autoptr(GMenu) colors = g_menu_new ();
  const char *own = type_color (note->type);
  GPtrArray *legend = color_legend (self);

  if (own != NULL && !in_palette (own))
    append_color (self, colors, "", C_("note colour", "Default"));
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    append_color (self, colors, palette[i].color, _(palette[i].name));
  for (guint i = 0; legend != NULL && i < legend->len; i++)
    {
      const WmListEntry *entry = g_ptr_array_index (legend, i);
      g_autofree char *entry_color = g_strconcat ("#", entry->id, NULL);

      if (!in_palette (entry->id))
        append_color (self, colors, entry_color, NULL);
    }
  g_menu_append_section (menu, _("Colour"), G_MENU_MODEL (colors));
}

/* The context menu */

static void
append_action (GMenu      *section,
               const char *label,
               const char *action,
               const char *target)
{
  g_autoptr(GMenuItem) menu_item = g_menu_item_new (label, NULL);

  if (target != NULL)
    g_menu_item_set_action_and_target (menu_item, action, "s", target);
  else
    g_menu_item_set_detailed_action (menu_item, action);
  g_menu_append_item (section, menu_item);
}

static char *
tidy_label (const WmBoard *board,
            guint          area)
{
  const char *name = g_dgettext (GETTEXT_PACKAGE, board->areas[area].label);

  /* Translators: a menu item and an undo step; %s is an area, "Pains". */
  return g_strdup_printf (_("Tidy “%s”"), name);
}

void
_wm_canvas_board_populate_menu (WmCanvas *self,
                                GMenu    *menu,
                                double    x,
                                double    y)
{
  const WmBoard *board = board_of (self);
  g_autoptr(GMenu) section = NULL;
  g_autofree char *tidy = NULL;
  WmItem *item;
  guint area;

  if (board == NULL || !_wm_canvas_is_writable (self))
    return;
  item = _wm_canvas_hit (self, x, y);
  if (is_note (board, item))
    append_colors (self, menu, item);
  area = is_note (board, item) ? wm_board_area_of (board, item)
                               : wm_board_area_at (board, self->diagram, x, y);
  if (area >= board->n_areas)
    return;
  section = g_menu_new ();
  if (!is_note (board, item))
    append_action (section, _("Add Note Here"), "canvas.board-add-note", NULL);
  tidy = tidy_label (board, area);
  append_action (section, tidy, "canvas.board-tidy", board->areas[area].id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
}

/* What the actions do */

/* The notes the context menu was opened on (the selection when the note
 * under it is selected) take @color; "" gives each its type's colour back. */
void
_wm_canvas_board_color_notes (WmCanvas   *self,
                              const char *color)
{
  const WmBoard *board = board_of (self);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  WmProject *project;
  WmItem *under;

  if (board == NULL || !_wm_canvas_is_writable (self))
    return;
  under = _wm_canvas_hit (self, self->context_x, self->context_y);
  if (is_note (board, under) && _wm_canvas_is_selected (self, under->id))
    {
      const char *const *selection = _wm_canvas_get_selection_ids (self);

      for (guint i = 0; selection[i] != NULL; i++)
        if (is_note (board, wm_diagram_lookup (self->diagram, selection[i])))
          g_ptr_array_add (ids, (gpointer) selection[i]);
    }
  else if (is_note (board, under))
    g_ptr_array_add (ids, under->id);
  if (ids->len == 0)
    return;
  project = wm_diagram_get_project (self->diagram);
  _wm_canvas_break_merge (self);
  wm_project_begin_group (project, _("Change Colour"));
  for (guint i = 0; i < ids->len; i++)
    wm_diagram_set_property (self->diagram, g_ptr_array_index (ids, i), WM_FIELD_COLOR,
                             color[0] != '\0' ? color : NULL, NULL);
  wm_project_end_group (project);
}

/* The area's freely placed notes join its flow again, as one undo step. */
void
_wm_canvas_board_tidy (WmCanvas   *self,
                       const char *area_id)
{
  const WmBoard *board = board_of (self);
  g_autofree char *label = NULL;
  WmProject *project;
  guint area;

  if (board == NULL || !_wm_canvas_is_writable (self))
    return;
  area = wm_board_area_from_id (board, area_id);
  if (area >= board->n_areas)
    return;
  project = wm_diagram_get_project (self->diagram);
  label = tidy_label (board, area);
  _wm_canvas_break_merge (self);
  wm_project_begin_group (project, label);
  for (guint i = 0; i < wm_diagram_get_n_items (self->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (self->diagram, i);

      if (wm_board_area_of (board, item) == area && is_pinned (item))
        wm_diagram_set_property (self->diagram, item->id, WM_FIELD_PINNED, NULL, NULL);
    }
  sync_area (self, board, area);
  wm_project_end_group (project);
}

/* Actions */

/* canvas.board-color: see _wm_canvas_board_color_notes(). */
static void
color_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _wm_canvas_board_color_notes (WM_CANVAS (widget), g_variant_get_string (parameter, NULL));
}

/* canvas.board-tidy: the area whose id is the parameter. */
static void
tidy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _wm_canvas_board_tidy (WM_CANVAS (widget), g_variant_get_string (parameter, NULL));
}

/* canvas.board-add-note: a note where the context menu was opened. */
static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);

  _wm_canvas_board_add_note_at (self, self->context_x, self->context_y);
}

void
_wm_canvas_board_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.board-color", "s", color_action);
  gtk_widget_class_install_action (widget_class, "canvas.board-tidy", "s", tidy_action);
  gtk_widget_class_install_action (widget_class, "canvas.board-add-note", NULL, add_note_action);
}

const WmCanvasBehavior _wm_canvas_behavior_board = {
  /* Any notation with a board and no behaviour of its own (see attach_behavior()). */
  .notation_id = NULL,
  .class_init = _wm_canvas_board_class_init,
  .detach = _wm_canvas_board_detach,
  .activate = _wm_canvas_board_activate,
  .drag_begin = _wm_canvas_board_drag_begin,
  .drag_update = _wm_canvas_board_drag_update,
  .drag_end = _wm_canvas_board_drag_end,
  .moved = _wm_canvas_board_moved,
  .created = _wm_canvas_board_created,
  .paint = _wm_canvas_board_paint,
  .populate_menu = _wm_canvas_board_populate_menu,
};
