/* wm-notation-journey.c — customer journey maps
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-notation-journey"

#include "config.h"

#include "wm-check.h"
#include "wm-diagram.h"
#include "wm-journey.h"
#include "wm-notation-common.h"
#include "wm-notation-private.h"

static const WmChoice default_stages[] = {
  { "awareness", N_("Awareness") },
  { "consideration", N_("Consideration") },
  { "decision", N_("Decision") },
  { "retention", N_("Retention") },
  { "advocacy", N_("Advocacy") },
  { NULL, NULL }
};

static const WmChoice default_lanes[] = {
  { "actions", N_("Actions") },
  { "touchpoints", N_("Touchpoints") },
  /* Translators: a journey map's lane: the media a customer uses (web, phone, shop) */
  { "channels", N_("Channels") },
  { "thoughts", N_("Thoughts") },
  { "emotions", N_("Emotions") },
  { "pain-points", N_("Pain points") },
  { "opportunities", N_("Opportunities") },
  /* Translators: key performance indicators */
  { "kpis", N_("KPIs") },
  /* Translators: a journey map's lane: what the company does out of the customer's sight */
  { "backstage", N_("Backstage") },
  { NULL, NULL }
};

/* The fill a card made in a lane starts with, so that the pains and the
 * opportunities stand out at a glance; the other lanes' cards start with
 * the card type's default. By lane id, so a renamed lane keeps its colour. */
static const struct
{
  const char *lane;
  const char *color;
} lane_card_colors[] = {
  { "pain-points", "#ffd9d9" },    /* light red */
  { "opportunities", "#dcf5d4" },  /* light green */
};

static const WmListSpec lists[] = {
  { WM_JOURNEY_STAGES, N_("Stages"), default_stages },
  { WM_JOURNEY_LANES, N_("Lanes"), default_lanes },
};

static const WmPropSpec diagram_props[] = {
  WM_P_STRING (WM_JOURNEY_PERSONA, N_("Persona")),
  WM_P_TEXT (WM_JOURNEY_PERSONA_DESCRIPTION, N_("About the persona")),
  WM_P_TEXT (WM_JOURNEY_SCENARIO, N_("Scenario")),
  WM_P_TEXT (WM_JOURNEY_EXPECTATIONS, N_("Expectations")),
  WM_P_REFS (WM_JOURNEY_PERSONA_LINKS, N_("Persona linked to")),
};

static const WmPropSpec card_props[] = {
  /* Translators: a noun: the column (phase of the journey) a card is in */
  WM_P_SLOT (WM_JOURNEY_STAGE, N_("Stage"), WM_JOURNEY_STAGES),
  /* Translators: a noun: the row of a journey map a card is in */
  WM_P_SLOT (WM_JOURNEY_LANE, N_("Lane"), WM_JOURNEY_LANES),
  WM_P_COLOR (WM_FIELD_COLOR, N_("Colour"), "#ffffff"),
  WM_P_LINKS,
};

static const WmPropSpec emotion_props[] = {
  WM_P_SLOT (WM_JOURNEY_STAGE, N_("Stage"), WM_JOURNEY_STAGES),
  /* Translators: a noun: how the customer feels, from -2 to +2 */
  WM_P_NUMBER (WM_JOURNEY_SCORE, N_("Score"), NULL, -2, 2, "0"),
};

static const WmPropSpec kpi_props[] = {
  WM_P_SLOT (WM_JOURNEY_STAGE, N_("Stage"), WM_JOURNEY_STAGES),
  /* Translators: a noun: a KPI's measured value */
  WM_P_NUMBER (WM_JOURNEY_VALUE, N_("Value"), NULL, -1e12, 1e12, "0"),
  /* Translators: a noun: the value a KPI aims at */
  WM_P_NUMBER (WM_JOURNEY_TARGET, N_("Target"), NULL, -1e12, 1e12, "0"),
  /* Translators: a noun: a KPI's unit of measure, "%" or "min" */
  WM_P_STRING (WM_JOURNEY_UNIT, N_("Unit")),
  WM_P_BOOLEAN (WM_JOURNEY_HIGHER_IS_BETTER, N_("Higher is better"), "true"),
  WM_P_LINKS,
};

static const WmItemType node_types[] = {
  WM_NODE ("card", N_("Card"), N_("Add Card"), N_("Text"), TRUE, 150, 70, card_props),
  WM_NODE ("emotion", N_("Emotion point"), N_("Add Emotion Point"),
           N_("Note"), FALSE, 24, 24, emotion_props),
  /* Translators: a key performance indicator, an item type of a journey map */
  WM_NODE ("kpi", N_("KPI"), N_("Add KPI"), N_("Name"), FALSE, 150, 70, kpi_props),
};

const char *
wm_journey_lane_card_color (const char *lane)
{
  for (guint i = 0; lane != NULL && i < G_N_ELEMENTS (lane_card_colors); i++)
    if (g_str_equal (lane_card_colors[i].lane, lane))
      return lane_card_colors[i].color;
  return NULL;
}

static gboolean
slot_is_empty (WmItem     *item,
               const char *prop)
{
  const char *value = wm_item_get_string (item, prop);

  return value == NULL || value[0] == '\0';
}

static void
check_journey (WmDiagram *diagram,
               GPtrArray *problems)
{
  if (wm_str_is_blank (wm_diagram_get_string (diagram, WM_JOURNEY_PERSONA)))
    g_ptr_array_add (problems,
                     wm_problem_new (WM_SEVERITY_INFO, diagram, NULL, "%s",
                                     _("The journey has no persona.")));

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      /* Texts, boxes and images (wm-notation-common.h) lie outside the grid. */
      if (wm_item_type_is_common (item->type))
        continue;
      if (slot_is_empty (item, WM_JOURNEY_STAGE))
        wm_problems_add_item_warning (problems, diagram, item,
                     !wm_str_is_blank (item->text)
                     ? g_strdup_printf (_("“%s” is in no stage."), item->text)
                     : g_strdup_printf (_("An unnamed item of type “%s” is in no stage."),
                                        g_dgettext (GETTEXT_PACKAGE, item->type->label)));
      if (g_str_equal (item->type->id, "card") && slot_is_empty (item, WM_JOURNEY_LANE))
        wm_problems_add_item_warning (problems, diagram, item,
                     !wm_str_is_blank (item->text)
                     ? g_strdup_printf (_("“%s” is in no lane."), item->text)
                     : g_strdup (_("An unnamed card is in no lane.")));
    }
}

const WmNotation _wm_notation_journey = {
  .id = "customer-journey",
  .label = N_("Customer journey map"),
  .menu_label = N_("Customer Journey Map"),
  .icon_name = "mark-location-symbolic",
  .id_prefix = "cj",
  .props = diagram_props,
  .n_props = G_N_ELEMENTS (diagram_props),
  .lists = lists,
  .n_lists = G_N_ELEMENTS (lists),
  .node_types = node_types,
  .n_node_types = G_N_ELEMENTS (node_types),
  .check = check_journey,
};
