/* test-numbers.c — wm_numbers_format_fixed() against the C library
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The formatters must write, character for character, what snprintf's
 * "%.*f" (and "%d", "%u", "%ld", "%lu") writes (in the C locale, rounding to nearest), because the
 * waymark executable hands it cairo's numbers in place of glibc's
 * (app/wm-libc-numbers.c). Compared here over random bit patterns of
 * every magnitude it takes, the exact halves where rounding goes to the
 * even digit, cairo's 24.8 fixed-point values, and the edges it leaves
 * to the C library.
 */
#include "config.h"

#include <float.h>
#include <glib.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "wm-numbers.h"

/* Both ways, for one value and precision; the formatter may decline only
 * when told to expect it. */
static void
assert_as_libc (double value,
                int    precision)
{
  char ours[64], theirs[64];
  int length = wm_numbers_format_fixed (ours, sizeof ours, value, precision);
  int expected = snprintf (theirs, sizeof theirs, "%.*f", precision, value);

  if (length < 0 || strcmp (ours, theirs) != 0)
    g_error ("%.17g at precision %d: wrote “%s” (%d), the C library “%s”",
             value, precision, length >= 0 ? ours : "", length, theirs);
  g_assert_cmpint (length, ==, expected);
}

static void
test_random_bits (void)
{
  GRand *rand = g_rand_new_with_seed (17);

  for (guint i = 0; i < 400000; i++)
    {
      guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      double value;

      memcpy (&value, &bits, sizeof value);
      /* Magnitudes the formatter takes: below 2^63. */
      if (!isfinite (value) || fabs (value) >= 0x1p63)
        {
          i--;
          continue;
        }
      assert_as_libc (value, g_rand_int_range (rand, 0, 19));
    }
  g_rand_free (rand);
}

/* Values a page holds: coordinates of every size, scaled, with the
 * precisions cairo asks for. */
static void
test_page_values (void)
{
  static const int precisions[] = { 6, 3, 18, 0, 1, 9 };
  GRand *rand = g_rand_new_with_seed (5);

  for (guint i = 0; i < 200000; i++)
    {
      double magnitude = pow (10, g_rand_double_range (rand, -9, 12));
      double value = g_rand_double_range (rand, -1, 1) * magnitude;

      assert_as_libc (value, precisions[i % G_N_ELEMENTS (precisions)]);
    }
  g_rand_free (rand);
}

/* Cairo's fixed-point coordinates are multiples of 1/256: many lie
 * exactly half-way between two results, which go to the even digit. */
static void
test_exact_halves (void)
{
  for (int k = -200000; k <= 200000; k++)
    {
      assert_as_libc (k / 256.0, 6);
      assert_as_libc (k / 256.0, 3);
      assert_as_libc (k / 2.0, 0);
      assert_as_libc (k / 8.0, 2);
    }
  for (int p = 0; p <= 18; p++)
    {
      assert_as_libc (0.5, p);
      assert_as_libc (2.5, p);
      assert_as_libc (-0.125, p);
      assert_as_libc (0x1p-60, p);
    }
}

