/* merge-edit.c — edits a project file through the model API, for the git
 * merge test (check-git-merge.sh): one edit per run, saved atomically.
 *
 *   merge-edit FILE text ID TEXT
 *   merge-edit FILE move ID DX DY
 *   merge-edit FILE delete ID
 *   merge-edit FILE add-node DIAGRAM TYPE TEXT   (prints the new id)
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "waymark-model.h"

static gboolean
edit (WmProject *project,
      int        argc,
      char     **argv)
{
  WmDiagram *diagram = NULL;
  const char *op = argv[2];

  if (g_str_equal (op, "add-node") && argc == 6)
    {
      WmRect bounds = { 40, 900, 140, 70 };
      WmItem *item;

      diagram = wm_project_find_diagram (project, argv[3]);
      item = diagram ? wm_diagram_add_node (diagram, argv[4], &bounds, argv[5], NULL) : NULL;
      if (item != NULL)
        g_print ("%s\n", item->id);
      return item != NULL;
    }
  if (argc < 4 || wm_project_lookup_item (project, argv[3], &diagram) == NULL)
    return FALSE;
  if (g_str_equal (op, "text") && argc == 5)
    return wm_diagram_set_text (diagram, argv[3], argv[4]);
  if (g_str_equal (op, "move") && argc == 6)
    {
      const char *ids[] = { argv[3], NULL };

      wm_diagram_move_items (diagram, ids, g_ascii_strtod (argv[4], NULL),
                             g_ascii_strtod (argv[5], NULL));
      return TRUE;
    }
  if (g_str_equal (op, "delete") && argc == 4)
    {
      const char *ids[] = { argv[3], NULL };

      return wm_diagram_remove_items (diagram, ids) > 0;
    }
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GError) error = NULL;

  if (argc < 3)
    {
      g_printerr ("usage: merge-edit FILE OP ARGS…\n");
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  project = wm_project_load (file, NULL, &error);
  if (project == NULL || !edit (project, argc, argv) ||
      !wm_project_save (project, file, NULL, &error))
    {
      g_printerr ("merge-edit: %s\n", error ? error->message : "the edit was refused");
      return 1;
    }
  return 0;
}
