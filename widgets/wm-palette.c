/* wm-palette.c — the tools of a diagram's notation, for the canvas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One toggle button per tool: select first, then the notation's node types,
 * then its link types. Each shows its type as the notation's own painter
 * draws it, so the palette can never drift from what lands on the canvas.
 * The active button and the canvas's tool follow each other, and the
 * buttons are made again when the canvas shows a diagram of another kind.
 * Node types can also be dragged onto the canvas: the drop carries the
 * type's id as a string. The box that holds the buttons is in
 * wm-palette.ui; the buttons come from the notation registry.
 */
#define G_LOG_DOMAIN "wm-palette"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-draw.h"
#include "wm-palette.h"
#include "wm-render.h"
#include "wm-widgets-resources.h"

#define PREVIEW_SIZE 32   /* pixels */
#define PREVIEW_SCALE 2   /* previews are rendered this much finer, for HiDPI */

struct _WmPalette
{
  GtkWidget         parent_instance;

  GtkWidget        *box;
  GSignalGroup     *canvas_signals;
  const WmNotation *notation;
  GHashTable       *buttons;   /* type id (or "") -> GtkToggleButton, unowned */
  gboolean          syncing;   /* the palette itself is changing the active button */
};

enum {
  PROP_0,
  PROP_CANVAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (WmPalette, wm_palette, GTK_TYPE_WIDGET)

/* Previews
 *
 * A preview is an item of the type in a throwaway diagram, painted scaled
 * into a square. They are made once per type and kept for the process. */

static GHashTable *previews;   /* "notation/type" -> cairo_surface_t */

/* Adds an item of @type to @diagram, or NULL; @area is the part to show. */
static WmItem *
add_preview_item (WmDiagram        *diagram,
                  const WmItemType *type,
                  WmRect           *area)
{
  const WmNotation *notation = wm_diagram_get_notation (diagram);
  const WmItemType *from, *to;
  WmItem *item, *source, *target;

  if (type->kind == WM_ITEM_NODE)
    {
      item = wm_diagram_add_node (diagram, type->id,
                                  &(WmRect) { 0, 0, type->width, type->height }, "", NULL);
      if (item == NULL)
        return NULL;
      /* Where its painter puts it: a layout may place it (a note in its area). */
      wm_render_node_rect (diagram, item, area);
      return item;
    }
  if (!wm_notation_find_link_ends (notation, type, &from, &to))
    return NULL;
  /* Two small nodes apart: only the link is painted, over its own extent. */
  source = wm_diagram_add_node (diagram, from->id, &(WmRect) { 0, 20, 10, 10 }, "", NULL);
  target = wm_diagram_add_node (diagram, to->id, &(WmRect) { 50, 0, 10, 10 }, "", NULL);
  if (source == NULL || target == NULL)
    return NULL;
  item = wm_diagram_add_link (diagram, type->id, source->id, target->id, NULL);
  if (item != NULL)
    wm_render_item_extent (diagram, item, area);
  return item;
}

static cairo_surface_t *
render_preview (const WmNotation *notation,
                const WmItemType *type)
{
  int size = PREVIEW_SIZE * PREVIEW_SCALE;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_project_add_diagram (project, notation->id, "preview", NULL);
  WmRenderOptions options;
  WmItem *item = NULL;
  WmRect area;
  double scale;
  cairo_t *cr;

  if (diagram != NULL)
    item = add_preview_item (diagram, type, &area);
  if (item == NULL || area.width <= 0 || area.height <= 0)
    return surface;
  cr = cairo_create (surface);
  scale = 0.9 * MIN (size / area.width, size / area.height);
  cairo_translate (cr, size / 2.0, size / 2.0);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -(area.x + area.width / 2), -(area.y + area.height / 2));
  wm_render_options_init (&options);
  options.scale = scale;
  options.paper = FALSE;
  wm_render_item (diagram, item, cr, &options);
  cairo_destroy (cr);
  return surface;
}

static cairo_surface_t *
get_preview (const WmNotation *notation,
             const WmItemType *type)
{
  g_autofree char *key = g_strconcat (notation->id, "/", type->id, NULL);
  cairo_surface_t *surface;

  if (previews == NULL)
    previews = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) cairo_surface_destroy);
  surface = g_hash_table_lookup (previews, key);
  if (surface == NULL)
    {
      surface = render_preview (notation, type);
      g_hash_table_insert (previews, g_steal_pointer (&key), surface);
    }
  return surface;
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  const WmItemType *type = data;
  WmPalette *self = WM_PALETTE (gtk_widget_get_ancestor (GTK_WIDGET (area), WM_TYPE_PALETTE));

  if (self == NULL || self->notation == NULL)
    return;
  cairo_translate (cr, (width - PREVIEW_SIZE) / 2.0, (height - PREVIEW_SIZE) / 2.0);
  /* On a tile of paper, as on the canvas: the painters draw for paper, so
   * the previews stay visible in a dark theme too. */
  wm_path_rounded_rect (cr, &(WmRect) { 0, 0, PREVIEW_SIZE, PREVIEW_SIZE }, 4);
  wm_set_color (cr, &wm_color_paper);
  cairo_fill (cr);
  cairo_scale (cr, 1.0 / PREVIEW_SCALE, 1.0 / PREVIEW_SCALE);
  cairo_set_source_surface (cr, get_preview (self->notation, type), 0, 0);
  cairo_paint (cr);
}

