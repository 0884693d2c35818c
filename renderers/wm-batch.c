/* wm-batch.c — shapes and texts of many items, drawn together by style
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A painter draws an item as a few shapes and texts in turn: a use case is
 * a filled ellipse, its outline and its name; the next use case the same
 * again. Cairo's PDF and SVG surfaces write every operator they are sent,
 * so a file of 10 000 items holds tens of thousands of colour, pen and
 * text changes, and most of an export's time goes into writing and
 * replaying them. Yet the order only matters where shapes overlap.
 *
 * While a batch is open, each fill, stroke and text is given to a group of
 * its style (the fill's colour; the stroke's colour and pen; the text's
 * colour), the earliest group that comes after every group holding
 * something it overlaps. Groups are drawn in order when the batch closes: a
 * group of fills or strokes as one path, a group of texts one after the
 * other. Two fills that overlap share a group only when all their parts
 * wind the same way, since one path filled could leave a hole where they
 * wind opposite ways; opaque strokes that overlap may, as a stroke of both
 * paths is their union. A path filled and then stroked (a box and its
 * outline) is kept as one shape, filled and stroked: its path is written
 * once, not once for the fill and once for the stroke. Overlaps are found
 * between bounding boxes (of the path, grown by the pen; of the layout's
 * ink), so they are never missed; a grid of @cell-sized squares keeps the
 * search near each shape. A cell's boxes are read from the latest filed
 * back, each knowing the latest group of those filed before it, and no
 * further than where none could be later than one the shape met: in a
 * pile of shapes each over the ones before (a journey's emotion band, its
 * dots and translucent labels), that is a few boxes, not the whole pile.
 * Where the shapes crowd into a part of the clip (a long journey scaled
 * onto a page as a thin strip), the cells there fill up and a search that
 * meets little reads hundreds of boxes: when the searches since the
 * grid was laid have read more than REGRID_WORK boxes and cells a shape on
 * average, and the shapes so far are dense enough for cells a quarter as
 * wide (the first grid is sized for items, which are a few shapes each:
 * half as wide is what a batch of shapes spread evenly comes to, and laying
 * its grid anew gains nothing) or have spread past the grid, it is laid
 * anew over the box they lie in, its cells sized for their number, at most
 * once each time they double.
 *
 * What the batch cannot reorder safely it does not take: a shape under a
 * clip or group other than the one it was opened under, an operator other
 * than OVER, a source that is not a colour, a pen under a shearing or
 * stretching matrix. Then it draws what it holds and the caller draws at
 * once, so the order on the page stays the painters'. A clip must be set
 * with wm_clip(), which draws what the batch holds first (it cannot be
 * drawn outside the clip once the clip is set), and a group pushed or an
 * image drawn after _wm_batch_flush().
 */
#define G_LOG_DOMAIN "wm-batch"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "wm-batch.h"

/* A shape this many cells large or more is checked by every other, not filed
 * in cells (a canvas block behind every note). */
#define BIG_CELLS 1024
/* The grid has at most this many cells a side. */
#define MAX_CELLS 1024
/* The grid is laid anew when a search reads more boxes and cells than this
 * on average (some ten per shape where the cells fit the shapes), over at
 * least REGRID_SHAPES shapes since it was last laid. */
#define REGRID_WORK 64
#define REGRID_SHAPES 256

typedef enum
{
  KIND_FILL,
  KIND_STROKE,
  KIND_FILL_STROKE,   /* a path filled, then stroked */
  KIND_TEXT,
} Kind;

/* Compared byte by byte: always zeroed before it is filled in. */
typedef struct
{
  Kind              kind;
  cairo_fill_rule_t rule;
  cairo_antialias_t antialias;
  cairo_line_cap_t  cap;
  cairo_line_join_t join;
  int               turn;       /* a fill's: see path_turn() */
  int               n_dashes;
  double            rgba[4];      /* a fill's, stroke's or text's colour */
  double            line_rgba[4]; /* the stroke's, of a path filled and stroked */
  double            width;
  double            miter;
  double            dash_offset;
  double            dashes[8];
} Style;

typedef struct
{
  PangoLayout    *layout;
  cairo_matrix_t  matrix;
} TextOp;

typedef struct
{
  Style   style;
  GArray *path;     /* of cairo_path_data_t, in device space */
  GArray *texts;    /* of TextOp */
} Group;

typedef struct
{
  double x0, y0, x1, y1;
  guint  group;
  guint  upto;   /* in a cell or the big ones: the latest group of this entry
                  * and those filed there before it */
} Entry;

/* A path to fill or stroke, in device space, with the box its ink lies in. */
typedef struct
{
  Style         style;
  cairo_path_t *path;
  Entry         box;
} Shape;

typedef struct
{
  GArray *entries;  /* of Entry */
} Cell;

