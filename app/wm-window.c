/* wm-window.c — a project's window: the diagrams in a sidebar, the canvas beside
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-autosave.h"
#include "wm-canvas.h"
#include "wm-export-dialog.h"
#include "wm-inspector.h"
#include "wm-palette.h"
#include "wm-print.h"
#include "wm-window.h"

struct _WmWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay    *toasts;
  AdwWindowTitle     *title;
  GtkListView        *diagram_list;
  GtkStack           *main_stack;
  GtkScrolledWindow  *canvas_scroller;
  GtkScrolledWindow  *palette_scroller;
  GtkScrolledWindow  *inspector_scroller;
  GtkButton          *undo_button;
  GtkButton          *redo_button;
  GtkWidget          *canvas;
  GtkWidget          *palette;
  GtkWidget          *inspector;
  guint               fit_source;

  WmProject          *project;
  GSettings          *settings;
  WmAutosave         *autosave;
  GtkSingleSelection *selection;
  GSignalGroup       *project_signals;
  gboolean            close_confirmed;
};

G_DEFINE_FINAL_TYPE (WmWindow, wm_window, ADW_TYPE_APPLICATION_WINDOW)

static const struct { const char *notation; const char *icon; } notation_icons[] = {
  { "business-model-canvas", "view-grid-symbolic" },
  { "use-case", "system-users-symbolic" },
  { "value-stream-map", "media-playlist-consecutive-symbolic" },
  { "customer-journey", "mark-location-symbolic" },
};

static const char *
icon_for (WmDiagram *diagram)
{
  const char *id = wm_diagram_get_notation (diagram)->id;

  for (guint i = 0; i < G_N_ELEMENTS (notation_icons); i++)
    if (g_str_equal (notation_icons[i].notation, id))
      return notation_icons[i].icon;
  return "image-x-generic-symbolic";
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

static void
show_selected (WmWindow *self)
{
  WmDiagram *diagram = gtk_single_selection_get_selected_item (self->selection);

  wm_canvas_set_diagram (WM_CANVAS (self->canvas), diagram);
  inspect_selection (self);
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
  self->autosave = wm_autosave_new (project, 0);
  g_settings_bind (self->settings, "autosave", self->autosave, "enabled", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "autosave-interval", self->autosave, "interval",
                   G_SETTINGS_BIND_GET);
  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (project)));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (show_selected), self);
  gtk_list_view_set_model (self->diagram_list, GTK_SELECTION_MODEL (self->selection));
  show_selected (self);
  on_project_notify (self);
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
  for (position = 0; position < wm_project_get_n_diagrams (self->project); position++)
    if (wm_project_get_diagram (self->project, position) == diagram)
      {
        gtk_single_selection_set_selected (self->selection, position);
        return;
      }
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
  return wm_project_get_file (self->project) == NULL &&
         wm_project_get_n_diagrams (self->project) == 0 && !wm_project_can_undo (self->project);
}

/* Messages */

static void
show_error (WmWindow   *self,
            const char *heading,
            const char *detail)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, detail);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_toast (WmWindow   *self,
            const char *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

/* Opening */

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WmWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = wm_project_load_finish (result, &error);

  if (project == NULL)
    {
      /* The message names the file and the line; nothing in this window is lost. */
      show_error (self, _("The Project Could Not Be Opened"), error->message);
      return;
    }
  wm_window_set_project (self, project);
}

void
wm_window_open_file (WmWindow *self,
                     GFile    *file)
{
  g_return_if_fail (WM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  wm_project_load_async (file, NULL, on_loaded, g_object_ref (self));
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
  if (file == NULL)
    return;
  if (wm_window_is_pristine (self))
    wm_window_open_file (self, file);
  else
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      g_application_open (G_APPLICATION (app), &file, 1, "");
    }
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

  if (!wm_project_save_finish (WM_PROJECT (source), result, &error))
    {
      show_error (self, _("The Project Could Not Be Saved"), error->message);
      return;
    }
  update_title (self);
  if (request->then_close)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else
    show_toast (self, _("Saved"));
}

static void
save_to (WmWindow *self,
         GFile    *file,
         gboolean  then_close)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->window = g_object_ref (self);
  request->then_close = then_close;
  wm_project_save_async (self->project, file, NULL, on_saved, request);
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

static void
save (WmWindow *self,
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
  save (WM_WINDOW (widget), FALSE);
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
      show_toast (self, error->message);
      return;
    }
  gtk_single_selection_set_selected (self->selection,
                                     wm_project_get_n_diagrams (self->project) - 1);
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
    show_error (self, _("Printing Failed"), error->message);
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  show_toast (WM_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Closing with unsaved changes asks first */

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   WmWindow         *self)
{
  if (g_str_equal (response, "save"))
    save (self, TRUE);
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
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->autosave);
  g_clear_object (&self->settings);
  g_clear_object (&self->project);

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

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.add-diagram", "s", add_diagram_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
}

static void
wm_window_init (WmWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(WmProject) project = wm_project_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

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

  self->settings = g_settings_new (APP_ID);
  self->project_signals = g_signal_group_new (WM_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "notify::dirty",
                                  G_CALLBACK (on_project_notify), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::file",
                                  G_CALLBACK (on_project_notify), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::title",
                                  G_CALLBACK (on_project_notify), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::can-undo",
                                  G_CALLBACK (on_project_notify), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::can-redo",
                                  G_CALLBACK (on_project_notify), self);
  wm_window_set_project (self, project);
}

WmWindow *
wm_window_new (GtkApplication *application)
{
  return g_object_new (WM_TYPE_WINDOW, "application", application, NULL);
}
