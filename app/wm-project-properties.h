/* wm-project-properties.h — the project's title, author and description
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "waymark-model.h"

G_BEGIN_DECLS

#define WM_TYPE_PROJECT_PROPERTIES (wm_project_properties_get_type ())
G_DECLARE_FINAL_TYPE (WmProjectProperties, wm_project_properties, WM, PROJECT_PROPERTIES,
                      AdwPreferencesWindow)

/* A window editing @project's details (what an exported presentation's
 * title page shows), transient for @parent if not NULL. A field's new value
 * goes to the project, as one undoable step, when the field is done with:
 * Enter, the focus leaving it, or the window closing. */
WmProjectProperties *wm_project_properties_new (GtkWindow           *parent,
                                                WmProject           *project);
/* The field editing @name ("title", "author" or "description"): a
 * GtkEditable for the first two, the GtkTextView of the last. For tests. */
GtkWidget *_wm_project_properties_get_field    (WmProjectProperties *self,
                                                const char          *name);

G_END_DECLS
