/* wm-use-case.h — the names of the use-case notation's fields and properties
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-notation.h"

/* The names of the notation's fields and properties (see wm-notation.h). The
 * diagram's one field is WM_UC_DESCRIPTION; actors, use cases and notes have
 * WM_FIELD_LINKS too. */
#define WM_UC_DESCRIPTION         "description"          /* TEXT: also actors', use cases' */
#define WM_UC_STEREOTYPE          "stereotype"           /* STRING: actors', subjects', packages' */
/* An actor's. */
#define WM_UC_KIND                "kind"                 /* ENUM: "human", "system" or "time" */
/* A use case's. */
#define WM_UC_EXTENSION_POINTS    "extension-points"     /* STRING_LIST */
#define WM_UC_LEVEL               "level"                /* ENUM */
#define WM_UC_PRIORITY            "priority"             /* ENUM */
#define WM_UC_PRECONDITIONS       "preconditions"        /* TEXT */
#define WM_UC_POSTCONDITIONS      "postconditions"       /* TEXT */
#define WM_UC_MAIN_FLOW           "main-flow"            /* TEXT */
#define WM_UC_ALTERNATIVE_FLOWS   "alternative-flows"    /* TEXT */
/* An association's. */
#define WM_UC_SOURCE_MULTIPLICITY "source-multiplicity"  /* STRING */
#define WM_UC_TARGET_MULTIPLICITY "target-multiplicity"  /* STRING */
#define WM_UC_NAVIGABLE           "navigable"            /* BOOLEAN: towards the target */
/* An extend link's: a condition, and one of the WM_UC_EXTENSION_POINTS of the
 * use case it extends. */
#define WM_UC_CONDITION           "condition"            /* STRING */
#define WM_UC_EXTENSION_POINT     "extension-point"      /* STRING */
