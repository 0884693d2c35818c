/* wm-project.c — a Waymark project: metadata, diagrams and the undo history
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-project"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "wm-diagram-private.h"
#include "wm-error.h"
#include "wm-history-private.h"
#include "wm-limits.h"
#include "wm-project-private.h"

struct _WmProject
{
  GObject    parent_instance;

  char      *title;
  char      *author;
  char      *description;
  GFile     *file;
  char      *file_etag;  /* the file's etag when it was read or last written */
  GBytes    *loaded;     /* what wm_project_load_async() read from the file, until taken */
  GPtrArray *diagrams;
  WmHistory *history;
  GHashTable *issued;      /* ids handed out this session, never handed out again */
  guint64    next_serial;  /* with serial_ids: numbers the new ids */
  GHashTable *removed_items;    /* item id -> RemovedItem, as it was when removed */
  GPtrArray  *removed_diagrams; /* WmDiagram, deleted this session, oldest first */

  guint      read_only : 1;
  guint      serial_ids : 1;
  guint      dirty : 1;
  guint      can_undo : 1;
  guint      can_redo : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WmProject, wm_project, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_AUTHOR,
  PROP_DESCRIPTION,
  PROP_FILE,
  PROP_DIRTY,
  PROP_READ_ONLY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
list_model_get_item_type (GListModel *model)
{
  return WM_TYPE_DIAGRAM;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return WM_PROJECT (model)->diagrams->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  WmProject *self = WM_PROJECT (model);

  if (position >= self->diagrams->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->diagrams, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
detach_diagram (gpointer data)
{
  _wm_diagram_set_project (data, NULL);
  g_object_unref (data);
}

/* What an item was when it was removed (wm_project_recall_removed_item()). */
typedef struct
{
  char             *text;
  const WmItemType *type;
  char             *diagram_name;
} RemovedItem;

static void
removed_item_free (gpointer data)
{
  RemovedItem *removed = data;

  g_free (removed->text);
  g_free (removed->diagram_name);
  g_free (removed);
}

static void
wm_project_finalize (GObject *object)
{
  WmProject *self = (WmProject *) object;

  /* The history holds diagrams too; it goes first so that they can be detached. */
  g_clear_pointer (&self->history, _wm_history_free);
  g_clear_pointer (&self->diagrams, g_ptr_array_unref);
  g_clear_pointer (&self->removed_items, g_hash_table_unref);
  g_clear_pointer (&self->issued, g_hash_table_unref);
  g_clear_pointer (&self->removed_diagrams, g_ptr_array_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->file_etag, g_free);
  g_clear_pointer (&self->loaded, g_bytes_unref);
  g_free (self->title);
  g_free (self->author);
  g_free (self->description);

  G_OBJECT_CLASS (wm_project_parent_class)->finalize (object);
}

static void
wm_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WmProject *self = WM_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_AUTHOR: g_value_set_string (value, self->author); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_FILE: g_value_set_object (value, self->file); break;
    case PROP_DIRTY: g_value_set_boolean (value, self->dirty); break;
    case PROP_READ_ONLY: g_value_set_boolean (value, self->read_only); break;
    case PROP_CAN_UNDO: g_value_set_boolean (value, self->can_undo); break;
    case PROP_CAN_REDO: g_value_set_boolean (value, self->can_redo); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_project_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WmProject *self = WM_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE: wm_project_set_title (self, g_value_get_string (value)); break;
    case PROP_AUTHOR: wm_project_set_author (self, g_value_get_string (value)); break;
    case PROP_DESCRIPTION: wm_project_set_description (self, g_value_get_string (value)); break;
    case PROP_FILE: wm_project_set_file (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                              G_PARAM_EXPLICIT_NOTIFY);
}

static GParamSpec *
flag_pspec (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                               G_PARAM_EXPLICIT_NOTIFY);
}

