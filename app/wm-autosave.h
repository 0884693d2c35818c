/* wm-autosave.h — recovery copies of unsaved projects, and finding them after a crash
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "waymark-model.h"

G_BEGIN_DECLS

#define WM_TYPE_AUTOSAVE (wm_autosave_get_type ())
G_DECLARE_FINAL_TYPE (WmAutosave, wm_autosave, WM, AUTOSAVE, GObject)

/* An autosave left behind by a process that is gone. */
typedef struct
{
  char      *path;          /* the recovery copy, a .waymark file */
  char      *index_path;    /* the key file that describes it */
  GFile     *original;      /* the project's own file, or NULL if it was never saved */
  char      *title;         /* the project's title, maybe empty */
  GDateTime *time;          /* when the copy was written */
  gint64     pid;           /* the process that wrote it */
  gboolean   damaged;       /* the copy cannot be loaded: it can only be discarded */
  char      *damage;        /* why, when damaged */
} WmAutosaveEntry;

#define WM_TYPE_AUTOSAVE_ENTRY (wm_autosave_entry_get_type ())
GType            wm_autosave_entry_get_type (void) G_GNUC_CONST;
WmAutosaveEntry *wm_autosave_entry_copy     (const WmAutosaveEntry *entry);
void             wm_autosave_entry_free     (WmAutosaveEntry       *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmAutosaveEntry, wm_autosave_entry_free)

/* Every @interval_seconds while @project is dirty, writes it to
 * $XDG_STATE_HOME/waymark/autosave/; deletes the copy when the project is
 * saved. An interval of 0 stops the timer. */
WmAutosave *wm_autosave_new          (WmProject  *project,
                                      guint       interval_seconds);
WmProject  *wm_autosave_get_project  (WmAutosave *self);
guint       wm_autosave_get_interval (WmAutosave *self);
void        wm_autosave_set_interval (WmAutosave *self,
                                      guint       interval_seconds);
gboolean    wm_autosave_get_enabled  (WmAutosave *self);
void        wm_autosave_set_enabled  (WmAutosave *self,
                                      gboolean    enabled);
/* The recovery copy this autosave writes, whether or not it exists yet. */
char       *wm_autosave_dup_path     (WmAutosave *self);
/* Deletes the recovery copy and stops: for a window closed on purpose. */
void        wm_autosave_discard      (WmAutosave *self);

/* The autosaves of processes that are gone, newest first (WmAutosaveEntry).
 * Each copy is loaded to see that it can be: one that cannot (truncated,
 * corrupt, missing, or with an unreadable index) is listed as damaged. */
GPtrArray  *wm_autosave_find_orphans (void);
/* Loads an orphan; the project is dirty and has the original file, if any.
 * A damaged orphan fails with G_IO_ERROR_INVALID_DATA. When the original
 * file changed after the copy was written, saving over it is refused with
 * G_IO_ERROR_WRONG_ETAG (the window then asks) rather than done unasked. */
WmProject  *wm_autosave_recover      (const WmAutosaveEntry *entry,
                                      GError               **error);
/* Deletes an orphan's files, unless another process has taken them over. */
void        wm_autosave_entry_delete (const WmAutosaveEntry *entry);

/* Writes the copy now if the project is dirty; what the timer runs (tests use it). */
gboolean    _wm_autosave_tick        (WmAutosave *self,
                                      GError    **error);

G_END_DECLS
