/* wm-inspector.c — the property inspector, generated from the property specs
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inspector builds one row per property spec of the target's type (or of
 * the notation's diagram-level fields), choosing the editor from the spec's
 * type. Every edit goes through WmDiagram, so it is undoable; a value the
 * model refuses is flagged on its row and not applied. The rows follow the
 * model's "changed" signal: values are written back into the existing
 * widgets, with the edit handlers muted meanwhile so that nothing echoes.
 *
 * Item references (REFS) get a group of their own, one row per linked item,
 * which may live in any diagram of the project: so the inspector follows the
 * changes of every diagram, not only the shown one's. The diagram itself
 * shows its notation's lists (stages, lanes, a colour legend) as editable
 * rows.
 *
 * This file holds the widget, the generic rows (entries, texts, spin
 * buttons, switches, dropdowns, colours, suggested values, string lists),
 * the building and updating of the page and the watching of the project.
 * The links are in wm-inspector-links.c, the diagram lists in
 * wm-inspector-lists.c; wm-inspector-private.h has what they share. The
 * fixed parts around the generated page (its stack, the empty state) are in
 * wm-inspector.ui.
 */
#define G_LOG_DOMAIN "wm-inspector"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "wm-inspector-private.h"
#include "wm-widgets-resources.h"

/* A diagram of the project the inspector follows, besides the shown one. */
typedef struct
{
  WmDiagram *diagram;
  gulong     changed_id;
} Watch;

G_DEFINE_FINAL_TYPE (WmInspector, wm_inspector, ADW_TYPE_BIN)

static void update_rows (WmInspector *self);

const char *
_wm_inspector_tr (const char *msgid)
{
  return msgid != NULL ? g_dgettext (GETTEXT_PACKAGE, msgid) : NULL;
}

void
_wm_inspector_label_editor (GtkWidget  *editor,
                            const char *title)
{
  GtkWidget *inner = gtk_widget_get_first_child (editor);

  gtk_accessible_update_property (GTK_ACCESSIBLE (editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* A colour button's own button takes the focus: a screen reader names that one. */
  if (GTK_IS_COLOR_BUTTON (editor) && GTK_IS_BUTTON (inner))
    gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    -1);
}

static void
row_free (Row *row)
{
  g_clear_object (&row->choices);
  g_clear_pointer (&row->slot_ids, g_ptr_array_unref);
  g_clear_pointer (&row->values, g_ptr_array_unref);
  g_free (row->shown);
  g_free (row);
}

static WmItem *
target_item (WmInspector *self)
{
  if (self->diagram == NULL || self->item_id == NULL)
    return NULL;
  return wm_diagram_lookup (self->diagram, self->item_id);
}

const WmValue *
_wm_inspector_row_value (Row *row)
{
  WmInspector *self = row->self;
  WmItem *item = target_item (self);

  if (self->diagram == NULL)
    return NULL;
  if (self->item_id == NULL)
    return wm_diagram_get_value (self->diagram, row->spec->name, NULL);
  return item != NULL ? wm_item_get_value (item, row->spec->name, NULL) : NULL;
}

/* Errors */

static void
row_show_error (Row          *row,
                const GError *error)
{
  gtk_widget_add_css_class (row->row, "error");
  gtk_widget_set_tooltip_text (row->row, error->message);
}

static void
row_clear_error (Row *row)
{
  const char *hint = row->spec != NULL ? _wm_inspector_tr (row->spec->hint) : NULL;

  gtk_widget_remove_css_class (row->row, "error");
  gtk_widget_set_tooltip_text (row->row, hint);
}

/* Edits */

gboolean
_wm_inspector_row_apply (Row        *row,
                         const char *text)
{
  WmInspector *self = row->self;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->updating > 0 || self->diagram == NULL)
    return FALSE;

  /* The model refuses a text longer than a file may hold; the limit's own
   * message says why, where the name and the text have no other. */
  if (text != NULL && !wm_limits_check_text (text, &error))
    ok = FALSE;
  else if (row->spec == NULL && self->item_id != NULL)
    ok = wm_diagram_set_text (self->diagram, self->item_id, text);
  else if (row->spec == NULL)
    ok = wm_diagram_rename (self->diagram, text);
  else if (self->item_id != NULL)
    ok = wm_diagram_set_property (self->diagram, self->item_id, row->spec->name, text, &error);
  else
    ok = wm_diagram_set_field (self->diagram, row->spec->name, text, &error);

  if (!ok && error == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                         _("The change was refused; the project may be read-only."));
  if (ok)
    {
      row_clear_error (row);
      return TRUE;
    }

  /* The model keeps its value; so does the row, after it shows why. */
  row_show_error (row, error);
  self->updating++;
  update_rows (self);
  self->updating--;
  row_show_error (row, error);
  return FALSE;
}

void
_wm_inspector_break_merge (WmInspector *self)
{
  WmProject *project = self->diagram ? wm_diagram_get_project (self->diagram) : NULL;

  if (project != NULL)
    wm_project_break_merge (project);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                Row                     *row)
{
  _wm_inspector_break_merge (row->self);
}