static void
wm_project_class_init (WmProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_project_finalize;
  object_class->get_property = wm_project_get_property;
  object_class->set_property = wm_project_set_property;

  properties[PROP_TITLE] = string_pspec ("title");
  properties[PROP_AUTHOR] = string_pspec ("author");
  properties[PROP_DESCRIPTION] = string_pspec ("description");
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DIRTY] = flag_pspec ("dirty");
  properties[PROP_READ_ONLY] = flag_pspec ("read-only");
  properties[PROP_CAN_UNDO] = flag_pspec ("can-undo");
  properties[PROP_CAN_REDO] = flag_pspec ("can-redo");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_project_init (WmProject *self)
{
  self->title = g_strdup ("");
  self->author = g_strdup ("");
  self->description = g_strdup ("");
  self->diagrams = g_ptr_array_new_with_free_func (detach_diagram);
  self->history = _wm_history_new (self);
  self->removed_items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, removed_item_free);
  self->issued = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->removed_diagrams = g_ptr_array_new_with_free_func (g_object_unref);
}

WmProject *
wm_project_new (void)
{
  return g_object_new (WM_TYPE_PROJECT, NULL);
}

/* Metadata */

const char *
wm_project_get_title (WmProject *self)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), NULL);
  return self->title;
}

const char *
wm_project_get_author (WmProject *self)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), NULL);
  return self->author;
}

const char *
wm_project_get_description (WmProject *self)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), NULL);
  return self->description;
}

static void
replace_string (WmProject  *self,
                char      **field,
                const char *value,
                guint       prop_id)
{
  if (g_strcmp0 (*field, value ? value : "") == 0)
    return;
  g_free (*field);
  *field = g_strdup (value ? value : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
_wm_project_set_meta (WmProject  *self,
                      const char *title,
                      const char *author,
                      const char *description)
{
  replace_string (self, &self->title, title, PROP_TITLE);
  replace_string (self, &self->author, author, PROP_AUTHOR);
  replace_string (self, &self->description, description, PROP_DESCRIPTION);
}

/* The project's metadata before an edit and, once its step ends, after it. */
typedef struct
{
  WmChange parent;
  char    *before[3];
  char    *after[3];
} MetaState;

static void
capture_meta (WmProject *self,
              char      *meta[3])
{
  meta[0] = g_strdup (self->title);
  meta[1] = g_strdup (self->author);
  meta[2] = g_strdup (self->description);
}

static void
meta_state_apply (WmChange  *change,
                  WmProject *project)
{
  char **meta = ((MetaState *) change)->after;

  _wm_project_set_meta (project, meta[0], meta[1], meta[2]);
}

static void
meta_state_revert (WmChange  *change,
                   WmProject *project)
{
  char **meta = ((MetaState *) change)->before;

  _wm_project_set_meta (project, meta[0], meta[1], meta[2]);
}

static void
meta_state_free (WmChange *change)
{
  MetaState *self = (MetaState *) change;

  for (guint i = 0; i < 3; i++)
    {
      g_free (self->before[i]);
      g_free (self->after[i]);
    }
  g_free (self);
}

static void
meta_state_close (WmChange  *change,
                  WmProject *project)
{
  capture_meta (project, ((MetaState *) change)->after);
}

static gboolean
meta_state_is_noop (WmChange *change)
{
  MetaState *self = (MetaState *) change;

  for (guint i = 0; i < 3; i++)
    if (g_strcmp0 (self->before[i], self->after[i]) != 0)
      return FALSE;
  return TRUE;
}

/* Without can_merge: each edit of the details is a step of its own, whatever
 * its merge key. */
static const WmChangeClass meta_state_class = {
  .name = "project-meta",
  .apply = meta_state_apply,
  .revert = meta_state_revert,
  .free = meta_state_free,
  .close = meta_state_close,
  .is_noop = meta_state_is_noop,
};

static void
record_meta_will_change (WmProject *self)
{
  MetaState *change;

  if (_wm_history_find_open (self->history, &meta_state_class, "meta") != NULL)
    return;
  change = g_new0 (MetaState, 1);
  _wm_change_init (&change->parent, &meta_state_class, NULL);
  capture_meta (self, change->before);
  _wm_history_record_open (self->history, &change->parent, "meta");
}

static gboolean
set_meta_recorded (WmProject  *self,
                   const char *title,
                   const char *author,
                   const char *description,
                   const char *merge_key)
{
  if (self->read_only || !wm_limits_check_text (title, NULL) ||
      !wm_limits_check_text (author, NULL) || !wm_limits_check_text (description, NULL))
    return FALSE;

  _wm_history_begin (self->history, _("Edit Project Details"), merge_key);
  record_meta_will_change (self);
  _wm_project_set_meta (self, title, author, description);
  _wm_history_end (self->history);
  return TRUE;
}

gboolean
wm_project_set_title (WmProject  *self,
                      const char *title)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), FALSE);
  return set_meta_recorded (self, title, self->author, self->description, "meta title");
}

