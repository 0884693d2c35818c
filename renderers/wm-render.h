/* wm-render.h — painting a diagram onto any cairo_t
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "waymark-model.h"

G_BEGIN_DECLS

typedef struct _WmTextCache WmTextCache;

/* The smallest body text the painters draw (a VSM data row, a journey note),
 * in document units. */
#define WM_RENDER_BODY_TEXT_SIZE 10.0
/* Body text smaller than this on screen, in device pixels, is drawn as grey
 * bars: the level of detail follows what a glyph gets, not the zoom alone,
 * so a display with two device pixels per logical one shows more detail. */
#define WM_RENDER_DETAIL_TEXT_PIXELS 3.5
/* Body text at this size in logical pixels reads without strain; views that
 * open a diagram do not go further out. */
#define WM_RENDER_READABLE_TEXT_PIXELS 7.0

/* How much a paint draws, by the scale it paints at. */
typedef enum
{
  WM_RENDER_DETAIL_FULL,        /* text and every detail */
  WM_RENDER_DETAIL_SHAPES,      /* shapes, text as grey bars */
  WM_RENDER_DETAIL_FAR,         /* each item as its simplest silhouette */
} WmRenderDetail;

typedef struct
{
  WmRect      visible;          /* document area to paint; width <= 0 paints everything */
  double      scale;            /* device pixels per document unit, for the level of detail */
  GHashTable *selected;         /* item ids (char *) to draw selected, or NULL (exports) */
  GHashTable *dimmed;           /* item ids to draw faded (a filter, a highlight), or NULL */
  gboolean    paper;            /* fill the visible area with the paper colour first */
  WmTextCache *text;            /* layout cache to use, or NULL for the shared one */
  /* When not NULL, lowered to the smallest font size the paint draws text
   * in, in document units: a page can tell whether its print reads. */
  double     *min_text_size;
  /* Set by the canvas only: zoomed far out (WM_RENDER_DETAIL_FAR), the
   * silhouettes are set straight into pixels of the view rather than
   * stroked and filled by Cairo, which at 100 000 items takes most of a
   * frame. Their pixels differ a little; exports leave it FALSE. */
  gboolean    screen;
} WmRenderOptions;

void          wm_render_options_init (WmRenderOptions *options);

/* The level of detail of a paint at @scale device pixels per document unit
 * (WmRenderOptions.scale; 0 or less: unknown, full detail). */
WmRenderDetail wm_render_get_detail  (double                 scale);
/* The least zoom, in logical pixels per document unit, at which body text
 * reads comfortably. */
double        wm_render_get_readable_zoom (void);

/* Paints @diagram in document coordinates: the caller sets the transform.
 * The screen, the exports and printing all come through here. */
void          wm_render_diagram      (WmDiagram             *diagram,
                                      cairo_t               *cr,
                                      const WmRenderOptions *options);
/* Whether the notation's painter places nodes by a layout of its own (a
 * journey's cells) rather than at their bounds; wm_render_item_extent()
 * then says where a node is. */
gboolean      wm_render_places_nodes (WmDiagram             *diagram);
/* Whether @diagram's painter routes links its own way rather than straight
 * through their waypoints (then bend points mean nothing to it). */
gboolean      wm_render_routes_links (WmDiagram             *diagram);
/* Where a node is drawn, without ink margins: its bounds, or where the
 * painter's layout puts it. */
void          wm_render_node_rect    (WmDiagram             *diagram,
                                      const WmItem          *node,
                                      WmRect                *rect);
/* Appends to @cr's path the centre line of @link as its painter draws it,
 * for hit tests and halos: from the centre of its source's node rectangle
 * through its waypoints to the centre of its target's, unless the painter
 * routes links its own way. FALSE when an end is missing. */
gboolean      wm_render_link_path    (WmDiagram             *diagram,
                                      const WmItem          *link,
                                      cairo_t               *cr);
