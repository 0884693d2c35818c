/* wm-canvas-edit.c — the canvas's clipboard, stacking, aligning and distributing
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-canvas-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-canvas-private.h"
#include "wm-export.h"
#include "wm-format.h"

/* How far each successive paste lands from the copied items, in document units. */
#define PASTE_OFFSET 20.0

/* The fragment: a throwaway project holding copies of the selected items */

static void
copy_properties (WmDiagram    *dest,
                 const char   *dest_id,
                 const WmItem *item)
{
  for (guint i = 0; item->props != NULL && i < item->type->n_props; i++)
    {
      const WmPropSpec *spec = &item->type->props[i];
      g_autofree char *value = NULL;

      if (!item->props[i].set)
        continue;
      value = wm_value_to_string (spec, &item->props[i]);
      /* A value the copy cannot hold is left at its default rather than
       * failing the whole copy. */
      wm_diagram_set_property (dest, dest_id, spec->name, value, NULL);
    }
}

/* Gives @dest the entries of @source's lists, which slot properties point into. */
static void
copy_lists (WmDiagram *dest,
            WmDiagram *source)
{
  const WmNotation *notation = wm_diagram_get_notation (source);

  for (guint i = 0; i < notation->n_lists; i++)
    {
      const char *name = notation->lists[i].name;
      GPtrArray *from = wm_diagram_get_list (source, name);
      GPtrArray *to = wm_diagram_get_list (dest, name);

      while (to != NULL && to->len > 0)
        {
          const WmListEntry *entry = g_ptr_array_index (to, 0);
          g_autofree char *id = g_strdup (entry->id);

          if (!wm_diagram_list_remove (dest, name, id))
            break;
        }
      for (guint j = 0; from != NULL && j < from->len; j++)
        {
          const WmListEntry *entry = g_ptr_array_index (from, j);

          wm_diagram_list_insert (dest, name, j, entry->id, entry->label, NULL);
        }
    }
}

static WmItem *
copy_node (WmDiagram    *dest,
           const WmItem *node,
           double        offset)
{
  WmRect bounds = node->bounds;
  WmItem *copy;

  bounds.x += offset;
  bounds.y += offset;
  copy = wm_diagram_add_node (dest, node->type->id, &bounds, node->text, NULL);
  if (copy != NULL)
    copy_properties (dest, copy->id, node);
  return copy;
}

static WmItem *
copy_link (WmDiagram    *dest,
           const WmItem *link,
           const char   *source_id,
           const char   *target_id,
           double        offset)
{
  g_autofree WmPoint *points = g_new0 (WmPoint, MAX (link->n_points, 1));
  WmItem *copy;
  g_autofree char *id = NULL;

  copy = wm_diagram_add_link (dest, link->type->id, source_id, target_id, NULL);
  if (copy == NULL)
    return NULL;
  id = g_strdup (copy->id);
  if (link->text[0] != '\0')
    wm_diagram_set_text (dest, id, link->text);
  copy_properties (dest, id, link);
  for (guint i = 0; i < link->n_points; i++)
    points[i] = (WmPoint) { link->points[i].x + offset, link->points[i].y + offset };
  if (link->n_points > 0)
    wm_diagram_set_points (dest, id, points, link->n_points);
  return wm_diagram_lookup (dest, id);
}

/* Copies the items of @source whose ids are in @ids (all of them when @ids
 * is NULL) into @dest, moved by @offset: nodes first, then their parents
 * where the parent came too, then the links whose both ends came. Returns
 * the new ids, in @source's z-order. */
