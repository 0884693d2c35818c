/* wm-exchange.h — other tools' formats, in and out: what the importers share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  WM_EXCHANGE_UNKNOWN,
  WM_EXCHANGE_WAYMARK,
  WM_EXCHANGE_PLANTUML,
  WM_EXCHANGE_DRAWIO,
  WM_EXCHANGE_CSV,
  WM_EXCHANGE_MARKDOWN,
} WmExchangeFormat;

/* The format of @data, from its content first and then from @filename's
 * extension (either may be NULL): a file named .txt that starts with
 * @startuml is PlantUML, a .xml holding <mxfile> is draw.io. Markdown is
 * never detected from content (it is written, not read). */
WmExchangeFormat wm_exchange_detect         (const char *data,
                                             gsize       size,
                                             const char *filename);
/* The format an output file name's extension asks for. */
WmExchangeFormat wm_exchange_from_extension (const char *filename);

/* What an importer could not take as it was: a line (from 1; 0 when the
 * warning is about the whole input) and a translated message. */
typedef struct
{
  guint  line;
  char  *message;
} WmImportWarning;

/* The warnings of one import, in input order. */
typedef struct
{
  GPtrArray *warnings;   /* WmImportWarning */
} WmImportLog;

void     wm_import_log_init    (WmImportLog *log);
void     wm_import_log_clear   (WmImportLog *log);
void     wm_import_log_warn    (WmImportLog *log,
                                guint        line,
                                const char  *format,
                                ...) G_GNUC_PRINTF (3, 4);
/* Each warning as compilers write them, "FILE:LINE: warning: …" (without
 * the line when it is 0), one per line. */
char    *wm_import_log_format  (const WmImportLog *log,
                                const char        *filename);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WmImportLog, wm_import_log_clear)

G_END_DECLS
