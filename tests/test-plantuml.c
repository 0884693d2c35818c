/* test-plantuml.c — use-case diagrams as PlantUML text, out and in
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "plantuml-sample.h"
#include "wm-error.h"
#include "wm-plantuml-private.h"
#include "wm-test-util.h"
#include "wm-use-case.h"

/* Helpers */

static WmDiagram *
first_use_case_diagram (WmProject *project)
{
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);

      if (g_str_equal (wm_diagram_get_notation (diagram)->id, "use-case"))
        return diagram;
    }
  g_assert_not_reached ();
}

static WmItem *
find_named (WmDiagram  *diagram,
            const char *type,
            const char *text)
{
  WmItem *found = NULL;

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (g_str_equal (item->type->id, type) && g_str_equal (item->text, text))
        {
          g_assert_null (found);
          found = item;
        }
    }
  return found;
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

static const char *
name_of (WmDiagram  *diagram,
         const char *id)
{
  WmItem *item = id != NULL ? wm_diagram_lookup (diagram, id) : NULL;

  return item != NULL ? item->text : "-";
}

/* The links of @type from the node named @source to the node named @target. */
static WmItem *
find_link (WmDiagram  *diagram,
           const char *type,
           const char *source,
           const char *target)
{
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (g_str_equal (item->type->id, type) &&
          g_str_equal (name_of (diagram, item->source), source) &&
          g_str_equal (name_of (diagram, item->target), target))
        return item;
    }
  return NULL;
}

static void
append_prop (GString      *out,
             const WmItem *item,
             const char   *name)
{
  g_autofree char *value = NULL;
  const WmPropSpec *spec = NULL;
  const WmValue *stored;

  if (!wm_item_has_prop (item, name))
    return;
  stored = wm_item_get_value (item, name, &spec);
  value = wm_value_to_string (spec, stored);
  g_string_append_printf (out, " %s=%s", name, value);
}

