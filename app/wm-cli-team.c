/* wm-cli-team.c — the command line for teams: --diff, --textconv
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Git is the engine a team shares a project through; these commands make
 * its output speak of diagrams and items rather than of XML lines.
 */
#define G_LOG_DOMAIN "wm-cli-team"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "waymark-model.h"
#include "wm-cli-team.h"
#include "wm-json.h"
#include "wm-render-diff.h"

/* diff(1)'s exit codes. */
enum
{
  DIFF_EQUAL = 0,
  DIFF_DIFFERENT = 1,
  DIFF_TROUBLE = 2,
};

/* Values longer than this are cut in the report for people (JSON has them whole). */
#define SHOWN_VALUE_CHARS 120

static WmProject *
load_project (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  WmProject *project = wm_project_load (file, NULL, &error);

  if (project == NULL)
    g_printerr ("waymark: %s\n", error->message);
  return project;
}

/* Names */

static WmItem *
find_item (WmProject  *project,
           const char *diagram_id,
           const char *item_id)
{
  WmDiagram *diagram = wm_project_find_diagram (project, diagram_id);

  if (diagram == NULL || !g_str_equal (wm_diagram_get_id (diagram), diagram_id))
    return NULL;
  return wm_diagram_lookup (diagram, item_id);
}

/* The item a change is about, in NEW when it is there, else in OLD. */
static WmItem *
change_item (const WmComparison *comparison,
             const WmDifference *change)
{
  WmItem *item = find_item (wm_comparison_get_new (comparison), change->diagram, change->id);

  return item ? item : find_item (wm_comparison_get_old (comparison), change->diagram, change->id);
}

static WmDiagram *
change_diagram (const WmComparison *comparison,
                const char         *diagram_id)
{
  WmDiagram *diagram = wm_project_find_diagram (wm_comparison_get_new (comparison), diagram_id);

  if (diagram == NULL || !g_str_equal (wm_diagram_get_id (diagram), diagram_id))
    diagram = wm_project_find_diagram (wm_comparison_get_old (comparison), diagram_id);
  return diagram;
}

/* The first line of an item's text: what people call it. */
static char *
item_name (const WmItem *item)
{
  const char *end = strchr (item->text, '\n');

  return end ? g_strndup (item->text, end - item->text) : g_strdup (item->text);
}

/* A value for people: on one line, quoted, cut when very long. */
static char *
shown_value (const char *value)
{
  GString *out;

  if (value == NULL)
    return g_strdup (_("(none)"));
  out = g_string_new ("“");
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_utf8_pointer_to_offset (value, p) >= SHOWN_VALUE_CHARS)
        {
          g_string_append (out, "…");
          break;
        }
      if (*p == '\n')
        g_string_append (out, "⏎");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  g_string_append (out, "”");
  return g_string_free (out, FALSE);
}

/* The report for people */

/* Distances to a tenth of a unit: finer is noise to a reader. */
static double
tenths (double value)
{
  return round (value * 10) / 10;
}

static void
print_value_change (const char         *indent,
                    const char         *what,
                    const WmDifference *change)
{
  g_autofree char *old_value = shown_value (change->old_value);
  g_autofree char *new_value = shown_value (change->new_value);

  g_print ("%s%s: %s → %s\n", indent, what, old_value, new_value);
}

static void
print_project_change (const WmDifference *change)
{
  print_value_change ("  ", change->property, change);
}

static void
print_diagram_change (const WmDifference *change)
{
  if (g_str_equal (change->property, "name"))
    /* Translators: in the command line's diff report: what happened to the diagram (past
     * participle) */
    print_value_change ("  ", _("renamed"), change);
  else if (g_str_equal (change->property, "order"))
    g_print ("  %s\n", _("moved among the diagrams"));
  else if (g_str_equal (change->property, "z-order"))
    g_print ("  %s\n", _("items restacked"));
  else
    print_value_change ("  ", change->property, change);
}

