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

/* Every problem of @diagram: the checks shared by all notations, then its notation's own. */
GPtrArray *wm_diagram_check (WmDiagram *diagram);
GPtrArray *wm_project_check (WmProject *project);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmProblem, wm_problem_free)

G_END_DECLS
