/* test-model.c — model operations, undo, ids, references and notation tables
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-test-util.h"

/* The history's change interface is private to the model; the tests of
 * /model/history/custom-change* register a change class of their own. */
#include "wm-history-private.h"
#include "wm-project-private.h"

static char *
serialize (WmProject *project)
{
  g_autoptr(GBytes) bytes = wm_project_serialize (project);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static WmItem *
add_node (WmDiagram  *diagram,
          const char *type,
          double      x,
          double      y,
          const char *text)
{
  return wm_test_add_node (diagram, type, &(WmRect) { x, y, 100, 60 }, text);
}

static WmDiagram *
add_diagram (WmProject  *project,
             const char *notation,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  WmDiagram *diagram = wm_project_add_diagram (project, notation, name, &error);

  g_assert_no_error (error);
  return diagram;
}

static void
test_notation_tables (void)
{
  static const char *const node_reserved[] = { "id", "type", "x", "y", "w", "h", "parent", "text",
                                               NULL };
  static const char *const link_reserved[] = { "id", "type", "source", "target", "points", "text",
                                               NULL };
  static const char *const diagram_reserved[] = { "id", "notation", "name", NULL };
  guint n;
  const WmNotation *const *notations = wm_notations_get_all (&n);

  static const char *const expected[] = { "business-model-canvas", "use-case",
                                          "value-stream-map", "customer-journey",
                                          "value-proposition-canvas" };

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (notations[i]->id, ==, expected[i]);
  for (guint i = 0; i < n; i++)
    {
      const WmNotation *notation = notations[i];

      g_assert_true (wm_notation_lookup (notation->id) == notation);
      for (guint t = 0; t < wm_notation_get_n_item_types (notation); t++)
        {
          const WmItemType *type = wm_notation_get_item_type (notation, t);

          g_assert_true (wm_notation_lookup_type (notation, type->id) == type);
          for (guint p = 0; p < type->n_props; p++)
            {
              /* Properties are attributes in the file, so they cannot take a core attribute's name. */
              g_assert_false (g_strv_contains (type->kind == WM_ITEM_NODE ? node_reserved
                                                                          : link_reserved,
                                               type->props[p].name));
              g_assert_cmpint (wm_item_type_find_prop (type, type->props[p].name), ==, (int) p);
            }
        }
      for (guint p = 0; p < notation->n_props; p++)
        g_assert_false (g_strv_contains (diagram_reserved, notation->props[p].name));
    }
  g_assert_null (wm_notation_lookup ("flowchart"));
}

static void
test_use_case_link_rules (void)
{
  const WmNotation *uc = wm_notation_lookup ("use-case");
  const WmItemType *actor = wm_notation_lookup_type (uc, "actor");
  const WmItemType *use_case = wm_notation_lookup_type (uc, "use-case");
  const WmItemType *note = wm_notation_lookup_type (uc, "note");
  const WmItemType *association = wm_notation_lookup_type (uc, "association");
  const WmItemType *include = wm_notation_lookup_type (uc, "include");
  const WmItemType *anchor = wm_notation_lookup_type (uc, "anchor");
  g_autoptr(GPtrArray) between_use_cases = wm_notation_allowed_links (uc, use_case, use_case);

  g_assert_true (wm_notation_link_allowed (uc, association, actor, use_case));
  g_assert_false (wm_notation_link_allowed (uc, association, actor, actor));
  g_assert_true (wm_notation_link_allowed (uc, include, use_case, use_case));
  g_assert_false (wm_notation_link_allowed (uc, include, actor, use_case));
  g_assert_true (wm_notation_link_allowed (uc, anchor, note, actor));
  g_assert_false (wm_notation_link_allowed (uc, anchor, actor, note));
  /* include, extend and generalization */
  g_assert_cmpuint (between_use_cases->len, ==, 3);
}

static void
test_add_remove_undo (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = add_diagram (project, "use-case", "Ordering");
  g_autofree char *empty = serialize (project);
  g_autofree char *full = NULL;
  g_autofree char *after_delete = NULL;
  WmItem *actor, *use_case;
  const char *ids[2] = { NULL, NULL };

  actor = add_node (diagram, "actor", 0, 0, "Customer");
  use_case = add_node (diagram, "use-case", 200, 0, "Place order");
  wm_test_add_link (diagram, "association", actor, use_case);
  g_assert_cmpuint (wm_diagram_get_n_nodes (diagram), ==, 2);
  g_assert_cmpuint (wm_diagram_get_n_links (diagram), ==, 1);
  g_assert_true (wm_project_get_dirty (project));
  full = serialize (project);

  /* Removing a node takes its links along, in one undo step. */
  ids[0] = actor->id;
  g_assert_cmpuint (wm_diagram_remove_items (diagram, ids), ==, 2);
  g_assert_cmpuint (wm_diagram_get_n_items (diagram), ==, 1);
  after_delete = serialize (project);
  g_assert_true (wm_project_undo (project));
  g_assert_cmpuint (wm_diagram_get_n_items (diagram), ==, 3);
  {
    g_autofree char *restored = serialize (project);
    g_assert_cmpstr (restored, ==, full);
  }

  /* Undo all the way back to the empty project, then redo everything, the delete included. */
  while (wm_project_can_undo (project))
    wm_project_undo (project);
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, 0);
  g_assert_false (wm_project_get_dirty (project));
  while (wm_project_can_redo (project))
    wm_project_redo (project);
  {
    g_autofree char *redone = serialize (project);
    g_assert_cmpstr (redone, ==, after_delete);
  }
  g_assert_cmpstr (empty, !=, full);
}

