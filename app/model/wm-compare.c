/* wm-compare.c — what changed between two versions of a project, item by item
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is matched by id: ids are stable and unique in a project, so
 * an item keeps its identity across edits whatever happens to its text or
 * place. Values are compared and reported as the file writes them, so that
 * what the diff shows is what a reader of the XML would see, and a merge can
 * read a value back with the same parser as the file's.
 */
#define G_LOG_DOMAIN "wm-compare"

#include "config.h"

#include "wm-compare.h"
#include "wm-diagram.h"
#include "wm-item.h"
#include "wm-project.h"

struct _WmComparison
{
  WmProject  *old_project;
  WmProject  *new_project;
  GPtrArray  *changes;    /* WmDifference, owned */
  GPtrArray  *diagrams;   /* ids of the changed diagrams, NULL-terminated */
  GHashTable *item_diffs; /* "diagram\nitem" -> WmItemDiff */
};

static void
change_free (WmDifference *change)
{
  g_free (change->diagram);
  g_free (change->list);
  g_free (change->id);
  g_free (change->property);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

static char *
item_key (const char *diagram_id,
          const char *item_id)
{
  return g_strconcat (diagram_id, "\n", item_id, NULL);
}

/* Adds a change; the values are taken. */
static WmDifference *
add_change (WmComparison *self,
            WmDiffScope scope,
            WmDiffKind  kind,
            const char   *diagram,
            const char   *id,
            const char   *property,
            char         *old_value,
            char         *new_value)
{
  WmDifference *change = g_new0 (WmDifference, 1);

  change->scope = scope;
  change->kind = kind;
  change->diagram = g_strdup (diagram);
  change->id = g_strdup (id);
  change->property = g_strdup (property);
  change->old_value = old_value;
  change->new_value = new_value;
  g_ptr_array_add (self->changes, change);
  return change;
}

/* Records a MODIFIED change when the two values differ; takes both. */
static gboolean
compare_values (WmComparison *self,
                WmDiffScope scope,
                const char   *diagram,
                const char   *id,
                const char   *property,
                char         *old_value,
                char         *new_value)
{
  if (g_strcmp0 (old_value, new_value) == 0)
    {
      g_free (old_value);
      g_free (new_value);
      return FALSE;
    }
  add_change (self, scope, WM_DIFF_MODIFIED, diagram, id, property, old_value, new_value);
  return TRUE;
}

static char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* Item values */

static char *
format_bounds (const WmRect *r)
{
  GString *out = g_string_new (NULL);

  wm_format_number (out, r->x);
  g_string_append_c (out, ' ');
  wm_format_number (out, r->y);
  g_string_append_c (out, ' ');
  wm_format_number (out, r->width);
  g_string_append_c (out, ' ');
  wm_format_number (out, r->height);
  return g_string_free (out, FALSE);
}

static char *
format_points (const WmItem *item)
{
  GString *out;

  if (item->n_points == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < item->n_points; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      wm_format_number (out, item->points[i].x);
      g_string_append_c (out, ',');
      wm_format_number (out, item->points[i].y);
    }
  return g_string_free (out, FALSE);
}

static char *
prop_value (const WmItem *item,
            const char   *name)
{
  const WmItemType *type = item->type;

  for (guint i = 0; i < type->n_props; i++)
    if (g_str_equal (type->props[i].name, name))
      {
        if (item->props == NULL || !item->props[i].set)
          return NULL;
        return wm_value_to_string (&type->props[i], &item->props[i]);
      }
  return NULL;
}

char *
wm_compare_item_value (const WmItem *item,
                       const char   *property)
{
  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (property != NULL, NULL);

  if (g_str_equal (property, "text"))
    return nonempty (item->text);
  if (wm_item_is_node (item))
    {
      if (g_str_equal (property, "bounds"))
        return format_bounds (&item->bounds);
      if (g_str_equal (property, "parent"))
        return g_strdup (item->parent);
    }
  else
    {
      if (g_str_equal (property, "source"))
        return g_strdup (item->source);
      if (g_str_equal (property, "target"))
        return g_strdup (item->target);
      if (g_str_equal (property, "points"))
        return format_points (item);
    }
  return prop_value (item, property);
}

/* Items */

static void
note_item (WmComparison *self,
           const char   *diagram,
           const char   *id,
           WmItemDiff    diff)
{
  g_hash_table_insert (self->item_diffs, item_key (diagram, id), GINT_TO_POINTER (diff));
}

/* A bounds change that keeps the size is a move, summarised by its distance. */
static gboolean
compare_bounds (WmComparison *self,
                const char   *diagram,
                const WmItem *a,
                const WmItem *b,
                gboolean     *moved)
{
  WmDifference *change;

  if (a->bounds.x == b->bounds.x && a->bounds.y == b->bounds.y &&
      a->bounds.width == b->bounds.width && a->bounds.height == b->bounds.height)
    return FALSE;
  if (a->bounds.width != b->bounds.width || a->bounds.height != b->bounds.height)
    {
      add_change (self, WM_DIFF_ITEM, WM_DIFF_MODIFIED, diagram, a->id, "bounds",
                  format_bounds (&a->bounds), format_bounds (&b->bounds));
      return TRUE;
    }
  change = add_change (self, WM_DIFF_ITEM, WM_DIFF_MOVED, diagram, a->id, NULL, NULL, NULL);
  change->dx = b->bounds.x - a->bounds.x;
  change->dy = b->bounds.y - a->bounds.y;
  *moved = TRUE;
  return FALSE;
}

static gboolean
compare_part (WmComparison *self,
              const char   *diagram,
              const WmItem *a,
              const WmItem *b,
              const char   *property)
{
  return compare_values (self, WM_DIFF_ITEM, diagram, a->id, property,
                         wm_compare_item_value (a, property),
                         wm_compare_item_value (b, property));
}

static void
compare_item (WmComparison *self,
              const char   *diagram,
              const WmItem *a,
              const WmItem *b)
{
  static const char *const node_parts[] = { "text", "parent", NULL };
  static const char *const link_parts[] = { "text", "source", "target", "points", NULL };
  gboolean changed = FALSE;
  gboolean moved = FALSE;

  if (wm_item_is_node (a))
    changed |= compare_bounds (self, diagram, a, b, &moved);
  for (const char *const *part = wm_item_is_node (a) ? node_parts : link_parts; *part; part++)
    changed |= compare_part (self, diagram, a, b, *part);
  for (guint i = 0; i < a->type->n_props; i++)
    changed |= compare_part (self, diagram, a, b, a->type->props[i].name);
  if (changed || moved)
    note_item (self, diagram, a->id, changed ? WM_ITEM_DIFF_CHANGED : WM_ITEM_DIFF_MOVED);
}

static void
item_added (WmComparison *self,
            const char   *diagram,
            const WmItem *item)
{
  add_change (self, WM_DIFF_ITEM, WM_DIFF_ADDED, diagram, item->id, NULL, NULL, NULL);
  note_item (self, diagram, item->id, WM_ITEM_DIFF_ADDED);
}

static void
item_removed (WmComparison *self,
              const char   *diagram,
              const WmItem *item)
{
  add_change (self, WM_DIFF_ITEM, WM_DIFF_REMOVED, diagram, item->id, NULL, NULL, NULL);
  note_item (self, diagram, item->id, WM_ITEM_DIFF_REMOVED);
}

/* Whether the items both sides have are stacked in the same order. */
static gboolean
same_z_order (WmDiagram *a,
              WmDiagram *b)
{
  guint i = 0, j = 0;
  guint n_a = wm_diagram_get_n_items (a);
  guint n_b = wm_diagram_get_n_items (b);

  for (;;)
    {
      while (i < n_a && wm_diagram_lookup (b, wm_diagram_get_item (a, i)->id) == NULL)
        i++;
      while (j < n_b && wm_diagram_lookup (a, wm_diagram_get_item (b, j)->id) == NULL)
        j++;
      if (i == n_a || j == n_b)
        return i == n_a && j == n_b;
      if (!g_str_equal (wm_diagram_get_item (a, i)->id, wm_diagram_get_item (b, j)->id))
        return FALSE;
      i++, j++;
    }
}

static void
compare_items (WmComparison *self,
               WmDiagram    *a,
               WmDiagram    *b)
{
  const char *diagram = wm_diagram_get_id (b);

  for (guint i = 0; i < wm_diagram_get_n_items (b); i++)
    {
      WmItem *item = wm_diagram_get_item (b, i);
      WmItem *old = wm_diagram_lookup (a, item->id);

      /* An id that changed its type is another thing under the same name. */
      if (old != NULL && old->type == item->type)
        compare_item (self, diagram, old, item);
      else
        item_added (self, diagram, item);
    }
  for (guint i = 0; i < wm_diagram_get_n_items (a); i++)
    {
      WmItem *item = wm_diagram_get_item (a, i);
      WmItem *now = wm_diagram_lookup (b, item->id);

      if (now == NULL || now->type != item->type)
        item_removed (self, diagram, item);
    }
}

/* Diagram headers */

static void
compare_fields (WmComparison *self,
                WmDiagram    *a,
                WmDiagram    *b)
{
  const WmNotation *notation = wm_diagram_get_notation (a);
  const char *diagram = wm_diagram_get_id (b);

  compare_values (self, WM_DIFF_DIAGRAM, diagram, NULL, "name",
                  g_strdup (wm_diagram_get_name (a)), g_strdup (wm_diagram_get_name (b)));
  for (guint i = 0; i < notation->n_props; i++)
    {
      const WmPropSpec *spec = &notation->props[i];
      const WmValue *va = wm_diagram_get_value (a, spec->name, NULL);
      const WmValue *vb = wm_diagram_get_value (b, spec->name, NULL);

      compare_values (self, WM_DIFF_DIAGRAM, diagram, NULL, spec->name,
                      wm_diagram_has_value (a, spec->name) ? wm_value_to_string (spec, va) : NULL,
                      wm_diagram_has_value (b, spec->name) ? wm_value_to_string (spec, vb) : NULL);
    }
}

static int
entry_index (GPtrArray  *list,
             const char *id)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((WmListEntry *) g_ptr_array_index (list, i))->id, id))
      return (int) i;
  return -1;
}

