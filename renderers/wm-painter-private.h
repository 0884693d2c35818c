/* wm-painter-private.h — what a notation's painter provides
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-draw.h"
#include "wm-notation-modules.h"

G_BEGIN_DECLS

/* Silhouettes gathered across items, painted together (see WmPaintContext). */
typedef struct _WmFarBatch WmFarBatch;

typedef struct
{
  cairo_t               *cr;
  WmDiagram             *diagram;
  const WmRenderOptions *options;
  /* When FALSE the view is zoomed far out: skip text and fine detail, draw
   * shapes only (the level of detail). */
  gboolean               detail;
  /* Set when the view is so far out (on screen or in a raster export, never
   * when the scale is unknown) that a painter may draw each item as its
   * simplest silhouette: it appends the shapes here, and they are painted
   * together, without antialiasing, after all the items. NULL otherwise.
   * When it is set, paint_item may be called without a cairo_save() and
   * cairo_restore() of its own (100 000 of them cost a frame): what it
   * draws on @cr directly sets the source and line width it uses, and it
   * leaves the transformation, clip and dash as it found them. */
  WmFarBatch            *far;
  /* What the painter computes once per paint for all its calls (set in
   * paint_background, freed with the painter's free_data at the end). */
  gpointer               painter_data;
  /* TRUE when one item is painted by itself (a palette preview, the
   * contract test): a painter that keeps items for paint_foreground (a
   * Value Proposition Canvas draws its fits over every note) paints such an
   * item at once, since no foreground follows. */
  gboolean               alone;
} WmPaintContext;

typedef struct
{
  const char *notation_id;
  /* The area of what the painter draws besides items (the canvas blocks, the
   * journey grid, the VSM timeline); may leave @extent empty. */
  void (*get_extent)       (WmDiagram      *diagram,
                            WmRect         *extent);
  /* Paints what lies beneath the items. May be NULL. */
  void (*paint_background) (WmPaintContext *ctx);
  /* Paints one node or link. Called in z-order for the items that
   * intersect the visible area. */
  void (*paint_item)       (WmPaintContext *ctx,
                            const WmItem   *item);
  /* Paints what lies above the items (a VSM timeline and totals). May be NULL. */
  void (*paint_foreground) (WmPaintContext *ctx);
  /* The painter_data paint_background sets, for a paint of items only:
   * another thread's share of an export (see paint_ahead() in
   * wm-render.c). May be NULL when paint_item needs none. */
  gpointer (*new_data)     (WmDiagram      *diagram);
  /* Takes into @ctx->painter_data what paint_item kept, for
   * paint_foreground, of items another thread painted after this paint's
   * (see paint_ahead() in wm-render.c): @later is the painter_data of that
   * paint, which this frees. May be NULL when paint_item keeps nothing. */
  void (*take_later)       (WmPaintContext *ctx,
                            gpointer        later);
  /* The area the item's ink covers; the contract test checks that no ink
   * lands outside it. */
  void (*item_extent)      (WmDiagram      *diagram,
                            const WmItem   *item,
                            WmRect         *extent);
  /* A rectangle that surely holds item_extent's, found without measuring
   * text (which is what makes item_extent slow on a large diagram); TRUE
   * when it is item_extent's exactly. wm_render_get_extent() then measures
   * only the items that could reach past what is already known. May be NULL. */
  gboolean (*item_bound)   (WmDiagram      *diagram,
                            const WmItem   *item,
                            WmRect         *bound);
  /* Where a painter that places nodes itself puts @node (its shape, without
   * ink margins such as a shadow). May be NULL when places_nodes is FALSE. */
  void (*node_rect)        (WmDiagram      *diagram,
                            const WmItem   *node,
                            WmRect         *rect);
  /* For a painter that places nodes: writes into @bounds, for each item in
   * z-order, a rectangle that holds its bound (item_bound, else
   * item_extent), or one of negative width for an item to test whatever
   * the area. It reads the layout once, where culling item by item looked
   * it up for each (most of a frame of a 100 000-item board), and
   * wm_render_query() keeps the result until the diagram changes. May be
   * NULL: every item is then a candidate. */
  void (*item_bounds)      (WmDiagram      *diagram,
                            WmRect         *bounds);
  /* Appends to @cr's path the centre line of @link as the painter draws
   * it, when it routes links its own way (a Value Proposition Canvas's
   * fits); FALSE when the link is not drawn. May be NULL: links then run
   * straight through their waypoints between their ends' node_rect. */
  gboolean (*link_path)    (WmDiagram      *diagram,
                            const WmItem   *link,
                            cairo_t        *cr);
  /* The boxes of @link's labels as paint_item draws them at full detail
   * (the pads behind their text, multiplicities included); writes at most
   * @n_boxes and returns how many there are. The contract test checks that
   * the line and its arrowhead show outside them. May be NULL when the
   * notation's links carry no label. */
  guint    (*label_boxes)  (WmDiagram      *diagram,
                            const WmItem   *link,
                            WmRect         *boxes,
                            guint           n_boxes);
  /* Frees ctx->painter_data after the paint. May be NULL. */
  void (*free_data)        (gpointer        painter_data);
  /* TRUE when the painter places nodes by a layout of its own (a journey's
   * cells) rather than at their bounds: they are then culled and outlined
   * as selected by their item_extent. */
  gboolean places_nodes;
  /* TRUE when the painter routes links its own way (a Value Proposition
   * Canvas's fits) rather than straight through their waypoints, which the
   * editor then does not offer to add. */
  gboolean routes_links;
} WmPainter;

