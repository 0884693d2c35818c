/* wm-canvas-private.h — the canvas's state, shared by its .c files and the tests
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-canvas.h"
#include "wm-notation-modules.h"

G_BEGIN_DECLS

/* The "grid-size" a canvas starts with, in document units. */
#define WM_CANVAS_DEFAULT_GRID 10.0

typedef enum
{
  WM_CANVAS_DRAG_NONE,
  WM_CANVAS_DRAG_PENDING,     /* pressed, not yet past the drag threshold */
  WM_CANVAS_DRAG_MOVE,        /* moving the selection */
  WM_CANVAS_DRAG_BAND,        /* rubber-band selection */
  WM_CANVAS_DRAG_PAN,         /* space + drag or the middle button */
  WM_CANVAS_DRAG_CONNECT,     /* a rubber line from a node: a new link */
  WM_CANVAS_DRAG_RESIZE,      /* a resize handle of the one selected node */
  WM_CANVAS_DRAG_BEND,        /* a new bend point, pulled from the middle of a link's segment */
  WM_CANVAS_DRAG_CUSTOM,      /* the notation's behaviour owns the drag */
} WmCanvasDragMode;

/* The resize handles: which edges a handle moves. */
typedef enum
{
  WM_CANVAS_EDGE_LEFT   = 1 << 0,
  WM_CANVAS_EDGE_RIGHT  = 1 << 1,
  WM_CANVAS_EDGE_TOP    = 1 << 2,
  WM_CANVAS_EDGE_BOTTOM = 1 << 3,
} WmCanvasEdges;

/* Where a press lands on the one selected node's decorations. */
typedef enum
{
  WM_CANVAS_HANDLE_NONE,
  WM_CANVAS_HANDLE_RESIZE,
  WM_CANVAS_HANDLE_CONNECT,
} WmCanvasHandle;

/* The clipboard format of copied items: a project file of one diagram. */
#define WM_CANVAS_ITEMS_MIME_TYPE "application/x-waymark-items"

/* The smallest width or height a resize leaves, in document units. */
#define WM_CANVAS_MIN_SIZE 10.0

/* How near, in widget pixels, a line of the moving selection must come to
 * the same line of another node for the move to align them. */
#define WM_CANVAS_GUIDE_TOLERANCE 6.0

/* At most a left, centre and right and a top, middle and bottom guide. */
#define WM_CANVAS_MAX_GUIDES 6

/* An alignment guide, in document units: a line of the moving selection's
 * box that coincides with the same line of other nodes, spanning them all. */
typedef struct
{
  gboolean vertical;             /* a line x = pos, or else y = pos */
  double   pos;
  double   from;                 /* where it starts and ends along the line */
  double   to;
} WmCanvasGuide;

typedef struct
{
  WmCanvasDragMode mode;
  gboolean         extend;       /* Shift was held: the band adds to the selection */
  gboolean         connect;      /* Alt was held: a drag from a node connects it */
  double           start_x;      /* where the drag began, in widget pixels */
  double           start_y;
  double           offset_x;     /* the pointer's offset from the start, in widget pixels */
  double           offset_y;
  double           anchor_x;     /* moves: the grabbed item's corner when the drag began */
  double           anchor_y;
  double           applied_x;    /* moves: how far the model has moved the selection */
  double           applied_y;
  GStrv            ids;          /* moves: the ids being moved */
  WmRect           box;          /* moves: the moved nodes' bounds when the drag began */
  gboolean         has_box;      /* moves: whether any node moves, so guides can align it */
  WmCanvasGuide    guides[WM_CANVAS_MAX_GUIDES]; /* moves: the guides to draw */
  guint            n_guides;
  char            *source_id;    /* connects and resizes: the node dragged from; bends: the link */
  const WmItemType *link_type;   /* connects: the tool's link type, or NULL to offer */
  WmCanvasEdges    edges;        /* resizes: the edges the handle moves */
  WmRect           original;     /* resizes: the node's bounds when the drag began */
  guint            bend;         /* bends: the new point's index among the link's points */
} WmCanvasDrag;

