/* wm-viewport.c — what part of a diagram a canvas shows, apart from the widget
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The viewport is plain state and arithmetic: a zoom, the document point at
 * the widget's top-left corner and the widget's size. The canvas owns one,
 * listens to its notifications and never does the transforms itself, so the
 * tests can check every transform without a display.
 *
 *   widget = (doc - origin) * zoom        doc = origin + widget / zoom
 */
#define G_LOG_DOMAIN "wm-viewport"

#include "config.h"

#include <math.h>

#include "wm-viewport.h"

struct _WmViewport
{
  GObject parent_instance;

  double zoom;
  double scale_factor;
  double origin_x;
  double origin_y;
  double width;
  double height;
};

G_DEFINE_FINAL_TYPE (WmViewport, wm_viewport, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_ORIGIN_X,
  PROP_ORIGIN_Y,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_SCALE_FACTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_viewport_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WmViewport *self = WM_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_ORIGIN_X:
      g_value_set_double (value, self->origin_x);
      break;
    case PROP_ORIGIN_Y:
      g_value_set_double (value, self->origin_y);
      break;
    case PROP_WIDTH:
      g_value_set_double (value, self->width);
      break;
    case PROP_HEIGHT:
      g_value_set_double (value, self->height);
      break;
    case PROP_SCALE_FACTOR:
      g_value_set_double (value, self->scale_factor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_viewport_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  WmViewport *self = WM_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      wm_viewport_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_ORIGIN_X:
      wm_viewport_set_origin (self, g_value_get_double (value), self->origin_y);
      break;
    case PROP_ORIGIN_Y:
      wm_viewport_set_origin (self, self->origin_x, g_value_get_double (value));
      break;
    case PROP_SCALE_FACTOR:
      wm_viewport_set_scale_factor (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_viewport_class_init (WmViewportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = wm_viewport_get_property;
  object_class->set_property = wm_viewport_set_property;

  /**
   * WmViewport:zoom:
   *
   * Widget pixels per document unit. Setting it keeps the document point at
   * the centre of the widget where it is.
   */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         WM_VIEWPORT_MIN_ZOOM, WM_VIEWPORT_MAX_ZOOM, 1.0, flags);
  properties[PROP_ORIGIN_X] =
    g_param_spec_double ("origin-x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);
  properties[PROP_ORIGIN_Y] =
    g_param_spec_double ("origin-y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);
  properties[PROP_WIDTH] =
    g_param_spec_double ("width", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HEIGHT] =
    g_param_spec_double ("height", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * WmViewport:scale-factor:
   *
   * Device pixels per widget pixel, as the widget's scale factor says.
   */
  properties[PROP_SCALE_FACTOR] =
    g_param_spec_double ("scale-factor", NULL, NULL, 1.0, G_MAXDOUBLE, 1.0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_viewport_init (WmViewport *self)
{
  self->zoom = 1.0;
  self->scale_factor = 1.0;
}

WmViewport *
wm_viewport_new (void)
{
  return g_object_new (WM_TYPE_VIEWPORT, NULL);
}

double
wm_viewport_get_zoom (WmViewport *self)
{
  g_return_val_if_fail (WM_IS_VIEWPORT (self), 1.0);

  return self->zoom;
}

double
wm_viewport_get_scale_factor (WmViewport *self)
{
  g_return_val_if_fail (WM_IS_VIEWPORT (self), 1.0);

  return self->scale_factor;
}

void
wm_viewport_set_scale_factor (WmViewport *self,
                              double      scale_factor)
{
  g_return_if_fail (WM_IS_VIEWPORT (self));

  if (!isfinite (scale_factor) || scale_factor < 1)
    scale_factor = 1;
  if (scale_factor == self->scale_factor)
    return;
  self->scale_factor = scale_factor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE_FACTOR]);
}

double
wm_viewport_get_device_zoom (WmViewport *self)
{
  g_return_val_if_fail (WM_IS_VIEWPORT (self), 1.0);

  return self->zoom * self->scale_factor;
}

static double
clamp_zoom (double zoom)
{
  if (!isfinite (zoom))
    return 1.0;
  return CLAMP (zoom, WM_VIEWPORT_MIN_ZOOM, WM_VIEWPORT_MAX_ZOOM);
}

/* Sets zoom and origin together and notifies each that really changed. */
static void
update (WmViewport *self,
        double      zoom,
        double      origin_x,
        double      origin_y)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (object, properties[PROP_ZOOM]);
    }
  if (origin_x != self->origin_x && isfinite (origin_x))
    {
      self->origin_x = origin_x;
      g_object_notify_by_pspec (object, properties[PROP_ORIGIN_X]);
    }
  if (origin_y != self->origin_y && isfinite (origin_y))
    {
      self->origin_y = origin_y;
      g_object_notify_by_pspec (object, properties[PROP_ORIGIN_Y]);
    }
  g_object_thaw_notify (object);
}

/* Sets the zoom so that the document point under (wx, wy) stays under it. */
static void
zoom_to (WmViewport *self,
         double      zoom,
         double      wx,
         double      wy)
{
  double px, py;

  wm_viewport_widget_to_doc (self, wx, wy, &px, &py);
  update (self, zoom, px - wx / zoom, py - wy / zoom);
}

void
wm_viewport_set_zoom (WmViewport *self,
                      double      zoom)
{
  g_return_if_fail (WM_IS_VIEWPORT (self));

  /* A zoom control outside the canvas (a menu, a spin button) expects the
   * middle of the view to stay put, as the keyboard shortcuts do. */
  zoom_to (self, clamp_zoom (zoom), self->width / 2, self->height / 2);
}

void
wm_viewport_get_origin (WmViewport *self,
                        double     *x,
                        double     *y)
{
  g_return_if_fail (WM_IS_VIEWPORT (self));

  if (x != NULL)
    *x = self->origin_x;
  if (y != NULL)
    *y = self->origin_y;
}

void
wm_viewport_set_origin (WmViewport *self,
                        double      x,
                        double      y)
{
  g_return_if_fail (WM_IS_VIEWPORT (self));

  update (self, self->zoom, x, y);
}

void
wm_viewport_set_size (WmViewport *self,
                      double      width,
                      double      height)
{
  GObject *object;

  g_return_if_fail (WM_IS_VIEWPORT (self));

  object = G_OBJECT (self);
  width = MAX (width, 0);
  height = MAX (height, 0);
  g_object_freeze_notify (object);
  if (width != self->width)
    {
      self->width = width;
      g_object_notify_by_pspec (object, properties[PROP_WIDTH]);
    }
  if (height != self->height)
    {
      self->height = height;
      g_object_notify_by_pspec (object, properties[PROP_HEIGHT]);
    }
  g_object_thaw_notify (object);
}

void
wm_viewport_get_size (WmViewport *self,
                      double     *width,
                      double     *height)
{
  g_return_if_fail (WM_IS_VIEWPORT (self));

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

void
wm_viewport_widget_to_doc (WmViewport *self,
                           double      wx,
                           double      wy,
                           double     *dx,
                           double     *dy)
{
  g_return_if_fail (WM_IS_VIEWPORT (self));

  if (dx != NULL)
    *dx = self->origin_x + wx / self->zoom;
  if (dy != NULL)
    *dy = self->origin_y + wy / self->zoom;
}

void
wm_viewport_doc_to_widget (WmViewport *self,
                           double      dx,
                           double      dy,
                           double     *wx,
                           double     *wy)
{
  g_return_if_fail (WM_IS_VIEWPORT (self));

  if (wx != NULL)
    *wx = (dx - self->origin_x) * self->zoom;
  if (wy != NULL)
    *wy = (dy - self->origin_y) * self->zoom;
}

void
wm_viewport_doc_rect_to_widget (WmViewport   *self,
                                const WmRect *doc,
                                WmRect       *widget)
{
  g_return_if_fail (WM_IS_VIEWPORT (self));

  *widget = (WmRect) { (doc->x - self->origin_x) * self->zoom,
                       (doc->y - self->origin_y) * self->zoom,
                       doc->width * self->zoom, doc->height * self->zoom };
}

void
wm_viewport_get_visible (WmViewport *self,
                         WmRect     *visible)
{
  g_return_if_fail (WM_IS_VIEWPORT (self));
  g_return_if_fail (visible != NULL);

  *visible = (WmRect) { self->origin_x, self->origin_y,
                        self->width / self->zoom, self->height / self->zoom };
}

void
wm_viewport_zoom_at (WmViewport *self,
                     double      factor,
                     double      wx,
                     double      wy)
{
  g_return_if_fail (WM_IS_VIEWPORT (self));

  if (!isfinite (factor) || factor <= 0)
    return;
  zoom_to (self, clamp_zoom (self->zoom * factor), wx, wy);
}

/* Positive distances move the view right and down over the document, so
 * the drawing moves left and up, as a scroll bar does. */
void
wm_viewport_pan (WmViewport *self,
                 double      dx,
                 double      dy)
{
  g_return_if_fail (WM_IS_VIEWPORT (self));

  update (self, self->zoom, self->origin_x + dx / self->zoom, self->origin_y + dy / self->zoom);
}

void
wm_viewport_fit (WmViewport   *self,
                 const WmRect *area,
                 double        margin)
{
  double room_w, room_h, width, height, zoom;

  g_return_if_fail (WM_IS_VIEWPORT (self));
  g_return_if_fail (area != NULL);

  /* A widget too small for the margin still shows the whole area. */
  margin = MAX (margin, 0);
  room_w = self->width > 2 * margin ? self->width - 2 * margin : self->width;
  room_h = self->height > 2 * margin ? self->height - 2 * margin : self->height;
  if (room_w <= 0 || room_h <= 0)
    return;
  width = MAX (area->width, 1);
  height = MAX (area->height, 1);
  zoom = clamp_zoom (MIN (room_w / width, room_h / height));
  update (self, zoom,
          area->x + area->width / 2 - self->width / (2 * zoom),
          area->y + area->height / 2 - self->height / (2 * zoom));
}

/* Where the view along one side starts: @area centred when it fits in
 * @room pixels, else its start at the margin. */
static double
fit_start (double start,
           double size,
           double view,
           double room,
           double margin,
           double zoom)
{
  if (size * zoom <= room)
    return start + size / 2 - view / (2 * zoom);
  return start - MIN (margin, view / 2) / zoom;
}

void
wm_viewport_fit_width (WmViewport   *self,
                       const WmRect *area,
                       double        margin,
                       double        min_zoom,
                       double        max_zoom)
{
  double room_w, room_h, zoom;

  g_return_if_fail (WM_IS_VIEWPORT (self));
  g_return_if_fail (area != NULL);

  margin = MAX (margin, 0);
  room_w = self->width > 2 * margin ? self->width - 2 * margin : self->width;
  room_h = self->height > 2 * margin ? self->height - 2 * margin : self->height;
  if (room_w <= 0 || room_h <= 0)
    return;
  zoom = clamp_zoom (CLAMP (room_w / MAX (area->width, 1), min_zoom, MAX (min_zoom, max_zoom)));
  update (self, zoom,
          fit_start (area->x, area->width, self->width, room_w, margin, zoom),
          fit_start (area->y, area->height, self->height, room_h, margin, zoom));
}
