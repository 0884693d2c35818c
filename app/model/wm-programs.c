/* wm-programs.c — where Waymark's own programs are
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-programs.h"

char *
wm_program_path (const char *variable,
                 const char *name)
{
  const char *path = g_getenv (variable);
  g_autofree char *self = NULL;

  g_return_val_if_fail (variable != NULL && name != NULL, NULL);

  if (path != NULL && *path != '\0')
    return g_strdup (path);
  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (dir, name, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }
  return g_build_filename (LIBEXECDIR, name, NULL);
}
