/* wm-item.c — nodes and links
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-item"

#include "config.h"

#include <string.h>

#include "wm-item.h"
#include "wm-item-private.h"
#include "wm-value-private.h"

WmItem *
wm_item_new (const WmItemType *type,
             const char       *id)
{
  WmItem *item;

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  item = g_new0 (WmItem, 1);
  item->type = type;
  item->id = g_strdup (id);
  item->text = g_strdup ("");
  if (type->kind == WM_ITEM_NODE)
    item->bounds = (WmRect) { 0, 0, type->width, type->height };
  return item;
}

WmValue *
_wm_item_ensure_props (WmItem *item)
{
  if (item->props == NULL && item->type->n_props > 0)
    item->props = g_new0 (WmValue, item->type->n_props);
  return item->props;
}

static void
clear_state (WmItem *item)
{
  if (item->props != NULL)
    for (guint i = 0; i < item->type->n_props; i++)
      wm_value_clear (&item->type->props[i], &item->props[i]);
  g_clear_pointer (&item->props, g_free);
  g_clear_pointer (&item->text, g_free);
  g_clear_pointer (&item->parent, g_free);
  g_clear_pointer (&item->source, g_free);
  g_clear_pointer (&item->target, g_free);
  g_clear_pointer (&item->points, g_free);
  item->n_points = 0;
}

static void
copy_state (WmItem       *dest,
            const WmItem *src)
{
  dest->text = g_strdup (src->text);
  dest->bounds = src->bounds;
  dest->parent = g_strdup (src->parent);
  dest->source = g_strdup (src->source);
  dest->target = g_strdup (src->target);
  dest->n_points = src->n_points;
  dest->points = src->n_points ? g_memdup2 (src->points, sizeof (WmPoint) * src->n_points) : NULL;
  if (src->props != NULL)
    {
      dest->props = g_new0 (WmValue, src->type->n_props);
      for (guint i = 0; i < src->type->n_props; i++)
        wm_value_copy (&src->type->props[i], &src->props[i], &dest->props[i]);
    }
}

WmItem *
wm_item_copy (const WmItem *item)
{
  WmItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = g_new0 (WmItem, 1);
  copy->type = item->type;
  copy->id = g_strdup (item->id);
  copy->z = item->z;
  copy_state (copy, item);
  return copy;
}

void
_wm_item_assign (WmItem       *dest,
                 const WmItem *src)
{
  g_assert (dest->type == src->type);
  g_assert (g_str_equal (dest->id, src->id));

  clear_state (dest);
  copy_state (dest, src);
}

void
wm_item_free (WmItem *item)
{
  if (item == NULL)
    return;
  clear_state (item);
  g_free (item->id);
  g_free (item);
}

static gboolean
props_equal (const WmItem *a,
             const WmItem *b)
{
  static const WmValue unset = { .set = FALSE };

  for (guint i = 0; i < a->type->n_props; i++)
    if (!wm_value_equal (&a->type->props[i],
                         a->props ? &a->props[i] : &unset,
                         b->props ? &b->props[i] : &unset))
      return FALSE;
  return TRUE;
}

gboolean
wm_item_equal (const WmItem *a,
               const WmItem *b)
{
  return a->type == b->type &&
         g_str_equal (a->id, b->id) &&
         g_str_equal (a->text, b->text) &&
         memcmp (&a->bounds, &b->bounds, sizeof a->bounds) == 0 &&
         g_strcmp0 (a->parent, b->parent) == 0 &&
         g_strcmp0 (a->source, b->source) == 0 &&
         g_strcmp0 (a->target, b->target) == 0 &&
         a->n_points == b->n_points &&
         (a->n_points == 0 || memcmp (a->points, b->points, sizeof (WmPoint) * a->n_points) == 0) &&
         props_equal (a, b);
}

/* The index of property @name of @item's type. Code names properties by the
 * constants its notation declares; a name the type does not have is a
 * mistake (a typo would otherwise read as an unset value), so it is a
 * critical. Code that asks whether a type has a property uses
 * wm_item_type_find_prop(). */
static int
find_prop (const WmItem *item,
           const char   *name)
{
  int index = wm_item_type_find_prop (item->type, name);

  if (index < 0)
    g_critical ("Items of type “%s” have no property “%s”", item->type->id, name);
  return index;
}

const WmValue *
wm_item_get_value (const WmItem      *item,
                   const char        *name,
                   const WmPropSpec **spec)
{
  int index = find_prop (item, name);

  if (index < 0)
    {
      if (spec != NULL)
        *spec = NULL;
      return NULL;
    }
  if (spec != NULL)
    *spec = &item->type->props[index];
  return _wm_value_effective (&item->type->props[index],
                              item->props ? &item->props[index] : NULL);
}

gboolean
wm_item_has_prop (const WmItem *item,
                  const char   *name)
{
  return wm_item_type_find_prop (item->type, name) >= 0;
}

gboolean
wm_item_has_value (const WmItem *item,
                   const char   *name)
{
  int index = find_prop (item, name);

  return index >= 0 && item->props != NULL && item->props[index].set;
}

const char *
wm_item_get_string (const WmItem *item,
                    const char   *name)
{
  const WmPropSpec *spec;
  const WmValue *value = wm_item_get_value (item, name, &spec);

  if (value == NULL)
    return NULL;
  g_return_val_if_fail (spec->type == WM_PROP_STRING || spec->type == WM_PROP_TEXT ||
                        spec->type == WM_PROP_COLOR || spec->type == WM_PROP_SLOT ||
                        spec->type == WM_PROP_IMAGE, NULL);
  return value->v.string;
}

double
wm_item_get_number (const WmItem *item,
                    const char   *name)
{
  const WmPropSpec *spec;
  const WmValue *value = wm_item_get_value (item, name, &spec);

  return value ? wm_value_get_number (spec, value) : 0;
}

gint64
wm_item_get_integer (const WmItem *item,
                     const char   *name)
{
  return (gint64) wm_item_get_number (item, name);
}

gboolean
wm_item_get_boolean (const WmItem *item,
                     const char   *name)
{
  return wm_item_get_number (item, name) != 0;
}

const char *
wm_item_get_choice (const WmItem *item,
                    const char   *name)
{
  const WmPropSpec *spec;
  const WmValue *value = wm_item_get_value (item, name, &spec);

  return value && spec->type == WM_PROP_ENUM ? spec->choices[value->v.choice].id : NULL;
}

const char *const *
wm_item_get_strv (const WmItem *item,
                  const char   *name)
{
  static const char *const empty[] = { NULL };
  const WmPropSpec *spec;
  const WmValue *value = wm_item_get_value (item, name, &spec);

  if (value == NULL || value->v.strv == NULL ||
      (spec->type != WM_PROP_STRING_LIST && spec->type != WM_PROP_REFS))
    return empty;
  return (const char *const *) value->v.strv;
}
