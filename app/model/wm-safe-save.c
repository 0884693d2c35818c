/* wm-safe-save.c — the one routine every file Waymark writes goes through
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib 2.74's g_file_replace_contents() renames its temporary file over the
 * target on close even when a write failed, so a full disk leaves an empty or
 * truncated project. This stream does the whole sequence itself, checking
 * every step: the content goes to a temporary file beside the target, which
 * is flushed, fsynced and closed, and only then renamed over the target. Any
 * failure removes the temporary file, so the old file stays byte-identical.
 */
#define G_LOG_DOMAIN "wm-safe-save"

#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "wm-safe-save.h"

#define BUFFER_SIZE (256 * 1024)
#define MAX_LINK_DEPTH 40

struct _WmSafeStream
{
  GOutputStream parent_instance;

  char     *display;      /* the target as the user named it, for messages */
  char     *path;         /* the file really written: symlinks resolved */
  char     *tmp_path;
  int       fd;
  GByteArray *buffer;
  gboolean  commit;       /* close renames instead of discarding */
  gboolean  failed;       /* a write failed: never rename */
  char     *etag;
};

G_DEFINE_FINAL_TYPE (WmSafeStream, wm_safe_stream, G_TYPE_OUTPUT_STREAM)

static gboolean
fail_errno (GError    **error,
            int         saved_errno,
            const char *display,
            const char *what)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: the first %s is a file name, the second the system's reason
                * ("No space left on device"), the third what was being done */
               _("Could not save “%s”: %s (%s)"), display, g_strerror (saved_errno), what);
  return FALSE;
}

static gboolean refuse (GError **error, GIOErrorEnum code, const char *format, ...)
  G_GNUC_PRINTF (3, 4);

/* Sets @error and returns FALSE, for one-line refusals. */
static gboolean
refuse (GError     **error,
        GIOErrorEnum code,
        const char  *format,
        ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (G_IO_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

static void
discard_tmp (WmSafeStream *self)
{
  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
  if (self->tmp_path != NULL)
    {
      g_unlink (self->tmp_path);
      g_clear_pointer (&self->tmp_path, g_free);
    }
}

static gboolean
write_all (WmSafeStream *self,
           const guint8 *data,
           gsize         length,
           GError      **error)
{
  while (length > 0)
    {
      gssize written = write (self->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          self->failed = TRUE;
          /* A write of zero bytes on a regular file means no space is left. */
          return fail_errno (error, written < 0 ? errno : ENOSPC, self->display, "write");
        }
      data += written;
      length -= (gsize) written;
    }
  return TRUE;
}

static gboolean
flush_buffer (WmSafeStream *self,
              GError      **error)
{
  gboolean ok;

  if (self->failed)
    return refuse (error, G_IO_ERROR_FAILED,
                   _("Could not save “%s”: an earlier write failed"), self->display);
  ok = write_all (self, self->buffer->data, self->buffer->len, error);
  g_byte_array_set_size (self->buffer, 0);
  return ok;
}

static gssize
wm_safe_stream_write (GOutputStream *stream,
                      const void    *data,
                      gsize          count,
                      GCancellable  *cancellable,
                      GError       **error)
{
  WmSafeStream *self = WM_SAFE_STREAM (stream);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      self->failed = TRUE;
      return -1;
    }
  if (self->buffer->len + count > BUFFER_SIZE && !flush_buffer (self, error))
    return -1;
  if (count >= BUFFER_SIZE)
    return write_all (self, data, count, error) ? (gssize) count : -1;
  g_byte_array_append (self->buffer, data, (guint) count);
  return (gssize) count;
}

static gboolean
wm_safe_stream_flush (GOutputStream *stream,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return flush_buffer (WM_SAFE_STREAM (stream), error);
}

/* Makes the rename itself durable. A directory that cannot be synced (some
 * file systems refuse) does not undo a save that already happened. */
static void
sync_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

static gboolean
commit_tmp (WmSafeStream *self,
            GCancellable *cancellable,
            GError      **error)
{
  int fd = self->fd;

  if (!flush_buffer (self, error))
    return FALSE;
  if (fsync (fd) != 0)
    return fail_errno (error, errno, self->display, "fsync");
  self->fd = -1;
  if (close (fd) != 0)
    return fail_errno (error, errno, self->display, "close");
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rename (self->tmp_path, self->path) != 0)
    return fail_errno (error, errno, self->display, "rename");
  g_clear_pointer (&self->tmp_path, g_free);
  sync_directory (self->path);
  return TRUE;
}

