/* test-deck.c — the presentation PDF as its reader navigates it: the outline,
 * the contents' and footers' links, the links between diagrams, metadata,
 * page orientation, the size of the text, the tiles and the journey maps'
 * print layout
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDFs are read by other programs, as a reader's viewer would: qpdf
 * (through tests/deck-pdf.py, which resolves the annotations' and the
 * outline's destinations to page numbers), pdftotext and pdftoppm (whose
 * rendering shows how much of a page the drawing fills).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "wm-export.h"
#include "wm-render.h"
#include "wm-test-util.h"

/* The rule the deck keeps: text under this size is announced on its page. */
#define READABLE_POINTS 6.0

typedef struct
{
  double width;
  double height;
} Page;

typedef struct
{
  guint  page;
  guint  target;    /* 0: leads nowhere */
  double x0, y0, x1, y1;
} Link;

typedef struct
{
  guint  depth;
  guint  target;
  char  *title;
} Entry;

typedef struct
{
  char       *path;
  GArray     *pages;     /* Page; page N is pages[N - 1] */
  GArray     *links;     /* Link */
  GArray     *outline;   /* Entry, depth first */
  GHashTable *info;      /* metadata key -> value */
} Deck;

static void
entry_clear (gpointer data)
{
  g_free (((Entry *) data)->title);
}

static void
deck_free (Deck *deck)
{
  if (deck->path != NULL)
    g_unlink (deck->path);
  g_free (deck->path);
  g_array_unref (deck->pages);
  g_array_unref (deck->links);
  g_array_unref (deck->outline);
  g_hash_table_unref (deck->info);
  g_free (deck);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Deck, deck_free)

/* Runs @argv and returns its standard output; the test fails unless it exits 0. */
static char *
run (const char *const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static void
parse_record (Deck  *deck,
              char **fields)
{
  guint n = g_strv_length (fields);

  if (g_str_equal (fields[0], "page") && n == 4)
    {
      Page page = { g_ascii_strtod (fields[2], NULL), g_ascii_strtod (fields[3], NULL) };

      g_assert_cmpuint (strtoul (fields[1], NULL, 10), ==, deck->pages->len + 1);
      g_array_append_val (deck->pages, page);
    }
  else if (g_str_equal (fields[0], "link") && n == 4)
    {
      Link link = { strtoul (fields[1], NULL, 10), strtoul (fields[2], NULL, 10) };

      g_assert_cmpint (sscanf (fields[3], "%lf %lf %lf %lf", &link.x0, &link.y0, &link.x1, &link.y1),
                       ==, 4);
      g_array_append_val (deck->links, link);
    }
  else if (g_str_equal (fields[0], "outline") && n == 4)
    {
      Entry entry = { strtoul (fields[1], NULL, 10), strtoul (fields[2], NULL, 10),
                      g_strdup (fields[3]) };

      g_array_append_val (deck->outline, entry);
    }
  else if (g_str_equal (fields[0], "info") && n == 3)
    g_hash_table_insert (deck->info, g_strdup (fields[1]), g_strdup (fields[2]));
  else if (g_str_equal (fields[0], "warning"))
    g_error ("qpdf finds the PDF damaged: %s", fields[1]);
}

/* Exports @project's presentation and reads it back with qpdf. */
static Deck *
export_deck (WmProject *project,
             gboolean   tiles)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "deck-pdf.py", NULL);
  g_autoptr(GFile) file = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  WmExportOptions options;
  Deck *deck = g_new0 (Deck, 1);
  int fd;

  fd = g_file_open_tmp ("test-deck-XXXXXX.pdf", &deck->path, &error);
  g_assert_no_error (error);
  close (fd);
  deck->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  deck->links = g_array_new (FALSE, FALSE, sizeof (Link));
  deck->outline = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (deck->outline, entry_clear);
  deck->info = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  wm_export_options_init (&options);
  options.tiles = tiles;
  file = g_file_new_for_path (deck->path);
  g_assert_true (wm_export_presentation_to_file (project, &options, file, &error));
  g_assert_no_error (error);

  out = run ((const char *const[]) { "python3", script, deck->path, NULL });
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      if (fields[0] != NULL && *fields[0] != '\0')
        parse_record (deck, fields);
    }
  g_assert_cmpuint (deck->pages->len, >, 1);
  return deck;
}

