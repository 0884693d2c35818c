/* test-canvas-edit.c — the canvas's clipboard, stacking, aligning and distributing
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb like test-canvas: the canvas sits in a real window so that
 * it has a display and a clipboard. Each edit must be one undo step that
 * gives back the very same bytes.
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "wm-canvas-private.h"
#include "wm-test-util.h"
#include "wm-widget-test.h"

typedef struct
{
  WmProject *project;
  WmDiagram *diagram;
  GtkWidget *window;
  WmCanvas  *canvas;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = wm_test_load_sample ();
  fixture->diagram = wm_project_find_diagram (fixture->project, "uc-41");
  g_assert_nonnull (fixture->diagram);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 600);
  fixture->canvas = WM_CANVAS (wm_canvas_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->canvas));
  wm_canvas_set_diagram (fixture->canvas, fixture->diagram);
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->canvas)))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->canvas), (gpointer *) &fixture->canvas);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (fixture->canvas);
  g_assert_finalize_object (fixture->project);
}

static void
activate (Fixture    *fixture,
          const char *action,
          const char *parameter)
{
  GtkWidget *canvas = GTK_WIDGET (fixture->canvas);

  if (parameter != NULL)
    g_assert_true (gtk_widget_activate_action (canvas, action, "s", parameter));
  else
    g_assert_true (gtk_widget_activate_action (canvas, action, NULL));
}

/* Pastes and waits until the clipboard has been read. */
static void
paste (Fixture *fixture)
{
  activate (fixture, "canvas.paste", NULL);
  while (fixture->canvas->pasting)
    g_main_context_iteration (NULL, TRUE);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                   g_bytes_get_data (b, NULL), g_bytes_get_size (b));
}

static GdkContentFormats *
clipboard_formats (Fixture *fixture)
{
  return gdk_clipboard_get_formats (gtk_widget_get_clipboard (GTK_WIDGET (fixture->canvas)));
}

static WmItem *
lookup (Fixture    *fixture,
        const char *id)
{
  WmItem *item = wm_diagram_lookup (fixture->diagram, id);

  g_assert_nonnull (item);
  return item;
}

/* What an item is apart from its id and place: its type, text, set
 * properties and, for a link, the texts of its ends. */
static char *
describe (WmDiagram    *diagram,
          const WmItem *item)
{
  GString *out = g_string_new (item->type->id);

  g_string_append_printf (out, " [%s]", item->text);
  for (guint i = 0; item->props != NULL && i < item->type->n_props; i++)
    if (item->props[i].set)
      {
        g_autofree char *value = wm_value_to_string (&item->type->props[i], &item->props[i]);

        g_string_append_printf (out, " %s=%s", item->type->props[i].name, value);
      }
  if (wm_item_is_link (item))
    g_string_append_printf (out, " from [%s] to [%s]",
                            wm_diagram_lookup (diagram, item->source)->text,
                            wm_diagram_lookup (diagram, item->target)->text);
  return g_string_free (out, FALSE);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static char *
describe_all (WmDiagram         *diagram,
              const char *const *ids)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (lines, describe (diagram, wm_diagram_lookup (diagram, ids[i])));
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static void
test_copy_paste (Fixture       *fixture,
                 gconstpointer  data)
{
  /* association-58 leaves out its source, so it stays behind. */
  const char *ids[] = { "use-case-44", "use-case-51", "actor-55", "association-64",
                        "include-66", "association-58", NULL };
  const char *copied[] = { "use-case-44", "use-case-51", "actor-55", "association-64",
                           "include-66", NULL };
  guint n = wm_diagram_get_n_items (fixture->diagram);
  g_autoptr(GBytes) original = wm_project_serialize (fixture->project);
  g_autoptr(GBytes) after_undo = NULL;
  g_auto(GStrv) pasted = NULL;
  g_autofree char *expected = describe_all (fixture->diagram, copied);
  g_autofree char *got = NULL;

  wm_canvas_select (fixture->canvas, ids);
  activate (fixture, "canvas.copy", NULL);
  paste (fixture);
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n + 5);

  /* The copies are selected, have new ids and the same properties. */
  pasted = wm_canvas_get_selection (fixture->canvas);
  g_assert_cmpuint (g_strv_length (pasted), ==, 5);
  for (guint i = 0; pasted[i] != NULL; i++)
    {
      WmItem *item = lookup (fixture, pasted[i]);

      g_assert_false (g_strv_contains (ids, pasted[i]));
      /* The links join the pasted nodes, not the originals. */
      if (wm_item_is_link (item))
        {
          g_assert_true (g_strv_contains ((const char *const *) pasted, item->source));
          g_assert_true (g_strv_contains ((const char *const *) pasted, item->target));
        }
    }
  got = describe_all (fixture->diagram, (const char *const *) pasted);
  g_assert_cmpstr (got, ==, expected);

  /* One undo takes the whole paste away. */
  g_assert_true (wm_project_undo (fixture->project));
  after_undo = wm_project_serialize (fixture->project);
  assert_bytes_equal (original, after_undo);
}

