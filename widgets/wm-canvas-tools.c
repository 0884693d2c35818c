/* wm-canvas-tools.c — creating, connecting, resizing and editing text on the canvas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The gestures in wm-canvas-input.c hand over here when a press lands with
 * a tool other than select, on a handle of the one selected node, or with
 * Alt held on a node. Links are only ever offered where the notation allows
 * them; a refused connection flashes the target instead.
 *
 * Text is edited in a popover laid over the item: an entry for one-line
 * texts, a text view for multi-line ones. The popover is made once and its
 * child swapped, so that ending an edit from one of its own signals never
 * destroys the widget that emits it.
 */
#define G_LOG_DOMAIN "wm-canvas"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "wm-canvas-private.h"
#include "wm-draw.h"
#include "wm-render.h"

#define HANDLE_SIZE      8.0   /* pixels: a resize handle's side */
#define HANDLE_GRAB      6.0   /* pixels from a handle's centre that still grab it */
#define CONNECT_OFFSET  16.0   /* pixels: the connect handle's distance from the node */
#define CONNECT_RADIUS   5.0
#define BEND_HANDLE_RADIUS 4.0 /* pixels: the dot at a link segment's middle */
#define REFUSAL_MS     450

gboolean
_wm_canvas_is_writable (WmCanvas *self)
{
  WmProject *project = self->diagram ? wm_diagram_get_project (self->diagram) : NULL;

  return self->diagram != NULL && (project == NULL || !wm_project_get_read_only (project));
}

void
_wm_canvas_break_merge (WmCanvas *self)
{
  WmProject *project = self->diagram ? wm_diagram_get_project (self->diagram) : NULL;

  if (project != NULL)
    wm_project_break_merge (project);
}

static void
select_only (WmCanvas   *self,
             const char *id)
{
  const char *ids[] = { id, NULL };

  wm_canvas_select (self, ids);
}

/* The one selected item, or NULL. */
static WmItem *
single_item (WmCanvas *self)
{
  GHashTableIter iter;
  gpointer id;

  if (self->diagram == NULL || g_hash_table_size (self->selection) != 1)
    return NULL;
  g_hash_table_iter_init (&iter, self->selection);
  g_hash_table_iter_next (&iter, &id, NULL);
  return wm_diagram_lookup (self->diagram, id);
}

WmItem *
_wm_canvas_single_node (WmCanvas *self)
{
  WmItem *item = single_item (self);

  return item != NULL && wm_item_is_node (item) ? item : NULL;
}

/* The one selected link, or NULL. */
static WmItem *
single_link (WmCanvas *self)
{
  WmItem *item = single_item (self);

  return item != NULL && wm_item_is_link (item) ? item : NULL;
}

/* Handles */

void
_wm_canvas_node_rect (WmCanvas     *self,
                      const WmItem *node,
                      WmRect       *rect)
{
  wm_render_node_rect (self->diagram, node, rect);
}

/* The widget rectangle of where @node is drawn. */
static void
node_widget_rect (WmCanvas     *self,
                  const WmItem *node,
                  WmRect       *rect)
{
  WmRect doc;

  _wm_canvas_node_rect (self, node, &doc);
  wm_viewport_doc_rect_to_widget (self->viewport, &doc, rect);
}

static const WmCanvasEdges handle_edges[8] = {
  WM_CANVAS_EDGE_LEFT | WM_CANVAS_EDGE_TOP, WM_CANVAS_EDGE_TOP,
  WM_CANVAS_EDGE_RIGHT | WM_CANVAS_EDGE_TOP, WM_CANVAS_EDGE_RIGHT,
  WM_CANVAS_EDGE_RIGHT | WM_CANVAS_EDGE_BOTTOM, WM_CANVAS_EDGE_BOTTOM,
  WM_CANVAS_EDGE_LEFT | WM_CANVAS_EDGE_BOTTOM, WM_CANVAS_EDGE_LEFT,
};

