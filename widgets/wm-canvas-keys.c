/* wm-canvas-keys.c — every editing action of the canvas from the keyboard
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tab and Shift+Tab step the selection through the items in reading order;
 * Alt+arrow moves it to the nearest item in that direction, and with Shift
 * adds that item to the selection; Ctrl+L connects the two selected nodes,
 * the first selected to the second; Shift+F10 and the Menu key open the
 * context menu at the selection; and wm_canvas_insert_node() is what Enter
 * on a palette tool does: the node beside the selection, named by typing.
 *
 * Reading order is made once per diagram state (a sort) and kept until the
 * next edit; the selection's order (which item came first, for the link's
 * direction) follows the "selection-changed" signal. Both live in a Keys
 * struct hung on the canvas, so that the canvas's own state stays as it was.
 */
#define G_LOG_DOMAIN "wm-canvas"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "wm-board.h"
#include "wm-canvas-private.h"
#include "wm-render.h"

/* Document units: the title band of a container, which is where its name
 * reads, and so where reading order and the hit test place it. */
#define CONTAINER_TITLE  28.0
/* Document units between an item placed from the keyboard and its neighbour. */
#define INSERT_GAP       40.0
/* Tries to find room to the right before giving up and overlapping. */
#define INSERT_TRIES     64
/* The first reach of the search for the nearest item, in document units;
 * it doubles until it finds one or covers the diagram. */
#define NEAREST_REACH   200.0
/* Widget pixels kept between an item scrolled into view and the view's edge. */
#define SCROLL_MARGIN    24.0

typedef struct
{
  GPtrArray  *order;      /* the selected ids (char *, owned) in the order they were selected */
  GPtrArray  *reading;    /* every item's id (char *, owned) in reading order, or NULL when stale */
  GHashTable *position;   /* id (borrowed from reading) -> its index + 1 */
} Keys;

static GQuark keys_quark;

static void
keys_forget_reading (Keys *keys)
{
  g_clear_pointer (&keys->reading, g_ptr_array_unref);
  g_clear_pointer (&keys->position, g_hash_table_unref);
}

static void
keys_free (gpointer data)
{
  Keys *keys = data;

  keys_forget_reading (keys);
  g_clear_pointer (&keys->order, g_ptr_array_unref);
  g_free (keys);
}

static Keys *
get_keys (WmCanvas *self)
{
  return g_object_get_qdata (G_OBJECT (self), keys_quark);
}

/* The selection's order
 *
 * The ids still selected keep their place; those newly selected follow, in
 * z-order among themselves (a band or Select All has no order of its own). */

static void
on_selection_changed (WmCanvas *self)
{
  Keys *keys = get_keys (self);
  const char *const *ids = _wm_canvas_get_selection_ids (self);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < keys->order->len; i++)
    {
      char *id = g_ptr_array_index (keys->order, i);

      if (_wm_canvas_is_selected (self, id) && g_hash_table_add (kept, id))
        g_ptr_array_add (order, g_strdup (id));
    }
  for (guint i = 0; ids[i] != NULL; i++)
    if (!g_hash_table_contains (kept, ids[i]))
      g_ptr_array_add (order, g_strdup (ids[i]));
  g_ptr_array_unref (keys->order);
  keys->order = g_steal_pointer (&order);
}

static void
on_diagram_changed (WmCanvas *self)
{
  keys_forget_reading (get_keys (self));
}

/* The item the keyboard acts from: the one selected last. */
static WmItem *
focus_item (WmCanvas *self)
{
  Keys *keys = get_keys (self);

  for (guint i = keys->order->len; i-- > 0;)
    {
      WmItem *item = wm_diagram_lookup (self->diagram, g_ptr_array_index (keys->order, i));

      if (item != NULL)
        return item;
    }
  return NULL;
}

/* Reading order
 *
 * Nodes read in rows, top to bottom, and each row left to right: a row is
 * led by the highest node not yet placed and takes every node whose middle
 * lies within the leader's height. A container reads as its title band, so
 * that a subject comes before the use cases inside it, not among them.
 * Links come after every node, by the place of their source, then of their
 * target: they stay reachable (their labels and properties are edited too)
 * without breaking the walk through the nodes that the diagram is about. */

