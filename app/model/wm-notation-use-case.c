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
#include "wm-use-case.h"

static const WmChoice actor_kinds[] = {
  { "human", N_("Person") },
  { "system", N_("External system") },
  /* Translators: a kind of UML actor: time, as the trigger of a use case (a timer) */
  { "time", N_("Time") },
  { NULL, NULL }
};

static const WmChoice levels[] = {
  /* Translators: a use case's goal level (Cockburn): summary, user goal, subfunction */
  { "summary", N_("Summary") },
  { "user-goal", N_("User goal") },
  { "subfunction", N_("Subfunction") },
  { NULL, NULL }
};

static const WmChoice priorities[] = {
  /* Translators: MoSCoW priorities: must, should, could, won't have */
  { "must", N_("Must have") },
  { "should", N_("Should have") },
  { "could", N_("Could have") },
  { "wont", N_("Won’t have this time") },
  { NULL, NULL }
};

static const WmPropSpec diagram_props[] = {
  WM_P_TEXT (WM_UC_DESCRIPTION, N_("Description")),
};

static const WmPropSpec actor_props[] = {
  /* Translators: a noun: what kind of actor this is (person, system, time) */
  WM_P_ENUM (WM_UC_KIND, N_("Kind"), actor_kinds, "human"),
  WM_P_STRING (WM_UC_STEREOTYPE, N_("Stereotype")),
  WM_P_TEXT (WM_UC_DESCRIPTION, N_("Description")),
  WM_P_LINKS,
};

/* The details, in the order the presentation's appendix shows them. */
static const WmPropSpec use_case_props[] = {
  WM_P_STRV_DETAIL (WM_UC_EXTENSION_POINTS, N_("Extension points"), 6),
  WM_P_ENUM (WM_UC_LEVEL, N_("Goal level"), levels, "user-goal"),
  WM_P_ENUM (WM_UC_PRIORITY, N_("Priority"), priorities, "should"),
  WM_P_TEXT_DETAIL (WM_UC_DESCRIPTION, N_("Description"), 1),
  WM_P_TEXT_DETAIL (WM_UC_PRECONDITIONS, N_("Preconditions"), 2),
  WM_P_TEXT_DETAIL (WM_UC_POSTCONDITIONS, N_("Postconditions"), 3),
  /* Translators: a use case's main success scenario, its steps */
  WM_P_TEXT_DETAIL (WM_UC_MAIN_FLOW, N_("Main flow"), 4),
  WM_P_TEXT_DETAIL (WM_UC_ALTERNATIVE_FLOWS, N_("Alternative flows"), 5),
  WM_P_LINKS,
};

static const WmPropSpec subject_props[] = {
  WM_P_STRING (WM_UC_STEREOTYPE, N_("Stereotype")),
};

static const WmPropSpec note_props[] = {
  WM_P_LINKS,
};

static const WmPropSpec association_props[] = {
  WM_P_STRING (WM_UC_SOURCE_MULTIPLICITY, N_("Multiplicity at source")),
  WM_P_STRING (WM_UC_TARGET_MULTIPLICITY, N_("Multiplicity at target")),
  WM_P_BOOLEAN (WM_UC_NAVIGABLE, N_("Navigable towards target"), "false"),
  WM_P_ROUTING,
};

/* An extend link offers the extension points of the use case it extends. */
static char **
extended_points (WmDiagram    *diagram,
                 const WmItem *link)
{
  WmItem *base = link != NULL ? wm_diagram_lookup (diagram, link->target) : NULL;

  if (base == NULL || !g_str_equal (base->type->id, "use-case"))
    return NULL;
  return g_strdupv ((char **) wm_item_get_strv (base, WM_UC_EXTENSION_POINTS));
}

static const WmPropSpec extend_props[] = {
  WM_P_STRING (WM_UC_CONDITION, N_("Condition")),
  { .name = WM_UC_EXTENSION_POINT, .label = N_("Extension point"), .type = WM_PROP_STRING,
    .suggest = extended_points },
  WM_P_ROUTING,
};

