/* kj-store.c — the SQLite journal: the class, its statements and transactions, the profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The class is split over several files along kj-store-private.h, which
 * says what each holds: reading rows as hostile (kj-store-rows.c), the records
 * (kj-store-days.c, kj-store-treatments.c, kj-store-runs.c), the file's life
 * (kj-store-open.c, kj-store-backup.c, kj-store-file.c) and the import merge
 * (kj-store-import.c).
 */
#define G_LOG_DOMAIN "knee-journal-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "kj-store.h"
#include "kj-store-private.h"

G_DEFINE_FINAL_TYPE (KjStore, kj_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (kj-store-error-quark, kj_store_error)

static const char sql_select_profile[] = "SELECT name, units FROM profile WHERE id = 1";
static const char sql_update_profile[] =
  "INSERT INTO profile (id, name, units) VALUES (1, ?1, ?2)"
  " ON CONFLICT (id) DO UPDATE SET name = excluded.name, units = excluded.units";

/* Errors */

void
kj_store_set_sqlite_error (GError     **error,
                           sqlite3     *db,
                           int          rc,
                           const char  *path)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  g_autofree char *display = g_filename_display_name (path ? path : "");

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_FULL,
                   _("The disk is full: the change to “%s” could not be saved. Nothing was changed."), display);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_READ_ONLY,
                   _("The journal “%s” cannot be written to (%s). Nothing was changed."), display, detail);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_BUSY,
                   _("The journal “%s” is in use by another program. Try again in a moment."), display);
      break;

    case SQLITE_NOTADB:
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Knee Journal database: it is not an SQLite file."), display);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_IO,
                   _("The journal “%s” is damaged (%s). Restore it from a backup."), display, detail);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_INVALID,
                   _("The journal refused an impossible value (%s). Nothing was changed."), detail);
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_IO,
                   _("The journal “%s” could not be read or written (%s)."), display, detail);
      break;

    default:
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_FAILED,
                   _("The journal “%s” reported an error: %s"), display, detail);
      break;
    }
}

/* Sets @error from SQLite's @rc, about this store's journal; returns %FALSE */
gboolean
_kj_store_fail (KjStore  *self,
                int       rc,
                GError  **error)
{
  kj_store_set_sqlite_error (error, self->db, rc, self->path);
  return FALSE;
}

/* Statements */

sqlite3_stmt *
_kj_store_get_stmt (KjStore     *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _kj_store_fail (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);

  return stmt;
}

