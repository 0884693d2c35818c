/* test-deck-pages.c — the comparison and traceability pages of the deck
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "wm-deck-pages.h"
#include "wm-test-util.h"

/* A landscape A4 page, its content area within 36 pt margins. */
#define PAGE_WIDTH 841.89
#define PAGE_HEIGHT 595.28
static const WmRect content = { 36, 36, PAGE_WIDTH - 72, PAGE_HEIGHT - 72 };

typedef struct
{
  char            *dir;
  char            *path;
  cairo_surface_t *surface;
  cairo_t         *cr;
} Pdf;

static void
pdf_open (Pdf *pdf)
{
  g_autoptr(GError) error = NULL;

  pdf->dir = g_dir_make_tmp ("test-deck-pages-XXXXXX", &error);
  g_assert_no_error (error);
  pdf->path = g_build_filename (pdf->dir, "pages.pdf", NULL);
  pdf->surface = cairo_pdf_surface_create (pdf->path, PAGE_WIDTH, PAGE_HEIGHT);
  pdf->cr = cairo_create (pdf->surface);
}

static void
pdf_close (Pdf *pdf)
{
  g_assert_cmpint (cairo_status (pdf->cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (pdf->cr);
  cairo_surface_finish (pdf->surface);
  g_assert_cmpint (cairo_surface_status (pdf->surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (pdf->surface);
}

static void
pdf_remove (Pdf *pdf)
{
  g_remove (pdf->path);
  g_rmdir (pdf->dir);
  g_free (pdf->path);
  g_free (pdf->dir);
}

/* The PDF's text as pdftotext reads it; NULL (the test skipped) without pdftotext. */
static char *
pdf_text (Pdf *pdf)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  g_spawn_sync (NULL, (char *[]) { program, "-enc", "UTF-8", pdf->path, "-", NULL }, NULL,
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not on the page:\n%s", part, text);
}

static guint
count_occurrences (const char *text,
                   const char *part)
{
  guint n = 0;

  for (const char *at = strstr (text, part); at != NULL; at = strstr (at + 1, part))
    n++;
  return n;
}

/* The comparison of the sample's two maps shows both names, every figure's
 * label as the metrics pane has it, both values and the change, written by
 * wm_figure_format. */
static void
test_comparison_labels (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(WmVsmComparison) comparison = wm_vsm_compare (project, NULL);
  g_autoptr(WmTextCache) text = wm_text_cache_new ();
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autofree char *page = NULL;
  Pdf pdf = { NULL, };

  g_assert_nonnull (comparison);
  pdf_open (&pdf);
  _wm_deck_paint_comparison (pdf.cr, text, comparison, &content);
  cairo_show_page (pdf.cr);
  pdf_close (&pdf);
  page = pdf_text (&pdf);
  pdf_remove (&pdf);
  if (page == NULL)
    return;

  assert_contains (page, wm_diagram_get_name (comparison->current));
  assert_contains (page, wm_diagram_get_name (comparison->future));
  before = wm_notation_compute_metrics (comparison->current);
  after = wm_notation_compute_metrics (comparison->future);
  for (guint f = 0; f < WM_VSM_N_FIGURES; f++)
    {
      const char *id = wm_vsm_figure_metric_id (f);
      const WmMetric *was = wm_metrics_find (before, id);
      g_autofree char *was_text = wm_figure_format (&was->figure);
      g_autofree char *will_text = wm_figure_format (&wm_metrics_find (after, id)->figure);
      g_autofree char *change = wm_figure_format_as (WM_FIGURE_CHANGE, comparison->change[f]);

      assert_contains (page, was->label);
      assert_contains (page, was_text);
      assert_contains (page, will_text);
      assert_contains (page, change);
    }
}

/* Everything the comparison paints stays inside its box, even a short one. */
static void
test_comparison_stays_in_box (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(WmVsmComparison) comparison = wm_vsm_compare (project, NULL);
  g_autoptr(WmTextCache) text = wm_text_cache_new ();
  const WmRect boxes[] = { content, { 50, 80, 500, 260 } };

  for (guint i = 0; i < G_N_ELEMENTS (boxes); i++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      double x, y, width, height;

      _wm_deck_paint_comparison (cr, text, comparison, &boxes[i]);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (surface, &x, &y, &width, &height);
      g_assert_cmpfloat (width, >, boxes[i].width * 0.9);
      g_assert_cmpfloat (x, >=, boxes[i].x - 1);
      g_assert_cmpfloat (y, >=, boxes[i].y - 1);
      g_assert_cmpfloat (x + width, <=, boxes[i].x + boxes[i].width + 1);
      g_assert_cmpfloat (y + height, <=, boxes[i].y + boxes[i].height + 1);
      cairo_surface_destroy (surface);
    }
}

/* A project of @n chains in two diagrams, "Root NN" → "Leaf NN", every text unique. */
static WmProject *
make_chains (guint n)
{
  WmProject *project = wm_project_new ();
  WmDiagram *canvas = wm_project_add_diagram (project, "business-model-canvas", "Kiosk", NULL);
  WmDiagram *uc = wm_project_add_diagram (project, "use-case", "Storefront", NULL);

  for (guint i = 0; i < n; i++)
    {
      WmDiagram *home = i < n / 2 ? canvas : uc;
      g_autofree char *root_text = g_strdup_printf ("Root %02u", i);
      g_autofree char *leaf_text = g_strdup_printf ("Leaf %02u", i);
      WmItem *leaf = wm_test_add_node (uc, "use-case", &(WmRect) { 40, 40, 120, 60 }, leaf_text);
      WmItem *root = wm_test_add_node (home, home == uc ? "use-case" : "note",
                                       &(WmRect) { 40, 40, 120, 60 }, root_text);

      wm_test_set_property (home, root, WM_FIELD_LINKS, leaf->id);
    }
  return project;
}

/* Pages the rows into @box: the measured counts and the drawn ones agree,
 * each page takes at least one row, and the pages cover the rows once. */
static GArray *
paginate (cairo_t      *cr,
          WmTextCache  *text,
          GPtrArray    *rows,
          const WmRect *box)
{
  GArray *counts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint first = 0;

  while (first < rows->len)
    {
      guint measured = _wm_deck_paint_trace (cr, text, rows, first, box, FALSE);
      guint drawn = _wm_deck_paint_trace (cr, text, rows, first, box, TRUE);

      g_assert_cmpuint (measured, >=, 1);
      g_assert_cmpuint (measured, ==, drawn);
      g_array_append_val (counts, measured);
      first += measured;
      cairo_show_page (cr);
    }
  g_assert_cmpuint (first, ==, rows->len);
  g_assert_cmpuint (_wm_deck_paint_trace (cr, text, rows, rows->len, box, FALSE), ==, 0);
  return counts;
}

/* Whether the second group starts below the top of a page. */
static gboolean
group_starts_mid_page (GPtrArray *rows,
                       GArray    *counts)
{
  guint first = 0;

  for (guint p = 0; p < counts->len; p++)
    {
      for (guint i = first + 1; i < first + g_array_index (counts, guint, p); i++)
        if (((WmTraceRow *) g_ptr_array_index (rows, i))->source !=
            ((WmTraceRow *) g_ptr_array_index (rows, i - 1))->source)
          return TRUE;
      first += g_array_index (counts, guint, p);
    }
  return FALSE;
}

static void
test_trace_pagination (void)
{
  g_autoptr(WmProject) project = make_chains (40);
  g_autoptr(GPtrArray) rows = wm_trace_collect (project);
  g_autoptr(WmTextCache) text = wm_text_cache_new ();
  g_autoptr(GArray) counts = NULL;
  g_autofree char *pages = NULL;
  Pdf pdf = { NULL, };

  g_assert_cmpuint (rows->len, ==, 40);
  pdf_open (&pdf);
  counts = paginate (pdf.cr, text, rows, &content);
  pdf_close (&pdf);
  pages = pdf_text (&pdf);
  pdf_remove (&pdf);
  /* 40 rows do not fit one page. */
  g_assert_cmpuint (counts->len, >, 1);
  if (pages == NULL)
    return;
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *root = g_strdup_printf ("Root %02u", i);
      g_autofree char *leaf = g_strdup_printf ("Leaf %02u", i);

      g_assert_cmpuint (count_occurrences (pages, root), ==, 1);
      g_assert_cmpuint (count_occurrences (pages, leaf), ==, 1);
    }
  /* A heading opens every page, and every group that starts lower down. */
  g_assert_cmpuint (count_occurrences (pages, "Kiosk") + count_occurrences (pages, "Storefront"),
                    ==, counts->len + (group_starts_mid_page (rows, counts) ? 1 : 0));
  assert_contains (pages, "continued");
}

/* Rows never spill out of the box; a box too short for any row still takes
 * one, so that paging ends. */
static void
test_trace_stays_in_box (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(GPtrArray) rows = wm_trace_collect (project);
  g_autoptr(WmTextCache) text = wm_text_cache_new ();
  const WmRect box = { 30, 50, 600, 300 };
  const WmRect tiny = { 30, 50, 600, 10 };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  double x, y, width, height;
  guint n;

  n = _wm_deck_paint_trace (cr, text, rows, 0, &box, TRUE);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <, rows->len);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (surface, &x, &y, &width, &height);
  g_assert_cmpfloat (x, >=, box.x - 1);
  g_assert_cmpfloat (y, >=, box.y - 1);
  g_assert_cmpfloat (x + width, <=, box.x + box.width + 1);
  g_assert_cmpfloat (y + height, <=, box.y + box.height + 1);
  cairo_surface_destroy (surface);

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  g_assert_cmpuint (_wm_deck_paint_trace (cr, text, rows, 2, &tiny, FALSE), ==, 1);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A link to a deleted item is on the page by what the item was. */
static void
test_trace_broken_link (void)
{
  g_autoptr(WmProject) project = make_chains (2);
  WmDiagram *uc = wm_project_find_diagram (project, "Storefront");
  g_autofree char *leaf = g_strdup (wm_diagram_get_item (uc, 0)->id);
  const char *const gone[] = { leaf, NULL };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(WmTextCache) text = wm_text_cache_new ();
  g_autofree char *page = NULL;
  Pdf pdf = { NULL, };

  g_assert_cmpuint (wm_diagram_remove_items (uc, gone), ==, 1);
  rows = wm_trace_collect (project);
  pdf_open (&pdf);
  g_assert_cmpuint (_wm_deck_paint_trace (pdf.cr, text, rows, 0, &content, TRUE), ==, 2);
  cairo_show_page (pdf.cr);
  pdf_close (&pdf);
  page = pdf_text (&pdf);
  pdf_remove (&pdf);
  if (page == NULL)
    return;
  assert_contains (page, "Leaf 00");
  assert_contains (page, "Broken link");
  g_assert_cmpuint (count_occurrences (page, "Broken link"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deck-pages/comparison/labels", test_comparison_labels);
  g_test_add_func ("/deck-pages/comparison/in-box", test_comparison_stays_in_box);
  g_test_add_func ("/deck-pages/trace/pagination", test_trace_pagination);
  g_test_add_func ("/deck-pages/trace/in-box", test_trace_stays_in_box);
  g_test_add_func ("/deck-pages/trace/broken-link", test_trace_broken_link);
  return g_test_run ();
}