/* The entries both lists have, in @list's order. */
static GPtrArray *
common_entries (GPtrArray *list,
                GPtrArray *other)
{
  GPtrArray *common = g_ptr_array_new ();

  for (guint i = 0; i < list->len; i++)
    {
      WmListEntry *entry = g_ptr_array_index (list, i);

      if (entry_index (other, entry->id) >= 0)
        g_ptr_array_add (common, entry->id);
    }
  return common;
}

static void
add_entry_change (WmComparison *self,
                  WmDiffKind  kind,
                  const char   *diagram,
                  const char   *list,
                  const char   *id,
                  const char   *property,
                  char         *old_value,
                  char         *new_value)
{
  WmDifference *change = add_change (self, WM_DIFF_ENTRY, kind, diagram, id, property,
                                 old_value, new_value);

  change->list = g_strdup (list);
}

/* An entry moved when its place among the entries both sides have differs:
 * an insertion elsewhere is not a move. */
static void
compare_list (WmComparison *self,
              const char   *diagram,
              const char   *name,
              GPtrArray    *a,
              GPtrArray    *b)
{
  g_autoptr(GPtrArray) common_a = common_entries (a, b);
  g_autoptr(GPtrArray) common_b = common_entries (b, a);

  for (guint i = 0; i < b->len; i++)
    {
      WmListEntry *entry = g_ptr_array_index (b, i);
      int at = entry_index (a, entry->id);
      WmListEntry *old = at >= 0 ? g_ptr_array_index (a, at) : NULL;

      if (old == NULL)
        {
          add_entry_change (self, WM_DIFF_ADDED, diagram, name, entry->id, NULL,
                            NULL, g_strdup (entry->label));
          continue;
        }
      if (!g_str_equal (old->label, entry->label))
        add_entry_change (self, WM_DIFF_MODIFIED, diagram, name, entry->id, "label",
                          g_strdup (old->label), g_strdup (entry->label));
      for (guint j = 0; j < common_b->len; j++)
        if (g_ptr_array_index (common_b, j) == (gpointer) entry->id &&
            !g_str_equal (g_ptr_array_index (common_a, j), entry->id))
          add_entry_change (self, WM_DIFF_MODIFIED, diagram, name, entry->id, "position",
                            g_strdup_printf ("%d", at), g_strdup_printf ("%u", i));
    }
  for (guint i = 0; i < a->len; i++)
    {
      WmListEntry *entry = g_ptr_array_index (a, i);

      if (entry_index (b, entry->id) < 0)
        add_entry_change (self, WM_DIFF_REMOVED, diagram, name, entry->id, NULL,
                          g_strdup (entry->label), NULL);
    }
}