/* The text of page @number, as pdftotext reads it. */
static char *
page_text (Deck  *deck,
           guint  number)
{
  g_autofree char *first = g_strdup_printf ("%u", number);

  return run ((const char *const[]) { "pdftotext", "-f", first, "-l", first, "-layout",
                                      deck->path, "-", NULL });
}

/* The page the top-level outline entry @title leads to, or 0. */
static guint
outline_target (Deck       *deck,
                const char *title)
{
  for (guint i = 0; i < deck->outline->len; i++)
    {
      const Entry *entry = &g_array_index (deck->outline, Entry, i);

      if (entry->depth == 0 && g_str_equal (entry->title, title))
        return entry->target;
    }
  return 0;
}

static guint
count_links (Deck  *deck,
             guint  page,
             guint  target)
{
  guint n = 0;

  for (guint i = 0; i < deck->links->len; i++)
    {
      const Link *link = &g_array_index (deck->links, Link, i);

      n += link->page == page && link->target == target;
    }
  return n;
}

/* The first item of another diagram that @item links to, or NULL. */
static WmItem *
cross_target (WmProject    *project,
              WmDiagram    *diagram,
              const WmItem *item,
              WmDiagram   **where)
{
  const char *const *ids;

  if (wm_item_type_find_prop (item->type, WM_FIELD_LINKS) < 0)
    return NULL;
  ids = wm_item_get_strv (item, WM_FIELD_LINKS);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      WmItem *target = wm_project_lookup_item (project, ids[i], where);

      if (target != NULL && *where != diagram)
        return target;
    }
  return NULL;
}

/* Whether one of the first two lines of a page's @text starts with @title:
 * the header's. */
static gboolean
heads_page (const char *text,
            const char *title)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", 3);

  for (guint i = 0; i < 2 && lines[i] != NULL; i++)
    if (g_str_has_prefix (g_strchug (lines[i]), title))
      return TRUE;
  return FALSE;
}

/* Every diagram has a bookmark with its name, in the project's order, which
 * leads to the page that shows it; the use cases the appendix details are
 * bookmarks under the appendix's. */
static void
test_outline (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(Deck) deck = export_deck (project, FALSE);
  guint before = 1, appendix, n_use_cases = 0;

  for (guint d = 0; d < wm_project_get_n_diagrams (project); d++)
    {
      const char *name = wm_diagram_get_name (wm_project_get_diagram (project, d));
      guint page = outline_target (deck, name);
      g_autofree char *text = NULL;

      g_assert_cmpuint (page, >, before);
      text = page_text (deck, page);
      g_assert_true (heads_page (text, name));
      before = page;
    }
  appendix = outline_target (deck, "Appendix: use-case details");
  g_assert_cmpuint (appendix, >, before);
  for (guint i = 0; i < deck->outline->len; i++)
    {
      const Entry *entry = &g_array_index (deck->outline, Entry, i);
      const Entry *parent = i > 0 ? &g_array_index (deck->outline, Entry, i - 1) : NULL;
      g_autofree char *text = NULL;

      if (entry->depth == 0)
        continue;
      /* Children follow their parent, depth first: the appendix's. */
      g_assert_cmpuint (entry->depth, ==, 1);
      g_assert_true (parent->depth == 1 || g_str_equal (parent->title, "Appendix: use-case details"));
      g_assert_cmpuint (entry->target, >=, appendix);
      g_assert_cmpuint (entry->target, <=, deck->pages->len);
      text = page_text (deck, entry->target);
      g_assert_nonnull (strstr (text, entry->title));
      n_use_cases++;
    }
  g_assert_cmpuint (n_use_cases, >=, 3);
  g_assert_cmpuint (outline_target (deck, "Traceability"), >, 1);
}

/* The contents' rows lead, top to bottom, to the pages the outline names;
 * every later page has a footer link back to page 1. */
static void
test_contents_and_footer_links (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(Deck) deck = export_deck (project, FALSE);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  guint top_level = 0;

  for (guint i = 0; i < deck->links->len; i++)
    {
      const Link *link = &g_array_index (deck->links, Link, i);

      if (link->page == 1)
        g_array_append_val (rows, link->target);
    }
  for (guint i = 0; i < deck->outline->len; i++)
    {
      const Entry *entry = &g_array_index (deck->outline, Entry, i);

      if (entry->depth > 0)
        continue;
      g_assert_cmpuint (top_level, <, rows->len);
      g_assert_cmpuint (g_array_index (rows, guint, top_level), ==, entry->target);
      top_level++;
    }
  g_assert_cmpuint (top_level, ==, rows->len);
  g_assert_cmpuint (rows->len, >=, wm_project_get_n_diagrams (project) + 2);

  for (guint page = 2; page <= deck->pages->len; page++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < deck->links->len && !found; i++)
        {
          const Link *link = &g_array_index (deck->links, Link, i);

          /* In the footer: near the bottom edge (PDF's y runs up). */
          found = link->page == page && link->target == 1 && link->y1 < 72;
        }
      if (!found)
        g_error ("page %u has no footer link to the contents", page);
    }
}

