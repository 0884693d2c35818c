/* wm-notation-vsm.c — lean value stream maps
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-notation-vsm"

#include "config.h"

#include "wm-check.h"
#include "wm-diagram.h"
#include "wm-notation-private.h"
#include "wm-vsm-private.h"

static const WmChoice states[] = {
  /* Translators: a value stream map of how the process runs today */
  { "current", N_("Current state") },
  { "future", N_("Future state") },
  { NULL, NULL }
};

static const WmChoice shipment_modes[] = {
  { "truck", N_("Truck") },
  { "rail", N_("Rail") },
  { "air", N_("Air") },
  /* Translators: a mode of transport (a boat), not the verb */
  { "ship", N_("Ship") },
  { NULL, NULL }
};

static const WmChoice buffer_kinds[] = {
  { "buffer", N_("Buffer stock") },
  { "safety", N_("Safety stock") },
  { NULL, NULL }
};

static const WmPropSpec diagram_props[] = {
  WM_P_STRING (WM_VSM_PRODUCT_FAMILY, N_("Product family")),
  WM_P_NUMBER (WM_VSM_DAILY_DEMAND, N_("Daily demand"),
               /* Translators: unit: pieces (parts) per day */
               N_("pcs/day"), 0, 1e9, "0"),
  WM_P_NUMBER (WM_VSM_AVAILABLE_SECONDS, N_("Available time per shift"),
               /* Translators: unit symbol: seconds */
               N_("s"), 0, 86400, "27600"),
  WM_P_INTEGER (WM_VSM_SHIFTS, N_("Shifts per day"), NULL, 1, 3, "1"),
  /* Translators: whether a value stream map shows the current or the future state */
  WM_P_ENUM (WM_VSM_STATE, N_("State"), states, "current"),
};

static const WmPropSpec customer_props[] = {
  WM_P_TEXT (WM_VSM_REQUIREMENTS, N_("Requirements")),
  WM_P_LINKS,
};

static const WmPropSpec process_props[] = {
  /* Translators: lean terms: the time one piece takes at a process, with the
   * data box's usual abbreviation (cycle time, C/T) */
  WM_P_NUMBER (WM_VSM_CYCLE_TIME, N_("Cycle time (C/T)"), N_("s"), 0, 1e9, "0"),
  /* Translators: the time to switch a process from one product to another (C/O) */
  WM_P_NUMBER (WM_VSM_CHANGEOVER_TIME, N_("Changeover time (C/O)"), N_("s"), 0, 1e9, "0"),
  /* Translators: the share of time a machine is available to run, in per cent */
  WM_P_NUMBER (WM_VSM_UPTIME, N_("Uptime"), "%", 0, 100, "100"),
  /* Translators: the number of people working at a process */
  WM_P_INTEGER (WM_VSM_OPERATORS, N_("Operators"), NULL, 0, 100000, "1"),
  /* Translators: the number of work shifts per day, a noun */
  WM_P_INTEGER (WM_VSM_SHIFTS, N_("Shifts"), NULL, 0, 3, "1"),
  WM_P_INTEGER (WM_VSM_BATCH_SIZE, N_("Batch size"),
                /* Translators: unit: pieces (parts), as in "400 pcs" */
                N_("pcs"), 0, 1000000000, "1"),
  WM_P_NUMBER (WM_VSM_SCRAP, N_("Scrap rate"), "%", 0, 100, "0"),
  WM_P_NUMBER (WM_VSM_COMPLETE_ACCURATE, N_("Complete and accurate"), "%", 0, 100, "100"),
  WM_P_BOOLEAN (WM_VSM_SHARED, N_("Shared resource"), "false"),
  WM_P_LINKS,
};

static const WmPropSpec inventory_props[] = {
  WM_P_NUMBER (WM_VSM_QUANTITY, N_("Quantity"), N_("pcs"), 0, 1e12, "0"),
  WM_P_NUMBER (WM_VSM_DAYS, N_("Days of stock (override)"),
               /* Translators: unit: days, after a number field */
               N_("days"), 0, 100000, "0"),
};

