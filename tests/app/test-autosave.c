/* test-autosave.c — recovery copies: written when dirty, gone when saved, found after a crash
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No display needed. XDG_STATE_HOME points at a fresh temporary folder.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wm-autosave.h"

static char *tmp_dir;

static WmProject *
new_dirty_project (const char *title)
{
  WmProject *project = wm_project_new ();
  g_autoptr(GError) error = NULL;

  wm_project_set_title (project, title);
  wm_project_mark_saved (project);
  g_assert_false (wm_project_get_dirty (project));
  g_assert_nonnull (wm_project_add_diagram (project, "use-case", "Ordering", &error));
  g_assert_no_error (error);
  g_assert_true (wm_project_get_dirty (project));
  return project;
}

static void
assert_file_holds_project (const char *path,
                           WmProject  *project)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = wm_project_serialize (project);
  g_autoptr(GBytes) actual = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  actual = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (g_bytes_equal (expected, actual));
}

static char *
index_path_for (const char *path)
{
  g_autofree char *stem = g_strndup (path, strlen (path) - strlen (WM_FILE_EXTENSION));

  return g_strconcat (stem, ".info", NULL);
}

static gboolean
orphans_hold (GPtrArray  *orphans,
              const char *path)
{
  for (guint i = 0; i < orphans->len; i++)
    if (g_str_equal (((WmAutosaveEntry *) g_ptr_array_index (orphans, i))->path, path))
      return TRUE;
  return FALSE;
}

static void
test_writes_dirty_project (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(WmAutosave) autosave = wm_autosave_new (project, 0);
  g_autofree char *path = wm_autosave_dup_path (autosave);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (path, tmp_dir));
  g_assert_true (_wm_autosave_tick (autosave, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_nonnull (wm_project_add_diagram (project, "use-case", "Ordering", &error));
  g_assert_true (_wm_autosave_tick (autosave, &error));
  g_assert_no_error (error);
  assert_file_holds_project (path, project);

  /* A later edit is in the next copy. */
  g_assert_nonnull (wm_project_add_diagram (project, "business-model-canvas", "Canvas", &error));
  g_assert_true (_wm_autosave_tick (autosave, &error));
  assert_file_holds_project (path, project);

  wm_autosave_discard (autosave);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_save_removes_copy (void)
{
  g_autoptr(WmProject) project = new_dirty_project ("Saved");
  g_autoptr(WmAutosave) autosave = wm_autosave_new (project, 0);
  g_autofree char *path = wm_autosave_dup_path (autosave);
  g_autofree char *index_path = index_path_for (path);
  g_autofree char *target = g_build_filename (tmp_dir, "saved.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_path = NULL;

  g_assert_true (_wm_autosave_tick (autosave, &error));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (index_path, G_FILE_TEST_EXISTS));

  g_assert_true (wm_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (wm_project_get_dirty (project));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (index_path, G_FILE_TEST_EXISTS));

  /* Once the project has a file, its copy is named after it. */
  g_assert_nonnull (wm_project_add_diagram (project, "use-case", "More", &error));
  g_assert_true (_wm_autosave_tick (autosave, &error));
  saved_path = wm_autosave_dup_path (autosave);
  g_assert_cmpstr (saved_path, !=, path);
  assert_file_holds_project (saved_path, project);
  wm_autosave_discard (autosave);
  g_assert_false (g_file_test (saved_path, G_FILE_TEST_EXISTS));
  g_assert_no_errno (g_remove (target));
}

