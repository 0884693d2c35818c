/* test-export-files.c — exported files as other programs read them: the
 * PNG's resolution, the SVG's title, description and editable text
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each export runs the waymark executable, as a script would, and the
 * files are read back by parsers of their own (the PNG's chunks here, the
 * SVG with libxml2), not by Waymark's code.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "wm-render.h"
#include "wm-test-util.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("waymark-export-files-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("WAYMARK_SAMPLES_DIR"), "bean-box.waymark", NULL);
}

/* Runs waymark with the arguments (NULL-terminated); returns its exit
 * status and, when @err is not NULL, what it wrote on stderr. */
#define run_waymark(err, ...) wm_test_run_waymark (NULL, (err), __VA_ARGS__)

/* PNG */

static guint32
get_be32 (const guint8 *bytes)
{
  return (guint32) bytes[0] << 24 | (guint32) bytes[1] << 16 | (guint32) bytes[2] << 8 | bytes[3];
}

/* The CRC-32 of the PNG specification, bit by bit: slow and obviously right. */
static guint32
png_crc (const guint8 *data,
         gsize         length)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int bit = 0; bit < 8; bit++)
        crc = crc & 1 ? 0xedb88320 ^ (crc >> 1) : crc >> 1;
    }
  return crc ^ 0xffffffff;
}

typedef struct
{
  guint   n_phys;
  gsize   phys_index;  /* among the chunks; IHDR is 0 */
  guint32 per_metre_x;
  guint32 per_metre_y;
  guint8  unit;
} PngResolution;

/* Reads @path's chunks, checking each one's CRC, and what pHYs says. */
static void
read_png_resolution (const char    *path,
                     PngResolution *resolution)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree guint8 *png = NULL;
  gsize length, at = sizeof signature;
  gsize index = 0;

  *resolution = (PngResolution) { 0, };
  g_assert_true (g_file_get_contents (path, (char **) &png, &length, NULL));
  g_assert_cmpuint (length, >, sizeof signature);
  g_assert_cmpmem (png, sizeof signature, signature, sizeof signature);
  for (; at + 12 <= length; index++)
    {
      guint32 size = get_be32 (png + at);
      const guint8 *type = png + at + 4;

      g_assert_cmpuint (at + 12 + size, <=, length);
      g_assert_cmpuint (get_be32 (type + 4 + size), ==, png_crc (type, 4 + size));
      if (index == 0)
        g_assert_cmpmem (type, 4, "IHDR", 4);
      if (memcmp (type, "pHYs", 4) == 0)
        {
          g_assert_cmpuint (size, ==, 9);
          resolution->n_phys++;
          resolution->phys_index = index;
          resolution->per_metre_x = get_be32 (type + 4);
          resolution->per_metre_y = get_be32 (type + 8);
          resolution->unit = type[12];
        }
      at += 12 + size;
    }
  g_assert_cmpuint (at, ==, length);
  g_assert_cmpmem (png + length - 8, 4, "IEND", 4);
}

static void
assert_png_dpi (const char *path,
                double      dpi)
{
  PngResolution resolution;
  guint32 expected = (guint32) round (dpi / 0.0254);

  read_png_resolution (path, &resolution);
  g_assert_cmpuint (resolution.n_phys, ==, 1);
  /* Right after IHDR, before the image data as the format requires. */
  g_assert_cmpuint (resolution.phys_index, ==, 1);
  g_assert_cmpuint (resolution.unit, ==, 1);
  g_assert_cmpuint (resolution.per_metre_x, ==, expected);
  g_assert_cmpuint (resolution.per_metre_y, ==, expected);
}

static void
test_png_resolution (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *dpi300 = g_build_filename (fixture->dir, "300.png", NULL);
  g_autofree char *plain = g_build_filename (fixture->dir, "plain.png", NULL);
  g_autofree char *scaled = g_build_filename (fixture->dir, "scaled.png", NULL);

  g_assert_cmpint (run_waymark (NULL, "--export", dpi300, "--dpi=300", "--diagram=uc-41", sample,
                                NULL), ==, 0);
  assert_png_dpi (dpi300, 300);
  g_assert_cmpint (run_waymark (NULL, "--export", plain, "--diagram=uc-41", sample, NULL), ==, 0);
  assert_png_dpi (plain, 96);
  g_assert_cmpint (run_waymark (NULL, "--export", scaled, "--scale=0.5", "--background=transparent",
                                "--diagram=uc-41", sample, NULL), ==, 0);
  assert_png_dpi (scaled, 48);
}

