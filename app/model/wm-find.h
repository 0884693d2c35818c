/* wm-find.h — finding items by their text, case and accents ignored
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wm-types.h"

G_BEGIN_DECLS

/* Folds case and accents away, so that "cafe" finds "Café". */
char       *wm_find_fold             (const char *text);
/* Whether @text contains @folded, a query that wm_find_fold() gave. */
gboolean    wm_find_match            (const char *folded,
                                      const char *text);

/* One item found: its diagram, id, text and type as they were when found. */
#define WM_TYPE_FIND_HIT (wm_find_hit_get_type ())
G_DECLARE_FINAL_TYPE (WmFindHit, wm_find_hit, WM, FIND_HIT, GObject)

WmDiagram        *wm_find_hit_get_diagram   (WmFindHit *self);
const char       *wm_find_hit_get_item_id   (WmFindHit *self);
const char       *wm_find_hit_get_text      (WmFindHit *self);
const WmItemType *wm_find_hit_get_item_type (WmFindHit *self);

/* Appends to @hits a WmFindHit for each item of @diagram whose text contains
 * @query (case and accents ignored), in the diagram's order, and returns how
 * many; an empty @query finds nothing. */
guint       wm_find_in_diagram       (WmDiagram  *diagram,
                                      const char *query,
                                      GListStore *hits);
/* The same over every diagram of @project, in the project's order. */
guint       wm_find_in_project       (WmProject  *project,
                                      const char *query,
                                      GListStore *hits);

G_END_DECLS
