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
 * next "changed" signal, so that item_extent and get_extent, which come
 * without a paint, cost no O(n) each, the screen's frames do not lay out
 * 10 000 items again, and what is painted and what is measured agree.
 */
#define G_LOG_DOMAIN "wm-paint-journey"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

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
  /* The emotion points' positions in the curve (plus one), and the centre
   * of each, so that a point's neighbours are found without touching them. */
  GHashTable      *curve_index;
  WmPoint         *curve;
  /* Each curve point's note, placed with the layout: its box, and 1 no
   * note, 2 a note. */
  WmRect          *notes;
  guint8          *note_state;
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

static void place_notes (Journey *journey);

static gpointer
journey_new (WmDiagram *diagram)
{
  Journey *journey = g_rc_box_new0 (Journey);
  WmJourneyLayout *layout = wm_journey_layout_new (diagram);
  guint n = layout->emotions->len;

  journey->layout = layout;
  journey->stage_labels = copy_labels (layout->stages, layout->n_stages);
  journey->lane_labels = copy_labels (layout->lanes, layout->n_lanes);
  journey->curve_index = g_hash_table_new (NULL, NULL);
  journey->curve = g_new (WmPoint, MAX (n, 1));
  journey->notes = g_new (WmRect, MAX (n, 1));
  journey->note_state = g_new0 (guint8, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const WmItem *item = g_ptr_array_index (layout->emotions, i);
      WmRect rect;

      wm_journey_layout_item_rect (layout, item, &rect);
      journey->curve[i] = wm_rect_center (&rect);
      g_hash_table_insert (journey->curve_index, (gpointer) item, GUINT_TO_POINTER (i + 1));
    }
  /* Here, while the layout's items are sure to be alive. */
  place_notes (journey);
  return journey;
}

static void
journey_clear (gpointer data)
{
  Journey *journey = data;

  wm_journey_layout_free (journey->layout);
  g_strfreev (journey->stage_labels);
  g_strfreev (journey->lane_labels);
  g_hash_table_unref (journey->curve_index);
  g_free (journey->curve);
  g_free (journey->notes);
  g_free (journey->note_state);
}

