/* kj-file.c — writing export files atomically, at once or as a stream
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
#include <string.h>
#include <unistd.h>

#include "kj-file.h"
#include "kj-store.h"

/* Writes all of @contents to @fd */
static gboolean
write_fd (int          fd,
          const char  *name,
          const char  *contents,
          gsize        length,
          GError     **error)
{
  while (length > 0)
    {
      ssize_t n = write (fd, contents, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not write “%s”: %s"), name, g_strerror (saved_errno));
          return FALSE;
        }
      contents += n;
      length -= n;
    }

  return TRUE;
}

/* A FIFO or a character device (a pipe, /dev/null, a terminal) takes the
 * bytes as they come: it is written to, never renamed over. */
static gboolean
write_stream (const char  *path,
              const char  *contents,
              gsize        length,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  GStatBuf st;
  int fd;

  /* without O_NONBLOCK, a pipe that nothing reads would wait forever */
  fd = g_open (path, O_WRONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENXIO && g_stat (path, &st) == 0 && S_ISFIFO (st.st_mode))
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NXIO,
                     _("Could not write “%s”: it is a pipe that no program is reading from."), display);
      else
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                     _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);

  if (!write_fd (fd, display, contents, length, error))
    {
      close (fd);
      return FALSE;
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

/* The descriptor that /dev/stdout, /dev/stderr, /dev/fd/N and
 * /proc/self/fd/N name, or -1: such a name is written to through the
 * descriptor, never replaced (as root, a rename would replace /dev/stdout
 * itself). */
static int
named_descriptor (const char *path)
{
  const char *prefixes[] = { "/dev/fd/", "/proc/self/fd/" };

  if (g_str_equal (path, "/dev/stdout"))
    return STDOUT_FILENO;
  if (g_str_equal (path, "/dev/stderr"))
    return STDERR_FILENO;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (path, prefixes[i]))
      {
        guint64 fd;

        if (g_ascii_string_to_unsigned (path + strlen (prefixes[i]), 10, 0, G_MAXINT, &fd, NULL))
          return (int) fd;
      }

  return -1;
}

/* Whether @path ("-", /dev/stdout, /proc/self/fd/1 …) is standard output */
gboolean
kj_file_is_stdout (const char *path)
{
  return path != NULL && (g_str_equal (path, "-") || named_descriptor (path) == STDOUT_FILENO);
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
 * directly, never replaced, and so is the file behind /dev/stdout or
 * /proc/self/fd/N.
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

  /* before a named descriptor is written to: /dev/fd/N may be one of the
   * journal's own open files (its -wal) */
  if (journal_path != NULL && kj_store_owns_file (journal_path, path))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("Could not write “%s”: it is the journal itself, one of its files or its backups. "
                     "Choose another file; nothing was written."), display);
      return FALSE;
    }

  {
    int fd = named_descriptor (path);

    if (fd == STDOUT_FILENO)
      fflush (stdout);
    if (fd >= 0)
      return write_fd (fd, display, contents, length, error);
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

/* A file written piece by piece: standard output, a descriptor, a FIFO or
 * device, or a temporary file beside the target, renamed over it at the end */
struct _KjFileSink
{
  char     *display;
  gboolean  to_stdout;   /* "-": through stdio, as kj_file_write_atomic() */
  int       fd;          /* else the descriptor written to */
  gboolean  own_fd;      /* closed at the end */
  char     *path;        /* a temporary file's target */
  char     *temp_path;   /* the temporary file, removed unless committed */
};

static void
sink_free (KjFileSink *sink)
{
  if (sink->own_fd && sink->fd >= 0)
    close (sink->fd);
  if (sink->temp_path != NULL)
    g_unlink (sink->temp_path);
  g_free (sink->temp_path);
  g_free (sink->path);
  g_free (sink->display);
  g_free (sink);
}

static gboolean
sink_errno (KjFileSink  *sink,
            int          saved_errno,
            GError     **error)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not write “%s”: %s"), sink->display, g_strerror (saved_errno));
  return FALSE;
}

/**
 * kj_file_sink_open:
 * @path: the file to write, or "-" for standard output
 * @journal_path: (nullable): the journal the export comes from: its files
 *   are refused as targets
 *
 * Where kj_file_write_atomic() would write @path, made ready for writing
 * piece by piece (kj_file_sink_write()) and refused as it would refuse it.
 * A file is written to a temporary file in its folder (0600) that
 * kj_file_sink_commit() syncs and renames over it; until then, readers see
 * the old file.
 *
 * Returns: (transfer full) (nullable): the sink; commit or abort it
 */
