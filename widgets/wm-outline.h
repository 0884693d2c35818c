/* wm-outline.h — the items of the canvas's diagram as a tree, for keyboards and screen readers
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wm-canvas.h"

G_BEGIN_DECLS

#define WM_TYPE_OUTLINE (wm_outline_get_type ())
G_DECLARE_FINAL_TYPE (WmOutline, wm_outline, WM, OUTLINE, AdwBin)

GtkWidget  *wm_outline_new            (void);

/* Shows the items of @canvas's diagram and follows it: the diagram it
 * shows, its edits and its selection, both ways (a row selected selects
 * and reveals its item on the canvas). While the outline is not mapped it
 * does nothing but remember that it is behind; it catches up when it is
 * shown. Also the "canvas" property. */
void        wm_outline_set_canvas     (WmOutline  *self,
                                       WmCanvas   *canvas);
WmCanvas   *wm_outline_get_canvas     (WmOutline  *self);
/* Shows only the items whose name contains @text (case and accents
 * ignored), as a flat list; NULL or "" shows the tree again. The search
 * entry does this as the analyst types. */
void        wm_outline_set_search     (WmOutline  *self,
                                       const char *text);
/* Makes the tree again now instead of on the pending idle (for tests and
 * the window, shown or not). */
void        wm_outline_refresh        (WmOutline  *self);
/* How many times the outline has made its tree (for tests). */
guint       wm_outline_get_n_builds   (WmOutline  *self);
/* How many rows the outline has made and holds: those in view, and those
 * the tree or a search asked for (for tests). */
guint       wm_outline_get_n_rows     (WmOutline  *self);
/* Puts the keyboard focus on the selected row, else on the first. */
void        wm_outline_focus          (WmOutline  *self);

G_END_DECLS
