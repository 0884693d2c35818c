/* wm-outline.c — the items of the canvas's diagram as a tree, for keyboards and screen readers
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkListView over a GtkTreeListModel of the diagram's items, grouped as
 * the notation groups them (wm-outline-tree.c says how). Each row shows the
 * item's name and type, and tells a screen reader "name, type". Selecting a
 * row selects and reveals its item on the canvas, and the canvas's
 * selection selects its row, expanding the groups above it. The search
 * entry shows, as a flat list, the items whose name contains its text.
 *
 * A diagram may hold 100 000 items, so the outline is careful with its work:
 *  - the list view makes widgets for the rows in view only, the lists make
 *    a row object when it is asked for, and a group's rows are made when it
 *    is expanded;
 *  - while it is not on screen (another page of the sidebar shows) the
 *    outline does nothing but remember that it is behind, and catches up
 *    when it is shown;
 *  - an edit that only renames items renames their rows; one that moves
 *    items elsewhere in the tree makes the tree again, once per burst of
 *    edits (on an idle), keeping what was expanded. A value stream's order
 *    follows its figures too: it is checked once the edits pause.
 */
#define G_LOG_DOMAIN "wm-outline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-outline.h"
#include "wm-outline-private.h"
#include "wm-widgets-resources.h"

/* How long a value stream's edits must pause before its order is checked. */
#define FLOW_CHECK_DELAY_MS 400
/* Above this many items, a search filters them a batch at a time. */
#define INCREMENTAL_ITEMS 10000

struct _WmOutline
{
  AdwBin              parent_instance;

  GtkWidget          *search_entry;
  GtkWidget          *stack;
  GtkWidget          *list;
  GtkWidget          *empty_label;
  GtkSingleSelection *selection;
  GtkFilterListModel *filtered;   /* the selection's model, over rows */
  GtkCustomFilter    *filter;     /* the filtered model's filter while searching */
  GtkTreeListModel   *rows;       /* the filtered model's model: the tree (GtkTreeListRow)... */
  GListModel         *items;      /* ...or while searching, every item, flat (WmOutlineRow) */
  WmOutlineTree      *tree;
  WmDiagram          *diagram;
  GSignalGroup       *canvas_signals;
  GSignalGroup       *diagram_signals;
  GHashTable         *expanded;   /* keys of the rows expanded, kept across new trees */
  char               *search;     /* folded (wm_find_fold()), or NULL */
  guint               idle_id;
  guint               flow_check_id;
  gboolean            stale;            /* the tree is behind the diagram */
  gboolean            selection_stale;  /* the selected row is behind the canvas */
  gboolean            syncing;          /* the outline itself changes a selection */
  guint               n_builds;
};

