/* wm-notation-vpc.c — the Value Proposition Canvas notation
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The customer profile (customer jobs, pains, gains) and the value map
 * (products and services, pain relievers, gain creators) of one value
 * proposition for one customer segment, as notes filed by type in the six
 * areas of a board (wm-vpc.c), with fit links from a pain reliever to the
 * pain it relieves and from a gain creator to the gain it creates. The
 * diagram links to the value proposition and the customer segment it
 * details on a business model canvas.
 */
#define G_LOG_DOMAIN "wm-notation-vpc"

#include "config.h"

#include "wm-bmc.h"
#include "wm-check.h"
#include "wm-notation-private.h"
#include "wm-project.h"
#include "wm-vpc.h"

static const WmPropSpec diagram_props[] = {
  WM_P_REFS (WM_VPC_VALUE_PROPOSITION_LINKS, N_("Value proposition in the business model")),
  WM_P_REFS (WM_VPC_CUSTOMER_SEGMENT_LINKS, N_("Customer segment in the business model")),
  WM_P_NUMBER (WM_FIELD_WIDTH, N_("Canvas width"), "px", 600, 20000, "2000"),
  WM_P_NUMBER (WM_FIELD_HEIGHT, N_("Canvas height"), "px", 300, 20000, "960"),
};

static const WmChoice job_kinds[] = {
  /* Translators: kinds of customer job in a value proposition canvas */
  { "functional", N_("Functional") },
  { "social", N_("Social") },
  { "emotional", N_("Emotional") },
  { "supporting", N_("Supporting") },
  { NULL, NULL }
};

static const WmChoice severities[] = {
  /* Translators: how severe a customer's pain is */
  { "moderate", N_("Moderate") },
  { "severe", N_("Severe") },
  { "extreme", N_("Extreme") },
  { NULL, NULL }
};

static const WmChoice relevances[] = {
  /* Translators: how relevant a customer's gain is */
  { "nice-to-have", N_("Nice to have") },
  { "expected", N_("Expected") },
  { "essential", N_("Essential") },
  { NULL, NULL }
};

#define VPC_NOTE_PROPS(default_color) \
  WM_P_COLOR (WM_FIELD_COLOR, N_("Colour"), default_color), \
  WM_P_BOOLEAN (WM_FIELD_PINNED, N_("Placed freely"), "false"), \
  WM_P_LINKS

static const WmPropSpec job_props[] = {
  WM_P_ENUM (WM_VPC_KIND, N_("Kind of job"), job_kinds, "functional"),
  VPC_NOTE_PROPS ("#d7e8ff"),
};

static const WmPropSpec pain_props[] = {
  WM_P_ENUM (WM_VPC_SEVERITY, N_("Severity"), severities, "moderate"),
  VPC_NOTE_PROPS ("#ffd6d1"),
};

static const WmPropSpec gain_props[] = {
  WM_P_ENUM (WM_VPC_RELEVANCE, N_("Relevance"), relevances, "expected"),
  VPC_NOTE_PROPS ("#d9f5cf"),
};

static const WmPropSpec value_map_props[] = {
  VPC_NOTE_PROPS ("#fff4a3"),
};

static const WmItemType node_types[] = {
  WM_NODE ("product", N_("Product or service"), N_("Add Product or Service"),
           N_("Text"), TRUE, 120, 70, value_map_props),
  WM_NODE ("gain-creator", N_("Gain creator"), N_("Add Gain Creator"),
           N_("Text"), TRUE, 120, 70, value_map_props),
  WM_NODE ("pain-reliever", N_("Pain reliever"), N_("Add Pain Reliever"),
           N_("Text"), TRUE, 120, 70, value_map_props),
  WM_NODE ("job", N_("Customer job"), N_("Add Customer Job"), N_("Text"), TRUE, 120, 70, job_props),
  /* Translators: a noun: an outcome a customer wants (value proposition canvas) */
  WM_NODE ("gain", N_("Gain"), N_("Add Gain"), N_("Text"), TRUE, 120, 70, gain_props),
  /* Translators: a noun: what annoys a customer (value proposition canvas) */
  WM_NODE ("pain", N_("Pain"), N_("Add Pain"), N_("Text"), TRUE, 120, 70, pain_props),
};

static const WmItemType link_types[] = {
  /* Translators: a link type: a pain reliever relieves a pain (verb, 3rd person) */
  WM_LINK_PLAIN ("relieves", N_("Relieves"), N_("Add “Relieves” Link")),
  /* Translators: a link type: a gain creator creates a gain (verb, 3rd person) */
  WM_LINK_PLAIN ("creates", N_("Creates"), N_("Add “Creates” Link")),
};

static const WmLinkRule rules[] = {
  { "relieves", "pain-reliever", "pain" },
  { "creates", "gain-creator", "gain" },
};

static gboolean
is_type (const WmItem *item,
         const char   *type)
{
  return item != NULL && g_str_equal (item->type->id, type);
}

/* A fit, from the value map to the profile: the link and the types it
 * leaves and reaches. */
typedef struct
{
  const char *link;
  const char *source;
  const char *target;
} Fit;

static const Fit fits[] = {
  { "relieves", "pain-reliever", "pain" },
  { "creates", "gain-creator", "gain" },
};

