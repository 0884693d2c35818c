/* test-export-dialog.c — the asynchronous exports and the export dialog
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under xvfb-run like the window tests. It also writes screenshots of
 * the export dialog (idle and exporting) and of the preferences window to
 * $WAYMARK_SCREENSHOT_DIR (default: the temporary folder).
 */
#include "config.h"

#include <adwaita.h>

#include <glib/gstdio.h>
#include <string.h>

#include "wm-export-dialog.h"
#include "wm-preferences.h"
#include "wm-test-util.h"
#include "wm-widget-test.h"

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs the main loop until the callback stored its result. */
static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

/* @bytes with what follows each @key up to @end left out. */
static GBytes *
without_values (GBytes     *bytes,
                const char *key,
                char        end)
{
  gsize length, key_length = strlen (key);
  const char *data = g_bytes_get_data (bytes, &length);
  const char *stop = data + length;
  GByteArray *out = g_byte_array_new ();
  const char *p = data, *found;

  while ((found = memmem (p, stop - p, key, key_length)) != NULL)
    {
      g_byte_array_append (out, (const guint8 *) p, found + key_length - p);
      for (p = found + key_length; p < stop && *p != end; p++)
        ;
    }
  g_byte_array_append (out, (const guint8 *) p, stop - p);
  return g_byte_array_free_to_bytes (out);
}

/* Two exports of the same thing in one process differ in a PDF's creation
 * date, to the second, and in the number cairo gives each surface it makes,
 * which names an SVG's drawing: nothing else. */
static void
assert_same_export (const char *expected_path,
                    const char *actual_path)
{
  g_autoptr(GBytes) expected = read_file (expected_path);
  g_autoptr(GBytes) actual = read_file (actual_path);
  g_autoptr(GBytes) expected_dated = without_values (expected, "/CreationDate (", ')');
  g_autoptr(GBytes) actual_dated = without_values (actual, "/CreationDate (", ')');
  g_autoptr(GBytes) expected_kept = without_values (expected_dated, "id=\"surface", '"');
  g_autoptr(GBytes) actual_kept = without_values (actual_dated, "id=\"surface", '"');

  g_assert_cmpuint (g_bytes_get_size (actual), >, 0);
  g_assert_true (g_bytes_equal (expected_kept, actual_kept));
}

/* No temporary file of the safe-save routine is left in @dir. */
static void
assert_no_temporary_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_null (strstr (name, WM_SAFE_SAVE_TMP_INFIX));
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

static void
export_diagram_both_ways (WmDiagram             *diagram,
                          const WmExportOptions *options,
                          const char            *dir,
                          const char            *name)
{
  g_autofree char *sync_path = g_strdup_printf ("%s/sync-%s", dir, name);
  g_autofree char *async_path = g_strdup_printf ("%s/async-%s", dir, name);
  g_autoptr(GFile) sync_file = g_file_new_for_path (sync_path);
  g_autoptr(GFile) async_file = g_file_new_for_path (async_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_export_diagram_to_file (diagram, options, sync_file, &error));
  g_assert_no_error (error);
  wm_export_diagram_to_file_async (diagram, options, async_file, NULL, store_result, &result);
  g_assert_true (wm_export_diagram_to_file_finish (diagram, wait_for_result (&result), &error));
  g_assert_no_error (error);
  assert_same_export (sync_path, async_path);
}

static void
test_async_diagram_same_bytes (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("waymark-export-async-XXXXXX", NULL);
  const struct { WmExportFormat format; const char *name; } cases[] = {
    { WM_EXPORT_PNG, "diagram.png" },
    { WM_EXPORT_SVG, "diagram.svg" },
    { WM_EXPORT_PDF, "diagram.pdf" },
  };

  for (guint d = 0; d < wm_project_get_n_diagrams (project); d++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        WmExportOptions options;
        g_autofree char *name = g_strdup_printf ("%u-%s", d, cases[i].name);

        wm_export_options_init (&options);
        options.format = cases[i].format;
        export_diagram_both_ways (wm_project_get_diagram (project, d), &options, dir, name);
      }
  assert_no_temporary_files (dir);
  remove_tree (dir);
}

