/* wm-canvas-input.c — how the canvas turns pointer and keyboard input into edits
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One event controller per gesture: a click selects, a primary drag moves
 * the selection or draws a rubber band (or pans while Space is held), a
 * middle drag pans, the wheel pans and, with Ctrl, zooms about the pointer,
 * a pinch zooms. Keyboard commands are actions on the widget class with
 * binding shortcuts, so that menus and the window can trigger them too.
 *
 * Each gesture handler only unpacks its event and calls a function that
 * the test entry points at the end call as well.
 */
#define G_LOG_DOMAIN "wm-canvas"

#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-canvas-private.h"
#include "wm-render.h"

#define HIT_TOLERANCE    5.0   /* pixels around a link or a container's frame that still hit it */
#define CONTAINER_TITLE 28.0   /* document units: the band at a container's top that grabs it */
#define WHEEL_STEP      48.0   /* pixels per click of a scroll wheel */
#define WHEEL_ZOOM       1.2   /* zoom factor per click of a scroll wheel with Ctrl */
#define KEY_PAN         40.0   /* pixels an arrow key pans when nothing is selected */
#define BEND_GRAB        8.0   /* pixels around a segment's middle that pull out a bend point */

/* Hit testing
 *
 * Candidates come from wm_render_query(), through the spatial index, so a
 * click or a rubber band costs what is near it; the shape checks below then
 * decide, topmost first. */

/* A link is hit near its line as its painter draws it; inside an end node
 * the node wins. */
