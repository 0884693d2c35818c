/* wm-notation-common.h — the items every notation offers: text, box, image
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-types.h"

G_BEGIN_DECLS

/* The common node types' ids. No notation may use them for a type of its own
 * (the model's tests check it). */
#define WM_COMMON_TEXT  "text"
#define WM_COMMON_BOX   "box"
#define WM_COMMON_IMAGE "image"

/* Their properties. */
#define WM_COMMON_TEXT_COLOR "text-color"  /* COLOR: a text's or a box's label colour */
#define WM_COMMON_FONT_SIZE  "font-size"   /* NUMBER: a text's size in document units */
#define WM_COMMON_FILL       "fill"        /* COLOR: a box's fill */
#define WM_COMMON_BORDER     "border"      /* COLOR: a box's outline */
#define WM_COMMON_ROUNDED    "rounded"     /* BOOLEAN: a box's rounded corners */
#define WM_COMMON_DATA       "data"        /* IMAGE: a PNG, JPEG or SVG file as base64 */

/* The common node types, in palette order. */
const WmItemType *wm_notation_common_types   (guint        *n_types);
gboolean          wm_item_type_is_common     (const WmItemType *type);

typedef enum
{
  WM_IMAGE_NONE,
  WM_IMAGE_PNG,
  WM_IMAGE_JPEG,
  WM_IMAGE_SVG,
} WmImageFormat;

/* The format of the image in @data, from its first bytes (PNG, JPEG) or its
 * root element (SVG), and its size in pixels (0 × 0 for SVG, unknown). */
WmImageFormat     wm_image_format_sniff      (const guint8 *data,
                                              gsize         size,
                                              guint32      *width,
                                              guint32      *height);
/* TRUE when @base64 (whitespace allowed) holds a PNG, JPEG or SVG image of
 * at most WM_LIMIT_IMAGE_BYTES (and, for PNG and JPEG, WM_LIMIT_IMAGE_SIDE
 * and WM_LIMIT_IMAGE_PIXELS); else sets @error (WM_ERROR_INVALID). */
gboolean          wm_image_data_check        (const char   *base64,
                                              GError      **error);
/* @data as the text of an image property (base64 in lines of 76 characters),
 * or NULL with @error set when it is no image of those formats or too large. */
char             *wm_image_data_encode       (const guint8 *data,
                                              gsize         size,
                                              GError      **error);

G_END_DECLS
