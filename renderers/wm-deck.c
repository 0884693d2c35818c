/* wm-deck.c — the presentation PDF of a whole project, and one-diagram PDFs
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "wm-draw.h"
#include "wm-export.h"
#include "wm-export-private.h"

/* PDF pages */

typedef struct
{
  WmExportSink             sink;
  cairo_surface_t *surface;
  cairo_t         *cr;
  WmTextCache     *text;
  const WmExportOptions *options;
  double           width;    /* the current page, in points */
  double           height;
} Pdf;

static void
page_size_for (const WmExportOptions *options,
               const WmRect          *extent,
               double                *width,
               double                *height)
{
  gboolean landscape;

  if (options->page == WM_PAGE_FIT)
    {
      *width = extent->width * WM_POINTS_PER_UNIT + 2 * options->margin;
      *height = extent->height * WM_POINTS_PER_UNIT + 2 * options->margin + 48;
      return;
    }
  landscape = options->orientation == WM_ORIENTATION_LANDSCAPE ||
              (options->orientation == WM_ORIENTATION_AUTO && extent->width > extent->height);
  *width = landscape ? _wm_export_pages[options->page].height : _wm_export_pages[options->page].width;
  *height = landscape ? _wm_export_pages[options->page].width : _wm_export_pages[options->page].height;
}

static void
set_metadata (cairo_surface_t *surface,
              WmProject       *project)
{
  g_autofree char *creator = g_strdup_printf ("Waymark %s", PACKAGE_VERSION);

  if (project != NULL && *wm_project_get_title (project) != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                    wm_project_get_title (project));
  if (project != NULL && *wm_project_get_author (project) != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                    wm_project_get_author (project));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
}

static void
draw_footer (Pdf        *pdf,
             const char *left,
             const char *right)
{
  WmTextStyle style = wm_text_style (8);
  double margin = pdf->options->margin;
  WmRect box = { margin, pdf->height - margin - 10, pdf->width - 2 * margin, 12 };
  WmRenderOptions render;

  wm_render_options_init (&render);
  render.scale = 0;
  render.text = pdf->text;
  style.color = &wm_color_muted;
  style.wrap = FALSE;
  wm_draw_box (pdf->cr, &(WmRect) { margin, box.y - 6, box.width, 0.5 }, 0, &wm_color_faint, NULL, 0);
  wm_draw_text (pdf->cr, &render, left, &box, &style);
  style.halign = WM_ALIGN_END;
  wm_draw_text (pdf->cr, &render, right, &box, &style);
}

/* A page with the diagram's name at the top, the drawing fitted below it and
 * a footer naming the project and the page. */
static void
draw_diagram_page (Pdf        *pdf,
                   WmDiagram  *diagram,
                   const char *footer_left,
                   const char *footer_right)
{
  WmRect extent;
  double margin = pdf->options->margin;
  WmTextStyle title = wm_text_style (16);
  WmTextStyle kind = wm_text_style (9);
  WmRenderOptions render;
  double top = margin + 34;

  wm_render_get_extent (diagram, &extent);
  page_size_for (pdf->options, &extent, &pdf->width, &pdf->height);
  cairo_pdf_surface_set_size (pdf->surface, pdf->width, pdf->height);

  wm_render_options_init (&render);
  render.scale = 0;
  render.text = pdf->text;
  title.weight = PANGO_WEIGHT_BOLD;
  title.wrap = FALSE;
  kind.color = &wm_color_muted;
  kind.wrap = FALSE;
  wm_draw_text (pdf->cr, &render, wm_diagram_get_name (diagram),
                &(WmRect) { margin, margin, pdf->width - 2 * margin, 20 }, &title);
  wm_draw_text (pdf->cr, &render,
                g_dgettext (GETTEXT_PACKAGE, wm_diagram_get_notation (diagram)->label),
                &(WmRect) { margin, margin + 20, pdf->width - 2 * margin, 12 }, &kind);

  wm_export_paint_fitted (pdf->cr, diagram, pdf->text, &extent, margin, top, pdf->width - 2 * margin,
                pdf->height - top - margin - 22);
  draw_footer (pdf, footer_left, footer_right);
  cairo_show_page (pdf->cr);
}