gboolean
wm_project_set_author (WmProject  *self,
                       const char *author)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), FALSE);
  return set_meta_recorded (self, self->title, author, self->description, "meta author");
}

gboolean
wm_project_set_description (WmProject  *self,
                            const char *description)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), FALSE);
  return set_meta_recorded (self, self->title, self->author, description, "meta description");
}

GFile *
wm_project_get_file (WmProject *self)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), NULL);
  return self->file;
}

void
wm_project_set_file (WmProject *self,
                     GFile     *file)
{
  g_return_if_fail (WM_IS_PROJECT (self));
  if (!g_set_object (&self->file, file))
    return;
  /* What was known of the old file says nothing of the new one. */
  g_clear_pointer (&self->file_etag, g_free);
  g_clear_pointer (&self->loaded, g_bytes_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

const char *
wm_project_get_file_etag (WmProject *self)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), NULL);
  return self->file_etag;
}

void
wm_project_set_file_etag (WmProject  *self,
                          const char *etag)
{
  g_return_if_fail (WM_IS_PROJECT (self));
  g_free (self->file_etag);
  self->file_etag = g_strdup (etag);
}

gboolean
wm_project_get_read_only (WmProject *self)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), FALSE);
  return self->read_only;
}

void
wm_project_set_read_only (WmProject *self,
                          gboolean   read_only)
{
  g_return_if_fail (WM_IS_PROJECT (self));

  if (self->read_only == !!read_only)
    return;
  self->read_only = !!read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* History */

WmHistory *
_wm_project_get_history (WmProject *self)
{
  return self->history;
}

static void
update_flag (WmProject *self,
             guint      prop_id,
             gboolean   value)
{
  gboolean old;

  switch (prop_id)
    {
    case PROP_DIRTY: old = self->dirty; self->dirty = !!value; break;
    case PROP_CAN_UNDO: old = self->can_undo; self->can_undo = !!value; break;
    case PROP_CAN_REDO: old = self->can_redo; self->can_redo = !!value; break;
    default: g_assert_not_reached ();
    }
  if (old != !!value)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
_wm_project_history_changed (WmProject *self)
{
  update_flag (self, PROP_DIRTY, !_wm_history_is_at_saved (self->history));
  update_flag (self, PROP_CAN_UNDO, _wm_history_can_undo (self->history));
  update_flag (self, PROP_CAN_REDO, _wm_history_can_redo (self->history));
}

void
_wm_project_set_loaded_data (WmProject *self,
                             GBytes    *data)
{
  g_clear_pointer (&self->loaded, g_bytes_unref);
  self->loaded = data != NULL ? g_bytes_ref (data) : NULL;
}

GBytes *
wm_project_take_loaded_data (WmProject *self)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), NULL);
  if (wm_project_get_dirty (self))
    g_clear_pointer (&self->loaded, g_bytes_unref);
  return g_steal_pointer (&self->loaded);
}

