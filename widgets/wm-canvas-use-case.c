/* wm-canvas-use-case.c — the canvas's behaviour for use-case diagrams
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Subjects hold their use cases: a use case dropped (or created) inside a
 * subject becomes its child, so it moves with it, and one dragged out is
 * released; the subject then grows to hold all its use cases with a margin.
 * Both happen in the undo step of the drag, so one undo puts everything
 * back. Only use cases join a subject: actors belong outside the system
 * (the model checks flag one inside), notes and packages stay free.
 *
 * A double-click near one end of an association edits the multiplicity
 * at that end in place, where the painter draws it.
 */
#define G_LOG_DOMAIN "wm-canvas"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "wm-canvas-private.h"
#include "wm-draw.h"
#include "wm-render.h"
#include "wm-use-case.h"

/* Room a subject keeps around its use cases, and above them for its name. */
#define SUBJECT_MARGIN 20.0
#define SUBJECT_TITLE  36.0

static gboolean
is_type (const WmItem *item,
         const char   *type_id)
{
  return item != NULL && g_str_equal (item->type->id, type_id);
}

/* Whether @item is @ancestor or lies inside it, however deep. */
static gboolean
is_within (WmDiagram    *diagram,
           const WmItem *item,
           const WmItem *ancestor)
{
  for (guint depth = 0; item != NULL && depth < 64; depth++)
    {
      if (item == ancestor)
        return TRUE;
      item = item->parent != NULL ? wm_diagram_lookup (diagram, item->parent) : NULL;
    }
  return FALSE;
}

/* The topmost subject whose inside holds the centre of @node, or NULL. */
static WmItem *
subject_under (WmDiagram    *diagram,
               const WmItem *node)
{
  WmPoint c = wm_rect_center (&node->bounds);
  g_autoptr(GPtrArray) near = wm_diagram_query (diagram, &(WmRect) { c.x, c.y, 1, 1 });

  for (guint i = near->len; i-- > 0;)
    {
      WmItem *item = g_ptr_array_index (near, i);

      if (is_type (item, "subject") && !is_within (diagram, item, node) &&
          wm_rect_contains (&item->bounds, c.x, c.y))
        return item;
    }
  return NULL;
}

/* Grows @subject (never shrinks it) to hold every node inside it. */
static void
grow_subject (WmDiagram *diagram,
              WmItem    *subject)
{
  WmRect need = subject->bounds;
  gboolean any = FALSE;

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *child = wm_diagram_get_item (diagram, i);
      WmRect room;

      if (!wm_item_is_node (child) || g_strcmp0 (child->parent, subject->id) != 0)
        continue;
      room = (WmRect) { child->bounds.x - SUBJECT_MARGIN, child->bounds.y - SUBJECT_TITLE,
                        child->bounds.width + 2 * SUBJECT_MARGIN,
                        child->bounds.height + SUBJECT_TITLE + SUBJECT_MARGIN };
      wm_rect_union (&need, &room, &need);
      any = TRUE;
    }
  if (any && memcmp (&need, &subject->bounds, sizeof need) != 0)
    wm_diagram_set_bounds (diagram, subject->id, &need);
}

/* Files each use case of @ids in the subject under it, or out of the one it
 * left, and grows the subjects that hold them. */
static void
file_use_cases (WmCanvas          *self,
                const char *const *ids)
{
  WmDiagram *diagram = self->diagram;
  WmProject *project = wm_diagram_get_project (diagram);
  g_autoptr(GPtrArray) grow = g_ptr_array_new_with_free_func (g_free);

  wm_project_begin_joined_group (project, NULL);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      WmItem *item = wm_diagram_lookup (diagram, ids[i]);
      WmItem *subject;
      g_autoptr(GError) error = NULL;

      if (!is_type (item, "use-case"))
        continue;
      subject = subject_under (diagram, item);
      if (subject == NULL)
        {
          WmItem *parent = item->parent != NULL ? wm_diagram_lookup (diagram, item->parent) : NULL;

          if (is_type (parent, "subject"))
            wm_diagram_set_parent (diagram, item->id, NULL, NULL);
          continue;
        }
      if (g_strcmp0 (item->parent, subject->id) != 0 &&
          !wm_diagram_set_parent (diagram, item->id, subject->id, &error))
        {
          g_debug ("Cannot put %s in %s: %s", item->id, subject->id, error->message);
          continue;
        }
      if (!g_ptr_array_find_with_equal_func (grow, subject->id, g_str_equal, NULL))
        g_ptr_array_add (grow, g_strdup (subject->id));
    }
  for (guint i = 0; i < grow->len; i++)
    {
      WmItem *subject = wm_diagram_lookup (diagram, g_ptr_array_index (grow, i));

      if (subject != NULL)
        grow_subject (diagram, subject);
    }
  wm_project_end_group (project);
}

