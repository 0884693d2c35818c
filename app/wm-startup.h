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

/* --locale: messages, numbers and dates follow @locale rather than the
 * user's. Says so on stderr and returns FALSE when @locale is not
 * installed. */
gboolean wm_startup_use_locale (const char *locale);

G_END_DECLS
