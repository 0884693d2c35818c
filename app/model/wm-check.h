/* wm-check.h — problems the model finds in a project
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-project.h"

G_BEGIN_DECLS

typedef enum
{
  WM_SEVERITY_INFO,
  WM_SEVERITY_WARNING,
  WM_SEVERITY_ERROR,
} WmSeverity;

struct _WmProblem
{
  WmSeverity  severity;
  char       *diagram_id;
  char       *message;   /* translated, one sentence */
  GStrv       item_ids;  /* the items concerned, may be empty */
};

const char *wm_severity_to_string (WmSeverity severity);

WmProblem *wm_problem_new   (WmSeverity        severity,
                             WmDiagram        *diagram,
                             const char *const *item_ids,
                             const char        *format,
                             ...) G_GNUC_PRINTF (4, 5);
void       wm_problem_free  (WmProblem *problem);
/* Appends a warning about @item alone to @problems; takes @message. */
void       wm_problems_add_item_warning (GPtrArray    *problems,
                                         WmDiagram    *diagram,
                                         const WmItem *item,
                                         char         *message);

/* Every problem of @diagram, in this order: its fields', each item's in
 * z-order, then its notation's whole-diagram rules. */
GPtrArray *wm_diagram_check (WmDiagram *diagram);
/* The same in parts, for a checker that keeps each item's problems and
 * checks again only the items an edit changed: the problems of the diagram's
 * own fields; those one item has on its own (a link its notation forbids
 * between its ends, values naming list entries or items that are gone); the
 * notation's rules, which look at the whole diagram (cycles, actors taking
 * part in nothing, flows that reach no customer). Each appends to @problems. */
void       wm_diagram_check_fields (WmDiagram    *diagram,
                                    GPtrArray    *problems);
void       wm_diagram_check_item   (WmDiagram    *diagram,
                                    const WmItem *item,
                                    GPtrArray    *problems);
void       wm_diagram_check_rules  (WmDiagram    *diagram,
                                    GPtrArray    *problems);
GPtrArray *wm_project_check (WmProject *project);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmProblem, wm_problem_free)

G_END_DECLS
