/* wm-notation-common.c — the items every notation offers: text, box, image
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These types are declared once, here, rather than in each notation's
 * tables: wm_notation_lookup_type() finds them after a notation's own types,
 * and wm_notation_get_item_type() lists them after its own node types, so the
 * reader, the writer, the checks, the palette and the contract tests see them
 * in every notation without any notation naming them.
 */
#define G_LOG_DOMAIN "wm-notation-common"

#include "config.h"

#include <libxml/parser.h>
#include <string.h>

#include "wm-error.h"
#include "wm-limits.h"
#include "wm-notation-common.h"
#include "wm-notation-private.h"

#define WM_P_IMAGE(n, l) { .name = n, .label = l, .type = WM_PROP_IMAGE }

static const WmPropSpec text_props[] = {
  WM_P_COLOR (WM_COMMON_TEXT_COLOR, N_("Text colour"), "#241f31"),
  WM_P_NUMBER (WM_COMMON_FONT_SIZE, N_("Font size"), NULL, 4, 400, "16"),
};

static const WmPropSpec box_props[] = {
  /* Translators: a noun: a box's fill colour */
  WM_P_COLOR (WM_COMMON_FILL, N_("Fill"), "#ffffff"),
  /* Translators: a noun: a box's border colour */
  WM_P_COLOR (WM_COMMON_BORDER, N_("Border"), "#5e5c64"),
  WM_P_BOOLEAN (WM_COMMON_ROUNDED, N_("Rounded corners"), "true"),
  WM_P_COLOR (WM_COMMON_TEXT_COLOR, N_("Text colour"), "#241f31"),
};

static const WmPropSpec image_props[] = {
  WM_P_IMAGE (WM_COMMON_DATA, N_("Image")),
};

static const WmItemType common_types[] = {
  /* Translators: a noun: an item that is a free text on the canvas */
  WM_NODE (WM_COMMON_TEXT, N_("Text"), N_("Add Text"), N_("Text"), TRUE, 200, 40, text_props),
  WM_NODE (WM_COMMON_BOX, N_("Box"), N_("Add Box"), N_("Label"), TRUE, 160, 100, box_props),
  WM_NODE (WM_COMMON_IMAGE, N_("Image"), N_("Add Image"),
           N_("Description"), TRUE, 160, 120, image_props),
};

const WmItemType *
wm_notation_common_types (guint *n_types)
{
  if (n_types != NULL)
    *n_types = G_N_ELEMENTS (common_types);
  return common_types;
}

gboolean
wm_item_type_is_common (const WmItemType *type)
{
  return type >= common_types && type < common_types + G_N_ELEMENTS (common_types);
}

static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

static guint16
read_be16 (const guint8 *p)
{
  return (guint16) (p[0] << 8 | p[1]);
}

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* A JPEG's size, from its first start-of-frame segment, read before any
 * decoding so that a small file cannot claim a huge image unnoticed. */
static gboolean
sniff_jpeg (const guint8 *data,
            gsize         size,
            guint32      *width,
            guint32      *height)
{
  gsize at = 2;

  if (size < 4 || data[0] != 0xff || data[1] != 0xd8 || data[2] != 0xff)
    return FALSE;
  while (at + 4 <= size)
    {
      guint8 marker;
      guint16 length;

      if (data[at] != 0xff)
        return FALSE;
      marker = data[at + 1];
      if (marker == 0xff)
        {
          at++;    /* fill bytes before a marker */
          continue;
        }
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        {
          at += 2; /* markers without a length */
          continue;
        }
      if (marker == 0xda || marker == 0xd9)
        return FALSE; /* the scan or the end came before any frame */
      length = read_be16 (data + at + 2);
      if (length < 2)
        return FALSE;
      /* Start of frame: all of C0 to CF but DHT (C4), JPG (C8) and DAC (CC). */
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (length < 7 || at + 9 > size)
            return FALSE;
          *height = read_be16 (data + at + 5);
          *width = read_be16 (data + at + 7);
          return TRUE;
        }
      at += 2 + (gsize) length;
    }
  return FALSE;
}

/* An SVG document: XML whose root element is <svg> in the SVG namespace.
 * Parsed without the network, entities or DTDs, like project files. */
