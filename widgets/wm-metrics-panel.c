/* wm-metrics-panel.c — the lean figures of the shown value stream map
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two columns side by side, the second below the first in a narrow pane:
 * the figures of the diagram (its notation's metrics hook, written by
 * wm_figure_format as the command line and the painters write them) and the
 * flags the checks raise about it. When the project also holds a map of
 * the other state (wm_vsm_compare), the figures show current and future side
 * by side with their change in per cent, green where the future is better
 * and red where it is worse. Edits are followed on an idle, like the
 * problems panel, and like it the panel computes nothing while it is not
 * on screen: it holds its diagram (the window binds the "diagram" property
 * to the canvas's) and computes when it is shown. Whether it shows at all
 * is cheap to know: only for a notation with a metrics hook. The fixed
 * parts are in wm-metrics-panel.ui.
 */
#define G_LOG_DOMAIN "wm-metrics-panel"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "wm-metrics-panel.h"
#include "wm-widgets-resources.h"

struct _WmMetricsPanel
{
  AdwBin        parent_instance;

  GtkWidget    *columns;      /* a GtkFlowBox: the figures, then the flags */
  WmDiagram    *diagram;
  GSignalGroup *diagram_signals;
  WmDiagram    *partner;      /* the map of the other state it is compared with */
  gulong        partner_id;
  WmProject    *project;
  gulong        project_id;   /* maps added or removed can make or break the pair */
  guint         idle_id;
  gboolean      stale;        /* the figures shown are not the diagram's as it is now */
  guint         n_computes;
  GHashTable   *texts;        /* key → GtkLabel (borrowed from the content) */
  guint         n_flags;
  gboolean      compared;
};

G_DEFINE_FINAL_TYPE (WmMetricsPanel, wm_metrics_panel, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_DIAGRAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Only notations that compute figures have a metrics panel. */
static gboolean
has_metrics (WmDiagram *diagram)
{
  return diagram != NULL && wm_diagram_get_notation (diagram)->metrics != NULL;
}

/* Building the columns */

static GtkWidget *
heading_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_bottom (label, 6);
  return label;
}

