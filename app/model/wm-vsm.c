/* wm-vsm.c — the lean metrics of a value stream map
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the numbers are made, so that an analyst can check them by hand:
 *
 * - Available time per day is the diagram's available seconds per shift times
 *   its shifts; takt time is that divided by the daily demand (0 when no
 *   demand is set).
 * - Waiting items are inventories, buffers, supermarkets and FIFO lanes. An
 *   inventory's days are its "days" override when one is set (even to 0),
 *   else its quantity over the daily demand; a buffer's are its quantity over
 *   the demand. A supermarket counts its capacity and a FIFO lane its
 *   maximum over the demand: that is the most the item can make a part wait,
 *   the figure a map shows for them, and 0 when the analyst has not set it.
 *   Without a daily demand, only overrides give days.
 * - An inventory given both pieces and days keeps both: its days (the
 *   override) go into the timeline, the lead time and the inventory days,
 *   its pieces into the inventory pieces. When the two disagree at the daily
 *   demand, by more than 5 % of the days the pieces make or a twentieth of a
 *   day, the check warns, naming the inventory and both figures, so that
 *   the totals never contradict each other silently.
 * - The material flow is the push, pull and shipment-flow links, each read
 *   from its source to its target (a pull arrow is drawn from the supermarket
 *   to the process that withdraws from it, so it points with the material).
 *   Suppliers, customers and shipments carry the flow but add no step.
 * - The timeline starts at the nodes nothing flows into (suppliers, or the
 *   first items of a map drawn without one). A depth-first walk from them
 *   marks the links that close a cycle (rework loops) and those are ignored,
 *   so the rest is acyclic; a cycle that nothing enters is broken at its
 *   first item in z-order. Along the remaining flow the longest path wins:
 *   most waiting days, ties broken by the most processing time, remaining
 *   ties by z-order. It ends at a customer when material reaches one, else
 *   at the end of the longest flow.
 * - Two processes in a row on that path hand over without stock between
 *   them; the ladder still gets an upper step there, of zero days and with
 *   no item.
 * - Production lead time is the sum of the waiting days on the path;
 *   processing time the sum of its cycle times; rolled complete-and-accurate
 *   the product of its processes' C&A (1 when it has no process).
 * - Process cycle efficiency divides the processing time by the lead time in
 *   seconds. Inventory days are days of *available* time (stock over what the
 *   line ships in a working day), so a day is converted with the available
 *   seconds per day, not 86 400. It is 0 when the lead time is 0 (there is
 *   nothing to compare with) and capped at 1: only a map that holds less
 *   stock than its own processing time could go over, and more than 100 %
 *   would mean nothing.
 */
#define G_LOG_DOMAIN "wm-vsm"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "wm-check.h"
#include "wm-vsm-private.h"

typedef enum
{
  ROLE_NONE,       /* not in the material flow: notes, kanbans, information */
  ROLE_SUPPLIER,
  ROLE_CUSTOMER,
  ROLE_PROCESS,
  ROLE_WAIT,       /* inventory, buffer, supermarket, FIFO lane */
  ROLE_TRANSPORT,  /* a shipment: material passes through it without a step */
} Role;

static const struct
{
  const char *type;
  Role        role;
  const char *stock;  /* the property that counts a waiting item's pieces */
} node_roles[] = {
  { "supplier", ROLE_SUPPLIER, NULL },
  { "customer", ROLE_CUSTOMER, NULL },
  { "process", ROLE_PROCESS, NULL },
  { "inventory", ROLE_WAIT, WM_VSM_QUANTITY },
  { "buffer", ROLE_WAIT, WM_VSM_QUANTITY },
  { "supermarket", ROLE_WAIT, WM_VSM_CAPACITY },
  { "fifo-lane", ROLE_WAIT, WM_VSM_MAX },
  { "shipment", ROLE_TRANSPORT, NULL },
};

static const char *const material_links[] = { "push", "pull", "shipment-flow", NULL };

/* Tolerance for comparing sums of doubles that were added in different orders. */
#define RELATIVE_EPSILON 1e-9
#define NO_NODE G_MAXUINT

static guint
find_role (const WmItem *item)
{
  if (wm_item_is_node (item))
    for (guint i = 0; i < G_N_ELEMENTS (node_roles); i++)
      if (g_str_equal (item->type->id, node_roles[i].type))
        return i;
  return G_N_ELEMENTS (node_roles);
}

static Role
role_of (const WmItem *item)
{
  guint i = find_role (item);

  return i < G_N_ELEMENTS (node_roles) ? node_roles[i].role : ROLE_NONE;
}

static gboolean
is_vsm (WmDiagram *diagram)
{
  return g_str_equal (wm_diagram_get_notation (diagram)->id, "value-stream-map");
}

static gboolean
nearly_equal (double a,
              double b)
{
  return fabs (a - b) <= RELATIVE_EPSILON * MAX (1.0, MAX (fabs (a), fabs (b)));
}

static double
takt_time (WmDiagram *diagram,
           double     available)
{
  double demand = wm_diagram_get_number (diagram, WM_VSM_DAILY_DEMAND);

  return demand > 0 ? available / demand : 0;
}

static double
daily_available_seconds (WmDiagram *diagram)
{
  return wm_diagram_get_number (diagram, WM_VSM_AVAILABLE_SECONDS) *
         wm_diagram_get_number (diagram, WM_VSM_SHIFTS);
}

