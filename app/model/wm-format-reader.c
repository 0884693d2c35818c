/* wm-format-reader.c — reading .waymark files safely
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files are untrusted. They are read as a stream with libxml2's text reader,
 * validated against the RELAX NG schema as they stream, and turned into
 * model objects element by element, so that memory stays proportional to the
 * model rather than to a DOM. Only XML_PARSE_NONET is given: entities are
 * never substituted, no DTD is loaded, and libxml2's size limits stay on.
 * Before libxml2 sees a byte, _wm_format_scan() refuses a file that is too
 * large, not UTF-8, declares a DOCTYPE (which shuts out entity expansion
 * bombs and external entities alike) or has too many elements or attributes;
 * the reader then holds every value to the limits of wm-limits.h, the same
 * ones the model's edits keep, so that every file Waymark writes reads back.
 */
#define G_LOG_DOMAIN "wm-format-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

#include "wm-diagram-private.h"
#include "wm-error.h"
#include "wm-format.h"
#include "wm-format-private.h"
#include "wm-item-private.h"
#include "wm-limits.h"
#include "wm-merge.h"
#include "wm-model-resources.h"
#include "wm-project-private.h"

#define SCHEMA_PATH "/io/github/waymark/Waymark/model/waymark.rng"

#if LIBXML_VERSION >= 21200
typedef const xmlError *WmXmlErrorPtr;
#else
typedef xmlErrorPtr WmXmlErrorPtr;
#endif

typedef enum
{
  COLLECT_NONE,
  COLLECT_META,        /* title, author, description */
  COLLECT_VALUE,       /* <text name="…"> or the item's own <text> */
  COLLECT_ENTRY,       /* <entry> of <entries> */
  COLLECT_LIST_ENTRY,  /* <entry id="…"> of <list> */
  COLLECT_CONFLICT,    /* <ours> or <theirs> of a <conflict> */
} Collect;

typedef struct
{
  WmItem    *item;
  WmDiagram *diagram;
  int        line;
} Pending;

typedef struct
{
  const char       *name;
  xmlTextReaderPtr  reader;
  GError           *error;
  WmProject        *project;
  GPtrArray        *diagrams;    /* loaded diagrams, attached at the end */
  WmDiagram        *diagram;     /* the open <diagram> */
  WmItem           *item;        /* the open <node> or <link> */
  GHashTable       *ids;         /* every id seen, diagrams and items */
  GArray           *pending;     /* links and contained nodes, checked at the end */

  Collect           collect;
  GString          *text;
  char             *value_name;  /* name="…" of <text>, <entries> or <list>, or the meta tag */
  char             *entry_id;
  GPtrArray        *entries;     /* the strings of an open <entries> */
  GPtrArray        *list;        /* the open <list> */
  GHashTable       *lists_read;  /* lists already read, so none is given twice */
  int               element_line; /* line of the element whose attributes are being read */
  WmConflict       *conflict;    /* the open <conflict> */
} Loader;

/* Errors */

static int
current_line (Loader *loader)
{
  xmlNodePtr node;
  int line = -1;

  /* On an attribute or namespace declaration the current node is not an
   * element (a namespace has no line at all): use its element's line. */
  if (xmlTextReaderNodeType (loader->reader) == XML_READER_TYPE_ATTRIBUTE)
    return loader->element_line;
  node = xmlTextReaderCurrentNode (loader->reader);
  if (node != NULL && node->type == XML_ELEMENT_NODE)
    line = xmlGetLineNo (node);
  return line > 0 ? line : xmlTextReaderGetParserLineNumber (loader->reader);
}

static void
fail_at (Loader     *loader,
         int         line,
         WmError     code,
         const char *message)
{
  if (loader->error != NULL)
    return;
  g_set_error (&loader->error, WM_ERROR, code, "%s:%d: %s", loader->name, MAX (line, 1), message);
}

