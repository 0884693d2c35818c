/* test-pptx.c — the PowerPoint deck, read back part by part
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The deck is opened with libarchive and its XML parts with libxml2, the
 * way another program finds its way through a package: from the package
 * relationships to presentation.xml, from its slide list to each slide and
 * from each slide's relationships to its pictures and notes. What the
 * slides must say comes from the project, never from this file.
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#include "wm-export.h"
#include "wm-pptx.h"
#include "wm-test-util.h"

/* A package read back: every part by name, and the order they came in. */
typedef struct
{
  GHashTable *parts;   /* name → GBytes */
  GPtrArray  *order;   /* names */
} Package;

static void
package_free (Package *package)
{
  g_hash_table_unref (package->parts);
  g_ptr_array_unref (package->order);
  g_free (package);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Package, package_free)

static Package *
package_read (GBytes *zip)
{
  Package *package = g_new (Package, 1);
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  int status;

  package->parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_bytes_unref);
  package->order = g_ptr_array_new_with_free_func (g_free);
  g_assert_cmpint (archive_read_support_format_zip (archive), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_read_open_memory (archive, g_bytes_get_data (zip, NULL),
                                             g_bytes_get_size (zip)), ==, ARCHIVE_OK);
  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      GByteArray *data = g_byte_array_new ();
      guint8 buffer[16384];
      la_ssize_t n;

      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        g_byte_array_append (data, buffer, n);
      g_assert_cmpint (n, ==, 0);
      g_assert_false (g_hash_table_contains (package->parts, archive_entry_pathname (entry)));
      g_ptr_array_add (package->order, g_strdup (archive_entry_pathname (entry)));
      g_hash_table_insert (package->parts, g_strdup (archive_entry_pathname (entry)),
                           g_byte_array_free_to_bytes (data));
    }
  g_assert_cmpint (status, ==, ARCHIVE_EOF);
  archive_read_free (archive);
  return package;
}

static GBytes *
package_get (Package    *package,
             const char *name)
{
  GBytes *bytes = g_hash_table_lookup (package->parts, name);

  if (bytes == NULL)
    g_error ("the deck has no part %s", name);
  return bytes;
}

static xmlDocPtr
parse_part (Package    *package,
            const char *name)
{
  GBytes *bytes = package_get (package, name);
  xmlDocPtr doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name,
                                 NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  if (doc == NULL)
    g_error ("%s is not well-formed XML", name);
  return doc;
}

static xmlXPathContextPtr
xpath_context (xmlDocPtr doc)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);

  xmlXPathRegisterNs (context, BAD_CAST "p",
                      BAD_CAST "http://schemas.openxmlformats.org/presentationml/2006/main");
  xmlXPathRegisterNs (context, BAD_CAST "a",
                      BAD_CAST "http://schemas.openxmlformats.org/drawingml/2006/main");
  xmlXPathRegisterNs (context, BAD_CAST "r", BAD_CAST "http://schemas.openxmlformats.org/"
                                             "officeDocument/2006/relationships");
  xmlXPathRegisterNs (context, BAD_CAST "asvg",
                      BAD_CAST "http://schemas.microsoft.com/office/drawing/2016/SVG/main");
  xmlXPathRegisterNs (context, BAD_CAST "rel",
                      BAD_CAST "http://schemas.openxmlformats.org/package/2006/relationships");
  xmlXPathRegisterNs (context, BAD_CAST "ct",
                      BAD_CAST "http://schemas.openxmlformats.org/package/2006/content-types");
  return context;
}

/* The string value of @expression in part @name (XPath's string()). */
static char *
part_string (Package    *package,
             const char *name,
             const char *expression)
{
  xmlDocPtr doc = parse_part (package, name);
  xmlXPathContextPtr context = xpath_context (doc);
  g_autofree char *wrapped = g_strdup_printf ("string(%s)", expression);
  xmlXPathObjectPtr result = xmlXPathEvalExpression (BAD_CAST wrapped, context);
  char *value;

  g_assert_nonnull (result);
  value = g_strdup ((const char *) result->stringval);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  xmlFreeDoc (doc);
  return value;
}

/* The values of @expression's nodes in part @name, in document order. */
static GStrv
part_strings (Package    *package,
              const char *name,
              const char *expression)
{
  xmlDocPtr doc = parse_part (package, name);
  xmlXPathContextPtr context = xpath_context (doc);
  xmlXPathObjectPtr result = xmlXPathEvalExpression (BAD_CAST expression, context);
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();

  g_assert_nonnull (result);
  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      xmlChar *value = xmlNodeGetContent (result->nodesetval->nodeTab[i]);

      g_strv_builder_add (values, (const char *) value);
      xmlFree (value);
    }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  xmlFreeDoc (doc);
  return g_strv_builder_end (values);
}

