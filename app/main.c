/* main.c — the waymark executable
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "waymark"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "wm-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  gboolean version = FALSE, check = FALSE, strict = FALSE;
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &check,
      N_("Validate a project and list its diagrams and problems, without a window"), NULL },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict,
      N_("With --check, also fail when the model finds errors in the diagrams"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("PROJECT") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("[PROJECT]"));
  g_option_context_set_summary (context, _("Waymark maps how a business serves its customers."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("waymark: %s\n", error->message);
      return WM_EXIT_USAGE;
    }

  if (version)
    {
      g_print ("waymark %s\n", PACKAGE_VERSION);
      return WM_EXIT_OK;
    }
  if (files == NULL || g_strv_length (files) != 1)
    {
      g_printerr ("waymark: %s\n", _("give exactly one project file (see --help)"));
      return WM_EXIT_USAGE;
    }
  /* The editor window comes with the editor issue; until then opening a
   * project prints what --check prints. */
  return wm_cli_check (files[0], strict);
}