static void fail (Loader *loader, WmError code, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
fail (Loader     *loader,
      WmError     code,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fail_at (loader, current_line (loader), code, message);
}

static void
fail_with (Loader *loader,
           GError *error)
{
  fail (loader, error->code, "%s", error->message);
  g_error_free (error);
}

/* Refuses a value longer than any text the model holds. */
static gboolean
check_text (Loader     *loader,
            const char *text)
{
  if (text == NULL || wm_limits_check_text (text, NULL))
    return TRUE;
  fail (loader, WM_ERROR_INVALID,
        ngettext ("the text is longer than %d character, the most a Waymark text can hold",
                  "the text is longer than %d characters, the most a Waymark text can hold",
                  WM_LIMIT_TEXT_CHARS), WM_LIMIT_TEXT_CHARS);
  return FALSE;
}

static void
on_xml_error (void         *user_data,
              WmXmlErrorPtr xml_error)
{
  Loader *loader = user_data;
  g_autofree char *message = g_strstrip (g_strdup (xml_error->message ? xml_error->message : "?"));
  g_autofree char *text = NULL;
  gboolean validity = xml_error->domain == XML_FROM_RELAXNGV;
  int line = xml_error->line > 0 ? xml_error->line
                                 : xmlTextReaderGetParserLineNumber (loader->reader);

  if (xml_error->level < XML_ERR_ERROR)
    return;
  g_strdelimit (message, "\r\n", ' ');
  text = validity ? g_strdup_printf (_("the file does not follow the Waymark format: %s"), message)
                  : g_strdup_printf (_("the file is not well-formed XML: %s"), message);
  fail_at (loader, line, validity ? WM_ERROR_INVALID : WM_ERROR_MALFORMED, text);
}

/* The schema, compiled once */

static xmlRelaxNGPtr
get_schema (void)
{
  static gsize once;
  static xmlRelaxNGPtr schema;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GBytes) bytes = g_resource_lookup_data (_wm_model_get_resource (), SCHEMA_PATH,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      xmlRelaxNGParserCtxtPtr ctxt;

      g_assert (bytes != NULL);
      ctxt = xmlRelaxNGNewMemParserCtxt (g_bytes_get_data (bytes, NULL),
                                         (int) g_bytes_get_size (bytes));
      schema = xmlRelaxNGParse (ctxt);
      xmlRelaxNGFreeParserCtxt (ctxt);
      g_assert (schema != NULL);
      g_once_init_leave (&once, 1);
    }
  return schema;
}

/* Attributes */

static gboolean
attr_is (const xmlChar *name,
         const char    *expected)
{
  return g_str_equal ((const char *) name, expected);
}

static char *
get_attr (Loader     *loader,
          const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (loader->reader, (const xmlChar *) name);
  char *copy = check_text (loader, (const char *) value) ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static char *
require_attr (Loader     *loader,
              const char *element,
              const char *name)
{
  char *value = get_attr (loader, name);

  if (value == NULL)
    fail (loader, WM_ERROR_INVALID, _("<%s> has no “%s” attribute"), element, name);
  return value;
}

static gboolean
id_is_valid (const char *id)
{
  if (*id == '\0')
    return FALSE;
  for (; *id != '\0'; id++)
    if (!g_ascii_isalnum (*id) && *id != '-' && *id != '_' && *id != '.')
      return FALSE;
  return TRUE;
}

static gboolean
claim_id (Loader     *loader,
          const char *id)
{
  if (!id_is_valid (id))
    {
      fail (loader, WM_ERROR_INVALID,
            _("“%s” is not a valid id: use letters, digits, “-”, “_” and “.”"), id);
      return FALSE;
    }
  if (g_hash_table_contains (loader->ids, id))
    {
      fail (loader, WM_ERROR_DUPLICATE_ID,
            _("the id “%s” is used more than once; ids must be unique in a project"), id);
      return FALSE;
    }
  g_hash_table_add (loader->ids, g_strdup (id));
  return TRUE;
}

static void
set_value (Loader           *loader,
           const WmPropSpec *spec,
           WmValue          *value,
           const char       *text)
{
  GError *error = NULL;

  if (value->set)
    {
      fail (loader, WM_ERROR_INVALID, _("“%s” is given twice"), spec->name);
      return;
    }
  if (!wm_value_parse (spec, text, value, &error))
    fail_with (loader, error);
}

/* The value of property @name of the open item or, without one, of the open diagram. */
static WmValue *
lookup_value (Loader            *loader,
              const char        *name,
              const WmPropSpec **spec)
{
  int index;

  if (loader->item != NULL)
    {
      index = wm_item_type_find_prop (loader->item->type, name);
      if (index < 0)
        {
          /* Translators: the first %s is an item type as the file spells it,
           * "process"; the second a property name, "cycle-time" */
          fail (loader, WM_ERROR_UNKNOWN_TYPE, _("an item of type “%s” has no property “%s”"),
                loader->item->type->id, name);
          return NULL;
        }
      *spec = &loader->item->type->props[index];
      return &_wm_item_ensure_props (loader->item)[index];
    }
  else
    {
      const WmNotation *notation = wm_diagram_get_notation (loader->diagram);

      index = wm_notation_find_prop (notation, name);
      if (index < 0)
        {
          /* Translators: the first %s is a kind of diagram as the file spells it,
           * "value-stream-map"; the second a field name, "daily-demand" */
          fail (loader, WM_ERROR_UNKNOWN_TYPE, _("a diagram of type “%s” has no field “%s”"),
                notation->id, name);
          return NULL;
        }
      *spec = &notation->props[index];
      return &_wm_diagram_get_values (loader->diagram)[index];
    }
}

static void
set_property (Loader     *loader,
              const char *name,
              const char *text)
{
  const WmPropSpec *spec;
  WmValue *value = lookup_value (loader, name, &spec);

  if (value != NULL)
    set_value (loader, spec, value, text);
}

static gboolean
parse_coordinate (Loader     *loader,
                  const char *name,
                  const char *text,
                  double     *number)
{
  gboolean size = g_str_equal (name, "w") || g_str_equal (name, "h");
  char lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];

  if (wm_parse_number (text, number) &&
      (size ? wm_limits_size_is_valid (*number) : wm_limits_coordinate_is_valid (*number)))
    return TRUE;
  g_ascii_formatd (lo, sizeof lo, "%.0f", size ? 0 : -WM_LIMIT_COORDINATE);
  g_ascii_formatd (hi, sizeof hi, "%.0f", size ? WM_LIMIT_SIZE : WM_LIMIT_COORDINATE);
  fail (loader, WM_ERROR_INVALID,
        _("“%s” is not a valid value for “%s”: expected a number from %s to %s"), text, name,
        lo, hi);
  return FALSE;
}

