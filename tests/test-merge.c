/* test-merge.c — the three-way merge, its conflicts and their resolution
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-merge.h"
#include "wm-test-util.h"

/* A copy of @project as its file holds it. */
static WmProject *
copy_project (WmProject *project)
{
  g_autofree char *data = wm_test_serialize (project);
  g_autoptr(GError) error = NULL;
  WmProject *copy = wm_project_load_from_data (data, strlen (data), "copy", &error);

  g_assert_no_error (error);
  return copy;
}

/* A project of one value stream map with @n processes in a row, each but
 * the first pushed from the one before through an inventory-less link. */
static WmProject *
make_base (guint n)
{
  WmProject *project = wm_project_new ();
  WmDiagram *diagram = wm_project_add_diagram (project, "value-stream-map", "Flow", NULL);
  WmItem *previous = NULL;

  for (guint i = 0; i < n; i++)
    {
      WmRect bounds = { (i % 100) * 200, (i / 100) * 150, 120, 70 };
      g_autofree char *text = g_strdup_printf ("Step %u", i);
      WmItem *node = wm_test_add_node (diagram, i % 2 ? "inventory" : "process", &bounds, text);

      if (previous != NULL && i % 2 == 1)
        wm_test_add_link (diagram, "push", previous, node);
      previous = node;
    }
  wm_project_clear_history (project);
  return project;
}

static WmDiagram *
first_diagram (WmProject *project)
{
  return wm_project_get_diagram (project, 0);
}

/* The n-th node of the first diagram. */
static const char *
node_id (WmProject *project,
         guint      n)
{
  WmDiagram *diagram = first_diagram (project);

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    if (wm_item_is_node (wm_diagram_get_item (diagram, i)) && n-- == 0)
      return wm_diagram_get_item (diagram, i)->id;
  g_assert_not_reached ();
}

static WmProject *
merge_ok (WmProject  *base,
          WmProject  *ours,
          WmProject  *theirs,
          GPtrArray **conflicts)
{
  g_autoptr(GError) error = NULL;
  WmProject *merged = wm_merge_projects (base, ours, theirs, conflicts, &error);

  g_assert_no_error (error);
  g_assert_nonnull (merged);
  return merged;
}

