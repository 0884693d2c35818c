/* wm-fault.c — fails the n-th write, fsync, close or rename on purpose
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The definitions below take the place of libc's in every library of the
 * test process (the executable comes first in the dynamic linker's search),
 * and reach the real ones through dlsym (RTLD_NEXT).
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wm-fault.h"

static struct
{
  int      op;          /* WM_FAULT_N_OPS when disarmed */
  guint    nth;
  int      error_number;
  char     dir[PATH_MAX];
  gint     count;       /* calls of the armed operation seen so far */
  gint     tripped;
} fault = { WM_FAULT_N_OPS, 0, 0, "", 0, 0 };

/* Stores libc's @name in @slot, a function pointer (POSIX's way around ISO
 * C's ban on converting object pointers to function pointers). */
static void
find_real (void       *slot,
           const char *name)
{
  gpointer symbol = dlsym (RTLD_NEXT, name);

  if (symbol == NULL)
    abort ();
  memcpy (slot, &symbol, sizeof symbol);
}

static gboolean
path_is_under_dir (const char *path)
{
  gsize len = strlen (fault.dir);

  return len > 0 && strncmp (path, fault.dir, len) == 0 && path[len] == '/';
}

static gboolean
fd_is_under_dir (int fd)
{
  char link[64], path[PATH_MAX];
  struct stat st;
  ssize_t n;

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;
  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  n = readlink (link, path, sizeof path - 1);
  if (n <= 0)
    return FALSE;
  path[n] = '\0';
  return path_is_under_dir (path);
}

/* Whether this call of @op is the one that fails. */
static gboolean
should_fail (WmFaultOp   op,
             int         fd,
             const char *path)
{
  if (g_atomic_int_get (&fault.op) != (int) op || g_atomic_int_get (&fault.tripped))
    return FALSE;
  if (path != NULL ? !path_is_under_dir (path) : !fd_is_under_dir (fd))
    return FALSE;
  if ((guint) g_atomic_int_add (&fault.count, 1) + 1 != fault.nth)
    return FALSE;
  g_atomic_int_set (&fault.tripped, 1);
  return TRUE;
}

ssize_t
write (int         fd,
       const void *buf,
       size_t      count)
{
  static ssize_t (*real_write) (int, const void *, size_t);

  if (real_write == NULL)
    find_real (&real_write, "write");
  if (should_fail (WM_FAULT_WRITE, fd, NULL))
    {
      errno = fault.error_number;
      return -1;
    }
  return real_write (fd, buf, count);
}

int
fsync (int fd)
{
  static int (*real_fsync) (int);

  if (real_fsync == NULL)
    find_real (&real_fsync, "fsync");
  if (should_fail (WM_FAULT_FSYNC, fd, NULL))
    {
      errno = fault.error_number;
      return -1;
    }
  return real_fsync (fd);
}

int
close (int fd)
{
  static int (*real_close) (int);
  gboolean fail;
  int result;

  if (real_close == NULL)
    find_real (&real_close, "close");
  fail = should_fail (WM_FAULT_CLOSE, fd, NULL);
  result = real_close (fd);
  if (!fail)
    return result;
  errno = fault.error_number;
  return -1;
}

int
rename (const char *oldpath,
        const char *newpath)
{
  static int (*real_rename) (const char *, const char *);

  if (real_rename == NULL)
    find_real (&real_rename, "rename");
  if (should_fail (WM_FAULT_RENAME, -1, newpath))
    {
      errno = fault.error_number;
      return -1;
    }
  return real_rename (oldpath, newpath);
}

void
wm_fault_arm (WmFaultOp   op,
              guint       nth,
              int         error_number,
              const char *dir)
{
  g_assert (op < WM_FAULT_N_OPS && nth > 0);
  g_strlcpy (fault.dir, dir, sizeof fault.dir);
  fault.nth = nth;
  fault.error_number = error_number;
  g_atomic_int_set (&fault.count, 0);
  g_atomic_int_set (&fault.tripped, 0);
  g_atomic_int_set (&fault.op, (int) op);
}

void
wm_fault_disarm (void)
{
  g_atomic_int_set (&fault.op, WM_FAULT_N_OPS);
}

gboolean
wm_fault_tripped (void)
{
  return g_atomic_int_get (&fault.tripped);
}

const char *
wm_fault_op_name (WmFaultOp op)
{
  static const char *const names[] = { "write", "fsync", "close", "rename" };

  g_assert (op < WM_FAULT_N_OPS);
  return names[op];
}
