/* wm-problems-panel.c — the problems the model checks find in the shown diagram
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per problem: the severity's icon and the check's message. A click
 * on a row emits "problem-activated" with the ids of the items concerned,
 * for the window to reveal them on the canvas. The checks walk the whole
 * diagram, so an edit only schedules them on an idle: typing a name into a
 * large map checks once when the keystrokes pause, not once per key.
 */
#define G_LOG_DOMAIN "wm-problems-panel"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-problems-panel.h"

struct _WmProblemsPanel
{
  AdwBin      parent_instance;

  GtkWidget  *stack;
  GtkWidget  *list;
  GtkWidget  *count;
  WmDiagram  *diagram;
  gulong      changed_id;
  guint       idle_id;
  GPtrArray  *problems;  /* WmProblem, one per row */
};

G_DEFINE_FINAL_TYPE (WmProblemsPanel, wm_problems_panel, ADW_TYPE_BIN)

enum
{
  PROP_0,
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

static GtkWidget *
problem_row_new (const WmProblem *problem)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (problem->severity));
  GtkWidget *label = gtk_label_new (problem->message);

  gtk_widget_add_css_class (icon, severity_style (problem->severity));
  gtk_widget_set_tooltip_text (icon, severity_label (problem->severity));
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Only a problem about items has somewhere to go. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row),
                                    problem->item_ids != NULL && problem->item_ids[0] != NULL);
  return row;
}

static void
clear_rows (WmProblemsPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
}

void
wm_problems_panel_refresh (WmProblemsPanel *self)
{
  guint before;
  g_autofree char *count = NULL;

  g_return_if_fail (WM_IS_PROBLEMS_PANEL (self));

  g_clear_handle_id (&self->idle_id, g_source_remove);
  before = self->problems->len;
  clear_rows (self);
  g_ptr_array_set_size (self->problems, 0);
  if (self->diagram != NULL)
    {
      g_autoptr(GPtrArray) found = wm_diagram_check (self->diagram);

      /* Take the problems over from the array the check returned. */
      g_ptr_array_set_free_func (found, NULL);
      g_ptr_array_extend_and_steal (self->problems, g_steal_pointer (&found));
    }
  for (guint i = 0; i < self->problems->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list),
                         problem_row_new (g_ptr_array_index (self->problems, i)));
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem", "%u problems",
                                        self->problems->len),
                           self->problems->len);
  gtk_label_set_label (GTK_LABEL (self->count), count);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    self->problems->len > 0 ? "list" : "empty");
  if (before != self->problems->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROBLEMS]);
}

static gboolean
refresh_on_idle (gpointer data)
{
  WmProblemsPanel *self = data;

  self->idle_id = 0;
  wm_problems_panel_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_diagram_changed (WmProblemsPanel *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, refresh_on_idle, self, NULL);
}

void
wm_problems_panel_set_diagram (WmProblemsPanel *self,
                               WmDiagram       *diagram)
{
  g_return_if_fail (WM_IS_PROBLEMS_PANEL (self));
  g_return_if_fail (diagram == NULL || WM_IS_DIAGRAM (diagram));

  if (diagram == self->diagram)
    return;
  if (self->diagram != NULL)
    g_clear_signal_handler (&self->changed_id, self->diagram);
  g_set_object (&self->diagram, diagram);
  if (diagram != NULL)
    self->changed_id = g_signal_connect_swapped (diagram, "changed",
                                                 G_CALLBACK (on_diagram_changed), self);
  /* A new diagram shows its own problems at once, not a moment later. */
  wm_problems_panel_refresh (self);
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
on_row_activated (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  WmProblemsPanel *self)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->problems->len)
    wm_problems_panel_activate (self, (guint) index);
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
    case PROP_N_PROBLEMS:
      g_value_set_uint (value, self->problems->len);
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
  if (self->diagram != NULL)
    g_clear_signal_handler (&self->changed_id, self->diagram);
  g_clear_object (&self->diagram);
  G_OBJECT_CLASS (wm_problems_panel_parent_class)->dispose (object);
}

static void
wm_problems_panel_finalize (GObject *object)
{
  WmProblemsPanel *self = WM_PROBLEMS_PANEL (object);

  g_ptr_array_unref (self->problems);
  G_OBJECT_CLASS (wm_problems_panel_parent_class)->finalize (object);
}

static void
wm_problems_panel_class_init (WmProblemsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = wm_problems_panel_get_property;
  object_class->dispose = wm_problems_panel_dispose;
  object_class->finalize = wm_problems_panel_finalize;

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
}

static void
wm_problems_panel_init (WmProblemsPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();

  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_problem_free);

  self->count = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->count), 0);
  gtk_widget_add_css_class (self->count, "dim-label");
  gtk_widget_add_css_class (self->count, "caption-heading");
  gtk_widget_set_margin_start (self->count, 12);
  gtk_widget_set_margin_top (self->count, 6);
  gtk_widget_set_margin_bottom (self->count, 6);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problems"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), self->count);
  gtk_box_append (GTK_BOX (box), scroller);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Problems"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("The checks found nothing to fix in this diagram"));
  gtk_widget_add_css_class (empty, "compact");

  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_stack_add_named (GTK_STACK (self->stack), box, "list");
  adw_bin_set_child (ADW_BIN (self), self->stack);
  wm_problems_panel_refresh (self);
}

GtkWidget *
wm_problems_panel_new (void)
{
  return g_object_new (WM_TYPE_PROBLEMS_PANEL, NULL);
}
