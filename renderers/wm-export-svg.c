/* wm-export-svg.c — one diagram as an SVG file
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cairo writes the drawing; what it cannot write is added to its output
 * afterwards: the diagram's name and description as <title> and <desc>, for
 * screen readers and file browsers, and, when asked, the text as <text>
 * elements that Inkscape and the like can edit, instead of glyph outlines.
 *
 * Text written as <text> is recorded while the painters draw (through the
 * text sink of wm-text-private.h) and goes in after the drawing, so it lies
 * above every shape and is not clipped: the painters clip very little text
 * (the journey's lanes), and wrapping and ellipsizing already keep text in
 * its box. The reader's fonts lay it out, so a line can come out a little
 * longer or shorter than the outlines were if it lacks Inter.
 */
#define G_LOG_DOMAIN "wm-export"

#include "config.h"

#include <cairo-svg.h>
#include <string.h>

#include "wm-draw.h"
#include "wm-export.h"
#include "wm-export-private.h"
#include "wm-text-private.h"

/* The diagram field whose text becomes the SVG's <desc>, in the notations
 * that have one. */
#define DESCRIPTION_FIELD "description"

/* Numbers in SVG are written in the C locale, whatever the user's. */
static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.9g", value));
}

/* @text XML-escaped, without the control characters XML 1.0 forbids (a
 * tab reads as a space). */
static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  g_autoptr(GString) clean = g_string_new_len (text, length >= 0 ? length : (gssize) strlen (text));
  g_autofree char *escaped = NULL;
  gsize kept = 0;

  for (gsize i = 0; i < clean->len; i++)
    {
      guchar c = clean->str[i];

      if (c >= 0x20 || c == '\n')
        clean->str[kept++] = c;
      else if (c == '\t')
        clean->str[kept++] = ' ';
    }
  g_string_truncate (clean, kept);
  escaped = g_markup_escape_text (clean->str, clean->len);
  g_string_append (out, escaped);
}

/* Pango's family list as CSS writes it: names with spaces quoted. */
static void
append_font_family (GString    *out,
                    const char *families)
{
  g_auto(GStrv) names = g_strsplit (families ? families : "sans-serif", ",", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);

      if (i > 0)
        g_string_append (out, ", ");
      if (strchr (name, ' ') != NULL)
        {
          g_string_append_c (out, '\'');
          append_escaped (out, name, -1);
          g_string_append_c (out, '\'');
        }
      else
        append_escaped (out, name, -1);
    }
}

/* The attributes every line of @layout shares: font, colour, transform.
 * A matrix that only moves is folded into the lines' positions instead,
 * left in @dx and @dy. */
static void
append_text_attributes (GString        *out,
                        cairo_t        *cr,
                        PangoLayout    *layout,
                        double         *dx,
                        double         *dy)
{
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  double red = 0, green = 0, blue = 0, alpha = 1;
  cairo_matrix_t m;

  g_string_append (out, " font-family=\"");
  append_font_family (out, font ? pango_font_description_get_family (font) : NULL);
  g_string_append (out, "\" font-size=\"");
  append_number (out, font ? (double) pango_font_description_get_size (font) / PANGO_SCALE : 12);
  g_string_append_printf (out, "\" font-weight=\"%d\"",
                          font ? (int) pango_font_description_get_weight (font) : 400);
  if (font != NULL && pango_font_description_get_style (font) != PANGO_STYLE_NORMAL)
    g_string_append (out, " font-style=\"italic\"");

  /* The painters set a solid colour before text; anything else reads as ink. */
  cairo_pattern_get_rgba (cairo_get_source (cr), &red, &green, &blue, &alpha);
  g_string_append_printf (out, " fill=\"#%02x%02x%02x\"", (int) (red * 255 + 0.5),
                          (int) (green * 255 + 0.5), (int) (blue * 255 + 0.5));
  if (alpha < 1)
    {
      g_string_append (out, " fill-opacity=\"");
      append_number (out, alpha);
      g_string_append_c (out, '"');
    }

  cairo_get_matrix (cr, &m);
  *dx = *dy = 0;
  if (m.xx == 1 && m.yy == 1 && m.xy == 0 && m.yx == 0)
    {
      *dx = m.x0;
      *dy = m.y0;
      return;
    }
  g_string_append (out, " transform=\"matrix(");
  append_number (out, m.xx);
  g_string_append_c (out, ' ');
  append_number (out, m.yx);
  g_string_append_c (out, ' ');
  append_number (out, m.xy);
  g_string_append_c (out, ' ');
  append_number (out, m.yy);
  g_string_append_c (out, ' ');
  append_number (out, m.x0);
  g_string_append_c (out, ' ');
  append_number (out, m.y0);
  g_string_append (out, ")\"");
}

/* The text @line shows: its part of @text, with "…" where Pango put an
 * ellipsis in place of some of it, and without trailing spaces. */
static char *
line_text (PangoLayoutLine *line,
           const char      *text)
{
  int start = line->start_index, end = line->start_index + line->length;
  GString *shown = g_string_new (NULL);

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
        {
          g_string_append_len (shown, text + start, MAX (run->item->offset - start, 0));
          g_string_append (shown, "…");
          start = run->item->offset + run->item->length;
        }
    }
  if (end > start)
    g_string_append_len (shown, text + start, end - start);
  while (shown->len > 0 && g_ascii_isspace (shown->str[shown->len - 1]))
    g_string_truncate (shown, shown->len - 1);
  return g_string_free (shown, FALSE);
}

