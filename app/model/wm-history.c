/* wm-history.c — unlimited, exact undo and redo
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An edit records what it is about to change as operations in the open step:
 * an item's state before and after, an insertion or removal at a z position,
 * a restack, a diagram header, a diagram's place in the project or the
 * project's metadata. Undo replays a step's operations backwards with the
 * "before" states, redo forwards with the "after" states. Positions are
 * captured at the moment each operation happens, so replaying in order always
 * meets the same list it was recorded against.
 */
#define G_LOG_DOMAIN "wm-history"

#include "config.h"

#include "wm-model-private.h"

typedef enum
{
  OP_ITEM_MODIFY,
  OP_ITEM_INSERT,
  OP_ITEM_REMOVE,
  OP_ITEM_RESTACK,
  OP_HEADER,
  OP_DIAGRAM,
  OP_META,
} OpKind;

typedef struct
{
  OpKind     kind;
  WmDiagram *diagram;      /* owned reference; NULL for OP_META */
  WmItem    *before;       /* ITEM_MODIFY and ITEM_REMOVE */
  WmItem    *after;        /* ITEM_MODIFY and ITEM_INSERT */
  guint      z;            /* ITEM_INSERT, ITEM_REMOVE; ITEM_RESTACK from */
  guint      z_to;         /* ITEM_RESTACK to */
  char      *id;           /* ITEM_RESTACK */
  WmHeader  *header_before;
  WmHeader  *header_after;
  int        from;         /* OP_DIAGRAM: positions, -1 when absent */
  int        to;
  char      *meta_before[3];
  char      *meta_after[3];
} Op;

typedef struct
{
  guint64    serial;       /* unique in the history, never reused */
  char      *label;
  char      *merge_key;
  GPtrArray *ops;
} Step;

struct _WmHistory
{
  WmProject  *project;     /* weak: the project owns the history */
  GPtrArray  *undo;        /* Step, oldest first */
  GPtrArray  *redo;        /* Step, next to redo last */

  Step       *open;
  guint       depth;
  GHashTable *open_items;  /* item id -> Op (ITEM_MODIFY without its after state yet) */
  GHashTable *open_headers; /* WmDiagram -> Op */
  Op         *open_meta;
  GPtrArray  *touched;     /* diagrams whose deltas to flush when the step ends */

  guint64     next_serial;
  guint64     saved;       /* serial of the step on top of the undo stack when saved, 0: none */
  gboolean    saved_valid; /* FALSE once that state cannot be reached again */
  gboolean    no_merge;
  gboolean    replaying;
};

static void
op_free (Op *op)
{
  g_clear_object (&op->diagram);
  g_clear_pointer (&op->before, wm_item_free);
  g_clear_pointer (&op->after, wm_item_free);
  g_clear_pointer (&op->header_before, _wm_header_free);
  g_clear_pointer (&op->header_after, _wm_header_free);
  g_free (op->id);
  for (guint i = 0; i < 3; i++)
    {
      g_free (op->meta_before[i]);
      g_free (op->meta_after[i]);
    }
  g_free (op);
}

static Op *
op_new (OpKind     kind,
        WmDiagram *diagram)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->diagram = diagram ? g_object_ref (diagram) : NULL;
  return op;
}

static void
step_free (Step *step)
{
  g_free (step->label);
  g_free (step->merge_key);
  g_ptr_array_unref (step->ops);
  g_free (step);
}

