/* wm-export.c — PNG, PDF and SVG exports of diagrams and whole projects
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every export renders into memory through the same painters as the screen
 * and is then written atomically, so a failed export never leaves a
 * truncated file behind. Exports share the default text cache with the
 * painters' extents, so each label is shaped once; like the screen, they run
 * on the main thread. Their _async forms, at the end of this file, write
 * from a thread of their own.
 */
#define G_LOG_DOMAIN "wm-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "wm-draw.h"
#include "wm-export.h"

/* Document units are pixels at 96 dpi; PDF works in points at 72. */
#define POINTS_PER_UNIT 0.75

static const struct { const char *name; double width, height; } pages[] = {
  [WM_PAGE_FIT] = { "fit", 0, 0 },
  [WM_PAGE_A4] = { "a4", 595.28, 841.89 },
  [WM_PAGE_A3] = { "a3", 841.89, 1190.55 },
  [WM_PAGE_LETTER] = { "letter", 612, 792 },
};

static const char *const format_names[] = { "png", "pdf", "svg" };

void
wm_export_options_init (WmExportOptions *options)
{
  *options = (WmExportOptions) {
    .format = WM_EXPORT_PDF,
    .scale = 1,
    .page = WM_PAGE_A4,
    .orientation = WM_ORIENTATION_AUTO,
    .margin = 36,
  };
}

gboolean
wm_export_format_from_name (const char     *name,
                            WmExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
wm_export_format_from_path (const char     *path,
                            WmExportFormat *format)
{
  const char *dot = strrchr (path, '.');

  return dot != NULL && strchr (dot, '/') == NULL && wm_export_format_from_name (dot + 1, format);
}

const char *
wm_export_format_extension (WmExportFormat format)
{
  return format_names[format];
}

gboolean
wm_export_page_from_name (const char *name,
                          WmPageSize *page)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_ascii_strcasecmp (name, pages[i].name) == 0)
      {
        *page = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
check_status (cairo_status_t status,
              GError       **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Drawing the export failed: %s"),
               cairo_status_to_string (status));
  return FALSE;
}

/* The context's status: an error while painting (a matrix that cannot be
 * inverted, memory) stops the drawing there but leaves the surface's status
 * alone, so without this check an export could end as a blank file. */
static cairo_status_t
destroy_context (cairo_t *cr)
{
  cairo_status_t status = cairo_status (cr);

  cairo_destroy (cr);
  return status;
}

/* Finishes @surface; the first error of the context or the surface wins. */
static cairo_status_t
finish_surface (cairo_surface_t *surface,
                cairo_status_t   context_status)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return context_status != CAIRO_STATUS_SUCCESS ? context_status : status;
}

/* Where cairo's output goes: a stream, and the first error writing to it. */
typedef struct
{
  GOutputStream *stream;
  GError        *error;
} Sink;

static cairo_status_t
write_to_sink (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error == NULL)
    g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error);
  return sink->error == NULL ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Hands over the sink's error, if writing failed, or cairo's. */
static gboolean
finish_sink (Sink           *sink,
             cairo_status_t  status,
             GError        **error)
{
  if (sink->error != NULL)
    {
      g_propagate_error (error, sink->error);
      return FALSE;
    }
  return check_status (status, error);
}