/* An item that links to an item of another diagram is a link on its page to
 * the page of the other diagram. */
static void
test_cross_diagram_links (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(Deck) deck = export_deck (project, FALSE);
  guint checked = 0;

  for (guint d = 0; d < wm_project_get_n_diagrams (project); d++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, d);
      guint page = outline_target (deck, wm_diagram_get_name (diagram));

      for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
        {
          WmDiagram *where = NULL;
          WmItem *target = cross_target (project, diagram, wm_diagram_get_item (diagram, i), &where);

          if (target == NULL)
            continue;
          g_assert_cmpuint (count_links (deck, page, outline_target (deck, wm_diagram_get_name (where))),
                            >=, 1);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, 5);
}

/* A link to an item that no longer exists is no link on the page; the good
 * one beside it is. */
static void
test_broken_link_is_no_link (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GError) error = NULL;
  WmDiagram *canvas = wm_project_add_diagram (project, "business-model-canvas", "Canvas", &error);
  WmDiagram *use_cases;
  WmItem *broken, *good, *actor;
  g_autoptr(Deck) deck = NULL;
  guint canvas_page, use_case_page, item_links = 0;

  g_assert_no_error (error);
  use_cases = wm_project_add_diagram (project, "use-case", "Use cases", &error);
  g_assert_no_error (error);
  actor = wm_test_add_node (use_cases, "actor", &(WmRect) { 40, 40, 60, 100 }, "Customer");
  broken = wm_test_add_node (canvas, "note", &(WmRect) { 28, 48, 120, 80 }, "Links nowhere");
  good = wm_test_add_node (canvas, "note", &(WmRect) { 348, 48, 120, 80 }, "Links to the customer");
  wm_test_set_property (canvas, broken, WM_FIELD_LINKS, "no-such-item");
  wm_test_set_property (canvas, good, WM_FIELD_LINKS, actor->id);

  deck = export_deck (project, FALSE);
  canvas_page = outline_target (deck, "Canvas");
  use_case_page = outline_target (deck, "Use cases");
  g_assert_cmpuint (canvas_page, >, 1);
  g_assert_cmpuint (use_case_page, >, canvas_page);
  for (guint i = 0; i < deck->links->len; i++)
    {
      const Link *link = &g_array_index (deck->links, Link, i);

      if (link->page != canvas_page || link->target == 1)
        continue;
      g_assert_cmpuint (link->target, ==, use_case_page);
      item_links++;
    }
  g_assert_cmpuint (item_links, ==, 1);
}

/* The subject is the project's description, the keywords its diagrams' kinds. */
static void
test_metadata (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(Deck) deck = export_deck (project, FALSE);
  const char *keywords = g_hash_table_lookup (deck->info, "Keywords");

  g_assert_cmpstr (g_hash_table_lookup (deck->info, "Subject"), ==,
                   wm_project_get_description (project));
  g_assert_nonnull (keywords);
  for (guint d = 0; d < wm_project_get_n_diagrams (project); d++)
    g_assert_nonnull (strstr (keywords, wm_diagram_get_notation (wm_project_get_diagram (project, d))->label));
}

/* Journey maps go on landscape pages. */
static void
test_journey_is_landscape (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(Deck) deck = export_deck (project, FALSE);
  guint checked = 0;

  for (guint d = 0; d < wm_project_get_n_diagrams (project); d++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, d);
      const Page *page;

      if (!g_str_equal (wm_diagram_get_notation (diagram)->id, "customer-journey"))
        continue;
      page = &g_array_index (deck->pages, Page, outline_target (deck, wm_diagram_get_name (diagram)) - 1);
      g_assert_cmpfloat (page->width, >, page->height);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 1);
}

/* The smallest font size on page @number, in points, as pdftotext's word
 * boxes give it: a word's box is its font's line height, @line_height ems. */
