/* make-sample.c — builds the Bean Box sample project through the public model API
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/samples/bean-box.waymark is this program's output and is never edited
 * by hand: change the story here, then run
 *
 *     make-sample data/samples/bean-box.waymark
 *
 * and commit both. The sample-is-writer-output test fails when they differ.
 *
 * Bean Box roasts speciality coffee to order and ships fresh beans every week
 * or fortnight. Four diagrams tell its story: the business model, the web
 * shop's use cases, the fulfilment value stream and a subscriber's journey.
 * Their items point at each other across diagrams.
 */
#define G_LOG_DOMAIN "make-sample"

#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>

#include "waymark-model.h"
#include "wm-project-private.h"

/* The model hands out the item ids. Every item that another part of the story
 * points at gets a name in this file ("bmc.webshop"), mapped here to its id. */
typedef struct
{
  WmProject  *project;
  GHashTable *ids;
} Sample;

static G_NORETURN void fail (const char *format,
                             ...) G_GNUC_PRINTF (1, 2);
static void set_props       (WmDiagram  *diagram,
                             WmItem     *item,
                             const char *name,
                             ...) G_GNUC_NULL_TERMINATED;
static void set_fields      (WmDiagram  *diagram,
                             const char *name,
                             ...) G_GNUC_NULL_TERMINATED;

/* Plumbing: every call to the model is checked, and the first refusal ends
 * the program with the model's own message. */

static void
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("make-sample: %s\n", message);
  exit (EXIT_FAILURE);
}

static const char *
reason (const GError *error)
{
  return error != NULL ? error->message : "the model refused it";
}

static void
remember (Sample     *sample,
          const char *name,
          WmItem     *item)
{
  if (name == NULL)
    return;
  if (g_hash_table_contains (sample->ids, name))
    fail ("the name “%s” is used twice", name);
  g_hash_table_insert (sample->ids, g_strdup (name), g_strdup (item->id));
}

static const char *
id_of (Sample     *sample,
       const char *name)
{
  const char *id = g_hash_table_lookup (sample->ids, name);

  if (id == NULL)
    fail ("no item is named “%s”", name);
  return id;
}

static WmItem *
add_node (WmDiagram  *diagram,
          const char *type,
          double      x,
          double      y,
          double      width,
          double      height,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  WmRect bounds = { x, y, width, height };
  WmItem *item = wm_diagram_add_node (diagram, type, &bounds, text, &error);

  if (item == NULL)
    fail ("cannot add the %s “%s”: %s", type, text, reason (error));
  return item;
}

static WmItem *
add_link (WmDiagram  *diagram,
          const char *type,
          const char *source_id,
          const char *target_id,
          const char *label)
{
  g_autoptr(GError) error = NULL;
  WmItem *item = wm_diagram_add_link (diagram, type, source_id, target_id, &error);

  if (item == NULL)
    fail ("cannot add a %s from %s to %s: %s", type, source_id, target_id, reason (error));
  if (label != NULL && !wm_diagram_set_text (diagram, item->id, label))
    fail ("cannot label the %s %s “%s”", type, item->id, label);
  return item;
}

static void
set_props (WmDiagram  *diagram,
           WmItem     *item,
           const char *name,
           ...)
{
  va_list args;

  va_start (args, name);
  for (; name != NULL; name = va_arg (args, const char *))
    {
      g_autoptr(GError) error = NULL;
      const char *value = va_arg (args, const char *);

      if (!wm_diagram_set_property (diagram, item->id, name, value, &error))
        fail ("cannot set %s of %s to “%s”: %s", name, item->id, value, reason (error));
    }
  va_end (args);
}

static void
set_fields (WmDiagram  *diagram,
            const char *name,
            ...)
{
  va_list args;

  va_start (args, name);
  for (; name != NULL; name = va_arg (args, const char *))
    {
      g_autoptr(GError) error = NULL;
      const char *value = va_arg (args, const char *);

      if (!wm_diagram_set_field (diagram, name, value, &error))
        fail ("cannot set the field %s of “%s” to “%s”: %s", name,
              wm_diagram_get_name (diagram), value, reason (error));
    }
  va_end (args);
}

static void
set_waypoint (WmDiagram *diagram,
              WmItem    *link,
              double     x,
              double     y)
{
  WmPoint point = { x, y };

  if (!wm_diagram_set_points (diagram, link->id, &point, 1))
    fail ("cannot route the link %s", link->id);
}

static WmDiagram *
add_diagram (Sample     *sample,
             const char *notation,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (sample->project, notation, name, &error);

  if (diagram == NULL)
    fail ("cannot add the diagram “%s”: %s", name, reason (error));
  return diagram;
}

/* 1. The business model canvas */

#define BMC_WIDTH 1600.0
#define BMC_HEIGHT 1000.0
#define BMC_TITLE 40.0   /* the room each block keeps for its title */
#define BMC_GAP 24.0

#define HOME "#ffd6a5"
#define OFFICE "#a0c4ff"
#define GIFT "#caffbf"
#define SHARED "#fff4a3"  /* the notation's default note colour, so never written */

typedef struct
{
  const char *color;
  const char *label;
} LegendEntry;

static const LegendEntry legend[] = {
  { HOME, "Home brewers" },
  { OFFICE, "Offices and co-working spaces" },
  { GIFT, "Gift buyers" },
  { SHARED, "All customers" },
};

typedef struct
{
  WmBmcBlock  block;
  const char *color;
  const char *name;   /* for links from other diagrams, or NULL */
  const char *text;
} BmcNote;

