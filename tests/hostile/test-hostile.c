/* test-hostile.c — hostile and broken .waymark files must be refused cleanly
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every *.waymark file in this directory is loaded with
 * wm_project_load_from_data(). The prefix of its name says what must happen:
 *
 *   ok-           loads; it then survives serialise, reload and check
 *   malformed-    WM_ERROR_MALFORMED
 *   invalid-      WM_ERROR_INVALID
 *   newer-        WM_ERROR_NEWER_FORMAT
 *   not-project-  WM_ERROR_NOT_A_PROJECT
 *   unknown-      WM_ERROR_UNKNOWN_TYPE
 *   duplicate-    WM_ERROR_DUPLICATE_ID
 *   doctype-      WM_ERROR_INVALID or WM_ERROR_MALFORMED
 *
 * A DOCTYPE is refused by the format, but libxml2 may already find entity
 * content not well-formed (an entity loop, an external entity in an attribute)
 * before the reader sees the DOCTYPE, so either code is a correct refusal. What
 * these files check is that nothing is expanded, fetched or echoed.
 *
 * Every error message must read "NAME:LINE: message". Lines count from 1, as
 * an editor shows them; an empty file has one empty line, so it is reported
 * at line 1. When a line of the file holds the comment EXPECTED_MARKER, the
 * error must name that line; otherwise any line of the file will do, because
 * where libxml2 notices a broken document is its own business.
 *
 * Larger inputs (deep nesting, 10 MB values, random bytes, every truncation of
 * a valid file) are generated here rather than checked in. Nothing is timed.
 */
#define G_LOG_DOMAIN "test-hostile"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "wm-check.h"
#include "wm-error.h"
#include "wm-format.h"

#define EXPECTED_MARKER "<!-- expected error -->"
#define MAX_MESSAGE_LENGTH 1024
#define TEN_MB (10 * 1024 * 1024)
#define RANDOM_SEED 20260101

typedef struct
{
  const char *prefix;
  gboolean    loads;
  WmError     code;
  WmError     other_code;  /* a second acceptable code, or the same one again */
} Expectation;

static const Expectation expectations[] = {
  { "ok-", TRUE, WM_ERROR_FAILED, WM_ERROR_FAILED },
  { "malformed-", FALSE, WM_ERROR_MALFORMED, WM_ERROR_MALFORMED },
  { "invalid-", FALSE, WM_ERROR_INVALID, WM_ERROR_INVALID },
  { "newer-", FALSE, WM_ERROR_NEWER_FORMAT, WM_ERROR_NEWER_FORMAT },
  { "not-project-", FALSE, WM_ERROR_NOT_A_PROJECT, WM_ERROR_NOT_A_PROJECT },
  { "unknown-", FALSE, WM_ERROR_UNKNOWN_TYPE, WM_ERROR_UNKNOWN_TYPE },
  { "duplicate-", FALSE, WM_ERROR_DUPLICATE_ID, WM_ERROR_DUPLICATE_ID },
  { "doctype-", FALSE, WM_ERROR_INVALID, WM_ERROR_MALFORMED },
};

/* Metadata that some ok- files must come back with; NULL is not checked. */
static const struct
{
  const char *file;
  const char *title;
  const char *description;
} expected_metadata[] = {
  { "ok-comments-and-blank-lines.waymark", "Comments are ignored", NULL },
  { "ok-utf8-bom.waymark", "A file that starts with a byte order mark", NULL },
  { "ok-crlf-line-endings.waymark", "Windows line endings", "Two lines\nof description" },
};

static const Expectation *
find_expectation (const char *basename)
{
  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (g_str_has_prefix (basename, expectations[i].prefix))
      return &expectations[i];
  return NULL;
}

/* Loads from an exact-size copy, so that a reader relying on a terminating NUL
 * byte reads past the end of the buffer, where AddressSanitizer sees it. */
static WmProject *
load_exact (const char *data,
            gsize       length,
            const char *name,
            GError    **error)
{
  g_autofree char *copy = g_memdup2 (data, MAX (length, 1));

  return wm_project_load_from_data (copy, length, name, error);
}

static guint
count_lines (const char *data,
             gsize       length)
{
  guint lines = 1;

  for (gsize i = 0; i < length; i++)
    if (data[i] == '\n')
      lines++;
  return lines;
}

/* The line that holds EXPECTED_MARKER, or 0 when no line does. */
static guint
find_marker_line (const char *data,
                  gsize       length)
{
  gsize marker_length = strlen (EXPECTED_MARKER);

  for (gsize i = 0; i + marker_length <= length; i++)
    if (memcmp (data + i, EXPECTED_MARKER, marker_length) == 0)
      return count_lines (data, i);
  return 0;
}

