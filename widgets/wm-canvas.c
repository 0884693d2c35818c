/* wm-canvas.c — the diagram canvas: paints a diagram and turns input into edits
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This file holds the widget itself: its properties, the selection, painting
 * and GtkScrollable. The gestures and keyboard actions that turn input into
 * model edits are in wm-canvas-input.c.
 *
 * What part of the diagram shows is a WmViewport's business; the scroll bars
 * follow it. Their range is the diagram's extent (plus a margin) joined with
 * the area on screen, so the view can always stay where it is, and
 * scrolling, whether by the bars, the wheel or a drag, stops at the extent.
 */
#define G_LOG_DOMAIN "wm-canvas"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>
#include <math.h>

#include "wm-canvas-private.h"
#include "wm-draw.h"
#include "wm-outline-private.h"

static void set_dimmed (WmCanvas   *self,
                        GHashTable *ids);

/* How far beyond the diagram's extent the view may scroll, in pixels. */
#define SCROLL_MARGIN 32.0

enum {
  PROP_0,
  PROP_DIAGRAM,
  PROP_ZOOM,
  PROP_SNAP,
  PROP_SHOW_GRID,
  PROP_GRID_SIZE,
  PROP_TOOL,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (WmCanvas, wm_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* The selection */

/* The pending update of the description after edits, if any. */
#define DESCRIPTION_SOURCE "wm-canvas-description-source"

static void
cancel_description_update (WmCanvas *self)
{
  guint source = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), DESCRIPTION_SOURCE));

  if (source != 0)
    g_source_remove (source);
  g_object_set_data (G_OBJECT (self), DESCRIPTION_SOURCE, NULL);
}

/* A screen reader reads the canvas as its selection: "Process “Assembly”,
 * step 3 of 7", "Use case “Pay”, in “Web shop”" (wm-outline-tree.c). */
