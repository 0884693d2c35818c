/* wm-bench.c — generates large projects and times loading, saving and checking them
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `wm-bench generate` writes a realistic project of any size through the
 * public model API, so the files it makes are exactly what the editor would
 * make. `wm-bench run` builds such projects in memory and measures the three
 * operations whose cost grows with a project: opening it (parse, schema
 * validation and model building), saving it (serialisation and an atomic
 * write) and checking it. Peak memory is measured in a forked child that does
 * nothing but load, so nothing the benchmark itself holds is counted.
 */
#define G_LOG_DOMAIN "wm-bench"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gstdio.h>

#include "waymark-model.h"

#define EXIT_USAGE 2

/* Document units between the origins of neighbouring grid cells; wider and
 * taller than the largest default node of every notation but the containers. */
#define CELL_WIDTH 240
#define CELL_HEIGHT 160
#define MARGIN 40

/* Targets of the performance budget. */
#define TARGET_HIT_US 50.0
#define TARGET_LOAD_10K_MS 100.0
#define TARGET_LOAD_100K_MS 1000.0
#define TARGET_BYTES_PER_ITEM 2048.0
/* Below this size, fixed costs (the fsync of an atomic save, a few ms on a
 * busy disk) and page granularity swamp what is measured, so the relative
 * targets are not judged there. */
#define MIN_ITEMS_JUDGED 10000

static const char usage_text[] =
  "Usage:\n"
  "  wm-bench generate --notation=ID --items=N OUT.waymark\n"
  "  wm-bench run [--items=1000,10000,100000] [--notation=ID] [--repeat=R] [--check-targets]\n"
  "  wm-bench export --waymark=PATH [--items=10000] [--png-size=4000] [--repeat=3]\n"
  "  wm-bench hit [--items=100000] [--notation=ID] [--hits=100000] [--queries=10000]\n"
  "               [--check-targets]\n"
  "\n"
  "ID is business-model-canvas, use-case, value-stream-map, customer-journey, or all\n"
  "(one diagram of each, sharing the items). `run` uses all unless told otherwise.\n"
  "Give --help after a command for its options.\n";

/* Generating projects */

typedef struct
{
  WmDiagram        *diagram;
  const WmNotation *notation;
  GPtrArray        *nodes;    /* WmItem *, owned by the diagram, in grid order */
  guint             n_items;  /* how many items the diagram gets */
  guint             n_links;
  guint             cols;
} Generator;

typedef struct
{
  const char *notation;
  const char *name;
  const char *value;
} Field;

static const Field diagram_fields[] = {
  { "business-model-canvas", "designed-for", "Velo Rentals" },
  { "business-model-canvas", "designed-by", "Strategy team" },
  { "business-model-canvas", "date", "2026-03-02" },
  { "business-model-canvas", "version", "3" },
  { "use-case", "description", "Ordering online and picking up in a store.\nRelease 2 scope." },
  { "value-stream-map", "product-family", "Steel bike frames" },
  { "value-stream-map", "daily-demand", "460" },
  { "value-stream-map", "shifts", "2" },
  { "customer-journey", "persona", "Dana, daily commuter" },
  { "customer-journey", "scenario", "Rents a bike for a week and returns it at another station." },
};

typedef struct
{
  const char *name;
  double      base;
  double      step;
  guint       period;
} NumberPattern;

/* Numbers of the size practitioners write down: seconds, percentages, pieces. */
static const NumberPattern number_patterns[] = {
  { "cycle-time", 30, 7, 20 },
  { "changeover-time", 600, 300, 8 },
  { "uptime", 80, 2, 10 },
  { "operators", 1, 1, 4 },
  { "batch-size", 10, 10, 10 },
  { "scrap", 0.5, 0.5, 6 },
  { "quantity", 100, 25, 40 },
  { "days", 0.5, 0.5, 8 },
  { "capacity", 200, 50, 10 },
  { "max", 20, 5, 10 },
  { "score", -2, 1, 5 },
  { "value", 40, 3.5, 12 },
  { "target", 60, 5, 5 },
};

static const char *const palette[] = {
  "#fff4a3", "#ffd6a5", "#caffbf", "#9bf6ff", "#a0c4ff", "#ffc6ff",
};

static const char *const frequencies[] = {
  "Daily", "Weekly", "Every shift", "Monthly",
};

static guint
count_choices (const WmChoice *choices)
{
  guint n = 0;

  while (choices[n].id != NULL)
    n++;
  return n;
}

static char *
number_value (const WmPropSpec *spec,
              guint             k)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < G_N_ELEMENTS (number_patterns); i++)
    {
      const NumberPattern *pattern = &number_patterns[i];

      if (g_str_equal (pattern->name, spec->name))
        return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.6g",
                                          pattern->base + pattern->step * (k % pattern->period)));
    }
  return NULL;
}

/* One-line strings are set on every other item, to keep files realistically sparse. */
static char *
string_value (const WmPropSpec *spec,
              guint             k)
{
  if (k % 2 == 1)
    return NULL;
  if (g_str_equal (spec->name, "frequency"))
    return g_strdup (frequencies[k / 2 % G_N_ELEMENTS (frequencies)]);
  if (g_str_equal (spec->name, "unit"))
    return g_strdup ("%");
  if (g_str_equal (spec->name, "source-multiplicity"))
    return g_strdup ("1");
  if (g_str_equal (spec->name, "target-multiplicity"))
    return g_strdup ("0..*");
  if (g_str_equal (spec->name, "condition"))
    return g_strdup ("[basket total > 100 EUR]");
  if (g_str_equal (spec->name, "extension-point"))
    return g_strdup ("Payment declined");
  return NULL;
}

