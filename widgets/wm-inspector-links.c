/* wm-inspector-links.c — the inspector's rows of item references and its link picker
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A REFS property is a group of its own: one row per linked item, which may
 * be in any diagram of the project, each with a button to go there and one
 * to remove the link, and an "Add link…" button in the group's header whose
 * popover lists the nodes of the other diagrams, filtered as one types.
 * Also here: the "Linked from" group of what links to the shown item, and
 * the link entry points of wm-inspector.h.
 */
#define G_LOG_DOMAIN "wm-inspector"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-inspector-private.h"

static WmProject *
project_of (WmInspector *self)
{
  return self->diagram != NULL ? wm_diagram_get_project (self->diagram) : NULL;
}

/* The ids of a REFS value; never NULL. */
const char *const *
_wm_inspector_refs_ids (const WmValue *value)
{
  static const char *const none[] = { NULL };

  return value != NULL && value->v.strv != NULL ? (const char *const *) value->v.strv : none;
}

static char *
item_title (const WmItem *item)
{
  if (wm_str_is_blank (item->text))
    return g_strdup (_wm_inspector_tr (item->type->label));
  /* One line: a multi-line note reads as its first lines, joined. */
  return g_strdelimit (g_strstrip (g_strdup (item->text)), "\n", ' ');
}

static char *
item_subtitle (const WmItem *item,
               WmDiagram    *diagram)
{
  /* Translators: an item's type and the diagram it is in, as in "Sticky note · Business model" */
  return g_strdup_printf (_("%s · %s"), _wm_inspector_tr (item->type->label),
                          diagram != NULL ? wm_diagram_get_name (diagram) : "");
}

/* A string that changes whenever a link row would show something else. */
static char *
describe_links (WmInspector       *self,
                const char *const *ids)
{
  WmProject *project = project_of (self);
  GString *out = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      WmDiagram *diagram = NULL;
      WmItem *item = project ? wm_project_lookup_item (project, ids[i], &diagram) : NULL;
      WmRemovedItem gone = { NULL };

      if (item == NULL && project != NULL && wm_project_recall_removed_item (project, ids[i], &gone))
        g_string_append_printf (out, "%s\x1d%s\x1f%s\x1f%s\x1e", ids[i], gone.text,
                                gone.type->id, gone.diagram_name);
      else
        g_string_append_printf (out, "%s\x1f%s\x1f%s\x1f%s\x1e", ids[i],
                                item ? item->text : "\x1d", item ? item->type->id : "",
                                diagram ? wm_diagram_get_name (diagram) : "");
    }
  return g_string_free (out, FALSE);
}

/* The REFS value with @id added, or without the id at @index, in file syntax. */
static char *
refs_edited (const char *const *ids,
             const char        *id,
             guint              index)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    if (id != NULL || i != index)
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", ids[i]);
  if (id != NULL)
    g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", id);
  return g_string_free (out, FALSE);
}

static Row *
find_row (WmInspector *self,
          const char  *name)
{
  for (guint i = 0; name != NULL && i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (g_str_equal (row->spec->name, name))
        return row;
    }
  return NULL;
}

static gboolean
row_add_link (Row        *row,
              const char *id)
{
  const char *const *ids = _wm_inspector_refs_ids (_wm_inspector_row_value (row));
  g_autofree char *text = NULL;

  if (g_strv_contains (ids, id))
    return TRUE;
  text = refs_edited (ids, id, 0);
  _wm_inspector_break_merge (row->self);
  return _wm_inspector_row_apply (row, text);
}

static gboolean
row_remove_link (Row   *row,
                 guint  index)
{
  const char *const *ids = _wm_inspector_refs_ids (_wm_inspector_row_value (row));
  g_autofree char *text = NULL;

  if (index >= g_strv_length ((char **) ids))
    return FALSE;
  text = refs_edited (ids, NULL, index);
  _wm_inspector_break_merge (row->self);
  return _wm_inspector_row_apply (row, text[0] != '\0' ? text : NULL);
}

static void
row_follow_link (Row   *row,
                 guint  index)
{
  const char *const *ids = _wm_inspector_refs_ids (_wm_inspector_row_value (row));

  if (index < g_strv_length ((char **) ids))
    g_signal_emit_by_name (row->self, "follow-link", ids[index]);
}

