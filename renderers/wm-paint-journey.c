/* wm-paint-journey.c — the customer-journey painter
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything sits where wm_journey_layout_new() puts it: the persona and
 * scenario in a header card, the stages as chevrons over their columns, the
 * lanes as faintly striped rows with their labels on the left, and the cards
 * and KPIs stacked in their cells. The emotion lane carries a smooth curve
 * through the emotion points over a dashed neutral line, tinted green above
 * it and red below.
 *
 * paint_background takes the layout and hands it to the paint's other calls
 * through ctx->painter_data. The layout is kept on the diagram until its
 * next change (wm_diagram_keep_derived()), so that item_extent and
 * get_extent, which come without a paint, cost no O(n) each, the screen's frames do not lay out
 * 10 000 items again, and what is painted and what is measured agree.
 */
#define G_LOG_DOMAIN "wm-paint-journey"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "wm-batch.h"
#include "wm-painter-private.h"
#include "wm-journey.h"

/* Header card */
#define HEADER_RADIUS 10.0
#define HEADER_PAD 16.0
#define AVATAR_SIZE 40.0
#define OVERLINE_SIZE 9.5
#define HEADER_TEXT_SIZE 11.5

/* Stage chevrons and lane labels */
#define CHEVRON_INSET 2.0
#define CHEVRON_DEPTH 12.0
#define STAGE_TEXT_SIZE 12.5
#define LANE_TEXT_SIZE 12.0
#define LANE_PAD 14.0
#define FACE_RADIUS 6.5

/* Cards and KPIs */
#define CARD_RADIUS 6.0
#define CARD_PAD_X 9.0
#define CARD_PAD_Y 8.0
#define CARD_TEXT_SIZE 11.5
#define LINK_MARK_SIZE 12.0
#define KPI_NAME_SIZE 10.5
#define KPI_VALUE_SIZE 18.0
#define KPI_SMALL_SIZE 10.0
#define KPI_BAR_HEIGHT 4.0
/* How far a card's ink reaches past its rectangle: half its outline, and its shadow below. */
#define CARD_INK 0.5
#define CARD_SHADOW 2.0

/* Emotion points and the curve */
#define DOT_MIN 8.0
#define DOT_MAX 16.0
#define DOT_RING 2.5
#define NOTE_WIDTH 96.0
#define NOTE_SIZE 10.0
#define NOTE_LINES 2
#define NOTE_GAP 3.0
#define NOTE_PAD_X 3.0
#define NOTE_PAD_Y 1.0
/* How far, in its own widths, a note moves along the lane to clear another. */
#define NOTE_MAX_SHIFT 2.0
/* The neighbours on each side a note keeps clear of (see note_neighbours()). */
#define NOTE_NEIGHBOURS 12
#define CURVE_WIDTH 2.0

/* The print layout (see wm_render_journey_pages()) is laid out in units in
 * which its smallest text is PRINT_TEXT_SIZE: the page's box is scaled to
 * them, so that the page prints that text at the size it asks for. Every
 * font shrinks by PRINT_TEXT_SCALE, none below PRINT_TEXT_SIZE: on paper the
 * hierarchy can be flatter than on a screen, and the cards get the room. */
#define PRINT_TEXT_SIZE 8.0
#define PRINT_TEXT_SCALE 0.7
#define PRINT_GAP 6.0
#define PRINT_STAGE_HEIGHT 20.0
#define PRINT_CELL_PAD 3.0
#define PRINT_CARD_GAP 4.0
/* The emotion lane: a dot, and room for a note of NOTE_LINES above and below it. */
#define PRINT_EMOTION_HEIGHT 80.0
/* An empty lane still shows its label. */
#define PRINT_MIN_LANE 26.0

/* The measures that differ between the canvas and the page. */
typedef struct
{
  double text_scale;   /* 1 on the canvas; see PRINT_TEXT_SCALE */
  double header_pad;
  double avatar;
  double name_y;       /* the persona's name, below the top of the header's padding */
  double body_y;       /* the description, below the same */
  gboolean about_wide; /* the description runs under the avatar too */
  double panel_title;  /* a header panel's text, below its overline */
  double lane_pad;
  double card_pad_x;
  double card_pad_y;
  double kpi_pad_x;
  double kpi_pad_y;
  double kpi_row;      /* the line of a KPI's value */
} Metrics;

static const Metrics screen_metrics = {
  1, HEADER_PAD, AVATAR_SIZE, 12, 36, FALSE, 16, LANE_PAD, CARD_PAD_X, CARD_PAD_Y, 10, 8, 24
};
static const Metrics print_metrics = {
  PRINT_TEXT_SCALE, 8, 22, 9, 26, TRUE, 12, 7, 5, 3, 6, 5, 18
};

/* The texts of the curve's points, one after another, each from at[i]:
 * copied once for a layout's emotions stamp and shared by the painter data
 * of every layout with that stamp. Dropping cards on a long journey then
 * copies none of its points' texts again (33 000 of them took 2.5 ms of
 * the frame after the drop). Reference-counted (g_atomic_rc_box). */
typedef struct
{
  guint64  stamp;  /* the layout's emotions stamp, or 0 on a page */
  char    *texts;
  gsize   *at;
} NoteTexts;

static void
note_texts_clear (gpointer data)
{
  NoteTexts *texts = data;

  g_free (texts->texts);
  g_free (texts->at);
}

static void
note_texts_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, note_texts_clear);
}

/* The copy of the texts of @emotions (WmItem *) for @stamp. */
static NoteTexts *
note_texts_new (GPtrArray *emotions,
                guint64    stamp)
{
  NoteTexts *copy = g_atomic_rc_box_new0 (NoteTexts);
  /* Room for a short note each, so that the copy seldom grows. */
  g_autoptr(GString) texts = g_string_sized_new (24 * (gsize) emotions->len + 1);

  copy->stamp = stamp;
  copy->at = g_new (gsize, MAX (emotions->len, 1));
  for (guint i = 0; i < emotions->len; i++)
    {
      const WmItem *item = g_ptr_array_index (emotions, i);

      copy->at[i] = texts->len;
      g_string_append_len (texts, item->text, (gssize) strlen (item->text) + 1);
    }
  copy->texts = g_string_free (g_steal_pointer (&texts), FALSE);
  return copy;
}

#define NOTE_TEXTS_KEY "wm-paint-journey-note-texts"

static gpointer
note_texts_dup (gpointer data,
                gpointer user_data)
{
  return data != NULL ? g_atomic_rc_box_acquire (data) : NULL;
}

/* The texts of @layout's curve points: those kept on @diagram when they
 * were copied for the same emotions stamp, else a new copy, kept there in
 * their place. */
static NoteTexts *
note_texts_for (WmDiagram             *diagram,
                const WmJourneyLayout *layout)
{
  guint64 stamp = wm_journey_layout_get_emotions_stamp (layout);
  NoteTexts *kept = g_object_dup_data (G_OBJECT (diagram), NOTE_TEXTS_KEY, note_texts_dup, NULL);

  if (kept != NULL && kept->stamp == stamp)
    return kept;
  g_clear_pointer (&kept, note_texts_release);
  kept = note_texts_new (layout->emotions, stamp);
  g_object_set_data_full (G_OBJECT (diagram), NOTE_TEXTS_KEY, g_atomic_rc_box_acquire (kept),
                          note_texts_release);
  return kept;
}

/* The layout of one state of the diagram and what the painter derives from
 * it. Reference-counted: the diagram's cache holds one reference, a paint
 * in progress another. */
typedef struct
{
  WmJourneyLayout *layout;
  /* Copies of what the layout borrows from the diagram and the paint needs,
   * so that a paint never reads an item or a list entry the diagram may have
   * freed since (in an undo group that has not ended yet, for one). */
  GStrv            stage_labels;
  GStrv            lane_labels;
  /* On a page, the emotion points' positions in the curve (plus one); the
   * canvas layout knows its own (wm_journey_layout_curve_index()). NULL on
   * the canvas. */
  GHashTable      *curve_index;
  /* The centre and the dot of each point of the curve, so that a point's
   * neighbours are found without touching them. */
  WmPoint         *curve;
  WmRect          *dots;
  /* How far the points' rings reach (left, top, right, bottom): a dot may
   * stick out of the grid, a few units past the last column. */
  double           rings[4];
  /* Each curve point's note: its box, and 1 no note, 2 a note. The notes
   * are placed in the curve's order, each clear of those before it, when a
   * paint or a measure first asks for one: the notes of points
   * [0, n_placed) are placed. Placing every note of a long journey took
   * most of its first frame and of the frame after each edit, for a lane
   * that is mostly out of view. The points' texts are copied (see
   * NoteTexts), so that a note placed late reads no item the diagram may
   * have freed since. */
  WmRect          *notes;
  guint8          *note_state;
  NoteTexts       *note_texts;
  guint            n_placed;
  GMutex           lock;         /* the placing: an export may paint from a thread */
  const Metrics   *metrics;
  double           note_line;    /* the height of one line of a note */
  /* TRUE for a page of the print layout: then layout is this file's own
   * (only its public fields are set), items are placed by rects (WmItem *
   * to WmRect *), and the emotion lane runs from score +2 at score_top to
   * -2 at score_bottom. */
  gboolean         print;
  GHashTable      *rects;
  double           score_top;
  double           score_bottom;
  guint            first_stage;  /* the page's first stage, in the whole journey */
} Journey;

static const WmColor stage_fill = { 0.882, 0.925, 0.980, 1 };    /* #e1ecfa */
static const WmColor stage_ink = { 0.094, 0.278, 0.502, 1 };     /* #184780 */
static const WmColor kpi_track = { 0.925, 0.933, 0.945, 1 };     /* #eceef1 */
/* Opaque, so that a PDF or SVG needs no transparency group per card. */
static const WmColor shadow = { 0.898, 0.906, 0.918, 1 };       /* #e5e7ea */

/* The layout and what the painter derives from it */

static GStrv
copy_labels (const WmJourneyBand *bands,
             guint                n_bands)
{
  GStrv labels = g_new (char *, n_bands + 1);

  for (guint i = 0; i < n_bands; i++)
    labels[i] = g_strdup (bands[i].label);
  labels[n_bands] = NULL;
  return labels;
}

static double note_line_height (const Metrics *metrics);
static WmRect emotion_dot (const WmRect *rect);
static WmRect emotion_ring (const WmRect *dot);

/* Where the journey puts @item: its cell in the canvas layout, or on the
 * page; FALSE and its stored bounds when it is not placed. */
static gboolean
journey_item_rect (const Journey *journey,
                   const WmItem  *item,
                   WmRect        *rect)
{
  const WmRect *placed;

  if (!journey->print)
    return wm_journey_layout_item_rect (journey->layout, item, rect);
  placed = g_hash_table_lookup (journey->rects, item);
  *rect = placed != NULL ? *placed : item->bounds;
  return placed != NULL;
}

/* The height of @score in the emotion lane. */
static double
journey_score_y (const Journey *journey,
                 double         score)
{
  if (!journey->print)
    return wm_journey_layout_score_y (journey->layout, score);
  score = isfinite (score) ? CLAMP (score, -2, 2) : 0;
  return journey->score_top + (2 - score) / 4 * (journey->score_bottom - journey->score_top);
}

/* The curve through the layout's emotion points, and what their notes
 * need to be placed later: read here, while the layout's items are sure to
 * be alive. */
static void
journey_place_curve (Journey   *journey,
                     NoteTexts *texts)
{
  const WmJourneyLayout *layout = journey->layout;
  guint n = layout->emotions->len;

  journey->note_line = note_line_height (journey->metrics);
  if (journey->print)
    journey->curve_index = g_hash_table_new (NULL, NULL);
  journey->curve = g_new (WmPoint, MAX (n, 1));
  journey->dots = g_new (WmRect, MAX (n, 1));
  journey->note_texts = texts != NULL ? texts : note_texts_new (layout->emotions, 0);
  g_mutex_init (&journey->lock);
  journey->rings[0] = journey->rings[1] = G_MAXDOUBLE;
  journey->rings[2] = journey->rings[3] = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    {
      const WmItem *item = g_ptr_array_index (layout->emotions, i);
      WmRect rect, ring;

      if (journey->print)
        journey_item_rect (journey, item, &rect);
      else
        wm_journey_layout_curve_rect (layout, i, &rect);
      journey->curve[i] = wm_rect_center (&rect);
      journey->dots[i] = emotion_dot (&rect);
      ring = emotion_ring (&journey->dots[i]);
      journey->rings[0] = MIN (journey->rings[0], ring.x);
      journey->rings[1] = MIN (journey->rings[1], ring.y);
      journey->rings[2] = MAX (journey->rings[2], ring.x + ring.width);
      journey->rings[3] = MAX (journey->rings[3], ring.y + ring.height);
      if (journey->curve_index != NULL)
        g_hash_table_insert (journey->curve_index, (gpointer) item, GUINT_TO_POINTER (i + 1));
    }
}