static gboolean
has_conflict (GPtrArray  *conflicts,
              const char *item,
              const char *property)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      WmConflict *conflict = conflicts->pdata[i];

      if (g_strcmp0 (conflict->item, item) == 0 && g_strcmp0 (conflict->property, property) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_merge_text (void)
{
  g_autofree char *clean = wm_merge_text ("a\nb\nc\nd", "A\nb\nc\nd", "a\nb\nc\nD");
  g_autofree char *added = wm_merge_text ("a\nc", "a\nb\nc", "a\nc\nd");
  g_autofree char *same = wm_merge_text ("a\nb", "a\nB", "a\nB");
  g_autofree char *clash = wm_merge_text ("a\nb\nc", "a\nX\nc", "a\nY\nc");

  g_assert_cmpstr (clean, ==, "A\nb\nc\nD");
  g_assert_cmpstr (added, ==, "a\nb\nc\nd");
  g_assert_cmpstr (same, ==, "a\nB");
  g_assert_null (clash);
}

/* Additions, deletions, moves and edits of different items on both sides
 * all land, and nothing conflicts. */
static void
test_merge_disjoint (void)
{
  g_autoptr(WmProject) base = make_base (8);
  g_autoptr(WmProject) ours = copy_project (base);
  g_autoptr(WmProject) theirs = copy_project (base);
  g_autoptr(WmProject) merged = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  const char *ids[] = { node_id (base, 5), NULL };
  WmRect bounds = { 0, 900, 120, 70 };
  WmItem *added_ours, *added_theirs, *moved;

  wm_diagram_move_items (first_diagram (ours), (const char *[]) { node_id (base, 0), NULL },
                         30, 40);
  added_ours = wm_test_add_node (first_diagram (ours), "process", &bounds, "Ours");
  g_assert_true (wm_diagram_set_text (first_diagram (theirs), node_id (base, 2), "Renamed"));
  g_assert_cmpuint (wm_diagram_remove_items (first_diagram (theirs), ids), >, 0);
  bounds.x = 400;
  added_theirs = wm_test_add_node (first_diagram (theirs), "process", &bounds, "Theirs");
  g_assert_true (wm_project_set_title (theirs, "Merged"));

  merged = merge_ok (base, ours, theirs, &conflicts);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (wm_project_get_conflicts (merged)->len, ==, 0);
  moved = wm_project_lookup_item (merged, node_id (base, 0), NULL);
  g_assert_cmpfloat (moved->bounds.x, ==, 30);
  g_assert_cmpfloat (moved->bounds.y, ==, 40);
  g_assert_cmpstr (wm_project_lookup_item (merged, node_id (base, 2), NULL)->text, ==, "Renamed");
  g_assert_null (wm_project_lookup_item (merged, node_id (base, 5), NULL));
  g_assert_nonnull (wm_project_lookup_item (merged, added_ours->id, NULL));
  g_assert_nonnull (wm_project_lookup_item (merged, added_theirs->id, NULL));
  g_assert_cmpstr (wm_project_get_title (merged), ==, "Merged");
}

/* The same change on both sides is one change. */
static void
test_merge_same_change (void)
{
  g_autoptr(WmProject) base = make_base (4);
  g_autoptr(WmProject) ours = copy_project (base);
  g_autoptr(WmProject) theirs = copy_project (base);
  g_autoptr(WmProject) merged = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  const char *ids[] = { node_id (base, 3), NULL };

  g_assert_true (wm_diagram_set_text (first_diagram (ours), node_id (base, 1), "Same"));
  g_assert_true (wm_diagram_set_text (first_diagram (theirs), node_id (base, 1), "Same"));
  wm_diagram_remove_items (first_diagram (ours), ids);
  wm_diagram_remove_items (first_diagram (theirs), ids);
  merged = merge_ok (base, ours, theirs, &conflicts);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpstr (wm_project_lookup_item (merged, node_id (base, 1), NULL)->text, ==, "Same");
  g_assert_null (wm_project_lookup_item (merged, node_id (base, 3), NULL));
}

/* A property both sides changed differently keeps ours, is recorded in the
 * file, is an error for --check, and resolves as one undoable step. */
static void
test_merge_conflict_resolve (void)
{
  g_autoptr(WmProject) base = make_base (4);
  g_autoptr(WmProject) ours = copy_project (base);
  g_autoptr(WmProject) theirs = copy_project (base);
  g_autoptr(WmProject) merged = NULL;
  g_autoptr(WmProject) reread = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *cycle_time = NULL;
  const char *id = node_id (base, 0);
  guint errors = 0;

  g_assert_true (wm_diagram_set_text (first_diagram (ours), id, "Mine"));
  g_assert_true (wm_diagram_set_text (first_diagram (theirs), id, "Yours"));
  wm_test_set_property (first_diagram (ours), wm_diagram_lookup (first_diagram (ours), id),
                        "cycle-time", "30");
  wm_test_set_property (first_diagram (theirs), wm_diagram_lookup (first_diagram (theirs), id),
                        "cycle-time", "45");
  merged = merge_ok (base, ours, theirs, &conflicts);
  g_assert_cmpuint (conflicts->len, ==, 2);
  g_assert_true (has_conflict (conflicts, id, "text"));
  g_assert_true (has_conflict (conflicts, id, "cycle-time"));
  g_assert_cmpstr (wm_project_lookup_item (merged, id, NULL)->text, ==, "Mine");

  /* In the file, and the same bytes again. */
  first = wm_test_serialize (merged);
  g_assert_nonnull (strstr (first, "<conflict "));
  reread = copy_project (merged);
  second = wm_test_serialize (reread);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (wm_project_get_conflicts (reread)->len, ==, 2);

  problems = wm_project_check (reread);
  for (guint i = 0; i < problems->len; i++)
    errors += ((WmProblem *) problems->pdata[i])->severity == WM_SEVERITY_ERROR;
  g_assert_cmpuint (errors, >=, 2);

  /* Take theirs on the text, take mine on the cycle time; undo brings the first back. */
  g_assert_true (wm_project_resolve_conflict (reread, 0, TRUE, NULL));
  g_assert_cmpstr (wm_project_lookup_item (reread, id, NULL)->text, ==, "Yours");
  g_assert_cmpuint (wm_project_get_conflicts (reread)->len, ==, 1);
  g_assert_true (wm_project_resolve_conflict (reread, 0, FALSE, NULL));
  cycle_time = wm_merge_item_value (wm_project_lookup_item (reread, id, NULL), "cycle-time");
  g_assert_cmpstr (cycle_time, ==, "30");
  g_assert_cmpuint (wm_project_get_conflicts (reread)->len, ==, 0);
  g_assert_true (wm_project_undo (reread));
  g_assert_true (wm_project_undo (reread));
  g_assert_cmpstr (wm_project_lookup_item (reread, id, NULL)->text, ==, "Mine");
  g_assert_cmpuint (wm_project_get_conflicts (reread)->len, ==, 2);
  g_assert_true (wm_project_redo (reread));
  g_assert_cmpstr (wm_project_lookup_item (reread, id, NULL)->text, ==, "Yours");
}

/* Text edited on both sides in different lines merges. */
static void
test_merge_lines (void)
{
  g_autoptr(WmProject) base = make_base (2);
  g_autoptr(WmProject) ours = NULL;
  g_autoptr(WmProject) theirs = NULL;
  g_autoptr(WmProject) merged = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  const char *id = node_id (base, 0);

  g_assert_true (wm_diagram_set_text (first_diagram (base), id, "one\ntwo\nthree"));
  ours = copy_project (base);
  theirs = copy_project (base);
  g_assert_true (wm_diagram_set_text (first_diagram (ours), id, "ONE\ntwo\nthree"));
  g_assert_true (wm_diagram_set_text (first_diagram (theirs), id, "one\ntwo\nthree\nfour"));
  merged = merge_ok (base, ours, theirs, &conflicts);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpstr (wm_project_lookup_item (merged, id, NULL)->text, ==, "ONE\ntwo\nthree\nfour");
}

/* An item deleted on one side and linked to or edited on the other is kept,
 * with a conflict, and no link dangles. */
static void
test_merge_delete_edit (void)
{
  g_autoptr(WmProject) base = make_base (6);
  g_autoptr(WmProject) ours = copy_project (base);
  g_autoptr(WmProject) theirs = copy_project (base);
  g_autoptr(WmProject) merged = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  const char *edited = node_id (base, 4);
  const char *linked = node_id (base, 2);
  const char *ids[] = { edited, linked, NULL };
  WmItem *link;

  wm_diagram_remove_items (first_diagram (ours), ids);
  g_assert_true (wm_diagram_set_text (first_diagram (theirs), edited, "Still needed"));
  link = wm_test_add_link (first_diagram (theirs), "push",
                           wm_diagram_lookup (first_diagram (theirs), linked),
                           wm_diagram_lookup (first_diagram (theirs), node_id (base, 5)));
  merged = merge_ok (base, ours, theirs, &conflicts);
  g_assert_true (has_conflict (conflicts, edited, NULL));
  g_assert_true (has_conflict (conflicts, linked, NULL));
  g_assert_cmpstr (wm_project_lookup_item (merged, edited, NULL)->text, ==, "Still needed");
  g_assert_nonnull (wm_project_lookup_item (merged, link->id, NULL));
  g_assert_nonnull (wm_project_lookup_item (merged, linked, NULL));

  /* Take mine deletes it again, with its link. */
  for (guint i = 0; i < wm_project_get_conflicts (merged)->len; i++)
    if (g_strcmp0 (((WmConflict *) wm_project_get_conflicts (merged)->pdata[i])->item,
                   linked) == 0)
      g_assert_true (wm_project_resolve_conflict (merged, i, FALSE, NULL));
  g_assert_null (wm_project_lookup_item (merged, linked, NULL));
  g_assert_null (wm_project_lookup_item (merged, link->id, NULL));
}

/* Diagram lists merge by entry id: an entry added on one side and one
 * renamed on the other both land; an entry one side removed that the other
 * filed a new card under is kept, with a conflict. */
static void
test_merge_lists (void)
{
  g_autoptr(WmProject) base = wm_test_load_sample ();
  g_autoptr(WmProject) ours = copy_project (base);
  g_autoptr(WmProject) theirs = copy_project (base);
  g_autoptr(WmProject) merged = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  WmDiagram *o = wm_project_find_diagram (ours, "cj-111");
  WmDiagram *t = wm_project_find_diagram (theirs, "cj-111");
  WmDiagram *m;
  WmRect bounds = { 200, 900, 180, 80 };
  WmItem *card;
  GPtrArray *stages;

  g_assert_true (wm_diagram_list_insert (o, "stages", 0, "discovery", "Discovery", NULL));
  g_assert_true (wm_diagram_list_rename (t, "stages", "consideration", "Comparing plans"));
  g_assert_true (wm_diagram_list_remove (o, "stages", "advocacy"));
  card = wm_test_add_node (t, "card", &bounds, "Refers a colleague");
  wm_test_set_property (t, card, "stage", "advocacy");
  merged = merge_ok (base, ours, theirs, &conflicts);
  m = wm_project_find_diagram (merged, "cj-111");
  stages = wm_diagram_get_list (m, "stages");
  g_assert_cmpstr (((WmListEntry *) stages->pdata[0])->id, ==, "discovery");
  g_assert_cmpstr (wm_diagram_find_entry (m, "stages", "consideration")->label, ==,
                   "Comparing plans");
  g_assert_nonnull (wm_diagram_find_entry (m, "stages", "advocacy"));
  g_assert_true (has_conflict (conflicts, NULL, "stages/advocacy"));
  g_assert_nonnull (wm_project_lookup_item (merged, card->id, NULL));
}

static void
test_merge_unrelated (void)
{
  g_autoptr(WmProject) a = make_base (2);
  g_autoptr(WmProject) b = make_base (2);
  g_autoptr(WmProject) merged = NULL;
  g_autoptr(GError) error = NULL;
  WmDiagram *other;

  /* A project whose only diagram is not one of the other's. */
  other = wm_project_add_diagram (b, "use-case", "Other", NULL);
  g_assert_nonnull (other);
  g_assert_true (wm_project_remove_diagram (b, first_diagram (b)));
  merged = wm_merge_projects (a, a, b, NULL, &error);
  g_assert_null (merged);
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID);
}

