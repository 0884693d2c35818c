/* wm-text.c — text through Pango, with a cache of shaped layouts
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layouts are made on one Pango context with hinting and metric hinting off,
 * so text measures the same on screen, in PNG, PDF and SVG, at every zoom:
 * what the analyst sees is what the stakeholders get. A layout is shaped once
 * per (text, style, box) and reused by every later paint. A cache is not
 * thread-safe; a thread that paints makes its own.
 */
#define G_LOG_DOMAIN "wm-text"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "wm-batch.h"
#include "wm-draw.h"
#include "wm-text-private.h"

/* Enough for every label of a 10 000-item diagram; past it the cache starts afresh. */
#define MAX_LAYOUTS 40000
/* The text those layouts may hold together, in bytes (a shaped character
 * costs some 50 bytes more): some thirty times what a 10 000-item diagram
 * needs, so that long texts cannot make the cache grow without bound. */
#define MAX_CACHED_TEXT (4 * 1024 * 1024)
/* The most characters one layout holds, whatever its box: more than a page
 * of text. A longer text is cut there and ends with an ellipsis, so that
 * measuring or drawing any text costs a bounded time. */
#define MAX_LAYOUT_CHARS 4096
/* Pango looks for a line break through the whole rest of a word on every
 * line it wraps, which costs minutes on a word of 100 000 characters. A run
 * this long without a space gets an invisible break opportunity (U+200B). */
#define MAX_UNBROKEN_RUN 256
/* The narrowest glyph of the interface fonts, in ems, and the least height
 * of a line, in ems: what fits in a box is estimated from them, generously. */
#define MIN_GLYPH_WIDTH 0.1
#define MIN_LINE_HEIGHT 1.0
/* A box wider or taller than this lays out as if it were this large: Pango
 * counts in ints of 1/1024 unit. */
#define MAX_BOX_SIZE 1000000.0
/* wm_measure_texts() shapes on a second thread when it has this many texts
 * to shape: a thread and a font map of its own cost some milliseconds. */
#define MEASURE_THREAD_MIN 256

struct _WmTextCache
{
  PangoContext *context;
  GHashTable   *layouts;  /* LayoutKey -> PangoLayout */
  gsize         text;     /* the length of the keys, which hold the texts */
};

/* What a layout is shaped for. A key is looked up for every text an export
 * measures or draws, so it is a struct compared field by field, not a
 * formatted string: formatting the doubles cost more than the lookup. */
typedef struct
{
  double size;
  double width;   /* -1 when the layout takes its natural width */
  double height;  /* 0 unless it ellipsizes to a height */
  int    weight;
  guint8 italic;
  guint8 halign;
  guint8 wrap;
  guint8 ellipsize;
  char   text[];
} LayoutKey;

static guint
layout_key_hash (gconstpointer data)
{
  const LayoutKey *key = data;
  guint hash = g_str_hash (key->text);

  hash = hash * 31 + g_double_hash (&key->size);
  hash = hash * 31 + g_double_hash (&key->width);
  hash = hash * 31 + (guint) key->weight;
  return hash * 31 + (guint) (key->halign << 3 | key->wrap << 2 | key->ellipsize << 1 | key->italic);
}

static gboolean
layout_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const LayoutKey *x = a, *y = b;

  return x->size == y->size && x->width == y->width && x->height == y->height &&
         x->weight == y->weight && x->italic == y->italic && x->halign == y->halign &&
         x->wrap == y->wrap && x->ellipsize == y->ellipsize && strcmp (x->text, y->text) == 0;
}

WmTextCache *
wm_text_cache_new (void)
{
  WmTextCache *cache = g_new0 (WmTextCache, 1);
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();

  cache->context = pango_font_map_create_context (font_map);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (cache->context, options);
  pango_cairo_context_set_resolution (cache->context, 96);
  cairo_font_options_destroy (options);
  cache->layouts = g_hash_table_new_full (layout_key_hash, layout_key_equal, g_free, g_object_unref);
  return cache;
}

void
wm_text_cache_free (WmTextCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->layouts);
  g_object_unref (cache->context);
  g_free (cache);
}

static void
free_default_cache (gpointer cache)
{
  wm_text_cache_free (cache);
}

/* One cache per thread: a cache holds a Pango context and a hash table,
 * neither of which may be shared between threads (Pango's default font map
 * is per thread too), and an export paints in a thread of its own while the
 * canvas paints in the main one. Every cache shapes alike. */