/* Reads the line number of a "NAME:LINE: message" error; FALSE when the message
 * has another shape. */
static gboolean
parse_error_line (const char *message,
                  const char *name,
                  guint64    *line)
{
  const char *rest;
  char *end = NULL;

  if (!g_str_has_prefix (message, name) || message[strlen (name)] != ':')
    return FALSE;
  rest = message + strlen (name) + 1;
  if (!g_ascii_isdigit (*rest))
    return FALSE;
  *line = g_ascii_strtoull (rest, &end, 10);
  return g_str_has_prefix (end, ": ") && end[2] != '\0';
}

/* Checks what every refusal must look like, whatever its code. */
static void
assert_clean_refusal (WmProject  *project,
                      GError     *error,
                      const char *name,
                      guint       first_line,
                      guint       last_line)
{
  guint64 line = 0;

  g_assert_null (project);
  g_assert_nonnull (error);
  g_assert_cmpstr (g_quark_to_string (error->domain), ==, g_quark_to_string (WM_ERROR));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), <, MAX_MESSAGE_LENGTH);
  /* Nothing of /etc/passwd may reach the user through an entity or an include. */
  g_assert_null (strstr (error->message, "root:"));
  if (!parse_error_line (error->message, name, &line))
    g_error ("“%s” does not read “%s:LINE: message”", error->message, name);
  if (first_line == last_line && line != first_line)
    g_error ("“%s” names line %" G_GUINT64_FORMAT ", but the error is on line %u",
             error->message, line, first_line);
  if (line < first_line || line > last_line)
    g_error ("“%s” names line %" G_GUINT64_FORMAT ", but the file has lines %u to %u",
             error->message, line, first_line, last_line);
}

static void
assert_error_code (const GError *error,
                   WmError       code,
                   WmError       other_code)
{
  if (error->code != (int) code && error->code != (int) other_code)
    g_error ("expected error code %d (or %d), got %d: %s",
             code, other_code, error->code, error->message);
}

static gboolean
problem_concerns (const WmProblem *problem,
                  const char      *item_id,
                  const char      *missing_id)
{
  if (problem->item_ids != NULL && g_strv_contains ((const char *const *) problem->item_ids,
                                                    item_id))
    return TRUE;
  return strstr (problem->message, missing_id) != NULL;
}

/* A dangling reference loads, and the check then reports it. */
static void
assert_dangling_reference_reported (WmProject *project)
{
  g_autoptr(GPtrArray) problems = wm_project_check (project);

  for (guint i = 0; i < problems->len; i++)
    if (problem_concerns (g_ptr_array_index (problems, i), "note-1", "ghost-99"))
      return;
  g_error ("wm_project_check() does not report the dangling reference to ghost-99");
}

/* Serialises @project, reloads the bytes and serialises again: the reload
 * must succeed and give the same bytes. */
static void
assert_round_trip (WmProject *project)
{
  g_autoptr(GBytes) first = wm_project_serialize (project);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(WmProject) reloaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (first, &length);

  reloaded = load_exact (data, length, "serialized.waymark", &error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);
  second = wm_project_serialize (reloaded);
  g_assert_true (g_bytes_equal (first, second));
  problems = wm_project_check (reloaded);
  g_assert_nonnull (problems);
}

static void
assert_expected_metadata (WmProject  *project,
                          const char *basename)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_metadata); i++)
    {
      if (!g_str_equal (expected_metadata[i].file, basename))
        continue;
      g_assert_cmpstr (wm_project_get_title (project), ==, expected_metadata[i].title);
      if (expected_metadata[i].description != NULL)
        g_assert_cmpstr (wm_project_get_description (project), ==,
                         expected_metadata[i].description);
    }
}

static void
check_loaded_file (WmProject  *project,
                   const char *basename)
{
  g_autoptr(GPtrArray) problems = wm_project_check (project);

  g_assert_nonnull (problems);
  assert_expected_metadata (project, basename);
  if (g_str_equal (basename, "ok-dangling-refs.waymark"))
    assert_dangling_reference_reported (project);
  assert_round_trip (project);
}

static void
test_corpus_file (gconstpointer user_data)
{
  const char *path = user_data;
  g_autofree char *basename = g_path_get_basename (path);
  const Expectation *expectation = find_expectation (basename);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  guint marker_line;

  if (expectation == NULL)
    g_error ("%s: the name starts with no known prefix, so nothing says what to expect",
             basename);
  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);

  project = load_exact (data, length, basename, &error);
  if (expectation->loads)
    {
      g_assert_no_error (error);
      g_assert_nonnull (project);
      check_loaded_file (project, basename);
      return;
    }

  if (project != NULL)
    g_error ("%s was accepted, but must be refused", basename);
  marker_line = find_marker_line (data, length);
  if (marker_line != 0)
    assert_clean_refusal (project, error, basename, marker_line, marker_line);
  else
    assert_clean_refusal (project, error, basename, 1, count_lines (data, length));
  assert_error_code (error, expectation->code, expectation->other_code);
  g_test_message ("%s", error->message);
}

