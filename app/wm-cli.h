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

/* Validates @path and prints its diagrams and problems to stdout, errors to stderr. */
int wm_cli_check (const char *path,
                  gboolean    strict);

G_END_DECLS