typedef struct
{
  WmItem *item;
  WmRect  anchor;   /* where the item reads, in document units */
  double  cx;
  double  cy;
  guint   row;
} Placed;

static void
reading_anchor (WmCanvas     *self,
                const WmItem *node,
                WmRect       *anchor)
{
  _wm_canvas_node_rect (self, node, anchor);
  if (node->type->container)
    anchor->height = MIN (anchor->height, CONTAINER_TITLE);
}

static int
compare_by_middle (gconstpointer a,
                   gconstpointer b)
{
  const Placed *pa = a, *pb = b;

  if (pa->cy != pb->cy)
    return pa->cy < pb->cy ? -1 : 1;
  return (pa->cx > pb->cx) - (pa->cx < pb->cx);
}

static int
compare_in_rows (gconstpointer a,
                 gconstpointer b)
{
  const Placed *pa = a, *pb = b;

  if (pa->row != pb->row)
    return pa->row < pb->row ? -1 : 1;
  if (pa->cx != pb->cx)
    return pa->cx < pb->cx ? -1 : 1;
  return (pa->cy > pb->cy) - (pa->cy < pb->cy);
}

/* The nodes of the diagram in reading order. */
static GArray *
nodes_in_reading_order (WmCanvas *self)
{
  guint n = wm_diagram_get_n_items (self->diagram);
  GArray *nodes = g_array_sized_new (FALSE, FALSE, sizeof (Placed), n);
  double row_bottom = -G_MAXDOUBLE;
  guint row = 0;

  for (guint i = 0; i < n; i++)
    {
      Placed placed = { wm_diagram_get_item (self->diagram, i), };

      if (!wm_item_is_node (placed.item))
        continue;
      reading_anchor (self, placed.item, &placed.anchor);
      placed.cx = placed.anchor.x + placed.anchor.width / 2;
      placed.cy = placed.anchor.y + placed.anchor.height / 2;
      g_array_append_val (nodes, placed);
    }
  g_array_sort (nodes, compare_by_middle);
  for (guint i = 0; i < nodes->len; i++)
    {
      Placed *placed = &g_array_index (nodes, Placed, i);

      if (placed->cy > row_bottom)
        {
          row++;
          row_bottom = placed->anchor.y + placed->anchor.height;
        }
      placed->row = row;
    }
  g_array_sort (nodes, compare_in_rows);
  return nodes;
}

typedef struct
{
  WmItem *link;
  guint   source;
  guint   target;
} PlacedLink;

static int
compare_links (gconstpointer a,
               gconstpointer b)
{
  const PlacedLink *la = a, *lb = b;

  if (la->source != lb->source)
    return la->source < lb->source ? -1 : 1;
  if (la->target != lb->target)
    return la->target < lb->target ? -1 : 1;
  return (la->link->z > lb->link->z) - (la->link->z < lb->link->z);
}

static void
append_links (WmCanvas *self,
              Keys     *keys)
{
  guint n = wm_diagram_get_n_items (self->diagram);
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (PlacedLink));

  for (guint i = 0; i < n; i++)
    {
      WmItem *item = wm_diagram_get_item (self->diagram, i);
      PlacedLink placed = { item, G_MAXUINT, G_MAXUINT };

      if (!wm_item_is_link (item))
        continue;
      placed.source = GPOINTER_TO_UINT (g_hash_table_lookup (keys->position, item->source));
      placed.target = GPOINTER_TO_UINT (g_hash_table_lookup (keys->position, item->target));
      g_array_append_val (links, placed);
    }
  g_array_sort (links, compare_links);
  for (guint i = 0; i < links->len; i++)
    {
      char *id = g_strdup (g_array_index (links, PlacedLink, i).link->id);

      g_ptr_array_add (keys->reading, id);
      g_hash_table_insert (keys->position, id, GUINT_TO_POINTER (keys->reading->len));
    }
}