/* What PlantUML can carry of an item, as one line. */
static char *
describe_item (WmDiagram *diagram,
               WmItem    *item)
{
  static const char *const props[] = {
    WM_UC_KIND, WM_UC_STEREOTYPE, WM_UC_EXTENSION_POINTS, WM_UC_SOURCE_MULTIPLICITY,
    WM_UC_TARGET_MULTIPLICITY, WM_UC_NAVIGABLE, WM_UC_CONDITION, WM_UC_EXTENSION_POINT,
  };
  GString *out = g_string_new (item->type->id);

  if (wm_item_is_node (item))
    g_string_append_printf (out, " “%s” in “%s”", item->text, name_of (diagram, item->parent));
  else
    g_string_append_printf (out, " “%s” → “%s” “%s”", name_of (diagram, item->source),
                            name_of (diagram, item->target), item->text);
  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    append_prop (out, item, props[i]);
  return g_string_free (out, FALSE);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The use-case items of @diagram, described and sorted. */
static char *
describe_diagram (WmDiagram *diagram)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    g_ptr_array_add (lines, describe_item (diagram, wm_diagram_get_item (diagram, i)));
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static WmProject *
import_text (const char  *text,
             WmImportLog *log)
{
  g_autoptr(GError) error = NULL;
  WmProject *project = wm_import_plantuml (text, strlen (text), "test.puml", log, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

/* Imports @text, which must give no warning. */
static WmProject *
import_clean (const char *text)
{
  g_auto(WmImportLog) log = { 0 };
  WmProject *project;

  wm_import_log_init (&log);
  project = import_text (text, &log);
  if (log.warnings->len > 0)
    {
      g_autofree char *warnings = wm_import_log_format (&log, "test.puml");
      g_test_message ("%s", warnings);
    }
  g_assert_cmpuint (log.warnings->len, ==, 0);
  return project;
}

static gboolean
has_warning (WmImportLog *log,
             guint        line,
             const char  *part)
{
  for (guint i = 0; i < log->warnings->len; i++)
    {
      WmImportWarning *warning = g_ptr_array_index (log->warnings, i);

      if (warning->line == line && strstr (warning->message, part) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Export */

static void
test_export_sample (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = wm_export_plantuml (project, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "@startuml\ntitle Ordering and subscription\n"));
  g_assert_true (g_str_has_suffix (text, "@enduml\n"));
  /* The sample's nodes span more width than height. */
  g_assert_nonnull (strstr (text, "\nleft to right direction\n"));
  g_assert_nonnull (strstr (text, "\nactor Customer\n"));
  g_assert_nonnull (strstr (text, "\nactor \"Gift buyer\" as actor_54\n"));
  g_assert_nonnull (strstr (text, "\nactor \"Payment provider\" as actor_55 <<system>>\n"));
  g_assert_nonnull (strstr (text, "\nactor Roaster <<staff>>\n"));
  g_assert_nonnull (strstr (text, "\nrectangle \"Bean Box web shop\" as subject_42 {\n"));
  g_assert_nonnull (strstr (text, "\n  usecase (Browse coffees)\n"));
  g_assert_nonnull (strstr (text, "\n  usecase \"Place one-off order\" as use_case_45\n"));
  g_assert_nonnull (strstr (text, "\nCustomer \"1\" -- \"0..*\" (Subscribe to a plan)\n"));
  /* Pay has an extension point, which its display shows, so it has an alias. */
  g_assert_nonnull (strstr (text, "\n  usecase \"Pay\\n--\\nextension points\\nPayment details\" "
                                  "as use_case_51\n"));
  g_assert_nonnull (strstr (text, "\nuse_case_51 \"0..*\" --> \"1\" actor_55\n"));
  g_assert_nonnull (strstr (text, "\n(Subscribe to a plan) ..> use_case_51 : <<include>>\n"));
  g_assert_nonnull (strstr (text, "\n(Apply gift code) ..> use_case_51 : <<extend>>\\ncondition: "
                                  "{the customer has a gift or referral code}\\n"
                                  "extension point: Payment details\n"));
  g_assert_nonnull (strstr (text, "\nCustomer <|-- actor_54\n"));
  /* The note lies to the right of the use case it is anchored to. */
  g_assert_nonnull (strstr (text, "\nnote right of use_case_51\n  Renewals are charged"));
}

static void
test_export_several (void)
{
  g_autoptr(WmProject) project = plantuml_sample_project (12);
  g_autoptr(GError) error = NULL;
  g_autofree char *one = NULL, *both = NULL;
  WmDiagram *first = wm_project_get_diagram (project, 0);
  WmDiagram *second = wm_project_add_diagram (project, "use-case", "Second", &error);
  WmDiagram *canvas = wm_project_add_diagram (project, "business-model-canvas", "Canvas", &error);

  g_assert_no_error (error);
  wm_test_add_node (second, "actor", &(WmRect) { 0, 0, 60, 500 }, "Tall");
  one = wm_export_plantuml (project, first, &error);
  g_assert_no_error (error);
  both = wm_export_plantuml (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (both, one));
  g_assert_cmpstr (both + strlen (one), ==, "\n@startuml\ntitle Second\nactor Tall\n@enduml\n");
  g_assert_null (wm_export_plantuml (project, canvas, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID);
}

static void
test_export_nothing (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GError) error = NULL;

  wm_project_add_diagram (project, "value-stream-map", "Flow", &error);
  g_assert_no_error (error);
  g_assert_null (wm_export_plantuml (project, NULL, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID);
}

/* Round trips */

static void
check_round_trip (WmProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = wm_export_plantuml (project, NULL, &error);
  g_autoptr(WmProject) imported = NULL;
  g_autofree char *before = NULL, *after = NULL;

  g_assert_no_error (error);
  imported = import_clean (text);
  g_assert_cmpuint (wm_project_get_n_diagrams (imported), ==, 1);
  before = describe_diagram (first_use_case_diagram (project));
  after = describe_diagram (wm_project_get_diagram (imported, 0));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (wm_diagram_get_name (wm_project_get_diagram (imported, 0)), ==,
                   wm_diagram_get_name (first_use_case_diagram (project)));
}

static void
test_round_trip_sample (void)
{
  g_autoptr(WmProject) project = wm_test_load_sample ();

  check_round_trip (project);
}

static void
test_round_trip_generated (void)
{
  g_autoptr(WmProject) project = plantuml_sample_project (40);
  WmDiagram *diagram = wm_project_get_diagram (project, 0);

  /* PlantUML cannot write a quote inside a quoted name: the export makes it
   * a typographic one, so the round trip is compared with that spelling. */
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      g_auto(GStrv) parts = g_strsplit (item->text, "\"", -1);

      if (g_strv_length (parts) == 3 && !g_str_equal (item->type->id, "note"))
        {
          g_autofree char *text = g_strconcat (parts[0], "“", parts[1], "”", parts[2], NULL);
          wm_diagram_set_text (diagram, item->id, text);
        }
    }
  check_round_trip (project);
}

/* A note beside an element (its one anchor) that another note is anchored
 * to: it needs a name for that link, so it is not written as "note left
 * of X" (found by fuzz-plantuml: the link named a note never declared). */
static void
test_round_trip_note_chain (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (project, "use-case", "Notes", &error);
  WmItem *actor, *beside, *other, *lone;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  actor = wm_test_add_node (diagram, "actor", &(WmRect) { 40, 40, 60, 110 }, "Customer");
  beside = wm_test_add_node (diagram, "note", &(WmRect) { 160, 40, 120, 60 }, "Beside");
  other = wm_test_add_node (diagram, "note", &(WmRect) { 320, 40, 120, 60 }, "Other");
  lone = wm_test_add_node (diagram, "note", &(WmRect) { 40, 200, 120, 60 }, "Lone");
  wm_test_add_link (diagram, "anchor", beside, actor);
  wm_test_add_link (diagram, "anchor", other, beside);
  wm_test_add_link (diagram, "anchor", lone, actor);

  text = wm_export_plantuml (project, NULL, &error);
  g_assert_no_error (error);
  /* The lone note still sits beside the customer; the other two are named. */
  g_assert_nonnull (strstr (text, "note bottom of Customer\n  Lone\n"));
  g_assert_null (strstr (text, "of Customer\n  Beside"));
  check_round_trip (project);
}

/* Import: the syntax as people write it */

static void
test_import_actors (void)
{
  g_autoptr(WmProject) project = import_clean (
    "@startuml\n"
    "actor Plain\n"
    ":Colon form:\n"
    "actor \"Quoted name\" as Q\n"
    "actor A2 as \"Alias first\"\n"
    "actor :Colon alias: as C3\n"
    ":Short: as S4\n"
    "actor/ Business\n"
    "actor Sys <<system>>\n"
    "actor Clock <<Time>>\n"
    "actor \"Head roaster\" as R <<staff>>\n"
    "Q --> (Use)\n"
    "A2 --> (Use)\n"
    "C3 --> (Use)\n"
    "S4 --> (Use)\n"
    "@enduml\n");
  WmDiagram *diagram = wm_project_get_diagram (project, 0);
  const char *names[] = { "Plain", "Colon form", "Quoted name", "Alias first", "Colon alias",
                          "Short", "Business", "Sys", "Clock", "Head roaster" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_nonnull (find_named (diagram, "actor", names[i]));
  g_assert_cmpuint (count_type (diagram, "actor"), ==, G_N_ELEMENTS (names));
  g_assert_cmpstr (wm_item_get_choice (find_named (diagram, "actor", "Sys"), WM_UC_KIND), ==,
                   "system");
  g_assert_cmpstr (wm_item_get_choice (find_named (diagram, "actor", "Clock"), WM_UC_KIND), ==,
                   "time");
  g_assert_cmpstr (wm_item_get_string (find_named (diagram, "actor", "Head roaster"),
                                       WM_UC_STEREOTYPE), ==, "staff");
  for (guint i = 2; i < 6; i++)
    g_assert_nonnull (find_link (diagram, "association", names[i], "Use"));
  g_assert_cmpuint (count_type (diagram, "use-case"), ==, 1);
}

static void
test_import_use_cases (void)
{
  g_autoptr(WmProject) project = import_clean (
    "@startuml\n"
    "(First use case)\n"
    "(Second) as (S2)\n"
    "(Third) as T3\n"
    "usecase \"Fourth, with punctuation!\" as U4\n"
    "usecase U5 as \"Fifth: alias first\"\n"
    "usecase (Sixth)\n"
    "usecase Seventh\n"
    "usecase \"Eighth\\nover two lines\" as U8\n"
    "usecase \"Pay\\n--\\nextension points\\nPayment details\\nGift wrap\" as PAY\n"
    "usecase \"Ninth\\n==\\nWhat it is about\" as U9\n"
    "S2 ..> T3 : <<include>>\n"
    "U4 ..> U5 : <<include>>\n"
    "@enduml\n");
  WmDiagram *diagram = wm_project_get_diagram (project, 0);
  const char *names[] = { "First use case", "Second", "Third", "Fourth, with punctuation!",
                          "Fifth: alias first", "Sixth", "Seventh", "Eighth over two lines",
                          "Pay", "Ninth" };
  const char *const *points;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_nonnull (find_named (diagram, "use-case", names[i]));
  g_assert_cmpuint (count_type (diagram, "use-case"), ==, G_N_ELEMENTS (names));
  points = wm_item_get_strv (find_named (diagram, "use-case", "Pay"), WM_UC_EXTENSION_POINTS);
  g_assert_cmpuint (g_strv_length ((char **) points), ==, 2);
  g_assert_cmpstr (points[0], ==, "Payment details");
  g_assert_cmpstr (points[1], ==, "Gift wrap");
  g_assert_cmpstr (wm_item_get_string (find_named (diagram, "use-case", "Ninth"),
                                       WM_UC_DESCRIPTION), ==, "What it is about");
  g_assert_nonnull (find_link (diagram, "include", "Second", "Third"));
  g_assert_nonnull (find_link (diagram, "include", "Fourth, with punctuation!",
                               "Fifth: alias first"));
}

/* Every node lies inside its container and overlaps none of its siblings. */
static void
check_placement (WmDiagram *diagram)
{
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      WmItem *parent = item->parent != NULL ? wm_diagram_lookup (diagram, item->parent) : NULL;

      if (!wm_item_is_node (item))
        continue;
      for (guint j = i + 1; j < wm_diagram_get_n_items (diagram); j++)
        {
          WmItem *other = wm_diagram_get_item (diagram, j);

          if (wm_item_is_node (other) && g_strcmp0 (other->parent, item->parent) == 0)
            g_assert_false (wm_rect_intersects (&item->bounds, &other->bounds));
        }
      if (parent == NULL)
        continue;
      g_assert_cmpfloat (item->bounds.x, >=, parent->bounds.x);
      g_assert_cmpfloat (item->bounds.y, >=, parent->bounds.y);
      g_assert_cmpfloat (item->bounds.x + item->bounds.width, <=,
                         parent->bounds.x + parent->bounds.width);
      g_assert_cmpfloat (item->bounds.y + item->bounds.height, <=,
                         parent->bounds.y + parent->bounds.height);
    }
}

static const char containers[] =
    "@startuml\n"
    "left to right direction\n"
    "actor Customer\n"
    "rectangle \"Web shop\" <<system>> {\n"
    "  (Browse)\n"
    "  package Orders {\n"
    "    usecase \"Place order\" as PO\n"
    "    package \"Deep one\" as D {\n"
    "      (Track)\n"
    "    }\n"
    "  }\n"
    "  together {\n"
    "    (Grouped)\n"
    "  }\n"
    "}\n"
    "rectangle Empty\n"
    "package Outside {\n"
    "}\n"
    "Customer --> (Browse)\n"
    "Customer --> PO\n"
    "@enduml\n";

static void
test_import_containers (void)
{
  g_autoptr(WmProject) project = import_clean (containers);
  WmDiagram *diagram = wm_project_get_diagram (project, 0);
  WmItem *shop = find_named (diagram, "subject", "Web shop");
  WmItem *orders = find_named (diagram, "package", "Orders");
  WmItem *deep = find_named (diagram, "package", "Deep one");

  g_assert_nonnull (shop);
  g_assert_cmpstr (wm_item_get_string (shop, WM_UC_STEREOTYPE), ==, "system");
  g_assert_cmpstr (orders->parent, ==, shop->id);
  g_assert_cmpstr (deep->parent, ==, orders->id);
  g_assert_cmpstr (find_named (diagram, "use-case", "Browse")->parent, ==, shop->id);
  g_assert_cmpstr (find_named (diagram, "use-case", "Place order")->parent, ==, orders->id);
  g_assert_cmpstr (find_named (diagram, "use-case", "Track")->parent, ==, deep->id);
  g_assert_cmpstr (find_named (diagram, "use-case", "Grouped")->parent, ==, shop->id);
  g_assert_null (find_named (diagram, "actor", "Customer")->parent);
  g_assert_nonnull (find_named (diagram, "subject", "Empty"));
  g_assert_null (find_named (diagram, "package", "Outside")->parent);
  check_placement (diagram);
}

/* The grid the import falls back on when Graphviz fails places as well. */
static void
test_import_grid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = _wm_import_plantuml_with_layout (containers, strlen (containers),
                                                                  "grid.puml", NULL,
                                                                  WM_PLANTUML_LAYOUT_GRID, &error);

  g_assert_no_error (error);
  check_placement (wm_project_get_diagram (project, 0));
}

static void
test_import_notes (void)
{
  g_autoptr(WmProject) project = import_clean (
    "@startuml\n"
    "actor Customer\n"
    "(Pay)\n"
    "note left of Customer : One line\n"
    "note right of (Pay) : Broken\\nin two\n"
    "note top of (Pay)\n"
    "  First line\n"
    "  Second line\n"
    "end note\n"
    "note \"Free floating\" as N1\n"
    "note as N2\n"
    "Shared\n"
    "endnote\n"
    "N1 .. Customer\n"
    "(Pay) .. N2\n"
    "N2 .. Customer\n"
    "note \"Alone\"\n"
    "(Browse)\n"
    "note bottom : Beside the last element\n"
    "@enduml\n");
  WmDiagram *diagram = wm_project_get_diagram (project, 0);

  g_assert_nonnull (find_link (diagram, "anchor", "One line", "Customer"));
  g_assert_nonnull (find_link (diagram, "anchor", "Broken\nin two", "Pay"));
  g_assert_nonnull (find_link (diagram, "anchor", "First line\nSecond line", "Pay"));
  g_assert_nonnull (find_link (diagram, "anchor", "Free floating", "Customer"));
  g_assert_nonnull (find_link (diagram, "anchor", "Shared", "Pay"));
  g_assert_nonnull (find_link (diagram, "anchor", "Shared", "Customer"));
  g_assert_nonnull (find_named (diagram, "note", "Alone"));
  g_assert_nonnull (find_link (diagram, "anchor", "Beside the last element", "Browse"));
  g_assert_cmpuint (count_type (diagram, "note"), ==, 7);
  g_assert_cmpuint (count_type (diagram, "anchor"), ==, 7);
}

/* Every arrow and its reading: type, source, target. */
static const struct
{
  const char *line;
  const char *type;
  const char *source;
  const char *target;
  gboolean    navigable;
} arrows[] = {
  { "Actor -- (UC)", "association", "Actor", "UC", FALSE },
  { "Actor - (UC)", "association", "Actor", "UC", FALSE },
  { "Actor --> (UC)", "association", "Actor", "UC", TRUE },
  { "Actor -> (UC)", "association", "Actor", "UC", TRUE },
  { "Actor ---> (UC)", "association", "Actor", "UC", TRUE },
  { "Actor-->(UC)", "association", "Actor", "UC", TRUE },
  { "Actor -left-> (UC)", "association", "Actor", "UC", TRUE },
  { "Actor -[#red]-> (UC)", "association", "Actor", "UC", TRUE },
  { "Actor -up[hidden]- (UC)", "association", "Actor", "UC", FALSE },
  { "(UC) <-- Actor", "association", "Actor", "UC", TRUE },
  { "(UC) <- Actor", "association", "Actor", "UC", TRUE },
  { "(UC) --> Actor", "association", "UC", "Actor", TRUE },
  { "(UC) ..> (Other) : <<include>>", "include", "UC", "Other", FALSE },
  { "(UC) .> (Other) : <<include>>", "include", "UC", "Other", FALSE },
  { "(UC) ...> (Other) : include", "include", "UC", "Other", FALSE },
  { "(Other) <.. (UC) : <<include>>", "include", "UC", "Other", FALSE },
  { "(Other) <. (UC) : «include»", "include", "UC", "Other", FALSE },
  { "(UC) .> (Other) : <<extend>>", "extend", "UC", "Other", FALSE },
  { "(UC) ..> (Other) : <<extends>>", "extend", "UC", "Other", FALSE },
  { "(Other) <.. (UC) : extend", "extend", "UC", "Other", FALSE },
  { "(UC) -.-> (Other) : <<extend>>", "extend", "UC", "Other", FALSE },
  { "Actor <|-- Child", "generalization", "Child", "Actor", FALSE },
  { "Child --|> Actor", "generalization", "Child", "Actor", FALSE },
  { "Child -|> Actor", "generalization", "Child", "Actor", FALSE },
  { "(Other) <|-- (UC)", "generalization", "UC", "Other", FALSE },
  { "(UC) ---|> (Other)", "generalization", "UC", "Other", FALSE },
};

static void
test_import_arrows (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      g_autofree char *text = g_strdup_printf ("@startuml\nactor Actor\nactor Child\n(UC)\n"
                                               "(Other)\n%s\n@enduml\n", arrows[i].line);
      g_autoptr(WmProject) project = NULL;
      WmDiagram *diagram;
      WmItem *link;

      g_test_message ("%s", arrows[i].line);
      project = import_clean (text);
      diagram = wm_project_get_diagram (project, 0);
      link = find_link (diagram, arrows[i].type, arrows[i].source, arrows[i].target);
      g_assert_nonnull (link);
      g_assert_cmpuint (wm_diagram_get_n_links (diagram), ==, 1);
      /* A stereotype, even a bare "include", is no part of the label. */
      g_assert_cmpstr (link->text, ==, "");
      if (g_str_equal (arrows[i].type, "association"))
        g_assert_cmpint (wm_item_get_boolean (link, WM_UC_NAVIGABLE), ==, arrows[i].navigable);
    }
}

static void
test_import_labels (void)
{
  g_autoptr(WmProject) project = import_clean (
    "@startuml\n"
    "actor Customer\n"
    "Customer \"1\" -- \"0..*\" (Order) : places\n"
    "(Order) \"*\" <-- \"1\" Customer\n"
    "(Gift) .> (Pay) : <<extend>>\\ncondition: {has a code}\\nextension point: Payment\n"
    "(Wrap) .> (Pay) : <<extend>> [wanted]\n"
    "(Pay) ..> (Log) : <<include>> always\n"
    "@enduml\n");
  WmDiagram *diagram = wm_project_get_diagram (project, 0);
  WmItem *places = find_link (diagram, "association", "Customer", "Order");
  WmItem *gift = find_link (diagram, "extend", "Gift", "Pay");
  WmItem *log = find_link (diagram, "include", "Pay", "Log");
  guint n_associations = 0;

  g_assert_cmpstr (wm_item_get_string (places, WM_UC_SOURCE_MULTIPLICITY), ==, "1");
  g_assert_cmpstr (wm_item_get_string (places, WM_UC_TARGET_MULTIPLICITY), ==, "0..*");
  g_assert_false (wm_item_get_boolean (places, WM_UC_NAVIGABLE));
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (!g_str_equal (item->type->id, "association") || item == places)
        continue;
      /* Reversed, the multiplicities stay with their ends. */
      g_assert_cmpstr (wm_item_get_string (item, WM_UC_SOURCE_MULTIPLICITY), ==, "1");
      g_assert_cmpstr (wm_item_get_string (item, WM_UC_TARGET_MULTIPLICITY), ==, "*");
      g_assert_true (wm_item_get_boolean (item, WM_UC_NAVIGABLE));
      n_associations++;
    }
  g_assert_cmpuint (n_associations, ==, 1);
  g_assert_cmpstr (places->text, ==, "places");
  g_assert_cmpstr (wm_item_get_string (gift, WM_UC_CONDITION), ==, "has a code");
  g_assert_cmpstr (wm_item_get_string (gift, WM_UC_EXTENSION_POINT), ==, "Payment");
  g_assert_cmpstr (gift->text, ==, "");
  g_assert_cmpstr (wm_item_get_string (find_link (diagram, "extend", "Wrap", "Pay"),
                                       WM_UC_CONDITION), ==, "wanted");
  g_assert_cmpstr (log->text, ==, "always");
}

static void
test_import_blocks (void)
{
  g_autoptr(WmProject) project = import_clean (
    "' A comment before everything\n"
    "@startuml\n"
    "title Ordering\n"
    "/' a block comment\n"
    "   actor Hidden\n"
    "'/\n"
    "actor Shown /' inline '/ <<staff>>\n"
    "' actor Commented\n"
    "Shown --> (Order)\n"
    "@enduml\n"
    "Text between blocks is not PlantUML's.\n"
    "@startuml\r\n"
    "actor Second\r\n"
    "Second -- (Pay)\r\n"
    "@enduml\r\n");
  WmDiagram *first = wm_project_get_diagram (project, 0);
  WmDiagram *second = wm_project_get_diagram (project, 1);

  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, 2);
  g_assert_cmpstr (wm_diagram_get_name (first), ==, "Ordering");
  g_assert_cmpstr (wm_diagram_get_name (second), ==, "test 2");
  g_assert_cmpstr (wm_project_get_title (project), ==, "test");
  g_assert_null (find_named (first, "actor", "Hidden"));
  g_assert_null (find_named (first, "actor", "Commented"));
  g_assert_cmpstr (wm_item_get_string (find_named (first, "actor", "Shown"), WM_UC_STEREOTYPE),
                   ==, "staff");
  g_assert_nonnull (find_link (second, "association", "Second", "Pay"));
  g_assert_false (wm_project_can_undo (project));
}

static void
test_import_no_start (void)
{
  g_auto(WmImportLog) log = { 0 };
  g_autoptr(WmProject) project = NULL;

  wm_import_log_init (&log);
  project = import_text ("actor Customer\nCustomer --> (Order)\n", &log);
  g_assert_cmpuint (wm_diagram_get_n_items (wm_project_get_diagram (project, 0)), ==, 3);
  g_assert_true (has_warning (&log, 0, "@startuml"));
}

/* Warnings name the line of what they are about. */
static void
test_import_warnings (void)
{
  g_auto(WmImportLog) log = { 0 };
  g_autoptr(WmProject) project = NULL;
  g_autofree char *formatted = NULL;
  WmDiagram *diagram;

  wm_import_log_init (&log);
  project = import_text (
    "@startuml\n"                              /* 1 */
    "skinparam monochrome true\n"              /* 2 */
    "skinparam usecase {\n"                    /* 3 */
    "  BackgroundColor pink\n"                 /* 4 */
    "  actor NotAnActor\n"                     /* 5 */
    "}\n"                                      /* 6 */
    "hide stereotype\n"                        /* 7 */
    "actor Customer #pink\n"                   /* 8 */
    "(A) ..> (B)\n"                            /* 9 */
    "Customer -- Customer2\n"                  /* 10 */
    "!include common.puml\n"                   /* 11 */
    "legend\n"                                 /* 12 */
    "  (NotAUseCase)\n"                        /* 13 */
    "endlegend\n"                              /* 14 */
    "usecase (C) <<business>>\n"               /* 15 */
    "}\n"                                      /* 16 */
    "note on link : lost\n"                    /* 17 */
    "(A) -- (C)\n"                             /* 18 */
    "@enduml\n", &log);
  diagram = wm_project_get_diagram (project, 0);
  g_assert_true (has_warning (&log, 2, "skinparam"));
  g_assert_true (has_warning (&log, 3, "skinparam"));
  g_assert_true (has_warning (&log, 7, "hide"));
  g_assert_true (has_warning (&log, 8, "Colours"));
  g_assert_true (has_warning (&log, 9, "dashed"));
  g_assert_true (has_warning (&log, 10, "Customer2"));
  g_assert_true (has_warning (&log, 10, "link is skipped"));
  g_assert_true (has_warning (&log, 11, "Preprocessor"));
  g_assert_true (has_warning (&log, 12, "legend"));
  g_assert_true (has_warning (&log, 15, "business"));
  g_assert_true (has_warning (&log, 16, "}"));
  g_assert_true (has_warning (&log, 17, "Notes on links"));
  g_assert_true (has_warning (&log, 18, "link is skipped"));
  g_assert_cmpuint (log.warnings->len, ==, 13);
  g_assert_null (find_named (diagram, "actor", "NotAnActor"));
  g_assert_null (find_named (diagram, "use-case", "NotAUseCase"));
  g_assert_nonnull (find_named (diagram, "actor", "Customer"));
  g_assert_cmpuint (wm_diagram_get_n_links (diagram), ==, 0);
  formatted = wm_import_log_format (&log, "in.puml");
  g_assert_true (g_str_has_prefix (formatted, "in.puml:2: warning: skinparam"));
}

/* Import: hostile input */

/* Imports @data, which must either fail with a one-line WM_ERROR or give a
 * project whose diagrams are use-case diagrams. */
static void
import_hostile (const char *data,
                gsize       size)
{
  g_auto(WmImportLog) log = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;

  wm_import_log_init (&log);
  project = wm_import_plantuml (data, size, "hostile.puml", &log, &error);
  if (project == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == WM_ERROR);
      g_assert_null (strchr (error->message, '\n'));
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (log.warnings->len, <=, 1001);
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    g_assert_cmpstr (wm_diagram_get_notation (wm_project_get_diagram (project, i))->id, ==,
                     "use-case");
}

static void
test_hostile_truncated (void)
{
  g_autoptr(WmProject) sample = plantuml_sample_project (12);
  g_autofree char *text = wm_export_plantuml (sample, NULL, NULL);
  gsize length = strlen (text);

  for (gsize cut = 0; cut < length; cut += 7)
    import_hostile (text, cut);
}

static void
test_hostile_malformed (void)
{
  static const char *const inputs[] = {
    "",
    "\n\n\n",
    "@startuml\n@enduml\n",
    "@enduml\n@startuml",
    "@startuml\nactor \"unclosed\n(unclosed\n:unclosed\nnote \"unclosed\n@enduml\n",
    "@startuml\n/' never closed\nactor A\n",
    "@startuml\nnote as N\nnever closed\n",
    "@startuml\nskinparam x {\n{\n{\n",
    "@startuml\n}}}}\n{{{{\n@enduml",
    "@startuml\nA -> \nA\n--> B\n<|--\n-- --\n\"1\" -- \"2\"\n: :\n()\n::\n@enduml",
    "@startuml\nactor as as as\nusecase as \"\"\nrectangle\npackage {\n}\n@enduml",
    "@startuml\nnote left of\nnote of X\nnote right of Undeclared : x\n@enduml",
    "@startuml\nA -[[[[[- B\nA -[-> B\nA -.-.-.-.-.- B\nA <<x>> B\n@enduml",
    "@startuml\n(A) .> (A) : <<include>>\n(A) --|> (A)\nN .. N\nnote as N\nx\nendnote\nN..N\n",
    "\xef\xbb\xbf@startuml\nactor \xc3\x28\nactor \xff\xfe\n(\xe2\x82)\n@enduml\n",
    "@startuml\nactor A\0actor B\n@enduml\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    import_hostile (inputs[i], i + 1 == G_N_ELEMENTS (inputs) ? 35 : strlen (inputs[i]));
}

static void
test_hostile_nothing (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (wm_import_plantuml ("@startuml\nskinparam x y\n@enduml\n", 32, "empty.puml",
                                     NULL, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "empty.puml"));
}

static void
test_hostile_long_line (void)
{
  gsize size = 10 * 1024 * 1024;
  g_autofree char *data = g_malloc (size + 64);
  g_auto(WmImportLog) log = { 0 };
  g_autoptr(WmProject) project = NULL;
  gsize n;

  n = g_snprintf (data, 64, "@startuml\nactor A\nactor \"");
  memset (data + n, 'x', size - n);
  n = size;
  n += g_snprintf (data + n, 64, "\"\nA --> (B)\n@enduml\n");
  wm_import_log_init (&log);
  project = wm_import_plantuml (data, n, "long.puml", &log, NULL);
  g_assert_nonnull (project);
  /* Ten million characters are more than a name may hold. */
  g_assert_true (has_warning (&log, 3, "skipped"));
  g_assert_cmpuint (wm_diagram_get_n_items (wm_project_get_diagram (project, 0)), ==, 3);
  /* Ten million characters with no line break at all, and a line past
   * what the import reads. */
  memset (data, '(', size);
  import_hostile (data, size);
  g_free (data);
  data = g_malloc (2 * size);
  memset (data, 'x', 2 * size);
  memcpy (data, "@startuml\nactor A\n", 18);
  wm_import_log_clear (&log);
  wm_import_log_init (&log);
  g_clear_object (&project);
  project = wm_import_plantuml (data, 2 * size, "long.puml", &log, NULL);
  g_assert_nonnull (project);
  g_assert_true (has_warning (&log, 3, "longer"));
  memset (data, '\n', size);
  import_hostile (data, size);
}

static void
test_hostile_invalid_utf8 (void)
{
  static const char latin1[] = "@startuml\nactor \"Andr\xe9\" as A\nA --> (Caf\xe9)\n@enduml\n";
  g_auto(WmImportLog) log = { 0 };
  g_autoptr(WmProject) project = NULL;
  WmDiagram *diagram;

  wm_import_log_init (&log);
  project = import_text (latin1, &log);
  diagram = wm_project_get_diagram (project, 0);
  g_assert_true (has_warning (&log, 2, "UTF-8"));
  g_assert_true (has_warning (&log, 3, "UTF-8"));
  g_assert_nonnull (find_named (diagram, "actor", "Andr\xef\xbf\xbd"));
  g_assert_nonnull (find_link (diagram, "association", "Andr\xef\xbf\xbd", "Caf\xef\xbf\xbd"));
}

static void
test_hostile_deep_nesting (void)
{
  GString *text = g_string_new ("@startuml\n");
  g_auto(WmImportLog) log = { 0 };
  g_autoptr(WmProject) project = NULL;
  WmDiagram *diagram;
  WmItem *leaf;
  guint depth = 0;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "%s \"L%u\" {\n", i % 2 ? "package" : "rectangle", i);
  g_string_append (text, "(Leaf)\n");
  for (guint i = 0; i < 5000; i++)
    g_string_append (text, "}\n");
  g_string_append (text, "actor A\nA --> (Leaf)\n@enduml\n");
  wm_import_log_init (&log);
  project = import_text (text->str, &log);
  g_string_free (text, TRUE);
  diagram = wm_project_get_diagram (project, 0);
  g_assert_true (has_warning (&log, 2 + WM_LIMIT_CONTAINMENT_DEPTH - 1, "nest"));
  leaf = find_named (diagram, "use-case", "Leaf");
  for (WmItem *item = leaf; item->parent != NULL; item = wm_diagram_lookup (diagram, item->parent))
    depth++;
  g_assert_cmpuint (depth, ==, WM_LIMIT_CONTAINMENT_DEPTH - 1);
  /* After the closing braces, the actor is outside them all again. */
  g_assert_null (find_named (diagram, "actor", "A")->parent);
  g_assert_nonnull (find_link (diagram, "association", "A", "Leaf"));
}

static void
test_hostile_many (void)
{
  GString *text = g_string_new ("@startuml\n");
  g_auto(WmImportLog) log = { 0 };
  g_autoptr(WmProject) project = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "nonsense here\n");
  for (guint i = 0; i < 3000; i++)
    g_string_append (text, "{\n");
  g_string_append (text, "(Something)\n");
  wm_import_log_init (&log);
  project = import_text (text->str, &log);
  g_string_free (text, TRUE);
  /* The warnings stop at a thousand, and say so. */
  g_assert_cmpuint (log.warnings->len, ==, 1001);
  g_assert_true (has_warning (&log, 0, "1000"));
}