static void
test_link_not_allowed (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = add_diagram (project, "use-case", NULL);
  WmItem *a = add_node (diagram, "actor", 0, 0, "A");
  WmItem *b = add_node (diagram, "actor", 0, 200, "B");
  g_autoptr(GError) error = NULL;

  g_assert_null (wm_diagram_add_link (diagram, "association", a->id, b->id, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_NOT_ALLOWED);
  g_assert_cmpuint (wm_diagram_get_n_links (diagram), ==, 0);
  g_clear_error (&error);
  g_assert_null (wm_diagram_add_link (diagram, "association", a->id, "nope", &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_NOT_FOUND);
}

static void
test_moves_merge (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = add_diagram (project, "value-stream-map", NULL);
  WmItem *a = add_node (diagram, "process", 0, 0, "Roast");
  WmItem *b = add_node (diagram, "process", 300, 0, "Pack");
  const char *both[] = { a->id, b->id, NULL };
  const char *only_a[] = { a->id, NULL };

  wm_project_break_merge (project);
  for (int i = 0; i < 10; i++)
    wm_diagram_move_items (diagram, both, 5, 2);
  g_assert_cmpfloat (a->bounds.x, ==, 50);
  g_assert_cmpfloat (b->bounds.y, ==, 20);

  /* Ten drags of the same items are one step... */
  g_assert_true (wm_project_undo (project));
  g_assert_cmpfloat (a->bounds.x, ==, 0);
  g_assert_cmpfloat (b->bounds.x, ==, 300);
  g_assert_true (wm_project_redo (project));
  g_assert_cmpfloat (b->bounds.x, ==, 350);

  /* The same items named in another order are the same gesture. */
  {
    const char *reversed[] = { b->id, a->id, NULL };
    wm_diagram_move_items (diagram, reversed, 5, 2);
    wm_diagram_move_items (diagram, both, 5, 2);
    g_assert_true (wm_project_undo (project));
    g_assert_cmpfloat (a->bounds.x, ==, 50);
    g_assert_true (wm_project_redo (project));
    g_assert_cmpfloat (a->bounds.x, ==, 60);
  }

  /* ...but moving a different set starts a new one. */
  wm_diagram_move_items (diagram, only_a, 1, 1);
  g_assert_true (wm_project_undo (project));
  g_assert_cmpfloat (a->bounds.x, ==, 60);
  g_assert_true (wm_project_undo (project));
  g_assert_cmpfloat (a->bounds.x, ==, 50);
  g_assert_true (wm_project_undo (project));
  g_assert_cmpfloat (a->bounds.x, ==, 0);
}

/* A drop that files what was dragged joins the drag's undo step. */
static void
test_joined_group (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = add_diagram (project, "business-model-canvas", NULL);
  WmItem *note = add_node (diagram, "note", 0, 0, "Roasters");
  WmItem *other = add_node (diagram, "note", 400, 0, "Cafés");
  const char *ids[] = { note->id, NULL };
  g_autoptr(GError) error = NULL;

  wm_project_break_merge (project);
  wm_diagram_move_items (diagram, ids, 10, 0);
  wm_diagram_move_items (diagram, ids, 10, 0);
  wm_project_begin_joined_group (project, NULL);
  g_assert_true (wm_diagram_set_property (diagram, note->id, "block", "channels", &error));
  g_assert_true (wm_diagram_set_text (diagram, other->id, "Offices"));
  wm_project_end_group (project);
  g_assert_true (wm_project_get_dirty (project));

  /* One undo reverts the move, the block and the other note's text. */
  g_assert_true (wm_project_undo (project));
  g_assert_cmpfloat (note->bounds.x, ==, 0);
  g_assert_cmpstr (wm_item_get_choice (note, "block"), ==, "value-propositions");
  g_assert_cmpstr (other->text, ==, "Cafés");
  g_assert_cmpuint (wm_diagram_get_n_items (diagram), ==, 2);
  g_assert_true (wm_project_redo (project));
  g_assert_cmpfloat (note->bounds.x, ==, 20);
  g_assert_cmpstr (wm_item_get_choice (note, "block"), ==, "channels");
  g_assert_cmpstr (other->text, ==, "Offices");

  /* Saved just before the drop, the joined state is no longer the saved one. */
  wm_project_undo (project);
  wm_project_break_merge (project);
  wm_diagram_move_items (diagram, ids, 5, 0);
  wm_project_mark_saved (project);
  wm_project_begin_joined_group (project, NULL);
  wm_diagram_set_text (diagram, note->id, "Roasteries");
  wm_project_end_group (project);
  g_assert_true (wm_project_get_dirty (project));
  wm_project_undo (project);
  g_assert_cmpfloat (note->bounds.x, ==, 0);
  g_assert_cmpstr (note->text, ==, "Roasters");

  /* After an undo there is no latest gesture to join: a step of its own. */
  wm_project_break_merge (project);
  wm_diagram_move_items (diagram, ids, 7, 0);
  g_assert_true (wm_project_undo (project));
  wm_project_begin_joined_group (project, NULL);
  wm_diagram_set_text (diagram, other->id, "Roastery");
  wm_project_end_group (project);
  g_assert_true (wm_project_undo (project));
  g_assert_cmpstr (other->text, ==, "Cafés");
  g_assert_cmpfloat (note->bounds.x, ==, 0);
  /* Redone, it brings back the text only: the undone move stays undone. */
  g_assert_true (wm_project_redo (project));
  g_assert_cmpstr (other->text, ==, "Roastery");
  g_assert_cmpfloat (note->bounds.x, ==, 0);
}

static void
test_typing_merges (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = add_diagram (project, "business-model-canvas", NULL);
  WmItem *note = add_node (diagram, "note", 0, 0, "");
  const char *word = "Roasters";
  char buf[16] = "";

  wm_project_break_merge (project);
  for (guint i = 0; word[i] != '\0'; i++)
    {
      buf[i] = word[i];
      wm_diagram_set_text (diagram, note->id, buf);
    }
  g_assert_cmpstr (note->text, ==, "Roasters");
  g_assert_true (wm_project_undo (project));
  g_assert_cmpstr (note->text, ==, "");
  g_assert_true (wm_project_undo (project));
  g_assert_cmpuint (wm_diagram_get_n_items (diagram), ==, 0);
}

static void
test_properties (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = add_diagram (project, "value-stream-map", NULL);
  WmItem *process = add_node (diagram, "process", 0, 0, "Roast");
  g_autoptr(GError) error = NULL;

  g_assert_cmpfloat (wm_item_get_number (process, "uptime"), ==, 100);
  g_assert_false (wm_item_has_value (process, "uptime"));
  g_assert_true (wm_diagram_set_property (diagram, process->id, "uptime", "92.5", &error));
  g_assert_cmpfloat (wm_item_get_number (process, "uptime"), ==, 92.5);

  g_assert_false (wm_diagram_set_property (diagram, process->id, "uptime", "120", &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wm_diagram_set_property (diagram, process->id, "operators", "1.5", &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wm_diagram_set_property (diagram, process->id, "colour", "#fff", &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_UNKNOWN_TYPE);
  g_clear_error (&error);
  g_assert_cmpfloat (wm_item_get_number (process, "uptime"), ==, 92.5);

  /* Edits of one field merge like typing; leaving the field ends the burst. */
  wm_project_break_merge (project);
  g_assert_true (wm_diagram_set_property (diagram, process->id, "uptime", NULL, &error));
  g_assert_false (wm_item_has_value (process, "uptime"));
  g_assert_true (wm_project_undo (project));
  g_assert_cmpfloat (wm_item_get_number (process, "uptime"), ==, 92.5);

  g_assert_true (wm_diagram_set_field (diagram, "daily-demand", "460", &error));
  g_assert_cmpfloat (wm_diagram_get_number (diagram, "daily-demand"), ==, 460);
  g_assert_true (wm_diagram_set_field (diagram, "state", "future", &error));
  g_assert_cmpstr (wm_diagram_get_choice (diagram, "state"), ==, "future");
  g_assert_false (wm_diagram_set_field (diagram, "state", "past", &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID);
  g_assert_true (wm_project_undo (project));
  g_assert_cmpstr (wm_diagram_get_choice (diagram, "state"), ==, "current");
}

static void
count_changed (WmDiagram *diagram,
               WmDelta   *delta,
               guint     *counter)
{
  (*counter)++;
  g_assert_cmpuint (delta->added->len + delta->removed->len + delta->modified->len, >, 0);
}

static void
test_signals_are_coarse (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = add_diagram (project, "business-model-canvas", NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  guint changed = 0;
  gulong handler;

  for (int i = 0; i < 20; i++)
    g_ptr_array_add (ids, add_node (diagram, "note", i * 10, 0, "x")->id);
  g_ptr_array_add (ids, NULL);

  handler = g_signal_connect (diagram, "changed", G_CALLBACK (count_changed), &changed);
  wm_diagram_move_items (diagram, (const char *const *) ids->pdata, 3, 3);
  g_assert_cmpuint (changed, ==, 1);
  wm_diagram_remove_items (diagram, (const char *const *) ids->pdata);
  g_assert_cmpuint (changed, ==, 2);
  wm_project_undo (project);
  g_assert_cmpuint (changed, ==, 3);
  g_signal_handler_disconnect (diagram, handler);
}

static void
test_cross_diagram_references (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *bmc = add_diagram (project, "business-model-canvas", "Canvas");
  WmDiagram *journey = add_diagram (project, "customer-journey", "Journey");
  WmItem *channel = add_node (bmc, "note", 10, 10, "Web shop");
  WmItem *card = add_node (journey, "card", 10, 10, "Visits the shop");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const char *ids[] = { channel->id, NULL };
  g_autofree char *channel_id = g_strdup (channel->id);
  WmDiagram *found = NULL;

  g_assert_true (wm_diagram_set_property (journey, card->id, "links", channel->id, &error));
  g_assert_true (wm_project_lookup_item (project, wm_item_get_strv (card, "links")[0], &found) == channel);
  g_assert_true (found == bmc);

  /* Renaming keeps the reference: it holds the id, not the text. */
  wm_diagram_set_text (bmc, channel->id, "Online shop");
  g_assert_true (wm_project_lookup_item (project, channel_id, NULL) == channel);

  /* Deleting the target leaves a dangling reference that the check reports. */
  wm_diagram_remove_items (bmc, ids);
  g_assert_null (wm_project_lookup_item (project, channel_id, NULL));
  problems = wm_diagram_check (journey);
  {
    gboolean dangling = FALSE;
    for (guint i = 0; i < problems->len; i++)
      {
        WmProblem *problem = g_ptr_array_index (problems, i);
        if (strstr (problem->message, channel_id) && g_strv_contains ((const char *const *) problem->item_ids, card->id))
          dangling = TRUE;
      }
    g_assert_true (dangling);
  }

  /* Undo brings the target back under the same id, so the reference is whole again. */
  g_assert_true (wm_project_undo (project));
  g_assert_nonnull (wm_project_lookup_item (project, channel_id, NULL));

  /* Deleting the whole diagram and undoing that works the same way. */
  g_assert_true (wm_project_remove_diagram (project, bmc));
  g_assert_null (wm_project_lookup_item (project, channel_id, NULL));
  g_assert_true (wm_project_undo (project));
  g_assert_nonnull (wm_project_lookup_item (project, channel_id, &found));
  g_assert_true (found == bmc);
}

/* Everything that links to an item, through any REFS property of an item
 * or of a diagram's fields, and nothing else. */
static void
test_find_referrers (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *bmc = add_diagram (project, "business-model-canvas", "Canvas");
  WmDiagram *journey = add_diagram (project, "customer-journey", "Journey");
  WmItem *segment = add_node (bmc, "note", 10, 10, "Home baristas");
  WmItem *other = add_node (bmc, "note", 200, 10, "Cafés");
  WmItem *card = add_node (journey, "card", 10, 10, "Visits the shop");
  g_autofree char *segment_id = g_strdup (segment->id);
  g_autoptr(GArray) none = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) after = NULL;
  WmReferrer *first, *second;

  none = wm_project_find_referrers (project, segment_id);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_true (wm_diagram_set_property (journey, card->id, "links", segment_id, NULL));
  g_assert_true (wm_diagram_set_field (journey, WM_JOURNEY_PERSONA_LINKS, segment_id, NULL));
  g_assert_true (wm_diagram_set_property (bmc, other->id, "links", card->id, NULL));
  found = wm_project_find_referrers (project, segment_id);
  g_assert_cmpuint (found->len, ==, 2);
  /* The diagram's fields come before its items. */
  first = &g_array_index (found, WmReferrer, 0);
  second = &g_array_index (found, WmReferrer, 1);
  g_assert_true (first->diagram == journey);
  g_assert_null (first->item);
  g_assert_cmpstr (first->spec->name, ==, WM_JOURNEY_PERSONA_LINKS);
  g_assert_true (second->diagram == journey);
  g_assert_true (second->item == card);
  g_assert_cmpstr (second->spec->name, ==, "links");

  /* A removed link is no longer found; undo finds it again. */
  g_assert_true (wm_diagram_set_property (journey, card->id, "links", NULL, NULL));
  after = wm_project_find_referrers (project, segment_id);
  g_assert_cmpuint (after->len, ==, 1);
  g_clear_pointer (&after, g_array_unref);
  g_assert_true (wm_project_undo (project));
  after = wm_project_find_referrers (project, segment_id);
  g_assert_cmpuint (after->len, ==, 2);
}

/* A removed item is remembered as it was when it went: deleted, its
 * creation undone, or its diagram deleted. */
static void
test_recall_removed (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *bmc = add_diagram (project, "business-model-canvas", "Canvas");
  WmItem *note = add_node (bmc, "note", 10, 10, "Web shop");
  WmItem *later = add_node (bmc, "note", 200, 10, "Market stall");
  g_autofree char *note_id = g_strdup (note->id);
  g_autofree char *later_id = g_strdup (later->id);
  const char *ids[] = { note_id, NULL };
  WmRemovedItem removed = { NULL };

  g_assert_false (wm_project_recall_removed_item (project, note_id, &removed));
  wm_diagram_set_text (bmc, note_id, "Online shop");
  g_assert_cmpuint (wm_diagram_remove_items (bmc, ids), ==, 1);
  g_assert_true (wm_project_recall_removed_item (project, note_id, &removed));
  g_assert_cmpstr (removed.text, ==, "Online shop");
  g_assert_cmpstr (removed.type->id, ==, "note");
  g_assert_cmpstr (removed.diagram_name, ==, "Canvas");

  /* Back, renamed, then gone with its diagram: the newest state counts. */
  g_assert_true (wm_project_undo (project));
  wm_diagram_set_text (bmc, note_id, "Webshop");
  wm_diagram_rename (bmc, "Old canvas");
  g_assert_true (wm_project_remove_diagram (project, bmc));
  g_assert_true (wm_project_recall_removed_item (project, note_id, &removed));
  g_assert_cmpstr (removed.text, ==, "Webshop");
  g_assert_cmpstr (removed.diagram_name, ==, "Old canvas");
  g_assert_true (wm_project_undo (project));

  /* An undone creation is a removal too. */
  g_assert_true (wm_project_undo (project));
  g_assert_true (wm_project_undo (project));
  g_assert_nonnull (wm_project_lookup_item (project, note_id, NULL));
  while (wm_project_lookup_item (project, later_id, NULL) != NULL)
    g_assert_true (wm_project_undo (project));
  g_assert_true (wm_project_recall_removed_item (project, later_id, &removed));
  g_assert_cmpstr (removed.text, ==, "Market stall");
  g_assert_false (wm_project_recall_removed_item (project, "note-999", &removed));
}

static void
test_containers (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = add_diagram (project, "use-case", NULL);
  WmItem *subject = add_node (diagram, "subject", 100, 0, "Web shop");
  WmItem *use_case = add_node (diagram, "use-case", 120, 40, "Pay");
  WmItem *actor = add_node (diagram, "actor", 0, 0, "Customer");
  g_autofree char *subject_id = g_strdup (subject->id);
  const char *move[] = { subject_id, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_diagram_set_parent (diagram, use_case->id, subject->id, &error));
  g_assert_false (wm_diagram_set_parent (diagram, subject->id, actor->id, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (wm_diagram_set_parent (diagram, subject->id, subject->id, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_NOT_ALLOWED);

  /* Moving the subject carries the use cases it contains. */
  wm_diagram_move_items (diagram, move, 10, 20);
  g_assert_cmpfloat (use_case->bounds.x, ==, 130);
  g_assert_cmpfloat (use_case->bounds.y, ==, 60);
  g_assert_cmpfloat (actor->bounds.x, ==, 0);

  /* Deleting the subject keeps its use cases, outside any container. */
  wm_diagram_remove_items (diagram, move);
  g_assert_null (use_case->parent);
  wm_project_undo (project);
  g_assert_cmpstr (wm_diagram_lookup (diagram, use_case->id)->parent, ==, subject_id);
}

static WmItem *
add_routed_link (WmDiagram *diagram,
                 WmItem    *source,
                 WmItem    *target,
                 double     x,
                 double     y)
{
  WmItem *link = wm_test_add_link (diagram, "include", source, target);
  const WmPoint points[] = { { x, y }, { x + 10, y + 10 } };

  g_assert_true (wm_diagram_set_points (diagram, link->id, points, G_N_ELEMENTS (points)));
  return link;
}

/* A moved container carries what it holds at any depth, and the bend points
 * of the links between moved nodes, not those of links that leave them. */
static void
test_move_carries (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = add_diagram (project, "use-case", NULL);
  WmItem *outer = add_node (diagram, "subject", 0, 0, "Shop");
  WmItem *inner = add_node (diagram, "subject", 10, 10, "Till");
  WmItem *deep = add_node (diagram, "use-case", 20, 20, "Pay");
  WmItem *held = add_node (diagram, "use-case", 40, 40, "Browse");
  WmItem *outside = add_node (diagram, "use-case", 900, 900, "Return");
  WmItem *inside_link = add_routed_link (diagram, deep, held, 50, 50);
  WmItem *leaving_link = add_routed_link (diagram, held, outside, 500, 500);
  g_autofree char *deep_id = g_strdup (deep->id);
  g_autofree char *inner_id = g_strdup (inner->id);
  g_autofree char *link_id = g_strdup (inside_link->id);
  g_autoptr(GError) error = NULL;
  const char *move[] = { outer->id, NULL };

  g_assert_true (wm_diagram_set_parent (diagram, inner->id, outer->id, &error));
  g_assert_true (wm_diagram_set_parent (diagram, deep->id, inner->id, &error));
  g_assert_true (wm_diagram_set_parent (diagram, held->id, outer->id, &error));
  g_assert_no_error (error);

  wm_diagram_move_items (diagram, move, 10, 20);
  g_assert_cmpfloat (outer->bounds.x, ==, 10);
  g_assert_cmpfloat (inner->bounds.y, ==, 30);
  g_assert_cmpfloat (deep->bounds.x, ==, 30);
  g_assert_cmpfloat (deep->bounds.y, ==, 40);
  g_assert_cmpfloat (held->bounds.x, ==, 50);
  g_assert_cmpfloat (outside->bounds.x, ==, 900);
  g_assert_cmpfloat (inside_link->points[0].x, ==, 60);
  g_assert_cmpfloat (inside_link->points[1].y, ==, 80);
  g_assert_cmpfloat (leaving_link->points[0].x, ==, 500);

  /* Moving the inner container alone leaves its container and that one's others. */
  move[0] = inner->id;
  wm_diagram_move_items (diagram, move, 5, 0);
  g_assert_cmpfloat (deep->bounds.x, ==, 35);
  g_assert_cmpfloat (held->bounds.x, ==, 50);
  g_assert_cmpfloat (outer->bounds.x, ==, 10);
  g_assert_cmpfloat (inside_link->points[0].x, ==, 60);

  /* Undone, everything is back, the link's points too. */
  g_assert_true (wm_project_undo (project));
  g_assert_true (wm_project_undo (project));
  g_assert_cmpfloat (wm_diagram_lookup (diagram, deep_id)->bounds.x, ==, 20);
  g_assert_cmpfloat (wm_diagram_lookup (diagram, inner_id)->bounds.x, ==, 10);
  g_assert_cmpfloat (wm_diagram_lookup (diagram, link_id)->points[0].x, ==, 50);
}

static void
test_restack (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = add_diagram (project, "business-model-canvas", NULL);
  WmItem *a = add_node (diagram, "note", 0, 0, "a");
  WmItem *b = add_node (diagram, "note", 0, 0, "b");
  WmItem *c = add_node (diagram, "note", 0, 0, "c");

  g_assert_true (wm_diagram_restack (diagram, a->id, G_MAXUINT));
  g_assert_true (wm_diagram_get_item (diagram, 2) == a);
  g_assert_true (wm_diagram_get_item (diagram, 0) == b);
  g_assert_cmpuint (c->z, ==, 1);
  wm_project_undo (project);
  g_assert_true (wm_diagram_get_item (diagram, 0) == a);
  g_assert_cmpuint (a->z, ==, 0);
}

static void
test_lists (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *journey = add_diagram (project, "customer-journey", NULL);
  GPtrArray *stages = wm_diagram_get_list (journey, "stages");
  GPtrArray *lanes = wm_diagram_get_list (journey, "lanes");
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (stages->len, ==, 5);
  g_assert_cmpstr (((WmListEntry *) g_ptr_array_index (stages, 0))->id, ==, "awareness");
  g_assert_cmpuint (lanes->len, ==, 9);
  g_assert_cmpstr (((WmListEntry *) g_ptr_array_index (lanes, 8))->id, ==, "backstage");

  g_assert_true (wm_diagram_list_insert (journey, "stages", 2, "trial", "Trial", &error));
  g_assert_false (wm_diagram_list_insert (journey, "stages", 0, "trial", "Again", &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_DUPLICATE_ID);
  g_assert_true (wm_diagram_list_rename (journey, "stages", "trial", "Free trial"));
  g_assert_true (wm_diagram_list_move (journey, "stages", "trial", 0));
  g_assert_cmpstr (wm_diagram_find_entry (journey, "stages", "trial")->label, ==, "Free trial");
  g_assert_cmpstr (((WmListEntry *) g_ptr_array_index (stages, 0))->id, ==, "trial");
  g_assert_true (wm_diagram_list_remove (journey, "stages", "awareness"));
  g_assert_cmpuint (stages->len, ==, 5);

  while (wm_project_can_undo (project) && wm_project_get_n_diagrams (project) == 1 &&
         wm_diagram_find_entry (journey, "stages", "trial") != NULL)
    wm_project_undo (project);
  stages = wm_diagram_get_list (journey, "stages");
  g_assert_cmpuint (stages->len, ==, 5);
  g_assert_cmpstr (((WmListEntry *) g_ptr_array_index (stages, 0))->id, ==, "awareness");
}

static void
test_bmc_blocks (void)
{
  WmRect rect;
  double area = 0;

  wm_bmc_block_rect (WM_BMC_KEY_PARTNERS, 1000, 800, &rect);
  g_assert_cmpfloat (rect.x, ==, 0);
  g_assert_cmpfloat (rect.width, ==, 200);
  g_assert_cmpfloat (rect.height, ==, 600);
  wm_bmc_block_rect (WM_BMC_KEY_RESOURCES, 1000, 800, &rect);
  g_assert_cmpfloat (rect.x, ==, 200);
  g_assert_cmpfloat (rect.y, ==, 300);
  g_assert_cmpfloat (rect.height, ==, 300);
  wm_bmc_block_rect (WM_BMC_REVENUE_STREAMS, 1000, 800, &rect);
  g_assert_cmpfloat (rect.x, ==, 500);
  g_assert_cmpfloat (rect.y, ==, 600);
  g_assert_cmpfloat (rect.width, ==, 500);

  /* The nine blocks tile the canvas exactly. */
  for (guint b = 0; b < WM_BMC_N_BLOCKS; b++)
    {
      wm_bmc_block_rect (b, 1000, 800, &rect);
      area += rect.width * rect.height;
      g_assert_cmpuint (wm_bmc_block_at (1000, 800, rect.x + 1, rect.y + 1), ==, b);
      g_assert_cmpuint (wm_bmc_block_from_id (wm_bmc_block_id (b)), ==, b);
    }
  g_assert_cmpfloat (area, ==, 1000 * 800);
  g_assert_cmpuint (wm_bmc_block_at (1000, 800, 1001, 5), ==, WM_BMC_N_BLOCKS);
}

static void
test_dirty_tracking (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram;

  g_assert_false (wm_project_get_dirty (project));
  diagram = add_diagram (project, "business-model-canvas", NULL);
  g_assert_true (wm_project_get_dirty (project));
  wm_project_mark_saved (project);
  g_assert_false (wm_project_get_dirty (project));
  add_node (diagram, "note", 0, 0, "x");
  g_assert_true (wm_project_get_dirty (project));
  wm_project_undo (project);
  g_assert_false (wm_project_get_dirty (project));
  wm_project_undo (project);
  g_assert_true (wm_project_get_dirty (project));
  wm_project_redo (project);
  g_assert_false (wm_project_get_dirty (project));
  wm_project_set_title (project, "Bean Box");
  g_assert_true (wm_project_get_dirty (project));
  wm_project_undo (project);
  g_assert_cmpstr (wm_project_get_title (project), ==, "");
  g_assert_false (wm_project_get_dirty (project));
}

static void
test_mark_unsaved (void)
{
  g_autoptr(WmProject) project = wm_project_new ();

  add_diagram (project, "use-case", NULL);
  wm_project_mark_saved (project);
  g_assert_false (wm_project_get_dirty (project));
  wm_project_mark_unsaved (project);
  g_assert_true (wm_project_get_dirty (project));
  /* No state, earlier or later, is the one on disk any more. */
  g_assert_true (wm_project_undo (project));
  g_assert_true (wm_project_get_dirty (project));
  g_assert_true (wm_project_redo (project));
  g_assert_true (wm_project_get_dirty (project));
  wm_project_mark_saved (project);
  g_assert_false (wm_project_get_dirty (project));
}

/* A model of one number that the history knows nothing about, and a change
 * class that edits it: the history must store, merge, replay and free its
 * changes through the class alone. */
typedef struct
{
  int   value;
  guint applied;
  guint reverted;
  guint closed;
  guint freed;
} Counter;

typedef struct
{
  WmChange parent;
  Counter *counter;
  int      before;
  int      after;
} CounterChange;

static void
counter_apply (WmChange  *change,
               WmProject *project)
{
  CounterChange *self = (CounterChange *) change;

  self->counter->value = self->after;
  self->counter->applied++;
}

static void
counter_revert (WmChange  *change,
                WmProject *project)
{
  CounterChange *self = (CounterChange *) change;

  self->counter->value = self->before;
  self->counter->reverted++;
}

static void
counter_free (WmChange *change)
{
  ((CounterChange *) change)->counter->freed++;
  g_free (change);
}

static void
counter_close (WmChange  *change,
               WmProject *project)
{
  CounterChange *self = (CounterChange *) change;

  self->after = self->counter->value;
  self->counter->closed++;
}

static gboolean
counter_is_noop (WmChange *change)
{
  return ((CounterChange *) change)->before == ((CounterChange *) change)->after;
}

static gboolean
counter_can_merge (const WmChange *change,
                   const WmChange *later)
{
  return ((CounterChange *) change)->counter == ((CounterChange *) later)->counter;
}

static void
counter_merge (WmChange *change,
               WmChange *later)
{
  ((CounterChange *) change)->after = ((CounterChange *) later)->after;
}

static const WmChangeClass counter_class = {
  .name = "test-counter",
  .apply = counter_apply,
  .revert = counter_revert,
  .free = counter_free,
};

static const WmChangeClass counter_open_class = {
  .name = "test-counter-open",
  .apply = counter_apply,
  .revert = counter_revert,
  .free = counter_free,
  .close = counter_close,
  .is_noop = counter_is_noop,
  .can_merge = counter_can_merge,
  .merge = counter_merge,
};

static CounterChange *
counter_change_new (const WmChangeClass *klass,
                    Counter             *counter)
{
  CounterChange *change = g_new0 (CounterChange, 1);

  _wm_change_init (&change->parent, klass, NULL);
  change->counter = counter;
  change->before = counter->value;
  return change;
}

/* Sets the counter as one step that records the change after the edit. */
static void
counter_set (WmProject  *project,
             Counter    *counter,
             int         value)
{
  CounterChange *change = counter_change_new (&counter_class, counter);

  wm_project_begin_group (project, "Count");
  counter->value = change->after = value;
  _wm_history_record (_wm_project_get_history (project), &change->parent);
  wm_project_end_group (project);
}

static void
test_custom_change (void)
{
  WmProject *project = wm_project_new ();
  Counter counter = { 0, };

  counter_set (project, &counter, 1);
  counter_set (project, &counter, 2);
  g_assert_true (wm_project_get_dirty (project));
  g_assert_cmpstr (wm_project_get_undo_label (project), ==, "Count");

  g_assert_true (wm_project_undo (project));
  g_assert_cmpint (counter.value, ==, 1);
  g_assert_true (wm_project_undo (project));
  g_assert_cmpint (counter.value, ==, 0);
  g_assert_cmpuint (counter.reverted, ==, 2);
  g_assert_false (wm_project_get_dirty (project));
  g_assert_true (wm_project_redo (project));
  g_assert_cmpint (counter.value, ==, 1);
  g_assert_cmpuint (counter.applied, ==, 1);
  g_assert_cmpuint (counter.freed, ==, 0);

  /* A new edit drops the step left to redo, and frees its change. */
  counter_set (project, &counter, 5);
  g_assert_cmpuint (counter.freed, ==, 1);
  g_assert_false (wm_project_can_redo (project));
  g_assert_true (wm_project_undo (project));
  g_assert_cmpint (counter.value, ==, 1);

  g_object_unref (project);
  g_assert_cmpuint (counter.freed, ==, 3);
}

/* Opens a step with @merge_key and records an open change before the edit,
 * as an edit that captures its after state when the step ends. */
static void
counter_set_open (WmProject  *project,
                  Counter    *counter,
                  int         value,
                  const char *merge_key)
{
  WmHistory *history = _wm_project_get_history (project);

  _wm_history_begin (history, "Count", merge_key);
  if (_wm_history_find_open (history, &counter_open_class, "counter") == NULL)
    _wm_history_record_open (history, &counter_change_new (&counter_open_class, counter)->parent,
                             "counter");
  counter->value = value;
  _wm_history_end (history);
}

static void
test_custom_change_merge (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmHistory *history = _wm_project_get_history (project);
  Counter counter = { 0, };

  /* Edits of one gesture merge into one step, whose change ends last. */
  for (int i = 1; i <= 5; i++)
    counter_set_open (project, &counter, i, "count");
  g_assert_cmpuint (counter.closed, ==, 5);
  g_assert_cmpuint (counter.freed, ==, 4);
  g_assert_true (wm_project_undo (project));
  g_assert_cmpint (counter.value, ==, 0);
  g_assert_false (wm_project_can_undo (project));
  g_assert_true (wm_project_redo (project));
  g_assert_cmpint (counter.value, ==, 5);

  /* Changes found open in a group are one change, closed once. */
  wm_project_break_merge (project);
  wm_project_begin_group (project, "Twice");
  counter_set_open (project, &counter, 6, NULL);
  counter_set_open (project, &counter, 7, NULL);
  wm_project_end_group (project);
  g_assert_cmpuint (counter.closed, ==, 6);
  g_assert_cmpuint (counter.freed, ==, 4);

  /* A step whose change ends where it started is no step. */
  _wm_history_begin (history, "Nothing", NULL);
  _wm_history_record_open (history, &counter_change_new (&counter_open_class, &counter)->parent,
                           "counter");
  counter.value = 8;
  counter.value = 7;
  _wm_history_end (history);
  g_assert_cmpuint (counter.freed, ==, 5);
  g_assert_cmpstr (wm_project_get_undo_label (project), ==, "Twice");
  g_assert_true (wm_project_undo (project));
  g_assert_cmpint (counter.value, ==, 5);
}

static void
test_read_only (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = add_diagram (project, "use-case", "UC");
  WmItem *actor = add_node (diagram, "actor", 0, 0, "Customer");
  const char *ids[] = { actor->id, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  wm_project_set_read_only (project, TRUE);
  before = serialize (project);
  g_assert_null (wm_diagram_add_node (diagram, "actor", NULL, "X", &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_READ_ONLY);
  g_assert_cmpuint (wm_diagram_remove_items (diagram, ids), ==, 0);
  g_assert_false (wm_diagram_set_text (diagram, actor->id, "Other"));
  g_assert_false (wm_project_undo (project));
  g_assert_null (wm_project_add_diagram (project, "use-case", NULL, NULL));
  after = serialize (project);
  g_assert_cmpstr (before, ==, after);

  wm_project_set_read_only (project, FALSE);
  g_assert_true (wm_diagram_set_text (diagram, actor->id, "Other"));
}

static void
test_number_format (void)
{
  static const double values[] = { 0, 1, -1, 12, 0.25, 0.1, 1.0 / 3, 1e-9, 123456789.125,
                                   -45.5, 1e14, 2.5e15, 6.02214076e23 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      GString *out = g_string_new (NULL);
      double back = 0;

      wm_format_number (out, values[i]);
      g_assert_true (wm_parse_number (out->str, &back));
      g_assert_cmpfloat (back, ==, values[i]);
      g_assert_null (strchr (out->str, ','));
      g_string_free (out, TRUE);
    }
  {
    GString *out = g_string_new (NULL);
    wm_format_number (out, 0.1);
    g_assert_cmpstr (out->str, ==, "0.1");
    g_string_truncate (out, 0);
    wm_format_number (out, -0.0);
    g_assert_cmpstr (out->str, ==, "0");
    g_string_free (out, TRUE);
  }
}

static void
test_duplicate_diagram (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *bmc = add_diagram (project, "business-model-canvas", "Canvas");
  WmDiagram *uc = add_diagram (project, "use-case", "Ordering");
  WmDiagram *journey = add_diagram (project, "customer-journey", "Journey");
  WmItem *channel = add_node (bmc, "note", 10, 10, "Web shop");
  WmItem *subject = add_node (uc, "subject", 100, 0, "Web shop");
  WmItem *use_case = add_node (uc, "use-case", 120, 40, "Pay");
  WmItem *actor = add_node (uc, "actor", 0, 0, "Customer");
  WmItem *card = add_node (journey, "card", 10, 10, "Visits the shop");
  g_autofree char *refs = g_strdup_printf ("%s", channel->id);
  g_autoptr(GError) error = NULL;
  WmDiagram *copy;
  WmItem *link_copy = NULL;

  wm_test_add_link (uc, "association", actor, use_case);
  g_assert_true (wm_diagram_set_parent (uc, use_case->id, subject->id, &error));
  g_assert_true (wm_diagram_set_property (uc, use_case->id, "links", refs, &error));
  g_assert_true (wm_diagram_list_insert (journey, "stages", 0, "trial", "Trial", &error));
  g_assert_true (wm_diagram_set_property (journey, card->id, "links", refs, &error));

  copy = wm_project_duplicate_diagram (project, uc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, 4);
  g_assert_true (wm_project_get_diagram (project, 2) == copy);
  g_assert_true (wm_diagram_get_project (copy) == project);
  g_assert_cmpstr (wm_diagram_get_name (copy), ==, "Ordering (copy)");
  g_assert_cmpstr (wm_diagram_get_notation (copy)->id, ==, "use-case");
  g_assert_cmpstr (wm_diagram_get_id (copy), !=, wm_diagram_get_id (uc));
  g_assert_cmpuint (wm_diagram_get_n_items (copy), ==, wm_diagram_get_n_items (uc));

  /* Every item is copied under a new id; links and parents follow the copies. */
  for (guint i = 0; i < wm_diagram_get_n_items (copy); i++)
    {
      WmItem *item = wm_diagram_get_item (copy, i);
      WmItem *original = wm_diagram_get_item (uc, i);
      WmDiagram *owner = NULL;

      g_assert_cmpstr (item->id, !=, original->id);
      g_assert_cmpstr (item->text, ==, original->text);
      g_assert_true (wm_project_lookup_item (project, item->id, &owner) == item);
      g_assert_true (owner == copy);
      if (item->parent != NULL)
        g_assert_true (wm_diagram_lookup (copy, item->parent) != NULL);
      if (wm_item_is_link (item))
        link_copy = item;
    }
  g_assert_nonnull (link_copy);
  g_assert_nonnull (wm_diagram_lookup (copy, link_copy->source));
  g_assert_nonnull (wm_diagram_lookup (copy, link_copy->target));
  /* A reference into another diagram keeps pointing at the original. */
  g_assert_cmpstr (wm_item_get_strv (wm_diagram_get_item (copy, 1), "links")[0], ==, channel->id);

  /* The fields and lists come along. */
  {
    WmDiagram *journey_copy = wm_project_duplicate_diagram (project, journey, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (wm_diagram_get_list (journey_copy, "stages")->len, ==,
                      wm_diagram_get_list (journey, "stages")->len);
    g_assert_nonnull (wm_diagram_find_entry (journey_copy, "stages", "trial"));
    wm_project_undo (project);
  }

  /* One undo step takes the copy away, redo brings it back whole. */
  g_assert_true (wm_project_undo (project));
  g_assert_cmpuint (wm_project_get_n_diagrams (project), ==, 3);
  g_assert_true (wm_project_redo (project));
  g_assert_true (wm_project_get_diagram (project, 2) == copy);
  g_assert_cmpuint (wm_diagram_get_n_items (copy), ==, 4);
}

/* @n copies of @unit. */
static char *
repeat (const char *unit,
        gsize       n)
{
  GString *out = g_string_sized_new (strlen (unit) * n);

  for (gsize i = 0; i < n; i++)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

static void
assert_too_long (GError *error)
{
  g_autofree char *limit = g_strdup_printf ("%d", WM_LIMIT_TEXT_CHARS);

  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, limit));
}

/* Every edit that stores a text refuses one longer than the reader accepts,
 * and keeps the value it had; the longest allowed text is stored whole. A
 * limit counts characters, not bytes. */
static void
test_text_limits (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = add_diagram (project, "use-case", "Limits");
  WmDiagram *journey = add_diagram (project, "customer-journey", "Journey");
  WmItem *use_case = add_node (diagram, "use-case", 0, 0, "Pay");
  g_autofree char *longest = repeat ("é", WM_LIMIT_TEXT_CHARS);
  g_autofree char *too_long = repeat ("a", WM_LIMIT_TEXT_CHARS + 1);
  g_autofree char *half = repeat ("b", WM_LIMIT_TEXT_CHARS / 2);
  g_autofree char *too_long_list = g_strjoin ("\n", half, half, "c", NULL);
  g_autoptr(GError) error = NULL;
  WmDiagram *copy;

  g_assert_true (wm_limits_check_text (longest, NULL));
  g_assert_false (wm_limits_check_text (too_long, &error));
  assert_too_long (error);
  g_clear_error (&error);

  g_assert_true (wm_diagram_set_text (diagram, use_case->id, longest));
  g_assert_false (wm_diagram_set_text (diagram, use_case->id, too_long));
  g_assert_cmpstr (use_case->text, ==, longest);

  g_assert_false (wm_diagram_set_property (diagram, use_case->id, "description", too_long,
                                           &error));
  assert_too_long (error);
  g_clear_error (&error);
  g_assert_false (wm_diagram_set_property (diagram, use_case->id, "extension-points",
                                           too_long_list, &error));
  assert_too_long (error);
  g_clear_error (&error);
  g_assert_false (wm_diagram_set_field (diagram, "description", too_long, &error));
  assert_too_long (error);
  g_clear_error (&error);
  g_assert_null (wm_diagram_add_node (diagram, "actor", NULL, too_long, &error));
  assert_too_long (error);
  g_clear_error (&error);
  g_assert_false (wm_diagram_list_insert (journey, "stages", 0, "long", too_long, &error));
  assert_too_long (error);
  g_clear_error (&error);

  g_assert_false (wm_diagram_rename (diagram, too_long));
  g_assert_cmpstr (wm_diagram_get_name (diagram), ==, "Limits");
  g_assert_null (wm_project_add_diagram (project, "use-case", too_long, &error));
  assert_too_long (error);
  g_clear_error (&error);
  g_assert_false (wm_project_set_title (project, too_long));
  g_assert_false (wm_project_set_author (project, too_long));
  g_assert_false (wm_project_set_description (project, too_long));
  g_assert_cmpstr (wm_project_get_title (project), ==, "");
  g_assert_true (wm_project_set_title (project, longest));
  g_assert_false (wm_diagram_list_rename (journey, "stages", "awareness", too_long));
  g_assert_cmpuint (wm_diagram_get_n_items (diagram), ==, 1);
  g_assert_false (wm_item_has_value (use_case, "description"));
  g_assert_true (wm_diagram_rename (diagram, longest));

  /* A copy's name, made up by the model, is cut to fit rather than grow past it. */
  copy = wm_project_duplicate_diagram (project, diagram, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_utf8_strlen (wm_diagram_get_name (copy), -1), ==, WM_LIMIT_TEXT_CHARS);
}

/* A text over 10 MB once saved and then could not be read back: the edit
 * refuses it now. */
static void
test_ten_megabyte_text_refused (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = add_diagram (project, "value-stream-map", "VSM");
  WmItem *note = add_node (diagram, "note", 0, 0, "Short");
  g_autofree char *huge = repeat ("0123456789", 1024 * 1024 + 1);

  g_assert_false (wm_diagram_set_text (diagram, note->id, huge));
  g_assert_cmpstr (note->text, ==, "Short");
}

/* Positions and sizes stay where Cairo can draw them: edits clamp them, a
 * move stops the whole selection at the edge, and a link keeps at most
 * WM_LIMIT_POINTS waypoints. */
static void
test_geometry_limits (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = add_diagram (project, "value-stream-map", "VSM");
  const double L = WM_LIMIT_COORDINATE;
  WmItem *far = wm_test_add_node (diagram, "process",
                                  &(WmRect) { 2 * L, -3 * L, 5 * WM_LIMIT_SIZE, 10 }, "Far");
  WmItem *near = add_node (diagram, "inventory", 0, 0, "Near");
  WmItem *link = wm_test_add_link (diagram, "push", far, near);
  const char *ids[] = { far->id, near->id, NULL };
  g_autofree WmPoint *many = g_new0 (WmPoint, WM_LIMIT_POINTS + 1);
  WmPoint points[] = { { 10, 20 }, { -9 * L, 9 * L } };

  g_assert_cmpfloat (far->bounds.x, ==, L);
  g_assert_cmpfloat (far->bounds.y, ==, -L);
  g_assert_cmpfloat (far->bounds.width, ==, WM_LIMIT_SIZE);

  g_assert_false (wm_diagram_set_bounds (diagram, near->id, &(WmRect) { NAN, 0, 10, 10 }));
  g_assert_cmpfloat (near->bounds.x, ==, 0);
  g_assert_true (wm_diagram_set_bounds (diagram, near->id, &(WmRect) { -5 * L, 3, -1, 1e9 }));
  g_assert_cmpfloat (near->bounds.x, ==, -L);
  g_assert_cmpfloat (near->bounds.y, ==, 3);
  g_assert_cmpfloat (near->bounds.width, ==, 0);
  g_assert_cmpfloat (near->bounds.height, ==, WM_LIMIT_SIZE);

  g_assert_true (wm_diagram_set_points (diagram, link->id, points, G_N_ELEMENTS (points)));
  g_assert_cmpfloat (link->points[1].x, ==, -L);
  g_assert_cmpfloat (link->points[1].y, ==, L);
  g_assert_false (wm_diagram_set_points (diagram, link->id, many, WM_LIMIT_POINTS + 1));
  g_assert_cmpuint (link->n_points, ==, 2);
  g_assert_true (wm_diagram_set_points (diagram, link->id, many, WM_LIMIT_POINTS));
  g_assert_true (wm_diagram_set_points (diagram, link->id, points, G_N_ELEMENTS (points)));

  /* Far is at the right edge: a move to the right stops at once. To the
   * left, the selection goes as far as its leftmost waypoint can, and keeps
   * its shape. */
  wm_diagram_move_items (diagram, ids, 100, 0);
  g_assert_cmpfloat (far->bounds.x, ==, L);
  g_assert_cmpfloat (near->bounds.x, ==, -L);
  g_assert_true (wm_diagram_set_bounds (diagram, near->id, &(WmRect) { 0, 3, 10, 10 }));
  points[1] = (WmPoint) { -L + 5, 0 };
  g_assert_true (wm_diagram_set_points (diagram, link->id, points, G_N_ELEMENTS (points)));
  wm_diagram_move_items (diagram, ids, -3 * L, 0);
  g_assert_cmpfloat (far->bounds.x, ==, L - 5);
  g_assert_cmpfloat (near->bounds.x, ==, -5);
  g_assert_cmpfloat (link->points[0].x, ==, 5);
  g_assert_cmpfloat (link->points[1].x, ==, -L);
}

/* A chain of @n packages, each inside the one before; returns their ids. */
static GPtrArray *
add_package_chain (WmDiagram *diagram,
                   guint      n)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      WmItem *package = add_node (diagram, "package", 0, 0, "Package");

      if (i > 0)
        g_assert_true (wm_diagram_set_parent (diagram, package->id,
                                              g_ptr_array_index (ids, i - 1), NULL));
      g_ptr_array_add (ids, g_strdup (package->id));
    }
  return ids;
}

/* Containers nest at most WM_LIMIT_CONTAINMENT_DEPTH deep around a node, and
 * moving a container (with what it holds) into another counts its contents. */
static void
test_containment_limit (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = add_diagram (project, "use-case", NULL);
  g_autoptr(GPtrArray) deep = add_package_chain (diagram, WM_LIMIT_CONTAINMENT_DEPTH + 1);
  g_autoptr(GPtrArray) small = add_package_chain (diagram, 3);
  WmItem *extra = add_node (diagram, "use-case", 0, 0, "One too deep");
  const char *innermost = g_ptr_array_index (deep, WM_LIMIT_CONTAINMENT_DEPTH);
  const char *top_of_small = g_ptr_array_index (small, 0);
  g_autoptr(GError) error = NULL;

  g_assert_false (wm_diagram_set_parent (diagram, extra->id, innermost, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_null (extra->parent);

  /* The small chain's innermost package would sit 65 deep. */
  g_assert_false (wm_diagram_set_parent (diagram, top_of_small,
                                         g_ptr_array_index (deep, WM_LIMIT_CONTAINMENT_DEPTH - 2),
                                         &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_true (wm_diagram_set_parent (diagram, top_of_small,
                                        g_ptr_array_index (deep, WM_LIMIT_CONTAINMENT_DEPTH - 3),
                                        &error));
  g_assert_no_error (error);
}

/* The writer puts a type's core attributes and one per property on an
 * element; no type may have more than the reader accepts. */
static void
test_attributes_fit (void)
{
  guint n_notations;
  const WmNotation *const *notations = wm_notations_get_all (&n_notations);

  for (guint i = 0; i < n_notations; i++)
    {
      const WmNotation *notation = notations[i];

      /* id, notation, name */
      g_assert_cmpuint (3 + notation->n_props, <=, WM_LIMIT_ATTRIBUTES);
      /* id, type, x, y, w, h, parent, text */
      for (guint j = 0; j < notation->n_node_types; j++)
        g_assert_cmpuint (8 + notation->node_types[j].n_props, <=, WM_LIMIT_ATTRIBUTES);
      /* id, type, source, target, points, text */
      for (guint j = 0; j < notation->n_link_types; j++)
        g_assert_cmpuint (6 + notation->link_types[j].n_props, <=, WM_LIMIT_ATTRIBUTES);
    }
}

/* What is kept on a diagram (wm_diagram_keep_derived()) lasts until the
 * next change, a change within a group until the group ends, and a diagram
 * taken out of its project (deleted, kept for undo) keeps nothing. */
static void
count_drop (gpointer data)
{
  (*(int *) data)++;
}

static gpointer
same (gpointer data)
{
  return data;
}

static void
test_derived_data (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  WmDiagram *diagram = wm_test_add_diagram (project, "use-case", "Derived");
  WmRect bounds = { 0, 0, 100, 60 };
  int dropped = 0;
  g_autofree char *id = NULL;

  g_assert_null (wm_diagram_dup_derived (diagram, "test-derived", same));
  wm_diagram_keep_derived (diagram, "test-derived", &dropped, count_drop);
  g_assert_true (wm_diagram_dup_derived (diagram, "test-derived", same) == &dropped);
  /* Kept again: the one before goes. */
  wm_diagram_keep_derived (diagram, "test-derived", &dropped, count_drop);
  g_assert_cmpint (dropped, ==, 1);

  wm_project_begin_group (project, "Two edits");
  id = g_strdup (wm_test_add_node (diagram, "use-case", &bounds, "Pay")->id);
  g_assert_true (wm_diagram_dup_derived (diagram, "test-derived", same) == &dropped);
  wm_project_end_group (project);
  g_assert_cmpint (dropped, ==, 2);
  g_assert_null (wm_diagram_dup_derived (diagram, "test-derived", same));

  g_assert_true (wm_project_undo (project));
  wm_diagram_keep_derived (diagram, "test-derived", &dropped, count_drop);
  g_assert_true (wm_project_redo (project));
  g_assert_cmpint (dropped, ==, 3);
  g_assert_nonnull (wm_diagram_lookup (diagram, id));

  g_object_ref (diagram);
  wm_diagram_keep_derived (diagram, "test-derived", &dropped, count_drop);
  g_assert_true (wm_project_remove_diagram (project, diagram));
  g_assert_cmpint (dropped, ==, 4);
  g_object_unref (diagram);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/notation/tables", test_notation_tables);
  g_test_add_func ("/model/notation/use-case-rules", test_use_case_link_rules);
  g_test_add_func ("/model/notation/bmc-blocks", test_bmc_blocks);
  g_test_add_func ("/model/items/add-remove-undo", test_add_remove_undo);
  g_test_add_func ("/model/items/link-not-allowed", test_link_not_allowed);
  g_test_add_func ("/model/items/properties", test_properties);
  g_test_add_func ("/model/items/containers", test_containers);
  g_test_add_func ("/model/items/restack", test_restack);
  g_test_add_func ("/model/items/move-carries", test_move_carries);
  g_test_add_func ("/model/history/moves-merge", test_moves_merge);
  g_test_add_func ("/model/history/typing-merges", test_typing_merges);
  g_test_add_func ("/model/history/joined-group", test_joined_group);
  g_test_add_func ("/model/history/dirty", test_dirty_tracking);
  g_test_add_func ("/model/history/mark-unsaved", test_mark_unsaved);
  g_test_add_func ("/model/history/custom-change", test_custom_change);
  g_test_add_func ("/model/history/custom-change-merge", test_custom_change_merge);
  g_test_add_func ("/model/diagram/signals-are-coarse", test_signals_are_coarse);
  g_test_add_func ("/model/diagram/lists", test_lists);
  g_test_add_func ("/model/references/cross-diagram", test_cross_diagram_references);
  g_test_add_func ("/model/references/referrers", test_find_referrers);
  g_test_add_func ("/model/references/recall-removed", test_recall_removed);
  g_test_add_func ("/model/values/number-format", test_number_format);
  g_test_add_func ("/model/project/read-only", test_read_only);
  g_test_add_func ("/model/project/duplicate-diagram", test_duplicate_diagram);
  g_test_add_func ("/model/limits/text", test_text_limits);
  g_test_add_func ("/model/limits/ten-megabyte-text", test_ten_megabyte_text_refused);
  g_test_add_func ("/model/limits/geometry", test_geometry_limits);
  g_test_add_func ("/model/limits/containment", test_containment_limit);
  g_test_add_func ("/model/limits/attributes-fit", test_attributes_fit);
  g_test_add_func ("/model/derived-data", test_derived_data);

  return g_test_run ();
}
