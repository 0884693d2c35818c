/* wm-types.h — forward declarations and small value types shared by the model
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _WmProject      WmProject;
typedef struct _WmDiagram      WmDiagram;
typedef struct _WmItem         WmItem;
typedef struct _WmItemType     WmItemType;
typedef struct _WmNotation     WmNotation;
typedef struct _WmPropSpec     WmPropSpec;
typedef struct _WmProblem      WmProblem;
typedef struct _WmHistory      WmHistory;
typedef struct _WmListEntry    WmListEntry;
typedef struct _WmBoard        WmBoard;

/* The file format version this build writes and the newest it reads. */
#define WM_FORMAT_VERSION 1

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} WmRect;

typedef struct
{
  double x;
  double y;
} WmPoint;

typedef enum
{
  WM_ITEM_NODE,
  WM_ITEM_LINK,
} WmItemKind;

gboolean wm_rect_intersects (const WmRect *a,
                             const WmRect *b);
gboolean wm_rect_contains   (const WmRect *rect,
                             double        x,
                             double        y);
void     wm_rect_union      (const WmRect *a,
                             const WmRect *b,
                             WmRect       *dest);
gboolean wm_rect_is_empty   (const WmRect *rect);

/* TRUE when @text is NULL or holds only white space. */
gboolean wm_str_is_blank    (const char   *text);

G_END_DECLS