static void
on_editable_changed (GtkEditable *editable,
                     Row         *row)
{
  _wm_inspector_row_apply (row, gtk_editable_get_text (editable));
}

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   Row           *row)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  _wm_inspector_row_apply (row, text);
}

static void
format_spin_value (const WmPropSpec *spec,
                   double            value,
                   GString          *out)
{
  if (spec->type == WM_PROP_INTEGER)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) round (value));
  else
    wm_format_number (out, round (value * 1000) / 1000);
}

/* The value as the spin button shows it: with the decimal separator of the
 * user's locale, where format_spin_value writes the model's C syntax. */
static void
format_spin_display (const WmPropSpec *spec,
                     double            value,
                     GString          *out)
{
  double shown = round (value * 1000) / 1000;

  if (spec->type == WM_PROP_INTEGER)
    format_spin_value (spec, value, out);
  else
    g_string_append_printf (out, "%.15g", shown == 0 ? 0 : shown);
}

static void
on_spin_value_changed (GtkSpinButton *spin,
                       Row           *row)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const WmValue *current;
  double value = gtk_spin_button_get_value (spin);

  if (row->self->updating > 0)
    return;
  /* A refused entry makes the spin button announce its old value again. */
  current = _wm_inspector_row_value (row);
  if (current != NULL && wm_value_get_number (row->spec, current) == value)
    return;
  format_spin_value (row->spec, value, text);
  _wm_inspector_row_apply (row, text->str);
}

/* A number as typed, in the file's syntax or the user's locale. */
static gboolean
parse_spin_text (const char *text,
                 double     *value)
{
  char *end = NULL;

  if (wm_parse_number (text, value))
    return TRUE;
  *value = g_strtod (text, &end);
  return end != text && *end == '\0';
}

/* Reads what was typed; a number out of range goes to the model anyway so
 * that the row can say what the model expects instead of clamping silently. */
static int
on_spin_input (GtkSpinButton *spin,
               double        *new_value,
               Row           *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_autoptr(GString) number = g_string_new (NULL);
  const WmPropSpec *spec = row->spec;
  double value;

  if (!parse_spin_text (text, &value))
    {
      _wm_inspector_row_apply (row, text);
      return GTK_INPUT_ERROR;
    }
  if (spec->has_range && (value < spec->min || value > spec->max))
    {
      wm_format_number (number, value);
      if (!_wm_inspector_row_apply (row, number->str))
        return GTK_INPUT_ERROR;
    }
  /* The value may be the model's already, and then nothing is applied:
   * the mark of an earlier refusal goes all the same. */
  row_clear_error (row);
  *new_value = value;
  return TRUE;
}

/* The mark of a refused value goes as soon as the text is a valid one
 * again, before it is applied (on Enter or when the focus leaves). */
static void
on_spin_text_changed (GtkEditable *editable,
                      Row         *row)
{
  const WmPropSpec *spec = row->spec;
  double value;

  if (row->self->updating > 0 || !gtk_widget_has_css_class (row->row, "error") ||
      !parse_spin_text (gtk_editable_get_text (editable), &value))
    return;
  if (!spec->has_range || (value >= spec->min && value <= spec->max))
    row_clear_error (row);
}

static gboolean
on_spin_output (GtkSpinButton *spin,
                Row           *row)
{
  g_autoptr(GString) text = g_string_new (NULL);

  format_spin_display (row->spec, gtk_spin_button_get_value (spin), text);
  if (!g_str_equal (text->str, gtk_editable_get_text (GTK_EDITABLE (spin))))
    gtk_editable_set_text (GTK_EDITABLE (spin), text->str);
  return TRUE;
}

static void
on_switch_active (GtkSwitch  *widget,
                  GParamSpec *pspec,
                  Row        *row)
{
  _wm_inspector_row_apply (row, gtk_switch_get_active (widget) ? "true" : "false");
}

static void
on_combo_selected (AdwComboRow *combo,
                   GParamSpec  *pspec,
                   Row         *row)
{
  guint selected = adw_combo_row_get_selected (combo);

  if (selected == GTK_INVALID_LIST_POSITION || row->self->updating > 0)
    return;
  if (row->spec->type == WM_PROP_ENUM)
    _wm_inspector_row_apply (row, row->spec->choices[selected].id);
  else if (row->values != NULL)
    {
      if (selected < row->values->len)
        _wm_inspector_row_apply (row, g_ptr_array_index (row->values, selected));
    }
  else if (selected == 0)
    _wm_inspector_row_apply (row, NULL);
  else if (selected - 1 < row->slot_ids->len)
    _wm_inspector_row_apply (row, g_ptr_array_index (row->slot_ids, selected - 1));
}

