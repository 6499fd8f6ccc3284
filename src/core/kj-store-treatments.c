/* kj-store-treatments.c — treatments in the journal: list, save, the last of a kind, the last medicines, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of a treatment are in doc/data-model.md, “Treatment”.
 */
#define G_LOG_DOMAIN "knee-journal-store"

#include "config.h"

#include <sqlite3.h>

#include "kj-store.h"
#include "kj-store-private.h"

#define SELECT_TREATMENTS \
  "SELECT id, date, kind, minutes, drug, dose_mg, exercise, sets, reps, notes, time FROM treatments"
static const char sql_select_treatments[] =
  SELECT_TREATMENTS " WHERE" KJ_STORE_SQL_DATES ("date") " ORDER BY date, rowid";
static const char sql_select_all_treatments[] = SELECT_TREATMENTS " ORDER BY date, rowid";
#define TREATMENT_INSERT \
  "INSERT INTO treatments (id, date, kind, minutes, drug, dose_mg, exercise, sets, reps, notes, time) VALUES "
#define TREATMENT_VALUES "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define TREATMENT_CONFLICT \
  " ON CONFLICT (id) DO UPDATE SET date = excluded.date, kind = excluded.kind, minutes = excluded.minutes," \
  " drug = excluded.drug, dose_mg = excluded.dose_mg, exercise = excluded.exercise, sets = excluded.sets," \
  " reps = excluded.reps, notes = excluded.notes, time = excluded.time"
static const char sql_upsert_treatment[] = TREATMENT_INSERT TREATMENT_VALUES TREATMENT_CONFLICT;
static const char sql_delete_treatment[] = "DELETE FROM treatments WHERE id = ?1";
static const char sql_last_treatment[] =
  "SELECT id, date, kind, minutes, drug, dose_mg, exercise, sets, reps, notes, time FROM treatments"
  " WHERE (kind = ?1 OR kind = ?2) AND date <= ?3 ORDER BY date DESC, rowid DESC LIMIT 1";
/* the latest dose of each drug, the latest drugs first */
/* newest first, along the date's index: the first row of each drug is its
 * latest dose, and the reading stops at the n-th drug */
static const char sql_last_medicines[] =
  "SELECT id, date, kind, minutes, drug, dose_mg, exercise, sets, reps, notes, time FROM treatments"
  " WHERE kind = 'medication' AND date <= ?1 ORDER BY date DESC, rowid DESC";

static KjTreatment *
treatment_from_row (KjStore      *self,
                    sqlite3_stmt *stmt)
{
  g_autoptr(KjTreatment) t = kj_treatment_new (NULL, NULL);
  g_autoptr(GError) invalid = NULL;
  KjRowReader row = { stmt, NULL };

  t->id = _kj_store_row_text (&row, 0, "id");
  _kj_store_row_date (&row, 1, "date", t->date);
  t->kind = _kj_store_row_code (&row, 2, KJ_CODE_TREATMENT_KIND, "kind");
  t->minutes = _kj_store_row_int (&row, 3, "minutes");
  t->drug = _kj_store_row_code (&row, 4, KJ_CODE_DRUG, "drug");
  t->dose_mg = _kj_store_row_int (&row, 5, "dose_mg");
  t->exercise = _kj_store_row_code (&row, 6, KJ_CODE_EXERCISE, "exercise");
  t->sets = _kj_store_row_int (&row, 7, "sets");
  t->reps = _kj_store_row_int (&row, 8, "reps");
  g_free (t->notes);
  t->notes = _kj_store_row_text (&row, 9, "notes");
  _kj_store_row_time (&row, 10, "time", t->time);

  if (row.error == NULL)
    kj_treatment_validate (t, &invalid);

  if (!_kj_store_row_check (self, &row, "treatment", t->date, t->id, invalid))
    return NULL;

  return g_steal_pointer (&t);
}

/* Hands each valid treatment from @from to @to (either %NULL), by date, to
 * @func, which takes it; a row that fails is left out and reported */
gboolean
_kj_store_each_treatment (KjStore               *self,
                          const char            *from,
                          const char            *to,
                          KjStoreTreatmentFunc   func,
                          gpointer               user_data,
                          GError               **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  if (!(stmt = _kj_store_get_dates_stmt (self, sql_select_treatments, sql_select_all_treatments, from, to, error)))
    return FALSE;

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KjTreatment *t = treatment_from_row (self, stmt);

      if (t != NULL)
        ok = func (t, user_data, error);
    }

  sqlite3_reset (stmt);

  if (!ok)
    return FALSE;

  if (rc != SQLITE_DONE)
    return _kj_store_fail (self, rc, error);

  return TRUE;
}

static gboolean
add_treatment (KjTreatment  *t,
               gpointer      user_data,
               GError      **error G_GNUC_UNUSED)
{
  g_ptr_array_add (user_data, t);
  return TRUE;
}

GPtrArray *
kj_store_list_treatments (KjStore     *self,
                          const char  *from,
                          const char  *to,
                          GError     **error)
{
  g_autoptr(GPtrArray) treatments = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_treatment_free);

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);

  if (!_kj_store_each_treatment (self, from, to, add_treatment, treatments, error))
    return NULL;

  return g_steal_pointer (&treatments);
}

