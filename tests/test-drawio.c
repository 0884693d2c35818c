/* test-drawio.c — draw.io files, out and in
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * draw.io itself is not packaged in Debian, so no test opens the export in
 * it. Instead the export is read as draw.io's model codec reads it: XML that
 * parses, pages whose cells each have a parent that exists, and edges whose
 * ends are shapes of the page. What the files must hold comes from the
 * project, never from this file.
 */
#include "config.h"

#include <libxml/parser.h>
#include <string.h>
#include <zlib.h>

#include "wm-board.h"
#include "wm-drawio.h"
#include "wm-error.h"
#include "wm-test-util.h"

/* Reading the export as draw.io does */
static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

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

static xmlNode *
child_element (xmlNode    *node,
               const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, name))
      return child;
  return NULL;
}

static xmlNode *
require_child (xmlNode    *node,
               const char *name)
{
  xmlNode *child = child_element (node, name);

  if (child == NULL)
    g_error ("a <%s> has no <%s>", (const char *) node->name, name);
  return child;
}

/* The <mxCell> of a cell of <root>, and its id (an <object>'s, else its own). */
static xmlNode *
inner_cell (xmlNode *node)
{
  return is_element (node, "mxCell") ? node : require_child (node, "mxCell");
}

/* Checks one page as draw.io's codec needs it; returns its number of cells. */
static guint
check_page (xmlNode *diagram)
{
  xmlNode *model = require_child (diagram, "mxGraphModel");
  xmlNode *root = require_child (model, "root");
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_roots = 0, n_cells = 0;

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      g_assert_nonnull (inner_cell (node));
      id = get_attr (node, "id");
      g_assert_nonnull (id);
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_insert (ids, g_steal_pointer (&id), node);
    }
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      xmlNode *cell;
      g_autofree char *parent = NULL, *edge = NULL, *vertex = NULL;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      n_cells++;
      cell = inner_cell (node);
      parent = get_attr (cell, "parent");
      edge = get_attr (cell, "edge");
      vertex = get_attr (cell, "vertex");
      if (parent == NULL)
        {
          n_roots++;
          continue;
        }
      g_assert_true (g_hash_table_contains (ids, parent));
      g_assert_false (vertex != NULL && edge != NULL);
      if (edge != NULL)
        {
          g_autofree char *source = get_attr (cell, "source");
          g_autofree char *target = get_attr (cell, "target");
          xmlNode *ends[] = {
            g_hash_table_lookup (ids, source), g_hash_table_lookup (ids, target)
          };

          for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
            {
              g_autofree char *end_vertex = NULL;

              g_assert_nonnull (ends[e]);
              end_vertex = get_attr (inner_cell (ends[e]), "vertex");
              g_assert_cmpstr (end_vertex, ==, "1");
            }
        }
      if (vertex != NULL || edge != NULL)
        g_assert_nonnull (child_element (cell, "mxGeometry"));
    }
  g_assert_cmpuint (n_roots, ==, 1);
  return n_cells;
}

