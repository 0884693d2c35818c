/* wm-value.c — parsing, formatting, copying and comparing property values
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-value"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "wm-error.h"
#include "wm-notation-common.h"
#include "wm-value-private.h"
#include "wm-value.h"

const char *
wm_prop_type_to_string (WmPropType type)
{
  switch (type)
    {
    case WM_PROP_STRING: return "string";
    case WM_PROP_TEXT: return "text";
    case WM_PROP_NUMBER: return "number";
    case WM_PROP_INTEGER: return "integer";
    case WM_PROP_BOOLEAN: return "boolean";
    case WM_PROP_COLOR: return "colour";
    case WM_PROP_ENUM: return "choice";
    case WM_PROP_SLOT: return "list entry";
    case WM_PROP_STRING_LIST: return "string list";
    case WM_PROP_REFS: return "item references";
    case WM_PROP_IMAGE: return "image";
    default: g_assert_not_reached ();
    }
}

static gboolean
type_holds_string (WmPropType type)
{
  return type == WM_PROP_STRING || type == WM_PROP_TEXT || type == WM_PROP_COLOR ||
         type == WM_PROP_SLOT || type == WM_PROP_IMAGE;
}

static gboolean
type_holds_strv (WmPropType type)
{
  return type == WM_PROP_STRING_LIST || type == WM_PROP_REFS;
}

void
wm_value_clear (const WmPropSpec *spec,
                WmValue          *value)
{
  if (type_holds_string (spec->type))
    g_clear_pointer (&value->v.string, g_free);
  else if (type_holds_strv (spec->type))
    g_clear_pointer (&value->v.strv, g_strfreev);
  memset (value, 0, sizeof *value);
}

void
wm_value_copy (const WmPropSpec *spec,
               const WmValue    *src,
               WmValue          *dest)
{
  *dest = *src;
  if (type_holds_string (spec->type))
    dest->v.string = g_strdup (src->v.string);
  else if (type_holds_strv (spec->type))
    dest->v.strv = g_strdupv (src->v.strv);
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

gboolean
wm_value_equal (const WmPropSpec *spec,
                const WmValue    *a,
                const WmValue    *b)
{
  if (a->set != b->set)
    return FALSE;
  if (!a->set)
    return TRUE;

  switch (spec->type)
    {
    case WM_PROP_STRING:
    case WM_PROP_TEXT:
    case WM_PROP_COLOR:
    case WM_PROP_SLOT:
    case WM_PROP_IMAGE:
      return g_strcmp0 (a->v.string, b->v.string) == 0;
    case WM_PROP_NUMBER:
      return a->v.number == b->v.number;
    case WM_PROP_INTEGER:
      return a->v.integer == b->v.integer;
    case WM_PROP_BOOLEAN:
      return !a->v.boolean == !b->v.boolean;
    case WM_PROP_ENUM:
      return a->v.choice == b->v.choice;
    case WM_PROP_STRING_LIST:
    case WM_PROP_REFS:
      return strv_equal0 (a->v.strv, b->v.strv);
    default:
      g_assert_not_reached ();
    }
}

gboolean
wm_parse_number (const char *text,
                 double     *number)
{
  char *end = NULL;
  double value;

  if (text == NULL || *text == '\0' || g_ascii_isspace (*text))
    return FALSE;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value))
    return FALSE;
  *number = value;
  return TRUE;
}

void
wm_format_number (GString *out,
                  double   number)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (number == 0)
    number = 0; /* Writes -0 as 0. */
  if (fabs (number) < 1e15 && number == (double) (gint64) number)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) number);
      return;
    }
  /* Fifteen significant digits read back exactly for almost every value a
   * person types; only when they do not is the full seventeen written. */
  g_ascii_formatd (buf, sizeof buf, "%.15g", number);
  if (g_ascii_strtod (buf, NULL) != number)
    g_ascii_formatd (buf, sizeof buf, "%.17g", number);
  g_string_append (out, buf);
}

gboolean
wm_color_is_valid (const char *text)
{
  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (; *id != '\0'; id++)
    if (!g_ascii_isalnum (*id) && *id != '-' && *id != '_' && *id != '.')
      return FALSE;
  return TRUE;
}

static gboolean
parse_range_error (const WmPropSpec *spec,
                   const char       *text,
                   GError          **error)
{
  char lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (lo, sizeof lo, "%g", spec->min);
  g_ascii_formatd (hi, sizeof hi, "%g", spec->max);
  g_set_error (error, WM_ERROR, WM_ERROR_INVALID,
               _("“%s” is not a valid value for “%s”: expected a number from %s to %s"),
               text, spec->name, lo, hi);
  return FALSE;
}

static gboolean
parse_scalar (const WmPropSpec *spec,
              const char       *text,
              WmValue          *value,
              GError          **error)
{
  double number;

  switch (spec->type)
    {
    case WM_PROP_NUMBER:
    case WM_PROP_INTEGER:
      if (!wm_parse_number (text, &number) ||
          (spec->type == WM_PROP_INTEGER && number != floor (number)) ||
          (spec->has_range && (number < spec->min || number > spec->max)))
        return parse_range_error (spec, text, error);
      if (spec->type == WM_PROP_NUMBER)
        value->v.number = number;
      else
        value->v.integer = (gint64) number;
      return TRUE;
    case WM_PROP_BOOLEAN:
      if (g_strcmp0 (text, "true") != 0 && g_strcmp0 (text, "false") != 0)
        break;
      value->v.boolean = g_str_equal (text, "true");
      return TRUE;
    case WM_PROP_ENUM:
      for (guint i = 0; spec->choices[i].id != NULL; i++)
        if (g_str_equal (spec->choices[i].id, text))
          {
            value->v.choice = i;
            return TRUE;
          }
      break;
    case WM_PROP_COLOR:
      if (!wm_color_is_valid (text))
        break;
      value->v.string = g_ascii_strdown (text, -1);
      return TRUE;
    case WM_PROP_SLOT:
      if (*text != '\0' && !id_is_valid (text))
        break;
      value->v.string = g_strdup (text);
      return TRUE;
    default:
      g_assert_not_reached ();
    }

  g_set_error (error, WM_ERROR, WM_ERROR_INVALID,
               /* Translators: 1st %s is the value given; 2nd %s a property name, "color";
                * 3rd %s the type of its values as the file format names it, "boolean" */
               _("“%s” is not a valid value for “%s” (of type “%s”)"),
               text, spec->name, wm_prop_type_to_string (spec->type));
  return FALSE;
}

