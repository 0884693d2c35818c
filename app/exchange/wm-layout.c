/* wm-layout.c — automatic layout of a diagram's nodes, by Graphviz
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-layout"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib-unix.h>
#include <graphviz/gvc.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wm-draw.h"
#include "wm-error.h"
#include "wm-layout.h"
#include "wm-programs.h"
#include "wm-project.h"
#include "wm-use-case.h"

/* Graphviz measures node sizes in inches and places them in points. A node
 * w units wide is given as w/72 inches, so that one point is one document
 * unit and the coordinates dot returns need no scaling. */
#define UNITS_PER_INCH 72.0
/* Gaps in inches: between neighbours in a rank and between ranks. */
#define USE_CASE_NODESEP "0.35"
#define USE_CASE_RANKSEP "1.4"
#define VSM_NODESEP "0.7"
#define VSM_RANKSEP "0.8"
/* Points between a container's edge and the nodes it holds. */
#define CONTAINER_MARGIN "18"
/* Where a whole diagram's layout starts, as on a new diagram. */
#define ORIGIN 40.0
/* Units kept between a grown container and the laid-out nodes it holds. */
#define GROW_PADDING 20.0
/* From this many nodes on, dot's crossing minimisation and network simplex
 * stop earlier: 1 000 use cases with 1 500 links take it 0.4 s instead of
 * 13 s, and the layout still reads. */
#define BIG_GRAPH_NODES 300
/* Beyond these, dot would be busy for a minute or more (3 000 use cases
 * with 4 500 links take it 6 s): a refusal is better. */
#define MAX_NODES 5000
#define MAX_EDGES 15000

/* Dot cuts nodes down to 65 535 points a side; a diagram with bigger ones
 * is laid out scaled down, and scaled back. */
#define MAX_GRAPHVIZ_SIDE 30000.0

/* How long dot may take before the layout is given up. */
#define DOT_SECONDS 60

/* The program that runs dot, and the prefix of the clusters' names. */
#define HELPER_NAME "waymark-layout"
#define CLUSTER_PREFIX "cluster_"

typedef enum
{
  SIDE_LEFT,
  SIDE_RIGHT,
} Side;

typedef struct
{
  WmDiagram  *diagram;
  gboolean    use_case;     /* else a value stream map */
  GHashTable *moving;       /* id → WmItem *, the nodes laid out */
  GPtrArray  *nodes;        /* WmItem *, the same in z-order */
  GHashTable *clusters;     /* container id → Agraph_t *, containers holding laid-out nodes */
  GHashTable *gv_nodes;     /* node id → Agnode_t * */
  GHashTable *material;     /* ids of a value stream map's nodes on the material flow */
  GHashTable *linked;       /* ids of nodes with an edge in the graph */
  Agraph_t   *graph;
  Agraph_t   *rows[2];      /* use cases: the actors' columns; VSM: the material row, the loose row */
  guint       n_edges;
  double      scale;        /* Graphviz points per document unit, 1 unless nodes are huge */
  GHashTable *bounds;       /* id → WmRect *, the layout's result */
} Layout;

static void
layout_clear (Layout *layout)
{
  g_clear_pointer (&layout->moving, g_hash_table_unref);
  g_clear_pointer (&layout->nodes, g_ptr_array_unref);
  g_clear_pointer (&layout->clusters, g_hash_table_unref);
  g_clear_pointer (&layout->gv_nodes, g_hash_table_unref);
  g_clear_pointer (&layout->material, g_hash_table_unref);
  g_clear_pointer (&layout->linked, g_hash_table_unref);
  g_clear_pointer (&layout->bounds, g_hash_table_unref);
  if (layout->graph != NULL)
    agclose (g_steal_pointer (&layout->graph));
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

static gboolean
is_type (const WmItem *item,
         const char   *type_id)
{
  return item != NULL && g_str_equal (item->type->id, type_id);
}

gboolean
wm_layout_supported (WmDiagram *diagram)
{
  const char *notation;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), FALSE);

  notation = wm_diagram_get_notation (diagram)->id;
  return g_str_equal (notation, "use-case") || g_str_equal (notation, "value-stream-map");
}

/* Graphviz's API takes char * where it reads const strings. */
static void
set_attr (void       *object,
          const char *name,
          const char *value)
{
  agsafeset (object, (char *) name, (char *) value, (char *) "");
}

static void
set_inches (void       *object,
            const char *name,
            double      units)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  set_attr (object, name, g_ascii_formatd (buf, sizeof buf, "%.6f", units / UNITS_PER_INCH));
}

