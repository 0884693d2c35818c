/* wm-history.c — unlimited, exact undo and redo
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history stores, groups, merges and replays change objects; what a
 * change is and how it is undone is its class's business (see
 * wm-history-private.h). An edit records its changes in the open step as it
 * makes them. Undo reverts a step's changes backwards and redo applies them
 * forwards; each change captures the positions of the moment it happened, so
 * replaying in order always meets the same model it was recorded against.
 */
#define G_LOG_DOMAIN "wm-history"

#include "config.h"

#include "wm-diagram-private.h"
#include "wm-history-private.h"
#include "wm-project-private.h"

typedef struct
{
  guint64    serial;       /* unique in the history, never reused */
  char      *label;
  char      *merge_key;
  GPtrArray *changes;      /* WmChange, in the order they happened */
} Step;

struct _WmHistory
{
  WmProject  *project;     /* weak: the project owns the history */
  GPtrArray  *undo;        /* Step, oldest first */
  GPtrArray  *redo;        /* Step, next to redo last */

  Step       *open;
  guint       depth;
  GHashTable *open_changes; /* WmChangeClass -> (key -> WmChange not yet closed) */
  GPtrArray  *touched;     /* diagrams whose deltas to flush when the step ends */

  guint64     next_serial;
  guint64     saved;       /* serial of the step on top of the undo stack when saved, 0: none */
  gboolean    saved_valid; /* FALSE once that state cannot be reached again */
  gboolean    no_merge;
  gboolean    replaying;
};

/* Changes */

void
_wm_change_init (WmChange            *change,
                 const WmChangeClass *klass,
                 WmDiagram           *diagram)
{
  g_assert (klass->apply != NULL && klass->revert != NULL && klass->free != NULL);
  g_assert (klass->can_merge == NULL || klass->merge != NULL);

  change->klass = klass;
  change->diagram = diagram ? g_object_ref (diagram) : NULL;
}

void
_wm_change_free (WmChange *change)
{
  WmDiagram *diagram = change->diagram;

  change->klass->free (change);
  g_clear_object (&diagram);
}

static gboolean
change_is_noop (WmChange *change)
{
  return change->klass->is_noop != NULL && change->klass->is_noop (change);
}

/* Steps */

static void
step_free (Step *step)
{
  g_free (step->label);
  g_free (step->merge_key);
  g_ptr_array_unref (step->changes);
  g_free (step);
}

WmHistory *
_wm_history_new (WmProject *project)
{
  WmHistory *history = g_new0 (WmHistory, 1);

  history->project = project;
  history->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  history->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  history->open_changes = g_hash_table_new_full (NULL, NULL, NULL,
                                                 (GDestroyNotify) g_hash_table_unref);
  history->touched = g_ptr_array_new_with_free_func (g_object_unref);
  history->saved_valid = TRUE;
  return history;
}

void
_wm_history_free (WmHistory *history)
{
  g_clear_pointer (&history->open, step_free);
  g_ptr_array_unref (history->undo);
  g_ptr_array_unref (history->redo);
  g_hash_table_unref (history->open_changes);
  g_ptr_array_unref (history->touched);
  g_free (history);
}

static void
touch (WmHistory *history,
       WmDiagram *diagram)
{
  if (diagram != NULL && !g_ptr_array_find (history->touched, diagram, NULL))
    g_ptr_array_add (history->touched, g_object_ref (diagram));
}

static void
flush_touched (WmHistory *history)
{
  g_autoptr(GPtrArray) touched = history->touched;

  history->touched = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < touched->len; i++)
    _wm_diagram_flush_delta (g_ptr_array_index (touched, i));
}

/* Recording */

void
_wm_history_begin (WmHistory  *history,
                   const char *label,
                   const char *merge_key)
{
  g_return_if_fail (!history->replaying);

  if (history->depth++ > 0)
    return;
  history->open = g_new0 (Step, 1);
  history->open->serial = ++history->next_serial;
  history->open->label = g_strdup (label);
  history->open->merge_key = g_strdup (merge_key);
  history->open->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) _wm_change_free);
}

/* Reopens the step on top of the undo stack: the changes recorded until the
 * matching end are appended to it, and undone first. It takes a new serial,
 * so a state saved between the two is no longer the current one. */