static void
on_color_set (GtkColorChooser *chooser,
              GParamSpec      *pspec,
              Row             *row)
{
  GdkRGBA rgba;
  g_autofree char *text = NULL;

  gtk_color_chooser_get_rgba (chooser, &rgba);
  text = g_strdup_printf ("#%02x%02x%02x", (guint) round (CLAMP (rgba.red, 0, 1) * 255),
                          (guint) round (CLAMP (rgba.green, 0, 1) * 255),
                          (guint) round (CLAMP (rgba.blue, 0, 1) * 255));
  _wm_inspector_row_apply (row, text);
}

/* Reading the model into the rows */

void
_wm_inspector_set_editable_text (GtkEditable *editable,
                                 const char  *text)
{
  if (!g_str_equal (gtk_editable_get_text (editable), text ? text : ""))
    gtk_editable_set_text (editable, text ? text : "");
}

static void
set_text_view_text (GtkTextView *view,
                    const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *current = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!g_str_equal (current, text ? text : ""))
    gtk_text_buffer_set_text (buffer, text ? text : "", -1);
}

static void
refill_slot_choices (Row *row)
{
  GPtrArray *entries = wm_diagram_get_list (row->self->diagram, row->spec->list);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (row->choices));
  gboolean same = entries != NULL && row->slot_ids->len == entries->len;

  for (guint i = 0; same && i < entries->len; i++)
    {
      const WmListEntry *entry = g_ptr_array_index (entries, i);

      same = g_str_equal (entry->id, g_ptr_array_index (row->slot_ids, i)) &&
             g_str_equal (entry->label, gtk_string_list_get_string (row->choices, i + 1));
    }
  if (same)
    return;

  g_ptr_array_set_size (row->slot_ids, 0);
  g_ptr_array_add (labels, (gpointer) C_("slot", "None"));
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const WmListEntry *entry = g_ptr_array_index (entries, i);

      g_ptr_array_add (row->slot_ids, g_strdup (entry->id));
      g_ptr_array_add (labels, entry->label);
    }
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (row->choices, 0, n_before, (const char *const *) labels->pdata);
}

static guint
slot_position (Row        *row,
               const char *id)
{
  for (guint i = 0; id != NULL && i < row->slot_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (row->slot_ids, i), id))
      return i + 1;
  return 0;
}

/* Suggested values */

/* Fills a suggested STRING's dropdown: "None", the values its spec offers,
 * and the stored value when it is not among them, so that a value the model
 * check flags stays in sight. Returns the position of the stored value. */
static guint
refill_suggestions (Row        *row,
                    const char *current)
{
  WmItem *item = target_item (row->self);
  g_auto(GStrv) offered = row->spec->suggest (row->self->diagram, item);
  g_autofree char *wanted = g_strstrip (g_strdup (current ? current : ""));
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (row->choices));
  guint position = 0;
  gboolean same;

  g_ptr_array_add (values, NULL);
  g_ptr_array_add (labels, g_strdup (C_("extension point", "None")));
  for (guint i = 0; offered != NULL && offered[i] != NULL; i++)
    {
      g_autofree char *value = g_strstrip (g_strdup (offered[i]));

      if (*value == '\0')
        continue;
      if (position == 0 && g_str_equal (value, wanted))
        position = values->len;
      g_ptr_array_add (labels, g_strdup (value));
      g_ptr_array_add (values, g_steal_pointer (&value));
    }
  if (position == 0 && *wanted != '\0')
    {
      position = values->len;
      /* Translators: an extension point (or other value) that the linked item does not offer */
      g_ptr_array_add (labels, g_strdup_printf (_("%s (not offered)"), wanted));
      g_ptr_array_add (values, g_strdup (current));
    }

  same = n_before == labels->len;
  for (guint i = 0; same && i < labels->len; i++)
    same = g_str_equal (gtk_string_list_get_string (row->choices, i),
                        g_ptr_array_index (labels, i));
  g_clear_pointer (&row->values, g_ptr_array_unref);
  row->values = g_steal_pointer (&values);
  if (!same)
    {
      g_ptr_array_add (labels, NULL);
      gtk_string_list_splice (row->choices, 0, n_before, (const char *const *) labels->pdata);
    }
  return position;
}

/* String lists: a row per string */

static GtkListBox *
strings_list (Row *row)
{
  return GTK_LIST_BOX (row->editor);
}

/* Writes the rows' strings, leaving out the one at @skip (-1: none) and
 * adding @extra (or not, when NULL). An empty row is not written while it
 * is being typed in: the list would lose it, and the row its focus. */
static gboolean
strings_apply (Row        *row,
               int         skip,
               const char *extra)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GtkListBoxRow *line;
  guint n = 0;

  for (int i = 0; (line = gtk_list_box_get_row_at_index (strings_list (row), i)) != NULL; i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (line));

      if (i == skip)
        continue;
      if (*text == '\0')
        {
          if (extra == NULL && skip < 0)
            return FALSE;
          continue;
        }
      g_string_append_printf (out, "%s%s", n++ > 0 ? "\n" : "", text);
    }
  if (extra != NULL)
    g_string_append_printf (out, "%s%s", n++ > 0 ? "\n" : "", extra);
  if (skip >= 0 || extra != NULL)
    _wm_inspector_break_merge (row->self);
  return _wm_inspector_row_apply (row, n > 0 ? out->str : NULL);
}

