/* test-safe-save.c — every write path under injected faults, and the safe-save rules
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each write path (save, save as, asynchronous save, every export format,
 * the presentation, autosave) runs once for each operation that can fail
 * (write, fsync, close, rename), with that operation failing. The file that
 * was there before must come out byte-identical, no temporary file may stay
 * behind, and the error must name the file and the cause.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "wm-autosave.h"
#include "wm-export.h"
#include "wm-fault.h"
#include "wm-test-util.h"

#define OLD_CONTENT "the analyst's previous file, which must survive\n"

typedef struct
{
  char      *dir;
  WmProject *project;
} Fixture;

typedef gboolean (*WritePath) (Fixture *f, GFile *target, GError **error);

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("waymark-safe-save-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->project = wm_test_load_sample ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  wm_fault_disarm ();
  g_clear_object (&f->project);
  g_chmod (f->dir, 0700);
  remove_tree (f->dir);
  g_free (f->dir);
}

static char *
write_old_file (Fixture    *f,
                const char *name)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, OLD_CONTENT, -1, NULL));
  return path;
}

static void
assert_content (const char *path,
                const char *expected)
{
  g_autofree char *content = NULL;

  g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, expected);
}

/* No ".NAME.wm-save-XXXXXX" stays in @dir_path (or below it). */
static void
assert_no_temporary (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir_path, name, NULL);

      g_assert_null (strstr (name, WM_SAFE_SAVE_TMP_INFIX));
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        assert_no_temporary (child);
    }
}

/* The write paths */

static gboolean
write_save (Fixture  *f,
            GFile    *target,
            GError  **error)
{
  wm_project_set_file (f->project, target);
  return wm_project_save (f->project, target, NULL, error);
}

