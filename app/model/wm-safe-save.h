/* wm-safe-save.h — the one routine every file Waymark writes goes through
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The recognisable part of a temporary file's name: ".NAME.wm-save-XXXXXX"
 * beside the target NAME. */
#define WM_SAFE_SAVE_TMP_INFIX ".wm-save-"

typedef enum
{
  WM_SAFE_SAVE_NONE    = 0,
  WM_SAFE_SAVE_PRIVATE = 1 << 0,  /* a new file is readable by its owner only */
} WmSafeSaveFlags;

#define WM_TYPE_SAFE_STREAM (wm_safe_stream_get_type ())
G_DECLARE_FINAL_TYPE (WmSafeStream, wm_safe_stream, WM, SAFE_STREAM, GOutputStream)

/* Opens a temporary file in the directory of @target (of the file a symlink
 * points to, when @target is one). Every write is checked; nothing reaches
 * @target until wm_safe_stream_commit(). Closing or dropping the stream
 * without a commit removes the temporary file and leaves @target as it was.
 *
 * When @expected_etag is not NULL and @target's etag differs from it (the
 * file changed on disk since it was read), fails with G_IO_ERROR_WRONG_ETAG. */
WmSafeStream *wm_safe_stream_new        (GFile           *target,
                                         WmSafeSaveFlags  flags,
                                         const char      *expected_etag,
                                         GError         **error);
/* Flushes, fsyncs and closes the temporary file, each step checked, then
 * renames it over the target. On any failure the temporary file is removed,
 * the target is left byte-identical and @error names the file and the cause. */
gboolean      wm_safe_stream_commit     (WmSafeStream    *stream,
                                         GCancellable    *cancellable,
                                         GError         **error);
/* The target's etag after a successful commit (NULL before). */
const char   *wm_safe_stream_get_etag   (WmSafeStream    *stream);

/* Writes @bytes to @file through a WmSafeStream. @new_etag, when not NULL,
 * receives the file's etag after the write. */
gboolean      wm_safe_save_bytes        (GFile           *file,
                                         GBytes          *bytes,
                                         WmSafeSaveFlags  flags,
                                         const char      *expected_etag,
                                         char           **new_etag,
                                         GCancellable    *cancellable,
                                         GError         **error);

/* Removes temporary files that a killed save of @target left beside it. */
void          wm_safe_save_clean_stale  (GFile           *target);

/* The etag of @file as the safe-save routine compares it, or NULL when the
 * file does not exist. */
char         *wm_safe_save_query_etag   (GFile           *file);

G_END_DECLS
