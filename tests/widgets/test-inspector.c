/* test-inspector.c — the property inspector in a real window
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb with the Cairo renderer. The rows are driven through their
 * widgets' own API, as a user's input would reach them, and the model is
 * checked after each step.
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "wm-inspector.h"
#include "wm-test-util.h"
#include "wm-widget-test.h"

typedef struct
{
  WmProject   *project;
  WmDiagram   *vsm;
  GtkWidget   *window;
  WmInspector *inspector;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = wm_test_load_sample ();
  fixture->vsm = wm_project_find_diagram (fixture->project, "vsm-73");
  g_assert_nonnull (fixture->vsm);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 380, 900);
  fixture->inspector = WM_INSPECTOR (wm_inspector_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->inspector));
  wm_inspector_set_target (fixture->inspector, fixture->vsm, "process-78");
  gtk_window_present (GTK_WINDOW (fixture->window));
  wm_test_wait_until_drawn (GTK_WIDGET (fixture->inspector));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  WmInspector *inspector = fixture->inspector;

  g_object_add_weak_pointer (G_OBJECT (inspector), (gpointer *) &fixture->inspector);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* The window took the inspector with it, and it let go of the diagram. */
  g_assert_null (fixture->inspector);
  g_assert_finalize_object (fixture->project);
}

static GtkWidget *
editor (Fixture    *fixture,
        const char *name)
{
  GtkWidget *widget = wm_inspector_get_editor (fixture->inspector, name);

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
row_of (GtkWidget *editor)
{
  GtkWidget *row = ADW_IS_PREFERENCES_ROW (editor)
                   ? editor : gtk_widget_get_ancestor (editor, ADW_TYPE_PREFERENCES_ROW);

  g_assert_nonnull (row);
  return row;
}

static WmItem *
process (Fixture *fixture)
{
  WmItem *item = wm_diagram_lookup (fixture->vsm, "process-78");

  g_assert_nonnull (item);
  return item;
}

static void
test_rows_follow_specs (Fixture       *fixture,
                        gconstpointer  data)
{
  const WmItemType *type = process (fixture)->type;

  g_assert_false (wm_inspector_is_empty (fixture->inspector));
  g_assert_cmpuint (wm_inspector_get_n_rows (fixture->inspector), ==, type->n_props);
  for (guint i = 0; i < type->n_props; i++)
    g_assert_nonnull (wm_inspector_get_editor (fixture->inspector, type->props[i].name));

  g_assert_true (GTK_IS_EDITABLE (editor (fixture, NULL)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor (fixture, NULL))), ==, "Roasting");
  g_assert_true (GTK_IS_SPIN_BUTTON (editor (fixture, "cycle-time")));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (editor (fixture, "cycle-time"))),
                     ==, 27);
  g_assert_true (GTK_IS_SWITCH (editor (fixture, "shared")));
  g_assert_true (GTK_IS_LIST_BOX (editor (fixture, "links")));
}

static void
test_spin_edits_and_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (editor (fixture, "cycle-time"));

  gtk_spin_button_set_value (spin, 31.5);
  g_assert_cmpfloat (wm_item_get_number (process (fixture), "cycle-time"), ==, 31.5);
  g_assert_true (wm_project_can_undo (fixture->project));

  /* Undo moves the row's value back, and the row does not echo it as an edit. */
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpfloat (wm_item_get_number (process (fixture), "cycle-time"), ==, 27);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 27);
  g_assert_true (wm_project_can_redo (fixture->project));

  /* An edit elsewhere reaches the row too. */
  g_assert_true (wm_diagram_set_property (fixture->vsm, "process-78", "cycle-time", "40", NULL));
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 40);
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_false (wm_project_can_undo (fixture->project));
}

/* A number field shows the decimal separator of the user's locale and reads
 * it back, while the model and the file keep the C syntax. */
