/* wm-cli.c — the headless command line: --check
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-model.h"
#include "wm-cli.h"

static void
print_diagrams (WmProject *project)
{
  guint n = wm_project_get_n_diagrams (project);

  g_print (ngettext ("%u diagram:\n", "%u diagrams:\n", n), n);
  for (guint i = 0; i < n; i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);
      guint nodes = wm_diagram_get_n_nodes (diagram);
      guint links = wm_diagram_get_n_links (diagram);
      g_autofree char *node_text = g_strdup_printf (ngettext ("%u node", "%u nodes", nodes), nodes);
      g_autofree char *link_text = g_strdup_printf (ngettext ("%u link", "%u links", links), links);

      g_print ("  %-22s %-8s “%s”: %s, %s\n", wm_diagram_get_notation (diagram)->id,
               wm_diagram_get_id (diagram), wm_diagram_get_name (diagram), node_text, link_text);
    }
}

static void
print_problem (WmProject *project,
               WmProblem *problem)
{
  WmDiagram *diagram = problem->diagram_id ? wm_project_find_diagram (project, problem->diagram_id)
                                           : NULL;
  g_autofree char *items = g_strjoinv (", ", problem->item_ids);

  g_print ("  %s: %s: %s", wm_severity_to_string (problem->severity),
           diagram ? wm_diagram_get_name (diagram) : "-", problem->message);
  if (items[0] != '\0')
    g_print (" [%s]", items);
  g_print ("\n");
}

static guint
print_problems (WmProject *project)
{
  g_autoptr(GPtrArray) problems = wm_project_check (project);
  guint counts[3] = { 0, };

  for (guint i = 0; i < problems->len; i++)
    counts[((WmProblem *) g_ptr_array_index (problems, i))->severity]++;

  if (problems->len == 0)
    {
      g_print ("%s\n", _("No problems found."));
      return 0;
    }
  g_print (ngettext ("%u problem", "%u problems", problems->len), problems->len);
  g_print (" (");
  g_print (ngettext ("%u error", "%u errors", counts[WM_SEVERITY_ERROR]), counts[WM_SEVERITY_ERROR]);
  g_print (", ");
  g_print (ngettext ("%u warning", "%u warnings", counts[WM_SEVERITY_WARNING]),
           counts[WM_SEVERITY_WARNING]);
  g_print (", ");
  g_print (ngettext ("%u note", "%u notes", counts[WM_SEVERITY_INFO]), counts[WM_SEVERITY_INFO]);
  g_print ("):\n");
  for (guint i = 0; i < problems->len; i++)
    print_problem (project, g_ptr_array_index (problems, i));
  return counts[WM_SEVERITY_ERROR];
}

int
wm_cli_check (const char *path,
              gboolean    strict)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = wm_project_load (file, NULL, &error);
  guint errors;

  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      return WM_EXIT_INVALID;
    }

  g_print (_("%s: a valid Waymark project (format %d)"), path, WM_FORMAT_VERSION);
  g_print ("\n");
  if (*wm_project_get_title (project) != '\0')
    g_print (_("Title: %s\n"), wm_project_get_title (project));
  if (*wm_project_get_author (project) != '\0')
    g_print (_("Author: %s\n"), wm_project_get_author (project));
  print_diagrams (project);
  errors = print_problems (project);
  return strict && errors > 0 ? WM_EXIT_INVALID : WM_EXIT_OK;
}