static gpointer
journey_new (WmDiagram *diagram)
{
  Journey *journey = g_atomic_rc_box_new0 (Journey);
  WmJourneyLayout *layout = wm_journey_layout_get (diagram);

  journey->layout = layout;
  journey->metrics = &screen_metrics;
  journey->stage_labels = copy_labels (layout->stages, layout->n_stages);
  journey->lane_labels = copy_labels (layout->lanes, layout->n_lanes);
  journey_place_curve (journey, note_texts_for (diagram, layout));
  return journey;
}

static void
journey_clear (gpointer data)
{
  Journey *journey = data;

  if (journey->print)
    {
      /* The page's own layout: arrays of its own, items borrowed. */
      g_free (journey->layout->stages);
      g_free (journey->layout->lanes);
      g_ptr_array_unref (journey->layout->emotions);
      g_free (journey->layout);
      g_hash_table_unref (journey->rects);
    }
  else
    wm_journey_layout_free (journey->layout);
  g_strfreev (journey->stage_labels);
  g_strfreev (journey->lane_labels);
  g_clear_pointer (&journey->curve_index, g_hash_table_unref);
  g_free (journey->curve);
  g_free (journey->dots);
  g_free (journey->notes);
  g_free (journey->note_state);
  g_clear_pointer (&journey->note_texts, note_texts_release);
  g_mutex_clear (&journey->lock);
}

static void
journey_unref (gpointer journey)
{
  g_atomic_rc_box_release_full (journey, journey_clear);
}

/* A reference to the diagram's layout (see _wm_painter_cached()). */
static Journey *
journey_get (WmDiagram *diagram)
{
  return _wm_painter_cached (diagram, "wm-paint-journey-layout", journey_new, journey_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Journey, journey_unref)

static gboolean
is_type (const WmItem *item,
         const char   *id)
{
  return g_str_equal (item->type->id, id);
}

static gboolean
has_links (const WmItem *item)
{
  const char *const *links = wm_item_get_strv (item, WM_FIELD_LINKS);

  return links[0] != NULL;
}

/* The metrics of the paint: the print layout's when it paints a page. */
static const Metrics *
metrics_of (const WmPaintContext *ctx)
{
  const Journey *journey = ctx->painter_data;

  return journey != NULL ? journey->metrics : &screen_metrics;
}

static double
font_size (const Metrics *metrics,
           double         size)
{
  return metrics->text_scale == 1 ? size : MAX (PRINT_TEXT_SIZE, size * metrics->text_scale);
}

static WmTextStyle
text_style (const Metrics *metrics,
            double         size,
            PangoWeight    weight,
            const WmColor *color)
{
  WmTextStyle style = wm_text_style (font_size (metrics, size));

  style.weight = weight;
  style.color = color;
  return style;
}

/* Small icons */

/* A face in a circle: smiling when @mood > 0, frowning when < 0. */
static void
paint_face (cairo_t *cr,
            WmPoint  c,
            double   mood)
{
  WmColor color = mood > 0 ? wm_color_good : wm_color_bad;
  double r = FACE_RADIUS, mouth = mood > 0 ? 1 : -1;

  color.alpha = 0.7;
  wm_set_color (cr, &color);
  cairo_set_line_width (cr, 1.1);
  cairo_new_sub_path (cr);
  cairo_arc (cr, c.x, c.y, r, 0, 2 * G_PI);
  wm_stroke (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, c.x - r * 0.35, c.y - r * 0.25, 0.9, 0, 2 * G_PI);
  cairo_new_sub_path (cr);
  cairo_arc (cr, c.x + r * 0.35, c.y - r * 0.25, 0.9, 0, 2 * G_PI);
  wm_fill (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, c.x - r * 0.42, c.y + r * (mouth > 0 ? 0.2 : 0.5));
  cairo_curve_to (cr, c.x - r * 0.15, c.y + r * (0.35 + 0.25 * mouth),
                  c.x + r * 0.15, c.y + r * (0.35 + 0.25 * mouth),
                  c.x + r * 0.42, c.y + r * (mouth > 0 ? 0.2 : 0.5));
  wm_stroke (cr);
}

/* The header card */

static void
paint_overline (WmPaintContext *ctx,
                const char     *label,
                double          x,
                double          y,
                double          width)
{
  g_autofree char *upper = g_utf8_strup (label, -1);
  const Metrics *m = metrics_of (ctx);
  WmTextStyle style = text_style (m, OVERLINE_SIZE, PANGO_WEIGHT_SEMIBOLD, &wm_color_muted);

  style.wrap = FALSE;
  wm_draw_text (ctx->cr, ctx->options, upper,
                &(WmRect) { x, y, width, font_size (m, OVERLINE_SIZE) * 1.4 }, &style);
}

static void
paint_avatar (WmPaintContext *ctx,
              const char     *persona,
              double          x,
              double          y)
{
  const Metrics *m = metrics_of (ctx);
  WmRect circle = { x, y, m->avatar, m->avatar };
  WmTextStyle style = text_style (m, 18, PANGO_WEIGHT_BOLD, &stage_ink);
  char initial[8] = { 0 };

  wm_draw_ellipse (ctx->cr, &circle, &stage_fill, NULL, 0);
  if (wm_str_is_blank (persona))
    return;
  while (g_unichar_isspace (g_utf8_get_char (persona)))
    persona = g_utf8_next_char (persona);
  g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (persona)), initial);
  style.halign = WM_ALIGN_CENTER;
  style.valign = WM_ALIGN_CENTER;
  style.wrap = FALSE;
  wm_draw_text (ctx->cr, ctx->options, initial, &circle, &style);
}

static gboolean
persona_has_links (WmDiagram *diagram)
{
  const WmValue *value = wm_diagram_get_value (diagram, WM_JOURNEY_PERSONA_LINKS, NULL);

  return value != NULL && value->v.strv != NULL && value->v.strv[0] != NULL;
}

/* The avatar, the persona's name with a link mark when it points at other
 * diagrams, and the description under it. */
static void
paint_persona (WmPaintContext *ctx,
               const WmRect   *panel)
{
  const char *persona = wm_diagram_get_string (ctx->diagram, WM_JOURNEY_PERSONA);
  const char *about = wm_diagram_get_string (ctx->diagram, WM_JOURNEY_PERSONA_DESCRIPTION);
  gboolean linked = persona_has_links (ctx->diagram);
  const Metrics *m = metrics_of (ctx);
  double x = panel->x + m->header_pad + m->avatar + 12;
  double width = panel->x + panel->width - m->header_pad - x, name_width;
  WmTextStyle name = text_style (m, 15, PANGO_WEIGHT_BOLD, NULL);
  WmTextStyle body = text_style (m, HEADER_TEXT_SIZE, PANGO_WEIGHT_NORMAL, &wm_color_muted);
  double top = panel->y + m->header_pad;

  paint_avatar (ctx, persona, panel->x + m->header_pad, top);
  paint_overline (ctx, _("Persona"), x, top - 2, width);
  name.wrap = FALSE;
  if (wm_str_is_blank (persona))
    {
      name.color = &wm_color_muted;
      name.italic = TRUE;
      persona = _("No persona yet");
    }
  wm_measure_text (ctx->options, persona, -1, &name, &name_width, NULL);
  name_width = MIN (name_width + 1, width - (linked ? LINK_MARK_SIZE + 6 : 0));
  wm_draw_text (ctx->cr, ctx->options, persona,
                &(WmRect) { x, top + m->name_y, name_width, m->body_y - m->name_y - 4 }, &name);
  /* On a page the mark is as tall as the name's letters, beside them. */
  if (linked && m->text_scale == 1)
    wm_draw_link_mark (ctx->cr, x + name_width + 6, top + m->name_y + 4, LINK_MARK_SIZE,
                       &wm_color_muted);
  else if (linked)
    wm_draw_link_mark (ctx->cr, x + name_width + 4, top + m->name_y + name.size * 0.2, name.size,
                       &wm_color_muted);
  if (m->about_wide)
    {
      width += x - (panel->x + m->header_pad);
      x = panel->x + m->header_pad;
    }
  wm_draw_text (ctx->cr, ctx->options, about,
                &(WmRect) { x, top + m->body_y, width,
                            panel->height - 2 * m->header_pad - m->body_y }, &body);
}

/* The expectations, one bullet a line, with the wrapped lines hanging. */
static void
paint_bullets (WmPaintContext *ctx,
               const char     *text,
               const WmRect   *rect)
{
  WmTextStyle body = text_style (metrics_of (ctx), HEADER_TEXT_SIZE, PANGO_WEIGHT_NORMAL, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  double y = rect->y, bottom = rect->y + rect->height;

  for (guint i = 0; lines[i] != NULL && bottom - y >= body.size; i++)
    {
      const char *line = g_strstrip (lines[i]);
      double height;

      if (*line == '\0')
        continue;
      wm_draw_text (ctx->cr, ctx->options, "•", &(WmRect) { rect->x, y, 10, bottom - y }, &body);
      height = wm_draw_text (ctx->cr, ctx->options, line,
                             &(WmRect) { rect->x + 11, y, rect->width - 11, bottom - y }, &body);
      y += height + 2;
    }
}

/* A panel of the header: a rule on its left, an overline title, a body. */
static void
paint_text_panel (WmPaintContext *ctx,
                  const WmRect   *panel,
                  const char     *title,
                  const char     *text,
                  gboolean        bullets)
{
  const Metrics *m = metrics_of (ctx);
  WmTextStyle body = text_style (m, HEADER_TEXT_SIZE, PANGO_WEIGHT_NORMAL, NULL);
  WmRect rect = { panel->x + m->header_pad, panel->y + m->header_pad + m->panel_title,
                  panel->width - 2 * m->header_pad,
                  panel->height - 2 * m->header_pad - m->panel_title };
  WmPoint rule[2] = { { panel->x, panel->y + m->header_pad },
                      { panel->x, panel->y + panel->height - m->header_pad } };

  wm_draw_polyline (ctx->cr, rule, 2, 1, WM_LINE_SOLID, &wm_color_faint);
  paint_overline (ctx, title, rect.x, panel->y + m->header_pad - 2, rect.width);
  if (wm_str_is_blank (text))
    return;
  if (bullets)
    paint_bullets (ctx, text, &rect);
  else
    wm_draw_text (ctx->cr, ctx->options, text, &rect, &body);
}

static void
paint_header (WmPaintContext        *ctx,
              const WmJourneyLayout *layout)
{
  wm_draw_box (ctx->cr, &layout->header, HEADER_RADIUS, &wm_color_fill, &wm_color_faint, 1);
  if (!ctx->detail)
    return;
  paint_persona (ctx, &layout->persona);
  paint_text_panel (ctx, &layout->scenario, _("Scenario"),
                    wm_diagram_get_string (ctx->diagram, WM_JOURNEY_SCENARIO), FALSE);
  if (!wm_rect_is_empty (&layout->expectations))
    paint_text_panel (ctx, &layout->expectations, _("Expectations"),
                      wm_diagram_get_string (ctx->diagram, WM_JOURNEY_EXPECTATIONS), TRUE);
}

/* Stages and lanes */

/* A chevron pointing to the next stage; the first has a straight back. */
static void
path_chevron (cairo_t      *cr,
              const WmRect *rect,
              gboolean      first)
{
  double x0 = rect->x + CHEVRON_INSET, x1 = rect->x + rect->width - CHEVRON_INSET;
  double y = rect->y, h = rect->height;

  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1 - CHEVRON_DEPTH, y);
  cairo_line_to (cr, x1, y + h / 2);
  cairo_line_to (cr, x1 - CHEVRON_DEPTH, y + h);
  cairo_line_to (cr, x0, y + h);
  if (!first)
    cairo_line_to (cr, x0 + CHEVRON_DEPTH, y + h / 2);
  cairo_close_path (cr);
}

