/* export-plantuml.c — the PlantUML export and import, from the command line
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   export-plantuml PROJECT.waymark   prints wm_export_plantuml() of the project
 *   export-plantuml --generate=N      … of plantuml_sample_project(N)
 *   export-plantuml --bench=N         times wm_import_plantuml() of
 *                                     plantuml_sample_text(N), with layout
 *   export-plantuml --import=FILE     prints the import of FILE as a Waymark
 *                                     project, and its warnings on stderr
 *
 * check-plantuml.sh feeds the first two to the real PlantUML; meson's
 * benchmark runs the third.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "plantuml-sample.h"
#include "wm-format.h"
#include "wm-plantuml.h"

static int
print_export (WmProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = wm_export_plantuml (project, NULL, &error);

  if (text == NULL)
    {
      g_printerr ("export-plantuml: %s\n", error->message);
      return 1;
    }
  g_print ("%s", text);
  return 0;
}

static int
export_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = wm_project_load (file, NULL, &error);

  if (project == NULL)
    {
      g_printerr ("export-plantuml: %s: %s\n", path, error->message);
      return 1;
    }
  return print_export (project);
}

static int
import_file (const char *path)
{
  g_autofree char *data = NULL;
  g_autofree char *warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(WmImportLog) log = { 0 };
  gsize size = 0;

  wm_import_log_init (&log);
  if (g_file_get_contents (path, &data, &size, &error))
    project = wm_import_plantuml (data, size, path, &log, &error);
  warnings = wm_import_log_format (&log, path);
  g_printerr ("%s", warnings);
  if (project == NULL)
    {
      g_printerr ("export-plantuml: %s\n", error->message);
      return 1;
    }
  bytes = wm_project_serialize (project);
  fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout);
  return 0;
}

/* The median of five imports, so that one slow run (a cold cache) does not
 * make the figure. */
static int
bench (guint n_use_cases)
{
  g_autofree char *text = plantuml_sample_text (n_use_cases);
  double times[5];

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_auto(WmImportLog) log = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(WmProject) project = NULL;
      gint64 start = g_get_monotonic_time ();

      wm_import_log_init (&log);
      project = wm_import_plantuml (text, strlen (text), "bench.puml", &log, &error);
      times[i] = (g_get_monotonic_time () - start) / 1e6;
      if (project == NULL || log.warnings->len > 0)
        {
          g_autofree char *warnings = wm_import_log_format (&log, "bench.puml");
          g_printerr ("export-plantuml: the import failed: %s\n%s",
                      error != NULL ? error->message : "", warnings);
          return 1;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (times); j++)
      if (times[j] < times[i])
        {
          double swap = times[i];
          times[i] = times[j];
          times[j] = swap;
        }
  g_print ("import of %u use cases with layout: %.3f s (median of 5; fastest %.3f s)\n",
           n_use_cases, times[2], times[0]);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  if (argc == 2 && g_str_has_prefix (argv[1], "--generate="))
    {
      g_autoptr(WmProject) project = plantuml_sample_project (atoi (argv[1] + 11));
      return print_export (project);
    }
  if (argc == 2 && g_str_has_prefix (argv[1], "--bench="))
    return bench (atoi (argv[1] + 8));
  if (argc == 2 && g_str_has_prefix (argv[1], "--import="))
    return import_file (argv[1] + 9);
  if (argc == 2 && argv[1][0] != '-')
    return export_file (argv[1]);
  g_printerr ("usage: export-plantuml PROJECT | --generate=N | --bench=N | --import=FILE\n");
  return 2;
}
