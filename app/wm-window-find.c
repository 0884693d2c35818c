/* wm-window-find.c — find (Ctrl+F): in the diagram shown or in every diagram
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas fades the items of its diagram that do not match (wm-window.c
 * sets its filter); this file finds the hits, in that diagram or, with "All
 * Diagrams", in every diagram of the project, where they are listed under
 * the entry. Enter and Shift+Enter step through the hits: the window shows
 * the hit's diagram, selects the item and scrolls it into view.
 */
#define G_LOG_DOMAIN "wm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-canvas.h"
#include "wm-window-private.h"

/* The list of hits */

static void
setup_hit_row (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *where = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_add_css_class (where, "dim-label");
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), where);
  gtk_list_item_set_child (list_item, box);
}

/* A row says the item's text (its first line), then its type and diagram. */
static void
bind_hit_row (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  WmFindHit *hit = gtk_list_item_get_item (list_item);
  GtkWidget *text = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *where = gtk_widget_get_next_sibling (text);
  const WmItemType *type = wm_find_hit_get_item_type (hit);
  g_auto(GStrv) lines = g_strsplit (wm_find_hit_get_text (hit), "\n", 2);
  g_autofree char *place = NULL;

  /* Translators: where an item found is: its type, then its diagram's name,
   * as in "Use Case · Ordering and Subscription". */
  place = g_strdup_printf (_("%s · %s"), g_dgettext (GETTEXT_PACKAGE, type->label),
                           wm_diagram_get_name (wm_find_hit_get_diagram (hit)));
  gtk_label_set_text (GTK_LABEL (text), lines[0] != NULL ? lines[0] : "");
  gtk_label_set_text (GTK_LABEL (where), place);
}

static guint
n_listed (WmWindow *self)
{
  return g_list_model_get_n_items (gtk_single_selection_get_model (self->find_selection));
}

/* The count: "12 matches" until Enter shows one, then "3 of 12". Until the
 * diagram's hits are listed, the canvas's count of them stands in. */
static void
update_count (WmWindow *self)
{
  guint n = MAX (n_listed (self), self->find_matches);
  g_autofree char *count = NULL;

  if (n == 0)
    count = g_strdup (_("No matches"));
  else if (self->find_position == GTK_INVALID_LIST_POSITION)
    count = g_strdup_printf (ngettext ("%u match", "%u matches", n), n);
  else
    /* Translators: the hit shown and how many there are, as in "3 of 12"; the
     * plural form follows the second number */
    count = g_strdup_printf (ngettext ("%u of %u", "%u of %u", n), self->find_position + 1, n);
  gtk_label_set_text (self->find_count, count);
  gtk_widget_set_visible (GTK_WIDGET (self->find_count),
                          self->find_query != NULL && self->find_query[0] != '\0');
}

/* The hits of the diagram shown are listed only once Enter needs them: the
 * canvas has just counted them, and finding them again at every pause in
 * typing would double its cost in a large diagram. */