static xmlDoc *
parse_export (const char *xml)
{
  xmlDoc *doc = xmlReadMemory (xml, (int) strlen (xml), "export.drawio", NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  g_assert_nonnull (doc);
  g_assert_true (is_element (xmlDocGetRootElement (doc), "mxfile"));
  return doc;
}

static void
test_export_opens (void)
{
  g_autoptr(WmProject) sample = wm_test_load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = wm_export_drawio (sample, NULL, &error);
  xmlDoc *doc;
  guint n_pages = 0;

  g_test_message ("draw.io is not packaged in Debian: the export is checked as its model "
                  "codec reads it, not opened in draw.io");
  g_assert_no_error (error);
  doc = parse_export (xml);
  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    {
      WmDiagram *diagram;
      g_autofree char *name = NULL;

      if (!is_element (node, "diagram"))
        continue;
      diagram = wm_project_get_diagram (sample, n_pages++);
      name = get_attr (node, "name");
      g_assert_cmpstr (name, ==, wm_diagram_get_name (diagram));
      /* Every item is a cell, and the root and the layer are two more. */
      g_assert_cmpuint (check_page (node), >=, wm_diagram_get_n_items (diagram) + 2);
    }
  g_assert_cmpuint (n_pages, ==, wm_project_get_n_diagrams (sample));
  xmlFreeDoc (doc);

  g_clear_pointer (&xml, g_free);
  xml = wm_export_drawio (sample, wm_project_get_diagram (sample, 1), &error);
  g_assert_no_error (error);
  doc = parse_export (xml);
  g_assert_cmpuint (xmlChildElementCount (xmlDocGetRootElement (doc)), ==, 1);
  xmlFreeDoc (doc);
}

/* The shapes draw.io is to draw, as the issue names them. */
static void
test_export_shapes (void)
{
  g_autoptr(WmProject) sample = wm_test_load_sample ();
  g_autofree char *xml = wm_export_drawio (sample, NULL, NULL);
  const char *const wanted[] = {
    "shape=umlActor", "ellipse;", "container=1", "shape=note",
    "shape=mxgraph.lean_mapping.manufacturing_process", "shape=mxgraph.lean_mapping.inventory_box",
    "shape=mxgraph.lean_mapping.electronic_info_flow_edge", "shape=flexArrow",
    "dashed=1;endArrow=open;endFill=0", "endArrow=block;endFill=0", "&lt;br&gt;",
  };

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    if (strstr (xml, wanted[i]) == NULL)
      g_error ("the export has no %s", wanted[i]);
}

static void
test_export_empty (void)
{
  g_autoptr(WmProject) empty = wm_project_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = wm_export_drawio (empty, NULL, &error);

  g_assert_null (xml);
  g_assert_error (error, WM_ERROR, WM_ERROR_NOT_FOUND);
}

/* Comparing projects: every item as its type, text, container, properties
 * (references as what they point at) and, for links, its ends. */
static char *
item_key (WmProject  *project,
          const char *id)
{
  WmItem *item = wm_project_lookup_item (project, id, NULL);

  return item != NULL ? g_strdup_printf ("%s:%s", item->type->id, item->text)
                      : g_strdup ("(missing)");
}

static char *
refs_keys (WmProject  *project,
           const char *ids)
{
  g_auto(GStrv) parts = g_strsplit (ids, " ", -1);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (keys, item_key (project, parts[i]));
  g_ptr_array_add (keys, NULL);
  return g_strjoinv (",", (char **) keys->pdata);
}

static char *
item_signature (WmProject *project,
                WmItem    *item)
{
  GString *out = g_string_new (NULL);
  g_autofree char *self = item_key (project, item->id);

  g_string_append (out, self);
  if (wm_item_is_link (item))
    {
      g_autofree char *source = item_key (project, item->source);
      g_autofree char *target = item_key (project, item->target);

      g_string_append_printf (out, " [%s -> %s]", source, target);
    }
  if (item->parent != NULL)
    {
      g_autofree char *parent = item_key (project, item->parent);

      g_string_append_printf (out, " in %s", parent);
    }
  for (guint i = 0; i < item->type->n_props; i++)
    {
      const WmPropSpec *spec = &item->type->props[i];
      g_autofree char *value = NULL;

      if (!wm_item_has_value (item, spec->name))
        continue;
      value = wm_value_to_string (spec, wm_item_get_value (item, spec->name, NULL));
      if (spec->type == WM_PROP_REFS)
        {
          char *keys = refs_keys (project, value);

          g_free (value);
          value = keys;
        }
      g_string_append_printf (out, " %s=%s", spec->name, value);
    }
  return g_string_free (out, FALSE);
}

static char *
diagram_signature (WmProject *project,
                   WmDiagram *diagram)
{
  const WmNotation *notation = wm_diagram_get_notation (diagram);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s “%s”\n", notation->id, wm_diagram_get_name (diagram));
  for (guint i = 0; i < notation->n_props; i++)
    if (wm_diagram_has_value (diagram, notation->props[i].name))
      {
        const WmPropSpec *spec = &notation->props[i];
        g_autofree char *value = wm_value_to_string (spec, wm_diagram_get_value (diagram,
                                                                                 spec->name,
                                                                                 NULL));
        g_autofree char *keys = spec->type == WM_PROP_REFS ? refs_keys (project, value) : NULL;

        g_string_append_printf (out, "field %s=%s\n", spec->name, keys != NULL ? keys : value);
      }
  for (guint i = 0; i < notation->n_lists; i++)
    {
      GPtrArray *entries = wm_diagram_get_list (diagram, notation->lists[i].name);

      for (guint e = 0; e < entries->len; e++)
        {
          const WmListEntry *entry = g_ptr_array_index (entries, e);

          g_string_append_printf (out, "list %s: %s %s\n", notation->lists[i].name, entry->id,
                                  entry->label);
        }
    }
  return g_string_free (out, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static char *
project_signature (WmProject *project,
                   guint      diagram)
{
  WmDiagram *d = wm_project_get_diagram (project, diagram);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  g_autofree char *head = diagram_signature (project, d);

  g_string_append (out, head);
  for (guint i = 0; i < wm_diagram_get_n_items (d); i++)
    g_ptr_array_add (lines, item_signature (project, wm_diagram_get_item (d, i)));
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

static WmProject *
import_ok (const char  *data,
           gsize        size,
           WmImportLog *log)
{
  g_autoptr(GError) error = NULL;
  WmProject *project = wm_import_drawio (data, size, "in.drawio", log, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

/* Every diagram of the sample, every notation: exported and read back, its
 * items keep their types, texts, containers, properties and links, and its
 * fields and lists stay. */
static void
test_round_trip_sample (void)
{
  g_autoptr(WmProject) sample = wm_test_load_sample ();
  g_autofree char *xml = wm_export_drawio (sample, NULL, NULL);
  g_auto(WmImportLog) log = { NULL };
  g_autoptr(WmProject) back = NULL;
  g_autoptr(GHashTable) notations = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_notations = 0;

  wm_import_log_init (&log);
  back = import_ok (xml, strlen (xml), &log);
  g_assert_cmpuint (wm_project_get_n_diagrams (back), ==, wm_project_get_n_diagrams (sample));
  for (guint i = 0; i < log.warnings->len; i++)
    g_test_message ("warning: %s",
                    ((WmImportWarning *) g_ptr_array_index (log.warnings, i))->message);
  g_assert_cmpuint (log.warnings->len, ==, 0);
  for (guint i = 0; i < wm_project_get_n_diagrams (sample); i++)
    {
      WmDiagram *a = wm_project_get_diagram (sample, i);
      WmDiagram *b = wm_project_get_diagram (back, i);
      g_autofree char *before = project_signature (sample, i);
      g_autofree char *after = project_signature (back, i);

      g_assert_true (wm_diagram_get_notation (a) == wm_diagram_get_notation (b));
      g_assert_cmpuint (wm_diagram_get_n_nodes (a), ==, wm_diagram_get_n_nodes (b));
      g_assert_cmpuint (wm_diagram_get_n_links (a), ==, wm_diagram_get_n_links (b));
      g_assert_cmpstr (before, ==, after);
      g_hash_table_add (notations, (gpointer) wm_diagram_get_notation (a)->id);
    }
  wm_notations_get_all (&n_notations);
  g_assert_cmpuint (g_hash_table_size (notations), ==, n_notations);
}

/* Every node and link type with every property set, through draw.io. */
static void
test_round_trip_every_type (void)
{
  guint n_notations = 0;
  const WmNotation *const *notations = wm_notations_get_all (&n_notations);
  g_autoptr(WmProject) project = wm_project_new ();
  g_autofree char *xml = NULL;
  g_auto(WmImportLog) log = { NULL };
  g_autoptr(WmProject) back = NULL;

  for (guint n = 0; n < n_notations; n++)
    {
      WmDiagram *diagram = wm_project_add_diagram (project, notations[n]->id, notations[n]->id,
                                                   NULL);

      for (guint t = 0; t < wm_notation_get_n_item_types (notations[n]); t++)
        {
          const WmItemType *type = wm_notation_get_item_type (notations[n], t);
          WmItem *anchor = NULL;
          WmItem *item = wm_test_create_item (diagram, type, &anchor);

          wm_diagram_set_text (diagram, item->id, "A <b>&</b> “text”\nwith two lines");
          wm_test_set_every_property (diagram, item, anchor->id);
        }
    }
  xml = wm_export_drawio (project, NULL, NULL);
  wm_import_log_init (&log);
  back = import_ok (xml, strlen (xml), &log);
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      g_autofree char *before = project_signature (project, i);
      g_autofree char *after = project_signature (back, i);

      g_assert_cmpstr (before, ==, after);
    }
}

/* A file another tool wrote */
#define FOREIGN_USE_CASES \
  "<mxGraphModel><root>" \
  "<mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>" \
  "<mxCell id=\"sys\" value=\"Web shop\" style=\"rounded=0;whiteSpace=wrap;html=1;container=1;\" " \
  " vertex=\"1\" parent=\"1\"><mxGeometry x=\"200\" y=\"20\" width=\"300\" height=\"300\" " \
  " as=\"geometry\"/></mxCell>" \
  "<mxCell id=\"a1\" value=\"Customer\" style=\"shape=umlActor;verticalLabelPosition=bottom;" \
  "html=1;\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"40\" y=\"100\" width=\"30\" height=\"60\"" \
  " as=\"geometry\"/></mxCell>" \
  "<mxCell id=\"u1\" value=\"&lt;div&gt;Place&amp;nbsp;order&lt;/div&gt;&lt;div&gt;online" \
  "&lt;/div&gt;\" style=\"ellipse;whiteSpace=wrap;html=1;\" vertex=\"1\" parent=\"sys\">" \
  "<mxGeometry x=\"40\" y=\"40\" width=\"120\" height=\"60\" as=\"geometry\"/></mxCell>" \
  "<object id=\"u2\" label=\"Pay&lt;br&gt;by   card\" owner=\"finance\"><mxCell style=\"ellipse;" \
  "html=1;\" vertex=\"1\" parent=\"sys\"><mxGeometry x=\"40\" y=\"180\" width=\"120\" " \
  " height=\"60\" as=\"geometry\"/></mxCell></object>" \
  "<mxCell id=\"c1\" value=\"Payment &amp;amp; cloud\" style=\"ellipse;shape=cloud;html=1;" \
  "fillColor=#dae8fc;\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"600\" y=\"100\" width=\"120\"" \
  " height=\"80\" as=\"geometry\"/></mxCell>" \
  "<mxCell id=\"d1\" value=\"Decide?\" style=\"rhombus;whiteSpace=wrap;html=1;\" vertex=\"1\" " \
  " parent=\"1\"><mxGeometry x=\"600\" y=\"250\" width=\"80\" height=\"80\" as=\"geometry\"/>" \
  "</mxCell>" \
  "<mxCell id=\"t1\" value=\"Draft v2\" style=\"text;html=1;\" vertex=\"1\" parent=\"1\">" \
  "<mxGeometry x=\"20\" y=\"400\" width=\"80\" height=\"20\" as=\"geometry\"/></mxCell>" \
  "<mxCell id=\"e1\" style=\"endArrow=none;html=1;\" edge=\"1\" parent=\"1\" source=\"a1\" " \
  " target=\"u1\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>" \
  "<mxCell id=\"m1\" value=\"1..*\" style=\"edgeLabel;html=1;\" vertex=\"1\" connectable=\"0\" " \
  " parent=\"e1\"><mxGeometry x=\"1\" relative=\"1\" as=\"geometry\"/></mxCell>" \
  "<mxCell id=\"e2\" value=\"&amp;lt;&amp;lt;include&amp;gt;&amp;gt;\" style=\"dashed=1;" \
  "endArrow=open;html=1;\" edge=\"1\" parent=\"sys\" source=\"u1\" target=\"u2\"><mxGeometry " \
  " relative=\"1\" as=\"geometry\"><Array as=\"points\"><mxPoint x=\"150\" y=\"10\"/></Array>" \
  "</mxGeometry></mxCell>" \
  "<mxCell id=\"e3\" style=\"endArrow=classic;html=1;\" edge=\"1\" parent=\"1\" source=\"u2\" " \
  " target=\"c1\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>" \
  "<mxCell id=\"e4\" edge=\"1\" parent=\"1\" source=\"a1\"><mxGeometry relative=\"1\" " \
  " as=\"geometry\"><mxPoint x=\"0\" y=\"0\" as=\"targetPoint\"/></mxGeometry></mxCell>" \
  "</root></mxGraphModel>"

#define FOREIGN_VSM \
  "<mxGraphModel><root>" \
  "<mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>" \
  "<mxCell id=\"s\" value=\"Steel Co\" style=\"strokeWidth=2;html=1;" \
  "shape=mxgraph.lean_mapping.outside_sources;\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"0\"" \
  " y=\"0\" width=\"100\" height=\"70\" as=\"geometry\"/></mxCell>" \
  "<mxCell id=\"p\" value=\"&lt;br&gt;C/T 1 s\" style=\"strokeWidth=2;html=1;" \
  "shape=mxgraph.lean_mapping.manufacturing_process;\" vertex=\"1\" parent=\"1\"><mxGeometry " \
  " x=\"300\" y=\"200\" width=\"100\" height=\"70\" as=\"geometry\"/></mxCell>" \
  "<mxCell id=\"pt\" value=\"Stamping\" style=\"text;html=1;\" vertex=\"1\" parent=\"p\">" \
  "<mxGeometry width=\"100\" height=\"13\" as=\"geometry\"/></mxCell>" \
  "<mxCell id=\"i\" value=\"\" style=\"strokeWidth=2;html=1;" \
  "shape=mxgraph.lean_mapping.inventory_box;\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"150\"" \
  " y=\"200\" width=\"60\" height=\"50\" as=\"geometry\"/></mxCell>" \
  "<mxCell id=\"c\" value=\"Car maker\" style=\"strokeWidth=2;html=1;" \
  "shape=mxgraph.lean_mapping.outside_sources;\" vertex=\"1\" parent=\"1\"><mxGeometry " \
  " x=\"700\" y=\"0\" width=\"100\" height=\"70\" as=\"geometry\"/></mxCell>" \
  "<mxCell id=\"f1\" style=\"shape=flexArrow;html=1;\" edge=\"1\" parent=\"1\" source=\"s\" " \
  " target=\"i\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>" \
  "<mxCell id=\"f2\" style=\"html=1;\" edge=\"1\" parent=\"1\" source=\"i\" target=\"pt\">" \
  "<mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>" \
  "<mxCell id=\"f3\" value=\"Weekly\" style=\"shape=mxgraph.lean_mapping." \
  "electronic_info_flow_edge;html=1;\" edge=\"1\" parent=\"1\" source=\"c\" target=\"p\">" \
  "<mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>" \
  "</root></mxGraphModel>"

static WmItem *
find_item (WmDiagram  *diagram,
           const char *type,
           const char *text)
{
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (g_str_equal (item->type->id, type) && g_str_equal (item->text, text))
        return item;
    }
  g_error ("no %s “%s” was imported", type, text);
}

static WmItem *
find_link (WmDiagram  *diagram,
           const char *type,
           WmItem     *source,
           WmItem     *target)
{
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (wm_item_is_link (item) && g_str_equal (item->type->id, type) &&
          g_str_equal (item->source, source->id) && g_str_equal (item->target, target->id))
        return item;
    }
  g_error ("no %s link from “%s” to “%s” was imported", type, source->text, target->text);
}

/* The number in the warning of the log that contains @words, or -1. */
static int
warned_count (WmImportLog *log,
              const char  *words)
{
  for (guint i = 0; i < log->warnings->len; i++)
    {
      const WmImportWarning *warning = g_ptr_array_index (log->warnings, i);

      if (strstr (warning->message, words) != NULL)
        return atoi (warning->message);
    }
  return -1;
}

static void
check_foreign (WmProject   *project,
               WmImportLog *log)
{
  WmDiagram *uc = wm_project_get_diagram (project, 0);
  WmDiagram *vsm = wm_project_get_diagram (project, 1);
  WmItem *customer, *order, *pay, *subject, *cloud, *supplier, *process, *inventory, *car;

  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, 2);
  g_assert_cmpstr (wm_diagram_get_notation (uc)->id, ==, "use-case");
  g_assert_cmpstr (wm_diagram_get_name (uc), ==, "Shop");
  subject = find_item (uc, "subject", "Web shop");
  customer = find_item (uc, "actor", "Customer");
  order = find_item (uc, "use-case", "Place order\nonline");
  pay = find_item (uc, "use-case", "Pay\nby card");
  cloud = find_item (uc, "box", "Payment & cloud");
  find_item (uc, "box", "Decide?");
  find_item (uc, "text", "Draft v2");
  g_assert_cmpuint (wm_diagram_get_n_nodes (uc), ==, 7);
  /* Geometry inside a container is the container's plus the shape's. */
  g_assert_cmpfloat (order->bounds.x, ==, 240);
  g_assert_cmpfloat (order->bounds.y, ==, 60);
  g_assert_cmpstr (order->parent, ==, subject->id);
  g_assert_cmpstr (pay->parent, ==, subject->id);
  g_assert_cmpstr (wm_item_get_string (cloud, "fill"), ==, "#dae8fc");
  g_assert_cmpstr (wm_item_get_string (find_link (uc, "association", customer, order),
                                       "target-multiplicity"), ==, "1..*");
  g_assert_cmpstr (find_link (uc, "include", order, pay)->text, ==, "");
  g_assert_cmpuint (wm_diagram_get_n_links (uc), ==, 2);
  /* The include's bend point is inside the container too. */
  g_assert_cmpfloat (find_link (uc, "include", order, pay)->points[0].x, ==, 350);

  g_assert_cmpstr (wm_diagram_get_notation (vsm)->id, ==, "value-stream-map");
  supplier = find_item (vsm, "supplier", "Steel Co");
  car = find_item (vsm, "customer", "Car maker");
  process = find_item (vsm, "process", "Stamping\nC/T 1 s");
  inventory = find_item (vsm, "inventory", "");
  g_assert_cmpuint (wm_diagram_get_n_nodes (vsm), ==, 4);
  find_link (vsm, "shipment-flow", supplier, inventory);
  find_link (vsm, "push", inventory, process);
  g_assert_cmpstr (find_link (vsm, "electronic-info", car, process)->text, ==, "Weekly");

  /* The cloud and the rhombus; a text shape is a Waymark text. */
  g_assert_cmpint (warned_count (log, "became texts or boxes"), ==, 2);
  g_assert_cmpint (warned_count (log, "connectors on page “Shop” were skipped"), ==, 2);
  g_assert_cmpint (warned_count (log, "was added to the shape"), ==, 1);
}

static char *
foreign_plain (void)
{
  return g_strconcat ("<mxfile host=\"app.diagrams.net\">"
                      "<diagram id=\"p1\" name=\"Shop\">", FOREIGN_USE_CASES, "</diagram>"
                      "<diagram id=\"p2\" name=\"Flow\">", FOREIGN_VSM, "</diagram>"
                      "</mxfile>", NULL);
}

static void
test_import_foreign (void)
{
  g_autofree char *xml = foreign_plain ();
  g_auto(WmImportLog) log = { NULL };
  g_autoptr(WmProject) project = NULL;
  g_autofree char *text = NULL;

  wm_import_log_init (&log);
  project = import_ok (xml, strlen (xml), &log);
  check_foreign (project, &log);
  text = wm_import_log_format (&log, "in.drawio");
  g_test_message ("%s", text);
}

/* A page as draw.io compresses it: URL-encoded, raw deflate, base64. */
static char *
compress_page (const char *xml)
{
  g_autofree char *escaped = g_uri_escape_string (xml, NULL, FALSE);
  uLong bound = compressBound (strlen (escaped)) + 64;
  g_autofree guchar *out = g_malloc (bound);
  z_stream stream = { 0 };

  g_assert_cmpint (deflateInit2 (&stream, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
                   ==, Z_OK);
  stream.next_in = (Bytef *) escaped;
  stream.avail_in = strlen (escaped);
  stream.next_out = out;
  stream.avail_out = bound;
  g_assert_cmpint (deflate (&stream, Z_FINISH), ==, Z_STREAM_END);
  deflateEnd (&stream);
  return g_base64_encode (out, stream.total_out);
}

static void
test_import_compressed (void)
{
  g_autofree char *uc = compress_page (FOREIGN_USE_CASES);
  g_autofree char *vsm = compress_page (FOREIGN_VSM);
  g_autofree char *xml = g_strconcat ("<mxfile host=\"app.diagrams.net\" compressed=\"true\">"
                                      "<diagram id=\"p1\" name=\"Shop\">", uc, "</diagram>"
                                      "<diagram id=\"p2\" name=\"Flow\">\n  ", vsm,
                                      "\n</diagram></mxfile>", NULL);
  g_autofree char *plain = foreign_plain ();
  g_auto(WmImportLog) log = { NULL };
  g_auto(WmImportLog) plain_log = { NULL };
  g_autoptr(WmProject) project = NULL, plain_project = NULL;

  wm_import_log_init (&log);
  wm_import_log_init (&plain_log);
  project = import_ok (xml, strlen (xml), &log);
  check_foreign (project, &log);
  plain_project = import_ok (plain, strlen (plain), &plain_log);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *a = project_signature (project, i);
      g_autofree char *b = project_signature (plain_project, i);

      g_assert_cmpstr (a, ==, b);
    }
}

/* A bare <mxGraphModel>, as draw.io copies a selection, is one page. */
static void
test_import_bare_model (void)
{
  g_auto(WmImportLog) log = { NULL };
  g_autoptr(WmProject) project = NULL;

  wm_import_log_init (&log);
  project = import_ok (FOREIGN_VSM, strlen (FOREIGN_VSM), &log);
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, 1);
  g_assert_cmpstr (wm_diagram_get_notation (wm_project_get_diagram (project, 0))->id, ==,
                   "value-stream-map");
  g_assert_cmpstr (wm_diagram_get_name (wm_project_get_diagram (project, 0)), ==, "in");
}

/* Found by fuzz-drawio: an edge drawn with a node's shape (an actor's) is
 * still an edge, of a link type the notation allows, and no model
 * function is asked to take the node type for a link type. */
static void
test_import_edge_with_node_shape (void)
{
  static const char xml[] =
    "<mxGraphModel><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
    "<mxCell id=\"a\" value=\"Customer\" style=\"shape=umlActor;\" vertex=\"1\" parent=\"1\">"
    "<mxGeometry x=\"0\" y=\"0\" width=\"30\" height=\"60\" as=\"geometry\"/></mxCell>"
    "<mxCell id=\"u\" value=\"Pay\" style=\"ellipse;\" vertex=\"1\" parent=\"1\">"
    "<mxGeometry x=\"200\" y=\"0\" width=\"120\" height=\"60\" as=\"geometry\"/></mxCell>"
    "<mxCell id=\"e\" style=\"shape=umlActor;\" edge=\"1\" parent=\"1\" source=\"a\" "
    "target=\"u\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>"
    "</root></mxGraphModel>";
  g_auto(WmImportLog) log = { NULL };
  g_autoptr(WmProject) project = NULL;
  WmDiagram *diagram;
  guint n_links = 0;

  wm_import_log_init (&log);
  project = import_ok (xml, sizeof xml - 1, &log);
  diagram = wm_project_get_diagram (project, 0);
  g_assert_cmpstr (wm_diagram_get_notation (diagram)->id, ==, "use-case");
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    if (wm_item_is_link (wm_diagram_get_item (diagram, i)))
      n_links++;
  g_assert_cmpuint (n_links, ==, 1);
}

/* A canvas drawn by hand in draw.io: nine containers titled as the blocks,
 * a note in each and one more lying on the first; a data object with a
 * placeholder label; an image. */
static void
test_import_canvas_by_hand (void)
{
  gsize size = 0;
  g_autofree char *xml = wm_test_read_source_file ("tests/fuzz/drawio-seeds/canvas-by-hand.drawio",
                                                   &size);
  g_auto(WmImportLog) log = { NULL };
  g_autoptr(WmProject) project = NULL;
  WmDiagram *canvas;
  const WmBoard *board;
  guint n_notes = 0;

  wm_import_log_init (&log);
  project = import_ok (xml, size, &log);
  canvas = wm_project_get_diagram (project, 0);
  g_assert_cmpstr (wm_diagram_get_notation (canvas)->id, ==, "business-model-canvas");
  board = wm_board_get (canvas);
  for (guint i = 0; i < wm_diagram_get_n_items (canvas); i++)
    {
      WmItem *item = wm_diagram_get_item (canvas, i);
      g_autofree char *text = NULL;
      guint area;

      if (!g_str_equal (item->type->id, "note"))
        continue;
      /* Each note is in the block whose container holds it in the file, or
       * on which it lies. */
      area = wm_board_area_of (board, item);
      text = g_strdup_printf ("Note <b>%u</b>", area);
      if (g_str_equal (item->text, "Loose note"))
        g_assert_cmpuint (area, ==, 0);
      else
        g_assert_cmpstr (item->text, ==, text);
      g_assert_cmpstr (wm_item_get_string (item, WM_FIELD_COLOR), ==, "#ffd966");
      n_notes++;
    }
  g_assert_cmpuint (n_notes, ==, board->n_areas + 1);
  find_item (canvas, "box", "Linked Bean");
  g_assert_true (wm_item_has_value (find_item (canvas, "image", ""), "data"));
  g_assert_cmpint (warned_count (&log, "became a text or a box"), ==, 1);
}

/* Hostile files: each is refused with one line that names the file, at
 * once, or read without a crash. */
static void
expect_refusal (const char *data,
                gsize       size,
                const char *what)
{
  g_auto(WmImportLog) log = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(WmProject) project = NULL;

  wm_import_log_init (&log);
  project = wm_import_drawio (data, size, "hostile.drawio", &log, &error);
  g_test_message ("%s: %s", what, error != NULL ? error->message : "(imported)");
  g_assert_null (project);
  g_assert_nonnull (error);
  g_assert_true (error->domain == WM_ERROR);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, "hostile.drawio"));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10);
}

