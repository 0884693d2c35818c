/* wm-window-actions.c — the window's actions: files, edits, diagrams, panes
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "win." actions are installed on the widget class, with their
 * shortcuts as binding actions; the handlers call into the rest of the
 * window (wm-window.c, wm-window-sidebar.c) through wm-window-private.h.
 */
#define G_LOG_DOMAIN "wm-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wm-canvas.h"
#include "wm-export-dialog.h"
#include "wm-layout.h"
#include "wm-palette.h"
#include "wm-print.h"
#include "wm-project-properties.h"
#include "wm-window-private.h"

/* Which actions can run */

void
_wm_window_update_undo_actions (WmWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 wm_project_can_undo (self->project));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 wm_project_can_redo (self->project));
}

void
_wm_window_update_diagram_actions (WmWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint position = gtk_single_selection_get_selected (self->selection);
  guint n = wm_project_get_n_diagrams (self->project);
  gboolean editable = position < n && !wm_project_get_read_only (self->project);
  WmDiagram *diagram = position < n ? wm_project_get_diagram (self->project, position) : NULL;

  gtk_widget_action_set_enabled (widget, "win.import", !wm_project_get_read_only (self->project));
  gtk_widget_action_set_enabled (widget, "win.rename-diagram", editable);
  gtk_widget_action_set_enabled (widget, "win.duplicate-diagram", editable);
  gtk_widget_action_set_enabled (widget, "win.delete-diagram", editable);
  gtk_widget_action_set_enabled (widget, "win.move-diagram-up", editable && position > 0);
  gtk_widget_action_set_enabled (widget, "win.move-diagram-down", editable && position + 1 < n);
  gtk_widget_action_set_enabled (widget, "win.auto-layout",
                                 editable && wm_layout_supported (diagram));
}

/* Opening */

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  _wm_window_open_files (WM_WINDOW (widget), &file, 1);
}

typedef void (*ChosenFunc) (WmWindow *self,
                            GFile    *file);

static void
on_file_chosen (GtkNativeDialog *dialog,
                int              response,
                WmWindow        *self)
{
  /* A function pointer is not an object pointer: it travels boxed. */
  ChosenFunc then = *(ChosenFunc *) g_object_get_data (G_OBJECT (dialog), "wm-then");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file != NULL)
    then (self, file);
}

void
_wm_window_choose_file (WmWindow       *self,
                        const char     *title,
                        const char     *accept,
                        GtkFileFilter **filters,
                        void          (*then) (WmWindow *self,
                                               GFile    *file))
{
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, accept,
                                 _("_Cancel"));
  ChosenFunc *boxed = g_new (ChosenFunc, 1);

  for (guint i = 0; filters[i] != NULL; i++)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filters[i]);
  *boxed = then;
  g_object_set_data_full (G_OBJECT (dialog), "wm-then", boxed, g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_chosen (WmWindow *self,
             GFile    *file)
{
  _wm_window_open_files (self, &file, 1);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) projects = _wm_window_project_filter ();
  g_autoptr(GtkFileFilter) others = _wm_window_import_filter ();
  GtkFileFilter *filters[] = { projects, others, NULL };

  /* Translators: the button of the file chooser, the verb */
  _wm_window_choose_file (WM_WINDOW (widget), _("Open a Project"), _("_Open"), filters,
                          open_chosen);
}

/* Saving */

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
  _wm_window_save_as (WM_WINDOW (widget), FALSE);
}

/* Editing */

/* What one undo or redo changed, as the model's signals tell it: the
 * diagrams touched, each with the ids of its items added or modified. */
typedef struct
{
  WmWindow   *window;
  GHashTable *diagrams;  /* WmDiagram * -> GPtrArray of ids */
  WmDiagram  *first;     /* the first diagram touched */
  WmDiagram  *restored;  /* a diagram the step brought back */
} StepChanges;

static void
on_step_diagram_changed (WmDiagram     *diagram,
                         const WmDelta *delta,
                         StepChanges   *changes)
{
  GPtrArray *ids = g_hash_table_lookup (changes->diagrams, diagram);

  if (ids == NULL)
    {
      ids = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (changes->diagrams, diagram, ids);
    }
  if (changes->first == NULL)
    changes->first = diagram;
  for (guint i = 0; i < delta->added->len; i++)
    g_ptr_array_add (ids, g_strdup (g_ptr_array_index (delta->added, i)));
  for (guint i = 0; i < delta->modified->len; i++)
    g_ptr_array_add (ids, g_strdup (g_ptr_array_index (delta->modified, i)));
}

static void
on_step_diagrams_changed (GListModel  *diagrams,
                          guint        position,
                          guint        removed,
                          guint        added,
                          StepChanges *changes)
{
  g_autoptr(WmDiagram) diagram = added > 0 ? g_list_model_get_item (diagrams, position) : NULL;

  /* The project holds it; a pointer is enough for the step's length. */
  if (diagram != NULL)
    changes->restored = diagram;
}

