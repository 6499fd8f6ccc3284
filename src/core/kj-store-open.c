/* kj-store-open.c — the journal's file: create, refuse, open, migrate, and which files are its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file is looked at read-only before it is used (kj-store-file.c); one
 * that is not a journal Knee Journal can trust is refused before a byte is
 * written to it. An older journal is copied aside and then migrated in one
 * transaction (kj-store-schema.h).
 */
#define G_LOG_DOMAIN "knee-journal-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kj-store.h"
#include "kj-store-private.h"
#include "kj-store-schema.h"

G_STATIC_ASSERT (G_N_ELEMENTS (kj_store_migrations) == KJ_STORE_SCHEMA_VERSION);

/* Creates @path, empty, mode 0600; a file already there is an error */
gboolean
_kj_store_create_empty_file (const char  *path,
                             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (dir);
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM)
        g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_READ_ONLY,
                     _("A new journal cannot be created in the folder “%s”: it is read-only."), display);
      else if (saved_errno == ENOSPC)
        g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_FULL,
                     _("A new journal cannot be created in the folder “%s”: the disk is full."), display);
      else
        g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_IO,
                     _("A new journal cannot be created in the folder “%s”: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);

  return TRUE;
}

/* Removes a journal that kj_store_open_full() created and could not finish,
 * with its companion files */
void
_kj_store_remove_created (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Checks that @path can hold a journal; sets @exists and @is_empty */
static gboolean
check_path (const char  *path,
            gboolean    *exists,
            gboolean    *is_empty,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (path);
  GStatBuf st;

  *exists = FALSE;
  *is_empty = TRUE;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *dir_display = g_filename_display_name (dir);

      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NO_FOLDER,
                   _("The folder “%s” for the journal does not exist."), dir_display);
      return FALSE;
    }

  if (g_stat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_A_DATABASE, _("“%s” is not a file."), display);
          return FALSE;
        }

      *exists = TRUE;
      *is_empty = st.st_size == 0;
      return TRUE;
    }

  if (errno == ENOENT && g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      g_autofree char *target = g_file_read_link (path, NULL);
      g_autofree char *target_display = g_filename_display_name (target ? target : "");

      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_FOUND,
                   _("“%s” is a link to “%s”, which does not exist. Knee Journal does not create a journal "
                     "through a broken link."), display, target_display);
      return FALSE;
    }

  if (errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_IO,
                   _("The journal “%s” cannot be opened: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* The connection of a read-only store: through the -shm file when it can
 * be had, else the main file as it is (a read-only folder cannot hold one) */
static int
open_read_only (KjStore *self)
{
  g_autofree char *uri = g_filename_to_uri (self->path, NULL, NULL);
  g_autofree char *immutable = g_strconcat (uri ? uri : "", "?mode=ro&immutable=1", NULL);
  int version = 0;
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      kj_store_harden_connection (self->db);
      rc = kj_store_query_int (self->db, "PRAGMA user_version", &version);
    }

  /* see kj_store_file_is_open_here() on why not while a store of ours has it */
  if (((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY) && uri != NULL &&
      !kj_store_file_is_open_here (self->path))
    {
      g_clear_pointer (&self->db, sqlite3_close_v2);
      rc = sqlite3_open_v2 (immutable, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
      if (rc == SQLITE_OK)
        {
          kj_store_harden_connection (self->db);
          rc = kj_store_query_int (self->db, "PRAGMA user_version", &version);
        }
    }

  self->schema_version = version;

  return rc;
}

static gboolean migrate (KjStore *self, gboolean backup, GError **error);

/* A read-only store of a journal of an older version: the journal copied
 * into memory and brought to this version there, so that the command line
 * reads it as it is without writing a byte to it (the window upgrades the
 * file itself, with its backup) */
static gboolean
upgrade_in_memory (KjStore  *self,
                   GError  **error)
{
  sqlite3 *memory = NULL;
  sqlite3_backup *copy;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_close_v2 (memory);
      return _kj_store_fail (self, rc, error);
    }
  kj_store_harden_connection (memory);

  copy = sqlite3_backup_init (memory, "main", self->db, "main");
  if (copy == NULL)
    rc = sqlite3_errcode (memory);
  else
    {
      rc = sqlite3_backup_step (copy, -1);
      sqlite3_backup_finish (copy);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }

  if (rc != SQLITE_OK)
    {
      sqlite3_close_v2 (memory);
      return _kj_store_fail (self, rc, error);
    }

  sqlite3_close_v2 (self->db);
  self->db = memory;

  return _kj_store_exec (self, "PRAGMA foreign_keys = ON;", error) && migrate (self, FALSE, error);
}

/* The profile's fields that become the first episode (schema 5) and that
 * another program stored past the CHECKs: the migration leaves them out, and
 * the user is told in words, like every damaged row */
static void
note_profile_damage (KjStore *self)
{
  static const char sql[] =
    "SELECT 'affected_side', quote(affected_side) FROM profile"
    "  WHERE id = 1 AND (affected_side IS NULL OR affected_side NOT IN ('left','right','both'))"
    " UNION ALL SELECT 'injury_date', quote(injury_date) FROM profile"
    "  WHERE id = 1 AND NOT " KJ_SQL_DATE_CHECK ("injury_date")
    " UNION ALL SELECT 'treatment_start', quote(treatment_start) FROM profile"
    "  WHERE id = 1 AND NOT " KJ_SQL_DATE_CHECK ("treatment_start")
    " UNION ALL SELECT 'review_weeks', quote(review_weeks) FROM profile"
    "  WHERE id = 1 AND NOT (typeof(review_weeks) = 'integer' AND review_weeks BETWEEN 2 AND 12)";
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      return;
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *field = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *text = g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, 1), -1);
      g_autofree char *value = g_utf8_strlen (text, -1) > 60 ? g_utf8_substring (text, 0, 60) : g_strdup (text);
      /* Translators: “profile: review_weeks 99 could not be kept: the journal's first episode was made without
       * it”, when the journal is upgraded to episodes */
      g_autofree char *message = g_strdup_printf (_("profile: %s %s could not be kept: the journal's first episode "
                                                    "was made without it"), field, value);

      _kj_store_note_damage (self, message);
    }
  sqlite3_finalize (stmt);
}

