/* wm-window.c — a project's window: the diagrams in a sidebar, the canvas beside
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-application.h"
#include "wm-autosave.h"
#include "wm-canvas.h"
#include "wm-export-dialog.h"
#include "wm-inspector.h"
#include "wm-metrics-panel.h"
#include "wm-palette.h"
#include "wm-print.h"
#include "wm-problems-panel.h"
#include "wm-window-private.h"

G_DEFINE_FINAL_TYPE (WmWindow, wm_window, ADW_TYPE_APPLICATION_WINDOW)

static const char *
icon_for (WmDiagram *diagram)
{
  return wm_diagram_get_notation (diagram)->icon_name;
}

/* "New Diagram" offers every kind the registry knows. */
static void
fill_add_menu (WmWindow *self)
{
  guint n;
  const WmNotation *const *notations = wm_notations_get_all (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GMenuItem) item =
        g_menu_item_new (g_dgettext (GETTEXT_PACKAGE, notations[i]->menu_label), NULL);

      g_menu_item_set_action_and_target (item, "win.add-diagram", "s", notations[i]->id);
      g_menu_append_item (self->add_section, item);
    }
}

/* Title and actions follow the project */

static char *
project_display_name (WmProject *project)
{
  GFile *file = wm_project_get_file (project);

  if (*wm_project_get_title (project) != '\0')
    return g_strdup (wm_project_get_title (project));
  if (file != NULL)
    return g_file_get_basename (file);
  return g_strdup (_("Untitled Project"));
}

char *
_wm_window_dup_display_name (WmWindow *self)
{
  return project_display_name (self->project);
}

static void
update_title (WmWindow *self)
{
  g_autofree char *name = project_display_name (self->project);
  g_autofree char *title = NULL;
  GFile *file = wm_project_get_file (self->project);
  g_autofree char *where = file ? g_file_get_parse_name (file) : NULL;

  /* The unsaved-changes mark comes first, as GNOME applications show it. */
  title = wm_project_get_dirty (self->project) ? g_strdup_printf ("• %s", name) : g_strdup (name);
  adw_window_title_set_title (self->title, title);
  adw_window_title_set_subtitle (self->title, where ? where : _("Not saved"));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_actions (WmWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 wm_project_can_undo (self->project));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 wm_project_can_redo (self->project));
}

/* The undo and redo buttons say what they would undo: "Undo Move". */
static void
update_history_tooltips (WmWindow *self)
{
  const char *undo = wm_project_get_undo_label (self->project);
  const char *redo = wm_project_get_redo_label (self->project);
  g_autofree char *undo_text = undo ? g_strdup_printf (_("Undo %s"), undo) : g_strdup (_("Undo"));
  g_autofree char *redo_text = redo ? g_strdup_printf (_("Redo %s"), redo) : g_strdup (_("Redo"));

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo_text);
}

static void
on_project_notify (WmWindow *self)
{
  update_title (self);
  update_actions (self);
  update_history_tooltips (self);
}

/* The diagram list */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
  /* The context menu finds the row under the pointer through this. */
  g_object_set_data (G_OBJECT (box), "wm-list-item", item);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  WmDiagram *diagram = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_for (diagram));
  g_object_set_data (G_OBJECT (label), "wm-binding",
                     g_object_bind_property (diagram, "name", label, "label",
                                             G_BINDING_SYNC_CREATE));
  gtk_widget_set_tooltip_text (box, g_dgettext (GETTEXT_PACKAGE,
                                                wm_diagram_get_notation (diagram)->label));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkWidget *label = gtk_widget_get_last_child (gtk_list_item_get_child (item));
  GBinding *binding = g_object_get_data (G_OBJECT (label), "wm-binding");

  /* Bindings die with their source or target; unbinding keeps a reused row
   * from following the diagram it showed before. */
  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (label), "wm-binding", NULL);
}

static gboolean
fit_canvas (gpointer data)
{
  WmWindow *self = data;

  self->fit_source = 0;
  wm_canvas_zoom_to_fit (WM_CANVAS (self->canvas));
  return G_SOURCE_REMOVE;
}

