/* wm-libc-numbers.c — cairo's numbers through wm-numbers.c, in waymark only
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cairo 1.16 formats each number of a PDF or SVG page by calling
 * snprintf (buffer, size, "%f", value) on a buffer of known size, which
 * glibc's fortified headers turn into __snprintf_chk. The waymark
 * executable defines that symbol, so the dynamic linker binds cairo's calls
 * (and any library's) to this definition before glibc's: the forms cairo
 * uses for numbers — "%f", "%.*f" and "%.NNf", and "%d", "%u", "%ld" and
 * "%lu" — go to wm-numbers.c, which writes the same characters in a tenth
 * of the time, and everything else, with every check, to glibc's
 * __vsnprintf_chk. The fast way is taken only where it gives glibc's
 * result: a locale whose decimal point is '.', the default rounding mode,
 * a buffer the fortify check accepts. WAYMARK_LIBC_NUMBERS=1 in the
 * environment leaves every call to glibc; the tests compare the two.
 *
 * Only the executable carries this file: the libraries and the tests that
 * link them format with glibc.
 */
#include "config.h"

#include <fenv.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wm-numbers.h"

/* glibc's fortified entry points (bits/stdio2-decl.h declares them only
 * when _FORTIFY_SOURCE is on). */
int __snprintf_chk   (char       *s,
                      size_t      maxlen,
                      int         flag,
                      size_t      slen,
                      const char *format,
                      ...);
int __vsnprintf_chk  (char       *s,
                      size_t      maxlen,
                      int         flag,
                      size_t      slen,
                      const char *format,
                      va_list     ap);

/* -1 until read, then 1 when WAYMARK_LIBC_NUMBERS=1 is set, else 0. */
static int libc_only = -1;

static int
libc_only_asked (void)
{
  int only = __atomic_load_n (&libc_only, __ATOMIC_RELAXED);

  if (only < 0)
    {
      const char *value = getenv ("WAYMARK_LIBC_NUMBERS");

      only = value != NULL && strcmp (value, "1") == 0;
      __atomic_store_n (&libc_only, only, __ATOMIC_RELAXED);
    }
  return only;
}

/* Whether glibc would write a '.' and round to nearest. */
static int
point_and_rounding_as_expected (void)
{
  const char *point = nl_langinfo (RADIXCHAR);

  return point[0] == '.' && point[1] == '\0' && fegetround () == FE_TONEAREST;
}

/* The precision @format asks of one double, for "%f", "%.*f" (taking the
 * int from @ap) and "%.N"/"%.NN" "f"; -1 for any other format. */
static int
fixed_precision (const char *format,
                 va_list    *ap)
{
  const char *p = format + 2;
  int precision = 0;

  if (format[0] != '%')
    return -1;
  if (strcmp (format + 1, "f") == 0)
    return 6;
  if (format[1] != '.')
    return -1;
  if (strcmp (p, "*f") == 0)
    return va_arg (*ap, int);
  for (int i = 0; i < 2 && *p >= '0' && *p <= '9'; i++, p++)
    precision = precision * 10 + (*p - '0');
  return p > format + 2 && strcmp (p, "f") == 0 ? precision : -1;
}

static int
format_signed (char   *s,
               size_t  maxlen,
               long    value)
{
  return wm_numbers_format_integer (s, maxlen, value < 0,
                                    value < 0 ? 0u - (uint64_t) value : (uint64_t) value);
}

/* @format's one integer conversion written into @s, for "%d", "%u",
 * "%ld" and "%lu"; -1 for any other format or when it does not fit. */
static int
format_integer (char       *s,
                size_t      maxlen,
                const char *format,
                va_list    *ap)
{
  if (strcmp (format, "%d") == 0)
    return format_signed (s, maxlen, va_arg (*ap, int));
  if (strcmp (format, "%ld") == 0)
    return format_signed (s, maxlen, va_arg (*ap, long));
  if (strcmp (format, "%u") == 0)
    return wm_numbers_format_integer (s, maxlen, 0, va_arg (*ap, unsigned int));
  if (strcmp (format, "%lu") == 0)
    return wm_numbers_format_integer (s, maxlen, 0, va_arg (*ap, unsigned long));
  return -1;
}

int
__snprintf_chk (char       *s,
                size_t      maxlen,
                int         flag,
                size_t      slen,
                const char *format,
                ...)
{
  va_list ap;
  int written = -1;

  va_start (ap, format);
  if (format[0] == '%' && slen >= maxlen && !libc_only_asked ())
    {
      va_list args;
      int precision;

      va_copy (args, ap);
      /* Integers do not depend on the locale (there is no ' flag). */
      if (format[1] == 'd' || format[1] == 'u' || format[1] == 'l')
        written = format_integer (s, maxlen, format, &args);
      else if (point_and_rounding_as_expected () &&
               (precision = fixed_precision (format, &args)) >= 0)
        written = wm_numbers_format_fixed (s, maxlen, va_arg (args, double), precision);
      va_end (args);
    }
  if (written < 0)
    written = __vsnprintf_chk (s, maxlen, flag, slen, format, ap);
  va_end (ap);
  return written;
}
