/* wm-viewport.h — what part of a diagram a canvas shows, apart from the widget
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "waymark-model.h"

G_BEGIN_DECLS

#define WM_VIEWPORT_MIN_ZOOM 0.02
#define WM_VIEWPORT_MAX_ZOOM 8.0

#define WM_TYPE_VIEWPORT (wm_viewport_get_type ())
G_DECLARE_FINAL_TYPE (WmViewport, wm_viewport, WM, VIEWPORT, GObject)

WmViewport *wm_viewport_new              (void);

/* Widget pixels per document unit, clamped to [MIN_ZOOM, MAX_ZOOM]. */
double      wm_viewport_get_zoom         (WmViewport *self);
void        wm_viewport_set_zoom         (WmViewport *self,
                                          double      zoom);
/* Device pixels per widget pixel: the display's scale factor, at least 1. */
double      wm_viewport_get_scale_factor (WmViewport *self);
void        wm_viewport_set_scale_factor (WmViewport *self,
                                          double      scale_factor);
/* Device pixels per document unit (zoom x scale factor): what the level of
 * detail follows. */
double      wm_viewport_get_device_zoom  (WmViewport *self);
/* The document point shown at the widget's top-left corner. */
void        wm_viewport_get_origin       (WmViewport *self,
                                          double     *x,
                                          double     *y);
void        wm_viewport_set_origin       (WmViewport *self,
                                          double      x,
                                          double      y);
/* The widget's size in pixels. */
void        wm_viewport_set_size         (WmViewport *self,
                                          double      width,
                                          double      height);
void        wm_viewport_get_size         (WmViewport *self,
                                          double     *width,
                                          double     *height);

void        wm_viewport_widget_to_doc    (WmViewport *self,
                                          double      wx,
                                          double      wy,
                                          double     *dx,
                                          double     *dy);
void        wm_viewport_doc_to_widget    (WmViewport *self,
                                          double      dx,
                                          double      dy,
                                          double     *wx,
                                          double     *wy);
/* The same for a rectangle. */
void        wm_viewport_doc_rect_to_widget (WmViewport   *self,
                                            const WmRect *doc,
                                            WmRect       *widget);
/* The document area the widget shows. */
void        wm_viewport_get_visible      (WmViewport *self,
                                          WmRect     *visible);
/* Zooms by @factor keeping the document point under widget point (wx, wy) still. */
void        wm_viewport_zoom_at          (WmViewport *self,
                                          double      factor,
                                          double      wx,
                                          double      wy);
/* Pans by a distance in widget pixels. */
void        wm_viewport_pan              (WmViewport *self,
                                          double      dx,
                                          double      dy);
/* Shows all of @area, centred, with a margin in pixels. */
void        wm_viewport_fit              (WmViewport   *self,
                                          const WmRect *area,
                                          double        margin);

/* Shows the width of @area within a margin in pixels, at a zoom kept
 * between @min_zoom and @max_zoom: centred when all of @area fits, its left
 * or top edge at the margin along a side where it does not. */
void        wm_viewport_fit_width        (WmViewport   *self,
                                          const WmRect *area,
                                          double        margin,
                                          double        min_zoom,
                                          double        max_zoom);

G_END_DECLS
