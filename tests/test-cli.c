/* test-cli.c — the headless command line: waymark --check and --version
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "wm-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs waymark with the arguments (NULL-terminated) into @run. */
#define run_waymark(run, ...) \
  ((run)->status = wm_test_run_waymark (&(run)->out, &(run)->err, __VA_ARGS__))

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "bean-box.waymark", NULL);
}

static void
test_version (void)
{
  g_auto(Run) run = { 0, };

  run_waymark (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "waymark " PACKAGE_VERSION "\n");
}

static void
test_check_sample (void)
{
  g_autofree char *sample = sample_path ();
  g_auto(Run) run = { 0, };

  run_waymark (&run, "--check", sample, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "a valid Waymark project"));
  g_assert_nonnull (strstr (run.out, "6 diagrams:"));
  g_assert_nonnull (strstr (run.out, "business-model-canvas"));
  g_assert_nonnull (strstr (run.out, "use-case"));
  g_assert_nonnull (strstr (run.out, "value-stream-map"));
  g_assert_nonnull (strstr (run.out, "customer-journey"));
  g_assert_true (g_regex_match_simple ("value-proposition-canvas .*: 21 nodes, 7 links", run.out, 0, 0));
  g_assert_true (g_regex_match_simple ("customer-journey .*: [0-9]+ nodes, 0 links", run.out, 0, 0));
  g_assert_cmpstr (run.err, ==, "");
  /* The figures as the metrics panel shows them. */
  g_assert_nonnull (strstr (run.out, "  Production lead time: 7.5 days\n"));
  g_assert_nonnull (strstr (run.out, "  Process cycle efficiency: 0.059 %\n"));
  g_assert_nonnull (strstr (run.out, "  Rolled C&A: 84 %\n"));
}

/* Every template installed with the application checks clean, and one at
 * least starts each kind of diagram. */
static void
test_check_templates (void)
{
  const char *notations[] = { "business-model-canvas", "use-case", "value-stream-map",
                              "customer-journey", "value-proposition-canvas" };
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "templates", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GString) seen = g_string_new (NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_auto(Run) run = { 0, };

      if (!g_str_has_suffix (name, ".waymark"))
        continue;
      g_test_message ("checking %s", name);
      run_waymark (&run, "--check", path, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_nonnull (strstr (run.out, "a valid Waymark project"));
      g_assert_nonnull (strstr (run.out, "\nNo problems found.\n"));
      g_string_append (seen, run.out);
      n++;
    }
  g_assert_cmpuint (n, >=, G_N_ELEMENTS (notations));
  for (guint i = 0; i < G_N_ELEMENTS (notations); i++)
    {
      g_autofree char *listed = g_strdup_printf ("\n  %s ", notations[i]);

      g_test_message ("a template for %s", notations[i]);
      g_assert_nonnull (strstr (seen->str, listed));
    }
}

static void
test_check_invalid_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.waymark", NULL);
  g_auto(Run) run = { 0, };

  g_file_set_contents (path,
                       "<?xml version=\"1.0\"?>\n"
                       "<waymark-project format=\"1\">\n"
                       "  <diagram id=\"d\" notation=\"use-case\" name=\"x\">\n"
                       "    <node id=\"a\" type=\"actor\" x=\"0\" y=\"0\" w=\"1\" h=\"1\"\n"
                       "</waymark-project>\n", -1, NULL);
  run_waymark (&run, "--check", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, path));
  g_assert_true (g_regex_match_simple (":[0-9]+: ", run.err, 0, 0));
  g_assert_cmpstr (run.out, ==, "");

  g_unlink (path);
  g_rmdir (dir);
}

/* A link to an item that is gone is reported, naming the item that holds
 * it; a link to an item of another diagram that exists is not. */