WmHistory *
_wm_history_new (WmProject *project)
{
  WmHistory *history = g_new0 (WmHistory, 1);

  history->project = project;
  history->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  history->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  history->open_items = g_hash_table_new (g_str_hash, g_str_equal);
  history->open_headers = g_hash_table_new (NULL, NULL);
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
  g_hash_table_unref (history->open_items);
  g_hash_table_unref (history->open_headers);
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

static void
add_op (WmHistory *history,
        Op        *op)
{
  g_assert (history->open != NULL);
  g_ptr_array_add (history->open->ops, op);
  touch (history, op->diagram);
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
  history->open->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
}

/* Reopens the step on top of the undo stack: the ops recorded until the
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
_wm_history_item_will_change (WmHistory *history,
                              WmDiagram *diagram,
                              WmItem    *item)
{
  Op *op;

  if (g_hash_table_contains (history->open_items, item->id))
    return;
  op = op_new (OP_ITEM_MODIFY, diagram);
  op->before = wm_item_copy (item);
  g_hash_table_insert (history->open_items, op->before->id, op);
  add_op (history, op);
}

void
_wm_history_item_inserted (WmHistory *history,
                           WmDiagram *diagram,
                           WmItem    *item)
{
  Op *op = op_new (OP_ITEM_INSERT, diagram);

  op->after = wm_item_copy (item);
  op->z = item->z;
  add_op (history, op);
}

void
_wm_history_item_will_be_removed (WmHistory *history,
                                  WmDiagram *diagram,
                                  WmItem    *item)
{
  Op *modify = g_hash_table_lookup (history->open_items, item->id);
  Op *op;

  /* A change earlier in this step ends here: its after state is the one removed. */
  if (modify != NULL)
    {
      g_hash_table_remove (history->open_items, item->id);
      modify->after = wm_item_copy (item);
    }
  op = op_new (OP_ITEM_REMOVE, diagram);
  op->before = wm_item_copy (item);
  op->z = item->z;
  add_op (history, op);
}

void
_wm_history_item_restacked (WmHistory *history,
                            WmDiagram *diagram,
                            WmItem    *item,
                            guint      from,
                            guint      to)
{
  Op *op = op_new (OP_ITEM_RESTACK, diagram);

  op->id = g_strdup (item->id);
  op->z = from;
  op->z_to = to;
  add_op (history, op);
}

void
_wm_history_header_will_change (WmHistory *history,
                                WmDiagram *diagram)
{
  Op *op;

  if (g_hash_table_contains (history->open_headers, diagram))
    return;
  op = op_new (OP_HEADER, diagram);
  op->header_before = _wm_header_capture (diagram);
  g_hash_table_insert (history->open_headers, diagram, op);
  add_op (history, op);
}

void
_wm_history_diagram_moved (WmHistory *history,
                           WmDiagram *diagram,
                           int        from,
                           int        to)
{
  Op *op = op_new (OP_DIAGRAM, diagram);

  op->from = from;
  op->to = to;
  add_op (history, op);
}

static void
capture_meta (WmProject *project,
              char      *meta[3])
{
  meta[0] = g_strdup (wm_project_get_title (project));
  meta[1] = g_strdup (wm_project_get_author (project));
  meta[2] = g_strdup (wm_project_get_description (project));
}

void
_wm_history_meta_will_change (WmHistory *history)
{
  if (history->open_meta != NULL)
    return;
  history->open_meta = op_new (OP_META, NULL);
  capture_meta (history->project, history->open_meta->meta_before);
  add_op (history, history->open_meta);
}

/* Committing */

static gboolean
op_is_noop (Op *op)
{
  switch (op->kind)
    {
    case OP_ITEM_MODIFY:
      return wm_item_equal (op->before, op->after);
    case OP_HEADER:
      return _wm_header_equal (op->header_before, op->header_after);
    case OP_META:
      for (guint i = 0; i < 3; i++)
        if (g_strcmp0 (op->meta_before[i], op->meta_after[i]) != 0)
          return FALSE;
      return TRUE;
    case OP_ITEM_INSERT:
    case OP_ITEM_REMOVE:
    case OP_ITEM_RESTACK:
    case OP_DIAGRAM:
      return FALSE;
    default:
      g_assert_not_reached ();
    }
}

static void
finish_open_ops (WmHistory *history,
                 Step      *step)
{
  GHashTableIter iter;
  Op *op;

  g_hash_table_iter_init (&iter, history->open_items);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &op))
    op->after = wm_item_copy (wm_diagram_lookup (op->diagram, op->before->id));
  g_hash_table_remove_all (history->open_items);

  g_hash_table_iter_init (&iter, history->open_headers);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &op))
    op->header_after = _wm_header_capture (op->diagram);
  g_hash_table_remove_all (history->open_headers);

  if (history->open_meta != NULL)
    capture_meta (history->project, history->open_meta->meta_after);
  history->open_meta = NULL;

  for (guint i = step->ops->len; i > 0; i--)
    if (op_is_noop (g_ptr_array_index (step->ops, i - 1)))
      g_ptr_array_remove_index (step->ops, i - 1);
}

static gboolean
step_only_modifies (Step *step)
{
  for (guint i = 0; i < step->ops->len; i++)
    {
      Op *op = g_ptr_array_index (step->ops, i);
      if (op->kind != OP_ITEM_MODIFY && op->kind != OP_HEADER)
        return FALSE;
    }
  return TRUE;
}

