/* test-trace.c — the traceability chains of cross-diagram links
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-test-util.h"

static const WmRect at = { 40, 40, 120, 80 };

static void
set_links (WmDiagram  *diagram,
           WmItem     *item,
           const char *ids)
{
  wm_test_set_property (diagram, item, WM_FIELD_LINKS, ids);
}

static WmDiagram *
add_diagram (WmProject  *project,
             const char *notation,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (project, notation, name, &error);

  g_assert_no_error (error);
  return diagram;
}

static const WmTraceRow *
row_at (GPtrArray *rows,
        guint      index)
{
  g_assert_cmpuint (index, <, rows->len);
  return g_ptr_array_index (rows, index);
}

/* The row's steps' texts joined by " > ", with "!" after a broken step and
 * "@" after one that loops back: the whole row in one comparable string. */
static char *
row_string (const WmTraceRow *row)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < row->steps->len; i++)
    {
      const WmTraceStep *step = wm_trace_row_get_step (row, i);

      g_string_append_printf (out, "%s%s%s%s", i > 0 ? " > " : "", step->text,
                              step->broken ? "!" : "", step->cycle ? "@" : "");
    }
  return g_string_free (out, FALSE);
}

static void
assert_row (GPtrArray  *rows,
            guint       index,
            const char *expected)
{
  g_autofree char *text = row_string (row_at (rows, index));

  g_assert_cmpstr (text, ==, expected);
}

/* A touchpoint links to a canvas channel, the channel to two use cases, one
 * of them to a kaizen: one row per path, depth first in link order; items
 * without links and items only linked to start no row. */
static void
test_chains (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *journey = add_diagram (project, "customer-journey", "Journey");
  WmDiagram *canvas = add_diagram (project, "business-model-canvas", "Canvas");
  WmDiagram *uc = add_diagram (project, "use-case", "Shop");
  WmDiagram *vsm = add_diagram (project, "value-stream-map", "Flow");
  WmItem *touch = wm_test_add_node (journey, "card", &at, "Checkout\npage");
  WmItem *lonely = wm_test_add_node (journey, "card", &at, "Nobody links me");
  WmItem *channel = wm_test_add_node (canvas, "note", &at, "Web shop");
  WmItem *order = wm_test_add_node (uc, "use-case", &at, "Order");
  WmItem *pay = wm_test_add_node (uc, "use-case", &at, "");
  WmItem *kaizen = wm_test_add_node (vsm, "kaizen-burst", &at, "Faster picking");
  g_autofree char *both = g_strdup_printf ("%s %s %s", order->id, pay->id, order->id);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *label = NULL;
  const WmTraceStep *first, *last;

  set_links (journey, touch, channel->id);
  /* The second link to Order is the first one again. */
  set_links (canvas, channel, both);
  set_links (uc, order, kaizen->id);
  rows = wm_trace_collect (project);

  g_assert_cmpuint (rows->len, ==, 2);
  /* A multi-line text reads on one line; an item without text by its type. */
  assert_row (rows, 0, "Checkout page > Web shop > Order > Faster picking");
  assert_row (rows, 1, "Checkout page > Web shop > Use case");
  g_assert_cmpuint (wm_trace_max_steps (rows), ==, 4);
  first = wm_trace_row_get_step (row_at (rows, 0), 0);
  last = wm_trace_row_get_step (row_at (rows, 0), 3);
  g_assert_true (first->item == touch && first->diagram == journey);
  g_assert_true (last->item == kaizen && last->diagram == vsm);
  g_assert_cmpstr (last->diagram_name, ==, "Flow");
  g_assert_cmpstr (last->kind, ==, wm_notation_lookup ("value-stream-map")->label);
  g_assert_true (row_at (rows, 0)->source == journey && row_at (rows, 1)->source == journey);
  label = wm_trace_step_label (first);
  g_assert_cmpstr (label, ==, "Checkout page (Customer journey map)");
  for (guint r = 0; r < rows->len; r++)
    for (guint s = 0; s < row_at (rows, r)->steps->len; s++)
      g_assert_true (wm_trace_row_get_step (row_at (rows, r), s)->item != lonely);
}

