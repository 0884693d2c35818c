/* wm-drawio.c — draw.io (diagrams.net) files: the shapes, and the export
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A .drawio file is an <mxfile> of pages (<diagram>), each an mxGraphModel
 * whose cells are a root, a layer and the shapes and edges on it; a cell
 * inside a container has its geometry relative to the container. Each
 * Waymark item becomes an <object> wrapping its <mxCell>: the object's id is
 * the item's, its label the item's text as draw.io's HTML labels want it,
 * and its other attributes the item's type and properties in file syntax.
 * The page's root cell carries the diagram's notation, fields and lists the
 * same way. The areas of the boards (the canvas's nine blocks, the value
 * proposition's six areas, the journey's cells) are containers marked with
 * the area they are, so that draw.io moves the notes with them and the
 * importer knows them from the notes.
 */
#define G_LOG_DOMAIN "wm-drawio"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "wm-bmc.h"
#include "wm-drawio-private.h"
#include "wm-error.h"
#include "wm-journey.h"
#include "wm-notation-common.h"
#include "wm-use-case.h"
#include "wm-vpc.h"
#include "wm-vsm.h"

#define UC "use-case"
#define VSM "value-stream-map"
#define LEAN "html=1;whiteSpace=wrap;strokeWidth=2;shape=mxgraph.lean_mapping."
/* Icons whose label sits below them, as draw.io's own palette puts it. */
#define LEAN_BELOW "verticalLabelPosition=bottom;verticalAlign=top;html=1;strokeWidth=2;" \
  "shape=mxgraph.lean_mapping."
#define NOTE_STYLE "shape=note;size=14;whiteSpace=wrap;html=1;align=left;verticalAlign=top;" \
  "spacingLeft=4;fillColor=#fff2cc;strokeColor=#d6b656;"
#define STICKY "rounded=0;whiteSpace=wrap;html=1;strokeColor=#9e9e9e;"

