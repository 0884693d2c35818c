/* wm-cli.c — the headless command line: --check
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-cli"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "waymark-model.h"
#include "wm-cli.h"
#include "wm-convert.h"
#include "wm-csv.h"
#include "wm-export.h"
#include "wm-fonts.h"
#include "wm-json.h"

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

/* The figures of every diagram whose notation computes some, after the
 * diagram list: the diagram's own, then those of single items. */
static void
print_metrics (WmProject *project)
{
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);
      g_autoptr(GArray) metrics = wm_notation_compute_metrics (diagram);

      if (metrics == NULL)
        continue;
      /* Translators: a heading of the command line's report; the first %s is a diagram's name,
       * the second its id */
      g_print (_("Figures of “%s” (%s):"), wm_diagram_get_name (diagram),
               wm_diagram_get_id (diagram));
      g_print ("\n");
      for (guint m = 0; m < metrics->len; m++)
        {
          const WmMetric *metric = &g_array_index (metrics, WmMetric, m);
          g_autofree char *value = wm_metric_format (metric);
          /* Translators: a figure's name, then its value, as in “Takt time: 60 s”. */
          g_autofree char *line = g_strdup_printf (_("%s: %s"), metric->label, value);

          g_print ("  %s\n", line);
        }
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

/* The JSON report (--check --format=json), as data/waymark-check.schema.json
 * describes it. Its figures are numbers in their unit, with the text the
 * panels show beside them; its messages and labels are translated, its
 * keys and ids are not. */

/* The unit a figure's value is in, as the schema names it. */
static const char *
figure_unit (WmFigureKind kind)
{
  switch (kind)
    {
    case WM_FIGURE_SECONDS:
    case WM_FIGURE_DURATION: return "s";
    case WM_FIGURE_DAYS: return "days";
    case WM_FIGURE_PERCENT:
    case WM_FIGURE_CHANGE: return "%";
    case WM_FIGURE_PIECES: return "pcs";
    case WM_FIGURE_COUNT: return "count";
    case WM_FIGURE_NUMBER:
    case WM_FIGURE_AMOUNT: return "number";
    case WM_FIGURE_NONE:
    default: return NULL;
    }
}

static void
json_figure (WmJsonWriter   *json,
             const WmFigure *figure)
{
  g_autofree char *text = wm_figure_format (figure);

  wm_json_number (json, "value", figure->value);
  wm_json_string (json, "unit", figure_unit (figure->kind));
  wm_json_string (json, "text", text);
}

static void
json_metric (WmJsonWriter   *json,
             const WmMetric *metric)
{
  wm_json_begin_object (json, NULL);
  wm_json_string (json, "id", metric->id);
  wm_json_string (json, "item_id", metric->item_id);
  wm_json_string (json, "label", metric->label);
  json_figure (json, &metric->figure);
  wm_json_string (json, "unknown", isnan (metric->figure.value) ? metric->unknown : NULL);
  if (metric->detail.kind == WM_FIGURE_NONE)
    wm_json_null (json, "detail");
  else
    {
      wm_json_begin_object (json, "detail");
      json_figure (json, &metric->detail);
      wm_json_end_object (json);
    }
  wm_json_end_object (json);
}

/* The stocks among @metrics, those about one item whose figure is days:
 * each with the item's own text rather than the label around it. */
static void
json_inventories (WmJsonWriter *json,
                  WmDiagram    *diagram,
                  GArray       *metrics)
{
  wm_json_begin_array (json, "inventories");
  for (guint m = 0; m < metrics->len; m++)
    {
      const WmMetric *metric = &g_array_index (metrics, WmMetric, m);
      WmItem *item = metric->item_id ? wm_diagram_lookup (diagram, metric->item_id) : NULL;

      if (item == NULL || metric->figure.kind != WM_FIGURE_DAYS)
        continue;
      wm_json_begin_object (json, NULL);
      wm_json_string (json, "item_id", item->id);
      wm_json_string (json, "text", item->text ? item->text : "");
      wm_json_number (json, "days", metric->figure.value);
      wm_json_end_object (json);
    }
  wm_json_end_array (json);
}