/* Format detection and the warning log */

static void
test_detect (void)
{
  static const char puml[] = "' a comment\n@startuml\nactor A\n@enduml\n";
  static const char drawio[] = "<?xml version=\"1.0\"?>\n<mxfile host=\"x\">";

  g_assert_cmpint (wm_exchange_detect (puml, strlen (puml), "notes.txt"), ==,
                   WM_EXCHANGE_PLANTUML);
  g_assert_cmpint (wm_exchange_detect (puml, strlen (puml), NULL), ==, WM_EXCHANGE_PLANTUML);
  g_assert_cmpint (wm_exchange_detect (drawio, strlen (drawio), "model.puml"), ==,
                   WM_EXCHANGE_DRAWIO);
  g_assert_cmpint (wm_exchange_detect ("actor A\n", 8, "model.PUML"), ==, WM_EXCHANGE_PLANTUML);
  g_assert_cmpint (wm_exchange_detect ("actor A\n", 8, "model.plantuml"), ==,
                   WM_EXCHANGE_PLANTUML);
  g_assert_cmpint (wm_exchange_detect ("actor A\n", 8, "model.txt"), ==, WM_EXCHANGE_UNKNOWN);
  g_assert_cmpint (wm_exchange_detect (NULL, 0, NULL), ==, WM_EXCHANGE_UNKNOWN);
}

