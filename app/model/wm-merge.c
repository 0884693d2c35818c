/* wm-merge.c — three-way merge of projects by id, and the conflicts it leaves
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merge compares each thing (project metadata, a diagram's header, a
 * list entry, an item) on the three sides by id, one named value at a time,
 * as the file writes it: what one side changed and the other did not is
 * taken, what both changed alike is taken once, and what both changed
 * differently keeps OURS' value and is recorded as a WmConflict. Texts
 * changed on both sides get a chance first: a line-wise diff3 combines
 * edits to different lines.
 *
 * wm-compare.h (the two-way comparison) had a header but no code when this
 * was written, so the merge reads values itself through
 * wm_merge_item_value(), with the same kind of names.
 */
#define G_LOG_DOMAIN "wm-merge"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-diagram-private.h"
#include "wm-error.h"
#include "wm-format.h"
#include "wm-history-private.h"
#include "wm-item-private.h"
#include "wm-merge.h"
#include "wm-project-private.h"

/* Conflicts */

WmConflict *
wm_conflict_new (const char *diagram,
                 const char *item,
                 const char *property,
                 const char *ours,
                 const char *theirs)
{
  WmConflict *conflict = g_new0 (WmConflict, 1);

  conflict->diagram = g_strdup (diagram);
  conflict->item = g_strdup (item);
  conflict->property = g_strdup (property);
  conflict->ours = g_strdup (ours);
  conflict->theirs = g_strdup (theirs);
  return conflict;
}

WmConflict *
wm_conflict_copy (const WmConflict *conflict)
{
  return wm_conflict_new (conflict->diagram, conflict->item, conflict->property,
                          conflict->ours, conflict->theirs);
}

void
wm_conflict_free (WmConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->diagram);
  g_free (conflict->item);
  g_free (conflict->property);
  g_free (conflict->ours);
  g_free (conflict->theirs);
  g_free (conflict);
}

static gboolean
conflict_equal (const WmConflict *a,
                const WmConflict *b)
{
  return g_strcmp0 (a->diagram, b->diagram) == 0 && g_strcmp0 (a->item, b->item) == 0 &&
         g_strcmp0 (a->property, b->property) == 0 && g_strcmp0 (a->ours, b->ours) == 0 &&
         g_strcmp0 (a->theirs, b->theirs) == 0;
}

/* A value as a message shows it: its first line, at most 60 characters (an
 * embedded image is a megabyte of base64). */
static char *
shorten (const char *value)
{
  const char *end = strchr (value, '\n');
  glong length = g_utf8_strlen (value, end ? end - value : -1);
  g_autofree char *start = NULL;

  if (end == NULL && length <= 60)
    return g_strdup (value);
  start = g_utf8_substring (value, 0, MIN (length, 60));
  return g_strconcat (start, "…", NULL);
}

char *
wm_conflict_describe (const WmConflict *conflict)
{
  const char *what = conflict->item ? conflict->item : conflict->diagram;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;

  /* Whole sentences for the project and for an id, rather than "the project"
   * put in for the id, so that a translator can inflect them. */
  if (conflict->property == NULL && what == NULL)
    return g_strdup (_("Merge conflict: the project was deleted on one side and changed on "
                       "the other; it was kept"));
  if (conflict->property == NULL)
    /* Translators: %s is the id of an item or a diagram */
    return g_strdup_printf (_("Merge conflict: %s was deleted on one side and changed on the "
                              "other; it was kept"), what);
  ours = conflict->ours ? shorten (conflict->ours) : g_strdup (_("(unset)"));
  theirs = conflict->theirs ? shorten (conflict->theirs) : g_strdup (_("(unset)"));
  if (what == NULL)
    /* Translators: 1st %s is a property of the project, "title"; 2nd %s and 3rd %s its
     * values in our version and in theirs */
    return g_strdup_printf (_("Merge conflict on “%s” of the project: ours is “%s”, "
                              "theirs is “%s”"), conflict->property, ours, theirs);
  /* Translators: 1st %s is a property, "text"; 2nd %s the id of the item or diagram
   * that has it; 3rd %s and 4th %s its values in our version and in theirs */
  return g_strdup_printf (_("Merge conflict on “%s” of %s: ours is “%s”, theirs is “%s”"),
                          conflict->property, what, ours, theirs);
}

static GQuark
conflicts_quark (void)
{
  return g_quark_from_static_string ("wm-merge-conflicts");
}

GPtrArray *
wm_project_get_conflicts (WmProject *project)
{
  GPtrArray *conflicts;

  g_return_val_if_fail (WM_IS_PROJECT (project), NULL);

  conflicts = g_object_get_qdata (G_OBJECT (project), conflicts_quark ());
  if (conflicts == NULL)
    {
      conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_conflict_free);
      g_object_set_qdata_full (G_OBJECT (project), conflicts_quark (), conflicts,
                               (GDestroyNotify) g_ptr_array_unref);
    }
  return conflicts;
}

GPtrArray *
_wm_project_peek_conflicts (WmProject *project)
{
  return g_object_get_qdata (G_OBJECT (project), conflicts_quark ());
}

void
_wm_project_add_conflict (WmProject  *project,
                          WmConflict *conflict)
{
  g_ptr_array_add (wm_project_get_conflicts (project), conflict);
}

/* Item values in file syntax */

static const char *const node_keys[] = { "text", "position", "size", "parent", NULL };
static const char *const link_keys[] = { "text", "source", "target", "points", NULL };

static void
append_pair (GString *out,
             double   a,
             double   b,
             char     separator)
{
  wm_format_number (out, a);
  g_string_append_c (out, separator);
  wm_format_number (out, b);
}