static void
json_diagram (WmJsonWriter *json,
              WmDiagram    *diagram)
{
  g_autoptr(GArray) metrics = wm_notation_compute_metrics (diagram);

  wm_json_begin_object (json, NULL);
  wm_json_string (json, "id", wm_diagram_get_id (diagram));
  wm_json_string (json, "name", wm_diagram_get_name (diagram));
  wm_json_string (json, "notation", wm_diagram_get_notation (diagram)->id);
  wm_json_uint (json, "nodes", wm_diagram_get_n_nodes (diagram));
  wm_json_uint (json, "links", wm_diagram_get_n_links (diagram));
  if (metrics == NULL)
    {
      wm_json_null (json, "metrics");
      wm_json_null (json, "inventories");
    }
  else
    {
      wm_json_begin_array (json, "metrics");
      for (guint m = 0; m < metrics->len; m++)
        json_metric (json, &g_array_index (metrics, WmMetric, m));
      wm_json_end_array (json);
      json_inventories (json, diagram, metrics);
    }
  wm_json_end_object (json);
}

/* A severity as the schema names it, whatever the user's language. */
static const char *
severity_key (WmSeverity severity)
{
  switch (severity)
    {
    case WM_SEVERITY_INFO: return "note";
    case WM_SEVERITY_WARNING: return "warning";
    case WM_SEVERITY_ERROR: return "error";
    default: g_assert_not_reached ();
    }
}

static void
json_problem (WmJsonWriter *json,
              WmProject    *project,
              WmProblem    *problem)
{
  WmDiagram *diagram = problem->diagram_id ? wm_project_find_diagram (project, problem->diagram_id)
                                           : NULL;

  wm_json_begin_object (json, NULL);
  wm_json_string (json, "severity", severity_key (problem->severity));
  wm_json_string (json, "diagram_id", problem->diagram_id);
  wm_json_string (json, "diagram_name", diagram ? wm_diagram_get_name (diagram) : NULL);
  wm_json_string (json, "message", problem->message);
  wm_json_begin_array (json, "item_ids");
  for (guint i = 0; problem->item_ids != NULL && problem->item_ids[i] != NULL; i++)
    wm_json_string (json, NULL, problem->item_ids[i]);
  wm_json_end_array (json);
  wm_json_end_object (json);
}

static void
json_counts (WmJsonWriter *json,
             WmProject    *project,
             GPtrArray    *problems)
{
  guint severities[3] = { 0, };
  guint nodes = 0, links = 0;

  for (guint i = 0; i < problems->len; i++)
    severities[((WmProblem *) g_ptr_array_index (problems, i))->severity]++;
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      nodes += wm_diagram_get_n_nodes (wm_project_get_diagram (project, i));
      links += wm_diagram_get_n_links (wm_project_get_diagram (project, i));
    }
  wm_json_begin_object (json, "counts");
  wm_json_uint (json, "diagrams", wm_project_get_n_diagrams (project));
  wm_json_uint (json, "nodes", nodes);
  wm_json_uint (json, "links", links);
  wm_json_uint (json, "problems", problems->len);
  wm_json_uint (json, "errors", severities[WM_SEVERITY_ERROR]);
  wm_json_uint (json, "warnings", severities[WM_SEVERITY_WARNING]);
  wm_json_uint (json, "notes", severities[WM_SEVERITY_INFO]);
  wm_json_end_object (json);
}

/* Prints the report and returns how many errors the model found. */
static guint
print_json (const char *path,
            WmProject  *project)
{
  g_autoptr(GPtrArray) problems = wm_project_check (project);
  g_autoptr(GString) out = g_string_new (NULL);
  WmJsonWriter json;
  guint errors = 0;

  wm_json_writer_init (&json, out);
  wm_json_begin_object (&json, NULL);
  wm_json_string (&json, "file", path);
  wm_json_uint (&json, "format_version", WM_FORMAT_VERSION);
  wm_json_string (&json, "title", wm_project_get_title (project));
  wm_json_string (&json, "author", wm_project_get_author (project));
  json_counts (&json, project, problems);
  wm_json_begin_array (&json, "diagrams");
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    json_diagram (&json, wm_project_get_diagram (project, i));
  wm_json_end_array (&json);
  wm_json_begin_array (&json, "problems");
  for (guint i = 0; i < problems->len; i++)
    {
      WmProblem *problem = g_ptr_array_index (problems, i);

      errors += problem->severity == WM_SEVERITY_ERROR;
      json_problem (&json, project, problem);
    }
  wm_json_end_array (&json);
  wm_json_end_object (&json);
  g_print ("%s\n", out->str);
  return errors;
}

