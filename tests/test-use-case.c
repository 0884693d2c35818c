/* test-use-case.c — the checks of use-case diagrams
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "waymark-model.h"
#include "wm-test-util.h"

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
          const char *text)
{
  return wm_test_add_node (diagram, type, &(WmRect) { 0, 0, 100, 60 }, text);
}

/* An actor associated with a new use case named @use_case_name. */
static WmItem *
add_actor_with_use_case (WmDiagram  *diagram,
                         const char *actor_name,
                         const char *use_case_name)
{
  WmItem *actor = add_node (diagram, "actor", actor_name);
  WmItem *use_case = add_node (diagram, "use-case", use_case_name);

  wm_test_add_link (diagram, "association", actor, use_case);
  return use_case;
}

static gboolean
same_ids (const WmProblem   *problem,
          const char *const *ids)
{
  guint n = g_strv_length ((char **) ids);

  if (g_strv_length (problem->item_ids) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!g_strv_contains ((const char *const *) problem->item_ids, ids[i]))
      return FALSE;
  return TRUE;
}

/* How many problems of @severity concern exactly @ids, in any order. */
static guint
count_problems (GPtrArray         *problems,
                WmSeverity         severity,
                const char *const *ids)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      WmProblem *problem = g_ptr_array_index (problems, i);
      if (problem->severity == severity && same_ids (problem, ids))
        n++;
    }
  return n;
}

static guint
count_severity (GPtrArray  *problems,
                WmSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    n += ((WmProblem *) g_ptr_array_index (problems, i))->severity == severity;
  return n;
}

