/* wm-convert.c — any format Waymark reads into a project, a project into
 * any text format it writes
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-convert"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "waymark-model.h"
#include "wm-convert.h"
#include "wm-csv.h"
#include "wm-drawio.h"
#include "wm-markdown.h"
#include "wm-plantuml.h"

void
wm_convert_options_init (WmConvertOptions *options)
{
  memset (options, 0, sizeof *options);
}

gboolean
wm_convert_can_import (WmExchangeFormat format)
{
  return format == WM_EXCHANGE_WAYMARK || format == WM_EXCHANGE_PLANTUML ||
         format == WM_EXCHANGE_DRAWIO || format == WM_EXCHANGE_CSV;
}

gboolean
wm_convert_can_export (WmExchangeFormat format)
{
  return format != WM_EXCHANGE_UNKNOWN;
}

WmExchangeFormat
wm_convert_format_from_name (const char *name)
{
  static const struct
  {
    const char       *name;
    WmExchangeFormat  format;
  } names[] = {
    { "waymark", WM_EXCHANGE_WAYMARK },
    { "puml", WM_EXCHANGE_PLANTUML },
    { "plantuml", WM_EXCHANGE_PLANTUML },
    { "drawio", WM_EXCHANGE_DRAWIO },
    { "csv", WM_EXCHANGE_CSV },
    { "md", WM_EXCHANGE_MARKDOWN },
    { "markdown", WM_EXCHANGE_MARKDOWN },
  };

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i].name) == 0)
      return names[i].format;
  return WM_EXCHANGE_UNKNOWN;
}

/* "model.puml" for "/tmp/model.puml"; "model" without the extension. */
static char *
file_stem (const char *filename,
           gboolean    strip_extension)
{
  g_autofree char *base = g_path_get_basename (filename);
  char *dot = strrchr (base, '.');

  if (strip_extension && dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

static WmProject *
import_by_format (WmExchangeFormat  format,
                  const char       *data,
                  gsize             size,
                  const char       *filename,
                  WmImportLog      *log,
                  GError          **error)
{
  switch (format)
    {
    case WM_EXCHANGE_WAYMARK:
      return wm_project_load_from_data (data, size, filename, error);
    case WM_EXCHANGE_PLANTUML:
      return wm_import_plantuml (data, size, filename, log, error);
    case WM_EXCHANGE_DRAWIO:
      return wm_import_drawio (data, size, filename, log, error);
    case WM_EXCHANGE_CSV:
      return wm_import_csv (data, size, filename, log, error);
    case WM_EXCHANGE_MARKDOWN:
      g_set_error (error, WM_ERROR, WM_ERROR_NOT_A_PROJECT,
                   _("%s: Waymark writes Markdown but cannot read it"), filename);
      return NULL;
    case WM_EXCHANGE_UNKNOWN:
    default:
      g_set_error (error, WM_ERROR, WM_ERROR_NOT_A_PROJECT,
                   _("%s: not a file Waymark can read (a Waymark project, PlantUML, draw.io or "
                     "CSV)"), filename);
      return NULL;
    }
}

WmProject *
wm_convert_import (const char  *data,
                   gsize        size,
                   const char  *filename,
                   WmImportLog *log,
                   GError     **error)
{
  const char *name = filename != NULL ? filename : "-";
  WmExchangeFormat format = wm_exchange_detect (data, size, filename);
  g_autoptr(WmProject) project = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  project = import_by_format (format, data ? data : "", size, name, log, error);
  if (project == NULL || format == WM_EXCHANGE_WAYMARK)
    return g_steal_pointer (&project);
  /* Another tool's file becomes a project named after it, as a document
   * opened in any editor is; its extension says nothing to the reader. */
  title = file_stem (name, TRUE);
  if (filename != NULL && title[0] != '\0' && g_utf8_validate (title, -1, NULL))
    wm_project_set_title (project, title);
  wm_project_set_file (project, NULL);
  wm_project_clear_history (project);
  return g_steal_pointer (&project);
}

/* Markdown's pictures go beside the document, named after it. */
static char *
export_markdown (WmProject              *project,
                 const WmConvertOptions *options,
                 GFile                  *file,
                 GError                **error)
{
  WmMarkdownOptions markdown = { 0, };
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *dir = folder ? g_file_get_path (folder) : NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *stem = path ? file_stem (path, TRUE) : NULL;

  if (options != NULL && options->markdown_svgs)
    {
      if (dir == NULL || stem == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                       _("The diagrams’ pictures can only be written beside a local file."));
          return NULL;
        }
      markdown.svg_dir = dir;
      markdown.svg_stem = stem;
    }
  return wm_export_markdown (project, &markdown, error);
}

static GBytes *
export_bytes (WmProject              *project,
              WmDiagram              *only,
              WmExchangeFormat        format,
              const WmConvertOptions *options,
              GFile                  *file,
              GError                **error)
{
  char *text = NULL;

  switch (format)
    {
    case WM_EXCHANGE_WAYMARK: return wm_project_serialize (project);
    case WM_EXCHANGE_PLANTUML: text = wm_export_plantuml (project, only, error); break;
    case WM_EXCHANGE_DRAWIO: text = wm_export_drawio (project, only, error); break;
    case WM_EXCHANGE_CSV:
      text = options != NULL && options->csv_traceability ? wm_export_trace_csv (project)
                                                          : wm_export_csv (project, only, error);
      break;
    case WM_EXCHANGE_MARKDOWN: text = export_markdown (project, options, file, error); break;
    case WM_EXCHANGE_UNKNOWN:
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                   _("Waymark cannot write this format."));
      return NULL;
    }
  return text ? g_bytes_new_take (text, strlen (text)) : NULL;
}

gboolean
wm_convert_export_to_file (WmProject              *project,
                           WmDiagram              *only,
                           WmExchangeFormat        format,
                           const WmConvertOptions *options,
                           GFile                  *file,
                           GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (WM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (only == NULL || WM_IS_DIAGRAM (only), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = export_bytes (project, only, format, options, file, error);
  return bytes != NULL &&
         wm_safe_save_bytes (file, bytes, WM_SAFE_SAVE_NONE, NULL, NULL, NULL, error);
}
