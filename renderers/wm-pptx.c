/* wm-pptx.c — the presentation as a PowerPoint deck (Office Open XML)
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A .pptx is a zip of XML parts tied together by relationship parts. The
 * parts that carry the user's words (slides, notes, properties) are written
 * with libxml2's text writer, which escapes them; the fixed furniture every
 * deck needs (theme, master, layouts) is constant text. Each diagram is
 * placed as a PNG whose blip carries the SVG as an extension, the way
 * PowerPoint itself stores SVG pictures: current versions draw the SVG,
 * older ones and other programs the PNG. The package is built in memory and
 * handed to the stream in one write.
 */
#define G_LOG_DOMAIN "wm-pptx"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <time.h>

#include "wm-draw.h"
#include "wm-export-private.h"
#include "wm-pptx.h"

#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_P "http://schemas.openxmlformats.org/presentationml/2006/main"
#define NS_ASVG "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
#define SVG_BLIP_URI "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
#define REL_TYPE(name) "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" name
#define REL_CORE \
  "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
#define CT_PML(name) "application/vnd.openxmlformats-officedocument.presentationml." name "+xml"

#define EMU_PER_POINT 12700
#define EMU_PER_INCH 914400
#define SLIDE_MARGIN (EMU_PER_INCH / 2)

/* The PNG fallback is drawn at twice the document's resolution, within the
 * PNG export's limit per side and an area that keeps the deck's memory and
 * size reasonable; the SVG stays sharp at any size anyway. */
#define PNG_SCALE 2.0
#define PNG_MAX_AREA (8192.0 * 8192.0)

/* Writing XML */

typedef struct
{
  xmlBufferPtr     buffer;
  xmlTextWriterPtr writer;
  gboolean         failed;   /* out of memory somewhere */
  guint            next_id;  /* the next shape id on a slide */
} Xml;

static void
xml_check (Xml *xml,
           int  result)
{
  if (result < 0)
    xml->failed = TRUE;
}

static void
xml_open_va (Xml        *xml,
             const char *name,
             va_list     args)
{
  const char *attribute;

  xml_check (xml, xmlTextWriterStartElement (xml->writer, BAD_CAST name));
  while ((attribute = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      xml_check (xml, xmlTextWriterWriteAttribute (xml->writer, BAD_CAST attribute,
                                                   BAD_CAST value));
    }
}

/* Opens element @name with the attributes that follow, as name and value
 * pairs up to a NULL. */
G_GNUC_NULL_TERMINATED static void
xml_open (Xml        *xml,
          const char *name,
          ...)
{
  va_list args;

  va_start (args, name);
  xml_open_va (xml, name, args);
  va_end (args);
}

static void
xml_close (Xml *xml)
{
  xml_check (xml, xmlTextWriterEndElement (xml->writer));
}

/* An element with attributes and nothing inside. */
G_GNUC_NULL_TERMINATED static void
xml_empty (Xml        *xml,
           const char *name,
           ...)
{
  va_list args;

  va_start (args, name);
  xml_open_va (xml, name, args);
  va_end (args);
  xml_close (xml);
}

static void
xml_int (Xml        *xml,
         const char *attribute,
         gint64      value)
{
  xml_check (xml, xmlTextWriterWriteFormatAttribute (xml->writer, BAD_CAST attribute,
                                                     "%" G_GINT64_FORMAT, value));
}

/* @text without what XML 1.0 cannot hold: invalid UTF-8, control
 * characters (line breaks are dealt with before) and the two
 * non-characters. */
static char *
clean_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *clean = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x20 && c != 0xFFFE && c != 0xFFFF) || c == '\t')
        g_string_append_unichar (clean, c);
    }
  return g_string_free (clean, FALSE);
}

static void
xml_text (Xml        *xml,
          const char *text)
{
  g_autofree char *clean = clean_text (text);

  xml_check (xml, xmlTextWriterWriteString (xml->writer, BAD_CAST clean));
}

static void
xml_element_text (Xml        *xml,
                  const char *name,
                  const char *text)
{
  xml_open (xml, name, NULL);
  xml_text (xml, text);
  xml_close (xml);
}

/* Starts a part whose root is @root, with the attributes that follow. */
G_GNUC_NULL_TERMINATED static void
xml_begin (Xml        *xml,
           const char *root,
           ...)
{
  va_list args;

  *xml = (Xml) { .buffer = xmlBufferCreate (), .next_id = 2 };
  xml->writer = xml->buffer ? xmlNewTextWriterMemory (xml->buffer, 0) : NULL;
  if (xml->writer == NULL)
    g_error ("%s: out of memory", G_STRFUNC);
  xml_check (xml, xmlTextWriterStartDocument (xml->writer, "1.0", "UTF-8", "yes"));
  va_start (args, root);
  xml_open_va (xml, root, args);
  va_end (args);
}

/* The finished part, or NULL when writing failed. */
static GBytes *
xml_finish (Xml *xml)
{
  GBytes *bytes = NULL;

  xml_check (xml, xmlTextWriterEndDocument (xml->writer));
  xmlFreeTextWriter (xml->writer);
  if (!xml->failed)
    bytes = g_bytes_new (xmlBufferContent (xml->buffer), xmlBufferLength (xml->buffer));
  xmlBufferFree (xml->buffer);
  return bytes;
}

/* DrawingML pieces */

/* A rectangle on the slide, in EMU. */
typedef struct
{
  gint64 x, y, width, height;
} Box;

static void
xml_xfrm (Xml       *xml,
          const Box *box)
{
  xml_open (xml, "a:xfrm", NULL);
  xml_open (xml, "a:off", NULL);
  xml_int (xml, "x", box->x);
  xml_int (xml, "y", box->y);
  xml_close (xml);
  xml_open (xml, "a:ext", NULL);
  xml_int (xml, "cx", box->width);
  xml_int (xml, "cy", box->height);
  xml_close (xml);
  xml_close (xml);
}

static void
xml_rect_geometry (Xml *xml)
{
  xml_open (xml, "a:prstGeom", "prst", "rect", NULL);
  xml_empty (xml, "a:avLst", NULL);
  xml_close (xml);
}

static char *
color_hex (const WmColor *color)
{
  return g_strdup_printf ("%02X%02X%02X", (int) lround (CLAMP (color->red, 0, 1) * 255),
                          (int) lround (CLAMP (color->green, 0, 1) * 255),
                          (int) lround (CLAMP (color->blue, 0, 1) * 255));
}

static void
xml_solid_fill (Xml           *xml,
                const WmColor *color)
{
  g_autofree char *hex = color_hex (color);

  xml_open (xml, "a:solidFill", NULL);
  xml_empty (xml, "a:srgbClr", "val", hex, NULL);
  xml_close (xml);
}

/* A paragraph of one style. */
typedef struct
{
  const char    *text;    /* "\n" breaks lines within the paragraph */
  double         size;    /* points */
  gboolean       bold;
  const WmColor *color;   /* NULL: the theme's text colour */
  double         before;  /* space above, in points */
  double         line;    /* an exact line height in points, or 0 for the font's */
} Para;

/* @theme_font: name the theme's body font, which a placeholder inherits
 * but a text box may not. */
static void
xml_run_props (Xml        *xml,
               const char *name,
               const Para *para,
               gboolean    theme_font)
{
  xml_open (xml, name, "dirty", "0", NULL);
  xml_int (xml, "sz", lround (para->size * 100));
  if (para->bold)
    xml_check (xml, xmlTextWriterWriteAttribute (xml->writer, BAD_CAST "b", BAD_CAST "1"));
  if (para->color != NULL)
    xml_solid_fill (xml, para->color);
  if (theme_font)
    xml_empty (xml, "a:latin", "typeface", "+mn-lt", NULL);
  xml_close (xml);
}

static void
xml_spacing (Xml        *xml,
             const char *name,
             double      points)
{
  xml_open (xml, name, NULL);
  xml_open (xml, "a:spcPts", NULL);
  xml_int (xml, "val", lround (points * 100));
  xml_close (xml);
  xml_close (xml);
}

