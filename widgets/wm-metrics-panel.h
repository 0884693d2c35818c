/* wm-metrics-panel.h — the lean figures of the shown value stream map
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "waymark-model.h"

G_BEGIN_DECLS

#define WM_TYPE_METRICS_PANEL (wm_metrics_panel_get_type ())
G_DECLARE_FINAL_TYPE (WmMetricsPanel, wm_metrics_panel, WM, METRICS_PANEL, AdwBin)

GtkWidget  *wm_metrics_panel_new             (void);

/* Shows the metrics of @diagram and follows its edits; the panel hides
 * itself for a diagram whose notation computes no figures (and for NULL).
 * The figures are computed on an idle after the edits, and only while the
 * panel is mapped: hidden, it holds the diagram and computes when it is
 * shown. Also the "diagram" property, which the window binds to the
 * canvas's. */
void        wm_metrics_panel_set_diagram     (WmMetricsPanel *self,
                                              WmDiagram      *diagram);
WmDiagram  *wm_metrics_panel_get_diagram     (WmMetricsPanel *self);
/* Computes again now instead of on the pending idle (shown or not). */
void        wm_metrics_panel_refresh         (WmMetricsPanel *self);
/* How many times the panel has computed a diagram's figures (for tests). */
guint       wm_metrics_panel_get_n_computes  (WmMetricsPanel *self);

/* For tests: the text shown for figure @key of the shown map ("takt",
 * "lead-time", "processing-time", "efficiency", "rolled-ca", "inventory",
 * "inventory-days"), or for the
 * change of a compared figure ("change-lead-time", "change-processing-time",
 * "change-efficiency", "change-inventory-days", "change-inventory-quantity");
 * NULL when it does not show. */
const char *wm_metrics_panel_get_text        (WmMetricsPanel *self,
                                              const char     *key);
/* How many flags (problems of the map) show. */
guint       wm_metrics_panel_get_n_flags     (WmMetricsPanel *self);
/* Whether the comparison with the other state's map shows. */
gboolean    wm_metrics_panel_has_comparison  (WmMetricsPanel *self);

G_END_DECLS
