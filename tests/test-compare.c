/* test-compare.c — ids that do not collide, and what changed between two projects
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-test-util.h"

static WmProject *
copy_project (WmProject *project)
{
  g_autofree char *text = wm_test_serialize (project);
  g_autoptr(GError) error = NULL;
  WmProject *copy = wm_project_load_from_data (text, strlen (text), "copy", &error);

  g_assert_no_error (error);
  return copy;
}

static WmItem *
add_note (WmDiagram *diagram,
          double     x)
{
  return wm_test_add_node (diagram, "note", &(WmRect) { x, 900, 120, 80 }, "A note");
}

/* Ids */

static gboolean
is_random_id (const char *id,
              const char *prefix)
{
  const char *suffix = id + strlen (prefix) + 1;

  if (!g_str_has_prefix (id, prefix) || id[strlen (prefix)] != '-' || strlen (suffix) != 8)
    return FALSE;
  for (const char *p = suffix; *p; p++)
    if (strchr ("0123456789abcdefghjkmnpqrstvwxyz", *p) == NULL)
      return FALSE;
  return TRUE;
}

static void
test_ids_form (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmDiagram *bmc = wm_project_find_diagram (project, "bmc-1");
  g_autoptr(GError) error = NULL;
  WmDiagram *added = wm_project_add_diagram (project, "use-case", "Added", &error);
  WmItem *note = add_note (bmc, 0);

  g_assert_no_error (error);
  g_assert_true (is_random_id (note->id, "note"));
  g_assert_true (is_random_id (wm_diagram_get_id (added), wm_diagram_get_notation (added)->id_prefix));
  /* Ids read from the file stay as they are. */
  g_assert_nonnull (wm_project_lookup_item (project, "use-case-43", NULL));
  g_assert_nonnull (wm_project_lookup_item (project, "note-2", NULL));
}

static GHashTable *
new_ids (WmProject *base,
         WmProject *project)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);

      for (guint j = 0; j < wm_diagram_get_n_items (diagram); j++)
        {
          WmItem *item = wm_diagram_get_item (diagram, j);

          if (wm_project_lookup_item (base, item->id, NULL) == NULL)
            g_hash_table_add (ids, item->id);
        }
    }
  return ids;
}

/* Two analysts each add 1 000 items to their copy of one project: no id
 * is made twice, so a merge by id keeps both sides' items apart. */
static void
test_ids_no_collision (void)
{
  g_autoptr(WmProject) base = wm_test_load_sample ();
  g_autoptr(WmProject) ours = copy_project (base);
  g_autoptr(WmProject) theirs = copy_project (base);
  g_autoptr(GHashTable) our_ids = NULL;
  g_autoptr(GHashTable) their_ids = NULL;
  GHashTableIter iter;
  gpointer id;

  for (guint i = 0; i < 1000; i++)
    {
      add_note (wm_project_find_diagram (ours, "bmc-1"), i);
      add_note (wm_project_find_diagram (theirs, "bmc-1"), i);
    }
  our_ids = new_ids (base, ours);
  their_ids = new_ids (base, theirs);
  g_assert_cmpuint (g_hash_table_size (our_ids), ==, 1000);
  g_assert_cmpuint (g_hash_table_size (their_ids), ==, 1000);
  g_hash_table_iter_init (&iter, our_ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_assert_false (g_hash_table_contains (their_ids, id));
}

/* An id freed by a delete is never made again while undo could bring its
 * owner back, however many ids are made meanwhile. */
static void
test_ids_not_reused (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (project, "business-model-canvas", "B", &error);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < 2000; i++)
    {
      WmItem *note = add_note (diagram, 0);
      const char *ids[] = { note->id, NULL };

      g_assert_true (g_hash_table_add (seen, g_strdup (note->id)));
      wm_diagram_remove_items (diagram, ids);
    }
}

/* Determinism stays: the same project writes the same bytes, and reading
 * them back writes them again. */
static void
test_ids_deterministic (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *again = NULL;
  g_autoptr(WmProject) reread = NULL;

  add_note (wm_project_find_diagram (project, "bmc-1"), 10);
  first = wm_test_serialize (project);
  second = wm_test_serialize (project);
  g_assert_cmpstr (first, ==, second);
  reread = copy_project (project);
  again = wm_test_serialize (reread);
  g_assert_cmpstr (first, ==, again);
}

/* Comparisons */