/* Each module of wm-notations.list defines _wm_painter_<c_name>. */
#define WM_PAINTER_DECLARE(c_name) extern const WmPainter _wm_painter_##c_name;
WM_NOTATION_MODULES (WM_PAINTER_DECLARE)
#undef WM_PAINTER_DECLARE

/* A box filled with @fill (may be NULL) and outlined in @edge (may be NULL)
 * just inside @rect. Outlines and lines are one device pixel wide, and as
 * faint as a line @width units wide would be there (at least a little). */
void     _wm_far_batch_box  (WmFarBatch    *batch,
                             const WmRect  *rect,
                             const WmColor *fill,
                             const WmColor *edge,
                             double         width);
/* A line through @points, without ends or heads. */
void     _wm_far_batch_line (WmFarBatch    *batch,
                             const WmPoint *points,
                             guint          n_points,
                             const WmColor *color,
                             double         width);

/* What a painter derives from a whole diagram (a layout), kept on the
 * diagram until its next edit, undo or redo (wm_diagram_keep_derived()),
 * so that a screen's frames, item_extent and get_extent share it and agree. @make
 * returns a g_atomic_rc_box (an export paints on two threads, which take and
 * drop references at once); the result is a new reference, released with
 * g_atomic_rc_box_release_full (value, @clear). Inside an undo group that has not
 * ended the diagram has not signalled yet, and the value is the one from
 * before the group: safe to use, only behind. A diagram outside a project
 * announces no change: it gets a fresh value every time. */
gpointer _wm_painter_cached (WmDiagram      *diagram,
                             const char     *key,
                             gpointer      (*make) (WmDiagram *diagram),
                             GDestroyNotify  clear);

/* Boards (wm-paint-board.c): the notes of a notation that is a board
 * (wm-board.h), painted and measured alike by its painter. */

/* The layout of a board's notes (wm_board_notes_get()), shared between the
 * diagram's cache, the paints and the canvas that use it: an edit made
 * inside an open undo group must not free it under a paint's feet. Kept
 * on the diagram with _wm_painter_cached(). */
struct _WmBoardNotes
{
  WmBoardLayout *layout;
};

/* A note where @notes puts it: a sticky note in its "color", with its text;
 * far out (!ctx->detail) a plain box in that colour. */
void          _wm_board_paint_note     (WmPaintContext     *ctx,
                                        const WmBoardNotes *notes,
                                        const WmItem       *note);
/* A painter's item_extent and node_rect for the notes of a board; a link
 * has no extent here. */
void          _wm_board_item_extent    (WmDiagram          *diagram,
                                        const WmItem       *item,
                                        WmRect             *extent);
void          _wm_board_item_bounds    (WmDiagram          *diagram,
                                        WmRect             *bounds);
void          _wm_board_node_rect      (WmDiagram          *diagram,
                                        const WmItem       *node,
                                        WmRect             *rect);

/* An area whose notes run past it says so with a mark along the edge they
 * leave by, WM_BOARD_OVERFLOW_WIDTH wide in this colour. */
