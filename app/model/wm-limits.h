/* wm-limits.h — the one set of limits of a Waymark project
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every bound on what a project may hold lives here, and the reader, the
 * model's edits and the editor all use these constants, so that whatever an
 * edit accepts, the writer writes and the reader reads back. None is meant to
 * be reached by real work: each lies one or more orders of magnitude above the
 * largest project the application is built for (100 000 items), and each keeps
 * a hostile file from making the loader use unbounded memory or time.
 */
#pragma once

#include "wm-types.h"

G_BEGIN_DECLS

/* The largest file the reader opens. A generated project of 100 000 items
 * takes about 15 MB, so this allows some 1.7 million items or long texts. */
#define WM_LIMIT_FILE_BYTES (256 * 1024 * 1024)

/* Elements in one file. A project of 100 000 items writes about 170 000; this
 * allows ten times that, and keeps a file of tiny elements from building a
 * model of several gigabytes (an item costs about 600 bytes loaded). */
#define WM_LIMIT_ELEMENTS 2000000

/* How deeply elements nest. The format needs five levels (project, diagram,
 * node, entries, entry); this is far above, and far below libxml2's 256. */
#define WM_LIMIT_XML_DEPTH 32

/* Attributes on one element. An item has at most eight core attributes and
 * one per property of its type (no type has twenty); RELAX NG validation of
 * an element's attributes grows much faster than their number, to gigabytes
 * at 20 000, so this is checked before the validator sees the element. */
#define WM_LIMIT_ATTRIBUTES 64

/* Characters (not bytes) in one text value: an item's text, a property's
 * value (a string list counts with its line breaks), a list entry's label, a
 * diagram's name, the project's title, author or description. Written with
 * the heaviest escaping (six bytes for a quote), a value stays far below the
 * 10 MB that libxml2 allows a text node or attribute without XML_PARSE_HUGE. */
#define WM_LIMIT_TEXT_CHARS 1000000

/* Bytes of one embedded image (a PNG, before base64). Written as base64 with
 * a line break every 76 characters, 700 000 bytes take 946 300 characters, so
 * an image always fits in one text value (WM_LIMIT_TEXT_CHARS); a logo or a
 * screenshot takes far less. */
#define WM_LIMIT_IMAGE_BYTES 700000
G_STATIC_ASSERT ((WM_LIMIT_IMAGE_BYTES + 2) / 3 * 4 * 77 / 76 + 1 < WM_LIMIT_TEXT_CHARS);
/* Pixels of one embedded image, on a side and in all: a small file may hold
 * a huge image of one colour, and painting decodes it whole (4 bytes a pixel). */
#define WM_LIMIT_IMAGE_SIDE 8192
#define WM_LIMIT_IMAGE_PIXELS (4096 * 4096)

/* Waypoints of one link: people bend a link a few times, and the points
 * attribute of the longest link stays below 1 MB. */
#define WM_LIMIT_POINTS 10000

/* Containers around one node (a package in a package ...). UML models nest
 * packages a handful of levels deep; the cap bounds every walk up or down
 * the containment tree. */
#define WM_LIMIT_CONTAINMENT_DEPTH 64

/* Document coordinates lie within ±WM_LIMIT_COORDINATE and node sizes within
 * 0..WM_LIMIT_SIZE. Cairo converts device coordinates to 24.8 fixed point,
 * whose range is ±8 388 607; at the canvas's largest zoom (8×) any shape of
 * which some part is on screen then stays inside it. The generated 100 000-
 * item project spans about 76 000 × 50 000 units. */
#define WM_LIMIT_COORDINATE 1000000.0
#define WM_LIMIT_SIZE 1000000.0

/* TRUE when @text (UTF-8) has at most WM_LIMIT_TEXT_CHARS characters; else
 * sets @error (WM_ERROR_INVALID) to a message the user can read. */
gboolean wm_limits_check_text       (const char *text,
                                     GError    **error);
/* The number of characters of @text, counting no further than just past
 * the limit, so that the check of a huge text stays cheap. */
gsize    wm_limits_text_length      (const char *text);

gboolean wm_limits_coordinate_is_valid (double value);
gboolean wm_limits_size_is_valid    (double value);
/* The nearest allowed value; non-finite values become 0. */
double   wm_limits_clamp_coordinate (double value);
double   wm_limits_clamp_size       (double value);
/* Clamps the position and size of @rect into range. */
void     wm_limits_clamp_rect       (WmRect    *rect);

G_END_DECLS