static void
paint_stages (WmPaintContext *ctx,
              const Journey  *journey)
{
  const WmJourneyLayout *layout = journey->layout;
  WmTextStyle style = text_style (metrics_of (ctx), STAGE_TEXT_SIZE, PANGO_WEIGHT_BOLD, &stage_ink);

  style.halign = WM_ALIGN_CENTER;
  style.valign = WM_ALIGN_CENTER;
  style.wrap = FALSE;
  for (guint s = 0; s < layout->n_stages; s++)
    {
      const WmRect *header = &layout->stages[s].header;
      double inset = CHEVRON_INSET + CHEVRON_DEPTH + 4;

      /* A page that continues the journey starts with a chevron like any other. */
      path_chevron (ctx->cr, header, s + journey->first_stage == 0);
      wm_set_color (ctx->cr, &stage_fill);
      wm_fill (ctx->cr);
      if (ctx->detail)
        wm_draw_text (ctx->cr, ctx->options, journey->stage_labels[s],
                      &(WmRect) { header->x + inset, header->y, header->width - 2 * inset,
                                  header->height }, &style);
    }
}

/* The rows, striped every other lane, and the rules between rows and columns. */
static void
paint_grid (WmPaintContext        *ctx,
            const WmJourneyLayout *layout)
{
  const WmRect *grid = &layout->grid;
  /* The rules and stripes run under the label column too. */
  double left = layout->n_lanes > 0 ? layout->lanes[0].header.x : grid->x - WM_JOURNEY_LABEL_WIDTH;
  double right = grid->x + grid->width;

  for (guint l = 1; l < layout->n_lanes; l += 2)
    wm_draw_box (ctx->cr, &(WmRect) { left, layout->lanes[l].rect.y, right - left,
                                      layout->lanes[l].rect.height }, 0, &wm_color_fill, NULL, 0);
  /* A rule above every lane and one under the last. */
  for (guint l = 0; l <= layout->n_lanes && layout->n_lanes > 0; l++)
    {
      double y = l < layout->n_lanes ? layout->lanes[l].rect.y : grid->y + grid->height;
      WmPoint rule[2] = { { left, y }, { right, y } };

      wm_draw_polyline (ctx->cr, rule, 2, 1, WM_LINE_SOLID, &wm_color_faint);
    }
  for (guint s = 0; s < layout->n_stages && layout->n_lanes > 0; s++)
    {
      WmPoint rule[2] = { { layout->stages[s].rect.x, grid->y },
                          { layout->stages[s].rect.x, grid->y + grid->height } };

      wm_draw_polyline (ctx->cr, rule, 2, 1, WM_LINE_SOLID, &wm_color_faint);
    }
}

static void
paint_lane_labels (WmPaintContext *ctx,
                   const Journey  *journey)
{
  const WmJourneyLayout *layout = journey->layout;
  const Metrics *m = metrics_of (ctx);
  WmTextStyle style = text_style (m, LANE_TEXT_SIZE, PANGO_WEIGHT_BOLD, NULL);

  style.valign = WM_ALIGN_CENTER;
  for (guint l = 0; l < layout->n_lanes; l++)
    {
      const WmRect *cell = &layout->lanes[l].header;
      gboolean emotions = (int) l == layout->emotion_lane;
      /* The emotion lane keeps room on the right for its faces. */
      double faces = emotions ? 2 * FACE_RADIUS + 8 : 0;
      /* Centred beside the first card of a lane that grew, not far down its
       * middle; on a page every lane is as tall as it needs. */
      double height = journey->print ? cell->height
                      : MIN (cell->height, emotions ? WM_JOURNEY_EMOTION_HEIGHT
                                                    : WM_JOURNEY_ROW_HEIGHT);
      double pad = MIN (6, height / 4);

      wm_draw_text (ctx->cr, ctx->options, journey->lane_labels[l],
                    &(WmRect) { cell->x + m->lane_pad, cell->y + pad,
                                cell->width - 2 * m->lane_pad - faces, height - 2 * pad }, &style);
    }
}

/* The emotion curve */

/* A Catmull-Rom spline through the points as cubic Béziers, its control
 * points kept between @top and @bottom so the curve never leaves its lane. */
static void
path_curve (cairo_t       *cr,
            const WmPoint *p,
            guint          n,
            double         top,
            double         bottom)
{
  cairo_move_to (cr, p[0].x, p[0].y);
  for (guint i = 0; i + 1 < n; i++)
    {
      WmPoint before = p[i > 0 ? i - 1 : i], after = p[i + 2 < n ? i + 2 : i + 1];
      double c1y = p[i].y + (p[i + 1].y - before.y) / 6;
      double c2y = p[i + 1].y - (after.y - p[i].y) / 6;

      cairo_curve_to (cr, p[i].x + (p[i + 1].x - before.x) / 6, CLAMP (c1y, top, bottom),
                      p[i + 1].x - (after.x - p[i].x) / 6, CLAMP (c2y, top, bottom),
                      p[i + 1].x, p[i + 1].y);
    }
}

/* The area between the curve and the neutral line: green above, red below. */
static void
paint_curve_area (cairo_t       *cr,
                  const WmPoint *points,
                  guint          n,
                  const WmRect  *lane,
                  double         neutral)
{
  WmColor good = wm_color_good, bad = wm_color_bad;

  good.alpha = 0.12;
  bad.alpha = 0.09;
  for (int side = 0; side < 2; side++)
    {
      cairo_save (cr);
      cairo_rectangle (cr, lane->x, side == 0 ? lane->y : neutral, lane->width,
                       side == 0 ? neutral - lane->y : lane->y + lane->height - neutral);
      wm_clip (cr);
      path_curve (cr, points, n, lane->y, lane->y + lane->height);
      cairo_line_to (cr, points[n - 1].x, neutral);
      cairo_line_to (cr, points[0].x, neutral);
      cairo_close_path (cr);
      wm_set_color (cr, side == 0 ? &good : &bad);
      wm_fill (cr);
      cairo_restore (cr);
    }
}

/* Whether the emotion lane's ink (its faces reach into the label column,
 * the curve's stroke a little past the lane) meets @cr's clip. */
static gboolean
lane_shows (cairo_t      *cr,
            const WmRect *lane)
{
  double x0, y0, x1, y1, reach = LANE_PAD + 2 * FACE_RADIUS + CURVE_WIDTH + 2;
  WmRect clip;

  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  clip = (WmRect) { x0, y0, x1 - x0, y1 - y0 };
  return wm_rect_intersects (&clip, &(WmRect) { lane->x - reach, lane->y - reach,
                                                lane->width + 2 * reach,
                                                lane->height + 2 * reach });
}

static void
paint_emotion_lane (WmPaintContext *ctx,
                    const Journey  *journey)
{
  const WmJourneyLayout *layout = journey->layout;
  const WmPoint *points = journey->curve;
  guint n = layout->emotions->len;
  const WmJourneyBand *lane;
  double neutral;
  WmPoint line[2];

  if (layout->emotion_lane < 0 || !ctx->detail)
    return;
  lane = &layout->lanes[layout->emotion_lane];
  /* A long journey's curve has thousands of points: one that is out of
   * view (as the lane is, scrolled to another one) is not drawn. */
  if (!lane_shows (ctx->cr, &lane->rect))
    return;
  neutral = journey_score_y (journey, 0);
  line[0] = (WmPoint) { lane->rect.x, neutral };
  line[1] = (WmPoint) { lane->rect.x + lane->rect.width, neutral };
  wm_draw_polyline (ctx->cr, line, 2, 1, WM_LINE_DASHED, &wm_color_faint);
  paint_face (ctx->cr, (WmPoint) { lane->rect.x - metrics_of (ctx)->lane_pad / 2 - FACE_RADIUS,
                                   journey_score_y (journey, 2) }, 1);
  paint_face (ctx->cr, (WmPoint) { lane->rect.x - metrics_of (ctx)->lane_pad / 2 - FACE_RADIUS,
                                   journey_score_y (journey, -2) }, -1);

  if (n < 2)
    return;
  paint_curve_area (ctx->cr, points, n, &lane->rect, neutral);
  path_curve (ctx->cr, points, n, lane->rect.y, lane->rect.y + lane->rect.height);
  cairo_set_line_width (ctx->cr, CURVE_WIDTH);
  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);
  wm_set_color (ctx->cr, &stage_ink);
  wm_stroke (ctx->cr);
}

/* Cards */

static void
card_colors (const WmItem *item,
             WmColor      *fill,
             WmColor      *edge)
{
  *fill = wm_color_paper;
  wm_color_parse (wm_item_get_string (item, WM_FIELD_COLOR), fill);
  /* A white card stands off the paper by the theme's faint border; a
   * coloured one by a darker shade of its own colour. */
  *edge = fill->red + fill->green + fill->blue > 2.9 ? wm_color_faint
                                                     : wm_color_darken (fill, 0.16);
}

/* The card, and under it a soft line of shadow: a stroke rather than a
 * second rounded box, which keeps big PDF and SVG exports small. */
static void
paint_card_box (WmPaintContext *ctx,
                const WmRect   *rect,
                const WmColor  *fill,
                const WmColor  *edge)
{
  if (ctx->detail && rect->width > 2 * CARD_RADIUS)
    {
      WmPoint under[2] = { { rect->x + CARD_RADIUS, rect->y + rect->height + 0.75 },
                           { rect->x + rect->width - CARD_RADIUS, rect->y + rect->height + 0.75 } };

      cairo_save (ctx->cr);
      cairo_set_line_cap (ctx->cr, CAIRO_LINE_CAP_ROUND);
      wm_draw_polyline (ctx->cr, under, 2, 1.5, WM_LINE_SOLID, &shadow);
      cairo_restore (ctx->cr);
    }
  /* Zoomed far out the corners cannot be seen: square boxes draw faster. */
  wm_draw_box (ctx->cr, rect, ctx->detail ? CARD_RADIUS : 0, fill, edge, 1);
}

/* The room the renderer's link mark takes in the top right corner (see
 * wm-render.c), which the text keeps clear of, when the item points at
 * others. */
static double
card_link_room (const WmItem *item)
{
  return has_links (item) ? LINK_MARK_SIZE + 2 : 0;
}

static void
paint_card (WmPaintContext *ctx,
            const WmItem   *item,
            const WmRect   *rect)
{
  const Metrics *m = metrics_of (ctx);
  WmTextStyle style = text_style (m, CARD_TEXT_SIZE, PANGO_WEIGHT_NORMAL, NULL);
  WmColor fill, edge;
  WmRect text;

  card_colors (item, &fill, &edge);
  paint_card_box (ctx, rect, &fill, &edge);
  if (!ctx->detail)
    return;
  text = (WmRect) { rect->x + m->card_pad_x, rect->y + m->card_pad_y,
                    rect->width - 2 * m->card_pad_x, rect->height - 2 * m->card_pad_y };
  text.width -= card_link_room (item);
  if (text.width > 4 && text.height > 4)
    wm_draw_text (ctx->cr, ctx->options, item->text, &text, &style);
}

static void
card_extent (const WmRect *rect,
             WmRect       *extent)
{
  *extent = (WmRect) { rect->x - CARD_INK - 0.5, rect->y - CARD_INK - 0.5,
                       rect->width + 2 * CARD_INK + 1, rect->height + CARD_INK + CARD_SHADOW + 1 };
}

/* KPIs */

typedef struct
{
  double   value;
  double   target;
  gboolean has_target;
  gboolean good;       /* on the right side of the target, as "higher-is-better" says */
  int      direction;  /* 1 above the target, -1 below, 0 on it */
} KpiStatus;

/* A bullet bar shows amounts that start at zero. */
static gboolean
kpi_has_bar (const KpiStatus *status)
{
  return status->has_target && status->target > 0 && status->value >= 0;
}

static void
kpi_status (const WmItem *item,
            KpiStatus    *status)
{
  gboolean higher = wm_item_get_boolean (item, WM_JOURNEY_HIGHER_IS_BETTER);

  status->value = wm_item_get_number (item, WM_JOURNEY_VALUE);
  status->target = wm_item_get_number (item, WM_JOURNEY_TARGET);
  status->has_target = wm_item_has_value (item, WM_JOURNEY_TARGET);
  status->direction = (status->value > status->target) - (status->value < status->target);
  status->good = higher ? status->value >= status->target : status->value <= status->target;
}

