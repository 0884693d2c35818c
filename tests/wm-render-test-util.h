/* wm-render-test-util.h — helpers shared by the tests of what the painters draw
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "wm-render.h"

G_BEGIN_DECLS

/* The picture a PNG in memory holds; fails the test when it is not one. */
cairo_surface_t *wm_test_png_from_bytes    (GBytes          *bytes);
/* The number of pixels that differ between two images of the same size
 * (the test fails on another size); with @with_alpha FALSE only the colour
 * is compared, as an RGB PNG reads back as RGB24, whose fourth byte means
 * nothing. The first few differences go to the test log. */
guint            wm_test_count_differences (cairo_surface_t *expected,
                                            cairo_surface_t *actual,
                                            gboolean         with_alpha);
guint            wm_test_count_differences_beyond (cairo_surface_t *expected,
                                                   cairo_surface_t *actual,
                                                   gboolean         with_alpha,
                                                   guint            tolerance);
/* A cairo write function that appends to the GByteArray @closure. */
cairo_status_t   wm_test_append_bytes      (void                *closure,
                                            const unsigned char *data,
                                            unsigned int         length);
/* Fails the test unless @inner lies within @outer, edges included. */
void             wm_test_assert_rect_within (const WmRect   *inner,
                                             const WmRect   *outer);

G_END_DECLS
