/* wm-diagram-changes.c — the change objects of a diagram's edits
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diagram's edits (wm-diagram-edit.c) record what they change as these
 * change objects: an item's state before and after, an item put in or taken
 * out at the z position of that moment, a restack, and a snapshot of the
 * diagram's header (name, fields and lists) before and after. The history
 * (wm-history.c) replays them without knowing which kinds there are.
 */
#define G_LOG_DOMAIN "wm-diagram"

#include "config.h"

#include "wm-diagram-private.h"
#include "wm-history-private.h"
#include "wm-item-private.h"
#include "wm-project-private.h"

/* An item's state: "before" taken when the edit starts, "after" when its
 * step ends or the item is removed. */
typedef struct
{
  WmChange parent;
  WmItem  *before;
  WmItem  *after;
} ItemState;

static void
item_state_put (WmDiagram    *diagram,
                const WmItem *state)
{
  WmItem *live = wm_diagram_lookup (diagram, state->id);

  g_assert (live != NULL);
  _wm_diagram_note_modified (diagram, live);
  _wm_item_assign (live, state);
}

static void
item_state_apply (WmChange  *change,
                  WmProject *project)
{
  item_state_put (change->diagram, ((ItemState *) change)->after);
}

static void
item_state_revert (WmChange  *change,
                   WmProject *project)
{
  item_state_put (change->diagram, ((ItemState *) change)->before);
}

static void
item_state_free (WmChange *change)
{
  ItemState *self = (ItemState *) change;

  wm_item_free (self->before);
  wm_item_free (self->after);
  g_free (self);
}

static void
item_state_close (WmChange  *change,
                  WmProject *project)
{
  ItemState *self = (ItemState *) change;

  g_assert (self->after == NULL);
  self->after = wm_item_copy (wm_diagram_lookup (change->diagram, self->before->id));
}

static gboolean
item_state_is_noop (WmChange *change)
{
  ItemState *self = (ItemState *) change;

  return wm_item_equal (self->before, self->after);
}

static gboolean
item_state_can_merge (const WmChange *change,
                      const WmChange *later)
{
  return change->diagram == later->diagram &&
         g_str_equal (((ItemState *) change)->before->id, ((ItemState *) later)->before->id);
}

static void
item_state_merge (WmChange *change,
                  WmChange *later)
{
  ItemState *self = (ItemState *) change;

  wm_item_free (self->after);
  self->after = g_steal_pointer (&((ItemState *) later)->after);
}

static const WmChangeClass item_state_class = {
  .name = "item-state",
  .apply = item_state_apply,
  .revert = item_state_revert,
  .free = item_state_free,
  .close = item_state_close,
  .is_noop = item_state_is_noop,
  .can_merge = item_state_can_merge,
  .merge = item_state_merge,
};

void
_wm_diagram_record_item_will_change (WmDiagram *self,
                                     WmHistory *history,
                                     WmItem    *item)
{
  ItemState *change;

  if (_wm_history_find_open (history, &item_state_class, item->id) != NULL)
    return;
  change = g_new0 (ItemState, 1);
  _wm_change_init (&change->parent, &item_state_class, self);
  change->before = wm_item_copy (item);
  _wm_history_record_open (history, &change->parent, change->before->id);
}

/* An item put into the diagram or taken out of it, at z position @z. */
typedef struct
{
  WmChange parent;
  WmItem  *item;
  guint    z;
} ItemPlace;

static void
item_place_put (WmChange *change)
{
  ItemPlace *self = (ItemPlace *) change;

  _wm_diagram_insert_item (change->diagram, wm_item_copy (self->item), self->z);
}

/* The project remembers what a removed item was, so that a link to it can
 * still say what it pointed at. */
static void
note_removed (WmDiagram    *diagram,
              const WmItem *item)
{
  WmProject *project = wm_diagram_get_project (diagram);

  if (project != NULL)
    _wm_project_note_removed_item (project, diagram, item);
}

static void
item_place_take (WmChange *change)
{
  WmItem *live = wm_diagram_lookup (change->diagram, ((ItemPlace *) change)->item->id);

  g_assert (live != NULL);
  note_removed (change->diagram, live);
  wm_item_free (_wm_diagram_take_item (change->diagram, live));
}

static void
item_inserted_apply (WmChange  *change,
                     WmProject *project)
{
  item_place_put (change);
}

static void
item_inserted_revert (WmChange  *change,
                      WmProject *project)
{
  item_place_take (change);
}

static void
item_removed_apply (WmChange  *change,
                    WmProject *project)
{
  item_place_take (change);
}

static void
item_removed_revert (WmChange  *change,
                     WmProject *project)
{
  item_place_put (change);
}

static void
item_place_free (WmChange *change)
{
  wm_item_free (((ItemPlace *) change)->item);
  g_free (change);
}

static const WmChangeClass item_inserted_class = {
  .name = "item-inserted",
  .apply = item_inserted_apply,
  .revert = item_inserted_revert,
  .free = item_place_free,
};

