/* wm-deck.c — the presentation PDF of a whole project, and one-diagram PDFs
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The presentation is planned before a page is drawn: every page's kind, size
 * and number are known first, so that the contents, the outline, the footers
 * ("Page N of M") and the links between diagrams can point at any page. Links
 * and destinations are PDF annotations made with cairo's tag API.
 */
#define G_LOG_DOMAIN "wm-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "wm-deck-pages.h"
#include "wm-draw.h"
#include "wm-export.h"
#include "wm-export-private.h"
#include "wm-trace.h"
#include "wm-vsm.h"

/* Text printed smaller than this, in points, strains the eye: a page that
 * has some says so, and tiles split a diagram until none is left. */
#define READABLE_TEXT_POINTS 6.0
/* A journey map is laid out for its pages (wm_render_journey_pages()) with
 * no text smaller than this, in points. */
#define JOURNEY_TEXT_POINTS 8.0
/* The most tiles one diagram is split into; a diagram that would need more
 * gets bigger tiles, and its tiles say their text is still small. */
#define MAX_TILES 64
/* What neighbouring tiles both show, in points on the page. */
#define TILE_OVERLAP_POINTS 18.0
/* A diagram page's bands around the drawing, in points: the name, the kind
 * and any warning above, the footer below. */
#define HEADER_HEIGHT 24.0
#define FOOTER_HEIGHT 20.0

/* PDF pages */

typedef struct
{
  WmExportSink             sink;
  cairo_surface_t *surface;
  cairo_t         *cr;
  WmTextCache     *text;
  const WmExportOptions *options;
  gboolean         deck;     /* a presentation: footers lead back to the contents */
  double           width;    /* the current page, in points */
  double           height;
} Pdf;

/* The landscape page size of the contents and of the analysis pages. */
static void
landscape_size (const WmExportOptions *options,
                double                *width,
                double                *height)
{
  WmPageSize size = options->page == WM_PAGE_FIT ? WM_PAGE_A4 : options->page;

  *width = _wm_export_pages[size].height;
  *height = _wm_export_pages[size].width;
}

/* Journey maps read along their stages: they always go on landscape pages,
 * as does every diagram wider than tall, unless the options say otherwise. */
static gboolean
wants_landscape (const WmExportOptions *options,
                 WmDiagram             *diagram,
                 const WmRect          *extent)
{
  if (options->orientation != WM_ORIENTATION_AUTO)
    return options->orientation == WM_ORIENTATION_LANDSCAPE;
  return extent->width > extent->height ||
         g_str_equal (wm_diagram_get_notation (diagram)->id, "customer-journey");
}

static void
page_size_for (const WmExportOptions *options,
               gboolean               landscape,
               const WmRect          *extent,
               double                *width,
               double                *height)
{
  if (options->page == WM_PAGE_FIT)
    {
      *width = extent->width * WM_POINTS_PER_UNIT + 2 * options->margin;
      *height = extent->height * WM_POINTS_PER_UNIT + 2 * options->margin + HEADER_HEIGHT +
                FOOTER_HEIGHT;
      return;
    }
  *width = landscape ? _wm_export_pages[options->page].height : _wm_export_pages[options->page].width;
  *height = landscape ? _wm_export_pages[options->page].width : _wm_export_pages[options->page].height;
}

/* Where the drawing goes on a diagram page of @width × @height: everything
 * between the header and the footer. */
static WmRect
drawing_area (const WmExportOptions *options,
              double                 width,
              double                 height)
{
  double margin = options->margin;

  return (WmRect) { margin, margin + HEADER_HEIGHT, width - 2 * margin,
                    height - 2 * margin - HEADER_HEIGHT - FOOTER_HEIGHT };
}

static void
init_render (WmRenderOptions *render,
             Pdf             *pdf)
{
  wm_render_options_init (render);
  render->scale = 0; /* vector output: always full detail */
  render->text = pdf->text;
}

/* Tags: cairo's attribute strings want quoted names and whole numbers:
 * cairo 1.16 reads a number with a decimal point through the locale, and
 * fails under one whose decimal separator is a comma (de_DE). A point is
 * plenty for a link's rectangle or a destination. */

static void
append_rect (GString      *attributes,
             const WmRect *rect)
{
  int x0 = (int) floor (rect->x), y0 = (int) floor (rect->y);
  int x1 = (int) ceil (rect->x + rect->width), y1 = (int) ceil (rect->y + rect->height);

  g_string_append_printf (attributes, "rect=[%d %d %d %d] ", x0, y0, x1 - x0, y1 - y0);
}

/* key='value', with the quotes and backslashes in @value escaped. */
static void
append_quoted (GString    *attributes,
               const char *key,
               const char *prefix,
               const char *value)
{
  g_string_append_printf (attributes, "%s='%s", key, prefix);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (attributes, '\\');
      g_string_append_c (attributes, *p);
    }
  g_string_append (attributes, "' ");
}

/* The attributes that lead to page @page, or to destination @prefix@name.
 * Pages are named destinations too: cairo 1.16 writes no target for a link
 * given as page=N to a page not yet drawn. */
static char *
target_attributes (guint       page,
                   const char *prefix,
                   const char *name)
{
  GString *attributes = g_string_new (NULL);
  g_autofree char *number = NULL;

  if (name == NULL)
    {
      number = g_strdup_printf ("%u", page);
      prefix = "page:";
      name = number;
    }
  append_quoted (attributes, "dest", prefix, name);
  return g_string_free (attributes, FALSE);
}

/* A link over @rect (page points, with no transform) to a page or a destination. */
static void
add_link (Pdf          *pdf,
          const WmRect *rect,
          guint         page,
          const char   *prefix,
          const char   *name)
{
  g_autoptr(GString) attributes = g_string_new (NULL);
  g_autofree char *target = target_attributes (page, prefix, name);

  append_rect (attributes, rect);
  g_string_append (attributes, target);
  cairo_tag_begin (pdf->cr, CAIRO_TAG_LINK, attributes->str);
  cairo_tag_end (pdf->cr, CAIRO_TAG_LINK);
}

/* Names the point (@x, @y) of the current page @prefix@name, for links and
 * the outline. Each name is given once in a document. */
static void
add_dest (Pdf        *pdf,
          const char *prefix,
          const char *name,
          double      x,
          double      y)
{
  g_autoptr(GString) attributes = g_string_new (NULL);

  append_quoted (attributes, "name", prefix, name);
  g_string_append_printf (attributes, "x=%d y=%d", (int) round (x), (int) round (y));
  cairo_tag_begin (pdf->cr, CAIRO_TAG_DEST, attributes->str);
  cairo_tag_end (pdf->cr, CAIRO_TAG_DEST);
}

