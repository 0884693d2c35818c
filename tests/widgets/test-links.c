/* test-links.c — links across diagrams, diagram lists and the extension-point
 * picker in the inspector, and the link mark on the canvas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb with the Cairo renderer. The inspector's buttons, picker
 * and entries are driven through their own widgets, as a click or a key
 * would reach them, and the model is checked after each step.
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "wm-inspector.h"
#include "wm-render.h"
#include "wm-test-util.h"
#include "wm-widget-test.h"

typedef struct
{
  WmProject   *project;
  WmDiagram   *bmc;
  WmDiagram   *use_case;
  WmDiagram   *vsm;
  WmDiagram   *journey;
  GtkWidget   *window;
  WmInspector *inspector;
  char        *followed;  /* the id "follow-link" gave last */
  guint        n_followed;
} Fixture;

static void
on_follow_link (WmInspector *inspector,
                const char  *id,
                Fixture     *fixture)
{
  g_free (fixture->followed);
  fixture->followed = g_strdup (id);
  fixture->n_followed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = wm_test_load_sample ();
  fixture->bmc = wm_project_find_diagram (fixture->project, "bmc-1");
  fixture->use_case = wm_project_find_diagram (fixture->project, "uc-41");
  fixture->vsm = wm_project_find_diagram (fixture->project, "vsm-73");
  fixture->journey = wm_project_find_diagram (fixture->project, "cj-111");
  g_assert_nonnull (fixture->bmc);
  g_assert_nonnull (fixture->use_case);
  g_assert_nonnull (fixture->vsm);
  g_assert_nonnull (fixture->journey);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 900);
  fixture->inspector = WM_INSPECTOR (wm_inspector_new ());
  g_signal_connect (fixture->inspector, "follow-link", G_CALLBACK (on_follow_link), fixture);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->inspector));
  /* A card of the journey that links to nothing yet. */
  wm_inspector_set_target (fixture->inspector, fixture->journey, "card-112");
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
  g_assert_null (fixture->inspector);
  g_free (fixture->followed);
  /* Nothing the inspector watched (every diagram) kept the project alive. */
  g_assert_finalize_object (fixture->project);
}

/* Widgets */

/* Lets a page that was just rebuilt be laid out and drawn: a frame or two
 * pass before its new rows have a size. */
static void
settle (GtkWidget *widget)
{
  for (guint i = 0; i < 3; i++)
    gtk_test_widget_wait_for_draw (widget);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_type (GtkWidget *root,
              GType      type,
              GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      g_ptr_array_add (out, root);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_type (child, type, out);
}

static GtkListBox *
links_list (Fixture    *fixture,
            const char *name)
{
  GtkWidget *editor = wm_inspector_get_editor (fixture->inspector, name);

  g_assert_nonnull (editor);
  g_assert_true (GTK_IS_LIST_BOX (editor));
  return GTK_LIST_BOX (editor);
}

static guint
n_list_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static AdwActionRow *
link_row (Fixture *fixture,
          guint    index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (links_list (fixture, "links"), index);

  g_assert_nonnull (row);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  return ADW_ACTION_ROW (row);
}

static GtkWidget *
button_in (gpointer    root,
           const char *name)
{
  GtkWidget *button = find_named (GTK_WIDGET (root), name);

  g_assert_nonnull (button);
  return button;
}

/* A click on @button, as the pointer would give it. */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
}

static const char *const *
links_of (WmDiagram  *diagram,
          const char *id)
{
  WmItem *item = wm_diagram_lookup (diagram, id);

  g_assert_nonnull (item);
  return wm_item_get_strv (item, "links");
}

/* Opens the "Add link…" popover and returns its list of candidates. */
static GtkWidget *
open_picker (Fixture    *fixture,
             GtkWidget **search)
{
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (links_list (fixture, "links")),
                                              ADW_TYPE_PREFERENCES_GROUP);
  GtkWidget *button = button_in (group, "add-link");
  GtkPopover *popover;

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  *search = button_in (popover, "link-search");
  return button_in (popover, "link-candidates");
}

/* The candidates the filter lets through, as item ids. */
static GPtrArray *
shown_candidates (GtkWidget *list)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);

      if (row == NULL)
        break;
      if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
        g_ptr_array_add (ids, g_object_get_data (G_OBJECT (row), "wm-item-id"));
    }
  return ids;
}

static GtkListBoxRow *
candidate_row (GtkWidget  *list,
               const char *id)
{
  for (guint i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);

      if (row == NULL)
        return NULL;
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "wm-item-id"), id) == 0)
        return row;
    }
}

/* Links */