/* "stages: + “Renewal” [renewal]", "stages: [awareness] label: “Awareness” → “Discovery”" */
static void
print_entry_change (const WmDifference *change)
{
  g_autofree char *label = shown_value (change->kind == WM_DIFF_REMOVED ? change->old_value
                                                                         : change->new_value);
  g_autofree char *what = NULL;

  switch (change->kind)
    {
    case WM_DIFF_ADDED:
      g_print ("  %s: + %s [%s]\n", change->list, label, change->id);
      break;
    case WM_DIFF_REMOVED:
      g_print ("  %s: - %s [%s]\n", change->list, label, change->id);
      break;
    case WM_DIFF_MODIFIED:
    case WM_DIFF_MOVED:
    default:
      what = g_strdup_printf ("%s: [%s] %s", change->list, change->id, change->property);
      print_value_change ("  ", what, change);
    }
}

/* "+ Process “Roasting” [process-40]" */
static void
print_item_heading (const WmComparison *comparison,
                    const WmDifference *change,
                    const char         *mark)
{
  WmItem *item = change_item (comparison, change);
  g_autofree char *name = item_name (item);

  g_print ("  %s %s%s%s%s [%s]\n", mark, g_dgettext (GETTEXT_PACKAGE, item->type->label),
           *name ? " “" : "", name, *name ? "”" : "", change->id);
}

static void
print_item_change (const WmComparison *comparison,
                   const WmDifference *change,
                   const char        **heading_for)
{
  switch (change->kind)
    {
    case WM_DIFF_ADDED:
      print_item_heading (comparison, change, "+");
      return;
    case WM_DIFF_REMOVED:
      print_item_heading (comparison, change, "-");
      return;
    case WM_DIFF_MODIFIED:
    case WM_DIFF_MOVED:
    default:
      break;
    }
  /* The changes of one item come together: one heading, a line each. */
  if (g_strcmp0 (*heading_for, change->id) != 0)
    {
      print_item_heading (comparison, change, "~");
      *heading_for = change->id;
    }
  if (change->kind == WM_DIFF_MOVED)
    /* Translators: an item's move: its distance, then across and down, in diagram units. */
    g_print (_("      moved %g (%+g, %+g)\n"), tenths (hypot (change->dx, change->dy)),
             tenths (change->dx), tenths (change->dy));
  else
    print_value_change ("      ", change->property, change);
}

static void
print_diagram_heading (const WmComparison *comparison,
                       const char         *diagram_id)
{
  WmDiagram *diagram = change_diagram (comparison, diagram_id);

  /* Translators: a heading of --diff's report: the diagram's name, its kind
   * ("Value stream map") and its id */
  g_print (_("Diagram “%s” (%s, %s)"), wm_diagram_get_name (diagram),
           g_dgettext (GETTEXT_PACKAGE, wm_diagram_get_notation (diagram)->label), diagram_id);
  g_print ("\n");
}

static void
print_text (const WmComparison *comparison)
{
  const char *diagram = NULL;
  const char *heading_for = NULL;

  for (guint i = 0; i < wm_comparison_get_n_changes (comparison); i++)
    {
      const WmDifference *change = wm_comparison_get_change (comparison, i);

      if (change->scope == WM_DIFF_PROJECT && i == 0)
        /* Translators: a heading of --diff's report: the changes to the project itself (a
         * noun) */
        g_print ("%s\n", _("Project"));
      if (change->diagram != NULL && g_strcmp0 (change->diagram, diagram) != 0)
        {
          print_diagram_heading (comparison, change->diagram);
          diagram = change->diagram;
          heading_for = NULL;
        }
      switch (change->scope)
        {
        case WM_DIFF_PROJECT: print_project_change (change); break;
        case WM_DIFF_ENTRY: print_entry_change (change); break;
        case WM_DIFF_ITEM: print_item_change (comparison, change, &heading_for); break;
        case WM_DIFF_DIAGRAM:
        default:
          if (change->kind == WM_DIFF_ADDED)
            /* Translators: in the command line's diff report: what happened to an item (past
             * participle) */
            g_print ("  %s\n", _("added"));
          else if (change->kind == WM_DIFF_REMOVED)
            g_print ("  %s\n", _("removed"));
          else
            print_diagram_change (change);
          break;
        }
    }
}

/* The report for tools */