/* Loads generated @data: it must load, or be refused cleanly with one of the
 * given codes. Returns the project, if any. */
static WmProject *
load_generated (const char *data,
                gsize       length,
                const char *name,
                gboolean    may_load,
                WmError     code,
                WmError     other_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = load_exact (data, length, name, &error);

  if (project != NULL)
    {
      g_assert_no_error (error);
      if (!may_load)
        g_error ("%s was accepted, but must be refused", name);
      return g_steal_pointer (&project);
    }
  assert_clean_refusal (project, error, name, 1, count_lines (data, length));
  assert_error_code (error, code, other_code);
  g_test_message ("%s", error->message);
  return NULL;
}

static GString *
start_vsm_document (void)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<waymark-project format=\"1\">\n");

  g_string_append (out, "  <diagram id=\"vsm-1\" notation=\"value-stream-map\" name=\"Deep\">\n");
  return out;
}

static void
finish_document (GString *out)
{
  g_string_append (out, "  </diagram>\n</waymark-project>\n");
}

/* Elements nested 300 deep: deeper than libxml2 allows by default, and
 * nothing the format allows anyway. */
static void
test_xml_nesting (void)
{
  g_autoptr(GString) out = start_vsm_document ();
  g_autoptr(WmProject) project = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (out, "<node id=\"process-%u\" type=\"process\" "
                                 "x=\"0\" y=\"0\" w=\"120\" h=\"70\">\n", i);
  for (guint i = 0; i < 300; i++)
    g_string_append (out, "</node>\n");
  finish_document (out);

  project = load_generated (out->str, out->len, "nesting-300.waymark", FALSE,
                            WM_ERROR_MALFORMED, WM_ERROR_INVALID);
}

/* Containers nested 300 deep through parent attributes: a valid file, which
 * must load and survive the code that walks the containment tree. */
static void
test_parent_chain (void)
{
  g_autoptr(GString) out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<waymark-project format=\"1\">\n"
                                         "  <diagram id=\"uc-1\" notation=\"use-case\" "
                                         "name=\"Russian dolls\">\n");
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GError) error = NULL;

  g_string_append (out, "    <node id=\"package-0\" type=\"package\" "
                        "x=\"0\" y=\"0\" w=\"3000\" h=\"3000\"/>\n");
  for (guint i = 1; i < 300; i++)
    g_string_append_printf (out, "    <node id=\"package-%u\" type=\"package\" x=\"%u\" y=\"%u\" "
                                 "w=\"%u\" h=\"%u\" parent=\"package-%u\"/>\n",
                            i, 5 * i, 5 * i, 3000 - 10 * i, 3000 - 10 * i, i - 1);
  finish_document (out);

  project = load_exact (out->str, out->len, "parent-chain-300.waymark", &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  check_loaded_file (project, "parent-chain-300.waymark");
}

static char *
make_filler (gsize    length,
             gboolean with_line_breaks)
{
  char *filler = g_malloc (length + 1);

  memset (filler, 'a', length);
  if (with_line_breaks)
    for (gsize i = 79; i < length; i += 80)
      filler[i] = '\n';
  filler[length] = '\0';
  return filler;
}

/* A 10 MB attribute value: it may load (keeping every byte) or be refused,
 * but a refusal must not quote the value back. */
static void
test_huge_attribute (void)
{
  g_autoptr(GString) out = start_vsm_document ();
  g_autofree char *filler = make_filler (TEN_MB, FALSE);
  g_autoptr(WmProject) project = NULL;
  WmItem *item;

  g_string_append (out, "    <node id=\"process-1\" type=\"process\" "
                        "x=\"0\" y=\"0\" w=\"120\" h=\"70\" text=\"");
  g_string_append (out, filler);
  g_string_append (out, "\"/>\n");
  finish_document (out);

  project = load_generated (out->str, out->len, "attribute-10mb.waymark", TRUE,
                            WM_ERROR_MALFORMED, WM_ERROR_INVALID);
  if (project == NULL)
    return;
  item = wm_project_lookup_item (project, "process-1", NULL);
  g_assert_nonnull (item);
  g_assert_cmpuint (strlen (item->text), ==, TEN_MB);
}

