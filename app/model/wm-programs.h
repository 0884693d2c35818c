/* wm-programs.h — where Waymark's own programs are
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The path of @name, one of the programs Waymark runs (waymark-editor,
 * waymark-layout): as the environment variable @variable says when it is
 * set (the tests), else beside the running program when it is there (the
 * build folder), else in libexecdir, where it is installed. */
char *wm_program_path (const char *variable,
                       const char *name);

G_END_DECLS