/* Brings the journal to KJ_STORE_SCHEMA_VERSION in one transaction, after
 * copying a journal of an older version to “<path>.bak-v<version>” when
 * @backup (a copy in memory has no need of one) */
static gboolean
migrate (KjStore   *self,
         gboolean   backup,
         GError   **error)
{
  int version = 0;
  int rc;

  rc = kj_store_query_int (self->db, "PRAGMA user_version", &version);
  if (rc != SQLITE_OK)
    return _kj_store_fail (self, rc, error);

  if (version < 0 || version > KJ_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_A_JOURNAL,
                   _("The journal has an impossible format number (%d). Nothing was changed."), version);
      return FALSE;
    }

  self->schema_version = version;
  if (version == KJ_STORE_SCHEMA_VERSION)
    return TRUE;

  if (version > 0 && backup)
    {
      g_autofree char *copy = g_strdup_printf ("%s.bak-v%d", self->path, version);

      g_info ("Backing up the journal to %s before migrating from version %d", copy, version);
      if (!_kj_store_copy_database (self->db, copy, TRUE, error))
        {
          g_prefix_error (error, _("The journal could not be backed up before upgrading it: "));
          return FALSE;
        }
    }

  if (!_kj_store_begin (self, error))
    return FALSE;

  if (version >= 1 && version < 5)
    note_profile_damage (self);
  for (int v = version; v < KJ_STORE_SCHEMA_VERSION; v++)
    {
      if (!_kj_store_exec (self, kj_store_migrations[v], error))
        {
          _kj_store_rollback (self);
          return FALSE;
        }
    }

  {
    g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                                (int) KJ_STORE_APPLICATION_ID, KJ_STORE_SCHEMA_VERSION);

    if (!_kj_store_exec (self, pragmas, error) || !_kj_store_commit (self, error))
      {
        _kj_store_rollback (self);
        return FALSE;
      }
  }

  self->schema_version = KJ_STORE_SCHEMA_VERSION;

  return TRUE;
}