static GPtrArray *
copy_items (WmDiagram  *dest,
            WmDiagram  *source,
            GHashTable *ids,
            double      offset)
{
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GPtrArray *added = g_ptr_array_new_with_free_func (g_free);
  guint n = wm_diagram_get_n_items (source);

  for (guint i = 0; i < n; i++)
    {
      WmItem *item = wm_diagram_get_item (source, i);
      WmItem *copy;

      if (!wm_item_is_node (item) || (ids != NULL && !g_hash_table_contains (ids, item->id)))
        continue;
      if ((copy = copy_node (dest, item, offset)) != NULL)
        {
          g_hash_table_insert (map, item->id, g_strdup (copy->id));
          g_ptr_array_add (added, g_strdup (copy->id));
        }
    }
  for (guint i = 0; i < n; i++)
    {
      WmItem *item = wm_diagram_get_item (source, i);
      const char *copy_id = g_hash_table_lookup (map, item->id);
      const char *parent_id = item->parent ? g_hash_table_lookup (map, item->parent) : NULL;

      if (copy_id != NULL && parent_id != NULL)
        wm_diagram_set_parent (dest, copy_id, parent_id, NULL);
    }
  for (guint i = 0; i < n; i++)
    {
      WmItem *item = wm_diagram_get_item (source, i);
      const char *source_id, *target_id;
      WmItem *copy;

      if (!wm_item_is_link (item) || (ids != NULL && !g_hash_table_contains (ids, item->id)))
        continue;
      source_id = g_hash_table_lookup (map, item->source);
      target_id = g_hash_table_lookup (map, item->target);
      if (source_id != NULL && target_id != NULL &&
          (copy = copy_link (dest, item, source_id, target_id, offset)) != NULL)
        g_ptr_array_add (added, g_strdup (copy->id));
    }
  return added;
}

static GHashTable *
selection_set (WmCanvas *self)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) ids = wm_canvas_get_selection (self);

  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (set, g_strdup (ids[i]));
  return set;
}

/* A throwaway project with one diagram of the canvas's notation holding a
 * copy of the selection, or NULL when nothing is selected. */
static WmProject *
make_fragment (WmCanvas *self)
{
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(WmProject) project = NULL;
  g_autoptr(GPtrArray) added = NULL;
  WmDiagram *diagram;

  if (self->diagram == NULL || g_hash_table_size (self->selection) == 0)
    return NULL;
  ids = selection_set (self);
  project = wm_project_new ();
  diagram = wm_project_add_diagram (project, wm_diagram_get_notation (self->diagram)->id,
                                    wm_diagram_get_name (self->diagram), NULL);
  g_return_val_if_fail (diagram != NULL, NULL);
  copy_lists (diagram, self->diagram);
  added = copy_items (diagram, self->diagram, ids, 0);
  if (added->len == 0)
    return NULL;
  wm_project_clear_history (project);
  return g_steal_pointer (&project);
}

/* Adding a fragment to the canvas's diagram */

static gboolean
same_notation (WmCanvas  *self,
               WmDiagram *fragment)
{
  return g_str_equal (wm_diagram_get_notation (self->diagram)->id,
                      wm_diagram_get_notation (fragment)->id);
}

/* Adds the items of @fragment moved by @offset as one undo step, and selects them. */
static gboolean
paste_fragment (WmCanvas   *self,
                WmDiagram  *fragment,
                double      offset,
                const char *label)
{
  WmProject *project;
  g_autoptr(GPtrArray) added = NULL;

  if (self->diagram == NULL || !_wm_canvas_is_writable (self) || !same_notation (self, fragment))
    return FALSE;
  project = wm_diagram_get_project (self->diagram);
  if (project != NULL)
    wm_project_begin_group (project, label);
  added = copy_items (self->diagram, fragment, NULL, offset);
  if (project != NULL)
    wm_project_end_group (project);
  g_ptr_array_add (added, NULL);
  wm_canvas_select (self, (const char *const *) added->pdata);
  return added->len > 1;
}

/* The clipboard */

static GdkContentProvider *
rendering_provider (WmDiagram      *diagram,
                    WmExportFormat  format,
                    const char     *mime_type)
{
  WmExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  wm_export_options_init (&options);
  options.format = format;
  /* Sharp on high-density screens and in slides. */
  options.scale = format == WM_EXPORT_PNG ? 2 : 1;
  bytes = wm_export_diagram (diagram, &options, &error);
  if (bytes == NULL)
    {
      g_warning ("Cannot render the copied items as %s: %s", mime_type, error->message);
      return NULL;
    }
  return gdk_content_provider_new_for_bytes (mime_type, bytes);
}

