/* wm-window-watch.c — a window follows its project's file on disk
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file monitor tells the window that something happened to the file; the
 * etag tells what. The project knows the etag of the file as it read or last
 * wrote it, so the window's own saves (whose events may arrive before or
 * after the save is done) change nothing, and only a version written by
 * someone else counts:
 *  - with no unsaved work, the window reloads it and says so in a toast,
 *    whose Undo brings back the version it had (then unsaved);
 *  - with unsaved work, the analyst chooses: reload, or keep their version,
 *    which the next save then writes over the outside one;
 *  - a file deleted or moved away is reported, and the work kept unsaved;
 *  - a new version that cannot be read leaves the project as it was, with
 *    the reason.
 * A save that finds the file changed (the model refuses to overwrite it)
 * asks the same question.
 */
#define G_LOG_DOMAIN "wm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-canvas.h"
#include "wm-format.h"
#include "wm-merge.h"
#include "wm-safe-save.h"
#include "wm-window-private.h"

/* Events come in bursts (a write, a rename, attributes): the window looks
 * once the burst has passed. */
#define WATCH_DELAY_MS 200

static void look_at_file (WmWindow *self);

static void
close_file_dialog (WmWindow *self)
{
  if (self->file_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->file_dialog));
  g_assert (self->file_dialog == NULL);
}

/* Shows @dialog as the one question about the file, replacing any other. */
static void
present_file_dialog (WmWindow  *self,
                     GtkWidget *dialog)
{
  close_file_dialog (self);
  self->file_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->file_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reloading */

typedef struct
{
  WmWindow  *window;
  WmProject *project;      /* the project to replace */
  gboolean   discard_ok;   /* the analyst chose to lose its unsaved changes */
} Reload;

static void
reload_free (Reload *reload)
{
  g_object_unref (reload->window);
  g_clear_object (&reload->project);
  g_free (reload);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reload, reload_free)

static void
report_unreadable (WmWindow     *self,
                   const GError *error)
{
  g_autofree char *name = _wm_window_dup_display_name (self);
  g_autofree char *body = g_strdup_printf (_("“%s” was changed on disk, and the new version "
                                             "cannot be read: %s\n\nThe window keeps the "
                                             "version it had."), name, error->message);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("The Changed File Cannot Be Read"), body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  present_file_dialog (self, dialog);
}

static void
on_reloaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Reload) reload = user_data;
  WmWindow *self = reload->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = wm_project_load_finish (result, &error);
  g_autofree char *name = NULL;
  AdwToast *toast;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->project != reload->project)
    return;
  if (project == NULL)
    {
      report_unreadable (self, error);
      return;
    }
  /* Edited while the file was read: the analyst chooses after all. */
  if (!reload->discard_ok && wm_project_get_dirty (self->project))
    {
      _wm_window_ask_about_change (self, FALSE, FALSE);
      return;
    }
  close_file_dialog (self);
  name = _wm_window_dup_display_name (self);
  _wm_window_replace_project (self, project);
  /* Set after the replacement, which forgets what it knew of the last project. */
  self->before_reload = g_steal_pointer (&reload->project);
  self->reloaded = project;
  toast = adw_toast_new_format (_("“%s” was changed on disk and reloaded"), name);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-reload");
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
reload (WmWindow *self,
        gboolean  discard_ok)
{
  GFile *file = wm_project_get_file (self->project);
  Reload *request;

  if (file == NULL)
    return;
  request = g_new0 (Reload, 1);
  request->window = g_object_ref (self);
  request->project = g_object_ref (self->project);
  request->discard_ok = discard_ok;
  wm_project_load_async (file, self->watch_cancellable, on_reloaded, request);
}

static void
undo_reload_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  g_autoptr(WmProject) before = g_steal_pointer (&self->before_reload);
  g_autofree char *on_disk = NULL;

  /* Only while the reloaded project is still the window's. */
  if (before == NULL || self->project != self->reloaded)
    return;
  on_disk = g_strdup (wm_project_get_file_etag (self->project));
  _wm_window_replace_project (self, before);
  /* The version on disk is the one the analyst turned down: saving this one
   * may replace it, and any later outside change is asked about. */
  wm_project_set_file_etag (before, on_disk);
  g_free (self->seen_etag);
  self->seen_etag = g_strdup (on_disk);
  wm_project_mark_unsaved (before);
}

