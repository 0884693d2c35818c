/* wm-notation-bmc.c — the Business Model Canvas notation
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-notation-bmc"

#include "config.h"

#include "wm-bmc.h"
#include "wm-check.h"
#include "wm-notation-common.h"
#include "wm-notation-private.h"

static const WmChoice blocks[] = {
  { "key-partners", N_("Key Partners") },
  { "key-activities", N_("Key Activities") },
  { "key-resources", N_("Key Resources") },
  { "value-propositions", N_("Value Propositions") },
  { "customer-relationships", N_("Customer Relationships") },
  /* Translators: a Business Model Canvas block: how the company reaches its customers */
  { "channels", N_("Channels") },
  { "customer-segments", N_("Customer Segments") },
  { "cost-structure", N_("Cost Structure") },
  { "revenue-streams", N_("Revenue Streams") },
  { NULL, NULL }
};

static const WmPropSpec diagram_props[] = {
  WM_P_STRING (WM_BMC_DESIGNED_FOR, N_("Designed for")),
  WM_P_STRING (WM_BMC_DESIGNED_BY, N_("Designed by")),
  /* Translators: a noun: the date the canvas was drawn */
  WM_P_STRING (WM_BMC_DATE, N_("Date")),
  /* Translators: a noun: which version of the canvas this is */
  WM_P_STRING (WM_BMC_VERSION, N_("Version")),
  WM_P_NUMBER (WM_FIELD_WIDTH, N_("Canvas width"), "px", 400, 20000, "1600"),
  WM_P_NUMBER (WM_FIELD_HEIGHT, N_("Canvas height"), "px", 300, 20000, "1000"),
};

static const WmPropSpec note_props[] = {
  /* Translators: a noun: the area of the canvas a note is in */
  WM_P_ENUM (WM_BMC_BLOCK, N_("Block"), blocks, "value-propositions"),
  WM_P_COLOR (WM_FIELD_COLOR, N_("Colour"), "#fff4a3"),
  WM_P_BOOLEAN (WM_FIELD_PINNED, N_("Placed freely"), "false"),
  WM_P_LINKS,
};

static const WmListSpec lists[] = {
  { WM_BMC_LEGEND, N_("Colour legend"), NULL, WM_LIST_ROLE_COLOR_LEGEND },
};

static const WmItemType node_types[] = {
  WM_NODE ("note", N_("Sticky note"), N_("Add Sticky Note"), N_("Text"), TRUE, 120, 80, note_props),
};

/* The board's areas are the blocks, in the order of WmBmcBlock; a note
 * names its block in WM_BMC_BLOCK, so it can move to any. */
static const WmBoardArea areas[WM_BMC_N_BLOCKS] = {
  { "key-partners", N_("Key Partners"), NULL },
  { "key-activities", N_("Key Activities"), NULL },
  { "key-resources", N_("Key Resources"), NULL },
  { "value-propositions", N_("Value Propositions"), NULL },
  { "customer-relationships", N_("Customer Relationships"), NULL },
  { "channels", N_("Channels"), NULL },
  { "customer-segments", N_("Customer Segments"), NULL },
  { "cost-structure", N_("Cost Structure"), NULL },
  { "revenue-streams", N_("Revenue Streams"), NULL },
};

static void
area_rect (WmDiagram *diagram,
           guint      area,
           WmRect    *rect)
{
  double width, height;

  wm_bmc_canvas_size (diagram, &width, &height);
  wm_bmc_block_rect (area, width, height, rect);
}

static void
content_rect (WmDiagram *diagram,
              guint      area,
              WmRect    *rect)
{
  double width, height;

  wm_bmc_canvas_size (diagram, &width, &height);
  wm_bmc_content_rect (area, width, height, rect);
}

static const WmBoard board = {
  .areas = areas,
  .n_areas = G_N_ELEMENTS (areas),
  .area_prop = WM_BMC_BLOCK,
  .area_rect = area_rect,
  .content_rect = content_rect,
};

static void
check_bmc (WmDiagram *diagram,
           GPtrArray *problems)
{
  gboolean used[WM_BMC_N_BLOCKS + 1] = { FALSE, };

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      const char *ids[] = { item->id, NULL };

      /* Texts, boxes and images (wm-notation-common.h) are no sticky notes. */
      if (wm_item_type_is_common (item->type))
        continue;
      used[wm_bmc_block_from_id (wm_item_get_choice (item, WM_BMC_BLOCK))] = TRUE;
      if (item->text[0] == '\0')
        g_ptr_array_add (problems, wm_problem_new (WM_SEVERITY_WARNING, diagram, ids,
                                                   _("A sticky note has no text.")));
    }

  for (guint b = 0; b < WM_BMC_N_BLOCKS; b++)
    if (!used[b])
      g_ptr_array_add (problems,
                       wm_problem_new (WM_SEVERITY_INFO, diagram, NULL,
                                       _("The “%s” block is empty."), _(blocks[b].label)));
}

const WmNotation _wm_notation_bmc = {
  .id = "business-model-canvas",
  .label = N_("Business Model Canvas"),
  .menu_label = N_("Business Model Canvas"),
  .icon_name = "view-grid-symbolic",
  .id_prefix = "bmc",
  .props = diagram_props,
  .n_props = G_N_ELEMENTS (diagram_props),
  .lists = lists,
  .n_lists = G_N_ELEMENTS (lists),
  .node_types = node_types,
  .n_node_types = G_N_ELEMENTS (node_types),
  .check = check_bmc,
  .board = &board,
};
