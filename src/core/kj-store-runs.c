/* kj-store-runs.c — runs in the journal: list, save, add from a GPS track, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of a run are in doc/data-model.md, “Run”.
 */
#define G_LOG_DOMAIN "knee-journal-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <sqlite3.h>

#include "kj-store.h"
#include "kj-store-private.h"

/* a shoe_id that names no pair (stored with the foreign keys off) reads as no shoe */
#define SELECT_RUNS \
  "SELECT r.id, r.date, r.distance_km, r.duration_s, r.descent_m, r.pain_during, r.pain_after, r.stopped_early," \
  " r.notes, s.id" \
  " FROM runs r LEFT JOIN shoes s ON s.id = r.shoe_id"
static const char sql_select_runs[] = SELECT_RUNS " WHERE" KJ_STORE_SQL_DATES ("r.date") " ORDER BY r.date, r.rowid";
static const char sql_select_all_runs[] = SELECT_RUNS " ORDER BY r.date, r.rowid";
#define RUN_INSERT \
  "INSERT INTO runs (id, date, distance_km, duration_s, descent_m, pain_during, pain_after, stopped_early, notes," \
  " shoe_id) VALUES "
#define RUN_VALUES "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define RUN_CONFLICT \
  " ON CONFLICT (id) DO UPDATE SET date = excluded.date, distance_km = excluded.distance_km," \
  " duration_s = excluded.duration_s, descent_m = excluded.descent_m, pain_during = excluded.pain_during," \
  " pain_after = excluded.pain_after, stopped_early = excluded.stopped_early, notes = excluded.notes," \
  " shoe_id = excluded.shoe_id"
static const char sql_upsert_run[] = RUN_INSERT RUN_VALUES RUN_CONFLICT;
static const char sql_delete_run[] = "DELETE FROM runs WHERE id = ?1";

/* Hands each valid run from @from to @to (either %NULL), by date, to @func,
 * which takes it; a row that fails is left out and reported */
gboolean
_kj_store_each_run (KjStore         *self,
                    const char      *from,
                    const char      *to,
                    KjStoreRunFunc   func,
                    gpointer         user_data,
                    GError         **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  if (!(stmt = _kj_store_get_dates_stmt (self, sql_select_runs, sql_select_all_runs, from, to, error)))
    return FALSE;

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(KjRun) r = kj_run_new (NULL, 0);
      g_autoptr(GError) invalid = NULL;
      KjRowReader row = { stmt, NULL };
      int stopped;

      r->id = _kj_store_row_text (&row, 0, "id");
      _kj_store_row_date (&row, 1, "date", r->date);
      r->distance_km = _kj_store_row_double (&row, 2, "distance_km");
      r->duration_s = _kj_store_row_int (&row, 3, "duration_s");
      r->descent_m = _kj_store_row_double (&row, 4, "descent_m");
      r->pain_during = _kj_store_row_int (&row, 5, "pain_during");
      r->pain_after = _kj_store_row_int (&row, 6, "pain_after");
      stopped = _kj_store_row_int (&row, 7, "stopped_early");
      if (stopped != 0 && stopped != 1)
        _kj_store_row_fail (&row, _("%s: %d is out of range %d–%d"), "stopped_early", stopped, 0, 1);
      r->stopped_early = stopped == 1;
      g_free (r->notes);
      r->notes = _kj_store_row_text (&row, 8, "notes");
      if (sqlite3_column_type (stmt, 9) == SQLITE_TEXT)
        {
          g_autofree char *shoe_id = g_strdup ((const char *) sqlite3_column_text (stmt, 9));

          if (kj_id_is_valid (shoe_id))
            r->shoe_id = g_steal_pointer (&shoe_id);
        }

      if (row.error == NULL)
        kj_run_validate (r, &invalid);

      if (_kj_store_row_check (self, &row, "run", r->date, r->id, invalid))
        ok = func (g_steal_pointer (&r), user_data, error);
    }

  sqlite3_reset (stmt);

  if (!ok)
    return FALSE;

  if (rc != SQLITE_DONE)
    return _kj_store_fail (self, rc, error);

  return TRUE;
}

