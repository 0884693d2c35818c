/* main.c — the waymark executable
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "waymark"

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "wm-cli.h"
#include "wm-cli-merge.h"
#include "wm-cli-team.h"
#include "wm-programs.h"
#include "wm-startup.h"

/* The editor runs in waymark-editor (wm-editor-main.c), which this process
 * becomes: the same process id, and argv[0] kept, so that the editor's
 * name and the command it records for recent files stay `waymark`. Only the
 * options the editor takes go with the files. Returns only on failure. */
static int
run_editor (const char         *program,
            const char         *locale,
            gboolean            service,
            const char * const *files)
{
  g_autofree char *editor = wm_program_path ("WAYMARK_EDITOR", "waymark-editor");
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *message = NULL;
  int saved;

  g_ptr_array_add (args, g_strdup (program));
  if (locale != NULL)
    g_ptr_array_add (args, g_strdup_printf ("--locale=%s", locale));
  if (service)
    g_ptr_array_add (args, g_strdup ("--gapplication-service"));
  g_ptr_array_add (args, g_strdup ("--"));
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    g_ptr_array_add (args, g_strdup (files[i]));
  g_ptr_array_add (args, NULL);
  execv (editor, (char **) args->pdata);
  saved = errno;
  message = g_strdup_printf (_("the editor could not be started (%s): %s"), editor,
                             g_strerror (saved));
  g_printerr ("waymark: %s\n", message);
  return WM_EXIT_INVALID;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *locale = NULL;
  gboolean version = FALSE, check = FALSE, strict = FALSE;
  gboolean merge = FALSE;
  gboolean service = FALSE;
  gboolean textconv = FALSE;
  g_autofree char *diff_old = NULL;
  g_autofree char *merge_output = NULL;
  g_auto(WmCliExport) export = { 0, };
  const GOptionEntry entries[] = {
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export.output,
      N_("Export to OUT without a window: PNG, PDF, SVG, PowerPoint, PlantUML (.puml), draw.io "
         "(.drawio), CSV, Markdown (.md) or a Waymark project (.waymark)"),
      /* Translators: the option's argument in --help, in capitals; the
       * descriptions name these placeholders (OUT, FILE, PROJECT...), so translate
       * each the same way in both places */
      N_("OUT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &export.format,
      N_("png, pdf, svg, pptx, puml, drawio, csv, md or waymark (default: from OUT’s "
         "extension); with --check, text or json"), N_("FORMAT") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &export.import,
      N_("With --export, first add the diagrams of FILE (PlantUML, draw.io, CSV or a Waymark "
         "project) to PROJECT; a CSV table with --diagram updates that diagram instead"),
      N_("FILE") },
    { "markdown-svgs", 0, 0, G_OPTION_ARG_NONE, &export.markdown_svgs,
      N_("With a Markdown export, also write each diagram’s SVG beside OUT"), NULL },
    { "traceability", 0, 0, G_OPTION_ARG_NONE, &export.traceability,
      N_("With a CSV export, write the cross-diagram links as chains instead of a diagram’s table"),
      NULL },
    { "diagram", 0, 0, G_OPTION_ARG_STRING, &export.diagram,
      N_("The diagram to export, by name or id, or “all” (default: a PDF or PowerPoint "
         "deck of every diagram, else the first)"), N_("NAME") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &export.scale,
      N_("PNG pixels per diagram unit (default 1)"),
      /* Translators: the argument of --scale in --help: a scale factor */
      N_("S") },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &export.dpi, N_("PNG resolution, 96 being scale 1"),
      /* Translators: the argument of --dpi in --help: a number of dots per inch */
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
    { "merge", 0, 0, G_OPTION_ARG_NONE, &merge,
      N_("Merge the changes OURS and THEIRS made to BASE (BASE OURS THEIRS, git’s %O %A %B) "
         "into OURS; exit 1 when conflicts remain"), NULL },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &merge_output,
      N_("With --merge, write the result to FILE instead of OURS"), N_("FILE") },
    { "diff", 0, 0, G_OPTION_ARG_FILENAME, &diff_old,
      N_("Print what changed from OLD to PROJECT, per diagram; exit 0 when equal, 1 when "
         "different, 2 on errors; with --export, draw the changes (PDF, PNG or SVG)"),
      N_("OLD") },
    { "textconv", 0, 0, G_OPTION_ARG_NONE, &textconv,
      N_("Print PROJECT as one line per item, for git diff (diff.waymark.textconv)"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    /* GApplication's own option, passed on to it: the D-Bus service file starts us so. */
    { "gapplication-service", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &service, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("PROJECT") },
    { NULL }
  };

  wm_startup_init_i18n ();

  context = g_option_context_new (_("[PROJECT]"));
  g_option_context_set_summary (context, _("Waymark maps how a business serves its customers."));
  g_option_context_set_description (context,
    _("PROJECT may be a Waymark project or a file Waymark imports: PlantUML (.puml), draw.io "
      "(.drawio, .xml) or CSV, told apart by their content. Import warnings are written to "
      "stderr as FILE:LINE: warning: …"));
  if (!wm_startup_parse_options (context, entries, &argc, &argv, &locale))
    return WM_EXIT_USAGE;
  if (version)
    {
      g_print ("waymark %s\n", PACKAGE_VERSION);
      return WM_EXIT_OK;
    }
  if (export.import != NULL && export.output == NULL)
    {
      g_printerr ("waymark: %s\n", _("--import goes with --export (see --help)"));
      return WM_EXIT_USAGE;
    }
  /* A drawn diff is painted as an export is. */
  if (diff_old != NULL && export.output != NULL)
    wm_cli_warn_missing_font ();
  if (diff_old != NULL || textconv)
    return wm_cli_team (diff_old, textconv, (const char *const *) files, &export);
  if (merge)
    {
      if (files == NULL || g_strv_length (files) != 3)
        {
          g_printerr ("waymark: %s\n", _("--merge takes BASE OURS THEIRS (see --help)"));
          return WM_EXIT_USAGE;
        }
      return wm_cli_merge (files[0], files[1], files[2], merge_output);
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
  return run_editor (argv[0], locale, service, (const char * const *) files);
}
