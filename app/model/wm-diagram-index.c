/* wm-diagram-index.c — the spatial index of a diagram: hit testing and culling
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hierarchical uniform grid. Level 0 has cells of 256 units; each level
 * above has cells 16 times wider. An item goes into the lowest level where
 * it covers at most 16 cells, so a query visits a few cells per level
 * whatever the diagram's size, and even a huge subject or a link across the
 * whole diagram costs a handful of cell entries. Items that no level holds
 * (beyond the grid's reach, or with coordinates that are not finite) stay
 * in a global list that every query reads; with levels reaching a billion
 * units, that list is empty in any real diagram.
 *
 * The index follows the model lazily. The diagram's primitives report what
 * they are about to insert, remove or change; those items are marked dirty
 * and placed again, from their state at that time, by the next query. So an
 * edit costs a hash insertion, a node dragged over many steps is placed once
 * per frame, and the reader, which fills items in after inserting them, is
 * never seen half-read. The whole index is built by the first query, which
 * keeps it out of the time it takes to open a file.
 *
 * Links are also kept per end node (the adjacency behind
 * wm_diagram_links_of()), which is how a moved node finds the links whose
 * geometry spans it; and items per container (parent id), which is how a
 * moved container finds what it carries. Both follow the same dirty set.
 */
#define G_LOG_DOMAIN "wm-diagram"

#include "config.h"

#include <math.h>

#include "wm-diagram-private.h"

#define CELL_SIZE 256.0
#define N_LEVELS 3
#define LEVEL_FACTOR 16.0
#define MAX_CELLS_PER_ITEM 16
/* Cell coordinates are clamped to 15 bits so that a cell's key fits in 32
 * bits. Clamping keeps every overlap (it is monotonic), so an item beyond
 * the reach of a level only costs speed there, never a wrong answer. */
#define COORD_MIN (-16384)
#define COORD_MAX 16383
#define LEVEL_GLOBAL N_LEVELS
#define LEVEL_NONE (N_LEVELS + 1)

/* What the index knows of one item. */
typedef struct
{
  WmItem *item;
  WmRect  geometry;   /* as placed; nodes: their bounds, links: the box of their route */
  WmItem *ends[2];    /* links: the source and target nodes, NULL while missing */
  char   *parent;     /* the parent id it is filed under in children, or NULL */
  gint16  x0, y0, x1, y1;  /* the cells it covers on its level */
  guint8  level;      /* 0 to N_LEVELS - 1, LEVEL_GLOBAL or LEVEL_NONE (not placed) */
} Record;

/* A small growable array of records: the items of a cell, or the links of a node. */
typedef struct
{
  guint   len;
  guint   size;
  Record *records[];
} Bucket;

/* The cells that a rectangle covers on one level. */
typedef struct
{
  int x0, y0, x1, y1;
} Range;

struct _WmDiagramIndex
{
  gboolean    built;
  GHashTable *records;     /* WmItem * -> Record *, owned */
  GHashTable *cells[N_LEVELS];  /* per level: cell key -> Bucket *, owned */
  GPtrArray  *global;      /* Record * that no level holds */
  GHashTable *adjacency;   /* node WmItem * -> Bucket * of its links' records, owned */
  GHashTable *children;    /* parent id (owned) -> Bucket * of its children's records, owned */
  GHashTable *unresolved;  /* link Record * with a missing end */
  GHashTable *dirty;       /* WmItem * to place again */
};

/* Buckets */

/* Returns the bucket, which may have moved to grow; NULL is an empty bucket. */
static Bucket *
bucket_append (Bucket *bucket,
               Record *record)
{
  if (bucket == NULL)
    {
      bucket = g_malloc (sizeof (Bucket) + 4 * sizeof (Record *));
      bucket->len = 0;
      bucket->size = 4;
    }
  else if (bucket->len == bucket->size)
    {
      bucket->size *= 2;
      bucket = g_realloc (bucket, sizeof (Bucket) + bucket->size * sizeof (Record *));
    }
  bucket->records[bucket->len++] = record;
  return bucket;
}