static gboolean
add_run (KjRun     *run,
         gpointer   user_data,
         GError   **error G_GNUC_UNUSED)
{
  g_ptr_array_add (user_data, run);
  return TRUE;
}

GPtrArray *
kj_store_list_runs (KjStore     *self,
                    const char  *from,
                    const char  *to,
                    GError     **error)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_run_free);

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);

  if (!_kj_store_each_run (self, from, to, add_run, runs, error))
    return NULL;

  return g_steal_pointer (&runs);
}

/* The columns of RUN_VALUES from @first on */
static void
bind_run (sqlite3_stmt  *stmt,
          int            first,
          gconstpointer  row)
{
  const KjRun *r = row;

  sqlite3_bind_text (stmt, first, r->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 1, r->date, -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, first + 2, r->distance_km);
  _kj_store_bind_int_or_null (stmt, first + 3, r->duration_s);
  if (isnan (r->descent_m))
    sqlite3_bind_null (stmt, first + 4);
  else
    sqlite3_bind_double (stmt, first + 4, r->descent_m);
  _kj_store_bind_int_or_null (stmt, first + 5, r->pain_during);
  _kj_store_bind_int_or_null (stmt, first + 6, r->pain_after);
  sqlite3_bind_int (stmt, first + 7, r->stopped_early ? 1 : 0);
  sqlite3_bind_text (stmt, first + 8, r->notes ? r->notes : "", -1, SQLITE_STATIC);
  _kj_store_bind_text_or_null (stmt, first + 9, r->shoe_id);
}

/* An import's new runs, many to a statement (kj-store-import.c) */
KjRowKind _kj_store_run_rows = {
  RUN_INSERT, RUN_VALUES, RUN_CONFLICT, bind_run, 10, NULL
};


/* Writes @r inside the caller's transaction */
gboolean
_kj_store_write_run (KjStore      *self,
                     const KjRun  *r,
                     GError      **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _kj_store_get_stmt (self, sql_upsert_run, error)))
    return FALSE;

  bind_run (stmt, 1, r);
  return _kj_store_step_done (self, stmt, error);
}

/* Before a run is written: a new run (no id yet) without a shoe gets the
 * default pair; a shoe_id must name a pair of the journal. */
