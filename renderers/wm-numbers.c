/* wm-numbers.c — decimal numbers as cairo's PDF and SVG surfaces write them
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cairo writes every coordinate of a PDF or SVG page with the C library's
 * snprintf ("%f", or "%.*f" with 3 digits in a PDF), about 3 000
 * instructions a number in glibc's general formatter: a third of a large
 * SVG export's time. The numbers are doubles of modest size, so the exact
 * decimal expansion glibc rounds fits in 128-bit integer arithmetic: the
 * value is m × 2^e with m below 2^63, m × 10^precision is below 2^123, and
 * shifting it right by -e with the remainder compared to one half rounds
 * it to nearest, ties to even, as glibc does in the default rounding mode.
 * What does not fit is left to the C library (see wm-numbers.h). Cairo
 * formats integers (a glyph's number, twice for each glyph of an SVG)
 * through snprintf too; they are simpler still.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "wm-numbers.h"

__extension__ typedef unsigned __int128 WmU128;

#define MAX_PRECISION 18
/* Values up to 2^63 (m below 2^53, shifted left by at most 10). */
#define MAX_LEFT_SHIFT 10

static const uint64_t powers_of_ten[MAX_PRECISION + 1] = {
  1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull,
  100000000ull, 1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull,
  10000000000000ull, 100000000000000ull, 1000000000000000ull, 10000000000000000ull,
  100000000000000000ull, 1000000000000000000ull,
};

/* |value| × 10^precision rounded to an integer, ties to even; 0 when
 * |value| reaches 2^63, else 1. */
static int
scaled_and_rounded (double  value,
                    int     precision,
                    WmU128 *rounded)
{
  uint64_t bits;
  uint64_t mantissa;
  int exponent;
  WmU128 scaled;
  int shift;

  memcpy (&bits, &value, sizeof bits);
  exponent = (int) ((bits >> 52) & 0x7ff);
  mantissa = bits & ((UINT64_C (1) << 52) - 1);
  if (exponent == 0)
    exponent = 1;             /* subnormal: no implicit leading bit */
  else
    mantissa |= UINT64_C (1) << 52;
  exponent -= 1075;           /* |value| = mantissa × 2^exponent */
  if (exponent > MAX_LEFT_SHIFT)
    return 0;
  if (exponent > 0)
    {
      mantissa <<= exponent;
      exponent = 0;
    }
  scaled = (WmU128) mantissa * powers_of_ten[precision];
  shift = -exponent;
  if (shift == 0)
    *rounded = scaled;
  else if (shift > 123)
    *rounded = 0;             /* below a quarter of the last digit's unit */
  else
    {
      WmU128 half = (WmU128) 1 << (shift - 1);
      WmU128 remainder = scaled & ((half << 1) - 1);
      WmU128 quotient = scaled >> shift;

      if (remainder > half || (remainder == half && (quotient & 1) != 0))
        quotient++;
      *rounded = quotient;
    }
  return 1;
}

/* Writes @magnitude's digits, and a '-' before them when @negative, in
 * front of @start; returns the new start. */
static char *
prepend_integer (char     *start,
                 int       negative,
                 uint64_t  magnitude)
{
  do
    {
      *--start = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude != 0);
  if (negative)
    *--start = '-';
  return start;
}

/* Copies the characters from @start to @end and a NUL into @buffer;
 * their length, or -1, having written nothing, when they do not fit. */
static int
copy_out (char       *buffer,
          size_t      size,
          const char *start,
          const char *end)
{
  size_t length = (size_t) (end - start);

  if (length >= size)
    return -1;
  memcpy (buffer, start, length);
  buffer[length] = '\0';
  return (int) length;
}

int
wm_numbers_format_fixed (char   *buffer,
                         size_t  size,
                         double  value,
                         int     precision)
{
  char digits[48];
  char *end = digits + sizeof digits, *start = end;
  WmU128 rounded;
  uint64_t whole, fraction;

  if (!isfinite (value) || precision < 0 || precision > MAX_PRECISION ||
      !scaled_and_rounded (value, precision, &rounded))
    return -1;
  if ((rounded >> 64) == 0)
    {
      /* Most numbers: 64-bit division, several times cheaper. */
      whole = (uint64_t) rounded / powers_of_ten[precision];
      fraction = (uint64_t) rounded - whole * powers_of_ten[precision];
    }
  else
    {
      whole = (uint64_t) (rounded / powers_of_ten[precision]);
      fraction = (uint64_t) (rounded - (WmU128) whole * powers_of_ten[precision]);
    }
  for (int i = 0; i < precision; i++)
    {
      *--start = (char) ('0' + fraction % 10);
      fraction /= 10;
    }
  if (precision > 0)
    *--start = '.';
  start = prepend_integer (start, signbit (value), whole);
  return copy_out (buffer, size, start, end);
}

int
wm_numbers_format_integer (char     *buffer,
                           size_t    size,
                           int       negative,
                           uint64_t  magnitude)
{
  char digits[24];
  char *end = digits + sizeof digits;

  return copy_out (buffer, size, prepend_integer (end, negative, magnitude), end);
}
