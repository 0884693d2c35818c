/* wm-batch.h — shapes and texts of many items, drawn together by style
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* While a batch is open on @cr, wm_fill(), wm_stroke() and the text of
 * wm_draw_text() hand what they would draw to it instead (see wm-batch.c):
 * it is drawn when the batch closes, each fill colour, pen and text colour
 * in as few paths and runs as the overlaps of the shapes allow.
 * wm_render_diagram() opens one for files (PDF, SVG), where cairo writes
 * every operator a painter sends, unless one is open already (a test
 * opens one on an image to compare pixels). @cell is the size, in device
 * units, of the grid that finds overlaps: about an item's. */
void     _wm_batch_open        (cairo_t     *cr,
                                double       cell);
void     _wm_batch_close       (cairo_t     *cr);
gboolean _wm_batch_is_open     (cairo_t     *cr);
/* Draws what is held, before something is drawn straight on @cr (an image,
 * a group); the current path is kept. */
void     _wm_batch_flush       (cairo_t     *cr);

/* The hooks of wm_fill(), wm_stroke() and the text painters: FALSE when no
 * batch is open on @cr or it cannot take this one (a clip or a group it was
 * not opened under, another operator, a pattern that is not a colour, a
 * sheared pen), and the caller draws at once (the batch has been flushed
 * first). @preserve keeps the current path as cairo_fill_preserve() does. */
gboolean _wm_batch_fill        (cairo_t     *cr,
                                gboolean     preserve);
gboolean _wm_batch_stroke      (cairo_t     *cr,
                                gboolean     preserve);
gboolean _wm_batch_show_layout (cairo_t     *cr,
                                PangoLayout *layout);

/* How many groups the open batch has drawn so far, and how many shapes and
 * texts went into them: for tests. */
/* What a batch held when it was closed without drawing it, to be drawn on
 * another context: the items another thread painted for an export. */
typedef struct _WmBatchHeld WmBatchHeld;

WmBatchHeld *_wm_batch_close_held (cairo_t     *cr);
void         _wm_batch_draw_held  (cairo_t     *cr,
                                   WmBatchHeld *held);
void         _wm_batch_held_free  (WmBatchHeld *held);

void     _wm_batch_get_counts  (cairo_t     *cr,
                                guint       *n_groups,
                                guint       *n_ops);

/* How many times the open batch has laid its grid anew, and the size of its
 * cells now, in device units: for tests. */
void     _wm_batch_get_grid    (cairo_t     *cr,
                                guint       *n_regrids,
                                double      *cell);

/* How many overlap searches the open batch has made, and how many filed
 * boxes and cells they read in all: for tests. */
void     _wm_batch_get_reads   (cairo_t     *cr,
                                guint       *n_searches,
                                guint64     *n_reads);

G_END_DECLS