static void
xml_paragraph (Xml        *xml,
               const Para *para,
               gboolean    theme_font)
{
  g_auto(GStrv) lines = g_strsplit (para->text, "\n", -1);

  xml_open (xml, "a:p", NULL);
  xml_open (xml, "a:pPr", NULL);
  if (para->line > 0)
    xml_spacing (xml, "a:lnSpc", para->line);
  xml_spacing (xml, "a:spcBef", para->before);
  xml_empty (xml, "a:buNone", NULL);
  xml_close (xml);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        {
          xml_open (xml, "a:br", NULL);
          xml_run_props (xml, "a:rPr", para, theme_font);
          xml_close (xml);
        }
      if (*lines[i] == '\0')
        continue;
      xml_open (xml, "a:r", NULL);
      xml_run_props (xml, "a:rPr", para, theme_font);
      xml_element_text (xml, "a:t", lines[i]);
      xml_close (xml);
    }
  xml_run_props (xml, "a:endParaRPr", para, theme_font);
  xml_close (xml);
}

/* A shape's non-visual part: its id, name and, for a placeholder, which. */
static void
xml_shape_names (Xml        *xml,
                 const char *placeholder,
                 const char *idx,
                 const char *name)
{
  g_autofree char *full = g_strdup_printf ("%s %u", name, xml->next_id - 1);

  xml_open (xml, "p:nvSpPr", NULL);
  xml_open (xml, "p:cNvPr", "name", full, NULL);
  xml_int (xml, "id", xml->next_id++);
  xml_close (xml);
  if (placeholder != NULL)
    {
      xml_open (xml, "p:cNvSpPr", NULL);
      xml_empty (xml, "a:spLocks", "noGrp", "1", NULL);
      xml_close (xml);
    }
  else
    xml_empty (xml, "p:cNvSpPr", "txBox", "1", NULL);
  xml_open (xml, "p:nvPr", NULL);
  if (placeholder != NULL && idx != NULL)
    xml_empty (xml, "p:ph", "type", placeholder, "idx", idx, NULL);
  else if (placeholder != NULL)
    xml_empty (xml, "p:ph", "type", placeholder, NULL);
  xml_close (xml);
  xml_close (xml);
}

/* A text box, or a placeholder of type @placeholder ("title", "ctrTitle",
 * "subTitle") placed at @box. Text is set without insets; @shrink lets
 * PowerPoint shrink text that overflows. */
static void
xml_text_shape (Xml        *xml,
                const char *placeholder,
                const Box  *box,
                const Para *paras,
                guint       n_paras,
                const char *anchor,
                gboolean    shrink)
{
  xml_open (xml, "p:sp", NULL);
  xml_shape_names (xml, placeholder,
                   placeholder && g_str_equal (placeholder, "subTitle") ? "1" : NULL,
                   placeholder ? "Placeholder" : "Text");
  xml_open (xml, "p:spPr", NULL);
  xml_xfrm (xml, box);
  xml_rect_geometry (xml);
  if (placeholder == NULL)
    xml_empty (xml, "a:noFill", NULL);
  xml_close (xml);
  xml_open (xml, "p:txBody", NULL);
  xml_open (xml, "a:bodyPr", "wrap", "square", "lIns", "0", "tIns", "0", "rIns", "0", "bIns", "0",
            "anchor", anchor, NULL);
  xml_empty (xml, shrink ? "a:normAutofit" : "a:noAutofit", NULL);
  xml_close (xml);
  xml_empty (xml, "a:lstStyle", NULL);
  for (guint i = 0; i < n_paras; i++)
    xml_paragraph (xml, &paras[i], placeholder == NULL);
  xml_close (xml);
  xml_close (xml);
}

/* A bar in the theme's accent colour, as on the PDF's title page. */
static void
xml_accent_bar (Xml       *xml,
                const Box *box)
{
  xml_open (xml, "p:sp", NULL);
  xml_open (xml, "p:nvSpPr", NULL);
  xml_open (xml, "p:cNvPr", "name", "Accent", NULL);
  xml_int (xml, "id", xml->next_id++);
  xml_close (xml);
  xml_empty (xml, "p:cNvSpPr", NULL);
  xml_empty (xml, "p:nvPr", NULL);
  xml_close (xml);
  xml_open (xml, "p:spPr", NULL);
  xml_xfrm (xml, box);
  xml_rect_geometry (xml);
  xml_open (xml, "a:solidFill", NULL);
  xml_empty (xml, "a:schemeClr", "val", "accent1", NULL);
  xml_close (xml);
  xml_open (xml, "a:ln", NULL);
  xml_empty (xml, "a:noFill", NULL);
  xml_close (xml);
  xml_close (xml);
  xml_close (xml);
}

/* A picture of the PNG @png_id, which carries the SVG @svg_id as PowerPoint's
 * SVG extension. @description is the alternative text. */
static void
xml_picture (Xml        *xml,
             const Box  *box,
             const char *png_id,
             const char *svg_id,
             const char *description)
{
  g_autofree char *clean = clean_text (description);

  xml_open (xml, "p:pic", NULL);
  xml_open (xml, "p:nvPicPr", NULL);
  xml_open (xml, "p:cNvPr", "name", "Diagram", "descr", clean, NULL);
  xml_int (xml, "id", xml->next_id++);
  xml_close (xml);
  xml_open (xml, "p:cNvPicPr", NULL);
  xml_empty (xml, "a:picLocks", "noChangeAspect", "1", NULL);
  xml_close (xml);
  xml_empty (xml, "p:nvPr", NULL);
  xml_close (xml);

  xml_open (xml, "p:blipFill", NULL);
  xml_open (xml, "a:blip", "r:embed", png_id, NULL);
  xml_open (xml, "a:extLst", NULL);
  xml_open (xml, "a:ext", "uri", SVG_BLIP_URI, NULL);
  xml_empty (xml, "asvg:svgBlip", "xmlns:asvg", NS_ASVG, "r:embed", svg_id, NULL);
  xml_close (xml);
  xml_close (xml);
  xml_close (xml);
  xml_open (xml, "a:stretch", NULL);
  xml_empty (xml, "a:fillRect", NULL);
  xml_close (xml);
  xml_close (xml);

  xml_open (xml, "p:spPr", NULL);
  xml_xfrm (xml, box);
  xml_rect_geometry (xml);
  xml_close (xml);
  xml_close (xml);
}

/* The shape tree's own group properties, which every slide starts with. */
static void
xml_tree_begin (Xml *xml)
{
  xml_open (xml, "p:spTree", NULL);
  xml_open (xml, "p:nvGrpSpPr", NULL);
  xml_empty (xml, "p:cNvPr", "id", "1", "name", "", NULL);
  xml_empty (xml, "p:cNvGrpSpPr", NULL);
  xml_empty (xml, "p:nvPr", NULL);
  xml_close (xml);
  xml_open (xml, "p:grpSpPr", NULL);
  xml_open (xml, "a:xfrm", NULL);
  xml_empty (xml, "a:off", "x", "0", "y", "0", NULL);
  xml_empty (xml, "a:ext", "cx", "0", "cy", "0", NULL);
  xml_empty (xml, "a:chOff", "x", "0", "y", "0", NULL);
  xml_empty (xml, "a:chExt", "cx", "0", "cy", "0", NULL);
  xml_close (xml);
  xml_close (xml);
}

/* Relationships */

typedef struct
{
  char *type;
  char *target;
} Rel;

static void
rel_free (Rel *rel)
{
  g_free (rel->type);
  g_free (rel->target);
  g_free (rel);
}

static GPtrArray *
rels_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) rel_free);
}

/* Adds a relationship and returns its id, "rId" and its position. */
static char *
rels_add (GPtrArray  *rels,
          const char *type,
          const char *target)
{
  Rel *rel = g_new (Rel, 1);

  rel->type = g_strdup (type);
  rel->target = g_strdup (target);
  g_ptr_array_add (rels, rel);
  return g_strdup_printf ("rId%u", rels->len);
}

static GBytes *
rels_to_xml (GPtrArray *rels)
{
  Xml xml;

  xml_begin (&xml, "Relationships", "xmlns",
             "http://schemas.openxmlformats.org/package/2006/relationships", NULL);
  for (guint i = 0; i < rels->len; i++)
    {
      Rel *rel = g_ptr_array_index (rels, i);
      g_autofree char *id = g_strdup_printf ("rId%u", i + 1);

      xml_empty (&xml, "Relationship", "Id", id, "Type", rel->type, "Target", rel->target, NULL);
    }
  return xml_finish (&xml);
}

/* The deck */

typedef struct
{
  char   *name;   /* in the package, without the leading slash */
  char   *type;   /* its content type, or NULL for its extension's default */
  GBytes *data;
} Part;

