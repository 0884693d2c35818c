/* test-convert.c — any format into a project, a project into any text
 * format, and a project taking in the diagrams of another
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "waymark-model.h"
#include "wm-convert.h"
#include "wm-plantuml.h"
#include "wm-test-util.h"

static const char plantuml[] =
  "' a comment\n"
  "@startuml\n"
  "skinparam monochrome true\n"
  "actor Clerk\n"
  "rectangle \"Claims\" {\n"
  "  Clerk --> (File a claim)\n"
  "  (File a claim) ..> (Check cover) : <<include>>\n"
  "}\n"
  "@enduml\n";

static WmDiagram *
only_diagram (WmProject *project)
{
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, 1);
  return wm_project_get_diagram (project, 0);
}

/* PlantUML named .txt is PlantUML: the content decides. The project is
 * titled after the file, has no file of its own and nothing to undo; the
 * skinparam is a warning on its line. */
static void
test_import_detects_content (void)
{
  g_auto(WmImportLog) log = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;
  WmDiagram *diagram;

  wm_import_log_init (&log);
  project = wm_convert_import (plantuml, strlen (plantuml), "/tmp/claims.v2.txt", &log, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  diagram = only_diagram (project);
  g_assert_cmpstr (wm_diagram_get_notation (diagram)->id, ==, "use-case");
  /* An actor, the subject, two use cases and two links. */
  g_assert_cmpuint (wm_diagram_get_n_nodes (diagram), ==, 4);
  g_assert_cmpuint (wm_diagram_get_n_links (diagram), ==, 2);
  g_assert_cmpstr (wm_project_get_title (project), ==, "claims.v2");
  g_assert_null (wm_project_get_file (project));
  g_assert_false (wm_project_can_undo (project));
  g_assert_cmpuint (log.warnings->len, >=, 1);
  g_assert_cmpuint (((WmImportWarning *) g_ptr_array_index (log.warnings, 0))->line, ==, 3);
}

/* A Waymark project is read as itself, under any name, keeping its title. */
static void
test_import_waymark (void)
{
  g_autoptr(WmProject) sample = wm_test_load_sample ();
  g_autoptr(GBytes) bytes = wm_project_serialize (sample);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  project = wm_convert_import (data, size, "backup.bin", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, wm_project_get_n_diagrams (sample));
  g_assert_cmpstr (wm_project_get_title (project), ==, wm_project_get_title (sample));
}

/* What Waymark does not read is refused with one line naming the file. */
static void
test_import_refuses (void)
{
  const struct { const char *data; const char *name; } cases[] = {
    { "just words\n", "notes.bin" },
    { "# Title\n", "notes.md" },
    { "", "empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WmProject) project =
        wm_convert_import (cases[i].data, strlen (cases[i].data), cases[i].name, NULL, &error);

      g_assert_null (project);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, cases[i].name));
      g_assert_null (strchr (error->message, '\n'));
    }
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* Each text format lands in the file, and reads back where Waymark reads
 * it; a failed export leaves the old file as it was. */
static void
test_export_to_file (void)
{
  g_autoptr(WmProject) sample = wm_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("waymark-convert-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.puml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) back = NULL;
  g_autoptr(WmProject) canvas_only = wm_project_new ();
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *expected = wm_export_plantuml (sample, NULL, NULL);

  g_assert_true (wm_convert_export_to_file (sample, NULL, WM_EXCHANGE_PLANTUML, NULL, file,
                                            &error));
  g_assert_no_error (error);
  text = read_text (path);
  g_assert_cmpstr (text, ==, expected);
  back = wm_convert_import (text, strlen (text), path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_diagram_get_notation (only_diagram (back))->id, ==, "use-case");

  /* PlantUML of a project with no use-case diagram fails, and the file stays. */
  g_assert_nonnull (wm_project_add_diagram (canvas_only, "business-model-canvas", NULL, NULL));
  g_assert_false (wm_convert_export_to_file (canvas_only, NULL, WM_EXCHANGE_PLANTUML, NULL, file,
                                             &error));
  g_assert_nonnull (error);
  again = read_text (path);
  g_assert_cmpstr (again, ==, expected);
  g_remove (path);
  g_rmdir (dir);
}

/* Every id a REFS property of @item holds, checked to exist in @project. */
static void
assert_refs_resolve (WmProject *project,
                     WmItem    *item)
{
  for (guint p = 0; item->props != NULL && p < item->type->n_props; p++)
    if (item->type->props[p].type == WM_PROP_REFS && item->props[p].set)
      for (char **ref = item->props[p].v.strv; ref != NULL && *ref != NULL; ref++)
        g_assert_nonnull (wm_project_lookup_item (project, *ref, NULL));
}

/* The sample's diagrams join another project as one undo step, under new
 * ids, with links and references among them pointing at the copies. */
static void
test_add_diagrams_from (void)
{
  g_autoptr(WmProject) source = wm_test_load_sample ();
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GError) error = NULL;
  guint n = wm_project_get_n_diagrams (source);
  WmDiagram *kept = wm_project_add_diagram (project, "use-case", "Mine", NULL);
  WmDiagram *first;

  g_assert_nonnull (kept);
  wm_test_add_node (kept, "actor", NULL, "Clerk");
  first = wm_project_add_diagrams_from (project, source, &error);
  g_assert_no_error (error);
  g_assert_true (first == wm_project_get_diagram (project, 1));
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, n + 1);
  for (guint i = 0; i < n; i++)
    {
      WmDiagram *from = wm_project_get_diagram (source, i);
      WmDiagram *copy = wm_project_get_diagram (project, i + 1);

      g_assert_cmpstr (wm_diagram_get_name (copy), ==, wm_diagram_get_name (from));
      g_assert_cmpuint (wm_diagram_get_n_items (copy), ==, wm_diagram_get_n_items (from));
      for (guint j = 0; j < wm_diagram_get_n_items (copy); j++)
        {
          WmItem *item = wm_diagram_get_item (copy, j);
          WmDiagram *home = NULL;

          g_assert_cmpstr (item->text, ==, wm_diagram_get_item (from, j)->text);
          g_assert_nonnull (wm_project_lookup_item (project, item->id, &home));
          g_assert_true (home == copy);
          if (wm_item_is_link (item))
            {
              g_assert_nonnull (wm_diagram_lookup (copy, item->source));
              g_assert_nonnull (wm_diagram_lookup (copy, item->target));
            }
          if (item->parent != NULL)
            g_assert_nonnull (wm_diagram_lookup (copy, item->parent));
          assert_refs_resolve (project, item);
        }
    }
  /* The source is untouched; one undo takes every diagram away, redo brings them back. */
  g_assert_cmpuint (wm_project_get_n_diagrams (source), ==, n);
  g_assert_true (wm_project_undo (project));
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, 1);
  g_assert_true (wm_project_get_diagram (project, 0) == kept);
  g_assert_cmpuint (wm_diagram_get_n_items (kept), ==, 1);
  g_assert_true (wm_project_redo (project));
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, n + 1);
}

