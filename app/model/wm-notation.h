/* wm-notation.h — the four diagram kinds: their types, fields and rules
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-figure.h"
#include "wm-value.h"

G_BEGIN_DECLS

/* A node or link type. Static data owned by its notation. */
struct _WmItemType
{
  const char       *id;          /* file-format name: "use-case", "push" */
  const char       *label;       /* translatable, marked with N_() */
  WmItemKind        kind;
  const char       *text_label;  /* what the item's text means: "Name", "Label"... */
  gboolean          multiline;   /* TRUE when the text may span several lines */
  gboolean          container;   /* nodes: may hold other nodes (a UML subject) */
  double            width;       /* nodes: default size in document units */
  double            height;
  const WmPropSpec *props;
  guint             n_props;
};

/* What a list's entries are, which tells editors how to show them. */
typedef enum
{
  WM_LIST_ROLE_PLAIN,         /* labelled entries: a journey's stages or lanes */
  WM_LIST_ROLE_COLOR_LEGEND,  /* entries whose ids are colours ("ffd966") and
                                 whose labels say what the colour means */
} WmListRole;

/* An ordered list a diagram keeps, such as a journey map's stages. */
typedef struct
{
  const char     *name;       /* file-format name: "stages" */
  const char     *label;      /* translatable */
  const WmChoice *defaults;   /* the entries a new diagram starts with */
  WmListRole      role;
} WmListSpec;

/* A link of type @link may run from @source to @target; "*" matches any node type. */
typedef struct
{
  const char *link;
  const char *source;
  const char *target;
} WmLinkRule;

struct _WmNotation
{
  const char       *id;           /* "business-model-canvas", "use-case"... */
  const char       *label;        /* translatable */
  /* translatable, with the capitals of a menu item: "Use-Case Diagram" */
  const char       *menu_label;
  const char       *icon_name;    /* a symbolic icon for the kind, in menus and the sidebar */
  const char       *id_prefix;    /* short prefix for generated ids */
  const WmPropSpec *props;        /* diagram-level fields */
  guint             n_props;
  const WmListSpec *lists;
  guint             n_lists;
  const WmItemType *node_types;
  guint             n_node_types;
  const WmItemType *link_types;
  guint             n_link_types;
  const WmLinkRule *rules;
  guint             n_rules;
  /* Adds this notation's own problems to @problems (a GPtrArray of WmProblem). */
  void            (*check)        (WmDiagram *diagram,
                                   GPtrArray *problems);
  /* The notation's figures for @diagram (a GArray of WmMetric, see
   * wm_metrics_new): first the diagram's, then any about single items.
   * NULL when the notation computes none. */
  GArray         *(*metrics)      (WmDiagram *diagram);
  /* Set when the notation files sticky notes in fixed areas (see wm-board.h). */
  const WmBoard    *board;
};

const WmNotation *const *wm_notations_get_all (guint *n_notations);
const WmNotation        *wm_notation_lookup     (const char       *id);
const WmItemType        *wm_notation_lookup_type (const WmNotation *notation,
                                                  const char       *type_id);
gboolean                 wm_notation_link_allowed (const WmNotation *notation,
                                                   const WmItemType *link_type,
                                                   const WmItemType *source_type,
                                                   const WmItemType *target_type);
/* The link types (const WmItemType *) that may join @source_type to @target_type. */
GPtrArray               *wm_notation_allowed_links (const WmNotation *notation,
                                                    const WmItemType *source_type,
                                                    const WmItemType *target_type);

/* @diagram's figures through its notation's metrics hook; NULL when it has none. */
GArray                  *wm_notation_compute_metrics (WmDiagram  *diagram);

int                      wm_item_type_find_prop  (const WmItemType *type,
                                                  const char       *name);
int                      wm_notation_find_prop   (const WmNotation *notation,
                                                  const char       *name);

G_END_DECLS