void
_kj_store_bind_text_or_null (sqlite3_stmt *stmt,
                             int           index,
                             const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

void
_kj_store_bind_int_or_null (sqlite3_stmt *stmt,
                            int           index,
                            int           value)
{
  if (value == KJ_UNSET)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

sqlite3_stmt *
_kj_store_get_range_stmt (KjStore     *self,
                          const char  *sql,
                          const char  *from,
                          const char  *to,
                          GError     **error)
{
  sqlite3_stmt *stmt = _kj_store_get_stmt (self, sql, error);

  if (stmt != NULL)
    {
      _kj_store_bind_text_or_null (stmt, 1, from);
      _kj_store_bind_text_or_null (stmt, 2, to);
    }

  return stmt;
}

/* @ranged (KJ_STORE_SQL_DATES, from ?1 to ?2) bound to @from and @to, or
 * @all, the same without the bounds, when both are %NULL: SQLite checks a
 * bound on every row it reads, even one that leaves none out (a twentieth of
 * reading a whole journal), and a damaged date outside every range is still
 * read, and reported */
sqlite3_stmt *
_kj_store_get_dates_stmt (KjStore     *self,
                          const char  *ranged,
                          const char  *all,
                          const char  *from,
                          const char  *to,
                          GError     **error)
{
  if (from == NULL && to == NULL)
    return _kj_store_get_stmt (self, all, error);

  return _kj_store_get_range_stmt (self, ranged, from, to, error);
}

/* Runs a statement that returns no rows; the statement stays bound until the next _kj_store_get_stmt(). */
gboolean
_kj_store_step_done (KjStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _kj_store_fail (self, rc, error);

  return TRUE;
}

/* Runs @sql, a DELETE of the rows of @id, inside the caller's transaction */
gboolean
_kj_store_delete_by_id (KjStore     *self,
                        const char  *sql,
                        const char  *id,
                        GError     **error)
{
  sqlite3_stmt *stmt = _kj_store_get_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);

  return _kj_store_step_done (self, stmt, error);
}

/* Transactions */

gboolean
_kj_store_exec (KjStore     *self,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _kj_store_fail (self, rc, error);

  return TRUE;
}

gboolean
_kj_store_begin (KjStore  *self,
                 GError  **error)
{
  return _kj_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
_kj_store_commit (KjStore  *self,
                  GError  **error)
{
  if (!_kj_store_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

void
_kj_store_rollback (KjStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Deletes the record @id with @sql in a transaction of its own;
 * %KJ_STORE_ERROR_NOT_FOUND when there is none */
gboolean
_kj_store_delete_record (KjStore     *self,
                         const char  *sql,
                         const char  *id,
                         GError     **error)
{
  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!_kj_store_begin (self, error))
    return FALSE;

  if (!_kj_store_delete_by_id (self, sql, id, error))
    {
      _kj_store_rollback (self);
      return FALSE;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      _kj_store_rollback (self);
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_FOUND,
                   _("The record %s is not in the journal."), id);
      return FALSE;
    }

  return _kj_store_commit (self, error);
}

/* GObject */

static void
kj_store_finalize (GObject *object)
{
  KjStore *self = (KjStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->damage, g_hash_table_unref);
  g_clear_pointer (&self->damaged_days, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  if (self->registered)
    kj_store_file_closed (self->device, self->inode);

  G_OBJECT_CLASS (kj_store_parent_class)->finalize (object);
}

static void
kj_store_class_init (KjStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kj_store_finalize;
}

static void
kj_store_init (KjStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sqlite3_finalize);
  self->damage = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->damaged_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Public API */

const char *
kj_store_get_path (KjStore *self)
{
  g_return_val_if_fail (KJ_IS_STORE (self), NULL);

  return self->path;
}

/**
 * kj_store_set_busy_timeout:
 * @timeout_ms: how long a write waits for another program's lock; -1 for
 *   the default (5 s)
 *
 * A retry of a write that failed because the journal was locked can wait
 * less than the first try, so that the window does not freeze.
 */
void
kj_store_set_busy_timeout (KjStore *self,
                           int      timeout_ms)
{
  g_return_if_fail (KJ_IS_STORE (self));

  sqlite3_busy_timeout (self->db, timeout_ms < 0 ? KJ_STORE_BUSY_TIMEOUT_MS : timeout_ms);
}

/**
 * kj_store_get_data_version:
 *
 * Returns: SQLite's `PRAGMA data_version`: a number that changes when
 *   another connection, in this process or another, commits to the journal
 *   (but not after this store's own writes); -1 on error
 */
gint64
kj_store_get_data_version (KjStore *self)
{
  int version;

  g_return_val_if_fail (KJ_IS_STORE (self), -1);

  return kj_store_query_int (self->db, "PRAGMA data_version", &version) == SQLITE_OK ? version : -1;
}

int
kj_store_get_schema_version (KjStore *self)
{
  g_return_val_if_fail (KJ_IS_STORE (self), 0);

  return self->schema_version;
}

gboolean
kj_store_is_empty (KjStore *self)
{
  int n = 0;

  g_return_val_if_fail (KJ_IS_STORE (self), TRUE);

  kj_store_query_int (self->db,
             "SELECT (SELECT count(*) FROM days) + (SELECT count(*) FROM treatments) + (SELECT count(*) FROM runs)",
             &n);

  return n == 0;
}

/* The side, dates and review weeks of the first episode, on @profile */
static gboolean
get_first_episode (KjStore    *self,
                   KjProfile  *profile,
                   GError    **error)
{
  g_autoptr(GPtrArray) episodes = NULL;
  const KjEpisode *first;

  if (!(episodes = kj_store_list_episodes (self, error)))
    return FALSE;

  if ((first = kj_episodes_get_first (episodes)) != NULL)
    {
      profile->affected_side = first->side;
      profile->injury_date = first->injury_date[0] ? g_strdup (first->injury_date) : NULL;
      profile->treatment_start = first->treatment_start[0] ? g_strdup (first->treatment_start) : NULL;
      profile->review_weeks = first->review_weeks;
    }

  return TRUE;
}

/**
 * kj_store_get_profile:
 *
 * The profile: its name and units, and the side, dates and review weeks of
 * the journal's first episode (kj_episodes_get_first()).
 */
KjProfile *
kj_store_get_profile (KjStore  *self,
                      GError  **error)
{
  g_autoptr(KjProfile) profile = kj_profile_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);

  if (!(stmt = _kj_store_get_stmt (self, sql_select_profile, error)))
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      KjRowReader row = { stmt, NULL };
      g_autofree char *name = NULL;
      const char *units;

      /* a field that fails is reported and left at its default */
      name = _kj_store_row_text (&row, 0, "name");
      units = _kj_store_row_code (&row, 1, KJ_CODE_UNITS, "units");
      if (name != NULL && row.error == NULL &&
          !kj_notes_are_valid (name, KJ_PROFILE_NAME_MAX, "name", &row.error))
        g_clear_pointer (&name, g_free);
      if (name != NULL)
        {
          g_free (profile->name);
          profile->name = g_steal_pointer (&name);
        }
      profile->units = units ? units : profile->units;

      if (row.error != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("profile: %s"), row.error->message);

          _kj_store_note_damage (self, message);
          g_clear_error (&row.error);
        }
    }
  else if (rc != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      _kj_store_fail (self, rc, error);
      return NULL;
    }

  sqlite3_reset (stmt);

  if (!get_first_episode (self, profile, error))
    return NULL;

  return g_steal_pointer (&profile);
}

/* Writes @profile inside the caller's transaction; a profile that gives the
 * side, dates and review weeks sets them on the first episode */
gboolean
_kj_store_write_profile (KjStore          *self,
                         const KjProfile  *profile,
                         GError          **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _kj_store_get_stmt (self, sql_update_profile, error)))
    return FALSE;

  _kj_store_bind_text_or_null (stmt, 1, profile->name ? profile->name : "");
  _kj_store_bind_text_or_null (stmt, 2, profile->units);

  return _kj_store_step_done (self, stmt, error) && _kj_store_write_first_episode (self, profile, error);
}

