/* wm-json.c — a small JSON writer for the command line's reports
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reports are small and flat, so a writer of a few functions does what
 * a JSON library would, without one more dependency. Strings are escaped
 * as RFC 8259 requires (quote, backslash, control characters) and are
 * valid UTF-8 even when the text they come from is not.
 */
#define G_LOG_DOMAIN "wm-json"

#include "config.h"

#include <math.h>

#include "wm-json.h"

void
wm_json_writer_init (WmJsonWriter *writer,
                     GString      *out)
{
  *writer = (WmJsonWriter) { .out = out, .depth = 0, .empty = TRUE };
}

static void
append_string (GString    *out,
               const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

/* Starts a value: the comma after the one before, a new line, the
 * indentation and the key. */
static void
begin_value (WmJsonWriter *writer,
             const char   *key)
{
  if (writer->depth > 0)
    {
      g_string_append (writer->out, writer->empty ? "\n" : ",\n");
      for (guint i = 0; i < writer->depth; i++)
        g_string_append (writer->out, "  ");
    }
  writer->empty = FALSE;
  if (key != NULL)
    {
      append_string (writer->out, key);
      g_string_append (writer->out, ": ");
    }
}

static void
open_container (WmJsonWriter *writer,
                const char   *key,
                char          bracket)
{
  begin_value (writer, key);
  g_string_append_c (writer->out, bracket);
  writer->depth++;
  writer->empty = TRUE;
}

/* An empty container closes on its own line: "[]". */
static void
close_container (WmJsonWriter *writer,
                 char          bracket)
{
  g_return_if_fail (writer->depth > 0);

  writer->depth--;
  if (!writer->empty)
    {
      g_string_append_c (writer->out, '\n');
      for (guint i = 0; i < writer->depth; i++)
        g_string_append (writer->out, "  ");
    }
  g_string_append_c (writer->out, bracket);
  writer->empty = FALSE;
}

void
wm_json_begin_object (WmJsonWriter *writer,
                      const char   *key)
{
  open_container (writer, key, '{');
}

void
wm_json_end_object (WmJsonWriter *writer)
{
  close_container (writer, '}');
}

void
wm_json_begin_array (WmJsonWriter *writer,
                     const char   *key)
{
  open_container (writer, key, '[');
}

void
wm_json_end_array (WmJsonWriter *writer)
{
  close_container (writer, ']');
}

void
wm_json_string (WmJsonWriter *writer,
                const char   *key,
                const char   *value)
{
  begin_value (writer, key);
  if (value == NULL)
    g_string_append (writer->out, "null");
  else
    append_string (writer->out, value);
}

void
wm_json_number (WmJsonWriter *writer,
                const char   *key,
                double        value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  begin_value (writer, key);
  if (!isfinite (value))
    g_string_append (writer->out, "null");
  else
    g_string_append (writer->out, g_ascii_dtostr (buffer, sizeof buffer, value));
}

void
wm_json_uint (WmJsonWriter *writer,
              const char   *key,
              guint         value)
{
  begin_value (writer, key);
  g_string_append_printf (writer->out, "%u", value);
}

void
wm_json_boolean (WmJsonWriter *writer,
                 const char   *key,
                 gboolean      value)
{
  begin_value (writer, key);
  g_string_append (writer->out, value ? "true" : "false");
}

void
wm_json_null (WmJsonWriter *writer,
              const char   *key)
{
  begin_value (writer, key);
  g_string_append (writer->out, "null");
}
