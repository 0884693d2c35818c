/* wm-diagram.c — one diagram of a project: its items, fields and lists
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-diagram"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-diagram-private.h"
#include "wm-error.h"
#include "wm-limits.h"
#include "wm-value-private.h"

G_DEFINE_FINAL_TYPE (WmDiagram, wm_diagram, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

enum {
  INVALIDATE,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* WmDelta */

static WmDelta *
delta_new (void)
{
  WmDelta *delta = g_new0 (WmDelta, 1);

  delta->added = g_ptr_array_new_with_free_func (g_free);
  delta->removed = g_ptr_array_new_with_free_func (g_free);
  delta->modified = g_ptr_array_new_with_free_func (g_free);
  return delta;
}

static gpointer
copy_string (gconstpointer string,
             gpointer      unused)
{
  return g_strdup (string);
}

static GPtrArray *
strings_copy (GPtrArray *strings)
{
  return g_ptr_array_copy (strings, copy_string, NULL);
}

WmDelta *
wm_delta_copy (const WmDelta *delta)
{
  WmDelta *copy = g_new0 (WmDelta, 1);

  *copy = *delta;
  copy->added = strings_copy (delta->added);
  copy->removed = strings_copy (delta->removed);
  copy->modified = strings_copy (delta->modified);
  g_ptr_array_set_free_func (copy->added, g_free);
  g_ptr_array_set_free_func (copy->removed, g_free);
  g_ptr_array_set_free_func (copy->modified, g_free);
  return copy;
}

void
wm_delta_free (WmDelta *delta)
{
  if (delta == NULL)
    return;
  g_ptr_array_unref (delta->added);
  g_ptr_array_unref (delta->removed);
  g_ptr_array_unref (delta->modified);
  g_free (delta);
}

/* Registered by hand: G_DEFINE_BOXED_TYPE casts through a union, which -Wpedantic rejects. */
GType
wm_delta_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      GType type = g_boxed_type_register_static (g_intern_static_string ("WmDelta"),
                                                 (GBoxedCopyFunc) wm_delta_copy,
                                                 (GBoxedFreeFunc) wm_delta_free);
      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

static void
list_entry_free (WmListEntry *entry)
{
  g_free (entry->id);
  g_free (entry->label);
  g_free (entry);
}

WmListEntry *
_wm_list_entry_new (const char *id,
                const char *label)
{
  WmListEntry *entry = g_new0 (WmListEntry, 1);

  entry->id = g_strdup (id);
  entry->label = g_strdup (label);
  return entry;
}

static GPtrArray *
list_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) list_entry_free);
}

static GPtrArray *
list_copy (GPtrArray *list)
{
  GPtrArray *copy = list_new ();

  for (guint i = 0; i < list->len; i++)
    {
      WmListEntry *entry = g_ptr_array_index (list, i);
      g_ptr_array_add (copy, _wm_list_entry_new (entry->id, entry->label));
    }
  return copy;
}

static gboolean
list_equal (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      WmListEntry *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      if (!g_str_equal (x->id, y->id) || !g_str_equal (x->label, y->label))
        return FALSE;
    }
  return TRUE;
}

/* GObject */

static void
clear_values (const WmNotation *notation,
              WmValue          *values)
{
  for (guint i = 0; i < notation->n_props; i++)
    wm_value_clear (&notation->props[i], &values[i]);
}

static void
wm_diagram_finalize (GObject *object)
{
  WmDiagram *self = (WmDiagram *) object;

  clear_values (self->notation, self->values);
  g_free (self->values);
  g_clear_pointer (&self->lists, g_ptr_array_unref);
  g_clear_pointer (&self->index, _wm_diagram_index_free);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->pending, wm_delta_free);
  g_clear_pointer (&self->pending_seen, g_hash_table_unref);
  g_clear_pointer (&self->derived, g_hash_table_unref);
  g_mutex_clear (&self->derived_lock);
  g_free (self->id);
  g_free (self->name);

  G_OBJECT_CLASS (wm_diagram_parent_class)->finalize (object);
}