/* Appends @record to the bucket that @table holds under @key, creating or
 * growing it; the table's own copy of a moved bucket must not be freed. */
static void
bucket_add_to (GHashTable *table,
               gpointer    key,
               Record     *record)
{
  Bucket *bucket = g_hash_table_lookup (table, key);
  Bucket *grown = bucket_append (bucket, record);

  if (grown == bucket)
    return;
  if (bucket != NULL)
    g_hash_table_steal (table, key);
  g_hash_table_insert (table, key, grown);
}

/* Removes @record, moving the last one into its place; FALSE if it was not there. */
static gboolean
bucket_remove (Bucket *bucket,
               Record *record)
{
  for (guint i = 0; i < bucket->len; i++)
    if (bucket->records[i] == record)
      {
        bucket->records[i] = bucket->records[--bucket->len];
        return TRUE;
      }
  return FALSE;
}

/* Cells */

/* Never 0, so that no key is NULL. */
static gpointer
cell_key (int x,
          int y)
{
  return GUINT_TO_POINTER (1u << 30 | (guint) (x - COORD_MIN) << 15 | (guint) (y - COORD_MIN));
}

static void
cell_unpack (gpointer key,
             int     *x,
             int     *y)
{
  *x = (int) (GPOINTER_TO_UINT (key) >> 15 & 0x7fff) + COORD_MIN;
  *y = (int) (GPOINTER_TO_UINT (key) & 0x7fff) + COORD_MIN;
}

/* Neighbouring cells have neighbouring keys; mixing spreads them over the table. */
static guint
cell_hash (gconstpointer key)
{
  return GPOINTER_TO_UINT (key) * 2654435761u;
}

static double
level_size (guint level)
{
  return CELL_SIZE * pow (LEVEL_FACTOR, level);
}

static int
cell_coord (double value,
            double size)
{
  double cell = floor (value / size);

  return (int) CLAMP (cell, COORD_MIN, COORD_MAX);
}

static gboolean
rect_is_finite (const WmRect *rect)
{
  return isfinite (rect->x) && isfinite (rect->y) && isfinite (rect->width) &&
         isfinite (rect->height) && isfinite (rect->x + rect->width) &&
         isfinite (rect->y + rect->height);
}

/* The cells of @rect (finite, of any sign of width) on @level. */
static Range
range_of (const WmRect *rect,
          guint         level)
{
  double size = level_size (level);
  double x2 = rect->x + rect->width, y2 = rect->y + rect->height;

  return (Range) { cell_coord (MIN (rect->x, x2), size), cell_coord (MIN (rect->y, y2), size),
                   cell_coord (MAX (rect->x, x2), size), cell_coord (MAX (rect->y, y2), size) };
}

static gint64
range_count (const Range *range)
{
  return (gint64) (range->x1 - range->x0 + 1) * (range->y1 - range->y0 + 1);
}

static void
cell_remove (GHashTable *cells,
             gpointer    key,
             Record     *record)
{
  Bucket *bucket = g_hash_table_lookup (cells, key);
  G_GNUC_UNUSED gboolean found = bucket != NULL && bucket_remove (bucket, record);

  g_assert (found);
  if (bucket->len == 0)
    g_hash_table_remove (cells, key);
}

/* Placing records */

static void
place (WmDiagramIndex *index,
       Record         *record)
{
  if (rect_is_finite (&record->geometry))
    for (guint level = 0; level < N_LEVELS; level++)
      {
        Range range = range_of (&record->geometry, level);

        if (range_count (&range) > MAX_CELLS_PER_ITEM)
          continue;
        record->level = (guint8) level;
        record->x0 = (gint16) range.x0;
        record->y0 = (gint16) range.y0;
        record->x1 = (gint16) range.x1;
        record->y1 = (gint16) range.y1;
        for (int y = range.y0; y <= range.y1; y++)
          for (int x = range.x0; x <= range.x1; x++)
            bucket_add_to (index->cells[level], cell_key (x, y), record);
        return;
      }
  record->level = LEVEL_GLOBAL;
  g_ptr_array_add (index->global, record);
}