static gboolean
link_hit (WmDiagram    *diagram,
          const WmItem *link,
          double        x,
          double        y,
          double        tolerance)
{
  WmItem *source = wm_diagram_lookup (diagram, link->source);
  WmItem *target = wm_diagram_lookup (diagram, link->target);
  cairo_surface_t *surface;
  cairo_t *cr;
  WmRect from, to;
  gboolean hit = FALSE;

  if (source == NULL || target == NULL)
    return FALSE;
  /* Where the painter puts the ends, which a layout may place. */
  wm_render_node_rect (diagram, source, &from);
  wm_render_node_rect (diagram, target, &to);
  if (wm_rect_contains (&from, x, y) || wm_rect_contains (&to, x, y))
    return FALSE;
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  if (wm_render_link_path (diagram, link, cr))
    {
      cairo_set_line_width (cr, 2 * tolerance);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      hit = cairo_in_stroke (cr, x, y);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return hit;
}

/* A container (a UML subject or package) is hit on its frame and title
 * only, so that a click inside it reaches empty space and can start a band. */
static gboolean
node_hit (const WmItem *node,
          double        x,
          double        y,
          double        tolerance)
{
  WmRect inner = node->bounds;

  if (!node->type->container)
    return TRUE;
  inner.x += tolerance;
  inner.width -= 2 * tolerance;
  inner.y += CONTAINER_TITLE;
  inner.height -= CONTAINER_TITLE + tolerance;
  return inner.width <= 0 || inner.height <= 0 || !wm_rect_contains (&inner, x, y);
}

WmItem *
_wm_canvas_hit (WmCanvas *self,
                double    x,
                double    y)
{
  g_autoptr(GPtrArray) near = NULL;
  double tolerance;

  if (self->diagram == NULL)
    return NULL;
  tolerance = HIT_TOLERANCE / wm_viewport_get_zoom (self->viewport);
  near = wm_render_query (self->diagram, &(WmRect) { x - tolerance, y - tolerance,
                                                     2 * tolerance, 2 * tolerance });
  for (guint i = near->len; i-- > 0;)
    {
      WmItem *item = g_ptr_array_index (near, i);
      WmRect extent;

      wm_render_item_extent (self->diagram, item, &extent);
      extent.x -= tolerance;
      extent.y -= tolerance;
      extent.width += 2 * tolerance;
      extent.height += 2 * tolerance;
      if (!wm_rect_contains (&extent, x, y))
        continue;
      if (wm_item_is_link (item) ? link_hit (self->diagram, item, x, y, tolerance)
                                 : node_hit (item, x, y, tolerance))
        return item;
    }
  return NULL;
}

/* Adds to @set the ids of the items whose ink lies wholly inside @band. */
static void
items_in_band (WmCanvas     *self,
               const WmRect *band,
               GHashTable   *set)
{
  g_autoptr(GPtrArray) near = wm_render_query (self->diagram, band);

  for (guint i = 0; i < near->len; i++)
    {
      WmItem *item = g_ptr_array_index (near, i);
      WmRect extent;

      wm_render_item_extent (self->diagram, item, &extent);
      if (extent.x >= band->x && extent.y >= band->y &&
          extent.x + extent.width <= band->x + band->width &&
          extent.y + extent.height <= band->y + band->height)
        g_hash_table_add (set, item->id);
    }
}

#define is_writable _wm_canvas_is_writable
#define break_merge _wm_canvas_break_merge

/* Clicks */

static void
select_only (WmCanvas   *self,
             const char *id)
{
  const char *ids[] = { id, NULL };

  wm_canvas_select (self, ids);
}

static void
press (WmCanvas        *self,
       double           x,
       double           y,
       GdkModifierType  state)
{
  WmItem *item;
  double dx, dy;

  g_clear_pointer (&self->pending_id, g_free);
  self->tool_press = FALSE;
  if (self->diagram == NULL || self->space_held)
    return;
  if (self->tool != NULL)
    {
      /* A node tool creates on the release of a click; a link tool drags. */
      self->tool_press = self->tool->kind == WM_ITEM_NODE;
      self->tool_x = x;
      self->tool_y = y;
      return;
    }
  /* A press on a handle keeps the selection whose handle it is. */
  if (_wm_canvas_handle_at (self, x, y, NULL) != WM_CANVAS_HANDLE_NONE)
    return;
  wm_viewport_widget_to_doc (self->viewport, x, y, &dx, &dy);
  item = _wm_canvas_hit (self, dx, dy);
  if (self->behavior != NULL && self->behavior->press != NULL &&
      self->behavior->press (self, item, dx, dy))
    return;
  if (item == NULL)
    {
      if (!(state & GDK_SHIFT_MASK))
        _wm_canvas_clear_selection (self);
    }
  else if (state & GDK_SHIFT_MASK)
    _wm_canvas_toggle_selected (self, item->id);
  else if (!_wm_canvas_is_selected (self, item->id))
    select_only (self, item->id);
  else
    /* It may be the start of a drag of the whole selection: wait. */
    self->pending_id = g_strdup (item->id);
}

static void
release (WmCanvas *self)
{
  g_autofree char *id = g_steal_pointer (&self->pending_id);

  if (self->tool_press && self->tool != NULL)
    {
      self->tool_press = FALSE;
      if (_wm_canvas_create_node_at (self, self->tool->id, self->tool_x, self->tool_y) != NULL)
        wm_canvas_set_tool (self, NULL);
    }
  else if (id != NULL)
    select_only (self, id);
}

/* A double-click on a bend point of a link removes it, in one undo step.
 * FALSE when @x, @y (document units) is on none of @link's bend points. */
static gboolean
remove_bend_at (WmCanvas     *self,
                const WmItem *link,
                double        x,
                double        y)
{
  double tolerance = HIT_TOLERANCE / wm_viewport_get_zoom (self->viewport);
  WmProject *project = wm_diagram_get_project (self->diagram);
  g_autofree WmPoint *rest = NULL;
  guint bend = G_MAXUINT;

  for (guint i = 0; i < link->n_points; i++)
    if (hypot (link->points[i].x - x, link->points[i].y - y) <= tolerance)
      bend = i;
  if (bend == G_MAXUINT)
    return FALSE;
  rest = g_new (WmPoint, link->n_points);
  for (guint i = 0, n = 0; i < link->n_points; i++)
    if (i != bend)
      rest[n++] = link->points[i];
  /* Reshapes of one link merge; each removal is a step of its own. */
  if (project != NULL)
    wm_project_break_merge (project);
  wm_diagram_set_points (self->diagram, link->id, rest, link->n_points - 1);
  if (project != NULL)
    wm_project_break_merge (project);
  return TRUE;
}

static void
activate (WmCanvas *self,
          double    x,
          double    y)
{
  WmItem *item;
  double dx, dy;

  if (self->tool != NULL || self->diagram == NULL)
    return;
  wm_viewport_widget_to_doc (self->viewport, x, y, &dx, &dy);
  item = _wm_canvas_hit (self, dx, dy);
  g_clear_pointer (&self->pending_id, g_free);
  if (item != NULL && wm_item_is_link (item) && is_writable (self) &&
      remove_bend_at (self, item, dx, dy))
    return;
  if (self->behavior != NULL && self->behavior->activate != NULL &&
      is_writable (self) && self->behavior->activate (self, item, dx, dy))
    return;
  if (item != NULL)
    _wm_canvas_begin_edit (self, item->id);
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  WmCanvas        *self)
{
  GtkEventController *controller = GTK_EVENT_CONTROLLER (gesture);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (n_press == 1)
    press (self, x, y, gtk_event_controller_get_current_event_state (controller));
}

/* The context menu */

GMenuModel *
_wm_canvas_popup_context_menu (WmCanvas *self,
                               double    x,
                               double    y,
                               double    doc_x,
                               double    doc_y,
                               gboolean  on_selection)
{
  if (self->diagram == NULL)
    return NULL;
  if (self->context_menu == NULL)
    self->context_menu = g_menu_new ();
  g_menu_remove_all (self->context_menu);
  self->context_x = doc_x;
  self->context_y = doc_y;
  if (self->behavior != NULL && self->behavior->populate_menu != NULL)
    self->behavior->populate_menu (self, self->context_menu, doc_x, doc_y);
  if (on_selection)
    _wm_canvas_append_selection_menu (self, self->context_menu);
  if (g_menu_model_get_n_items (G_MENU_MODEL (self->context_menu)) == 0)
    return NULL;
  if (self->context_popover == NULL)
    {
      self->context_popover =
        gtk_popover_menu_new_from_model (G_MENU_MODEL (self->context_menu));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_popover), FALSE);
      gtk_widget_set_halign (self->context_popover, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_popover, GTK_WIDGET (self));
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_popover),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_popover_popup (GTK_POPOVER (self->context_popover));
  return G_MENU_MODEL (self->context_menu);
}

static GMenuModel *
open_context_menu (WmCanvas *self,
                   double    x,
                   double    y)
{
  double dx, dy;
  WmItem *hit;

  if (self->diagram == NULL)
    return NULL;
  wm_viewport_widget_to_doc (self->viewport, x, y, &dx, &dy);
  /* The menu acts on the selection: an item clicked outside it becomes the
   * selection first, as in file managers; one inside it keeps the others. */
  hit = _wm_canvas_hit (self, dx, dy);
  if (hit != NULL && !_wm_canvas_is_selected (self, hit->id))
    wm_canvas_select (self, (const char *const[]) { hit->id, NULL });
  return _wm_canvas_popup_context_menu (self, x, y, dx, dy, hit != NULL);
}

