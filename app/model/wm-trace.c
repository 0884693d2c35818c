/* wm-trace.c — the project's cross-diagram links, as chains to read
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Analysts link a journey's touchpoint to the canvas channel that serves it,
 * the channel to the use case that implements it, the use case to the kaizen
 * that improves it. A traceability table reads those links as chains, one
 * row per path from an item nothing links to down to an item that links
 * nowhere. The presentation paints the rows (renderers/wm-deck-pages.c); the
 * text exports can write them through wm_trace_step_label().
 */
#define G_LOG_DOMAIN "wm-trace"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-item.h"
#include "wm-trace.h"

typedef struct
{
  WmProject  *project;
  GHashTable *linked;    /* ids some item links to (borrowed strings) */
  GHashTable *visited;   /* ids of items that stand in some row */
  GHashTable *on_path;   /* ids of the chain being walked */
  GPtrArray  *path;      /* the ids of that chain, from its root */
  GPtrArray  *rows;      /* the rows of the root being walked */
  guint       n_rows;    /* rows made so far, of every root */
} Walk;

/* The ids @item links to, or an empty list when its type has no links. */
static const char *const *
links_of (const WmItem *item)
{
  static const char *const none[] = { NULL };

  return wm_item_has_prop (item, WM_FIELD_LINKS) ? wm_item_get_strv (item, WM_FIELD_LINKS) : none;
}

static gboolean
has_links (const WmItem *item)
{
  return links_of (item)[0] != NULL;
}

/* Whether ids[index] already came earlier in @ids: a link listed twice is one link. */
static gboolean
is_repeated (const char *const *ids,
             guint              index)
{
  for (guint i = 0; i < index; i++)
    if (g_str_equal (ids[i], ids[index]))
      return TRUE;
  return FALSE;
}

/* An item's text on one line, or its type's name when it has none. */
static char *
display_text (const char       *text,
              const WmItemType *type)
{
  if (text == NULL || wm_str_is_blank (text))
    return g_strdup (type != NULL ? g_dgettext (GETTEXT_PACKAGE, type->label)
                                  : _("Missing item"));
  return g_strdelimit (g_strstrip (g_strdup (text)), "\n", ' ');
}

static const char *
notation_kind (const WmNotation *notation)
{
  return notation != NULL ? g_dgettext (GETTEXT_PACKAGE, notation->label) : "";
}

/* The notation whose own types include @type; NULL for the types every
 * notation shares, which say nothing of the diagram they were in. */
static const WmNotation *
notation_of_type (const WmItemType *type)
{
  guint n;
  const WmNotation *const *all = wm_notations_get_all (&n);

  for (guint i = 0; type != NULL && i < n; i++)
    {
      if (type >= all[i]->node_types && type < all[i]->node_types + all[i]->n_node_types)
        return all[i];
      if (type >= all[i]->link_types && type < all[i]->link_types + all[i]->n_link_types)
        return all[i];
    }
  return NULL;
}

/* A step for a link to @id, which the project no longer has: what it was
 * when it was removed in this session, else only that it is missing. */
static void
fill_broken_step (WmTraceStep *step,
                  WmProject   *project,
                  const char  *id)
{
  WmRemovedItem gone = { NULL, };
  WmDiagram *diagram;

  step->broken = TRUE;
  if (!wm_project_recall_removed_item (project, id, &gone))
    {
      step->text = g_strdup (_("Missing item"));
      step->diagram_name = g_strdup ("");
      step->kind = "";
      return;
    }
  step->type = gone.type;
  step->text = display_text (gone.text, gone.type);
  step->diagram_name = g_strdup (gone.diagram_name != NULL ? gone.diagram_name : "");
  /* The item may be gone from a diagram that is still there. */
  diagram = gone.diagram_name != NULL ? wm_project_find_diagram (project, gone.diagram_name) : NULL;
  step->kind = diagram != NULL ? notation_kind (wm_diagram_get_notation (diagram))
                               : notation_kind (notation_of_type (gone.type));
}

static void
fill_step (WmTraceStep *step,
           WmProject   *project,
           const char  *id)
{
  WmDiagram *diagram = NULL;
  WmItem *item = wm_project_lookup_item (project, id, &diagram);

  *step = (WmTraceStep) { .id = g_strdup (id), };
  if (item == NULL)
    {
      fill_broken_step (step, project, id);
      return;
    }
  step->item = item;
  step->diagram = diagram;
  step->type = item->type;
  step->text = display_text (item->text, item->type);
  step->diagram_name = g_strdup (wm_diagram_get_name (diagram));
  step->kind = notation_kind (wm_diagram_get_notation (diagram));
}

static void
clear_step (gpointer data)
{
  WmTraceStep *step = data;

  g_free (step->id);
  g_free (step->text);
  g_free (step->diagram_name);
}

/* Adds the walked chain as a row, ending with @last (a broken link or a
 * step back into the chain) when it is not NULL. */
