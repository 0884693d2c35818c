/* wm-startup.c — what waymark and waymark-editor both do first
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "waymark"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "wm-startup.h"

void
wm_startup_init_i18n (void)
{
  const char *localedir = g_getenv ("WAYMARK_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* --locale: messages, numbers and dates follow @locale rather than the
 * user's. */
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
  /* LANGUAGE goes too, since gettext prefers it to the locale. */
  g_setenv ("LANGUAGE", locale, TRUE);
  return TRUE;
}

gboolean
wm_startup_parse_options (GOptionContext     *context,
                          const GOptionEntry *entries,
                          int                *argc,
                          char             ***argv,
                          char              **locale)
{
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("waymark: %s\n", error->message);
      return FALSE;
    }
  return *locale == NULL || use_locale (*locale);
}
