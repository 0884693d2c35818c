/* wm-png.h — PNG files painted and written a band of rows at a time
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* The largest PNG we make: cairo's widest image surface (a band is one),
 * and, as time grows with the area, the area of the 20 000 × 20 000 picture
 * that was the limit when pictures were painted whole. Memory grows with
 * the width only (a band of rows at a time). */
#define WM_PNG_MAX_PIXELS 32767
#define WM_PNG_MAX_AREA 400000000.0

/* Paints the picture's rows band->y to band->y + band->height - 1 into @cr,
 * whose origin is already the picture's top left corner; anything outside
 * the band may be left out. */
typedef void (*WmPngPaintFunc) (cairo_t                     *cr,
                                const cairo_rectangle_int_t *band,
                                gpointer                     user_data);

typedef struct
{
  int      width;
  int      height;
  double   pixels_per_inch;  /* written as the pHYs chunk; 0 writes none */
  gboolean alpha;            /* RGBA; else RGB, the painting being opaque */
  int      band_rows;        /* rows painted at a time; 0 chooses for the width */
  int      compression;      /* zlib level, 0 to 9 */
} WmPngOptions;

void     wm_png_options_init (WmPngOptions  *options,
                              int            width,
                              int            height);
/* Paints the picture band by band with @paint on the calling thread while
 * a thread of its own compresses the band before, and writes the PNG to
 * @stream. */
gboolean wm_png_write        (GOutputStream      *stream,
                              const WmPngOptions *options,
                              WmPngPaintFunc      paint,
                              gpointer            user_data,
                              GError            **error);

G_END_DECLS