static WmItem *
selected_one (Fixture *fixture)
{
  g_auto(GStrv) ids = wm_canvas_get_selection (fixture->canvas);

  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  return lookup (fixture, ids[0]);
}

static void
test_paste_offsets (Fixture       *fixture,
                    gconstpointer  data)
{
  WmRect original = lookup (fixture, "use-case-43")->bounds;
  WmItem *item;

  wm_canvas_select (fixture->canvas, (const char *[]) { "use-case-43", NULL });
  activate (fixture, "canvas.copy", NULL);
  for (int i = 1; i <= 3; i++)
    {
      paste (fixture);
      item = selected_one (fixture);
      g_assert_cmpfloat (item->bounds.x, ==, original.x + 20 * i);
      g_assert_cmpfloat (item->bounds.y, ==, original.y + 20 * i);
      g_assert_cmpfloat (item->bounds.width, ==, original.width);
    }
}

static void
test_clipboard_formats (Fixture       *fixture,
                        gconstpointer  data)
{
  GdkContentFormats *formats;

  wm_canvas_select (fixture->canvas, (const char *[]) { "use-case-51", "actor-55",
                                                        "association-64", NULL });
  activate (fixture, "canvas.copy", NULL);
  formats = clipboard_formats (fixture);
  g_assert_true (gdk_content_formats_contain_mime_type (formats, WM_CANVAS_ITEMS_MIME_TYPE));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/png"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/svg+xml"));
}

static void
test_cut_paste (Fixture       *fixture,
                gconstpointer  data)
{
  guint n = wm_diagram_get_n_items (fixture->diagram);
  WmItem *note = lookup (fixture, "note-71");
  g_autofree char *text = g_strdup (note->text);
  WmRect bounds = note->bounds;
  WmItem *item;

  /* The note's anchor goes with it. */
  wm_canvas_select (fixture->canvas, (const char *[]) { "note-71", NULL });
  activate (fixture, "canvas.cut", NULL);
  g_assert_null (wm_diagram_lookup (fixture->diagram, "note-71"));
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n - 2);

  paste (fixture);
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n - 1);
  item = selected_one (fixture);
  g_assert_cmpstr (item->type->id, ==, "note");
  g_assert_cmpstr (item->text, ==, text);
  g_assert_cmpfloat (item->bounds.x, ==, bounds.x + 20);

  /* Undo the paste, then the cut. */
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n);
  g_assert_nonnull (wm_diagram_lookup (fixture->diagram, "note-71"));
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->canvas));
  guint n = wm_diagram_get_n_items (fixture->diagram);
  WmRect bounds = lookup (fixture, "use-case-43")->bounds;
  g_autofree char *expected = describe (fixture->diagram, lookup (fixture, "use-case-43"));
  g_autofree char *got = NULL;
  WmItem *item;

  gdk_clipboard_set_text (clipboard, "untouched");
  wm_canvas_select (fixture->canvas, (const char *[]) { "use-case-43", NULL });
  activate (fixture, "canvas.duplicate", NULL);
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n + 1);
  item = selected_one (fixture);
  g_assert_cmpstr (item->id, !=, "use-case-43");
  got = describe (fixture->diagram, item);
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpfloat (item->bounds.x, ==, bounds.x + 20);
  g_assert_cmpfloat (item->bounds.y, ==, bounds.y + 20);
  g_assert_false (gdk_content_formats_contain_mime_type (clipboard_formats (fixture),
                                                         WM_CANVAS_ITEMS_MIME_TYPE));

  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n);
}

