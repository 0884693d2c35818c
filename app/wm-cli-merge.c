/* wm-cli-merge.c — waymark --merge BASE OURS THEIRS, git's merge driver
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * git calls a merge driver with the common ancestor, our version and their
 * version (%O %A %B) and takes the file left at %A as the result, and the
 * exit status as whether conflicts remain. Everything is read and merged
 * before a byte is written, and the write is the safe save of every project
 * file: an error leaves OURS byte-identical.
 */
#define G_LOG_DOMAIN "wm-cli-merge"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-cli-merge.h"
#include "wm-format.h"
#include "wm-merge.h"

enum
{
  MERGE_CLEAN = 0,
  MERGE_CONFLICTS = 1,
  MERGE_FAILED = 2,
};

static WmProject *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  WmProject *project = wm_project_load (file, NULL, &error);

  if (project == NULL)
    g_printerr ("waymark: %s: %s\n", path, error->message);
  return project;
}

static void
print_conflicts (const char *path,
                 GPtrArray  *conflicts)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      g_autofree char *message = wm_conflict_describe (conflicts->pdata[i]);

      g_printerr ("%s: %s\n", path, message);
    }
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "waymark: %s: %u conflict to resolve\n",
                           "waymark: %s: %u conflicts to resolve\n", conflicts->len),
              path, conflicts->len);
}

int
wm_cli_merge (const char *base,
              const char *ours,
              const char *theirs,
              const char *output)
{
  g_autoptr(WmProject) base_project = load (base);
  g_autoptr(WmProject) ours_project = base_project ? load (ours) : NULL;
  g_autoptr(WmProject) theirs_project = ours_project ? load (theirs) : NULL;
  g_autoptr(WmProject) merged = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) target = NULL;
  const char *path = output ? output : ours;

  if (theirs_project == NULL)
    return MERGE_FAILED;
  merged = wm_merge_projects (base_project, ours_project, theirs_project, &conflicts, &error);
  if (merged == NULL)
    {
      g_printerr ("waymark: %s: %s\n", ours, error->message);
      return MERGE_FAILED;
    }
  target = g_file_new_for_commandline_arg (path);
  if (!wm_project_save (merged, target, NULL, &error))
    {
      g_printerr ("waymark: %s\n", error->message);
      return MERGE_FAILED;
    }
  if (conflicts->len == 0)
    return MERGE_CLEAN;
  print_conflicts (path, conflicts);
  return MERGE_CONFLICTS;
}