static void
on_string_changed (GtkEditable *editable,
                   Row         *row)
{
  if (row->self->updating == 0)
    strings_apply (row, -1, NULL);
}

static void
on_string_remove_clicked (GtkButton *button,
                          Row       *row)
{
  strings_apply (row, (int) _wm_inspector_link_index (GTK_WIDGET (button)), NULL);
}

static void
on_string_add_clicked (GtkButton *button,
                       Row       *row)
{
  GtkListBoxRow *line;
  guint n = 0;

  if (!strings_apply (row, -1, _("New entry")))
    return;
  while (gtk_list_box_get_row_at_index (strings_list (row), n) != NULL)
    n++;
  /* The new string is the next thing to type over. */
  if (n > 0 && (line = gtk_list_box_get_row_at_index (strings_list (row), n - 1)) != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (line));
      gtk_editable_select_region (GTK_EDITABLE (line), 0, -1);
    }
}

static GtkWidget *
string_row_new (Row        *row,
                const char *text,
                guint       index)
{
  GtkWidget *line = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkEventController *focus;
  g_autofree char *title = NULL;

  gtk_widget_set_name (remove, "remove-string");
  /* Translators: a tooltip, the verb */
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"), -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data (G_OBJECT (remove), "wm-link-index", GUINT_TO_POINTER (index));
  g_signal_connect (remove, "clicked", G_CALLBACK (on_string_remove_clicked), row);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (line), remove);
  /* Above the text, its place in the list, as for a diagram list's entries. */
  title = g_strdup_printf ("%u", index + 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), title);
  _wm_inspector_label_editor (line, _wm_inspector_tr (row->spec->label));
  gtk_editable_set_text (GTK_EDITABLE (line), text);
  g_signal_connect (line, "changed", G_CALLBACK (on_string_changed), row);
  /* Typing in the next string is an undo step of its own. */
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), row);
  gtk_widget_add_controller (line, focus);
  return line;
}

static void
update_strings (Row           *row,
                const WmValue *value)
{
  const char *const *strings = _wm_inspector_refs_ids (value);
  guint n = g_strv_length ((char **) strings), n_rows = 0;
  GtkListBoxRow *line;

  while (gtk_list_box_get_row_at_index (strings_list (row), n_rows) != NULL)
    n_rows++;
  if (n_rows == n)
    {
      /* Same number: only the texts, so that typing in a row goes on. */
      for (guint i = 0; i < n; i++)
        {
          line = gtk_list_box_get_row_at_index (strings_list (row), (int) i);
          /* A row emptied for retyping is not written; leave it be. */
          if (gtk_editable_get_text (GTK_EDITABLE (line))[0] != '\0' || !gtk_widget_has_focus (GTK_WIDGET (line)))
            _wm_inspector_set_editable_text (GTK_EDITABLE (line), strings[i]);
        }
      return;
    }
  while ((line = gtk_list_box_get_row_at_index (strings_list (row), 0)) != NULL)
    gtk_list_box_remove (strings_list (row), GTK_WIDGET (line));
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (strings_list (row), string_row_new (row, strings[i], i));
}

static void update_image_row (Row           *row,
                              const WmValue *value);

static void
update_row (Row *row)
{
  const WmValue *value = _wm_inspector_row_value (row);
  GdkRGBA rgba;

  if (value == NULL)
    return;
  switch (row->spec->type)
    {
    case WM_PROP_STRING:
      if (ADW_IS_COMBO_ROW (row->editor))
        adw_combo_row_set_selected (ADW_COMBO_ROW (row->editor),
                                    refill_suggestions (row, value->v.string));
      else
        _wm_inspector_set_editable_text (GTK_EDITABLE (row->editor), value->v.string);
      break;
    case WM_PROP_TEXT:
      set_text_view_text (GTK_TEXT_VIEW (row->editor), value->v.string);
      break;
    case WM_PROP_STRING_LIST:
      update_strings (row, value);
      break;
    case WM_PROP_NUMBER:
    case WM_PROP_INTEGER:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (row->editor),
                                 wm_value_get_number (row->spec, value));
      break;
    case WM_PROP_BOOLEAN:
      gtk_switch_set_active (GTK_SWITCH (row->editor), value->v.boolean);
      break;
    case WM_PROP_ENUM:
      adw_combo_row_set_selected (ADW_COMBO_ROW (row->editor), value->v.choice);
      break;
    case WM_PROP_SLOT:
      refill_slot_choices (row);
      adw_combo_row_set_selected (ADW_COMBO_ROW (row->editor),
                                  slot_position (row, value->v.string));
      break;
    case WM_PROP_COLOR:
      if (value->v.string != NULL && gdk_rgba_parse (&rgba, value->v.string))
        gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (row->editor), &rgba);
      break;
    case WM_PROP_REFS:
      _wm_inspector_update_links (row, value);
      break;
    case WM_PROP_IMAGE:
      update_image_row (row, value);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
