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
#include <sys/mman.h>

#include "wm-check.h"
#include "wm-error.h"
#include "wm-format.h"
#include "wm-limits.h"

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

/* Loads generated @out, which must be refused with @code on line @line, with
 * a message that holds @words. */
static void
assert_refused_at (const GString *out,
                   const char    *name,
                   WmError        code,
                   guint          line,
                   const char    *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = load_exact (out->str, out->len, name, &error);

  if (project != NULL)
    g_error ("%s was accepted, but must be refused", name);
  assert_clean_refusal (project, error, name, line, line);
  assert_error_code (error, code, code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, words);
  g_test_message ("%s", error->message);
}

static GString *
start_use_case_document (void)
{
  return g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<waymark-project format=\"1\">\n"
                       "  <diagram id=\"uc-1\" notation=\"use-case\" name=\"Russian dolls\">\n");
}

/* Appends packages package-@first ... package-@last, each inside the one
 * before it, children first when @reverse (the parent is then a forward
 * reference). Returns the line of package-@mark. */
static guint
append_package_chain (GString    *out,
                      const char *prefix,
                      guint       first,
                      guint       last,
                      gboolean    reverse,
                      guint       mark)
{
  guint line = 0;

  for (guint n = 0; n <= last - first; n++)
    {
      guint i = reverse ? last - n : first + n;

      if (i == mark)
        line = count_lines (out->str, out->len);
      g_string_append_printf (out, "    <node id=\"%s%u\" type=\"package\" x=\"%u\" y=\"%u\" "
                                   "w=\"100\" h=\"100\"", prefix, i, i % 1000, i / 1000);
      if (i > first)
        g_string_append_printf (out, " parent=\"%s%u\"", prefix, i - 1);
      g_string_append (out, "/>\n");
    }
  return line;
}

/* Containers nested as deep as the model allows, listed innermost first: a
 * valid file, which must load and survive the code that walks the tree. */
static void
test_parent_chain_at_limit (void)
{
  g_autoptr(GString) out = start_use_case_document ();
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GError) error = NULL;

  append_package_chain (out, "package-", 0, WM_LIMIT_CONTAINMENT_DEPTH, TRUE, 0);
  finish_document (out);

  project = load_exact (out->str, out->len, "parent-chain-at-limit.waymark", &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  check_loaded_file (project, "parent-chain-at-limit.waymark");
}

/* One container more, and the node that sits too deep is named. */
static void
test_parent_chain_over_limit (void)
{
  g_autoptr(GString) out = start_use_case_document ();
  guint depth = WM_LIMIT_CONTAINMENT_DEPTH + 1;
  guint line = append_package_chain (out, "package-", 0, depth, TRUE, depth);

  finish_document (out);
  assert_refused_at (out, "parent-chain-over-limit.waymark", WM_ERROR_INVALID, line,
                     "containers");
}

/* 40 000 packages in one chain took 28 s to load when each was checked by a
 * walk to the top. The walks stop at the cap now, so this is refused at once. */
static void
test_parent_chain_40000 (void)
{
  g_autoptr(GString) out = start_use_case_document ();
  guint mark = WM_LIMIT_CONTAINMENT_DEPTH + 1;
  guint line = append_package_chain (out, "package-", 0, 40000, FALSE, mark);

  finish_document (out);
  assert_refused_at (out, "parent-chain-40000.waymark", WM_ERROR_INVALID, line, "containers");
}

/* Many chains as deep as allowed: every node's check walks at most the cap's
 * number of steps, so the load is linear in the number of nodes. */
static void
test_containment_wide (void)
{
  g_autoptr(GString) out = start_use_case_document ();
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GError) error = NULL;

  for (guint chain = 0; chain < 300; chain++)
    {
      g_autofree char *prefix = g_strdup_printf ("package-%u-", chain);
      append_package_chain (out, prefix, 0, WM_LIMIT_CONTAINMENT_DEPTH, chain % 2 == 0, 0);
    }
  finish_document (out);

  project = load_exact (out->str, out->len, "containment-wide.waymark", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wm_diagram_get_n_items (wm_project_get_diagram (project, 0)), ==,
                    300 * (WM_LIMIT_CONTAINMENT_DEPTH + 1));
}

/* A node with @n_attributes attributes in all (six of them its core ones). */
static GString *
node_with_attributes (guint  n_attributes,
                      guint *line)
{
  g_autoptr(GString) out = start_vsm_document ();

  *line = count_lines (out->str, out->len);
  g_string_append (out, "    <node id=\"process-1\" type=\"process\" "
                        "x=\"0\" y=\"0\" w=\"120\" h=\"70\"");
  for (guint i = 6; i < n_attributes; i++)
    g_string_append_printf (out, " p%u=\"1\"", i);
  g_string_append (out, "/>\n");
  finish_document (out);
  return g_steal_pointer (&out);
}