static const WmChangeClass item_removed_class = {
  .name = "item-removed",
  .apply = item_removed_apply,
  .revert = item_removed_revert,
  .free = item_place_free,
};

static void
record_item_place (WmDiagram           *self,
                   WmHistory           *history,
                   const WmChangeClass *klass,
                   WmItem              *item)
{
  ItemPlace *change = g_new0 (ItemPlace, 1);

  _wm_change_init (&change->parent, klass, self);
  change->item = wm_item_copy (item);
  change->z = item->z;
  _wm_history_record (history, &change->parent);
}

void
_wm_diagram_record_item_inserted (WmDiagram *self,
                                  WmHistory *history,
                                  WmItem    *item)
{
  record_item_place (self, history, &item_inserted_class, item);
}

void
_wm_diagram_record_item_will_be_removed (WmDiagram *self,
                                         WmHistory *history,
                                         WmItem    *item)
{
  /* A change earlier in this step ends here: its after state is the one removed. */
  _wm_history_close_open (history, &item_state_class, item->id);
  record_item_place (self, history, &item_removed_class, item);
  note_removed (self, item);
}

/* An item moved in the z-order from one position to another. */
typedef struct
{
  WmChange parent;
  char    *id;
  guint    from;
  guint    to;
} ItemRestack;

static void
item_restack_apply (WmChange  *change,
                    WmProject *project)
{
  ItemRestack *self = (ItemRestack *) change;

  _wm_diagram_move_in_z (change->diagram, wm_diagram_lookup (change->diagram, self->id), self->to);
}

static void
item_restack_revert (WmChange  *change,
                     WmProject *project)
{
  ItemRestack *self = (ItemRestack *) change;

  _wm_diagram_move_in_z (change->diagram, wm_diagram_lookup (change->diagram, self->id),
                         self->from);
}

static void
item_restack_free (WmChange *change)
{
  g_free (((ItemRestack *) change)->id);
  g_free (change);
}

static const WmChangeClass item_restack_class = {
  .name = "item-restack",
  .apply = item_restack_apply,
  .revert = item_restack_revert,
  .free = item_restack_free,
};

void
_wm_diagram_record_item_restacked (WmDiagram *self,
                                   WmHistory *history,
                                   WmItem    *item,
                                   guint      from,
                                   guint      to)
{
  ItemRestack *change = g_new0 (ItemRestack, 1);

  _wm_change_init (&change->parent, &item_restack_class, self);
  change->id = g_strdup (item->id);
  change->from = from;
  change->to = to;
  _wm_history_record (history, &change->parent);
}

/* The diagram's header before an edit and, once its step ends, after it. */
typedef struct
{
  WmChange  parent;
  WmHeader *before;
  WmHeader *after;
} HeaderState;

static void
header_state_apply (WmChange  *change,
                    WmProject *project)
{
  _wm_header_restore (change->diagram, ((HeaderState *) change)->after);
}

static void
header_state_revert (WmChange  *change,
                     WmProject *project)
{
  _wm_header_restore (change->diagram, ((HeaderState *) change)->before);
}

static void
header_state_free (WmChange *change)
{
  HeaderState *self = (HeaderState *) change;

  _wm_header_free (self->before);
  _wm_header_free (self->after);
  g_free (self);
}

static void
header_state_close (WmChange  *change,
                    WmProject *project)
{
  HeaderState *self = (HeaderState *) change;

  g_assert (self->after == NULL);
  self->after = _wm_header_capture (change->diagram);
}

static gboolean
header_state_is_noop (WmChange *change)
{
  HeaderState *self = (HeaderState *) change;

  return _wm_header_equal (self->before, self->after);
}

static gboolean
header_state_can_merge (const WmChange *change,
                        const WmChange *later)
{
  return change->diagram == later->diagram;
}

static void
header_state_merge (WmChange *change,
                    WmChange *later)
{
  HeaderState *self = (HeaderState *) change;

  _wm_header_free (self->after);
  self->after = g_steal_pointer (&((HeaderState *) later)->after);
}

static const WmChangeClass header_state_class = {
  .name = "diagram-header",
  .apply = header_state_apply,
  .revert = header_state_revert,
  .free = header_state_free,
  .close = header_state_close,
  .is_noop = header_state_is_noop,
  .can_merge = header_state_can_merge,
  .merge = header_state_merge,
};

void
_wm_diagram_record_header_will_change (WmDiagram *self,
                                       WmHistory *history)
{
  HeaderState *change;

  /* Diagram ids are unique in the project and never change. */
  if (_wm_history_find_open (history, &header_state_class, self->id) != NULL)
    return;
  change = g_new0 (HeaderState, 1);
  _wm_change_init (&change->parent, &header_state_class, self);
  change->before = _wm_header_capture (self);
  _wm_history_record_open (history, &change->parent, self->id);
}
