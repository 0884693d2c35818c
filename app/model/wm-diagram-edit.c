/* wm-diagram-edit.c — the recorded edits of a diagram
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every public edit opens an undo step (or joins the group that is open),
 * records what it is about to change as change objects
 * (wm-diagram-changes.c), changes it, and closes the step, which announces
 * the change with one "changed" signal.
 */
#define G_LOG_DOMAIN "wm-diagram"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "wm-diagram-private.h"
#include "wm-error.h"
#include "wm-history-private.h"
#include "wm-item-private.h"
#include "wm-limits.h"
#include "wm-project-private.h"

static WmHistory *
begin_edit (WmDiagram  *self,
            const char *label,
            const char *merge_key)
{
  WmHistory *history = self->project ? _wm_project_get_history (self->project) : NULL;

  if (history != NULL)
    _wm_history_begin (history, label, merge_key);
  return history;
}

static void
end_edit (WmDiagram *self,
          WmHistory *history)
{
  if (history != NULL)
    _wm_history_end (history);
  else
    _wm_diagram_flush_delta (self);
}

static void
will_change (WmDiagram *self,
             WmHistory *history,
             WmItem    *item)
{
  if (history != NULL)
    _wm_diagram_record_item_will_change (self, history, item);
  _wm_diagram_note_modified (self, item);
}

static gboolean
check_writable (WmDiagram *self,
                GError   **error)
{
  if (self->project != NULL && wm_project_get_read_only (self->project))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_READ_ONLY, "%s",
                   _("The project is open read-only."));
      return FALSE;
    }
  return TRUE;
}

/* A diagram outside a project only has its own items to keep clear of. */
static char *
new_item_id (WmDiagram        *self,
             const WmItemType *type)
{
  if (self->project != NULL)
    return _wm_project_new_id (self->project, type->id);
  for (;;)
    {
      char *id = _wm_new_random_id (type->id);

      if (wm_diagram_lookup (self, id) == NULL)
        return id;
      g_free (id);
    }
}

static WmItem *
new_item (WmDiagram        *self,
          const WmItemType *type)
{
  g_autofree char *id = new_item_id (self, type);

  return wm_item_new (type, id);
}

/* Inserts a fully prepared item on top as one undo step. */
static void
insert_new_item (WmDiagram *self,
                 WmItem    *item)
{
  WmHistory *history = begin_edit (self, g_dgettext (GETTEXT_PACKAGE, item->type->add_label),
                                   NULL);

  _wm_diagram_insert_item (self, item, self->items->len);
  if (history != NULL)
    _wm_diagram_record_item_inserted (self, history, item);
  end_edit (self, history);
}

static const WmItemType *
find_type (WmDiagram  *self,
           const char *type_id,
           WmItemKind  kind,
           GError    **error)
{
  const WmItemType *type = wm_notation_lookup_type (self->notation, type_id);

  if (type == NULL || type->kind != kind)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_UNKNOWN_TYPE,
                   /* Translators: the first %s is a kind of diagram, "Value stream map";
                    * the second a type name as the file format spells it, "process" */
                   kind == WM_ITEM_NODE ? _("A diagram of type “%s” has no node type “%s”.")
                   /* Translators: the first %s is a kind of diagram, "Value stream map";
                    * the second a type name as the file format spells it, "push" */
                                        : _("A diagram of type “%s” has no link type “%s”."),
                   g_dgettext (GETTEXT_PACKAGE, self->notation->label), type_id);
      return NULL;
    }
  return type;
}