/* A number with its unit, as people write them: "6.5%", "41 points". The
 * digits come from the model's one formatter, in the user's locale like
 * every other figure of the export: "6,5%" in German. */
static void
format_amount (char       *buffer,
               gsize       size,
               double      number,
               const char *unit)
{
  g_autofree char *digits = wm_figure_format_as (WM_FIGURE_AMOUNT, number);

  if (wm_str_is_blank (unit))
    g_strlcpy (buffer, digits, size);
  else if (g_str_equal (unit, "%"))
    g_snprintf (buffer, size, "%s%%", digits);
  else
    g_snprintf (buffer, size, "%s %s", digits, unit);
}

/* ▲ above the target, ▼ below it, ✓ on it; green when that is good. */
static void
paint_kpi_mark (cairo_t         *cr,
                double           x,
                double           cy,
                const KpiStatus *status)
{
  const double s = 9;

  wm_set_color (cr, status->good ? &wm_color_good : &wm_color_bad);
  if (status->direction == 0)
    {
      cairo_move_to (cr, x, cy);
      cairo_line_to (cr, x + s * 0.35, cy + s * 0.35);
      cairo_line_to (cr, x + s, cy - s * 0.4);
      cairo_set_line_width (cr, 1.8);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      wm_stroke (cr);
      return;
    }
  cairo_move_to (cr, x, cy + status->direction * s * 0.42);
  cairo_line_to (cr, x + s, cy + status->direction * s * 0.42);
  cairo_line_to (cr, x + s / 2, cy - status->direction * s * 0.45);
  cairo_close_path (cr);
  wm_fill (cr);
}

/* A bullet bar: the value's share of the scale in the status colour, a
 * tick at the target. Only for amounts that start at zero. */
static void
paint_kpi_bar (cairo_t         *cr,
               const WmRect    *bar,
               const KpiStatus *status)
{
  double scale = MAX (status->value, status->target) * 1.15;
  double r = bar->height / 2, y = bar->y + r;
  double filled = (bar->width - 2 * r) * status->value / scale;
  double tick = bar->x + bar->width * status->target / scale;
  WmPoint track[2] = { { bar->x + r, y }, { bar->x + bar->width - r, y } };
  WmPoint value[2] = { { bar->x + r, y }, { bar->x + r + filled, y } };
  WmPoint line[2] = { { tick, bar->y - 2.5 }, { tick, bar->y + bar->height + 2.5 } };

  /* Round-capped strokes: the simplest path for a rounded bar. */
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  wm_draw_polyline (cr, track, 2, bar->height, WM_LINE_SOLID, &kpi_track);
  if (filled > 0.5)
    wm_draw_polyline (cr, value, 2, bar->height, WM_LINE_SOLID,
                      status->good ? &wm_color_good : &wm_color_bad);
  cairo_restore (cr);
  wm_draw_polyline (cr, line, 2, 1.5, WM_LINE_SOLID, &wm_color_ink);
}

/* Draws @text on one line from @x in @row, bottom-aligned, and returns where it ends. */
static double
paint_run (WmPaintContext    *ctx,
           const char        *text,
           double             x,
           const WmRect      *row,
           const WmTextStyle *style)
{
  double width;

  wm_measure_text (ctx->options, text, -1, style, &width, NULL);
  width = MIN (width + 1, row->x + row->width - x);
  if (width > 0)
    wm_draw_text (ctx->cr, ctx->options, text, &(WmRect) { x, row->y, width, row->height }, style);
  return x + MAX (width, 0);
}

static gboolean
label_fits (WmPaintContext    *ctx,
            const char        *text,
            double             width,
            const WmTextStyle *style)
{
  double needed;

  wm_measure_text (ctx->options, text, -1, style, &needed, NULL);
  return needed + 1 <= width;
}

/* The value, big, then its unit (small, unless it is a per cent sign), the
 * mark and the gap to the target ("▼ −1.5%"); the target small on the right
 * when there is room for it. */
static void
paint_kpi_values (WmPaintContext  *ctx,
                  const WmItem    *item,
                  const WmRect    *row,
                  const KpiStatus *status)
{
  const Metrics *m = metrics_of (ctx);
  WmTextStyle big = text_style (m, KPI_VALUE_SIZE, PANGO_WEIGHT_BOLD, NULL);
  WmTextStyle small = text_style (m, KPI_SMALL_SIZE, PANGO_WEIGHT_NORMAL, &wm_color_muted);
  const char *unit = wm_item_get_string (item, WM_JOURNEY_UNIT);
  gboolean percent = g_strcmp0 (unit, "%") == 0;
  char value[64], target[64], label[96];
  double x, right = row->x + row->width;

  big.wrap = small.wrap = FALSE;
  big.valign = small.valign = WM_ALIGN_END;
  format_amount (value, sizeof value, status->value, percent ? unit : NULL);
  x = paint_run (ctx, value, row->x, &(WmRect) { row->x, row->y, row->width - 14, row->height },
                 &big);
  small.size = font_size (m, KPI_SMALL_SIZE + 1);
  if (!percent && !wm_str_is_blank (unit))
    x = paint_run (ctx, unit, x + 3, &(WmRect) { row->x, row->y, row->width - 14,
                                                 row->height - 2 }, &small);
  small.size = font_size (m, KPI_SMALL_SIZE);
  if (!status->has_target)
    return;
  paint_kpi_mark (ctx->cr, x + 5, row->y + row->height - big.size * 0.42, status);
  x += 5 + 9;
  if (status->direction != 0)
    {
      /* The gap to the target, signed, in the mark's colour: how far off it is. */
      WmTextStyle gap_style = small;
      char gap[64], signed_gap[80];

      gap_style.weight = PANGO_WEIGHT_SEMIBOLD;
      gap_style.color = status->good ? &wm_color_good : &wm_color_bad;
      gap_style.size = font_size (m, KPI_SMALL_SIZE + 0.5);
      format_amount (gap, sizeof gap, fabs (status->value - status->target),
                     percent ? unit : NULL);
      /* U+2212, the minus sign, reads better than a hyphen next to digits. */
      g_snprintf (signed_gap, sizeof signed_gap, "%s%s",
                  status->direction > 0 ? "+" : "\u2212", gap);
      x = paint_run (ctx, signed_gap, x + 3,
                     &(WmRect) { row->x, row->y, row->width, row->height - 2 }, &gap_style);
    }
  /* The target on the right, when it fits whole; else without its unit. */
  format_amount (target, sizeof target, status->target, unit);
  /* Translators: the target of a KPI beside its value, as in "Target 85%". */
  g_snprintf (label, sizeof label, _("Target %s"), target);
  if (!label_fits (ctx, label, right - (x + 8), &small))
    {
      format_amount (target, sizeof target, status->target, percent ? unit : NULL);
      g_snprintf (label, sizeof label, _("Target %s"), target);
    }
  small.halign = WM_ALIGN_END;
  if (label_fits (ctx, label, right - (x + 8), &small))
    wm_draw_text (ctx->cr, ctx->options, label,
                  &(WmRect) { x + 8, row->y, right - (x + 8), row->height - 2 }, &small);
}

static void
paint_kpi (WmPaintContext *ctx,
           const WmItem   *item,
           const WmRect   *rect)
{
  const Metrics *m = metrics_of (ctx);
  WmTextStyle name = text_style (m, KPI_NAME_SIZE, PANGO_WEIGHT_SEMIBOLD, &wm_color_muted);
  WmRect inner = { rect->x + m->kpi_pad_x, rect->y + m->kpi_pad_y, rect->width - 2 * m->kpi_pad_x,
                   rect->height - 2 * m->kpi_pad_y };
  double bottom = inner.y + inner.height;
  KpiStatus status;
  WmRect row;

  paint_card_box (ctx, rect, &wm_color_paper, &wm_color_faint);
  if (!ctx->detail || inner.width < 8 || inner.height < 8)
    return;
  kpi_status (item, &status);
  if (kpi_has_bar (&status) && inner.height >= 2 * m->kpi_row)
    {
      paint_kpi_bar (ctx->cr, &(WmRect) { inner.x, bottom - KPI_BAR_HEIGHT, inner.width,
                                          KPI_BAR_HEIGHT }, &status);
      bottom -= KPI_BAR_HEIGHT + 6;
    }
  row = (WmRect) { inner.x, bottom - m->kpi_row, inner.width, m->kpi_row };
  paint_kpi_values (ctx, item, &row, &status);
  inner.width -= card_link_room (item);
  inner.height = row.y - inner.y - 2;
  if (inner.height >= name.size)
    wm_draw_text (ctx->cr, ctx->options, item->text, &inner, &name);
}

/* Emotion points */

static double
emotion_score (const WmItem *item)
{
  double score = wm_item_get_number (item, WM_JOURNEY_SCORE);

  return isfinite (score) ? CLAMP (score, -2, 2) : 0;
}

/* The dot, without its white ring, centred in the point's rectangle. */
static WmRect
emotion_dot (const WmRect *rect)
{
  double d = CLAMP (MIN (rect->width, rect->height) * 0.6, DOT_MIN, DOT_MAX);

  return (WmRect) { rect->x + (rect->width - d) / 2, rect->y + (rect->height - d) / 2, d, d };
}

/* The ink of the dot's white ring, which holds the dot. */
static WmRect
emotion_ring (const WmRect *dot)
{
  return (WmRect) { dot->x - DOT_RING - 0.5, dot->y - DOT_RING - 0.5,
                    dot->width + 2 * DOT_RING + 1, dot->height + 2 * DOT_RING + 1 };
}

/* Grey at a neutral score, more green or red the further the score goes. */
static WmColor
score_color (double score)
{
  const WmColor *far = score >= 0 ? &wm_color_good : &wm_color_bad;
  double t = score == 0 ? 0 : 0.45 + 0.55 * fabs (score) / 2;

  return (WmColor) { wm_color_muted.red + (far->red - wm_color_muted.red) * t,
                     wm_color_muted.green + (far->green - wm_color_muted.green) * t,
                     wm_color_muted.blue + (far->blue - wm_color_muted.blue) * t, 1 };
}

static WmTextStyle
note_style (const Metrics *metrics)
{
  WmTextStyle style = text_style (metrics, NOTE_SIZE, PANGO_WEIGHT_NORMAL, &wm_color_ink);

  style.halign = WM_ALIGN_CENTER;
  return style;
}

/* The height of one line of a note. Every text cache shapes alike, so one
 * measure serves the whole process. */
static double
note_line_height (const Metrics *metrics)
{
  WmTextStyle style = note_style (metrics);
  double line;

  wm_measure_text (NULL, "Ag", -1, &style, NULL, &line);
  return line;
}

/* Above a peak and below a trough the curve leaves a note alone; on a
 * slope, the side with more room in the lane takes it. @index is the
 * point's position in the curve, from 0. */
static gboolean
note_goes_above (const Journey *journey,
                 guint          index,
                 double         cy,
                 double         needed)
{
  const WmJourneyLayout *layout = journey->layout;
  const WmRect *lane = &layout->lanes[layout->emotion_lane].rect;
  double before = index > 0 ? journey->curve[index - 1].y : cy;
  double after = index + 1 < layout->emotions->len ? journey->curve[index + 1].y : cy;
  double room_above = cy - lane->y, room_below = lane->y + lane->height - cy;
  gboolean above;

  if (before >= cy && after >= cy)
    above = TRUE;
  else if (before <= cy && after <= cy)
    above = FALSE;
  else
    above = room_above >= room_below;
  if (above ? room_above < needed && room_below > room_above
            : room_below < needed && room_above > room_below)
    above = !above;
  return above;
}

/* The size of the note of @text with its padding; FALSE when it has none. */
static gboolean
note_size (const Journey *journey,
           const char    *text,
           double        *width,
           double        *height)
{
  WmTextStyle style = note_style (journey->metrics);
  double w, h;

  if (wm_str_is_blank (text))
    return FALSE;
  /* Every text cache shapes alike, so the shared one measures for all. */
  wm_measure_text (NULL, text, NOTE_WIDTH, &style, &w, &h);
  *width = MIN (w, NOTE_WIDTH) + 2 * NOTE_PAD_X;
  *height = MIN (h, NOTE_LINES * journey->note_line) + 2 * NOTE_PAD_Y;
  return TRUE;
}