static void
ensure_reading_order (WmCanvas *self,
                      Keys     *keys)
{
  g_autoptr(GArray) nodes = NULL;

  if (keys->reading != NULL)
    return;
  keys->reading = g_ptr_array_new_with_free_func (g_free);
  keys->position = g_hash_table_new (g_str_hash, g_str_equal);
  nodes = nodes_in_reading_order (self);
  for (guint i = 0; i < nodes->len; i++)
    {
      char *id = g_strdup (g_array_index (nodes, Placed, i).item->id);

      g_ptr_array_add (keys->reading, id);
      g_hash_table_insert (keys->position, id, GUINT_TO_POINTER (keys->reading->len));
    }
  append_links (self, keys);
}

GStrv
_wm_canvas_reading_order (WmCanvas *self)
{
  Keys *keys = get_keys (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (self->diagram != NULL)
    {
      ensure_reading_order (self, keys);
      for (guint i = 0; i < keys->reading->len; i++)
        g_strv_builder_add (builder, g_ptr_array_index (keys->reading, i));
    }
  return g_strv_builder_end (builder);
}

/* Selects @ids and scrolls the view the least that shows them whole, so
 * that stepping through neighbours does not make the view jump; what is
 * larger than the view is shown by wm_canvas_reveal() instead. */
static void
reveal (WmCanvas          *self,
        const char *const *ids)
{
  double margin = SCROLL_MARGIN / wm_viewport_get_zoom (self->viewport);
  double zoom = wm_viewport_get_zoom (self->viewport);
  WmRect box = { 0, }, extent, visible;
  gboolean any = FALSE;
  double dx = 0, dy = 0;

  wm_canvas_select (self, ids);
  for (guint i = 0; ids[i] != NULL; i++)
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
  wm_viewport_get_visible (self->viewport, &visible);
  if (!any)
    return;
  if (visible.width <= 0 || box.width + 2 * margin > visible.width ||
      box.height + 2 * margin > visible.height)
    {
      wm_canvas_reveal (self, ids);
      return;
    }
  if (box.x - margin < visible.x)
    dx = box.x - margin - visible.x;
  else if (box.x + box.width + margin > visible.x + visible.width)
    dx = box.x + box.width + margin - (visible.x + visible.width);
  if (box.y - margin < visible.y)
    dy = box.y - margin - visible.y;
  else if (box.y + box.height + margin > visible.y + visible.height)
    dy = box.y + box.height + margin - (visible.y + visible.height);
  if (dx != 0 || dy != 0)
    _wm_canvas_scroll_by (self, dx * zoom, dy * zoom);
}

static void
reveal_one (WmCanvas   *self,
            const char *id)
{
  reveal (self, (const char *const[]) { id, NULL });
}

/* Tab and Shift+Tab: the item after the last selected one in reading order
 * (before the first, backwards), wrapping round. With nothing to select
 * the key goes on, and GTK moves the focus out of the canvas. */
static gboolean
step_selection (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  WmCanvas *self = WM_CANVAS (widget);
  Keys *keys = get_keys (self);
  gboolean backward = g_variant_get_boolean (args);
  const char *const *ids;
  guint n, from = 0, next;

  if (self->diagram == NULL || wm_diagram_get_n_items (self->diagram) == 0)
    return FALSE;
  _wm_canvas_end_edit (self, TRUE);
  ensure_reading_order (self, keys);
  n = keys->reading->len;
  ids = _wm_canvas_get_selection_ids (self);
  /* Positions are index + 1: 0 means not selected. */
  for (guint i = 0; ids[i] != NULL; i++)
    {
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (keys->position, ids[i]));

      if (position != 0 && (from == 0 || (backward ? position < from : position > from)))
        from = position;
    }
  if (from == 0)
    next = backward ? n - 1 : 0;
  else
    next = backward ? (from - 1 + n - 1) % n : from % n;
  reveal_one (self, g_ptr_array_index (keys->reading, next));
  return TRUE;
}

/* The nearest item in a direction
 *
 * Candidates lie in a quarter-turn cone around the direction, from the
 * middle of the item the keyboard acts from; the nearest along the
 * direction wins, sideways distance counting double. The spatial index is
 * asked for a box ahead that doubles until it holds a candidate nearer
 * than its own reach, which no item outside it can beat. Only nodes are
 * candidates: links lie between the nodes they join, so each step along a
 * link would stop on the link first. */

