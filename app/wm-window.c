/* wm-window.c — a project's window: the diagrams in a sidebar, the canvas beside
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is split over several files that share wm-window-private.h:
 * this one (the widget, the project it shows, opening and saving, recent
 * projects, the bottom pane and the search), wm-window-actions.c (the "win."
 * actions and their shortcuts), wm-window-sidebar.c (the list of diagrams
 * and its context menu), wm-window-find.c (find in one diagram or in all)
 * and wm-window-watch.c (the project's file on disk).
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
#include "wm-problems-panel.h"
#include "wm-window-private.h"

G_DEFINE_FINAL_TYPE (WmWindow, wm_window, ADW_TYPE_APPLICATION_WINDOW)

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

/* Templates: starting projects installed with the application */

/* One at least per kind of diagram, drawn for a real case (data/templates). */
static const struct
{
  const char *file;
  const char *label;
} templates[] = {
  { "referral-programme-canvas.waymark", N_("Referral Programme (Business Model Canvas)") },
  { "self-service-support-use-cases.waymark", N_("Self-Service Support (Use Cases)") },
  { "order-fulfilment-value-stream.waymark", N_("Order Fulfilment (Value Stream Map)") },
  { "subscription-support-journey.waymark", N_("Subscription Support (Customer Journey)") },
  { "support-product-value-proposition.waymark",
    N_("Support Product (Value Proposition Canvas)") },
};

/* WAYMARK_TEMPLATES_DIR points a run from the build tree (meson devenv, the
 * tests) at data/templates; otherwise, where the build installed them. */
static char *
dup_template_path (const char *file)
{
  const char *dir = g_getenv ("WAYMARK_TEMPLATES_DIR");

  if (dir == NULL || *dir == '\0')
    return g_build_filename (DATADIR, "waymark", "templates", file, NULL);
  return g_build_filename (dir, file, NULL);
}

/* The "+" menu and the empty page offer the templates that are there. */
static void
fill_template_menus (WmWindow *self)
{
  GMenu *sections[] = {
    G_MENU (gtk_widget_get_template_child (GTK_WIDGET (self), WM_TYPE_WINDOW,
                                           "add_template_section")),
    G_MENU (gtk_widget_get_template_child (GTK_WIDGET (self), WM_TYPE_WINDOW,
                                           "template_section")),
  };
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                 WM_TYPE_WINDOW,
                                                                 "template_button"));
  guint found = 0;

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autofree char *path = dup_template_path (templates[i].file);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      found++;
      for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (_(templates[i].label), NULL);

          g_menu_item_set_action_and_target (item, "win.new-from-template", "s",
                                             templates[i].file);
          g_menu_append_item (sections[s], item);
        }
    }
  gtk_widget_set_visible (button, found > 0);
}

/* Ends an asynchronous load this window started: the project, or NULL
 * after showing @failure (a title) with the reason. */
static WmProject *
finish_load (WmWindow     *self,
             GAsyncResult *result,
             const char   *failure)
{
  g_autoptr(GError) error = NULL;
  WmProject *project = wm_project_load_finish (result, &error);

  g_assert (self->loading > 0);
  self->loading--;
  /* The message names the file and the line; nothing in this window is lost. */
  if (project == NULL)
    _wm_window_show_error (self, failure, error->message);
  return project;
}

static void
on_template_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(WmWindow) self = user_data;
  g_autoptr(WmProject) project = finish_load (self, result, _("The Template Could Not Be Opened"));

  if (project == NULL)
    return;
  /* A new project with the template's content: saving asks where, and the
   * template itself is never written to. */
  wm_project_set_file (project, NULL);
  wm_window_set_project (self, project);
}

void
_wm_window_new_from_template (WmWindow   *self,
                              const char *file)
{
  g_autofree char *path = dup_template_path (file);
  g_autoptr(GFile) template = g_file_new_for_path (path);
  WmWindow *target = self;

  /* Work in progress keeps its window; the template gets a new one. */
  if (!wm_window_is_pristine (self))
    {
      target = wm_window_new (gtk_window_get_application (GTK_WINDOW (self)));
      gtk_window_present (GTK_WINDOW (target));
    }
  target->loading++;
  wm_project_load_async (template, NULL, on_template_loaded, g_object_ref (target));
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
  /* Translators: the window's subtitle when the project has no file yet */
  adw_window_title_set_subtitle (self->title, where ? where : _("Not saved"));
  /* Every edit asks again; on X11 a title set costs a locale's converter. */
  if (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (self)), title) != 0)
    gtk_window_set_title (GTK_WINDOW (self), title);
}

