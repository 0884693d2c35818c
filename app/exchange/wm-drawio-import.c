/* wm-drawio-import.c — reading draw.io (diagrams.net) files
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files are untrusted. libxml2 reads them with XML_PARSE_NONET alone (no
 * entity substitution, no DTD loading, its size limits on), and a file or a
 * page that declares a DOCTYPE is refused before libxml2 sees it, which
 * shuts out entity expansion bombs. A compressed page (base64 of raw
 * deflate of URL-encoded XML) inflates with zlib into a buffer that may not
 * grow past WM_DRAWIO_LIMIT_DECOMPRESSED_BYTES, so a small file cannot
 * claim gigabytes. Walks over cells are bounded (a container chain is
 * followed WM_LIMIT_CONTAINMENT_DEPTH steps at most), and labels' HTML is
 * walked without recursion.
 *
 * Each page becomes a diagram. A page Waymark wrote names its notation and
 * its cells name their types; another page's notation is guessed from its
 * shapes, and each shape becomes the type its style names or, when none
 * does, a text or a box with its label and geometry.
 */
#define G_LOG_DOMAIN "wm-drawio"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <math.h>
#include <string.h>
#include <zlib.h>

#include "wm-board.h"
#include "wm-drawio-private.h"
#include "wm-error.h"
#include "wm-journey.h"
#include "wm-limits.h"
#include "wm-notation-common.h"
#include "wm-use-case.h"

typedef struct
{
  xmlNode  *object;     /* the <object> or <UserObject> around the cell, or NULL */
  xmlNode  *cell;       /* the <mxCell> */
  char     *id;
  char     *parent;
  char     *source;
  char     *target;
  char     *label;      /* plain text */
  char     *style;
  char     *shape;      /* the style's shape or first name, or NULL */
  gboolean  vertex;
  gboolean  edge;
  gboolean  relative;   /* the geometry is relative to an edge (an edge label) */
  WmRect    geometry;
  WmRect    absolute;
  GArray   *points;     /* WmPoint, relative to the parent */
  guint     line;
  /* What the importer made of it. */
  const WmItemType *type;
  char     *item;       /* the id of the item made for it, or of the one it joined */
  int       area;       /* a board's area it lies in, or -1 */
  char     *stage;      /* a journey cell's stage and lane */
  char     *lane;
  gboolean  scaffold;   /* a board's area, a band or a decoration: no item */
  gboolean  guessed;    /* became a text or a box for want of a type */
} Cell;

typedef struct
{
  const char  *filename;
  WmImportLog *log;
  WmProject   *project;
  GHashTable  *ids;       /* a cell id in the file → the id of its item */
  GPtrArray   *refs;      /* Ref *, REFS properties to set once every item exists */
  gsize        inflated;  /* bytes inflated so far, all pages together */
  guint        n_cells;   /* cells read so far, all pages together */
} Import;

typedef struct
{
  WmDiagram *diagram;
  char      *item;        /* NULL for a diagram's field */
  char      *name;
  char      *value;
  guint      line;
} Ref;

typedef struct
{
  Import           *import;
  const WmNotation *notation;
  WmDiagram        *diagram;
  const WmBoard    *board;
  const char       *name;
  guint             line;       /* of the <diagram>, for the page's warnings */
  gboolean          plain;      /* lines of cells are lines of the file */
  GPtrArray        *cells;      /* Cell *, in document order */
  GHashTable       *by_id;      /* id → Cell * */
  Cell             *root;
  double            centre_x;   /* of the page's shapes */
  guint             n_guessed;
  guint             n_merged;
  guint             n_lost_edges;
  guint             n_bad_cells;  /* without an id, or with one taken before */
  GPtrArray        *areas;        /* Cell *, a board's areas on the page */
} Page;

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->id);
  g_free (cell->parent);
  g_free (cell->source);
  g_free (cell->target);
  g_free (cell->label);
  g_free (cell->style);
  g_free (cell->shape);
  g_free (cell->item);
  g_free (cell->stage);
  g_free (cell->lane);
  g_clear_pointer (&cell->points, g_array_unref);
  g_free (cell);
}

static void
ref_free (gpointer data)
{
  Ref *ref = data;

  g_free (ref->item);
  g_free (ref->name);
  g_free (ref->value);
  g_free (ref);
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value;
  char *copy;

  if (node == NULL)
    return NULL;
  value = xmlGetNoNsProp (node, BAD_CAST name);
  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         xmlStrcmp (node->name, BAD_CAST name) == 0;
}

/* An attribute of the cell's data: its <object>'s, else its <mxCell>'s. */
static char *
cell_data (const Cell *cell,
           const char *name)
{
  return get_attr (cell->object != NULL ? cell->object : cell->cell, name);
}

static gboolean
cell_has_data (const Cell *cell,
               const char *name)
{
  xmlNode *node = cell->object != NULL ? cell->object : cell->cell;

  return xmlHasNsProp (node, BAD_CAST name, NULL) != NULL;
}

static guint
cell_line (const Page *page,
           const Cell *cell)
{
  return page->plain ? cell->line : page->line;
}

/* Labels
 *
 * An HTML label (html=1 in the style) becomes plain text as a browser lays
 * it out: runs of white space are one space, <br> and the ends of blocks
 * are line breaks. */