double
wm_vsm_inventory_days (WmDiagram    *diagram,
                       const WmItem *item)
{
  guint role;
  double demand;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), 0);
  g_return_val_if_fail (item != NULL, 0);

  role = find_role (item);
  if (role == G_N_ELEMENTS (node_roles) || node_roles[role].stock == NULL)
    return 0;
  /* Only inventories have the override; an analyst sets it when the stock's
   * age is known better than the count, so it wins even when it is 0. */
  if (wm_vsm_has_days_override (item))
    return wm_item_get_number (item, WM_VSM_DAYS);
  demand = wm_diagram_get_number (diagram, WM_VSM_DAILY_DEMAND);
  if (demand <= 0 || !wm_item_has_value (item, node_roles[role].stock))
    return 0;
  return wm_item_get_number (item, node_roles[role].stock) / demand;
}

/* The material flow as a graph, with adjacency in both directions stored
 * compactly (one array of offsets, one of neighbours) so that maps of a
 * hundred thousand items cost a few arrays, not one allocation per node. */

typedef struct
{
  guint *start;  /* n + 1 offsets into @to */
  guint *to;
} Adjacency;

typedef struct
{
  guint from;
  guint to;
} Edge;

typedef struct
{
  GPtrArray  *nodes;  /* WmItem *: the material nodes, in z-order */
  GArray     *roles;  /* Role, one per node */
  GHashTable *index;  /* item id → GUINT_TO_POINTER (position in @nodes + 1) */
  Adjacency   out;
  Adjacency   in;
  gboolean   *back;   /* per entry of out.to: the link closes a cycle and is ignored */
} Graph;

static void
graph_clear (Graph *graph)
{
  g_clear_pointer (&graph->nodes, g_ptr_array_unref);
  g_clear_pointer (&graph->roles, g_array_unref);
  g_clear_pointer (&graph->index, g_hash_table_unref);
  g_clear_pointer (&graph->out.start, g_free);
  g_clear_pointer (&graph->out.to, g_free);
  g_clear_pointer (&graph->in.start, g_free);
  g_clear_pointer (&graph->in.to, g_free);
  g_clear_pointer (&graph->back, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Graph, graph_clear)

static guint
graph_n (const Graph *graph)
{
  return graph->nodes->len;
}

static Role
graph_role (const Graph *graph,
            guint        v)
{
  return g_array_index (graph->roles, Role, v);
}

static WmItem *
graph_item (const Graph *graph,
            guint        v)
{
  return g_ptr_array_index (graph->nodes, v);
}

/* Where @id is in an index of positions + 1 (the graph's, the cache's). */
static gboolean
index_find (GHashTable *index,
            const char *id,
            guint      *v)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (index, id));

  *v = position - 1;
  return position > 0;
}

/* Sorts the edges by their first end (by the second when @reverse), keeping
 * the z-order of links within a node so that every walk is reproducible. */
static void
adjacency_build (Adjacency *adjacency,
                 guint      n,
                 GArray    *edges,
                 gboolean   reverse)
{
  g_autofree guint *fill = NULL;

  adjacency->start = g_new0 (guint, n + 1);
  adjacency->to = g_new (guint, MAX (edges->len, 1));
  for (guint e = 0; e < edges->len; e++)
    {
      Edge *edge = &g_array_index (edges, Edge, e);
      adjacency->start[(reverse ? edge->to : edge->from) + 1]++;
    }
  for (guint v = 0; v < n; v++)
    adjacency->start[v + 1] += adjacency->start[v];
  fill = g_memdup2 (adjacency->start, (n + 1) * sizeof (guint));
  for (guint e = 0; e < edges->len; e++)
    {
      Edge *edge = &g_array_index (edges, Edge, e);
      guint from = reverse ? edge->to : edge->from;

      adjacency->to[fill[from]++] = reverse ? edge->from : edge->to;
    }
}

static void
graph_add_nodes (Graph     *graph,
                 WmDiagram *diagram)
{
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      Role role = role_of (item);

      if (role == ROLE_NONE)
        continue;
      g_ptr_array_add (graph->nodes, item);
      g_array_append_val (graph->roles, role);
      g_hash_table_insert (graph->index, item->id, GUINT_TO_POINTER (graph->nodes->len));
    }
}

static gboolean
is_material_link (const WmItem *item)
{
  return wm_item_is_link (item) && g_strv_contains (material_links, item->type->id);
}

/* Where a material link runs in the graph: each end's node, NO_NODE where
 * that end is missing or is not a material node. */
static Edge
link_ends (GHashTable   *nodes,
           const WmItem *link)
{
  Edge ends;

  if (!index_find (nodes, link->source, &ends.from))
    ends.from = NO_NODE;
  if (!index_find (nodes, link->target, &ends.to))
    ends.to = NO_NODE;
  return ends;
}

/* The material links between material nodes; a link whose end is missing or
 * is not a material node (the model reports those elsewhere) is left out.
 * With @links, every material link's id goes there too (→ its position + 1
 * in @ends, where its ends are kept), for the cache to compare with later. */
static GArray *
graph_collect_edges (Graph      *graph,
                     WmDiagram  *diagram,
                     GHashTable *links,
                     GArray     *ends)
{
  GArray *edges = g_array_new (FALSE, FALSE, sizeof (Edge));

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      Edge edge;

      if (!is_material_link (item))
        continue;
      edge = link_ends (graph->index, item);
      if (edge.from != NO_NODE && edge.to != NO_NODE)
        g_array_append_val (edges, edge);
      if (links != NULL)
        {
          g_array_append_val (ends, edge);
          g_hash_table_insert (links, item->id, GUINT_TO_POINTER (ends->len));
        }
    }
  return edges;
}

/* Builds the graph of @diagram's material flow; @links and @ends as for
 * graph_collect_edges(). */