static double
smallest_text (Deck  *deck,
               guint  number,
               double line_height)
{
  g_autofree char *first = g_strdup_printf ("%u", number);
  g_autofree char *html = run ((const char *const[]) { "pdftotext", "-f", first, "-l", first,
                                                        "-bbox", deck->path, "-", NULL });
  g_autoptr(GRegex) regex = g_regex_new ("yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\"",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  double smallest = G_MAXDOUBLE;

  for (g_regex_match (regex, html, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *top = g_match_info_fetch (match, 1);
      g_autofree char *bottom = g_match_info_fetch (match, 2);

      smallest = MIN (smallest, (g_ascii_strtod (bottom, NULL) - g_ascii_strtod (top, NULL)) /
                                line_height);
    }
  return smallest;
}

/* The line height of the deck's font in ems, from the footer's 8 pt "Page". */
static double
line_height (Deck *deck)
{
  g_autofree char *html = run ((const char *const[]) { "pdftotext", "-f", "2", "-l", "2", "-bbox",
                                                        deck->path, "-", NULL });
  g_autoptr(GRegex) regex = g_regex_new ("yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">Page<",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *top = NULL;
  g_autofree char *bottom = NULL;

  g_assert_true (g_regex_match (regex, html, 0, &match));
  top = g_match_info_fetch (match, 1);
  bottom = g_match_info_fetch (match, 2);
  return (g_ascii_strtod (bottom, NULL) - g_ascii_strtod (top, NULL)) / 8;
}

/* The size a page's warning gives, or 0 when it has none. */
static double
announced_size (const char *text)
{
  const char *warning = strstr (text, "mallest text ");

  return warning != NULL ? g_ascii_strtod (warning + strlen ("mallest text "), NULL) : 0;
}

/* No diagram page shows text under 6 pt without saying so, and what it says
 * is the size on the page; with tiles, every tile reads. */
static void
check_text_sizes (gboolean tiles)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(Deck) deck = export_deck (project, tiles);
  double em = line_height (deck);
  guint small = 0;

  for (guint d = 0; d < wm_project_get_n_diagrams (project); d++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, d);
      guint first = outline_target (deck, wm_diagram_get_name (diagram));
      guint next = d + 1 < wm_project_get_n_diagrams (project)
                     ? outline_target (deck, wm_diagram_get_name (wm_project_get_diagram (project, d + 1)))
                     : first + 1;

      for (guint page = first; page < next; page++)
        {
          g_autofree char *text = page_text (deck, page);
          double size = smallest_text (deck, page, em);
          double announced = announced_size (text);

          if (!strstr (text, wm_diagram_get_name (diagram)))
            continue; /* a comparison page between two maps */
          if (size < READABLE_POINTS - 0.05)
            {
              g_assert_cmpfloat (announced, >, 0);
              g_assert_cmpfloat_with_epsilon (announced, size, 0.11);
              small++;
            }
          else
            g_assert_cmpfloat (announced, ==, 0);
          /* Tiles: every page after the overview reads. */
          if (tiles && page > first)
            g_assert_cmpfloat (size, >=, READABLE_POINTS - 0.05);
        }
    }
  if (!tiles)
    g_assert_cmpuint (small, >=, 1);
}

static void
test_text_sizes (void)
{
  check_text_sizes (FALSE);
}

static void
test_tiles_text_sizes (void)
{
  check_text_sizes (TRUE);
}

/* Journey maps: the print layout */

/* The pages that show @diagram: the one its bookmark leads to and those
 * that continue it, whose header says so. Sets *first. */
static guint
diagram_pages (Deck      *deck,
               WmDiagram *diagram,
               guint     *first)
{
  g_autofree char *continued = g_strdup_printf ("%s (continued)", wm_diagram_get_name (diagram));
  guint n = 1;

  *first = outline_target (deck, wm_diagram_get_name (diagram));
  g_assert_cmpuint (*first, >, 1);
  for (;; n++)
    {
      g_autofree char *text = NULL;

      if (*first + n > deck->pages->len)
        break;
      text = page_text (deck, *first + n);
      if (!heads_page (text, continued))
        break;
    }
  return n;
}

/* The shares of the drawing area (between the header and the footer, inside
 * the margins) that the ink of page @number spans across and down: the page
 * rendered by pdftoppm, its ink found pixel by pixel. */
static void
ink_fill (Deck   *deck,
          guint   number,
          double *across,
          double *down)
{
  const double dpi = 36, pixel = dpi / 72, margin = 36, header = 24, footer = 20;
  g_autofree char *first = g_strdup_printf ("%u", number);
  g_autofree char *dir = g_dir_make_tmp ("test-deck-XXXXXX", NULL);
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  cairo_surface_t *surface;
  int width, height, stride, x0, y0, x1, y1;
  int left = G_MAXINT, right = -1, top = G_MAXINT, bottom = -1;
  const guint8 *data;

  g_free (run ((const char *const[]) { "pdftoppm", "-f", first, "-l", first, "-r", "36", "-png",
                                       "-singlefile", deck->path, prefix, NULL }));
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  data = cairo_image_surface_get_data (surface);
  x0 = (int) ceil (margin * pixel);
  x1 = width - x0;
  y0 = (int) ceil ((margin + header) * pixel);
  y1 = height - (int) ceil ((margin + footer) * pixel);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 argb = ((const guint32 *) (data + y * stride))[x];

        /* Paper is white; the faintest rules and fills are not. */
        if ((argb & 0xff) < 245 || ((argb >> 8) & 0xff) < 245 || ((argb >> 16) & 0xff) < 245)
          {
            left = MIN (left, x);
            right = MAX (right, x);
            top = MIN (top, y);
            bottom = MAX (bottom, y);
          }
      }
  cairo_surface_destroy (surface);
  g_unlink (png);
  g_rmdir (dir);
  *across = right < 0 ? 0 : (double) (right - left + 1) / (x1 - x0);
  *down = right < 0 ? 0 : (double) (bottom - top + 1) / (y1 - y0);
  g_test_message ("page %u: ink spans %.0f %% of the drawing area across, %.0f %% down", number,
                  *across * 100, *down * 100);
}

