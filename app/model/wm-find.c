/* wm-find.c — finding items by their text, case and accents ignored
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas's filter (which fades what does not match) and the window's
 * find (which lists the hits and steps through them) match the same way:
 * both go through wm_find_fold() and wm_find_match().
 */
#define G_LOG_DOMAIN "wm-find"

#include "config.h"

#include <string.h>

#include "wm-diagram.h"
#include "wm-find.h"
#include "wm-item.h"
#include "wm-project.h"

char *
wm_find_fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);
  g_autofree char *lower = g_utf8_casefold (normal != NULL ? normal : "", -1);
  GString *out = g_string_new (NULL);

  /* Decomposed, "é" is "e" and a combining mark: dropping the marks drops
   * the accents. */
  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
wm_find_match (const char *folded,
               const char *text)
{
  g_autofree char *haystack = NULL;

  g_return_val_if_fail (folded != NULL, FALSE);

  haystack = wm_find_fold (text);
  return strstr (haystack, folded) != NULL;
}

/* WmFindHit */

struct _WmFindHit
{
  GObject           parent_instance;

  WmDiagram        *diagram;
  char             *item_id;
  char             *text;
  const WmItemType *type;
};

G_DEFINE_FINAL_TYPE (WmFindHit, wm_find_hit, G_TYPE_OBJECT)

static void
wm_find_hit_finalize (GObject *object)
{
  WmFindHit *self = WM_FIND_HIT (object);

  g_clear_object (&self->diagram);
  g_clear_pointer (&self->item_id, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (wm_find_hit_parent_class)->finalize (object);
}

static void
wm_find_hit_class_init (WmFindHitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_find_hit_finalize;
}

static void
wm_find_hit_init (WmFindHit *self)
{
}

static WmFindHit *
wm_find_hit_new (WmDiagram    *diagram,
                 const WmItem *item)
{
  WmFindHit *self = g_object_new (WM_TYPE_FIND_HIT, NULL);

  self->diagram = g_object_ref (diagram);
  self->item_id = g_strdup (item->id);
  self->text = g_strdup (item->text);
  self->type = item->type;
  return self;
}

WmDiagram *
wm_find_hit_get_diagram (WmFindHit *self)
{
  g_return_val_if_fail (WM_IS_FIND_HIT (self), NULL);
  return self->diagram;
}

const char *
wm_find_hit_get_item_id (WmFindHit *self)
{
  g_return_val_if_fail (WM_IS_FIND_HIT (self), NULL);
  return self->item_id;
}

const char *
wm_find_hit_get_text (WmFindHit *self)
{
  g_return_val_if_fail (WM_IS_FIND_HIT (self), NULL);
  return self->text;
}

const WmItemType *
wm_find_hit_get_item_type (WmFindHit *self)
{
  g_return_val_if_fail (WM_IS_FIND_HIT (self), NULL);
  return self->type;
}

/* Finding */

static guint
find_folded (WmDiagram  *diagram,
             const char *folded,
             GListStore *hits)
{
  guint found = 0;

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      g_autoptr(WmFindHit) hit = NULL;

      if (!wm_find_match (folded, item->text))
        continue;
      hit = wm_find_hit_new (diagram, item);
      g_list_store_append (hits, hit);
      found++;
    }
  return found;
}

guint
wm_find_in_diagram (WmDiagram  *diagram,
                    const char *query,
                    GListStore *hits)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), 0);
  g_return_val_if_fail (G_IS_LIST_STORE (hits), 0);

  if (query == NULL || query[0] == '\0')
    return 0;
  folded = wm_find_fold (query);
  return find_folded (diagram, folded, hits);
}

guint
wm_find_in_project (WmProject  *project,
                    const char *query,
                    GListStore *hits)
{
  g_autofree char *folded = NULL;
  guint found = 0;

  g_return_val_if_fail (WM_IS_PROJECT (project), 0);
  g_return_val_if_fail (G_IS_LIST_STORE (hits), 0);

  if (query == NULL || query[0] == '\0')
    return 0;
  folded = wm_find_fold (query);
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    found += find_folded (wm_project_get_diagram (project, i), folded, hits);
  return found;
}