static void
test_picker_lists_other_diagrams (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *search = NULL;
  GtkWidget *list = open_picker (fixture, &search);
  g_autoptr(GPtrArray) all = shown_candidates (list);
  g_autoptr(GPtrArray) found = NULL;
  guint n_nodes = 0;

  /* Every node of the three other diagrams, and nothing of the journey. */
  for (guint d = 0; d < wm_project_get_n_diagrams (fixture->project); d++)
    {
      WmDiagram *diagram = wm_project_get_diagram (fixture->project, d);

      if (diagram != fixture->journey)
        n_nodes += wm_diagram_get_n_nodes (diagram);
    }
  g_assert_cmpuint (all->len, ==, n_nodes);
  for (guint i = 0; i < all->len; i++)
    {
      WmDiagram *where = NULL;
      WmItem *item = wm_project_lookup_item (fixture->project, g_ptr_array_index (all, i), &where);

      g_assert_nonnull (item);
      g_assert_true (wm_item_is_node (item));
      g_assert_true (where != fixture->journey);
    }

  /* Typing narrows the list: by text, and by type and diagram name too. */
  gtk_editable_set_text (GTK_EDITABLE (search), "Weekly PLAN");
  found = shown_candidates (list);
  g_assert_cmpuint (found->len, >=, 1);
  g_assert_cmpuint (found->len, <, all->len);
  g_assert_true (g_ptr_array_find_with_equal_func (found, "kaizen-burst-89", g_str_equal, NULL));
  for (guint i = 0; i < found->len; i++)
    {
      WmItem *item = wm_project_lookup_item (fixture->project, g_ptr_array_index (found, i), NULL);
      g_autofree char *text = g_utf8_casefold (item->text, -1);

      g_assert_nonnull (strstr (text, "weekly"));
      g_assert_nonnull (strstr (text, "plan"));
    }
  g_clear_pointer (&found, g_ptr_array_unref);

  gtk_editable_set_text (GTK_EDITABLE (search), "use case pay");
  found = shown_candidates (list);
  g_assert_true (g_ptr_array_find_with_equal_func (found, "use-case-51", g_str_equal, NULL));
  for (guint i = 0; i < found->len; i++)
    g_assert_true (g_str_has_prefix (g_ptr_array_index (found, i), "use-case-"));
  g_clear_pointer (&found, g_ptr_array_unref);

  gtk_editable_set_text (GTK_EDITABLE (search), "no item is called this");
  found = shown_candidates (list);
  g_assert_cmpuint (found->len, ==, 0);
}

/* Closing the picker gives the focus back to its button: left in the
 * search entry, it kept the popover alive after its page went. */
static void
test_picker_goes_with_page (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *search = NULL;
  GtkWidget *popover = gtk_widget_get_ancestor (open_picker (fixture, &search), GTK_TYPE_POPOVER);
  GtkWidget *button = gtk_widget_get_parent (popover);
  GtkRoot *root = GTK_ROOT (fixture->window);
  GtkWidget *focus;


  settle (popover);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (root), search));
  gtk_popover_popdown (GTK_POPOVER (popover));
  focus = gtk_root_get_focus (root);
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, popover));
  g_assert_true (focus == button || gtk_widget_is_ancestor (focus, button));
  /* GTK 4.8 may still query the pointer over the popover's surface from an
   * idle after the popdown; let that run before the page goes (otherwise it
   * meets a destroyed surface, a critical that is GTK's, not ours). */
  settle (fixture->window);
  g_object_add_weak_pointer (G_OBJECT (popover), (gpointer *) &popover);
  wm_inspector_set_target (fixture->inspector, fixture->journey, "card-113");
  settle (fixture->window);
  g_assert_null (popover);
}

