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
set_every_property (WmDiagram  *diagram,
                    WmItem     *item,
                    const char *ref_target)
{
  for (guint p = 0; p < item->type->n_props; p++)
    {
      const WmPropSpec *spec = &item->type->props[p];
      g_autofree char *value = wm_test_sample_value (diagram, spec, ref_target, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *back = NULL;

      g_assert_true (wm_diagram_set_property (diagram, item->id, spec->name, value, &error));
      g_assert_no_error (error);
      g_assert_true (wm_item_has_value (item, spec->name));
      back = wm_value_to_string (spec, wm_item_get_value (item, spec->name, NULL));
      if (spec->type == WM_PROP_COLOR)
        g_assert_cmpstr (back, ==, value);
      else if (spec->type != WM_PROP_NUMBER && spec->type != WM_PROP_INTEGER)
        g_assert_cmpstr (back, ==, value);
      else
        g_assert_cmpfloat (g_ascii_strtod (back, NULL), ==, g_ascii_strtod (value, NULL));
    }
}

static WmItem *
create_item (WmDiagram        *diagram,
             const WmItemType *type,
             WmItem          **anchor)
{
  const WmNotation *notation = wm_diagram_get_notation (diagram);
  g_autoptr(GError) error = NULL;
  WmItem *item;

  if (type->kind == WM_ITEM_NODE)
    {
      item = wm_diagram_add_node (diagram, type->id, NULL, "Name «ü» & co", &error);
      *anchor = item;
    }
  else
    {
      const WmItemType *source_type, *target_type;
      WmItem *source, *target;
      WmRect right = { 400, 0, 0, 0 };

      /* Every link type must be drawable between some pair of node types. */
      g_assert_true (wm_test_find_link_ends (notation, type, &source_type, &target_type));
      source = wm_diagram_add_node (diagram, source_type->id, NULL, "Source", &error);
      right.width = target_type->width;
      right.height = target_type->height;
      target = wm_diagram_add_node (diagram, target_type->id, &right, "Target", &error);
      item = wm_diagram_add_link (diagram, type->id, source->id, target->id, &error);
      *anchor = source;
    }
  g_assert_no_error (error);
  g_assert_nonnull (item);
  g_assert_true (item->type == type);
  if (type->kind == WM_ITEM_NODE)
    {
      g_assert_cmpfloat (item->bounds.width, ==, type->width);
      g_assert_cmpfloat (item->bounds.height, >, 0);
    }
  return item;
}

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

  item = create_item (diagram, contract->type, &anchor);
  item_id = g_strdup (item->id);
  g_assert_true (wm_diagram_lookup (diagram, item_id) == item);
  g_assert_true (wm_project_lookup_item (project, item_id, NULL) == item);
  set_every_property (diagram, item, target->id);
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

      for (guint t = 0; t < notation->n_node_types + notation->n_link_types; t++)
        {
          Contract *contract = g_new0 (Contract, 1);
          g_autofree char *path = NULL;

          contract->notation = notation;
          contract->type = t < notation->n_node_types
                             ? &notation->node_types[t]
                             : &notation->link_types[t - notation->n_node_types];
          path = g_strdup_printf ("/contract/%s/%s/%s", notation->id,
                                  contract->type->kind == WM_ITEM_NODE ? "node" : "link",
                                  contract->type->id);
          g_test_add_data_func_full (path, contract, test_contract, g_free);
        }
    }

  return g_test_run ();
}