/* Called when an in-place edit is committed with a changed text. @id is
 * what _wm_canvas_begin_edit_text() was given (may be NULL). */
typedef void (*WmCanvasCommit) (WmCanvas   *self,
                                const char *id,
                                const char *text,
                                gpointer    data);

/* What a notation's editor adds to the generic canvas: where a note belongs
 * once dropped, what a double-click in empty space creates, handles of its
 * own. Every member may be NULL. Points are in document units; @item is the
 * topmost item at the point, or NULL. The behaviour keeps its state in
 * self->behavior_data and frees it in detach(). */
typedef struct
{
  const char *notation_id;
  /* Installs the behaviour's actions ("canvas.…") on the canvas class. */
  void     (*class_init)    (GtkWidgetClass *widget_class);
  /* The canvas shows another diagram or goes away: free behavior_data. */
  void     (*detach)        (WmCanvas       *self);
  /* The diagram changed (after the canvas's own bookkeeping). */
  void     (*changed)       (WmCanvas       *self,
                             const WmDelta  *delta);
  /* A press with the select tool, not on a handle: TRUE when the behaviour
   * took it (the selection is then left alone). */
  gboolean (*press)         (WmCanvas       *self,
                             WmItem         *item,
                             double          x,
                             double          y);
  /* A double-click with the select tool: TRUE when handled; otherwise an
   * item's text is edited in place. */
  gboolean (*activate)      (WmCanvas       *self,
                             WmItem         *item,
                             double          x,
                             double          y);
  /* A drag past the threshold with the select tool, not from a handle:
   * TRUE to own it (then drag_update and drag_end follow, with the
   * pointer's document position). */
  gboolean (*drag_begin)    (WmCanvas       *self,
                             WmItem         *item,
                             double          x,
                             double          y);
  void     (*drag_update)   (WmCanvas       *self,
                             double          x,
                             double          y);
  void     (*drag_end)      (WmCanvas       *self,
                             double          x,
                             double          y,
                             gboolean        cancelled);
  /* The canvas's own move drag of @ids ended, or a resize of one node.
   * Edits made here belong in
   * wm_project_begin_joined_group() so one undo reverts the drag and them. */
  void     (*moved)         (WmCanvas       *self,
                             const char *const *ids);
  /* A node was just created by a tool, the palette or a paste; edits made
   * here join its undo step the same way. */
  void     (*created)       (WmCanvas       *self,
                             WmItem         *item);
  /* Paints over the diagram, in widget pixels (handles, drop targets). */
  void     (*paint)         (WmCanvas       *self,
                             cairo_t        *cr);
  /* TRUE when paint() shows @node's selection itself: the canvas then
   * draws no outline and no handles around it. */
  gboolean (*paints_selection) (WmCanvas     *self,
                                const WmItem *node);
  /* The context menu at a point: append sections to @menu. */
  void     (*populate_menu) (WmCanvas       *self,
                             GMenu          *menu,
                             double          x,
                             double          y);
  /* Where a node of @type created from the keyboard goes, for a notation
   * that lays its nodes out: the place of @selected (or NULL) when it
   * takes @type, else the first that does. TRUE with that place in
   * @rect; FALSE to place the node freely. */
  gboolean (*place_new)     (WmCanvas         *self,
                             const WmItem     *selected,
                             const WmItemType *type,
                             WmRect           *rect);
} WmCanvasBehavior;

/* Each module of wm-notations.list with a canvas behaviour of its own
 * defines _wm_canvas_behavior_<c_name>. */
#define WM_BEHAVIOR_DECLARE(c_name) extern const WmCanvasBehavior _wm_canvas_behavior_##c_name;
WM_CANVAS_BEHAVIOR_MODULES (WM_BEHAVIOR_DECLARE)
#undef WM_BEHAVIOR_DECLARE

/* The behaviour of a notation that is a board (wm-board.h) and has none of
 * its own: its notes' drag, flow, creation and context menu. */