static const BmcNote bmc_notes[] = {
  { WM_BMC_KEY_PARTNERS, SHARED, "bmc.importer", "Green coffee importer, direct-trade lots" },
  { WM_BMC_KEY_PARTNERS, SHARED, NULL, "Parcel carrier: tracked, letterbox size" },
  { WM_BMC_KEY_PARTNERS, SHARED, "bmc.payments", "Payment provider (cards, wallets, SEPA)" },
  { WM_BMC_KEY_PARTNERS, SHARED, NULL, "Compostable bag and label supplier" },
  { WM_BMC_KEY_PARTNERS, SHARED, NULL, "Roaster maintenance contract" },

  { WM_BMC_KEY_ACTIVITIES, SHARED, "bmc.roasting", "Roast to order, Monday to Friday" },
  { WM_BMC_KEY_ACTIVITIES, SHARED, NULL, "Cupping and quality control of every batch" },
  { WM_BMC_KEY_ACTIVITIES, SHARED, NULL, "Sourcing four new origins a month" },
  { WM_BMC_KEY_ACTIVITIES, SHARED, NULL, "Pack and dispatch daily at 16:00" },

  { WM_BMC_KEY_RESOURCES, SHARED, NULL, "12 kg drum roaster" },
  { WM_BMC_KEY_RESOURCES, SHARED, NULL, "Q-grader head roaster" },
  { WM_BMC_KEY_RESOURCES, SHARED, NULL, "Subscription web shop and order system" },
  { WM_BMC_KEY_RESOURCES, SHARED, NULL, "Library of roast profiles per origin" },

  { WM_BMC_VALUE_PROPOSITIONS, HOME, "bmc.fresh", "Beans roasted less than 3 days before they arrive" },
  { WM_BMC_VALUE_PROPOSITIONS, HOME, NULL, "A new single origin each delivery, with brew guide" },
  { WM_BMC_VALUE_PROPOSITIONS, HOME, NULL, "Pause, skip or swap in two clicks" },
  { WM_BMC_VALUE_PROPOSITIONS, OFFICE, NULL,
    "Office plans of 1–10 kg a week, one monthly invoice" },
  { WM_BMC_VALUE_PROPOSITIONS, OFFICE, NULL, "Grinder loan and barista training for teams" },
  { WM_BMC_VALUE_PROPOSITIONS, GIFT, NULL, "Gift boxes with a card, delivered on the day" },

  { WM_BMC_CUSTOMER_RELATIONSHIPS, HOME, "bmc.self-service",
    "Self-service account: pause, skip, swap" },
  { WM_BMC_CUSTOMER_RELATIONSHIPS, HOME, "bmc.ratings", "Tasting feedback through ratings" },
  { WM_BMC_CUSTOMER_RELATIONSHIPS, OFFICE, NULL, "Dedicated account manager" },
  { WM_BMC_CUSTOMER_RELATIONSHIPS, SHARED, NULL, "Monthly online cupping for the community" },

  { WM_BMC_CHANNELS, SHARED, "bmc.webshop", "Web shop and subscription checkout" },
  { WM_BMC_CHANNELS, HOME, "bmc.instagram", "Instagram and brewing videos" },
  { WM_BMC_CHANNELS, SHARED, NULL, "Letterbox parcels by post" },
  { WM_BMC_CHANNELS, OFFICE, NULL, "Office trial boxes and sales visits" },

  { WM_BMC_CUSTOMER_SEGMENTS, HOME, "bmc.home-brewers",
    "Home brewers: filter and espresso at home" },
  { WM_BMC_CUSTOMER_SEGMENTS, OFFICE, "bmc.offices",
    "Offices and co-working spaces, 10–80 people" },
  { WM_BMC_CUSTOMER_SEGMENTS, GIFT, NULL, "Gift buyers: birthdays and holidays" },

  { WM_BMC_COST_STRUCTURE, SHARED, NULL, "Green coffee, about 30 % of revenue" },
  { WM_BMC_COST_STRUCTURE, SHARED, NULL, "Roasting and packing staff (5 FTE)" },
  { WM_BMC_COST_STRUCTURE, SHARED, NULL, "Shipping, about €3.90 a parcel" },
  { WM_BMC_COST_STRUCTURE, SHARED, NULL, "Packaging and labels, about €0.60 a bag" },
  { WM_BMC_COST_STRUCTURE, SHARED, NULL, "Marketing and referral rewards" },

  { WM_BMC_REVENUE_STREAMS, HOME, "bmc.home-revenue", "Home subscriptions, €16–€34 a delivery" },
  { WM_BMC_REVENUE_STREAMS, OFFICE, NULL, "Office plans, invoiced monthly" },
  { WM_BMC_REVENUE_STREAMS, GIFT, NULL, "Gift boxes and one-off orders" },
  { WM_BMC_REVENUE_STREAMS, SHARED, NULL, "Grinders and brewing kit" },
};

/* The @position-th note of @block, in a grid centred in the block below its
 * title; the wide blocks of the bottom band take wider notes. */
static void
bmc_note_rect (WmBmcBlock block,
               guint      position,
               WmRect    *rect)
{
  gboolean bottom = block == WM_BMC_COST_STRUCTURE || block == WM_BMC_REVENUE_STREAMS;
  WmRect area;
  guint columns;
  double left;

  wm_bmc_block_rect (block, BMC_WIDTH, BMC_HEIGHT, &area);
  rect->width = bottom ? 170 : 120;
  rect->height = 80;
  columns = (guint) ((area.width - BMC_GAP) / (rect->width + BMC_GAP));
  left = area.x + (area.width - columns * rect->width - (columns - 1) * BMC_GAP) / 2;
  rect->x = left + (position % columns) * (rect->width + BMC_GAP);
  rect->y = area.y + BMC_TITLE + 8 + (position / columns) * (rect->height + 16);

  if (rect->y + rect->height > area.y + area.height)
    fail ("the block %s has no room for %u notes", wm_bmc_block_id (block), position + 1);
}

static void
add_bmc_notes (Sample    *sample,
               WmDiagram *diagram)
{
  guint count[WM_BMC_N_BLOCKS] = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (bmc_notes); i++)
    {
      const BmcNote *note = &bmc_notes[i];
      WmRect rect;
      WmItem *item;

      bmc_note_rect (note->block, count[note->block]++, &rect);
      item = add_node (diagram, "note", rect.x, rect.y, rect.width, rect.height, note->text);
      set_props (diagram, item, WM_BMC_BLOCK, wm_bmc_block_id (note->block), NULL);
      if (!g_str_equal (note->color, SHARED))
        set_props (diagram, item, WM_FIELD_COLOR, note->color, NULL);
      remember (sample, note->name, item);
    }
}

static void
add_legend (WmDiagram *diagram)
{
  for (guint i = 0; i < G_N_ELEMENTS (legend); i++)
    {
      g_autoptr(GError) error = NULL;

      /* Entry ids are the colours without their '#'. */
      if (!wm_diagram_list_insert (diagram, WM_BMC_LEGEND, G_MAXUINT, legend[i].color + 1,
                                   legend[i].label, &error))
        fail ("cannot add “%s” to the legend: %s", legend[i].label, reason (error));
    }
}

static void
build_canvas (Sample *sample)
{
  WmDiagram *diagram = add_diagram (sample, "business-model-canvas", "Bean Box business model");

  set_fields (diagram,
              WM_BMC_DESIGNED_FOR, "Bean Box",
              WM_BMC_DESIGNED_BY, "Founders’ strategy day",
              WM_BMC_DATE, "2026-11-23",
              WM_BMC_VERSION, "1.2",
              WM_FIELD_WIDTH, "1600",
              WM_FIELD_HEIGHT, "1000",
              NULL);
  add_legend (diagram);
  add_bmc_notes (sample, diagram);
}

/* 2. The use cases of the web shop */

#define UC_LEFT 280.0
#define UC_RIGHT 620.0
#define UC_WIDTH 180.0
#define UC_HEIGHT 70.0
#define UC_FAN_X 250.0   /* where the customer's associations turn towards their use case */

typedef struct
{
  const char *name;
  const char *text;
  double      x;
  double      y;
  const char *level;
  const char *priority;
  const char *description;
} UseCase;

static const UseCase use_cases[] = {
  { "uc.browse", "Browse coffees", UC_LEFT, 100, "user-goal", "must",
    "Anyone browses the current coffees with their origin, roast level, tasting notes and "
    "brewing recommendations." },
  { "uc.subscribe", "Subscribe to a plan", UC_LEFT, 200, "user-goal", "must",
    "A customer chooses a coffee style, a bag size and a delivery rhythm and starts a "
    "recurring subscription." },
  { "uc.order", "Place one-off order", UC_LEFT, 300, "user-goal", "should",
    "A customer buys bags once, without a subscription." },
  { "uc.pause", "Pause subscription", UC_LEFT, 400, "user-goal", "must",
    "A subscriber skips one or more deliveries without cancelling the plan." },
  { "uc.address", "Manage delivery address", UC_LEFT, 500, "user-goal", "should",
    "A customer changes where parcels go, with a safe-place note for the carrier." },
  { "uc.rate", "Rate a coffee", UC_LEFT, 600, "user-goal", "could",
    "A subscriber rates each coffee from 1 to 5; the next pick takes the ratings into "
    "account." },
  { "uc.gift", "Send a gift subscription", UC_LEFT, 740, "user-goal", "should",
    "A gift buyer pays for 3, 6 or 12 deliveries for someone else and chooses the day of the "
    "first one." },
  { "uc.gift-code", "Apply gift code", UC_RIGHT, 250, "subfunction", "should",
    "The customer redeems a gift or referral code against the amount to pay." },
  { "uc.pay", "Pay", UC_RIGHT, 460, "subfunction", "must",
    "The web shop takes a payment through the payment provider for a subscription, an order "
    "or a gift." },
  { "uc.roast-list", "Print daily roast list", UC_RIGHT, 680, "user-goal", "must",
    "The roaster gets the bags to roast per origin, built from the subscriptions and orders "
    "due." },
};

