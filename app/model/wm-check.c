/* wm-check.c — problems the model finds in a project
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-check.h"
#include "wm-model-private.h"

const char *
wm_severity_to_string (WmSeverity severity)
{
  switch (severity)
    {
    case WM_SEVERITY_INFO: return _("note");
    case WM_SEVERITY_WARNING: return _("warning");
    case WM_SEVERITY_ERROR: return _("error");
    default: g_assert_not_reached ();
    }
}

WmProblem *
wm_problem_new (WmSeverity         severity,
                WmDiagram         *diagram,
                const char *const *item_ids,
                const char        *format,
                ...)
{
  WmProblem *problem = g_new0 (WmProblem, 1);
  va_list args;

  problem->severity = severity;
  problem->diagram_id = g_strdup (diagram ? wm_diagram_get_id (diagram) : NULL);
  problem->item_ids = item_ids ? g_strdupv ((char **) item_ids) : g_new0 (char *, 1);
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  return problem;
}

void
wm_problem_free (WmProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->diagram_id);
  g_free (problem->message);
  g_strfreev (problem->item_ids);
  g_free (problem);
}

static const char *
describe (const WmItem *item)
{
  return item->text[0] != '\0' ? item->text : item->id;
}

static void
check_link_rule (WmDiagram *diagram,
                 WmItem    *link,
                 GPtrArray *problems)
{
  WmItem *source = wm_diagram_lookup (diagram, link->source);
  WmItem *target = wm_diagram_lookup (diagram, link->target);
  const char *ids[] = { link->id, NULL };

  if (source == NULL || target == NULL)
    return;
  if (!wm_notation_link_allowed (wm_diagram_get_notation (diagram), link->type, source->type,
                                 target->type))
    g_ptr_array_add (problems,
                     wm_problem_new (WM_SEVERITY_ERROR, diagram, ids,
                                     _("A “%s” link cannot go from “%s” to “%s”."),
                                     g_dgettext (GETTEXT_PACKAGE, link->type->label),
                                     g_dgettext (GETTEXT_PACKAGE, source->type->label),
                                     g_dgettext (GETTEXT_PACKAGE, target->type->label)));
}

/* References into the project, and list entries, that no longer exist. */
static void
check_values (WmDiagram        *diagram,
              const char       *owner,
              const char       *owner_id,
              const WmPropSpec *specs,
              guint             n_specs,
              const WmValue    *values,
              GPtrArray        *problems)
{
  WmProject *project = wm_diagram_get_project (diagram);
  const char *ids[] = { owner_id, NULL };

  for (guint i = 0; values != NULL && i < n_specs; i++)
    {
      if (!values[i].set)
        continue;
      if (specs[i].type == WM_PROP_REFS && project != NULL)
        for (guint j = 0; values[i].v.strv && values[i].v.strv[j]; j++)
          {
            if (wm_project_lookup_item (project, values[i].v.strv[j], NULL) == NULL)
              g_ptr_array_add (problems,
                               wm_problem_new (WM_SEVERITY_WARNING, diagram, ids,
                                               _("“%s” links to “%s”, which no longer exists."),
                                               owner, values[i].v.strv[j]));
          }
      if (specs[i].type == WM_PROP_SLOT && values[i].v.string[0] != '\0' &&
          wm_diagram_find_entry (diagram, specs[i].list, values[i].v.string) == NULL)
        g_ptr_array_add (problems,
                         wm_problem_new (WM_SEVERITY_WARNING, diagram, ids,
                                         _("“%s” is in “%s”, which is not one of the diagram’s %s."),
                                         owner, values[i].v.string, specs[i].list));
    }
}

GPtrArray *
wm_diagram_check (WmDiagram *diagram)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_problem_free);
  const WmNotation *notation;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), problems);

  notation = wm_diagram_get_notation (diagram);
  check_values (diagram, wm_diagram_get_name (diagram), NULL, notation->props, notation->n_props,
                _wm_diagram_get_values (diagram), problems);
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (wm_item_is_link (item))
        check_link_rule (diagram, item, problems);
      check_values (diagram, describe (item), item->id, item->type->props, item->type->n_props,
                    item->props, problems);
    }
  if (notation->check != NULL)
    notation->check (diagram, problems);
  return problems;
}

GPtrArray *
wm_project_check (WmProject *project)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_problem_free);

  g_return_val_if_fail (WM_IS_PROJECT (project), problems);

  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      g_autoptr(GPtrArray) found = wm_diagram_check (wm_project_get_diagram (project, i));
      g_ptr_array_extend_and_steal (problems, g_steal_pointer (&found));
    }
  return problems;
}