static void
unplace (WmDiagramIndex *index,
         Record         *record)
{
  if (record->level == LEVEL_GLOBAL)
    g_ptr_array_remove_fast (index->global, record);
  else if (record->level < N_LEVELS)
    for (int y = record->y0; y <= record->y1; y++)
      for (int x = record->x0; x <= record->x1; x++)
        cell_remove (index->cells[record->level], cell_key (x, y), record);
  record->level = LEVEL_NONE;
}

/* Geometry */

static void
extend (double box[4],
        double x,
        double y)
{
  box[0] = MIN (box[0], x);
  box[1] = MIN (box[1], y);
  box[2] = MAX (box[2], x);
  box[3] = MAX (box[3], y);
}

/* A link's geometry is the box its route may take: the bounds of both ends
 * and its waypoints. FALSE when it has none of them. */
static gboolean
link_geometry (const Record *record,
               WmRect       *geometry)
{
  double box[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  const WmItem *link = record->item;
  gboolean any = link->n_points > 0;

  for (guint i = 0; i < 2; i++)
    if (record->ends[i] != NULL)
      {
        const WmRect *b = &record->ends[i]->bounds;

        extend (box, b->x, b->y);
        extend (box, b->x + b->width, b->y + b->height);
        any = TRUE;
      }
  for (guint i = 0; i < link->n_points; i++)
    extend (box, link->points[i].x, link->points[i].y);
  *geometry = (WmRect) { box[0], box[1], box[2] - box[0], box[3] - box[1] };
  return any;
}

/* Adjacency */

static gboolean
is_distinct_end (const Record *record,
                 guint         end)
{
  return record->ends[end] != NULL && (end == 0 || record->ends[1] != record->ends[0]);
}

static void
attach_ends (WmDiagramIndex *index,
             Record         *record)
{
  for (guint end = 0; end < 2; end++)
    if (is_distinct_end (record, end))
      bucket_add_to (index->adjacency, record->ends[end], record);
}

static void
detach_ends (WmDiagramIndex *index,
             Record         *record)
{
  for (guint end = 0; end < 2; end++)
    if (is_distinct_end (record, end))
      {
        Bucket *links = g_hash_table_lookup (index->adjacency, record->ends[end]);

        if (links != NULL && bucket_remove (links, record) && links->len == 0)
          g_hash_table_remove (index->adjacency, record->ends[end]);
      }
}

static WmItem *
lookup_node (WmDiagram  *self,
             const char *id)
{
  WmItem *item = wm_diagram_lookup (self, id);

  return item != NULL && wm_item_is_node (item) ? item : NULL;
}

/* Finds a link's end nodes and files the link under them. */
static void
resolve_ends (WmDiagram *self,
              Record    *record)
{
  WmDiagramIndex *index = self->index;
  WmItem *source = lookup_node (self, record->item->source);
  WmItem *target = lookup_node (self, record->item->target);

  if (source != record->ends[0] || target != record->ends[1])
    {
      detach_ends (index, record);
      record->ends[0] = source;
      record->ends[1] = target;
      attach_ends (index, record);
    }
  if (source == NULL || target == NULL)
    g_hash_table_add (index->unresolved, record);
  else
    g_hash_table_remove (index->unresolved, record);
}

/* Containment */

/* Takes @record out of its container's list. */
static void
unfile_parent (WmDiagramIndex *index,
               Record         *record)
{
  Bucket *children;

  if (record->parent != NULL &&
      (children = g_hash_table_lookup (index->children, record->parent)) != NULL &&
      bucket_remove (children, record) && children->len == 0)
    g_hash_table_remove (index->children, record->parent);
  g_clear_pointer (&record->parent, g_free);
}

/* Files @record under its item's parent id, if that changed. The parent
 * need not exist: the reader may name it before reading it. */
static void
file_parent (WmDiagramIndex *index,
             Record         *record)
{
  const char *parent = record->item->parent;
  char *key = NULL;
  Bucket *children = NULL;

  if (g_strcmp0 (record->parent, parent) == 0)
    return;
  unfile_parent (index, record);
  if (parent == NULL)
    return;
  record->parent = g_strdup (parent);
  /* A bucket may move as it grows: the table takes it back under its own key. */
  if (!g_hash_table_steal_extended (index->children, parent, (gpointer *) &key,
                                    (gpointer *) &children))
    key = g_strdup (parent);
  g_hash_table_insert (index->children, key, bucket_append (children, record));
}

static void
record_free (gpointer data)
{
  Record *record = data;

  g_free (record->parent);
  g_free (record);
}

/* Records */

/* Places @item again from its current state, creating its record if needed. */
static void
reindex (WmDiagram *self,
         WmItem    *item)
{
  WmDiagramIndex *index = self->index;
  Record *record = g_hash_table_lookup (index->records, item);

  if (record == NULL)
    {
      record = g_new0 (Record, 1);
      record->item = item;
      record->level = LEVEL_NONE;
      g_hash_table_insert (index->records, item, record);
    }
  unplace (index, record);
  file_parent (index, record);
  if (wm_item_is_node (item))
    record->geometry = item->bounds;
  else
    {
      resolve_ends (self, record);
      /* A link with neither ends nor waypoints is nowhere. */
      if (!link_geometry (record, &record->geometry))
        return;
    }
  place (index, record);
}

static void
build (WmDiagram *self)
{
  WmDiagramIndex *index = self->index;

  index->built = TRUE;
  g_hash_table_remove_all (index->dirty);
  for (guint i = 0; i < self->items->len; i++)
    reindex (self, g_ptr_array_index (self->items, i));
}

/* Brings the index up to date with the items' current state. */
static void
sync_index (WmDiagram *self)
{
  WmDiagramIndex *index = self->index;
  g_autofree gpointer *dirty = NULL;
  guint n_dirty;

  if (!index->built)
    {
      build (self);
      return;
    }
  if (g_hash_table_size (index->dirty) == 0)
    return;

  /* A link's geometry spans its end nodes, so it moves with them. */
  dirty = g_hash_table_get_keys_as_array (index->dirty, &n_dirty);
  for (guint i = 0; i < n_dirty; i++)
    {
      Bucket *links = g_hash_table_lookup (index->adjacency, dirty[i]);

      for (guint j = 0; links != NULL && j < links->len; j++)
        g_hash_table_add (index->dirty, links->records[j]->item);
    }
  g_clear_pointer (&dirty, g_free);
  dirty = g_hash_table_get_keys_as_array (index->dirty, &n_dirty);
  g_hash_table_remove_all (index->dirty);
  for (guint i = 0; i < n_dirty; i++)
    reindex (self, dirty[i]);
}

WmDiagramIndex *
_wm_diagram_index_new (void)
{
  WmDiagramIndex *index = g_new0 (WmDiagramIndex, 1);

  index->records = g_hash_table_new_full (NULL, NULL, NULL, record_free);
  for (guint level = 0; level < N_LEVELS; level++)
    index->cells[level] = g_hash_table_new_full (cell_hash, NULL, NULL, g_free);
  index->global = g_ptr_array_new ();
  index->adjacency = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  index->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  index->unresolved = g_hash_table_new (NULL, NULL);
  index->dirty = g_hash_table_new (NULL, NULL);
  return index;
}

void
_wm_diagram_index_free (WmDiagramIndex *index)
{
  if (index == NULL)
    return;
  g_hash_table_unref (index->dirty);
  g_hash_table_unref (index->unresolved);
  g_hash_table_unref (index->adjacency);
  g_hash_table_unref (index->children);
  g_ptr_array_unref (index->global);
  for (guint level = 0; level < N_LEVELS; level++)
    g_hash_table_unref (index->cells[level]);
  g_hash_table_unref (index->records);
  g_free (index);
}

/* Hooks of the diagram's primitives */

void
_wm_diagram_index_inserted (WmDiagram *self,
                            WmItem    *item)
{
  WmDiagramIndex *index = self->index;
  GHashTableIter iter;
  Record *link;

  if (!index->built)
    return;
  g_hash_table_add (index->dirty, item);
  if (!wm_item_is_node (item) || g_hash_table_size (index->unresolved) == 0)
    return;

  /* Links read or restored before this node waited for it. */
  g_hash_table_iter_init (&iter, index->unresolved);
  while (g_hash_table_iter_next (&iter, (gpointer *) &link, NULL))
    if (g_strcmp0 (link->item->source, item->id) == 0 ||
        g_strcmp0 (link->item->target, item->id) == 0)
      g_hash_table_add (index->dirty, link->item);
}

/* A node's links lose it as an end and wait to be placed again. */
static void
release_links (WmDiagramIndex *index,
               WmItem         *node)
{
  Bucket *links = NULL;

  if (!g_hash_table_steal_extended (index->adjacency, node, NULL, (gpointer *) &links))
    return;
  for (guint i = 0; i < links->len; i++)
    {
      Record *link = links->records[i];

      for (guint end = 0; end < 2; end++)
        if (link->ends[end] == node)
          link->ends[end] = NULL;
      g_hash_table_add (index->unresolved, link);
      g_hash_table_add (index->dirty, link->item);
    }
  g_free (links);
}

void
_wm_diagram_index_removed (WmDiagram *self,
                           WmItem    *item)
{
  WmDiagramIndex *index = self->index;
  Record *record = NULL;

  if (!index->built)
    return;
  g_hash_table_remove (index->dirty, item);
  if (wm_item_is_node (item))
    release_links (index, item);
  if (!g_hash_table_steal_extended (index->records, item, NULL, (gpointer *) &record))
    return;
  unplace (index, record);
  if (wm_item_is_link (item))
    {
      detach_ends (index, record);
      g_hash_table_remove (index->unresolved, record);
    }
  unfile_parent (index, record);
  record_free (record);
}

void
_wm_diagram_index_changed (WmDiagram    *self,
                           const WmItem *item)
{
  if (self->index->built)
    g_hash_table_add (self->index->dirty, (gpointer) item);
}

/* Visiting the candidates of an area */

typedef void (*VisitFunc) (Record  *record,
                           gpointer data);

typedef struct
{
  const Range *range;
  VisitFunc    func;
  gpointer     data;
} Visit;

/* Visits each record of a cell once: in the first cell it shares with the area. */
static void
visit_bucket (Visit        *visit,
              const Bucket *bucket,
              int           x,
              int           y)
{
  for (guint i = 0; i < bucket->len; i++)
    {
      Record *record = bucket->records[i];

      if (x == MAX (record->x0, visit->range->x0) && y == MAX (record->y0, visit->range->y0))
        visit->func (record, visit->data);
    }
}

/* Visits the cells of @cells that @visit's range covers: by looking each up,
 * or when the range has more cells than the level holds, by walking them all. */
static void
visit_level (GHashTable *cells,
             Visit      *visit)
{
  const Range *range = visit->range;
  GHashTableIter iter;
  gpointer key;
  Bucket *bucket;
  int x, y;

  if (range_count (range) <= g_hash_table_size (cells))
    {
      for (y = range->y0; y <= range->y1; y++)
        for (x = range->x0; x <= range->x1; x++)
          if ((bucket = g_hash_table_lookup (cells, cell_key (x, y))) != NULL)
            visit_bucket (visit, bucket, x, y);
      return;
    }
  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, &key, (gpointer *) &bucket))
    {
      cell_unpack (key, &x, &y);
      if (x >= range->x0 && x <= range->x1 && y >= range->y0 && y <= range->y1)
        visit_bucket (visit, bucket, x, y);
    }
}