static char *
text_value (const WmPropSpec *spec,
            guint             k)
{
  if ((g_str_equal (spec->name, "description") || g_str_equal (spec->name, "requirements")) &&
      k % 4 == 0)
    return g_strdup_printf ("Step %u of the flow, as agreed in the March workshop.", k + 1);
  if (g_str_equal (spec->name, "main-flow") && k % 8 == 0)
    return g_strdup ("1. The customer picks a bike.\n2. The system reserves it.\n"
                     "3. The customer pays.");
  return NULL;
}

static char *
slot_value (Generator        *gen,
            const WmPropSpec *spec,
            guint             k)
{
  GPtrArray *entries = wm_diagram_get_list (gen->diagram, spec->list);
  const WmListEntry *entry;

  if (entries == NULL || entries->len == 0)
    return NULL;
  entry = g_ptr_array_index (entries, k % entries->len);
  return g_strdup (entry->id);
}

/* Every tenth item refers to the node made just before it. */
static char *
refs_value (Generator *gen,
            guint      k)
{
  WmItem *previous;

  if (k % 10 != 5 || gen->nodes->len < 2)
    return NULL;
  previous = g_ptr_array_index (gen->nodes, gen->nodes->len - 2);
  return g_strdup (previous->id);
}

/* A value, in file syntax, for property @spec of the @k-th item, or NULL to
 * leave the property at its default. */
static char *
value_for (Generator        *gen,
           const WmPropSpec *spec,
           guint             k)
{
  switch (spec->type)
    {
    case WM_PROP_ENUM:
      return g_strdup (spec->choices[k % count_choices (spec->choices)].id);
    case WM_PROP_COLOR:
      return k % 2 == 0 ? g_strdup (palette[k / 2 % G_N_ELEMENTS (palette)]) : NULL;
    case WM_PROP_BOOLEAN:
      if (k % 3 != 0)
        return NULL;
      return g_strdup (g_strcmp0 (spec->default_value, "true") == 0 ? "false" : "true");
    case WM_PROP_SLOT:
      return slot_value (gen, spec, k);
    case WM_PROP_NUMBER:
    case WM_PROP_INTEGER:
      return number_value (spec, k);
    case WM_PROP_STRING:
      return string_value (spec, k);
    case WM_PROP_TEXT:
      return text_value (spec, k);
    case WM_PROP_STRING_LIST:
      return k % 5 == 0 ? g_strdup ("Payment declined\nVoucher entered") : NULL;
    case WM_PROP_REFS:
      return refs_value (gen, k);
    default:
      return NULL;
    }
}

static gboolean
set_properties (Generator *gen,
                WmItem    *item,
                guint      k,
                GError   **error)
{
  const WmItemType *type = item->type;

  for (guint i = 0; i < type->n_props; i++)
    {
      g_autofree char *value = NULL;

      /* An extend link's point must be one its base declares; a made-up
       * name would be a model error, so generated links leave it unset. */
      if (g_str_equal (type->props[i].name, "extension-point"))
        continue;
      value = value_for (gen, &type->props[i], k);
      if (value != NULL &&
          !wm_diagram_set_property (gen->diagram, item->id, type->props[i].name, value, error))
        return FALSE;
    }
  return TRUE;
}

/* Use-case diagrams get an actor at the start of every row, so that each
 * actor has a use case beside it to associate with, and a note now and then. */
static const WmItemType *
pick_use_case_type (const WmNotation *notation,
                    guint             k,
                    guint             col)
{
  const char *id = col == 0 ? "actor" : (k % 10 == 9 && col > 1) ? "note" : "use-case";

  return wm_notation_lookup_type (notation, id);
}

static const WmItemType *
pick_node_type (Generator *gen,
                guint      k)
{
  if (g_str_equal (gen->notation->id, "use-case"))
    return pick_use_case_type (gen->notation, k, k % gen->cols);
  return &gen->notation->node_types[k % gen->notation->n_node_types];
}

static char *
node_text (const WmItemType *type,
           guint             k)
{
  /* Labels stay untranslated: the benchmark must write the same bytes everywhere. */
  if (type->multiline && k % 10 == 3)
    return g_strdup_printf ("%s %u\nSee the workshop photos.", type->label, k + 1);
  return g_strdup_printf ("%s %u", type->label, k + 1);
}

static gboolean
add_grid_node (Generator *gen,
               GError   **error)
{
  guint k = gen->nodes->len;
  const WmItemType *type = pick_node_type (gen, k);
  WmRect bounds = { MARGIN + (double) (k % gen->cols) * CELL_WIDTH,
                    MARGIN + (double) (k / gen->cols) * CELL_HEIGHT,
                    type->width, type->height };
  g_autofree char *text = node_text (type, k);
  WmItem *node;

  g_assert (type != NULL);
  node = wm_diagram_add_node (gen->diagram, type->id, &bounds, text, error);
  if (node == NULL)
    return FALSE;
  g_ptr_array_add (gen->nodes, node);
  return set_properties (gen, node, k, error);
}