typedef struct
{
  const char *name;
  const char *preconditions;
  const char *postconditions;
  const char *main_flow;
  const char *alternative_flows;
} UseCaseFlows;

static const UseCaseFlows use_case_flows[] = {
  { "uc.subscribe",
    "The customer has an account or creates one during checkout.\n"
    "At least one coffee of the chosen style is in stock.",
    "The subscription is active and its first bags are booked into the next roast.\n"
    "The customer has a confirmation e-mail with the first delivery date.",
    "1. The customer opens the plans page and picks a style: filter, espresso or surprise me.\n"
    "2. The customer chooses a bag size (250 g, 500 g or 1 kg) and a rhythm (weekly or "
    "fortnightly).\n"
    "3. The web shop shows the price per delivery and the first roast date.\n"
    "4. The customer enters or confirms the delivery address.\n"
    "5. The customer pays (include Pay).\n"
    "6. The web shop confirms the subscription and books the first roast.",
    "3a. The next roast is full: the web shop offers the following roast day.\n"
    "4a. The address is outside the delivery area: the web shop says why and stops.\n"
    "5a. The payment is declined: the subscription is kept as a draft for 24 hours." },
  { "uc.pay",
    "A basket, a gift or a subscription renewal with a total above zero exists.",
    "The payment is authorised and recorded against the order.\n"
    "The card is stored as a token for renewals.",
    "1. The web shop shows the total and the payment details.\n"
    "2. The customer enters card details or chooses a saved card.\n"
    "3. The payment provider authorises the amount, with 3-D Secure when the bank asks.\n"
    "4. The web shop records the payment and shows the receipt.",
    "Payment details: the customer enters a gift code (extended by Apply gift code).\n"
    "3a. The authorisation fails: the web shop shows the provider’s reason and allows two "
    "more tries.\n"
    "3b. The provider does not answer within 30 s: the order stays pending and the customer "
    "gets an e-mail." },
  { "uc.pause",
    "The subscription is active.\n"
    "The next delivery has not been roasted yet.",
    "No bags are roasted or charged for the paused weeks.\n"
    "The account page shows the next delivery date.",
    "1. The customer opens the account page and chooses Pause.\n"
    "2. The web shop offers to skip the next delivery or pause for 2, 4 or 8 weeks.\n"
    "3. The customer confirms.\n"
    "4. The order system takes the bags off the roast list and moves the next delivery.\n"
    "5. The web shop sends a confirmation e-mail.",
    "2a. The next bags are already roasted: the pause starts after that delivery, and the web "
    "shop says so." },
};

typedef struct
{
  const char *name;
  const char *text;
  double      x;
  double      y;
  const char *kind;
  const char *stereotype;   /* or NULL */
  const char *description;
} Actor;

static const Actor actors[] = {
  { "uc.customer", "Customer", 80, 330, "human", NULL,
    "Anyone with a Bean Box account: home brewers and office buyers." },
  { "uc.gift-buyer", "Gift buyer", 80, 700, "human", NULL,
    "Buys a subscription for someone else; needs no plan of their own." },
  { "uc.payment-provider", "Payment provider", 920, 440, "system", NULL,
    "Authorises card and wallet payments and stores card tokens." },
  { "uc.roaster", "Roaster", 920, 660, "human", "staff",
    "The head roaster, who plans and runs the roasts." },
};

typedef struct
{
  const char *source;
  const char *target;
  gboolean    fan;   /* turns at UC_FAN_X so that it never crosses another use case */
} Association;

static const Association associations[] = {
  { "uc.customer", "uc.browse", TRUE },
  { "uc.customer", "uc.subscribe", TRUE },
  { "uc.customer", "uc.order", TRUE },
  { "uc.customer", "uc.pause", TRUE },
  { "uc.customer", "uc.address", TRUE },
  { "uc.customer", "uc.rate", TRUE },
  { "uc.gift-buyer", "uc.gift", FALSE },
  { "uc.pay", "uc.payment-provider", FALSE },
  { "uc.roaster", "uc.roast-list", FALSE },
};

static void
add_use_case (Sample         *sample,
              WmDiagram      *diagram,
              const UseCase  *use_case,
              const char     *subject_id)
{
  g_autoptr(GError) error = NULL;
  WmItem *item = add_node (diagram, "use-case", use_case->x, use_case->y, UC_WIDTH, UC_HEIGHT,
                           use_case->text);

  if (!wm_diagram_set_parent (diagram, item->id, subject_id, &error))
    fail ("cannot put “%s” in the subject: %s", use_case->text, reason (error));
  set_props (diagram, item,
             WM_UC_LEVEL, use_case->level,
             WM_UC_PRIORITY, use_case->priority,
             WM_UC_DESCRIPTION, use_case->description,
             NULL);
  remember (sample, use_case->name, item);
}

static void
add_use_case_flows (Sample             *sample,
                    WmDiagram          *diagram,
                    const UseCaseFlows *detail)
{
  WmItem *item = wm_diagram_lookup (diagram, id_of (sample, detail->name));

  set_props (diagram, item,
             WM_UC_PRECONDITIONS, detail->preconditions,
             WM_UC_POSTCONDITIONS, detail->postconditions,
             WM_UC_MAIN_FLOW, detail->main_flow,
             WM_UC_ALTERNATIVE_FLOWS, detail->alternative_flows,
             NULL);
}

static void
add_actors (Sample    *sample,
            WmDiagram *diagram)
{
  for (guint i = 0; i < G_N_ELEMENTS (actors); i++)
    {
      const Actor *actor = &actors[i];
      /* A system actor is drawn as a box, wider than tall, not as a stick figure. */
      gboolean system = g_str_equal (actor->kind, "system");
      WmItem *item = add_node (diagram, "actor", system ? actor->x - 25 : actor->x,
                               system ? actor->y + 25 : actor->y, system ? 110 : 60,
                               system ? 60 : 110, actor->text);

      set_props (diagram, item,
                 WM_UC_KIND, actor->kind,
                 WM_UC_DESCRIPTION, actor->description,
                 NULL);
      if (actor->stereotype != NULL)
        set_props (diagram, item, WM_UC_STEREOTYPE, actor->stereotype, NULL);
      remember (sample, actor->name, item);
    }
}

static void
add_associations (Sample    *sample,
                  WmDiagram *diagram)
{
  for (guint i = 0; i < G_N_ELEMENTS (associations); i++)
    {
      const Association *association = &associations[i];
      WmItem *link = add_link (diagram, "association", id_of (sample, association->source),
                               id_of (sample, association->target), NULL);
      WmItem *target = wm_diagram_lookup (diagram, link->target);

      if (association->fan)
        set_waypoint (diagram, link, UC_FAN_X, target->bounds.y + target->bounds.height / 2);
    }
}

