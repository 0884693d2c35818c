/* test-contract.c — every node and link type of every notation through
 * create, property edits, save, load and undo
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-test-util.h"

typedef struct
{
  const WmNotation *notation;
  const WmItemType *type;
} Contract;

static void
test_contract (gconstpointer data)
{
  const Contract *contract = data;
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(WmProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = wm_test_serialize (project);
  g_autofree char *saved = NULL;
  g_autofree char *resaved = NULL;
  g_autofree char *item_id = NULL;
  WmDiagram *diagram, *other;
  WmItem *item, *anchor = NULL, *target, *copy;

  diagram = wm_project_add_diagram (project, contract->notation->id, "Contract", &error);
  other = wm_project_add_diagram (project, "business-model-canvas", "Elsewhere", &error);
  g_assert_no_error (error);
  target = wm_diagram_add_node (other, "note", NULL, "Referenced", &error);

  item = wm_test_create_item (diagram, contract->type, &anchor);
  item_id = g_strdup (item->id);
  /* Adding it is an undo step named by its type's own sentence, "Add Actor". */
  g_assert_nonnull (contract->type->add_label);
  g_assert_cmpstr (wm_project_get_undo_label (project), ==, contract->type->add_label);
  g_assert_true (wm_diagram_lookup (diagram, item_id) == item);
  g_assert_true (wm_project_lookup_item (project, item_id, NULL) == item);
  wm_test_set_every_property (diagram, item, target->id);
  g_assert_true (wm_diagram_set_text (diagram, item_id, "Renamed\nover two lines"));

  /* Save and load give back the same item and the same bytes. */
  saved = wm_test_serialize (project);
  reloaded = wm_project_load_from_data (saved, strlen (saved), "contract.waymark", &error);
  g_assert_no_error (error);
  copy = wm_project_lookup_item (reloaded, item_id, NULL);
  g_assert_nonnull (copy);
  g_assert_true (wm_item_equal (copy, item));
  resaved = wm_test_serialize (reloaded);
  g_assert_cmpstr (resaved, ==, saved);

  /* The project's checks run over every type without complaint about references. */
  {
    g_autoptr(GPtrArray) problems = wm_project_check (reloaded);
    for (guint i = 0; i < problems->len; i++)
      g_assert_null (strstr (((WmProblem *) g_ptr_array_index (problems, i))->message,
                             "no longer exists"));
  }

  /* Undo takes the project back to empty, redo to the saved state. */
  while (wm_project_can_undo (project))
    g_assert_true (wm_project_undo (project));
  {
    g_autofree char *undone = wm_test_serialize (project);
    g_assert_cmpstr (undone, ==, empty);
  }
  while (wm_project_can_redo (project))
    g_assert_true (wm_project_redo (project));
  {
    g_autofree char *redone = wm_test_serialize (project);
    g_assert_cmpstr (redone, ==, saved);
  }
  (void) anchor;
}

int
main (int   argc,
      char *argv[])
{
  guint n_notations;
  const WmNotation *const *notations = wm_notations_get_all (&n_notations);

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < n_notations; i++)
    {
      const WmNotation *notation = notations[i];

      for (guint t = 0; t < wm_notation_get_n_item_types (notation); t++)
        {
          Contract *contract = g_new0 (Contract, 1);
          g_autofree char *path = NULL;

          contract->notation = notation;
          contract->type = wm_notation_get_item_type (notation, t);
          path = g_strdup_printf ("/contract/%s/%s/%s", notation->id,
                                  contract->type->kind == WM_ITEM_NODE ? "node" : "link",
                                  contract->type->id);
          g_test_add_data_func_full (path, contract, test_contract, g_free);
        }
    }

  return g_test_run ();
}