/* @appendix_page is the appendix's first page, or 0 when there is none. */
static void
draw_title_page (Pdf       *pdf,
                 WmProject *project,
                 guint      appendix_page)
{
  double margin = 72;
  double width, y;
  WmTextStyle big = wm_text_style (30);
  WmTextStyle body = wm_text_style (11);
  WmTextStyle small = wm_text_style (10);
  WmRenderOptions render;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%e %B %Y");
  const char *title = *wm_project_get_title (project) ? wm_project_get_title (project)
                                                      : _("Untitled project");

  pdf->width = _wm_export_pages[pdf->options->page == WM_PAGE_FIT ? WM_PAGE_A4 : pdf->options->page].height;
  pdf->height = _wm_export_pages[pdf->options->page == WM_PAGE_FIT ? WM_PAGE_A4 : pdf->options->page].width;
  cairo_pdf_surface_set_size (pdf->surface, pdf->width, pdf->height);
  width = pdf->width - 2 * margin;

  wm_render_options_init (&render);
  render.scale = 0;
  render.text = pdf->text;
  big.weight = PANGO_WEIGHT_BOLD;
  small.color = &wm_color_muted;

  wm_draw_box (pdf->cr, &(WmRect) { margin, margin, 56, 5 }, 2, &wm_color_accent, NULL, 0);
  y = margin + 24;
  y += wm_draw_text (pdf->cr, &render, title, &(WmRect) { margin, y, width, 120 }, &big) + 10;
  if (*wm_project_get_description (project) != '\0')
    y += wm_draw_text (pdf->cr, &render, wm_project_get_description (project),
                       &(WmRect) { margin, y, width * 0.8, 120 }, &body) + 14;
  {
    g_autofree char *byline = *wm_project_get_author (project)
                                ? g_strdup_printf ("%s · %s", wm_project_get_author (project),
                                                   g_strstrip (date))
                                : g_strdup (g_strstrip (date));
    y += wm_draw_text (pdf->cr, &render, byline, &(WmRect) { margin, y, width, 20 }, &small) + 28;
  }

  body.weight = PANGO_WEIGHT_BOLD;
  y += wm_draw_text (pdf->cr, &render, _("Contents"), &(WmRect) { margin, y, width, 20 }, &body) + 6;
  body.weight = PANGO_WEIGHT_NORMAL;
  for (guint i = 0; i < wm_project_get_n_diagrams (project) && y < pdf->height - margin; i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 2);

      wm_draw_box (pdf->cr, &(WmRect) { margin, y + 17, width, 0.5 }, 0, &wm_color_faint, NULL, 0);
      wm_draw_text (pdf->cr, &render, wm_diagram_get_name (diagram),
                    &(WmRect) { margin, y, width * 0.55, 16 }, &body);
      wm_draw_text (pdf->cr, &render,
                    g_dgettext (GETTEXT_PACKAGE, wm_diagram_get_notation (diagram)->label),
                    &(WmRect) { margin + width * 0.58, y + 1, width * 0.34, 16 }, &small);
      small.halign = WM_ALIGN_END;
      wm_draw_text (pdf->cr, &render, number, &(WmRect) { margin, y + 1, width, 16 }, &small);
      small.halign = WM_ALIGN_START;
      y += 24;
    }
  if (appendix_page > 0 && y < pdf->height - margin)
    {
      g_autofree char *number = g_strdup_printf ("%u", appendix_page);

      wm_draw_box (pdf->cr, &(WmRect) { margin, y + 17, width, 0.5 }, 0, &wm_color_faint, NULL, 0);
      wm_draw_text (pdf->cr, &render, _("Appendix: use-case details"),
                    &(WmRect) { margin, y, width * 0.55, 16 }, &body);
      small.halign = WM_ALIGN_END;
      wm_draw_text (pdf->cr, &render, number, &(WmRect) { margin, y + 1, width, 16 }, &small);
    }
  cairo_show_page (pdf->cr);
}