/* Randomised: two independent sequences of edits */

typedef enum
{
  OP_MOVE,
  OP_TEXT,
  OP_PROPERTY,
  OP_DELETE,
  OP_ADD_NODE,
  OP_ADD_LINK,
  N_OPS
} OpKind;

typedef struct
{
  OpKind  kind;
  char   *a;
  char   *b;
  int     dx, dy;
  char   *text;
  char   *created;  /* the id the edit made on its side */
} Op;

static void
op_free (Op *op)
{
  g_free (op->a);
  g_free (op->b);
  g_free (op->text);
  g_free (op->created);
  g_free (op);
}

static const char *
mapped (GHashTable *map,
        const char *id)
{
  const char *to = map ? g_hash_table_lookup (map, id) : NULL;

  return to ? to : id;
}

/* Applies @op to @project; on its own side (@map NULL) it notes the id an
 * addition made, on the replay it maps that id to the replay's. Returns
 * whether the model took the edit. */
static gboolean
apply_op (WmProject  *project,
          Op         *op,
          GHashTable *map)
{
  WmDiagram *diagram = first_diagram (project);
  const char *a = op->a ? mapped (map, op->a) : NULL;
  const char *ids[] = { a, NULL };
  WmItem *item = NULL;
  WmRect bounds = { op->dx, op->dy, 120, 70 };

  switch (op->kind)
    {
    case OP_MOVE:
      wm_diagram_move_items (diagram, ids, op->dx, op->dy);
      return TRUE;
    case OP_TEXT:
      return wm_diagram_set_text (diagram, a, op->text);
    case OP_PROPERTY:
      return wm_diagram_set_property (diagram, a, op->b, op->text, NULL);
    case OP_DELETE:
      return wm_diagram_remove_items (diagram, ids) > 0;
    case OP_ADD_NODE:
      item = wm_diagram_add_node (diagram, "process", &bounds, op->text, NULL);
      break;
    case OP_ADD_LINK:
      item = wm_diagram_add_link (diagram, "push", a, mapped (map, op->b), NULL);
      break;
    default:
      g_assert_not_reached ();
    }
  if (item == NULL)
    return FALSE;
  if (map == NULL)
    op->created = g_strdup (item->id);
  else
    g_hash_table_insert (map, g_strdup (op->created), g_strdup (item->id));
  return TRUE;
}