static void
wm_diagram_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WmDiagram *self = WM_DIAGRAM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_diagram_class_init (WmDiagramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_diagram_finalize;
  object_class->get_property = wm_diagram_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WmDiagram::invalidate:
   * @delta: what changed
   *
   * Emitted with each change right before WmDiagram::changed, with the same
   * delta, for what keeps data derived from the diagram (layouts, metrics,
   * the painters' caches): it forgets or updates that data here, so that
   * every handler of ::changed, whenever it was connected, finds it
   * current. Views connect to ::changed.
   */
  signals[INVALIDATE] =
    g_signal_new ("invalidate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1,
                  WM_TYPE_DELTA | G_SIGNAL_TYPE_STATIC_SCOPE);
  /**
   * WmDiagram::changed:
   * @delta: what changed
   *
   * Emitted once at the end of each edit, undo or redo that touched the diagram.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1,
                  WM_TYPE_DELTA | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
wm_diagram_init (WmDiagram *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_item_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->index = _wm_diagram_index_new ();
  g_mutex_init (&self->derived_lock);
}

void
_wm_diagram_reset_lists (WmDiagram *self)
{
  g_clear_pointer (&self->lists, g_ptr_array_unref);
  self->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < self->notation->n_lists; i++)
    {
      const WmListSpec *spec = &self->notation->lists[i];
      GPtrArray *list = list_new ();

      for (guint j = 0; spec->defaults != NULL && spec->defaults[j].id != NULL; j++)
        g_ptr_array_add (list, _wm_list_entry_new (spec->defaults[j].id,
                                               g_dgettext (GETTEXT_PACKAGE,
                                                           spec->defaults[j].label)));
      g_ptr_array_add (self->lists, list);
    }
}

/* A copy of @name cut to the longest text a file may hold. Names made up by
 * the model (a copy's "… (copy)") may grow past it; names that the user
 * gives are refused before they get here. */
static char *
limited_name (const char *name)
{
  if (name == NULL)
    return g_strdup ("");
  if (wm_limits_check_text (name, NULL))
    return g_strdup (name);
  return g_utf8_substring (name, 0, WM_LIMIT_TEXT_CHARS);
}

WmDiagram *
_wm_diagram_new (const WmNotation *notation,
                 const char       *id,
                 const char       *name)
{
  WmDiagram *self = g_object_new (WM_TYPE_DIAGRAM, NULL);

  self->notation = notation;
  self->id = g_strdup (id);
  self->name = limited_name (name);
  self->values = g_new0 (WmValue, MAX (notation->n_props, 1));
  _wm_diagram_reset_lists (self);
  return self;
}

static void drop_derived (WmDiagram *self);

void
_wm_diagram_set_project (WmDiagram *self,
                         WmProject *project)
{
  self->project = project;
  /* Out of a project the diagram announces no change to drop it by. */
  drop_derived (self);
}

/* Read access */

const WmNotation *
wm_diagram_get_notation (WmDiagram *self)
{
  g_return_val_if_fail (WM_IS_DIAGRAM (self), NULL);
  return self->notation;
}

const char *
wm_diagram_get_id (WmDiagram *self)
{
  g_return_val_if_fail (WM_IS_DIAGRAM (self), NULL);
  return self->id;
}

const char *
wm_diagram_get_name (WmDiagram *self)
{
  g_return_val_if_fail (WM_IS_DIAGRAM (self), NULL);
  return self->name;
}

WmProject *
wm_diagram_get_project (WmDiagram *self)
{
  g_return_val_if_fail (WM_IS_DIAGRAM (self), NULL);
  return self->project;
}

guint
wm_diagram_get_n_items (WmDiagram *self)
{
  g_return_val_if_fail (WM_IS_DIAGRAM (self), 0);
  return self->items->len;
}

guint
wm_diagram_get_n_nodes (WmDiagram *self)
{
  g_return_val_if_fail (WM_IS_DIAGRAM (self), 0);
  return self->items->len - self->n_links;
}

guint
wm_diagram_get_n_links (WmDiagram *self)
{
  g_return_val_if_fail (WM_IS_DIAGRAM (self), 0);
  return self->n_links;
}

WmItem *
wm_diagram_get_item (WmDiagram *self,
                     guint      position)
{
  g_return_val_if_fail (WM_IS_DIAGRAM (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);
  return g_ptr_array_index (self->items, position);
}

WmItem *
wm_diagram_lookup (WmDiagram  *self,
                   const char *id)
{
  g_return_val_if_fail (WM_IS_DIAGRAM (self), NULL);
  return id ? g_hash_table_lookup (self->by_id, id) : NULL;
}

const WmValue *
wm_diagram_get_value (WmDiagram         *self,
                      const char        *name,
                      const WmPropSpec **spec)
{
  int index;

  g_return_val_if_fail (WM_IS_DIAGRAM (self), NULL);

  index = wm_notation_find_prop (self->notation, name);
  if (spec != NULL)
    *spec = index < 0 ? NULL : &self->notation->props[index];
  if (index < 0)
    return NULL;
  return _wm_value_effective (&self->notation->props[index], &self->values[index]);
}

gboolean
wm_diagram_has_value (WmDiagram  *self,
                      const char *name)
{
  int index = wm_notation_find_prop (self->notation, name);

  return index >= 0 && self->values[index].set;
}

double
wm_diagram_get_number (WmDiagram  *self,
                       const char *name)
{
  const WmPropSpec *spec;
  const WmValue *value = wm_diagram_get_value (self, name, &spec);

  return value ? wm_value_get_number (spec, value) : 0;
}

const char *
wm_diagram_get_string (WmDiagram  *self,
                       const char *name)
{
  const WmPropSpec *spec;
  const WmValue *value = wm_diagram_get_value (self, name, &spec);

  if (value == NULL || spec->type == WM_PROP_ENUM || spec->type == WM_PROP_NUMBER ||
      spec->type == WM_PROP_INTEGER || spec->type == WM_PROP_BOOLEAN ||
      spec->type == WM_PROP_STRING_LIST || spec->type == WM_PROP_REFS)
    return NULL;
  return value->v.string;
}

const char *
wm_diagram_get_choice (WmDiagram  *self,
                       const char *name)
{
  const WmPropSpec *spec;
  const WmValue *value = wm_diagram_get_value (self, name, &spec);

  return value && spec->type == WM_PROP_ENUM ? spec->choices[value->v.choice].id : NULL;
}

WmValue *
_wm_diagram_get_values (WmDiagram *self)
{
  return self->values;
}

static int
list_index (WmDiagram  *self,
            const char *name)
{
  for (guint i = 0; i < self->notation->n_lists; i++)
    if (g_str_equal (self->notation->lists[i].name, name))
      return (int) i;
  return -1;
}

GPtrArray *
wm_diagram_get_list (WmDiagram  *self,
                     const char *name)
{
  g_return_val_if_fail (WM_IS_DIAGRAM (self), NULL);
  return _wm_diagram_get_list_mutable (self, name);
}

GPtrArray *
_wm_diagram_get_list_mutable (WmDiagram  *self,
                              const char *name)
{
  int index = list_index (self, name);

  return index < 0 ? NULL : g_ptr_array_index (self->lists, index);
}

int
_wm_list_entry_index (GPtrArray  *list,
                      const char *id)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    if (g_str_equal (((WmListEntry *) g_ptr_array_index (list, i))->id, id))
      return (int) i;
  return -1;
}

const WmListEntry *
wm_diagram_find_entry (WmDiagram  *self,
                       const char *list,
                       const char *id)
{
  GPtrArray *entries = _wm_diagram_get_list_mutable (self, list);
  int index = id ? _wm_list_entry_index (entries, id) : -1;

  return index < 0 ? NULL : g_ptr_array_index (entries, index);
}

/* Header snapshots */

struct _WmHeader
{
  const WmNotation *notation;
  char             *name;
  WmValue          *values;
  GPtrArray        *lists;
};

WmHeader *
_wm_header_capture (WmDiagram *self)
{
  WmHeader *header = g_new0 (WmHeader, 1);

  header->notation = self->notation;
  header->name = g_strdup (self->name);
  header->values = g_new0 (WmValue, MAX (self->notation->n_props, 1));
  for (guint i = 0; i < self->notation->n_props; i++)
    wm_value_copy (&self->notation->props[i], &self->values[i], &header->values[i]);
  header->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < self->lists->len; i++)
    g_ptr_array_add (header->lists, list_copy (g_ptr_array_index (self->lists, i)));
  return header;
}

void
_wm_header_restore (WmDiagram      *self,
                    const WmHeader *header)
{
  gboolean renamed = !g_str_equal (self->name, header->name);

  g_free (self->name);
  self->name = g_strdup (header->name);
  for (guint i = 0; i < self->notation->n_props; i++)
    {
      wm_value_clear (&self->notation->props[i], &self->values[i]);
      wm_value_copy (&self->notation->props[i], &header->values[i], &self->values[i]);
    }
  g_ptr_array_set_size (self->lists, 0);
  for (guint i = 0; i < header->lists->len; i++)
    g_ptr_array_add (self->lists, list_copy (g_ptr_array_index (header->lists, i)));
  _wm_diagram_delta (self)->header = TRUE;
  if (renamed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gboolean
_wm_header_equal (const WmHeader *a,
                  const WmHeader *b)
{
  if (!g_str_equal (a->name, b->name) || a->lists->len != b->lists->len)
    return FALSE;
  for (guint i = 0; i < a->notation->n_props; i++)
    if (!wm_value_equal (&a->notation->props[i], &a->values[i], &b->values[i]))
      return FALSE;
  for (guint i = 0; i < a->lists->len; i++)
    if (!list_equal (g_ptr_array_index (a->lists, i), g_ptr_array_index (b->lists, i)))
      return FALSE;
  return TRUE;
}

void
_wm_header_free (WmHeader *header)
{
  if (header == NULL)
    return;
  clear_values (header->notation, header->values);
  g_free (header->values);
  g_ptr_array_unref (header->lists);
  g_free (header->name);
  g_free (header);
}

/* Derived data */

typedef struct
{
  gpointer       data;
  GDestroyNotify destroy;
} Derived;

static void
derived_free (gpointer data)
{
  Derived *derived = data;

  derived->destroy (derived->data);
  g_free (derived);
}

static void
drop_derived (WmDiagram *self)
{
  g_autoptr(GHashTable) dropped = NULL;

  g_mutex_lock (&self->derived_lock);
  dropped = g_steal_pointer (&self->derived);
  g_mutex_unlock (&self->derived_lock);
  /* Freed unlocked: freeing a layout may ask for the lock of another. */
}

gpointer
wm_diagram_dup_derived (WmDiagram      *self,
                        const char     *key,
                        GBoxedCopyFunc  dup)
{
  Derived *derived;
  gpointer copy = NULL;

  g_return_val_if_fail (WM_IS_DIAGRAM (self), NULL);
  g_return_val_if_fail (key != NULL && dup != NULL, NULL);

  g_mutex_lock (&self->derived_lock);
  derived = self->derived != NULL ? g_hash_table_lookup (self->derived, key) : NULL;
  if (derived != NULL)
    copy = dup (derived->data);
  g_mutex_unlock (&self->derived_lock);
  return copy;
}

void
wm_diagram_keep_derived (WmDiagram      *self,
                         const char     *key,
                         gpointer        data,
                         GDestroyNotify  destroy)
{
  Derived *derived;
  gpointer key_before = NULL, replaced = NULL;

  g_return_if_fail (WM_IS_DIAGRAM (self));
  g_return_if_fail (key != NULL && data != NULL && destroy != NULL);

  derived = g_new (Derived, 1);
  *derived = (Derived) { data, destroy };
  g_mutex_lock (&self->derived_lock);
  if (self->derived == NULL)
    self->derived = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, derived_free);
  g_hash_table_steal_extended (self->derived, key, &key_before, &replaced);
  g_hash_table_insert (self->derived, (gpointer) key, derived);
  g_mutex_unlock (&self->derived_lock);
  if (replaced != NULL)
    derived_free (replaced);
}

/* Deltas */

WmDelta *
_wm_diagram_delta (WmDiagram *self)
{
  if (self->pending == NULL)
    {
      self->pending = delta_new ();
      self->pending_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  return self->pending;
}

static void
note_id (WmDiagram  *self,
         GPtrArray  *which,
         const char *id)
{
  g_autofree char *key = g_strdup_printf ("%p:%s", (void *) which, id);

  if (g_hash_table_add (self->pending_seen, g_steal_pointer (&key)))
    g_ptr_array_add (which, g_strdup (id));
}

/* The area an item covers: a node's bounds, a link's ends and waypoints. */
static void
item_extent (WmDiagram    *self,
             const WmItem *item,
             WmRect       *extent)
{
  if (wm_item_is_node (item))
    {
      *extent = item->bounds;
      return;
    }

  *extent = (WmRect) { 0, 0, 0, 0 };
  for (guint i = 0; i < 2; i++)
    {
      WmItem *end = wm_diagram_lookup (self, i == 0 ? item->source : item->target);
      if (end != NULL)
        wm_rect_union (extent, &end->bounds, extent);
    }
  for (guint i = 0; i < item->n_points; i++)
    {
      WmRect point = { item->points[i].x - 1, item->points[i].y - 1, 2, 2 };
      wm_rect_union (extent, &point, extent);
    }
}

static void
note_item (WmDiagram    *self,
           GPtrArray    *(*which) (WmDelta *),
           const WmItem *item)
{
  WmDelta *delta;
  WmRect extent;

  /* A diagram outside a project (being read, or deleted and kept for undo) has no listeners. */
  if (self->project == NULL)
    return;
  delta = _wm_diagram_delta (self);
  note_id (self, which (delta), item->id);
  item_extent (self, item, &extent);
  wm_rect_union (&delta->dirty, &extent, &delta->dirty);
}

static GPtrArray *delta_added (WmDelta *d) { return d->added; }
static GPtrArray *delta_removed (WmDelta *d) { return d->removed; }
static GPtrArray *delta_modified (WmDelta *d) { return d->modified; }

void
_wm_diagram_note_modified (WmDiagram    *self,
                           const WmItem *item)
{
  _wm_diagram_index_changed (self, item);
  note_item (self, delta_modified, item);
}

void
_wm_diagram_flush_delta (WmDiagram *self)
{
  WmDelta *delta = g_steal_pointer (&self->pending);

  g_clear_pointer (&self->pending_seen, g_hash_table_unref);
  if (delta == NULL)
    return;

  /* The modified items' new extents belong in the dirty area as well as their old ones. */
  for (guint i = 0; i < delta->modified->len; i++)
    {
      WmItem *item = wm_diagram_lookup (self, g_ptr_array_index (delta->modified, i));
      WmRect extent;

      if (item == NULL)
        continue;
      item_extent (self, item, &extent);
      wm_rect_union (&delta->dirty, &extent, &delta->dirty);
    }
  drop_derived (self);
  g_signal_emit (self, signals[INVALIDATE], 0, delta);
  g_signal_emit (self, signals[CHANGED], 0, delta);
  wm_delta_free (delta);
}

/* Structural primitives, without history */

static void
renumber_from (WmDiagram *self,
               guint      position)
{
  for (guint i = position; i < self->items->len; i++)
    ((WmItem *) g_ptr_array_index (self->items, i))->z = i;
}

void
_wm_diagram_insert_item (WmDiagram *self,
                         WmItem    *item,
                         guint      position)
{
  g_assert (!g_hash_table_contains (self->by_id, item->id));

  position = MIN (position, self->items->len);
  g_ptr_array_insert (self->items, (int) position, item);
  renumber_from (self, position);
  g_hash_table_insert (self->by_id, item->id, item);
  if (wm_item_is_link (item))
    self->n_links++;
  _wm_diagram_index_inserted (self, item);
  note_item (self, delta_added, item);
}

WmItem *
_wm_diagram_take_item (WmDiagram *self,
                       WmItem    *item)
{
  guint position = item->z;

  g_assert (g_ptr_array_index (self->items, position) == item);

  note_item (self, delta_removed, item);
  _wm_diagram_index_removed (self, item);
  g_hash_table_remove (self->by_id, item->id);
  g_ptr_array_steal_index (self->items, position);
  renumber_from (self, position);
  if (wm_item_is_link (item))
    self->n_links--;
  return item;
}

void
_wm_diagram_move_in_z (WmDiagram *self,
                       WmItem    *item,
                       guint      position)
{
  guint from = item->z;

  position = MIN (position, self->items->len - 1);
  g_ptr_array_steal_index (self->items, from);
  g_ptr_array_insert (self->items, (int) position, item);
  renumber_from (self, MIN (from, position));
  note_item (self, delta_modified, item);
  _wm_diagram_delta (self)->order = TRUE;
}

void
_wm_diagram_set_name_internal (WmDiagram  *self,
                               const char *name)
{
  g_autofree char *limited = limited_name (name);

  if (g_strcmp0 (self->name, limited) == 0)
    return;
  g_free (self->name);
  self->name = g_steal_pointer (&limited);
  _wm_diagram_delta (self)->header = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}