static gboolean
wm_safe_stream_close (GOutputStream *stream,
                      GCancellable  *cancellable,
                      GError       **error)
{
  WmSafeStream *self = WM_SAFE_STREAM (stream);
  g_autoptr(GFile) file = NULL;

  /* A stream dropped, or closed after a failed write, never touches the target. */
  if (!self->commit || self->failed)
    {
      discard_tmp (self);
      if (self->commit)
        return refuse (error, G_IO_ERROR_FAILED,
                       _("Could not save “%s”: an earlier write failed"), self->display);
      return TRUE;
    }
  if (!commit_tmp (self, cancellable, error))
    {
      discard_tmp (self);
      return FALSE;
    }
  file = g_file_new_for_path (self->path);
  self->etag = wm_safe_save_query_etag (file);
  return TRUE;
}

static void
wm_safe_stream_finalize (GObject *object)
{
  WmSafeStream *self = WM_SAFE_STREAM (object);

  /* The parent's dispose closed the stream, which discarded an uncommitted file. */
  discard_tmp (self);
  g_free (self->display);
  g_free (self->path);
  g_free (self->etag);
  g_byte_array_unref (self->buffer);
  G_OBJECT_CLASS (wm_safe_stream_parent_class)->finalize (object);
}

static void
wm_safe_stream_class_init (WmSafeStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  object_class->finalize = wm_safe_stream_finalize;
  stream_class->write_fn = wm_safe_stream_write;
  stream_class->flush = wm_safe_stream_flush;
  stream_class->close_fn = wm_safe_stream_close;
}

static void
wm_safe_stream_init (WmSafeStream *self)
{
  self->fd = -1;
  self->buffer = g_byte_array_sized_new (BUFFER_SIZE);
}

/* Follows @path through symlinks to the file that is really written, so a
 * save through a link replaces the link's target and keeps the link. */
static char *
resolve_links (const char *path,
               const char *display,
               GError    **error)
{
  g_autofree char *current = g_strdup (path);

  for (int depth = 0; depth < MAX_LINK_DEPTH; depth++)
    {
      g_autofree char *target = NULL;
      g_autofree char *dir = NULL;
      struct stat st;

      if (lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      target = g_file_read_link (current, NULL);
      if (target == NULL)
        return g_steal_pointer (&current);
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (target) ? g_steal_pointer (&target)
                                            : g_build_filename (dir, target, NULL);
    }
  fail_errno (error, ELOOP, display, "readlink");
  return NULL;
}

/* Refuses targets that a rename could not replace faithfully. */
static gboolean
check_target (const char  *path,
              const char  *display,
              struct stat *st,
              gboolean    *exists,
              GError     **error)
{
  *exists = stat (path, st) == 0;
  if (!*exists)
    return errno == ENOENT ? TRUE : fail_errno (error, errno, display, "stat");
  if (!S_ISREG (st->st_mode))
    return refuse (error, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Could not save “%s”: it is not a regular file"), display);
  /* Renaming over a file with other hard links would split it from them;
   * rewriting it in place could leave it half-written. Neither is safe. */
  if (st->st_nlink > 1)
    return refuse (error, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not save “%s”: the file has other hard links, which saving "
                     "would separate from it. Save it under another name instead."),
                   display);
  if (access (path, W_OK) != 0)
    return refuse (error, G_IO_ERROR_PERMISSION_DENIED,
                   _("Could not save “%s”: the file is read-only. Save it under another "
                     "name instead."), display);
  return TRUE;
}

static gboolean
check_etag (const char *path,
            const char *display,
            const char *expected_etag,
            GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *etag = NULL;

  if (expected_etag == NULL)
    return TRUE;
  etag = wm_safe_save_query_etag (file);
  if (g_strcmp0 (etag, expected_etag) == 0)
    return TRUE;
  return refuse (error, G_IO_ERROR_WRONG_ETAG,
                 _("“%s” was changed on disk after it was opened"), display);
}

static gboolean
open_tmp (WmSafeStream    *self,
          WmSafeSaveFlags  flags,
          struct stat     *st,
          gboolean         exists,
          GError         **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autofree char *name = g_strdup_printf (".%s" WM_SAFE_SAVE_TMP_INFIX "XXXXXX", base);
  int mode = (flags & WM_SAFE_SAVE_PRIVATE) ? 0600 : 0666;

  self->tmp_path = g_build_filename (dir, name, NULL);
  self->fd = g_mkstemp_full (self->tmp_path, O_RDWR | O_CLOEXEC, mode);
  if (self->fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&self->tmp_path, g_free);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: the first %s is a file name, the second a folder, the
                    * third why */
                   _("Could not save “%s”: no file can be written in the folder “%s” (%s)"),
                   self->display, dir, g_strerror (saved_errno));
      return FALSE;
    }
  /* The new file takes the old one's permissions and, where allowed, its group. */
  if (exists)
    {
      if (fchown (self->fd, (uid_t) -1, st->st_gid) != 0)
        g_debug ("Could not keep the group of %s: %s", self->path, g_strerror (errno));
      if (fchmod (self->fd, st->st_mode & 07777) != 0)
        g_debug ("Could not keep the mode of %s: %s", self->path, g_strerror (errno));
    }
  return TRUE;
}

