/* test-history-random.c — hundreds of random edits, undone and redone exactly
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-test-util.h"

#define N_EDITS 400

typedef struct
{
  WmProject *project;
  GRand     *rand;
} Fuzz;

static WmDiagram *
pick_diagram (Fuzz *fuzz)
{
  guint n = wm_project_get_n_diagrams (fuzz->project);

  return n ? wm_project_get_diagram (fuzz->project, g_rand_int_range (fuzz->rand, 0, (int) n))
           : NULL;
}

static WmItem *
pick_item (Fuzz      *fuzz,
           WmDiagram *diagram,
           WmItemKind kind)
{
  guint n = wm_diagram_get_n_items (diagram);

  for (guint tries = 0; n > 0 && tries < 20; tries++)
    {
      WmItem *item = wm_diagram_get_item (diagram, g_rand_int_range (fuzz->rand, 0, (int) n));
      if (item->type->kind == kind)
        return item;
    }
  return NULL;
}

static void
edit_add_node (Fuzz      *fuzz,
               WmDiagram *diagram)
{
  const WmNotation *notation = wm_diagram_get_notation (diagram);
  const WmItemType *type =
    &notation->node_types[g_rand_int_range (fuzz->rand, 0, (int) notation->n_node_types)];
  WmRect bounds = { g_rand_int_range (fuzz->rand, 0, 2000), g_rand_int_range (fuzz->rand, 0, 1500),
                    type->width, type->height };
  g_autofree char *text = g_strdup_printf ("%s %u", type->id, g_rand_int (fuzz->rand) % 100);

  g_assert_nonnull (wm_diagram_add_node (diagram, type->id, &bounds, text, NULL));
}

static void
edit_add_link (Fuzz      *fuzz,
               WmDiagram *diagram)
{
  const WmNotation *notation = wm_diagram_get_notation (diagram);
  WmItem *a = pick_item (fuzz, diagram, WM_ITEM_NODE);
  WmItem *b = pick_item (fuzz, diagram, WM_ITEM_NODE);
  g_autoptr(GPtrArray) allowed = NULL;

  if (a == NULL || b == NULL)
    return;
  allowed = wm_notation_allowed_links (notation, a->type, b->type);
  if (allowed->len > 0)
    {
      const WmItemType *type = g_ptr_array_index (allowed, g_rand_int_range (fuzz->rand, 0,
                                                                             (int) allowed->len));
      g_assert_nonnull (wm_diagram_add_link (diagram, type->id, a->id, b->id, NULL));
    }
}

static void
edit_remove (Fuzz      *fuzz,
             WmDiagram *diagram)
{
  WmItem *item = pick_item (fuzz, diagram, g_rand_boolean (fuzz->rand) ? WM_ITEM_NODE : WM_ITEM_LINK);
  const char *ids[] = { item ? item->id : NULL, NULL };

  if (item != NULL)
    g_assert_cmpuint (wm_diagram_remove_items (diagram, ids), >, 0);
}

static void
edit_move (Fuzz      *fuzz,
           WmDiagram *diagram)
{
  WmItem *a = pick_item (fuzz, diagram, WM_ITEM_NODE);
  WmItem *b = pick_item (fuzz, diagram, WM_ITEM_NODE);
  const char *ids[] = { a ? a->id : NULL, b ? b->id : NULL, NULL };

  wm_diagram_move_items (diagram, ids, g_rand_int_range (fuzz->rand, -50, 50),
                         g_rand_int_range (fuzz->rand, -50, 50));
}

static void
edit_property (Fuzz      *fuzz,
               WmDiagram *diagram)
{
  WmItem *item = pick_item (fuzz, diagram, g_rand_boolean (fuzz->rand) ? WM_ITEM_NODE : WM_ITEM_LINK);
  WmItem *other = pick_item (fuzz, pick_diagram (fuzz), WM_ITEM_NODE);
  const WmPropSpec *spec;
  g_autofree char *value = NULL;

  if (item == NULL || item->type->n_props == 0)
    return;
  spec = &item->type->props[g_rand_int_range (fuzz->rand, 0, (int) item->type->n_props)];
  value = wm_test_sample_value (diagram, spec, other ? other->id : NULL, fuzz->rand);
  g_assert_true (wm_diagram_set_property (diagram, item->id, spec->name,
                                          g_rand_int_range (fuzz->rand, 0, 8) ? value : NULL, NULL));
}

static void
edit_item_misc (Fuzz      *fuzz,
                WmDiagram *diagram)
{
  WmItem *item = pick_item (fuzz, diagram, WM_ITEM_NODE);
  WmItem *link = pick_item (fuzz, diagram, WM_ITEM_LINK);
  WmPoint points[2] = { { 10, 20 }, { g_rand_double (fuzz->rand) * 100, 5.5 } };

  switch (g_rand_int_range (fuzz->rand, 0, 5))
    {
    case 0:
      if (item)
        wm_diagram_set_text (diagram, item->id, g_rand_boolean (fuzz->rand) ? "One" : "Two\nlines");
      break;
    case 1:
      if (item)
        wm_diagram_restack (diagram, item->id, g_rand_int_range (fuzz->rand, 0, 50));
      break;
    case 2:
      if (link)
        wm_diagram_set_points (diagram, link->id, points, g_rand_int_range (fuzz->rand, 0, 3));
      break;
    case 3:
      if (item && item->type->container == FALSE)
        {
          WmItem *parent = pick_item (fuzz, diagram, WM_ITEM_NODE);
          wm_diagram_set_parent (diagram, item->id, parent && parent->type->container ? parent->id : NULL,
                                 NULL);
        }
      break;
    default:
      if (item)
        {
          WmRect bounds = item->bounds;
          bounds.width += g_rand_int_range (fuzz->rand, 1, 30);
          wm_diagram_set_bounds (diagram, item->id, &bounds);
        }
      break;
    }
}

static void
edit_header (Fuzz      *fuzz,
             WmDiagram *diagram)
{
  const WmNotation *notation = wm_diagram_get_notation (diagram);
  g_autofree char *id = g_strdup_printf ("entry-%u", g_rand_int (fuzz->rand) % 1000);

  switch (g_rand_int_range (fuzz->rand, 0, 4))
    {
    case 0:
      wm_diagram_rename (diagram, g_rand_boolean (fuzz->rand) ? "Renamed" : "Другое имя");
      break;
    case 1:
      if (notation->n_props > 0)
        {
          const WmPropSpec *spec = &notation->props[g_rand_int_range (fuzz->rand, 0, (int) notation->n_props)];
          g_autofree char *value = wm_test_sample_value (diagram, spec, NULL, fuzz->rand);
          wm_diagram_set_field (diagram, spec->name, value, NULL);
        }
      break;
    case 2:
      if (notation->n_lists > 0)
        wm_diagram_list_insert (diagram, notation->lists[0].name, g_rand_int_range (fuzz->rand, 0, 9),
                                id, "New entry", NULL);
      break;
    default:
      if (notation->n_lists > 0)
        {
          GPtrArray *list = wm_diagram_get_list (diagram, notation->lists[0].name);
          if (list->len > 0)
            {
              WmListEntry *entry = g_ptr_array_index (list, g_rand_int_range (fuzz->rand, 0, (int) list->len));
              if (g_rand_boolean (fuzz->rand))
                wm_diagram_list_move (diagram, notation->lists[0].name, entry->id, 0);
              else
                wm_diagram_list_remove (diagram, notation->lists[0].name, entry->id);
            }
        }
      break;
    }
}

static void
edit_project (Fuzz *fuzz)
{
  guint n_notations;
  const WmNotation *const *notations = wm_notations_get_all (&n_notations);
  WmDiagram *diagram = pick_diagram (fuzz);

  switch (g_rand_int_range (fuzz->rand, 0, 4))
    {
    case 0:
      wm_project_add_diagram (fuzz->project,
                              notations[g_rand_int_range (fuzz->rand, 0, (int) n_notations)]->id,
                              NULL, NULL);
      break;
    case 1:
      if (diagram && wm_project_get_n_diagrams (fuzz->project) > 2)
        wm_project_remove_diagram (fuzz->project, diagram);
      break;
    case 2:
      if (diagram)
        wm_project_move_diagram (fuzz->project, diagram, 0);
      break;
    default:
      wm_project_set_title (fuzz->project, g_rand_boolean (fuzz->rand) ? "Bean Box" : "Title");
      break;
    }
}

static void
random_edit (Fuzz *fuzz)
{
  WmDiagram *diagram = pick_diagram (fuzz);
  int choice = g_rand_int_range (fuzz->rand, 0, 100);

  if (diagram == NULL || choice < 4)
    edit_project (fuzz);
  else if (choice < 30)
    edit_add_node (fuzz, diagram);
  else if (choice < 45)
    edit_add_link (fuzz, diagram);
  else if (choice < 55)
    edit_remove (fuzz, diagram);
  else if (choice < 65)
    edit_move (fuzz, diagram);
  else if (choice < 80)
    edit_property (fuzz, diagram);
  else if (choice < 93)
    edit_item_misc (fuzz, diagram);
  else
    edit_header (fuzz, diagram);
}

static void
test_random_edits (gconstpointer data)
{
  guint32 seed = GPOINTER_TO_UINT (data);
  Fuzz fuzz = { wm_project_new (), g_rand_new_with_seed (seed) };
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *start = NULL;

  g_test_message ("seed %u", seed);
  for (guint i = 0; i < 2; i++)
    wm_project_add_diagram (fuzz.project, wm_notations_get_all (NULL)[i * 2]->id, NULL, NULL);
  wm_project_clear_history (fuzz.project);
  start = wm_test_serialize (fuzz.project);
  g_ptr_array_add (states, g_strdup (start));

  /* Each edit that changes something is one undo step; remember every state. */
  for (guint i = 0; i < N_EDITS; i++)
    {
      g_autofree char *now = NULL;

      wm_project_break_merge (fuzz.project);
      random_edit (&fuzz);
      now = wm_test_serialize (fuzz.project);
      if (!g_str_equal (now, g_ptr_array_index (states, states->len - 1)))
        g_ptr_array_add (states, g_steal_pointer (&now));
    }
  g_assert_cmpuint (states->len, >, N_EDITS / 2);

  for (guint i = states->len - 1; i > 0; i--)
    {
      g_autofree char *now = NULL;

      g_assert_true (wm_project_undo (fuzz.project));
      now = wm_test_serialize (fuzz.project);
      g_assert_cmpstr (now, ==, g_ptr_array_index (states, i - 1));
    }
  g_assert_false (wm_project_can_undo (fuzz.project));

  for (guint i = 1; i < states->len; i++)
    {
      g_autofree char *now = NULL;

      g_assert_true (wm_project_redo (fuzz.project));
      now = wm_test_serialize (fuzz.project);
      g_assert_cmpstr (now, ==, g_ptr_array_index (states, i));
    }
  g_assert_false (wm_project_can_redo (fuzz.project));

  /* The end state also survives a save and load. */
  {
    g_autofree char *end = wm_test_serialize (fuzz.project);
    g_autoptr(GError) error = NULL;
    g_autoptr(WmProject) reloaded = wm_project_load_from_data (end, strlen (end), "random.waymark",
                                                               &error);
    g_autofree char *again = NULL;

    g_assert_no_error (error);
    again = wm_test_serialize (reloaded);
    g_assert_cmpstr (again, ==, end);
  }

  g_object_unref (fuzz.project);
  g_rand_free (fuzz.rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint seed = 1; seed <= 6; seed++)
    {
      g_autofree char *path = g_strdup_printf ("/history/random/seed-%u", seed);
      g_test_add_data_func (path, GUINT_TO_POINTER (seed * 7919), test_random_edits);
    }
  return g_test_run ();
}