typedef struct
{
  cairo_surface_t *target;
  double           clip[4];
  double           cell;
  double           origin[2];  /* the device point where the grid starts */
  GPtrArray       *groups;
  GHashTable      *by_style;   /* Style → GArray of group indices, ascending */
  Cell            *cells;      /* columns × rows over the clip, row by row */
  gint64           columns, rows;
  GArray          *big;        /* of Entry */
  GArray          *all;        /* of Entry: every box filed, to lay the grid anew */
  double           bounds[4];  /* the box around them, within the clip */
  guint64          work;       /* boxes and cells read since the grid was laid */
  guint            n_searches; /* searches since then */
  guint            n_laid;     /* how many boxes were filed when it was */
  guint            n_regrids;
  guint64          n_reads;    /* boxes and cells read by every search */
  guint            n_searches_all;
  Shape            pending;    /* a fill kept for the stroke that may follow */
  guint            n_groups_drawn;
  guint            n_ops;
  guint            n_flushes;
  gboolean         drawing;
} Batch;

static const cairo_user_data_key_t batch_key;

static guint
style_hash (gconstpointer key)
{
  const Style *style = key;
  guint hash = style->kind;

  for (guint i = 0; i < 4; i++)
    hash = hash * 31 + g_double_hash (&style->rgba[i]);
  return hash * 31 + g_double_hash (&style->width) + (guint) style->n_dashes;
}

static gboolean
style_equal (gconstpointer a,
             gconstpointer b)
{
  return memcmp (a, b, sizeof (Style)) == 0;
}

static void
group_free (gpointer data)
{
  Group *group = data;

  if (group->texts != NULL)
    for (guint i = 0; i < group->texts->len; i++)
      g_object_unref (g_array_index (group->texts, TextOp, i).layout);
  g_clear_pointer (&group->path, g_array_unref);
  g_clear_pointer (&group->texts, g_array_unref);
  g_free (group);
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_ptr_array_unref (batch->groups);
  g_hash_table_unref (batch->by_style);
  for (gint64 i = 0; i < batch->columns * batch->rows; i++)
    g_clear_pointer (&batch->cells[i].entries, g_array_unref);
  g_free (batch->cells);
  g_array_unref (batch->big);
  g_array_unref (batch->all);
  g_clear_pointer (&batch->pending.path, cairo_path_destroy);
  g_free (batch);
}

static Batch *
batch_get (cairo_t *cr)
{
  return cairo_get_user_data (cr, &batch_key);
}

/* The clip's extents in device space. */
static void
device_clip (cairo_t *cr,
             double   clip[4])
{
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_clip_extents (cr, &clip[0], &clip[1], &clip[2], &clip[3]);
  cairo_restore (cr);
}

void
_wm_batch_open (cairo_t *cr,
                double   cell)
{
  Batch *batch;

  g_return_if_fail (batch_get (cr) == NULL);

  batch = g_new0 (Batch, 1);
  batch->target = cairo_get_group_target (cr);
  device_clip (cr, batch->clip);
  batch->cell = cell > 0 && isfinite (cell) ? cell : 32;
  batch->groups = g_ptr_array_new_with_free_func (group_free);
  batch->by_style = g_hash_table_new_full (style_hash, style_equal, g_free,
                                           (GDestroyNotify) g_array_unref);
  /* A shape outside the clip is filed in the nearest cells: shapes that
   * overlap still share one. */
  batch->cell = MAX (batch->cell, MAX (batch->clip[2] - batch->clip[0],
                                        batch->clip[3] - batch->clip[1]) / MAX_CELLS);
  batch->origin[0] = batch->clip[0];
  batch->origin[1] = batch->clip[1];
  batch->columns = (gint64) CLAMP (ceil ((batch->clip[2] - batch->clip[0]) / batch->cell), 1, MAX_CELLS);
  batch->rows = (gint64) CLAMP (ceil ((batch->clip[3] - batch->clip[1]) / batch->cell), 1, MAX_CELLS);
  batch->cells = g_new0 (Cell, batch->columns * batch->rows);
  batch->big = g_array_new (FALSE, FALSE, sizeof (Entry));
  batch->all = g_array_new (FALSE, FALSE, sizeof (Entry));
  memcpy (batch->bounds, batch->clip, sizeof batch->bounds);
  if (cairo_set_user_data (cr, &batch_key, batch, batch_free) != CAIRO_STATUS_SUCCESS)
    batch_free (batch);
}

static void
set_pen (cairo_t     *cr,
         const Style *style)
{
  cairo_set_line_width (cr, style->width);
  cairo_set_line_cap (cr, style->cap);
  cairo_set_line_join (cr, style->join);
  cairo_set_miter_limit (cr, style->miter);
  cairo_set_dash (cr, style->dashes, style->n_dashes, style->dash_offset);
}

static void
draw_group (cairo_t     *cr,
            const Group *group)
{
  const Style *style = &group->style;

  cairo_set_source_rgba (cr, style->rgba[0], style->rgba[1], style->rgba[2], style->rgba[3]);
  cairo_set_antialias (cr, style->antialias);
  if (style->kind == KIND_TEXT)
    {
      for (guint i = 0; i < group->texts->len; i++)
        {
          const TextOp *op = &g_array_index (group->texts, TextOp, i);

          cairo_set_matrix (cr, &op->matrix);
          cairo_move_to (cr, 0, 0);
          pango_cairo_show_layout (cr, op->layout);
        }
      cairo_identity_matrix (cr);
      return;
    }
  cairo_new_path (cr);
  cairo_append_path (cr, &(cairo_path_t) { CAIRO_STATUS_SUCCESS,
                                           (cairo_path_data_t *) (void *) group->path->data,
                                           (int) group->path->len });
  if (style->kind != KIND_STROKE)
    {
      cairo_set_fill_rule (cr, style->rule);
      if (style->kind == KIND_FILL)
        {
          cairo_fill (cr);
          return;
        }
      /* Cairo's PDF and SVG surfaces write a fill followed by a stroke of
       * the same path as one path, filled and stroked. */
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, style->line_rgba[0], style->line_rgba[1],
                             style->line_rgba[2], style->line_rgba[3]);
    }
  set_pen (cr, style);
  cairo_stroke (cr);
}