/* The appendix: the written details of use cases, flowing down portrait
 * pages. The same code lays the pages out twice, first only measuring to
 * count them (the footers say "Page N of M"), then drawing. */

#define APPENDIX_MARGIN 72
#define APPENDIX_LINE_GAP 3
#define APPENDIX_BLOCK_GAP 12

typedef struct
{
  Pdf            *pdf;
  WmRenderOptions render;
  gboolean        draw;       /* FALSE: only measure and count the pages */
  gboolean        open;       /* a page is begun */
  const char     *footer;     /* the footer's left side */
  guint           page;       /* the current page's number in the whole presentation */
  guint           n_pages;    /* the presentation's pages, known when drawing */
  double          y;
  WmTextStyle     heading;
  WmTextStyle     small;
  WmTextStyle     label;
  WmTextStyle     body;
} Appendix;

static void
appendix_init (Appendix   *a,
               Pdf        *pdf,
               gboolean    draw,
               guint       last_page,
               guint       n_pages,
               const char *footer)
{
  *a = (Appendix) { .pdf = pdf, .draw = draw, .page = last_page, .n_pages = n_pages,
                    .footer = footer };
  wm_render_options_init (&a->render);
  a->render.scale = 0;
  a->render.text = pdf->text;
  a->heading = wm_text_style (16);
  a->heading.weight = PANGO_WEIGHT_BOLD;
  a->small = wm_text_style (10);
  a->small.color = &wm_color_muted;
  a->label = wm_text_style (11);
  a->label.weight = PANGO_WEIGHT_BOLD;
  a->body = wm_text_style (11);
}

static double
appendix_width (Appendix *a)
{
  return a->pdf->width - 2 * APPENDIX_MARGIN;
}

static double
appendix_bottom (Appendix *a)
{
  return a->pdf->height - APPENDIX_MARGIN;
}

static double
appendix_measure (Appendix          *a,
                  const char        *text,
                  const WmTextStyle *style)
{
  double height;

  wm_measure_text (&a->render, text, appendix_width (a), style, NULL, &height);
  return height;
}

/* Draws @text at the current position (when drawing) and moves down past it. */
static void
appendix_text (Appendix          *a,
               const char        *text,
               const WmTextStyle *style,
               double             gap)
{
  double height = appendix_measure (a, text, style);

  /* A paragraph taller than the room left is cut short rather than spill
   * over the footer. */
  if (a->draw)
    wm_draw_text (a->pdf->cr, &a->render, text,
                  &(WmRect) { APPENDIX_MARGIN, a->y, appendix_width (a),
                              MIN (height + 1, appendix_bottom (a) - a->y) }, style);
  a->y += height + gap;
}

static void
appendix_finish_page (Appendix *a)
{
  g_autofree char *page = NULL;

  a->open = FALSE;
  if (!a->draw)
    return;
  page = g_strdup_printf (_("Page %u of %u"), a->page, a->n_pages);
  draw_footer (a->pdf, a->footer, page);
  cairo_show_page (a->pdf->cr);
}

static void
appendix_start_page (Appendix *a)
{
  a->open = TRUE;
  a->page++;
  a->y = APPENDIX_MARGIN;
  if (a->draw)
    cairo_pdf_surface_set_size (a->pdf->surface, a->pdf->width, a->pdf->height);
}

/* Moves to a new page unless @height fits below the current position; a
 * page that is still empty takes anything. */
static void
appendix_make_room (Appendix *a,
                    double    height)
{
  if (a->y + height <= appendix_bottom (a) || a->y <= APPENDIX_MARGIN)
    return;
  appendix_finish_page (a);
  appendix_start_page (a);
}