static void
test_z_order (Fixture       *fixture,
              gconstpointer  data)
{
  guint n = wm_diagram_get_n_items (fixture->diagram);
  guint z = lookup (fixture, "use-case-43")->z;
  g_autoptr(GBytes) original = wm_project_serialize (fixture->project);
  g_autoptr(GBytes) after_undo = NULL;

  wm_canvas_select (fixture->canvas, (const char *[]) { "use-case-43", NULL });
  activate (fixture, "canvas.raise-to-top", NULL);
  g_assert_cmpuint (lookup (fixture, "use-case-43")->z, ==, n - 1);
  activate (fixture, "canvas.lower", NULL);
  g_assert_cmpuint (lookup (fixture, "use-case-43")->z, ==, n - 2);
  activate (fixture, "canvas.lower-to-bottom", NULL);
  g_assert_cmpuint (lookup (fixture, "use-case-43")->z, ==, 0);
  activate (fixture, "canvas.raise", NULL);
  g_assert_cmpuint (lookup (fixture, "use-case-43")->z, ==, 1);

  /* Each step undoes on its own. */
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpuint (lookup (fixture, "use-case-43")->z, ==, 0);
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpuint (lookup (fixture, "use-case-43")->z, ==, n - 2);
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpuint (lookup (fixture, "use-case-43")->z, ==, z);
  after_undo = wm_project_serialize (fixture->project);
  assert_bytes_equal (original, after_undo);

  /* Several items keep their order among themselves. */
  wm_canvas_select (fixture->canvas, (const char *[]) { "use-case-43", "use-case-44", NULL });
  activate (fixture, "canvas.raise-to-top", NULL);
  g_assert_cmpuint (lookup (fixture, "use-case-43")->z, ==, n - 2);
  g_assert_cmpuint (lookup (fixture, "use-case-44")->z, ==, n - 1);
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpuint (lookup (fixture, "use-case-43")->z, ==, z);
}

static void
test_align (Fixture       *fixture,
            gconstpointer  data)
{
  const char *ids[] = { "use-case-43", "use-case-50", "actor-55", NULL };
  g_autoptr(GBytes) original = wm_project_serialize (fixture->project);
  g_autoptr(GBytes) after_undo = NULL;
  WmItem *a, *b, *c;

  wm_canvas_select (fixture->canvas, ids);
  activate (fixture, "canvas.align", "left");
  a = lookup (fixture, ids[0]);
  b = lookup (fixture, ids[1]);
  c = lookup (fixture, ids[2]);
  g_assert_cmpfloat (a->bounds.x, ==, 280);
  g_assert_cmpfloat (b->bounds.x, ==, 280);
  g_assert_cmpfloat (c->bounds.x, ==, 280);
  g_assert_true (wm_project_undo (fixture->project));
  after_undo = wm_project_serialize (fixture->project);
  assert_bytes_equal (original, after_undo);

  activate (fixture, "canvas.align", "bottom");
  a = lookup (fixture, ids[0]);
  b = lookup (fixture, ids[1]);
  c = lookup (fixture, ids[2]);
  g_assert_cmpfloat (a->bounds.y + a->bounds.height, ==, c->bounds.y + c->bounds.height);
  g_assert_cmpfloat (b->bounds.y + b->bounds.height, ==, c->bounds.y + c->bounds.height);

  activate (fixture, "canvas.align", "center");
  a = lookup (fixture, ids[0]);
  c = lookup (fixture, ids[2]);
  g_assert_cmpfloat_with_epsilon (a->bounds.x + a->bounds.width / 2,
                                  c->bounds.x + c->bounds.width / 2, 1e-9);
}