static gboolean
is_block (const xmlChar *name)
{
  static const char *const blocks[] = {
    "div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
    "blockquote", "pre",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (xmlStrcasecmp (name, BAD_CAST blocks[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
end_line (GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
}

/* A no-break space (&nbsp;, which draw.io writes for every second space
 * typed) is a plain space in plain text, and keeps its place. */
static void
append_collapsed (GString    *out,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) p[0] == 0xc2 && (guchar) p[1] == 0xa0)
        {
          g_string_append_c (out, ' ');
          p++;
        }
      else if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
}

static void
html_walk (xmlNode *top,
           GString *out)
{
  xmlNode *node = top->children;

  while (node != NULL)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        append_collapsed (out, (const char *) node->content);
      else if (node->type == XML_ELEMENT_NODE && xmlStrcasecmp (node->name, BAD_CAST "br") == 0)
        g_string_append_c (out, '\n');
      else if (node->type == XML_ELEMENT_NODE && is_block (node->name))
        end_line (out);

      if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      while (node != NULL && node->next == NULL)
        {
          node = node->parent;
          if (node == top || node == NULL)
            return;
          if (node->type == XML_ELEMENT_NODE && is_block (node->name))
            end_line (out);
        }
      if (node != NULL)
        node = node->next;
    }
}

/* Trims each line's ends and the text's. */
static char *
tidy_text (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *joined = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    g_strstrip (lines[i]);
  joined = g_strjoinv ("\n", lines);
  return g_strdup (g_strstrip (joined));
}

static char *
html_to_text (const char *html)
{
  g_autoptr(GString) out = g_string_new (NULL);
  htmlDocPtr doc;

  if (strchr (html, '<') == NULL && strchr (html, '&') == NULL)
    return tidy_text (html);
  doc = htmlReadMemory (html, (int) strlen (html), NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  if (doc == NULL)
    return tidy_text (html);
  if (xmlDocGetRootElement (doc) != NULL)
    html_walk ((xmlNode *) doc, out);
  xmlFreeDoc (doc);
  if (!g_utf8_validate (out->str, out->len, NULL))
    return g_utf8_make_valid (out->str, out->len);
  return tidy_text (out->str);
}

/* Styles */
static gboolean
style_flag (const Cell *cell,
            const char *key)
{
  g_autofree char *value = _wm_drawio_style_get (cell->style, key);

  return value != NULL && g_str_equal (value, "1");
}

/* The shape a style names: its "shape" value, else its first name (a part
 * without '='), such as "ellipse" or "text". */
static char *
style_shape (const char *style)
{
  g_autofree char *shape = _wm_drawio_style_get (style, "shape");
  const char *end;

  if (shape != NULL)
    return g_steal_pointer (&shape);
  if (style == NULL)
    return NULL;
  end = strchr (style, ';');
  if (end == NULL)
    end = style + strlen (style);
  if (end == style || memchr (style, '=', end - style) != NULL)
    return NULL;
  return g_strndup (style, end - style);
}

/* Reading the cells */
static double
number_attr (xmlNode    *node,
             const char *name,
             double      fallback)
{
  g_autofree char *text = get_attr (node, name);
  double value;

  if (text == NULL || !wm_parse_number (text, &value) || !isfinite (value))
    return fallback;
  return value;
}

static void
read_points (Cell    *cell,
             xmlNode *array)
{
  for (xmlNode *point = array->children; point != NULL; point = point->next)
    {
      WmPoint p;

      if (!is_element (point, "mxPoint") || cell->points->len >= WM_LIMIT_POINTS)
        continue;
      p.x = number_attr (point, "x", 0);
      p.y = number_attr (point, "y", 0);
      g_array_append_val (cell->points, p);
    }
}

static void
read_geometry (Cell *cell)
{
  for (xmlNode *node = cell->cell->children; node != NULL; node = node->next)
    {
      g_autofree char *relative = NULL;

      if (!is_element (node, "mxGeometry"))
        continue;
      cell->geometry.x = number_attr (node, "x", 0);
      cell->geometry.y = number_attr (node, "y", 0);
      cell->geometry.width = number_attr (node, "width", 0);
      cell->geometry.height = number_attr (node, "height", 0);
      relative = get_attr (node, "relative");
      cell->relative = relative != NULL && g_str_equal (relative, "1");
      for (xmlNode *child = node->children; child != NULL; child = child->next)
        if (is_element (child, "Array"))
          read_points (cell, child);
      return;
    }
}

/* A label with placeholders="1" shows "%name%" as the object's attribute
 * "name", as draw.io draws it; the result stops growing at a few times the
 * longest text, so that many placeholders of a long value stay cheap. */
static char *
fill_placeholders (xmlNode    *object,
                   const char *label)
{
  GString *out = g_string_new (NULL);
  const char *p = label;

  while (*p != '\0' && out->len < 4 * (gsize) WM_LIMIT_TEXT_CHARS)
    {
      const char *end = p[0] == '%' ? strchr (p + 1, '%') : NULL;
      g_autofree char *name = end != NULL ? g_strndup (p + 1, end - p - 1) : NULL;
      g_autofree char *value = NULL;

      if (name != NULL && name[0] != '\0' && strcmp (name, "label") != 0)
        value = get_attr (object, name);
      if (value == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      g_string_append (out, value);
      p = end + 1;
    }
  return g_string_free (out, FALSE);
}

static char *
cell_text (const Cell *cell,
           xmlNode    *object)
{
  g_autofree char *raw = object != NULL ? get_attr (object, "label")
                                        : get_attr (cell->cell, "value");
  g_autofree char *html = _wm_drawio_style_get (cell->style, "html");
  g_autofree char *placeholders = object != NULL ? get_attr (object, "placeholders") : NULL;

  if (raw == NULL)
    return g_strdup ("");
  if (g_strcmp0 (placeholders, "1") == 0)
    {
      char *filled = fill_placeholders (object, raw);

      g_free (raw);
      raw = filled;
    }
  if (html != NULL && g_str_equal (html, "1"))
    return html_to_text (raw);
  return tidy_text (raw);
}

static Cell *
read_cell (xmlNode *node)
{
  Cell *cell = g_new0 (Cell, 1);
  xmlNode *inner = node;
  g_autofree char *vertex = NULL, *edge = NULL;

  if (!is_element (node, "mxCell"))
    {
      cell->object = node;
      for (inner = node->children; inner != NULL && !is_element (inner, "mxCell");
           inner = inner->next)
        ;
    }
  cell->cell = inner;
  cell->points = g_array_new (FALSE, FALSE, sizeof (WmPoint));
  cell->area = -1;
  cell->line = (guint) MAX (xmlGetLineNo (node), 0);
  cell->id = get_attr (node, "id");
  if (inner == NULL || cell->id == NULL)
    {
      cell_free (cell);
      return NULL;
    }
  cell->parent = get_attr (inner, "parent");
  cell->source = get_attr (inner, "source");
  cell->target = get_attr (inner, "target");
  cell->style = get_attr (inner, "style");
  cell->shape = style_shape (cell->style);
  vertex = get_attr (inner, "vertex");
  edge = get_attr (inner, "edge");
  cell->vertex = vertex != NULL && g_str_equal (vertex, "1");
  cell->edge = !cell->vertex && edge != NULL && g_str_equal (edge, "1");
  cell->label = cell_text (cell, cell->object);
  read_geometry (cell);
  return cell;
}

static gboolean
read_cells (Page     *page,
            xmlNode  *model,
            GError  **error)
{
  xmlNode *root = NULL;

  for (xmlNode *node = model->children; node != NULL && root == NULL; node = node->next)
    if (is_element (node, "root"))
      root = node;
  if (root == NULL)
    return TRUE;
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      Cell *cell;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (++page->import->n_cells > WM_DRAWIO_LIMIT_CELLS)
        {
          g_set_error (error, WM_ERROR, WM_ERROR_INVALID,
                       ngettext ("%s: the file has more than %d shape and connector",
                                 "%s: the file has more than %d shapes and connectors",
                                 WM_DRAWIO_LIMIT_CELLS),
                       page->import->filename, WM_DRAWIO_LIMIT_CELLS);
          return FALSE;
        }
      cell = read_cell (node);
      if (cell == NULL || g_hash_table_contains (page->by_id, cell->id))
        {
          g_clear_pointer (&cell, cell_free);
          page->n_bad_cells++;
          continue;
        }
      g_ptr_array_add (page->cells, cell);
      g_hash_table_insert (page->by_id, cell->id, cell);
      if (page->root == NULL && cell->parent == NULL)
        page->root = cell;
    }
  return TRUE;
}

static Cell *
lookup_cell (Page       *page,
             const char *id)
{
  return id != NULL ? g_hash_table_lookup (page->by_id, id) : NULL;
}

/* A shape's place on the page: its geometry plus that of every shape it is
 * inside (layers and the root add nothing). */
static void
compute_absolute (Page *page,
                  Cell *cell)
{
  Cell *up = lookup_cell (page, cell->parent);

  cell->absolute = cell->geometry;
  for (guint depth = 0; up != NULL && up->vertex && depth < WM_LIMIT_CONTAINMENT_DEPTH; depth++)
    {
      cell->absolute.x += up->geometry.x;
      cell->absolute.y += up->geometry.y;
      up = lookup_cell (page, up->parent);
    }
  wm_limits_clamp_rect (&cell->absolute);
}

/* The offset of the cell that holds an edge (its points are relative to it). */
static WmPoint
edge_origin (Page *page,
             Cell *edge)
{
  Cell *holder = lookup_cell (page, edge->parent);

  if (holder == NULL || !holder->vertex)
    return (WmPoint) { 0, 0 };
  return (WmPoint) { holder->absolute.x, holder->absolute.y };
}

/* Which notation a page is */
static gboolean
label_is_area (const WmBoardArea *area,
               const char        *label)
{
  g_autofree char *folded = g_utf8_casefold (label, -1);
  g_autofree char *english = g_utf8_casefold (area->label, -1);
  g_autofree char *translated = g_utf8_casefold (_(area->label), -1);

  return g_str_equal (folded, english) || g_str_equal (folded, translated);
}

/* The area of @board whose title is @label, or -1. */
static int
area_by_label (const WmBoard *board,
               const char    *label)
{
  for (guint a = 0; board != NULL && a < board->n_areas; a++)
    if (label_is_area (&board->areas[a], label))
      return (int) a;
  return -1;
}

static const WmNotation *
guess_notation (Page *page)
{
  const WmNotation *bmc = wm_notation_lookup ("business-model-canvas");
  guint lean = 0, uml = 0, blocks = 0;

  for (guint i = 0; i < page->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (page->cells, i);

      if (!cell->vertex)
        continue;
      if (cell->shape != NULL && g_str_has_prefix (cell->shape, "mxgraph.lean_mapping."))
        lean++;
      else if (cell->shape != NULL && (g_str_equal (cell->shape, "umlActor") ||
                                       g_str_equal (cell->shape, "ellipse")))
        uml++;
      if (bmc != NULL && area_by_label (bmc->board, cell->label) >= 0)
        blocks++;
    }
  if (lean > 0 && lean >= uml)
    return wm_notation_lookup ("value-stream-map");
  if (blocks >= 5 && bmc != NULL)
    return bmc;
  return wm_notation_lookup ("use-case");
}

static const WmNotation *
page_notation (Page    *page,
               xmlNode *diagram)
{
  g_autofree char *from_root = page->root != NULL ? cell_data (page->root, WM_DRAWIO_NOTATION)
                                                  : NULL;
  g_autofree char *from_page = get_attr (diagram, WM_DRAWIO_NOTATION);
  const WmNotation *notation = NULL;

  if (from_root != NULL)
    notation = wm_notation_lookup (from_root);
  if (notation == NULL && from_page != NULL)
    notation = wm_notation_lookup (from_page);
  return notation != NULL ? notation : guess_notation (page);
}

/* What each cell is */

/* The board area or journey cell a shape lies in, from the cell holding it. */
static gboolean
rect_holds_centre (const WmRect *outer,
                   const WmRect *inner)
{
  double x = inner->x + inner->width / 2, y = inner->y + inner->height / 2;

  return x >= outer->x && x < outer->x + outer->width &&
         y >= outer->y && y < outer->y + outer->height;
}

/* A board's area that a shape lies on without being inside it (a sticky
 * note dropped on a block that is no container), the last drawn first. */
static Cell *
area_under (Page *page,
            Cell *cell)
{
  for (guint i = page->areas->len; i > 0; i--)
    {
      Cell *area = g_ptr_array_index (page->areas, i - 1);

      if (area != cell && rect_holds_centre (&area->absolute, &cell->absolute))
        return area;
    }
  return NULL;
}

static void
find_holder (Page *page,
             Cell *cell)
{
  Cell *holder = lookup_cell (page, cell->parent);

  if ((holder == NULL || !holder->scaffold) && page->board != NULL &&
      !cell_has_data (cell, WM_DRAWIO_TYPE))
    holder = area_under (page, cell);
  if (holder == NULL || !holder->scaffold)
    return;
  cell->area = holder->area;
  if (holder->stage != NULL && holder->lane != NULL)
    {
      cell->stage = g_strdup (holder->stage);
      cell->lane = g_strdup (holder->lane);
    }
}

/* Board areas, journey cells and bands, and what Waymark drew only for the
 * reader, become no items. */
static void
mark_scaffold (Page *page,
               Cell *cell)
{
  g_autofree char *area = cell_data (cell, WM_DRAWIO_AREA);
  Cell *up = lookup_cell (page, cell->parent);

  if (cell == page->root || cell_has_data (cell, WM_DRAWIO_DECOR))
    {
      cell->scaffold = TRUE;
      return;
    }
  if (cell_has_data (cell, WM_DRAWIO_STAGE) || cell_has_data (cell, WM_DRAWIO_LANE))
    {
      cell->scaffold = TRUE;
      cell->stage = cell_data (cell, WM_DRAWIO_STAGE);
      cell->lane = cell_data (cell, WM_DRAWIO_LANE);
      return;
    }
  if (page->board == NULL || !cell->vertex || cell_has_data (cell, WM_DRAWIO_TYPE))
    return;
  if (area != NULL)
    cell->area = (int) wm_board_area_from_id (page->board, area);
  else if (up == NULL || !up->scaffold)
    /* A note inside a block that says "Channels" is a note. */
    cell->area = area_by_label (page->board, cell->label);
  if (cell->area >= (int) page->board->n_areas)
    cell->area = -1;
  cell->scaffold = cell->area >= 0;
  if (cell->scaffold && page->areas->len < WM_LIMIT_CONTAINMENT_DEPTH)
    g_ptr_array_add (page->areas, cell);
}

static const WmItemType *
type_by_shape (Page *page,
               Cell *cell)
{
  const WmDrawioStyle *table = _wm_drawio_styles ();
  const char *id = wm_notation_get_n_item_types (page->notation) > 0 ? page->notation->id : "";

  if (cell->shape == NULL)
    return NULL;
  for (const WmDrawioStyle *s = table; s->type != NULL; s++)
    if (s->shape != NULL && g_str_equal (s->shape, cell->shape) &&
        (s->notation == NULL || g_str_equal (s->notation, id)))
      {
        /* An outside source is the supplier on the left of a value stream
         * and the customer on the right, as value stream maps are drawn. */
        if (g_str_equal (s->type, "supplier") &&
            cell->absolute.x + cell->absolute.width / 2 > page->centre_x)
          return wm_notation_lookup_type (page->notation, "customer");
        if (s->notation == NULL && g_str_equal (s->type, WM_COMMON_IMAGE))
          {
            g_autofree char *image = _wm_drawio_style_get (cell->style, "image");

            if (image == NULL || !g_str_has_prefix (image, "data:image/"))
              return NULL;
          }
        return wm_notation_lookup_type (page->notation, s->type);
      }
  return NULL;
}

static const WmItemType *
vertex_type (Page *page,
             Cell *cell)
{
  g_autofree char *declared = cell_data (cell, WM_DRAWIO_TYPE);
  const WmItemType *type = NULL;

  if (declared != NULL)
    type = wm_notation_lookup_type (page->notation, declared);
  if (type != NULL && type->kind == WM_ITEM_NODE)
    return type;
  type = type_by_shape (page, cell);
  if (type != NULL && type->kind == WM_ITEM_NODE)
    return type;
  if (page->board != NULL && cell->area >= 0)
    return wm_board_note_type (page->board, page->diagram, (guint) cell->area);
  if (cell->stage != NULL && cell->lane != NULL)
    return wm_notation_lookup_type (page->notation,
                                    g_str_equal (cell->lane, WM_JOURNEY_KPI_LANE) ? "kpi"
                                                                                   : "card");
  if (g_str_equal (page->notation->id, "use-case") &&
      (style_flag (cell, "container") || g_strcmp0 (cell->shape, "swimlane") == 0))
    return wm_notation_lookup_type (page->notation, "subject");
  return NULL;
}

/* A shape inside another that is no container (the title of draw.io's
 * process box, the text on a truck) adds its label to that shape's text. */
static Cell *
owner_of (Page *page,
          Cell *cell)
{
  Cell *up = lookup_cell (page, cell->parent);

  if (up == NULL || !up->vertex || up->scaffold || up->type == NULL || up->type->container ||
      cell_has_data (cell, WM_DRAWIO_TYPE))
    return NULL;
  return up;
}

/* Making the items */
static void
warn_value (Page       *page,
            Cell       *cell,
            const char *name,
            GError     *error)
{
  wm_import_log_warn (page->import->log, cell_line (page, cell),
                      _("“%s” of a shape on page “%s” was skipped: %s"), name, page->name,
                      error != NULL ? error->message : "");
}

static void
defer_ref (Page       *page,
           const char *item,
           const char *name,
           const char *value,
           guint       line)
{
  Ref *ref = g_new0 (Ref, 1);

  ref->diagram = page->diagram;
  ref->item = g_strdup (item);
  ref->name = g_strdup (name);
  ref->value = g_strdup (value);
  ref->line = line;
  g_ptr_array_add (page->import->refs, ref);
}

/* Sets the properties the cell's data names; references wait for every
 * page to be read. */
static void
apply_data (Page         *page,
            Cell         *cell,
            const WmItem *item)
{
  xmlNode *node = cell->object != NULL ? cell->object : cell->cell;

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      const char *name = (const char *) attr->name;
      int index = wm_item_type_find_prop (item->type, name);
      g_autoptr(GError) error = NULL;
      g_autofree char *value = NULL;

      if (index < 0)
        continue;
      value = get_attr (node, name);
      if (item->type->props[index].type == WM_PROP_REFS)
        defer_ref (page, item->id, name, value, cell_line (page, cell));
      else if (!wm_diagram_set_property (page->diagram, item->id, name, value, &error))
        warn_value (page, cell, name, error);
    }
}

/* A style's colour or flag as a property, when the item has it and it says
 * something else than the item's value (a shape recoloured in draw.io). */
static void
apply_style_value (Page         *page,
                   Cell         *cell,
                   const WmItem *item,
                   const char   *key,
                   const char   *prop)
{
  g_autofree char *value = NULL;

  if (!wm_item_has_prop (item, prop))
    return;
  value = _wm_drawio_style_get (cell->style, key);
  if (value == NULL)
    return;
  if (g_str_equal (key, "rounded"))
    {
      gboolean rounded = g_str_equal (value, "1");

      if (wm_item_get_boolean (item, prop) != rounded)
        wm_diagram_set_property (page->diagram, item->id, prop, rounded ? "true" : "false",
                                 NULL);
      return;
    }
  if (wm_color_is_valid (value) && g_ascii_strcasecmp (wm_item_get_string (item, prop), value) != 0)
    wm_diagram_set_property (page->diagram, item->id, prop, value, NULL);
}

static void
apply_style (Page   *page,
             Cell   *cell,
             WmItem *item)
{
  g_autofree char *image = NULL;
  g_autofree char *font_size = NULL;
  double size;

  apply_style_value (page, cell, item, "fillColor", WM_FIELD_COLOR);
  apply_style_value (page, cell, item, "fillColor", WM_COMMON_FILL);
  apply_style_value (page, cell, item, "strokeColor", WM_COMMON_BORDER);
  apply_style_value (page, cell, item, "fontColor", WM_COMMON_TEXT_COLOR);
  apply_style_value (page, cell, item, "rounded", WM_COMMON_ROUNDED);
  font_size = _wm_drawio_style_get (cell->style, "fontSize");
  if (font_size != NULL && wm_item_has_prop (item, WM_COMMON_FONT_SIZE) &&
      wm_parse_number (font_size, &size) && size != wm_item_get_number (item, WM_COMMON_FONT_SIZE))
    wm_diagram_set_property (page->diagram, item->id, WM_COMMON_FONT_SIZE, font_size, NULL);
  image = _wm_drawio_style_get (cell->style, "image");
  if (image != NULL && wm_item_has_prop (item, WM_COMMON_DATA) &&
      !cell_has_data (cell, WM_COMMON_DATA))
    {
      const char *comma = strchr (image, ',');
      g_autoptr(GError) error = NULL;

      if (comma != NULL &&
          !wm_diagram_set_property (page->diagram, item->id, WM_COMMON_DATA, comma + 1, &error))
        warn_value (page, cell, WM_COMMON_DATA, error);
    }
}

/* A text no longer than the model takes, and a warning when it was longer. */
static char *
fit_text (Page       *page,
          Cell       *cell,
          const char *text)
{
  if (wm_limits_text_length (text) <= WM_LIMIT_TEXT_CHARS)
    return g_strdup (text);
  wm_import_log_warn (page->import->log, cell_line (page, cell),
                      ngettext ("A label on page “%s” was cut to %d character",
                                "A label on page “%s” was cut to %d characters",
                                WM_LIMIT_TEXT_CHARS), page->name, WM_LIMIT_TEXT_CHARS);
  return g_utf8_substring (text, 0, WM_LIMIT_TEXT_CHARS);
}

static void
make_node (Page *page,
           Cell *cell)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = fit_text (page, cell, cell->label);
  const WmItemType *type = cell->type;
  WmRect bounds = cell->absolute;
  WmItem *item;

  if (bounds.width <= 0 || bounds.height <= 0)
    {
      bounds.width = type->width;
      bounds.height = type->height;
    }
  item = wm_diagram_add_node (page->diagram, type->id, &bounds, text, &error);
  if (item == NULL)
    {
      warn_value (page, cell, type->id, error);
      return;
    }
  cell->item = g_strdup (item->id);
  apply_data (page, cell, item);
  apply_style (page, cell, item);
  if (page->board != NULL && cell->area >= 0 && !cell_has_data (cell, page->board->area_prop
                                                                      ? page->board->area_prop
                                                                      : WM_DRAWIO_AREA))
    wm_board_file_note (page->board, page->diagram, item->id, (guint) cell->area);
  if (cell->stage != NULL && wm_item_has_prop (item, WM_JOURNEY_STAGE) &&
      !cell_has_data (cell, WM_JOURNEY_STAGE))
    wm_diagram_set_property (page->diagram, item->id, WM_JOURNEY_STAGE, cell->stage, NULL);
  if (cell->lane != NULL && wm_item_has_prop (item, WM_JOURNEY_LANE) &&
      !cell_has_data (cell, WM_JOURNEY_LANE))
    wm_diagram_set_property (page->diagram, item->id, WM_JOURNEY_LANE, cell->lane, NULL);
}

static void
type_vertices (Page *page)
{
  double left = G_MAXDOUBLE, right = -G_MAXDOUBLE;

  for (guint i = 0; i < page->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (page->cells, i);

      compute_absolute (page, cell);
      if (cell->vertex)
        {
          left = MIN (left, cell->absolute.x);
          right = MAX (right, cell->absolute.x + cell->absolute.width);
        }
    }
  page->centre_x = left <= right ? (left + right) / 2 : 0;
  for (guint i = 0; i < page->cells->len; i++)
    mark_scaffold (page, g_ptr_array_index (page->cells, i));
  for (guint i = 0; i < page->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (page->cells, i);

      if (!cell->vertex || cell->scaffold)
        continue;
      find_holder (page, cell);
      cell->type = vertex_type (page, cell);
    }
}

static const WmItemType *
common_type (Page *page,
             Cell *cell)
{
  const char *id = g_strcmp0 (cell->shape, "text") == 0 ? WM_COMMON_TEXT : WM_COMMON_BOX;

  return wm_notation_lookup_type (page->notation, id);
}

/* Joins the labels of shapes inside non-containers to their owner's text,
 * in the order they come, the owner's own label last (draw.io puts a
 * shape's title in a child above its body). */
static void
merge_children (Page *page)
{
  for (guint i = 0; i < page->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (page->cells, i);
      Cell *owner;

      if (!cell->vertex || cell->scaffold || (owner = owner_of (page, cell)) == NULL)
        continue;
      if (cell->label[0] != '\0')
        {
          char *joined = owner->label[0] != '\0'
                         ? g_strconcat (cell->label, "\n", owner->label, NULL)
                         : g_strdup (cell->label);

          g_free (owner->label);
          owner->label = joined;
        }
      cell->scaffold = TRUE;
      cell->type = NULL;
      g_free (cell->parent);
      cell->parent = g_strdup (owner->id);
      page->n_merged++;
    }
}

static void
make_nodes (Page *page)
{
  for (guint i = 0; i < page->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (page->cells, i);
      Cell *up = lookup_cell (page, cell->parent);

      /* An edge's labels are its text, see apply_edge_label(). */
      if (!cell->vertex || cell->scaffold || (up != NULL && up->edge))
        continue;
      if (cell->type == NULL)
        {
          cell->type = common_type (page, cell);
          cell->guessed = TRUE;
          page->n_guessed++;
        }
      make_node (page, cell);
    }
}

/* Puts nodes into the containers that hold them in the file: containers
 * first, then the rest. The model checks each container against every node
 * it holds, so while only containers have parents that check stays cheap,
 * and a file of thousands of nested containers keeps the nesting of the
 * first NESTED_CONTAINERS only. */
#define NESTED_CONTAINERS 256

static void
set_parents (Page *page)
{
  guint n_nested = 0, n_refused = 0;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < page->cells->len; i++)
      {
        Cell *cell = g_ptr_array_index (page->cells, i);
        Cell *up = lookup_cell (page, cell->parent);

        if (cell->item == NULL || !cell->vertex || up == NULL || up->item == NULL ||
            up->type == NULL || !up->type->container || (pass == 0) != cell->type->container)
          continue;
        if ((cell->type->container && ++n_nested > NESTED_CONTAINERS) ||
            !wm_diagram_set_parent (page->diagram, cell->item, up->item, NULL))
          n_refused++;
      }
  if (n_refused > 0)
    wm_import_log_warn (page->import->log, page->line,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u shape on page “%s” was left out of the container "
                                     "holding it: containers nest too deeply or too many "
                                     "containers are nested there",
                                     "%u shapes on page “%s” were left out of the containers "
                                     "holding them: containers nest too deeply or too many "
                                     "containers are nested there", n_refused),
                        n_refused, page->name);
}

