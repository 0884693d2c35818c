/* test-markdown.c — the whole project as one Markdown document
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "wm-markdown.h"
#include "wm-journey.h"
#include "wm-test-util.h"
#include "wm-use-case.h"

/* The document is read as Python-Markdown reads it (Debian package
 * python3-markdown), with pipe tables. */
static const char converter[] =
  "import sys, markdown\n"
  "text = open(sys.argv[1], encoding='utf-8').read()\n"
  "html = markdown.markdown(text, extensions=['tables'])\n"
  "open(sys.argv[2], 'w', encoding='utf-8').write(html)\n";

static char *
export_ok (WmProject               *project,
           const WmMarkdownOptions *options)
{
  g_autoptr(GError) error = NULL;
  char *md = wm_export_markdown (project, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (md);
  g_assert_true (g_utf8_validate (md, -1, NULL));
  return md;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Whether some line of @text is @line exactly. */
static gboolean
has_line (const char *text,
          const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strv_contains ((const char *const *) lines, line);
}

/* Every "](#id)" leads to an id="id" the document has. */
static void
assert_links_resolve (const char *text,
                      const char *open,
                      const char *close)
{
  guint checked = 0;

  for (const char *p = strstr (text, open); p != NULL; p = strstr (p + 1, open))
    {
      const char *start = p + strlen (open);
      const char *end = strstr (start, close);
      g_autofree char *id = g_strndup (start, end - start);
      g_autofree char *anchor = g_strdup_printf ("id=\"%s\"", id);

      if (strstr (text, anchor) == NULL)
        g_error ("the link to #%s leads nowhere", id);
      checked++;
    }
  g_assert_cmpuint (checked, >, 20);
}

static void
test_sample_content (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmMarkdownOptions options = { .date = "2026-12-03" };
  g_autofree char *md = export_ok (project, &options);
  guint n_vsm = 0, n_use_cases = 0;

  g_assert_true (g_str_has_prefix (md, "# Bean Box — coffee subscription\n"));
  g_assert_nonnull (strstr (md, "**Author:** Waymark sample"));
  g_assert_nonnull (strstr (md, "**Date:** 2026-12-03"));
  g_assert_nonnull (strstr (md, "Bean Box roasts speciality coffee to order"));
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);
      g_autofree char *heading = g_strdup_printf ("## %s", wm_diagram_get_name (diagram));
      g_autofree char *anchor = g_strdup_printf ("<a id=\"diagram-%s\"></a>",
                                                 wm_diagram_get_id (diagram));
      g_autoptr(GArray) metrics = wm_notation_compute_metrics (diagram);

      g_assert_true (has_line (md, heading));
      g_assert_true (has_line (md, anchor));
      for (guint j = 0; j < wm_diagram_get_n_items (diagram); j++)
        {
          WmItem *item = wm_diagram_get_item (diagram, j);
          g_autofree char *name = g_strdup_printf ("#### <a id=\"item-%s\"></a>%s", item->id,
                                                   item->text);

          if (!g_str_equal (item->type->id, "use-case"))
            continue;
          g_assert_true (has_line (md, name));
          n_use_cases++;
        }
      if (!g_str_equal (wm_diagram_get_notation (diagram)->id, "value-stream-map"))
        continue;
      n_vsm++;
      /* The same figures as the metrics pane, as it writes them. */
      for (guint m = 0; metrics != NULL && m < metrics->len; m++)
        {
          const WmMetric *metric = &g_array_index (metrics, WmMetric, m);
          g_autofree char *value = wm_figure_format (&metric->figure);
          g_autofree char *row = g_strdup_printf ("| %s | %s", metric->label,
                                                  isnan (metric->figure.value) ? "unknown"
                                                                               : value);

          if (strstr (md, row) == NULL)
            g_error ("the figure “%s” is not in the document", row);
        }
    }
  g_assert_cmpuint (n_vsm, ==, 2);
  g_assert_cmpuint (n_use_cases, ==, 10);
  g_assert_cmpuint (count (md, "\n| Process | Cycle time |"), ==, n_vsm);
  g_assert_cmpuint (count (md, "\n| Lane | Awareness |"), ==, 1);
  g_assert_nonnull (strstr (md, "| <a id=\"item-process-78\"></a>Roasting | 27 s |"));
  g_assert_true (has_line (md, "## Traceability"));
  assert_links_resolve (md, "](#", ")");
}

/* A Python with the markdown module, or NULL. */
static const char *
find_python (void)
{
  const char *candidates[] = { "/usr/bin/python3", "python3" };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      const char *argv[] = { candidates[i], "-c", "import markdown", NULL };
      int status = -1;

      if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                        G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                        NULL, NULL, NULL, NULL, &status, NULL) &&
          g_spawn_check_wait_status (status, NULL))
        return candidates[i];
    }
  return NULL;
}

/* @md as HTML, by Python-Markdown; NULL (the test skipped) without it. */
static char *
render_html (const char *md,
             const char *dir)
{
  const char *python = find_python ();
  g_autofree char *md_path = g_build_filename (dir, "doc.md", NULL);
  g_autofree char *html_path = g_build_filename (dir, "doc.html", NULL);
  g_autoptr(GError) error = NULL;
  char *html = NULL;
  int status = -1;

  if (python == NULL)
    {
      g_test_skip ("Python-Markdown is not installed (Debian package python3-markdown)");
      return NULL;
    }
  {
    const char *argv[] = { python, "-c", converter, md_path, html_path, NULL };

    g_assert_true (g_file_set_contents (md_path, md, -1, &error));
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
  }
  g_assert_true (g_file_get_contents (html_path, &html, NULL, &error));
  g_assert_no_error (error);
  return html;
}

