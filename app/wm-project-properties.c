/* wm-project-properties.c — the project's title, author and description
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model records each edit of the details as an undo step of its own
 * and never merges them, so the fields write to the project when the user
 * is done with one (Enter, the focus leaving it, the window closing), not
 * at each key: one change, one step. They follow the project back, so an
 * undo shows here at once.
 */
#define G_LOG_DOMAIN "wm-project-properties"

#include "config.h"

#include "wm-project-properties.h"

struct _WmProjectProperties
{
  AdwPreferencesWindow parent_instance;

  AdwEntryRow *title_row;
  AdwEntryRow *author_row;
  GtkTextView *description_view;

  WmProject   *project;
};

G_DEFINE_FINAL_TYPE (WmProjectProperties, wm_project_properties, ADW_TYPE_PREFERENCES_WINDOW)

typedef gboolean (*MetaSetter) (WmProject *project, const char *value);

static char *
get_description_text (WmProjectProperties *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The project to the fields, each on its own: a change of the title leaves
 * an author being typed alone. A field already showing the value is left
 * alone too, so that the cursor stays where the user put it. */
static void
sync_entry (AdwEntryRow *row,
            const char  *value)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), value) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), value);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
sync_title (WmProjectProperties *self)
{
  sync_entry (self->title_row, wm_project_get_title (self->project));
}

static void
sync_author (WmProjectProperties *self)
{
  sync_entry (self->author_row, wm_project_get_author (self->project));
}

static void
sync_description (WmProjectProperties *self)
{
  g_autofree char *description = get_description_text (self);

  if (g_strcmp0 (description, wm_project_get_description (self->project)) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                              wm_project_get_description (self->project), -1);
  gtk_widget_remove_css_class (GTK_WIDGET (self->description_view), "error");
}

/* A project from a newer Waymark is read-only: its details too. */
static void
sync_editable (WmProjectProperties *self)
{
  gboolean editable = !wm_project_get_read_only (self->project);

  gtk_widget_set_sensitive (GTK_WIDGET (self->title_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->author_row), editable);
  gtk_text_view_set_editable (self->description_view, editable);
}

/* A refused value (too long for the file's limits) marks its field. */
static void
apply_value (WmProjectProperties *self,
             GtkWidget           *field,
             MetaSetter           setter,
             const char          *current,
             const char          *value)
{
  if (g_strcmp0 (current, value) == 0)
    return;
  if (setter (self->project, value))
    gtk_widget_remove_css_class (field, "error");
  else
    gtk_widget_add_css_class (field, "error");
}

/* Each field whose text differs from the project's becomes one step. */
static void
commit_fields (WmProjectProperties *self)
{
  g_autofree char *description = NULL;

  if (self->project == NULL)
    return;
  apply_value (self, GTK_WIDGET (self->title_row), wm_project_set_title,
               wm_project_get_title (self->project),
               gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  apply_value (self, GTK_WIDGET (self->author_row), wm_project_set_author,
               wm_project_get_author (self->project),
               gtk_editable_get_text (GTK_EDITABLE (self->author_row)));
  description = get_description_text (self);
  apply_value (self, GTK_WIDGET (self->description_view), wm_project_set_description,
               wm_project_get_description (self->project), description);
}

static void
commit_on_focus_leave (WmProjectProperties *self,
                       GtkWidget           *field)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (focus, "leave", G_CALLBACK (commit_fields), self);
  gtk_widget_add_controller (field, focus);
}

WmProjectProperties *
wm_project_properties_new (GtkWindow *parent,
                           WmProject *project)
{
  WmProjectProperties *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (WM_IS_PROJECT (project), NULL);

  self = g_object_new (WM_TYPE_PROJECT_PROPERTIES,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->project = g_object_ref (project);
  sync_title (self);
  sync_author (self);
  sync_description (self);
  sync_editable (self);
  g_signal_connect_object (project, "notify::title", G_CALLBACK (sync_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "notify::author", G_CALLBACK (sync_author), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "notify::description", G_CALLBACK (sync_description), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "notify::read-only", G_CALLBACK (sync_editable), self,
                           G_CONNECT_SWAPPED);
  return self;
}

GtkWidget *
_wm_project_properties_get_field (WmProjectProperties *self,
                                  const char          *name)
{
  g_return_val_if_fail (WM_IS_PROJECT_PROPERTIES (self), NULL);

  if (g_strcmp0 (name, "title") == 0)
    return GTK_WIDGET (self->title_row);
  if (g_strcmp0 (name, "author") == 0)
    return GTK_WIDGET (self->author_row);
  if (g_strcmp0 (name, "description") == 0)
    return GTK_WIDGET (self->description_view);
  g_return_val_if_reached (NULL);
}

static gboolean
wm_project_properties_close_request (GtkWindow *window)
{
  commit_fields (WM_PROJECT_PROPERTIES (window));
  return GTK_WINDOW_CLASS (wm_project_properties_parent_class)->close_request (window);
}

static void
wm_project_properties_dispose (GObject *object)
{
  WmProjectProperties *self = WM_PROJECT_PROPERTIES (object);

  /* Destroyed without closing (with its parent): what was typed still counts.
   * Without the project, the fields' last focus changes write nothing. */
  commit_fields (self);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (object), WM_TYPE_PROJECT_PROPERTIES);
  G_OBJECT_CLASS (wm_project_properties_parent_class)->dispose (object);
}

static void
wm_project_properties_class_init (WmProjectPropertiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = wm_project_properties_dispose;
  window_class->close_request = wm_project_properties_close_request;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/waymark/Waymark/ui/wm-project-properties.ui");
  gtk_widget_class_bind_template_child (widget_class, WmProjectProperties, title_row);
  gtk_widget_class_bind_template_child (widget_class, WmProjectProperties, author_row);
  gtk_widget_class_bind_template_child (widget_class, WmProjectProperties, description_view);
  gtk_widget_class_bind_template_callback (widget_class, commit_fields);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wm_project_properties_init (WmProjectProperties *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  commit_on_focus_leave (self, GTK_WIDGET (self->title_row));
  commit_on_focus_leave (self, GTK_WIDGET (self->author_row));
  commit_on_focus_leave (self, GTK_WIDGET (self->description_view));
}