static gboolean
parse_points (Loader     *loader,
              WmItem     *item,
              const char *text)
{
  g_auto(GStrv) pairs = g_strsplit (text, " ", WM_LIMIT_POINTS + 1);
  guint n = g_strv_length (pairs);

  if (n > WM_LIMIT_POINTS)
    {
      fail (loader, WM_ERROR_INVALID, ngettext ("a link can have at most %d waypoint",
                                                "a link can have at most %d waypoints",
                                                WM_LIMIT_POINTS), WM_LIMIT_POINTS);
      return FALSE;
    }
  item->points = g_new0 (WmPoint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) xy = g_strsplit (pairs[i], ",", 3);

      if (g_strv_length (xy) != 2 || !parse_coordinate (loader, "points", xy[0], &item->points[i].x) ||
          !parse_coordinate (loader, "points", xy[1], &item->points[i].y))
        {
          fail (loader, WM_ERROR_INVALID, _("“%s” is not a list of x,y points"), text);
          return FALSE;
        }
      item->n_points = i + 1;
    }
  return TRUE;
}

/* The attributes of <node> and <link>, after id and type. */
static void
read_item_attribute (Loader        *loader,
                     WmItem        *item,
                     const xmlChar *name,
                     const char    *value)
{
  if (attr_is (name, "id") || attr_is (name, "type"))
    return;
  if (attr_is (name, "text"))
    {
      g_free (item->text);
      item->text = g_strdup (value);
    }
  else if (wm_item_is_node (item) && (attr_is (name, "x") || attr_is (name, "y") ||
                                      attr_is (name, "w") || attr_is (name, "h")))
    {
      double *fields[] = { &item->bounds.x, &item->bounds.y, &item->bounds.width,
                           &item->bounds.height };
      parse_coordinate (loader, (const char *) name, value, fields[strchr ("xywh", name[0]) - "xywh"]);
    }
  else if (wm_item_is_node (item) && attr_is (name, "parent"))
    item->parent = g_strdup (value);
  else if (wm_item_is_link (item) && attr_is (name, "source"))
    item->source = g_strdup (value);
  else if (wm_item_is_link (item) && attr_is (name, "target"))
    item->target = g_strdup (value);
  else if (wm_item_is_link (item) && attr_is (name, "points"))
    parse_points (loader, item, value);
  else
    set_property (loader, (const char *) name, value);
}