/* Draws @groups in order, leaving the path of @cr as it was. */
static void
draw_groups (cairo_t   *cr,
             GPtrArray *groups)
{
  cairo_path_t *path;

  cairo_save (cr);
  cairo_identity_matrix (cr);
  path = cairo_copy_path (cr);
  for (guint i = 0; i < groups->len; i++)
    draw_group (cr, g_ptr_array_index (groups, i));
  cairo_new_path (cr);
  if (path->status == CAIRO_STATUS_SUCCESS)
    cairo_append_path (cr, path);
  cairo_restore (cr);
  cairo_path_destroy (path);
}

/* Draws every group in order and empties the batch. */
static void
draw_all (Batch   *batch,
          cairo_t *cr)
{
  if (batch->groups->len == 0)
    return;
  batch->drawing = TRUE;
  batch->n_flushes++;
  draw_groups (cr, batch->groups);
  batch->n_groups_drawn += batch->groups->len;
  g_ptr_array_set_size (batch->groups, 0);
  g_hash_table_remove_all (batch->by_style);
  for (gint64 i = 0; i < batch->columns * batch->rows; i++)
    if (batch->cells[i].entries != NULL)
      g_array_set_size (batch->cells[i].entries, 0);
  g_array_set_size (batch->big, 0);
  g_array_set_size (batch->all, 0);
  memcpy (batch->bounds, batch->clip, sizeof batch->bounds);
  batch->work = 0;
  batch->n_searches = 0;
  batch->n_laid = 0;
  batch->drawing = FALSE;
}

static void commit_pending (Batch *batch);

void
_wm_batch_flush (cairo_t *cr)
{
  Batch *batch = batch_get (cr);

  if (batch != NULL && !batch->drawing)
    {
      commit_pending (batch);
      draw_all (batch, cr);
    }
}

gboolean
_wm_batch_is_open (cairo_t *cr)
{
  return batch_get (cr) != NULL;
}

void
_wm_batch_close (cairo_t *cr)
{
  Batch *batch = batch_get (cr);

  _wm_batch_flush (cr);
  if (batch != NULL)
    g_debug ("%u shapes and texts drawn in %u groups, %u flushes, grid laid anew %u times, "
             "%u searches read %" G_GUINT64_FORMAT " boxes and cells",
             batch->n_ops, batch->n_groups_drawn, batch->n_flushes, batch->n_regrids,
             batch->n_searches_all, batch->n_reads);
  cairo_set_user_data (cr, &batch_key, NULL, NULL);
}

struct _WmBatchHeld
{
  GPtrArray *groups;
};

/* Closes the batch of @cr without drawing what it holds, which it returns;
 * NULL when no batch is open. */
WmBatchHeld *
_wm_batch_close_held (cairo_t *cr)
{
  Batch *batch = batch_get (cr);
  WmBatchHeld *held;

  if (batch == NULL)
    return NULL;
  commit_pending (batch);
  held = g_new (WmBatchHeld, 1);
  held->groups = batch->groups;
  batch->groups = g_ptr_array_new_with_free_func (group_free);
  cairo_set_user_data (cr, &batch_key, NULL, NULL);
  return held;
}

/* Draws on @cr, as its own batch would, what another held, and frees it.
 * What the batch of @cr holds is to be drawn first (_wm_batch_flush()). */
void
_wm_batch_draw_held (cairo_t     *cr,
                     WmBatchHeld *held)
{
  draw_groups (cr, held->groups);
  _wm_batch_held_free (held);
}

void
_wm_batch_held_free (WmBatchHeld *held)
{
  g_ptr_array_unref (held->groups);
  g_free (held);
}

void
_wm_batch_get_counts (cairo_t *cr,
                      guint   *n_groups,
                      guint   *n_ops)
{
  Batch *batch = batch_get (cr);

  guint pending = batch != NULL && batch->pending.path != NULL ? 1 : 0;

  if (n_groups != NULL)
    *n_groups = batch != NULL ? batch->n_groups_drawn + batch->groups->len : 0;
  if (n_ops != NULL)
    *n_ops = batch != NULL ? batch->n_ops + pending : 0;
}

void
_wm_batch_get_grid (cairo_t *cr,
                    guint   *n_regrids,
                    double  *cell)
{
  Batch *batch = batch_get (cr);

  if (n_regrids != NULL)
    *n_regrids = batch != NULL ? batch->n_regrids : 0;
  if (cell != NULL)
    *cell = batch != NULL ? batch->cell : 0;
}

void
_wm_batch_get_reads (cairo_t *cr,
                     guint   *n_searches,
                     guint64 *n_reads)
{
  Batch *batch = batch_get (cr);

  if (n_searches != NULL)
    *n_searches = batch != NULL ? batch->n_searches_all : 0;
  if (n_reads != NULL)
    *n_reads = batch != NULL ? batch->n_reads : 0;
}

