/* wm-rect-grid.c — a spatial index over a fixed array of rectangles
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The painters that place nodes themselves (the canvases' blocks, the
 * journey's lanes) know where an item is only from their layout, not from
 * the model, so the diagram's own index cannot cull or hit-test them. Their
 * layout is rebuilt after each change anyway; this grid is made with it
 * and answers a frame's culling or a hit test by visiting the few cells
 * under the area instead of every item.
 *
 * A uniform grid, its cells sized for a few items each, stored compactly:
 * one array of item indices, cell after cell, each cell's in ascending
 * order. An item goes into every cell it covers; one covering more than
 * MAX_CELLS (a block, a lane) and one without usable bounds are kept
 * apart and tested on every query. A query reports an item found in
 * several cells only from the first cell where it meets the area, so it
 * needs no scratch memory and the grid may be read from several threads.
 *
 * The cells are not filled with the grid: the first queries scan the
 * rectangles. A grid is made again after every edit, and the frames that
 * show the edit are often its only readers before the next one. At 100 000
 * items a scan costs about 0.45 ms and filling the cells about 3 to 6 ms, so
 * the cells are filled once the scans have cost about as much as filling
 * them would have (the rent-or-buy rule: never more than twice what the
 * better choice, made in hindsight, would have cost). They are filled on
 * a thread of their own, while the queries go on scanning: filled in a
 * query, they made one frame of a drag 3 to 6 ms longer than the others.
 * The filling thread holds a reference to the grid, and gives up when its
 * owner frees it.
 */
#define G_LOG_DOMAIN "wm-render"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "wm-rect-grid.h"

/* Cells are sized for about this many small items each. */
#define ITEMS_PER_CELL 4.0
#define MAX_CELLS 64
#define MAX_SIDE 4096

/* Queries answered by a scan before the cells are filled: filling them
 * costs about as much as this many scans. */
#define SCANNED_QUERIES 12

typedef struct
{
  double  x, y, cell;
  int     cols, rows;
  guint  *starts;    /* per cell, where its run in entries starts; one more at the end */
  guint  *entries;   /* item indices, cell after cell */
  GArray *apart;     /* guint: items tested on every query */
} Cells;

/* Every how many items the filling looks whether the grid was freed. */
#define ABANDON_CHECK_EVERY 4096

struct _WmRectGrid
{
  WmRect *rects;
  guint   n_rects;
  gint    ref_count; /* atomic: the owner's, and the filling thread's */
  gint    abandoned; /* atomic: the owner freed it; the filling stops */
  gint    queries;   /* atomic: how many began before the cells were made */
  Cells  *cells;     /* atomic: NULL until filled after SCANNED_QUERIES */
};

/* Fillings started and not yet over, for the tests. */
static gint n_filling;

static gboolean
is_usable (const WmRect *rect)
{
  return isfinite (rect->x) && isfinite (rect->y) && isfinite (rect->width) &&
         isfinite (rect->height) && rect->width >= 0 && rect->height >= 0;
}

static int
cell_of (double value,
         double origin,
         double cell,
         int    count)
{
  double k = floor ((value - origin) / cell);

  return (int) CLAMP (k, 0, count - 1);
}

typedef struct
{
  int x0, y0, x1, y1;
} Span;

static Span
span_of (const Cells  *cells,
         const WmRect *rect)
{
  return (Span) {
    cell_of (rect->x, cells->x, cells->cell, cells->cols),
    cell_of (rect->y, cells->y, cells->cell, cells->rows),
    cell_of (rect->x + rect->width, cells->x, cells->cell, cells->cols),
    cell_of (rect->y + rect->height, cells->y, cells->cell, cells->rows),
  };
}

static gboolean
goes_apart (const Cells  *cells,
            const WmRect *rect,
            Span         *span)
{
  if (!is_usable (rect))
    return TRUE;
  *span = span_of (cells, rect);
  return (double) (span->x1 - span->x0 + 1) * (span->y1 - span->y0 + 1) > MAX_CELLS;
}