G_DEFINE_FINAL_TYPE (WmOutline, wm_outline, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CANVAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void sync_selection (WmOutline *self);

static gboolean
is_shown (WmOutline *self)
{
  return gtk_widget_get_mapped (GTK_WIDGET (self));
}

static WmCanvas *
dup_canvas (WmOutline *self)
{
  return g_signal_group_dup_target (self->canvas_signals);
}

/* The row object of an item of the list: the tree's rows wrap theirs, the
 * search's flat list has them bare. */
static WmOutlineRow *
row_item (gpointer item)
{
  if (GTK_IS_TREE_LIST_ROW (item))
    return gtk_tree_list_row_get_item (item);
  return item != NULL ? g_object_ref (item) : NULL;
}

/* Rows */

static void
show_row (GtkWidget    *expander,
          WmOutlineRow *row)
{
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *type = gtk_widget_get_next_sibling (name);
  GtkWidget *row_widget = gtk_widget_get_parent (expander);

  gtk_label_set_label (GTK_LABEL (name), wm_outline_row_get_name (row));
  gtk_label_set_label (GTK_LABEL (type), wm_outline_row_get_type_name (row));
  /* Groups read as headings; an item without a name shows its stand-in dimmed. */
  if (wm_outline_row_get_item_id (row) == NULL)
    gtk_widget_set_css_classes (name, (const char *[]) { "heading", NULL });
  else if (!wm_outline_row_has_name (row))
    gtk_widget_set_css_classes (name, (const char *[]) { "dim-label", NULL });
  else
    gtk_widget_set_css_classes (name, (const char *[]) { NULL });
  /* What a screen reader reads: "name, type", on the row that takes the
   * focus as on the expander inside it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  wm_outline_row_get_label (row), -1);
  if (row_widget != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row_widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    wm_outline_row_get_label (row), -1);
}

static void
on_row_renamed (WmOutlineRow *row,
                GParamSpec   *pspec,
                GtkWidget    *expander)
{
  show_row (expander, row);
}

static void
on_row_expanded (GtkTreeListRow *list_row,
                 GParamSpec     *pspec,
                 WmOutline      *self)
{
  g_autoptr(WmOutlineRow) row = row_item (list_row);

  /* A row that goes away (its tree replaced, its parent collapsed) says it
   * collapses: what the analyst opened stays open for the next tree. */
  if (row == NULL || self->syncing)
    return;
  if (gtk_tree_list_row_get_expanded (list_row))
    g_hash_table_add (self->expanded, g_strdup (wm_outline_row_get_key (row)));
  else
    g_hash_table_remove (self->expanded, wm_outline_row_get_key (row));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           WmOutline                *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *type = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (type), 1);
  gtk_label_set_ellipsize (GTK_LABEL (type), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (type), 14);
  gtk_widget_add_css_class (type, "dim-label");
  gtk_widget_add_css_class (type, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), type);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          WmOutline                *self)
{
  gpointer list_item = gtk_list_item_get_item (item);
  GtkTreeListRow *list_row = GTK_IS_TREE_LIST_ROW (list_item) ? list_item : NULL;
  GtkWidget *expander = gtk_list_item_get_child (item);
  WmOutlineRow *row = row_item (list_item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), list_row);
  show_row (expander, row);
  g_signal_connect_object (row, "notify::label", G_CALLBACK (on_row_renamed), expander, 0);
  if (list_row != NULL)
    g_signal_connect_object (list_row, "notify::expanded", G_CALLBACK (on_row_expanded), self, 0);
  g_object_set_data_full (G_OBJECT (expander), "wm-row", row, g_object_unref);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            WmOutline                *self)
{
  GtkWidget *expander = gtk_list_item_get_child (item);
  WmOutlineRow *row = g_object_get_data (G_OBJECT (expander), "wm-row");
  GtkTreeListRow *list_row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander));

  if (row != NULL)
    g_signal_handlers_disconnect_by_data (row, expander);
  if (list_row != NULL)
    g_signal_handlers_disconnect_by_data (list_row, self);
  g_object_set_data (G_OBJECT (expander), "wm-row", NULL);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

/* The rows' model */

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  return _wm_outline_tree_children (user_data, wm_outline_row_get_key (item));
}

static GListModel *
create_no_children (gpointer item,
                    gpointer user_data)
{
  return NULL;
}

static gboolean
match_row (gpointer item,
           gpointer user_data)
{
  WmOutline *self = user_data;

  return self->search == NULL || wm_outline_row_matches (item, self->search);
}

static void
update_empty (WmOutline *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_label_set_label (GTK_LABEL (self->empty_label),
                       self->search != NULL ? _("No Items Match") : _("No Items"));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), empty ? "empty" : "list");
}

/* Expands again, level by level, the rows that were expanded. */
static void
expand_under (WmOutline      *self,
              GtkTreeListRow *parent,
              const char     *key,
              GHashTable     *by_parent)
{
  GArray *positions = g_hash_table_lookup (by_parent, key);

  for (guint i = 0; positions != NULL && i < positions->len; i++)
    {
      guint position = g_array_index (positions, guint, i);
      g_autoptr(GtkTreeListRow) row = parent != NULL
        ? gtk_tree_list_row_get_child_row (parent, position)
        : gtk_tree_list_model_get_child_row (self->rows, position);
      g_autoptr(WmOutlineRow) item = row_item (row);

      if (row == NULL)
        continue;
      gtk_tree_list_row_set_expanded (row, TRUE);
      expand_under (self, row, wm_outline_row_get_key (item), by_parent);
    }
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint pa = *(const guint *) a, pb = *(const guint *) b;

  return (pa > pb) - (pa < pb);
}