static void
centre_of (const WmItem *node,
           WmPoint      *centre)
{
  centre->x = node->bounds.x + node->bounds.width / 2;
  centre->y = node->bounds.y + node->bounds.height / 2;
}

/* Gives some links a label and a bend, as people draw them. */
static gboolean
decorate_link (Generator    *gen,
               WmItem       *link,
               const WmItem *source,
               const WmItem *target,
               GError      **error)
{
  guint k = gen->n_links;

  if (k % 3 == 0)
    {
      g_autofree char *text = g_strdup_printf ("Flow %u", k + 1);
      wm_diagram_set_text (gen->diagram, link->id, text);
    }
  if (k % 4 == 1)
    {
      WmPoint a, b, bend;

      centre_of (source, &a);
      centre_of (target, &b);
      bend = (WmPoint) { a.x, b.y };
      wm_diagram_set_points (gen->diagram, link->id, &bend, 1);
    }
  return set_properties (gen, link, k, error);
}

/* Joins two grid neighbours with one of the link types the notation allows
 * between them, cycling through those types; the flow goes from @a to @b
 * when it can. Joining nothing is not an error. */
static gboolean
try_link (Generator *gen,
          WmItem    *a,
          WmItem    *b,
          GError   **error)
{
  g_autoptr(GPtrArray) allowed = wm_notation_allowed_links (gen->notation, a->type, b->type);
  WmItem *source = a, *target = b;
  const WmItemType *type;
  WmItem *link;

  if (allowed->len == 0)
    {
      g_ptr_array_unref (allowed);
      allowed = wm_notation_allowed_links (gen->notation, b->type, a->type);
      source = b;
      target = a;
    }
  if (allowed->len == 0)
    return TRUE;

  type = g_ptr_array_index (allowed, gen->n_links % allowed->len);
  link = wm_diagram_add_link (gen->diagram, type->id, source->id, target->id, error);
  if (link == NULL)
    return FALSE;
  if (!decorate_link (gen, link, source, target, error))
    return FALSE;
  gen->n_links++;
  return TRUE;
}

static guint
items_made (Generator *gen)
{
  return gen->nodes->len + gen->n_links;
}

/* Links the newest node to its left, upper, upper-left and upper-right
 * neighbours while there are no more links than nodes. */