/* The item an edge's end is attached to: a node's, or the owner's of a
 * label merged into it. */
static const char *
end_item (Page       *page,
          const char *id)
{
  Cell *cell = lookup_cell (page, id);

  for (guint depth = 0; cell != NULL && cell->item == NULL && depth < WM_LIMIT_CONTAINMENT_DEPTH;
       depth++)
    cell = cell->scaffold && cell->vertex ? lookup_cell (page, cell->parent) : NULL;
  return cell != NULL ? cell->item : NULL;
}

static gboolean
is_stereotype (const char *label,
               const char *name)
{
  g_autofree char *folded = g_utf8_casefold (label, -1);
  g_autofree char *guillemets = g_strdup_printf ("«%s»", name);
  g_autofree char *angles = g_strdup_printf ("<<%s>>", name);

  g_strstrip (folded);
  return g_str_equal (folded, guillemets) || g_str_equal (folded, angles);
}

/* Whether @type (a file may name any type, or a node's shape may sit on
 * an edge) is a link type the notation allows from @source to @target. */
static gboolean
link_type_fits (Page             *page,
                const WmItemType *type,
                const WmItem     *source,
                const WmItem     *target)
{
  return type != NULL && type->kind == WM_ITEM_LINK &&
         wm_notation_link_allowed (page->notation, type, source->type, target->type);
}