gboolean
wm_project_get_dirty (WmProject *self)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), FALSE);
  return self->dirty;
}

void
wm_project_mark_saved (WmProject *self)
{
  g_return_if_fail (WM_IS_PROJECT (self));
  _wm_history_mark_saved (self->history);
  _wm_project_history_changed (self);
}

void
wm_project_mark_unsaved (WmProject *self)
{
  g_return_if_fail (WM_IS_PROJECT (self));
  _wm_project_mark_saved_state (self, G_MAXUINT64);
}

guint64
_wm_project_save_point (WmProject *self)
{
  _wm_history_break_merge (self->history);
  return _wm_history_get_state (self->history);
}

void
_wm_project_mark_saved_state (WmProject *self,
                              guint64    state)
{
  _wm_history_mark_saved_state (self->history, state);
  _wm_project_history_changed (self);
}

gboolean
wm_project_can_undo (WmProject *self)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), FALSE);
  return _wm_history_can_undo (self->history);
}

gboolean
wm_project_can_redo (WmProject *self)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), FALSE);
  return _wm_history_can_redo (self->history);
}

gboolean
wm_project_undo (WmProject *self)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), FALSE);
  return !self->read_only && _wm_history_undo (self->history);
}

gboolean
wm_project_redo (WmProject *self)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), FALSE);
  return !self->read_only && _wm_history_redo (self->history);
}

const char *
wm_project_get_undo_label (WmProject *self)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), NULL);
  return _wm_history_undo_label (self->history);
}

const char *
wm_project_get_redo_label (WmProject *self)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), NULL);
  return _wm_history_redo_label (self->history);
}

void
wm_project_begin_group (WmProject  *self,
                        const char *label)
{
  g_return_if_fail (WM_IS_PROJECT (self));
  _wm_history_begin (self->history, label, NULL);
}

void
wm_project_begin_joined_group (WmProject  *self,
                               const char *label)
{
  g_return_if_fail (WM_IS_PROJECT (self));
  _wm_history_begin_joined (self->history, label);
}

void
wm_project_end_group (WmProject *self)
{
  g_return_if_fail (WM_IS_PROJECT (self));
  _wm_history_end (self->history);
}

void
wm_project_break_merge (WmProject *self)
{
  g_return_if_fail (WM_IS_PROJECT (self));
  _wm_history_break_merge (self->history);
}

void
wm_project_clear_history (WmProject *self)
{
  g_return_if_fail (WM_IS_PROJECT (self));
  _wm_history_clear (self->history);
}

/* Ids */

gboolean
_wm_project_id_in_use (WmProject  *self,
                       const char *id)
{
  for (guint i = 0; i < self->diagrams->len; i++)
    {
      WmDiagram *diagram = g_ptr_array_index (self->diagrams, i);

      if (g_str_equal (wm_diagram_get_id (diagram), id) || wm_diagram_lookup (diagram, id))
        return TRUE;
    }
  return FALSE;
}

/* A base-32 alphabet without the letters that read as digits or as each
 * other (i, l, o, u), so that an id read aloud or retyped stays the same. */
static const char id_alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";

char *
_wm_new_random_id (const char *prefix)
{
  GString *id = g_string_new (prefix);

  g_string_append_c (id, '-');
  for (guint i = 0; i < WM_ID_SUFFIX_CHARS; i++)
    g_string_append_c (id, id_alphabet[g_random_int_range (0, sizeof id_alphabet - 1)]);
  return g_string_free (id, FALSE);
}

/* Generators that must write the same file on every run (the sample
 * project) number their ids instead, as builds before random ids did. */
void
_wm_project_use_serial_ids (WmProject *self)
{
  self->serial_ids = TRUE;
}