/* Calls @func once for every record that might meet @area: those of the
 * cells it covers on every level and the global ones. */
static void
visit_area (WmDiagram    *self,
            const WmRect *area,
            VisitFunc     func,
            gpointer      data)
{
  WmDiagramIndex *index = self->index;

  sync_index (self);
  if (!rect_is_finite (area))
    {
      /* Every record then; the caller's exact test decides. */
      GHashTableIter iter;
      Record *record;

      g_hash_table_iter_init (&iter, index->records);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &record))
        if (record->level != LEVEL_NONE)
          func (record, data);
      return;
    }
  for (guint level = 0; level < N_LEVELS; level++)
    if (g_hash_table_size (index->cells[level]) > 0)
      {
        Range range = range_of (area, level);
        Visit visit = { &range, func, data };

        visit_level (index->cells[level], &visit);
      }
  for (guint i = 0; i < index->global->len; i++)
    func (g_ptr_array_index (index->global, i), data);
}

/* Sorting by z */

static int
compare_z (gconstpointer a,
           gconstpointer b)
{
  const WmItem *x = *(WmItem *const *) a, *y = *(WmItem *const *) b;

  return x->z < y->z ? -1 : x->z > y->z;
}

/* Puts @items in z-order: by a sort when they are few, else by marking
 * their positions and reading the diagram's order back. */
