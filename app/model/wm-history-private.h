/* wm-history-private.h — the undo history and the change objects it replays
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history knows no kind of edit. The module that makes an edit records
 * it as a change object of a class of its own (the diagram's item and header
 * changes in wm-diagram-changes.c, the project's in wm-project.c); the
 * history collects the changes into steps, merges steps of one gesture, and
 * reverts or applies a step's changes on undo and redo.
 */
#pragma once

#include "wm-diagram.h"
#include "wm-project.h"

G_BEGIN_DECLS

typedef struct _WmChange      WmChange;
typedef struct _WmChangeClass WmChangeClass;

/* The head of every change object: a class embeds it as its first member
 * and sets it with _wm_change_init(). */
struct _WmChange
{
  const WmChangeClass *klass;
  /* The diagram the change is in (a reference), whose "changed" signal
   * announces it when its step ends, is undone or redone; NULL for a change
   * to the project itself. */
  WmDiagram           *diagram;
};

/* What a kind of change does. apply, revert and free are required; the
 * others may be NULL. apply and revert run while the history replays a step,
 * so they change the model through its primitives, which record nothing. */
struct _WmChangeClass
{
  const char *name;
  /* Makes the change (again): redo. */
  void      (*apply)     (WmChange       *change,
                          WmProject      *project);
  /* Takes it back: undo. */
  void      (*revert)    (WmChange       *change,
                          WmProject      *project);
  /* Frees what the change holds and the change itself, but not its diagram. */
  void      (*free)      (WmChange       *change);
  /* For a change recorded open: takes the state after the edit, when its
   * step ends or when the recording module closes it earlier. */
  void      (*close)     (WmChange       *change,
                          WmProject      *project);
  /* Whether the closed change leaves everything as it found it; the step
   * then drops it, and a step left empty is no step. */
  gboolean  (*is_noop)   (WmChange       *change);
  /* Whether @later, of the same class and recorded by the next edit of the
   * same gesture, changes the same thing as @change. A class without it
   * never merges, nor does a step that holds such a change. */
  gboolean  (*can_merge) (const WmChange *change,
                          const WmChange *later);
  /* Folds @later into @change, which then ends where @later ends. */
  void      (*merge)     (WmChange       *change,
                          WmChange       *later);
};

/* Sets the head of a new change; takes a reference on @diagram, if any. */
void       _wm_change_init          (WmChange            *change,
                                     const WmChangeClass *klass,
                                     WmDiagram           *diagram);
void       _wm_change_free          (WmChange            *change);

WmHistory *_wm_history_new          (WmProject           *project);
void       _wm_history_free         (WmHistory           *history);

/* Steps: the changes recorded between the outermost begin and its end make
 * one step. Steps with the same @merge_key that follow each other (a drag, a
 * typing burst) merge into one when their changes all merge. */
void       _wm_history_begin        (WmHistory           *history,
                                     const char          *label,
                                     const char          *merge_key);
/* Reopens the step on top of the undo stack, if it is the latest edit. */
void       _wm_history_begin_joined (WmHistory           *history,
                                     const char          *label);
/* Closes the changes still open, drops those that changed nothing, and
 * announces the step through the "changed" signal of each diagram it touched. */
void       _wm_history_end          (WmHistory           *history);

/* Adds @change, taken, to the open step; the edit it records has been made. */
void       _wm_history_record       (WmHistory           *history,
                                     WmChange            *change);
/* Adds @change, taken, to the open step before the edit it records is made,
 * and keeps it open under @key (which must live as long as the change) until
 * the step ends or _wm_history_close_open() closes it. */
void       _wm_history_record_open  (WmHistory           *history,
                                     WmChange            *change,
                                     const char          *key);
/* The change of @klass open under @key in the open step, or NULL. */
WmChange  *_wm_history_find_open    (WmHistory           *history,
                                     const WmChangeClass *klass,
                                     const char          *key);
/* Closes the change of @klass open under @key now, if there is one. */
void       _wm_history_close_open   (WmHistory           *history,
                                     const WmChangeClass *klass,
                                     const char          *key);

gboolean   _wm_history_undo         (WmHistory           *history);
gboolean   _wm_history_redo         (WmHistory           *history);
gboolean   _wm_history_can_undo     (WmHistory           *history);
gboolean   _wm_history_can_redo     (WmHistory           *history);
const char *_wm_history_undo_label  (WmHistory           *history);
const char *_wm_history_redo_label  (WmHistory           *history);
gboolean   _wm_history_is_at_saved  (WmHistory           *history);
void       _wm_history_mark_saved   (WmHistory           *history);
/* An opaque token for the current state, and marking it as saved later; a
 * state that can no longer be reached leaves the project dirty. */
guint64    _wm_history_get_state    (WmHistory           *history);
void       _wm_history_mark_saved_state (WmHistory       *history,
                                         guint64          state);
void       _wm_history_break_merge  (WmHistory           *history);
void       _wm_history_clear        (WmHistory           *history);

G_END_DECLS