static void
test_hostile_malformed (void)
{
  g_autoptr(WmProject) sample = wm_test_load_sample ();
  g_autofree char *xml = wm_export_drawio (sample, NULL, NULL);
  const char latin1[] = "<mxfile><diagram name=\"Caf\xe9\"><mxGraphModel/></diagram></mxfile>";
  const char bogus[] = "<?xml version=\"1.0\" encoding=\"x-no-such\"?><mxfile/>";

  expect_refusal ("<mxfile><diagram>", 17, "unclosed");
  expect_refusal ("", 0, "empty");
  expect_refusal ("\0\0\0\0", 4, "nul bytes");
  expect_refusal (xml, strlen (xml) / 2, "truncated");
  expect_refusal (latin1, sizeof latin1 - 1, "Latin-1 without a declaration");
  expect_refusal (bogus, sizeof bogus - 1, "unknown encoding");
  expect_refusal ("<html><body/></html>", 20, "not draw.io");
}

static void
test_hostile_entities (void)
{
  const char *laughs =
    "<?xml version=\"1.0\"?><!DOCTYPE mxfile [<!ENTITY a \"aaaaaaaaaa\">"
    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
    "]><mxfile><diagram name=\"&e;&e;&e;&e;\"><mxGraphModel/></diagram></mxfile>";
  const char *external =
    "<?xml version=\"1.0\"?><!DOCTYPE mxfile [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
    "<mxfile><diagram name=\"&x;\"><mxGraphModel/></diagram></mxfile>";

  expect_refusal (laughs, strlen (laughs), "entity expansion");
  expect_refusal (external, strlen (external), "external entity");
}