static int
add_outline (Pdf        *pdf,
             int         parent,
             const char *title,
             guint       page,
             const char *prefix,
             const char *name)
{
  g_autofree char *target = target_attributes (page, prefix, name);

  return cairo_pdf_surface_add_outline (pdf->surface, parent, title, target, 0);
}

/* Metadata: the project's title, author and description, and the kinds of
 * its diagrams as keywords ("Business model canvas, Value stream map"). */
static void
set_metadata (cairo_surface_t *surface,
              WmProject       *project)
{
  g_autofree char *creator = g_strdup_printf ("Waymark %s", PACKAGE_VERSION);
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  g_autofree char *keywords = NULL;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  if (project == NULL)
    return;
  if (*wm_project_get_title (project) != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                    wm_project_get_title (project));
  if (*wm_project_get_author (project) != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                    wm_project_get_author (project));
  if (*wm_project_get_description (project) != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                    wm_project_get_description (project));
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      const char *kind = g_dgettext (GETTEXT_PACKAGE,
                                     wm_diagram_get_notation (wm_project_get_diagram (project, i))->label);

      if (!g_ptr_array_find_with_equal_func (kinds, kind, g_str_equal, NULL))
        g_ptr_array_add (kinds, (gpointer) kind);
    }
  g_ptr_array_add (kinds, NULL);
  keywords = g_strjoinv (", ", (char **) kinds->pdata);
  if (*keywords != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
}

/* The footer: a rule, @left and @right; in a presentation all of it leads
 * back to the contents on page 1. */
static void
draw_footer (Pdf        *pdf,
             const char *left,
             const char *right)
{
  WmTextStyle style = wm_text_style (8);
  double margin = pdf->options->margin;
  WmRect box = { margin, pdf->height - margin - 10, pdf->width - 2 * margin, 12 };
  WmRenderOptions render;

  init_render (&render, pdf);
  style.color = &wm_color_muted;
  style.wrap = FALSE;
  wm_draw_box (pdf->cr, &(WmRect) { margin, box.y - 6, box.width, 0.5 }, 0, &wm_color_faint, NULL, 0);
  wm_draw_text (pdf->cr, &render, left, &box, &style);
  style.halign = WM_ALIGN_END;
  wm_draw_text (pdf->cr, &render, right, &box, &style);
  if (pdf->deck)
    add_link (pdf, &(WmRect) { margin, box.y - 4, box.width, box.height + 4 }, 1, NULL, NULL);
}

/* A page's name on the left of its header, a caption on the right and,
 * when the page's text prints small, a warning below the caption. */
static void
draw_header (Pdf        *pdf,
             const char *title,
             const char *caption,
             const char *note)
{
  double margin = pdf->options->margin;
  double width = pdf->width - 2 * margin;
  WmTextStyle name = wm_text_style (14);
  WmTextStyle kind = wm_text_style (note != NULL ? 8 : 9);
  WmTextStyle warning = wm_text_style (8);
  WmRenderOptions render;
  double caption_width = 0, note_width = 0, x;

  init_render (&render, pdf);
  name.weight = PANGO_WEIGHT_BOLD;
  name.wrap = FALSE;
  kind.color = &wm_color_muted;
  kind.wrap = warning.wrap = FALSE;
  kind.halign = warning.halign = WM_ALIGN_END;
  /* Said, not shouted: the deck is shown to stakeholders. */
  warning.color = &wm_color_muted;
  wm_measure_text (&render, caption, -1, &kind, &caption_width, NULL);
  if (note != NULL)
    wm_measure_text (&render, note, -1, &warning, &note_width, NULL);
  caption_width = MIN (MAX (caption_width, note_width) + 1, width * 0.6);
  x = margin + width - caption_width;
  wm_draw_text (pdf->cr, &render, title,
                &(WmRect) { margin, margin, width - caption_width - 12, 18 }, &name);
  if (note == NULL)
    {
      wm_draw_text (pdf->cr, &render, caption, &(WmRect) { x, margin + 5, caption_width, 12 }, &kind);
      return;
    }
  wm_draw_text (pdf->cr, &render, caption, &(WmRect) { x, margin - 1, caption_width, 11 }, &kind);
  wm_draw_text (pdf->cr, &render, note, &(WmRect) { x, margin + 10, caption_width, 11 }, &warning);
}

/* Starts page @number (0 outside a presentation) of @width × @height. */
static void
begin_page (Pdf   *pdf,
            guint  number,
            double width,
            double height)
{
  g_autofree char *name = g_strdup_printf ("%u", number);

  pdf->width = width;
  pdf->height = height;
  cairo_pdf_surface_set_size (pdf->surface, width, height);
  /* cairo 1.16 writes the structure of link annotations only in a tagged
   * document: without a root element, their entries refer to objects that
   * are never written. The root opens after the first page's size is set,
   * which would drop it. */
  if (number == 1)
    cairo_tag_begin (pdf->cr, "Document", NULL);
  if (number > 0)
    add_dest (pdf, "page:", name, 0, 0);
}

/* Views: a part of a diagram on a page. Document point p lands at
 * (x + (p.x - source.x) × scale, y + (p.y - source.y) × scale), in points. */

typedef struct
{
  WmRect source;
  double scale;
  double x;
  double y;
} View;

static View
view_fit (const WmRect *source,
          const WmRect *box)
{
  double scale = MIN (box->width / source->width, box->height / source->height);

  return (View) { *source, scale, box->x + (box->width - source->width * scale) / 2,
                  box->y + (box->height - source->height * scale) / 2 };
}

static WmRect
view_map (const View   *view,
          const WmRect *rect)
{
  return (WmRect) { view->x + (rect->x - view->source.x) * view->scale,
                    view->y + (rect->y - view->source.y) * view->scale,
                    rect->width * view->scale, rect->height * view->scale };
}

/* Paints what @view shows of @diagram, clipped to it, and returns the
 * smallest text size drawn, in document units (G_MAXDOUBLE: no text). */
static double
paint_view (cairo_t     *cr,
            WmTextCache *text,
            WmDiagram   *diagram,
            const View  *view)
{
  WmRenderOptions render;
  WmRect page = view_map (view, &view->source);
  double smallest = G_MAXDOUBLE;

  wm_render_options_init (&render);
  render.visible = view->source;
  render.scale = 0;
  render.text = text;
  render.min_text_size = &smallest;
  cairo_save (cr);
  cairo_rectangle (cr, page.x, page.y, page.width, page.height);
  cairo_clip (cr);
  cairo_translate (cr, view->x, view->y);
  cairo_scale (cr, view->scale, view->scale);
  cairo_translate (cr, -view->source.x, -view->source.y);
  wm_render_diagram (diagram, cr, &render);
  cairo_restore (cr);
  return smallest;
}