static void
test_distribute (Fixture       *fixture,
                 gconstpointer  data)
{
  /* Left to right: actor-53, use-case-43, actor-55; top to bottom: 43, 53, 55. */
  const char *ids[] = { "actor-55", "use-case-43", "actor-53", NULL };
  g_autoptr(GBytes) original = wm_project_serialize (fixture->project);
  g_autoptr(GBytes) after_undo = NULL;
  WmItem *left, *middle, *right;

  wm_canvas_select (fixture->canvas, ids);
  activate (fixture, "canvas.distribute", "horizontal");
  left = lookup (fixture, "actor-53");
  middle = lookup (fixture, "use-case-43");
  right = lookup (fixture, "actor-55");
  g_assert_cmpfloat (left->bounds.x, ==, 80);
  g_assert_cmpfloat (right->bounds.x, ==, 895);
  g_assert_cmpfloat_with_epsilon (middle->bounds.x - (left->bounds.x + left->bounds.width),
                                  right->bounds.x - (middle->bounds.x + middle->bounds.width),
                                  1e-9);
  g_assert_true (wm_project_undo (fixture->project));
  after_undo = wm_project_serialize (fixture->project);
  assert_bytes_equal (original, after_undo);

  activate (fixture, "canvas.distribute", "vertical");
  left = lookup (fixture, "use-case-43");
  middle = lookup (fixture, "actor-53");
  right = lookup (fixture, "actor-55");
  g_assert_cmpfloat_with_epsilon (middle->bounds.y - (left->bounds.y + left->bounds.height),
                                  right->bounds.y - (middle->bounds.y + middle->bounds.height),
                                  1e-9);
}

static void
test_other_notation_refused (Fixture       *fixture,
                             gconstpointer  data)
{
  WmDiagram *bmc = wm_project_find_diagram (fixture->project, "bmc-1");
  guint n = wm_diagram_get_n_items (fixture->diagram);
  g_autoptr(GBytes) original = wm_project_serialize (fixture->project);
  g_autoptr(GBytes) after = NULL;
  const char *ids[] = { NULL, NULL };

  g_assert_nonnull (bmc);
  for (guint i = 0; ids[0] == NULL && i < wm_diagram_get_n_items (bmc); i++)
    if (wm_item_is_node (wm_diagram_get_item (bmc, i)))
      ids[0] = wm_diagram_get_item (bmc, i)->id;
  wm_canvas_set_diagram (fixture->canvas, bmc);
  wm_canvas_select (fixture->canvas, ids);
  activate (fixture, "canvas.copy", NULL);
  g_assert_true (gdk_content_formats_contain_mime_type (clipboard_formats (fixture),
                                                        WM_CANVAS_ITEMS_MIME_TYPE));

  wm_canvas_set_diagram (fixture->canvas, fixture->diagram);
  paste (fixture);
  g_assert_cmpuint (wm_diagram_get_n_items (fixture->diagram), ==, n);
  after = wm_project_serialize (fixture->project);
  assert_bytes_equal (original, after);
}

/* Finishing an in-place edit */

static const char *
edit_hint (WmCanvas *canvas)
{
  GtkWidget *box = gtk_popover_get_child (GTK_POPOVER (canvas->editor_popover));

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (gtk_widget_get_name (child), "edit-hint"))
      return gtk_label_get_text (GTK_LABEL (child));
  g_assert_not_reached ();
}