static void
test_hostile_huge_attribute (void)
{
  gsize size = 11 * 1024 * 1024;
  GString *xml = g_string_sized_new (size + 200);

  g_string_append (xml, "<mxfile><diagram name=\"");
  for (gsize i = 0; i < size; i++)
    g_string_append_c (xml, 'x');
  g_string_append (xml, "\"><mxGraphModel/></diagram></mxfile>");
  expect_refusal (xml->str, xml->len, "huge attribute");
  g_string_free (xml, TRUE);
}

/* A label of two million characters is cut to what the model holds. */
static void
test_hostile_long_label (void)
{
  gsize size = 2 * 1024 * 1024;
  GString *xml = g_string_sized_new (size + 400);
  g_auto(WmImportLog) log = { NULL };
  g_autoptr(WmProject) project = NULL;
  WmItem *item;

  g_string_append (xml, "<mxGraphModel><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
                   "<mxCell id=\"2\" vertex=\"1\" parent=\"1\" value=\"");
  for (gsize i = 0; i < size; i++)
    g_string_append_c (xml, 'a' + i % 26);
  g_string_append (xml, "\"><mxGeometry width=\"10\" height=\"10\" as=\"geometry\"/></mxCell>"
                   "</root></mxGraphModel>");
  wm_import_log_init (&log);
  project = import_ok (xml->str, xml->len, &log);
  item = wm_diagram_get_item (wm_project_get_diagram (project, 0), 0);
  g_assert_cmpuint (g_utf8_strlen (item->text, -1), ==, 1000000);
  g_assert_cmpint (warned_count (&log, "was cut"), >=, 0);
  g_string_free (xml, TRUE);
}

