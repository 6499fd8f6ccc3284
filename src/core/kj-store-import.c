/* kj-store-import.c — the all-or-nothing merge of an imported journal into the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records are matched by id (pairs of shoes too, before the runs that name
 * them; episodes too), in one transaction: a record equal to the
 * stored one is not written, a day entry for a date that holds another id
 * replaces it, and on error nothing is changed.
 *
 * New records, most of an import into a new journal, are written many to a
 * statement (_kj_store_write_rows()), in the order of the file as before.
 */
#define G_LOG_DOMAIN "knee-journal-store"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-store.h"
#include "kj-store-private.h"

/* Every record type starts with its id, so that one index serves them all. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (KjDay, id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (KjTreatment, id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (KjRun, id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (KjShoe, id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (KjEpisode, id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (KjQuestionnaire, id) == 0);

/* "INSERT … VALUES (…), (…), … ON CONFLICT …" with @n rows */
static char *
batch_sql (const KjRowKind *kind,
           guint            n)
{
  GString *sql = g_string_new (kind->insert);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      g_string_append (sql, kind->values);
    }
  g_string_append (sql, kind->conflict);

  return g_string_free (sql, FALSE);
}

/**
 * _kj_store_write_rows:
 * @kind: the table's statement and the binding of a row
 * @rows: (array length=n): what @kind->bind takes
 *
 * Writes @rows in their order inside the caller's transaction, as many
 * statements of one row would, in statements of KJ_STORE_BATCH_ROWS rows.
 */
gboolean
_kj_store_write_rows (KjStore        *self,
                      KjRowKind      *kind,
                      gconstpointer  *rows,
                      guint           n,
                      GError        **error)
{
  g_autofree char *rest_sql = NULL;
  guint done = 0;

  /* the statement's text is the key of the store's prepared statements, so
   * it is made once and kept for the life of the program */
  if (g_once_init_enter (&kind->batch_sql))
    g_once_init_leave (&kind->batch_sql, batch_sql (kind, KJ_STORE_BATCH_ROWS));

  while (done < n)
    {
      guint count = MIN (n - done, KJ_STORE_BATCH_ROWS);
      sqlite3_stmt *stmt = NULL;

      if (count == KJ_STORE_BATCH_ROWS)
        stmt = _kj_store_get_stmt (self, kind->batch_sql, error);
      else
        {
          /* the last rows: a statement of their own, not kept */
          int rc;

          rest_sql = batch_sql (kind, count);
          rc = sqlite3_prepare_v2 (self->db, rest_sql, -1, &stmt, NULL);
          if (rc != SQLITE_OK)
            return _kj_store_fail (self, rc, error);
        }
      if (stmt == NULL)
        return FALSE;

      for (guint i = 0; i < count; i++)
        kind->bind (stmt, 1 + (int) i * kind->n_columns, rows[done + i]);

      if (count == KJ_STORE_BATCH_ROWS)
        {
          if (!_kj_store_step_done (self, stmt, error))
            return FALSE;
        }
      else
        {
          gboolean ok = _kj_store_step_done (self, stmt, error);

          sqlite3_finalize (stmt);
          if (!ok)
            return FALSE;
        }
      done += count;
    }

  return TRUE;
}

static GHashTable *
index_by_id (GPtrArray *records)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < records->len; i++)
    {
      char **id = g_ptr_array_index (records, i);
      g_hash_table_insert (table, *id, id);
    }

  return table;
}

static gboolean
flush_new_days (KjStore    *self,
                GPtrArray  *pending,
                GError    **error)
{
  gboolean ok = _kj_store_write_new_days (self, (const KjDay **) pending->pdata, pending->len, error);

  g_ptr_array_set_size (pending, 0);
  return ok;
}

static gboolean
import_days (KjStore          *self,
             const KjJournal  *journal,
             GPtrArray        *existing,
             KjImportCounts   *counts,
             GError          **error)
{
  g_autoptr(GHashTable) by_id = index_by_id (existing);
  g_autoptr(GHashTable) by_date = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();   /* new days not written yet */

  for (guint i = 0; i < existing->len; i++)
    {
      KjDay *day = g_ptr_array_index (existing, i);
      g_hash_table_insert (by_date, day->date, day);
    }

  for (guint i = 0; i < journal->days->len; i++)
    {
      const KjDay *day = g_ptr_array_index (journal->days, i);
      KjDay *same_date = g_hash_table_lookup (by_date, day->date);
      KjDay *same_id = g_hash_table_lookup (by_id, day->id);

      if (same_id == NULL && (same_date == NULL || same_date == same_id))
        {
          g_ptr_array_add (pending, (gpointer) day);
          counts->added++;
          continue;
        }

      /* whatever comes next is written after the new days before it */
      if (!flush_new_days (self, pending, error))
        return FALSE;

      if (same_date != NULL && same_date != same_id)
        {
          /* the file's entry for this date replaces the journal's */
          if (!_kj_store_remove_day (self, same_date->id, error))
            return FALSE;
          g_hash_table_remove (by_date, same_date->date);
          g_hash_table_remove (by_id, same_date->id);
          counts->replaced++;
        }

      if (same_id != NULL && kj_day_equal (same_id, day))
        {
          counts->unchanged++;
          continue;
        }

      if (same_id != NULL && g_hash_table_lookup (by_date, same_id->date) == same_id)
        g_hash_table_remove (by_date, same_id->date);

      if (!_kj_store_write_day (self, day, same_id == NULL, error))
        return FALSE;

      if (same_id != NULL)
        counts->updated++;
      else
        counts->added++;
    }

  return flush_new_days (self, pending, error);
}

