/* wm-outline-tree.c — where each item of a diagram goes in the outline
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outline reads a diagram as an analyst reads it, from the notation's
 * own structure and without naming any notation:
 *  - a board (the Business Model Canvas, the Value Proposition Canvas): its
 *    areas, each with the notes filed in it;
 *  - items placed by the entries of the diagram's lists (a journey's stages
 *    and lanes): the first list's entries, each with the second list's
 *    entries that hold something there, and those with their items;
 *  - containers (a use-case subject, a package): the nodes they hold;
 *  - a value stream: the steps of its flow first, from supplier to
 *    customer, processes with the stock between them, as the timeline shows
 *    them (wm_vsm_compute()), then the other items;
 *  - the links last, in one group, each named by its ends unless it has a
 *    label of its own.
 * Anything else comes in z-order.
 *
 * A tree is a snapshot: the outline makes it again after an edit that moves
 * items around (one pass over the items), and only renames rows otherwise.
 * Rows are made when a list is asked for them, so that a tree of 100 000
 * items costs one row per item in view, and a group's rows only once it is
 * expanded. The same code says where an item is for the canvas's accessible
 * description.
 */
#define G_LOG_DOMAIN "wm-outline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wm-outline-private.h"

/* Group keys start with a byte no item id has. */
#define GROUP_MARK "\001"
#define LINKS_KEY GROUP_MARK "links"
#define ROOT_KEY ""

/* How a diagram orders its items, from its notation's tables. */
typedef struct
{
  const WmBoard *board;
  guint          n_slots;        /* lists that place items: 0, 1 or 2 */
  const char    *slot_list[2];   /* the list's name: "stages" */
  const char    *slot_prop[2];   /* the items' property that names an entry: "stage" */
  const char    *slot_label[2];  /* its label, translatable: "Stage" */
} Structure;

typedef struct
{
  char *name;
  char *type;
} Group;

typedef struct
{
  const char *parent;    /* the key of the entry that holds it: a key of tree->children */
  guint       position;
} Place;

struct _WmOutlineTree
{
  grefcount   ref;
  WmDiagram  *diagram;
  Structure   structure;
  gboolean    has_flow;   /* a value stream, whose order follows every figure */
  GHashTable *children;   /* key -> GPtrArray of the keys under it, owned */
  GHashTable *groups;     /* group key -> Group */
  GHashTable *places;     /* key (borrowed from children) -> Place */
  GHashTable *rows;       /* key -> the WmOutlineRow alive for it, unowned */
  GPtrArray  *all;        /* every item's id, for searches: made by the first */
  GPtrArray  *flow;       /* the flow's steps the tree was made with (ids, owned) */
};

static void remove_row (WmOutlineTree *tree,
                        WmOutlineRow  *row);

/* The structure of a notation */

/* The property of some item type of @notation that names an entry of
 * @list, or NULL. */
static const WmPropSpec *
find_slot_prop (const WmNotation *notation,
                const char       *list)
{
  for (guint t = 0; t < wm_notation_get_n_item_types (notation); t++)
    {
      const WmItemType *type = wm_notation_get_item_type (notation, t);

      for (guint p = 0; p < type->n_props; p++)
        if (type->props[p].type == WM_PROP_SLOT && g_strcmp0 (type->props[p].list, list) == 0)
          return &type->props[p];
    }
  return NULL;
}

static void
structure_init (Structure *structure,
                WmDiagram *diagram)
{
  const WmNotation *notation = wm_diagram_get_notation (diagram);

  memset (structure, 0, sizeof *structure);
  structure->board = wm_board_get (diagram);
  for (guint i = 0; i < notation->n_lists && structure->n_slots < 2; i++)
    {
      const WmPropSpec *spec = find_slot_prop (notation, notation->lists[i].name);

      if (spec == NULL)
        continue;
      structure->slot_list[structure->n_slots] = notation->lists[i].name;
      structure->slot_prop[structure->n_slots] = spec->name;
      structure->slot_label[structure->n_slots] = spec->label;
      structure->n_slots++;
    }
}

/* The entry of slot list @slot that @item names, or NULL. */
static const WmListEntry *
slot_entry (const Structure *structure,
            WmDiagram       *diagram,
            const WmItem    *item,
            guint            slot)
{
  const char *id;

  if (!wm_item_has_prop (item, structure->slot_prop[slot]))
    return NULL;
  id = wm_item_get_string (item, structure->slot_prop[slot]);
  return id != NULL ? wm_diagram_find_entry (diagram, structure->slot_list[slot], id) : NULL;
}

/* What a board calls its areas: the notes' property that files them
 * ("Block"), else a neutral word. */