static void
graph_init_recording (Graph      *graph,
                      WmDiagram  *diagram,
                      GHashTable *links,
                      GArray     *ends)
{
  g_autoptr(GArray) edges = NULL;
  guint n;

  graph->nodes = g_ptr_array_new ();
  graph->roles = g_array_new (FALSE, FALSE, sizeof (Role));
  graph->index = g_hash_table_new (g_str_hash, g_str_equal);
  graph_add_nodes (graph, diagram);
  edges = graph_collect_edges (graph, diagram, links, ends);
  n = graph_n (graph);
  adjacency_build (&graph->out, n, edges, FALSE);
  adjacency_build (&graph->in, n, edges, TRUE);
  graph->back = g_new0 (gboolean, MAX (edges->len, 1));
}

static void
graph_init (Graph     *graph,
            WmDiagram *diagram)
{
  graph_init_recording (graph, diagram, NULL, NULL);
}

enum
{
  WHITE,  /* not seen yet */
  GREY,   /* on the walk's current path */
  BLACK,  /* finished */
};

/* A depth-first walk from @root that marks the links leading back to a node
 * on its current path, the ones that close a cycle, and appends each node to
 * @finished once everything after it is done. It keeps its own stack, so a
 * line of a hundred thousand processes cannot overflow the C stack. */
static void
graph_walk_from (Graph  *graph,
                 guint   root,
                 guint8 *colour,
                 guint  *cursor,
                 GArray *stack,
                 GArray *finished)
{
  colour[root] = GREY;
  g_array_append_val (stack, root);
  while (stack->len > 0)
    {
      guint v = g_array_index (stack, guint, stack->len - 1);
      guint e = cursor[v], w;

      if (e == graph->out.start[v + 1])
        {
          colour[v] = BLACK;
          g_array_append_val (finished, v);
          g_array_set_size (stack, stack->len - 1);
          continue;
        }
      cursor[v]++;
      w = graph->out.to[e];
      if (colour[w] == GREY)
        graph->back[e] = TRUE;
      else if (colour[w] == WHITE)
        {
          colour[w] = GREY;
          g_array_append_val (stack, w);
        }
    }
}

/* Marks the back links and returns the nodes (guint) in the order the walks
 * finished them. Read backwards, once those links are ignored, each node
 * comes after everything that flows into it. */
static GArray *
graph_finish_order (Graph *graph)
{
  guint n = graph_n (graph);
  g_autofree guint8 *colour = g_new0 (guint8, MAX (n, 1));
  g_autofree guint *cursor = g_memdup2 (graph->out.start, (n + 1) * sizeof (guint));
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  /* Walks start where the material enters, as the flow does; what is left
   * afterwards lies on cycles that nothing enters, and the first such node
   * in z-order starts the next walk. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint v = 0; v < n; v++)
      if (colour[v] == WHITE && (pass == 1 || graph->in.start[v] == graph->in.start[v + 1]))
        graph_walk_from (graph, v, colour, cursor, stack, order);
  return order;
}

static gboolean
graph_is_sink (const Graph *graph,
               guint        v)
{
  for (guint e = graph->out.start[v]; e < graph->out.start[v + 1]; e++)
    if (!graph->back[e])
      return FALSE;
  return TRUE;
}

/* The longest path that ends at each node. */
typedef struct
{
  double lead;  /* days waited, this node included */
  double work;  /* seconds of processing, this node included */
  guint  pred;  /* the node before on the path, or NO_NODE where it starts */
} Best;

static gboolean
longer (const Best *a,
        const Best *b)
{
  if (!nearly_equal (a->lead, b->lead))
    return a->lead > b->lead;
  return !nearly_equal (a->work, b->work) && a->work > b->work;
}

static void
own_values (const Graph *graph,
            WmDiagram   *diagram,
            guint        v,
            double      *lead,
            double      *work)
{
  WmItem *item = graph_item (graph, v);

  *lead = graph_role (graph, v) == ROLE_WAIT ? wm_vsm_inventory_days (diagram, item) : 0;
  *work = graph_role (graph, v) == ROLE_PROCESS ? wm_item_get_number (item, WM_VSM_CYCLE_TIME) : 0;
}

/* Visits the nodes in flow order. Before a node is visited its entry holds
 * the best path that reaches it (from its predecessors); the visit adds the
 * node's own days and seconds and offers the result to its successors. */
static Best *
graph_longest_paths (Graph     *graph,
                     WmDiagram *diagram)
{
  g_autoptr(GArray) order = graph_finish_order (graph);
  Best *best = g_new (Best, MAX (graph_n (graph), 1));

  for (guint v = 0; v < graph_n (graph); v++)
    best[v] = (Best) { 0, 0, NO_NODE };
  for (guint k = order->len; k-- > 0;)
    {
      guint v = g_array_index (order, guint, k);
      double lead, work;

      own_values (graph, diagram, v, &lead, &work);
      best[v].lead += lead;
      best[v].work += work;
      for (guint e = graph->out.start[v]; e < graph->out.start[v + 1]; e++)
        {
          Best *next = &best[graph->out.to[e]];

          if (!graph->back[e] && (next->pred == NO_NODE || longer (&best[v], next)))
            *next = (Best) { best[v].lead, best[v].work, v };
        }
    }
  return best;
}

/* Where the timeline ends: the best customer that material reaches, else the
 * best end of the flow; NO_NODE for a map without material nodes. */
static guint
graph_path_end (const Graph *graph,
                const Best  *best)
{
  guint end = NO_NODE;

  for (guint v = 0; v < graph_n (graph); v++)
    if (graph_role (graph, v) == ROLE_CUSTOMER && best[v].pred != NO_NODE &&
        (end == NO_NODE || longer (&best[v], &best[end])))
      end = v;
  if (end != NO_NODE)
    return end;
  for (guint v = 0; v < graph_n (graph); v++)
    if (graph_is_sink (graph, v) && (end == NO_NODE || longer (&best[v], &best[end])))
      end = v;
  return end;
}

static void
add_step (WmVsmMetrics  *metrics,
          WmVsmStepKind  kind,
          const char    *item_id,
          double         value)
{
  WmVsmStep step = { kind, item_id, value };

  g_array_append_val (metrics->steps, step);
}

static gboolean
last_step_is_process (const WmVsmMetrics *metrics)
{
  guint n = metrics->steps->len;

  return n > 0 && g_array_index (metrics->steps, WmVsmStep, n - 1).kind == WM_VSM_STEP_PROCESS;
}

/* Appends the step of one node on the path and adds it to the totals. */
static void
add_node_steps (WmVsmMetrics *metrics,
                WmDiagram    *diagram,
                const WmItem *item,
                Role          role)
{
  double value;

  if (role == ROLE_WAIT)
    {
      value = wm_vsm_inventory_days (diagram, item);
      add_step (metrics, WM_VSM_STEP_WAIT, item->id, value);
      metrics->lead_time_days += value;
    }
  else if (role == ROLE_PROCESS)
    {
      value = wm_item_get_number (item, WM_VSM_CYCLE_TIME);
      /* Processes that hand over directly still get an upper step, of zero days. */
      if (last_step_is_process (metrics))
        add_step (metrics, WM_VSM_STEP_WAIT, NULL, 0);
      add_step (metrics, WM_VSM_STEP_PROCESS, item->id, value);
      metrics->processing_time += value;
      metrics->rolled_ca *= wm_item_get_number (item, WM_VSM_COMPLETE_ACCURATE) / 100;
    }
}

static void
metrics_add_timeline (WmVsmMetrics *metrics,
                      Graph        *graph,
                      WmDiagram    *diagram)
{
  g_autofree Best *best = graph_longest_paths (graph, diagram);
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint v = graph_path_end (graph, best); v != NO_NODE; v = best[v].pred)
    g_array_append_val (path, v);
  /* The path was collected from its end; the timeline runs from its start. */
  for (guint k = path->len; k-- > 0;)
    {
      guint v = g_array_index (path, guint, k);

      add_node_steps (metrics, diagram, graph_item (graph, v), graph_role (graph, v));
    }
}

