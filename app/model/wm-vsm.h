/* wm-vsm.h — the lean metrics of a value stream map
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-project.h"

G_BEGIN_DECLS

/* The names of the notation's fields and properties (see wm-notation.h),
 * first the diagram's fields. */
#define WM_VSM_PRODUCT_FAMILY    "product-family"     /* STRING: pairs current and future maps */
#define WM_VSM_DAILY_DEMAND      "daily-demand"       /* NUMBER: pcs/day */
#define WM_VSM_AVAILABLE_SECONDS "available-seconds"  /* NUMBER: s per shift */
#define WM_VSM_SHIFTS            "shifts"             /* INTEGER: per day; a process's too */
#define WM_VSM_STATE             "state"              /* ENUM: "current" or "future" */
/* A customer's and a supplier's. */
#define WM_VSM_REQUIREMENTS      "requirements"       /* TEXT */
/* A process's. */
#define WM_VSM_CYCLE_TIME        "cycle-time"         /* NUMBER: s */
#define WM_VSM_CHANGEOVER_TIME   "changeover-time"    /* NUMBER: s */
#define WM_VSM_UPTIME            "uptime"             /* NUMBER: % */
#define WM_VSM_OPERATORS         "operators"          /* INTEGER */
#define WM_VSM_BATCH_SIZE        "batch-size"         /* INTEGER: pcs */
#define WM_VSM_SCRAP             "scrap"              /* NUMBER: % */
#define WM_VSM_COMPLETE_ACCURATE "complete-accurate"  /* NUMBER: % */
#define WM_VSM_SHARED            "shared"             /* BOOLEAN: a shared resource */
/* The waiting items' and the kanbans'. */
#define WM_VSM_QUANTITY          "quantity"           /* pcs: NUMBER, a kanban's INTEGER */
#define WM_VSM_DAYS              "days"               /* NUMBER: an inventory's days set by hand */
#define WM_VSM_CAPACITY          "capacity"           /* INTEGER: a supermarket's pcs */
#define WM_VSM_MAX               "max"                /* INTEGER: a FIFO lane's pcs */
#define WM_VSM_KIND              "kind"               /* ENUM: a buffer's, "buffer" or "safety" */
/* A shipment's; the frequency is an information flow's too. */
#define WM_VSM_MODE              "mode"               /* ENUM: "truck", "rail", "air", "ship" */
#define WM_VSM_FREQUENCY         "frequency"          /* STRING */

typedef enum
{
  WM_VSM_STEP_WAIT,     /* an inventory-like item: waiting time in days (upper step of the ladder) */
  WM_VSM_STEP_PROCESS,  /* a process: its cycle time in seconds (lower step) */
} WmVsmStepKind;

typedef struct
{
  WmVsmStepKind kind;
  const char   *item_id;  /* owned by the diagram's item; valid until the next edit */
  double        value;    /* days for WAIT, seconds for PROCESS */
} WmVsmStep;

typedef struct
{
  double     available_per_day;   /* s: available seconds per shift x shifts per day */
  double     daily_demand;        /* pcs/day, 0 when unset */
  double     takt_time;           /* s: available_per_day / daily_demand, 0 when unknown */
  double     lead_time_days;      /* production lead time along the critical path */
  double     processing_time;     /* s: value-added time along the critical path */
  double     efficiency;          /* process cycle efficiency, 0..1 (see wm-vsm.c for the units) */
  double     rolled_ca;           /* 0..1: product of complete-and-accurate along the path */
  double     inventory_days;      /* total of every inventory's days, on or off the path */
  double     inventory_quantity;  /* pcs in every inventory */
  GArray    *steps;               /* WmVsmStep from supplier to customer along the longest path */
} WmVsmMetrics;

/* Computes the metrics of a value-stream-map diagram; NULL for other notations. */
WmVsmMetrics *wm_vsm_compute          (WmDiagram          *diagram);
void          wm_vsm_metrics_free     (WmVsmMetrics       *metrics);
/* Days of stock an inventory-like item holds: its override when set, else quantity / daily demand. */
double        wm_vsm_inventory_days   (WmDiagram          *diagram,
                                       const WmItem       *item);
/* Whether @item's days of stock are set by hand (only inventories can be). */
gboolean      wm_vsm_has_days_override (const WmItem      *item);

/* The figures a current-state and a future-state map are compared on. */
typedef enum
{
  WM_VSM_FIGURE_LEAD_TIME,           /* days */
  WM_VSM_FIGURE_PROCESSING_TIME,     /* s */
  WM_VSM_FIGURE_EFFICIENCY,          /* 0..1 */
  WM_VSM_FIGURE_INVENTORY_DAYS,      /* days */
  WM_VSM_FIGURE_INVENTORY_QUANTITY,  /* pcs */
  WM_VSM_N_FIGURES,
} WmVsmFigure;

typedef struct
{
  WmDiagram    *current;  /* strong references */
  WmDiagram    *future;
  WmVsmMetrics *current_metrics;
  WmVsmMetrics *future_metrics;
  double        before[WM_VSM_N_FIGURES];
  double        after[WM_VSM_N_FIGURES];
  /* (after - before) / before in per cent; 0 when both are 0, and NAN when
   * only the baseline is 0 (a change from nothing has no percentage). */
  double        change[WM_VSM_N_FIGURES];
  /* 1 when the future state is better on the figure, -1 when worse, 0 when equal. */
  int           verdict[WM_VSM_N_FIGURES];
} WmVsmComparison;

/* Pairs a current-state map of @project with a future-state one (field
 * "state") and compares their metrics. With @diagram (a map of either
 * state) the pair is the one it belongs to; otherwise the first current map.
 * A map is paired with the first map of the other state that has the same
 * non-empty product family, else with the first map of the other state.
 * NULL when the project has no such pair. */
WmVsmComparison *wm_vsm_compare             (WmProject          *project,
                                             WmDiagram          *diagram);
void             wm_vsm_comparison_free     (WmVsmComparison    *comparison);
/* Whether a lower value of @figure is the better one (all but efficiency). */
gboolean         wm_vsm_figure_lower_is_better (WmVsmFigure      figure);
/* The id of the metric (see the notation's metrics hook) that @figure compares:
 * "lead-time", "processing-time", "efficiency", "inventory-days", "inventory". */
const char      *wm_vsm_figure_metric_id       (WmVsmFigure      figure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmVsmMetrics, wm_vsm_metrics_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmVsmComparison, wm_vsm_comparison_free)

G_END_DECLS