static void
restore_expanded (WmOutline *self)
{
  g_autoptr(GHashTable) by_parent = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->expanded);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *parent;
      guint position;
      GArray *positions;

      if (!_wm_outline_tree_locate (self->tree, key, &parent, &position))
        continue;
      positions = g_hash_table_lookup (by_parent, parent);
      if (positions == NULL)
        {
          positions = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_parent, (gpointer) parent, positions);
        }
      g_array_append_val (positions, position);
    }
  g_hash_table_iter_init (&iter, by_parent);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_array_sort (value, compare_positions);
  expand_under (self, NULL, "", by_parent);
}

/* Puts in the list the tree, or while searching every item, flat. */
static void
install_rows (WmOutline *self)
{
  gboolean searching = self->search != NULL && self->tree != NULL;
  GListModel *model;

  self->syncing = TRUE;
  /* The old rows are not filtered on their way out. */
  gtk_filter_list_model_set_filter (self->filtered, NULL);
  g_clear_object (&self->rows);
  g_clear_object (&self->items);
  if (searching)
    {
      self->items = _wm_outline_tree_get_all (self->tree);
      model = self->items;
    }
  else
    {
      GListModel *root = self->tree != NULL ? _wm_outline_tree_get_root (self->tree)
                                            : G_LIST_MODEL (g_list_store_new (WM_TYPE_OUTLINE_ROW));

      self->rows = self->tree != NULL
        ? gtk_tree_list_model_new (root, FALSE, FALSE, create_children,
                                   _wm_outline_tree_ref (self->tree),
                                   (GDestroyNotify) _wm_outline_tree_unref)
        : gtk_tree_list_model_new (root, FALSE, FALSE, create_no_children, NULL, NULL);
      model = G_LIST_MODEL (self->rows);
    }
  gtk_filter_list_model_set_model (self->filtered, model);
  if (searching)
    {
      /* A large diagram's matches come in as they are found, the window
       * staying responsive meanwhile. */
      gtk_filter_list_model_set_incremental (self->filtered,
                                             g_list_model_get_n_items (model) > INCREMENTAL_ITEMS);
      gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
    }
  else if (self->tree != NULL)
    restore_expanded (self);
  self->syncing = FALSE;
  update_empty (self);
}

static void
rebuild (WmOutline *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->flow_check_id, g_source_remove);
  self->stale = FALSE;
  g_clear_pointer (&self->tree, _wm_outline_tree_unref);
  if (self->diagram != NULL)
    {
      self->tree = _wm_outline_tree_new (self->diagram);
      self->n_builds++;
    }
  install_rows (self);
  sync_selection (self);
}

void
wm_outline_refresh (WmOutline *self)
{
  g_return_if_fail (WM_IS_OUTLINE (self));

  rebuild (self);
}

static gboolean
catch_up (gpointer data)
{
  WmOutline *self = data;

  self->idle_id = 0;
  if (!is_shown (self))
    return G_SOURCE_REMOVE;
  if (self->stale)
    rebuild (self);
  else if (self->selection_stale)
    sync_selection (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_catch_up (WmOutline *self,
                   int        priority)
{
  if (self->idle_id == 0 && is_shown (self))
    self->idle_id = g_idle_add_full (priority, catch_up, self, NULL);
}

/* The selection, both ways */

/* The row of @key in the tree, its groups expanded; its position or
 * GTK_INVALID_LIST_POSITION. */
static guint
expand_to (WmOutline  *self,
           const char *key)
{
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GtkTreeListRow) row = NULL;
  const char *parent;
  guint position;

  for (const char *k = key; k[0] != '\0'; k = parent)
    {
      if (!_wm_outline_tree_locate (self->tree, k, &parent, &position))
        return GTK_INVALID_LIST_POSITION;
      g_array_append_val (path, position);
    }
  for (guint level = path->len; level-- > 0;)
    {
      GtkTreeListRow *next = row != NULL
        ? gtk_tree_list_row_get_child_row (row, g_array_index (path, guint, level))
        : gtk_tree_list_model_get_child_row (self->rows, g_array_index (path, guint, level));

      g_clear_object (&row);
      row = next;
      if (row == NULL)
        return GTK_INVALID_LIST_POSITION;
      if (level > 0)
        {
          g_autoptr(WmOutlineRow) item = row_item (row);

          gtk_tree_list_row_set_expanded (row, TRUE);
          g_hash_table_add (self->expanded, g_strdup (wm_outline_row_get_key (item)));
        }
    }
  return gtk_tree_list_row_get_position (row);
}

/* While searching, the flat list's row of @key, if it matches. */
static guint
find_in_list (WmOutline  *self,
              const char *key)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);
      g_autoptr(WmOutlineRow) item = row_item (row);

      if (g_str_equal (wm_outline_row_get_key (item), key))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* The item of the selected row, if it is one of @ids. */
