/* wm-notation-use-case.c — UML 2.5 use-case diagrams
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-notation-use-case"

#include "config.h"

#include "wm-check.h"
#include "wm-diagram.h"
#include "wm-notation-private.h"

static const WmChoice actor_kinds[] = {
  { "human", N_("Person") },
  { "system", N_("External system") },
  { "time", N_("Time") },
  { NULL, NULL }
};

static const WmChoice levels[] = {
  { "summary", N_("Summary") },
  { "user-goal", N_("User goal") },
  { "subfunction", N_("Subfunction") },
  { NULL, NULL }
};

static const WmChoice priorities[] = {
  { "must", N_("Must have") },
  { "should", N_("Should have") },
  { "could", N_("Could have") },
  { "wont", N_("Won’t have this time") },
  { NULL, NULL }
};

static const WmPropSpec diagram_props[] = {
  WM_P_TEXT ("description", N_("Description")),
};

static const WmPropSpec actor_props[] = {
  WM_P_ENUM ("kind", N_("Kind"), actor_kinds, "human"),
  WM_P_STRING ("stereotype", N_("Stereotype")),
  WM_P_TEXT ("description", N_("Description")),
  WM_P_LINKS,
};

static const WmPropSpec use_case_props[] = {
  WM_P_STRV ("extension-points", N_("Extension points")),
  WM_P_ENUM ("level", N_("Goal level"), levels, "user-goal"),
  WM_P_ENUM ("priority", N_("Priority"), priorities, "should"),
  WM_P_TEXT ("description", N_("Description")),
  WM_P_TEXT ("preconditions", N_("Preconditions")),
  WM_P_TEXT ("postconditions", N_("Postconditions")),
  WM_P_TEXT ("main-flow", N_("Main flow")),
  WM_P_TEXT ("alternative-flows", N_("Alternative flows")),
  WM_P_LINKS,
};

static const WmPropSpec subject_props[] = {
  WM_P_STRING ("stereotype", N_("Stereotype")),
};

static const WmPropSpec note_props[] = {
  WM_P_LINKS,
};

static const WmPropSpec association_props[] = {
  WM_P_STRING ("source-multiplicity", N_("Multiplicity at source")),
  WM_P_STRING ("target-multiplicity", N_("Multiplicity at target")),
  WM_P_BOOLEAN ("navigable", N_("Navigable towards target"), "false"),
};

static const WmPropSpec extend_props[] = {
  WM_P_STRING ("condition", N_("Condition")),
  WM_P_STRING ("extension-point", N_("Extension point")),
};

static const WmItemType node_types[] = {
  WM_NODE ("actor", N_("Actor"), N_("Name"), FALSE, 60, 110, actor_props),
  WM_NODE ("use-case", N_("Use case"), N_("Name"), FALSE, 160, 70, use_case_props),
  WM_CONTAINER ("subject", N_("Subject"), N_("Name"), 400, 500, subject_props),
  WM_CONTAINER ("package", N_("Package"), N_("Name"), 300, 240, subject_props),
  WM_NODE ("note", N_("Note"), N_("Text"), TRUE, 160, 80, note_props),
};

static const WmItemType link_types[] = {
  WM_LINK ("association", N_("Association"), association_props),
  WM_LINK_PLAIN ("include", N_("Include")),
  WM_LINK ("extend", N_("Extend"), extend_props),
  WM_LINK_PLAIN ("generalization", N_("Generalization")),
  WM_LINK_PLAIN ("anchor", N_("Note anchor")),
};

static const WmLinkRule rules[] = {
  { "association", "actor", "use-case" },
  { "association", "use-case", "actor" },
  { "include", "use-case", "use-case" },
  { "extend", "use-case", "use-case" },
  { "generalization", "actor", "actor" },
  { "generalization", "use-case", "use-case" },
  { "anchor", "note", "*" },
};

/* The ids of the nodes at either end of an association, in one pass. */
static GHashTable *
associated_nodes (WmDiagram *diagram)
{
  GHashTable *ends = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (wm_item_is_link (item) && g_str_equal (item->type->id, "association"))
        {
          g_hash_table_add (ends, item->source);
          g_hash_table_add (ends, item->target);
        }
    }
  return ends;
}

static void
check_use_case (WmDiagram *diagram,
                GPtrArray *problems)
{
  g_autoptr(GHashTable) associated = associated_nodes (diagram);

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      const char *ids[] = { item->id, NULL };
      gboolean is_actor = g_str_equal (item->type->id, "actor");
      gboolean is_use_case = g_str_equal (item->type->id, "use-case");

      if ((is_actor || is_use_case) && wm_str_is_blank (item->text))
        g_ptr_array_add (problems,
                         wm_problem_new (WM_SEVERITY_ERROR, diagram, ids, "%s",
                                         is_actor ? _("An actor has no name.")
                                                  : _("A use case has no name.")));
      if (is_actor && !g_hash_table_contains (associated, item->id))
        g_ptr_array_add (problems,
                         wm_problem_new (WM_SEVERITY_WARNING, diagram, ids,
                                         _("The actor “%s” takes part in no use case."),
                                         item->text));
    }
}

const WmNotation _wm_notation_use_case = {
  .id = "use-case",
  .label = N_("Use-case diagram"),
  .id_prefix = "uc",
  WM_NOTATION_TABLES (diagram_props, node_types, link_types, rules),
  .check = check_use_case,
};