static const char *
area_type (const Structure *structure,
           WmDiagram       *diagram)
{
  const WmBoard *board = structure->board;
  const WmNotation *notation = wm_diagram_get_notation (diagram);

  for (guint t = 0; board->area_prop != NULL && t < notation->n_node_types; t++)
    {
      int prop = wm_item_type_find_prop (&notation->node_types[t], board->area_prop);

      if (prop >= 0)
        return g_dgettext (GETTEXT_PACKAGE, notation->node_types[t].props[prop].label);
    }
  return _("Area");
}

static char *
area_key (const WmBoard *board,
          guint          area)
{
  return g_strconcat (GROUP_MARK "area:", board->areas[area].id, NULL);
}

static char *
slot_key (const char *first,
          const char *second)
{
  if (second == NULL)
    return g_strconcat (GROUP_MARK "slot:", first, NULL);
  return g_strconcat (GROUP_MARK "slot:", first, "\037", second, NULL);
}

/* The key of the entry that holds node @item: its area, its cell, its
 * container, or the top. */
static char *
parent_key (const Structure *structure,
            WmDiagram       *diagram,
            const WmItem    *item)
{
  const WmListEntry *first = NULL, *second = NULL;

  if (structure->board != NULL)
    {
      guint area = wm_board_area_of (structure->board, item);

      if (area < structure->board->n_areas)
        return area_key (structure->board, area);
    }
  if (structure->n_slots > 0 && (first = slot_entry (structure, diagram, item, 0)) != NULL)
    {
      if (structure->n_slots > 1)
        second = slot_entry (structure, diagram, item, 1);
      return slot_key (first->id, second != NULL ? second->id : NULL);
    }
  if (item->parent != NULL && wm_diagram_lookup (diagram, item->parent) != NULL)
    return g_strdup (item->parent);
  return g_strdup (ROOT_KEY);
}

/* A value stream's flow, kept with the diagram until its next edit */

typedef struct
{
  gboolean   valid;
  gboolean   is_flow;   /* the notation has a flow at all */
  GPtrArray *ids;       /* the steps' items, from supplier to customer (owned copies) */
  GArray    *kinds;     /* their WmVsmStepKind */
} Flow;

static void
flow_clear (Flow *flow)
{
  flow->valid = FALSE;
  g_clear_pointer (&flow->ids, g_ptr_array_unref);
  g_clear_pointer (&flow->kinds, g_array_unref);
}

static void
flow_free (gpointer data)
{
  flow_clear (data);
  g_free (data);
}

static void
on_flow_diagram_changed (WmDiagram     *diagram,
                         const WmDelta *delta,
                         Flow          *flow)
{
  flow_clear (flow);
}

/* The steps are copied, not borrowed from the metrics: a handler of the
 * same edit that runs before this cache hears of it must never read an id
 * that the edit freed. */
static void
flow_compute (Flow      *flow,
              WmDiagram *diagram)
{
  g_autoptr(WmVsmMetrics) metrics = wm_vsm_compute (diagram);

  flow->valid = TRUE;
  flow->is_flow = metrics != NULL;
  flow->ids = g_ptr_array_new_with_free_func (g_free);
  flow->kinds = g_array_new (FALSE, FALSE, sizeof (WmVsmStepKind));
  for (guint i = 0; metrics != NULL && i < metrics->steps->len; i++)
    {
      const WmVsmStep *step = &g_array_index (metrics->steps, WmVsmStep, i);

      /* Two processes in a row have an empty wait between them: no item. */
      if (step->item_id == NULL)
        continue;
      g_ptr_array_add (flow->ids, g_strdup (step->item_id));
      g_array_append_val (flow->kinds, step->kind);
    }
}

static const Flow *
get_flow (WmDiagram *diagram)
{
  Flow *flow = g_object_get_data (G_OBJECT (diagram), "wm-outline-flow");

  if (flow == NULL)
    {
      flow = g_new0 (Flow, 1);
      g_object_set_data_full (G_OBJECT (diagram), "wm-outline-flow", flow, flow_free);
      /* The handler goes with the diagram, before its data. */
      g_signal_connect (diagram, "changed", G_CALLBACK (on_flow_diagram_changed), flow);
    }
  if (!flow->valid)
    flow_compute (flow, diagram);
  return flow;
}

static int
flow_find (const Flow *flow,
           const char *id)
{
  for (guint i = 0; i < flow->ids->len; i++)
    if (g_str_equal (g_ptr_array_index (flow->ids, i), id))
      return (int) i;
  return -1;
}

/* Names */

/* The item's text on one line, or NULL when it has none. */
static char *
dup_item_name (const WmItem *item)
{
  char *name;

  if (item == NULL || item->text[0] == '\0')
    return NULL;
  name = g_strstrip (g_strdelimit (g_strdup (item->text), "\r\n\t", ' '));
  if (name[0] == '\0')
    g_clear_pointer (&name, g_free);
  return name;
}