/* Which nodes move */

/* Whether an ancestor of @item is among @set. */
static gboolean
has_ancestor_in (WmDiagram    *diagram,
                 const WmItem *item,
                 GHashTable   *set)
{
  const WmItem *parent = item;

  /* Containment is at most WM_LIMIT_CONTAINMENT_DEPTH deep; the bound also
   * guards against a loop. */
  for (guint depth = 0; depth <= WM_LIMIT_CONTAINMENT_DEPTH; depth++)
    {
      if (parent->parent == NULL || (parent = wm_diagram_lookup (diagram, parent->parent)) == NULL)
        return FALSE;
      if (g_hash_table_contains (set, parent->id))
        return TRUE;
    }
  return FALSE;
}

/* The nodes of @ids, or all of them, with whatever the containers among
 * them hold: a container moves with its contents. */
static void
collect_nodes (Layout            *layout,
               const char *const *ids)
{
  g_autoptr(GHashTable) chosen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_items = wm_diagram_get_n_items (layout->diagram);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      WmItem *item = wm_diagram_lookup (layout->diagram, ids[i]);

      if (item != NULL && wm_item_is_node (item))
        g_hash_table_add (chosen, item->id);
    }
  for (guint i = 0; i < n_items; i++)
    {
      WmItem *item = wm_diagram_get_item (layout->diagram, i);

      if (!wm_item_is_node (item))
        continue;
      if (ids == NULL || g_hash_table_contains (chosen, item->id) ||
          has_ancestor_in (layout->diagram, item, chosen))
        {
          g_hash_table_insert (layout->moving, item->id, item);
          g_ptr_array_add (layout->nodes, item);
        }
    }
}

/* The graph */

/* The dimensions of a container's heading, which its cluster's label
 * reserves: the subject's name (and stereotype) as the use-case painter
 * draws them, or a package's tab. */
static void
heading_size (const WmItem *container,
              double       *width,
              double       *height)
{
  const char *stereotype = wm_item_has_prop (container, WM_UC_STEREOTYPE)
                           ? wm_item_get_string (container, WM_UC_STEREOTYPE) : NULL;
  gboolean package = is_type (container, "package");
  WmTextStyle style = wm_text_style (package ? 12 : 13);
  WmRenderOptions options;
  double text_width = 0;

  wm_render_options_init (&options);
  style.weight = PANGO_WEIGHT_BOLD;
  style.wrap = FALSE;
  wm_measure_text (&options, container->text, -1, &style, &text_width, NULL);
  *width = MIN (text_width + 30, 1000);
  *height = package ? 26 : 30;
  if (stereotype != NULL && *stereotype != '\0')
    *height += 14;
}

/* A cluster's label is an empty table of the heading's size: an exact
 * reservation, whatever fonts Graphviz would measure text with. */
static void
set_cluster_label (Agraph_t     *root,
                   Agraph_t     *cluster,
                   const WmItem *container,
                   double        layout_scale)
{
  Agsym_t *label = agattr (root, AGRAPH, (char *) "label", (char *) "");
  g_autofree char *table = NULL;
  char *html;
  double width, height;

  heading_size (container, &width, &height);
  width *= layout_scale;
  height *= layout_scale;
  table = g_strdup_printf ("<TABLE BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\" "
                           "FIXEDSIZE=\"TRUE\" WIDTH=\"%d\" HEIGHT=\"%d\">"
                           "<TR><TD></TD></TR></TABLE>",
                           (int) MAX (1, ceil (width)), (int) MAX (1, ceil (height)));
  html = agstrdup_html (root, table);
  agxset (cluster, label, html);
  agstrfree (root, html);
}

/* The graph that holds @container's contents: a cluster inside the one
 * that holds the container itself. */
static Agraph_t *
cluster_for (Layout *layout,
             WmItem *container,
             guint   depth)
{
  Agraph_t *cluster = g_hash_table_lookup (layout->clusters, container->id);
  g_autofree char *name = NULL;
  Agraph_t *outer;

  if (cluster != NULL)
    return cluster;
  outer = depth < WM_LIMIT_CONTAINMENT_DEPTH ? NULL : layout->graph;
  if (outer == NULL)
    {
      WmItem *parent = container->parent != NULL
                       ? g_hash_table_lookup (layout->moving, container->parent) : NULL;

      outer = parent != NULL ? cluster_for (layout, parent, depth + 1) : layout->graph;
      /* Only a containment loop, which the model refuses, comes back here. */
      if ((cluster = g_hash_table_lookup (layout->clusters, container->id)) != NULL)
        return cluster;
    }
  name = g_strconcat (CLUSTER_PREFIX, container->id, NULL);
  cluster = agsubg (outer, name, TRUE);
  set_attr (cluster, "margin", CONTAINER_MARGIN);
  set_cluster_label (layout->graph, cluster, container, layout->scale);
  g_hash_table_insert (layout->clusters, container->id, cluster);
  return cluster;
}

