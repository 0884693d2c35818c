/* test-index.c — the spatial index agrees with a scan of every item
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * wm_diagram_query(), wm_diagram_hit() and wm_diagram_links_of() are
 * compared with brute-force scans of the diagram in z-order, on fixed cases
 * and after hundreds of random edits, undos and redos; so is the index's
 * list of each container's children, which moves of containers use.
 */
#include "config.h"

#include "wm-diagram-private.h"
#include "wm-test-util.h"

#define N_EDITS 600

/* Brute force */

static void
extend (double box[4],
        double x,
        double y)
{
  box[0] = MIN (box[0], x);
  box[1] = MIN (box[1], y);
  box[2] = MAX (box[2], x);
  box[3] = MAX (box[3], y);
}

/* A node's bounds; the box spanned by a link's end nodes and waypoints. */
static gboolean
geometry_of (WmDiagram    *diagram,
             const WmItem *item,
             WmRect       *geometry)
{
  double box[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  const char *ends[] = { item->source, item->target };
  gboolean any = item->n_points > 0;

  if (wm_item_is_node (item))
    {
      *geometry = item->bounds;
      return TRUE;
    }
  for (guint i = 0; i < 2; i++)
    {
      WmItem *end = wm_diagram_lookup (diagram, ends[i]);

      if (end == NULL)
        continue;
      extend (box, end->bounds.x, end->bounds.y);
      extend (box, end->bounds.x + end->bounds.width, end->bounds.y + end->bounds.height);
      any = TRUE;
    }
  for (guint i = 0; i < item->n_points; i++)
    extend (box, item->points[i].x, item->points[i].y);
  *geometry = (WmRect) { box[0], box[1], box[2] - box[0], box[3] - box[1] };
  return any;
}

static GPtrArray *
scan_query (WmDiagram    *diagram,
            const WmRect *rect)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      WmRect geometry;

      if (geometry_of (diagram, item, &geometry) && wm_rect_intersects (&geometry, rect))
        g_ptr_array_add (found, item);
    }
  return found;
}

static WmPoint
centre (const WmItem *node)
{
  return (WmPoint) { node->bounds.x + node->bounds.width / 2,
                     node->bounds.y + node->bounds.height / 2 };
}

/* The points of a link's line: source centre, waypoints, target centre. */
static GArray *
link_line (WmDiagram    *diagram,
           const WmItem *link)
{
  GArray *line = g_array_new (FALSE, FALSE, sizeof (WmPoint));
  WmItem *source = wm_diagram_lookup (diagram, link->source);
  WmItem *target = wm_diagram_lookup (diagram, link->target);
  WmPoint point;

  if (source != NULL)
    {
      point = centre (source);
      g_array_append_val (line, point);
    }
  g_array_append_vals (line, link->points, link->n_points);
  if (target != NULL)
    {
      point = centre (target);
      g_array_append_val (line, point);
    }
  return line;
}

static double
segment_distance2 (double  x,
                   double  y,
                   WmPoint a,
                   WmPoint b)
{
  double dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy, t = 0;

  if (length2 > 0)
    t = CLAMP (((x - a.x) * dx + (y - a.y) * dy) / length2, 0, 1);
  dx = a.x + t * dx - x;
  dy = a.y + t * dy - y;
  return dx * dx + dy * dy;
}

static gboolean
line_is_near (GArray *line,
              double  x,
              double  y,
              double  tolerance)
{
  for (guint i = 0; i < line->len; i++)
    {
      WmPoint a = g_array_index (line, WmPoint, i > 0 ? i - 1 : 0);

      if (segment_distance2 (x, y, a, g_array_index (line, WmPoint, i)) <= tolerance * tolerance)
        return TRUE;
    }
  return FALSE;
}

static WmItem *
scan_hit (WmDiagram *diagram,
          double     x,
          double     y,
          double     tolerance)
{
  for (guint i = wm_diagram_get_n_items (diagram); i > 0; i--)
    {
      WmItem *item = wm_diagram_get_item (diagram, i - 1);

      if (wm_item_is_node (item))
        {
          if (wm_rect_contains (&item->bounds, x, y))
            return item;
        }
      else
        {
          g_autoptr(GArray) line = link_line (diagram, item);

          if (line_is_near (line, x, y, tolerance))
            return item;
        }
    }
  return NULL;
}