/* The smallest text @diagram paints, in document units (G_MAXDOUBLE: none),
 * found by painting it whole onto a single pixel. */
static double
measure_smallest_text (WmTextCache  *text,
                       WmDiagram    *diagram,
                       const WmRect *extent)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  View view = view_fit (extent, &(WmRect) { 0, 0, 1, 1 });
  double smallest = paint_view (cr, text, diagram, &view);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return smallest;
}

/* Paints page @index of @diagram's print layout for @print, fitted to
 * @box, and returns the smallest text it prints, in points (G_MAXDOUBLE:
 * none). Sets @view to how it maps the layout onto the page. */
static double
paint_print_view (cairo_t            *cr,
                  WmTextCache        *text,
                  WmDiagram          *diagram,
                  const WmRenderPage *print,
                  guint               index,
                  const WmRect       *box,
                  View               *view)
{
  WmRenderOptions render;
  double smallest = G_MAXDOUBLE;
  WmRect extent;

  wm_render_journey_page_extent (diagram, print, index, &extent);
  *view = view_fit (&extent, box);
  wm_render_options_init (&render);
  render.scale = 0;
  render.text = text;
  render.min_text_size = &smallest;
  cairo_save (cr);
  cairo_translate (cr, view->x, view->y);
  cairo_scale (cr, view->scale, view->scale);
  cairo_translate (cr, -extent.x, -extent.y);
  wm_render_journey_page (diagram, cr, &render, print, index);
  cairo_restore (cr);
  return smallest == G_MAXDOUBLE ? smallest : smallest * view->scale;
}

/* The name of a page of a diagram that continues over several. */
static char *
print_page_title (WmDiagram *diagram,
                  guint      index)
{
  if (index == 0)
    return g_strdup (wm_diagram_get_name (diagram));
  /* Translators: the title of a page that goes on with the diagram of the page before;
   * %s is the diagram's name */
  return g_strdup_printf (_("%s (continued)"), wm_diagram_get_name (diagram));
}

/* The header's caption of such a page: which of its pages it is. */
static char *
print_page_caption (WmDiagram *diagram,
                    guint      index,
                    guint      n_pages)
{
  const char *kind = g_dgettext (GETTEXT_PACKAGE, wm_diagram_get_notation (diagram)->label);

  if (n_pages < 2)
    return g_strdup (kind);
  /* Translators: a page's caption: the kind of diagram, then which of the pages that
   * show it this one is, "Customer journey map · part 2 of 3" */
  return g_strdup_printf (_("%s · part %u of %u"), kind, index + 1, n_pages);
}

/* Narrows @rect to @within; FALSE when nothing of it is left. */
static gboolean
clip_rect (WmRect       *rect,
           const WmRect *within)
{
  double x0 = MAX (rect->x, within->x), y0 = MAX (rect->y, within->y);
  double x1 = MIN (rect->x + rect->width, within->x + within->width);
  double y1 = MIN (rect->y + rect->height, within->y + within->height);

  if (x1 <= x0 || y1 <= y0)
    return FALSE;
  *rect = (WmRect) { x0, y0, x1 - x0, y1 - y0 };
  return TRUE;
}

/* Where a link on the page covers @item: its node rectangle, or its ink. */
static void
item_rect (WmDiagram    *diagram,
           const WmItem *item,
           WmRect       *rect)
{
  if (wm_item_is_node (item))
    wm_render_node_rect (diagram, item, rect);
  else
    wm_render_item_extent (diagram, item, rect);
}

/* The first item of another diagram that @item links to, or NULL: a link
 * whose target is gone is no link on the page. */
static WmItem *
cross_link_target (WmProject    *project,
                   WmDiagram    *diagram,
                   const WmItem *item)
{
  const char *const *ids;

  if (wm_item_type_find_prop (item->type, WM_FIELD_LINKS) < 0)
    return NULL;
  ids = wm_item_get_strv (item, WM_FIELD_LINKS);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      WmDiagram *where = NULL;
      WmItem *target = wm_project_lookup_item (project, ids[i], &where);

      if (target != NULL && where != diagram)
        return target;
    }
  return NULL;
}

/* The plan */

typedef enum
{
  PAGE_CONTENTS,
  PAGE_DIAGRAM,       /* a whole diagram, or the overview of its tiles */
  PAGE_TILE,
  PAGE_COMPARISON,
  PAGE_TRACE,
  PAGE_APPENDIX,
} PageKind;

typedef struct
{
  PageKind kind;
  double   width;     /* in points */
  double   height;
  guint    part;      /* DIAGRAM, TILE: the index in Plan.parts; COMPARISON: in Plan.comparisons */
  guint    index;     /* TILE: row × columns + column; TRACE: its first row;
                       * DIAGRAM: the page of a journey map's print layout */
} Page;

/* A diagram's place in the presentation. */
typedef struct
{
  WmDiagram *diagram;
  WmRect     extent;
  gboolean   landscape;     /* its page, or its overview's */
  gboolean   tiles_landscape;
  double     smallest;      /* the smallest text it paints, in document units */
  guint      page;          /* its page, or its overview's */
  guint      rows;          /* its tiles; 0 when it is not split */
  guint      columns;
  double     tile_width;    /* in document units, the overlap included */
  double     tile_height;
  double     overlap;
  /* A journey map's print layout: its pages (0: none, the diagram is drawn
   * whole or in tiles) for the page box in print. */
  guint        print_pages;
  WmRenderPage print;
} Part;

/* An appendix section: its use case and the page it starts on. */
typedef struct
{
  const WmItem *item;
  guint         page;
} Section;

typedef struct
{
  WmProject  *project;
  GArray     *pages;         /* Page; page N is pages[N - 1] */
  GArray     *parts;         /* Part, one per diagram, in the project's order */
  GPtrArray  *comparisons;   /* WmVsmComparison: a current map and a future one */
  GPtrArray  *trace;         /* WmTraceRow */
  GArray     *sections;      /* Section */
  GHashTable *targets;       /* ids of the items another diagram links to: each gets a destination */
  char       *footer;        /* the project's title, or "" */
} Plan;