static void
add_multiplicities (Sample    *sample,
                    WmDiagram *diagram)
{
  g_autoptr(GPtrArray) customer = wm_diagram_links_of (diagram, id_of (sample, "uc.customer"));
  g_autoptr(GPtrArray) provider = wm_diagram_links_of (diagram,
                                                       id_of (sample, "uc.payment-provider"));

  for (guint i = 0; i < customer->len; i++)
    {
      WmItem *link = g_ptr_array_index (customer, i);

      if (g_str_equal (link->target, id_of (sample, "uc.subscribe")))
        set_props (diagram, link,
                   WM_UC_SOURCE_MULTIPLICITY, "1",
                   WM_UC_TARGET_MULTIPLICITY, "0..*",
                   NULL);
    }
  for (guint i = 0; i < provider->len; i++)
    set_props (diagram, g_ptr_array_index (provider, i),
               WM_UC_SOURCE_MULTIPLICITY, "0..*",
               WM_UC_TARGET_MULTIPLICITY, "1",
               WM_UC_NAVIGABLE, "true",
               NULL);
}

static void
add_use_case_relations (Sample    *sample,
                        WmDiagram *diagram)
{
  WmItem *extend;

  add_link (diagram, "include", id_of (sample, "uc.subscribe"), id_of (sample, "uc.pay"), NULL);
  add_link (diagram, "include", id_of (sample, "uc.order"), id_of (sample, "uc.pay"), NULL);
  add_link (diagram, "include", id_of (sample, "uc.gift"), id_of (sample, "uc.pay"), NULL);
  extend = add_link (diagram, "extend", id_of (sample, "uc.gift-code"), id_of (sample, "uc.pay"),
                     NULL);
  set_props (diagram, extend,
             WM_UC_CONDITION, "the customer has a gift or referral code",
             WM_UC_EXTENSION_POINT, "Payment details",
             NULL);
  add_link (diagram, "generalization", id_of (sample, "uc.gift-buyer"),
            id_of (sample, "uc.customer"), NULL);
}

static void
add_payment_note (Sample    *sample,
                  WmDiagram *diagram)
{
  WmItem *note = add_node (diagram, "note", 880, 260, 200, 90,
                           "Renewals are charged on the roast day, not when the plan is "
                           "ordered, so a paused plan is never charged.");

  add_link (diagram, "anchor", note->id, id_of (sample, "uc.pay"), NULL);
}

static void
build_use_cases (Sample *sample)
{
  WmDiagram *diagram = add_diagram (sample, "use-case", "Ordering and subscription");
  WmItem *subject = add_node (diagram, "subject", 240, 40, 600, 810, "Bean Box web shop");

  set_fields (diagram, WM_UC_DESCRIPTION,
              "What customers, gift buyers and the roastery do with the Bean Box web shop.",
              NULL);
  for (guint i = 0; i < G_N_ELEMENTS (use_cases); i++)
    add_use_case (sample, diagram, &use_cases[i], subject->id);
  for (guint i = 0; i < G_N_ELEMENTS (use_case_flows); i++)
    add_use_case_flows (sample, diagram, &use_case_flows[i]);
  set_props (diagram, wm_diagram_lookup (diagram, id_of (sample, "uc.pay")),
             WM_UC_EXTENSION_POINTS, "Payment details", NULL);

  add_actors (sample, diagram);
  add_associations (sample, diagram);
  add_multiplicities (sample, diagram);
  add_use_case_relations (sample, diagram);
  add_payment_note (sample, diagram);
}

/* 3. The fulfilment value stream, current state. Material flows left to right
 * along the bottom; information flows down from the order system. Quantities
 * are in 250 g bag equivalents, times in seconds per bag. */

#define VSM_FLOW_Y 420.0       /* the top of the process boxes */
#define VSM_INFO_Y 200.0       /* where information arrows turn down to their process */

typedef struct
{
  const char *name;
  const char *text;
  double      x;
  const char *cycle_time;
  const char *changeover_time;
  const char *uptime;
  const char *operators;
  const char *batch_size;
  const char *scrap;
  const char *complete_accurate;
} Process;

static const Process processes[] = {
  { "vsm.sorting", "Green sorting", 180, "18", "300", "98", "1", "40", "1.5", "97" },
  { "vsm.roasting", "Roasting", 490, "27", "900", "88", "1", "40", "2", "95" },
  { "vsm.packing", "Packing", 790, "35", "600", "92", "2", "40", "0.8", "98" },
  { "vsm.dispatch", "Labelling & dispatch", 1090, "42", "120", "97", "2", "1", "0.5", "93" },
};

typedef struct
{
  const char *name;
  const char *type;
  const char *text;
  WmRect      bounds;
  const char *prop;
  const char *value;
} Stock;

static const Stock stocks[] = {
  { "vsm.green", "inventory", "Green coffee", { 75, 434, 60, 52 }, WM_VSM_QUANTITY, "1840" },
  { "vsm.batches", "fifo-lane", "Weighed batches", { 350, 440, 110, 40 }, WM_VSM_MAX, "400" },
  { "vsm.resting", "inventory", "Resting 24–48 h", { 680, 434, 60, 52 }, WM_VSM_QUANTITY, "920" },
  { "vsm.packed", "inventory", "Packed, unlabelled", { 980, 434, 60, 52 }, WM_VSM_QUANTITY, "310" },
  { "vsm.blends", "supermarket", "House blends", { 980, 300, 60, 70 }, WM_VSM_CAPACITY, "240" },
  { "vsm.pickup", "shipment", "Carrier pick-up", { 1360, 250, 90, 50 }, WM_VSM_FREQUENCY,
    "Daily 16:00" },
};

typedef struct
{
  const char *type;
  const char *source;
  const char *target;
  const char *label;       /* or NULL */
  const char *frequency;   /* information flows only, or NULL */
  double      via_x;       /* one waypoint, or none when 0 */
  double      via_y;
} Flow;

static const Flow flows[] = {
  { "shipment-flow", "vsm.supplier", "vsm.green", "Tuesdays, 60 kg sacks", NULL, 0, 0 },
  { "push", "vsm.green", "vsm.sorting", NULL, NULL, 0, 0 },
  { "push", "vsm.sorting", "vsm.batches", NULL, NULL, 0, 0 },
  { "push", "vsm.batches", "vsm.roasting", NULL, NULL, 0, 0 },
  { "push", "vsm.roasting", "vsm.resting", NULL, NULL, 0, 0 },
  { "push", "vsm.resting", "vsm.packing", NULL, NULL, 0, 0 },
  { "push", "vsm.packing", "vsm.packed", NULL, NULL, 0, 0 },
  { "push", "vsm.packed", "vsm.dispatch", NULL, NULL, 0, 0 },
  { "push", "vsm.packing", "vsm.blends", "Popular blends", NULL, 0, 0 },
  { "pull", "vsm.blends", "vsm.dispatch", "One-off orders", NULL, 0, 0 },
  { "shipment-flow", "vsm.dispatch", "vsm.pickup", NULL, NULL, 1405, 460 },
  { "shipment-flow", "vsm.pickup", "vsm.customer", NULL, NULL, 0, 0 },
  { "electronic-info", "vsm.customer", "vsm.control", "Subscriptions and web orders",
    "Continuous", 0, 0 },
  { "electronic-info", "vsm.control", "vsm.supplier", "Green coffee order", "Weekly", 0, 0 },
  { "electronic-info", "vsm.control", "vsm.sorting", "Batch plan", "Weekly", 250, VSM_INFO_Y },
  { "electronic-info", "vsm.control", "vsm.roasting", "Roast list", "Daily 07:00", 560,
    VSM_INFO_Y },
  { "electronic-info", "vsm.control", "vsm.packing", "Packing list", "Daily 10:00", 860,
    VSM_INFO_Y },
  { "electronic-info", "vsm.control", "vsm.dispatch", "Labels and pick list", "Daily 12:00",
    1160, VSM_INFO_Y },
  { "manual-info", "vsm.go-see", "vsm.roasting", "Reorders roasts by eye", "Several times a day",
    0, 0 },
};

