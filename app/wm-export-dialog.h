/* wm-export-dialog.h — choosing what to export, then exporting it
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "waymark-model.h"
#include "wm-convert.h"
#include "wm-export.h"

G_BEGIN_DECLS

#define WM_TYPE_EXPORT_DIALOG (wm_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WmExportDialog, wm_export_dialog, WM, EXPORT_DIALOG, AdwWindow)

/* @current is the diagram on screen, or NULL. */
WmExportDialog *wm_export_dialog_new         (GtkWindow       *parent,
                                              WmProject       *project,
                                              WmDiagram       *current);
/* What the dialog's choices amount to. */
void            wm_export_dialog_get_options (WmExportDialog  *self,
                                              WmExportOptions *options,
                                              gboolean        *all_diagrams);
/* The text format chosen (PlantUML, draw.io, CSV, Markdown), written by
 * wm_convert_export_to_file() as the command line writes it; else
 * WM_EXCHANGE_UNKNOWN, and wm_export_dialog_get_options() says which
 * picture format. With a text format, options->format means nothing. */
WmExchangeFormat wm_export_dialog_get_text_format (WmExportDialog   *self,
                                                   WmConvertOptions *options);
/* Chooses the text format @format (not WM_EXCHANGE_UNKNOWN or _WAYMARK). */
void            wm_export_dialog_set_text_format  (WmExportDialog         *self,
                                                   WmExchangeFormat        format,
                                                   const WmConvertOptions *options);
/* Sets the choices, as from the last export. */
void            wm_export_dialog_set_options (WmExportDialog        *self,
                                              const WmExportOptions *options,
                                              gboolean               all_diagrams);
/* Exports as chosen to @file (for "all diagrams" in PNG or SVG: one file per
 * diagram beside it). The same code as `waymark --export`. */
gboolean        wm_export_dialog_export_to   (WmExportDialog  *self,
                                              GFile           *file,
                                              GError         **error);
/* The same, with the writing off the main thread (wm-export.h's _async
 * exports); the dialog's own Export button goes this way. */
void            wm_export_dialog_export_to_async  (WmExportDialog      *self,
                                                   GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean        wm_export_dialog_export_to_finish (WmExportDialog      *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
/* What the Export button does once a file is chosen: exports to @file
 * asynchronously, showing progress; then closes with a toast, shows the
 * error, or (cancelled) stays open. For tests. */
void            _wm_export_dialog_start_export    (WmExportDialog      *self,
                                                   GFile               *file);
/* The name the file chooser proposes: the project's title made safe for a
 * file name, with the chosen format's extension. For tests. */
char           *_wm_export_dialog_dup_suggested_name (WmExportDialog  *self);

/* @title as a file's name: without characters that file systems or shells
 * treat specially, blanks folded, not hidden, not too long; "Untitled
 * Project" when nothing is left. */
char           *_wm_file_name_from_title          (const char          *title);

G_END_DECLS