static gboolean
link_to_neighbours (Generator *gen,
                    GError   **error)
{
  static const int offsets[][2] = { { 0, -1 }, { -1, 0 }, { -1, -1 }, { -1, 1 } };
  guint k = gen->nodes->len - 1;
  int row = (int) (k / gen->cols), col = (int) (k % gen->cols);

  if (gen->notation->n_link_types == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      int r = row + offsets[i][0], c = col + offsets[i][1];

      if (items_made (gen) >= gen->n_items || gen->n_links >= gen->nodes->len)
        break;
      if (r < 0 || c < 0 || c >= (int) gen->cols)
        continue;
      if (!try_link (gen, g_ptr_array_index (gen->nodes, (guint) r * gen->cols + (guint) c),
                     g_ptr_array_index (gen->nodes, k), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_diagram_fields (WmDiagram *diagram,
                    GError   **error)
{
  const char *notation = wm_diagram_get_notation (diagram)->id;

  for (guint i = 0; i < G_N_ELEMENTS (diagram_fields); i++)
    if (g_str_equal (diagram_fields[i].notation, notation) &&
        !wm_diagram_set_field (diagram, diagram_fields[i].name, diagram_fields[i].value, error))
      return FALSE;
  return TRUE;
}

static gboolean
generate_diagram (WmProject  *project,
                  const char *notation_id,
                  guint       n_items,
                  GError    **error)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  Generator gen = { 0, };
  guint expected_nodes;

  gen.diagram = wm_project_add_diagram (project, notation_id, NULL, error);
  if (gen.diagram == NULL || !set_diagram_fields (gen.diagram, error))
    return FALSE;
  gen.notation = wm_diagram_get_notation (gen.diagram);
  gen.nodes = nodes;
  gen.n_items = n_items;
  /* About half the items are links where the notation has any. */
  expected_nodes = gen.notation->n_link_types > 0 ? (n_items + 1) / 2 : n_items;
  gen.cols = MAX (2, (guint) ceil (sqrt ((double) expected_nodes)));

  while (items_made (&gen) < n_items)
    if (!add_grid_node (&gen, error) || !link_to_neighbours (&gen, error))
      return FALSE;
  return TRUE;
}

static gboolean
notation_is_known (const char *notation_id)
{
  return g_str_equal (notation_id, "all") || wm_notation_lookup (notation_id) != NULL;
}

static gboolean
generate_diagrams (WmProject  *project,
                   const char *notation_id,
                   guint       n_items,
                   GError    **error)
{
  guint n_notations;
  const WmNotation *const *notations = wm_notations_get_all (&n_notations);

  if (!g_str_equal (notation_id, "all"))
    return generate_diagram (project, notation_id, n_items, error);
  for (guint i = 0; i < n_notations; i++)
    {
      guint share = n_items / n_notations + (i < n_items % n_notations ? 1 : 0);

      if (!generate_diagram (project, notations[i]->id, share, error))
        return FALSE;
    }
  return TRUE;
}

/* Builds the whole project as one undo step, then drops the history so that
 * the benchmark does not carry a copy of every item. */
static WmProject *
generate_project (const char *notation_id,
                  guint       n_items,
                  GError    **error)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autofree char *title = g_strdup_printf ("Benchmark, %u items", n_items);
  gboolean ok;

  wm_project_begin_group (project, "Generate");
  wm_project_set_title (project, title);
  wm_project_set_author (project, "wm-bench");
  ok = generate_diagrams (project, notation_id, n_items, error);
  wm_project_end_group (project);
  wm_project_clear_history (project);
  return ok ? g_steal_pointer (&project) : NULL;
}

/* `wm-bench generate` */

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_printerr ("wm-bench: %s\n\n", message);
  if (context != NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
    }
  else
    g_printerr ("%s", usage_text);
  return EXIT_USAGE;
}

static int
command_generate (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("OUT.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *notation = NULL;
  int n_items = -1;
  const GOptionEntry entries[] = {
    { "notation", 0, 0, G_OPTION_ARG_STRING, &notation, "The notation, or all", "ID" },
    { "items", 0, 0, G_OPTION_ARG_INT, &n_items, "How many items to make", "N" },
    { NULL }
  };

  g_option_context_set_summary (context, "Writes a generated project of N items.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (notation == NULL || n_items < 0 || argc != 2)
    return usage_error (context, "give --notation, --items and one output file");
  if (!notation_is_known (notation))
    return usage_error (context, "unknown notation");

  project = generate_project (notation, (guint) n_items, &error);
  file = g_file_new_for_commandline_arg (argv[1]);
  if (project == NULL || !wm_project_save (project, file, NULL, &error))
    {
      g_printerr ("wm-bench: %s: %s\n", argv[1], error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

/* Measuring */

typedef struct
{
  guint  n_items;
  gsize  file_size;
  double load_ms;
  double save_ms;
  double check_ms;
  double peak_mb;          /* above the empty-project baseline */
  double bytes_per_item;
  guint  n_problems;
  guint  n_errors;
  gboolean round_trips;    /* saving the loaded project gives the same bytes */
} Result;

static double
elapsed_ms (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

/* Returns freed heap pages to the system, so that a forked child which
 * reuses them is charged for touching them again. */
static void
trim_heap (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

static int
load_in_child (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  WmProject *project = wm_project_load_from_data (data, size, "bench.waymark", NULL);

  /* The child exits without freeing: only its peak matters. */
  return project != NULL ? 0 : 1;
}

/* The peak resident size, in KiB, of a child that loads @bytes. The child
 * starts as a copy of this process, so only differences of two such peaks
 * taken in the same state mean anything. */
static gboolean
child_peak_rss (GBytes *bytes,
                glong  *peak_kib,
                GError **error)
{
  struct rusage usage;
  int status;
  pid_t pid;

  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  if (pid == 0)
    _exit (load_in_child (bytes));
  if (pid < 0 || wait4 (pid, &status, 0, &usage) < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "could not run a loading child: %s", g_strerror (saved_errno));
      return FALSE;
    }
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the loading child failed");
      return FALSE;
    }
  *peak_kib = usage.ru_maxrss;
  return TRUE;
}

static gboolean
measure_memory (GBytes  *bytes,
                GBytes  *empty,
                Result  *result,
                GError **error)
{
  glong baseline, peak;

  trim_heap ();
  if (!child_peak_rss (empty, &baseline, error) || !child_peak_rss (bytes, &peak, error))
    return FALSE;
  peak = MAX (peak - baseline, 0);
  result->peak_mb = (double) peak / 1024.0;
  result->bytes_per_item = (double) peak * 1024.0 / MAX (result->n_items, 1);
  return TRUE;
}

/* Keeps the last project loaded in @loaded for the save and check runs. */
static gboolean
measure_load (GBytes     *bytes,
              guint       repeat,
              Result     *result,
              WmProject **loaded,
              GError    **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  result->load_ms = G_MAXDOUBLE;
  for (guint r = 0; r < repeat; r++)
    {
      gint64 start = g_get_monotonic_time ();
      WmProject *project = wm_project_load_from_data (data, size, "bench.waymark", error);
      double ms = elapsed_ms (start);

      if (project == NULL)
        return FALSE;
      result->load_ms = MIN (result->load_ms, ms);
      g_clear_object (loaded);
      *loaded = project;
    }
  return TRUE;
}

static gboolean
save_once (WmProject *project,
           GFile     *file,
           double    *ms,
           GError   **error)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GBytes) bytes = wm_project_serialize (project);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  /* g_file_replace_contents() is what an atomic save does: a temporary file
   * beside the target, renamed over it once complete. */
  if (!g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                                error))
    return FALSE;
  *ms = elapsed_ms (start);
  return TRUE;
}

static gboolean
measure_save (WmProject *project,
              GFile     *file,
              guint      repeat,
              Result    *result,
              GError   **error)
{
  result->save_ms = G_MAXDOUBLE;
  for (guint r = 0; r < repeat; r++)
    {
      double ms;

      if (!save_once (project, file, &ms, error))
        return FALSE;
      result->save_ms = MIN (result->save_ms, ms);
    }
  return TRUE;
}

static void
count_problems (GPtrArray *problems,
                Result    *result)
{
  result->n_problems = problems->len;
  result->n_errors = 0;
  for (guint i = 0; i < problems->len; i++)
    if (((WmProblem *) g_ptr_array_index (problems, i))->severity == WM_SEVERITY_ERROR)
      result->n_errors++;
}

static void
measure_check (WmProject *project,
               guint      repeat,
               Result    *result)
{
  result->check_ms = G_MAXDOUBLE;
  for (guint r = 0; r < repeat; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) problems = wm_project_check (project);
      double ms = elapsed_ms (start);

      result->check_ms = MIN (result->check_ms, ms);
      count_problems (problems, result);
    }
}

/* `wm-bench run` */

typedef struct
{
  const char *notation;
  guint       repeat;
  GFile      *scratch;   /* the file the saves replace */
  GBytes     *empty;     /* an empty project, for the memory baseline */
} RunOptions;

static GBytes *
generate_bytes (const RunOptions *options,
                guint             n_items,
                GError          **error)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(WmProject) project = generate_project (options->notation, n_items, error);
  GBytes *bytes;

  if (project == NULL)
    return NULL;
  bytes = wm_project_serialize (project);
  g_printerr ("wm-bench: generated %u items (%s) in %.0f ms\n", n_items, options->notation,
              elapsed_ms (start));
  return bytes;
}

static gboolean
bench_size (const RunOptions *options,
            guint             n_items,
            Result           *result,
            GError          **error)
{
  g_autoptr(GBytes) bytes = generate_bytes (options, n_items, error);
  g_autoptr(WmProject) loaded = NULL;
  g_autoptr(GBytes) again = NULL;

  if (bytes == NULL)
    return FALSE;
  result->n_items = n_items;
  result->file_size = g_bytes_get_size (bytes);
  /* Memory first, while this process holds nothing but the bytes. */
  if (!measure_memory (bytes, options->empty, result, error) ||
      !measure_load (bytes, options->repeat, result, &loaded, error))
    return FALSE;
  again = wm_project_serialize (loaded);
  result->round_trips = g_bytes_equal (bytes, again);
  if (!measure_save (loaded, options->scratch, options->repeat, result, error))
    return FALSE;
  measure_check (loaded, options->repeat, result);
  return TRUE;
}

/* In the C locale: g_format_size() puts a no-break space that g_print() cannot show there. */
static char *
format_size (gsize size)
{
  if (size < 1000 * 1000)
    return g_strdup_printf ("%.1f kB", (double) size / 1000.0);
  return g_strdup_printf ("%.1f MB", (double) size / (1000.0 * 1000.0));
}

static void
print_table (GArray *results)
{
  g_print ("| items | file size | load ms | save ms | check ms | peak RSS MB | bytes/item |\n");
  g_print ("|------:|----------:|--------:|--------:|---------:|------------:|-----------:|\n");
  for (guint i = 0; i < results->len; i++)
    {
      Result *r = &g_array_index (results, Result, i);
      g_autofree char *size = format_size (r->file_size);

      g_print ("| %u | %s | %.1f | %.1f | %.1f | %.1f | %.0f |\n", r->n_items, size, r->load_ms,
               r->save_ms, r->check_ms, r->peak_mb, r->bytes_per_item);
    }
}

static void
print_notes (GArray           *results,
             const RunOptions *options)
{
  g_print ("\nNotation: %s; best of %u run%s. Peak RSS is that of a child that only loads, above "
           "a child that loads an empty project; the file's bytes are not counted.\n",
           options->notation, options->repeat, options->repeat == 1 ? "" : "s");
  for (guint i = 0; i < results->len; i++)
    {
      Result *r = &g_array_index (results, Result, i);

      g_print ("%u items: check found %u problems (%u errors)%s\n", r->n_items, r->n_problems,
               r->n_errors,
               r->round_trips ? "" : "; saving the loaded project does NOT give the same bytes");
    }
}

typedef enum
{
  VERDICT_NOT_MEASURED,
  VERDICT_PASS,
  VERDICT_MISS,
} Verdict;

static const Result *
find_result (GArray *results,
             guint   n_items)
{
  for (guint i = 0; i < results->len; i++)
    if (g_array_index (results, Result, i).n_items == n_items)
      return &g_array_index (results, Result, i);
  return NULL;
}

static Verdict
judge_load (GArray *results,
            guint   n_items,
            double  limit_ms)
{
  const Result *r = find_result (results, n_items);

  if (r == NULL)
    return VERDICT_NOT_MEASURED;
  return r->load_ms < limit_ms ? VERDICT_PASS : VERDICT_MISS;
}

/* The relative targets hold at every size large enough to judge. */
static Verdict
judge_each (GArray  *results,
            gboolean (*holds) (const Result *))
{
  Verdict verdict = VERDICT_NOT_MEASURED;

  for (guint i = 0; i < results->len; i++)
    {
      const Result *r = &g_array_index (results, Result, i);

      if (r->n_items < MIN_ITEMS_JUDGED)
        continue;
      if (!holds (r))
        return VERDICT_MISS;
      verdict = VERDICT_PASS;
    }
  return verdict;
}

static gboolean
save_keeps_up (const Result *r)
{
  return r->save_ms <= r->load_ms;
}

static gboolean
memory_fits (const Result *r)
{
  return r->bytes_per_item < TARGET_BYTES_PER_ITEM;
}

static const char *
verdict_to_string (Verdict verdict)
{
  switch (verdict)
    {
    case VERDICT_PASS: return "pass";
    case VERDICT_MISS: return "MISS";
    case VERDICT_NOT_MEASURED: return "not measured";
    default: g_assert_not_reached ();
    }
}

/* Prints one line of verdicts and returns TRUE when no target was missed. */
static gboolean
print_targets (GArray *results)
{
  Verdict verdicts[] = {
    judge_load (results, 10000, TARGET_LOAD_10K_MS),
    judge_load (results, 100000, TARGET_LOAD_100K_MS),
    judge_each (results, save_keeps_up),
    judge_each (results, memory_fits),
  };
  gboolean all_met = TRUE;

  g_print ("\nTargets: load 10 000 < 100 ms: %s; load 100 000 < 1000 ms: %s; "
           "save no slower than load: %s; memory < 2048 bytes/item: %s "
           "(the last two judged at %u items and more)\n",
           verdict_to_string (verdicts[0]), verdict_to_string (verdicts[1]),
           verdict_to_string (verdicts[2]), verdict_to_string (verdicts[3]), MIN_ITEMS_JUDGED);
  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++)
    all_met = all_met && verdicts[i] != VERDICT_MISS;
  return all_met;
}