void
_wm_window_update_find (WmWindow *self,
                        guint     matches)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean all = gtk_toggle_button_get_active (self->find_all_button);
  g_autoptr(GListStore) hits = g_list_store_new (WM_TYPE_FIND_HIT);

  g_free (self->find_query);
  self->find_query = g_strdup (text);
  /* Found into a new store, so that the list hears of all the hits at once. */
  if (all && self->project != NULL)
    wm_find_in_project (self->project, text, hits);
  self->find_matches = all || text[0] == '\0' ? 0 : matches;
  self->find_position = GTK_INVALID_LIST_POSITION;
  gtk_single_selection_set_model (self->find_selection, G_LIST_MODEL (hits));
  gtk_single_selection_set_selected (self->find_selection, GTK_INVALID_LIST_POSITION);
  update_count (self);
  gtk_widget_set_visible (self->find_results, all && text[0] != '\0');

  /* Say so when nothing matches, as GNOME search entries do. */
  if (text[0] != '\0' && MAX (n_listed (self), self->find_matches) == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

/* Stepping through the hits */

/* Finds the entry's text anew, the canvas's filter with it. */
static void
refind (WmWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  _wm_window_update_find (self, wm_canvas_set_filter (WM_CANVAS (self->canvas), text));
}

/* Lists the hits of the diagram shown, when only their count is known. */
static void
list_diagram_hits (WmWindow *self)
{
  WmDiagram *diagram = wm_canvas_get_diagram (WM_CANVAS (self->canvas));
  g_autoptr(GListStore) hits = NULL;

  if (self->find_matches == 0 || n_listed (self) > 0 || diagram == NULL)
    return;
  hits = g_list_store_new (WM_TYPE_FIND_HIT);
  wm_find_in_diagram (diagram, self->find_query, hits);
  self->find_matches = 0;
  gtk_single_selection_set_model (self->find_selection, G_LIST_MODEL (hits));
  gtk_single_selection_set_selected (self->find_selection, GTK_INVALID_LIST_POSITION);
}

/* Shows @hit's diagram, if it is not shown, as it would be after its link
 * were followed, with the entry's filter on it. */
static void
show_diagram_of (WmWindow  *self,
                 WmFindHit *hit)
{
  WmCanvas *canvas = WM_CANVAS (self->canvas);

  if (wm_canvas_get_diagram (canvas) == wm_find_hit_get_diagram (hit))
    return;
  /* The search stays open: it is what asked for the switch. */
  self->finding = TRUE;
  wm_window_show_diagram (self, wm_find_hit_get_diagram (hit));
  self->finding = FALSE;
  /* The view goes to the item: no opening view replaces it after layout. */
  g_clear_handle_id (&self->fit_source, g_source_remove);
  if (wm_canvas_get_zoom (canvas) < 0.75)
    wm_canvas_set_zoom (canvas, 1.0);
  wm_canvas_set_filter (canvas, self->find_query);
}

static void
show_hit (WmWindow *self,
          guint     position)
{
  g_autoptr(WmFindHit) hit =
    g_list_model_get_item (gtk_single_selection_get_model (self->find_selection), position);
  const char *ids[] = { wm_find_hit_get_item_id (hit), NULL };
  WmDiagram *diagram = NULL;

  /* An edit since took the item away, or its diagram: find anew. */
  if (wm_project_lookup_item (self->project, ids[0], &diagram) == NULL ||
      diagram != wm_find_hit_get_diagram (hit))
    {
      refind (self);
      gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
      return;
    }
  self->find_position = position;
  show_diagram_of (self, hit);
  wm_canvas_reveal (WM_CANVAS (self->canvas), ids);
  gtk_single_selection_set_selected (self->find_selection, position);
  if (gtk_widget_get_visible (self->find_results))
    gtk_widget_activate_action (GTK_WIDGET (self->find_list), "list.scroll-to-item", "u",
                                position);
  update_count (self);
}

/* Goes @delta hits on (or back, when negative), round from the last to the
 * first. */
static void
step (WmWindow *self,
      int       delta)
{
  guint n;

  /* Enter came before the entry's short pause after typing: find now. */
  if (g_strcmp0 (self->find_query, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0)
    refind (self);
  list_diagram_hits (self);
  n = n_listed (self);
  if (n == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
      return;
    }
  if (self->find_position == GTK_INVALID_LIST_POSITION || self->find_position >= n)
    show_hit (self, delta > 0 ? 0 : n - 1);
  else
    show_hit (self, (self->find_position + n + delta) % n);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  step (WM_WINDOW (widget), 1);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  step (WM_WINDOW (widget), -1);
}

static void
on_entry_activate (WmWindow *self)
{
  step (self, 1);
}

static void
on_entry_previous (WmWindow *self)
{
  step (self, -1);
}

static void
on_hit_activated (WmWindow *self,
                  guint     position)
{
  show_hit (self, position);
}

static void
on_find_all_toggled (WmWindow *self)
{
  gboolean all = gtk_toggle_button_get_active (self->find_all_button);

  g_object_set (self->search_entry, "placeholder-text",
                all ? _("Find in All Diagrams") : _("Find in Diagram"), NULL);
  refind (self);
}

/* Set-up */

/* Shift+Enter goes back, as in GNOME's other find bars; the capture phase
 * sees it before the entry's text does. */
static void
add_previous_shortcut (WmWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger =
    gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_SHIFT_MASK),
                                 gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_SHIFT_MASK));
  GtkShortcutAction *action = gtk_named_action_new ("win.find-previous");

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger, action));
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);
}

void
_wm_window_class_init_find (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, WmWindow, find_count);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, find_all_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, find_results);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, find_list);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL,
                                   find_previous_action);
}

void
_wm_window_init_find (WmWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  /* The entry is no longer the bar's child: Escape and typing still reach it. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  self->find_position = GTK_INVALID_LIST_POSITION;
  self->find_selection =
    gtk_single_selection_new (G_LIST_MODEL (g_list_store_new (WM_TYPE_FIND_HIT)));
  gtk_single_selection_set_autoselect (self->find_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->find_selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_hit_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_hit_row), NULL);
  gtk_list_view_set_factory (self->find_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->find_list, GTK_SELECTION_MODEL (self->find_selection));
  g_signal_connect_swapped (self->find_list, "activate", G_CALLBACK (on_hit_activated), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_entry_activate), self);
  /* Ctrl+G and Shift+Ctrl+G, the entry's own keys, step too. */
  g_signal_connect_swapped (self->search_entry, "next-match", G_CALLBACK (on_entry_activate),
                            self);
  g_signal_connect_swapped (self->search_entry, "previous-match",
                            G_CALLBACK (on_entry_previous), self);
  g_signal_connect_swapped (self->find_all_button, "notify::active",
                            G_CALLBACK (on_find_all_toggled), self);
  add_previous_shortcut (self);
  update_count (self);
}

void
_wm_window_dispose_find (WmWindow *self)
{
  g_clear_object (&self->find_selection);
  g_clear_pointer (&self->find_query, g_free);
}