static void
plan_free (Plan *plan)
{
  g_clear_pointer (&plan->pages, g_array_unref);
  g_clear_pointer (&plan->parts, g_array_unref);
  g_clear_pointer (&plan->comparisons, g_ptr_array_unref);
  g_clear_pointer (&plan->trace, g_ptr_array_unref);
  g_clear_pointer (&plan->sections, g_array_unref);
  g_clear_pointer (&plan->targets, g_hash_table_unref);
  g_clear_pointer (&plan->footer, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Plan, plan_free)

static guint
plan_add_page (Plan    *plan,
               PageKind kind,
               double   width,
               double   height,
               guint    part,
               guint    index)
{
  Page page = { kind, width, height, part, index };

  g_array_append_val (plan->pages, page);
  return plan->pages->len;
}

static const Page *
plan_page (Plan  *plan,
           guint  number)
{
  return &g_array_index (plan->pages, Page, number - 1);
}

static Part *
plan_part (Plan *plan,
           guint index)
{
  return &g_array_index (plan->parts, Part, index);
}

/* The number of the first page of @kind about @part, or 0. */
static guint
plan_find_page (Plan    *plan,
                PageKind kind,
                guint    part)
{
  for (guint i = 0; i < plan->pages->len; i++)
    {
      const Page *page = &g_array_index (plan->pages, Page, i);

      if (page->kind == kind && (page->part == part || kind == PAGE_TRACE || kind == PAGE_APPENDIX))
        return i + 1;
    }
  return 0;
}

/* Tiles */

/* Splits @part over pages whose drawing area is @area_width × @area_height
 * so that its smallest text prints at READABLE_TEXT_POINTS or more, with at
 * most MAX_TILES tiles. */
static void
split_into_tiles (Part   *part,
                  double  area_width,
                  double  area_height)
{
  double scale = READABLE_TEXT_POINTS / part->smallest;

  for (;;)
    {
      part->overlap = TILE_OVERLAP_POINTS / scale;
      part->columns = (guint) MAX (1, ceil ((part->extent.width - part->overlap) /
                                             (area_width / scale - part->overlap)));
      part->rows = (guint) MAX (1, ceil ((part->extent.height - part->overlap) /
                                          (area_height / scale - part->overlap)));
      if (part->rows * part->columns <= MAX_TILES)
        break;
      scale *= 0.9;
    }
  part->tile_width = (part->extent.width + (part->columns - 1) * part->overlap) / part->columns;
  part->tile_height = (part->extent.height + (part->rows - 1) * part->overlap) / part->rows;
}

static WmRect
tile_rect (const Part *part,
           guint       index)
{
  guint row = index / part->columns, column = index % part->columns;

  return (WmRect) { part->extent.x + column * (part->tile_width - part->overlap),
                    part->extent.y + row * (part->tile_height - part->overlap),
                    part->tile_width, part->tile_height };
}

/* The tile that shows the point (@x, @y) of @part, its overlap aside. */
static guint
tile_at (const Part *part,
         double      x,
         double      y)
{
  double column = floor ((x - part->extent.x) / (part->tile_width - part->overlap));
  double row = floor ((y - part->extent.y) / (part->tile_height - part->overlap));

  return (guint) CLAMP (row, 0, part->rows - 1) * part->columns +
         (guint) CLAMP (column, 0, part->columns - 1);
}

/* The diagram whole, its text printed at @scale: whether it reads. */
static gboolean
reads_at (const Part *part,
          double      scale)
{
  return part->smallest == G_MAXDOUBLE || part->smallest * scale >= READABLE_TEXT_POINTS - 1e-6;
}

static double
fit_scale (const Part   *part,
           const WmRect *area)
{
  return MIN (area->width / part->extent.width, area->height / part->extent.height);
}

/* Whether every page of @part's print layout prints its text at the size
 * asked, fitted to @area: not when one stage holds more than a page. */
static gboolean
print_reads (WmTextCache  *text,
             const Part   *part,
             const WmRect *area)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  gboolean reads = TRUE;

  for (guint p = 0; p < part->print_pages && reads; p++)
    {
      View view;

      reads = paint_print_view (cr, text, part->diagram, &part->print, p, area, &view) >=
              part->print.min_text - 0.05;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return reads;
}

/* Measures @diagram and decides its pages: the orientation, and with the
 * tiles option, the tiles when its text would print too small whole. */
static Part
plan_part_for (const WmExportOptions *options,
               WmTextCache           *text,
               WmDiagram             *diagram)
{
  Part part = { .diagram = diagram };
  double width, height, other_width, other_height;
  WmRect area, other;
  Part turned;

  wm_render_get_extent (diagram, &part.extent);
  part.landscape = part.tiles_landscape = wants_landscape (options, diagram, &part.extent);
  part.smallest = measure_smallest_text (text, diagram, &part.extent);
  page_size_for (options, part.landscape, &part.extent, &width, &height);
  area = drawing_area (options, width, height);
  /* A journey map fills its pages at a size that reads: no tiles. */
  part.print = (WmRenderPage) { area.width, area.height, JOURNEY_TEXT_POINTS };
  if (options->page != WM_PAGE_FIT)
    part.print_pages = wm_render_journey_pages (diagram, &part.print);
  /* A stage too long for a page: with tiles, the whole map is tiled. */
  if (part.print_pages > 0 && options->tiles && !print_reads (text, &part, &area))
    part.print_pages = 0;
  if (part.print_pages > 0)
    return part;
  g_debug ("“%s”: smallest text %g units, %g pt on the page", wm_diagram_get_name (diagram),
           part.smallest, part.smallest * fit_scale (&part, &area));
  if (!options->tiles || options->page == WM_PAGE_FIT || reads_at (&part, fit_scale (&part, &area)))
    return part;

  split_into_tiles (&part, area.width, area.height);
  if (options->orientation != WM_ORIENTATION_AUTO)
    return part;
  /* Unless the orientation is set, the tiles are turned the way that needs
   * fewer; the overview keeps the diagram's own. */
  turned = part;
  turned.tiles_landscape = !part.landscape;
  page_size_for (options, turned.tiles_landscape, &part.extent, &other_width, &other_height);
  other = drawing_area (options, other_width, other_height);
  split_into_tiles (&turned, other.width, other.height);
  return turned.rows * turned.columns < part.rows * part.columns ? turned : part;
}

/* The current and future maps compared, each pair once. */
static GPtrArray *
collect_comparisons (WmProject *project)
{
  GPtrArray *comparisons = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_vsm_comparison_free);

  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);
      WmVsmComparison *comparison;
      gboolean known = FALSE;

      if (!g_str_equal (wm_diagram_get_notation (diagram)->id, "value-stream-map") ||
          (comparison = wm_vsm_compare (project, diagram)) == NULL)
        continue;
      for (guint j = 0; j < comparisons->len && !known; j++)
        {
          WmVsmComparison *other = g_ptr_array_index (comparisons, j);

          known = other->current == comparison->current && other->future == comparison->future;
        }
      if (known)
        wm_vsm_comparison_free (comparison);
      else
        g_ptr_array_add (comparisons, comparison);
    }
  return comparisons;
}

