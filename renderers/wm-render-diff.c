/* wm-render-diff.c — the visual diff of two versions of a diagram
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A review wants to see the diagram as it now is, with what changed
 * pointed at: so the NEW version is painted as any export paints it, and
 * the changes go over it. Removed items no longer exist in NEW; they are
 * painted from OLD, where they were, as red ghosts.
 */
#define G_LOG_DOMAIN "wm-render-diff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>

#include "wm-draw.h"
#include "wm-export-private.h"
#include "wm-render-diff.h"
#include "wm-safe-save.h"

#define LEGEND_HEIGHT 44.0
#define LEGEND_WIDTH 900.0
#define LEGEND_TEXT_SIZE 13.0
#define OUTLINE_WIDTH 3.0
#define OUTLINE_GAP 4.0
#define GHOST_ALPHA 0.35

static const WmColor added_color = { 0.16, 0.62, 0.27, 1.0 };
static const WmColor removed_color = { 0.84, 0.18, 0.13, 1.0 };
static const WmColor changed_color = { 0.96, 0.62, 0.0, 1.0 };

/* The version of @diagram_id in @project, if it is the same diagram. */
static WmDiagram *
version_in (WmProject  *project,
            const char *diagram_id)
{
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);

      if (g_str_equal (wm_diagram_get_id (diagram), diagram_id))
        return diagram;
    }
  return NULL;
}

typedef struct
{
  const WmComparison *comparison;
  const char         *id;
  WmDiagram          *old_diagram;  /* NULL when the diagram was added */
  WmDiagram          *new_diagram;  /* NULL when it was removed */
  cairo_t            *cr;
  WmRenderOptions     options;
} DiffPaint;

static void
diff_paint_init (DiffPaint          *paint,
                 const WmComparison *comparison,
                 const char         *diagram_id,
                 cairo_t            *cr)
{
  paint->comparison = comparison;
  paint->id = diagram_id;
  paint->old_diagram = version_in (wm_comparison_get_old (comparison), diagram_id);
  paint->new_diagram = version_in (wm_comparison_get_new (comparison), diagram_id);
  /* A diagram of another notation under the same id was removed and another added. */
  if (paint->old_diagram != NULL && paint->new_diagram != NULL &&
      wm_diagram_get_notation (paint->old_diagram) != wm_diagram_get_notation (paint->new_diagram))
    paint->old_diagram = NULL;
  paint->cr = cr;
  wm_render_options_init (&paint->options);
  paint->options.scale = 0; /* exports: always full detail */
}

void
wm_render_diff_get_extent (const WmComparison *comparison,
                           const char         *diagram_id,
                           WmRect             *extent)
{
  WmDiagram *old_diagram, *new_diagram;
  WmRect old_extent;

  g_return_if_fail (comparison != NULL && diagram_id != NULL && extent != NULL);

  old_diagram = version_in (wm_comparison_get_old (comparison), diagram_id);
  new_diagram = version_in (wm_comparison_get_new (comparison), diagram_id);
  g_return_if_fail (old_diagram != NULL || new_diagram != NULL);
  wm_render_get_extent (new_diagram ? new_diagram : old_diagram, extent);
  if (old_diagram != NULL && new_diagram != NULL)
    {
      wm_render_get_extent (old_diagram, &old_extent);
      wm_rect_union (extent, &old_extent, extent);
    }
  extent->y -= LEGEND_HEIGHT;
  extent->height += LEGEND_HEIGHT;
  extent->width = MAX (extent->width, LEGEND_WIDTH);
}

/* The outline of one item as @diagram draws it, grown a little so that
 * the mark does not cover the item's own border. */
static void
path_item (cairo_t      *cr,
           WmDiagram    *diagram,
           const WmItem *item)
{
  WmRect rect;

  if (wm_item_is_link (item))
    {
      wm_render_link_path (diagram, item, cr);
      return;
    }
  wm_render_node_rect (diagram, item, &rect);
  rect.x -= OUTLINE_GAP;
  rect.y -= OUTLINE_GAP;
  rect.width += 2 * OUTLINE_GAP;
  rect.height += 2 * OUTLINE_GAP;
  wm_path_rounded_rect (cr, &rect, OUTLINE_GAP);
}