WmItem *
wm_diagram_add_node (WmDiagram    *self,
                     const char   *type_id,
                     const WmRect *bounds,
                     const char   *text,
                     GError      **error)
{
  const WmItemType *type;
  WmItem *item;

  g_return_val_if_fail (WM_IS_DIAGRAM (self), NULL);
  g_return_val_if_fail (type_id != NULL, NULL);
  g_return_val_if_fail (text == NULL || g_utf8_validate (text, -1, NULL), NULL);

  if (!check_writable (self, error) ||
      !(type = find_type (self, type_id, WM_ITEM_NODE, error)) ||
      (text != NULL && !wm_limits_check_text (text, error)))
    return NULL;

  item = new_item (self, type);
  if (bounds != NULL)
    item->bounds = *bounds;
  wm_limits_clamp_rect (&item->bounds);
  if (text != NULL)
    {
      g_free (item->text);
      item->text = g_strdup (text);
    }
  insert_new_item (self, item);
  return item;
}

WmItem *
wm_diagram_add_link (WmDiagram  *self,
                     const char *type_id,
                     const char *source_id,
                     const char *target_id,
                     GError    **error)
{
  const WmItemType *type;
  WmItem *source, *target, *item;

  g_return_val_if_fail (WM_IS_DIAGRAM (self), NULL);

  if (!check_writable (self, error) ||
      !(type = find_type (self, type_id, WM_ITEM_LINK, error)))
    return NULL;

  source = wm_diagram_lookup (self, source_id);
  target = wm_diagram_lookup (self, target_id);
  if (source == NULL || target == NULL || !wm_item_is_node (source) || !wm_item_is_node (target))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_NOT_FOUND,
                   _("A link must join two nodes of the same diagram."));
      return NULL;
    }
  if (!wm_notation_link_allowed (self->notation, type, source->type, target->type))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_NOT_ALLOWED,
                   _("A link of type “%s” cannot go from an item of type “%s” "
                     "to an item of type “%s”."),
                   g_dgettext (GETTEXT_PACKAGE, type->label),
                   g_dgettext (GETTEXT_PACKAGE, source->type->label),
                   g_dgettext (GETTEXT_PACKAGE, target->type->label));
      return NULL;
    }

  item = new_item (self, type);
  item->source = g_strdup (source_id);
  item->target = g_strdup (target_id);
  insert_new_item (self, item);
  return item;
}

static void
remove_item (WmDiagram *self,
             WmHistory *history,
             WmItem    *item)
{
  if (history != NULL)
    _wm_diagram_record_item_will_be_removed (self, history, item);
  wm_item_free (_wm_diagram_take_item (self, item));
}

guint
wm_diagram_remove_items (WmDiagram         *self,
                         const char *const *ids)
{
  g_autoptr(GHashTable) doomed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autofree char *label = NULL;
  WmHistory *history;
  guint removed;

  g_return_val_if_fail (WM_IS_DIAGRAM (self), 0);
  if (ids == NULL || !check_writable (self, NULL))
    return 0;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      WmItem *item = wm_diagram_lookup (self, ids[i]);
      if (item != NULL)
        g_hash_table_add (doomed, item->id);
    }
  if (g_hash_table_size (doomed) == 0)
    return 0;
  /* The label counts what was asked for, not the links that go with it. */
  label = g_strdup_printf (ngettext ("Delete %u Item", "Delete %u Items",
                                     g_hash_table_size (doomed)),
                           g_hash_table_size (doomed));

  /* One pass in z-order finds the links of removed nodes and the children
   * that lose their container; removing top-down keeps z positions exact. */
  for (guint i = 0; i < self->items->len; i++)
    {
      WmItem *item = g_ptr_array_index (self->items, i);

      if (wm_item_is_link (item) && (g_hash_table_contains (doomed, item->source) ||
                                     g_hash_table_contains (doomed, item->target)))
        g_hash_table_add (doomed, item->id);
      if (g_hash_table_contains (doomed, item->id))
        g_ptr_array_add (order, item);
    }

  history = begin_edit (self, label, NULL);
  for (guint i = 0; i < self->items->len; i++)
    {
      WmItem *item = g_ptr_array_index (self->items, i);

      if (item->parent != NULL && g_hash_table_contains (doomed, item->parent) &&
          !g_hash_table_contains (doomed, item->id))
        {
          will_change (self, history, item);
          g_clear_pointer (&item->parent, g_free);
        }
    }
  removed = order->len;
  for (guint i = order->len; i > 0; i--)
    remove_item (self, history, g_ptr_array_index (order, i - 1));
  end_edit (self, history);
  return removed;
}