static GArray *
parse_sizes (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 n;
      guint size;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, G_MAXUINT32 / 2, &n, NULL))
        return NULL;
      size = (guint) n;
      g_array_append_val (sizes, size);
    }
  return sizes->len > 0 ? g_steal_pointer (&sizes) : NULL;
}

static GBytes *
empty_project_bytes (void)
{
  g_autoptr(WmProject) project = wm_project_new ();

  return wm_project_serialize (project);
}

static gboolean
run_all (RunOptions *options,
         GArray     *sizes,
         GArray     *results,
         GError    **error)
{
  g_autofree char *dir = g_dir_make_tmp ("wm-bench-XXXXXX", error);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) empty = empty_project_bytes ();
  gboolean ok = dir != NULL;

  if (!ok)
    return FALSE;
  path = g_build_filename (dir, "bench.waymark", NULL);
  options->scratch = g_file_new_for_path (path);
  options->empty = empty;
  for (guint i = 0; ok && i < sizes->len; i++)
    {
      Result result = { 0, };

      ok = bench_size (options, g_array_index (sizes, guint, i), &result, error);
      if (ok)
        g_array_append_val (results, result);
    }
  g_remove (path);
  g_rmdir (dir);
  g_clear_object (&options->scratch);
  options->empty = NULL;
  return ok;
}