/* Enter finishes a name; in a note Enter adds a line and Ctrl+Enter
 * finishes; Escape cancels either; the hint under the editor says which. */
static void
test_finish_edit (Fixture       *fixture,
                  gconstpointer  data)
{
  WmCanvas *canvas = fixture->canvas;
  GtkTextBuffer *buffer;

  _wm_canvas_begin_edit (canvas, "use-case-43");
  g_assert_true (GTK_IS_ENTRY (canvas->editor));
  g_assert_nonnull (strstr (edit_hint (canvas), "Enter"));
  g_assert_null (strstr (edit_hint (canvas), "Ctrl"));
  gtk_editable_set_text (GTK_EDITABLE (canvas->editor), "Order coffee");
  g_assert_true (_wm_canvas_editor_key (canvas, GDK_KEY_Return, 0));
  g_assert_cmpstr (lookup (fixture, "use-case-43")->text, ==, "Order coffee");

  _wm_canvas_begin_edit (canvas, "use-case-43");
  gtk_editable_set_text (GTK_EDITABLE (canvas->editor), "Not kept");
  g_assert_true (_wm_canvas_editor_key (canvas, GDK_KEY_Escape, 0));
  g_assert_cmpstr (lookup (fixture, "use-case-43")->text, ==, "Order coffee");

  _wm_canvas_begin_edit (canvas, "note-71");
  g_assert_true (GTK_IS_TEXT_VIEW (canvas->editor));
  g_assert_nonnull (strstr (edit_hint (canvas), "Ctrl+Enter"));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (canvas->editor));
  gtk_text_buffer_set_text (buffer, "First line", -1);
  wm_test_wait_until_drawn (canvas->editor_popover);
  wm_test_save_screenshot (canvas->editor_popover, "canvas-edit-hint.png");
  /* Enter is the text view's: a new line, the edit goes on. */
  g_assert_false (_wm_canvas_editor_key (canvas, GDK_KEY_Return, 0));
  g_assert_nonnull (canvas->edit_commit);
  gtk_text_buffer_set_text (buffer, "First line\nSecond line", -1);
  g_assert_true (_wm_canvas_editor_key (canvas, GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_cmpstr (lookup (fixture, "note-71")->text, ==, "First line\nSecond line");
  g_assert_null (canvas->edit_commit);
}

/* A double-click on a link's bend point removes it, one undo step each. */
static void
double_click_doc (Fixture *fixture,
                  WmPoint  point)
{
  double x, y;

  wm_viewport_doc_to_widget (wm_canvas_get_viewport (fixture->canvas), point.x, point.y, &x, &y);
  _wm_canvas_test_double_click (fixture->canvas, x, y);
}

static void
test_remove_bend (Fixture       *fixture,
                  gconstpointer  data)
{
  const WmPoint bends[] = { { 150, 135 }, { 250, 135 } };
  WmItem *link = lookup (fixture, "association-57");
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) after_undo = NULL;

  g_assert_true (wm_diagram_set_points (fixture->diagram, link->id, bends, 2));
  wm_project_break_merge (fixture->project);
  original = wm_project_serialize (fixture->project);
  wm_test_wait_until_drawn (GTK_WIDGET (fixture->canvas));

  double_click_doc (fixture, bends[1]);
  g_assert_cmpuint (link->n_points, ==, 1);
  g_assert_cmpfloat (link->points[0].x, ==, bends[0].x);
  double_click_doc (fixture, bends[0]);
  g_assert_cmpuint (link->n_points, ==, 0);
  g_assert_null (fixture->canvas->edit_commit);

  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpuint (link->n_points, ==, 1);
  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpuint (link->n_points, ==, 2);
  after_undo = wm_project_serialize (fixture->project);
  assert_bytes_equal (original, after_undo);
}