/* The columns of TREATMENT_VALUES from @first on */
static void
bind_treatment (sqlite3_stmt  *stmt,
                int            first,
                gconstpointer  row)
{
  const KjTreatment *t = row;

  sqlite3_bind_text (stmt, first, t->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 1, t->date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 2, t->kind, -1, SQLITE_STATIC);
  _kj_store_bind_int_or_null (stmt, first + 3, t->minutes);
  _kj_store_bind_text_or_null (stmt, first + 4, t->drug);
  _kj_store_bind_int_or_null (stmt, first + 5, t->dose_mg);
  _kj_store_bind_text_or_null (stmt, first + 6, t->exercise);
  _kj_store_bind_int_or_null (stmt, first + 7, t->sets);
  _kj_store_bind_int_or_null (stmt, first + 8, t->reps);
  sqlite3_bind_text (stmt, first + 9, t->notes ? t->notes : "", -1, SQLITE_STATIC);
  _kj_store_bind_text_or_null (stmt, first + 10, t->time[0] != '\0' ? t->time : NULL);
}

/* An import's new treatments, many to a statement (kj-store-import.c) */
KjRowKind _kj_store_treatment_rows = {
  TREATMENT_INSERT, TREATMENT_VALUES, TREATMENT_CONFLICT, bind_treatment, 11, NULL
};


/* Writes @t inside the caller's transaction */
gboolean
_kj_store_write_treatment (KjStore            *self,
                           const KjTreatment  *t,
                           GError            **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _kj_store_get_stmt (self, sql_upsert_treatment, error)))
    return FALSE;

  bind_treatment (stmt, 1, t);
  return _kj_store_step_done (self, stmt, error);
}

/* Deletes the treatment @id inside the caller's transaction; none is no error */
gboolean
_kj_store_remove_treatment (KjStore     *self,
                            const char  *id,
                            GError     **error)
{
  return _kj_store_delete_by_id (self, sql_delete_treatment, id, error);
}

gboolean
kj_store_save_treatment (KjStore      *self,
                         KjTreatment  *treatment,
                         GError      **error)
{
  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (treatment != NULL, FALSE);

  if (treatment->id == NULL)
    treatment->id = g_uuid_string_random ();

  if (!kj_treatment_validate (treatment, error) || !_kj_store_begin (self, error))
    return FALSE;

  if (!_kj_store_write_treatment (self, treatment, error) || !_kj_store_commit (self, error))
    {
      _kj_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * kj_store_get_last_treatment:
 * @other_kind: (nullable): a second kind that also counts
 *
 * The most recent treatment of @kind (or @other_kind) on or before
 * @on_or_before, for the quick buttons of the Today page.
 *
 * Returns: (transfer full) (nullable): the treatment, or %NULL when there is none
 */
KjTreatment *
kj_store_get_last_treatment (KjStore     *self,
                             const char  *kind,
                             const char  *other_kind,
                             const char  *on_or_before,
                             GError     **error)
{
  KjTreatment *t = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);
  g_return_val_if_fail (kind != NULL && on_or_before != NULL, NULL);

  if (!(stmt = _kj_store_get_stmt (self, sql_last_treatment, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, other_kind ? other_kind : kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, on_or_before, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    t = treatment_from_row (self, stmt);
  else if (rc != SQLITE_DONE)
    _kj_store_fail (self, rc, error);
  sqlite3_reset (stmt);

  return t;
}

/**
 * kj_store_list_last_medicines:
 * @n: how many drugs at most
 *
 * The last @n different drugs taken on or before @on_or_before, the most
 * recent first, each as its latest dose (drug, dose and all), for the
 * Today page's quick buttons (doc/data-model.md, “Routine treatments”).
 *
 * Returns: (transfer full) (element-type KjTreatment) (nullable): the doses,
 *   or %NULL on an error
 */
GPtrArray *
kj_store_list_last_medicines (KjStore     *self,
                              const char  *on_or_before,
                              guint        n,
                              GError     **error)
{
  g_autoptr(GPtrArray) doses = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_treatment_free);
  g_autoptr(GHashTable) drugs = NULL;
  gboolean no_drug = FALSE;
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);
  g_return_val_if_fail (on_or_before != NULL, NULL);

  if (!(stmt = _kj_store_get_stmt (self, sql_last_medicines, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, on_or_before, -1, SQLITE_STATIC);

  /* a drug is counted as read, before the row is checked: a damaged latest
   * dose leaves its drug out, not an older dose in its place. A drug is all
   * its bytes, as SQL compares them (a damaged 'ibuprofen' and a NUL is
   * another drug than ibuprofen), and no drug is one of its own, as NULLs
   * are one group in SQL. */
  drugs = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref, NULL);
  while (g_hash_table_size (drugs) + no_drug < n && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const void *drug = sqlite3_column_blob (stmt, 4);
      KjTreatment *t;

      if (drug == NULL && sqlite3_column_type (stmt, 4) == SQLITE_NULL)
        {
          if (no_drug)
            continue;
          no_drug = TRUE;
        }
      else
        {
          g_autoptr(GBytes) key = g_bytes_new (drug, (gsize) sqlite3_column_bytes (stmt, 4));

          if (g_hash_table_contains (drugs, key))
            continue;
          g_hash_table_add (drugs, g_steal_pointer (&key));
        }

      if ((t = treatment_from_row (self, stmt)) != NULL)
        g_ptr_array_add (doses, t);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _kj_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&doses);
}

gboolean
kj_store_delete_treatment (KjStore     *self,
                           const char  *id,
                           GError     **error)
{
  return _kj_store_delete_record (self, sql_delete_treatment, id, error);
}
