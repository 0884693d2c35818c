/* wm-merge.h — three-way merge of projects, and the conflicts it leaves
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-project.h"

G_BEGIN_DECLS

/* One property the two sides of a merge changed differently. The merged
 * project holds OURS' value; the conflict remembers both until resolved.
 *
 * @item is NULL for the diagram's own header, and @diagram is NULL for the
 * project's metadata (title, author, description). @property names what
 * conflicts, with the names of wm_merge_item_value(): "text", "position",
 * "size", "parent", "source", "target", "points" or a property of the type;
 * for a diagram "name", a field, or "LIST/ENTRY" for the label of an entry
 * of one of its lists. A NULL @property means the thing itself: it was
 * deleted on one side and edited (or referred to) on the other, and the
 * merge kept it. @ours and @theirs are the values in file syntax, NULL when
 * unset; for a conflict on the thing itself, NULL when that side deleted
 * it and "" when it kept it. */
typedef struct
{
  char *diagram;
  char *item;
  char *property;
  char *ours;
  char *theirs;
} WmConflict;

WmConflict *wm_conflict_new  (const char       *diagram,
                              const char       *item,
                              const char       *property,
                              const char       *ours,
                              const char       *theirs);
WmConflict *wm_conflict_copy (const WmConflict *conflict);
void        wm_conflict_free (WmConflict       *conflict);
/* A one-sentence, translated description: "Conflict on “text” of note-43". */
char       *wm_conflict_describe (const WmConflict *conflict);

/* The conflicts a merge left in @project, in file order (borrowed WmConflict
 * pointers, owned by the project; never NULL). */
GPtrArray  *wm_project_get_conflicts   (WmProject *project);
/* The conflicts, or NULL when the project never had any: for the writer,
 * which may run in a thread and must not create them. */
GPtrArray  *_wm_project_peek_conflicts  (WmProject *project);
/* Appends @conflict (taken) without history: for the reader. */
void        _wm_project_add_conflict   (WmProject  *project,
                                        WmConflict *conflict);

/* Resolves conflict @position: take mine keeps the merged value and only
 * drops the record; take theirs sets their value (or deletes the thing
 * when they deleted it). One undo step either way. FALSE with @error set
 * when the project is read-only or the conflict's thing is gone. */
gboolean    wm_project_resolve_conflict (WmProject *project,
                                         guint      position,
                                         gboolean   take_theirs,
                                         GError   **error);

/* The file syntax of one part of an item, as merged and as the conflicts
 * name it (see WmConflict); NULL when unset. */
char       *wm_merge_item_value        (const WmItem *item,
                                        const char   *property);

/* Merges the changes OURS and THEIRS made to BASE, matching diagrams, items
 * and list entries by id. Additions, deletions, moves and property edits of
 * both sides combine; a change made the same way on both sides is one
 * change; texts edited on both sides merge line by line when the edits do
 * not touch the same lines. Everything else both sides changed differently
 * keeps OURS' value and becomes a WmConflict of the result (also returned
 * in @conflicts as copies when it is not NULL). An item deleted on one side
 * that the other edited or refers to is kept, with a conflict: the merge
 * never makes a dangling link. The result is a new project, validated by
 * writing and reading it back, without history.
 *
 * Fails with WM_ERROR_INVALID when the projects are unrelated (no diagram
 * in common while each has diagrams) or a diagram id names diagrams of
 * different notations. */
WmProject  *wm_merge_projects          (WmProject  *base,
                                        WmProject  *ours,
                                        WmProject  *theirs,
                                        GPtrArray **conflicts,
                                        GError    **error);

/* The line-wise three-way merge of texts: NULL when both sides changed the
 * same lines differently. */
char       *wm_merge_text              (const char *base,
                                        const char *ours,
                                        const char *theirs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmConflict, wm_conflict_free)

G_END_DECLS