/* The cells' origin and size, from the usable rectangles' extent. */
static void
size_cells (Cells        *cells,
            const WmRect *rects,
            guint         n_rects)
{
  double x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE, width, height;
  guint n = 0;

  cells->x = cells->y = G_MAXDOUBLE;
  for (guint i = 0; i < n_rects; i++)
    {
      const WmRect *r = &rects[i];

      if (!is_usable (r))
        continue;
      cells->x = MIN (cells->x, r->x);
      cells->y = MIN (cells->y, r->y);
      x1 = MAX (x1, r->x + r->width);
      y1 = MAX (y1, r->y + r->height);
      n++;
    }
  if (n == 0)
    {
      cells->x = cells->y = 0;
      x1 = y1 = 1;
    }
  width = MAX (x1 - cells->x, 1);
  height = MAX (y1 - cells->y, 1);
  cells->cell = sqrt (width * height * ITEMS_PER_CELL / MAX (n, 1));
  cells->cell = MAX (cells->cell, MAX (width, height) / MAX_SIDE);
  cells->cols = (int) CLAMP (ceil (width / cells->cell), 1, MAX_SIDE);
  cells->rows = (int) CLAMP (ceil (height / cells->cell), 1, MAX_SIDE);
}

static gboolean
is_abandoned (guint       i,
              const gint *abandoned)
{
  return i % ABANDON_CHECK_EVERY == 0 && g_atomic_int_get (abandoned);
}

/* FALSE when the grid was freed meanwhile (@abandoned). */
static gboolean
fill_cells (Cells        *cells,
            const WmRect *rects,
            guint         n_rects,
            const gint   *abandoned)
{
  gsize n_cells = (gsize) cells->cols * cells->rows;
  guint *fill;
  Span span;

  cells->starts = g_new0 (guint, n_cells + 1);
  for (guint i = 0; i < n_rects; i++)
    if (is_abandoned (i, abandoned))
      return FALSE;
    else if (!goes_apart (cells, &rects[i], &span))
      for (int cy = span.y0; cy <= span.y1; cy++)
        for (int cx = span.x0; cx <= span.x1; cx++)
          cells->starts[(gsize) cy * cells->cols + cx + 1]++;
  for (gsize c = 0; c < n_cells; c++)
    cells->starts[c + 1] += cells->starts[c];
  cells->entries = g_new (guint, MAX (cells->starts[n_cells], 1));
  fill = g_memdup2 (cells->starts, n_cells * sizeof (guint));
  for (guint i = 0; i < n_rects; i++)
    {
      if (is_abandoned (i, abandoned))
        {
          g_free (fill);
          return FALSE;
        }
      if (goes_apart (cells, &rects[i], &span))
        {
          g_array_append_val (cells->apart, i);
          continue;
        }
      for (int cy = span.y0; cy <= span.y1; cy++)
        for (int cx = span.x0; cx <= span.x1; cx++)
          cells->entries[fill[(gsize) cy * cells->cols + cx]++] = i;
    }
  g_free (fill);
  return TRUE;
}

static void
cells_free (Cells *cells)
{
  if (cells == NULL)
    return;
  g_free (cells->starts);
  g_free (cells->entries);
  g_array_unref (cells->apart);
  g_free (cells);
}

/* The cells of @rects, or NULL when the grid was freed meanwhile. */
static Cells *
cells_new (const WmRect *rects,
           guint         n_rects,
           const gint   *abandoned)
{
  Cells *cells = g_new0 (Cells, 1);

  cells->apart = g_array_new (FALSE, FALSE, sizeof (guint));
  size_cells (cells, rects, n_rects);
  if (!fill_cells (cells, rects, n_rects, abandoned))
    g_clear_pointer (&cells, cells_free);
  return cells;
}

/* A grid over @rects (from g_malloc), which it takes and frees with
 * itself; an item's index in the array is its identity in what
 * wm_rect_grid_query() reports. */
WmRectGrid *
wm_rect_grid_new (WmRect *rects,
                  guint   n_rects)
{
  WmRectGrid *grid = g_new0 (WmRectGrid, 1);

  grid->rects = rects;
  grid->n_rects = n_rects;
  grid->ref_count = 1;
  return grid;
}

static void
grid_unref (WmRectGrid *grid)
{
  if (!g_atomic_int_dec_and_test (&grid->ref_count))
    return;
  g_free (grid->rects);
  cells_free (grid->cells);
  g_free (grid);
}