/* Rows group by the diagram their chain starts in, in diagram order, and
 * keep the items' order inside a group, whatever order the links were made. */
static void
test_grouping (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *first = add_diagram (project, "use-case", "First");
  WmDiagram *second = add_diagram (project, "business-model-canvas", "Second");
  WmItem *a = wm_test_add_node (first, "use-case", &at, "A");
  WmItem *b = wm_test_add_node (first, "use-case", &at, "B");
  WmItem *x = wm_test_add_node (second, "note", &at, "X");
  WmItem *y = wm_test_add_node (second, "note", &at, "Y");
  g_autoptr(GPtrArray) rows = NULL;

  set_links (second, y, a->id);
  set_links (first, b, x->id);
  set_links (second, x, y->id);
  set_links (first, a, y->id);
  rows = wm_trace_collect (project);

  /* B starts the only chain: A and X and Y are all linked to... */
  g_assert_cmpuint (rows->len, ==, 1);
  assert_row (rows, 0, "B > X > Y > A > Y@");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* ...until A is a root too, and sorts before B. */
  set_links (second, y, "");
  rows = wm_trace_collect (project);
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, "A > Y");
  assert_row (rows, 1, "B > X > Y");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A root of the second diagram comes after every root of the first. */
  wm_test_add_node (second, "note", &at, "Z");
  set_links (second, wm_diagram_get_item (second, 2), b->id);
  rows = wm_trace_collect (project);
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, "A > Y");
  assert_row (rows, 1, "Z > B > X > Y");
  g_assert_true (row_at (rows, 0)->source == first);
  g_assert_true (row_at (rows, 1)->source == second);
}

/* A ring of links that nothing outside links into still shows, from its
 * first item in project order, and stops where it comes back. */
static void
test_cycles (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *canvas = add_diagram (project, "business-model-canvas", "Canvas");
  WmDiagram *vsm = add_diagram (project, "value-stream-map", "Flow");
  WmItem *a = wm_test_add_node (canvas, "note", &at, "A");
  WmItem *b = wm_test_add_node (vsm, "kaizen-burst", &at, "B");
  WmItem *c = wm_test_add_node (vsm, "kaizen-burst", &at, "C");
  WmItem *self = wm_test_add_node (canvas, "note", &at, "Self");
  g_autoptr(GPtrArray) rows = NULL;

  set_links (vsm, b, c->id);
  set_links (vsm, c, a->id);
  set_links (canvas, a, b->id);
  set_links (canvas, self, self->id);
  rows = wm_trace_collect (project);

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, "A > B > C > A@");
  assert_row (rows, 1, "Self > Self@");
  g_assert_true (wm_trace_row_get_step (row_at (rows, 0), 3)->item == a);
  g_assert_false (wm_trace_row_get_step (row_at (rows, 0), 2)->cycle);
}

/* A link to a deleted item shows what the item was; a link to an id the
 * project never had says only that the item is missing. */
static void
test_broken_links (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *journey = add_diagram (project, "customer-journey", "Journey");
  WmDiagram *uc = add_diagram (project, "use-case", "Shop");
  WmItem *card = wm_test_add_node (journey, "card", &at, "Checkout");
  WmItem *order = wm_test_add_node (uc, "use-case", &at, "Order");
  g_autofree char *order_id = g_strdup (order->id);
  g_autofree char *links = g_strdup_printf ("%s never-was-here", order_id);
  const char *const gone[] = { order_id, NULL };
  g_autoptr(GPtrArray) rows = NULL;
  const WmTraceStep *deleted, *missing;
  g_autofree char *label = NULL;

  set_links (journey, card, links);
  g_assert_cmpuint (wm_diagram_remove_items (uc, gone), ==, 1);
  rows = wm_trace_collect (project);

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, "Checkout > Order!");
  assert_row (rows, 1, "Checkout > Missing item!");
  deleted = wm_trace_row_get_step (row_at (rows, 0), 1);
  g_assert_null (deleted->item);
  g_assert_null (deleted->diagram);
  g_assert_cmpstr (deleted->id, ==, order_id);
  g_assert_cmpstr (deleted->type->id, ==, "use-case");
  g_assert_cmpstr (deleted->diagram_name, ==, "Shop");
  g_assert_cmpstr (deleted->kind, ==, wm_notation_lookup ("use-case")->label);
  missing = wm_trace_row_get_step (row_at (rows, 1), 1);
  g_assert_true (missing->broken);
  g_assert_null (missing->type);
  g_assert_cmpstr (missing->kind, ==, "");
  label = wm_trace_step_label (missing);
  g_assert_cmpstr (label, ==, "Missing item");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Undone, the deletion leaves a whole chain again. */
  g_assert_true (wm_project_undo (project));
  rows = wm_trace_collect (project);
  assert_row (rows, 0, "Checkout > Order");
  g_assert_false (wm_trace_row_get_step (row_at (rows, 0), 1)->broken);
}