static void
compare_diagram (WmComparison *self,
                 WmDiagram    *a,
                 WmDiagram    *b)
{
  const WmNotation *notation = wm_diagram_get_notation (a);
  const char *diagram = wm_diagram_get_id (b);

  compare_fields (self, a, b);
  for (guint i = 0; i < notation->n_lists; i++)
    compare_list (self, diagram, notation->lists[i].name,
                  wm_diagram_get_list (a, notation->lists[i].name),
                  wm_diagram_get_list (b, notation->lists[i].name));
  if (!same_z_order (a, b))
    add_change (self, WM_DIFF_DIAGRAM, WM_DIFF_MODIFIED, diagram, NULL, "z-order",
                NULL, NULL);
  compare_items (self, a, b);
}

/* A whole diagram added or removed also lists its items, so that a reader
 * of the changes (or a painter) finds every item it holds. */
static void
diagram_added (WmComparison *self,
               WmDiagram    *diagram)
{
  add_change (self, WM_DIFF_DIAGRAM, WM_DIFF_ADDED, wm_diagram_get_id (diagram), NULL, NULL,
              NULL, g_strdup (wm_diagram_get_name (diagram)));
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    item_added (self, wm_diagram_get_id (diagram), wm_diagram_get_item (diagram, i));
}

static void
diagram_removed (WmComparison *self,
                 WmDiagram    *diagram)
{
  add_change (self, WM_DIFF_DIAGRAM, WM_DIFF_REMOVED, wm_diagram_get_id (diagram), NULL, NULL,
              g_strdup (wm_diagram_get_name (diagram)), NULL);
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    item_removed (self, wm_diagram_get_id (diagram), wm_diagram_get_item (diagram, i));
}