char *
wm_merge_item_value (const WmItem *item,
                     const char   *property)
{
  GString *out;
  int index;

  g_return_val_if_fail (item != NULL && property != NULL, NULL);

  if (g_str_equal (property, "text"))
    return g_strdup (item->text);
  if (g_str_equal (property, "parent"))
    return g_strdup (item->parent);
  if (g_str_equal (property, "source"))
    return g_strdup (item->source);
  if (g_str_equal (property, "target"))
    return g_strdup (item->target);
  if (wm_item_is_node (item) &&
      (g_str_equal (property, "position") || g_str_equal (property, "size")))
    {
      gboolean position = g_str_equal (property, "position");

      out = g_string_new (NULL);
      append_pair (out, position ? item->bounds.x : item->bounds.width,
                   position ? item->bounds.y : item->bounds.height, ' ');
      return g_string_free (out, FALSE);
    }
  if (g_str_equal (property, "points"))
    {
      if (item->n_points == 0)
        return NULL;
      out = g_string_new (NULL);
      for (guint i = 0; i < item->n_points; i++)
        {
          if (i > 0)
            g_string_append_c (out, ' ');
          append_pair (out, item->points[i].x, item->points[i].y, ',');
        }
      return g_string_free (out, FALSE);
    }
  index = wm_item_type_find_prop (item->type, property);
  if (index < 0 || item->props == NULL || !item->props[index].set)
    return NULL;
  return wm_value_to_string (&item->type->props[index], &item->props[index]);
}

static gboolean
parse_pair (const char *text,
            char        separator,
            double     *a,
            double     *b,
            const char **end)
{
  char *rest;

  *a = g_ascii_strtod (text, &rest);
  if (rest == text || *rest != separator)
    return FALSE;
  text = rest + 1;
  *b = g_ascii_strtod (text, &rest);
  if (rest == text)
    return FALSE;
  *end = rest;
  return TRUE;
}

static void
set_points (WmItem     *item,
            const char *value)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (WmPoint));
  const char *p = value;

  while (p != NULL && *p != '\0')
    {
      WmPoint point;

      while (*p == ' ')
        p++;
      if (!parse_pair (p, ',', &point.x, &point.y, &p))
        break;
      g_array_append_val (points, point);
    }
  g_free (item->points);
  item->n_points = points->len;
  item->points = points->len ? (WmPoint *) g_array_free (g_steal_pointer (&points), FALSE)
                             : NULL;
}

/* Sets what wm_merge_item_value() reads; values come from another version
 * of the same item, so they parse. */
static void
set_item_value (WmItem     *item,
                const char *property,
                const char *value)
{
  const char *end;
  int index;

  if (g_str_equal (property, "text"))
    g_free (item->text), item->text = g_strdup (value ? value : "");
  else if (g_str_equal (property, "parent"))
    g_free (item->parent), item->parent = g_strdup (value);
  else if (g_str_equal (property, "source"))
    g_free (item->source), item->source = g_strdup (value);
  else if (g_str_equal (property, "target"))
    g_free (item->target), item->target = g_strdup (value);
  else if (g_str_equal (property, "position") && value != NULL)
    parse_pair (value, ' ', &item->bounds.x, &item->bounds.y, &end);
  else if (g_str_equal (property, "size") && value != NULL)
    parse_pair (value, ' ', &item->bounds.width, &item->bounds.height, &end);
  else if (g_str_equal (property, "points"))
    set_points (item, value);
  else if ((index = wm_item_type_find_prop (item->type, property)) >= 0)
    {
      const WmPropSpec *spec = &item->type->props[index];
      WmValue *props = _wm_item_ensure_props (item);

      wm_value_clear (spec, &props[index]);
      if (value != NULL && !wm_value_parse (spec, value, &props[index], NULL))
        wm_value_clear (spec, &props[index]);
    }
}

/* The names of an item's values: its core ones, then its type's properties. */
static guint
item_n_keys (const WmItem *item)
{
  return 4 + item->type->n_props;
}

static const char *
item_key (const WmItem *item,
          guint         i)
{
  if (i < 4)
    return wm_item_is_node (item) ? node_keys[i] : link_keys[i];
  return item->type->props[i - 4].name;
}

static gboolean
key_is_text (const WmItem *item,
             guint         i)
{
  return i == 0 || (i >= 4 && (item->type->props[i - 4].type == WM_PROP_TEXT ||
                               item->type->props[i - 4].type == WM_PROP_STRING));
}