/* The box around the corners of the box @from (x0, y0, x1, y1) brought
 * through @matrix, as cairo finds a clip's extents in user space. */
static void
transformed_box (const cairo_matrix_t *matrix,
                 const double          from[4],
                 double                box[4])
{
  for (guint i = 0; i < 4; i++)
    {
      double x = from[i < 2 ? 0 : 2], y = from[i % 2 == 0 ? 1 : 3];

      cairo_matrix_transform_point (matrix, &x, &y);
      box[0] = i == 0 ? x : MIN (box[0], x);
      box[1] = i == 0 ? y : MIN (box[1], y);
      box[2] = i == 0 ? x : MAX (box[2], x);
      box[3] = i == 0 ? y : MAX (box[3], y);
    }
}

/* Whether the clip of @cr, whose matrix is @matrix, is the one the batch
 * was opened under: its extents in user space are those of the batch's
 * clip brought there (the way cairo finds them, a box around the corners). */
static gboolean
same_clip (Batch                *batch,
           cairo_t              *cr,
           const cairo_matrix_t *matrix)
{
  cairo_matrix_t inverse = *matrix;
  double clip[4], box[4], slack;

  if (cairo_matrix_invert (&inverse) != CAIRO_STATUS_SUCCESS)
    return FALSE;
  cairo_clip_extents (cr, &clip[0], &clip[1], &clip[2], &clip[3]);
  transformed_box (&inverse, batch->clip, box);
  slack = 1e-6 * MAX (1, MAX (box[2] - box[0], box[3] - box[1]));
  for (guint i = 0; i < 4; i++)
    if (fabs (clip[i] - box[i]) > slack)
      return FALSE;
  return TRUE;
}

/* Whether @cr, whose matrix is @matrix, draws where, and as, the batch was
 * opened; sets the colour of @style from its source. */
static gboolean
usable (Batch                *batch,
        cairo_t              *cr,
        const cairo_matrix_t *matrix,
        Style                *style)
{
  if (batch->drawing)
    return FALSE;
  if (cairo_get_group_target (cr) != batch->target)
    {
      if (batch->groups->len > 0)
        g_critical ("A group was pushed while a batch held shapes: flush it first");
      return FALSE;
    }
  if (cairo_get_operator (cr) != CAIRO_OPERATOR_OVER
      || cairo_pattern_get_rgba (cairo_get_source (cr), &style->rgba[0], &style->rgba[1],
                                 &style->rgba[2], &style->rgba[3]) != CAIRO_STATUS_SUCCESS)
    return FALSE;
  if (!same_clip (batch, cr, matrix))
    {
      /* What the batch holds can no longer be drawn where it belongs. */
      if (batch->groups->len > 0)
        g_critical ("A clip was set while a batch held shapes: clip with wm_clip()");
      return FALSE;
    }
  style->antialias = cairo_get_antialias (cr);
  return TRUE;
}

typedef struct
{
  gint64 x0, y0, x1, y1;
} CellRange;

/* The cell @offset from the grid's start falls in, or the nearest. */
static gint64
cell_index (const Batch *batch,
            double       offset,
            gint64       n)
{
  double index = floor (offset / batch->cell);

  return index >= 0 ? (gint64) MIN (index, (double) (n - 1)) : 0;
}

static gboolean
cell_range (const Batch *batch,
            const Entry *box,
            CellRange   *range)
{
  range->x0 = cell_index (batch, box->x0 - batch->origin[0], batch->columns);
  range->y0 = cell_index (batch, box->y0 - batch->origin[1], batch->rows);
  range->x1 = cell_index (batch, box->x1 - batch->origin[0], batch->columns);
  range->y1 = cell_index (batch, box->y1 - batch->origin[1], batch->rows);
  return (range->x1 - range->x0 + 1) * (range->y1 - range->y0 + 1) < BIG_CELLS;
}

static gboolean
boxes_meet (const Entry *a,
            const Entry *b)
{
  return a->x0 <= b->x1 && b->x0 <= a->x1 && a->y0 <= b->y1 && b->y0 <= a->y1;
}

/* Raises *@latest to the latest group of the @entries @box meets;
 * returns how many it read. They are read from the latest filed (the
 * latest groups, mostly, and what a painter's next shape overlaps) back to
 * where none filed before could be later than what was found. */
static guint
meet_entries (GArray      *entries,
              const Entry *box,
              gboolean    *found,
              guint       *latest)
{
  guint i = entries->len;

  while (i > 0)
    {
      const Entry *entry = &g_array_index (entries, Entry, --i);

      if (*found && entry->upto <= *latest)
        return entries->len - i;
      if ((!*found || entry->group > *latest) && boxes_meet (entry, box))
        {
          *found = TRUE;
          *latest = entry->group;
        }
    }
  return entries->len;
}

