/* wm-format-writer.c — the deterministic .waymark writer and atomic saves
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writer builds the document by hand rather than through a DOM so that
 * every byte is under our control: fixed attribute order, two-space indent,
 * one item per line, numbers in their shortest exact C-locale form. The same
 * project therefore always writes the same bytes, and opening and saving an
 * unchanged file leaves it byte-identical.
 */
#define G_LOG_DOMAIN "wm-format-writer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-diagram-private.h"
#include "wm-error.h"
#include "wm-format.h"
#include "wm-format-private.h"
#include "wm-merge.h"
#include "wm-project-private.h"
#include "wm-safe-save.h"

/* Escapes for XML 1.0. Characters XML cannot carry at all (controls other
 * than tab, line feed and carriage return) are dropped. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, attribute ? "&quot;" : "\""); break;
        case '\r': g_string_append (out, "&#13;"); break;
        case '\n': g_string_append (out, attribute ? "&#10;" : "\n"); break;
        case '\t': g_string_append (out, attribute ? "&#9;" : "\t"); break;
        default:
          if ((guchar) *p >= 0x20)
            g_string_append_c (out, *p);
        }
    }
}

static void
append_attr (GString    *out,
             const char *name,
             const char *value)
{
  g_string_append_printf (out, " %s=\"", name);
  append_escaped (out, value, TRUE);
  g_string_append_c (out, '"');
}

static void
append_number_attr (GString    *out,
                    const char *name,
                    double      value)
{
  g_string_append_printf (out, " %s=\"", name);
  wm_format_number (out, value);
  g_string_append_c (out, '"');
}

static void
indent (GString *out,
        guint    level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
append_text_element (GString    *out,
                     guint       level,
                     const char *tag,
                     const char *name,
                     const char *text)
{
  indent (out, level);
  g_string_append_printf (out, "<%s", tag);
  if (name != NULL)
    append_attr (out, "name", name);
  g_string_append_c (out, '>');
  append_escaped (out, text, FALSE);
  g_string_append_printf (out, "</%s>\n", tag);
}

static gboolean
is_long (const char *text)
{
  return strchr (text, '\n') != NULL || strchr (text, '\r') != NULL;
}

static gboolean
value_is_child (const WmPropSpec *spec,
                const WmValue    *value)
{
  if (spec->type == WM_PROP_STRING_LIST)
    return TRUE;
  return (spec->type == WM_PROP_STRING || spec->type == WM_PROP_TEXT ||
          spec->type == WM_PROP_IMAGE) && is_long (value->v.string);
}

/* Short values as attributes, in the order of the spec table. */
static void
append_value_attrs (GString          *out,
                    const WmPropSpec *specs,
                    guint             n_specs,
                    const WmValue    *values)
{
  for (guint i = 0; values != NULL && i < n_specs; i++)
    {
      g_autofree char *text = NULL;

      if (!values[i].set || value_is_child (&specs[i], &values[i]))
        continue;
      text = wm_value_to_string (&specs[i], &values[i]);
      append_attr (out, specs[i].name, text);
    }
}

static gboolean
has_child_values (const WmPropSpec *specs,
                  guint             n_specs,
                  const WmValue    *values)
{
  for (guint i = 0; values != NULL && i < n_specs; i++)
    if (values[i].set && value_is_child (&specs[i], &values[i]))
      return TRUE;
  return FALSE;
}

static void
append_value_children (GString          *out,
                       guint             level,
                       const WmPropSpec *specs,
                       guint             n_specs,
                       const WmValue    *values)
{
  for (guint i = 0; values != NULL && i < n_specs; i++)
    {
      if (!values[i].set || !value_is_child (&specs[i], &values[i]))
        continue;
      if (specs[i].type != WM_PROP_STRING_LIST)
        {
          append_text_element (out, level, "text", specs[i].name, values[i].v.string);
          continue;
        }
      indent (out, level);
      g_string_append (out, "<entries");
      append_attr (out, "name", specs[i].name);
      if (values[i].v.strv == NULL || values[i].v.strv[0] == NULL)
        {
          g_string_append (out, "/>\n");
          continue;
        }
      g_string_append (out, ">\n");
      for (guint j = 0; values[i].v.strv[j] != NULL; j++)
        append_text_element (out, level + 1, "entry", NULL, values[i].v.strv[j]);
      indent (out, level);
      g_string_append (out, "</entries>\n");
    }
}