/* Moves to the element's next attribute; FALSE at the end or on an error. */
static gboolean
next_attribute (Loader *loader)
{
  if (loader->error != NULL || xmlTextReaderMoveToNextAttribute (loader->reader) != 1)
    {
      xmlTextReaderMoveToElement (loader->reader);
      return FALSE;
    }
  if (xmlTextReaderIsNamespaceDecl (loader->reader) == 1)
    {
      fail (loader, WM_ERROR_INVALID, "%s", _("Waymark files do not use XML namespaces"));
      xmlTextReaderMoveToElement (loader->reader);
      return FALSE;
    }
  if (!check_text (loader, (const char *) xmlTextReaderConstValue (loader->reader)))
    {
      xmlTextReaderMoveToElement (loader->reader);
      return FALSE;
    }
  return TRUE;
}

static void
for_each_attribute (Loader *loader,
                    void  (*func) (Loader *, WmItem *, const xmlChar *, const char *),
                    WmItem *item)
{
  while (next_attribute (loader))
    func (loader, item, xmlTextReaderConstName (loader->reader),
          (const char *) xmlTextReaderConstValue (loader->reader));
}

/* Elements */

static void
start_diagram (Loader *loader)
{
  g_autofree char *id = require_attr (loader, "diagram", "id");
  g_autofree char *notation_id = require_attr (loader, "diagram", "notation");
  g_autofree char *name = require_attr (loader, "diagram", "name");
  const WmNotation *notation;

  if (loader->error != NULL || !claim_id (loader, id))
    return;
  notation = wm_notation_lookup (notation_id);
  if (notation == NULL)
    {
      fail (loader, WM_ERROR_UNKNOWN_TYPE,
            _("“%s” is not a kind of diagram this version of Waymark knows"), notation_id);
      return;
    }
  loader->diagram = _wm_diagram_new (notation, id, name);
  g_ptr_array_add (loader->diagrams, loader->diagram);
  while (next_attribute (loader))
    {
      const xmlChar *attr = xmlTextReaderConstName (loader->reader);

      if (!attr_is (attr, "id") && !attr_is (attr, "notation") && !attr_is (attr, "name"))
        set_property (loader, (const char *) attr,
                      (const char *) xmlTextReaderConstValue (loader->reader));
    }
}

static void
start_item (Loader     *loader,
            WmItemKind  kind)
{
  const char *element = kind == WM_ITEM_NODE ? "node" : "link";
  g_autofree char *id = require_attr (loader, element, "id");
  g_autofree char *type_id = require_attr (loader, element, "type");
  const WmItemType *type;
  WmItem *item;

  if (loader->error != NULL || loader->diagram == NULL || !claim_id (loader, id))
    return;
  type = wm_notation_lookup_type (wm_diagram_get_notation (loader->diagram), type_id);
  if (type == NULL || type->kind != kind)
    {
      fail (loader, WM_ERROR_UNKNOWN_TYPE,
            /* Translators: the file's own words: 1st %s is a kind of diagram, "use-case";
             * 2nd %s an element name, "node" or "link"; 3rd %s a type, "actor" */
            _("a diagram of type “%s” has no <%s> of type “%s”"),
            wm_diagram_get_notation (loader->diagram)->id, element, type_id);
      return;
    }

  item = wm_item_new (type, id);
  _wm_diagram_insert_item (loader->diagram, item, wm_diagram_get_n_items (loader->diagram));
  loader->item = item;
  for_each_attribute (loader, read_item_attribute, item);
  if (wm_item_is_link (item) || item->parent != NULL)
    {
      Pending pending = { item, loader->diagram, current_line (loader) };
      g_array_append_val (loader->pending, pending);
    }
}

static void
start_collecting (Loader  *loader,
                  Collect  collect)
{
  loader->collect = collect;
  g_string_truncate (loader->text, 0);
}

static void
set_value_name (Loader *loader,
                char   *name)
{
  g_free (loader->value_name);
  loader->value_name = name;
}

static void
start_list (Loader *loader)
{
  g_autofree char *name = require_attr (loader, "list", "name");

  if (loader->error != NULL)
    return;
  loader->list = _wm_diagram_get_list_mutable (loader->diagram, name);
  if (loader->list == NULL)
    {
      /* Translators: the first %s is a kind of diagram as the file spells it,
       * "customer-journey"; the second a list name, "stages" */
      fail (loader, WM_ERROR_UNKNOWN_TYPE, _("a diagram of type “%s” has no list “%s”"),
            wm_diagram_get_notation (loader->diagram)->id, name);
      return;
    }
  if (!g_hash_table_add (loader->lists_read, loader->list))
    {
      fail (loader, WM_ERROR_INVALID, _("the list “%s” is given twice"), name);
      return;
    }
  /* A list in the file replaces the defaults a new diagram starts with. */
  g_ptr_array_set_size (loader->list, 0);
}