static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      WmCanvas        *self)
{
  if (n_press == 1 && open_context_menu (self, x, y) != NULL)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   WmCanvas        *self)
{
  release (self);
  /* A double-click acts on its second release, not its press: an editor or
   * menu it opens must not appear while the button is still down, or the
   * press's implicit grab keeps the popover from taking the pointer and the
   * focus, and it closes at once (as it does on X11). */
  if (n_press == 2)
    activate (self, x, y);
}

/* Alignment guides
 *
 * While the selection moves, the left, centre and right of its box (and its
 * top, middle and bottom) snap onto the same lines of the other nodes in
 * view when they come within a few pixels, and the shared lines are drawn
 * until the drag ends. Only the visible nodes are candidates, so an update
 * costs what the view shows, not what the diagram holds. */

typedef struct
{
  double distance;   /* how far the nearest line is, G_MAXDOUBLE for none */
  double start;      /* where the box starts once aligned to it */
} Alignment;

/* The bounds of the moving nodes, as the model has them now. FALSE when
 * only links move, which have no box to align. */
static gboolean
moving_box (WmCanvas *self,
            WmRect   *box)
{
  gboolean found = FALSE;

  for (guint i = 0; self->drag.ids[i] != NULL; i++)
    {
      WmItem *item = wm_diagram_lookup (self->diagram, self->drag.ids[i]);

      if (item == NULL || !wm_item_is_node (item))
        continue;
      if (found)
        wm_rect_union (box, &item->bounds, box);
      else
        *box = item->bounds;
      found = TRUE;
    }
  return found;
}

/* Whether @item moves with the selection: it or a container of it is selected. */
static gboolean
moves_along (WmCanvas     *self,
             const WmItem *item)
{
  while (item != NULL)
    {
      if (_wm_canvas_is_selected (self, item->id))
        return TRUE;
      item = item->parent != NULL ? wm_diagram_lookup (self->diagram, item->parent) : NULL;
    }
  return FALSE;
}

/* The nodes in view that stay where they are while the selection moves. */
static GPtrArray *
still_nodes_in_view (WmCanvas *self)
{
  GPtrArray *nodes;
  WmRect visible;

  wm_viewport_get_visible (self->viewport, &visible);
  nodes = wm_diagram_query (self->diagram, &visible);
  for (guint i = nodes->len; i-- > 0;)
    {
      WmItem *item = g_ptr_array_index (nodes, i);

      if (!wm_item_is_node (item) || moves_along (self, item))
        g_ptr_array_remove_index_fast (nodes, i);
    }
  return nodes;
}

/* The left, centre and right of @rect if @vertical, else its top, middle
 * and bottom. */
static void
lines_of (const WmRect *rect,
          gboolean      vertical,
          double        lines[3])
{
  double start = vertical ? rect->x : rect->y;
  double size = vertical ? rect->width : rect->height;

  lines[0] = start;
  lines[1] = start + size / 2;
  lines[2] = start + size;
}

/* Keeps in @best the nearer of it and the alignments of @box with @other. */
static void
nearest_alignment (const WmRect *box,
                   const WmRect *other,
                   gboolean      vertical,
                   Alignment    *best)
{
  double mine[3], theirs[3];

  lines_of (box, vertical, mine);
  lines_of (other, vertical, theirs);
  for (int i = 0; i < 3; i++)
    if (fabs (theirs[i] - mine[i]) < best->distance)
      {
        best->distance = fabs (theirs[i] - mine[i]);
        /* The other's very line, so that the edges coincide exactly. */
        best->start = theirs[i] - (mine[i] - mine[0]);
      }
}

/* Extends the guides @slots (left, centre, right or top, middle, bottom) over
 * @other where its lines coincide with those of @box. */
static void
extend_guides (const WmRect  *box,
               const WmRect  *other,
               gboolean       vertical,
               WmCanvasGuide  slots[3],
               gboolean       found[3])
{
  double mine[3], theirs[3];
  double from = vertical ? other->y : other->x;
  double to = from + (vertical ? other->height : other->width);

  lines_of (box, vertical, mine);
  lines_of (other, vertical, theirs);
  for (int i = 0; i < 3; i++)
    {
      if (fabs (theirs[i] - mine[i]) > 1e-6)
        continue;
      found[i] = TRUE;
      slots[i].vertical = vertical;
      slots[i].pos = mine[i];
      slots[i].from = MIN (slots[i].from, from);
      slots[i].to = MAX (slots[i].to, to);
    }
}