/* A tooltip set asks where the pointer is (a round trip to an X server):
 * set only what changed, as every edit updates the history's tooltips. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  const char *shown = gtk_widget_get_tooltip_text (widget);

  if (g_strcmp0 (shown, text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

/* The undo and redo buttons say what they would undo: "Undo Move". */
static void
update_history_tooltips (WmWindow *self)
{
  const char *undo = wm_project_get_undo_label (self->project);
  const char *redo = wm_project_get_redo_label (self->project);
  /* Translators: a tooltip; %s is what the step did, a whole phrase such as
   * "Add Actor" or "Move 3 Items" */
  g_autofree char *undo_text = undo ? g_strdup_printf (_("Undo %s"), undo) : g_strdup (_("Undo"));
  /* Translators: a tooltip; %s is what the step did, a whole phrase such as
   * "Add Actor" or "Move 3 Items" */
  g_autofree char *redo_text = redo ? g_strdup_printf (_("Redo %s"), redo) : g_strdup (_("Redo"));

  set_tooltip (GTK_WIDGET (self->undo_button), undo_text);
  set_tooltip (GTK_WIDGET (self->redo_button), redo_text);
}

static void
on_project_notify (WmWindow *self)
{
  update_title (self);
  _wm_window_update_undo_actions (self);
  update_history_tooltips (self);
}

static gboolean
fit_canvas (gpointer data)
{
  WmWindow *self = data;

  self->fit_source = 0;
  wm_canvas_show_opening_view (WM_CANVAS (self->canvas));
  return G_SOURCE_REMOVE;
}

static gboolean
show_zoom (GtkWidget     *button,
           GdkFrameClock *clock,
           gpointer       data)
{
  WmCanvas *canvas = data;
  g_autofree char *label = NULL;

  /* Translators: the canvas's zoom as a percentage, "100 %"; use your
   * language's usual spacing and sign. */
  label = g_strdup_printf (_("%.0f %%"), 100 * wm_canvas_get_zoom (canvas));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), label);
  /* A screen reader reads "Zoom" (the label in wm-window.ui), then the level. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  label, -1);
  g_object_set_data (G_OBJECT (button), "wm-zoom-pending", NULL);
  return G_SOURCE_REMOVE;
}

/* The canvas zooms while it is allocated (fitting a diagram to its new
 * size), when the header bar may not be resized any more: the label
 * follows before the next frame's layout. */
static void
on_zoom_changed (GtkWidget  *button,
                 GParamSpec *pspec,
                 WmCanvas   *canvas)
{
  if (g_object_get_data (G_OBJECT (button), "wm-zoom-pending") != NULL)
    return;
  g_object_set_data (G_OBJECT (button), "wm-zoom-pending", GINT_TO_POINTER (TRUE));
  gtk_widget_add_tick_callback (button, show_zoom, canvas, NULL);
}

static gboolean
diagram_to_visible (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      data)
{
  g_value_set_boolean (to, g_value_get_object (from) != NULL);
  return TRUE;
}

/* The zoom button in the header bar shows the canvas's zoom, while a
 * diagram shows. */
static void
bind_zoom_button (WmWindow *self)
{
  GObject *button = gtk_widget_get_template_child (GTK_WIDGET (self), WM_TYPE_WINDOW,
                                                   "zoom_button");

  g_signal_connect_object (self->canvas, "notify::zoom", G_CALLBACK (on_zoom_changed), button,
                           G_CONNECT_SWAPPED);
  g_object_bind_property_full (self->canvas, "diagram", button, "visible", G_BINDING_SYNC_CREATE,
                               diagram_to_visible, NULL, NULL, NULL);
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

/* The search follows the diagram shown */

static void
clear_search (WmWindow *self)
{
  /* A filter typed for one diagram means nothing in the next, unless find
   * itself went there, to show a hit. */
  if (self->finding)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
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

  /* The hits to step through, and to list with "All Diagrams". */
  _wm_window_update_find (self, matches);
}

/* GTK 4.8's search bar leaves its close button (an icon in a GtkCenterBox
 * of the bar's own) without a name for a screen reader. */
static void
label_search_bar_close (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && GTK_IS_CENTER_BOX (widget))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Close Find"), -1);
      else if (!GTK_IS_SEARCH_ENTRY (child))
        label_search_bar_close (child);
    }
}

