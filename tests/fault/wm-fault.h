/* wm-fault.h — fails the n-th write, fsync, close or rename on purpose
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A test that links wm-fault.c replaces libc's write(), fsync(), close() and
 * rename() for the whole process, GLib and cairo included: calls pass
 * through to libc until a fault is armed. Only operations on regular files
 * under the armed folder count, so the test's own output never trips it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  WM_FAULT_WRITE,
  WM_FAULT_FSYNC,
  WM_FAULT_CLOSE,
  WM_FAULT_RENAME,
  WM_FAULT_N_OPS
} WmFaultOp;

/* The @nth (from 1) call of @op on a file under @dir fails with @error_number;
 * a close still closes the descriptor, as the kernel does. */
void        wm_fault_arm      (WmFaultOp   op,
                               guint       nth,
                               int         error_number,
                               const char *dir);
void        wm_fault_disarm   (void);
/* Whether the armed fault has happened. */
gboolean    wm_fault_tripped  (void);
const char *wm_fault_op_name  (WmFaultOp   op);

G_END_DECLS
