/* wm-autosave.c — recovery copies of unsaved projects, and finding them after a crash
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each autosaved project leaves two files in $XDG_STATE_HOME/waymark/autosave/:
 * NAME.waymark, the project exactly as wm_project_serialize() writes it, and
 * NAME.info, a key file that says whose copy it is (original file, title,
 * time, process and boot). NAME is a checksum of the project's file URI, or
 * a random id for a project never saved. A copy whose process is gone is an
 * orphan, left by a crash, and can be recovered.
 */
#define G_LOG_DOMAIN "wm-autosave"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "wm-autosave.h"
#include "wm-safe-save.h"

#define INDEX_GROUP "Autosave"
#define INDEX_SUFFIX ".info"

struct _WmAutosave
{
  GObject    parent_instance;

  WmProject *project;
  guint      interval;
  gboolean   enabled;
  gboolean   discarded;
  guint      timeout_id;
  guint      idle_id;
  gulong     dirty_handler;
  char      *random_name;   /* the name while the project has no file */
  char      *written_name;  /* the name of the files on disk, NULL when none */
  gboolean   writing;       /* a copy is being written in a thread */
  GBytes    *written;       /* what was written last, to skip identical copies */
};

G_DEFINE_FINAL_TYPE (WmAutosave, wm_autosave, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_INTERVAL,
  PROP_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where the files go */

static char *
autosave_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "waymark", "autosave", NULL);
}

static char *
file_for (const char *name,
          const char *suffix)
{
  g_autofree char *dir = autosave_dir ();
  g_autofree char *base = g_strconcat (name, suffix, NULL);

  return g_build_filename (dir, base, NULL);
}

static char *
current_name (WmAutosave *self)
{
  GFile *file = wm_project_get_file (self->project);
  g_autofree char *uri = NULL;

  if (file == NULL)
    return g_strdup (self->random_name);
  uri = g_file_get_uri (file);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
}

/* A process id is only meaningful within one boot. */
static char *
boot_id (void)
{
  char *contents = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &contents, NULL, NULL))
    return g_strdup ("");
  return g_strstrip (contents);
}

static gboolean
process_is_alive (gint64      pid,
                  const char *boot)
{
  g_autofree char *now = boot_id ();

  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;
  if (boot != NULL && *boot != '\0' && *now != '\0' && !g_str_equal (boot, now))
    return FALSE;
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

static void
delete_files (const char *name)
{
  g_autofree char *path = file_for (name, WM_FILE_EXTENSION);
  g_autofree char *index_path = file_for (name, INDEX_SUFFIX);

  /* The index goes first: a copy without one is never offered. */
  if (g_remove (index_path) != 0 && errno != ENOENT)
    g_debug ("Could not delete %s: %s", index_path, g_strerror (errno));
  if (g_remove (path) != 0 && errno != ENOENT)
    g_debug ("Could not delete %s: %s", path, g_strerror (errno));
}

static void
forget_written (WmAutosave *self)
{
  if (self->written_name != NULL)
    delete_files (self->written_name);
  g_clear_pointer (&self->written_name, g_free);
  g_clear_pointer (&self->written, g_bytes_unref);
}

/* Writing
 *
 * A copy is prepared on the main thread (the project serialised, the index
 * filled in), written wherever (the timer's copies in a thread of their own,
 * so that a large project's autosave never stalls the editor) and recorded
 * back on the main thread. */

typedef struct
{
  char   *name;   /* the files' name, without the suffixes */
  GBytes *copy;
  GBytes *index;
} Copy;

static void
copy_free (Copy *copy)
{
  g_free (copy->name);
  g_bytes_unref (copy->copy);
  g_bytes_unref (copy->index);
  g_free (copy);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Copy, copy_free)

static GBytes *
index_bytes (WmAutosave *self)
{
  g_autoptr(GKeyFile) index = g_key_file_new ();
  g_autofree char *boot = boot_id ();
  GFile *file = wm_project_get_file (self->project);
  const char *title = wm_project_get_title (self->project);
  gsize length;
  char *data;

  g_key_file_set_integer (index, INDEX_GROUP, "Version", 1);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_key_file_set_string (index, INDEX_GROUP, "File", uri);
    }
  g_key_file_set_string (index, INDEX_GROUP, "Title", title != NULL ? title : "");
  g_key_file_set_int64 (index, INDEX_GROUP, "Time", g_get_real_time () / G_USEC_PER_SEC);
  g_key_file_set_int64 (index, INDEX_GROUP, "Pid", getpid ());
  g_key_file_set_string (index, INDEX_GROUP, "BootId", boot);
  data = g_key_file_to_data (index, &length, NULL);
  return g_bytes_new_take (data, length);
}