/* The document as a Markdown tool reads it: its headings, tables, links
 * and pictures. */
static void
test_sample_rendered (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("waymark-md-XXXXXX", &error);
  WmMarkdownOptions options = { .svg_dir = dir, .svg_stem = "bean-box", .date = "2026-12-03" };
  g_autofree char *md = NULL;
  g_autofree char *html = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;

  g_assert_no_error (error);
  md = export_ok (project, &options);
  if ((html = render_html (md, dir)) == NULL)
    return;

  g_assert_nonnull (strstr (html, "<h1>Bean Box — coffee subscription</h1>"));
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);
      g_autofree char *heading = g_strdup_printf ("<h2>%s</h2>", wm_diagram_get_name (diagram));
      g_autofree char *link = g_strdup_printf ("href=\"#diagram-%s\"", wm_diagram_get_id (diagram));

      g_assert_nonnull (strstr (html, heading));
      g_assert_nonnull (strstr (html, link));
    }
  /* Two value streams with figures, processes and inventories; the journey. */
  g_assert_cmpuint (count (html, "<table>"), ==, 7);
  g_assert_nonnull (strstr (html, "<th>Process</th>"));
  g_assert_nonnull (strstr (html, "<td><a id=\"item-process-78\"></a>Roasting</td>"));
  g_assert_nonnull (strstr (html, "<h4><a id=\"item-use-case-51\"></a>Pay</h4>"));
  /* A link across diagrams: the canvas note leads to the process. */
  g_assert_nonnull (strstr (html, "<a href=\"#item-process-78\">Roasting</a>"));
  assert_links_resolve (html, "href=\"#", "\"");

  /* One SVG beside the document per diagram, each referenced. */
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *img = g_strdup_printf ("src=\"%s\"", name);
      g_autofree char *svg = NULL;

      if (!g_str_has_suffix (name, ".svg"))
        {
          g_unlink (path);
          continue;
        }
      g_assert_true (g_file_get_contents (path, &svg, NULL, &error));
      g_assert_nonnull (strstr (svg, "<svg"));
      g_assert_nonnull (strstr (html, img));
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpuint (count (html, "<img "), ==, wm_project_get_n_diagrams (project));
  g_rmdir (dir);
}

/* What the analyst typed stays text: no heading, emphasis, link, HTML or
 * extra table column comes out of it. */
static void
test_escaping (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GError) error = NULL;
  const char *tricky = "*star* _under_ [link](http://x) <b>bold</b> a | b `code` &amp; \\";
  WmDiagram *uc = wm_project_add_diagram (project, "use-case", "# Not | a heading", &error);
  WmDiagram *cj = wm_project_add_diagram (project, "customer-journey", "Journey", &error);
  WmRect bounds = { 0, 0, 100, 60 };
  WmItem *use_case, *card;
  g_autofree char *dir = g_dir_make_tmp ("waymark-md-XXXXXX", &error);
  g_autofree char *md = NULL;
  g_autofree char *html = NULL;
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  wm_project_set_title (project, "1. Title # with | pipe");
  use_case = wm_test_add_node (uc, "use-case", &bounds, tricky);
  wm_test_set_property (uc, use_case, WM_UC_MAIN_FLOW, "1. First\n- second\n# third\n    code?");
  card = wm_test_add_node (cj, "card", &bounds, "cell | with pipe\n+ next line");
  wm_test_set_property (cj, card, WM_JOURNEY_STAGE, "awareness");
  wm_test_set_property (cj, card, WM_JOURNEY_LANE, "actions");
  md = export_ok (project, NULL);
  html = render_html (md, dir);
  path = g_build_filename (dir, "doc.md", NULL);
  g_unlink (path);
  g_free (path);
  path = g_build_filename (dir, "doc.html", NULL);
  g_unlink (path);
  g_rmdir (dir);
  if (html == NULL)
    return;

  g_assert_nonnull (strstr (html, "<h1>1. Title # with | pipe</h1>"));
  g_assert_nonnull (strstr (html, "<h2># Not | a heading</h2>"));
  g_assert_nonnull (strstr (html, "*star* _under_ [link](http://x) &lt;b&gt;bold&lt;/b&gt; a | b "
                                  "`code` &amp;amp; \\</h4>"));
  g_assert_null (strstr (html, "<b>"));
  g_assert_null (strstr (html, "<em>star"));
  g_assert_null (strstr (html, "<em>under"));
  g_assert_null (strstr (html, "<code>"));
  g_assert_null (strstr (html, "href=\"http://x\""));
  g_assert_null (strstr (html, "<ol>"));
  g_assert_null (strstr (html, "<pre>"));
  g_assert_nonnull (strstr (html, "1. First<br />\n- second<br />\n# third<br />\ncode?"));
  /* The journey's table keeps its columns: the pipe is text. */
  g_assert_nonnull (strstr (html, "cell | with pipe<br>+ next line</td>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markdown/sample/content", test_sample_content);
  g_test_add_func ("/markdown/sample/rendered", test_sample_rendered);
  g_test_add_func ("/markdown/escaping", test_escaping);

  return g_test_run ();
}
