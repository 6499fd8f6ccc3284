/* kj-store-questionnaires.c — the weekly questionnaires: list by date range, save, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A questionnaire is a row of `questionnaires` and one row of
 * `questionnaire_answers` per item: the index of the answer chosen
 * (doc/data-model.md, “Questionnaires”). Rows are read as hostile: a
 * questionnaire with an item missing, an item twice, an item the instrument
 * does not have or an answer out of an item's range is left out and kept as
 * damage, in words; nothing is written when reading.
 */
#define G_LOG_DOMAIN "knee-journal-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "kj-questionnaire.h"
#include "kj-store.h"
#include "kj-store-private.h"

#define SELECT_QUESTIONNAIRES \
  "SELECT q.id, q.date, q.instrument, a.item, a.answer FROM questionnaires q" \
  " LEFT JOIN questionnaire_answers a ON a.questionnaire_id = q.id"
#define QUESTIONNAIRE_ORDER " ORDER BY q.date, q.instrument, q.rowid, a.item, a.rowid"
static const char sql_select_questionnaires[] =
  SELECT_QUESTIONNAIRES " WHERE" KJ_STORE_SQL_DATES ("q.date") QUESTIONNAIRE_ORDER;
/* the same for a whole journal, without the bounds (_kj_store_get_dates_stmt()) */
static const char sql_select_all_questionnaires[] = SELECT_QUESTIONNAIRES QUESTIONNAIRE_ORDER;
static const char sql_delete_same_date[] =
  "DELETE FROM questionnaires WHERE date = ?1 AND instrument = ?2 AND id IS NOT ?3";
static const char sql_upsert_questionnaire[] =
  "INSERT INTO questionnaires (id, date, instrument) VALUES (?1, ?2, ?3)"
  " ON CONFLICT (id) DO UPDATE SET date = excluded.date, instrument = excluded.instrument";
static const char sql_delete_answers[] = "DELETE FROM questionnaire_answers WHERE questionnaire_id = ?1";
static const char sql_insert_answer[] =
  "INSERT INTO questionnaire_answers (questionnaire_id, item, answer) VALUES (?1, ?2, ?3)";
static const char sql_delete_questionnaire[] = "DELETE FROM questionnaires WHERE id = ?1";

/* Writes @q inside the caller's transaction: one questionnaire of an
 * instrument a day, so another one of its date and instrument is replaced */