/* The link type an edge of another tool is: from its label («include»), its
 * shape or arrow, else the first type the notation allows between its ends. */
static const WmItemType *
guess_link_type (Page         *page,
                 Cell         *cell,
                 const WmItem *source,
                 const WmItem *target)
{
  const WmDrawioStyle *table = _wm_drawio_styles ();
  g_autofree char *end_arrow = _wm_drawio_style_get (cell->style, "endArrow");
  g_autofree char *end_fill = _wm_drawio_style_get (cell->style, "endFill");
  const char *wanted = NULL;
  g_autoptr(GPtrArray) allowed = NULL;

  if (is_stereotype (cell->label, "include"))
    wanted = "include";
  else if (is_stereotype (cell->label, "extend"))
    wanted = "extend";
  else if (g_strcmp0 (end_arrow, "block") == 0 && g_strcmp0 (end_fill, "0") == 0)
    wanted = "generalization";
  for (const WmDrawioStyle *s = table; wanted == NULL && s->type != NULL; s++)
    if (s->shape != NULL && cell->shape != NULL && g_str_equal (s->shape, cell->shape) &&
        g_strcmp0 (s->notation, page->notation->id) == 0)
      wanted = s->type;
  if (wanted != NULL)
    {
      const WmItemType *type = wm_notation_lookup_type (page->notation, wanted);

      if (link_type_fits (page, type, source, target))
        return type;
    }
  allowed = wm_notation_allowed_links (page->notation, source->type, target->type);
  return allowed->len > 0 ? g_ptr_array_index (allowed, 0) : NULL;
}