/* Every waiting item counts here, on the timeline or not, so that stock an
 * analyst has drawn off the main line still shows in the totals. */
static void
metrics_add_stock (WmVsmMetrics *metrics,
                   Graph        *graph,
                   WmDiagram    *diagram)
{
  for (guint v = 0; v < graph_n (graph); v++)
    {
      WmItem *item = graph_item (graph, v);
      guint role = find_role (item);

      if (node_roles[role].role != ROLE_WAIT)
        continue;
      metrics->inventory_days += wm_vsm_inventory_days (diagram, item);
      metrics->inventory_quantity += wm_item_get_number (item, node_roles[role].stock);
    }
}

static double
cycle_efficiency (const WmVsmMetrics *metrics)
{
  double lead_seconds = metrics->lead_time_days * metrics->available_per_day;

  if (lead_seconds <= 0)
    return 0;
  return MIN (1.0, metrics->processing_time / lead_seconds);
}

/* The figures of the flow that @graph holds. */
static WmVsmMetrics *
metrics_compute (WmDiagram *diagram,
                 Graph     *graph)
{
  WmVsmMetrics *metrics = g_new0 (WmVsmMetrics, 1);

  metrics->steps = g_array_new (FALSE, FALSE, sizeof (WmVsmStep));
  metrics->available_per_day = daily_available_seconds (diagram);
  metrics->daily_demand = MAX (wm_diagram_get_number (diagram, WM_VSM_DAILY_DEMAND), 0);
  metrics->takt_time = takt_time (diagram, metrics->available_per_day);
  metrics->rolled_ca = 1;
  metrics_add_stock (metrics, graph, diagram);
  metrics_add_timeline (metrics, graph, diagram);
  metrics->efficiency = cycle_efficiency (metrics);
  return metrics;
}

static WmVsmMetrics *
metrics_copy (const WmVsmMetrics *metrics)
{
  WmVsmMetrics *copy = g_memdup2 (metrics, sizeof *metrics);

  copy->steps = g_array_copy (metrics->steps);
  return copy;
}

/* The flow cache
 *
 * The screen lays the timeline out again after every change, sixty times a
 * second while nodes are dragged, and the flow of a map of 100 000 items
 * takes longer than a frame to compute. Yet moving, resizing or renaming
 * items changes no figure: the metrics read only the diagram's fields, the
 * z-order, the material nodes' figures and the material links' ends. So
 * the metrics stay with the diagram, together with what they were read
 * from, and are computed again only after a change that touches any of it.
 * Only a diagram in a project announces its changes, so only those keep a
 * cache. */

/* What the metrics read from a material node. */
typedef struct
{
  double days;   /* a waiting item's wm_vsm_inventory_days() */
  double stock;  /* a waiting item's pieces */
  double cycle;  /* a process's cycle time */
  double ca;     /* a process's complete-and-accurate */
} Inputs;

typedef struct
{
  GMutex        lock;
  gulong        handler;
  WmVsmMetrics *metrics;  /* NULL until computed again */
  /* What @metrics were computed from. The keys are the items' own ids:
   * a removal, which frees an item, empties the cache before they are read. */
  GHashTable   *nodes;    /* material node id → its position + 1 in @inputs */
  GArray       *inputs;   /* Inputs */
  GHashTable   *links;    /* material link id → its position + 1 in @ends */
  GArray       *ends;     /* Edge: the link's ends as link_ends() found them */
} FlowCache;

