/* wm-canvas-private.h — the canvas's state, shared by its .c files and the tests
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-canvas.h"

G_BEGIN_DECLS

/* The document grid that "snap" and the dotted grid use, in document units. */
#define WM_CANVAS_GRID 10.0

typedef enum
{
  WM_CANVAS_DRAG_NONE,
  WM_CANVAS_DRAG_PENDING,     /* pressed, not yet past the drag threshold */
  WM_CANVAS_DRAG_MOVE,        /* moving the selection */
  WM_CANVAS_DRAG_BAND,        /* rubber-band selection */
  WM_CANVAS_DRAG_PAN,         /* space + drag or the middle button */
} WmCanvasDragMode;

typedef struct
{
  WmCanvasDragMode mode;
  gboolean         extend;       /* Shift was held: the band adds to the selection */
  double           start_x;      /* where the drag began, in widget pixels */
  double           start_y;
  double           offset_x;     /* the pointer's offset from the start, in widget pixels */
  double           offset_y;
  double           anchor_x;     /* moves: the grabbed item's corner when the drag began */
  double           anchor_y;
  double           applied_x;    /* moves: how far the model has moved the selection */
  double           applied_y;
  GStrv            ids;          /* moves: the ids being moved */
} WmCanvasDrag;

struct _WmCanvas
{
  GtkWidget      parent_instance;

  WmDiagram     *diagram;
  GSignalGroup  *diagram_signals;
  WmViewport    *viewport;
  GHashTable    *selection;       /* item ids (char *, owned) */
  GStrv          selection_ids;   /* the same in z-order, made when needed */

  /* GtkScrollable */
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  gulong         hadjustment_id;
  gulong         vadjustment_id;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;
  gboolean       syncing;         /* the canvas itself is configuring the adjustments */

  /* The area painting the diagram covers. Between full recomputations it
   * only grows (by the dirty rectangles of edits), so it is never too small. */
  WmRect         extent;
  gboolean       extent_valid;
  guint          extent_idle_id;
  gboolean       fit_pending;     /* show the whole diagram at the first allocation */

  gboolean       snap;
  gboolean       show_grid;

  /* Input */
  double         pointer_x;
  double         pointer_y;
  gboolean       space_held;
  char          *pending_id;      /* a click on a selected item selects it alone on release */
  WmCanvasDrag   drag;
  double         pan_x;           /* the middle-button drag's last offset */
  double         pan_y;
  double         pinch_zoom;
  double         pinch_doc_x;
  double         pinch_doc_y;
};

/* wm-canvas.c */
void     _wm_canvas_set_selection   (WmCanvas   *self,
                                     GHashTable *ids);
void     _wm_canvas_toggle_selected (WmCanvas   *self,
                                     const char *id);
void     _wm_canvas_clear_selection (WmCanvas   *self);
/* The selection in z-order, owned by the canvas until the selection or
 * the diagram changes. */
const char *const *_wm_canvas_get_selection_ids (WmCanvas *self);
gboolean _wm_canvas_is_selected     (WmCanvas   *self,
                                     const char *id);
void     _wm_canvas_ensure_extent   (WmCanvas   *self);
void     _wm_canvas_sync_adjustments (WmCanvas  *self);
void     _wm_canvas_scroll_by       (WmCanvas   *self,
                                     double      dx,
                                     double      dy);
void     _wm_canvas_drag_done       (WmCanvas   *self);
/* Paints what the widget shows (background, paper, grid, diagram, band)
 * in widget pixels; snapshot() and the tests come through here. */
void     _wm_canvas_paint           (WmCanvas   *self,
                                     cairo_t    *cr);

/* wm-canvas-input.c */
void     _wm_canvas_init_input      (WmCanvas      *self);
void     _wm_canvas_class_init_actions (GtkWidgetClass *widget_class);
void     _wm_canvas_update_actions  (WmCanvas   *self);
/* The topmost item at document point (x, y), or NULL. */
WmItem  *_wm_canvas_hit             (WmCanvas   *self,
                                     double      x,
                                     double      y);

/* Test entry points: the code paths the gestures run, without events. */
void     _wm_canvas_test_click      (WmCanvas       *self,
                                     double          x,
                                     double          y,
                                     GdkModifierType state);
void     _wm_canvas_test_drag       (WmCanvas       *self,
                                     double          x,
                                     double          y,
                                     double          dx,
                                     double          dy,
                                     GdkModifierType state);
void     _wm_canvas_test_scroll     (WmCanvas       *self,
                                     double          x,
                                     double          y,
                                     double          dx,
                                     double          dy,
                                     GdkModifierType state);

G_END_DECLS
