/* wm-problems-panel.c — the problems the model checks find in the shown diagram
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per problem: the severity's icon and the check's message. A click
 * on a row emits "problem-activated" with the ids of the items concerned,
 * for the window to reveal them on the canvas.
 *
 * A diagram of 100 000 items can have tens of thousands of problems, so the
 * panel is careful with its work:
 *  - the rows are a GtkListView over a list model, so only the rows in view
 *    are widgets, whatever the number of problems;
 *  - while the panel is not on screen (the bottom pane closed, or another
 *    page of it shown) it checks nothing and only remembers that its
 *    problems are stale; it checks when it is shown again;
 *  - an edit only schedules the checks on an idle: typing a name into a
 *    large map checks once when the keystrokes pause, not once per key;
 *    while paused (a drag under way) nothing is checked, and the check runs
 *    once the drag ends;
 *  - the panel keeps each item's own problems and checks again only the
 *    items the edits changed (and those that link to other items, whose
 *    targets may go elsewhere); the notation's rules about the whole
 *    diagram (cycles, participation, flows) run whole each time;
 *  - a new result replaces only the rows that differ from the old one, so
 *    an edit that changes one problem rebinds one row.
 *
 * Conflicts a merge left in the project (wm-merge.h) come last, as errors
 * with Take Mine and Take Theirs buttons that resolve them as one undo step.
 *
 * The window binds the "diagram" property to the canvas's; the fixed parts
 * (the empty state, the count, the list) are in wm-problems-panel.ui.
 */
#define G_LOG_DOMAIN "wm-problems-panel"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-problems-panel.h"
#include "wm-widgets-resources.h"

struct _WmProblemsPanel
{
  AdwBin          parent_instance;

  GtkWidget      *stack;
  GtkWidget      *list;       /* a GtkListView: rows exist only for what is in view */
  GtkWidget      *count;
  GtkStringList  *messages;   /* the list's model: one message per problem, in step with problems */
  WmDiagram      *diagram;
  GSignalGroup   *diagram_signals;
  guint           idle_id;
  GPtrArray      *problems;   /* WmProblem, one per row */
  gboolean        stale;      /* the diagram changed since the problems shown were found */
  gboolean        paused;
  guint           n_checks;
  guint           n_item_checks;
  GHashTable     *item_problems;  /* item id -> GPtrArray of its own WmProblem */
  GHashTable     *dirty;          /* ids of the items to check again */
  gboolean        all_dirty;      /* check every item again (a new diagram, its lists changed) */
  GArray         *conflict_rows;  /* the project's conflict index of each of the last rows */
};

G_DEFINE_FINAL_TYPE (WmProblemsPanel, wm_problems_panel, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_DIAGRAM,
  PROP_N_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  PROBLEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
severity_icon (WmSeverity severity)
{
  switch (severity)
    {
    case WM_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case WM_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case WM_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
severity_style (WmSeverity severity)
{
  switch (severity)
    {
    case WM_SEVERITY_ERROR:
      return "error";
    case WM_SEVERITY_WARNING:
      return "warning";
    case WM_SEVERITY_INFO:
    default:
      return "dim-label";
    }
}

static const char *
severity_label (WmSeverity severity)
{
  switch (severity)
    {
    case WM_SEVERITY_ERROR:
      return _("Error");
    case WM_SEVERITY_WARNING:
      return _("Warning");
    case WM_SEVERITY_INFO:
    default:
      return _("Information");
    }
}

/* Rows: the list view makes a handful and binds them to the problems in view */

static void on_take_clicked (GtkButton *button, WmProblemsPanel *self);

/* A button of a conflict's row; it finds its row's conflict when clicked,
 * since rows that did not change are not bound again. */
static GtkWidget *
take_button (WmProblemsPanel *self,
             GtkListItem     *item,
             const char      *label,
             gboolean         take_theirs)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  g_object_set_data (G_OBJECT (button), "list-item", item);
  g_object_set_data (G_OBJECT (button), "take-theirs", GINT_TO_POINTER (take_theirs));
  g_signal_connect (button, "clicked", G_CALLBACK (on_take_clicked), self);
  return button;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           WmProblemsPanel          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  /* The message above a conflict's buttons, so that it keeps its width. */
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (buttons), take_button (self, item, _("Take Mine"), FALSE));
  gtk_box_append (GTK_BOX (buttons), take_button (self, item, _("Take Theirs"), TRUE));
  gtk_widget_set_visible (buttons, FALSE);
  gtk_box_append (GTK_BOX (text), label);
  gtk_box_append (GTK_BOX (text), buttons);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_item_set_child (item, box);
}

/* The project's index of the conflict row @position shows, or -1. */
static int
conflict_at (WmProblemsPanel *self,
             guint            position)
{
  guint first = self->problems->len - self->conflict_rows->len;

  if (position < first || position >= self->problems->len)
    return -1;
  return (int) g_array_index (self->conflict_rows, guint, position - first);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          WmProblemsPanel          *self)
{
  GtkWidget *icon = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *label = gtk_widget_get_first_child (gtk_widget_get_next_sibling (icon));
  guint position = gtk_list_item_get_position (item);
  const WmProblem *problem;

  /* The model and the array change together (see show_problems()). */
  g_assert (position < self->problems->len);
  problem = g_ptr_array_index (self->problems, position);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), severity_icon (problem->severity));
  gtk_widget_set_css_classes (icon, (const char *[]) { severity_style (problem->severity), NULL });
  gtk_widget_set_tooltip_text (icon, severity_label (problem->severity));
  gtk_label_set_label (GTK_LABEL (label), problem->message);
  gtk_widget_set_visible (gtk_widget_get_next_sibling (label), conflict_at (self, position) >= 0);
  /* Only a problem about items has somewhere to go. */
  gtk_list_item_set_activatable (item, problem->item_ids != NULL && problem->item_ids[0] != NULL);
}