/* Adds the items inside @moving's containers, at any depth, to @moving and
 * @items (which holds @moving's items), by the index's lists of children:
 * a drag step costs what it moves, not the diagram's size. */
static void
collect_descendants (WmDiagram  *self,
                     GHashTable *moving,
                     GPtrArray  *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GPtrArray) children = g_ptr_array_new ();
      WmItem *item = g_ptr_array_index (items, i);

      _wm_diagram_index_children (self, item->id, children);
      for (guint j = 0; j < children->len; j++)
        {
          WmItem *child = g_ptr_array_index (children, j);

          if (g_hash_table_add (moving, child->id))
            g_ptr_array_add (items, child);
        }
    }
}

static int
compare_z (gconstpointer a,
           gconstpointer b)
{
  const WmItem *x = *(WmItem *const *) a, *y = *(WmItem *const *) b;

  return x->z < y->z ? -1 : x->z > y->z;
}

/* g_ptr_array_sort() hands its function pointers to the elements. */
static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static char *
merge_key_for (const char        *prefix,
               const char *const *ids)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GString *key = g_string_new (prefix);

  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (sorted, (gpointer) ids[i]);
  g_ptr_array_sort (sorted, compare_ids);
  for (guint i = 0; i < sorted->len; i++)
    g_string_append_printf (key, " %s", (char *) g_ptr_array_index (sorted, i));
  return g_string_free (key, FALSE);
}

/* The nodes and the links with waypoints that a move of @items (the items
 * of @moving) carries, in z-order: a link goes along when it is moved itself
 * or when both its ends are. The links are found from their ends. */
static GPtrArray *
carried_items (WmDiagram  *self,
               GHashTable *moving,
               GPtrArray  *items)
{
  GPtrArray *carried = g_ptr_array_new ();
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      WmItem *item = g_ptr_array_index (items, i);
      g_autoptr(GPtrArray) links = NULL;

      if (wm_item_is_link (item))
        {
          if (item->n_points > 0 && g_hash_table_add (taken, item))
            g_ptr_array_add (carried, item);
          continue;
        }
      g_ptr_array_add (carried, item);
      links = g_ptr_array_new ();
      _wm_diagram_index_links (self, item, links);
      for (guint j = 0; j < links->len; j++)
        {
          WmItem *link = g_ptr_array_index (links, j);

          if (link->n_points > 0 && g_hash_table_contains (moving, link->source) &&
              g_hash_table_contains (moving, link->target) && g_hash_table_add (taken, link))
            g_ptr_array_add (carried, link);
        }
    }
  g_ptr_array_sort (carried, compare_z);
  return carried;
}

/* Narrows [*lo, *hi] to the offsets that keep @value within the limits. */
static void
narrow_offsets (double  value,
                double *lo,
                double *hi)
{
  *lo = MAX (*lo, -WM_LIMIT_COORDINATE - value);
  *hi = MIN (*hi, WM_LIMIT_COORDINATE - value);
}

/* Shortens the move so that every position carried stays within the
 * limits: the selection stops at the edge as one piece, keeping its shape. */
