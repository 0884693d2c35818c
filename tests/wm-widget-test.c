/* wm-widget-test.c — helpers shared by the widget and window tests
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>
#include <locale.h>

#include "wm-widget-test.h"

/* GTK 4.8's critical after a popover goes: an idle of GTK's asks for the
 * pointer over the popover's surface once it is destroyed. */
static gboolean
is_gtk_popover_bug (GLogLevelFlags   level,
                    const GLogField *fields,
                    gsize            n_fields)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
      domain = fields[i].value;
    else if (g_str_equal (fields[i].key, "MESSAGE"))
      message = fields[i].value;
  return (level & G_LOG_LEVEL_CRITICAL) && g_strcmp0 (domain, "Gdk") == 0 && message != NULL &&
         g_str_has_prefix (message, "gdk_surface_get_device_position: assertion "
                                    "'GDK_IS_SURFACE (surface)' failed");
}

/* Warnings and criticals stay fatal, as G_DEBUG=fatal-warnings makes them,
 * but for that one: GLib's own fatal mask would abort before a writer could
 * tell them apart, so the writer does it. */
static GLogWriterOutput
write_log (GLogLevelFlags   level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         data)
{
  GLogWriterOutput output;

  if (is_gtk_popover_bug (level, fields, n_fields))
    return G_LOG_WRITER_HANDLED;
  output = g_log_writer_default (level, fields, n_fields, data);
  if (level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL))
    g_error ("a warning or critical was logged (see above)");
  return output;
}

void
wm_test_init_gtk (int    *argc,
                  char ***argv)
{
  const char *localedir = g_getenv ("WAYMARK_LOCALEDIR");

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* The tests that run the editor in another language point this at the
   * catalogues of the build; gtk_test_init set the locale to en_US, so the
   * environment's is taken back. */
  if (localedir != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_writer_func (write_log, NULL, NULL);
}

void
wm_test_wait_until_drawn (GtkWidget *widget)
{
  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (widget);
}

GdkTexture *
wm_test_render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

void
wm_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  g_autoptr(GdkTexture) texture = wm_test_render_widget (widget);
  const char *dir = g_getenv ("WAYMARK_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (dir ? dir : g_get_tmp_dir (), name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

GtkWidget *
wm_test_find_widget (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = wm_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

AdwMessageDialog *
wm_test_find_dialog_of (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          gtk_window_get_transient_for (toplevel) == window)
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}