/* Containers holding laid-out nodes become clusters, the outer ones first. */
static void
add_clusters (Layout *layout)
{
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      WmItem *item = g_ptr_array_index (layout->nodes, i);
      WmItem *parent = item->parent != NULL
                       ? g_hash_table_lookup (layout->moving, item->parent) : NULL;

      if (parent != NULL)
        cluster_for (layout, parent, 0);
    }
}

static Agraph_t *
graph_of (Layout       *layout,
          const WmItem *item)
{
  Agraph_t *cluster = item->parent != NULL
                      ? g_hash_table_lookup (layout->clusters, item->parent) : NULL;

  return cluster != NULL ? cluster : layout->graph;
}

/* Every laid-out node that is not a cluster becomes a box of its size. */
static void
add_nodes (Layout *layout)
{
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      WmItem *item = g_ptr_array_index (layout->nodes, i);
      Agnode_t *node;

      if (g_hash_table_contains (layout->clusters, item->id))
        continue;
      node = agnode (graph_of (layout, item), item->id, TRUE);
      set_inches (node, "width", MAX (item->bounds.width, 1) * layout->scale);
      set_inches (node, "height", MAX (item->bounds.height, 1) * layout->scale);
      g_hash_table_insert (layout->gv_nodes, item->id, node);
    }
}

static Agedge_t *
add_edge (Layout     *layout,
          const char *tail,
          const char *head)
{
  Agnode_t *from = tail != NULL ? g_hash_table_lookup (layout->gv_nodes, tail) : NULL;
  Agnode_t *to = head != NULL ? g_hash_table_lookup (layout->gv_nodes, head) : NULL;

  if (from == NULL || to == NULL || from == to)
    return NULL;
  g_hash_table_add (layout->linked, (gpointer) tail);
  g_hash_table_add (layout->linked, (gpointer) head);
  layout->n_edges++;
  return agedge (layout->graph, from, to, NULL, TRUE);
}

/* The links with both ends laid out (and neither end a cluster, which dot
 * cannot join), in z-order. */
static GPtrArray *
graph_links (Layout *layout)
{
  GPtrArray *links = g_ptr_array_new ();
  guint n_items = wm_diagram_get_n_items (layout->diagram);

  for (guint i = 0; i < n_items; i++)
    {
      WmItem *item = wm_diagram_get_item (layout->diagram, i);

      if (wm_item_is_link (item) && g_hash_table_contains (layout->gv_nodes, item->source) &&
          g_hash_table_contains (layout->gv_nodes, item->target))
        g_ptr_array_add (links, item);
    }
  return links;
}

/* Use-case diagrams
 *
 * Left to right: the primary actors in the first rank, the use cases inside
 * the subject's cluster, the supporting actors in the last rank. Include,
 * extend and generalization edges run left to right in the reading order of
 * their arrows. */

/* Supporting actors go right: those whose associations all come from use
 * cases (the use case calls on them), and external systems nothing starts
 * from. Everyone else starts something, and goes left. */
static Side
actor_side (Layout *layout,
            WmItem *actor)
{
  g_autoptr(GPtrArray) links = wm_diagram_links_of (layout->diagram, actor->id);
  guint n_from = 0, n_to = 0;

  for (guint i = 0; i < links->len; i++)
    {
      WmItem *link = g_ptr_array_index (links, i);

      if (!is_type (link, "association"))
        continue;
      if (g_str_equal (link->source, actor->id))
        n_from++;
      else
        n_to++;
    }
  if (n_from == 0 && (n_to > 0 || g_strcmp0 (wm_item_get_choice (actor, WM_UC_KIND), "system") == 0))
    return SIDE_RIGHT;
  return SIDE_LEFT;
}

/* The actors outside every container go into the first or last rank, which
 * rank=source and rank=sink keep for them alone: no cluster reaches there. */