/* Paints @diagram so that @extent fills the rectangle at (x, y) of size w x h. */
void
wm_export_paint_fitted (cairo_t      *cr,
                        WmDiagram    *diagram,
                        WmTextCache  *text,
                        const WmRect *extent,
                        double        x,
                        double        y,
                        double        w,
                        double        h)
{
  double scale = MIN (w / extent->width, h / extent->height);
  WmRenderOptions options;

  wm_render_options_init (&options);
  options.visible = *extent;
  options.scale = 0; /* vector output: always full detail */
  options.text = text;
  cairo_save (cr);
  cairo_translate (cr, x + (w - extent->width * scale) / 2, y + (h - extent->height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -extent->x, -extent->y);
  wm_render_diagram (diagram, cr, &options);
  cairo_restore (cr);
}

static gboolean
export_png (WmDiagram             *diagram,
            const WmExportOptions *options,
            GOutputStream         *stream,
            GError               **error)
{
  WmTextCache *text = wm_text_cache_get_default ();
  WmRect extent;
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  Sink sink = { stream, NULL };
  WmRenderOptions render;
  cairo_status_t status;

  wm_render_get_extent (diagram, &extent);
  width = ceil (extent.width * options->scale);
  height = ceil (extent.height * options->scale);
  if (!(options->scale > 0) || !(width <= WM_EXPORT_MAX_PIXELS && height <= WM_EXPORT_MAX_PIXELS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("At scale %g the image would be %.0f × %.0f pixels; the limit is %d on "
                     "each side. Choose a smaller scale."),
                   options->scale, width, height, WM_EXPORT_MAX_PIXELS);
      return FALSE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cr = cairo_create (surface);
  cairo_scale (cr, options->scale, options->scale);
  cairo_translate (cr, -extent.x, -extent.y);
  wm_render_options_init (&render);
  render.visible = extent;
  render.scale = options->scale;
  render.paper = !options->transparent;
  render.text = text;
  wm_render_diagram (diagram, cr, &render);
  status = destroy_context (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_to_sink, &sink);
  cairo_surface_destroy (surface);
  return finish_sink (&sink, status, error);
}

static gboolean
export_svg (WmDiagram             *diagram,
            const WmExportOptions *options,
            GOutputStream         *stream,
            GError               **error)
{
  WmTextCache *text = wm_text_cache_get_default ();
  Sink sink = { stream, NULL };
  WmRect extent;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  wm_render_get_extent (diagram, &extent);
  surface = cairo_svg_surface_create_for_stream (write_to_sink, &sink, extent.width,
                                                 extent.height);
  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_2);
  cr = cairo_create (surface);
  wm_export_paint_fitted (cr, diagram, text, &extent, 0, 0, extent.width, extent.height);
  status = finish_surface (surface, destroy_context (cr));
  return finish_sink (&sink, status, error);
}

/* PDF pages */

typedef struct
{
  Sink             sink;
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
      *width = extent->width * POINTS_PER_UNIT + 2 * options->margin;
      *height = extent->height * POINTS_PER_UNIT + 2 * options->margin + 48;
      return;
    }
  landscape = options->orientation == WM_ORIENTATION_LANDSCAPE ||
              (options->orientation == WM_ORIENTATION_AUTO && extent->width > extent->height);
  *width = landscape ? pages[options->page].height : pages[options->page].width;
  *height = landscape ? pages[options->page].width : pages[options->page].height;
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

  pdf->width = pages[pdf->options->page == WM_PAGE_FIT ? WM_PAGE_A4 : pdf->options->page].height;
  pdf->height = pages[pdf->options->page == WM_PAGE_FIT ? WM_PAGE_A4 : pdf->options->page].width;
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

  a->pdf->width = pages[size].width;
  a->pdf->height = pages[size].height;
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
  pdf->sink = (Sink) { stream, NULL };
  pdf->options = options;
  pdf->text = wm_text_cache_get_default ();
  pdf->surface = cairo_pdf_surface_create_for_stream (write_to_sink, &pdf->sink, 595.28, 841.89);
  set_metadata (pdf->surface, project);
  pdf->cr = cairo_create (pdf->surface);
  return cairo_status (pdf->cr) == CAIRO_STATUS_SUCCESS;
}

static gboolean
pdf_end (Pdf     *pdf,
         GError **error)
{
  cairo_status_t status = finish_surface (pdf->surface, destroy_context (pdf->cr));

  return finish_sink (&pdf->sink, status, error);
}