gboolean
kj_store_set_profile (KjStore          *self,
                      const KjProfile  *profile,
                      GError          **error)
{
  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);

  if (!kj_profile_validate (profile, error))
    return FALSE;

  if (!_kj_store_begin (self, error))
    return FALSE;

  if (!_kj_store_write_profile (self, profile, error) || !_kj_store_commit (self, error))
    {
      _kj_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/* The whole journal */

/* How the records of read_each() are handed on */
typedef struct
{
  gboolean             (*begin)     (KjJournal  *journal,
                                     gpointer    user_data,
                                     GError    **error);
  KjStoreDayFunc         day;
  KjStoreTreatmentFunc   treatment;
  KjStoreRunFunc         run;
  gpointer               user_data;
  GHashTable            *shoe_ids;  /* the pairs read, for the runs */
} ReadEach;

/* a run of a damaged pair reads as a run without a shoe, so that an export
 * names no pair it does not hold */
static gboolean
read_each_run (KjRun     *run,
               gpointer   data,
               GError   **error)
{
  ReadEach *each = data;

  if (run->shoe_id != NULL && !g_hash_table_contains (each->shoe_ids, run->shoe_id))
    g_clear_pointer (&run->shoe_id, g_free);

  return each->run (run, each->user_data, error);
}

/* The rows of schema 7 that only serve to recognise run files (run_files,
 * runs.track_hash) and that break the rules Knee Journal writes them by: a
 * hash that is not one, a file of a run that is gone or was not made from a
 * file. Such rows are never trusted (kj-store-runs.c); this tells the user. */
static const char sql_damaged_file_rows[] =
  "SELECT (SELECT count(*) FROM run_files f LEFT JOIN runs r ON r.id = f.run_id"
  "        WHERE r.id IS NULL OR length (f.hash) != 64 OR f.hash GLOB '*[^0-9a-f]*'"
  "           OR (r.track_hash IS NULL AND r.source_hash IS NULL))"
  "     + (SELECT count(*) FROM runs WHERE track_hash IS NOT NULL"
  "          AND (length (track_hash) != 64 OR track_hash GLOB '*[^0-9a-f]*'))";

static gboolean
note_damaged_file_rows (KjStore  *self,
                        GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 count;
  int rc;

  if (!(stmt = _kj_store_get_stmt (self, sql_damaged_file_rows, error)))
    return FALSE;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return _kj_store_fail (self, rc, error);
    }
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (count > 0)
    _kj_store_note_damage (self, _("The journal’s record of the files its runs came from has damaged rows "
                                   "(another program may have changed them): those files are read again "
                                   "when they are imported."));
  return TRUE;
}