extern const WmCanvasBehavior _wm_canvas_behavior_board;

/* A drag of notes on a board (wm-canvas-board.c). */
typedef struct _WmCanvasBoardDrag WmCanvasBoardDrag;

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
  double         grid_size;       /* what "snap" and the dotted grid use, in document units */

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

  /* Tools: NULL selects; a node type creates on a click, a link type connects. */
  const WmItemType *tool;
  gboolean       tool_press;      /* a press with a node tool, waiting for its release */
  double         tool_x;          /* where that press was, in widget pixels */
  double         tool_y;

  /* Connecting: a refused target flashes, a choice of link types pops up. */
  WmRect         refused;         /* document area of the refused target */
  guint          refused_id;
  char          *offer_source;
  char          *offer_target;
  GMenu         *offer_menu;      /* the link types offered, "canvas.connect" items */
  GtkWidget     *offer_popover;

  /* In-place text editing */
  GtkWidget     *editor_popover;
  GtkWidget     *editor;          /* a GtkEntry or a GtkTextView */
  GtkWidget     *editor_limit;    /* says so while the text is too long to keep whole */
  char          *edit_id;         /* the item edited, if it is one */
  char          *edit_initial;
  WmCanvasCommit edit_commit;     /* NULL when no edit is open */
  gpointer       edit_data;
  GDestroyNotify edit_destroy;

  /* The notation's behaviour, for the current diagram; NULL for none. */
  const WmCanvasBehavior *behavior;
  gpointer       behavior_data;
  /* The board's drag of notes while it lasts, apart from behavior_data so
   * that a behaviour composing the board's functions keeps that to itself. */
  WmCanvasBoardDrag *board_drag;
  /* Items drawn faded (a filter, a legend highlight), or NULL. */
  GHashTable    *dimmed;
  /* The find filter, folded, while it is what fades items; NULL otherwise. */
  char          *filter;
  /* The context menu */
  GMenu         *context_menu;
  GtkWidget     *context_popover;
  double         context_x;       /* where it opened, in document units */
  double         context_y;

  /* The clipboard: successive pastes of the same items move further. */
  guint          paste_count;
  guint          paste_hash;
  gboolean       pasting;         /* a paste is reading the clipboard */
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
/* Whether the behaviour shows @node's selection itself (paints_selection). */
gboolean _wm_canvas_paints_own_selection (WmCanvas     *self,
                                          const WmItem *node);
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

/* wm-canvas-tools.c: tools, connecting, resizing, text editing */
void     _wm_canvas_init_tools      (WmCanvas   *self);
void     _wm_canvas_class_init_tools (GtkWidgetClass *widget_class);
void     _wm_canvas_dispose_tools   (WmCanvas   *self);
void     _wm_canvas_allocate_tools  (WmCanvas   *self);
/* Paints the handles of the one selected node and the rubber line, in
 * widget pixels. */
void     _wm_canvas_paint_tools     (WmCanvas   *self,
                                     cairo_t    *cr);
/* Where @node is drawn, in document units: its bounds, or where the
 * painter's layout puts it (journey cells, flowing canvas notes). */
void     _wm_canvas_node_rect       (WmCanvas     *self,
                                     const WmItem *node,
                                     WmRect       *rect);
/* The node selected alone, if any. */
WmItem  *_wm_canvas_single_node     (WmCanvas   *self);
/* @link as its painter draws it: its two ends (where the painter clips
 * them) with the link's bend points between, n_points + 2 points. NULL
 * when the painter routes links its own way (wm_render_routes_links()). */
WmPoint *_wm_canvas_bend_route     (WmDiagram    *diagram,
                                    const WmItem *link);
WmCanvasHandle _wm_canvas_handle_at (WmCanvas   *self,
                                     double      x,
                                     double      y,
                                     WmCanvasEdges *edges);
/* Creates a node of @type_id centred on widget point (x, y) and selects it. */
WmItem  *_wm_canvas_create_node_at  (WmCanvas   *self,
                                     const char *type_id,
                                     double      x,
                                     double      y);