WmTextCache *
wm_text_cache_get_default (void)
{
  static GPrivate default_cache = G_PRIVATE_INIT (free_default_cache);
  WmTextCache *cache = g_private_get (&default_cache);

  if (cache == NULL)
    {
      cache = wm_text_cache_new ();
      g_private_set (&default_cache, cache);
    }
  return cache;
}

guint
wm_text_cache_get_size (WmTextCache *cache)
{
  return g_hash_table_size (cache->layouts);
}

WmTextStyle
wm_text_style (double size)
{
  return (WmTextStyle) {
    .size = size,
    .weight = PANGO_WEIGHT_NORMAL,
    .halign = WM_ALIGN_START,
    .valign = WM_ALIGN_START,
    .wrap = TRUE,
    .ellipsize = TRUE,
  };
}

static PangoAlignment
pango_alignment (WmAlign align)
{
  switch (align)
    {
    case WM_ALIGN_CENTER: return PANGO_ALIGN_CENTER;
    case WM_ALIGN_END: return PANGO_ALIGN_RIGHT;
    case WM_ALIGN_START:
    default: return PANGO_ALIGN_LEFT;
    }
}

static PangoLayout *
make_layout (WmTextCache       *cache,
             const char        *text,
             double             width,
             double             height,
             const WmTextStyle *style)
{
  PangoLayout *layout = pango_layout_new (cache->context);
  PangoFontDescription *font = pango_font_description_from_string (WM_FONT_FAMILY);

  pango_font_description_set_absolute_size (font, style->size * PANGO_SCALE);
  pango_font_description_set_weight (font, style->weight);
  pango_font_description_set_style (font, style->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_alignment (layout, pango_alignment (style->halign));
      pango_layout_set_wrap (layout, style->wrap ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_CHAR);
      if (!style->wrap)
        pango_layout_set_height (layout, 0); /* one line, ellipsized */
    }
  if (width > 0 && style->ellipsize)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      if (style->wrap && height > 0)
        pango_layout_set_height (layout, (int) (height * PANGO_SCALE));
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* How many characters a box can show, at most: its lines, each of the
 * narrowest glyphs (and a line break). Beyond that, text cannot be seen. */
static gsize
visible_chars (double             width,
               double             height,
               const WmTextStyle *style)
{
  double size = MAX (style->size, 1);
  double per_line = width / (size * MIN_GLYPH_WIDTH) + 2;
  double lines;

  /* Without a width, or without an ellipsis, the whole text lays out. */
  if (width <= 0 || !style->ellipsize || (style->wrap && height <= 0))
    return MAX_LAYOUT_CHARS;
  lines = style->wrap ? height / (size * MIN_LINE_HEIGHT) + 2 : 1;
  return (gsize) MIN (per_line * lines, MAX_LAYOUT_CHARS);
}

static gboolean
is_break (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x200b;
}

/* Whether a break opportunity may go between @before and @c without
 * tearing a character apart: not before a combining mark, not around a
 * zero-width joiner. */
static gboolean
may_split (gunichar before,
           gunichar c)
{
  return !g_unichar_ismark (c) && c != 0x200d && before != 0x200d;
}

/* @text as it is laid out in a box that shows @limit characters: cut after
 * them with an ellipsis, with a break opportunity in every overlong word,
 * and ended where it stops being valid UTF-8. Most texts need none of it and
 * come back as they are; otherwise the text is a copy, left in @copy. */
static const char *
text_to_lay_out (const char  *text,
                 gsize        limit,
                 char       **copy)
{
  GString *shown = NULL;
  const char *p = text;
  gunichar before = 0;
  gsize run = 0;

  for (gsize n = 0; *p != '\0'; n++)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      gboolean invalid = c == (gunichar) -1 || c == (gunichar) -2;
      gboolean split;

      run = is_break (c) ? 0 : run + 1;
      split = run > MAX_UNBROKEN_RUN && may_split (before, c);
      if (shown == NULL && (invalid || n == limit || split))
        shown = g_string_new_len (text, p - text);
      if (invalid)
        break;
      if (n == limit)
        {
          g_string_append (shown, "…");
          break;
        }
      if (split)
        {
          g_string_append_unichar (shown, 0x200b);
          run = 1;
        }
      if (shown != NULL)
        g_string_append_len (shown, p, g_utf8_skip[*(const guchar *) p]);
      p = g_utf8_next_char (p);
      before = c;
    }
  if (shown == NULL)
    return text;
  *copy = g_string_free (shown, FALSE);
  return *copy;
}

/* The layout for @full_text in a box of @width and @height: the one in the
 * cache, else, when @make, one shaped now and kept there (else NULL). */