guint
_wm_inspector_link_index (GtkWidget *button)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "wm-link-index"));
}

static void
on_follow_clicked (GtkButton *button,
                   Row       *row)
{
  row_follow_link (row, _wm_inspector_link_index (GTK_WIDGET (button)));
}

static void
on_remove_link_clicked (GtkButton *button,
                        Row       *row)
{
  row_remove_link (row, _wm_inspector_link_index (GTK_WIDGET (button)));
}

static GtkWidget *
link_button (Row        *row,
             const char *name,
             const char *icon,
             const char *tooltip,
             guint       index,
             GCallback   callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (button), "wm-link-index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", callback, row);
  return button;
}

/* What a link to a missing item shows: what the item was when it was
 * removed, if that happened in this session, else only that it is missing.
 * Never its id, which means nothing to a reader. */
static void
describe_missing (WmProject   *project,
                  const char  *id,
                  char       **title,
                  char       **subtitle)
{
  WmRemovedItem gone = { NULL };

  if (project == NULL || !wm_project_recall_removed_item (project, id, &gone))
    {
      *title = g_strdup (_("Missing item"));
      *subtitle = g_strdup (_("No longer in the project"));
      return;
    }
  if (wm_str_is_blank (gone.text))
    *title = g_strdup (_wm_inspector_tr (gone.type->label));
  else
    *title = g_strdelimit (g_strstrip (g_strdup (gone.text)), "\n", ' ');
  /* Translators: a deleted item's type and the diagram it was in, as in
   * "Deleted · Sticky note · Business model" */
  *subtitle = g_strdup_printf (_("Deleted · %s · %s"), _wm_inspector_tr (gone.type->label),
                               gone.diagram_name);
}

static GtkWidget *
link_row_new (Row        *row,
              const char *id,
              guint       index)
{
  WmDiagram *diagram = NULL;
  WmProject *project = project_of (row->self);
  WmItem *item = project ? wm_project_lookup_item (project, id, &diagram) : NULL;
  GtkWidget *line = adw_action_row_new ();
  GtkWidget *follow = link_button (row, "follow-link", "go-jump-symbolic", _("Go to the linked item"),
                                   index, G_CALLBACK (on_follow_clicked));
  GtkWidget *remove = link_button (row, "remove-link", "list-remove-symbolic", _("Remove the link"),
                                   index, G_CALLBACK (on_remove_link_clicked));
  g_autofree char *title = NULL, *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line), FALSE);
  if (item != NULL)
    {
      title = item_title (item);
      subtitle = item_subtitle (item, diagram);
    }
  else
    {
      /* The target was deleted, or never existed: the link stays, broken,
       * until it is removed or the deletion is undone. */
      describe_missing (project, id, &title, &subtitle);
      gtk_widget_add_css_class (line, "error");
      gtk_widget_set_sensitive (follow, FALSE);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (line), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (line), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (line), 1);
  gtk_widget_set_tooltip_text (line, item != NULL ? item->text : subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (line), follow);
  adw_action_row_add_suffix (ADW_ACTION_ROW (line), remove);
  if (item != NULL)
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (line), follow);
  return line;
}

void
_wm_inspector_update_links (Row           *row,
                            const WmValue *value)
{
  const char *const *ids = _wm_inspector_refs_ids (value);
  g_autofree char *shown = describe_links (row->self, ids);
  GtkListBox *list = GTK_LIST_BOX (row->editor);
  GtkWidget *child;

  if (row->shown != NULL && g_str_equal (row->shown, shown))
    return;
  g_free (row->shown);
  row->shown = g_steal_pointer (&shown);
  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))) != NULL)
    gtk_list_box_remove (list, child);
  for (guint i = 0; ids[i] != NULL; i++)
    gtk_list_box_append (list, link_row_new (row, ids[i], i));
}

/* The link picker: the nodes of the other diagrams, filtered as one types. */

/* What a search matches against: the item's text, type and diagram, and
 * the labels of its choices and list entries, so that "channel" finds the
 * notes of a canvas's Channels block and "onboarding" a journey stage's cards. */