void
_wm_history_begin_joined (WmHistory  *history,
                          const char *label)
{
  Step *top;

  g_return_if_fail (!history->replaying);

  /* After an undo the top step is no longer the latest edit: nothing to join. */
  if (history->depth > 0 || history->undo->len == 0 || history->redo->len > 0)
    {
      _wm_history_begin (history, label, NULL);
      return;
    }
  history->depth++;
  top = g_ptr_array_steal_index (history->undo, history->undo->len - 1);
  top->serial = ++history->next_serial;
  g_clear_pointer (&top->merge_key, g_free);
  if (label != NULL)
    {
      g_free (top->label);
      top->label = g_strdup (label);
    }
  history->open = top;
}

void
_wm_history_record (WmHistory *history,
                    WmChange  *change)
{
  g_assert (history->open != NULL);
  g_assert (!history->replaying);

  g_ptr_array_add (history->open->changes, change);
  touch (history, change->diagram);
}

static GHashTable *
open_of_class (WmHistory           *history,
               const WmChangeClass *klass,
               gboolean             create)
{
  GHashTable *open = g_hash_table_lookup (history->open_changes, klass);

  if (open == NULL && create)
    {
      open = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (history->open_changes, (gpointer) klass, open);
    }
  return open;
}

void
_wm_history_record_open (WmHistory  *history,
                         WmChange   *change,
                         const char *key)
{
  GHashTable *open = open_of_class (history, change->klass, TRUE);

  g_assert (change->klass->close != NULL);
  g_assert (!g_hash_table_contains (open, key));

  g_hash_table_insert (open, (gpointer) key, change);
  _wm_history_record (history, change);
}

WmChange *
_wm_history_find_open (WmHistory           *history,
                       const WmChangeClass *klass,
                       const char          *key)
{
  GHashTable *open = open_of_class (history, klass, FALSE);

  return open != NULL ? g_hash_table_lookup (open, key) : NULL;
}

void
_wm_history_close_open (WmHistory           *history,
                        const WmChangeClass *klass,
                        const char          *key)
{
  GHashTable *open = open_of_class (history, klass, FALSE);
  WmChange *change = open != NULL ? g_hash_table_lookup (open, key) : NULL;

  if (change == NULL)
    return;
  g_hash_table_remove (open, key);
  klass->close (change, history->project);
}

/* Committing */

static void
close_open_changes (WmHistory *history)
{
  GHashTableIter classes, iter;
  GHashTable *open;
  WmChange *change;

  g_hash_table_iter_init (&classes, history->open_changes);
  while (g_hash_table_iter_next (&classes, NULL, (gpointer *) &open))
    {
      g_hash_table_iter_init (&iter, open);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &change))
        change->klass->close (change, history->project);
    }
  g_hash_table_remove_all (history->open_changes);
}

static void
drop_noops (Step *step)
{
  for (guint i = step->changes->len; i > 0; i--)
    if (change_is_noop (g_ptr_array_index (step->changes, i - 1)))
      g_ptr_array_remove_index (step->changes, i - 1);
}

static gboolean
step_can_merge (Step *step)
{
  for (guint i = 0; i < step->changes->len; i++)
    if (((WmChange *) g_ptr_array_index (step->changes, i))->klass->can_merge == NULL)
      return FALSE;
  return TRUE;
}

static WmChange *
find_merge_partner (Step     *step,
                    WmChange *later)
{
  for (guint i = 0; i < step->changes->len; i++)
    {
      WmChange *change = g_ptr_array_index (step->changes, i);

      if (change->klass == later->klass && change->klass->can_merge (change, later))
        return change;
    }
  return NULL;
}

/* Folds @step into the top of the undo stack when both are the same
 * gesture (a drag, a typing burst) and each change of one continues a
 * change of the other. */
static gboolean
try_merge (WmHistory *history,
           Step      *step)
{
  Step *top;

  if (history->no_merge || step->merge_key == NULL || history->undo->len == 0)
    return FALSE;
  top = g_ptr_array_index (history->undo, history->undo->len - 1);
  if (top->serial == history->saved || g_strcmp0 (top->merge_key, step->merge_key) != 0 ||
      !step_can_merge (top) || !step_can_merge (step) ||
      top->changes->len != step->changes->len)
    return FALSE;
  for (guint i = 0; i < step->changes->len; i++)
    if (find_merge_partner (top, g_ptr_array_index (step->changes, i)) == NULL)
      return FALSE;

  for (guint i = 0; i < step->changes->len; i++)
    {
      WmChange *later = g_ptr_array_index (step->changes, i);

      later->klass->merge (find_merge_partner (top, later), later);
    }
  return TRUE;
}