update_rows (WmInspector *self)
{
  WmItem *item = target_item (self);

  self->updating++;
  if (self->text_row != NULL)
    {
      const char *text = item ? item->text : wm_diagram_get_name (self->diagram);

      if (GTK_IS_TEXT_VIEW (self->text_row->editor))
        set_text_view_text (GTK_TEXT_VIEW (self->text_row->editor), text);
      else
        _wm_inspector_set_editable_text (GTK_EDITABLE (self->text_row->editor), text);
    }
  for (guint i = 0; i < self->rows->len; i++)
    update_row (g_ptr_array_index (self->rows, i));
  for (guint i = 0; i < self->lists->len; i++)
    _wm_inspector_update_list (g_ptr_array_index (self->lists, i));
  _wm_inspector_update_backlinks (self);
  self->updating--;
}

/* Building the rows */

static Row *
row_new (WmInspector      *self,
         const WmPropSpec *spec,
         GtkWidget        *row,
         GtkWidget        *editor)
{
  Row *r = g_new0 (Row, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  r->self = self;
  r->spec = spec;
  r->row = row;
  r->editor = editor;
  g_object_set_data_full (G_OBJECT (editor), "wm-inspector-row", r, (GDestroyNotify) row_free);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), r);
  gtk_widget_add_controller (editor, focus);
  if (spec != NULL && spec->hint != NULL)
    {
      gtk_widget_set_tooltip_text (row, _wm_inspector_tr (spec->hint));
      if (ADW_IS_ACTION_ROW (row))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _wm_inspector_tr (spec->hint));
    }
  return r;
}

static Row *
build_entry_row (WmInspector      *self,
                 const WmPropSpec *spec,
                 const char       *title)
{
  GtkWidget *row = adw_entry_row_new ();
  Row *r;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  _wm_inspector_label_editor (row, title);
  r = row_new (self, spec, row, row);
  g_signal_connect (row, "changed", G_CALLBACK (on_editable_changed), r);
  return r;
}

/* A title above a framed multi-line text view. */
static Row *
build_text_row (WmInspector      *self,
                const WmPropSpec *spec,
                const char       *title)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  Row *r;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  _wm_inspector_label_editor (view, title);
  r = row_new (self, spec, row, view);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                    G_CALLBACK (on_buffer_changed), r);
  return r;
}

static GtkWidget *
action_row_new (const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static Row *
build_spin_row (WmInspector      *self,
                const WmPropSpec *spec,
                const char       *title)
{
  GtkWidget *row = action_row_new (title);
  double lower = spec->has_range ? spec->min : -1e12, upper = spec->has_range ? spec->max : 1e12;
  GtkAdjustment *adjustment = gtk_adjustment_new (lower, lower, upper, 1, 10, 0);
  GtkWidget *spin = gtk_spin_button_new (adjustment, 1, spec->type == WM_PROP_INTEGER ? 0 : 3);
  GtkWidget *unit;
  Row *r;

  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (spin), GTK_UPDATE_IF_VALID);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 6);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  /* Every spin row has a unit column, empty or not, so the spin buttons line up. */
  unit = gtk_label_new (_wm_inspector_tr (spec->unit));
  gtk_widget_add_css_class (unit, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (unit), 4);
  gtk_label_set_xalign (GTK_LABEL (unit), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  _wm_inspector_label_editor (spin, title);
  r = row_new (self, spec, row, spin);
  g_signal_connect (spin, "input", G_CALLBACK (on_spin_input), r);
  g_signal_connect (spin, "output", G_CALLBACK (on_spin_output), r);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_spin_value_changed), r);
  g_signal_connect (spin, "changed", G_CALLBACK (on_spin_text_changed), r);
  return r;
}

static Row *
build_switch_row (WmInspector      *self,
                  const WmPropSpec *spec,
                  const char       *title)
{
  GtkWidget *row = action_row_new (title);
  GtkWidget *widget = gtk_switch_new ();
  Row *r;

  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
  _wm_inspector_label_editor (widget, title);
  r = row_new (self, spec, row, widget);
  g_signal_connect (widget, "notify::active", G_CALLBACK (on_switch_active), r);
  return r;
}

static Row *
build_combo_row (WmInspector      *self,
                 const WmPropSpec *spec,
                 const char       *title)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkStringList *choices = gtk_string_list_new (NULL);
  Row *r;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  for (guint i = 0; spec->type == WM_PROP_ENUM && spec->choices[i].id != NULL; i++)
    gtk_string_list_append (choices, _wm_inspector_tr (spec->choices[i].label));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  _wm_inspector_label_editor (row, title);
  r = row_new (self, spec, row, row);
  r->choices = choices;
  if (spec->type == WM_PROP_SLOT)
    {
      r->slot_ids = g_ptr_array_new_with_free_func (g_free);
      refill_slot_choices (r);
    }
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_selected), r);
  return r;
}