static void
part_free (Part *part)
{
  g_free (part->name);
  g_free (part->type);
  g_clear_pointer (&part->data, g_bytes_unref);
  g_free (part);
}

typedef struct
{
  GPtrArray *rels;    /* Rel: the layout first */
  GBytes    *xml;
  GStrv      notes;   /* the speaker notes' paragraphs, or NULL */
} Slide;

static void
slide_free (Slide *slide)
{
  g_ptr_array_unref (slide->rels);
  g_clear_pointer (&slide->xml, g_bytes_unref);
  g_strfreev (slide->notes);
  g_free (slide);
}

typedef struct
{
  WmProject    *project;   /* NULL when a lone diagram has none */
  GPtrArray    *parts;     /* Part: the package's parts, in order */
  GPtrArray    *slides;    /* Slide */
  guint         n_images;
  PangoContext *pango;     /* measures text, see text_layout() */
  GDateTime    *time;      /* when the deck is made, one time for all it says */
  GError       *error;     /* the first failure */
} Deck;

static void
deck_fail_xml (Deck *deck)
{
  if (deck->error == NULL)
    g_set_error (&deck->error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                 _("Could not write the slides: out of memory"));
}

/* Adds a part; @data NULL means writing it failed. */
static void
deck_add_part (Deck       *deck,
               const char *name,
               const char *type,
               GBytes     *data)
{
  Part *part;

  if (data == NULL)
    {
      deck_fail_xml (deck);
      return;
    }
  part = g_new (Part, 1);
  part->name = g_strdup (name);
  part->type = g_strdup (type);
  part->data = data;
  g_ptr_array_add (deck->parts, part);
}

static void
deck_add_text_part (Deck       *deck,
                    const char *name,
                    const char *type,
                    char       *text)
{
  deck_add_part (deck, name, type, g_bytes_new_take (text, strlen (text)));
}

enum
{
  LAYOUT_TITLE = 1,       /* slideLayout1.xml: the title slide */
  LAYOUT_TITLE_ONLY = 2,  /* slideLayout2.xml: a title and free content */
};

static Slide *
slide_begin (Xml  *xml,
             guint layout)
{
  Slide *slide = g_new0 (Slide, 1);
  g_autofree char *target = g_strdup_printf ("../slideLayouts/slideLayout%u.xml", layout);

  slide->rels = rels_new ();
  g_free (rels_add (slide->rels, REL_TYPE ("slideLayout"), target));
  xml_begin (xml, "p:sld", "xmlns:a", NS_A, "xmlns:r", NS_R, "xmlns:p", NS_P, NULL);
  xml_open (xml, "p:cSld", NULL);
  xml_tree_begin (xml);
  return slide;
}

static void
slide_end (Deck  *deck,
           Xml   *xml,
           Slide *slide)
{
  xml_close (xml);
  xml_close (xml);
  xml_open (xml, "p:clrMapOvr", NULL);
  xml_empty (xml, "a:masterClrMapping", NULL);
  xml_close (xml);
  slide->xml = xml_finish (xml);
  if (slide->xml == NULL)
    deck_fail_xml (deck);
  g_ptr_array_add (deck->slides, slide);
}

/* The slide's title in the title placeholder of the layout. */
static void
slide_title (Xml        *xml,
             const char *text)
{
  Box box = { SLIDE_MARGIN, EMU_PER_INCH * 3 / 10, WM_PPTX_SLIDE_WIDTH - 2 * SLIDE_MARGIN,
              EMU_PER_INCH * 3 / 4 };
  Para para = { .text = text, .size = 28, .bold = TRUE };

  xml_text_shape (xml, "title", &box, &para, 1, "b", TRUE);
}

/* Measuring text
 *
 * PowerPoint does not flow text from box to box, so where the size of text
 * decides where things go, it is measured here, in the theme's font, and
 * set at exact line heights. */

/* Text is measured this much narrower than the column: PowerPoint and
 * LibreOffice break lines a little differently from Pango, and a line more
 * than measured would overflow the slide. */
#define MEASURE_WIDTH 0.93