static void
test_add_follow_break_undo (Fixture       *fixture,
                            gconstpointer  data)
{
  WmItem *burst = wm_diagram_lookup (fixture->vsm, "kaizen-burst-89");
  const char *doomed[] = { "kaizen-burst-89", NULL };
  GtkWidget *search = NULL;
  GtkWidget *list;
  GtkListBoxRow *choice;
  AdwActionRow *row;
  g_autofree char *burst_text = NULL;

  g_assert_nonnull (burst);
  g_assert_cmpuint (n_list_rows (links_list (fixture, "links")), ==, 0);

  /* Add: search the picker and choose the kaizen burst of the value stream. */
  list = open_picker (fixture, &search);
  gtk_editable_set_text (GTK_EDITABLE (search), "kaizen");
  choice = candidate_row (list, "kaizen-burst-89");
  g_assert_nonnull (choice);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (choice)));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (choice)));
  g_assert_true (g_strv_equal (links_of (fixture->journey, "card-112"),
                               (const char *const[]) { "kaizen-burst-89", NULL }));

  /* The row names the target, its type and its diagram. */
  row = link_row (fixture, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, burst->text);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Kaizen burst"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), wm_diagram_get_name (fixture->vsm)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  /* A second link, through the API; adding it again changes nothing. */
  g_assert_true (wm_inspector_add_link (fixture->inspector, "links", "note-25"));
  g_assert_true (wm_inspector_add_link (fixture->inspector, "links", "note-25"));
  g_assert_cmpuint (n_list_rows (links_list (fixture, "links")), ==, 2);

  /* Go to: the signal carries the id, for the window to follow. */
  click (button_in (link_row (fixture, 0), "follow-link"));
  g_assert_cmpstr (fixture->followed, ==, "kaizen-burst-89");
  wm_inspector_follow_link (fixture->inspector, "links", 1);
  g_assert_cmpstr (fixture->followed, ==, "note-25");
  g_assert_cmpuint (fixture->n_followed, ==, 2);

  /* The target is deleted in its own diagram: the row says so, in red, and
   * cannot be followed, but it stays and nothing crashes. It still names
   * what it pointed at, as it was when deleted, and never by its id. */
  burst_text = g_strdup (burst->text);
  g_assert_cmpuint (wm_diagram_remove_items (fixture->vsm, doomed), >, 0);
  row = link_row (fixture, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, burst_text);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Deleted"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Kaizen burst"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), wm_diagram_get_name (fixture->vsm)));
  g_assert_null (strstr (adw_action_row_get_subtitle (row), "kaizen-burst-89"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_false (gtk_widget_get_sensitive (button_in (row, "follow-link")));
  g_assert_true (gtk_widget_get_sensitive (button_in (row, "remove-link")));
  gtk_test_widget_wait_for_draw (fixture->window);

  /* Undo of the deletion makes the row whole again. */
  g_assert_true (wm_project_undo (fixture->project));
  burst = wm_diagram_lookup (fixture->vsm, "kaizen-burst-89");
  g_assert_nonnull (burst);
  row = link_row (fixture, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, burst->text);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  /* A renamed target shows at once, though it lives in another diagram. */
  g_assert_true (wm_diagram_set_text (fixture->vsm, "kaizen-burst-89", "Plan roasts weekly"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (link_row (fixture, 0))), ==,
                   "Plan roasts weekly");
  g_assert_true (wm_project_undo (fixture->project));

  /* Remove, with its button; undo brings the link back. */
  click (button_in (link_row (fixture, 0), "remove-link"));
  g_assert_true (g_strv_equal (links_of (fixture->journey, "card-112"),
                               (const char *const[]) { "note-25", NULL }));
  g_assert_cmpuint (n_list_rows (links_list (fixture, "links")), ==, 1);
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpuint (n_list_rows (links_list (fixture, "links")), ==, 2);

  /* Each addition was an undo step of its own. */
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpuint (g_strv_length ((char **) links_of (fixture->journey, "card-112")), ==, 0);
  g_assert_cmpuint (n_list_rows (links_list (fixture, "links")), ==, 0);
  g_assert_false (wm_project_can_undo (fixture->project));
}

static void
test_broken_link_removable (Fixture       *fixture,
                            gconstpointer  data)
{
  /* A link that points nowhere (from a file, or another tool) is shown
   * broken and can be removed like any other. */
  g_assert_true (wm_diagram_set_property (fixture->journey, "card-112", "links", "ghost-9", NULL));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (link_row (fixture, 0))), ==,
                   "Missing item");
  /* Nothing is known of it (as after a reload): its id would tell nobody anything. */
  g_assert_null (strstr (adw_action_row_get_subtitle (link_row (fixture, 0)), "ghost-9"));
  click (button_in (link_row (fixture, 0), "remove-link"));
  g_assert_cmpuint (g_strv_length ((char **) links_of (fixture->journey, "card-112")), ==, 0);
  g_assert_cmpuint (n_list_rows (links_list (fixture, "links")), ==, 0);
}

static void
test_diagram_field_links (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkListBox *persona;
  GtkListBoxRow *row;
  WmItem *segment = wm_project_lookup_item (fixture->project, "note-29", NULL);

  /* The journey's persona links to a customer segment of the canvas. */
  wm_inspector_set_target (fixture->inspector, fixture->journey, NULL);
  persona = links_list (fixture, "persona-links");
  row = gtk_list_box_get_row_at_index (persona, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, segment->text);
  click (button_in (row, "follow-link"));
  g_assert_cmpstr (fixture->followed, ==, "note-29");

  g_assert_true (wm_inspector_add_link (fixture->inspector, "persona-links", "use-case-44"));
  g_assert_true (g_strv_equal ((const char *const *) wm_diagram_get_value (fixture->journey,
                                                                          "persona-links",
                                                                          NULL)->v.strv,
                               (const char *const[]) { "note-29", "use-case-44", NULL }));
  g_assert_cmpuint (n_list_rows (persona), ==, 2);
  g_assert_true (wm_inspector_remove_link (fixture->inspector, "persona-links", 0));
  row = gtk_list_box_get_row_at_index (persona, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   wm_project_lookup_item (fixture->project, "use-case-44", NULL)->text);
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpuint (n_list_rows (persona), ==, 1);
}

/* Backlinks */