static void
middle_of (WmCanvas     *self,
           const WmItem *node,
           double       *x,
           double       *y)
{
  WmRect rect;

  _wm_canvas_node_rect (self, node, &rect);
  *x = rect.x + rect.width / 2;
  *y = rect.y + rect.height / 2;
}

/* How far @node is from (x, y) in direction (dx, dy), or G_MAXDOUBLE when
 * it lies outside the cone. */
static double
cone_score (WmCanvas     *self,
            const WmItem *node,
            double        x,
            double        y,
            int           dx,
            int           dy)
{
  double nx, ny, along, across;

  middle_of (self, node, &nx, &ny);
  along = (nx - x) * dx + (ny - y) * dy;
  across = fabs ((nx - x) * dy - (ny - y) * dx);
  if (along <= 0 || across > along)
    return G_MAXDOUBLE;
  return along + 2 * across;
}

/* The box ahead of (x, y) in direction (dx, dy), @reach deep and twice wide. */
static WmRect
box_ahead (double x,
           double y,
           int    dx,
           int    dy,
           double reach)
{
  if (dx != 0)
    return (WmRect) { dx > 0 ? x : x - reach, y - reach, reach, 2 * reach };
  return (WmRect) { x - reach, dy > 0 ? y : y - reach, 2 * reach, reach };
}

static WmItem *
nearest_in_direction (WmCanvas     *self,
                      const WmItem *from,
                      double        x,
                      double        y,
                      int           dx,
                      int           dy,
                      gboolean      skip_selected)
{
  WmRect extent;
  double limit;

  _wm_canvas_ensure_extent (self);
  extent = self->extent;
  /* Far enough to cover the whole diagram from wherever the search starts. */
  limit = 2 * (fabs (x - extent.x) + fabs (y - extent.y) + extent.width + extent.height) + 1;
  for (double reach = NEAREST_REACH; ; reach *= 2)
    {
      WmRect box = box_ahead (x, y, dx, dy, reach);
      g_autoptr(GPtrArray) near = wm_render_query (self->diagram, &box);
      WmItem *best = NULL;
      double best_score = G_MAXDOUBLE;

      for (guint i = 0; i < near->len; i++)
        {
          WmItem *item = g_ptr_array_index (near, i);
          double score;

          if (!wm_item_is_node (item) || item == from ||
              (skip_selected && _wm_canvas_is_selected (self, item->id)))
            continue;
          score = cone_score (self, item, x, y, dx, dy);
          if (score < best_score)
            {
              best = item;
              best_score = score;
            }
        }
      /* Whatever lies outside the box is more than @reach ahead. */
      if (best != NULL && best_score <= reach)
        return best;
      if (reach > limit)
        return best;
    }
}

/* Adds @item to the selection, last in its order, and scrolls it into view. */
static void
extend_selection (WmCanvas *self,
                  WmItem   *item)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  /* Copied: selecting frees the canvas's own list of ids. */
  g_strv_builder_addv (builder, (const char **) _wm_canvas_get_selection_ids (self));
  g_strv_builder_add (builder, item->id);
  ids = g_strv_builder_end (builder);
  reveal (self, (const char *const *) ids);
}

static void
select_nearest_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmItem *from, *next;
  gboolean extend;
  int dx, dy;
  double x, y;

  g_variant_get (parameter, "(iib)", &dx, &dy, &extend);
  if (self->diagram == NULL)
    return;
  _wm_canvas_end_edit (self, TRUE);
  from = focus_item (self);
  if (from != NULL && wm_item_is_node (from))
    middle_of (self, from, &x, &y);
  else
    {
      WmRect visible;

      /* From a link, or from nothing: from the middle of the view. */
      wm_viewport_get_visible (self->viewport, &visible);
      x = visible.x + visible.width / 2;
      y = visible.y + visible.height / 2;
    }
  next = nearest_in_direction (self, from, x, y, dx, dy, extend);
  if (next == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if (extend)
    extend_selection (self, next);
  else
    reveal_one (self, next->id);
}

/* Connecting the two selected nodes */