/* The appendix's first page opens with its title, like the title page. */
static void
appendix_begin (Appendix *a)
{
  WmTextStyle title = wm_text_style (22);
  const char *text = _("Appendix: use-case details");

  appendix_start_page (a);
  title.weight = PANGO_WEIGHT_BOLD;
  if (a->draw)
    wm_draw_box (a->pdf->cr, &(WmRect) { APPENDIX_MARGIN, a->y, 56, 5 }, 2, &wm_color_accent,
                 NULL, 0);
  a->y += 24;
  appendix_text (a, text, &title, 20);
}

/* A labelled block. Its lines stay together when the block fits on a page;
 * a longer one breaks between lines, never between its label and first line. */
static void
appendix_block (Appendix   *a,
                const char *label,
                const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  double label_height = appendix_measure (a, label, &a->label) + 2;
  double first = label_height + appendix_measure (a, lines[0], &a->body);
  double total = label_height;

  for (guint i = 0; lines[i] != NULL; i++)
    total += appendix_measure (a, lines[i], &a->body) + APPENDIX_LINE_GAP;
  appendix_make_room (a, total <= appendix_bottom (a) - APPENDIX_MARGIN ? total : first);
  appendix_text (a, label, &a->label, 2);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        appendix_make_room (a, appendix_measure (a, lines[i], &a->body));
      appendix_text (a, lines[i], &a->body, APPENDIX_LINE_GAP);
    }
  a->y += APPENDIX_BLOCK_GAP - APPENDIX_LINE_GAP;
}

/* The property of @item's type at detail @rank (see WmPropSpec), or NULL. */
static const WmPropSpec *
detail_spec (const WmItem *item,
             guint         rank)
{
  for (guint i = 0; i < item->type->n_props; i++)
    if (item->type->props[i].detail == rank)
      return &item->type->props[i];
  return NULL;
}