/* Project */

static WmDiagram *
find_diagram_by_id (WmProject  *project,
                    const char *id,
                    guint      *position)
{
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);

      if (g_str_equal (wm_diagram_get_id (diagram), id))
        {
          if (position != NULL)
            *position = i;
          return diagram;
        }
    }
  return NULL;
}

static WmDiagram *
counterpart (WmProject *project,
             WmDiagram *diagram,
             guint     *position)
{
  WmDiagram *other = find_diagram_by_id (project, wm_diagram_get_id (diagram), position);

  if (other != NULL && wm_diagram_get_notation (other) != wm_diagram_get_notation (diagram))
    return NULL;
  return other;
}

/* The ids of @project's diagrams that @other has too, in @project's order. */
static GPtrArray *
common_diagrams (WmProject *project,
                 WmProject *other)
{
  GPtrArray *common = g_ptr_array_new ();

  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);

      if (counterpart (other, diagram, NULL) != NULL)
        g_ptr_array_add (common, (gpointer) wm_diagram_get_id (diagram));
    }
  return common;
}

static void
compare_meta (WmComparison *self)
{
  WmProject *a = self->old_project;
  WmProject *b = self->new_project;

  compare_values (self, WM_DIFF_PROJECT, NULL, NULL, "title",
                  nonempty (wm_project_get_title (a)), nonempty (wm_project_get_title (b)));
  compare_values (self, WM_DIFF_PROJECT, NULL, NULL, "author",
                  nonempty (wm_project_get_author (a)), nonempty (wm_project_get_author (b)));
  compare_values (self, WM_DIFF_PROJECT, NULL, NULL, "description",
                  nonempty (wm_project_get_description (a)),
                  nonempty (wm_project_get_description (b)));
}

