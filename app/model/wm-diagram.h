/* wm-diagram.h — one diagram of a project: its items, fields and lists
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-item.h"

G_BEGIN_DECLS

struct _WmListEntry
{
  char *id;
  char *label;
};

/* What one edit, undo or redo changed in a diagram, emitted once per step. */
typedef struct
{
  GPtrArray *added;     /* item ids (char *) */
  GPtrArray *removed;
  GPtrArray *modified;
  WmRect     dirty;     /* document area to repaint; empty when only fields changed */
  gboolean   header;    /* the name, fields or lists changed */
  gboolean   order;     /* the z-order changed */
} WmDelta;

#define WM_TYPE_DELTA (wm_delta_get_type ())
GType    wm_delta_get_type (void) G_GNUC_CONST;
WmDelta *wm_delta_copy     (const WmDelta *delta);
void     wm_delta_free     (WmDelta       *delta);

#define WM_TYPE_DIAGRAM (wm_diagram_get_type ())
G_DECLARE_FINAL_TYPE (WmDiagram, wm_diagram, WM, DIAGRAM, GObject)

const WmNotation *wm_diagram_get_notation   (WmDiagram  *self);
const char       *wm_diagram_get_id         (WmDiagram  *self);
const char       *wm_diagram_get_name       (WmDiagram  *self);
WmProject        *wm_diagram_get_project    (WmDiagram  *self);

guint             wm_diagram_get_n_items    (WmDiagram  *self);
guint             wm_diagram_get_n_nodes    (WmDiagram  *self);
guint             wm_diagram_get_n_links    (WmDiagram  *self);
/* Items in z-order, bottom first. */
WmItem           *wm_diagram_get_item       (WmDiagram  *self,
                                             guint       position);
WmItem           *wm_diagram_lookup         (WmDiagram  *self,
                                             const char *id);
/* The links that start or end at node @id, in z-order; O(their number). */
GPtrArray        *wm_diagram_links_of       (WmDiagram  *self,
                                             const char *id);

/* Spatial queries, whose cost depends on what lies near the area, not on
 * the diagram's size. An item's model geometry is a node's bounds, and for a
 * link the box spanned by its end nodes' bounds and its waypoints. */
/* The items whose geometry intersects @rect, in z-order (bottom first). */
GPtrArray        *wm_diagram_query          (WmDiagram    *self,
                                             const WmRect *rect);
/* Brings the index behind the queries up to date now, so that those that
 * follow, until the next change, only read it: then two threads may query
 * at once (an export that paints on two). */
void              wm_diagram_prepare_queries (WmDiagram  *self);
/* The topmost item at (@x, @y): a node whose bounds contain the point, or a
 * link whose line from its source's centre through its waypoints to its
 * target's centre passes within @tolerance of it. NULL when there is none. */
WmItem           *wm_diagram_hit            (WmDiagram    *self,
                                             double        x,
                                             double        y,
                                             double        tolerance);

const WmValue    *wm_diagram_get_value      (WmDiagram  *self,
                                             const char *name,
                                             const WmPropSpec **spec);
gboolean          wm_diagram_has_value      (WmDiagram  *self,
                                             const char *name);
double            wm_diagram_get_number     (WmDiagram  *self,
                                             const char *name);
const char       *wm_diagram_get_string     (WmDiagram  *self,
                                             const char *name);
const char       *wm_diagram_get_choice     (WmDiagram  *self,
                                             const char *name);
/* The entries (WmListEntry) of list @name, in order; NULL if the notation has no such list. */
GPtrArray        *wm_diagram_get_list       (WmDiagram  *self,
                                             const char *name);
const WmListEntry *wm_diagram_find_entry    (WmDiagram  *self,
                                             const char *list,
                                             const char *id);

/* Edits. Each is recorded as one undo step, or as part of the group that
 * wm_project_begin_group() opened. They keep the limits of wm-limits.h, so
 * that whatever they accept is written and read back: a text longer than
 * WM_LIMIT_TEXT_CHARS is refused (with WM_ERROR_INVALID where there is an
 * error to set, see wm_limits_check_text()), positions and sizes are clamped
 * into range and non-finite ones refused. */