static void
handle_center (const WmRect  *rect,
               WmCanvasEdges  edges,
               double        *x,
               double        *y)
{
  *x = edges & WM_CANVAS_EDGE_LEFT ? rect->x
     : edges & WM_CANVAS_EDGE_RIGHT ? rect->x + rect->width : rect->x + rect->width / 2;
  *y = edges & WM_CANVAS_EDGE_TOP ? rect->y
     : edges & WM_CANVAS_EDGE_BOTTOM ? rect->y + rect->height : rect->y + rect->height / 2;
}

static gboolean
shows_handles (WmCanvas *self)
{
  return self->tool == NULL && self->drag.mode != WM_CANVAS_DRAG_MOVE &&
         self->drag.mode != WM_CANVAS_DRAG_CUSTOM && _wm_canvas_is_writable (self);
}

WmCanvasHandle
_wm_canvas_handle_at (WmCanvas      *self,
                      double         x,
                      double         y,
                      WmCanvasEdges *edges)
{
  WmItem *node = _wm_canvas_single_node (self);
  WmRect rect;

  if (node == NULL || !shows_handles (self) || _wm_canvas_paints_own_selection (self, node))
    return WM_CANVAS_HANDLE_NONE;
  node_widget_rect (self, node, &rect);
  for (guint i = 0; i < G_N_ELEMENTS (handle_edges); i++)
    {
      double hx, hy;

      handle_center (&rect, handle_edges[i], &hx, &hy);
      if (fabs (x - hx) <= HANDLE_GRAB && fabs (y - hy) <= HANDLE_GRAB)
        {
          if (edges != NULL)
            *edges = handle_edges[i];
          return WM_CANVAS_HANDLE_RESIZE;
        }
    }
  if (hypot (x - (rect.x + rect.width + CONNECT_OFFSET), y - (rect.y + rect.height / 2))
      <= CONNECT_RADIUS + 3)
    return WM_CANVAS_HANDLE_CONNECT;
  return WM_CANVAS_HANDLE_NONE;
}

static void
paint_handles (WmCanvas *self,
               cairo_t  *cr)
{
  WmItem *node = _wm_canvas_single_node (self);
  WmRect rect;

  if (node == NULL || !shows_handles (self) || _wm_canvas_paints_own_selection (self, node))
    return;
  node_widget_rect (self, node, &rect);
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < G_N_ELEMENTS (handle_edges); i++)
    {
      double hx, hy;

      handle_center (&rect, handle_edges[i], &hx, &hy);
      cairo_rectangle (cr, round (hx - HANDLE_SIZE / 2) + 0.5, round (hy - HANDLE_SIZE / 2) + 0.5,
                       HANDLE_SIZE, HANDLE_SIZE);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      wm_set_color (cr, &wm_color_accent);
      cairo_stroke (cr);
    }
  /* The connect handle: drag it onto another node to link the two. */
  cairo_arc (cr, rect.x + rect.width + CONNECT_OFFSET, rect.y + rect.height / 2,
             CONNECT_RADIUS, 0, 2 * G_PI);
  wm_set_color (cr, &wm_color_accent);
  cairo_fill (cr);
}

/* A selected link shows where it can bend: a hollow dot at each segment's
 * middle (drag it to pull out a bend point) and a filled square on each
 * bend point it has (drag to move, double-click to remove). Links that
 * their notation routes itself have none. */
static void
paint_bend_handles (WmCanvas *self,
                    cairo_t  *cr)
{
  WmItem *link = single_link (self);
  g_autofree WmPoint *route = NULL;

  if (link == NULL || !shows_handles (self) ||
      (route = _wm_canvas_bend_route (self->diagram, link)) == NULL)
    return;
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i <= link->n_points; i++)
    {
      double x = (route[i].x + route[i + 1].x) / 2, y = (route[i].y + route[i + 1].y) / 2;

      wm_viewport_doc_to_widget (self->viewport, x, y, &x, &y);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, BEND_HANDLE_RADIUS, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      wm_set_color (cr, &wm_color_accent);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < link->n_points; i++)
    {
      double x, y;

      wm_viewport_doc_to_widget (self->viewport, link->points[i].x, link->points[i].y, &x, &y);
      cairo_rectangle (cr, round (x - HANDLE_SIZE / 2), round (y - HANDLE_SIZE / 2),
                       HANDLE_SIZE, HANDLE_SIZE);
      wm_set_color (cr, &wm_color_accent);
      cairo_fill (cr);
    }
}