static void
journey_unref (gpointer journey)
{
  g_rc_box_release_full (journey, journey_clear);
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

static WmTextStyle
text_style (double         size,
            PangoWeight    weight,
            const WmColor *color)
{
  WmTextStyle style = wm_text_style (size);

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
  cairo_stroke (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, c.x - r * 0.35, c.y - r * 0.25, 0.9, 0, 2 * G_PI);
  cairo_new_sub_path (cr);
  cairo_arc (cr, c.x + r * 0.35, c.y - r * 0.25, 0.9, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, c.x - r * 0.42, c.y + r * (mouth > 0 ? 0.2 : 0.5));
  cairo_curve_to (cr, c.x - r * 0.15, c.y + r * (0.35 + 0.25 * mouth),
                  c.x + r * 0.15, c.y + r * (0.35 + 0.25 * mouth),
                  c.x + r * 0.42, c.y + r * (mouth > 0 ? 0.2 : 0.5));
  cairo_stroke (cr);
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
  WmTextStyle style = text_style (OVERLINE_SIZE, PANGO_WEIGHT_SEMIBOLD, &wm_color_muted);

  style.wrap = FALSE;
  wm_draw_text (ctx->cr, ctx->options, upper, &(WmRect) { x, y, width, OVERLINE_SIZE * 1.4 },
                &style);
}

static void
paint_avatar (WmPaintContext *ctx,
              const char     *persona,
              double          x,
              double          y)
{
  WmRect circle = { x, y, AVATAR_SIZE, AVATAR_SIZE };
  WmTextStyle style = text_style (18, PANGO_WEIGHT_BOLD, &stage_ink);
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
  double x = panel->x + HEADER_PAD + AVATAR_SIZE + 12;
  double width = panel->x + panel->width - HEADER_PAD - x, name_width;
  WmTextStyle name = text_style (15, PANGO_WEIGHT_BOLD, NULL);
  WmTextStyle body = text_style (HEADER_TEXT_SIZE, PANGO_WEIGHT_NORMAL, &wm_color_muted);
  double top = panel->y + HEADER_PAD;

  paint_avatar (ctx, persona, panel->x + HEADER_PAD, top);
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
  wm_draw_text (ctx->cr, ctx->options, persona, &(WmRect) { x, top + 12, name_width, 20 }, &name);
  if (linked)
    wm_draw_link_mark (ctx->cr, x + name_width + 6, top + 16, LINK_MARK_SIZE, &wm_color_muted);
  wm_draw_text (ctx->cr, ctx->options, about,
                &(WmRect) { x, top + 36, width, panel->height - 2 * HEADER_PAD - 36 }, &body);
}

/* The expectations, one bullet a line, with the wrapped lines hanging. */
static void
paint_bullets (WmPaintContext *ctx,
               const char     *text,
               const WmRect   *rect)
{
  WmTextStyle body = text_style (HEADER_TEXT_SIZE, PANGO_WEIGHT_NORMAL, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  double y = rect->y, bottom = rect->y + rect->height;

  for (guint i = 0; lines[i] != NULL && bottom - y >= HEADER_TEXT_SIZE; i++)
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
  WmTextStyle body = text_style (HEADER_TEXT_SIZE, PANGO_WEIGHT_NORMAL, NULL);
  WmRect rect = { panel->x + HEADER_PAD, panel->y + HEADER_PAD + 16,
                  panel->width - 2 * HEADER_PAD, panel->height - 2 * HEADER_PAD - 16 };
  WmPoint rule[2] = { { panel->x, panel->y + HEADER_PAD },
                      { panel->x, panel->y + panel->height - HEADER_PAD } };

  wm_draw_polyline (ctx->cr, rule, 2, 1, WM_LINE_SOLID, &wm_color_faint);
  paint_overline (ctx, title, rect.x, panel->y + HEADER_PAD - 2, rect.width);
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
  WmTextStyle style = text_style (STAGE_TEXT_SIZE, PANGO_WEIGHT_BOLD, &stage_ink);

  style.halign = WM_ALIGN_CENTER;
  style.valign = WM_ALIGN_CENTER;
  style.wrap = FALSE;
  for (guint s = 0; s < layout->n_stages; s++)
    {
      const WmRect *header = &layout->stages[s].header;
      double inset = CHEVRON_INSET + CHEVRON_DEPTH + 4;

      path_chevron (ctx->cr, header, s == 0);
      wm_set_color (ctx->cr, &stage_fill);
      cairo_fill (ctx->cr);
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
  double left = grid->x - WM_JOURNEY_LABEL_WIDTH, right = grid->x + grid->width;

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
  WmTextStyle style = text_style (LANE_TEXT_SIZE, PANGO_WEIGHT_BOLD, NULL);

  style.valign = WM_ALIGN_CENTER;
  for (guint l = 0; l < layout->n_lanes; l++)
    {
      const WmRect *cell = &layout->lanes[l].header;
      gboolean emotions = (int) l == layout->emotion_lane;
      /* The emotion lane keeps room on the right for its faces. */
      double faces = emotions ? 2 * FACE_RADIUS + 8 : 0;
      /* Centred beside the first card of a lane that grew, not far down its middle. */
      double height = MIN (cell->height, emotions ? WM_JOURNEY_EMOTION_HEIGHT
                                                  : WM_JOURNEY_ROW_HEIGHT);

      wm_draw_text (ctx->cr, ctx->options, journey->lane_labels[l],
                    &(WmRect) { cell->x + LANE_PAD, cell->y + 6,
                                cell->width - 2 * LANE_PAD - faces, height - 12 }, &style);
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
      cairo_clip (cr);
      path_curve (cr, points, n, lane->y, lane->y + lane->height);
      cairo_line_to (cr, points[n - 1].x, neutral);
      cairo_line_to (cr, points[0].x, neutral);
      cairo_close_path (cr);
      wm_set_color (cr, side == 0 ? &good : &bad);
      cairo_fill (cr);
      cairo_restore (cr);
    }
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
  neutral = wm_journey_layout_score_y (layout, 0);
  line[0] = (WmPoint) { lane->rect.x, neutral };
  line[1] = (WmPoint) { lane->rect.x + lane->rect.width, neutral };
  wm_draw_polyline (ctx->cr, line, 2, 1, WM_LINE_DASHED, &wm_color_faint);
  paint_face (ctx->cr, (WmPoint) { lane->rect.x - LANE_PAD / 2 - FACE_RADIUS,
                                   wm_journey_layout_score_y (layout, 2) }, 1);
  paint_face (ctx->cr, (WmPoint) { lane->rect.x - LANE_PAD / 2 - FACE_RADIUS,
                                   wm_journey_layout_score_y (layout, -2) }, -1);

  if (n < 2)
    return;
  paint_curve_area (ctx->cr, points, n, &lane->rect, neutral);
  path_curve (ctx->cr, points, n, lane->rect.y, lane->rect.y + lane->rect.height);
  cairo_set_line_width (ctx->cr, CURVE_WIDTH);
  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);
  wm_set_color (ctx->cr, &stage_ink);
  cairo_stroke (ctx->cr);
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
  WmTextStyle style = text_style (CARD_TEXT_SIZE, PANGO_WEIGHT_NORMAL, NULL);
  WmColor fill, edge;
  WmRect text;

  card_colors (item, &fill, &edge);
  paint_card_box (ctx, rect, &fill, &edge);
  if (!ctx->detail)
    return;
  text = (WmRect) { rect->x + CARD_PAD_X, rect->y + CARD_PAD_Y, rect->width - 2 * CARD_PAD_X,
                    rect->height - 2 * CARD_PAD_Y };
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
      cairo_stroke (cr);
      return;
    }
  cairo_move_to (cr, x, cy + status->direction * s * 0.42);
  cairo_line_to (cr, x + s, cy + status->direction * s * 0.42);
  cairo_line_to (cr, x + s / 2, cy - status->direction * s * 0.45);
  cairo_close_path (cr);
  cairo_fill (cr);
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
  WmTextStyle big = text_style (KPI_VALUE_SIZE, PANGO_WEIGHT_BOLD, NULL);
  WmTextStyle small = text_style (KPI_SMALL_SIZE, PANGO_WEIGHT_NORMAL, &wm_color_muted);
  const char *unit = wm_item_get_string (item, WM_JOURNEY_UNIT);
  gboolean percent = g_strcmp0 (unit, "%") == 0;
  char value[64], target[64], label[96];
  double x, right = row->x + row->width;

  big.wrap = small.wrap = FALSE;
  big.valign = small.valign = WM_ALIGN_END;
  format_amount (value, sizeof value, status->value, percent ? unit : NULL);
  x = paint_run (ctx, value, row->x, &(WmRect) { row->x, row->y, row->width - 14, row->height },
                 &big);
  small.size = KPI_SMALL_SIZE + 1;
  if (!percent && !wm_str_is_blank (unit))
    x = paint_run (ctx, unit, x + 3, &(WmRect) { row->x, row->y, row->width - 14,
                                                 row->height - 2 }, &small);
  small.size = KPI_SMALL_SIZE;
  if (!status->has_target)
    return;
  paint_kpi_mark (ctx->cr, x + 5, row->y + row->height - KPI_VALUE_SIZE * 0.42, status);
  x += 5 + 9;
  if (status->direction != 0)
    {
      /* The gap to the target, signed, in the mark's colour: how far off it is. */
      WmTextStyle gap_style = small;
      char gap[64], signed_gap[80];

      gap_style.weight = PANGO_WEIGHT_SEMIBOLD;
      gap_style.color = status->good ? &wm_color_good : &wm_color_bad;
      gap_style.size = KPI_SMALL_SIZE + 0.5;
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
  WmTextStyle name = text_style (KPI_NAME_SIZE, PANGO_WEIGHT_SEMIBOLD, &wm_color_muted);
  WmRect inner = { rect->x + 10, rect->y + 8, rect->width - 20, rect->height - 16 };
  double bottom = inner.y + inner.height;
  KpiStatus status;
  WmRect row;

  paint_card_box (ctx, rect, &wm_color_paper, &wm_color_faint);
  if (!ctx->detail || inner.width < 8 || inner.height < 8)
    return;
  kpi_status (item, &status);
  if (status.has_target && status.target > 0 && status.value >= 0 && inner.height >= 48)
    {
      paint_kpi_bar (ctx->cr, &(WmRect) { inner.x, bottom - KPI_BAR_HEIGHT, inner.width,
                                          KPI_BAR_HEIGHT }, &status);
      bottom -= KPI_BAR_HEIGHT + 6;
    }
  row = (WmRect) { inner.x, bottom - 24, inner.width, 24 };
  paint_kpi_values (ctx, item, &row, &status);
  inner.width -= card_link_room (item);
  inner.height = row.y - inner.y - 2;
  if (inner.height >= KPI_NAME_SIZE)
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
note_style (void)
{
  WmTextStyle style = text_style (NOTE_SIZE, PANGO_WEIGHT_NORMAL, &wm_color_ink);

  style.halign = WM_ALIGN_CENTER;
  return style;
}

/* The height of one line of a note. Every text cache shapes alike, so one
 * measure serves the whole process. */
static double
note_line_height (void)
{
  static double line;

  if (line == 0)
    {
      WmTextStyle style = note_style ();

      wm_measure_text (NULL, "Ag", -1, &style, NULL, &line);
    }
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

/* The size of @item's note with its padding; FALSE when it has none. */
static gboolean
note_size (const WmItem *item,
           double       *width,
           double       *height)
{
  WmTextStyle style = note_style ();
  double w, h;

  if (wm_str_is_blank (item->text))
    return FALSE;
  /* Every text cache shapes alike, so the shared one measures for all. */
  wm_measure_text (NULL, item->text, NOTE_WIDTH, &style, &w, &h);
  *width = MIN (w, NOTE_WIDTH) + 2 * NOTE_PAD_X;
  *height = MIN (h, NOTE_LINES * note_line_height ()) + 2 * NOTE_PAD_Y;
  return TRUE;
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

/* Whether @box covers a dot of the curve or a note placed before point
 * @index (of @n placed so far), or leaves the lane. */
static gboolean
note_collides (const Journey *journey,
               guint          index,
               guint          from,
               guint          to,
               const WmRect  *box)
{
  const WmRect *lane = &journey->layout->lanes[journey->layout->emotion_lane].rect;
  double ring = DOT_MAX / 2 + DOT_RING;

  if (box->y < lane->y || box->y + box->height > lane->y + lane->height)
    return TRUE;
  for (guint k = from; k < to; k++)
    {
      WmRect dot = { journey->curve[k].x - ring, journey->curve[k].y - ring, 2 * ring, 2 * ring };

      if (k != index && wm_rect_intersects (&dot, box))
        return TRUE;
    }
  for (guint k = from; k < MIN (index, to); k++)
    if (journey->note_state[k] == 2 && wm_rect_intersects (&journey->notes[k], box))
      return TRUE;
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

      g_array_append_val (places, ((NotePlace) { 0, on_above }));
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
          g_array_append_val (places, ((NotePlace) { x1 + NOTE_GAP - left, on_above }));
          g_array_append_val (places, ((NotePlace) { x0 - NOTE_GAP - w - left, on_above }));
        }
    }
  /* Stable for equal distances: the preferred side's places come first. */
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
            const WmItem *item,
            const WmRect *dot)
{
  double w, h, cx = dot->x + dot->width / 2, cy = dot->y + dot->height / 2;
  g_autoptr(GArray) places = NULL;
  gboolean above;
  guint from, to;

  journey->note_state[index] = 1;
  if (!note_size (item, &w, &h))
    return;
  above = note_goes_above (journey, index, cy, dot->height / 2 + DOT_RING + NOTE_GAP + h);
  journey->note_state[index] = 2;
  journey->notes[index] = note_beside (journey, dot, w, h, above, 0);
  note_neighbours (journey, index, &from, &to);
  places = note_places (journey, index, from, to, cx, w, above);
  for (guint i = 0; i < places->len; i++)
    {
      const NotePlace *place = &g_array_index (places, NotePlace, i);
      WmRect box;

      if (fabs (place->shift) > NOTE_MAX_SHIFT * w)
        break;
      box = note_beside (journey, dot, w, h, place->above, place->shift);
      if (!note_collides (journey, index, from, to, &box))
        {
          journey->notes[index] = box;
          return;
        }
    }
}

/* The notes of the curve's points, in the curve's order, each clear of
 * those before it. */
static void
place_notes (Journey *journey)
{
  const WmJourneyLayout *layout = journey->layout;

  for (guint i = 0; i < layout->emotions->len; i++)
    {
      const WmItem *item = g_ptr_array_index (layout->emotions, i);
      WmRect rect, dot;

      wm_journey_layout_item_rect (layout, item, &rect);
      dot = emotion_dot (&rect);
      place_note (journey, i, item, &dot);
    }
}

/* The note's box, placed with the layout for the points of the curve; a
 * point outside the curve puts its note below. */
static gboolean
note_box (Journey      *journey,
          const WmItem *item,
          const WmRect *dot,
          WmRect       *box)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (journey->curve_index, item));
  double w, h;

  if (index > 0)
    {
      *box = journey->notes[index - 1];
      return journey->note_state[index - 1] == 2;
    }
  if (!note_size (item, &w, &h))
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
  WmTextStyle style = note_style ();

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

  *extent = (WmRect) { dot.x - DOT_RING - 0.5, dot.y - DOT_RING - 0.5, dot.width + 2 * DOT_RING + 1,
                       dot.height + 2 * DOT_RING + 1 };
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

  /* Half the header card's outline lies outside the layout's bounds. */
  *extent = (WmRect) { bounds->x - 1, bounds->y - 1, bounds->width + 2, bounds->height + 2 };
}

static void
paint_background (WmPaintContext *ctx)
{
  Journey *journey = journey_get (ctx->diagram);
  const WmJourneyLayout *layout = journey->layout;

  ctx->painter_data = journey;
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
  wm_journey_layout_item_rect (journey->layout, item, &rect);
  if (is_type (item, "emotion"))
    paint_emotion (ctx, journey, item, &rect);
  else if (is_type (item, "kpi"))
    paint_kpi (ctx, item, &rect);
  else
    paint_card (ctx, item, &rect);
}

static void
item_extent (WmDiagram    *diagram,
             const WmItem *item,
             WmRect       *extent)
{
  g_autoptr(Journey) journey = NULL;
  WmRect rect;

  if (!wm_item_is_node (item))
    {
      *extent = (WmRect) { 0, 0, 0, 0 };
      return;
    }
  journey = journey_get (diagram);
  wm_journey_layout_item_rect (journey->layout, item, &rect);
  if (is_type (item, "emotion"))
    emotion_extent (journey, item, &rect, extent);
  else
    card_extent (&rect, extent);
}

/* Cards and KPIs are their cell's rectangle; an emotion point's note, of at
 * most NOTE_LINES lines, goes above or below its dot, perhaps moved along
 * the lane: the bound holds every place at its largest, so that no note is
 * measured for it. */
static gboolean
item_bound (WmDiagram    *diagram,
            const WmItem *item,
            WmRect       *bound)
{
  g_autoptr(Journey) journey = NULL;
  WmRect rect, dot, ring;
  double note_height, reach, cx, cy, half;

  if (!wm_item_is_node (item) || !is_type (item, "emotion"))
    {
      item_extent (diagram, item, bound);
      return TRUE;
    }
  journey = journey_get (diagram);
  wm_journey_layout_item_rect (journey->layout, item, &rect);
  dot = emotion_dot (&rect);
  note_height = NOTE_LINES * note_line_height () + 2 * NOTE_PAD_Y;
  reach = dot.height / 2 + DOT_RING + NOTE_GAP;
  cx = dot.x + dot.width / 2;
  cy = dot.y + dot.height / 2;
  /* A note moves along the lane by at most NOTE_MAX_SHIFT of its widths
   * to clear another, and by half its width off an end of the lane. */
  half = (NOTE_WIDTH + 2 * NOTE_PAD_X) * (0.5 + MAX (NOTE_MAX_SHIFT, 0.5));
  *bound = (WmRect) { cx - half - 1, cy - reach - note_height - 1,
                      2 * half + 2, 2 * (reach + note_height) + 2 };
  ring = (WmRect) { dot.x - DOT_RING - 0.5, dot.y - DOT_RING - 0.5, dot.width + 2 * DOT_RING + 1,
                    dot.height + 2 * DOT_RING + 1 };
  wm_rect_union (bound, &ring, bound);
  return FALSE;
}

static void
node_rect (WmDiagram    *diagram,
           const WmItem *node,
           WmRect       *rect)
{
  g_autoptr(Journey) journey = journey_get (diagram);

  wm_journey_layout_item_rect (journey->layout, node, rect);
}

const WmPainter _wm_painter_journey = {
  .notation_id = "customer-journey",
  .get_extent = get_extent,
  .paint_background = paint_background,
  .paint_item = paint_item,
  .item_extent = item_extent,
  .item_bound = item_bound,
  .node_rect = node_rect,
  .free_data = journey_unref,
  .places_nodes = TRUE,
};
