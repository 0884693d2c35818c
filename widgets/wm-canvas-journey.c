/* wm-canvas-journey.c — the canvas's behaviour for journey diagrams
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A journey's painter places every card itself (wm_journey_layout_new()),
 * so the generic move drag, which changes bounds, means nothing here. This
 * behaviour owns the drags instead:
 *
 * - a card or a KPI dragged shows a ghost under the pointer and highlights
 *   the cell it would land in; the drop sets its "stage" and "lane" (a KPI
 *   only its stage) in one undo step;
 * - an emotion point dragged changes its "score" up and down and, across a
 *   column, its "stage", live, as one undo step for the whole drag; stages
 *   without a point show a hollow handle on the neutral line, and dragging
 *   it creates the point;
 * - a stage header or a lane label dragged across the columns or rows
 *   reorders the stages or lanes.
 *
 * A double-click in an empty cell creates a card there (an emotion point in
 * the emotion lane, a KPI in the KPI lane) and opens its editor; on a stage
 * header or a lane label it renames the entry in place. The context menu of
 * a header or a label inserts, moves and removes stages and lanes; that of
 * a cell's empty space adds what a double-click there would.
 *
 * Moved and created items get their stored bounds set to where the layout
 * draws them, in the same undo step (sync_bounds()).
 */
#define G_LOG_DOMAIN "wm-canvas"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "wm-canvas-private.h"
#include "wm-draw.h"
#include "wm-journey.h"
#include "wm-render.h"

/* An emotion's score moves in half steps: analysts rate a moment as "a bit
 * better" or "much worse", and the coarse steps make the curve easy to set
 * by hand. A finer value can still be typed in the inspector. */
#define SCORE_STEP 0.5

/* Handles, in widget pixels */
#define POINT_HANDLE_RADIUS 9.0   /* the ring around an emotion point */
#define ADD_HANDLE_RADIUS   7.0   /* the hollow "add" handle of a stage without a point */
#define ADD_HANDLE_GRAB     10.0  /* how near a press must come to the add handle */
#define SELECTED_RING_GAP   2.0   /* a selected point's ring, outside its dot and handle */
#define SELECTED_RING_WIDTH 2.5
#define GHOST_ALPHA         0.75

typedef enum
{
  DRAG_NONE,
  DRAG_CARD,      /* a card or a KPI, to another cell */
  DRAG_EMOTION,   /* an emotion point, up, down and across stages */
  DRAG_HEADER,    /* a stage header or a lane label, to reorder the list */
} DragKind;

typedef struct
{
  /* The layout of the diagram as it is, the one the painter draws
   * (wm_journey_layout_get()), taken when first needed and dropped at the
   * diagram's next change; it borrows the diagram's strings, so an edit
   * made here never reads it afterwards without asking anew. */
  WmJourneyLayout *layout;

  DragKind kind;
  char    *drag_id;
  GPtrArray *companions;  /* cards: the other selected cards and KPIs moving along (char *) */
  gboolean edited;        /* emotions: the drag's first edit is made; later ones join it */
  double   grab_x;        /* cards: the pointer's offset into the card, document units */
  double   grab_y;
  WmRect   ghost;         /* cards: where the ghost is drawn, document units */
  int      target_stage;  /* cards: the cell the drop would go to, or -1 */
  int      target_lane;
  const char *drag_list;  /* headers: "stages" or "lanes" */
  int      drag_from;     /* headers: the entry's index when the drag began */
  int      drop_index;    /* headers: where it would go */
} Journey;

static Journey *
journey_data (WmCanvas *self)
{
  Journey *data = self->behavior_data;

  if (data == NULL)
    {
      data = g_new0 (Journey, 1);
      data->target_stage = data->target_lane = -1;
      self->behavior_data = data;
    }
  return data;
}

static const WmJourneyLayout *
get_layout (WmCanvas *self)
{
  Journey *data = journey_data (self);

  if (data->layout == NULL && self->diagram != NULL)
    data->layout = wm_journey_layout_get (self->diagram);
  return data->layout;
}

static void
forget_layout (WmCanvas *self)
{
  Journey *data = journey_data (self);

  g_clear_pointer (&data->layout, wm_journey_layout_free);
}

static gboolean
is_type (const WmItem *item,
         const char   *type)
{
  return item != NULL && wm_item_is_node (item) && g_str_equal (item->type->id, type);
}

static WmProject *
project_of (WmCanvas *self)
{
  return wm_diagram_get_project (self->diagram);
}

static void
select_only (WmCanvas   *self,
             const char *id)
{
  const char *ids[] = { id, NULL };

  wm_canvas_select (self, ids);
}

/* Sets a number property from a double, in the file's syntax. */
static void
set_number (WmCanvas   *self,
            const char *id,
            const char *name,
            double      value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (text, sizeof text, "%g", value);
  wm_diagram_set_property (self->diagram, id, name, text, NULL);
}

static double
snap_score (double score)
{
  /* + 0.0 turns a negative zero into "0" rather than "-0" in the file. */
  return CLAMP (round (score / SCORE_STEP) * SCORE_STEP, -2, 2) + 0.0;
}

static int
emotion_stage (const WmJourneyLayout *layout,
               guint                  i)
{
  int stage = -1;

  wm_journey_layout_item_cell (layout, g_ptr_array_index (layout->emotions, i), &stage, NULL);
  return stage;
}

/* The stages that have no emotion point, for the "add" handles: a bitmap
 * of the layout's stages, TRUE where one is missing. The layout keeps the
 * points by stage, so each stage's run is skipped by bisection: every
 * frame asks, and a long journey has thousands of points. */
static gboolean *
stages_without_points (const WmJourneyLayout *layout)
{
  gboolean *missing = g_new (gboolean, MAX (layout->n_stages, 1));
  guint n = layout->emotions->len;

  for (guint s = 0; s < layout->n_stages; s++)
    missing[s] = TRUE;
  for (guint i = 0; i < n;)
    {
      int stage = emotion_stage (layout, i);
      guint a = i + 1, b = n;

      missing[stage] = FALSE;
      while (a < b)
        {
          guint m = a + (b - a) / 2;

          if (emotion_stage (layout, m) <= stage)
            a = m + 1;
          else
            b = m;
        }
      i = a;
    }
  return missing;
}

/* The centre of the add handle of @stage, in document units. */
static WmPoint
add_handle_center (const WmJourneyLayout *layout,
                   guint                  stage)
{
  const WmRect *column = &layout->stages[stage].rect;

  return (WmPoint) { column->x + column->width / 2, wm_journey_layout_score_y (layout, 0) };
}

/* The stage whose add handle is at document point (x, y), or -1. */
static int
add_handle_at (WmCanvas *self,
               double    x,
               double    y)
{
  const WmJourneyLayout *layout = get_layout (self);
  g_autofree gboolean *missing = NULL;
  double grab;
  int stage;

  if (layout == NULL || layout->emotion_lane < 0)
    return -1;
  stage = wm_journey_layout_stage_at (layout, x);
  if (stage < 0)
    return -1;
  missing = stages_without_points (layout);
  grab = ADD_HANDLE_GRAB / wm_viewport_get_zoom (self->viewport);
  if (missing[stage])
    {
      WmPoint c = add_handle_center (layout, (guint) stage);

      if (hypot (x - c.x, y - c.y) <= grab)
        return stage;
    }
  return -1;
}