static void
place_actors (Layout *layout)
{
  static const char *const names[] = { "left", "right" };
  static const char *const ranks[] = { "source", "sink" };

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      WmItem *item = g_ptr_array_index (layout->nodes, i);
      Agnode_t *node = g_hash_table_lookup (layout->gv_nodes, item->id);
      Side side;

      if (!is_type (item, "actor") || node == NULL || graph_of (layout, item) != layout->graph)
        continue;
      side = actor_side (layout, item);
      if (layout->rows[side] == NULL)
        {
          layout->rows[side] = agsubg (layout->graph, (char *) names[side], TRUE);
          set_attr (layout->rows[side], "rank", ranks[side]);
        }
      agsubnode (layout->rows[side], node, TRUE);
    }
}

static gboolean
on_side (Layout     *layout,
         const char *id,
         Side        side)
{
  Agnode_t *node = g_hash_table_lookup (layout->gv_nodes, id);

  return layout->rows[side] != NULL && node != NULL &&
         agsubnode (layout->rows[side], node, FALSE) != NULL;
}

static void
add_use_case_edges (Layout *layout)
{
  g_autoptr(GPtrArray) links = graph_links (layout);

  for (guint i = 0; i < links->len; i++)
    {
      WmItem *link = g_ptr_array_index (links, i);
      Agedge_t *edge;

      /* An association runs from the left actor to the use case, and
       * from the use case to the right actor, whichever way it was drawn.
       * A note follows what it comments on: in the next rank, it lies
       * beside the subject rather than above it. */
      if ((is_type (link, "association") &&
           (on_side (layout, link->source, SIDE_RIGHT) || on_side (layout, link->target, SIDE_LEFT))) ||
          is_type (link, "anchor"))
        edge = add_edge (layout, link->target, link->source);
      else
        edge = add_edge (layout, link->source, link->target);
      if (edge != NULL && is_type (link, "association"))
        set_attr (edge, "weight", "2");
    }
}

static void
build_use_case (Layout *layout)
{
  set_attr (layout->graph, "rankdir", "LR");
  set_attr (layout->graph, "nodesep", USE_CASE_NODESEP);
  set_attr (layout->graph, "ranksep", USE_CASE_RANKSEP);
  place_actors (layout);
  add_use_case_edges (layout);
}

/* Value stream maps
 *
 * Top to bottom: the information flow (production control, scheduling,
 * kanban posts) above one row holding the material flow from the supplier
 * to the customer, left to right as the arrows run; what has no link (kaizen
 * bursts, notes, operators) in a row below. */

static gboolean
is_material_link (const WmItem *link)
{
  return is_type (link, "push") || is_type (link, "pull") || is_type (link, "shipment-flow");
}

static void
add_material_row (Layout    *layout,
                  GPtrArray *links)
{
  for (guint i = 0; i < links->len; i++)
    {
      WmItem *link = g_ptr_array_index (links, i);

      if (!is_material_link (link) || g_str_equal (link->source, link->target))
        continue;
      g_hash_table_add (layout->material, link->source);
      g_hash_table_add (layout->material, link->target);
    }
  if (g_hash_table_size (layout->material) == 0)
    return;
  layout->rows[0] = agsubg (layout->graph, (char *) "material", TRUE);
  set_attr (layout->rows[0], "rank", "same");
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      WmItem *item = g_ptr_array_index (layout->nodes, i);

      if (g_hash_table_contains (layout->material, item->id))
        agsubnode (layout->rows[0], g_hash_table_lookup (layout->gv_nodes, item->id), TRUE);
    }
}

/* An information link runs down from its information end to the material
 * row; one between two material nodes adds nothing to the layout (and
 * would pull the row out of its order), so it is left out. */
static void
add_vsm_edges (Layout    *layout,
               GPtrArray *links)
{
  for (guint i = 0; i < links->len; i++)
    {
      WmItem *link = g_ptr_array_index (links, i);
      gboolean from_material = g_hash_table_contains (layout->material, link->source);
      gboolean to_material = g_hash_table_contains (layout->material, link->target);
      Agedge_t *edge;

      if (is_material_link (link))
        {
          if ((edge = add_edge (layout, link->source, link->target)) != NULL)
            set_attr (edge, "weight", "5");
        }
      else if (from_material && to_material)
        continue;
      else if (from_material)
        add_edge (layout, link->target, link->source);
      else
        add_edge (layout, link->source, link->target);
    }
}

