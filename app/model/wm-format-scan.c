/* wm-format-scan.c — the checks a project file passes before libxml2 reads it
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Some hostile files do their harm inside libxml2, before the reader sees
 * anything: a DOCTYPE's internal subset is parsed whole before the DOCTYPE
 * is reported, and the RELAX NG validator checks an element's attributes
 * before the element is handed on, using memory that grows far faster than
 * their number. So the raw bytes are scanned first, in one linear pass: the
 * file must be UTF-8 throughout, declare no other encoding and no DOCTYPE,
 * and stay within the limits of wm-limits.h on elements, nesting and
 * attributes per element.
 *
 * The scan follows XML's lexical structure only as far as these checks
 * need: in content, "<" always starts markup; comments, CDATA sections and
 * processing instructions end at their fixed terminators; a tag ends at the
 * first ">" outside a quoted attribute value. For a well-formed file the
 * counts are exact. For a malformed one they may be off, but libxml2 stops
 * at the first well-formedness error, before validating anything after it.
 */
#define G_LOG_DOMAIN "wm-format-scan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wm-error.h"
#include "wm-limits.h"
#include "wm-format-private.h"

typedef struct
{
  const char *data;
  const char *end;
  const char *name;
  GError    **error;
  guint       n_elements;
  guint       depth;
} Scan;

static int
line_at (const Scan *scan,
         const char *where)
{
  int line = 1;

  for (const char *p = scan->data; (p = memchr (p, '\n', (gsize) (where - p))) != NULL; p++)
    line++;
  return line;
}

static gboolean refuse (Scan *scan, const char *where, WmError code, const char *format, ...)
  G_GNUC_PRINTF (4, 5);

static gboolean
refuse (Scan       *scan,
        const char *where,
        WmError     code,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (scan->error, WM_ERROR, code, "%s:%d: %s", scan->name, line_at (scan, where),
               message);
  return FALSE;
}

static gboolean
starts_with (const Scan *scan,
             const char *p,
             const char *prefix)
{
  gsize length = strlen (prefix);

  return (gsize) (scan->end - p) >= length && memcmp (p, prefix, length) == 0;
}

/* Just past the first @terminator at or after @p, or NULL if the file ends first. */
static const char *
skip_past (const Scan *scan,
           const char *p,
           const char *terminator)
{
  const char *found = memmem (p, (gsize) (scan->end - p), terminator, strlen (terminator));

  return found != NULL ? found + strlen (terminator) : NULL;
}

/* The value of the pseudo-attribute "encoding" of the XML declaration from
 * @p to @end, or NULL when it has none. */
static char *
declared_encoding (const char *p,
                   const char *end)
{
  const char *key = memmem (p, (gsize) (end - p), "encoding", strlen ("encoding"));
  const char *quote, *close;

  if (key == NULL)
    return NULL;
  for (quote = key + strlen ("encoding"); quote < end && *quote != '"' && *quote != '\''; quote++)
    ;
  if (quote >= end || (close = memchr (quote + 1, *quote, (gsize) (end - quote - 1))) == NULL)
    return NULL;
  return g_strndup (quote + 1, (gsize) (close - quote - 1));
}

/* A declared encoding other than UTF-8 would make libxml2 read valid UTF-8
 * bytes as some other character set. */
static gboolean
check_declaration (Scan       *scan,
                   const char *p,
                   const char *end)
{
  g_autofree char *encoding = declared_encoding (p, end);

  if (encoding == NULL || g_ascii_strcasecmp (encoding, "UTF-8") == 0 ||
      g_ascii_strcasecmp (encoding, "UTF8") == 0)
    return TRUE;
  return refuse (scan, p, WM_ERROR_INVALID,
                 _("the file declares the encoding “%s”, but Waymark files are UTF-8"), encoding);
}

/* Steps over the prolog (a byte order mark, the XML declaration, comments,
 * processing instructions and white space) and returns the root element's
 * "<", or NULL when the scan is over: on a refusal, which sets the error, or
 * at something libxml2 will refuse by itself. */
