/* plantuml-sample.c — projects and texts the PlantUML tests share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "plantuml-sample.h"
#include "wm-use-case.h"

static WmItem *
add_node (WmDiagram  *diagram,
          const char *type,
          double      x,
          double      y,
          const char *text,
          WmItem     *parent)
{
  g_autoptr(GError) error = NULL;
  const WmItemType *item_type = wm_notation_lookup_type (wm_diagram_get_notation (diagram), type);
  WmRect bounds = { x, y, item_type->width, item_type->height };
  WmItem *item = wm_diagram_add_node (diagram, type, &bounds, text, &error);

  g_assert_no_error (error);
  if (parent != NULL)
    {
      wm_diagram_set_parent (diagram, item->id, parent->id, &error);
      g_assert_no_error (error);
    }
  return item;
}

static WmItem *
add_link (WmDiagram  *diagram,
          const char *type,
          WmItem     *source,
          WmItem     *target)
{
  g_autoptr(GError) error = NULL;
  WmItem *item = wm_diagram_add_link (diagram, type, source->id, target->id, &error);

  g_assert_no_error (error);
  return item;
}

static void
set (WmDiagram  *diagram,
     WmItem     *item,
     const char *name,
     const char *value)
{
  g_autoptr(GError) error = NULL;

  wm_diagram_set_property (diagram, item->id, name, value, &error);
  g_assert_no_error (error);
}

/* Use case names of every sort: plain, punctuated, quoted, non-ASCII. */
static char *
use_case_name (guint i)
{
  switch (i % 6)
    {
    case 0: return g_strdup_printf ("Browse coffees %u", i);
    case 1: return g_strdup_printf ("Place one-off order #%u", i);
    case 2: return g_strdup_printf ("Pay (card/wallet) %u", i);
    case 3: return g_strdup_printf ("Rate: 1–5 ★ %u", i);
    case 4: return g_strdup_printf ("Print the \"daily\" roast list %u", i);
    default: return g_strdup_printf ("Crème brûlée, café & thé %u", i);
    }
}

static void
add_actors (WmDiagram *diagram,
            WmItem   **actors)
{
  actors[0] = add_node (diagram, "actor", 0, 100, "Customer", NULL);
  actors[1] = add_node (diagram, "actor", 0, 300, "Gift buyer", NULL);
  actors[2] = add_node (diagram, "actor", 2000, 100, "Payment provider", NULL);
  set (diagram, actors[2], WM_UC_KIND, "system");
  actors[3] = add_node (diagram, "actor", 2000, 300, "Clock", NULL);
  set (diagram, actors[3], WM_UC_KIND, "time");
  actors[4] = add_node (diagram, "actor", 2000, 500, "Roaster", NULL);
  set (diagram, actors[4], WM_UC_STEREOTYPE, "staff");
  actors[5] = add_node (diagram, "actor", 0, 500, "note", NULL);
  actors[6] = add_node (diagram, "actor", 0, 700, "Mr \"Bean\" O'Neil", NULL);
}

static void
add_notes (WmDiagram *diagram,
           WmItem   **use_cases,
           WmItem   **actors)
{
  WmItem *beside = add_node (diagram, "note", 2200, 40,
                             "Renewals are charged on the roast day.", NULL);
  WmItem *shared = add_node (diagram, "note", 2200, 400,
                             "Two lines\nand a quote \" and a colon: here", NULL);
  WmItem *tricky = add_node (diagram, "note", 2200, 700,
                             "The next line ends nothing\nend note\n"
                             "and this one is still the note's", NULL);

  add_node (diagram, "note", 2200, 900, "A free note", NULL);
  add_link (diagram, "anchor", beside, use_cases[2]);
  add_link (diagram, "anchor", shared, use_cases[3]);
  add_link (diagram, "anchor", shared, actors[0]);
  add_link (diagram, "anchor", tricky, actors[4]);
}

