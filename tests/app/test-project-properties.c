/* test-project-properties.c — the project's details, the names they give, templates
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under xvfb-run, with WAYMARK_TEMPLATES_DIR at data/templates.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "wm-export-dialog.h"
#include "wm-project-properties.h"
#include "wm-widget-test.h"
#include "wm-window-private.h"

#define ICONS_PATH "/io/github/waymark/Waymark/icons"

static void
spin_main_loop (void)
{
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Lets the rows' animations (a title moving above its text) end. */
static void
wait_for_animations (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
set_description (WmProjectProperties *dialog,
                 const char          *text)
{
  GtkWidget *view = _wm_project_properties_get_field (dialog, "description");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* What Enter in an entry row does. */
static void
type_and_enter (WmProjectProperties *dialog,
                const char          *field,
                const char          *text)
{
  GtkWidget *row = _wm_project_properties_get_field (dialog, field);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "entry-activated");
}

static void
test_properties_edit_project (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmProjectProperties *dialog = wm_project_properties_new (NULL, project);
  GtkEditable *title = GTK_EDITABLE (_wm_project_properties_get_field (dialog, "title"));
  GtkEditable *author = GTK_EDITABLE (_wm_project_properties_get_field (dialog, "author"));

  gtk_window_present (GTK_WINDOW (dialog));
  spin_main_loop ();
  g_assert_false (wm_project_can_undo (project));

  type_and_enter (dialog, "title", "Referral review");
  g_assert_cmpstr (wm_project_get_title (project), ==, "Referral review");
  type_and_enter (dialog, "author", "Growth team");
  g_assert_cmpstr (wm_project_get_author (project), ==, "Growth team");
  set_description (dialog, "What the programme costs\nand what it brings.");
  /* A description is done with when the focus leaves it, or the window closes. */
  g_assert_cmpstr (wm_project_get_description (project), ==, "");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_cmpstr (wm_project_get_description (project), ==,
                   "What the programme costs\nand what it brings.");
  g_assert_true (wm_project_get_dirty (project));
  dialog = wm_project_properties_new (NULL, project);
  title = GTK_EDITABLE (_wm_project_properties_get_field (dialog, "title"));
  author = GTK_EDITABLE (_wm_project_properties_get_field (dialog, "author"));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (gtk_editable_get_text (author), ==, "Growth team");

  /* Each field is a step of its own; undo shows in the dialog at once. */
  g_assert_true (wm_project_undo (project));
  g_assert_cmpstr (wm_project_get_description (project), ==, "");
  g_assert_true (wm_project_undo (project));
  g_assert_cmpstr (wm_project_get_author (project), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (author), ==, "");
  g_assert_true (wm_project_undo (project));
  g_assert_cmpstr (wm_project_get_title (project), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "");
  g_assert_false (wm_project_can_undo (project));
  /* Following the undo wrote nothing back into the history. */
  g_assert_true (wm_project_can_redo (project));
  g_assert_true (wm_project_redo (project));
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Referral review");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Typing a title, key by key, is one step to undo: the model never merges
 * edits of the details, so the field writes when it is done with. */
static void
test_properties_typing_is_one_step (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmProjectProperties *dialog = wm_project_properties_new (NULL, project);
  GtkEditable *title = GTK_EDITABLE (_wm_project_properties_get_field (dialog, "title"));
  GtkEditable *author = GTK_EDITABLE (_wm_project_properties_get_field (dialog, "author"));
  const char *typed[] = { "Q", "Q3", "Q3 ", "Q3 r", "Q3 review" };

  gtk_window_present (GTK_WINDOW (dialog));
  wm_project_set_title (project, "Draft");
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Draft");
  gtk_editable_set_text (author, "Half-typed");
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    gtk_editable_set_text (title, typed[i]);
  g_assert_cmpstr (wm_project_get_title (project), ==, "Draft");
  g_signal_emit_by_name (title, "entry-activated");
  g_assert_cmpstr (wm_project_get_title (project), ==, "Q3 review");
  g_assert_cmpstr (wm_project_get_undo_label (project), !=, NULL);
  /* The title's change left the author being typed alone; Enter there
   * writes it, a step of its own. */
  g_assert_cmpstr (gtk_editable_get_text (author), ==, "Half-typed");
  g_signal_emit_by_name (author, "entry-activated");
  g_assert_cmpstr (wm_project_get_author (project), ==, "Half-typed");
  g_assert_true (wm_project_undo (project));
  g_assert_cmpstr (wm_project_get_author (project), ==, "");
  g_assert_cmpstr (wm_project_get_title (project), ==, "Q3 review");
  g_assert_true (wm_project_undo (project));
  g_assert_cmpstr (wm_project_get_title (project), ==, "Draft");
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Draft");
  g_assert_true (wm_project_undo (project));
  g_assert_cmpstr (wm_project_get_title (project), ==, "");
  g_assert_false (wm_project_can_undo (project));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_properties_read_only (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmProjectProperties *dialog = NULL;

  wm_project_set_title (project, "Newer file");
  wm_project_clear_history (project);
  wm_project_set_read_only (project, TRUE);
  dialog = wm_project_properties_new (NULL, project);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_false (gtk_widget_get_sensitive (_wm_project_properties_get_field (dialog, "title")));
  g_assert_false (gtk_text_view_get_editable (
    GTK_TEXT_VIEW (_wm_project_properties_get_field (dialog, "description"))));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_file_name_from_title (void)
{
  const struct { const char *title; const char *name; } cases[] = {
    { "Referral programme", "Referral programme" },
    { "Q3 / Q4: review?", "Q3 Q4 review" },
    { "  ..hidden  ", "hidden" },
    { "a\tb\nc", "a b c" },
    { "<>|*", NULL },
    { "", NULL },
    { "Café — Übersicht", "Café — Übersicht" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = _wm_file_name_from_title (cases[i].title);

      g_assert_cmpstr (name, ==, cases[i].name ? cases[i].name : "Untitled Project");
    }
  {
    g_autofree char *long_title = g_strnfill (300, 'x');
    g_autofree char *name = _wm_file_name_from_title (long_title);

    g_assert_cmpuint (strlen (name), <=, 80);
  }
}

/* The export dialog proposes the project's title as the file's name, and
 * follows a title changed in the properties. */
static void
test_export_name_follows_title (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmProjectProperties *properties = wm_project_properties_new (NULL, project);
  WmExportDialog *dialog = NULL;
  WmExportOptions options;
  gboolean all;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *expected = NULL;

  WmDiagram *canvas = wm_project_add_diagram (project, "business-model-canvas", "Canvas", NULL);

  /* Without a title, the diagram's name. */
  dialog = wm_export_dialog_new (NULL, project, canvas);
  wm_export_dialog_get_options (dialog, &options, &all);
  before = _wm_export_dialog_dup_suggested_name (dialog);
  expected = g_strdup_printf ("Canvas.%s", wm_export_format_extension (options.format));
  g_assert_cmpstr (before, ==, expected);

  type_and_enter (properties, "title", "Referral programme: Q3/Q4");
  after = _wm_export_dialog_dup_suggested_name (dialog);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Referral programme Q3 Q4.%s",
                              wm_export_format_extension (options.format));
  g_assert_cmpstr (after, ==, expected);

  g_assert_true (wm_project_undo (project));
  undone = _wm_export_dialog_dup_suggested_name (dialog);
  g_assert_cmpstr (undone, ==, before);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (properties));
}

/* The window's title is the project's title, from the properties. */
static void
test_window_title_follows (void)
{
  WmWindow *window = wm_window_new (NULL);
  WmProjectProperties *properties = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.project-properties", NULL));
  spin_main_loop ();
  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (WM_IS_PROJECT_PROPERTIES (toplevel))
        properties = WM_PROJECT_PROPERTIES (toplevel);
    }
  g_assert_nonnull (properties);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (properties)) == GTK_WINDOW (window));
  type_and_enter (properties, "title", "Order fulfilment");
  type_and_enter (properties, "author", "Operations");
  set_description (properties, "The current state of the order fulfilment value stream, "
                               "measured in week 46, and the changes planned for the spring.");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Order fulfilment"));
  wm_test_wait_until_drawn (GTK_WIDGET (properties));
  wait_for_animations ();
  wm_test_save_screenshot (GTK_WIDGET (properties), "waymark-project-properties.png");
  gtk_window_destroy (GTK_WINDOW (properties));
  g_assert_cmpstr (wm_project_get_description (wm_window_get_project (window)), !=, "");
  /* Undo from the window: description, author, then the title. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Order fulfilment"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The empty page shows the application's icon, from the GResource that a
 * run from the build tree has too. */
static void
test_empty_page_icon (void)
{
  g_autoptr(GBytes) svg = g_resources_lookup_data (ICONS_PATH "/scalable/apps/" APP_ID ".svg",
                                                   0, NULL);
  WmWindow *window = wm_window_new (NULL);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  GtkWidget *status = NULL;

  g_assert_nonnull (svg);
  /* What GtkApplication does with the resource base path; here there is
   * no application. */
  gtk_icon_theme_add_resource_path (theme, ICONS_PATH);
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID "-symbolic"));

  gtk_window_present (GTK_WINDOW (window));
  wm_test_wait_until_drawn (GTK_WIDGET (window));
  status = wm_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (status)), ==, APP_ID);
  wm_test_save_screenshot (GTK_WIDGET (window), "waymark-empty-page.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static WmProject *
wait_for_diagrams (WmWindow *window)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (wm_project_get_n_diagrams (wm_window_get_project (window)) == 0 &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  return wm_window_get_project (window);
}

static char *
template_path (const char *file)
{
  return g_build_filename (g_getenv ("WAYMARK_TEMPLATES_DIR"), file, NULL);
}

/* Each template the menu offers opens as a new untitled project with its
 * content; the template's file is left as it was. */
static void
test_new_from_template (void)
{
  const char *files[] = {
    "referral-programme-canvas.waymark", "self-service-support-use-cases.waymark",
    "order-fulfilment-value-stream.waymark", "subscription-support-journey.waymark",
    "support-product-value-proposition.waymark",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = template_path (files[i]);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      WmWindow *window = wm_window_new (NULL);
      GMenuModel *offered = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                         WM_TYPE_WINDOW,
                                                                         "template_section"));
      g_autoptr(GVariant) target = NULL;
      WmProject *project;

      /* The empty page's menu offers it, in this order. */
      g_assert_cmpint (g_menu_model_get_n_items (offered), ==, G_N_ELEMENTS (files));
      target = g_menu_model_get_item_attribute_value (offered, (int) i, G_MENU_ATTRIBUTE_TARGET,
                                                      G_VARIANT_TYPE_STRING);
      g_assert_cmpstr (g_variant_get_string (target, NULL), ==, files[i]);

      g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
      gtk_window_present (GTK_WINDOW (window));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-from-template",
                                                 "s", files[i]));
      project = wait_for_diagrams (window);
      g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, 1);
      g_assert_null (wm_project_get_file (project));
      g_assert_cmpstr (wm_project_get_title (project), !=, "");
      g_assert_false (wm_window_is_pristine (window));
      /* An edit goes to the new project, never to the template. */
      g_assert_true (wm_project_set_author (project, "Me"));
      g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
      g_assert_cmpstr (before, ==, after);
      if (i == 0)
        {
          wm_test_wait_until_drawn (GTK_WIDGET (window));
          wm_test_save_screenshot (GTK_WIDGET (window), "waymark-from-template.png");
        }
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* A window with work in it keeps it: the template opens in a new one. */
static void
test_template_in_new_window (void)
{
  WmWindow *window = wm_window_new (NULL);
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_before;
  WmWindow *other = NULL;

  gtk_window_present (GTK_WINDOW (window));
  wm_project_add_diagram (wm_window_get_project (window), "use-case", "Mine", NULL);
  spin_main_loop ();
  n_before = g_list_model_get_n_items (toplevels);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-from-template", "s",
                                             "order-fulfilment-value-stream.waymark"));
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (WM_IS_WINDOW (toplevel) && WM_WINDOW (toplevel) != window)
        other = WM_WINDOW (toplevel);
    }
  g_assert_nonnull (other);
  wait_for_diagrams (other);
  g_assert_cmpstr (wm_diagram_get_notation (wm_project_get_diagram (wm_window_get_project (other),
                                                                     0))->id,
                   ==, "value-stream-map");
  g_assert_cmpstr (wm_diagram_get_name (wm_project_get_diagram (wm_window_get_project (window), 0)),
                   ==, "Mine");
  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("waymark-test-properties-XXXXXX", NULL);

  /* A list of recent files of its own, as in test-window.c. */
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  wm_test_init_gtk (&argc, &argv);

  g_test_add_func ("/project-properties/edit-project", test_properties_edit_project);
  g_test_add_func ("/project-properties/typing-is-one-step", test_properties_typing_is_one_step);
  g_test_add_func ("/project-properties/read-only", test_properties_read_only);
  g_test_add_func ("/project-properties/file-name-from-title", test_file_name_from_title);
  g_test_add_func ("/project-properties/export-name-follows-title", test_export_name_follows_title);
  g_test_add_func ("/project-properties/window-title-follows", test_window_title_follows);
  g_test_add_func ("/window/empty-page-icon", test_empty_page_icon);
  g_test_add_func ("/window/new-from-template", test_new_from_template);
  g_test_add_func ("/window/template-in-new-window", test_template_in_new_window);

  return g_test_run ();
}