/* @text in @size points, wrapped to a little less than @width points. */
static PangoLayout *
text_layout (Deck       *deck,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_layout_new (deck->pango);
  PangoFontDescription *font = pango_font_description_from_string (WM_FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * MEASURE_WIDTH * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* The title slide */

#define TITLE_SIZE 40
#define TITLE_LINE (TITLE_SIZE * 1.15)
#define TITLE_MAX_LINES 3

static void
add_title_slide (Deck *deck)
{
  WmProject *project = deck->project;
  const char *title = *wm_project_get_title (project) ? wm_project_get_title (project)
                                                      : _("Untitled project");
  const char *description = wm_project_get_description (project);
  g_autoptr(GDateTime) local = g_date_time_to_local (deck->time);
  /* The title page's format (wm-deck.c says more to translators).
   * xgettext:no-c-format */
  g_autofree char *date = g_date_time_format (local, _("%-d %B %Y"));
  g_autofree char *byline = NULL;
  gint64 width = WM_PPTX_SLIDE_WIDTH - 2 * EMU_PER_INCH;
  g_autoptr(PangoLayout) measured = text_layout (deck, title, TITLE_SIZE, TRUE,
                                                 (double) width / EMU_PER_POINT);
  int lines = CLAMP (pango_layout_get_line_count (measured), 1, TITLE_MAX_LINES);

  /* A translation that is not a valid format must not lose the date. */
  if (date == NULL)
    date = g_date_time_format (local, "%-d %B %Y");
  /* The bar, the title and what follows stack up, however many lines the
   * title takes; a longer one shrinks to fit three. */
  Box bar = { EMU_PER_INCH, EMU_PER_INCH * 3 / 2, EMU_PER_INCH * 3 / 4, EMU_PER_INCH / 14 };
  Box title_box = { EMU_PER_INCH, bar.y + EMU_PER_INCH / 4, width,
                    (gint64) ceil (lines * TITLE_LINE * EMU_PER_POINT) + EMU_PER_INCH / 10 };
  Box sub_box = { EMU_PER_INCH, title_box.y + title_box.height + EMU_PER_INCH / 4,
                  WM_PPTX_SLIDE_WIDTH - 3 * EMU_PER_INCH, 0 };
  Para title_para = { .text = title, .size = TITLE_SIZE, .bold = TRUE, .line = TITLE_LINE };
  Para sub[2];
  guint n_sub = 0;
  Xml xml;
  Slide *slide = slide_begin (&xml, LAYOUT_TITLE);

  sub_box.height = WM_PPTX_SLIDE_HEIGHT - EMU_PER_INCH * 3 / 5 - sub_box.y;
  byline = *wm_project_get_author (project)
             ? g_strdup_printf ("%s · %s", wm_project_get_author (project), date)
             : g_strdup (date);
  if (*description != '\0')
    sub[n_sub++] = (Para) { .text = description, .size = 18, .color = &wm_color_ink };
  sub[n_sub] = (Para) { .text = byline, .size = 14, .color = &wm_color_muted,
                        .before = n_sub > 0 ? 18 : 0 };
  n_sub++;
  xml_accent_bar (&xml, &bar);
  xml_text_shape (&xml, "ctrTitle", &title_box, &title_para, 1, "t", TRUE);
  xml_text_shape (&xml, "subTitle", &sub_box, sub, n_sub, "t", TRUE);
  slide_end (deck, &xml, slide);
}

/* Diagram slides */

/* The largest scale at most PNG_SCALE at which @extent stays within the
 * PNG limits. */
static double
png_scale (const WmRect *extent)
{
  double side = MAX (MAX (extent->width, extent->height), 1);
  double area = MAX (extent->width, 1) * MAX (extent->height, 1);

  return MIN (PNG_SCALE, MIN ((WM_EXPORT_MAX_PIXELS - 1) / side, sqrt (PNG_MAX_AREA / area)));
}

/* Renders @diagram as PNG and SVG media parts and returns their relationship
 * ids on @slide. */
static gboolean
add_diagram_media (Deck      *deck,
                   Slide     *slide,
                   WmDiagram *diagram,
                   char     **png_id,
                   char     **svg_id)
{
  WmExportOptions options;
  WmRect extent;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  guint n = deck->n_images + 1;
  g_autofree char *png_name = g_strdup_printf ("media/image%u.png", n);
  g_autofree char *svg_name = g_strdup_printf ("media/image%u.svg", n);
  g_autofree char *png_part = g_strconcat ("ppt/", png_name, NULL);
  g_autofree char *svg_part = g_strconcat ("ppt/", svg_name, NULL);
  g_autofree char *png_target = g_strconcat ("../", png_name, NULL);
  g_autofree char *svg_target = g_strconcat ("../", svg_name, NULL);

  if (deck->error != NULL)
    return FALSE;
  deck->n_images = n;
  wm_render_get_extent (diagram, &extent);
  wm_export_options_init (&options);
  options.format = WM_EXPORT_SVG;
  svg = wm_export_diagram (diagram, &options, &deck->error);
  options.format = WM_EXPORT_PNG;
  options.scale = png_scale (&extent);
  png = svg ? wm_export_diagram (diagram, &options, &deck->error) : NULL;
  if (png == NULL)
    return FALSE;

  deck_add_part (deck, png_part, NULL, g_steal_pointer (&png));
  deck_add_part (deck, svg_part, NULL, g_steal_pointer (&svg));
  /* The targets are relative to the slide, in ppt/slides/. */
  *png_id = rels_add (slide->rels, REL_TYPE ("image"), png_target);
  *svg_id = rels_add (slide->rels, REL_TYPE ("image"), svg_target);
  return TRUE;
}

/* @extent fitted into @area, centred, keeping its aspect ratio. */
static Box
fit_box (const WmRect *extent,
         const Box    *area)
{
  double scale = MIN (area->width / MAX (extent->width, 1), area->height / MAX (extent->height, 1));
  gint64 width = (gint64) floor (extent->width * scale);
  gint64 height = (gint64) floor (extent->height * scale);

  return (Box) { area->x + (area->width - width) / 2, area->y + (area->height - height) / 2,
                 width, height };
}

/* A figure the notation computes for the whole diagram, as the CLI prints
 * it, or NULL when it is unknown. */
static char *
metric_line (const WmMetric *metric)
{
  g_autofree char *value = NULL;
  g_autofree char *detail = NULL;

  if (metric->item_id != NULL || isnan (metric->figure.value))
    return NULL;
  value = wm_figure_format (&metric->figure);
  if (metric->detail.kind == WM_FIGURE_NONE)
    /* Translators: a figure's name, then its value, as in “Takt time: 60 s”. */
    return g_strdup_printf (_("%s: %s"), metric->label, value);
  detail = wm_figure_format (&metric->detail);
  /* Translators: a figure's name, then two figures about one thing, as in
   * “Inventory: 2.5 days, 460 pcs”. */
  return g_strdup_printf (_("%s: %s, %s"), metric->label, value, detail);
}

/* The speaker notes of @diagram: its description, its other written fields
 * (a persona, a scenario...) and its figures; NULL when it has none. */
static GStrv
diagram_notes (WmDiagram *diagram)
{
  const WmNotation *notation = wm_diagram_get_notation (diagram);
  g_autoptr(GStrvBuilder) notes = g_strv_builder_new ();
  g_autoptr(GArray) metrics = wm_notation_compute_metrics (diagram);
  gboolean any = FALSE;

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < notation->n_props; i++)
      {
        const WmPropSpec *spec = &notation->props[i];
        gboolean is_description = g_str_equal (spec->name, "description");
        const char *value;

        /* The description comes first, without a label. */
        if ((spec->type != WM_PROP_STRING && spec->type != WM_PROP_TEXT) ||
            is_description != (pass == 0))
          continue;
        value = wm_diagram_get_string (diagram, spec->name);
        if (value == NULL || *value == '\0')
          continue;
        if (is_description)
          g_strv_builder_add (notes, value);
        else
          {
            g_autofree char *line = g_strdup_printf (_("%s: %s"),
                                                     g_dgettext (GETTEXT_PACKAGE, spec->label),
                                                     value);

            g_strv_builder_add (notes, line);
          }
        any = TRUE;
      }
  for (guint i = 0; metrics != NULL && i < metrics->len; i++)
    {
      g_autofree char *line = metric_line (&g_array_index (metrics, WmMetric, i));

      if (line != NULL)
        {
          g_strv_builder_add (notes, line);
          any = TRUE;
        }
    }
  return any ? g_strv_builder_end (notes) : NULL;
}

static void
add_diagram_slide (Deck      *deck,
                   WmDiagram *diagram)
{
  const char *kind = g_dgettext (GETTEXT_PACKAGE, wm_diagram_get_notation (diagram)->label);
  Box kind_box = { SLIDE_MARGIN, EMU_PER_INCH * 11 / 10, WM_PPTX_SLIDE_WIDTH - 2 * SLIDE_MARGIN,
                   EMU_PER_INCH * 3 / 10 };
  Box area = { SLIDE_MARGIN, EMU_PER_INCH * 3 / 2, WM_PPTX_SLIDE_WIDTH - 2 * SLIDE_MARGIN,
               WM_PPTX_SLIDE_HEIGHT - EMU_PER_INCH * 3 / 2 - EMU_PER_INCH * 2 / 5 };
  Para kind_para = { .text = kind, .size = 14, .color = &wm_color_muted };
  g_autofree char *png_id = NULL;
  g_autofree char *svg_id = NULL;
  WmRect extent;
  Box picture;
  Xml xml;
  Slide *slide = slide_begin (&xml, LAYOUT_TITLE_ONLY);

  slide_title (&xml, wm_diagram_get_name (diagram));
  xml_text_shape (&xml, NULL, &kind_box, &kind_para, 1, "t", FALSE);
  if (add_diagram_media (deck, slide, diagram, &png_id, &svg_id))
    {
      wm_render_get_extent (diagram, &extent);
      picture = fit_box (&extent, &area);
      xml_picture (&xml, &picture, png_id, svg_id, wm_diagram_get_name (diagram));
    }
  slide->notes = diagram_notes (diagram);
  slide_end (deck, &xml, slide);
}

/* The appendix: the written details of use cases, as in the PDF's appendix,
 * flowing down two text columns a slide over as many slides as they need,
 * cut into columns where the measured text fills one, with the details the
 * PDF's appendix picks (_wm_export_has_details() and its kin). */

typedef enum
{
  PIECE_HEADING,  /* a use case's name */
  PIECE_SOURCE,   /* the diagram it is in */
  PIECE_LABEL,    /* a detail's name */
  PIECE_BODY,     /* a line of a detail */
} PieceKind;

static const struct
{
  double   size;     /* points */
  gboolean bold;
  gboolean muted;
  double   before;   /* points, except at the top of a column */
} piece_styles[] = {
  [PIECE_HEADING] = { 18, TRUE, FALSE, 18 },
  [PIECE_SOURCE] = { 11, FALSE, TRUE, 1 },
  [PIECE_LABEL] = { 12, TRUE, FALSE, 9 },
  [PIECE_BODY] = { 12, FALSE, FALSE, 2 },
};

/* Lines are set this many times the font size apart. */
#define LINE_SPACING 1.25
#define COLUMN_TOP (EMU_PER_INCH * 29 / 20)
#define COLUMN_GAP (EMU_PER_INCH * 2 / 5)
#define COLUMN_WIDTH ((WM_PPTX_SLIDE_WIDTH - 2 * SLIDE_MARGIN - COLUMN_GAP) / 2)
#define COLUMN_HEIGHT (WM_PPTX_SLIDE_HEIGHT - COLUMN_TOP - SLIDE_MARGIN)
#define COLUMN_HEIGHT_POINTS ((double) COLUMN_HEIGHT / EMU_PER_POINT)

typedef struct
{
  PieceKind kind;
  char     *text;
} Piece;

static void
piece_free (Piece *piece)
{
  g_free (piece->text);
  g_free (piece);
}

typedef struct
{
  Deck      *deck;
  GPtrArray *columns;  /* GPtrArray of Piece, each */
  double     y;        /* the points taken in the last column */
} Flow;

static PangoLayout *
flow_layout (Flow       *flow,
             PieceKind   kind,
             const char *text)
{
  return text_layout (flow->deck, text, piece_styles[kind].size, piece_styles[kind].bold,
                      (double) COLUMN_WIDTH / EMU_PER_POINT);
}

static double
line_height (PieceKind kind)
{
  return piece_styles[kind].size * LINE_SPACING;
}

/* The points @text takes, with the space above it unless @first in its column. */
static double
piece_height (Flow       *flow,
              PieceKind   kind,
              const char *text,
              gboolean    first)
{
  g_autoptr(PangoLayout) layout = flow_layout (flow, kind, text);

  return pango_layout_get_line_count (layout) * line_height (kind) +
         (first ? 0 : piece_styles[kind].before);
}

static GPtrArray *
flow_column (Flow *flow)
{
  return g_ptr_array_index (flow->columns, flow->columns->len - 1);
}

static void
flow_new_column (Flow *flow)
{
  g_ptr_array_add (flow->columns, g_ptr_array_new_with_free_func ((GDestroyNotify) piece_free));
  flow->y = 0;
}

static void
flow_append (Flow       *flow,
             PieceKind   kind,
             const char *text,
             double      height)
{
  Piece *piece = g_new (Piece, 1);

  piece->kind = kind;
  piece->text = g_strdup (text);
  g_ptr_array_add (flow_column (flow), piece);
  flow->y += height;
}

/* Moves to a new column unless @height still fits in this one; an empty
 * column takes anything. */
static void
flow_keep (Flow   *flow,
           double  height)
{
  if (flow_column (flow)->len > 0 && flow->y + height > COLUMN_HEIGHT_POINTS)
    flow_new_column (flow);
}

/* Adds a paragraph where it fits, in this column or the next; one taller
 * than a whole column is cut between its lines and goes on in the next. */
static void
flow_add (Flow       *flow,
          PieceKind   kind,
          const char *text)
{
  double height = piece_height (flow, kind, text, flow_column (flow)->len == 0);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *head = NULL;
  int fit, start;

  if (flow->y + height <= COLUMN_HEIGHT_POINTS)
    {
      flow_append (flow, kind, text, height);
      return;
    }
  if (flow_column (flow)->len > 0)
    {
      flow_new_column (flow);
      flow_add (flow, kind, text);
      return;
    }
  layout = flow_layout (flow, kind, text);
  fit = MAX (1, (int) floor (COLUMN_HEIGHT_POINTS / line_height (kind)));
  if (fit >= pango_layout_get_line_count (layout))
    {
      flow_append (flow, kind, text, height);
      return;
    }
  start = pango_layout_get_line_readonly (layout, fit)->start_index;
  head = g_strndup (text, start);
  flow_append (flow, kind, g_strchomp (head), COLUMN_HEIGHT_POINTS);
  flow_new_column (flow);
  flow_add (flow, kind, text + start);
}

/* A labelled detail, one paragraph a line; the label stays with the first line. */
static void
flow_block (Flow       *flow,
            const char *label,
            const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  flow_keep (flow, piece_height (flow, PIECE_LABEL, label, FALSE) +
                   piece_height (flow, PIECE_BODY, lines[0], FALSE));
  flow_add (flow, PIECE_LABEL, label);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      flow_add (flow, PIECE_BODY, lines[i]);
}

static void
flow_section (Flow         *flow,
              WmDiagram    *diagram,
              const WmItem *item)
{
  const char *name = *item->text ? item->text : g_dgettext (GETTEXT_PACKAGE, item->type->label);
  const WmPropSpec *spec;

  /* The heading stays with the start of the first detail. */
  flow_keep (flow, piece_height (flow, PIECE_HEADING, name, FALSE) +
                   piece_height (flow, PIECE_SOURCE, wm_diagram_get_name (diagram), FALSE) +
                   piece_height (flow, PIECE_LABEL, name, FALSE) +
                   2 * line_height (PIECE_BODY) + piece_styles[PIECE_BODY].before);
  flow_add (flow, PIECE_HEADING, name);
  flow_add (flow, PIECE_SOURCE, wm_diagram_get_name (diagram));
  for (guint rank = 1; (spec = _wm_export_detail_spec (item, rank)) != NULL; rank++)
    {
      g_autofree char *text = _wm_export_detail_text (item, spec);

      if (text != NULL)
        flow_block (flow, g_dgettext (GETTEXT_PACKAGE, spec->label), text);
    }
}

/* The column's paragraphs as text-box paragraphs; they point into @column. */
static GArray *
column_paras (GPtrArray *column)
{
  GArray *paras = g_array_sized_new (FALSE, FALSE, sizeof (Para), column->len);

  for (guint i = 0; i < column->len; i++)
    {
      const Piece *piece = g_ptr_array_index (column, i);
      Para para = {
        .text = piece->text,
        .size = piece_styles[piece->kind].size,
        .bold = piece_styles[piece->kind].bold,
        .color = piece_styles[piece->kind].muted ? &wm_color_muted : &wm_color_ink,
        .before = i == 0 ? 0 : piece_styles[piece->kind].before,
        .line = line_height (piece->kind),
      };

      g_array_append_val (paras, para);
    }
  return paras;
}

static void
add_appendix_slide (Deck       *deck,
                    Flow       *flow,
                    guint       first_column,
                    const char *title)
{
  Xml xml;
  Slide *slide = slide_begin (&xml, LAYOUT_TITLE_ONLY);

  slide_title (&xml, title);
  for (guint c = 0; c < 2 && first_column + c < flow->columns->len; c++)
    {
      g_autoptr(GArray) paras = column_paras (g_ptr_array_index (flow->columns, first_column + c));
      Box box = { SLIDE_MARGIN + c * (COLUMN_WIDTH + COLUMN_GAP), COLUMN_TOP, COLUMN_WIDTH,
                  COLUMN_HEIGHT };

      xml_text_shape (&xml, NULL, &box, (Para *) paras->data, paras->len, "t", FALSE);
    }
  slide_end (deck, &xml, slide);
}

static void
add_appendix_slides (Deck *deck)
{
  Flow flow = { deck, g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref), 0 };
  const char *title = _("Appendix: use-case details");
  guint n_slides;

  for (guint d = 0; d < wm_project_get_n_diagrams (deck->project); d++)
    {
      WmDiagram *diagram = wm_project_get_diagram (deck->project, d);

      for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
        {
          WmItem *item = wm_diagram_get_item (diagram, i);

          if (!_wm_export_has_details (item))
            continue;
          if (flow.columns->len == 0)
            flow_new_column (&flow);
          flow_section (&flow, diagram, item);
        }
    }
  n_slides = (flow.columns->len + 1) / 2;
  for (guint s = 0; s < n_slides; s++)
    {
      /* Translators: an appendix slide's title, then its number among them, as in
       * “Appendix: use-case details (2 of 3)”. */
      g_autofree char *numbered = g_strdup_printf (ngettext ("%s (%u of %u)", "%s (%u of %u)",
                                                             n_slides), title, s + 1, n_slides);

      add_appendix_slide (deck, &flow, 2 * s, n_slides > 1 ? numbered : title);
    }
  g_ptr_array_unref (flow.columns);
}

