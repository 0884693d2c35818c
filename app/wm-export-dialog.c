/* wm-export-dialog.c — choosing what to export, then exporting it
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wm-export-dialog.h"

struct _WmExportDialog
{
  AdwWindow       parent_instance;

  WmProject      *project;
  WmDiagram      *current;
  GCancellable   *exporting;    /* the export under way, or NULL */

  GtkWidget      *export_button;
  GtkStack       *export_stack;
  GtkSpinner     *spinner;
  GtkWidget      *choices;
  AdwComboRow    *format;
  AdwComboRow    *which;
  AdwComboRow    *page;
  AdwComboRow    *orientation;
  GtkSwitch      *tiles;
  GtkSpinButton  *scale;
  GtkSwitch      *transparent;
  GtkSwitch      *svg_text;
  GtkWidget      *page_group;
  GtkWidget      *image_group;
  GtkWidget      *svg_group;
  GtkWidget      *markdown_group;
  GtkSwitch      *markdown_svgs;
};

G_DEFINE_FINAL_TYPE (WmExportDialog, wm_export_dialog, ADW_TYPE_WINDOW)

/* The format choices after the pictures (WmExportFormat, first in the
 * list), in the order of format_choices in the template. */
static const struct
{
  WmExchangeFormat  format;
  const char       *extension;
} text_formats[] = {
  { WM_EXCHANGE_PLANTUML, "puml" },
  { WM_EXCHANGE_DRAWIO, "drawio" },
  { WM_EXCHANGE_CSV, "csv" },
  { WM_EXCHANGE_MARKDOWN, "md" },
};

#define N_PICTURE_FORMATS (WM_EXPORT_PPTX + 1)

/* The position of the text format chosen in text_formats, or -1 for a picture. */
static int
text_choice (WmExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format);

  if (selected < N_PICTURE_FORMATS || selected >= N_PICTURE_FORMATS + G_N_ELEMENTS (text_formats))
    return -1;
  return (int) (selected - N_PICTURE_FORMATS);
}

/* Page settings matter for PDF only, scale and background for PNG only;
 * a Markdown document is always of the whole project. */
static void
update_sensitivity (WmExportDialog *self)
{
  guint format = adw_combo_row_get_selected (self->format);
  int text = text_choice (self);
  gboolean markdown = text >= 0 && text_formats[text].format == WM_EXCHANGE_MARKDOWN;

  gtk_widget_set_sensitive (self->page_group, format == WM_EXPORT_PDF);
  gtk_widget_set_sensitive (self->image_group, format == WM_EXPORT_PNG);
  gtk_widget_set_sensitive (self->svg_group, format == WM_EXPORT_SVG);
  gtk_widget_set_sensitive (self->markdown_group, markdown);
  gtk_widget_set_sensitive (GTK_WIDGET (self->which), self->current != NULL && !markdown);
}

WmExchangeFormat
wm_export_dialog_get_text_format (WmExportDialog   *self,
                                  WmConvertOptions *options)
{
  int text;

  g_return_val_if_fail (WM_IS_EXPORT_DIALOG (self), WM_EXCHANGE_UNKNOWN);

  text = text_choice (self);
  if (options != NULL)
    {
      wm_convert_options_init (options);
      options->markdown_svgs = gtk_switch_get_active (self->markdown_svgs);
    }
  return text >= 0 ? text_formats[text].format : WM_EXCHANGE_UNKNOWN;
}

void
wm_export_dialog_set_text_format (WmExportDialog         *self,
                                  WmExchangeFormat        format,
                                  const WmConvertOptions *options)
{
  g_return_if_fail (WM_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (text_formats); i++)
    if (text_formats[i].format == format)
      adw_combo_row_set_selected (self->format, N_PICTURE_FORMATS + i);
  if (options != NULL)
    gtk_switch_set_active (self->markdown_svgs, options->markdown_svgs);
}

/* The text export chosen, as the command line writes it: the diagram shown
 * unless all are asked for. */
static gboolean
export_text (WmExportDialog  *self,
             GFile           *file,
             GError         **error)
{
  WmExportOptions options;
  WmConvertOptions convert;
  WmExchangeFormat format = wm_export_dialog_get_text_format (self, &convert);
  gboolean all;

  wm_export_dialog_get_options (self, &options, &all);
  return wm_convert_export_to_file (self->project, all ? NULL : self->current, format, &convert,
                                    file, error);
}

void
wm_export_dialog_get_options (WmExportDialog  *self,
                              WmExportOptions *options,
                              gboolean        *all_diagrams)
{
  g_return_if_fail (WM_IS_EXPORT_DIALOG (self));

  wm_export_options_init (options);
  if (text_choice (self) < 0)
    options->format = adw_combo_row_get_selected (self->format);
  options->page = adw_combo_row_get_selected (self->page);
  options->orientation = adw_combo_row_get_selected (self->orientation);
  options->tiles = gtk_switch_get_active (self->tiles);
  options->scale = gtk_spin_button_get_value (self->scale);
  options->transparent = gtk_switch_get_active (self->transparent);
  options->svg_text = gtk_switch_get_active (self->svg_text);
  *all_diagrams = self->current == NULL || adw_combo_row_get_selected (self->which) == 1;
}