/* Deflate of @size bytes of @byte, streamed so the test never holds them. */
static char *
compressed_run (gsize size,
                char  byte)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree guchar *in = g_malloc (1024 * 1024);
  guchar chunk[65536];
  z_stream stream = { 0 };
  gsize left = size;

  memset (in, byte, 1024 * 1024);
  g_assert_cmpint (deflateInit2 (&stream, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
                   ==, Z_OK);
  do
    {
      gsize n = MIN (left, 1024 * 1024);
      int flush = n == left ? Z_FINISH : Z_NO_FLUSH;

      left -= n;
      stream.next_in = in;
      stream.avail_in = n;
      do
        {
          stream.next_out = chunk;
          stream.avail_out = sizeof chunk;
          deflate (&stream, flush);
          g_byte_array_append (out, chunk, sizeof chunk - stream.avail_out);
        }
      while (stream.avail_out == 0);
    }
  while (left > 0);
  deflateEnd (&stream);
  return g_base64_encode (out->data, out->len);
}

static void
test_hostile_bomb (void)
{
  g_autofree char *bomb = compressed_run (1024 * 1024 * 1024, 'A');
  g_autofree char *xml = g_strconcat ("<mxfile><diagram name=\"Bomb\">", bomb,
                                      "</diagram></mxfile>", NULL);
  g_autofree char *valid = compress_page (FOREIGN_VSM);
  g_autofree char *cut = g_strndup (valid, strlen (valid) / 2 / 4 * 4);
  g_autofree char *truncated = g_strconcat ("<mxfile><diagram name=\"Cut\">", cut,
                                            "</diagram></mxfile>", NULL);
  const char *not_base64 = "<mxfile><diagram name=\"X\">%%% not base64 %%%</diagram></mxfile>";
  const char *not_deflate = "<mxfile><diagram name=\"X\">AAAAAAAAAAAA</diagram></mxfile>";

  g_test_message ("a gigabyte of 'A' deflates to %zu bytes of base64", strlen (bomb));
  expect_refusal (xml, strlen (xml), "compressed bomb");
  expect_refusal (truncated, strlen (truncated), "truncated compressed page");
  expect_refusal (not_base64, strlen (not_base64), "not base64");
  expect_refusal (not_deflate, strlen (not_deflate), "not deflate");
}