static GPtrArray *
scan_links_of (WmDiagram  *diagram,
               const char *id)
{
  GPtrArray *links = g_ptr_array_new ();

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (wm_item_is_link (item) &&
          (g_str_equal (item->source, id) || g_str_equal (item->target, id)))
        g_ptr_array_add (links, item);
    }
  return links;
}

/* Comparing */

static void
assert_same_items (GPtrArray *found,
                   GPtrArray *expected)
{
  g_assert_cmpuint (found->len, ==, expected->len);
  for (guint i = 0; i < found->len; i++)
    g_assert_true (g_ptr_array_index (found, i) == g_ptr_array_index (expected, i));
  for (guint i = 1; i < found->len; i++)
    g_assert_cmpuint (((WmItem *) g_ptr_array_index (found, i - 1))->z, <,
                      ((WmItem *) g_ptr_array_index (found, i))->z);
}

static void
assert_query (WmDiagram    *diagram,
              const WmRect *rect)
{
  g_autoptr(GPtrArray) found = wm_diagram_query (diagram, rect);
  g_autoptr(GPtrArray) expected = scan_query (diagram, rect);

  assert_same_items (found, expected);
}

static void
assert_hit (WmDiagram *diagram,
            double     x,
            double     y,
            double     tolerance)
{
  g_assert_true (wm_diagram_hit (diagram, x, y, tolerance) == scan_hit (diagram, x, y, tolerance));
}

static void
assert_links_of (WmDiagram  *diagram,
                 const char *id)
{
  g_autoptr(GPtrArray) found = wm_diagram_links_of (diagram, id);
  g_autoptr(GPtrArray) expected = scan_links_of (diagram, id);

  assert_same_items (found, expected);
}

/* Helpers */

static WmDiagram *
new_diagram (WmProject *project)
{
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (project, "use-case", NULL, &error);

  g_assert_no_error (error);
  return diagram;
}

static WmItem *
add_node (WmDiagram  *diagram,
          const char *type,
          double      x,
          double      y,
          double      width,
          double      height)
{
  return wm_test_add_node (diagram, type, &(WmRect) { x, y, width, height }, NULL);
}

static guint
query_count (WmDiagram *diagram,
             double     x,
             double     y,
             double     width,
             double     height)
{
  WmRect rect = { x, y, width, height };
  g_autoptr(GPtrArray) found = wm_diagram_query (diagram, &rect);

  assert_query (diagram, &rect);
  return found->len;
}

/* Fixed cases */

static void
test_empty (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *node;
  const char *ids[2] = { NULL, NULL };

  g_assert_cmpuint (query_count (diagram, -1e6, -1e6, 2e6, 2e6), ==, 0);
  g_assert_null (wm_diagram_hit (diagram, 0, 0, 10));
  assert_links_of (diagram, "nothing");

  /* Empty again once its only item has gone. */
  node = add_node (diagram, "use-case", 0, 0, 100, 50);
  g_assert_true (wm_diagram_hit (diagram, 10, 10, 0) == node);
  ids[0] = node->id;
  wm_diagram_remove_items (diagram, ids);
  g_assert_cmpuint (query_count (diagram, -1e6, -1e6, 2e6, 2e6), ==, 0);
  g_assert_null (wm_diagram_hit (diagram, 10, 10, 10));
}

static void
test_z_order (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *a = add_node (diagram, "use-case", 0, 0, 200, 100);
  WmItem *b = add_node (diagram, "use-case", 2000, 0, 200, 100);
  WmItem *c = add_node (diagram, "use-case", 50, 20, 200, 100);
  WmRect everything = { -10, -10, 3000, 200 };
  g_autoptr(GPtrArray) before = wm_diagram_query (diagram, &everything);
  g_autoptr(GPtrArray) after = NULL;

  g_assert_cmpuint (before->len, ==, 3);
  g_assert_true (g_ptr_array_index (before, 0) == a);
  g_assert_true (g_ptr_array_index (before, 1) == b);
  g_assert_true (g_ptr_array_index (before, 2) == c);
  g_assert_true (wm_diagram_hit (diagram, 100, 50, 0) == c);

  /* Raising @a puts it on top of the results and of the hit test. */
  wm_diagram_restack (diagram, a->id, G_MAXUINT);
  after = wm_diagram_query (diagram, &everything);
  g_assert_true (g_ptr_array_index (after, 2) == a);
  g_assert_true (wm_diagram_hit (diagram, 100, 50, 0) == a);
  g_assert_true (wm_diagram_hit (diagram, 20, 10, 0) == a);
  g_assert_true (wm_diagram_hit (diagram, 240, 110, 0) == c);
  wm_project_undo (project);
  g_assert_true (wm_diagram_hit (diagram, 100, 50, 0) == c);
}