/* @path with its folder's links resolved; the file itself need not exist */
static char *
resolve_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *real_dir = realpath (dir, NULL);
  char *real = realpath (path, NULL);

  if (real != NULL)
    return real;

  return g_build_filename (real_dir ? real_dir : dir, base, NULL);
}

static gboolean
same_file (const GStatBuf *a,
           const GStatBuf *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* $XDG_DATA_HOME/knee-journal/journal.db; a relative XDG_DATA_HOME is
 * ignored, as the XDG Base Directory Specification says */
char *
kj_store_default_path (void)
{
  const char *data = g_get_user_data_dir ();

  if (!g_path_is_absolute (data))
    return g_build_filename (g_get_home_dir (), ".local", "share", "knee-journal", "journal.db", NULL);

  return g_build_filename (data, "knee-journal", "journal.db", NULL);
}

/**
 * kj_store_open:
 * @path: the journal file; created (0600) when it does not exist
 * @error: return location for a #GError
 *
 * Opens the journal at @path, creating or migrating it as needed. A file
 * that is not ours, is newer than this build, holds objects we did not
 * create or is damaged is refused without a single byte being written to it.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
KjStore *
kj_store_open (const char  *path,
               GError     **error)
{
  return kj_store_open_full (path, KJ_STORE_OPEN_DEFAULT, error);
}

/**
 * kj_store_open_full:
 * @flags: %KJ_STORE_OPEN_READ_ONLY to read an existing journal only (the
 *   command line's exports and summaries), which also works where the file
 *   or its folder cannot be written
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
KjStore *
kj_store_open_full (const char        *path,
                    KjStoreOpenFlags   flags,
                    GError           **error)
{
  g_autoptr(KjStore) self = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean read_only = (flags & KJ_STORE_OPEN_READ_ONLY) != 0;
  gboolean exists, is_empty, created = FALSE;
  KjFileInfo info = { 0, TRUE };
  GStatBuf st;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);

  if (!check_path (path, &exists, &is_empty, &local_error))
    {
      /* reading, a missing folder is just no journal */
      if (read_only && g_error_matches (local_error, KJ_STORE_ERROR, KJ_STORE_ERROR_NO_FOLDER))
        g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_FOUND, _("There is no journal at “%s” yet."), display);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (exists && !is_empty && !kj_store_inspect_file (path, KJ_FILE_ROLE_JOURNAL, &info, error))
    return NULL;

  if (read_only)
    {
      if (!exists || info.blank)
        {
          g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_FOUND,
                       _("There is no journal at “%s” yet."), display);
          return NULL;
        }
    }
  else if (exists && g_access (path, W_OK) != 0)
    {
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_READ_ONLY,
                   _("The journal “%s” is read-only. Check its permissions."), display);
      return NULL;
    }
  else if (!exists)
    {
      if (!_kj_store_create_empty_file (path, error))
        return NULL;
      created = TRUE;
    }

  self = g_object_new (KJ_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (read_only)
    rc = open_read_only (self);
  else
    {
      /* A store's connection is only ever used by one thread at a time (the
       * window's jobs and backups open stores of their own), so it goes
       * without SQLite's per-call mutex: every column read took it twice. */
      rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
      if (self->db != NULL)
        kj_store_harden_connection (self->db);
    }

  if (rc != SQLITE_OK)
    {
      _kj_store_fail (self, rc, error);
      goto failed;
    }

  sqlite3_busy_timeout (self->db, KJ_STORE_BUSY_TIMEOUT_MS);

  if (g_stat (path, &st) == 0)
    {
      self->device = st.st_dev;
      self->inode = st.st_ino;
      self->registered = TRUE;
      kj_store_file_opened (self->device, self->inode);
    }

  if (read_only)
    {
      if (info.user_version < KJ_STORE_SCHEMA_VERSION && !upgrade_in_memory (self, error))
        goto failed;
      return g_steal_pointer (&self);
    }

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_READ_ONLY,
                   _("The journal “%s” is read-only. Check its permissions."), display);
      goto failed;
    }

  if (!_kj_store_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", error) ||
      !migrate (self, TRUE, error))
    goto failed;

  return g_steal_pointer (&self);