/* Cells whose parents run in a circle, that name themselves as parent or
 * as an edge's ends, or that are nested deeply: read without a hang. */
static void
test_hostile_cells (void)
{
  const char *loops =
    "<mxGraphModel><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
    "<mxCell id=\"a\" vertex=\"1\" parent=\"b\" style=\"container=1\"><mxGeometry x=\"5\" "
    " width=\"10\" height=\"10\" as=\"geometry\"/></mxCell>"
    "<mxCell id=\"b\" vertex=\"1\" parent=\"a\" style=\"container=1\"><mxGeometry x=\"5\" "
    " width=\"10\" height=\"10\" as=\"geometry\"/></mxCell>"
    "<mxCell id=\"c\" vertex=\"1\" parent=\"c\"><mxGeometry x=\"nan\" y=\"1e999\" width=\"-4\" "
    " as=\"geometry\"/></mxCell>"
    "<mxCell id=\"e\" edge=\"1\" parent=\"e\" source=\"e\" target=\"e\"/>"
    "<mxCell id=\"c\" vertex=\"1\" parent=\"1\"/>"
    "<mxCell vertex=\"1\" parent=\"1\"/>"
    "</root></mxGraphModel>";
  GString *deep = g_string_new ("<mxGraphModel><root><mxCell id=\"0\"/>");
  g_auto(WmImportLog) log = { NULL };
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GError) error = NULL;

  wm_import_log_init (&log);
  project = import_ok (loops, strlen (loops), &log);
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, 1);
  for (guint i = 0; i < 3000; i++)
    g_string_append (deep, "<a>");
  for (guint i = 0; i < 3000; i++)
    g_string_append (deep, "</a>");
  g_string_append (deep, "</root></mxGraphModel>");
  g_clear_object (&project);
  project = wm_import_drawio (deep->str, deep->len, "hostile.drawio", &log, &error);
  g_test_message ("deep nesting: %s", error != NULL ? error->message : "(imported)");
  g_assert_null (project);
  g_assert_error (error, WM_ERROR, WM_ERROR_MALFORMED);
  g_string_free (deep, TRUE);
}