gboolean
_kj_store_write_questionnaire (KjStore                *self,
                               const KjQuestionnaire  *q,
                               GError                **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _kj_store_get_stmt (self, sql_delete_same_date, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, q->date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, q->instrument->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, q->id, -1, SQLITE_STATIC);
  if (!_kj_store_step_done (self, stmt, error))
    return FALSE;

  if (!(stmt = _kj_store_get_stmt (self, sql_upsert_questionnaire, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, q->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, q->date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, q->instrument->code, -1, SQLITE_STATIC);
  if (!_kj_store_step_done (self, stmt, error))
    return FALSE;

  if (!(stmt = _kj_store_get_stmt (self, sql_delete_answers, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, q->id, -1, SQLITE_STATIC);
  if (!_kj_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < q->n_answers; i++)
    {
      if (!(stmt = _kj_store_get_stmt (self, sql_insert_answer, error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, q->id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_int (stmt, 3, q->answers[i]);
      if (!_kj_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The answer of one answer row, checked against its item */
static void
read_answer (KjRowReader      *row,
             KjQuestionnaire  *q,
             gboolean          seen[KJ_QUESTIONNAIRE_MAX_ITEMS])
{
  g_autofree char *field = NULL;
  g_autoptr(GError) invalid = NULL;
  gint64 item, answer;

  if (sqlite3_column_type (row->stmt, 3) != SQLITE_INTEGER)
    {
      _kj_store_row_fail (row, _("answers: item “%s” is not the number of an item"),
                          (const char *) sqlite3_column_text (row->stmt, 3));
      return;
    }

  item = sqlite3_column_int64 (row->stmt, 3);
  if (item < 0 || item >= q->instrument->n_items)
    {
      /* Translators: “answers: item 14 is not an item of kujala (1–13)”; items counted from 1 */
      _kj_store_row_fail (row, _("answers: item %lld is not an item of %s (1–%u)"),
                          (long long) item + 1, q->instrument->code, q->instrument->n_items);
      return;
    }

  if (seen[item])
    {
      _kj_store_row_fail (row, _("answers: item %lld is answered twice"), (long long) item + 1);
      return;
    }
  seen[item] = TRUE;

  field = g_strdup_printf ("answers[%lld]", (long long) item);
  if (sqlite3_column_type (row->stmt, 4) != SQLITE_INTEGER)
    {
      _kj_store_row_fail (row, _("%s: expected a whole number, found “%s”"), field,
                          (const char *) sqlite3_column_text (row->stmt, 4));
      return;
    }

  answer = sqlite3_column_int64 (row->stmt, 4);
  if (!kj_questionnaire_check_answer (q->instrument, (guint) item, answer, field, &invalid))
    {
      _kj_store_row_fail (row, "%s", invalid->message);
      return;
    }

  q->answers[item] = (int) answer;
}

/**
 * kj_store_list_questionnaires:
 * @from: (nullable): the first date, or %NULL
 * @to: (nullable): the last date, or %NULL
 *
 * The questionnaires of a range of dates, by date. One that fails validation
 * (an item missing or twice, an answer out of range, an unknown instrument) is
 * left out and kept as damage (kj_store_get_damage()).
 *
 * Returns: (transfer container) (element-type KjQuestionnaire): the
 *   questionnaires, or %NULL with @error set
 */
GPtrArray *
kj_store_list_questionnaires (KjStore     *self,
                              const char  *from,
                              const char  *to,
                              GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_questionnaire_free);
  g_autoptr(KjQuestionnaire) q = NULL;
  gboolean seen[KJ_QUESTIONNAIRE_MAX_ITEMS] = { FALSE };
  KjRowReader row = { NULL, NULL };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);

  if (!(stmt = _kj_store_get_dates_stmt (self, sql_select_questionnaires, sql_select_all_questionnaires, from, to,
                                         error)))
    return NULL;
  row.stmt = stmt;

  for (;;)
    {
      const char *id;

      rc = sqlite3_step (stmt);
      id = rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0) : NULL;

      /* the questionnaire read so far is complete when the next row is another one's */
      if (q != NULL && (rc != SQLITE_ROW || g_strcmp0 (id, q->id) != 0))
        {
          g_autoptr(GError) invalid = NULL;

          for (guint i = 0; row.error == NULL && q->instrument != NULL && i < q->instrument->n_items; i++)
            if (!seen[i])
              /* Translators: “answers: item 13 has no answer”; items counted from 1 */
              _kj_store_row_fail (&row, _("answers: item %u has no answer"), i + 1);
          if (row.error == NULL)
            kj_questionnaire_validate (q, &invalid);
          if (_kj_store_row_check (self, &row, "questionnaire", q->date, q->id, invalid))
            g_ptr_array_add (list, g_steal_pointer (&q));
          g_clear_pointer (&q, kj_questionnaire_free);
        }

      if (rc != SQLITE_ROW)
        break;

      if (q == NULL)
        {
          const char *code;

          q = kj_questionnaire_new (NULL, NULL);
          memset (seen, 0, sizeof seen);
          q->id = _kj_store_row_text (&row, 0, "id");
          _kj_store_row_date (&row, 1, "date", q->date);
          code = sqlite3_column_type (stmt, 2) == SQLITE_TEXT ? (const char *) sqlite3_column_text (stmt, 2) : NULL;
          if ((q->instrument = kj_instrument_lookup (code)) == NULL)
            _kj_store_row_fail (&row, _("instrument: “%s” is not a known value"), code ? code : "");
          else
            q->n_answers = q->instrument->n_items;
          if (q->id == NULL)
            q->id = g_strdup ("");
        }

      if (row.error == NULL && sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        read_answer (&row, q, seen);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _kj_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

/**
 * kj_store_save_questionnaire:
 * @questionnaire: given an id when it has none
 *
 * Adds or updates a whole questionnaire in one transaction; one of the same
 * instrument on the same date is replaced. An incomplete questionnaire or an
 * answer out of range is refused in words, and nothing is written.
 */
gboolean
kj_store_save_questionnaire (KjStore          *self,
                             KjQuestionnaire  *questionnaire,
                             GError          **error)
{
  g_autoptr(GError) invalid = NULL;

  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (questionnaire != NULL, FALSE);

  if (questionnaire->id == NULL)
    questionnaire->id = g_uuid_string_random ();

  if (!kj_questionnaire_validate (questionnaire, &invalid))
    {
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_INVALID, "%s", invalid->message);
      return FALSE;
    }

  if (!_kj_store_begin (self, error))
    return FALSE;

  if (!_kj_store_write_questionnaire (self, questionnaire, error) || !_kj_store_commit (self, error))
    {
      _kj_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * kj_store_delete_questionnaire:
 *
 * Deletes the questionnaire @id and its answers.
 */
gboolean
kj_store_delete_questionnaire (KjStore     *self,
                               const char  *id,
                               GError     **error)
{
  return _kj_store_delete_record (self, sql_delete_questionnaire, id, error);
}