/* The first material node, or the first that @item names among its links. */
static const char *
material_anchor (Layout       *layout,
                 const WmItem *item)
{
  const char *const *refs = wm_item_has_prop (item, WM_FIELD_LINKS)
                            ? wm_item_get_strv (item, WM_FIELD_LINKS) : NULL;
  const char *first = NULL;

  for (guint i = 0; refs != NULL && refs[i] != NULL; i++)
    if (g_hash_table_contains (layout->material, refs[i]))
      return refs[i];
  for (guint i = 0; i < layout->nodes->len && first == NULL; i++)
    {
      WmItem *node = g_ptr_array_index (layout->nodes, i);

      if (g_hash_table_contains (layout->material, node->id))
        first = node->id;
    }
  return first;
}

/* Information nodes with no edge to the material row get an invisible one
 * that keeps them above it; nodes with no edge at all go to the loose row
 * below it (rank=sink keeps that row for them alone). */
static void
place_vsm_rest (Layout *layout)
{
  g_autoptr(GPtrArray) informed = g_ptr_array_new ();
  g_autoptr(GPtrArray) loose = g_ptr_array_new ();

  if (layout->rows[0] == NULL)
    return;
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      WmItem *item = g_ptr_array_index (layout->nodes, i);

      if (g_hash_table_contains (layout->material, item->id) ||
          !g_hash_table_contains (layout->gv_nodes, item->id))
        continue;
      g_ptr_array_add (g_hash_table_contains (layout->linked, item->id) ? informed : loose, item);
    }
  for (guint i = 0; i < informed->len; i++)
    {
      WmItem *item = g_ptr_array_index (informed, i);
      Agedge_t *edge = add_edge (layout, item->id, material_anchor (layout, item));

      if (edge != NULL)
        {
          set_attr (edge, "weight", "0");
          set_attr (edge, "style", "invis");
        }
    }
  if (loose->len > 0)
    {
      layout->rows[1] = agsubg (layout->graph, (char *) "loose", TRUE);
      set_attr (layout->rows[1], "rank", "sink");
    }
  for (guint i = 0; i < loose->len; i++)
    {
      WmItem *item = g_ptr_array_index (loose, i);

      agsubnode (layout->rows[1], g_hash_table_lookup (layout->gv_nodes, item->id), TRUE);
    }
}

static void
build_vsm (Layout *layout)
{
  g_autoptr(GPtrArray) links = graph_links (layout);

  set_attr (layout->graph, "rankdir", "TB");
  set_attr (layout->graph, "nodesep", VSM_NODESEP);
  set_attr (layout->graph, "ranksep", VSM_RANKSEP);
  add_material_row (layout, links);
  add_vsm_edges (layout, links);
  place_vsm_rest (layout);
}

/* The scale that brings the biggest node within what dot handles. */
static double
graphviz_scale (Layout *layout)
{
  double side = 0;

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      WmItem *item = g_ptr_array_index (layout->nodes, i);

      side = MAX (side, MAX (item->bounds.width, item->bounds.height));
    }
  return side > MAX_GRAPHVIZ_SIDE ? MAX_GRAPHVIZ_SIDE / side : 1;
}

static void
build_graph (Layout *layout)
{
  layout->scale = graphviz_scale (layout);
  layout->graph = agopen ((char *) "layout", Agdirected, NULL);
  /* Edges are straightened afterwards (bend points cleared), so dot need
   * not route them: that saves much of its time on big graphs. */
  set_attr (layout->graph, "splines", "none");
  agattr (layout->graph, AGNODE, (char *) "shape", (char *) "box");
  agattr (layout->graph, AGNODE, (char *) "fixedsize", (char *) "true");
  agattr (layout->graph, AGNODE, (char *) "label", (char *) "");
  add_clusters (layout);
  add_nodes (layout);
  if (layout->use_case)
    build_use_case (layout);
  else
    build_vsm (layout);
  if (agnnodes (layout->graph) >= BIG_GRAPH_NODES)
    {
      set_attr (layout->graph, "mclimit", "0.3");
      set_attr (layout->graph, "nslimit", "0.5");
      set_attr (layout->graph, "nslimit1", "0.5");
      set_attr (layout->graph, "searchsize", "10");
      set_attr (layout->graph, "remincross", "false");
    }
}

/* Running dot */

/* The first line Graphviz wrote, as an error message. */
static void
set_graphviz_error (GError  **error,
                    GString  *messages)
{
  g_autofree char *line = g_strndup (messages->str, strcspn (messages->str, "\n"));
  const char *text = line;

  g_strstrip (line);
  if (g_str_has_prefix (text, "Error: "))
    text += strlen ("Error: ");
  g_set_error (error, WM_ERROR, WM_ERROR_FAILED, _("Graphviz could not lay out the diagram: %s"),
               *text != '\0' ? text : _("unknown error"));
}

