/* wm-recovery.h — offering the autosaves a crash left behind
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wm-autosave.h"

G_BEGIN_DECLS

typedef enum
{
  WM_RECOVERY_LATER,    /* the dialog was closed: ask again next time */
  WM_RECOVERY_DISCARD,
  WM_RECOVERY_RECOVER,
} WmRecoveryChoice;

/* @orphans holds the WmAutosaveEntry the dialog listed. */
typedef void (*WmRecoveryCallback) (GPtrArray        *orphans,
                                    WmRecoveryChoice  choice,
                                    gpointer          user_data);

/* Asks whether to recover @orphans (from wm_autosave_find_orphans(), not
 * empty) and calls @callback with the answer. Damaged copies are listed as
 * such; when all are, the only choices are to discard them or keep them for
 * later. WM_RECOVERY_RECOVER applies to the copies that are not damaged.
 * Takes a reference on @orphans. */
void wm_recovery_offer (GtkWindow          *parent,
                        GPtrArray          *orphans,
                        WmRecoveryCallback  callback,
                        gpointer            user_data);

G_END_DECLS