/* Shows where the step happened: its diagram, the one shown if it was
 * touched, and in it the items the step added or changed, selected and
 * scrolled into view. */
static void
show_step_changes (StepChanges *changes)
{
  WmWindow *self = changes->window;
  WmDiagram *shown = wm_canvas_get_diagram (WM_CANVAS (self->canvas));
  WmDiagram *diagram = g_hash_table_contains (changes->diagrams, shown) ? shown : changes->first;
  GPtrArray *ids = diagram ? g_hash_table_lookup (changes->diagrams, diagram) : NULL;
  g_autoptr(GPtrArray) present = g_ptr_array_new ();

  if (diagram == NULL)
    diagram = changes->restored;
  if (diagram == NULL || _wm_window_find_position (self, diagram) == GTK_INVALID_LIST_POSITION)
    return;
  if (diagram != shown)
    wm_window_show_diagram (self, diagram);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (wm_diagram_lookup (diagram, g_ptr_array_index (ids, i)) != NULL)
      g_ptr_array_add (present, g_ptr_array_index (ids, i));
  /* A step that only took items away leaves the selection as the canvas made it. */
  if (present->len == 0)
    return;
  g_ptr_array_add (present, NULL);
  wm_canvas_reveal (WM_CANVAS (self->canvas), (const char *const *) present->pdata);
}

/* Runs @step (wm_project_undo or wm_project_redo) and shows what it changed,
 * whichever diagram is shown and whichever pane has the focus. */
static void
run_history_step (WmWindow *self,
                  gboolean (*step) (WmProject *project))
{
  StepChanges changes = { self, NULL, NULL, NULL };
  g_autoptr(GPtrArray) diagrams = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = wm_project_get_n_diagrams (self->project);
  g_autofree gulong *handlers = g_new0 (gulong, n);
  gulong list_handler;
  gboolean done;

  changes.diagrams = g_hash_table_new_full (NULL, NULL, NULL,
                                            (GDestroyNotify) g_ptr_array_unref);
  /* The step may take diagrams out of the project: each is held until its
   * handler is gone. */
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (diagrams, g_object_ref (wm_project_get_diagram (self->project, i)));
      handlers[i] = g_signal_connect (diagrams->pdata[i], "changed",
                                      G_CALLBACK (on_step_diagram_changed), &changes);
    }
  list_handler = g_signal_connect (self->project, "items-changed",
                                   G_CALLBACK (on_step_diagrams_changed), &changes);
  done = step (self->project);
  g_signal_handler_disconnect (self->project, list_handler);
  for (guint i = 0; i < n; i++)
    g_signal_handler_disconnect (diagrams->pdata[i], handlers[i]);
  if (done)
    show_step_changes (&changes);
  g_hash_table_unref (changes.diagrams);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  run_history_step (WM_WINDOW (widget), wm_project_undo);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  run_history_step (WM_WINDOW (widget), wm_project_redo);
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
      _wm_window_find_position (self, diagram) == GTK_INVALID_LIST_POSITION)
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
  /* Translators: a toast, with an Undo button */
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
  if (diagram == NULL || _wm_window_find_position (self, diagram) != GTK_INVALID_LIST_POSITION ||
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
  _wm_window_update_diagram_actions (self);
}

static void
move_diagram_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_selected_diagram (WM_WINDOW (widget),
                         g_str_equal (action_name, "win.move-diagram-up") ? -1 : 1);
}

static void
new_from_template_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  _wm_window_new_from_template (WM_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The project's details: what the window's and an exported presentation's
 * titles show. */
static void
project_properties_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (wm_project_properties_new (GTK_WINDOW (self), self->project)));
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

/* Arranging */

/* The selected nodes, NULL-terminated, when there are two or more: a
 * layout of one node would only move it. */
static GPtrArray *
selected_nodes (WmCanvas *canvas)
{
  g_auto(GStrv) selection = wm_canvas_get_selection (canvas);
  WmDiagram *diagram = wm_canvas_get_diagram (canvas);
  GPtrArray *nodes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; selection != NULL && selection[i] != NULL; i++)
    {
      WmItem *item = wm_diagram_lookup (diagram, selection[i]);

      if (item != NULL && wm_item_is_node (item))
        g_ptr_array_add (nodes, g_strdup (item->id));
    }
  if (nodes->len < 2)
    g_ptr_array_set_size (nodes, 0);
  g_ptr_array_add (nodes, NULL);
  return nodes;
}