/* Buttons */

static WmCanvas *
dup_canvas (WmPalette *self)
{
  return g_signal_group_dup_target (self->canvas_signals);
}

static void
button_toggled (GtkToggleButton *button,
                WmPalette       *self)
{
  g_autoptr(WmCanvas) canvas = dup_canvas (self);
  const char *type_id = g_object_get_data (G_OBJECT (button), "wm-type");

  if (self->syncing || canvas == NULL || !gtk_toggle_button_get_active (button))
    return;
  wm_canvas_set_tool (canvas, type_id);
}

static GdkContentProvider *
drag_prepare (GtkDragSource *source,
              double         x,
              double         y,
              const char    *type_id)
{
  return gdk_content_provider_new_typed (G_TYPE_STRING, type_id);
}

static void
drag_begin (GtkDragSource *source,
            GdkDrag       *drag,
            GtkWidget     *preview)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (preview);

  gtk_drag_source_set_icon (source, icon, PREVIEW_SIZE / 2, PREVIEW_SIZE / 2);
}

/* Enter or Space on a type's button acts there and then, rather than arm
 * a tool that only a pointer could use: a node type adds one to the diagram
 * (wm_canvas_insert_node()), a link type joins the two selected nodes. */
static gboolean
on_button_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               WmPalette             *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  const char *type_id = g_object_get_data (G_OBJECT (button), "wm-type");
  g_autoptr(WmCanvas) canvas = dup_canvas (self);
  const WmItemType *type;

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0 || canvas == NULL ||
      self->notation == NULL)
    return GDK_EVENT_PROPAGATE;
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter &&
      keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space)
    return GDK_EVENT_PROPAGATE;
  type = wm_notation_lookup_type (self->notation, type_id);
  if (type != NULL && type->kind == WM_ITEM_LINK)
    {
      if (wm_canvas_connect_selection (canvas, type->id))
        gtk_widget_grab_focus (GTK_WIDGET (canvas));
    }
  else if (wm_canvas_insert_node (canvas, type_id) == NULL)
    gtk_widget_error_bell (button);
  return GDK_EVENT_STOP;
}

static GtkWidget *
make_button (WmPalette        *self,
             const WmItemType *type,
             GtkWidget        *group)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *preview;
  /* Translators: the palette's pointer tool, the verb */
  const char *label = type != NULL ? g_dgettext (GETTEXT_PACKAGE, type->label) : _("Select");
  g_autofree char *tooltip = NULL;

  if (type != NULL)
    {
      preview = gtk_drawing_area_new ();
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (preview), draw_preview,
                                      (gpointer) type, NULL);
      tooltip = type->kind == WM_ITEM_NODE
        /* Translators: %s is an item type, "Actor"; the tooltip of its palette
         * button. The type is quoted so that no article has to agree with it. */
        ? g_strdup_printf (_("“%s”: click on the canvas, or drag this button there, to add an "
                             "item of this type"), label)
        /* Translators: %s is a link type, "Association" */
        : g_strdup_printf (_("“%s”: drag from one item to another to link them"), label);
    }
  else
    {
      preview = gtk_image_new_from_icon_name ("input-mouse-symbolic");
      tooltip = g_strdup (_("Select, move and resize items"));
    }
  gtk_widget_set_size_request (preview, PREVIEW_SIZE, PREVIEW_SIZE);
  gtk_box_append (GTK_BOX (content), preview);
  {
    /* Long names ("Buffer or safety stock") end in "…" rather than widen the
     * palette at the canvas's expense; the tooltip has the whole name. */
    GtkWidget *text = gtk_label_new (label);

    /* Two lines before an ellipsis, so that "Production control" and
     * "Production kanban" never both read "Productio…". */
    gtk_label_set_wrap (GTK_LABEL (text), TRUE);
    gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD);
    gtk_label_set_lines (GTK_LABEL (text), 2);
    gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
    gtk_label_set_xalign (GTK_LABEL (text), 0);
    gtk_label_set_width_chars (GTK_LABEL (text), 10);
    gtk_label_set_max_width_chars (GTK_LABEL (text), 15);
    gtk_box_append (GTK_BOX (content), text);
  }
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  /* A screen reader reads the tool's name; the label inside may be cut short. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
  g_object_set_data (G_OBJECT (button), "wm-type", type != NULL ? (gpointer) type->id : NULL);
  g_signal_connect (button, "toggled", G_CALLBACK (button_toggled), self);
  if (type != NULL && type->kind == WM_ITEM_NODE)
    {
      GtkDragSource *source = gtk_drag_source_new ();

      gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
      g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare), (gpointer) type->id);
      g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin), preview);
      gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (source));
    }
  if (type != NULL)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();

      /* Before the button's own bindings, which would toggle it. */
      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_button_key), self);
      gtk_widget_add_controller (button, keys);
    }
  g_hash_table_insert (self->buttons, (gpointer) (type != NULL ? type->id : ""), button);
  gtk_box_append (GTK_BOX (self->box), button);
  return button;
}

