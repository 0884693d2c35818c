/* fuzz-drawio.c — libFuzzer target for the draw.io import
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Feeds arbitrary bytes to wm_import_drawio(). A refusal must be a one-line
 * WM_ERROR; whatever imports must export as draw.io, and that export must
 * import again, without a single warning, into diagrams of the same
 * notations with as many nodes and links: the export writes only what the
 * import reads. Anything else aborts, which libFuzzer reports.
 */
#define G_LOG_DOMAIN "fuzz-drawio"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wm-drawio.h"
#include "wm-error.h"

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void G_GNUC_NORETURN
fail (const char *what,
      GError     *error)
{
  g_printerr ("fuzz-drawio: %s: %s\n", what, error != NULL ? error->message : "(no error)");
  abort ();
}

/* A warning or critical along the way is a bug too. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_same_shape (WmProject  *project,
                  WmProject  *again,
                  const char *text)
{
  if (wm_project_get_n_diagrams (again) != wm_project_get_n_diagrams (project))
    fail ("the export imports into another number of diagrams", NULL);
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *before = wm_project_get_diagram (project, i);
      WmDiagram *after = wm_project_get_diagram (again, i);

      if (wm_diagram_get_notation (before) != wm_diagram_get_notation (after) ||
          wm_diagram_get_n_nodes (before) != wm_diagram_get_n_nodes (after) ||
          wm_diagram_get_n_links (before) != wm_diagram_get_n_links (after))
        {
          g_printerr ("%s\n", text);
          fail ("the export imports into other diagrams", NULL);
        }
    }
}

static void
check_round_trip (WmProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = wm_export_drawio (project, NULL, &error);
  g_autoptr(WmProject) again = NULL;
  g_auto(WmImportLog) log = { 0 };

  if (text == NULL)
    fail ("an imported project does not export", error);
  wm_import_log_init (&log);
  again = wm_import_drawio (text, strlen (text), "again.drawio", &log, &error);
  if (again == NULL)
    fail ("the export does not import again", error);
  if (log.warnings->len > 0)
    {
      g_autofree char *warnings = wm_import_log_format (&log, "again.drawio");

      g_printerr ("%s\n%s", text, warnings);
      fail ("the export imports with warnings", NULL);
    }
  check_same_shape (project, again, text);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;
  g_auto(WmImportLog) log = { 0 };
  g_autofree char *warnings = NULL;

  wm_import_log_init (&log);
  project = wm_import_drawio ((const char *) data, size, "fuzz.drawio", &log, &error);
  warnings = wm_import_log_format (&log, "fuzz.drawio");
  if (project == NULL)
    {
      if (error == NULL || error->domain != WM_ERROR || strchr (error->message, '\n') != NULL)
        fail ("a refusal without a one-line WM_ERROR", error);
      return 0;
    }
  if (error != NULL)
    fail ("a project and an error at once", error);
  check_round_trip (project);
  return 0;
}