static void
test_links_follow_nodes (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *actor = add_node (diagram, "actor", 0, 0, 60, 100);
  WmItem *use_case = add_node (diagram, "use-case", 1000, 20, 140, 60);
  WmItem *link = wm_test_add_link (diagram, "association", actor, use_case);
  const char *ids[] = { use_case->id, NULL };

  /* The line runs from (30, 50) to (1070, 50). */
  g_assert_true (wm_diagram_hit (diagram, 500, 52, 4) == link);
  g_assert_cmpuint (query_count (diagram, 500, 40, 10, 10), ==, 1);

  wm_diagram_move_items (diagram, ids, 0, 3000);
  g_assert_null (wm_diagram_hit (diagram, 500, 52, 4));
  /* Now from (30, 50) to (1070, 3050): its middle is (550, 1550). */
  g_assert_true (wm_diagram_hit (diagram, 551, 1550, 4) == link);
  g_assert_cmpuint (query_count (diagram, 900, 2900, 10, 10), ==, 1);
  assert_hit (diagram, 551, 1550, 4);
  assert_links_of (diagram, use_case->id);

  wm_project_undo (project);
  g_assert_true (wm_diagram_hit (diagram, 500, 52, 4) == link);
  g_assert_null (wm_diagram_hit (diagram, 551, 1550, 4));
  wm_project_redo (project);
  g_assert_true (wm_diagram_hit (diagram, 551, 1550, 4) == link);
}

static void
test_link_hit_tolerance (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *a = add_node (diagram, "use-case", 0, 0, 100, 100);
  WmItem *b = add_node (diagram, "use-case", 0, 1000, 100, 100);
  WmItem *link = wm_test_add_link (diagram, "include", a, b);
  WmPoint bend = { 800, 550 };

  /* Straight down x = 50 from y = 50 to y = 1050. */
  g_assert_true (wm_diagram_hit (diagram, 53, 500, 4) == link);
  g_assert_true (wm_diagram_hit (diagram, 46, 500, 4) == link);
  g_assert_null (wm_diagram_hit (diagram, 60, 500, 4));
  g_assert_null (wm_diagram_hit (diagram, 53, 500, 2));
  /* Within the link's box but far from its line. */
  g_assert_null (wm_diagram_hit (diagram, 90, 500, 4));

  /* Through a waypoint: the old line is gone, the new one bends at (800, 550). */
  g_assert_true (wm_diagram_set_points (diagram, link->id, &bend, 1));
  g_assert_null (wm_diagram_hit (diagram, 50, 500, 4));
  g_assert_true (wm_diagram_hit (diagram, 801, 552, 4) == link);
  g_assert_true (wm_diagram_hit (diagram, 425, 300, 4) == link);
  g_assert_cmpuint (query_count (diagram, 700, 500, 10, 10), ==, 1);
  /* Nodes take no tolerance: just outside a node is nothing. */
  g_assert_null (wm_diagram_hit (diagram, 102, 20, 4));
}