static gboolean
items_same (const WmItem *a,
            const WmItem *b)
{
  if (a->type != b->type)
    return FALSE;
  for (guint i = 0; i < item_n_keys (a); i++)
    {
      g_autofree char *va = wm_merge_item_value (a, item_key (a, i));
      g_autofree char *vb = wm_merge_item_value (b, item_key (b, i));

      if (g_strcmp0 (va, vb) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Line-wise diff3 */

/* For each line of @a, the line of @b it matches in a longest common
 * subsequence, or -1. NULL when the texts are too long for the quadratic
 * table: they then conflict as wholes. */
static int *
match_lines (char **a,
             guint  na,
             char **b,
             guint  nb)
{
  g_autofree guint *table = NULL;
  int *match;
  guint i = 0, j = 0;

  if ((guint64) (na + 1) * (nb + 1) > 4 * 1000 * 1000)
    return NULL;
  table = g_new0 (guint, (gsize) (na + 1) * (nb + 1));
#define T(x, y) table[(gsize) (x) * (nb + 1) + (y)]
  for (guint x = na; x-- > 0;)
    for (guint y = nb; y-- > 0;)
      T (x, y) = g_str_equal (a[x], b[y]) ? T (x + 1, y + 1) + 1
                                          : MAX (T (x + 1, y), T (x, y + 1));
  match = g_new (int, na + 1);
  for (guint x = 0; x < na; x++)
    match[x] = -1;
  while (i < na && j < nb)
    {
      if (g_str_equal (a[i], b[j]))
        match[i++] = (int) j++;
      else if (T (i + 1, j) >= T (i, j + 1))
        i++;
      else
        j++;
    }
#undef T
  return match;
}

static gboolean
chunks_equal (char **a,
              guint  a0,
              guint  a1,
              char **b,
              guint  b0,
              guint  b1)
{
  if (a1 - a0 != b1 - b0)
    return FALSE;
  for (guint i = 0; i < a1 - a0; i++)
    if (!g_str_equal (a[a0 + i], b[b0 + i]))
      return FALSE;
  return TRUE;
}

static void
append_chunk (GPtrArray *out,
              char     **lines,
              guint      from,
              guint      to)
{
  for (guint i = from; i < to; i++)
    g_ptr_array_add (out, lines[i]);
}

/* Resolves one unstable chunk: FALSE when both sides changed it differently. */
static gboolean
merge_chunk (GPtrArray *out,
             char     **base, guint i, guint j,
             char     **ours, guint a, guint ae,
             char     **theirs, guint b, guint be)
{
  if (chunks_equal (base, i, j, ours, a, ae))
    append_chunk (out, theirs, b, be);
  else if (chunks_equal (base, i, j, theirs, b, be) || chunks_equal (ours, a, ae, theirs, b, be))
    append_chunk (out, ours, a, ae);
  else
    return FALSE;
  return TRUE;
}

char *
wm_merge_text (const char *base,
               const char *ours,
               const char *theirs)
{
  g_auto(GStrv) bl = g_strsplit (base, "\n", -1);
  g_auto(GStrv) ol = g_strsplit (ours, "\n", -1);
  g_auto(GStrv) tl = g_strsplit (theirs, "\n", -1);
  guint nb = g_strv_length (bl), no = g_strv_length (ol), nt = g_strv_length (tl);
  g_autofree int *mo = match_lines (bl, nb, ol, no);
  g_autofree int *mt = match_lines (bl, nb, tl, nt);
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  guint i = 0, a = 0, b = 0;

  if (mo == NULL || mt == NULL)
    return NULL;
  for (;;)
    {
      guint j = i;
      guint ae, be;

      while (j < nb && (mo[j] < 0 || mt[j] < 0))
        j++;
      ae = j < nb ? (guint) mo[j] : no;
      be = j < nb ? (guint) mt[j] : nt;
      if (!merge_chunk (out, bl, i, j, ol, a, ae, tl, b, be))
        return NULL;
      if (j == nb)
        break;
      g_ptr_array_add (out, bl[j]);
      i = j + 1, a = ae + 1, b = be + 1;
    }
  g_ptr_array_add (out, NULL);
  return g_strjoinv ("\n", (char **) out->pdata);
}

/* Merging one value */

typedef struct
{
  WmProject  *base;
  WmProject  *ours;
  WmProject  *theirs;
  GPtrArray  *conflicts;   /* WmConflict */
  GHashTable *items;       /* id -> MItem, the merged items of every diagram */
  GHashTable *diagrams;    /* id -> MDiagram, every diagram of any side */
  GPtrArray  *diagram_ids; /* the keys of @diagrams, in a stable order */
} Merge;

typedef struct
{
  WmItem     *item;
  const char *diagram;     /* the MDiagram's id */
} MItem;

typedef struct
{
  char      *id;
  WmDiagram *b, *o, *t;
  gboolean   kept;
} MDiagram;

static void
mitem_free (MItem *mitem)
{
  g_clear_pointer (&mitem->item, wm_item_free);
  g_free (mitem);
}

static void
mdiagram_free (MDiagram *md)
{
  g_free (md->id);
  g_free (md);
}

static void
add_conflict (Merge      *merge,
              const char *diagram,
              const char *item,
              const char *property,
              const char *ours,
              const char *theirs)
{
  g_ptr_array_add (merge->conflicts, wm_conflict_new (diagram, item, property, ours, theirs));
}

/* The merged value of one named value: a new string or NULL (unset). With
 * no base (both sides added the thing) only equal values agree. */
static char *
merge_value (Merge      *merge,
             gboolean    has_base,
             const char *base,
             const char *ours,
             const char *theirs,
             gboolean    text,
             const char *diagram,
             const char *item,
             const char *property)
{
  char *merged;

  if (g_strcmp0 (ours, theirs) == 0)
    return g_strdup (ours);
  if (has_base && g_strcmp0 (base, ours) == 0)
    return g_strdup (theirs);
  if (has_base && g_strcmp0 (base, theirs) == 0)
    return g_strdup (ours);
  if (text && has_base && base && ours && theirs &&
      (merged = wm_merge_text (base, ours, theirs)) != NULL)
    return merged;
  add_conflict (merge, diagram, item, property, ours, theirs);
  return g_strdup (ours);
}

/* Order */

/* Whether @side keeps the relative order @base gives to the ids they share. */
static gboolean
keeps_order (GPtrArray *base,
             GPtrArray *side)
{
  g_autoptr(GHashTable) position = g_hash_table_new (g_str_hash, g_str_equal);
  guint last = 0;

  for (guint i = 0; i < base->len; i++)
    g_hash_table_insert (position, base->pdata[i], GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < side->len; i++)
    {
      guint p = GPOINTER_TO_UINT (g_hash_table_lookup (position, side->pdata[i]));

      if (p != 0 && p < last)
        return FALSE;
      last = MAX (last, p);
    }
  return TRUE;
}

/* The merged order of ids: the order of the side that reordered (ours when
 * both did), with the other side's additions placed after the id they
 * follow there. Only ids @keep holds are returned (borrowed strings). */
static GPtrArray *
merge_order (GPtrArray  *base,
             GPtrArray  *ours,
             GPtrArray  *theirs,
             GHashTable *keep)
{
  static char head[] = "";
  gboolean theirs_lead = keeps_order (base, ours) && !keeps_order (base, theirs);
  GPtrArray *lead = theirs_lead ? theirs : ours;
  GPtrArray *other = theirs_lead ? ours : theirs;
  /* id -> the lead id it follows (a lead id follows itself), or head */
  g_autoptr(GHashTable) anchors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) after = g_hash_table_new_full (NULL, NULL, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  GPtrArray *out = g_ptr_array_new ();
  char *anchor = head;
  GPtrArray *list;

  for (guint i = 0; i < lead->len; i++)
    if (g_hash_table_contains (keep, lead->pdata[i]))
      g_hash_table_insert (anchors, lead->pdata[i], lead->pdata[i]);
  /* Consecutive additions share their anchor, in order. */
  for (guint i = 0; i < other->len; i++)
    {
      char *id = other->pdata[i];

      if (g_hash_table_contains (anchors, id))
        {
          anchor = g_hash_table_lookup (anchors, id);
          continue;
        }
      if (!g_hash_table_contains (keep, id))
        continue;
      if ((list = g_hash_table_lookup (after, anchor)) == NULL)
        g_hash_table_insert (after, anchor, list = g_ptr_array_new ());
      g_ptr_array_add (list, id);
      g_hash_table_insert (anchors, id, anchor);
    }
  if ((list = g_hash_table_lookup (after, head)) != NULL)
    g_ptr_array_extend (out, list, NULL, NULL);
  for (guint i = 0; i < lead->len; i++)
    {
      if (!g_hash_table_contains (keep, lead->pdata[i]))
        continue;
      g_ptr_array_add (out, lead->pdata[i]);
      if ((list = g_hash_table_lookup (after, lead->pdata[i])) != NULL)
        g_ptr_array_extend (out, list, NULL, NULL);
    }
  return out;
}

static GPtrArray *
item_ids (WmDiagram *diagram)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; diagram && i < wm_diagram_get_n_items (diagram); i++)
    g_ptr_array_add (ids, wm_diagram_get_item (diagram, i)->id);
  return ids;
}

static GPtrArray *
diagram_ids (WmProject *project)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    g_ptr_array_add (ids, (char *) wm_diagram_get_id (wm_project_get_diagram (project, i)));
  return ids;
}

