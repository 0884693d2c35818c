/* wm-markdown.h — a whole project as one Markdown document
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-project.h"

G_BEGIN_DECLS

typedef struct
{
  /* Where to write each diagram's SVG picture; NULL for none. */
  const char *svg_dir;
  /* How the document refers to svg_dir: a path relative to where the
   * document will be, ending in '/', or NULL when it lies in svg_dir. */
  const char *svg_href;
  /* The pictures' names start with it: "notes" gives
   * "notes-subscriber-journey.svg"; NULL for "diagram". */
  const char *svg_stem;
  /* The date on the title page; NULL for today's, as YYYY-MM-DD. */
  const char *date;
} WmMarkdownOptions;

/* @project as one Markdown document (CommonMark with pipe tables, as
 * pandoc, GitHub and Python-Markdown's "tables" extension read it): the
 * title page's fields; per diagram a heading with an anchor, its canvas
 * blocks, use cases with their details, value stream figures and tables,
 * the journey grid as a table; links between diagrams as links within the
 * document; and the chains of those links, broken ones marked. @options may
 * be NULL. With options->svg_dir, every diagram's SVG is written there
 * first; NULL with @error set when one cannot be. */
char *wm_export_markdown (WmProject               *project,
                          const WmMarkdownOptions *options,
                          GError                 **error);

G_END_DECLS