/* A long chain of containers, each inside the one before. */
static void
test_hostile_nesting (void)
{
  GString *xml = g_string_new ("<mxGraphModel><root><mxCell id=\"0\"/>"
                               "<mxCell id=\"n0\" parent=\"0\"/>");
  g_auto(WmImportLog) log = { NULL };
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();

  for (guint i = 1; i < 20000; i++)
    g_string_append_printf (xml, "<mxCell id=\"n%u\" value=\"%u\" vertex=\"1\" parent=\"n%u\" "
                            "style=\"container=1\"><mxGeometry x=\"1\" y=\"1\" width=\"5\" "
                            "height=\"5\" as=\"geometry\"/></mxCell>", i, i, i - 1);
  g_string_append (xml, "</root></mxGraphModel>");
  wm_import_log_init (&log);
  project = import_ok (xml->str, xml->len, &log);
  g_assert_cmpuint (wm_diagram_get_n_nodes (wm_project_get_diagram (project, 0)), ==, 19999);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 30);
  g_string_free (xml, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/drawio/export/opens", test_export_opens);
  g_test_add_func ("/drawio/export/shapes", test_export_shapes);
  g_test_add_func ("/drawio/export/empty", test_export_empty);
  g_test_add_func ("/drawio/round-trip/sample", test_round_trip_sample);
  g_test_add_func ("/drawio/round-trip/every-type", test_round_trip_every_type);
  g_test_add_func ("/drawio/import/foreign", test_import_foreign);
  g_test_add_func ("/drawio/import/compressed", test_import_compressed);
  g_test_add_func ("/drawio/import/bare-model", test_import_bare_model);
  g_test_add_func ("/drawio/import/canvas-by-hand", test_import_canvas_by_hand);
  g_test_add_func ("/drawio/import/edge-with-node-shape", test_import_edge_with_node_shape);
  g_test_add_func ("/drawio/hostile/malformed", test_hostile_malformed);
  g_test_add_func ("/drawio/hostile/entities", test_hostile_entities);
  g_test_add_func ("/drawio/hostile/huge-attribute", test_hostile_huge_attribute);
  g_test_add_func ("/drawio/hostile/long-label", test_hostile_long_label);
  g_test_add_func ("/drawio/hostile/bomb", test_hostile_bomb);
  g_test_add_func ("/drawio/hostile/cells", test_hostile_cells);
  g_test_add_func ("/drawio/hostile/nesting", test_hostile_nesting);
  return g_test_run ();
}