static void
sort_by_z (WmDiagram *self,
           GPtrArray *items)
{
  guint n = self->items->len;
  g_autofree guint64 *marks = NULL;

  if (items->len < 2 || items->len < n / 16)
    {
      g_ptr_array_sort (items, compare_z);
      return;
    }
  marks = g_new0 (guint64, n / 64 + 1);
  for (guint i = 0; i < items->len; i++)
    {
      guint z = ((WmItem *) g_ptr_array_index (items, i))->z;
      marks[z / 64] |= G_GUINT64_CONSTANT (1) << (z % 64);
    }
  g_ptr_array_set_size (items, 0);
  for (guint z = 0; z < n; z++)
    if (marks[z / 64] & G_GUINT64_CONSTANT (1) << (z % 64))
      g_ptr_array_add (items, g_ptr_array_index (self->items, z));
}

/* Queries */

typedef struct
{
  const WmRect *rect;
  GPtrArray    *found;
} Query;

static void
query_visit (Record  *record,
             gpointer data)
{
  Query *query = data;

  if (wm_rect_intersects (&record->geometry, query->rect))
    g_ptr_array_add (query->found, record->item);
}

GPtrArray *
wm_diagram_query (WmDiagram    *self,
                  const WmRect *rect)
{
  Query query = { rect, g_ptr_array_new () };

  g_return_val_if_fail (WM_IS_DIAGRAM (self), query.found);
  g_return_val_if_fail (rect != NULL, query.found);

  visit_area (self, rect, query_visit, &query);
  sort_by_z (self, query.found);
  return query.found;
}