/* Items as large and as far out as the limits allow, next to small ones. */
static void
test_huge_items (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *subject = add_node (diagram, "subject", -5e5, -5e5, WM_LIMIT_SIZE, WM_LIMIT_SIZE);
  WmItem *wide = add_node (diagram, "package", -20000, 100, 40000, 200);
  WmItem *far = add_node (diagram, "use-case", 9.9e5, -9.9e5, 100, 60);
  WmItem *near = add_node (diagram, "use-case", 10, 10, 100, 60);
  WmItem *note = add_node (diagram, "note", 8e5, 8e5, 100, 60);
  WmItem *anchor = wm_test_add_link (diagram, "anchor", note, near);
  const char *ids[] = { subject->id, NULL };

  g_assert_true (wm_diagram_hit (diagram, 0, 0, 0) == subject);
  g_assert_true (wm_diagram_hit (diagram, 20, 20, 0) == near);
  g_assert_true (wm_diagram_hit (diagram, 15000, 150, 0) == wide);
  g_assert_true (wm_diagram_hit (diagram, 9.9e5 + 50, -9.9e5 + 30, 0) == far);
  g_assert_true (wm_diagram_hit (diagram, 4e5, 399981, 2) == anchor);
  g_assert_true (wm_diagram_hit (diagram, 4.5e5, 4.2e5, 0) == subject);
  g_assert_cmpuint (query_count (diagram, 4e5, -4e5, 10, 10), ==, 1);
  g_assert_cmpuint (query_count (diagram, 6e5, 6e5, 10, 10), ==, 1);
  g_assert_cmpuint (query_count (diagram, -2e6, -2e6, 4e6, 4e6), ==, 6);
  g_assert_cmpuint (query_count (diagram, 9.8e5, -1e6, 2e4, 2e4), ==, 1);

  /* A huge item moved far away leaves the cells it covered. */
  wm_diagram_move_items (diagram, ids, 1.5e6, 0);
  g_assert_true (wm_diagram_hit (diagram, 0, 0, 0) == NULL);
  g_assert_true (wm_diagram_hit (diagram, 1.5e6, 0, 0) == subject);
  g_assert_cmpuint (query_count (diagram, -100, -100, 150, 150), ==, 2);
}

/* A loaded diagram is indexed as it is, even when the file names a link
 * before its nodes and the reader fills items in after adding them. */