static void
add_partners (Sample    *sample,
              WmDiagram *diagram)
{
  WmItem *supplier = add_node (diagram, "supplier", 40, 40, 130, 90, "Green coffee importer");
  WmItem *customer = add_node (diagram, "customer", 1340, 40, 130, 90, "Subscribers");
  WmItem *control = add_node (diagram, "production-control", 640, 40, 180, 80, "Order system");

  set_props (diagram, supplier, WM_VSM_REQUIREMENTS,
             "Delivers on Tuesdays\nMinimum order 6 sacks of 60 kg\nTwo days’ notice", NULL);
  set_props (diagram, customer, WM_VSM_REQUIREMENTS,
             "460 bags a day (250 g equivalents)\n"
             "Beans in the letterbox within 3 days of roasting\n"
             "Pause or skip until the day before the roast", NULL);
  remember (sample, "vsm.supplier", supplier);
  remember (sample, "vsm.customer", customer);
  remember (sample, "vsm.control", control);
}

static void
add_processes (Sample    *sample,
               WmDiagram *diagram)
{
  for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
    {
      const Process *process = &processes[i];
      /* Tall enough that the data box sits inside the process's own bounds. */
      WmItem *item = add_node (diagram, "process", process->x, VSM_FLOW_Y, 140, 168, process->text);

      set_props (diagram, item,
                 WM_VSM_CYCLE_TIME, process->cycle_time,
                 WM_VSM_CHANGEOVER_TIME, process->changeover_time,
                 WM_VSM_UPTIME, process->uptime,
                 WM_VSM_OPERATORS, process->operators,
                 WM_VSM_BATCH_SIZE, process->batch_size,
                 WM_VSM_SCRAP, process->scrap,
                 WM_VSM_COMPLETE_ACCURATE, process->complete_accurate,
                 NULL);
      remember (sample, process->name, item);
    }
}

static void
add_stocks (Sample    *sample,
            WmDiagram *diagram)
{
  for (guint i = 0; i < G_N_ELEMENTS (stocks); i++)
    {
      const Stock *stock = &stocks[i];
      WmItem *item = add_node (diagram, stock->type, stock->bounds.x, stock->bounds.y,
                               stock->bounds.width, stock->bounds.height, stock->text);

      set_props (diagram, item, stock->prop, stock->value, NULL);
      remember (sample, stock->name, item);
    }
  set_props (diagram, wm_diagram_lookup (diagram, id_of (sample, "vsm.pickup")),
             WM_VSM_MODE, "truck", NULL);
}

static void
add_flows_between (Sample    *sample,
                   WmDiagram *diagram)
{
  for (guint i = 0; i < G_N_ELEMENTS (flows); i++)
    {
      const Flow *flow = &flows[i];
      WmItem *link = add_link (diagram, flow->type, id_of (sample, flow->source),
                               id_of (sample, flow->target), flow->label);

      if (flow->frequency != NULL)
        set_props (diagram, link, WM_VSM_FREQUENCY, flow->frequency, NULL);
      if (flow->via_x != 0)
        set_waypoint (diagram, link, flow->via_x, flow->via_y);
    }
}

static void
add_improvements (Sample    *sample,
                  WmDiagram *diagram)
{
  remember (sample, "vsm.go-see",
            add_node (diagram, "go-see", 700, 270, 60, 34,
                      "Head roaster checks the resting shelf"));
  add_node (diagram, "operator", 500, 330, 40, 50, "Roaster");
  remember (sample, "vsm.kaizen-plan",
            add_node (diagram, "kaizen-burst", 470, 640, 160, 80,
                      "Roast to a weekly plan by origin"));
  add_node (diagram, "kaizen-burst", 930, 640, 160, 80, "Print labels at packing: one touch");
  add_node (diagram, "note", 40, 640, 220, 80,
            "Current state, measured in week 46 (9–13 November 2026).\n"
            "Quantities are 250 g bag equivalents.");
}

static void
build_value_stream (Sample *sample)
{
  WmDiagram *diagram = add_diagram (sample, "value-stream-map",
                                    "Fulfilment value stream (current state)");

  set_fields (diagram,
              WM_VSM_PRODUCT_FAMILY, "Whole-bean subscriptions",
              WM_VSM_DAILY_DEMAND, "460",
              WM_VSM_AVAILABLE_SECONDS, "27600",
              WM_VSM_SHIFTS, "1",
              WM_VSM_STATE, "current",
              NULL);
  add_partners (sample, diagram);
  add_processes (sample, diagram);
  add_stocks (sample, diagram);
  add_improvements (sample, diagram);
  add_flows_between (sample, diagram);
}

/* 3b. The same value stream, future state: the kaizen of the current map
 * applied. Roasting follows a weekly plan by origin, labels are printed at
 * packing (one process instead of two), FIFO lanes cap the stock between the
 * steps and a supermarket of house blends serves the one-off orders. Same
 * family, demand and shift, so that the two maps compare figure by figure. */

static const Process future_processes[] = {
  { "vsm2.sorting", "Green sorting", 180, "18", "300", "98", "1", "40", "1.5", "97" },
  { "vsm2.roasting", "Roasting", 490, "27", "600", "94", "1", "40", "1.5", "97" },
  { "vsm2.packing", "Packing & labelling", 790, "48", "300", "95", "2", "1", "0.5", "98" },
};

static const Stock future_stocks[] = {
  { "vsm2.green", "inventory", "Green coffee", { 75, 434, 60, 52 }, WM_VSM_QUANTITY, "920" },
  { "vsm2.batches", "fifo-lane", "Weighed batches", { 350, 440, 110, 40 }, WM_VSM_MAX, "120" },
  { "vsm2.resting", "fifo-lane", "Resting 24 h", { 650, 440, 120, 40 }, WM_VSM_MAX, "460" },
  { "vsm2.blends", "supermarket", "House blends", { 680, 300, 60, 70 }, WM_VSM_CAPACITY, "120" },
  { "vsm2.pickup", "shipment", "Carrier pick-up", { 1060, 250, 90, 50 }, WM_VSM_FREQUENCY,
    "Daily 16:00" },
};

static const Flow future_flows[] = {
  { "shipment-flow", "vsm2.supplier", "vsm2.green", "Fridays, by origin", NULL, 0, 0 },
  { "push", "vsm2.green", "vsm2.sorting", NULL, NULL, 0, 0 },
  { "push", "vsm2.sorting", "vsm2.batches", NULL, NULL, 0, 0 },
  { "push", "vsm2.batches", "vsm2.roasting", NULL, NULL, 0, 0 },
  { "push", "vsm2.roasting", "vsm2.resting", NULL, NULL, 0, 0 },
  { "push", "vsm2.resting", "vsm2.packing", NULL, NULL, 0, 0 },
  { "push", "vsm2.roasting", "vsm2.blends", "Popular blends", NULL, 0, 0 },
  { "pull", "vsm2.blends", "vsm2.packing", "One-off orders", NULL, 0, 0 },
  { "shipment-flow", "vsm2.packing", "vsm2.pickup", NULL, NULL, 1105, 460 },
  { "shipment-flow", "vsm2.pickup", "vsm2.customer", NULL, NULL, 0, 0 },
  { "electronic-info", "vsm2.customer", "vsm2.control", "Subscriptions and web orders",
    "Continuous", 0, 0 },
  { "electronic-info", "vsm2.control", "vsm2.supplier", "Green coffee order by origin", "Weekly",
    0, 0 },
  { "electronic-info", "vsm2.control", "vsm2.leveling", "Weekly plan by origin", "Weekly", 0, 0 },
  { "manual-info", "vsm2.leveling", "vsm2.roasting", "Roast list", "Daily 07:00", 560,
    VSM_INFO_Y + 60 },
};