/* A part's relationships part: ppt/slides/slide1.xml → ppt/slides/_rels/slide1.xml.rels;
 * the package's own for "". */
static char *
rels_name (const char *part)
{
  g_autofree char *dir = g_path_get_dirname (part);
  g_autofree char *base = g_path_get_basename (part);

  if (*part == '\0')
    return g_strdup ("_rels/.rels");
  return g_strcmp0 (dir, ".") == 0 ? g_strdup_printf ("_rels/%s.rels", base)
                                   : g_strdup_printf ("%s/_rels/%s.rels", dir, base);
}

/* Where relationship @id of @part points, as a part name, or NULL. */
static char *
rel_target (Package    *package,
            const char *part,
            const char *id)
{
  g_autofree char *rels = rels_name (part);
  g_autofree char *expression = g_strdup_printf ("//rel:Relationship[@Id='%s']/@Target", id);
  g_autofree char *target = part_string (package, rels, expression);
  g_autofree char *dir = g_path_get_dirname (part);
  g_autoptr(GFile) root = g_file_new_for_path ("/");
  g_autoptr(GFile) base = g_file_resolve_relative_path (root, dir);
  g_autoptr(GFile) file = NULL;

  if (*target == '\0')
    return NULL;
  file = g_file_resolve_relative_path (base, target);
  return g_file_get_relative_path (root, file);
}

/* The relationship of @part of type @type (its last word), as a part name, or NULL. */
static char *
rel_of_type (Package    *package,
             const char *part,
             const char *type)
{
  g_autofree char *rels = rels_name (part);
  g_autofree char *expression =
    g_strdup_printf ("//rel:Relationship[substring(@Type, string-length(@Type) - %d) = '/%s']/@Id",
                     (int) strlen (type), type);
  g_autofree char *id = part_string (package, rels, expression);

  return *id ? rel_target (package, part, id) : NULL;
}

/* The slides in presentation order, found from the package's relationships. */
static GStrv
slide_names (Package *package)
{
  g_autofree char *presentation = rel_of_type (package, "", "officeDocument");
  g_auto(GStrv) ids = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  g_assert_cmpstr (presentation, ==, "ppt/presentation.xml");
  ids = part_strings (package, presentation, "/p:presentation/p:sldIdLst/p:sldId/@r:id");
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *name = rel_target (package, presentation, ids[i]);

      g_assert_nonnull (name);
      g_assert_true (g_hash_table_contains (package->parts, name));
      g_strv_builder_add (names, name);
    }
  return g_strv_builder_end (names);
}

/* The text of a slide's title placeholder, its paragraphs joined by "\n". */
static char *
slide_title (Package    *package,
             const char *slide)
{
  g_auto(GStrv) runs = part_strings (package, slide,
                                     "//p:sp[.//p:ph[@type='title' or @type='ctrTitle']]//a:t");

  return g_strjoinv ("", runs);
}

/* All the text of a part, run after run. */
static char *
part_text (Package    *package,
           const char *name)
{
  g_auto(GStrv) runs = part_strings (package, name, "//a:t");

  return g_strjoinv (" ", runs);
}

