/* test-format.c — the .waymark format: round trips, determinism, errors, atomic saves
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "wm-test-util.h"

#define SAMPLE "data/samples/bean-box.waymark"

static WmProject *
load_string (const char *text,
             GError    **error)
{
  return wm_project_load_from_data (text, strlen (text), "test.waymark", error);
}

static void
test_sample_round_trip (void)
{
  gsize length;
  g_autofree char *data = wm_test_read_source_file (SAMPLE, &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = wm_project_load_from_data (data, length, SAMPLE, &error);
  g_autoptr(GBytes) bytes = NULL;
  guint kinds = 0, n_notations;

  g_assert_no_error (error);
  g_assert_false (wm_project_get_dirty (project));
  wm_notations_get_all (&n_notations);
  g_assert_cmpuint (wm_project_get_n_diagrams (project), >=, n_notations);
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      const WmNotation *notation = wm_diagram_get_notation (wm_project_get_diagram (project, i));
      guint n;
      const WmNotation *const *all = wm_notations_get_all (&n);

      for (guint j = 0; j < n; j++)
        if (all[j] == notation)
          kinds |= 1u << j;
    }
  /* The sample has a diagram of every notation. */
  g_assert_cmpuint (kinds, ==, (1u << n_notations) - 1);

  /* Opening and saving an unchanged file gives the same bytes. */
  bytes = wm_project_serialize (project);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, length);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), length, data, length);
}

static void
test_deterministic (void)
{
  gsize length;
  g_autofree char *data = wm_test_read_source_file (SAMPLE, &length);
  g_autoptr(WmProject) a = wm_project_load_from_data (data, length, SAMPLE, NULL);
  g_autoptr(WmProject) b = wm_project_load_from_data (data, length, SAMPLE, NULL);
  g_autofree char *first = wm_test_serialize (a);
  g_autofree char *second = wm_test_serialize (a);
  g_autofree char *other = wm_test_serialize (b);

  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (first, ==, other);
}

static void
test_numbers_in_c_locale (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_project_add_diagram (project, "value-stream-map", "VSM", NULL);
  WmRect bounds = { 10.5, -3.25, 120, 70 };
  WmItem *process = wm_diagram_add_node (diagram, "process", &bounds, "Roast", NULL);
  g_autofree char *text = NULL;

  g_assert_true (wm_diagram_set_property (diagram, process->id, "cycle-time", "45.75", NULL));
  /* Whatever the user's locale, files use a decimal point. The test setup
   * generates de_DE.UTF-8; without it this test has nothing to prove. */
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("The de_DE.UTF-8 locale is not installed");
      return;
    }
  text = wm_test_serialize (project);
  setlocale (LC_NUMERIC, "C");
  g_assert_nonnull (strstr (text, "x=\"10.5\" y=\"-3.25\" w=\"120\" h=\"70\""));
  g_assert_nonnull (strstr (text, "cycle-time=\"45.75\""));
}

static void
test_escaping (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(WmProject) back = NULL;
  WmDiagram *diagram = wm_project_add_diagram (project, "use-case", "Quotes \"&\" <tags>", NULL);
  WmItem *use_case = wm_diagram_add_node (diagram, "use-case", NULL, "«include» \t tab & \"q\"", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  wm_diagram_set_property (diagram, use_case->id, "main-flow", "1. Start\r\n2. Next\n\n3. End  ", NULL);
  wm_project_set_description (project, "Line one\nLine two <b>");
  text = wm_test_serialize (project);
  back = load_string (text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_diagram_get_name (wm_project_get_diagram (back, 0)), ==, "Quotes \"&\" <tags>");
  g_assert_cmpstr (wm_project_lookup_item (back, use_case->id, NULL)->text, ==,
                   "«include» \t tab & \"q\"");
  g_assert_cmpstr (wm_item_get_string (wm_project_lookup_item (back, use_case->id, NULL), "main-flow"),
                   ==, "1. Start\r\n2. Next\n\n3. End  ");
  g_assert_cmpstr (wm_project_get_description (back), ==, "Line one\nLine two <b>");
}

static void
test_error_names_line (void)
{
  const char *text =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<waymark-project format=\"1\">\n"
    "  <diagram id=\"d1\" notation=\"value-stream-map\" name=\"VSM\">\n"
    "    <node id=\"p1\" type=\"process\" x=\"0\" y=\"0\" w=\"10\" h=\"10\"/>\n"
    "    <node id=\"p2\" type=\"process\" x=\"0\" y=\"0\" w=\"10\" h=\"10\" cycle-time=\"fast\"/>\n"
    "  </diagram>\n"
    "</waymark-project>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = load_string (text, &error);

  g_assert_null (project);
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "test.waymark:5: "));
  g_assert_nonnull (strstr (error->message, "cycle-time"));
}