static gboolean
selected_is_one_of (WmOutline         *self,
                    const char *const *ids)
{
  gpointer selected = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(WmOutlineRow) item = row_item (selected);
  const char *id = item != NULL ? wm_outline_row_get_item_id (item) : NULL;

  return id != NULL && ids != NULL && g_strv_contains (ids, id);
}

static void
sync_selection (WmOutline *self)
{
  g_autoptr(WmCanvas) canvas = dup_canvas (self);
  g_auto(GStrv) ids = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  if (!is_shown (self) || self->stale)
    {
      self->selection_stale = TRUE;
      return;
    }
  self->selection_stale = FALSE;
  if (canvas != NULL && self->tree != NULL)
    ids = wm_canvas_get_selection (canvas);
  /* Several items selected: the row already on one of them stays. */
  if (selected_is_one_of (self, (const char *const *) ids))
    return;
  /* Expanding the groups above the row moves the selected one: that is no
   * choice of the analyst's to pass on to the canvas. */
  self->syncing = TRUE;
  if (ids != NULL && ids[0] != NULL)
    position = self->search != NULL ? find_in_list (self, ids[0]) : expand_to (self, ids[0]);
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (self->list, "list.scroll-to-item", "u", position);
}

static void
on_canvas_selection (WmOutline *self)
{
  if (self->syncing)
    return;
  if (!is_shown (self))
    {
      self->selection_stale = TRUE;
      return;
    }
  sync_selection (self);
}

static void
on_selected (WmOutline *self)
{
  g_autoptr(WmCanvas) canvas = NULL;
  g_autoptr(WmOutlineRow) item = NULL;
  g_auto(GStrv) selection = NULL;
  const char *id;

  if (self->syncing)
    return;
  item = row_item (gtk_single_selection_get_selected_item (self->selection));
  id = item != NULL ? wm_outline_row_get_item_id (item) : NULL;
  canvas = dup_canvas (self);
  if (id == NULL || canvas == NULL)
    return;
  /* A row that only moved (a group above it opened) is still the canvas's. */
  selection = wm_canvas_get_selection (canvas);
  if (selection != NULL && g_strv_length (selection) == 1 && g_str_equal (selection[0], id))
    return;
  self->syncing = TRUE;
  wm_canvas_reveal (canvas, (const char *const[]) { id, NULL });
  self->syncing = FALSE;
}

/* Enter or a double click: an item's row goes to the canvas, with the
 * item selected; a group's opens or closes. */
static void
on_row_activated (WmOutline *self,
                  guint      position)
{
  g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  g_autoptr(WmOutlineRow) item = row_item (row);
  g_autoptr(WmCanvas) canvas = dup_canvas (self);

  if (item == NULL)
    return;
  if (wm_outline_row_get_item_id (item) == NULL && GTK_IS_TREE_LIST_ROW (row))
    {
      gtk_tree_list_row_set_expanded (GTK_TREE_LIST_ROW (row),
                                      !gtk_tree_list_row_get_expanded (GTK_TREE_LIST_ROW (row)));
      return;
    }
  if (canvas == NULL)
    return;
  wm_canvas_reveal (canvas, (const char *const[]) { wm_outline_row_get_item_id (item), NULL });
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
}

/* Following the diagram */

static gboolean
check_flow (gpointer data)
{
  WmOutline *self = data;

  self->flow_check_id = 0;
  if (self->tree != NULL && _wm_outline_tree_flow_is_stale (self->tree))
    {
      self->stale = TRUE;
      schedule_catch_up (self, G_PRIORITY_LOW);
    }
  return G_SOURCE_REMOVE;
}

static void
on_diagram_changed (WmOutline     *self,
                    const WmDelta *delta)
{
  if (!is_shown (self) || self->tree == NULL || self->stale)
    {
      self->stale = TRUE;
      schedule_catch_up (self, G_PRIORITY_LOW);
      return;
    }
  if (_wm_outline_tree_is_stale (self->tree, delta))
    {
      self->stale = TRUE;
      schedule_catch_up (self, G_PRIORITY_LOW);
      return;
    }
  _wm_outline_tree_refresh_rows (self->tree, delta);
  /* A renamed item may match the search now, or no longer. */
  if (self->search != NULL && delta->modified->len > 0)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (_wm_outline_tree_has_flow (self->tree) && delta->modified->len > 0)
    {
      g_clear_handle_id (&self->flow_check_id, g_source_remove);
      self->flow_check_id = g_timeout_add (FLOW_CHECK_DELAY_MS, check_flow, self);
    }
}