static int
command_run (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sizes = NULL;
  g_autoptr(GArray) results = g_array_new (FALSE, TRUE, sizeof (Result));
  g_autofree char *items = NULL;
  g_autofree char *notation = NULL;
  gboolean check_targets = FALSE;
  int repeat = 3;
  RunOptions options = { 0, };
  const GOptionEntry entries[] = {
    { "items", 0, 0, G_OPTION_ARG_STRING, &items, "Project sizes, comma-separated", "N,N,…" },
    { "notation", 0, 0, G_OPTION_ARG_STRING, &notation, "The notation, or all (the default)",
      "ID" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Runs per measurement; the best counts", "R" },
    { "check-targets", 0, 0, G_OPTION_ARG_NONE, &check_targets,
      "Exit with 1 when a performance target is missed", NULL },
    { NULL }
  };

  g_option_context_set_summary (context, "Times loading, saving and checking generated projects.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  sizes = parse_sizes (items ? items : "1000,10000,100000");
  if (argc != 1 || sizes == NULL || repeat < 1)
    return usage_error (context, "--items takes positive numbers and --repeat at least 1");
  options.notation = notation ? notation : "all";
  options.repeat = (guint) repeat;
  if (!notation_is_known (options.notation))
    return usage_error (context, "unknown notation");

  if (!run_all (&options, sizes, results, &error))
    {
      g_printerr ("wm-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }
  print_table (results);
  print_notes (results, &options);
  return print_targets (results) || !check_targets ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* `wm-bench export`: the whole export process, timed from the outside */

typedef struct
{
  double wall_ms;
  double peak_mb;
  int    status;
} ProcessCost;

/* Runs @argv to completion and measures its wall time and peak memory. */
static ProcessCost
run_measured (char **argv)
{
  ProcessCost cost = { 0, 0, -1 };
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status;
  pid_t pid = fork ();

  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);
      dup2 (null, STDOUT_FILENO);
      execv (argv[0], argv);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &usage) < 0)
    return cost;
  cost.wall_ms = elapsed_ms (start);
  cost.peak_mb = usage.ru_maxrss / 1024.0;
  cost.status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return cost;
}

/* The scale that makes the longer side of the PNG @pixels wide, from the
 * nodes' bounds (the painter adds little around them). */
static double
png_scale_for (WmDiagram *diagram,
               double     pixels)
{
  WmRect area = { 0, 0, 0, 0 };

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      if (wm_item_is_node (item))
        wm_rect_union (&area, &item->bounds, &area);
    }
  return MIN (1, pixels / MAX (MAX (area.width, area.height), 1));
}

/* The best wall time of @repeat runs (the machine's noise only ever adds),
 * and the largest peak memory. */
static ProcessCost
run_best_of (char **argv,
             guint  repeat)
{
  ProcessCost best = run_measured (argv);

  for (guint i = 1; i < repeat && best.status == 0; i++)
    {
      ProcessCost cost = run_measured (argv);

      best.wall_ms = MIN (best.wall_ms, cost.wall_ms);
      best.peak_mb = MAX (best.peak_mb, cost.peak_mb);
      best.status = cost.status;
    }
  return best;
}

static gboolean
bench_export_notation (const char *waymark,
                       const char *notation,
                       guint       n_items,
                       const char *dir,
                       int         png_pixels,
                       guint       repeat)
{
  static const char *const formats[] = { "pdf", "svg", "png" };
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = generate_project (notation, n_items, &error);
  g_autofree char *input = g_build_filename (dir, "input.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (input);
  gboolean ok = TRUE;
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *scale = NULL;

  if (project == NULL || !wm_project_save (project, file, NULL, &error))
    {
      g_printerr ("wm-bench: %s\n", error->message);
      return FALSE;
    }
  g_ascii_formatd (number, sizeof number, "%.4f",
                   png_scale_for (wm_project_get_diagram (project, 0), png_pixels));
  scale = g_strconcat ("--scale=", number, NULL);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *out = g_strdup_printf ("--export=%s/out.%s", dir, formats[f]);
      g_autofree char *diagram = g_strdup_printf ("--diagram=%s",
                                                  wm_diagram_get_id (wm_project_get_diagram (project, 0)));
      char *argv[] = { (char *) waymark, out, diagram,
                       g_str_equal (formats[f], "png") ? scale : NULL, NULL, NULL };
      ProcessCost cost;

      if (argv[3] != NULL)
        argv[4] = input;
      else
        argv[3] = input;
      cost = run_best_of (argv, repeat);
      g_print ("| %s | %s | %u | %.0f ms | %.0f MB |%s\n", notation, formats[f], n_items,
               cost.wall_ms, cost.peak_mb, cost.status == 0 ? "" : " FAILED");
      ok = ok && cost.status == 0;
    }
  return ok;
}

static const char *const scratch_files[] = { "input.waymark", "out.pdf", "out.svg", "out.png" };

static int
command_export (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  g_autofree char *waymark = NULL;
  g_autofree char *dir = NULL;
  int n_items = 10000, png_pixels = 4000, repeat = 3;
  gboolean ok = TRUE;
  guint n;
  const WmNotation *const *notations = wm_notations_get_all (&n);
  const GOptionEntry entries[] = {
    { "waymark", 0, 0, G_OPTION_ARG_FILENAME, &waymark, "The waymark executable", "PATH" },
    { "items", 0, 0, G_OPTION_ARG_INT, &n_items, "Items per diagram (default 10000)", "N" },
    { "png-size", 0, 0, G_OPTION_ARG_INT, &png_pixels,
      "Longer side of the PNG in pixels (default 4000)", "PX" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Runs of each export; the best counts (3)", "R" },
    { NULL }
  };

  g_option_context_set_summary (context, "Times `waymark --export` of a generated diagram of each "
                                         "notation to PDF, SVG and PNG, the whole process included.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (waymark == NULL || n_items <= 0 || png_pixels <= 0 || repeat <= 0)
    return usage_error (context, "give --waymark");

  dir = g_dir_make_tmp ("wm-bench-export-XXXXXX", &error);
  if (dir == NULL)
    return usage_error (NULL, error->message);
  g_print ("| notation | format | items | wall time | peak memory |\n|---|---|---:|---:|---:|\n");
  for (guint i = 0; i < n; i++)
    ok = bench_export_notation (waymark, notations[i]->id, (guint) n_items, dir, png_pixels,
                                (guint) repeat) && ok;
  for (guint i = 0; i < G_N_ELEMENTS (scratch_files); i++)
    {
      g_autofree char *path = g_build_filename (dir, scratch_files[i], NULL);
      g_remove (path);
    }
  g_rmdir (dir);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* `wm-bench hit`: the spatial index on one big diagram */

typedef struct
{
  double build_ms;
  double index_bytes;   /* heap the index took, per item; 0 when unknown */
  double hit_us;
  double query_us;
  double found;         /* items per query, on average */
  guint  n_hit;         /* hit tests that found an item */
} HitResult;

static gsize
heap_in_use (void)
{
#ifdef __GLIBC__
  return mallinfo2 ().uordblks;
#else
  return 0;
#endif
}

/* The area the nodes cover, where the probes go. */
static WmRect
nodes_area (WmDiagram *diagram)
{
  WmRect area = { 0, 0, 0, 0 };

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (wm_item_is_node (item))
        wm_rect_union (&area, &item->bounds, &area);
    }
  return area;
}

/* The first query builds the index; its time and memory are measured apart. */
static void
measure_build (WmDiagram *diagram,
               HitResult *result)
{
  gsize before = heap_in_use ();
  gint64 start = g_get_monotonic_time ();

  g_ptr_array_unref (wm_diagram_query (diagram, &(WmRect) { 0, 0, 1, 1 }));
  result->build_ms = elapsed_ms (start);
  result->index_bytes = before > 0 ? (double) (heap_in_use () - before) /
                                     MAX (wm_diagram_get_n_items (diagram), 1)
                                   : 0;
}

static void
measure_hits (WmDiagram    *diagram,
              const WmRect *area,
              guint         n_hits,
              guint         n_queries,
              HitResult    *result)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint64 found = 0;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < n_hits; i++)
    result->n_hit += wm_diagram_hit (diagram,
                                     g_rand_double_range (rand, area->x, area->x + area->width),
                                     g_rand_double_range (rand, area->y, area->y + area->height),
                                     4) != NULL;
  result->hit_us = elapsed_ms (start) * 1000.0 / MAX (n_hits, 1);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_queries; i++)
    {
      WmRect view = { g_rand_double_range (rand, area->x - 800, area->x + area->width - 800),
                      g_rand_double_range (rand, area->y - 500, area->y + area->height - 500),
                      1600, 1000 };
      g_autoptr(GPtrArray) items = wm_diagram_query (diagram, &view);

      found += items->len;
    }
  result->query_us = elapsed_ms (start) * 1000.0 / MAX (n_queries, 1);
  result->found = (double) found / MAX (n_queries, 1);
}

