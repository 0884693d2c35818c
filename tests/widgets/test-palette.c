/* test-palette.c — the palette of tools beside a canvas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb with the Cairo renderer, like the canvas's test.
 */
#include "config.h"

#include <adwaita.h>

#include "wm-canvas-private.h"
#include "wm-palette.h"
#include "wm-test-util.h"
#include "wm-widget-test.h"

static guint
count_buttons (WmPalette *palette)
{
  GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (palette));
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_TOGGLE_BUTTON (child);
  return n;
}

static GtkWidget *
make_window (WmPalette *palette,
             WmCanvas  *canvas)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (canvas));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (palette));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_window_set_child (GTK_WINDOW (window), box);
  wm_palette_set_canvas (palette, canvas);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
destroy_window (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
is_active (WmPalette  *palette,
           const char *type_id)
{
  GtkWidget *button = wm_palette_get_button (palette, type_id);

  g_assert_nonnull (button);
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button));
}

/* One button per type of each notation, and the select tool, first. */
static void
test_buttons (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmPalette *palette = WM_PALETTE (wm_palette_new ());
  WmCanvas *canvas = WM_CANVAS (wm_canvas_new ());
  GtkWidget *window = make_window (palette, canvas);
  const WmNotation *const *notations;
  guint n_notations;

  notations = wm_notations_get_all (&n_notations);
  g_assert_cmpuint (n_notations, >, 0);
  g_assert_cmpuint (count_buttons (palette), ==, 0);
  for (guint i = 0; i < n_notations; i++)
    {
      const WmNotation *notation = notations[i];
      g_autoptr(GError) error = NULL;
      WmDiagram *diagram = wm_project_add_diagram (project, notation->id, notation->id, &error);
      GtkWidget *box, *first;

      g_assert_no_error (error);
      wm_canvas_set_diagram (canvas, diagram);
      /* The pointer, then every type: the notation's own and the common ones. */
      g_assert_cmpuint (count_buttons (palette), ==, 1 + wm_notation_get_n_item_types (notation));
      box = gtk_widget_get_first_child (GTK_WIDGET (palette));
      first = gtk_widget_get_first_child (box);
      g_assert_true (first == wm_palette_get_button (palette, NULL));
      g_assert_true (is_active (palette, NULL));
      for (guint j = 0; j < notation->n_node_types; j++)
        g_assert_nonnull (wm_palette_get_button (palette, notation->node_types[j].id));
      for (guint j = 0; j < notation->n_link_types; j++)
        g_assert_nonnull (wm_palette_get_button (palette, notation->link_types[j].id));
      g_assert_nonnull (wm_palette_get_button (palette, WM_COMMON_TEXT));
      g_assert_nonnull (wm_palette_get_button (palette, WM_COMMON_BOX));
      g_assert_nonnull (wm_palette_get_button (palette, WM_COMMON_IMAGE));
      wm_test_wait_until_drawn (GTK_WIDGET (palette));
    }
  /* Every notation of the registry had its turn. */
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, n_notations);
  wm_canvas_set_diagram (canvas, NULL);
  g_assert_cmpuint (count_buttons (palette), ==, 0);
  destroy_window (window);
}

/* How many pixels of @texture differ from the paper the previews are drawn
 * on (white), but for the tile's rounded corners, where the palette shows. */
static guint
count_ink (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, width * height);
  guint ink = 0;

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        gboolean corner = (x < 4 || x >= width - 4) && (y < 4 || y >= height - 4);

        if (!corner && (pixels[y * width + x] & 0xffffff) != 0xffffff)
          ink++;
      }
  return ink;
}

/* Every type's preview shows something on its paper tile, in the light and
 * the dark theme: a VSM push or pull arrow as much as an actor. */
static void
test_previews (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmPalette *palette = WM_PALETTE (wm_palette_new ());
  WmCanvas *canvas = WM_CANVAS (wm_canvas_new ());
  GtkWidget *window = make_window (palette, canvas);
  AdwStyleManager *style = adw_style_manager_get_default ();
  guint n_notations;
  const WmNotation *const *notations = wm_notations_get_all (&n_notations);

  for (int dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint i = 0; i < n_notations; i++)
        {
          const WmNotation *notation = notations[i];
          WmDiagram *diagram = wm_project_add_diagram (project, notation->id, notation->id, NULL);

          wm_canvas_set_diagram (canvas, diagram);
          wm_test_wait_until_drawn (GTK_WIDGET (palette));
          for (guint t = 0; t < wm_notation_get_n_item_types (notation); t++)
            {
              const WmItemType *type = wm_notation_get_item_type (notation, t);
              GtkWidget *button = wm_palette_get_button (palette, type->id);
              GtkWidget *preview = wm_test_find_widget (button, GTK_TYPE_DRAWING_AREA);
              g_autoptr(GdkTexture) texture = NULL;

              g_assert_nonnull (preview);
              texture = wm_test_render_widget (preview);
              if (count_ink (texture) < 8)
                g_error ("the preview of %s/%s is blank (%s theme)", notation->id, type->id,
                         dark ? "dark" : "light");
            }
        }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  wm_canvas_set_diagram (canvas, NULL);
  destroy_window (window);
}

