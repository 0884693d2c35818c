/* wm-layout-helper.c — waymark-layout, the process in which dot lays a graph out
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a graph in the DOT language on standard input, lays it out with
 * Graphviz's dot and writes where everything went on standard output, for
 * wm-layout.c, which starts this program. Graphviz can crash or run for
 * minutes on some graphs; in a process of its own neither touches the
 * analyst's work. A program of its own, not a fork of the editor: a fork
 * of a process with threads may only call what is safe in a signal
 * handler, and dot allocates.
 *
 * The answer is 'E' and Graphviz's messages, or 'O' and then per node
 * 'N', the length of its name (guint32), the name and its centre (two
 * doubles), and per cluster 'C', the same and its box (four doubles); in
 * points, the y axis pointing down from the top of the graph.
 */
#include <glib.h>
#include <graphviz/gvc.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static GString *messages;

static int
collect_message (char *message)
{
  g_string_append (messages, message);
  return 0;
}

static void
put (const void *data,
     gsize       size)
{
  if (fwrite (data, 1, size, stdout) != size)
    _exit (1);
}

static void
put_name (char        kind,
          const char *name)
{
  guint32 length = (guint32) strlen (name);

  put (&kind, 1);
  put (&length, sizeof length);
  put (name, length);
}

static void
put_clusters (Agraph_t *graph,
              double    top)
{
  for (Agraph_t *sub = agfstsubg (graph); sub != NULL; sub = agnxtsubg (sub))
    {
      const char *name = agnameof (sub);

      if (g_str_has_prefix (name, "cluster"))
        {
          boxf box = GD_bb (sub);
          double rect[4] = { box.LL.x, top - box.UR.y, box.UR.x - box.LL.x, box.UR.y - box.LL.y };

          put_name ('C', name);
          put (rect, sizeof rect);
        }
      put_clusters (sub, top);
    }
}

static void
put_nodes (Agraph_t *graph,
           double    top)
{
  for (Agnode_t *node = agfstnode (graph); node != NULL; node = agnxtnode (graph, node))
    {
      pointf center = ND_coord (node);
      double point[2] = { center.x, top - center.y };

      put_name ('N', agnameof (node));
      put (point, sizeof point);
    }
}

int
main (int    argc,
      char **argv)
{
  Agraph_t *graph;
  GVC_t *context;
  double top;

  if (argc != 1)
    {
      fprintf (stderr, "%s: lays out the DOT graph on standard input for Waymark\n", argv[0]);
      return 2;
    }
  messages = g_string_new (NULL);
  /* Errors come to collect_message() instead of stderr; warnings (a
   * node's size rounded, say) are of no use to the user. */
  agseterrf (collect_message);
  agseterr (AGERR);

  graph = agread (stdin, NULL);
  context = graph != NULL ? gvContext () : NULL;
  if (context == NULL || gvLayout (context, graph, "dot") != 0)
    {
      put ("E", 1);
      put (messages->str, messages->len);
      fflush (stdout);
      _exit (0);
    }
  top = GD_bb (graph).UR.y;
  put ("O", 1);
  put_nodes (graph, top);
  put_clusters (graph, top);
  /* Nothing is freed: Graphviz 2.42's cleanup is where it can crash. */
  if (fflush (stdout) != 0)
    _exit (1);
  _exit (0);
}
