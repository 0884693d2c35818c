/* wm-test-util.c — helpers shared by the model tests
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "wm-test-util.h"

char *
wm_test_serialize (WmProject *project)
{
  g_autoptr(GBytes) bytes = wm_project_serialize (project);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static double
sample_number (const WmPropSpec *spec,
               GRand            *rand)
{
  double lo = spec->has_range ? spec->min : -1000;
  double hi = spec->has_range ? spec->max : 1000;
  double value;

  hi = MIN (hi, lo + 10000);
  value = lo + (hi - lo) * (rand ? g_rand_double (rand) : 0.37);
  if (spec->type == WM_PROP_INTEGER)
    value = floor (value);
  else
    value = round (value * 100) / 100; /* two decimals, as an analyst would type */
  return CLAMP (value, lo, hi);
}

char *
wm_test_sample_value (WmDiagram        *diagram,
                      const WmPropSpec *spec,
                      const char       *ref_target,
                      GRand            *rand)
{
  guint n_choices = 0;
  GPtrArray *list;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  guint pick = rand ? (guint) g_rand_int (rand) : 7;

  switch (spec->type)
    {
    case WM_PROP_STRING:
      return g_strdup_printf ("Sample «%u» café & <co>", pick % 1000);
    case WM_PROP_TEXT:
      return g_strdup_printf ("First line %u\n  second line, indented\n\nafter a blank", pick % 1000);
    case WM_PROP_IMAGE:
      return g_strdup (WM_TEST_PNG_BASE64);
    case WM_PROP_NUMBER:
    case WM_PROP_INTEGER:
      {
        double value = sample_number (spec, rand);
        double fallback = spec->has_range ? spec->max : 1;

        if (spec->default_value != NULL && g_ascii_strtod (spec->default_value, NULL) == value)
          value = fallback;
        return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));
      }
    case WM_PROP_BOOLEAN:
      return g_strdup (g_strcmp0 (spec->default_value, "true") == 0 ? "false" : "true");
    case WM_PROP_COLOR:
      return g_strdup_printf ("#%06x", (pick * 2654435761u) & 0xffffff);
    case WM_PROP_ENUM:
      while (spec->choices[n_choices].id != NULL)
        n_choices++;
      for (guint i = 0; i < n_choices; i++)
        {
          const char *id = spec->choices[(pick + i) % n_choices].id;
          if (g_strcmp0 (id, spec->default_value) != 0)
            return g_strdup (id);
        }
      return g_strdup (spec->choices[0].id);
    case WM_PROP_SLOT:
      list = wm_diagram_get_list (diagram, spec->list);
      g_assert_nonnull (list);
      return g_strdup (list->len ? ((WmListEntry *) g_ptr_array_index (list, pick % list->len))->id
                                 : "");
    case WM_PROP_STRING_LIST:
      return g_strdup_printf ("Entry %u\nSecond entry", pick % 100);
    case WM_PROP_REFS:
      return g_strdup (ref_target ? ref_target : "");
    default:
      g_assert_not_reached ();
    }
}

gboolean
wm_test_find_link_ends (const WmNotation  *notation,
                        const WmItemType  *link,
                        const WmItemType **source,
                        const WmItemType **target)
{
  return wm_notation_find_link_ends (notation, link, source, target);
}

char *
wm_test_read_source_file (const char *path,
                          gsize      *length)
{
  g_autofree char *full = g_test_build_filename (G_TEST_DIST, "..", path, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (full, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

void
wm_test_set_every_property (WmDiagram  *diagram,
                    WmItem     *item,
                    const char *ref_target)
{
  for (guint p = 0; p < item->type->n_props; p++)
    {
      const WmPropSpec *spec = &item->type->props[p];
      g_autofree char *value = wm_test_sample_value (diagram, spec, ref_target, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *back = NULL;

      g_assert_true (wm_diagram_set_property (diagram, item->id, spec->name, value, &error));
      g_assert_no_error (error);
      g_assert_true (wm_item_has_value (item, spec->name));
      back = wm_value_to_string (spec, wm_item_get_value (item, spec->name, NULL));
      if (spec->type == WM_PROP_COLOR)
        g_assert_cmpstr (back, ==, value);
      else if (spec->type != WM_PROP_NUMBER && spec->type != WM_PROP_INTEGER)
        g_assert_cmpstr (back, ==, value);
      else
        g_assert_cmpfloat (g_ascii_strtod (back, NULL), ==, g_ascii_strtod (value, NULL));
    }
}

WmItem *
wm_test_create_item (WmDiagram        *diagram,
             const WmItemType *type,
             WmItem          **anchor)
{
  const WmNotation *notation = wm_diagram_get_notation (diagram);
  g_autoptr(GError) error = NULL;
  WmItem *item;

  if (type->kind == WM_ITEM_NODE)
    {
      item = wm_diagram_add_node (diagram, type->id, NULL, "Name «ü» & co", &error);
      *anchor = item;
    }
  else
    {
      const WmItemType *source_type, *target_type;
      WmItem *source, *target;
      WmRect right = { 400, 0, 0, 0 };

      /* Every link type must be drawable between some pair of node types. */
      g_assert_true (wm_test_find_link_ends (notation, type, &source_type, &target_type));
      source = wm_diagram_add_node (diagram, source_type->id, NULL, "Source", &error);
      right.width = target_type->width;
      right.height = target_type->height;
      target = wm_diagram_add_node (diagram, target_type->id, &right, "Target", &error);
      item = wm_diagram_add_link (diagram, type->id, source->id, target->id, &error);
      *anchor = source;
    }
  g_assert_no_error (error);
  g_assert_nonnull (item);
  g_assert_true (item->type == type);
  if (type->kind == WM_ITEM_NODE)
    {
      g_assert_cmpfloat (item->bounds.width, ==, type->width);
      g_assert_cmpfloat (item->bounds.height, >, 0);
    }
  return item;
}

int
wm_test_run_waymark (char       **out,
                     char       **err,
                     const char  *first_arg,
                     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  const char *exe = g_getenv ("WAYMARK_EXE");
  va_list args;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer) exe);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char *const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &output, &errors, &error);
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&output);
  if (err != NULL)
    *err = g_steal_pointer (&errors);
  else if (g_subprocess_get_exit_status (process) != 0)
    g_test_message ("waymark: %s", errors);
  return g_subprocess_get_exit_status (process);
}

WmProject *
wm_test_load_sample (void)
{
  const char *dir = g_getenv ("WAYMARK_SAMPLES_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  WmProject *project;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "bean-box.waymark", NULL);
  file = g_file_new_for_path (path);
  project = wm_project_load (file, NULL, &error);
  g_assert_no_error (error);
  return project;
}

WmDiagram *
wm_test_add_diagram (WmProject  *project,
                     const char *notation,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (project, notation, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (diagram);
  return diagram;
}

WmItem *
wm_test_add_node (WmDiagram    *diagram,
                  const char   *type,
                  const WmRect *bounds,
                  const char   *text)
{
  g_autoptr(GError) error = NULL;
  WmItem *item = wm_diagram_add_node (diagram, type, bounds, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  return item;
}

WmItem *
wm_test_add_link (WmDiagram  *diagram,
                  const char *type,
                  WmItem     *source,
                  WmItem     *target)
{
  g_autoptr(GError) error = NULL;
  WmItem *item = wm_diagram_add_link (diagram, type, source->id, target->id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  return item;
}

void
wm_test_set_property (WmDiagram  *diagram,
                      WmItem     *item,
                      const char *name,
                      const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_diagram_set_property (diagram, item->id, name, value, &error));
  g_assert_no_error (error);
}