/* Keeps the item's stored bounds where the layout draws it, within the
 * edit under way: the canvas's selection handles and the place the item
 * keeps if it ever loses its cell both come from the bounds. Asks for a
 * layout of its own, since the cached one waits for the "changed" signal
 * that an open group holds back. */
static void
sync_bounds_in (WmCanvas              *self,
                const WmJourneyLayout *layout,
                const char            *id)
{
  WmItem *item = wm_diagram_lookup (self->diagram, id);
  WmRect rect;

  if (item != NULL && wm_journey_layout_item_rect (layout, item, &rect) &&
      (rect.x != item->bounds.x || rect.y != item->bounds.y ||
       rect.width != item->bounds.width || rect.height != item->bounds.height))
    wm_diagram_set_bounds (self->diagram, id, &rect);
}

static void
sync_bounds (WmCanvas   *self,
             const char *id)
{
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (self->diagram);

  sync_bounds_in (self, layout, id);
}

/* Creating items in cells */

/* A card new in @lane takes the lane's colour, unless it came with a
 * colour of its own (a pasted card keeps its). */
static void
take_lane_color (WmCanvas   *self,
                 const char *id,
                 const char *lane)
{
  const char *color = wm_journey_lane_card_color (lane);
  WmItem *card = wm_diagram_lookup (self->diagram, id);
  const WmPropSpec *spec = NULL;

  if (color == NULL || card == NULL || !is_type (card, "card") ||
      !wm_item_has_prop (card, WM_FIELD_COLOR))
    return;
  if (wm_item_has_value (card, WM_FIELD_COLOR) &&
      (wm_item_get_value (card, WM_FIELD_COLOR, &spec) == NULL || spec == NULL ||
       g_strcmp0 (wm_item_get_string (card, WM_FIELD_COLOR), spec->default_value) != 0))
    return;
  wm_diagram_set_property (self->diagram, id, WM_FIELD_COLOR, color, NULL);
}

/* Adds a node of @type in the cell of @stage and @lane (NULL for emotions
 * and KPIs, whose lane is implied) as one undo step labelled @label, and
 * returns its id. @score is the emotion's. */
static char *
add_in_cell (WmCanvas   *self,
             const char *type_id,
             const char *stage,
             const char *lane,
             double      score,
             const WmRect *cell)
{
  const WmItemType *type = wm_notation_lookup_type (wm_diagram_get_notation (self->diagram),
                                                    type_id);
  g_autoptr(GError) error = NULL;
  /* Copies: the edits below free what the layout lent. */
  g_autofree char *stage_id = g_strdup (stage);
  g_autofree char *lane_id = g_strdup (lane);
  const char *label;
  WmRect bounds;
  WmItem *item;
  char *id;

  g_return_val_if_fail (type != NULL, NULL);

  /* The bounds only matter if the item ever loses its cell: the cell's
   * corner keeps it near where it was made. */
  bounds = (WmRect) { cell->x + WM_JOURNEY_PADDING, cell->y + WM_JOURNEY_PADDING,
                      type->width, type->height };
  if (g_str_equal (type_id, "emotion"))
    label = _("Add emotion point");
  else if (g_str_equal (type_id, "kpi"))
    label = _("Add KPI");
  else
    label = _("Add card");
  _wm_canvas_break_merge (self);
  wm_project_begin_group (project_of (self), label);
  /* A KPI starts with its type's name, selected in the editor; a card and
   * an emotion's note start empty, ready to be typed. */
  item = wm_diagram_add_node (self->diagram, type_id, &bounds,
                              g_str_equal (type_id, "kpi")
                                ? g_dgettext (GETTEXT_PACKAGE, type->label) : "",
                              &error);
  if (item != NULL)
    {
      id = g_strdup (item->id);
      wm_diagram_set_property (self->diagram, id, WM_JOURNEY_STAGE, stage_id, NULL);
      if (lane_id != NULL)
        {
          wm_diagram_set_property (self->diagram, id, WM_JOURNEY_LANE, lane_id, NULL);
          take_lane_color (self, id, lane_id);
        }
      if (g_str_equal (type_id, "emotion"))
        set_number (self, id, WM_JOURNEY_SCORE, score);
      sync_bounds (self, id);
    }
  else
    id = NULL;
  wm_project_end_group (project_of (self));
  if (id == NULL)
    {
      g_debug ("Cannot add a %s: %s", type_id, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
    }
  return id;
}

/* Creates what belongs in the cell at (x, y) and opens its editor. */
static gboolean
create_in_cell (WmCanvas *self,
                double    x,
                double    y)
{
  const WmJourneyLayout *layout = get_layout (self);
  const char *stage, *lane;
  g_autofree char *id = NULL;
  int s, l;
  WmRect cell;

  if (!wm_journey_layout_cell_at (layout, x, y, &stage, &lane))
    return FALSE;
  s = wm_journey_layout_stage_at (layout, x);
  for (l = 0; l < (int) layout->n_lanes; l++)
    if (layout->lanes[l].id == lane)
      break;
  wm_journey_layout_cell_rect (layout, (guint) s, (guint) l, &cell);
  if (l == layout->emotion_lane)
    id = add_in_cell (self, "emotion", stage, NULL,
                      snap_score (wm_journey_layout_score_at (layout, y)), &cell);
  else if (l == layout->kpi_lane)
    id = add_in_cell (self, "kpi", stage, NULL, 0, &cell);
  else
    id = add_in_cell (self, "card", stage, lane, 0, &cell);
  if (id == NULL)
    return TRUE;
  select_only (self, id);
  _wm_canvas_begin_edit (self, id);
  return TRUE;
}

/* Stages and lanes */

typedef enum
{
  OP_RENAME,
  OP_INSERT_BEFORE,
  OP_INSERT_AFTER,
  OP_MOVE_BACK,       /* left, or up */
  OP_MOVE_FORWARD,    /* right, or down */
  OP_REMOVE,
} ListOp;

typedef struct
{
  const char *action;
  const char *list;
  ListOp      op;
} ListAction;

static const ListAction list_actions[] = {
  { "canvas.journey-rename-stage", WM_JOURNEY_STAGES, OP_RENAME },
  { "canvas.journey-insert-stage-before", WM_JOURNEY_STAGES, OP_INSERT_BEFORE },
  { "canvas.journey-insert-stage-after", WM_JOURNEY_STAGES, OP_INSERT_AFTER },
  { "canvas.journey-move-stage-left", WM_JOURNEY_STAGES, OP_MOVE_BACK },
  { "canvas.journey-move-stage-right", WM_JOURNEY_STAGES, OP_MOVE_FORWARD },
  { "canvas.journey-remove-stage", WM_JOURNEY_STAGES, OP_REMOVE },
  { "canvas.journey-rename-lane", WM_JOURNEY_LANES, OP_RENAME },
  { "canvas.journey-insert-lane-before", WM_JOURNEY_LANES, OP_INSERT_BEFORE },
  { "canvas.journey-insert-lane-after", WM_JOURNEY_LANES, OP_INSERT_AFTER },
  { "canvas.journey-move-lane-up", WM_JOURNEY_LANES, OP_MOVE_BACK },
  { "canvas.journey-move-lane-down", WM_JOURNEY_LANES, OP_MOVE_FORWARD },
  { "canvas.journey-remove-lane", WM_JOURNEY_LANES, OP_REMOVE },
};

static gboolean
is_stages (const char *list)
{
  return g_str_equal (list, WM_JOURNEY_STAGES);
}

static int
entry_index (WmCanvas   *self,
             const char *list,
             const char *id)
{
  GPtrArray *entries = wm_diagram_get_list (self->diagram, list);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    if (g_str_equal (((WmListEntry *) g_ptr_array_index (entries, i))->id, id))
      return (int) i;
  return -1;
}

/* Whether @item sits in the stage or lane @id of @list: it goes when the
 * entry goes. Emotion points belong to the emotion lane, KPIs to the KPI
 * lane, whatever their "lane" says. */
static gboolean
belongs_to (const WmItem *item,
            const char   *list,
            const char   *id)
{
  if (!wm_item_is_node (item))
    return FALSE;
  if (is_stages (list))
    return g_strcmp0 (wm_item_get_string (item, WM_JOURNEY_STAGE), id) == 0;
  if (is_type (item, "emotion"))
    return g_str_equal (id, WM_JOURNEY_EMOTION_LANE);
  if (is_type (item, "kpi"))
    return g_str_equal (id, WM_JOURNEY_KPI_LANE);
  return g_strcmp0 (wm_item_get_string (item, WM_JOURNEY_LANE), id) == 0;
}

static GPtrArray *
items_of_entry (WmCanvas   *self,
                const char *list,
                const char *id)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < wm_diagram_get_n_items (self->diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (self->diagram, i);

      if (belongs_to (item, list, id))
        g_ptr_array_add (ids, item->id);
    }
  return ids;
}