static void
test_spin_follows_locale (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (editor (fixture, "cycle-time"));
  g_autofree char *before = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autoptr(GBytes) saved = NULL;
  const char *xml;
  gsize size;

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not generated (build-aux/deps.sh does it)");
      return;
    }
  gtk_spin_button_set_value (spin, 31.5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "31,5");
  g_assert_cmpfloat (wm_item_get_number (process (fixture), "cycle-time"), ==, 31.5);

  /* Typed with the locale's comma, or with a point as the file writes it. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "27,25");
  gtk_spin_button_update (spin);
  g_assert_cmpfloat (wm_item_get_number (process (fixture), "cycle-time"), ==, 27.25);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "27,25");
  gtk_editable_set_text (GTK_EDITABLE (spin), "12.5");
  gtk_spin_button_update (spin);
  g_assert_cmpfloat (wm_item_get_number (process (fixture), "cycle-time"), ==, 12.5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "12,5");

  /* The file is written in the C syntax while the locale is German. */
  saved = wm_project_serialize (fixture->project);
  setlocale (LC_NUMERIC, before);
  xml = g_bytes_get_data (saved, &size);
  g_assert_nonnull (g_strstr_len (xml, (gssize) size, "\"12.5\""));
  g_assert_null (g_strstr_len (xml, (gssize) size, "12,5"));
}

static void
test_invalid_value_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (editor (fixture, "uptime"));
  GtkSwitch *shared = GTK_SWITCH (editor (fixture, "shared"));

  /* Typed out of range: the model says why, the row shows it, nothing changes. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "150");
  gtk_spin_button_update (spin);
  g_assert_cmpfloat (wm_item_get_number (process (fixture), "uptime"), ==, 88);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 88);
  g_assert_true (gtk_widget_has_css_class (row_of (GTK_WIDGET (spin)), "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (row_of (GTK_WIDGET (spin))));
  g_assert_false (wm_project_can_undo (fixture->project));

  /* A valid value clears the mark. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "90");
  gtk_spin_button_update (spin);
  g_assert_cmpfloat (wm_item_get_number (process (fixture), "uptime"), ==, 90);
  g_assert_false (gtk_widget_has_css_class (row_of (GTK_WIDGET (spin)), "error"));

  /* A read-only project refuses everything; the switch goes back. */
  wm_project_set_read_only (fixture->project, TRUE);
  gtk_switch_set_active (shared, TRUE);
  g_assert_false (wm_item_get_boolean (process (fixture), "shared"));
  g_assert_false (gtk_switch_get_active (shared));
  g_assert_true (gtk_widget_has_css_class (row_of (GTK_WIDGET (shared)), "error"));
  wm_project_set_read_only (fixture->project, FALSE);
}

/* The mark of a refused number goes once a valid one is typed: while it
 * is typed, and when it is the value the model holds already. */
static void
test_error_clears_when_valid (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (editor (fixture, "uptime"));
  GtkWidget *row = row_of (GTK_WIDGET (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), "150");
  gtk_spin_button_update (spin);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  /* The model's own value again: nothing to apply, but nothing wrong either. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "88");
  gtk_spin_button_update (spin);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_false (wm_project_can_undo (fixture->project));

  /* Not a number, then a valid one typed: the mark goes before Enter. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "lots");
  gtk_spin_button_update (spin);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (spin), "101");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (spin), "95");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  gtk_spin_button_update (spin);
  g_assert_cmpfloat (wm_item_get_number (process (fixture), "uptime"), ==, 95);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
}

/* A text longer than a file may hold is refused, and the row says why, in
 * the same way as for a number out of range. */
static void
test_too_long_text_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  WmDiagram *use_cases = wm_project_find_diagram (fixture->project, "uc-41");
  WmItem *use_case = wm_diagram_lookup (use_cases, "use-case-43");
  g_autofree char *before = g_strdup (wm_item_get_string (use_case, "description"));
  g_autofree char *too_long = g_malloc (WM_LIMIT_TEXT_CHARS + 2);
  g_autofree char *limit = g_strdup_printf ("%d", WM_LIMIT_TEXT_CHARS);
  GtkWidget *description;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  const char *tooltip;

  memset (too_long, 'a', WM_LIMIT_TEXT_CHARS + 1);
  too_long[WM_LIMIT_TEXT_CHARS + 1] = '\0';
  wm_inspector_set_target (fixture->inspector, use_cases, "use-case-43");
  description = editor (fixture, "description");
  g_assert_true (GTK_IS_TEXT_VIEW (description));
  /* Pasted at the end, as one insertion. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (description));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, too_long, -1);

  g_assert_cmpstr (wm_item_get_string (use_case, "description"), ==, before);
  g_assert_false (wm_project_can_undo (fixture->project));
  g_assert_true (gtk_widget_has_css_class (row_of (description), "error"));
  tooltip = gtk_widget_get_tooltip_text (row_of (description));
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, limit));
}

static void
test_typing_is_one_step (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkEditable *name = GTK_EDITABLE (editor (fixture, NULL));
  const char *burst[] = { "Roasting ", "Roasting a", "Roasting an", "Roasting and", NULL };

  for (guint i = 0; burst[i] != NULL; i++)
    gtk_editable_set_text (name, burst[i]);
  g_assert_cmpstr (process (fixture)->text, ==, "Roasting and");

  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpstr (process (fixture)->text, ==, "Roasting");
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Roasting");
  g_assert_false (wm_project_can_undo (fixture->project));

  /* After the field was left, the next burst is a step of its own. */
  g_assert_true (wm_project_redo (fixture->project));
  wm_project_break_merge (fixture->project);
  gtk_editable_set_text (name, "Roasting and cooling");
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpstr (process (fixture)->text, ==, "Roasting and");
}

