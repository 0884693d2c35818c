/* wm-far-cache.h — the silhouettes of a diagram's items, kept while zoomed far out
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-painter-private.h"

G_BEGIN_DECLS

/* What each item adds to a WmFarBatch, recorded once and replayed on every
 * frame far out on screen: such a frame then reads a few arrays in order
 * instead of calling a painter, routing links and looking up their ends
 * for every item. The silhouettes do not depend on the scale (a WmFarBatch
 * takes document geometry), so one record serves every zoom far out.
 *
 * An edit that only changes items (a drag, a new text) marks them, the
 * links at the nodes among them and the links at those links' other ends
 * (a painter spreads the links that share a node) to be recorded again;
 * one that adds, removes or reorders items, or changes the diagram's
 * fields, drops the record. Main thread only: the screen paints there. */
typedef struct _WmFarCache WmFarCache;

/* Records one item: called with a WmPaintContext whose far batch records
 * into the cache (see _wm_far_cache_record_box()). */
typedef void (*WmFarRecordFunc) (WmPaintContext *ctx,
                                 const WmItem   *item,
                                 gpointer        user_data);

/* The diagram's cache, made on first use; owned by the diagram. */
WmFarCache *_wm_far_cache_get           (WmDiagram       *diagram);
/* Brings the record up to date for @variant (two ways of drawing the same
 * diagram, say with bare links or routed ones), recording what is missing
 * or stale through @record, then adds to @batch the silhouettes of the
 * items whose ink meets @visible, in z-order. */
void        _wm_far_cache_replay        (WmFarCache      *cache,
                                         WmPaintContext  *ctx,
                                         guint            variant,
                                         WmFarRecordFunc  record,
                                         gpointer         user_data,
                                         const WmRect    *visible,
                                         WmFarBatch      *batch);
/* How many items the last replay recorded (for the tests). */
guint       _wm_far_cache_get_n_recorded (WmFarCache     *cache);

/* What _wm_far_batch_box() and _wm_far_batch_line() do on a recording batch. */
void        _wm_far_cache_record_box    (WmFarCache      *cache,
                                         const WmRect    *rect,
                                         const WmColor   *fill,
                                         const WmColor   *edge,
                                         double           width);
void        _wm_far_cache_record_line   (WmFarCache      *cache,
                                         const WmPoint   *points,
                                         guint            n_points,
                                         const WmColor   *color,
                                         double           width);

/* A far batch that records into @cache instead of gathering layers
 * (wm-render.c), and its end. */
WmFarBatch *_wm_far_batch_new_recording (WmFarCache      *cache);
void        _wm_far_batch_free          (WmFarBatch      *batch);

G_END_DECLS