typedef gboolean (*RecordEqualFunc) (gconstpointer a, gconstpointer b);
typedef gboolean (*RecordWriteFunc) (KjStore *self, gconstpointer record, GError **error);

/* The new records of @records from @first on, not written yet */
static gboolean
flush_new_records (KjStore    *self,
                   KjRowKind  *rows,
                   GPtrArray  *records,
                   guint       first,
                   guint      *n_pending,
                   GError    **error)
{
  guint n = *n_pending;

  *n_pending = 0;
  return n == 0 || _kj_store_write_rows (self, rows, (gconstpointer *) &records->pdata[first], n, error);
}

/* @rows: (nullable): for the new records, written many to a statement; each
 * run of new records in the file is written before what follows it */
static gboolean
import_records (KjStore          *self,
                GPtrArray        *records,
                GPtrArray        *existing,
                RecordEqualFunc   equal,
                RecordWriteFunc   write,
                KjRowKind        *rows,
                KjImportCounts   *counts,
                GError          **error)
{
  g_autoptr(GHashTable) by_id = index_by_id (existing);
  guint first_pending = 0, n_pending = 0;

  for (guint i = 0; i < records->len; i++)
    {
      char **record = g_ptr_array_index (records, i);
      gconstpointer old = g_hash_table_lookup (by_id, *record);

      if (old == NULL && rows != NULL)
        {
          if (n_pending++ == 0)
            first_pending = i;
          counts->added++;
          continue;
        }

      if (!flush_new_records (self, rows, records, first_pending, &n_pending, error))
        return FALSE;

      if (old != NULL && equal (old, record))
        {
          counts->unchanged++;
          continue;
        }

      if (!write (self, record, error))
        return FALSE;

      if (old != NULL)
        counts->updated++;
      else
        counts->added++;
    }

  return flush_new_records (self, rows, records, first_pending, &n_pending, error);
}

/* A new journal's episode has nothing set but its side; when the file brings
 * episodes, such an episode that the file does not hold is dropped, so that
 * an export imported into a new journal has its own episodes only. */
static gboolean
drop_blank_episodes (KjStore          *self,
                     const KjJournal  *journal,
                     GPtrArray        *existing,
                     guint            *dropped,
                     GError          **error)
{
  if (journal->episodes == NULL || journal->episodes->len == 0)
    return TRUE;

  for (guint i = 0; i < existing->len; i++)
    {
      const KjEpisode *episode = g_ptr_array_index (existing, i);

      if (episode->name[0] != '\0' || episode->notes[0] != '\0' || kj_episode_get_start (episode) != NULL ||
          kj_episode_is_ended (episode) || episode->review_weeks != 3 ||
          kj_episodes_find (journal->episodes, episode->id) != NULL)
        continue;

      if (!_kj_store_delete_by_id (self, "DELETE FROM episodes WHERE id = ?1", episode->id, error))
        return FALSE;
      (*dropped)++;
    }

  return TRUE;
}

/* Every run's shoe names a pair of the file or of the journal, once the
 * file's pairs are written */