void
wm_export_dialog_set_options (WmExportDialog        *self,
                              const WmExportOptions *options,
                              gboolean               all_diagrams)
{
  g_return_if_fail (WM_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->format, options->format);
  adw_combo_row_set_selected (self->page, options->page);
  adw_combo_row_set_selected (self->orientation, options->orientation);
  gtk_switch_set_active (self->tiles, options->tiles);
  gtk_spin_button_set_value (self->scale, options->scale);
  gtk_switch_set_active (self->transparent, options->transparent);
  gtk_switch_set_active (self->svg_text, options->svg_text);
  adw_combo_row_set_selected (self->which, all_diagrams || self->current == NULL ? 1 : 0);
}

gboolean
wm_export_dialog_export_to (WmExportDialog  *self,
                            GFile           *file,
                            GError         **error)
{
  WmExportOptions options;
  gboolean all;
  g_autofree char *path = NULL;

  g_return_val_if_fail (WM_IS_EXPORT_DIALOG (self), FALSE);

  if (text_choice (self) >= 0)
    return export_text (self, file, error);
  wm_export_dialog_get_options (self, &options, &all);
  if (!all)
    return wm_export_diagram_to_file (self->current, &options, file, error);
  /* All diagrams in one PDF or PowerPoint file is the presentation; in
   * images, a file each. */
  if (options.format == WM_EXPORT_PDF || options.format == WM_EXPORT_PPTX)
    return wm_export_presentation_to_file (self->project, &options, file, error);
  path = g_file_get_path (file);
  return wm_export_each_diagram (self->project, &options, path, NULL, NULL, error);
}

/* The same choices as wm_export_dialog_export_to(), off the main thread. */

typedef enum
{
  EXPORT_DIAGRAM,
  EXPORT_PRESENTATION,
  EXPORT_EACH,
} ExportKind;