static const char *
type_label (const WmItem *item)
{
  return g_dgettext (GETTEXT_PACKAGE, item->type->label);
}

/* A node as another sentence names it: its name, else its type. */
static char *
dup_node_reference (WmDiagram  *diagram,
                    const char *id)
{
  const WmItem *node = id != NULL ? wm_diagram_lookup (diagram, id) : NULL;
  char *name = dup_item_name (node);

  if (name != NULL)
    return name;
  return g_strdup (node != NULL ? type_label (node) : "");
}

/* What a row shows for @item: its name, or for a link without a label,
 * its ends; NULL when it has nothing of its own. */
static char *
dup_row_name (WmDiagram    *diagram,
              const WmItem *item)
{
  char *name = dup_item_name (item);
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;

  if (name != NULL || !wm_item_is_link (item))
    return name;
  source = dup_node_reference (diagram, item->source);
  target = dup_node_reference (diagram, item->target);
  /* Translators: a link without a label, in the outline: “Customer” to “Order coffee” */
  return g_strdup_printf (_("“%s” to “%s”"), source, target);
}

/* Rows */

struct _WmOutlineRow
{
  GObject        parent_instance;

  WmOutlineTree *tree;
  char          *key;
  gboolean       is_item;
  /* Read from the diagram when first asked for: a search makes a row for
   * every item, and only matches its folded name. */
  gboolean       read;
  gboolean       has_name;
  char          *name;
  char          *type;
  char          *label;
  char          *folded;   /* the name as wm_find_match() compares it, or NULL */
};

enum
{
  ROW_PROP_0,
  ROW_PROP_NAME,
  ROW_PROP_TYPE_NAME,
  ROW_PROP_LABEL,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

G_DEFINE_FINAL_TYPE (WmOutlineRow, wm_outline_row, G_TYPE_OBJECT)

/* Reads the row's texts again; TRUE when they changed. */
static gboolean
row_read (WmOutlineRow *self)
{
  Group *group = g_hash_table_lookup (self->tree->groups, self->key);
  g_autofree char *name = NULL;
  const char *type = "";
  gboolean changed;

  if (group != NULL)
    {
      name = g_strdup (group->name);
      type = group->type;
    }
  else
    {
      const WmItem *item = wm_diagram_lookup (self->tree->diagram, self->key);

      name = item != NULL ? dup_row_name (self->tree->diagram, item) : NULL;
      type = item != NULL ? type_label (item) : "";
    }
  self->has_name = name != NULL || group != NULL;
  if (name == NULL)
    /* Translators: an item without a name, in the outline (its type shows beside) */
    name = g_strdup (_("(no name)"));
  changed = g_strcmp0 (name, self->name) != 0 || g_strcmp0 (type, self->type) != 0;
  self->read = TRUE;
  g_clear_pointer (&self->folded, g_free);
  g_free (self->name);
  self->name = g_steal_pointer (&name);
  g_free (self->type);
  self->type = g_strdup (type);
  g_free (self->label);
  self->label = self->type[0] == '\0'
    ? g_strdup (self->name)
    /* Translators: what a screen reader reads for a row of the outline: "name, type" */
    : g_strdup_printf (_("%s, %s"), self->name, self->type);
  return changed;
}

static WmOutlineRow *
row_new (WmOutlineTree *tree,
         const char    *key)
{
  WmOutlineRow *self = g_object_new (WM_TYPE_OUTLINE_ROW, NULL);

  self->tree = _wm_outline_tree_ref (tree);
  self->key = g_strdup (key);
  self->is_item = !g_hash_table_contains (tree->groups, key);
  return self;
}

static void
row_ensure_read (WmOutlineRow *self)
{
  if (!self->read)
    row_read (self);
}

static void
row_refresh (WmOutlineRow *self)
{
  /* Nobody has read it yet: it reads the new texts when asked. */
  if (!self->read || !row_read (self))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_TYPE_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_LABEL]);
}

const char *
wm_outline_row_get_key (WmOutlineRow *self)
{
  g_return_val_if_fail (WM_IS_OUTLINE_ROW (self), NULL);
  return self->key;
}

const char *
wm_outline_row_get_item_id (WmOutlineRow *self)
{
  g_return_val_if_fail (WM_IS_OUTLINE_ROW (self), NULL);
  return self->is_item ? self->key : NULL;
}

const char *
wm_outline_row_get_name (WmOutlineRow *self)
{
  g_return_val_if_fail (WM_IS_OUTLINE_ROW (self), NULL);
  row_ensure_read (self);
  return self->name;
}