static Inputs
node_inputs (WmDiagram    *diagram,
             const WmItem *item)
{
  guint role = find_role (item);
  Inputs inputs = { 0, 0, 0, 0 };

  if (role == G_N_ELEMENTS (node_roles))
    return inputs;
  if (node_roles[role].role == ROLE_WAIT)
    {
      inputs.days = wm_vsm_inventory_days (diagram, item);
      inputs.stock = wm_item_get_number (item, node_roles[role].stock);
    }
  else if (node_roles[role].role == ROLE_PROCESS)
    {
      inputs.cycle = wm_item_get_number (item, WM_VSM_CYCLE_TIME);
      inputs.ca = wm_item_get_number (item, WM_VSM_COMPLETE_ACCURATE);
    }
  return inputs;
}

static void
flow_cache_forget (FlowCache *cache)
{
  g_clear_pointer (&cache->metrics, wm_vsm_metrics_free);
  g_clear_pointer (&cache->nodes, g_hash_table_unref);
  g_clear_pointer (&cache->inputs, g_array_unref);
  g_clear_pointer (&cache->links, g_hash_table_unref);
  g_clear_pointer (&cache->ends, g_array_unref);
}

/* Computes the metrics and keeps what they read. */
static void
flow_cache_fill (FlowCache *cache,
                 WmDiagram *diagram)
{
  g_auto(Graph) graph = { 0, };

  cache->links = g_hash_table_new (g_str_hash, g_str_equal);
  cache->ends = g_array_new (FALSE, FALSE, sizeof (Edge));
  graph_init_recording (&graph, diagram, cache->links, cache->ends);
  cache->metrics = metrics_compute (diagram, &graph);
  cache->inputs = g_array_sized_new (FALSE, FALSE, sizeof (Inputs), graph_n (&graph));
  for (guint v = 0; v < graph_n (&graph); v++)
    {
      Inputs inputs = node_inputs (diagram, graph_item (&graph, v));

      g_array_append_val (cache->inputs, inputs);
    }
  cache->nodes = g_steal_pointer (&graph.index);
}

/* Whether the metrics may read something else from @item now. */
static gboolean
flow_cache_item_differs (FlowCache    *cache,
                         WmDiagram    *diagram,
                         const WmItem *item)
{
  guint position;
  Edge now, *then;

  if (wm_item_is_node (item))
    {
      Inputs inputs;

      /* A node's role comes with its type, which never changes. */
      if (role_of (item) == ROLE_NONE)
        return FALSE;
      if (!index_find (cache->nodes, item->id, &position))
        return TRUE;
      inputs = node_inputs (diagram, item);
      /* Compared bit for bit: a figure that changed in any way counts. */
      return memcmp (&inputs, &g_array_index (cache->inputs, Inputs, position),
                     sizeof inputs) != 0;
    }
  if (!is_material_link (item))
    return FALSE;
  if (!index_find (cache->links, item->id, &position))
    return TRUE;
  now = link_ends (cache->nodes, item);
  then = &g_array_index (cache->ends, Edge, position);
  return now.from != then->from || now.to != then->to;
}

static gboolean
flow_cache_is_outdated (FlowCache *cache,
                        WmDiagram *diagram,
                        WmDelta   *delta)
{
  /* The fields give the days and takt, the z-order breaks ties, and a
   * removed item may have been a key of the cache. */
  if (delta->header || delta->order || delta->removed->len > 0)
    return TRUE;
  for (guint i = 0; i < delta->added->len; i++)
    {
      WmItem *item = wm_diagram_lookup (diagram, g_ptr_array_index (delta->added, i));

      /* A note or an information flow more changes no figure. */
      if (item == NULL || role_of (item) != ROLE_NONE || is_material_link (item))
        return TRUE;
    }
  for (guint i = 0; i < delta->modified->len; i++)
    {
      WmItem *item = wm_diagram_lookup (diagram, g_ptr_array_index (delta->modified, i));

      if (item == NULL || flow_cache_item_differs (cache, diagram, item))
        return TRUE;
    }
  return FALSE;
}

static void
flow_cache_on_invalidate (WmDiagram *diagram,
                       WmDelta   *delta,
                       FlowCache *cache)
{
  g_mutex_lock (&cache->lock);
  if (cache->metrics != NULL && flow_cache_is_outdated (cache, diagram, delta))
    flow_cache_forget (cache);
  g_mutex_unlock (&cache->lock);
}

static GQuark
flow_cache_quark (void)
{
  static gsize quark;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("wm-vsm-flow-cache"));
  return (GQuark) quark;
}

static void
flow_cache_free (gpointer data)
{
  FlowCache *cache = data;

  flow_cache_forget (cache);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

static GMutex flow_cache_creation;

static FlowCache *
flow_cache_get (WmDiagram *diagram)
{
  FlowCache *cache;

  g_mutex_lock (&flow_cache_creation);
  cache = g_object_get_qdata (G_OBJECT (diagram), flow_cache_quark ());
  if (cache == NULL)
    {
      cache = g_new0 (FlowCache, 1);
      g_mutex_init (&cache->lock);
      cache->handler = g_signal_connect (diagram, "invalidate",
                                         G_CALLBACK (flow_cache_on_invalidate), cache);
      g_object_set_qdata_full (G_OBJECT (diagram), flow_cache_quark (), cache, flow_cache_free);
    }
  g_mutex_unlock (&flow_cache_creation);
  return cache;
}

/* A diagram taken out of its project announces no more changes: what was
 * kept for it can no longer be trusted. */
static void
flow_cache_drop (WmDiagram *diagram)
{
  FlowCache *cache;

  g_mutex_lock (&flow_cache_creation);
  cache = g_object_get_qdata (G_OBJECT (diagram), flow_cache_quark ());
  if (cache != NULL)
    {
      g_signal_handler_disconnect (diagram, cache->handler);
      g_object_set_qdata (G_OBJECT (diagram), flow_cache_quark (), NULL);
    }
  g_mutex_unlock (&flow_cache_creation);
}

WmVsmMetrics *
wm_vsm_compute (WmDiagram *diagram)
{
  FlowCache *cache;
  WmVsmMetrics *metrics;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), NULL);

  if (!is_vsm (diagram))
    return NULL;
  if (wm_diagram_get_project (diagram) == NULL)
    {
      g_auto(Graph) graph = { 0, };

      flow_cache_drop (diagram);
      graph_init (&graph, diagram);
      return metrics_compute (diagram, &graph);
    }
  cache = flow_cache_get (diagram);
  g_mutex_lock (&cache->lock);
  if (cache->metrics == NULL)
    flow_cache_fill (cache, diagram);
  metrics = metrics_copy (cache->metrics);
  g_mutex_unlock (&cache->lock);
  return metrics;
}