/* Merging */

/* Remembers the project as it is on disk, the base of a later merge with an
 * outside change; a project with unsaved changes is not what the disk has.
 * Just opened, it is what was read: writing out 100 000 items again cost
 * their window's first frame some 80 ms. */
static void
remember_base (WmWindow *self)
{
  g_clear_pointer (&self->merge_base, g_bytes_unref);
  if (self->project == NULL || wm_project_get_file (self->project) == NULL ||
      wm_project_get_dirty (self->project))
    return;
  self->merge_base = wm_project_take_loaded_data (self->project);
  if (self->merge_base == NULL)
    self->merge_base = wm_project_serialize (self->project);
}

static void
report_merge_failed (WmWindow     *self,
                     const GError *error)
{
  g_autofree char *body = g_strdup_printf (_("%s\n\nThe window keeps its version."),
                                           error->message);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Versions Cannot Be "
                                                                   "Merged"), body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  present_file_dialog (self, dialog);
}

/* Puts @merged (of the unsaved work and @disk) in the window, unsaved: the
 * next save replaces @disk, and @disk is the base of the next merge. */
static void
show_merged (WmWindow  *self,
             WmProject *merged,
             WmProject *disk)
{
  guint n_conflicts = wm_project_get_conflicts (merged)->len;
  AdwToast *toast;

  wm_project_set_file (merged, wm_project_get_file (disk));
  wm_project_set_file_etag (merged, wm_project_get_file_etag (disk));
  close_file_dialog (self);
  _wm_window_replace_project (self, merged);
  wm_project_mark_unsaved (merged);
  g_free (self->seen_etag);
  self->seen_etag = g_strdup (wm_project_get_file_etag (disk));
  g_clear_pointer (&self->merge_base, g_bytes_unref);
  self->merge_base = wm_project_serialize (disk);
  if (n_conflicts == 0)
    toast = adw_toast_new (_("The changes on disk were merged with yours"));
  else
    toast = adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE,
                                               "Merged with the changes on disk: %u conflict "
                                               "to resolve in the problems pane",
                                               "Merged with the changes on disk: %u conflicts "
                                               "to resolve in the problems pane", n_conflicts),
                                  n_conflicts);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
on_merge_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Reload) request = user_data;
  WmWindow *self = request->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) disk = wm_project_load_finish (result, &error);
  g_autoptr(WmProject) base = NULL;
  g_autoptr(WmProject) merged = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->project != request->project || self->merge_base == NULL)
    return;
  if (disk == NULL)
    {
      report_unreadable (self, error);
      return;
    }
  base = wm_project_load_from_data (g_bytes_get_data (self->merge_base, NULL),
                                    g_bytes_get_size (self->merge_base), "base", &error);
  if (base != NULL)
    merged = wm_merge_projects (base, self->project, disk, NULL, &error);
  if (merged == NULL)
    report_merge_failed (self, error);
  else
    show_merged (self, merged, disk);
}

/* Merges the unsaved work with the version on disk, the version read or
 * written last being the base. */
static void
merge_with_disk (WmWindow *self)
{
  GFile *file = wm_project_get_file (self->project);
  Reload *request;

  if (file == NULL || self->merge_base == NULL)
    return;
  request = g_new0 (Reload, 1);
  request->window = g_object_ref (self);
  request->project = g_object_ref (self->project);
  wm_project_load_async (file, self->watch_cancellable, on_merge_loaded, request);
}

/* Asking */

typedef struct
{
  WmWindow  *window;
  WmProject *project;     /* the project asked about */
  gboolean   from_save;
  gboolean   then_close;
} Question;

static void
question_free (gpointer  data,
               GClosure *closure)
{
  Question *question = data;

  g_object_unref (question->window);
  g_object_unref (question->project);
  g_free (question);
}