static const char *
scope_name (WmDiffScope scope)
{
  switch (scope)
    {
    case WM_DIFF_PROJECT: return "project";
    case WM_DIFF_DIAGRAM: return "diagram";
    case WM_DIFF_ENTRY: return "entry";
    case WM_DIFF_ITEM: return "item";
    default: g_assert_not_reached ();
    }
}

static const char *
kind_name (WmDiffKind kind)
{
  switch (kind)
    {
    case WM_DIFF_ADDED: return "added";
    case WM_DIFF_REMOVED: return "removed";
    case WM_DIFF_MODIFIED: return "modified";
    case WM_DIFF_MOVED: return "moved";
    default: g_assert_not_reached ();
    }
}

static void
write_json_change (WmJsonWriter       *json,
                   const WmComparison *comparison,
                   const WmDifference *change)
{
  wm_json_begin_object (json, NULL);
  wm_json_string (json, "scope", scope_name (change->scope));
  wm_json_string (json, "kind", kind_name (change->kind));
  if (change->diagram != NULL)
    wm_json_string (json, "diagram", change->diagram);
  if (change->list != NULL)
    wm_json_string (json, "list", change->list);
  if (change->id != NULL)
    wm_json_string (json, "id", change->id);
  if (change->scope == WM_DIFF_ITEM)
    {
      WmItem *item = change_item (comparison, change);

      wm_json_string (json, "type", item->type->id);
      wm_json_string (json, "text", item->text);
    }
  if (change->property != NULL)
    wm_json_string (json, "property", change->property);
  if (change->kind == WM_DIFF_MOVED)
    {
      wm_json_number (json, "dx", change->dx);
      wm_json_number (json, "dy", change->dy);
      wm_json_number (json, "distance", hypot (change->dx, change->dy));
    }
  else
    {
      wm_json_string (json, "old", change->old_value);
      wm_json_string (json, "new", change->new_value);
    }
  wm_json_end_object (json);
}

static void
write_json_diagram (WmJsonWriter       *json,
                    const WmComparison *comparison,
                    const char         *diagram_id)
{
  WmDiagram *diagram = change_diagram (comparison, diagram_id);
  g_autoptr(GPtrArray) changes = wm_comparison_diagram_changes (comparison, diagram_id);

  wm_json_begin_object (json, NULL);
  wm_json_string (json, "id", diagram_id);
  wm_json_string (json, "name", wm_diagram_get_name (diagram));
  wm_json_string (json, "notation", wm_diagram_get_notation (diagram)->id);
  wm_json_begin_array (json, "changes");
  for (guint i = 0; i < changes->len; i++)
    write_json_change (json, comparison, g_ptr_array_index (changes, i));
  wm_json_end_array (json);
  wm_json_end_object (json);
}

static void
print_json (const WmComparison *comparison,
            const char         *old_path,
            const char         *new_path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *const *diagrams = wm_comparison_get_changed_diagrams (comparison);
  WmJsonWriter json;

  wm_json_writer_init (&json, out);
  wm_json_begin_object (&json, NULL);
  wm_json_string (&json, "old", old_path);
  wm_json_string (&json, "new", new_path);
  wm_json_boolean (&json, "equal", wm_comparison_is_empty (comparison));
  wm_json_begin_array (&json, "project");
  for (guint i = 0; i < wm_comparison_get_n_changes (comparison); i++)
    {
      const WmDifference *change = wm_comparison_get_change (comparison, i);

      if (change->scope == WM_DIFF_PROJECT)
        write_json_change (&json, comparison, change);
    }
  wm_json_end_array (&json);
  wm_json_begin_array (&json, "diagrams");
  for (guint i = 0; diagrams[i] != NULL; i++)
    write_json_diagram (&json, comparison, diagrams[i]);
  wm_json_end_array (&json);
  wm_json_end_object (&json);
  g_print ("%s\n", out->str);
}

/* The visual diff */

