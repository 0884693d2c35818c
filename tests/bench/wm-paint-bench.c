/* wm-paint-bench.c — times painting a large diagram as the canvas will
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every diagram of the projects given, or of one that `wm-bench generate`
 * makes with N items of each notation (--wm-bench=PATH --items=N), is
 * painted into a 1600 x 1000 ARGB image as the canvas paints it: at 100 %
 * centred on its content, again with every other item faded (as a find that
 * matches half the items fades the rest), and zoomed out so that all of it
 * fits, where the level of detail applies. A frame is the paint and the
 * flush of the surface; the best of several frames after a warm-up counts.
 *
 * `--check` also proves that culling changes nothing: tiles painted with a
 * visible area must equal the same tiles painted with no culling at all,
 * pixel for pixel, wherever the painter's own culling of what it draws
 * beneath the items (the canvas blocks) does not already differ. The tiles
 * cover every diagram at two scales, plus thin strips along the ink's edge of
 * the items that reach farthest beyond their model geometry, and diagrams
 * built to reach as far as the painters allow.
 */
#define G_LOG_DOMAIN "wm-paint-bench"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "waymark-model.h"
#include "wm-render.h"

#define VIEW_WIDTH 1600
#define VIEW_HEIGHT 1000
#define TARGET_FULL_MS 8.0
#define TARGET_FIT_MS 16.0
/* Culling is checked on tiles smaller than the view, so that many items
 * straddle a tile's edge. */
#define TILE_WIDTH 400
#define TILE_HEIGHT 250
#define MAX_TILES 400

typedef struct
{
  WmDiagram       *diagram;
  cairo_surface_t *surface;
  cairo_t         *cr;
  WmRect           extent;
  /* Items painted faded, as a find that matches some fades the others. */
  GHashTable      *dimmed;
  /* Painted as the canvas paints, silhouettes set straight into pixels
   * (WmRenderOptions.screen); the culling check paints as exports do. */
  gboolean         screen;
} Bench;

/* Paints the document area @visible, scaled by @scale, into the whole
 * surface: culled to it as the canvas does when @cull, else every item (the
 * reference of the culling check); without @paper, on a cleared surface. */
static void
paint_view (Bench        *bench,
            const WmRect *visible,
            double        scale,
            gboolean      cull,
            gboolean      paper)
{
  WmRenderOptions options;

  wm_render_options_init (&options);
  options.scale = scale;
  options.visible = cull ? *visible : (WmRect) { 0, 0, 0, 0 };
  options.paper = paper;
  options.dimmed = bench->dimmed;
  options.screen = bench->screen;
  cairo_save (bench->cr);
  if (!paper)
    {
      cairo_set_operator (bench->cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (bench->cr);
      cairo_set_operator (bench->cr, CAIRO_OPERATOR_OVER);
    }
  cairo_scale (bench->cr, scale, scale);
  cairo_translate (bench->cr, -visible->x, -visible->y);
  wm_render_diagram (bench->diagram, bench->cr, &options);
  cairo_restore (bench->cr);
  cairo_surface_flush (bench->surface);
}

static double
best_frame_ms (Bench        *bench,
               const WmRect *visible,
               double        scale,
               guint         frames)
{
  double best = G_MAXDOUBLE;

  paint_view (bench, visible, scale, TRUE, TRUE);
  for (guint i = 0; i < frames; i++)
    {
      gint64 start = g_get_monotonic_time ();

      paint_view (bench, visible, scale, TRUE, TRUE);
      best = MIN (best, (double) (g_get_monotonic_time () - start) / 1000.0);
    }
  return best;
}

/* The view at @scale centred on the content. */
static WmRect
centred_view (const WmRect *extent,
              double        scale)
{
  double width = VIEW_WIDTH / scale, height = VIEW_HEIGHT / scale;

  return (WmRect) { extent->x + (extent->width - width) / 2,
                    extent->y + (extent->height - height) / 2, width, height };
}

/* Checking culling */

/* The box that the index takes for @item: a node's bounds, or the box of a
 * link's end nodes and waypoints. */
static WmRect
model_geometry (WmDiagram    *diagram,
                const WmItem *item)
{
  WmRect box = { 0, 0, 0, 0 };
  const char *ends[] = { item->source, item->target };

  if (wm_item_is_node (item))
    return item->bounds;
  for (guint i = 0; i < 2; i++)
    {
      WmItem *end = wm_diagram_lookup (diagram, ends[i]);

      if (end != NULL)
        wm_rect_union (&box, &end->bounds, &box);
    }
  for (guint i = 0; i < item->n_points; i++)
    wm_rect_union (&box, &(WmRect) { item->points[i].x, item->points[i].y, 0.001, 0.001 }, &box);
  return box;
}

/* How far @extent reaches beyond @geometry on its farthest side. */
static double
reach_of (const WmRect *geometry,
          const WmRect *extent)
{
  double sides[] = {
    geometry->x - extent->x, geometry->y - extent->y,
    extent->x + extent->width - geometry->x - geometry->width,
    extent->y + extent->height - geometry->y - geometry->height,
  };
  double reach = 0;

  for (guint k = 0; k < G_N_ELEMENTS (sides); k++)
    reach = MAX (reach, sides[k]);
  return reach;
}

/* Paints @tile of @diagram culled and unculled, on transparent surfaces, and
 * returns which pixels differ (one byte each, row by row). */
static guint8 *
tile_differences (WmDiagram    *diagram,
                  const WmRect *tile,
                  double        scale,
                  int          *n_pixels)
{
  int width = (int) ceil (tile->width * scale), height = (int) ceil (tile->height * scale);
  cairo_surface_t *surfaces[2];
  guint8 *differs = g_new0 (guint8, (gsize) width * height);

  for (guint i = 0; i < 2; i++)
    {
      Bench view = { diagram, NULL, NULL, { 0, }, NULL, FALSE };

      view.surface = surfaces[i] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      view.cr = cairo_create (view.surface);
      paint_view (&view, tile, scale, i == 0, FALSE);
      cairo_destroy (view.cr);
    }
  for (int y = 0; y < height; y++)
    {
      const guint32 *a = (const guint32 *) (cairo_image_surface_get_data (surfaces[0]) +
                                            y * cairo_image_surface_get_stride (surfaces[0]));
      const guint32 *b = (const guint32 *) (cairo_image_surface_get_data (surfaces[1]) +
                                            y * cairo_image_surface_get_stride (surfaces[1]));

      for (int x = 0; x < width; x++)
        differs[y * width + x] = a[x] != b[x];
    }
  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);
  *n_pixels = width * height;
  return differs;
}