WmSafeStream *
wm_safe_stream_new (GFile           *target,
                    WmSafeSaveFlags  flags,
                    const char      *expected_etag,
                    GError         **error)
{
  g_autoptr(WmSafeStream) self = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) resolved = NULL;
  struct stat st;
  gboolean exists;

  g_return_val_if_fail (G_IS_FILE (target), NULL);

  self = g_object_new (WM_TYPE_SAFE_STREAM, NULL);
  self->display = g_file_get_parse_name (target);
  path = g_file_get_path (target);
  if (path == NULL)
    {
      refuse (error, G_IO_ERROR_NOT_SUPPORTED,
              _("Could not save “%s”: only local files can be written"), self->display);
      return NULL;
    }
  self->path = resolve_links (path, self->display, error);
  if (self->path == NULL || !check_target (self->path, self->display, &st, &exists, error) ||
      !check_etag (self->path, self->display, expected_etag, error))
    return NULL;
  resolved = g_file_new_for_path (self->path);
  wm_safe_save_clean_stale (resolved);
  if (!open_tmp (self, flags, &st, exists, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
wm_safe_stream_commit (WmSafeStream *stream,
                       GCancellable *cancellable,
                       GError      **error)
{
  g_return_val_if_fail (WM_IS_SAFE_STREAM (stream), FALSE);

  stream->commit = TRUE;
  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

const char *
wm_safe_stream_get_etag (WmSafeStream *stream)
{
  g_return_val_if_fail (WM_IS_SAFE_STREAM (stream), NULL);
  return stream->etag;
}

gboolean
wm_safe_save_bytes (GFile           *file,
                    GBytes          *bytes,
                    WmSafeSaveFlags  flags,
                    const char      *expected_etag,
                    char           **new_etag,
                    GCancellable    *cancellable,
                    GError         **error)
{
  g_autoptr(WmSafeStream) stream = wm_safe_stream_new (file, flags, expected_etag, error);
  gsize size;
  const void *data;

  if (stream == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, size, NULL, cancellable, error)
      || !wm_safe_stream_commit (stream, cancellable, error))
    return FALSE;
  if (new_etag != NULL)
    *new_etag = g_strdup (stream->etag);
  return TRUE;
}

static gboolean
is_stale_tmp (const char *entry,
              const char *prefix)
{
  gsize prefix_len = strlen (prefix);

  return strncmp (entry, prefix, prefix_len) == 0 && strlen (entry + prefix_len) == 6;
}

void
wm_safe_save_clean_stale (GFile *target)
{
  g_autofree char *path = g_file_get_path (target);
  g_autofree char *dir_path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  if (path == NULL)
    return;
  dir_path = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  prefix = g_strdup_printf (".%s" WM_SAFE_SAVE_TMP_INFIX, base);
  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return;
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (is_stale_tmp (entry, prefix))
      {
        g_autofree char *stale = g_build_filename (dir_path, entry, NULL);

        g_unlink (stale);
      }
}

char *
wm_safe_save_query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return NULL;
  return g_strdup (g_file_info_get_etag (info));
}
