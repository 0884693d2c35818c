/* wm-test-util.h — helpers shared by the model tests
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "waymark-model.h"

G_BEGIN_DECLS

/* Runs $WAYMARK_EXE with the arguments (NULL-terminated) and returns its
 * exit status, with what it wrote on stdout and stderr in @out and @err
 * (either may be NULL; stderr not kept is a test message when it failed). */
int         wm_test_run_waymark      (char            **out,
                                      char            **err,
                                      const char       *first_arg,
                                      ...) G_GNUC_NULL_TERMINATED;
/* The project's serialisation as a NUL-terminated string. */
char       *wm_test_serialize        (WmProject        *project);
/* A valid value for @spec in file syntax that differs from its default;
 * @ref_target is used for item references. */
char       *wm_test_sample_value     (WmDiagram        *diagram,
                                      const WmPropSpec *spec,
                                      const char       *ref_target,
                                      GRand            *rand);
/* Some pair of node types between which @link may run, or FALSE. */
gboolean    wm_test_find_link_ends   (const WmNotation  *notation,
                                      const WmItemType  *link,
                                      const WmItemType **source,
                                      const WmItemType **target);
/* Edits that must succeed: they fail the test otherwise. */
WmDiagram  *wm_test_add_diagram      (WmProject        *project,
                                      const char       *notation,
                                      const char       *name);
WmItem     *wm_test_add_node         (WmDiagram        *diagram,
                                      const char       *type,
                                      const WmRect     *bounds,
                                      const char       *text);
WmItem     *wm_test_add_link         (WmDiagram        *diagram,
                                      const char       *type,
                                      WmItem           *source,
                                      WmItem           *target);
void        wm_test_set_property     (WmDiagram        *diagram,
                                      WmItem           *item,
                                      const char       *name,
                                      const char       *value);
/* A 4 × 4 PNG of one opaque colour, WM_TEST_PNG_RGB, as an image property's text. */
#define WM_TEST_PNG_RGB 0x2060a0
#define WM_TEST_PNG_BASE64 \
  "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGNQSFgARwzEcQDMQxIBsLSc1wAAAABJRU5ErkJggg=="
/* The Bean Box sample from $WAYMARK_SAMPLES_DIR, loaded. */
WmProject  *wm_test_load_sample      (void);
/* Reads @path of the source tree (relative to G_TEST_SRCDIR's parent). */
char       *wm_test_read_source_file (const char       *path,
                                      gsize            *length);

/* Sets every property of @item to a valid value that is not its default. */
void        wm_test_set_every_property (WmDiagram        *diagram,
                                        WmItem           *item,
                                        const char       *ref_target);
/* Adds an item of @type: a node, or a link between two new nodes it may join.
 * @anchor receives the node or the link's source. */
WmItem     *wm_test_create_item      (WmDiagram        *diagram,
                                      const WmItemType *type,
                                      WmItem          **anchor);

G_END_DECLS