static void
test_check_broken_link (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "links.waymark", NULL);
  g_auto(Run) run = { 0, };

  g_file_set_contents (path,
                       "<?xml version=\"1.0\"?>\n"
                       "<waymark-project format=\"1\">\n"
                       "  <diagram id=\"bmc-1\" notation=\"business-model-canvas\" name=\"Canvas\">\n"
                       "    <node id=\"note-a\" type=\"note\" x=\"0\" y=\"0\" w=\"120\" h=\"80\"\n"
                       "          text=\"Web shop\" block=\"channels\" links=\"use-case-gone note-b\"/>\n"
                       "  </diagram>\n"
                       "  <diagram id=\"uc-1\" notation=\"use-case\" name=\"Cases\">\n"
                       "    <node id=\"note-b\" type=\"note\" x=\"0\" y=\"0\" w=\"160\" h=\"80\"\n"
                       "          text=\"See the canvas\" links=\"note-a\"/>\n"
                       "  </diagram>\n"
                       "</waymark-project>\n", -1, NULL);
  run_waymark (&run, "--check", path, NULL);
  /* A broken link is a warning: the file is still valid. */
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "links to “use-case-gone”, which no longer exists"));
  g_assert_nonnull (strstr (run.out, "[note-a]"));
  g_assert_null (strstr (run.out, "[note-b]"));
  g_assert_null (strstr (run.out, "“note-a”, which"));
  g_assert_null (strstr (run.out, "“note-b”, which"));

  g_unlink (path);
  g_rmdir (dir);
}

/* Writes @contents to a new file in a new temporary directory. */
static char *
write_project (const char *contents)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-cli-XXXXXX", NULL);
  char *path = g_build_filename (dir, "project.waymark", NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
remove_project (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* The figures of a value stream map, each formatted as the panel and the
 * painter show it; every stock listed with its days and pieces; and a days
 * override that disagrees with the pieces reported. */
static void
test_check_metrics (void)
{
  g_autofree char *path = write_project (
    "<?xml version=\"1.0\"?>\n"
    "<waymark-project format=\"1\">\n"
    "  <diagram id=\"vsm-1\" notation=\"value-stream-map\" name=\"Line\" daily-demand=\"460\">\n"
    "    <node id=\"s\" type=\"supplier\" x=\"0\" y=\"0\" w=\"120\" h=\"90\" text=\"Mill\"/>\n"
    "    <node id=\"i\" type=\"inventory\" x=\"200\" y=\"0\" w=\"60\" h=\"52\" text=\"Steel\"\n"
    "          quantity=\"460\" days=\"2.5\"/>\n"
    "    <node id=\"p\" type=\"process\" x=\"300\" y=\"0\" w=\"120\" h=\"70\" text=\"Cut\"\n"
    "          cycle-time=\"10\"/>\n"
    "    <node id=\"c\" type=\"customer\" x=\"500\" y=\"0\" w=\"120\" h=\"90\" text=\"Dealer\"/>\n"
    "    <link id=\"l1\" type=\"push\" source=\"s\" target=\"i\"/>\n"
    "    <link id=\"l2\" type=\"push\" source=\"i\" target=\"p\"/>\n"
    "    <link id=\"l3\" type=\"push\" source=\"p\" target=\"c\"/>\n"
    "  </diagram>\n"
    "</waymark-project>\n");
  g_auto(Run) run = { 0, };

  run_waymark (&run, "--check", path, NULL);
  g_test_message ("%s", run.out);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "  Takt time: 60 s\n"));
  /* The override wins: 2.5 days of lead time, 10 s over 2.5 x 27600 s. */
  g_assert_nonnull (strstr (run.out, "  Production lead time: 2.5 days\n"));
  g_assert_nonnull (strstr (run.out, "  Process cycle efficiency: 0.014 %\n"));
  g_assert_nonnull (strstr (run.out, "  Inventory “Steel”: 2.5 days, 460 pcs\n"));
  g_assert_true (g_regex_match_simple ("warning: Line: .*“Steel”.*460 pcs.*1 day.*2\\.5 days.*"
                                       "\\[i\\]", run.out, 0, 0));
  remove_project (path);
}