/* Measures the notes of the curve's points not placed yet, all at once
 * (on two threads when there are many): a paint that will place them all
 * then finds each measured. */
static void
shape_notes (const Journey *journey)
{
  guint n = journey->layout->emotions->len;
  g_autoptr(GArray) texts = g_array_new (FALSE, FALSE, sizeof (WmTextMeasure));
  WmTextMeasure note = { .width = NOTE_WIDTH, .style = note_style (journey->metrics) };

  for (guint i = journey->n_placed; i < n; i++)
    {
      note.text = journey->note_texts->texts + journey->note_texts->at[i];
      if (!wm_str_is_blank (note.text))
        g_array_append_val (texts, note);
    }
  wm_measure_texts (NULL, (WmTextMeasure *) (gpointer) texts->data, texts->len);
}

/* A note of @w × @h above or below the dot, moved @shift along the lane.
 * A note that would reach past an end of the lane (several points share
 * the first or the last stage) slides along it; above or below its dot, it
 * still never covers it. */
static WmRect
note_beside (const Journey *journey,
             const WmRect  *dot,
             double         w,
             double         h,
             gboolean       above,
             double         shift)
{
  const WmRect *lane = &journey->layout->lanes[journey->layout->emotion_lane].rect;
  double cx = dot->x + dot->width / 2, cy = dot->y + dot->height / 2;
  double reach = dot->height / 2 + DOT_RING + NOTE_GAP;
  WmRect box = { cx - w / 2 + shift, above ? cy - reach - h : cy + reach, w, h };

  box.x = CLAMP (box.x, lane->x + 1, lane->x + lane->width - 1 - w);
  return box;
}

/* What a note on one side of its dot may cover: a note keeps its height
 * wherever it slides along the lane, so whether it leaves the lane, and
 * which dots and notes share its height, are found once per side; each
 * place tried then only compares its left and right with theirs. */
typedef struct
{
  gboolean blocked;  /* the note leaves the lane on this side */
  guint    n;
  WmRect   rects[3 * NOTE_NEIGHBOURS + 2];
} Obstacles;

static void
add_obstacle (Obstacles    *obstacles,
              const WmRect *rect,
              const WmRect *box)
{
  /* The vertical half of wm_rect_intersects (rect, box). */
  if (rect->y <= box->y + box->height && box->y <= rect->y + rect->height)
    {
      g_assert (obstacles->n < G_N_ELEMENTS (obstacles->rects));
      obstacles->rects[obstacles->n++] = *rect;
    }
}

/* The dots of the curve's points [@from, @to) but @index's, and the notes
 * placed before @index, that a note at @box's height would meet. */
static void
note_obstacles (const Journey *journey,
                guint          index,
                guint          from,
                guint          to,
                const WmRect  *box,
                Obstacles     *obstacles)
{
  const WmRect *lane = &journey->layout->lanes[journey->layout->emotion_lane].rect;
  double ring = DOT_MAX / 2 + DOT_RING;

  obstacles->n = 0;
  obstacles->blocked = box->y < lane->y || box->y + box->height > lane->y + lane->height;
  if (obstacles->blocked)
    return;
  for (guint k = from; k < to; k++)
    {
      WmRect dot = { journey->curve[k].x - ring, journey->curve[k].y - ring, 2 * ring, 2 * ring };

      if (k != index)
        add_obstacle (obstacles, &dot, box);
    }
  for (guint k = from; k < MIN (index, to); k++)
    if (journey->note_state[k] == 2)
      add_obstacle (obstacles, &journey->notes[k], box);
}

/* Whether @box, on the side of @obstacles, covers one of them or leaves
 * the lane. */
static gboolean
note_collides (const Obstacles *obstacles,
               const WmRect    *box)
{
  if (obstacles->blocked)
    return TRUE;
  for (guint i = 0; i < obstacles->n; i++)
    {
      const WmRect *rect = &obstacles->rects[i];

      /* The horizontal half of wm_rect_intersects (rect, box). */
      if (rect->x <= box->x + box->width && box->x <= rect->x + rect->width)
        return TRUE;
    }
  return FALSE;
}

/* The points [*from, *to) near enough to point @index for their dots or
 * notes to meet its note wherever it goes: the curve runs left to right,
 * so they are its neighbours on either side. At most NOTE_NEIGHBOURS on a
 * side count: in a stage crowded past that, notes cannot all keep clear
 * anyway, and a long journey's notes are still placed in linear time. */
static void
note_neighbours (const Journey *journey,
                 guint          index,
                 guint         *from,
                 guint         *to)
{
  double reach = (2 * NOTE_MAX_SHIFT + 1) * (NOTE_WIDTH + 2 * NOTE_PAD_X) + DOT_MAX + 2 * DOT_RING;
  double x = journey->curve[index].x;
  guint n = journey->layout->emotions->len;

  *from = index;
  while (*from > 0 && index - *from < NOTE_NEIGHBOURS && x - journey->curve[*from - 1].x <= reach)
    (*from)--;
  *to = index + 1;
  while (*to < n && *to - index <= NOTE_NEIGHBOURS && journey->curve[*to].x - x <= reach)
    (*to)++;
}

typedef struct
{
  double   shift;
  gboolean above;
} NotePlace;

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const NotePlace *pa = a, *pb = b;
  double da = fabs (pa->shift), db = fabs (pb->shift);

  return da < db ? -1 : da > db ? 1 : 0;
}

/* A place for a note of width @w, unless it lies further than
 * NOTE_MAX_SHIFT of its widths: those are never tried, and leaving them
 * out keeps the sort short. */
static void
add_place (GArray   *places,
           double    shift,
           gboolean  above,
           double    w)
{
  if (fabs (shift) <= NOTE_MAX_SHIFT * w)
    g_array_append_val (places, ((NotePlace) { shift, above }));
}

/* Where a note may go: on either side, centred on its dot or just past an
 * edge of a note already placed or of another dot, no further than
 * NOTE_MAX_SHIFT of its widths; the nearest first, the preferred side
 * first among equals. */
static GArray *
note_places (const Journey *journey,
             guint          index,
             guint          from,
             guint          to,
             double         cx,
             double         w,
             gboolean       above)
{
  GArray *places = g_array_new (FALSE, FALSE, sizeof (NotePlace));
  double ring = DOT_MAX / 2 + DOT_RING, left = cx - w / 2;

  for (guint side = 0; side < 2; side++)
    {
      gboolean on_above = side == 0 ? above : !above;

      add_place (places, 0, on_above, w);
      for (guint k = from; k < to; k++)
        {
          double x0 = journey->curve[k].x - ring, x1 = journey->curve[k].x + ring;

          if (k < index && journey->note_state[k] == 2)
            {
              x0 = MIN (x0, journey->notes[k].x);
              x1 = MAX (x1, journey->notes[k].x + journey->notes[k].width);
            }
          if (k == index)
            continue;
          add_place (places, x1 + NOTE_GAP - left, on_above, w);
          add_place (places, x0 - NOTE_GAP - w - left, on_above, w);
        }
    }
  /* Stable for equal distances: the preferred side's places come first
   * (g_array_sort() is a merge sort). */
  g_array_sort (places, compare_places);
  return places;
}

/* Places the note of curve point @index (from 0): on the side of the curve
 * that leaves it room, else on the other side, else moved along the lane,
 * clear of every dot and of the notes already placed; when nothing is
 * clear (a stage too crowded for its notes), where it prefers. */
static void
place_note (Journey      *journey,
            guint         index,
            const WmRect *dot)
{
  double w, h, cx = dot->x + dot->width / 2, cy = dot->y + dot->height / 2;
  g_autoptr(GArray) places = NULL;
  Obstacles sides[2];
  gboolean above;
  guint from, to;

  journey->note_state[index] = 1;
  if (!note_size (journey, journey->note_texts->texts + journey->note_texts->at[index], &w, &h))
    return;
  above = note_goes_above (journey, index, cy, dot->height / 2 + DOT_RING + NOTE_GAP + h);
  journey->note_state[index] = 2;
  journey->notes[index] = note_beside (journey, dot, w, h, above, 0);
  note_neighbours (journey, index, &from, &to);
  places = note_places (journey, index, from, to, cx, w, above);
  for (guint side = 0; side < 2; side++)
    {
      WmRect level = note_beside (journey, dot, w, h, side, 0);

      note_obstacles (journey, index, from, to, &level, &sides[side]);
    }
  for (guint i = 0; i < places->len; i++)
    {
      const NotePlace *place = &g_array_index (places, NotePlace, i);
      WmRect box = note_beside (journey, dot, w, h, place->above, place->shift);

      if (!note_collides (&sides[place->above ? 1 : 0], &box))
        {
          journey->notes[index] = box;
          return;
        }
    }
}

/* The notes of the curve's points up to @index (from 0), in the curve's
 * order, each clear of those before it: a note depends on those before
 * it, never on those after. */
static void
place_notes_to (Journey *journey,
                guint    index)
{
  guint n = journey->layout->emotions->len;

  /* Made with the first note asked for: most layouts of a long journey
   * last one edit and are never asked. */
  if (journey->notes == NULL)
    {
      journey->notes = g_new (WmRect, MAX (n, 1));
      journey->note_state = g_new0 (guint8, MAX (n, 1));
    }
  for (; journey->n_placed <= index; journey->n_placed++)
    place_note (journey, journey->n_placed, &journey->dots[journey->n_placed]);
}

/* The position of @item in the curve plus one, or 0 when it is not on it. */
static guint
curve_position (const Journey *journey,
                const WmItem  *item)
{
  if (journey->curve_index != NULL)
    return GPOINTER_TO_UINT (g_hash_table_lookup (journey->curve_index, item));
  return (guint) (wm_journey_layout_curve_index (journey->layout, item) + 1);
}

/* The note's box, placed with the layout for the points of the curve; a
 * point outside the curve puts its note below. */
static gboolean
note_box (Journey      *journey,
          const WmItem *item,
          const WmRect *dot,
          WmRect       *box)
{
  guint index = curve_position (journey, item);
  gboolean has_note;
  double w, h;

  if (index > 0)
    {
      g_mutex_lock (&journey->lock);
      place_notes_to (journey, index - 1);
      *box = journey->notes[index - 1];
      has_note = journey->note_state[index - 1] == 2;
      g_mutex_unlock (&journey->lock);
      return has_note;
    }
  if (!note_size (journey, item->text, &w, &h))
    return FALSE;
  *box = (WmRect) { dot->x + dot->width / 2 - w / 2,
                    dot->y + dot->height + DOT_RING + NOTE_GAP, w, h };
  return TRUE;
}

static void
paint_emotion (WmPaintContext *ctx,
               Journey        *journey,
               const WmItem   *item,
               const WmRect   *rect)
{
  WmRect dot = emotion_dot (rect), ring, box;
  WmColor color = score_color (emotion_score (item)), pad = wm_color_paper;
  WmTextStyle style = note_style (journey->metrics);

  ring = (WmRect) { dot.x - DOT_RING, dot.y - DOT_RING, dot.width + 2 * DOT_RING,
                    dot.height + 2 * DOT_RING };
  if (ctx->detail)
    wm_draw_ellipse (ctx->cr, &ring, &wm_color_paper, NULL, 0);
  wm_draw_ellipse (ctx->cr, &dot, &color, NULL, 0);
  if (!ctx->detail || !note_box (journey, item, &dot, &box))
    return;
  /* Enough paper under the note to hide the dashed line, not the tint. */
  pad.alpha = 0.6;
  wm_draw_box (ctx->cr, &box, 3, &pad, NULL, 0);
  wm_draw_text (ctx->cr, ctx->options, item->text,
                &(WmRect) { box.x + box.width / 2 - NOTE_WIDTH / 2, box.y + NOTE_PAD_Y, NOTE_WIDTH,
                            box.height - 2 * NOTE_PAD_Y }, &style);
}

static void
emotion_extent (Journey       *journey,
                const WmItem  *item,
                const WmRect  *rect,
                WmRect        *extent)
{
  WmRect dot = emotion_dot (rect), box;

  *extent = emotion_ring (&dot);
  if (note_box (journey, item, &dot, &box))
    wm_rect_union (extent, &(WmRect) { box.x - 1, box.y - 1, box.width + 2, box.height + 2 },
                   extent);
}

/* The painter */

