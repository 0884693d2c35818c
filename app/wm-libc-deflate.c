/* wm-libc-deflate.c — cairo's PDF streams compressed for speed, in waymark only
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cairo 1.16 compresses every stream of a PDF (the page's operators, the
 * font subsets) with deflateInit (stream, Z_DEFAULT_COMPRESSION), which is
 * zlib's level 6, and no API chooses another. Level 6 follows each hash
 * chain up to 128 earlier strings; a page of a large diagram, thousands of
 * numbers that seldom repeat, keeps it searching: zlib took 17 % of a
 * 10 000-item value stream's PDF export. The waymark executable defines
 * zlib's deflateInit_ (what the deflateInit macro calls), so the dynamic
 * linker binds cairo's calls to it: a stream opened at the default level is
 * opened as zlib opens it, then searches chains of 16, keeping level 6's
 * lazy matching (deflateTune (8, 16, 128, 16)). On the bench's pages that
 * halves the time zlib takes for files 1 to 4 % larger (README,
 * Performance). A caller that asks for a level keeps it; libpng, libarchive
 * and GLib open their streams with deflateInit2_, which is not touched.
 * WAYMARK_ZLIB_DEFAULT=1 in the environment leaves every stream at level 6;
 * the tests compare the two.
 *
 * Only the executable carries this file: the libraries and the tests that
 * link them compress as zlib does.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* What deflateInit_ gives deflateInit2_ in zlib (deflate.c): a 32 KB
 * window, DEF_MEM_LEVEL's 8, the default strategy. */
#define ZLIB_MEM_LEVEL 8

/* Whether WAYMARK_ZLIB_DEFAULT=1 is set: read on every call, as a PDF opens
 * only a few streams. */
static int
zlib_default_asked (void)
{
  const char *value = getenv ("WAYMARK_ZLIB_DEFAULT");

  return value != NULL && strcmp (value, "1") == 0;
}

int
deflateInit_ (z_streamp   strm,
              int         level,
              const char *version,
              int         stream_size)
{
  int status = deflateInit2_ (strm, level, Z_DEFLATED, MAX_WBITS, ZLIB_MEM_LEVEL,
                              Z_DEFAULT_STRATEGY, version, stream_size);

  if (status == Z_OK && level == Z_DEFAULT_COMPRESSION && !zlib_default_asked ())
    deflateTune (strm, 8, 16, 128, 16);
  return status;
}
