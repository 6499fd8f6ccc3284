/* kj-backup.c — rolling backups of the journal: the last 7 days and the last 4 weeks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Next to journal.db, in journal.db.backups/ (0700): daily-YYYY-MM-DD.db, one
 * a day when the journal is opened, the newest 7 kept; weekly-YYYY-MM-DD.db
 * (the week's Monday), the newest 4 kept. Copies are made with SQLite's
 * online backup API and are 0600, like the journal. A restore first copies
 * the journal as it is to before-restore-YYYY-MM-DDTHHMMSS.db, which is
 * listed with the others but never removed.
 */
#define G_LOG_DOMAIN "knee-journal-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kj-backup.h"

char *
kj_backup_folder (const char *journal_path)
{
  return g_strconcat (journal_path, ".backups", NULL);
}

void
kj_backup_info_free (KjBackupInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->path);
  g_free (info);
}

static gboolean
make_folder (const char  *folder,
             GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_IO, _("The folder “%s” for backups cannot be made: %s."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const KjBackupInfo *x = *(KjBackupInfo * const *) a, *y = *(KjBackupInfo * const *) b;
  int c = strcmp (y->date, x->date);

  if (c == 0)
    c = (int) x->kind - (int) y->kind;
  if (c == 0)
    c = strcmp (y->path, x->path);

  return c;
}

/**
 * kj_backup_list:
 *
 * Returns: (transfer full) (element-type KjBackupInfo): the backups, newest first
 */
GPtrArray *
kj_backup_list (const char *journal_path)
{
  g_autofree char *folder = kj_backup_folder (journal_path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_backup_info_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      KjBackupInfo *info;
      KjBackupKind kind;
      const char *date;
      GStatBuf st;
      char day[11];

      if (!g_str_has_suffix (name, ".db"))
        continue;

      if (g_str_has_prefix (name, "daily-") && strlen (name) == strlen ("daily-YYYY-MM-DD.db"))
        kind = KJ_BACKUP_KIND_DAILY, date = name + strlen ("daily-");
      else if (g_str_has_prefix (name, "weekly-") && strlen (name) == strlen ("weekly-YYYY-MM-DD.db"))
        kind = KJ_BACKUP_KIND_WEEKLY, date = name + strlen ("weekly-");
      else if (g_str_has_prefix (name, "before-restore-") &&
               strlen (name) >= strlen ("before-restore-YYYY-MM-DDTHHMMSS.db") &&
               strlen (name) <= strlen ("before-restore-YYYY-MM-DDTHHMMSS-99.db"))
        kind = KJ_BACKUP_KIND_BEFORE_RESTORE, date = name + strlen ("before-restore-");
      else
        continue;

      g_strlcpy (day, date, sizeof day);
      if (!kj_date_is_valid (day))
        continue;

      info = g_new0 (KjBackupInfo, 1);
      info->path = g_build_filename (folder, name, NULL);
      g_strlcpy (info->date, day, sizeof info->date);
      info->kind = kind;
      info->size = g_stat (info->path, &st) == 0 ? st.st_size : 0;
      g_ptr_array_add (list, info);
    }

  g_ptr_array_sort (list, compare_newest_first);

  return list;
}

static void
prune (GPtrArray    *list,
       KjBackupKind  kind,
       guint         keep)
{
  guint kept = 0;

  for (guint i = 0; i < list->len; i++)
    {
      KjBackupInfo *info = g_ptr_array_index (list, i);

      if (info->kind != kind)
        continue;
      if (++kept > keep)
        g_unlink (info->path);
    }
}

/**
 * kj_backup_run:
 * @today: the date to file the backup under
 * @made: (out) (optional): whether a new copy was made
 *
 * Makes today's daily copy, and this week's weekly one, unless they exist,
 * then removes the oldest beyond 7 daily and 4 weekly copies.
 */
gboolean
kj_backup_run (KjStore     *store,
               const char  *today,
               gboolean    *made,
               GError     **error)
{
  g_autofree char *folder = kj_backup_folder (kj_store_get_path (store));
  g_autofree char *daily_name = g_strdup_printf ("daily-%s.db", today);
  g_autofree char *daily = g_build_filename (folder, daily_name, NULL);
  g_autofree char *weekly_name = NULL;
  g_autofree char *weekly = NULL;
  g_autoptr(GPtrArray) list = NULL;
  char monday[11];
  GDate date;

  g_return_val_if_fail (kj_date_to_gdate (today, &date), FALSE);

  if (made != NULL)
    *made = FALSE;

  if (!make_folder (folder, error))
    return FALSE;

  g_date_subtract_days (&date, g_date_get_weekday (&date) - 1);
  kj_date_from_gdate (&date, monday);
  weekly_name = g_strdup_printf ("weekly-%s.db", monday);
  weekly = g_build_filename (folder, weekly_name, NULL);

  if (!g_file_test (daily, G_FILE_TEST_EXISTS))
    {
      if (!kj_store_backup (store, daily, error))
        return FALSE;
      if (made != NULL)
        *made = TRUE;
    }

  if (!g_file_test (weekly, G_FILE_TEST_EXISTS) && !kj_store_backup (store, weekly, error))
    return FALSE;

  list = kj_backup_list (kj_store_get_path (store));
  prune (list, KJ_BACKUP_KIND_DAILY, KJ_BACKUP_DAILY);
  prune (list, KJ_BACKUP_KIND_WEEKLY, KJ_BACKUP_WEEKLY);

  return TRUE;
}

/**
 * kj_backup_restore:
 * @safety_copy: (out) (optional): where the journal as it was has been copied
 *
 * Restores @backup into the journal after copying the journal as it is into
 * the backups folder (before-restore-<time>.db).
 */
gboolean
kj_backup_restore (KjStore     *store,
                   const char  *backup,
                   char       **safety_copy,
                   GError     **error)
{
  g_autofree char *folder = kj_backup_folder (kj_store_get_path (store));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H%M%S");
  gboolean had_folder = g_file_test (folder, G_FILE_TEST_IS_DIR);

  if (!make_folder (folder, error))
    return FALSE;

  /* two restores within a second each keep the journal as it was then:
   * before-restore-<time>.db, -2.db, … never one over the other */
  for (guint n = 1; n <= 99; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("before-restore-%s.db", stamp)
                                     : g_strdup_printf ("before-restore-%s-%u.db", stamp, n);
      g_autofree char *copy = g_build_filename (folder, name, NULL);
      g_autoptr(GError) local_error = NULL;

      if (g_file_test (copy, G_FILE_TEST_EXISTS))
        continue;

      if (kj_store_restore (store, backup, copy, &local_error))
        {
          if (safety_copy != NULL)
            *safety_copy = g_steal_pointer (&copy);
          return TRUE;
        }

      /* another program took the name meanwhile */
      if (g_error_matches (local_error, KJ_STORE_ERROR, KJ_STORE_ERROR_CONFLICT))
        continue;

      /* a refused backup leaves nothing behind, not even the folder */
      if (!had_folder)
        g_rmdir (folder);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_CONFLICT,
               _("Too many restores at once: try again in a second. Nothing was changed."));
  return FALSE;
}