/* Speaker notes */

static GBytes *
notes_to_xml (Slide *slide)
{
  Xml xml;

  xml_begin (&xml, "p:notes", "xmlns:a", NS_A, "xmlns:r", NS_R, "xmlns:p", NS_P, NULL);
  xml_open (&xml, "p:cSld", NULL);
  xml_tree_begin (&xml);
  xml_open (&xml, "p:sp", NULL);
  xml_shape_names (&xml, "sldImg", NULL, "Slide Image");
  xml_empty (&xml, "p:spPr", NULL);
  xml_close (&xml);
  xml_open (&xml, "p:sp", NULL);
  xml_shape_names (&xml, "body", "1", "Notes");
  xml_empty (&xml, "p:spPr", NULL);
  xml_open (&xml, "p:txBody", NULL);
  xml_empty (&xml, "a:bodyPr", NULL);
  xml_empty (&xml, "a:lstStyle", NULL);
  for (guint i = 0; slide->notes[i] != NULL; i++)
    xml_paragraph (&xml, &(Para) { .text = slide->notes[i], .size = 12, .before = i ? 6 : 0 },
                   FALSE);
  xml_close (&xml);
  xml_close (&xml);
  xml_close (&xml);
  xml_close (&xml);
  xml_open (&xml, "p:clrMapOvr", NULL);
  xml_empty (&xml, "a:masterClrMapping", NULL);
  xml_close (&xml);
  return xml_finish (&xml);
}