static void
start_entry (Loader *loader)
{
  if (loader->list != NULL)
    {
      g_free (loader->entry_id);
      loader->entry_id = require_attr (loader, "entry", "id");
      if (loader->entry_id != NULL && !id_is_valid (loader->entry_id))
        fail (loader, WM_ERROR_INVALID, _("“%s” is not a valid entry id"), loader->entry_id);
      start_collecting (loader, COLLECT_LIST_ENTRY);
    }
  else if (loader->entries != NULL)
    start_collecting (loader, COLLECT_ENTRY);
  else
    fail (loader, WM_ERROR_INVALID, "%s", _("<entry> is not expected here"));
}

/* A conflict a merge left (wm-merge.h); its values follow as children. */
static void
start_conflict (Loader *loader)
{
  g_autofree char *diagram = get_attr (loader, "diagram");
  g_autofree char *item = get_attr (loader, "item");
  g_autofree char *property = get_attr (loader, "property");

  if (loader->error != NULL || !check_text (loader, property ? property : ""))
    return;
  wm_conflict_free (loader->conflict);
  loader->conflict = wm_conflict_new (diagram, item, property, NULL, NULL);
}

static void
end_conflict_value (Loader *loader)
{
  char **side = g_str_equal (loader->value_name, "ours") ? &loader->conflict->ours
                                                          : &loader->conflict->theirs;

  g_free (*side);
  *side = g_strdup (loader->text->str);
}

static void
start_element (Loader        *loader,
               const xmlChar *name,
               int            depth)
{
  if (depth == 1 && (attr_is (name, "title") || attr_is (name, "author") ||
                     attr_is (name, "description")))
    {
      set_value_name (loader, g_strdup ((const char *) name));
      start_collecting (loader, COLLECT_META);
    }
  else if (depth == 1 && attr_is (name, "diagram"))
    start_diagram (loader);
  else if (depth == 1 && attr_is (name, "conflict"))
    start_conflict (loader);
  else if (depth == 2 && (attr_is (name, "ours") || attr_is (name, "theirs")) &&
           loader->conflict)
    {
      set_value_name (loader, g_strdup ((const char *) name));
      start_collecting (loader, COLLECT_CONFLICT);
    }
  else if (depth == 2 && attr_is (name, "node") && loader->diagram)
    start_item (loader, WM_ITEM_NODE);
  else if (depth == 2 && attr_is (name, "link") && loader->diagram)
    start_item (loader, WM_ITEM_LINK);
  else if (depth == 2 && attr_is (name, "list") && loader->diagram)
    start_list (loader);
  else if ((depth == 2 || depth == 3) && attr_is (name, "text") && loader->diagram)
    {
      set_value_name (loader, get_attr (loader, "name"));
      start_collecting (loader, COLLECT_VALUE);
    }
  else if ((depth == 2 || depth == 3) && attr_is (name, "entries") && loader->diagram)
    {
      set_value_name (loader, require_attr (loader, "entries", "name"));
      loader->entries = g_ptr_array_new_with_free_func (g_free);
    }
  else if ((depth == 3 || depth == 4) && attr_is (name, "entry"))
    start_entry (loader);
  else if (depth > 0)
    fail (loader, WM_ERROR_INVALID, _("<%s> is not expected here"), (const char *) name);
}

static void
set_meta (Loader     *loader,
          const char *tag,
          const char *text)
{
  WmProject *project = loader->project;

  _wm_project_set_meta (project,
                        g_str_equal (tag, "title") ? text : wm_project_get_title (project),
                        g_str_equal (tag, "author") ? text : wm_project_get_author (project),
                        g_str_equal (tag, "description") ? text
                                                          : wm_project_get_description (project));
}

static void
end_value (Loader *loader)
{
  if (loader->value_name != NULL)
    set_property (loader, loader->value_name, loader->text->str);
  else if (loader->item == NULL)
    fail (loader, WM_ERROR_INVALID, "%s", _("<text> without a name belongs in a node or link"));
  else if (loader->item->text[0] != '\0')
    fail (loader, WM_ERROR_INVALID, "%s", _("the item’s text is given twice"));
  else
    {
      g_free (loader->item->text);
      loader->item->text = g_strdup (loader->text->str);
    }
}