static void
test_schema_error_names_line (void)
{
  const char *text =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<waymark-project format=\"1\">\n"
    "  <title>T</title>\n"
    "  <diagram id=\"d1\" notation=\"use-case\" name=\"UC\">\n"
    "    <shape id=\"s\"/>\n"
    "  </diagram>\n"
    "</waymark-project>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = load_string (text, &error);

  g_assert_null (project);
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "test.waymark:5: "));
}

static void
test_newer_format_refused (void)
{
  const char *text =
    "<?xml version=\"1.0\"?>\n<waymark-project format=\"2\">\n"
    "  <diagram id=\"d1\" notation=\"hologram\" name=\"From the future\"/>\n"
    "</waymark-project>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = load_string (text, &error);

  g_assert_null (project);
  g_assert_error (error, WM_ERROR, WM_ERROR_NEWER_FORMAT);
  g_assert_true (g_str_has_prefix (error->message, "test.waymark:2: "));
  g_assert_nonnull (strstr (error->message, "newer version of Waymark"));
}

static void
test_lists_round_trip (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *journey = wm_project_add_diagram (project, "customer-journey", "Journey", NULL);
  g_autoptr(WmProject) back = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  GPtrArray *stages;

  /* An emptied list stays empty after a reload instead of coming back with the defaults. */
  while (wm_diagram_get_list (journey, "lanes")->len > 0)
    wm_diagram_list_remove (journey, "lanes",
                            ((WmListEntry *) g_ptr_array_index (wm_diagram_get_list (journey, "lanes"), 0))->id);
  wm_diagram_list_insert (journey, "stages", 0, "discovery", "Discovery & «search»", NULL);
  text = wm_test_serialize (project);
  back = load_string (text, NULL);
  g_assert_nonnull (back);
  stages = wm_diagram_get_list (wm_project_get_diagram (back, 0), "stages");
  g_assert_cmpuint (stages->len, ==, 6);
  g_assert_cmpstr (((WmListEntry *) g_ptr_array_index (stages, 0))->label, ==, "Discovery & «search»");
  g_assert_cmpuint (wm_diagram_get_list (wm_project_get_diagram (back, 0), "lanes")->len, ==, 0);
  again = wm_test_serialize (back);
  g_assert_cmpstr (again, ==, text);
}

/* A link's routing is written only when it is set: the default, straight,
 * adds nothing to the file, and orthogonal comes back as it was. */
static void
test_routing_round_trip (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *vsm = wm_project_add_diagram (project, "value-stream-map", "VSM", NULL);
  WmItem *a = wm_diagram_add_node (vsm, "process", NULL, "Roast", NULL);
  WmItem *b = wm_diagram_add_node (vsm, "process", &(WmRect) { 300, 200, 120, 70 }, "Pack", NULL);
  WmItem *routed = wm_diagram_add_link (vsm, "push", a->id, b->id, NULL);
  WmItem *plain = wm_diagram_add_link (vsm, "pull", b->id, a->id, NULL);
  g_autoptr(WmProject) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  g_assert_cmpstr (wm_item_get_choice (plain, WM_FIELD_ROUTING), ==, WM_ROUTING_STRAIGHT);
  g_assert_true (wm_diagram_set_property (vsm, routed->id, WM_FIELD_ROUTING, WM_ROUTING_ORTHOGONAL,
                                          &error));
  g_assert_no_error (error);
  text = wm_test_serialize (project);
  g_assert_nonnull (strstr (text, "routing=\"orthogonal\""));
  g_assert_null (strstr (text, "routing=\"straight\""));
  g_assert_null (strstr (strstr (text, "routing=") + 1, "routing="));

  back = load_string (text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_item_get_choice (wm_project_lookup_item (back, routed->id, NULL),
                                       WM_FIELD_ROUTING), ==, WM_ROUTING_ORTHOGONAL);
  g_assert_false (wm_item_has_value (wm_project_lookup_item (back, plain->id, NULL),
                                     WM_FIELD_ROUTING));
  again = wm_test_serialize (back);
  g_assert_cmpstr (again, ==, text);
}

