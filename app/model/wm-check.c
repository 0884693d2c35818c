/* wm-check.c — problems the model finds in a project
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-check.h"
#include "wm-diagram-private.h"
#include "wm-merge.h"

const char *
wm_severity_to_string (WmSeverity severity)
{
  switch (severity)
    {
    /* Translators: a problem's severity in the command line's report: note, warning or error
     * (nouns) */
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

void
wm_problems_add_item_warning (GPtrArray    *problems,
                              WmDiagram    *diagram,
                              const WmItem *item,
                              char         *message)
{
  const char *ids[] = { item->id, NULL };

  g_ptr_array_add (problems, wm_problem_new (WM_SEVERITY_WARNING, diagram, ids, "%s", message));
  g_free (message);
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
  /* The rule is about types, so the message names them, each as a value of
   * its own so that no article has to agree with a label. */
  if (!wm_notation_link_allowed (wm_diagram_get_notation (diagram), link->type, source->type,
                                 target->type))
    g_ptr_array_add (problems,
                     wm_problem_new (WM_SEVERITY_ERROR, diagram, ids,
                                     _("A link of type “%s” cannot go from an item of type “%s” "
                                       "to an item of type “%s”."),
                                     g_dgettext (GETTEXT_PACKAGE, link->type->label),
                                     g_dgettext (GETTEXT_PACKAGE, source->type->label),
                                     g_dgettext (GETTEXT_PACKAGE, target->type->label)));
}

/* Whose value it is: an item, or the diagram itself when @item is NULL. */
typedef struct
{
  WmDiagram    *diagram;
  const WmItem *item;
  GPtrArray    *problems;
} Owner;

static void
add_owner_problem (const Owner *owner,
                   char        *message)  /* taken */
{
  const char *ids[] = { owner->item != NULL ? owner->item->id : NULL, NULL };

  g_ptr_array_add (owner->problems,
                   wm_problem_new (WM_SEVERITY_WARNING, owner->diagram, ids, "%s", message));
  g_free (message);
}

/* A link to an item that is gone; only the missing item's id is left to name it by. */
static void
report_broken_link (const Owner *owner,
                    const char  *missing_id)
{
  const WmItem *item = owner->item;

  if (item == NULL)
    add_owner_problem (owner, g_strdup_printf (_("The diagram “%s” links to “%s”, which no longer "
                                                 "exists."),
                                               wm_diagram_get_name (owner->diagram), missing_id));
  else if (!wm_str_is_blank (item->text))
    add_owner_problem (owner, g_strdup_printf (_("“%s” links to “%s”, which no longer exists."),
                                               item->text, missing_id));
  else
    add_owner_problem (owner, g_strdup_printf (_("An unnamed item of type “%s” links to “%s”, "
                                                 "which no longer exists."),
                                               g_dgettext (GETTEXT_PACKAGE, item->type->label),
                                               missing_id));
}

/* A slot naming an entry that its list no longer has. */
static void
report_missing_entry (const Owner      *owner,
                      const WmPropSpec *spec,
                      const char       *entry)
{
  const WmNotation *notation = wm_diagram_get_notation (owner->diagram);
  const WmItem *item = owner->item;
  const char *list = spec->list;

  for (guint i = 0; i < notation->n_lists; i++)
    if (g_str_equal (notation->lists[i].name, spec->list))
      list = g_dgettext (GETTEXT_PACKAGE, notation->lists[i].label);
  if (item == NULL)
    add_owner_problem (owner, g_strdup_printf (_("The diagram “%s” is in “%s”, which is not in "
                                                 "its list “%s”."),
                                               wm_diagram_get_name (owner->diagram), entry, list));
  else if (!wm_str_is_blank (item->text))
    add_owner_problem (owner, g_strdup_printf (_("“%s” is in “%s”, which is not in the "
                                                 "diagram’s list “%s”."),
                                               item->text, entry, list));
  else
    add_owner_problem (owner, g_strdup_printf (_("An unnamed item of type “%s” is in “%s”, which "
                                                 "is not in the diagram’s list “%s”."),
                                               g_dgettext (GETTEXT_PACKAGE, item->type->label),
                                               entry, list));
}

/* References into the project, and list entries, that no longer exist. */
static void
check_values (const Owner      *owner,
              const WmPropSpec *specs,
              guint             n_specs,
              const WmValue    *values)
{
  WmProject *project = wm_diagram_get_project (owner->diagram);

  for (guint i = 0; values != NULL && i < n_specs; i++)
    {
      if (!values[i].set)
        continue;
      if (specs[i].type == WM_PROP_REFS && project != NULL)
        for (guint j = 0; values[i].v.strv && values[i].v.strv[j]; j++)
          {
            if (wm_project_lookup_item (project, values[i].v.strv[j], NULL) == NULL)
              report_broken_link (owner, values[i].v.strv[j]);
          }
      if (specs[i].type == WM_PROP_SLOT && values[i].v.string[0] != '\0' &&
          wm_diagram_find_entry (owner->diagram, specs[i].list, values[i].v.string) == NULL)
        report_missing_entry (owner, &specs[i], values[i].v.string);
    }
}

void
wm_diagram_check_fields (WmDiagram *diagram,
                         GPtrArray *problems)
{
  const WmNotation *notation = wm_diagram_get_notation (diagram);

  check_values (&(Owner) { diagram, NULL, problems }, notation->props, notation->n_props,
                _wm_diagram_get_values (diagram));
}

void
wm_diagram_check_item (WmDiagram    *diagram,
                       const WmItem *item,
                       GPtrArray    *problems)
{
  if (wm_item_is_link (item))
    check_link_rule (diagram, (WmItem *) item, problems);
  check_values (&(Owner) { diagram, (WmItem *) item, problems }, item->type->props,
                item->type->n_props, item->props);
}

void
wm_diagram_check_rules (WmDiagram *diagram,
                        GPtrArray *problems)
{
  const WmNotation *notation = wm_diagram_get_notation (diagram);

  if (notation->check != NULL)
    notation->check (diagram, problems);
}

GPtrArray *
wm_diagram_check (WmDiagram *diagram)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_problem_free);

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), problems);

  wm_diagram_check_fields (diagram, problems);
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    wm_diagram_check_item (diagram, wm_diagram_get_item (diagram, i), problems);
  wm_diagram_check_rules (diagram, problems);
  return problems;
}

/* Each conflict a merge left is an error until resolved (wm-merge.h). */
static void
check_conflicts (WmProject *project,
                 GPtrArray *problems)
{
  GPtrArray *conflicts = wm_project_get_conflicts (project);

  for (guint i = 0; i < conflicts->len; i++)
    {
      const WmConflict *conflict = conflicts->pdata[i];
      const char *ids[] = { conflict->item, NULL };
      WmDiagram *diagram = conflict->diagram
                             ? wm_project_find_diagram (project, conflict->diagram) : NULL;
      g_autofree char *message = wm_conflict_describe (conflict);
      WmProblem *problem = wm_problem_new (WM_SEVERITY_ERROR, diagram, ids, "%s", message);

      if (diagram == NULL && conflict->diagram != NULL)
        problem->diagram_id = (g_free (problem->diagram_id), g_strdup (conflict->diagram));
      g_ptr_array_add (problems, problem);
    }
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
  check_conflicts (project, problems);
  return problems;
}