/* The text of a link: its label, less the stereotype its type prints anyway. */
static char *
link_text (Page             *page,
           Cell             *cell,
           const WmItemType *type)
{
  if (is_stereotype (cell->label, type->id))
    return g_strdup ("");
  return fit_text (page, cell, cell->label);
}

static void
set_points (Page   *page,
            Cell   *cell,
            WmItem *link)
{
  WmPoint origin = edge_origin (page, cell);
  g_autofree WmPoint *points = NULL;

  if (cell->points->len == 0)
    return;
  points = g_new (WmPoint, cell->points->len);
  for (guint i = 0; i < cell->points->len; i++)
    {
      WmPoint p = g_array_index (cell->points, WmPoint, i);

      points[i].x = wm_limits_clamp_coordinate (p.x + origin.x);
      points[i].y = wm_limits_clamp_coordinate (p.y + origin.y);
    }
  wm_diagram_set_points (page->diagram, link->id, points, cell->points->len);
}

static void
make_link (Page *page,
           Cell *cell)
{
  const char *source_id = end_item (page, cell->source);
  const char *target_id = end_item (page, cell->target);
  WmItem *source, *target, *link;
  g_autofree char *declared = cell_data (cell, WM_DRAWIO_TYPE);
  const WmItemType *type = NULL;
  g_autofree char *text = NULL;

  if (source_id == NULL || target_id == NULL)
    {
      page->n_lost_edges++;
      return;
    }
  source = wm_diagram_lookup (page->diagram, source_id);
  target = wm_diagram_lookup (page->diagram, target_id);
  if (declared != NULL)
    type = wm_notation_lookup_type (page->notation, declared);
  if (!link_type_fits (page, type, source, target))
    type = guess_link_type (page, cell, source, target);
  if (type == NULL)
    {
      page->n_lost_edges++;
      return;
    }
  link = wm_diagram_add_link (page->diagram, type->id, source_id, target_id, NULL);
  if (link == NULL)
    {
      page->n_lost_edges++;
      return;
    }
  cell->item = g_strdup (link->id);
  text = link_text (page, cell, type);
  wm_diagram_set_text (page->diagram, link->id, text);
  apply_data (page, cell, link);
  set_points (page, cell, link);
}

