/* wm-cli-merge.h — waymark --merge BASE OURS THEIRS, git's merge driver
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Merges the changes @ours and @theirs made to @base (git's %O %A %B) and
 * writes the result atomically over @ours, or to @output when it is not
 * NULL. Returns 0 when the merge is clean, 1 when conflicts remain (they
 * are recorded in the file and listed on stderr), 2 on an error, which
 * leaves every file as it was and is one line on stderr. */
int wm_cli_merge (const char *base,
                  const char *ours,
                  const char *theirs,
                  const char *output);

G_END_DECLS