/* A string list is one value, held to the text limit with the line breaks
 * that join its entries, as wm_diagram_set_property() holds it. */
static gboolean
check_entries_length (Loader    *loader,
                      GPtrArray *entries)
{
  gsize length = entries->len > 0 ? entries->len - 1 : 0;

  for (guint i = 0; i < entries->len && length <= WM_LIMIT_TEXT_CHARS; i++)
    length += wm_limits_text_length (g_ptr_array_index (entries, i));
  if (length <= WM_LIMIT_TEXT_CHARS)
    return TRUE;
  fail (loader, WM_ERROR_INVALID,
        ngettext ("the text is longer than %d character, the most a Waymark text can hold",
                  "the text is longer than %d characters, the most a Waymark text can hold",
                  WM_LIMIT_TEXT_CHARS), WM_LIMIT_TEXT_CHARS);
  return FALSE;
}

static void
end_entries (Loader *loader)
{
  g_autoptr(GPtrArray) entries = g_steal_pointer (&loader->entries);
  const WmPropSpec *spec;
  WmValue *value;

  if (loader->value_name == NULL ||
      !(value = lookup_value (loader, loader->value_name, &spec)))
    return;
  if (spec->type != WM_PROP_STRING_LIST || value->set)
    {
      fail (loader, WM_ERROR_INVALID, _("“%s” is not a list of strings, or is given twice"),
            loader->value_name);
      return;
    }
  if (!check_entries_length (loader, entries))
    return;
  g_ptr_array_add (entries, NULL);
  value->set = TRUE;
  value->v.strv = (char **) g_ptr_array_steal (entries, NULL);
}

static void
end_list_entry (Loader *loader)
{
  const char *list = NULL;
  const WmNotation *notation = wm_diagram_get_notation (loader->diagram);

  for (guint i = 0; i < notation->n_lists; i++)
    if (_wm_diagram_get_list_mutable (loader->diagram, notation->lists[i].name) == loader->list)
      list = notation->lists[i].name;
  if (wm_diagram_find_entry (loader->diagram, list, loader->entry_id) != NULL)
    {
      fail (loader, WM_ERROR_DUPLICATE_ID, _("the list “%s” has the entry “%s” twice"), list,
            loader->entry_id);
      return;
    }
  {
    WmListEntry *entry = g_new0 (WmListEntry, 1);

    entry->id = g_strdup (loader->entry_id);
    entry->label = g_strdup (loader->text->str);
    g_ptr_array_add (loader->list, entry);
  }
}

static void
end_element (Loader        *loader,
             const xmlChar *name,
             int            depth)
{
  Collect collect = loader->collect;

  loader->collect = COLLECT_NONE;
  if (collect != COLLECT_NONE && !check_text (loader, loader->text->str))
    return;
  if (collect == COLLECT_META)
    set_meta (loader, loader->value_name, loader->text->str);
  else if (collect == COLLECT_VALUE)
    end_value (loader);
  else if (collect == COLLECT_ENTRY)
    g_ptr_array_add (loader->entries, g_strdup (loader->text->str));
  else if (collect == COLLECT_LIST_ENTRY)
    end_list_entry (loader);
  else if (collect == COLLECT_CONFLICT)
    end_conflict_value (loader);
  else if (attr_is (name, "conflict") && loader->conflict != NULL)
    _wm_project_add_conflict (loader->project, g_steal_pointer (&loader->conflict));
  else if (attr_is (name, "entries") && loader->entries != NULL)
    end_entries (loader);
  else if (attr_is (name, "node") || attr_is (name, "link"))
    loader->item = NULL;
  else if (attr_is (name, "list"))
    loader->list = NULL;
  else if (attr_is (name, "diagram"))
    loader->diagram = NULL;
}

static void
on_text (Loader *loader)
{
  const char *value = (const char *) xmlTextReaderConstValue (loader->reader);

  if (loader->collect == COLLECT_NONE || value == NULL)
    return;
  g_string_append (loader->text, value);
  /* More bytes than the longest text can take, whatever its characters:
   * stop collecting a text split over many nodes before it grows further. */
  if (loader->text->len > 4 * (gsize) WM_LIMIT_TEXT_CHARS)
    check_text (loader, loader->text->str);
}