void
wm_rect_grid_free (WmRectGrid *grid)
{
  if (grid == NULL)
    return;
  g_atomic_int_set (&grid->abandoned, TRUE);
  grid_unref (grid);
}

gboolean
wm_rect_grid_has_cells (WmRectGrid *grid)
{
  g_return_val_if_fail (grid != NULL, FALSE);

  return g_atomic_pointer_get (&grid->cells) != NULL;
}

/* Fills @data's cells, on a thread of its own below the ones that show
 * frames (this process's and the display server's). */
static gpointer
fill (gpointer data)
{
  WmRectGrid *grid = data;
  Cells *cells;

  cells = cells_new (grid->rects, grid->n_rects, &grid->abandoned);
  if (cells != NULL && !g_atomic_pointer_compare_and_exchange (&grid->cells, NULL, cells))
    cells_free (cells);
  grid_unref (grid);
  g_atomic_int_add (&n_filling, -1);
  return NULL;
}

static gpointer
fill_in_background (gpointer data)
{
#ifdef __linux__
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10);
#endif
  return fill (data);
}

/* The grid's cells, or NULL while they are not filled yet: the query past
 * the scanned ones has them filled on a thread of their own (or here when
 * no thread can be had). */
static Cells *
cells_for_query (WmRectGrid *grid)
{
  Cells *cells = g_atomic_pointer_get (&grid->cells);
  GThread *thread;

  if (cells != NULL || g_atomic_int_add (&grid->queries, 1) != SCANNED_QUERIES)
    return cells;
  g_atomic_int_inc (&grid->ref_count);
  g_atomic_int_inc (&n_filling);
  thread = g_thread_try_new ("wm-grid", fill_in_background, grid, NULL);
  if (thread != NULL)
    g_thread_unref (thread);
  else
    fill (grid);
  return g_atomic_pointer_get (&grid->cells);
}

guint
_wm_rect_grid_get_n_filling (void)
{
  return (guint) g_atomic_int_get (&n_filling);
}

static int
compare_index (const void *a,
               const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static gboolean
area_is_finite (const WmRect *area)
{
  return isfinite (area->x) && isfinite (area->y) && isfinite (area->x + area->width) &&
         isfinite (area->y + area->height);
}

/* Appends to @indices (of guint), in ascending order, the index of every rectangle
 * that meets @area (edges touching count, as wm_rect_intersects() has it)
 * and of every one without usable bounds, which may be anywhere. */
void
wm_rect_grid_query (WmRectGrid   *grid,
                    const WmRect *area,
                    GArray       *indices)
{
  guint first = indices->len;
  Cells *cells;
  Span q;

  /* An area with no finite edges is no help to the cells: test them all. */
  cells = area_is_finite (area) ? cells_for_query (grid) : NULL;
  if (cells == NULL)
    {
      for (guint i = 0; i < grid->n_rects; i++)
        if (!is_usable (&grid->rects[i]) || wm_rect_intersects (&grid->rects[i], area))
          g_array_append_val (indices, i);
      return;
    }
  for (guint k = 0; k < cells->apart->len; k++)
    {
      guint i = g_array_index (cells->apart, guint, k);

      if (!is_usable (&grid->rects[i]) || wm_rect_intersects (&grid->rects[i], area))
        g_array_append_val (indices, i);
    }
  q = span_of (cells, area);
  for (int cy = q.y0; cy <= q.y1; cy++)
    for (int cx = q.x0; cx <= q.x1; cx++)
      {
        gsize cell = (gsize) cy * cells->cols + cx;

        for (guint e = cells->starts[cell]; e < cells->starts[cell + 1]; e++)
          {
            guint i = cells->entries[e];
            const WmRect *rect = &grid->rects[i];
            Span s = span_of (cells, rect);

            /* Reported from the first cell both cover, once. */
            if (MAX (s.x0, q.x0) == cx && MAX (s.y0, q.y0) == cy &&
                wm_rect_intersects (rect, area))
              g_array_append_val (indices, i);
          }
      }
  /* An empty GArray may have no data at all, and qsort() wants some. */
  if (indices->len - first > 1)
    qsort ((guint *) (void *) indices->data + first, indices->len - first, sizeof (guint),
           compare_index);
}