/* The slides' parts, their notes and the relationships between them. */
static void
add_slide_parts (Deck *deck)
{
  for (guint i = 0; i < deck->slides->len; i++)
    {
      Slide *slide = g_ptr_array_index (deck->slides, i);
      g_autofree char *name = g_strdup_printf ("ppt/slides/slide%u.xml", i + 1);
      g_autofree char *rels = g_strdup_printf ("ppt/slides/_rels/slide%u.xml.rels", i + 1);

      if (slide->notes != NULL)
        {
          g_autofree char *notes = g_strdup_printf ("ppt/notesSlides/notesSlide%u.xml", i + 1);
          g_autofree char *notes_rels =
            g_strdup_printf ("ppt/notesSlides/_rels/notesSlide%u.xml.rels", i + 1);
          g_autofree char *to_notes = g_strdup_printf ("../notesSlides/notesSlide%u.xml", i + 1);
          g_autofree char *to_slide = g_strdup_printf ("../slides/slide%u.xml", i + 1);
          g_autoptr(GPtrArray) back = rels_new ();

          g_free (rels_add (back, REL_TYPE ("notesMaster"), "../notesMasters/notesMaster1.xml"));
          g_free (rels_add (back, REL_TYPE ("slide"), to_slide));
          g_free (rels_add (slide->rels, REL_TYPE ("notesSlide"), to_notes));
          deck_add_part (deck, notes, CT_PML ("notesSlide"), notes_to_xml (slide));
          deck_add_part (deck, notes_rels, NULL, rels_to_xml (back));
        }
      if (slide->xml != NULL)
        deck_add_part (deck, name, CT_PML ("slide"), g_bytes_ref (slide->xml));
      deck_add_part (deck, rels, NULL, rels_to_xml (slide->rels));
    }
}

/* The package's furniture */

/* The master's colours are the theme's, one to one. */
#define COLOR_MAP \
  "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\"" \
  " accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\"" \
  " accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>"

/* A shape tree's own properties, which every one starts with. */
#define GROUP_PROPERTIES \
  "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>" \
  "<p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/>" \
  "<a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>"

static const char master_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<p:sldMaster xmlns:a=\"" NS_A "\" xmlns:r=\"" NS_R "\" xmlns:p=\"" NS_P "\">"
  "<p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree>"
  GROUP_PROPERTIES
  "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title Placeholder 1\"/><p:cNvSpPr>"
  "<a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr>"
  "<p:spPr><a:xfrm><a:off x=\"457200\" y=\"274320\"/><a:ext cx=\"11277600\" cy=\"685800\"/>"
  "</a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>"
  "<p:txBody><a:bodyPr lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"b\"><a:normAutofit/>"
  "</a:bodyPr><a:lstStyle/><a:p><a:endParaRPr/></a:p></p:txBody></p:sp>"
  "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Text Placeholder 2\"/><p:cNvSpPr>"
  "<a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr>"
  "<p:spPr><a:xfrm><a:off x=\"457200\" y=\"1325880\"/><a:ext cx=\"11277600\" cy=\"5074920\"/>"
  "</a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>"
  "<p:txBody><a:bodyPr lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\"><a:normAutofit/></a:bodyPr>"
  "<a:lstStyle/><a:p><a:endParaRPr/></a:p></p:txBody></p:sp>"
  "</p:spTree></p:cSld>"
  COLOR_MAP
  "<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/>"
  "<p:sldLayoutId id=\"2147483650\" r:id=\"rId2\"/></p:sldLayoutIdLst>"
  "<p:txStyles>"
  "<p:titleStyle><a:lvl1pPr algn=\"l\" rtl=\"0\"><a:lnSpc><a:spcPct val=\"90000\"/></a:lnSpc>"
  "<a:spcBef><a:spcPct val=\"0\"/></a:spcBef><a:buNone/>"
  "<a:defRPr sz=\"2800\" b=\"1\" kern=\"1200\">"
  "<a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mj-lt\"/>"
  "<a:ea typeface=\"+mj-ea\"/><a:cs typeface=\"+mj-cs\"/></a:defRPr></a:lvl1pPr></p:titleStyle>"
  "<p:bodyStyle><a:lvl1pPr marL=\"0\" indent=\"0\" algn=\"l\" rtl=\"0\">"
  "<a:spcBef><a:spcPts val=\"600\"/></a:spcBef><a:buNone/><a:defRPr sz=\"1800\" kern=\"1200\">"
  "<a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/>"
  "<a:ea typeface=\"+mn-ea\"/><a:cs typeface=\"+mn-cs\"/></a:defRPr></a:lvl1pPr></p:bodyStyle>"
  "<p:otherStyle><a:lvl1pPr marL=\"0\" algn=\"l\" rtl=\"0\"><a:defRPr sz=\"1800\" kern=\"1200\">"
  "<a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/>"
  "<a:ea typeface=\"+mn-ea\"/><a:cs typeface=\"+mn-cs\"/></a:defRPr></a:lvl1pPr></p:otherStyle>"
  "</p:txStyles></p:sldMaster>";

static const char title_layout_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<p:sldLayout xmlns:a=\"" NS_A "\" xmlns:r=\"" NS_R "\" xmlns:p=\"" NS_P "\""
  " type=\"title\" preserve=\"1\">"
  "<p:cSld name=\"Title Slide\"><p:spTree>" GROUP_PROPERTIES
  "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/>"
  "</p:cNvSpPr><p:nvPr><p:ph type=\"ctrTitle\"/></p:nvPr></p:nvSpPr>"
  "<p:spPr><a:xfrm><a:off x=\"914400\" y=\"1554480\"/><a:ext cx=\"10363200\" cy=\"1371600\"/>"
  "</a:xfrm></p:spPr><p:txBody><a:bodyPr anchor=\"b\"><a:normAutofit/></a:bodyPr><a:lstStyle>"
  "<a:lvl1pPr><a:defRPr sz=\"4000\"/></a:lvl1pPr></a:lstStyle><a:p><a:endParaRPr/></a:p>"
  "</p:txBody></p:sp>"
  "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Subtitle 2\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/>"
  "</p:cNvSpPr><p:nvPr><p:ph type=\"subTitle\" idx=\"1\"/></p:nvPr></p:nvSpPr>"
  "<p:spPr><a:xfrm><a:off x=\"914400\" y=\"3017520\"/><a:ext cx=\"9448800\" cy=\"2834640\"/>"
  "</a:xfrm></p:spPr><p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle>"
  "<a:lvl1pPr marL=\"0\" indent=\"0\"><a:buNone/><a:defRPr sz=\"1800\"/></a:lvl1pPr></a:lstStyle>"
  "<a:p><a:endParaRPr/></a:p></p:txBody></p:sp>"
  "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>";

static const char title_only_layout_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<p:sldLayout xmlns:a=\"" NS_A "\" xmlns:r=\"" NS_R "\" xmlns:p=\"" NS_P "\""
  " type=\"titleOnly\" preserve=\"1\">"
  "<p:cSld name=\"Title Only\"><p:spTree>" GROUP_PROPERTIES
  "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/>"
  "</p:cNvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr/>"
  "<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr/></a:p></p:txBody></p:sp>"
  "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>";

static const char notes_master_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<p:notesMaster xmlns:a=\"" NS_A "\" xmlns:r=\"" NS_R "\" xmlns:p=\"" NS_P "\">"
  "<p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree>"
  GROUP_PROPERTIES
  "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/><p:cNvSpPr>"
  "<a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr>"
  "<p:nvPr><p:ph type=\"sldImg\" idx=\"2\"/></p:nvPr></p:nvSpPr>"
  "<p:spPr><a:xfrm><a:off x=\"381000\" y=\"685800\"/><a:ext cx=\"6096000\" cy=\"3429000\"/>"
  "</a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/>"
  "<a:ln w=\"12700\"><a:solidFill><a:prstClr val=\"black\"/></a:solidFill></a:ln></p:spPr></p:sp>"
  "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/><p:cNvSpPr>"
  "<a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"body\" sz=\"quarter\" idx=\"1\"/>"
  "</p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"685800\" y=\"4400550\"/>"
  "<a:ext cx=\"5486400\" cy=\"3600450\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/>"
  "</a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr/></a:p>"
  "</p:txBody></p:sp>"
  "</p:spTree></p:cSld>"
  COLOR_MAP
  "<p:notesStyle><a:lvl1pPr marL=\"0\" algn=\"l\" rtl=\"0\"><a:defRPr sz=\"1200\" kern=\"1200\">"
  "<a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/>"
  "<a:ea typeface=\"+mn-ea\"/><a:cs typeface=\"+mn-cs\"/></a:defRPr></a:lvl1pPr></p:notesStyle>"
  "</p:notesMaster>";

/* The theme, with the colours of wm-draw.h as its scheme: dark 1, dark 2,
 * light 2, the six accents, the two hyperlink colours. The font is the
 * interface's, which the appendix is measured in. */