/* An edge's own labels (children of the edge): at its ends, an
 * association's multiplicities; elsewhere, more of its text. */
static void
apply_edge_label (Page *page,
                  Cell *label)
{
  Cell *edge = lookup_cell (page, label->parent);
  WmItem *link;
  const char *prop;

  if (edge == NULL || !edge->edge || edge->item == NULL || label->label[0] == '\0')
    return;
  link = wm_diagram_lookup (page->diagram, edge->item);
  if (link == NULL)
    return;
  prop = label->geometry.x < -0.5 ? WM_UC_SOURCE_MULTIPLICITY
         : label->geometry.x > 0.5 ? WM_UC_TARGET_MULTIPLICITY : NULL;
  if (prop != NULL && wm_item_has_prop (link, prop))
    {
      if (!cell_has_data (edge, prop))
        wm_diagram_set_property (page->diagram, link->id, prop, label->label, NULL);
      return;
    }
  if (link->text[0] == '\0')
    wm_diagram_set_text (page->diagram, link->id, label->label);
  else
    {
      g_autofree char *joined = g_strconcat (link->text, "\n", label->label, NULL);

      wm_diagram_set_text (page->diagram, link->id, joined);
    }
}

static void
make_links (Page *page)
{
  for (guint i = 0; i < page->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (page->cells, i);

      if (cell->edge && !cell_has_data (cell, WM_DRAWIO_DECOR))
        make_link (page, cell);
    }
  for (guint i = 0; i < page->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (page->cells, i);
      Cell *up = lookup_cell (page, cell->parent);

      if (cell->vertex && up != NULL && up->edge)
        apply_edge_label (page, cell);
    }
}

/* The diagram's fields and lists, from the page's root cell. */
static void
set_list (Page       *page,
          const char *name,
          const char *lines)
{
  GPtrArray *entries = wm_diagram_get_list (page->diagram, name);
  g_auto(GStrv) rows = g_strsplit (lines, "\n", -1);
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_free);
  guint position = 0;

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    g_ptr_array_add (old, g_strdup (((WmListEntry *) g_ptr_array_index (entries, i))->id));
  for (guint i = 0; i < old->len; i++)
    wm_diagram_list_remove (page->diagram, name, g_ptr_array_index (old, i));
  for (guint i = 0; rows[i] != NULL; i++)
    {
      char *tab = strchr (rows[i], '\t');

      if (tab == NULL || tab == rows[i])
        continue;
      *tab = '\0';
      if (wm_diagram_list_insert (page->diagram, name, position, rows[i], tab + 1, NULL))
        position++;
    }
}

static void
apply_diagram_data (Page *page)
{
  const WmNotation *notation = page->notation;

  if (page->root == NULL)
    return;
  for (guint i = 0; i < notation->n_lists; i++)
    {
      g_autofree char *name = g_strconcat (WM_DRAWIO_LIST, notation->lists[i].name, NULL);
      g_autofree char *lines = cell_data (page->root, name);

      if (lines != NULL)
        set_list (page, notation->lists[i].name, lines);
    }
  for (guint i = 0; i < notation->n_props; i++)
    {
      const WmPropSpec *spec = &notation->props[i];
      g_autofree char *value = cell_data (page->root, spec->name);
      g_autoptr(GError) error = NULL;

      if (value == NULL)
        continue;
      if (spec->type == WM_PROP_REFS)
        defer_ref (page, NULL, spec->name, value, page->line);
      else if (!wm_diagram_set_field (page->diagram, spec->name, value, &error))
        warn_value (page, page->root, spec->name, error);
    }
}

static void
report_page (Page *page)
{
  WmImportLog *log = page->import->log;

  if (page->n_guessed > 0)
    wm_import_log_warn (log, page->line,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u shape on page “%s” has no Waymark type and became a "
                                     "text or a box",
                                     "%u shapes on page “%s” have no Waymark type and became "
                                     "texts or boxes", page->n_guessed),
                        page->n_guessed, page->name);
  if (page->n_merged > 0)
    wm_import_log_warn (log, page->line,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u label inside a shape on page “%s” was added to the "
                                     "shape’s text",
                                     "%u labels inside shapes on page “%s” were added to their "
                                     "shapes’ text", page->n_merged),
                        page->n_merged, page->name);
  if (page->n_bad_cells > 0)
    wm_import_log_warn (log, page->line,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u cell on page “%s” was skipped: it has no id, or one "
                                     "that an earlier cell has",
                                     "%u cells on page “%s” were skipped: they have no id, or "
                                     "one that an earlier cell has", page->n_bad_cells),
                        page->n_bad_cells, page->name);
  if (page->n_lost_edges > 0)
    wm_import_log_warn (log, page->line,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u connector on page “%s” was skipped: it does not join "
                                     "two shapes that may be linked there",
                                     "%u connectors on page “%s” were skipped: they do not join "
                                     "two shapes that may be linked there",
                                     page->n_lost_edges),
                        page->n_lost_edges, page->name);
}