/* The inspector shows the one selected item, or the diagram's own fields. */
static void
inspect_selection (WmWindow *self)
{
  WmDiagram *diagram = wm_canvas_get_diagram (WM_CANVAS (self->canvas));
  g_auto(GStrv) selection = wm_canvas_get_selection (WM_CANVAS (self->canvas));

  wm_inspector_set_target (WM_INSPECTOR (self->inspector), diagram,
                           selection != NULL && g_strv_length (selection) == 1 ? selection[0]
                                                                               : NULL);
}

/* The bottom pane and the search follow the diagram shown */

/* The metrics page is for the kinds of diagram that compute figures. */
static gboolean
has_metrics (WmDiagram *diagram)
{
  return diagram != NULL && wm_diagram_get_notation (diagram)->metrics != NULL;
}

static void
follow_diagram_in_panels (WmWindow  *self,
                          WmDiagram *diagram)
{
  gboolean metrics = has_metrics (diagram);

  /* The problems panel checks only while it shows; the metrics panel
   * computes whenever it has a diagram, so it gets one only while the
   * pane is open: a closed pane costs nothing, when opening a large
   * project as during a drag. */
  wm_problems_panel_set_diagram (self->problems_panel, diagram);
  wm_metrics_panel_set_diagram (self->metrics_panel,
                                gtk_widget_get_visible (self->bottom_pane) ? diagram : NULL);
  /* Only some kinds compute figures; the pane falls back on its problems. */
  if (!metrics && g_strcmp0 (adw_view_stack_get_visible_child_name (self->bottom_stack),
                         "metrics") == 0)
    adw_view_stack_set_visible_child_name (self->bottom_stack, "problems");
  adw_view_stack_page_set_visible (self->metrics_page, metrics);
  /* A filter typed for one diagram means nothing in the next. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_bottom_pane_visible (WmWindow *self)
{
  wm_metrics_panel_set_diagram (self->metrics_panel,
                                gtk_widget_get_visible (self->bottom_pane)
                                  ? wm_canvas_get_diagram (WM_CANVAS (self->canvas)) : NULL);
}

/* Edits made while a pointer button is down belong to a drag (or are about
 * to): the problems wait for its end instead of checking between two
 * motions. The capture phase sees every press and release in the window,
 * before the widget under the pointer does. */
static gboolean
on_window_event (GtkEventControllerLegacy *controller,
                 GdkEvent                 *event,
                 WmWindow                 *self)
{
  const GdkModifierType buttons = GDK_BUTTON1_MASK | GDK_BUTTON2_MASK | GDK_BUTTON3_MASK |
                                  GDK_BUTTON4_MASK | GDK_BUTTON5_MASK;
  GdkModifierType state = gdk_event_get_modifier_state (event);

  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
      wm_problems_panel_set_paused (self->problems_panel, TRUE);
      break;
    case GDK_BUTTON_RELEASE:
      /* The state is the one before the release: other buttons may stay down. */
      state &= ~(GDK_BUTTON1_MASK << (gdk_button_event_get_button (event) - 1));
      wm_problems_panel_set_paused (self->problems_panel, (state & buttons) != 0);
      break;
    case GDK_TOUCH_END:
    case GDK_TOUCH_CANCEL:
      wm_problems_panel_set_paused (self->problems_panel, FALSE);
      break;
    case GDK_MOTION_NOTIFY:
      /* A release that went elsewhere (a popup took the grab) ends it too. */
      wm_problems_panel_set_paused (self->problems_panel, (state & buttons) != 0);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
setup_drag_pause (WmWindow *self)
{
  GtkEventController *controller = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (on_window_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
on_problem_activated (WmWindow   *self,
                      const char *const *item_ids)
{
  if (item_ids != NULL && item_ids[0] != NULL)
    wm_canvas_reveal (WM_CANVAS (self->canvas), item_ids);
}

static void
on_problems_count (WmWindow *self)
{
  guint n = wm_problems_panel_get_n_problems (self->problems_panel);

  adw_view_stack_page_set_badge_number (self->problems_page, n);
  adw_view_stack_page_set_needs_attention (self->problems_page, n > 0);
}

static void
on_search_changed (WmWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint matches = wm_canvas_set_filter (WM_CANVAS (self->canvas), text);

  /* Say so when nothing matches, as GNOME search entries do. */
  if (text[0] != '\0' && matches == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

static void
on_search_mode (WmWindow *self)
{
  /* Closing the bar shows every item again. */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_follow_link (WmWindow   *self,
                const char *id)
{
  WmDiagram *diagram = NULL;
  const char *ids[] = { id, NULL };

  if (id == NULL || wm_project_lookup_item (self->project, id, &diagram) == NULL ||
      diagram == NULL)
    {
      _wm_window_show_toast (self, _("The linked item no longer exists"));
      return;
    }
  wm_window_show_diagram (self, diagram);
  /* Close enough to read it: the diagram was just fitted to the view, which
   * for a large one is too far out to make the item out. */
  if (wm_canvas_get_zoom (WM_CANVAS (self->canvas)) < 0.75)
    wm_canvas_set_zoom (WM_CANVAS (self->canvas), 1.0);
  /* The canvas shows it now; selecting it also puts it in the inspector. */
  wm_canvas_reveal (WM_CANVAS (self->canvas), ids);
}

static void
show_selected (WmWindow *self)
{
  WmDiagram *diagram = gtk_single_selection_get_selected_item (self->selection);

  /* A move takes the diagram out of the list and puts it back; the selection
   * passes over a neighbour meanwhile, which the canvas need not follow. */
  if (self->moving)
    return;
  wm_canvas_set_diagram (WM_CANVAS (self->canvas), diagram);
  inspect_selection (self);
  follow_diagram_in_panels (self, diagram);
  gtk_stack_set_visible_child_name (self->main_stack, diagram ? "canvas" : "empty");
  /* Fit once the inspector has taken its new contents' room: after layout. */
  if (diagram != NULL && self->fit_source == 0)
    self->fit_source = g_idle_add_full (G_PRIORITY_LOW, fit_canvas, self, NULL);
}

static void update_diagram_actions (WmWindow *self);

void
wm_window_set_project (WmWindow  *self,
                       WmProject *project)
{
  g_return_if_fail (WM_IS_WINDOW (self));
  g_return_if_fail (WM_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;
  g_signal_group_set_target (self->project_signals, project);
  /* The project replaced was saved or discarded; the new one gets its own copies. */
  if (self->autosave != NULL)
    wm_autosave_discard (self->autosave);
  g_clear_object (&self->autosave);
  /* Without settings, the schema's default: every minute. */
  self->autosave = wm_autosave_new (project, self->settings ? 0 : 60);
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "autosave", self->autosave, "enabled", G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "autosave-interval", self->autosave, "interval",
                       G_SETTINGS_BIND_GET);
    }
  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (project)));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (show_selected), self);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (update_diagram_actions), self);
  /* Adding or removing a neighbour changes whether the selected one can move. */
  g_signal_connect_swapped (self->selection, "items-changed",
                            G_CALLBACK (update_diagram_actions), self);
  gtk_list_view_set_model (self->diagram_list, GTK_SELECTION_MODEL (self->selection));
  g_clear_object (&self->deleted_diagram);
  show_selected (self);
  on_project_notify (self);
  update_diagram_actions (self);
  _wm_window_watch_file (self);
}

void
_wm_window_replace_project (WmWindow  *self,
                            WmProject *project)
{
  WmViewport *viewport = wm_canvas_get_viewport (WM_CANVAS (self->canvas));
  WmDiagram *shown = wm_canvas_get_diagram (WM_CANVAS (self->canvas));
  g_autofree char *id = shown != NULL ? g_strdup (wm_diagram_get_id (shown)) : NULL;
  double zoom = wm_viewport_get_zoom (viewport), x, y;
  WmDiagram *same;

  wm_viewport_get_origin (viewport, &x, &y);
  wm_window_set_project (self, project);
  same = id != NULL ? wm_project_find_diagram (project, id) : NULL;
  if (same == NULL)
    return;
  wm_window_show_diagram (self, same);
  /* The same diagram seen as it was: no fitting it anew. */
  g_clear_handle_id (&self->fit_source, g_source_remove);
  wm_viewport_set_zoom (viewport, zoom);
  wm_viewport_set_origin (viewport, x, y);
}

WmProject *
wm_window_get_project (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);
  return self->project;
}

static guint
find_position (WmWindow  *self,
               WmDiagram *diagram)
{
  for (guint position = 0; position < wm_project_get_n_diagrams (self->project); position++)
    if (wm_project_get_diagram (self->project, position) == diagram)
      return position;
  return GTK_INVALID_LIST_POSITION;
}

void
wm_window_show_diagram (WmWindow  *self,
                        WmDiagram *diagram)
{
  guint position;

  g_return_if_fail (WM_IS_WINDOW (self));
  position = find_position (self, diagram);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
}

GtkWidget *
wm_window_get_canvas (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);
  return self->canvas;
}

