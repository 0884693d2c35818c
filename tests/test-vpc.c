/* test-vpc.c — the Value Proposition Canvas: its areas, the flow of its notes, its checks
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures are worked out by hand from wm-vpc.c on the notation's default
 * canvas of 2000 x 960: the square and the circle are 900 across (0.45 of
 * the width), the square at x 0, y 30, the circle centred at (1550, 480).
 */
#include "config.h"

#include <math.h>

#include "waymark-model.h"
#include "wm-test-util.h"

typedef struct
{
  WmProject *project;
  WmDiagram *diagram;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->project = wm_project_new ();
  fixture->diagram = wm_project_add_diagram (fixture->project, "value-proposition-canvas",
                                             "Profile", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->project);
}

static WmItem *
add_note (Fixture    *fixture,
          const char *type,
          const char *text)
{
  /* Far from where the flow puts it, so that a note left at its bounds shows. */
  WmRect bounds = { 5000, 5000, 120, 70 };

  return wm_test_add_node (fixture->diagram, type, &bounds, text);
}

static guint
count_messages (GPtrArray  *problems,
                const char *message)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    if (g_str_equal (((WmProblem *) g_ptr_array_index (problems, i))->message, message))
      n++;
  return n;
}

static void
test_geometry (Fixture       *fixture,
               gconstpointer  data)
{
  WmRect square;
  WmPoint centre;
  double radius;

  wm_vpc_square (fixture->diagram, &square);
  wm_vpc_circle (fixture->diagram, &centre, &radius);
  g_assert_cmpfloat (square.x, ==, 0);
  g_assert_cmpfloat (square.y, ==, 30);
  g_assert_cmpfloat (square.width, ==, 900);
  g_assert_cmpfloat (square.height, ==, 900);
  g_assert_cmpfloat (centre.x, ==, 1550);
  g_assert_cmpfloat (centre.y, ==, 480);
  g_assert_cmpfloat (radius, ==, 450);

  /* A short, wide canvas: the height limits both. */
  g_assert_true (wm_diagram_set_field (fixture->diagram, "height", "500", NULL));
  wm_vpc_square (fixture->diagram, &square);
  wm_vpc_circle (fixture->diagram, &centre, &radius);
  g_assert_cmpfloat (square.width, ==, 500);
  g_assert_cmpfloat (square.y, ==, 0);
  g_assert_cmpfloat (radius, ==, 250);
  g_assert_cmpfloat (centre.x, ==, 1750);
}

static void
test_areas_at (Fixture       *fixture,
               gconstpointer  data)
{
  const WmBoard *board = wm_board_get (fixture->diagram);
  static const struct { double x, y; guint area; } points[] = {
    { 100, 100, WM_VPC_PRODUCTS },
    { 449, 900, WM_VPC_PRODUCTS },
    { 450, 100, WM_VPC_GAIN_CREATORS },
    { 899, 479, WM_VPC_GAIN_CREATORS },
    { 600, 480, WM_VPC_PAIN_RELIEVERS },
    { 1550, 480, WM_VPC_JOBS },
    { 1990, 480, WM_VPC_JOBS },
    { 1300, 300, WM_VPC_GAINS },
    { 1300, 700, WM_VPC_PAINS },
    /* Between the square and the circle, above the square, and in the
     * corner of the circle's box outside the circle. */
    { 1000, 480, WM_VPC_N_AREAS },
    { 100, 10, WM_VPC_N_AREAS },
    { 1110, 40, WM_VPC_N_AREAS },
    { 1990, 40, WM_VPC_N_AREAS },
  };

  g_assert_nonnull (board);
  g_assert_cmpuint (board->n_areas, ==, WM_VPC_N_AREAS);
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    g_assert_cmpuint (wm_board_area_at (board, fixture->diagram, points[i].x, points[i].y), ==,
                      points[i].area);
}

/* Each area holds the notes of its own type, and only those. */
static void
test_filing_by_type (Fixture       *fixture,
                     gconstpointer  data)
{
  const WmBoard *board = wm_board_get (fixture->diagram);
  WmItem *pain = add_note (fixture, "pain", "Stale beans");
  WmItem *reliever = add_note (fixture, "pain-reliever", "Roasted to order");

  g_assert_cmpuint (wm_board_area_of (board, pain), ==, WM_VPC_PAINS);
  g_assert_cmpuint (wm_board_area_of (board, reliever), ==, WM_VPC_PAIN_RELIEVERS);
  g_assert_true (wm_board_can_file (board, pain, WM_VPC_PAINS));
  g_assert_false (wm_board_can_file (board, pain, WM_VPC_GAINS));
  g_assert_false (wm_board_can_file (board, pain, WM_VPC_N_AREAS));
  g_assert_cmpstr (wm_board_note_type (board, fixture->diagram, WM_VPC_JOBS)->id, ==, "job");
  g_assert_cmpstr (wm_board_note_type (board, fixture->diagram, WM_VPC_GAIN_CREATORS)->id, ==,
                   "gain-creator");
  g_assert_cmpuint (wm_board_area_from_id (board, "pains"), ==, WM_VPC_PAINS);
  g_assert_cmpuint (wm_board_area_from_id (board, "block"), ==, WM_VPC_N_AREAS);
}