/* The latest group holding something @box meets; FALSE when there is none. */
static gboolean
latest_met (Batch       *batch,
            const Entry *box,
            guint       *latest)
{
  gboolean found = FALSE;
  CellRange range;
  guint64 reads;

  batch->n_searches++;
  batch->n_searches_all++;
  reads = meet_entries (batch->big, box, &found, latest);
  if (!cell_range (batch, box, &range))
    {
      /* A big shape: what it meets is anywhere; it comes after everything. */
      batch->work += reads;
      batch->n_reads += reads;
      if (batch->groups->len > 0)
        {
          found = TRUE;
          *latest = batch->groups->len - 1;
        }
      return found;
    }
  for (gint64 x = range.x0; x <= range.x1; x++)
    for (gint64 y = range.y0; y <= range.y1; y++)
      {
        Cell *cell = &batch->cells[y * batch->columns + x];

        reads++;
        if (cell->entries != NULL)
          reads += meet_entries (cell->entries, box, &found, latest);
      }
  batch->work += reads;
  batch->n_reads += reads;
  return found;
}

/* Appends @box to @entries, with the latest group it and those before it
 * hold. */
static void
append_entry (GArray      *entries,
              const Entry *box)
{
  Entry entry = *box;

  if (entries->len > 0)
    entry.upto = MAX (entry.group, g_array_index (entries, Entry, entries->len - 1).upto);
  else
    entry.upto = entry.group;
  g_array_append_val (entries, entry);
}

/* Puts @box in the cells it covers, or with the big ones. */
static void
place_box (Batch       *batch,
           const Entry *box)
{
  CellRange range;

  if (!cell_range (batch, box, &range))
    {
      append_entry (batch->big, box);
      return;
    }
  for (gint64 x = range.x0; x <= range.x1; x++)
    for (gint64 y = range.y0; y <= range.y1; y++)
      {
        Cell *cell = &batch->cells[y * batch->columns + x];

        if (cell->entries == NULL)
          cell->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
        append_entry (cell->entries, box);
      }
}

/* The size of cells about twice as wide as the space of one box filed so
 * far, in the box they lie in. */
static double
dense_cell (const Batch *batch)
{
  double width = batch->bounds[2] - batch->bounds[0], height = batch->bounds[3] - batch->bounds[1];

  return 2 * sqrt (MAX (width, 1) * MAX (height, 1) / batch->all->len);
}

/* Whether the boxes filed so far reach past the grid, where they pile up
 * in its outer cells. */
static gboolean
spread_past_grid (const Batch *batch)
{
  return batch->bounds[0] < batch->origin[0] || batch->bounds[1] < batch->origin[1] ||
         batch->bounds[2] > batch->origin[0] + (double) batch->columns * batch->cell ||
         batch->bounds[3] > batch->origin[1] + (double) batch->rows * batch->cell;
}

/* Lays the grid anew over the box the boxes filed so far lie in, grown by
 * its own size on every side (painters go on from where they are: the
 * next items come beside the last ones) and kept within the clip, with
 * cells of dense_cell(); files them all again. */
static void
regrid (Batch *batch)
{
  double x0 = batch->bounds[0], y0 = batch->bounds[1], x1 = batch->bounds[2], y1 = batch->bounds[3];
  double width = x1 - x0, height = y1 - y0, cell = dense_cell (batch);

  x0 = MAX (x0 - width, batch->clip[0]);
  y0 = MAX (y0 - height, batch->clip[1]);
  width = MIN (x1 + width, batch->clip[2]) - x0;
  height = MIN (y1 + height, batch->clip[3]) - y0;
  for (gint64 i = 0; i < batch->columns * batch->rows; i++)
    g_clear_pointer (&batch->cells[i].entries, g_array_unref);
  g_free (batch->cells);
  g_array_set_size (batch->big, 0);
  batch->origin[0] = x0;
  batch->origin[1] = y0;
  batch->cell = MAX (cell, MAX (width, height) / MAX_CELLS);
  batch->columns = (gint64) CLAMP (ceil (width / batch->cell), 1, MAX_CELLS);
  batch->rows = (gint64) CLAMP (ceil (height / batch->cell), 1, MAX_CELLS);
  batch->cells = g_new0 (Cell, batch->columns * batch->rows);
  for (guint i = 0; i < batch->all->len; i++)
    place_box (batch, &g_array_index (batch->all, Entry, i));
  batch->n_regrids++;
}

/* Grows the bounds to take in @box, within the clip: the first box filed
 * sets them (they start as the clip). */
static void
grow_bounds (Batch       *batch,
             const Entry *box)
{
  const double edges[4] = { box->x0, box->y0, box->x1, box->y1 };

  for (guint i = 0; i < 4; i++)
    {
      double edge = batch->all->len == 0 ? edges[i]
                    : i < 2 ? MIN (batch->bounds[i], edges[i]) : MAX (batch->bounds[i], edges[i]);

      batch->bounds[i] = CLAMP (edge, batch->clip[i % 2], batch->clip[2 + i % 2]);
    }
}

/* Files @box, whose group is set, and lays the grid anew when searching it
 * has cost too much since it was last laid and the boxes have doubled. */
static void
file_box (Batch       *batch,
          const Entry *box)
{
  grow_bounds (batch, box);
  g_array_append_vals (batch->all, box, 1);
  place_box (batch, box);
  if (batch->n_searches >= REGRID_SHAPES && batch->work > REGRID_WORK * (guint64) batch->n_searches
      && batch->all->len >= 2 * batch->n_laid
      && (dense_cell (batch) <= batch->cell / 4 || spread_past_grid (batch)))
    {
      regrid (batch);
      batch->n_laid = batch->all->len;
      batch->work = 0;
      batch->n_searches = 0;
    }
}