/* The copy to write now, or NULL when there is nothing new to keep. */
static Copy *
prepare_copy (WmAutosave *self)
{
  g_autoptr(Copy) copy = NULL;

  if (self->discarded || !self->enabled || !wm_project_get_dirty (self->project))
    return NULL;
  copy = g_new0 (Copy, 1);
  copy->name = current_name (self);
  copy->copy = wm_project_serialize (self->project);
  if (g_strcmp0 (copy->name, self->written_name) == 0 && self->written != NULL &&
      g_bytes_equal (copy->copy, self->written))
    return NULL;
  copy->index = index_bytes (self);
  return g_steal_pointer (&copy);
}

/* Writes the copy, then its index; touches nothing but the files. */
static gboolean
write_copy (const Copy *copy,
            GError    **error)
{
  g_autofree char *dir = autosave_dir ();
  g_autofree char *path = file_for (copy->name, WM_FILE_EXTENSION);
  g_autofree char *index_path = file_for (copy->name, INDEX_SUFFIX);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) index_file = g_file_new_for_path (index_path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: the first %s is a folder, the second the system's reason */
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  return wm_safe_save_bytes (file, copy->copy, WM_SAFE_SAVE_PRIVATE, NULL, NULL, NULL, error) &&
         wm_safe_save_bytes (index_file, copy->index, WM_SAFE_SAVE_PRIVATE, NULL, NULL, NULL,
                             error);
}

/* Remembers what is on disk now; a project saved under another name leaves
 * no copy under the old one. */
static void
record_copy (WmAutosave *self,
             Copy       *copy)
{
  if (g_strcmp0 (copy->name, self->written_name) != 0)
    forget_written (self);
  g_free (self->written_name);
  self->written_name = g_steal_pointer (&copy->name);
  g_clear_pointer (&self->written, g_bytes_unref);
  self->written = g_steal_pointer (&copy->copy);
}

gboolean
_wm_autosave_tick (WmAutosave *self,
                   GError    **error)
{
  g_autoptr(Copy) copy = NULL;

  g_return_val_if_fail (WM_IS_AUTOSAVE (self), FALSE);

  copy = prepare_copy (self);
  if (copy == NULL)
    return TRUE;
  if (!write_copy (copy, error))
    return FALSE;
  record_copy (self, copy);
  return TRUE;
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_copy (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_copy_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  WmAutosave *self = WM_AUTOSAVE (source);
  Copy *copy = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->writing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_warning ("Autosave failed: %s", error->message);
      return;
    }
  /* Discarded while it was written: the copy goes too. */
  if (self->discarded)
    {
      delete_files (copy->name);
      return;
    }
  record_copy (self, copy);
}

static gboolean
on_timeout (gpointer data)
{
  WmAutosave *self = data;
  g_autoptr(GTask) task = NULL;
  Copy *copy;

  /* One copy at a time: the next tick takes whatever came since. */
  if (self->writing || (copy = prepare_copy (self)) == NULL)
    return G_SOURCE_CONTINUE;
  self->writing = TRUE;
  task = g_task_new (self, NULL, on_copy_written, NULL);
  g_task_set_task_data (task, copy, (GDestroyNotify) copy_free);
  g_task_run_in_thread (task, write_in_thread);
  return G_SOURCE_CONTINUE;
}

/* A project that is dirty from the start (a recovered one) gets its copy at
 * once, not an interval later, so that a second crash loses nothing. */
static gboolean
on_first_idle (gpointer data)
{
  WmAutosave *self = data;

  self->idle_id = 0;
  on_timeout (self);
  return G_SOURCE_REMOVE;
}

static void
restart_timer (WmAutosave *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->interval > 0 && self->enabled && !self->discarded && self->project != NULL)
    self->timeout_id = g_timeout_add_seconds (self->interval, on_timeout, self);
}

