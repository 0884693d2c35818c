/* wm-text-private.h — laid-out text handed to something other than cairo, or
 * shaped on another thread
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "wm-render.h"

G_BEGIN_DECLS

/* Takes the place of drawing @layout on @cr: the current point of @cr is
 * where the layout's top left corner goes, its source is the colour and its
 * matrix the transform in effect. */
typedef void (*WmTextSinkFunc) (cairo_t     *cr,
                                PangoLayout *layout,
                                gpointer     user_data);

/* From now on, every text wm_draw_text() and wm_draw_label() would draw on
 * @cr goes to @func instead, which records it: the SVG export writes such
 * text as <text> elements rather than glyph outlines. Other ink (the pads
 * of labels, greeked bars) is drawn as usual. */
void _wm_text_set_sink (cairo_t        *cr,
                        WmTextSinkFunc  func,
                        gpointer        user_data);

/* Whether _wm_text_set_sink() gave @cr a sink. */
gboolean _wm_text_has_sink (cairo_t *cr);

/* Moves the layouts of @from that @to lacks into @to, within its bounds:
 * text another thread shaped for a paint that follows on this one. */
void _wm_text_cache_adopt (WmTextCache *to,
                           WmTextCache *from);

G_END_DECLS