static void
test_edges (void)
{
  static const double values[] = {
    0.0, -0.0, 1.0, -1.0, 0.1, -0.1, 1e-7, -1e-7, 5e-7, -5e-7, 4.9999999e-7, 0.0000005,
    DBL_MIN, -DBL_MIN, DBL_TRUE_MIN, -DBL_TRUE_MIN, 0x1p53, 0x1p53 + 2, 0x1p62,
    0x1.fffffffffffffp62, -0x1.fffffffffffffp62, 9007199254740993.0, 123456789.987654321,
    0.9999995, 0.9999994999, 99.9999995, 1e18, 1e-18, 5e-19, 1.5e-18,
  };
  char buffer[64];

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    for (int p = 0; p <= 18; p++)
      assert_as_libc (values[i], p);

  /* What it leaves to the C library. */
  g_assert_cmpint (wm_numbers_format_fixed (buffer, sizeof buffer, NAN, 6), ==, -1);
  g_assert_cmpint (wm_numbers_format_fixed (buffer, sizeof buffer, -INFINITY, 6), ==, -1);
  g_assert_cmpint (wm_numbers_format_fixed (buffer, sizeof buffer, 0x1p63, 6), ==, -1);
  g_assert_cmpint (wm_numbers_format_fixed (buffer, sizeof buffer, -1e300, 6), ==, -1);
  g_assert_cmpint (wm_numbers_format_fixed (buffer, sizeof buffer, 1.0, 19), ==, -1);
  g_assert_cmpint (wm_numbers_format_fixed (buffer, sizeof buffer, 1.0, -1), ==, -1);
  /* A buffer too small for the number and its NUL: nothing written. */
  memcpy (buffer, "untouched", 10);
  g_assert_cmpint (wm_numbers_format_fixed (buffer, 8, 12.5, 6), ==, -1);
  g_assert_cmpstr (buffer, ==, "untouched");
  g_assert_cmpint (wm_numbers_format_fixed (buffer, 10, 12.5, 6), ==, 9);
  g_assert_cmpstr (buffer, ==, "12.500000");
}

/* Integers, as "%d", "%u", "%ld" and "%lu" write them. */
static void
test_integers (void)
{
  static const long edges[] = { 0, 1, -1, 9, 10, -10, G_MAXINT, G_MININT, G_MAXLONG, G_MINLONG };
  GRand *rand = g_rand_new_with_seed (3);
  char ours[32], theirs[32];

  for (guint i = 0; i < 200000 + G_N_ELEMENTS (edges); i++)
    {
      long value = i < G_N_ELEMENTS (edges)
                     ? edges[i]
                     : (long) (((guint64) g_rand_int (rand) << 32) | g_rand_int (rand)) >>
                         g_rand_int_range (rand, 0, 64);
      int small = (int) value;

      snprintf (theirs, sizeof theirs, "%ld", value);
      wm_numbers_format_integer (ours, sizeof ours, value < 0,
                                 value < 0 ? 0u - (guint64) value : (guint64) value);
      g_assert_cmpstr (ours, ==, theirs);
      snprintf (theirs, sizeof theirs, "%lu", (unsigned long) value);
      wm_numbers_format_integer (ours, sizeof ours, 0, (unsigned long) value);
      g_assert_cmpstr (ours, ==, theirs);
      snprintf (theirs, sizeof theirs, "%d", small);
      wm_numbers_format_integer (ours, sizeof ours, small < 0,
                                 small < 0 ? 0u - (guint64) small : (guint64) small);
      g_assert_cmpstr (ours, ==, theirs);
      snprintf (theirs, sizeof theirs, "%u", (unsigned) small);
      g_assert_cmpint (wm_numbers_format_integer (ours, sizeof ours, 0, (unsigned) small), ==,
                       (int) strlen (theirs));
      g_assert_cmpstr (ours, ==, theirs);
    }
  g_rand_free (rand);

  /* Too small a buffer: nothing written. */
  memcpy (ours, "untouched", 10);
  g_assert_cmpint (wm_numbers_format_integer (ours, 3, TRUE, 42), ==, -1);
  g_assert_cmpstr (ours, ==, "untouched");
  g_assert_cmpint (wm_numbers_format_integer (ours, 4, TRUE, 42), ==, 3);
  g_assert_cmpstr (ours, ==, "-42");
}

int
main (int   argc,
      char *argv[])
{
  /* The C library's side of the comparison: a '.' as decimal point. */
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/numbers/random-bits", test_random_bits);
  g_test_add_func ("/numbers/page-values", test_page_values);
  g_test_add_func ("/numbers/exact-halves", test_exact_halves);
  g_test_add_func ("/numbers/edges", test_edges);
  g_test_add_func ("/numbers/integers", test_integers);
  return g_test_run ();
}