static gboolean
prepare_run (KjStore  *self,
             KjRun    *run,
             GError  **error)
{
  if (run->id == NULL)
    {
      run->id = g_uuid_string_random ();
      if (run->shoe_id == NULL)
        {
          g_autofree char *default_id = NULL;

          if (!_kj_store_default_shoe_id (self, &default_id, error))
            return FALSE;
          run->shoe_id = g_steal_pointer (&default_id);
        }
    }

  if (!kj_run_validate (run, error))
    return FALSE;

  if (run->shoe_id != NULL)
    {
      gboolean exists;

      if (!_kj_store_shoe_exists (self, run->shoe_id, &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_INVALID,
                       _("shoe_id: “%s” names no pair of shoes in the journal"), run->shoe_id);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
kj_store_save_run (KjStore  *self,
                   KjRun    *run,
                   GError  **error)
{
  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (run != NULL, FALSE);

  if (!_kj_store_begin (self, error))
    return FALSE;

  if (!prepare_run (self, run, error) || !_kj_store_write_run (self, run, error) || !_kj_store_commit (self, error))
    {
      _kj_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/* The run of a track: its fingerprint (or one of the same track a version
 * before schema 7 stored; a fingerprint of one kind never equals one of the
 * other, both being SHA-256 of different bytes) */
static const char sql_run_by_track[] =
  "SELECT id, date, track_hash IS NULL FROM runs"
  " WHERE track_hash = ?1 OR source_hash = ?1 OR source_hash = ?2 LIMIT 1";
static const char sql_set_track_hash[] = "UPDATE runs SET track_hash = ?2 WHERE id = ?1 AND track_hash IS NULL";
static const char sql_add_run_file[] = "INSERT OR IGNORE INTO run_files (hash, run_id) VALUES (?1, ?2)";
static const char sql_run_by_file[] =
  "SELECT r.date FROM run_files f JOIN runs r ON r.id = f.run_id WHERE f.hash = ?1"
  /* a file is only ever recorded with a run made from a file: any other row
   * is another program's, and is not trusted */
  " AND (r.track_hash IS NOT NULL OR r.source_hash IS NOT NULL)";
static const char sql_legacy_runs[] =
  "SELECT EXISTS (SELECT 1 FROM runs WHERE source_hash IS NOT NULL AND track_hash IS NULL)";

/* The id and date of the run of @source's track, if the journal has it; @untracked: that run has a
 * fingerprint of before schema 7 only */
static gboolean
find_track (KjStore              *self,
            const KjTrackSource  *source,
            char                **id,
            char                  date[11],
            gboolean             *untracked,
            GError              **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _kj_store_get_stmt (self, sql_run_by_track, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, source->track_hash, -1, SQLITE_STATIC);
  if (source->legacy_hash != NULL && source->legacy_hash[0] != '\0')
    sqlite3_bind_text (stmt, 2, source->legacy_hash, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      g_strlcpy (date, sqlite3_column_text (stmt, 1) ? (const char *) sqlite3_column_text (stmt, 1) : "", 11);
      *untracked = sqlite3_column_int (stmt, 2) != 0;
      rc = SQLITE_DONE;
    }
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE || _kj_store_fail (self, rc, error);
}

/* Remembers @file_hash as a file of the run @id */
static gboolean
add_run_file (KjStore     *self,
              const char  *id,
              const char  *file_hash,
              GError     **error)
{
  sqlite3_stmt *stmt;

  if (file_hash == NULL || file_hash[0] == '\0')
    return TRUE;
  if (!(stmt = _kj_store_get_stmt (self, sql_add_run_file, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, file_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);

  return _kj_store_step_done (self, stmt, error);
}

/* Sets the fingerprint of the run @id, which has none yet */
static gboolean
set_track_hash (KjStore     *self,
                const char  *id,
                const char  *track_hash,
                GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _kj_store_get_stmt (self, sql_set_track_hash, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, track_hash, -1, SQLITE_STATIC);

  return _kj_store_step_done (self, stmt, error);
}

/* Adds the new run of a track inside the caller's transaction: the pair named @gear, the run, its
 * fingerprint and its file */
static gboolean
add_new_track_run (KjStore              *self,
                   KjRun                *run,
                   const KjTrackSource  *source,
                   const char           *gear,
                   GError              **error)
{
  if (gear != NULL && gear[0] != '\0' && run->shoe_id == NULL)
    {
      g_autoptr(GError) local_error = NULL;

      run->shoe_id = _kj_store_shoe_named (self, gear, &local_error);
      if (g_error_matches (local_error, KJ_RECORD_ERROR, KJ_RECORD_ERROR_INVALID))
        g_clear_error (&local_error);
      else if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return prepare_run (self, run, error) && _kj_store_write_run (self, run, error) &&
         set_track_hash (self, run->id, source->track_hash, error) &&
         add_run_file (self, run->id, source->file_hash, error);
}

/* A track found again: the file it came in this time is remembered, and a run of before schema 7 gets
 * the fingerprint of schema 7, so that neither is read again. Only a help for the next import: when it
 * cannot be written the run is still skipped, and the journal is left as it was. */
static void
remember_track (KjStore              *self,
                const char           *id,
                gboolean              untracked,
                const KjTrackSource  *source)
{
  g_autoptr(GError) error = NULL;

  if ((untracked && !set_track_hash (self, id, source->track_hash, &error)) ||
      !add_run_file (self, id, source->file_hash, &error) || !_kj_store_commit (self, &error))
    {
      g_debug ("The run %s was found again, but could not be remembered: %s", id, error->message);
      _kj_store_rollback (self);
    }
}

/**
 * kj_store_add_track_run:
 * @source_hash: the fingerprint of the GPS track it came from (#KjTrack.hash)
 * @gear: (nullable): the shoes another program named for it (Strava's gear):
 *   the pair of that name, added if the journal has none; a name that cannot
 *   be a pair's leaves the run with the default pair
 *
 * Adds a run imported from a GPS file, unless a run of the same track is
 * already in the journal (%KJ_STORE_ERROR_DUPLICATE). The pair and the run
 * are one transaction: a run skipped or refused adds no pair.
 */
gboolean
kj_store_add_track_run (KjStore     *self,
                        KjRun       *run,
                        const char  *source_hash,
                        const char  *gear,
                        GError     **error)
{
  KjTrackSource source = { source_hash, NULL, NULL };

  return kj_store_add_track_run_full (self, run, &source, gear, error);
}

/**
 * kj_store_add_track_run_full:
 * @source: the track's fingerprint, the fingerprint of before schema 7 when
 *   the journal holds runs that have only that (kj_store_has_legacy_runs()),
 *   and the SHA-256 of the file's bytes (each may be %NULL but the first)
 *
 * kj_store_add_track_run() that also remembers the file: a run added, or
 * found in the journal already, gets @source's file hash, by which
 * kj_store_find_run_file() knows the file before it is read.
 */
gboolean
kj_store_add_track_run_full (KjStore              *self,
                             KjRun                *run,
                             const KjTrackSource  *source,
                             const char           *gear,
                             GError              **error)
{
  g_autofree char *known_id = NULL;
  char known_date[11] = "";
  gboolean untracked = FALSE;

  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (run != NULL && source != NULL && source->track_hash != NULL, FALSE);

  if (!_kj_store_begin (self, error))
    return FALSE;

  if (!find_track (self, source, &known_id, known_date, &untracked, error))
    {
      _kj_store_rollback (self);
      return FALSE;
    }

  if (known_id != NULL)
    {
      remember_track (self, known_id, untracked, source);
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_DUPLICATE, _("this run is already in the journal (on %s)"),
                   known_date);
      return FALSE;
    }

  if (!add_new_track_run (self, run, source, gear, error) || !_kj_store_commit (self, error))
    {
      _kj_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * kj_store_find_run_file:
 * @file_hash: the SHA-256 of a file's bytes, as read (before unpacking)
 * @found: (out): whether a run of the journal came from that file
 * @date: (out): the date of that run, or ""
 *
 * Whether the journal knows a run file before it is read.
 */
gboolean
kj_store_find_run_file (KjStore     *self,
                        const char  *file_hash,
                        gboolean    *found,
                        char         date[11],
                        GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (file_hash != NULL && found != NULL, FALSE);

  *found = FALSE;
  date[0] = '\0';
  if (!(stmt = _kj_store_get_stmt (self, sql_run_by_file, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, file_hash, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *found = TRUE;
      g_strlcpy (date, sqlite3_column_text (stmt, 0) ? (const char *) sqlite3_column_text (stmt, 0) : "", 11);
      rc = SQLITE_DONE;
    }
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE || _kj_store_fail (self, rc, error);
}

/**
 * kj_store_has_legacy_runs:
 * @found: (out): whether a run has the fingerprint of a version before schema 7 and none of schema 7
 *
 * While it has, an import computes that fingerprint too, so that no such run is imported twice.
 */
gboolean
kj_store_has_legacy_runs (KjStore   *self,
                          gboolean  *found,
                          GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);

  *found = FALSE;
  if (!(stmt = _kj_store_get_stmt (self, sql_legacy_runs, error)))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *found = sqlite3_column_int (stmt, 0) != 0;
      rc = SQLITE_DONE;
    }
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE || _kj_store_fail (self, rc, error);
}

gboolean
kj_store_delete_run (KjStore     *self,
                     const char  *id,
                     GError     **error)
{
  return _kj_store_delete_record (self, sql_delete_run, id, error);
}
