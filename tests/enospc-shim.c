/* enospc-shim.c — an LD_PRELOAD library that makes writes fail with ENOSPC
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes to files whose path contains $KJ_ENOSPC_MATCH (but not SQLite's
 * -shm index) fail with ENOSPC, as on a full disk; everything else (standard output, other files) is written.
 * It lets the full-disk tests run without root, where no small file system
 * can be mounted.
 */
#define _GNU_SOURCE
/* both pwrite and pwrite64 are defined here, so no redirection of one to the other */
#undef _FILE_OFFSET_BITS

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static int
is_full (int fd)
{
  const char *match = getenv ("KJ_ENOSPC_MATCH");
  char link[64], path[PATH_MAX];
  ssize_t n;

  if (match == NULL || *match == '\0' || fd <= 2)
    return 0;

  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  n = readlink (link, path, sizeof path - 1);
  if (n <= 0)
    return 0;
  path[n] = '\0';

  /* SQLite's shared-memory index lives in pages already allocated */
  if (n > 4 && strcmp (path + n - 4, "-shm") == 0)
    return 0;

  return strstr (path, match) != NULL;
}

ssize_t
write (int         fd,
       const void *buf,
       size_t      count)
{
  static ssize_t (*real) (int, const void *, size_t);

  if (is_full (fd))
    {
      errno = ENOSPC;
      return -1;
    }
  if (real == NULL)
    real = (ssize_t (*) (int, const void *, size_t)) dlsym (RTLD_NEXT, "write");
  return real (fd, buf, count);
}

ssize_t
pwrite (int         fd,
        const void *buf,
        size_t      count,
        off_t       offset)
{
  static ssize_t (*real) (int, const void *, size_t, off_t);

  if (is_full (fd))
    {
      errno = ENOSPC;
      return -1;
    }
  if (real == NULL)
    real = (ssize_t (*) (int, const void *, size_t, off_t)) dlsym (RTLD_NEXT, "pwrite");
  return real (fd, buf, count, offset);
}

ssize_t
pwrite64 (int         fd,
          const void *buf,
          size_t      count,
          off64_t     offset)
{
  static ssize_t (*real) (int, const void *, size_t, off64_t);

  if (is_full (fd))
    {
      errno = ENOSPC;
      return -1;
    }
  if (real == NULL)
    real = (ssize_t (*) (int, const void *, size_t, off64_t)) dlsym (RTLD_NEXT, "pwrite64");
  return real (fd, buf, count, offset);
}
