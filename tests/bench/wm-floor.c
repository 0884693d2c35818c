/* wm-floor.c — the floor of the export benchmark: boxes, texts and lines
 * drawn straight with cairo and Pango
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `dia-bench` writes a scene (the boxes, texts and lines of a generated
 * Waymark diagram, over the canvas Waymark draws) and times this program
 * drawing it into the same kind of file as `waymark --export`: a PDF page of
 * A4 with the drawing fitted, an SVG of the canvas's size, a PNG at one
 * pixel a unit (in bands, through the same encoder as the export). It does
 * the least one can with cairo and Pango: every box in one path filled and
 * stroked once, every line in one path, each distinct string shaped once
 * into a PangoLayout that is then only shown. Waymark's exports are judged
 * against its time.
 *
 * Usage: wm-floor --format=pdf|svg|png [--scale=S] SCENE OUT
 *
 * SCENE holds tab-separated lines:
 *   page  WIDTH HEIGHT
 *   box   X Y W H TEXT          (TEXT with \n for a line break)
 *   line  LABEL X1 Y1 X2 Y2 ... (LABEL may be empty)
 *   text  X Y WIDTH SIZE TEXT   (top left; WIDTH to wrap in, or -1; SIZE of
 *                                the font, in units)
 *
 * `dia-bench` puts every text Waymark's painters set in `text` lines (see
 * wm-scene-texts.c), at their places and sizes, and leaves the boxes and
 * lines without text of their own.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "wm-draw.h"
#include "wm-png.h"

#define A4_WIDTH 595.28
#define A4_HEIGHT 841.89
#define PDF_MARGIN 36
#define TEXT_PADDING 6
/* The same typeface as Waymark's painters: the same text is the same glyphs. */
#define FONT WM_FONT_FAMILY " 9.75"

typedef struct
{
  double x, y, w, h;
  char  *text;
} Box;

typedef struct
{
  double x, y, w, size;
  char  *text;
} Text;

typedef struct
{
  GArray *points;   /* doubles, x and y in turn */
  char   *label;
} Line;

typedef struct
{
  double        width, height;
  GArray       *boxes;
  GPtrArray    *lines;
  GArray       *texts;
  PangoContext *pango;
  GHashTable   *layouts;   /* "width|text" -> PangoLayout, each shaped once */
  double        png_scale; /* PNG pixels a unit */
} Scene;

static char *
unescape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\\' && p[1] == 'n')
        g_string_append_c (out, '\n'), p++;
      else if (p[0] == '\\' && p[1] == '\\')
        g_string_append_c (out, '\\'), p++;
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
line_free (gpointer data)
{
  Line *line = data;

  g_array_unref (line->points);
  g_free (line->label);
  g_free (line);
}

static gboolean
parse_line (Scene  *scene,
            char  **fields,
            guint   n)
{
  if (g_str_equal (fields[0], "page") && n == 3)
    {
      scene->width = g_ascii_strtod (fields[1], NULL);
      scene->height = g_ascii_strtod (fields[2], NULL);
    }
  else if (g_str_equal (fields[0], "box") && n == 6)
    {
      Box box = { g_ascii_strtod (fields[1], NULL), g_ascii_strtod (fields[2], NULL),
                  g_ascii_strtod (fields[3], NULL), g_ascii_strtod (fields[4], NULL),
                  unescape (fields[5]) };
      g_array_append_val (scene->boxes, box);
    }
  else if (g_str_equal (fields[0], "text") && n == 6)
    {
      Text text = { g_ascii_strtod (fields[1], NULL), g_ascii_strtod (fields[2], NULL),
                    g_ascii_strtod (fields[3], NULL), g_ascii_strtod (fields[4], NULL),
                    unescape (fields[5]) };
      g_array_append_val (scene->texts, text);
    }
  else if (g_str_equal (fields[0], "line") && n >= 6 && n % 2 == 0)
    {
      Line *line = g_new0 (Line, 1);

      line->label = unescape (fields[1]);
      line->points = g_array_new (FALSE, FALSE, sizeof (double));
      for (guint i = 2; i < n; i++)
        {
          double v = g_ascii_strtod (fields[i], NULL);
          g_array_append_val (line->points, v);
        }
      g_ptr_array_add (scene->lines, line);
    }
  else
    return FALSE;
  return TRUE;
}

