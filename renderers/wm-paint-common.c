/* wm-paint-common.c — painting the items every notation offers
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Texts, boxes and images are painted here for every notation: the
 * dispatcher (wm-render.c) sends them here before asking the notation's
 * painter, which never sees them. PNG images are read by Cairo, JPEG
 * images by GdkPixbuf, and SVG images are drawn as vectors by librsvg, so
 * that a logo stays sharp in a PDF.
 */
#define G_LOG_DOMAIN "wm-paint-common"

#include "config.h"

#include <math.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>
#include <string.h>

#include "wm-batch.h"
#include "wm-item.h"
#include "wm-notation-common.h"
#include "wm-paint-common-private.h"

#define BOX_LINE_WIDTH 1.0
#define BOX_RADIUS     8.0
#define BOX_PADDING    8.0
#define BOX_TEXT_SIZE  14.0
#define BAR_INSET      3.0
/* Decoded images kept per thread; beyond this many the cache starts again. */
#define IMAGE_CACHE_SIZE 32

gboolean
_wm_paint_common_owns (const WmItem *item)
{
  return wm_item_type_is_common (item->type);
}

static WmColor
item_color (const WmItem *item,
            const char   *name)
{
  WmColor color = wm_color_ink;

  wm_color_parse (wm_item_get_string (item, name), &color);
  return color;
}

/* A text's style: its size, but never so large that one line overflows its box. */
static WmTextStyle
text_style (const WmItem *item)
{
  double size = wm_item_get_number (item, WM_COMMON_FONT_SIZE);
  WmTextStyle style = wm_text_style (MAX (1.0, MIN (size, item->bounds.height * 0.75)));

  style.ellipsize = FALSE;
  return style;
}

static void text_extent (const WmItem *item,
                         WmRect       *extent);

static void
paint_text (WmPaintContext *ctx,
            const WmItem   *item)
{
  WmColor color = item_color (item, WM_COMMON_TEXT_COLOR);
  WmTextStyle style = text_style (item);

  style.color = &color;
  if (!ctx->detail)
    {
      WmRect lines;

      /* Inset, so that the bar stays inside the extent at the scales where it shows. */
      text_extent (item, &lines);
      lines.x += BAR_INSET;
      lines.y += BAR_INSET;
      lines.width = MAX (0, lines.width - 2 * BAR_INSET);
      lines.height = MAX (0, lines.height - 2 * BAR_INSET);
      color.alpha = 0.3;
      wm_draw_box (ctx->cr, &lines, 0, &color, NULL, 0);
      return;
    }
  /* Cut rather than ellipsized, so that a line taller than the box still shows. */
  style.ellipsize = FALSE;
  cairo_save (ctx->cr);
  cairo_rectangle (ctx->cr, item->bounds.x, item->bounds.y, item->bounds.width,
                   item->bounds.height);
  wm_clip (ctx->cr);
  wm_draw_text (ctx->cr, ctx->options, item->text, &item->bounds, &style);
  cairo_restore (ctx->cr);
}

static void
paint_box (WmPaintContext *ctx,
           const WmItem   *item)
{
  WmColor fill = item_color (item, WM_COMMON_FILL);
  WmColor border = item_color (item, WM_COMMON_BORDER);
  WmColor color = item_color (item, WM_COMMON_TEXT_COLOR);
  double radius = wm_item_get_boolean (item, WM_COMMON_ROUNDED) ? BOX_RADIUS : 0;
  WmTextStyle style = wm_text_style (BOX_TEXT_SIZE);
  WmRect inner = item->bounds;

  wm_draw_box (ctx->cr, &item->bounds, radius, &fill, &border, BOX_LINE_WIDTH);
  if (!ctx->detail || item->text[0] == '\0')
    return;
  style.color = &color;
  style.halign = style.valign = WM_ALIGN_CENTER;
  inner.x += BOX_PADDING;
  inner.y += BOX_PADDING;
  inner.width = MAX (0, inner.width - 2 * BOX_PADDING);
  inner.height = MAX (0, inner.height - 2 * BOX_PADDING);
  wm_draw_text (ctx->cr, ctx->options, item->text, &inner, &style);
}

/* Decoding an image */

typedef struct
{
  cairo_surface_t *surface;   /* PNG and JPEG */
  RsvgHandle      *svg;
  double           width;     /* its own size, in pixels; 0 when an SVG has none */
  double           height;
} Image;

