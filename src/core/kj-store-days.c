/* kj-store-days.c — day entries in the journal: list, get, save, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of a day entry are in doc/data-model.md, “Day entry”.
 */
#define G_LOG_DOMAIN "knee-journal-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "kj-store.h"
#include "kj-store-private.h"

/* The days and their child rows in the same order (date, then the day's
 * rowid), so that each day's children are read beside it by a merge of the
 * four statements: one query a table, and no day kept once it is handed on.
 * The child rows of a day come in the order of their table's index (the
 * UNIQUE one that starts with day_id), which SQLite reads without sorting;
 * they are put back in the order they were written (their rowid) here: an
 * ORDER BY on the child's rowid had SQLite sort every row of the table in a
 * temporary B-tree, a quarter of reading the days. */
#define SELECT_DAYS "SELECT id, date, pain, pain_worst, notes, rowid FROM days"
#define SELECT_CHILDREN(columns, table) \
  "SELECT d.rowid, c.rowid, " columns " FROM days d JOIN " table " c ON c.day_id = d.id"
#define DAY_DATES " WHERE" KJ_STORE_SQL_DATES ("d.date")
static const char sql_select_days[] = SELECT_DAYS " WHERE" KJ_STORE_SQL_DATES ("date") " ORDER BY date, rowid";
static const char sql_select_locations[] =
  SELECT_CHILDREN ("c.side, c.region", "day_locations") DAY_DATES " ORDER BY d.date, d.rowid";
static const char sql_select_symptoms[] =
  SELECT_CHILDREN ("c.symptom", "day_symptoms") DAY_DATES " ORDER BY d.date, d.rowid";
static const char sql_select_aggravators[] =
  SELECT_CHILDREN ("c.aggravator", "day_aggravators") DAY_DATES " ORDER BY d.date, d.rowid";
/* the same for a whole journal, without the bounds (_kj_store_get_dates_stmt()) */
static const char sql_select_all_days[] = SELECT_DAYS " ORDER BY date, rowid";
static const char sql_select_all_locations[] =
  SELECT_CHILDREN ("c.side, c.region", "day_locations") " ORDER BY d.date, d.rowid";
static const char sql_select_all_symptoms[] =
  SELECT_CHILDREN ("c.symptom", "day_symptoms") " ORDER BY d.date, d.rowid";
static const char sql_select_all_aggravators[] =
  SELECT_CHILDREN ("c.aggravator", "day_aggravators") " ORDER BY d.date, d.rowid";
/* A whole journal's rows of a child table read the other way round, from
 * the table, each row's day looked up and the rows sorted: the join above
 * searches the child's index once a day, even for the days without a row (a
 * symptom on one day in twenty), where this costs a search and a sort a row.
 * For a child table with fewer rows than a quarter of the days (counted
 * first); the result is the same. */
#define FEW_CHILDREN(columns, table) \
  "SELECT d.rowid, c.rowid, " columns " FROM " table " c CROSS JOIN days d ON d.id = c.day_id" \
  " ORDER BY d.date, d.rowid, c.rowid"
static const char sql_select_few_locations[] = FEW_CHILDREN ("c.side, c.region", "day_locations");
static const char sql_select_few_symptoms[] = FEW_CHILDREN ("c.symptom", "day_symptoms");
static const char sql_select_few_aggravators[] = FEW_CHILDREN ("c.aggravator", "day_aggravators");
static const char sql_count_children[] =
  "SELECT (SELECT count(*) FROM days), (SELECT count(*) FROM day_locations), (SELECT count(*) FROM day_symptoms),"
  " (SELECT count(*) FROM day_aggravators)";
#define DAY_INSERT "INSERT INTO days (id, date, pain, pain_worst, notes) VALUES "
#define DAY_VALUES "(?, ?, ?, ?, ?)"
#define DAY_CONFLICT \
  " ON CONFLICT (id) DO UPDATE SET date = excluded.date, pain = excluded.pain," \
  " pain_worst = excluded.pain_worst, notes = excluded.notes"
