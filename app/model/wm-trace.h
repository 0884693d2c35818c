/* wm-trace.h — the project's cross-diagram links, as chains to read
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-project.h"

G_BEGIN_DECLS

/* One step of a chain: an item, or a link that leads nowhere. The pointers
 * are the project's, valid until its next change; the strings are owned. */
typedef struct
{
  WmItem           *item;          /* NULL when the link to it is broken */
  WmDiagram        *diagram;       /* the item's diagram; NULL when broken */
  char             *id;            /* the item's id, or the missing target's */
  /* What the reader sees: the item's text, else its type's label; for a
   * broken step what the item was when it was removed, else "missing item".
   * Translated, never NULL. */
  char             *text;
  /* The item's type, or the removed item's when known, else NULL. */
  const WmItemType *type;
  /* Where the item is: its diagram's name, or the removed item's; may be "". */
  char             *diagram_name;
  /* The kind of that diagram ("Customer journey map"), translated; "" when unknown. */
  const char       *kind;
  gboolean          broken;        /* the link's target no longer exists */
  gboolean          cycle;         /* the item is already earlier in the chain: the chain stops */
} WmTraceStep;

/* One chain: from an item nothing links to, along WM_FIELD_LINKS, depth
 * first, to an item that links nowhere (or a broken link, or back into the
 * chain). An item linking to several items starts as many rows. */
typedef struct
{
  WmDiagram *source;  /* the first step's diagram: the group the row belongs to */
  GArray    *steps;   /* WmTraceStep, at least two */
} WmTraceRow;

/* The chains of @project as a GPtrArray of WmTraceRow (which frees them),
 * grouped by source diagram in diagram order, each group in the items' z
 * order: rows of one group are adjacent. Items that only form cycles (every
 * one is linked to) start a chain at the first of them in project order.
 * At most WM_TRACE_MAX_ROWS rows; never NULL. */
#define WM_TRACE_MAX_ROWS 2000
GPtrArray         *wm_trace_collect      (WmProject         *project);
void               wm_trace_row_free     (WmTraceRow        *row);
const WmTraceStep *wm_trace_row_get_step (const WmTraceRow  *row,
                                          guint              index);
/* The most steps of any row in @rows: the number of columns of a table. */
guint              wm_trace_max_steps    (GPtrArray         *rows);
/* "Text (kind)" for a table cell or an export; "Missing item" when broken
 * with nothing recalled. Newly allocated. */
char              *wm_trace_step_label   (const WmTraceStep *step);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmTraceRow, wm_trace_row_free)

G_END_DECLS