static const WmPropSpec routed_props[] = {
  WM_P_ROUTING,
};

static const WmItemType node_types[] = {
  WM_NODE ("actor", N_("Actor"), N_("Add Actor"), N_("Name"), FALSE, 60, 110, actor_props),
  WM_NODE ("use-case", N_("Use case"), N_("Add Use Case"),
           N_("Name"), FALSE, 160, 70, use_case_props),
  /* Translators: the UML subject: the system boundary the use cases sit in, not a topic */
  WM_CONTAINER ("subject", N_("Subject"), N_("Add Subject"), N_("Name"), 400, 500, subject_props),
  WM_CONTAINER ("package", N_("Package"), N_("Add Package"), N_("Name"), 300, 240, subject_props),
  WM_NODE ("note", N_("Note"), N_("Add Note"), N_("Text"), TRUE, 160, 80, note_props),
};

static const WmItemType link_types[] = {
  WM_LINK ("association", N_("Association"), N_("Add Association"), association_props),
  /* Translators: the UML relationship «include», a noun, not the verb */
  WM_LINK ("include", N_("Include"), N_("Add Include Relationship"), routed_props),
  /* Translators: the UML relationship «extend», a noun, not the verb */
  WM_LINK ("extend", N_("Extend"), N_("Add Extend Relationship"), extend_props),
  WM_LINK ("generalization", N_("Generalization"), N_("Add Generalization"), routed_props),
  /* Translators: the dashed line that attaches a note to an element */
  WM_LINK ("anchor", N_("Note anchor"), N_("Add Note Anchor"), routed_props),
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

/* The checks
 *
 * An actor or a use case as the checks see it: its links, gathered once per
 * check. Generalization follows UML: a link runs from the specific element
 * to the general one, and the specific one inherits the general one's
 * associations, through any number of generations. */
typedef struct _Node Node;

struct _Node
{
  WmItem    *item;
  GPtrArray *includes;       /* Node *, the use cases it includes */
  GPtrArray *parents;        /* Node *, the more general nodes of its own type */
  GPtrArray *children;       /* Node *, the more specific ones */
  GPtrArray *reaches;        /* Node *, the use cases an actor reaches through it */
  guint      order;          /* position among the diagram's actors and use cases */
  guint      n_outer_includes;     /* includes of use cases outside its include cycle */
  guint      n_outer_included_by;  /* the same the other way */
  gboolean   reached;        /* an actor takes part in it, or it takes part itself */
  int        cycle;          /* the include cycle it is in, or -1 */
  int        index;          /* Tarjan's depth-first number, or -1 */
  int        lowlink;
  gboolean   on_stack;
};

typedef enum
{
  EDGES_INCLUDE,
  EDGES_GENERALIZATION,
} EdgeKind;

typedef struct
{
  WmDiagram  *diagram;
  GPtrArray  *problems;
  GPtrArray  *nodes;         /* Node *, actors and use cases in z-order */
  GHashTable *by_id;         /* item id → Node * */
  GHashTable *associated;    /* ids of the nodes at either end of an association */
} UseCaseGraph;

static void
node_free (gpointer data)
{
  Node *node = data;

  g_ptr_array_unref (node->includes);
  g_ptr_array_unref (node->parents);
  g_ptr_array_unref (node->children);
  g_ptr_array_unref (node->reaches);
  g_free (node);
}

static void
graph_clear (UseCaseGraph *graph)
{
  g_clear_pointer (&graph->nodes, g_ptr_array_unref);
  g_clear_pointer (&graph->by_id, g_hash_table_unref);
  g_clear_pointer (&graph->associated, g_hash_table_unref);
}

static gboolean
is_type (const WmItem *item,
         const char   *type_id)
{
  return item != NULL && g_str_equal (item->type->id, type_id);
}

static gboolean
has_name (const WmItem *item)
{
  return !wm_str_is_blank (item->text);
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
add_node (UseCaseGraph *graph,
          WmItem       *item)
{
  Node *node = g_new0 (Node, 1);

  node->item = item;
  node->order = graph->nodes->len;
  node->includes = g_ptr_array_new ();
  node->parents = g_ptr_array_new ();
  node->children = g_ptr_array_new ();
  node->reaches = g_ptr_array_new ();
  node->cycle = -1;
  node->index = -1;
  g_ptr_array_add (graph->nodes, node);
  g_hash_table_insert (graph->by_id, item->id, node);
}

static void
check_extension_point (UseCaseGraph *graph,
                       WmItem       *link,
                       Node         *base)
{
  const char *point = wm_item_get_string (link, WM_UC_EXTENSION_POINT);
  const char *const *points = wm_item_get_strv (base->item, WM_UC_EXTENSION_POINTS);
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
          has_name (base->item)
          ? g_strdup_printf (_("The use case “%s” has no extension point “%s”."),
                             base->item->text, wanted)
          : g_strdup_printf (_("An unnamed use case has no extension point “%s”."), wanted));
}

static void
add_use_case_link (UseCaseGraph *graph,
                   WmItem       *link,
                   Node         *source,
                   Node         *target)
{
  if (is_type (link, "include"))
    {
      g_ptr_array_add (source->includes, target);
      g_ptr_array_add (source->reaches, target);
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
  Node *source = g_hash_table_lookup (graph->by_id, link->source);
  Node *target = g_hash_table_lookup (graph->by_id, link->target);

  if (is_type (link, "association"))
    {
      g_hash_table_add (graph->associated, link->source);
      g_hash_table_add (graph->associated, link->target);
      return;
    }
  /* Links between an actor and a use case break the notation's rules, and
   * the shared checks report them; here they join nothing. */
  if (source == NULL || target == NULL || source->item->type != target->item->type)
    return;
  if (is_type (link, "generalization"))
    {
      g_ptr_array_add (source->parents, target);
      g_ptr_array_add (target->children, source);
    }
  if (is_type (source->item, "use-case"))
    add_use_case_link (graph, link, source, target);
}

/* An association marks both its ends: the actor takes part, and the use
 * case has an actor. */
static void
mark_associated (UseCaseGraph *graph)
{
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      Node *node = g_ptr_array_index (graph->nodes, i);

      node->reached = g_hash_table_contains (graph->associated, node->item->id);
    }
}

/* Gathers the actors and use cases, then their links, in two passes over the items. */
static void
graph_init (UseCaseGraph *graph,
            WmDiagram    *diagram,
            GPtrArray    *problems)
{
  guint n_items = wm_diagram_get_n_items (diagram);

  graph->diagram = diagram;
  graph->problems = problems;
  graph->nodes = g_ptr_array_new_with_free_func (node_free);
  graph->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  graph->associated = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_items; i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      if (is_type (item, "actor") || is_type (item, "use-case"))
        add_node (graph, item);
    }
  for (guint i = 0; i < n_items; i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      if (wm_item_is_link (item))
        add_link (graph, item);
    }
  mark_associated (graph);
}