/* Every record, inside the caller's transaction: the profile, episodes,
 * shoes and questionnaires into the journal returned (its days, treatments
 * and runs empty), given to @each's begin; then each day, treatment and run
 * handed on one at a time. A fixed number of queries, whatever the journal's
 * length. */
static KjJournal *
read_each (KjStore   *self,
           ReadEach  *each,
           GError   **error)
{
  g_autoptr(KjJournal) journal = kj_journal_new ();
  g_autoptr(GHashTable) shoe_ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_clear_pointer (&journal->shoes, g_ptr_array_unref);
  g_clear_pointer (&journal->questionnaires, g_ptr_array_unref);

  if (!(journal->profile = kj_store_get_profile (self, error)) ||
      !(journal->shoes = kj_store_list_shoes (self, error)) ||
      !(journal->episodes = kj_store_list_episodes (self, error)) ||
      !(journal->questionnaires = kj_store_list_questionnaires (self, NULL, NULL, error)))
    return NULL;

  /* a journal whose episodes another program removed (or whose every episode
   * is damaged) reads as one episode over all of it, as a journal before
   * episodes did; in memory only, and the user is told */
  if (journal->episodes->len == 0)
    {
      _kj_store_note_damage (self, _("The journal has no episode (another program may have removed them): it is "
                                     "read as one episode over all of its days."));
      g_ptr_array_add (journal->episodes, kj_episode_from_profile (journal->profile));
    }

  for (guint i = 0; i < journal->shoes->len; i++)
    g_hash_table_add (shoe_ids, ((KjShoe *) g_ptr_array_index (journal->shoes, i))->id);
  each->shoe_ids = shoe_ids;

  if (!note_damaged_file_rows (self, error))
    return NULL;

  if ((each->begin != NULL && !each->begin (journal, each->user_data, error)) ||
      !_kj_store_each_day (self, NULL, NULL, each->day, each->user_data, error) ||
      !_kj_store_each_treatment (self, NULL, NULL, each->treatment, each->user_data, error) ||
      !_kj_store_each_run (self, NULL, NULL, read_each_run, each, error))
    return NULL;

  return g_steal_pointer (&journal);
}

/* _kj_store_read_all() keeps every record in the journal that begin() is given */
static gboolean
keep_begin (KjJournal  *journal,
            gpointer    data,
            GError    **error G_GNUC_UNUSED)
{
  *(KjJournal **) data = journal;
  return TRUE;
}

static gboolean
keep_day (KjDay     *day,
          gpointer   data,
          GError   **error G_GNUC_UNUSED)
{
  g_ptr_array_add ((*(KjJournal **) data)->days, day);
  return TRUE;
}

static gboolean
keep_treatment (KjTreatment  *treatment,
                gpointer      data,
                GError      **error G_GNUC_UNUSED)
{
  g_ptr_array_add ((*(KjJournal **) data)->treatments, treatment);
  return TRUE;
}