static void
append_points (GString      *out,
               const WmItem *item)
{
  if (item->n_points == 0)
    return;
  g_string_append (out, " points=\"");
  for (guint i = 0; i < item->n_points; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      wm_format_number (out, item->points[i].x);
      g_string_append_c (out, ',');
      wm_format_number (out, item->points[i].y);
    }
  g_string_append_c (out, '"');
}

static void
append_item (GString      *out,
             const WmItem *item)
{
  const WmItemType *type = item->type;
  const char *tag = wm_item_is_node (item) ? "node" : "link";
  gboolean long_text = is_long (item->text);

  indent (out, 2);
  g_string_append_printf (out, "<%s", tag);
  append_attr (out, "id", item->id);
  append_attr (out, "type", type->id);
  if (wm_item_is_node (item))
    {
      append_number_attr (out, "x", item->bounds.x);
      append_number_attr (out, "y", item->bounds.y);
      append_number_attr (out, "w", item->bounds.width);
      append_number_attr (out, "h", item->bounds.height);
      if (item->parent != NULL)
        append_attr (out, "parent", item->parent);
    }
  else
    {
      append_attr (out, "source", item->source);
      append_attr (out, "target", item->target);
      append_points (out, item);
    }
  if (item->text[0] != '\0' && !long_text)
    append_attr (out, "text", item->text);
  append_value_attrs (out, type->props, type->n_props, item->props);

  if (!long_text && !has_child_values (type->props, type->n_props, item->props))
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");
  if (long_text)
    append_text_element (out, 3, "text", NULL, item->text);
  append_value_children (out, 3, type->props, type->n_props, item->props);
  indent (out, 2);
  g_string_append_printf (out, "</%s>\n", tag);
}

static void
append_list (GString    *out,
             const char *name,
             GPtrArray  *entries)
{
  indent (out, 2);
  g_string_append (out, "<list");
  append_attr (out, "name", name);
  if (entries->len == 0)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");
  for (guint i = 0; i < entries->len; i++)
    {
      WmListEntry *entry = g_ptr_array_index (entries, i);

      indent (out, 3);
      g_string_append (out, "<entry");
      append_attr (out, "id", entry->id);
      g_string_append_c (out, '>');
      append_escaped (out, entry->label, FALSE);
      g_string_append (out, "</entry>\n");
    }
  indent (out, 2);
  g_string_append (out, "</list>\n");
}

static void
append_diagram (GString   *out,
                WmDiagram *diagram)
{
  const WmNotation *notation = wm_diagram_get_notation (diagram);
  WmValue *values = _wm_diagram_get_values (diagram);

  indent (out, 1);
  g_string_append (out, "<diagram");
  append_attr (out, "id", wm_diagram_get_id (diagram));
  append_attr (out, "notation", notation->id);
  append_attr (out, "name", wm_diagram_get_name (diagram));
  append_value_attrs (out, notation->props, notation->n_props, values);
  g_string_append (out, ">\n");

  append_value_children (out, 2, notation->props, notation->n_props, values);
  for (guint i = 0; i < notation->n_lists; i++)
    append_list (out, notation->lists[i].name,
                 wm_diagram_get_list (diagram, notation->lists[i].name));
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    append_item (out, wm_diagram_get_item (diagram, i));

  indent (out, 1);
  g_string_append (out, "</diagram>\n");
}

/* What a merge left unresolved (wm-merge.h), after the diagrams. */
static void
append_conflicts (GString   *out,
                  GPtrArray *conflicts)
{
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      const WmConflict *conflict = conflicts->pdata[i];

      indent (out, 1);
      g_string_append (out, "<conflict");
      if (conflict->diagram != NULL)
        append_attr (out, "diagram", conflict->diagram);
      if (conflict->item != NULL)
        append_attr (out, "item", conflict->item);
      if (conflict->property != NULL)
        append_attr (out, "property", conflict->property);
      if (conflict->ours == NULL && conflict->theirs == NULL)
        {
          g_string_append (out, "/>\n");
          continue;
        }
      g_string_append (out, ">\n");
      if (conflict->ours != NULL)
        append_text_element (out, 2, "ours", NULL, conflict->ours);
      if (conflict->theirs != NULL)
        append_text_element (out, 2, "theirs", NULL, conflict->theirs);
      indent (out, 1);
      g_string_append (out, "</conflict>\n");
    }
}