static void
paint_rubber_line (WmCanvas *self,
                   cairo_t  *cr)
{
  const WmCanvasDrag *drag = &self->drag;
  WmItem *source = wm_diagram_lookup (self->diagram, drag->source_id);
  WmRect rect;

  if (source == NULL)
    return;
  node_widget_rect (self, source, &rect);
  cairo_move_to (cr, rect.x + rect.width / 2, rect.y + rect.height / 2);
  cairo_line_to (cr, drag->start_x + drag->offset_x, drag->start_y + drag->offset_y);
  wm_set_color (cr, &wm_color_accent);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
paint_refusal (WmCanvas *self,
               cairo_t  *cr)
{
  WmRect rect;

  wm_viewport_doc_rect_to_widget (self->viewport, &self->refused, &rect);
  cairo_rectangle (cr, rect.x - 3, rect.y - 3, rect.width + 6, rect.height + 6);
  cairo_set_source_rgba (cr, 0.88, 0.11, 0.14, 0.9);
  cairo_set_line_width (cr, 3);
  cairo_stroke (cr);
}

void
_wm_canvas_paint_tools (WmCanvas *self,
                        cairo_t  *cr)
{
  if (self->diagram == NULL)
    return;
  cairo_save (cr);
  paint_handles (self, cr);
  paint_bend_handles (self, cr);
  if (self->drag.mode == WM_CANVAS_DRAG_CONNECT)
    paint_rubber_line (self, cr);
  if (self->refused_id != 0)
    paint_refusal (self, cr);
  cairo_restore (cr);
}

/* Creating nodes */

/* A click places a node no closer than a pixel: whole document units, or
 * halves, quarters... when a unit is more than a pixel wide. Powers of two
 * keep the file's numbers short (no "x=\"-7.0830212234706664\""). */
static double
creation_step (double zoom)
{
  return zoom <= 1 ? 1 : pow (2, -ceil (log2 (zoom)));
}

WmItem *
_wm_canvas_create_node_at (WmCanvas   *self,
                           const char *type_id,
                           double      x,
                           double      y)
{
  const WmItemType *type;
  g_autoptr(GError) error = NULL;
  WmItem *item;
  WmRect bounds;
  double dx, dy, step;

  if (!_wm_canvas_is_writable (self) || type_id == NULL)
    return NULL;
  type = wm_notation_lookup_type (wm_diagram_get_notation (self->diagram), type_id);
  if (type == NULL || type->kind != WM_ITEM_NODE)
    return NULL;
  wm_viewport_widget_to_doc (self->viewport, x, y, &dx, &dy);
  bounds = (WmRect) { dx - type->width / 2, dy - type->height / 2, type->width, type->height };
  step = self->snap ? self->grid_size : creation_step (wm_viewport_get_zoom (self->viewport));
  bounds.x = round (bounds.x / step) * step;
  bounds.y = round (bounds.y / step) * step;
  _wm_canvas_break_merge (self);
  item = wm_diagram_add_node (self->diagram, type->id, &bounds,
                              g_dgettext (GETTEXT_PACKAGE, type->label), &error);
  if (item == NULL)
    {
      g_debug ("Cannot create a %s: %s", type->id, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return NULL;
    }
  _wm_canvas_node_created (self, item);
  select_only (self, item->id);
  return item;
}

/* Connecting */

static gboolean
clear_refusal (gpointer data)
{
  WmCanvas *self = data;

  self->refused_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
refuse (WmCanvas     *self,
        const WmItem *target)
{
  _wm_canvas_node_rect (self, target, &self->refused);
  g_clear_handle_id (&self->refused_id, g_source_remove);
  self->refused_id = g_timeout_add (REFUSAL_MS, clear_refusal, self);
  gtk_widget_error_bell (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
connect_nodes (WmCanvas         *self,
               const WmItemType *type,
               const char       *source_id,
               const char       *target_id)
{
  g_autoptr(GError) error = NULL;
  WmItem *link;

  _wm_canvas_break_merge (self);
  link = wm_diagram_add_link (self->diagram, type->id, source_id, target_id, &error);
  if (link == NULL)
    {
      g_debug ("Cannot connect %s to %s: %s", source_id, target_id, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  select_only (self, link->id);
}

static void
clear_offer (WmCanvas *self)
{
  g_clear_pointer (&self->offer_source, g_free);
  g_clear_pointer (&self->offer_target, g_free);
}

static void
show_offer (WmCanvas  *self,
            GPtrArray *types,
            double     x,
            double     y)
{
  g_menu_remove_all (self->offer_menu);
  for (guint i = 0; i < types->len; i++)
    {
      const WmItemType *type = g_ptr_array_index (types, i);
      g_autoptr(GMenuItem) entry =
        g_menu_item_new (g_dgettext (GETTEXT_PACKAGE, type->label), NULL);

      g_menu_item_set_action_and_target (entry, "canvas.connect", "s", type->id);
      g_menu_append_item (self->offer_menu, entry);
    }
  if (self->offer_popover == NULL)
    {
      self->offer_popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (self->offer_menu));
      gtk_widget_set_parent (self->offer_popover, GTK_WIDGET (self));
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->offer_popover),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->offer_popover));
}

void
_wm_canvas_offer_links (WmCanvas   *self,
                        const char *source_id,
                        const char *target_id,
                        double      x,
                        double      y)
{
  WmItem *source = wm_diagram_lookup (self->diagram, source_id);
  WmItem *target = wm_diagram_lookup (self->diagram, target_id);
  g_autoptr(GPtrArray) types = NULL;

  clear_offer (self);
  g_menu_remove_all (self->offer_menu);
  if (source == NULL || target == NULL || !_wm_canvas_is_writable (self))
    return;
  types = wm_notation_allowed_links (wm_diagram_get_notation (self->diagram),
                                     source->type, target->type);
  if (types->len == 0)
    refuse (self, target);
  else if (types->len == 1)
    connect_nodes (self, g_ptr_array_index (types, 0), source_id, target_id);
  else
    {
      self->offer_source = g_strdup (source_id);
      self->offer_target = g_strdup (target_id);
      show_offer (self, types, x, y);
    }
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  g_autofree char *source = g_steal_pointer (&self->offer_source);
  g_autofree char *target = g_steal_pointer (&self->offer_target);
  const WmItemType *type;
  WmItem *from, *to;

  if (source == NULL || self->diagram == NULL)
    return;
  type = wm_notation_lookup_type (wm_diagram_get_notation (self->diagram),
                                  g_variant_get_string (parameter, NULL));
  from = wm_diagram_lookup (self->diagram, source);
  to = wm_diagram_lookup (self->diagram, target);
  if (type != NULL && from != NULL && to != NULL && type->kind == WM_ITEM_LINK &&
      wm_notation_link_allowed (wm_diagram_get_notation (self->diagram), type,
                                from->type, to->type))
    connect_nodes (self, type, source, target);
}

static void
connect_end (WmCanvas *self)
{
  WmCanvasDrag *drag = &self->drag;
  double x = drag->start_x + drag->offset_x, y = drag->start_y + drag->offset_y;
  WmItem *source = wm_diagram_lookup (self->diagram, drag->source_id);
  WmItem *target;
  double dx, dy;

  wm_viewport_widget_to_doc (self->viewport, x, y, &dx, &dy);
  target = _wm_canvas_hit (self, dx, dy);
  if (source == NULL || target == NULL || !wm_item_is_node (target) || target == source)
    return;
  if (drag->link_type == NULL)
    _wm_canvas_offer_links (self, source->id, target->id, x, y);
  else if (wm_notation_link_allowed (wm_diagram_get_notation (self->diagram), drag->link_type,
                                     source->type, target->type))
    {
      connect_nodes (self, drag->link_type, source->id, target->id);
      wm_canvas_set_tool (self, NULL);
    }
  else
    refuse (self, target);
}

/* Resizing */

static double
snap_value (WmCanvas *self,
            double    value)
{
  return self->snap ? round (value / self->grid_size) * self->grid_size : value;
}

static void
resize_update (WmCanvas *self)
{
  WmCanvasDrag *drag = &self->drag;
  double zoom = wm_viewport_get_zoom (self->viewport);
  double left = drag->original.x, top = drag->original.y;
  double right = left + drag->original.width, bottom = top + drag->original.height;
  WmItem *node = wm_diagram_lookup (self->diagram, drag->source_id);
  WmRect bounds;

  if (node == NULL)
    return;
  if (drag->edges & WM_CANVAS_EDGE_LEFT)
    left = MIN (snap_value (self, left + drag->offset_x / zoom), right - WM_CANVAS_MIN_SIZE);
  if (drag->edges & WM_CANVAS_EDGE_RIGHT)
    right = MAX (snap_value (self, right + drag->offset_x / zoom), left + WM_CANVAS_MIN_SIZE);
  if (drag->edges & WM_CANVAS_EDGE_TOP)
    top = MIN (snap_value (self, top + drag->offset_y / zoom), bottom - WM_CANVAS_MIN_SIZE);
  if (drag->edges & WM_CANVAS_EDGE_BOTTOM)
    bottom = MAX (snap_value (self, bottom + drag->offset_y / zoom), top + WM_CANVAS_MIN_SIZE);
  bounds = (WmRect) { left, top, right - left, bottom - top };
  if (memcmp (&bounds, &node->bounds, sizeof bounds) != 0)
    /* Consecutive resizes of one node merge into one undo step. */
    wm_diagram_set_bounds (self->diagram, node->id, &bounds);
}

void
_wm_canvas_tools_drag_update (WmCanvas *self)
{
  if (self->drag.mode == WM_CANVAS_DRAG_RESIZE)
    resize_update (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_wm_canvas_tools_drag_end (WmCanvas *self)
{
  if (self->drag.mode == WM_CANVAS_DRAG_CONNECT)
    connect_end (self);
  else if (self->drag.mode == WM_CANVAS_DRAG_RESIZE)
    _wm_canvas_break_merge (self);
}

/* In-place text editing */

static char *
editor_text (WmCanvas *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (self->editor))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
_wm_canvas_end_edit (WmCanvas *self,
                     gboolean  commit)
{
  g_autofree char *id = g_steal_pointer (&self->edit_id);
  g_autofree char *initial = g_steal_pointer (&self->edit_initial);
  WmCanvasCommit done = self->edit_commit;
  gpointer data = g_steal_pointer (&self->edit_data);
  GDestroyNotify destroy = self->edit_destroy;
  g_autofree char *text = NULL;

  self->edit_commit = NULL;
  self->edit_destroy = NULL;
  if (done == NULL)
    return;
  text = editor_text (self);
  /* The editor said that the text was too long; the rest is not kept. */
  if (g_utf8_strlen (text, -1) > WM_LIMIT_TEXT_CHARS)
    {
      char *kept = g_utf8_substring (text, 0, WM_LIMIT_TEXT_CHARS);

      g_free (text);
      text = kept;
    }
  if (commit && self->diagram != NULL && g_strcmp0 (initial, text) != 0)
    {
      /* One undo step for the whole edit, apart from any typing before. */
      _wm_canvas_break_merge (self);
      done (self, id, text, data);
      _wm_canvas_break_merge (self);
    }
  if (destroy != NULL)
    destroy (data);
  gtk_popover_popdown (GTK_POPOVER (self->editor_popover));
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

gboolean
_wm_canvas_editor_key (WmCanvas        *self,
                       guint            keyval,
                       GdkModifierType  state)
{
  gboolean multiline = GTK_IS_TEXT_VIEW (self->editor);

  if (self->edit_commit == NULL)
    return GDK_EVENT_PROPAGATE;
  if (keyval == GDK_KEY_Escape)
    {
      _wm_canvas_end_edit (self, FALSE);
      return GDK_EVENT_STOP;
    }
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (!multiline || (state & GDK_CONTROL_MASK)))
    {
      _wm_canvas_end_edit (self, TRUE);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static gboolean
on_editor_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               WmCanvas              *self)
{
  return _wm_canvas_editor_key (self, keyval, state);
}

static void
commit_edit (WmCanvas *self)
{
  _wm_canvas_end_edit (self, TRUE);
}

/* The focus moved out of the editor: the edit is over. A window that
 * merely stops being active (on X11, showing the popover itself does that
 * for a moment) leaves the focus where it was, and the edit goes on. */
static void
on_editor_focus_leave (GtkEventControllerFocus *controller,
                       WmCanvas                *self)
{
  GtkWidget *editor = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkRoot *root = gtk_widget_get_root (editor);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == editor || gtk_widget_is_ancestor (focus, editor)))
    return;
  commit_edit (self);
}

/* Shows, while the text is longer than a text may be, that the rest will
 * not be kept. The character counts of both editors are kept as they
 * change, so this costs nothing per keystroke. */
static void
on_editor_changed (WmCanvas *self)
{
  gsize length;

  if (GTK_IS_ENTRY (self->editor))
    length = gtk_entry_buffer_get_length (gtk_entry_get_buffer (GTK_ENTRY (self->editor)));
  else
    length = (gsize) gtk_text_buffer_get_char_count (
      gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor)));
  gtk_widget_set_visible (self->editor_limit, length > WM_LIMIT_TEXT_CHARS);
}

/* The editor and, below it, the message that the text is too long. */
static GtkWidget *
add_limit_message (WmCanvas  *self,
                   GtkWidget *editor)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *message =
    g_strdup_printf (ngettext ("A text can hold at most %d character; the rest will not be kept.",
                               "A text can hold at most %d characters; the rest will not be kept.",
                               WM_LIMIT_TEXT_CHARS), WM_LIMIT_TEXT_CHARS);

  self->editor_limit = gtk_label_new (message);
  gtk_label_set_wrap (GTK_LABEL (self->editor_limit), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->editor_limit), 0);
  gtk_widget_add_css_class (self->editor_limit, "error");
  gtk_widget_set_visible (self->editor_limit, FALSE);
  gtk_box_append (GTK_BOX (box), editor);
  gtk_box_append (GTK_BOX (box), _wm_canvas_edit_hint_new (GTK_IS_TEXT_VIEW (self->editor)));
  gtk_box_append (GTK_BOX (box), self->editor_limit);
  if (GTK_IS_ENTRY (self->editor))
    g_signal_connect_swapped (self->editor, "changed", G_CALLBACK (on_editor_changed), self);
  else
    g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor)), "changed",
                              G_CALLBACK (on_editor_changed), self);
  on_editor_changed (self);
  return box;
}