static void
test_removed_target_empties (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *ids[] = { "process-78", NULL };

  g_assert_cmpuint (wm_diagram_remove_items (fixture->vsm, ids), >, 0);
  g_assert_true (wm_inspector_is_empty (fixture->inspector));
  g_assert_cmpuint (wm_inspector_get_n_rows (fixture->inspector), ==, 0);
  g_assert_null (wm_inspector_get_editor (fixture->inspector, NULL));
  g_assert_true (wm_project_undo (fixture->project));

  wm_inspector_set_target (fixture->inspector, NULL, NULL);
  g_assert_true (wm_inspector_is_empty (fixture->inspector));
}

/* Setting the target shown again keeps its page: a selection that grows
 * (two items, then three) shows the diagram's fields throughout, and
 * typing in one of them goes on undisturbed. Another target builds anew. */
static void
test_same_target_kept (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *cycle, *demand;

  cycle = editor (fixture, "cycle-time");
  wm_inspector_set_target (fixture->inspector, fixture->vsm, "process-78");
  g_assert_true (editor (fixture, "cycle-time") == cycle);

  wm_inspector_set_target (fixture->inspector, fixture->vsm, NULL);
  demand = editor (fixture, "daily-demand");
  gtk_widget_grab_focus (demand);
  wm_inspector_set_target (fixture->inspector, fixture->vsm, NULL);
  g_assert_true (editor (fixture, "daily-demand") == demand);
  g_assert_true (gtk_widget_has_focus (demand) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (demand)),
                                         demand));

  /* An item's page after the diagram's, and back: each built for its target. */
  wm_inspector_set_target (fixture->inspector, fixture->vsm, "process-78");
  g_assert_null (wm_inspector_get_editor (fixture->inspector, "daily-demand"));
  g_assert_nonnull (wm_inspector_get_editor (fixture->inspector, "cycle-time"));
  wm_inspector_set_target (fixture->inspector, fixture->vsm, NULL);
  g_assert_false (editor (fixture, "daily-demand") == demand);
}

static void
test_diagram_fields (Fixture       *fixture,
                     gconstpointer  data)
{
  const WmNotation *notation = wm_diagram_get_notation (fixture->vsm);
  GtkSpinButton *demand;
  AdwComboRow *state;

  wm_inspector_set_target (fixture->inspector, fixture->vsm, NULL);
  g_assert_cmpuint (wm_inspector_get_n_rows (fixture->inspector), ==, notation->n_props);
  demand = GTK_SPIN_BUTTON (editor (fixture, "daily-demand"));
  g_assert_cmpfloat (gtk_spin_button_get_value (demand), ==, 460);

  gtk_spin_button_set_value (demand, 500);
  g_assert_cmpfloat (wm_diagram_get_number (fixture->vsm, "daily-demand"), ==, 500);
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpfloat (wm_diagram_get_number (fixture->vsm, "daily-demand"), ==, 460);
  g_assert_cmpfloat (gtk_spin_button_get_value (demand), ==, 460);

  /* An enum: the choices' labels, in order. */
  state = ADW_COMBO_ROW (editor (fixture, "state"));
  g_assert_cmpuint (adw_combo_row_get_selected (state), ==, 0);
  adw_combo_row_set_selected (state, 1);
  g_assert_cmpstr (wm_diagram_get_choice (fixture->vsm, "state"), ==, "future");
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpuint (adw_combo_row_get_selected (state), ==, 0);
}