static void
clamp_move (GPtrArray *carried,
            double    *dx,
            double    *dy)
{
  double lo_x = -INFINITY, hi_x = INFINITY, lo_y = -INFINITY, hi_y = INFINITY;

  for (guint i = 0; i < carried->len; i++)
    {
      WmItem *item = g_ptr_array_index (carried, i);

      if (wm_item_is_node (item))
        {
          narrow_offsets (item->bounds.x, &lo_x, &hi_x);
          narrow_offsets (item->bounds.y, &lo_y, &hi_y);
        }
      for (guint p = 0; p < item->n_points; p++)
        {
          narrow_offsets (item->points[p].x, &lo_x, &hi_x);
          narrow_offsets (item->points[p].y, &lo_y, &hi_y);
        }
    }
  *dx = CLAMP (*dx, MIN (lo_x, 0), MAX (hi_x, 0));
  *dy = CLAMP (*dy, MIN (lo_y, 0), MAX (hi_y, 0));
}

void
wm_diagram_move_items (WmDiagram         *self,
                       const char *const *ids,
                       double             dx,
                       double             dy)
{
  g_autoptr(GHashTable) moving = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) carried = NULL;
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  WmHistory *history;

  g_return_if_fail (WM_IS_DIAGRAM (self));
  if (ids == NULL || !isfinite (dx) || !isfinite (dy) || !check_writable (self, NULL))
    return;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      WmItem *item = wm_diagram_lookup (self, ids[i]);
      if (item != NULL && g_hash_table_add (moving, item->id))
        g_ptr_array_add (items, item);
    }
  /* The label counts the items moved, not the children carried along. */
  label = g_strdup_printf (ngettext ("Move %u Item", "Move %u Items",
                                     g_hash_table_size (moving)),
                           g_hash_table_size (moving));
  collect_descendants (self, moving, items);
  carried = carried_items (self, moving, items);
  clamp_move (carried, &dx, &dy);
  if (dx == 0 && dy == 0)
    return;

  key = merge_key_for ("move", ids);
  history = begin_edit (self, label, key);
  for (guint i = 0; i < carried->len; i++)
    {
      WmItem *item = g_ptr_array_index (carried, i);

      will_change (self, history, item);
      item->bounds.x += dx;
      item->bounds.y += dy;
      for (guint p = 0; p < item->n_points; p++)
        {
          item->points[p].x += dx;
          item->points[p].y += dy;
        }
    }
  end_edit (self, history);
}

static WmItem *
lookup_writable (WmDiagram  *self,
                 const char *id,
                 GError    **error)
{
  WmItem *item;

  if (!check_writable (self, error))
    return NULL;
  item = wm_diagram_lookup (self, id);
  if (item == NULL)
    g_set_error (error, WM_ERROR, WM_ERROR_NOT_FOUND,
                 _("The diagram “%s” has no item “%s”."), self->name, id);
  return item;
}

gboolean
wm_diagram_set_bounds (WmDiagram    *self,
                       const char   *id,
                       const WmRect *bounds)
{
  WmItem *item;
  WmRect clamped;
  g_autofree char *key = NULL;
  WmHistory *history;

  g_return_val_if_fail (WM_IS_DIAGRAM (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  item = lookup_writable (self, id, NULL);
  if (item == NULL || !wm_item_is_node (item) || !isfinite (bounds->x) || !isfinite (bounds->y) ||
      !isfinite (bounds->width) || !isfinite (bounds->height))
    return FALSE;
  clamped = *bounds;
  wm_limits_clamp_rect (&clamped);
  if (memcmp (&item->bounds, &clamped, sizeof clamped) == 0)
    return TRUE;

  key = g_strconcat ("bounds ", id, NULL);
  history = begin_edit (self, _("Resize"), key);
  will_change (self, history, item);
  item->bounds = clamped;
  end_edit (self, history);
  return TRUE;
}

gboolean
wm_diagram_set_text (WmDiagram  *self,
                     const char *id,
                     const char *text)
{
  WmItem *item;
  g_autofree char *key = NULL;
  WmHistory *history;

  g_return_val_if_fail (WM_IS_DIAGRAM (self), FALSE);
  g_return_val_if_fail (text != NULL && g_utf8_validate (text, -1, NULL), FALSE);

  item = lookup_writable (self, id, NULL);
  if (item == NULL || !wm_limits_check_text (text, NULL))
    return FALSE;
  if (g_str_equal (item->text, text))
    return TRUE;

  key = g_strconcat ("text ", id, NULL);
  history = begin_edit (self, _("Edit Text"), key);
  will_change (self, history, item);
  g_free (item->text);
  item->text = g_strdup (text);
  end_edit (self, history);
  return TRUE;
}

static gboolean
parse_property (const WmPropSpec *spec,
                const char       *value,
                WmValue          *parsed,
                GError          **error)
{
  if (value == NULL)
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID, _("The value is not valid UTF-8."));
      return FALSE;
    }
  /* The file syntax is what is checked, so a string list counts with the
   * line breaks between its strings. */
  if (!wm_limits_check_text (value, error))
    return FALSE;
  return wm_value_parse (spec, value, parsed, error);
}

