/* wm-figure.h — typed figures and the one way they are written
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a figure's value measures, and so how it is written. */
typedef enum
{
  WM_FIGURE_NONE,      /* no figure: written as an empty string */
  WM_FIGURE_SECONDS,   /* a time in seconds, always written in seconds: "38 s" */
  WM_FIGURE_DURATION,  /* a time in seconds, written in s, min, h or days as reads best */
  WM_FIGURE_DAYS,      /* days: "1 day", "4.7 days" */
  WM_FIGURE_PERCENT,   /* a value in per cent (not a fraction): "95 %", "0.014 %" */
  WM_FIGURE_CHANGE,    /* a signed change in per cent: "+12.5 %", "−56.8 %" */
  WM_FIGURE_PIECES,    /* a quantity of parts: "920 pcs" */
  WM_FIGURE_COUNT,     /* a whole number: "3" */
  WM_FIGURE_NUMBER,    /* a plain number or ratio: "1.8" */
  WM_FIGURE_AMOUNT,    /* a number as entered, such as a KPI's: up to six significant
                        * digits, "6.25", and from a million in full with thin-space
                        * thousands, "1 250 000" */
} WmFigureKind;

typedef struct
{
  WmFigureKind kind;
  double       value;  /* NAN when the figure is unknown: written "—" */
} WmFigure;

/* @figure in the user's locale: whole numbers without decimals, others with
 * one, and values below 0.095 (below 1 for per cents) with two significant
 * digits, trailing zeros dropped, so that 0.014 % and 0.0094 % read apart. */
char *wm_figure_format    (const WmFigure *figure);
/* The same for a value of @kind. */
char *wm_figure_format_as (WmFigureKind    kind,
                           double          value);

/* One figure a notation computes for a diagram, or for an item of it. */
typedef struct
{
  const char *id;           /* stable key, static: "lead-time", "stock" */
  char       *item_id;      /* the item the figures are about; NULL for the whole diagram */
  char       *label;        /* translated: "Production lead time", "Inventory “Steel”" */
  const char *description;  /* translated, for a tooltip; may be NULL */
  const char *unknown;      /* translated reason when figure.value is NAN, else NULL */
  WmFigure    figure;
  WmFigure    detail;       /* a second figure on the same line, or of kind WM_FIGURE_NONE */
} WmMetric;

/* A GArray of WmMetric that frees their strings. */
GArray         *wm_metrics_new  (void);
/* Appends a metric with copies of @item_id and @label and returns it, to
 * fill in the optional fields; valid until the next append. */
WmMetric       *wm_metrics_add  (GArray         *metrics,
                                 const char     *id,
                                 const char     *item_id,
                                 const char     *label,
                                 WmFigure        figure);
/* The metric of the whole diagram with @id, or NULL. */
const WmMetric *wm_metrics_find (GArray         *metrics,
                                 const char     *id);
/* @metric's figure as the panels and reports write it ("2.5 days, 460 pcs"),
 * or why it is unknown ("unknown, there is no lead time"). */
char           *wm_metric_format (const WmMetric *metric);

G_END_DECLS