/* One element with 20 000 attributes (a 210 kB file) made RELAX NG validation
 * take 3 GB. The element is refused before the validator sees it: the error
 * names its line and its attributes, where the validator would have said the
 * element failed to validate. */
static void
test_attributes_20000 (void)
{
  guint line;
  g_autoptr(GString) out = node_with_attributes (20000, &line);

  assert_refused_at (out, "attributes-20000.waymark", WM_ERROR_INVALID, line, "attributes");
}

/* At the limit the count passes, and the first unknown property is what is
 * wrong; one more attribute, and the count is. */
static void
test_attributes_at_limit (void)
{
  guint line;
  g_autoptr(GString) at_limit = node_with_attributes (WM_LIMIT_ATTRIBUTES, &line);
  g_autoptr(GString) over_limit = node_with_attributes (WM_LIMIT_ATTRIBUTES + 1, &line);

  assert_refused_at (at_limit, "attributes-at-limit.waymark", WM_ERROR_UNKNOWN_TYPE, line,
                     "property");
  assert_refused_at (over_limit, "attributes-over-limit.waymark", WM_ERROR_INVALID, line,
                     "attributes");
}

/* One element more than a file may have, most of them empty entries of a
 * use case's extension points, which the model would otherwise keep. */
static void
test_elements_over_limit (void)
{
  g_autoptr(GString) out = start_use_case_document ();
  /* The root, the diagram, the node and <entries> come first. */
  guint n_entries = WM_LIMIT_ELEMENTS - 4 + 1;
  guint line = 0;

  g_string_append (out, "    <node id=\"use-case-1\" type=\"use-case\" "
                        "x=\"0\" y=\"0\" w=\"160\" h=\"70\">\n"
                        "      <entries name=\"extension-points\">\n");
  for (guint i = 0; i < n_entries; i++)
    {
      if (i == n_entries - 1)
        line = count_lines (out->str, out->len);
      g_string_append (out, "<entry/>\n");
    }
  g_string_append (out, "      </entries>\n    </node>\n");
  finish_document (out);
  assert_refused_at (out, "elements-over-limit.waymark", WM_ERROR_INVALID, line, "elements");
}

/* Elements nested one level deeper than allowed: the error names the line
 * of the innermost, not that of the first one the schema does not expect. */
static void
test_xml_depth_over_limit (void)
{
  g_autoptr(GString) out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<waymark-project format=\"1\">\n");
  guint line = 0;

  for (guint depth = 2; depth <= WM_LIMIT_XML_DEPTH + 1; depth++)
    {
      line = count_lines (out->str, out->len);
      g_string_append (out, "<diagram>\n");
    }
  for (guint depth = 2; depth <= WM_LIMIT_XML_DEPTH + 1; depth++)
    g_string_append (out, "</diagram>\n");
  g_string_append (out, "</waymark-project>\n");
  assert_refused_at (out, "depth-over-limit.waymark", WM_ERROR_INVALID, line, "nested");
}

/* A file one byte larger than the reader opens: a valid project followed by
 * zero bytes, in memory that is mapped but never touched. */