static void
test_loaded (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *a = add_node (diagram, "actor", 0, 0, 60, 100);
  WmItem *b = add_node (diagram, "use-case", 400, 300, 140, 60);
  WmItem *link = wm_test_add_link (diagram, "association", a, b);
  WmPoint bend = { 30, 330 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(WmProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  WmDiagram *copy;
  WmItem *copied_link;

  wm_diagram_set_points (diagram, link->id, &bend, 1);
  wm_diagram_restack (diagram, link->id, 0);
  bytes = wm_project_serialize (project);
  loaded = wm_project_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      "test.waymark", &error);
  g_assert_no_error (error);
  copy = wm_project_get_diagram (loaded, 0);
  copied_link = wm_diagram_lookup (copy, link->id);
  g_assert_cmpuint (copied_link->z, ==, 0);
  g_assert_true (wm_diagram_hit (copy, 200, 331, 3) == copied_link);
  g_assert_cmpuint (query_count (copy, 0, 0, 600, 400), ==, 3);
  assert_links_of (copy, a->id);
  assert_links_of (copy, b->id);
}

/* Random edits */

typedef struct
{
  WmProject *project;
  WmDiagram *diagram;
  GRand     *rand;
} Fuzz;

static double
random_coordinate (Fuzz *fuzz)
{
  switch (g_rand_int_range (fuzz->rand, 0, 40))
    {
    case 0:
      return g_rand_double_range (fuzz->rand, -2e7, 2e7);
    case 1:
      return g_rand_double_range (fuzz->rand, -4e9, 4e9);
    default:
      return g_rand_double_range (fuzz->rand, -3000, 3000);
    }
}

static double
random_size (Fuzz *fuzz)
{
  switch (g_rand_int_range (fuzz->rand, 0, 30))
    {
    case 0:
      return 0;
    case 1:
      return g_rand_double_range (fuzz->rand, 2000, 30000);
    case 2:
      return g_rand_double_range (fuzz->rand, 1e5, 3e6);
    default:
      return g_rand_double_range (fuzz->rand, 10, 300);
    }
}

static WmItem *
pick_item (Fuzz      *fuzz,
           WmItemKind kind)
{
  guint n = wm_diagram_get_n_items (fuzz->diagram);

  for (guint tries = 0; n > 0 && tries < 30; tries++)
    {
      WmItem *item = wm_diagram_get_item (fuzz->diagram, g_rand_int_range (fuzz->rand, 0, (int) n));

      if (item->type->kind == kind)
        return item;
    }
  return NULL;
}

static void
edit_add_node (Fuzz *fuzz)
{
  const WmNotation *notation = wm_diagram_get_notation (fuzz->diagram);
  const WmItemType *type =
    &notation->node_types[g_rand_int_range (fuzz->rand, 0, (int) notation->n_node_types)];

  add_node (fuzz->diagram, type->id, random_coordinate (fuzz), random_coordinate (fuzz),
            random_size (fuzz), random_size (fuzz));
}

static void
edit_add_link (Fuzz *fuzz)
{
  const WmNotation *notation = wm_diagram_get_notation (fuzz->diagram);
  WmItem *a = pick_item (fuzz, WM_ITEM_NODE);
  WmItem *b = g_rand_int_range (fuzz->rand, 0, 10) ? pick_item (fuzz, WM_ITEM_NODE) : a;
  g_autoptr(GPtrArray) allowed = NULL;

  if (a == NULL || b == NULL)
    return;
  allowed = wm_notation_allowed_links (notation, a->type, b->type);
  if (allowed->len > 0)
    {
      const WmItemType *type =
        g_ptr_array_index (allowed, g_rand_int_range (fuzz->rand, 0, (int) allowed->len));

      wm_test_add_link (fuzz->diagram, type->id, a, b);
    }
}

static void
edit_points (Fuzz *fuzz)
{
  WmItem *link = pick_item (fuzz, WM_ITEM_LINK);
  WmPoint points[3];
  guint n = (guint) g_rand_int_range (fuzz->rand, 0, 4);

  for (guint i = 0; i < n; i++)
    points[i] = (WmPoint) { random_coordinate (fuzz), random_coordinate (fuzz) };
  if (link != NULL)
    wm_diagram_set_points (fuzz->diagram, link->id, points, n);
}

static void
edit_move (Fuzz *fuzz)
{
  WmItem *a = pick_item (fuzz, WM_ITEM_NODE);
  WmItem *b = pick_item (fuzz, WM_ITEM_NODE);
  const char *ids[] = { a ? a->id : NULL, b ? b->id : NULL, NULL };
  double scale = g_rand_int_range (fuzz->rand, 0, 10) ? 200 : 1e6;

  wm_diagram_move_items (fuzz->diagram, ids, g_rand_double_range (fuzz->rand, -scale, scale),
                         g_rand_double_range (fuzz->rand, -scale, scale));
}

static void
edit_resize (Fuzz *fuzz)
{
  WmItem *node = pick_item (fuzz, WM_ITEM_NODE);
  WmRect bounds;

  if (node == NULL)
    return;
  bounds = (WmRect) { node->bounds.x, node->bounds.y, random_size (fuzz), random_size (fuzz) };
  wm_diagram_set_bounds (fuzz->diagram, node->id, &bounds);
}

static void
edit_remove (Fuzz *fuzz)
{
  WmItem *item = pick_item (fuzz, g_rand_boolean (fuzz->rand) ? WM_ITEM_NODE : WM_ITEM_LINK);
  const char *ids[] = { item ? item->id : NULL, NULL };

  wm_diagram_remove_items (fuzz->diagram, ids);
}

static void
edit_restack (Fuzz *fuzz)
{
  WmItem *item = pick_item (fuzz, g_rand_boolean (fuzz->rand) ? WM_ITEM_NODE : WM_ITEM_LINK);
  guint n = wm_diagram_get_n_items (fuzz->diagram);

  if (item != NULL)
    wm_diagram_restack (fuzz->diagram, item->id, (guint) g_rand_int_range (fuzz->rand, 0, (int) n));
}

static void
edit_history (Fuzz *fuzz)
{
  guint steps = (guint) g_rand_int_range (fuzz->rand, 1, 4);

  for (guint i = 0; i < steps; i++)
    if (g_rand_int_range (fuzz->rand, 0, 3))
      wm_project_undo (fuzz->project);
    else
      wm_project_redo (fuzz->project);
}

/* Undo and redo cannot run inside a group: @in_group leaves them out. */
static void
random_edit (Fuzz    *fuzz,
             gboolean in_group)
{
  switch (g_rand_int_range (fuzz->rand, 0, in_group ? 10 : 12))
    {
    case 0:
    case 1:
      edit_add_node (fuzz);
      break;
    case 2:
    case 3:
      edit_add_link (fuzz);
      break;
    case 4:
      edit_points (fuzz);
      break;
    case 5:
    case 6:
      edit_move (fuzz);
      break;
    case 7:
      edit_resize (fuzz);
      break;
    case 8:
      edit_remove (fuzz);
      break;
    case 9:
      edit_restack (fuzz);
      break;
    default:
      edit_history (fuzz);
      break;
    }
}

/* Sometimes several edits in one undo step, so that undo replays many. */
static void
random_step (Fuzz *fuzz)
{
  guint n = g_rand_int_range (fuzz->rand, 0, 6) ? 1 : (guint) g_rand_int_range (fuzz->rand, 2, 6);

  if (n > 1)
    wm_project_begin_group (fuzz->project, "Several");
  for (guint i = 0; i < n; i++)
    random_edit (fuzz, n > 1);
  if (n > 1)
    wm_project_end_group (fuzz->project);
}

/* A point on or beside the line of a random link, where hits are decided. */
static gboolean
point_near_link (Fuzz    *fuzz,
                 WmPoint *point)
{
  WmItem *link = pick_item (fuzz, WM_ITEM_LINK);
  g_autoptr(GArray) line = link ? link_line (fuzz->diagram, link) : NULL;
  WmPoint a, b;
  double t;
  guint i;

  if (line == NULL || line->len == 0)
    return FALSE;
  i = (guint) g_rand_int_range (fuzz->rand, 0, (int) line->len);
  a = g_array_index (line, WmPoint, i);
  b = g_array_index (line, WmPoint, i + 1 < line->len ? i + 1 : i);
  t = g_rand_double (fuzz->rand);
  *point = (WmPoint) { a.x + (b.x - a.x) * t + g_rand_double_range (fuzz->rand, -10, 10),
                       a.y + (b.y - a.y) * t + g_rand_double_range (fuzz->rand, -10, 10) };
  return TRUE;
}

static void
check_against_scan (Fuzz *fuzz)
{
  for (guint i = 0; i < 6; i++)
    {
      double size = g_rand_int_range (fuzz->rand, 0, 4) ? g_rand_double_range (fuzz->rand, 0, 2000)
                                                        : g_rand_double_range (fuzz->rand, 0, 5e9);
      WmRect rect = { random_coordinate (fuzz) - size / 2, random_coordinate (fuzz) - size / 2,
                      size, size * g_rand_double_range (fuzz->rand, 0.2, 2) };

      assert_query (fuzz->diagram, &rect);
    }
  for (guint i = 0; i < 20; i++)
    {
      WmPoint point = { random_coordinate (fuzz), random_coordinate (fuzz) };
      double tolerance = g_rand_double_range (fuzz->rand, 0, 12);
      WmItem *node = pick_item (fuzz, WM_ITEM_NODE);

      if (i % 2 == 0)
        point_near_link (fuzz, &point);
      else if (i % 4 == 1 && node != NULL)
        point = (WmPoint) { node->bounds.x + node->bounds.width * g_rand_double (fuzz->rand),
                            node->bounds.y + node->bounds.height * g_rand_double (fuzz->rand) };
      assert_hit (fuzz->diagram, point.x, point.y, tolerance);
    }
  for (guint i = 0; i < 4; i++)
    {
      WmItem *node = pick_item (fuzz, WM_ITEM_NODE);

      if (node != NULL)
        assert_links_of (fuzz->diagram, node->id);
    }
}

static void
run_random (guint32 seed)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  Fuzz fuzz = { project, new_diagram (project), rand };

  for (guint i = 0; i < 60; i++)
    {
      edit_add_node (&fuzz);
      if (i % 3 == 0)
        edit_add_link (&fuzz);
    }
  for (guint i = 0; i < N_EDITS; i++)
    {
      random_step (&fuzz);
      /* Checking after only some edits lets changes pile up between queries. */
      if (g_rand_int_range (rand, 0, 3) == 0)
        check_against_scan (&fuzz);
    }
  check_against_scan (&fuzz);
  while (wm_project_undo (project))
    if (g_rand_int_range (rand, 0, 8) == 0)
      check_against_scan (&fuzz);
  check_against_scan (&fuzz);
  g_assert_cmpuint (wm_diagram_get_n_items (fuzz.diagram), ==, 0);
  while (wm_project_redo (project))
    if (g_rand_int_range (rand, 0, 8) == 0)
      check_against_scan (&fuzz);
  check_against_scan (&fuzz);
}