static const WmDrawioStyle styles[] = {
  { UC, "actor", "umlActor",
    "shape=umlActor;verticalLabelPosition=bottom;verticalAlign=top;html=1;outlineConnect=0;" },
  { UC, "use-case", "ellipse", "ellipse;whiteSpace=wrap;html=1;" },
  { UC, "subject", "rectangle",
    "rounded=0;whiteSpace=wrap;html=1;container=1;collapsible=0;verticalAlign=top;"
    "fontStyle=1;fillColor=none;" },
  { UC, "package", "folder",
    "shape=folder;tabWidth=110;tabHeight=20;tabPosition=left;whiteSpace=wrap;html=1;"
    "container=1;collapsible=0;verticalAlign=top;align=left;spacingLeft=6;fillColor=none;" },
  { UC, "note", "note", NOTE_STYLE },
  { UC, "association", NULL, "endArrow=none;html=1;" },
  { UC, "include", NULL, "dashed=1;endArrow=open;endFill=0;endSize=10;html=1;" },
  { UC, "extend", NULL, "dashed=1;endArrow=open;endFill=0;endSize=10;html=1;" },
  { UC, "generalization", NULL, "endArrow=block;endFill=0;endSize=14;html=1;" },
  { UC, "anchor", NULL, "dashed=1;endArrow=none;html=1;" },

  { VSM, "supplier", "mxgraph.lean_mapping.outside_sources", LEAN "outside_sources;" },
  { VSM, "customer", "mxgraph.lean_mapping.outside_sources", LEAN "outside_sources;" },
  { VSM, "process", "mxgraph.lean_mapping.manufacturing_process",
    LEAN "manufacturing_process;verticalAlign=top;" },
  { VSM, "process", "mxgraph.lean_mapping.manufacturing_process_shared", NULL },
  { VSM, "inventory", "mxgraph.lean_mapping.inventory_box", LEAN_BELOW "inventory_box;" },
  { VSM, "supermarket", "mxgraph.lean_mapping.supermarket", LEAN_BELOW "supermarket;" },
  { VSM, "fifo-lane", "mxgraph.lean_mapping.fifo_lane", LEAN "fifo_lane;" },
  { VSM, "fifo-lane", "mxgraph.lean_mapping.fifo_sequence_flow", NULL },
  { VSM, "buffer", "mxgraph.lean_mapping.buffer_or_safety_stock",
    LEAN_BELOW "buffer_or_safety_stock;" },
  { VSM, "shipment", "mxgraph.lean_mapping.truck_shipment", LEAN_BELOW "truck_shipment;" },
  { VSM, "shipment", "mxgraph.lean_mapping.rail_shipment", LEAN_BELOW "rail_shipment;" },
  { VSM, "shipment", "mxgraph.lean_mapping.airplane_7", LEAN_BELOW "airplane_7;" },
  { VSM, "shipment", "mxgraph.lean_mapping.boat_shipment", LEAN_BELOW "boat_shipment;" },
  { VSM, "production-control", "mxgraph.lean_mapping.schedule", LEAN "schedule;" },
  { VSM, "production-control", "mxgraph.lean_mapping.mrp_erp", NULL },
  { VSM, "kaizen-burst", "mxgraph.lean_mapping.kaizen_lightening_burst",
    LEAN_BELOW "kaizen_lightening_burst;whiteSpace=wrap;" },
  { VSM, "operator", "mxgraph.lean_mapping.operator", LEAN_BELOW "operator;" },
  { VSM, "go-see", "mxgraph.lean_mapping.go_see_production_scheduling",
    LEAN_BELOW "go_see_production_scheduling;pointerEvents=1;" },
  { VSM, "kanban-post", "mxgraph.lean_mapping.kanban_post", LEAN_BELOW "kanban_post;" },
  { VSM, "load-leveling", "mxgraph.lean_mapping.load_leveling", LEAN_BELOW "load_leveling;" },
  { VSM, "production-kanban", "mxgraph.lean_mapping.production_kanban",
    LEAN_BELOW "production_kanban;" },
  { VSM, "withdrawal-kanban", "mxgraph.lean_mapping.withdrawal_kanban",
    LEAN_BELOW "withdrawal_kanban;" },
  { VSM, "signal-kanban", "mxgraph.lean_mapping.signal_kanban", LEAN_BELOW "signal_kanban;" },
  { VSM, "note", "note", NOTE_STYLE },
  { VSM, "push", NULL, "endArrow=block;endFill=1;endSize=8;strokeWidth=4;dashed=1;"
    "dashPattern=3 2;html=1;" },
  { VSM, "pull", NULL, "endArrow=open;endFill=0;endSize=10;strokeWidth=2;curved=1;html=1;" },
  { VSM, "shipment-flow", "flexArrow",
    "shape=flexArrow;endArrow=classic;html=1;fillColor=#ffffff;" },
  { VSM, "manual-info", "mxgraph.lean_mapping.manual_info_flow_edge",
    "shape=mxgraph.lean_mapping.manual_info_flow_edge;html=1;" },
  { VSM, "electronic-info", "mxgraph.lean_mapping.electronic_info_flow_edge",
    "shape=mxgraph.lean_mapping.electronic_info_flow_edge;html=1;" },

  { "business-model-canvas", "note", NULL, STICKY },

  { "customer-journey", "card", NULL, "rounded=1;arcSize=8;" STICKY },
  { "customer-journey", "emotion", NULL,
    "ellipse;html=1;verticalLabelPosition=bottom;verticalAlign=top;fillColor=#ffe599;" },
  { "customer-journey", "kpi", NULL, "rounded=0;whiteSpace=wrap;html=1;fillColor=#dae8fc;"
    "strokeColor=#6c8ebf;" },

  { "value-proposition-canvas", "product", NULL, STICKY },
  { "value-proposition-canvas", "gain-creator", NULL, STICKY },
  { "value-proposition-canvas", "pain-reliever", NULL, STICKY },
  { "value-proposition-canvas", "job", NULL, STICKY },
  { "value-proposition-canvas", "gain", NULL, STICKY },
  { "value-proposition-canvas", "pain", NULL, STICKY },
  { "value-proposition-canvas", "relieves", NULL, "dashed=1;endArrow=block;endFill=1;html=1;" },
  { "value-proposition-canvas", "creates", NULL, "dashed=1;endArrow=block;endFill=1;html=1;" },

  { NULL, WM_COMMON_TEXT, "text", "text;html=1;whiteSpace=wrap;align=left;verticalAlign=top;" },
  { NULL, WM_COMMON_BOX, NULL, "whiteSpace=wrap;html=1;" },
  { NULL, WM_COMMON_IMAGE, "image", "shape=image;html=1;imageAspect=0;" },
  { NULL, NULL, NULL, NULL },
};

const WmDrawioStyle *
_wm_drawio_styles (void)
{
  return styles;
}

const WmDrawioStyle *
_wm_drawio_style_for (const char *notation_id,
                      const char *type_id)
{
  for (const WmDrawioStyle *s = styles; s->type != NULL; s++)
    if (s->style != NULL && g_strcmp0 (s->notation, notation_id) == 0 &&
        g_str_equal (s->type, type_id))
      return s;
  for (const WmDrawioStyle *s = styles; s->type != NULL; s++)
    if (s->notation == NULL && g_str_equal (s->type, type_id))
      return s;
  return NULL;
}

char *
_wm_drawio_style_get (const char *style,
                      const char *key)
{
  g_auto(GStrv) parts = NULL;
  gsize key_length = strlen (key);

  if (style == NULL)
    return NULL;
  parts = g_strsplit (style, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];

      while (*part == ' ')
        part++;
      if (strncmp (part, key, key_length) == 0 && part[key_length] == '=')
        return g_strdup (part + key_length + 1);
    }
  return NULL;
}

/* The writer
 *
 * Text that XML 1.0 cannot hold (control characters other than tab and
 * line breaks) is written as U+FFFD, so that the file stays well-formed
 * whatever a text holds. */
