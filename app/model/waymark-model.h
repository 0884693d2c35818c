/* waymark-model.h — the document model, in one include
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-board.h"
#include "wm-bmc.h"
#include "wm-check.h"
#include "wm-compare.h"
#include "wm-diagram.h"
#include "wm-error.h"
#include "wm-find.h"
#include "wm-format.h"
#include "wm-item.h"
#include "wm-journey.h"
#include "wm-limits.h"
#include "wm-merge.h"
#include "wm-notation.h"
#include "wm-notation-common.h"
#include "wm-project.h"
#include "wm-safe-save.h"
#include "wm-trace.h"
#include "wm-types.h"
#include "wm-use-case.h"
#include "wm-value.h"
#include "wm-vpc.h"
#include "wm-vsm.h"