static void
add_links (WmDiagram *diagram,
           WmItem   **use_cases,
           guint      n,
           WmItem   **actors)
{
  WmItem *item;

  item = add_link (diagram, "association", actors[0], use_cases[0]);
  set (diagram, item, WM_UC_SOURCE_MULTIPLICITY, "1");
  set (diagram, item, WM_UC_TARGET_MULTIPLICITY, "0..*");
  item = add_link (diagram, "association", use_cases[2], actors[2]);
  set (diagram, item, WM_UC_NAVIGABLE, "true");
  set (diagram, item, WM_UC_TARGET_MULTIPLICITY, "1");
  item = add_link (diagram, "association", actors[1], use_cases[1]);
  wm_diagram_set_text (diagram, item->id, "buys: for someone else");
  add_link (diagram, "association", actors[3], use_cases[4]);
  add_link (diagram, "association", actors[4], use_cases[5]);
  add_link (diagram, "association", actors[5], use_cases[6]);
  add_link (diagram, "association", actors[6], use_cases[7]);
  add_link (diagram, "generalization", actors[1], actors[0]);
  add_link (diagram, "generalization", use_cases[8], use_cases[0]);
  for (guint i = 1; i + 1 < n; i += 3)
    add_link (diagram, "include", use_cases[i], use_cases[i + 1]);
  item = add_link (diagram, "extend", use_cases[9], use_cases[2]);
  set (diagram, item, WM_UC_CONDITION, "the customer has a gift code");
  set (diagram, item, WM_UC_EXTENSION_POINT, "Payment details");
  add_link (diagram, "extend", use_cases[10], use_cases[2]);
  for (guint i = 11; i < n; i++)
    add_link (diagram, "association", actors[i % 2], use_cases[i]);
}

WmProject *
plantuml_sample_project (guint n_use_cases)
{
  g_autoptr(GError) error = NULL;
  WmProject *project = wm_project_new ();
  WmDiagram *diagram = wm_project_add_diagram (project, "use-case", "Generated: “all” of it",
                                               &error);
  g_autofree WmItem **use_cases = NULL;
  WmItem *actors[7], *subject, *outer, *inner;
  guint n = MAX (n_use_cases, 12);

  g_assert_no_error (error);
  use_cases = g_new0 (WmItem *, n);
  subject = add_node (diagram, "subject", 200, 0, "Bean Box: web (v2)", NULL);
  set (diagram, subject, WM_UC_STEREOTYPE, "system");
  outer = add_node (diagram, "package", 250, 50, "Back office", subject);
  inner = add_node (diagram, "package", 300, 100, "Roasting & packing", outer);
  set (diagram, inner, WM_UC_STEREOTYPE, "subsystem");
  add_actors (diagram, actors);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = use_case_name (i);
      WmItem *parent = i % 5 == 4 ? inner : i % 5 == 3 ? outer : subject;

      use_cases[i] = add_node (diagram, "use-case", 300 + (i % 8) * 200, 150 + (i / 8) * 90,
                               name, parent);
    }
  /* Two use cases of the same name, which need aliases to stay two. */
  wm_diagram_set_text (diagram, use_cases[11]->id, "Pay");
  wm_diagram_set_text (diagram, use_cases[10]->id, "Pay");
  set (diagram, use_cases[2], WM_UC_EXTENSION_POINTS, "Payment details\nGift wrap");
  add_links (diagram, use_cases, n, actors);
  add_notes (diagram, use_cases, actors);
  return project;
}

char *
plantuml_sample_text (guint n_use_cases)
{
  GString *out = g_string_new ("@startuml\nleft to right direction\n");
  guint n_actors = MAX (n_use_cases / 10, 1);

  for (guint a = 0; a < n_actors; a++)
    g_string_append_printf (out, "actor \"Actor %u\" as A%u\n", a, a);
  g_string_append (out, "rectangle \"The system\" {\n");
  for (guint i = 0; i < n_use_cases; i++)
    {
      if (i % 20 == 0)
        g_string_append_printf (out, "  package \"Area %u\" {\n", i / 20);
      g_string_append_printf (out, "    usecase \"Use case %u\" as U%u\n", i, i);
      if (i % 20 == 19 || i + 1 == n_use_cases)
        g_string_append (out, "  }\n");
    }
  g_string_append (out, "}\n");
  for (guint i = 0; i < n_use_cases; i++)
    {
      if (i % 4 == 0)
        g_string_append_printf (out, "A%u --> U%u\n", (i / 4) % n_actors, i);
      else if (i % 4 == 3)
        g_string_append_printf (out, "U%u .> U%u : <<extend>>\n", i, i - 1);
      else
        g_string_append_printf (out, "U%u ..> U%u : <<include>>\n", i - 1, i);
    }
  g_string_append (out, "@enduml\n");
  return g_string_free (out, FALSE);
}