/* The group that takes a shape or text of @style whose ink lies in @box:
 * the earliest of its style after everything it overlaps, or a new one. */
static Group *
group_for (Batch       *batch,
           const Style *style,
           Entry       *box)
{
  GArray *list = g_hash_table_lookup (batch->by_style, style);
  guint latest = 0, from = 0;
  Group *group;

  if (latest_met (batch, box, &latest))
    {
      /* Translucent shapes would darken where they overlap once instead of
       * twice. Opaque fills may share a path when every part of both
       * turns the same way: filled by the winding rule, it covers their
       * union; parts turning both ways could cancel into a hole. Paths
       * filled and stroked never: all are filled before any is stroked,
       * so one's stroke would show over another's fill drawn after it. */
      gboolean apart = style->kind == KIND_FILL_STROKE ||
                       (style->kind != KIND_TEXT &&
                        (style->rgba[3] < 1 ||
                         (style->kind == KIND_FILL &&
                          (style->turn == 0 || style->rule != CAIRO_FILL_RULE_WINDING))));

      from = latest + (apart ? 1 : 0);
    }
  if (list != NULL)
    {
      guint lo = 0, hi = list->len;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (list, guint, mid) < from)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo < list->len)
        {
          box->group = g_array_index (list, guint, lo);
          file_box (batch, box);
          return g_ptr_array_index (batch->groups, box->group);
        }
    }
  else
    {
      list = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (batch->by_style, g_memdup2 (style, sizeof *style), list);
    }
  group = g_new0 (Group, 1);
  group->style = *style;
  if (style->kind == KIND_TEXT)
    group->texts = g_array_new (FALSE, FALSE, sizeof (TextOp));
  else
    group->path = g_array_new (FALSE, FALSE, sizeof (cairo_path_data_t));
  box->group = batch->groups->len;
  g_ptr_array_add (batch->groups, group);
  g_array_append_val (list, box->group);
  file_box (batch, box);
  return group;
}

/* Which way every part of @path turns, by the sign of the area of its
 * points, control points included (a curve's own turn for the convex
 * shapes painters draw): 1 or -1, or 0 when its parts differ or one of
 * them is flat. A lone move (cairo adds one after closing) is no part. */
static int
path_turn (const cairo_path_t *path)
{
  double area = 0, x0 = 0, y0 = 0, px = 0, py = 0;
  int turn = 0, points = 0;

  for (int i = 0; i <= path->num_data; i += i < path->num_data ? path->data[i].header.length : 1)
    {
      const cairo_path_data_t *data = i < path->num_data ? &path->data[i] : NULL;

      if (data == NULL || data->header.type == CAIRO_PATH_MOVE_TO)
        {
          if (points > 1)
            {
              int sign;

              area += px * y0 - x0 * py;
              sign = area > 0 ? 1 : area < 0 ? -1 : 0;
              if (sign == 0 || (turn != 0 && sign != turn))
                return 0;
              turn = sign;
            }
          if (data == NULL)
            break;
          x0 = px = data[1].point.x;
          y0 = py = data[1].point.y;
          area = 0;
          points = 1;
          continue;
        }
      for (int k = 1; k < data->header.length; k++)
        {
          area += px * data[k].point.y - data[k].point.x * py;
          px = data[k].point.x;
          py = data[k].point.y;
          points++;
        }
    }
  return turn;
}

/* How far a mitred corner of @path reaches past it, in half pens: 1/sin
 * of half the angle between its segments, where that is within @limit
 * (beyond it cairo bevels the corner, which stays within half a pen).
 * Directions come from the points, control points included, which are
 * the tangents where a curve meets a line. */
static double
miter_reach (const cairo_path_t *path,
             double              limit)
{
  double reach = 1, dx0 = 0, dy0 = 0, px = 0, py = 0, sx = 0, sy = 0, fx = 0, fy = 0;
  gboolean have_first = FALSE, have_last = FALSE;

  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *data = &path->data[i];
      int type = data->header.type;

      if (type == CAIRO_PATH_MOVE_TO)
        {
          px = sx = data[1].point.x;
          py = sy = data[1].point.y;
          have_first = have_last = FALSE;
          continue;
        }
      for (int k = 1; k <= (type == CAIRO_PATH_CLOSE_PATH ? 2 : data->header.length - 1); k++)
        {
          /* A close draws back to the start, then joins the first segment. */
          double x = type == CAIRO_PATH_CLOSE_PATH ? (k == 1 ? sx : px + fx) : data[k].point.x;
          double y = type == CAIRO_PATH_CLOSE_PATH ? (k == 1 ? sy : py + fy) : data[k].point.y;
          double dx = x - px, dy = y - py, length = hypot (dx, dy);

          if (length <= 0 || (type == CAIRO_PATH_CLOSE_PATH && k == 2 && !have_first))
            continue;
          dx /= length;
          dy /= length;
          if (have_last)
            {
              double ratio = 1 / sqrt (MAX (1e-12, (1 + (dx0 * dx + dy0 * dy)) / 2));

              if (ratio <= limit)
                reach = MAX (reach, ratio);
            }
          if (!have_first)
            {
              fx = dx;
              fy = dy;
              have_first = TRUE;
            }
          dx0 = dx;
          dy0 = dy;
          have_last = TRUE;
          px = x;
          py = y;
        }
    }
  return reach;
}