static void
get_extent (WmDiagram *diagram,
            WmRect    *extent)
{
  g_autoptr(Journey) journey = journey_get (diagram);
  const WmRect *bounds = &journey->layout->bounds;
  const double *rings = journey->rings;
  double right, bottom;

  /* Half the header card's outline lies outside the layout's bounds. */
  *extent = (WmRect) { bounds->x - 1, bounds->y - 1, bounds->width + 2, bounds->height + 2 };
  /* The dots' rings are drawn with the points, but reaching past the grid
   * they are the journey's extent all the same: taken here, a point near
   * an end of the lane is known to reach no further than what is drawn
   * already, and wm_render_get_extent() places no note to measure it.
   * Each edge that moves is one of the rings' own. */
  if (journey->layout->emotions->len == 0)
    return;
  right = MAX (extent->x + extent->width, rings[2]);
  bottom = MAX (extent->y + extent->height, rings[3]);
  if (rings[0] < extent->x || rings[2] > extent->x + extent->width)
    {
      extent->x = MIN (extent->x, rings[0]);
      extent->width = right - extent->x;
    }
  if (rings[1] < extent->y || rings[3] > extent->y + extent->height)
    {
      extent->y = MIN (extent->y, rings[1]);
      extent->height = bottom - extent->y;
    }
}

static gpointer
new_data (WmDiagram *diagram)
{
  return journey_get (diagram);
}

static void
paint_background (WmPaintContext *ctx)
{
  Journey *journey = new_data (ctx->diagram);
  const WmJourneyLayout *layout = journey->layout;

  ctx->painter_data = journey;
  /* An export draws every note: measured at once, they shape on two threads. */
  if (ctx->detail && wm_target_is_file (ctx->cr))
    {
      g_mutex_lock (&journey->lock);
      shape_notes (journey);
      g_mutex_unlock (&journey->lock);
    }
  paint_header (ctx, layout);
  paint_stages (ctx, journey);
  paint_grid (ctx, layout);
  if (ctx->detail)
    paint_lane_labels (ctx, journey);
  paint_emotion_lane (ctx, journey);
}

static void
paint_item (WmPaintContext *ctx,
            const WmItem   *item)
{
  /* The paint's layout; a caller that paints an item alone gets its own. */
  g_autoptr(Journey) own = ctx->painter_data == NULL ? journey_get (ctx->diagram) : NULL;
  Journey *journey = own != NULL ? own : ctx->painter_data;
  WmRect rect;

  if (!wm_item_is_node (item))
    return;
  journey_item_rect (journey, item, &rect);
  if (is_type (item, "emotion"))
    paint_emotion (ctx, journey, item, &rect);
  else if (is_type (item, "kpi"))
    paint_kpi (ctx, item, &rect);
  else
    paint_card (ctx, item, &rect);
}

static void
journey_item_extent (Journey      *journey,
                     const WmItem *item,
                     WmRect       *extent)
{
  WmRect rect;

  if (!wm_item_is_node (item))
    {
      *extent = (WmRect) { 0, 0, 0, 0 };
      return;
    }
  wm_journey_layout_item_rect (journey->layout, item, &rect);
  if (is_type (item, "emotion"))
    emotion_extent (journey, item, &rect, extent);
  else
    card_extent (&rect, extent);
}

static void
item_extent (WmDiagram    *diagram,
             const WmItem *item,
             WmRect       *extent)
{
  g_autoptr(Journey) journey = NULL;

  if (!wm_item_is_node (item))
    {
      *extent = (WmRect) { 0, 0, 0, 0 };
      return;
    }
  journey = journey_get (diagram);
  journey_item_extent (journey, item, extent);
}

/* Room for rounding in clamp_to_lane(), well inside the grid's margin. */
#define CLAMP_SLACK 0.5

/* A note of the curve slides along the lane to stay inside it (see
 * note_beside()), so the bound of its box need not reach past the lane's
 * ends: the bound of a point near an end then stays inside the grid, and
 * wm_render_get_extent() places no note to measure it. */
static void
clamp_to_lane (const Journey *journey,
               WmRect        *bound)
{
  const WmJourneyLayout *layout = journey->layout;
  const WmRect *lane = &layout->lanes[layout->emotion_lane].rect;
  double w = NOTE_WIDTH + 2 * NOTE_PAD_X;
  /* The box's left edge lies between lane->x + 1 and the lane's right end
   * less 1 and its width (either way round in a lane narrower than a
   * note), and the extent adds 1 around the box. */
  double left = MIN (lane->x, lane->x + lane->width - 2 - w) - CLAMP_SLACK;
  double right = MAX (lane->x + 2 + w, lane->x + lane->width) + CLAMP_SLACK;
  double x0 = MAX (bound->x, left), x1 = MIN (bound->x + bound->width, right);

  bound->x = x0;
  bound->width = MAX (x1 - x0, 0);
}

/* Cards and KPIs are their cell's rectangle; an emotion point's note, of at
 * most NOTE_LINES lines, goes above or below its dot, perhaps moved along
 * the lane: the bound holds every place at its largest, so that no note is
 * measured for it. */
static void emotion_bound (const Journey *journey,
                           const WmRect  *dot,
                           gboolean       on_curve,
                           WmRect        *bound);

static gboolean
journey_item_bound (Journey      *journey,
                    const WmItem *item,
                    WmRect       *bound)
{
  WmRect rect, dot;

  if (!wm_item_is_node (item) || !is_type (item, "emotion"))
    {
      journey_item_extent (journey, item, bound);
      return TRUE;
    }
  wm_journey_layout_item_rect (journey->layout, item, &rect);
  dot = emotion_dot (&rect);
  emotion_bound (journey, &dot, curve_position (journey, item) > 0, bound);
  return FALSE;
}

/* The bound of an emotion point whose dot is @dot, on the curve or not. */
static void
emotion_bound (const Journey *journey,
               const WmRect  *dot,
               gboolean       on_curve,
               WmRect        *bound)
{
  WmRect ring;
  double note_height, reach, cx, cy, half, right, bottom;

  note_height = NOTE_LINES * journey->note_line + 2 * NOTE_PAD_Y;
  reach = dot->height / 2 + DOT_RING + NOTE_GAP;
  cx = dot->x + dot->width / 2;
  cy = dot->y + dot->height / 2;
  /* A note moves along the lane by at most NOTE_MAX_SHIFT of its widths
   * to clear another, and by half its width off an end of the lane. */
  half = (NOTE_WIDTH + 2 * NOTE_PAD_X) * (0.5 + MAX (NOTE_MAX_SHIFT, 0.5));
  *bound = (WmRect) { cx - half - 1, cy - reach - note_height - 1,
                      2 * half + 2, 2 * (reach + note_height) + 2 };
  if (on_curve)
    clamp_to_lane (journey, bound);
  ring = emotion_ring (dot);
  /* The union, its left and top edges moved out to whole units: the right
   * and bottom edges then come out of x + width exactly as the ring's, and
   * a ring past the grid, which get_extent() holds, is not taken for one
   * that reaches a rounding error further, whose note must be placed. */
  right = MAX (bound->x + bound->width, ring.x + ring.width);
  bottom = MAX (bound->y + bound->height, ring.y + ring.height);
  bound->x = floor (MIN (bound->x, ring.x));
  bound->y = floor (MIN (bound->y, ring.y));
  *bound = (WmRect) { bound->x, bound->y, right - bound->x, bottom - bound->y };
}

static gboolean
item_bound (WmDiagram    *diagram,
            const WmItem *item,
            WmRect       *bound)
{
  g_autoptr(Journey) journey = NULL;

  if (!wm_item_is_node (item))
    {
      *bound = (WmRect) { 0, 0, 0, 0 };
      return TRUE;
    }
  journey = journey_get (diagram);
  return journey_item_bound (journey, item, bound);
}

/* The bounds culling goes by: one look at the layout for all the items,
 * where item_bound would fetch it for each of a long journey's items. */
static void
item_bounds (WmDiagram *diagram,
             WmRect    *bounds)
{
  g_autoptr(Journey) journey = journey_get (diagram);
  guint n = wm_diagram_get_n_items (diagram);

  for (guint i = 0; i < n; i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      WmRect rect;
      guint curve;

      /* What the layout placed is bounded from the layout alone, without
       * fetching the item: as journey_item_bound() finds it. */
      switch (wm_journey_layout_placement (journey->layout, i, item, &rect, &curve))
        {
        case WM_JOURNEY_IN_CELL:
          card_extent (&rect, &bounds[i]);
          continue;
        case WM_JOURNEY_ON_CURVE:
          emotion_bound (journey, &journey->dots[curve], TRUE, &bounds[i]);
          continue;
        case WM_JOURNEY_UNPLACED:
        default:
          break;
        }
      bounds[i] = (WmRect) { 0, 0, -1, -1 };
      if (wm_item_is_node (item))
        journey_item_bound (journey, item, &bounds[i]);
    }
}

static void
node_rect (WmDiagram    *diagram,
           const WmItem *node,
           WmRect       *rect)
{
  g_autoptr(Journey) journey = journey_get (diagram);

  wm_journey_layout_item_rect (journey->layout, node, rect);
}

/* The print layout
 *
 * A page is wide and short, where the canvas grows down: the header is one
 * band of panels as tall as their text, a lane is as tall as its tallest
 * stack of cards at the page's column width, and what room is left is
 * shared out among the lanes, so that the journey fills its page. When the
 * lanes do not fit, the stages are split over pages, each repeating the
 * header, the stage chevrons and the lane labels. */

/* A page's box and the measures every page of it shares, in print units. */
typedef struct
{
  double width;
  double height;
  double label_width;
  double header_height;
  double persona;        /* the header panels' widths */
  double scenario;
  gboolean expectations;
} PrintFrame;

/* The height of @text wrapped to @width in @style, at least one line. */
static double
print_text_height (const char        *text,
                   double             width,
                   const WmTextStyle *style)
{
  double height;

  wm_measure_text (NULL, wm_str_is_blank (text) ? "Ag" : text, MAX (width, 1), style, NULL,
                   &height);
  return height;
}

static double
print_bullets_height (const char *text,
                      double      width)
{
  WmTextStyle body = text_style (&print_metrics, HEADER_TEXT_SIZE, PANGO_WEIGHT_NORMAL, NULL);
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  double height = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      height += print_text_height (lines[i], width - 11, &body) + 2;
  return height;
}

/* The height of the header band with panels @persona and @scenario wide
 * (the expectations take the rest, when there are some): the tallest. */
static double
print_header_height (WmDiagram *diagram,
                     double     width,
                     double     persona,
                     double     scenario)
{
  const Metrics *m = &print_metrics;
  WmTextStyle body = text_style (m, HEADER_TEXT_SIZE, PANGO_WEIGHT_NORMAL, NULL);
  const char *expectations = wm_diagram_get_string (diagram, WM_JOURNEY_EXPECTATIONS);
  const char *about = wm_diagram_get_string (diagram, WM_JOURNEY_PERSONA_DESCRIPTION);
  double pad = 2 * m->header_pad, tallest;

  tallest = MAX (m->avatar,
                 m->body_y + print_text_height (about, persona - pad, &body));
  tallest = MAX (tallest, m->panel_title + print_text_height (wm_diagram_get_string (
                                                                diagram, WM_JOURNEY_SCENARIO),
                                                              scenario - pad, &body));
  if (!wm_str_is_blank (expectations))
    tallest = MAX (tallest, m->panel_title + print_bullets_height (expectations, width - persona -
                                                                   scenario - pad));
  return ceil (pad + tallest);
}

/* The header band: the persona, the scenario and the expectations side by
 * side, shared out so that the band is as low as can be. */
static void
print_frame_header (PrintFrame *frame,
                    WmDiagram  *diagram)
{
  frame->expectations =
    !wm_str_is_blank (wm_diagram_get_string (diagram, WM_JOURNEY_EXPECTATIONS));
  frame->header_height = G_MAXDOUBLE;
  for (double p = 0.30; p <= (frame->expectations ? 0.46 : 0.6); p += 0.04)
    for (double q = 0.24; q <= (frame->expectations ? 0.44 : 0.24); q += 0.04)
      {
        double persona = round (frame->width * p);
        double scenario = frame->expectations ? round (frame->width * q) : frame->width - persona;
        double height;

        if (frame->expectations && frame->width - persona - scenario < frame->width * 0.2)
          continue;
        height = print_header_height (diagram, frame->width, persona, scenario);
        if (height < frame->header_height)
          {
            frame->header_height = height;
            frame->persona = persona;
            frame->scenario = scenario;
          }
      }
}

