/* fuzz-plantuml.c — libFuzzer target for the PlantUML import
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Feeds arbitrary bytes to wm_import_plantuml(). A refusal must be a
 * one-line WM_ERROR; whatever imports must export as PlantUML, and that
 * export must import again into diagrams with as many items of each type,
 * without a single warning: the export writes only what the import reads.
 * Anything else aborts, which libFuzzer reports.
 *
 * The diagrams are placed on the import's own grid, which is many times
 * faster than Graphviz and leaves the time to the parser; with
 * WAYMARK_FUZZ_LAYOUT=graphviz they are laid out as the import does.
 */
#define G_LOG_DOMAIN "fuzz-plantuml"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wm-error.h"
#include "wm-plantuml-private.h"

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void G_GNUC_NORETURN
fail (const char *what,
      GError     *error)
{
  g_printerr ("fuzz-plantuml: %s: %s\n", what, error != NULL ? error->message : "(no error)");
  abort ();
}

static WmPlantumlLayout layout = WM_PLANTUML_LAYOUT_GRID;

/* A warning or critical along the way is a bug too. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  if (g_strcmp0 (g_getenv ("WAYMARK_FUZZ_LAYOUT"), "graphviz") == 0)
    layout = WM_PLANTUML_LAYOUT_GRAPHVIZ;
  return 0;
}

/* "actor 3\nuse-case 12\n…": the number of items of each type, in type order. */
static char *
count_types (WmDiagram *diagram)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const WmNotation *notation = wm_diagram_get_notation (diagram);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      const char *type = wm_diagram_get_item (diagram, i)->type->id;
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, type));

      g_hash_table_insert (counts, (gpointer) type, GUINT_TO_POINTER (n + 1));
    }
  for (guint i = 0; i < wm_notation_get_n_item_types (notation); i++)
    {
      const char *type = wm_notation_get_item_type (notation, i)->id;
      g_string_append_printf (out, "%s %u\n", type,
                              GPOINTER_TO_UINT (g_hash_table_lookup (counts, type)));
    }
  return g_string_free (out, FALSE);
}

static void
check_round_trip (WmProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = wm_export_plantuml (project, NULL, &error);
  g_autoptr(WmProject) again = NULL;
  g_auto(WmImportLog) log = { 0 };

  if (text == NULL)
    fail ("an imported project does not export", error);
  wm_import_log_init (&log);
  again = _wm_import_plantuml_with_layout (text, strlen (text), "again.puml", &log, layout,
                                           &error);
  if (again == NULL)
    fail ("the export does not import again", error);
  if (log.warnings->len > 0)
    {
      g_autofree char *warnings = wm_import_log_format (&log, "again.puml");
      g_printerr ("%s\n%s", text, warnings);
      fail ("the export imports with warnings", NULL);
    }
  if (wm_project_get_n_diagrams (again) != wm_project_get_n_diagrams (project))
    fail ("the export imports into another number of diagrams", NULL);
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      g_autofree char *before = count_types (wm_project_get_diagram (project, i));
      g_autofree char *after = count_types (wm_project_get_diagram (again, i));

      if (!g_str_equal (before, after))
        {
          g_printerr ("%s\nbefore:\n%safter:\n%s", text, before, after);
          fail ("the export imports into other items", NULL);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;
  g_auto(WmImportLog) log = { 0 };

  wm_import_log_init (&log);
  project = _wm_import_plantuml_with_layout ((const char *) data, size, "fuzz.puml", &log, layout,
                                             &error);
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