static void
compare_diagrams (WmComparison *self)
{
  g_autoptr(GPtrArray) common_a = common_diagrams (self->old_project, self->new_project);
  g_autoptr(GPtrArray) common_b = common_diagrams (self->new_project, self->old_project);
  guint k = 0;

  for (guint i = 0; i < wm_project_get_n_diagrams (self->new_project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (self->new_project, i);
      guint at = 0;
      WmDiagram *old = counterpart (self->old_project, diagram, &at);

      if (old == NULL)
        {
          diagram_added (self, diagram);
          continue;
        }
      if (!g_str_equal (g_ptr_array_index (common_a, k), wm_diagram_get_id (diagram)))
        add_change (self, WM_DIFF_DIAGRAM, WM_DIFF_MODIFIED, wm_diagram_get_id (diagram),
                    NULL, "order", g_strdup_printf ("%u", at), g_strdup_printf ("%u", i));
      k++;
      compare_diagram (self, old, diagram);
    }
  g_assert (k == common_b->len);
  for (guint i = 0; i < wm_project_get_n_diagrams (self->old_project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (self->old_project, i);

      if (counterpart (self->new_project, diagram, NULL) == NULL)
        diagram_removed (self, diagram);
    }
}

/* The changed diagrams, in the order their changes come. */
static void
collect_diagrams (WmComparison *self)
{
  self->diagrams = g_ptr_array_new ();
  for (guint i = 0; i < self->changes->len; i++)
    {
      WmDifference *change = g_ptr_array_index (self->changes, i);
      guint n = self->diagrams->len;

      if (change->diagram != NULL &&
          (n == 0 || !g_str_equal (g_ptr_array_index (self->diagrams, n - 1), change->diagram)))
        g_ptr_array_add (self->diagrams, change->diagram);
    }
  g_ptr_array_add (self->diagrams, NULL);
}

WmComparison *
wm_compare_projects (WmProject *old_project,
                     WmProject *new_project)
{
  WmComparison *self;

  g_return_val_if_fail (WM_IS_PROJECT (old_project), NULL);
  g_return_val_if_fail (WM_IS_PROJECT (new_project), NULL);

  self = g_new0 (WmComparison, 1);
  self->old_project = g_object_ref (old_project);
  self->new_project = g_object_ref (new_project);
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  self->item_diffs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  compare_meta (self);
  compare_diagrams (self);
  collect_diagrams (self);
  return self;
}

void
wm_comparison_free (WmComparison *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->old_project);
  g_object_unref (self->new_project);
  g_ptr_array_unref (self->changes);
  g_ptr_array_unref (self->diagrams);
  g_hash_table_unref (self->item_diffs);
  g_free (self);
}

WmProject *
wm_comparison_get_old (const WmComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->old_project;
}

WmProject *
wm_comparison_get_new (const WmComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->new_project;
}

gboolean
wm_comparison_is_empty (const WmComparison *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->changes->len == 0;
}

guint
wm_comparison_get_n_changes (const WmComparison *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->changes->len;
}

const WmDifference *
wm_comparison_get_change (const WmComparison *self,
                          guint               position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->changes->len, NULL);
  return g_ptr_array_index (self->changes, position);
}

const char *const *
wm_comparison_get_changed_diagrams (const WmComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char *const *) self->diagrams->pdata;
}

GPtrArray *
wm_comparison_diagram_changes (const WmComparison *self,
                               const char         *diagram_id)
{
  GPtrArray *changes;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (diagram_id != NULL, NULL);

  changes = g_ptr_array_new ();
  for (guint i = 0; i < self->changes->len; i++)
    {
      WmDifference *change = g_ptr_array_index (self->changes, i);

      if (g_strcmp0 (change->diagram, diagram_id) == 0)
        g_ptr_array_add (changes, change);
    }
  return changes;
}

GPtrArray *
wm_comparison_item_changes (const WmComparison *self,
                            const char         *diagram_id,
                            const char         *item_id)
{
  GPtrArray *changes;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (diagram_id != NULL && item_id != NULL, NULL);

  changes = g_ptr_array_new ();
  for (guint i = 0; i < self->changes->len; i++)
    {
      WmDifference *change = g_ptr_array_index (self->changes, i);

      if (change->scope == WM_DIFF_ITEM && g_strcmp0 (change->diagram, diagram_id) == 0 &&
          g_str_equal (change->id, item_id))
        g_ptr_array_add (changes, change);
    }
  return changes;
}

WmItemDiff
wm_comparison_item_diff (const WmComparison *self,
                         const char         *diagram_id,
                         const char         *item_id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (self != NULL, WM_ITEM_DIFF_SAME);
  g_return_val_if_fail (diagram_id != NULL && item_id != NULL, WM_ITEM_DIFF_SAME);

  key = item_key (diagram_id, item_id);
  return GPOINTER_TO_INT (g_hash_table_lookup (self->item_diffs, key));
}