/* The label column: as wide as the longest lane label needs, within reason. */
static void
print_frame_labels (PrintFrame            *frame,
                    const WmJourneyLayout *base)
{
  const Metrics *m = &print_metrics;
  WmTextStyle style = text_style (m, LANE_TEXT_SIZE, PANGO_WEIGHT_BOLD, NULL);
  double widest = 0;

  style.wrap = FALSE;
  for (guint l = 0; l < base->n_lanes; l++)
    {
      double width;

      wm_measure_text (NULL, base->lanes[l].label != NULL ? base->lanes[l].label : "", -1, &style,
                       &width, NULL);
      if ((int) l == base->emotion_lane)
        width += 2 * FACE_RADIUS + 8;
      widest = MAX (widest, width + 2 * m->lane_pad + 1);
    }
  frame->label_width = ceil (CLAMP (widest, 60, frame->width * 0.16));
}

/* What sets the height of a card or KPI @width wide on the page: its text
 * (a KPI's name), wrapped to the card's width inside its padding. */
static WmTextMeasure
print_card_text (const WmItem *item,
                 double        width)
{
  const Metrics *m = &print_metrics;
  gboolean kpi = is_type (item, "kpi");
  double room = width - card_link_room (item) - 2 * (kpi ? m->kpi_pad_x : m->card_pad_x);

  return (WmTextMeasure) {
    .text = wm_str_is_blank (item->text) ? "Ag" : item->text,
    .width = MAX (room, 1),
    .style = kpi ? text_style (m, KPI_NAME_SIZE, PANGO_WEIGHT_SEMIBOLD, NULL)
                 : text_style (m, CARD_TEXT_SIZE, PANGO_WEIGHT_NORMAL, NULL),
  };
}

/* The height of a card or KPI on the page, its text whole, from @text
 * (print_card_text() measured). */
static double
print_card_height (const WmItem        *item,
                   const WmTextMeasure *text)
{
  const Metrics *m = &print_metrics;

  if (is_type (item, "kpi"))
    {
      KpiStatus status;
      double height = 2 * m->kpi_pad_y + m->kpi_row + 2 + text->out_height;

      kpi_status (item, &status);
      if (kpi_has_bar (&status))
        height = MAX (height + KPI_BAR_HEIGHT + 6, 2 * m->kpi_pad_y + 2 * m->kpi_row);
      return ceil (height);
    }
  return ceil (2 * m->card_pad_y + text->out_height);
}

/* One page of the print layout being made: the stages [first, last) of
 * the canvas layout @base. */
typedef struct
{
  const PrintFrame      *frame;
  const WmJourneyLayout *base;
  WmDiagram             *diagram;
  guint                  first;
  guint                  last;
  double                 column;   /* a stage's width */
  double                *stacks;   /* per cell: its cards' heights and gaps, stage-major */
  guint                 *counts;   /* per cell: its cards */
  double                *lanes;    /* per lane: its height */
  GHashTable            *heights;  /* WmItem * to its card's height (double *) */
} PrintPage;

/* The cell of a card or KPI placed on the page, or FALSE. */
static gboolean
print_page_card_cell (PrintPage    *page,
                      const WmItem *item,
                      guint        *stage,
                      guint        *lane)
{
  int s, l;

  if (!wm_item_is_node (item) || is_type (item, "emotion") ||
      !wm_journey_layout_item_cell (page->base, item, &s, &l) || s < 0 || l < 0 ||
      (guint) s < page->first || (guint) s >= page->last || l == page->base->emotion_lane)
    return FALSE;
  *stage = s;
  *lane = l;
  return TRUE;
}

/* The cards and KPIs of @page, and the texts that set their heights. */
static void
print_page_cards (PrintPage *page,
                  GPtrArray *cards,
                  GArray    *texts)
{
  double card_width = page->column - 2 * PRINT_CELL_PAD;

  for (guint i = 0; i < wm_diagram_get_n_items (page->diagram); i++)
    {
      const WmItem *item = wm_diagram_get_item (page->diagram, i);
      WmTextMeasure text;
      guint s, l;

      if (!print_page_card_cell (page, item, &s, &l))
        continue;
      text = print_card_text (item, card_width);
      g_ptr_array_add (cards, (gpointer) item);
      g_array_append_val (texts, text);
    }
}

/* Measures the cards and the lanes; returns the height the page needs. */
static double
print_page_measure (PrintPage *page)
{
  const PrintFrame *frame = page->frame;
  guint n_lanes = page->base->n_lanes, n_cells = (page->last - page->first) * n_lanes;
  double total = 0;
  WmTextStyle label = text_style (&print_metrics, LANE_TEXT_SIZE, PANGO_WEIGHT_BOLD, NULL);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autoptr(GArray) texts = g_array_new (FALSE, FALSE, sizeof (WmTextMeasure));

  page->stacks = g_new0 (double, MAX (n_cells, 1));
  page->counts = g_new0 (guint, MAX (n_cells, 1));
  page->lanes = g_new0 (double, MAX (n_lanes, 1));
  page->heights = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  print_page_cards (page, cards, texts);
  /* All at once: on two threads when many are new. */
  wm_measure_texts (NULL, (WmTextMeasure *) (gpointer) texts->data, texts->len);
  for (guint k = 0; k < cards->len; k++)
    {
      const WmItem *item = g_ptr_array_index (cards, k);
      double *height = g_new (double, 1);
      guint s, l, cell;

      print_page_card_cell (page, item, &s, &l);
      cell = (s - page->first) * n_lanes + l;
      *height = print_card_height (item, &g_array_index (texts, WmTextMeasure, k));
      g_hash_table_insert (page->heights, (gpointer) item, height);
      page->stacks[cell] += *height + (page->counts[cell] > 0 ? PRINT_CARD_GAP : 0);
      page->counts[cell]++;
    }
  for (guint l = 0; l < n_lanes; l++)
    {
      double needed = print_text_height (page->base->lanes[l].label,
                                         frame->label_width - 2 * print_metrics.lane_pad, &label);

      page->lanes[l] = MAX (PRINT_MIN_LANE, needed + 12);
      if ((int) l == page->base->emotion_lane)
        page->lanes[l] = MAX (page->lanes[l], PRINT_EMOTION_HEIGHT);
      for (guint s = 0; s < page->last - page->first; s++)
        page->lanes[l] = MAX (page->lanes[l], page->stacks[s * n_lanes + l] + 2 * PRINT_CELL_PAD);
      total += page->lanes[l];
    }
  return frame->header_height + PRINT_GAP + PRINT_STAGE_HEIGHT + 4 + total;
}

static void
print_page_clear (PrintPage *page)
{
  g_clear_pointer (&page->stacks, g_free);
  g_clear_pointer (&page->counts, g_free);
  g_clear_pointer (&page->lanes, g_free);
  g_clear_pointer (&page->heights, g_hash_table_unref);
}

/* The header band across the top, the stage chevrons under it, and the
 * lanes down the page at the heights measured. */
static void
print_layout_bands (Journey         *journey,
                    const PrintPage *page)
{
  const PrintFrame *frame = page->frame;
  WmJourneyLayout *layout = journey->layout;
  double stage_y = frame->header_height + PRINT_GAP;
  double y = stage_y + PRINT_STAGE_HEIGHT + 4, top = y;

  layout->header = (WmRect) { 0, 0, frame->width, frame->header_height };
  layout->persona = (WmRect) { 0, 0, frame->persona, frame->header_height };
  layout->scenario = (WmRect) { frame->persona, 0, frame->scenario, frame->header_height };
  layout->expectations = frame->expectations
                           ? (WmRect) { frame->persona + frame->scenario, 0,
                                        frame->width - frame->persona - frame->scenario,
                                        frame->header_height }
                           : (WmRect) { frame->width, 0, 0, 0 };
  for (guint l = 0; l < layout->n_lanes; l++)
    {
      layout->lanes[l].header = (WmRect) { 0, y, frame->label_width, page->lanes[l] };
      layout->lanes[l].rect = (WmRect) { frame->label_width, y, frame->width - frame->label_width,
                                         page->lanes[l] };
      y += page->lanes[l];
    }
  layout->grid = (WmRect) { frame->label_width, top, frame->width - frame->label_width, y - top };
  for (guint s = 0; s < layout->n_stages; s++)
    {
      double x = frame->label_width + s * page->column;

      layout->stages[s].header = (WmRect) { x, stage_y, page->column, PRINT_STAGE_HEIGHT };
      layout->stages[s].rect = (WmRect) { x, top, page->column, y - top };
    }
  layout->bounds = (WmRect) { 0, 0, frame->width, y };
}

/* Stacks the cards down their cells, each a share of what its lane has
 * to spare. */
static void
print_layout_cards (Journey   *journey,
                    PrintPage *page)
{
  guint n_lanes = page->base->n_lanes;
  g_autofree double *tops = g_new0 (double, MAX ((page->last - page->first) * n_lanes, 1));

  for (guint i = 0; i < wm_diagram_get_n_items (page->diagram); i++)
    {
      const WmItem *item = wm_diagram_get_item (page->diagram, i);
      const WmRect *lane;
      double *top, height, spare;
      guint s, l, cell;

      if (!print_page_card_cell (page, item, &s, &l))
        continue;
      cell = (s - page->first) * n_lanes + l;
      lane = &journey->layout->lanes[l].rect;
      top = &tops[cell];
      spare = lane->height - 2 * PRINT_CELL_PAD - page->stacks[cell];
      height = *(double *) g_hash_table_lookup (page->heights, item) + spare / page->counts[cell];
      g_hash_table_insert (journey->rects, (gpointer) item,
                           g_memdup2 (&(WmRect) { journey->layout->stages[s - page->first].rect.x +
                                                  PRINT_CELL_PAD,
                                                  lane->y + PRINT_CELL_PAD + *top,
                                                  page->column - 2 * PRINT_CELL_PAD, height },
                                      sizeof (WmRect)));
      *top += height + PRINT_CARD_GAP;
    }
}

/* The stage of an emotion point of the canvas layout. */
static int
stage_of (const WmJourneyLayout *base,
          const WmItem          *item)
{
  int stage = -1;

  wm_journey_layout_item_cell (base, item, &stage, NULL);
  return stage;
}

/* The emotion points of the page's stages, in the curve's order, each at
 * its score, those of one stage shared out along its column. */
static void
print_layout_emotions (Journey         *journey,
                       const PrintPage *page)
{
  WmJourneyLayout *layout = journey->layout;
  GPtrArray *points = page->base->emotions;
  const WmRect *lane;
  double reach = DOT_MAX / 2 + DOT_RING + 6;

  if (layout->emotion_lane < 0)
    return;
  lane = &layout->lanes[layout->emotion_lane].rect;
  journey->score_top = lane->y + reach;
  journey->score_bottom = lane->y + lane->height - reach;
  for (guint i = 0; i < points->len;)
    {
      int s = stage_of (page->base, g_ptr_array_index (points, i));
      guint n = 1;

      while (i + n < points->len && stage_of (page->base, g_ptr_array_index (points, i + n)) == s)
        n++;
      for (guint k = 0; s >= (int) page->first && s < (int) page->last && k < n; k++)
        {
          const WmItem *point = g_ptr_array_index (points, i + k);
          double x = layout->stages[s - page->first].rect.x + page->column * (k + 1) / (n + 1);
          double y = journey_score_y (journey, emotion_score (point));

          g_ptr_array_add (layout->emotions, (gpointer) point);
          g_hash_table_insert (journey->rects, (gpointer) point,
                               g_memdup2 (&(WmRect) { x - 10, y - 10, 20, 20 }, sizeof (WmRect)));
        }
      i += n;
    }
}

