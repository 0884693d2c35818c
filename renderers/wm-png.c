/* wm-png.c — PNG files painted and written a band of rows at a time
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A whole picture in one cairo image surface takes four bytes a pixel: a
 * 17 000 × 11 000 export would need 750 MB before a byte is written. Here
 * the picture is painted into a band of a few hundred rows at a time, and
 * libpng takes the band row by row, so memory grows with the width only.
 * Two bands take turns: the calling thread paints one while a thread of
 * our own compresses the other. The painters stay on the calling thread
 * (their caches are not shared between threads); the other thread only
 * reads finished pixels.
 */
#define G_LOG_DOMAIN "wm-png"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <png.h>
#include <string.h>

#include "wm-png.h"

/* Band memory, per band, that the default band height aims at. */
#define BAND_BYTES (16 * 1024 * 1024)
#define MIN_BAND_ROWS 16
#define MAX_BAND_ROWS 256
#define METRES_PER_INCH 0.0254

/* Diagrams are mostly flat colour, long runs that zlib finds best
 * unfiltered. On a 17 031 × 11 390 use-case export, against cairo's PNG
 * writer (zlib level 6, filters chosen per row: 6.0 MB, 6.9 s of CPU
 * painting included), level 3 without filters makes 7.4 MB (+23 %) in
 * 2.35 s, level 4 5.2 MB in 3.2 s, level 3 with the SUB filter 8.2 MB in
 * 2.6 s, and storing without compression takes 1.9 s. The compression runs
 * beside the painting, on the other core. */
#define DEFAULT_COMPRESSION 3

typedef struct
{
  cairo_surface_t *surface;
  int              y;
  int              rows;
} Band;

typedef struct
{
  const WmPngOptions *options;
  GOutputStream      *stream;
  GError             *error;       /* writing to the stream failed */
  char               *png_error;   /* libpng gave up */
  png_structp         png;
  png_infop           info;
  guchar             *row;
  GAsyncQueue        *painted;     /* bands to compress; &end ends */
  GAsyncQueue        *idle;        /* bands to paint into */
  Band               *current;     /* the band being compressed */
  Band                end;
  int                 rows_done;
  gint                failed;      /* atomic: stop painting */
} Encoder;

void
wm_png_options_init (WmPngOptions *options,
                     int           width,
                     int           height)
{
  *options = (WmPngOptions) {
    .width = width,
    .height = height,
    .pixels_per_inch = 96,
    .compression = DEFAULT_COMPRESSION,
  };
}

static int
band_rows_for (const WmPngOptions *options)
{
  gsize row_bytes = (gsize) options->width * 4;

  if (options->band_rows > 0)
    return MIN (options->band_rows, options->height);
  return MIN (options->height, CLAMP ((int) (BAND_BYTES / row_bytes), MIN_BAND_ROWS, MAX_BAND_ROWS));
}

static void
write_data (png_structp  png,
            png_bytep    data,
            png_size_t   length)
{
  Encoder *encoder = png_get_io_ptr (png);

  if (!g_output_stream_write_all (encoder->stream, data, length, NULL, NULL, &encoder->error))
    png_error (png, "write");
}

static void
flush_data (png_structp png)
{
}

static void
on_png_error (png_structp     png,
              png_const_charp message)
{
  Encoder *encoder = png_get_error_ptr (png);

  if (encoder->png_error == NULL)
    encoder->png_error = g_strdup (message);
  png_longjmp (png, 1);
}

static void
on_png_warning (png_structp     png,
                png_const_charp message)
{
  g_debug ("libpng: %s", message);
}

/* One row of cairo's premultiplied native-endian ARGB as PNG's RGB or
 * straight RGBA, with cairo's own rounding so that the pixels come out as
 * cairo_surface_write_to_png() writes them. */