/* Prints @log's warnings about @path to stderr, as compilers write theirs. */
static void
print_import_log (const WmImportLog *log,
                  const char        *path)
{
  g_autofree char *text = wm_import_log_format (log, path);

  if (text != NULL && text[0] != '\0')
    g_printerr ("%s%s", text, g_str_has_suffix (text, "\n") ? "" : "\n");
}

/* Reads @path in any format Waymark reads (from its content, then its
 * extension); the import's warnings go to stderr. NULL after printing why
 * nothing could be read. */
static WmProject *
load_input (const char       *path,
            WmExchangeFormat *format)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_auto(WmImportLog) log = { 0, };
  WmProject *project;
  gsize size;

  if (!g_file_load_contents (file, NULL, &data, &size, NULL, &error))
    {
      g_printerr ("waymark: %s\n", error->message);
      return NULL;
    }
  if (format != NULL)
    *format = wm_exchange_detect (data, size, path);
  wm_import_log_init (&log);
  project = wm_convert_import (data, size, path, &log, &error);
  print_import_log (&log, path);
  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }
  if (wm_exchange_detect (data, size, path) == WM_EXCHANGE_WAYMARK)
    wm_project_set_file (project, file);
  return project;
}

/* Prints the report for people and returns how many errors the model found. */
static guint
print_text (const char       *path,
            WmExchangeFormat  format,
            WmProject        *project)
{
  if (format == WM_EXCHANGE_WAYMARK)
    g_print (_("%s: a valid Waymark project (format %d)"), path, WM_FORMAT_VERSION);
  else
    g_print (_("%s: imported as a Waymark project"), path);
  g_print ("\n");
  if (*wm_project_get_title (project) != '\0')
    g_print (_("Title: %s\n"), wm_project_get_title (project));
  if (*wm_project_get_author (project) != '\0')
    g_print (_("Author: %s\n"), wm_project_get_author (project));
  print_diagrams (project);
  print_metrics (project);
  return print_problems (project);
}

int
wm_cli_check (const char *path,
              gboolean    strict,
              const char *format)
{
  g_autoptr(WmProject) project = NULL;
  gboolean json = g_strcmp0 (format, "json") == 0;
  WmExchangeFormat input = WM_EXCHANGE_UNKNOWN;
  guint errors;

  if (format != NULL && !json && g_strcmp0 (format, "text") != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("unknown report format “%s”: use text or json"), format);

      g_printerr ("waymark: %s\n", message);
      return WM_EXIT_USAGE;
    }
  project = load_input (path, &input);
  if (project == NULL)
    return WM_EXIT_INVALID;
  errors = json ? print_json (path, project) : print_text (path, input, project);
  return strict && errors > 0 ? WM_EXIT_INVALID : WM_EXIT_OK;
}

void
wm_cli_export_clear (WmCliExport *request)
{
  g_clear_pointer (&request->output, g_free);
  g_clear_pointer (&request->format, g_free);
  g_clear_pointer (&request->diagram, g_free);
  g_clear_pointer (&request->page, g_free);
  g_clear_pointer (&request->orientation, g_free);
  g_clear_pointer (&request->background, g_free);
  g_clear_pointer (&request->svg_text, g_free);
  g_clear_pointer (&request->import, g_free);
}

static int
usage_error (const char *message)
{
  g_printerr ("waymark: %s\n", message);
  return WM_EXIT_USAGE;
}

/* The format --format or OUT's extension asks for: a picture in
 * options->format, or a text format in @text (else WM_EXCHANGE_UNKNOWN).
 * NULL, or why neither. */
static char *
choose_format (const WmCliExport *request,
               WmExportOptions   *options,
               WmExchangeFormat  *text)
{
  *text = WM_EXCHANGE_UNKNOWN;
  if (request->format != NULL)
    {
      if (wm_export_format_from_name (request->format, &options->format))
        return NULL;
      *text = wm_convert_format_from_name (request->format);
      if (*text != WM_EXCHANGE_UNKNOWN)
        return NULL;
      return g_strdup_printf (_("unknown format “%s”: use png, pdf, svg, pptx, puml, drawio, "
                                "csv, md or waymark"), request->format);
    }
  if (wm_export_format_from_path (request->output, &options->format))
    return NULL;
  *text = wm_exchange_from_extension (request->output);
  if (*text != WM_EXCHANGE_UNKNOWN)
    return NULL;
  return g_strdup_printf (_("cannot tell the format of “%s”: name it .png, .pdf, .svg, .pptx, "
                            ".puml, .drawio, .csv, .md or .waymark, or give --format"),
                          request->output);
}