typedef struct
{
  xmlTextWriterPtr  writer;
  WmDiagram        *diagram;
  const char       *notation;
  char             *layer;      /* the id of the page's layer */
  GHashTable       *written;    /* ids of the nodes written */
  GHashTable       *parents;    /* item id → (char *) the cell that holds it */
  GHashTable       *offsets;    /* item id → (WmRect *) where it is drawn, absolute */
} Page;

static char *
xml_safe (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff)
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

static void
write_attribute (Page       *page,
                 const char *name,
                 const char *value)
{
  g_autofree char *safe = xml_safe (value);

  xmlTextWriterWriteAttribute (page->writer, BAD_CAST name, BAD_CAST safe);
}

static void
write_number_attribute (Page       *page,
                        const char *name,
                        double      value)
{
  g_autoptr(GString) text = g_string_new (NULL);

  wm_format_number (text, value);
  write_attribute (page, name, text->str);
}

/* A text as the HTML of a label whose style says html=1: escaped, with its
 * line breaks as <br>. */
static char *
label_html (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\n': g_string_append (out, "<br>"); break;
      case '\r': break;
      default: g_string_append_c (out, *p); break;
      }
  return g_string_free (out, FALSE);
}

static void
begin_object (Page       *page,
              const char *id,
              const char *text)
{
  g_autofree char *html = label_html (text != NULL ? text : "");

  xmlTextWriterStartElement (page->writer, BAD_CAST "object");
  write_attribute (page, "label", html);
  write_attribute (page, "id", id);
}

static void
write_geometry (Page         *page,
                const WmRect *rect)
{
  xmlTextWriterStartElement (page->writer, BAD_CAST "mxGeometry");
  write_number_attribute (page, "x", rect->x);
  write_number_attribute (page, "y", rect->y);
  write_number_attribute (page, "width", rect->width);
  write_number_attribute (page, "height", rect->height);
  write_attribute (page, "as", "geometry");
  xmlTextWriterEndElement (page->writer);
}

/* The <mxCell> of a shape inside its <object>, at @rect relative to @parent. */
static void
write_vertex_cell (Page         *page,
                   const char   *style,
                   const char   *parent,
                   const WmRect *rect)
{
  xmlTextWriterStartElement (page->writer, BAD_CAST "mxCell");
  write_attribute (page, "style", style);
  write_attribute (page, "vertex", "1");
  write_attribute (page, "parent", parent);
  write_geometry (page, rect);
  xmlTextWriterEndElement (page->writer);
}

/* A shape that is no item: a board's area or a band of the journey. */
static void
write_scaffold (Page         *page,
                const char   *id,
                const char   *label,
                const char   *style,
                const char   *mark,
                const char   *mark_value,
                const WmRect *rect)
{
  begin_object (page, id, label);
  write_attribute (page, mark, mark_value);
  write_vertex_cell (page, style, page->layer, rect);
  xmlTextWriterEndElement (page->writer);
}

static void
write_properties (Page         *page,
                  const WmItem *item)
{
  for (guint i = 0; i < item->type->n_props; i++)
    {
      const WmPropSpec *spec = &item->type->props[i];
      g_autofree char *text = NULL;

      if (!wm_item_has_value (item, spec->name))
        continue;
      text = wm_value_to_string (spec, wm_item_get_value (item, spec->name, NULL));
      write_attribute (page, spec->name, text);
    }
}

static void
write_diagram_fields (Page *page)
{
  const WmNotation *notation = wm_diagram_get_notation (page->diagram);

  for (guint i = 0; i < notation->n_props; i++)
    {
      const WmPropSpec *spec = &notation->props[i];
      g_autofree char *text = NULL;

      if (!wm_diagram_has_value (page->diagram, spec->name))
        continue;
      text = wm_value_to_string (spec, wm_diagram_get_value (page->diagram, spec->name, NULL));
      write_attribute (page, spec->name, text);
    }
  for (guint i = 0; i < notation->n_lists; i++)
    {
      GPtrArray *entries = wm_diagram_get_list (page->diagram, notation->lists[i].name);
      g_autoptr(GString) lines = g_string_new (NULL);
      g_autofree char *name = g_strconcat (WM_DRAWIO_LIST, notation->lists[i].name, NULL);

      for (guint e = 0; entries != NULL && e < entries->len; e++)
        {
          const WmListEntry *entry = g_ptr_array_index (entries, e);

          g_string_append_printf (lines, "%s%s\t%s", e > 0 ? "\n" : "", entry->id,
                                  entry->label);
        }
      write_attribute (page, name, lines->str);
    }
}

