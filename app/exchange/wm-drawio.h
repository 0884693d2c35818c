/* wm-drawio.h — draw.io (diagrams.net) files, in and out
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-exchange.h"
#include "wm-project.h"

G_BEGIN_DECLS

/* Limits of the importer, far above any diagram drawn by hand: a page's
 * compressed content may inflate to DECOMPRESSED_BYTES (and all pages
 * together to four times that), a file may hold PAGES pages and CELLS cells. */
#define WM_DRAWIO_LIMIT_DECOMPRESSED_BYTES (64 * 1024 * 1024)
#define WM_DRAWIO_LIMIT_PAGES              1000
#define WM_DRAWIO_LIMIT_CELLS              200000

/* An uncompressed .drawio file of @project (of @only alone when it is not
 * NULL): one page (<diagram>) per diagram, every node a shape draw.io
 * edits (actors as umlActor, use cases as ellipses, value stream icons as
 * mxgraph.lean_mapping shapes, the canvas blocks, the value proposition
 * areas and the journey's cells as containers holding their notes), every
 * link an edge between them. Each Waymark item is an <object> whose
 * attributes are its type and properties, and each page's root cell holds
 * the diagram's notation, fields and lists, so that wm_import_drawio()
 * gives the project back. NULL with @error set when there is no diagram. */
char      *wm_export_drawio (WmProject   *project,
                             WmDiagram   *only,
                             GError     **error);

/* A new project of the pages of the draw.io file @data (plain or with
 * compressed pages, or a bare <mxGraphModel>), one diagram per page. A page
 * Waymark wrote keeps its notation; another becomes a value stream map
 * when it uses lean-mapping shapes, a Business Model Canvas when its
 * containers are the nine blocks, else a use-case diagram. Shapes that
 * match a type of the notation become it, every other shape a text or a
 * box with its label and geometry; @log says how many, and which edges
 * could not become links. NULL with @error set (WM_ERROR) when nothing
 * could be read. */
WmProject *wm_import_drawio (const char  *data,
                             gsize        size,
                             const char  *filename,
                             WmImportLog *log,
                             GError     **error);

G_END_DECLS
