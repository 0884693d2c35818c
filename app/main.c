/* main.c — the waymark executable
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "waymark"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "wm-application.h"
#include "wm-cli.h"

/* The editor: every file given opens in its own window. */
static int
run_application (const char         *program,
                 const char * const *files)
{
  g_autoptr(WmApplication) app = wm_application_new ();
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) program);
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) files[i]);
  g_ptr_array_add (args, NULL);
  return g_application_run (G_APPLICATION (app), (int) args->len - 1, (char **) args->pdata);
}

/* --locale: messages, numbers and dates follow @locale rather than the
 * user's. LANGUAGE goes too, since gettext prefers it to the locale. */
static gboolean
use_locale (const char *locale)
{
  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("the locale “%s” is not installed (see locale -a)"), locale);

      setlocale (LC_ALL, "");
      g_printerr ("waymark: %s\n", message);
      return FALSE;
    }
  g_setenv ("LANGUAGE", locale, TRUE);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *locale = NULL;
  gboolean version = FALSE, check = FALSE, strict = FALSE;
  g_auto(WmCliExport) export = { 0, };
  const GOptionEntry entries[] = {
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export.output,
      N_("Export to OUT without a window: PNG, PDF, SVG or PowerPoint"), N_("OUT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &export.format,
      N_("png, pdf, svg or pptx (default: from OUT’s extension); with --check, text or json"),
      N_("FORMAT") },
    { "diagram", 0, 0, G_OPTION_ARG_STRING, &export.diagram,
      N_("The diagram to export, by name or id, or “all” (default: a PDF or PowerPoint "
         "deck of every diagram, else the first)"), N_("NAME") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &export.scale,
      N_("PNG pixels per diagram unit (default 1)"), N_("S") },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &export.dpi, N_("PNG resolution, 96 being scale 1"),
      N_("N") },
    { "page", 0, 0, G_OPTION_ARG_STRING, &export.page,
      N_("PDF page size: a4, a3, letter or fit (default a4)"), N_("SIZE") },
    { "orientation", 0, 0, G_OPTION_ARG_STRING, &export.orientation,
      N_("PDF orientation: portrait or landscape (default: to suit each diagram)"),
      N_("ORIENTATION") },
    { "background", 0, 0, G_OPTION_ARG_STRING, &export.background,
      N_("PNG background: white or transparent"), N_("BACKGROUND") },
    { "tiles", 0, 0, G_OPTION_ARG_NONE, &export.tiles,
      N_("Presentation PDF: split a diagram whose text would print under 6 pt over several "
         "pages, after an overview"), NULL },
    { "svg-text", 0, 0, G_OPTION_ARG_STRING, &export.svg_text,
      N_("SVG text: paths (glyph outlines, looks the same everywhere) or text (editable "
         "<text> elements)"), N_("MODE") },
    { "locale", 0, 0, G_OPTION_ARG_STRING, &locale,
      N_("The language of messages and of the numbers and dates in exports (default: the "
         "user’s locale)"), N_("LOCALE") },
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

  if (locale != NULL && !use_locale (locale))
    return WM_EXIT_USAGE;
  if (version)
    {
      g_print ("waymark %s\n", PACKAGE_VERSION);
      return WM_EXIT_OK;
    }
  if (check || export.output != NULL)
    {
      /* The headless commands never touch the display. */
      if (files == NULL || g_strv_length (files) != 1)
        {
          g_printerr ("waymark: %s\n", _("give exactly one project file (see --help)"));
          return WM_EXIT_USAGE;
        }
      return export.output != NULL ? wm_cli_export (files[0], &export)
                                   : wm_cli_check (files[0], strict, export.format);
    }
  return run_application (argv[0], (const char * const *) files);
}