/* The position of @diagram in @project. */
static guint
diagram_index (WmProject *project,
               WmDiagram *diagram)
{
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    if (wm_project_get_diagram (project, i) == diagram)
      return i;
  g_assert_not_reached ();
}

/* Adds the comparison pages that follow diagram @index: a comparison
 * comes right after the later of its two maps. */
static void
plan_comparisons_after (Plan                  *plan,
                        const WmExportOptions *options,
                        guint                  index)
{
  double width, height;

  landscape_size (options, &width, &height);
  for (guint i = 0; i < plan->comparisons->len; i++)
    {
      WmVsmComparison *comparison = g_ptr_array_index (plan->comparisons, i);

      if (MAX (diagram_index (plan->project, comparison->current),
               diagram_index (plan->project, comparison->future)) == index)
        plan_add_page (plan, PAGE_COMPARISON, width, height, i, 0);
    }
}

/* The box the analysis pages fill, below a header. */
static WmRect
analysis_box (const WmExportOptions *options,
              double                 width,
              double                 height)
{
  return drawing_area (options, width, height);
}

static void
plan_trace (Plan *plan,
            Pdf  *pdf)
{
  double width, height;
  WmRect box;

  landscape_size (pdf->options, &width, &height);
  box = analysis_box (pdf->options, width, height);
  for (guint first = 0; first < plan->trace->len;)
    {
      guint n = _wm_deck_paint_trace (pdf->cr, pdf->text, plan->trace, first, &box, FALSE);

      plan_add_page (plan, PAGE_TRACE, width, height, 0, first);
      first += MAX (n, 1);
    }
}