GtkWidget *
wm_window_get_inspector (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);
  return self->inspector;
}

gboolean
wm_window_is_pristine (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);
  /* A window still loading a file is spoken for. */
  return self->loading == 0 && wm_project_get_file (self->project) == NULL &&
         wm_project_get_n_diagrams (self->project) == 0 && !wm_project_can_undo (self->project);
}

/* Messages */

void
_wm_window_show_error (WmWindow   *self,
                       const char *heading,
                       const char *detail)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, detail);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_wm_window_show_toast (WmWindow   *self,
                       const char *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

/* Opening */

static void add_to_recent (GFile *file);

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WmWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = wm_project_load_finish (result, &error);

  g_assert (self->loading > 0);
  self->loading--;
  if (project == NULL)
    {
      /* The message names the file and the line; nothing in this window is lost. */
      _wm_window_show_error (self, _("The Project Could Not Be Opened"), error->message);
      return;
    }
  wm_window_set_project (self, project);
  add_to_recent (wm_project_get_file (project));
}

void
wm_window_open_file (WmWindow *self,
                     GFile    *file)
{
  g_return_if_fail (WM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  self->loading++;
  wm_project_load_async (file, NULL, on_loaded, g_object_ref (self));
}

/* Opens @files: the first in this window while nobody has touched it, the
 * others each in a window of its own, as the application does. */
static void
open_files (WmWindow *self,
            GFile   **files,
            guint     n_files)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (n_files > 0 && wm_window_is_pristine (self))
    {
      wm_window_open_file (self, files[0]);
      files++;
      n_files--;
    }
  if (n_files > 0 && app != NULL)
    g_application_open (G_APPLICATION (app), files, (int) n_files, "");
}

