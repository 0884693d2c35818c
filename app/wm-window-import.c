/* wm-window-import.c — other tools' files in the editor: Open makes a new
 * project of one, File → Import adds its diagrams to the project shown
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-convert.h"
#include "wm-window-private.h"

/* The dialog lists this many warnings and counts the rest. */
#define N_WARNINGS_SHOWN 12

static GMutex import_lock;

typedef enum
{
  IMPORT_OPEN,  /* a new project in this window */
  IMPORT_ADD,   /* the file's diagrams join this window's project */
} ImportMode;

typedef struct
{
  GFile            *file;
  ImportMode        mode;
  WmProject        *project;
  WmImportLog       log;
  WmExchangeFormat  format;
  char             *etag;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->file);
  g_clear_object (&job->project);
  wm_import_log_clear (&job->log);
  g_free (job->etag);
  g_free (job);
}

/* Reads and converts the file off the main thread: a large import, with
 * its layout, must not freeze the window. */
static void
import_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = g_file_get_parse_name (job->file);
  gsize size;

  if (!g_file_load_contents (job->file, cancellable, &data, &size, &job->etag, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->format = wm_exchange_detect (data, size, name);
  /* Graphviz, which lays imported diagrams out, keeps global state: one
   * import at a time, whichever window asked. */
  g_mutex_lock (&import_lock);
  job->project = wm_convert_import (data, size, name, &job->log, &error);
  g_mutex_unlock (&import_lock);
  if (job->project == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* The warnings as the analyst reads them: "Line 12: …", the first few. */
static char *
describe_warnings (const WmImportLog *log)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = log->warnings->len;

  for (guint i = 0; i < MIN (n, N_WARNINGS_SHOWN); i++)
    {
      const WmImportWarning *warning = g_ptr_array_index (log->warnings, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (warning->line > 0)
        /* Translators: an import warning about one line of the file read. */
        g_string_append_printf (text, _("Line %u: %s"), warning->line, warning->message);
      else
        g_string_append (text, warning->message);
    }
  if (n > N_WARNINGS_SHOWN)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("…and %u more warning.", "…and %u more warnings.",
                                              n - N_WARNINGS_SHOWN), n - N_WARNINGS_SHOWN);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What the importer skipped or changed, so that nothing is lost unseen. */
static void
show_warnings (WmWindow          *self,
               GFile             *file,
               const WmImportLog *log)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (log->warnings->len == 0)
    return;
  heading = g_strdup_printf (ngettext ("“%s” Imported With %u Warning",
                                       "“%s” Imported With %u Warnings", log->warnings->len),
                             name, log->warnings->len);
  body = describe_warnings (log);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  gtk_widget_add_css_class (dialog, "import-warnings");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
finish_open (WmWindow  *self,
             ImportJob *job)
{
  if (job->format == WM_EXCHANGE_WAYMARK)
    {
      /* A Waymark project under another name opens as itself. */
      wm_project_set_file (job->project, job->file);
      wm_project_set_file_etag (job->project, job->etag);
    }
  else
    {
      /* A new project: saving asks where, and the file read is never
       * overwritten; until then it is work that closing would lose. */
      wm_project_set_file (job->project, NULL);
      wm_project_mark_unsaved (job->project);
    }
  wm_window_set_project (self, job->project);
}

static void
finish_add (WmWindow  *self,
            ImportJob *job)
{
  WmProject *project = wm_window_get_project (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *label = g_strdup_printf (_("Import “%s”"), name);
  WmDiagram *first;

  wm_project_begin_group (project, label);
  first = wm_project_add_diagrams_from (project, job->project, &error);
  wm_project_end_group (project);
  if (first == NULL)
    {
      _wm_window_show_error (self, _("The File Could Not Be Imported"), error->message);
      return;
    }
  wm_window_show_diagram (self, first);
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  WmWindow *self = WM_WINDOW (source);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_assert (self->loading > 0);
  self->loading--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _wm_window_show_error (self, job->mode == IMPORT_OPEN ? _("The File Could Not Be Opened")
                                                            : _("The File Could Not Be Imported"),
                             error->message);
      return;
    }
  if (job->mode == IMPORT_OPEN)
    finish_open (self, job);
  else
    finish_add (self, job);
  show_warnings (self, job->file, &job->log);
}

static void
start_import (WmWindow   *self,
              GFile      *file,
              ImportMode  mode)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_imported, NULL);
  ImportJob *job = g_new0 (ImportJob, 1);

  job->file = g_object_ref (file);
  job->mode = mode;
  wm_import_log_init (&job->log);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  self->loading++;
  g_task_run_in_thread (task, import_in_thread);
}

gboolean
_wm_window_is_foreign_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && !g_str_has_suffix (name, WM_FILE_EXTENSION);
}

void
_wm_window_open_foreign (WmWindow *self,
                         GFile    *file)
{
  start_import (self, file, IMPORT_OPEN);
}

void
_wm_window_import_file (WmWindow *self,
                        GFile    *file)
{
  start_import (self, file, IMPORT_ADD);
}

GtkFileFilter *
_wm_window_import_filter (void)
{
  static const char *const patterns[] = {
    "*.puml", "*.plantuml", "*.pu", "*.txt", "*.drawio", "*.xml", "*.csv",
  };
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PlantUML, draw.io and CSV Files"));
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_filter_add_mime_type (filter, "text/csv");
  return filter;
}

/* File → Import… */

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = _wm_window_import_filter ();
  g_autoptr(GtkFileFilter) projects = _wm_window_project_filter ();
  GtkFileFilter *filters[] = { filter, projects, NULL };

  _wm_window_choose_file (WM_WINDOW (widget), _("Import Diagrams"), _("_Import"), filters,
                          _wm_window_import_file);
}

void
_wm_window_class_init_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
}