/* The document area that painting @diagram covers, margins included. */
void          wm_render_get_extent   (WmDiagram             *diagram,
                                      WmRect                *extent);
/* Paints @item and nothing else (no paper, no blocks, grids or timeline), as
 * part of its diagram, where its painter places it: a palette's preview,
 * or a test that must see exactly the ink one item puts down. */
void          wm_render_item         (WmDiagram             *diagram,
                                      const WmItem          *item,
                                      cairo_t               *cr,
                                      const WmRenderOptions *options);
/* The area the ink of one item covers (nodes: at least their bounds; links:
 * their path, arrowheads and labels). */
void          wm_render_item_extent  (WmDiagram             *diagram,
                                      const WmItem          *item,
                                      WmRect                *extent);

/* Use-case diagrams: the box where the multiplicity at one end of an
 * association is drawn (where a typical one would be, when it is blank).
 * FALSE for other links and notations. */
gboolean      wm_render_multiplicity_box (WmDiagram         *diagram,
                                      const WmItem          *link,
                                      gboolean               at_source,
                                      WmRect                *box);

/* The items whose ink may fall in @area, bottom first: a superset that
 * callers narrow with wm_render_item_extent(). It costs what is near @area,
 * not the diagram's size, except for notations whose painter places nodes
 * itself (journey maps), where every item is a candidate. */
GPtrArray    *wm_render_query        (WmDiagram             *diagram,
                                      const WmRect          *area);

/* Journey maps have a print layout besides the canvas's: laid out for a
 * page's box, wide and short, filling it with text no smaller than asked.
 * Stages that do not fit one page continue on the next, which repeats the
 * header, the stage headers and the lane labels. */
typedef struct
{
  double width;     /* the box the drawing fills on a page, in points */
  double height;
  double min_text;  /* the smallest text, in points, once fitted to the box */
} WmRenderPage;

/* How many pages the print layout of @diagram takes for @page; 0 when its
 * notation has none (only journey maps have one). */
guint         wm_render_journey_pages       (WmDiagram             *diagram,
                                             const WmRenderPage    *page);
/* The area page @index of the print layout covers, in its own units: fit
 * to @page's box it prints its text at page->min_text or more. */
void          wm_render_journey_page_extent (WmDiagram             *diagram,
                                             const WmRenderPage    *page,
                                             guint                  index,
                                             WmRect                *extent);
/* Paints page @index of the print layout in its units: the caller sets the
 * transform. Only options' text and min_text_size count. */
void          wm_render_journey_page        (WmDiagram             *diagram,
                                             cairo_t               *cr,
                                             const WmRenderOptions *options,
                                             const WmRenderPage    *page,
                                             guint                  index);
/* Where page @index of the print layout puts @node; FALSE when the page
 * does not show it. */
gboolean      wm_render_journey_page_node_rect (WmDiagram          *diagram,
                                             const WmRenderPage    *page,
                                             guint                  index,
                                             const WmItem          *node,
                                             WmRect                *rect);

/* Boards (wm-board.h): the layout of the notes that painting uses, shared
 * and kept on the diagram until its next change, so that a caller who needs
 * it as the diagram stands (a drag, when it begins) does not lay every note
 * out again. Released with wm_board_notes_unref(); it stays valid, and the
 * same, after the diagram changes. */
typedef struct _WmBoardNotes WmBoardNotes;

WmBoardNotes        *wm_board_notes_get        (WmDiagram          *diagram);
const WmBoardLayout *wm_board_notes_get_layout (const WmBoardNotes *notes);
void                 wm_board_notes_unref      (gpointer            notes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmBoardNotes, wm_board_notes_unref)

WmTextCache  *wm_text_cache_new      (void);
void          wm_text_cache_free     (WmTextCache           *cache);
/* The calling thread's own cache (every thread has one, freed with it). */
WmTextCache  *wm_text_cache_get_default (void);
guint         wm_text_cache_get_size (WmTextCache           *cache);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmTextCache, wm_text_cache_free)

G_END_DECLS