static guint
n_distinct_referrers (Fixture    *fixture,
                      const char *id)
{
  g_autoptr(GArray) found = wm_project_find_referrers (fixture->project, id);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < found->len; i++)
    {
      WmReferrer *referrer = &g_array_index (found, WmReferrer, i);

      g_hash_table_add (seen, referrer->item ? (gpointer) referrer->item : referrer->diagram);
    }
  return g_hash_table_size (seen);
}

/* The row of the backlinks list whose "Go to" button goes to @id, or NULL. */
static GtkListBoxRow *
backlink_row (Fixture    *fixture,
              const char *id)
{
  GtkListBox *list = GTK_LIST_BOX (wm_inspector_get_backlinks (fixture->inspector));

  for (guint i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      GtkWidget *button;

      if (row == NULL)
        return NULL;
      button = find_named (GTK_WIDGET (row), "follow-backlink");
      if (button != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (button), "wm-item-id"), id) == 0)
        return row;
    }
}

static void
test_backlinks (Fixture       *fixture,
                gconstpointer  data)
{
  WmItem *card = wm_diagram_lookup (fixture->journey, "card-112");
  GtkListBox *list;
  GtkListBoxRow *row;
  guint n_before, n_rows;
  gboolean persona = FALSE;

  /* The diagram's own fields have none: nothing links to a diagram. */
  wm_inspector_set_target (fixture->inspector, fixture->journey, NULL);
  g_assert_null (wm_inspector_get_backlinks (fixture->inspector));

  /* A customer segment of the canvas, which the journey's persona links to. */
  wm_inspector_set_target (fixture->inspector, fixture->bmc, "note-29");
  list = GTK_LIST_BOX (wm_inspector_get_backlinks (fixture->inspector));
  g_assert_nonnull (list);
  n_before = n_distinct_referrers (fixture, "note-29");
  g_assert_cmpuint (n_before, >=, 1);
  g_assert_cmpuint (n_list_rows (list), ==, n_before);
  for (guint i = 0; i < n_before; i++)
    {
      row = gtk_list_box_get_row_at_index (list, i);
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                     wm_diagram_get_name (fixture->journey)) == 0)
        persona = TRUE;
    }
  g_assert_true (persona);
  g_assert_null (backlink_row (fixture, "card-112"));
  /* The persona's row goes to the journey diagram, by its id. */
  row = backlink_row (fixture, wm_diagram_get_id (fixture->journey));
  g_assert_nonnull (row);
  click (find_named (GTK_WIDGET (row), "follow-backlink"));
  g_assert_cmpstr (fixture->followed, ==, wm_diagram_get_id (fixture->journey));

  /* A link made in another diagram shows at once, with text, type and diagram. */
  g_assert_true (wm_diagram_set_text (fixture->journey, "card-112", "Reads the reviews"));
  g_assert_true (wm_diagram_set_property (fixture->journey, "card-112", "links", "note-29", NULL));
  g_assert_cmpuint (n_list_rows (list), ==, n_before + 1);
  row = backlink_row (fixture, "card-112");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Reads the reviews");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            g_dgettext (GETTEXT_PACKAGE, card->type->label)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            wm_diagram_get_name (fixture->journey)));
  settle (fixture->window);
  wm_test_save_screenshot (fixture->window, "links-backlinks.png");

  /* Go to: the same signal as a link's, with the linking item's id. */
  click (find_named (GTK_WIDGET (row), "follow-backlink"));
  g_assert_cmpstr (fixture->followed, ==, "card-112");

  /* The link's removal (here by undo) takes the row away. */
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_null (backlink_row (fixture, "card-112"));
  n_rows = n_list_rows (list);
  g_assert_cmpuint (n_rows, ==, n_before);
}

/* Diagram lists */

static GPtrArray *
entry_rows (Fixture    *fixture,
            const char *list)
{
  GtkWidget *group = wm_inspector_get_list_editor (fixture->inspector, list);
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_nonnull (group);
  collect_type (group, ADW_TYPE_ENTRY_ROW, rows);
  return rows;
}

/* Undo restores a list as a copy: it is looked up anew each time. */
static guint
n_entries (WmDiagram  *diagram,
           const char *list)
{
  return wm_diagram_get_list (diagram, list)->len;
}

static const char *
entry_id_at (WmDiagram  *diagram,
             const char *list,
             guint       index)
{
  GPtrArray *entries = wm_diagram_get_list (diagram, list);

  g_assert_cmpuint (index, <, entries->len);
  return ((WmListEntry *) g_ptr_array_index (entries, index))->id;
}

static const char *
entry_label_at (WmDiagram  *diagram,
                const char *list,
                guint       index)
{
  GPtrArray *entries = wm_diagram_get_list (diagram, list);

  g_assert_cmpuint (index, <, entries->len);
  return ((WmListEntry *) g_ptr_array_index (entries, index))->label;
}