/* Starts, follows and ends a connect or resize drag (drag->mode set). */
void     _wm_canvas_tools_drag_update (WmCanvas *self);
void     _wm_canvas_tools_drag_end  (WmCanvas   *self);
/* Offers the link types allowed from @source_id to @target_id: creates the
 * only one, pops up a menu of several, or refuses. */
void     _wm_canvas_offer_links     (WmCanvas   *self,
                                     const char *source_id,
                                     const char *target_id,
                                     double      x,
                                     double      y);
void     _wm_canvas_begin_edit      (WmCanvas   *self,
                                     const char *id);
/* Edits @text in place over document area @area; @commit runs with the new
 * text when the edit ends with a change, then @destroy frees @data. */
void     _wm_canvas_begin_edit_text (WmCanvas       *self,
                                     const WmRect   *area,
                                     const char     *text,
                                     gboolean        multiline,
                                     const char     *label,
                                     const char     *id,
                                     WmCanvasCommit  commit,
                                     gpointer        data,
                                     GDestroyNotify  destroy);
void     _wm_canvas_end_edit        (WmCanvas   *self,
                                     gboolean    commit);
/* The editor's key handling, as its key controller sees it. */
gboolean _wm_canvas_editor_key      (WmCanvas       *self,
                                     guint           keyval,
                                     GdkModifierType state);
gboolean _wm_canvas_is_writable     (WmCanvas   *self);
void     _wm_canvas_break_merge     (WmCanvas   *self);

/* Items to draw faded; NULL for none. Takes a reference. It replaces the
 * find filter, if one was fading items. */
void     _wm_canvas_set_dimmed      (WmCanvas   *self,
                                     GHashTable *ids);
/* Widget pixels of a document point, and back. */
void     _wm_canvas_doc_to_widget   (WmCanvas   *self,
                                     double      x,
                                     double      y,
                                     double     *wx,
                                     double     *wy);
/* Runs the behaviour's created() hook on a node just made. */
void     _wm_canvas_node_created    (WmCanvas   *self,
                                     WmItem     *item);

/* wm-canvas-edit.c: the clipboard, stacking, aligning and distributing */
void     _wm_canvas_class_init_edit (GtkWidgetClass *widget_class);
/* The line under an in-place editor that says how to finish the edit. */
GtkWidget *_wm_canvas_edit_hint_new (gboolean multiline);

/* wm-canvas-input.c */
void     _wm_canvas_init_input      (WmCanvas      *self);
void     _wm_canvas_class_init_actions (GtkWidgetClass *widget_class);
void     _wm_canvas_update_actions  (WmCanvas   *self);
/* The topmost item at document point (x, y), or NULL. */
WmItem  *_wm_canvas_hit             (WmCanvas   *self,
                                     double      x,
                                     double      y);

/* wm-canvas-board.c: the notes of a board, for any notation that is one.
 * _wm_canvas_behavior_board is made of these; a notation's own behaviour
 * (the Business Model Canvas's) composes them with its own. */

/* Installs the "canvas.board-…" actions; a second call does nothing. */
void     _wm_canvas_board_class_init (GtkWidgetClass *widget_class);
/* Ends a drag of notes without a drop. */
void     _wm_canvas_board_detach    (WmCanvas       *self);
/* A double-click in an area's empty space: a note there (see add_note_at). */
gboolean _wm_canvas_board_activate  (WmCanvas       *self,
                                     WmItem         *item,
                                     double          x,
                                     double          y);
gboolean _wm_canvas_board_drag_begin (WmCanvas      *self,
                                     WmItem         *item,
                                     double          x,
                                     double          y);
void     _wm_canvas_board_drag_update (WmCanvas     *self,
                                     double          x,
                                     double          y);
void     _wm_canvas_board_drag_end  (WmCanvas       *self,
                                     double          x,
                                     double          y,
                                     gboolean        cancelled);