/* Every link of the sample stands between two neighbouring steps of some
 * row, and every pair of neighbours is a link: the table shows all the
 * links and nothing else. */
static void
test_sample_covers_every_link (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(GPtrArray) rows = wm_trace_collect (project);
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_links = 0;
  WmDiagram *last_source = NULL;
  g_autoptr(GHashTable) sources = g_hash_table_new (NULL, NULL);

  g_assert_cmpuint (rows->len, >, 5);
  for (guint r = 0; r < rows->len; r++)
    {
      const WmTraceRow *row = row_at (rows, r);

      g_assert_cmpuint (row->steps->len, >=, 2);
      /* Groups are contiguous. */
      if (row->source != last_source)
        g_assert_false (g_hash_table_contains (sources, row->source));
      g_hash_table_add (sources, row->source);
      last_source = row->source;
      for (guint s = 0; s + 1 < row->steps->len; s++)
        {
          const WmTraceStep *from = wm_trace_row_get_step (row, s);
          const WmTraceStep *to = wm_trace_row_get_step (row, s + 1);

          g_assert_nonnull (from->item);
          g_assert_true (g_strv_contains (wm_item_get_strv (from->item, WM_FIELD_LINKS), to->id));
          g_hash_table_add (shown, g_strdup_printf ("%s>%s", from->id, to->id));
        }
    }
  for (guint d = 0; d < wm_project_get_n_diagrams (project); d++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, d);

      for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
        {
          WmItem *item = wm_diagram_get_item (diagram, i);
          const char *const *ids;

          if (!wm_item_has_prop (item, WM_FIELD_LINKS))
            continue;
          ids = wm_item_get_strv (item, WM_FIELD_LINKS);
          for (guint j = 0; ids[j] != NULL; j++)
            {
              g_autofree char *key = g_strdup_printf ("%s>%s", item->id, ids[j]);

              g_assert_true (g_hash_table_contains (shown, key));
              n_links++;
            }
        }
    }
  g_assert_cmpuint (n_links, >, 10);
}

/* Twelve diamonds in a row make 4096 paths: the rows stop at the cap. */
static void
test_row_cap (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *canvas = add_diagram (project, "business-model-canvas", "Canvas");
  WmItem *top = wm_test_add_node (canvas, "note", &at, "Top");
  g_autoptr(GPtrArray) rows = NULL;

  for (guint i = 0; i < 12; i++)
    {
      WmItem *left = wm_test_add_node (canvas, "note", &at, "L");
      WmItem *right = wm_test_add_node (canvas, "note", &at, "R");
      WmItem *join = wm_test_add_node (canvas, "note", &at, "J");
      g_autofree char *both = g_strdup_printf ("%s %s", left->id, right->id);

      set_links (canvas, top, both);
      set_links (canvas, left, join->id);
      set_links (canvas, right, join->id);
      top = join;
    }
  rows = wm_trace_collect (project);
  g_assert_cmpuint (rows->len, ==, WM_TRACE_MAX_ROWS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trace/chains", test_chains);
  g_test_add_func ("/trace/grouping", test_grouping);
  g_test_add_func ("/trace/cycles", test_cycles);
  g_test_add_func ("/trace/broken-links", test_broken_links);
  g_test_add_func ("/trace/sample/every-link", test_sample_covers_every_link);
  g_test_add_func ("/trace/row-cap", test_row_cap);
  return g_test_run ();
}