static GdkContentProvider *
fragment_provider (WmProject *fragment)
{
  WmDiagram *diagram = wm_project_get_diagram (fragment, 0);
  g_autoptr(GBytes) data = wm_project_serialize (fragment);
  GdkContentProvider *providers[3];
  guint n = 0;

  providers[n++] = gdk_content_provider_new_for_bytes (WM_CANVAS_ITEMS_MIME_TYPE, data);
  if ((providers[n] = rendering_provider (diagram, WM_EXPORT_PNG, "image/png")) != NULL)
    n++;
  if ((providers[n] = rendering_provider (diagram, WM_EXPORT_SVG, "image/svg+xml")) != NULL)
    n++;
  return gdk_content_provider_new_union (providers, n);
}

static gboolean
copy_selection (WmCanvas *self)
{
  g_autoptr(WmProject) fragment = make_fragment (self);
  g_autoptr(GdkContentProvider) provider = NULL;

  if (fragment == NULL)
    return FALSE;
  provider = fragment_provider (fragment);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
  return TRUE;
}

static void
paste_data (WmCanvas *self,
            GBytes   *data)
{
  g_autoptr(WmProject) fragment = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *text = g_bytes_get_data (data, &size);
  guint hash = g_bytes_hash (data);

  /* Translators: a noun: names the clipboard's contents in error messages */
  fragment = wm_project_load_from_data (text, size, _("Clipboard"), &error);
  if (fragment == NULL || wm_project_get_n_diagrams (fragment) != 1)
    {
      g_debug ("Cannot paste: %s", error ? error->message : "not one diagram");
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  /* Pasting the same items again puts each copy further down and right. */
  self->paste_count = hash == self->paste_hash ? self->paste_count + 1 : 1;
  self->paste_hash = hash;
  if (!paste_fragment (self, wm_project_get_diagram (fragment, 0),
                       /* Translators: an undo label: the verb, as in the Edit menu */
                       PASTE_OFFSET * self->paste_count, _("Paste")))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
paste_spliced (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(WmCanvas) self = user_data;
  GMemoryOutputStream *out = G_MEMORY_OUTPUT_STREAM (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;

  self->pasting = FALSE;
  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (out), result, &error) < 0)
    {
      g_debug ("Cannot read the clipboard: %s", error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  data = g_memory_output_stream_steal_as_bytes (out);
  paste_data (self, data);
}

static void
paste_read (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(WmCanvas) self = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, NULL, &error);
  if (stream == NULL)
    {
      g_debug ("Cannot read the clipboard: %s", error->message);
      self->pasting = FALSE;
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  /* Asynchronously: our own clipboard is written by this same main loop. */
  out = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (out, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, paste_spliced,
                                g_steal_pointer (&self));
}

/* Actions */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  if (!copy_selection (WM_CANVAS (widget)))
    gtk_widget_error_bell (widget);
}

static void
cut_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  g_auto(GStrv) ids = NULL;

  if (!_wm_canvas_is_writable (self) || !copy_selection (self))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  ids = wm_canvas_get_selection (self);
  wm_diagram_remove_items (self->diagram, (const char *const *) ids);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  const char *mime_types[] = { WM_CANVAS_ITEMS_MIME_TYPE, NULL };

  if (!_wm_canvas_is_writable (self) ||
      !gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard),
                                              WM_CANVAS_ITEMS_MIME_TYPE))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  self->pasting = TRUE;
  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL, paste_read,
                            g_object_ref (self));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  g_autoptr(WmProject) fragment = NULL;

  if (!_wm_canvas_is_writable (self) || (fragment = make_fragment (self)) == NULL ||
      !paste_fragment (self, wm_project_get_diagram (fragment, 0), PASTE_OFFSET,
                       /* Translators: an undo label: the verb, as in the Edit menu */
                       _("Duplicate")))
    gtk_widget_error_bell (widget);
}

/* Stacking: "top", "up", "down" or "bottom" */

static gboolean
is_selected_at (WmCanvas *self,
                guint     position)
{
  return _wm_canvas_is_selected (self, wm_diagram_get_item (self->diagram, position)->id);
}

