/* test-layout.c — automatic layout by Graphviz: use-case diagrams and value stream maps
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "waymark-model.h"
#include "wm-layout.h"
#include "wm-test-util.h"

static WmDiagram *
sample_diagram (WmProject  *project,
                const char *notation)
{
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);

      if (g_str_equal (wm_diagram_get_notation (diagram)->id, notation))
        return diagram;
    }
  g_assert_not_reached ();
}

static gboolean
is_type (const WmItem *item,
         const char   *type_id)
{
  return item != NULL && g_str_equal (item->type->id, type_id);
}

static gboolean
overlap (const WmRect *a,
         const WmRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
contains (const WmRect *outer,
          const WmRect *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

/* Whether @ancestor contains @item, directly or through other containers. */
static gboolean
is_inside (WmDiagram    *diagram,
           const WmItem *item,
           const WmItem *ancestor)
{
  for (guint depth = 0; item->parent != NULL && depth < 100; depth++)
    {
      if (g_str_equal (item->parent, ancestor->id))
        return TRUE;
      item = wm_diagram_lookup (diagram, item->parent);
      g_assert_nonnull (item);
    }
  return FALSE;
}

static GPtrArray *
nodes_of (WmDiagram *diagram)
{
  GPtrArray *nodes = g_ptr_array_new ();

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (wm_item_is_node (item))
        g_ptr_array_add (nodes, item);
    }
  return nodes;
}

/* No two nodes overlap unless one contains the other, and every position
 * is a whole number. */
static void
assert_no_overlap (WmDiagram *diagram)
{
  g_autoptr(GPtrArray) nodes = nodes_of (diagram);

  for (guint i = 0; i < nodes->len; i++)
    {
      WmItem *a = g_ptr_array_index (nodes, i);

      g_assert_cmpfloat (a->bounds.x, ==, round (a->bounds.x));
      g_assert_cmpfloat (a->bounds.y, ==, round (a->bounds.y));
      for (guint j = i + 1; j < nodes->len; j++)
        {
          WmItem *b = g_ptr_array_index (nodes, j);

          if (is_inside (diagram, a, b) || is_inside (diagram, b, a))
            continue;
          if (overlap (&a->bounds, &b->bounds))
            g_error ("%s (%g,%g %gx%g) overlaps %s (%g,%g %gx%g)", a->id, a->bounds.x,
                     a->bounds.y, a->bounds.width, a->bounds.height, b->id, b->bounds.x,
                     b->bounds.y, b->bounds.width, b->bounds.height);
        }
    }
}

static void
assert_no_bend_points (WmDiagram *diagram)
{
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (wm_item_is_link (item))
        g_assert_cmpuint (item->n_points, ==, 0);
    }
}

/* Every node inside its containers' bounds; every actor outside every
 * subject, wholly to its left or right. */
static void
assert_use_case_layout (WmDiagram *diagram)
{
  g_autoptr(GPtrArray) nodes = nodes_of (diagram);

  assert_no_overlap (diagram);
  for (guint i = 0; i < nodes->len; i++)
    {
      WmItem *item = g_ptr_array_index (nodes, i);

      for (guint j = 0; j < nodes->len; j++)
        {
          WmItem *other = g_ptr_array_index (nodes, j);

          if (is_inside (diagram, item, other))
            g_assert_true (contains (&other->bounds, &item->bounds));
          else if (is_type (item, "actor") && is_type (other, "subject"))
            g_assert_true (item->bounds.x + item->bounds.width <= other->bounds.x ||
                           item->bounds.x >= other->bounds.x + other->bounds.width);
        }
    }
}

/* Lays out @ids of @diagram (all when NULL) and checks that one undo
 * restores exactly what was there. */
static void
layout_and_undo (WmDiagram         *diagram,
                 const char *const *ids,
                 void             (*check) (WmDiagram *diagram))
{
  WmProject *project = wm_diagram_get_project (diagram);
  g_autofree char *before = wm_test_serialize (project);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_layout_diagram (diagram, ids, &error));
  g_assert_no_error (error);
  check (diagram);
  after = wm_test_serialize (project);
  g_assert_cmpstr (before, !=, after);
  g_assert_cmpstr (wm_project_get_undo_label (project), ==, "Automatic Layout");

  g_assert_true (wm_project_undo (project));
  undone = wm_test_serialize (project);
  g_assert_cmpstr (before, ==, undone);
  g_assert_true (wm_project_redo (project));
  g_free (undone);
  undone = wm_test_serialize (project);
  g_assert_cmpstr (after, ==, undone);
}