/* Showing a result */

static gboolean
problem_equal (const WmProblem *a,
               const WmProblem *b)
{
  return a->severity == b->severity && g_str_equal (a->message, b->message) &&
         g_strv_equal ((const char *const *) a->item_ids, (const char *const *) b->item_ids);
}

static gpointer
steal_index (GPtrArray *array,
             guint      index)
{
  gpointer data = g_ptr_array_index (array, index);

  g_ptr_array_index (array, index) = NULL;
  return data;
}

/* Replaces the problems shown by @found (taking them over), changing only
 * the rows between the longest common beginning and end of the two lists. */
static void
show_problems (WmProblemsPanel *self,
               GPtrArray       *found)
{
  guint old_len = self->problems->len, new_len = found->len;
  guint head = 0, tail = 0, removed, added;
  g_autofree const char **messages = NULL;
  GPtrArray *merged;

  while (head < old_len && head < new_len &&
         problem_equal (g_ptr_array_index (self->problems, head), g_ptr_array_index (found, head)))
    head++;
  while (tail < old_len - head && tail < new_len - head &&
         problem_equal (g_ptr_array_index (self->problems, old_len - 1 - tail),
                        g_ptr_array_index (found, new_len - 1 - tail)))
    tail++;
  removed = old_len - head - tail;
  added = new_len - head - tail;

  merged = g_ptr_array_new_full (new_len, (GDestroyNotify) wm_problem_free);
  messages = g_new0 (const char *, added + 1);
  for (guint i = 0; i < head; i++)
    g_ptr_array_add (merged, steal_index (self->problems, i));
  for (guint i = 0; i < added; i++)
    {
      g_ptr_array_add (merged, steal_index (found, head + i));
      messages[i] = ((WmProblem *) g_ptr_array_index (merged, head + i))->message;
    }
  for (guint i = old_len - tail; i < old_len; i++)
    g_ptr_array_add (merged, steal_index (self->problems, i));
  /* The array first: the model's items-changed binds rows, which read it. */
  g_ptr_array_unref (self->problems);
  self->problems = merged;
  gtk_string_list_splice (self->messages, head, removed, messages);
  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROBLEMS]);
}

static void
update_count (WmProblemsPanel *self)
{
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem",
                                                         "%u problems", self->problems->len),
                                            self->problems->len);

  gtk_label_set_label (GTK_LABEL (self->count), count);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    self->problems->len > 0 ? "list" : "empty");
}

/* Checking, item by item */

static WmProblem *
problem_copy (const WmProblem *problem)
{
  WmProblem *copy = g_new0 (WmProblem, 1);

  copy->severity = problem->severity;
  copy->diagram_id = g_strdup (problem->diagram_id);
  copy->message = g_strdup (problem->message);
  copy->item_ids = g_strdupv (problem->item_ids);
  return copy;
}