/* What to say about @note, on either side of @fit, without a fit link. Each
 * case is a whole sentence, named and unnamed, so that a translator can
 * inflect the note's type. */
static char *
alone_message (const Fit    *fit,
               const WmItem *note)
{
  gboolean pains = g_str_equal (fit->link, "relieves");
  gboolean source = is_type (note, fit->source);

  if (wm_str_is_blank (note->text))
    {
      if (source)
        return g_strdup (pains ? _("An unnamed pain reliever relieves no pain.")
                               : _("An unnamed gain creator creates no gain."));
      return g_strdup (pains ? _("No pain reliever relieves an unnamed pain.")
                             : _("No gain creator creates an unnamed gain."));
    }
  if (source && pains)
    /* Translators: %s is the note's text */
    return g_strdup_printf (_("The pain reliever “%s” relieves no pain."), note->text);
  if (source)
    return g_strdup_printf (_("The gain creator “%s” creates no gain."), note->text);
  if (pains)
    return g_strdup_printf (_("No pain reliever relieves the pain “%s”."), note->text);
  return g_strdup_printf (_("No gain creator creates the gain “%s”."), note->text);
}

static void
check_fit (WmDiagram *diagram,
           const Fit *fit,
           GPtrArray *problems)
{
  g_autoptr(GHashTable) linked = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = wm_diagram_get_n_items (diagram);

  for (guint i = 0; i < n; i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (is_type (item, fit->link))
        {
          g_hash_table_add (linked, item->source);
          g_hash_table_add (linked, item->target);
        }
    }
  for (guint i = 0; i < n; i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if ((is_type (item, fit->source) || is_type (item, fit->target)) &&
          !g_hash_table_contains (linked, item->id))
        wm_problems_add_item_warning (problems, diagram, item, alone_message (fit, item));
    }
}

/* The business model canvas notes the diagram links to in @field must sit
 * in the block @block. */
static void
check_model_links (WmDiagram  *diagram,
                   const char *field,
                   const char *block,
                   GPtrArray  *problems)
{
  WmProject *project = wm_diagram_get_project (diagram);
  const WmValue *value = wm_diagram_get_value (diagram, field, NULL);

  if (project == NULL || value == NULL || value->v.strv == NULL)
    return;
  for (guint i = 0; value->v.strv[i] != NULL; i++)
    {
      WmDiagram *model = NULL;
      WmItem *item = wm_project_lookup_item (project, value->v.strv[i], &model);
      const char *name;

      /* A link to nothing is reported with the diagram's fields. */
      if (item == NULL)
        continue;
      if (g_str_equal (wm_diagram_get_notation (model)->id, "business-model-canvas") &&
          g_strcmp0 (wm_item_get_choice (item, WM_BMC_BLOCK), block) == 0)
        continue;
      name = wm_str_is_blank (item->text) ? item->id : item->text;
      if (g_str_equal (block, "value-propositions"))
        g_ptr_array_add (problems,
                         wm_problem_new (WM_SEVERITY_WARNING, diagram, NULL,
                                         _("The value proposition is linked to “%s”, which is not a "
                                           "note in the value propositions block of a business model "
                                           "canvas."), name));
      else
        g_ptr_array_add (problems,
                         wm_problem_new (WM_SEVERITY_WARNING, diagram, NULL,
                                         _("The customer segment is linked to “%s”, which is not a "
                                           "note in the customer segments block of a business model "
                                           "canvas."), name));
    }
}

static void
check_vpc (WmDiagram *diagram,
           GPtrArray *problems)
{
  gboolean used[WM_VPC_N_AREAS + 1] = { FALSE, };

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      used[wm_board_area_of (&wm_vpc_board, item)] = TRUE;
      if (wm_item_is_node (item) && wm_str_is_blank (item->text))
        wm_problems_add_item_warning (problems, diagram, item,
                                      g_strdup_printf (_("A note of type “%s” has no text."),
                                                       g_dgettext (GETTEXT_PACKAGE, item->type->label)));
    }
  for (guint f = 0; f < G_N_ELEMENTS (fits); f++)
    check_fit (diagram, &fits[f], problems);
  check_model_links (diagram, WM_VPC_VALUE_PROPOSITION_LINKS, "value-propositions", problems);
  check_model_links (diagram, WM_VPC_CUSTOMER_SEGMENT_LINKS, "customer-segments", problems);
  for (guint a = 0; a < WM_VPC_N_AREAS; a++)
    if (!used[a])
      g_ptr_array_add (problems,
                       wm_problem_new (WM_SEVERITY_INFO, diagram, NULL, _("The “%s” area is empty."),
                                       g_dgettext (GETTEXT_PACKAGE, wm_vpc_board.areas[a].label)));
}

const WmNotation _wm_notation_vpc = {
  .id = "value-proposition-canvas",
  .label = N_("Value Proposition Canvas"),
  .menu_label = N_("Value Proposition Canvas"),
  .icon_name = "emblem-favorite-symbolic",
  .id_prefix = "vpc",
  WM_NOTATION_TABLES (diagram_props, node_types, link_types, rules),
  .check = check_vpc,
  .board = &wm_vpc_board,
};