const char *
wm_outline_row_get_type_name (WmOutlineRow *self)
{
  g_return_val_if_fail (WM_IS_OUTLINE_ROW (self), NULL);
  row_ensure_read (self);
  return self->type;
}

const char *
wm_outline_row_get_label (WmOutlineRow *self)
{
  g_return_val_if_fail (WM_IS_OUTLINE_ROW (self), NULL);
  row_ensure_read (self);
  return self->label;
}

gboolean
wm_outline_row_has_name (WmOutlineRow *self)
{
  g_return_val_if_fail (WM_IS_OUTLINE_ROW (self), FALSE);
  row_ensure_read (self);
  return self->has_name;
}

gboolean
wm_outline_row_matches (WmOutlineRow *self,
                        const char   *folded)
{
  g_return_val_if_fail (WM_IS_OUTLINE_ROW (self), FALSE);

  row_ensure_read (self);
  if (!self->has_name)
    return FALSE;
  /* Folding is what costs: once per row, not once per key typed. */
  if (self->folded == NULL)
    self->folded = wm_find_fold (self->name);
  return strstr (self->folded, folded) != NULL;
}

static void
wm_outline_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WmOutlineRow *self = WM_OUTLINE_ROW (object);

  row_ensure_read (self);
  switch (prop_id)
    {
    case ROW_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case ROW_PROP_TYPE_NAME:
      g_value_set_string (value, self->type);
      break;
    case ROW_PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_outline_row_finalize (GObject *object)
{
  WmOutlineRow *self = WM_OUTLINE_ROW (object);

  remove_row (self->tree, self);
  _wm_outline_tree_unref (self->tree);
  g_free (self->key);
  g_free (self->name);
  g_free (self->type);
  g_free (self->label);
  g_free (self->folded);
  G_OBJECT_CLASS (wm_outline_row_parent_class)->finalize (object);
}

static void
wm_outline_row_class_init (WmOutlineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = wm_outline_row_get_property;
  object_class->finalize = wm_outline_row_finalize;

  row_properties[ROW_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_TYPE_NAME] = g_param_spec_string ("type-name", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
wm_outline_row_init (WmOutlineRow *self)
{
}

/* The one row of @key, shared by every list that shows it, so that a
 * rename reaches it wherever it shows. */
static WmOutlineRow *
get_row (WmOutlineTree *tree,
         const char    *key)
{
  WmOutlineRow *row = g_hash_table_lookup (tree->rows, key);

  if (row != NULL)
    return g_object_ref (row);
  row = row_new (tree, key);
  g_hash_table_insert (tree->rows, row->key, row);
  return row;
}

static void
remove_row (WmOutlineTree *tree,
            WmOutlineRow  *row)
{
  if (g_hash_table_lookup (tree->rows, row->key) == row)
    g_hash_table_remove (tree->rows, row->key);
}

/* Lists: a GListModel over keys that makes each row when it is asked for */

#define WM_TYPE_OUTLINE_LIST (wm_outline_list_get_type ())
G_DECLARE_FINAL_TYPE (WmOutlineList, wm_outline_list, WM, OUTLINE_LIST, GObject)

struct _WmOutlineList
{
  GObject        parent_instance;

  WmOutlineTree *tree;
  GPtrArray     *keys;
  GPtrArray     *rows;   /* WmOutlineRow or NULL, one per key */
};

static GType
wm_outline_list_get_item_type (GListModel *model)
{
  return WM_TYPE_OUTLINE_ROW;
}

static guint
wm_outline_list_get_n_items (GListModel *model)
{
  return WM_OUTLINE_LIST (model)->keys->len;
}

static gpointer
wm_outline_list_get_item (GListModel *model,
                          guint       position)
{
  WmOutlineList *self = WM_OUTLINE_LIST (model);

  if (position >= self->keys->len)
    return NULL;
  if (g_ptr_array_index (self->rows, position) == NULL)
    g_ptr_array_index (self->rows, position) =
      get_row (self->tree, g_ptr_array_index (self->keys, position));
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
wm_outline_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = wm_outline_list_get_item_type;
  iface->get_n_items = wm_outline_list_get_n_items;
  iface->get_item = wm_outline_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (WmOutlineList, wm_outline_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      wm_outline_list_model_init))

static void
wm_outline_list_finalize (GObject *object)
{
  WmOutlineList *self = WM_OUTLINE_LIST (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->keys);
  _wm_outline_tree_unref (self->tree);
  G_OBJECT_CLASS (wm_outline_list_parent_class)->finalize (object);
}

static void
wm_outline_list_class_init (WmOutlineListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_outline_list_finalize;
}

static void
wm_outline_list_init (WmOutlineList *self)
{
}

/* Rows not asked for yet are NULL. */
static void
unref_row (gpointer row)
{
  if (row != NULL)
    g_object_unref (row);
}

static GListModel *
list_new (WmOutlineTree *tree,
          GPtrArray     *keys)
{
  WmOutlineList *self = g_object_new (WM_TYPE_OUTLINE_LIST, NULL);

  self->tree = _wm_outline_tree_ref (tree);
  self->keys = g_ptr_array_ref (keys);
  self->rows = g_ptr_array_new_full (keys->len, unref_row);
  g_ptr_array_set_size (self->rows, keys->len);
  return G_LIST_MODEL (self);
}

/* Making a tree */

static GPtrArray *
children_of (WmOutlineTree *tree,
             const char    *key)
{
  GPtrArray *children = g_hash_table_lookup (tree->children, key);

  if (children == NULL)
    {
      children = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (tree->children, g_strdup (key), children);
    }
  return children;
}

static void
add_group (WmOutlineTree *tree,
           GPtrArray     *siblings,
           char          *key,
           const char    *name,
           const char    *type)
{
  Group *group = g_new0 (Group, 1);

  group->name = g_strdup (name);
  group->type = g_strdup (type);
  g_hash_table_insert (tree->groups, g_strdup (key), group);
  g_ptr_array_add (siblings, key);
}

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->name);
  g_free (group->type);
  g_free (group);
}

/* Appends @members (borrowed ids) to the entry @key's children, but those
 * in @skip. */
static void
add_members (WmOutlineTree *tree,
             const char    *key,
             GPtrArray     *members,
             GHashTable    *skip)
{
  GPtrArray *children = children_of (tree, key);

  for (guint i = 0; members != NULL && i < members->len; i++)
    if (skip == NULL || !g_hash_table_contains (skip, g_ptr_array_index (members, i)))
      g_ptr_array_add (children, g_strdup (g_ptr_array_index (members, i)));
}

/* Sorts every node by the entry that holds it: parent key -> GPtrArray of
 * ids (borrowed from the diagram), in z-order. */
static GHashTable *
collect_members (WmOutlineTree *tree,
                 GPtrArray     *links)
{
  GHashTable *members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < wm_diagram_get_n_items (tree->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (tree->diagram, i);
      char *key;
      GPtrArray *list;

      if (wm_item_is_link (item))
        {
          g_ptr_array_add (links, item->id);
          continue;
        }
      key = parent_key (&tree->structure, tree->diagram, item);
      list = g_hash_table_lookup (members, key);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (members, key, list);
        }
      else
        g_free (key);
      g_ptr_array_add (list, item->id);
    }
  return members;
}