static gboolean
write_save_as (Fixture  *f,
               GFile    *target,
               GError  **error)
{
  g_autofree char *other = g_build_filename (f->dir, "elsewhere.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (other);

  wm_project_set_file (f->project, file);
  return wm_project_save (f->project, target, NULL, error);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (wm_project_save_finish (WM_PROJECT (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
save_async_and_wait (WmProject    *project,
                     GFile        *target,
                     WmSaveFlags   flags,
                     GError      **error)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  wm_project_save_async (project, target, flags, NULL, on_saved, task);
  while (!g_task_get_completed (task))
    g_main_context_iteration (NULL, TRUE);
  return g_task_propagate_boolean (task, error);
}

static gboolean
write_save_async (Fixture  *f,
                  GFile    *target,
                  GError  **error)
{
  return save_async_and_wait (f->project, target, WM_SAVE_NONE, error);
}

static gboolean
write_export (Fixture        *f,
              GFile          *target,
              WmExportFormat  format,
              GError        **error)
{
  WmExportOptions options;

  wm_export_options_init (&options);
  options.format = format;
  options.scale = 0.5;
  return wm_export_diagram_to_file (wm_project_get_diagram (f->project, 0), &options, target,
                                    error);
}

static gboolean
write_png (Fixture *f, GFile *target, GError **error)
{
  return write_export (f, target, WM_EXPORT_PNG, error);
}

static gboolean
write_svg (Fixture *f, GFile *target, GError **error)
{
  return write_export (f, target, WM_EXPORT_SVG, error);
}

static gboolean
write_pdf (Fixture *f, GFile *target, GError **error)
{
  return write_export (f, target, WM_EXPORT_PDF, error);
}

static gboolean
write_presentation (Fixture  *f,
                    GFile    *target,
                    GError  **error)
{
  WmExportOptions options;

  wm_export_options_init (&options);
  options.format = WM_EXPORT_PDF;
  return wm_export_presentation_to_file (f->project, &options, target, error);
}

typedef struct
{
  const char *name;
  const char *file_name;
  WritePath   write;
} WritePathCase;

static const WritePathCase write_paths[] = {
  { "save", "project.waymark", write_save },
  { "save-as", "project.waymark", write_save_as },
  { "save-async", "project.waymark", write_save_async },
  { "export-png", "diagram.png", write_png },
  { "export-svg", "diagram.svg", write_svg },
  { "export-pdf", "diagram.pdf", write_pdf },
  { "export-presentation", "deck.pdf", write_presentation },
};

static const int fault_errno[WM_FAULT_N_OPS] = {
  [WM_FAULT_WRITE] = ENOSPC,
  [WM_FAULT_FSYNC] = EIO,
  [WM_FAULT_CLOSE] = EDQUOT,
  [WM_FAULT_RENAME] = EACCES,
};

typedef struct
{
  const WritePathCase *path;
  WmFaultOp            op;
} FaultCase;

static void
assert_names_file_and_cause (const GError *error,
                             const char   *file_name,
                             int           error_number)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, file_name));
  g_assert_nonnull (strstr (error->message, g_strerror (error_number)));
}

static void
test_fault (Fixture       *f,
            gconstpointer  data)
{
  const FaultCase *c = data;
  g_autofree char *path = write_old_file (f, c->path->file_name);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  int error_number = fault_errno[c->op];

  wm_fault_arm (c->op, 1, error_number, f->dir);
  g_assert_false (c->path->write (f, target, &error));
  wm_fault_disarm ();
  g_assert_true (wm_fault_tripped ());
  assert_names_file_and_cause (error, c->path->file_name, error_number);
  assert_content (path, OLD_CONTENT);
  assert_no_temporary (f->dir);

  /* With the fault gone, the same path writes the file. */
  g_clear_error (&error);
  g_assert_true (c->path->write (f, target, &error));
  g_assert_no_error (error);
  assert_no_temporary (f->dir);
}

/* Autosave: a copy written once must survive a failed second copy. */
static void
test_fault_autosave (Fixture       *f,
                     gconstpointer  data)
{
  WmFaultOp op = GPOINTER_TO_UINT (data);
  g_autoptr(WmAutosave) autosave = wm_autosave_new (f->project, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *before = NULL;
  g_autofree char *name = NULL;

  wm_project_set_title (f->project, "First autosaved title");
  g_assert_true (_wm_autosave_tick (autosave, &error));
  g_assert_no_error (error);
  path = wm_autosave_dup_path (autosave);
  dir = g_path_get_dirname (path);
  name = g_path_get_basename (path);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  wm_project_set_title (f->project, "Second autosaved title");
  wm_fault_arm (op, 1, fault_errno[op], dir);
  g_assert_false (_wm_autosave_tick (autosave, &error));
  wm_fault_disarm ();
  g_assert_true (wm_fault_tripped ());
  assert_names_file_and_cause (error, name, fault_errno[op]);
  assert_content (path, before);
  assert_no_temporary (dir);
  wm_autosave_discard (autosave);
}

/* The rules of the routine itself */

static void
test_new_file_mode (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "new.waymark", NULL);
  g_autofree char *private_path = g_build_filename (f->dir, "private.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) private_file = g_file_new_for_path (private_path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("new\n", 4);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  mode_t mask = umask (022);
  struct stat st;

  umask (022);
  g_assert_true (wm_safe_save_bytes (file, bytes, WM_SAFE_SAVE_NONE, NULL, &etag, NULL, &error));
  g_assert_no_error (error);
  assert_content (path, "new\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  g_assert_nonnull (etag);

  g_assert_true (wm_safe_save_bytes (private_file, bytes, WM_SAFE_SAVE_PRIVATE, NULL, NULL, NULL,
                                     &error));
  g_assert_cmpint (g_stat (private_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  umask (mask);
  assert_no_temporary (f->dir);
}

static void
test_keeps_mode (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = write_old_file (f, "shared.waymark");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("new\n", 4);
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (wm_safe_save_bytes (file, bytes, WM_SAFE_SAVE_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
}

/* Saving through a symlink replaces the file it points to and keeps the link. */
static void
test_symlink (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *real_dir = g_build_filename (f->dir, "real", NULL);
  g_autofree char *real_path = g_build_filename (real_dir, "target.waymark", NULL);
  g_autofree char *link_path = g_build_filename (f->dir, "link.waymark", NULL);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("new\n", 4);
  g_autoptr(GBytes) other = g_bytes_new_static ("x", 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *points_to = NULL;

  g_assert_cmpint (g_mkdir (real_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (real_path, OLD_CONTENT, -1, NULL));
  g_assert_cmpint (symlink ("real/target.waymark", link_path), ==, 0);

  g_assert_true (wm_safe_save_bytes (link, bytes, WM_SAFE_SAVE_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  points_to = g_file_read_link (link_path, NULL);
  g_assert_cmpstr (points_to, ==, "real/target.waymark");
  assert_content (real_path, "new\n");
  assert_no_temporary (f->dir);

  /* A fault while saving through the link leaves the target as it was. */
  wm_fault_arm (WM_FAULT_RENAME, 1, EIO, f->dir);
  g_assert_false (wm_safe_save_bytes (link, other, WM_SAFE_SAVE_NONE, NULL, NULL, NULL, &error));
  wm_fault_disarm ();
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  assert_content (real_path, "new\n");
  assert_no_temporary (f->dir);
}

/* A file with other hard links is refused, not split from them. */
static void
test_hard_link (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = write_old_file (f, "one.waymark");
  g_autofree char *other = g_build_filename (f->dir, "two.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("new\n", 4);
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (link (path, other), ==, 0);
  g_assert_false (wm_safe_save_bytes (file, bytes, WM_SAFE_SAVE_NONE, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "one.waymark"));
  g_assert_nonnull (strstr (error->message, "hard links"));
  assert_content (path, OLD_CONTENT);
  g_assert_cmpint (g_stat (other, &st), ==, 0);
  g_assert_cmpint (st.st_nlink, ==, 2);
  assert_no_temporary (f->dir);
}

/* A folder the user may not write to is named in the error. Root may write
 * anywhere, so this runs as another user only (tests/fault/check-full-disk.sh
 * covers a read-only file system for root). */
static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = write_old_file (f, "locked.waymark");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("new\n", 4);
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes to read-only folders; check-full-disk.sh covers a read-only mount");
      return;
    }
  g_assert_cmpint (g_chmod (f->dir, 0500), ==, 0);
  g_assert_false (wm_safe_save_bytes (file, bytes, WM_SAFE_SAVE_NONE, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "locked.waymark"));
  g_assert_nonnull (strstr (error->message, f->dir));
  assert_content (path, OLD_CONTENT);
}

/* A file changed on disk since it was read is not overwritten silently. */
static void
test_changed_on_disk (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "project.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProject) project = NULL;
  g_autofree char *theirs = NULL;
  struct timespec later[2] = { { 0, UTIME_NOW }, { 0, 0 } };

  g_assert_true (wm_project_save (f->project, file, NULL, &error));
  project = wm_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (wm_project_get_file_etag (project));

  /* Someone else writes the file (a second later, so the etag differs). */
  g_assert_true (g_file_set_contents (path, OLD_CONTENT, -1, NULL));
  clock_gettime (CLOCK_REALTIME, &later[1]);
  later[1].tv_sec += 1;
  g_assert_cmpint (utimensat (AT_FDCWD, path, later, 0), ==, 0);

  wm_project_set_title (project, "Mine");
  g_assert_false (wm_project_save (project, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_nonnull (strstr (error->message, "project.waymark"));
  assert_content (path, OLD_CONTENT);
  g_assert_true (wm_project_get_dirty (project));

  /* The analyst chose to keep their version. */
  g_clear_error (&error);
  g_assert_true (save_async_and_wait (project, file, WM_SAVE_OVERWRITE_CHANGES, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &theirs, NULL, NULL));
  g_assert_nonnull (strstr (theirs, "Mine"));
  g_assert_false (wm_project_get_dirty (project));
}

/* A killed save's temporary file goes at the next save of the same file. */
static void
test_stale_temporaries (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = write_old_file (f, "plan.waymark");
  g_autofree char *stale = g_build_filename (f->dir, ".plan.waymark" WM_SAFE_SAVE_TMP_INFIX "Ab12Cd",
                                             NULL);
  g_autofree char *unrelated = g_build_filename (f->dir, ".other.waymark" WM_SAFE_SAVE_TMP_INFIX
                                                 "Ab12Cd", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("new\n", 4);

  g_assert_true (g_file_set_contents (stale, "half a file", -1, NULL));
  g_assert_true (g_file_set_contents (unrelated, "someone else's", -1, NULL));
  g_assert_true (wm_safe_save_bytes (file, bytes, WM_SAFE_SAVE_NONE, NULL, NULL, NULL, NULL));
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));
  assert_content (path, "new\n");
}

/* A stream dropped without a commit never reaches the target. */
static void
test_dropped_stream (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = write_old_file (f, "draft.svg");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  WmSafeStream *stream = wm_safe_stream_new (file, WM_SAFE_SAVE_NONE, NULL, NULL);

  g_assert_nonnull (stream);
  g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (stream), "partial", 7, NULL, NULL,
                                            NULL));
  g_object_unref (stream);
  assert_content (path, OLD_CONTENT);
  assert_no_temporary (f->dir);
}

static FaultCase fault_cases[G_N_ELEMENTS (write_paths)][WM_FAULT_N_OPS];

static void
add_fault_tests (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (write_paths); i++)
    for (WmFaultOp op = 0; op < WM_FAULT_N_OPS; op++)
      {
        FaultCase *c = &fault_cases[i][op];
        g_autofree char *name = g_strdup_printf ("/safe-save/fault/%s/%s", write_paths[i].name,
                                                 wm_fault_op_name (op));

        c->path = &write_paths[i];
        c->op = op;
        g_test_add (name, Fixture, c, fixture_set_up, test_fault, fixture_tear_down);
      }
  for (WmFaultOp op = 0; op < WM_FAULT_N_OPS; op++)
    {
      g_autofree char *name = g_strdup_printf ("/safe-save/fault/autosave/%s",
                                               wm_fault_op_name (op));

      g_test_add (name, Fixture, GUINT_TO_POINTER (op), fixture_set_up, test_fault_autosave,
                  fixture_tear_down);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("waymark-safe-save-state-XXXXXX", NULL);
  int status;

  /* Autosave writes under the state folder: a fresh one, before GLib reads it. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_init (&argc, &argv, NULL);
  add_fault_tests ();
  g_test_add ("/safe-save/new-file-mode", Fixture, NULL, fixture_set_up, test_new_file_mode,
              fixture_tear_down);
  g_test_add ("/safe-save/keeps-mode", Fixture, NULL, fixture_set_up, test_keeps_mode,
              fixture_tear_down);
  g_test_add ("/safe-save/symlink", Fixture, NULL, fixture_set_up, test_symlink,
              fixture_tear_down);
  g_test_add ("/safe-save/hard-link", Fixture, NULL, fixture_set_up, test_hard_link,
              fixture_tear_down);
  g_test_add ("/safe-save/read-only-folder", Fixture, NULL, fixture_set_up,
              test_read_only_folder, fixture_tear_down);
  g_test_add ("/safe-save/changed-on-disk", Fixture, NULL, fixture_set_up, test_changed_on_disk,
              fixture_tear_down);
  g_test_add ("/safe-save/stale-temporaries", Fixture, NULL, fixture_set_up,
              test_stale_temporaries, fixture_tear_down);
  g_test_add ("/safe-save/dropped-stream", Fixture, NULL, fixture_set_up, test_dropped_stream,
              fixture_tear_down);
  status = g_test_run ();
  remove_tree (state);
  return status;
}