static PangoLayout *
find_layout (const WmRenderOptions *options,
             const char            *full_text,
             double                 width,
             double                 height,
             const WmTextStyle     *style,
             gboolean               make)
{
  WmTextCache *cache = options && options->text ? options->text : wm_text_cache_get_default ();
  g_autofree char *copy = NULL;
  const char *text;
  /* Without a width, alignment, wrapping and ellipsizing change nothing:
   * such layouts share one key, so measuring and drawing shape once. */
  gboolean natural = width <= 0;
  g_autofree LayoutKey *key = NULL;
  PangoLayout *layout;
  gsize len;

  /* NaN and huge boxes become the largest Pango can lay out. */
  if (!(width <= MAX_BOX_SIZE))
    width = MAX_BOX_SIZE;
  if (!(height <= MAX_BOX_SIZE))
    height = MAX_BOX_SIZE;
  text = text_to_lay_out (full_text, visible_chars (width, height, style), &copy);
  len = strlen (text);
  key = g_malloc (sizeof (LayoutKey) + len + 1);
  key->size = style->size;
  key->weight = style->weight;
  key->italic = style->italic != FALSE;
  key->halign = natural ? 0 : (guint8) style->halign;
  key->wrap = !natural && style->wrap;
  key->ellipsize = !natural && style->ellipsize;
  key->width = natural ? -1 : width;
  key->height = !natural && style->ellipsize ? height : 0;
  memcpy (key->text, text, len + 1);
  layout = g_hash_table_lookup (cache->layouts, key);
  if (layout != NULL || !make)
    return layout;
  if (g_hash_table_size (cache->layouts) >= MAX_LAYOUTS || cache->text > MAX_CACHED_TEXT)
    {
      g_hash_table_remove_all (cache->layouts);
      cache->text = 0;
    }
  cache->text += sizeof (LayoutKey) + len;
  layout = make_layout (cache, text, width, height, style);
  g_hash_table_insert (cache->layouts, g_steal_pointer (&key), layout);
  return layout;
}

static PangoLayout *
get_layout (const WmRenderOptions *options,
            const char            *text,
            double                 width,
            double                 height,
            const WmTextStyle     *style)
{
  return find_layout (options, text, width, height, style, TRUE);
}

/* Text sinks */

typedef struct
{
  WmTextSinkFunc func;
  gpointer       user_data;
} TextSink;

static const cairo_user_data_key_t text_sink_key;

void
_wm_text_set_sink (cairo_t        *cr,
                   WmTextSinkFunc  func,
                   gpointer        user_data)
{
  TextSink *sink = g_new (TextSink, 1);

  sink->func = func;
  sink->user_data = user_data;
  if (cairo_set_user_data (cr, &text_sink_key, sink, g_free) != CAIRO_STATUS_SUCCESS)
    g_free (sink);
}

gboolean
_wm_text_has_sink (cairo_t *cr)
{
  return cairo_get_user_data (cr, &text_sink_key) != NULL;
}

/* Shows @layout at the current point, or hands it to the sink of @cr. */
static void
show_layout (cairo_t     *cr,
             PangoLayout *layout)
{
  TextSink *sink = cairo_get_user_data (cr, &text_sink_key);

  if (sink != NULL)
    sink->func (cr, layout, sink->user_data);
  else if (!_wm_batch_show_layout (cr, layout))
    pango_cairo_show_layout (cr, layout);
}

/* Glyphs average well under 0.6 em: a longer guess means @text will wrap
 * in @width; a line break means it has lines anyway. */