static char *
candidate_key (const WmItem *item,
               WmDiagram    *diagram)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "%s\n%s\n%s", item->text, _wm_inspector_tr (item->type->label),
                          wm_diagram_get_name (diagram));
  for (guint i = 0; i < item->type->n_props; i++)
    {
      const WmPropSpec *spec = &item->type->props[i];
      const WmValue *value = wm_item_get_value (item, spec->name, NULL);
      const WmListEntry *entry;

      if (value == NULL)
        continue;
      if (spec->type == WM_PROP_ENUM)
        g_string_append_printf (text, "\n%s", _wm_inspector_tr (spec->choices[value->v.choice].label));
      else if (spec->type == WM_PROP_SLOT && value->v.string != NULL &&
               (entry = wm_diagram_find_entry (diagram, spec->list, value->v.string)) != NULL)
        g_string_append_printf (text, "\n%s", entry->label);
    }
  return g_utf8_casefold (text->str, -1);
}

static gboolean
filter_candidate (GtkListBoxRow *line,
                  gpointer       user_data)
{
  Row *row = user_data;
  const char *key = g_object_get_data (G_OBJECT (line), "wm-key");
  g_autofree char *wanted = NULL;
  g_auto(GStrv) words = NULL;

  if (row->search == NULL)
    return TRUE;
  wanted = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (row->search)), -1);
  words = g_strsplit_set (wanted, " \t", -1);
  /* Every word typed must appear: "web channel" finds a channel note about the web shop. */
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (key, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
fill_candidates (Row *row)
{
  WmInspector *self = row->self;
  WmProject *project = project_of (self);
  GtkListBox *list = GTK_LIST_BOX (row->candidates);
  const char *const *linked = _wm_inspector_refs_ids (_wm_inspector_row_value (row));
  GtkWidget *child;

  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))) != NULL)
    gtk_list_box_remove (list, child);
  for (guint d = 0; project != NULL && d < wm_project_get_n_diagrams (project); d++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, d);

      if (diagram == self->diagram)
        continue;
      for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
        {
          WmItem *item = wm_diagram_get_item (diagram, i);
          GtkWidget *line;
          g_autofree char *title = NULL, *subtitle = NULL;

          if (!wm_item_is_node (item) || g_strv_contains (linked, item->id))
            continue;
          title = item_title (item);
          subtitle = item_subtitle (item, diagram);
          line = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (line), subtitle);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (line), 2);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (line), 1);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (line), TRUE);
          g_object_set_data_full (G_OBJECT (line), "wm-item-id", g_strdup (item->id), g_free);
          g_object_set_data_full (G_OBJECT (line), "wm-key", candidate_key (item, diagram), g_free);
          gtk_list_box_append (list, line);
        }
    }
  gtk_list_box_invalidate_filter (list);
}

static void
on_picker_show (GtkWidget *popover,
                Row       *row)
{
  gtk_editable_set_text (GTK_EDITABLE (row->search), "");
  fill_candidates (row);
  gtk_widget_grab_focus (row->search);
}

static void
on_search_changed (GtkEditable *search,
                   Row         *row)
{
  GtkLabel *placeholder = g_object_get_data (G_OBJECT (row->candidates), "wm-placeholder");

  gtk_label_set_text (placeholder, gtk_editable_get_text (search)[0] != '\0'
                                   ? _("No matching items") : _("No items to link to"));
  gtk_list_box_invalidate_filter (GTK_LIST_BOX (row->candidates));
}

static void
on_candidate_activated (GtkListBox    *list,
                        GtkListBoxRow *line,
                        Row           *row)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER);
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (line), "wm-item-id"));

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  if (id != NULL)
    row_add_link (row, id);
}

/* Enter in the search entry takes the first item that matches. */
static void
on_search_activate (GtkSearchEntry *search,
                    Row            *row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (row->candidates); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && filter_candidate (GTK_LIST_BOX_ROW (child), row))
      {
        on_candidate_activated (GTK_LIST_BOX (row->candidates), GTK_LIST_BOX_ROW (child), row);
        return;
      }
}

/* Builds the picker's search entry and list the first time it opens. A
 * search entry made beforehand, in a popover that is not shown, would queue
 * a tooltip query that GTK 4.8 runs against the popover's missing surface. */