static void
add_areas (WmOutlineTree *tree,
           GPtrArray     *root,
           GHashTable    *members)
{
  const WmBoard *board = tree->structure.board;
  const char *type = area_type (&tree->structure, tree->diagram);

  for (guint a = 0; a < board->n_areas; a++)
    {
      char *key = area_key (board, a);

      add_group (tree, root, key, g_dgettext (GETTEXT_PACKAGE, board->areas[a].label), type);
      add_members (tree, key, g_hash_table_lookup (members, key), NULL);
    }
}

/* The first list's entries, each holding the second list's entries that
 * hold something there (in the list's order), then its own items. */
static void
add_slots (WmOutlineTree *tree,
           GPtrArray     *root,
           GHashTable    *members)
{
  const Structure *structure = &tree->structure;
  GPtrArray *firsts = wm_diagram_get_list (tree->diagram, structure->slot_list[0]);
  GPtrArray *seconds = structure->n_slots > 1
                         ? wm_diagram_get_list (tree->diagram, structure->slot_list[1]) : NULL;
  const char *first_type = g_dgettext (GETTEXT_PACKAGE, structure->slot_label[0]);
  const char *second_type = structure->n_slots > 1
                              ? g_dgettext (GETTEXT_PACKAGE, structure->slot_label[1]) : "";

  for (guint i = 0; firsts != NULL && i < firsts->len; i++)
    {
      const WmListEntry *first = g_ptr_array_index (firsts, i);
      char *key = slot_key (first->id, NULL);
      GPtrArray *under = children_of (tree, key);

      add_group (tree, root, key, first->label, first_type);
      for (guint k = 0; seconds != NULL && k < seconds->len; k++)
        {
          const WmListEntry *second = g_ptr_array_index (seconds, k);
          char *cell = slot_key (first->id, second->id);
          GPtrArray *items = g_hash_table_lookup (members, cell);

          if (items == NULL)
            {
              g_free (cell);
              continue;
            }
          add_group (tree, under, cell, second->label, second_type);
          add_members (tree, cell, items, NULL);
        }
      add_members (tree, key, g_hash_table_lookup (members, key), NULL);
    }
}