static Op *
random_op (GRand     *rand,
           GPtrArray *own,
           guint      side,
           guint      n)
{
  Op *op = g_new0 (Op, 1);
  const char *a = own->len ? own->pdata[g_rand_int_range (rand, 0, (int) own->len)] : NULL;

  op->kind = a ? (OpKind) g_rand_int_range (rand, 0, N_OPS) : OP_ADD_NODE;
  op->a = g_strdup (a);
  op->dx = g_rand_int_range (rand, -50, 50);
  op->dy = g_rand_int_range (rand, -50, 50);
  op->text = g_strdup_printf ("side %u edit %u", side, n);
  if (op->kind == OP_PROPERTY)
    {
      op->b = g_strdup (g_str_has_prefix (a, "process") ? "cycle-time" : "quantity");
      g_free (op->text);
      op->text = g_strdup_printf ("%d", g_rand_int_range (rand, 1, 1000));
    }
  else if (op->kind == OP_ADD_LINK)
    op->b = g_strdup (own->pdata[g_rand_int_range (rand, 0, (int) own->len)]);
  else if (op->kind == OP_ADD_NODE)
    op->dx = g_rand_int_range (rand, 0, 3000), op->dy = g_rand_int_range (rand, 2000, 3000);
  return op;
}

/* Runs @n random edits of the nodes in @own on @project, keeping @own up to
 * date, and returns the edits the model took. */