/* The line of @id in the saved project holds @attribute. */
static void
assert_written (Fixture    *fixture,
                const char *id,
                const char *attribute)
{
  g_autoptr(GBytes) bytes = wm_project_serialize (fixture->project);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *key = g_strdup_printf ("id=\"%s\"", id);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], key) != NULL)
      {
        g_test_message ("%s", lines[i]);
        g_assert_nonnull (strstr (lines[i], attribute));
        return;
      }
  g_assert_not_reached ();
}

/* The canvas's pixel at widget point (x, y), as 0xAARRGGBB. */
static guint32
canvas_pixel (Fixture *fixture,
              double   x,
              double   y)
{
  g_autoptr(GdkTexture) texture = wm_test_render_widget (GTK_WIDGET (fixture->canvas));
  int width = gdk_texture_get_width (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * gdk_texture_get_height (texture));

  gdk_texture_download (texture, (guchar *) pixels, (gsize) width * 4);
  return pixels[(int) y * width + (int) x];
}

/* A selected link shows where it bends: a white dot with an accent ring at
 * each segment's middle, an accent square on each bend point. */
static void
test_bend_handles (Fixture       *fixture,
                   gconstpointer  data)
{
  const WmPoint bends[] = { { 150, 135 }, { 250, 135 } };
  WmViewport *viewport = wm_canvas_get_viewport (fixture->canvas);
  WmItem *link = lookup (fixture, "association-57");
  const char *ids[] = { link->id, NULL };
  double x, y, bx, by;
  guint32 before, pixel;

  g_assert_true (wm_diagram_set_points (fixture->diagram, link->id, bends, 2));
  wm_test_wait_until_drawn (GTK_WIDGET (fixture->canvas));
  wm_viewport_doc_to_widget (viewport, 200, 135, &x, &y);
  wm_viewport_doc_to_widget (viewport, bends[0].x, bends[0].y, &bx, &by);
  /* Unselected: the middle is the line's own ink. */
  before = canvas_pixel (fixture, x, y);
  g_assert_cmphex (before, !=, 0xffffffff);

  wm_canvas_select (fixture->canvas, ids);
  wm_test_wait_until_drawn (GTK_WIDGET (fixture->canvas));
  g_assert_cmphex (canvas_pixel (fixture, x, y), ==, 0xffffffff);
  pixel = canvas_pixel (fixture, bx, by);
  /* The accent is blue: more blue than red. */
  g_assert_cmpuint (pixel & 0xff, >, (pixel >> 16) & 0xff);
}

/* A drag from the middle of a link's segment pulls a new bend point out of
 * it, which follows the pointer and stays where it is dropped, as one undo
 * step; a drag from elsewhere on the link adds none. */