/* Keeps this version: the next save replaces the version now on disk, the
 * one the analyst was told about (and no later one unasked). */
static void
keep_mine (WmWindow *self,
           gboolean  save_now,
           gboolean  then_close)
{
  g_autofree char *on_disk = wm_safe_save_query_etag (wm_project_get_file (self->project));

  wm_project_set_file_etag (self->project, on_disk);
  g_free (self->seen_etag);
  self->seen_etag = g_strdup (on_disk);
  self->file_missing = on_disk == NULL;
  if (save_now)
    _wm_window_save (self, then_close);
}

static void
on_change_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Question         *question)
{
  WmWindow *self = question->window;

  /* The window moved on to another project meanwhile. */
  if (self->project != question->project || wm_project_get_file (self->project) == NULL)
    return;
  if (g_str_equal (response, "reload"))
    reload (self, TRUE);
  else if (g_str_equal (response, "merge"))
    merge_with_disk (self);
  else if (g_str_equal (response, "keep"))
    keep_mine (self, question->from_save, question->then_close);
}

static GtkWidget *
change_dialog_new (WmWindow *self,
                   gboolean  from_save)
{
  g_autofree char *name = _wm_window_dup_display_name (self);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL,
                                                                         NULL));

  adw_message_dialog_format_heading (dialog, _("“%s” Changed on Disk"), name);
  adw_message_dialog_set_body (dialog,
                               from_save
                                 ? _("Another program changed the file since it was opened, so "
                                     "it was not saved. Reload it and lose the changes made "
                                     "here, or keep them and replace the file with them.")
                                 : _("Another program changed the file while it has unsaved "
                                     "changes here. Reload it and lose them, or keep them and "
                                     "replace the file with them at the next save."));
  adw_message_dialog_add_responses (dialog,
                                    "reload", _("_Reload"),
                                    "keep", from_save ? _("_Keep Mine and Save") : _("_Keep Mine"),
                                    NULL);
  /* Merging needs the version both started from: the one read or written last. */
  if (self->merge_base != NULL)
    {
      adw_message_dialog_add_response (dialog, "merge", _("_Merge"));
      adw_message_dialog_format_body (dialog, "%s\n\n%s", adw_message_dialog_get_body (dialog),
                                      _("Or merge the two versions: what only one of them "
                                        "changed is kept, and what both changed is listed in "
                                        "the problems pane to choose from."));
    }
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  /* Escape decides nothing: the next save asks again. */
  adw_message_dialog_set_close_response (dialog, "later");
  return GTK_WIDGET (dialog);
}

void
_wm_window_ask_about_change (WmWindow *self,
                             gboolean  from_save,
                             gboolean  then_close)
{
  GtkWidget *dialog = change_dialog_new (self, from_save);
  Question *question = g_new0 (Question, 1);

  /* The version the save found is the one asked about: the monitor's news
   * of it asks nothing more. */
  if (from_save)
    {
      g_free (self->seen_etag);
      self->seen_etag = wm_safe_save_query_etag (wm_project_get_file (self->project));
    }
  question->window = g_object_ref (self);
  question->project = g_object_ref (self->project);
  question->from_save = from_save;
  question->then_close = then_close;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_change_response), question,
                         question_free, 0);
  present_file_dialog (self, dialog);
}

/* Looking at the file */

static void
file_deleted (WmWindow *self)
{
  g_autofree char *name = NULL;

  if (self->file_missing)
    return;
  self->file_missing = TRUE;
  /* Nothing on disk to protect: the next save writes the file again. */
  wm_project_set_file_etag (self->project, NULL);
  wm_project_mark_unsaved (self->project);
  name = _wm_window_dup_display_name (self);
  adw_toast_overlay_add_toast (self->toasts,
                               adw_toast_new_format (_("“%s” was deleted or moved on disk; "
                                                       "the window keeps it unsaved"), name));
}

static void
file_changed (WmWindow   *self,
              const char *etag)
{
  g_free (self->seen_etag);
  self->seen_etag = g_strdup (etag);
  self->file_missing = FALSE;
  if (wm_project_get_dirty (self->project))
    _wm_window_ask_about_change (self, FALSE, FALSE);
  else
    reload (self, FALSE);
}