static void
on_dirty_changed (WmProject  *project,
                  GParamSpec *pspec,
                  WmAutosave *self)
{
  if (!wm_project_get_dirty (project))
    forget_written (self);
}

/* The object */

static void
wm_autosave_dispose (GObject *object)
{
  WmAutosave *self = WM_AUTOSAVE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_signal_handler (&self->dirty_handler, self->project);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (wm_autosave_parent_class)->dispose (object);
}

static void
wm_autosave_finalize (GObject *object)
{
  WmAutosave *self = WM_AUTOSAVE (object);

  g_free (self->random_name);
  g_free (self->written_name);
  g_clear_pointer (&self->written, g_bytes_unref);
  G_OBJECT_CLASS (wm_autosave_parent_class)->finalize (object);
}

static void
wm_autosave_constructed (GObject *object)
{
  WmAutosave *self = WM_AUTOSAVE (object);

  G_OBJECT_CLASS (wm_autosave_parent_class)->constructed (object);
  g_assert (WM_IS_PROJECT (self->project));
  self->dirty_handler = g_signal_connect (self->project, "notify::dirty",
                                          G_CALLBACK (on_dirty_changed), self);
  restart_timer (self);
  if (wm_project_get_dirty (self->project))
    self->idle_id = g_idle_add (on_first_idle, self);
}