static void
assert_nothing (WmDiagram *diagram)
{
}

static WmRect
bounds_of (WmDiagram  *diagram,
           const char *id)
{
  WmItem *item = wm_diagram_lookup (diagram, id);

  g_assert_nonnull (item);
  return item->bounds;
}

static double
center_x (WmDiagram  *diagram,
          const char *id)
{
  WmRect bounds = bounds_of (diagram, id);

  return bounds.x + bounds.width / 2;
}

static void
test_use_case_sample (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmDiagram *diagram = sample_diagram (project, "use-case");
  WmRect subject;

  layout_and_undo (diagram, NULL, assert_use_case_layout);
  assert_no_bend_points (diagram);

  /* The customer starts things: left. The payment provider is called on
   * (its association comes from Pay): right. */
  subject = bounds_of (diagram, "subject-42");
  g_assert_cmpfloat (center_x (diagram, "actor-53"), <, subject.x);
  g_assert_cmpfloat (center_x (diagram, "actor-55"), >, subject.x + subject.width);
  /* Include edges read left to right: the included Pay right of Subscribe. */
  g_assert_cmpfloat (center_x (diagram, "use-case-44"), <, center_x (diagram, "use-case-51"));
}

/* Ids that are words of the DOT language, or not one of its names (a
 * number followed by a dash), reach dot's process and come back. */
static void
test_use_case_odd_ids (void)
{
  const char *renames[][2] = {
    { "\"subject-42\"", "\"graph\"" },
    { "\"actor-53\"", "\"node\"" },
    { "\"use-case-44\"", "\"1-2.x_y\"" },
    { "\"use-case-51\"", "\"subgraph\"" },
  };
  g_autoptr(WmProject) sample = wm_test_load_sample ();
  g_autofree char *text = wm_test_serialize (sample);
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram;
  WmRect subject;

  for (guint i = 0; i < G_N_ELEMENTS (renames); i++)
    {
      g_auto(GStrv) parts = g_strsplit (text, renames[i][0], -1);

      g_assert_cmpuint (g_strv_length (parts), >, 1);
      g_free (text);
      text = g_strjoinv (renames[i][1], parts);
    }
  project = wm_project_load_from_data (text, strlen (text), "odd-ids.waymark", &error);
  g_assert_no_error (error);
  diagram = sample_diagram (project, "use-case");
  g_assert_nonnull (wm_diagram_lookup (diagram, "1-2.x_y"));

  layout_and_undo (diagram, NULL, assert_use_case_layout);
  subject = bounds_of (diagram, "graph");
  g_assert_cmpfloat (center_x (diagram, "node"), <, subject.x);
  g_assert_cmpfloat (center_x (diagram, "1-2.x_y"), <, center_x (diagram, "subgraph"));
}

/* Without its program, or when the program fails, layout is an error and
 * the diagram is as it was. */
static void
test_helper_missing (void)
{
  const char *helpers[] = { "/nonexistent/waymark-layout", "/bin/false" };
  g_autofree char *saved = g_strdup (g_getenv ("WAYMARK_LAYOUT_HELPER"));

  for (guint i = 0; i < G_N_ELEMENTS (helpers); i++)
    {
      g_autoptr(WmProject) project = wm_test_load_sample ();
      WmDiagram *diagram = sample_diagram (project, "use-case");
      g_autofree char *before = wm_test_serialize (project);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;

      g_setenv ("WAYMARK_LAYOUT_HELPER", helpers[i], TRUE);
      g_assert_false (wm_layout_diagram (diagram, NULL, &error));
      g_assert_error (error, WM_ERROR, WM_ERROR_FAILED);
      g_assert_true (strstr (error->message, "Graphviz") != NULL);
      after = wm_test_serialize (project);
      g_assert_cmpstr (before, ==, after);
      g_assert_false (wm_project_can_undo (project));
    }
  if (saved != NULL)
    g_setenv ("WAYMARK_LAYOUT_HELPER", saved, TRUE);
  else
    g_unsetenv ("WAYMARK_LAYOUT_HELPER");
}