static void
build_picker (GtkMenuButton *button,
              gpointer       user_data)
{
  Row *row = user_data;
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  GtkWidget *box, *scrolled, *placeholder;

  if (row->search != NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  scrolled = gtk_scrolled_window_new ();
  placeholder = gtk_label_new (_("No items to link to"));
  row->search = gtk_search_entry_new ();
  gtk_widget_set_name (row->search, "link-search");
  g_object_set (row->search, "placeholder-text", _("Search items"), NULL);
  row->candidates = gtk_list_box_new ();
  gtk_widget_set_name (row->candidates, "link-candidates");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (row->candidates), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (row->candidates), TRUE);
  gtk_list_box_set_filter_func (GTK_LIST_BOX (row->candidates), filter_candidate, row, NULL);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (row->candidates), placeholder);
  g_object_set_data (G_OBJECT (row->candidates), "wm-placeholder", placeholder);
  gtk_widget_add_css_class (row->candidates, "navigation-sidebar");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_widget_set_size_request (box, 320, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), row->candidates);
  gtk_box_append (GTK_BOX (box), row->search);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_popover_set_child (popover, box);

  /* Filtered at each key rather than after the search entry's pause: the
   * list is a few hundred rows at most. */
  g_signal_connect (row->search, "changed", G_CALLBACK (on_search_changed), row);
  g_signal_connect (row->search, "activate", G_CALLBACK (on_search_activate), row);
  g_signal_connect (row->candidates, "row-activated", G_CALLBACK (on_candidate_activated), row);
}

/* Back to the button once the picker closes. The search entry had the
 * focus; left there, GTK 4.8 keeps the entry, and so the popover, alive
 * after the page goes, and may run its tooltip delay on it. */
static void
on_picker_closed (GtkPopover *popover,
                  GtkWidget  *button)
{
  GtkRoot *root = gtk_widget_get_root (button);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (popover)))
    gtk_widget_grab_focus (button);
}

GtkWidget *
_wm_inspector_link_picker_new (Row *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();

  gtk_widget_set_name (button, "add-link");
  gtk_widget_set_name (popover, "link-picker");
  /* An icon, as the other lists' add buttons: a group's title is often long
   * (and longer in translation), and a label beside it would cut both short. */
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "list-add-symbolic");
  gtk_widget_set_tooltip_text (button, _("Link to an item of another diagram"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add link…"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), build_picker, row, NULL);
  g_signal_connect (popover, "show", G_CALLBACK (on_picker_show), row);
  g_signal_connect (popover, "closed", G_CALLBACK (on_picker_closed), button);
  return button;
}

/* Backlinks: a group listing what elsewhere in the project links to the
 * shown item, each with a button to go there. The list is found again at
 * each change of any diagram, and its rows rebuilt only when what they
 * would show changed. */

static WmItem *
shown_item (WmInspector *self)
{
  return self->diagram != NULL && self->item_id != NULL
         ? wm_diagram_lookup (self->diagram, self->item_id) : NULL;
}

/* The referrers worth a row: one per item (or diagram), and not the shown
 * item linking to itself. */
static GArray *
find_backlinks (WmInspector *self)
{
  WmProject *project = project_of (self);
  WmItem *shown = shown_item (self);
  GArray *found = project != NULL && shown != NULL ? wm_project_find_referrers (project, shown->id)
                                                   : g_array_new (FALSE, FALSE, sizeof (WmReferrer));
  guint kept = 0;

  for (guint i = 0; i < found->len; i++)
    {
      WmReferrer *referrer = &g_array_index (found, WmReferrer, i);
      WmReferrer *last = kept > 0 ? &g_array_index (found, WmReferrer, kept - 1) : NULL;

      if (referrer->item == shown ||
          (last != NULL && last->diagram == referrer->diagram && last->item == referrer->item))
        continue;
      g_array_index (found, WmReferrer, kept++) = *referrer;
    }
  g_array_set_size (found, kept);
  return found;
}

static char *
describe_backlinks (GArray *found)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    {
      const WmReferrer *referrer = &g_array_index (found, WmReferrer, i);

      g_string_append_printf (out, "%s\x1f%s\x1f%s\x1f%s\x1e",
                              referrer->item ? referrer->item->id : wm_diagram_get_id (referrer->diagram),
                              referrer->item ? referrer->item->text : "",
                              referrer->item ? referrer->item->type->id : referrer->spec->name,
                              wm_diagram_get_name (referrer->diagram));
    }
  return g_string_free (out, FALSE);
}

static void
on_follow_backlink_clicked (GtkButton   *button,
                            WmInspector *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "wm-item-id");

  if (id != NULL)
    g_signal_emit_by_name (self, "follow-link", id);
}