static void
build_future_value_stream (Sample *sample)
{
  WmDiagram *diagram = add_diagram (sample, "value-stream-map",
                                    "Fulfilment value stream (future state)");
  WmItem *supplier = add_node (diagram, "supplier", 40, 40, 130, 90, "Green coffee importer");
  WmItem *customer = add_node (diagram, "customer", 1040, 40, 130, 90, "Subscribers");

  set_fields (diagram,
              WM_VSM_PRODUCT_FAMILY, "Whole-bean subscriptions",
              WM_VSM_DAILY_DEMAND, "460",
              WM_VSM_AVAILABLE_SECONDS, "27600",
              WM_VSM_SHIFTS, "1",
              WM_VSM_STATE, "future",
              NULL);
  set_props (diagram, customer, WM_VSM_REQUIREMENTS,
             "460 bags a day (250 g equivalents)\n"
             "Beans in the letterbox within 2 days of roasting", NULL);
  remember (sample, "vsm2.supplier", supplier);
  remember (sample, "vsm2.customer", customer);
  remember (sample, "vsm2.control",
            add_node (diagram, "production-control", 520, 40, 180, 80, "Order system"));
  remember (sample, "vsm2.leveling",
            add_node (diagram, "load-leveling", 370, 170, 90, 44, "Origins A–B–C"));
  for (guint i = 0; i < G_N_ELEMENTS (future_processes); i++)
    {
      const Process *process = &future_processes[i];
      WmItem *item = add_node (diagram, "process", process->x, VSM_FLOW_Y, 140, 168, process->text);

      set_props (diagram, item,
                 WM_VSM_CYCLE_TIME, process->cycle_time,
                 WM_VSM_CHANGEOVER_TIME, process->changeover_time,
                 WM_VSM_UPTIME, process->uptime,
                 WM_VSM_OPERATORS, process->operators,
                 WM_VSM_BATCH_SIZE, process->batch_size,
                 WM_VSM_SCRAP, process->scrap,
                 WM_VSM_COMPLETE_ACCURATE, process->complete_accurate,
                 NULL);
      remember (sample, process->name, item);
    }
  for (guint i = 0; i < G_N_ELEMENTS (future_stocks); i++)
    {
      const Stock *stock = &future_stocks[i];
      WmItem *item = add_node (diagram, stock->type, stock->bounds.x, stock->bounds.y,
                               stock->bounds.width, stock->bounds.height, stock->text);

      set_props (diagram, item, stock->prop, stock->value, NULL);
      remember (sample, stock->name, item);
    }
  add_node (diagram, "withdrawal-kanban", 760, 255, 50, 36, "Blend card");
  remember (sample, "vsm2.kaizen-plan",
            add_node (diagram, "kaizen-burst", 470, 640, 160, 80,
                      "Weekly roast plan by origin: done"));
  remember (sample, "vsm2.kaizen-labels",
            add_node (diagram, "kaizen-burst", 780, 640, 160, 80,
                      "Labels printed at packing: one touch"));
  add_node (diagram, "note", 40, 640, 220, 80,
            "Future state, the target for March 2027.\n"
            "Quantities are 250 g bag equivalents.");
  for (guint i = 0; i < G_N_ELEMENTS (future_flows); i++)
    {
      const Flow *flow = &future_flows[i];
      WmItem *link = add_link (diagram, flow->type, id_of (sample, flow->source),
                               id_of (sample, flow->target), flow->label);

      if (flow->frequency != NULL)
        set_props (diagram, link, WM_VSM_FREQUENCY, flow->frequency, NULL);
      if (flow->via_x != 0)
        set_waypoint (diagram, link, flow->via_x, flow->via_y);
    }
}

/* 4. The subscriber journey: cards in a grid of stage columns and lane rows,
 * the emotion curve in the emotions lane, the KPIs in theirs. */

#define CJ_LEFT 200.0
#define CJ_TOP 140.0
#define CJ_COLUMN 220.0
#define CJ_ROW 110.0
#define CJ_CARD_WIDTH 180.0
#define CJ_CARD_HEIGHT 80.0
#define CJ_EMOTION 24.0
#define CJ_EMOTION_STEP 18.0   /* vertical distance between two scores */

typedef struct
{
  const char *stage;
  const char *lane;
  const char *name;   /* or NULL */
  const char *text;
} Card;

static const Card cards[] = {
  { "awareness", "actions", NULL, "Sees a friend’s V60 photo tagged @beanbox" },
  { "awareness", "touchpoints", "cj.instagram-post", "Instagram post with a referral link" },
  { "awareness", "channels", NULL, "Instagram, word of mouth" },
  { "awareness", "thoughts", NULL, "“Is a subscription worth it? I have a local roaster.”" },
  { "awareness", "pain-points", NULL, "Does not know what “roasted to order” changes in the cup" },
  { "awareness", "opportunities", NULL, "Show the roast date on every bag in posts" },
  { "awareness", "backstage", NULL, "Content team posts three brewing videos a week" },

  { "consideration", "actions", NULL, "Browses coffees, reads tasting notes and brew guides" },
  { "consideration", "touchpoints", NULL, "Coffee pages and the plan comparison" },
  { "consideration", "channels", NULL, "Web shop on her phone" },
  { "consideration", "thoughts", NULL, "“Which origin suits a V60? What does a cup cost?”" },
  { "consideration", "pain-points", NULL, "The price per cup is not shown" },
  { "consideration", "opportunities", NULL, "Price per cup and a three-question taste quiz" },
  { "consideration", "backstage", NULL, "Four new origins added to the catalogue each month" },

  { "decision", "actions", NULL, "Chooses a fortnightly 500 g plan and pays by card" },
  { "decision", "touchpoints", "cj.checkout", "Subscription checkout" },
  { "decision", "channels", NULL, "Web shop" },
  { "decision", "thoughts", NULL, "“Can I cancel if I don’t like it?”" },
  { "decision", "pain-points", NULL, "The gift code field only appears at the payment step" },
  { "decision", "opportunities", NULL, "Promise “pause or cancel in two clicks” at checkout" },
  { "decision", "backstage", NULL, "Payment provider authorises; the first roast is booked" },

  { "retention", "actions", NULL, "Gets beans two days after roasting; pauses in August" },
  { "retention", "touchpoints", NULL, "Dispatch e-mail, letterbox parcel, account page" },
  { "retention", "channels", NULL, "Post, e-mail, web account" },
  { "retention", "thoughts", NULL, "“So much fresher than the supermarket.”" },
  { "retention", "pain-points", "cj.stale-parcel",
    "Some parcels arrive five days after roasting" },
  { "retention", "opportunities", NULL, "Rate each coffee to tune the next pick" },
  { "retention", "backstage", NULL, "Roast, rest 24–48 h, pack, label, dispatch at 16:00" },

  { "advocacy", "actions", NULL, "Shares her referral code with two colleagues" },
  { "advocacy", "touchpoints", NULL, "Referral page and gift subscriptions" },
  { "advocacy", "channels", NULL, "Messenger, e-mail, office chat" },
  { "advocacy", "thoughts", NULL, "“My team should have this in the office.”" },
  { "advocacy", "pain-points", NULL, "The referral reward waits for the friend’s second box" },
  { "advocacy", "opportunities", NULL, "Offer an office trial box from her account" },
  { "advocacy", "backstage", NULL, "Account manager follows up office leads" },
};