static void
clear_redo (WmHistory *history)
{
  for (guint i = 0; i < history->redo->len; i++)
    if (((Step *) g_ptr_array_index (history->redo, i))->serial == history->saved)
      history->saved_valid = FALSE;
  g_ptr_array_set_size (history->redo, 0);
}

void
_wm_history_end (WmHistory *history)
{
  Step *step;

  g_return_if_fail (history->depth > 0);

  if (--history->depth > 0)
    return;

  step = g_steal_pointer (&history->open);
  close_open_changes (history);
  drop_noops (step);
  if (step->changes->len > 0)
    {
      clear_redo (history);
      if (try_merge (history, step))
        step_free (step);
      else
        g_ptr_array_add (history->undo, step);
      history->no_merge = FALSE;
    }
  else
    step_free (step);

  flush_touched (history);
  _wm_project_history_changed (history->project);
}

/* Replaying */

static void
replay_step (WmHistory *history,
             Step      *step,
             gboolean   forward)
{
  guint n = step->changes->len;

  history->replaying = TRUE;
  for (guint i = 0; i < n; i++)
    {
      WmChange *change = g_ptr_array_index (step->changes, forward ? i : n - 1 - i);

      if (forward)
        change->klass->apply (change, history->project);
      else
        change->klass->revert (change, history->project);
      touch (history, change->diagram);
    }
  history->replaying = FALSE;
}

static gboolean
replay (WmHistory *history,
        GPtrArray *from,
        GPtrArray *to,
        gboolean   forward)
{
  Step *step;

  g_return_val_if_fail (history->depth == 0, FALSE);
  if (from->len == 0)
    return FALSE;

  step = g_ptr_array_steal_index (from, from->len - 1);
  replay_step (history, step, forward);
  g_ptr_array_add (to, step);
  history->no_merge = TRUE;

  flush_touched (history);
  _wm_project_history_changed (history->project);
  return TRUE;
}

gboolean
_wm_history_undo (WmHistory *history)
{
  return replay (history, history->undo, history->redo, FALSE);
}

gboolean
_wm_history_redo (WmHistory *history)
{
  return replay (history, history->redo, history->undo, TRUE);
}

gboolean
_wm_history_can_undo (WmHistory *history)
{
  return history->undo->len > 0;
}

gboolean
_wm_history_can_redo (WmHistory *history)
{
  return history->redo->len > 0;
}

static const char *
top_label (GPtrArray *steps)
{
  return steps->len ? ((Step *) g_ptr_array_index (steps, steps->len - 1))->label : NULL;
}

const char *
_wm_history_undo_label (WmHistory *history)
{
  return top_label (history->undo);
}

const char *
_wm_history_redo_label (WmHistory *history)
{
  return top_label (history->redo);
}

/* The saved state */

static guint64
top_serial (GPtrArray *steps)
{
  return steps->len ? ((Step *) g_ptr_array_index (steps, steps->len - 1))->serial : 0;
}

static gboolean
holds_serial (GPtrArray *steps,
              guint64    serial)
{
  for (guint i = 0; i < steps->len; i++)
    if (((Step *) g_ptr_array_index (steps, i))->serial == serial)
      return TRUE;
  return FALSE;
}

gboolean
_wm_history_is_at_saved (WmHistory *history)
{
  return history->saved_valid && top_serial (history->undo) == history->saved;
}

guint64
_wm_history_get_state (WmHistory *history)
{
  return top_serial (history->undo);
}

void
_wm_history_mark_saved_state (WmHistory *history,
                              guint64    state)
{
  history->saved = state;
  history->saved_valid = state == 0 || holds_serial (history->undo, state) ||
                         holds_serial (history->redo, state);
}

void
_wm_history_mark_saved (WmHistory *history)
{
  _wm_history_mark_saved_state (history, _wm_history_get_state (history));
}

void
_wm_history_break_merge (WmHistory *history)
{
  history->no_merge = TRUE;
}

void
_wm_history_clear (WmHistory *history)
{
  gboolean was_saved = _wm_history_is_at_saved (history);

  g_return_if_fail (history->depth == 0);
  g_ptr_array_set_size (history->undo, 0);
  g_ptr_array_set_size (history->redo, 0);
  history->saved = 0;
  history->saved_valid = was_saved;
  _wm_project_history_changed (history->project);
}