KjFileSink *
kj_file_sink_open (const char  *path,
                   const char  *journal_path,
                   GError     **error)
{
  g_autofree char *display = NULL;
  KjFileSink *sink;
  GStatBuf st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  sink = g_new0 (KjFileSink, 1);
  sink->fd = -1;

  if (g_strcmp0 (path, "-") == 0)
    {
      sink->display = g_strdup ("-");
      sink->to_stdout = TRUE;
      return sink;
    }

  display = g_filename_display_name (path);
  sink->display = g_strdup (display);

  /* before a named descriptor: /dev/fd/N may be one of the journal's own open files (its -wal) */
  if (journal_path != NULL && kj_store_owns_file (journal_path, path))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("Could not write “%s”: it is the journal itself, one of its files or its backups. "
                     "Choose another file; nothing was written."), display);
      sink_free (sink);
      return NULL;
    }

  fd = named_descriptor (path);
  if (fd == STDOUT_FILENO)
    fflush (stdout);
  if (fd >= 0)
    {
      sink->fd = fd;
      return sink;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, _("Could not write “%s”: it is a folder."), display);
      sink_free (sink);
      return NULL;
    }

  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      if (S_ISFIFO (st.st_mode) || S_ISCHR (st.st_mode))
        {
          /* without O_NONBLOCK, a pipe that nothing reads would wait forever */
          sink->fd = g_open (path, O_WRONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
          if (sink->fd < 0)
            {
              int saved_errno = errno;

              if (saved_errno == ENXIO && S_ISFIFO (st.st_mode))
                g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NXIO,
                             _("Could not write “%s”: it is a pipe that no program is reading from."), display);
              else
                sink_errno (sink, saved_errno, error);
              sink_free (sink);
              return NULL;
            }
          fcntl (sink->fd, F_SETFL, fcntl (sink->fd, F_GETFL) & ~O_NONBLOCK);
          sink->own_fd = TRUE;
          return sink;
        }

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("Could not write “%s”: it is not a file that an export can replace."), display);
      sink_free (sink);
      return NULL;
    }

  /* as g_file_set_contents_full() names its temporary file */
  sink->path = g_strdup (path);
  sink->temp_path = g_strdup_printf ("%s.XXXXXX", path);
  sink->fd = g_mkstemp_full (sink->temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (sink->fd < 0)
    {
      sink_errno (sink, errno, error);
      g_clear_pointer (&sink->temp_path, g_free);
      sink_free (sink);
      return NULL;
    }
  sink->own_fd = TRUE;

  return sink;
}

gboolean
kj_file_sink_write (KjFileSink  *sink,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  if (sink->to_stdout)
    {
      if (fwrite (data, 1, length, stdout) != length)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not write to standard output: %s"), g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  return write_fd (sink->fd, sink->display, data, length, error);
}

/* Finishes the file: standard output flushed, a temporary file synced and
 * renamed over the target. Frees @sink, whatever the outcome. */
gboolean
kj_file_sink_commit (KjFileSink  *sink,
                     GError     **error)
{
  gboolean ok = TRUE;

  if (sink->to_stdout)
    {
      if (fflush (stdout) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not write to standard output: %s"), g_strerror (saved_errno));
          ok = FALSE;
        }
    }
  else if (sink->temp_path != NULL)
    {
      /* durable before it replaces the old file (G_FILE_SET_CONTENTS_DURABLE) */
      if (fsync (sink->fd) != 0 || close (sink->fd) != 0)
        ok = sink_errno (sink, errno, error);
      sink->fd = -1;
      if (ok && g_rename (sink->temp_path, sink->path) != 0)
        ok = sink_errno (sink, errno, error);
      if (ok)
        g_clear_pointer (&sink->temp_path, g_free);
    }
  else if (sink->own_fd)
    {
      int fd = sink->fd;

      sink->fd = -1;
      if (close (fd) != 0)
        ok = sink_errno (sink, errno, error);
    }

  sink_free (sink);

  return ok;
}

/* Gives up: a temporary file is removed, the target left as it was */
void
kj_file_sink_abort (KjFileSink *sink)
{
  if (sink == NULL)
    return;

  if (sink->to_stdout)
    fflush (stdout);
  sink_free (sink);
}