failed:
  if (created)
    {
      g_clear_object (&self);
      _kj_store_remove_created (path);
    }
  return NULL;
}

/**
 * kj_store_owns_file:
 * @journal_path: a journal
 * @path: any file
 *
 * Whether @path is the journal, its write-ahead log, shared-memory or
 * rollback file, its backups folder or anything in it, compared by device
 * and inode (through links) rather than by name: a file that must never be
 * overwritten by an export, nor read as an import. The journal's companions
 * are looked for beside the journal as named and beside the file a link
 * names, where SQLite keeps them.
 */
gboolean
kj_store_owns_file (const char *journal_path,
                    const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *real_journal = NULL;
  g_autofree char *real_path = NULL;
  g_autofree char *backups = NULL;
  const char *journals[2];
  GStatBuf target, backups_st;
  gboolean target_exists;

  g_return_val_if_fail (journal_path != NULL && path != NULL, FALSE);

  real_journal = resolve_path (journal_path);
  real_path = resolve_path (path);
  journals[0] = journal_path;
  journals[1] = real_journal;
  target_exists = g_stat (path, &target) == 0;

  for (guint j = 0; j < G_N_ELEMENTS (journals); j++)
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *own = g_strconcat (journals[j], suffixes[i], NULL);
        g_autofree char *real_own = resolve_path (own);
        GStatBuf st;

        if (target_exists && g_stat (own, &st) == 0 && same_file (&st, &target))
          return TRUE;

        /* -wal and -shm come and go: compare names too */
        if (g_str_equal (real_path, real_own))
          return TRUE;
      }

  /* the copies kept from before an upgrade: <journal>.bak-v<N> */
  for (guint j = 0; j < G_N_ELEMENTS (journals); j++)
    {
      g_autofree char *prefix = g_strconcat (journals[j], ".bak-v", NULL);
      g_autofree char *dir = g_path_get_dirname (prefix);
      g_autofree char *base = g_path_get_basename (prefix);
      g_autofree char *path_base = g_path_get_basename (real_path);
      g_autofree char *path_dir = g_path_get_dirname (real_path);
      g_autofree char *real_dir = resolve_path (dir);

      if (g_str_has_prefix (path_base, base) && g_str_equal (path_dir, real_dir))
        return TRUE;
    }

  /* the backups folder, and anything at any depth below it */
  backups = g_strconcat (journal_path, ".backups", NULL);
  if (g_stat (backups, &backups_st) == 0)
    {
      g_autofree char *dir = g_strdup (real_path);

      if (target_exists && same_file (&target, &backups_st))
        return TRUE;

      while (strcmp (dir, "/") != 0 && strcmp (dir, ".") != 0)
        {
          char *parent = g_path_get_dirname (dir);
          GStatBuf st;

          g_free (dir);
          dir = parent;
          if (g_stat (dir, &st) == 0 && same_file (&st, &backups_st))
            return TRUE;
        }
    }

  return FALSE;
}

/**
 * kj_store_check_file:
 *
 * Checks that the journal's file is still the one this store opened: not
 * deleted, renamed away or replaced by another file. Writes to a store whose
 * file is gone would be lost.
 *
 * Returns: %FALSE with @error set if the file is gone or replaced
 */
gboolean
kj_store_check_file (KjStore  *self,
                     GError  **error)
{
  GStatBuf st;

  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);

  if (g_stat (self->path, &st) != 0 || st.st_dev != self->device || st.st_ino != self->inode)
    {
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_REPLACED,
                   _("The journal “%s” was deleted or replaced by another program while Knee Journal had it open. "
                     "Knee Journal stopped using it so that no change goes to a file that is gone. Close Knee "
                     "Journal and open it again to use the journal now at that place."), display);
      return FALSE;
    }

  return TRUE;
}