static const WmPropSpec supermarket_props[] = {
  WM_P_INTEGER (WM_VSM_CAPACITY, N_("Capacity"), N_("pcs"), 0, 1000000000, "0"),
};

static const WmPropSpec fifo_props[] = {
  WM_P_INTEGER (WM_VSM_MAX, N_("Maximum"), N_("pcs"), 0, 1000000000, "0"),
};

static const WmPropSpec buffer_props[] = {
  /* Translators: a noun: which kind of stock a buffer is */
  WM_P_ENUM (WM_VSM_KIND, N_("Kind"), buffer_kinds, "buffer"),
  WM_P_NUMBER (WM_VSM_QUANTITY, N_("Quantity"), N_("pcs"), 0, 1e12, "0"),
};

static const WmPropSpec shipment_props[] = {
  /* Translators: a noun: the mode of transport of a shipment */
  WM_P_ENUM (WM_VSM_MODE, N_("Mode"), shipment_modes, "truck"),
  WM_P_STRING (WM_VSM_FREQUENCY, N_("Frequency")),
};

static const WmPropSpec kanban_props[] = {
  WM_P_INTEGER (WM_VSM_QUANTITY, N_("Quantity per card"), N_("pcs"), 0, 1000000000, "0"),
};

static const WmPropSpec linkable_props[] = {
  WM_P_LINKS,
};

static const WmPropSpec info_props[] = {
  WM_P_STRING (WM_VSM_FREQUENCY, N_("Frequency")),
  WM_P_ROUTING,
};

static const WmPropSpec flow_props[] = {
  WM_P_ROUTING,
};

static const WmItemType node_types[] = {
  WM_NODE ("customer", N_("Customer"), N_("Add Customer"),
           N_("Name"), FALSE, 120, 90, customer_props),
  WM_NODE ("supplier", N_("Supplier"), N_("Add Supplier"),
           N_("Name"), FALSE, 120, 90, customer_props),
  /* Translators: a noun: a process box of a value stream map (a step of production) */
  WM_NODE ("process", N_("Process"), N_("Add Process"), N_("Name"), FALSE, 120, 70, process_props),
  WM_NODE ("inventory", N_("Inventory"), N_("Add Inventory"),
           N_("Label"), FALSE, 60, 52, inventory_props),
  /* Translators: the lean term: a controlled store of parts a downstream process pulls from */
  WM_NODE ("supermarket", N_("Supermarket"), N_("Add Supermarket"),
           N_("Label"), FALSE, 60, 70, supermarket_props),
  WM_NODE ("fifo-lane", N_("FIFO lane"), N_("Add FIFO Lane"),
           N_("Label"), FALSE, 110, 40, fifo_props),
  WM_NODE ("buffer", N_("Buffer or safety stock"), N_("Add Buffer or Safety Stock"),
           N_("Label"), FALSE, 50, 60, buffer_props),
  WM_NODE ("shipment", N_("Shipment"), N_("Add Shipment"),
           N_("Label"), FALSE, 90, 50, shipment_props),
  WM_NODE ("production-control", N_("Production control"), N_("Add Production Control"),
           N_("Name"), FALSE, 140, 70, linkable_props),
  /* Translators: the lean symbol marking a planned improvement; "kaizen" is Japanese */
  WM_NODE ("kaizen-burst", N_("Kaizen burst"), N_("Add Kaizen Burst"),
           N_("Improvement"), TRUE, 130, 80, linkable_props),
  /* Translators: a noun: the icon of a person working at a process */
  WM_NODE_PLAIN ("operator", N_("Operator"), N_("Add Operator"), N_("Label"), 40, 50),
  WM_NODE_PLAIN ("go-see", N_("Go-see scheduling"), N_("Add Go-See Scheduling"),
                 N_("Label"), 60, 34),
  WM_NODE_PLAIN ("kanban-post", N_("Kanban post"), N_("Add Kanban Post"), N_("Label"), 40, 60),
  /* Translators: the lean term (heijunka): evening out the production mix */
  WM_NODE_PLAIN ("load-leveling", N_("Load leveling"), N_("Add Load Leveling"),
                 N_("Label"), 90, 44),
  WM_NODE ("production-kanban", N_("Production kanban"), N_("Add Production Kanban"),
           N_("Label"), FALSE, 50, 36, kanban_props),
  WM_NODE ("withdrawal-kanban", N_("Withdrawal kanban"), N_("Add Withdrawal Kanban"),
           N_("Label"), FALSE, 50, 36, kanban_props),
  WM_NODE ("signal-kanban", N_("Signal kanban"), N_("Add Signal Kanban"),
           N_("Label"), FALSE, 44, 40, kanban_props),
  WM_NODE ("note", N_("Note"), N_("Add Note"), N_("Text"), TRUE, 150, 70, linkable_props),
};