/* A generated project, saved and opened again as the editor would open it:
 * so the heap is in the state that opening a file leaves, not in the one
 * that building and dropping a whole undo history leaves. */
static WmProject *
generate_and_load (const char *notation,
                   guint       n_items,
                   GError    **error)
{
  g_autoptr(WmProject) generated = generate_project (notation, n_items, error);
  g_autoptr(GBytes) bytes = NULL;

  if (generated == NULL)
    return NULL;
  bytes = wm_project_serialize (generated);
  g_clear_object (&generated);
  trim_heap ();
  return wm_project_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    "bench.waymark", error);
}

/* Prints a row of the table; FALSE when the project could not be made or
 * the hit test missed its target. */
static gboolean
bench_hit_notation (const char *notation,
                    guint       n_items,
                    guint       n_hits,
                    guint       n_queries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = generate_and_load (notation, n_items, &error);
  HitResult result = { 0, };
  WmDiagram *diagram;
  WmRect area;

  if (project == NULL)
    {
      g_printerr ("wm-bench: %s\n", error->message);
      return FALSE;
    }
  diagram = wm_project_get_diagram (project, 0);
  area = nodes_area (diagram);
  measure_build (diagram, &result);
  measure_hits (diagram, &area, n_hits, n_queries, &result);
  g_print ("| %s | %u | %.1f | %.0f | %.2f | %.1f | %.0f | %s |\n", notation,
           wm_diagram_get_n_items (diagram), result.build_ms, result.index_bytes, result.hit_us,
           result.query_us, result.found, result.hit_us < TARGET_HIT_US ? "pass" : "MISS");
  return result.hit_us < TARGET_HIT_US;
}