static void
show_toast (WmCanvas   *self,
            const char *text)
{
  /* The window shows it; a canvas outside one can only ring. */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", text))
    g_debug ("%s", text);
  gtk_widget_error_bell (GTK_WIDGET (self));
}

/* The two selected nodes in the order they were selected; FALSE unless
 * exactly two nodes are selected. */
static gboolean
selected_pair (WmCanvas *self,
               WmItem  **first,
               WmItem  **second)
{
  Keys *keys = get_keys (self);
  WmItem *items[2];

  if (self->diagram == NULL || keys->order->len != 2)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      items[i] = wm_diagram_lookup (self->diagram, g_ptr_array_index (keys->order, i));
      if (items[i] == NULL || !wm_item_is_node (items[i]))
        return FALSE;
    }
  *first = items[0];
  *second = items[1];
  return TRUE;
}

/* Links @source to @target with @type, selects the link and says so; the
 * notation's rules were checked. */
static gboolean
add_link (WmCanvas         *self,
          const WmItemType *type,
          WmItem           *source,
          WmItem           *target)
{
  g_autoptr(GError) error = NULL;
  WmItem *link;

  _wm_canvas_break_merge (self);
  link = wm_diagram_add_link (self->diagram, type->id, source->id, target->id, &error);
  if (link == NULL)
    {
      show_toast (self, error->message);
      return FALSE;
    }
  reveal_one (self, link->id);
  return TRUE;
}

/* Says why no link of @type (or of any type, when NULL) may join the two. */
static void
refuse_link (WmCanvas         *self,
             const WmItemType *type,
             const WmItem     *source,
             const WmItem     *target)
{
  const char *from = g_dgettext (GETTEXT_PACKAGE, source->type->label);
  const char *to = g_dgettext (GETTEXT_PACKAGE, target->type->label);
  g_autofree char *text = NULL;

  if (type == NULL)
    /* Translators: the two are item types, "Note" and "Actor" for example;
     * they are quoted so that no article has to agree with them. */
    text = g_strdup_printf (_("No link of this diagram can run from “%s” to “%s”"), from, to);
  else
    /* Translators: a link type, then two item types: "Include", "Actor", "Use case" */
    text = g_strdup_printf (_("“%s” cannot run from “%s” to “%s”"),
                            g_dgettext (GETTEXT_PACKAGE, type->label), from, to);
  show_toast (self, text);
}

gboolean
wm_canvas_connect_selection (WmCanvas   *self,
                             const char *type_id)
{
  const WmNotation *notation;
  const WmItemType *type = NULL;
  g_autoptr(GPtrArray) types = NULL;
  WmItem *source, *target;
  WmRect a, b;
  double x, y;

  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  if (!_wm_canvas_is_writable (self))
    return FALSE;
  if (!selected_pair (self, &source, &target))
    {
      show_toast (self, _("To connect, select two items: first where the link starts, "
                          "then where it ends"));
      return FALSE;
    }
  notation = wm_diagram_get_notation (self->diagram);
  if (type_id != NULL)
    {
      type = wm_notation_lookup_type (notation, type_id);
      g_return_val_if_fail (type != NULL && type->kind == WM_ITEM_LINK, FALSE);
      if (!wm_notation_link_allowed (notation, type, source->type, target->type))
        {
          refuse_link (self, type, source, target);
          return FALSE;
        }
      return add_link (self, type, source, target);
    }
  types = wm_notation_allowed_links (notation, source->type, target->type);
  if (types->len == 0)
    {
      refuse_link (self, NULL, source, target);
      return FALSE;
    }
  if (types->len == 1)
    return add_link (self, g_ptr_array_index (types, 0), source, target);
  /* A choice of types pops up below the two, halfway, where the eyes are
   * and without hiding either. */
  _wm_canvas_node_rect (self, source, &a);
  _wm_canvas_node_rect (self, target, &b);
  wm_viewport_doc_to_widget (self->viewport, (a.x + a.width / 2 + b.x + b.width / 2) / 2,
                             MAX (a.y + a.height, b.y + b.height), &x, &y);
  _wm_canvas_offer_links (self, source->id, target->id, x, y);
  return TRUE;
}