typedef struct
{
  const char *stage;
  const char *score;
  const char *text;
} Emotion;

static const Emotion emotions[] = {
  { "awareness", "1", "Curious" },
  { "consideration", "0", "Unsure about the price" },
  { "decision", "-1", "Worried about the commitment" },
  { "retention", "2", "Delighted by the freshness" },
  { "advocacy", "1", "Proud to recommend it" },
};

typedef struct
{
  const char *name;
  const char *stage;
  const char *text;
  const char *value;
  const char *target;
  const char *unit;
} Kpi;

static const Kpi kpis[] = {
  { "cj.referral", "decision", "Referral conversion", "6.5", "8", "%" },
  { "cj.retention", "retention", "Retention rate after 3 months", "78", "85", "%" },
  { "cj.nps", "advocacy", "Net Promoter Score", "41", "50", "points" },
};

static guint
entry_position (WmDiagram  *diagram,
                const char *list,
                const char *id)
{
  GPtrArray *entries = wm_diagram_get_list (diagram, list);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    if (g_str_equal (((WmListEntry *) g_ptr_array_index (entries, i))->id, id))
      return i;
  fail ("the journey’s %s have no “%s”", list, id);
}

static double
stage_x (WmDiagram  *diagram,
         const char *stage)
{
  return CJ_LEFT + entry_position (diagram, WM_JOURNEY_STAGES, stage) * CJ_COLUMN;
}

static double
lane_y (WmDiagram  *diagram,
        const char *lane)
{
  return CJ_TOP + entry_position (diagram, WM_JOURNEY_LANES, lane) * CJ_ROW;
}

static const char *
lane_color (const char *lane)
{
  if (g_str_equal (lane, "pain-points"))
    return "#ffd9d9";
  if (g_str_equal (lane, "opportunities"))
    return "#dcf5d4";
  return NULL;
}

static void
add_cards (Sample    *sample,
           WmDiagram *diagram)
{
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      const Card *card = &cards[i];
      WmItem *item = add_node (diagram, "card", stage_x (diagram, card->stage),
                               lane_y (diagram, card->lane), CJ_CARD_WIDTH, CJ_CARD_HEIGHT,
                               card->text);

      set_props (diagram, item, WM_JOURNEY_STAGE, card->stage, WM_JOURNEY_LANE, card->lane, NULL);
      if (lane_color (card->lane) != NULL)
        set_props (diagram, item, WM_FIELD_COLOR, lane_color (card->lane), NULL);
      remember (sample, card->name, item);
    }
}

/* The curve sits in the emotions lane: a score of 0 in the middle of the
 * card row, each point up or down by CJ_EMOTION_STEP. */
static void
add_emotions (WmDiagram *diagram)
{
  double middle = lane_y (diagram, "emotions") + CJ_CARD_HEIGHT / 2;

  for (guint i = 0; i < G_N_ELEMENTS (emotions); i++)
    {
      const Emotion *emotion = &emotions[i];
      double score = g_ascii_strtod (emotion->score, NULL);
      double x = stage_x (diagram, emotion->stage) + (CJ_CARD_WIDTH - CJ_EMOTION) / 2;
      double y = middle - score * CJ_EMOTION_STEP - CJ_EMOTION / 2;
      WmItem *item = add_node (diagram, "emotion", x, y, CJ_EMOTION, CJ_EMOTION, emotion->text);

      set_props (diagram, item,
                 WM_JOURNEY_STAGE, emotion->stage,
                 WM_JOURNEY_SCORE, emotion->score,
                 NULL);
    }
}

static void
add_kpis (Sample    *sample,
          WmDiagram *diagram)
{
  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    {
      const Kpi *kpi = &kpis[i];
      WmItem *item = add_node (diagram, "kpi", stage_x (diagram, kpi->stage),
                               lane_y (diagram, "kpis"), CJ_CARD_WIDTH, CJ_CARD_HEIGHT,
                               kpi->text);

      set_props (diagram, item,
                 WM_JOURNEY_STAGE, kpi->stage,
                 WM_JOURNEY_VALUE, kpi->value,
                 WM_JOURNEY_TARGET, kpi->target,
                 WM_JOURNEY_UNIT, kpi->unit,
                 NULL);
      remember (sample, kpi->name, item);
    }
}

static WmDiagram *
build_journey (Sample *sample)
{
  WmDiagram *diagram = add_diagram (sample, "customer-journey", "Subscriber journey");

  set_fields (diagram,
              WM_JOURNEY_PERSONA, "Maya, home brewer",
              WM_JOURNEY_PERSONA_DESCRIPTION,
              "34, UX designer in Leeds, works from home three days a week.\n"
              "Brews a V60 every morning and an AeroPress after lunch; owns a good burr grinder.\n"
              "Buys beans from a local roaster when she remembers, and from the supermarket when "
              "she does not.",
              WM_JOURNEY_SCENARIO,
              "Maya’s grinder is good but her beans are often stale. She sees a friend’s post "
              "about Bean Box, tries a fortnightly plan, pauses it for a holiday and, two months "
              "in, refers two colleagues.",
              WM_JOURNEY_EXPECTATIONS,
              "Fresh beans without having to remember to order\n"
              "Clear tasting notes and a recipe for her V60\n"
              "Easy to pause when she travels\n"
              "Parcels that fit through the letterbox",
              NULL);
  add_cards (sample, diagram);
  add_emotions (diagram);
  add_kpis (sample, diagram);
  return diagram;
}

/* 5. Links across diagrams */

typedef struct
{
  const char *from;
  const char *to;   /* names, separated by spaces */
} CrossLink;

static const CrossLink cross_links[] = {
  { "cj.instagram-post", "bmc.instagram" },
  { "cj.checkout", "bmc.webshop uc.subscribe" },
  { "cj.stale-parcel", "vsm.kaizen-plan" },
  { "cj.retention", "bmc.self-service uc.pause" },
  { "cj.nps", "bmc.home-brewers" },
  { "bmc.webshop", "uc.browse uc.subscribe uc.order" },
  { "bmc.ratings", "uc.rate" },
  { "bmc.roasting", "vsm.roasting" },
  { "uc.subscribe", "bmc.home-revenue" },
  { "uc.pay", "bmc.payments" },
  { "uc.roast-list", "vsm.control" },
  { "vsm.supplier", "bmc.importer" },
  { "vsm.kaizen-plan", "cj.stale-parcel bmc.roasting" },
  { "vsm2.kaizen-plan", "vsm.kaizen-plan vsm.go-see" },
  { "vsm2.kaizen-labels", "vsm.packing vsm.dispatch" },
};

static char *
ids_of (Sample     *sample,
        const char *names)
{
  g_auto(GStrv) split = g_strsplit (names, " ", -1);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;

  for (guint i = 0; split[i] != NULL; i++)
    g_strv_builder_add (ids, id_of (sample, split[i]));
  joined = g_strv_builder_end (ids);
  return g_strjoinv (" ", joined);
}