static void
read_node (Loader *loader)
{
  int type = xmlTextReaderNodeType (loader->reader);
  int depth = xmlTextReaderDepth (loader->reader);
  const xmlChar *name = xmlTextReaderConstName (loader->reader);

  switch (type)
    {
    case XML_READER_TYPE_ELEMENT:
      loader->element_line = current_line (loader);
      start_element (loader, name, depth);
      if (xmlTextReaderIsEmptyElement (loader->reader))
        end_element (loader, name, depth);
      break;
    case XML_READER_TYPE_END_ELEMENT:
      end_element (loader, name, depth);
      break;
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      on_text (loader);
      break;
    case XML_READER_TYPE_DOCUMENT_TYPE:
    case XML_READER_TYPE_ENTITY_REFERENCE:
    case XML_READER_TYPE_ENTITY:
      fail (loader, WM_ERROR_INVALID, "%s",
            _("the file declares a DOCTYPE or entities, which Waymark files never contain"));
      break;
    default:
      break;
    }
}

/* Links must join two nodes of their own diagram and containers must be
 * container nodes there too; both can point forward, so they are checked
 * once everything is read. A node's check walks up its containers no further
 * than WM_LIMIT_CONTAINMENT_DEPTH, which keeps this linear in the number of
 * nodes: a chain of 40 000 nested packages used to take 28 s. */
static void
check_pending (Loader *loader)
{
  for (guint i = 0; i < loader->pending->len && loader->error == NULL; i++)
    {
      Pending *p = &g_array_index (loader->pending, Pending, i);
      g_autoptr(GError) error = NULL;

      if (wm_item_is_link (p->item))
        {
          WmItem *source = wm_diagram_lookup (p->diagram, p->item->source);
          WmItem *target = wm_diagram_lookup (p->diagram, p->item->target);

          if (source == NULL || target == NULL || !wm_item_is_node (source) ||
              !wm_item_is_node (target))
            {
              g_autofree char *message =
                g_strdup_printf (_("the link “%s” must join two nodes of its diagram"),
                                 p->item->id);
              fail_at (loader, p->line, WM_ERROR_INVALID, message);
            }
        }
      else if (!_wm_diagram_parent_is_valid (p->diagram, p->item, p->item->parent, &error))
        fail_at (loader, p->line, WM_ERROR_INVALID, error->message);
    }
}

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->reader, xmlFreeTextReader);
  g_clear_pointer (&loader->ids, g_hash_table_unref);
  g_clear_pointer (&loader->pending, g_array_unref);
  g_clear_pointer (&loader->diagrams, g_ptr_array_unref);
  g_clear_pointer (&loader->entries, g_ptr_array_unref);
  g_clear_pointer (&loader->lists_read, g_hash_table_unref);
  g_string_free (loader->text, TRUE);
  g_free (loader->value_name);
  g_free (loader->entry_id);
  g_clear_pointer (&loader->conflict, wm_conflict_free);
  g_clear_object (&loader->project);
  g_clear_error (&loader->error);
}

static xmlTextReaderPtr
open_reader (Loader     *loader,
             const char *data,
             gsize       length)
{
  xmlTextReaderPtr reader = xmlReaderForMemory (data, (int) length, loader->name, NULL,
                                                XML_PARSE_NONET);

  if (reader != NULL)
    xmlTextReaderSetStructuredErrorHandler (reader, on_xml_error, loader);
  return reader;
}

/* The line of the first occurrence of @needle, for constructs that the
 * reader reports only once it has read past them. */
