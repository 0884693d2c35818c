/* wm-numbers.h — decimal numbers as cairo's PDF and SVG surfaces write them
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* Writes @value with @precision digits after a '.' into @buffer, exactly
 * as the C library's snprintf (buffer, size, "%.*f", precision, value)
 * does in a locale whose decimal point is '.' and in the default rounding
 * mode: the binary value rounded to nearest, ties to even, a '-' before
 * any negative value (also one that rounds to zero, and -0). Returns the
 * length written, without the terminating NUL, or -1 — having written
 * nothing — for what it leaves to the C library: a value that is not
 * finite or whose magnitude reaches 2^63, a precision outside 0–18, a
 * result that does not fit in @size. */
int wm_numbers_format_fixed (char   *buffer,
                             size_t  size,
                             double  value,
                             int     precision);

/* Writes the integer -@magnitude (when @negative) or @magnitude into
 * @buffer, as snprintf's "%d", "%u", "%ld" and "%lu" do. Returns the
 * length written, or -1, having written nothing, when it does not fit in
 * @size with its NUL. */
int wm_numbers_format_integer (char     *buffer,
                               size_t    size,
                               int       negative,
                               uint64_t  magnitude);
