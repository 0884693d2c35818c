/* merge-bench.c — times the three-way merge of two large projects
 *
 *   merge-bench [ITEMS [EDITS]]   (default: 10 000 items, 500 edits per side)
 *
 * Builds a value stream map of ITEMS items (processes and inventories in
 * rows, each pair joined by a push link), copies it twice, makes EDITS
 * random edits on each copy through the model API (text, moves, property
 * values, deletions, additions; one in ten on items the other side edits
 * too, so that conflicts are part of the work), and times
 * wm_merge_projects(), which includes writing the result and reading it
 * back. Prints one line: items, edits, conflicts and seconds (best of 3).
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "waymark-model.h"

static WmProject *
make_base (guint n_items)
{
  WmProject *project = wm_project_new ();
  WmDiagram *diagram = wm_project_add_diagram (project, "value-stream-map", "Flow", NULL);
  WmItem *previous = NULL;

  for (guint i = 0; wm_diagram_get_n_items (diagram) < n_items; i++)
    {
      WmRect bounds = { (i % 100) * 200.0, (i / 100) * 150.0, 120, 70 };
      g_autofree char *text = g_strdup_printf ("Step %u", i);
      WmItem *node = wm_diagram_add_node (diagram, i % 2 ? "inventory" : "process", &bounds,
                                          text, NULL);

      if (previous != NULL && i % 2 == 1 && wm_diagram_get_n_items (diagram) < n_items)
        wm_diagram_add_link (diagram, "push", previous->id, node->id, NULL);
      previous = node;
    }
  wm_project_clear_history (project);
  return project;
}

static WmProject *
copy_project (WmProject *project)
{
  g_autoptr(GBytes) bytes = wm_project_serialize (project);

  return wm_project_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    "copy", NULL);
}

static void
edit (WmProject *project,
      GRand     *rand,
      guint      side,
      guint      n_edits)
{
  WmDiagram *diagram = wm_project_get_diagram (project, 0);

  for (guint i = 0; i < n_edits; i++)
    {
      guint n = wm_diagram_get_n_items (diagram);
      /* Most edits touch this side's half of the items; one in ten either half. */
      guint half = i % 10 == 0 ? (guint) g_rand_int_range (rand, 0, 2) : side;
      guint position = half * (n / 2) + (guint) g_rand_int_range (rand, 0, (int) (n / 2));
      WmItem *item = wm_diagram_get_item (diagram, position);
      const char *ids[] = { item->id, NULL };
      g_autofree char *text = g_strdup_printf ("side %u edit %u", side, i);
      WmRect bounds = { g_rand_int_range (rand, 0, 20000), 20000, 120, 70 };

      switch (g_rand_int_range (rand, 0, 5))
        {
        case 0: wm_diagram_set_text (diagram, item->id, text); break;
        case 1: wm_diagram_move_items (diagram, ids, 10, 5); break;
        case 2: wm_diagram_remove_items (diagram, ids); break;
        case 3: wm_diagram_add_node (diagram, "process", &bounds, text, NULL); break;
        default:
          if (wm_item_has_prop (item, "cycle-time"))
            wm_diagram_set_property (diagram, item->id, "cycle-time", "42", NULL);
          else
            wm_diagram_set_text (diagram, item->id, text);
          break;
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  guint n_items = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  guint n_edits = argc > 2 ? (guint) atoi (argv[2]) : 500;
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  g_autoptr(WmProject) base = make_base (n_items);
  g_autoptr(WmProject) ours = copy_project (base);
  g_autoptr(WmProject) theirs = copy_project (base);
  double best = G_MAXDOUBLE;
  guint n_conflicts = 0;

  edit (ours, rand, 0, n_edits);
  edit (theirs, rand, 1, n_edits);
  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(WmProject) merged = wm_merge_projects (base, ours, theirs, &conflicts, &error);

      if (merged == NULL)
        {
          g_printerr ("merge-bench: %s\n", error->message);
          return 1;
        }
      best = MIN (best, (g_get_monotonic_time () - start) / 1e6);
      n_conflicts = conflicts->len;
    }
  g_print ("merge: %u items, %u edits per side, %u conflicts: %.3f s\n",
           n_items, n_edits, n_conflicts, best);
  return 0;
}