void
wm_vsm_metrics_free (WmVsmMetrics *metrics)
{
  if (metrics == NULL)
    return;
  g_clear_pointer (&metrics->steps, g_array_unref);
  g_free (metrics);
}

/* Metrics for the notation's hook */

typedef enum
{
  TOTAL_TAKT,
  TOTAL_LEAD_TIME,
  TOTAL_PROCESSING_TIME,
  TOTAL_EFFICIENCY,
  TOTAL_ROLLED_CA,
  TOTAL_INVENTORY,
  TOTAL_INVENTORY_DAYS,
  N_TOTALS,
} Total;

static const struct
{
  const char   *id;
  const char   *label;
  const char   *description;
  WmFigureKind  kind;
  const char   *unknown;  /* why the figure can be unknown */
} totals[N_TOTALS] = {
  [TOTAL_TAKT] = { "takt", N_("Takt time"),
                   N_("Available time per day divided by the daily demand"),
                   WM_FIGURE_SECONDS, N_("the daily demand is not set") },
  [TOTAL_LEAD_TIME] = { "lead-time", N_("Production lead time"),
                        N_("Days of stock along the longest path from supplier to customer"),
                        WM_FIGURE_DAYS, NULL },
  [TOTAL_PROCESSING_TIME] = { "processing-time", N_("Processing time"),
                              N_("Value-added time: the cycle times along the same path"),
                              WM_FIGURE_SECONDS, NULL },
  [TOTAL_EFFICIENCY] = { "efficiency", N_("Process cycle efficiency"),
                         N_("Processing time over lead time, a day counted as the available time"),
                         WM_FIGURE_PERCENT, N_("there is no lead time") },
  /* Translators: rolled complete-and-accurate, the share of work that needs no rework. */
  [TOTAL_ROLLED_CA] = { "rolled-ca", N_("Rolled C&A"),
                        N_("The product of complete-and-accurate along the path"),
                        WM_FIGURE_PERCENT, NULL },
  [TOTAL_INVENTORY] = { "inventory", N_("Inventory"),
                        N_("Every inventory, buffer, supermarket and FIFO lane"),
                        WM_FIGURE_PIECES, NULL },
  [TOTAL_INVENTORY_DAYS] = { "inventory-days", N_("Inventory in days"),
                             N_("The same stock over the daily demand"), WM_FIGURE_DAYS, NULL },
};

/* The totals' values in their figures' units; NAN where there is nothing to
 * compute from (takt without a demand, efficiency without a lead time). */
static void
total_values (const WmVsmMetrics *metrics,
              double             *values)
{
  gboolean has_lead = metrics->lead_time_days * metrics->available_per_day > 0;

  values[TOTAL_TAKT] = metrics->takt_time > 0 ? metrics->takt_time : NAN;
  values[TOTAL_LEAD_TIME] = metrics->lead_time_days;
  values[TOTAL_PROCESSING_TIME] = metrics->processing_time;
  values[TOTAL_EFFICIENCY] = has_lead ? metrics->efficiency * 100 : NAN;
  values[TOTAL_ROLLED_CA] = metrics->rolled_ca * 100;
  values[TOTAL_INVENTORY] = metrics->inventory_quantity;
  values[TOTAL_INVENTORY_DAYS] = metrics->inventory_days;
}

static gboolean
has_name (const WmItem *item)
{
  return !wm_str_is_blank (item->text);
}

/* One line per waiting item, in z-order: its days, then its pieces. */
static void
add_stock_metric (GArray       *list,
                  WmDiagram    *diagram,
                  const WmItem *item,
                  guint         role)
{
  const char *type = g_dgettext (GETTEXT_PACKAGE, item->type->label);
  /* Translators: an item's type, then its name, as in “Inventory “Green coffee””. */
  g_autofree char *label = has_name (item) ? g_strdup_printf (_("%s “%s”"), type, item->text)
                                           : g_strdup (type);
  gboolean known = wm_vsm_has_days_override (item) ||
                   wm_diagram_get_number (diagram, WM_VSM_DAILY_DEMAND) > 0;
  WmFigure days = { WM_FIGURE_DAYS, known ? wm_vsm_inventory_days (diagram, item) : NAN };
  WmMetric *metric = wm_metrics_add (list, "stock", item->id, label, days);

  if (!known)
    metric->unknown = _("the daily demand is not set");
  if (wm_item_has_value (item, node_roles[role].stock))
    metric->detail = (WmFigure) { WM_FIGURE_PIECES,
                                  wm_item_get_number (item, node_roles[role].stock) };
}

GArray *
_wm_vsm_metrics (WmDiagram *diagram)
{
  g_autoptr(WmVsmMetrics) metrics = wm_vsm_compute (diagram);
  GArray *list;
  double values[N_TOTALS];

  if (metrics == NULL)
    return NULL;
  list = wm_metrics_new ();
  total_values (metrics, values);
  for (guint i = 0; i < N_TOTALS; i++)
    {
      WmMetric *metric = wm_metrics_add (list, totals[i].id, NULL, _(totals[i].label),
                                         (WmFigure) { totals[i].kind, values[i] });

      metric->description = _(totals[i].description);
      if (isnan (values[i]) && totals[i].unknown != NULL)
        metric->unknown = _(totals[i].unknown);
    }
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      guint role = find_role (item);

      if (role < G_N_ELEMENTS (node_roles) && node_roles[role].role == ROLE_WAIT)
        add_stock_metric (list, diagram, item, role);
    }
  return list;
}