static void
image_free (gpointer data)
{
  Image *image = data;

  if (image == NULL)
    return;
  g_clear_pointer (&image->surface, cairo_surface_destroy);
  g_clear_object (&image->svg);
  g_free (image);
}

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *out,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->size - reader->offset)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (out, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode_png (const guint8 *data,
            gsize         size)
{
  PngReader reader = { data, size, 0 };

  return cairo_image_surface_create_from_png_stream (read_png, &reader);
}

/* A pixbuf's pixels in Cairo's premultiplied native-endian ARGB. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int in_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *in = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  int out_stride;
  guint8 *out;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS || channels < 3 ||
      gdk_pixbuf_get_bits_per_sample (pixbuf) != 8)
    return surface;
  cairo_surface_flush (surface);
  out = cairo_image_surface_get_data (surface);
  out_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    {
      const guint8 *p = in + (gsize) y * in_stride;
      guint32 *q = (guint32 *) (gpointer) (out + (gsize) y * out_stride);

      for (int x = 0; x < width; x++, p += channels)
        {
          guint a = channels == 4 ? p[3] : 255;

          q[x] = (guint32) a << 24 | (guint32) ((p[0] * a + 127) / 255) << 16 |
                 (guint32) ((p[1] * a + 127) / 255) << 8 | (p[2] * a + 127) / 255;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static cairo_surface_t *
decode_jpeg (const guint8 *data,
             gsize         size)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type ("jpeg", NULL);
  gboolean written;
  GdkPixbuf *pixbuf;

  if (loader == NULL)
    return NULL;
  written = gdk_pixbuf_loader_write (loader, data, size, NULL);
  /* Closed even after a failed write, as the loader asks. */
  if (!gdk_pixbuf_loader_close (loader, NULL) || !written)
    return NULL;
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  return pixbuf != NULL ? surface_from_pixbuf (pixbuf) : NULL;
}

/* An SVG handle with no base file: librsvg then loads no other file the
 * document names, so an embedded image cannot reach the disk. */
static RsvgHandle *
decode_svg (const guint8 *data,
            gsize         size,
            double       *width,
            double       *height)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  RsvgHandle *handle = rsvg_handle_new_from_stream_sync (stream, NULL, RSVG_HANDLE_FLAGS_NONE,
                                                         NULL, NULL);

  if (handle == NULL)
    return NULL;
  if (!rsvg_handle_get_intrinsic_size_in_pixels (handle, width, height) ||
      !(*width > 0 && *height > 0))
    {
      gboolean has_width, has_height, has_viewbox;
      RsvgRectangle viewbox;

      /* Sizes in per cent: the view box still gives the proportions. */
      rsvg_handle_get_intrinsic_dimensions (handle, &has_width, NULL, &has_height, NULL,
                                            &has_viewbox, &viewbox);
      *width = has_viewbox ? viewbox.width : 0;
      *height = has_viewbox ? viewbox.height : 0;
    }
  return handle;
}

static Image *
decode_image (const char *base64)
{
  g_autofree guint8 *data = NULL;
  gsize size = 0;
  Image *image;

  /* The model checked the size, the format and the pixel count. */
  if (!wm_image_data_check (base64, NULL))
    return NULL;
  data = g_base64_decode (base64, &size);
  image = g_new0 (Image, 1);
  switch (wm_image_format_sniff (data, size, NULL, NULL))
    {
    case WM_IMAGE_PNG:
      image->surface = decode_png (data, size);
      break;
    case WM_IMAGE_JPEG:
      image->surface = decode_jpeg (data, size);
      break;
    case WM_IMAGE_SVG:
      image->svg = decode_svg (data, size, &image->width, &image->height);
      break;
    case WM_IMAGE_NONE:
    default:
      break;
    }
  if (image->surface != NULL && cairo_surface_status (image->surface) != CAIRO_STATUS_SUCCESS)
    g_clear_pointer (&image->surface, cairo_surface_destroy);
  if (image->surface != NULL)
    {
      image->width = cairo_image_surface_get_width (image->surface);
      image->height = cairo_image_surface_get_height (image->surface);
    }
  if (image->surface == NULL && image->svg == NULL)
    g_clear_pointer (&image, image_free);
  return image;
}

static void
free_image_cache (gpointer cache)
{
  g_hash_table_unref (cache);
}

/* @base64 decoded, from this thread's cache (exports paint in a thread of
 * their own); NULL when it does not decode. Borrowed. */
static Image *
lookup_image (const char *base64)
{
  static GPrivate cache_key = G_PRIVATE_INIT (free_image_cache);
  GHashTable *cache = g_private_get (&cache_key);
  Image *image;

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, image_free);
      g_private_set (&cache_key, cache);
    }
  if (g_hash_table_lookup_extended (cache, base64, NULL, (gpointer *) &image))
    return image;
  if (g_hash_table_size (cache) >= IMAGE_CACHE_SIZE)
    g_hash_table_remove_all (cache);
  image = decode_image (base64);
  g_hash_table_insert (cache, g_strdup (base64), image);
  return image;
}

