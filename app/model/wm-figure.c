/* wm-figure.c — typed figures and the one way they are written
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line, the panels and the painters all write figures through
 * here, so that a lead time reads the same on screen, in a PDF and in a
 * script's output. Numbers follow the user's locale (its decimal separator,
 * through printf), as lean practitioners write them: whole numbers without
 * decimals, others with one. A small value keeps two significant digits
 * instead (without trailing zeros), so that it does not read as zero and two
 * of them can be told apart: process cycle efficiency is often a small
 * fraction of a per cent, and 0.014 % is not 0.009 %.
 */
#define G_LOG_DOMAIN "wm-figure"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "wm-figure.h"

/* Below these a value is written with significant digits. */
#define SMALL_NUMBER 0.095
#define SMALL_PERCENT 1.0
#define SIGNIFICANT_DIGITS 2

/* Durations switch unit at two of the next one: 90 s, 15 min, 2.5 h, 3 days. */
#define MINUTE 60.0
#define HOUR 3600.0
#define DAY 86400.0

static gboolean
is_whole (double value)
{
  return fabs (value - round (value)) < 0.05;
}

/* How many decimals show @value with two significant digits: 0.0586 takes
 * three ("0.059"), 0.0094 four ("0.0094"). Rounding can carry into the next
 * digit, so 0.00999 takes three ("0.010"), not four. */
static int
significant_decimals (double value)
{
  int decimals = SIGNIFICANT_DIGITS - 1 - (int) floor (log10 (fabs (value)));
  double scale = pow (10, decimals);
  double rounded = round (value * scale) / scale;

  return SIGNIFICANT_DIGITS - 1 - (int) floor (log10 (fabs (rounded)));
}

/* Trailing zeros add nothing a reader needs: 0.50 is written 0.5 and
 * 0.0090 is written 0.009. */
static int
trim_decimals (double value,
               int    decimals)
{
  while (decimals > 0 && fmod (round (fabs (value) * pow (10, decimals)), 10) == 0)
    decimals--;
  return decimals;
}

/* A number below @small (in absolute value) with significant digits, else
 * whole or with one decimal. */
static char *
format_number (double value,
               double small)
{
  if (value != 0 && fabs (value) < small)
    {
      int decimals = significant_decimals (value);
      double scale = pow (10, decimals);
      double rounded = round (value * scale) / scale;

      /* 0.999 % rounds up to 1 %, which is no longer small. */
      if (fabs (rounded) < small)
        return g_strdup_printf ("%.*f", trim_decimals (rounded, decimals), rounded);
    }
  if (is_whole (value))
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

/* An amount as the analyst entered it: no rounding to one decimal, but no
 * exponent either, which a dashboard reader does not expect. */
#define AMOUNT_DIGITS 6
#define AMOUNT_IN_FULL 1e6
#define AMOUNT_MAX_IN_FULL 1e15

static char *
format_amount (double amount)
{
  static const char thin_space[] = "\u202f";
  g_autofree char *digits = NULL;
  const char *start;
  GString *grouped;
  gsize n;

  if (fabs (amount) < AMOUNT_IN_FULL || fabs (amount) >= AMOUNT_MAX_IN_FULL)
    return g_strdup_printf ("%.*g", AMOUNT_DIGITS, amount);
  digits = g_strdup_printf ("%.0f", amount);
  start = digits + (digits[0] == '-');
  n = strlen (start);
  grouped = g_string_new_len (digits, start - digits);
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (grouped, thin_space);
      g_string_append_c (grouped, start[i]);
    }
  return g_string_free (grouped, FALSE);
}

static char *
format_seconds (double seconds)
{
  g_autofree char *number = format_number (seconds, SMALL_NUMBER);

  /* Translators: a time in seconds, as in “38 s”. */
  return g_strdup_printf (_("%s s"), number);
}

static char *
format_days (double days)
{
  g_autofree char *number = format_number (days, SMALL_NUMBER);
  double whole = round (fabs (days));

  /* Plural forms need a whole number, which a fraction of a day is not. */
  if (days == 0 || (fabs (days) >= SMALL_NUMBER && is_whole (days)))
    return g_strdup_printf (ngettext ("%s day", "%s days",
                                      (gulong) MIN (whole, (double) G_MAXULONG)),
                            number);
  /* Translators: a fractional number of days, such as “4.7 days”. */
  return g_strdup_printf (C_("fraction", "%s days"), number);
}