static Op *
find_matching_op (Step *step,
                  Op   *like)
{
  for (guint i = 0; i < step->ops->len; i++)
    {
      Op *op = g_ptr_array_index (step->ops, i);

      if (op->kind != like->kind || op->diagram != like->diagram)
        continue;
      if (op->kind == OP_HEADER || g_str_equal (op->before->id, like->before->id))
        return op;
    }
  return NULL;
}

/* Folds @step into the top of the undo stack when both are the same
 * gesture (a drag, a typing burst) on the same items. */
static gboolean
try_merge (WmHistory *history,
           Step      *step)
{
  Step *top;

  if (history->no_merge || step->merge_key == NULL || history->undo->len == 0)
    return FALSE;
  top = g_ptr_array_index (history->undo, history->undo->len - 1);
  if (top->serial == history->saved || g_strcmp0 (top->merge_key, step->merge_key) != 0 ||
      !step_only_modifies (top) || !step_only_modifies (step) || top->ops->len != step->ops->len)
    return FALSE;
  for (guint i = 0; i < step->ops->len; i++)
    if (find_matching_op (top, g_ptr_array_index (step->ops, i)) == NULL)
      return FALSE;

  for (guint i = 0; i < step->ops->len; i++)
    {
      Op *op = g_ptr_array_index (step->ops, i);
      Op *into = find_matching_op (top, op);

      if (op->kind == OP_HEADER)
        {
          _wm_header_free (into->header_after);
          into->header_after = g_steal_pointer (&op->header_after);
        }
      else
        {
          wm_item_free (into->after);
          into->after = g_steal_pointer (&op->after);
        }
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
  finish_open_ops (history, step);
  if (step->ops->len > 0)
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
apply_item_state (WmDiagram    *diagram,
                  const WmItem *state)
{
  WmItem *live = wm_diagram_lookup (diagram, state->id);

  g_assert (live != NULL);
  _wm_diagram_note_modified (diagram, live);
  _wm_item_assign (live, state);
}

static void
remove_item_by_id (WmDiagram  *diagram,
                   const char *id)
{
  WmItem *live = wm_diagram_lookup (diagram, id);

  g_assert (live != NULL);
  wm_item_free (_wm_diagram_take_item (diagram, live));
}

static void
apply_diagram_op (WmHistory *history,
                  Op        *op,
                  gboolean   forward)
{
  int remove_at = forward ? op->from : op->to;
  int insert_at = forward ? op->to : op->from;

  if (remove_at >= 0)
    _wm_project_remove_diagram_at (history->project, (guint) remove_at);
  if (insert_at >= 0)
    _wm_project_insert_diagram (history->project, op->diagram, (guint) insert_at);
}

static void
apply_op (WmHistory *history,
          Op        *op,
          gboolean   forward)
{
  switch (op->kind)
    {
    case OP_ITEM_MODIFY:
      apply_item_state (op->diagram, forward ? op->after : op->before);
      break;
    case OP_ITEM_INSERT:
    case OP_ITEM_REMOVE:
      if ((op->kind == OP_ITEM_INSERT) == forward)
        _wm_diagram_insert_item (op->diagram, wm_item_copy (forward ? op->after : op->before),
                                 op->z);
      else
        remove_item_by_id (op->diagram, (op->after ? op->after : op->before)->id);
      break;
    case OP_ITEM_RESTACK:
      _wm_diagram_move_in_z (op->diagram, wm_diagram_lookup (op->diagram, op->id),
                             forward ? op->z_to : op->z);
      break;
    case OP_HEADER:
      _wm_header_restore (op->diagram, forward ? op->header_after : op->header_before);
      break;
    case OP_DIAGRAM:
      apply_diagram_op (history, op, forward);
      break;
    case OP_META:
      {
        char **meta = forward ? op->meta_after : op->meta_before;
        _wm_project_set_meta (history->project, meta[0], meta[1], meta[2]);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  touch (history, op->diagram);
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
  history->replaying = TRUE;
  if (forward)
    for (guint i = 0; i < step->ops->len; i++)
      apply_op (history, g_ptr_array_index (step->ops, i), TRUE);
  else
    for (guint i = step->ops->len; i > 0; i--)
      apply_op (history, g_ptr_array_index (step->ops, i - 1), FALSE);
  history->replaying = FALSE;
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