gboolean
wm_diagram_set_property (WmDiagram  *self,
                         const char *id,
                         const char *name,
                         const char *value,
                         GError    **error)
{
  WmItem *item;
  int index;
  WmValue parsed = { 0, };
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  WmHistory *history;

  g_return_val_if_fail (WM_IS_DIAGRAM (self), FALSE);

  if (!(item = lookup_writable (self, id, error)))
    return FALSE;
  index = wm_item_type_find_prop (item->type, name);
  if (index < 0)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_UNKNOWN_TYPE,
                   /* Translators: the first %s is an item type, "Process"; the second a property
                    * name as the file format spells it, "cycle-time" */
                   _("An item of type “%s” has no property “%s”."),
                   g_dgettext (GETTEXT_PACKAGE, item->type->label), name);
      return FALSE;
    }
  if (!parse_property (&item->type->props[index], value, &parsed, error))
    return FALSE;
  if (wm_value_equal (&item->type->props[index],
                      item->props ? &item->props[index] : &(WmValue) { 0, }, &parsed))
    {
      wm_value_clear (&item->type->props[index], &parsed);
      return TRUE;
    }

  key = g_strdup_printf ("prop %s %s", id, name);
  /* Translators: %s is a property's name, "Cycle time" */
  label = g_strdup_printf (_("Change “%s”"),
                           item->type->props[index].label
                           ? g_dgettext (GETTEXT_PACKAGE, item->type->props[index].label)
                           : name);
  history = begin_edit (self, label, key);
  will_change (self, history, item);
  _wm_item_ensure_props (item);
  wm_value_clear (&item->type->props[index], &item->props[index]);
  item->props[index] = parsed;
  end_edit (self, history);
  return TRUE;
}

/* The containers that a node placed inside the node @id would sit in: @id
 * and the containers around it. The walk up stops after
 * WM_LIMIT_CONTAINMENT_DEPTH + 1 steps, so that checking every node of a
 * diagram takes time linear in their number whatever their chains; a longer
 * chain, or a loop, gives WM_LIMIT_CONTAINMENT_DEPTH + 1. When the walk
 * reaches @stop, *@meets is set and the steps up to it are returned. */
static guint
depth_inside (WmDiagram  *self,
              const char *id,
              const char *stop,
              gboolean   *meets)
{
  guint depth = 0;

  *meets = FALSE;
  for (; id != NULL && depth <= WM_LIMIT_CONTAINMENT_DEPTH; depth++)
    {
      WmItem *item;

      if (g_str_equal (id, stop))
        {
          *meets = TRUE;
          return depth;
        }
      item = wm_diagram_lookup (self, id);
      id = item != NULL ? item->parent : NULL;
    }
  return depth;
}