static void
update_description (WmCanvas *self)
{
  g_autofree char *description = NULL;

  cancel_description_update (self);
  description = _wm_outline_describe_selection (self->diagram,
                                                _wm_canvas_get_selection_ids (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
}

static gboolean
update_description_later (gpointer data)
{
  WmCanvas *self = data;

  g_object_set_data (G_OBJECT (self), DESCRIPTION_SOURCE, NULL);
  update_description (self);
  return G_SOURCE_REMOVE;
}

/* An edit of the selected item may rename it or move it elsewhere: the
 * description follows once the edits pause, so that a drag does not work
 * out a value stream's flow at every step. */
static void
queue_description_update (WmCanvas      *self,
                          const WmDelta *delta)
{
  gboolean touched = FALSE;

  for (guint i = 0; delta->modified != NULL && i < delta->modified->len && !touched; i++)
    touched = g_hash_table_contains (self->selection, g_ptr_array_index (delta->modified, i));
  if (!touched && !delta->header)
    return;
  cancel_description_update (self);
  g_object_set_data (G_OBJECT (self), DESCRIPTION_SOURCE,
                     GUINT_TO_POINTER (g_timeout_add (300, update_description_later, self)));
}

static void
selection_changed (WmCanvas *self)
{
  g_clear_pointer (&self->selection_ids, g_strfreev);
  _wm_canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_description (self);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

gboolean
_wm_canvas_is_selected (WmCanvas   *self,
                        const char *id)
{
  return id != NULL && g_hash_table_contains (self->selection, id);
}

gboolean
_wm_canvas_paints_own_selection (WmCanvas     *self,
                                 const WmItem *node)
{
  return self->behavior != NULL && self->behavior->paints_selection != NULL &&
         node != NULL && self->behavior->paints_selection (self, node);
}

/* The selected items the renderer outlines: all of them, but those whose
 * selection the behaviour paints itself. A new reference. */
static GHashTable *
outlined_selection (WmCanvas *self)
{
  GHashTable *outlined;
  GHashTableIter iter;
  gpointer id;

  if (self->behavior == NULL || self->behavior->paints_selection == NULL)
    return g_hash_table_ref (self->selection);
  outlined = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_iter_init (&iter, self->selection);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!_wm_canvas_paints_own_selection (self, wm_diagram_lookup (self->diagram, id)))
      g_hash_table_add (outlined, id);
  return outlined;
}

/* Replaces the selection with @ids (a set of char *), which may be NULL and
 * may hold the very strings of the current selection. */
void
_wm_canvas_set_selection (WmCanvas   *self,
                          GHashTable *ids)
{
  GHashTable *next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean same;
  GHashTableIter iter;
  gpointer id;

  if (ids != NULL)
    {
      g_hash_table_iter_init (&iter, ids);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        g_hash_table_add (next, g_strdup (id));
    }
  same = g_hash_table_size (next) == g_hash_table_size (self->selection);
  g_hash_table_iter_init (&iter, next);
  while (same && g_hash_table_iter_next (&iter, &id, NULL))
    same = g_hash_table_contains (self->selection, id);
  if (same)
    {
      g_hash_table_unref (next);
      return;
    }
  g_hash_table_unref (self->selection);
  self->selection = next;
  selection_changed (self);
}

void
_wm_canvas_clear_selection (WmCanvas *self)
{
  if (g_hash_table_size (self->selection) == 0)
    return;
  g_hash_table_remove_all (self->selection);
  selection_changed (self);
}

void
_wm_canvas_toggle_selected (WmCanvas   *self,
                            const char *id)
{
  if (!g_hash_table_remove (self->selection, id))
    g_hash_table_add (self->selection, g_strdup (id));
  selection_changed (self);
}

static int
compare_z (gconstpointer a,
           gconstpointer b)
{
  const WmItem *item_a = *(const WmItem *const *) a;
  const WmItem *item_b = *(const WmItem *const *) b;

  return (item_a->z > item_b->z) - (item_a->z < item_b->z);
}

const char *const *
_wm_canvas_get_selection_ids (WmCanvas *self)
{
  g_autoptr(GPtrArray) items = NULL;
  GHashTableIter iter;
  gpointer id;

  if (self->selection_ids != NULL)
    return (const char *const *) self->selection_ids;
  items = g_ptr_array_sized_new (g_hash_table_size (self->selection));
  g_hash_table_iter_init (&iter, self->selection);
  while (self->diagram != NULL && g_hash_table_iter_next (&iter, &id, NULL))
    {
      WmItem *item = wm_diagram_lookup (self->diagram, id);

      if (item != NULL)
        g_ptr_array_add (items, item);
    }
  g_ptr_array_sort (items, compare_z);
  self->selection_ids = g_new (char *, items->len + 1);
  for (guint i = 0; i < items->len; i++)
    self->selection_ids[i] = g_strdup (((WmItem *) g_ptr_array_index (items, i))->id);
  self->selection_ids[items->len] = NULL;
  return (const char *const *) self->selection_ids;
}

/**
 * wm_canvas_get_selection:
 *
 * Returns: (transfer full): the selected items' ids in z-order, bottom first.
 */
GStrv
wm_canvas_get_selection (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return g_strdupv ((char **) _wm_canvas_get_selection_ids (self));
}

void
wm_canvas_select (WmCanvas          *self,
                  const char *const *ids)
{
  g_autoptr(GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (WM_IS_CANVAS (self));

  for (guint i = 0; ids != NULL && self->diagram != NULL && ids[i] != NULL; i++)
    if (wm_diagram_lookup (self->diagram, ids[i]) != NULL)
      g_hash_table_add (set, (gpointer) ids[i]);
  _wm_canvas_set_selection (self, set);
}

void
wm_canvas_select_all (WmCanvas *self)
{
  g_autoptr(GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  g_return_if_fail (WM_IS_CANVAS (self));

  n = self->diagram != NULL ? wm_diagram_get_n_items (self->diagram) : 0;
  for (guint i = 0; i < n; i++)
    g_hash_table_add (set, wm_diagram_get_item (self->diagram, i)->id);
  _wm_canvas_set_selection (self, set);
}

void
wm_canvas_reveal (WmCanvas          *self,
                  const char *const *ids)
{
  WmRect box = { 0, }, visible, extent;
  gboolean any = FALSE;

  g_return_if_fail (WM_IS_CANVAS (self));

  wm_canvas_select (self, ids);
  for (guint i = 0; ids != NULL && self->diagram != NULL && ids[i] != NULL; i++)
    {
      WmItem *item = wm_diagram_lookup (self->diagram, ids[i]);

      if (item == NULL)
        continue;
      wm_render_item_extent (self->diagram, item, &extent);
      if (any)
        wm_rect_union (&box, &extent, &box);
      else
        box = extent;
      any = TRUE;
    }
  if (!any)
    return;
  wm_viewport_get_visible (self->viewport, &visible);
  if (visible.width > 0 && box.x >= visible.x && box.y >= visible.y &&
      box.x + box.width <= visible.x + visible.width &&
      box.y + box.height <= visible.y + visible.height)
    return;
  /* Centred, at the same zoom unless it does not fit. */
  if (visible.width > 0 && (box.width > visible.width || box.height > visible.height))
    {
      wm_viewport_fit (self->viewport, &box, 40);
    }
  else
    wm_viewport_set_origin (self->viewport, box.x + box.width / 2 - visible.width / 2,
                            box.y + box.height / 2 - visible.height / 2);
  _wm_canvas_sync_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Fades the items whose text lacks self->filter (matched as the window's
 * find matches, wm-find.h); returns how many match. */
static guint
apply_filter (WmCanvas *self)
{
  g_autoptr(GHashTable) dimmed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint matches = 0;

  for (guint i = 0; i < wm_diagram_get_n_items (self->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (self->diagram, i);

      if (wm_find_match (self->filter, item->text))
        matches++;
      else
        g_hash_table_add (dimmed, g_strdup (item->id));
    }
  set_dimmed (self, dimmed);
  return matches;
}

/* While finding, an edit fades or shows only the items it touched: a drag
 * costs what it moves, not a pass over the diagram. */
static void
refilter (WmCanvas      *self,
          const WmDelta *delta)
{
  const GPtrArray *touched[] = { delta->added, delta->modified };

  for (guint l = 0; l < G_N_ELEMENTS (touched); l++)
    for (guint i = 0; touched[l] != NULL && i < touched[l]->len; i++)
      {
        WmItem *item = wm_diagram_lookup (self->diagram, g_ptr_array_index (touched[l], i));

        if (item == NULL)
          continue;
        if (wm_find_match (self->filter, item->text))
          g_hash_table_remove (self->dimmed, item->id);
        else
          g_hash_table_add (self->dimmed, g_strdup (item->id));
      }
  for (guint i = 0; delta->removed != NULL && i < delta->removed->len; i++)
    g_hash_table_remove (self->dimmed, g_ptr_array_index (delta->removed, i));
}

guint
wm_canvas_set_filter (WmCanvas   *self,
                      const char *filter)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), 0);

  if (filter == NULL || filter[0] == '\0' || self->diagram == NULL)
    {
      _wm_canvas_set_dimmed (self, NULL);
      return self->diagram != NULL ? wm_diagram_get_n_items (self->diagram) : 0;
    }
  g_free (self->filter);
  self->filter = wm_find_fold (filter);
  return apply_filter (self);
}

/* The extent and the scroll bars */

static void queue_extent_refresh (WmCanvas *self);

void
_wm_canvas_drag_done (WmCanvas *self)
{
  WmCanvasDragMode mode = self->drag.mode;

  /* A drag the behaviour owns, cut short (another diagram, the widget gone). */
  if (mode == WM_CANVAS_DRAG_CUSTOM && self->behavior != NULL && self->behavior->drag_end != NULL)
    self->behavior->drag_end (self, 0, 0, TRUE);
  g_clear_pointer (&self->drag.ids, g_strfreev);
  g_clear_pointer (&self->drag.source_id, g_free);
  self->drag = (WmCanvasDrag) { .mode = WM_CANVAS_DRAG_NONE };
  if (mode == WM_CANVAS_DRAG_NONE)
    return;
  if (mode == WM_CANVAS_DRAG_MOVE && self->diagram != NULL)
    queue_extent_refresh (self);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->space_held ? "grab"
                                   : self->tool != NULL ? "crosshair" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_extent (WmCanvas *self)
{
  wm_render_get_extent (self->diagram, &self->extent);
  self->extent_valid = TRUE;
}

void
_wm_canvas_ensure_extent (WmCanvas *self)
{
  if (self->diagram == NULL)
    self->extent = (WmRect) { 0, 0, 0, 0 };
  else if (!self->extent_valid)
    update_extent (self);
}

static gboolean
refresh_extent_idle (gpointer data)
{
  WmCanvas *self = data;

  self->extent_idle_id = 0;
  if (self->diagram != NULL)
    {
      update_extent (self);
      _wm_canvas_sync_adjustments (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  return G_SOURCE_REMOVE;
}

/* Recomputing the extent visits every item, so a burst of edits (a drag, a
 * held arrow key) recomputes it once, when the burst is over. */
static void
queue_extent_refresh (WmCanvas *self)
{
  if (self->extent_idle_id == 0 && self->drag.mode != WM_CANVAS_DRAG_MOVE)
    self->extent_idle_id = g_timeout_add_full (G_PRIORITY_LOW, 150, refresh_extent_idle,
                                               self, NULL);
}

static void
configure (WmCanvas      *self,
           GtkAdjustment *adjustment,
           double         origin,
           double         extent_start,
           double         extent_size,
           double         page)
{
  double zoom = wm_viewport_get_zoom (self->viewport);
  double value = origin * zoom;
  double lower = MIN (extent_start * zoom - SCROLL_MARGIN, value);
  double upper = MAX ((extent_start + extent_size) * zoom + SCROLL_MARGIN, value + page);

  gtk_adjustment_configure (adjustment, value, lower, upper, page * 0.1, page * 0.9, page);
}

void
_wm_canvas_sync_adjustments (WmCanvas *self)
{
  double x, y, width, height;

  if (self->syncing)
    return;
  _wm_canvas_ensure_extent (self);
  wm_viewport_get_origin (self->viewport, &x, &y);
  wm_viewport_get_size (self->viewport, &width, &height);
  self->syncing = TRUE;
  if (self->hadjustment != NULL)
    configure (self, self->hadjustment, x, self->extent.x, self->extent.width, width);
  if (self->vadjustment != NULL)
    configure (self, self->vadjustment, y, self->extent.y, self->extent.height, height);
  self->syncing = FALSE;
}

/* Pans by a distance in pixels, within the scroll bars' range. */
void
_wm_canvas_scroll_by (WmCanvas *self,
                      double    dx,
                      double    dy)
{
  _wm_canvas_sync_adjustments (self);
  if (dx != 0)
    gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + dx);
  if (dy != 0)
    gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + dy);
}

static void
adjustment_value_changed (WmCanvas *self)
{
  double zoom = wm_viewport_get_zoom (self->viewport);

  if (self->syncing)
    return;
  wm_viewport_set_origin (self->viewport,
                          gtk_adjustment_get_value (self->hadjustment) / zoom,
                          gtk_adjustment_get_value (self->vadjustment) / zoom);
}

static void
set_adjustment (WmCanvas       *self,
                GtkAdjustment **slot,
                gulong         *handler_id,
                GtkAdjustment  *adjustment,
                const char     *property)
{
  g_autoptr(GtkAdjustment) owned = NULL;

  if (adjustment != NULL && adjustment == *slot)
    return;
  /* Without a scrolled window around it, the canvas keeps its own. */
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  owned = g_object_ref_sink (adjustment);
  if (*slot != NULL)
    g_clear_signal_handler (handler_id, *slot);
  g_set_object (slot, owned);
  *handler_id = g_signal_connect_swapped (owned, "value-changed",
                                          G_CALLBACK (adjustment_value_changed), self);
  _wm_canvas_sync_adjustments (self);
  g_object_notify (G_OBJECT (self), property);
}

/* The diagram */

static void
diagram_changed (WmCanvas      *self,
                 const WmDelta *delta)
{
  gboolean dropped = FALSE;

  if (delta->order || (delta->added != NULL && delta->added->len > 0) ||
      (delta->removed != NULL && delta->removed->len > 0))
    g_clear_pointer (&self->selection_ids, g_strfreev);
  for (guint i = 0; delta->removed != NULL && i < delta->removed->len; i++)
    dropped |= g_hash_table_remove (self->selection, g_ptr_array_index (delta->removed, i));
  if (self->pending_id != NULL && wm_diagram_lookup (self->diagram, self->pending_id) == NULL)
    g_clear_pointer (&self->pending_id, g_free);

  /* The extent may only grow until the refresh, so the paper and the
   * scroll bars always cover what was just drawn. */
  if (self->extent_valid && !wm_rect_is_empty (&delta->dirty))
    wm_rect_union (&self->extent, &delta->dirty, &self->extent);
  if (delta->header)
    self->extent_valid = FALSE;
  queue_extent_refresh (self);
  _wm_canvas_sync_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* Items added or renamed while finding fade or show as they match. */
  if (self->filter != NULL)
    refilter (self, delta);
  if (self->behavior != NULL && self->behavior->changed != NULL)
    self->behavior->changed (self, delta);
  if (dropped)
    selection_changed (self);
  else
    {
      _wm_canvas_update_actions (self);
      if (g_hash_table_size (self->selection) > 0)
        queue_description_update (self, delta);
    }
}

/* The modules of wm-notations.list that have a behaviour of their own. */
#define WM_BEHAVIOR_ENTRY(c_name) &_wm_canvas_behavior_##c_name,
static const WmCanvasBehavior *const behaviors[] = {
  WM_CANVAS_BEHAVIOR_MODULES (WM_BEHAVIOR_ENTRY)
};
#undef WM_BEHAVIOR_ENTRY

static void
detach_behavior (WmCanvas *self)
{
  if (self->behavior != NULL && self->behavior->detach != NULL)
    self->behavior->detach (self);
  self->behavior = NULL;
  self->behavior_data = NULL;
  g_clear_pointer (&self->dimmed, g_hash_table_unref);
  g_clear_pointer (&self->filter, g_free);
}

static void
attach_behavior (WmCanvas *self)
{
  const char *notation;

  if (self->diagram == NULL)
    return;
  notation = wm_diagram_get_notation (self->diagram)->id;
  for (guint i = 0; i < G_N_ELEMENTS (behaviors); i++)
    if (g_str_equal (behaviors[i]->notation_id, notation))
      self->behavior = behaviors[i];
  /* A board without a behaviour of its own still drags and files its notes. */
  if (self->behavior == NULL && wm_board_get (self->diagram) != NULL)
    self->behavior = &_wm_canvas_behavior_board;
}

static void
set_dimmed (WmCanvas   *self,
            GHashTable *ids)
{
  if (ids != NULL)
    g_hash_table_ref (ids);
  g_clear_pointer (&self->dimmed, g_hash_table_unref);
  self->dimmed = ids;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_wm_canvas_set_dimmed (WmCanvas   *self,
                       GHashTable *ids)
{
  g_clear_pointer (&self->filter, g_free);
  set_dimmed (self, ids);
}

void
_wm_canvas_doc_to_widget (WmCanvas *self,
                          double    x,
                          double    y,
                          double   *wx,
                          double   *wy)
{
  wm_viewport_doc_to_widget (self->viewport, x, y, wx, wy);
}

void
_wm_canvas_node_created (WmCanvas *self,
                         WmItem   *item)
{
  if (self->behavior != NULL && self->behavior->created != NULL)
    self->behavior->created (self, item);
}

WmDiagram *
wm_canvas_get_diagram (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return self->diagram;
}

/* A canvas shows a diagram whole at first, but small diagrams are not
 * blown up; an application picks its own opening view with
 * wm_canvas_show_opening_view(). */
static void
show_whole (WmCanvas *self)
{
  wm_canvas_zoom_to_fit (self);
  if (wm_viewport_get_zoom (self->viewport) > 1)
    wm_viewport_set_zoom (self->viewport, 1);
}

void
wm_canvas_set_diagram (WmCanvas  *self,
                       WmDiagram *diagram)
{
  g_return_if_fail (WM_IS_CANVAS (self));
  g_return_if_fail (diagram == NULL || WM_IS_DIAGRAM (diagram));

  if (self->diagram == diagram)
    return;
  _wm_canvas_end_edit (self, TRUE);
  _wm_canvas_drag_done (self);
  detach_behavior (self);
  g_set_object (&self->diagram, diagram);
  attach_behavior (self);
  g_clear_pointer (&self->pending_id, g_free);
  wm_canvas_set_tool (self, NULL);
  g_signal_group_set_target (self->diagram_signals, diagram);
  g_hash_table_remove_all (self->selection);
  g_clear_pointer (&self->selection_ids, g_strfreev);
  g_clear_handle_id (&self->extent_idle_id, g_source_remove);
  self->extent_valid = FALSE;
  self->fit_pending = diagram != NULL;
  if (diagram != NULL && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    {
      self->fit_pending = FALSE;
      show_whole (self);
    }
  _wm_canvas_sync_adjustments (self);
  update_description (self);
  _wm_canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAGRAM]);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

WmViewport *
wm_canvas_get_viewport (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return self->viewport;
}

void
wm_canvas_zoom_to_fit (WmCanvas *self)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  if (self->diagram == NULL)
    return;
  _wm_canvas_ensure_extent (self);
  wm_viewport_fit (self->viewport, &self->extent, 12);
}

void
wm_canvas_zoom_to_fit_width (WmCanvas *self)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  if (self->diagram == NULL)
    return;
  _wm_canvas_ensure_extent (self);
  wm_viewport_fit_width (self->viewport, &self->extent, 12, WM_VIEWPORT_MIN_ZOOM,
                         WM_VIEWPORT_MAX_ZOOM);
}

void
wm_canvas_show_opening_view (WmCanvas *self)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  if (self->diagram == NULL)
    return;
  /* What an analyst wants first is text to read: the diagram's width when
   * that is close enough, else its top-left corner at a readable zoom. Small
   * diagrams are not blown up. */
  _wm_canvas_ensure_extent (self);
  if (wm_diagram_get_n_items (self->diagram) == 0)
    {
      /* A new diagram: drawing starts at 100 %, from its top-left corner
       * (the document's origin, or its blocks' corner when further up). */
      wm_viewport_set_zoom (self->viewport, 1.0);
      wm_viewport_set_origin (self->viewport, MIN (self->extent.x, 0) - 12,
                              MIN (self->extent.y, 0) - 12);
      return;
    }
  wm_viewport_fit_width (self->viewport, &self->extent, 12, wm_render_get_readable_zoom (), 1.0);
}

WmRenderDetail
wm_canvas_get_detail (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), WM_RENDER_DETAIL_FULL);

  return wm_render_get_detail (wm_viewport_get_device_zoom (self->viewport));
}

