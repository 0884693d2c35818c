/* wm-deck-pages.c — the presentation's analysis pages: a current against a
 * future value stream, and the traceability of cross-diagram links
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both pages speak the deck's language: the title page's accent bar, bold
 * headings over muted captions, hairlines in the faint colour. Figures are
 * written by wm_figure_format() from the notation's own metrics, so that the
 * page says exactly what the metrics pane and the command line say.
 */
#define G_LOG_DOMAIN "wm-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "wm-deck-pages.h"

static void
init_render (WmRenderOptions *render,
             WmTextCache     *text)
{
  wm_render_options_init (render);
  render->scale = 0;
  render->text = text;
}

static WmTextStyle
line_style (double         size,
            PangoWeight    weight,
            const WmColor *color)
{
  WmTextStyle style = wm_text_style (size);

  style.weight = weight;
  style.color = color;
  style.wrap = FALSE;
  return style;
}

static void
draw_rule (cairo_t       *cr,
           double         x,
           double         y,
           double         width,
           const WmColor *color)
{
  wm_draw_box (cr, &(WmRect) { x, y, width, 0.5 }, 0, color, NULL, 0);
}

/* The comparison page. */

#define COMPARE_ROW_HEIGHT_MAX 40.0
#define COMPARE_ROW_HEIGHT_MIN 18.0

/* The columns, as shares of the table's width. */
enum { COL_FIGURE, COL_CURRENT, COL_FUTURE, COL_CHANGE, COL_BARS, N_COLS };
static const double column_share[N_COLS] = { 0.30, 0.15, 0.15, 0.16, 0.24 };

typedef struct
{
  cairo_t                *cr;
  WmRenderOptions         render;
  const WmVsmComparison  *comparison;
  GArray                 *before;   /* WmMetric of the current map, or NULL */
  GArray                 *after;    /* of the future map */
  double                  x[N_COLS];
  double                  width[N_COLS];
} Compare;

static const WmMetric *
figure_metric (GArray      *metrics,
               WmVsmFigure  figure)
{
  return metrics != NULL ? wm_metrics_find (metrics, wm_vsm_figure_metric_id (figure)) : NULL;
}

static char *
figure_text (GArray      *metrics,
             WmVsmFigure  figure)
{
  const WmMetric *metric = figure_metric (metrics, figure);

  return metric != NULL ? wm_figure_format (&metric->figure) : g_strdup ("—");
}

static const WmColor *
verdict_color (int verdict)
{
  return verdict > 0 ? &wm_color_good : verdict < 0 ? &wm_color_bad : &wm_color_muted;
}