/* A value stream's steps, in the order of its flow, first. */
static GHashTable *
add_flow (WmOutlineTree *tree,
          GPtrArray     *root,
          GPtrArray     *top)
{
  const Flow *flow = get_flow (tree->diagram);
  GHashTable *placed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) at_top = g_hash_table_new (g_str_hash, g_str_equal);

  tree->has_flow = flow->is_flow;
  tree->flow = g_ptr_array_new_full (flow->ids->len, g_free);
  for (guint i = 0; i < flow->ids->len; i++)
    g_ptr_array_add (tree->flow, g_strdup (g_ptr_array_index (flow->ids, i)));
  for (guint i = 0; top != NULL && i < top->len; i++)
    g_hash_table_add (at_top, g_ptr_array_index (top, i));
  for (guint i = 0; i < flow->ids->len; i++)
    {
      char *id = g_ptr_array_index (flow->ids, i);
      WmItem *item = wm_diagram_lookup (tree->diagram, id);

      if (item == NULL || !g_hash_table_contains (at_top, item->id) ||
          !g_hash_table_add (placed, item->id))
        continue;
      g_ptr_array_add (root, g_strdup (item->id));
    }
  return placed;
}

static void
index_places (WmOutlineTree *tree)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, tree->children);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *children = value;

      for (guint i = 0; i < children->len; i++)
        {
          Place *place = g_new (Place, 1);

          place->parent = key;
          place->position = i;
          g_hash_table_insert (tree->places, g_ptr_array_index (children, i), place);
        }
    }
}

static void
build (WmOutlineTree *tree)
{
  GPtrArray *root = children_of (tree, ROOT_KEY);
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  g_autoptr(GHashTable) members = collect_members (tree, links);
  g_autoptr(GHashTable) placed = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (tree->structure.board != NULL)
    add_areas (tree, root, members);
  if (tree->structure.n_slots > 0)
    add_slots (tree, root, members);
  placed = add_flow (tree, root, g_hash_table_lookup (members, ROOT_KEY));
  add_members (tree, ROOT_KEY, g_hash_table_lookup (members, ROOT_KEY), placed);
  /* Containers hold what their members list says. */
  g_hash_table_iter_init (&iter, members);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((const char *) key)[0] != GROUP_MARK[0] && ((const char *) key)[0] != '\0')
      add_members (tree, key, value, NULL);
  if (links->len > 0)
    {
      add_group (tree, root, g_strdup (LINKS_KEY), _("Links"), "");
      add_members (tree, LINKS_KEY, links, NULL);
    }
  index_places (tree);
}

WmOutlineTree *
_wm_outline_tree_new (WmDiagram *diagram)
{
  WmOutlineTree *tree;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), NULL);

  tree = g_new0 (WmOutlineTree, 1);
  g_ref_count_init (&tree->ref);
  tree->diagram = g_object_ref (diagram);
  structure_init (&tree->structure, diagram);
  tree->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  tree->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, group_free);
  tree->places = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  tree->rows = g_hash_table_new (g_str_hash, g_str_equal);
  build (tree);
  return tree;
}

WmOutlineTree *
_wm_outline_tree_ref (WmOutlineTree *tree)
{
  g_ref_count_inc (&tree->ref);
  return tree;
}

void
_wm_outline_tree_unref (WmOutlineTree *tree)
{
  if (!g_ref_count_dec (&tree->ref))
    return;
  /* Rows hold the tree: when it goes, none is left. */
  g_assert (g_hash_table_size (tree->rows) == 0);
  g_hash_table_unref (tree->rows);
  g_hash_table_unref (tree->places);
  g_hash_table_unref (tree->groups);
  g_hash_table_unref (tree->children);
  g_clear_pointer (&tree->all, g_ptr_array_unref);
  g_clear_pointer (&tree->flow, g_ptr_array_unref);
  g_object_unref (tree->diagram);
  g_free (tree);
}

WmDiagram *
_wm_outline_tree_get_diagram (WmOutlineTree *tree)
{
  return tree->diagram;
}

GListModel *
_wm_outline_tree_get_root (WmOutlineTree *tree)
{
  return list_new (tree, children_of (tree, ROOT_KEY));
}

GListModel *
_wm_outline_tree_children (WmOutlineTree *tree,
                           const char    *key)
{
  GPtrArray *children = g_hash_table_lookup (tree->children, key);

  if (children == NULL || children->len == 0)
    return NULL;
  return list_new (tree, children);
}

guint
_wm_outline_tree_get_n_rows (WmOutlineTree *tree)
{
  return g_hash_table_size (tree->rows);
}