static void
wm_autosave_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WmAutosave *self = WM_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_PROJECT: g_value_set_object (value, self->project); break;
    case PROP_INTERVAL: g_value_set_uint (value, self->interval); break;
    case PROP_ENABLED: g_value_set_boolean (value, self->enabled); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_autosave_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  WmAutosave *self = WM_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_PROJECT: self->project = g_value_dup_object (value); break;
    case PROP_INTERVAL: wm_autosave_set_interval (self, g_value_get_uint (value)); break;
    case PROP_ENABLED: wm_autosave_set_enabled (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_autosave_class_init (WmAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wm_autosave_dispose;
  object_class->finalize = wm_autosave_finalize;
  object_class->constructed = wm_autosave_constructed;
  object_class->get_property = wm_autosave_get_property;
  object_class->set_property = wm_autosave_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, WM_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 0, G_MAXUINT, 60,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_autosave_init (WmAutosave *self)
{
  g_autofree char *uuid = g_uuid_string_random ();

  self->interval = 60;
  self->enabled = TRUE;
  self->random_name = g_strconcat ("unsaved-", uuid, NULL);
}

WmAutosave *
wm_autosave_new (WmProject *project,
                 guint      interval_seconds)
{
  g_return_val_if_fail (WM_IS_PROJECT (project), NULL);
  return g_object_new (WM_TYPE_AUTOSAVE, "project", project, "interval", interval_seconds,
                       NULL);
}

WmProject *
wm_autosave_get_project (WmAutosave *self)
{
  g_return_val_if_fail (WM_IS_AUTOSAVE (self), NULL);
  return self->project;
}

guint
wm_autosave_get_interval (WmAutosave *self)
{
  g_return_val_if_fail (WM_IS_AUTOSAVE (self), 0);
  return self->interval;
}

void
wm_autosave_set_interval (WmAutosave *self,
                          guint       interval_seconds)
{
  g_return_if_fail (WM_IS_AUTOSAVE (self));
  if (self->interval == interval_seconds)
    return;
  self->interval = interval_seconds;
  restart_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

gboolean
wm_autosave_get_enabled (WmAutosave *self)
{
  g_return_val_if_fail (WM_IS_AUTOSAVE (self), FALSE);
  return self->enabled;
}

void
wm_autosave_set_enabled (WmAutosave *self,
                         gboolean    enabled)
{
  g_return_if_fail (WM_IS_AUTOSAVE (self));
  enabled = !!enabled;
  if (self->enabled == enabled)
    return;
  self->enabled = enabled;
  /* Turning autosave off leaves no copy behind. */
  if (!enabled)
    forget_written (self);
  restart_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

char *
wm_autosave_dup_path (WmAutosave *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (WM_IS_AUTOSAVE (self), NULL);
  name = self->written_name != NULL ? g_strdup (self->written_name) : current_name (self);
  return file_for (name, WM_FILE_EXTENSION);
}

void
wm_autosave_discard (WmAutosave *self)
{
  g_return_if_fail (WM_IS_AUTOSAVE (self));
  self->discarded = TRUE;
  forget_written (self);
  restart_timer (self);
}

/* Orphans */

/* Written out: G_DEFINE_BOXED_TYPE trips -Wpedantic on its transparent union. */
GType
wm_autosave_entry_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType type = g_boxed_type_register_static (g_intern_static_string ("WmAutosaveEntry"),
                                                 (GBoxedCopyFunc) wm_autosave_entry_copy,
                                                 (GBoxedFreeFunc) wm_autosave_entry_free);
      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

WmAutosaveEntry *
wm_autosave_entry_copy (const WmAutosaveEntry *entry)
{
  WmAutosaveEntry *copy = g_new0 (WmAutosaveEntry, 1);

  copy->path = g_strdup (entry->path);
  copy->index_path = g_strdup (entry->index_path);
  copy->original = entry->original != NULL ? g_object_ref (entry->original) : NULL;
  copy->title = g_strdup (entry->title);
  copy->time = entry->time != NULL ? g_date_time_ref (entry->time) : NULL;
  copy->pid = entry->pid;
  copy->damaged = entry->damaged;
  copy->damage = g_strdup (entry->damage);
  return copy;
}

void
wm_autosave_entry_free (WmAutosaveEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->path);
  g_free (entry->index_path);
  g_clear_object (&entry->original);
  g_free (entry->title);
  g_clear_pointer (&entry->time, g_date_time_unref);
  g_free (entry->damage);
  g_free (entry);
}

static void
set_damaged (WmAutosaveEntry *entry,
             const char      *why)
{
  entry->damaged = TRUE;
  g_free (entry->damage);
  entry->damage = g_strdup (why);
}

/* Loads the copy, as recovering it would: one that a crash, a full disk or
 * a bad sector left unreadable is damaged, and says so once rather than
 * failing to recover at every start. The message names the line, not the
 * folder of autosaves, which means nothing to the analyst. */
static void
check_copy (WmAutosaveEntry *entry)
{
  g_autofree char *data = NULL;
  g_autofree char *prefix = g_strconcat (entry->path, ":", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;
  gsize length = 0;

  if (!g_file_test (entry->path, G_FILE_TEST_IS_REGULAR))
    {
      set_damaged (entry, _("The copy is missing."));
      return;
    }
  if (g_file_get_contents (entry->path, &data, &length, &error))
    project = wm_project_load_from_data (data, length, entry->path, &error);
  if (project != NULL)
    return;
  if (g_str_has_prefix (error->message, prefix))
    {
      /* Translators: %s is a line number in a damaged file */
      g_autofree char *where = g_strdup_printf (_("Line %s"), error->message + strlen (prefix));

      set_damaged (entry, where);
    }
  else
    set_damaged (entry, error->message);
}

/* Reads NAME.info; NULL when it belongs to a process still running. An
 * index that cannot be read at all makes a damaged entry: it was written
 * whole or not at all, so no running process is writing it. */
static WmAutosaveEntry *
read_orphan (const char *dir,
             const char *index_name)
{
  g_autoptr(GKeyFile) index = g_key_file_new ();
  g_autoptr(WmAutosaveEntry) entry = g_new0 (WmAutosaveEntry, 1);
  g_autofree char *name = g_strndup (index_name, strlen (index_name) - strlen (INDEX_SUFFIX));
  g_autofree char *base = g_strconcat (name, WM_FILE_EXTENSION, NULL);
  g_autofree char *uri = NULL;
  g_autofree char *boot = NULL;

  entry->index_path = g_build_filename (dir, index_name, NULL);
  entry->path = g_build_filename (dir, base, NULL);
  entry->title = g_strdup ("");
  if (!g_key_file_load_from_file (index, entry->index_path, G_KEY_FILE_NONE, NULL))
    {
      set_damaged (entry, _("Its description cannot be read."));
      return g_steal_pointer (&entry);
    }
  entry->pid = g_key_file_get_int64 (index, INDEX_GROUP, "Pid", NULL);
  boot = g_key_file_get_string (index, INDEX_GROUP, "BootId", NULL);
  if (process_is_alive (entry->pid, boot))
    return NULL;
  uri = g_key_file_get_string (index, INDEX_GROUP, "File", NULL);
  if (uri != NULL && *uri != '\0')
    entry->original = g_file_new_for_uri (uri);
  if (g_key_file_has_key (index, INDEX_GROUP, "Title", NULL))
    {
      g_free (entry->title);
      entry->title = g_key_file_get_string (index, INDEX_GROUP, "Title", NULL);
    }
  entry->time = g_date_time_new_from_unix_local (g_key_file_get_int64 (index, INDEX_GROUP,
                                                                       "Time", NULL));
  check_copy (entry);
  return g_steal_pointer (&entry);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const WmAutosaveEntry *ea = *(WmAutosaveEntry *const *) a;
  const WmAutosaveEntry *eb = *(WmAutosaveEntry *const *) b;

  if (ea->time == NULL || eb->time == NULL)
    return (ea->time == NULL) - (eb->time == NULL);
  return g_date_time_compare (eb->time, ea->time);
}

/* A temporary file of a save that was killed. One younger than a minute may
 * belong to another Waymark writing its copy right now. */
static void
remove_stale_tmp (const char *dir,
                  const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf st;

  if (g_stat (path, &st) == 0 && st.st_mtime < g_get_real_time () / G_USEC_PER_SEC - 60)
    g_unlink (path);
}

GPtrArray *
wm_autosave_find_orphans (void)
{
  GPtrArray *orphans = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_autosave_entry_free);
  g_autofree char *dir_path = autosave_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return orphans;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      WmAutosaveEntry *entry;

      if (strstr (name, WM_SAFE_SAVE_TMP_INFIX) != NULL)
        {
          remove_stale_tmp (dir_path, name);
          continue;
        }
      if (!g_str_has_suffix (name, INDEX_SUFFIX) || g_str_equal (name, INDEX_SUFFIX))
        continue;
      entry = read_orphan (dir_path, name);
      if (entry != NULL)
        g_ptr_array_add (orphans, entry);
    }
  g_ptr_array_sort (orphans, compare_newest_first);
  return orphans;
}

/* The etag a save of the recovered project may replace without asking: the
 * file's, unless the file changed after the copy was written. Then no etag
 * matches it, and a save refuses until the analyst has chosen. */
static char *
recovered_etag (const WmAutosaveEntry *entry)
{
  g_autoptr(GFileInfo) info = g_file_query_info (entry->original,
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                 G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return NULL;
  if (entry->time != NULL &&
      g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) <=
      (guint64) g_date_time_to_unix (entry->time))
    return g_strdup (g_file_info_get_etag (info));
  return g_strdup ("changed-after-the-autosave");
}

WmProject *
wm_autosave_recover (const WmAutosaveEntry *entry,
                     GError               **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  WmProject *project;

  g_return_val_if_fail (entry != NULL && entry->path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (entry->damaged)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", entry->path,
                   entry->damage);
      return NULL;
    }
  if (!g_file_get_contents (entry->path, &data, &length, error))
    return NULL;
  project = wm_project_load_from_data (data, length, entry->path, error);
  if (project == NULL)
    return NULL;
  if (entry->original != NULL)
    {
      g_autofree char *etag = recovered_etag (entry);

      wm_project_set_file (project, entry->original);
      wm_project_set_file_etag (project, etag);
    }
  /* No state of the history is the saved one: the user must save. */
  wm_project_mark_unsaved (project);
  return project;
}

void
wm_autosave_entry_delete (const WmAutosaveEntry *entry)
{
  g_autoptr(GKeyFile) index = g_key_file_new ();

  g_return_if_fail (entry != NULL && entry->index_path != NULL);

  /* A window that recovered the file may already autosave under the same name. */
  if (g_key_file_load_from_file (index, entry->index_path, G_KEY_FILE_NONE, NULL) &&
      g_key_file_get_int64 (index, INDEX_GROUP, "Pid", NULL) != entry->pid)
    return;
  if (g_remove (entry->index_path) != 0 && errno != ENOENT)
    g_debug ("Could not delete %s: %s", entry->index_path, g_strerror (errno));
  if (g_remove (entry->path) != 0 && errno != ENOENT)
    g_debug ("Could not delete %s: %s", entry->path, g_strerror (errno));
}