/* Recent projects: the recent manager remembers them, the empty page lists them */

#define N_RECENT_SHOWN 5

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = NULL;
  g_autofree char *exec = NULL;
  const char *app_name = g_get_application_name ();
  GtkRecentData data = { 0 };

  if (file == NULL)
    return;
  uri = g_file_get_uri (file);
  exec = g_strdup_printf ("%s %%u", g_get_prgname () ? g_get_prgname () : "waymark");
  data.mime_type = (char *) WM_MIME_TYPE;
  data.app_name = (char *) (app_name ? app_name : "Waymark");
  data.app_exec = exec;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static gboolean
is_recent_project (GtkRecentInfo *info)
{
  return (g_strcmp0 (gtk_recent_info_get_mime_type (info), WM_MIME_TYPE) == 0 ||
          g_str_has_suffix (gtk_recent_info_get_uri (info), WM_FILE_EXTENSION)) &&
         gtk_recent_info_exists (info);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  /* Newest first. */
  return g_date_time_compare (gtk_recent_info_get_modified ((GtkRecentInfo *) b),
                              gtk_recent_info_get_modified ((GtkRecentInfo *) a));
}

static GtkWidget *
recent_row_new (GtkRecentInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  const char *uri = gtk_recent_info_get_uri (info);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *where = folder ? g_file_get_parse_name (folder) : NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
  if (where != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uri);
  return row;
}

static void
refresh_recent (WmWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GList *projects = NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  for (GList *l = items; l != NULL; l = l->next)
    if (is_recent_project (l->data))
      projects = g_list_prepend (projects, l->data);
  projects = g_list_sort (projects, compare_recent);
  for (GList *l = projects; l != NULL && shown < N_RECENT_SHOWN; l = l->next, shown++)
    gtk_list_box_append (self->recent_list, recent_row_new (l->data));
  gtk_widget_set_visible (self->recent_box, shown > 0);
  g_list_free (projects);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  open_files (WM_WINDOW (widget), &file, 1);
}

