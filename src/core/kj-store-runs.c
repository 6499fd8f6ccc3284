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
static const char sql_select_runs[] =
  "SELECT r.id, r.date, r.distance_km, r.duration_s, r.descent_m, r.pain_during, r.pain_after, r.stopped_early,"
  " r.notes, s.id"
  " FROM runs r LEFT JOIN shoes s ON s.id = r.shoe_id"
  " WHERE (?1 IS NULL OR r.date >= ?1) AND (?2 IS NULL OR r.date <= ?2) ORDER BY r.date, r.rowid";
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
static const char sql_run_by_hash[] = "SELECT date FROM runs WHERE source_hash = ?1";
static const char sql_set_run_hash[] = "UPDATE runs SET source_hash = ?2 WHERE id = ?1";

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

  if (!(stmt = _kj_store_get_range_stmt (self, sql_select_runs, from, to, error)))
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

/**
 * kj_store_add_track_run:
 * @source_hash: the SHA-256 of the GPS track it came from
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
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (run != NULL && source_hash != NULL, FALSE);

  if (!_kj_store_begin (self, error))
    return FALSE;

  if (!(stmt = _kj_store_get_stmt (self, sql_run_by_hash, error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, source_hash, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_DUPLICATE,
                   _("this run is already in the journal (on %s)"), (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      goto failed;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _kj_store_fail (self, rc, error);
      goto failed;
    }

  if (gear != NULL && gear[0] != '\0' && run->shoe_id == NULL)
    {
      g_autoptr(GError) local_error = NULL;

      run->shoe_id = _kj_store_shoe_named (self, gear, &local_error);
      if (g_error_matches (local_error, KJ_RECORD_ERROR, KJ_RECORD_ERROR_INVALID))
        g_clear_error (&local_error);
      else if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto failed;
        }
    }

  if (!prepare_run (self, run, error))
    goto failed;

  if (!_kj_store_write_run (self, run, error) || !(stmt = _kj_store_get_stmt (self, sql_set_run_hash, error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, run->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, source_hash, -1, SQLITE_STATIC);
  if (!_kj_store_step_done (self, stmt, error) || !_kj_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  _kj_store_rollback (self);
  return FALSE;
}

gboolean
kj_store_delete_run (KjStore     *self,
                     const char  *id,
                     GError     **error)
{
  return _kj_store_delete_record (self, sql_delete_run, id, error);
}