static const WmDifference *
find_change (const WmComparison *comparison,
             WmDiffScope         scope,
             const char         *id,
             const char         *property)
{
  for (guint i = 0; i < wm_comparison_get_n_changes (comparison); i++)
    {
      const WmDifference *change = wm_comparison_get_change (comparison, i);

      if (change->scope == scope && g_strcmp0 (change->id, id) == 0 &&
          g_strcmp0 (change->property, property) == 0)
        return change;
    }
  return NULL;
}

static void
assert_change (const WmComparison *comparison,
               WmDiffScope         scope,
               const char         *id,
               const char         *property,
               WmDiffKind          kind,
               const char         *old_value,
               const char         *new_value)
{
  const WmDifference *change = find_change (comparison, scope, id, property);

  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, kind);
  g_assert_cmpstr (change->old_value, ==, old_value);
  g_assert_cmpstr (change->new_value, ==, new_value);
}

static void
test_compare_equal (void)
{
  g_autoptr(WmProject) a = wm_test_load_sample ();
  g_autoptr(WmProject) b = wm_test_load_sample ();
  g_autoptr(WmComparison) comparison = wm_compare_projects (a, b);

  g_assert_true (wm_comparison_is_empty (comparison));
  g_assert_cmpuint (wm_comparison_get_n_changes (comparison), ==, 0);
  g_assert_null (wm_comparison_get_changed_diagrams (comparison)[0]);
}

static void
test_compare_items (void)
{
  g_autoptr(WmProject) old_project = wm_test_load_sample ();
  g_autoptr(WmProject) new_project = copy_project (old_project);
  WmDiagram *vsm = wm_project_find_diagram (new_project, "vsm-73");
  const char *moved[] = { "process-78", NULL };
  const char *removed[] = { "push-93", NULL };
  g_autoptr(WmComparison) comparison = NULL;
  g_autoptr(GPtrArray) item_changes = NULL;
  WmItem *note;
  const WmDifference *move;

  wm_diagram_set_text (vsm, "process-78", "Roasting beans");
  wm_test_set_property (vsm, wm_diagram_lookup (vsm, "process-78"), "cycle-time", "31");
  wm_diagram_move_items (vsm, moved, 30, -40);
  wm_diagram_set_bounds (vsm, "process-77", &(WmRect) { 10, 20, 300, 400 });
  wm_diagram_remove_items (vsm, removed);
  note = add_note (vsm, 0);

  comparison = wm_compare_projects (old_project, new_project);
  g_assert_false (wm_comparison_is_empty (comparison));
  assert_change (comparison, WM_DIFF_ITEM, "process-78", "text", WM_DIFF_MODIFIED,
                 "Roasting", "Roasting beans");
  assert_change (comparison, WM_DIFF_ITEM, "process-78", "cycle-time", WM_DIFF_MODIFIED,
                 "27", "31");
  move = find_change (comparison, WM_DIFF_ITEM, "process-78", NULL);
  g_assert_nonnull (move);
  g_assert_cmpint (move->kind, ==, WM_DIFF_MOVED);
  g_assert_cmpfloat (move->dx, ==, 30);
  g_assert_cmpfloat (move->dy, ==, -40);
  g_assert_null (find_change (comparison, WM_DIFF_ITEM, "process-78", "bounds"));
  /* A resize is not a move: the whole bounds are reported. */
  g_assert_cmpint (find_change (comparison, WM_DIFF_ITEM, "process-77", "bounds")->kind, ==,
                   WM_DIFF_MODIFIED);
  g_assert_cmpstr (find_change (comparison, WM_DIFF_ITEM, "process-77", "bounds")->new_value,
                   ==, "10 20 300 400");
  assert_change (comparison, WM_DIFF_ITEM, "push-93", NULL, WM_DIFF_REMOVED, NULL, NULL);
  assert_change (comparison, WM_DIFF_ITEM, note->id, NULL, WM_DIFF_ADDED, NULL, NULL);

  g_assert_cmpint (wm_comparison_item_diff (comparison, "vsm-73", "process-78"), ==,
                   WM_ITEM_DIFF_CHANGED);
  g_assert_cmpint (wm_comparison_item_diff (comparison, "vsm-73", "push-93"), ==,
                   WM_ITEM_DIFF_REMOVED);
  g_assert_cmpint (wm_comparison_item_diff (comparison, "vsm-73", note->id), ==,
                   WM_ITEM_DIFF_ADDED);
  g_assert_cmpint (wm_comparison_item_diff (comparison, "vsm-73", "push-94"), ==,
                   WM_ITEM_DIFF_SAME);
  item_changes = wm_comparison_item_changes (comparison, "vsm-73", "process-78");
  g_assert_cmpuint (item_changes->len, ==, 3);
  g_assert_cmpstr (wm_comparison_get_changed_diagrams (comparison)[0], ==, "vsm-73");
  g_assert_null (wm_comparison_get_changed_diagrams (comparison)[1]);
}