/* Every item that a link from another diagram leads to. */
static GHashTable *
collect_targets (WmProject *project)
{
  GHashTable *targets = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint d = 0; d < wm_project_get_n_diagrams (project); d++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, d);

      for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
        {
          WmItem *target = cross_link_target (project, diagram, wm_diagram_get_item (diagram, i));

          if (target != NULL)
            g_hash_table_add (targets, target->id);
        }
    }
  return targets;
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
  Plan           *plan;       /* measuring records its sections there; drawing names them */
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
               Plan       *plan,
               gboolean    draw,
               guint       last_page,
               guint       n_pages,
               const char *footer)
{
  *a = (Appendix) { .pdf = pdf, .plan = plan, .draw = draw, .page = last_page, .n_pages = n_pages,
                    .footer = footer };
  init_render (&a->render, pdf);
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
  /* Translators: a page number in a footer; the plural form follows the second number */
  page = g_strdup_printf (ngettext ("Page %u of %u", "Page %u of %u", a->n_pages), a->page,
                          a->n_pages);
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
    begin_page (a->pdf, a->page, a->pdf->width, a->pdf->height);
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

const WmPropSpec *
_wm_export_detail_spec (const WmItem *item,
                        guint         rank)
{
  for (guint i = 0; i < item->type->n_props; i++)
    if (item->type->props[i].detail == rank)
      return &item->type->props[i];
  return NULL;
}

char *
_wm_export_detail_text (const WmItem     *item,
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

gboolean
_wm_export_has_details (const WmItem *item)
{
  const WmPropSpec *spec;

  for (guint rank = 2; (spec = _wm_export_detail_spec (item, rank)) != NULL; rank++)
    {
      g_autofree char *text = _wm_export_detail_text (item, spec);

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
  /* The outline lists every section, and leads to its heading. */
  if (a->draw)
    add_dest (a->pdf, "use-case-details:", item->id, APPENDIX_MARGIN, a->y);
  else
    g_array_append_val (a->plan->sections, ((Section) { item, a->page }));
  appendix_text (a, name, &a->heading, 2);
  appendix_text (a, wm_diagram_get_name (diagram), &a->small, 12);
  for (guint rank = 1; (spec = _wm_export_detail_spec (item, rank)) != NULL; rank++)
    {
      g_autofree char *text = _wm_export_detail_text (item, spec);

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

          if (!_wm_export_has_details (item))
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

static char *
appendix_footer (WmProject *project)
{
  return *wm_project_get_title (project)
           ? g_strdup_printf ("%s — %s", wm_project_get_title (project),
                              _("Appendix: use-case details"))
           : g_strdup (_("Appendix: use-case details"));
}

/* Decides every page, in order: the contents, each diagram (whole, or an
 * overview and its tiles) followed by the comparisons it completes, the
 * traceability tables, the appendix. */
static void
plan_build (Plan      *plan,
            Pdf       *pdf,
            WmProject *project)
{
  const WmExportOptions *options = pdf->options;
  g_autofree char *footer = appendix_footer (project);
  double width, height;
  Appendix appendix;
  guint n_appendix;

  *plan = (Plan) {
    .project = project,
    .pages = g_array_new (FALSE, FALSE, sizeof (Page)),
    .parts = g_array_new (FALSE, FALSE, sizeof (Part)),
    .comparisons = collect_comparisons (project),
    .trace = wm_trace_collect (project),
    .sections = g_array_new (FALSE, FALSE, sizeof (Section)),
    .targets = collect_targets (project),
    .footer = g_strdup (wm_project_get_title (project)),
  };
  landscape_size (options, &width, &height);
  plan_add_page (plan, PAGE_CONTENTS, width, height, 0, 0);
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      Part part = plan_part_for (options, pdf->text, wm_project_get_diagram (project, i));

      page_size_for (options, part.landscape, &part.extent, &width, &height);
      part.page = plan_add_page (plan, PAGE_DIAGRAM, width, height, i, 0);
      for (guint p = 1; p < part.print_pages; p++)
        plan_add_page (plan, PAGE_DIAGRAM, width, height, i, p);
      page_size_for (options, part.tiles_landscape, &part.extent, &width, &height);
      for (guint t = 0; t < part.rows * part.columns; t++)
        plan_add_page (plan, PAGE_TILE, width, height, i, t);
      g_array_append_val (plan->parts, part);
      plan_comparisons_after (plan, options, i);
    }
  plan_trace (plan, pdf);

  appendix_init (&appendix, pdf, plan, FALSE, plan->pages->len, 0, footer);
  n_appendix = appendix_lay_out (&appendix, project);
  for (guint i = 0; i < n_appendix; i++)
    plan_add_page (plan, PAGE_APPENDIX, pdf->width, pdf->height, 0, i);
}

/* What the contents, the outline and the header call page @number, and its
 * kind in @kind; NULL for a page that continues the one before. */
static char *
page_title (Plan        *plan,
            guint        number,
            const char **kind)
{
  const Page *page = plan_page (plan, number);
  const Page *before = number > 1 ? plan_page (plan, number - 1) : NULL;
  WmVsmComparison *comparison;

  *kind = "";
  switch (page->kind)
    {
    case PAGE_DIAGRAM:
      *kind = g_dgettext (GETTEXT_PACKAGE,
                          wm_diagram_get_notation (plan_part (plan, page->part)->diagram)->label);
      /* The pages that continue a journey map's are not entries of their own. */
      if (page->index > 0)
        return NULL;
      return g_strdup (wm_diagram_get_name (plan_part (plan, page->part)->diagram));
    case PAGE_COMPARISON:
      comparison = g_ptr_array_index (plan->comparisons, page->part);
      *kind = _("Current and future state");
      /* TRANSLATORS: the first name is the current-state map's, the second the future-state map's. */
      return g_strdup_printf (_("%s against %s"), wm_diagram_get_name (comparison->current),
                              wm_diagram_get_name (comparison->future));
    case PAGE_TRACE:
      *kind = _("Cross-diagram links");
      return before->kind == PAGE_TRACE ? NULL : g_strdup (_("Traceability"));
    case PAGE_APPENDIX:
      return before->kind == PAGE_APPENDIX ? NULL : g_strdup (_("Appendix: use-case details"));
    case PAGE_CONTENTS:
    case PAGE_TILE:
    default:
      return NULL;
    }
}

/* The footer's left side: the project's title and what the page shows. */
static char *
footer_text (Plan       *plan,
             const char *what)
{
  return *plan->footer ? g_strdup_printf ("%s — %s", plan->footer, what) : g_strdup (what);
}

static void
draw_plan_footer (Pdf        *pdf,
                  Plan       *plan,
                  guint       number,
                  const char *what)
{
  g_autofree char *left = footer_text (plan, what);
  /* Translators: a page number in a footer; the plural form follows the second number */
  g_autofree char *right = g_strdup_printf (ngettext ("Page %u of %u", "Page %u of %u",
                                                      plan->pages->len),
                                            number, plan->pages->len);

  draw_footer (pdf, left, right);
}

/* The contents page */

static void
draw_contents_row (Pdf             *pdf,
                   WmRenderOptions *render,
                   const char      *title,
                   const char      *kind,
                   guint            number,
                   double           y)
{
  double margin = 72, width = pdf->width - 2 * margin;
  WmTextStyle body = wm_text_style (11);
  WmTextStyle small = wm_text_style (10);
  g_autofree char *digits = g_strdup_printf ("%u", number);

  small.color = &wm_color_muted;
  body.wrap = small.wrap = FALSE;
  wm_draw_box (pdf->cr, &(WmRect) { margin, y + 17, width, 0.5 }, 0, &wm_color_faint, NULL, 0);
  wm_draw_text (pdf->cr, render, title, &(WmRect) { margin, y, width * 0.55, 16 }, &body);
  wm_draw_text (pdf->cr, render, kind, &(WmRect) { margin + width * 0.58, y + 1, width * 0.34, 16 },
                &small);
  small.halign = WM_ALIGN_END;
  wm_draw_text (pdf->cr, render, digits, &(WmRect) { margin, y + 1, width, 16 }, &small);
  add_link (pdf, &(WmRect) { margin, y - 3, width, 21 }, number, NULL, NULL);
}

/* The title page: the project's title, description and author, and the
 * contents, one row per diagram and analysis, each a link to its page. */
static void
draw_contents_page (Pdf  *pdf,
                    Plan *plan)
{
  WmProject *project = plan->project;
  double margin = 72;
  double width, y;
  WmTextStyle big = wm_text_style (30);
  WmTextStyle body = wm_text_style (11);
  WmTextStyle small = wm_text_style (10);
  WmRenderOptions render;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: the date on the presentation's title page, a format for
   * g_date_time_format(): %-d is the day, %B the month's name, %Y the year; "3 December
   * 2026". Order them as your language writes a date, e.g. "%B %-d, %Y" or "%-d. %B %Y".
   * The PowerPoint deck's title slide uses the same format.
   * xgettext:no-c-format */
  g_autofree char *date = g_date_time_format (now, _("%-d %B %Y"));
  g_autofree char *byline = NULL;
  const char *title = *wm_project_get_title (project) ? wm_project_get_title (project)
                                                      : _("Untitled project");

  /* A translation that is not a valid format must not lose the date. */
  if (date == NULL)
    date = g_date_time_format (now, "%-d %B %Y");
  begin_page (pdf, 1, plan_page (plan, 1)->width, plan_page (plan, 1)->height);
  width = pdf->width - 2 * margin;
  init_render (&render, pdf);
  big.weight = PANGO_WEIGHT_BOLD;
  small.color = &wm_color_muted;

  wm_draw_box (pdf->cr, &(WmRect) { margin, margin, 56, 5 }, 2, &wm_color_accent, NULL, 0);
  y = margin + 24;
  y += wm_draw_text (pdf->cr, &render, title, &(WmRect) { margin, y, width, 120 }, &big) + 10;
  if (*wm_project_get_description (project) != '\0')
    y += wm_draw_text (pdf->cr, &render, wm_project_get_description (project),
                       &(WmRect) { margin, y, width * 0.8, 120 }, &body) + 14;
  byline = *wm_project_get_author (project)
             ? g_strdup_printf ("%s · %s", wm_project_get_author (project), g_strstrip (date))
             : g_strdup (g_strstrip (date));
  y += wm_draw_text (pdf->cr, &render, byline, &(WmRect) { margin, y, width, 20 }, &small) + 28;

  body.weight = PANGO_WEIGHT_BOLD;
  y += wm_draw_text (pdf->cr, &render, _("Contents"), &(WmRect) { margin, y, width, 20 }, &body) + 6;
  for (guint number = 2; number <= plan->pages->len && y < pdf->height - margin; number++)
    {
      const char *kind;
      g_autofree char *entry = page_title (plan, number, &kind);

      if (entry == NULL)
        continue;
      draw_contents_row (pdf, &render, entry, kind, number, y);
      y += 24;
    }
  cairo_show_page (pdf->cr);
}

/* The outline: every diagram, analysis and appendix section. */
static void
add_outlines (Pdf  *pdf,
              Plan *plan)
{
  int appendix = -1;

  for (guint number = 2; number <= plan->pages->len; number++)
    {
      const char *kind;
      g_autofree char *title = page_title (plan, number, &kind);

      if (title == NULL)
        continue;
      if (plan_page (plan, number)->kind == PAGE_APPENDIX)
        appendix = add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, title, number, NULL, NULL);
      else
        add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, title, number, NULL, NULL);
    }
  for (guint i = 0; i < plan->sections->len && appendix >= 0; i++)
    {
      const WmItem *item = g_array_index (plan->sections, Section, i).item;

      add_outline (pdf, appendix, item->text && *item->text ? item->text
                                  : g_dgettext (GETTEXT_PACKAGE, item->type->label),
                   0, "use-case-details:", item->id);
    }
}

/* Diagram pages */

/* The links and destinations of the items @view shows: an item that links
 * to another diagram leads to the item it links to; an item that another
 * diagram links to is a destination, on the page that shows its centre
 * (@tile, or every item when @tile is G_MAXUINT). */
static void
add_item_links (Pdf        *pdf,
                Plan       *plan,
                const Part *part,
                const View *view,
                guint       tile)
{
  WmRect shown = view_map (view, &view->source);

  for (guint i = 0; i < wm_diagram_get_n_items (part->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (part->diagram, i);
      WmItem *target = cross_link_target (plan->project, part->diagram, item);
      WmRect rect, on_page;

      if (target == NULL && !g_hash_table_contains (plan->targets, item->id))
        continue;
      item_rect (part->diagram, item, &rect);
      on_page = view_map (view, &rect);
      if (!clip_rect (&on_page, &shown))
        continue;
      if (target != NULL)
        add_link (pdf, &on_page, 0, "item:", target->id);
      if (g_hash_table_contains (plan->targets, item->id) &&
          (tile == G_MAXUINT ||
           tile == tile_at (part, rect.x + rect.width / 2, rect.y + rect.height / 2)))
        add_dest (pdf, "item:", item->id, MAX (on_page.x - 12, 0), MAX (on_page.y - 12, 0));
    }
}

/* The overview of a split diagram: each tile outlined, labelled "row,column"
 * and a link to its page. */
static void
draw_tile_grid (Pdf        *pdf,
                const Part *part,
                const View *view)
{
  WmTextStyle style = wm_text_style (9);
  WmRenderOptions render;

  init_render (&render, pdf);
  style.weight = PANGO_WEIGHT_BOLD;
  style.color = &wm_color_accent;
  style.wrap = FALSE;
  for (guint t = 0; t < part->rows * part->columns; t++)
    {
      WmRect tile = tile_rect (part, t);
      WmRect on_page = view_map (view, &tile);
      g_autofree char *label = g_strdup_printf ("%u,%u", t / part->columns + 1,
                                                t % part->columns + 1);

      wm_draw_box (pdf->cr, &on_page, 0, NULL, &wm_color_accent, 0.75);
      wm_draw_label (pdf->cr, &render, label,
                     (WmPoint) { on_page.x + on_page.width / 2, on_page.y + on_page.height / 2 },
                     &style);
      add_link (pdf, &on_page, part->page + 1 + t, NULL, NULL);
    }
}

static char *
small_text_note (double points)
{
  /* Translators: a note on a page of the PDF; pt is the typographic point (1/72 inch), “tiles”
   * are the extra pages that show parts of a large diagram */
  return g_strdup_printf (_("Smallest text %.1f pt: export with tiles to print it larger"),
                          points);
}

/* The view of a diagram page, and its warning when the text prints small. */
static View
diagram_view (Pdf        *pdf,
              const Part *part,
              guint       tile,
              char      **note)
{
  WmRect area = drawing_area (pdf->options, pdf->width, pdf->height);
  WmRect source = tile == G_MAXUINT ? part->extent : tile_rect (part, tile);
  View view = view_fit (&source, &area);

  *note = NULL;
  if (reads_at (part, view.scale))
    return view;
  if (part->rows > 0 && tile == G_MAXUINT)
    /* Translators: pt is the typographic point (1/72 inch) */
    *note = g_strdup_printf (_("Overview: smallest text %.1f pt — the tiles that follow show it larger"),
                             part->smallest * view.scale);
  else
    *note = small_text_note (part->smallest * view.scale);
  return view;
}

/* The links and destinations of the items page @index of @part's print
 * layout shows (see add_item_links()). */
static void
add_print_links (Pdf        *pdf,
                 Plan       *plan,
                 const Part *part,
                 guint       index,
                 const View *view)
{
  for (guint i = 0; i < wm_diagram_get_n_items (part->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (part->diagram, i);
      WmItem *target = cross_link_target (plan->project, part->diagram, item);
      WmRect rect, on_page;

      if ((target == NULL && !g_hash_table_contains (plan->targets, item->id)) ||
          !wm_render_journey_page_node_rect (part->diagram, &part->print, index, item, &rect))
        continue;
      on_page = view_map (view, &rect);
      if (target != NULL)
        add_link (pdf, &on_page, 0, "item:", target->id);
      if (g_hash_table_contains (plan->targets, item->id))
        add_dest (pdf, "item:", item->id, MAX (on_page.x - 12, 0), MAX (on_page.y - 12, 0));
    }
}

/* Page @number: a page of a journey map's print layout. The note on small
 * text stays for a page whose stage could not fit even alone. */
static void
draw_print_page (Pdf   *pdf,
                 Plan  *plan,
                 guint  number)
{
  const Page *page = plan_page (plan, number);
  const Part *part = plan_part (plan, page->part);
  g_autofree char *title = print_page_title (part->diagram, page->index);
  g_autofree char *caption = print_page_caption (part->diagram, page->index, part->print_pages);
  g_autofree char *note = NULL;
  WmRect area;
  double smallest;
  View view;

  begin_page (pdf, number, page->width, page->height);
  area = drawing_area (pdf->options, pdf->width, pdf->height);
  smallest = paint_print_view (pdf->cr, pdf->text, part->diagram, &part->print, page->index, &area,
                               &view);
  if (smallest < part->print.min_text - 0.05)
    note = small_text_note (smallest);
  draw_header (pdf, title, caption, note);
  add_print_links (pdf, plan, part, page->index, &view);
  draw_plan_footer (pdf, plan, number, wm_diagram_get_name (part->diagram));
  cairo_show_page (pdf->cr);
}

/* Page @number: a diagram whole, the overview of its tiles, or a tile. */
static void
draw_diagram_page (Pdf   *pdf,
                   Plan  *plan,
                   guint  number)
{
  const Page *page = plan_page (plan, number);
  const Part *part = plan_part (plan, page->part);
  guint tile = page->kind == PAGE_TILE ? page->index : G_MAXUINT;
  const char *kind = g_dgettext (GETTEXT_PACKAGE, wm_diagram_get_notation (part->diagram)->label);
  const char *name = wm_diagram_get_name (part->diagram);
  g_autofree char *note = NULL;
  g_autofree char *caption = NULL;
  View view;

  if (part->print_pages > 0)
    {
      draw_print_page (pdf, plan, number);
      return;
    }
  begin_page (pdf, number, page->width, page->height);
  view = diagram_view (pdf, part, tile, &note);
  paint_view (pdf->cr, pdf->text, part->diagram, &view);
  if (tile != G_MAXUINT)
    /* Translators: a page's caption: the kind of diagram, then which tile of a
     * large diagram the page shows: its row and column, then the number of rows
     * and of columns */
    caption = g_strdup_printf (_("%s · tile %u,%u of %u × %u"), kind, tile / part->columns + 1,
                               tile % part->columns + 1, part->rows, part->columns);
  else if (part->rows > 0)
    /* Translators: a page's caption: the kind of diagram, then how many tiles the
     * pages after it split the diagram into */
    caption = g_strdup_printf (ngettext ("%s · overview of %u tile", "%s · overview of %u tiles",
                                         part->rows * part->columns),
                               kind, part->rows * part->columns);
  draw_header (pdf, name, caption ? caption : kind, note);
  add_item_links (pdf, plan, part, &view, part->rows > 0 ? tile : G_MAXUINT);
  if (part->rows > 0 && tile == G_MAXUINT)
    draw_tile_grid (pdf, part, &view);
  draw_plan_footer (pdf, plan, number, name);
  cairo_show_page (pdf->cr);
}

static void
draw_comparison_page (Pdf   *pdf,
                      Plan  *plan,
                      guint  number)
{
  const Page *page = plan_page (plan, number);
  double margin = pdf->options->margin;

  begin_page (pdf, number, page->width, page->height);
  _wm_deck_paint_comparison (pdf->cr, pdf->text, g_ptr_array_index (plan->comparisons, page->part),
                             &(WmRect) { margin, margin, pdf->width - 2 * margin,
                                         pdf->height - 2 * margin - FOOTER_HEIGHT });
  draw_plan_footer (pdf, plan, number, _("Current and future state"));
  cairo_show_page (pdf->cr);
}

static void
draw_trace_page (Pdf   *pdf,
                 Plan  *plan,
                 guint  number)
{
  const Page *page = plan_page (plan, number);
  WmRect box;

  begin_page (pdf, number, page->width, page->height);
  box = analysis_box (pdf->options, pdf->width, pdf->height);
  draw_header (pdf, _("Traceability"), _("Cross-diagram links"), NULL);
  _wm_deck_paint_trace (pdf->cr, pdf->text, plan->trace, page->index, &box, TRUE);
  draw_plan_footer (pdf, plan, number, _("Traceability"));
  cairo_show_page (pdf->cr);
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

/* A journey map's print layout on pages of @width × @height, one after
 * the other; FALSE when it has none, or the page is to fit the diagram. */
static gboolean
draw_print_pages (Pdf       *pdf,
                  WmDiagram *diagram,
                  double     width,
                  double     height)
{
  WmProject *project = wm_diagram_get_project (diagram);
  WmRect area = drawing_area (pdf->options, width, height);
  WmRenderPage print = { area.width, area.height, JOURNEY_TEXT_POINTS };
  guint n_pages = pdf->options->page != WM_PAGE_FIT ? wm_render_journey_pages (diagram, &print)
                                                    : 0;

  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *title = print_page_title (diagram, p);
      g_autofree char *caption = print_page_caption (diagram, p, n_pages);
      View view;

      begin_page (pdf, 0, width, height);
      /* Like the other single diagrams, without a note: there are no tiles here. */
      paint_print_view (pdf->cr, pdf->text, diagram, &print, p, &area, &view);
      draw_header (pdf, title, caption, NULL);
      draw_footer (pdf, project ? wm_project_get_title (project) : "", "");
      cairo_show_page (pdf->cr);
    }
  return n_pages > 0;
}

/* One diagram on a page of its own, with its name above and the project's
 * title in the footer; a journey map on as many as its print layout takes. */
gboolean
_wm_export_pdf_diagram (WmDiagram             *diagram,
                        const WmExportOptions *options,
                        GOutputStream         *stream,
                        GError               **error)
{
  WmProject *project = wm_diagram_get_project (diagram);
  Pdf pdf = { 0, };
  WmRect extent, area;
  double width, height;
  View view;

  pdf_begin (&pdf, stream, project, options);
  wm_render_get_extent (diagram, &extent);
  page_size_for (options, wants_landscape (options, diagram, &extent), &extent, &width, &height);
  if (draw_print_pages (&pdf, diagram, width, height))
    return pdf_end (&pdf, error);
  begin_page (&pdf, 0, width, height);
  area = drawing_area (options, width, height);
  view = view_fit (&extent, &area);
  paint_view (pdf.cr, pdf.text, diagram, &view);
  draw_header (&pdf, wm_diagram_get_name (diagram),
               g_dgettext (GETTEXT_PACKAGE, wm_diagram_get_notation (diagram)->label), NULL);
  draw_footer (&pdf, project ? wm_project_get_title (project) : "", "");
  cairo_show_page (pdf.cr);
  return pdf_end (&pdf, error);
}

gboolean
wm_export_presentation_to_stream (WmProject             *project,
                                  const WmExportOptions *options,
                                  GOutputStream         *stream,
                                  GError               **error)
{
  Pdf pdf = { 0, };
  g_auto(Plan) plan = { 0, };
  g_autofree char *footer = NULL;
  Appendix appendix;
  guint first_appendix;

  g_return_val_if_fail (WM_IS_PROJECT (project), FALSE);

  pdf_begin (&pdf, stream, project, options);
  pdf.deck = TRUE;
  plan_build (&plan, &pdf, project);
  add_outlines (&pdf, &plan);
  draw_contents_page (&pdf, &plan);
  for (guint number = 2; number <= plan.pages->len; number++)
    switch (plan_page (&plan, number)->kind)
      {
      case PAGE_DIAGRAM:
      case PAGE_TILE:
        draw_diagram_page (&pdf, &plan, number);
        break;
      case PAGE_COMPARISON:
        draw_comparison_page (&pdf, &plan, number);
        break;
      case PAGE_TRACE:
        draw_trace_page (&pdf, &plan, number);
        break;
      case PAGE_CONTENTS:
      case PAGE_APPENDIX:
      default:
        break;
      }
  first_appendix = plan_find_page (&plan, PAGE_APPENDIX, 0);
  if (first_appendix > 0)
    {
      footer = appendix_footer (project);
      appendix_init (&appendix, &pdf, &plan, TRUE, first_appendix - 1, plan.pages->len, footer);
      appendix_lay_out (&appendix, project);
    }
  cairo_tag_end (pdf.cr, "Document"); /* begun with the first page */
  return pdf_end (&pdf, error);
}