static const char sql_upsert_day[] = DAY_INSERT DAY_VALUES DAY_CONFLICT;
static const char sql_delete_locations[] = "DELETE FROM day_locations WHERE day_id = ?1";
static const char sql_delete_symptoms[] = "DELETE FROM day_symptoms WHERE day_id = ?1";
static const char sql_delete_aggravators[] = "DELETE FROM day_aggravators WHERE day_id = ?1";
#define LOCATION_INSERT "INSERT INTO day_locations (day_id, side, region) VALUES "
#define SYMPTOM_INSERT "INSERT INTO day_symptoms (day_id, symptom) VALUES "
#define AGGRAVATOR_INSERT "INSERT INTO day_aggravators (day_id, aggravator) VALUES "
static const char sql_insert_location[] = LOCATION_INSERT "(?1, ?2, ?3)";
static const char sql_insert_symptom[] = SYMPTOM_INSERT "(?1, ?2)";
static const char sql_insert_aggravator[] = AGGRAVATOR_INSERT "(?1, ?2)";
static const char sql_day_id_by_date[] = "SELECT id FROM days WHERE date = ?1";
static const char sql_delete_day[] = "DELETE FROM days WHERE id = ?1";

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* A valid child row of the day being read: its rowid, and its code (a
 * symptom, an aggravator) or side and region (a location) */
typedef struct
{
  gint64      rowid;
  const char *code;
  const char *region;
} ReadChild;

/* The child tables, in the order their rows are added to a day */
typedef enum
{
  CHILD_LOCATIONS,
  CHILD_SYMPTOMS,
  CHILD_AGGRAVATORS,
  N_CHILDREN,
} ChildKind;

/* One child table read beside the days: which, its statement, whether it
 * has a row waiting (the first that belongs to a later day), and the valid
 * rows of the day being read, to be put in order */
typedef struct
{
  ChildKind     kind;
  sqlite3_stmt *stmt;
  int           rc;
  GArray       *rows;
} ChildCursor;

/* The statement of each child table: the join from the days in the range,
 * or for a whole journal, the join without bounds or the rows read from a
 * child table that has few (a statement without parameters, then) */
static void
choose_child_sql (KjStore     *self,
                  const char  *from,
                  const char  *to,
                  const char  *sql[N_CHILDREN])
{
  static const char * const ranged[N_CHILDREN] = {
    sql_select_locations, sql_select_symptoms, sql_select_aggravators,
  };
  static const char * const all[N_CHILDREN] = {
    sql_select_all_locations, sql_select_all_symptoms, sql_select_all_aggravators,
  };
  static const char * const few[N_CHILDREN] = {
    sql_select_few_locations, sql_select_few_symptoms, sql_select_few_aggravators,
  };
  sqlite3_stmt *stmt;

  for (guint i = 0; i < N_CHILDREN; i++)
    sql[i] = from == NULL && to == NULL ? all[i] : ranged[i];

  /* a failure here is the reading's to report: the joins are read then */
  if (from != NULL || to != NULL || !(stmt = _kj_store_get_stmt (self, sql_count_children, NULL)))
    return;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    for (guint i = 0; i < N_CHILDREN; i++)
      if (sqlite3_column_int64 (stmt, i + 1) * 4 < sqlite3_column_int64 (stmt, 0))
        sql[i] = few[i];
  sqlite3_reset (stmt);
}

static gboolean
child_cursor_start (KjStore      *self,
                    ChildCursor  *cursor,
                    ChildKind     kind,
                    const char   *sql,
                    const char   *from,
                    const char   *to,
                    GError      **error)
{
  cursor->kind = kind;
  cursor->rows = NULL;
  if (from == NULL && to == NULL)
    cursor->stmt = _kj_store_get_stmt (self, sql, error);
  else
    cursor->stmt = _kj_store_get_range_stmt (self, sql, from, to, error);
  if (cursor->stmt == NULL)
    return FALSE;
  cursor->rows = g_array_sized_new (FALSE, FALSE, sizeof (ReadChild), 16);
  cursor->rc = sqlite3_step (cursor->stmt);
  return TRUE;
}

static void
child_cursor_stop (ChildCursor *cursor)
{
  sqlite3_reset (cursor->stmt);
  g_clear_pointer (&cursor->rows, g_array_unref);
}

/* By rowid: the few rows of a day, nearly always in order already */
static void
sort_child_rows (GArray *rows)
{
  ReadChild *row = (ReadChild *) (gpointer) rows->data;

  for (guint i = 1; i < rows->len; i++)
    {
      ReadChild key = row[i];
      guint j = i;

      for (; j > 0 && row[j - 1].rowid > key.rowid; j--)
        row[j] = row[j - 1];
      row[j] = key;
    }
}

/* Adds @cursor's rows of the day with @rowid to @day, in the order they were
 * written; FALSE when a row fails (the day is damaged; the rest of its rows
 * are still passed over) */