static void
test_compare_move_only (void)
{
  g_autoptr(WmProject) old_project = wm_test_load_sample ();
  g_autoptr(WmProject) new_project = copy_project (old_project);
  const char *ids[] = { "note-2", NULL };
  g_autoptr(WmComparison) comparison = NULL;

  wm_diagram_move_items (wm_project_find_diagram (new_project, "bmc-1"), ids, 3, 4);
  comparison = wm_compare_projects (old_project, new_project);
  g_assert_cmpuint (wm_comparison_get_n_changes (comparison), ==, 1);
  g_assert_cmpint (wm_comparison_item_diff (comparison, "bmc-1", "note-2"), ==,
                   WM_ITEM_DIFF_MOVED);
  g_assert_cmpfloat (hypot (wm_comparison_get_change (comparison, 0)->dx,
                            wm_comparison_get_change (comparison, 0)->dy), ==, 5);
}

static void
test_compare_diagrams (void)
{
  g_autoptr(WmProject) old_project = wm_test_load_sample ();
  g_autoptr(WmProject) new_project = copy_project (old_project);
  WmDiagram *journey = wm_project_find_diagram (new_project, "cj-111");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmComparison) comparison = NULL;
  WmDiagram *added;
  const char *const *changed;

  wm_project_set_title (new_project, "Bean Box 2");
  wm_diagram_rename (journey, "Maya’s journey");
  g_assert_true (wm_diagram_set_field (journey, "persona", "Maya", &error));
  g_assert_true (wm_diagram_list_insert (journey, "stages", 5, "renewal", "Renewal", &error));
  g_assert_true (wm_diagram_list_rename (journey, "stages", "awareness", "Discovery"));
  g_assert_true (wm_diagram_list_remove (journey, "lanes", "kpis"));
  g_assert_true (wm_diagram_list_move (journey, "lanes", "actions", 3));
  g_assert_true (wm_project_remove_diagram (new_project,
                                            wm_project_find_diagram (new_project, "vpc-186")));
  added = wm_project_add_diagram (new_project, "use-case", "Returns", &error);
  g_assert_no_error (error);

  comparison = wm_compare_projects (old_project, new_project);
  assert_change (comparison, WM_DIFF_PROJECT, NULL, "title", WM_DIFF_MODIFIED,
                 "Bean Box — coffee subscription", "Bean Box 2");
  assert_change (comparison, WM_DIFF_DIAGRAM, NULL, "name", WM_DIFF_MODIFIED,
                 "Subscriber journey", "Maya’s journey");
  assert_change (comparison, WM_DIFF_DIAGRAM, NULL, "persona", WM_DIFF_MODIFIED,
                 "Maya, home brewer", "Maya");
  assert_change (comparison, WM_DIFF_ENTRY, "renewal", NULL, WM_DIFF_ADDED, NULL, "Renewal");
  assert_change (comparison, WM_DIFF_ENTRY, "awareness", "label", WM_DIFF_MODIFIED,
                 "Awareness", "Discovery");
  assert_change (comparison, WM_DIFF_ENTRY, "kpis", NULL, WM_DIFF_REMOVED, "KPIs", NULL);
  g_assert_nonnull (find_change (comparison, WM_DIFF_ENTRY, "actions", "position"));
  /* An insertion before them does not move the others. */
  g_assert_null (find_change (comparison, WM_DIFF_ENTRY, "advocacy", "position"));

  changed = wm_comparison_get_changed_diagrams (comparison);
  g_assert_cmpstr (changed[0], ==, "cj-111");
  g_assert_cmpstr (changed[1], ==, wm_diagram_get_id (added));
  g_assert_cmpstr (changed[2], ==, "vpc-186");
  g_assert_null (changed[3]);
  g_assert_cmpint (wm_comparison_item_diff (comparison, "vpc-186",
                   wm_diagram_get_item (wm_project_find_diagram (old_project, "vpc-186"), 0)->id),
                   ==, WM_ITEM_DIFF_REMOVED);
}