static GPtrArray *
run_side (WmProject *project,
          GRand     *rand,
          GPtrArray *own,
          guint      side,
          guint      n)
{
  GPtrArray *ops = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);

  for (guint i = 0; i < n; i++)
    {
      Op *op = random_op (rand, own, side, i);

      if (!apply_op (project, op, NULL))
        {
          op_free (op);
          continue;
        }
      if (op->kind == OP_DELETE)
        for (guint j = 0; j < own->len; j++)
          if (g_str_equal (own->pdata[j], op->a))
            g_ptr_array_remove_index_fast (own, j);
      if (op->kind == OP_ADD_NODE)
        g_ptr_array_add (own, g_strdup (op->created));
      g_ptr_array_add (ops, op);
    }
  return ops;
}

/* Whether @merged holds what @expected holds, items matched through @map
 * (a side's id -> the replay's). */
static void
assert_same_items (WmProject  *merged,
                   WmProject  *expected,
                   GHashTable *map)
{
  WmDiagram *m = first_diagram (merged);
  WmDiagram *e = first_diagram (expected);
  const char *refs[] = { "source", "target", "parent" };

  g_assert_cmpuint (wm_diagram_get_n_items (m), ==, wm_diagram_get_n_items (e));
  for (guint i = 0; i < wm_diagram_get_n_items (m); i++)
    {
      WmItem *item = wm_diagram_get_item (m, i);
      WmItem *other = wm_diagram_lookup (e, mapped (map, item->id));
      const char *keys[] = { "text", "position", "size", "points" };

      g_assert_nonnull (other);
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          g_autofree char *mv = wm_merge_item_value (item, keys[k]);
          g_autofree char *ev = wm_merge_item_value (other, keys[k]);
          g_assert_cmpstr (mv, ==, ev);
        }
      for (guint k = 0; k < item->type->n_props; k++)
        {
          g_autofree char *mv = wm_merge_item_value (item, item->type->props[k].name);
          g_autofree char *ev = wm_merge_item_value (other, item->type->props[k].name);
          g_assert_cmpstr (mv, ==, ev);
        }
      for (guint k = 0; k < G_N_ELEMENTS (refs); k++)
        {
          g_autofree char *mv = wm_merge_item_value (item, refs[k]);
          g_autofree char *ev = wm_merge_item_value (other, refs[k]);
          g_assert_cmpstr (mv ? mapped (map, mv) : NULL, ==, ev);
        }
    }
}

