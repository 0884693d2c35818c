/* wm-deck-pages.h — the presentation's analysis pages: a current against a
 * future value stream, and the traceability of cross-diagram links
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "wm-draw.h"
#include "wm-trace.h"
#include "wm-vsm.h"

G_BEGIN_DECLS

/* Paints the comparison into @box (PDF points): its own title and the two
 * maps' names at the top, then the table of figures. The caller draws the
 * footer. */
void  _wm_deck_paint_comparison (cairo_t               *cr,
                                 WmTextCache           *text,
                                 const WmVsmComparison *comparison,
                                 const WmRect          *box);

/* Paints rows [first, …) of @rows (WmTraceRow, see wm_trace_collect) into
 * @box (PDF points) and returns how many fit (at least one when first <
 * rows->len); with @draw FALSE only measures. Group headings (the source
 * diagram) repeat at the top of a continued page. The caller draws the
 * page's title ("Traceability") above @box and the footer below it. */
guint _wm_deck_paint_trace      (cairo_t               *cr,
                                 WmTextCache           *text,
                                 GPtrArray             *rows,
                                 guint                  first,
                                 const WmRect          *box,
                                 gboolean               draw);

G_END_DECLS
