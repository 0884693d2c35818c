/* wm-notation.h — the four diagram kinds: their types, fields and rules
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-figure.h"
#include "wm-value.h"

G_BEGIN_DECLS

/* Property, field and list names
 *
 * Code names an item's property, a diagram's field or a diagram's list by a
 * constant, never by a string literal, so that a misspelt name fails to
 * compile instead of raising the critical an unknown name raises at run time.
 * The constant is the name in the file format, and the notations' tables use
 * it too, so that each name is spelt once.
 *
 * A notation declares its names in its public header as WM_<NOTATION>_<NAME>,
 * NAME being the name in capitals with '_' for '-': WM_BMC_BLOCK (wm-bmc.h),
 * WM_JOURNEY_STAGE (wm-journey.h), WM_UC_STEREOTYPE (wm-use-case.h),
 * WM_VPC_SEVERITY (wm-vpc.h), WM_VSM_CYCLE_TIME (wm-vsm.h).
 *
 * The names below mean the same in every notation that has them, and code
 * that serves every notation reads them. They are WM_FIELD_<NAME>, for items'
 * properties and diagrams' fields alike, so as not to be taken for the
 * WmPropType values WM_PROP_*. */
#define WM_FIELD_LINKS  "links"   /* REFS: the items an item links to */
#define WM_FIELD_COLOR  "color"   /* COLOR: a note's or a card's fill, "#rrggbb" */
#define WM_FIELD_PINNED "pinned"  /* BOOLEAN: a board's note placed by hand, out of the flow */
/* ENUM, links of the notations whose painters route them straight: how the line runs
 * between its ends, WM_ROUTING_STRAIGHT (the default) or WM_ROUTING_ORTHOGONAL. */
#define WM_FIELD_ROUTING "routing"
#define WM_ROUTING_STRAIGHT   "straight"    /* straight through the waypoints */
#define WM_ROUTING_ORTHOGONAL "orthogonal"  /* horizontal and vertical segments only */
/* NUMBER, diagram fields: a board's canvas size in document units. */
#define WM_FIELD_WIDTH  "width"
#define WM_FIELD_HEIGHT "height"

/* A node or link type. Static data owned by its notation. */
struct _WmItemType
{
  const char       *id;          /* file-format name: "use-case", "push" */
  const char       *label;       /* translatable, marked with N_() */
  /* translatable, the undo label for adding one: "Add Actor" */
  const char       *add_label;
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
/* Every type an item of @notation may have: its own node types, then the
 * types every notation offers (text, box, image: wm-notation-common.h), then
 * its own link types. Code that lists types (the palette, the contract tests)
 * goes through these rather than through node_types and link_types. */
guint                    wm_notation_get_n_item_types (const WmNotation *notation);
const WmItemType        *wm_notation_get_item_type    (const WmNotation *notation,
                                                       guint             index);
gboolean                 wm_notation_link_allowed (const WmNotation *notation,
                                                   const WmItemType *link_type,
                                                   const WmItemType *source_type,
                                                   const WmItemType *target_type);
/* The link types (const WmItemType *) that may join @source_type to @target_type. */
GPtrArray               *wm_notation_allowed_links (const WmNotation *notation,
                                                    const WmItemType *source_type,
                                                    const WmItemType *target_type);

/* Some pair of node types a link of type @link may join (the first in the
 * order of the notation's node types); FALSE when there is none. */
gboolean                 wm_notation_find_link_ends (const WmNotation  *notation,
                                                     const WmItemType  *link,
                                                     const WmItemType **source,
                                                     const WmItemType **target);

/* @diagram's figures through its notation's metrics hook; NULL when it has none. */
GArray                  *wm_notation_compute_metrics (WmDiagram  *diagram);

/* Whether a colour ("#rrggbb") is a colour legend entry's (id "rrggbb"),
 * ignoring case and the hash. */
gboolean                 wm_legend_color_matches (const char       *color,
                                                  const char       *entry_id);

int                      wm_item_type_find_prop  (const WmItemType *type,
                                                  const char       *name);
int                      wm_notation_find_prop   (const WmNotation *notation,
                                                  const char       *name);

G_END_DECLS