gboolean
_wm_diagram_parent_is_valid (WmDiagram  *self,
                             WmItem     *item,
                             const char *parent_id,
                             GError    **error)
{
  WmItem *parent = wm_diagram_lookup (self, parent_id);
  gboolean loops = FALSE;
  guint depth;

  if (parent == NULL || !wm_item_is_node (parent) || !parent->type->container)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_NOT_ALLOWED,
                   _("“%s” is not a container in this diagram."), parent_id);
      return FALSE;
    }
  depth = depth_inside (self, parent_id, item->id, &loops);
  if (!wm_item_is_node (item) || loops)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_NOT_ALLOWED,
                   _("“%s” cannot contain itself."), item->id);
      return FALSE;
    }
  if (depth > WM_LIMIT_CONTAINMENT_DEPTH)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_NOT_ALLOWED,
                   ngettext ("“%s” cannot sit inside more than %d container.",
                             "“%s” cannot sit inside more than %d containers.",
                             WM_LIMIT_CONTAINMENT_DEPTH), item->id, WM_LIMIT_CONTAINMENT_DEPTH);
      return FALSE;
    }
  return TRUE;
}

/* How many containers deep the nodes inside the container @item go: 0 when
 * it holds none. Each node's walk up is bounded as in depth_inside(). */
static guint
depth_held (WmDiagram *self,
            WmItem    *item)
{
  guint deepest = 0;

  if (!item->type->container)
    return 0;
  for (guint i = 0; i < self->items->len; i++)
    {
      WmItem *other = g_ptr_array_index (self->items, i);
      gboolean inside = FALSE;
      guint depth;

      if (other == item || other->parent == NULL)
        continue;
      depth = depth_inside (self, other->parent, item->id, &inside);
      if (inside)
        deepest = MAX (deepest, depth + 1);
    }
  return deepest;
}

/* Whether @item, with the nodes it holds, fits inside @parent_id. */
static gboolean
fits_inside (WmDiagram  *self,
             WmItem     *item,
             const char *parent_id,
             GError    **error)
{
  gboolean loops;

  if (!_wm_diagram_parent_is_valid (self, item, parent_id, error))
    return FALSE;
  if (depth_inside (self, parent_id, item->id, &loops) + depth_held (self, item) <=
      WM_LIMIT_CONTAINMENT_DEPTH)
    return TRUE;
  g_set_error (error, WM_ERROR, WM_ERROR_NOT_ALLOWED,
               ngettext ("“%s” holds nodes that cannot sit inside more than %d container.",
                         "“%s” holds nodes that cannot sit inside more than %d containers.",
                         WM_LIMIT_CONTAINMENT_DEPTH), item->id, WM_LIMIT_CONTAINMENT_DEPTH);
  return FALSE;
}

gboolean
wm_diagram_set_parent (WmDiagram  *self,
                       const char *id,
                       const char *parent_id,
                       GError    **error)
{
  WmItem *item;
  WmHistory *history;

  g_return_val_if_fail (WM_IS_DIAGRAM (self), FALSE);

  if (!(item = lookup_writable (self, id, error)))
    return FALSE;
  if (g_strcmp0 (item->parent, parent_id) == 0)
    return TRUE;
  if (parent_id != NULL && !fits_inside (self, item, parent_id, error))
    return FALSE;

  history = begin_edit (self, _("Change Container"), NULL);
  will_change (self, history, item);
  g_free (item->parent);
  item->parent = g_strdup (parent_id);
  end_edit (self, history);
  return TRUE;
}

gboolean
wm_diagram_set_points (WmDiagram     *self,
                       const char    *id,
                       const WmPoint *points,
                       guint          n_points)
{
  WmItem *item;
  g_autofree char *key = NULL;
  WmHistory *history;

  g_return_val_if_fail (WM_IS_DIAGRAM (self), FALSE);

  item = lookup_writable (self, id, NULL);
  if (item == NULL || !wm_item_is_link (item) || n_points > WM_LIMIT_POINTS)
    return FALSE;
  for (guint i = 0; i < n_points; i++)
    if (!isfinite (points[i].x) || !isfinite (points[i].y))
      return FALSE;

  key = g_strconcat ("points ", id, NULL);
  history = begin_edit (self, _("Reshape Link"), key);
  will_change (self, history, item);
  g_free (item->points);
  item->points = n_points ? g_memdup2 (points, sizeof (WmPoint) * n_points) : NULL;
  item->n_points = n_points;
  for (guint i = 0; i < n_points; i++)
    {
      item->points[i].x = wm_limits_clamp_coordinate (item->points[i].x);
      item->points[i].y = wm_limits_clamp_coordinate (item->points[i].y);
    }
  end_edit (self, history);
  return TRUE;
}