/* @id is an item's, or a diagram's when its own fields link here. */
static GtkWidget *
backlink_follow_button (WmInspector *self,
                        const char  *id,
                        const char  *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("go-jump-symbolic");

  gtk_widget_set_name (button, "follow-backlink");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), "wm-item-id", g_strdup (id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_follow_backlink_clicked), self);
  return button;
}

static GtkWidget *
backlink_row_new (WmInspector      *self,
                  const WmReferrer *referrer)
{
  GtkWidget *line = adw_action_row_new ();
  g_autofree char *title = NULL, *subtitle = NULL;
  GtkWidget *follow;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line), FALSE);
  if (referrer->item != NULL)
    {
      follow = backlink_follow_button (self, referrer->item->id, _("Go to the linking item"));
      title = item_title (referrer->item);
      subtitle = item_subtitle (referrer->item, referrer->diagram);
    }
  else
    {
      /* The diagram's own fields link here (a journey's persona): going
       * there shows the diagram, whose properties hold the field. */
      follow = backlink_follow_button (self, wm_diagram_get_id (referrer->diagram),
                                       _("Go to the linking diagram"));
      title = g_strdup (wm_diagram_get_name (referrer->diagram));
      /* Translators: a diagram's kind and the field of it that links to the
       * shown item, as in "Customer journey · Persona linked to" */
      subtitle = g_strdup_printf (_("%s · %s"),
                                  _wm_inspector_tr (wm_diagram_get_notation (referrer->diagram)->label),
                                  _wm_inspector_tr (referrer->spec->label));
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (line), follow);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (line), follow);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (line), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (line), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (line), 1);
  return line;
}

void
_wm_inspector_add_backlinks (WmInspector *self)
{
  GtkWidget *list;
  GtkWidget *group = _wm_inspector_list_group_new (_("Linked from"), _("Nothing links here"),
                                                   &list);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Items and diagrams whose links point at this item"));
  gtk_widget_set_name (list, "backlinks");
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
  /* The list lives on the page, and goes with it. */
  g_object_set_data (G_OBJECT (self->page), "wm-backlinks", list);
}

void
_wm_inspector_update_backlinks (WmInspector *self)
{
  GtkListBox *list = self->page ? g_object_get_data (G_OBJECT (self->page), "wm-backlinks") : NULL;
  g_autoptr(GArray) found = NULL;
  const char *before;
  char *shown;
  GtkWidget *child;

  if (list == NULL)
    return;
  found = find_backlinks (self);
  shown = describe_backlinks (found);
  before = g_object_get_data (G_OBJECT (list), "wm-shown");
  if (g_strcmp0 (before, shown) == 0)
    {
      g_free (shown);
      return;
    }
  g_object_set_data_full (G_OBJECT (list), "wm-shown", shown, g_free);
  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))) != NULL)
    gtk_list_box_remove (list, child);
  for (guint i = 0; i < found->len; i++)
    gtk_list_box_append (list, backlink_row_new (self, &g_array_index (found, WmReferrer, i)));
}

/* Entry points */

gboolean
wm_inspector_add_link (WmInspector *self,
                       const char  *name,
                       const char  *id)
{
  Row *row;

  g_return_val_if_fail (WM_IS_INSPECTOR (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  row = find_row (self, name);
  return row != NULL && row->spec->type == WM_PROP_REFS && row_add_link (row, id);
}

gboolean
wm_inspector_remove_link (WmInspector *self,
                          const char  *name,
                          guint        index)
{
  Row *row;

  g_return_val_if_fail (WM_IS_INSPECTOR (self), FALSE);

  row = find_row (self, name);
  return row != NULL && row->spec->type == WM_PROP_REFS && row_remove_link (row, index);
}

void
wm_inspector_follow_link (WmInspector *self,
                          const char  *name,
                          guint        index)
{
  Row *row;

  g_return_if_fail (WM_IS_INSPECTOR (self));

  row = find_row (self, name);
  if (row != NULL && row->spec->type == WM_PROP_REFS)
    row_follow_link (row, index);
}

GtkWidget *
wm_inspector_get_backlinks (WmInspector *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR (self), NULL);

  return self->page != NULL ? g_object_get_data (G_OBJECT (self->page), "wm-backlinks") : NULL;
}