/* Random edits through the model API; the comparison must find exactly the
 * items that wm_item_equal() says differ, and be empty exactly when the two
 * projects write the same bytes. */
static void
random_edit (WmProject *project,
             GRand     *rand)
{
  WmDiagram *diagram = wm_project_get_diagram (project,
                                               g_rand_int_range (rand, 0, (int) wm_project_get_n_diagrams (project)));
  const WmNotation *notation = wm_diagram_get_notation (diagram);
  guint n = wm_diagram_get_n_items (diagram);
  WmItem *item = n > 0 ? wm_diagram_get_item (diagram, g_rand_int_range (rand, 0, (int) n)) : NULL;
  g_autofree char *id = item ? g_strdup (item->id) : NULL;
  const char *ids[] = { id, NULL };
  WmItem *anchor = NULL;

  switch (item ? g_rand_int_range (rand, 0, 6) : 0)
    {
    case 0:
      wm_test_create_item (diagram, &notation->node_types[g_rand_int_range (rand, 0, (int) notation->n_node_types)], &anchor);
      break;
    case 1:
      wm_diagram_set_text (diagram, id, g_rand_boolean (rand) ? "Changed" : "Changed\nagain");
      break;
    case 2:
      wm_diagram_move_items (diagram, ids, g_rand_int_range (rand, -50, 50), g_rand_int_range (rand, -50, 50));
      break;
    case 3:
      wm_diagram_remove_items (diagram, ids);
      break;
    case 4:
      if (item->type->n_props > 0)
        {
          const WmPropSpec *spec = &item->type->props[g_rand_int_range (rand, 0, (int) item->type->n_props)];
          g_autofree char *value = wm_test_sample_value (diagram, spec, id, rand);

          wm_diagram_set_property (diagram, id, spec->name, value, NULL);
        }
      break;
    default:
      wm_diagram_restack (diagram, id, 0);
      break;
    }
}

static void
check_against_model (WmProject *a,
                     WmProject *b)
{
  g_autoptr(WmComparison) comparison = wm_compare_projects (a, b);
  g_autofree char *text_a = wm_test_serialize (a);
  g_autofree char *text_b = wm_test_serialize (b);

  g_assert_cmpint (wm_comparison_is_empty (comparison), ==, g_str_equal (text_a, text_b));
  for (guint i = 0; i < wm_project_get_n_diagrams (b); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (b, i);
      WmDiagram *before = wm_project_find_diagram (a, wm_diagram_get_id (diagram));

      for (guint j = 0; j < wm_diagram_get_n_items (diagram); j++)
        {
          WmItem *item = wm_diagram_get_item (diagram, j);
          WmItem *old = wm_diagram_lookup (before, item->id);
          WmItemDiff diff = wm_comparison_item_diff (comparison, wm_diagram_get_id (diagram), item->id);

          if (old == NULL)
            g_assert_cmpint (diff, ==, WM_ITEM_DIFF_ADDED);
          else
            g_assert_cmpint (diff == WM_ITEM_DIFF_SAME, ==, wm_item_equal (old, item));
        }
      for (guint j = 0; j < wm_diagram_get_n_items (before); j++)
        {
          WmItem *old = wm_diagram_get_item (before, j);

          if (wm_diagram_lookup (diagram, old->id) == NULL)
            g_assert_cmpint (wm_comparison_item_diff (comparison, wm_diagram_get_id (diagram), old->id),
                             ==, WM_ITEM_DIFF_REMOVED);
        }
    }
}

static void
test_compare_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(WmProject) base = wm_test_load_sample ();

  for (guint round = 0; round < 30; round++)
    {
      g_autoptr(WmProject) edited = copy_project (base);
      guint n_edits = g_rand_int_range (rand, 0, 12);

      for (guint i = 0; i < n_edits; i++)
        random_edit (edited, rand);
      check_against_model (base, edited);
      check_against_model (edited, base);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ids/form", test_ids_form);
  g_test_add_func ("/ids/no-collision", test_ids_no_collision);
  g_test_add_func ("/ids/not-reused", test_ids_not_reused);
  g_test_add_func ("/ids/deterministic", test_ids_deterministic);
  g_test_add_func ("/compare/equal", test_compare_equal);
  g_test_add_func ("/compare/items", test_compare_items);
  g_test_add_func ("/compare/move-only", test_compare_move_only);
  g_test_add_func ("/compare/diagrams", test_compare_diagrams);
  g_test_add_func ("/compare/random", test_compare_random);
  return g_test_run ();
}