char *
_wm_project_new_id (WmProject  *self,
                    const char *prefix)
{
  /* A random suffix needs no coordination, so two analysts adding items to
   * copies of one project on two machines get different ids and their work
   * merges by id. Within the project, an id is checked against the ones in
   * use and the ones handed out this session, so that an id freed by a
   * delete is never reused while undo could still bring its owner back. */
  for (;;)
    {
      char *id = self->serial_ids
                 ? g_strdup_printf ("%s-%" G_GUINT64_FORMAT, prefix, ++self->next_serial)
                 : _wm_new_random_id (prefix);

      if (!g_hash_table_contains (self->issued, id) && !_wm_project_id_in_use (self, id))
        {
          g_hash_table_add (self->issued, g_strdup (id));
          return id;
        }
      g_free (id);
    }
}

/* Diagrams */

guint
wm_project_get_n_diagrams (WmProject *self)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), 0);
  return self->diagrams->len;
}

WmDiagram *
wm_project_get_diagram (WmProject *self,
                        guint      position)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), NULL);
  g_return_val_if_fail (position < self->diagrams->len, NULL);
  return g_ptr_array_index (self->diagrams, position);
}

WmDiagram *
wm_project_find_diagram (WmProject  *self,
                         const char *id_or_name)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), NULL);
  g_return_val_if_fail (id_or_name != NULL, NULL);

  for (guint i = 0; i < self->diagrams->len; i++)
    if (g_str_equal (wm_diagram_get_id (g_ptr_array_index (self->diagrams, i)), id_or_name))
      return g_ptr_array_index (self->diagrams, i);
  for (guint i = 0; i < self->diagrams->len; i++)
    if (g_str_equal (wm_diagram_get_name (g_ptr_array_index (self->diagrams, i)), id_or_name))
      return g_ptr_array_index (self->diagrams, i);
  return NULL;
}

static void
insert_diagram (WmProject *self,
                WmDiagram *diagram,
                guint      position)
{
  position = MIN (position, self->diagrams->len);
  g_ptr_array_insert (self->diagrams, (int) position, g_object_ref (diagram));
  _wm_diagram_set_project (diagram, self);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
_wm_project_append_diagram (WmProject *self,
                            WmDiagram *diagram)
{
  insert_diagram (self, diagram, self->diagrams->len);
}

/* A deleted diagram is kept as it went, rather than noting each of its
 * items: deleting one of 100 000 items stays as cheap as deleting one. */
static void
note_removed_diagram (WmProject *self,
                      WmDiagram *diagram)
{
  g_object_ref (diagram);
  g_ptr_array_remove (self->removed_diagrams, diagram);
  g_ptr_array_add (self->removed_diagrams, diagram);
}

static void
remove_diagram_at (WmProject *self,
                   guint      position)
{
  g_return_if_fail (position < self->diagrams->len);
  note_removed_diagram (self, g_ptr_array_index (self->diagrams, position));
  g_ptr_array_remove_index (self->diagrams, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

/* A diagram's place in the project: from one position to another, where -1
 * stands for outside the project (added or deleted). */
typedef struct
{
  WmChange parent;
  int      from;
  int      to;
} DiagramPlace;

static void
diagram_place_move (WmProject *self,
                    WmDiagram *diagram,
                    int        remove_at,
                    int        insert_at)
{
  if (remove_at >= 0)
    remove_diagram_at (self, (guint) remove_at);
  if (insert_at >= 0)
    insert_diagram (self, diagram, (guint) insert_at);
}

static void
diagram_place_apply (WmChange  *change,
                     WmProject *project)
{
  DiagramPlace *self = (DiagramPlace *) change;

  diagram_place_move (project, change->diagram, self->from, self->to);
}

static void
diagram_place_revert (WmChange  *change,
                      WmProject *project)
{
  DiagramPlace *self = (DiagramPlace *) change;

  diagram_place_move (project, change->diagram, self->to, self->from);
}

static void
diagram_place_free (WmChange *change)
{
  g_free (change);
}

static const WmChangeClass diagram_place_class = {
  .name = "diagram-place",
  .apply = diagram_place_apply,
  .revert = diagram_place_revert,
  .free = diagram_place_free,
};

static void
record_diagram_moved (WmProject *self,
                      WmDiagram *diagram,
                      int        from,
                      int        to)
{
  DiagramPlace *change = g_new0 (DiagramPlace, 1);

  _wm_change_init (&change->parent, &diagram_place_class, diagram);
  change->from = from;
  change->to = to;
  _wm_history_record (self->history, &change->parent);
}

WmDiagram *
wm_project_add_diagram (WmProject  *self,
                        const char *notation_id,
                        const char *name,
                        GError    **error)
{
  const WmNotation *notation;
  g_autoptr(WmDiagram) diagram = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (WM_IS_PROJECT (self), NULL);
  g_return_val_if_fail (notation_id != NULL, NULL);

  if (self->read_only)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_READ_ONLY, "%s", _("The project is open read-only."));
      return NULL;
    }
  notation = wm_notation_lookup (notation_id);
  if (notation == NULL)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_UNKNOWN_TYPE,
                   _("“%s” is not a kind of diagram Waymark knows."), notation_id);
      return NULL;
    }
  if (name != NULL && !wm_limits_check_text (name, error))
    return NULL;

  id = _wm_project_new_id (self, notation->id_prefix);
  diagram = _wm_diagram_new (notation, id,
                             name ? name : g_dgettext (GETTEXT_PACKAGE, notation->label));
  _wm_history_begin (self->history, _("Add Diagram"), NULL);
  _wm_project_append_diagram (self, diagram);
  record_diagram_moved (self, diagram, -1, (int) self->diagrams->len - 1);
  _wm_history_end (self->history);
  return diagram;
}