static void
page_clear (Page *page)
{
  g_clear_pointer (&page->cells, g_ptr_array_unref);
  g_clear_pointer (&page->by_id, g_hash_table_unref);
  g_clear_pointer (&page->areas, g_ptr_array_unref);
}

static void
remember_ids (Page *page)
{
  for (guint i = 0; i < page->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (page->cells, i);

      if (cell->item != NULL && !g_hash_table_contains (page->import->ids, cell->id))
        g_hash_table_insert (page->import->ids, g_strdup (cell->id), g_strdup (cell->item));
    }
}

/* Reads one page's model into a new diagram. */
static gboolean
import_model (Import     *import,
              xmlNode    *diagram_node,
              xmlNode    *model,
              const char *name,
              gboolean    plain,
              GError    **error)
{
  Page page = {
    .import = import,
    .name = name,
    .plain = plain,
    .line = diagram_node != NULL ? (guint) MAX (xmlGetLineNo (diagram_node), 0) : 0,
    .cells = g_ptr_array_new_with_free_func (cell_free),
    .by_id = g_hash_table_new (g_str_hash, g_str_equal),
    .areas = g_ptr_array_new (),
  };

  if (!read_cells (&page, model, error))
    {
      page_clear (&page);
      return FALSE;
    }
  page.notation = page_notation (&page, diagram_node);
  page.diagram = wm_project_add_diagram (import->project, page.notation->id, name, error);
  if (page.diagram == NULL)
    {
      page_clear (&page);
      return FALSE;
    }
  page.board = wm_board_get (page.diagram);
  apply_diagram_data (&page);
  type_vertices (&page);
  merge_children (&page);
  make_nodes (&page);
  set_parents (&page);
  make_links (&page);
  remember_ids (&page);
  report_page (&page);
  page_clear (&page);
  return TRUE;
}

/* Parsing, plain and compressed */
static gboolean
has_doctype (const char *data,
             gsize       size)
{
  static const char marker[] = "<!DOCTYPE";

  return size >= sizeof marker - 1 && memmem (data, size, marker, sizeof marker - 1) != NULL;
}

/* The first error libxml2 reports says what is wrong; later ones are its
 * consequences ("Extra content at the end" after a value too long). */
typedef struct
{
  char *message;
  int   line;
} FirstError;

static void
keep_first_error (void     *data,
                  xmlError *error)
{
  xmlParserCtxtPtr context = data;
  FirstError *first = context->_private;

  if (first->message != NULL || error->level < XML_ERR_ERROR || error->message == NULL)
    return;
  first->message = g_strdup (error->message);
  first->line = error->line;
}

static xmlDoc *
read_with_context (const char  *data,
                   gsize        size,
                   const char  *filename,
                   GError     **error)
{
  xmlParserCtxtPtr context = xmlNewParserCtxt ();
  FirstError first = { NULL, 0 };
  xmlDoc *doc;

  if (context == NULL)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_FAILED, _("%s: out of memory"), filename);
      return NULL;
    }
  context->_private = &first;
  context->sax->serror = keep_first_error;
  doc = xmlCtxtReadMemory (context, data, (int) size, filename, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || !context->wellFormed)
    {
      g_autofree char *message = g_strdup (first.message != NULL ? first.message
                                           : context->lastError.message != NULL
                                           ? context->lastError.message : _("unknown error"));

      /* libxml2's message may add lines (the bytes at fault); the first says it. */
      message[strcspn (message, "\n")] = '\0';
      g_strstrip (message);
      g_set_error (error, WM_ERROR, WM_ERROR_MALFORMED,
                   _("%s:%d: not a well-formed draw.io file: %s"), filename,
                   first.message != NULL ? first.line : context->lastError.line, message);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  g_free (first.message);
  xmlFreeParserCtxt (context);
  return doc;
}

static xmlDoc *
parse_xml (const char  *data,
           gsize        size,
           const char  *filename,
           GError     **error)
{
  if (size > G_MAXINT)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID, _("%s: the file is too large"), filename);
      return NULL;
    }
  if (has_doctype (data, size))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID,
                   _("%s: draw.io files have no DOCTYPE; this one declares one and is refused"),
                   filename);
      return NULL;
    }
  return read_with_context (data, size, filename, error);
}

/* Inflates raw deflate data, refusing to grow past @limit bytes. */
static GByteArray *
inflate_raw (const guchar  *data,
             gsize          size,
             gsize          limit,
             const char    *where,
             GError       **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  z_stream stream = { 0 };
  guchar chunk[65536];
  int status = Z_OK;

  if (inflateInit2 (&stream, -MAX_WBITS) != Z_OK)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_FAILED, _("%s: cannot inflate the page"), where);
      return NULL;
    }
  stream.next_in = (Bytef *) data;
  stream.avail_in = (uInt) MIN (size, G_MAXUINT);
  while (status == Z_OK)
    {
      stream.next_out = chunk;
      stream.avail_out = sizeof chunk;
      status = inflate (&stream, Z_NO_FLUSH);
      g_byte_array_append (out, chunk, sizeof chunk - stream.avail_out);
      if (out->len > limit)
        {
          inflateEnd (&stream);
          g_set_error (error, WM_ERROR, WM_ERROR_INVALID,
                       _("%s: the compressed page expands to more than %zu MB and is refused"),
                       where, limit / (1024 * 1024));
          return NULL;
        }
      if (status == Z_BUF_ERROR && stream.avail_in == 0)
        break;
    }
  inflateEnd (&stream);
  if (status != Z_STREAM_END)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_MALFORMED,
                   status == Z_BUF_ERROR
                   ? _("%s: the compressed page is truncated")
                   : _("%s: the compressed page is not valid deflate data"), where);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static gboolean
is_base64 (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=' && !g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* The XML of a compressed page: base64, then raw deflate, then URL encoding. */
static char *
decompress_page (Import      *import,
                 const char  *text,
                 const char  *where,
                 gsize       *length,
                 GError     **error)
{
  g_autofree guchar *bytes = NULL;
  g_autoptr(GByteArray) inflated = NULL;
  gsize size = 0, budget;
  char *xml;

  if (!is_base64 (text))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_MALFORMED,
                   _("%s: the page holds neither a diagram nor compressed data"), where);
      return NULL;
    }
  bytes = g_base64_decode (text, &size);
  budget = 4 * (gsize) WM_DRAWIO_LIMIT_DECOMPRESSED_BYTES - import->inflated;
  inflated = inflate_raw (bytes, size, MIN (budget, WM_DRAWIO_LIMIT_DECOMPRESSED_BYTES), where,
                          error);
  if (inflated == NULL)
    return NULL;
  import->inflated += inflated->len;
  xml = g_uri_unescape_segment ((const char *) inflated->data,
                                (const char *) inflated->data + inflated->len, NULL);
  if (xml == NULL || !g_utf8_validate (xml, -1, NULL))
    {
      g_free (xml);
      g_set_error (error, WM_ERROR, WM_ERROR_MALFORMED,
                   _("%s: the compressed page is not URL-encoded UTF-8 text"), where);
      return NULL;
    }
  *length = strlen (xml);
  return xml;
}

