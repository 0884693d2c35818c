/* wm-fonts.h — whether the painters get the font they ask for
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Asks Pango, as the painters do, for the families of WM_FONT_FAMILY and
 * returns TRUE when the first of them (the one the layouts are designed
 * for) is what it gives. @wanted receives that family's name and @used the
 * family Pango gives instead, or NULL when it finds no font at all; either
 * may be NULL. Uses the calling thread's default font map. */
gboolean wm_fonts_check (char **wanted,
                         char **used);

/* Makes the calling thread's default font map, as wm_fonts_check() and the
 * painters use: Pango reads fontconfig's configuration and font list on a
 * thread of its own, so whatever the caller does next (reading a project)
 * runs beside it instead of after it. */
void     wm_fonts_prepare (void);

G_END_DECLS