/* Remembers the guides between the moved box and the still nodes @others. */
static void
update_guides (WmCanvas  *self,
               GPtrArray *others)
{
  WmCanvasDrag *drag = &self->drag;
  WmCanvasGuide slots[WM_CANVAS_MAX_GUIDES];
  gboolean found[WM_CANVAS_MAX_GUIDES] = { FALSE, };
  guint before = drag->n_guides;
  WmRect box;

  drag->n_guides = 0;
  if (!moving_box (self, &box))
    return;
  for (guint i = 0; i < WM_CANVAS_MAX_GUIDES; i++)
    {
      gboolean vertical = i < 3;

      slots[i].from = vertical ? box.y : box.x;
      slots[i].to = slots[i].from + (vertical ? box.height : box.width);
    }
  for (guint i = 0; i < others->len; i++)
    {
      const WmItem *other = g_ptr_array_index (others, i);

      extend_guides (&box, &other->bounds, TRUE, slots, found);
      extend_guides (&box, &other->bounds, FALSE, slots + 3, found + 3);
    }
  for (guint i = 0; i < WM_CANVAS_MAX_GUIDES; i++)
    if (found[i])
      drag->guides[drag->n_guides++] = slots[i];
  if (before > 0 || drag->n_guides > 0)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Aligns the move (offsets from the drag's start, in document units) with
 * the nearest lines of @others within the tolerance, axis by axis. */
static void
align_move (WmCanvas  *self,
            GPtrArray *others,
            double     raw_x,
            double     raw_y,
            Alignment *x,
            Alignment *y)
{
  double tolerance = WM_CANVAS_GUIDE_TOLERANCE / wm_viewport_get_zoom (self->viewport);
  WmRect box = self->drag.box;

  box.x += raw_x;
  box.y += raw_y;
  *x = *y = (Alignment) { G_MAXDOUBLE, 0 };
  for (guint i = 0; i < others->len; i++)
    {
      const WmItem *other = g_ptr_array_index (others, i);

      nearest_alignment (&box, &other->bounds, TRUE, x);
      nearest_alignment (&box, &other->bounds, FALSE, y);
    }
  if (x->distance > tolerance)
    x->distance = G_MAXDOUBLE;
  if (y->distance > tolerance)
    y->distance = G_MAXDOUBLE;
}

/* Dragging */

static void
move_selection (WmCanvas *self)
{
  WmCanvasDrag *drag = &self->drag;
  double zoom = wm_viewport_get_zoom (self->viewport);
  double raw_x = drag->offset_x / zoom, raw_y = drag->offset_y / zoom;
  double want_x = raw_x, want_y = raw_y, dx, dy;
  g_autoptr(GPtrArray) others = NULL;
  Alignment align_x = { G_MAXDOUBLE, 0 }, align_y = { G_MAXDOUBLE, 0 };
  WmRect now;

  if (self->snap)
    {
      double grid = self->grid_size;

      /* The grabbed item's corner lands on the grid. */
      want_x = round ((drag->anchor_x + want_x) / grid) * grid - drag->anchor_x;
      want_y = round ((drag->anchor_y + want_y) / grid) * grid - drag->anchor_y;
    }
  if (drag->has_box)
    {
      /* Alignment beats the grid on its axis. */
      others = still_nodes_in_view (self);
      align_move (self, others, raw_x, raw_y, &align_x, &align_y);
      if (align_x.distance != G_MAXDOUBLE)
        want_x = align_x.start - drag->box.x;
      if (align_y.distance != G_MAXDOUBLE)
        want_y = align_y.start - drag->box.y;
    }
  if (want_x == drag->applied_x && want_y == drag->applied_y)
    return;
  /* The delta since the last update: the model merges consecutive moves of
   * the same items into one undo step. An aligned axis moves from where the
   * box really is, so that its line lands exactly on the other's. */
  dx = want_x - drag->applied_x;
  dy = want_y - drag->applied_y;
  if ((align_x.distance != G_MAXDOUBLE || align_y.distance != G_MAXDOUBLE) &&
      moving_box (self, &now))
    {
      if (align_x.distance != G_MAXDOUBLE)
        dx = align_x.start - now.x;
      if (align_y.distance != G_MAXDOUBLE)
        dy = align_y.start - now.y;
    }
  wm_diagram_move_items (self->diagram, (const char *const *) drag->ids, dx, dy);
  drag->applied_x = want_x;
  drag->applied_y = want_y;
  if (others != NULL)
    update_guides (self, others);
}

/* Bend points
 *
 * A drag from the middle of a link's segment pulls a new bend point out of
 * it, which follows the pointer until the drop: one undo step. Not for a
 * painter that routes links its own way (a Value Proposition Canvas's
 * fits), which would not show the point. */

/* The points of a path made of one move and lines, or NULL for any other. */
static GArray *
polyline_of (cairo_path_t *path)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (WmPoint));

  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      cairo_path_data_t *data = &path->data[i];

      if (data->header.type == CAIRO_PATH_CLOSE_PATH ||
          (data->header.type == CAIRO_PATH_MOVE_TO) != (i == 0))
        {
          g_array_unref (points);
          return NULL;
        }
      g_array_append_val (points, ((WmPoint) { data[1].point.x, data[1].point.y }));
    }
  return points;
}

WmPoint *
_wm_canvas_bend_route (WmDiagram    *diagram,
                       const WmItem *link)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) drawn = NULL;
  g_autofree WmPoint *route = NULL;
  guint n = link->n_points + 2;

  if (!wm_render_routes_links (diagram) && wm_render_link_path (diagram, link, cr))
    {
      cairo_path_t *path = cairo_copy_path_flat (cr);

      if (path->status == CAIRO_STATUS_SUCCESS)
        drawn = polyline_of (path);
      cairo_path_destroy (path);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (drawn == NULL || drawn->len < 2)
    return NULL;
  route = g_new (WmPoint, n);
  route[0] = g_array_index (drawn, WmPoint, 0);
  if (link->n_points > 0)
    memcpy (route + 1, link->points, sizeof (WmPoint) * link->n_points);
  route[n - 1] = g_array_index (drawn, WmPoint, drawn->len - 1);
  return g_steal_pointer (&route);
}

/* The segment of @link whose middle is nearest document point (x, y),
 * within BEND_GRAB pixels: @index is then where a bend point there goes
 * among the link's points. */