static void
test_journey_lists (Fixture       *fixture,
                    gconstpointer  data)
{
  guint n = n_entries (fixture->journey, "stages");
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *first = g_strdup (entry_id_at (fixture->journey, "stages", 0));
  g_autofree char *added = NULL;
  GtkWidget *group;

  wm_inspector_set_target (fixture->inspector, fixture->journey, NULL);
  g_assert_null (wm_inspector_get_list_editor (fixture->inspector, "legend"));
  g_assert_nonnull (wm_inspector_get_list_editor (fixture->inspector, "lanes"));
  rows = entry_rows (fixture, "stages");
  g_assert_cmpuint (rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (rows, i)), ==,
                     entry_label_at (fixture->journey, "stages", i));
  /* The first cannot go up, the last cannot go down. */
  g_assert_false (gtk_widget_get_sensitive (button_in (g_ptr_array_index (rows, 0), "move-up")));
  g_assert_false (gtk_widget_get_sensitive (button_in (g_ptr_array_index (rows, n - 1), "move-down")));

  /* Add: a new entry at the end with an id of its own. */
  group = wm_inspector_get_list_editor (fixture->inspector, "stages");
  click (button_in (group, "add-entry"));
  g_assert_cmpuint (n_entries (fixture->journey, "stages"), ==, n + 1);
  added = g_strdup (entry_id_at (fixture->journey, "stages", n));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (entry_id_at (fixture->journey, "stages", i), !=, added);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = entry_rows (fixture, "stages");
  g_assert_cmpuint (rows->len, ==, n + 1);

  settle (fixture->window);
  wm_test_save_screenshot (group, "links-stages.png");

  /* Rename it by typing; a burst of typing is one step. */
  gtk_editable_set_text (g_ptr_array_index (rows, n), "Win");
  gtk_editable_set_text (g_ptr_array_index (rows, n), "Win-back");
  g_assert_cmpstr (entry_label_at (fixture->journey, "stages", n), ==, "Win-back");

  /* Move it up one place. */
  click (button_in (g_ptr_array_index (rows, n), "move-up"));
  g_assert_cmpstr (entry_id_at (fixture->journey, "stages", n - 1), ==, added);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = entry_rows (fixture, "stages");
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (rows, n - 1)), ==, "Win-back");

  /* Remove the first stage. */
  click (button_in (g_ptr_array_index (rows, 0), "remove-entry"));
  g_assert_cmpuint (n_entries (fixture->journey, "stages"), ==, n);
  g_assert_cmpstr (entry_id_at (fixture->journey, "stages", 0), !=, first);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = entry_rows (fixture, "stages");
  g_assert_cmpuint (rows->len, ==, n);

  /* Undo, step by step: remove, move, rename, add. */
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpstr (entry_id_at (fixture->journey, "stages", 0), ==, first);
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpstr (entry_id_at (fixture->journey, "stages", n), ==, added);
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpstr (entry_label_at (fixture->journey, "stages", n), !=, "Win-back");
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpuint (n_entries (fixture->journey, "stages"), ==, n);
  g_assert_false (wm_project_can_undo (fixture->project));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = entry_rows (fixture, "stages");
  g_assert_cmpuint (rows->len, ==, n);
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (rows, 0)), ==,
                   entry_label_at (fixture->journey, "stages", 0));
}

static void
test_legend_colours (Fixture       *fixture,
                     gconstpointer  data)
{
  guint n = n_entries (fixture->bmc, "legend");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) swatches = g_ptr_array_new ();
  GtkWidget *group;

  wm_inspector_set_target (fixture->inspector, fixture->bmc, NULL);
  group = wm_inspector_get_list_editor (fixture->inspector, "legend");
  g_assert_nonnull (group);
  collect_type (group, GTK_TYPE_DRAWING_AREA, swatches);
  g_assert_cmpuint (swatches->len, ==, n);

  /* Each "Add" picks a colour no entry has yet. */
  for (guint k = 0; k < 3; k++)
    {
      const char *id;
      g_autofree char *colour = NULL;
      GdkRGBA rgba;

      click (button_in (group, "add-entry"));
      g_assert_cmpuint (n_entries (fixture->bmc, "legend"), ==, n + k + 1);
      id = entry_id_at (fixture->bmc, "legend", n + k);
      colour = g_strdup_printf ("#%s", id);
      g_assert_true (gdk_rgba_parse (&rgba, colour));
      for (guint i = 0; i < n + k; i++)
        g_assert_cmpstr (entry_id_at (fixture->bmc, "legend", i), !=, id);
    }
  rows = entry_rows (fixture, "legend");
  g_assert_cmpuint (rows->len, ==, n + 3);
  settle (fixture->window);
  wm_test_save_screenshot (fixture->window, "links-legend.png");
  for (guint k = 0; k < 3; k++)
    g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpuint (n_entries (fixture->bmc, "legend"), ==, n);
}

/* The extension-point picker */