/* A subject holding @n_use_cases use cases, a third of them in two packages,
 * actors on both sides and links of every kind, drawn at random places. */
static WmDiagram *
generate_use_cases (WmProject *project,
                    guint      n_use_cases,
                    guint      n_actors,
                    guint      n_links,
                    guint32    seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) use_cases = g_ptr_array_new ();
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();
  WmDiagram *diagram = wm_project_add_diagram (project, "use-case", "Generated", &error);
  WmItem *subject, *packages[2];

  g_assert_no_error (error);
  subject = wm_test_add_node (diagram, "subject", &(WmRect) { 0, 0, 300, 300 }, "System");
  for (guint i = 0; i < G_N_ELEMENTS (packages); i++)
    {
      g_autofree char *name = g_strdup_printf ("Package %u", i + 1);

      packages[i] = wm_test_add_node (diagram, "package", &(WmRect) { 10, 10, 100, 100 }, name);
      g_assert_true (wm_diagram_set_parent (diagram, packages[i]->id, subject->id, &error));
      g_assert_no_error (error);
    }
  wm_test_set_property (diagram, packages[1], WM_UC_STEREOTYPE, "subsystem");
  for (guint i = 0; i < n_use_cases; i++)
    {
      g_autofree char *name = g_strdup_printf ("Use case %u", i + 1);
      WmRect bounds = { g_rand_int_range (rand, 0, 2000), g_rand_int_range (rand, 0, 2000),
                        g_rand_int_range (rand, 120, 220), g_rand_int_range (rand, 50, 90) };
      WmItem *use_case = wm_test_add_node (diagram, "use-case", &bounds, name);
      WmItem *parent = i % 3 == 1 ? packages[i % 2] : subject;

      g_assert_true (wm_diagram_set_parent (diagram, use_case->id, parent->id, &error));
      g_assert_no_error (error);
      g_ptr_array_add (use_cases, use_case);
    }
  for (guint i = 0; i < n_actors; i++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %u", i + 1);
      WmRect bounds = { g_rand_int_range (rand, 0, 2000), g_rand_int_range (rand, 0, 2000), 60, 110 };

      g_ptr_array_add (actors, wm_test_add_node (diagram, "actor", &bounds, name));
      if (i % 3 == 2)
        wm_test_set_property (diagram, g_ptr_array_index (actors, i), WM_UC_KIND, "system");
    }
  for (guint i = 0; i < n_links; i++)
    {
      WmItem *a = g_ptr_array_index (use_cases, g_rand_int_range (rand, 0, use_cases->len));
      WmItem *b = g_ptr_array_index (use_cases, g_rand_int_range (rand, 0, use_cases->len));
      WmItem *actor = g_ptr_array_index (actors, g_rand_int_range (rand, 0, actors->len));
      WmItem *link;

      switch (i % 4)
        {
        case 0:
          link = actor->z % 3 == 0 ? wm_test_add_link (diagram, "association", a, actor)
                                   : wm_test_add_link (diagram, "association", actor, a);
          break;
        case 1:
          /* Include and extend point from later use cases to earlier ones,
           * as people draw them: no cycles. */
          if (a == b)
            continue;
          link = wm_test_add_link (diagram, "include", a->z > b->z ? a : b, a->z > b->z ? b : a);
          break;
        case 2:
          if (a == b)
            continue;
          link = wm_test_add_link (diagram, "extend", a->z > b->z ? a : b, a->z > b->z ? b : a);
          break;
        default:
          link = wm_test_add_link (diagram, "association", actor, a);
          break;
        }
      g_assert_true (wm_diagram_set_points (diagram, link->id, &(WmPoint) { 5, 5 }, 1));
    }
  return diagram;
}

static void
test_use_case_generated (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = generate_use_cases (project, 60, 8, 100, 14);

  layout_and_undo (diagram, NULL, assert_use_case_layout);
  assert_no_bend_points (diagram);
}

/* A note linked to nothing and an actor that takes part in nothing still
 * keep out of the subject. */