static gboolean
export_pdf (WmDiagram             *diagram,
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

gboolean
wm_export_diagram_to_stream (WmDiagram             *diagram,
                             const WmExportOptions *options,
                             GOutputStream         *stream,
                             GError               **error)
{
  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), FALSE);

  switch (options->format)
    {
    case WM_EXPORT_PNG: return export_png (diagram, options, stream, error);
    case WM_EXPORT_SVG: return export_svg (diagram, options, stream, error);
    case WM_EXPORT_PDF: return export_pdf (diagram, options, stream, error);
    default: g_assert_not_reached ();
    }
}

/* Writes through the safe-save routine: the output goes to a temporary file
 * that replaces the old one only when everything is written and on disk. A
 * failed export drops the stream, which removes the temporary file. */
static gboolean
export_to_file (GFile         *file,
                gboolean     (*export) (gpointer, const WmExportOptions *, GOutputStream *, GError **),
                gpointer       what,
                const WmExportOptions *options,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(WmSafeStream) stream = wm_safe_stream_new (file, WM_SAFE_SAVE_NONE, NULL, error);

  if (stream == NULL)
    return FALSE;
  return export (what, options, G_OUTPUT_STREAM (stream), error) &&
         wm_safe_stream_commit (stream, cancellable, error);
}

static gboolean
export_diagram_as (gpointer               diagram,
                   const WmExportOptions *options,
                   GOutputStream         *stream,
                   GError               **error)
{
  return wm_export_diagram_to_stream (diagram, options, stream, error);
}

static gboolean
export_presentation_as (gpointer               project,
                        const WmExportOptions *options,
                        GOutputStream         *stream,
                        GError               **error)
{
  return wm_export_presentation_to_stream (project, options, stream, error);
}

gboolean
wm_export_diagram_to_file (WmDiagram             *diagram,
                           const WmExportOptions *options,
                           GFile                 *file,
                           GError               **error)
{
  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), FALSE);
  return export_to_file (file, export_diagram_as, diagram, options, NULL, error);
}

gboolean
wm_export_presentation_to_file (WmProject             *project,
                                const WmExportOptions *options,
                                GFile                 *file,
                                GError               **error)
{
  g_return_val_if_fail (WM_IS_PROJECT (project), FALSE);
  return export_to_file (file, export_presentation_as, project, options, NULL, error);
}

static GBytes *
export_to_bytes (gboolean (*export) (gpointer, const WmExportOptions *, GOutputStream *, GError **),
                 gpointer               what,
                 const WmExportOptions *options,
                 GError               **error)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  if (!export (what, options, memory, error) || !g_output_stream_close (memory, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

GBytes *
wm_export_diagram (WmDiagram             *diagram,
                   const WmExportOptions *options,
                   GError               **error)
{
  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), NULL);
  return export_to_bytes (export_diagram_as, diagram, options, error);
}

/* The diagram's name as a file-name part: lower case, punctuation and
 * spaces as single dashes, letters of any script kept, at most
 * @max_bytes long (cut between characters); the id when nothing is left. */
static char *
diagram_slug (WmDiagram *diagram,
              gsize      max_bytes)
{
  g_autofree char *lower = g_utf8_strdown (wm_diagram_get_name (diagram), -1);
  GString *slug = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean keep = g_ascii_isalnum (*p) || ((guchar) *p & 0x80);
      const char *next = g_utf8_next_char (p);

      if (!keep && (slug->len == 0 || slug->str[slug->len - 1] == '-'))
        continue;
      if (slug->len + (gsize) (next - p) > max_bytes)
        break;
      if (keep)
        g_string_append_len (slug, p, next - p);
      else
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, wm_diagram_get_id (diagram));
  return g_string_free (slug, FALSE);
}

/* File names stay under the 255 bytes most file systems allow, with room
 * for a counter and the safe-save routine's temporary name around them. */
#define MAX_NAME_BYTES 200
#define MAX_SLUG_BYTES 80

