/* kj-store-backup.c — one copy of the journal (SQLite's online backup), and a restore from one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which copies are kept (7 daily, 4 weekly), their list and where a restore
 * puts the journal as it was are kj-backup.c's. Here a backup is checked as a
 * journal would be, opened and migrated on a trial copy and read row by row,
 * before a single row of the journal is replaced.
 */
#define G_LOG_DOMAIN "knee-journal-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "kj-store.h"
#include "kj-store-private.h"

/* Copies @db through SQLite's online backup API to @dest (mode 0600), by way
 * of a temporary file, so that @dest is never half written. Unless @replace,
 * an existing @dest is an error rather than overwritten. */
gboolean
_kj_store_copy_database (sqlite3     *db,
                         const char  *dest,
                         gboolean     replace,
                         GError     **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.part-%08x", dest, g_random_int ());
  sqlite3 *out = NULL;
  sqlite3_backup *backup;
  int rc;

  g_unlink (tmp);
  if (!_kj_store_create_empty_file (tmp, error))
    return FALSE;

  rc = sqlite3_open_v2 (tmp, &out, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      kj_store_harden_connection (out);
      backup = sqlite3_backup_init (out, "main", db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (out);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
    }

  if (rc != SQLITE_OK)
    {
      kj_store_set_sqlite_error (error, out, rc, dest);
      sqlite3_close_v2 (out);
      g_unlink (tmp);
      return FALSE;
    }

  sqlite3_close_v2 (out);

  if (replace ? g_rename (tmp, dest) != 0 : link (tmp, dest) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dest);

      g_unlink (tmp);
      g_set_error (error, KJ_STORE_ERROR, saved_errno == EEXIST ? KJ_STORE_ERROR_CONFLICT : KJ_STORE_ERROR_IO,
                   _("The copy “%s” could not be written: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (!replace)
    g_unlink (tmp);

  return TRUE;
}

/**
 * kj_store_backup:
 * @dest: where the copy goes (created 0600)
 *
 * Copies the journal with SQLite's online backup API: a consistent copy even
 * while the journal is in use.
 */
gboolean
kj_store_backup (KjStore     *self,
                 const char  *dest,
                 GError     **error)
{
  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  return _kj_store_copy_database (self->db, dest, TRUE, error);
}

/* Every table of the journal replaced by the trial copy's: children deleted
 * before their parents, parents inserted before their children (the foreign
 * keys are on). A table left out would keep records the backup does not
 * have, or refuse the restore when a parent it refers to is gone. */
static const char sql_restore_rows[] =
  "DELETE FROM main.run_files; DELETE FROM main.questionnaire_answers; DELETE FROM main.questionnaires;"
  "DELETE FROM main.day_locations; DELETE FROM main.day_symptoms; DELETE FROM main.day_aggravators;"
  "DELETE FROM main.days; DELETE FROM main.treatments; DELETE FROM main.runs; DELETE FROM main.shoes;"
  "DELETE FROM main.episodes; DELETE FROM main.profile;"
  "INSERT INTO main.profile SELECT * FROM trial.profile;"
  "INSERT INTO main.episodes SELECT * FROM trial.episodes;"
  "INSERT INTO main.shoes SELECT * FROM trial.shoes;"
  "INSERT INTO main.days SELECT * FROM trial.days;"
  "INSERT INTO main.day_locations SELECT * FROM trial.day_locations;"
  "INSERT INTO main.day_symptoms SELECT * FROM trial.day_symptoms;"
  "INSERT INTO main.day_aggravators SELECT * FROM trial.day_aggravators;"
  "INSERT INTO main.treatments SELECT * FROM trial.treatments;"
  "INSERT INTO main.runs SELECT * FROM trial.runs;"
  "INSERT INTO main.run_files SELECT * FROM trial.run_files;"
  "INSERT INTO main.questionnaires SELECT * FROM trial.questionnaires;"
  "INSERT INTO main.questionnaire_answers SELECT * FROM trial.questionnaire_answers;";

/* Runs @sql on @db; sets @error about the journal at @path */
static gboolean
exec_on (sqlite3     *db,
         const char  *sql,
         const char  *path,
         GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      kj_store_set_sqlite_error (error, db, rc, path);
      return FALSE;
    }

  return TRUE;
}

/* Copies the journal to @safety_copy and then the rows of the checked trial
 * copy into it, with no commit of another program in between: a change is
 * either in the safety copy or made on top of the restored journal, never
 * lost between the two. A connection of its own holds the write lock over
 * both steps (the store's connection cannot be the source of the copy while
 * it holds it). The trial has the journal's schema exactly, so its rows go
 * in as they are, whatever its page size. */
static gboolean
restore_from (KjStore     *self,
              const char  *trial_path,
              const char  *safety_copy,
              GError     **error)
{
  g_autofree char *safety_display = g_filename_display_name (safety_copy);
  sqlite3_stmt *attach = NULL;
  sqlite3 *writer = NULL;
  gboolean done = FALSE;
  int rc;

  rc = sqlite3_open_v2 (self->path, &writer, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      kj_store_harden_connection (writer);
      sqlite3_busy_timeout (writer, KJ_STORE_BUSY_TIMEOUT_MS);
      rc = sqlite3_prepare_v2 (writer, "ATTACH DATABASE ?1 AS trial", -1, &attach, NULL);
    }
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (attach, 1, trial_path, -1, SQLITE_STATIC);
      rc = sqlite3_step (attach);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (attach);

  if (rc != SQLITE_OK)
    kj_store_set_sqlite_error (error, writer, rc, self->path);
  else if (exec_on (writer, "PRAGMA foreign_keys = ON; BEGIN IMMEDIATE", self->path, error))
    {
      if (!_kj_store_copy_database (self->db, safety_copy, FALSE, error))
        g_prefix_error (error, _("The journal could not be copied before the restore, so nothing was restored: "));
      else if (!exec_on (writer, sql_restore_rows, self->path, error) ||
               !exec_on (writer, "COMMIT", self->path, error))
        g_prefix_error (error, _("The backup could not be restored (the journal as it was is in “%s”): "),
                        safety_display);
      else
        done = TRUE;

      /* a copy already made stays: it is the journal as it was */
      if (!done)
        sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL);
    }

  sqlite3_close_v2 (writer);

  return done;
}

/* Removes the trial copy of a restore, and the copy its migration made */
static void
remove_trial (const char *trial_path)
{
  _kj_store_remove_created (trial_path);
  for (int v = 1; v < KJ_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *before_migration = g_strdup_printf ("%s.bak-v%d", trial_path, v);

      g_unlink (before_migration);
    }
}

/**
 * kj_store_restore:
 * @backup: a copy made by kj_store_backup()
 * @safety_copy: where the journal as it is now is copied first
 *
 * Replaces the journal's contents with @backup, after checking that it is a
 * Knee Journal no newer than this version and after copying the journal as
 * it is to @safety_copy. On error the journal is unchanged.
 */
gboolean
kj_store_restore (KjStore     *self,
                  const char  *backup,
                  const char  *safety_copy,
                  GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *trial_path = NULL;
  g_autoptr(KjStore) trial = NULL;
  g_autoptr(GError) local_error = NULL;
  KjFileInfo info = { 0, TRUE };
  sqlite3 *source = NULL;
  GStatBuf st;
  int rc;

  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup != NULL && safety_copy != NULL, FALSE);

  display = g_filename_display_name (backup);

  if (g_stat (backup, &st) != 0)
    {
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_FOUND, _("There is no backup “%s”."), display);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a file."), display);

      kj_store_refuse_file (error, KJ_STORE_ERROR_NOT_A_DATABASE, KJ_FILE_ROLE_BACKUP, message);
      return FALSE;
    }

  if (st.st_size == 0)
    {
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_A_JOURNAL, _("The backup “%s” is empty."), display);
      return FALSE;
    }

  if (self->device == st.st_dev && self->inode == st.st_ino)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is the journal itself, not a backup of it."), display);

      kj_store_refuse_file (error, KJ_STORE_ERROR_INVALID, KJ_FILE_ROLE_BACKUP, message);
      return FALSE;
    }

  /* header, application id, version, exact schema and every page */
  if (!kj_store_inspect_file (backup, KJ_FILE_ROLE_BACKUP, &info, error))
    return FALSE;

  /* a trial on a copy: it must open and migrate as a journal would */
  trial_path = g_strdup_printf ("%s.check-%08x", safety_copy, g_random_int ());
  remove_trial (trial_path);
  rc = sqlite3_open_v2 (backup, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      kj_store_harden_connection (source);
      if (_kj_store_copy_database (source, trial_path, FALSE, &local_error))
        trial = kj_store_open (trial_path, &local_error);
    }
  else
    kj_store_set_sqlite_error (&local_error, source, rc, backup);
  sqlite3_close_v2 (source);

  /* and every row must read as an import would take it */
  if (trial != NULL)
    {
      g_autoptr(GPtrArray) damage = kj_store_scan_damage (trial, &local_error);

      if (damage != NULL && damage->len > 0)
        {
          g_set_error (&local_error, KJ_STORE_ERROR, KJ_STORE_ERROR_DAMAGED,
                       ngettext ("it holds %u damaged record (%s).", "it holds %u damaged records (the first: %s).",
                                 damage->len),
                       damage->len, (const char *) g_ptr_array_index (damage, 0));
        }
      if (local_error != NULL)
        g_clear_object (&trial);
    }

  if (trial == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The backup “%s” cannot be used: %s"), display,
                                                  local_error->message);

      remove_trial (trial_path);
      kj_store_refuse_file (error, local_error->code == KJ_STORE_ERROR_FULL ? KJ_STORE_ERROR_FULL : KJ_STORE_ERROR_DAMAGED,
                   KJ_FILE_ROLE_BACKUP, message);
      return FALSE;
    }

  /* closed: its log is in its file now */
  g_clear_object (&trial);

  if (!restore_from (self, trial_path, safety_copy, error))
    {
      remove_trial (trial_path);
      return FALSE;
    }

  remove_trial (trial_path);

  /* statements prepared for the old schema are prepared again */
  g_hash_table_remove_all (self->statements);
  self->schema_version = KJ_STORE_SCHEMA_VERSION;

  return TRUE;
}