/* @text without white space and hyphens: where a line wraps, pdftotext
 * reads a line break, and takes a hyphen there for a word's hyphenation. */
static char *
without_space (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && *p != '-')
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* Checks the pages of a journey map in @deck: landscape, each filling its
 * page with no text under 8 pt and no note about small text, the header's
 * title and the footer's page number right, the lane labels on each, and
 * the text of every card, KPI and emotion point somewhere on them. Returns
 * how many pages it takes. */
static guint
check_journey_pages (Deck      *deck,
                     WmDiagram *diagram)
{
  double em = line_height (deck);
  GPtrArray *lanes = wm_diagram_get_list (diagram, "lanes");
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *flat = NULL;
  guint first, n = diagram_pages (deck, diagram, &first);

  for (guint page = first; page < first + n; page++)
    {
      const Page *size = &g_array_index (deck->pages, Page, page - 1);
      g_autofree char *text = page_text (deck, page);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", page, deck->pages->len);
      g_autofree char *plain = NULL;
      g_autofree char *first_str = g_strdup_printf ("%u", page);
      double across, down;

      g_assert_cmpfloat (size->width, >, size->height);
      g_assert_cmpfloat (smallest_text (deck, page, em), >=, 8 - 0.05);
      g_assert_null (strstr (text, "mallest text"));
      /* It fills the page both ways, not only the way that limits it. */
      ink_fill (deck, page, &across, &down);
      g_assert_cmpfloat (across, >=, 0.85);
      g_assert_cmpfloat (down, >=, 0.85);
      g_assert_nonnull (strstr (text, number));
      for (guint l = 0; l < lanes->len; l++)
        g_assert_nonnull (strstr (text, ((WmListEntry *) g_ptr_array_index (lanes, l))->label));
      plain = run ((const char *const[]) { "pdftotext", "-f", first_str, "-l", first_str,
                                           deck->path, "-", NULL });
      g_string_append (all, plain);
    }
  flat = without_space (all->str);
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      const WmItem *item = wm_diagram_get_item (diagram, i);
      g_autofree char *wanted = NULL;

      if (!wm_item_is_node (item) || wm_str_is_blank (item->text))
        continue;
      wanted = without_space (item->text);
      if (strstr (flat, wanted) == NULL)
        g_error ("“%s” is not on the pages of “%s”", item->text,
                 wm_diagram_get_name (diagram));
    }
  return n;
}

/* The print layout itself, for an A4 landscape page's drawing area: one
 * page for the sample's journey, every card on it inside the extent, in
 * its stage's order from left to right, no two overlapping, its text no
 * smaller than asked once fitted; other notations have none. */