static void
restack_one (WmCanvas   *self,
             const char *id,
             const char *where)
{
  WmItem *item = wm_diagram_lookup (self->diagram, id);
  guint n = wm_diagram_get_n_items (self->diagram);

  if (g_str_equal (where, "top"))
    wm_diagram_restack (self->diagram, id, G_MAXUINT);
  else if (g_str_equal (where, "bottom"))
    wm_diagram_restack (self->diagram, id, 0);
  /* A selected neighbour that could not move keeps the selection's order. */
  else if (g_str_equal (where, "up") && item->z + 1 < n && !is_selected_at (self, item->z + 1))
    wm_diagram_restack (self->diagram, id, item->z + 1);
  else if (g_str_equal (where, "down") && item->z > 0 && !is_selected_at (self, item->z - 1))
    wm_diagram_restack (self->diagram, id, item->z - 1);
}

static void
restack_selection (WmCanvas   *self,
                   const char *where)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_auto(GStrv) ids = wm_canvas_get_selection (self);
  guint n = g_strv_length (ids);
  /* Items move one by one, so that they keep their order among themselves. */
  gboolean top_first = g_str_equal (where, "up") || g_str_equal (where, "bottom");
  WmProject *project;

  if (!_wm_canvas_is_writable (self) || n == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  project = wm_diagram_get_project (self->diagram);
  if (project != NULL)
    wm_project_begin_group (project, _("Change Stacking Order"));
  for (guint i = 0; i < n; i++)
    restack_one (self, ids[top_first ? n - 1 - i : i], where);
  if (project != NULL)
    wm_project_end_group (project);
}

static void
raise_to_top_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  restack_selection (WM_CANVAS (widget), "top");
}

static void
raise_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  restack_selection (WM_CANVAS (widget), "up");
}

static void
lower_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  restack_selection (WM_CANVAS (widget), "down");
}

static void
lower_to_bottom_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  restack_selection (WM_CANVAS (widget), "bottom");
}

/* Aligning and distributing */

/* The selected nodes, in z-order. */
static GPtrArray *
selected_nodes (WmCanvas *self)
{
  GPtrArray *nodes = g_ptr_array_new ();
  g_auto(GStrv) ids = wm_canvas_get_selection (self);

  for (guint i = 0; self->diagram != NULL && ids[i] != NULL; i++)
    {
      WmItem *item = wm_diagram_lookup (self->diagram, ids[i]);

      if (item != NULL && wm_item_is_node (item))
        g_ptr_array_add (nodes, item);
    }
  return nodes;
}

static void
set_bounds_all (WmCanvas   *self,
                GPtrArray  *nodes,
                WmRect     *bounds,
                const char *label)
{
  WmProject *project = wm_diagram_get_project (self->diagram);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  /* The ids first: each edit may move the items in memory. */
  for (guint i = 0; i < nodes->len; i++)
    g_ptr_array_add (ids, g_strdup (((WmItem *) g_ptr_array_index (nodes, i))->id));
  if (project != NULL)
    wm_project_begin_group (project, label);
  for (guint i = 0; i < ids->len; i++)
    wm_diagram_set_bounds (self->diagram, g_ptr_array_index (ids, i), &bounds[i]);
  if (project != NULL)
    wm_project_end_group (project);
}

static gboolean
align_rect (WmRect       *rect,
            const WmRect *box,
            const char   *edge)
{
  if (g_str_equal (edge, "left"))
    rect->x = box->x;
  else if (g_str_equal (edge, "center"))
    rect->x = box->x + (box->width - rect->width) / 2;
  else if (g_str_equal (edge, "right"))
    rect->x = box->x + box->width - rect->width;
  else if (g_str_equal (edge, "top"))
    rect->y = box->y;
  else if (g_str_equal (edge, "middle"))
    rect->y = box->y + (box->height - rect->height) / 2;
  else if (g_str_equal (edge, "bottom"))
    rect->y = box->y + box->height - rect->height;
  else
    return FALSE;
  return TRUE;
}