/* The active button and the canvas's tool follow each other. */
static void
test_sync (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_project_add_diagram (project, "use-case", "Uses", NULL);
  WmPalette *palette = WM_PALETTE (wm_palette_new ());
  WmCanvas *canvas = WM_CANVAS (wm_canvas_new ());
  GtkWidget *window = make_window (palette, canvas);
  g_auto(GStrv) selection = NULL;
  WmItem *item;

  wm_canvas_set_diagram (canvas, diagram);
  wm_test_wait_until_drawn (GTK_WIDGET (canvas));
  wm_canvas_set_tool (canvas, "actor");
  g_assert_true (is_active (palette, "actor"));
  g_assert_false (is_active (palette, NULL));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (wm_palette_get_button (palette, "use-case")),
                                TRUE);
  g_assert_cmpstr (wm_canvas_get_tool (canvas), ==, "use-case");
  g_assert_false (is_active (palette, "actor"));

  /* A click creates a use case and the palette goes back to select. */
  _wm_canvas_test_click (canvas, 200, 150, 0);
  g_assert_cmpuint (wm_diagram_get_n_nodes (diagram), ==, 1);
  g_assert_null (wm_canvas_get_tool (canvas));
  g_assert_true (is_active (palette, NULL));
  selection = wm_canvas_get_selection (canvas);
  item = wm_diagram_lookup (diagram, selection[0]);
  g_assert_cmpstr (item->type->id, ==, "use-case");

  /* What a drop from a palette button does. */
  g_assert_nonnull (_wm_canvas_create_node_at (canvas, "note", 500, 300));
  g_assert_null (_wm_canvas_create_node_at (canvas, "association", 500, 300));
  g_assert_null (_wm_canvas_create_node_at (canvas, "no-such-type", 500, 300));
  g_assert_cmpuint (wm_diagram_get_n_nodes (diagram), ==, 2);
  destroy_window (window);
}

/* The use-case palette beside the sample's use-case diagram. */
static void
test_screenshot (void)
{
  const char *dir = g_getenv ("WAYMARK_SAMPLES_DIR");
  const char *path = g_getenv ("WAYMARK_SCREENSHOT");
  g_autofree char *sample = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;
  WmPalette *palette = WM_PALETTE (wm_palette_new ());
  WmCanvas *canvas = WM_CANVAS (wm_canvas_new ());
  GtkWidget *window;
  const char *ids[] = { "use-case-43", NULL };

  g_assert_nonnull (dir);
  sample = g_build_filename (dir, "bean-box.waymark", NULL);
  file = g_file_new_for_path (sample);
  project = wm_project_load (file, NULL, &error);
  g_assert_no_error (error);
  window = make_window (palette, canvas);
  wm_canvas_set_diagram (canvas, wm_project_find_diagram (project, "uc-41"));
  wm_canvas_select (canvas, ids);
  wm_test_wait_until_drawn (GTK_WIDGET (canvas));
  gtk_test_widget_wait_for_draw (window);
  if (path != NULL)
    {
      g_autoptr(GdkTexture) texture = wm_test_render_widget (window);

      g_assert_true (gdk_texture_save_to_png (texture, path));
      g_test_message ("screenshot: %s", path);
    }
  destroy_window (window);
}

static void
test_finalize (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_project_add_diagram (project, "value-stream-map", "Flow", NULL);
  WmCanvas *canvas = g_object_ref_sink (WM_CANVAS (wm_canvas_new ()));
  WmPalette *palette = g_object_ref_sink (WM_PALETTE (wm_palette_new ()));

  wm_canvas_set_diagram (canvas, diagram);
  wm_palette_set_canvas (palette, canvas);
  g_assert_true (wm_palette_get_canvas (palette) == canvas);
  /* The palette holds the canvas weakly. */
  g_assert_finalize_object (canvas);
  g_assert_null (wm_palette_get_canvas (palette));
  g_assert_finalize_object (palette);
}

int
main (int   argc,
      char *argv[])
{
  wm_test_init_gtk (&argc, &argv);

  g_test_add_func ("/widgets/palette/buttons", test_buttons);
  g_test_add_func ("/widgets/palette/previews", test_previews);
  g_test_add_func ("/widgets/palette/sync", test_sync);
  g_test_add_func ("/widgets/palette/screenshot", test_screenshot);
  g_test_add_func ("/widgets/palette/finalize", test_finalize);

  return g_test_run ();
}
