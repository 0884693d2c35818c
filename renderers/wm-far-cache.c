/* wm-far-cache.c — the silhouettes of a diagram's items, kept while zoomed far out
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-far-cache"

#include "config.h"

#include <string.h>

#include "wm-far-cache.h"

/* A palette index that stands for no colour. */
#define NO_COLOR G_MAXUINT32
/* How many colours are looked through for one already known. */
#define PALETTE_SEARCH 256
/* An end a link had none of when it was recorded. */
#define NO_END G_MAXUINT32

typedef enum
{
  PRIM_BOX,
  PRIM_LINE,
} PrimKind;

/* One call of _wm_far_batch_box() or _wm_far_batch_line(). */
typedef struct
{
  WmRect  rect;        /* a box: the box; a line: the box of its points */
  double  width;
  guint32 first;       /* a line: its first point in points */
  guint32 n;           /* a line: how many points */
  guint32 fill;        /* palette indices; a line's colour is its fill */
  guint32 edge;
  guint8  kind;
} Prim;

/* What one item recorded. */
typedef struct
{
  guint32 first;       /* its first prim */
  guint32 n;
  guint32 ends[2];     /* a link: the z of its ends when it was recorded, or NO_END */
  WmRect  ink;         /* the union of its prims' rects; empty when it has none */
} Span;

struct _WmFarCache
{
  GMutex      lock;
  WmDiagram  *diagram;     /* not a reference: the cache lives on the diagram */
  gboolean    valid;
  guint       variant;
  GArray     *spans;       /* Span, by z */
  GArray     *prims;       /* Prim */
  GArray     *points;      /* WmPoint */
  GArray     *palette;     /* WmColor */
  GHashTable *stale;       /* GUINT_TO_POINTER (z + 1) of the items to record again */
  guint       garbage;     /* prims that no span refers to any more */
  guint       recording;   /* the z of the item being recorded */
  guint       n_recorded;
};

static GQuark
far_cache_quark (void)
{
  return g_quark_from_static_string ("wm-far-cache");
}