static gboolean
export_options (const WmCliExport *request,
                WmExportOptions   *options)
{
  wm_export_options_init (options);
  if (request->format != NULL ? !wm_export_format_from_name (request->format, &options->format)
                              : !wm_export_format_from_path (request->output, &options->format))
    options->format = WM_EXPORT_PPTX;
  if (options->format == WM_EXPORT_PPTX)
    {
      g_printerr ("waymark: %s\n", _("a visual diff is a PDF, PNG or SVG file"));
      return FALSE;
    }
  if (request->scale > 0)
    options->scale = request->scale;
  else if (request->dpi > 0)
    options->scale = request->dpi / 96.0;
  options->transparent = g_strcmp0 (request->background, "transparent") == 0;
  options->svg_text = g_strcmp0 (request->svg_text, "text") == 0;
  if (request->page != NULL && !wm_export_page_from_name (request->page, &options->page))
    {
      g_printerr ("waymark: %s\n", _("unknown page size (a4, a3, letter or fit)"));
      return FALSE;
    }
  return TRUE;
}

static int
export_diff (const WmComparison *comparison,
             const WmCliExport  *request)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (request->output);
  g_autoptr(GError) error = NULL;
  const char *diagram_id = NULL;
  WmExportOptions options;

  if (!export_options (request, &options))
    return DIFF_TROUBLE;
  if (request->diagram != NULL)
    {
      WmDiagram *diagram = wm_project_find_diagram (wm_comparison_get_new (comparison),
                                                    request->diagram);

      if (diagram == NULL)
        diagram = wm_project_find_diagram (wm_comparison_get_old (comparison), request->diagram);
      if (diagram == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("the project has no diagram named “%s”"), request->diagram);

          g_printerr ("waymark: %s\n", message);
          return DIFF_TROUBLE;
        }
      diagram_id = wm_diagram_get_id (diagram);
    }
  if (wm_comparison_get_changed_diagrams (comparison)[0] == NULL)
    {
      g_printerr ("waymark: %s\n", _("no diagram changed: nothing to draw"));
      return DIFF_EQUAL;
    }
  if (!wm_export_diff_to_file (comparison, diagram_id, &options, file, &error))
    {
      g_printerr ("waymark: %s\n", error->message);
      return DIFF_TROUBLE;
    }
  return DIFF_DIFFERENT;
}

static int
run_diff (const char        *old_path,
          const char        *new_path,
          const WmCliExport *request)
{
  g_autoptr(WmProject) old_project = load_project (old_path);
  g_autoptr(WmProject) new_project = old_project ? load_project (new_path) : NULL;
  g_autoptr(WmComparison) comparison = NULL;

  if (new_project == NULL)
    return DIFF_TROUBLE;
  comparison = wm_compare_projects (old_project, new_project);
  if (request->output != NULL)
    return export_diff (comparison, request);
  if (g_strcmp0 (request->format, "json") == 0)
    print_json (comparison, old_path, new_path);
  else
    print_text (comparison);
  return wm_comparison_is_empty (comparison) ? DIFF_EQUAL : DIFF_DIFFERENT;
}

/* --textconv: one line per thing, for git's line diffs */

/* A value on one line: quoted when it holds anything but plain characters,
 * with backslash escapes for line breaks, quotes and backslashes. */
static void
append_quoted (GString    *out,
               const char *value)
{
  gboolean plain = *value != '\0';

  for (const char *p = value; *p != '\0' && plain; p++)
    plain = !g_ascii_isspace (*p) && *p != '"' && *p != '\\' && *p != '=';
  if (plain)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    switch (*p)
      {
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      case '\t': g_string_append (out, "\\t"); break;
      case '"': g_string_append (out, "\\\""); break;
      case '\\': g_string_append (out, "\\\\"); break;
      default: g_string_append_c (out, *p);
      }
  g_string_append_c (out, '"');
}

static void
append_pair (GString    *out,
             const char *key,
             const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, " %s=", key);
  append_quoted (out, value);
}

static void
append_item_props (GString      *out,
                   const WmItem *item)
{
  for (guint i = 0; item->props != NULL && i < item->type->n_props; i++)
    {
      const WmPropSpec *spec = &item->type->props[i];
      g_autofree char *value = NULL;

      if (!item->props[i].set)
        continue;
      /* An image is long base64: its digest says whether it changed. */
      if (spec->type == WM_PROP_IMAGE)
        value = g_compute_checksum_for_string (G_CHECKSUM_SHA1, item->props[i].v.string, -1);
      else
        value = wm_value_to_string (spec, &item->props[i]);
      append_pair (out, spec->name, value);
    }
}