static void
add_cross_links (Sample    *sample,
                 WmDiagram *journey)
{
  g_autofree char *persona = ids_of (sample, "bmc.home-brewers");

  for (guint i = 0; i < G_N_ELEMENTS (cross_links); i++)
    {
      g_autofree char *ids = ids_of (sample, cross_links[i].to);
      WmDiagram *diagram = NULL;
      WmItem *item = wm_project_lookup_item (sample->project,
                                             id_of (sample, cross_links[i].from), &diagram);

      if (item == NULL || diagram == NULL)
        fail ("the project cannot find “%s”", cross_links[i].from);
      set_props (diagram, item, WM_FIELD_LINKS, ids, NULL);
    }
  set_fields (journey, WM_JOURNEY_PERSONA_LINKS, persona, NULL);
}

/* 6. The value proposition for home brewers */

typedef struct
{
  const char *type;
  const char *name;
  const char *text;
  const char *tag;    /* the kind of a job, the severity of a pain, the relevance of a gain */
} VpcNote;

static const VpcNote vpc_notes[] = {
  { "product", NULL, "Weekly or fortnightly subscription", NULL },
  { "product", NULL, "Single-origin bags with a brew guide", NULL },
  { "product", NULL, "Self-service account", NULL },

  { "gain-creator", "vpc.q-grader", "Every lot chosen by a Q-grader", NULL },
  { "gain-creator", "vpc.new-origin", "A new origin each delivery", NULL },
  { "gain-creator", "vpc.farm-label", "Farm story and roast date on the label", NULL },

  { "pain-reliever", "vpc.roasted", "Roasted less than 3 days before delivery", NULL },
  { "pain-reliever", "vpc.schedule", "Delivered on a schedule you set", NULL },
  { "pain-reliever", "vpc.guide", "A brew guide with every bag", NULL },
  { "pain-reliever", "vpc.two-clicks", "Pause, skip or cancel in two clicks", NULL },

  { "job", NULL, "Brew a great cup every morning", "functional" },
  { "job", NULL, "Discover new origins", "functional" },
  { "job", NULL, "Share good coffee with friends", "social" },
  { "job", NULL, "Feel good about where coffee comes from", "emotional" },

  { "gain", "vpc.cafe", "Coffee as good as at the café", "essential" },
  { "gain", "vpc.variety", "Variety without effort", "expected" },
  { "gain", "vpc.farm", "Knowing the farm and the roast date", "nice-to-have" },

  { "pain", "vpc.stale", "Supermarket beans are stale", "extreme" },
  { "pain", "vpc.run-out", "Running out of coffee", "severe" },
  { "pain", "vpc.new-bean", "Not knowing how to brew a new bean", "moderate" },
  { "pain", "vpc.lock-in", "Subscriptions that are hard to cancel", "severe" },
};

static const struct { const char *link; const char *from; const char *to; } vpc_fits[] = {
  { "relieves", "vpc.roasted", "vpc.stale" },
  { "relieves", "vpc.schedule", "vpc.run-out" },
  { "relieves", "vpc.guide", "vpc.new-bean" },
  { "relieves", "vpc.two-clicks", "vpc.lock-in" },
  { "creates", "vpc.q-grader", "vpc.cafe" },
  { "creates", "vpc.new-origin", "vpc.variety" },
  { "creates", "vpc.farm-label", "vpc.farm" },
};

/* The notes flow in their areas; their bounds get the places the flow
 * gives them, as the canvas writes them, so other programs see them there. */
static void
place_vpc_notes (WmDiagram *diagram)
{
  g_autoptr(WmBoardLayout) layout = wm_board_layout_new (diagram);

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      WmRect rect;

      if (wm_board_layout_item_rect (layout, item, &rect) &&
          !wm_diagram_set_bounds (diagram, item->id, &rect))
        fail ("cannot place the note %s", item->id);
    }
}

static void
build_value_proposition (Sample *sample)
{
  WmDiagram *diagram = add_diagram (sample, "value-proposition-canvas",
                                    "Home brewers value proposition");

  for (guint i = 0; i < G_N_ELEMENTS (vpc_notes); i++)
    {
      const VpcNote *note = &vpc_notes[i];
      const char *tag_prop = g_str_equal (note->type, "job") ? WM_VPC_KIND
                             : g_str_equal (note->type, "pain") ? WM_VPC_SEVERITY : WM_VPC_RELEVANCE;
      WmItem *item = add_node (diagram, note->type, 0, 0, 120, 70, note->text);

      if (note->tag != NULL)
        set_props (diagram, item, tag_prop, note->tag, NULL);
      remember (sample, note->name, item);
    }
  for (guint i = 0; i < G_N_ELEMENTS (vpc_fits); i++)
    add_link (diagram, vpc_fits[i].link, id_of (sample, vpc_fits[i].from),
              id_of (sample, vpc_fits[i].to), NULL);
  place_vpc_notes (diagram);
  set_fields (diagram,
              WM_VPC_VALUE_PROPOSITION_LINKS, id_of (sample, "bmc.fresh"),
              WM_VPC_CUSTOMER_SEGMENT_LINKS, id_of (sample, "bmc.home-brewers"),
              NULL);
}

/* The project */

static void
build_project (Sample *sample)
{
  WmDiagram *journey;

  wm_project_set_title (sample->project, "Bean Box — coffee subscription");
  wm_project_set_author (sample->project, "Waymark sample");
  wm_project_set_description (sample->project,
                              "Bean Box roasts speciality coffee to order and sends fresh beans "
                              "to home brewers and offices every week or fortnight. Its business "
                              "model canvas, the use cases of its web shop, the value stream "
                              "that fulfils the orders, today and as planned, a subscriber’s "
                              "journey and the value proposition for home brewers tell one story, and their items link to each other "
                              "across the diagrams.");
  build_canvas (sample);
  build_use_cases (sample);
  build_value_stream (sample);
  journey = build_journey (sample);
  build_future_value_stream (sample);
  build_value_proposition (sample);
  add_cross_links (sample, journey);
}

static void
report_problems (WmProject *project)
{
  g_autoptr(GPtrArray) problems = wm_project_check (project);

  for (guint i = 0; i < problems->len; i++)
    {
      WmProblem *problem = g_ptr_array_index (problems, i);
      WmDiagram *diagram = problem->diagram_id != NULL
                           ? wm_project_find_diagram (project, problem->diagram_id)
                           : NULL;
      g_autofree char *items = g_strjoinv (", ", problem->item_ids);

      g_printerr ("make-sample: %s: %s: %s%s%s%s\n", wm_severity_to_string (problem->severity),
                  diagram != NULL ? wm_diagram_get_name (diagram) : "-", problem->message,
                  items[0] != '\0' ? " [" : "", items, items[0] != '\0' ? "]" : "");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  Sample sample;

  if (argc != 2)
    {
      g_printerr ("Usage: make-sample OUTPUT.waymark\n");
      return 2;
    }

  /* Only the character set follows the user, so that messages print
   * properly. LC_MESSAGES stays "C": the journey's default stage and lane
   * labels are translated when they are created, and the sample must not
   * depend on who generates it. */
  setlocale (LC_CTYPE, "");
  project = wm_project_new ();
  /* The sample must be the same file on every run: its ids are numbered. */
  _wm_project_use_serial_ids (project);
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sample = (Sample) { project, ids };
  build_project (&sample);
  report_problems (project);

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!wm_project_save (project, file, NULL, &error))
    fail ("cannot save %s: %s", argv[1], reason (error));
  return EXIT_SUCCESS;
}
