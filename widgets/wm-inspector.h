/* wm-inspector.h — the property inspector, generated from the property specs
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "waymark-model.h"

G_BEGIN_DECLS

#define WM_TYPE_INSPECTOR (wm_inspector_get_type ())
G_DECLARE_FINAL_TYPE (WmInspector, wm_inspector, WM, INSPECTOR, AdwBin)

GtkWidget  *wm_inspector_new        (void);

/* Shows the item @item_id of @diagram, or the diagram's own fields when
 * @item_id is NULL; a NULL @diagram shows the empty state. The page shown
 * stays as it is when the target is the one it shows. */
void        wm_inspector_set_target (WmInspector *self,
                                     WmDiagram   *diagram,
                                     const char  *item_id);
WmDiagram  *wm_inspector_get_diagram (WmInspector *self);
const char *wm_inspector_get_item_id (WmInspector *self);

/* Whether the empty state ("Nothing selected") shows. */
gboolean    wm_inspector_is_empty   (WmInspector *self);
/* The number of property rows, not counting the item's text. */
guint       wm_inspector_get_n_rows (WmInspector *self);
/* The widget that edits property @name, or the item's text (the diagram's
 * name) when @name is NULL; NULL when there is no such row. For tests and
 * for the window to move the focus to a field. */
GtkWidget  *wm_inspector_get_editor (WmInspector *self,
                                     const char  *name);

/* Item references (a REFS property such as "links"). The editor of such a
 * property is a GtkListBox with a row per linked item, in order; a linked
 * item that no longer exists shows what it was when it was deleted in this
 * session, else "Missing item" (never its id). Adding and removing
 * are undoable edits of the shown item (or diagram). */
gboolean    wm_inspector_add_link    (WmInspector *self,
                                      const char  *name,
                                      const char  *id);
gboolean    wm_inspector_remove_link (WmInspector *self,
                                      const char  *name,
                                      guint        index);
/* Emits "follow-link" with the id of link @index of property @name. */
void        wm_inspector_follow_link (WmInspector *self,
                                      const char  *name,
                                      guint        index);
/* The group that edits diagram list @list (shown with the diagram's own
 * fields), or NULL. */
GtkWidget  *wm_inspector_get_list_editor (WmInspector *self,
                                          const char  *list);
/* The list of what links to the shown item (the "Linked from" group): a
 * GtkListBox with a row per linking item or diagram, in the project's order,
 * each item's row with a "follow-backlink" button that emits "follow-link".
 * NULL when the inspector shows no item. */
GtkWidget  *wm_inspector_get_backlinks   (WmInspector *self);

G_END_DECLS