static void
test_log_format (void)
{
  g_auto(WmImportLog) log = { 0 };
  g_autofree char *text = NULL;

  wm_import_log_init (&log);
  wm_import_log_warn (&log, 12, "skipped %s", "this");
  wm_import_log_warn (&log, 0, "about the whole file");
  text = wm_import_log_format (&log, "dir/in.puml");
  g_assert_cmpstr (text, ==,
                   "dir/in.puml:12: warning: skipped this\n"
                   "dir/in.puml: warning: about the whole file\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plantuml/export/sample", test_export_sample);
  g_test_add_func ("/plantuml/export/several", test_export_several);
  g_test_add_func ("/plantuml/export/nothing", test_export_nothing);
  g_test_add_func ("/plantuml/round-trip/sample", test_round_trip_sample);
  g_test_add_func ("/plantuml/round-trip/generated", test_round_trip_generated);
  g_test_add_func ("/plantuml/round-trip/note-chain", test_round_trip_note_chain);
  g_test_add_func ("/plantuml/import/actors", test_import_actors);
  g_test_add_func ("/plantuml/import/use-cases", test_import_use_cases);
  g_test_add_func ("/plantuml/import/containers", test_import_containers);
  g_test_add_func ("/plantuml/import/grid", test_import_grid);
  g_test_add_func ("/plantuml/import/notes", test_import_notes);
  g_test_add_func ("/plantuml/import/arrows", test_import_arrows);
  g_test_add_func ("/plantuml/import/labels", test_import_labels);
  g_test_add_func ("/plantuml/import/blocks", test_import_blocks);
  g_test_add_func ("/plantuml/import/no-start", test_import_no_start);
  g_test_add_func ("/plantuml/import/warnings", test_import_warnings);
  g_test_add_func ("/plantuml/hostile/truncated", test_hostile_truncated);
  g_test_add_func ("/plantuml/hostile/malformed", test_hostile_malformed);
  g_test_add_func ("/plantuml/hostile/nothing", test_hostile_nothing);
  g_test_add_func ("/plantuml/hostile/long-line", test_hostile_long_line);
  g_test_add_func ("/plantuml/hostile/invalid-utf8", test_hostile_invalid_utf8);
  g_test_add_func ("/plantuml/hostile/deep-nesting", test_hostile_deep_nesting);
  g_test_add_func ("/plantuml/hostile/many", test_hostile_many);
  g_test_add_func ("/exchange/detect", test_detect);
  g_test_add_func ("/exchange/log-format", test_log_format);

  return g_test_run ();
}
