/* kj-file.c — writing export files atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "knee-journal-file"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "kj-file.h"

/**
 * kj_file_write_atomic:
 * @path: the file to write, or "-" for standard output
 *
 * Writes @contents to a temporary file in the same folder as @path, syncs
 * it and renames it over @path, so that readers see the old file or the
 * new one, never half of it. The file is created 0600: an export holds
 * health records.
 */
gboolean
kj_file_write_atomic (const char  *path,
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

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("Could not write “%s”: it is a folder."), display);
      return FALSE;
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
