/* wm-format.h — reading and writing .waymark project files
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-project.h"

G_BEGIN_DECLS

#define WM_FILE_EXTENSION ".waymark"
#define WM_MIME_TYPE "application/x-waymark"

/* Parses, validates against the RELAX NG schema and builds a project.
 * @name appears in error messages ("name:line: what is wrong"). */
WmProject *wm_project_load_from_data (const char   *data,
                                      gsize         length,
                                      const char   *name,
                                      GError      **error);
WmProject *wm_project_load           (GFile        *file,
                                      GCancellable *cancellable,
                                      GError      **error);
void       wm_project_load_async     (GFile              *file,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data);
WmProject *wm_project_load_finish    (GAsyncResult       *result,
                                      GError            **error);

typedef enum
{
  WM_SAVE_NONE              = 0,
  /* Replace the project's own file even if it changed on disk since it was
   * read or last written (the analyst chose to keep their version). */
  WM_SAVE_OVERWRITE_CHANGES = 1 << 0,
} WmSaveFlags;

/* The deterministic serialisation: the same project always gives the same bytes. */
GBytes    *wm_project_serialize      (WmProject    *project);
/* Writes through the safe-save routine (wm-safe-save.h): a failed save leaves
 * the old file byte-identical. On success the project takes @file as its file
 * and is marked saved. Saving over the project's own file fails with
 * G_IO_ERROR_WRONG_ETAG when the file changed on disk since it was read or
 * last written, unless @flags has WM_SAVE_OVERWRITE_CHANGES. */
gboolean   wm_project_save           (WmProject    *project,
                                      GFile        *file,
                                      GCancellable *cancellable,
                                      GError      **error);
void       wm_project_save_async     (WmProject          *project,
                                      GFile              *file,
                                      WmSaveFlags         flags,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data);
gboolean   wm_project_save_finish    (WmProject          *project,
                                      GAsyncResult       *result,
                                      GError            **error);

G_END_DECLS
