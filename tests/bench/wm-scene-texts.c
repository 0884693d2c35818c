/* wm-scene-texts.c — every text a Waymark export of a diagram shows, with
 * its place, for the export benchmark's other two programs
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `dia-bench` compares Waymark's exports with Dia's and with the floor
 * program's on the same content. Boxes and lines come from the project
 * file; the texts come from here, as the painters lay them out: not only
 * the names but the data boxes' rows, the figures, the labels, so that Dia
 * and the floor set the same text Waymark does. The diagram is painted as
 * the SVG export paints it (its canvas at one unit a point) through the
 * text sink, which receives every layout instead of drawing it.
 *
 * Usage: wm-scene-texts DIAGRAM-ID PROJECT
 *
 * prints one line per text, tab-separated, in canvas units:
 *   text  X Y WIDTH SIZE TEXT   (X, Y its top left; WIDTH the width it wraps
 *                                in, or -1; SIZE the font's; \n escaped)
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>

#include "waymark-model.h"
#include "wm-export.h"
#include "wm-render.h"
#include "wm-text-private.h"

static void
print_escaped (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        fputs ("\\n", stdout);
      else if (*p == '\\')
        fputs ("\\\\", stdout);
      else if (*p == '\t' || *p == '\r')
        putchar (' ');
      else
        putchar (*p);
    }
}

static void
print_text (cairo_t     *cr,
            PangoLayout *layout,
            gpointer     user_data)
{
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  double x = 0, y = 0, scale = 1, size;
  int width = pango_layout_get_width (layout);
  cairo_matrix_t m;

  (void) user_data;
  if (font == NULL || *pango_layout_get_text (layout) == '\0')
    return;
  cairo_get_current_point (cr, &x, &y);
  cairo_user_to_device (cr, &x, &y);
  cairo_get_matrix (cr, &m);
  scale = sqrt (fabs (m.xx * m.yy - m.xy * m.yx));
  size = (double) pango_font_description_get_size (font) / PANGO_SCALE * scale;
  printf ("text\t%.2f\t%.2f\t%.2f\t%.3f\t", x, y,
          width < 0 ? -1.0 : (double) width / PANGO_SCALE * scale, size);
  print_escaped (pango_layout_get_text (layout));
  putchar ('\n');
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(WmProject) project = NULL;
  WmDiagram *diagram;
  cairo_surface_t *surface;
  cairo_t *cr;
  WmRect extent;

  setlocale (LC_CTYPE, "");
  if (argc != 3)
    {
      g_printerr ("Usage: wm-scene-texts DIAGRAM-ID PROJECT\n");
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[2]);
  project = wm_project_load (file, NULL, &error);
  if (project == NULL)
    {
      g_printerr ("wm-scene-texts: %s\n", error->message);
      return 1;
    }
  diagram = wm_project_find_diagram (project, argv[1]);
  if (diagram == NULL)
    {
      g_printerr ("wm-scene-texts: no diagram %s\n", argv[1]);
      return 1;
    }
  wm_render_get_extent (diagram, &extent);
  /* Shapes still paint, into one pixel; the texts all go to the sink. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  _wm_text_set_sink (cr, print_text, NULL);
  wm_export_paint_fitted (cr, diagram, wm_text_cache_get_default (), &extent, 0, 0,
                          extent.width, extent.height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
