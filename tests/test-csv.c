/* test-csv.c — diagrams as CSV tables, out and in
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wm-csv.h"
#include "wm-notation.h"
#include "wm-trace.h"
#include "wm-error.h"
#include "wm-journey.h"
#include "wm-test-util.h"
#include "wm-use-case.h"
#include "wm-vsm.h"

#define JOURNEY_HEADER "Lane,Awareness,Consideration,Decision,Retention,Advocacy\n"

static WmDiagram *
first_of (WmProject  *project,
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

static guint
count_type (WmDiagram  *diagram,
            const char *type)
{
  guint n = 0;

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    n += g_str_equal (wm_diagram_get_item (diagram, i)->type->id, type);
  return n;
}

static WmItem *
find_named (WmDiagram  *diagram,
            const char *type,
            const char *text)
{
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (g_str_equal (item->type->id, type) && g_str_equal (item->text, text))
        return item;
    }
  return NULL;
}

static WmProject *
import_ok (const char  *data,
           WmImportLog *log)
{
  g_autoptr(GError) error = NULL;
  WmProject *project = wm_import_csv (data, strlen (data), "table.csv", log, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, 1);
  return project;
}

/* Every diagram of @notation in the sample: export, import, export again
 * gives the same bytes, and the import kept every item the table holds. */