/* SVG */

static xmlDoc *
read_svg (const char *path)
{
  xmlDoc *doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);

  g_assert_nonnull (doc);
  g_assert_nonnull (xmlDocGetRootElement (doc));
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
  return doc;
}

static xmlNode *
next_element (xmlNode *node)
{
  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->next;
  return node;
}

/* The text of @node, as libxml2 unescapes it. */
static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *) content);

  xmlFree (content);
  return text;
}

/* Every <text> element of @node's subtree, in document order. */
static void
collect_texts (xmlNode   *node,
               GPtrArray *texts)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (g_str_equal ((const char *) child->name, "text"))
        g_ptr_array_add (texts, child);
      collect_texts (child, texts);
    }
}

static double
number_attribute (xmlNode    *node,
                  const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  double number;

  g_assert_nonnull (value);
  number = g_ascii_strtod ((const char *) value, NULL);
  xmlFree (value);
  return number;
}

static void
assert_title_and_desc (const char *path,
                       const char *title,
                       const char *desc)
{
  xmlDoc *doc = read_svg (path);
  xmlNode *first = next_element (xmlDocGetRootElement (doc)->children);
  xmlNode *second = first ? next_element (first->next) : NULL;
  g_autofree char *title_text = NULL;

  g_assert_cmpstr (first ? (const char *) first->name : NULL, ==, "title");
  title_text = node_text (first);
  g_assert_cmpstr (title_text, ==, title);
  if (desc != NULL)
    {
      g_autofree char *desc_text = NULL;

      g_assert_cmpstr (second ? (const char *) second->name : NULL, ==, "desc");
      desc_text = node_text (second);
      g_assert_cmpstr (desc_text, ==, desc);
    }
  else
    g_assert_true (second == NULL || !g_str_equal ((const char *) second->name, "desc"));
  xmlFreeDoc (doc);
}

static void
test_svg_title (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autofree char *sample = sample_path ();

  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);
      const char *description = wm_diagram_get_string (diagram, "description");
      g_autofree char *path = g_build_filename (fixture->dir, "d.svg", NULL);

      g_test_message ("%s", wm_diagram_get_name (diagram));
      g_assert_cmpint (run_waymark (NULL, "--export", path, "--diagram",
                                    wm_diagram_get_id (diagram), sample, NULL), ==, 0);
      assert_title_and_desc (path, wm_diagram_get_name (diagram),
                             description && *description ? description : NULL);
    }
}

/* Names and descriptions with what XML must escape, and a character XML
 * 1.0 cannot hold, which is left out. */
static void
test_svg_title_escaped (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *project = g_build_filename (fixture->dir, "p.waymark", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "p.svg", NULL);

  g_assert_true (g_file_set_contents (project,
    "<?xml version=\"1.0\"?>\n"
    "<waymark-project format=\"1\">\n"
    "  <diagram id=\"uc-1\" notation=\"use-case\" name=\"Tom &amp; Jerry’s &lt;plan&gt; &quot;A&quot;\"\n"
    "           description=\"Line one&#10;1 &lt; 2 &amp;&amp; ]]&gt;\">\n"
    "    <node id=\"u1\" type=\"use-case\" x=\"0\" y=\"0\" w=\"160\" h=\"70\" text=\"Order &lt;now&gt;\"/>\n"
    "  </diagram>\n"
    "</waymark-project>\n", -1, NULL));
  g_assert_cmpint (run_waymark (NULL, "--export", path, project, NULL), ==, 0);
  assert_title_and_desc (path, "Tom & Jerry’s <plan> \"A\"", "Line one\n1 < 2 && ]]>");
  g_assert_cmpint (run_waymark (NULL, "--export", path, "--svg-text=text", project, NULL), ==, 0);
  assert_title_and_desc (path, "Tom & Jerry’s <plan> \"A\"", "Line one\n1 < 2 && ]]>");
}