static void
query_etag_in_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  g_task_return_pointer (task, wm_safe_save_query_etag (task_data), g_free);
}

static void
on_etag (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  WmWindow *self = WM_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = g_task_propagate_pointer (G_TASK (result), &error);
  GFile *asked = g_task_get_task_data (G_TASK (result));

  /* Cancelled (another project, the window closing), or the file changed. */
  if (error != NULL || self->watched == NULL || !g_file_equal (asked, self->watched))
    return;
  /* A save started meanwhile: look again when it is done. */
  if (self->saving > 0)
    {
      self->watch_pending = TRUE;
      return;
    }
  if (etag == NULL)
    file_deleted (self);
  else if (g_strcmp0 (etag, wm_project_get_file_etag (self->project)) == 0)
    self->file_missing = FALSE;  /* the window's own save, or nothing new */
  else if (g_strcmp0 (etag, self->seen_etag) != 0)
    file_changed (self, etag);
}

static void
look_at_file (WmWindow *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->watched == NULL)
    return;
  if (self->saving > 0)
    {
      self->watch_pending = TRUE;
      return;
    }
  task = g_task_new (self, self->watch_cancellable, on_etag, NULL);
  g_task_set_source_tag (task, (gpointer) (guintptr) look_at_file);
  g_task_set_task_data (task, g_object_ref (self->watched), g_object_unref);
  g_task_run_in_thread (task, query_etag_in_thread);
}

static gboolean
on_watch_timeout (gpointer data)
{
  WmWindow *self = data;

  self->watch_source = 0;
  look_at_file (self);
  return G_SOURCE_REMOVE;
}

static void
on_file_event (GFileMonitor      *monitor,
               GFile             *file,
               GFile             *other_file,
               GFileMonitorEvent  event,
               WmWindow          *self)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED ||
      event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT)
    return;
  g_clear_handle_id (&self->watch_source, g_source_remove);
  self->watch_source = g_timeout_add (WATCH_DELAY_MS, on_watch_timeout, self);
}

void
_wm_window_watch_save_done (WmWindow *self)
{
  if (self->saving == 0)
    remember_base (self);
  if (self->saving > 0 || !self->watch_pending)
    return;
  self->watch_pending = FALSE;
  look_at_file (self);
}

/* Watching */

static void
stop_watching (WmWindow *self)
{
  g_clear_handle_id (&self->watch_source, g_source_remove);
  if (self->watch_cancellable != NULL)
    g_cancellable_cancel (self->watch_cancellable);
  g_clear_object (&self->watch_cancellable);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
    }
  g_clear_object (&self->monitor);
  g_clear_object (&self->watched);
  self->watch_pending = FALSE;
}

/* What was known of the last project's file says nothing of this one's. */
static void
forget_file (WmWindow *self)
{
  g_clear_pointer (&self->seen_etag, g_free);
  self->file_missing = FALSE;
  g_clear_object (&self->before_reload);
  self->reloaded = NULL;
  g_clear_pointer (&self->merge_base, g_bytes_unref);
}

void
_wm_window_watch_file (WmWindow *self)
{
  GFile *file = wm_project_get_file (self->project);
  g_autoptr(GError) error = NULL;

  if (self->reloaded != self->project)
    forget_file (self);
  remember_base (self);
  if (file != NULL && self->watched != NULL && g_file_equal (file, self->watched))
    return;
  stop_watching (self);
  close_file_dialog (self);
  if (file == NULL)
    return;
  self->watched = g_object_ref (file);
  self->watch_cancellable = g_cancellable_new ();
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->monitor == NULL)
    {
      /* Saves still refuse to overwrite an outside change; only the news is lost. */
      g_debug ("Cannot watch %s: %s", g_file_peek_path (file), error->message);
      return;
    }
  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_event), self);
}

void
_wm_window_dispose_watch (WmWindow *self)
{
  stop_watching (self);
  forget_file (self);
  close_file_dialog (self);
}

void
_wm_window_class_init_watch (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo-reload", NULL, undo_reload_action);
}