static void
exported (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (GPOINTER_TO_INT (g_task_get_task_data (task)))
    {
    case EXPORT_DIAGRAM:
      ok = wm_export_diagram_to_file_finish (WM_DIAGRAM (source), result, &error);
      break;
    case EXPORT_PRESENTATION:
      ok = wm_export_presentation_to_file_finish (WM_PROJECT (source), result, &error);
      break;
    case EXPORT_EACH:
      ok = wm_export_each_diagram_finish (WM_PROJECT (source), result, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* Starts the export the choices make, which completes @task. */
static void
start_chosen_export (WmExportDialog *self,
                     GTask          *task,
                     GFile          *file)
{
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autofree char *path = g_file_get_path (file);
  WmExportOptions options;
  gboolean all;

  wm_export_dialog_get_options (self, &options, &all);
  if (text_choice (self) >= 0)
    {
      g_autoptr(GError) error = NULL;

      /* Text is quick to write, and GTask still answers from the main loop. */
      if (export_text (self, file, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
    }
  else if (!all)
    {
      g_task_set_task_data (task, GINT_TO_POINTER (EXPORT_DIAGRAM), NULL);
      wm_export_diagram_to_file_async (self->current, &options, file, cancellable, exported, task);
    }
  else if (options.format == WM_EXPORT_PDF || options.format == WM_EXPORT_PPTX)
    {
      g_task_set_task_data (task, GINT_TO_POINTER (EXPORT_PRESENTATION), NULL);
      wm_export_presentation_to_file_async (self->project, &options, file, cancellable, exported,
                                            task);
    }
  else if (path == NULL)
    {
      /* The files beside it are named from its path. */
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("A file per diagram can only be written to a local folder"));
      g_object_unref (task);
    }
  else
    {
      g_task_set_task_data (task, GINT_TO_POINTER (EXPORT_EACH), NULL);
      wm_export_each_diagram_async (self->project, &options, path, cancellable, exported, task);
    }
}

void
wm_export_dialog_export_to_async (WmExportDialog      *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (WM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, (gpointer) (guintptr) wm_export_dialog_export_to_async);
  /* The export reports what happened on disk, even when cancelled too late. */
  g_task_set_check_cancellable (task, FALSE);
  start_chosen_export (self, task, file);
}

gboolean
wm_export_dialog_export_to_finish (WmExportDialog  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Exporting from the dialog */

/* While an export runs, the Export button spins and the choices rest; Cancel
 * then stops the export instead of closing. */
static void
set_busy (WmExportDialog *self,
          gboolean        busy)
{
  gtk_stack_set_visible_child_name (self->export_stack, busy ? "busy" : "label");
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (self->export_button, !busy);
  gtk_widget_set_sensitive (self->choices, !busy);
}

static void
show_error (WmExportDialog *self,
            const GError   *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Failed"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  WmExportDialog *self = WM_EXPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  gboolean ok = wm_export_dialog_export_to_finish (self, result, &error);
  GtkWindow *parent;

  g_clear_object (&self->exporting);
  set_busy (self, FALSE);
  /* The dialog was closed meanwhile: nobody is waiting for the answer. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (!ok)
    {
      show_error (self, error);
      return;
    }
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gtk_window_close (GTK_WINDOW (self));
  if (parent != NULL)
    /* Translators: a toast: the export is done (past participle) */
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", _("Exported"));
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                WmExportDialog  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file != NULL)
    _wm_export_dialog_start_export (self, file);
}

void
_wm_export_dialog_start_export (WmExportDialog *self,
                                GFile          *file)
{
  g_return_if_fail (WM_IS_EXPORT_DIALOG (self));

  if (self->exporting != NULL)
    return;
  self->exporting = g_cancellable_new ();
  set_busy (self, TRUE);
  wm_export_dialog_export_to_async (self, file, self->exporting, on_exported, NULL);
}

/* Characters that some file system refuses in a name, or that a shell or a
 * file manager reads as something else. */
#define UNSAFE_IN_FILE_NAMES "/\\:*?\"<>|"
#define MAX_FILE_NAME_CHARS 80

char *
_wm_file_name_from_title (const char *title)
{
  GString *name = g_string_new (NULL);
  g_autofree char *stripped = NULL;
  g_autofree char *shortened = NULL;

  for (const char *p = title ? title : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean blank = g_unichar_isspace (c) || g_unichar_iscntrl (c) ||
                       (c < 128 && strchr (UNSAFE_IN_FILE_NAMES, (char) c) != NULL);

      /* Runs of blanks and unsafe characters become one space. */
      if (!blank)
        g_string_append_unichar (name, c);
      else if (name->len > 0 && name->str[name->len - 1] != ' ')
        g_string_append_c (name, ' ');
    }
  /* A leading dot would hide the file. */
  stripped = g_strstrip (g_strdup (name->str + strspn (name->str, ". ")));
  g_string_free (name, TRUE);
  shortened = g_utf8_substring (stripped, 0, MIN (g_utf8_strlen (stripped, -1),
                                                   MAX_FILE_NAME_CHARS));
  g_strchomp (shortened);
  return *shortened != '\0' ? g_steal_pointer (&shortened) : g_strdup (_("Untitled Project"));
}

/* The project's title; exporting one diagram of several, the diagram's name after it. */
char *
_wm_export_dialog_dup_suggested_name (WmExportDialog *self)
{
  WmExportOptions options;
  gboolean all;
  const char *title = wm_project_get_title (self->project);
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  wm_export_dialog_get_options (self, &options, &all);
  if (all || self->current == NULL ||
      wm_export_dialog_get_text_format (self, NULL) == WM_EXCHANGE_MARKDOWN)
    stem = g_strdup (title);
  else if (*title != '\0' && wm_project_get_n_diagrams (self->project) > 1)
    stem = g_strdup_printf ("%s - %s", title, wm_diagram_get_name (self->current));
  else
    stem = g_strdup (*title != '\0' ? title : wm_diagram_get_name (self->current));
  name = _wm_file_name_from_title (stem);
  if (text_choice (self) >= 0)
    return g_strdup_printf ("%s.%s", name, text_formats[text_choice (self)].extension);
  return g_strdup_printf ("%s.%s", name, wm_export_format_extension (options.format));
}

static void
on_export_clicked (WmExportDialog *self)
{
  GtkFileChooserNative *chooser =
    /* Translators: the title of the file chooser, the verb */
    gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Export"), _("_Cancel"));
  g_autofree char *name = _wm_export_dialog_dup_suggested_name (self);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Cancel (and Escape) stops an export under way, or else closes the dialog. */
static void
on_cancel_clicked (WmExportDialog *self)
{
  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  on_cancel_clicked (WM_EXPORT_DIALOG (widget));
}

/* A dialog closed (or hidden) while it exports stops the export, which
 * leaves the old file alone: nobody is left to see how it ends. */
static void
wm_export_dialog_unmap (GtkWidget *widget)
{
  WmExportDialog *self = WM_EXPORT_DIALOG (widget);

  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);
  GTK_WIDGET_CLASS (wm_export_dialog_parent_class)->unmap (widget);
}

/* GObject */

static void
wm_export_dialog_dispose (GObject *object)
{
  WmExportDialog *self = WM_EXPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->project);
  g_clear_object (&self->current);
  G_OBJECT_CLASS (wm_export_dialog_parent_class)->dispose (object);
}

static void
wm_export_dialog_class_init (WmExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = wm_export_dialog_dispose;
  widget_class->unmap = wm_export_dialog_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/ui/wm-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, export_stack);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, choices);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, format);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, which);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, page);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, orientation);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, tiles);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, scale);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, transparent);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, svg_text);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, page_group);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, image_group);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, svg_group);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, markdown_group);
  gtk_widget_class_bind_template_child (widget_class, WmExportDialog, markdown_svgs);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, update_sensitivity);

  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
wm_export_dialog_init (WmExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

WmExportDialog *
wm_export_dialog_new (GtkWindow *parent,
                      WmProject *project,
                      WmDiagram *current)
{
  WmExportDialog *self = g_object_new (WM_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);

  self->project = g_object_ref (project);
  self->current = current ? g_object_ref (current) : NULL;
  if (current == NULL)
    adw_combo_row_set_selected (self->which, 1);
  update_sensitivity (self);
  return self;
}