/* The journey of one page, filled to the frame's height when it has room. */
static Journey *
print_journey_new (PrintPage *page)
{
  Journey *journey = g_atomic_rc_box_new0 (Journey);
  WmJourneyLayout *layout = g_new0 (WmJourneyLayout, 1);
  double spare = page->frame->height - print_page_measure (page), total = 0;

  for (guint l = 0; l < page->base->n_lanes; l++)
    total += page->lanes[l];
  for (guint l = 0; l < page->base->n_lanes && spare > 0 && total > 0; l++)
    page->lanes[l] += spare * page->lanes[l] / total;
  journey->print = TRUE;
  journey->first_stage = page->first;
  journey->metrics = &print_metrics;
  journey->layout = layout;
  journey->rects = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  layout->n_stages = page->last - page->first;
  layout->stages = g_new0 (WmJourneyBand, MAX (layout->n_stages, 1));
  layout->n_lanes = page->base->n_lanes;
  layout->lanes = g_new0 (WmJourneyBand, MAX (layout->n_lanes, 1));
  layout->emotion_lane = page->base->emotion_lane;
  layout->kpi_lane = page->base->kpi_lane;
  layout->emotions = g_ptr_array_new ();
  journey->stage_labels = copy_labels (page->base->stages + page->first, layout->n_stages);
  journey->lane_labels = copy_labels (page->base->lanes, layout->n_lanes);
  print_layout_bands (journey, page);
  print_layout_cards (journey, page);
  print_layout_emotions (journey, page);
  journey_place_curve (journey, NULL);
  return journey;
}

static void
print_page_init (PrintPage             *page,
                 const PrintFrame      *frame,
                 const WmJourneyLayout *base,
                 WmDiagram             *diagram,
                 guint                  first,
                 guint                  last)
{
  *page = (PrintPage) { .frame = frame, .base = base, .diagram = diagram, .first = first,
                        .last = last };
  page->column = (frame->width - frame->label_width) / MAX (last - first, 1);
}

/* Whether the stages [first, last) fit one page at the print layout's sizes. */
static gboolean
print_stages_fit (const PrintFrame      *frame,
                  const WmJourneyLayout *base,
                  WmDiagram             *diagram,
                  guint                  first,
                  guint                  last)
{
  PrintPage page;
  gboolean fits;

  print_page_init (&page, frame, base, diagram, first, last);
  fits = print_page_measure (&page) <= frame->height;
  print_page_clear (&page);
  return fits;
}

/* The fewest pages, each of a run of stages as even as can be, on which
 * every page fits; one stage a page when even that does not fit. */
static guint
print_count_pages (const PrintFrame      *frame,
                   const WmJourneyLayout *base,
                   WmDiagram             *diagram)
{
  guint n = base->n_stages;

  for (guint pages = 1; pages < n; pages++)
    {
      gboolean fits = TRUE;

      for (guint p = 0; p < pages && fits; p++)
        fits = print_stages_fit (frame, base, diagram, n * p / pages, n * (p + 1) / pages);
      if (fits)
        return pages;
    }
  return MAX (n, 1);
}

/* The frame of @print with its text @grow times the smallest it may be. */
static void
print_frame_init (PrintFrame            *frame,
                  const WmRenderPage    *print,
                  double                 grow,
                  const WmJourneyLayout *base,
                  WmDiagram             *diagram)
{
  double units = PRINT_TEXT_SIZE / (print->min_text * grow);

  *frame = (PrintFrame) { print->width * units, print->height * units };
  print_frame_header (frame, diagram);
  print_frame_labels (frame, base);
}

/* How much larger than the smallest it may be the text of a journey that
 * fits one page can grow and still fit (a large page leaves room): up to
 * the sizes of the canvas. */
static double
print_grow (const WmRenderPage    *print,
            const WmJourneyLayout *base,
            WmDiagram             *diagram)
{
  double low = 1, high = 1 / PRINT_TEXT_SCALE;

  for (guint i = 0; i < 6; i++)
    {
      double middle = (low + high) / 2;
      PrintFrame frame;

      print_frame_init (&frame, print, middle, base, diagram);
      if (print_stages_fit (&frame, base, diagram, 0, base->n_stages))
        low = middle;
      else
        high = middle;
    }
  return low;
}

/* Measures at once, on two threads when there are many, what laying out
 * the pages measures first, a page of every stage, with what painting them
 * measures: every card at that page's width and every note of the curve. */
static void
print_shape_texts (const PrintFrame      *frame,
                   const WmJourneyLayout *base,
                   WmDiagram             *diagram)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autoptr(GArray) texts = g_array_new (FALSE, FALSE, sizeof (WmTextMeasure));
  WmTextMeasure note = { .width = NOTE_WIDTH, .style = note_style (&print_metrics) };
  PrintPage page;

  print_page_init (&page, frame, base, diagram, 0, base->n_stages);
  print_page_cards (&page, cards, texts);
  for (guint i = 0; i < base->emotions->len; i++)
    {
      note.text = ((const WmItem *) g_ptr_array_index (base->emotions, i))->text;
      if (!wm_str_is_blank (note.text))
        g_array_append_val (texts, note);
    }
  wm_measure_texts (NULL, (WmTextMeasure *) (gpointer) texts->data, texts->len);
}

/* The journeys of the pages of @diagram's print layout for @print. */
static GPtrArray *
print_pages_new (WmDiagram          *diagram,
                 const WmRenderPage *print)
{
  g_autoptr(WmJourneyLayout) base = wm_journey_layout_new (diagram);
  GPtrArray *pages = g_ptr_array_new_with_free_func (journey_unref);
  PrintFrame frame;
  guint n_pages;

  print_frame_init (&frame, print, 1, base, diagram);
  print_shape_texts (&frame, base, diagram);
  n_pages = print_count_pages (&frame, base, diagram);
  if (n_pages == 1)
    print_frame_init (&frame, print, print_grow (print, base, diagram), base, diagram);
  for (guint p = 0; p < n_pages; p++)
    {
      PrintPage page;

      print_page_init (&page, &frame, base, diagram, base->n_stages * p / n_pages,
                       base->n_stages * (p + 1) / n_pages);
      g_ptr_array_add (pages, print_journey_new (&page));
      print_page_clear (&page);
    }
  return pages;
}

/* The print layouts made for a diagram, one per page size asked for: a
 * cache entry of its own, beside the canvas layout's. */
typedef struct
{
  WmRenderPage page;
  GPtrArray   *journeys;
} PrintLayout;

typedef struct
{
  GArray *layouts;  /* PrintLayout */
  GMutex  lock;     /* an export may run in a thread of its own */
} PrintSet;

static void
print_layout_clear (gpointer data)
{
  PrintLayout *layout = data;

  g_ptr_array_unref (layout->journeys);
}

static gpointer
print_set_new (WmDiagram *diagram)
{
  PrintSet *set = g_atomic_rc_box_new0 (PrintSet);

  set->layouts = g_array_new (FALSE, FALSE, sizeof (PrintLayout));
  g_array_set_clear_func (set->layouts, print_layout_clear);
  g_mutex_init (&set->lock);
  return set;
}

static void
print_set_clear (gpointer data)
{
  PrintSet *set = data;

  g_array_unref (set->layouts);
  g_mutex_clear (&set->lock);
}

/* A reference to the journey of page @index of @diagram's print layout for
 * @print, or NULL past its last page or for another notation. */
static Journey *
print_journey_get (WmDiagram          *diagram,
                   const WmRenderPage *print,
                   guint              *n_pages,
                   guint               index)
{
  PrintSet *set;
  GPtrArray *journeys = NULL;
  Journey *journey = NULL;

  *n_pages = 0;
  if (!g_str_equal (wm_diagram_get_notation (diagram)->id, "customer-journey") ||
      print->width <= 0 || print->height <= 0 || print->min_text <= 0)
    return NULL;
  set = _wm_painter_cached (diagram, "wm-paint-journey-print", print_set_new, print_set_clear);
  g_mutex_lock (&set->lock);
  for (guint i = 0; i < set->layouts->len && journeys == NULL; i++)
    {
      PrintLayout *layout = &g_array_index (set->layouts, PrintLayout, i);

      if (memcmp (&layout->page, print, sizeof *print) == 0)
        journeys = layout->journeys;
    }
  if (journeys == NULL)
    {
      PrintLayout layout = { *print, print_pages_new (diagram, print) };

      g_array_append_val (set->layouts, layout);
      journeys = layout.journeys;
    }
  *n_pages = journeys->len;
  if (index < journeys->len)
    journey = g_atomic_rc_box_acquire (g_ptr_array_index (journeys, index));
  g_mutex_unlock (&set->lock);
  g_atomic_rc_box_release_full (set, print_set_clear);
  return journey;
}

guint
wm_render_journey_pages (WmDiagram          *diagram,
                         const WmRenderPage *page)
{
  g_autoptr(Journey) journey = NULL;
  guint n_pages;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), 0);
  g_return_val_if_fail (page != NULL, 0);

  journey = print_journey_get (diagram, page, &n_pages, 0);
  return n_pages;
}

void
wm_render_journey_page_extent (WmDiagram          *diagram,
                               const WmRenderPage *page,
                               guint               index,
                               WmRect             *extent)
{
  g_autoptr(Journey) journey = NULL;
  guint n_pages;

  g_return_if_fail (WM_IS_DIAGRAM (diagram));
  g_return_if_fail (page != NULL && extent != NULL);

  journey = print_journey_get (diagram, page, &n_pages, index);
  if (journey == NULL)
    {
      *extent = (WmRect) { 0, 0, 0, 0 };
      return;
    }
  /* Half the header card's outline lies outside the layout's bounds. */
  *extent = journey->layout->bounds;
  *extent = (WmRect) { extent->x - 1, extent->y - 1, extent->width + 2, extent->height + 2 };
}

gboolean
wm_render_journey_page_node_rect (WmDiagram          *diagram,
                                  const WmRenderPage *page,
                                  guint               index,
                                  const WmItem       *node,
                                  WmRect             *rect)
{
  g_autoptr(Journey) journey = NULL;
  guint n_pages;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), FALSE);
  g_return_val_if_fail (page != NULL && node != NULL && rect != NULL, FALSE);

  journey = print_journey_get (diagram, page, &n_pages, index);
  return journey != NULL && g_hash_table_contains (journey->rects, node) &&
         journey_item_rect (journey, node, rect);
}

/* A card that leads to other items says so in its top right corner, where
 * its text leaves room (the canvas's mark comes from wm-render.c, which
 * knows the canvas layout only). */
static void
print_link_mark (WmPaintContext *ctx,
                 const WmItem   *item,
                 const WmRect   *rect)
{
  double size = MIN (LINK_MARK_SIZE - 2, rect->height / 3);

  if (has_links (item))
    wm_draw_link_mark (ctx->cr, rect->x + rect->width - size - 4, rect->y + 4, size,
                       &wm_color_accent);
}

void
wm_render_journey_page (WmDiagram             *diagram,
                        cairo_t               *cr,
                        const WmRenderOptions *options,
                        const WmRenderPage    *page,
                        guint                  index)
{
  g_autoptr(Journey) journey = NULL;
  WmRenderOptions defaults;
  WmPaintContext ctx;
  guint n_pages;
  gboolean batched;

  g_return_if_fail (WM_IS_DIAGRAM (diagram));
  g_return_if_fail (cr != NULL && page != NULL);

  journey = print_journey_get (diagram, page, &n_pages, index);
  if (journey == NULL)
    return;
  if (options == NULL)
    {
      wm_render_options_init (&defaults);
      options = &defaults;
    }
  ctx = (WmPaintContext) { .cr = cr, .diagram = diagram, .options = options, .detail = TRUE,
                           .painter_data = journey };
  batched = _wm_render_open_batch (diagram, cr, options);
  cairo_save (cr);
  paint_header (&ctx, journey->layout);
  paint_stages (&ctx, journey);
  paint_grid (&ctx, journey->layout);
  paint_lane_labels (&ctx, journey);
  paint_emotion_lane (&ctx, journey);
  cairo_restore (cr);
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      const WmItem *item = wm_diagram_get_item (diagram, i);
      WmRect rect;

      if (!journey_item_rect (journey, item, &rect))
        continue;
      cairo_save (cr);
      paint_item (&ctx, item);
      if (!is_type (item, "emotion"))
        print_link_mark (&ctx, item, &rect);
      cairo_restore (cr);
    }
  if (batched)
    _wm_batch_close (cr);
}

const WmPainter _wm_painter_journey = {
  .notation_id = "customer-journey",
  .get_extent = get_extent,
  .paint_background = paint_background,
  .paint_item = paint_item,
  .item_extent = item_extent,
  .item_bound = item_bound,
  .node_rect = node_rect,
  .item_bounds = item_bounds,
  .new_data = new_data,
  .free_data = journey_unref,
  .places_nodes = TRUE,
};