static void
test_async_presentation_same_bytes (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("waymark-export-async-XXXXXX", NULL);
  g_autofree char *sync_path = g_build_filename (dir, "sync.pdf", NULL);
  g_autofree char *async_path = g_build_filename (dir, "async.pdf", NULL);
  g_autoptr(GFile) sync_file = g_file_new_for_path (sync_path);
  g_autoptr(GFile) async_file = g_file_new_for_path (async_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  WmExportOptions options;

  wm_export_options_init (&options);
  g_assert_true (wm_export_presentation_to_file (project, &options, sync_file, &error));
  g_assert_no_error (error);
  wm_export_presentation_to_file_async (project, &options, async_file, NULL, store_result,
                                        &result);
  g_assert_true (wm_export_presentation_to_file_finish (project, wait_for_result (&result),
                                                        &error));
  g_assert_no_error (error);
  assert_same_export (sync_path, async_path);
  remove_tree (dir);
}

static void
test_async_each_same_bytes (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("waymark-export-async-XXXXXX", NULL);
  g_autofree char *sync_output = g_build_filename (dir, "sync.svg", NULL);
  g_autofree char *async_output = g_build_filename (dir, "async.svg", NULL);
  g_auto(GStrv) sync_paths = NULL;
  g_auto(GStrv) async_paths = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  WmExportOptions options;

  wm_export_options_init (&options);
  options.format = WM_EXPORT_SVG;
  g_assert_true (wm_export_each_diagram (project, &options, sync_output, NULL, NULL, &error));
  wm_export_each_diagram_async (project, &options, async_output, NULL, store_result, &result);
  g_assert_true (wm_export_each_diagram_finish (project, wait_for_result (&result), &error));
  g_assert_no_error (error);
  sync_paths = wm_export_paths_for_diagrams (sync_output, project, options.format);
  async_paths = wm_export_paths_for_diagrams (async_output, project, options.format);
  g_assert_cmpuint (g_strv_length (async_paths), ==, wm_project_get_n_diagrams (project));
  for (guint i = 0; async_paths[i] != NULL; i++)
    assert_same_export (sync_paths[i], async_paths[i]);
  remove_tree (dir);
}

/* One diagram that cannot be written (a folder stands where its file would
 * go) does not stop the others, and the error says which failed. */
static void
test_async_each_reports_failure (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("waymark-export-async-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "deck.png", NULL);
  g_auto(GStrv) paths = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  WmExportOptions options;

  wm_export_options_init (&options);
  options.format = WM_EXPORT_PNG;
  options.scale = 0.25;
  paths = wm_export_paths_for_diagrams (output, project, options.format);
  g_assert_cmpint (g_mkdir (paths[1], 0700), ==, 0);
  wm_export_each_diagram_async (project, &options, output, NULL, store_result, &result);
  g_assert_false (wm_export_each_diagram_finish (project, wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  expected = g_strdup_printf ("1 of %u diagrams could not be exported: ",
                              wm_project_get_n_diagrams (project));
  g_assert_true (g_str_has_prefix (error->message, expected));
  for (guint i = 0; paths[i] != NULL; i++)
    g_assert_true (g_file_test (paths[i], i == 1 ? G_FILE_TEST_IS_DIR : G_FILE_TEST_IS_REGULAR));
  assert_no_temporary_files (dir);
  remove_tree (dir);
}

/* A cancelled export leaves the file there before byte for byte, whether it
 * was cancelled before it started or while it ran. */
static void
test_async_cancelled_keeps_file (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("waymark-export-async-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "deck.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char old[] = "the stakeholders' copy\n";
  WmExportOptions options;

  wm_export_options_init (&options);
  g_assert_true (g_file_set_contents (path, old, -1, NULL));
  for (guint before_start = 0; before_start < 2; before_start++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) now = NULL;

      if (before_start)
        g_cancellable_cancel (cancellable);
      wm_export_presentation_to_file_async (project, &options, file, cancellable, store_result,
                                            &result);
      g_cancellable_cancel (cancellable);
      g_assert_false (wm_export_presentation_to_file_finish (project, wait_for_result (&result),
                                                             &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      now = read_file (path);
      g_assert_cmpmem (g_bytes_get_data (now, NULL), g_bytes_get_size (now), old, strlen (old));
      assert_no_temporary_files (dir);
    }
  remove_tree (dir);
}

/* The export is of the project as it was when it started: edits made
 * meanwhile do not reach the file. */
static void
test_async_exports_a_snapshot (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("waymark-export-async-XXXXXX", NULL);
  g_autofree char *sync_path = g_build_filename (dir, "sync.pdf", NULL);
  g_autofree char *async_path = g_build_filename (dir, "async.pdf", NULL);
  g_autoptr(GFile) sync_file = g_file_new_for_path (sync_path);
  g_autoptr(GFile) async_file = g_file_new_for_path (async_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  WmExportOptions options;

  wm_export_options_init (&options);
  g_assert_true (wm_export_presentation_to_file (project, &options, sync_file, &error));
  wm_export_presentation_to_file_async (project, &options, async_file, NULL, store_result,
                                        &result);
  wm_project_set_title (project, "Renamed while exporting");
  g_assert_true (wm_project_remove_diagram (project, wm_project_get_diagram (project, 0)));
  g_assert_true (wm_export_presentation_to_file_finish (project, wait_for_result (&result),
                                                        &error));
  g_assert_no_error (error);
  assert_same_export (sync_path, async_path);
  remove_tree (dir);
}

/* The dialog */

static GtkWidget *
template_child (WmExportDialog *dialog,
                const char     *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), WM_TYPE_EXPORT_DIALOG,
                                                  name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

static void
test_dialog_template (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmExportDialog *dialog = wm_export_dialog_new (NULL, project, NULL);
  const struct { const char *name; guint n_choices; } combos[] = {
    { "format", 8 }, { "which", 2 }, { "page", 4 }, { "orientation", 3 },
  };
  AdwComboRow *format = ADW_COMBO_ROW (template_child (dialog, "format"));
  WmExportOptions options;
  gboolean all;

  for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
    {
      GtkWidget *row = template_child (dialog, combos[i].name);

      g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))),
                        ==, combos[i].n_choices);
    }
  g_assert_true (GTK_IS_SPIN_BUTTON (template_child (dialog, "scale")));
  g_assert_true (GTK_IS_SWITCH (template_child (dialog, "transparent")));
  g_assert_true (GTK_IS_BUTTON (template_child (dialog, "export_button")));

  /* Without a diagram on screen, it is all of them, and no choice. */
  wm_export_dialog_get_options (dialog, &options, &all);
  g_assert_true (all);
  g_assert_false (gtk_widget_get_sensitive (template_child (dialog, "which")));
  g_assert_cmpfloat (options.scale, ==, 2);

  /* Page settings are for PDF, scale and background for PNG. */
  g_assert_true (gtk_widget_get_sensitive (template_child (dialog, "page_group")));
  g_assert_false (gtk_widget_get_sensitive (template_child (dialog, "image_group")));
  adw_combo_row_set_selected (format, WM_EXPORT_PNG);
  g_assert_false (gtk_widget_get_sensitive (template_child (dialog, "page_group")));
  g_assert_true (gtk_widget_get_sensitive (template_child (dialog, "image_group")));
  g_assert_false (gtk_widget_get_sensitive (template_child (dialog, "svg_group")));
  /* Editable text is for SVG; a PowerPoint deck takes none of the three. */
  adw_combo_row_set_selected (format, WM_EXPORT_SVG);
  g_assert_true (gtk_widget_get_sensitive (template_child (dialog, "svg_group")));
  g_assert_false (gtk_widget_get_sensitive (template_child (dialog, "image_group")));
  adw_combo_row_set_selected (format, WM_EXPORT_PPTX);
  g_assert_false (gtk_widget_get_sensitive (template_child (dialog, "page_group")));
  g_assert_false (gtk_widget_get_sensitive (template_child (dialog, "image_group")));
  g_assert_false (gtk_widget_get_sensitive (template_child (dialog, "svg_group")));

  /* The switches reach the options, and back. */
  wm_export_options_init (&options);
  options.format = WM_EXPORT_PDF;
  options.tiles = TRUE;
  options.svg_text = TRUE;
  wm_export_dialog_set_options (dialog, &options, TRUE);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (template_child (dialog, "tiles"))));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (template_child (dialog, "svg_text"))));
  gtk_switch_set_active (GTK_SWITCH (template_child (dialog, "tiles")), FALSE);
  wm_export_dialog_get_options (dialog, &options, &all);
  g_assert_false (options.tiles);
  g_assert_true (options.svg_text);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_dialog_export_async (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmDiagram *current = wm_project_find_diagram (project, "uc-41");
  WmExportDialog *dialog = wm_export_dialog_new (NULL, project, current);
  g_autofree char *dir = g_dir_make_tmp ("waymark-export-dialog-XXXXXX", NULL);
  g_autofree char *sync_path = g_build_filename (dir, "sync.svg", NULL);
  g_autofree char *async_path = g_build_filename (dir, "async.svg", NULL);
  g_autoptr(GFile) sync_file = g_file_new_for_path (sync_path);
  g_autoptr(GFile) async_file = g_file_new_for_path (async_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  WmExportOptions options;

  wm_export_options_init (&options);
  options.format = WM_EXPORT_SVG;
  wm_export_dialog_set_options (dialog, &options, FALSE);
  g_assert_true (wm_export_dialog_export_to (dialog, sync_file, &error));
  wm_export_dialog_export_to_async (dialog, async_file, NULL, store_result, &result);
  g_assert_true (wm_export_dialog_export_to_finish (dialog, wait_for_result (&result), &error));
  g_assert_no_error (error);
  assert_same_export (sync_path, async_path);
  gtk_window_destroy (GTK_WINDOW (dialog));
  remove_tree (dir);
}

/* The text formats: their options greyed out as the pictures' are, the
 * file named for them, and the bytes the command line's code writes. */
static void
test_dialog_text_formats (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmDiagram *current = wm_project_find_diagram (project, "uc-41");
  WmExportDialog *dialog = wm_export_dialog_new (NULL, project, current);
  g_autofree char *dir = g_dir_make_tmp ("waymark-export-text-XXXXXX", NULL);
  g_autofree char *direct_dir = g_build_filename (dir, "direct", NULL);
  const struct { WmExchangeFormat format; const char *extension; const char *start; } cases[] = {
    { WM_EXCHANGE_PLANTUML, ".puml", "@startuml" },
    { WM_EXCHANGE_DRAWIO, ".drawio", "<mxfile" },
    { WM_EXCHANGE_CSV, ".csv", "Use case," },
    { WM_EXCHANGE_MARKDOWN, ".md", "# " },
  };

  g_assert_cmpint (g_mkdir (direct_dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean markdown = cases[i].format == WM_EXCHANGE_MARKDOWN;
      g_autofree char *name = NULL;
      g_autofree char *dialog_path = g_strdup_printf ("%s/dialog%s", dir, cases[i].extension);
      /* The same name in another folder: Markdown names its pictures after it. */
      g_autofree char *direct_path = g_strdup_printf ("%s/direct/dialog%s", dir,
                                                      cases[i].extension);
      g_autoptr(GFile) dialog_file = g_file_new_for_path (dialog_path);
      g_autoptr(GFile) direct_file = g_file_new_for_path (direct_path);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) written = NULL;
      g_autoptr(GBytes) direct = NULL;
      WmConvertOptions options;

      wm_convert_options_init (&options);
      options.markdown_svgs = markdown;
      wm_export_dialog_set_text_format (dialog, cases[i].format, &options);
      g_assert_cmpint (wm_export_dialog_get_text_format (dialog, NULL), ==, cases[i].format);
      g_assert_false (gtk_widget_get_sensitive (template_child (dialog, "page_group")));
      g_assert_false (gtk_widget_get_sensitive (template_child (dialog, "image_group")));
      g_assert_false (gtk_widget_get_sensitive (template_child (dialog, "svg_group")));
      g_assert_cmpint (gtk_widget_get_sensitive (template_child (dialog, "markdown_group")), ==,
                       markdown);
      /* Markdown is always the whole project. */
      g_assert_cmpint (gtk_widget_get_sensitive (template_child (dialog, "which")), ==, !markdown);
      name = _wm_export_dialog_dup_suggested_name (dialog);
      g_assert_true (g_str_has_suffix (name, cases[i].extension));

      wm_export_dialog_export_to_async (dialog, dialog_file, NULL, store_result, &result);
      g_assert_true (wm_export_dialog_export_to_finish (dialog, wait_for_result (&result), &error));
      g_assert_no_error (error);
      g_assert_true (wm_convert_export_to_file (project, markdown ? NULL : current,
                                                cases[i].format, &options, direct_file, &error));
      g_assert_no_error (error);
      written = read_file (dialog_path);
      direct = read_file (direct_path);
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (written, NULL),
                                      MIN (g_bytes_get_size (written), 200), cases[i].start));
      g_assert_true (g_bytes_equal (written, direct));
    }
  /* The pictures went beside the document, and it shows them. */
  {
    g_autofree char *svg = g_build_filename (dir, "dialog-ordering-and-subscription.svg", NULL);
    g_autofree char *md = g_build_filename (dir, "dialog.md", NULL);
    g_autoptr(GBytes) document = read_file (md);
    g_autofree char *text = g_strndup (g_bytes_get_data (document, NULL),
                                       g_bytes_get_size (document));

    g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));
    g_assert_nonnull (strstr (text, "dialog-ordering-and-subscription.svg"));
  }
  assert_no_temporary_files (dir);
  gtk_window_destroy (GTK_WINDOW (dialog));
  remove_tree (dir);
}

