/* wm-inspector-lists.c — the inspector's editors of a diagram's lists
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A diagram's page shows each list of its notation (a journey's stages and
 * lanes, a colour legend) as a group of entry rows: the label to type in,
 * buttons to move the entry up or down or remove it, a swatch for a legend's
 * colours, and an "Add" button in the group's header. Also here:
 * wm_inspector_get_list_editor() of wm-inspector.h.
 */
#define G_LOG_DOMAIN "wm-inspector"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-inspector-private.h"

/* The colours "Add" gives a legend's new entries, in order: light enough for
 * a sticky note's text to read on them. */
static const char *const legend_palette[] = {
  "fff4a3", "ffd6a5", "caffbf", "a0c4ff", "ffadad", "bdb2ff", "9bf6ff", "fdffb6",
  "ffc6ff", "d0f4de", "e4c1f9", "d9d9d9",
};

static gboolean
entries_have_id (GPtrArray  *entries,
                 const char *id)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_str_equal (((WmListEntry *) g_ptr_array_index (entries, i))->id, id))
      return TRUE;
  return FALSE;
}

static gboolean
list_is_legend (const WmListSpec *spec)
{
  return spec->role == WM_LIST_ROLE_COLOR_LEGEND;
}

/* An id no entry of @entries has: for a legend, the first palette colour not
 * used yet; else the list's name in the singular and a number ("stage-3"). */
static char *
fresh_entry_id (const WmListSpec *spec,
                GPtrArray        *entries)
{
  g_autofree char *stem = NULL;

  if (list_is_legend (spec))
    {
      for (guint i = 0; i < G_N_ELEMENTS (legend_palette); i++)
        if (!entries_have_id (entries, legend_palette[i]))
          return g_strdup (legend_palette[i]);
      /* The palette is used up: greys, darker each time. */
      for (guint grey = 0xf0; grey > 0x40; grey -= 8)
        {
          g_autofree char *id = g_strdup_printf ("%02x%02x%02x", grey, grey, grey);

          if (!entries_have_id (entries, id))
            return g_steal_pointer (&id);
        }
    }
  stem = g_strdup (spec->name);
  if (g_str_has_suffix (stem, "s") && strlen (stem) > 1)
    stem[strlen (stem) - 1] = '\0';
  for (guint n = 1;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", stem, n);

      if (!entries_have_id (entries, id))
        return g_steal_pointer (&id);
    }
}

static void
list_editor_free (ListEditor *editor)
{
  g_ptr_array_unref (editor->rows);
  g_free (editor->shown);
  g_free (editor);
}

static const char *
entry_id_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "wm-entry-id");
}

static void
on_entry_label_changed (GtkEditable *editable,
                        ListEditor  *editor)
{
  WmInspector *self = editor->self;
  const char *label = gtk_editable_get_text (editable);
  g_autoptr(GError) error = NULL;

  if (self->updating > 0 || self->diagram == NULL)
    return;
  if (wm_limits_check_text (label, &error) &&
      wm_diagram_list_rename (self->diagram, editor->spec->name,
                              entry_id_of (GTK_WIDGET (editable)), label))
    return;
  /* Why, as the other rows say it: the limit's message, or the refusal's. */
  if (error == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                         _("The change was refused; the project may be read-only."));
  gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (editable), error->message);
}

static void
on_entry_move_clicked (GtkButton  *button,
                       ListEditor *editor)
{
  WmInspector *self = editor->self;
  const char *id = entry_id_of (GTK_WIDGET (button));
  int step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "wm-step"));
  GPtrArray *entries = wm_diagram_get_list (self->diagram, editor->spec->name);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    if (g_str_equal (((WmListEntry *) g_ptr_array_index (entries, i))->id, id))
      {
        if ((step < 0 && i == 0) || (step > 0 && i + 1 >= entries->len))
          return;
        _wm_inspector_break_merge (self);
        wm_diagram_list_move (self->diagram, editor->spec->name, id, (guint) ((int) i + step));
        return;
      }
}

static void
on_entry_remove_clicked (GtkButton  *button,
                         ListEditor *editor)
{
  WmInspector *self = editor->self;
  g_autofree char *id = g_strdup (entry_id_of (GTK_WIDGET (button)));

  _wm_inspector_break_merge (self);
  wm_diagram_list_remove (self->diagram, editor->spec->name, id);
}

static void
on_entry_add_clicked (GtkButton  *button,
                      ListEditor *editor)
{
  WmInspector *self = editor->self;
  GPtrArray *entries = wm_diagram_get_list (self->diagram, editor->spec->name);
  g_autofree char *id = NULL;
  const char *label = list_is_legend (editor->spec) ? _("New colour") : _("New entry");

  if (entries == NULL)
    return;
  id = fresh_entry_id (editor->spec, entries);
  _wm_inspector_break_merge (self);
  if (!wm_diagram_list_insert (self->diagram, editor->spec->name, entries->len, id, label, NULL))
    return;
  /* The new entry's label is the next thing to type. */
  for (guint i = 0; i < editor->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (editor->rows, i);

      if (g_str_equal (entry_id_of (row), id))
        gtk_widget_grab_focus (row);
    }
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  g_autofree char *spec = g_strdup_printf ("#%s", entry_id_of (GTK_WIDGET (area)));
  GdkRGBA rgba = { 0.9, 0.9, 0.9, 1 };

  gdk_rgba_parse (&rgba, spec);
  cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static GtkWidget *
entry_button (ListEditor *editor,
              const char *id,
              const char *name,
              const char *icon,
              const char *tooltip,
              GCallback   callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), "wm-entry-id", g_strdup (id), g_free);
  g_signal_connect (button, "clicked", callback, editor);
  return button;
}