/* The style of a node: its type's, with its colours and variants. */
static char *
node_style (Page         *page,
            const WmItem *item)
{
  const WmDrawioStyle *look = _wm_drawio_style_for (page->notation, item->type->id);
  GString *style = g_string_new (look != NULL ? look->style : "whiteSpace=wrap;html=1;");

  if (wm_item_has_prop (item, WM_FIELD_COLOR))
    g_string_append_printf (style, "fillColor=%s;", wm_item_get_string (item, WM_FIELD_COLOR));
  if (g_str_equal (item->type->id, WM_COMMON_BOX))
    {
      g_string_append_printf (style, "rounded=%d;fillColor=%s;strokeColor=%s;",
                              wm_item_get_boolean (item, WM_COMMON_ROUNDED),
                              wm_item_get_string (item, WM_COMMON_FILL),
                              wm_item_get_string (item, WM_COMMON_BORDER));
    }
  if (wm_item_has_prop (item, WM_COMMON_TEXT_COLOR))
    g_string_append_printf (style, "fontColor=%s;",
                            wm_item_get_string (item, WM_COMMON_TEXT_COLOR));
  if (wm_item_has_prop (item, WM_COMMON_FONT_SIZE))
    {
      g_string_append (style, "fontSize=");
      wm_format_number (style, wm_item_get_number (item, WM_COMMON_FONT_SIZE));
      g_string_append_c (style, ';');
    }
  return g_string_free (style, FALSE);
}

/* An image's style names its picture as a data URI without ";base64" (a
 * semicolon would end the style's value), as draw.io itself writes it. */
static void
append_image (GString      *style,
              const WmItem *item)
{
  const char *data = wm_item_get_string (item, WM_COMMON_DATA);
  g_autofree guchar *bytes = NULL;
  g_autoptr(GString) base64 = g_string_new (NULL);
  const char *mime = "image/png";
  gsize size = 0;

  for (const char *p = data; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (base64, *p);
  if (base64->len == 0)
    return;
  bytes = g_base64_decode (base64->str, &size);
  switch (wm_image_format_sniff (bytes, size, NULL, NULL))
    {
    case WM_IMAGE_JPEG: mime = "image/jpeg"; break;
    case WM_IMAGE_SVG: mime = "image/svg+xml"; break;
    case WM_IMAGE_PNG:
    case WM_IMAGE_NONE:
    default: break;
    }
  g_string_append_printf (style, "image=data:%s,%s;", mime, base64->str);
}

static void
write_node (Page   *page,
            WmItem *item);

/* Where @item is drawn and which cell holds it: a board's or a journey's
 * layout places notes in their areas, a container holds its nodes. */
static void
place_node (Page       *page,
            WmItem     *item,
            WmRect     *rect,
            const char **parent)
{
  const WmRect *holder, *placed = g_hash_table_lookup (page->offsets, item->id);

  *rect = placed != NULL ? *placed : item->bounds;
  *parent = g_hash_table_lookup (page->parents, item->id);
  if (*parent == NULL && item->parent != NULL)
    {
      WmItem *container = wm_diagram_lookup (page->diagram, item->parent);

      if (container != NULL && !g_hash_table_contains (page->written, container->id))
        write_node (page, container);
      if (container != NULL)
        *parent = container->id;
    }
  if (*parent == NULL)
    {
      *parent = page->layer;
      return;
    }
  holder = g_hash_table_lookup (page->offsets, *parent);
  if (holder != NULL)
    {
      rect->x -= holder->x;
      rect->y -= holder->y;
    }
}

/* A process's figures as value stream maps print them, in a box in the
 * lower part of its shape (a decoration: the figures travel as the
 * object's data). */
static void
append_figure (GString      *out,
               const WmItem *item,
               const char   *name,
               const char   *label,
               WmFigureKind  kind)
{
  g_autofree char *text = NULL;

  if (!wm_item_has_value (item, name))
    return;
  text = wm_figure_format_as (kind, wm_item_get_number (item, name));
  g_string_append_printf (out, "%s%s %s", out->len > 0 ? "\n" : "", label, text);
}

static void
write_data_box (Page         *page,
                const WmItem *item,
                const WmRect *rect)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *id = g_strdup_printf ("%s-data", item->id);
  WmRect box = { 0, rect->height * 0.35, rect->width, rect->height * 0.65 };

  append_figure (text, item, WM_VSM_CYCLE_TIME, _("C/T"), WM_FIGURE_SECONDS);
  append_figure (text, item, WM_VSM_CHANGEOVER_TIME, _("C/O"), WM_FIGURE_DURATION);
  append_figure (text, item, WM_VSM_UPTIME, _("Uptime"), WM_FIGURE_PERCENT);
  append_figure (text, item, WM_VSM_OPERATORS, _("Operators"), WM_FIGURE_COUNT);
  append_figure (text, item, WM_VSM_BATCH_SIZE, _("Batch"), WM_FIGURE_PIECES);
  append_figure (text, item, WM_VSM_SCRAP, _("Scrap"), WM_FIGURE_PERCENT);
  append_figure (text, item, WM_VSM_COMPLETE_ACCURATE, _("C&A"), WM_FIGURE_PERCENT);
  if (text->len == 0)
    return;
  begin_object (page, id, text->str);
  write_attribute (page, WM_DRAWIO_DECOR, "data-box");
  write_vertex_cell (page, "rounded=0;whiteSpace=wrap;html=1;align=left;verticalAlign=top;"
                     "spacingLeft=6;fontSize=11;fillColor=#ffffff;connectable=0;", item->id, &box);
  xmlTextWriterEndElement (page->writer);
}

