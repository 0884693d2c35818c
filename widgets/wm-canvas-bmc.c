/* wm-canvas-bmc.c — the canvas's behaviour for Business Model Canvas diagrams
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The nine blocks are fixed regions and a note belongs to the block it is
 * dropped in. Notes flow in their block (wm_board_layout_new()), so a drag does
 * not move them as the generic move drag would: it carries a ghost of the
 * selected notes and, on the drop, files them in the block under the pointer,
 * where they join the flow, or, dropped in their own block, places them
 * freely ("pinned") where they were let go.
 *
 * Filed in another block, the notes go into its flow where they are let
 * go: before the note under or after the pointer, in reading order (the
 * flow follows the z-order, so they are restacked there); a caret shows
 * the place while the drag lasts.
 *
 * Each gesture that changes where notes flow also writes the flowing notes'
 * places back into their bounds, in the same undo step. The flow does not
 * read the position of the bounds (only their size), so this changes nothing
 * on the canvas, but the resize handles, the inspector and other programs
 * reading the file then see the notes where they are drawn.
 *
 * A press on a legend entry highlights the notes of its colour by fading the
 * others; a double-click edits the header fields and the legend's meanings in
 * place, or creates a note in the block under the pointer.
 */
#define G_LOG_DOMAIN "wm-canvas"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wm-bmc.h"
#include "wm-canvas-private.h"
#include "wm-draw.h"
#include "wm-render.h"

/* The palette the context menu offers: light, clearly different sticky-note
 * colours that keep black text readable. The first is the notation's default. */
static const struct { const char *color; const char *name; } palette[] = {
  { "#fff4a3", N_("Yellow") },
  { "#ffd6a5", N_("Orange") },
  { "#a0c4ff", N_("Blue") },
  { "#caffbf", N_("Green") },
  { "#ffc6ff", N_("Pink") },
  { "#bdb2ff", N_("Lavender") },
};

/* The header fields' labels, in the order of wm_bmc_header_field(). */
static const char *const header_labels[WM_BMC_N_HEADER_FIELDS] = {
  N_("Designed for"), N_("Designed by"), N_("Date"), N_("Version"),
};

/* The size of a note's text, as the painter draws it. */
#define NOTE_TEXT_SIZE 12.0

typedef struct
{
  WmRect  rect;       /* where the note was drawn when the drag began */
  WmColor fill;
  char   *text;
} Ghost;

typedef struct
{
  /* The drag of notes, in document units */
  gboolean    dragging;
  GStrv       drag_ids;
  GArray     *ghosts;       /* one Ghost per drag_ids entry */
  WmBoardLayout *layout;      /* the flow when the drag began, for the caret */
  double      grab_x;       /* where the drag began */
  double      grab_y;
  double      pointer_x;    /* where the pointer is now */
  double      pointer_y;

  /* The legend entry whose notes are highlighted, and the set of faded
   * items the highlight gave the canvas: when the canvas holds another set
   * (a filter replaced it), the highlight is over. */
  char       *highlight;
  GHashTable *dimmed;
} BmcState;

static BmcState *
get_state (WmCanvas *self)
{
  if (self->behavior_data == NULL)
    self->behavior_data = g_new0 (BmcState, 1);
  return self->behavior_data;
}

static void
clear_ghost (gpointer data)
{
  g_free (((Ghost *) data)->text);
}

static void
clear_drag (BmcState *state)
{
  state->dragging = FALSE;
  g_clear_pointer (&state->drag_ids, g_strfreev);
  g_clear_pointer (&state->ghosts, g_array_unref);
  g_clear_pointer (&state->layout, wm_board_layout_free);
}

static void
detach (WmCanvas *self)
{
  BmcState *state = self->behavior_data;

  if (state == NULL)
    return;
  clear_drag (state);
  g_free (state->highlight);
  g_clear_pointer (&state->dimmed, g_hash_table_unref);
  g_free (state);
  self->behavior_data = NULL;
}

static void
canvas_size (WmCanvas *self,
             double   *width,
             double   *height)
{
  wm_bmc_canvas_size (self->diagram, width, height);
}

static WmBmcBlock
block_of (const WmItem *item)
{
  return wm_bmc_block_from_id (wm_item_get_choice (item, "block"));
}

static gboolean
is_note (const WmItem *item)
{
  return item != NULL && wm_item_is_node (item);
}

static void
select_only (WmCanvas   *self,
             const char *id)
{
  const char *ids[] = { id, NULL };

  wm_canvas_select (self, ids);
}