static void
test_extension_point_choices (Fixture       *fixture,
                              gconstpointer  data)
{
  WmItem *link = wm_diagram_lookup (fixture->use_case, "extend-69");
  WmItem *base = wm_diagram_lookup (fixture->use_case, link->target);
  const char *const *points = wm_item_get_strv (base, "extension-points");
  guint n_points = g_strv_length ((char **) points);
  AdwComboRow *combo;
  GListModel *model;

  wm_inspector_set_target (fixture->inspector, fixture->use_case, "extend-69");
  combo = ADW_COMBO_ROW (wm_inspector_get_editor (fixture->inspector, "extension-point"));
  g_assert_true (ADW_IS_COMBO_ROW (combo));
  g_assert_true (GTK_IS_EDITABLE (wm_inspector_get_editor (fixture->inspector, "condition")));
  model = adw_combo_row_get_model (combo);

  /* "None", then the extended use case's points; the stored one is chosen. */
  g_assert_cmpuint (n_points, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_points + 1);
  for (guint i = 0; i < n_points; i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i + 1), ==, points[i]);
  g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, 1);

  /* A point added to the use case is offered at once, and can be chosen. */
  g_assert_true (wm_diagram_set_property (fixture->use_case, base->id, "extension-points",
                                          "Payment details\nDelivery address", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 2), ==, "Delivery address");
  adw_combo_row_set_selected (combo, 2);
  g_assert_cmpstr (wm_item_get_string (wm_diagram_lookup (fixture->use_case, "extend-69"),
                                       "extension-point"), ==, "Delivery address");

  /* "None" clears it. */
  adw_combo_row_set_selected (combo, 0);
  g_assert_false (wm_item_has_value (wm_diagram_lookup (fixture->use_case, "extend-69"),
                                     "extension-point"));

  /* A stored point the use case does not have stays in sight, chosen. */
  g_assert_true (wm_diagram_set_property (fixture->use_case, "extend-69", "extension-point",
                                          "Shipping", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_nonnull (strstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 3), "Shipping"));
  g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, 3);

  /* Undo back to the sample's value. */
  while (wm_project_can_undo (fixture->project))
    g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_points + 1);
  g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, 1);
}

static const char *const *
points_of (Fixture *fixture)
{
  return wm_item_get_strv (wm_diagram_lookup (fixture->use_case, "use-case-51"), "extension-points");
}

static void
test_extension_points_list (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkListBox *list;
  GtkWidget *group;
  GtkListBoxRow *row;
  AdwComboRow *combo;

  /* The use case's points: a row each, and "Add" in the heading. */
  wm_inspector_set_target (fixture->inspector, fixture->use_case, "use-case-51");
  list = GTK_LIST_BOX (wm_inspector_get_editor (fixture->inspector, "extension-points"));
  g_assert_true (GTK_IS_LIST_BOX (list));
  g_assert_cmpuint (n_list_rows (list), ==, 1);
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Payment details");
  group = gtk_widget_get_ancestor (GTK_WIDGET (list), ADW_TYPE_PREFERENCES_GROUP);

  /* Add one and type its name over the placeholder. */
  click (button_in (group, "add-string"));
  g_assert_cmpuint (g_strv_length ((char **) points_of (fixture)), ==, 2);
  g_assert_cmpuint (n_list_rows (list), ==, 2);
  row = gtk_list_box_get_row_at_index (list, 1);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  /* Emptied for retyping: the row stays, the model keeps the old name. */
  g_assert_cmpuint (n_list_rows (list), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **) points_of (fixture)), ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (row), "Delivery address");
  g_assert_true (g_strv_equal (points_of (fixture),
                               (const char *const[]) { "Payment details", "Delivery address", NULL }));

  /* The extend link offers it now. */
  wm_inspector_set_target (fixture->inspector, fixture->use_case, "extend-69");
  combo = ADW_COMBO_ROW (wm_inspector_get_editor (fixture->inspector, "extension-point"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (combo)), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (combo)), 2),
                   ==, "Delivery address");

  /* Remove the first; undo puts it back. */
  wm_inspector_set_target (fixture->inspector, fixture->use_case, "use-case-51");
  list = GTK_LIST_BOX (wm_inspector_get_editor (fixture->inspector, "extension-points"));
  click (button_in (gtk_list_box_get_row_at_index (list, 0), "remove-string"));
  g_assert_true (g_strv_equal (points_of (fixture), (const char *const[]) { "Delivery address", NULL }));
  g_assert_cmpuint (n_list_rows (list), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_list_box_get_row_at_index (list, 0))), ==,
                   "Delivery address");
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpuint (n_list_rows (list), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_list_box_get_row_at_index (list, 0))), ==,
                   "Payment details");
  while (wm_project_can_undo (fixture->project))
    g_assert_true (wm_project_undo (fixture->project));
  g_assert_true (g_strv_equal (points_of (fixture), (const char *const[]) { "Payment details", NULL }));
  g_assert_cmpuint (n_list_rows (list), ==, 1);
}