static gboolean
is_busy (WmExportDialog *dialog)
{
  GtkStack *stack = GTK_STACK (template_child (dialog, "export_stack"));

  return g_str_equal (gtk_stack_get_visible_child_name (stack), "busy");
}

/* Export shows progress; Cancel stops the export, leaves the file alone and
 * keeps the dialog open; an export that ends well closes the dialog. */
static void
test_dialog_cancel_then_export (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmExportDialog *dialog = wm_export_dialog_new (NULL, project, NULL);
  GtkWidget *export_button = template_child (dialog, "export_button");
  g_autofree char *dir = g_dir_make_tmp ("waymark-export-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "deck.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GBytes) written = NULL;
  const char old[] = "last week's deck\n";

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (g_file_set_contents (path, old, -1, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  wm_test_wait_until_drawn (GTK_WIDGET (dialog));

  _wm_export_dialog_start_export (dialog, file);
  g_assert_true (is_busy (dialog));
  g_assert_false (gtk_widget_get_sensitive (export_button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL));
  while (is_busy (dialog))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_sensitive (export_button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  kept = read_file (path);
  g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept), old, strlen (old));

  _wm_export_dialog_start_export (dialog, file);
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
  written = read_file (path);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (written, NULL), "%PDF-"));
  assert_no_temporary_files (dir);
  remove_tree (dir);
}