static GBytes *
export_deck (WmProject *project,
             WmDiagram *only)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  WmExportOptions options;

  wm_export_options_init (&options);
  options.format = WM_EXPORT_PPTX;
  g_assert_true (wm_export_pptx_to_stream (project, only, &options, memory, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (memory, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* The sample's deck, exported once for the tests that only read it. */
static GBytes *
sample_deck (WmProject *project)
{
  static GBytes *deck;

  if (deck == NULL)
    deck = export_deck (project, NULL);
  return g_bytes_ref (deck);
}

/* Whether a use case has details beyond its one-line description, which is
 * what gives it a section in the appendix. */
static gboolean
has_details (const WmItem *item)
{
  for (guint i = 0; i < item->type->n_props; i++)
    {
      const WmPropSpec *spec = &item->type->props[i];
      g_autofree char *text = NULL;

      if (spec->detail < 2)
        continue;
      text = spec->type == WM_PROP_STRING_LIST
               ? g_strjoinv ("", (char **) wm_item_get_strv (item, spec->name))
               : g_strdup (wm_item_get_string (item, spec->name));
      if (text != NULL && *g_strstrip (text) != '\0')
        return TRUE;
    }
  return FALSE;
}

static void
test_parts (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(GBytes) zip = sample_deck (project);
  g_autoptr(Package) package = package_read (zip);
  static const char *const required[] = {
    "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "ppt/presentation.xml",
    "ppt/_rels/presentation.xml.rels", "ppt/presProps.xml", "ppt/viewProps.xml",
    "ppt/tableStyles.xml", "ppt/slideMasters/slideMaster1.xml",
    "ppt/slideLayouts/slideLayout1.xml", "ppt/theme/theme1.xml",
    "ppt/notesMasters/notesMaster1.xml",
  };
  g_auto(GStrv) overrides = NULL;
  g_autofree char *title = NULL;
  g_autofree char *creator = NULL;

  /* Readers that stream the zip need the content types first. */
  g_assert_cmpstr (g_ptr_array_index (package->order, 0), ==, "[Content_Types].xml");
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_true (g_hash_table_contains (package->parts, required[i]));

  /* Every XML part is well-formed, and every one but the relationships has
   * its content type. */
  overrides = part_strings (package, "[Content_Types].xml", "//ct:Override/@PartName");
  for (guint i = 0; i < package->order->len; i++)
    {
      const char *name = g_ptr_array_index (package->order, i);
      g_autofree char *slashed = g_strconcat ("/", name, NULL);

      if (g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rels"))
        xmlFreeDoc (parse_part (package, name));
      if (g_str_has_suffix (name, ".xml") && strcmp (name, "[Content_Types].xml") != 0)
        g_assert_true (g_strv_contains ((const char *const *) overrides, slashed));
    }

  title = part_string (package, "docProps/core.xml", "//*[local-name()='title']");
  creator = part_string (package, "docProps/core.xml", "//*[local-name()='creator']");
  g_assert_cmpstr (title, ==, wm_project_get_title (project));
  g_assert_cmpstr (creator, ==, wm_project_get_author (project));
}

/* The title slide, a slide per diagram with its name, picture and notes,
 * and the appendix slides with every use case that has details. */
static void
test_slides (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(GBytes) zip = sample_deck (project);
  g_autoptr(Package) package = package_read (zip);
  g_auto(GStrv) slides = slide_names (package);
  guint n = wm_project_get_n_diagrams (project);
  g_autofree char *first = slide_title (package, slides[0]);
  g_autoptr(GString) appendix = g_string_new (NULL);
  guint n_slides = g_strv_length (slides);
  guint n_details = 0;

  g_assert_cmpstr (first, ==, wm_project_get_title (project));
  for (guint i = 0; i < n; i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);
      g_autofree char *title = slide_title (package, slides[i + 1]);

      g_assert_cmpstr (title, ==, wm_diagram_get_name (diagram));
    }

  /* Everything after the diagrams is the appendix; the sample has use
   * cases with details, and each has its section there. */
  g_assert_cmpuint (n_slides, >, n + 1);
  for (guint i = n + 1; i < n_slides; i++)
    {
      g_autofree char *title = slide_title (package, slides[i]);
      g_autofree char *text = part_text (package, slides[i]);

      g_assert_true (g_str_has_prefix (title, "Appendix"));
      g_string_append (appendix, text);
    }
  for (guint d = 0; d < n; d++)
    for (guint i = 0; i < wm_diagram_get_n_items (wm_project_get_diagram (project, d)); i++)
      {
        WmItem *item = wm_diagram_get_item (wm_project_get_diagram (project, d), i);

        if (!has_details (item))
          continue;
        n_details++;
        if (strstr (appendix->str, item->text) == NULL)
          g_error ("the appendix has no section for “%s”", item->text);
      }
  g_assert_cmpuint (n_details, >, 0);
}

static void
check_picture (Package    *package,
               const char *slide,
               WmDiagram  *diagram)
{
  g_autofree char *png_id = part_string (package, slide, "//p:pic//a:blip/@r:embed");
  g_autofree char *svg_id = part_string (package, slide, "//p:pic//a:blip//asvg:svgBlip/@r:embed");
  g_autofree char *png = rel_target (package, slide, png_id);
  g_autofree char *svg = rel_target (package, slide, svg_id);
  g_autofree char *cx = part_string (package, slide, "//p:pic/p:spPr/a:xfrm/a:ext/@cx");
  g_autofree char *cy = part_string (package, slide, "//p:pic/p:spPr/a:xfrm/a:ext/@cy");
  g_autofree char *x = part_string (package, slide, "//p:pic/p:spPr/a:xfrm/a:off/@x");
  g_autofree char *y = part_string (package, slide, "//p:pic/p:spPr/a:xfrm/a:off/@y");
  g_autofree char *svg_root = NULL;
  GBytes *png_bytes;
  WmRect extent;
  double width = g_ascii_strtod (cx, NULL), height = g_ascii_strtod (cy, NULL);

  g_assert_nonnull (png);
  g_assert_nonnull (svg);
  g_assert_true (g_str_has_suffix (png, ".png"));
  png_bytes = package_get (package, png);
  g_assert_cmpuint (g_bytes_get_size (png_bytes), >, 8);
  g_assert_cmpmem (g_bytes_get_data (png_bytes, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  svg_root = part_string (package, svg, "local-name(/*)");
  g_assert_cmpstr (svg_root, ==, "svg");

  /* The picture keeps the diagram's proportions and stays on the slide. */
  wm_render_get_extent (diagram, &extent);
  g_assert_cmpfloat_with_epsilon (width / height, extent.width / extent.height,
                                  0.01 * extent.width / extent.height);
  g_assert_cmpfloat (g_ascii_strtod (x, NULL), >=, 0);
  g_assert_cmpfloat (g_ascii_strtod (y, NULL), >, 0);
  g_assert_cmpfloat (g_ascii_strtod (x, NULL) + width, <=, WM_PPTX_SLIDE_WIDTH);
  g_assert_cmpfloat (g_ascii_strtod (y, NULL) + height, <=, WM_PPTX_SLIDE_HEIGHT);
}

static void
test_pictures (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(GBytes) zip = sample_deck (project);
  g_autoptr(Package) package = package_read (zip);
  g_auto(GStrv) slides = slide_names (package);

  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    check_picture (package, slides[i + 1], wm_project_get_diagram (project, i));
}

/* The notes of a diagram slide hold the diagram's description. */
static void
test_notes (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(GBytes) zip = sample_deck (project);
  g_autoptr(Package) package = package_read (zip);
  g_auto(GStrv) slides = slide_names (package);
  g_autofree char *master = rel_of_type (package, "ppt/presentation.xml", "notesMaster");
  guint described = 0;

  g_assert_cmpstr (master, ==, "ppt/notesMasters/notesMaster1.xml");
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);
      const WmNotation *notation = wm_diagram_get_notation (diagram);
      g_autofree char *notes = rel_of_type (package, slides[i + 1], "notesSlide");
      g_autofree char *text = NULL;
      g_autofree char *back = NULL;

      for (guint p = 0; p < notation->n_props; p++)
        if (g_str_equal (notation->props[p].name, "description") &&
            *wm_diagram_get_string (diagram, "description") != '\0')
          {
            g_assert_nonnull (notes);
            text = part_text (package, notes);
            g_assert_nonnull (strstr (text, wm_diagram_get_string (diagram, "description")));
            described++;
          }
      if (notes == NULL)
        continue;
      back = rel_of_type (package, notes, "slide");
      g_assert_cmpstr (back, ==, slides[i + 1]);
      g_clear_pointer (&back, g_free);
      back = rel_of_type (package, notes, "notesMaster");
      g_assert_cmpstr (back, ==, master);
    }
  g_assert_cmpuint (described, >, 0);
}

/* One diagram's export is a deck of its one slide. */
static void
test_one_diagram (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmDiagram *diagram = wm_project_get_diagram (project, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(Package) package = NULL;
  g_auto(GStrv) slides = NULL;
  g_autofree char *title = NULL;
  WmExportOptions options;

  wm_export_options_init (&options);
  g_assert_true (wm_export_format_from_path ("deck.PPTX", &options.format));
  g_assert_cmpint (options.format, ==, WM_EXPORT_PPTX);
  zip = wm_export_diagram (diagram, &options, &error);
  g_assert_no_error (error);
  package = package_read (zip);
  slides = slide_names (package);
  g_assert_cmpuint (g_strv_length (slides), ==, 1);
  title = slide_title (package, slides[0]);
  g_assert_cmpstr (title, ==, wm_diagram_get_name (diagram));
  check_picture (package, slides[0], diagram);
}

/* Markup and control characters in names stay text and keep the XML well-formed. */
static void
test_escaping (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  const char *name = "<b>Fish & “chips”</b> 'n' \"peas\" ]]>";
  WmDiagram *diagram;
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(Package) package = NULL;
  g_auto(GStrv) slides = NULL;
  g_autofree char *title = NULL;
  g_autofree char *core_title = NULL;

  g_assert_true (wm_project_set_title (project, "A < B & C\x01"));
  g_assert_true (wm_project_set_author (project, "O'Brien & <Sons>"));
  diagram = wm_project_add_diagram (project, "use-case", name, NULL);
  g_assert_nonnull (diagram);
  zip = export_deck (project, NULL);
  package = package_read (zip);
  for (guint i = 0; i < package->order->len; i++)
    if (g_str_has_suffix (g_ptr_array_index (package->order, i), ".xml"))
      xmlFreeDoc (parse_part (package, g_ptr_array_index (package->order, i)));
  slides = slide_names (package);
  title = slide_title (package, slides[1]);
  g_assert_cmpstr (title, ==, name);
  core_title = part_string (package, "docProps/core.xml", "//*[local-name()='title']");
  g_assert_true (g_str_has_prefix (core_title, "A < B & C"));
}

/* A diagram too big for a PNG at twice its size still gets its SVG and a
 * PNG within the limit. */
static void
test_big_diagram (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_project_add_diagram (project, "business-model-canvas", "Wide", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(Package) package = NULL;
  g_autofree char *png = NULL;
  g_autofree char *id = NULL;
  const guint8 *header;
  guint32 width, height;
  WmRect extent;

  g_assert_true (wm_diagram_set_field (diagram, "width", "15000", &error));
  g_assert_no_error (error);
  wm_render_get_extent (diagram, &extent);
  g_assert_cmpfloat (extent.width * 2, >, WM_EXPORT_MAX_PIXELS);
  zip = export_deck (project, diagram);
  package = package_read (zip);
  id = part_string (package, "ppt/slides/slide1.xml", "//p:pic//a:blip/@r:embed");
  png = rel_target (package, "ppt/slides/slide1.xml", id);
  header = g_bytes_get_data (package_get (package, png), NULL);
  width = GUINT32_FROM_BE (*(guint32 *) (header + 16));
  height = GUINT32_FROM_BE (*(guint32 *) (header + 20));
  g_assert_cmpuint (width, <=, WM_EXPORT_MAX_PIXELS);
  g_assert_cmpuint (width, >, extent.width);
  g_assert_cmpfloat_with_epsilon ((double) width / height, extent.width / extent.height, 0.01);
}

typedef struct
{
  gboolean  done;
  GError   *error;
} Exported;

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Exported *exported = user_data;

  g_assert_true (wm_export_presentation_to_file_finish (WM_PROJECT (source), result,
                                                        &exported->error) ||
                 exported->error != NULL);
  exported->done = TRUE;
}

/* The export dialog's path: the presentation in PowerPoint is the deck,
 * written from a thread to the file. */
static void
test_async_file (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("waymark-pptx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "deck.pptx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(Package) package = NULL;
  g_auto(GStrv) slides = NULL;
  g_autoptr(GBytes) expected = sample_deck (project);
  g_autoptr(Package) expected_package = package_read (expected);
  g_auto(GStrv) expected_slides = slide_names (expected_package);
  WmExportOptions options;
  Exported exported = { FALSE, NULL };

  wm_export_options_init (&options);
  g_assert_true (wm_export_format_from_name ("pptx", &options.format));
  wm_export_presentation_to_file_async (project, &options, file, NULL, on_exported, &exported);
  while (!exported.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (exported.error);
  zip = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  package = package_read (zip);
  slides = slide_names (package);
  g_assert_cmpuint (g_strv_length (slides), ==, g_strv_length (expected_slides));
  for (guint i = 0; slides[i] != NULL; i++)
    {
      g_autofree char *title = slide_title (package, slides[i]);
      g_autofree char *expected_title = slide_title (expected_package, expected_slides[i]);

      g_assert_cmpstr (title, ==, expected_title);
    }
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pptx/deck/parts", test_parts);
  g_test_add_func ("/pptx/deck/slides", test_slides);
  g_test_add_func ("/pptx/deck/pictures", test_pictures);
  g_test_add_func ("/pptx/deck/notes", test_notes);
  g_test_add_func ("/pptx/diagram/one-slide", test_one_diagram);
  g_test_add_func ("/pptx/text/escaping", test_escaping);
  g_test_add_func ("/pptx/picture/too-big-for-png", test_big_diagram);
  g_test_add_func ("/pptx/file/async", test_async_file);
  return g_test_run ();
}
