/* wm-notation-private.h — shorthands for declaring notation tables
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n-lib.h>

#include "wm-notation.h"
#include "wm-notation-modules.h"

G_BEGIN_DECLS

#define WM_P_STRING(n, l)          { .name = n, .label = l, .type = WM_PROP_STRING }
#define WM_P_TEXT(n, l)            { .name = n, .label = l, .type = WM_PROP_TEXT }
#define WM_P_NUMBER(n, l, u, lo, hi, def) \
  { .name = n, .label = l, .type = WM_PROP_NUMBER, .unit = u, .min = lo, .max = hi, \
    .has_range = TRUE, .default_value = def }
#define WM_P_INTEGER(n, l, u, lo, hi, def) \
  { .name = n, .label = l, .type = WM_PROP_INTEGER, .unit = u, .min = lo, .max = hi, \
    .has_range = TRUE, .default_value = def }
#define WM_P_BOOLEAN(n, l, def)    { .name = n, .label = l, .type = WM_PROP_BOOLEAN, .default_value = def }
#define WM_P_COLOR(n, l, def)      { .name = n, .label = l, .type = WM_PROP_COLOR, .default_value = def }
#define WM_P_ENUM(n, l, c, def)    { .name = n, .label = l, .type = WM_PROP_ENUM, .choices = c, .default_value = def }
#define WM_P_SLOT(n, l, lst)       { .name = n, .label = l, .type = WM_PROP_SLOT, .list = lst }
#define WM_P_STRV(n, l)            { .name = n, .label = l, .type = WM_PROP_STRING_LIST }
#define WM_P_REFS(n, l)            { .name = n, .label = l, .type = WM_PROP_REFS }

#define WM_P_LINKS WM_P_REFS (WM_FIELD_LINKS, N_("Linked items"))
/* How a link runs between its ends (WM_FIELD_ROUTING), for the link types whose
 * painter routes them straight; not for those a painter routes its own way. */
static const WmChoice wm_routing_choices[] = {
  { WM_ROUTING_STRAIGHT, N_("Straight") },
  { WM_ROUTING_ORTHOGONAL, N_("Orthogonal") },
  { NULL, NULL }
};
#define WM_P_ROUTING WM_P_ENUM (WM_FIELD_ROUTING, N_("Routing"), wm_routing_choices, \
                                WM_ROUTING_STRAIGHT)
/* Texts and lists that the presentation's appendix of details shows, at @rank. */
#define WM_P_TEXT_DETAIL(n, l, rank) \
  { .name = n, .label = l, .type = WM_PROP_TEXT, .detail = rank }
#define WM_P_STRV_DETAIL(n, l, rank) \
  { .name = n, .label = l, .type = WM_PROP_STRING_LIST, .detail = rank }

/* @al is the whole undo label for adding one, "Add Actor": a sentence of its own
 * rather than "Add %s", so that a translator can inflect the type's name. */
#define WM_NODE(i, l, al, tl, ml, w, h, p) \
  { .id = i, .label = l, .add_label = al, .kind = WM_ITEM_NODE, .text_label = tl, \
    .multiline = ml, .width = w, .height = h, .props = p, .n_props = G_N_ELEMENTS (p) }
#define WM_CONTAINER(i, l, al, tl, w, h, p) \
  { .id = i, .label = l, .add_label = al, .kind = WM_ITEM_NODE, .text_label = tl, \
    .container = TRUE, .width = w, .height = h, .props = p, .n_props = G_N_ELEMENTS (p) }
#define WM_NODE_PLAIN(i, l, al, tl, w, h) \
  { .id = i, .label = l, .add_label = al, .kind = WM_ITEM_NODE, .text_label = tl, \
    .width = w, .height = h }
#define WM_LINK(i, l, al, p) \
  { .id = i, .label = l, .add_label = al, .kind = WM_ITEM_LINK, .text_label = N_("Label"), \
    .props = p, .n_props = G_N_ELEMENTS (p) }
#define WM_LINK_PLAIN(i, l, al) \
  { .id = i, .label = l, .add_label = al, .kind = WM_ITEM_LINK, .text_label = N_("Label") }

#define WM_NOTATION_TABLES(np, nodes, links, rules) \
  .props = np, .n_props = G_N_ELEMENTS (np), \
  .node_types = nodes, .n_node_types = G_N_ELEMENTS (nodes), \
  .link_types = links, .n_link_types = G_N_ELEMENTS (links), \
  .rules = rules, .n_rules = G_N_ELEMENTS (rules)

/* Each module of wm-notations.list defines _wm_notation_<c_name>. */
#define WM_NOTATION_DECLARE(c_name) extern const WmNotation _wm_notation_##c_name;
WM_NOTATION_MODULES (WM_NOTATION_DECLARE)
#undef WM_NOTATION_DECLARE

G_END_DECLS
