/* wm-cli-team.h — the command line for teams: --diff, --textconv
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-cli.h"

G_BEGIN_DECLS

/* Runs --diff=OLD (with @files holding NEW) or --textconv (@files holding
 * the one file). With --diff and @request->output set, writes the visual
 * diff there instead of printing the changes; @request->format is then the
 * export's format, else "text" or "json" for the printed changes.
 *
 * Exit codes follow diff(1): 0 when the projects are equal, 1 when they
 * differ, 2 on errors (for --textconv: 0, or 2 on errors). */
int wm_cli_team (const char        *diff_old,
                 gboolean           textconv,
                 const char *const *files,
                 const WmCliExport *request);

G_END_DECLS