/* Whether @item points at items that an edit elsewhere may delete. */
static gboolean
has_references (const WmItem *item)
{
  for (guint i = 0; item->props != NULL && i < item->type->n_props; i++)
    if (item->type->props[i].type == WM_PROP_REFS && item->props[i].set)
      return TRUE;
  return FALSE;
}

/* @item's own problems: kept from the last check unless it changed since. */
static GPtrArray *
item_problems (WmProblemsPanel *self,
               const WmItem    *item)
{
  GPtrArray *mine = g_hash_table_lookup (self->item_problems, item->id);

  if (mine != NULL && !g_hash_table_contains (self->dirty, item->id) && !has_references (item))
    return mine;
  mine = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_problem_free);
  wm_diagram_check_item (self->diagram, item, mine);
  self->n_item_checks++;
  g_hash_table_replace (self->item_problems, g_strdup (item->id), mine);
  return mine;
}

/* The conflicts of the diagram and of the project's metadata, last. */
static void
add_conflicts (WmProblemsPanel *self,
               GPtrArray       *found)
{
  GPtrArray *conflicts = wm_project_get_conflicts (wm_diagram_get_project (self->diagram));

  g_array_set_size (self->conflict_rows, 0);
  for (guint i = 0; i < conflicts->len; i++)
    {
      const WmConflict *conflict = conflicts->pdata[i];
      const char *ids[] = { conflict->item, NULL };
      g_autofree char *message = NULL;

      if (conflict->diagram != NULL &&
          g_strcmp0 (conflict->diagram, wm_diagram_get_id (self->diagram)) != 0)
        continue;
      message = wm_conflict_describe (conflict);
      g_ptr_array_add (found, wm_problem_new (WM_SEVERITY_ERROR, self->diagram, ids, "%s",
                                              message));
      g_array_append_val (self->conflict_rows, i);
    }
}

/* The same problems, in the same order, as wm_diagram_check(), then the
 * conflicts. */
static GPtrArray *
check_diagram (WmProblemsPanel *self)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_problem_free);

  if (self->all_dirty)
    g_hash_table_remove_all (self->item_problems);
  wm_diagram_check_fields (self->diagram, found);
  for (guint i = 0; i < wm_diagram_get_n_items (self->diagram); i++)
    {
      GPtrArray *mine = item_problems (self, wm_diagram_get_item (self->diagram, i));

      for (guint k = 0; k < mine->len; k++)
        g_ptr_array_add (found, problem_copy (g_ptr_array_index (mine, k)));
    }
  wm_diagram_check_rules (self->diagram, found);
  add_conflicts (self, found);
  g_hash_table_remove_all (self->dirty);
  self->all_dirty = FALSE;
  return found;
}

static void
forget_items (WmProblemsPanel *self)
{
  g_hash_table_remove_all (self->item_problems);
  g_hash_table_remove_all (self->dirty);
  self->all_dirty = TRUE;
}

void
wm_problems_panel_refresh (WmProblemsPanel *self)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_if_fail (WM_IS_PROBLEMS_PANEL (self));

  g_clear_handle_id (&self->idle_id, g_source_remove);
  self->stale = FALSE;
  if (self->diagram != NULL)
    {
      found = check_diagram (self);
      self->n_checks++;
    }
  else
    found = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_problem_free);
  /* What is left in @found are the problems already shown. */
  show_problems (self, found);
  update_count (self);
}

/* Checking when it is worth it */

static gboolean
is_shown (WmProblemsPanel *self)
{
  return gtk_widget_get_mapped (GTK_WIDGET (self));
}