/* The bounding box of the points of @path; FALSE when it has none. */
static gboolean
path_box (const cairo_path_t *path,
          Entry              *box)
{
  gboolean any = FALSE;

  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *data = &path->data[i];

      for (int k = 1; k < data->header.length; k++)
        {
          double x = data[k].point.x, y = data[k].point.y;

          if (!any)
            {
              *box = (Entry) { x, y, x, y, 0 };
              any = TRUE;
            }
          box->x0 = MIN (box->x0, x);
          box->y0 = MIN (box->y0, y);
          box->x1 = MAX (box->x1, x);
          box->y1 = MAX (box->y1, y);
        }
    }
  return any;
}

/* The current path of @cr, in device space, under @style in @shape, with
 * the box its ink lies in: the path's, grown by how far the pen reaches
 * past it (half the pen, more at a square cap, the diagonal, or a mitred
 * corner). FALSE when the path has no points. */
static gboolean
shape_init (cairo_t *cr,
            Style   *style,
            Shape   *shape)
{
  double grow = 0;

  cairo_save (cr);
  cairo_identity_matrix (cr);
  shape->path = cairo_copy_path (cr);
  cairo_restore (cr);
  if (shape->path->status != CAIRO_STATUS_SUCCESS || !path_box (shape->path, &shape->box))
    {
      g_clear_pointer (&shape->path, cairo_path_destroy);
      return FALSE;
    }
  if (style->kind == KIND_FILL)
    style->turn = path_turn (shape->path);
  else
    grow = style->width / 2 *
           MAX (style->cap == CAIRO_LINE_CAP_SQUARE ? G_SQRT2 : 1,
                style->join == CAIRO_LINE_JOIN_MITER ? miter_reach (shape->path, style->miter) : 1);
  shape->box.x0 -= grow;
  shape->box.y0 -= grow;
  shape->box.x1 += grow;
  shape->box.y1 += grow;
  shape->style = *style;
  return TRUE;
}

/* Gives @shape to the group that takes it; the path goes with it. */
static void
file_shape (Batch *batch,
            Shape *shape)
{
  Group *group = group_for (batch, &shape->style, &shape->box);

  g_array_append_vals (group->path, shape->path->data, (guint) shape->path->num_data);
  batch->n_ops += shape->style.kind == KIND_FILL_STROKE ? 2 : 1;
  g_clear_pointer (&shape->path, cairo_path_destroy);
}

/* Files the fill kept for a stroke that did not come. */
static void
commit_pending (Batch *batch)
{
  if (batch->pending.path != NULL)
    file_shape (batch, &batch->pending);
}

/* Element by element: a header's padding is not set. */
static gboolean
same_path (const cairo_path_t *a,
           const cairo_path_t *b)
{
  if (a->num_data != b->num_data)
    return FALSE;
  for (int i = 0; i < a->num_data; i += a->data[i].header.length)
    {
      if (a->data[i].header.type != b->data[i].header.type
          || a->data[i].header.length != b->data[i].header.length)
        return FALSE;
      for (int k = 1; k < a->data[i].header.length; k++)
        if (a->data[i + k].point.x != b->data[i + k].point.x
            || a->data[i + k].point.y != b->data[i + k].point.y)
          return FALSE;
    }
  return TRUE;
}

/* Whether every segment of @path runs level or upright. */
static gboolean
path_is_rectilinear (const cairo_path_t *path)
{
  double x = 0, y = 0, sx = 0, sy = 0;

  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *data = &path->data[i];
      double nx = sx, ny = sy;

      switch (data->header.type)
        {
        case CAIRO_PATH_MOVE_TO:
          x = sx = data[1].point.x;
          y = sy = data[1].point.y;
          continue;
        case CAIRO_PATH_LINE_TO:
          nx = data[1].point.x;
          ny = data[1].point.y;
          break;
        case CAIRO_PATH_CLOSE_PATH:
          break;
        case CAIRO_PATH_CURVE_TO:
        default:
          return FALSE;
        }
      if (nx != x && ny != y)
        return FALSE;
      x = nx;
      y = ny;
    }
  return TRUE;
}

/* Whether the stroke of @path, in @box, with the pen of @style lies inside
 * the clip as cairo reckons it. Cairo records a drawing without its clip
 * where the clip cannot cut it, judged on whole pixels from a rough reach
 * of the pen (at a mitred join of any path not all level and upright, as
 * far as the miter limit allows), and writes a fill and a stroke as one
 * only when both were recorded with the same clip. */
static gboolean
stroke_inside_clip (const Batch        *batch,
                    const Style        *style,
                    const cairo_path_t *path,
                    const Entry        *box)
{
  double reach = style->cap == CAIRO_LINE_CAP_SQUARE ? G_SQRT2 / 2 : 0.5;

  if (style->join == CAIRO_LINE_JOIN_MITER && !path_is_rectilinear (path))
    reach = MAX (reach, G_SQRT2 * style->miter);
  reach = reach * style->width + 1;
  return box->x0 - reach >= batch->clip[0] && box->y0 - reach >= batch->clip[1] &&
         box->x1 + reach <= batch->clip[2] && box->y1 + reach <= batch->clip[3];
}