static int
diagram_position (WmProject *self,
                  WmDiagram *diagram)
{
  guint position;

  return g_ptr_array_find (self->diagrams, diagram, &position) ? (int) position : -1;
}

gboolean
wm_project_remove_diagram (WmProject *self,
                           WmDiagram *diagram)
{
  int position;

  g_return_val_if_fail (WM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), FALSE);

  position = diagram_position (self, diagram);
  if (position < 0 || self->read_only)
    return FALSE;
  _wm_history_begin (self->history, _("Delete Diagram"), NULL);
  record_diagram_moved (self, diagram, position, -1);
  remove_diagram_at (self, (guint) position);
  _wm_history_end (self->history);
  return TRUE;
}

gboolean
wm_project_move_diagram (WmProject *self,
                         WmDiagram *diagram,
                         guint      position)
{
  int from;

  g_return_val_if_fail (WM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), FALSE);

  from = diagram_position (self, diagram);
  if (from < 0 || self->read_only)
    return FALSE;
  position = MIN (position, self->diagrams->len - 1);
  if ((guint) from == position)
    return TRUE;
  _wm_history_begin (self->history, _("Reorder Diagrams"), NULL);
  record_diagram_moved (self, diagram, from, (int) position);
  g_object_ref (diagram);
  remove_diagram_at (self, (guint) from);
  insert_diagram (self, diagram, position);
  g_object_unref (diagram);
  _wm_history_end (self->history);
  return TRUE;
}

/* Points @id at its copy when it names an item of the diagram copied. */
static void
remap_id (GHashTable  *copies,
          char       **id)
{
  const char *copy = *id ? g_hash_table_lookup (copies, *id) : NULL;

  if (copy != NULL)
    {
      g_free (*id);
      *id = g_strdup (copy);
    }
}

static void
remap_item (WmItem     *item,
            GHashTable *copies)
{
  remap_id (copies, &item->parent);
  remap_id (copies, &item->source);
  remap_id (copies, &item->target);
  for (guint i = 0; item->props != NULL && i < item->type->n_props; i++)
    if (item->type->props[i].type == WM_PROP_REFS && item->props[i].set)
      for (char **ref = item->props[i].v.strv; ref != NULL && *ref != NULL; ref++)
        remap_id (copies, ref);
}