static void
clear_buttons (WmPalette *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->buttons);
  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
}

static void
build_buttons (WmPalette *self)
{
  const WmItemType *common;
  guint n_common;
  GtkWidget *select;

  clear_buttons (self);
  if (self->notation == NULL)
    return;
  select = make_button (self, NULL, NULL);
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  for (guint i = 0; i < self->notation->n_node_types; i++)
    make_button (self, &self->notation->node_types[i], select);
  /* The text, box and image every notation offers, apart from its own types. */
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  common = wm_notation_common_types (&n_common);
  for (guint i = 0; i < n_common; i++)
    make_button (self, &common[i], select);
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  for (guint i = 0; i < self->notation->n_link_types; i++)
    make_button (self, &self->notation->link_types[i], select);
}

static void
sync_tool (WmPalette *self)
{
  g_autoptr(WmCanvas) canvas = dup_canvas (self);
  GtkWidget *button;

  if (canvas == NULL)
    return;
  button = wm_palette_get_button (self, wm_canvas_get_tool (canvas));
  if (button == NULL)
    return;
  self->syncing = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  self->syncing = FALSE;
}

static void
sync_notation (WmPalette *self)
{
  g_autoptr(WmCanvas) canvas = dup_canvas (self);
  WmDiagram *diagram = canvas != NULL ? wm_canvas_get_diagram (canvas) : NULL;
  const WmNotation *notation = diagram != NULL ? wm_diagram_get_notation (diagram) : NULL;

  if (notation != self->notation)
    {
      self->notation = notation;
      build_buttons (self);
    }
  sync_tool (self);
}

/* Public API */

GtkWidget *
wm_palette_new (void)
{
  return g_object_new (WM_TYPE_PALETTE, NULL);
}

/**
 * wm_palette_get_canvas:
 *
 * Returns: (transfer none) (nullable): the canvas the palette follows.
 */
WmCanvas *
wm_palette_get_canvas (WmPalette *self)
{
  g_autoptr(WmCanvas) canvas = NULL;

  g_return_val_if_fail (WM_IS_PALETTE (self), NULL);

  /* The signal group holds it weakly; the caller's parent holds it. */
  canvas = dup_canvas (self);
  return canvas;
}

void
wm_palette_set_canvas (WmPalette *self,
                       WmCanvas  *canvas)
{
  g_autoptr(WmCanvas) old = NULL;

  g_return_if_fail (WM_IS_PALETTE (self));
  g_return_if_fail (canvas == NULL || WM_IS_CANVAS (canvas));

  old = dup_canvas (self);
  if (old == canvas)
    return;
  g_signal_group_set_target (self->canvas_signals, canvas);
  sync_notation (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANVAS]);
}

GtkWidget *
wm_palette_get_button (WmPalette  *self,
                       const char *type_id)
{
  g_return_val_if_fail (WM_IS_PALETTE (self), NULL);

  return g_hash_table_lookup (self->buttons, type_id != NULL ? type_id : "");
}

/* GObject */

static void
wm_palette_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WmPalette *self = WM_PALETTE (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_take_object (value, dup_canvas (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_palette_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WmPalette *self = WM_PALETTE (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      wm_palette_set_canvas (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_palette_dispose (GObject *object)
{
  WmPalette *self = WM_PALETTE (object);

  if (self->canvas_signals != NULL)
    g_signal_group_set_target (self->canvas_signals, NULL);
  if (self->buttons != NULL)
    g_hash_table_remove_all (self->buttons);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_PALETTE);

  G_OBJECT_CLASS (wm_palette_parent_class)->dispose (object);
}

static void
wm_palette_finalize (GObject *object)
{
  WmPalette *self = WM_PALETTE (object);

  g_clear_object (&self->canvas_signals);
  g_clear_pointer (&self->buttons, g_hash_table_unref);

  G_OBJECT_CLASS (wm_palette_parent_class)->finalize (object);
}

static void
wm_palette_class_init (WmPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = wm_palette_get_property;
  object_class->set_property = wm_palette_set_property;
  object_class->dispose = wm_palette_dispose;
  object_class->finalize = wm_palette_finalize;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, WM_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "waymark-palette");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
  /* The templates are compiled into this library: naming their bundle links
   * it (and so registers it) into every program that uses the palette. */
  wm_widgets_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/ui/wm-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, WmPalette, box);
}

static void
wm_palette_init (WmPalette *self)
{
  self->buttons = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->canvas_signals = g_signal_group_new (WM_TYPE_CANVAS);
  g_signal_group_connect_swapped (self->canvas_signals, "notify::tool",
                                  G_CALLBACK (sync_tool), self);
  g_signal_group_connect_swapped (self->canvas_signals, "notify::diagram",
                                  G_CALLBACK (sync_notation), self);
}
