/* wm-error.h — the error domain of the Waymark model
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WM_ERROR (wm_error_quark ())

typedef enum
{
  WM_ERROR_FAILED,
  WM_ERROR_MALFORMED,        /* not well-formed XML */
  WM_ERROR_INVALID,          /* well-formed, but the schema or the model rejects it */
  WM_ERROR_NEWER_FORMAT,     /* written by a newer Waymark */
  WM_ERROR_NOT_A_PROJECT,    /* some other kind of XML file */
  WM_ERROR_UNKNOWN_TYPE,     /* a notation, type or property this build does not know */
  WM_ERROR_DUPLICATE_ID,
  WM_ERROR_NOT_FOUND,
  WM_ERROR_NOT_ALLOWED,      /* an edit that the notation's rules forbid */
  WM_ERROR_READ_ONLY,
} WmError;

GQuark wm_error_quark (void);

G_END_DECLS
