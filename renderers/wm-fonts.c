/* wm-fonts.c — whether the painters get the font they ask for
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fontconfig quietly substitutes a family that is not installed, so an
 * export made without Inter has other widths, other line breaks and other
 * page fits than the same export elsewhere. The command line and the editor
 * check once and say so, instead of leaving the analyst to find out from a
 * stakeholder's copy.
 */
#define G_LOG_DOMAIN "wm-fonts"

#include "config.h"

#include <pango/pangocairo.h>

#include "wm-draw.h"
#include "wm-fonts.h"

/* The first family of WM_FONT_FAMILY, the one the layouts are made for. */
static char *
wanted_family (void)
{
  g_auto(GStrv) families = g_strsplit (WM_FONT_FAMILY, ",", 2);

  return g_strdup (g_strstrip (families[0]));
}

/* The family that Pango loads for WM_FONT_FAMILY, as it does for a layout:
 * fontconfig has by then gone down the list and through its substitutions. */
static char *
resolved_family (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  /* Pango 1.50 declares no autoptr for its contexts and fonts. */
  g_autoptr(GObject) context = G_OBJECT (pango_font_map_create_context (map));
  g_autoptr(GObject) font = NULL;
  PangoFontDescription *request = pango_font_description_from_string (WM_FONT_FAMILY);
  char *family = NULL;

  pango_font_description_set_absolute_size (request, 12 * PANGO_SCALE);
  font = (GObject *) pango_font_map_load_font (map, PANGO_CONTEXT (context), request);
  if (font != NULL)
    {
      PangoFontDescription *got = pango_font_describe (PANGO_FONT (font));

      family = g_strdup (pango_font_description_get_family (got));
      pango_font_description_free (got);
    }
  pango_font_description_free (request);
  return family;
}

gboolean
wm_fonts_check (char **wanted,
                char **used)
{
  g_autofree char *want = wanted_family ();
  g_autofree char *got = resolved_family ();
  gboolean installed = got != NULL && g_ascii_strcasecmp (want, got) == 0;

  if (wanted != NULL)
    *wanted = g_steal_pointer (&want);
  if (used != NULL)
    *used = g_steal_pointer (&got);
  return installed;
}

void
wm_fonts_prepare (void)
{
  pango_cairo_font_map_get_default ();
}