/* Dropping project files on the window opens them */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         WmWindow      *self)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  g_autoptr(GPtrArray) projects = g_ptr_array_new ();

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      if (name != NULL && g_str_has_suffix (name, WM_FILE_EXTENSION))
        g_ptr_array_add (projects, l->data);
    }
  g_slist_free (files);
  if (projects->len == 0)
    return FALSE;
  open_files (self, (GFile **) projects->pdata, projects->len);
  return TRUE;
}

static GtkFileFilter *
project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Waymark Projects"));
  gtk_file_filter_add_pattern (filter, "*" WM_FILE_EXTENSION);
  gtk_file_filter_add_mime_type (filter, WM_MIME_TYPE);
  return filter;
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  WmWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file != NULL)
    open_files (self, &file, 1);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Open a Project"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = project_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Saving */

typedef struct
{
  WmWindow *window;
  gboolean  then_close;
} SaveRequest;

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autofree SaveRequest *request = user_data;
  g_autoptr(WmWindow) self = request->window;
  g_autoptr(GError) error = NULL;
  gboolean saved = wm_project_save_finish (WM_PROJECT (source), result, &error);

  g_assert (self->saving > 0);
  self->saving--;
  _wm_window_watch_save_done (self);
  /* The file changed on disk since it was read: never overwrite it unasked. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG) &&
      WM_PROJECT (source) == self->project)
    {
      _wm_window_ask_about_change (self, TRUE, request->then_close);
      return;
    }
  if (!saved)
    {
      _wm_window_show_error (self, _("The Project Could Not Be Saved"), error->message);
      return;
    }
  add_to_recent (wm_project_get_file (self->project));
  update_title (self);
  if (request->then_close)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else
    _wm_window_show_toast (self, _("Saved"));
}

static void
save_to (WmWindow *self,
         GFile    *file,
         gboolean  then_close)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->window = g_object_ref (self);
  request->then_close = then_close;
  /* The file monitor hears this save too; the window looks once it is done. */
  self->saving++;
  wm_project_save_async (self->project, file, WM_SAVE_NONE, NULL, on_saved, request);
}

static void
on_save_as_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  g_autofree SaveRequest *request = user_data;
  g_autoptr(WmWindow) self = request->window;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file != NULL)
    save_to (self, file, request->then_close);
}

static void
save_as (WmWindow *self,
         gboolean  then_close)
{
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Save the Project"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = project_filter ();
  g_autofree char *name = project_display_name (self->project);
  g_autofree char *suggested = g_str_has_suffix (name, WM_FILE_EXTENSION)
                                 ? g_strdup (name) : g_strconcat (name, WM_FILE_EXTENSION, NULL);
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->window = g_object_ref (self);
  request->then_close = then_close;
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_as_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_wm_window_save (WmWindow *self,
                 gboolean  then_close)
{
  GFile *file = wm_project_get_file (self->project);

  if (file != NULL)
    save_to (self, file, then_close);
  else
    save_as (self, then_close);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _wm_window_save (WM_WINDOW (widget), FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (WM_WINDOW (widget), FALSE);
}

/* Editing */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  wm_project_undo (WM_WINDOW (widget)->project);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  wm_project_redo (WM_WINDOW (widget)->project);
}

static void
add_diagram_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (self->project,
                                               g_variant_get_string (parameter, NULL), NULL,
                                               &error);

  if (diagram == NULL)
    {
      _wm_window_show_toast (self, error->message);
      return;
    }
  gtk_single_selection_set_selected (self->selection,
                                     wm_project_get_n_diagrams (self->project) - 1);
}

/* Managing the diagrams from the sidebar */

static void
update_diagram_actions (WmWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint position = gtk_single_selection_get_selected (self->selection);
  guint n = wm_project_get_n_diagrams (self->project);
  gboolean editable = position < n && !wm_project_get_read_only (self->project);

  gtk_widget_action_set_enabled (widget, "win.rename-diagram", editable);
  gtk_widget_action_set_enabled (widget, "win.duplicate-diagram", editable);
  gtk_widget_action_set_enabled (widget, "win.delete-diagram", editable);
  gtk_widget_action_set_enabled (widget, "win.move-diagram-up", editable && position > 0);
  gtk_widget_action_set_enabled (widget, "win.move-diagram-down", editable && position + 1 < n);
}