/* Items */

static WmItem *
merge_both_items (Merge        *merge,
                  const char   *diagram,
                  const WmItem *b,
                  const WmItem *o,
                  const WmItem *t)
{
  WmItem *result = wm_item_copy (o);

  if (o->type != t->type)
    {
      add_conflict (merge, diagram, o->id, "type", o->type->id, t->type->id);
      return result;
    }
  for (guint i = 0; i < item_n_keys (o); i++)
    {
      const char *key = item_key (o, i);
      g_autofree char *bv = b && b->type == o->type ? wm_merge_item_value (b, key) : NULL;
      g_autofree char *ov = wm_merge_item_value (o, key);
      g_autofree char *tv = wm_merge_item_value (t, key);
      g_autofree char *merged = NULL;

      if (g_strcmp0 (ov, tv) == 0)
        continue;
      merged = merge_value (merge, b != NULL && b->type == o->type, bv, ov, tv,
                            key_is_text (o, i), diagram, o->id, key);
      if (g_strcmp0 (merged, ov) != 0)
        set_item_value (result, key, merged);
    }
  return result;
}

/* The merged version of one item, or NULL when it goes. */
static WmItem *
merge_item (Merge        *merge,
            const char   *diagram,
            const WmItem *b,
            const WmItem *o,
            const WmItem *t)
{
  if (o != NULL && t != NULL)
    return merge_both_items (merge, diagram, b, o, t);
  if (o == NULL && t == NULL)
    return NULL;
  if (b == NULL)
    return wm_item_copy (o ? o : t);
  if (items_same (b, o ? o : t))
    return NULL;
  /* Deleted on one side, edited on the other: kept, and said so. */
  add_conflict (merge, diagram, b->id, NULL, o ? "" : NULL, t ? "" : NULL);
  return wm_item_copy (o ? o : t);
}

static void
keep_item (Merge      *merge,
           MDiagram   *md,
           WmItem     *item)
{
  MItem *mitem = g_new0 (MItem, 1);

  mitem->item = item;
  mitem->diagram = md->id;
  g_hash_table_insert (merge->items, item->id, mitem);
}

static guint
merge_diagram_items (Merge    *merge,
                     MDiagram *md)
{
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);
  WmDiagram *sides[3] = { md->o, md->t, md->b };
  guint kept = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    for (guint i = 0; sides[s] && i < wm_diagram_get_n_items (sides[s]); i++)
      {
        const char *id = wm_diagram_get_item (sides[s], i)->id;
        WmItem *merged;

        if (!g_hash_table_add (seen, (gpointer) id))
          continue;
        merged = merge_item (merge, md->id, md->b ? wm_diagram_lookup (md->b, id) : NULL,
                             md->o ? wm_diagram_lookup (md->o, id) : NULL,
                             md->t ? wm_diagram_lookup (md->t, id) : NULL);
        if (merged != NULL)
          keep_item (merge, md, merged), kept++;
      }
  g_hash_table_unref (seen);
  return kept;
}

/* Diagram headers */

static char *
field_value (WmDiagram *diagram,
             guint      i)
{
  const WmNotation *notation = wm_diagram_get_notation (diagram);
  const WmValue *value = &_wm_diagram_get_values (diagram)[i];

  return value->set ? wm_value_to_string (&notation->props[i], value) : NULL;
}

static gboolean
headers_same (WmDiagram *a,
              WmDiagram *b)
{
  WmHeader *ha, *hb;
  gboolean same;

  if (a == NULL || b == NULL)
    return a == b;
  ha = _wm_header_capture (a);
  hb = _wm_header_capture (b);
  same = _wm_header_equal (ha, hb);
  _wm_header_free (ha);
  _wm_header_free (hb);
  return same;
}