static gboolean
refresh_on_idle (gpointer data)
{
  WmProblemsPanel *self = data;

  self->idle_id = 0;
  /* Hidden or paused since the idle was queued: the check waits. */
  if (is_shown (self) && !self->paused)
    wm_problems_panel_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (WmProblemsPanel *self,
                int              priority)
{
  self->stale = TRUE;
  if (self->idle_id == 0 && is_shown (self) && !self->paused)
    self->idle_id = g_idle_add_full (priority, refresh_on_idle, self, NULL);
}

static void
on_diagram_changed (WmProblemsPanel *self,
                    const WmDelta   *delta)
{
  /* A changed list (a stage removed) may leave any item naming a gone entry. */
  if (delta->header)
    self->all_dirty = TRUE;
  for (guint i = 0; i < delta->added->len; i++)
    g_hash_table_add (self->dirty, g_strdup (g_ptr_array_index (delta->added, i)));
  for (guint i = 0; i < delta->modified->len; i++)
    g_hash_table_add (self->dirty, g_strdup (g_ptr_array_index (delta->modified, i)));
  for (guint i = 0; i < delta->removed->len; i++)
    g_hash_table_remove (self->item_problems, g_ptr_array_index (delta->removed, i));
  schedule_check (self, G_PRIORITY_LOW);
}

void
wm_problems_panel_set_diagram (WmProblemsPanel *self,
                               WmDiagram       *diagram)
{
  g_autoptr(GPtrArray) none = NULL;

  g_return_if_fail (WM_IS_PROBLEMS_PANEL (self));
  g_return_if_fail (diagram == NULL || WM_IS_DIAGRAM (diagram));

  if (!g_set_object (&self->diagram, diagram))
    return;
  g_signal_group_set_target (self->diagram_signals, diagram);
  forget_items (self);
  /* A new diagram shows its own problems at once, not a moment later; a
   * hidden panel drops the old diagram's and checks when it is shown. */
  if (is_shown (self))
    wm_problems_panel_refresh (self);
  else
    {
      g_clear_handle_id (&self->idle_id, g_source_remove);
      none = g_ptr_array_new ();
      show_problems (self, none);
      update_count (self);
      self->stale = diagram != NULL;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAGRAM]);
}

WmDiagram *
wm_problems_panel_get_diagram (WmProblemsPanel *self)
{
  g_return_val_if_fail (WM_IS_PROBLEMS_PANEL (self), NULL);
  return self->diagram;
}

guint
wm_problems_panel_get_n_problems (WmProblemsPanel *self)
{
  g_return_val_if_fail (WM_IS_PROBLEMS_PANEL (self), 0);
  return self->problems->len;
}

guint
wm_problems_panel_get_n_item_checks (WmProblemsPanel *self)
{
  g_return_val_if_fail (WM_IS_PROBLEMS_PANEL (self), 0);
  return self->n_item_checks;
}

guint
wm_problems_panel_get_n_checks (WmProblemsPanel *self)
{
  g_return_val_if_fail (WM_IS_PROBLEMS_PANEL (self), 0);
  return self->n_checks;
}

void
wm_problems_panel_set_paused (WmProblemsPanel *self,
                              gboolean         paused)
{
  g_return_if_fail (WM_IS_PROBLEMS_PANEL (self));

  paused = !!paused;
  if (self->paused == paused)
    return;
  self->paused = paused;
  if (paused)
    g_clear_handle_id (&self->idle_id, g_source_remove);
  else if (self->stale)
    schedule_check (self, G_PRIORITY_LOW);
}

gboolean
wm_problems_panel_get_paused (WmProblemsPanel *self)
{
  g_return_val_if_fail (WM_IS_PROBLEMS_PANEL (self), FALSE);
  return self->paused;
}

gboolean
wm_problems_panel_resolve (WmProblemsPanel *self,
                           guint            index,
                           gboolean         take_theirs,
                           GError         **error)
{
  int conflict;
  gboolean done;

  g_return_val_if_fail (WM_IS_PROBLEMS_PANEL (self), FALSE);
  g_return_val_if_fail (index < self->problems->len, FALSE);

  conflict = conflict_at (self, index);
  if (conflict < 0 || self->diagram == NULL)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_NOT_FOUND, "%s", _("This problem is no conflict"));
      return FALSE;
    }
  done = wm_project_resolve_conflict (wm_diagram_get_project (self->diagram), (guint) conflict,
                                      take_theirs, error);
  /* A conflict of the project's metadata changes no diagram: check now. */
  if (self->diagram != NULL)
    wm_problems_panel_refresh (self);
  return done;
}

static void
on_take_clicked (GtkButton       *button,
                 WmProblemsPanel *self)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (button), "list-item");
  gboolean take_theirs = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "take-theirs"));
  g_autoptr(GError) error = NULL;

  if (!wm_problems_panel_resolve (self, gtk_list_item_get_position (item), take_theirs, &error))
    g_warning ("%s", error->message);
}