static void
test_use_case_unlinked (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (project, "use-case", NULL, &error);
  WmItem *subject = wm_test_add_node (diagram, "subject", &(WmRect) { 0, 0, 300, 300 }, "S");

  for (guint i = 0; i < 3; i++)
    {
      WmItem *use_case = wm_test_add_node (diagram, "use-case", &(WmRect) { 0, 0, 160, 70 }, "U");

      g_assert_true (wm_diagram_set_parent (diagram, use_case->id, subject->id, &error));
    }
  wm_test_add_node (diagram, "actor", &(WmRect) { 0, 0, 60, 110 }, "Idle");
  wm_test_add_node (diagram, "note", &(WmRect) { 0, 0, 160, 80 }, "Loose");
  layout_and_undo (diagram, NULL, assert_use_case_layout);
}

/* Nodes not chosen keep everything; the chosen ones keep their top left
 * corner as a group, and their container grows to hold them. */
static void
test_use_case_selection (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmDiagram *diagram = sample_diagram (project, "use-case");
  const char *const ids[] = { "use-case-44", "use-case-45", "use-case-49", "use-case-50",
                              "use-case-51", NULL };
  g_autoptr(GHashTable) chosen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_item_free);
  double left = G_MAXDOUBLE, top = G_MAXDOUBLE, new_left = G_MAXDOUBLE, new_top = G_MAXDOUBLE;
  gboolean moved = FALSE;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      WmRect bounds = bounds_of (diagram, ids[i]);

      g_hash_table_add (chosen, (gpointer) ids[i]);
      left = MIN (left, bounds.x);
      top = MIN (top, bounds.y);
    }
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    g_ptr_array_add (before, wm_item_copy (wm_diagram_get_item (diagram, i)));

  /* The chosen nodes are laid out among themselves: they may come to lie
   * over others, as they would when dragged there. */
  layout_and_undo (diagram, ids, assert_nothing);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      WmRect a = bounds_of (diagram, ids[i]);
      WmRect subject = bounds_of (diagram, "subject-42");

      g_assert_true (contains (&subject, &a));
      for (guint j = i + 1; ids[j] != NULL; j++)
        {
          WmRect b = bounds_of (diagram, ids[j]);

          g_assert_false (overlap (&a, &b));
        }
    }

  for (guint i = 0; i < before->len; i++)
    {
      WmItem *old = g_ptr_array_index (before, i);
      WmItem *now = wm_diagram_lookup (diagram, old->id);

      if (g_hash_table_contains (chosen, old->id))
        {
          moved |= memcmp (&old->bounds, &now->bounds, sizeof (WmRect)) != 0;
          new_left = MIN (new_left, now->bounds.x);
          new_top = MIN (new_top, now->bounds.y);
        }
      else if (wm_item_is_link (old) && g_hash_table_contains (chosen, old->source) &&
               g_hash_table_contains (chosen, old->target))
        g_assert_cmpuint (now->n_points, ==, 0);
      else if (is_type (old, "subject"))
        g_assert_true (contains (&now->bounds, &old->bounds));
      else
        g_assert_true (wm_item_equal (old, now));
    }
  g_assert_true (moved);
  g_assert_cmpfloat (new_left, ==, left);
  g_assert_cmpfloat (new_top, ==, top);
}

/* A container moves with what it holds: choosing the subject lays out its
 * use cases with it, and leaves the actors alone. */
static void
test_use_case_selection_container (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmDiagram *diagram = sample_diagram (project, "use-case");
  const char *const ids[] = { "subject-42", NULL };
  WmRect customer = bounds_of (diagram, "actor-53");
  WmRect pay = bounds_of (diagram, "use-case-51");
  WmRect now;

  layout_and_undo (diagram, ids, assert_nothing);
  now = bounds_of (diagram, "actor-53");
  g_assert_true (memcmp (&customer, &now, sizeof now) == 0);
  now = bounds_of (diagram, "use-case-51");
  g_assert_true (memcmp (&pay, &now, sizeof now) != 0);
  pay = bounds_of (diagram, "use-case-51");
  now = bounds_of (diagram, "subject-42");
  g_assert_true (contains (&now, &pay));
}