/* Closing the dialog while it exports stops the export. The export holds
 * the dialog until it ends, so the dialog's end is the export's. */
static void
test_dialog_closed_while_exporting (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmExportDialog *dialog = wm_export_dialog_new (NULL, project, NULL);
  g_autofree char *dir = g_dir_make_tmp ("waymark-export-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "deck.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  _wm_export_dialog_start_export (dialog, file);
  gtk_window_destroy (GTK_WINDOW (dialog));
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_no_temporary_files (dir);
  remove_tree (dir);
}

/* Screenshots, for a person to look at */

static void
settle (GtkWidget *window)
{
  wm_test_wait_until_drawn (window);
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* The busy state is shown while an export to a folder's place (which fails
 * once drawn) runs, so that the dialog stays whatever the timing. */
static void
test_screenshots (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmExportDialog *dialog = wm_export_dialog_new (NULL, project,
                                                 wm_project_find_diagram (project, "uc-41"));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  WmPreferences *preferences = wm_preferences_new (NULL, settings);
  g_autofree char *dir = g_dir_make_tmp ("waymark-export-dialog-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  gtk_window_present (GTK_WINDOW (dialog));
  settle (GTK_WIDGET (dialog));
  wm_test_save_screenshot (GTK_WIDGET (dialog), "waymark-export-dialog.png");

  _wm_export_dialog_start_export (dialog, folder);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  if (is_busy (dialog))
    {
      wm_test_save_screenshot (GTK_WIDGET (dialog), "waymark-export-dialog-busy.png");
      /* Cancel while busy stops the export and keeps the dialog open. */
      gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL);
      while (is_busy (dialog))
        g_main_context_iteration (NULL, TRUE);
    }
  else
    g_test_message ("the export ended before a frame showed it");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_present (GTK_WINDOW (preferences));
  settle (GTK_WIDGET (preferences));
  wm_test_save_screenshot (GTK_WIDGET (preferences), "waymark-preferences.png");
  gtk_window_destroy (GTK_WINDOW (preferences));
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  wm_test_init_gtk (&argc, &argv);

  g_test_add_func ("/export/async/diagram-same-bytes", test_async_diagram_same_bytes);
  g_test_add_func ("/export/async/presentation-same-bytes", test_async_presentation_same_bytes);
  g_test_add_func ("/export/async/each-same-bytes", test_async_each_same_bytes);
  g_test_add_func ("/export/async/each-reports-failure", test_async_each_reports_failure);
  g_test_add_func ("/export/async/cancelled-keeps-file", test_async_cancelled_keeps_file);
  g_test_add_func ("/export/async/exports-a-snapshot", test_async_exports_a_snapshot);
  g_test_add_func ("/export-dialog/template", test_dialog_template);
  g_test_add_func ("/export-dialog/export-async", test_dialog_export_async);
  g_test_add_func ("/export-dialog/text-formats", test_dialog_text_formats);
  g_test_add_func ("/export-dialog/cancel-then-export", test_dialog_cancel_then_export);
  g_test_add_func ("/export-dialog/closed-while-exporting", test_dialog_closed_while_exporting);
  g_test_add_func ("/export-dialog/screenshots", test_screenshots);

  return g_test_run ();
}