static void
write_node (Page   *page,
            WmItem *item)
{
  g_autofree char *style = node_style (page, item);
  const char *parent;
  WmRect rect;

  g_hash_table_add (page->written, item->id);
  place_node (page, item, &rect, &parent);
  if (!g_hash_table_contains (page->offsets, item->id))
    g_hash_table_insert (page->offsets, g_strdup (item->id),
                         g_memdup2 (&item->bounds, sizeof (WmRect)));
  if (g_str_equal (item->type->id, WM_COMMON_IMAGE))
    {
      GString *with_image = g_string_new (style);

      append_image (with_image, item);
      g_free (style);
      style = g_string_free (with_image, FALSE);
    }

  begin_object (page, item->id, item->text);
  write_attribute (page, WM_DRAWIO_TYPE, item->type->id);
  write_properties (page, item);
  write_vertex_cell (page, style, parent, &rect);
  xmlTextWriterEndElement (page->writer);
  if (g_str_equal (page->notation, VSM) && g_str_equal (item->type->id, "process"))
    write_data_box (page, item, &rect);
}

/* The label of a link: its text, or the stereotype UML prints on it. */
static const char *
link_label (const WmItem *link)
{
  if (link->text[0] != '\0')
    return link->text;
  if (g_str_equal (link->type->id, "include"))
    return "«include»";
  if (g_str_equal (link->type->id, "extend"))
    return "«extend»";
  return "";
}

/* A multiplicity at one end of an association, as draw.io's own edge labels:
 * a child of the edge placed at its end (x = -1 the source, 1 the target). */
static void
write_end_label (Page       *page,
                 const char *edge_id,
                 const char *text,
                 int         end)
{
  g_autofree char *id = g_strdup_printf ("%s-%s", edge_id, end < 0 ? "source" : "target");

  xmlTextWriterStartElement (page->writer, BAD_CAST "mxCell");
  write_attribute (page, "id", id);
  write_attribute (page, "value", text);
  write_attribute (page, "style", end < 0
                   ? "edgeLabel;resizable=0;html=0;align=left;verticalAlign=bottom;"
                   : "edgeLabel;resizable=0;html=0;align=right;verticalAlign=bottom;");
  write_attribute (page, "vertex", "1");
  write_attribute (page, "connectable", "0");
  write_attribute (page, "parent", edge_id);
  xmlTextWriterStartElement (page->writer, BAD_CAST "mxGeometry");
  write_attribute (page, "x", end < 0 ? "-1" : "1");
  write_attribute (page, "relative", "1");
  write_attribute (page, "as", "geometry");
  xmlTextWriterStartElement (page->writer, BAD_CAST "mxPoint");
  write_attribute (page, "x", end < 0 ? "8" : "-8");
  write_attribute (page, "as", "offset");
  xmlTextWriterEndElement (page->writer);
  xmlTextWriterEndElement (page->writer);
  xmlTextWriterEndElement (page->writer);
}

static char *
link_style (Page         *page,
            const WmItem *link)
{
  const WmDrawioStyle *look = _wm_drawio_style_for (page->notation, link->type->id);
  GString *style = g_string_new (look != NULL ? look->style : "html=1;");

  if (wm_item_has_prop (link, WM_FIELD_ROUTING) &&
      g_str_equal (wm_item_get_choice (link, WM_FIELD_ROUTING), WM_ROUTING_ORTHOGONAL))
    g_string_append (style, "edgeStyle=orthogonalEdgeStyle;");
  if (wm_item_has_prop (link, WM_UC_NAVIGABLE) && wm_item_get_boolean (link, WM_UC_NAVIGABLE))
    g_string_append (style, "endArrow=open;endFill=0;endSize=10;");
  return g_string_free (style, FALSE);
}

static void
write_points (Page         *page,
              const WmItem *link)
{
  if (link->n_points == 0)
    return;
  xmlTextWriterStartElement (page->writer, BAD_CAST "Array");
  write_attribute (page, "as", "points");
  for (guint i = 0; i < link->n_points; i++)
    {
      xmlTextWriterStartElement (page->writer, BAD_CAST "mxPoint");
      write_number_attribute (page, "x", link->points[i].x);
      write_number_attribute (page, "y", link->points[i].y);
      xmlTextWriterEndElement (page->writer);
    }
  xmlTextWriterEndElement (page->writer);
}