/* dot runs in a program of its own, waymark-layout (wm-layout-helper.c) */

/* The graph in the DOT language, in a file in memory that the helper
 * reads as its standard input: no pipe to fill, nor to break. */
static int
graph_file (Layout  *layout,
            GError **error)
{
  int fd = memfd_create ("waymark-layout", MFD_CLOEXEC);
  int copy = fd >= 0 ? fcntl (fd, F_DUPFD_CLOEXEC, 0) : -1;
  FILE *file = copy >= 0 ? fdopen (copy, "w") : NULL;
  gboolean written = FALSE;
  int saved;

  if (file == NULL && copy >= 0)
    close (copy);
  if (file != NULL)
    {
      errno = 0;
      written = agwrite (layout->graph, file) == 0;
      if (fclose (file) != 0)
        written = FALSE;
    }
  if (written && lseek (fd, 0, SEEK_SET) == 0)
    return fd;
  saved = errno != 0 ? errno : EIO;
  if (fd >= 0)
    close (fd);
  g_set_error (error, WM_ERROR, WM_ERROR_FAILED,
               _("Graphviz could not lay out the diagram: %s"), g_strerror (saved));
  return -1;
}

/* Reads what the helper writes until it closes the pipe or the time is up. */
static gboolean
read_answer (int         fd,
             GByteArray *answer)
{
  gint64 end = g_get_monotonic_time () + DOT_SECONDS * G_USEC_PER_SEC;
  guint8 buffer[65536];

  for (;;)
    {
      struct pollfd poll_fd = { fd, POLLIN, 0 };
      gint64 left = (end - g_get_monotonic_time ()) / 1000;
      ssize_t n;
      int ready;

      if (left <= 0)
        return FALSE;
      ready = poll (&poll_fd, 1, (int) MIN (left, G_MAXINT));
      if (ready < 0 && errno == EINTR)
        continue;
      if (ready <= 0)
        return FALSE;
      n = read (fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      if (n == 0)
        return TRUE;
      g_byte_array_append (answer, buffer, (guint) n);
    }
}

/* The bounds in @layout of the node or cluster the helper calls @name, in
 * document coordinates, from @values: a node's centre or a cluster's box. */
static gboolean
read_record (Layout       *layout,
             char          kind,
             const char   *name,
             const double *values)
{
  gpointer key;
  WmRect *rect;

  if (kind == 'N' && g_hash_table_lookup_extended (layout->gv_nodes, name, &key, NULL))
    {
      WmItem *item = g_hash_table_lookup (layout->moving, key);

      rect = g_new (WmRect, 1);
      *rect = (WmRect) { values[0] / layout->scale - item->bounds.width / 2,
                         values[1] / layout->scale - item->bounds.height / 2,
                         item->bounds.width, item->bounds.height };
    }
  else if (kind == 'C' && g_str_has_prefix (name, CLUSTER_PREFIX) &&
           g_hash_table_lookup_extended (layout->clusters, name + strlen (CLUSTER_PREFIX),
                                         &key, NULL))
    {
      rect = g_new (WmRect, 1);
      *rect = (WmRect) { values[0] / layout->scale, values[1] / layout->scale,
                         values[2] / layout->scale, values[3] / layout->scale };
    }
  else
    return kind == 'C'; /* the rows are clusters too, of no item */
  g_hash_table_insert (layout->bounds, key, rect);
  return TRUE;
}

static gboolean
parse_answer (Layout     *layout,
              GByteArray *answer,
              GError    **error)
{
  gsize at = 1;

  if (answer->len == 0)
    return FALSE;
  if (answer->data[0] == 'E')
    {
      g_autoptr(GString) messages = g_string_new_len ((const char *) answer->data + 1,
                                                      answer->len - 1);

      set_graphviz_error (error, messages);
      return FALSE;
    }
  while (answer->data[0] == 'O' && at < answer->len)
    {
      char kind = (char) answer->data[at++];
      gsize size = (kind == 'N' ? 2 : 4) * sizeof (double);
      double values[4];
      g_autofree char *name = NULL;
      guint32 length;

      if (answer->len - at < sizeof length)
        return FALSE;
      memcpy (&length, answer->data + at, sizeof length);
      at += sizeof length;
      if (answer->len - at < (gsize) length + size)
        return FALSE;
      name = g_strndup ((const char *) answer->data + at, length);
      at += length;
      memcpy (values, answer->data + at, size);
      at += size;
      if (!read_record (layout, kind, name, values))
        return FALSE;
    }
  return answer->data[0] == 'O' && g_hash_table_size (layout->bounds) ==
         g_hash_table_size (layout->gv_nodes) + g_hash_table_size (layout->clusters);
}

/* Graphviz 2.42 can crash on some graphs (dot_cleanup frees twice after
 * enough cluster layouts in one process) and can run for minutes on
 * others: the analyst's unsaved work must survive both. So dot runs in
 * waymark-layout, which writes the result into a pipe; a crash or a
 * layout past DOT_SECONDS is an error, and the window goes on. */
static gboolean
run_dot (Layout  *layout,
         GError **error)
{
  g_autoptr(GByteArray) answer = g_byte_array_new ();
  g_autoptr(GError) spawn_error = NULL;
  g_autofree char *helper = wm_program_path ("WAYMARK_LAYOUT_HELPER", HELPER_NAME);
  char *argv[] = { helper, NULL };
  gboolean complete, parsed;
  int graph, out = -1;
  GPid child;
  int status = 0;

  if ((graph = graph_file (layout, error)) < 0)
    return FALSE;
  if (!g_spawn_async_with_pipes_and_fds (NULL, (const char * const *) argv, NULL,
                                         G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_CLOEXEC_PIPES,
                                         NULL, NULL, graph, -1, -1, NULL, NULL, 0,
                                         &child, NULL, &out, NULL, &spawn_error))
    {
      close (graph);
      g_set_error (error, WM_ERROR, WM_ERROR_FAILED,
                   _("Graphviz could not lay out the diagram: %s"), spawn_error->message);
      return FALSE;
    }
  close (graph);
  complete = read_answer (out, answer);
  close (out);
  if (!complete)
    kill (child, SIGKILL);
  while (waitpid (child, &status, 0) < 0 && errno == EINTR)
    ;
  g_spawn_close_pid (child);
  if (!complete)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_FAILED,
                   ngettext ("Graphviz took more than %d second to lay out the diagram; it "
                             "was stopped and the diagram is unchanged.",
                             "Graphviz took more than %d seconds to lay out the diagram; it "
                             "was stopped and the diagram is unchanged.", DOT_SECONDS),
                   DOT_SECONDS);
      return FALSE;
    }
  parsed = WIFEXITED (status) && WEXITSTATUS (status) == 0 && parse_answer (layout, answer, error);
  if (!parsed && (error == NULL || *error == NULL))
    g_set_error_literal (error, WM_ERROR, WM_ERROR_FAILED,
                         _("Graphviz stopped unexpectedly while laying out the diagram; the "
                           "diagram is unchanged."));
  return parsed;
}