static const char *
scan_prolog (Scan *scan)
{
  const char *p = scan->data;

  if (starts_with (scan, p, "\xef\xbb\xbf"))
    p += 3;
  while (p != NULL && p < scan->end)
    {
      const char *next;

      if (g_ascii_isspace (*p))
        p++;
      else if (starts_with (scan, p, "<!--"))
        p = skip_past (scan, p + 4, "-->");
      else if (starts_with (scan, p, "<?"))
        {
          next = skip_past (scan, p + 2, "?>");
          if (next != NULL && starts_with (scan, p, "<?xml") && g_ascii_isspace (p[5]) &&
              !check_declaration (scan, p, next))
            return NULL;
          p = next;
        }
      else if (starts_with (scan, p, "<!DOCTYPE"))
        {
          refuse (scan, p, WM_ERROR_INVALID, "%s",
                  _("the file declares a DOCTYPE, which Waymark files never contain"));
          return NULL;
        }
      else if (*p == '<' && p + 1 < scan->end && p[1] != '!' && p[1] != '/')
        return p;
      else
        return NULL;
    }
  return NULL;
}

/* Counts the start tag at @p (its "<") and returns just past its ">", or
 * NULL at the end of the file or on a refusal. */
static const char *
scan_start_tag (Scan       *scan,
                const char *p)
{
  const char *q = p + 1;
  guint n_attributes = 0;

  if (++scan->n_elements > WM_LIMIT_ELEMENTS)
    {
      refuse (scan, p, WM_ERROR_INVALID,
              ngettext ("the file has more than %d element, the most Waymark opens",
                        "the file has more than %d elements, the most Waymark opens",
                        WM_LIMIT_ELEMENTS), WM_LIMIT_ELEMENTS);
      return NULL;
    }
  for (; q < scan->end && *q != '>'; q++)
    {
      if (*q != '"' && *q != '\'')
        continue;
      q = memchr (q + 1, *q, (gsize) (scan->end - q - 1));
      if (q == NULL)
        return NULL;
      if (++n_attributes > WM_LIMIT_ATTRIBUTES)
        {
          refuse (scan, p, WM_ERROR_INVALID,
                  ngettext ("the element has more than %d attribute, more than any Waymark "
                            "element has",
                            "the element has more than %d attributes, more than any Waymark "
                            "element has", WM_LIMIT_ATTRIBUTES), WM_LIMIT_ATTRIBUTES);
          return NULL;
        }
    }
  if (q >= scan->end)
    return NULL;
  if (q[-1] != '/' && ++scan->depth > WM_LIMIT_XML_DEPTH)
    {
      refuse (scan, p, WM_ERROR_INVALID,
              ngettext ("elements are nested more than %d level deep, deeper than any "
                        "Waymark file",
                        "elements are nested more than %d levels deep, deeper than any "
                        "Waymark file", WM_LIMIT_XML_DEPTH), WM_LIMIT_XML_DEPTH);
      return NULL;
    }
  return q + 1;
}

/* Scans from the root element's "<" to the end of the file. */
static gboolean
scan_body (Scan       *scan,
           const char *p)
{
  while (p != NULL && p < scan->end)
    {
      if (*p != '<')
        p = memchr (p, '<', (gsize) (scan->end - p));
      else if (starts_with (scan, p, "<!--"))
        p = skip_past (scan, p + 4, "-->");
      else if (starts_with (scan, p, "<![CDATA["))
        p = skip_past (scan, p + 9, "]]>");
      else if (starts_with (scan, p, "<?"))
        p = skip_past (scan, p + 2, "?>");
      else if (starts_with (scan, p, "</") || starts_with (scan, p, "<!"))
        {
          if (p[1] == '/' && scan->depth > 0)
            scan->depth--;
          p = skip_past (scan, p + 2, ">");
        }
      else
        {
          p = scan_start_tag (scan, p);
          if (p == NULL && *scan->error != NULL)
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
_wm_format_scan (const char *data,
                 gsize       length,
                 const char *name,
                 GError    **error)
{
  Scan scan = { data, data + length, name, error, 0, 0 };
  const char *invalid = NULL;
  const char *root;
  GError *local_error = NULL;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Refusals are told apart from the end of the scan by the error being set. */
  scan.error = &local_error;
  if (length > WM_LIMIT_FILE_BYTES)
    refuse (&scan, data, WM_ERROR_INVALID,
            _("the file is larger than %d MB, the most Waymark opens"),
            WM_LIMIT_FILE_BYTES / (1024 * 1024));
  else if (!g_utf8_validate_len (data, length, &invalid))
    refuse (&scan, invalid, WM_ERROR_MALFORMED, "%s",
            _("the file is not valid UTF-8 text, which Waymark files are"));
  else if ((root = scan_prolog (&scan)) != NULL)
    scan_body (&scan, root);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