/* Marks @md kept although one side deleted it, with a conflict, once. */
static void
keep_deleted_diagram (Merge    *merge,
                      MDiagram *md)
{
  if (md->kept)
    return;
  md->kept = TRUE;
  add_conflict (merge, md->id, NULL, NULL, md->o ? "" : NULL, md->t ? "" : NULL);
}

static void
decide_diagram (Merge    *merge,
                MDiagram *md)
{
  guint kept = merge_diagram_items (merge, md);

  if (md->o != NULL && md->t != NULL)
    md->kept = TRUE;
  else if (md->b == NULL)
    md->kept = md->o != NULL || md->t != NULL;
  else if (md->o != NULL || md->t != NULL)
    {
      if (kept > 0 || !headers_same (md->b, md->o ? md->o : md->t))
        keep_deleted_diagram (merge, md);
    }
}

/* References */

/* Whether @item refers to @id through @key (a link end, a container or a
 * REFS property). */
static gboolean
refers_to (const WmItem *item,
           const char   *key,
           const char   *id)
{
  int index;

  if (item == NULL)
    return FALSE;
  if (g_str_equal (key, "parent") || g_str_equal (key, "source") || g_str_equal (key, "target"))
    {
      g_autofree char *value = wm_merge_item_value (item, key);
      return g_strcmp0 (value, id) == 0;
    }
  index = wm_item_type_find_prop (item->type, key);
  return index >= 0 && item->props && item->props[index].set &&
         g_strv_contains ((const char *const *) item->props[index].v.strv, id);
}

static void resurrect (Merge *merge, const char *referrer, const char *key, const char *id,
                       GPtrArray *work);

/* Keeps the items the merged @item refers to. */
static void
check_references (Merge     *merge,
                  WmItem    *item,
                  GPtrArray *work)
{
  const char *ends[] = { item->parent, item->source, item->target };
  const char *keys[] = { "parent", "source", "target" };

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    if (ends[i] != NULL)
      resurrect (merge, item->id, keys[i], ends[i], work);
  for (guint i = 0; item->props && i < item->type->n_props; i++)
    if (item->type->props[i].type == WM_PROP_REFS && item->props[i].set)
      for (char **r = item->props[i].v.strv; r && *r; r++)
        resurrect (merge, item->id, item->type->props[i].name, *r, work);
}

/* When the merged @referrer refers to @id, which one side deleted and the
 * other kept, @id is kept with a conflict: unless the deleting side's own
 * version of @referrer refers to it as well (the model keeps a reference to
 * a deleted item, and --check reports it), the reference came from the
 * other side and must not be left dangling. */
static void
resurrect (Merge      *merge,
           const char *referrer,
           const char *key,
           const char *id,
           GPtrArray  *work)
{
  WmDiagram *od = NULL, *td = NULL;
  WmItem *o, *t, *kept;
  WmProject *deleting;
  MDiagram *md;

  if (g_hash_table_contains (merge->items, id))
    return;
  o = wm_project_lookup_item (merge->ours, id, &od);
  t = wm_project_lookup_item (merge->theirs, id, &td);
  if ((o == NULL) == (t == NULL))
    return;
  deleting = o ? merge->theirs : merge->ours;
  if (refers_to (wm_project_lookup_item (deleting, referrer, NULL), key, id))
    return;
  kept = wm_item_copy (o ? o : t);
  md = g_hash_table_lookup (merge->diagrams, wm_diagram_get_id (o ? od : td));
  keep_deleted_diagram (merge, md);
  add_conflict (merge, md->id, id, NULL, o ? "" : NULL, t ? "" : NULL);
  keep_item (merge, md, kept);
  g_ptr_array_add (work, kept);
}

static void
keep_referenced (Merge *merge)
{
  g_autoptr(GPtrArray) work = g_ptr_array_new ();
  GHashTableIter iter;
  MItem *mitem;

  g_hash_table_iter_init (&iter, merge->items);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &mitem))
    g_ptr_array_add (work, mitem->item);
  while (work->len > 0)
    check_references (merge, g_ptr_array_steal_index_fast (work, work->len - 1), work);
}

/* Building the merged diagrams */

/* The three versions of @md's header: a side that deleted the diagram (which
 * the merge keeps) counts as one that left the other side's header alone. */
static MDiagram
header_sides (MDiagram *md)
{
  MDiagram view = *md;

  if (md->o == NULL || md->t == NULL)
    view.o = view.t = view.b = md->o ? md->o : md->t;
  return view;
}

static void
merge_fields (Merge     *merge,
              MDiagram  *whole,
              WmDiagram *result)
{
  MDiagram view = header_sides (whole);
  MDiagram *md = &view;
  const WmNotation *notation = wm_diagram_get_notation (result);
  WmValue *values = _wm_diagram_get_values (result);

  {
    g_autofree char *name = merge_value (merge, md->b != NULL,
                                         md->b ? wm_diagram_get_name (md->b) : NULL,
                                         md->o ? wm_diagram_get_name (md->o) : NULL,
                                         md->t ? wm_diagram_get_name (md->t) : NULL,
                                         TRUE, md->id, NULL, "name");
    _wm_diagram_set_name_internal (result, name ? name : "");
  }
  for (guint i = 0; i < notation->n_props; i++)
    {
      g_autofree char *bv = md->b ? field_value (md->b, i) : NULL;
      g_autofree char *ov = md->o ? field_value (md->o, i) : NULL;
      g_autofree char *tv = md->t ? field_value (md->t, i) : NULL;
      g_autofree char *merged = NULL;

      merged = merge_value (merge, md->b != NULL, bv, ov, tv,
                            notation->props[i].type == WM_PROP_TEXT, md->id, NULL,
                            notation->props[i].name);
      wm_value_clear (&notation->props[i], &values[i]);
      if (merged != NULL && !wm_value_parse (&notation->props[i], merged, &values[i], NULL))
        wm_value_clear (&notation->props[i], &values[i]);
    }
}

