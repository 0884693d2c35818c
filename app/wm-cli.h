/* wm-cli.h — the headless command line: --check
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

typedef struct
{
  const char *output;       /* --export=OUT */
  const char *format;       /* png, pdf, svg, or NULL for OUT's extension */
  const char *diagram;      /* a name or id, "all", or NULL */
  double      scale;        /* 0 when not given */
  int         dpi;          /* 0 when not given */
  const char *page;         /* a4, a3, letter, fit */
  const char *orientation;  /* portrait, landscape */
  const char *background;   /* white, transparent */
} WmCliExport;

/* Validates @path and prints its diagrams and problems to stdout, errors to stderr. */
int wm_cli_check  (const char        *path,
                   gboolean           strict);
/* Exports @path as @request asks; errors are one line on stderr. */
int wm_cli_export (const char        *path,
                   const WmCliExport *request);

G_END_DECLS