static void
set_diagram (WmOutline *self,
             WmDiagram *diagram)
{
  if (!g_set_object (&self->diagram, diagram))
    return;
  g_signal_group_set_target (self->diagram_signals, diagram);
  g_hash_table_remove_all (self->expanded);
  /* The old diagram's rows go at once; the new one's come when shown. */
  g_clear_pointer (&self->tree, _wm_outline_tree_unref);
  g_clear_handle_id (&self->flow_check_id, g_source_remove);
  install_rows (self);
  self->stale = diagram != NULL;
  if (is_shown (self) && diagram != NULL)
    rebuild (self);
}

static void
on_canvas_diagram (WmOutline *self)
{
  g_autoptr(WmCanvas) canvas = dup_canvas (self);

  set_diagram (self, canvas != NULL ? wm_canvas_get_diagram (canvas) : NULL);
}

/* The search */

void
wm_outline_set_search (WmOutline  *self,
                       const char *text)
{
  g_autofree char *folded = NULL;
  gboolean was_searching;

  g_return_if_fail (WM_IS_OUTLINE (self));

  folded = text != NULL && text[0] != '\0' ? wm_find_fold (text) : NULL;
  if (g_strcmp0 (folded, self->search) == 0)
    return;
  was_searching = self->search != NULL;
  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  if (was_searching != (self->search != NULL))
    install_rows (self);
  else
    {
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      update_empty (self);
    }
  sync_selection (self);
}

static void
on_search_changed (WmOutline *self)
{
  wm_outline_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Escape in the entry clears it, then goes back to the rows. */
static void
on_stop_search (WmOutline *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    wm_outline_focus (self);
}

/* Public API */

void
wm_outline_set_canvas (WmOutline *self,
                       WmCanvas  *canvas)
{
  g_return_if_fail (WM_IS_OUTLINE (self));
  g_return_if_fail (canvas == NULL || WM_IS_CANVAS (canvas));

  g_signal_group_set_target (self->canvas_signals, canvas);
  on_canvas_diagram (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANVAS]);
}

WmCanvas *
wm_outline_get_canvas (WmOutline *self)
{
  g_autoptr(WmCanvas) canvas = NULL;

  g_return_val_if_fail (WM_IS_OUTLINE (self), NULL);

  /* The signal group holds it weakly; the outline does not keep it alive. */
  canvas = dup_canvas (self);
  return canvas;
}

guint
wm_outline_get_n_builds (WmOutline *self)
{
  g_return_val_if_fail (WM_IS_OUTLINE (self), 0);
  return self->n_builds;
}

