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

/* An extend link offers the extension points of the use case it extends. */
static char **
extended_points (WmDiagram    *diagram,
                 const WmItem *link)
{
  WmItem *base = link != NULL ? wm_diagram_lookup (diagram, link->target) : NULL;

  if (base == NULL || !g_str_equal (base->type->id, "use-case"))
    return NULL;
  return g_strdupv ((char **) wm_item_get_strv (base, "extension-points"));
}

static const WmPropSpec extend_props[] = {
  WM_P_STRING ("condition", N_("Condition")),
  { .name = "extension-point", .label = N_("Extension point"), .type = WM_PROP_STRING,
    .suggest = extended_points },
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

/* A use case as the checks see it: its links, gathered once per check. */
typedef struct
{
  WmItem    *item;
  guint      order;          /* position among the diagram's use cases */
  GPtrArray *includes;       /* UseCase *, the use cases it includes */
  GPtrArray *reaches;        /* UseCase *, the use cases an actor reaches through it */
  guint      n_included_by;
  gboolean   includes_self;
  gboolean   reached;
  int        index;          /* Tarjan's depth-first number, or -1 */
  int        lowlink;
  gboolean   on_stack;
} UseCase;

typedef struct
{
  WmDiagram  *diagram;
  GPtrArray  *problems;
  GPtrArray  *use_cases;     /* UseCase *, in z-order */
  GHashTable *by_id;         /* item id → UseCase * */
  GHashTable *associated;    /* ids of the nodes at either end of an association */
} UseCaseGraph;

static void
use_case_free (gpointer data)
{
  UseCase *use_case = data;

  g_ptr_array_unref (use_case->includes);
  g_ptr_array_unref (use_case->reaches);
  g_free (use_case);
}

static void
graph_clear (UseCaseGraph *graph)
{
  g_clear_pointer (&graph->use_cases, g_ptr_array_unref);
  g_clear_pointer (&graph->by_id, g_hash_table_unref);
  g_clear_pointer (&graph->associated, g_hash_table_unref);
}

static gboolean
is_type (const WmItem *item,
         const char   *type_id)
{
  return item != NULL && g_str_equal (item->type->id, type_id);
}

static void
report (UseCaseGraph      *graph,
        WmSeverity         severity,
        const char *const *ids,
        char              *message)
{
  g_ptr_array_add (graph->problems,
                   wm_problem_new (severity, graph->diagram, ids, "%s", message));
  g_free (message);
}

/* Names and extension points compare trimmed and case-folded. */
static char *
comparison_key (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *normal = g_utf8_normalize (trimmed, -1, G_NORMALIZE_DEFAULT);

  return g_utf8_casefold (normal != NULL ? normal : trimmed, -1);
}

static void
add_use_case (UseCaseGraph *graph,
              WmItem       *item)
{
  UseCase *use_case = g_new0 (UseCase, 1);

  use_case->item = item;
  use_case->order = graph->use_cases->len;
  use_case->includes = g_ptr_array_new ();
  use_case->reaches = g_ptr_array_new ();
  use_case->index = -1;
  g_ptr_array_add (graph->use_cases, use_case);
  g_hash_table_insert (graph->by_id, item->id, use_case);
}

static void
check_extension_point (UseCaseGraph *graph,
                       WmItem       *link,
                       UseCase      *base)
{
  const char *point = wm_item_get_string (link, "extension-point");
  const char *const *points = wm_item_get_strv (base->item, "extension-points");
  g_autofree char *wanted = NULL;
  const char *ids[] = { link->id, base->item->id, NULL };

  if (wm_str_is_blank (point))
    return;
  wanted = g_strstrip (g_strdup (point));
  for (guint i = 0; points[i] != NULL; i++)
    {
      g_autofree char *have = g_strstrip (g_strdup (points[i]));
      if (g_str_equal (have, wanted))
        return;
    }
  report (graph, WM_SEVERITY_ERROR, ids,
          g_strdup_printf (_("The use case “%s” has no extension point “%s”."),
                           base->item->text, wanted));
}

static void
add_use_case_link (UseCaseGraph *graph,
                   WmItem       *link,
                   UseCase      *source,
                   UseCase      *target)
{
  if (is_type (link, "include"))
    {
      g_ptr_array_add (source->includes, target);
      g_ptr_array_add (source->reaches, target);
      target->n_included_by++;
      source->includes_self |= source == target;
    }
  else if (is_type (link, "extend"))
    {
      g_ptr_array_add (target->reaches, source);
      check_extension_point (graph, link, target);
    }
  else if (is_type (link, "generalization"))
    {
      g_ptr_array_add (source->reaches, target);
      g_ptr_array_add (target->reaches, source);
    }
}

static void
add_link (UseCaseGraph *graph,
          WmItem       *link)
{
  UseCase *source = g_hash_table_lookup (graph->by_id, link->source);
  UseCase *target = g_hash_table_lookup (graph->by_id, link->target);

  if (is_type (link, "association"))
    {
      g_hash_table_add (graph->associated, link->source);
      g_hash_table_add (graph->associated, link->target);
      if (source != NULL && is_type (wm_diagram_lookup (graph->diagram, link->target), "actor"))
        source->reached = TRUE;
      if (target != NULL && is_type (wm_diagram_lookup (graph->diagram, link->source), "actor"))
        target->reached = TRUE;
    }
  else if (source != NULL && target != NULL)
    add_use_case_link (graph, link, source, target);
}

/* Gathers the use cases, then their links, in two passes over the items. */
static void
graph_init (UseCaseGraph *graph,
            WmDiagram    *diagram,
            GPtrArray    *problems)
{
  guint n_items = wm_diagram_get_n_items (diagram);

  graph->diagram = diagram;
  graph->problems = problems;
  graph->use_cases = g_ptr_array_new_with_free_func (use_case_free);
  graph->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  graph->associated = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_items; i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      if (is_type (item, "use-case"))
        add_use_case (graph, item);
    }
  for (guint i = 0; i < n_items; i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      if (wm_item_is_link (item))
        add_link (graph, item);
    }
}