static void
write_link (Page   *page,
            WmItem *link)
{
  g_autofree char *style = link_style (page, link);

  begin_object (page, link->id, link_label (link));
  write_attribute (page, WM_DRAWIO_TYPE, link->type->id);
  write_properties (page, link);
  xmlTextWriterStartElement (page->writer, BAD_CAST "mxCell");
  write_attribute (page, "style", style);
  write_attribute (page, "edge", "1");
  write_attribute (page, "parent", page->layer);
  write_attribute (page, "source", link->source);
  write_attribute (page, "target", link->target);
  xmlTextWriterStartElement (page->writer, BAD_CAST "mxGeometry");
  write_attribute (page, "relative", "1");
  write_attribute (page, "as", "geometry");
  write_points (page, link);
  xmlTextWriterEndElement (page->writer);
  xmlTextWriterEndElement (page->writer);
  xmlTextWriterEndElement (page->writer);

  if (wm_item_has_prop (link, WM_UC_SOURCE_MULTIPLICITY))
    {
      const char *source = wm_item_get_string (link, WM_UC_SOURCE_MULTIPLICITY);
      const char *target = wm_item_get_string (link, WM_UC_TARGET_MULTIPLICITY);

      if (source[0] != '\0')
        write_end_label (page, link->id, source, -1);
      if (target[0] != '\0')
        write_end_label (page, link->id, target, 1);
    }
}

/* The boards: each area a container (marked with its id) holding the notes
 * the layout flows into it, at the places the painters draw them. */
#define AREA_STYLE "rounded=0;whiteSpace=wrap;html=1;container=1;collapsible=0;" \
  "verticalAlign=top;align=left;spacingLeft=10;fontStyle=1;fillColor=none;"
#define VPC_AREA_STYLE "rounded=0;whiteSpace=wrap;html=1;container=1;collapsible=0;" \
  "verticalLabelPosition=top;verticalAlign=bottom;align=left;fontStyle=1;fillColor=none;" \
  "strokeColor=none;"

static char *
area_cell_id (Page  *page,
              guint  area)
{
  return g_strdup_printf ("%s-area-%u", wm_diagram_get_id (page->diagram), area);
}

static void
write_vpc_outline (Page *page)
{
  g_autofree char *square_id = g_strdup_printf ("%s-square", wm_diagram_get_id (page->diagram));
  g_autofree char *circle_id = g_strdup_printf ("%s-circle", wm_diagram_get_id (page->diagram));
  WmRect square, circle;
  WmPoint centre;
  double radius;

  wm_vpc_square (page->diagram, &square);
  wm_vpc_circle (page->diagram, &centre, &radius);
  circle = (WmRect) { centre.x - radius, centre.y - radius, 2 * radius, 2 * radius };
  write_scaffold (page, square_id, _("Value Map"), "rounded=0;html=1;verticalAlign=bottom;"
                  "fillColor=none;"
                  "labelPosition=center;verticalLabelPosition=top;fontStyle=1;strokeWidth=2;",
                  WM_DRAWIO_DECOR, "value-map", &square);
  write_scaffold (page, circle_id, _("Customer Profile"), "ellipse;html=1;verticalAlign=bottom;"
                  "fillColor=none;"
                  "labelPosition=center;verticalLabelPosition=top;fontStyle=1;strokeWidth=2;",
                  WM_DRAWIO_DECOR, "customer-profile", &circle);
}

/* The canvas's header band: who it is designed for and by, when, which version. */
static void
write_bmc_header (Page *page)
{
  const char *fields[] = { WM_BMC_DESIGNED_FOR, WM_BMC_DESIGNED_BY, WM_BMC_DATE, WM_BMC_VERSION };
  const char *labels[] = { N_("Designed for"), N_("Designed by"), N_("Date"), N_("Version") };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *id = g_strdup_printf ("%s-header", wm_diagram_get_id (page->diagram));
  double width, height;
  WmRect rect;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = wm_diagram_get_string (page->diagram, fields[i]);

      if (value != NULL && value[0] != '\0')
        g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "    " : "", _(labels[i]),
                                value);
    }
  if (text->len == 0)
    return;
  wm_bmc_canvas_size (page->diagram, &width, &height);
  rect = (WmRect) { 0, WM_BMC_HEADER_TOP, width, -WM_BMC_HEADER_TOP - 10 };
  write_scaffold (page, id, text->str, "text;html=1;align=left;verticalAlign=middle;",
                  WM_DRAWIO_DECOR, "header", &rect);
}