/* The pixels of @tile where culling makes a difference that the painter's
 * own culling of what it draws beneath the items (@bare: the diagram without
 * its items) does not explain. Items are painted identically over identical
 * pixels, so only a wrongly culled item leaves such a pixel. */
static guint
items_culled_wrongly (WmDiagram    *diagram,
                      WmDiagram    *bare,
                      const WmRect *tile,
                      double        scale,
                      guint        *background)
{
  int n_pixels;
  g_autofree guint8 *full = tile_differences (diagram, tile, scale, &n_pixels);
  g_autofree guint8 *empty = tile_differences (bare, tile, scale, &n_pixels);
  guint wrong = 0;

  *background = 0;
  for (int i = 0; i < n_pixels; i++)
    {
      wrong += full[i] && !empty[i];
      *background += empty[i];
    }
  return wrong;
}

static gboolean
check_tile (Bench        *bench,
            WmDiagram    *bare,
            const WmRect *tile,
            double        scale,
            guint        *background_tiles)
{
  guint background, wrong = items_culled_wrongly (bench->diagram, bare, tile, scale, &background);

  *background_tiles += background > 0;
  if (wrong == 0)
    return TRUE;
  g_printerr ("%s: the area (%g, %g, %g x %g) at scale %g misses %u pixels when culled\n",
              wm_diagram_get_notation (bench->diagram)->id, tile->x, tile->y, tile->width,
              tile->height, scale, wrong);
  return FALSE;
}

/* Checks thin strips just inside each side of @extent, where a culling
 * margin too short for the item's ink would leave it out; returns how many
 * strips miss it. */
static guint
check_edges_of (Bench        *bench,
                WmDiagram    *bare,
                const WmRect *e,
                guint        *background_tiles)
{
  double strip = 3;
  WmRect strips[] = {
    { e->x, e->y, e->width, strip }, { e->x, e->y + e->height - strip, e->width, strip },
    { e->x, e->y, strip, e->height }, { e->x + e->width - strip, e->y, strip, e->height },
  };
  guint bad = 0;

  for (guint k = 0; k < G_N_ELEMENTS (strips); k++)
    bad += !check_tile (bench, bare, &strips[k], 1, background_tiles);
  return bad;
}

/* The edges of the items whose ink reaches more than 20 units beyond their
 * geometry: captions, data boxes and labels. */