static void
test_file_too_large (void)
{
  static const char head[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<waymark-project format=\"1\"/>\n";
  gsize length = (gsize) WM_LIMIT_FILE_BYTES + 1;
  char *data = mmap (NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;

  g_assert_true (data != MAP_FAILED);
  memcpy (data, head, strlen (head));
  project = wm_project_load_from_data (data, length, "too-large.waymark", &error);
  munmap (data, length);
  assert_clean_refusal (project, error, "too-large.waymark", 1, 1);
  assert_error_code (error, WM_ERROR_INVALID, WM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "larger"));
}

/* A DOCTYPE with megabytes of internal subset, which libxml2 took tens of
 * seconds to parse before the reader saw the DOCTYPE. The subset ends in
 * garbage that libxml2 would call malformed; the refusal names the DOCTYPE
 * instead, which shows that the subset was never parsed. */
static void
test_doctype_not_parsed (void)
{
  g_autoptr(GString) out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<!DOCTYPE waymark-project [\n");

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (out, "  <!ENTITY e%u \"A roasting note, number %u.\">\n", i, i);
  g_string_append (out, "  <!GARBAGE>\n]>\n<waymark-project format=\"1\"/>\n");
  assert_refused_at (out, "doctype-large-subset.waymark", WM_ERROR_INVALID, 2, "DOCTYPE");
}

/* A node whose text attribute is @length characters of @unit. */
static GString *
node_with_text (gsize       length,
                const char *unit)
{
  g_autoptr(GString) out = start_vsm_document ();

  g_string_append (out, "    <node id=\"process-1\" type=\"process\" "
                        "x=\"0\" y=\"0\" w=\"120\" h=\"70\" text=\"");
  for (gsize i = 0; i < length; i++)
    g_string_append (out, unit);
  g_string_append (out, "\"/>\n");
  finish_document (out);
  return g_steal_pointer (&out);
}

/* The longest text the model accepts loads, however its characters are
 * escaped or encoded; one character more is refused, naming the line. */
static void
test_text_limit_attribute (void)
{
  g_autoptr(GString) at_limit = node_with_text (WM_LIMIT_TEXT_CHARS / 2, "é&quot;");
  g_autoptr(GString) over_limit = node_with_text (WM_LIMIT_TEXT_CHARS + 1, "a");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = load_exact (at_limit->str, at_limit->len,
                                             "text-at-limit.waymark", &error);
  WmItem *item;

  g_assert_no_error (error);
  item = wm_project_lookup_item (project, "process-1", NULL);
  g_assert_cmpuint (g_utf8_strlen (item->text, -1), ==, WM_LIMIT_TEXT_CHARS);
  assert_refused_at (over_limit, "text-over-limit.waymark", WM_ERROR_INVALID, 4, "characters");
}

/* The same for a multi-line text element, whose line is the one it starts on. */
static void
test_text_limit_element (void)
{
  g_autoptr(GString) out = start_vsm_document ();
  g_autofree char *filler = make_filler (WM_LIMIT_TEXT_CHARS + 1, TRUE);

  g_string_append (out, "    <node id=\"note-1\" type=\"note\" "
                        "x=\"0\" y=\"0\" w=\"150\" h=\"70\">\n"
                        "      <text>");
  g_string_append (out, filler);
  g_string_append (out, "</text>\n    </node>\n");
  finish_document (out);
  assert_refused_at (out, "text-element-over-limit.waymark", WM_ERROR_INVALID, 5, "characters");
}

/* A string list is one value: its entries and the line breaks between them
 * count together, as they do when the inspector sets it. */
static void
test_text_limit_entries (void)
{
  g_autoptr(GString) out = start_use_case_document ();
  g_autofree char *filler = make_filler (WM_LIMIT_TEXT_CHARS / 2, FALSE);

  g_string_append (out, "    <node id=\"use-case-1\" type=\"use-case\" "
                        "x=\"0\" y=\"0\" w=\"160\" h=\"70\">\n"
                        "      <entries name=\"extension-points\">\n");
  g_string_append_printf (out, "<entry>%s</entry>\n<entry>%s</entry>\n", filler, filler);
  g_string_append (out, "      </entries>\n    </node>\n");
  finish_document (out);
  assert_refused_at (out, "entries-over-limit.waymark", WM_ERROR_INVALID, 5, "characters");
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
  g_test_add_func ("/format/hostile/generated/parent-chain-at-limit", test_parent_chain_at_limit);
  g_test_add_func ("/format/hostile/generated/parent-chain-over-limit",
                   test_parent_chain_over_limit);
  g_test_add_func ("/format/hostile/generated/parent-chain-40000", test_parent_chain_40000);
  g_test_add_func ("/format/hostile/generated/containment-wide", test_containment_wide);
  g_test_add_func ("/format/hostile/generated/attributes-20000", test_attributes_20000);
  g_test_add_func ("/format/hostile/generated/attributes-at-limit", test_attributes_at_limit);
  g_test_add_func ("/format/hostile/generated/elements-over-limit", test_elements_over_limit);
  g_test_add_func ("/format/hostile/generated/depth-over-limit", test_xml_depth_over_limit);
  g_test_add_func ("/format/hostile/generated/file-too-large", test_file_too_large);
  g_test_add_func ("/format/hostile/generated/doctype-not-parsed", test_doctype_not_parsed);
  g_test_add_func ("/format/hostile/generated/text-limit-attribute", test_text_limit_attribute);
  g_test_add_func ("/format/hostile/generated/text-limit-element", test_text_limit_element);
  g_test_add_func ("/format/hostile/generated/text-limit-entries", test_text_limit_entries);
  g_test_add_func ("/format/hostile/generated/attribute-10mb", test_huge_attribute);
  g_test_add_func ("/format/hostile/generated/text-element-10mb", test_huge_text_element);
  g_test_add_func ("/format/hostile/generated/quadratic-blowup", test_quadratic_blowup);
  g_test_add_func ("/format/hostile/generated/random-1mb", test_random_bytes);
  g_test_add_func ("/format/hostile/generated/truncations", test_truncations);

  return g_test_run ();
}