/* The text of detail @spec of @item, or NULL when it is blank. */
static char *
detail_text (const WmItem     *item,
             const WmPropSpec *spec)
{
  g_autofree char *text = NULL;

  if (spec->type == WM_PROP_STRING_LIST)
    text = g_strjoinv ("\n", (char **) wm_item_get_strv (item, spec->name));
  else
    text = g_strdup (wm_item_get_string (item, spec->name));
  if (text == NULL || *g_strstrip (text) == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

/* Whether an item gets a section. Nearly every use case has a one-line
 * description, which alone does not make a section: the details after the
 * first (conditions, flows, extension points) do. */
static gboolean
has_details (const WmItem *item)
{
  const WmPropSpec *spec;

  for (guint rank = 2; (spec = detail_spec (item, rank)) != NULL; rank++)
    {
      g_autofree char *text = detail_text (item, spec);

      if (text != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
appendix_section (Appendix     *a,
                  WmDiagram    *diagram,
                  const WmItem *item)
{
  const char *name = item->text && *item->text ? item->text
                                                : g_dgettext (GETTEXT_PACKAGE, item->type->label);
  const WmPropSpec *spec;
  double heading = appendix_measure (a, name, &a->heading) +
                   appendix_measure (a, wm_diagram_get_name (diagram), &a->small);

  /* Keep the heading with the start of the first block. */
  appendix_make_room (a, 12 + heading + 12 + 3 * a->body.size * 1.5);
  if (a->y > APPENDIX_MARGIN && a->draw)
    wm_draw_box (a->pdf->cr, &(WmRect) { APPENDIX_MARGIN, a->y, appendix_width (a), 0.5 }, 0,
                 &wm_color_faint, NULL, 0);
  if (a->y > APPENDIX_MARGIN)
    a->y += 12;
  appendix_text (a, name, &a->heading, 2);
  appendix_text (a, wm_diagram_get_name (diagram), &a->small, 12);
  for (guint rank = 1; (spec = detail_spec (item, rank)) != NULL; rank++)
    {
      g_autofree char *text = detail_text (item, spec);

      if (text != NULL)
        appendix_block (a, g_dgettext (GETTEXT_PACKAGE, spec->label), text);
    }
  a->y += APPENDIX_BLOCK_GAP;
}

/* Lays out (and, when drawing, draws) the appendix on portrait pages of the
 * presentation's size; returns its number of pages, 0 when no use case has
 * details. */
static guint
appendix_lay_out (Appendix  *a,
                  WmProject *project)
{
  WmPageSize size = a->pdf->options->page == WM_PAGE_FIT ? WM_PAGE_A4 : a->pdf->options->page;
  guint first = a->page + 1;

  a->pdf->width = _wm_export_pages[size].width;
  a->pdf->height = _wm_export_pages[size].height;
  for (guint d = 0; d < wm_project_get_n_diagrams (project); d++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, d);

      for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
        {
          WmItem *item = wm_diagram_get_item (diagram, i);

          if (!has_details (item))
            continue;
          if (!a->open)
            appendix_begin (a);
          appendix_section (a, diagram, item);
        }
    }
  if (!a->open)
    return 0;
  appendix_finish_page (a);
  return a->page - first + 1;
}

static gboolean
pdf_begin (Pdf                   *pdf,
           GOutputStream         *stream,
           WmProject             *project,
           const WmExportOptions *options)
{
  pdf->sink = (WmExportSink) { stream, NULL };
  pdf->options = options;
  pdf->text = wm_text_cache_get_default ();
  pdf->surface = cairo_pdf_surface_create_for_stream (_wm_export_write, &pdf->sink, 595.28, 841.89);
  set_metadata (pdf->surface, project);
  pdf->cr = cairo_create (pdf->surface);
  return cairo_status (pdf->cr) == CAIRO_STATUS_SUCCESS;
}

static gboolean
pdf_end (Pdf     *pdf,
         GError **error)
{
  cairo_status_t status = _wm_export_finish_surface (pdf->surface, _wm_export_destroy_context (pdf->cr));

  return _wm_export_finish_sink (&pdf->sink, status, error);
}

gboolean
_wm_export_pdf_diagram (WmDiagram             *diagram,
            const WmExportOptions *options,
            GOutputStream         *stream,
            GError               **error)
{
  WmProject *project = wm_diagram_get_project (diagram);
  Pdf pdf = { 0, };

  pdf_begin (&pdf, stream, project, options);
  draw_diagram_page (&pdf, diagram, project ? wm_project_get_title (project) : "", "");
  return pdf_end (&pdf, error);
}

gboolean
wm_export_presentation_to_stream (WmProject             *project,
                                  const WmExportOptions *options,
                                  GOutputStream         *stream,
                                  GError               **error)
{
  Pdf pdf = { 0, };
  Appendix appendix;
  g_autofree char *appendix_footer = NULL;
  guint n, n_appendix, n_pages;

  g_return_val_if_fail (WM_IS_PROJECT (project), FALSE);

  n = wm_project_get_n_diagrams (project);
  appendix_footer = *wm_project_get_title (project)
                      ? g_strdup_printf ("%s — %s", wm_project_get_title (project),
                                         _("Appendix: use-case details"))
                      : g_strdup (_("Appendix: use-case details"));
  pdf_begin (&pdf, stream, project, options);
  appendix_init (&appendix, &pdf, FALSE, n + 1, 0, appendix_footer);
  n_appendix = appendix_lay_out (&appendix, project);
  n_pages = n + 1 + n_appendix;

  draw_title_page (&pdf, project, n_appendix > 0 ? n + 2 : 0);
  for (guint i = 0; i < n; i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);
      g_autofree char *page = g_strdup_printf (_("Page %u of %u"), i + 2, n_pages);
      g_autofree char *left = *wm_project_get_title (project)
                                ? g_strdup_printf ("%s — %s", wm_project_get_title (project),
                                                   wm_diagram_get_name (diagram))
                                : g_strdup (wm_diagram_get_name (diagram));

      draw_diagram_page (&pdf, diagram, left, page);
    }
  appendix_init (&appendix, &pdf, TRUE, n + 1, n_pages, appendix_footer);
  appendix_lay_out (&appendix, project);
  return pdf_end (&pdf, error);
}