static void
convert_row (const guint32 *pixels,
             guchar        *out,
             int            width,
             gboolean       alpha)
{
  for (int x = 0; x < width; x++)
    {
      guint32 p = pixels[x];
      guint a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

      if (!alpha)
        {
          *out++ = r;
          *out++ = g;
          *out++ = b;
          continue;
        }
      if (a != 0 && a != 0xff)
        {
          r = (r * 255 + a / 2) / a;
          g = (g * 255 + a / 2) / a;
          b = (b * 255 + a / 2) / a;
        }
      else if (a == 0)
        r = g = b = 0;
      *out++ = r;
      *out++ = g;
      *out++ = b;
      *out++ = a;
    }
}

static void
encode_band (Encoder *encoder,
             Band    *band)
{
  const guchar *data = cairo_image_surface_get_data (band->surface);
  int stride = cairo_image_surface_get_stride (band->surface);

  for (int y = 0; y < band->rows; y++)
    {
      convert_row ((const guint32 *) (gconstpointer) (data + (gsize) y * stride), encoder->row,
                   encoder->options->width, encoder->options->alpha);
      png_write_row (encoder->png, encoder->row);
    }
  encoder->rows_done += band->rows;
}

static void
write_header (Encoder *encoder)
{
  const WmPngOptions *options = encoder->options;

  png_set_write_fn (encoder->png, encoder, write_data, flush_data);
  png_set_compression_level (encoder->png, options->compression);
  png_set_filter (encoder->png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_IHDR (encoder->png, encoder->info, options->width, options->height, 8,
                options->alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
  /* The resolution, so that Office places a 300 dpi export at its size. */
  if (options->pixels_per_inch > 0)
    {
      png_uint_32 per_metre = (png_uint_32) (options->pixels_per_inch / METRES_PER_INCH + 0.5);

      png_set_pHYs (encoder->png, encoder->info, per_metre, per_metre, PNG_RESOLUTION_METER);
    }
  png_write_info (encoder->png, encoder->info);
}

/* Compresses the painted bands as they come; FALSE when libpng gave up. */
static gboolean
encode_bands (Encoder *encoder)
{
  if (setjmp (png_jmpbuf (encoder->png)))
    return FALSE;
  write_header (encoder);
  for (;;)
    {
      encoder->current = g_async_queue_pop (encoder->painted);
      if (encoder->current == &encoder->end)
        break;
      encode_band (encoder, encoder->current);
      g_async_queue_push (encoder->idle, encoder->current);
    }
  /* A painting that failed stops early; its file is dropped anyway. */
  if (encoder->rows_done == encoder->options->height)
    png_write_end (encoder->png, encoder->info);
  return TRUE;
}

/* After a failure, hands every band back unused until the painting stops. */
static void
drain_bands (Encoder *encoder)
{
  g_atomic_int_set (&encoder->failed, TRUE);
  while (encoder->current != &encoder->end)
    {
      if (encoder->current != NULL)
        g_async_queue_push (encoder->idle, encoder->current);
      encoder->current = g_async_queue_pop (encoder->painted);
    }
}

static gpointer
encoder_thread (gpointer data)
{
  Encoder *encoder = data;

  if (!encode_bands (encoder))
    drain_bands (encoder);
  return NULL;
}

static void
clear_band (Band *band)
{
  cairo_surface_flush (band->surface);
  memset (cairo_image_surface_get_data (band->surface), 0,
          (gsize) cairo_image_surface_get_stride (band->surface) *
          cairo_image_surface_get_height (band->surface));
  cairo_surface_mark_dirty (band->surface);
}

/* Paints @band's rows of the picture; the context's error, if any. */
static cairo_status_t
paint_band (Band           *band,
            WmPngPaintFunc  paint,
            gpointer        user_data,
            int             width)
{
  cairo_rectangle_int_t area = { 0, band->y, width, band->rows };
  cairo_t *cr;
  cairo_status_t status;

  clear_band (band);
  cr = cairo_create (band->surface);
  cairo_rectangle (cr, 0, 0, width, band->rows);
  cairo_clip (cr);
  cairo_translate (cr, 0, -band->y);
  paint (cr, &area, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (band->surface);
  return status;
}

/* Paints every band in turn, handing each to the encoder. */
static cairo_status_t
paint_bands (Encoder        *encoder,
             WmPngPaintFunc  paint,
             gpointer        user_data)
{
  const WmPngOptions *options = encoder->options;
  int rows = band_rows_for (options);
  cairo_status_t status = CAIRO_STATUS_SUCCESS;

  for (int y = 0; y < options->height && status == CAIRO_STATUS_SUCCESS; y += rows)
    {
      Band *band = g_async_queue_pop (encoder->idle);

      if (g_atomic_int_get (&encoder->failed))
        {
          g_async_queue_push (encoder->idle, band);
          break;
        }
      band->y = y;
      band->rows = MIN (rows, options->height - y);
      status = paint_band (band, paint, user_data, options->width);
      g_async_queue_push (status == CAIRO_STATUS_SUCCESS ? encoder->painted : encoder->idle, band);
    }
  g_async_queue_push (encoder->painted, &encoder->end);
  return status;
}

static gboolean
check_options (const WmPngOptions *options,
               GError            **error)
{
  if (options->width > 0 && options->height > 0 &&
      options->width <= WM_PNG_MAX_PIXELS && options->height <= WM_PNG_MAX_PIXELS &&
      (double) options->width * options->height <= WM_PNG_MAX_AREA)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("An image of %d × %d pixels cannot be made; the limit is %d on each side "
                 "and %.0f million pixels."),
               options->width, options->height, WM_PNG_MAX_PIXELS, WM_PNG_MAX_AREA / 1e6);
  return FALSE;
}

/* The first error: the stream's, libpng's, then the painting's. */
static gboolean
report_error (Encoder        *encoder,
              cairo_status_t  status,
              GError        **error)
{
  if (encoder->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&encoder->error));
      return FALSE;
    }
  if (encoder->png_error != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Writing the PNG failed: %s"),
                   encoder->png_error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Drawing the export failed: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
allocate_bands (Encoder *encoder,
                Band     bands[2])
{
  int rows = band_rows_for (encoder->options);

  for (guint i = 0; i < 2; i++)
    {
      bands[i].surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, encoder->options->width,
                                                     rows);
      if (cairo_surface_status (bands[i].surface) != CAIRO_STATUS_SUCCESS)
        return FALSE;
      g_async_queue_push (encoder->idle, &bands[i]);
    }
  return TRUE;
}

gboolean
wm_png_write (GOutputStream      *stream,
              const WmPngOptions *options,
              WmPngPaintFunc      paint,
              gpointer            user_data,
              GError            **error)
{
  Encoder encoder = { .options = options, .stream = stream };
  Band bands[2] = { { NULL, 0, 0 }, { NULL, 0, 0 } };
  cairo_status_t status = CAIRO_STATUS_NO_MEMORY;
  GThread *thread;
  gboolean ok;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (paint != NULL, FALSE);

  if (!check_options (options, error))
    return FALSE;
  encoder.painted = g_async_queue_new ();
  encoder.idle = g_async_queue_new ();
  encoder.png = png_create_write_struct (PNG_LIBPNG_VER_STRING, &encoder, on_png_error,
                                         on_png_warning);
  encoder.info = encoder.png != NULL ? png_create_info_struct (encoder.png) : NULL;
  encoder.row = g_malloc ((gsize) options->width * 4);
  if (encoder.info != NULL && allocate_bands (&encoder, bands))
    {
      thread = g_thread_new ("wm-png", encoder_thread, &encoder);
      status = paint_bands (&encoder, paint, user_data);
      g_thread_join (thread);
    }
  ok = report_error (&encoder, status, error);

  png_destroy_write_struct (&encoder.png, &encoder.info);
  for (guint i = 0; i < 2; i++)
    g_clear_pointer (&bands[i].surface, cairo_surface_destroy);
  g_async_queue_unref (encoder.painted);
  g_async_queue_unref (encoder.idle);
  g_free (encoder.row);
  g_free (encoder.png_error);
  return ok;
}