static const char theme_format[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<a:theme xmlns:a=\"" NS_A "\" name=\"Waymark\"><a:themeElements>"
  "<a:clrScheme name=\"Waymark\">"
  "<a:dk1><a:srgbClr val=\"%s\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1>"
  "<a:dk2><a:srgbClr val=\"%s\"/></a:dk2><a:lt2><a:srgbClr val=\"%s\"/></a:lt2>"
  "<a:accent1><a:srgbClr val=\"%s\"/></a:accent1><a:accent2><a:srgbClr val=\"%s\"/></a:accent2>"
  "<a:accent3><a:srgbClr val=\"%s\"/></a:accent3><a:accent4><a:srgbClr val=\"8E6CC0\"/></a:accent4>"
  "<a:accent5><a:srgbClr val=\"E0A030\"/></a:accent5>"
  "<a:accent6><a:srgbClr val=\"3A9FB0\"/></a:accent6>"
  "<a:hlink><a:srgbClr val=\"%s\"/></a:hlink><a:folHlink><a:srgbClr val=\"%s\"/></a:folHlink>"
  "</a:clrScheme>"
  "<a:fontScheme name=\"Waymark\">"
  "<a:majorFont><a:latin typeface=\"Inter\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/>"
  "</a:majorFont>"
  "<a:minorFont><a:latin typeface=\"Inter\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/>"
  "</a:minorFont>"
  "</a:fontScheme>"
  "<a:fmtScheme name=\"Waymark\"><a:fillStyleLst>"
  "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
  "<a:solidFill><a:schemeClr val=\"phClr\"><a:tint val=\"50000\"/></a:schemeClr></a:solidFill>"
  "<a:solidFill><a:schemeClr val=\"phClr\"><a:shade val=\"80000\"/></a:schemeClr></a:solidFill>"
  "</a:fillStyleLst><a:lnStyleLst>"
  "<a:ln w=\"6350\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>"
  "<a:ln w=\"12700\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>"
  "<a:ln w=\"19050\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>"
  "</a:lnStyleLst><a:effectStyleLst>"
  "<a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>"
  "<a:effectStyle><a:effectLst/></a:effectStyle>"
  "</a:effectStyleLst><a:bgFillStyleLst>"
  "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
  "<a:solidFill><a:schemeClr val=\"phClr\"><a:tint val=\"95000\"/></a:schemeClr></a:solidFill>"
  "<a:solidFill><a:schemeClr val=\"phClr\"><a:shade val=\"90000\"/></a:schemeClr></a:solidFill>"
  "</a:bgFillStyleLst></a:fmtScheme>"
  "</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>";

static char *
theme_xml (void)
{
  g_autofree char *ink = color_hex (&wm_color_ink);
  g_autofree char *muted = color_hex (&wm_color_muted);
  g_autofree char *fill = color_hex (&wm_color_fill);
  g_autofree char *accent = color_hex (&wm_color_accent);
  g_autofree char *good = color_hex (&wm_color_good);
  g_autofree char *bad = color_hex (&wm_color_bad);

  return g_strdup_printf (theme_format, ink, muted, fill, accent, good, bad, accent, muted);
}

static void
add_static_part (Deck       *deck,
                 const char *name,
                 const char *type,
                 const char *text)
{
  deck_add_part (deck, name, type, g_bytes_new_static (text, strlen (text)));
}

/* Adds a relationships part whose relationships are the pairs of type and
 * target that follow, up to a NULL. */
G_GNUC_NULL_TERMINATED static void
add_rels_part (Deck       *deck,
               const char *name,
               ...)
{
  g_autoptr(GPtrArray) rels = rels_new ();
  const char *type;
  va_list args;

  va_start (args, name);
  while ((type = va_arg (args, const char *)) != NULL)
    g_free (rels_add (rels, type, va_arg (args, const char *)));
  va_end (args);
  deck_add_part (deck, name, NULL, rels_to_xml (rels));
}

static void
add_design_parts (Deck *deck)
{
  add_static_part (deck, "ppt/slideMasters/slideMaster1.xml", CT_PML ("slideMaster"), master_xml);
  add_rels_part (deck, "ppt/slideMasters/_rels/slideMaster1.xml.rels",
                 REL_TYPE ("slideLayout"), "../slideLayouts/slideLayout1.xml",
                 REL_TYPE ("slideLayout"), "../slideLayouts/slideLayout2.xml",
                 REL_TYPE ("theme"), "../theme/theme1.xml", NULL);
  add_static_part (deck, "ppt/slideLayouts/slideLayout1.xml", CT_PML ("slideLayout"),
                   title_layout_xml);
  add_rels_part (deck, "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
                 REL_TYPE ("slideMaster"), "../slideMasters/slideMaster1.xml", NULL);
  add_static_part (deck, "ppt/slideLayouts/slideLayout2.xml", CT_PML ("slideLayout"),
                   title_only_layout_xml);
  add_rels_part (deck, "ppt/slideLayouts/_rels/slideLayout2.xml.rels",
                 REL_TYPE ("slideMaster"), "../slideMasters/slideMaster1.xml", NULL);
  add_static_part (deck, "ppt/notesMasters/notesMaster1.xml", CT_PML ("notesMaster"),
                   notes_master_xml);
  /* A notes master has a theme of its own. */
  add_rels_part (deck, "ppt/notesMasters/_rels/notesMaster1.xml.rels",
                 REL_TYPE ("theme"), "../theme/theme2.xml", NULL);
  for (guint i = 1; i <= 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("ppt/theme/theme%u.xml", i);

      deck_add_text_part (deck, name, "application/vnd.openxmlformats-officedocument.theme+xml",
                          theme_xml ());
    }
  add_static_part (deck, "ppt/presProps.xml", CT_PML ("presProps"),
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<p:presentationPr xmlns:a=\"" NS_A "\" xmlns:r=\"" NS_R "\" xmlns:p=\""
                   NS_P "\"/>");
  add_static_part (deck, "ppt/viewProps.xml", CT_PML ("viewProps"),
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<p:viewPr xmlns:a=\"" NS_A "\" xmlns:r=\"" NS_R "\" xmlns:p=\"" NS_P "\">"
                   "<p:gridSpacing cx=\"76200\" cy=\"76200\"/></p:viewPr>");
  add_static_part (deck, "ppt/tableStyles.xml", CT_PML ("tableStyles"),
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<a:tblStyleLst xmlns:a=\"" NS_A "\""
                   " def=\"{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}\"/>");
}

static void
add_presentation (Deck *deck)
{
  g_autoptr(GPtrArray) rels = rels_new ();
  Xml xml;

  g_free (rels_add (rels, REL_TYPE ("slideMaster"), "slideMasters/slideMaster1.xml"));
  g_free (rels_add (rels, REL_TYPE ("notesMaster"), "notesMasters/notesMaster1.xml"));
  g_free (rels_add (rels, REL_TYPE ("presProps"), "presProps.xml"));
  g_free (rels_add (rels, REL_TYPE ("viewProps"), "viewProps.xml"));
  g_free (rels_add (rels, REL_TYPE ("theme"), "theme/theme1.xml"));
  g_free (rels_add (rels, REL_TYPE ("tableStyles"), "tableStyles.xml"));

  xml_begin (&xml, "p:presentation", "xmlns:a", NS_A, "xmlns:r", NS_R, "xmlns:p", NS_P,
             "saveSubsetFonts", "1", NULL);
  xml_open (&xml, "p:sldMasterIdLst", NULL);
  xml_empty (&xml, "p:sldMasterId", "id", "2147483648", "r:id", "rId1", NULL);
  xml_close (&xml);
  xml_open (&xml, "p:notesMasterIdLst", NULL);
  xml_empty (&xml, "p:notesMasterId", "r:id", "rId2", NULL);
  xml_close (&xml);
  xml_open (&xml, "p:sldIdLst", NULL);
  for (guint i = 0; i < deck->slides->len; i++)
    {
      g_autofree char *target = g_strdup_printf ("slides/slide%u.xml", i + 1);
      g_autofree char *id = rels_add (rels, REL_TYPE ("slide"), target);

      xml_open (&xml, "p:sldId", "r:id", id, NULL);
      xml_int (&xml, "id", 256 + i);
      xml_close (&xml);
    }
  xml_close (&xml);
  xml_open (&xml, "p:sldSz", NULL);
  xml_int (&xml, "cx", WM_PPTX_SLIDE_WIDTH);
  xml_int (&xml, "cy", WM_PPTX_SLIDE_HEIGHT);
  xml_close (&xml);
  xml_empty (&xml, "p:notesSz", "cx", "6858000", "cy", "9144000", NULL);
  deck_add_part (deck, "ppt/presentation.xml", CT_PML ("presentation.main"), xml_finish (&xml));
  deck_add_part (deck, "ppt/_rels/presentation.xml.rels", NULL, rels_to_xml (rels));
}

/* docProps/core.xml and app.xml: the title, author and date a file manager
 * or PowerPoint's Info pane shows. */
static void
add_properties (Deck       *deck,
                const char *title)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (deck->time);
  g_autofree char *date = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *creator = g_strdup_printf ("Waymark %s", PACKAGE_VERSION);
  guint n_notes = 0;
  Xml xml;

  xml_begin (&xml, "cp:coreProperties",
             "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
             "xmlns:dc", "http://purl.org/dc/elements/1.1/",
             "xmlns:dcterms", "http://purl.org/dc/terms/",
             "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance", NULL);
  xml_element_text (&xml, "dc:title", title);
  if (deck->project != NULL && *wm_project_get_author (deck->project) != '\0')
    xml_element_text (&xml, "dc:creator", wm_project_get_author (deck->project));
  if (deck->project != NULL && *wm_project_get_description (deck->project) != '\0')
    xml_element_text (&xml, "dc:description", wm_project_get_description (deck->project));
  xml_open (&xml, "dcterms:created", "xsi:type", "dcterms:W3CDTF", NULL);
  xml_text (&xml, date);
  xml_close (&xml);
  xml_open (&xml, "dcterms:modified", "xsi:type", "dcterms:W3CDTF", NULL);
  xml_text (&xml, date);
  xml_close (&xml);
  deck_add_part (deck, "docProps/core.xml",
                 "application/vnd.openxmlformats-package.core-properties+xml", xml_finish (&xml));

  for (guint i = 0; i < deck->slides->len; i++)
    n_notes += ((Slide *) g_ptr_array_index (deck->slides, i))->notes != NULL;
  xml_begin (&xml, "Properties",
             "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
             NULL);
  xml_element_text (&xml, "Application", creator);
  xml_element_text (&xml, "PresentationFormat", "Widescreen");
  xml_open (&xml, "Slides", NULL);
  xml_check (&xml, xmlTextWriterWriteFormatString (xml.writer, "%u", deck->slides->len));
  xml_close (&xml);
  xml_open (&xml, "Notes", NULL);
  xml_check (&xml, xmlTextWriterWriteFormatString (xml.writer, "%u", n_notes));
  xml_close (&xml);
  deck_add_part (deck, "docProps/app.xml",
                 "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                 xml_finish (&xml));
  add_rels_part (deck, "_rels/.rels",
                 REL_TYPE ("officeDocument"), "ppt/presentation.xml",
                 REL_CORE, "docProps/core.xml",
                 REL_TYPE ("extended-properties"), "docProps/app.xml", NULL);
}

/* [Content_Types].xml: a default for each extension, an override for each
 * part whose type the extension does not tell. */
static GBytes *
content_types (Deck *deck)
{
  static const char *const defaults[][2] = {
    { "rels", "application/vnd.openxmlformats-package.relationships+xml" },
    { "xml", "application/xml" },
    { "png", "image/png" },
    { "svg", "image/svg+xml" },
  };
  Xml xml;

  xml_begin (&xml, "Types", "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types",
             NULL);
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    xml_empty (&xml, "Default", "Extension", defaults[i][0], "ContentType", defaults[i][1], NULL);
  for (guint i = 0; i < deck->parts->len; i++)
    {
      Part *part = g_ptr_array_index (deck->parts, i);
      g_autofree char *name = g_strconcat ("/", part->name, NULL);

      if (part->type != NULL)
        xml_empty (&xml, "Override", "PartName", name, "ContentType", part->type, NULL);
    }
  return xml_finish (&xml);
}

/* The zip */

static la_ssize_t
zip_write (struct archive *archive,
           void           *data,
           const void     *buffer,
           size_t          length)
{
  g_byte_array_append (data, buffer, length);
  return length;
}

static gboolean
zip_part (struct archive *archive,
          const char     *name,
          GBytes         *data,
          time_t          mtime)
{
  struct archive_entry *entry = archive_entry_new ();
  gsize length;
  const void *bytes = g_bytes_get_data (data, &length);
  gboolean ok;

  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, length);
  archive_entry_set_mtime (entry, mtime, 0);
  ok = archive_write_header (archive, entry) == ARCHIVE_OK &&
       (length == 0 || archive_write_data (archive, bytes, length) == (la_ssize_t) length);
  archive_entry_free (entry);
  return ok;
}