static void
test_journey_stage_slot (Fixture       *fixture,
                         gconstpointer  data)
{
  WmDiagram *journey = wm_project_find_diagram (fixture->project, "cj-111");
  GPtrArray *stages = wm_diagram_get_list (journey, "stages");
  AdwComboRow *stage;
  GListModel *model;

  wm_inspector_set_target (fixture->inspector, journey, "card-112");
  stage = ADW_COMBO_ROW (editor (fixture, "stage"));
  model = adw_combo_row_get_model (stage);
  /* "None", then every stage. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, stages->len + 1);
  for (guint i = 0; i < stages->len; i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i + 1), ==,
                     ((WmListEntry *) g_ptr_array_index (stages, i))->label);
  g_assert_cmpuint (adw_combo_row_get_selected (stage), ==, 1);

  adw_combo_row_set_selected (stage, 3);
  g_assert_cmpstr (wm_item_get_string (wm_diagram_lookup (journey, "card-112"), "stage"), ==,
                   "decision");

  /* A renamed stage shows at once. */
  g_assert_true (wm_diagram_list_rename (journey, "stages", "decision", "Purchase"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 3), ==, "Purchase");
  g_assert_cmpuint (adw_combo_row_get_selected (stage), ==, 3);
}

static void
test_links_show_names (Fixture       *fixture,
                       gconstpointer  data)
{
  WmDiagram *journey = wm_project_find_diagram (fixture->project, "cj-111");
  WmItem *note = wm_project_lookup_item (fixture->project, "note-26", NULL);
  GtkListBox *links;
  GtkListBoxRow *row;

  /* The linked item lives in another diagram; its name shows, not its id. */
  g_assert_nonnull (note);
  wm_inspector_set_target (fixture->inspector, journey, "card-113");
  links = GTK_LIST_BOX (editor (fixture, "links"));
  row = gtk_list_box_get_row_at_index (links, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, note->text);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_null (gtk_list_box_get_row_at_index (links, 1));

  /* A broken link says so. */
  g_assert_true (wm_diagram_set_property (journey, "card-113", "links", "note-26 ghost-9", NULL));
  row = gtk_list_box_get_row_at_index (links, 1);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Missing item");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
}

/* An image's row offers to choose a file and says what the item holds. */
static void
test_image_row (Fixture       *fixture,
                gconstpointer  data)
{
  WmRect bounds = { 0, 0, 40, 40 };
  g_autoptr(GError) error = NULL;
  WmItem *image = wm_diagram_add_node (fixture->vsm, WM_COMMON_IMAGE, &bounds, "Logo", &error);
  GtkWidget *button;

  g_assert_no_error (error);
  wm_inspector_set_target (fixture->inspector, fixture->vsm, image->id);
  button = editor (fixture, WM_COMMON_DATA);
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row_of (button))), ==,
                   "No image");
  g_assert_true (wm_diagram_set_property (fixture->vsm, image->id, WM_COMMON_DATA,
                                          WM_TEST_PNG_BASE64, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row_of (button))),
                                   "PNG image"));
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  gtk_test_widget_wait_for_draw (fixture->window);
  wm_test_save_screenshot (fixture->window, "inspector-process.png");
}

int
main (int   argc,
      char *argv[])
{
  wm_test_init_gtk (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/inspector/rows/follow-specs", test_rows_follow_specs);
  ADD ("/inspector/edit/spin-and-undo", test_spin_edits_and_undo);
  ADD ("/inspector/edit/spin-follows-locale", test_spin_follows_locale);
  ADD ("/inspector/edit/invalid-refused", test_invalid_value_refused);
  ADD ("/inspector/edit/error-clears-when-valid", test_error_clears_when_valid);
  ADD ("/inspector/edit/typing-is-one-step", test_typing_is_one_step);
  ADD ("/inspector/edit/too-long-text-refused", test_too_long_text_refused);
  ADD ("/inspector/target/removed-empties", test_removed_target_empties);
  ADD ("/inspector/target/diagram-fields", test_diagram_fields);
  ADD ("/inspector/target/same-target-kept", test_same_target_kept);
  ADD ("/inspector/target/journey-stage-slot", test_journey_stage_slot);
  ADD ("/inspector/target/links-show-names", test_links_show_names);
  ADD ("/inspector/rows/image", test_image_row);
  ADD ("/inspector/screenshot", test_screenshot);
#undef ADD

  return g_test_run ();
}