static void
run_random_round (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(WmProject) base = make_base (60);
  g_autoptr(WmProject) ours = copy_project (base);
  g_autoptr(WmProject) theirs = copy_project (base);
  g_autoptr(WmProject) expected = copy_project (base);
  g_autoptr(WmProject) merged = NULL;
  g_autoptr(WmProject) reread = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) own_ours = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) own_theirs = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *own[2] = { own_ours, own_theirs };
  g_autoptr(GPtrArray) shared = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) ops_ours = NULL;
  g_autoptr(GPtrArray) ops_theirs = NULL;
  g_autofree char *data = NULL;

  /* Nodes go to ours, theirs, or both (those the overlapping edits touch). */
  for (guint i = 0; i < 30; i++)
    {
      guint to = g_rand_int_range (rand, 0, 5);
      char *id = g_strdup (node_id (base, i));

      g_ptr_array_add (to < 2 ? own[to] : to == 2 ? shared : own[to - 3], id);
    }
  ops_ours = run_side (ours, rand, own[0], 0, 40);
  ops_theirs = run_side (theirs, rand, own[1], 1, 40);
  g_assert_cmpuint (ops_ours->len + ops_theirs->len, >, 40);

  /* The disjoint edits, replayed one after the other, are what the merge must give. */
  for (guint i = 0; i < ops_ours->len; i++)
    g_assert_true (apply_op (expected, ops_ours->pdata[i], map));
  for (guint i = 0; i < ops_theirs->len; i++)
    g_assert_true (apply_op (expected, ops_theirs->pdata[i], map));
  merged = merge_ok (base, ours, theirs, &conflicts);
  g_assert_cmpuint (conflicts->len, ==, 0);
  assert_same_items (merged, expected, map);

  /* Now overlapping touches: each is a conflict. */
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  g_clear_object (&merged);
  for (guint i = 0; i < shared->len; i++)
    {
      const char *id = shared->pdata[i];
      g_autofree char *mine = g_strdup_printf ("ours %u", i);
      g_autofree char *yours = g_strdup_printf ("theirs %u", i);

      g_assert_true (wm_diagram_set_text (first_diagram (theirs), id, yours));
      if (i % 2 == 0)
        g_assert_true (wm_diagram_set_text (first_diagram (ours), id, mine));
      else
        wm_diagram_remove_items (first_diagram (ours), (const char *[]) { id, NULL });
    }
  merged = merge_ok (base, ours, theirs, &conflicts);
  for (guint i = 0; i < shared->len; i++)
    g_assert_true (has_conflict (conflicts, shared->pdata[i], i % 2 == 0 ? "text" : NULL));
  data = wm_test_serialize (merged);
  reread = copy_project (merged);
  g_assert_cmpuint (wm_project_get_conflicts (reread)->len, ==, conflicts->len);
}

static void
test_merge_random (void)
{
  guint32 seed = g_test_rand_int ();

  for (guint round = 0; round < 20; round++)
    {
      g_test_message ("seed %u", seed + round);
      run_random_round (seed + round);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/text/lines", test_merge_text);
  g_test_add_func ("/merge/project/disjoint", test_merge_disjoint);
  g_test_add_func ("/merge/project/same-change", test_merge_same_change);
  g_test_add_func ("/merge/project/conflict-resolve", test_merge_conflict_resolve);
  g_test_add_func ("/merge/project/text-lines", test_merge_lines);
  g_test_add_func ("/merge/project/delete-edit", test_merge_delete_edit);
  g_test_add_func ("/merge/project/lists", test_merge_lists);
  g_test_add_func ("/merge/project/unrelated", test_merge_unrelated);
  g_test_add_func ("/merge/project/random", test_merge_random);
  return g_test_run ();
}