static xmlNode *
first_element (xmlNode    *parent,
               const char *name)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    if (is_element (node, name))
      return node;
  return NULL;
}

static gboolean
import_page (Import   *import,
             xmlNode  *diagram,
             guint     number,
             GError  **error)
{
  g_autofree char *name = get_attr (diagram, "name");
  xmlNode *model = first_element (diagram, "mxGraphModel");
  g_autofree char *where = g_strdup_printf ("%s:%ld", import->filename, xmlGetLineNo (diagram));
  g_autofree char *content = NULL, *xml = NULL;
  xmlDoc *doc;
  gsize length = 0;
  gboolean ok;

  if (name == NULL || wm_str_is_blank (name))
    {
      g_free (name);
      name = g_strdup_printf (_("Page %u"), number);
    }
  if (model != NULL)
    return import_model (import, diagram, model, name, TRUE, error);

  content = (char *) xmlNodeGetContent (diagram);
  if (content == NULL || wm_str_is_blank (content))
    {
      wm_import_log_warn (import->log, (guint) MAX (xmlGetLineNo (diagram), 0),
                          _("Page “%s” is empty and was skipped"), name);
      return TRUE;
    }
  xml = decompress_page (import, g_strstrip (content), where, &length, error);
  if (xml == NULL)
    return FALSE;
  doc = parse_xml (xml, length, where, error);
  if (doc == NULL)
    return FALSE;
  if (!is_element (xmlDocGetRootElement (doc), "mxGraphModel"))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_NOT_A_PROJECT,
                   _("%s: the compressed page holds no <mxGraphModel>"), where);
      xmlFreeDoc (doc);
      return FALSE;
    }
  ok = import_model (import, diagram, xmlDocGetRootElement (doc), name, FALSE, error);
  xmlFreeDoc (doc);
  return ok;
}

/* References to items, by the ids of the file, to the items made for them. */
static void
resolve_refs (Import *import)
{
  guint n_lost = 0;

  for (guint i = 0; i < import->refs->len; i++)
    {
      Ref *ref = g_ptr_array_index (import->refs, i);
      g_auto(GStrv) ids = g_strsplit_set (ref->value, " \t\n", -1);
      g_autoptr(GString) mapped = g_string_new (NULL);

      for (guint k = 0; ids[k] != NULL; k++)
        {
          const char *item = g_hash_table_lookup (import->ids, ids[k]);

          if (ids[k][0] == '\0')
            continue;
          if (item == NULL)
            {
              n_lost++;
              continue;
            }
          g_string_append_printf (mapped, "%s%s", mapped->len > 0 ? " " : "", item);
        }
      if (mapped->len == 0)
        continue;
      if (ref->item != NULL)
        wm_diagram_set_property (ref->diagram, ref->item, ref->name, mapped->str, NULL);
      else
        wm_diagram_set_field (ref->diagram, ref->name, mapped->str, NULL);
    }
  if (n_lost > 0)
    wm_import_log_warn (import->log, 0,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u reference to a shape that is not in the file was "
                                     "dropped",
                                     "%u references to shapes that are not in the file were "
                                     "dropped", n_lost), n_lost);
}

static gboolean
import_pages (Import   *import,
              xmlNode  *root,
              GError  **error)
{
  g_autoptr(GError) first_error = NULL;
  guint number = 0;

  if (is_element (root, "mxGraphModel"))
    {
      g_autofree char *base = g_path_get_basename (import->filename);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      return import_model (import, NULL, root, base, TRUE, error);
    }
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autoptr(GError) page_error = NULL;

      if (!is_element (node, "diagram"))
        continue;
      if (++number > WM_DRAWIO_LIMIT_PAGES)
        {
          wm_import_log_warn (import->log, (guint) MAX (xmlGetLineNo (node), 0),
                              ngettext ("Only the first %d page was read",
                                        "Only the first %d pages were read",
                                        WM_DRAWIO_LIMIT_PAGES), WM_DRAWIO_LIMIT_PAGES);
          break;
        }
      if (!import_page (import, node, number, &page_error))
        {
          /* A page that cannot be read is skipped; the file fails only when
           * no page could be. */
          wm_import_log_warn (import->log, (guint) MAX (xmlGetLineNo (node), 0), "%s",
                              page_error->message);
          if (first_error == NULL)
            first_error = g_steal_pointer (&page_error);
          if (import->n_cells > WM_DRAWIO_LIMIT_CELLS)
            break;
        }
    }
  if (wm_project_get_n_diagrams (import->project) > 0)
    return TRUE;
  if (first_error != NULL)
    g_propagate_error (error, g_steal_pointer (&first_error));
  else
    g_set_error (error, WM_ERROR, WM_ERROR_NOT_FOUND, _("%s: the file has no pages"),
                 import->filename);
  return FALSE;
}

WmProject *
wm_import_drawio (const char   *data,
                  gsize         size,
                  const char   *filename,
                  WmImportLog  *log,
                  GError      **error)
{
  g_autoptr(WmProject) project = NULL;
  g_autofree char *base = NULL;
  xmlDoc *doc;
  xmlNode *root;
  Import import = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (log != NULL, NULL);

  if (filename == NULL)
    filename = "drawio";
  if (size > WM_LIMIT_FILE_BYTES)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID, _("%s: the file is larger than %d MB"),
                   filename, WM_LIMIT_FILE_BYTES / (1024 * 1024));
      return NULL;
    }
  doc = parse_xml (data != NULL ? data : "", size, filename, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (!is_element (root, "mxfile") && !is_element (root, "mxGraphModel"))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_NOT_A_PROJECT,
                   _("%s: not a draw.io file (it holds no <mxfile> or <mxGraphModel>)"),
                   filename);
      xmlFreeDoc (doc);
      return NULL;
    }

  project = wm_project_new ();
  base = g_path_get_basename (filename);
  wm_project_set_title (project, base);
  import = (Import) {
    .filename = filename,
    .log = log,
    .project = project,
    .ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .refs = g_ptr_array_new_with_free_func (ref_free),
  };
  /* Translators: an undo label, the verb (or the noun, as undo labels are in your language) */
  wm_project_begin_group (project, _("Import"));
  ok = import_pages (&import, root, error);
  if (ok)
    resolve_refs (&import);
  wm_project_end_group (project);
  wm_project_clear_history (project);
  g_hash_table_unref (import.ids);
  g_ptr_array_unref (import.refs);
  xmlFreeDoc (doc);
  return ok ? g_steal_pointer (&project) : NULL;
}