static GtkWidget *
make_editor (WmCanvas     *self,
             const char   *text,
             gboolean      multiline,
             const char   *label,
             const WmRect *rect)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  int width = MAX ((int) rect->width, 160);
  GtkWidget *child;

  if (multiline)
    {
      GtkTextBuffer *buffer;

      self->editor = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->editor), GTK_WRAP_WORD_CHAR);
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
      gtk_text_buffer_set_text (buffer, text, -1);
      child = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (child), self->editor);
      gtk_widget_set_size_request (child, width, MAX ((int) rect->height, 80));
    }
  else
    {
      self->editor = gtk_entry_new ();
      gtk_editable_set_text (GTK_EDITABLE (self->editor), text);
      gtk_widget_set_size_request (self->editor, width, -1);
      child = self->editor;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_editor_key), self);
  gtk_widget_add_controller (self->editor, keys);
  g_signal_connect (focus, "leave", G_CALLBACK (on_editor_focus_leave), self);
  gtk_widget_add_controller (self->editor, focus);
  return add_limit_message (self, child);
}

void
_wm_canvas_begin_edit_text (WmCanvas       *self,
                            const WmRect   *area,
                            const char     *text,
                            gboolean        multiline,
                            const char     *label,
                            const char     *id,
                            WmCanvasCommit  commit,
                            gpointer        data,
                            GDestroyNotify  destroy)
{
  WmRect rect;

  _wm_canvas_end_edit (self, TRUE);
  if (!_wm_canvas_is_writable (self))
    {
      if (destroy != NULL)
        destroy (data);
      return;
    }
  wm_viewport_doc_rect_to_widget (self->viewport, area, &rect);
  if (self->editor_popover == NULL)
    {
      self->editor_popover = gtk_popover_new ();
      gtk_popover_set_has_arrow (GTK_POPOVER (self->editor_popover), FALSE);
      gtk_popover_set_position (GTK_POPOVER (self->editor_popover), GTK_POS_BOTTOM);
      gtk_widget_set_parent (self->editor_popover, GTK_WIDGET (self));
      g_signal_connect_swapped (self->editor_popover, "closed", G_CALLBACK (commit_edit), self);
    }
  gtk_popover_set_child (GTK_POPOVER (self->editor_popover),
                         make_editor (self, text, multiline, label, &rect));
  /* Below a line across the area's top third: the editor lies over it. */
  gtk_popover_set_pointing_to (GTK_POPOVER (self->editor_popover),
                               &(GdkRectangle) { (int) rect.x, (int) (rect.y + rect.height / 3),
                                                 MAX ((int) rect.width, 1), 1 });
  self->edit_id = g_strdup (id);
  self->edit_initial = g_strdup (text);
  self->edit_commit = commit;
  self->edit_data = data;
  self->edit_destroy = destroy;
  gtk_popover_popup (GTK_POPOVER (self->editor_popover));
  gtk_widget_grab_focus (self->editor);
}