/* Applying the result */

static void
snap_rect (WmRect *rect,
           double  dx,
           double  dy)
{
  double right = ceil (rect->x + rect->width + dx);
  double bottom = ceil (rect->y + rect->height + dy);

  rect->x = floor (rect->x + dx);
  rect->y = floor (rect->y + dy);
  rect->width = right - rect->x;
  rect->height = bottom - rect->y;
}

/* Where the laid-out group goes: a whole diagram at the usual margin, a
 * selection where its top left corner was. */
static void
shift_result (Layout   *layout,
              gboolean  whole)
{
  double old_x = G_MAXDOUBLE, old_y = G_MAXDOUBLE, new_x = G_MAXDOUBLE, new_y = G_MAXDOUBLE;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, layout->bounds);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      WmItem *item = g_hash_table_lookup (layout->moving, key);
      WmRect *rect = value;

      old_x = MIN (old_x, item->bounds.x);
      old_y = MIN (old_y, item->bounds.y);
      new_x = MIN (new_x, rect->x);
      new_y = MIN (new_y, rect->y);
    }
  if (whole)
    old_x = old_y = ORIGIN;
  old_x = round (old_x);
  old_y = round (old_y);

  g_hash_table_iter_init (&iter, layout->bounds);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      WmRect *rect = value;

      /* Containers are snapped outwards, and nodes by whole units: a node
       * keeps its size, and stays inside its container's margin. */
      if (g_hash_table_contains (layout->clusters, key))
        snap_rect (rect, old_x - new_x, old_y - new_y);
      else
        {
          rect->x = round (rect->x + old_x - new_x);
          rect->y = round (rect->y + old_y - new_y);
        }
    }
}

