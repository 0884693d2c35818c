/* wm-canvas-bmc.c — the canvas's behaviour for Business Model Canvas diagrams
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The nine blocks are the areas of a board: dragging, filing and creating
 * notes, their flow and their colours are the board's (wm-canvas-board.c),
 * whose functions this behaviour composes. What is the canvas's own is here:
 * a press on a legend entry highlights the notes of its colour by fading the
 * others; a double-click edits the header fields and the legend's meanings
 * in place; the context menu adds a note's colour to the legend and edits
 * its entries.
 *
 * The actions "canvas.bmc-color", "canvas.bmc-tidy" and "canvas.bmc-add-note"
 * are the board's "canvas.board-…" under the names they had before the board
 * was shared; they act on Business Model Canvas diagrams only.
 */
#define G_LOG_DOMAIN "wm-canvas"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-bmc.h"
#include "wm-canvas-private.h"
#include "wm-draw.h"

/* The header fields' labels, in the order of wm_bmc_header_field(). */
static const char *const header_labels[WM_BMC_N_HEADER_FIELDS] = {
  N_("Designed for"), N_("Designed by"), N_("Date"), N_("Version"),
};

typedef struct
{
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
detach (WmCanvas *self)
{
  BmcState *state = self->behavior_data;

  _wm_canvas_board_detach (self);
  if (state == NULL)
    return;
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

static gboolean
is_note (const WmItem *item)
{
  return item != NULL && wm_item_is_node (item);
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

      if (!is_note (item) || !wm_legend_color_matches (wm_item_get_string (item, WM_FIELD_COLOR), id))
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
    set_highlight (self, wm_diagram_find_entry (self->diagram, WM_BMC_LEGEND, id) != NULL ? id : NULL);
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
  if (wm_diagram_find_entry (self->diagram, WM_BMC_LEGEND, data) != NULL)
    wm_diagram_list_rename (self->diagram, WM_BMC_LEGEND, data, text);
}

static void
edit_meaning (WmCanvas   *self,
              const char *entry_id)
{
  GPtrArray *legend = wm_diagram_get_list (self->diagram, WM_BMC_LEGEND);

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
  return _wm_canvas_board_activate (self, item, x, y);
}

static void
paint_highlight (WmCanvas *self,
                 cairo_t  *cr)
{
  const char *id = get_highlight (self);
  GPtrArray *legend = wm_diagram_get_list (self->diagram, WM_BMC_LEGEND);

  for (guint i = 0; id != NULL && legend != NULL && i < legend->len; i++)
    {
      const WmListEntry *entry = g_ptr_array_index (legend, i);
      WmRect slot, rect;

      if (!g_str_equal (entry->id, id))
        continue;
      wm_bmc_legend_entry_rect (self->diagram, i, &slot);
      slot.x -= 4;
      slot.width -= 8;
      wm_viewport_doc_rect_to_widget (self->viewport, &slot, &rect);
      wm_draw_box (cr, &rect, 4, NULL, &wm_color_accent, 2);
    }
}

static void
paint (WmCanvas *self,
       cairo_t  *cr)
{
  paint_highlight (self, cr);
  _wm_canvas_board_paint (self, cr);
}

/* The context menu */

static void
append_action (GMenu      *section,
               const char *label,
               const char *action,
               const char *target)
{
  g_autoptr(GMenuItem) menu_item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (menu_item, action, "s", target);
  g_menu_append_item (section, menu_item);
}

static void
populate_legend_menu (WmCanvas          *self,
                      GMenu             *menu,
                      const WmListEntry *entry)
{
  g_autoptr(GMenu) section = g_menu_new ();

  append_action (section, g_strcmp0 (get_highlight (self), entry->id) == 0
                          ? _("Show All Notes") : _("Highlight Notes"),
                 "canvas.bmc-highlight", entry->id);
  append_action (section, _("Rename Meaning…"), "canvas.bmc-legend-rename", entry->id);
  append_action (section, _("Remove from Legend"), "canvas.bmc-legend-remove", entry->id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
}

/* The board's menu; on a note whose colour the legend does not explain
 * yet, a way to add it. */
static void
populate_menu (WmCanvas *self,
               GMenu    *menu,
               double    x,
               double    y)
{
  WmItem *item = _wm_canvas_hit (self, x, y);
  const WmListEntry *entry;
  const char *color;

  if (!_wm_canvas_is_writable (self))
    return;
  entry = is_note (item) ? NULL : wm_bmc_legend_entry_at (self->diagram, x, y, NULL);
  if (entry != NULL)
    {
      populate_legend_menu (self, menu, entry);
      return;
    }
  _wm_canvas_board_populate_menu (self, menu, x, y);
  color = is_note (item) ? wm_item_get_string (item, WM_FIELD_COLOR) : NULL;
  if (color != NULL && _wm_canvas_board_color_meaning (self, color) == NULL)
    {
      g_autoptr(GMenu) section = g_menu_new ();

      append_action (section, _("Add Colour to Legend"), "canvas.bmc-legend-add", color);
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

/* canvas.bmc-color: canvas.board-color under its former name. */
static void
color_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);

  if (is_bmc (self))
    _wm_canvas_board_color_notes (self, g_variant_get_string (parameter, NULL));
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

  if (!is_bmc (self) || _wm_canvas_board_color_meaning (self, color) != NULL)
    return;
  id = g_ascii_strdown (color[0] == '#' ? color + 1 : color, -1);
  legend = wm_diagram_get_list (self->diagram, WM_BMC_LEGEND);
  if (!wm_diagram_list_insert (self->diagram, WM_BMC_LEGEND, legend != NULL ? legend->len : 0, id,
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
    wm_diagram_list_remove (self->diagram, WM_BMC_LEGEND, g_variant_get_string (parameter, NULL));
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

/* canvas.bmc-tidy: canvas.board-tidy under its former name. */
static void
tidy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);

  if (is_bmc (self))
    _wm_canvas_board_tidy (self, g_variant_get_string (parameter, NULL));
}

/* canvas.bmc-add-note: canvas.board-add-note under its former name. */
static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);

  if (is_bmc (self))
    _wm_canvas_board_add_note_at (self, self->context_x, self->context_y);
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
  .drag_begin = _wm_canvas_board_drag_begin,
  .drag_update = _wm_canvas_board_drag_update,
  .drag_end = _wm_canvas_board_drag_end,
  .moved = _wm_canvas_board_moved,
  .created = _wm_canvas_board_created,
  .paint = paint,
  .populate_menu = populate_menu,
};