/* Spreads "reached" breadth first from the nodes that have it, along the
 * use cases' reach and from each actor to the actors that inherit from it. */
static void
spread_reach (UseCaseGraph *graph)
{
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      Node *node = g_ptr_array_index (graph->nodes, i);
      if (node->reached)
        g_ptr_array_add (queue, node);
    }
  for (guint head = 0; head < queue->len; head++)
    {
      Node *node = g_ptr_array_index (queue, head);
      GPtrArray *next = is_type (node->item, "actor") ? node->children : node->reaches;

      for (guint i = 0; i < next->len; i++)
        {
          Node *other = g_ptr_array_index (next, i);
          if (!other->reached)
            {
              other->reached = TRUE;
              g_ptr_array_add (queue, other);
            }
        }
    }
}

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  const Node *x = *(Node *const *) a;
  const Node *y = *(Node *const *) b;

  return (x->order > y->order) - (x->order < y->order);
}

static GPtrArray *
edges_of (Node     *node,
          EdgeKind  kind)
{
  return kind == EDGES_INCLUDE ? node->includes : node->parents;
}

/* Pops the strongly connected component rooted at @root off @stack and
 * keeps it in @cycles, sorted in z-order, when it is a cycle: more than one
 * node, or one that links to itself. */
static void
pop_component (GPtrArray *stack,
               Node      *root,
               EdgeKind   kind,
               GPtrArray *cycles)
{
  GPtrArray *component = g_ptr_array_new ();
  Node *member;

  do
    {
      member = g_ptr_array_steal_index (stack, stack->len - 1);
      member->on_stack = FALSE;
      g_ptr_array_add (component, member);
    }
  while (member != root);
  if (component->len == 1 && !g_ptr_array_find (edges_of (root, kind), root, NULL))
    {
      g_ptr_array_unref (component);
      return;
    }
  g_ptr_array_sort (component, compare_order);
  g_ptr_array_add (cycles, component);
}