GListModel *
_wm_outline_tree_get_all (WmOutlineTree *tree)
{
  if (tree->all == NULL)
    {
      guint n = wm_diagram_get_n_items (tree->diagram);

      tree->all = g_ptr_array_new_full (n, g_free);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (tree->all, g_strdup (wm_diagram_get_item (tree->diagram, i)->id));
    }
  return list_new (tree, tree->all);
}

gboolean
_wm_outline_tree_locate (WmOutlineTree *tree,
                         const char    *key,
                         const char   **parent,
                         guint         *position)
{
  Place *place = g_hash_table_lookup (tree->places, key);

  if (place == NULL)
    return FALSE;
  *parent = place->parent;
  *position = place->position;
  return TRUE;
}

gboolean
_wm_outline_tree_is_stale (WmOutlineTree *tree,
                           const WmDelta *delta)
{
  if (delta->header || delta->order || delta->added->len > 0 || delta->removed->len > 0)
    return TRUE;
  for (guint i = 0; i < delta->modified->len; i++)
    {
      const char *id = g_ptr_array_index (delta->modified, i);
      const WmItem *item = wm_diagram_lookup (tree->diagram, id);
      g_autofree char *key = NULL;
      Place *place;

      if (item == NULL)
        return TRUE;
      if (wm_item_is_link (item))
        continue;
      key = parent_key (&tree->structure, tree->diagram, item);
      place = g_hash_table_lookup (tree->places, item->id);
      if (place == NULL || !g_str_equal (place->parent, key))
        return TRUE;
    }
  return FALSE;
}

gboolean
_wm_outline_tree_has_flow (WmOutlineTree *tree)
{
  return tree->has_flow;
}

gboolean
_wm_outline_tree_flow_is_stale (WmOutlineTree *tree)
{
  const Flow *flow;

  if (!tree->has_flow)
    return FALSE;
  flow = get_flow (tree->diagram);
  if (flow->ids->len != tree->flow->len)
    return TRUE;
  for (guint i = 0; i < flow->ids->len; i++)
    if (!g_str_equal (g_ptr_array_index (flow->ids, i), g_ptr_array_index (tree->flow, i)))
      return TRUE;
  return FALSE;
}

static void
refresh_row (WmOutlineTree *tree,
             const char    *key)
{
  WmOutlineRow *row = g_hash_table_lookup (tree->rows, key);

  if (row != NULL)
    row_refresh (row);
}

void
_wm_outline_tree_refresh_rows (WmOutlineTree *tree,
                               const WmDelta *delta)
{
  for (guint i = 0; i < delta->modified->len; i++)
    {
      const char *id = g_ptr_array_index (delta->modified, i);
      const WmItem *item = wm_diagram_lookup (tree->diagram, id);
      g_autoptr(GPtrArray) links = NULL;

      refresh_row (tree, id);
      /* A link without a label is named after its ends. */
      if (item == NULL || !wm_item_is_node (item) || g_hash_table_size (tree->rows) == 0)
        continue;
      links = wm_diagram_links_of (tree->diagram, id);
      for (guint k = 0; links != NULL && k < links->len; k++)
        refresh_row (tree, ((WmItem *) g_ptr_array_index (links, k))->id);
    }
}

/* Descriptions for the canvas */

/* "Process “Assembly”", "Process without a name", "Association from
 * “Customer” to “Order coffee”". */
static char *
describe_what (WmDiagram    *diagram,
               const WmItem *item)
{
  g_autofree char *name = dup_item_name (item);
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;

  if (wm_item_is_link (item) && name == NULL)
    {
      source = dup_node_reference (diagram, item->source);
      target = dup_node_reference (diagram, item->target);
      /* Translators: a link, as a screen reader reads it: Association from “Customer” to “Pay” */
      return g_strdup_printf (_("%s from “%s” to “%s”"), type_label (item), source, target);
    }
  if (name == NULL)
    /* Translators: an item without a name, as a screen reader reads it: Process without a name */
    return g_strdup_printf (_("%s without a name"), type_label (item));
  /* Translators: an item, as a screen reader reads it: Process “Assembly” */
  return g_strdup_printf (_("%s “%s”"), type_label (item), name);
}

/* The processes before and after step @index of the flow, as names. */
static void
neighbour_processes (WmDiagram  *diagram,
                     const Flow *flow,
                     guint       index,
                     char      **before,
                     char      **after)
{
  *before = *after = NULL;
  for (guint i = index; i-- > 0 && *before == NULL;)
    if (g_array_index (flow->kinds, WmVsmStepKind, i) == WM_VSM_STEP_PROCESS)
      *before = dup_node_reference (diagram, g_ptr_array_index (flow->ids, i));
  for (guint i = index + 1; i < flow->ids->len && *after == NULL; i++)
    if (g_array_index (flow->kinds, WmVsmStepKind, i) == WM_VSM_STEP_PROCESS)
      *after = dup_node_reference (diagram, g_ptr_array_index (flow->ids, i));
}