/* Turns the command-line words into export options; FALSE after printing why not. */
static gboolean
parse_export_options (const WmCliExport *request,
                      WmExportOptions   *options,
                      WmExchangeFormat  *text)
{
  g_autofree char *message = NULL;

  wm_export_options_init (options);
  if ((message = choose_format (request, options, text)) != NULL)
    ;
  else if (request->markdown_svgs && *text != WM_EXCHANGE_MARKDOWN)
    message = g_strdup (_("--markdown-svgs goes with a Markdown export (.md)"));
  else if (request->traceability && *text != WM_EXCHANGE_CSV)
    message = g_strdup (_("--traceability goes with a CSV export (.csv)"));
  else if (request->scale != 0 && request->dpi != 0)
    message = g_strdup (_("give --scale or --dpi, not both"));
  /* Written so that a NaN ("--scale=nan") is out of range too. */
  else if (!(request->scale >= 0 && request->scale <= 20) || request->dpi < 0 ||
           request->dpi > 1920)
    message = g_strdup (_("the scale must be between 0 and 20, and the dpi between 1 and 1920"));
  else if (request->page != NULL && !wm_export_page_from_name (request->page, &options->page))
    message = g_strdup_printf (_("unknown page size “%s”: use a4, a3, letter or fit"), request->page);
  else if (request->orientation != NULL && g_strcmp0 (request->orientation, "portrait") != 0 &&
           g_strcmp0 (request->orientation, "landscape") != 0)
    message = g_strdup_printf (_("unknown orientation “%s”: use portrait or landscape"),
                               request->orientation);
  else if (request->background != NULL && g_strcmp0 (request->background, "white") != 0 &&
           g_strcmp0 (request->background, "transparent") != 0)
    message = g_strdup_printf (_("unknown background “%s”: use white or transparent"),
                               request->background);
  else if (request->svg_text != NULL && g_strcmp0 (request->svg_text, "text") != 0 &&
           g_strcmp0 (request->svg_text, "paths") != 0)
    message = g_strdup_printf (_("unknown SVG text mode “%s”: use text or paths"),
                               request->svg_text);
  if (message != NULL)
    {
      usage_error (message);
      return FALSE;
    }

  if (request->scale > 0)
    options->scale = request->scale;
  else if (request->dpi > 0)
    options->scale = request->dpi / 96.0;
  if (request->orientation != NULL)
    options->orientation = g_str_equal (request->orientation, "portrait")
                             ? WM_ORIENTATION_PORTRAIT : WM_ORIENTATION_LANDSCAPE;
  options->transparent = g_strcmp0 (request->background, "transparent") == 0;
  options->tiles = request->tiles;
  options->svg_text = g_strcmp0 (request->svg_text, "text") == 0;
  return TRUE;
}

/* Exports @diagram, or the presentation of @project when @diagram is NULL, to @path. */
static int
export_one (WmProject             *project,
            WmDiagram             *diagram,
            const WmExportOptions *options,
            const char            *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  gboolean done = diagram ? wm_export_diagram_to_file (diagram, options, file, &error)
                          : wm_export_presentation_to_file (project, options, file, &error);

  if (!done)
    {
      g_printerr ("waymark: %s\n", error->message);
      return WM_EXIT_INVALID;
    }
  return WM_EXIT_OK;
}

/* --diagram=all: each file written on stdout, each failure on stderr. */
static void
report_each (WmDiagram    *diagram,
             const char   *path,
             const GError *error,
             gpointer      user_data)
{
  if (error != NULL)
    g_printerr ("waymark: %s\n", error->message);
  else
    g_print ("%s\n", path);
}

/* A text format (PlantUML, draw.io, CSV, Markdown, a Waymark project):
 * @diagram alone when given, else what the format takes of the project. */
static int
export_text (WmProject         *project,
             WmDiagram         *diagram,
             WmExchangeFormat   format,
             const WmCliExport *request)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (request->output);
  g_autoptr(GError) error = NULL;
  WmConvertOptions options;

  wm_convert_options_init (&options);
  options.markdown_svgs = request->markdown_svgs;
  options.csv_traceability = request->traceability;
  if (!wm_convert_export_to_file (project, diagram, format, &options, file, &error))
    {
      g_printerr ("waymark: %s\n", error->message);
      return WM_EXIT_INVALID;
    }
  return WM_EXIT_OK;
}