static void
on_search_mode (WmWindow *self)
{
  /* Closing the bar shows every item again. */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static WmDiagram *
find_diagram_by_id (WmProject  *project,
                    const char *id)
{
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    if (g_strcmp0 (wm_diagram_get_id (wm_project_get_diagram (project, i)), id) == 0)
      return wm_project_get_diagram (project, i);
  return NULL;
}

static void
on_follow_link (WmWindow   *self,
                const char *id)
{
  WmDiagram *diagram = NULL;
  const char *ids[] = { id, NULL };

  /* A backlink from a diagram's own field names the diagram: show it, with
   * nothing selected, so the inspector shows the diagram's fields. */
  if (id != NULL && wm_project_lookup_item (self->project, id, NULL) == NULL &&
      (diagram = find_diagram_by_id (self->project, id)) != NULL)
    {
      wm_window_show_diagram (self, diagram);
      wm_canvas_reveal (WM_CANVAS (self->canvas), (const char *[]) { NULL });
      return;
    }
  if (id == NULL || wm_project_lookup_item (self->project, id, &diagram) == NULL ||
      diagram == NULL)
    {
      _wm_window_show_toast (self, _("The linked item no longer exists"));
      return;
    }
  wm_window_show_diagram (self, diagram);
  /* The view goes to the item: no opening view replaces it after layout. */
  g_clear_handle_id (&self->fit_source, g_source_remove);
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
  clear_search (self);
  gtk_stack_set_visible_child_name (self->main_stack, diagram ? "canvas" : "empty");
  /* Fit once the inspector has taken its new contents' room: after layout. */
  if (diagram != NULL && self->fit_source == 0)
    self->fit_source = g_idle_add_full (G_PRIORITY_LOW, fit_canvas, self, NULL);
}

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
                            G_CALLBACK (_wm_window_update_diagram_actions), self);
  /* Adding or removing a neighbour changes whether the selected one can move. */
  g_signal_connect_swapped (self->selection, "items-changed",
                            G_CALLBACK (_wm_window_update_diagram_actions), self);
  gtk_list_view_set_model (self->diagram_list, GTK_SELECTION_MODEL (self->selection));
  g_clear_object (&self->deleted_diagram);
  show_selected (self);
  on_project_notify (self);
  _wm_window_update_diagram_actions (self);
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

void
wm_window_show_diagram (WmWindow  *self,
                        WmDiagram *diagram)
{
  guint position;

  g_return_if_fail (WM_IS_WINDOW (self));
  position = _wm_window_find_position (self, diagram);
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
  g_autoptr(WmProject) project = finish_load (self, result, _("The Project Could Not Be Opened"));

  if (project == NULL)
    return;
  wm_window_set_project (self, project);
  add_to_recent (wm_project_get_file (project));
}