static gboolean
parse_refs (const WmPropSpec *spec,
            const char       *text,
            WmValue          *value,
            GError          **error)
{
  g_auto(GStrv) ids = g_strsplit_set (text, " ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (ids[i][0] == '\0')
        continue;
      if (!id_is_valid (ids[i]))
        {
          g_set_error (error, WM_ERROR, WM_ERROR_INVALID,
                       _("“%s” in “%s” is not a valid item id"), ids[i], spec->name);
          return FALSE;
        }
      g_strv_builder_add (builder, ids[i]);
    }
  value->v.strv = g_strv_builder_end (builder);
  return TRUE;
}

/* Parses the file syntax of a value. STRING_LIST values are not written as
 * one string and are built by the caller from their entries. */
gboolean
wm_value_parse (const WmPropSpec *spec,
                const char       *text,
                WmValue          *value,
                GError          **error)
{
  WmValue parsed = { .set = TRUE };

  g_return_val_if_fail (text != NULL, FALSE);

  switch (spec->type)
    {
    case WM_PROP_STRING:
    case WM_PROP_TEXT:
      parsed.v.string = g_strdup (text);
      break;
    case WM_PROP_IMAGE:
      if (!wm_image_data_check (text, error))
        return FALSE;
      parsed.v.string = g_strdup (text);
      break;
    case WM_PROP_STRING_LIST:
      parsed.v.strv = g_strsplit (text, "\n", -1);
      break;
    case WM_PROP_REFS:
      if (!parse_refs (spec, text, &parsed, error))
        return FALSE;
      break;
    case WM_PROP_NUMBER:
    case WM_PROP_INTEGER:
    case WM_PROP_BOOLEAN:
    case WM_PROP_ENUM:
    case WM_PROP_COLOR:
    case WM_PROP_SLOT:
      if (!parse_scalar (spec, text, &parsed, error))
        return FALSE;
      break;
    default:
      g_assert_not_reached ();
    }

  wm_value_clear (spec, value);
  *value = parsed;
  return TRUE;
}

char *
wm_value_to_string (const WmPropSpec *spec,
                    const WmValue    *value)
{
  GString *out;

  switch (spec->type)
    {
    case WM_PROP_STRING:
    case WM_PROP_TEXT:
    case WM_PROP_COLOR:
    case WM_PROP_SLOT:
    case WM_PROP_IMAGE:
      return g_strdup (value->v.string ? value->v.string : "");
    case WM_PROP_STRING_LIST:
      return value->v.strv ? g_strjoinv ("\n", value->v.strv) : g_strdup ("");
    case WM_PROP_REFS:
      return value->v.strv ? g_strjoinv (" ", value->v.strv) : g_strdup ("");
    case WM_PROP_NUMBER:
      out = g_string_new (NULL);
      wm_format_number (out, value->v.number);
      return g_string_free (out, FALSE);
    case WM_PROP_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value->v.integer);
    case WM_PROP_BOOLEAN:
      return g_strdup (value->v.boolean ? "true" : "false");
    case WM_PROP_ENUM:
      return g_strdup (spec->choices[value->v.choice].id);
    default:
      g_assert_not_reached ();
    }
}

/* Parsed defaults, one per spec, made on first use; specs are static data so
 * their addresses are stable keys. */
static GHashTable *defaults;
G_LOCK_DEFINE_STATIC (defaults);

static const WmValue *
spec_default (const WmPropSpec *spec)
{
  WmValue *value;

  G_LOCK (defaults);
  if (defaults == NULL)
    defaults = g_hash_table_new (NULL, NULL);
  value = g_hash_table_lookup (defaults, spec);
  if (value == NULL)
    {
      value = g_new0 (WmValue, 1);
      if (spec->default_value != NULL)
        {
          g_autoptr(GError) error = NULL;

          if (!wm_value_parse (spec, spec->default_value, value, &error))
            g_error ("Bad default for %s: %s", spec->name, error->message);
        }
      else if (spec->type == WM_PROP_ENUM)
        value->v.choice = 0;
      else if (type_holds_string (spec->type))
        value->v.string = g_strdup ("");
      value->set = FALSE;
      g_hash_table_insert (defaults, (gpointer) spec, value);
    }
  G_UNLOCK (defaults);
  return value;
}

const WmValue *
_wm_value_effective (const WmPropSpec *spec,
                     const WmValue    *value)
{
  return value != NULL && value->set ? value : spec_default (spec);
}

double
wm_value_get_number (const WmPropSpec *spec,
                     const WmValue    *value)
{
  const WmValue *v = _wm_value_effective (spec, value);

  switch (spec->type)
    {
    case WM_PROP_NUMBER: return v->v.number;
    case WM_PROP_INTEGER: return (double) v->v.integer;
    case WM_PROP_BOOLEAN: return v->v.boolean ? 1 : 0;
    default: return 0;
    }
}
