/* wm-csv.h — diagrams as comma-separated values, out and in
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-exchange.h"
#include "wm-project.h"

G_BEGIN_DECLS

/* The files follow RFC 4180: UTF-8 without a byte order mark, records ended
 * by CRLF, a header row first, and fields quoted (with "" for a quote) when
 * they hold a comma, a semicolon, a quote, a line break or leading or
 * trailing spaces. A line break inside a field is a plain LF. The header
 * row is not translated, so that a file reads back in any language.
 *
 * One diagram makes one table, whose first header cell names its kind:
 *
 *   Kind,Name,Cycle time (s),…   a value stream map: one row per process and
 *                                inventory ("process" or "inventory" in the
 *                                Kind column), in z-order; numbers in the C
 *                                locale, each process figure as the metrics
 *                                use it (its default when unset), the days
 *                                of stock only when set by hand.
 *   Lane,Awareness,…             a customer journey: one row per lane, one
 *                                column per stage; a cell holds its cards'
 *                                texts one per line (separated by a blank
 *                                line when one of them spans lines), its
 *                                emotion points as "Text (+1)" and its KPIs
 *                                as "Name: 6.5 % (target 8)".
 *   Use case,Description,…       a use-case diagram: one row per use case
 *                                with its details; the actors it is
 *                                associated with and the use cases it
 *                                includes or extends, one name per line.
 *
 * Reading accepts commas or semicolons (whichever the header row uses more
 * of; with semicolons, decimal commas too), CRLF or LF, a byte order mark,
 * header cells in any case or as the property names ("cycle-time"), and
 * choices as ids or labels. Writing, reading and writing again gives the
 * same bytes. */

/* The table of @only, or when it is NULL of the project's first diagram
 * that has one. NULL with @error set when there is none. */
char      *wm_export_csv      (WmProject   *project,
                               WmDiagram   *only,
                               GError     **error);

/* The project's cross-diagram links as chains (wm_trace_collect()), one
 * row each: the source diagram, then per step its text and its diagram
 * ("Missing item" or what a removed item was, in a broken step), and
 * whether the chain ends in a broken link. The traceability page of the
 * presentation, for a spreadsheet. */
char      *wm_export_trace_csv (WmProject  *project);

/* A new project holding one new diagram, of the kind the header row names,
 * named after @filename (may be NULL). Rows it cannot take are skipped with
 * a warning in @log (may be NULL). NULL with @error set when the input is
 * not such a table or breaks the limits below. */
WmProject *wm_import_csv      (const char  *data,
                               gsize        size,
                               const char  *filename,
                               WmImportLog *log,
                               GError     **error);

/* Updates @diagram from a table of its kind, as one undoable step: rows
 * match processes and inventories, use cases and lanes by name (and the
 * columns of a journey match its stages); a row or column that matches
 * nothing is reported in @log with its line and changes nothing. Cells that
 * match are set (an empty one resets the property); links the table names
 * and the diagram lacks are added, none are removed. FALSE with @error set
 * when the input cannot be read or is of another kind; the diagram is then
 * unchanged. */
gboolean   wm_import_csv_into (WmDiagram   *diagram,
                               const char  *data,
                               gsize        size,
                               WmImportLog *log,
                               GError     **error);

/* What reading refuses, with a one-line error naming the line. */
#define WM_CSV_MAX_BYTES        (64 * 1024 * 1024)
#define WM_CSV_MAX_RECORD_BYTES (4 * 1024 * 1024)
#define WM_CSV_MAX_COLUMNS      1000
#define WM_CSV_MAX_ROWS         100000
#define WM_CSV_MAX_LANES        1000    /* a customer journey's rows */

G_END_DECLS