static void
far_cache_free (gpointer data)
{
  WmFarCache *cache = data;

  g_array_unref (cache->spans);
  g_array_unref (cache->prims);
  g_array_unref (cache->points);
  g_array_unref (cache->palette);
  g_hash_table_unref (cache->stale);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

/* Recording */

/* Painters use a handful of colours, but boxes may have one each: past
 * PALETTE_SEARCH colours, only the last few are looked through, and a
 * colour may come twice. */
static guint32
palette_index (WmFarCache    *cache,
               const WmColor *color)
{
  guint from = cache->palette->len > PALETTE_SEARCH ? cache->palette->len - 8 : 0;

  if (color == NULL)
    return NO_COLOR;
  for (guint i = cache->palette->len; i > from; i--)
    if (memcmp (&g_array_index (cache->palette, WmColor, i - 1), color, sizeof *color) == 0)
      return i - 1;
  g_array_append_val (cache->palette, *color);
  return cache->palette->len - 1;
}

static void
span_add (WmFarCache   *cache,
          const Prim   *prim)
{
  Span *span = &g_array_index (cache->spans, Span, cache->recording);

  /* Not wm_rect_union(), which leaves out flat boxes: a straight line's is. */
  g_array_append_val (cache->prims, *prim);
  if (span->n == 0)
    span->ink = prim->rect;
  else
    {
      double x2 = MAX (span->ink.x + span->ink.width, prim->rect.x + prim->rect.width);
      double y2 = MAX (span->ink.y + span->ink.height, prim->rect.y + prim->rect.height);

      span->ink.x = MIN (span->ink.x, prim->rect.x);
      span->ink.y = MIN (span->ink.y, prim->rect.y);
      span->ink.width = x2 - span->ink.x;
      span->ink.height = y2 - span->ink.y;
    }
  span->n++;
}

void
_wm_far_cache_record_box (WmFarCache    *cache,
                          const WmRect  *rect,
                          const WmColor *fill,
                          const WmColor *edge,
                          double         width)
{
  Prim prim = { *rect, width, 0, 0, palette_index (cache, fill), palette_index (cache, edge),
                PRIM_BOX };

  span_add (cache, &prim);
}

void
_wm_far_cache_record_line (WmFarCache    *cache,
                           const WmPoint *points,
                           guint          n_points,
                           const WmColor *color,
                           double         width)
{
  Prim prim;
  double x2, y2;

  if (n_points < 2)
    return;
  prim = (Prim) { { points[0].x, points[0].y, 0, 0 }, width, cache->points->len, n_points,
                  palette_index (cache, color), NO_COLOR, PRIM_LINE };
  x2 = points[0].x;
  y2 = points[0].y;
  for (guint i = 1; i < n_points; i++)
    {
      prim.rect.x = MIN (prim.rect.x, points[i].x);
      prim.rect.y = MIN (prim.rect.y, points[i].y);
      x2 = MAX (x2, points[i].x);
      y2 = MAX (y2, points[i].y);
    }
  prim.rect.width = x2 - prim.rect.x;
  prim.rect.height = y2 - prim.rect.y;
  g_array_append_vals (cache->points, points, n_points);
  span_add (cache, &prim);
}

static guint32
end_z (WmDiagram  *diagram,
       const char *id)
{
  WmItem *end = wm_diagram_lookup (diagram, id);

  return end != NULL ? end->z : NO_END;
}

/* Records the item at @z again, in place of what it recorded before. */
static void
record_item (WmFarCache      *cache,
             WmPaintContext  *recording,
             guint            z,
             WmFarRecordFunc  record,
             gpointer         user_data)
{
  const WmItem *item = wm_diagram_get_item (cache->diagram, z);
  Span *span = &g_array_index (cache->spans, Span, z);

  cache->garbage += span->n;
  *span = (Span) { cache->prims->len, 0, { NO_END, NO_END }, { 0, 0, 0, 0 } };
  if (wm_item_is_link (item))
    {
      span->ends[0] = end_z (cache->diagram, item->source);
      span->ends[1] = end_z (cache->diagram, item->target);
    }
  cache->recording = z;
  record (recording, item, user_data);
  cache->n_recorded++;
}

static void
reset (WmFarCache *cache,
       guint       variant,
       guint       n)
{
  g_array_set_size (cache->spans, 0);
  g_array_set_size (cache->spans, n);
  g_array_set_size (cache->prims, 0);
  g_array_set_size (cache->points, 0);
  g_array_set_size (cache->palette, 0);
  g_hash_table_remove_all (cache->stale);
  cache->garbage = 0;
  cache->variant = variant;
  cache->valid = TRUE;
}

/* What an edit leaves to record again */

/* Marks the item at @z to be recorded again. */
static void
mark (GHashTable *set,
      guint32     z,
      guint       n)
{
  if (z != NO_END && z < n)
    g_hash_table_add (set, GUINT_TO_POINTER (z + 1));
}

/* Marks the links at @node and the links at their other ends. */
static void
mark_links_around (WmFarCache   *cache,
                   GHashTable   *set,
                   const WmItem *node)
{
  g_autoptr(GPtrArray) links = wm_diagram_links_of (cache->diagram, node->id);
  guint n = cache->spans->len;

  for (guint i = 0; i < links->len; i++)
    {
      const WmItem *link = g_ptr_array_index (links, i);
      const char *other = g_str_equal (link->source, node->id) ? link->target : link->source;
      g_autoptr(GPtrArray) beyond = wm_diagram_links_of (cache->diagram, other);

      mark (set, link->z, n);
      for (guint k = 0; k < beyond->len; k++)
        mark (set, ((const WmItem *) g_ptr_array_index (beyond, k))->z, n);
    }
}

/* The items to record again: the changed ones, the links around the
 * changed nodes, and for a changed link, the links around its ends then
 * and now. */
static GHashTable *
stale_items (WmFarCache *cache)
{
  GHashTable *set = g_hash_table_new (NULL, NULL);
  guint n = cache->spans->len;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, cache->stale);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint z = GPOINTER_TO_UINT (key) - 1;
      const WmItem *item = wm_diagram_get_item (cache->diagram, z);
      const Span *span = &g_array_index (cache->spans, Span, z);
      guint32 ends[4];

      mark (set, z, n);
      if (wm_item_is_node (item))
        {
          mark_links_around (cache, set, item);
          continue;
        }
      ends[0] = span->ends[0];
      ends[1] = span->ends[1];
      ends[2] = end_z (cache->diagram, item->source);
      ends[3] = end_z (cache->diagram, item->target);
      for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
        if (ends[i] != NO_END && ends[i] < n)
          mark_links_around (cache, set, wm_diagram_get_item (cache->diagram, ends[i]));
    }
  g_hash_table_remove_all (cache->stale);
  return set;
}

/* Replaying */

/* Whether @a and @b meet, edges included: a line's box may be flat. */
static gboolean
meets (const WmRect *a,
       const WmRect *b)
{
  return a->x <= b->x + b->width && b->x <= a->x + a->width &&
         a->y <= b->y + b->height && b->y <= a->y + a->height;
}