double
wm_canvas_get_zoom (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), 1.0);

  return wm_viewport_get_zoom (self->viewport);
}

void
wm_canvas_set_zoom (WmCanvas *self,
                    double    zoom)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  wm_viewport_set_zoom (self->viewport, zoom);
}

gboolean
wm_canvas_get_snap (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  return self->snap;
}

void
wm_canvas_set_snap (WmCanvas *self,
                    gboolean  snap)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  snap = !!snap;
  if (self->snap == snap)
    return;
  self->snap = snap;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP]);
}

gboolean
wm_canvas_get_show_grid (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  return self->show_grid;
}

void
wm_canvas_set_show_grid (WmCanvas *self,
                         gboolean  show_grid)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  show_grid = !!show_grid;
  if (self->show_grid == show_grid)
    return;
  self->show_grid = show_grid;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_GRID]);
}

double
wm_canvas_get_grid_size (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), WM_CANVAS_DEFAULT_GRID);

  return self->grid_size;
}

void
wm_canvas_set_grid_size (WmCanvas *self,
                         double    grid_size)
{
  g_return_if_fail (WM_IS_CANVAS (self));
  g_return_if_fail (grid_size > 0);

  if (self->grid_size == grid_size)
    return;
  self->grid_size = grid_size;
  if (self->show_grid)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRID_SIZE]);
}

