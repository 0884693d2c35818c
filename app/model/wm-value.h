/* wm-value.h — typed property specs and the values they describe
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-types.h"

G_BEGIN_DECLS

typedef enum
{
  WM_PROP_STRING,       /* one line of text */
  WM_PROP_TEXT,         /* multi-line text */
  WM_PROP_NUMBER,       /* a double, with an optional unit */
  WM_PROP_INTEGER,
  WM_PROP_BOOLEAN,
  WM_PROP_COLOR,        /* "#rrggbb" */
  WM_PROP_ENUM,         /* one of spec->choices */
  WM_PROP_SLOT,         /* the id of an entry of a diagram list (spec->list) */
  WM_PROP_STRING_LIST,  /* an ordered list of one-line strings */
  WM_PROP_REFS,         /* ids of items anywhere in the project, possibly in other diagrams */
  WM_PROP_IMAGE,        /* a PNG image as base64 text (see wm-notation-common.h) */
} WmPropType;

typedef struct
{
  const char *id;     /* the file-format name */
  const char *label;  /* translatable, marked with N_() */
} WmChoice;

/* A property spec is static data declared by a notation; it drives the file
 * format, the inspector, validation and undo alike. */
struct _WmPropSpec
{
  const char     *name;       /* file-format name, lower-case with dashes */
  const char     *label;      /* translatable, marked with N_() */
  WmPropType      type;
  const char     *unit;       /* for numbers: "s", "%", "days"... or NULL */
  double          min;        /* for numbers and integers, when has_range */
  double          max;
  gboolean        has_range;
  const char     *default_value; /* in file syntax, or NULL for the type's zero */
  const WmChoice *choices;    /* WM_PROP_ENUM: terminated by { NULL, NULL } */
  const char     *list;       /* WM_PROP_SLOT: the diagram list it points into */
  const char     *hint;       /* translatable help text for the inspector, or NULL */
  /* Where the property stands among the item's details in the appendix of
   * the presentation, 1 first; 0 when it is not one. The first (a summary,
   * such as a one-line description) does not make a section on its own. */
  guint           detail;
  /* Values an editor may offer for this property of @item (for a STRING,
   * say), as a newly allocated NULL-terminated array, or NULL when there are
   * none to offer. Other values stay valid. */
  char         **(*suggest)   (WmDiagram    *diagram,
                               const WmItem *item);
};

typedef struct
{
  gboolean set;  /* FALSE: the spec's default applies and nothing is written */
  union
  {
    double   number;
    gint64   integer;
    gboolean boolean;
    guint    choice;
    char    *string;  /* STRING, TEXT, COLOR, SLOT */
    char   **strv;    /* STRING_LIST, REFS */
  } v;
} WmValue;

const char *wm_prop_type_to_string (WmPropType type);

void        wm_value_clear      (const WmPropSpec *spec,
                                 WmValue          *value);
void        wm_value_copy       (const WmPropSpec *spec,
                                 const WmValue    *src,
                                 WmValue          *dest);
gboolean    wm_value_equal      (const WmPropSpec *spec,
                                 const WmValue    *a,
                                 const WmValue    *b);
gboolean    wm_value_parse      (const WmPropSpec *spec,
                                 const char       *text,
                                 WmValue          *value,
                                 GError          **error);
char       *wm_value_to_string  (const WmPropSpec *spec,
                                 const WmValue    *value);

double      wm_value_get_number (const WmPropSpec *spec,
                                 const WmValue    *value);

/* Writes @number in the C locale with the fewest digits that read back to the
 * same double ("12", "0.25", "3.3333333333333335"). */
void        wm_format_number    (GString          *out,
                                 double            number);
gboolean    wm_parse_number     (const char       *text,
                                 double           *number);
gboolean    wm_color_is_valid   (const char       *text);

G_END_DECLS