/* The <text> elements of @path, their contents joined by spaces. */
static char *
svg_text_contents (const char *path,
                   guint      *n_texts)
{
  xmlDoc *doc = read_svg (path);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  GString *joined = g_string_new (NULL);

  collect_texts (xmlDocGetRootElement (doc), texts);
  for (guint i = 0; i < texts->len; i++)
    {
      g_autofree char *text = node_text (g_ptr_array_index (texts, i));

      g_string_append_printf (joined, "%s%s", i > 0 ? " " : "", text);
    }
  *n_texts = texts->len;
  xmlFreeDoc (doc);
  return g_string_free (joined, FALSE);
}

/* Where the first line of @text starts, in SVG units; FALSE when no
 * <text> element starts it. */
static gboolean
find_text_position (const char *path,
                    const char *text,
                    double     *x,
                    double     *y)
{
  xmlDoc *doc = read_svg (path);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  gboolean found = FALSE;

  collect_texts (xmlDocGetRootElement (doc), texts);
  for (guint i = 0; i < texts->len && !found; i++)
    {
      xmlNode *node = g_ptr_array_index (texts, i);
      g_autofree char *content = node_text (node);
      xmlChar *transform = xmlGetProp (node, (const xmlChar *) "transform");

      /* The exports of one diagram draw at scale 1: no transform. */
      g_assert_null (transform);
      if (*content != '\0' && g_str_has_prefix (text, content))
        {
          *x = number_attribute (node, "x");
          *y = number_attribute (node, "y");
          found = TRUE;
        }
    }
  xmlFreeDoc (doc);
  return found;
}

/* Text mode writes every use case's name as <text>, inside the use case's
 * ellipse where the outlines were, and no glyph outlines; paths mode
 * writes outlines and no <text>. */
static void
test_svg_text_mode (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmDiagram *diagram = wm_project_find_diagram (project, "uc-41");
  g_autofree char *sample = sample_path ();
  g_autofree char *text_path = g_build_filename (fixture->dir, "text.svg", NULL);
  g_autofree char *paths_path = g_build_filename (fixture->dir, "paths.svg", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *paths_contents = NULL;
  g_autofree char *svg = NULL;
  guint n_texts, n_use_cases = 0;
  WmRect extent;

  g_assert_nonnull (diagram);
  g_assert_cmpint (run_waymark (NULL, "--export", text_path, "--svg-text=text", "--diagram=uc-41",
                                sample, NULL), ==, 0);
  g_assert_cmpint (run_waymark (NULL, "--export", paths_path, "--svg-text=paths",
                                "--diagram=uc-41", sample, NULL), ==, 0);
  contents = svg_text_contents (text_path, &n_texts);
  g_assert_cmpuint (n_texts, >, 0);
  g_assert_true (g_file_get_contents (text_path, &svg, NULL, NULL));
  g_assert_null (strstr (svg, "<symbol"));
  paths_contents = svg_text_contents (paths_path, &n_texts);
  g_assert_cmpuint (n_texts, ==, 0);
  g_clear_pointer (&svg, g_free);
  g_assert_true (g_file_get_contents (paths_path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "<symbol"));

  wm_render_get_extent (diagram, &extent);
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      g_auto(GStrv) words = NULL;
      g_autofree char *spaced = NULL;
      double x = NAN, y = NAN;

      if (!g_str_equal (item->type->id, "use-case"))
        continue;
      n_use_cases++;
      /* A name wrapped over two lines reads with a space where it broke. */
      words = g_strsplit_set (item->text, " \n", -1);
      spaced = g_strjoinv (" ", words);
      g_test_message ("use case “%s”", item->text);
      g_assert_nonnull (strstr (contents, spaced));
      g_assert_true (find_text_position (text_path, item->text, &x, &y));
      g_assert_cmpfloat (x + extent.x, >=, item->bounds.x);
      g_assert_cmpfloat (x + extent.x, <, item->bounds.x + item->bounds.width);
      g_assert_cmpfloat (y + extent.y, >=, item->bounds.y);
      g_assert_cmpfloat (y + extent.y, <, item->bounds.y + item->bounds.height);
    }
  g_assert_cmpuint (n_use_cases, >=, 5);
}