/* Checks */

/* Which nodes have a path to a customer, following links backwards from every
 * customer (cycles included: a rework loop still ends at the customer).
 * NULL when the map has no customer, so the question does not arise. */
static gboolean *
graph_reaches_customer (const Graph *graph)
{
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean *reaches = g_new0 (gboolean, MAX (graph_n (graph), 1));

  for (guint v = 0; v < graph_n (graph); v++)
    if (graph_role (graph, v) == ROLE_CUSTOMER)
      {
        reaches[v] = TRUE;
        g_array_append_val (queue, v);
      }
  if (queue->len == 0)
    {
      g_free (reaches);
      return NULL;
    }
  for (guint k = 0; k < queue->len; k++)
    {
      guint v = g_array_index (queue, guint, k);

      for (guint e = graph->in.start[v]; e < graph->in.start[v + 1]; e++)
        if (!reaches[graph->in.to[e]])
          {
            reaches[graph->in.to[e]] = TRUE;
            g_array_append_val (queue, graph->in.to[e]);
          }
    }
  return reaches;
}

static void
check_takt (WmDiagram    *diagram,
            const WmItem *process,
            double        takt,
            GPtrArray    *problems)
{
  double cycle = wm_item_get_number (process, WM_VSM_CYCLE_TIME);
  g_autofree char *cycle_text = NULL;
  g_autofree char *takt_text = NULL;

  /* A process without a cycle time is reported once, by the notation's own check. */
  if (takt <= 0 || cycle <= 0 || cycle <= takt || nearly_equal (cycle, takt))
    return;
  cycle_text = wm_figure_format_as (WM_FIGURE_SECONDS, cycle);
  takt_text = wm_figure_format_as (WM_FIGURE_SECONDS, takt);
  wm_problems_add_item_warning (problems, diagram, process,
               has_name (process)
               ? g_strdup_printf (_("The process “%s” is slower than takt: its cycle time of %s "
                                    "is longer than the takt time of %s."),
                                  process->text, cycle_text, takt_text)
               : g_strdup_printf (_("An unnamed process is slower than takt: its cycle time of %s "
                                    "is longer than the takt time of %s."),
                                  cycle_text, takt_text));
}

static void
check_reaches_customer (WmDiagram    *diagram,
                        const WmItem *item,
                        GPtrArray    *problems)
{
  wm_problems_add_item_warning (problems, diagram, item,
               has_name (item)
               ? g_strdup_printf (_("The material flow from “%s” does not reach a customer."),
                                  item->text)
               : g_strdup_printf (_("The material flow from an unnamed item of type “%s” does "
                                    "not reach a customer."),
                                  g_dgettext (GETTEXT_PACKAGE, item->type->label)));
}

/* Both figures within 5 % of the days the pieces make, or a twentieth of a day. */
static gboolean
days_agree (double set,
            double counted)
{
  return fabs (set - counted) <= MAX (0.05, 0.05 * counted);
}

gboolean
wm_vsm_has_days_override (const WmItem *item)
{
  return wm_item_has_prop (item, WM_VSM_DAYS) && wm_item_has_value (item, WM_VSM_DAYS);
}

/* An inventory whose days, set by hand, disagree with its pieces. */
static void
check_days_override (WmDiagram    *diagram,
                     const WmItem *item,
                     GPtrArray    *problems)
{
  double demand = wm_diagram_get_number (diagram, WM_VSM_DAILY_DEMAND);
  double pieces, counted, set;
  g_autofree char *pieces_text = NULL;
  g_autofree char *counted_text = NULL;
  g_autofree char *set_text = NULL;

  if (demand <= 0 || !wm_vsm_has_days_override (item) || !wm_item_has_value (item, WM_VSM_QUANTITY))
    return;
  pieces = wm_item_get_number (item, WM_VSM_QUANTITY);
  counted = pieces / demand;
  set = wm_item_get_number (item, WM_VSM_DAYS);
  if (days_agree (set, counted))
    return;
  pieces_text = wm_figure_format_as (WM_FIGURE_PIECES, pieces);
  counted_text = wm_figure_format_as (WM_FIGURE_DAYS, counted);
  set_text = wm_figure_format_as (WM_FIGURE_DAYS, set);
  wm_problems_add_item_warning (problems, diagram, item,
               has_name (item)
               ? g_strdup_printf (_("The inventory “%s” holds %s, which make %s at the daily "
                                    "demand, but it is set to %s of stock; the lead time and the "
                                    "totals count %s."),
                                  item->text, pieces_text, counted_text, set_text, set_text)
               : g_strdup_printf (_("An unnamed inventory holds %s, which make %s at the daily "
                                    "demand, but it is set to %s of stock; the lead time and the "
                                    "totals count %s."),
                                  pieces_text, counted_text, set_text, set_text));
}

void
_wm_vsm_check (WmDiagram *diagram,
               GPtrArray *problems)
{
  g_auto(Graph) graph = { 0, };
  g_autofree gboolean *reaches = NULL;
  double takt;

  g_return_if_fail (WM_IS_DIAGRAM (diagram));

  takt = takt_time (diagram, daily_available_seconds (diagram));
  graph_init (&graph, diagram);
  reaches = graph_reaches_customer (&graph);
  for (guint v = 0; v < graph_n (&graph); v++)
    {
      WmItem *item = graph_item (&graph, v);
      Role role = graph_role (&graph, v);

      if (role == ROLE_PROCESS)
        check_takt (diagram, item, takt, problems);
      if (g_str_equal (item->type->id, "inventory"))
        check_days_override (diagram, item, problems);
      if (reaches != NULL && !reaches[v] && (role == ROLE_PROCESS || role == ROLE_WAIT))
        check_reaches_customer (diagram, item, problems);
    }
}