GStrv
wm_export_paths_for_diagrams (const char     *output,
                              WmProject      *project,
                              WmExportFormat  format)
{
  const char *dot = strrchr (output, '.');
  const char *slash = strrchr (output, '/');
  g_autofree char *stem = dot && (!slash || dot > slash) ? g_strndup (output, dot - output)
                                                         : g_strdup (output);
  g_autofree char *base = g_path_get_basename (stem);
  gsize room = MAX_NAME_BYTES > strlen (base) + 1 ? MAX_NAME_BYTES - strlen (base) - 1 : 1;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();

  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      g_autofree char *slug = diagram_slug (wm_project_get_diagram (project, i),
                                            MIN (room, MAX_SLUG_BYTES));
      char *name = g_strdup (slug);
      g_autofree char *path = NULL;

      /* Two names that give the same slug get a counter: nothing is overwritten. */
      for (guint n = 2; g_hash_table_contains (taken, name); n++)
        {
          g_free (name);
          name = g_strdup_printf ("%s-%u", slug, n);
        }
      g_hash_table_add (taken, name);
      path = g_strdup_printf ("%s-%s.%s", stem, name, wm_export_format_extension (format));
      g_strv_builder_add (paths, path);
    }
  return g_strv_builder_end (paths);
}

/* wm_export_each_diagram(), stopping before the next diagram once
 * @cancellable is cancelled. */
static gboolean
export_each (WmProject             *project,
             const WmExportOptions *options,
             const char            *output,
             GCancellable          *cancellable,
             WmExportEachFunc       done,
             gpointer               user_data,
             GError               **error)
{
  g_auto(GStrv) paths = wm_export_paths_for_diagrams (output, project, options->format);
  g_autoptr(GError) first = NULL;
  g_autofree char *summary = NULL;
  guint failed = 0;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!export_to_file (file, export_diagram_as, diagram, options, cancellable, &local_error))
        failed++;
      if (done != NULL)
        done (diagram, paths[i], local_error, user_data);
      if (local_error != NULL && first == NULL)
        first = g_steal_pointer (&local_error);
    }
  if (failed == 0)
    return TRUE;
  summary = g_strdup_printf (ngettext ("%u of %u diagrams could not be exported",
                                       "%u of %u diagrams could not be exported", failed),
                             failed, wm_project_get_n_diagrams (project));
  /* "1 of 4 diagrams could not be exported: Could not save “…”: No space left…" */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", summary, first->message);
  return FALSE;
}

gboolean
wm_export_each_diagram (WmProject             *project,
                        const WmExportOptions *options,
                        const char            *output,
                        WmExportEachFunc       done,
                        gpointer               user_data,
                        GError               **error)
{
  g_return_val_if_fail (WM_IS_PROJECT (project), FALSE);
  return export_each (project, options, output, NULL, done, user_data, error);
}

/* Exporting off the calling thread
 *
 * The thread works on a copy of the project, serialised where the export
 * starts and read back in the thread, so the model, which is not
 * thread-safe, is never shared; edits made meanwhile do not reach the file.
 * Painting there is safe because every thread measures text in a cache of
 * its own (wm_text_cache_get_default()), and the painters' per-diagram
 * caches belong to the copy. The thread runs the same exports as the
 * synchronous functions, streaming into the safe-save routine; a cancelled
 * export stops before the next file and before any rename, so the old file
 * stays as it was. */

typedef enum
{
  JOB_DIAGRAM,       /* one diagram to one file */
  JOB_PRESENTATION,  /* the presentation to one file */
  JOB_EACH,          /* every diagram to a file of its own */
} JobKind;

typedef struct
{
  JobKind          kind;
  WmExportOptions  options;
  GBytes          *snapshot;   /* the project, serialised */
  guint            position;   /* JOB_DIAGRAM: the diagram's position in the project */
  GFile           *file;       /* JOB_DIAGRAM, JOB_PRESENTATION */
  char            *output;     /* JOB_EACH: the name the files are named after */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_bytes_unref (job->snapshot);
  g_clear_object (&job->file);
  g_free (job->output);
  g_free (job);
}