/* Builds the copy apart from the project, so that it needs no history of its own. */
static WmDiagram *
copy_diagram_named (WmProject  *self,
                    WmDiagram  *diagram,
                    const char *name,
                    GHashTable *copies)
{
  const WmNotation *notation = wm_diagram_get_notation (diagram);
  g_autofree char *id = _wm_project_new_id (self, notation->id_prefix);
  WmDiagram *copy = _wm_diagram_new (notation, id, name);
  WmHeader *header = _wm_header_capture (diagram);
  guint n_items = wm_diagram_get_n_items (diagram);

  _wm_header_restore (copy, header);
  _wm_header_free (header);
  _wm_diagram_set_name_internal (copy, name);
  for (guint i = 0; i < n_items; i++)
    {
      WmItem *item = wm_item_copy (wm_diagram_get_item (diagram, i));
      char *old_id = item->id;

      item->id = g_strdup (g_hash_table_lookup (copies, old_id));
      g_free (old_id);
      remap_item (item, copies);
      _wm_diagram_insert_item (copy, item, i);
    }
  _wm_diagram_flush_delta (copy);
  return copy;
}

/* Gives every item of @diagram a new id of @self in @copies, keyed by the old. */
static void
plan_copies (WmProject  *self,
             WmDiagram  *diagram,
             GHashTable *copies)
{
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      g_hash_table_insert (copies, item->id, _wm_project_new_id (self, item->type->id));
    }
}

static WmDiagram *
copy_diagram (WmProject *self,
              WmDiagram *diagram)
{
  /* Translators: the name of a duplicated diagram; %s is the original's name */
  g_autofree char *name = g_strdup_printf (_("%s (copy)"), wm_diagram_get_name (diagram));
  g_autoptr(GHashTable) copies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  plan_copies (self, diagram, copies);
  return copy_diagram_named (self, diagram, name, copies);
}

WmDiagram *
wm_project_add_diagrams_from (WmProject *self,
                              WmProject *source,
                              GError   **error)
{
  g_autoptr(GHashTable) copies = NULL;
  g_autoptr(GPtrArray) added = NULL;

  g_return_val_if_fail (WM_IS_PROJECT (self), NULL);
  g_return_val_if_fail (WM_IS_PROJECT (source) && source != self, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->read_only)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_READ_ONLY, "%s", _("The project is open read-only."));
      return NULL;
    }
  if (source->diagrams->len == 0)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_NOT_FOUND, "%s", _("There are no diagrams to add."));
      return NULL;
    }
  /* All ids are planned first, so that links between the diagrams added
   * (a journey step naming a use case) point at the copies. */
  copies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; i < source->diagrams->len; i++)
    plan_copies (self, g_ptr_array_index (source->diagrams, i), copies);
  added = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < source->diagrams->len; i++)
    {
      WmDiagram *diagram = g_ptr_array_index (source->diagrams, i);

      g_ptr_array_add (added, copy_diagram_named (self, diagram, wm_diagram_get_name (diagram),
                                                  copies));
    }
  _wm_history_begin (self->history, _("Add Diagrams"), NULL);
  for (guint i = 0; i < added->len; i++)
    {
      WmDiagram *copy = g_ptr_array_index (added, i);

      _wm_project_append_diagram (self, copy);
      record_diagram_moved (self, copy, -1, (int) self->diagrams->len - 1);
    }
  _wm_history_end (self->history);
  return g_ptr_array_index (added, 0);
}