/* Spreads reach from the use cases actors are associated with, breadth first. */
static void
spread_reach (UseCaseGraph *graph)
{
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();

  for (guint i = 0; i < graph->use_cases->len; i++)
    {
      UseCase *use_case = g_ptr_array_index (graph->use_cases, i);
      if (use_case->reached)
        g_ptr_array_add (queue, use_case);
    }
  for (guint head = 0; head < queue->len; head++)
    {
      UseCase *use_case = g_ptr_array_index (queue, head);
      for (guint i = 0; i < use_case->reaches->len; i++)
        {
          UseCase *next = g_ptr_array_index (use_case->reaches, i);
          if (!next->reached)
            {
              next->reached = TRUE;
              g_ptr_array_add (queue, next);
            }
        }
    }
}

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  const UseCase *x = *(UseCase *const *) a;
  const UseCase *y = *(UseCase *const *) b;

  return (x->order > y->order) - (x->order < y->order);
}

/* Pops the strongly connected component rooted at @root off @stack and
 * reports it when its use cases include one another. */
static void
report_component (UseCaseGraph *graph,
                  GPtrArray    *stack,
                  UseCase      *root)
{
  g_autoptr(GPtrArray) component = g_ptr_array_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GString) names = g_string_new (NULL);
  UseCase *member;

  do
    {
      member = g_ptr_array_steal_index (stack, stack->len - 1);
      member->on_stack = FALSE;
      g_ptr_array_add (component, member);
    }
  while (member != root);
  if (component->len == 1 && !root->includes_self)
    return;
  g_ptr_array_sort (component, compare_order);
  for (guint i = 0; i < component->len; i++)
    {
      member = g_ptr_array_index (component, i);
      g_ptr_array_add (ids, member->item->id);
      g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "", member->item->text);
    }
  g_ptr_array_add (ids, NULL);
  report (graph, WM_SEVERITY_ERROR, (const char *const *) ids->pdata,
          g_strdup_printf (_("The use cases %s include one another in a cycle."), names->str));
}

typedef struct
{
  UseCase *use_case;
  guint    next;   /* the next of its includes to follow */
} Frame;

static void
visit (GArray    *calls,
       GPtrArray *stack,
       UseCase   *use_case,
       int       *counter)
{
  Frame frame = { use_case, 0 };

  use_case->index = use_case->lowlink = (*counter)++;
  use_case->on_stack = TRUE;
  g_ptr_array_add (stack, use_case);
  g_array_append_val (calls, frame);
}

/* Tarjan's strongly connected components of the include graph, without
 * recursion so that long include chains cannot exhaust the C stack. */
static void
find_include_cycles (UseCaseGraph *graph)
{
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  int counter = 0;

  for (guint i = 0; i < graph->use_cases->len; i++)
    {
      UseCase *start = g_ptr_array_index (graph->use_cases, i);
      if (start->index >= 0)
        continue;
      visit (calls, stack, start, &counter);
      while (calls->len > 0)
        {
          Frame *frame = &g_array_index (calls, Frame, calls->len - 1);
          UseCase *use_case = frame->use_case;

          if (frame->next < use_case->includes->len)
            {
              UseCase *next = g_ptr_array_index (use_case->includes, frame->next++);
              if (next->index < 0)
                visit (calls, stack, next, &counter);
              else if (next->on_stack)
                use_case->lowlink = MIN (use_case->lowlink, next->index);
              continue;
            }
          g_array_set_size (calls, calls->len - 1);
          if (calls->len > 0)
            {
              UseCase *caller = g_array_index (calls, Frame, calls->len - 1).use_case;
              caller->lowlink = MIN (caller->lowlink, use_case->lowlink);
            }
          if (use_case->lowlink == use_case->index)
            report_component (graph, stack, use_case);
        }
    }
}