static void
test_add_diagrams_refused (void)
{
  g_autoptr(WmProject) source = wm_project_new ();
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GError) error = NULL;

  g_assert_null (wm_project_add_diagrams_from (project, source, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_nonnull (wm_project_add_diagram (source, "use-case", NULL, NULL));
  wm_project_set_read_only (project, TRUE);
  g_assert_null (wm_project_add_diagrams_from (project, source, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_READ_ONLY);
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, 0);
}

static void
test_format_names (void)
{
  g_assert_cmpint (wm_convert_format_from_name ("PUML"), ==, WM_EXCHANGE_PLANTUML);
  g_assert_cmpint (wm_convert_format_from_name ("drawio"), ==, WM_EXCHANGE_DRAWIO);
  g_assert_cmpint (wm_convert_format_from_name ("markdown"), ==, WM_EXCHANGE_MARKDOWN);
  g_assert_cmpint (wm_convert_format_from_name ("docx"), ==, WM_EXCHANGE_UNKNOWN);
  g_assert_true (wm_convert_can_import (WM_EXCHANGE_CSV));
  g_assert_false (wm_convert_can_import (WM_EXCHANGE_MARKDOWN));
  g_assert_true (wm_convert_can_export (WM_EXCHANGE_MARKDOWN));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/convert/import/detects-content", test_import_detects_content);
  g_test_add_func ("/convert/import/waymark", test_import_waymark);
  g_test_add_func ("/convert/import/refuses", test_import_refuses);
  g_test_add_func ("/convert/export/to-file", test_export_to_file);
  g_test_add_func ("/convert/format-names", test_format_names);
  g_test_add_func ("/project/add-diagrams-from", test_add_diagrams_from);
  g_test_add_func ("/project/add-diagrams-from/refused", test_add_diagrams_refused);
  return g_test_run ();
}