static void
on_rename_changed (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", *name != '\0');
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    WmWindow         *self)
{
  WmDiagram *diagram = g_object_get_data (G_OBJECT (dialog), "wm-diagram");
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  /* The diagram may have been deleted while the dialog was open. */
  if (!g_str_equal (response, "rename") || *name == '\0' ||
      find_position (self, diagram) == GTK_INVALID_LIST_POSITION)
    return;
  wm_diagram_rename (diagram, name);
}

static void
rename_diagram_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  WmDiagram *diagram = gtk_single_selection_get_selected_item (self->selection);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (diagram == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Rename Diagram"),
                                                       NULL));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), wm_diagram_get_name (diagram));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Diagram name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "wm-diagram", g_object_ref (diagram), g_object_unref);
  g_signal_connect (entry, "changed", G_CALLBACK (on_rename_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
duplicate_diagram_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  WmDiagram *diagram = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GError) error = NULL;
  WmDiagram *copy;

  if (diagram == NULL)
    return;
  copy = wm_project_duplicate_diagram (self->project, diagram, &error);
  if (copy == NULL)
    {
      _wm_window_show_toast (self, error->message);
      return;
    }
  wm_window_show_diagram (self, copy);
}

static void
delete_diagram_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  g_autoptr(WmDiagram) diagram = NULL;
  AdwToast *toast;

  diagram = gtk_single_selection_get_selected_item (self->selection);
  if (diagram == NULL)
    return;
  g_object_ref (diagram);
  if (!wm_project_remove_diagram (self->project, diagram))
    return;
  /* No question asked: the toast offers undo, and so does the history. */
  g_set_object (&self->deleted_diagram, diagram);
  g_free (self->deleted_label);
  self->deleted_label = g_strdup (wm_project_get_undo_label (self->project));
  toast = adw_toast_new (_("Diagram deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete-diagram");
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
undo_delete_diagram_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  g_autoptr(WmDiagram) diagram = g_steal_pointer (&self->deleted_diagram);

  /* The toast outlives later edits; it undoes only while the delete is the
   * last step, and never something else. */
  if (diagram == NULL || find_position (self, diagram) != GTK_INVALID_LIST_POSITION ||
      g_strcmp0 (wm_project_get_undo_label (self->project), self->deleted_label) != 0)
    return;
  if (wm_project_undo (self->project))
    wm_window_show_diagram (self, diagram);
}

static void
move_selected_diagram (WmWindow *self,
                       int       offset)
{
  WmDiagram *diagram = gtk_single_selection_get_selected_item (self->selection);
  guint from = gtk_single_selection_get_selected (self->selection);
  guint n = wm_project_get_n_diagrams (self->project);
  guint to;

  if (diagram == NULL || (offset < 0 && from == 0) || (offset > 0 && from + 1 >= n))
    return;
  to = offset < 0 ? from - 1 : from + 1;
  self->moving = TRUE;
  if (wm_project_move_diagram (self->project, diagram, to))
    from = to;
  gtk_single_selection_set_selected (self->selection, from);
  self->moving = FALSE;
  update_diagram_actions (self);
}

static void
move_diagram_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_selected_diagram (WM_WINDOW (widget),
                         g_str_equal (action_name, "win.move-diagram-up") ? -1 : 1);
}

/* The context menu of the sidebar's rows */

