/* wm-startup.h — what waymark and waymark-editor both do first
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The user's locale, and Waymark's message catalogue: from
 * $WAYMARK_LOCALEDIR when set (the tests), else where it is installed. */
void     wm_startup_init_i18n  (void);

/* Parses @argc and @argv with @context, whose options are @entries, then
 * lets messages, numbers and dates follow *@locale, the variable of a
 * --locale entry, when it is set. On a usage error or a locale that is not
 * installed, says so on stderr and returns FALSE. */
gboolean wm_startup_parse_options (GOptionContext     *context,
                                   const GOptionEntry *entries,
                                   int                *argc,
                                   char             ***argv,
                                   char              **locale);

G_END_DECLS