static gboolean
segment_middle_at (WmCanvas     *self,
                   const WmItem *link,
                   double        x,
                   double        y,
                   guint        *index)
{
  double best = BEND_GRAB / wm_viewport_get_zoom (self->viewport);
  g_autofree WmPoint *route = NULL;
  gboolean found = FALSE;

  if (link->n_points >= WM_LIMIT_POINTS)
    return FALSE;
  route = _wm_canvas_bend_route (self->diagram, link);
  for (guint i = 0; route != NULL && i <= link->n_points; i++)
    {
      double distance = hypot ((route[i].x + route[i + 1].x) / 2 - x,
                               (route[i].y + route[i + 1].y) / 2 - y);

      if (distance <= best)
        {
          best = distance;
          *index = i;
          found = TRUE;
        }
    }
  return found;
}

/* A drag from the middle of a segment of @item, pressed at document point
 * (x, y): inserts a bend point there. FALSE if it is not one. */
static gboolean
begin_bend (WmCanvas *self,
            WmItem   *item,
            double    x,
            double    y)
{
  g_autofree WmPoint *points = NULL;
  guint index;

  if (item == NULL || !wm_item_is_link (item) || !is_writable (self) ||
      !segment_middle_at (self, item, x, y, &index))
    return FALSE;
  points = g_new (WmPoint, item->n_points + 1);
  for (guint i = 0, n = 0; i <= item->n_points; i++)
    points[i] = i == index ? (WmPoint) { x, y } : item->points[n++];
  /* A new drag is a new undo step, even of the same link; the moves of the
   * point that follow merge into it. */
  break_merge (self);
  if (!wm_diagram_set_points (self->diagram, item->id, points, item->n_points + 1))
    return FALSE;
  self->drag.mode = WM_CANVAS_DRAG_BEND;
  self->drag.source_id = g_strdup (item->id);
  self->drag.bend = index;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  return TRUE;
}

/* The new bend point follows the pointer, on the grid when snapping. */
static void
move_bend (WmCanvas *self)
{
  WmCanvasDrag *drag = &self->drag;
  WmItem *link = wm_diagram_lookup (self->diagram, drag->source_id);
  g_autofree WmPoint *points = NULL;
  double x, y;

  if (link == NULL || drag->bend >= link->n_points)
    return;
  wm_viewport_widget_to_doc (self->viewport, drag->start_x + drag->offset_x,
                             drag->start_y + drag->offset_y, &x, &y);
  if (self->snap)
    {
      x = round (x / self->grid_size) * self->grid_size;
      y = round (y / self->grid_size) * self->grid_size;
    }
  if (link->points[drag->bend].x == x && link->points[drag->bend].y == y)
    return;
  points = g_memdup2 (link->points, sizeof (WmPoint) * link->n_points);
  points[drag->bend] = (WmPoint) { x, y };
  wm_diagram_set_points (self->diagram, link->id, points, link->n_points);
}

static void
begin_connect (WmCanvas         *self,
               const WmItem     *source,
               const WmItemType *link_type)
{
  self->drag.mode = WM_CANVAS_DRAG_CONNECT;
  self->drag.source_id = g_strdup (source->id);
  self->drag.link_type = link_type;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
}

/* A drag with a tool, from a handle or with Alt: TRUE if it is one. */
static gboolean
choose_tool_drag (WmCanvas *self,
                  WmItem   *item)
{
  WmCanvasDrag *drag = &self->drag;
  WmItem *node = _wm_canvas_single_node (self);

  if (self->tool != NULL)
    {
      drag->mode = WM_CANVAS_DRAG_NONE;
      if (self->tool->kind == WM_ITEM_LINK && item != NULL && wm_item_is_node (item) &&
          is_writable (self))
        begin_connect (self, item, self->tool);
      return TRUE;
    }
  switch (_wm_canvas_handle_at (self, drag->start_x, drag->start_y, &drag->edges))
    {
    case WM_CANVAS_HANDLE_RESIZE:
      drag->mode = WM_CANVAS_DRAG_RESIZE;
      drag->source_id = g_strdup (node->id);
      _wm_canvas_node_rect (self, node, &drag->original);
      /* A new drag is a new undo step, even of the same node. */
      break_merge (self);
      return TRUE;
    case WM_CANVAS_HANDLE_CONNECT:
      begin_connect (self, node, NULL);
      return TRUE;
    case WM_CANVAS_HANDLE_NONE:
    default:
      break;
    }
  if (drag->connect && item != NULL && wm_item_is_node (item) && is_writable (self))
    {
      begin_connect (self, item, NULL);
      return TRUE;
    }
  return FALSE;
}

/* Past the drag threshold: decide what the drag does from where it began. */
static void
choose_drag_mode (WmCanvas *self)
{
  WmCanvasDrag *drag = &self->drag;
  WmItem *item;
  double x, y;

  g_clear_pointer (&self->pending_id, g_free);
  self->tool_press = FALSE;
  wm_viewport_widget_to_doc (self->viewport, drag->start_x, drag->start_y, &x, &y);
  item = _wm_canvas_hit (self, x, y);
  if (choose_tool_drag (self, item))
    return;
  if (self->behavior != NULL && self->behavior->drag_begin != NULL && is_writable (self) &&
      self->behavior->drag_begin (self, item, x, y))
    {
      drag->mode = WM_CANVAS_DRAG_CUSTOM;
      return;
    }
  if (begin_bend (self, item, x, y))
    return;
  if (item == NULL)
    drag->mode = WM_CANVAS_DRAG_BAND;
  else if (_wm_canvas_is_selected (self, item->id) && is_writable (self))
    {
      WmRect extent;

      if (wm_item_is_node (item))
        extent = item->bounds;
      else
        wm_render_item_extent (self->diagram, item, &extent);
      drag->mode = WM_CANVAS_DRAG_MOVE;
      drag->anchor_x = extent.x;
      drag->anchor_y = extent.y;
      drag->ids = wm_canvas_get_selection (self);
      drag->has_box = moving_box (self, &drag->box);
      /* A new drag is a new undo step, even of the same items. */
      break_merge (self);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "move");
    }
  else
    drag->mode = WM_CANVAS_DRAG_NONE;
}