static guint
row_position_at (WmWindow *self,
                 double    x,
                 double    y)
{
  GtkWidget *list = GTK_WIDGET (self->diagram_list);

  for (GtkWidget *widget = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);
       widget != NULL && widget != list; widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *first = gtk_widget_get_first_child (widget);
      GtkListItem *item = g_object_get_data (G_OBJECT (widget), "wm-list-item");

      /* A click on a row's padding picks the row, whose first child is our box. */
      if (item == NULL && first != NULL)
        item = g_object_get_data (G_OBJECT (first), "wm-list-item");
      if (item != NULL)
        return gtk_list_item_get_position (item);
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
popup_diagram_menu (WmWindow *self,
                    double    x,
                    double    y)
{
  GdkRectangle at = { (int) x, (int) y, 1, 1 };

  gtk_popover_set_pointing_to (GTK_POPOVER (self->diagram_popover), &at);
  gtk_popover_popup (GTK_POPOVER (self->diagram_popover));
}

static gboolean
popup_menu_on_row (WmWindow *self,
                   double    x,
                   double    y)
{
  guint position = row_position_at (self, x, y);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  popup_diagram_menu (self, x, y);
  return TRUE;
}

static void
on_sidebar_right_click (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        WmWindow        *self)
{
  if (popup_menu_on_row (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_sidebar_long_press (GtkGestureLongPress *gesture,
                       double               x,
                       double               y,
                       WmWindow            *self)
{
  if (popup_menu_on_row (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Shift+F10 and the Menu key open the menu at the focused row. */
static gboolean
on_sidebar_menu_key (GtkWidget *list,
                     GVariant  *args,
                     gpointer   user_data)
{
  WmWindow *self = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  graphene_rect_t bounds;

  if (gtk_single_selection_get_selected_item (self->selection) == NULL)
    return FALSE;
  if (focus != NULL && gtk_widget_is_ancestor (focus, list) &&
      gtk_widget_compute_bounds (focus, list, &bounds))
    popup_diagram_menu (self, bounds.origin.x + 12, bounds.origin.y + bounds.size.height / 2);
  else
    popup_diagram_menu (self, 12, 12);
  return TRUE;
}

static void
setup_sidebar_menu (WmWindow *self)
{
  GtkWidget *list = GTK_WIDGET (self->diagram_list);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkShortcutAction *action = gtk_callback_action_new (on_sidebar_menu_key, self, NULL);

  self->diagram_popover = gtk_popover_menu_new_from_model (self->diagram_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->diagram_popover), FALSE);
  gtk_widget_set_halign (self->diagram_popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->diagram_popover, list);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_sidebar_right_click), self);
  gtk_widget_add_controller (list, GTK_EVENT_CONTROLLER (click));
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_sidebar_long_press), self);
  gtk_widget_add_controller (list, GTK_EVENT_CONTROLLER (long_press));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_Menu, 0)),
                                                          action));
  gtk_widget_add_controller (list, keys);
}

static void
setup_drop_target (WmWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->toasts), GTK_EVENT_CONTROLLER (target));
}

