/* wm-editor-main.c — waymark-editor, the program the editor's windows run in
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `waymark` runs its commands (--export, --check, --merge, --diff,
 * --textconv) itself and never loads GTK: linking GTK and libadwaita costs a
 * process about 9 ms before main() on this machine class, which every
 * export paid and git paid on every file it passes to the merge driver or
 * textconv. For windows, `waymark` execs this program (beside it in the
 * build folder, in libexecdir once installed) with the options the editor
 * takes and the files to open; the process, its id and its name stay the
 * same (see main.c).
 */
#define G_LOG_DOMAIN "waymark"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-application.h"
#include "wm-cli.h"
#include "wm-startup.h"

/* Every file given opens in its own window, in the running instance if there
 * is one. With @service, D-Bus started the process (the desktop file is
 * DBusActivatable) and GApplication waits for its requests. */
static int
run_application (const char         *program,
                 gboolean            service,
                 const char * const *files)
{
  g_autoptr(WmApplication) app = wm_application_new ();
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (args, g_strdup (program));
  if (service)
    g_ptr_array_add (args, g_strdup ("--gapplication-service"));
  /* As URIs, which GApplication opens as it would the names, and which no
   * file whose name starts with a dash turns into an option. */
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);

      g_ptr_array_add (args, g_file_get_uri (file));
    }
  g_ptr_array_add (args, NULL);
  return g_application_run (G_APPLICATION (app), (int) args->len - 1, (char **) args->pdata);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[PROJECT]"));
  g_auto(GStrv) files = NULL;
  g_autofree char *locale = NULL;
  gboolean service = FALSE;
  const GOptionEntry entries[] = {
    { "locale", 0, 0, G_OPTION_ARG_STRING, &locale, NULL, NULL },
    { "gapplication-service", 0, 0, G_OPTION_ARG_NONE, &service, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  wm_startup_init_i18n ();
  if (!wm_startup_parse_options (context, entries, &argc, &argv, &locale))
    return WM_EXIT_USAGE;
  return run_application (argv[0], service, (const char * const *) files);
}