static gboolean
inside_circle (const WmRect  *rect,
               const WmPoint *centre,
               double         radius)
{
  double xs[] = { rect->x, rect->x + rect->width };
  double ys[] = { rect->y, rect->y + rect->height };

  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < 2; j++)
      if (hypot (xs[i] - centre->x, ys[j] - centre->y) > radius)
        return FALSE;
  return TRUE;
}

/* Six notes fit each quarter of the circle in two columns, on the half unit,
 * and none crosses the circle or the middle lines. */
static void
test_flow_in_the_circle (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char *const types[] = { "gain", "pain" };
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autoptr(WmBoardLayout) layout = NULL;
  WmPoint centre;
  double radius;

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    for (guint i = 0; i < 6; i++)
      g_ptr_array_add (notes, add_note (fixture, types[t], "Note"));
  layout = wm_board_layout_new (fixture->diagram);
  wm_vpc_circle (fixture->diagram, &centre, &radius);

  for (guint i = 0; i < notes->len; i++)
    {
      WmItem *note = g_ptr_array_index (notes, i);
      WmRect rect;

      g_assert_true (wm_board_layout_item_rect (layout, note, &rect));
      g_assert_true (inside_circle (&rect, &centre, radius));
      g_assert_cmpfloat (rect.x + rect.width, <=, centre.x);
      if (g_str_equal (note->type->id, "gain"))
        g_assert_cmpfloat (rect.y + rect.height, <=, centre.y);
      else
        g_assert_cmpfloat (rect.y, >=, centre.y);
      g_assert_cmpfloat (rect.x * 2, ==, round (rect.x * 2));
      g_assert_cmpfloat (rect.y * 2, ==, round (rect.y * 2));
    }
  g_assert_false (wm_board_layout_overflows (layout, WM_VPC_GAINS));
  g_assert_false (wm_board_layout_overflows (layout, WM_VPC_PAINS));

  /* Two columns: the third note starts the second row, under the first. */
  {
    WmRect first, third;

    wm_board_layout_item_rect (layout, g_ptr_array_index (notes, 0), &first);
    wm_board_layout_item_rect (layout, g_ptr_array_index (notes, 2), &third);
    g_assert_cmpfloat (third.x, ==, first.x);
    g_assert_cmpfloat (third.y, ==, first.y + 70 + WM_BOARD_GAP_Y);
  }

  /* A seventh gain runs past the quarter: it is still placed, and marked. */
  add_note (fixture, "gain", "One too many");
  g_clear_pointer (&layout, wm_board_layout_free);
  layout = wm_board_layout_new (fixture->diagram);
  g_assert_true (wm_board_layout_overflows (layout, WM_VPC_GAINS));
  g_assert_false (wm_board_layout_overflows (layout, WM_VPC_PAINS));
}

/* Pinned notes keep their bounds; a note's area is its type. */
static void
test_pinned (Fixture       *fixture,
             gconstpointer  data)
{
  WmItem *job = add_note (fixture, "job", "Brew coffee");
  g_autoptr(WmBoardLayout) layout = NULL;
  WmRect rect;

  wm_test_set_property (fixture->diagram, job, "pinned", "true");
  layout = wm_board_layout_new (fixture->diagram);
  g_assert_false (wm_board_layout_item_rect (layout, job, &rect));
  g_assert_cmpfloat (rect.x, ==, 5000);
}

/* Fit links run from a pain reliever to a pain and from a gain creator to
 * a gain, never across. */
