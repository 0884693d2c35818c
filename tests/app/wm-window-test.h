/* wm-window-test.h — what the tests of the main window share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-window.h"

G_BEGIN_DECLS

void      wm_window_test_wait_until_mapped (GtkWidget *widget);
void      wm_window_test_wait_for          (gboolean (*done) (gpointer data),
                                            gpointer   data);
WmWindow *wm_window_test_present           (WmProject *project);
void      wm_window_test_popdown           (GtkPopover *popover);
void      wm_window_test_settle            (WmWindow  *window);

G_END_DECLS
