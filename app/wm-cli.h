/* wm-cli.h — the headless command line: --check, --export
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  WM_EXIT_OK = 0,
  WM_EXIT_INVALID = 1,   /* the file cannot be read, or --strict found model errors */
  WM_EXIT_USAGE = 2,
} WmExitCode;

/* The export request as the command line gave it; owns its strings. */
typedef struct
{
  char   *output;       /* --export=OUT */
  char   *format;       /* png, pdf, svg, pptx, puml, drawio, csv, md, waymark; NULL: from OUT */
  char   *diagram;      /* a name or id, "all", or NULL */
  double  scale;        /* 0 when not given */
  int     dpi;          /* 0 when not given */
  char   *page;         /* a4, a3, letter, fit */
  char   *orientation;  /* portrait, landscape */
  char   *background;   /* white, transparent */
  gboolean tiles;       /* --tiles: split diagrams too large to read over several PDF pages */
  char   *svg_text;     /* paths, text */
  char   *import;       /* --import=FILE: added to the project (or, CSV, updating --diagram) */
  gboolean markdown_svgs; /* --markdown-svgs: each diagram's SVG beside the Markdown */
  gboolean traceability;  /* --traceability: a CSV of the cross-diagram links */
} WmCliExport;

void wm_cli_export_clear (WmCliExport *request);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WmCliExport, wm_cli_export_clear)

/* @path may be a Waymark project or any file Waymark imports (PlantUML,
 * draw.io, CSV): the import's warnings go to stderr as "FILE:LINE: warning: …".
 *
 * Validates @path and prints its diagrams, figures and problems to stdout,
 * errors to stderr; @format is "text" (the default when NULL) or "json"
 * (described by data/waymark-check.schema.json). */
int wm_cli_check  (const char        *path,
                   gboolean           strict,
                   const char        *format);
/* Prints, once per process, a warning on stderr when the painters' font is
 * not installed and naming the one used instead. */
void wm_cli_warn_missing_font (void);
/* Exports @path as @request asks; errors are one line on stderr. */
int wm_cli_export (const char        *path,
                   const WmCliExport *request);

G_END_DECLS
