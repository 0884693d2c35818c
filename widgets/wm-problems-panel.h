/* wm-problems-panel.h — the problems the model checks find in the shown diagram
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "waymark-model.h"

G_BEGIN_DECLS

#define WM_TYPE_PROBLEMS_PANEL (wm_problems_panel_get_type ())
G_DECLARE_FINAL_TYPE (WmProblemsPanel, wm_problems_panel, WM, PROBLEMS_PANEL, AdwBin)

GtkWidget  *wm_problems_panel_new           (void);

/* Shows the problems of @diagram (NULL for none) and follows its edits:
 * they are checked again on an idle after the edits, so that a burst of
 * edits costs one check. While the panel is not mapped (hidden) it checks
 * nothing: it checks when it is shown. Also the "diagram" property, which
 * the window binds to the canvas's. */
void        wm_problems_panel_set_diagram   (WmProblemsPanel *self,
                                             WmDiagram       *diagram);
WmDiagram  *wm_problems_panel_get_diagram   (WmProblemsPanel *self);
/* How many problems show; also the "n-problems" property. */
guint       wm_problems_panel_get_n_problems (WmProblemsPanel *self);
/* Checks now instead of on the pending idle (for tests and the window). */
void        wm_problems_panel_refresh       (WmProblemsPanel *self);
/* How many times the panel has checked a diagram (for tests). */
guint       wm_problems_panel_get_n_checks  (WmProblemsPanel *self);
/* How many times one item's own problems were checked: an edit checks again
 * only what it changed (and the items that link elsewhere). */
guint       wm_problems_panel_get_n_item_checks (WmProblemsPanel *self);
/* While paused (a drag is under way), edits check nothing; the check they
 * call for runs once the pause ends. */
void        wm_problems_panel_set_paused    (WmProblemsPanel *self,
                                             gboolean         paused);
gboolean    wm_problems_panel_get_paused    (WmProblemsPanel *self);
/* Resolves the merge conflict row @index shows, as its Take Mine or Take
 * Theirs button does: one undo step. FALSE with @error set when the row is
 * no conflict or the project refuses. */
gboolean    wm_problems_panel_resolve       (WmProblemsPanel *self,
                                             guint            index,
                                             gboolean         take_theirs,
                                             GError         **error);
/* Activates row @index as a click would: emits "problem-activated". */
void        wm_problems_panel_activate      (WmProblemsPanel *self,
                                             guint            index);

G_END_DECLS