static void
mark_item (DiffPaint     *paint,
           WmDiagram     *diagram,
           const WmItem  *item,
           const WmColor *color,
           gboolean       dashed)
{
  cairo_t *cr = paint->cr;
  static const double dashes[] = { 6.0, 4.0 };

  cairo_save (cr);
  cairo_new_path (cr);
  path_item (cr, diagram, item);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, wm_item_is_link (item) ? 0.55 : 1);
  /* A link's mark is a broad band along it, under which the line still shows. */
  cairo_set_line_width (cr, wm_item_is_link (item) ? 3 * OUTLINE_WIDTH : OUTLINE_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (dashed)
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  wm_stroke (cr);
  cairo_restore (cr);
}

/* A removed item: its own ink, faint and tinted red, and a dashed outline. */
static void
ghost_item (DiffPaint    *paint,
            const WmItem *item)
{
  cairo_t *cr = paint->cr;
  cairo_pattern_t *ink;

  cairo_push_group (cr);
  wm_render_item (paint->old_diagram, item, cr, &paint->options);
  ink = cairo_pop_group (cr);
  cairo_set_source (cr, ink);
  cairo_paint_with_alpha (cr, GHOST_ALPHA);
  cairo_set_source_rgba (cr, removed_color.red, removed_color.green, removed_color.blue, 0.4);
  cairo_mask (cr, ink);
  cairo_pattern_destroy (ink);
  mark_item (paint, paint->old_diagram, item, &removed_color, TRUE);
}

typedef struct
{
  guint added, removed, changed;
  guint header;  /* changes to the diagram's name, fields, lists or stacking */
} DiffCounts;

static void
paint_removed (DiffPaint  *paint,
               DiffCounts *counts)
{
  for (guint i = 0; paint->old_diagram != NULL && i < wm_diagram_get_n_items (paint->old_diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (paint->old_diagram, i);

      if (wm_comparison_item_diff (paint->comparison, paint->id, item->id) != WM_ITEM_DIFF_REMOVED)
        continue;
      ghost_item (paint, item);
      counts->removed++;
    }
}

static void
paint_marks (DiffPaint  *paint,
             DiffCounts *counts)
{
  for (guint i = 0; paint->new_diagram != NULL && i < wm_diagram_get_n_items (paint->new_diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (paint->new_diagram, i);
      WmItem *before = paint->old_diagram ? wm_diagram_lookup (paint->old_diagram, item->id) : NULL;

      switch (wm_comparison_item_diff (paint->comparison, paint->id, item->id))
        {
        case WM_ITEM_DIFF_ADDED:
          mark_item (paint, paint->new_diagram, item, &added_color, FALSE);
          counts->added++;
          break;
        case WM_ITEM_DIFF_MOVED:
        case WM_ITEM_DIFF_CHANGED:
          /* Where a moved node was, dashed, so that the move reads as one. */
          if (before != NULL && wm_item_is_node (item) &&
              (before->bounds.x != item->bounds.x || before->bounds.y != item->bounds.y))
            mark_item (paint, paint->old_diagram, before, &changed_color, TRUE);
          mark_item (paint, paint->new_diagram, item, &changed_color, FALSE);
          counts->changed++;
          break;
        case WM_ITEM_DIFF_SAME:
        case WM_ITEM_DIFF_REMOVED:
        default:
          break;
        }
    }
}

static double
legend_entry (DiffPaint     *paint,
              double         x,
              double         y,
              const WmColor *color,
              const char    *text)
{
  WmTextStyle style = wm_text_style (LEGEND_TEXT_SIZE);
  double width;

  wm_draw_box (paint->cr, &(WmRect) { x, y + 2, 14, 14 }, 3, &wm_color_paper, color, OUTLINE_WIDTH);
  style.wrap = FALSE;
  wm_measure_text (&paint->options, text, -1, &style, &width, NULL);
  wm_draw_text (paint->cr, &paint->options, text, &(WmRect) { x + 22, y, width + 2, 20 }, &style);
  return x + 22 + width + 24;
}

static void
legend_note (DiffPaint  *paint,
             double      x,
             double      y,
             const char *text)
{
  WmTextStyle style = wm_text_style (LEGEND_TEXT_SIZE);

  style.weight = PANGO_WEIGHT_BOLD;
  style.wrap = FALSE;
  wm_draw_text (paint->cr, &paint->options, text, &(WmRect) { x, y, 400, 20 }, &style);
}

static guint
count_header_changes (const DiffPaint *paint)
{
  g_autoptr(GPtrArray) changes = wm_comparison_diagram_changes (paint->comparison, paint->id);
  guint n = 0;

  for (guint i = 0; i < changes->len; i++)
    n += ((const WmDifference *) g_ptr_array_index (changes, i))->scope != WM_DIFF_ITEM;
  return n;
}

static void
paint_legend (DiffPaint        *paint,
              const WmRect     *extent,
              const DiffCounts *counts)
{
  g_autofree char *added = g_strdup_printf (_("Added: %u"), counts->added);
  g_autofree char *removed = g_strdup_printf (_("Removed: %u"), counts->removed);
  g_autofree char *changed = g_strdup_printf (_("Changed: %u"), counts->changed);
  double x = extent->x + 16, y = extent->y + 12;
  const char *state = paint->old_diagram == NULL ? _("New diagram")
                      : paint->new_diagram == NULL ? _("Removed diagram") : NULL;

  x = legend_entry (paint, x, y, &added_color, added);
  x = legend_entry (paint, x, y, &removed_color, removed);
  x = legend_entry (paint, x, y, &changed_color, changed);
  if (state != NULL)
    legend_note (paint, x, y, state);
  else if (counts->header > 0)
    {
      g_autofree char *header =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "and %u change to the diagram’s name, fields or lists",
                                      "and %u changes to the diagram’s name, fields or lists",
                                      counts->header), counts->header);

      legend_note (paint, x, y, header);
    }
}