/**
 * wm_canvas_get_tool:
 *
 * Returns: (nullable): the id of the tool's type, or NULL for the select tool.
 */
const char *
wm_canvas_get_tool (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return self->tool != NULL ? self->tool->id : NULL;
}

void
wm_canvas_set_tool (WmCanvas   *self,
                    const char *type_id)
{
  const WmItemType *type = NULL;

  g_return_if_fail (WM_IS_CANVAS (self));

  if (type_id != NULL)
    {
      g_return_if_fail (self->diagram != NULL);
      type = wm_notation_lookup_type (wm_diagram_get_notation (self->diagram), type_id);
      g_return_if_fail (type != NULL);
    }
  if (self->tool == type)
    return;
  self->tool = type;
  self->tool_press = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), type != NULL ? "crosshair" : NULL);
  _wm_canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

static void
viewport_notify (WmCanvas   *self,
                 GParamSpec *pspec)
{
  _wm_canvas_sync_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (g_str_equal (pspec->name, "zoom"))
    {
      _wm_canvas_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
}

/* Painting */

static gboolean
is_dark (void)
{
  return adw_is_initialized () && adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* The dots sit on whole pixels of @base, the widget's own space, so that
 * they stay crisp at every zoom. */
static void
paint_grid (WmCanvas             *self,
            cairo_t              *cr,
            const cairo_matrix_t *base,
            const WmRect         *area)
{
  double zoom = wm_viewport_get_zoom (self->viewport);
  double step = self->grid_size;

  /* Dots closer than 12 pixels would be a grey wash: take every fifth, and so
   * on, which also bounds the work by the widget's size. */
  while (step * zoom < 12)
    step *= 5;
  cairo_save (cr);
  cairo_set_matrix (cr, base);
  for (double y = ceil (area->y / step) * step; y <= area->y + area->height; y += step)
    for (double x = ceil (area->x / step) * step; x <= area->x + area->width; x += step)
      {
        double wx, wy;

        wm_viewport_doc_to_widget (self->viewport, x, y, &wx, &wy);
        cairo_rectangle (cr, round (wx), round (wy), 1, 1);
      }
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The painters outline selected nodes; a selected link gets a halo along
 * its line, outside its end nodes. */
static void
paint_link_halo (WmCanvas     *self,
                 cairo_t      *cr,
                 const WmItem *link)
{
  WmItem *source = wm_diagram_lookup (self->diagram, link->source);
  WmItem *target = wm_diagram_lookup (self->diagram, link->target);
  double zoom = wm_viewport_get_zoom (self->viewport);
  WmColor halo = wm_color_accent;
  WmRect from, to;

  if (source == NULL || target == NULL)
    return;
  /* Where the painter puts the ends and the line, which a layout may place. */
  _wm_canvas_node_rect (self, source, &from);
  _wm_canvas_node_rect (self, target, &to);
  cairo_save (cr);
  cairo_rectangle (cr, -G_MAXINT, -G_MAXINT, 2.0 * G_MAXINT, 2.0 * G_MAXINT);
  cairo_rectangle (cr, from.x, from.y, from.width, from.height);
  cairo_rectangle (cr, to.x, to.y, to.width, to.height);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip (cr);
  cairo_new_path (cr);
  if (!wm_render_link_path (self->diagram, link, cr))
    {
      cairo_restore (cr);
      return;
    }
  halo.alpha = 0.35;
  wm_set_color (cr, &halo);
  cairo_set_line_width (cr, 7 / zoom);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
paint_link_selection (WmCanvas     *self,
                      cairo_t      *cr,
                      const WmRect *visible)
{
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, self->selection);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      WmItem *item = wm_diagram_lookup (self->diagram, id);
      WmRect extent;

      if (item == NULL || !wm_item_is_link (item))
        continue;
      wm_render_item_extent (self->diagram, item, &extent);
      if (wm_rect_intersects (&extent, visible))
        paint_link_halo (self, cr, item);
    }
}

static void
paint_band (WmCanvas *self,
            cairo_t  *cr)
{
  const WmCanvasDrag *drag = &self->drag;
  double x = drag->start_x + MIN (drag->offset_x, 0);
  double y = drag->start_y + MIN (drag->offset_y, 0);

  cairo_rectangle (cr, floor (x) + 0.5, floor (y) + 0.5,
                   floor (fabs (drag->offset_x)), floor (fabs (drag->offset_y)));
  cairo_set_source_rgba (cr, wm_color_accent.red, wm_color_accent.green,
                         wm_color_accent.blue, 0.15);
  cairo_fill_preserve (cr);
  wm_set_color (cr, &wm_color_accent);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* The alignment guides of a move: hairlines over the diagram, from the
 * moving box to the nodes it lines up with. */
static void
paint_guides (WmCanvas *self,
              cairo_t  *cr)
{
  const WmCanvasDrag *drag = &self->drag;

  if (drag->mode != WM_CANVAS_DRAG_MOVE || drag->n_guides == 0)
    return;
  for (guint i = 0; i < drag->n_guides; i++)
    {
      const WmCanvasGuide *guide = &drag->guides[i];
      double x1, y1, x2, y2;

      if (guide->vertical)
        {
          wm_viewport_doc_to_widget (self->viewport, guide->pos, guide->from, &x1, &y1);
          wm_viewport_doc_to_widget (self->viewport, guide->pos, guide->to, &x2, &y2);
          /* Through the middle of a pixel, so that one pixel is lit. */
          x1 = x2 = floor (x1) + 0.5;
        }
      else
        {
          wm_viewport_doc_to_widget (self->viewport, guide->from, guide->pos, &x1, &y1);
          wm_viewport_doc_to_widget (self->viewport, guide->to, guide->pos, &x2, &y2);
          y1 = y2 = floor (y1) + 0.5;
        }
      cairo_move_to (cr, x1, y1);
      cairo_line_to (cr, x2, y2);
    }
  cairo_set_source_rgba (cr, wm_color_accent.red, wm_color_accent.green,
                         wm_color_accent.blue, 0.9);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* Three translucent layers, each a pixel wider, around the paper. Only
 * their frame is filled: a pixel a pixel or more within the paper shown
 * (@area, the paper in view) is covered by it, opaque, and blending three
 * layers into every pixel of the view first cost a large part of a frame
 * that shows the whole diagram. */
static void
paint_paper_shadow (cairo_t      *cr,
                    const WmRect *extent,
                    const WmRect *area,
                    double        zoom)
{
  double pixel = 1 / zoom;
  gboolean hole = area->width > 2 * pixel && area->height > 2 * pixel;

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.05);
  for (int i = 1; i <= 3; i++)
    {
      double grow = i * pixel;

      cairo_rectangle (cr, extent->x - grow, extent->y - grow + pixel,
                       extent->width + 2 * grow, extent->height + 2 * grow);
      if (hole)
        cairo_rectangle (cr, area->x + pixel, area->y + pixel,
                         area->width - 2 * pixel, area->height - 2 * pixel);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static gboolean
intersect (const WmRect *a,
           const WmRect *b,
           WmRect       *dest)
{
  double x1 = MAX (a->x, b->x), y1 = MAX (a->y, b->y);
  double x2 = MIN (a->x + a->width, b->x + b->width);
  double y2 = MIN (a->y + a->height, b->y + b->height);

  *dest = (WmRect) { x1, y1, MAX (x2 - x1, 0), MAX (y2 - y1, 0) };
  return x2 > x1 && y2 > y1;
}

void
_wm_canvas_paint (WmCanvas *self,
                  cairo_t  *cr)
{
  WmRenderOptions options;
  g_autoptr(GHashTable) outlined = NULL;
  cairo_matrix_t base;
  WmRect visible, area;
  double zoom = wm_viewport_get_zoom (self->viewport);
  double x, y;

  if (is_dark ())
    cairo_set_source_rgb (cr, 0.19, 0.19, 0.20);
  else
    cairo_set_source_rgb (cr, 0.92, 0.92, 0.93);
  cairo_paint (cr);
  if (self->diagram == NULL)
    return;

  _wm_canvas_ensure_extent (self);
  wm_viewport_get_visible (self->viewport, &visible);
  wm_viewport_get_origin (self->viewport, &x, &y);
  cairo_get_matrix (cr, &base);
  cairo_save (cr);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -x, -y);
  if (!intersect (&visible, &self->extent, &area))
    area = (WmRect) { 0, 0, 0, 0 };
  paint_paper_shadow (cr, &self->extent, &area, zoom);
  if (area.width > 0)
    {
      /* The paper is the diagram's extent; what lies outside it stays grey. */
      cairo_rectangle (cr, area.x, area.y, area.width, area.height);
      cairo_clip (cr);
      wm_render_options_init (&options);
      options.visible = area;
      options.scale = wm_viewport_get_device_zoom (self->viewport);
      options.screen = TRUE;
      outlined = outlined_selection (self);
      options.selected = outlined;
      options.dimmed = self->dimmed;
      options.paper = TRUE;
      if (self->show_grid)
        {
          /* The grid lies on the paper, under the drawing. */
          wm_draw_box (cr, &area, 0, &wm_color_paper, NULL, 0);
          paint_grid (self, cr, &base, &area);
          options.paper = FALSE;
        }
      wm_render_diagram (self->diagram, cr, &options);
      paint_link_selection (self, cr, &area);
    }
  cairo_restore (cr);
  if (self->behavior != NULL && self->behavior->paint != NULL)
    {
      cairo_save (cr);
      self->behavior->paint (self, cr);
      cairo_restore (cr);
    }
  paint_guides (self, cr);
  _wm_canvas_paint_tools (self, cr);
  if (self->drag.mode == WM_CANVAS_DRAG_BAND)
    paint_band (self, cr);
}

/* GtkWidget */

static void
wm_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  WmCanvas *self = WM_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  _wm_canvas_paint (self, cr);
  cairo_destroy (cr);
}

static void
wm_canvas_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  /* A canvas scrolls: it needs no room, and asks for a comfortable view. */
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 360;
}

static void
wm_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  WmCanvas *self = WM_CANVAS (widget);

  wm_viewport_set_size (self->viewport, width, height);
  wm_viewport_set_scale_factor (self->viewport, gtk_widget_get_scale_factor (widget));
  if (self->fit_pending && width > 0 && height > 0)
    {
      self->fit_pending = FALSE;
      show_whole (self);
    }
  _wm_canvas_sync_adjustments (self);
  _wm_canvas_allocate_tools (self);
}

/* GObject */

static void
wm_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WmCanvas *self = WM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DIAGRAM:
      g_value_set_object (value, self->diagram);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, wm_viewport_get_zoom (self->viewport));
      break;
    case PROP_SNAP:
      g_value_set_boolean (value, self->snap);
      break;
    case PROP_SHOW_GRID:
      g_value_set_boolean (value, self->show_grid);
      break;
    case PROP_GRID_SIZE:
      g_value_set_double (value, self->grid_size);
      break;
    case PROP_TOOL:
      g_value_set_string (value, wm_canvas_get_tool (self));
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_policy (WmCanvas   *self,
            gboolean    horizontal,
            guint       policy)
{
  if ((horizontal ? self->hscroll_policy : self->vscroll_policy) == policy)
    return;
  if (horizontal)
    self->hscroll_policy = policy;
  else
    self->vscroll_policy = policy;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify (G_OBJECT (self), horizontal ? "hscroll-policy" : "vscroll-policy");
}