/* The header of a stage or the label cell of a lane, by entry id. */
static gboolean
entry_header (WmCanvas   *self,
              const char *list,
              const char *id,
              WmRect     *rect)
{
  const WmJourneyLayout *layout = get_layout (self);
  const WmJourneyBand *bands = is_stages (list) ? layout->stages : layout->lanes;
  guint n = is_stages (list) ? layout->n_stages : layout->n_lanes;

  for (guint i = 0; i < n; i++)
    if (g_str_equal (bands[i].id, id))
      {
        *rect = bands[i].header;
        return TRUE;
      }
  return FALSE;
}

static void
commit_rename (WmCanvas   *self,
               const char *id,
               const char *text,
               gpointer    data)
{
  g_autofree char *label = g_strstrip (g_strdup (text));

  /* An entry keeps a name: a cleared one is a slip, not a wish. */
  if (label[0] != '\0')
    wm_diagram_list_rename (self->diagram, data, id, label);
}

/* The name typed for an entry just inserted joins the insertion's undo
 * step: one undo takes the new stage away, whatever it was called. */
static void
commit_new_name (WmCanvas   *self,
                 const char *id,
                 const char *text,
                 gpointer    data)
{
  WmProject *project = project_of (self);

  wm_project_begin_joined_group (project, _("Add entry"));
  commit_rename (self, id, text, data);
  wm_project_end_group (project);
}

static void
begin_rename (WmCanvas       *self,
              const char     *list,
              const char     *id,
              WmCanvasCommit  commit)
{
  const WmListEntry *entry = wm_diagram_find_entry (self->diagram, list, id);
  WmRect header;

  if (entry == NULL || !entry_header (self, list, id, &header))
    return;
  _wm_canvas_begin_edit_text (self, &header, entry->label, FALSE,
                              is_stages (list) ? _("Stage name") : _("Lane name"), id,
                              commit,
                              (gpointer) (is_stages (list) ? WM_JOURNEY_STAGES : WM_JOURNEY_LANES),
                              NULL);
}

/* An id for a new entry that the list does not have yet. */
static char *
unique_entry_id (WmCanvas   *self,
                 const char *list)
{
  const char *base = is_stages (list) ? "new-stage" : "new-lane";

  if (entry_index (self, list, base) < 0)
    return g_strdup (base);
  for (guint n = 2;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", base, n);

      if (entry_index (self, list, id) < 0)
        return g_steal_pointer (&id);
    }
}

static void
insert_entry (WmCanvas   *self,
              const char *list,
              int         position)
{
  g_autofree char *id = unique_entry_id (self, list);
  g_autoptr(GError) error = NULL;

  _wm_canvas_break_merge (self);
  if (!wm_diagram_list_insert (self->diagram, list, (guint) position, id,
                               is_stages (list) ? _("New stage") : _("New lane"), &error))
    {
      g_debug ("Cannot insert into %s: %s", list, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  /* The layout is new since the insertion's "changed": the header is there. */
  begin_rename (self, list, id, commit_new_name);
}

static char *
remove_label (const char *list,
              guint       n_items)
{
  if (n_items == 0)
    return g_strdup (is_stages (list) ? _("Remove stage") : _("Remove lane"));
  if (is_stages (list))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Remove stage and its item",
                                         "Remove stage and its %u items", n_items), n_items);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Remove lane and its item",
                                       "Remove lane and its %u items", n_items), n_items);
}

/* Removes the entry and every item in it, as one undo step: items whose
 * stage or lane is gone would linger, unplaced, where they were first drawn. */
static void
remove_entry (WmCanvas   *self,
              const char *list,
              const char *id)
{
  g_autoptr(GPtrArray) items = items_of_entry (self, list, id);
  g_autofree char *entry_id = g_strdup (id);
  g_autofree char *label = remove_label (list, items->len);
  WmProject *project = project_of (self);

  _wm_canvas_break_merge (self);
  wm_project_begin_group (project, label);
  if (items->len > 0)
    {
      g_auto(GStrv) ids = NULL;

      g_ptr_array_add (items, NULL);
      ids = g_strdupv ((char **) items->pdata);
      wm_diagram_remove_items (self->diagram, (const char *const *) ids);
    }
  wm_diagram_list_remove (self->diagram, list, entry_id);
  wm_project_end_group (project);
}

static void
list_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  const ListAction *action = NULL;
  g_autofree char *id = g_variant_dup_string (parameter, NULL);
  int index;

  for (guint i = 0; i < G_N_ELEMENTS (list_actions); i++)
    if (g_str_equal (list_actions[i].action, action_name))
      action = &list_actions[i];
  if (action == NULL || self->diagram == NULL || self->behavior != &_wm_canvas_behavior_journey ||
      !_wm_canvas_is_writable (self))
    return;
  index = entry_index (self, action->list, id);
  if (index < 0)
    return;
  switch (action->op)
    {
    case OP_RENAME:
      begin_rename (self, action->list, id, commit_rename);
      break;
    case OP_INSERT_BEFORE:
      insert_entry (self, action->list, index);
      break;
    case OP_INSERT_AFTER:
      insert_entry (self, action->list, index + 1);
      break;
    case OP_MOVE_BACK:
      if (index > 0)
        wm_diagram_list_move (self->diagram, action->list, id, (guint) index - 1);
      break;
    case OP_MOVE_FORWARD:
      wm_diagram_list_move (self->diagram, action->list, id, (guint) index + 1);
      break;
    case OP_REMOVE:
      remove_entry (self, action->list, id);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
append_entry_item (GMenu      *section,
                   const char *label,
                   const char *action,
                   const char *id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (id));
  g_menu_append_item (section, item);
}