/* Writes where the flowing notes of the blocks in @blocks (a bit per block)
 * are drawn into their bounds; see the top of the file. Call inside the
 * gesture's undo group: the layout is made afresh from the model as the
 * group has left it. */
static void
sync_bounds (WmCanvas *self,
             guint     blocks)
{
  g_autoptr(WmBoardLayout) layout = wm_board_layout_new (self->diagram);

  for (guint i = 0; layout != NULL && i < wm_diagram_get_n_items (self->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (self->diagram, i);
      WmBmcBlock block;
      WmRect rect;

      if (!is_note (item) || !wm_board_layout_item_rect (layout, item, &rect))
        continue;
      block = block_of (item);
      if (block < WM_BMC_N_BLOCKS && (blocks & (1u << block)) &&
          memcmp (&rect, &item->bounds, sizeof rect) != 0)
        wm_diagram_set_bounds (self->diagram, item->id, &rect);
    }
}

/* The legend highlight */

static void
set_highlight (WmCanvas   *self,
               const char *entry_id)
{
  BmcState *state = get_state (self);
  g_autoptr(GHashTable) dimmed = NULL;
  char *id = g_strdup (entry_id);
  /* Only the highlight's own fading goes; a filter's stays. */
  gboolean owned = self->dimmed != NULL && self->dimmed == state->dimmed;

  g_free (state->highlight);
  state->highlight = id;
  g_clear_pointer (&state->dimmed, g_hash_table_unref);
  if (id == NULL)
    {
      if (owned)
        _wm_canvas_set_dimmed (self, NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  dimmed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < wm_diagram_get_n_items (self->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (self->diagram, i);

      if (!is_note (item) || !wm_bmc_color_matches (wm_item_get_string (item, "color"), id))
        g_hash_table_add (dimmed, g_strdup (item->id));
    }
  state->dimmed = g_hash_table_ref (dimmed);
  _wm_canvas_set_dimmed (self, dimmed);
}

/* The highlighted entry, or NULL; a highlight whose fading the canvas no
 * longer shows (a filter took over) is forgotten. */
static const char *
get_highlight (WmCanvas *self)
{
  BmcState *state = get_state (self);

  if (state->highlight != NULL && self->dimmed != state->dimmed)
    {
      g_clear_pointer (&state->highlight, g_free);
      g_clear_pointer (&state->dimmed, g_hash_table_unref);
    }
  return state->highlight;
}

static void
toggle_highlight (WmCanvas   *self,
                  const char *entry_id)
{
  set_highlight (self, g_strcmp0 (get_highlight (self), entry_id) == 0 ? NULL : entry_id);
}

static void
changed (WmCanvas      *self,
         const WmDelta *delta)
{
  g_autofree char *id = g_strdup (get_highlight (self));

  /* Notes change colour, come and go: the highlight follows, and ends with
   * its legend entry. */
  if (id != NULL)
    set_highlight (self, wm_diagram_find_entry (self->diagram, "legend", id) != NULL ? id : NULL);
}

/* Creating notes */

static WmItem *
create_note (WmCanvas   *self,
             WmBmcBlock  block,
             double      x,
             double      y)
{
  const WmItemType *type = wm_notation_lookup_type (wm_diagram_get_notation (self->diagram),
                                                    "note");
  WmProject *project = wm_diagram_get_project (self->diagram);
  g_autoptr(GError) error = NULL;
  WmRect bounds;
  WmItem *item;

  if (type == NULL || project == NULL)
    return NULL;
  bounds = (WmRect) { x - type->width / 2, y - type->height / 2, type->width, type->height };
  _wm_canvas_break_merge (self);
  wm_project_begin_group (project, _("Add Note"));
  /* Empty: the analyst types its text in the editor that opens on it. */
  item = wm_diagram_add_node (self->diagram, type->id, &bounds, "", &error);
  if (item != NULL)
    {
      wm_diagram_set_property (self->diagram, item->id, "block", wm_bmc_block_id (block), NULL);
      sync_bounds (self, 1u << block);
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

/* A note made by the palette or a tool belongs to the block under its centre. */
static void
created (WmCanvas *self,
         WmItem   *item)
{
  WmProject *project = wm_diagram_get_project (self->diagram);
  double width, height;
  WmBmcBlock block;
  g_autofree char *id = NULL;

  if (!is_note (item) || project == NULL)
    return;
  canvas_size (self, &width, &height);
  block = wm_bmc_block_at (width, height, item->bounds.x + item->bounds.width / 2,
                           item->bounds.y + item->bounds.height / 2);
  if (block >= WM_BMC_N_BLOCKS)
    return;
  id = g_strdup (item->id);
  wm_project_begin_joined_group (project, NULL);
  if (block_of (item) != block)
    wm_diagram_set_property (self->diagram, id, "block", wm_bmc_block_id (block), NULL);
  sync_bounds (self, 1u << block);
  wm_project_end_group (project);
}

/* In-place editing of the header and the legend */

static void
commit_field (WmCanvas   *self,
              const char *id,
              const char *text,
              gpointer    data)
{
  g_autoptr(GError) error = NULL;

  if (!wm_diagram_set_field (self->diagram, data, text, &error) && error != NULL)
    g_debug ("Cannot set %s: %s", (const char *) data, error->message);
}

static void
edit_field (WmCanvas     *self,
            guint         index,
            const WmRect *rect)
{
  WmRect rect_value = { rect->x, WM_BMC_HEADER_VALUE_TOP, rect->width, 22 };
  double width, height;
  const char *field;

  canvas_size (self, &width, &height);
  field = wm_bmc_header_field (index, width, NULL);
  _wm_canvas_begin_edit_text (self, &rect_value, wm_diagram_get_string (self->diagram, field),
                              FALSE, _(header_labels[index]), NULL, commit_field,
                              g_strdup (field), g_free);
}

static void
commit_meaning (WmCanvas   *self,
                const char *id,
                const char *text,
                gpointer    data)
{
  if (wm_diagram_find_entry (self->diagram, "legend", data) != NULL)
    wm_diagram_list_rename (self->diagram, "legend", data, text);
}

static void
edit_meaning (WmCanvas   *self,
              const char *entry_id)
{
  GPtrArray *legend = wm_diagram_get_list (self->diagram, "legend");

  for (guint i = 0; legend != NULL && i < legend->len; i++)
    {
      const WmListEntry *entry = g_ptr_array_index (legend, i);
      WmRect slot;

      if (!g_str_equal (entry->id, entry_id))
        continue;
      wm_bmc_legend_entry_rect (self->diagram, i, &slot);
      /* Over the label, right of the swatch. */
      slot.x += WM_BMC_LEGEND_SWATCH + 4;
      slot.width -= WM_BMC_LEGEND_SWATCH + 4;
      _wm_canvas_begin_edit_text (self, &slot, entry->label, FALSE, _("Colour meaning"), NULL,
                                  commit_meaning, g_strdup (entry->id), g_free);
      return;
    }
}

/* Presses and double-clicks */

static gboolean
press (WmCanvas *self,
       WmItem   *item,
       double    x,
       double    y)
{
  const WmListEntry *entry;

  if (item != NULL)
    return FALSE;
  entry = wm_bmc_legend_entry_at (self->diagram, x, y, NULL);
  if (entry != NULL)
    {
      toggle_highlight (self, entry->id);
      return TRUE;
    }
  /* A press on empty canvas ends the highlight, and clears the selection. */
  if (get_highlight (self) != NULL)
    set_highlight (self, NULL);
  return FALSE;
}

static gboolean
activate (WmCanvas *self,
          WmItem   *item,
          double    x,
          double    y)
{
  const WmListEntry *entry;
  double width, height;
  WmBmcBlock block;

  /* A note's text is edited in place by the canvas. */
  if (item != NULL)
    return FALSE;
  canvas_size (self, &width, &height);
  for (guint i = 0; i < WM_BMC_N_HEADER_FIELDS; i++)
    {
      WmRect rect;

      wm_bmc_header_field (i, width, &rect);
      if (wm_rect_contains (&rect, x, y))
        {
          edit_field (self, i, &rect);
          return TRUE;
        }
    }
  entry = wm_bmc_legend_entry_at (self->diagram, x, y, NULL);
  if (entry != NULL)
    {
      edit_meaning (self, entry->id);
      return TRUE;
    }
  block = wm_bmc_block_at (width, height, x, y);
  if (block < WM_BMC_N_BLOCKS)
    return create_note (self, block, x, y) != NULL;
  return FALSE;
}

/* Dragging notes between blocks */

static gboolean
drag_begin (WmCanvas *self,
            WmItem   *item,
            double    x,
            double    y)
{
  BmcState *state = get_state (self);
  g_autoptr(GPtrArray) ids = NULL;

  if (!is_note (item))
    return FALSE;
  clear_drag (state);
  ids = g_ptr_array_new_with_free_func (g_free);
  /* The selection when the note is in it, else the note alone. */
  if (_wm_canvas_is_selected (self, item->id))
    {
      const char *const *selection = _wm_canvas_get_selection_ids (self);

      for (guint i = 0; selection[i] != NULL; i++)
        {
          WmItem *selected = wm_diagram_lookup (self->diagram, selection[i]);

          if (is_note (selected))
            g_ptr_array_add (ids, g_strdup (selection[i]));
        }
    }
  else
    g_ptr_array_add (ids, g_strdup (item->id));
  g_ptr_array_add (ids, NULL);
  state->drag_ids = (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);

  state->layout = wm_board_layout_new (self->diagram);
  state->ghosts = g_array_new (FALSE, FALSE, sizeof (Ghost));
  g_array_set_clear_func (state->ghosts, clear_ghost);
  for (guint i = 0; state->drag_ids[i] != NULL; i++)
    {
      WmItem *note = wm_diagram_lookup (self->diagram, state->drag_ids[i]);
      Ghost ghost = { .fill = { 1, 0.957, 0.639, 1 }, .text = g_strdup (note->text) };

      wm_board_layout_item_rect (state->layout, note, &ghost.rect);
      wm_color_parse (wm_item_get_string (note, "color"), &ghost.fill);
      g_array_append_val (state->ghosts, ghost);
    }
  state->dragging = TRUE;
  state->grab_x = state->pointer_x = x;
  state->grab_y = state->pointer_y = y;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  return TRUE;
}

static gboolean
is_dragged (BmcState   *state,
            const char *id)
{
  return state->drag_ids != NULL && g_strv_contains ((const char *const *) state->drag_ids, id);
}

/* Where notes dropped at (x, y) in @block go in its flow: before the
 * returned note (NULL: after all of them), the first of the block's flowing
 * notes, in flow order, that lies after the point in reading order (a row
 * below it, or in its row and right of its middle). The notes being dragged
 * do not count. @last receives the rectangle of the block's last flowing
 * note, or an empty one when there is none. */
static WmItem *
find_anchor (WmCanvas          *self,
             const WmBoardLayout *layout,
             WmBmcBlock         block,
             double             x,
             double             y,
             WmRect            *anchor_rect,
             WmRect            *last)
{
  BmcState *state = get_state (self);

  *last = (WmRect) { 0, 0, 0, 0 };
  for (guint i = 0; i < wm_diagram_get_n_items (self->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (self->diagram, i);
      WmRect rect;

      if (!is_note (item) || block_of (item) != block || is_dragged (state, item->id) ||
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

/* Whether a drop at (x, y) in @block reorders its flow: every dragged note
 * flows in that block already and the point lies on another of its flowing
 * notes (or in the gap beside one). Elsewhere in its own block a note is
 * placed freely. */
static gboolean
reorders_flow (WmCanvas          *self,
               const WmBoardLayout *layout,
               WmBmcBlock         block,
               double             x,
               double             y)
{
  BmcState *state = get_state (self);

  for (guint i = 0; state->drag_ids[i] != NULL; i++)
    {
      WmItem *note = wm_diagram_lookup (self->diagram, state->drag_ids[i]);

      if (note == NULL || block_of (note) != block || wm_item_get_boolean (note, "pinned"))
        return FALSE;
    }
  for (guint i = 0; i < wm_diagram_get_n_items (self->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (self->diagram, i);
      WmRect rect;

      if (!is_note (item) || block_of (item) != block || is_dragged (state, item->id) ||
          wm_item_get_boolean (item, "pinned") || !wm_board_layout_item_rect (layout, item, &rect))
        continue;
      if (x >= rect.x - WM_BOARD_GAP_X / 2 && x <= rect.x + rect.width + WM_BOARD_GAP_X / 2 &&
          y >= rect.y - WM_BOARD_GAP_Y / 2 && y <= rect.y + rect.height + WM_BOARD_GAP_Y / 2)
        return TRUE;
    }
  return FALSE;
}

static void
drag_update (WmCanvas *self,
             double    x,
             double    y)
{
  BmcState *state = get_state (self);

  state->pointer_x = x;
  state->pointer_y = y;
}

/* Where a note dropped in its own block goes: the ghost's place, kept
 * inside the block. */
static void
free_place (WmCanvas     *self,
            WmBmcBlock    block,
            const WmRect *ghost,
            double        dx,
            double        dy,
            WmRect       *rect)
{
  double width, height;
  WmRect area;

  canvas_size (self, &width, &height);
  wm_bmc_block_rect (block, width, height, &area);
  *rect = (WmRect) { ghost->x + dx, ghost->y + dy, ghost->width, ghost->height };
  rect->x = CLAMP (rect->x, area.x, MAX (area.x, area.x + area.width - rect->width));
  rect->y = CLAMP (rect->y, area.y, MAX (area.y, area.y + area.height - rect->height));
}

static void
drop (WmCanvas *self,
      double    x,
      double    y)
{
  BmcState *state = get_state (self);
  WmProject *project = wm_diagram_get_project (self->diagram);
  double width, height;
  g_autoptr(WmBoardLayout) layout = NULL;
  g_autofree char *anchor_id = NULL;
  WmBmcBlock target;
  guint touched = 0;
  WmRect anchor_rect, last;
  WmItem *anchor;
  gboolean reorder;

  canvas_size (self, &width, &height);
  target = wm_bmc_block_at (width, height, x, y);
  /* Outside the blocks nothing changes: a note always has a block. */
  if (target >= WM_BMC_N_BLOCKS || project == NULL)
    return;
  layout = wm_board_layout_new (self->diagram);
  anchor = find_anchor (self, layout, target, x, y, &anchor_rect, &last);
  anchor_id = anchor != NULL ? g_strdup (anchor->id) : NULL;
  reorder = reorders_flow (self, layout, target, x, y);
  wm_project_begin_group (project, _("Move Notes"));
  for (guint i = 0; state->drag_ids[i] != NULL; i++)
    {
      const char *id = state->drag_ids[i];
      WmItem *note = wm_diagram_lookup (self->diagram, id);
      WmBmcBlock own;

      if (note == NULL)
        continue;
      own = block_of (note);
      if (own != target || reorder)
        {
          WmItem *before = anchor_id != NULL ? wm_diagram_lookup (self->diagram, anchor_id) : NULL;

          /* Filed in another block, or dropped among its own block's
           * flowing notes, the note joins the flow where it was let go;
           * the notes dragged together keep their order. */
          if (own != target)
            wm_diagram_set_property (self->diagram, id, "block", wm_bmc_block_id (target), NULL);
          if (before == NULL)
            wm_diagram_restack (self->diagram, id, G_MAXUINT);
          else
            wm_diagram_restack (self->diagram, id,
                                note->z < before->z ? before->z - 1 : before->z);
          if (wm_item_get_boolean (note, "pinned"))
            wm_diagram_set_property (self->diagram, id, "pinned", NULL, NULL);
        }
      else
        {
          WmRect rect;

          free_place (self, own, &g_array_index (state->ghosts, Ghost, i).rect,
                      x - state->grab_x, y - state->grab_y, &rect);
          wm_diagram_set_bounds (self->diagram, id, &rect);
          if (!wm_item_get_boolean (note, "pinned"))
            wm_diagram_set_property (self->diagram, id, "pinned", "true", NULL);
        }
      if (own < WM_BMC_N_BLOCKS)
        touched |= 1u << own;
      touched |= 1u << target;
    }
  sync_bounds (self, touched);
  wm_project_end_group (project);
}

static void
drag_end (WmCanvas *self,
          double    x,
          double    y,
          gboolean  cancelled)
{
  BmcState *state = get_state (self);

  if (state->dragging && !cancelled)
    drop (self, x, y);
  clear_drag (state);
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

/* Where in the target block's flow the notes will go: a bar in the gap
 * before the note they will precede, or after the last one. */
static void
paint_caret (WmCanvas   *self,
             cairo_t    *cr,
             WmBmcBlock  target)
{
  BmcState *state = get_state (self);
  double width, height;
  WmRect anchor_rect, last, caret, rect;

  canvas_size (self, &width, &height);
  if (find_anchor (self, state->layout, target, state->pointer_x, state->pointer_y,
                   &anchor_rect, &last) != NULL)
    caret = (WmRect) { anchor_rect.x - WM_BOARD_GAP_X / 2 - 1.5, anchor_rect.y, 3,
                       anchor_rect.height };
  else if (last.width > 0)
    caret = (WmRect) { last.x + last.width + WM_BOARD_GAP_X / 2 - 1.5, last.y, 3, last.height };
  else
    {
      WmRect content;

      wm_bmc_content_rect (target, width, height, &content);
      caret = (WmRect) { content.x, content.y, 3, 80 };
    }
  widget_rect (self, &caret, &rect);
  rect.width = MAX (rect.width, 2);
  wm_draw_box (cr, &rect, 1, &wm_color_accent, NULL, 0);
}

/* The block that will take the notes, when it is not theirs already: it is
 * returned, or WM_BMC_N_BLOCKS. */
static WmBmcBlock
paint_target (WmCanvas *self,
              cairo_t  *cr)
{
  BmcState *state = get_state (self);
  double width, height;
  WmBmcBlock target;
  gboolean foreign = FALSE;
  WmColor tint = wm_color_accent;
  WmRect block, rect;

  canvas_size (self, &width, &height);
  target = wm_bmc_block_at (width, height, state->pointer_x, state->pointer_y);
  if (target >= WM_BMC_N_BLOCKS)
    return WM_BMC_N_BLOCKS;
  for (guint i = 0; state->drag_ids[i] != NULL; i++)
    {
      WmItem *note = wm_diagram_lookup (self->diagram, state->drag_ids[i]);

      foreign |= note != NULL && block_of (note) != target;
    }
  if (!foreign)
    return WM_BMC_N_BLOCKS;
  wm_bmc_block_rect (target, width, height, &block);
  widget_rect (self, &block, &rect);
  tint.alpha = 0.08;
  wm_draw_box (cr, &rect, 0, &tint, &wm_color_accent, 2);
  return target;
}

static void
paint_ghosts (WmCanvas *self,
              cairo_t  *cr)
{
  BmcState *state = get_state (self);
  double dx = state->pointer_x - state->grab_x, dy = state->pointer_y - state->grab_y;

  double zoom = wm_viewport_get_zoom (wm_canvas_get_viewport (self));
  WmRenderOptions options;
  double ox, oy;

  wm_render_options_init (&options);
  options.scale = zoom;
  _wm_canvas_doc_to_widget (self, 0, 0, &ox, &oy);
  for (guint i = 0; i < state->ghosts->len; i++)
    {
      const Ghost *ghost = &g_array_index (state->ghosts, Ghost, i);
      WmRect moved = { ghost->rect.x + dx, ghost->rect.y + dy, ghost->rect.width,
                       ghost->rect.height };
      WmRect rect;

      /* The note as the painter draws it, see-through, outlined as selected. */
      cairo_save (cr);
      cairo_translate (cr, ox, oy);
      cairo_scale (cr, zoom, zoom);
      cairo_push_group (cr);
      wm_draw_sticky_note (cr, &options, &moved, &ghost->fill, ghost->text, NOTE_TEXT_SIZE);
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, 0.85);
      cairo_restore (cr);
      widget_rect (self, &moved, &rect);
      wm_draw_box (cr, &rect, 0, NULL, &wm_color_accent, 1.5);
    }
}

static void
paint_highlight (WmCanvas *self,
                 cairo_t  *cr)
{
  const char *id = get_highlight (self);
  GPtrArray *legend = wm_diagram_get_list (self->diagram, "legend");

  for (guint i = 0; id != NULL && legend != NULL && i < legend->len; i++)
    {
      const WmListEntry *entry = g_ptr_array_index (legend, i);
      WmRect slot, rect;

      if (!g_str_equal (entry->id, id))
        continue;
      wm_bmc_legend_entry_rect (self->diagram, i, &slot);
      slot.x -= 4;
      slot.width -= 8;
      widget_rect (self, &slot, &rect);
      wm_draw_box (cr, &rect, 4, NULL, &wm_color_accent, 2);
    }
}

static void
paint (WmCanvas *self,
       cairo_t  *cr)
{
  BmcState *state = get_state (self);

  WmBmcBlock target;

  paint_highlight (self, cr);
  if (!state->dragging)
    return;
  target = paint_target (self, cr);
  paint_ghosts (self, cr);
  /* Over the ghosts, which often cover the place they go to. */
  if (target < WM_BMC_N_BLOCKS)
    paint_caret (self, cr, target);
  else
    {
      double width, height;

      /* Among its own block's flowing notes: where it will go in the flow. */
      canvas_size (self, &width, &height);
      target = wm_bmc_block_at (width, height, state->pointer_x, state->pointer_y);
      if (target < WM_BMC_N_BLOCKS &&
          reorders_flow (self, state->layout, target, state->pointer_x, state->pointer_y))
        paint_caret (self, cr, target);
    }
}

/* The context menu */

static const WmListEntry *
legend_entry_for (WmCanvas   *self,
                  const char *color)
{
  GPtrArray *legend = wm_diagram_get_list (self->diagram, "legend");

  for (guint i = 0; legend != NULL && i < legend->len; i++)
    {
      const WmListEntry *entry = g_ptr_array_index (legend, i);

      if (wm_bmc_color_matches (color, entry->id))
        return entry;
    }
  return NULL;
}

static void
append_color (WmCanvas   *self,
              GMenu      *section,
              const char *color,
              const char *name)
{
  const WmListEntry *entry = legend_entry_for (self, color);
  g_autoptr(GMenuItem) menu_item = NULL;
  g_autofree char *label = NULL;

  /* The meaning is what the analyst looks for; the name tells the colours apart. */
  if (entry != NULL && name != NULL)
    label = g_strdup_printf (C_("colour and what it means", "%s — %s"), name, entry->label);
  else
    label = g_strdup (entry != NULL ? entry->label : name);
  menu_item = g_menu_item_new (label, NULL);
  g_menu_item_set_action_and_target (menu_item, "canvas.bmc-color", "s", color);
  g_menu_append_item (section, menu_item);
}

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

static void
populate_note_menu (WmCanvas *self,
                    GMenu    *menu,
                    WmItem   *note)
{
  g_autoptr(GMenu) colors = g_menu_new ();
  g_autoptr(GMenu) legend_section = g_menu_new ();
  GPtrArray *legend = wm_diagram_get_list (self->diagram, "legend");
  const char *color = wm_item_get_string (note, "color");
  WmBmcBlock block = block_of (note);

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    append_color (self, colors, palette[i].color, _(palette[i].name));
  /* Colours of the legend outside the palette (from another tool) too. */
  for (guint i = 0; legend != NULL && i < legend->len; i++)
    {
      const WmListEntry *entry = g_ptr_array_index (legend, i);
      g_autofree char *entry_color = g_strconcat ("#", entry->id, NULL);
      gboolean known = FALSE;

      for (guint p = 0; p < G_N_ELEMENTS (palette); p++)
        known |= wm_bmc_color_matches (palette[p].color, entry->id);
      if (!known)
        append_color (self, colors, entry_color, NULL);
    }
  g_menu_append_section (menu, _("Colour"), G_MENU_MODEL (colors));

  if (legend_entry_for (self, color) == NULL)
    append_action (legend_section, _("Add Colour to Legend"), "canvas.bmc-legend-add", color);
  if (block < WM_BMC_N_BLOCKS)
    append_action (legend_section, _("Tidy Block"), "canvas.bmc-tidy", wm_bmc_block_id (block));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (legend_section));
}

static void
populate_menu (WmCanvas *self,
               GMenu    *menu,
               double    x,
               double    y)
{
  WmItem *item = _wm_canvas_hit (self, x, y);
  const WmListEntry *entry;
  double width, height;
  WmBmcBlock block;

  if (!_wm_canvas_is_writable (self))
    return;
  if (is_note (item))
    {
      populate_note_menu (self, menu, item);
      return;
    }
  entry = wm_bmc_legend_entry_at (self->diagram, x, y, NULL);
  if (entry != NULL)
    {
      g_autoptr(GMenu) section = g_menu_new ();

      append_action (section, g_strcmp0 (get_highlight (self), entry->id) == 0
                              ? _("Show All Notes") : _("Highlight Notes"),
                     "canvas.bmc-highlight", entry->id);
      append_action (section, _("Rename Meaning…"), "canvas.bmc-legend-rename", entry->id);
      append_action (section, _("Remove from Legend"), "canvas.bmc-legend-remove", entry->id);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      return;
    }
  canvas_size (self, &width, &height);
  block = wm_bmc_block_at (width, height, x, y);
  if (block < WM_BMC_N_BLOCKS)
    {
      g_autoptr(GMenu) section = g_menu_new ();

      append_action (section, _("Add Note Here"), "canvas.bmc-add-note", NULL);
      append_action (section, _("Tidy Block"), "canvas.bmc-tidy", wm_bmc_block_id (block));
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }
}

/* Actions */

static gboolean
is_bmc (WmCanvas *self)
{
  return self->diagram != NULL && self->behavior == &_wm_canvas_behavior_bmc &&
         _wm_canvas_is_writable (self);
}

/* canvas.bmc-color: the notes the context menu was opened on (the
 * selection when the note under it is selected) take the colour. */
static void
color_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  const char *color = g_variant_get_string (parameter, NULL);
  WmItem *under;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  WmProject *project;

  if (!is_bmc (self))
    return;
  under = _wm_canvas_hit (self, self->context_x, self->context_y);
  if (is_note (under) && _wm_canvas_is_selected (self, under->id))
    {
      const char *const *selection = _wm_canvas_get_selection_ids (self);

      for (guint i = 0; selection[i] != NULL; i++)
        if (is_note (wm_diagram_lookup (self->diagram, selection[i])))
          g_ptr_array_add (ids, (gpointer) selection[i]);
    }
  else if (is_note (under))
    g_ptr_array_add (ids, under->id);
  if (ids->len == 0)
    return;
  project = wm_diagram_get_project (self->diagram);
  _wm_canvas_break_merge (self);
  wm_project_begin_group (project, _("Change Colour"));
  for (guint i = 0; i < ids->len; i++)
    wm_diagram_set_property (self->diagram, g_ptr_array_index (ids, i), "color", color, NULL);
  wm_project_end_group (project);
}

/* canvas.bmc-legend-add: the colour joins the legend, and its meaning is
 * typed in place. */
static void
legend_add_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  const char *color = g_variant_get_string (parameter, NULL);
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *legend;

  if (!is_bmc (self) || legend_entry_for (self, color) != NULL)
    return;
  id = g_ascii_strdown (color[0] == '#' ? color + 1 : color, -1);
  legend = wm_diagram_get_list (self->diagram, "legend");
  if (!wm_diagram_list_insert (self->diagram, "legend", legend != NULL ? legend->len : 0, id,
                               _("New meaning"), &error))
    {
      g_debug ("Cannot add %s to the legend: %s", id, error != NULL ? error->message : "");
      gtk_widget_error_bell (widget);
      return;
    }
  edit_meaning (self, id);
}

static void
legend_remove_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);

  if (is_bmc (self))
    wm_diagram_list_remove (self->diagram, "legend", g_variant_get_string (parameter, NULL));
}

static void
legend_rename_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);

  if (is_bmc (self))
    edit_meaning (self, g_variant_get_string (parameter, NULL));
}

static void
highlight_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);

  if (self->diagram != NULL && self->behavior == &_wm_canvas_behavior_bmc)
    toggle_highlight (self, g_variant_get_string (parameter, NULL));
}

/* canvas.bmc-tidy: the block's freely placed notes join its flow again, as
 * one undo step. */
static void
tidy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmBmcBlock block = wm_bmc_block_from_id (g_variant_get_string (parameter, NULL));
  WmProject *project;

  if (!is_bmc (self) || block >= WM_BMC_N_BLOCKS)
    return;
  project = wm_diagram_get_project (self->diagram);
  _wm_canvas_break_merge (self);
  wm_project_begin_group (project, _("Tidy Block"));
  for (guint i = 0; i < wm_diagram_get_n_items (self->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (self->diagram, i);

      if (is_note (item) && block_of (item) == block && wm_item_get_boolean (item, "pinned"))
        wm_diagram_set_property (self->diagram, item->id, "pinned", NULL, NULL);
    }
  sync_bounds (self, 1u << block);
  wm_project_end_group (project);
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  double width, height;
  WmBmcBlock block;

  if (!is_bmc (self))
    return;
  canvas_size (self, &width, &height);
  block = wm_bmc_block_at (width, height, self->context_x, self->context_y);
  if (block < WM_BMC_N_BLOCKS)
    create_note (self, block, self->context_x, self->context_y);
}

static void
class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.bmc-color", "s", color_action);
  gtk_widget_class_install_action (widget_class, "canvas.bmc-legend-add", "s", legend_add_action);
  gtk_widget_class_install_action (widget_class, "canvas.bmc-legend-remove", "s",
                                   legend_remove_action);
  gtk_widget_class_install_action (widget_class, "canvas.bmc-legend-rename", "s",
                                   legend_rename_action);
  gtk_widget_class_install_action (widget_class, "canvas.bmc-highlight", "s", highlight_action);
  gtk_widget_class_install_action (widget_class, "canvas.bmc-tidy", "s", tidy_action);
  gtk_widget_class_install_action (widget_class, "canvas.bmc-add-note", NULL, add_note_action);
}

const WmCanvasBehavior _wm_canvas_behavior_bmc = {
  .notation_id = "business-model-canvas",
  .class_init = class_init,
  .detach = detach,
  .changed = changed,
  .press = press,
  .activate = activate,
  .drag_begin = drag_begin,
  .drag_update = drag_update,
  .drag_end = drag_end,
  .created = created,
  .paint = paint,
  .populate_menu = populate_menu,
};