static void
test_journey_print_layout_api (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  const WmRenderPage page = { 841.89 - 72, 595.28 - 72 - 44, 8 };
  guint journeys = 0;

  for (guint d = 0; d < wm_project_get_n_diagrams (project); d++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, d);
      GPtrArray *stages = wm_diagram_get_list (diagram, "stages");
      g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (WmRect));
      g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
      cairo_surface_t *surface;
      cairo_t *cr;
      WmRenderOptions options;
      double smallest = G_MAXDOUBLE, scale;
      WmRect extent;

      if (!g_str_equal (wm_diagram_get_notation (diagram)->id, "customer-journey"))
        {
          g_assert_cmpuint (wm_render_journey_pages (diagram, &page), ==, 0);
          continue;
        }
      journeys++;
      g_assert_cmpuint (wm_render_journey_pages (diagram, &page), ==, 1);
      wm_render_journey_page_extent (diagram, &page, 0, &extent);
      scale = MIN (page.width / extent.width, page.height / extent.height);
      for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
        {
          const WmItem *item = wm_diagram_get_item (diagram, i);
          const char *stage = wm_item_get_string (item, "stage");
          WmRect rect;
          guint column = 0;

          if (!wm_item_is_node (item) || g_str_equal (item->type->id, "emotion"))
            continue;
          g_assert_true (wm_render_journey_page_node_rect (diagram, &page, 0, item, &rect));
          g_assert_cmpfloat (rect.x, >=, extent.x);
          g_assert_cmpfloat (rect.y, >=, extent.y);
          g_assert_cmpfloat (rect.x + rect.width, <=, extent.x + extent.width);
          g_assert_cmpfloat (rect.y + rect.height, <=, extent.y + extent.height);
          for (guint s = 0; s < stages->len; s++)
            if (g_str_equal (((WmListEntry *) g_ptr_array_index (stages, s))->id, stage))
              column = s;
          for (guint j = 0; j < rects->len; j++)
            {
              const WmRect *other = &g_array_index (rects, WmRect, j);
              guint other_column = g_array_index (columns, guint, j);

              g_assert_false (wm_rect_intersects (&rect, other));
              /* The stages run left to right, each card in its own's column. */
              if (other_column < column)
                g_assert_cmpfloat (other->x + other->width, <=, rect.x);
              else if (other_column > column)
                g_assert_cmpfloat (rect.x + rect.width, <=, other->x);
            }
          g_array_append_val (rects, rect);
          g_array_append_val (columns, column);
        }
      g_assert_cmpuint (rects->len, >=, 20);

      surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
      cr = cairo_create (surface);
      wm_render_options_init (&options);
      options.scale = 0;
      options.min_text_size = &smallest;
      wm_render_journey_page (diagram, cr, &options, &page, 0);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_assert_cmpfloat (smallest * scale, >=, page.min_text - 1e-6);
    }
  g_assert_cmpuint (journeys, >=, 1);
}

/* An empty journey, and one without stages or lanes, still make a page. */
static void
test_journey_print_layout_empty (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (project, "customer-journey", "Empty", &error);
  const WmRenderPage page = { 770, 480, 8 };
  const char *lists[] = { "stages", "lanes" };

  g_assert_no_error (error);
  for (guint round = 0; round < 3; round++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 8, 8);
      cairo_t *cr = cairo_create (surface);
      WmRect extent;

      g_assert_cmpuint (wm_render_journey_pages (diagram, &page), ==, 1);
      wm_render_journey_page_extent (diagram, &page, 0, &extent);
      g_assert_cmpfloat (extent.width, >, 0);
      g_assert_cmpfloat (extent.height, >, 0);
      wm_render_journey_page (diagram, cr, NULL, &page, 0);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      if (round == 2)
        break;
      /* Then without stages, then without lanes too. */
      while (wm_diagram_get_list (diagram, lists[round])->len > 0)
        g_assert_true (wm_diagram_list_remove (diagram, lists[round],
                                               ((WmListEntry *) g_ptr_array_index (
                                                  wm_diagram_get_list (diagram, lists[round]),
                                                  0))->id));
    }
}

/* The sample's journey map fills a landscape page at 8 pt or more. */
static void
test_journey_print_layout (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(Deck) deck = export_deck (project, FALSE);
  guint checked = 0;

  for (guint d = 0; d < wm_project_get_n_diagrams (project); d++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, d);

      if (!g_str_equal (wm_diagram_get_notation (diagram)->id, "customer-journey"))
        continue;
      check_journey_pages (deck, diagram);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 1);
}