static gboolean
child_cursor_read (KjStore      *self,
                   ChildCursor  *cursor,
                   gint64        rowid,
                   KjDay        *day)
{
  gboolean good = TRUE;

  g_array_set_size (cursor->rows, 0);
  for (; cursor->rc == SQLITE_ROW && sqlite3_column_int64 (cursor->stmt, 0) == rowid;
       cursor->rc = sqlite3_step (cursor->stmt))
    {
      KjRowReader row = { cursor->stmt, NULL };
      ReadChild child = { sqlite3_column_int64 (cursor->stmt, 1), NULL, NULL };

      if (cursor->kind == CHILD_LOCATIONS)
        {
          child.code = _kj_store_row_code (&row, 2, KJ_CODE_SIDE, "locations.side");
          child.region = _kj_store_row_code (&row, 3, KJ_CODE_REGION, "locations.region");
        }
      else if (cursor->kind == CHILD_SYMPTOMS)
        child.code = _kj_store_row_code (&row, 2, KJ_CODE_SYMPTOM, "symptoms");
      else
        child.code = _kj_store_row_code (&row, 2, KJ_CODE_AGGRAVATOR, "aggravators");

      if (row.error == NULL)
        g_array_append_val (cursor->rows, child);
      if (!_kj_store_row_check (self, &row, "day", day->date, day->id, NULL))
        good = FALSE;
    }

  sort_child_rows (cursor->rows);
  for (guint i = 0; i < cursor->rows->len; i++)
    {
      const ReadChild *child = &g_array_index (cursor->rows, ReadChild, i);

      if (cursor->kind == CHILD_LOCATIONS)
        {
          KjLocation loc = { child->code, child->region };

          g_array_append_val (day->locations, loc);
        }
      else
        g_ptr_array_add (cursor->kind == CHILD_SYMPTOMS ? day->symptoms : day->aggravators,
                         (gpointer) child->code);
    }

  return good;
}

/* Reads the day entries from @from to @to (either %NULL for no limit), by
 * date, each with its locations, symptoms and aggravators, and hands each
 * valid one to @func, which takes it. Every row is validated as an import
 * would be; a day entry that fails is left out, reported by
 * kj_store_get_damage() and kept in damaged_days. Four queries, whatever the
 * number of days. */
gboolean
_kj_store_each_day (KjStore     *self,
                    const char  *from,
                    const char  *to,
                    KjStoreDayFunc func,
                    gpointer     user_data,
                    GError     **error)
{
  ChildCursor children[N_CHILDREN];
  const char *child_sql[N_CHILDREN];
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  choose_child_sql (self, from, to, child_sql);
  if (!(stmt = _kj_store_get_dates_stmt (self, sql_select_days, sql_select_all_days, from, to, error)))
    return FALSE;

  /* each statement is a cursor of its own: stepping one does not reset the others */
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    if (!child_cursor_start (self, &children[i], i, child_sql[i], from, to, error))
      {
        for (guint j = 0; j < i; j++)
          child_cursor_stop (&children[j]);
        sqlite3_reset (stmt);
        return FALSE;
      }

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(KjDay) day = kj_day_new (NULL);
      g_autoptr(GError) invalid = NULL;
      KjRowReader row = { stmt, NULL };
      gint64 rowid = sqlite3_column_int64 (stmt, 5);
      gboolean good;

      day->id = _kj_store_row_text (&row, 0, "id");
      _kj_store_row_date (&row, 1, "date", day->date);
      day->pain = _kj_store_row_int (&row, 2, "pain");
      if (day->pain == KJ_UNSET)
        _kj_store_row_fail (&row, _("%s: a value is required"), "pain");
      day->pain_worst = _kj_store_row_int (&row, 3, "pain_worst");
      g_free (day->notes);
      day->notes = _kj_store_row_text (&row, 4, "notes");

      good = _kj_store_row_check (self, &row, "day", day->date, day->id, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (children); i++)
        good = child_cursor_read (self, &children[i], rowid, day) && good;

      /* the whole entry, as an import would see it */
      if (good && !kj_day_validate (day, &invalid))
        {
          KjRowReader none = { NULL, NULL };

          good = _kj_store_row_check (self, &none, "day", day->date, day->id, invalid);
        }

      if (!good)
        {
          if (day->id != NULL)
            g_hash_table_add (self->damaged_days, g_strdup (day->id));
          continue;
        }

      ok = func (g_steal_pointer (&day), user_data, error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      if (ok && rc == SQLITE_DONE && children[i].rc != SQLITE_ROW && children[i].rc != SQLITE_DONE)
        rc = children[i].rc;
      child_cursor_stop (&children[i]);
    }
  sqlite3_reset (stmt);

  if (!ok)
    return FALSE;

  if (rc != SQLITE_DONE)
    return _kj_store_fail (self, rc, error);

  return TRUE;
}