static void
check_round_trip (const char        *notation,
                  const char *const *types)
{
  g_autoptr(WmProject) sample = wm_test_load_sample ();
  guint checked = 0;

  for (guint i = 0; i < wm_project_get_n_diagrams (sample); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (sample, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      g_autofree char *third = NULL;
      g_autoptr(WmProject) copy = NULL;
      g_autoptr(WmProject) copy2 = NULL;
      g_auto(WmImportLog) log = { 0, };

      if (!g_str_equal (wm_diagram_get_notation (diagram)->id, notation))
        continue;
      wm_import_log_init (&log);
      first = wm_export_csv (sample, diagram, &error);
      g_assert_no_error (error);
      g_assert_true (g_str_has_suffix (first, "\r\n"));
      copy = import_ok (first, &log);
      g_assert_cmpstr (wm_diagram_get_notation (wm_project_get_diagram (copy, 0))->id, ==,
                       notation);
      second = wm_export_csv (copy, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (first, ==, second);
      copy2 = import_ok (second, NULL);
      third = wm_export_csv (copy2, NULL, &error);
      g_assert_cmpstr (second, ==, third);
      for (guint t = 0; types[t] != NULL; t++)
        g_assert_cmpuint (count_type (diagram, types[t]), ==,
                          count_type (wm_project_get_diagram (copy, 0), types[t]));
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);
}

static void
test_round_trip_vsm (void)
{
  const char *types[] = { "process", "inventory", NULL };

  check_round_trip ("value-stream-map", types);
}

static void
test_round_trip_journey (void)
{
  const char *types[] = { "card", "emotion", "kpi", NULL };

  check_round_trip ("customer-journey", types);
}

static void
test_round_trip_use_cases (void)
{
  const char *types[] = { "use-case", "actor", "include", "extend", "association", NULL };

  check_round_trip ("use-case", types);
}

/* The values themselves survive, not only the bytes of the table. */
static void
test_round_trip_values (void)
{
  g_autoptr(WmProject) sample = wm_test_load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uc_csv = wm_export_csv (sample, first_of (sample, "use-case"), &error);
  g_autofree char *cj_csv = wm_export_csv (sample, first_of (sample, "customer-journey"), &error);
  g_autoptr(WmProject) uc = import_ok (uc_csv, NULL);
  g_autoptr(WmProject) cj = import_ok (cj_csv, NULL);
  WmDiagram *d = wm_project_get_diagram (uc, 0);
  WmItem *pay = find_named (d, "use-case", "Pay");
  WmItem *kpi;

  g_assert_nonnull (pay);
  g_assert_true (g_str_has_prefix (wm_item_get_string (pay, WM_UC_MAIN_FLOW),
                                   "1. The web shop shows the total"));
  g_assert_cmpstr (wm_item_get_choice (pay, WM_UC_LEVEL), ==, "subfunction");
  g_assert_cmpstr (wm_item_get_strv (pay, WM_UC_EXTENSION_POINTS)[0], ==, "Payment details");
  g_assert_nonnull (find_named (d, "actor", "Customer"));

  d = wm_project_get_diagram (cj, 0);
  kpi = find_named (d, "kpi", "Referral conversion");
  g_assert_nonnull (kpi);
  g_assert_cmpfloat (wm_item_get_number (kpi, WM_JOURNEY_VALUE), ==, 6.5);
  g_assert_cmpfloat (wm_item_get_number (kpi, WM_JOURNEY_TARGET), ==, 8);
  g_assert_cmpstr (wm_item_get_string (kpi, WM_JOURNEY_UNIT), ==, "%");
  g_assert_cmpfloat (wm_item_get_number (find_named (d, "emotion", "Worried about the commitment"),
                                         WM_JOURNEY_SCORE), ==, -1);
  g_assert_nonnull (wm_diagram_find_entry (d, WM_JOURNEY_LANES, WM_JOURNEY_EMOTION_LANE));
  /* The journey lays out what came in: every card sits in a cell. */
  {
    g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (d);

    for (guint i = 0; i < wm_diagram_get_n_items (d); i++)
      {
        int stage, lane;

        g_assert_true (wm_journey_layout_item_cell (layout, wm_diagram_get_item (d, i), &stage,
                                                    &lane));
      }
  }
}

/* A table as a European spreadsheet saves it: semicolons, decimal commas,
 * a byte order mark, CRLF, quotes and a line break in a field. */
static void
test_import_semicolons (void)
{
  const char *data = "\xef\xbb\xbf" "KIND ; Name;cycle-time;Uptime (%);Scrap (%);Quantity (pcs)\r\n"
                     "process;\"Cut; \"\"weld\"\"\";12,5;90;;\r\n"
                     "Inventory;Steel;;;;1200\r\n"
                     "\r\n"
                     "process;\"Paint\r\nand dry\";40;;0,5;\r\n";
  g_auto(WmImportLog) log = { 0, };
  g_autoptr(WmProject) project = NULL;
  WmDiagram *diagram;
  WmItem *cut, *steel, *paint;

  wm_import_log_init (&log);
  project = import_ok (data, &log);
  diagram = wm_project_get_diagram (project, 0);
  g_assert_cmpstr (wm_diagram_get_notation (diagram)->id, ==, "value-stream-map");
  cut = find_named (diagram, "process", "Cut; \"weld\"");
  g_assert_nonnull (cut);
  g_assert_cmpfloat (wm_item_get_number (cut, WM_VSM_CYCLE_TIME), ==, 12.5);
  g_assert_cmpfloat (wm_item_get_number (cut, WM_VSM_UPTIME), ==, 90);
  steel = find_named (diagram, "inventory", "Steel");
  g_assert_nonnull (steel);
  g_assert_cmpfloat (wm_item_get_number (steel, WM_VSM_QUANTITY), ==, 1200);
  /* A name cannot span lines: the line break becomes a space, with a warning on its line. */
  paint = find_named (diagram, "process", "Paint and dry");
  g_assert_nonnull (paint);
  g_assert_cmpfloat (wm_item_get_number (paint, WM_VSM_SCRAP), ==, 0.5);
  g_assert_cmpuint (count_type (diagram, "push"), ==, 2);
  {
    g_autofree char *text = wm_import_log_format (&log, "t.csv");

    g_assert_nonnull (strstr (text, "t.csv:5: warning:"));
  }
}

/* Quoted fields with line breaks become several cards; a blank line
 * separates cards whose texts span lines. */
static void
test_import_journey_cells (void)
{
  const char *data = "Lane,Before,During\n"
                     "Actions,\"Reads the leaflet\nCalls the shop\",\"Fills in the form\"\n"
                     "Thoughts,\"Is it safe?\nWill it last?\n\nWhy so dear?\",\n"
                     "Emotions,\"Hopeful (+2)\nBored\",Annoyed (-1.5)\n"
                     "KPIs,\"Calls answered: 92 % (target 95)\",\"Wait: 4 min (target 2, lower is "
                     "better)\"\n";
  g_auto(WmImportLog) log = { 0, };
  g_autoptr(WmProject) project = NULL;
  WmDiagram *diagram;
  WmItem *wait;

  wm_import_log_init (&log);
  project = import_ok (data, &log);
  diagram = wm_project_get_diagram (project, 0);
  g_assert_cmpuint (wm_diagram_get_list (diagram, WM_JOURNEY_STAGES)->len, ==, 2);
  g_assert_cmpuint (wm_diagram_get_list (diagram, WM_JOURNEY_LANES)->len, ==, 4);
  g_assert_nonnull (find_named (diagram, "card", "Calls the shop"));
  g_assert_nonnull (find_named (diagram, "card", "Is it safe?\nWill it last?"));
  g_assert_nonnull (find_named (diagram, "card", "Why so dear?"));
  g_assert_cmpuint (count_type (diagram, "card"), ==, 5);
  g_assert_cmpfloat (wm_item_get_number (find_named (diagram, "emotion", "Hopeful"),
                                         WM_JOURNEY_SCORE), ==, 2);
  g_assert_cmpfloat (wm_item_get_number (find_named (diagram, "emotion", "Annoyed"),
                                         WM_JOURNEY_SCORE), ==, -1.5);
  /* "Bored" has no score: a neutral point and a warning. */
  g_assert_cmpfloat (wm_item_get_number (find_named (diagram, "emotion", "Bored"),
                                         WM_JOURNEY_SCORE), ==, 0);
  g_assert_cmpuint (log.warnings->len, ==, 1);
  g_assert_cmpuint (((WmImportWarning *) g_ptr_array_index (log.warnings, 0))->line, ==, 8);
  wait = find_named (diagram, "kpi", "Wait");
  g_assert_nonnull (wait);
  g_assert_cmpfloat (wm_item_get_number (wait, WM_JOURNEY_VALUE), ==, 4);
  g_assert_cmpstr (wm_item_get_string (wait, WM_JOURNEY_UNIT), ==, "min");
  g_assert_false (wm_item_get_boolean (wait, WM_JOURNEY_HIGHER_IS_BETTER));
}

/* Found by fuzz-csv: a lane row without a name is skipped with a warning
 * (it would not come back from the next export), and an empty first field
 * is written as "" so that the fields after it keep their columns; the
 * table then round-trips to the same bytes. */
static void
test_import_nameless_lane (void)
{
  const char *data = "Lane,Before,During\r\n"
                     ",Lost card,\r\n"
                     "Actions,Reads the leaflet,\r\n";
  g_auto(WmImportLog) log = { 0, };
  g_autoptr(WmProject) project = NULL;
  g_autoptr(WmProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  wm_import_log_init (&log);
  project = import_ok (data, &log);
  g_assert_cmpuint (wm_diagram_get_list (wm_project_get_diagram (project, 0),
                                         WM_JOURNEY_LANES)->len, ==, 1);
  g_assert_cmpuint (log.warnings->len, ==, 1);
  g_assert_cmpuint (((WmImportWarning *) g_ptr_array_index (log.warnings, 0))->line, ==, 2);
  first = wm_export_csv (project, NULL, &error);
  g_assert_no_error (error);
  again = wm_import_csv (first, strlen (first), "again.csv", NULL, &error);
  g_assert_no_error (error);
  second = wm_export_csv (again, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, ==, first);
}

/* Updating the sample's value stream by name: the matched row changes its
 * process, the unmatched one is a warning naming its line, nothing is
 * added, and one undo takes it all back. */
static void
test_update_vsm (void)
{
  g_autoptr(WmProject) sample = wm_test_load_sample ();
  WmDiagram *diagram = first_of (sample, "value-stream-map");
  WmItem *roasting = find_named (diagram, "process", "Roasting");
  guint n_items = wm_diagram_get_n_items (diagram);
  const char *data = "Name,Cycle time (s),Operators\n"
                     "Roasting,31,2\n"
                     "Grinding,10,1\n"
                     "  Packing  ,35,\n";
  g_auto(WmImportLog) log = { 0, };
  g_autoptr(GError) error = NULL;
  const WmImportWarning *warning;

  wm_import_log_init (&log);
  g_assert_true (wm_import_csv_into (diagram, data, strlen (data), &log, &error));
  g_assert_no_error (error);
  roasting = find_named (diagram, "process", "Roasting");
  g_assert_cmpfloat (wm_item_get_number (roasting, WM_VSM_CYCLE_TIME), ==, 31);
  g_assert_cmpint (wm_item_get_integer (roasting, WM_VSM_OPERATORS), ==, 2);
  /* An empty cell resets: Packing's two operators become the default one. */
  g_assert_cmpint (wm_item_get_integer (find_named (diagram, "process", "Packing"),
                                        WM_VSM_OPERATORS), ==, 1);
  g_assert_cmpuint (wm_diagram_get_n_items (diagram), ==, n_items);
  g_assert_cmpuint (log.warnings->len, ==, 1);
  warning = g_ptr_array_index (log.warnings, 0);
  g_assert_cmpuint (warning->line, ==, 3);
  g_assert_nonnull (strstr (warning->message, "Grinding"));

  g_assert_true (wm_project_undo (sample));
  roasting = find_named (diagram, "process", "Roasting");
  g_assert_cmpfloat (wm_item_get_number (roasting, WM_VSM_CYCLE_TIME), ==, 27);
  g_assert_cmpint (wm_item_get_integer (roasting, WM_VSM_OPERATORS), ==, 1);
  g_assert_cmpint (wm_item_get_integer (find_named (diagram, "process", "Packing"),
                                        WM_VSM_OPERATORS), ==, 2);
}

/* Use cases and journeys update by name too; a table of another kind is refused. */
static void
test_update_others (void)
{
  g_autoptr(WmProject) sample = wm_test_load_sample ();
  WmDiagram *uc = first_of (sample, "use-case");
  WmDiagram *cj = first_of (sample, "customer-journey");
  const char *uc_data = "Use case,Priority,Actors,Includes\n"
                        "Rate a coffee,Must have,\"Customer\nRoaster\",\n"
                        "Brew at home,must,,\n";
  const char *cj_data = "Lane,Decision,Refunds\nPain points,The form is long,\nDreams,,\n";
  g_auto(WmImportLog) log = { 0, };
  g_autoptr(GError) error = NULL;
  WmItem *rate;
  guint n_cards = count_type (cj, "card");
  guint n_links = wm_diagram_get_n_links (uc);

  wm_import_log_init (&log);
  g_assert_true (wm_import_csv_into (uc, uc_data, strlen (uc_data), &log, &error));
  g_assert_no_error (error);
  rate = find_named (uc, "use-case", "Rate a coffee");
  g_assert_cmpstr (wm_item_get_choice (rate, WM_UC_PRIORITY), ==, "must");
  /* Customer was linked already; Roaster is a new association. */
  g_assert_cmpuint (wm_diagram_get_n_links (uc), ==, n_links + 1);
  g_assert_cmpuint (log.warnings->len, ==, 1);
  g_assert_cmpuint (((WmImportWarning *) g_ptr_array_index (log.warnings, 0))->line, ==, 4);

  g_ptr_array_set_size (log.warnings, 0);
  g_assert_true (wm_import_csv_into (cj, cj_data, strlen (cj_data), &log, &error));
  g_assert_no_error (error);
  /* The Decision pain point's one card takes the new text. */
  g_assert_nonnull (find_named (cj, "card", "The form is long"));
  g_assert_null (find_named (cj, "card", "The gift code field only appears at the payment step"));
  g_assert_cmpuint (count_type (cj, "card"), ==, n_cards);
  /* The unknown stage (line 1) and lane (line 3). */
  g_assert_cmpuint (log.warnings->len, ==, 2);
  g_assert_cmpuint (((WmImportWarning *) g_ptr_array_index (log.warnings, 0))->line, ==, 1);
  g_assert_cmpuint (((WmImportWarning *) g_ptr_array_index (log.warnings, 1))->line, ==, 3);

  g_assert_false (wm_import_csv_into (uc, cj_data, strlen (cj_data), NULL, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_NOT_ALLOWED);
}

static void
expect_refusal (const char *data,
                gsize       size,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;
  gint64 start = g_get_monotonic_time ();

  project = wm_import_csv (data, size, "bad.csv", NULL, &error);
  g_assert_null (project);
  g_assert_nonnull (error);
  g_assert_true (error->domain == WM_ERROR);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (g_str_has_prefix (error->message, "bad.csv:"));
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
  /* Refusing is quick, whatever the size. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_hostile (void)
{
  const char *unterminated = "Kind,Name\nprocess,\"Cut\nprocess,Weld\n";
  const char *bad_utf8 = "Kind,Name\nprocess,Cut\nprocess,W\xffld\n";
  const char nul[] = "Kind,Name\nprocess,C\0t\n";
  g_autoptr(GString) long_line = g_string_new ("Kind,Name\nprocess,");
  g_autoptr(GString) wide = g_string_new ("Kind,Name");

  expect_refusal (unterminated, strlen (unterminated), ":2:");
  expect_refusal (bad_utf8, strlen (bad_utf8), ":3:");
  expect_refusal (nul, sizeof nul - 1, ":2:");
  for (guint i = 0; i < 10 * 1024 * 1024; i += 64)
    g_string_append (long_line, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  expect_refusal (long_line->str, long_line->len, ":2:");
  for (guint i = 0; i < 100000; i++)
    g_string_append (wide, ",x");
  expect_refusal (wide->str, wide->len, ":1:");
  expect_refusal ("", 0, "empty");
  expect_refusal ("\n\n,,\n", 5, "empty");
  expect_refusal ("Colour,Size\nred,3\n", 18, "“Kind”");
  expect_refusal ("Kind,Cycle time (s)\nprocess,3\n", 30, "“Name”");
}

/* Big tables take time in proportion to their size: every row names the
 * next use case and an actor, and updating matches every row by name. */
static void
test_large (void)
{
  const guint n = 20000;
  g_autoptr(GString) data = g_string_new ("Use case,Actors,Includes\n");
  g_autoptr(GString) journey = g_string_new (JOURNEY_HEADER);
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  WmDiagram *diagram;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (data, "Use case %u,Actor %u,Use case %u\n", i, i % 100, i + 1);
  project = import_ok (data->str, NULL);
  diagram = wm_project_get_diagram (project, 0);
  g_assert_cmpuint (count_type (diagram, "use-case"), ==, n);
  g_assert_cmpuint (count_type (diagram, "actor"), ==, 100);
  g_assert_cmpuint (count_type (diagram, "include"), ==, n - 1);
  g_assert_true (wm_import_csv_into (diagram, data->str, data->len, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wm_diagram_get_n_items (diagram), ==, 2 * n + 100 - 1 + n);
  g_test_message ("%u use cases imported and updated in %.1f s", n,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);

  /* A journey has at most WM_CSV_MAX_LANES lanes. */
  for (guint i = 0; i <= WM_CSV_MAX_LANES; i++)
    g_string_append_printf (journey, "Lane %u,a,b,c,d,e\n", i);
  g_assert_null (wm_import_csv (journey->str, journey->len, "j.csv", NULL, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID);
}

/* Only value stream maps, journeys and use cases have a table. */
static void
test_export_refusal (void)
{
  g_autoptr(WmProject) sample = wm_test_load_sample ();
  g_autoptr(WmProject) empty = wm_project_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;

  csv = wm_export_csv (sample, first_of (sample, "business-model-canvas"), &error);
  g_assert_null (csv);
  g_assert_error (error, WM_ERROR, WM_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  csv = wm_export_csv (empty, NULL, &error);
  g_assert_null (csv);
  g_assert_error (error, WM_ERROR, WM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Without a diagram named, the first that has a table: the use cases. */
  csv = wm_export_csv (sample, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "Use case,Description,Actors,"));
}

/* The traceability chains as a table: a header, then a row per chain that
 * starts with its source diagram; a chain that ends at a deleted item says
 * so in its last cell. */
static void
test_trace_csv (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(GPtrArray) rows = wm_trace_collect (project);
  g_autofree char *text = wm_export_trace_csv (project);
  g_auto(GStrv) records = g_strsplit (text, "\r\n", -1);
  guint n_records = g_strv_length (records);

  /* One record per chain and the header, and the empty string after the last CRLF. */
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (n_records, ==, rows->len + 2);
  g_assert_cmpstr (records[n_records - 1], ==, "");
  g_assert_true (g_str_has_prefix (records[0], "Source diagram,Step 1,Step 1 diagram,"));
  for (guint r = 0; r < rows->len; r++)
    {
      const WmTraceRow *row = g_ptr_array_index (rows, r);
      const char *name = wm_diagram_get_name (row->source);

      g_assert_true (g_str_has_prefix (records[r + 1], name) ||
                     (records[r + 1][0] == '"' && g_str_has_prefix (records[r + 1] + 1, name)));
      g_assert_true (g_str_has_suffix (records[r + 1], ",no"));
    }

  {
    g_autoptr(WmProject) broken = wm_project_new ();
    WmDiagram *a = wm_project_add_diagram (broken, "use-case", "Use cases", NULL);
    WmDiagram *b = wm_project_add_diagram (broken, "value-stream-map", "Flow", NULL);
    WmItem *pay = wm_test_add_node (a, "use-case", NULL, "Pay");
    WmItem *step = wm_test_add_node (b, "process", NULL, "Invoice");
    const char *ids[] = { step->id, NULL };
    g_autofree char *csv = NULL;

    wm_test_set_property (a, pay, WM_FIELD_LINKS, step->id);
    g_assert_cmpuint (wm_diagram_remove_items (b, ids), ==, 1);
    csv = wm_export_trace_csv (broken);
    g_assert_nonnull (strstr (csv, "Pay,Use cases,"));
    g_assert_true (g_str_has_suffix (csv, ",yes\r\n"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/round-trip/vsm", test_round_trip_vsm);
  g_test_add_func ("/csv/round-trip/journey", test_round_trip_journey);
  g_test_add_func ("/csv/round-trip/use-cases", test_round_trip_use_cases);
  g_test_add_func ("/csv/round-trip/values", test_round_trip_values);
  g_test_add_func ("/csv/import/semicolons", test_import_semicolons);
  g_test_add_func ("/csv/import/journey-cells", test_import_journey_cells);
  g_test_add_func ("/csv/update/vsm", test_update_vsm);
  g_test_add_func ("/csv/update/others", test_update_others);
  g_test_add_func ("/csv/import/hostile", test_hostile);
  g_test_add_func ("/csv/import/large", test_large);
  g_test_add_func ("/csv/export/refusal", test_export_refusal);
  g_test_add_func ("/csv/export/traceability", test_trace_csv);
  g_test_add_func ("/csv/import/nameless-lane", test_import_nameless_lane);

  return g_test_run ();
}
