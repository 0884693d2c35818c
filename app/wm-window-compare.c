/* wm-window-compare.c — File → Compare: the visual diff of the diagram on
 * screen against the saved version or another file
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The comparison is the model's (wm_compare_projects()) and the picture is
 * the renderer's (wm_render_diff()), the same as `waymark --export=OUT
 * --diff=OLD`: a window shows it over the paper, scaled to its width, and
 * keeps its own copy of the older version so that it stays valid while the
 * analyst goes on editing.
 */
#define G_LOG_DOMAIN "wm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-canvas.h"
#include "wm-render-diff.h"
#include "wm-window-private.h"

/* The diff window */

typedef struct
{
  WmComparison *comparison;
  char         *diagram_id;
  WmRect        extent;
} DiffView;

static void
diff_view_free (gpointer data)
{
  DiffView *view = data;

  g_clear_pointer (&view->comparison, wm_comparison_free);
  g_free (view->diagram_id);
  g_free (view);
}

static void
draw_diff (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  DiffView *view = user_data;
  double scale = MIN (width / view->extent.width, height / view->extent.height);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, (width - view->extent.width * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -view->extent.x, -view->extent.y);
  wm_render_diff (view->comparison, view->diagram_id, cr);
}

/* Whether @comparison changed diagram @id. */
static gboolean
changed (const WmComparison *comparison,
         const char         *id)
{
  const char *const *ids = wm_comparison_get_changed_diagrams (comparison);

  return ids != NULL && g_strv_contains (ids, id);
}

/* Shows the differences of @diagram between @older (which the window takes)
 * and the project as it is now, in a window of their own titled @title;
 * returns it. */
GtkWidget *
_wm_window_show_comparison (WmWindow   *self,
                            WmProject  *older,
                            const char *title)
{
  WmDiagram *diagram = wm_canvas_get_diagram (WM_CANVAS (self->canvas));
  g_autoptr(WmComparison) comparison = wm_compare_projects (older, self->project);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content;

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  gtk_widget_set_name (window, "compare-window");
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  if (diagram == NULL || !changed (comparison, wm_diagram_get_id (diagram)))
    {
      content = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (content), "emblem-ok-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (content), _("No Changes"));
      adw_status_page_set_description (ADW_STATUS_PAGE (content),
                                       _("This diagram is the same in both versions."));
    }
  else
    {
      DiffView *view = g_new0 (DiffView, 1);
      GtkWidget *area = gtk_drawing_area_new ();

      view->diagram_id = g_strdup (wm_diagram_get_id (diagram));
      wm_render_diff_get_extent (comparison, view->diagram_id, &view->extent);
      view->comparison = g_steal_pointer (&comparison);
      gtk_widget_set_name (area, "compare-picture");
      gtk_widget_set_hexpand (area, TRUE);
      gtk_widget_set_vexpand (area, TRUE);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_diff, view, diff_view_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      content = area;
    }
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  g_object_unref (older);
  return window;
}

/* File → Compare with Saved Version */

static void
compare_saved_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  WmProject *saved;

  if (self->merge_base == NULL)
    {
      _wm_window_show_toast (self, _("The project has no saved version yet"));
      return;
    }
  saved = wm_project_load_from_data (g_bytes_get_data (self->merge_base, NULL),
                                     g_bytes_get_size (self->merge_base), "saved", &error);
  if (saved == NULL)
    {
      _wm_window_show_toast (self, error->message);
      return;
    }
  _wm_window_show_comparison (self, saved, _("Changes Since the Saved Version"));
}

/* File → Compare with File… */

static void
compare_with (WmWindow *self,
              GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  WmProject *other = wm_project_load (file, NULL, &error);

  if (other == NULL)
    {
      _wm_window_show_toast (self, error->message);
      return;
    }
  name = g_file_get_basename (file);
  /* Translators: a window title; %s is the name of the file the project is compared with */
  title = g_strdup_printf (_("Changes Since “%s”"), name);
  _wm_window_show_comparison (self, other, title);
}

static void
compare_file_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) projects = _wm_window_project_filter ();
  GtkFileFilter *filters[] = { projects, NULL };

  _wm_window_choose_file (WM_WINDOW (widget), _("Compare With"), _("_Compare"), filters,
                          compare_with);
}

void
_wm_window_class_init_compare (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.compare-saved", NULL, compare_saved_action);
  gtk_widget_class_install_action (widget_class, "win.compare-file", NULL, compare_file_action);
}