static gboolean
scene_load (Scene      *scene,
            const char *path,
            GError    **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      if (!parse_line (scene, fields, g_strv_length (fields)))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:%u: not a scene line",
                       path, i + 1);
          return FALSE;
        }
    }
  if (!(scene->width > 0 && scene->height > 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: no page line", path);
      return FALSE;
    }
  return TRUE;
}

/* Text is laid out as for print: no hinting, so a layout shaped once shows
 * the same at every scale and on every surface. */
static PangoContext *
create_pango_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}

static PangoLayout *
layout_for (Scene      *scene,
            const char *text,
            double      width)
{
  g_autofree char *key = g_strdup_printf ("%.0f|%s", width, text);
  PangoLayout *layout = g_hash_table_lookup (scene->layouts, key);

  if (layout == NULL)
    {
      PangoFontDescription *font = pango_font_description_from_string (FONT);

      layout = pango_layout_new (scene->pango);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_set_text (layout, text, -1);
      pango_font_description_free (font);
      g_hash_table_insert (scene->layouts, g_steal_pointer (&key), layout);
    }
  return layout;
}

/* A text line's layout: its own size, wrapped when it has a width. */
static PangoLayout *
text_layout_for (Scene      *scene,
                 const Text *text)
{
  g_autofree char *key = g_strdup_printf ("%.2f|%.2f|%s", text->w, text->size, text->text);
  PangoLayout *layout = g_hash_table_lookup (scene->layouts, key);

  if (layout == NULL)
    {
      PangoFontDescription *font = pango_font_description_from_string (WM_FONT_FAMILY);

      pango_font_description_set_absolute_size (font, text->size * PANGO_SCALE);
      layout = pango_layout_new (scene->pango);
      pango_layout_set_font_description (layout, font);
      if (text->w > 0)
        {
          pango_layout_set_width (layout, (int) (text->w * PANGO_SCALE));
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
        }
      pango_layout_set_text (layout, text->text, -1);
      pango_font_description_free (font);
      g_hash_table_insert (scene->layouts, g_steal_pointer (&key), layout);
    }
  return layout;
}

static gboolean
box_in (const Box *box,
        double     top,
        double     bottom)
{
  return box->y + box->h + 1 >= top && box->y - 1 <= bottom;
}

static gboolean
line_in (const Line *line,
         double      top,
         double      bottom)
{
  double low = G_MAXDOUBLE, high = -G_MAXDOUBLE;

  for (guint i = 1; i < line->points->len; i += 2)
    {
      low = MIN (low, g_array_index (line->points, double, i));
      high = MAX (high, g_array_index (line->points, double, i));
    }
  return high + 20 >= top && low - 20 <= bottom;
}

static void
draw_shapes (cairo_t *cr,
             Scene   *scene,
             double   top,
             double   bottom)
{
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < scene->boxes->len; i++)
    {
      const Box *box = &g_array_index (scene->boxes, Box, i);

      if (box_in (box, top, bottom))
        cairo_rectangle (cr, box->x, box->y, box->w, box->h);
    }
  cairo_set_source_rgb (cr, 1, 0.96, 0.64);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_stroke (cr);
  for (guint i = 0; i < scene->lines->len; i++)
    {
      const Line *line = g_ptr_array_index (scene->lines, i);

      if (!line_in (line, top, bottom))
        continue;
      cairo_move_to (cr, g_array_index (line->points, double, 0),
                     g_array_index (line->points, double, 1));
      for (guint k = 2; k + 1 < line->points->len; k += 2)
        cairo_line_to (cr, g_array_index (line->points, double, k),
                       g_array_index (line->points, double, k + 1));
    }
  cairo_stroke (cr);
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_texts (cairo_t *cr,
            Scene   *scene,
            double   top,
            double   bottom)
{
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  for (guint i = 0; i < scene->boxes->len; i++)
    {
      const Box *box = &g_array_index (scene->boxes, Box, i);
      double width = MAX (box->w - 2 * TEXT_PADDING, 10);
      PangoLayout *layout;

      if (box->text[0] == '\0' || !box_in (box, top, bottom))
        continue;
      layout = layout_for (scene, box->text, width);
      show_layout (cr, layout, box->x + TEXT_PADDING, box->y + TEXT_PADDING);
    }
  for (guint i = 0; i < scene->lines->len; i++)
    {
      const Line *line = g_ptr_array_index (scene->lines, i);
      guint n = line->points->len;

      if (line->label[0] == '\0' || !line_in (line, top, bottom))
        continue;
      show_layout (cr, layout_for (scene, line->label, 120),
                   (g_array_index (line->points, double, 0) +
                    g_array_index (line->points, double, n - 2)) / 2 - 60,
                   (g_array_index (line->points, double, 1) +
                    g_array_index (line->points, double, n - 1)) / 2);
    }
  for (guint i = 0; i < scene->texts->len; i++)
    {
      const Text *text = &g_array_index (scene->texts, Text, i);

      /* A few lines' height below the top is enough for culling bands. */
      if (text->y + 8 * text->size < top || text->y - text->size > bottom)
        continue;
      show_layout (cr, text_layout_for (scene, text), text->x, text->y);
    }
}