typedef struct
{
  double  x;
  double  y;
  double  tolerance;
  WmItem *best;
} Hit;

static WmPoint
centre_of (const WmItem *node)
{
  return (WmPoint) { node->bounds.x + node->bounds.width / 2,
                     node->bounds.y + node->bounds.height / 2 };
}

/* The square of the distance from (@x, @y) to the segment from @a to @b. */
static double
segment_distance2 (double  x,
                   double  y,
                   WmPoint a,
                   WmPoint b)
{
  double dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy, t = 0;

  if (length2 > 0)
    t = CLAMP (((x - a.x) * dx + (y - a.y) * dy) / length2, 0, 1);
  dx = a.x + t * dx - x;
  dy = a.y + t * dy - y;
  return dx * dx + dy * dy;
}

/* Whether the line from the source's centre through the waypoints to the
 * target's centre passes within @tolerance of (@x, @y). */
static gboolean
link_is_near (const Record *record,
              double        x,
              double        y,
              double        tolerance)
{
  const WmItem *link = record->item;
  guint n = 0;
  WmPoint previous = { 0, 0 };
  double limit = tolerance * tolerance;

  for (guint i = 0; i < link->n_points + 2; i++)
    {
      WmPoint point;

      if (i == 0 || i == link->n_points + 1)
        {
          const WmItem *end = record->ends[i == 0 ? 0 : 1];

          if (end == NULL)
            continue;
          point = centre_of (end);
        }
      else
        point = link->points[i - 1];
      if (segment_distance2 (x, y, n == 0 ? point : previous, point) <= limit)
        return TRUE;
      previous = point;
      n++;
    }
  return FALSE;
}

