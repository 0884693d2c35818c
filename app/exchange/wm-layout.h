/* wm-layout.h — automatic layout of a diagram's nodes, by Graphviz
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-diagram.h"

G_BEGIN_DECLS

/* Whether @diagram's notation can be laid out automatically (use-case
 * diagrams and value stream maps). */
gboolean wm_layout_supported (WmDiagram          *diagram);

/* Lays out the nodes of @diagram with Graphviz: all of them when @ids is
 * NULL, else only those (the others stay where they are and the laid-out
 * group keeps its place). Use-case diagrams: actors outside the subject on
 * its left and right, use cases inside it, include and extend edges
 * readable; value stream maps: the flow from supplier to customer, left to
 * right. Bend points of the links between moved nodes are cleared. One
 * undoable step. FALSE with @error set when the notation has no layout or
 * Graphviz fails; the diagram is then unchanged. */
gboolean wm_layout_diagram   (WmDiagram          *diagram,
                              const char *const  *ids,
                              GError            **error);

G_END_DECLS