GBytes *
wm_project_serialize (WmProject *project)
{
  GString *out;
  guint n_items = 0;

  g_return_val_if_fail (WM_IS_PROJECT (project), NULL);

  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    n_items += wm_diagram_get_n_items (wm_project_get_diagram (project, i));
  out = g_string_sized_new (256 + (gsize) n_items * 128);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (out, "<waymark-project format=\"%d\">\n", WM_FORMAT_VERSION);
  if (*wm_project_get_title (project) != '\0')
    append_text_element (out, 1, "title", NULL, wm_project_get_title (project));
  if (*wm_project_get_author (project) != '\0')
    append_text_element (out, 1, "author", NULL, wm_project_get_author (project));
  if (*wm_project_get_description (project) != '\0')
    append_text_element (out, 1, "description", NULL, wm_project_get_description (project));
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    append_diagram (out, wm_project_get_diagram (project, i));
  append_conflicts (out, _wm_project_peek_conflicts (project));
  g_string_append (out, "</waymark-project>\n");

  return g_string_free_to_bytes (out);
}

/* The etag a save must find on disk: the one read or written last, when the
 * project is saved over its own file. Another target was chosen by the user
 * (save as), so whatever is there is meant to be replaced. */
static const char *
expected_etag (WmProject   *project,
               GFile       *file,
               WmSaveFlags  flags)
{
  GFile *own = wm_project_get_file (project);

  if ((flags & WM_SAVE_OVERWRITE_CHANGES) || own == NULL || !g_file_equal (own, file))
    return NULL;
  return wm_project_get_file_etag (project);
}

/* Runs the reader's own checks of the raw bytes on what is about to be
 * written, so that a save never makes a file that cannot be opened again:
 * the per-edit limits keep each value readable, but totals (the file's
 * size, its number of elements) can only be checked on the whole. */
static gboolean
check_reopens (GFile   *file,
               GBytes  *bytes,
               GError **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GError) local_error = NULL;

  if (_wm_format_scan (data, size, name, &local_error))
    return TRUE;
  g_set_error (error, WM_ERROR, WM_ERROR_INVALID,
               /* Translators: %s is why the reader would refuse the file, with its line. */
               _("The project was not saved, because it could not be opened again: %s"),
               local_error->message);
  return FALSE;
}

gboolean
wm_project_save (WmProject    *project,
                 GFile        *file,
                 GCancellable *cancellable,
                 GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *etag = NULL;

  g_return_val_if_fail (WM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = wm_project_serialize (project);
  if (!check_reopens (file, bytes, error) ||
      !wm_safe_save_bytes (file, bytes, WM_SAFE_SAVE_NONE,
                           expected_etag (project, file, WM_SAVE_NONE), &etag, cancellable, error))
    return FALSE;
  wm_project_set_file (project, file);
  wm_project_set_file_etag (project, etag);
  wm_project_mark_saved (project);
  return TRUE;
}

typedef struct
{
  GFile    *file;
  GBytes   *bytes;
  char     *expected_etag;
  char     *etag;   /* the file's etag once written */
  guint64   state;  /* the history state that the bytes hold */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->file);
  g_bytes_unref (data->bytes);
  g_free (data->expected_etag);
  g_free (data->etag);
  g_free (data);
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (!check_reopens (data->file, data->bytes, &error) ||
      !wm_safe_save_bytes (data->file, data->bytes, WM_SAFE_SAVE_NONE, data->expected_etag,
                           &data->etag, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
wm_project_save_async (WmProject          *project,
                       GFile              *file,
                       WmSaveFlags         flags,
                       GCancellable       *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (WM_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));

  /* The bytes are taken now; edits made while they are written start a new
   * undo step, so the project is marked saved at exactly this state. */
  data = g_new0 (SaveData, 1);
  data->bytes = wm_project_serialize (project);
  data->state = _wm_project_save_point (project);
  data->file = g_object_ref (file);
  data->expected_etag = g_strdup (expected_etag (project, file, flags));

  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, (gpointer) (guintptr) wm_project_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_in_thread);
}

gboolean
wm_project_save_finish (WmProject    *project,
                        GAsyncResult *result,
                        GError      **error)
{
  SaveData *data;

  g_return_val_if_fail (g_task_is_valid (result, project), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  wm_project_set_file (project, data->file);
  wm_project_set_file_etag (project, data->etag);
  _wm_project_mark_saved_state (project, data->state);
  return TRUE;
}