static void
drag_begin (WmCanvas        *self,
            double           x,
            double           y,
            GdkModifierType  state)
{
  _wm_canvas_drag_done (self);
  if (self->diagram == NULL)
    return;
  self->drag = (WmCanvasDrag) { .mode = WM_CANVAS_DRAG_PENDING, .start_x = x, .start_y = y,
                                .extend = (state & GDK_SHIFT_MASK) != 0,
                                .connect = (state & GDK_ALT_MASK) != 0 };
  if (self->space_held)
    {
      self->drag.mode = WM_CANVAS_DRAG_PAN;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
}

static void
drag_update (WmCanvas *self,
             double    offset_x,
             double    offset_y)
{
  WmCanvasDrag *drag = &self->drag;
  double last_x = drag->offset_x, last_y = drag->offset_y;

  drag->offset_x = offset_x;
  drag->offset_y = offset_y;
  if (drag->mode == WM_CANVAS_DRAG_PENDING &&
      gtk_drag_check_threshold (GTK_WIDGET (self), drag->start_x, drag->start_y,
                                drag->start_x + offset_x, drag->start_y + offset_y))
    choose_drag_mode (self);

  switch (drag->mode)
    {
    case WM_CANVAS_DRAG_MOVE:
      move_selection (self);
      break;
    case WM_CANVAS_DRAG_BEND:
      move_bend (self);
      break;
    case WM_CANVAS_DRAG_BAND:
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case WM_CANVAS_DRAG_PAN:
      _wm_canvas_scroll_by (self, last_x - offset_x, last_y - offset_y);
      break;
    case WM_CANVAS_DRAG_CONNECT:
    case WM_CANVAS_DRAG_RESIZE:
      _wm_canvas_tools_drag_update (self);
      break;
    case WM_CANVAS_DRAG_CUSTOM:
      {
        double x, y;

        wm_viewport_widget_to_doc (self->viewport, drag->start_x + offset_x,
                                   drag->start_y + offset_y, &x, &y);
        if (self->behavior->drag_update != NULL)
          self->behavior->drag_update (self, x, y);
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;
    case WM_CANVAS_DRAG_NONE:
    case WM_CANVAS_DRAG_PENDING:
    default:
      break;
    }
}

static void
select_band (WmCanvas *self)
{
  g_autoptr(GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);
  WmCanvasDrag *drag = &self->drag;
  double x1, y1, x2, y2;
  WmRect band;

  wm_viewport_widget_to_doc (self->viewport, drag->start_x, drag->start_y, &x1, &y1);
  wm_viewport_widget_to_doc (self->viewport, drag->start_x + drag->offset_x,
                             drag->start_y + drag->offset_y, &x2, &y2);
  band = (WmRect) { MIN (x1, x2), MIN (y1, y2), fabs (x2 - x1), fabs (y2 - y1) };
  if (drag->extend)
    {
      GHashTableIter iter;
      gpointer id;

      g_hash_table_iter_init (&iter, self->selection);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        g_hash_table_add (set, id);
    }
  items_in_band (self, &band, set);
  _wm_canvas_set_selection (self, set);
}

static void
drag_end (WmCanvas *self,
          double    offset_x,
          double    offset_y)
{
  drag_update (self, offset_x, offset_y);
  if (self->drag.mode == WM_CANVAS_DRAG_BAND)
    select_band (self);
  else if (self->drag.mode == WM_CANVAS_DRAG_MOVE)
    {
      if (self->behavior != NULL && self->behavior->moved != NULL &&
          (self->drag.applied_x != 0 || self->drag.applied_y != 0))
        self->behavior->moved (self, (const char *const *) self->drag.ids);
      break_merge (self);
    }
  else if (self->drag.mode == WM_CANVAS_DRAG_BEND)
    /* The drop wrote where the point stays; the next reshape is a new step. */
    break_merge (self);
  else if (self->drag.mode == WM_CANVAS_DRAG_CUSTOM)
    {
      double x, y;

      wm_viewport_widget_to_doc (self->viewport, self->drag.start_x + offset_x,
                                 self->drag.start_y + offset_y, &x, &y);
      /* Ended here, so that drag_done does not cancel it. */
      self->drag.mode = WM_CANVAS_DRAG_PENDING;
      if (self->behavior->drag_end != NULL)
        self->behavior->drag_end (self, x, y, FALSE);
      break_merge (self);
    }
  else if (self->drag.mode == WM_CANVAS_DRAG_RESIZE && self->drag.source_id != NULL &&
           self->behavior != NULL && self->behavior->moved != NULL)
    {
      const char *ids[] = { self->drag.source_id, NULL };

      /* A resize is a move of some edges: what holds the node may grow. */
      self->behavior->moved (self, ids);
      _wm_canvas_tools_drag_end (self);
    }
  else
    _wm_canvas_tools_drag_end (self);
  _wm_canvas_drag_done (self);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               WmCanvas       *self)
{
  drag_begin (self, x, y,
              gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture)));
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                WmCanvas       *self)
{
  WmCanvasDragMode before = self->drag.mode;

  drag_update (self, offset_x, offset_y);
  /* Once it is a real drag, the click gesture must not see a release. */
  if (before == WM_CANVAS_DRAG_PENDING && self->drag.mode != WM_CANVAS_DRAG_PENDING)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             WmCanvas       *self)
{
  drag_end (self, offset_x, offset_y);
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                WmCanvas         *self)
{
  if (self->drag.mode == WM_CANVAS_DRAG_MOVE || self->drag.mode == WM_CANVAS_DRAG_RESIZE ||
      self->drag.mode == WM_CANVAS_DRAG_BEND)
    break_merge (self);
  _wm_canvas_drag_done (self);
}