/* Focuses the row widget that shows @row, if the list has made it. */
static gboolean
focus_row (WmOutline *self,
           gpointer   row)
{
  g_autoptr(WmOutlineRow) wanted = row_item (row);

  for (GtkWidget *child = gtk_widget_get_first_child (self->list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_first_child (child);

      if (GTK_IS_TREE_EXPANDER (expander) &&
          g_object_get_data (G_OBJECT (expander), "wm-row") == wanted)
        return gtk_widget_grab_focus (child);
    }
  return FALSE;
}

/* The row scrolled to shows after the next layout. */
static gboolean
focus_row_later (GtkWidget     *list,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  WmOutline *self = WM_OUTLINE (gtk_widget_get_ancestor (list, WM_TYPE_OUTLINE));
  gpointer row = g_object_get_data (G_OBJECT (list), "wm-focus-row");

  if (self != NULL && row != NULL && !focus_row (self, row))
    gtk_widget_grab_focus (list);
  g_object_set_data (G_OBJECT (list), "wm-focus-row", NULL);
  return G_SOURCE_REMOVE;
}

guint
wm_outline_get_n_rows (WmOutline *self)
{
  g_return_val_if_fail (WM_IS_OUTLINE (self), 0);
  return self->tree != NULL ? _wm_outline_tree_get_n_rows (self->tree) : 0;
}

void
wm_outline_focus (WmOutline *self)
{
  g_autoptr(GObject) row = NULL;
  guint position;

  g_return_if_fail (WM_IS_OUTLINE (self));

  /* Just shown: the rows come now rather than on the idle. */
  if (is_shown (self) && self->stale)
    rebuild (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    {
      gtk_widget_grab_focus (self->search_entry);
      return;
    }
  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  row = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  gtk_widget_activate_action (self->list, "list.scroll-to-item", "u", position);
  if (focus_row (self, row))
    return;
  g_object_set_data_full (G_OBJECT (self->list), "wm-focus-row", g_steal_pointer (&row),
                          g_object_unref);
  gtk_widget_add_tick_callback (self->list, focus_row_later, NULL, NULL);
}

/* GObject and GtkWidget */

static void
wm_outline_map (GtkWidget *widget)
{
  WmOutline *self = WM_OUTLINE (widget);

  GTK_WIDGET_CLASS (wm_outline_parent_class)->map (widget);
  /* Shown again after edits it did not follow: catch up before the next frame. */
  if (self->stale || self->selection_stale)
    schedule_catch_up (self, G_PRIORITY_HIGH_IDLE);
}

static void
wm_outline_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WmOutline *self = WM_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_take_object (value, dup_canvas (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_outline_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WmOutline *self = WM_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      wm_outline_set_canvas (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_outline_dispose (GObject *object)
{
  WmOutline *self = WM_OUTLINE (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->flow_check_id, g_source_remove);
  g_signal_group_set_target (self->canvas_signals, NULL);
  g_signal_group_set_target (self->diagram_signals, NULL);
  if (self->list != NULL)
    gtk_list_view_set_model (GTK_LIST_VIEW (self->list), NULL);
  /* The bin lets go of its child first, or it would unparent it again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_OUTLINE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->rows);
  g_clear_object (&self->items);
  g_clear_pointer (&self->tree, _wm_outline_tree_unref);
  g_clear_object (&self->diagram);
  G_OBJECT_CLASS (wm_outline_parent_class)->dispose (object);
}

static void
wm_outline_finalize (GObject *object)
{
  WmOutline *self = WM_OUTLINE (object);

  g_clear_object (&self->canvas_signals);
  g_clear_object (&self->diagram_signals);
  g_hash_table_unref (self->expanded);
  g_free (self->search);
  G_OBJECT_CLASS (wm_outline_parent_class)->finalize (object);
}

static void
wm_outline_class_init (WmOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = wm_outline_get_property;
  object_class->set_property = wm_outline_set_property;
  object_class->dispose = wm_outline_dispose;
  object_class->finalize = wm_outline_finalize;
  widget_class->map = wm_outline_map;

  /**
   * WmOutline:canvas:
   *
   * The canvas whose diagram and selection the outline follows, or %NULL.
   */
  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, WM_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "outline");

  /* The template is compiled into this library: naming its bundle links it
   * (and so registers it) into every program that uses the outline. */
  wm_widgets_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/ui/wm-outline.ui");
  gtk_widget_class_bind_template_child (widget_class, WmOutline, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WmOutline, stack);
  gtk_widget_class_bind_template_child (widget_class, WmOutline, list);
  gtk_widget_class_bind_template_child (widget_class, WmOutline, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
wm_outline_init (WmOutline *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->filter = gtk_custom_filter_new (match_row, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selected), self);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_empty), self);
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list), GTK_SELECTION_MODEL (self->selection));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (GTK_LIST_VIEW (self->list), factory);
  g_object_unref (factory);

  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (on_stop_search), self);

  self->canvas_signals = g_signal_group_new (WM_TYPE_CANVAS);
  g_signal_group_connect_swapped (self->canvas_signals, "notify::diagram",
                                  G_CALLBACK (on_canvas_diagram), self);
  g_signal_group_connect_swapped (self->canvas_signals, "selection-changed",
                                  G_CALLBACK (on_canvas_selection), self);
  self->diagram_signals = g_signal_group_new (WM_TYPE_DIAGRAM);
  g_signal_group_connect_swapped (self->diagram_signals, "changed",
                                  G_CALLBACK (on_diagram_changed), self);
  install_rows (self);
}

GtkWidget *
wm_outline_new (void)
{
  return g_object_new (WM_TYPE_OUTLINE, NULL);
}