WmItem   *wm_diagram_add_node        (WmDiagram    *self,
                                      const char   *type_id,
                                      const WmRect *bounds,
                                      const char   *text,
                                      GError      **error);
WmItem   *wm_diagram_add_link        (WmDiagram    *self,
                                      const char   *type_id,
                                      const char   *source_id,
                                      const char   *target_id,
                                      GError      **error);
/* Removes the items, the links attached to removed nodes, and clears the
 * parent of nodes whose container goes. Returns the number removed. */
guint     wm_diagram_remove_items    (WmDiagram    *self,
                                      const char  *const *ids);
/* Moves nodes (and the nodes they contain) and the waypoints of links between
 * moved nodes. Consecutive moves of the same items merge into one undo step.
 * A move that would take a position out of range stops at its edge, for the
 * whole selection at once. */
void      wm_diagram_move_items      (WmDiagram    *self,
                                      const char  *const *ids,
                                      double        dx,
                                      double        dy);
gboolean  wm_diagram_set_bounds      (WmDiagram    *self,
                                      const char   *id,
                                      const WmRect *bounds);
/* Consecutive text edits of one item merge into one undo step (a typing burst). */
gboolean  wm_diagram_set_text        (WmDiagram    *self,
                                      const char   *id,
                                      const char   *text);
/* Sets property @name from its file syntax; NULL resets it to its default. */
gboolean  wm_diagram_set_property    (WmDiagram    *self,
                                      const char   *id,
                                      const char   *name,
                                      const char   *value,
                                      GError      **error);
/* Refuses (WM_ERROR_NOT_ALLOWED) a loop, and a node or one it holds ending
 * inside more than WM_LIMIT_CONTAINMENT_DEPTH containers. */
gboolean  wm_diagram_set_parent      (WmDiagram    *self,
                                      const char   *id,
                                      const char   *parent_id,
                                      GError      **error);
/* At most WM_LIMIT_POINTS waypoints. */
gboolean  wm_diagram_set_points      (WmDiagram    *self,
                                      const char   *id,
                                      const WmPoint *points,
                                      guint         n_points);
/* Moves the item to z-order @position (clamped); G_MAXUINT puts it on top. */
gboolean  wm_diagram_restack         (WmDiagram    *self,
                                      const char   *id,
                                      guint         position);

gboolean  wm_diagram_rename          (WmDiagram    *self,
                                      const char   *name);
gboolean  wm_diagram_set_field       (WmDiagram    *self,
                                      const char   *name,
                                      const char   *value,
                                      GError      **error);
gboolean  wm_diagram_list_insert     (WmDiagram    *self,
                                      const char   *list,
                                      guint         position,
                                      const char   *id,
                                      const char   *label,
                                      GError      **error);
gboolean  wm_diagram_list_remove     (WmDiagram    *self,
                                      const char   *list,
                                      const char   *id);
gboolean  wm_diagram_list_rename     (WmDiagram    *self,
                                      const char   *list,
                                      const char   *id,
                                      const char   *label);
gboolean  wm_diagram_list_move       (WmDiagram    *self,
                                      const char   *list,
                                      const char   *id,
                                      guint         position);

/* Data derived from the diagram (a layout, the painters' caches), kept on
 * it until its next edit, undo or redo: the diagram drops it itself before
 * it signals the change, so that no handler of WmDiagram::changed, however
 * early it was connected, finds it stale. Inside an undo group that has not
 * ended, what is kept is from before the group. Only a diagram in a
 * project announces its changes: keep nothing on another.
 *
 * wm_diagram_dup_derived() returns @dup of the data kept under @key (a
 * static string), or NULL; @dup runs under the diagram's lock, so another
 * thread may ask while an edit drops it. */
gpointer  wm_diagram_dup_derived     (WmDiagram      *self,
                                      const char     *key,
                                      GBoxedCopyFunc  dup);
/* Keeps @data under @key, taking it, in place of what was kept there. */
void      wm_diagram_keep_derived    (WmDiagram      *self,
                                      const char     *key,
                                      gpointer        data,
                                      GDestroyNotify  destroy);

G_END_DECLS