static GFile *
temp_file (const char *name,
           char      **dir)
{
  g_autoptr(GError) error = NULL;

  *dir = g_dir_make_tmp ("waymark-test-XXXXXX", &error);
  g_assert_no_error (error);
  return g_file_new_build_filename (*dir, name, NULL);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
test_failed_save_keeps_old_file (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = temp_file ("project.waymark", &dir);
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = g_file_get_path (file);

  wm_project_set_title (project, "Version one");
  g_assert_true (wm_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (wm_project_get_dirty (project));
  g_file_get_contents (path, &before, NULL, NULL);

  /* A save that fails part-way leaves the old file as it was, and no litter. */
  wm_project_set_title (project, "Version two");
  g_cancellable_cancel (cancellable);
  g_assert_false (wm_project_save (project, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (wm_project_get_dirty (project));
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_clear_error (&error);

  /* So does a save into a folder that does not exist. */
  {
    g_autoptr(GFile) nowhere = g_file_new_build_filename (dir, "missing", "x.waymark", NULL);
    g_assert_false (wm_project_save (project, nowhere, NULL, &error));
    g_assert_nonnull (error);
    g_assert_true (wm_project_get_file (project) != nowhere);
  }

  g_unlink (path);
  g_rmdir (dir);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_project_save_finish (WM_PROJECT (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  WmProject **project = user_data;
  g_autoptr(GError) error = NULL;

  *project = wm_project_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async_save_and_load (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = temp_file ("async.waymark", &dir);
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(WmProject) loaded = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gboolean done = FALSE;
  WmDiagram *diagram = wm_project_add_diagram (project, "use-case", "Async", NULL);

  wm_diagram_add_node (diagram, "actor", NULL, "Customer", NULL);
  wm_project_save_async (project, file, WM_SAVE_NONE, NULL, on_saved, &done);
  /* An edit made while the save runs keeps the project dirty afterwards. */
  wm_diagram_add_node (diagram, "actor", NULL, "Late", NULL);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (wm_project_get_dirty (project));
  wm_project_undo (project);
  g_assert_false (wm_project_get_dirty (project));
  g_assert_true (g_file_equal (wm_project_get_file (project), file));

  wm_project_load_async (file, NULL, on_loaded, &loaded);
  while (loaded == NULL)
    g_main_context_iteration (NULL, TRUE);
  a = wm_test_serialize (project);
  b = wm_test_serialize (loaded);
  g_assert_cmpstr (a, ==, b);
  g_assert_true (g_file_equal (wm_project_get_file (loaded), file));

  g_unlink (path);
  g_rmdir (dir);
}

static WmProject *
load_async (GFile *file)
{
  WmProject *loaded = NULL;

  wm_project_load_async (file, NULL, on_loaded, &loaded);
  while (loaded == NULL)
    g_main_context_iteration (NULL, TRUE);
  return loaded;
}

/* A project read in the background keeps what it was read from, for a
 * window's merge base, until taken, edited or moved to another file; one
 * read at once (an export's) keeps nothing. */
static void
test_loaded_data (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = temp_file ("loaded.waymark", &dir);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) other = g_file_get_child (parent, "other.waymark");
  g_autoptr(WmProject) project = wm_project_new ();
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_nonnull (wm_project_add_diagram (project, "use-case", "Kept", NULL));
  g_assert_true (wm_project_save (project, file, NULL, NULL));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  {
    g_autoptr(WmProject) loaded = load_async (file);
    g_autoptr(GBytes) data = wm_project_take_loaded_data (loaded);
    g_autoptr(GBytes) again = wm_project_take_loaded_data (loaded);

    g_assert_nonnull (data);
    g_assert_cmpmem (g_bytes_get_data (data, NULL), g_bytes_get_size (data), contents, length);
    g_assert_null (again);
  }
  {
    g_autoptr(WmProject) loaded = load_async (file);
    g_autoptr(GBytes) data = NULL;

    g_assert_nonnull (wm_diagram_add_node (wm_project_get_diagram (loaded, 0), "actor", NULL,
                                           "Edited", NULL));
    data = wm_project_take_loaded_data (loaded);
    g_assert_null (data);
  }
  {
    g_autoptr(WmProject) loaded = load_async (file);
    g_autoptr(GBytes) data = NULL;

    wm_project_set_file (loaded, other);
    data = wm_project_take_loaded_data (loaded);
    g_assert_null (data);
  }
  {
    g_autoptr(WmProject) loaded = wm_project_load (file, NULL, NULL);
    g_autoptr(GBytes) data = wm_project_take_loaded_data (loaded);

    g_assert_nonnull (loaded);
    g_assert_null (data);
  }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_not_a_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = load_string ("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", &error);

  g_assert_null (project);
  g_assert_error (error, WM_ERROR, WM_ERROR_NOT_A_PROJECT);
  g_assert_true (g_str_has_prefix (error->message, "test.waymark:1: "));
}

/* @n copies of @unit, then @tail. */
static char *
repeat (const char *unit,
        gsize       n,
        const char *tail)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < n; i++)
    g_string_append (out, unit);
  g_string_append (out, tail);
  return g_string_free (out, FALSE);
}

/* Whatever the model accepts, the writer writes and the reader reads back:
 * texts as long as allowed, made of the characters that escape the longest,
 * geometry at the edges of its range and the most waypoints a link may have. */
static void
test_longest_values_reopen (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autofree char *lines = repeat ("\"&<é\r", WM_LIMIT_TEXT_CHARS / 5, "");
  g_autofree char *line = repeat ("\"&é", WM_LIMIT_TEXT_CHARS / 3, "x");
  WmDiagram *vsm = wm_project_add_diagram (project, "value-stream-map", line, NULL);
  WmDiagram *journey = wm_project_add_diagram (project, "customer-journey", "Journey", NULL);
  WmRect edge = { -WM_LIMIT_COORDINATE, WM_LIMIT_COORDINATE, WM_LIMIT_SIZE, WM_LIMIT_SIZE };
  WmItem *note = wm_diagram_add_node (vsm, "note", &edge, lines, NULL);
  WmItem *process = wm_diagram_add_node (vsm, "process", NULL, line, NULL);
  WmItem *inventory = wm_diagram_add_node (vsm, "inventory", &edge, NULL, NULL);
  WmItem *push = wm_diagram_add_link (vsm, "push", process->id, inventory->id, NULL);
  WmItem *customer = wm_diagram_add_node (vsm, "customer", NULL, "Café", NULL);
  g_autofree WmPoint *points = g_new (WmPoint, WM_LIMIT_POINTS);
  g_autoptr(WmProject) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  g_assert_cmpuint (g_utf8_strlen (line, -1), ==, WM_LIMIT_TEXT_CHARS);
  g_assert_nonnull (note);
  g_assert_nonnull (push);
  for (guint i = 0; i < WM_LIMIT_POINTS; i++)
    points[i] = (WmPoint) { -WM_LIMIT_COORDINATE + i / 3.0, WM_LIMIT_COORDINATE - i / 7.0 };
  g_assert_true (wm_diagram_set_points (vsm, push->id, points, WM_LIMIT_POINTS));
  g_assert_true (wm_diagram_set_property (vsm, customer->id, "requirements", lines, &error));
  g_assert_no_error (error);
  g_assert_true (wm_diagram_list_insert (journey, "stages", 0, "long", line, &error));
  g_assert_no_error (error);

  text = wm_test_serialize (project);
  back = load_string (text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_project_lookup_item (back, note->id, NULL)->text, ==, lines);
  again = wm_test_serialize (back);
  g_assert_true (g_str_equal (again, text));
}

/* The templates are what the writer writes: opening and saving one
 * unchanged gives its bytes back, as for the sample. */
static void
test_templates_round_trip (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("data", "templates", name, NULL);
      gsize length;
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(WmProject) project = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_suffix (name, ".waymark"))
        continue;
      data = wm_test_read_source_file (path, &length);
      project = wm_project_load_from_data (data, length, path, &error);
      g_assert_no_error (error);
      bytes = wm_project_serialize (project);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), data, length);
      n++;
    }
  g_assert_cmpuint (n, >=, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/sample/round-trip-byte-identical", test_sample_round_trip);
  g_test_add_func ("/format/templates-round-trip", test_templates_round_trip);
  g_test_add_func ("/format/writer/deterministic", test_deterministic);
  g_test_add_func ("/format/writer/c-locale-numbers", test_numbers_in_c_locale);
  g_test_add_func ("/format/writer/escaping", test_escaping);
  g_test_add_func ("/format/writer/lists", test_lists_round_trip);
  g_test_add_func ("/format/writer/routing", test_routing_round_trip);
  g_test_add_func ("/format/reader/error-names-line", test_error_names_line);
  g_test_add_func ("/format/limits/longest-values-reopen", test_longest_values_reopen);
  g_test_add_func ("/format/reader/schema-error-names-line", test_schema_error_names_line);
  g_test_add_func ("/format/reader/newer-format-refused", test_newer_format_refused);
  g_test_add_func ("/format/reader/not-a-project", test_not_a_project);
  g_test_add_func ("/format/save/failed-save-keeps-old-file", test_failed_save_keeps_old_file);
  g_test_add_func ("/format/save/async", test_async_save_and_load);
  g_test_add_func ("/format/load/loaded-data", test_loaded_data);

  return g_test_run ();
}