/* The PDF of @diagram alone takes the @n_pages of its print layout too,
 * those after the first headed as continued. */
static void
check_single_pdf (WmDiagram *diagram,
                  guint      n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  WmExportOptions options;
  int fd;

  wm_export_options_init (&options);
  options.format = WM_EXPORT_PDF;
  bytes = wm_export_diagram (diagram, &options, &error);
  g_assert_no_error (error);
  fd = g_file_open_tmp ("test-deck-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  info = run ((const char *const[]) { "pdfinfo", path, NULL });
  g_assert_cmpuint (strtoul (strstr (info, "Pages:") + 6, NULL, 10), ==, n_pages);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *number = g_strdup_printf ("%u", page);
      g_autofree char *text = run ((const char *const[]) { "pdftotext", "-f", number, "-l", number,
                                                           "-layout", path, "-", NULL });
      g_autofree char *title = page == 1 ? g_strdup (wm_diagram_get_name (diagram))
                                         : g_strdup_printf ("%s (continued)",
                                                            wm_diagram_get_name (diagram));

      g_assert_true (heads_page (text, title));
    }
  g_unlink (path);
}

/* A journey of twelve stages continues over several pages, split between
 * stages, each page with its stages' headers, at 8 pt or more; the outline
 * names it once, and the pages after it keep their numbers. */
static void
test_journey_print_pages (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (project, "customer-journey", "Long journey", &error);
  static const char *const lanes[] = { "actions", "touchpoints", "thoughts", "pain-points",
                                       "opportunities", "backstage" };
  g_autoptr(Deck) deck = NULL;
  GPtrArray *stages;
  guint first, n, seen = 0, entries = 0;

  g_assert_no_error (error);
  for (guint s = 6; s <= 12; s++)
    {
      g_autofree char *id = g_strdup_printf ("stage-%u", s);
      g_autofree char *label = g_strdup_printf ("Stage %u", s);

      g_assert_true (wm_diagram_list_insert (diagram, "stages", s - 1, id, label, &error));
      g_assert_no_error (error);
    }
  stages = wm_diagram_get_list (diagram, "stages");
  g_assert_cmpuint (stages->len, ==, 12);
  for (guint s = 0; s < stages->len; s++)
    {
      const WmListEntry *stage = g_ptr_array_index (stages, s);
      g_autofree char *score = g_strdup_printf ("%d", (int) (s % 5) - 2);
      WmItem *point;

      for (guint l = 0; l < G_N_ELEMENTS (lanes); l++)
        {
          const char *what = l % 2 ? "compares the offers" : "reads the page";
          g_autofree char *text = g_strdup_printf ("Card %u.%u: the customer %s and then looks "
                                                   "for what to do next", s + 1, l + 1, what);
          WmItem *card = wm_diagram_add_node (diagram, "card", &(WmRect) { 0, 0, 0, 0 }, text,
                                              &error);

          g_assert_no_error (error);
          g_assert_true (wm_diagram_set_property (diagram, card->id, "stage", stage->id, NULL));
          g_assert_true (wm_diagram_set_property (diagram, card->id, "lane", lanes[l], NULL));
        }
      point = wm_diagram_add_node (diagram, "emotion", &(WmRect) { 0, 0, 0, 0 }, "Feels it",
                                   &error);
      g_assert_no_error (error);
      g_assert_true (wm_diagram_set_property (diagram, point->id, "stage", stage->id, NULL));
      g_assert_true (wm_diagram_set_property (diagram, point->id, "score", score, NULL));
    }

  deck = export_deck (project, FALSE);
  n = check_journey_pages (deck, diagram);
  g_assert_cmpuint (n, >=, 2);
  diagram_pages (deck, diagram, &first);
  /* The stages run on from page to page in order, split between stages:
   * each stage's cards on one page, under its header. */
  for (guint page = first; page < first + n; page++)
    {
      g_autofree char *text = page_text (deck, page);
      guint on_page = 0;

      for (guint s = 0; s < stages->len; s++)
        {
          const WmListEntry *stage = g_ptr_array_index (stages, s);
          g_autofree char *card = g_strdup_printf ("Card %u.1:", s + 1);

          if (strstr (text, card) == NULL)
            continue;
          g_assert_cmpuint (s, ==, seen);
          g_assert_nonnull (strstr (text, stage->label));
          seen++;
          on_page++;
        }
      g_assert_cmpuint (on_page, >=, 1);
    }
  g_assert_cmpuint (seen, ==, stages->len);
  for (guint i = 0; i < deck->outline->len; i++)
    entries += g_str_has_prefix (g_array_index (deck->outline, Entry, i).title, "Long journey");
  g_assert_cmpuint (entries, ==, 1);
  check_single_pdf (diagram, n);
}

