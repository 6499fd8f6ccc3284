/* kj-file.c — writing export files atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "knee-journal-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "kj-file.h"
#include "kj-store.h"

/* A FIFO or a character device (a pipe, /dev/null, a terminal) takes the
 * bytes as they come: it is written to, never renamed over. */
static gboolean
write_stream (const char  *path,
              const char  *contents,
              gsize        length,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  int fd;

  /* without O_NONBLOCK, a pipe that nothing reads would wait forever */
  fd = g_open (path, O_WRONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENXIO)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NXIO,
                     _("Could not write “%s”: it is a pipe that no program is reading from."), display);
      else
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                     _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);

  while (length > 0)
    {
      ssize_t n = write (fd, contents, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
          return FALSE;
        }
      contents += n;
      length -= n;
    }

  if (close (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * kj_file_write_atomic:
 * @path: the file to write, or "-" for standard output
 * @journal_path: (nullable): the journal the export comes from: its files
 *   (the journal, its -wal and -shm, its backups) are refused as targets
 *
 * Writes @contents to a temporary file in the same folder as @path, syncs
 * it and renames it over @path, so that readers see the old file or the
 * new one, never half of it. The file is created 0600: an export holds
 * health records. An existing FIFO or character device is written to
 * directly, never replaced.
 */
gboolean
kj_file_write_atomic (const char  *path,
                      const char  *journal_path,
                      const char  *contents,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_strcmp0 (path, "-") == 0)
    {
      if (fwrite (contents, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not write to standard output: %s"), g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  display = g_filename_display_name (path);

  if (journal_path != NULL && kj_store_owns_file (journal_path, path))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("Could not write “%s”: it is the journal itself, one of its files or its backups. "
                     "Choose another file; nothing was written."), display);
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("Could not write “%s”: it is a folder."), display);
      return FALSE;
    }

  {
    GStatBuf st;

    if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
      {
        if (S_ISFIFO (st.st_mode) || S_ISCHR (st.st_mode))
          return write_stream (path, contents, length, error);

        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                     _("Could not write “%s”: it is not a file that an export can replace."), display);
        return FALSE;
      }
  }

  if (!g_file_set_contents_full (path, contents, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, G_FILE_ERROR, local_error->code,
                   _("Could not write “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  return TRUE;
}