/* The package: [Content_Types].xml first, as readers that stream the zip
 * expect, then every part, deflated. */
static GBytes *
zip_package (Deck    *deck,
             GError **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GBytes) types = content_types (deck);
  struct archive *archive = archive_write_new ();
  time_t now = (time_t) g_date_time_to_unix (deck->time);
  gboolean ok = types != NULL &&
                archive_write_set_format_zip (archive) == ARCHIVE_OK &&
                archive_write_zip_set_compression_deflate (archive) == ARCHIVE_OK &&
                archive_write_set_bytes_in_last_block (archive, 1) == ARCHIVE_OK &&
                archive_write_open (archive, out, NULL, zip_write, NULL) == ARCHIVE_OK &&
                zip_part (archive, "[Content_Types].xml", types, now);

  for (guint i = 0; ok && i < deck->parts->len; i++)
    {
      Part *part = g_ptr_array_index (deck->parts, i);

      ok = zip_part (archive, part->name, part->data, now);
    }
  ok = archive_write_close (archive) == ARCHIVE_OK && ok;
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Could not put the slides together: %s"),
                 archive_error_string (archive) ? archive_error_string (archive)
                                                : _("out of memory"));
  archive_write_free (archive);
  return ok ? g_byte_array_free_to_bytes (g_steal_pointer (&out)) : NULL;
}

/* Now, or the time SOURCE_DATE_EPOCH gives, so that the same project makes
 * the same file byte for byte when someone needs it to. */
static GDateTime *
deck_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT32, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);
  return g_date_time_new_now_utc ();
}

static void
deck_init (Deck      *deck,
           WmProject *project)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();

  *deck = (Deck) {
    .project = project,
    .parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free),
    .slides = g_ptr_array_new_with_free_func ((GDestroyNotify) slide_free),
    .pango = pango_font_map_create_context (font_map),
    .time = deck_time (),
  };
  /* Unhinted metrics, as the text is measured for other programs to set. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (deck->pango, options);
  cairo_font_options_destroy (options);
}

static void
deck_clear (Deck *deck)
{
  g_ptr_array_unref (deck->parts);
  g_ptr_array_unref (deck->slides);
  g_object_unref (deck->pango);
  g_date_time_unref (deck->time);
  g_clear_error (&deck->error);
}

gboolean
wm_export_pptx_to_stream (WmProject             *project,
                          WmDiagram             *only,
                          const WmExportOptions *options,
                          GOutputStream         *stream,
                          GError               **error)
{
  Deck deck;
  g_autoptr(GBytes) zip = NULL;
  const char *title;
  gboolean ok;

  g_return_val_if_fail (only != NULL ? WM_IS_DIAGRAM (only) : WM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (project == NULL)
    project = wm_diagram_get_project (only);
  deck_init (&deck, project);
  if (only != NULL)
    add_diagram_slide (&deck, only);
  else
    {
      add_title_slide (&deck);
      for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
        add_diagram_slide (&deck, wm_project_get_diagram (project, i));
      add_appendix_slides (&deck);
    }
  add_slide_parts (&deck);
  add_design_parts (&deck);
  add_presentation (&deck);
  if (only != NULL)
    title = wm_diagram_get_name (only);
  else
    title = *wm_project_get_title (project) ? wm_project_get_title (project)
                                            : _("Untitled project");
  add_properties (&deck, title);
  if (deck.error == NULL)
    zip = zip_package (&deck, &deck.error);
  ok = zip != NULL &&
       g_output_stream_write_all (stream, g_bytes_get_data (zip, NULL), g_bytes_get_size (zip),
                                  NULL, NULL, &deck.error);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&deck.error));
  deck_clear (&deck);
  return ok;
}