void
wm_render_diff (const WmComparison *comparison,
                const char         *diagram_id,
                cairo_t            *cr)
{
  DiffPaint paint;
  DiffCounts counts = { 0, };
  WmRect extent;

  g_return_if_fail (comparison != NULL && diagram_id != NULL && cr != NULL);

  diff_paint_init (&paint, comparison, diagram_id, cr);
  g_return_if_fail (paint.old_diagram != NULL || paint.new_diagram != NULL);
  wm_render_diff_get_extent (comparison, diagram_id, &extent);
  wm_set_color (cr, &wm_color_paper);
  cairo_rectangle (cr, extent.x, extent.y, extent.width, extent.height);
  cairo_fill (cr);
  paint.options.visible = extent;
  if (paint.new_diagram != NULL)
    wm_render_diagram (paint.new_diagram, cr, &paint.options);
  else
    {
      /* The whole diagram went: only its items, as ghosts, say so clearly. */
      WmRenderOptions faint = paint.options;

      cairo_push_group (cr);
      wm_render_diagram (paint.old_diagram, cr, &faint);
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, GHOST_ALPHA);
    }
  paint_removed (&paint, &counts);
  paint_marks (&paint, &counts);
  counts.header = count_header_changes (&paint);
  paint_legend (&paint, &extent, &counts);
}

/* Exports */

static const char *
first_changed (const WmComparison *comparison)
{
  return wm_comparison_get_changed_diagrams (comparison)[0];
}