void
wm_window_open_file (WmWindow *self,
                     GFile    *file)
{
  g_return_if_fail (WM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Other tools' files become a new project; only a project is read as one. */
  if (_wm_window_is_foreign_file (file))
    {
      _wm_window_open_foreign (self, file);
      return;
    }
  self->loading++;
  wm_project_load_async (file, NULL, on_loaded, g_object_ref (self));
}

/* Opens @files: the first in this window while nobody has touched it, the
 * others each in a window of its own, as the application does. */
void
_wm_window_open_files (WmWindow *self,
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

static gboolean
shows_empty_page (WmWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "empty") == 0;
}

/* The rows are rebuilt when the empty page shows. The recent manager reports
 * the file a project was opened from a moment after it opened; rebuilding
 * the hidden page's rows then laid the whole window out again, in the middle
 * of whatever frame came next (a drag's, 5 ms more on X11). */
static void
on_recent_changed (WmWindow *self)
{
  if (shows_empty_page (self))
    refresh_recent (self);
  else
    self->recent_stale = TRUE;
}

static void
on_main_page_changed (WmWindow *self)
{
  if (self->recent_stale && shows_empty_page (self))
    {
      self->recent_stale = FALSE;
      refresh_recent (self);
    }
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
  _wm_window_open_files (self, (GFile **) projects->pdata, projects->len);
  return TRUE;
}

GtkFileFilter *
_wm_window_project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Waymark Projects"));
  gtk_file_filter_add_pattern (filter, "*" WM_FILE_EXTENSION);
  gtk_file_filter_add_mime_type (filter, WM_MIME_TYPE);
  return filter;
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
    /* Translators: a toast: the project was saved (past participle) */
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

void
_wm_window_save_as (WmWindow *self,
                    gboolean  then_close)
{
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Save the Project"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = _wm_window_project_filter ();
  g_autofree char *display_name = project_display_name (self->project);
  g_autofree char *name = _wm_file_name_from_title (display_name);
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
    _wm_window_save_as (self, then_close);
}

static void
setup_drop_target (WmWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->toasts), GTK_EVENT_CONTROLLER (target));
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
  if (self->main_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->main_stack, self);
  _wm_window_dispose_sidebar (self);
  _wm_window_dispose_find (self);
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
  g_type_ensure (WM_TYPE_OUTLINE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/ui/wm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WmWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, title);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, diagram_list);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, outline);
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
  gtk_widget_class_bind_template_child (widget_class, WmWindow, problems_page);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, problems_panel);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, metrics_panel);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, search_entry);
  gtk_widget_class_bind_template_child_full (widget_class, "add_template_section", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "template_section", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "template_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "zoom_button", FALSE, 0);

  _wm_window_class_init_actions (widget_class);
  _wm_window_class_init_find (widget_class);
  _wm_window_class_init_sidebar (widget_class);
  _wm_window_class_init_watch (widget_class);
}

static void
wm_window_init (WmWindow *self)
{
  g_autoptr(WmProject) project = wm_project_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  fill_add_menu (self);
  fill_template_menus (self);

  self->canvas = wm_canvas_new ();
  gtk_scrolled_window_set_child (self->canvas_scroller, self->canvas);
  self->palette = wm_palette_new ();
  wm_palette_set_canvas (WM_PALETTE (self->palette), WM_CANVAS (self->canvas));
  gtk_scrolled_window_set_child (self->palette_scroller, self->palette);
  self->inspector = wm_inspector_new ();
  gtk_scrolled_window_set_child (self->inspector_scroller, self->inspector);
  g_signal_connect_swapped (self->canvas, "selection-changed", G_CALLBACK (inspect_selection),
                            self);
  /* The panels show the canvas's diagram; each works only while it is on
   * screen, so a closed pane costs nothing, when opening a large project as
   * during a drag. The metrics page shows when its panel does: for the
   * kinds of diagram that compute figures (see wm-window.ui). */
  g_object_bind_property (self->canvas, "diagram", self->problems_panel, "diagram",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->canvas, "diagram", self->metrics_panel, "diagram",
                          G_BINDING_SYNC_CREATE);
  /* The outline follows the canvas's diagram and selection, and also works
   * only while it shows. */
  wm_outline_set_canvas (self->outline, WM_CANVAS (self->canvas));
  bind_zoom_button (self);
  g_signal_connect_swapped (self->inspector, "follow-link", G_CALLBACK (on_follow_link), self);
  g_signal_connect_swapped (self->problems_panel, "problem-activated",
                            G_CALLBACK (on_problem_activated), self);
  g_signal_connect_swapped (self->problems_panel, "notify::n-problems",
                            G_CALLBACK (on_problems_count), self);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (on_search_mode), self);
  label_search_bar_close (GTK_WIDGET (self->search_bar));
  _wm_window_init_find (self);
  _wm_window_init_sidebar (self);
  _wm_window_init_actions (self);
  setup_drop_target (self);
  setup_drag_pause (self);
  g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed",
                            G_CALLBACK (on_recent_changed), self);
  g_signal_connect_swapped (self->main_stack, "notify::visible-child",
                            G_CALLBACK (on_main_page_changed), self);
  refresh_recent (self);

  self->settings = wm_application_get_settings ();
  /* Every open canvas follows the grid preferences as they change. */
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "show-grid", self->canvas, "show-grid",
                       G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "snap-to-grid", self->canvas, "snap", G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "grid-size", self->canvas, "grid-size",
                       G_SETTINGS_BIND_GET);
    }
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
                                  G_CALLBACK (_wm_window_update_diagram_actions), self);
  wm_window_set_project (self, project);
}

WmWindow *
wm_window_new (GtkApplication *application)
{
  return g_object_new (WM_TYPE_WINDOW, "application", application, NULL);
}