/* Exporting and printing */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  WmDiagram *current = wm_canvas_get_diagram (WM_CANVAS (self->canvas));

  gtk_window_present (GTK_WINDOW (wm_export_dialog_new (GTK_WINDOW (self), self->project,
                                                        current)));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (wm_project_get_n_diagrams (self->project) == 0)
    return;
  operation = wm_print_operation_new (self->project, NULL);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _wm_window_show_error (self, _("Printing Failed"), error->message);
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _wm_window_show_toast (WM_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The bottom pane and the search bar */

static void
toggle_panel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);

  gtk_toggle_button_set_active (self->panel_button,
                                !gtk_toggle_button_get_active (self->panel_button));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);

  if (wm_canvas_get_diagram (WM_CANVAS (self->canvas)) == NULL)
    return;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Closing with unsaved changes asks first */

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   WmWindow         *self)
{
  if (g_str_equal (response, "save"))
    _wm_window_save (self, TRUE);
  else if (g_str_equal (response, "discard"))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
wm_window_close_request (GtkWindow *window)
{
  WmWindow *self = WM_WINDOW (window);
  GtkWidget *dialog;
  g_autofree char *name = NULL;

  if (self->close_confirmed || !wm_project_get_dirty (self->project))
    {
      /* A clean close needs no copy; a crash keeps it for recovery. */
      if (self->autosave != NULL)
        wm_autosave_discard (self->autosave);
      return GTK_WINDOW_CLASS (wm_window_parent_class)->close_request (window);
    }

  name = project_display_name (self->project);
  dialog = adw_message_dialog_new (window, _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes which are not saved "
                                    "will be permanently lost."), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* GObject */

static void
wm_window_dispose (GObject *object)
{
  WmWindow *self = WM_WINDOW (object);

  g_clear_handle_id (&self->fit_source, g_source_remove);
  _wm_window_dispose_watch (self);
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  g_clear_pointer (&self->diagram_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->autosave);
  g_clear_object (&self->settings);
  g_clear_object (&self->project);
  g_clear_object (&self->deleted_diagram);
  g_clear_pointer (&self->deleted_label, g_free);

  G_OBJECT_CLASS (wm_window_parent_class)->dispose (object);
}

static void
wm_window_class_init (WmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = wm_window_dispose;
  window_class->close_request = wm_window_close_request;

  g_type_ensure (WM_TYPE_CANVAS);
  g_type_ensure (WM_TYPE_PROBLEMS_PANEL);
  g_type_ensure (WM_TYPE_METRICS_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/ui/wm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WmWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, title);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, diagram_list);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, canvas_scroller);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, palette_scroller);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, inspector_scroller);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, diagram_menu);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, add_section);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, panel_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, bottom_pane);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, bottom_stack);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, problems_page);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, metrics_page);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, problems_panel);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, metrics_panel);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, search_entry);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.add-diagram", "s", add_diagram_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.rename-diagram", NULL, rename_diagram_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-diagram", NULL,
                                   duplicate_diagram_action);
  gtk_widget_class_install_action (widget_class, "win.delete-diagram", NULL, delete_diagram_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-diagram", NULL,
                                   undo_delete_diagram_action);
  gtk_widget_class_install_action (widget_class, "win.move-diagram-up", NULL, move_diagram_action);
  gtk_widget_class_install_action (widget_class, "win.move-diagram-down", NULL,
                                   move_diagram_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-panel", NULL, toggle_panel_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);

  _wm_window_class_init_watch (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
}

static void
wm_window_init (WmWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(WmProject) project = wm_project_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  fill_add_menu (self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->diagram_list, factory);
  g_object_unref (factory);

  self->canvas = wm_canvas_new ();
  gtk_scrolled_window_set_child (self->canvas_scroller, self->canvas);
  self->palette = wm_palette_new ();
  wm_palette_set_canvas (WM_PALETTE (self->palette), WM_CANVAS (self->canvas));
  gtk_scrolled_window_set_child (self->palette_scroller, self->palette);
  self->inspector = wm_inspector_new ();
  gtk_scrolled_window_set_child (self->inspector_scroller, self->inspector);
  g_signal_connect_swapped (self->canvas, "selection-changed", G_CALLBACK (inspect_selection),
                            self);
  g_signal_connect_swapped (self->inspector, "follow-link", G_CALLBACK (on_follow_link), self);
  g_signal_connect_swapped (self->problems_panel, "problem-activated",
                            G_CALLBACK (on_problem_activated), self);
  g_signal_connect_swapped (self->problems_panel, "notify::n-problems",
                            G_CALLBACK (on_problems_count), self);
  g_signal_connect_swapped (self->bottom_pane, "notify::visible",
                            G_CALLBACK (on_bottom_pane_visible), self);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (on_search_mode), self);
  setup_sidebar_menu (self);
  setup_drop_target (self);
  setup_drag_pause (self);
  g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed",
                            G_CALLBACK (refresh_recent), self);
  refresh_recent (self);

  self->settings = wm_application_get_settings ();
  self->project_signals = g_signal_group_new (WM_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "notify::dirty",
                                  G_CALLBACK (on_project_notify), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::file",
                                  G_CALLBACK (on_project_notify), self);
  /* A save as moves the project to another file: the window watches that one. */
  g_signal_group_connect_swapped (self->project_signals, "notify::file",
                                  G_CALLBACK (_wm_window_watch_file), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::title",
                                  G_CALLBACK (on_project_notify), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::can-undo",
                                  G_CALLBACK (on_project_notify), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::can-redo",
                                  G_CALLBACK (on_project_notify), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::read-only",
                                  G_CALLBACK (update_diagram_actions), self);
  wm_window_set_project (self, project);
}

WmWindow *
wm_window_new (GtkApplication *application)
{
  return g_object_new (WM_TYPE_WINDOW, "application", application, NULL);
}