static Row *
build_color_row (WmInspector      *self,
                 const WmPropSpec *spec,
                 const char       *title)
{
  GtkWidget *row = action_row_new (title);
  GtkWidget *button = gtk_color_button_new ();
  Row *r;

  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (button), FALSE);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (button), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  _wm_inspector_label_editor (button, title);
  r = row_new (self, spec, row, button);
  g_signal_connect (button, "notify::rgba", G_CALLBACK (on_color_set), r);
  return r;
}

/* Images: a row saying what the item holds, with a button that embeds a PNG file. */

static void
on_image_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GtkWidget) button = user_data;
  Row *row = g_object_get_data (G_OBJECT (button), "wm-inspector-row");
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (row != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        row_show_error (row, error);
      return;
    }
  /* The inspector moved on to another item while the file was read. */
  if (row == NULL || gtk_widget_get_root (button) == NULL)
    return;
  text = wm_image_data_encode ((const guint8 *) contents, length, &error);
  if (text == NULL)
    row_show_error (row, error);
  else
    _wm_inspector_row_apply (row, text);
}

static void
on_image_chosen (GtkNativeDialog *dialog,
                 int              response,
                 gpointer         user_data)
{
  GtkWidget *button = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    g_file_load_contents_async (file, NULL, on_image_loaded, g_object_ref (button));
  g_object_unref (button);
  g_object_unref (dialog);
}

static void
on_choose_image (GtkButton *button,
                 gpointer   user_data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  /* GtkFileDialog came with GTK 4.10; this build targets 4.8. */
  dialog = gtk_file_chooser_native_new (_("Choose an Image"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), NULL);
  gtk_file_filter_set_name (filter, _("Images (PNG, JPEG, SVG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_filter_add_suffix (filter, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_image_chosen), g_object_ref (button));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
update_image_row (Row           *row,
                  const WmValue *value)
{
  g_autofree guint8 *data = NULL;
  g_autofree char *size = NULL;
  g_autofree char *subtitle = NULL;
  gsize length = 0;

  if (value == NULL || !value->set || value->v.string == NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), _("No image"));
      return;
    }
  data = g_base64_decode (value->v.string, &length);
  size = g_format_size (length);
  switch (wm_image_format_sniff (data, length, NULL, NULL))
    {
    /* Translators: %s is a file size, as in “PNG image, 12.3 kB”. */
    case WM_IMAGE_PNG: subtitle = g_strdup_printf (_("PNG image, %s"), size); break;
    case WM_IMAGE_JPEG: subtitle = g_strdup_printf (_("JPEG image, %s"), size); break;
    case WM_IMAGE_SVG: subtitle = g_strdup_printf (_("SVG image, %s"), size); break;
    case WM_IMAGE_NONE:
    default: subtitle = g_strdup (_("Not an image Waymark can show")); break;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), subtitle);
}

static Row *
build_image_row (WmInspector      *self,
                 const WmPropSpec *spec,
                 const char       *title)
{
  GtkWidget *row = action_row_new (title);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("C_hoose Image…"));
  Row *r;

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  _wm_inspector_label_editor (button, title);
  r = row_new (self, spec, row, button);
  g_signal_connect (button, "clicked", G_CALLBACK (on_choose_image), NULL);
  return r;
}

GtkWidget *
_wm_inspector_list_group_new (const char  *title,
                              const char  *placeholder_text,
                              GtkWidget  **list)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *placeholder = gtk_label_new (placeholder_text);

  *list = gtk_list_box_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (*list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (*list, "boxed-list");
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (*list), placeholder);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), *list);
  _wm_inspector_label_editor (*list, title);
  return group;
}

/* A group of its own: a row per string and an "Add" button in its header. */
static Row *
build_strings_row (WmInspector      *self,
                   const WmPropSpec *spec,
                   const char       *title)
{
  GtkWidget *list;
  GtkWidget *group = _wm_inspector_list_group_new (title, C_("list", "None"), &list);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  g_autofree char *tooltip = g_strdup_printf (_("Add an entry to “%s”"), title);
  Row *r = row_new (self, spec, group, list);

  if (spec->hint != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _wm_inspector_tr (spec->hint));
  gtk_widget_set_name (add, "add-string");
  gtk_widget_set_tooltip_text (add, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  g_signal_connect (add, "clicked", G_CALLBACK (on_string_add_clicked), r);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  return r;
}

/* A group of its own: a row per linked item, and the picker in its header. */
static Row *
build_refs_row (WmInspector      *self,
                const WmPropSpec *spec,
                const char       *title)
{
  GtkWidget *list;
  GtkWidget *group = _wm_inspector_list_group_new (title, _("No linked items"), &list);
  Row *r = row_new (self, spec, group, list);

  if (spec->hint != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _wm_inspector_tr (spec->hint));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), _wm_inspector_link_picker_new (r));
  return r;
}