static void
hit_visit (Record  *record,
           gpointer data)
{
  Hit *hit = data;
  WmItem *item = record->item;

  if (hit->best != NULL && hit->best->z > item->z)
    return;
  if (wm_item_is_node (item) ? wm_rect_contains (&record->geometry, hit->x, hit->y)
                             : link_is_near (record, hit->x, hit->y, hit->tolerance))
    hit->best = item;
}

WmItem *
wm_diagram_hit (WmDiagram *self,
                double     x,
                double     y,
                double     tolerance)
{
  Hit hit = { x, y, tolerance > 0 ? tolerance : 0, NULL };
  WmRect probe = { x - hit.tolerance, y - hit.tolerance, 2 * hit.tolerance, 2 * hit.tolerance };

  g_return_val_if_fail (WM_IS_DIAGRAM (self), NULL);

  visit_area (self, &probe, hit_visit, &hit);
  return hit.best;
}

void
wm_diagram_prepare_queries (WmDiagram *self)
{
  g_return_if_fail (WM_IS_DIAGRAM (self));
  sync_index (self);
}

GPtrArray *
wm_diagram_links_of (WmDiagram  *self,
                     const char *id)
{
  GPtrArray *links = g_ptr_array_new ();
  WmItem *node;
  Bucket *bucket;

  g_return_val_if_fail (WM_IS_DIAGRAM (self), links);

  node = lookup_node (self, id);
  if (node == NULL || self->n_links == 0)
    return links;
  sync_index (self);
  bucket = g_hash_table_lookup (self->index->adjacency, node);
  for (guint i = 0; bucket != NULL && i < bucket->len; i++)
    g_ptr_array_add (links, bucket->records[i]->item);
  g_ptr_array_sort (links, compare_z);
  return links;
}

void
_wm_diagram_index_children (WmDiagram  *self,
                            const char *id,
                            GPtrArray  *children)
{
  Bucket *bucket;

  g_return_if_fail (WM_IS_DIAGRAM (self));

  sync_index (self);
  bucket = g_hash_table_lookup (self->index->children, id);
  for (guint i = 0; bucket != NULL && i < bucket->len; i++)
    g_ptr_array_add (children, bucket->records[i]->item);
}

void
_wm_diagram_index_links (WmDiagram    *self,
                         const WmItem *node,
                         GPtrArray    *links)
{
  Bucket *bucket;

  g_return_if_fail (WM_IS_DIAGRAM (self));

  if (self->n_links == 0)
    return;
  sync_index (self);
  bucket = g_hash_table_lookup (self->index->adjacency, node);
  for (guint i = 0; bucket != NULL && i < bucket->len; i++)
    g_ptr_array_add (links, bucket->records[i]->item);
}