static void
check_edges (Bench     *bench,
             WmDiagram *bare,
             guint     *n_tiles,
             guint     *bad_tiles,
             guint     *background_tiles)
{
  for (guint i = 0; i < wm_diagram_get_n_items (bench->diagram) && *n_tiles < MAX_TILES; i++)
    {
      WmItem *item = wm_diagram_get_item (bench->diagram, i);
      WmRect extent, geometry = model_geometry (bench->diagram, item);

      wm_render_item_extent (bench->diagram, item, &extent);
      if (reach_of (&geometry, &extent) < 20)
        continue;
      *bad_tiles += check_edges_of (bench, bare, &extent, background_tiles);
      *n_tiles += 4;
    }
}

/* Culled tiles must show what painting every item shows there. */
static gboolean
check_culling (Bench     *bench,
               WmDiagram *bare)
{
  guint n_tiles = 0, bad_tiles = 0, background_tiles = 0;
  double scales[] = { 1, 0.25 };

  check_edges (bench, bare, &n_tiles, &bad_tiles, &background_tiles);

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      double w = TILE_WIDTH / scales[s], h = TILE_HEIGHT / scales[s];

      for (double y = bench->extent.y; y < bench->extent.y + bench->extent.height; y += h)
        for (double x = bench->extent.x; x < bench->extent.x + bench->extent.width; x += w)
          {
            WmRect tile = { x, y, w, h };

            if (n_tiles++ >= 2 * MAX_TILES)
              break;
            bad_tiles += !check_tile (bench, bare, &tile, scales[s], &background_tiles);
          }
    }
  g_print ("%s: culling checked on %u tiles: %u miss items; in %u the painter's own culling of "
           "its background changes pixels\n", wm_diagram_get_notation (bench->diagram)->id,
           n_tiles, bad_tiles, background_tiles);
  return bad_tiles == 0;
}

/* How far the painter's extent of any item reaches beyond its model
 * geometry: what the renderer's culling margin must cover. */
static void
print_reach (WmDiagram *diagram)
{
  double reach = 0;
  const char *widest = "none";

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      WmRect geometry = model_geometry (diagram, item), extent;

      wm_render_item_extent (diagram, item, &extent);
      if (!wm_rect_is_empty (&extent) && reach_of (&geometry, &extent) > reach)
        {
          reach = reach_of (&geometry, &extent);
          widest = item->id;
        }
    }
  g_print ("%s: ink reaches up to %.1f units beyond the model geometry (%s)\n",
           wm_diagram_get_notation (diagram)->id, reach, widest);
}

/* The diagram of a second copy of the project at @position, with its items removed. */
static WmDiagram *
bare_diagram (WmProject *copy,
              guint      position)
{
  WmDiagram *diagram = wm_project_get_diagram (copy, position);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    g_ptr_array_add (ids, wm_diagram_get_item (diagram, i)->id);
  g_ptr_array_add (ids, NULL);
  wm_diagram_remove_items (diagram, (const char *const *) ids->pdata);
  return diagram;
}

/* Times the two views of @diagram and, given @bare (the diagram without its
 * items), checks its culling. @fit_only leaves out the view at 100 %. */
static gboolean
bench_diagram (WmDiagram *diagram,
               guint      frames,
               gboolean   fit_only,
               WmDiagram *bare)
{
  Bench bench = { diagram, NULL, NULL, { 0, }, NULL, TRUE };
  double fit, full_ms, fit_ms, faded_ms;
  WmRect full_view, fit_view;
  gboolean ok = TRUE;

  wm_render_get_extent (diagram, &bench.extent);
  bench.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  bench.cr = cairo_create (bench.surface);
  fit = MIN (VIEW_WIDTH / bench.extent.width, VIEW_HEIGHT / bench.extent.height);
  full_view = centred_view (&bench.extent, 1);
  fit_view = centred_view (&bench.extent, fit);

  full_ms = fit_only ? 0 : best_frame_ms (&bench, &full_view, 1, frames);
  fit_ms = best_frame_ms (&bench, &fit_view, fit, frames);
  /* Every other item faded, as a find that matches half the items. */
  bench.dimmed = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i += 2)
    g_hash_table_add (bench.dimmed, wm_diagram_get_item (diagram, i)->id);
  faded_ms = fit_only ? 0 : best_frame_ms (&bench, &full_view, 1, frames);
  g_clear_pointer (&bench.dimmed, g_hash_table_unref);
  g_print ("| %s | %u | %.2f | %.2f | %.2f | %.3f | %s |\n", wm_diagram_get_notation (diagram)->id,
           wm_diagram_get_n_items (diagram), full_ms, faded_ms, fit_ms, fit,
           full_ms < TARGET_FULL_MS && faded_ms < TARGET_FIT_MS && fit_ms < TARGET_FIT_MS
             ? "pass" : "MISS");
  if (bare != NULL)
    {
      print_reach (diagram);
      ok = check_culling (&bench, bare);
    }
  cairo_destroy (bench.cr);
  cairo_surface_destroy (bench.surface);
  return ok;
}