static void
test_random (void)
{
  for (guint32 seed = 1; seed <= 6; seed++)
    run_random (seed);
}

/* Children */

static int
compare_pointers (gconstpointer a,
                  gconstpointer b)
{
  guintptr x = (guintptr) *(gconstpointer *) a, y = (guintptr) *(gconstpointer *) b;

  return x < y ? -1 : x > y;
}

/* The index's children of @id are the items whose parent is @id, each once. */
static void
assert_children (WmDiagram  *diagram,
                 const char *id)
{
  g_autoptr(GPtrArray) indexed = g_ptr_array_new ();
  g_autoptr(GPtrArray) scanned = g_ptr_array_new ();

  _wm_diagram_index_children (diagram, id, indexed);
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (g_strcmp0 (item->parent, id) == 0)
        g_ptr_array_add (scanned, item);
    }
  g_ptr_array_sort (indexed, compare_pointers);
  g_ptr_array_sort (scanned, compare_pointers);
  g_assert_cmpuint (indexed->len, ==, scanned->len);
  for (guint i = 0; i < scanned->len; i++)
    g_assert_true (g_ptr_array_index (indexed, i) == g_ptr_array_index (scanned, i));
}

static void
assert_all_children (WmDiagram *diagram)
{
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    assert_children (diagram, wm_diagram_get_item (diagram, i)->id);
}