/* --import=FILE: FILE's diagrams join @project; a CSV table with --diagram
 * naming a diagram of @project updates that diagram instead, row by row.
 * FALSE after printing why nothing could be imported. */
static gboolean
import_into (WmProject         *project,
             const WmCliExport *request)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (request->import);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_auto(WmImportLog) log = { 0, };
  g_autoptr(WmProject) imported = NULL;
  WmDiagram *target = NULL;
  gboolean done;
  gsize size;

  if (!g_file_load_contents (file, NULL, &data, &size, NULL, &error))
    {
      g_printerr ("waymark: %s\n", error->message);
      return FALSE;
    }
  wm_import_log_init (&log);
  if (request->diagram != NULL && g_strcmp0 (request->diagram, "all") != 0)
    target = wm_project_find_diagram (project, request->diagram);
  if (target != NULL && wm_exchange_detect (data, size, request->import) == WM_EXCHANGE_CSV)
    done = wm_import_csv_into (target, data, size, &log, &error);
  else
    {
      imported = wm_convert_import (data, size, request->import, &log, &error);
      target = imported ? wm_project_add_diagrams_from (project, imported, &error) : NULL;
      done = target != NULL;
      /* A table for a diagram the project lacks makes it, under that name. */
      if (done && request->diagram != NULL && g_strcmp0 (request->diagram, "all") != 0 &&
          wm_exchange_detect (data, size, request->import) == WM_EXCHANGE_CSV)
        wm_diagram_rename (target, request->diagram);
    }
  print_import_log (&log, request->import);
  if (!done)
    g_printerr ("%s\n", error->message);
  return done;
}

void
wm_cli_warn_missing_font (void)
{
  static gboolean checked;
  g_autofree char *wanted = NULL;
  g_autofree char *used = NULL;
  g_autofree char *message = NULL;

  if (checked)
    return;
  checked = TRUE;
  if (wm_fonts_check (&wanted, &used))
    return;
  if (used != NULL)
    message = g_strdup_printf (_("warning: the font “%s” is not installed; exports use “%s” "
                                 "instead and will look different"), wanted, used);
  else
    message = g_strdup_printf (_("warning: no font is installed, not even “%s”; exports will "
                                 "have no readable text"), wanted);
  g_printerr ("waymark: %s\n", message);
}

int
wm_cli_export (const char        *path,
               const WmCliExport *request)
{
  g_autoptr(WmProject) project = NULL;
  WmExportOptions options;
  WmExchangeFormat text;
  WmDiagram *diagram = NULL;

  if (!parse_export_options (request, &options, &text))
    return WM_EXIT_USAGE;
  /* Only what the painters draw depends on the font: not a table or a text.
   * Fontconfig sets itself up while the project is read. */
  if (text == WM_EXCHANGE_UNKNOWN || request->markdown_svgs)
    wm_fonts_prepare ();
  project = load_input (path, NULL);
  if (project == NULL)
    return WM_EXIT_INVALID;
  if (text == WM_EXCHANGE_UNKNOWN || request->markdown_svgs)
    wm_cli_warn_missing_font ();
  if (request->import != NULL && !import_into (project, request))
    return WM_EXIT_INVALID;
  if (text == WM_EXCHANGE_WAYMARK)
    return export_text (project, NULL, text, request);
  if (wm_project_get_n_diagrams (project) == 0)
    return usage_error (_("the project has no diagrams to export"));

  if (request->diagram != NULL && g_strcmp0 (request->diagram, "all") != 0)
    {
      diagram = wm_project_find_diagram (project, request->diagram);
      if (diagram == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("the project has no diagram named “%s”"), request->diagram);
          g_printerr ("waymark: %s\n", message);
          return WM_EXIT_INVALID;
        }
    }

  if (text != WM_EXCHANGE_UNKNOWN)
    return export_text (project, diagram, text, request);
  /* A PDF or PowerPoint deck of no particular diagram is the presentation of them all. */
  if ((options.format == WM_EXPORT_PDF || options.format == WM_EXPORT_PPTX) &&
      request->diagram == NULL)
    return export_one (project, NULL, &options, request->output);
  if (g_strcmp0 (request->diagram, "all") == 0)
    return wm_export_each_diagram (project, &options, request->output, report_each, NULL, NULL)
             ? WM_EXIT_OK : WM_EXIT_INVALID;
  return export_one (project, diagram ? diagram : wm_project_get_diagram (project, 0), &options,
                     request->output);
}