static void
test_fit_rules (Fixture       *fixture,
                gconstpointer  data)
{
  const WmNotation *notation = wm_diagram_get_notation (fixture->diagram);
  WmItem *pain = add_note (fixture, "pain", "Stale beans");
  WmItem *gain = add_note (fixture, "gain", "Café quality");
  WmItem *reliever = add_note (fixture, "pain-reliever", "Roasted to order");
  WmItem *creator = add_note (fixture, "gain-creator", "Q-graded lots");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) allowed = NULL;

  g_assert_nonnull (wm_diagram_add_link (fixture->diagram, "relieves", reliever->id, pain->id,
                                         &error));
  g_assert_no_error (error);
  g_assert_nonnull (wm_diagram_add_link (fixture->diagram, "creates", creator->id, gain->id,
                                         &error));
  g_assert_no_error (error);
  g_assert_null (wm_diagram_add_link (fixture->diagram, "relieves", creator->id, pain->id, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_null (wm_diagram_add_link (fixture->diagram, "relieves", pain->id, reliever->id,
                                      &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  allowed = wm_notation_allowed_links (notation, reliever->type, pain->type);
  g_assert_cmpuint (allowed->len, ==, 1);
  g_assert_cmpstr (((const WmItemType *) g_ptr_array_index (allowed, 0))->id, ==, "relieves");
}

/* Every pain is relieved and every reliever relieves something, or the
 * checks name the note that is not; the same for gains. */
static void
test_check_fit (Fixture       *fixture,
                gconstpointer  data)
{
  WmItem *stale = add_note (fixture, "pain", "Stale beans");
  WmItem *run_out = add_note (fixture, "pain", "Running out");
  WmItem *roasted = add_note (fixture, "pain-reliever", "Roasted to order");
  WmItem *mugs = add_note (fixture, "pain-reliever", "Free mugs");
  WmItem *gain = add_note (fixture, "gain", "");
  WmItem *creator = add_note (fixture, "gain-creator", "Q-graded lots");
  g_autoptr(GPtrArray) problems = NULL;

  wm_test_add_link (fixture->diagram, "relieves", roasted, stale);
  problems = wm_diagram_check (fixture->diagram);
  g_assert_cmpuint (count_messages (problems, "No pain reliever relieves the pain “Running out”."),
                    ==, 1);
  g_assert_cmpuint (count_messages (problems, "No pain reliever relieves the pain “Stale beans”."),
                    ==, 0);
  g_assert_cmpuint (count_messages (problems, "The pain reliever “Free mugs” relieves no pain."),
                    ==, 1);
  g_assert_cmpuint (count_messages (problems,
                                    "The pain reliever “Roasted to order” relieves no pain."),
                    ==, 0);
  g_assert_cmpuint (count_messages (problems,
                                    "No gain creator creates an unnamed gain."), ==, 1);
  g_assert_cmpuint (count_messages (problems, "A note of type “Gain” has no text."), ==, 1);
  g_assert_cmpuint (count_messages (problems,
                                    "The gain creator “Q-graded lots” creates no gain."), ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Linked, they are all fine. */
  wm_test_add_link (fixture->diagram, "relieves", mugs, run_out);
  wm_test_add_link (fixture->diagram, "creates", creator, gain);
  g_assert_true (wm_diagram_set_text (fixture->diagram, gain->id, "Café quality"));
  problems = wm_diagram_check (fixture->diagram);
  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpint (((WmProblem *) g_ptr_array_index (problems, i))->severity, ==,
                     WM_SEVERITY_INFO);
  /* What is left: the areas no note is in. */
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpuint (count_messages (problems, "The “Customer Jobs” area is empty."), ==, 1);
  g_assert_cmpuint (count_messages (problems, "The “Products & Services” area is empty."), ==, 1);
}

/* The diagram links to a value proposition and a customer segment of a
 * business model canvas; a link to a note of another block is reported. */
static void
test_check_model_links (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  WmDiagram *canvas = wm_project_add_diagram (fixture->project, "business-model-canvas",
                                              "Model", &error);
  WmRect bounds = { 0, 0, 120, 80 };
  WmItem *offer = wm_test_add_node (canvas, "note", &bounds, "Fresh beans");
  WmItem *segment = wm_test_add_node (canvas, "note", &bounds, "Home brewers");
  g_autoptr(GPtrArray) problems = NULL;
  const char *wrong = "The value proposition is linked to “Home brewers”, which is not a note in "
                      "the value propositions block of a business model canvas.";

  g_assert_no_error (error);
  wm_test_set_property (canvas, offer, "block", "value-propositions");
  wm_test_set_property (canvas, segment, "block", "customer-segments");

  g_assert_true (wm_diagram_set_field (fixture->diagram, "value-proposition-links", offer->id,
                                       NULL));
  g_assert_true (wm_diagram_set_field (fixture->diagram, "customer-segment-links", segment->id,
                                       NULL));
  problems = wm_diagram_check (fixture->diagram);
  for (guint i = 0; i < problems->len; i++)
    g_assert_null (strstr (((WmProblem *) g_ptr_array_index (problems, i))->message, "linked to"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_true (wm_diagram_set_field (fixture->diagram, "value-proposition-links", segment->id,
                                       NULL));
  problems = wm_diagram_check (fixture->diagram);
  g_assert_cmpuint (count_messages (problems, wrong), ==, 1);
}

/* The sample's value proposition: every pain relieved, every gain created,
 * linked to its business model, and it survives a save and a load. */
static void
test_sample (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(GPtrArray) problems = NULL;
  WmDiagram *diagram = NULL;

  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    if (g_str_equal (wm_diagram_get_notation (wm_project_get_diagram (project, i))->id,
                     "value-proposition-canvas"))
      diagram = wm_project_get_diagram (project, i);
  g_assert_nonnull (diagram);
  problems = wm_diagram_check (diagram);
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/vpc/geometry", test_geometry);
  ADD ("/vpc/areas-at", test_areas_at);
  ADD ("/vpc/filing-by-type", test_filing_by_type);
  ADD ("/vpc/flow-in-the-circle", test_flow_in_the_circle);
  ADD ("/vpc/pinned", test_pinned);
  ADD ("/vpc/fit-rules", test_fit_rules);
  ADD ("/vpc/check-fit", test_check_fit);
  ADD ("/vpc/check-model-links", test_check_model_links);
#undef ADD
  g_test_add_func ("/vpc/sample", test_sample);

  return g_test_run ();
}
