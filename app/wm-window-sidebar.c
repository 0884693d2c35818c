/* wm-window-sidebar.c — the window's sidebar: the project's diagrams and their menu
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkListView over the project's diagrams (the window's GtkSingleSelection,
 * made in wm_window_set_project()), one row per diagram with its notation's
 * icon and its name, and a context menu on the rows: right click, long press,
 * Shift+F10 or the Menu key. The menu's items are "win." actions
 * (wm-window-actions.c) that act on the selected diagram. The sidebar's
 * other page is the outline of the diagram shown (WmOutline), which
 * Ctrl+Shift+O goes to and back from.
 */
#define G_LOG_DOMAIN "wm-window"

#include "config.h"

#include "wm-window-private.h"

/* The rows */

static const char *
icon_for (WmDiagram *diagram)
{
  return wm_diagram_get_notation (diagram)->icon_name;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
  /* The context menu finds the row under the pointer through this. */
  g_object_set_data (G_OBJECT (box), "wm-list-item", item);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  WmDiagram *diagram = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_for (diagram));
  g_object_set_data (G_OBJECT (label), "wm-binding",
                     g_object_bind_property (diagram, "name", label, "label",
                                             G_BINDING_SYNC_CREATE));
  gtk_widget_set_tooltip_text (box, g_dgettext (GETTEXT_PACKAGE,
                                                wm_diagram_get_notation (diagram)->label));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkWidget *label = gtk_widget_get_last_child (gtk_list_item_get_child (item));
  GBinding *binding = g_object_get_data (G_OBJECT (label), "wm-binding");

  /* Bindings die with their source or target; unbinding keeps a reused row
   * from following the diagram it showed before. */
  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (label), "wm-binding", NULL);
}

guint
_wm_window_find_position (WmWindow  *self,
                          WmDiagram *diagram)
{
  for (guint position = 0; position < wm_project_get_n_diagrams (self->project); position++)
    if (wm_project_get_diagram (self->project, position) == diagram)
      return position;
  return GTK_INVALID_LIST_POSITION;
}

/* The context menu of the sidebar's rows */

static guint
row_position_at (WmWindow *self,
                 double    x,
                 double    y)
{
  GtkWidget *list = GTK_WIDGET (self->diagram_list);

  for (GtkWidget *widget = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);
       widget != NULL && widget != list; widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *first = gtk_widget_get_first_child (widget);
      GtkListItem *item = g_object_get_data (G_OBJECT (widget), "wm-list-item");

      /* A click on a row's padding picks the row, whose first child is our box. */
      if (item == NULL && first != NULL)
        item = g_object_get_data (G_OBJECT (first), "wm-list-item");
      if (item != NULL)
        return gtk_list_item_get_position (item);
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
popup_diagram_menu (WmWindow *self,
                    double    x,
                    double    y)
{
  GdkRectangle at = { (int) x, (int) y, 1, 1 };

  gtk_popover_set_pointing_to (GTK_POPOVER (self->diagram_popover), &at);
  gtk_popover_popup (GTK_POPOVER (self->diagram_popover));
}

static gboolean
popup_menu_on_row (WmWindow *self,
                   double    x,
                   double    y)
{
  guint position = row_position_at (self, x, y);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  popup_diagram_menu (self, x, y);
  return TRUE;
}

static void
on_sidebar_right_click (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        WmWindow        *self)
{
  if (popup_menu_on_row (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_sidebar_long_press (GtkGestureLongPress *gesture,
                       double               x,
                       double               y,
                       WmWindow            *self)
{
  if (popup_menu_on_row (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Shift+F10 and the Menu key open the menu at the focused row. */
static gboolean
on_sidebar_menu_key (GtkWidget *list,
                     GVariant  *args,
                     gpointer   user_data)
{
  WmWindow *self = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  graphene_rect_t bounds;

  if (gtk_single_selection_get_selected_item (self->selection) == NULL)
    return FALSE;
  if (focus != NULL && gtk_widget_is_ancestor (focus, list) &&
      gtk_widget_compute_bounds (focus, list, &bounds))
    popup_diagram_menu (self, bounds.origin.x + 12, bounds.origin.y + bounds.size.height / 2);
  else
    popup_diagram_menu (self, 12, 12);
  return TRUE;
}

static void
setup_context_menu (WmWindow *self)
{
  GtkWidget *list = GTK_WIDGET (self->diagram_list);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkShortcutAction *action = gtk_callback_action_new (on_sidebar_menu_key, self, NULL);

  self->diagram_popover = gtk_popover_menu_new_from_model (self->diagram_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->diagram_popover), FALSE);
  gtk_widget_set_halign (self->diagram_popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->diagram_popover, list);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_sidebar_right_click), self);
  gtk_widget_add_controller (list, GTK_EVENT_CONTROLLER (click));
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_sidebar_long_press), self);
  gtk_widget_add_controller (list, GTK_EVENT_CONTROLLER (long_press));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_Menu, 0)),
                                                          action));
  gtk_widget_add_controller (list, keys);
}

/* The outline */

/* Ctrl+Shift+O shows the outline of the diagram shown, its selected row
 * focused; from the outline, it goes back to the diagrams. */
static void
toggle_outline_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WmWindow *self = WM_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean in_outline = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->outline));

  if (in_outline ||
      (g_strcmp0 (gtk_stack_get_visible_child_name (self->sidebar_stack), "outline") == 0 &&
       focus == NULL))
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "diagrams");
      gtk_widget_grab_focus (GTK_WIDGET (self->diagram_list));
      return;
    }
  gtk_stack_set_visible_child_name (self->sidebar_stack, "outline");
  wm_outline_focus (self->outline);
}

void
_wm_window_class_init_sidebar (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.toggle-outline", NULL,
                                   toggle_outline_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.toggle-outline", NULL);
}

void
_wm_window_init_sidebar (WmWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->diagram_list, factory);
  g_object_unref (factory);
  setup_context_menu (self);
}

void
_wm_window_dispose_sidebar (WmWindow *self)
{
  g_clear_pointer (&self->diagram_popover, gtk_widget_unparent);
}