/* The menu of the stage or lane @index of @list. */
static void
populate_entry_menu (WmCanvas   *self,
                     GMenu      *menu,
                     const char *list,
                     guint       index)
{
  GPtrArray *entries = wm_diagram_get_list (self->diagram, list);
  const WmListEntry *entry = g_ptr_array_index (entries, index);
  gboolean stages = is_stages (list);
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) removal = g_menu_new ();
  g_autoptr(GPtrArray) items = items_of_entry (self, list, entry->id);
  g_autofree char *remove = remove_label (list, items->len);

  append_entry_item (edit, stages ? _("Rename stage") : _("Rename lane"),
                     stages ? "canvas.journey-rename-stage" : "canvas.journey-rename-lane",
                     entry->id);
  append_entry_item (edit, stages ? _("Insert stage before") : _("Insert lane above"),
                     stages ? "canvas.journey-insert-stage-before"
                            : "canvas.journey-insert-lane-before", entry->id);
  append_entry_item (edit, stages ? _("Insert stage after") : _("Insert lane below"),
                     stages ? "canvas.journey-insert-stage-after"
                            : "canvas.journey-insert-lane-after", entry->id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  /* Only the moves that can happen. */
  if (index > 0)
    append_entry_item (order, stages ? _("Move left") : _("Move up"),
                       stages ? "canvas.journey-move-stage-left" : "canvas.journey-move-lane-up",
                       entry->id);
  if (index + 1 < entries->len)
    append_entry_item (order, stages ? _("Move right") : _("Move down"),
                       stages ? "canvas.journey-move-stage-right"
                              : "canvas.journey-move-lane-down", entry->id);
  if (g_menu_model_get_n_items (G_MENU_MODEL (order)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  append_entry_item (removal, remove,
                     stages ? "canvas.journey-remove-stage" : "canvas.journey-remove-lane",
                     entry->id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (removal));
}

/* In a cell's empty space: what a double-click there would create. */
static void
populate_cell_menu (WmCanvas *self,
                    GMenu    *menu,
                    double    x,
                    double    y)
{
  const WmJourneyLayout *layout = get_layout (self);
  const char *lane;
  const char *label;
  g_autoptr(GMenuItem) item = NULL;
  g_autoptr(GMenu) section = NULL;

  if (_wm_canvas_hit (self, x, y) != NULL ||
      !wm_journey_layout_cell_at (layout, x, y, NULL, &lane))
    return;
  if (layout->emotion_lane >= 0 && lane == layout->lanes[layout->emotion_lane].id)
    label = _("Add emotion point here");
  else if (layout->kpi_lane >= 0 && lane == layout->lanes[layout->kpi_lane].id)
    label = _("Add KPI here");
  else
    label = _("Add card here");
  section = g_menu_new ();
  item = g_menu_item_new (label, NULL);
  g_menu_item_set_action_and_target_value (item, "canvas.journey-add-here",
                                           g_variant_new ("(dd)", x, y));
  g_menu_append_item (section, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
}

static void
populate_menu (WmCanvas *self,
               GMenu    *menu,
               double    x,
               double    y)
{
  const WmJourneyLayout *layout = get_layout (self);
  int stage, lane;

  if (layout == NULL || !_wm_canvas_is_writable (self))
    return;
  stage = wm_journey_layout_stage_header_at (layout, x, y);
  lane = wm_journey_layout_lane_header_at (layout, x, y);
  if (stage >= 0)
    populate_entry_menu (self, menu, WM_JOURNEY_STAGES, (guint) stage);
  else if (lane >= 0)
    populate_entry_menu (self, menu, WM_JOURNEY_LANES, (guint) lane);
  else
    populate_cell_menu (self, menu, x, y);
}

/* Double-clicks */

static gboolean
activate (WmCanvas *self,
          WmItem   *item,
          double    x,
          double    y)
{
  const WmJourneyLayout *layout = get_layout (self);
  int stage, lane;

  if (layout == NULL)
    return FALSE;
  stage = wm_journey_layout_stage_header_at (layout, x, y);
  lane = wm_journey_layout_lane_header_at (layout, x, y);
  if (stage >= 0)
    {
      g_autofree char *id = g_strdup (layout->stages[stage].id);

      begin_rename (self, WM_JOURNEY_STAGES, id, commit_rename);
      return TRUE;
    }
  if (lane >= 0)
    {
      g_autofree char *id = g_strdup (layout->lanes[lane].id);

      begin_rename (self, WM_JOURNEY_LANES, id, commit_rename);
      return TRUE;
    }
  /* On an item, the canvas edits its text. */
  if (item != NULL)
    return FALSE;
  return create_in_cell (self, x, y);
}

/* Drags */

/* One edit of an emotion drag: the first makes the undo step, the later
 * ones join it, so that one undo takes the whole drag back. */
static void
begin_drag_edit (WmCanvas *self)
{
  Journey *data = journey_data (self);

  if (data->edited)
    wm_project_begin_joined_group (project_of (self), _("Move emotion point"));
  else
    wm_project_begin_group (project_of (self), _("Move emotion point"));
  data->edited = TRUE;
}

static void
update_emotion (WmCanvas *self,
                double    x,
                double    y)
{
  Journey *data = journey_data (self);
  const WmJourneyLayout *layout = get_layout (self);
  WmItem *item = wm_diagram_lookup (self->diagram, data->drag_id);
  g_autofree char *stage_id = NULL;
  double score;
  int stage;

  if (item == NULL || layout == NULL || layout->emotion_lane < 0)
    return;
  score = snap_score (wm_journey_layout_score_at (layout, y));
  stage = wm_journey_layout_stage_at (layout, x);
  stage_id = g_strdup (stage >= 0 ? layout->stages[stage].id
                                  : wm_item_get_string (item, WM_JOURNEY_STAGE));
  if (score == wm_item_get_number (item, WM_JOURNEY_SCORE) &&
      g_strcmp0 (stage_id, wm_item_get_string (item, WM_JOURNEY_STAGE)) == 0)
    return;
  /* The diagram's "changed" at the group's end redraws the curve. */
  begin_drag_edit (self);
  set_number (self, data->drag_id, WM_JOURNEY_SCORE, score);
  if (stage_id != NULL)
    wm_diagram_set_property (self->diagram, data->drag_id, WM_JOURNEY_STAGE, stage_id, NULL);
  sync_bounds (self, data->drag_id);
  wm_project_end_group (project_of (self));
}

/* The cell a card dropped at (x, y) goes to: any lane but the emotion lane
 * for a card, the KPI lane of the column for a KPI. */
static void
find_target (WmCanvas *self,
             double    x,
             double    y)
{
  Journey *data = journey_data (self);
  const WmJourneyLayout *layout = get_layout (self);
  WmItem *item = wm_diagram_lookup (self->diagram, data->drag_id);
  const char *lane_id;
  int stage = -1, lane = -1;

  if (item != NULL && layout != NULL && wm_journey_layout_cell_at (layout, x, y, NULL, &lane_id))
    {
      stage = wm_journey_layout_stage_at (layout, x);
      if (is_type (item, "kpi"))
        lane = layout->kpi_lane;
      else
        for (guint l = 0; l < layout->n_lanes; l++)
          if (layout->lanes[l].id == lane_id && (int) l != layout->emotion_lane)
            lane = (int) l;
    }
  if (lane < 0)
    stage = -1;
  data->target_stage = stage;
  data->target_lane = lane;
}

/* The index a header dragged to (x, y) would take: the column or row under
 * the pointer, the first or last beyond the grid. */
static int
header_drop_index (const WmJourneyLayout *layout,
                   gboolean               stages,
                   double                 x,
                   double                 y)
{
  int index = 0;

  if (stages)
    {
      if (layout->n_stages == 0)
        return -1;
      if (x >= layout->grid.x + layout->grid.width)
        return (int) layout->n_stages - 1;
      return MAX (wm_journey_layout_stage_at (layout, x), 0);
    }
  if (layout->n_lanes == 0)
    return -1;
  for (guint l = 0; l < layout->n_lanes; l++)
    if (layout->lanes[l].rect.y <= y)
      index = (int) l;
  return index;
}

static gboolean
begin_header_drag (WmCanvas              *self,
                   const WmJourneyLayout *layout,
                   double                 x,
                   double                 y)
{
  Journey *data = journey_data (self);
  int stage = wm_journey_layout_stage_header_at (layout, x, y);
  int lane = wm_journey_layout_lane_header_at (layout, x, y);

  if (stage < 0 && lane < 0)
    return FALSE;
  data->kind = DRAG_HEADER;
  data->drag_list = stage >= 0 ? WM_JOURNEY_STAGES : WM_JOURNEY_LANES;
  data->drag_from = stage >= 0 ? stage : lane;
  data->drop_index = data->drag_from;
  data->drag_id = g_strdup (stage >= 0 ? layout->stages[stage].id : layout->lanes[lane].id);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  return TRUE;
}

static gboolean
drag_begin (WmCanvas *self,
            WmItem   *item,
            double    x,
            double    y)
{
  Journey *data = journey_data (self);
  const WmJourneyLayout *layout = get_layout (self);
  WmRect rect;
  int stage;

  if (layout == NULL)
    return FALSE;
  data->edited = FALSE;
  data->target_stage = data->target_lane = -1;
  /* Without an emotion lane a point is drawn at its bounds, where the
   * canvas's own move drag is the right one. */
  if (is_type (item, "emotion") && layout->emotion_lane >= 0)
    {
      data->kind = DRAG_EMOTION;
      data->drag_id = g_strdup (item->id);
      /* Unselected while it moves: the ring and the score show it, and the
       * selection's resize handles would crowd the point. */
      _wm_canvas_clear_selection (self);
      /* A new drag is a new undo step, even of the same point. */
      _wm_canvas_break_merge (self);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      return TRUE;
    }
  if (is_type (item, "card") || is_type (item, "kpi"))
    {
      wm_journey_layout_item_rect (layout, item, &rect);
      data->kind = DRAG_CARD;
      data->drag_id = g_strdup (item->id);
      data->grab_x = x - rect.x;
      data->grab_y = y - rect.y;
      data->ghost = rect;
      g_clear_pointer (&data->companions, g_ptr_array_unref);
      data->companions = g_ptr_array_new_with_free_func (g_free);
      /* Grabbed in a selection, the selection's other cards and KPIs go
       * to the same cell; grabbed alone, the card is the selection. */
      if (_wm_canvas_is_selected (self, item->id))
        {
          const char *const *ids = _wm_canvas_get_selection_ids (self);

          for (guint i = 0; ids[i] != NULL; i++)
            {
              WmItem *other = wm_diagram_lookup (self->diagram, ids[i]);

              if (other != item && (is_type (other, "card") || is_type (other, "kpi")))
                g_ptr_array_add (data->companions, g_strdup (other->id));
            }
        }
      else
        select_only (self, item->id);
      find_target (self, x, y);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      return TRUE;
    }
  if (item == NULL && (stage = add_handle_at (self, x, y)) >= 0)
    {
      WmRect cell;
      g_autofree char *id = NULL;

      wm_journey_layout_cell_rect (layout, (guint) stage, (guint) layout->emotion_lane, &cell);
      /* The point is made at the neutral line; the drag then sets its
       * score, all in the one undo step of its creation. */
      id = add_in_cell (self, "emotion", layout->stages[stage].id, NULL, 0, &cell);
      if (id == NULL)
        return FALSE;
      data->kind = DRAG_EMOTION;
      data->drag_id = g_steal_pointer (&id);
      data->edited = TRUE;
      _wm_canvas_clear_selection (self);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      return TRUE;
    }
  if (item == NULL)
    return begin_header_drag (self, layout, x, y);
  return FALSE;
}

static void
drag_update (WmCanvas *self,
             double    x,
             double    y)
{
  Journey *data = journey_data (self);

  if (data->kind == DRAG_EMOTION)
    update_emotion (self, x, y);
  else if (data->kind == DRAG_CARD)
    {
      data->ghost.x = x - data->grab_x;
      data->ghost.y = y - data->grab_y;
      find_target (self, x, y);
    }
  else if (data->kind == DRAG_HEADER)
    {
      const WmJourneyLayout *layout = get_layout (self);

      if (layout != NULL)
        data->drop_index = header_drop_index (layout, is_stages (data->drag_list), x, y);
    }
}

/* Files @id in the cell (@stage, @lane); a KPI only changes stage, since
 * KPIs live in the KPI lane. TRUE if it changed. */
static gboolean
file_in_cell (WmCanvas   *self,
              const char *id,
              const char *stage,
              const char *lane)
{
  WmItem *item = wm_diagram_lookup (self->diagram, id);
  gboolean kpi, changed = FALSE;

  if (item == NULL)
    return FALSE;
  kpi = is_type (item, "kpi");
  if (g_strcmp0 (stage, wm_item_get_string (item, WM_JOURNEY_STAGE)) != 0)
    changed |= wm_diagram_set_property (self->diagram, id, WM_JOURNEY_STAGE, stage, NULL);
  if (!kpi && g_strcmp0 (lane, wm_item_get_string (item, WM_JOURNEY_LANE)) != 0)
    changed |= wm_diagram_set_property (self->diagram, id, WM_JOURNEY_LANE, lane, NULL);
  return changed;
}

static void
drop_card (WmCanvas *self)
{
  Journey *data = journey_data (self);
  const WmJourneyLayout *layout = get_layout (self);
  WmItem *item = wm_diagram_lookup (self->diagram, data->drag_id);
  g_autofree char *stage = NULL;
  g_autofree char *lane = NULL;
  guint n = data->companions != NULL ? data->companions->len : 0;
  g_autoptr(GPtrArray) filed = NULL;
  g_autoptr(WmJourneyLayout) after = NULL;
  gboolean kpi;

  if (item == NULL || layout == NULL || data->target_stage < 0 ||
      (guint) data->target_stage >= layout->n_stages ||
      (guint) data->target_lane >= layout->n_lanes)
    return;
  kpi = is_type (item, "kpi") && n == 0;
  stage = g_strdup (layout->stages[data->target_stage].id);
  lane = g_strdup (layout->lanes[data->target_lane].id);
  _wm_canvas_break_merge (self);
  wm_project_begin_group (project_of (self), kpi ? _("Move KPI")
                                             : n > 0 ? _("Move cards") : _("Move card"));
  filed = g_ptr_array_new ();
  if (file_in_cell (self, data->drag_id, stage, lane))
    g_ptr_array_add (filed, data->drag_id);
  for (guint i = 0; i < n; i++)
    if (file_in_cell (self, g_ptr_array_index (data->companions, i), stage, lane))
      g_ptr_array_add (filed, g_ptr_array_index (data->companions, i));
  /* The layout places cards by their cell and z-order, never by their
   * bounds: one layout after all are filed gives each card where it ends
   * up, where one per card cost a layout of the whole journey each. It is
   * made from the one before the drop, reading only the cards filed. */
  if (filed->len > 0)
    {
      guint n_filed = filed->len;

      g_ptr_array_add (filed, NULL);
      after = wm_journey_layout_new_from (self->diagram, layout,
                                          (const char *const *) filed->pdata);
      for (guint i = 0; i < n_filed; i++)
        sync_bounds_in (self, after, g_ptr_array_index (filed, i));
    }
  wm_project_end_group (project_of (self));
  /* Bounds set to where it places the cards leave that layout as it was:
   * it is the journey's now, and the frame that shows the drop draws it. */
  if (after != NULL)
    wm_journey_layout_keep (self->diagram, after);
}

static void
drag_end (WmCanvas *self,
          double    x,
          double    y,
          gboolean  cancelled)
{
  Journey *data = journey_data (self);

  if (!cancelled && data->kind == DRAG_CARD)
    {
      drag_update (self, x, y);
      drop_card (self);
    }
  else if (!cancelled && data->kind == DRAG_HEADER)
    {
      drag_update (self, x, y);
      if (data->drop_index >= 0 && data->drop_index != data->drag_from)
        {
          _wm_canvas_break_merge (self);
          wm_diagram_list_move (self->diagram, data->drag_list, data->drag_id,
                                (guint) data->drop_index);
        }
    }
  /* An emotion drag's edits are made as it goes: a cancelled one keeps
   * them, as one undo step. The point is selected once it rests. */
  if (data->kind == DRAG_EMOTION && !cancelled && data->drag_id != NULL &&
      wm_diagram_lookup (self->diagram, data->drag_id) != NULL)
    select_only (self, data->drag_id);
  data->kind = DRAG_NONE;
  data->edited = FALSE;
  data->target_stage = data->target_lane = -1;
  g_clear_pointer (&data->drag_id, g_free);
  g_clear_pointer (&data->companions, g_ptr_array_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A node made by a tool or the palette lands in the cell it was dropped
 * in, as part of its creation's undo step. */
static void
created (WmCanvas *self,
         WmItem   *item)
{
  const WmJourneyLayout *layout = get_layout (self);
  WmRect *b = &item->bounds;
  const char *stage, *lane;
  g_autofree char *id = NULL;
  g_autofree char *stage_id = NULL;
  g_autofree char *lane_id = NULL;
  const char *current = wm_item_get_string (item, WM_JOURNEY_STAGE);

  if (layout == NULL || (current != NULL && current[0] != '\0') ||
      !wm_journey_layout_cell_at (layout, b->x + b->width / 2, b->y + b->height / 2,
                                  &stage, &lane))
    return;
  id = g_strdup (item->id);
  stage_id = g_strdup (stage);
  lane_id = g_strdup (lane);
  wm_project_begin_joined_group (project_of (self), _("Add card"));
  wm_diagram_set_property (self->diagram, id, WM_JOURNEY_STAGE, stage_id, NULL);
  if (is_type (item, "card"))
    {
      wm_diagram_set_property (self->diagram, id, WM_JOURNEY_LANE, lane_id, NULL);
      take_lane_color (self, id, lane_id);
    }
  else if (is_type (item, "emotion"))
    {
      WmItem *point = wm_diagram_lookup (self->diagram, id);

      set_number (self, id, WM_JOURNEY_SCORE,
                  snap_score (wm_journey_layout_score_at (layout, point->bounds.y +
                                                          point->bounds.height / 2)));
    }
  sync_bounds (self, id);
  wm_project_end_group (project_of (self));
}

/* Painting, in widget pixels */

static WmRect
to_widget_rect (WmCanvas     *self,
                const WmRect *rect)
{
  WmRect widget;

  wm_viewport_doc_rect_to_widget (self->viewport, rect, &widget);
  return widget;
}

/* Whether a point's ring of radius @r around widget point (@x, @y) shows:
 * a long journey has thousands of points, and drawing those out of view
 * took most of a frame. */
static gboolean
shows_in_widget (WmCanvas *self,
                 double    x,
                 double    y,
                 double    r)
{
  double width, height;

  wm_viewport_get_size (self->viewport, &width, &height);
  return x + r >= 0 && y + r >= 0 && x - r <= width && y - r <= height;
}

/* Whether the emotion lane's row, with @reach document units above and
 * below, meets @visible. */
static gboolean
lane_in_view (const WmJourneyLayout *layout,
              const WmRect          *visible,
              double                 reach)
{
  const WmRect *row = &layout->lanes[layout->emotion_lane].rect;

  return row->y + row->height + reach >= visible->y &&
         row->y - reach <= visible->y + visible->height;
}

/* The run [*first, *end) of layout->emotions in the stages that show, with
 * @reach pixels around the view. The layout keeps the points by stage, each
 * inside its stage's column, so when the columns run left to right the ones
 * in view are found by two searches instead of a look at every point. */
static void
emotions_in_view (WmCanvas              *self,
                  const WmJourneyLayout *layout,
                  double                 reach,
                  guint                 *first,
                  guint                 *end)
{
  double zoom = wm_viewport_get_zoom (self->viewport);
  int lo = -1, hi = -1;
  guint a = 0, b = layout->emotions->len;
  WmRect visible;

  *first = 0;
  *end = layout->emotions->len;
  wm_viewport_get_visible (self->viewport, &visible);
  /* Every point's centre lies inside the emotion lane, and a selected
   * point's ring is no wider than its stage's column: none shows while
   * the lane is scrolled out of view. */
  if (layout->emotion_lane >= 0 &&
      !lane_in_view (layout, &visible, reach / zoom + WM_JOURNEY_COLUMN_WIDTH / 2))
    {
      *end = 0;
      return;
    }
  for (guint s = 0; s < layout->n_stages; s++)
    {
      const WmRect *column = &layout->stages[s].rect;

      if (s > 0 && column->x < layout->stages[s - 1].rect.x)
        return;
      if (column->x + column->width >= visible.x - reach / zoom && lo < 0)
        lo = (int) s;
      if (column->x <= visible.x + visible.width + reach / zoom)
        hi = (int) s;
    }
  /* The first point of a stage at or after lo, then the first after hi. */
  while (a < b)
    {
      guint m = a + (b - a) / 2;

      if (lo >= 0 && emotion_stage (layout, m) < lo)
        a = m + 1;
      else
        b = m;
    }
  *first = a;
  for (b = layout->emotions->len; a < b;)
    {
      guint m = a + (b - a) / 2;

      if (emotion_stage (layout, m) <= hi)
        a = m + 1;
      else
        b = m;
    }
  *end = lo < 0 ? *first : a;
}

static void
paint_emotion_handles (WmCanvas              *self,
                       cairo_t               *cr,
                       const WmJourneyLayout *layout)
{
  Journey *data = journey_data (self);
  g_autofree gboolean *missing = stages_without_points (layout);
  WmColor accent = wm_color_accent;
  guint first, end;

  /* The dragged point's score pad reaches 70 pixels to the right. */
  emotions_in_view (self, layout, POINT_HANDLE_RADIUS + 70, &first, &end);
  cairo_set_line_width (cr, 1.5);
  for (guint i = first; i < end; i++)
    {
      const WmItem *item = g_ptr_array_index (layout->emotions, i);
      gboolean dragged = g_strcmp0 (item->id, data->drag_id) == 0;
      WmRect rect;
      WmPoint c;
      double x, y;

      wm_journey_layout_item_rect (layout, item, &rect);
      c = wm_rect_center (&rect);
      _wm_canvas_doc_to_widget (self, c.x, c.y, &x, &y);
      /* The dragged point's score pad reaches 50 pixels to the right. */
      if (!shows_in_widget (self, x, y, POINT_HANDLE_RADIUS + (dragged ? 60 : 2)))
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, POINT_HANDLE_RADIUS + (dragged ? 2 : 0), 0, 2 * G_PI);
      accent.alpha = dragged ? 0.25 : 0;
      wm_set_color (cr, &accent);
      cairo_fill_preserve (cr);
      accent.alpha = dragged ? 1 : 0.7;
      wm_set_color (cr, &accent);
      cairo_stroke (cr);
      if (dragged)
        {
          /* The score beside the point while it moves. */
          char text[32];
          double score = wm_item_get_number (item, WM_JOURNEY_SCORE);
          WmTextStyle style = wm_text_style (11);
          WmRect pad = { x + POINT_HANDLE_RADIUS + 8, y - 10, 38, 20 };

          g_snprintf (text, sizeof text, score > 0 ? "+%.1f" : "%.1f", score);
          style.halign = WM_ALIGN_CENTER;
          style.valign = WM_ALIGN_CENTER;
          style.wrap = FALSE;
          style.weight = PANGO_WEIGHT_BOLD;
          style.color = &wm_color_paper;
          wm_draw_box (cr, &pad, 6, &wm_color_accent, NULL, 0);
          wm_draw_text (cr, NULL, text, &pad, &style);
        }
    }
  if (data->kind != DRAG_NONE)
    return;
  accent.alpha = 0.8;
  for (guint s = 0; s < layout->n_stages; s++)
    {
      WmPoint c;
      double x, y, r = ADD_HANDLE_RADIUS;

      if (!missing[s])
        continue;
      c = add_handle_center (layout, s);
      _wm_canvas_doc_to_widget (self, c.x, c.y, &x, &y);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      wm_set_color (cr, &wm_color_paper);
      cairo_fill_preserve (cr);
      wm_set_color (cr, &accent);
      cairo_stroke (cr);
      cairo_move_to (cr, x - r / 2, y);
      cairo_line_to (cr, x + r / 2, y);
      cairo_move_to (cr, x, y - r / 2);
      cairo_line_to (cr, x, y + r / 2);
      cairo_stroke (cr);
    }
}

/* An emotion point placed in the lane shows its selection as a ring: eight
 * resize handles would hide a dot that small, and its size is not the
 * analyst's to change. */
static gboolean
paints_selection (WmCanvas     *self,
                  const WmItem *node)
{
  const WmJourneyLayout *layout = get_layout (self);
  WmRect rect;

  return is_type (node, "emotion") && layout != NULL && layout->emotion_lane >= 0 &&
         wm_journey_layout_item_rect (layout, node, &rect);
}

static void
paint_selected_emotions (WmCanvas              *self,
                         cairo_t               *cr,
                         const WmJourneyLayout *layout)
{
  double zoom = wm_viewport_get_zoom (self->viewport);
  WmColor halo = wm_color_accent;
  guint first, end;

  /* A ring is no wider than its dot, which fits in its stage's column. */
  emotions_in_view (self, layout, POINT_HANDLE_RADIUS + SELECTED_RING_GAP + 2 * SELECTED_RING_WIDTH,
                    &first, &end);
  halo.alpha = 0.25;
  for (guint i = first; i < end; i++)
    {
      const WmItem *item = g_ptr_array_index (layout->emotions, i);
      WmRect rect;
      WmPoint c;
      double x, y, r;

      if (!_wm_canvas_is_selected (self, item->id))
        continue;
      wm_journey_layout_item_rect (layout, item, &rect);
      c = wm_rect_center (&rect);
      _wm_canvas_doc_to_widget (self, c.x, c.y, &x, &y);
      r = MAX (POINT_HANDLE_RADIUS, MIN (rect.width, rect.height) / 2 * zoom) + SELECTED_RING_GAP;
      if (!shows_in_widget (self, x, y, r + 2 * SELECTED_RING_WIDTH))
        continue;
      /* A soft halo under a firm ring, leaving the dot's colour alone. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_set_line_width (cr, 2 * SELECTED_RING_WIDTH);
      wm_set_color (cr, &halo);
      cairo_stroke_preserve (cr);
      cairo_set_line_width (cr, SELECTED_RING_WIDTH);
      wm_set_color (cr, &wm_color_accent);
      cairo_stroke (cr);
    }
}

/* The target cell, tinted, and a ghost of the card under the pointer. */
static void
paint_card_drag (WmCanvas              *self,
                 cairo_t               *cr,
                 const WmJourneyLayout *layout)
{
  Journey *data = journey_data (self);
  WmItem *item = wm_diagram_lookup (self->diagram, data->drag_id);
  WmColor accent = wm_color_accent, fill = wm_color_paper;
  WmTextStyle style = wm_text_style (11.5);
  double zoom = wm_viewport_get_zoom (self->viewport), ox, oy;
  WmRect cell;

  if (data->target_stage >= 0 &&
      wm_journey_layout_cell_rect (layout, (guint) data->target_stage, (guint) data->target_lane,
                                   &cell))
    {
      WmRect r = to_widget_rect (self, &cell);

      accent.alpha = 0.12;
      wm_draw_box (cr, &(WmRect) { r.x + 1, r.y + 1, r.width - 2, r.height - 2 }, 4, &accent,
                   &wm_color_accent, 2);
    }
  if (item == NULL)
    return;
  wm_color_parse (wm_item_get_string (item, WM_FIELD_COLOR), &fill);
  /* The ghost is drawn in document units, as the painter draws cards. */
  wm_viewport_get_origin (self->viewport, &ox, &oy);
  cairo_save (cr);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -ox, -oy);
  cairo_push_group (cr);
  wm_draw_box (cr, &data->ghost, 6, &fill, &wm_color_accent, 1.5);
  if (data->ghost.width > 20 && data->ghost.height > 16)
    wm_draw_text (cr, NULL, item->text,
                  &(WmRect) { data->ghost.x + 9, data->ghost.y + 8, data->ghost.width - 18,
                              data->ghost.height - 16 }, &style);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, GHOST_ALPHA);
  cairo_restore (cr);
  if (data->companions != NULL && data->companions->len > 0)
    {
      /* How many more go along, in a badge on the ghost's corner. */
      g_autofree char *more = g_strdup_printf ("+%u", data->companions->len);
      WmTextStyle badge = wm_text_style (11);
      WmRect r = to_widget_rect (self, &data->ghost);
      WmRect pill = { r.x + r.width - 14, r.y - 10, 28, 20 };

      badge.color = &wm_color_paper;
      badge.halign = WM_ALIGN_CENTER;
      badge.valign = WM_ALIGN_CENTER;
      badge.weight = PANGO_WEIGHT_BOLD;
      wm_draw_box (cr, &pill, 10, &wm_color_accent, NULL, 0);
      wm_draw_text (cr, NULL, more, &pill, &badge);
    }
}

/* The dragged header tinted, and a bar where it would go: left or right
 * of the column under the pointer, or above or below the row. */
static void
paint_header_drag (WmCanvas              *self,
                   cairo_t               *cr,
                   const WmJourneyLayout *layout)
{
  Journey *data = journey_data (self);
  gboolean stages = is_stages (data->drag_list);
  guint n = stages ? layout->n_stages : layout->n_lanes;
  const WmJourneyBand *bands = stages ? layout->stages : layout->lanes;
  WmColor tint = wm_color_accent;
  WmRect from, to, bar;

  if (data->drag_from < 0 || (guint) data->drag_from >= n || data->drop_index < 0 ||
      (guint) data->drop_index >= n)
    return;
  from = to_widget_rect (self, &bands[data->drag_from].header);
  tint.alpha = 0.25;
  wm_draw_box (cr, &from, 4, &tint, &wm_color_accent, 1.5);
  if (data->drop_index == data->drag_from)
    return;
  to = to_widget_rect (self, &bands[data->drop_index].header);
  if (stages)
    {
      WmRect column = to_widget_rect (self, &bands[data->drop_index].rect);
      double x = data->drop_index > data->drag_from ? to.x + to.width : to.x;

      bar = (WmRect) { x - 2, to.y, 4, column.y + column.height - to.y };
    }
  else
    {
      WmRect row = to_widget_rect (self, &bands[data->drop_index].rect);
      double y = data->drop_index > data->drag_from ? to.y + to.height : to.y;

      bar = (WmRect) { to.x, y - 2, row.x + row.width - to.x, 4 };
    }
  wm_draw_box (cr, &bar, 2, &wm_color_accent, NULL, 0);
}

static void
paint (WmCanvas *self,
       cairo_t  *cr)
{
  const WmJourneyLayout *layout = get_layout (self);
  Journey *data = journey_data (self);

  if (layout == NULL)
    return;
  if (layout->emotion_lane >= 0)
    paint_selected_emotions (self, cr, layout);
  if (!_wm_canvas_is_writable (self))
    return;
  if (layout->emotion_lane >= 0)
    paint_emotion_handles (self, cr, layout);
  if (data->kind == DRAG_CARD)
    paint_card_drag (self, cr, layout);
  else if (data->kind == DRAG_HEADER)
    paint_header_drag (self, cr, layout);
}

/* Life cycle */

static void
changed (WmCanvas      *self,
         const WmDelta *delta)
{
  forget_layout (self);
}

static void
detach (WmCanvas *self)
{
  Journey *data = self->behavior_data;

  if (data == NULL)
    return;
  g_clear_pointer (&data->layout, wm_journey_layout_free);
  g_free (data->drag_id);
  g_clear_pointer (&data->companions, g_ptr_array_unref);
  g_free (data);
  self->behavior_data = NULL;
}

static void
add_here_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  double x, y;

  g_variant_get (parameter, "(dd)", &x, &y);
  if (self->diagram != NULL && self->behavior == &_wm_canvas_behavior_journey &&
      _wm_canvas_is_writable (self))
    create_in_cell (self, x, y);
}

static void
class_init (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_actions); i++)
    gtk_widget_class_install_action (widget_class, list_actions[i].action, "s", list_action);
  /* (x, y) in document units: the point of the cell the context menu opened on. */
  gtk_widget_class_install_action (widget_class, "canvas.journey-add-here", "(dd)",
                                   add_here_action);
}

/* A journey's lane for @type: the emotions' and KPIs' own, else @current
 * (a lane index, or -1) when it holds cards, else the first lane of cards. */
static int
lane_for_type (const WmJourneyLayout *layout,
               const WmItemType      *type,
               int                    current)
{
  if (g_str_equal (type->id, "emotion"))
    return layout->emotion_lane;
  if (g_str_equal (type->id, "kpi"))
    return layout->kpi_lane;
  if (current >= 0 && current != layout->emotion_lane && current != layout->kpi_lane)
    return current;
  for (guint i = 0; i < layout->n_lanes; i++)
    if ((int) i != layout->emotion_lane && (int) i != layout->kpi_lane)
      return i;
  return -1;
}

/* A node made from the keyboard goes into the cell of the selection, in the
 * lane its type belongs to, or the first stage's. */
static gboolean
place_new (WmCanvas         *self,
           const WmItem     *selected,
           const WmItemType *type,
           WmRect           *rect)
{
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (self->diagram);
  int stage = -1, lane = -1;

  if (layout == NULL)
    return FALSE;
  if (selected != NULL)
    wm_journey_layout_item_cell (layout, selected, &stage, &lane);
  lane = lane_for_type (layout, type, lane);
  return lane >= 0 && wm_journey_layout_cell_rect (layout, MAX (stage, 0), lane, rect);
}

const WmCanvasBehavior _wm_canvas_behavior_journey = {
  .notation_id = "customer-journey",
  .class_init = class_init,
  .detach = detach,
  .changed = changed,
  .activate = activate,
  .drag_begin = drag_begin,
  .drag_update = drag_update,
  .drag_end = drag_end,
  .created = created,
  .paint = paint,
  .paints_selection = paints_selection,
  .populate_menu = populate_menu,
  .place_new = place_new,
};