typedef struct
{
  Node  *node;
  guint  next;   /* the next of its edges to follow */
} Frame;

static void
visit (GArray    *calls,
       GPtrArray *stack,
       Node      *node,
       int       *counter)
{
  Frame frame = { node, 0 };

  node->index = node->lowlink = (*counter)++;
  node->on_stack = TRUE;
  g_ptr_array_add (stack, node);
  g_array_append_val (calls, frame);
}

/* One step of the walk: follows the top frame's next edge, or finishes it. */
static void
walk_step (GArray    *calls,
           GPtrArray *stack,
           EdgeKind   kind,
           int       *counter,
           GPtrArray *cycles)
{
  Frame *frame = &g_array_index (calls, Frame, calls->len - 1);
  Node *node = frame->node;
  GPtrArray *edges = edges_of (node, kind);

  if (frame->next < edges->len)
    {
      Node *next = g_ptr_array_index (edges, frame->next++);
      if (next->index < 0)
        visit (calls, stack, next, counter);
      else if (next->on_stack)
        node->lowlink = MIN (node->lowlink, next->index);
      return;
    }
  g_array_set_size (calls, calls->len - 1);
  if (calls->len > 0)
    {
      Node *caller = g_array_index (calls, Frame, calls->len - 1).node;
      caller->lowlink = MIN (caller->lowlink, node->lowlink);
    }
  if (node->lowlink == node->index)
    pop_component (stack, node, kind, cycles);
}

/* The cycles (GPtrArray of Node *) of the include or the generalization
 * graph: Tarjan's strongly connected components, without recursion so that
 * long chains cannot exhaust the C stack. */
static GPtrArray *
find_cycles (UseCaseGraph *graph,
             EdgeKind      kind)
{
  GPtrArray *cycles = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  int counter = 0;

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      Node *node = g_ptr_array_index (graph->nodes, i);
      node->index = -1;
      node->on_stack = FALSE;
    }
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      Node *start = g_ptr_array_index (graph->nodes, i);
      if (start->index >= 0)
        continue;
      visit (calls, stack, start, &counter);
      while (calls->len > 0)
        walk_step (calls, stack, kind, &counter, cycles);
    }
  return cycles;
}

static gboolean
same_cycle (const Node *a,
            const Node *b)
{
  return a->cycle >= 0 && a->cycle == b->cycle;
}

/* Marks the members of each include cycle, then counts the includes that
 * leave a use case's cycle: those within it are the cycle's error already. */
static void
count_outer_includes (UseCaseGraph *graph,
                      GPtrArray    *cycles)
{
  for (guint c = 0; c < cycles->len; c++)
    {
      GPtrArray *cycle = g_ptr_array_index (cycles, c);
      for (guint i = 0; i < cycle->len; i++)
        ((Node *) g_ptr_array_index (cycle, i))->cycle = (int) c;
    }
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      Node *node = g_ptr_array_index (graph->nodes, i);
      for (guint j = 0; j < node->includes->len; j++)
        {
          Node *target = g_ptr_array_index (node->includes, j);
          if (!same_cycle (node, target))
            {
              node->n_outer_includes++;
              target->n_outer_included_by++;
            }
        }
    }
}

