/* wm-exchange.c — other tools' formats, in and out: what the importers share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wm-exchange.h"

static const struct
{
  const char       *extension;
  WmExchangeFormat  format;
} extensions[] = {
  { ".waymark", WM_EXCHANGE_WAYMARK },
  { ".puml", WM_EXCHANGE_PLANTUML },
  { ".plantuml", WM_EXCHANGE_PLANTUML },
  { ".pu", WM_EXCHANGE_PLANTUML },
  { ".drawio", WM_EXCHANGE_DRAWIO },
  { ".csv", WM_EXCHANGE_CSV },
  { ".md", WM_EXCHANGE_MARKDOWN },
  { ".markdown", WM_EXCHANGE_MARKDOWN },
};

WmExchangeFormat
wm_exchange_from_extension (const char *filename)
{
  g_autofree char *lower = NULL;

  if (filename == NULL)
    return WM_EXCHANGE_UNKNOWN;
  lower = g_ascii_strdown (filename, -1);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (lower, extensions[i].extension))
      return extensions[i].format;
  return WM_EXCHANGE_UNKNOWN;
}

/* Whether @needle occurs in the first @limit bytes of @data. */
static gboolean
starts_with_within (const char *data,
                    gsize       size,
                    const char *needle,
                    gsize       limit)
{
  gsize n = strlen (needle), end = MIN (size, limit);

  for (gsize i = 0; i + n <= end; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

WmExchangeFormat
wm_exchange_detect (const char *data,
                    gsize       size,
                    const char *filename)
{
  /* The markers sit near the start; a few kilobytes allow for a long
   * comment or XML declaration before them. */
  const gsize head = 4096;

  if (data != NULL && size > 0)
    {
      if (starts_with_within (data, size, "<waymark-project", head))
        return WM_EXCHANGE_WAYMARK;
      if (starts_with_within (data, size, "<mxfile", head) ||
          starts_with_within (data, size, "<mxGraphModel", head))
        return WM_EXCHANGE_DRAWIO;
      if (starts_with_within (data, size, "@startuml", head))
        return WM_EXCHANGE_PLANTUML;
    }
  return wm_exchange_from_extension (filename);
}

static void
warning_free (gpointer data)
{
  WmImportWarning *warning = data;

  g_free (warning->message);
  g_free (warning);
}

void
wm_import_log_init (WmImportLog *log)
{
  log->warnings = g_ptr_array_new_with_free_func (warning_free);
}

void
wm_import_log_clear (WmImportLog *log)
{
  g_clear_pointer (&log->warnings, g_ptr_array_unref);
}

void
wm_import_log_warn (WmImportLog *log,
                    guint        line,
                    const char  *format,
                    ...)
{
  WmImportWarning *warning = g_new (WmImportWarning, 1);
  va_list args;

  va_start (args, format);
  warning->line = line;
  warning->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (log->warnings, warning);
}

char *
wm_import_log_format (const WmImportLog *log,
                      const char        *filename)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; log->warnings != NULL && i < log->warnings->len; i++)
    {
      const WmImportWarning *warning = g_ptr_array_index (log->warnings, i);

      if (warning->line > 0)
        /* Translators: as compilers write warnings: file, line, then the message. */
        g_string_append_printf (out, _("%s:%u: warning: %s"), filename, warning->line,
                                warning->message);
      else
        g_string_append_printf (out, _("%s: warning: %s"), filename, warning->message);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