static GtkWidget *
cell_new (const char *text,
          gboolean    numeric,
          const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
grid_new (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  return grid;
}

static void
add_flag (GtkWidget       *grid,
          int              row,
          const WmProblem *problem)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (problem->severity == WM_SEVERITY_ERROR
                                                  ? "dialog-error-symbolic"
                                                  : "dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (problem->message);

  gtk_widget_add_css_class (icon, problem->severity == WM_SEVERITY_ERROR ? "error" : "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_grid_attach (GTK_GRID (grid), icon, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), label, 1, row, 1, 1);
}

static GtkWidget *
flags_new (WmMetricsPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *grid;
  g_autoptr(GPtrArray) problems = wm_diagram_check (self->diagram);

  /* Translators: a heading: the warnings the figures raise (a noun) */
  gtk_box_append (GTK_BOX (box), heading_new (_("Flags")));
  self->n_flags = problems->len;
  if (problems->len == 0)
    {
      gtk_box_append (GTK_BOX (box), cell_new (_("The flow is consistent"), FALSE, "dim-label"));
      return box;
    }
  grid = grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  for (guint i = 0; i < problems->len; i++)
    add_flag (grid, (int) i, g_ptr_array_index (problems, i));
  gtk_box_append (GTK_BOX (box), grid);
  return box;
}

/* The table of figures: one column of values for the diagram alone, or,
 * when the project pairs it with a map of the other state, the current and
 * the future values side by side (always in that order, the shown map's in
 * bold) and the change between them. The rows are the diagram's own figures,
 * not those of single items. */

static const char *const change_keys[WM_VSM_N_FIGURES] = {
  [WM_VSM_FIGURE_LEAD_TIME] = "change-lead-time",
  [WM_VSM_FIGURE_PROCESSING_TIME] = "change-processing-time",
  [WM_VSM_FIGURE_EFFICIENCY] = "change-efficiency",
  [WM_VSM_FIGURE_INVENTORY_DAYS] = "change-inventory-days",
  [WM_VSM_FIGURE_INVENTORY_QUANTITY] = "change-inventory-quantity",
};

/* The compared figure a metric is, or -1. */
static int
compared_figure (const WmMetric *metric)
{
  for (int f = 0; f < WM_VSM_N_FIGURES; f++)
    if (g_str_equal (wm_vsm_figure_metric_id (f), metric->id))
      return f;
  return -1;
}

static GtkWidget *
change_cell_new (const WmVsmComparison *comparison,
                 WmVsmFigure            figure)
{
  double change = comparison->change[figure];
  int verdict = comparison->verdict[figure];
  const char *style = verdict > 0 ? "success" : verdict < 0 ? "error" : "dim-label";
  g_autofree char *text = isnan (change) ? g_strdup (_("from 0"))
                                         : wm_figure_format_as (WM_FIGURE_CHANGE, change);
  GtkWidget *label = cell_new (text, TRUE, style);

  if (isnan (change))
    gtk_widget_set_tooltip_text (label, _("The current state has none, so there is no "
                                          "percentage"));
  else if (verdict != 0)
    gtk_widget_set_tooltip_text (label, verdict > 0 ? _("Better in the future state")
                                                    : _("Worse in the future state"));
  return label;
}

/* One value of a row; an unknown one says why in its tooltip. */
static void
add_value (WmMetricsPanel *self,
           GtkWidget      *grid,
           const WmMetric *metric,
           int             line,
           int             column,
           gboolean        shown)
{
  g_autofree char *text = metric != NULL ? wm_figure_format (&metric->figure) : g_strdup ("—");
  GtkWidget *label = cell_new (text, TRUE, NULL);

  /* The shown map's own figures stand out from the other map's. */
  if (shown)
    {
      PangoAttrList *bold = pango_attr_list_new ();

      pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      gtk_label_set_attributes (GTK_LABEL (label), bold);
      pango_attr_list_unref (bold);
    }
  if (metric != NULL && isnan (metric->figure.value) && metric->unknown != NULL)
    {
      /* Translators: why a figure cannot be computed, as in “Unknown: there is no lead time”. */
      g_autofree char *why = g_strdup_printf (_("Unknown: %s"), metric->unknown);

      gtk_widget_set_tooltip_text (label, why);
    }
  else if (metric != NULL)
    gtk_widget_set_tooltip_text (label, metric->description);
  gtk_grid_attach (GTK_GRID (grid), label, column, line, 1, 1);
  if (shown && metric != NULL)
    g_hash_table_insert (self->texts, (gpointer) metric->id, label);
}

static void
add_compared_row (WmMetricsPanel        *self,
                  GtkWidget             *grid,
                  const WmMetric        *metric,
                  int                    line,
                  const WmVsmComparison *comparison,
                  GArray                *other)
{
  gboolean future = comparison->future == self->diagram;
  const WmMetric *twin = wm_metrics_find (other, metric->id);
  int figure = compared_figure (metric);

  add_value (self, grid, future ? twin : metric, line, 1, !future);
  add_value (self, grid, future ? metric : twin, line, 2, future);
  if (figure >= 0)
    {
      GtkWidget *change = change_cell_new (comparison, figure);

      gtk_grid_attach (GTK_GRID (grid), change, 3, line, 1, 1);
      g_hash_table_insert (self->texts, (gpointer) change_keys[figure], change);
    }
}

/* The headings of a comparison, added to @box, and the grid with its column titles. */
static GtkWidget *
comparison_heading_new (GtkWidget *box,
                        WmDiagram *other)
{
  GtkWidget *maps = gtk_label_new (NULL);
  g_autofree char *names = g_strdup_printf (_("Compared with “%s”"), wm_diagram_get_name (other));
  GtkWidget *grid = grid_new ();

  gtk_box_append (GTK_BOX (box), heading_new (_("Figures, Current and Future State")));
  gtk_label_set_label (GTK_LABEL (maps), names);
  gtk_label_set_xalign (GTK_LABEL (maps), 0);
  gtk_label_set_ellipsize (GTK_LABEL (maps), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (maps), 40);
  gtk_widget_set_tooltip_text (maps, names);
  gtk_widget_add_css_class (maps, "caption");
  gtk_widget_add_css_class (maps, "dim-label");
  gtk_widget_set_margin_bottom (maps, 6);
  gtk_box_append (GTK_BOX (box), maps);
  /* Translators: a column heading: the value in the current-state map */
  gtk_grid_attach (GTK_GRID (grid), cell_new (_("Current"), TRUE, "caption-heading"), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell_new (_("Future"), TRUE, "caption-heading"), 2, 0, 1, 1);
  /* Translators: a column heading: the change between the current and the future value, a noun */
  gtk_grid_attach (GTK_GRID (grid), cell_new (_("Change"), TRUE, "caption-heading"), 3, 0, 1, 1);
  return grid;
}

static GtkWidget *
figures_new (WmMetricsPanel        *self,
             GArray                *metrics,
             const WmVsmComparison *comparison)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr(GArray) other = NULL;
  GtkWidget *grid;
  int line = 1;

  if (comparison == NULL)
    {
      gtk_box_append (GTK_BOX (box), heading_new (_("Figures")));
      grid = grid_new ();
    }
  else
    {
      WmDiagram *partner = comparison->future == self->diagram ? comparison->current
                                                               : comparison->future;

      grid = comparison_heading_new (box, partner);
      other = wm_notation_compute_metrics (partner);
    }
  for (guint i = 0; i < metrics->len; i++)
    {
      const WmMetric *metric = &g_array_index (metrics, WmMetric, i);

      if (metric->item_id != NULL)
        continue;
      gtk_grid_attach (GTK_GRID (grid), cell_new (metric->label, FALSE, "dim-label"),
                       0, line, 1, 1);
      if (other != NULL)
        add_compared_row (self, grid, metric, line, comparison, other);
      else
        add_value (self, grid, metric, line, 1, TRUE);
      line++;
    }
  gtk_box_append (GTK_BOX (box), grid);
  return box;
}

static void on_diagram_changed (WmMetricsPanel *self);

/* The comparison also follows the other map's edits. */
static void
follow_partner (WmMetricsPanel *self,
                WmDiagram      *partner)
{
  if (partner == self->partner)
    return;
  if (self->partner != NULL)
    g_clear_signal_handler (&self->partner_id, self->partner);
  g_set_object (&self->partner, partner);
  if (partner != NULL)
    self->partner_id = g_signal_connect_swapped (partner, "changed",
                                                 G_CALLBACK (on_diagram_changed), self);
}

static void
follow_project (WmMetricsPanel *self,
                WmProject      *project)
{
  if (project == self->project)
    return;
  if (self->project != NULL)
    g_clear_signal_handler (&self->project_id, self->project);
  g_set_object (&self->project, project);
  if (project != NULL)
    self->project_id = g_signal_connect_swapped (project, "items-changed",
                                                 G_CALLBACK (on_diagram_changed), self);
}

static void
add_column (GtkWidget *flow,
            GtkWidget *column)
{
  gtk_widget_set_valign (column, GTK_ALIGN_START);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), column);
  /* The columns are not choices: no focus stop on each. */
  gtk_widget_set_focusable (gtk_widget_get_parent (column), FALSE);
}

