/* wm-types.c — small value types and the model's error domain
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-types"

#include "config.h"

#include "wm-error.h"
#include "wm-types.h"

G_DEFINE_QUARK (wm-error-quark, wm_error)

gboolean
wm_rect_is_empty (const WmRect *rect)
{
  return rect->width <= 0 || rect->height <= 0;
}

gboolean
wm_rect_intersects (const WmRect *a,
                    const WmRect *b)
{
  return a->x <= b->x + b->width && b->x <= a->x + a->width &&
         a->y <= b->y + b->height && b->y <= a->y + a->height;
}

gboolean
wm_rect_contains (const WmRect *rect,
                  double        x,
                  double        y)
{
  return x >= rect->x && x <= rect->x + rect->width &&
         y >= rect->y && y <= rect->y + rect->height;
}

void
wm_rect_union (const WmRect *a,
               const WmRect *b,
               WmRect       *dest)
{
  double x1, y1, x2, y2;

  if (wm_rect_is_empty (a))
    {
      *dest = *b;
      return;
    }
  if (wm_rect_is_empty (b))
    {
      *dest = *a;
      return;
    }
  x1 = MIN (a->x, b->x);
  y1 = MIN (a->y, b->y);
  x2 = MAX (a->x + a->width, b->x + b->width);
  y2 = MAX (a->y + a->height, b->y + b->height);
  *dest = (WmRect) { x1, y1, x2 - x1, y2 - y1 };
}

gboolean
wm_str_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}