/* A resize of a note: the bounds of its area's notes follow the flow. */
void     _wm_canvas_board_moved     (WmCanvas       *self,
                                     const char *const *ids);
void     _wm_canvas_board_created   (WmCanvas       *self,
                                     WmItem         *item);
/* The ghosts, drop target and caret of a drag of notes. */
void     _wm_canvas_board_paint     (WmCanvas       *self,
                                     cairo_t        *cr);
/* On a note: its colours and its area's "Tidy"; elsewhere in an area:
 * "Add Note Here" and its "Tidy". */
void     _wm_canvas_board_populate_menu (WmCanvas   *self,
                                     GMenu          *menu,
                                     double          x,
                                     double          y);

/* What the actions do, for a behaviour that keeps action names of its own. */

/* A note of the area's type at document point (x, y), filed there and
 * opened for typing, as one undo step; NULL outside the areas. */
WmItem  *_wm_canvas_board_add_note_at (WmCanvas     *self,
                                     double          x,
                                     double          y);
/* The notes under the context menu (the selection, when the note there is
 * selected) take @color, "#rrggbb", or "" for their type's own. */
void     _wm_canvas_board_color_notes (WmCanvas     *self,
                                     const char     *color);
/* The freely placed notes of area @area_id join its flow again. */
void     _wm_canvas_board_tidy      (WmCanvas       *self,
                                     const char     *area_id);
/* The entry of the notation's colour legend (WM_LIST_ROLE_COLOR_LEGEND)
 * that gives @color a meaning, or NULL. */
const WmListEntry *_wm_canvas_board_color_meaning (WmCanvas   *self,
                                                   const char *color);

/* Test entry points: the code paths the gestures run, without events. */
void     _wm_canvas_test_double_click (WmCanvas     *self,
                                     double          x,
                                     double          y);
/* Opens the context menu at widget point (x, y); returns its model. */
GMenuModel *_wm_canvas_test_context_menu (WmCanvas  *self,
                                     double          x,
                                     double          y);
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
/* The same drag in two halves: pressed and moved to (dx, dy), then released
 * there, so that a test can look at the canvas in between. */
void     _wm_canvas_test_drag_to    (WmCanvas       *self,
                                     double          x,
                                     double          y,
                                     double          dx,
                                     double          dy,
                                     GdkModifierType state);
void     _wm_canvas_test_drag_release (WmCanvas     *self,
                                     double          dx,
                                     double          dy);
/* Moves a drag begun by _wm_canvas_test_drag_to() on to (dx, dy), as one
 * motion event does, so that a benchmark can time each step's frame. */
void     _wm_canvas_test_drag_motion (WmCanvas      *self,
                                     double          dx,
                                     double          dy);
void     _wm_canvas_test_scroll     (WmCanvas       *self,
                                     double          x,
                                     double          y,
                                     double          dx,
                                     double          dy,
                                     GdkModifierType state);

/* wm-canvas-keys.c: Tab through the items, Alt+arrows, Connect (Ctrl+L),
 * the context menu from the keyboard, a node inserted by Enter on the palette */
void     _wm_canvas_init_keys       (WmCanvas       *self);
void     _wm_canvas_class_init_keys (GtkWidgetClass *widget_class);
void     _wm_canvas_update_key_actions (WmCanvas    *self);
/* Every item's id in the order Tab selects them. */
GStrv    _wm_canvas_reading_order   (WmCanvas       *self);
/* The section the context menu has for a selection of nodes. */
void     _wm_canvas_append_selection_menu (WmCanvas *self,
                                     GMenu          *menu);

/* wm-canvas-input.c: fills the context menu for the selection and pops it
 * up at widget point (x, y), document point (doc_x, doc_y); @on_selection
 * when it is the selection's menu rather than empty space's. */
GMenuModel *_wm_canvas_popup_context_menu (WmCanvas *self,
                                     double          x,
                                     double          y,
                                     double          doc_x,
                                     double          doc_y,
                                     gboolean        on_selection);

G_END_DECLS