static void
connect_selection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  wm_canvas_connect_selection (WM_CANVAS (widget), NULL);
}

/* The context menu at the selection */

/* A point on @item where a click would land on it, in document units: a
 * node's middle (a container's title band), the middle of a link's line. */
static void
point_on_item (WmCanvas     *self,
               const WmItem *item,
               double       *x,
               double       *y)
{
  g_autofree WmPoint *route = NULL;
  WmRect rect;

  if (wm_item_is_node (item))
    {
      reading_anchor (self, item, &rect);
      *x = rect.x + rect.width / 2;
      *y = rect.y + rect.height / 2;
      return;
    }
  /* The middle of the line's first segment, as its painter draws it. */
  route = _wm_canvas_bend_route (self->diagram, item);
  if (route != NULL)
    {
      *x = (route[0].x + route[1].x) / 2;
      *y = (route[0].y + route[1].y) / 2;
      return;
    }
  wm_render_item_extent (self->diagram, item, &rect);
  *x = rect.x + rect.width / 2;
  *y = rect.y + rect.height / 2;
}

static gboolean
popup_menu_binding (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  WmCanvas *self = WM_CANVAS (widget);
  g_auto(GStrv) ids = NULL;
  WmItem *item;
  double x, y, wx, wy;

  if (self->diagram == NULL || (item = focus_item (self)) == NULL)
    return FALSE;
  _wm_canvas_end_edit (self, TRUE);
  /* Scrolled into view first, so that the menu points at it. */
  ids = g_strdupv ((char **) _wm_canvas_get_selection_ids (self));
  reveal (self, (const char *const *) ids);
  point_on_item (self, item, &x, &y);
  wm_viewport_doc_to_widget (self->viewport, x, y, &wx, &wy);
  return _wm_canvas_popup_context_menu (self, wx, wy, x, y, TRUE) != NULL;
}

/* A menu shows an action's last binding (the keypad's Enter for Edit)
 * unless told which one to show. */
static void
append_with_accel (GMenu      *menu,
                   const char *label,
                   const char *action,
                   const char *accel)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, action);

  g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (menu, item);
}