/* The text sink: one <text> per line of @layout, at the line's baseline. */
static void
record_text (cairo_t     *cr,
             PangoLayout *layout,
             gpointer     user_data)
{
  GString *out = user_data;
  const char *text = pango_layout_get_text (layout);
  g_autoptr(GString) attributes = g_string_new (NULL);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double x, y, dx, dy;

  cairo_get_current_point (cr, &x, &y);
  append_text_attributes (attributes, cr, layout, &dx, &dy);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      g_autofree char *shown = line_text (line, text);
      PangoRectangle logical;

      if (*shown == '\0')
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      g_string_append (out, "<text xml:space=\"preserve\" x=\"");
      append_number (out, dx + x + (double) logical.x / PANGO_SCALE);
      g_string_append (out, "\" y=\"");
      append_number (out, dy + y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      g_string_append_printf (out, "\"%s>", attributes->str);
      append_escaped (out, shown, -1);
      g_string_append (out, "</text>\n");
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* The <title> and <desc> that go right after the root's start tag. */
static GString *
svg_head (WmDiagram *diagram)
{
  const char *description = wm_diagram_get_string (diagram, DESCRIPTION_FIELD);
  GString *head = g_string_new ("\n<title>");

  append_escaped (head, wm_diagram_get_name (diagram), -1);
  g_string_append (head, "</title>");
  if (description != NULL && !wm_str_is_blank (description))
    {
      g_string_append (head, "\n<desc>");
      append_escaped (head, description, -1);
      g_string_append (head, "</desc>");
    }
  return head;
}

/* Cairo's SVG on its way to the sink as cairo writes it, with the head
 * inserted after the root's start tag and the recorded text before its end
 * tag. It holds back only what it must — the document's start until the
 * root's start tag is whole, then the last SVG_HELD bytes, where the end
 * tag is — and gathers cairo's many small writes into larger ones; a
 * 10 000-item diagram's SVG is not held whole in memory, nor copied. */
typedef struct
{
  WmExportSink *sink;
  GString      *head;     /* NULL once written */
  GString      *pending;  /* written by cairo, not yet passed on */
} SvgStream;

/* Cairo's last write is "</svg>\n". */
#define SVG_HELD 64
#define SVG_CHUNK (64 * 1024)

static void
svg_stream_pass (SvgStream *svg,
                 gsize      length)
{
  _wm_export_write (svg->sink, (const unsigned char *) svg->pending->str, (unsigned int) length);
  g_string_erase (svg->pending, 0, (gssize) length);
}

/* Passes on the document up to the root's start tag and the head after
 * it, once cairo has written that far. */
static void
svg_stream_pass_head (SvgStream *svg)
{
  const char *data = svg->pending->str;
  const char *root = strstr (data, "<svg");
  const char *root_end = root ? strchr (root, '>') : NULL;

  if (root_end == NULL)
    return;
  svg_stream_pass (svg, (gsize) (root_end + 1 - data));
  _wm_export_write (svg->sink, (const unsigned char *) svg->head->str,
                    (unsigned int) svg->head->len);
  g_string_free (g_steal_pointer (&svg->head), TRUE);
}

static cairo_status_t
svg_stream_write (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  SvgStream *svg = closure;

  if (svg->head == NULL && length >= SVG_CHUNK)
    {
      /* A large write (the page) goes on directly, but for its end. */
      svg_stream_pass (svg, svg->pending->len);
      _wm_export_write (svg->sink, data, length - SVG_HELD);
      g_string_append_len (svg->pending, (const char *) data + length - SVG_HELD, SVG_HELD);
    }
  else
    {
      g_string_append_len (svg->pending, (const char *) data, length);
      if (svg->head != NULL)
        svg_stream_pass_head (svg);
      if (svg->head == NULL && svg->pending->len >= SVG_CHUNK + SVG_HELD)
        svg_stream_pass (svg, svg->pending->len - SVG_HELD);
    }
  return svg->sink->error == NULL ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Passes on the rest, with @text before the root's end tag. */
static void
svg_stream_close (SvgStream  *svg,
                  const char *text)
{
  const char *data = svg->pending->str;
  const char *end = g_strrstr (data, "</svg>");

  /* Cairo always writes a root element; without one, something is badly wrong. */
  g_assert (svg->head == NULL && end != NULL);
  svg_stream_pass (svg, (gsize) (end - data));
  _wm_export_write (svg->sink, (const unsigned char *) text, (unsigned int) strlen (text));
  svg_stream_pass (svg, svg->pending->len);
}

gboolean
_wm_export_svg_diagram (WmDiagram             *diagram,
                        const WmExportOptions *options,
                        GOutputStream         *stream,
                        GError               **error)
{
  WmTextCache *cache = wm_text_cache_get_default ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) pending = g_string_sized_new (SVG_CHUNK + SVG_HELD);
  WmExportSink sink = { stream, NULL };
  SvgStream svg = { &sink, svg_head (diagram), pending };
  WmRect extent;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  wm_render_get_extent (diagram, &extent);
  surface = cairo_svg_surface_create_for_stream (svg_stream_write, &svg, extent.width,
                                                 extent.height);
  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_2);
  cr = cairo_create (surface);
  if (options->svg_text)
    _wm_text_set_sink (cr, record_text, text);
  wm_export_paint_fitted (cr, diagram, cache, &extent, 0, 0, extent.width, extent.height);
  status = _wm_export_finish_surface (surface, _wm_export_destroy_context (cr));
  if (status == CAIRO_STATUS_SUCCESS && sink.error == NULL)
    svg_stream_close (&svg, text->str);
  if (svg.head != NULL)
    g_string_free (svg.head, TRUE);
  return _wm_export_finish_sink (&sink, status, error);
}