static char *
describe_step (WmDiagram  *diagram,
               const Flow *flow,
               guint       index,
               const char *what)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint step = 0, n_steps = 0;

  if (g_array_index (flow->kinds, WmVsmStepKind, index) == WM_VSM_STEP_PROCESS)
    {
      for (guint i = 0; i < flow->ids->len; i++)
        if (g_array_index (flow->kinds, WmVsmStepKind, i) == WM_VSM_STEP_PROCESS)
          {
            n_steps++;
            if (i <= index)
              step++;
          }
      /* Translators: a process of a value stream: Process “Roasting”, step 2 of 4 */
      return g_strdup_printf (_("%s, step %u of %u"), what, step, n_steps);
    }
  neighbour_processes (diagram, flow, index, &before, &after);
  if (before != NULL && after != NULL)
    /* Translators: stock in a value stream:
     * Inventory “Green coffee”, between “Sorting” and “Roasting” */
    return g_strdup_printf (_("%s, between “%s” and “%s”"), what, before, after);
  if (after != NULL)
    /* Translators: stock in a value stream: Inventory “Green coffee”, before “Sorting” */
    return g_strdup_printf (_("%s, before “%s”"), what, after);
  if (before != NULL)
    /* Translators: stock in a value stream: FIFO lane “Parcels”, after “Dispatch” */
    return g_strdup_printf (_("%s, after “%s”"), what, before);
  return g_strdup (what);
}

/* Where a node is: its area, its cell, its container; NULL at the top. */
static char *
describe_place (WmDiagram    *diagram,
                const WmItem *item,
                const char   *what)
{
  Structure structure;
  const WmListEntry *first, *second = NULL;
  g_autofree char *container = NULL;
  guint area;

  structure_init (&structure, diagram);
  area = structure.board != NULL ? wm_board_area_of (structure.board, item) : 0;
  if (structure.board != NULL && area < structure.board->n_areas)
    /* Translators: a note on a canvas: Sticky note “Roasters”, in Key Partners */
    return g_strdup_printf (_("%s, in %s"), what,
                            g_dgettext (GETTEXT_PACKAGE, structure.board->areas[area].label));
  if (structure.n_slots > 0 && (first = slot_entry (&structure, diagram, item, 0)) != NULL)
    {
      const char *first_type = g_dgettext (GETTEXT_PACKAGE, structure.slot_label[0]);

      if (structure.n_slots > 1)
        second = slot_entry (&structure, diagram, item, 1);
      if (second == NULL)
        /* Translators: an item of a journey: Emotion point “Curious”, in Stage “Awareness” */
        return g_strdup_printf (_("%s, in %s “%s”"), what, first_type, first->label);
      /* Translators: a card of a journey:
       * Card “Sees an ad”, in Stage “Awareness”, Lane “Touchpoints” */
      return g_strdup_printf (_("%s, in %s “%s”, %s “%s”"), what, first_type, first->label,
                              g_dgettext (GETTEXT_PACKAGE, structure.slot_label[1]), second->label);
    }
  if (item->parent != NULL && wm_diagram_lookup (diagram, item->parent) != NULL)
    {
      container = dup_node_reference (diagram, item->parent);
      /* Translators: an item in a container: Use case “Order coffee”, in “Café” */
      return g_strdup_printf (_("%s, in “%s”"), what, container);
    }
  return NULL;
}

static char *
describe_item (WmDiagram    *diagram,
               const WmItem *item)
{
  g_autofree char *what = describe_what (diagram, item);
  char *where;
  const Flow *flow;
  int step;

  if (wm_item_is_link (item))
    return g_steal_pointer (&what);
  flow = get_flow (diagram);
  if (flow->is_flow && (step = flow_find (flow, item->id)) >= 0)
    return describe_step (diagram, flow, (guint) step, what);
  where = describe_place (diagram, item, what);
  return where != NULL ? where : g_steal_pointer (&what);
}

char *
_wm_outline_describe_selection (WmDiagram         *diagram,
                                const char *const *ids)
{
  guint n = 0;
  const WmItem *found = NULL;

  if (diagram == NULL)
    return g_strdup ("");
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const WmItem *item = wm_diagram_lookup (diagram, ids[i]);

      if (item != NULL && n++ == 0)
        found = item;
    }
  if (n == 0)
    /* Translators: the canvas, as a screen reader reads it when nothing is selected */
    return g_strdup_printf (_("“%s”, nothing selected"), wm_diagram_get_name (diagram));
  if (n > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item selected", "%u items selected",
                                         n), n);
  return describe_item (diagram, found);
}