/* Adds @item to the group of its type and name; blank names are reported apart. */
static void
group_by_name (GHashTable *groups,
               GPtrArray  *order,
               WmItem     *item)
{
  g_autofree char *name = comparison_key (item->text);
  g_autofree char *key = g_strconcat (item->type->id, "\n", name, NULL);
  GPtrArray *group = g_hash_table_lookup (groups, key);

  if (group == NULL)
    {
      group = g_ptr_array_new ();
      g_hash_table_insert (groups, g_steal_pointer (&key), group);
      g_ptr_array_add (order, group);
    }
  g_ptr_array_add (group, item);
}

static void
check_duplicate_names (UseCaseGraph *graph)
{
  g_autoptr(GHashTable) groups =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < wm_diagram_get_n_items (graph->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (graph->diagram, i);
      if ((is_type (item, "actor") || is_type (item, "use-case")) && !wm_str_is_blank (item->text))
        group_by_name (groups, order, item);
    }
  for (guint i = 0; i < order->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (order, i);
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      WmItem *first = g_ptr_array_index (group, 0);

      if (group->len < 2)
        continue;
      for (guint j = 0; j < group->len; j++)
        g_ptr_array_add (ids, ((WmItem *) g_ptr_array_index (group, j))->id);
      g_ptr_array_add (ids, NULL);
      report (graph, WM_SEVERITY_WARNING, (const char *const *) ids->pdata,
              g_strdup_printf (is_type (first, "actor")
                               ? _("Several actors are named “%s”.")
                               : _("Several use cases are named “%s”."),
                               first->text));
    }
}

static void
check_duplicate_points (UseCaseGraph *graph,
                        UseCase      *use_case)
{
  const char *const *points = wm_item_get_strv (use_case->item, "extension-points");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *ids[] = { use_case->item->id, NULL };

  for (guint i = 0; points[i] != NULL; i++)
    {
      char *key = comparison_key (points[i]);
      gpointer count = NULL;

      g_hash_table_lookup_extended (seen, key, NULL, &count);
      g_hash_table_replace (seen, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
      if (GPOINTER_TO_UINT (count) == 1)
        report (graph, WM_SEVERITY_WARNING, ids,
                g_strdup_printf (_("The use case “%s” has the extension point “%s” more than once."),
                                 use_case->item->text, points[i]));
    }
}

static void
check_use_case_links (UseCaseGraph *graph)
{
  for (guint i = 0; i < graph->use_cases->len; i++)
    {
      UseCase *use_case = g_ptr_array_index (graph->use_cases, i);
      WmItem *item = use_case->item;
      const char *ids[] = { item->id, NULL };

      if (!use_case->reached)
        report (graph, WM_SEVERITY_WARNING, ids,
                g_strdup_printf (_("No actor takes part in the use case “%s”, directly or "
                                   "through include, extend or generalization."), item->text));
      if (use_case->includes->len > 0 && use_case->n_included_by > 0)
        report (graph, WM_SEVERITY_INFO, ids,
                g_strdup_printf (_("The use case “%s” both includes and is included by other "
                                   "use cases."), item->text));
      check_duplicate_points (graph, use_case);
    }
}

static void
check_node (UseCaseGraph *graph,
            WmItem       *item)
{
  const char *ids[] = { item->id, NULL };
  gboolean is_actor = is_type (item, "actor");

  if ((is_actor || is_type (item, "use-case")) && wm_str_is_blank (item->text))
    report (graph, WM_SEVERITY_ERROR, ids,
            g_strdup (is_actor ? _("An actor has no name.") : _("A use case has no name.")));
  if (!is_actor)
    return;
  if (!g_hash_table_contains (graph->associated, item->id))
    report (graph, WM_SEVERITY_WARNING, ids,
            g_strdup_printf (_("The actor “%s” takes part in no use case."), item->text));
  if (is_type (wm_diagram_lookup (graph->diagram, item->parent), "subject"))
    report (graph, WM_SEVERITY_WARNING, ids,
            g_strdup_printf (_("The actor “%s” is inside a subject; actors belong outside "
                               "the system boundary."), item->text));
}

static void
check_use_case (WmDiagram *diagram,
                GPtrArray *problems)
{
  UseCaseGraph graph = { NULL };

  graph_init (&graph, diagram, problems);
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    check_node (&graph, wm_diagram_get_item (diagram, i));
  check_duplicate_names (&graph);
  spread_reach (&graph);
  check_use_case_links (&graph);
  find_include_cycles (&graph);
  graph_clear (&graph);
}

const WmNotation _wm_notation_use_case = {
  .id = "use-case",
  .label = N_("Use-case diagram"),
  .id_prefix = "uc",
  WM_NOTATION_TABLES (diagram_props, node_types, link_types, rules),
  .check = check_use_case,
};