static gboolean
export_png (const WmComparison    *comparison,
            const char            *diagram_id,
            const WmExportOptions *options,
            GOutputStream         *stream,
            GError               **error)
{
  WmExportSink sink = { stream, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  WmRect extent;
  double width, height;

  wm_render_diff_get_extent (comparison, diagram_id, &extent);
  width = ceil (extent.width * options->scale);
  height = ceil (extent.height * options->scale);
  if (!(options->scale > 0) || !(width <= WM_EXPORT_MAX_PIXELS && height <= WM_EXPORT_MAX_PIXELS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("At scale %g the image would be %.0f × %.0f pixels; the limit is %d on "
                     "each side. Choose a smaller scale."),
                   options->scale, width, height, WM_EXPORT_MAX_PIXELS);
      return FALSE;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cr = cairo_create (surface);
  cairo_scale (cr, options->scale, options->scale);
  cairo_translate (cr, -extent.x, -extent.y);
  wm_render_diff (comparison, diagram_id, cr);
  status = _wm_export_destroy_context (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, _wm_export_write, &sink);
  cairo_surface_destroy (surface);
  return _wm_export_finish_sink (&sink, status, error);
}

static gboolean
export_svg (const WmComparison    *comparison,
            const char            *diagram_id,
            GOutputStream         *stream,
            GError               **error)
{
  WmExportSink sink = { stream, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  WmRect extent;

  wm_render_diff_get_extent (comparison, diagram_id, &extent);
  surface = cairo_svg_surface_create_for_stream (_wm_export_write, &sink, extent.width,
                                                 extent.height);
  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_2);
  cr = cairo_create (surface);
  cairo_translate (cr, -extent.x, -extent.y);
  wm_render_diff (comparison, diagram_id, cr);
  return _wm_export_finish_sink (&sink,
                                 _wm_export_finish_surface (surface,
                                                            _wm_export_destroy_context (cr)),
                                 error);
}

/* One page per diagram, each the size of its drawing. */
static gboolean
export_pdf (const WmComparison    *comparison,
            const char            *diagram_id,
            GOutputStream         *stream,
            GError               **error)
{
  const char *const *diagrams = wm_comparison_get_changed_diagrams (comparison);
  const char *one[] = { diagram_id, NULL };
  WmExportSink sink = { stream, NULL };
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (_wm_export_write, &sink, 1, 1);
  cairo_t *cr = cairo_create (surface);

  for (const char *const *id = diagram_id ? one : diagrams; *id != NULL; id++)
    {
      WmRect extent;

      wm_render_diff_get_extent (comparison, *id, &extent);
      cairo_pdf_surface_set_size (surface, extent.width * WM_POINTS_PER_UNIT,
                                  extent.height * WM_POINTS_PER_UNIT);
      cairo_save (cr);
      cairo_scale (cr, WM_POINTS_PER_UNIT, WM_POINTS_PER_UNIT);
      cairo_translate (cr, -extent.x, -extent.y);
      wm_render_diff (comparison, *id, cr);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  return _wm_export_finish_sink (&sink,
                                 _wm_export_finish_surface (surface,
                                                            _wm_export_destroy_context (cr)),
                                 error);
}

static gboolean
export_to_stream (const WmComparison    *comparison,
                  const char            *diagram_id,
                  const WmExportOptions *options,
                  GOutputStream         *stream,
                  GError               **error)
{
  switch (options->format)
    {
    case WM_EXPORT_PDF:
      return export_pdf (comparison, diagram_id, stream, error);
    case WM_EXPORT_PNG:
      return export_png (comparison, diagram_id ? diagram_id : first_changed (comparison),
                         options, stream, error);
    case WM_EXPORT_SVG:
      return export_svg (comparison, diagram_id ? diagram_id : first_changed (comparison),
                         stream, error);
    case WM_EXPORT_PPTX:
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                   _("A visual diff is a PDF, PNG or SVG file."));
      return FALSE;
    }
}

gboolean
wm_export_diff_to_file (const WmComparison    *comparison,
                        const char            *diagram_id,
                        const WmExportOptions *options,
                        GFile                 *file,
                        GError               **error)
{
  g_autoptr(WmSafeStream) stream = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  g_return_val_if_fail (comparison != NULL, FALSE);
  g_return_val_if_fail (options != NULL && G_IS_FILE (file), FALSE);

  if (diagram_id != NULL)
    changes = wm_comparison_diagram_changes (comparison, diagram_id);
  if (diagram_id != NULL ? changes->len == 0 : first_changed (comparison) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                   _("Nothing changed in the diagrams: there is no visual diff to draw."));
      return FALSE;
    }
  stream = wm_safe_stream_new (file, WM_SAFE_SAVE_NONE, NULL, error);
  if (stream == NULL)
    return FALSE;
  return export_to_stream (comparison, diagram_id, options, G_OUTPUT_STREAM (stream), error) &&
         wm_safe_stream_commit (stream, NULL, error);
}