static void
wm_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WmCanvas *self = WM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DIAGRAM:
      wm_canvas_set_diagram (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      wm_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_SNAP:
      wm_canvas_set_snap (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_GRID:
      wm_canvas_set_show_grid (self, g_value_get_boolean (value));
      break;
    case PROP_GRID_SIZE:
      wm_canvas_set_grid_size (self, g_value_get_double (value));
      break;
    case PROP_TOOL:
      wm_canvas_set_tool (self, g_value_get_string (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, &self->hadjustment_id,
                      g_value_get_object (value), "hadjustment");
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, &self->vadjustment_id,
                      g_value_get_object (value), "vadjustment");
      break;
    case PROP_HSCROLL_POLICY:
      set_policy (self, TRUE, g_value_get_enum (value));
      break;
    case PROP_VSCROLL_POLICY:
      set_policy (self, FALSE, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clear_adjustments (WmCanvas *self)
{
  if (self->hadjustment != NULL)
    g_clear_signal_handler (&self->hadjustment_id, self->hadjustment);
  if (self->vadjustment != NULL)
    g_clear_signal_handler (&self->vadjustment_id, self->vadjustment);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
}

static void
wm_canvas_dispose (GObject *object)
{
  WmCanvas *self = WM_CANVAS (object);

  _wm_canvas_drag_done (self);
  _wm_canvas_dispose_tools (self);
  detach_behavior (self);
  g_clear_pointer (&self->context_popover, gtk_widget_unparent);
  g_clear_object (&self->context_menu);
  g_clear_handle_id (&self->extent_idle_id, g_source_remove);
  cancel_description_update (self);
  if (self->diagram_signals != NULL)
    g_signal_group_set_target (self->diagram_signals, NULL);
  g_clear_object (&self->diagram);
  clear_adjustments (self);

  G_OBJECT_CLASS (wm_canvas_parent_class)->dispose (object);
}

static void
wm_canvas_finalize (GObject *object)
{
  WmCanvas *self = WM_CANVAS (object);

  /* A scrolled window may hand back its adjustments after dispose. */
  clear_adjustments (self);
  g_clear_object (&self->diagram_signals);
  g_clear_object (&self->viewport);
  g_clear_pointer (&self->selection, g_hash_table_unref);
  g_clear_pointer (&self->selection_ids, g_strfreev);
  g_clear_pointer (&self->pending_id, g_free);
  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (wm_canvas_parent_class)->finalize (object);
}

static void
wm_canvas_class_init (WmCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = wm_canvas_get_property;
  object_class->set_property = wm_canvas_set_property;
  object_class->dispose = wm_canvas_dispose;
  object_class->finalize = wm_canvas_finalize;

  widget_class->snapshot = wm_canvas_snapshot;
  widget_class->measure = wm_canvas_measure;
  widget_class->size_allocate = wm_canvas_size_allocate;

  properties[PROP_DIAGRAM] =
    g_param_spec_object ("diagram", NULL, NULL, WM_TYPE_DIAGRAM, flags);
  /**
   * WmCanvas:zoom:
   *
   * The viewport's zoom: widget pixels per document unit.
   */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         WM_VIEWPORT_MIN_ZOOM, WM_VIEWPORT_MAX_ZOOM, 1.0, flags);
  /**
   * WmCanvas:snap:
   *
   * Whether moving, resizing and creating items snaps them to the grid
   * of #WmCanvas:grid-size units.
   */
  properties[PROP_SNAP] =
    g_param_spec_boolean ("snap", NULL, NULL, FALSE, flags);
  properties[PROP_SHOW_GRID] =
    g_param_spec_boolean ("show-grid", NULL, NULL, FALSE, flags);
  /**
   * WmCanvas:grid-size:
   *
   * The distance between grid lines, in document units: what snapping
   * rounds to and where the grid's dots are painted.
   */
  properties[PROP_GRID_SIZE] =
    g_param_spec_double ("grid-size", NULL, NULL, 1.0, 1000.0, WM_CANVAS_DEFAULT_GRID, flags);
  /**
   * WmCanvas:tool:
   *
   * The id of the node or link type that input creates, or NULL to select.
   */
  properties[PROP_TOOL] =
    g_param_spec_string ("tool", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * WmCanvas::selection-changed:
   *
   * Emitted when items are selected or deselected, and when the diagram changes.
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  _wm_canvas_class_init_actions (widget_class);
  _wm_canvas_class_init_tools (widget_class);
  _wm_canvas_class_init_edit (widget_class);
  /* The board's actions serve every notation that is a board, the BMC's too. */
  _wm_canvas_behavior_board.class_init (widget_class);
  for (guint i = 0; i < G_N_ELEMENTS (behaviors); i++)
    if (behaviors[i]->class_init != NULL)
      behaviors[i]->class_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "waymark-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
scale_factor_changed (GtkWidget  *widget,
                      GParamSpec *pspec,
                      gpointer    data)
{
  wm_viewport_set_scale_factor (WM_CANVAS (widget)->viewport,
                                gtk_widget_get_scale_factor (widget));
}

static void
wm_canvas_init (WmCanvas *self)
{
  self->viewport = wm_viewport_new ();
  self->selection = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->grid_size = WM_CANVAS_DEFAULT_GRID;
  self->diagram_signals = g_signal_group_new (WM_TYPE_DIAGRAM);
  g_signal_group_connect_swapped (self->diagram_signals, "changed",
                                  G_CALLBACK (diagram_changed), self);
  g_signal_connect_object (self->viewport, "notify", G_CALLBACK (viewport_notify), self,
                           G_CONNECT_SWAPPED);
  set_adjustment (self, &self->hadjustment, &self->hadjustment_id, NULL, "hadjustment");
  set_adjustment (self, &self->vadjustment, &self->vadjustment_id, NULL, "vadjustment");
  /* The level of detail follows device pixels: a move to a display of
   * another scale factor changes it. */
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed), NULL);
  if (adw_is_initialized ())
    g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                             G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Diagram canvas"),
                                  -1);
  _wm_canvas_init_input (self);
  _wm_canvas_init_tools (self);
  _wm_canvas_update_actions (self);
}

GtkWidget *
wm_canvas_new (void)
{
  return g_object_new (WM_TYPE_CANVAS, NULL);
}