static void
union_rect (WmRect       *into,
            const WmRect *rect)
{
  double right = MAX (into->x + into->width, rect->x + rect->width);
  double bottom = MAX (into->y + into->height, rect->y + rect->height);

  into->x = MIN (into->x, rect->x);
  into->y = MIN (into->y, rect->y);
  into->width = right - into->x;
  into->height = bottom - into->y;
}

/* A container that stayed grows to hold the laid-out nodes it contains,
 * and so do its own containers in turn. */
static void
grow_containers (Layout *layout)
{
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      WmItem *item = g_ptr_array_index (layout->nodes, i);
      WmRect need = *(WmRect *) g_hash_table_lookup (layout->bounds, item->id);
      WmItem *parent = item;

      for (guint depth = 0; depth <= WM_LIMIT_CONTAINMENT_DEPTH; depth++)
        {
          WmRect grown;

          if (parent->parent == NULL ||
              (parent = wm_diagram_lookup (layout->diagram, parent->parent)) == NULL ||
              g_hash_table_contains (layout->moving, parent->id))
            break;
          need.x -= GROW_PADDING;
          need.y -= GROW_PADDING;
          need.width += 2 * GROW_PADDING;
          need.height += 2 * GROW_PADDING;
          grown = parent->bounds;
          union_rect (&grown, &need);
          wm_diagram_set_bounds (layout->diagram, parent->id, &grown);
          need = parent->bounds;
        }
    }
}

static void
apply_result (Layout *layout)
{
  guint n_items = wm_diagram_get_n_items (layout->diagram);

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      WmItem *item = g_ptr_array_index (layout->nodes, i);
      WmRect *rect = g_hash_table_lookup (layout->bounds, item->id);

      if (rect != NULL)
        wm_diagram_set_bounds (layout->diagram, item->id, rect);
    }
  grow_containers (layout);
  for (guint i = 0; i < n_items; i++)
    {
      WmItem *item = wm_diagram_get_item (layout->diagram, i);

      if (wm_item_is_link (item) && item->n_points > 0 &&
          g_hash_table_contains (layout->moving, item->source) &&
          g_hash_table_contains (layout->moving, item->target))
        wm_diagram_set_points (layout->diagram, item->id, NULL, 0);
    }
}

static gboolean
check_layout (Layout  *layout,
              GError **error)
{
  WmProject *project = wm_diagram_get_project (layout->diagram);

  if (!wm_layout_supported (layout->diagram))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_NOT_ALLOWED,
                   _("Automatic layout is available for use-case diagrams and value stream "
                     "maps only."));
      return FALSE;
    }
  if (project != NULL && wm_project_get_read_only (project))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_READ_ONLY, "%s", _("The project is open read-only."));
      return FALSE;
    }
  return TRUE;
}

gboolean
wm_layout_diagram (WmDiagram         *diagram,
                   const char *const *ids,
                   GError           **error)
{
  g_auto(Layout) layout = { .diagram = diagram };
  WmProject *project;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_layout (&layout, error))
    return FALSE;
  layout.use_case = g_str_equal (wm_diagram_get_notation (diagram)->id, "use-case");
  layout.moving = g_hash_table_new (g_str_hash, g_str_equal);
  layout.nodes = g_ptr_array_new ();
  layout.clusters = g_hash_table_new (g_str_hash, g_str_equal);
  layout.gv_nodes = g_hash_table_new (g_str_hash, g_str_equal);
  layout.material = g_hash_table_new (g_str_hash, g_str_equal);
  layout.linked = g_hash_table_new (g_str_hash, g_str_equal);
  layout.bounds = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  collect_nodes (&layout, ids);
  if (layout.nodes->len == 0)
    return TRUE;
  if (layout.nodes->len <= MAX_NODES)
    build_graph (&layout);
  if (layout.nodes->len > MAX_NODES || layout.n_edges > MAX_EDGES)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_FAILED,
                   /* Translators: the limits are given as "what: how many" so that
                    * neither number needs a plural form */
                   _("The diagram is too big to lay out automatically (most nodes: %u; most "
                     "links: %u)."), MAX_NODES, MAX_EDGES);
      return FALSE;
    }
  if (!run_dot (&layout, error))
    return FALSE;
  shift_result (&layout, ids == NULL);

  project = wm_diagram_get_project (diagram);
  if (project != NULL)
    wm_project_begin_group (project, _("Automatic Layout"));
  apply_result (&layout);
  if (project != NULL)
    wm_project_end_group (project);
  return TRUE;
}