static gboolean
sniff_svg (const guint8 *data,
           gsize         size)
{
  xmlDocPtr doc;
  xmlNodePtr root;
  gboolean svg;

  if (size == 0 || size > G_MAXINT || memchr (data, '<', MIN (size, 1024)) == NULL)
    return FALSE;
  doc = xmlReadMemory ((const char *) data, (int) size, NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    return FALSE;
  root = xmlDocGetRootElement (doc);
  svg = root != NULL && xmlStrEqual (root->name, BAD_CAST "svg") && root->ns != NULL &&
        xmlStrEqual (root->ns->href, BAD_CAST "http://www.w3.org/2000/svg");
  xmlFreeDoc (doc);
  return svg;
}

WmImageFormat
wm_image_format_sniff (const guint8 *data,
                       gsize         size,
                       guint32      *width,
                       guint32      *height)
{
  guint32 w = 0, h = 0;
  WmImageFormat format = WM_IMAGE_NONE;

  if (size >= 24 && memcmp (data, png_signature, sizeof png_signature) == 0 &&
      memcmp (data + 12, "IHDR", 4) == 0)
    {
      w = read_be32 (data + 16);
      h = read_be32 (data + 20);
      format = WM_IMAGE_PNG;
    }
  else if (sniff_jpeg (data, size, &w, &h))
    format = WM_IMAGE_JPEG;
  else if (sniff_svg (data, size))
    format = WM_IMAGE_SVG;
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
  return format;
}

static gboolean
check_image_bytes (const guint8 *data,
                   gsize         size,
                   GError      **error)
{
  guint32 width, height;
  WmImageFormat format;

  if (size > WM_LIMIT_IMAGE_BYTES)
    {
      g_autofree char *have = g_format_size (size);
      g_autofree char *most = g_format_size (WM_LIMIT_IMAGE_BYTES);

      g_set_error (error, WM_ERROR, WM_ERROR_INVALID,
                   _("The image takes %s; an image in a project can take at most %s. "
                     "Make it smaller (fewer pixels or colours) and choose it again."),
                   have, most);
      return FALSE;
    }
  format = wm_image_format_sniff (data, size, &width, &height);
  if (format == WM_IMAGE_NONE)
    {
      g_set_error_literal (error, WM_ERROR, WM_ERROR_INVALID,
                           _("The file is not a PNG, JPEG or SVG image, the formats Waymark "
                             "embeds. Convert it to one of them first."));
      return FALSE;
    }
  /* An SVG is drawn as vectors at the size of its item: no pixels to count. */
  if (format != WM_IMAGE_SVG &&
      (width == 0 || height == 0 || width > WM_LIMIT_IMAGE_SIDE || height > WM_LIMIT_IMAGE_SIDE ||
       (guint64) width * height > WM_LIMIT_IMAGE_PIXELS))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID,
                   _("The image is %u × %u pixels; an image in a project can have at most "
                     "%d pixels on a side and %d in all. Scale it down and choose it again."),
                   width, height, WM_LIMIT_IMAGE_SIDE, WM_LIMIT_IMAGE_PIXELS);
      return FALSE;
    }
  return TRUE;
}

gboolean
wm_image_data_check (const char *base64,
                     GError    **error)
{
  gsize n_chars = 0, size = 0;
  g_autofree guint8 *data = NULL;

  g_return_val_if_fail (base64 != NULL, FALSE);

  /* Refuse an image too large before decoding it: four characters make three bytes. */
  for (const char *p = base64; *p != '\0'; p++)
    if (!g_ascii_isspace (*p) && *p != '=')
      n_chars++;
  if (n_chars / 4 * 3 > WM_LIMIT_IMAGE_BYTES)
    return check_image_bytes (NULL, n_chars / 4 * 3, error);
  data = g_base64_decode (base64, &size);
  return check_image_bytes (data, size, error);
}

char *
wm_image_data_encode (const guint8 *data,
                      gsize         size,
                      GError      **error)
{
  char *out;
  gint state = 0, save = 0;
  gsize len;

  g_return_val_if_fail (data != NULL || size == 0, NULL);

  if (!check_image_bytes (data, size, error))
    return NULL;
  /* Lines of 76 characters, so that the file stays readable and the value is
   * written as a child element (a long attribute on one line is not). */
  out = g_malloc ((size / 3 + 1) * 4 * 77 / 76 + 8);
  len = g_base64_encode_step (data, size, TRUE, out, &state, &save);
  len += g_base64_encode_close (TRUE, out + len, &state, &save);
  /* Drop the closing line break: a value does not end in one. */
  while (len > 0 && out[len - 1] == '\n')
    len--;
  out[len] = '\0';
  return out;
}