static GtkWidget *
entry_row_new (ListEditor        *editor,
               const WmListEntry *entry,
               guint              index,
               guint              n_entries)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *up = entry_button (editor, entry->id, "move-up", "go-up-symbolic", _("Move up"),
                                G_CALLBACK (on_entry_move_clicked));
  GtkWidget *down = entry_button (editor, entry->id, "move-down", "go-down-symbolic", _("Move down"),
                                  G_CALLBACK (on_entry_move_clicked));
  GtkWidget *remove = entry_button (editor, entry->id, "remove-entry", "user-trash-symbolic",
                                    /* Translators: a tooltip, the verb: remove this entry from
                                     * the list */
                                    _("Remove"), G_CALLBACK (on_entry_remove_clicked));
  g_autofree char *title = NULL;

  g_object_set_data_full (G_OBJECT (row), "wm-entry-id", g_strdup (entry->id), g_free);
  g_object_set_data (G_OBJECT (up), "wm-step", GINT_TO_POINTER (-1));
  g_object_set_data (G_OBJECT (down), "wm-step", GINT_TO_POINTER (1));
  gtk_widget_set_sensitive (up, index > 0);
  gtk_widget_set_sensitive (down, index + 1 < n_entries);
  /* Above the label: a legend entry's colour, else the entry's place. */
  title = list_is_legend (editor->spec) ? g_strdup_printf ("#%s", entry->id)
                                        : g_strdup_printf ("%u", index + 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  _wm_inspector_label_editor (row, _wm_inspector_tr (editor->spec->label));
  if (list_is_legend (editor->spec))
    {
      GtkWidget *swatch = gtk_drawing_area_new ();

      g_object_set_data_full (G_OBJECT (swatch), "wm-entry-id", g_strdup (entry->id), g_free);
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 18);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 18);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, NULL, NULL);
      adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), swatch);
    }
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  gtk_editable_set_text (GTK_EDITABLE (row), entry->label);
  g_signal_connect (row, "changed", G_CALLBACK (on_entry_label_changed), editor);
  return row;
}

void
_wm_inspector_update_list (ListEditor *editor)
{
  GPtrArray *entries = wm_diagram_get_list (editor->self->diagram, editor->spec->name);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    g_string_append_printf (ids, "%s\n", ((WmListEntry *) g_ptr_array_index (entries, i))->id);
  if (editor->shown == NULL || !g_str_equal (editor->shown, ids->str))
    {
      /* Entries came, went or moved: new rows. A rename alone keeps them,
       * so that typing in one is not interrupted. */
      for (guint i = 0; i < editor->rows->len; i++)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (editor->group),
                                      g_ptr_array_index (editor->rows, i));
      g_ptr_array_set_size (editor->rows, 0);
      for (guint i = 0; entries != NULL && i < entries->len; i++)
        {
          GtkWidget *row = entry_row_new (editor, g_ptr_array_index (entries, i), i, entries->len);

          g_ptr_array_add (editor->rows, row);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (editor->group), row);
        }
      g_free (editor->shown);
      editor->shown = g_string_free (g_steal_pointer (&ids), FALSE);
      return;
    }
  for (guint i = 0; i < editor->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (editor->rows, i);

      _wm_inspector_set_editable_text (GTK_EDITABLE (row), ((WmListEntry *) g_ptr_array_index (entries, i))->label);
      gtk_widget_remove_css_class (row, "error");
      /* Setting a tooltip, even none, asks where the pointer is (a round
       * trip to an X server), and every edit of the diagram comes here. */
      if (gtk_widget_get_has_tooltip (row))
        gtk_widget_set_tooltip_text (row, NULL);
    }
}

GtkWidget *
_wm_inspector_build_list_group (WmInspector      *self,
                                const WmListSpec *spec)
{
  ListEditor *editor = g_new0 (ListEditor, 1);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  g_autofree char *tooltip = g_strdup_printf (_("Add an entry to “%s”"), _wm_inspector_tr (spec->label));

  editor->self = self;
  editor->spec = spec;
  editor->group = adw_preferences_group_new ();
  editor->rows = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (editor->group), "wm-list-editor", editor,
                          (GDestroyNotify) list_editor_free);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (editor->group), _wm_inspector_tr (spec->label));
  gtk_widget_set_name (add, "add-entry");
  gtk_widget_set_tooltip_text (add, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  g_signal_connect (add, "clicked", G_CALLBACK (on_entry_add_clicked), editor);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (editor->group), add);
  g_ptr_array_add (self->lists, editor);
  return editor->group;
}

/* Entry points */

GtkWidget *
wm_inspector_get_list_editor (WmInspector *self,
                              const char  *list)
{
  g_return_val_if_fail (WM_IS_INSPECTOR (self), NULL);

  for (guint i = 0; list != NULL && i < self->lists->len; i++)
    {
      ListEditor *editor = g_ptr_array_index (self->lists, i);

      if (g_str_equal (editor->spec->name, list))
        return editor->group;
    }
  return NULL;
}