gboolean
wm_diagram_restack (WmDiagram  *self,
                    const char *id,
                    guint       position)
{
  WmItem *item;
  WmHistory *history;
  guint from;

  g_return_val_if_fail (WM_IS_DIAGRAM (self), FALSE);

  item = lookup_writable (self, id, NULL);
  if (item == NULL)
    return FALSE;
  position = MIN (position, self->items->len - 1);
  if (position == item->z)
    return TRUE;

  from = item->z;
  history = begin_edit (self, _("Change Stacking Order"), NULL);
  _wm_diagram_move_in_z (self, item, position);
  if (history != NULL)
    _wm_diagram_record_item_restacked (self, history, item, from, position);
  end_edit (self, history);
  return TRUE;
}

static WmHistory *
begin_header_edit (WmDiagram  *self,
                   const char *label,
                   const char *merge_key)
{
  WmHistory *history = begin_edit (self, label, merge_key);

  if (history != NULL)
    _wm_diagram_record_header_will_change (self, history);
  _wm_diagram_delta (self)->header = TRUE;
  return history;
}

gboolean
wm_diagram_rename (WmDiagram  *self,
                   const char *name)
{
  WmHistory *history;

  g_return_val_if_fail (WM_IS_DIAGRAM (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!check_writable (self, NULL) || !wm_limits_check_text (name, NULL))
    return FALSE;
  if (g_str_equal (self->name, name))
    return TRUE;
  history = begin_header_edit (self, _("Rename Diagram"), "rename");
  _wm_diagram_set_name_internal (self, name);
  end_edit (self, history);
  return TRUE;
}

gboolean
wm_diagram_set_field (WmDiagram  *self,
                      const char *name,
                      const char *value,
                      GError    **error)
{
  int index;
  WmValue parsed = { 0, };
  g_autofree char *key = NULL;
  WmHistory *history;

  g_return_val_if_fail (WM_IS_DIAGRAM (self), FALSE);

  if (!check_writable (self, error))
    return FALSE;
  index = wm_notation_find_prop (self->notation, name);
  if (index < 0)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_UNKNOWN_TYPE,
                   /* Translators: the first %s is a kind of diagram, "Value stream map"; the
                    * second a field name as the file format spells it, "daily-demand" */
                   _("A diagram of type “%s” has no field “%s”."),
                   g_dgettext (GETTEXT_PACKAGE, self->notation->label), name);
      return FALSE;
    }
  if (!parse_property (&self->notation->props[index], value, &parsed, error))
    return FALSE;
  if (wm_value_equal (&self->notation->props[index], &self->values[index], &parsed))
    {
      wm_value_clear (&self->notation->props[index], &parsed);
      return TRUE;
    }

  key = g_strconcat ("field ", name, NULL);
  history = begin_header_edit (self, _("Change Diagram Field"), key);
  wm_value_clear (&self->notation->props[index], &self->values[index]);
  self->values[index] = parsed;
  end_edit (self, history);
  return TRUE;
}

static GPtrArray *
writable_list (WmDiagram  *self,
               const char *list,
               GError    **error)
{
  GPtrArray *entries;

  if (!check_writable (self, error))
    return NULL;
  entries = _wm_diagram_get_list_mutable (self, list);
  if (entries == NULL)
    g_set_error (error, WM_ERROR, WM_ERROR_UNKNOWN_TYPE,
                 /* Translators: the first %s is a kind of diagram, "Customer journey map"; the
                  * second a list name as the file format spells it, "stages" */
                 _("A diagram of type “%s” has no list “%s”."),
                 g_dgettext (GETTEXT_PACKAGE, self->notation->label), list);
  return entries;
}