static gboolean
check_run_shoes (KjStore          *self,
                 const KjJournal  *journal,
                 GError          **error)
{
  for (guint i = 0; i < journal->runs->len; i++)
    {
      const KjRun *run = g_ptr_array_index (journal->runs, i);
      gboolean exists;

      if (run->shoe_id == NULL)
        continue;

      if (!_kj_store_shoe_exists (self, run->shoe_id, &exists, error))
        return FALSE;

      if (!exists)
        {
          g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_INVALID,
                       _("runs[%u].shoe_id: “%s” names no pair of shoes in the file or in the journal"),
                       i, run->shoe_id);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
import_journal (KjStore          *self,
                const KjJournal  *journal,
                KjImportStats    *stats,
                GError          **error)
{
  g_autoptr(KjJournal) existing = NULL;
  g_autoptr(KjProfile) older_profile = NULL;
  const KjProfile *profile = journal->profile;
  KjImportStats local_stats = { 0 };
  gboolean changed;
  guint dropped = 0;

  if (!_kj_store_begin (self, error))
    return FALSE;

  if (!(existing = _kj_store_read_all (self, error)))
    goto failed;

  /* a profile without a side (a version-3 file) leaves the episodes to the
   * file's own; one with them (version 1 or 2) sets the first episode's,
   * unless the journal has several: an older file describes the one episode
   * of its day, and the journal knows better */
  if (journal->profile != NULL && journal->profile->affected_side != NULL &&
      existing->episodes != NULL && existing->episodes->len > 1)
    {
      older_profile = kj_profile_copy (journal->profile);
      older_profile->affected_side = NULL;
      profile = older_profile;
    }
  if (profile != NULL && profile->affected_side == NULL)
    {
      existing->profile->affected_side = NULL;
      existing->profile->review_weeks = profile->review_weeks;
      g_clear_pointer (&existing->profile->injury_date, g_free);
      g_clear_pointer (&existing->profile->treatment_start, g_free);
    }

  if (profile != NULL && !kj_profile_equal (profile, existing->profile))
    {
      if (!_kj_store_write_profile (self, profile, error))
        goto failed;
      local_stats.profile_changed = TRUE;
    }

  if (!drop_blank_episodes (self, journal, existing->episodes, &dropped, error) ||
      (journal->episodes != NULL &&
       !import_records (self, journal->episodes, existing->episodes,
                        (RecordEqualFunc) kj_episode_equal, (RecordWriteFunc) _kj_store_write_episode, NULL,
                        &local_stats.episodes, error)) ||
      !import_days (self, journal, existing->days, &local_stats.days, error) ||
      (journal->shoes != NULL &&
       !import_records (self, journal->shoes, existing->shoes,
                        (RecordEqualFunc) kj_shoe_equal, (RecordWriteFunc) _kj_store_write_shoe, NULL,
                        &local_stats.shoes, error)) ||
      !check_run_shoes (self, journal, error) ||
      !import_records (self, journal->treatments, existing->treatments,
                       (RecordEqualFunc) kj_treatment_equal, (RecordWriteFunc) _kj_store_write_treatment,
                       &_kj_store_treatment_rows, &local_stats.treatments, error) ||
      !import_records (self, journal->runs, existing->runs,
                       (RecordEqualFunc) kj_run_equal, (RecordWriteFunc) _kj_store_write_run,
                       &_kj_store_run_rows, &local_stats.runs, error) ||
      (journal->questionnaires != NULL &&
       !import_records (self, journal->questionnaires, existing->questionnaires,
                        (RecordEqualFunc) kj_questionnaire_equal,
                        (RecordWriteFunc) _kj_store_write_questionnaire, NULL,
                        &local_stats.questionnaires, error)))
    goto failed;

  changed = local_stats.profile_changed || dropped > 0 ||
            local_stats.days.added + local_stats.days.updated + local_stats.days.replaced > 0 ||
            local_stats.treatments.added + local_stats.treatments.updated > 0 ||
            local_stats.runs.added + local_stats.runs.updated > 0 ||
            local_stats.shoes.added + local_stats.shoes.updated > 0 ||
            local_stats.episodes.added + local_stats.episodes.updated > 0 ||
            local_stats.questionnaires.added + local_stats.questionnaires.updated > 0;

  if (changed)
    {
      if (!_kj_store_commit (self, error))
        goto failed;
    }
  else
    _kj_store_rollback (self);

  if (stats != NULL)
    *stats = local_stats;

  return TRUE;

failed:
  _kj_store_rollback (self);
  return FALSE;
}

/**
 * kj_store_import:
 * @journal: validated records (see kj_json_parse())
 * @stats: (out) (optional): what was added, updated and left unchanged
 *
 * Merges @journal into the store in one transaction: records are matched by
 * id; a day entry whose date holds another id in the store replaces it. A
 * record equal to the stored one is not written, so importing the same file
 * twice changes nothing. On error nothing is changed.
 */
gboolean
kj_store_import (KjStore          *self,
                 const KjJournal  *journal,
                 KjImportStats    *stats,
                 GError          **error)
{
  int cache_size = 0, temp_store = -1;
  gboolean ok;

  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (journal != NULL, FALSE);

  /* Room for the whole transaction's pages: with SQLite's 2 MB the pages
   * of the ids' indexes, written in no order, went to the log again and
   * again before the commit (a 30-year journal is 11 MB). The cache only
   * grows as far as pages are used; it is given back after. And the
   * statement journal of a statement of many rows (what SQLite keeps to undo
   * one statement) in memory, not in a file in /var/tmp: 270 MB were
   * written there for a 30-year journal. The store has no temporary tables,
   * which a change of temp_store would drop. */
  if (kj_store_query_int (self->db, "PRAGMA cache_size", &cache_size) != SQLITE_OK)
    cache_size = 0;
  if (kj_store_query_int (self->db, "PRAGMA temp_store", &temp_store) != SQLITE_OK)
    temp_store = -1;
  sqlite3_exec (self->db, "PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY", NULL, NULL, NULL);

  ok = import_journal (self, journal, stats, error);

  if (cache_size != 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", cache_size);

      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }
  if (temp_store >= 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA temp_store = %d", temp_store);

      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }

  return ok;
}
