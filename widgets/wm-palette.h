/* wm-palette.h — the tools of a diagram's notation, for the canvas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-canvas.h"

G_BEGIN_DECLS

#define WM_TYPE_PALETTE (wm_palette_get_type ())
G_DECLARE_FINAL_TYPE (WmPalette, wm_palette, WM, PALETTE, GtkWidget)

GtkWidget *wm_palette_new        (void);

WmCanvas  *wm_palette_get_canvas (WmPalette *self);
/* Follows @canvas: one button per type of its diagram's notation, the
 * active one being the canvas's tool. */
void       wm_palette_set_canvas (WmPalette *self,
                                  WmCanvas  *canvas);

/* The button of the tool for @type_id (NULL: the select tool), or NULL. */
GtkWidget *wm_palette_get_button (WmPalette  *self,
                                  const char *type_id);

G_END_DECLS