/* Lays out the selected nodes, or the whole diagram, and shows the result. */
static void
auto_layout_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  WmCanvas *canvas = WM_CANVAS (self->canvas);
  WmDiagram *diagram = wm_canvas_get_diagram (canvas);
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GError) error = NULL;
  const char *const *ids;

  if (diagram == NULL || !wm_layout_supported (diagram))
    return;
  nodes = selected_nodes (canvas);
  ids = nodes->len > 1 ? (const char *const *) nodes->pdata : NULL;
  if (!wm_layout_diagram (diagram, ids, &error))
    {
      _wm_window_show_error (self, _("Automatic Layout Failed"), error->message);
      return;
    }
  if (ids != NULL)
    wm_canvas_reveal (canvas, ids);
  else
    wm_canvas_zoom_to_fit (canvas);
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

/* Zoom: the window's actions act on the canvas, so that the shortcuts work
 * wherever the focus is (the sidebar, the inspector, the palette). */

static void
zoom_canvas_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  g_autofree char *canvas_action = NULL;

  /* "win.zoom-in" runs "canvas.zoom-in", and so on. */
  g_assert (g_str_has_prefix (action_name, "win."));
  canvas_action = g_strconcat ("canvas.", action_name + strlen ("win."), NULL);
  gtk_widget_activate_action (self->canvas, canvas_action, NULL);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);

  if (wm_canvas_get_diagram (WM_CANVAS (self->canvas)) != NULL)
    wm_canvas_set_zoom (WM_CANVAS (self->canvas), g_variant_get_double (parameter));
}

static void
zoom_fit_width_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  wm_canvas_zoom_to_fit_width (WM_CANVAS (WM_WINDOW (widget)->canvas));
}

/* Keyboard: the panes in turn, and Connect wherever the focus is */

/* Ctrl+L from the inspector or the sidebar joins the two selected nodes too. */
static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gtk_widget_activate_action (WM_WINDOW (widget)->canvas, "canvas.connect-selection", NULL);
}

/* Gives @pane the focus: the palette's active tool, the canvas itself, the
 * first thing that takes it elsewhere. FALSE when the pane does not show. */
static gboolean
focus_pane (WmWindow  *self,
            GtkWidget *pane)
{
  GtkWidget *button;

  if (!gtk_widget_get_mapped (pane))
    return FALSE;
  if (pane == self->palette)
    {
      button = wm_palette_get_button (WM_PALETTE (pane),
                                      wm_canvas_get_tool (WM_CANVAS (self->canvas)));
      if (button != NULL && gtk_widget_grab_focus (button))
        return TRUE;
    }
  if (pane == self->canvas)
    return gtk_widget_grab_focus (pane);
  return gtk_widget_child_focus (pane, GTK_DIR_TAB_FORWARD);
}

/* F6 and Shift+F6 go round the panes (the sidebar's page shown: the diagrams
 * or the outline; the palette, the canvas, the inspector) the way Tab goes
 * round one pane's widgets; Tab itself steps through the canvas's items. */
static void
focus_pane_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  GtkWidget *panes[] = { gtk_stack_get_visible_child (self->sidebar_stack), self->palette,
                         self->canvas, self->inspector };
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int step = g_variant_get_int32 (parameter) < 0 ? -1 : 1;
  int n = G_N_ELEMENTS (panes), current = step > 0 ? n - 1 : 0;

  for (int i = 0; i < n; i++)
    if (focus != NULL && (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i])))
      current = i;
  for (int i = 1; i <= n; i++)
    if (focus_pane (self, panes[(current + step * i + n) % n]))
      return;
}

static void
class_init_keyboard_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "win.focus-pane", "i", focus_pane_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.connect",
                                       NULL);
}

static GtkShortcut *
focus_pane_shortcut (GdkModifierType modifiers,
                     int             step)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, modifiers),
                                            gtk_named_action_new ("win.focus-pane"));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (step));
  return shortcut;
}

void
_wm_window_init_actions (WmWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* In the capture phase: the GtkPaned around the panes binds F6 to cycle
   * its own two children, and would take the key first. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        focus_pane_shortcut (0, 1));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        focus_pane_shortcut (GDK_SHIFT_MASK, -1));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
class_init_zoom_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_canvas_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_canvas_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_canvas_action);
  gtk_widget_class_install_action (widget_class, "win.zoom", "d", zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit-width", NULL,
                                   zoom_fit_width_action);

  /* Menus show the last binding of an action: the keypad's go first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "win.zoom", "d", 1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "win.zoom", "d", 1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.zoom-fit", NULL);
}

void
_wm_window_class_init_actions (GtkWidgetClass *widget_class)
{
  class_init_zoom_actions (widget_class);
  class_init_keyboard_actions (widget_class);
  _wm_window_class_init_import (widget_class);
  _wm_window_class_init_compare (widget_class);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.add-diagram", "s", add_diagram_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-template", "s",
                                   new_from_template_action);
  gtk_widget_class_install_action (widget_class, "win.project-properties", NULL,
                                   project_properties_action);
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
  gtk_widget_class_install_action (widget_class, "win.auto-layout", NULL, auto_layout_action);

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