static GPtrArray *
entry_ids (WmDiagram  *diagram,
           const char *list)
{
  GPtrArray *ids = g_ptr_array_new ();
  GPtrArray *entries = diagram ? wm_diagram_get_list (diagram, list) : NULL;

  for (guint i = 0; entries && i < entries->len; i++)
    g_ptr_array_add (ids, ((WmListEntry *) entries->pdata[i])->id);
  return ids;
}

static const char *
entry_label (WmDiagram  *diagram,
             const char *list,
             const char *id)
{
  const WmListEntry *entry = diagram ? wm_diagram_find_entry (diagram, list, id) : NULL;

  return entry ? entry->label : NULL;
}

/* The entry ids of @list that the merged items of @md use. */
static GHashTable *
used_entries (Merge      *merge,
              MDiagram   *md,
              const char *list)
{
  GHashTable *used = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  MItem *mitem;

  g_hash_table_iter_init (&iter, merge->items);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &mitem))
    {
      WmItem *item = mitem->item;

      if (mitem->diagram != md->id || item->props == NULL)
        continue;
      for (guint i = 0; i < item->type->n_props; i++)
        if (item->type->props[i].type == WM_PROP_SLOT && item->props[i].set &&
            g_strcmp0 (item->type->props[i].list, list) == 0 && item->props[i].v.string)
          g_hash_table_add (used, item->props[i].v.string);
    }
  return used;
}

/* The merged label of entry @id, or NULL when it goes. */
static char *
merge_entry (Merge      *merge,
             MDiagram   *md,
             const char *list,
             const char *id,
             GHashTable *used)
{
  const char *b = entry_label (md->b, list, id);
  const char *o = entry_label (md->o, list, id);
  const char *t = entry_label (md->t, list, id);
  g_autofree char *property = g_strconcat (list, "/", id, NULL);

  if (o != NULL && t != NULL)
    return merge_value (merge, b != NULL, b, o, t, TRUE, md->id, NULL, property);
  if (o == NULL && t == NULL)
    return NULL;
  if (b != NULL && g_strcmp0 (b, o ? o : t) == 0 && !g_hash_table_contains (used, id))
    return NULL;
  if (b != NULL)
    add_conflict (merge, md->id, NULL, property, o, t);
  return g_strdup (o ? o : t);
}

static gboolean
value_is_null (gpointer key,
               gpointer value,
               gpointer user_data)
{
  return value == NULL;
}

static void
merge_list (Merge      *merge,
            MDiagram   *whole,
            WmDiagram  *result,
            const char *list)
{
  MDiagram view = header_sides (whole);
  MDiagram *md = &view;
  g_autoptr(GPtrArray) b = entry_ids (md->b, list);
  g_autoptr(GPtrArray) o = entry_ids (md->o, list);
  g_autoptr(GPtrArray) t = entry_ids (md->t, list);
  g_autoptr(GHashTable) used = used_entries (merge, md, list);
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) order = NULL;
  GPtrArray *sides[] = { o, t, b };
  GPtrArray *entries = _wm_diagram_get_list_mutable (result, list);

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    for (guint i = 0; i < sides[s]->len; i++)
      {
        char *id = sides[s]->pdata[i];
        char *label;

        if (g_hash_table_contains (labels, id))
          continue;
        label = merge_entry (merge, md, list, id, used);
        g_hash_table_insert (labels, id, label);
      }
  g_hash_table_foreach_remove (labels, value_is_null, NULL);
  order = merge_order (b, o, t, labels);
  g_ptr_array_set_size (entries, 0);
  for (guint i = 0; i < order->len; i++)
    g_ptr_array_add (entries, _wm_list_entry_new (order->pdata[i],
                                                  g_hash_table_lookup (labels, order->pdata[i])));
}

static WmDiagram *
build_diagram (Merge    *merge,
               MDiagram *md)
{
  WmDiagram *lead = md->o ? md->o : md->t;
  const WmNotation *notation = wm_diagram_get_notation (lead);
  WmDiagram *result = _wm_diagram_new (notation, md->id, wm_diagram_get_name (lead));
  g_autoptr(GPtrArray) b = item_ids (md->b);
  g_autoptr(GPtrArray) o = item_ids (md->o);
  g_autoptr(GPtrArray) t = item_ids (md->t);
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  MItem *mitem;

  merge_fields (merge, md, result);
  for (guint i = 0; i < notation->n_lists; i++)
    merge_list (merge, md, result, notation->lists[i].name);
  g_hash_table_iter_init (&iter, merge->items);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &mitem))
    if (mitem->diagram == md->id)
      g_hash_table_add (keep, mitem->item->id);
  order = merge_order (b, o, t, keep);
  for (guint i = 0; i < order->len; i++)
    {
      mitem = g_hash_table_lookup (merge->items, order->pdata[i]);
      _wm_diagram_insert_item (result, g_steal_pointer (&mitem->item),
                               wm_diagram_get_n_items (result));
    }
  return result;
}

/* The whole merge */

static void
merge_meta (Merge     *merge,
            WmProject *result)
{
  const char *(*getters[]) (WmProject *) = {
    wm_project_get_title, wm_project_get_author, wm_project_get_description,
  };
  const char *names[] = { "title", "author", "description" };
  char *merged[3];

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    merged[i] = merge_value (merge, TRUE, getters[i] (merge->base), getters[i] (merge->ours),
                             getters[i] (merge->theirs), TRUE, NULL, NULL, names[i]);
  _wm_project_set_meta (result, merged[0], merged[1], merged[2]);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (merged[i]);
}