gboolean
wm_diagram_list_insert (WmDiagram  *self,
                        const char *list,
                        guint       position,
                        const char *id,
                        const char *label,
                        GError    **error)
{
  GPtrArray *entries;
  WmHistory *history;
  WmValue check = { 0, };
  static const WmPropSpec id_spec = { .name = "id", .type = WM_PROP_SLOT };

  g_return_val_if_fail (WM_IS_DIAGRAM (self), FALSE);
  g_return_val_if_fail (id != NULL && label != NULL, FALSE);

  if (!(entries = writable_list (self, list, error)) || !wm_limits_check_text (label, error) ||
      !wm_limits_check_text (id, error))
    return FALSE;
  if (id[0] == '\0' || !wm_value_parse (&id_spec, id, &check, error))
    {
      g_clear_error (error);
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID, _("“%s” is not a valid entry id."), id);
      return FALSE;
    }
  wm_value_clear (&id_spec, &check);
  if (_wm_list_entry_index (entries, id) >= 0)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_DUPLICATE_ID,
                   _("The list already has an entry “%s”."), id);
      return FALSE;
    }

  history = begin_header_edit (self, _("Add Entry"), NULL);
  g_ptr_array_insert (entries, (int) MIN (position, entries->len), _wm_list_entry_new (id, label));
  end_edit (self, history);
  return TRUE;
}

gboolean
wm_diagram_list_remove (WmDiagram  *self,
                        const char *list,
                        const char *id)
{
  GPtrArray *entries;
  WmHistory *history;
  int index;

  g_return_val_if_fail (WM_IS_DIAGRAM (self), FALSE);

  if (!(entries = writable_list (self, list, NULL)) || (index = _wm_list_entry_index (entries, id)) < 0)
    return FALSE;
  history = begin_header_edit (self, _("Remove Entry"), NULL);
  g_ptr_array_remove_index (entries, (guint) index);
  end_edit (self, history);
  return TRUE;
}

gboolean
wm_diagram_list_rename (WmDiagram  *self,
                        const char *list,
                        const char *id,
                        const char *label)
{
  GPtrArray *entries;
  WmListEntry *entry;
  g_autofree char *key = NULL;
  WmHistory *history;
  int index;

  g_return_val_if_fail (WM_IS_DIAGRAM (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  if (!(entries = writable_list (self, list, NULL)) || !wm_limits_check_text (label, NULL) ||
      (index = _wm_list_entry_index (entries, id)) < 0)
    return FALSE;
  entry = g_ptr_array_index (entries, index);
  if (g_str_equal (entry->label, label))
    return TRUE;
  key = g_strdup_printf ("entry %s %s", list, id);
  history = begin_header_edit (self, _("Rename Entry"), key);
  g_free (entry->label);
  entry->label = g_strdup (label);
  end_edit (self, history);
  return TRUE;
}

gboolean
wm_diagram_list_move (WmDiagram  *self,
                      const char *list,
                      const char *id,
                      guint       position)
{
  GPtrArray *entries;
  WmHistory *history;
  int index;
  gpointer entry;

  g_return_val_if_fail (WM_IS_DIAGRAM (self), FALSE);

  if (!(entries = writable_list (self, list, NULL)) || (index = _wm_list_entry_index (entries, id)) < 0)
    return FALSE;
  position = MIN (position, entries->len - 1);
  if ((guint) index == position)
    return TRUE;
  history = begin_header_edit (self, _("Reorder Entries"), NULL);
  entry = g_ptr_array_steal_index (entries, (guint) index);
  g_ptr_array_insert (entries, (int) position, entry);
  end_edit (self, history);
  return TRUE;
}
