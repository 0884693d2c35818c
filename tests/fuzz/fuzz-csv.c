/* fuzz-csv.c — libFuzzer target for the CSV import
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Feeds arbitrary bytes to wm_import_csv() and wm_import_csv_into(). A
 * refusal must be a one-line WM_ERROR. Whatever imports must export as CSV,
 * and that export must import and export again to the same bytes. An
 * update of an existing diagram must be one undoable step: undoing it gives
 * the project back byte for byte, and a refused one changes nothing.
 * Anything else aborts, which libFuzzer reports.
 */
#define G_LOG_DOMAIN "fuzz-csv"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wm-csv.h"
#include "wm-error.h"
#include "wm-format.h"
#include "wm-journey.h"

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The project every input updates, and its bytes before. */
static WmProject *target;
static GBytes *baseline;

static void G_GNUC_NORETURN
fail (const char *what,
      GError     *error)
{
  g_printerr ("fuzz-csv: %s: %s\n", what, error != NULL ? error->message : "(no error)");
  abort ();
}

static WmItem *
add (WmDiagram  *diagram,
     const char *type,
     const char *text)
{
  WmRect bounds = { 40, 40, 120, 70 };
  g_autoptr(GError) error = NULL;
  WmItem *item = wm_diagram_add_node (diagram, type, &bounds, text, &error);

  if (item == NULL)
    fail ("the target cannot be built", error);
  return item;
}

static void
set (WmDiagram  *diagram,
     WmItem     *item,
     const char *name,
     const char *value)
{
  g_autoptr(GError) error = NULL;

  if (!wm_diagram_set_property (diagram, item->id, name, value, &error))
    fail ("the target cannot be built", error);
}

/* A value stream, a journey and use cases with the names the seeds use. */
static void
build_target (void)
{
  WmDiagram *vsm, *cj, *uc;
  WmItem *card, *actor, *use_case;

  target = wm_project_new ();
  vsm = wm_project_add_diagram (target, "value-stream-map", "Stream", NULL);
  cj = wm_project_add_diagram (target, "customer-journey", "Journey", NULL);
  uc = wm_project_add_diagram (target, "use-case", "Shop", NULL);
  set (vsm, add (vsm, "process", "Roasting"), "cycle-time", "27");
  add (vsm, "inventory", "Steel");
  card = add (cj, "card", "Reads the leaflet");
  set (cj, card, WM_JOURNEY_STAGE, "awareness");
  set (cj, card, WM_JOURNEY_LANE, "actions");
  set (cj, add (cj, "emotion", "Curious"), WM_JOURNEY_STAGE, "awareness");
  set (cj, add (cj, "kpi", "Calls answered"), WM_JOURNEY_STAGE, "decision");
  actor = add (uc, "actor", "Customer");
  use_case = add (uc, "use-case", "Log in");
  if (wm_diagram_add_link (uc, "association", actor->id, use_case->id, NULL) == NULL)
    fail ("the target cannot be built", NULL);
  wm_project_clear_history (target);
  baseline = wm_project_serialize (target);
}

/* A refusal must be a well-formed WM_ERROR; a warning or critical along the way is a bug too. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  build_target ();
  return 0;
}

static void
check_refusal (GError *error)
{
  if (error == NULL || error->domain != WM_ERROR)
    fail ("a refusal without a WM_ERROR", error);
  if (strchr (error->message, '\n') != NULL)
    fail ("an error of more than one line", error);
}

static void
check_round_trip (WmProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = wm_export_csv (project, NULL, &error);
  g_autofree char *second = NULL;
  g_autoptr(WmProject) again = NULL;

  if (first == NULL)
    fail ("what was imported does not export", error);
  again = wm_import_csv (first, strlen (first), "export.csv", NULL, &error);
  if (again == NULL)
    fail ("the export does not import", error);
  second = wm_export_csv (again, NULL, &error);
  if (second == NULL)
    fail ("the imported export does not export", error);
  if (!g_str_equal (first, second))
    fail ("exporting the imported export gives other bytes", NULL);
}

/* Updating each diagram of the target, then undoing, leaves it as it was. */
static void
check_update (const char *data,
              gsize       size)
{
  for (guint i = 0; i < wm_project_get_n_diagrams (target); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) after = NULL;
      g_auto(WmImportLog) log = { 0, };

      wm_import_log_init (&log);
      if (!wm_import_csv_into (wm_project_get_diagram (target, i), data, size, &log, &error))
        check_refusal (error);
      else if (wm_project_can_undo (target))
        wm_project_undo (target);
      if (wm_project_can_undo (target))
        fail ("the update took more than one undo step", NULL);
      wm_project_clear_history (target);
      after = wm_project_serialize (target);
      if (!g_bytes_equal (after, baseline))
        fail ("undoing the update does not give the project back", NULL);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;
  g_auto(WmImportLog) log = { 0, };

  wm_import_log_init (&log);
  project = wm_import_csv ((const char *) data, size, "fuzz.csv", &log, &error);
  if (project == NULL)
    check_refusal (error);
  else if (error != NULL)
    fail ("a project and an error at once", error);
  else
    check_round_trip (project);
  check_update ((const char *) data, size);
  return 0;
}