/* An empty frame crossed from corner to corner: no image, or one that does not decode. */
static void
paint_missing_image (cairo_t      *cr,
                     const WmRect *rect)
{
  const WmRect *r = rect;

  wm_draw_box (cr, r, 0, &wm_color_fill, &wm_color_faint, BOX_LINE_WIDTH);
  cairo_save (cr);
  wm_path_rounded_rect (cr, r, 0);
  wm_clip (cr);
  cairo_move_to (cr, r->x, r->y);
  cairo_line_to (cr, r->x + r->width, r->y + r->height);
  cairo_move_to (cr, r->x + r->width, r->y);
  cairo_line_to (cr, r->x, r->y + r->height);
  wm_set_color (cr, &wm_color_faint);
  cairo_set_line_width (cr, BOX_LINE_WIDTH);
  wm_stroke (cr);
  cairo_restore (cr);
}

/* The image scaled to fit its bounds, keeping its proportions, centred. */
static void
paint_image (WmPaintContext *ctx,
             const WmItem   *item)
{
  const char *data = wm_item_get_string (item, WM_COMMON_DATA);
  const WmRect *r = &item->bounds;
  Image *image = data != NULL ? lookup_image (data) : NULL;
  WmRect fit = *r;

  if (image == NULL || r->width <= 0 || r->height <= 0)
    {
      paint_missing_image (ctx->cr, r);
      return;
    }
  if (image->width > 0 && image->height > 0)
    {
      double scale = MIN (r->width / image->width, r->height / image->height);

      fit = (WmRect) { r->x + (r->width - image->width * scale) / 2,
                       r->y + (r->height - image->height * scale) / 2,
                       image->width * scale, image->height * scale };
    }
  /* The image is drawn at once: what lies beneath it goes first. */
  _wm_batch_flush (ctx->cr);
  cairo_save (ctx->cr);
  cairo_rectangle (ctx->cr, r->x, r->y, r->width, r->height);
  wm_clip (ctx->cr);
  if (image->svg != NULL)
    {
      RsvgRectangle viewport = { fit.x, fit.y, fit.width, fit.height };

      rsvg_handle_render_document (image->svg, ctx->cr, &viewport, NULL);
    }
  else
    {
      cairo_translate (ctx->cr, fit.x, fit.y);
      cairo_scale (ctx->cr, fit.width / image->width, fit.height / image->height);
      cairo_set_source_surface (ctx->cr, image->surface, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (ctx->cr),
                                ctx->detail ? CAIRO_FILTER_GOOD : CAIRO_FILTER_FAST);
      cairo_paint (ctx->cr);
    }
  cairo_restore (ctx->cr);
}

void
_wm_paint_common_item (WmPaintContext *ctx,
                       const WmItem   *item)
{
  const char *type = item->type->id;

  g_assert (_wm_paint_common_owns (item));

  if (ctx->far != NULL)
    {
      WmColor fill = g_str_equal (type, WM_COMMON_BOX) ? item_color (item, WM_COMMON_FILL)
                                                       : wm_color_fill;

      WmRect rect = item->bounds;

      /* A text far out is a bar where its lines are, without an outline. */
      if (g_str_equal (type, WM_COMMON_TEXT))
        {
          text_extent (item, &rect);
          _wm_far_batch_box (ctx->far, &rect, &wm_color_faint, NULL, 0);
        }
      else
        _wm_far_batch_box (ctx->far, &rect, &fill, &wm_color_faint, BOX_LINE_WIDTH);
    }
  else if (g_str_equal (type, WM_COMMON_TEXT))
    paint_text (ctx, item);
  else if (g_str_equal (type, WM_COMMON_BOX))
    paint_box (ctx, item);
  else
    paint_image (ctx, item);
}

/* A text's ink: the lines it takes from the top left of its bounds, within them. */
static void
text_extent (const WmItem *item,
             WmRect       *extent)
{
  WmTextStyle style = text_style (item);
  WmRenderOptions options;
  double width, height;

  *extent = item->bounds;
  if (item->text[0] == '\0')
    return;
  style.ellipsize = FALSE;
  wm_render_options_init (&options);
  wm_measure_text (&options, item->text, item->bounds.width, &style, &width, &height);
  extent->width = MIN (ceil (width) + 1, item->bounds.width);
  extent->height = MIN (ceil (height) + 1, item->bounds.height);
}

gboolean
_wm_paint_common_item_bound (const WmItem *item,
                             WmRect       *bound)
{
  if (g_str_equal (item->type->id, WM_COMMON_TEXT))
    {
      *bound = item->bounds;
      return FALSE;
    }
  _wm_paint_common_item_extent (item, bound);
  return TRUE;
}

void
_wm_paint_common_item_extent (const WmItem *item,
                              WmRect       *extent)
{
  double grow = BOX_LINE_WIDTH;

  g_assert (_wm_paint_common_owns (item));

  if (g_str_equal (item->type->id, WM_COMMON_TEXT))
    {
      text_extent (item, extent);
      return;
    }
  *extent = item->bounds;
  extent->x -= grow;
  extent->y -= grow;
  extent->width += 2 * grow;
  extent->height += 2 * grow;
}
