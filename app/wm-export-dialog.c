/* wm-export-dialog.c — choosing what to export, then exporting it
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-export-dialog.h"

struct _WmExportDialog
{
  AdwWindow       parent_instance;

  WmProject      *project;
  WmDiagram      *current;
  AdwComboRow    *format;
  AdwComboRow    *which;
  AdwComboRow    *page;
  AdwComboRow    *orientation;
  GtkSpinButton  *scale;
  GtkSwitch      *transparent;
  GtkWidget      *page_group;
  GtkWidget      *image_group;
};

G_DEFINE_FINAL_TYPE (WmExportDialog, wm_export_dialog, ADW_TYPE_WINDOW)

/* The rows' choices, in the order of the enums they stand for. */
static const char *const format_labels[] = { N_("PNG image"), N_("PDF document"), N_("SVG image"), NULL };
static const char *const page_labels[] = { N_("Fit to the diagram"), N_("A4"), N_("A3"), N_("Letter"), NULL };
static const char *const orientation_labels[] = { N_("To suit each diagram"), N_("Portrait"), N_("Landscape"), NULL };
static const char *const which_labels[] = { N_("The current diagram"), N_("All diagrams"), NULL };

static AdwComboRow *
combo_row (const char        *title,
           const char *const *labels,
           guint              selected)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  for (guint i = 0; labels[i] != NULL; i++)
    gtk_string_list_append (model, _(labels[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, selected);
  return row;
}

static GtkWidget *
suffix_row (const char *title,
            GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  gtk_accessible_update_property (GTK_ACCESSIBLE (suffix), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

/* Page settings matter for PDF only, scale and background for PNG only. */
static void
update_sensitivity (WmExportDialog *self)
{
  guint format = adw_combo_row_get_selected (self->format);

  gtk_widget_set_sensitive (self->page_group, format == WM_EXPORT_PDF);
  gtk_widget_set_sensitive (self->image_group, format == WM_EXPORT_PNG);
  gtk_widget_set_sensitive (GTK_WIDGET (self->which), self->current != NULL);
}

void
wm_export_dialog_get_options (WmExportDialog  *self,
                              WmExportOptions *options,
                              gboolean        *all_diagrams)
{
  g_return_if_fail (WM_IS_EXPORT_DIALOG (self));

  wm_export_options_init (options);
  options->format = adw_combo_row_get_selected (self->format);
  options->page = adw_combo_row_get_selected (self->page);
  options->orientation = adw_combo_row_get_selected (self->orientation);
  options->scale = gtk_spin_button_get_value (self->scale);
  options->transparent = gtk_switch_get_active (self->transparent);
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
  gtk_spin_button_set_value (self->scale, options->scale);
  gtk_switch_set_active (self->transparent, options->transparent);
  adw_combo_row_set_selected (self->which, all_diagrams || self->current == NULL ? 1 : 0);
}

static void
remember_first_error (WmDiagram    *diagram,
                      const char   *path,
                      const GError *error,
                      gpointer      user_data)
{
  GError **first = user_data;

  if (error != NULL && *first == NULL)
    *first = g_error_copy (error);
}

gboolean
wm_export_dialog_export_to (WmExportDialog  *self,
                            GFile           *file,
                            GError         **error)
{
  WmExportOptions options;
  gboolean all;
  g_autofree char *path = NULL;
  g_autoptr(GError) first = NULL;
  g_autoptr(GError) summary = NULL;

  g_return_val_if_fail (WM_IS_EXPORT_DIALOG (self), FALSE);

  wm_export_dialog_get_options (self, &options, &all);
  if (!all)
    return wm_export_diagram_to_file (self->current, &options, file, error);
  /* All diagrams in one PDF is the presentation; in images, a file each. */
  if (options.format == WM_EXPORT_PDF)
    return wm_export_presentation_to_file (self->project, &options, file, error);
  path = g_file_get_path (file);
  if (wm_export_each_diagram (self->project, &options, path, remember_first_error, &first,
                              &summary))
    return TRUE;
  /* "1 of 4 diagrams could not be exported: Could not save “…”: No space left…" */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", summary->message,
               first->message);
  return FALSE;
}

/* Exporting */

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                WmExportDialog  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;
  if (!wm_export_dialog_export_to (self, file, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Failed"),
                                                  error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", _("Exported"));
}

static char *
suggested_name (WmExportDialog *self)
{
  WmExportOptions options;
  gboolean all;
  const char *title = *wm_project_get_title (self->project) ? wm_project_get_title (self->project)
                                                            : _("Untitled Project");

  wm_export_dialog_get_options (self, &options, &all);
  return g_strdup_printf ("%s.%s", all || self->current == NULL ? title
                                                                : wm_diagram_get_name (self->current),
                          wm_export_format_extension (options.format));
}

static void
on_export_clicked (WmExportDialog *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Export"), _("_Cancel"));
  g_autofree char *name = suggested_name (self);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Building */

static GtkWidget *
build_groups (WmExportDialog *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *what = adw_preferences_group_new ();

  self->format = combo_row (_("Format"), format_labels, WM_EXPORT_PDF);
  self->which = combo_row (_("Diagrams"), which_labels, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (what), GTK_WIDGET (self->format));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (what), GTK_WIDGET (self->which));

  self->page_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->page_group), _("Page"));
  self->page = combo_row (_("Size"), page_labels, WM_PAGE_A4);
  self->orientation = combo_row (_("Orientation"), orientation_labels, WM_ORIENTATION_AUTO);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->page_group), GTK_WIDGET (self->page));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->page_group),
                             GTK_WIDGET (self->orientation));

  self->image_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->image_group), _("Image"));
  self->scale = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0.25, 8, 0.25));
  gtk_spin_button_set_value (self->scale, 2);
  self->transparent = GTK_SWITCH (gtk_switch_new ());
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->image_group),
                             suffix_row (_("Scale"), GTK_WIDGET (self->scale)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->image_group),
                             suffix_row (_("Transparent background"),
                                         GTK_WIDGET (self->transparent)));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (what));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->page_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (self->image_group));
  g_signal_connect_swapped (self->format, "notify::selected", G_CALLBACK (update_sensitivity), self);
  return page;
}

static void
wm_export_dialog_dispose (GObject *object)
{
  WmExportDialog *self = WM_EXPORT_DIALOG (object);

  g_clear_object (&self->project);
  g_clear_object (&self->current);
  G_OBJECT_CLASS (wm_export_dialog_parent_class)->dispose (object);
}

static void
wm_export_dialog_class_init (WmExportDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = wm_export_dialog_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
wm_export_dialog_init (WmExportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Export…"));

  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_export_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), build_groups (self));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_title (GTK_WINDOW (self), _("Export"));
  gtk_window_set_default_size (GTK_WINDOW (self), 460, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
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
