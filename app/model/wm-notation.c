/* wm-notation.c — the registry of notations and their link rules
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-notation"

#include "config.h"

#include <string.h>

#include "wm-diagram.h"
#include "wm-notation-common.h"
#include "wm-notation-private.h"

/* The modules of wm-notations.list, in its order. */
#define WM_NOTATION_ENTRY(c_name) &_wm_notation_##c_name,
static const WmNotation *const notations[] = {
  WM_NOTATION_MODULES (WM_NOTATION_ENTRY)
};
#undef WM_NOTATION_ENTRY

const WmNotation *const *
wm_notations_get_all (guint *n_notations)
{
  if (n_notations != NULL)
    *n_notations = G_N_ELEMENTS (notations);
  return notations;
}

const WmNotation *
wm_notation_lookup (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (notations); i++)
    if (g_str_equal (notations[i]->id, id))
      return notations[i];
  return NULL;
}

const WmItemType *
wm_notation_lookup_type (const WmNotation *notation,
                         const char       *type_id)
{
  const WmItemType *common;
  guint n_common;

  g_return_val_if_fail (notation != NULL, NULL);
  g_return_val_if_fail (type_id != NULL, NULL);

  for (guint i = 0; i < notation->n_node_types; i++)
    if (g_str_equal (notation->node_types[i].id, type_id))
      return &notation->node_types[i];
  for (guint i = 0; i < notation->n_link_types; i++)
    if (g_str_equal (notation->link_types[i].id, type_id))
      return &notation->link_types[i];
  common = wm_notation_common_types (&n_common);
  for (guint i = 0; i < n_common; i++)
    if (g_str_equal (common[i].id, type_id))
      return &common[i];
  return NULL;
}

guint
wm_notation_get_n_item_types (const WmNotation *notation)
{
  guint n_common;

  g_return_val_if_fail (notation != NULL, 0);

  wm_notation_common_types (&n_common);
  return notation->n_node_types + n_common + notation->n_link_types;
}

const WmItemType *
wm_notation_get_item_type (const WmNotation *notation,
                           guint             index)
{
  guint n_common;
  const WmItemType *common = wm_notation_common_types (&n_common);

  g_return_val_if_fail (notation != NULL, NULL);
  g_return_val_if_fail (index < wm_notation_get_n_item_types (notation), NULL);

  if (index < notation->n_node_types)
    return &notation->node_types[index];
  index -= notation->n_node_types;
  if (index < n_common)
    return &common[index];
  return &notation->link_types[index - n_common];
}

/* A rule's end is "*" or a space-separated list of node type ids. */
static gboolean
pattern_matches (const char *pattern,
                 const char *type_id)
{
  gsize len = strlen (type_id);

  if (g_str_equal (pattern, "*"))
    return TRUE;
  for (const char *p = pattern; (p = strstr (p, type_id)) != NULL; p += len)
    if ((p == pattern || p[-1] == ' ') && (p[len] == '\0' || p[len] == ' '))
      return TRUE;
  return FALSE;
}

gboolean
wm_notation_link_allowed (const WmNotation *notation,
                          const WmItemType *link_type,
                          const WmItemType *source_type,
                          const WmItemType *target_type)
{
  g_return_val_if_fail (link_type->kind == WM_ITEM_LINK, FALSE);

  if (source_type->kind != WM_ITEM_NODE || target_type->kind != WM_ITEM_NODE)
    return FALSE;
  for (guint i = 0; i < notation->n_rules; i++)
    {
      const WmLinkRule *rule = &notation->rules[i];

      if (g_str_equal (rule->link, link_type->id) &&
          pattern_matches (rule->source, source_type->id) &&
          pattern_matches (rule->target, target_type->id))
        return TRUE;
    }
  return FALSE;
}

gboolean
wm_notation_find_link_ends (const WmNotation  *notation,
                            const WmItemType  *link,
                            const WmItemType **source,
                            const WmItemType **target)
{
  g_return_val_if_fail (notation != NULL && link != NULL, FALSE);
  g_return_val_if_fail (source != NULL && target != NULL, FALSE);

  for (guint s = 0; s < notation->n_node_types; s++)
    for (guint t = 0; t < notation->n_node_types; t++)
      if (wm_notation_link_allowed (notation, link, &notation->node_types[s],
                                    &notation->node_types[t]))
        {
          *source = &notation->node_types[s];
          *target = &notation->node_types[t];
          return TRUE;
        }
  return FALSE;
}

GPtrArray *
wm_notation_allowed_links (const WmNotation *notation,
                           const WmItemType *source_type,
                           const WmItemType *target_type)
{
  GPtrArray *allowed = g_ptr_array_new ();

  for (guint i = 0; i < notation->n_link_types; i++)
    if (wm_notation_link_allowed (notation, &notation->link_types[i], source_type, target_type))
      g_ptr_array_add (allowed, (gpointer) &notation->link_types[i]);
  return allowed;
}

GArray *
wm_notation_compute_metrics (WmDiagram *diagram)
{
  const WmNotation *notation;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), NULL);

  notation = wm_diagram_get_notation (diagram);
  return notation->metrics != NULL ? notation->metrics (diagram) : NULL;
}

static int
find_spec (const WmPropSpec *specs,
           guint             n_specs,
           const char       *name)
{
  for (guint i = 0; i < n_specs; i++)
    if (g_str_equal (specs[i].name, name))
      return (int) i;
  return -1;
}

int
wm_item_type_find_prop (const WmItemType *type,
                        const char       *name)
{
  return find_spec (type->props, type->n_props, name);
}

int
wm_notation_find_prop (const WmNotation *notation,
                       const char       *name)
{
  return find_spec (notation->props, notation->n_props, name);
}

gboolean
wm_legend_color_matches (const char *color,
                         const char *entry_id)
{
  if (color == NULL || entry_id == NULL)
    return FALSE;
  if (color[0] == '#')
    color++;
  if (entry_id[0] == '#')
    entry_id++;
  return g_ascii_strcasecmp (color, entry_id) == 0;
}