/* Notations without a layout, and read-only projects, are refused and
 * left as they were. */
static void
test_refused (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autofree char *before = wm_test_serialize (project);
  g_autofree char *after = NULL;
  const char *notations[] = { "business-model-canvas", "customer-journey",
                              "value-proposition-canvas" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (notations); i++)
    {
      WmDiagram *diagram = sample_diagram (project, notations[i]);

      g_assert_false (wm_layout_supported (diagram));
      g_assert_false (wm_layout_diagram (diagram, NULL, &error));
      g_assert_error (error, WM_ERROR, WM_ERROR_NOT_ALLOWED);
      g_clear_error (&error);
    }
  g_assert_true (wm_layout_supported (sample_diagram (project, "use-case")));
  g_assert_true (wm_layout_supported (sample_diagram (project, "value-stream-map")));

  wm_project_set_read_only (project, TRUE);
  g_assert_false (wm_layout_diagram (sample_diagram (project, "use-case"), NULL, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_READ_ONLY);
  after = wm_test_serialize (project);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (wm_project_can_undo (project));
}

/* A diagram that would keep dot busy for minutes is refused, unchanged. */
static void
test_too_big (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (project, "use-case", NULL, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  for (guint i = 0; i < 5001; i++)
    wm_test_add_node (diagram, "use-case", &(WmRect) { 0, 0, 160, 70 }, "U");
  before = wm_test_serialize (project);
  g_assert_false (wm_layout_diagram (diagram, NULL, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_FAILED);
  after = wm_test_serialize (project);
  g_assert_cmpstr (before, ==, after);
}

static gboolean
is_material_link (const WmItem *item)
{
  return is_type (item, "push") || is_type (item, "pull") || is_type (item, "shipment-flow");
}

/* Material flows left to right, information above it, loose notes below. */
static void
assert_vsm_layout (WmDiagram *diagram)
{
  g_autoptr(GHashTable) material = g_hash_table_new (g_str_hash, g_str_equal);
  double material_top = G_MAXDOUBLE, material_bottom = -G_MAXDOUBLE;

  assert_no_overlap (diagram);
  assert_no_bend_points (diagram);
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      WmItem *source, *target;

      if (!is_material_link (item))
        continue;
      source = wm_diagram_lookup (diagram, item->source);
      target = wm_diagram_lookup (diagram, item->target);
      g_assert_cmpfloat (source->bounds.x + source->bounds.width, <=, target->bounds.x);
      g_hash_table_add (material, source->id);
      g_hash_table_add (material, target->id);
      material_top = MIN (material_top, MIN (source->bounds.y, target->bounds.y));
      material_bottom = MAX (material_bottom, MAX (source->bounds.y + source->bounds.height,
                                                   target->bounds.y + target->bounds.height));
    }
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      g_autoptr(GPtrArray) links = NULL;

      if (!wm_item_is_node (item) || g_hash_table_contains (material, item->id))
        continue;
      links = wm_diagram_links_of (diagram, item->id);
      if (links->len > 0)
        g_assert_cmpfloat (item->bounds.y + item->bounds.height, <=, material_top);
      else
        g_assert_cmpfloat (item->bounds.y, >=, material_bottom);
    }
}

static void
test_vsm_sample (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  WmDiagram *diagram = sample_diagram (project, "value-stream-map");
  const char *processes[] = { "process-77", "process-78", "process-79", "process-80" };

  layout_and_undo (diagram, NULL, assert_vsm_layout);
  for (guint i = 1; i < G_N_ELEMENTS (processes); i++)
    g_assert_cmpfloat (center_x (diagram, processes[i - 1]), <, center_x (diagram, processes[i]));
  g_assert_cmpfloat (center_x (diagram, "supplier-74"), <, center_x (diagram, "process-77"));
  g_assert_cmpfloat (center_x (diagram, "process-80"), <, center_x (diagram, "customer-75"));
}

/* A generated line of processes, drawn in reverse, with branches and
 * kanban loops: the layout puts it back in flow order. */
static void
test_vsm_generated (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (project, "value-stream-map", NULL, &error);
  g_autoptr(GPtrArray) line = g_ptr_array_new ();
  WmItem *control, *post;

  g_assert_no_error (error);
  g_ptr_array_add (line, wm_test_add_node (diagram, "supplier", &(WmRect) { 0, 0, 120, 90 }, "S"));
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("P%u", i + 1);
      /* Drawn right to left, so that the layout has to turn it round. */
      WmRect bounds = { 3000 - 300.0 * i, 100, 120, 70 };

      g_ptr_array_add (line, wm_test_add_node (diagram, i % 3 == 2 ? "inventory" : "process",
                                               &bounds, name));
    }
  g_ptr_array_add (line, wm_test_add_node (diagram, "customer", &(WmRect) { 0, 0, 120, 90 }, "C"));
  for (guint i = 1; i < line->len; i++)
    wm_test_add_link (diagram, i == 1 ? "shipment-flow" : "push", g_ptr_array_index (line, i - 1),
                      g_ptr_array_index (line, i));
  /* A parallel route through a supermarket, and an information flow. */
  wm_test_add_link (diagram, "pull", g_ptr_array_index (line, 4),
                    wm_test_add_node (diagram, "supermarket", &(WmRect) { 0, 0, 60, 70 }, "M"));
  control = wm_test_add_node (diagram, "production-control", &(WmRect) { 0, 0, 140, 70 }, "PC");
  post = wm_test_add_node (diagram, "kanban-post", &(WmRect) { 0, 0, 40, 60 }, "K");
  wm_test_add_link (diagram, "electronic-info", g_ptr_array_index (line, line->len - 1), control);
  wm_test_add_link (diagram, "electronic-info", control, g_ptr_array_index (line, 2));
  wm_test_add_link (diagram, "manual-info", control, post);
  wm_test_add_node (diagram, "kaizen-burst", &(WmRect) { 0, 0, 130, 80 }, "Idea");

  layout_and_undo (diagram, NULL, assert_vsm_layout);
  for (guint i = 1; i < line->len; i++)
    g_assert_cmpfloat (center_x (diagram, ((WmItem *) g_ptr_array_index (line, i - 1))->id), <,
                       center_x (diagram, ((WmItem *) g_ptr_array_index (line, i))->id));
}