static void
test_disabled_writes_nothing (void)
{
  g_autoptr(WmProject) project = new_dirty_project ("Off");
  g_autoptr(WmAutosave) autosave = wm_autosave_new (project, 0);
  g_autofree char *path = wm_autosave_dup_path (autosave);

  g_assert_true (_wm_autosave_tick (autosave, NULL));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  wm_autosave_set_enabled (autosave, FALSE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (_wm_autosave_tick (autosave, NULL));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static GPid
dead_pid (void)
{
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);
  return pid;
}

static void
set_index_pid (const char *index_path,
               gint64      pid)
{
  g_autoptr(GKeyFile) index = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_file (index, index_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  g_key_file_set_int64 (index, "Autosave", "Pid", pid);
  g_key_file_save_to_file (index, index_path, &error);
  g_assert_no_error (error);
}

static void
test_orphan_is_recovered (void)
{
  g_autoptr(WmProject) project = new_dirty_project ("Crashed");
  g_autoptr(WmAutosave) autosave = wm_autosave_new (project, 0);
  g_autofree char *path = wm_autosave_dup_path (autosave);
  g_autofree char *index_path = index_path_for (path);
  g_autoptr(GPtrArray) live = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(WmProject) recovered = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  WmAutosaveEntry *entry;
  GPid pid = dead_pid ();

  g_assert_true (_wm_autosave_tick (autosave, &error));
  /* This process is alive: its own copy is not an orphan. */
  live = wm_autosave_find_orphans ();
  g_assert_false (orphans_hold (live, path));

  /* As if the process that wrote it had crashed. */
  set_index_pid (index_path, pid);
  orphans = wm_autosave_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  entry = g_ptr_array_index (orphans, 0);
  g_assert_cmpstr (entry->path, ==, path);
  g_assert_cmpstr (entry->title, ==, "Crashed");
  g_assert_null (entry->original);
  g_assert_cmpint (entry->pid, ==, pid);
  g_assert_nonnull (entry->time);

  recovered = wm_autosave_recover (entry, &error);
  g_assert_no_error (error);
  g_assert_true (wm_project_get_dirty (recovered));
  g_assert_null (wm_project_get_file (recovered));
  before = wm_project_serialize (project);
  after = wm_project_serialize (recovered);
  g_assert_true (g_bytes_equal (before, after));

  wm_autosave_entry_delete (entry);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (index_path, G_FILE_TEST_EXISTS));
}

static void
test_orphan_keeps_original_file (void)
{
  g_autoptr(WmProject) project = new_dirty_project ("Named");
  g_autofree char *target = g_build_filename (tmp_dir, "named.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(WmAutosave) autosave = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(WmProject) recovered = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *index_path = NULL;
  WmAutosaveEntry *entry;

  wm_project_set_file (project, file);
  autosave = wm_autosave_new (project, 0);
  path = wm_autosave_dup_path (autosave);
  index_path = index_path_for (path);
  g_assert_true (_wm_autosave_tick (autosave, &error));
  set_index_pid (index_path, dead_pid ());

  orphans = wm_autosave_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  entry = g_ptr_array_index (orphans, 0);
  g_assert_nonnull (entry->original);
  g_assert_true (g_file_equal (entry->original, file));

  recovered = wm_autosave_recover (entry, &error);
  g_assert_no_error (error);
  g_assert_true (wm_project_get_dirty (recovered));
  g_assert_true (g_file_equal (wm_project_get_file (recovered), file));

  /* Once another process has taken the copy over, deleting the orphan leaves it. */
  set_index_pid (index_path, getpid ());
  wm_autosave_entry_delete (entry);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  wm_autosave_discard (autosave);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The orphan at @path, which must be listed. */
static WmAutosaveEntry *
find_orphan (GPtrArray  *orphans,
             const char *path)
{
  for (guint i = 0; i < orphans->len; i++)
    if (g_str_equal (((WmAutosaveEntry *) g_ptr_array_index (orphans, i))->path, path))
      return g_ptr_array_index (orphans, i);
  g_assert_not_reached ();
}

static void
set_index_time (const char *index_path,
                gint64      time)
{
  g_autoptr(GKeyFile) index = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_file (index, index_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  g_key_file_set_int64 (index, "Autosave", "Time", time);
  g_key_file_save_to_file (index, index_path, &error);
  g_assert_no_error (error);
}

/* Recovers the copy of a project saved to @target, as if written @age
 * seconds after the file (a negative age: before it). */
static WmProject *
recover_aged (const char *target,
              gint64      age)
{
  g_autoptr(WmProject) project = new_dirty_project ("Saved, then changed");
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(WmAutosave) autosave = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *index_path = NULL;
  g_autofree char *path = NULL;
  WmProject *recovered;

  g_assert_true (wm_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (wm_project_add_diagram (project, "use-case", "Unsaved", &error));
  autosave = wm_autosave_new (project, 0);
  path = wm_autosave_dup_path (autosave);
  g_assert_true (_wm_autosave_tick (autosave, &error));
  index_path = index_path_for (path);
  set_index_pid (index_path, dead_pid ());
  set_index_time (index_path, g_get_real_time () / G_USEC_PER_SEC + age);
  orphans = wm_autosave_find_orphans ();
  recovered = wm_autosave_recover (find_orphan (orphans, path), &error);
  g_assert_no_error (error);
  wm_autosave_entry_delete (find_orphan (orphans, path));
  return recovered;
}

/* A recovered project saves over its file unasked only if the file did not
 * change after the copy was written; otherwise the save is refused, for the
 * window to ask. */
static void
test_recovered_save_respects_outside_change (void)
{
  g_autofree char *target = g_build_filename (tmp_dir, "recovered.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(WmProject) newer_copy = recover_aged (target, 100);
  g_autoptr(WmProject) older_copy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_project_save (newer_copy, file, NULL, &error));
  g_assert_no_error (error);

  /* The file was written after the copy: another program, or another window. */
  older_copy = recover_aged (target, -100);
  g_assert_false (wm_project_save (older_copy, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_no_errno (g_remove (target));
}

/* Whether the orphan at @path, which must be listed, is damaged. */
static gboolean
orphan_is_damaged (GPtrArray  *orphans,
                   const char *path)
{
  WmAutosaveEntry *entry = find_orphan (orphans, path);

  return entry->damaged && entry->damage != NULL;
}

/* Leaves the copy of a dead process, as a crash would, and returns its path. */
static char *
leave_orphan (const char *title,
              char      **index_path)
{
  g_autoptr(WmProject) project = new_dirty_project (title);
  g_autoptr(WmAutosave) autosave = wm_autosave_new (project, 0);
  char *path = wm_autosave_dup_path (autosave);
  g_autoptr(GError) error = NULL;

  g_assert_true (_wm_autosave_tick (autosave, &error));
  g_assert_no_error (error);
  *index_path = index_path_for (path);
  set_index_pid (*index_path, dead_pid ());
  /* Dropped without discarding: the files stay behind. */
  return path;
}

static void
truncate_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length / 2, &error);
  g_assert_no_error (error);
}

/* A truncated copy is listed as damaged, with the reason; it cannot be
 * recovered; discarding it removes both files, and it is not listed again. */
static void
test_damaged_orphan (void)
{
  g_autofree char *index_path = NULL;
  g_autofree char *path = leave_orphan ("Truncated", &index_path);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(WmProject) recovered = NULL;
  g_autoptr(GError) error = NULL;
  WmAutosaveEntry *entry;

  truncate_file (path);
  orphans = wm_autosave_find_orphans ();
  g_assert_true (orphan_is_damaged (orphans, path));
  entry = find_orphan (orphans, path);
  /* The line, not the autosave folder's path, which means nothing to a person. */
  g_assert_true (g_str_has_prefix (entry->damage, "Line "));
  g_assert_cmpstr (entry->title, ==, "Truncated");

  recovered = wm_autosave_recover (entry, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (recovered);

  wm_autosave_entry_delete (entry);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (index_path, G_FILE_TEST_EXISTS));
  after = wm_autosave_find_orphans ();
  g_assert_false (orphans_hold (after, path));
}

/* A good copy beside a damaged one is still offered, undamaged. */
static void
test_damaged_beside_good (void)
{
  g_autofree char *bad_index = NULL;
  g_autofree char *good_index = NULL;
  g_autofree char *bad = leave_orphan ("Bad", &bad_index);
  g_autofree char *good = leave_orphan ("Good", &good_index);
  g_autofree char *empty_index = NULL;
  g_autofree char *empty = leave_orphan ("Empty", &empty_index);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;

  truncate_file (bad);
  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);
  orphans = wm_autosave_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 3);
  g_assert_true (orphan_is_damaged (orphans, bad));
  g_assert_true (orphan_is_damaged (orphans, empty));
  g_assert_false (orphan_is_damaged (orphans, good));
  for (guint i = 0; i < orphans->len; i++)
    wm_autosave_entry_delete (g_ptr_array_index (orphans, i));
}

/* A copy whose file is gone, or whose index cannot be read, is damaged too:
 * shown once, and gone when discarded, instead of lingering unseen. */
static void
test_missing_copy_and_bad_index (void)
{
  g_autofree char *gone_index = NULL;
  g_autofree char *gone = leave_orphan ("Gone", &gone_index);
  g_autofree char *garbled_index = NULL;
  g_autofree char *garbled = leave_orphan ("Garbled", &garbled_index);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_remove (gone));
  g_file_set_contents (garbled_index, "[Autosave\nPid=", -1, &error);
  g_assert_no_error (error);
  orphans = wm_autosave_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 2);
  g_assert_true (orphan_is_damaged (orphans, gone));
  g_assert_true (orphan_is_damaged (orphans, garbled));
  for (guint i = 0; i < orphans->len; i++)
    wm_autosave_entry_delete (g_ptr_array_index (orphans, i));
  g_assert_false (g_file_test (gone_index, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (garbled, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (garbled_index, G_FILE_TEST_EXISTS));
  after = wm_autosave_find_orphans ();
  g_assert_cmpuint (after->len, ==, 0);
}

static void
test_dirty_project_written_at_once (void)
{
  g_autoptr(WmProject) project = new_dirty_project ("Recovered");
  g_autoptr(WmAutosave) autosave = wm_autosave_new (project, 0);
  g_autofree char *path = wm_autosave_dup_path (autosave);

  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* The first idle writes it, in a thread of its own. */
  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  assert_file_holds_project (path, project);
  wm_autosave_discard (autosave);
}

static void
test_timer_writes (void)
{
  g_autoptr(WmProject) project = wm_project_new ();
  g_autoptr(WmAutosave) autosave = wm_autosave_new (project, 1);
  g_autofree char *path = wm_autosave_dup_path (autosave);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_assert_nonnull (wm_project_add_diagram (project, "use-case", "Timed", NULL));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  assert_file_holds_project (path, project);
  wm_autosave_discard (autosave);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("waymark-autosave-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", tmp_dir, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/autosave/writes-dirty-project", test_writes_dirty_project);
  g_test_add_func ("/autosave/save-removes-copy", test_save_removes_copy);
  g_test_add_func ("/autosave/disabled-writes-nothing", test_disabled_writes_nothing);
  g_test_add_func ("/autosave/orphan-is-recovered", test_orphan_is_recovered);
  g_test_add_func ("/autosave/orphan-keeps-original-file", test_orphan_keeps_original_file);
  g_test_add_func ("/autosave/recovered-save-respects-outside-change",
                   test_recovered_save_respects_outside_change);
  g_test_add_func ("/autosave/damaged-orphan", test_damaged_orphan);
  g_test_add_func ("/autosave/damaged-beside-good", test_damaged_beside_good);
  g_test_add_func ("/autosave/missing-copy-and-bad-index", test_missing_copy_and_bad_index);
  g_test_add_func ("/autosave/dirty-project-written-at-once",
                   test_dirty_project_written_at_once);
  g_test_add_func ("/autosave/timer-writes", test_timer_writes);

  status = g_test_run ();
  if (status == 0)
    {
      g_autofree char *autosave_dir = g_build_filename (tmp_dir, "waymark", "autosave", NULL);
      g_autofree char *state_dir = g_build_filename (tmp_dir, "waymark", NULL);

      g_rmdir (autosave_dir);
      g_rmdir (state_dir);
      g_rmdir (tmp_dir);
    }
  g_free (tmp_dir);
  return status;
}