static gboolean
plainly_one_line (const char        *text,
                  double             width,
                  const WmTextStyle *style)
{
  return strlen (text) * style->size * 0.6 <= width && strchr (text, '\n') == NULL;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

/* Measures @text as wm_measure_text() does; without @make, only from
 * layouts the cache already holds, and FALSE when it holds none. */
static gboolean
measure (const WmRenderOptions *options,
         const char            *text,
         double                 width,
         const WmTextStyle     *style,
         gboolean               make,
         double                *out_width,
         double                *out_height)
{
  WmTextStyle free_style = *style;
  PangoLayout *layout = NULL;
  double w, h;

  free_style.ellipsize = FALSE;
  text = text ? text : "";
  /* A short one-line text measures the same wrapped in a width it fits as
   * unwrapped; its natural layout is the one drawing will use (see
   * natural_layout_if_it_fits), so the text is shaped once, not twice. */
  if (width > 0 && plainly_one_line (text, width, style))
    {
      layout = find_layout (options, text, -1, 0, &free_style, make);
      if (layout != NULL)
        layout_size (layout, &w, &h);
      if (layout != NULL && w > width)
        layout = NULL;
    }
  if (layout == NULL)
    {
      layout = find_layout (options, text, width, 0, &free_style, make);
      if (layout == NULL)
        return FALSE;
      layout_size (layout, &w, &h);
    }
  if (out_width != NULL)
    *out_width = w;
  if (out_height != NULL)
    *out_height = h;
  return TRUE;
}

void
wm_measure_text (const WmRenderOptions *options,
                 const char            *text,
                 double                 width,
                 const WmTextStyle     *style,
                 double                *out_width,
                 double                *out_height)
{
  measure (options, text, width, style, TRUE, out_width, out_height);
}

/* Measuring many texts on two threads */

typedef struct
{
  WmTextMeasure **texts;
  guint           n;
  WmTextCache    *cache;  /* the thread's own, on its own font map */
} MeasureShare;

static void
measure_share (MeasureShare          *share,
               const WmRenderOptions *options)
{
  for (guint i = 0; i < share->n; i++)
    {
      WmTextMeasure *m = share->texts[i];

      measure (options, m->text, m->width, &m->style, TRUE, &m->out_width, &m->out_height);
    }
}

static gpointer
measure_thread (gpointer data)
{
  MeasureShare *share = data;
  /* Pango's default font map is one per thread, so this cache's fonts are
   * the thread's own; cairo's scaled fonts behind them are shared, and
   * thread-safe. */
  WmRenderOptions options = { .text = wm_text_cache_new () };

  measure_share (share, &options);
  share->cache = options.text;
  return NULL;
}

void
_wm_text_cache_adopt (WmTextCache *to,
                      WmTextCache *from)
{
  GHashTableIter iter;
  gpointer key, layout;

  g_hash_table_iter_init (&iter, from->layouts);
  while (g_hash_table_iter_next (&iter, &key, &layout))
    {
      gsize size = sizeof (LayoutKey) + strlen (((LayoutKey *) key)->text);

      if (g_hash_table_size (to->layouts) >= MAX_LAYOUTS || to->text + size > MAX_CACHED_TEXT ||
          g_hash_table_contains (to->layouts, key))
        continue;
      g_hash_table_iter_steal (&iter);
      g_hash_table_insert (to->layouts, key, layout);
      to->text += size;
    }
}

void
wm_measure_texts (const WmRenderOptions *options,
                  WmTextMeasure         *texts,
                  guint                  n)
{
  WmTextCache *cache = options && options->text ? options->text : wm_text_cache_get_default ();
  g_autoptr(GPtrArray) unshaped = g_ptr_array_new ();
  MeasureShare mine, theirs;
  GThread *thread;

  for (guint i = 0; i < n; i++)
    if (!measure (options, texts[i].text, texts[i].width, &texts[i].style, FALSE,
                  &texts[i].out_width, &texts[i].out_height))
      g_ptr_array_add (unshaped, &texts[i]);
  if (unshaped->len == 0)
    return;
  mine = (MeasureShare) { (WmTextMeasure **) unshaped->pdata, unshaped->len / 2, NULL };
  theirs = (MeasureShare) { mine.texts + mine.n, unshaped->len - mine.n, NULL };
  /* The later half is shaped on a thread of its own meanwhile; its layouts
   * then join this cache, so drawing them shapes nothing again. */
  thread = unshaped->len >= MEASURE_THREAD_MIN && g_get_num_processors () > 1
           ? g_thread_try_new ("wm-text", measure_thread, &theirs, NULL) : NULL;
  if (thread == NULL)
    {
      measure_share (&mine, options);
      measure_share (&theirs, options);
      return;
    }
  measure_share (&mine, options);
  g_thread_join (thread);
  _wm_text_cache_adopt (cache, theirs.cache);
  wm_text_cache_free (theirs.cache);
}

/* Far zoomed out text is unreadable anyway: grey bars stand for its lines. */
static double
draw_greeked (cairo_t           *cr,
              const WmRect      *rect,
              const WmTextStyle *style)
{
  WmColor bar = style->color ? *style->color : wm_color_ink;
  double line = style->size * 1.25;
  guint lines = (guint) CLAMP (rect->height / line, 1, 3);

  bar.alpha *= 0.25;
  wm_set_color (cr, &bar);
  for (guint i = 0; i < lines; i++)
    cairo_rectangle (cr, rect->x, rect->y + i * line + line * 0.25,
                     rect->width * (i + 1 == lines ? 0.6 : 0.9), line * 0.5);
  wm_fill (cr);
  return lines * line;
}

/* A short one-line text that plainly fits its box is drawn from its
 * natural-width layout, the one measuring made: it needs no second shaping.
 * So is one that measuring already shaped in its natural width and turns
 * out to fit, where the guess of plainly_one_line() was too cautious, when
 * it is aligned to the start and would be ellipsized: centred or aligned to
 * the end, Pango would place it on a whole unit where the offset computed
 * here may fall between two, so that text is shaped again in its box. */
static PangoLayout *
natural_layout_if_it_fits (const WmRenderOptions *options,
                           const char            *text,
                           const WmRect          *rect,
                           const WmTextStyle     *style,
                           double                *x)
{
  gboolean plainly = plainly_one_line (text, rect->width, style);
  PangoLayout *layout;
  double w, h;

  if (!plainly && !(style->ellipsize && style->halign == WM_ALIGN_START &&
                    strchr (text, '\n') == NULL))
    return NULL;
  layout = find_layout (options, text, -1, 0, style, plainly);
  if (layout == NULL)
    return NULL;
  layout_size (layout, &w, &h);
  if (w > rect->width || h > rect->height)
    return NULL;
  if (style->halign == WM_ALIGN_CENTER)
    *x += (rect->width - w) / 2;
  else if (style->halign == WM_ALIGN_END)
    *x += rect->width - w;
  return layout;
}

/* The layout measuring already made for a text that wraps in its box and
 * fits it whole, so that drawing it shapes it no second time: measuring
 * lays a text out without an ellipsis, drawing with one, and a text that
 * fits needs none, so both show the same lines. NULL when measuring made
 * none, or the text is taller than the box. */
static PangoLayout *
measured_layout_if_it_fits (const WmRenderOptions *options,
                            const char            *text,
                            const WmRect          *rect,
                            const WmTextStyle     *style)
{
  WmTextStyle free_style = *style;
  PangoLayout *layout;
  double w, h;

  /* Without wrapping, a layout measured in a width breaks lines the
   * ellipsized one does not. */
  if (!style->ellipsize || !style->wrap)
    return NULL;
  free_style.ellipsize = FALSE;
  layout = find_layout (options, text, rect->width, 0, &free_style, FALSE);
  if (layout == NULL)
    return NULL;
  layout_size (layout, &w, &h);
  return h <= rect->height ? layout : NULL;
}

double
wm_draw_text (cairo_t               *cr,
              const WmRenderOptions *options,
              const char            *text,
              const WmRect          *rect,
              const WmTextStyle     *style)
{
  PangoLayout *layout;
  double w, h, x = rect->x, y;

  if (text == NULL || *text == '\0' || rect->width <= 0)
    return 0;
  if (options != NULL && options->scale > 0 && style->size * options->scale < 3.5)
    return draw_greeked (cr, rect, style);
  if (options != NULL && options->min_text_size != NULL)
    *options->min_text_size = MIN (*options->min_text_size, style->size);

  layout = natural_layout_if_it_fits (options, text, rect, style, &x);
  if (layout == NULL)
    layout = measured_layout_if_it_fits (options, text, rect, style);
  if (layout == NULL)
    layout = get_layout (options, text, rect->width, rect->height, style);
  layout_size (layout, &w, &h);
  y = rect->y;
  if (style->valign == WM_ALIGN_CENTER)
    y += (rect->height - h) / 2;
  else if (style->valign == WM_ALIGN_END)
    y += rect->height - h;

  /* No clip: the layout is already wrapped and ellipsized to the box, and a
   * clip per text would double the operators of every PDF and SVG page. */
  wm_set_color (cr, style->color ? style->color : &wm_color_ink);
  cairo_move_to (cr, x, y);
  show_layout (cr, layout);
  return h;
}

void
wm_draw_label (cairo_t               *cr,
               const WmRenderOptions *options,
               const char            *text,
               WmPoint                center,
               const WmTextStyle     *style)
{
  WmTextStyle one_line = *style;
  WmColor pad = wm_color_paper;
  double w, h;
  WmRect box;

  if (text == NULL || *text == '\0')
    return;
  one_line.wrap = FALSE;
  one_line.ellipsize = FALSE;
  one_line.halign = WM_ALIGN_START;
  one_line.valign = WM_ALIGN_START;
  wm_measure_text (options, text, -1, &one_line, &w, &h);
  box = (WmRect) { center.x - w / 2 - 3, center.y - h / 2 - 1, w + 6, h + 2 };
  pad.alpha = 0.9;
  wm_draw_box (cr, &box, 3, &pad, NULL, 0);
  box = (WmRect) { center.x - w / 2, center.y - h / 2, w + 1, h };
  wm_draw_text (cr, options, text, &box, &one_line);
}