/* A dropdown of the values the spec suggests, for a STRING that has some. */
static Row *
build_suggest_row (WmInspector      *self,
                   const WmPropSpec *spec,
                   const char       *title)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkStringList *choices = gtk_string_list_new (NULL);
  Row *r;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  _wm_inspector_label_editor (row, title);
  r = row_new (self, spec, row, row);
  r->choices = choices;
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_selected), r);
  return r;
}

static Row *
build_row (WmInspector      *self,
           const WmPropSpec *spec)
{
  const char *title = _wm_inspector_tr (spec->label);

  switch (spec->type)
    {
    case WM_PROP_STRING:
      if (spec->suggest != NULL && self->item_id != NULL)
        return build_suggest_row (self, spec, title);
      return build_entry_row (self, spec, title);
    case WM_PROP_TEXT:
      return build_text_row (self, spec, title);
    case WM_PROP_STRING_LIST:
      return build_strings_row (self, spec, title);
    case WM_PROP_NUMBER:
    case WM_PROP_INTEGER:
      return build_spin_row (self, spec, title);
    case WM_PROP_BOOLEAN:
      return build_switch_row (self, spec, title);
    case WM_PROP_ENUM:
    case WM_PROP_SLOT:
      return build_combo_row (self, spec, title);
    case WM_PROP_COLOR:
      return build_color_row (self, spec, title);
    case WM_PROP_REFS:
      return build_refs_row (self, spec, title);
    case WM_PROP_IMAGE:
      return build_image_row (self, spec, title);
    default:
      g_assert_not_reached ();
    }
}

static void
clear_page (WmInspector *self)
{
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->lists, 0);
  self->text_row = NULL;
  if (self->page != NULL)
    {
      gtk_stack_remove (GTK_STACK (self->stack), self->page);
      self->page = NULL;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
}

static void
build_page (WmInspector *self)
{
  WmItem *item = target_item (self);
  const WmNotation *notation = wm_diagram_get_notation (self->diagram);
  const WmPropSpec *props = item ? item->type->props : notation->props;
  guint n_props = item ? item->type->n_props : notation->n_props;
  GtkWidget *group = adw_preferences_group_new ();
  const char *text_label = item ? _wm_inspector_tr (item->type->text_label) : _("Name");
  g_autoptr(GPtrArray) after = g_ptr_array_new ();
  gboolean any = FALSE;

  self->page = adw_preferences_page_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   _wm_inspector_tr (item ? item->type->label : notation->label));
  if (item != NULL && item->type->multiline)
    self->text_row = build_text_row (self, NULL, text_label);
  else
    self->text_row = build_entry_row (self, NULL, text_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->text_row->row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   item ? _("Properties") : _("Fields"));
  for (guint i = 0; i < n_props; i++)
    {
      Row *row = build_row (self, &props[i]);

      g_ptr_array_add (self->rows, row);
      /* Lists and links are groups of their own, after the plain properties. */
      if (props[i].type == WM_PROP_REFS || props[i].type == WM_PROP_STRING_LIST)
        g_ptr_array_add (after, row->row);
      else
        {
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row->row);
          any = TRUE;
        }
    }
  if (any)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
  else
    {
      /* Only links: no empty "Properties" heading. */
      g_object_ref_sink (group);
      g_object_unref (group);
    }
  for (guint i = 0; i < after->len; i++)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), g_ptr_array_index (after, i));
  for (guint i = 0; item == NULL && i < notation->n_lists; i++)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page),
                              ADW_PREFERENCES_GROUP (_wm_inspector_build_list_group (self, &notation->lists[i])));
  if (item != NULL)
    _wm_inspector_add_backlinks (self);
  gtk_stack_add_named (GTK_STACK (self->stack), self->page, "page");
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->page);
  update_rows (self);
}

static void
on_diagram_changed (WmDiagram     *diagram,
                    const WmDelta *delta,
                    WmInspector   *self)
{
  if (self->page == NULL)
    return;
  if (self->item_id != NULL && target_item (self) == NULL)
    {
      /* The target went (deleted, or its creation undone). */
      clear_page (self);
      return;
    }
  /* Other items' changes matter too: a linked item's new name, a renamed
   * stage. Writing an unchanged value into a row is a no-op. */
  update_rows (self);
}

/* Another diagram changed: an item linked from the shown one may have gone,
 * come back or been renamed there. */
static void
on_other_diagram_changed (WmDiagram     *diagram,
                          const WmDelta *delta,
                          WmInspector   *self)
{
  if (self->page != NULL)
    update_rows (self);
}

static void
unwatch_diagrams (WmInspector *self)
{
  for (guint i = 0; i < self->watches->len; i++)
    {
      Watch *watch = &g_array_index (self->watches, Watch, i);

      g_clear_signal_handler (&watch->changed_id, watch->diagram);
      g_clear_object (&watch->diagram);
    }
  g_array_set_size (self->watches, 0);
}