WmDiagram *
wm_project_duplicate_diagram (WmProject *self,
                              WmDiagram *diagram,
                              GError   **error)
{
  g_autoptr(WmDiagram) copy = NULL;
  int position;

  g_return_val_if_fail (WM_IS_PROJECT (self), NULL);
  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  position = diagram_position (self, diagram);
  g_return_val_if_fail (position >= 0, NULL);
  if (self->read_only)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_READ_ONLY, "%s", _("The project is open read-only."));
      return NULL;
    }
  copy = copy_diagram (self, diagram);
  _wm_history_begin (self->history, _("Duplicate Diagram"), NULL);
  insert_diagram (self, copy, (guint) position + 1);
  record_diagram_moved (self, copy, -1, position + 1);
  _wm_history_end (self->history);
  /* The project holds the copy now; the caller gets a borrowed pointer. */
  return copy;
}

WmItem *
wm_project_lookup_item (WmProject  *self,
                        const char *id,
                        WmDiagram **diagram)
{
  g_return_val_if_fail (WM_IS_PROJECT (self), NULL);

  for (guint i = 0; id != NULL && i < self->diagrams->len; i++)
    {
      WmItem *item = wm_diagram_lookup (g_ptr_array_index (self->diagrams, i), id);

      if (item != NULL)
        {
          if (diagram != NULL)
            *diagram = g_ptr_array_index (self->diagrams, i);
          return item;
        }
    }
  if (diagram != NULL)
    *diagram = NULL;
  return NULL;
}

static void
add_referrers (GArray           *out,
               WmDiagram        *diagram,
               WmItem           *item,
               const WmPropSpec *specs,
               guint             n_specs,
               const WmValue    *values,
               const char       *id)
{
  for (guint i = 0; values != NULL && i < n_specs; i++)
    if (specs[i].type == WM_PROP_REFS && values[i].set && values[i].v.strv != NULL &&
        g_strv_contains ((const char *const *) values[i].v.strv, id))
      g_array_append_val (out, ((WmReferrer) { diagram, item, &specs[i] }));
}

GArray *
wm_project_find_referrers (WmProject  *self,
                           const char *id)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (WmReferrer));

  g_return_val_if_fail (WM_IS_PROJECT (self), out);
  g_return_val_if_fail (id != NULL, out);

  for (guint d = 0; d < self->diagrams->len; d++)
    {
      WmDiagram *diagram = g_ptr_array_index (self->diagrams, d);
      const WmNotation *notation = wm_diagram_get_notation (diagram);

      add_referrers (out, diagram, NULL, notation->props, notation->n_props,
                     _wm_diagram_get_values (diagram), id);
      for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
        {
          WmItem *item = wm_diagram_get_item (diagram, i);

          add_referrers (out, diagram, item, item->type->props, item->type->n_props,
                         item->props, id);
        }
    }
  return out;
}

void
_wm_project_note_removed_item (WmProject    *self,
                               WmDiagram    *diagram,
                               const WmItem *item)
{
  RemovedItem *removed = g_new0 (RemovedItem, 1);

  removed->text = g_strdup (item->text);
  removed->type = item->type;
  removed->diagram_name = g_strdup (wm_diagram_get_name (diagram));
  g_hash_table_replace (self->removed_items, g_strdup (item->id), removed);
}

gboolean
wm_project_recall_removed_item (WmProject     *self,
                                const char    *id,
                                WmRemovedItem *out)
{
  RemovedItem *removed;

  g_return_val_if_fail (WM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  /* A deleted diagram holds its items as they were when it went: newer than
   * any note of one of them removed before (and brought back by an undo). */
  for (guint i = self->removed_diagrams->len; id != NULL && i-- > 0;)
    {
      WmDiagram *diagram = g_ptr_array_index (self->removed_diagrams, i);
      WmItem *item;

      if (wm_diagram_get_project (diagram) == self || (item = wm_diagram_lookup (diagram, id)) == NULL)
        continue;
      *out = (WmRemovedItem) { item->text, item->type, wm_diagram_get_name (diagram) };
      return TRUE;
    }
  removed = id != NULL ? g_hash_table_lookup (self->removed_items, id) : NULL;
  if (removed == NULL)
    return FALSE;
  *out = (WmRemovedItem) { removed->text, removed->type, removed->diagram_name };
  return TRUE;
}