static gboolean
add_day (KjDay     *day,
         gpointer   user_data,
         GError   **error G_GNUC_UNUSED)
{
  g_ptr_array_add (user_data, day);
  return TRUE;
}

/**
 * kj_store_list_days:
 * @from: (nullable): first date, inclusive
 * @to: (nullable): last date, inclusive
 *
 * Every row is validated as an import would be; a day entry that fails is
 * left out and reported by kj_store_get_damage().
 *
 * Returns: (transfer container): the day entries in the range, by date
 */
GPtrArray *
kj_store_list_days (KjStore     *self,
                    const char  *from,
                    const char  *to,
                    GError     **error)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_day_free);

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);

  if (!_kj_store_each_day (self, from, to, add_day, days, error))
    return NULL;

  return g_steal_pointer (&days);
}

/**
 * kj_store_get_day:
 *
 * Returns: (transfer full) (nullable): the entry of @date; %NULL without an
 *   error when there is none
 */
KjDay *
kj_store_get_day (KjStore     *self,
                  const char  *date,
                  GError     **error)
{
  g_autoptr(GPtrArray) days = NULL;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  if (!(days = kj_store_list_days (self, date, date, error)) || days->len == 0)
    return NULL;

  return g_ptr_array_steal_index (days, 0);
}

/* The columns of DAY_VALUES from @first on */
static void
bind_day (sqlite3_stmt  *stmt,
          int            first,
          gconstpointer  row)
{
  const KjDay *day = row;

  sqlite3_bind_text (stmt, first, day->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 1, day->date, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, first + 2, day->pain);
  _kj_store_bind_int_or_null (stmt, first + 3, day->pain_worst);
  sqlite3_bind_text (stmt, first + 4, day->notes ? day->notes : "", -1, SQLITE_STATIC);
}

/* A child row of a day: (day_id, code) or (day_id, side, region) */
typedef struct
{
  const char *day_id;
  const char *code;
  const char *region;
} ChildRow;

static void
bind_child (sqlite3_stmt  *stmt,
            int            first,
            gconstpointer  row)
{
  const ChildRow *child = row;

  sqlite3_bind_text (stmt, first, child->day_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 1, child->code, -1, SQLITE_STATIC);
  if (child->region != NULL)
    sqlite3_bind_text (stmt, first + 2, child->region, -1, SQLITE_STATIC);
}

static KjRowKind day_rows = { DAY_INSERT, DAY_VALUES, DAY_CONFLICT, bind_day, 5, NULL };
static KjRowKind location_rows = { LOCATION_INSERT, "(?, ?, ?)", "", bind_child, 3, NULL };
static KjRowKind symptom_rows = { SYMPTOM_INSERT, "(?, ?)", "", bind_child, 2, NULL };
static KjRowKind aggravator_rows = { AGGRAVATOR_INSERT, "(?, ?)", "", bind_child, 2, NULL };

/* The child rows of @days in @kind's table, in the order
 * _kj_store_write_day() writes them */
static gboolean
write_new_children (KjStore      *self,
                    KjRowKind    *kind,
                    const KjDay **days,
                    guint         n,
                    GError      **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (ChildRow));
  g_autofree gconstpointer *pointers = NULL;

  for (guint i = 0; i < n; i++)
    {
      const KjDay *day = days[i];

      if (kind == &location_rows)
        for (guint k = 0; k < day->locations->len; k++)
          {
            const KjLocation *loc = &g_array_index (day->locations, KjLocation, k);
            ChildRow row = { day->id, loc->side, loc->region };

            g_array_append_val (rows, row);
          }
      else
        {
          GPtrArray *codes = kind == &symptom_rows ? day->symptoms : day->aggravators;

          for (guint k = 0; k < codes->len; k++)
            {
              ChildRow row = { day->id, g_ptr_array_index (codes, k), NULL };

              g_array_append_val (rows, row);
            }
        }
    }

  pointers = g_new (gconstpointer, MAX (rows->len, 1));
  for (guint i = 0; i < rows->len; i++)
    pointers[i] = &g_array_index (rows, ChildRow, i);

  return _kj_store_write_rows (self, kind, pointers, rows->len, error);
}

/* Writes @days, none of them in the journal yet, with their places,
 * symptoms and aggravators, inside the caller's transaction: as many calls of
 * _kj_store_write_day (is_new TRUE) would, in fewer statements */