static const WmItemType link_types[] = {
  /* Translators: the lean arrow of material pushed to the next process, a noun */
  WM_LINK ("push", N_("Push arrow"), N_("Add Push Arrow"), flow_props),
  /* Translators: the lean arrow of material pulled from a supermarket, a noun */
  WM_LINK ("pull", N_("Pull arrow"), N_("Add Pull Arrow"), flow_props),
  WM_LINK ("shipment-flow", N_("Shipment arrow"), N_("Add Shipment Arrow"), flow_props),
  WM_LINK ("manual-info", N_("Manual information flow"), N_("Add Manual Information Flow"),
           info_props),
  WM_LINK ("electronic-info", N_("Electronic information flow"),
           N_("Add Electronic Information Flow"), info_props),
};

#define MATERIAL_FROM "supplier process inventory supermarket fifo-lane buffer shipment"
#define MATERIAL_TO "customer process inventory supermarket fifo-lane buffer shipment"
#define INFO_NODES "customer supplier process production-control kanban-post load-leveling " \
                   "operator go-see supermarket signal-kanban production-kanban withdrawal-kanban"

static const WmLinkRule rules[] = {
  { "push", MATERIAL_FROM, MATERIAL_TO },
  { "pull", MATERIAL_FROM, MATERIAL_TO },
  { "shipment-flow", "supplier shipment process supermarket", "customer shipment process supermarket inventory" },
  { "manual-info", INFO_NODES, INFO_NODES },
  { "electronic-info", INFO_NODES, INFO_NODES },
};

static void
check_vsm (WmDiagram *diagram,
           GPtrArray *problems)
{
  if (wm_diagram_get_number (diagram, WM_VSM_DAILY_DEMAND) <= 0)
    g_ptr_array_add (problems,
                     wm_problem_new (WM_SEVERITY_WARNING, diagram, NULL, "%s",
                                     _("The daily customer demand is not set, so takt time "
                                       "and inventory days cannot be computed.")));

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      const char *ids[] = { item->id, NULL };

      if (!g_str_equal (item->type->id, "process") ||
          wm_item_get_number (item, WM_VSM_CYCLE_TIME) > 0)
        continue;
      if (wm_str_is_blank (item->text))
        g_ptr_array_add (problems, wm_problem_new (WM_SEVERITY_WARNING, diagram, ids, "%s",
                                                   _("An unnamed process has no cycle time.")));
      else
        g_ptr_array_add (problems,
                         wm_problem_new (WM_SEVERITY_WARNING, diagram, ids,
                                         _("The process “%s” has no cycle time."), item->text));
    }

  /* The checks that follow the material flow or compare with takt time live
   * with the metrics, so that both read the map the same way. */
  _wm_vsm_check (diagram, problems);
}

const WmNotation _wm_notation_vsm = {
  .id = "value-stream-map",
  .label = N_("Value stream map"),
  .menu_label = N_("Value Stream Map"),
  .icon_name = "media-playlist-consecutive-symbolic",
  .id_prefix = "vsm",
  WM_NOTATION_TABLES (diagram_props, node_types, link_types, rules),
  .check = check_vsm,
  .metrics = _wm_vsm_metrics,
};