static char *
item_line (WmDiagram    *diagram,
           const WmItem *item)
{
  GString *out = g_string_new (NULL);
  g_autofree char *bounds = wm_compare_item_value (item, "bounds");
  g_autofree char *points = wm_compare_item_value (item, "points");

  g_string_append_printf (out, "%s %s %s %s", wm_diagram_get_id (diagram),
                          wm_item_is_node (item) ? "node" : "link", item->id, item->type->id);
  if (item->text[0] != '\0')
    append_pair (out, "text", item->text);
  if (wm_item_is_node (item))
    {
      append_pair (out, "at", bounds);
      append_pair (out, "parent", item->parent);
    }
  else
    {
      append_pair (out, "from", item->source);
      append_pair (out, "to", item->target);
      append_pair (out, "points", points);
    }
  append_item_props (out, item);
  return g_string_free (out, FALSE);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
append_diagram_lines (GString   *out,
                      WmDiagram *diagram)
{
  const WmNotation *notation = wm_diagram_get_notation (diagram);
  const char *id = wm_diagram_get_id (diagram);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_string_append_printf (out, "%s diagram %s", id, notation->id);
  append_pair (out, "name", wm_diagram_get_name (diagram));
  for (guint i = 0; i < notation->n_props; i++)
    if (wm_diagram_has_value (diagram, notation->props[i].name))
      {
        g_autofree char *value =
          wm_value_to_string (&notation->props[i],
                              wm_diagram_get_value (diagram, notation->props[i].name, NULL));

        append_pair (out, notation->props[i].name, value);
      }
  g_string_append_c (out, '\n');
  /* Lists keep their order: it is what they mean. */
  for (guint i = 0; i < notation->n_lists; i++)
    {
      GPtrArray *list = wm_diagram_get_list (diagram, notation->lists[i].name);

      for (guint j = 0; j < list->len; j++)
        {
          WmListEntry *entry = g_ptr_array_index (list, j);

          g_string_append_printf (out, "%s list %s %s", id, notation->lists[i].name, entry->id);
          append_pair (out, "label", entry->label);
          g_string_append_c (out, '\n');
        }
    }
  /* Items by id, so that restacking one does not move its line. */
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    g_ptr_array_add (lines, item_line (diagram, wm_diagram_get_item (diagram, i)));
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
}

static int
run_textconv (const char *path)
{
  g_autoptr(WmProject) project = load_project (path);
  g_autoptr(GString) out = NULL;

  if (project == NULL)
    return DIFF_TROUBLE;
  out = g_string_new ("project");
  append_pair (out, "title", wm_project_get_title (project));
  append_pair (out, "author", wm_project_get_author (project));
  append_pair (out, "description", wm_project_get_description (project));
  g_string_append_c (out, '\n');
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    append_diagram_lines (out, wm_project_get_diagram (project, i));
  fwrite (out->str, 1, out->len, stdout);
  return fflush (stdout) == 0 ? DIFF_EQUAL : DIFF_TROUBLE;
}

int
wm_cli_team (const char        *diff_old,
             gboolean           textconv,
             const char *const *files,
             const WmCliExport *request)
{
  guint n_files = files != NULL ? g_strv_length ((char **) files) : 0;

  if (diff_old != NULL && textconv)
    {
      g_printerr ("waymark: %s\n", _("--diff and --textconv do not go together (see --help)"));
      return DIFF_TROUBLE;
    }
  if (n_files != 1)
    {
      g_printerr ("waymark: %s\n", diff_old != NULL
                  ? _("--diff=OLD compares with exactly one NEW project (see --help)")
                  : _("--textconv reads exactly one project file (see --help)"));
      return DIFF_TROUBLE;
    }
  if (textconv)
    return run_textconv (files[0]);
  if (request->output == NULL && request->format != NULL &&
      !g_str_equal (request->format, "text") && !g_str_equal (request->format, "json"))
    {
      g_printerr ("waymark: %s\n", _("--diff prints text or json (see --format)"));
      return DIFF_TROUBLE;
    }
  return run_diff (diff_old, files[0], request);
}