/* Panning with the middle button */

static void
on_pan_begin (GtkGestureDrag *gesture,
              double          x,
              double          y,
              WmCanvas       *self)
{
  self->pan_x = 0;
  self->pan_y = 0;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
on_pan_update (GtkGestureDrag *gesture,
               double          offset_x,
               double          offset_y,
               WmCanvas       *self)
{
  _wm_canvas_scroll_by (self, self->pan_x - offset_x, self->pan_y - offset_y);
  self->pan_x = offset_x;
  self->pan_y = offset_y;
}

static void
on_pan_end (GtkGestureDrag *gesture,
            double          offset_x,
            double          offset_y,
            WmCanvas       *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->space_held ? "grab" : NULL);
}

/* Scrolling and zooming */

static void
scroll (WmCanvas        *self,
        double           x,
        double           y,
        double           dx,
        double           dy,
        GdkModifierType  state,
        gboolean         wheel)
{
  if (state & GDK_CONTROL_MASK)
    {
      double factor = wheel ? pow (WHEEL_ZOOM, -dy) : exp (-dy / 100);

      wm_viewport_zoom_at (self->viewport, factor, x, y);
      return;
    }
  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  if (wheel)
    {
      dx *= WHEEL_STEP;
      dy *= WHEEL_STEP;
    }
  _wm_canvas_scroll_by (self, dx, dy);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           WmCanvas                 *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  scroll (self, self->pointer_x, self->pointer_y, dx, dy, state,
          gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL);
  return GDK_EVENT_STOP;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           WmCanvas                 *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                WmCanvas         *self)
{
  double x, y;

  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_gesture_get_bounding_box_center (gesture, &x, &y);
  self->pinch_zoom = wm_viewport_get_zoom (self->viewport);
  wm_viewport_widget_to_doc (self->viewport, x, y, &self->pinch_doc_x, &self->pinch_doc_y);
}

static void
on_pinch_scale_changed (GtkGestureZoom *gesture,
                        double          scale,
                        WmCanvas       *self)
{
  double x, y, zoom;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  /* The document point between the fingers follows them as they move. */
  g_object_freeze_notify (G_OBJECT (self->viewport));
  wm_viewport_set_zoom (self->viewport, self->pinch_zoom * scale);
  zoom = wm_viewport_get_zoom (self->viewport);
  wm_viewport_set_origin (self->viewport, self->pinch_doc_x - x / zoom,
                          self->pinch_doc_y - y / zoom);
  g_object_thaw_notify (G_OBJECT (self->viewport));
}

/* Space held down turns a primary drag into panning. */

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WmCanvas              *self)
{
  if (keyval != GDK_KEY_space || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;
  if (!self->space_held && self->drag.mode == WM_CANVAS_DRAG_NONE)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
  self->space_held = TRUE;
  return GDK_EVENT_STOP;
}

static void
space_up (WmCanvas *self)
{
  if (!self->space_held)
    return;
  self->space_held = FALSE;
  if (self->drag.mode == WM_CANVAS_DRAG_NONE)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
}

static void
on_key_released (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 WmCanvas              *self)
{
  if (keyval == GDK_KEY_space)
    space_up (self);
}

void
_wm_canvas_init_input (WmCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *secondary = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *pan = gtk_gesture_drag_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkEventController *wheel =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (secondary));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (pan), GDK_BUTTON_MIDDLE);
  g_signal_connect (pan, "drag-begin", G_CALLBACK (on_pan_begin), self);
  g_signal_connect (pan, "drag-update", G_CALLBACK (on_pan_update), self);
  g_signal_connect (pan, "drag-end", G_CALLBACK (on_pan_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pan));

  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));

  g_signal_connect (wheel, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, wheel);

  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (widget, motion);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  g_signal_connect (keys, "key-released", G_CALLBACK (on_key_released), self);
  gtk_widget_add_controller (widget, keys);

  /* A Space released elsewhere must not leave the canvas panning. */
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (space_up), self);
  gtk_widget_add_controller (widget, focus);
  _wm_canvas_init_keys (self);
}

/* Actions */

static const double zoom_levels[] = {
  0.02, 0.05, 0.1, 0.25, 1.0 / 3, 0.5, 2.0 / 3, 0.8, 1, 1.25, 1.5, 2, 3, 4, 6, 8,
};

static double
next_zoom_level (double zoom,
                 int    direction)
{
  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
        if (zoom_levels[i] > zoom * 1.001)
          return zoom_levels[i];
      return WM_VIEWPORT_MAX_ZOOM;
    }
  for (guint i = G_N_ELEMENTS (zoom_levels); i-- > 0;)
    if (zoom_levels[i] < zoom / 1.001)
      return zoom_levels[i];
  return WM_VIEWPORT_MIN_ZOOM;
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  double zoom = wm_viewport_get_zoom (self->viewport);

  wm_viewport_set_zoom (self->viewport, next_zoom_level (zoom, 1));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  double zoom = wm_viewport_get_zoom (self->viewport);

  wm_viewport_set_zoom (self->viewport, next_zoom_level (zoom, -1));
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  wm_viewport_set_zoom (WM_CANVAS (widget)->viewport, 1.0);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  wm_canvas_zoom_to_fit (WM_CANVAS (widget));
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  wm_canvas_select_all (WM_CANVAS (widget));
}