/* Comparing a current state with a future state */

static gboolean
has_state (WmDiagram  *diagram,
           const char *state)
{
  return is_vsm (diagram) && g_strcmp0 (wm_diagram_get_choice (diagram, WM_VSM_STATE), state) == 0;
}

static const char *
opposite_state (WmDiagram *diagram)
{
  return has_state (diagram, "future") ? "current" : "future";
}

static gboolean
same_family (WmDiagram *a,
             WmDiagram *b)
{
  const char *family = wm_diagram_get_string (a, WM_VSM_PRODUCT_FAMILY);

  return family != NULL && family[0] != '\0' &&
         g_strcmp0 (wm_diagram_get_string (b, WM_VSM_PRODUCT_FAMILY), family) == 0;
}

/* The map of @state that goes with @map: the first of the same product
 * family, else (unless @family_only) the first of that state at all. */
static WmDiagram *
find_partner (WmProject  *project,
              WmDiagram  *map,
              const char *state,
              gboolean    family_only)
{
  WmDiagram *first = NULL;

  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *other = wm_project_get_diagram (project, i);

      if (other == map || !has_state (other, state))
        continue;
      if (same_family (map, other))
        return other;
      if (first == NULL)
        first = other;
    }
  return family_only ? NULL : first;
}

/* Without a map to start from: the first current map that has a future of
 * its own family, else the first current map that has any future. */
static WmDiagram *
first_current_with_partner (WmProject *project)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
      {
        WmDiagram *map = wm_project_get_diagram (project, i);

        if (has_state (map, "current") && find_partner (project, map, "future", pass == 0) != NULL)
          return map;
      }
  return NULL;
}

static void
figures_of (const WmVsmMetrics *metrics,
            double             *values)
{
  values[WM_VSM_FIGURE_LEAD_TIME] = metrics->lead_time_days;
  values[WM_VSM_FIGURE_PROCESSING_TIME] = metrics->processing_time;
  values[WM_VSM_FIGURE_EFFICIENCY] = metrics->efficiency;
  values[WM_VSM_FIGURE_INVENTORY_DAYS] = metrics->inventory_days;
  values[WM_VSM_FIGURE_INVENTORY_QUANTITY] = metrics->inventory_quantity;
}

gboolean
wm_vsm_figure_lower_is_better (WmVsmFigure figure)
{
  return figure != WM_VSM_FIGURE_EFFICIENCY;
}

const char *
wm_vsm_figure_metric_id (WmVsmFigure figure)
{
  static const Total compared[WM_VSM_N_FIGURES] = {
    [WM_VSM_FIGURE_LEAD_TIME] = TOTAL_LEAD_TIME,
    [WM_VSM_FIGURE_PROCESSING_TIME] = TOTAL_PROCESSING_TIME,
    [WM_VSM_FIGURE_EFFICIENCY] = TOTAL_EFFICIENCY,
    [WM_VSM_FIGURE_INVENTORY_DAYS] = TOTAL_INVENTORY_DAYS,
    [WM_VSM_FIGURE_INVENTORY_QUANTITY] = TOTAL_INVENTORY,
  };

  g_return_val_if_fail (figure < WM_VSM_N_FIGURES, NULL);
  return totals[compared[figure]].id;
}

WmVsmComparison *
wm_vsm_compare (WmProject *project,
                WmDiagram *diagram)
{
  WmVsmComparison *comparison;
  WmDiagram *map, *partner;

  g_return_val_if_fail (WM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (diagram == NULL || WM_IS_DIAGRAM (diagram), NULL);

  if (diagram != NULL && (has_state (diagram, "current") || has_state (diagram, "future")))
    map = diagram;
  else
    map = first_current_with_partner (project);
  if (map == NULL)
    return NULL;
  partner = find_partner (project, map, opposite_state (map), FALSE);
  if (partner == NULL)
    return NULL;

  comparison = g_new0 (WmVsmComparison, 1);
  comparison->current = g_object_ref (has_state (map, "current") ? map : partner);
  comparison->future = g_object_ref (has_state (map, "current") ? partner : map);
  comparison->current_metrics = wm_vsm_compute (comparison->current);
  comparison->future_metrics = wm_vsm_compute (comparison->future);
  figures_of (comparison->current_metrics, comparison->before);
  figures_of (comparison->future_metrics, comparison->after);
  for (guint f = 0; f < WM_VSM_N_FIGURES; f++)
    {
      double before = comparison->before[f], after = comparison->after[f];
      int sign;

      /* Per cent of nothing is undefined: 0 → 0 did not change, 0 → x has no ratio. */
      if (nearly_equal (before, after))
        comparison->change[f] = 0;
      else if (before == 0)
        comparison->change[f] = NAN;
      else
        comparison->change[f] = (after - before) / fabs (before) * 100;
      sign = nearly_equal (before, after) ? 0 : after < before ? 1 : -1;
      comparison->verdict[f] = wm_vsm_figure_lower_is_better (f) ? sign : -sign;
    }
  return comparison;
}

void
wm_vsm_comparison_free (WmVsmComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_clear_object (&comparison->current);
  g_clear_object (&comparison->future);
  g_clear_pointer (&comparison->current_metrics, wm_vsm_metrics_free);
  g_clear_pointer (&comparison->future_metrics, wm_vsm_metrics_free);
  g_free (comparison);
}