static void
draw (cairo_t *cr,
      Scene   *scene,
      double   top,
      double   bottom)
{
  draw_shapes (cr, scene, top, bottom);
  draw_texts (cr, scene, top, bottom);
}

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  return g_output_stream_write_all (closure, data, length, NULL, NULL, NULL)
           ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static cairo_status_t
draw_pdf (Scene         *scene,
          GOutputStream *out)
{
  gboolean landscape = scene->width > scene->height;
  double page_w = landscape ? A4_HEIGHT : A4_WIDTH, page_h = landscape ? A4_WIDTH : A4_HEIGHT;
  double scale = MIN ((page_w - 2 * PDF_MARGIN) / scene->width,
                      (page_h - 2 * PDF_MARGIN) / scene->height);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_stream, out,
                                                                  page_w, page_h);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_translate (cr, PDF_MARGIN, PDF_MARGIN);
  cairo_scale (cr, scale, scale);
  draw (cr, scene, -G_MAXDOUBLE, G_MAXDOUBLE);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

static cairo_status_t
draw_svg (Scene         *scene,
          GOutputStream *out)
{
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (write_to_stream, out,
                                                                  scene->width, scene->height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  draw (cr, scene, -G_MAXDOUBLE, G_MAXDOUBLE);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

static void
paint_band (cairo_t                     *cr,
            const cairo_rectangle_int_t *band,
            gpointer                     user_data)
{
  Scene *scene = user_data;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scene->png_scale, scene->png_scale);
  draw (cr, scene, band->y / scene->png_scale, (band->y + band->height) / scene->png_scale);
}

static gboolean
draw_png (Scene          *scene,
          GOutputStream  *out,
          GError        **error)
{
  WmPngOptions options;

  wm_png_options_init (&options, (int) ceil (scene->width * scene->png_scale),
                       (int) ceil (scene->height * scene->png_scale));
  return wm_png_write (out, &options, paint_band, scene, error);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *format = NULL;
  Scene scene = { .png_scale = 1 };
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "pdf, svg or png", "FORMAT" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scene.png_scale, "PNG pixels a unit (1)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("SCENE OUT");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  gboolean ok;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3 || format == NULL ||
      !(scene.png_scale > 0))
    {
      g_printerr ("usage: wm-floor --format=pdf|svg|png SCENE OUT\n");
      return 2;
    }
  scene.boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  scene.lines = g_ptr_array_new_with_free_func (line_free);
  scene.texts = g_array_new (FALSE, FALSE, sizeof (Text));
  scene.layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  scene.pango = create_pango_context ();
  file = g_file_new_for_commandline_arg (argv[2]);
  ok = scene_load (&scene, argv[1], &error);
  if (ok)
    out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  ok = ok && out != NULL;
  if (ok && g_str_equal (format, "png"))
    ok = draw_png (&scene, G_OUTPUT_STREAM (out), &error);
  else if (ok)
    ok = (g_str_equal (format, "pdf") ? draw_pdf : draw_svg) (&scene, G_OUTPUT_STREAM (out)) ==
         CAIRO_STATUS_SUCCESS;
  if (ok)
    ok = g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error);
  if (!ok)
    g_printerr ("wm-floor: %s\n", error != NULL ? error->message : "drawing failed");
  return ok ? 0 : 1;
}