/* Nodes bigger than dot takes (it cuts them to 65 535 points) are laid out
 * scaled down and scaled back: still in order, still apart. */
static void
test_vsm_huge_nodes (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (project, "value-stream-map", NULL, &error);
  WmItem *previous = NULL;

  for (guint i = 0; i < 5; i++)
    {
      WmItem *process = wm_test_add_node (diagram, "process",
                                          &(WmRect) { 0, 0, 70000, 40000 + 10000.0 * i }, "P");

      if (previous != NULL)
        wm_test_add_link (diagram, "push", previous, process);
      previous = process;
    }
  layout_and_undo (diagram, NULL, assert_vsm_layout);
}

/* The size the issue asks to stay fast: 1 000 use cases, 1 500 links. */
static void
test_use_case_big (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = generate_use_cases (project, 1000, 40, 1500, 7);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (wm_layout_diagram (diagram, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("1000 use cases, 1500 links laid out in %.2f s",
                  (g_get_monotonic_time () - start) / 1e6);
  assert_use_case_layout (diagram);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/use-case/sample", test_use_case_sample);
  g_test_add_func ("/layout/use-case/odd-ids", test_use_case_odd_ids);
  g_test_add_func ("/layout/helper-missing", test_helper_missing);
  g_test_add_func ("/layout/use-case/generated", test_use_case_generated);
  g_test_add_func ("/layout/use-case/unlinked", test_use_case_unlinked);
  g_test_add_func ("/layout/use-case/selection", test_use_case_selection);
  g_test_add_func ("/layout/use-case/selection-container", test_use_case_selection_container);
  g_test_add_func ("/layout/use-case/big", test_use_case_big);
  g_test_add_func ("/layout/refused", test_refused);
  g_test_add_func ("/layout/too-big", test_too_big);
  g_test_add_func ("/layout/vsm/sample", test_vsm_sample);
  g_test_add_func ("/layout/vsm/generated", test_vsm_generated);
  g_test_add_func ("/layout/vsm/huge-nodes", test_vsm_huge_nodes);

  return g_test_run ();
}