/* Files @stroke; when it strokes the path of the fill kept before it, the
 * two as one shape, a path filled and stroked: half the path to write. */
static void
file_stroke (Batch *batch,
             Shape *stroke)
{
  Shape *fill = &batch->pending;

  if (fill->path != NULL && fill->style.antialias == stroke->style.antialias
      && stroke_inside_clip (batch, &stroke->style, fill->path, &fill->box)
      && same_path (fill->path, stroke->path))
    {
      Style *style = &stroke->style;

      memcpy (style->line_rgba, style->rgba, sizeof style->rgba);
      memcpy (style->rgba, fill->style.rgba, sizeof style->rgba);
      style->kind = KIND_FILL_STROKE;
      style->rule = fill->style.rule;
      g_clear_pointer (&fill->path, cairo_path_destroy);
    }
  else
    commit_pending (batch);
  file_shape (batch, stroke);
}

/* The batch open on @cr, with @style cleared and the matrix of @cr in
 * @matrix; NULL when there is none. */
static Batch *
batch_begin (cairo_t        *cr,
             cairo_matrix_t *matrix,
             Style          *style)
{
  Batch *batch = batch_get (cr);

  if (batch != NULL)
    {
      memset (style, 0, sizeof *style);
      cairo_get_matrix (cr, matrix);
    }
  return batch;
}

/* The batch does not take this one: what it holds is drawn, and the
 * caller draws at once after it. */
static gboolean
refuse (cairo_t *cr)
{
  _wm_batch_flush (cr);
  return FALSE;
}

gboolean
_wm_batch_fill (cairo_t  *cr,
                gboolean  preserve)
{
  cairo_matrix_t matrix;
  Style style;
  Batch *batch = batch_begin (cr, &matrix, &style);

  if (batch == NULL)
    return FALSE;
  if (!usable (batch, cr, &matrix, &style))
    return refuse (cr);
  style.kind = KIND_FILL;
  style.rule = cairo_get_fill_rule (cr);
  commit_pending (batch);
  if (shape_init (cr, &style, &batch->pending) && !preserve)
    commit_pending (batch);
  if (!preserve)
    cairo_new_path (cr);
  return TRUE;
}

/* The scale of a matrix that only turns and scales alike in both
 * directions, under which a round pen stays round; 0 for any other. */
static double
similarity_scale (const cairo_matrix_t *m)
{
  double scale = sqrt (m->xx * m->xx + m->yx * m->yx);

  if (fabs (m->xx - m->yy) > 1e-9 * scale || fabs (m->xy + m->yx) > 1e-9 * scale)
    return 0;
  return scale;
}

gboolean
_wm_batch_stroke (cairo_t  *cr,
                  gboolean  preserve)
{
  cairo_matrix_t matrix;
  double scale;
  Style style;
  Shape shape;
  Batch *batch = batch_begin (cr, &matrix, &style);

  if (batch == NULL)
    return FALSE;
  scale = similarity_scale (&matrix);
  style.n_dashes = cairo_get_dash_count (cr);
  if (scale <= 0 || style.n_dashes > (int) G_N_ELEMENTS (style.dashes)
      || !usable (batch, cr, &matrix, &style))
    return refuse (cr);
  style.kind = KIND_STROKE;
  style.width = cairo_get_line_width (cr) * scale;
  style.cap = cairo_get_line_cap (cr);
  style.join = cairo_get_line_join (cr);
  style.miter = cairo_get_miter_limit (cr);
  cairo_get_dash (cr, style.dashes, &style.dash_offset);
  for (int i = 0; i < style.n_dashes; i++)
    style.dashes[i] *= scale;
  style.dash_offset *= scale;
  if (shape_init (cr, &style, &shape))
    file_stroke (batch, &shape);
  else
    commit_pending (batch);
  if (!preserve)
    cairo_new_path (cr);
  return TRUE;
}

gboolean
_wm_batch_show_layout (cairo_t     *cr,
                       PangoLayout *layout)
{
  PangoRectangle ink, logical;
  double x, y, extent[4], device[4];
  TextOp op;
  Style style;
  Entry box;
  Group *group;
  Batch *batch = batch_begin (cr, &op.matrix, &style);

  if (batch == NULL)
    return FALSE;
  if (!usable (batch, cr, &op.matrix, &style))
    return refuse (cr);
  style.kind = KIND_TEXT;
  commit_pending (batch);
  cairo_get_current_point (cr, &x, &y);
  cairo_matrix_translate (&op.matrix, x, y);
  pango_layout_get_extents (layout, &ink, &logical);
  extent[0] = (double) MIN (ink.x, logical.x) / PANGO_SCALE;
  extent[1] = (double) MIN (ink.y, logical.y) / PANGO_SCALE;
  extent[2] = (double) MAX (ink.x + ink.width, logical.x + logical.width) / PANGO_SCALE;
  extent[3] = (double) MAX (ink.y + ink.height, logical.y + logical.height) / PANGO_SCALE;
  transformed_box (&op.matrix, extent, device);
  box = (Entry) { device[0], device[1], device[2], device[3], 0 };
  group = group_for (batch, &style, &box);
  op.layout = g_object_ref (layout);
  g_array_append_val (group->texts, op);
  batch->n_ops++;
  return TRUE;
}