/* The link mark */

/* How many pixels of @surface within @area (document units at @scale, the
 * drawing's origin at @origin) have the colour @want, roughly. */
static guint
count_colour (cairo_surface_t *surface,
              const WmRect    *origin,
              double           scale,
              const WmRect    *area,
              const double     want[3])
{
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  int x1 = (int) floor ((area->x - origin->x) * scale), y1 = (int) floor ((area->y - origin->y) * scale);
  int x2 = (int) ceil ((area->x + area->width - origin->x) * scale);
  int y2 = (int) ceil ((area->y + area->height - origin->y) * scale);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = MAX (y1, 0); y < MIN (y2, height); y++)
    for (int x = MAX (x1, 0); x < MIN (x2, width); x++)
      {
        guint32 pixel = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);
        double r = ((pixel >> 16) & 0xff) / 255.0, g = ((pixel >> 8) & 0xff) / 255.0,
               b = (pixel & 0xff) / 255.0;

        if (fabs (r - want[0]) < 0.08 && fabs (g - want[1]) < 0.08 && fabs (b - want[2]) < 0.08)
          n++;
      }
  return n;
}

static cairo_surface_t *
render (WmDiagram *diagram,
        double     scale,
        WmRect    *extent)
{
  WmRenderOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;

  wm_render_get_extent (diagram, extent);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (extent->width * scale),
                                        (int) ceil (extent->height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -extent->x, -extent->y);
  wm_render_options_init (&options);
  options.scale = scale;
  wm_render_diagram (diagram, cr, &options);
  cairo_destroy (cr);
  return surface;
}

/* The top-right corner of a node, where its mark goes. */
static WmRect
corner_of (WmDiagram    *diagram,
           const WmItem *item)
{
  WmRect where = item->bounds;

  if (wm_render_places_nodes (diagram))
    wm_render_item_extent (diagram, item, &where);
  return (WmRect) { where.x + where.width - 24, where.y, 24, 24 };
}

static void
test_mark_on_linked_nodes (Fixture       *fixture,
                           gconstpointer  data)
{
  static const double blue[3] = { 0.208, 0.518, 0.894 };  /* the accent */
  static const double red[3] = { 0.78, 0.157, 0.157 };    /* problems */
  struct { WmDiagram *diagram; const char *linked, *plain; } cases[] = {
    { fixture->bmc, "note-25", "note-3" },
    { fixture->journey, "card-113", "card-112" },
    { fixture->vsm, "kaizen-burst-89", "supplier-74" },
  };

  /* The VSM supplier links; clear that, so it is a plain node here. */
  g_assert_true (wm_diagram_set_property (fixture->vsm, "supplier-74", "links", NULL, NULL));
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      WmDiagram *diagram = cases[c].diagram;
      WmItem *linked = wm_diagram_lookup (diagram, cases[c].linked);
      WmItem *plain = wm_diagram_lookup (diagram, cases[c].plain);
      WmRect extent, at_linked, at_plain;
      cairo_surface_t *surface;
      guint n_linked, n_plain, n_red, n_far;

      g_assert_nonnull (linked);
      g_assert_nonnull (plain);
      at_linked = corner_of (diagram, linked);
      at_plain = corner_of (diagram, plain);

      surface = render (diagram, 2, &extent);
      n_linked = count_colour (surface, &extent, 2, &at_linked, blue);
      n_plain = count_colour (surface, &extent, 2, &at_plain, blue);
      n_red = count_colour (surface, &extent, 2, &at_linked, red);
      cairo_surface_destroy (surface);
      g_test_message ("%s: %u mark pixels on %s, %u on %s", wm_diagram_get_name (diagram),
                      n_linked, linked->id, n_plain, plain->id);
      g_assert_cmpuint (n_linked, >, 20);
      g_assert_cmpuint (n_plain, ==, 0);
      g_assert_cmpuint (n_red, ==, 0);

      /* A link to nothing: the mark turns red. */
      g_assert_true (wm_diagram_set_property (diagram, linked->id, "links", "ghost-1", NULL));
      surface = render (diagram, 2, &extent);
      n_red = count_colour (surface, &extent, 2, &at_linked, red);
      n_linked = count_colour (surface, &extent, 2, &at_linked, blue);
      cairo_surface_destroy (surface);
      g_assert_cmpuint (n_red, >, 20);
      g_assert_cmpuint (n_linked, ==, 0);
      g_assert_true (wm_project_undo (fixture->project));

      /* Zoomed far out there is no mark. */
      surface = render (diagram, 0.1, &extent);
      n_far = count_colour (surface, &extent, 0.1, &at_linked, blue);
      cairo_surface_destroy (surface);
      g_assert_cmpuint (n_far, ==, 0);
    }
}