/* Changeovers run from seconds to days: each in the unit that reads best. */
static char *
format_duration (double seconds)
{
  g_autofree char *number = NULL;

  if (fabs (seconds) < 2 * MINUTE)
    return format_seconds (seconds);
  if (fabs (seconds) >= 2 * DAY)
    return format_days (seconds / DAY);
  if (fabs (seconds) < 2 * HOUR)
    {
      number = format_number (seconds / MINUTE, SMALL_NUMBER);
      /* Translators: a time in minutes, as in “15 min”. */
      return g_strdup_printf (_("%s min"), number);
    }
  number = format_number (seconds / HOUR, SMALL_NUMBER);
  /* Translators: a time in hours, as in “2.5 h”. */
  return g_strdup_printf (_("%s h"), number);
}

static char *
format_percent (double percent)
{
  g_autofree char *number = format_number (percent, SMALL_PERCENT);

  /* Translators: a percentage, as in “95 %”; use your language's spacing. */
  return g_strdup_printf (_("%s %%"), number);
}

/* Always signed and with one decimal, with a real minus sign. */
static char *
format_change (double change)
{
  /* Translators: a change in per cent, as in “+12.5 %”; keep the “+”. */
  g_autofree char *text = g_strdup_printf (_("%+.1f %%"), change);
  g_auto(GStrv) parts = g_strsplit (text, "-", -1);

  return g_strjoinv ("−", parts);
}

static char *
format_pieces (double pieces)
{
  g_autofree char *number = format_number (pieces, SMALL_NUMBER);

  /* Translators: a quantity of parts, as in “920 pcs”. */
  return g_strdup_printf (_("%s pcs"), number);
}

char *
wm_figure_format (const WmFigure *figure)
{
  g_return_val_if_fail (figure != NULL, NULL);

  if (figure->kind == WM_FIGURE_NONE)
    return g_strdup ("");
  if (!isfinite (figure->value))
    return g_strdup ("—");
  switch (figure->kind)
    {
    case WM_FIGURE_SECONDS: return format_seconds (figure->value);
    case WM_FIGURE_DURATION: return format_duration (figure->value);
    case WM_FIGURE_DAYS: return format_days (figure->value);
    case WM_FIGURE_PERCENT: return format_percent (figure->value);
    case WM_FIGURE_CHANGE: return format_change (figure->value);
    case WM_FIGURE_PIECES: return format_pieces (figure->value);
    case WM_FIGURE_COUNT: return g_strdup_printf ("%.0f", round (figure->value));
    case WM_FIGURE_NUMBER: return format_number (figure->value, SMALL_NUMBER);
    case WM_FIGURE_AMOUNT: return format_amount (figure->value);
    case WM_FIGURE_NONE:
    default: g_return_val_if_reached (g_strdup (""));
    }
}

char *
wm_figure_format_as (WmFigureKind kind,
                     double       value)
{
  WmFigure figure = { kind, value };

  return wm_figure_format (&figure);
}

/* Lists of metrics */

static void
metric_clear (gpointer data)
{
  WmMetric *metric = data;

  g_clear_pointer (&metric->item_id, g_free);
  g_clear_pointer (&metric->label, g_free);
}

GArray *
wm_metrics_new (void)
{
  GArray *metrics = g_array_new (FALSE, TRUE, sizeof (WmMetric));

  g_array_set_clear_func (metrics, metric_clear);
  return metrics;
}

WmMetric *
wm_metrics_add (GArray     *metrics,
                const char *id,
                const char *item_id,
                const char *label,
                WmFigure    figure)
{
  WmMetric metric = { .id = id, .figure = figure, .detail = { WM_FIGURE_NONE, 0 } };

  g_return_val_if_fail (metrics != NULL, NULL);
  g_return_val_if_fail (id != NULL && label != NULL, NULL);

  metric.item_id = g_strdup (item_id);
  metric.label = g_strdup (label);
  g_array_append_val (metrics, metric);
  return &g_array_index (metrics, WmMetric, metrics->len - 1);
}

const WmMetric *
wm_metrics_find (GArray     *metrics,
                 const char *id)
{
  g_return_val_if_fail (metrics != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < metrics->len; i++)
    {
      const WmMetric *metric = &g_array_index (metrics, WmMetric, i);

      if (metric->item_id == NULL && g_str_equal (metric->id, id))
        return metric;
    }
  return NULL;
}

char *
wm_metric_format (const WmMetric *metric)
{
  g_autofree char *value = NULL;
  g_autofree char *detail = NULL;

  if (isnan (metric->figure.value) && metric->unknown != NULL)
    {
      /* Translators: a figure that cannot be computed, then why, as in
       * “unknown, there is no lead time”. */
      return g_strdup_printf (_("unknown, %s"), metric->unknown);
    }
  value = wm_figure_format (&metric->figure);
  if (metric->detail.kind == WM_FIGURE_NONE)
    return g_steal_pointer (&value);
  detail = wm_figure_format (&metric->detail);
  /* Translators: two figures about one thing, as in “2.5 days, 460 pcs”. */
  return g_strdup_printf (_("%s, %s"), value, detail);
}