/* Diagrams whose ink reaches as far beyond the model geometry as the
 * painters allow, for --check */

static const char *const full_process[] = {
  "cycle-time", "45", "changeover-time", "900", "uptime", "85", "operators", "3", "shifts", "2",
  "batch-size", "50", "scrap", "2.5", "complete-accurate", "97", NULL,
};

/* Sets properties given as name, value, ..., NULL. */
static void
set_properties (WmDiagram         *diagram,
                WmItem            *item,
                const char *const *properties)
{
  for (guint i = 0; properties != NULL && properties[i] != NULL; i += 2)
    {
      G_GNUC_UNUSED gboolean set = wm_diagram_set_property (diagram, item->id, properties[i],
                                                            properties[i + 1], NULL);
      g_assert (set);
    }
}

static WmItem *
add_node (WmDiagram         *diagram,
          const char        *type,
          WmRect             bounds,
          const char        *text,
          const char *const *properties)
{
  WmItem *node = wm_diagram_add_node (diagram, type, &bounds, text, NULL);

  g_assert (node != NULL);
  set_properties (diagram, node, properties);
  return node;
}

static WmItem *
add_link (WmDiagram         *diagram,
          const char        *type,
          WmItem            *source,
          WmItem            *target,
          const char        *text,
          const char *const *properties)
{
  WmItem *link = wm_diagram_add_link (diagram, type, source->id, target->id, NULL);

  g_assert (link != NULL);
  wm_diagram_set_text (diagram, link->id, text);
  set_properties (diagram, link, properties);
  return link;
}

/* Short processes carry all eight data rows below them, and links leave
 * them downwards, under those rows, with labels. */
static void
add_vsm_reaches (WmProject *project)
{
  WmDiagram *vsm = wm_project_add_diagram (project, "value-stream-map", "Reach", NULL);
  WmItem *a = add_node (vsm, "process", (WmRect) { 0, 0, 120, 30 }, "Short", full_process);
  WmItem *b = add_node (vsm, "process", (WmRect) { 0, 400, 120, 30 }, "Below", full_process);
  WmItem *c = add_node (vsm, "process", (WmRect) { 400, 0, 120, 30 }, "Beside", full_process);
  WmItem *d = add_node (vsm, "customer", (WmRect) { 420, 320, 120, 90 }, "Customer", NULL);
  const char *const info[] = { "frequency", "Every shift, or when the line stops", NULL };
  const char *label = "A label long enough to wrap over several lines of the link";

  add_link (vsm, "push", a, b, label, NULL);
  add_link (vsm, "push", a, c, label, NULL);
  add_link (vsm, "shipment-flow", c, d, label, NULL);
  add_link (vsm, "electronic-info", d, a, label, info);
  add_link (vsm, "manual-info", b, c, label, info);
}

/* Labels, conditions and multiplicities on links between close nodes. */
static void
add_use_case_reaches (WmProject *project)
{
  WmDiagram *uml = wm_project_add_diagram (project, "use-case", "Reach", NULL);
  const char *const actor_props[] = { "stereotype", "an external system of record", NULL };
  const char *const extend_props[] = { "condition", "[the basket holds more than ten items]",
                                       "extension-point", "Payment declined by the bank", NULL };
  const char *const association_props[] = { "source-multiplicity", "0..*",
                                            "target-multiplicity", "1..*", NULL };
  WmItem *actor = add_node (uml, "actor", (WmRect) { 0, 0, 60, 110 },
                            "An actor with a rather long name", actor_props);
  WmItem *a = add_node (uml, "use-case", (WmRect) { 200, 0, 160, 70 }, "Pay", NULL);
  WmItem *b = add_node (uml, "use-case", (WmRect) { 200, 90, 160, 70 }, "Pay by voucher", NULL);

  add_link (uml, "association", actor, a, "A long association name", association_props);
  add_link (uml, "extend", b, a, "Extends when the customer has a voucher at hand", extend_props);
  add_link (uml, "include", a, b, "«include» with more words than fit", NULL);
}

static WmProject *
reaches_project (void)
{
  WmProject *project = wm_project_new ();

  add_vsm_reaches (project);
  add_use_case_reaches (project);
  return project;
}