static void
moved (WmCanvas          *self,
       const char *const *ids)
{
  file_use_cases (self, ids);
}

static void
created (WmCanvas *self,
         WmItem   *item)
{
  const char *ids[] = { item->id, NULL };

  file_use_cases (self, ids);
}

/* Multiplicities */

typedef struct
{
  char    *link_id;
  gboolean at_source;
} EndEdit;

static void
end_edit_free (gpointer data)
{
  EndEdit *edit = data;

  g_free (edit->link_id);
  g_free (edit);
}

static void
commit_multiplicity (WmCanvas   *self,
                     const char *id,
                     const char *text,
                     gpointer    data)
{
  EndEdit *edit = data;
  g_autofree char *value = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;

  if (wm_diagram_lookup (self->diagram, edit->link_id) == NULL)
    return;
  if (!wm_diagram_set_property (self->diagram, edit->link_id,
                                edit->at_source ? WM_UC_SOURCE_MULTIPLICITY
                                                : WM_UC_TARGET_MULTIPLICITY,
                                value, &error))
    g_debug ("Cannot set a multiplicity: %s", error->message);
}

/* Opens the in-place editor of the multiplicity at one end of @link. */
static gboolean
edit_multiplicity (WmCanvas *self,
                   WmItem   *link,
                   gboolean  at_source)
{
  EndEdit *edit;
  WmRect box;

  if (!wm_render_multiplicity_box (self->diagram, link, at_source, &box))
    return FALSE;
  edit = g_new0 (EndEdit, 1);
  edit->link_id = g_strdup (link->id);
  edit->at_source = at_source;
  _wm_canvas_begin_edit_text (self, &box,
                              wm_item_get_string (link, at_source ? WM_UC_SOURCE_MULTIPLICITY
                                                                  : WM_UC_TARGET_MULTIPLICITY),
                              FALSE,
                              at_source ? _("Multiplicity at source") : _("Multiplicity at target"),
                              NULL, commit_multiplicity, edit, end_edit_free);
  return TRUE;
}

static double
distance_to_box (const WmRect *box,
                 double        x,
                 double        y)
{
  WmPoint c = wm_rect_center (box);

  return hypot (x - c.x, y - c.y);
}

/* The association whose multiplicity box (drawn or, when blank, where it
 * would be) holds the point, and which end; FALSE when none does. */
static gboolean
multiplicity_at (WmCanvas *self,
                 double    x,
                 double    y,
                 WmItem  **link,
                 gboolean *at_source)
{
  const double slack = 4;
  g_autoptr(GPtrArray) near = wm_render_query (self->diagram, &(WmRect) { x - 1, y - 1, 2, 2 });

  for (guint i = near->len; i-- > 0;)
    {
      WmItem *item = g_ptr_array_index (near, i);

      if (!is_type (item, "association"))
        continue;
      for (int end = 0; end < 2; end++)
        {
          WmRect box;

          if (wm_render_multiplicity_box (self->diagram, item, end == 0, &box) &&
              x >= box.x - slack && x <= box.x + box.width + slack &&
              y >= box.y - slack && y <= box.y + box.height + slack)
            {
              *link = item;
              *at_source = end == 0;
              return TRUE;
            }
        }
    }
  return FALSE;
}

/* A double-click on a multiplicity, or on an association near one of its
 * ends (nearer that end's multiplicity than the other's, within a third of
 * the line), edits it; elsewhere on the line, the name. */