static void
commit_item_text (WmCanvas   *self,
                  const char *id,
                  const char *text,
                  gpointer    data)
{
  if (wm_diagram_lookup (self->diagram, id) != NULL)
    wm_diagram_set_text (self->diagram, id, text);
}

void
_wm_canvas_begin_edit (WmCanvas   *self,
                       const char *id)
{
  WmItem *item = self->diagram != NULL ? wm_diagram_lookup (self->diagram, id) : NULL;
  WmRect extent;

  _wm_canvas_end_edit (self, TRUE);
  if (item == NULL)
    return;
  /* Where the painter draws it: a journey's cards sit in their cells. */
  if (wm_item_is_node (item))
    _wm_canvas_node_rect (self, item, &extent);
  else
    wm_render_item_extent (self->diagram, item, &extent);
  _wm_canvas_begin_edit_text (self, &extent, item->text, item->type->multiline,
                              g_dgettext (GETTEXT_PACKAGE, item->type->text_label),
                              item->id, commit_item_text, NULL, NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  const char *const *ids = _wm_canvas_get_selection_ids (self);

  if (ids[0] != NULL && ids[1] == NULL)
    _wm_canvas_begin_edit (self, ids[0]);
}

/* Dropping a type from the palette */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         WmCanvas      *self)
{
  const char *type_id = g_value_get_string (value);

  if (_wm_canvas_create_node_at (self, type_id, x, y) == NULL)
    return FALSE;
  wm_canvas_set_tool (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  return TRUE;
}

void
_wm_canvas_init_tools (WmCanvas *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);

  self->offer_menu = g_menu_new ();
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

void
_wm_canvas_class_init_tools (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.edit", NULL, edit_action);
  /* The link type to create between the nodes a drag offered it for. */
  gtk_widget_class_install_action (widget_class, "canvas.connect", "s", connect_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "canvas.edit", NULL);
}

void
_wm_canvas_allocate_tools (WmCanvas *self)
{
  if (self->editor_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->editor_popover));
  if (self->offer_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->offer_popover));
}

void
_wm_canvas_dispose_tools (WmCanvas *self)
{
  g_clear_pointer (&self->edit_id, g_free);
  g_clear_pointer (&self->edit_initial, g_free);
  if (self->edit_destroy != NULL)
    self->edit_destroy (self->edit_data);
  self->edit_commit = NULL;
  self->edit_destroy = NULL;
  self->edit_data = NULL;
  clear_offer (self);
  g_clear_handle_id (&self->refused_id, g_source_remove);
  if (self->editor_popover != NULL)
    g_signal_handlers_disconnect_by_data (self->editor_popover, self);
  g_clear_pointer (&self->editor_popover, gtk_widget_unparent);
  g_clear_pointer (&self->offer_popover, gtk_widget_unparent);
  self->editor = NULL;
  g_clear_object (&self->offer_menu);
}