static void
test_add_bend (Fixture       *fixture,
               gconstpointer  data)
{
  const WmPoint bends[] = { { 150, 135 }, { 250, 135 } };
  WmViewport *viewport = wm_canvas_get_viewport (fixture->canvas);
  WmItem *link = lookup (fixture, "association-57");
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) after_undo = NULL;
  double x, y, dx, dy;

  g_assert_true (wm_diagram_set_points (fixture->diagram, link->id, bends, 2));
  wm_project_break_merge (fixture->project);
  original = wm_project_serialize (fixture->project);
  wm_test_wait_until_drawn (GTK_WIDGET (fixture->canvas));

  /* Pressed at the middle of the segment between the two bend points. */
  wm_viewport_doc_to_widget (viewport, 200, 135, &x, &y);
  _wm_canvas_test_drag_to (fixture->canvas, x, y, 12, 60, 0);
  g_assert_cmpint (fixture->canvas->drag.mode, ==, WM_CANVAS_DRAG_BEND);
  g_assert_cmpuint (link->n_points, ==, 3);
  wm_viewport_widget_to_doc (viewport, x + 12, y + 60, &dx, &dy);
  g_assert_cmpfloat (fabs (link->points[1].x - dx), <, 1e-9);
  g_assert_cmpfloat (fabs (link->points[1].y - dy), <, 1e-9);
  g_assert_cmpfloat (link->points[0].x, ==, bends[0].x);
  g_assert_cmpfloat (link->points[2].x, ==, bends[1].x);

  /* Dropped with snapping on, it lands on the grid, and is written so. */
  wm_canvas_set_snap (fixture->canvas, TRUE);
  wm_viewport_doc_to_widget (viewport, 203, 181, &dx, &dy);
  _wm_canvas_test_drag_release (fixture->canvas, dx - x, dy - y);
  g_assert_cmpint (fixture->canvas->drag.mode, ==, WM_CANVAS_DRAG_NONE);
  g_assert_cmpuint (link->n_points, ==, 3);
  g_assert_cmpfloat (link->points[1].x, ==, 200);
  g_assert_cmpfloat (link->points[1].y, ==, 180);
  assert_written (fixture, link->id, " points=\"150,135 200,180 250,135\"");

  g_assert_true (wm_project_undo (fixture->project));
  g_assert_cmpuint (link->n_points, ==, 2);
  after_undo = wm_project_serialize (fixture->project);
  assert_bytes_equal (original, after_undo);
  g_assert_true (wm_project_redo (fixture->project));
  g_assert_cmpuint (link->n_points, ==, 3);
  g_assert_true (wm_project_undo (fixture->project));

  /* A quarter of the way along the segment is not its middle. */
  wm_viewport_doc_to_widget (viewport, 175, 135, &x, &y);
  _wm_canvas_test_drag (fixture->canvas, x, y, 0, 40, 0);
  g_assert_cmpuint (link->n_points, ==, 2);
}

/* The fits of a Value Proposition Canvas are routed by their painter, not
 * through bend points: a drag from the middle of one adds none. */
static void
test_add_bend_routed (Fixture       *fixture,
                      gconstpointer  data)
{
  WmDiagram *vpc = wm_project_find_diagram (fixture->project, "vpc-186");
  WmItem *fit = wm_diagram_lookup (vpc, "relieves-208");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  cairo_path_t *path;
  double x, y;

  g_assert_nonnull (fit);
  wm_canvas_set_diagram (fixture->canvas, vpc);
  wm_test_wait_until_drawn (GTK_WIDGET (fixture->canvas));
  g_assert_true (wm_render_link_path (vpc, fit, cr));
  path = cairo_copy_path_flat (cr);
  /* The middle of the first piece of the drawn route. */
  g_assert_cmpint (path->num_data, >=, 4);
  x = (path->data[1].point.x + path->data[3].point.x) / 2;
  y = (path->data[1].point.y + path->data[3].point.y) / 2;
  cairo_path_destroy (path);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_true (_wm_canvas_hit (fixture->canvas, x, y) == fit);
  wm_viewport_doc_to_widget (wm_canvas_get_viewport (fixture->canvas), x, y, &x, &y);
  _wm_canvas_test_drag_to (fixture->canvas, x, y, 10, 50, 0);
  g_assert_cmpint (fixture->canvas->drag.mode, !=, WM_CANVAS_DRAG_BEND);
  _wm_canvas_test_drag_release (fixture->canvas, 10, 50);
  g_assert_cmpuint (fit->n_points, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  wm_test_init_gtk (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/widgets/canvas-edit/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("copy-paste", test_copy_paste);
  ADD ("paste-offsets", test_paste_offsets);
  ADD ("clipboard-formats", test_clipboard_formats);
  ADD ("cut-paste", test_cut_paste);
  ADD ("duplicate", test_duplicate);
  ADD ("z-order", test_z_order);
  ADD ("align", test_align);
  ADD ("distribute", test_distribute);
  ADD ("other-notation-refused", test_other_notation_refused);
  ADD ("finish-edit", test_finish_edit);
  ADD ("remove-bend", test_remove_bend);
  ADD ("add-bend", test_add_bend);
  ADD ("bend-handles", test_bend_handles);
  ADD ("add-bend-routed", test_add_bend_routed);

  return g_test_run ();
}