static void
write_board (Page          *page,
             const WmBoard *board)
{
  g_autoptr(WmBoardLayout) layout = wm_board_layout_new (page->diagram);
  g_autofree char **area_ids = g_new0 (char *, board->n_areas + 1);

  if (board == &wm_vpc_board)
    write_vpc_outline (page);
  else
    write_bmc_header (page);
  for (guint a = 0; a < board->n_areas; a++)
    {
      WmRect rect;

      area_ids[a] = area_cell_id (page, a);
      /* The value proposition's areas are parts of a square and a circle:
       * their containers are the boxes the notes flow in, titled above. */
      if (board == &wm_vpc_board)
        board->content_rect (page->diagram, a, &rect);
      else
        board->area_rect (page->diagram, a, &rect);
      write_scaffold (page, area_ids[a], _(board->areas[a].label),
                      board == &wm_vpc_board ? VPC_AREA_STYLE : AREA_STYLE,
                      WM_DRAWIO_AREA, board->areas[a].id, &rect);
      g_hash_table_insert (page->offsets, g_strdup (area_ids[a]), g_memdup2 (&rect, sizeof rect));
    }
  for (guint i = 0; i < wm_diagram_get_n_items (page->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (page->diagram, i);
      guint area = wm_board_area_of (board, item);
      WmRect rect;

      if (!wm_item_is_node (item) || !wm_board_layout_item_rect (layout, item, &rect) ||
          area >= board->n_areas)
        continue;
      g_hash_table_insert (page->parents, g_strdup (item->id), g_strdup (area_ids[area]));
      g_hash_table_insert (page->offsets, g_strdup (item->id), g_memdup2 (&rect, sizeof rect));
    }
  for (guint a = 0; a < board->n_areas; a++)
    g_free (area_ids[a]);
}

/* The journey: its header band, stage headers, lane labels and every cell
 * of the grid as containers holding their cards, KPIs and emotion points,
 * and the emotion curve as edges between its points. */
static void
write_journey_bands (Page                  *page,
                     const WmJourneyLayout *layout)
{
  const char *id = wm_diagram_get_id (page->diagram);
  g_autofree char *header_id = g_strdup_printf ("%s-header", id);
  g_autofree char *header = g_strdup_printf ("%s\n%s",
                                             wm_diagram_get_string (page->diagram,
                                                                    WM_JOURNEY_PERSONA),
                                             wm_diagram_get_string (page->diagram,
                                                                    WM_JOURNEY_SCENARIO));

  write_scaffold (page, header_id, header, "rounded=0;whiteSpace=wrap;html=1;align=left;"
                  "verticalAlign=top;spacingLeft=10;fillColor=#f5f5f5;strokeColor=none;",
                  WM_DRAWIO_DECOR, "header", &layout->header);
  for (guint s = 0; s < layout->n_stages; s++)
    {
      g_autofree char *cell = g_strdup_printf ("%s-stage-%u", id, s);

      write_scaffold (page, cell, layout->stages[s].label,
                      "rounded=0;whiteSpace=wrap;html=1;fontStyle=1;fillColor=#e1d5e7;",
                      WM_DRAWIO_STAGE, layout->stages[s].id, &layout->stages[s].header);
    }
  for (guint l = 0; l < layout->n_lanes; l++)
    {
      g_autofree char *cell = g_strdup_printf ("%s-lane-%u", id, l);

      write_scaffold (page, cell, layout->lanes[l].label,
                      "rounded=0;whiteSpace=wrap;html=1;fontStyle=1;fillColor=#f5f5f5;",
                      WM_DRAWIO_LANE, layout->lanes[l].id, &layout->lanes[l].header);
    }
}

static char *
journey_cell_id (Page *page,
                 int   stage,
                 int   lane)
{
  return g_strdup_printf ("%s-cell-%d-%d", wm_diagram_get_id (page->diagram), stage, lane);
}

static void
write_journey_cells (Page                  *page,
                     const WmJourneyLayout *layout)
{
  for (guint l = 0; l < layout->n_lanes; l++)
    for (guint s = 0; s < layout->n_stages; s++)
      {
        g_autofree char *id = journey_cell_id (page, (int) s, (int) l);
        WmRect rect;

        wm_journey_layout_cell_rect (layout, s, l, &rect);
        begin_object (page, id, "");
        write_attribute (page, WM_DRAWIO_STAGE, layout->stages[s].id);
        write_attribute (page, WM_DRAWIO_LANE, layout->lanes[l].id);
        write_vertex_cell (page, "rounded=0;html=1;container=1;collapsible=0;fillColor=none;"
                           "strokeColor=#cccccc;", page->layer, &rect);
        xmlTextWriterEndElement (page->writer);
        g_hash_table_insert (page->offsets, g_steal_pointer (&id), g_memdup2 (&rect, sizeof rect));
      }
}

static void
write_emotion_curve (Page                  *page,
                     const WmJourneyLayout *layout)
{
  for (guint i = 1; layout->emotions != NULL && i < layout->emotions->len; i++)
    {
      const WmItem *from = g_ptr_array_index (layout->emotions, i - 1);
      const WmItem *to = g_ptr_array_index (layout->emotions, i);
      g_autofree char *id = g_strdup_printf ("%s-curve-%u", wm_diagram_get_id (page->diagram), i);

      begin_object (page, id, "");
      write_attribute (page, WM_DRAWIO_DECOR, "emotion-curve");
      xmlTextWriterStartElement (page->writer, BAD_CAST "mxCell");
      write_attribute (page, "style", "curved=1;endArrow=none;html=1;strokeWidth=2;"
                       "strokeColor=#b85450;");
      write_attribute (page, "edge", "1");
      write_attribute (page, "parent", page->layer);
      write_attribute (page, "source", from->id);
      write_attribute (page, "target", to->id);
      xmlTextWriterStartElement (page->writer, BAD_CAST "mxGeometry");
      write_attribute (page, "relative", "1");
      write_attribute (page, "as", "geometry");
      xmlTextWriterEndElement (page->writer);
      xmlTextWriterEndElement (page->writer);
      xmlTextWriterEndElement (page->writer);
    }
}

static void
write_journey (Page *page)
{
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (page->diagram);

  write_journey_bands (page, layout);
  write_journey_cells (page, layout);
  for (guint i = 0; i < wm_diagram_get_n_items (page->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (page->diagram, i);
      int stage = -1, lane = -1;
      WmRect rect;

      if (!wm_item_is_node (item) || !wm_journey_layout_item_rect (layout, item, &rect))
        continue;
      g_hash_table_insert (page->offsets, g_strdup (item->id), g_memdup2 (&rect, sizeof rect));
      if (wm_journey_layout_item_cell (layout, item, &stage, &lane) && stage >= 0 && lane >= 0)
        g_hash_table_insert (page->parents, g_strdup (item->id),
                             journey_cell_id (page, stage, lane));
    }
}

static void
write_page_root (Page *page)
{
  const char *id = wm_diagram_get_id (page->diagram);
  g_autofree char *root = g_strdup_printf ("%s-root", id);

  /* draw.io keeps the data of a page (Edit Data on the background) as the
   * attributes of the object around its root cell. */
  begin_object (page, root, "");
  write_attribute (page, WM_DRAWIO_NOTATION, page->notation);
  write_diagram_fields (page);
  xmlTextWriterStartElement (page->writer, BAD_CAST "mxCell");
  xmlTextWriterEndElement (page->writer);
  xmlTextWriterEndElement (page->writer);

  xmlTextWriterStartElement (page->writer, BAD_CAST "mxCell");
  write_attribute (page, "id", page->layer);
  write_attribute (page, "parent", root);
  xmlTextWriterEndElement (page->writer);
}

static void
write_items (Page *page)
{
  const WmBoard *board = wm_board_get (page->diagram);

  if (board != NULL)
    write_board (page, board);
  else if (g_str_equal (page->notation, "customer-journey"))
    write_journey (page);

  for (guint i = 0; i < wm_diagram_get_n_items (page->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (page->diagram, i);

      if (wm_item_is_node (item) && !g_hash_table_contains (page->written, item->id))
        write_node (page, item);
    }
  if (g_str_equal (page->notation, "customer-journey"))
    {
      g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (page->diagram);

      write_emotion_curve (page, layout);
    }
  for (guint i = 0; i < wm_diagram_get_n_items (page->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (page->diagram, i);

      if (wm_item_is_link (item))
        write_link (page, item);
    }
}

static void
write_page (xmlTextWriterPtr writer,
            WmDiagram       *diagram)
{
  Page page = {
    .writer = writer,
    .diagram = diagram,
    .notation = wm_diagram_get_notation (diagram)->id,
    .layer = g_strdup_printf ("%s-layer", wm_diagram_get_id (diagram)),
    .written = g_hash_table_new (g_str_hash, g_str_equal),
    .parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .offsets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
  };

  xmlTextWriterStartElement (writer, BAD_CAST "diagram");
  write_attribute (&page, "id", wm_diagram_get_id (diagram));
  write_attribute (&page, "name", wm_diagram_get_name (diagram));
  write_attribute (&page, WM_DRAWIO_NOTATION, page.notation);
  xmlTextWriterStartElement (writer, BAD_CAST "mxGraphModel");
  write_attribute (&page, "grid", "1");
  write_attribute (&page, "gridSize", "10");
  write_attribute (&page, "guides", "1");
  write_attribute (&page, "tooltips", "1");
  write_attribute (&page, "connect", "1");
  write_attribute (&page, "arrows", "1");
  write_attribute (&page, "fold", "1");
  write_attribute (&page, "page", "0");
  write_attribute (&page, "math", "0");
  write_attribute (&page, "shadow", "0");
  xmlTextWriterStartElement (writer, BAD_CAST "root");
  write_page_root (&page);
  write_items (&page);
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);

  g_free (page.layer);
  g_hash_table_unref (page.written);
  g_hash_table_unref (page.parents);
  g_hash_table_unref (page.offsets);
}

char *
wm_export_drawio (WmProject  *project,
                  WmDiagram  *only,
                  GError    **error)
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;
  char *result;

  g_return_val_if_fail (WM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (only == NULL || WM_IS_DIAGRAM (only), NULL);

  if (only == NULL && wm_project_get_n_diagrams (project) == 0)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_NOT_FOUND,
                   _("The project has no diagram to export to draw.io."));
      return NULL;
    }
  buffer = xmlBufferCreate ();
  writer = xmlNewTextWriterMemory (buffer, 0);
  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, BAD_CAST "  ");
  xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL);
  xmlTextWriterStartElement (writer, BAD_CAST "mxfile");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "host", BAD_CAST "Waymark");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "agent", BAD_CAST "Waymark " PACKAGE_VERSION);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "type", BAD_CAST "device");
  if (only != NULL)
    write_page (writer, only);
  for (guint i = 0; only == NULL && i < wm_project_get_n_diagrams (project); i++)
    {
      write_page (writer, wm_project_get_diagram (project, i));
    }
  xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);
  result = g_strndup ((const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return result;
}