static const WmColor *
palette_color (WmFarCache *cache,
               guint32     index)
{
  return index == NO_COLOR ? NULL : &g_array_index (cache->palette, WmColor, index);
}

static void
replay_span (WmFarCache   *cache,
             const Span   *span,
             const WmRect *visible,
             WmFarBatch   *batch)
{
  const Prim *prims = &g_array_index (cache->prims, Prim, span->first);

  for (guint i = 0; i < span->n; i++)
    {
      const Prim *prim = &prims[i];

      if (!meets (&prim->rect, visible))
        continue;
      if (prim->kind == PRIM_BOX)
        _wm_far_batch_box (batch, &prim->rect, palette_color (cache, prim->fill),
                           palette_color (cache, prim->edge), prim->width);
      else
        _wm_far_batch_line (batch, &g_array_index (cache->points, WmPoint, prim->first), prim->n,
                            palette_color (cache, prim->fill), prim->width);
    }
}

void
_wm_far_cache_replay (WmFarCache      *cache,
                      WmPaintContext  *ctx,
                      guint            variant,
                      WmFarRecordFunc  record,
                      gpointer         user_data,
                      const WmRect    *visible,
                      WmFarBatch      *batch)
{
  guint n = wm_diagram_get_n_items (cache->diagram);
  WmPaintContext recording = *ctx;
  GHashTableIter iter;
  gpointer key;

  g_mutex_lock (&cache->lock);
  recording.far = _wm_far_batch_new_recording (cache);
  cache->n_recorded = 0;
  if (cache->valid && cache->variant == variant && cache->spans->len == n &&
      cache->garbage <= cache->prims->len / 2)
    {
      g_autoptr(GHashTable) stale = stale_items (cache);

      g_hash_table_iter_init (&iter, stale);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        record_item (cache, &recording, GPOINTER_TO_UINT (key) - 1, record, user_data);
    }
  else
    {
      reset (cache, variant, n);
      for (guint z = 0; z < n; z++)
        record_item (cache, &recording, z, record, user_data);
    }
  _wm_far_batch_free (recording.far);

  for (guint z = 0; z < cache->spans->len; z++)
    {
      const Span *span = &g_array_index (cache->spans, Span, z);

      if (span->n > 0 && meets (&span->ink, visible))
        replay_span (cache, span, visible, batch);
    }
  g_mutex_unlock (&cache->lock);
}

guint
_wm_far_cache_get_n_recorded (WmFarCache *cache)
{
  return cache->n_recorded;
}

/* Following the diagram's edits */

static void
far_cache_on_invalidate (WmDiagram  *diagram,
                         WmDelta    *delta,
                         WmFarCache *cache)
{
  g_mutex_lock (&cache->lock);
  if (delta->added->len > 0 || delta->removed->len > 0 || delta->order || delta->header ||
      cache->spans->len != wm_diagram_get_n_items (diagram))
    cache->valid = FALSE;
  else
    for (guint i = 0; i < delta->modified->len && cache->valid; i++)
      {
        const WmItem *item = wm_diagram_lookup (diagram, g_ptr_array_index (delta->modified, i));

        /* What the items around it need is worked out when a frame
         * replays: a drag's many steps cost a mark each. */
        if (item == NULL)
          cache->valid = FALSE;
        else
          mark (cache->stale, item->z, cache->spans->len);
      }
  g_mutex_unlock (&cache->lock);
}

WmFarCache *
_wm_far_cache_get (WmDiagram *diagram)
{
  WmFarCache *cache = g_object_get_qdata (G_OBJECT (diagram), far_cache_quark ());

  if (cache != NULL)
    return cache;
  cache = g_new0 (WmFarCache, 1);
  g_mutex_init (&cache->lock);
  cache->diagram = diagram;
  cache->spans = g_array_new (FALSE, TRUE, sizeof (Span));
  cache->prims = g_array_new (FALSE, FALSE, sizeof (Prim));
  cache->points = g_array_new (FALSE, FALSE, sizeof (WmPoint));
  cache->palette = g_array_new (FALSE, FALSE, sizeof (WmColor));
  cache->stale = g_hash_table_new (NULL, NULL);
  g_object_set_qdata_full (G_OBJECT (diagram), far_cache_quark (), cache, far_cache_free);
  g_signal_connect (diagram, "invalidate", G_CALLBACK (far_cache_on_invalidate), cache);
  return cache;
}