gboolean
_kj_store_write_new_days (KjStore      *self,
                          const KjDay **days,
                          guint         n,
                          GError      **error)
{
  return _kj_store_write_rows (self, &day_rows, (gconstpointer *) days, n, error) &&
         write_new_children (self, &location_rows, days, n, error) &&
         write_new_children (self, &symptom_rows, days, n, error) &&
         write_new_children (self, &aggravator_rows, days, n, error);
}

static gboolean
write_codes (KjStore     *self,
             const char  *sql,
             const char  *id,
             GPtrArray   *codes,
             GError     **error)
{
  for (guint i = 0; i < codes->len; i++)
    {
      sqlite3_stmt *stmt = _kj_store_get_stmt (self, sql, error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (codes, i), -1, SQLITE_STATIC);
      if (!_kj_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Writes @day inside the caller's transaction */
gboolean
_kj_store_write_day (KjStore      *self,
                     const KjDay  *day,
                     gboolean      is_new,
                     GError      **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _kj_store_get_stmt (self, sql_upsert_day, error)))
    return FALSE;

  bind_day (stmt, 1, day);
  if (!_kj_store_step_done (self, stmt, error))
    return FALSE;

  if (!is_new &&
      (!_kj_store_delete_by_id (self, sql_delete_locations, day->id, error) ||
       !_kj_store_delete_by_id (self, sql_delete_symptoms, day->id, error) ||
       !_kj_store_delete_by_id (self, sql_delete_aggravators, day->id, error)))
    return FALSE;

  for (guint i = 0; i < day->locations->len; i++)
    {
      const KjLocation *loc = &g_array_index (day->locations, KjLocation, i);

      if (!(stmt = _kj_store_get_stmt (self, sql_insert_location, error)))
        return FALSE;

      sqlite3_bind_text (stmt, 1, day->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, loc->side, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, loc->region, -1, SQLITE_STATIC);
      if (!_kj_store_step_done (self, stmt, error))
        return FALSE;
    }

  return write_codes (self, sql_insert_symptom, day->id, day->symptoms, error) &&
         write_codes (self, sql_insert_aggravator, day->id, day->aggravators, error);
}

static char *
day_id_for_date (KjStore     *self,
                 const char  *date,
                 GError     **error)
{
  sqlite3_stmt *stmt = _kj_store_get_stmt (self, sql_day_id_by_date, error);
  char *id = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = column_dup (stmt, 0);
  else if (rc != SQLITE_DONE)
    _kj_store_fail (self, rc, error);
  sqlite3_reset (stmt);

  return id;
}

/* Deletes the entry @id, with its locations, symptoms and aggravators,
 * inside the caller's transaction */
gboolean
_kj_store_remove_day (KjStore     *self,
                      const char  *id,
                      GError     **error)
{
  return _kj_store_delete_by_id (self, sql_delete_day, id, error);
}

/**
 * kj_store_save_day:
 * @day: the entry; a new id is given to it when it has none
 *
 * Creates or updates the entry with @day's id. There is one entry per date:
 * when another entry holds the date, %KJ_STORE_ERROR_CONFLICT is returned.
 */
gboolean
kj_store_save_day (KjStore  *self,
                   KjDay    *day,
                   GError  **error)
{
  g_autofree char *existing = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if (day->id == NULL)
    day->id = g_uuid_string_random ();

  if (!kj_day_validate (day, error))
    return FALSE;

  if (!_kj_store_begin (self, error))
    return FALSE;

  existing = day_id_for_date (self, day->date, &local_error);
  if (local_error != NULL)
    {
      _kj_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* an entry that could not be read (see kj_store_get_damage()) gives way
   * to the one the user writes for its date */
  if (existing != NULL && strcmp (existing, day->id) != 0 &&
      g_hash_table_contains (self->damaged_days, existing))
    {
      if (!_kj_store_remove_day (self, existing, error))
        {
          _kj_store_rollback (self);
          return FALSE;
        }
      g_clear_pointer (&existing, g_free);
    }

  if (existing != NULL && strcmp (existing, day->id) != 0)
    {
      _kj_store_rollback (self);
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_CONFLICT,
                   _("There is already an entry for %s."), day->date);
      return FALSE;
    }

  if (!_kj_store_write_day (self, day, FALSE, error) || !_kj_store_commit (self, error))
    {
      _kj_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

gboolean
kj_store_delete_day (KjStore     *self,
                     const char  *id,
                     GError     **error)
{
  return _kj_store_delete_record (self, sql_delete_day, id, error);
}