static void
clear_figures (WmMetricsPanel *self)
{
  GtkWidget *child;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_hash_table_remove_all (self->texts);
  self->n_flags = 0;
  self->compared = FALSE;
  /* Removing the columns drops the old labels, whose pointers were cleared above. */
  while ((child = gtk_widget_get_first_child (self->columns)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->columns), child);
}

void
wm_metrics_panel_refresh (WmMetricsPanel *self)
{
  g_autoptr(GArray) metrics = NULL;
  g_autoptr(WmVsmComparison) comparison = NULL;
  WmProject *project;

  g_return_if_fail (WM_IS_METRICS_PANEL (self));

  clear_figures (self);
  self->stale = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self), has_metrics (self->diagram));
  if (!has_metrics (self->diagram))
    {
      follow_partner (self, NULL);
      follow_project (self, NULL);
      return;
    }

  self->n_computes++;
  metrics = wm_notation_compute_metrics (self->diagram);
  project = wm_diagram_get_project (self->diagram);
  if (project != NULL)
    comparison = wm_vsm_compare (project, self->diagram);
  follow_project (self, project);
  follow_partner (self, comparison == NULL ? NULL
                        : comparison->current == self->diagram ? comparison->future
                        : comparison->current);

  add_column (self->columns, figures_new (self, metrics, comparison));
  self->compared = comparison != NULL;
  add_column (self->columns, flags_new (self));
}

/* Computing when it is worth it */

static gboolean
is_shown (WmMetricsPanel *self)
{
  return gtk_widget_get_mapped (GTK_WIDGET (self));
}

static gboolean
refresh_on_idle (gpointer data)
{
  WmMetricsPanel *self = data;

  self->idle_id = 0;
  /* Hidden since the idle was queued: the figures wait. */
  if (is_shown (self))
    wm_metrics_panel_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (WmMetricsPanel *self,
                  int             priority)
{
  self->stale = TRUE;
  if (self->idle_id == 0 && is_shown (self))
    self->idle_id = g_idle_add_full (priority, refresh_on_idle, self, NULL);
}

static void
on_diagram_changed (WmMetricsPanel *self)
{
  schedule_refresh (self, G_PRIORITY_LOW);
}

void
wm_metrics_panel_set_diagram (WmMetricsPanel *self,
                              WmDiagram      *diagram)
{
  g_return_if_fail (WM_IS_METRICS_PANEL (self));
  g_return_if_fail (diagram == NULL || WM_IS_DIAGRAM (diagram));

  if (!g_set_object (&self->diagram, diagram))
    return;
  g_signal_group_set_target (self->diagram_signals, diagram);
  /* The old diagram's figures go; the new one's are computed once the
   * panel shows, at once if it already does. */
  clear_figures (self);
  follow_partner (self, NULL);
  follow_project (self, NULL);
  self->stale = has_metrics (diagram);
  gtk_widget_set_visible (GTK_WIDGET (self), has_metrics (diagram));
  if (self->stale && is_shown (self))
    wm_metrics_panel_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAGRAM]);
}