static void
align_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  const char *edge = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) nodes = selected_nodes (self);
  g_autofree WmRect *bounds = NULL;
  WmRect box;

  if (!_wm_canvas_is_writable (self) || nodes->len < 2)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  bounds = g_new (WmRect, nodes->len);
  box = ((WmItem *) g_ptr_array_index (nodes, 0))->bounds;
  for (guint i = 0; i < nodes->len; i++)
    {
      bounds[i] = ((WmItem *) g_ptr_array_index (nodes, i))->bounds;
      wm_rect_union (&box, &bounds[i], &box);
    }
  for (guint i = 0; i < nodes->len; i++)
    if (!align_rect (&bounds[i], &box, edge))
      {
        g_warning ("canvas.align: unknown edge “%s”", edge);
        return;
      }
  /* Translators: an undo label: the verb */
  set_bounds_all (self, nodes, bounds, _("Align"));
}

static int
compare_x (gconstpointer a,
           gconstpointer b)
{
  const WmItem *p = *(const WmItem **) a, *q = *(const WmItem **) b;

  return (p->bounds.x > q->bounds.x) - (p->bounds.x < q->bounds.x);
}

static int
compare_y (gconstpointer a,
           gconstpointer b)
{
  const WmItem *p = *(const WmItem **) a, *q = *(const WmItem **) b;

  return (p->bounds.y > q->bounds.y) - (p->bounds.y < q->bounds.y);
}

/* Spaces the nodes, sorted by position, so that the gaps between them are
 * equal and the first and the farthest edge stay where they were. */
static void
distribute_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  gboolean horizontal = g_str_equal (g_variant_get_string (parameter, NULL), "horizontal");
  g_autoptr(GPtrArray) nodes = selected_nodes (self);
  g_autofree WmRect *bounds = NULL;
  double start, end = -G_MAXDOUBLE, sizes = 0, gap, at;

  if (!_wm_canvas_is_writable (self) || nodes->len < 3)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  g_ptr_array_sort (nodes, horizontal ? compare_x : compare_y);
  bounds = g_new (WmRect, nodes->len);
  for (guint i = 0; i < nodes->len; i++)
    {
      bounds[i] = ((WmItem *) g_ptr_array_index (nodes, i))->bounds;
      sizes += horizontal ? bounds[i].width : bounds[i].height;
      end = MAX (end, horizontal ? bounds[i].x + bounds[i].width : bounds[i].y + bounds[i].height);
    }
  start = horizontal ? bounds[0].x : bounds[0].y;
  gap = (end - start - sizes) / (nodes->len - 1);
  at = start;
  for (guint i = 0; i < nodes->len; i++)
    {
      *(horizontal ? &bounds[i].x : &bounds[i].y) = at;
      at += (horizontal ? bounds[i].width : bounds[i].height) + gap;
    }
  /* Translators: an undo label: the verb (spread items evenly) */
  set_bounds_all (self, nodes, bounds, _("Distribute"));
}

/* The in-place editor's hint */

GtkWidget *
_wm_canvas_edit_hint_new (gboolean multiline)
{
  /* Enter adds a line to a note or a card, so Ctrl+Enter finishes it. */
  GtkWidget *hint = gtk_label_new (multiline ? _("Ctrl+Enter to finish, Esc to cancel")
                                             : _("Enter to finish, Esc to cancel"));

  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_name (hint, "edit-hint");
  return hint;
}

void
_wm_canvas_class_init_edit (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, cut_action);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "canvas.raise-to-top", NULL,
                                   raise_to_top_action);
  gtk_widget_class_install_action (widget_class, "canvas.raise", NULL, raise_action);
  gtk_widget_class_install_action (widget_class, "canvas.lower", NULL, lower_action);
  gtk_widget_class_install_action (widget_class, "canvas.lower-to-bottom", NULL,
                                   lower_to_bottom_action);
  /* "left", "center", "right", "top", "middle" or "bottom". */
  gtk_widget_class_install_action (widget_class, "canvas.align", "s", align_action);
  /* "horizontal" or "vertical". */
  gtk_widget_class_install_action (widget_class, "canvas.distribute", "s", distribute_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK,
                                       "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK,
                                       "canvas.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "canvas.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "canvas.raise-to-top", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "canvas.raise", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "canvas.lower", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "canvas.lower-to-bottom", NULL);
}