static gboolean
check_reaches (void)
{
  g_autoptr(WmProject) project = reaches_project ();
  g_autoptr(WmProject) copy = reaches_project ();
  gboolean ok = TRUE;

  for (guint d = 0; d < wm_project_get_n_diagrams (project); d++)
    ok = bench_diagram (wm_project_get_diagram (project, d), 1, FALSE, bare_diagram (copy, d)) &&
         ok;
  return ok;
}

/* Runs `wm-bench generate` for a project with @n_items items of each
 * notation in @dir; returns its path, or NULL. */
static char *
generate_project (const char *wm_bench,
                  int         n_items,
                  const char *dir,
                  GError    **error)
{
  g_autofree char *path = g_build_filename (dir, "paint-bench.waymark", NULL);
  g_autofree char *items = g_strdup_printf ("--items=%d", 4 * n_items);
  const char *argv[] = { wm_bench, "generate", "--notation=all", items, path, NULL };
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return NULL;
  return g_steal_pointer (&path);
}

/* Times (and with @check, checks) every diagram of @path, or only those of
 * @notation when it is not NULL. */
static gboolean
bench_file (const char *path,
            const char *notation,
            guint       frames,
            gboolean    fit_only,
            gboolean    check)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(WmProject) project = wm_project_load (file, NULL, &error);
  g_autoptr(WmProject) copy = project && check ? wm_project_load (file, NULL, &error) : NULL;
  gboolean ok = TRUE;

  if (project == NULL || (check && copy == NULL))
    {
      g_printerr ("wm-paint-bench: %s\n", error->message);
      return FALSE;
    }
  for (guint d = 0; d < wm_project_get_n_diagrams (project); d++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, d);

      if (notation == NULL || g_str_equal (wm_diagram_get_notation (diagram)->id, notation))
        ok = bench_diagram (diagram, frames, fit_only, copy ? bare_diagram (copy, d) : NULL) && ok;
    }
  return ok;
}

/* Generates the project, benches it and removes it again. */
static gboolean
bench_generated (const char *wm_bench,
                 int         n_items,
                 const char *notation,
                 guint       frames,
                 gboolean    fit_only,
                 gboolean    check)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("wm-paint-bench-XXXXXX", &error);
  g_autofree char *path = dir ? generate_project (wm_bench, n_items, dir, &error) : NULL;
  gboolean ok = path != NULL && bench_file (path, notation, frames, fit_only, check);

  if (path == NULL)
    g_printerr ("wm-paint-bench: %s\n", error->message);
  else
    g_remove (path);
  if (dir != NULL)
    g_rmdir (dir);
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("PROJECT...");
  g_autoptr(GError) error = NULL;
  g_autofree char *notation = NULL;
  g_autofree char *wm_bench = NULL;
  int frames = 10, n_items = 10000;
  gboolean check = FALSE, fit_only = FALSE, ok = TRUE;
  const GOptionEntry entries[] = {
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Frames timed after the warm-up (10)", "N" },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check, "Check that culling changes no pixel", NULL },
    { "notation", 0, 0, G_OPTION_ARG_STRING, &notation, "Only the diagrams of this notation",
      "ID" },
    { "fit-only", 0, 0, G_OPTION_ARG_NONE, &fit_only, "Time only the zoomed-out frame", NULL },
    { "wm-bench", 0, 0, G_OPTION_ARG_FILENAME, &wm_bench,
      "Generate a project with this wm-bench and bench it too", "PATH" },
    { "items", 0, 0, G_OPTION_ARG_INT, &n_items,
      "Items per diagram of the generated project (10000)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "C");
  g_option_context_set_summary (context, "Times painting each diagram of the projects into a "
                                         "1600 x 1000 image, at 100 % and zoomed to fit.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      (argc < 2 && !check && wm_bench == NULL) || frames < 1 || n_items < 1)
    {
      g_printerr ("wm-paint-bench: %s\n",
                  error ? error->message : "give --wm-bench, --check or one or more projects");
      return 2;
    }

  g_print ("| notation | items | 100 %% ms | half faded ms | fit ms | fit scale | "
           "target (< %.0f ms, < %.0f ms, < %.0f ms) |\n"
           "|---|---:|---:|---:|---:|---:|---|\n", TARGET_FULL_MS, TARGET_FIT_MS, TARGET_FIT_MS);
  if (check)
    ok = check_reaches ();
  if (wm_bench != NULL)
    ok = bench_generated (wm_bench, n_items, notation, (guint) frames, fit_only, check) && ok;
  for (int i = 1; i < argc; i++)
    ok = bench_file (argv[i], notation, (guint) frames, fit_only, check) && ok;
  return ok ? 0 : 1;
}