/* With tiles, a diagram too small to read whole gets an overview whose tiles
 * link to the pages after it, each labelled with its place; a journey map,
 * laid out for its pages, needs none. */
static void
test_tiles (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(Deck) whole = export_deck (project, FALSE);
  g_autoptr(Deck) tiled = export_deck (project, TRUE);
  guint split = 0;

  g_assert_cmpuint (tiled->pages->len, >, whole->pages->len);
  for (guint d = 0; d < wm_project_get_n_diagrams (project); d++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, d);
      const char *name = wm_diagram_get_name (diagram);
      guint overview = outline_target (tiled, name);
      guint n_tiles = 0;
      g_autofree char *first_tile = NULL;

      for (guint target = overview + 1; count_links (tiled, overview, target) > 0; target++)
        n_tiles++;
      if (g_str_equal (wm_diagram_get_notation (diagram)->id, "customer-journey"))
        {
          g_assert_cmpuint (n_tiles, ==, 0);
          continue;
        }
      if (n_tiles == 0)
        continue;
      g_assert_cmpuint (n_tiles, >=, 2);
      first_tile = page_text (tiled, overview + 1);
      g_assert_nonnull (strstr (first_tile, "tile 1,1 of"));
      g_assert_nonnull (strstr (first_tile, name));
      split++;
    }
  g_assert_cmpuint (split, >=, 1);
}

/* The command line's --tiles asks for the same. */
static void
test_cli_tiles (void)
{
  const char *exe = g_getenv ("WAYMARK_EXE");
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                   "bean-box.waymark", NULL);
  g_autofree char *dir = g_dir_make_tmp ("test-deck-XXXXXX", NULL);
  g_autofree char *whole = g_build_filename (dir, "whole.pdf", NULL);
  g_autofree char *tiled = g_build_filename (dir, "tiled.pdf", NULL);
  g_autofree char *export_whole = g_strdup_printf ("--export=%s", whole);
  g_autofree char *export_tiled = g_strdup_printf ("--export=%s", tiled);
  g_autofree char *info_whole = NULL;
  g_autofree char *info_tiled = NULL;

  g_assert_nonnull (exe);
  g_free (run ((const char *const[]) { exe, export_whole, sample, NULL }));
  g_free (run ((const char *const[]) { exe, "--tiles", export_tiled, sample, NULL }));
  info_whole = run ((const char *const[]) { "pdfinfo", whole, NULL });
  info_tiled = run ((const char *const[]) { "pdfinfo", tiled, NULL });
  g_assert_cmpuint (strtoul (strstr (info_tiled, "Pages:") + 6, NULL, 10), >,
                    strtoul (strstr (info_whole, "Pages:") + 6, NULL, 10));
  g_unlink (whole);
  g_unlink (tiled);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/deck/outline", test_outline);
  g_test_add_func ("/deck/links/contents-and-footer", test_contents_and_footer_links);
  g_test_add_func ("/deck/links/cross-diagram", test_cross_diagram_links);
  g_test_add_func ("/deck/links/broken-is-no-link", test_broken_link_is_no_link);
  g_test_add_func ("/deck/metadata", test_metadata);
  g_test_add_func ("/deck/journey-is-landscape", test_journey_is_landscape);
  g_test_add_func ("/deck/text-size/announced", test_text_sizes);
  g_test_add_func ("/deck/text-size/tiles-read", test_tiles_text_sizes);
  g_test_add_func ("/deck/tiles/overview", test_tiles);
  g_test_add_func ("/deck/journey/print-layout", test_journey_print_layout);
  g_test_add_func ("/deck/journey/print-layout-api", test_journey_print_layout_api);
  g_test_add_func ("/deck/journey/print-layout-empty", test_journey_print_layout_empty);
  g_test_add_func ("/deck/journey/continued-pages", test_journey_print_pages);
  g_test_add_func ("/deck/tiles/command-line", test_cli_tiles);
  return g_test_run ();
}
