/* fuzz-load.c — libFuzzer target for the .waymark reader
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Feeds arbitrary bytes to wm_project_load_from_data(). Whatever loads must
 * serialise, load again from its own output, serialise to the same bytes and
 * survive wm_project_check(). Anything else aborts, which libFuzzer reports.
 */
#define G_LOG_DOMAIN "fuzz-load"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "wm-check.h"
#include "wm-error.h"
#include "wm-format.h"

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void G_GNUC_NORETURN
fail (const char *what,
      GError     *error)
{
  g_printerr ("fuzz-load: %s: %s\n", what, error != NULL ? error->message : "(no error)");
  abort ();
}

/* A refusal must be a well-formed WM_ERROR; a warning or critical along the way is a bug too. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_round_trip (WmProject *project)
{
  g_autoptr(GBytes) first = wm_project_serialize (project);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(WmProject) reloaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (first, &length);

  reloaded = wm_project_load_from_data (data, length, "serialized.waymark", &error);
  if (reloaded == NULL)
    fail ("the serialised project does not load again", error);
  second = wm_project_serialize (reloaded);
  if (!g_bytes_equal (first, second))
    fail ("serialising the reloaded project gives other bytes", NULL);
  problems = wm_project_check (reloaded);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  project = wm_project_load_from_data ((const char *) data, size, "fuzz.waymark", &error);
  if (project == NULL)
    {
      if (error == NULL || error->domain != WM_ERROR)
        fail ("a refusal without a WM_ERROR", error);
      return 0;
    }
  if (error != NULL)
    fail ("a project and an error at once", error);

  problems = wm_project_check (project);
  check_round_trip (project);
  return 0;
}