static int
command_hit (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *notation = NULL;
  int n_items = 100000, n_hits = 100000, n_queries = 10000;
  gboolean ok = TRUE, check_targets = FALSE;
  guint n;
  const WmNotation *const *notations = wm_notations_get_all (&n);
  const GOptionEntry entries[] = {
    { "items", 0, 0, G_OPTION_ARG_INT, &n_items, "Items in the diagram (100000)", "N" },
    { "notation", 0, 0, G_OPTION_ARG_STRING, &notation, "The notation, or all (the default)",
      "ID" },
    { "hits", 0, 0, G_OPTION_ARG_INT, &n_hits, "Hit tests at random points (100000)", "N" },
    { "queries", 0, 0, G_OPTION_ARG_INT, &n_queries,
      "Queries of a 1600 x 1000 area at random places (10000)", "N" },
    { "check-targets", 0, 0, G_OPTION_ARG_NONE, &check_targets,
      "Exit with 1 when a hit test takes longer than the target", NULL },
    { NULL }
  };

  g_option_context_set_summary (context, "Times the spatial index of one generated diagram of "
                                         "each notation: building it, hit tests and queries.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 1 || n_items <= 0 || n_hits <= 0 || n_queries <= 0)
    return usage_error (context, "--items, --hits and --queries take positive numbers");
  if (notation != NULL && !notation_is_known (notation))
    return usage_error (context, "unknown notation");

  /* In ASCII: the table must print the same in every locale. */
  g_print ("| notation | items | index build ms | index bytes/item | hit us | query us | "
           "items per query | hit < %.0f us |\n|---|---:|---:|---:|---:|---:|---:|---|\n",
           TARGET_HIT_US);
  for (guint i = 0; i < n; i++)
    if (notation == NULL || g_str_equal (notation, "all") ||
        g_str_equal (notation, notations[i]->id))
      ok = bench_hit_notation (notations[i]->id, (guint) n_items, (guint) n_hits,
                               (guint) n_queries) && ok;
  return ok || !check_targets ? EXIT_SUCCESS : EXIT_FAILURE;
}

int
main (int   argc,
      char *argv[])
{
  /* The saves only touch local files; the local VFS keeps GIO modules, and
   * any threads they start, out of the process before it forks. */
  g_setenv ("GIO_USE_VFS", "local", TRUE);
  /* Only the character set comes from the environment, so that messages print
   * right; numbers stay in the C locale, so that tables are alike everywhere. */
  setlocale (LC_CTYPE, "");

  if (argc < 2)
    return usage_error (NULL, "no command given");
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      g_print ("%s", usage_text);
      return EXIT_SUCCESS;
    }
  if (g_str_equal (argv[1], "generate"))
    return command_generate (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "run"))
    return command_run (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "export"))
    return command_export (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "hit"))
    return command_hit (argc - 1, argv + 1);
  return usage_error (NULL, "unknown command");
}