static void
assert_problem (WmDiagram  *diagram,
                WmSeverity  severity,
                ...)
{
  g_autoptr(GPtrArray) problems = wm_diagram_check (diagram);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const char *id;
  va_list args;

  va_start (args, severity);
  while ((id = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (ids, (gpointer) id);
  va_end (args);
  g_ptr_array_add (ids, NULL);
  g_assert_cmpuint (count_problems (problems, severity, (const char *const *) ids->pdata), ==, 1);
}

static void
assert_no_problems (WmDiagram *diagram)
{
  g_autoptr(GPtrArray) problems = wm_diagram_check (diagram);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("unexpected: %s", ((WmProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_unnamed (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *use_case = add_actor_with_use_case (diagram, "Customer", "  ");
  WmItem *actor = add_node (diagram, "actor", "");

  wm_test_add_link (diagram, "association", actor, use_case);
  assert_problem (diagram, WM_SEVERITY_ERROR, use_case->id, NULL);
  assert_problem (diagram, WM_SEVERITY_ERROR, actor->id, NULL);

  wm_diagram_set_text (diagram, use_case->id, "Pay");
  wm_diagram_set_text (diagram, actor->id, "Clerk");
  assert_no_problems (diagram);
}

static void
test_duplicate_names (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *pay = add_actor_with_use_case (diagram, "Customer", "Pay");
  WmItem *pay_again = add_actor_with_use_case (diagram, " customer ", "PAY");
  WmItem *customer = wm_diagram_get_item (diagram, 0);
  WmItem *customer_again = NULL;
  g_autoptr(GPtrArray) links = wm_diagram_links_of (diagram, pay_again->id);

  customer_again = wm_diagram_lookup (diagram, ((WmItem *) g_ptr_array_index (links, 0))->source);
  g_assert_cmpstr (customer->type->id, ==, "actor");
  assert_problem (diagram, WM_SEVERITY_WARNING, customer->id, customer_again->id, NULL);
  assert_problem (diagram, WM_SEVERITY_WARNING, pay->id, pay_again->id, NULL);

  /* An actor and a use case may share a name. */
  wm_diagram_set_text (diagram, customer_again->id, "Pay");
  wm_diagram_set_text (diagram, pay_again->id, "Customer");
  assert_no_problems (diagram);
}

static void
test_lonely_actor (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *use_case = add_actor_with_use_case (diagram, "Customer", "Pay");
  WmItem *actor = add_node (diagram, "actor", "Clerk");

  assert_problem (diagram, WM_SEVERITY_WARNING, actor->id, NULL);
  wm_test_add_link (diagram, "association", use_case, actor);
  assert_no_problems (diagram);
}

static void
test_unreached (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *order = add_actor_with_use_case (diagram, "Customer", "Order");
  WmItem *pay = add_node (diagram, "use-case", "Pay");
  WmItem *gift = add_node (diagram, "use-case", "Apply gift code");
  WmItem *pay_card = add_node (diagram, "use-case", "Pay by card");
  WmItem *pay_any = add_node (diagram, "use-case", "Pay somehow");
  WmItem *refund = add_node (diagram, "use-case", "Refund");

  /* Reached through an include, an extend, and generalizations both ways. */
  wm_test_add_link (diagram, "include", order, pay);
  wm_test_add_link (diagram, "extend", gift, pay);
  wm_test_add_link (diagram, "generalization", pay_card, pay);
  wm_test_add_link (diagram, "generalization", pay_card, pay_any);
  assert_problem (diagram, WM_SEVERITY_WARNING, refund->id, NULL);
  {
    g_autoptr(GPtrArray) problems = wm_diagram_check (diagram);
    g_assert_cmpuint (problems->len, ==, 1);
  }

  wm_test_add_link (diagram, "extend", refund, order);
  assert_no_problems (diagram);
}

static void
test_include_cycle (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *a = add_actor_with_use_case (diagram, "Customer", "A");
  WmItem *b = add_node (diagram, "use-case", "B");
  WmItem *c = add_node (diagram, "use-case", "C");
  WmItem *d = add_node (diagram, "use-case", "D");
  WmItem *back;

  wm_test_add_link (diagram, "include", a, b);
  wm_test_add_link (diagram, "include", b, c);
  wm_test_add_link (diagram, "include", c, d);
  back = wm_test_add_link (diagram, "include", d, b);
  {
    g_autoptr(GPtrArray) problems = wm_diagram_check (diagram);
    const char *ids[] = { b->id, c->id, d->id, NULL };

    g_assert_cmpuint (count_problems (problems, WM_SEVERITY_ERROR, ids), ==, 1);
    g_assert_cmpuint (count_severity (problems, WM_SEVERITY_ERROR), ==, 1);
  }

  {
    const char *ids[] = { back->id, NULL };
    g_autoptr(GPtrArray) problems = NULL;

    wm_diagram_remove_items (diagram, ids);
    problems = wm_diagram_check (diagram);
    g_assert_cmpuint (count_severity (problems, WM_SEVERITY_ERROR), ==, 0);
  }
}

/* A chain long enough to overflow a recursive search, closed into a cycle. */
static void
test_long_include_cycle (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *first = add_actor_with_use_case (diagram, "Customer", "Step");
  WmItem *last = first;
  g_autoptr(GPtrArray) problems = NULL;
  const guint n = 20000;

  for (guint i = 1; i < n; i++)
    {
      WmItem *next = add_node (diagram, "use-case", "Step");
      wm_test_add_link (diagram, "include", last, next);
      last = next;
    }
  wm_test_add_link (diagram, "include", last, first);
  problems = wm_diagram_check (diagram);
  g_assert_cmpuint (count_severity (problems, WM_SEVERITY_ERROR), ==, 1);
  for (guint i = 0; i < problems->len; i++)
    {
      WmProblem *problem = g_ptr_array_index (problems, i);
      if (problem->severity == WM_SEVERITY_ERROR)
        g_assert_cmpuint (g_strv_length (problem->item_ids), ==, n);
    }
}

static void
test_missing_extension_point (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *pay = add_actor_with_use_case (diagram, "Customer", "Pay");
  WmItem *gift = add_node (diagram, "use-case", "Apply gift code");
  WmItem *extend = wm_test_add_link (diagram, "extend", gift, pay);

  /* No extension point named: nothing to check. */
  assert_no_problems (diagram);

  wm_test_set_property (diagram, pay, "extension-points", "Payment details\nReceipt");
  wm_test_set_property (diagram, extend, "extension-point", "Shipping");
  assert_problem (diagram, WM_SEVERITY_ERROR, extend->id, pay->id, NULL);

  wm_test_set_property (diagram, extend, "extension-point", "Payment details");
  assert_no_problems (diagram);
}

static void
test_duplicate_extension_points (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *pay = add_actor_with_use_case (diagram, "Customer", "Pay");

  wm_test_set_property (diagram, pay, "extension-points", "Payment details\nReceipt\n payment details");
  assert_problem (diagram, WM_SEVERITY_WARNING, pay->id, NULL);

  wm_test_set_property (diagram, pay, "extension-points", "Payment details\nReceipt");
  assert_no_problems (diagram);
}

static void
test_actor_in_subject (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *subject = add_node (diagram, "subject", "Web shop");
  WmItem *pay = add_actor_with_use_case (diagram, "Customer", "Pay");
  WmItem *actor = wm_diagram_get_item (diagram, 1);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (actor->type->id, ==, "actor");
  g_assert_true (wm_diagram_set_parent (diagram, pay->id, subject->id, &error));
  g_assert_no_error (error);
  assert_no_problems (diagram);

  g_assert_true (wm_diagram_set_parent (diagram, actor->id, subject->id, &error));
  g_assert_no_error (error);
  assert_problem (diagram, WM_SEVERITY_WARNING, actor->id, NULL);
}

static void
test_includes_and_included (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *order = add_actor_with_use_case (diagram, "Customer", "Order");
  WmItem *pay = add_node (diagram, "use-case", "Pay");
  WmItem *authorise = add_node (diagram, "use-case", "Authorise card");
  WmItem *link;

  wm_test_add_link (diagram, "include", order, authorise);
  link = wm_test_add_link (diagram, "include", order, pay);
  assert_no_problems (diagram);

  {
    const char *ids[] = { link->id, NULL };
    wm_diagram_remove_items (diagram, ids);
  }
  wm_test_add_link (diagram, "include", pay, authorise);
  wm_test_add_link (diagram, "include", order, pay);
  assert_problem (diagram, WM_SEVERITY_INFO, pay->id, NULL);
}

/* The message of the one problem of @severity that concerns exactly @ids. */
static char *
problem_message (WmDiagram  *diagram,
                 WmSeverity  severity,
                 ...)
{
  g_autoptr(GPtrArray) problems = wm_diagram_check (diagram);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const char *id;
  va_list args;

  va_start (args, severity);
  while ((id = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (ids, (gpointer) id);
  va_end (args);
  g_ptr_array_add (ids, NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      WmProblem *problem = g_ptr_array_index (problems, i);
      if (problem->severity == severity && same_ids (problem, (const char *const *) ids->pdata))
        return g_strdup (problem->message);
    }
  g_assert_not_reached ();
  return NULL;
}

/* Every message names items by their text, never by an id, and never
 * quotes an empty name. */
static void
assert_messages_name_items (WmDiagram *diagram)
{
  g_autoptr(GPtrArray) problems = wm_diagram_check (diagram);

  g_assert_cmpuint (problems->len, >, 0);
  for (guint i = 0; i < problems->len; i++)
    {
      WmProblem *problem = g_ptr_array_index (problems, i);

      g_test_message ("%s", problem->message);
      g_assert_null (strstr (problem->message, "“”"));
      g_assert_null (strstr (problem->message, "“ ”"));
      g_assert_null (strstr (problem->message, "A “A"));
      g_assert_null (strstr (problem->message, "A “E"));
      g_assert_null (strstr (problem->message, "A “I"));
      for (guint j = 0; j < wm_diagram_get_n_items (diagram); j++)
        g_assert_null (strstr (problem->message, wm_diagram_get_item (diagram, j)->id));
    }
}

static void
test_generalization_cycles (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *pay = add_actor_with_use_case (diagram, "Customer", "Pay");
  WmItem *customer = wm_diagram_get_item (diagram, 0);
  WmItem *member = add_node (diagram, "actor", "Member");
  WmItem *guest = add_node (diagram, "actor", "Guest");
  WmItem *pay_card = add_node (diagram, "use-case", "Pay by card");
  WmItem *pay_cash = add_node (diagram, "use-case", "Pay in cash");
  WmItem *clerk = add_node (diagram, "actor", "Clerk");
  g_autofree char *actors = NULL;
  g_autofree char *use_cases = NULL;
  g_autofree char *itself = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  wm_test_add_link (diagram, "association", clerk, pay);
  /* Actors: Member → Guest → Customer → Member; use cases: Pay by card ⇄ Pay in cash
   * under Pay; and the clerk generalizes itself. */
  wm_test_add_link (diagram, "generalization", member, guest);
  wm_test_add_link (diagram, "generalization", guest, customer);
  wm_test_add_link (diagram, "generalization", customer, member);
  wm_test_add_link (diagram, "generalization", pay_card, pay);
  wm_test_add_link (diagram, "generalization", pay_card, pay_cash);
  wm_test_add_link (diagram, "generalization", pay_cash, pay_card);
  wm_test_add_link (diagram, "generalization", clerk, clerk);

  problems = wm_diagram_check (diagram);
  g_assert_cmpuint (count_severity (problems, WM_SEVERITY_ERROR), ==, 3);
  actors = problem_message (diagram, WM_SEVERITY_ERROR, customer->id, member->id, guest->id, NULL);
  use_cases = problem_message (diagram, WM_SEVERITY_ERROR, pay_card->id, pay_cash->id, NULL);
  itself = problem_message (diagram, WM_SEVERITY_ERROR, clerk->id, NULL);
  g_assert_nonnull (strstr (actors, "“Customer”"));
  g_assert_nonnull (strstr (actors, "“Member”"));
  g_assert_nonnull (strstr (actors, "“Guest”"));
  g_assert_nonnull (strstr (use_cases, "“Pay by card”"));
  g_assert_nonnull (strstr (use_cases, "“Pay in cash”"));
  g_assert_null (strstr (use_cases, "“Pay”"));
  g_assert_nonnull (strstr (itself, "“Clerk”"));
  g_assert_nonnull (strstr (itself, "itself"));
}

/* A child actor inherits its parent's associations, through any number of
 * generations; a parent inherits nothing from its children. */
static void
test_inherited_associations (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *pay = add_actor_with_use_case (diagram, "Customer", "Pay");
  WmItem *customer = wm_diagram_get_item (diagram, 0);
  WmItem *member = add_node (diagram, "actor", "Member");
  WmItem *gold = add_node (diagram, "actor", "Gold member");
  WmItem *person;

  wm_test_add_link (diagram, "generalization", member, customer);
  wm_test_add_link (diagram, "generalization", gold, member);
  assert_no_problems (diagram);

  person = add_node (diagram, "actor", "Person");
  wm_test_add_link (diagram, "generalization", customer, person);
  assert_problem (diagram, WM_SEVERITY_WARNING, person->id, NULL);
  {
    g_autoptr(GPtrArray) problems = wm_diagram_check (diagram);
    g_assert_cmpuint (problems->len, ==, 1);
  }
  (void) pay;
}

static void
test_self_include (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *pay = add_actor_with_use_case (diagram, "Customer", "Pay");
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  wm_test_add_link (diagram, "include", pay, pay);
  problems = wm_diagram_check (diagram);
  g_assert_cmpuint (problems->len, ==, 1);
  message = problem_message (diagram, WM_SEVERITY_ERROR, pay->id, NULL);
  g_assert_nonnull (strstr (message, "“Pay” includes itself"));
  g_assert_null (strstr (message, "use cases"));
}

/* An include cycle is one error; its members are not also noted as both
 * including and included, which the cycle already says. */
static void
test_include_cycle_no_notes (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *a = add_actor_with_use_case (diagram, "Customer", "A");
  WmItem *b = add_node (diagram, "use-case", "B");
  WmItem *c = add_node (diagram, "use-case", "C");
  WmItem *outside;
  g_autoptr(GPtrArray) problems = NULL;

  wm_test_add_link (diagram, "include", a, b);
  wm_test_add_link (diagram, "include", b, c);
  wm_test_add_link (diagram, "include", c, a);
  problems = wm_diagram_check (diagram);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpuint (count_severity (problems, WM_SEVERITY_ERROR), ==, 1);

  /* Included from outside the cycle and including outside it, C is noted. */
  outside = add_actor_with_use_case (diagram, "Clerk", "Outside");
  wm_test_add_link (diagram, "include", outside, c);
  wm_test_add_link (diagram, "include", c, add_node (diagram, "use-case", "Inner"));
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = wm_diagram_check (diagram);
  g_assert_cmpuint (count_severity (problems, WM_SEVERITY_INFO), ==, 1);
  assert_problem (diagram, WM_SEVERITY_INFO, c->id, NULL);
  g_assert_cmpuint (count_severity (problems, WM_SEVERITY_ERROR), ==, 1);
}

/* Unnamed items are described by their type, in sentences that stay grammatical. */
static void
test_messages_name_items (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = new_diagram (project);
  WmItem *subject = add_node (diagram, "subject", "");
  WmItem *lonely = add_node (diagram, "use-case", "");
  WmItem *actor = add_node (diagram, "actor", "");
  WmItem *base = add_node (diagram, "use-case", "");
  WmItem *extension = add_node (diagram, "use-case", "");
  WmItem *extend = wm_test_add_link (diagram, "extend", extension, base);
  g_autoptr(GError) error = NULL;
  g_autofree char *unreached = NULL;

  g_assert_true (wm_diagram_set_parent (diagram, actor->id, subject->id, &error));
  g_assert_no_error (error);
  wm_test_set_property (diagram, base, "extension-points", "Receipt\nreceipt");
  wm_test_set_property (diagram, extend, "extension-point", "Shipping");
  wm_test_add_link (diagram, "include", lonely, lonely);
  wm_test_add_link (diagram, "generalization", actor, actor);
  assert_messages_name_items (diagram);
  unreached = problem_message (diagram, WM_SEVERITY_WARNING, base->id, NULL);
  g_assert_nonnull (strstr (unreached, "an unnamed use case"));
}

/* A link that breaks the notation's rules, loaded from a file. */
static void
test_link_rule_message (void)
{
  const char *data =
    "<?xml version=\"1.0\"?>\n"
    "<waymark-project format=\"1\">\n"
    "  <diagram id=\"d\" notation=\"use-case\" name=\"Cases\">\n"
    "    <node id=\"a\" type=\"actor\" x=\"0\" y=\"0\" w=\"60\" h=\"110\" text=\"Customer\"/>\n"
    "    <node id=\"n\" type=\"note\" x=\"200\" y=\"0\" w=\"160\" h=\"80\" text=\"Later\"/>\n"
    "    <link id=\"l\" type=\"association\" source=\"a\" target=\"n\"/>\n"
    "  </diagram>\n"
    "</waymark-project>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = wm_project_load_from_data (data, strlen (data), "rule.waymark",
                                                            &error);
  WmDiagram *diagram;
  g_autofree char *message = NULL;

  g_assert_no_error (error);
  diagram = wm_project_get_diagram (project, 0);
  message = problem_message (diagram, WM_SEVERITY_ERROR, "l", NULL);
  g_assert_cmpstr (message, ==, "A link of type “Association” cannot go from an item of type "
                                "“Actor” to an item of type “Note”.");
}

static void
test_sample_is_clean (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(GPtrArray) problems = wm_project_check (project);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("sample: %s", ((WmProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/use-case/check/unnamed", test_unnamed);
  g_test_add_func ("/use-case/check/duplicate-names", test_duplicate_names);
  g_test_add_func ("/use-case/check/lonely-actor", test_lonely_actor);
  g_test_add_func ("/use-case/check/unreached", test_unreached);
  g_test_add_func ("/use-case/check/include-cycle", test_include_cycle);
  g_test_add_func ("/use-case/check/long-include-cycle", test_long_include_cycle);
  g_test_add_func ("/use-case/check/missing-extension-point", test_missing_extension_point);
  g_test_add_func ("/use-case/check/duplicate-extension-points",
                   test_duplicate_extension_points);
  g_test_add_func ("/use-case/check/actor-in-subject", test_actor_in_subject);
  g_test_add_func ("/use-case/check/includes-and-included", test_includes_and_included);
  g_test_add_func ("/use-case/check/generalization-cycles", test_generalization_cycles);
  g_test_add_func ("/use-case/check/inherited-associations", test_inherited_associations);
  g_test_add_func ("/use-case/check/self-include", test_self_include);
  g_test_add_func ("/use-case/check/include-cycle-no-notes", test_include_cycle_no_notes);
  g_test_add_func ("/use-case/check/messages-name-items", test_messages_name_items);
  g_test_add_func ("/use-case/check/link-rule-message", test_link_rule_message);
  g_test_add_func ("/use-case/check/sample", test_sample_is_clean);
  return g_test_run ();
}