static void
collect_diagrams (Merge *merge)
{
  WmProject *sides[] = { merge->ours, merge->theirs, merge->base };

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    for (guint i = 0; i < wm_project_get_n_diagrams (sides[s]); i++)
      {
        WmDiagram *diagram = wm_project_get_diagram (sides[s], i);
        MDiagram *md = g_hash_table_lookup (merge->diagrams, wm_diagram_get_id (diagram));

        if (md == NULL)
          {
            md = g_new0 (MDiagram, 1);
            md->id = g_strdup (wm_diagram_get_id (diagram));
            g_hash_table_insert (merge->diagrams, md->id, md);
            g_ptr_array_add (merge->diagram_ids, md->id);
          }
        if (sides[s] == merge->ours)
          md->o = diagram;
        else if (sides[s] == merge->theirs)
          md->t = diagram;
        else
          md->b = diagram;
      }
}

/* Whether @a and @b, when both have diagrams, share at least one. */
static gboolean
share_diagram (WmProject *a,
               WmProject *b)
{
  if (wm_project_get_n_diagrams (a) == 0 || wm_project_get_n_diagrams (b) == 0)
    return TRUE;
  for (guint i = 0; i < wm_project_get_n_diagrams (a); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (a, i);
      WmDiagram *other = wm_project_find_diagram (b, wm_diagram_get_id (diagram));

      if (other != NULL && g_str_equal (wm_diagram_get_id (other), wm_diagram_get_id (diagram)))
        return TRUE;
    }
  return FALSE;
}

/* Two versions that share no diagram are not versions of one project
 * (merging them would only pile them up); neither are ones where one id
 * names diagrams of different kinds. */
static gboolean
check_related (Merge   *merge,
               GError **error)
{
  for (guint i = 0; i < merge->diagram_ids->len; i++)
    {
      MDiagram *md = g_hash_table_lookup (merge->diagrams, merge->diagram_ids->pdata[i]);
      WmDiagram *sides[] = { md->b, md->o, md->t };
      const WmNotation *notation = NULL;

      for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
        if (sides[s] != NULL)
          {
            if (notation != NULL && wm_diagram_get_notation (sides[s]) != notation)
              {
                g_set_error (error, WM_ERROR, WM_ERROR_INVALID,
                             _("The diagram “%s” is of different kinds in the versions to "
                               "merge: they are not versions of one project"), md->id);
                return FALSE;
              }
            notation = wm_diagram_get_notation (sides[s]);
          }
    }
  if (!share_diagram (merge->ours, merge->theirs) || !share_diagram (merge->base, merge->ours) ||
      !share_diagram (merge->base, merge->theirs))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID, "%s",
                   _("The projects have no diagram in common: they are not versions of one "
                     "project, and merging them would only pile them up"));
      return FALSE;
    }
  return TRUE;
}

/* Conflicts already in OURS or THEIRS stay until resolved. */
static void
carry_conflicts (Merge *merge)
{
  WmProject *sides[] = { merge->ours, merge->theirs };

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      GPtrArray *old = wm_project_get_conflicts (sides[s]);

      for (guint i = 0; i < old->len; i++)
        {
          gboolean known = FALSE;

          for (guint j = 0; j < merge->conflicts->len && !known; j++)
            known = conflict_equal (old->pdata[i], merge->conflicts->pdata[j]);
          if (!known)
            g_ptr_array_add (merge->conflicts, wm_conflict_copy (old->pdata[i]));
        }
    }
}

static WmProject *
build_project (Merge *merge)
{
  WmProject *result = wm_project_new ();
  g_autoptr(GPtrArray) b = diagram_ids (merge->base);
  g_autoptr(GPtrArray) o = diagram_ids (merge->ours);
  g_autoptr(GPtrArray) t = diagram_ids (merge->theirs);
  g_autoptr(GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = NULL;

  merge_meta (merge, result);
  for (guint i = 0; i < merge->diagram_ids->len; i++)
    {
      MDiagram *md = g_hash_table_lookup (merge->diagrams, merge->diagram_ids->pdata[i]);

      if (md->kept)
        g_hash_table_add (keep, md->id);
    }
  order = merge_order (b, o, t, keep);
  for (guint i = 0; i < order->len; i++)
    {
      g_autoptr(WmDiagram) diagram =
        build_diagram (merge, g_hash_table_lookup (merge->diagrams, order->pdata[i]));

      /* The project takes a reference of its own. */
      _wm_project_append_diagram (result, diagram);
    }
  return result;
}

/* Writes @result and reads it back, so that what the merge returns is what
 * its file holds, and a merge whose result is not a valid project (say, a
 * container loop made of two moves) fails rather than writes it. */
static WmProject *
validate (WmProject *result,
          GError   **error)
{
  g_autoptr(GBytes) bytes = wm_project_serialize (result);
  g_autoptr(GError) local = NULL;
  WmProject *project;

  project = wm_project_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       _("the merged project"), &local);
  if (project == NULL)
    g_set_error (error, WM_ERROR, WM_ERROR_INVALID,
                 _("The changes cannot be combined into a valid project (%s); merge by hand"),
                 local->message);
  return project;
}

WmProject *
wm_merge_projects (WmProject  *base,
                   WmProject  *ours,
                   WmProject  *theirs,
                   GPtrArray **conflicts,
                   GError    **error)
{
  Merge merge = { base, ours, theirs, NULL, };
  g_autoptr(WmProject) result = NULL;
  WmProject *project = NULL;

  g_return_val_if_fail (WM_IS_PROJECT (base), NULL);
  g_return_val_if_fail (WM_IS_PROJECT (ours), NULL);
  g_return_val_if_fail (WM_IS_PROJECT (theirs), NULL);

  merge.conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_conflict_free);
  merge.items = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) mitem_free);
  merge.diagrams = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) mdiagram_free);
  merge.diagram_ids = g_ptr_array_new ();
  collect_diagrams (&merge);
  if (check_related (&merge, error))
    {
      carry_conflicts (&merge);
      for (guint i = 0; i < merge.diagram_ids->len; i++)
        decide_diagram (&merge, g_hash_table_lookup (merge.diagrams, merge.diagram_ids->pdata[i]));
      keep_referenced (&merge);
      result = build_project (&merge);
      for (guint i = 0; i < merge.conflicts->len; i++)
        _wm_project_add_conflict (result, wm_conflict_copy (merge.conflicts->pdata[i]));
      project = validate (result, error);
    }
  if (project != NULL && conflicts != NULL)
    *conflicts = g_ptr_array_ref (merge.conflicts);
  g_ptr_array_unref (merge.conflicts);
  g_ptr_array_unref (merge.diagram_ids);
  g_hash_table_unref (merge.items);
  g_hash_table_unref (merge.diagrams);
  return project;
}