static gboolean
run_job (ExportJob    *job,
         WmProject    *project,
         GCancellable *cancellable,
         GError      **error)
{
  switch (job->kind)
    {
    case JOB_DIAGRAM:
      return export_to_file (job->file, export_diagram_as,
                             wm_project_get_diagram (project, job->position), &job->options,
                             cancellable, error);
    case JOB_PRESENTATION:
      return export_to_file (job->file, export_presentation_as, project, &job->options,
                             cancellable, error);
    case JOB_EACH:
    default:
      return export_each (project, &job->options, job->output, cancellable, NULL, NULL, error);
    }
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (job->snapshot, &length);
  g_autoptr(WmProject) project = wm_project_load_from_data (data, length, "export", &error);

  if (project == NULL || !run_job (job, project, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* The source tag of a task: the function that started it. */
#define EXPORT_TAG(function) ((gpointer) (guintptr) (function))

/* Takes the copy of @project and starts the thread. */
static void
start_export (GTask                 *task,
              gpointer               source_tag,
              WmProject             *project,
              ExportJob             *job,
              const WmExportOptions *options)
{
  job->options = *options;
  job->snapshot = wm_project_serialize (project);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  /* What happened on disk is the result, even if cancelled too late to stop it. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, export_in_thread);
}

static gboolean
finish_export (gpointer       source_object,
               GAsyncResult  *result,
               gpointer       source_tag,
               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source_object), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static ExportJob *
export_job_new (JobKind  kind,
                GFile   *file)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->kind = kind;
  job->file = file != NULL ? g_object_ref (file) : NULL;
  return job;
}

static guint
diagram_position (WmProject *project,
                  WmDiagram *diagram)
{
  guint i = 0;

  while (wm_project_get_diagram (project, i) != diagram)
    i++;
  return i;
}

void
wm_export_diagram_to_file_async (WmDiagram             *diagram,
                                 const WmExportOptions *options,
                                 GFile                 *file,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  WmProject *project;
  ExportJob *job;

  g_return_if_fail (WM_IS_DIAGRAM (diagram));
  g_return_if_fail (WM_IS_PROJECT (wm_diagram_get_project (diagram)));
  g_return_if_fail (G_IS_FILE (file));

  project = wm_diagram_get_project (diagram);
  task = g_task_new (diagram, cancellable, callback, user_data);
  job = export_job_new (JOB_DIAGRAM, file);
  job->position = diagram_position (project, diagram);
  start_export (task, EXPORT_TAG (wm_export_diagram_to_file_async), project, job, options);
}

gboolean
wm_export_diagram_to_file_finish (WmDiagram     *diagram,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_export (diagram, result, EXPORT_TAG (wm_export_diagram_to_file_async), error);
}

void
wm_export_presentation_to_file_async (WmProject             *project,
                                      const WmExportOptions *options,
                                      GFile                 *file,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WM_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (project, cancellable, callback, user_data);
  start_export (task, EXPORT_TAG (wm_export_presentation_to_file_async), project,
                export_job_new (JOB_PRESENTATION, file), options);
}

gboolean
wm_export_presentation_to_file_finish (WmProject     *project,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return finish_export (project, result, EXPORT_TAG (wm_export_presentation_to_file_async), error);
}

void
wm_export_each_diagram_async (WmProject             *project,
                              const WmExportOptions *options,
                              const char            *output,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (WM_IS_PROJECT (project));
  g_return_if_fail (output != NULL);

  task = g_task_new (project, cancellable, callback, user_data);
  job = export_job_new (JOB_EACH, NULL);
  job->output = g_strdup (output);
  start_export (task, EXPORT_TAG (wm_export_each_diagram_async), project, job, options);
}

gboolean
wm_export_each_diagram_finish (WmProject     *project,
                               GAsyncResult  *result,
                               GError       **error)
{
  return finish_export (project, result, EXPORT_TAG (wm_export_each_diagram_async), error);
}