WmDiagram *
wm_metrics_panel_get_diagram (WmMetricsPanel *self)
{
  g_return_val_if_fail (WM_IS_METRICS_PANEL (self), NULL);
  return self->diagram;
}

const char *
wm_metrics_panel_get_text (WmMetricsPanel *self,
                           const char     *key)
{
  GtkLabel *label;

  g_return_val_if_fail (WM_IS_METRICS_PANEL (self), NULL);
  label = g_hash_table_lookup (self->texts, key);
  return label != NULL ? gtk_label_get_label (label) : NULL;
}

guint
wm_metrics_panel_get_n_flags (WmMetricsPanel *self)
{
  g_return_val_if_fail (WM_IS_METRICS_PANEL (self), 0);
  return self->n_flags;
}

gboolean
wm_metrics_panel_has_comparison (WmMetricsPanel *self)
{
  g_return_val_if_fail (WM_IS_METRICS_PANEL (self), FALSE);
  return self->compared;
}

guint
wm_metrics_panel_get_n_computes (WmMetricsPanel *self)
{
  g_return_val_if_fail (WM_IS_METRICS_PANEL (self), 0);
  return self->n_computes;
}

static void
wm_metrics_panel_map (GtkWidget *widget)
{
  WmMetricsPanel *self = WM_METRICS_PANEL (widget);

  GTK_WIDGET_CLASS (wm_metrics_panel_parent_class)->map (widget);
  /* Shown after edits (or a new diagram) it did not compute: before the next frame. */
  if (self->stale)
    schedule_refresh (self, G_PRIORITY_HIGH_IDLE);
}

static void
wm_metrics_panel_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WmMetricsPanel *self = WM_METRICS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DIAGRAM:
      g_value_set_object (value, self->diagram);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_metrics_panel_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WmMetricsPanel *self = WM_METRICS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DIAGRAM:
      wm_metrics_panel_set_diagram (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_metrics_panel_dispose (GObject *object)
{
  WmMetricsPanel *self = WM_METRICS_PANEL (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_signal_group_set_target (self->diagram_signals, NULL);
  g_clear_object (&self->diagram);
  follow_partner (self, NULL);
  follow_project (self, NULL);
  if (self->texts != NULL)
    g_hash_table_remove_all (self->texts);
  /* The bin lets go of its child first, or it would unparent it again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_METRICS_PANEL);
  G_OBJECT_CLASS (wm_metrics_panel_parent_class)->dispose (object);
}

static void
wm_metrics_panel_finalize (GObject *object)
{
  WmMetricsPanel *self = WM_METRICS_PANEL (object);

  g_clear_object (&self->diagram_signals);
  g_hash_table_unref (self->texts);
  G_OBJECT_CLASS (wm_metrics_panel_parent_class)->finalize (object);
}

static void
wm_metrics_panel_class_init (WmMetricsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = wm_metrics_panel_get_property;
  object_class->set_property = wm_metrics_panel_set_property;
  object_class->dispose = wm_metrics_panel_dispose;
  object_class->finalize = wm_metrics_panel_finalize;
  widget_class->map = wm_metrics_panel_map;

  /**
   * WmMetricsPanel:diagram:
   *
   * The diagram whose figures show, or %NULL.
   */
  properties[PROP_DIAGRAM] =
    g_param_spec_object ("diagram", NULL, NULL, WM_TYPE_DIAGRAM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "metrics-panel");
  /* The templates are compiled into this library: naming their bundle links
   * it (and so registers it) into every program that uses the panel. */
  wm_widgets_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/ui/wm-metrics-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, WmMetricsPanel, columns);
}

static void
wm_metrics_panel_init (WmMetricsPanel *self)
{
  self->texts = g_hash_table_new (g_str_hash, g_str_equal);
  self->diagram_signals = g_signal_group_new (WM_TYPE_DIAGRAM);
  g_signal_group_connect_swapped (self->diagram_signals, "changed",
                                  G_CALLBACK (on_diagram_changed), self);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
wm_metrics_panel_new (void)
{
  return g_object_new (WM_TYPE_METRICS_PANEL, NULL);
}