/* A text too long for its box reads as the outlines showed it: its first
 * lines, the last one ended with an ellipsis, and the markup characters in
 * it as text. */
static void
test_svg_text_ellipsis (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char long_text[] = "This is a very long note text that cannot possibly fit inside "
                                  "such a small note box at all, so it ends with an ellipsis";
  g_autofree char *project = g_build_filename (fixture->dir, "p.waymark", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "p.svg", NULL);
  g_autofree char *contents = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n"
    "<waymark-project format=\"1\">\n"
    "  <diagram id=\"uc-1\" notation=\"use-case\" name=\"Notes\">\n"
    "    <node id=\"n1\" type=\"note\" x=\"0\" y=\"0\" w=\"120\" h=\"50\" text=\"%s\"/>\n"
    "    <node id=\"u1\" type=\"use-case\" x=\"200\" y=\"0\" w=\"200\" h=\"70\"\n"
    "          text=\"Tom &amp; Jerry &lt;b&gt;\"/>\n"
    "  </diagram>\n"
    "</waymark-project>\n", long_text);
  g_autofree char *joined = NULL;
  g_auto(GStrv) halves = NULL;
  guint n_texts;

  g_assert_true (g_file_set_contents (project, contents, -1, NULL));
  g_assert_cmpint (run_waymark (NULL, "--export", path, "--svg-text=text", project, NULL), ==, 0);
  joined = svg_text_contents (path, &n_texts);
  g_test_message ("%s", joined);
  g_assert_nonnull (strstr (joined, "Tom & Jerry <b>"));
  halves = g_strsplit (joined, "…", 2);
  g_assert_nonnull (halves[1]);
  /* What comes before the ellipsis is the text's start, wrapped. */
  g_assert_cmpuint (strlen (halves[0]), >, 10);
  g_assert_true (g_str_has_prefix (long_text, halves[0]));
  g_assert_false (g_str_has_prefix (long_text, joined));
}

static void
test_svg_text_bad_mode (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *path = g_build_filename (fixture->dir, "x.svg", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (run_waymark (&err, "--export", path, "--svg-text=outlines", sample, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "outlines"));
  g_assert_nonnull (strstr (err, "use text or paths"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Figures */

static void
assert_amount (double      value,
               const char *expected)
{
  g_autofree char *text = wm_figure_format_as (WM_FIGURE_AMOUNT, value);

  g_assert_cmpstr (text, ==, expected);
}

/* The journey's KPI values: digits as entered, a million and more in full
 * with thin-space thousands, and the locale's decimal separator. */
static void
test_figure_amount (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  setlocale (LC_NUMERIC, "C");
  assert_amount (6.5, "6.5");
  assert_amount (41, "41");
  assert_amount (4.25, "4.25");
  assert_amount (1250000, "1\u202f250\u202f000");
  assert_amount (-2500000, "-2\u202f500\u202f000");
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      setlocale (LC_NUMERIC, saved);
      g_test_skip ("the de_DE.UTF-8 locale is not generated (build-aux/deps.sh does it)");
      return;
    }
  assert_amount (6.5, "6,5");
  assert_amount (4.25, "4,25");
  setlocale (LC_NUMERIC, saved);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export-files/png/resolution", test_png_resolution);
  ADD ("/export-files/svg/title", test_svg_title);
  ADD ("/export-files/svg/title-escaped", test_svg_title_escaped);
  ADD ("/export-files/svg/text-mode", test_svg_text_mode);
  ADD ("/export-files/svg/text-ellipsis", test_svg_text_ellipsis);
  ADD ("/export-files/svg/bad-text-mode", test_svg_text_bad_mode);
#undef ADD
  g_test_add_func ("/export-files/figure/amount", test_figure_amount);

  return g_test_run ();
}