void
_wm_canvas_append_selection_menu (WmCanvas *self,
                                  GMenu    *menu)
{
  const char *const *ids = _wm_canvas_get_selection_ids (self);
  g_autoptr(GMenu) section = NULL;
  WmItem *first, *second;
  guint n = 0;

  if (!_wm_canvas_is_writable (self))
    return;
  for (; ids[n] != NULL; n++)
    {
      WmItem *item = wm_diagram_lookup (self->diagram, ids[n]);

      /* A link's menu is its notation's own (a use case's ends). */
      if (item == NULL || !wm_item_is_node (item))
        return;
    }
  if (n == 0)
    return;
  section = g_menu_new ();
  if (n == 1)
    append_with_accel (section, _("_Edit Text"), "canvas.edit", "F2");
  if (selected_pair (self, &first, &second))
    append_with_accel (section, _("_Connect…"), "canvas.connect-selection", "<Control>l");
  append_with_accel (section, _("_Delete"), "canvas.delete", "Delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
}

/* Inserting a node from the keyboard */

/* Whether a node of @type centred at (x, y) would overlap a node other than
 * a container (which may well hold it). */
static gboolean
overlaps (WmCanvas         *self,
          const WmItemType *type,
          double            x,
          double            y)
{
  WmRect rect = { x - type->width / 2, y - type->height / 2, type->width, type->height };
  g_autoptr(GPtrArray) near = wm_diagram_query (self->diagram, &rect);

  for (guint i = 0; i < near->len; i++)
    {
      WmItem *item = g_ptr_array_index (near, i);
      WmRect other;

      if (!wm_item_is_node (item) || item->type->container)
        continue;
      _wm_canvas_node_rect (self, item, &other);
      if (wm_rect_intersects (&rect, &other))
        return TRUE;
    }
  return FALSE;
}

/* Moves (x, y) right until a node of @type centred there overlaps none. */
static void
make_room (WmCanvas         *self,
           const WmItemType *type,
           double           *x,
           double           *y)
{
  for (guint i = 0; i < INSERT_TRIES && overlaps (self, type, *x, *y); i++)
    *x += type->width / 2 + INSERT_GAP;
}

/* Beside @node on its right, as far right as it takes not to overlap. */
static void
place_beside (WmCanvas         *self,
              const WmItem     *node,
              const WmItemType *type,
              double           *x,
              double           *y)
{
  WmRect rect;

  _wm_canvas_node_rect (self, node, &rect);
  *x = rect.x + rect.width + INSERT_GAP + type->width / 2;
  *y = rect.y + rect.height / 2;
  make_room (self, type, x, y);
}

/* A board's first area that holds notes of @type, or n_areas. */
static guint
first_board_area (WmCanvas         *self,
                  const WmBoard    *board,
                  const WmItemType *type)
{
  for (guint i = 0; i < board->n_areas; i++)
    if (board->area_prop != NULL || g_strcmp0 (board->areas[i].note_type, type->id) == 0)
      return i;
  return board->n_areas;
}

/* Where a node laid out by its notation goes: in the block or cell of
 * @selected, or the first one that takes @type. FALSE when the notation
 * places nodes freely. */
static gboolean
place_in_layout (WmCanvas         *self,
                 const WmItem     *selected,
                 const WmItemType *type,
                 double           *x,
                 double           *y)
{
  const WmBoard *board = wm_board_get (self->diagram);
  WmRect rect;

  if (board != NULL)
    {
      guint area = selected != NULL ? wm_board_area_of (board, selected) : board->n_areas;

      if (area >= board->n_areas || (board->area_prop == NULL &&
                                      g_strcmp0 (board->areas[area].note_type, type->id) != 0))
        area = first_board_area (self, board, type);
      if (area >= board->n_areas)
        return FALSE;
      board->content_rect (self->diagram, area, &rect);
    }
  else if (self->behavior == NULL || self->behavior->place_new == NULL ||
           !self->behavior->place_new (self, selected, type, &rect))
    return FALSE;
  *x = rect.x + rect.width / 2;
  *y = rect.y + rect.height / 2;
  return TRUE;
}

typedef struct
{
  char *id;
  char *label;   /* the creation's undo label, which the name joins */
} Inserted;

static void
inserted_free (gpointer data)
{
  Inserted *inserted = data;

  g_free (inserted->id);
  g_free (inserted->label);
  g_free (inserted);
}

/* The name typed into a node just inserted joins its creation's undo step,
 * while that is still the last edit. */
static void
commit_name (WmCanvas   *self,
             const char *id,
             const char *text,
             gpointer    data)
{
  Inserted *inserted = data;
  WmProject *project = wm_diagram_get_project (self->diagram);
  gboolean join;

  if (wm_diagram_lookup (self->diagram, id) == NULL)
    return;
  join = project != NULL && !wm_project_can_redo (project) &&
         g_strcmp0 (wm_project_get_undo_label (project), inserted->label) == 0;
  if (join)
    wm_project_begin_joined_group (project, NULL);
  wm_diagram_set_text (self->diagram, id, text);
  if (join)
    wm_project_end_group (project);
}

static void
edit_inserted (WmCanvas *self,
               WmItem   *item)
{
  WmProject *project = wm_diagram_get_project (self->diagram);
  Inserted *inserted = g_new0 (Inserted, 1);
  WmRect rect;

  inserted->id = g_strdup (item->id);
  inserted->label = project != NULL ? g_strdup (wm_project_get_undo_label (project)) : NULL;
  _wm_canvas_node_rect (self, item, &rect);
  _wm_canvas_begin_edit_text (self, &rect, item->text, item->type->multiline,
                              g_dgettext (GETTEXT_PACKAGE, item->type->text_label),
                              item->id, commit_name, inserted, inserted_free);
  /* The type's name stands in until the analyst types one: it is all
   * selected, so that typing replaces it. */
  if (GTK_IS_TEXT_VIEW (self->editor))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_select_range (buffer, &start, &end);
    }
  else if (GTK_IS_EDITABLE (self->editor))
    gtk_editable_select_region (GTK_EDITABLE (self->editor), 0, -1);
}