void
wm_problems_panel_activate (WmProblemsPanel *self,
                            guint            index)
{
  WmProblem *problem;

  g_return_if_fail (WM_IS_PROBLEMS_PANEL (self));
  g_return_if_fail (index < self->problems->len);

  problem = g_ptr_array_index (self->problems, index);
  g_signal_emit (self, signals[PROBLEM_ACTIVATED], 0, problem->item_ids);
}

static void
on_row_activated (GtkListView     *list,
                  guint            position,
                  WmProblemsPanel *self)
{
  if (position < self->problems->len)
    wm_problems_panel_activate (self, position);
}

static void
wm_problems_panel_map (GtkWidget *widget)
{
  WmProblemsPanel *self = WM_PROBLEMS_PANEL (widget);

  GTK_WIDGET_CLASS (wm_problems_panel_parent_class)->map (widget);
  /* Shown again after edits it did not follow: check before the next frame. */
  if (self->stale)
    schedule_check (self, G_PRIORITY_HIGH_IDLE);
}

static void
wm_problems_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WmProblemsPanel *self = WM_PROBLEMS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DIAGRAM:
      g_value_set_object (value, self->diagram);
      break;
    case PROP_N_PROBLEMS:
      g_value_set_uint (value, self->problems->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_problems_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WmProblemsPanel *self = WM_PROBLEMS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DIAGRAM:
      wm_problems_panel_set_diagram (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_problems_panel_dispose (GObject *object)
{
  WmProblemsPanel *self = WM_PROBLEMS_PANEL (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_signal_group_set_target (self->diagram_signals, NULL);
  g_clear_object (&self->diagram);
  /* The bin lets go of its child first, or it would unparent it again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_PROBLEMS_PANEL);
  G_OBJECT_CLASS (wm_problems_panel_parent_class)->dispose (object);
}

static void
wm_problems_panel_finalize (GObject *object)
{
  WmProblemsPanel *self = WM_PROBLEMS_PANEL (object);

  g_clear_object (&self->diagram_signals);
  g_ptr_array_unref (self->problems);
  g_hash_table_unref (self->item_problems);
  g_hash_table_unref (self->dirty);
  g_array_unref (self->conflict_rows);
  G_OBJECT_CLASS (wm_problems_panel_parent_class)->finalize (object);
}

static void
wm_problems_panel_class_init (WmProblemsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = wm_problems_panel_get_property;
  object_class->set_property = wm_problems_panel_set_property;
  object_class->dispose = wm_problems_panel_dispose;
  object_class->finalize = wm_problems_panel_finalize;
  widget_class->map = wm_problems_panel_map;

  /**
   * WmProblemsPanel:diagram:
   *
   * The diagram whose problems show, or %NULL.
   */
  properties[PROP_DIAGRAM] =
    g_param_spec_object ("diagram", NULL, NULL, WM_TYPE_DIAGRAM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PROBLEMS] =
    g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WmProblemsPanel::problem-activated:
   * @item_ids: the ids of the items the problem is about
   *
   * Emitted when the analyst clicks a problem, to go to its items.
   */
  signals[PROBLEM_ACTIVATED] =
    g_signal_new ("problem-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);
  gtk_widget_class_set_css_name (widget_class, "problems-panel");

  /* The templates are compiled into this library: naming their bundle links
   * it (and so registers it) into every program that uses the panel. */
  wm_widgets_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/waymark/Waymark/ui/wm-problems-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, WmProblemsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, WmProblemsPanel, list);
  gtk_widget_class_bind_template_child (widget_class, WmProblemsPanel, count);
  gtk_widget_class_bind_template_child (widget_class, WmProblemsPanel, messages);
  gtk_widget_class_bind_template_callback (widget_class, setup_row);
  gtk_widget_class_bind_template_callback (widget_class, bind_row);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
wm_problems_panel_init (WmProblemsPanel *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_problem_free);
  self->item_problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
  self->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->all_dirty = TRUE;
  self->conflict_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  self->diagram_signals = g_signal_group_new (WM_TYPE_DIAGRAM);
  g_signal_group_connect_swapped (self->diagram_signals, "changed",
                                  G_CALLBACK (on_diagram_changed), self);

  gtk_widget_init_template (GTK_WIDGET (self));
  wm_problems_panel_refresh (self);
}

GtkWidget *
wm_problems_panel_new (void)
{
  return g_object_new (WM_TYPE_PROBLEMS_PANEL, NULL);
}
