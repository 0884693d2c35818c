/* wm-limits.c — checking and clamping values against the project's limits
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-limits"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "wm-error.h"
#include "wm-limits.h"

gsize
wm_limits_text_length (const char *text)
{
  gsize n = 0;

  g_return_val_if_fail (text != NULL, 0);

  /* A short text is counted whole, a long one only until it is past the limit. */
  if (strnlen (text, WM_LIMIT_TEXT_CHARS + 1) <= WM_LIMIT_TEXT_CHARS)
    return g_utf8_strlen (text, -1);
  for (const char *p = text; *p != '\0' && n <= WM_LIMIT_TEXT_CHARS; p = g_utf8_next_char (p))
    n++;
  return n;
}

gboolean
wm_limits_check_text (const char *text,
                      GError    **error)
{
  g_return_val_if_fail (text != NULL, FALSE);

  /* No more bytes than the limit: no more characters either, uncounted. */
  if (strnlen (text, WM_LIMIT_TEXT_CHARS + 1) <= WM_LIMIT_TEXT_CHARS ||
      wm_limits_text_length (text) <= WM_LIMIT_TEXT_CHARS)
    return TRUE;
  g_set_error (error, WM_ERROR, WM_ERROR_INVALID,
               ngettext ("A text can hold at most %d character.",
                         "A text can hold at most %d characters.", WM_LIMIT_TEXT_CHARS),
               WM_LIMIT_TEXT_CHARS);
  return FALSE;
}

gboolean
wm_limits_coordinate_is_valid (double value)
{
  return isfinite (value) && fabs (value) <= WM_LIMIT_COORDINATE;
}

gboolean
wm_limits_size_is_valid (double value)
{
  return isfinite (value) && value >= 0 && value <= WM_LIMIT_SIZE;
}

double
wm_limits_clamp_coordinate (double value)
{
  return isfinite (value) ? CLAMP (value, -WM_LIMIT_COORDINATE, WM_LIMIT_COORDINATE) : 0;
}

double
wm_limits_clamp_size (double value)
{
  return isfinite (value) ? CLAMP (value, 0, WM_LIMIT_SIZE) : 0;
}

void
wm_limits_clamp_rect (WmRect *rect)
{
  g_return_if_fail (rect != NULL);

  rect->x = wm_limits_clamp_coordinate (rect->x);
  rect->y = wm_limits_clamp_coordinate (rect->y);
  rect->width = wm_limits_clamp_size (rect->width);
  rect->height = wm_limits_clamp_size (rect->height);
}
