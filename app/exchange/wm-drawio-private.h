/* wm-drawio-private.h — what the draw.io exporter and importer share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-drawio.h"

G_BEGIN_DECLS

/* The attributes Waymark adds to the <object> of a cell. draw.io keeps an
 * object's attributes (they are its "data") and shows them in Edit Data. */
#define WM_DRAWIO_TYPE      "waymark-type"      /* an item's type id */
#define WM_DRAWIO_NOTATION  "waymark-notation"  /* on a page's root cell and its <diagram> */
#define WM_DRAWIO_AREA      "waymark-area"      /* a board's block or area, by id */
#define WM_DRAWIO_STAGE     "waymark-stage"     /* a journey's stage header or cell */
#define WM_DRAWIO_LANE      "waymark-lane"      /* a journey's lane label or cell */
#define WM_DRAWIO_DECOR     "waymark-decoration"/* drawn for the reader, no item */
#define WM_DRAWIO_LIST      "waymark-list-"     /* + a list's name: "id<TAB>label" lines */

/* A node or link type's look in draw.io: its style, and the shape name that
 * the importer takes for it (the style's "shape" value or its first name,
 * "ellipse", "umlActor"). */
typedef struct
{
  const char *notation;  /* a notation id, NULL for the common types */
  const char *type;
  const char *shape;     /* NULL: the importer never guesses this type from a shape */
  const char *style;
} WmDrawioStyle;

/* The table, ending in a NULL type. */
const WmDrawioStyle *_wm_drawio_styles (void);

/* The entry for @type of @notation_id (or of the common types), or NULL. */
const WmDrawioStyle *_wm_drawio_style_for (const char *notation_id,
                                           const char *type_id);

/* The value of @key in the draw.io style @style ("a=1;b=2;name"), or NULL. */
char *_wm_drawio_style_get (const char *style,
                            const char *key);

G_END_DECLS