static void
watch_diagrams (WmInspector *self)
{
  unwatch_diagrams (self);
  for (guint i = 0; self->project != NULL && i < wm_project_get_n_diagrams (self->project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (self->project, i);
      Watch watch;

      if (diagram == self->diagram)
        continue;
      watch.diagram = g_object_ref (diagram);
      watch.changed_id = g_signal_connect (diagram, "changed",
                                           G_CALLBACK (on_other_diagram_changed), self);
      g_array_append_val (self->watches, watch);
    }
}

static void
on_project_items_changed (GListModel  *model,
                          guint        position,
                          guint        removed,
                          guint        added,
                          WmInspector *self)
{
  watch_diagrams (self);
  /* A diagram that went took its items, and their links broke. */
  if (self->page != NULL)
    update_rows (self);
}

static void
set_project (WmInspector *self,
             WmProject   *project)
{
  if (self->project == project)
    return;
  g_clear_signal_handler (&self->items_changed_id, self->project);
  g_set_object (&self->project, project);
  if (project != NULL)
    self->items_changed_id = g_signal_connect (project, "items-changed",
                                               G_CALLBACK (on_project_items_changed), self);
}

void
wm_inspector_set_target (WmInspector *self,
                         WmDiagram   *diagram,
                         const char  *item_id)
{
  g_return_if_fail (WM_IS_INSPECTOR (self));
  g_return_if_fail (diagram == NULL || WM_IS_DIAGRAM (diagram));

  /* Shown already, and kept current by the diagram's changes: a selection
   * that grows from two items to a hundred keeps the diagram's page (and a
   * field being edited in it) rather than building it again each time. */
  if (self->page != NULL && diagram == self->diagram && g_strcmp0 (item_id, self->item_id) == 0)
    return;
  clear_page (self);
  if (self->diagram != diagram)
    {
      g_clear_signal_handler (&self->changed_id, self->diagram);
      g_set_object (&self->diagram, diagram);
      if (diagram != NULL)
        self->changed_id = g_signal_connect (diagram, "changed",
                                             G_CALLBACK (on_diagram_changed), self);
      set_project (self, diagram != NULL ? wm_diagram_get_project (diagram) : NULL);
      watch_diagrams (self);
    }
  g_free (self->item_id);
  self->item_id = diagram != NULL ? g_strdup (item_id) : NULL;
  if (diagram == NULL || (item_id != NULL && target_item (self) == NULL))
    return;
  build_page (self);
}

WmDiagram *
wm_inspector_get_diagram (WmInspector *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR (self), NULL);
  return self->diagram;
}

const char *
wm_inspector_get_item_id (WmInspector *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR (self), NULL);
  return self->item_id;
}

gboolean
wm_inspector_is_empty (WmInspector *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR (self), TRUE);
  return self->page == NULL;
}

guint
wm_inspector_get_n_rows (WmInspector *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR (self), 0);
  return self->rows->len;
}

GtkWidget *
wm_inspector_get_editor (WmInspector *self,
                         const char  *name)
{
  g_return_val_if_fail (WM_IS_INSPECTOR (self), NULL);

  if (name == NULL)
    return self->text_row ? self->text_row->editor : NULL;
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (g_str_equal (row->spec->name, name))
        return row->editor;
    }
  return NULL;
}

static void
wm_inspector_dispose (GObject *object)
{
  WmInspector *self = WM_INSPECTOR (object);

  g_clear_signal_handler (&self->changed_id, self->diagram);
  g_clear_object (&self->diagram);
  if (self->watches != NULL)
    unwatch_diagrams (self);
  set_project (self, NULL);
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  if (self->lists != NULL)
    g_ptr_array_set_size (self->lists, 0);
  self->text_row = NULL;
  self->page = NULL;
  /* The bin lets go of its child first, or it would unparent it again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_INSPECTOR);
  G_OBJECT_CLASS (wm_inspector_parent_class)->dispose (object);
}

static void
wm_inspector_finalize (GObject *object)
{
  WmInspector *self = WM_INSPECTOR (object);

  g_free (self->item_id);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->lists);
  g_array_unref (self->watches);
  G_OBJECT_CLASS (wm_inspector_parent_class)->finalize (object);
}

enum
{
  FOLLOW_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
wm_inspector_class_init (WmInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_inspector_dispose;
  object_class->finalize = wm_inspector_finalize;

  /**
   * WmInspector::follow-link:
   * @id: the id of the linked item, possibly in another diagram
   *
   * Emitted when the analyst asks to go to an item the shown one links to.
   */
  signals[FOLLOW_LINK] =
    g_signal_new ("follow-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_css_name (widget_class, "inspector");
  /* The templates are compiled into this library: naming their bundle links
   * it (and so registers it) into every program that uses the inspector. */
  wm_widgets_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/ui/wm-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, WmInspector, stack);
}

static void
wm_inspector_init (WmInspector *self)
{
  self->rows = g_ptr_array_new ();
  self->lists = g_ptr_array_new ();
  self->watches = g_array_new (FALSE, FALSE, sizeof (Watch));
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
wm_inspector_new (void)
{
  return g_object_new (WM_TYPE_INSPECTOR, NULL);
}