/* Problems name items by their text, and by their type when they have none:
 * never by an id of their own, never as an empty “”. */
static void
test_check_unnamed_items (void)
{
  g_autofree char *path = write_project (
    "<?xml version=\"1.0\"?>\n"
    "<waymark-project format=\"1\">\n"
    "  <diagram id=\"bmc-1\" notation=\"business-model-canvas\" name=\"Canvas\">\n"
    "    <node id=\"note-1\" type=\"note\" x=\"0\" y=\"0\" w=\"120\" h=\"80\"\n"
    "          block=\"channels\" links=\"gone-1\"/>\n"
    "  </diagram>\n"
    "  <diagram id=\"cj-1\" notation=\"customer-journey\" name=\"Journey\" persona=\"Sam\">\n"
    "    <list name=\"stages\"><entry id=\"aware\">Awareness</entry></list>\n"
    "    <list name=\"lanes\"><entry id=\"actions\">Actions</entry></list>\n"
    "    <node id=\"emotion-1\" type=\"emotion\" x=\"0\" y=\"0\" w=\"24\" h=\"24\"/>\n"
    "    <node id=\"card-1\" type=\"card\" x=\"0\" y=\"0\" w=\"150\" h=\"70\" stage=\"left\"\n"
    "          lane=\"actions\"/>\n"
    "  </diagram>\n"
    "  <diagram id=\"uc-1\" notation=\"use-case\" name=\"Cases\">\n"
    "    <node id=\"actor-1\" type=\"actor\" x=\"0\" y=\"0\" w=\"60\" h=\"110\"/>\n"
    "    <node id=\"note-2\" type=\"note\" x=\"200\" y=\"0\" w=\"160\" h=\"80\" text=\"Later\"/>\n"
    "    <link id=\"association-1\" type=\"association\" source=\"actor-1\" target=\"note-2\"/>\n"
    "  </diagram>\n"
    "</waymark-project>\n");
  g_auto(Run) run = { 0, };

  run_waymark (&run, "--check", path, NULL);
  g_test_message ("%s", run.out);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_null (strstr (run.out, "“”"));
  g_assert_null (strstr (run.out, "“note-1”"));
  g_assert_null (strstr (run.out, "“emotion-1”"));
  g_assert_null (strstr (run.out, "“card-1”"));
  g_assert_null (strstr (run.out, "stages"));
  g_assert_nonnull (strstr (run.out, "An unnamed item of type “Sticky note” links to “gone-1”, "
                                     "which no longer exists."));
  g_assert_nonnull (strstr (run.out, "An unnamed item of type “Emotion point” is in no stage."));
  g_assert_nonnull (strstr (run.out, "An unnamed item of type “Card” is in “left”, which is not "
                                     "in the diagram’s list “Stages”."));
  g_assert_nonnull (strstr (run.out, "A link of type “Association” cannot go from an item of type "
                                     "“Actor” to an item of type “Note”."));
  remove_project (path);
}

static void
test_check_missing_file (void)
{
  g_auto(Run) run = { 0, };

  run_waymark (&run, "--check", "/nonexistent/project.waymark", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "project.waymark"));
}

static void
test_bad_usage (void)
{
  g_auto(Run) none = { 0, };
  g_auto(Run) unknown = { 0, };

  run_waymark (&none, "--check", NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_cmpstr (none.err, !=, "");
  run_waymark (&unknown, "--frobnicate", "x.waymark", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/check/sample", test_check_sample);
  g_test_add_func ("/cli/check/templates", test_check_templates);
  g_test_add_func ("/cli/check/invalid-file", test_check_invalid_file);
  g_test_add_func ("/cli/check/missing-file", test_check_missing_file);
  g_test_add_func ("/cli/check/broken-link", test_check_broken_link);
  g_test_add_func ("/cli/check/metrics", test_check_metrics);
  g_test_add_func ("/cli/check/unnamed-items", test_check_unnamed_items);
  g_test_add_func ("/cli/usage", test_bad_usage);

  return g_test_run ();
}