/* Screenshots */

/* The corner of @id, six times enlarged, next to the same with a broken
 * link, into $WAYMARK_SCREENSHOT_DIR/@name for a person to look at. */
static void
save_mark_closeup (WmDiagram  *diagram,
                   const char *id,
                   const char *name)
{
  const double scale = 6, side = 48;
  WmItem *item = wm_diagram_lookup (diagram, id);
  WmRect corner = corner_of (diagram, item);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (2 * side * scale),
                                                         (int) (side * scale));
  const char *dir = g_getenv ("WAYMARK_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (dir ? dir : g_get_tmp_dir (), name, NULL);
  g_autofree char *links = NULL;

  g_assert_nonnull (item);
  links = wm_value_to_string (&item->type->props[wm_item_type_find_prop (item->type, "links")],
                              wm_item_get_value (item, "links", NULL));
  for (guint i = 0; i < 2; i++)
    {
      cairo_t *cr = cairo_create (surface);
      WmRenderOptions options;

      if (i == 1)
        g_assert_true (wm_diagram_set_property (diagram, id, "links", "ghost-1", NULL));
      cairo_rectangle (cr, i * side * scale, 0, side * scale, side * scale);
      cairo_clip (cr);
      cairo_translate (cr, i * side * scale, 0);
      cairo_scale (cr, scale, scale);
      cairo_translate (cr, -(corner.x + corner.width - side), -corner.y);
      wm_render_options_init (&options);
      options.scale = scale;
      options.visible = (WmRect) { corner.x + corner.width - side, corner.y, side, side };
      wm_render_diagram (diagram, cr, &options);
      cairo_destroy (cr);
    }
  g_assert_true (wm_diagram_set_property (diagram, id, "links", links, NULL));
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("screenshot: %s", path);
  cairo_surface_destroy (surface);
}

static void
test_screenshot_marks (Fixture       *fixture,
                       gconstpointer  data)
{
  save_mark_closeup (fixture->bmc, "note-22", "links-mark-bmc.png");
  save_mark_closeup (fixture->journey, "kpi-153", "links-mark-journey.png");
  save_mark_closeup (fixture->use_case, "use-case-44", "links-mark-use-case.png");
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  /* A touchpoint linked to a channel note, a use case, an item deleted in
   * this session and one nothing is known of. */
  const char *doomed[] = { "kaizen-burst-89", NULL };

  wm_inspector_set_target (fixture->inspector, fixture->journey, "card-127");
  g_assert_true (wm_inspector_add_link (fixture->inspector, "links", "kaizen-burst-89"));
  g_assert_cmpuint (wm_diagram_remove_items (fixture->vsm, doomed), >, 0);
  g_assert_true (wm_inspector_add_link (fixture->inspector, "links", "ghost-9"));
  settle (fixture->window);
  wm_test_save_screenshot (fixture->window, "links-screenshot.png");
}

static void
test_screenshot_picker (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *search = NULL;
  GtkWidget *list = open_picker (fixture, &search);
  GtkWidget *popover = gtk_widget_get_ancestor (list, GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (search), "channel");
  settle (popover);
  wm_test_save_screenshot (popover, "links-picker.png");
  gtk_popover_popdown (GTK_POPOVER (popover));
  wm_inspector_set_target (fixture->inspector, fixture->use_case, "extend-69");
  settle (fixture->window);
  wm_test_save_screenshot (fixture->window, "links-extend.png");
  wm_inspector_set_target (fixture->inspector, fixture->use_case, "use-case-51");
  settle (fixture->window);
  wm_test_save_screenshot (gtk_widget_get_ancestor (wm_inspector_get_editor (fixture->inspector,
                                                                             "extension-points"),
                                                    ADW_TYPE_PREFERENCES_GROUP),
                           "links-use-case.png");
}

int
main (int   argc,
      char *argv[])
{
  wm_test_init_gtk (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/links/picker/other-diagrams", test_picker_lists_other_diagrams);
  ADD ("/links/picker/goes-with-page", test_picker_goes_with_page);
  ADD ("/links/rows/add-follow-break-undo", test_add_follow_break_undo);
  ADD ("/links/rows/broken-removable", test_broken_link_removable);
  ADD ("/links/rows/diagram-field", test_diagram_field_links);
  ADD ("/links/backlinks/rows", test_backlinks);
  ADD ("/links/lists/journey", test_journey_lists);
  ADD ("/links/lists/legend", test_legend_colours);
  ADD ("/links/extend/extension-points", test_extension_point_choices);
  ADD ("/links/extend/points-list", test_extension_points_list);
  ADD ("/links/render/mark", test_mark_on_linked_nodes);
  ADD ("/links/screenshot", test_screenshot);
  ADD ("/links/screenshot-picker", test_screenshot_picker);
  ADD ("/links/screenshot-marks", test_screenshot_marks);
#undef ADD

  return g_test_run ();
}