/* "“Pay”, (unnamed), “Refund”": an unnamed item has no article, which would
 * have to agree with the sentence the list goes into. */
static char *
list_names (GPtrArray *nodes)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < nodes->len; i++)
    {
      WmItem *item = ((Node *) g_ptr_array_index (nodes, i))->item;

      if (i > 0)
        /* Translators: the separator of a list of names. */
        g_string_append (names, _(", "));
      if (has_name (item))
        g_string_append_printf (names, "“%s”", item->text);
      else
        /* Translators: stands for an item without a name in a list of names */
        g_string_append (names, _("(unnamed)"));
    }
  return g_string_free (names, FALSE);
}

/* The message of a cycle of one: an include or a generalization of itself. */
static char *
describe_loop (const WmItem *item,
               EdgeKind      kind)
{
  gboolean named = has_name (item);

  if (kind == EDGES_INCLUDE)
    return named ? g_strdup_printf (_("The use case “%s” includes itself."), item->text)
                 : g_strdup (_("An unnamed use case includes itself."));
  if (is_type (item, "actor"))
    return named ? g_strdup_printf (_("The actor “%s” inherits from itself."), item->text)
                 : g_strdup (_("An unnamed actor inherits from itself."));
  return named ? g_strdup_printf (_("The use case “%s” inherits from itself."), item->text)
               : g_strdup (_("An unnamed use case inherits from itself."));
}

static char *
describe_cycle (GPtrArray *cycle,
                EdgeKind   kind)
{
  g_autofree char *names = NULL;

  if (cycle->len == 1)
    return describe_loop (((Node *) g_ptr_array_index (cycle, 0))->item, kind);
  names = list_names (cycle);
  if (kind == EDGES_INCLUDE)
    /* Translators: %s is a list of the use cases' names, each in quotes: “Pay”, “Order”,
     * “Ship” */
    return g_strdup_printf (_("The use cases %s include one another in a cycle."), names);
  if (is_type (((Node *) g_ptr_array_index (cycle, 0))->item, "actor"))
    /* Translators: %s is a list of the actors' names, each in quotes */
    return g_strdup_printf (_("The actors %s inherit from one another in a cycle."), names);
  /* Translators: %s is a list of the use cases' names, each in quotes */
  return g_strdup_printf (_("The use cases %s inherit from one another in a cycle."), names);
}