static void
emit_row (Walk       *walk,
          const char *last,
          gboolean    cycle)
{
  WmTraceRow *row = g_new0 (WmTraceRow, 1);
  guint n = walk->path->len + (last != NULL ? 1 : 0);

  row->steps = g_array_sized_new (FALSE, TRUE, sizeof (WmTraceStep), n);
  g_array_set_clear_func (row->steps, clear_step);
  g_array_set_size (row->steps, n);
  for (guint i = 0; i < walk->path->len; i++)
    fill_step (&g_array_index (row->steps, WmTraceStep, i), walk->project,
               g_ptr_array_index (walk->path, i));
  if (last != NULL)
    {
      WmTraceStep *step = &g_array_index (row->steps, WmTraceStep, n - 1);

      fill_step (step, walk->project, last);
      step->cycle = cycle;
    }
  row->source = g_array_index (row->steps, WmTraceStep, 0).diagram;
  g_ptr_array_add (walk->rows, row);
  walk->n_rows++;
}

/* Follows the links from item @id depth first, one row per path. The
 * recursion is as deep as the longest chain of distinct items. */
static void
walk_from (Walk       *walk,
           const char *id)
{
  WmItem *item = wm_project_lookup_item (walk->project, id, NULL);
  const char *const *ids;

  if (walk->n_rows >= WM_TRACE_MAX_ROWS)
    return;
  if (item == NULL || g_hash_table_contains (walk->on_path, id))
    {
      emit_row (walk, id, item != NULL);
      return;
    }
  g_ptr_array_add (walk->path, (gpointer) id);
  g_hash_table_add (walk->on_path, (gpointer) id);
  g_hash_table_add (walk->visited, (gpointer) id);
  ids = links_of (item);
  if (ids[0] == NULL)
    emit_row (walk, NULL, FALSE);
  for (guint i = 0; ids[i] != NULL; i++)
    if (!is_repeated (ids, i))
      walk_from (walk, ids[i]);
  g_hash_table_remove (walk->on_path, id);
  g_ptr_array_set_size (walk->path, walk->path->len - 1);
}

static void
collect_linked (Walk *walk)
{
  for (guint d = 0; d < wm_project_get_n_diagrams (walk->project); d++)
    {
      WmDiagram *diagram = wm_project_get_diagram (walk->project, d);

      for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
        {
          const char *const *ids = links_of (wm_diagram_get_item (diagram, i));

          for (guint j = 0; ids[j] != NULL; j++)
            g_hash_table_add (walk->linked, (gpointer) ids[j]);
        }
    }
}

/* Walks from every item that links somewhere and is a root: nothing links
 * to it (@cycles FALSE), or, on the second pass (@cycles TRUE), no row
 * holds it yet, which leaves only items that links reach from a cycle.
 * Each diagram's rows go to its own bucket, to keep the groups together. */
static void
walk_roots (Walk      *walk,
            GPtrArray *buckets,
            gboolean   cycles)
{
  for (guint d = 0; d < wm_project_get_n_diagrams (walk->project); d++)
    {
      WmDiagram *diagram = wm_project_get_diagram (walk->project, d);

      walk->rows = g_ptr_array_index (buckets, d);
      for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
        {
          WmItem *item = wm_diagram_get_item (diagram, i);
          GHashTable *skip = cycles ? walk->visited : walk->linked;

          if (has_links (item) && !g_hash_table_contains (skip, item->id))
            walk_from (walk, item->id);
        }
    }
}

GPtrArray *
wm_trace_collect (WmProject *project)
{
  g_autoptr(GPtrArray) buckets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_trace_row_free);
  Walk walk = { .project = project, };

  g_return_val_if_fail (WM_IS_PROJECT (project), rows);

  walk.linked = g_hash_table_new (g_str_hash, g_str_equal);
  walk.visited = g_hash_table_new (g_str_hash, g_str_equal);
  walk.on_path = g_hash_table_new (g_str_hash, g_str_equal);
  walk.path = g_ptr_array_new ();
  for (guint d = 0; d < wm_project_get_n_diagrams (project); d++)
    g_ptr_array_add (buckets, g_ptr_array_new ());
  collect_linked (&walk);
  walk_roots (&walk, buckets, FALSE);
  walk_roots (&walk, buckets, TRUE);
  for (guint d = 0; d < buckets->len; d++)
    {
      GPtrArray *bucket = g_ptr_array_index (buckets, d);

      for (guint i = 0; i < bucket->len; i++)
        g_ptr_array_add (rows, g_ptr_array_index (bucket, i));
    }
  g_hash_table_unref (walk.linked);
  g_hash_table_unref (walk.visited);
  g_hash_table_unref (walk.on_path);
  g_ptr_array_unref (walk.path);
  return rows;
}

void
wm_trace_row_free (WmTraceRow *row)
{
  if (row == NULL)
    return;
  g_array_unref (row->steps);
  g_free (row);
}

const WmTraceStep *
wm_trace_row_get_step (const WmTraceRow *row,
                       guint             index)
{
  g_return_val_if_fail (row != NULL && index < row->steps->len, NULL);

  return &g_array_index (row->steps, WmTraceStep, index);
}

guint
wm_trace_max_steps (GPtrArray *rows)
{
  guint most = 0;

  g_return_val_if_fail (rows != NULL, 0);

  for (guint i = 0; i < rows->len; i++)
    most = MAX (most, ((WmTraceRow *) g_ptr_array_index (rows, i))->steps->len);
  return most;
}

char *
wm_trace_step_label (const WmTraceStep *step)
{
  g_return_val_if_fail (step != NULL, NULL);

  if (*step->kind == '\0')
    return g_strdup (step->text);
  /* Translators: an item of a traceability table and the kind of its
   * diagram, as in “Order online (Customer journey map)”. */
  return g_strdup_printf (_("%s (%s)"), step->text, step->kind);
}