/* Resolving a conflict */

/* The undo record of a resolution: the conflict record that went, and where. */
typedef struct
{
  WmChange    head;
  WmConflict *conflict;
  guint       position;
} ResolveChange;

static void
resolve_apply (WmChange  *change,
               WmProject *project)
{
  ResolveChange *self = (ResolveChange *) change;

  g_ptr_array_remove_index (wm_project_get_conflicts (project), self->position);
}

static void
resolve_revert (WmChange  *change,
                WmProject *project)
{
  ResolveChange *self = (ResolveChange *) change;

  g_ptr_array_insert (wm_project_get_conflicts (project), (int) self->position,
                      wm_conflict_copy (self->conflict));
}

static void
resolve_free (WmChange *change)
{
  ResolveChange *self = (ResolveChange *) change;

  wm_conflict_free (self->conflict);
  g_free (self);
}

static const WmChangeClass resolve_class = {
  .name = "resolve-conflict",
  .apply = resolve_apply,
  .revert = resolve_revert,
  .free = resolve_free,
};

/* Sets one value of a live item as an undoable edit of the open step. */
static void
set_live_item_value (WmProject  *project,
                     WmDiagram  *diagram,
                     WmItem     *item,
                     const char *property,
                     const char *value)
{
  _wm_diagram_record_item_will_change (diagram, _wm_project_get_history (project), item);
  _wm_diagram_note_modified (diagram, item);
  set_item_value (item, property, value);
}

static gboolean
apply_meta (WmProject  *project,
            const char *property,
            const char *value)
{
  if (g_strcmp0 (property, "title") == 0)
    return wm_project_set_title (project, value ? value : "");
  if (g_strcmp0 (property, "author") == 0)
    return wm_project_set_author (project, value ? value : "");
  return wm_project_set_description (project, value ? value : "");
}

static gboolean
apply_header (WmDiagram        *diagram,
              const WmConflict *conflict,
              const char       *value,
              GError          **error)
{
  const char *slash;

  if (conflict->property == NULL)
    return value != NULL ||
           wm_project_remove_diagram (wm_diagram_get_project (diagram), diagram);
  if ((slash = strchr (conflict->property, '/')) != NULL)
    {
      g_autofree char *list = g_strndup (conflict->property, slash - conflict->property);

      if (value == NULL)
        return wm_diagram_list_remove (diagram, list, slash + 1);
      return wm_diagram_list_rename (diagram, list, slash + 1, value);
    }
  if (g_str_equal (conflict->property, "name"))
    return wm_diagram_rename (diagram, value ? value : "");
  return wm_diagram_set_field (diagram, conflict->property, value, error);
}

/* Makes the project hold @value (the chosen side's) for @conflict. */
static gboolean
apply_choice (WmProject        *project,
              const WmConflict *conflict,
              const char       *value,
              GError          **error)
{
  WmDiagram *diagram;
  WmItem *item;

  if (conflict->diagram == NULL)
    return apply_meta (project, conflict->property, value);
  diagram = wm_project_find_diagram (project, conflict->diagram);
  if (diagram == NULL)
    goto gone;
  if (conflict->item == NULL)
    return apply_header (diagram, conflict, value, error);
  item = wm_diagram_lookup (diagram, conflict->item);
  if (item == NULL)
    goto gone;
  if (conflict->property == NULL)
    {
      const char *ids[] = { conflict->item, NULL };

      if (value == NULL)
        wm_diagram_remove_items (diagram, ids);
      return TRUE;
    }
  set_live_item_value (project, diagram, item, conflict->property, value);
  return TRUE;

gone:
  g_set_error (error, WM_ERROR, WM_ERROR_NOT_FOUND, "%s",
               _("What the conflict is about is no longer in the project"));
  return FALSE;
}

gboolean
wm_project_resolve_conflict (WmProject *project,
                             guint      position,
                             gboolean   take_theirs,
                             GError   **error)
{
  GPtrArray *conflicts;
  g_autoptr(WmConflict) conflict = NULL;
  ResolveChange *change;
  gboolean ok;

  g_return_val_if_fail (WM_IS_PROJECT (project), FALSE);
  conflicts = wm_project_get_conflicts (project);
  g_return_val_if_fail (position < conflicts->len, FALSE);

  if (wm_project_get_read_only (project))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_READ_ONLY, "%s", _("The project is read-only"));
      return FALSE;
    }
  conflict = wm_conflict_copy (conflicts->pdata[position]);
  wm_project_begin_group (project, take_theirs ? _("Take Theirs") : _("Take Mine"));
  ok = apply_choice (project, conflict, take_theirs ? conflict->theirs : conflict->ours, error);
  if (ok)
    {
      /* In the conflict's diagram, so that its "changed" signal tells the
       * problems pane on undo and redo too. */
      WmDiagram *diagram = conflict->diagram
                             ? wm_project_find_diagram (project, conflict->diagram) : NULL;

      change = g_new0 (ResolveChange, 1);
      _wm_change_init (&change->head, &resolve_class, diagram);
      change->conflict = wm_conflict_copy (conflict);
      change->position = position;
      g_ptr_array_remove_index (conflicts, position);
      _wm_history_record (_wm_project_get_history (project), &change->head);
    }
  wm_project_end_group (project);
  return ok;
}