/* One error per cycle, naming its members. */
static void
report_cycles (UseCaseGraph *graph,
               GPtrArray    *cycles,
               EdgeKind      kind)
{
  for (guint c = 0; c < cycles->len; c++)
    {
      GPtrArray *cycle = g_ptr_array_index (cycles, c);
      g_autoptr(GPtrArray) ids = g_ptr_array_sized_new (cycle->len + 1);

      for (guint i = 0; i < cycle->len; i++)
        g_ptr_array_add (ids, ((Node *) g_ptr_array_index (cycle, i))->item->id);
      g_ptr_array_add (ids, NULL);
      report (graph, WM_SEVERITY_ERROR, (const char *const *) ids->pdata,
              describe_cycle (cycle, kind));
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

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      WmItem *item = ((Node *) g_ptr_array_index (graph->nodes, i))->item;
      if (has_name (item))
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
                        Node         *use_case)
{
  WmItem *item = use_case->item;
  const char *const *points = wm_item_get_strv (item, WM_UC_EXTENSION_POINTS);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *ids[] = { item->id, NULL };

  for (guint i = 0; points[i] != NULL; i++)
    {
      char *key = comparison_key (points[i]);
      gpointer count = NULL;

      g_hash_table_lookup_extended (seen, key, NULL, &count);
      g_hash_table_replace (seen, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
      if (GPOINTER_TO_UINT (count) != 1)
        continue;
      report (graph, WM_SEVERITY_WARNING, ids,
              has_name (item)
              ? g_strdup_printf (_("The use case “%s” has the extension point “%s” more than "
                                   "once."), item->text, points[i])
              : g_strdup_printf (_("An unnamed use case has the extension point “%s” more than "
                                   "once."), points[i]));
    }
}

static void
check_use_case_links (UseCaseGraph *graph,
                      Node         *use_case)
{
  WmItem *item = use_case->item;
  const char *ids[] = { item->id, NULL };
  gboolean named = has_name (item);

  if (!use_case->reached)
    report (graph, WM_SEVERITY_WARNING, ids,
            named ? g_strdup_printf (_("No actor takes part in the use case “%s”, directly or "
                                       "through include, extend or generalization."), item->text)
                  : g_strdup (_("No actor takes part in an unnamed use case, directly or through "
                                "include, extend or generalization.")));
  if (use_case->n_outer_includes > 0 && use_case->n_outer_included_by > 0)
    report (graph, WM_SEVERITY_INFO, ids,
            named ? g_strdup_printf (_("The use case “%s” both includes and is included by other "
                                       "use cases."), item->text)
                  : g_strdup (_("An unnamed use case both includes and is included by other use "
                                "cases.")));
  check_duplicate_points (graph, use_case);
}

static void
check_actor (UseCaseGraph *graph,
             Node         *actor)
{
  WmItem *item = actor->item;
  const char *ids[] = { item->id, NULL };
  gboolean named = has_name (item);

  if (!actor->reached)
    report (graph, WM_SEVERITY_WARNING, ids,
            named ? g_strdup_printf (_("The actor “%s” takes part in no use case."), item->text)
                  : g_strdup (_("An unnamed actor takes part in no use case.")));
  if (is_type (wm_diagram_lookup (graph->diagram, item->parent), "subject"))
    report (graph, WM_SEVERITY_WARNING, ids,
            named ? g_strdup_printf (_("The actor “%s” is inside a subject; actors belong outside "
                                       "the system boundary."), item->text)
                  : g_strdup (_("An unnamed actor is inside a subject; actors belong outside the "
                                "system boundary.")));
}

static void
check_node (UseCaseGraph *graph,
            Node         *node)
{
  const char *ids[] = { node->item->id, NULL };
  gboolean is_actor = is_type (node->item, "actor");

  if (!has_name (node->item))
    report (graph, WM_SEVERITY_ERROR, ids,
            g_strdup (is_actor ? _("An actor has no name.") : _("A use case has no name.")));
  if (is_actor)
    check_actor (graph, node);
}

static void
check_use_case (WmDiagram *diagram,
                GPtrArray *problems)
{
  UseCaseGraph graph = { NULL };
  g_autoptr(GPtrArray) include_cycles = NULL;
  g_autoptr(GPtrArray) generalization_cycles = NULL;

  graph_init (&graph, diagram, problems);
  spread_reach (&graph);
  include_cycles = find_cycles (&graph, EDGES_INCLUDE);
  generalization_cycles = find_cycles (&graph, EDGES_GENERALIZATION);
  count_outer_includes (&graph, include_cycles);
  for (guint i = 0; i < graph.nodes->len; i++)
    check_node (&graph, g_ptr_array_index (graph.nodes, i));
  check_duplicate_names (&graph);
  for (guint i = 0; i < graph.nodes->len; i++)
    {
      Node *node = g_ptr_array_index (graph.nodes, i);
      if (is_type (node->item, "use-case"))
        check_use_case_links (&graph, node);
    }
  report_cycles (&graph, include_cycles, EDGES_INCLUDE);
  report_cycles (&graph, generalization_cycles, EDGES_GENERALIZATION);
  graph_clear (&graph);
}

const WmNotation _wm_notation_use_case = {
  .id = "use-case",
  .label = N_("Use-case diagram"),
  .menu_label = N_("Use-Case Diagram"),
  .icon_name = "system-users-symbolic",
  .id_prefix = "uc",
  WM_NOTATION_TABLES (diagram_props, node_types, link_types, rules),
  .check = check_use_case,
};