static gboolean
activate (WmCanvas *self,
          WmItem   *item,
          double    x,
          double    y)
{
  WmRect source, target;
  WmItem *link;
  gboolean at_source;
  double ds, dt, length;
  WmPoint ca, cb;

  if (multiplicity_at (self, x, y, &link, &at_source))
    return edit_multiplicity (self, link, at_source);
  if (!is_type (item, "association") ||
      !wm_render_multiplicity_box (self->diagram, item, TRUE, &source) ||
      !wm_render_multiplicity_box (self->diagram, item, FALSE, &target))
    return FALSE;
  ca = wm_rect_center (&source);
  cb = wm_rect_center (&target);
  length = hypot (cb.x - ca.x, cb.y - ca.y);
  ds = distance_to_box (&source, x, y);
  dt = distance_to_box (&target, x, y);
  if (MIN (ds, dt) > length / 3)
    return FALSE;
  return edit_multiplicity (self, item, ds <= dt);
}

/* The context menu of an association offers the usual multiplicities. */

static const char *const common_multiplicities[] = { "1", "0..1", "*", "1..*" };

static void
append_end_section (GMenu        *menu,
                    const WmItem *link,
                    const WmItem *end,
                    gboolean      at_source)
{
  g_autoptr(GMenu) section = g_menu_new ();
  g_autofree char *title = g_strdup_printf (_("Multiplicity at “%s”"), end->text);

  for (guint i = 0; i < G_N_ELEMENTS (common_multiplicities); i++)
    {
      g_autoptr(GMenuItem) entry = g_menu_item_new (common_multiplicities[i], NULL);

      g_menu_item_set_action_and_target (entry, "canvas.use-case-multiplicity", "(sbs)",
                                         link->id, at_source, common_multiplicities[i]);
      g_menu_append_item (section, entry);
    }
  {
    /* Translators: a menu item: no multiplicity at this end of an association */
    g_autoptr(GMenuItem) entry = g_menu_item_new (_("None"), NULL);

    g_menu_item_set_action_and_target (entry, "canvas.use-case-multiplicity", "(sbs)",
                                       link->id, at_source, "");
    g_menu_append_item (section, entry);
  }
  {
    g_autoptr(GMenuItem) entry = g_menu_item_new (_("Other…"), NULL);

    g_menu_item_set_action_and_target (entry, "canvas.use-case-edit-multiplicity", "(sb)",
                                       link->id, at_source);
    g_menu_append_item (section, entry);
  }
  g_menu_append_section (menu, title, G_MENU_MODEL (section));
}

static void
populate_menu (WmCanvas *self,
               GMenu    *menu,
               double    x,
               double    y)
{
  WmItem *item = _wm_canvas_hit (self, x, y);
  WmItem *a, *b;

  if (!is_type (item, "association") || !_wm_canvas_is_writable (self))
    return;
  a = wm_diagram_lookup (self->diagram, item->source);
  b = wm_diagram_lookup (self->diagram, item->target);
  if (a == NULL || b == NULL)
    return;
  append_end_section (menu, item, a, TRUE);
  append_end_section (menu, item, b, FALSE);
}

static void
multiplicity_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  const char *link_id, *value;
  gboolean at_source;
  g_autoptr(GError) error = NULL;

  g_variant_get (parameter, "(&sb&s)", &link_id, &at_source, &value);
  if (self->diagram == NULL || wm_diagram_lookup (self->diagram, link_id) == NULL ||
      !_wm_canvas_is_writable (self))
    return;
  _wm_canvas_break_merge (self);
  if (!wm_diagram_set_property (self->diagram, link_id,
                                at_source ? WM_UC_SOURCE_MULTIPLICITY : WM_UC_TARGET_MULTIPLICITY,
                                value[0] != '\0' ? value : NULL, &error))
    g_debug ("Cannot set a multiplicity: %s", error->message);
}

static void
edit_multiplicity_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  const char *link_id;
  gboolean at_source;
  WmItem *link;

  g_variant_get (parameter, "(&sb)", &link_id, &at_source);
  link = self->diagram != NULL ? wm_diagram_lookup (self->diagram, link_id) : NULL;
  if (link != NULL)
    edit_multiplicity (self, link, at_source);
}

static void
class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.use-case-multiplicity", "(sbs)",
                                   multiplicity_action);
  gtk_widget_class_install_action (widget_class, "canvas.use-case-edit-multiplicity", "(sb)",
                                   edit_multiplicity_action);
}

const WmCanvasBehavior _wm_canvas_behavior_use_case = {
  .notation_id = "use-case",
  .class_init = class_init,
  .activate = activate,
  .moved = moved,
  .created = created,
  .populate_menu = populate_menu,
};