/* A small solid triangle pointing up (the figure rose) or down, centred at @x, @y. */
static void
draw_trend (cairo_t       *cr,
            double         x,
            double         y,
            gboolean       up,
            const WmColor *color)
{
  double half = 3.5, dir = up ? -1 : 1;

  cairo_save (cr);
  cairo_move_to (cr, x - half, y - dir * half * 0.8);
  cairo_line_to (cr, x + half, y - dir * half * 0.8);
  cairo_line_to (cr, x, y + dir * half * 0.9);
  cairo_close_path (cr);
  wm_set_color (cr, color);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The change: an arrow for its direction, coloured by whether the future
 * is better, and the per cent; "from 0" when the baseline is nothing. */
static void
draw_change (Compare     *c,
             WmVsmFigure  figure,
             double       y,
             double       height)
{
  double change = c->comparison->change[figure];
  int verdict = c->comparison->verdict[figure];
  const WmColor *color = verdict_color (verdict);
  WmTextStyle style = line_style (12, PANGO_WEIGHT_BOLD, color);
  /* Translators: the change of a figure whose current value is 0, so no percentage can be
   * given */
  g_autofree char *text = isnan (change) ? g_strdup (_("from 0"))
                                         : wm_figure_format_as (WM_FIGURE_CHANGE, change);
  double after = c->comparison->after[figure], before = c->comparison->before[figure];

  double width;

  style.halign = WM_ALIGN_END;
  style.valign = WM_ALIGN_CENTER;
  wm_draw_text (c->cr, &c->render, text,
                &(WmRect) { c->x[COL_CHANGE], y, c->width[COL_CHANGE] - 8, height }, &style);
  wm_measure_text (&c->render, text, 0, &style, &width, NULL);
  if (after != before && !isnan (after) && !isnan (before))
    draw_trend (c->cr, c->x[COL_CHANGE] + c->width[COL_CHANGE] - 8 - width - 9, y + height / 2,
                after > before, color);
}

/* Two thin bars, the current value over the future one, to a scale of the
 * larger: how far the figure moves, at a glance. Whether that is better
 * is the change column's to say, so the bars keep the key's colours. */
static void
draw_bars (Compare     *c,
           WmVsmFigure  figure,
           double       y,
           double       height)
{
  double before = c->comparison->before[figure], after = c->comparison->after[figure];
  double most = MAX (before, after);
  double x = c->x[COL_BARS] + 8, width = c->width[COL_BARS] - 8;
  double bar = MIN (6, height / 5);

  if (isnan (before) || isnan (after) || before < 0 || after < 0 || most <= 0)
    return;
  wm_draw_box (c->cr, &(WmRect) { x, y + height / 2 - bar - 1, MAX (1, width * before / most), bar },
               1, &wm_color_faint, NULL, 0);
  wm_draw_box (c->cr, &(WmRect) { x, y + height / 2 + 1, MAX (1, width * after / most), bar },
               1, &wm_color_accent, NULL, 0);
}

static void
draw_figure_row (Compare     *c,
                 WmVsmFigure  figure,
                 double       y,
                 double       height)
{
  const WmMetric *metric = figure_metric (c->before, figure);
  const char *label = metric != NULL ? metric->label : wm_vsm_figure_metric_id (figure);
  g_autofree char *before = figure_text (c->before, figure);
  g_autofree char *after = figure_text (c->after, figure);
  WmTextStyle name = line_style (12, PANGO_WEIGHT_NORMAL, NULL);
  WmTextStyle value = line_style (12, PANGO_WEIGHT_NORMAL, &wm_color_muted);

  name.valign = value.valign = WM_ALIGN_CENTER;
  name.ellipsize = TRUE;
  value.halign = WM_ALIGN_END;
  wm_draw_text (c->cr, &c->render, label,
                &(WmRect) { c->x[COL_FIGURE], y, c->width[COL_FIGURE] - 8, height }, &name);
  wm_draw_text (c->cr, &c->render, before,
                &(WmRect) { c->x[COL_CURRENT], y, c->width[COL_CURRENT] - 8, height }, &value);
  /* The future state is the page's subject: its figures stand out. */
  value.color = NULL;
  value.weight = PANGO_WEIGHT_BOLD;
  wm_draw_text (c->cr, &c->render, after,
                &(WmRect) { c->x[COL_FUTURE], y, c->width[COL_FUTURE] - 8, height }, &value);
  draw_change (c, figure, y, height);
  draw_bars (c, figure, y, height);
}

static void
draw_column_heads (Compare *c,
                   double   y)
{
  static const char *const heads[N_COLS] = {
    /* Translators: column headings of the table comparing a current-state map with
     * a future-state one: the figure's name (lead time...), a noun */
    N_("Figure"),
    /* Translators: a column heading: the value in the current-state map */
    N_("Current"),
    /* Translators: a column heading: the value in the future-state map */
    N_("Future"),
    /* Translators: a column heading: the change between the two values, a noun */
    N_("Change"),
    NULL,
  };
  WmTextStyle style = line_style (9, PANGO_WEIGHT_BOLD, &wm_color_muted);

  for (guint i = 0; i < N_COLS; i++)
    {
      style.halign = i == COL_FIGURE ? WM_ALIGN_START : WM_ALIGN_END;
      if (heads[i] != NULL)
        wm_draw_text (c->cr, &c->render, _(heads[i]),
                      &(WmRect) { c->x[i], y, c->width[i] - 8, 14 }, &style);
    }
}

/* The bars' key, under the bars' column: which bar is which map. */
static void
draw_bar_key (Compare *c,
              double   y)
{
  WmTextStyle style = line_style (8, PANGO_WEIGHT_NORMAL, &wm_color_muted);
  double x = c->x[COL_BARS] + 8;
  double half = (c->width[COL_BARS] - 8) / 2;

  wm_draw_box (c->cr, &(WmRect) { x, y + 4, 10, 5 }, 1, &wm_color_faint, NULL, 0);
  wm_draw_text (c->cr, &c->render, _("Current"), &(WmRect) { x + 14, y, half - 14, 12 }, &style);
  wm_draw_box (c->cr, &(WmRect) { x + half, y + 4, 10, 5 }, 1, &wm_color_accent, NULL, 0);
  wm_draw_text (c->cr, &c->render, _("Future"), &(WmRect) { x + half + 14, y, half - 14, 12 },
                &style);
}

/* How many figures the future state is better on, said in a line under the table. */
static char *
summary_text (const WmVsmComparison *comparison)
{
  guint better = 0, worse = 0;

  for (guint f = 0; f < WM_VSM_N_FIGURES; f++)
    {
      better += comparison->verdict[f] > 0;
      worse += comparison->verdict[f] < 0;
    }
  if (worse == 0)
    /* Translators: the first %u counts figures (lead time, inventory…), out of the second. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The future state is better on %u of %u figures.",
                                         "The future state is better on %u of %u figures.",
                                         better),
                            better, (guint) WM_VSM_N_FIGURES);
  /* Translators: better on the first %u figures out of the second, worse on the third. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The future state is better on %u of %u figures and worse on %u.",
                                       "The future state is better on %u of %u figures and worse on %u.",
                                       worse),
                          better, (guint) WM_VSM_N_FIGURES, worse);
}

/* The title, the two maps' names; returns the y below them. */
static double
draw_comparison_heading (Compare      *c,
                         const WmRect *box)
{
  WmTextStyle title = line_style (16, PANGO_WEIGHT_BOLD, NULL);
  WmTextStyle caption = line_style (9, PANGO_WEIGHT_NORMAL, &wm_color_muted);
  WmTextStyle name = line_style (12, PANGO_WEIGHT_BOLD, NULL);
  double half = box->width / 2, y = box->y;

  title.ellipsize = name.ellipsize = TRUE;
  wm_draw_text (c->cr, &c->render, _("Current and future state"),
                &(WmRect) { box->x, y, box->width, 20 }, &title);
  y += 30;
  wm_draw_box (c->cr, &(WmRect) { box->x, y, 3, 30 }, 1, &wm_color_faint, NULL, 0);
  wm_draw_text (c->cr, &c->render, _("Current state"), &(WmRect) { box->x + 10, y, half - 20, 12 },
                &caption);
  wm_draw_text (c->cr, &c->render, wm_diagram_get_name (c->comparison->current),
                &(WmRect) { box->x + 10, y + 13, half - 20, 17 }, &name);
  wm_draw_box (c->cr, &(WmRect) { box->x + half, y, 3, 30 }, 1, &wm_color_accent, NULL, 0);
  wm_draw_text (c->cr, &c->render, _("Future state"),
                &(WmRect) { box->x + half + 10, y, half - 10, 12 }, &caption);
  wm_draw_text (c->cr, &c->render, wm_diagram_get_name (c->comparison->future),
                &(WmRect) { box->x + half + 10, y + 13, half - 10, 17 }, &name);
  return y + 30 + 24;
}

void
_wm_deck_paint_comparison (cairo_t               *cr,
                           WmTextCache           *text,
                           const WmVsmComparison *comparison,
                           const WmRect          *box)
{
  Compare c = { .cr = cr, .comparison = comparison };
  WmTextStyle summary = wm_text_style (11);
  double y, x, row;

  g_return_if_fail (cr != NULL && comparison != NULL && box != NULL);

  init_render (&c.render, text);
  c.before = wm_notation_compute_metrics (comparison->current);
  c.after = wm_notation_compute_metrics (comparison->future);
  x = box->x;
  for (guint i = 0; i < N_COLS; i++)
    {
      c.x[i] = x;
      c.width[i] = box->width * column_share[i];
      x += c.width[i];
    }
  cairo_save (cr);
  y = draw_comparison_heading (&c, box);
  /* Rows shrink when the box is short, to keep the summary on the page. */
  row = CLAMP ((box->y + box->height - y - 14 - 40) / WM_VSM_N_FIGURES,
               COMPARE_ROW_HEIGHT_MIN, COMPARE_ROW_HEIGHT_MAX);
  draw_column_heads (&c, y);
  draw_bar_key (&c, y + 1);
  y += 16;
  draw_rule (cr, box->x, y, box->width, &wm_color_ink);
  for (guint f = 0; f < WM_VSM_N_FIGURES; f++)
    {
      draw_figure_row (&c, f, y, row);
      y += row;
      draw_rule (cr, box->x, y, box->width, &wm_color_faint);
    }
  {
    g_autofree char *line = summary_text (comparison);

    summary.color = &wm_color_muted;
    wm_draw_text (cr, &c.render, line, &(WmRect) { box->x, y + 12, box->width, 28 }, &summary);
  }
  cairo_restore (cr);
  g_clear_pointer (&c.before, g_array_unref);
  g_clear_pointer (&c.after, g_array_unref);
}

/* The traceability page: each row a chain of cells joined by arrows, under
 * the heading of the diagram the chain starts in. */

#define TRACE_ARROW 18.0     /* the gap between two cells, where the arrow runs */
#define TRACE_PAD 5.0        /* inside a cell */
#define TRACE_ROW_GAP 6.0
#define TRACE_HEADING 26.0   /* a group's heading, with its rule and the air below */
#define TRACE_GROUP_GAP 10.0 /* above a heading that follows another group's rows */
#define TRACE_TEXT_LINES 3   /* an item's text is cut after this many lines */

typedef struct
{
  cairo_t         *cr;
  WmRenderOptions  render;
  WmTextStyle      text;
  WmTextStyle      kind;
  double           cell_width;
  guint            columns;
} Trace;

static void
trace_init (Trace        *t,
            cairo_t      *cr,
            WmTextCache  *text,
            GPtrArray    *rows,
            const WmRect *box)
{
  t->cr = cr;
  init_render (&t->render, text);
  t->text = wm_text_style (10);
  t->text.ellipsize = TRUE;
  t->kind = line_style (8, PANGO_WEIGHT_NORMAL, &wm_color_muted);
  t->kind.wrap = TRUE;
  t->kind.ellipsize = TRUE;
  t->columns = MAX (2, wm_trace_max_steps (rows));
  t->cell_width = (box->width - (t->columns - 1) * TRACE_ARROW) / t->columns;
}

/* The second line of a cell: where the item is, or what became of it. */
static char *
step_caption (const WmTraceStep *step)
{
  if (step->broken && step->type == NULL)
    return g_strdup (_("Broken link: no longer in the project"));
  if (step->broken)
    /* Translators: a link to a deleted item; %s is the kind of diagram it was in,
     * "Customer journey map" */
    return *step->kind ? g_strdup_printf (_("Broken link: deleted from a diagram of type “%s”"),
                                          step->kind)
                       : g_strdup (_("Broken link: deleted"));
  if (step->cycle)
    /* Translators: an item a chain of links already passed, so the chain stops. */
    return g_strdup_printf (_("%s · loops back"), step->kind);
  return g_strdup (step->kind);
}

static double
text_height (Trace             *t,
             const char        *text,
             const WmTextStyle *style)
{
  double height, line;

  wm_measure_text (&t->render, text, t->cell_width - 2 * TRACE_PAD, style, NULL, &height);
  wm_measure_text (&t->render, "X", 0, style, NULL, &line);
  return MIN (height, line * TRACE_TEXT_LINES);
}

static double
step_height (Trace             *t,
             const WmTraceStep *step)
{
  g_autofree char *caption = step_caption (step);

  return 2 * TRACE_PAD + text_height (t, step->text, &t->text) + 2 +
         text_height (t, caption, &t->kind);
}

static double
row_height (Trace            *t,
            const WmTraceRow *row)
{
  double most = 0;

  for (guint i = 0; i < row->steps->len; i++)
    most = MAX (most, step_height (t, wm_trace_row_get_step (row, i)));
  return most;
}

/* Whether the first @count steps of @row are those of @previous: a row that
 * branches off the one above repeats its start. */
static gboolean
same_start (const WmTraceRow *row,
            const WmTraceRow *previous,
            guint             count)
{
  if (previous == NULL || previous->steps->len < count)
    return FALSE;
  for (guint i = 0; i < count; i++)
    if (g_strcmp0 (wm_trace_row_get_step (row, i)->id, wm_trace_row_get_step (previous, i)->id))
      return FALSE;
  return TRUE;
}

/* A cell that repeats the one above it (@ditto) is drawn faint, so that
 * the eye follows where chains branch; the text stays for the reader who
 * reads one row alone. */
static void
draw_step (Trace             *t,
           const WmTraceStep *step,
           const WmRect      *cell,
           gboolean           ditto)
{
  g_autofree char *caption = step_caption (step);
  WmTextStyle text = t->text, kind = t->kind;
  double inner = cell->width - 2 * TRACE_PAD;
  double height = text_height (t, step->text, &text);
  double caption_height = text_height (t, caption, &kind);

  if (step->broken)
    {
      wm_draw_box (t->cr, cell, 3, &wm_color_paper, NULL, 0);
      cairo_save (t->cr);
      cairo_set_dash (t->cr, (double[]) { 3, 2 }, 2, 0);
      wm_draw_box (t->cr, cell, 3, NULL, &wm_color_bad, 1);
      cairo_restore (t->cr);
      text.color = kind.color = &wm_color_bad;
      text.italic = TRUE;
    }
  else if (ditto)
    {
      wm_draw_box (t->cr, cell, 3, &wm_color_paper, &wm_color_fill, 1);
      text.color = &wm_color_muted;
    }
  else
    wm_draw_box (t->cr, cell, 3, &wm_color_fill, step->cycle ? &wm_color_muted : NULL, 0.75);
  wm_draw_text (t->cr, &t->render, step->text,
                &(WmRect) { cell->x + TRACE_PAD, cell->y + TRACE_PAD, inner, height + 0.5 }, &text);
  wm_draw_text (t->cr, &t->render, caption,
                &(WmRect) { cell->x + TRACE_PAD, cell->y + TRACE_PAD + height + 2, inner,
                            caption_height + 0.5 }, &kind);
}

/* @previous is the row drawn just above in the same group, or NULL. */
static void
draw_row (Trace            *t,
          const WmTraceRow *row,
          const WmTraceRow *previous,
          double            x,
          double            y,
          double            height)
{
  for (guint i = 0; i < row->steps->len; i++)
    {
      WmRect cell = { x + i * (t->cell_width + TRACE_ARROW), y, t->cell_width, height };

      if (i > 0)
        {
          WmPoint from = { cell.x - TRACE_ARROW + 3, y + height / 2 };
          WmPoint tip = { cell.x - 3, y + height / 2 };
          const WmTraceStep *step = wm_trace_row_get_step (row, i);
          const WmColor *color = step->broken ? &wm_color_bad : &wm_color_muted;

          wm_draw_polyline (t->cr, (WmPoint[]) { from, tip }, 2, 1,
                            step->broken ? WM_LINE_DASHED : WM_LINE_SOLID, color);
          wm_draw_arrowhead (t->cr, tip, from, WM_ARROW_FILLED, 6, 1, color);
        }
      draw_step (t, wm_trace_row_get_step (row, i), &cell,
                 i + 1 < row->steps->len && same_start (row, previous, i + 1));
    }
}

static void
draw_group_heading (Trace            *t,
                    const WmTraceRow *row,
                    gboolean          continued,
                    const WmRect     *box,
                    double            y)
{
  WmTextStyle name = line_style (12, PANGO_WEIGHT_BOLD, NULL);
  WmTextStyle kind = line_style (9, PANGO_WEIGHT_NORMAL, &wm_color_muted);
  const char *diagram = row->source != NULL ? wm_diagram_get_name (row->source) : "";
  const char *label = row->source != NULL
                        ? g_dgettext (GETTEXT_PACKAGE, wm_diagram_get_notation (row->source)->label)
                        : "";
  /* Translators: a caption under a diagram's name on a page that goes on from the
   * last one; %s is the kind of diagram, "Value stream map" */
  g_autofree char *caption = continued ? g_strdup_printf (_("%s, continued"), label)
                                       : g_strdup (label);
  double width;

  name.ellipsize = TRUE;
  wm_measure_text (&t->render, diagram, 0, &name, &width, NULL);
  width = MIN (width, box->width * 0.7);
  wm_draw_text (t->cr, &t->render, diagram, &(WmRect) { box->x, y, width + 1, 16 }, &name);
  wm_draw_text (t->cr, &t->render, caption,
                &(WmRect) { box->x + width + 8, y + 3, box->width - width - 8, 13 }, &kind);
  draw_rule (t->cr, box->x, y + 18, box->width, &wm_color_faint);
}

guint
_wm_deck_paint_trace (cairo_t      *cr,
                      WmTextCache  *text,
                      GPtrArray    *rows,
                      guint         first,
                      const WmRect *box,
                      gboolean      draw)
{
  Trace t;
  double y, bottom;
  guint i;

  g_return_val_if_fail (cr != NULL && rows != NULL && box != NULL, 0);

  trace_init (&t, cr, text, rows, box);
  y = box->y;
  bottom = box->y + box->height;
  for (i = first; i < rows->len; i++)
    {
      const WmTraceRow *row = g_ptr_array_index (rows, i);
      gboolean heading = i == first ||
                         row->source != ((WmTraceRow *) g_ptr_array_index (rows, i - 1))->source;
      double height = row_height (&t, row);
      double gap = heading && i > first ? TRACE_GROUP_GAP : 0;
      double need = gap + (heading ? TRACE_HEADING : 0) + height;

      /* A page takes at least one row, however tall, so that paging ends. */
      if (i > first && y + need > bottom)
        break;
      y += gap;
      if (draw && heading)
        draw_group_heading (&t, row, i == first && i > 0 &&
                            row->source == ((WmTraceRow *) g_ptr_array_index (rows, i - 1))->source,
                            box, y);
      if (heading)
        y += TRACE_HEADING;
      if (draw)
        draw_row (&t, row, heading ? NULL : g_ptr_array_index (rows, i - 1), box->x, y, height);
      y += height + TRACE_ROW_GAP;
    }
  return i - first;
}