#define WM_BOARD_OVERFLOW_WIDTH 3.0
WmColor       _wm_board_overflow_color (void);
/* The mark as a bar along the bottom edge of @area, inside it. */
void          _wm_board_paint_overflow (WmPaintContext     *ctx,
                                        const WmRect       *area);

/* The route of a link from the edge of its source to the edge of its target
 * through its waypoints; ellipse_ends tells which end nodes are ellipses.
 * Returns a newly allocated array of *n_points (>= 2) points, or NULL when
 * an end is missing. */
WmPoint *_wm_link_route (WmDiagram    *diagram,
                         const WmItem *link,
                         gboolean    (*is_ellipse) (const WmItem *node),
                         guint        *n_points);
/* Whether @link runs in horizontal and vertical segments only
 * (WM_FIELD_ROUTING is WM_ROUTING_ORTHOGONAL); FALSE for a type without it. */
gboolean _wm_link_is_orthogonal (const WmItem *link);

/* A shape an orthogonal route ends on. */
typedef struct
{
  WmRect   rect;     /* the shape's box, whose sides the route leaves and enters */
  gboolean ellipse;  /* the shape is the ellipse inscribed in rect */
  double   bottom;   /* where a route leaving downwards starts (rect's bottom, or
                      * lower: under a caption or a name written below the shape) */
  double   slot;     /* where along its side a route without waypoints leaves or
                      * enters: 0 at the top or left, 1 at the bottom or right;
                      * 0.5, the middle, unless _wm_route_spread() says */
} WmRouteEnd;

/* The shape a painter routes @node's orthogonal links to, slot 0.5. */
typedef void (*WmRouteEndFunc) (WmDiagram    *diagram,
                                const WmItem *node,
                                WmRouteEnd   *end);

/* Spreads the orthogonal links that leave one side of a node along that
 * side, in the order of their other ends, so that they do not run on top
 * of each other: sets @source's and @target's slots for @link. */
void     _wm_route_spread (WmDiagram        *diagram,
                           const WmItem     *link,
                           WmRouteEndFunc    end_of,
                           WmRouteEnd       *source,
                           WmRouteEnd       *target);

/* The orthogonal route from @source to @target through @waypoints:
 * horizontal and vertical segments only, leaving and entering the boxes
 * perpendicular to their sides, ending on the shapes. Returns a newly
 * allocated array of *n_points (>= 2) points. */
WmPoint *_wm_route_orthogonal (const WmRouteEnd *source,
                               const WmRouteEnd *target,
                               const WmPoint    *waypoints,
                               guint             n_waypoints,
                               guint            *n_points);
/* The middle of a route, by length: where a link's label goes. */
WmPoint  _wm_route_midpoint (const WmPoint *points,
                             guint          n_points);
/* The boxes of @link's labels, by its painter's label_boxes (none when the
 * painter has no such hook); writes at most @n_boxes, returns how many. */
guint    _wm_render_label_boxes (WmDiagram    *diagram,
                                 const WmItem *link,
                                 WmRect       *boxes,
                                 guint         n_boxes);
/* The union of the points' bounding box grown by @margin on every side. */
void     _wm_points_extent  (const WmPoint *points,
                             guint          n_points,
                             double         margin,
                             WmRect        *extent);
/* How opaque an item is painted that options->dimmed fades. */
#define WM_FADED_ALPHA 0.22

/* Starts painting @item faded: what follows goes into a group clipped to
 * the pixels of the item's ink (its painter's item_bound, else
 * item_extent), which
 * _wm_render_end_faded() paints at WM_FADED_ALPHA. A group as large as the view,
 * for each of the hundreds of faded items a find leaves in view, made such
 * a frame eight times slower. */
void     _wm_render_begin_faded (WmPaintContext *ctx,
                                 const WmItem   *item);
void     _wm_render_end_faded   (WmPaintContext *ctx);
/* Opens a batch on @cr (see wm-batch.h) when it draws @diagram into a file
 * and none is open; TRUE when it did, and the caller closes it after its
 * last item with _wm_batch_close(). */
gboolean _wm_render_open_batch (WmDiagram             *diagram,
                                cairo_t               *cr,
                                const WmRenderOptions *options);

G_END_DECLS