static void
set_parent (WmDiagram *diagram,
            WmItem    *item,
            WmItem    *parent)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_diagram_set_parent (diagram, item->id, parent ? parent->id : NULL, &error));
  g_assert_no_error (error);
}

static void
test_children (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *one = add_node (diagram, "subject", 0, 0, 400, 400);
  WmItem *two = add_node (diagram, "subject", 500, 0, 400, 400);
  WmItem *a = add_node (diagram, "use-case", 20, 20, 100, 50);
  WmItem *b = add_node (diagram, "use-case", 20, 120, 100, 50);
  g_autofree char *one_id = g_strdup (one->id);
  const char *doomed[] = { one_id, NULL };

  /* Asked before the index is built, and after. */
  set_parent (diagram, a, one);
  assert_children (diagram, one->id);
  set_parent (diagram, b, one);
  assert_all_children (diagram);
  /* Reparented, then out of any container. */
  set_parent (diagram, b, two);
  assert_children (diagram, one->id);
  assert_children (diagram, two->id);
  set_parent (diagram, b, NULL);
  assert_all_children (diagram);
  /* A removed container's children lose it, and an undo gives it back. */
  wm_diagram_remove_items (diagram, doomed);
  assert_children (diagram, one_id);
  assert_all_children (diagram);
  g_assert_true (wm_project_undo (project));
  assert_children (diagram, one_id);
  while (wm_project_undo (project))
    assert_all_children (diagram);
  while (wm_project_redo (project))
    assert_all_children (diagram);
  assert_children (diagram, one_id);
}

/* Puts a random node in a random container, or out of any, when allowed. */
static void
edit_parent (Fuzz *fuzz)
{
  WmItem *node = pick_item (fuzz, WM_ITEM_NODE);
  WmItem *parent = pick_item (fuzz, WM_ITEM_NODE);

  if (node != NULL)
    wm_diagram_set_parent (fuzz->diagram, node->id,
                           g_rand_int_range (fuzz->rand, 0, 4) && parent ? parent->id : NULL, NULL);
}

static void
test_children_random (void)
{
  for (guint32 seed = 1; seed <= 4; seed++)
    {
      g_autoptr(WmProject) project = wm_project_new ();
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      Fuzz fuzz = { project, new_diagram (project), rand };

      for (guint i = 0; i < 40; i++)
        edit_add_node (&fuzz);
      for (guint i = 0; i < 300; i++)
        {
          if (g_rand_int_range (rand, 0, 3) == 0)
            edit_parent (&fuzz);
          else
            random_step (&fuzz);
          if (g_rand_int_range (rand, 0, 4) == 0)
            assert_all_children (fuzz.diagram);
        }
      assert_all_children (fuzz.diagram);
      while (wm_project_undo (project))
        if (g_rand_int_range (rand, 0, 8) == 0)
          assert_all_children (fuzz.diagram);
      assert_all_children (fuzz.diagram);
      while (wm_project_redo (project))
        if (g_rand_int_range (rand, 0, 8) == 0)
          assert_all_children (fuzz.diagram);
      assert_all_children (fuzz.diagram);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/index/empty", test_empty);
  g_test_add_func ("/index/z-order", test_z_order);
  g_test_add_func ("/index/links-follow-nodes", test_links_follow_nodes);
  g_test_add_func ("/index/link-hit-tolerance", test_link_hit_tolerance);
  g_test_add_func ("/index/huge-items", test_huge_items);
  g_test_add_func ("/index/loaded", test_loaded);
  g_test_add_func ("/index/random", test_random);
  g_test_add_func ("/index/children", test_children);
  g_test_add_func ("/index/children-random", test_children_random);
  return g_test_run ();
}