static gboolean
keep_run (KjRun     *run,
          gpointer   data,
          GError   **error G_GNUC_UNUSED)
{
  g_ptr_array_add ((*(KjJournal **) data)->runs, run);
  return TRUE;
}

/* Every record, inside the caller's transaction: kj_store_read_journal()
 * and kj_store_import() read through it */
KjJournal *
_kj_store_read_all (KjStore  *self,
                    GError  **error)
{
  KjJournal *journal = NULL;
  ReadEach each = { keep_begin, keep_day, keep_treatment, keep_run, &journal, NULL };

  return read_each (self, &each, error);
}

/* kj_store_visit_journal(): each record shown to the visitor, then freed */
typedef struct
{
  const KjStoreVisitor *visitor;
  gpointer              user_data;
} Visit;

static gboolean
visit_begin (KjJournal  *journal,
             gpointer    data,
             GError    **error)
{
  Visit *visit = data;

  return visit->visitor->begin == NULL || visit->visitor->begin (journal, visit->user_data, error);
}

static gboolean
visit_day (KjDay     *day,
           gpointer   data,
           GError   **error)
{
  g_autoptr(KjDay) owned = day;
  Visit *visit = data;

  return visit->visitor->day == NULL || visit->visitor->day (day, visit->user_data, error);
}

static gboolean
visit_treatment (KjTreatment  *treatment,
                 gpointer      data,
                 GError      **error)
{
  g_autoptr(KjTreatment) owned = treatment;
  Visit *visit = data;

  return visit->visitor->treatment == NULL || visit->visitor->treatment (treatment, visit->user_data, error);
}

static gboolean
visit_run (KjRun     *run,
           gpointer   data,
           GError   **error)
{
  g_autoptr(KjRun) owned = run;
  Visit *visit = data;

  return visit->visitor->run == NULL || visit->visitor->run (run, visit->user_data, error);
}

/**
 * kj_store_visit_journal:
 * @visitor: what to do with the journal's head and with each record
 *
 * Reads every record in one read transaction, as kj_store_read_journal()
 * does, but without keeping the days, treatments and runs: the profile,
 * episodes, shoes and questionnaires are read first and given to
 * @visitor's begin, then each day, treatment and run, by date, to its
 * function, and freed. Memory stays flat however long the journal is
 * (a streaming export). Damaged rows are left out and reported by
 * kj_store_get_damage(), as a full read does.
 *
 * Returns: (transfer full) (nullable): the journal's profile, episodes,
 *   shoes and questionnaires (no days, treatments or runs), or %NULL with
 *   @error when the journal could not be read or a function of @visitor
 *   stopped it
 */
KjJournal *
kj_store_visit_journal (KjStore               *self,
                        const KjStoreVisitor  *visitor,
                        gpointer               user_data,
                        GError               **error)
{
  Visit visit = { visitor, user_data };
  ReadEach each = { visit_begin, visit_day, visit_treatment, visit_run, &visit, NULL };
  KjJournal *journal;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);
  g_return_val_if_fail (visitor != NULL, NULL);

  if (!_kj_store_exec (self, "BEGIN", error))
    return NULL;

  g_hash_table_remove_all (self->damage);
  g_hash_table_remove_all (self->damaged_days);

  journal = read_each (self, &each, error);
  _kj_store_rollback (self);

  return journal;
}

/**
 * kj_store_read_journal:
 *
 * Reads every record in one read transaction, so that the result is
 * consistent even while another process writes.
 *
 * Returns: (transfer full): the journal
 */
KjJournal *
kj_store_read_journal (KjStore  *self,
                       GError  **error)
{
  KjJournal *journal;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);

  if (!_kj_store_exec (self, "BEGIN", error))
    return NULL;

  /* a full read finds all the damage there is now */
  g_hash_table_remove_all (self->damage);
  g_hash_table_remove_all (self->damaged_days);

  journal = _kj_store_read_all (self, error);
  _kj_store_rollback (self);

  return journal;
}