static int
line_of (const char *data,
         gsize       length,
         const char *needle)
{
  const char *found = g_strstr_len (data, (gssize) length, needle);
  int line = 1;

  for (const char *p = data; found != NULL && p < found; p++)
    if (*p == '\n')
      line++;
  return line;
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

/* Reads as far as the root element to tell a Waymark project, a newer
 * Waymark project and anything else apart before validating. */
static void
check_root (Loader     *loader,
            const char *data,
            gsize       length)
{
  int ret = 0;
  g_autofree char *format = NULL;
  guint64 version;

  if (is_blank (data, length))
    {
      fail_at (loader, 1, WM_ERROR_MALFORMED, _("the file is empty"));
      return;
    }
  loader->reader = open_reader (loader, data, length);
  while (loader->error == NULL && (ret = xmlTextReaderRead (loader->reader)) == 1 &&
         xmlTextReaderNodeType (loader->reader) != XML_READER_TYPE_ELEMENT)
    if (xmlTextReaderNodeType (loader->reader) == XML_READER_TYPE_DOCUMENT_TYPE)
      fail_at (loader, line_of (data, length, "<!DOCTYPE"), WM_ERROR_INVALID,
               _("the file declares a DOCTYPE, which Waymark files never contain"));
  if (loader->error == NULL && ret != 1)
    fail (loader, WM_ERROR_MALFORMED, "%s", _("the file is not XML"));
  if (loader->error != NULL)
    return;

  if (!attr_is (xmlTextReaderConstName (loader->reader), "waymark-project"))
    {
      fail (loader, WM_ERROR_NOT_A_PROJECT,
            _("this is not a Waymark project (its root element is <%s>)"),
            (const char *) xmlTextReaderConstName (loader->reader));
      return;
    }
  format = require_attr (loader, "waymark-project", "format");
  if (format != NULL && !g_ascii_string_to_unsigned (format, 10, 1, G_MAXINT, &version, NULL))
    fail (loader, WM_ERROR_INVALID, _("“%s” is not a valid format version"), format);
  else if (format != NULL && version > WM_FORMAT_VERSION)
    fail (loader, WM_ERROR_NEWER_FORMAT,
          _("the file was written by a newer version of Waymark (format %s; this version "
            "reads format %d and older). Update Waymark to open it"),
          format, WM_FORMAT_VERSION);
}

WmProject *
wm_project_load_from_data (const char *data,
                           gsize       length,
                           const char *name,
                           GError    **error)
{
  Loader loader = { 0, };
  int ret;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  loader.name = name;
  loader.text = g_string_new (NULL);
  if (_wm_format_scan (data ? data : "", length, name, &loader.error))
    check_root (&loader, data ? data : "", length);
  if (loader.error != NULL)
    goto out;
  xmlFreeTextReader (g_steal_pointer (&loader.reader));

  loader.project = wm_project_new ();
  loader.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  loader.lists_read = g_hash_table_new (NULL, NULL);
  loader.diagrams = g_ptr_array_new_with_free_func (g_object_unref);
  loader.reader = open_reader (&loader, data, length);
  if (xmlTextReaderRelaxNGSetSchema (loader.reader, get_schema ()) != 0)
    g_error ("The file format schema could not be set up");

  while (loader.error == NULL && (ret = xmlTextReaderRead (loader.reader)) == 1)
    read_node (&loader);
  if (loader.error == NULL && ret < 0)
    fail (&loader, WM_ERROR_MALFORMED, "%s",
          _("the file could not be read as XML (is its text encoding right?)"));
  if (loader.error == NULL && xmlTextReaderIsValid (loader.reader) != 1)
    fail (&loader, WM_ERROR_INVALID, "%s", _("the file does not follow the Waymark format"));
  if (loader.error == NULL)
    check_pending (&loader);

out:
  if (loader.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&loader.error));
      loader_clear (&loader);
      return NULL;
    }
  for (guint i = 0; i < loader.diagrams->len; i++)
    _wm_project_append_diagram (loader.project, g_ptr_array_index (loader.diagrams, i));
  wm_project_mark_saved (loader.project);
  {
    WmProject *project = g_steal_pointer (&loader.project);
    loader_clear (&loader);
    return project;
  }
}

/* Reads @file; with @keep, the project keeps the bytes read (see
 * wm_project_take_loaded_data()). */
static WmProject *
load_file (GFile        *file,
           gboolean      keep,
           GCancellable *cancellable,
           GError      **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autofree char *etag = NULL;
  gsize length;
  WmProject *project;

  if (!g_file_load_contents (file, cancellable, &data, &length, &etag, error))
    return NULL;
  name = g_file_get_parse_name (file);
  project = wm_project_load_from_data (data, length, name, error);
  if (project != NULL)
    {
      wm_project_set_file (project, file);
      wm_project_set_file_etag (project, etag);
      if (keep)
        {
          g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), length);

          _wm_project_set_loaded_data (project, bytes);
        }
    }
  return project;
}

WmProject *
wm_project_load (GFile        *file,
                 GCancellable *cancellable,
                 GError      **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return load_file (file, FALSE, cancellable, error);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  /* A window keeps them as the base of a merge with a later outside change. */
  WmProject *project = load_file (task_data, TRUE, cancellable, &error);

  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

void
wm_project_load_async (GFile              *file,
                       GCancellable       *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, (gpointer) (guintptr) wm_project_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

WmProject *
wm_project_load_finish (GAsyncResult *result,
                        GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
