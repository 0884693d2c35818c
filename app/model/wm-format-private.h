/* wm-format-private.h — what the project file's reader and writer share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The checks a project file's raw bytes pass before libxml2 reads them
 * (wm-format-scan.c): its size, UTF-8 throughout, no DOCTYPE, and the limits
 * on elements, nesting and attributes. The reader runs it first; a writer
 * may run it on what it wrote, to refuse a save that could not be read. */
gboolean _wm_format_scan (const char *data,
                          gsize       length,
                          const char *name,
                          GError    **error);

G_END_DECLS