static void
select_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);

  /* Escape first puts a creating tool down. */
  if (self->tool != NULL)
    wm_canvas_set_tool (self, NULL);
  else
    _wm_canvas_clear_selection (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  g_auto(GStrv) ids = wm_canvas_get_selection (self);

  /* A copy: removing the items changes the selection. */
  if (self->diagram != NULL && ids[0] != NULL)
    wm_diagram_remove_items (self->diagram, (const char *const *) ids);
}

static void
nudge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  const char *const *ids;
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  if (self->diagram == NULL)
    return;
  /* The cached ids: a held arrow key allocates nothing per repeat. */
  ids = _wm_canvas_get_selection_ids (self);
  /* With nothing to move, the arrows look around instead. */
  if (ids[0] == NULL)
    _wm_canvas_scroll_by (self, dx * KEY_PAN, dy * KEY_PAN);
  else if (is_writable (self))
    wm_diagram_move_items (self->diagram, ids, dx, dy);
}

void
_wm_canvas_update_actions (WmCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double zoom = wm_viewport_get_zoom (self->viewport);
  gboolean has_diagram = self->diagram != NULL;
  gboolean has_selection = g_hash_table_size (self->selection) > 0;

  gtk_widget_action_set_enabled (widget, "canvas.zoom-in",
                                 has_diagram && zoom < WM_VIEWPORT_MAX_ZOOM);
  gtk_widget_action_set_enabled (widget, "canvas.zoom-out",
                                 has_diagram && zoom > WM_VIEWPORT_MIN_ZOOM);
  gtk_widget_action_set_enabled (widget, "canvas.zoom-reset", has_diagram);
  gtk_widget_action_set_enabled (widget, "canvas.zoom-fit", has_diagram);
  gtk_widget_action_set_enabled (widget, "canvas.select-all",
                                 has_diagram && wm_diagram_get_n_items (self->diagram) > 0);
  gtk_widget_action_set_enabled (widget, "canvas.select-none", has_selection || self->tool != NULL);
  gtk_widget_action_set_enabled (widget, "canvas.edit", has_selection && is_writable (self));
  gtk_widget_action_set_enabled (widget, "canvas.delete", has_selection && is_writable (self));
  gtk_widget_action_set_enabled (widget, "canvas.nudge", has_diagram);
  _wm_canvas_update_key_actions (self);
}

static void
add_nudge_binding (GtkWidgetClass *widget_class,
                   guint           keyval,
                   guint           keypad_keyval,
                   double          dx,
                   double          dy)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, "canvas.nudge", "(dd)", dx, dy);
  gtk_widget_class_add_binding_action (widget_class, keypad_keyval, 0, "canvas.nudge", "(dd)",
                                       dx, dy);
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_SHIFT_MASK, "canvas.nudge",
                                       "(dd)", dx * 10, dy * 10);
  gtk_widget_class_add_binding_action (widget_class, keypad_keyval, GDK_SHIFT_MASK,
                                       "canvas.nudge", "(dd)", dx * 10, dy * 10);
}

void
_wm_canvas_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-none", NULL, select_none_action);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_action);
  /* (dx, dy) in document units. */
  gtk_widget_class_install_action (widget_class, "canvas.nudge", "(dd)", nudge_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "canvas.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "canvas.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK,
                                       "canvas.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "canvas.select-none", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete", NULL);

  add_nudge_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0);
  add_nudge_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0);
  add_nudge_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1);
  add_nudge_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1);
  _wm_canvas_class_init_keys (widget_class);
}

/* Test entry points */

void
_wm_canvas_test_double_click (WmCanvas *self,
                              double    x,
                              double    y)
{
  press (self, x, y, 0);
  release (self);
  activate (self, x, y);
}

GMenuModel *
_wm_canvas_test_context_menu (WmCanvas *self,
                              double    x,
                              double    y)
{
  return open_context_menu (self, x, y);
}

void
_wm_canvas_test_click (WmCanvas        *self,
                       double           x,
                       double           y,
                       GdkModifierType  state)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  press (self, x, y, state);
  release (self);
}

void
_wm_canvas_test_drag (WmCanvas        *self,
                      double           x,
                      double           y,
                      double           dx,
                      double           dy,
                      GdkModifierType  state)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  _wm_canvas_test_drag_to (self, x, y, dx, dy, state);
  _wm_canvas_test_drag_release (self, dx, dy);
}

void
_wm_canvas_test_drag_to (WmCanvas        *self,
                         double           x,
                         double           y,
                         double           dx,
                         double           dy,
                         GdkModifierType  state)
{
  const int steps = 8;

  g_return_if_fail (WM_IS_CANVAS (self));

  /* As the two gestures see a real drag: a press, then motion in steps. */
  press (self, x, y, state);
  drag_begin (self, x, y, state);
  for (int i = 1; i <= steps; i++)
    drag_update (self, dx * i / steps, dy * i / steps);
}

void
_wm_canvas_test_drag_motion (WmCanvas *self,
                             double    dx,
                             double    dy)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  drag_update (self, dx, dy);
}

void
_wm_canvas_test_drag_release (WmCanvas *self,
                              double    dx,
                              double    dy)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  drag_end (self, dx, dy);
  if (self->pending_id != NULL)
    release (self);
}

void
_wm_canvas_test_scroll (WmCanvas        *self,
                        double           x,
                        double           y,
                        double           dx,
                        double           dy,
                        GdkModifierType  state)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  scroll (self, x, y, dx, dy, state, TRUE);
}