WmItem *
wm_canvas_insert_node (WmCanvas   *self,
                       const char *type_id)
{
  const WmItemType *type;
  WmItem *selected, *item;
  double x, y, wx, wy;

  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);
  g_return_val_if_fail (type_id != NULL, NULL);

  if (!_wm_canvas_is_writable (self))
    return NULL;
  type = wm_notation_lookup_type (wm_diagram_get_notation (self->diagram), type_id);
  if (type == NULL || type->kind != WM_ITEM_NODE)
    return NULL;
  _wm_canvas_end_edit (self, TRUE);
  wm_canvas_set_tool (self, NULL);
  selected = focus_item (self);
  if (selected != NULL && !wm_item_is_node (selected))
    selected = NULL;
  if (!place_in_layout (self, selected, type, &x, &y))
    {
      if (selected != NULL)
        place_beside (self, selected, type, &x, &y);
      else
        {
          WmRect visible;

          wm_viewport_get_visible (self->viewport, &visible);
          x = visible.x + visible.width / 2;
          y = visible.y + visible.height / 2;
          make_room (self, type, &x, &y);
        }
    }
  wm_viewport_doc_to_widget (self->viewport, x, y, &wx, &wy);
  item = _wm_canvas_create_node_at (self, type->id, wx, wy);
  if (item == NULL)
    return NULL;
  /* Placed beside the selection, it may lie out of view. */
  reveal_one (self, item->id);
  edit_inserted (self, item);
  return item;
}

/* Set-up */

void
_wm_canvas_init_keys (WmCanvas *self)
{
  Keys *keys = g_new0 (Keys, 1);

  keys->order = g_ptr_array_new_with_free_func (g_free);
  g_object_set_qdata_full (G_OBJECT (self), keys_quark, keys, keys_free);
  g_signal_connect (self, "selection-changed", G_CALLBACK (on_selection_changed), NULL);
  g_signal_connect (self, "notify::diagram", G_CALLBACK (on_diagram_changed), NULL);
  g_signal_group_connect_swapped (self->diagram_signals, "changed",
                                  G_CALLBACK (on_diagram_changed), self);
}

static void
add_direction_bindings (GtkWidgetClass *widget_class,
                        guint           keyval,
                        guint           keypad_keyval,
                        int             dx,
                        int             dy)
{
  guint keyvals[] = { keyval, keypad_keyval };

  for (guint i = 0; i < G_N_ELEMENTS (keyvals); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, keyvals[i], GDK_ALT_MASK,
                                           "canvas.select-nearest", "(iib)", dx, dy, FALSE);
      gtk_widget_class_add_binding_action (widget_class, keyvals[i], GDK_ALT_MASK | GDK_SHIFT_MASK,
                                           "canvas.select-nearest", "(iib)", dx, dy, TRUE);
    }
}

void
_wm_canvas_class_init_keys (GtkWidgetClass *widget_class)
{
  keys_quark = g_quark_from_static_string ("wm-canvas-keys");

  /* (dx, dy, extend): a direction of -1, 0 or 1 on each axis; extend adds
   * the item found to the selection instead of selecting it alone. */
  gtk_widget_class_install_action (widget_class, "canvas.select-nearest", "(iib)",
                                   select_nearest_action);
  gtk_widget_class_install_action (widget_class, "canvas.connect-selection", NULL,
                                   connect_selection_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, 0, step_selection, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Tab, 0, step_selection, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, step_selection,
                                "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Tab, GDK_SHIFT_MASK, step_selection,
                                "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK,
                                step_selection, "b", TRUE);
  add_direction_bindings (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0);
  add_direction_bindings (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0);
  add_direction_bindings (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1);
  add_direction_bindings (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "canvas.connect-selection", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, popup_menu_binding,
                                NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, popup_menu_binding, NULL);
}

void
_wm_canvas_update_key_actions (WmCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_items = self->diagram != NULL && wm_diagram_get_n_items (self->diagram) > 0;

  gtk_widget_action_set_enabled (widget, "canvas.select-nearest", has_items);
  gtk_widget_action_set_enabled (widget, "canvas.connect-selection",
                                 _wm_canvas_is_writable (self));
}