/* A 10 MB multi-line text element, under the same rules. */
static void
test_huge_text_element (void)
{
  g_autoptr(GString) out = start_vsm_document ();
  g_autofree char *filler = make_filler (TEN_MB, TRUE);
  g_autoptr(WmProject) project = NULL;
  WmItem *item;

  g_string_append (out, "    <node id=\"note-1\" type=\"note\" x=\"0\" y=\"0\" w=\"150\" h=\"70\">\n"
                        "      <text>");
  g_string_append (out, filler);
  g_string_append (out, "</text>\n    </node>\n");
  finish_document (out);

  project = load_generated (out->str, out->len, "text-element-10mb.waymark", TRUE,
                            WM_ERROR_MALFORMED, WM_ERROR_INVALID);
  if (project == NULL)
    return;
  item = wm_project_lookup_item (project, "note-1", NULL);
  g_assert_nonnull (item);
  g_assert_cmpuint (strlen (item->text), ==, TEN_MB);
}

/* One entity of 10 kB referenced 10 000 times: 100 MB if it were expanded. */
static void
test_quadratic_blowup (void)
{
  g_autoptr(GString) out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<!DOCTYPE waymark-project [\n  <!ENTITY big \"");
  g_autofree char *filler = make_filler (10 * 1024, FALSE);
  g_autoptr(WmProject) project = NULL;

  g_string_append (out, filler);
  g_string_append (out, "\">\n]>\n<waymark-project format=\"1\">\n  <title>");
  for (guint i = 0; i < 10000; i++)
    g_string_append (out, "&big;");
  g_string_append (out, "</title>\n</waymark-project>\n");

  project = load_generated (out->str, out->len, "quadratic-blowup.waymark", FALSE,
                            WM_ERROR_INVALID, WM_ERROR_MALFORMED);
}

static void
test_random_bytes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (RANDOM_SEED);
  g_autofree char *data = g_malloc (1024 * 1024);
  g_autoptr(WmProject) project = NULL;

  for (gsize i = 0; i < 1024 * 1024; i++)
    data[i] = (char) g_rand_int_range (rand, 0, 256);

  project = load_generated (data, 1024 * 1024, "random-1mb.waymark", FALSE,
                            WM_ERROR_MALFORMED, WM_ERROR_MALFORMED);
}

static void
check_truncation (const char *data,
                  gsize       cut,
                  gboolean    whole,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = load_exact (data, cut, name, &error);

  if (whole)
    {
      g_assert_no_error (error);
      g_assert_nonnull (project);
      return;
    }
  if (project != NULL)
    g_error ("%s cut after %" G_GSIZE_FORMAT " bytes was accepted", name, cut);
  assert_clean_refusal (project, error, name, 1, count_lines (data, cut));
  assert_error_code (error, WM_ERROR_MALFORMED, WM_ERROR_MALFORMED);
}

/* Every prefix of a valid file that stops before the end of the root element
 * is malformed; the ones that keep it whole load. */
static void
test_truncations (void)
{
  const char *name = "ok-all-notations.waymark";
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, name, NULL);
  g_autofree char *data = NULL;
  const char *root_end;
  gsize length = 0, complete;

  g_file_get_contents (path, &data, &length, NULL);
  g_assert_nonnull (data);
  root_end = g_strrstr (data, "</waymark-project>");
  g_assert_nonnull (root_end);
  complete = (gsize) (root_end - data) + strlen ("</waymark-project>");

  for (gsize cut = 0; cut <= length; cut++)
    check_truncation (data, cut, cut >= complete, name);
}

/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Registers one test per corpus file, named for the file. */
static void
add_corpus_tests (void)
{
  const char *dir = g_test_get_dir (G_TEST_DIST);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, WM_FILE_EXTENSION))
      g_ptr_array_add (names, g_strdup (name));
  g_assert_cmpuint (names->len, >, 0);
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *stem = g_strndup (file, strlen (file) - strlen (WM_FILE_EXTENSION));
      g_autofree char *test_path = g_strconcat ("/format/hostile/", stem, NULL);

      g_test_add_data_func_full (test_path, g_build_filename (dir, file, NULL),
                                 test_corpus_file, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Error messages hold typographic quotes; print them as they are. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  add_corpus_tests ();
  g_test_add_func ("/format/hostile/generated/nesting-300", test_xml_nesting);
  g_test_add_func ("/format/hostile/generated/parent-chain-300", test_parent_chain);
  g_test_add_func ("/format/hostile/generated/attribute-10mb", test_huge_attribute);
  g_test_add_func ("/format/hostile/generated/text-element-10mb", test_huge_text_element);
  g_test_add_func ("/format/hostile/generated/quadratic-blowup", test_quadratic_blowup);
  g_test_add_func ("/format/hostile/generated/random-1mb", test_random_bytes);
  g_test_add_func ("/format/hostile/generated/truncations", test_truncations);

  return g_test_run ();
}
