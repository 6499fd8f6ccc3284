/* kj-store-shoes.c — pairs of running shoes: list, save, retire, delete, the default pair, kilometres, alerts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of a pair are in doc/data-model.md, “Shoes”. A pair's distance
 * is its starting kilometres and the distance of its runs, summed by SQLite
 * in one query. Deleting a pair keeps its runs, without a shoe.
 */
#define G_LOG_DOMAIN "knee-journal-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "kj-format.h"
#include "kj-store.h"
#include "kj-store-private.h"

static const char sql_select_shoes[] =
  "SELECT id, name, model, start_date, retired_date, start_km, alert_km, is_default FROM shoes"
  " ORDER BY retired_date IS NOT NULL, coalesce(start_date, ''), name, rowid";
static const char sql_upsert_shoe[] =
  "INSERT INTO shoes (id, name, model, start_date, retired_date, start_km, alert_km, is_default)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
  " ON CONFLICT (id) DO UPDATE SET name = excluded.name, model = excluded.model,"
  " start_date = excluded.start_date, retired_date = excluded.retired_date, start_km = excluded.start_km,"
  " alert_km = excluded.alert_km, is_default = excluded.is_default";
static const char sql_clear_default[] = "UPDATE shoes SET is_default = 0 WHERE is_default = 1 AND id IS NOT ?1";
static const char sql_shoe_by_name[] = "SELECT id FROM shoes WHERE name = ?1 ORDER BY rowid LIMIT 1";
static const char sql_delete_shoe[] = "DELETE FROM shoes WHERE id = ?1";
/* only runs whose distance is one are summed: a damaged run is not counted */
static const char sql_shoe_km[] =
  "SELECT s.id, s.start_km, coalesce(sum(r.distance_km), 0), count(r.id) FROM shoes s"
  " LEFT JOIN runs r ON r.shoe_id = s.id AND typeof(r.distance_km) IN ('real', 'integer')"
  " AND r.distance_km BETWEEN 0.01 AND 500"
  " GROUP BY s.id";

/* Writes @shoe inside the caller's transaction; a default pair takes the
 * place of the one before */
gboolean
_kj_store_write_shoe (KjStore       *self,
                      const KjShoe  *shoe,
                      GError       **error)
{
  sqlite3_stmt *stmt;

  if (shoe->is_default)
    {
      if (!(stmt = _kj_store_get_stmt (self, sql_clear_default, error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, shoe->id, -1, SQLITE_STATIC);
      if (!_kj_store_step_done (self, stmt, error))
        return FALSE;
    }

  if (!(stmt = _kj_store_get_stmt (self, sql_upsert_shoe, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, shoe->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, shoe->name, -1, SQLITE_STATIC);
  _kj_store_bind_text_or_null (stmt, 3, shoe->model);
  _kj_store_bind_text_or_null (stmt, 4, shoe->start_date[0] != '\0' ? shoe->start_date : NULL);
  _kj_store_bind_text_or_null (stmt, 5, shoe->retired_date[0] != '\0' ? shoe->retired_date : NULL);
  sqlite3_bind_double (stmt, 6, shoe->start_km);
  sqlite3_bind_double (stmt, 7, shoe->alert_km);
  sqlite3_bind_int (stmt, 8, shoe->is_default ? 1 : 0);

  return _kj_store_step_done (self, stmt, error);
}

/* The id of the default pair in use, or NULL when there is none. The pairs
 * are read as hostile (kj_store_list_shoes()): a damaged pair is nobody's
 * default. */
gboolean
_kj_store_default_shoe_id (KjStore  *self,
                           char    **out,
                           GError  **error)
{
  g_autoptr(GPtrArray) shoes = NULL;

  *out = NULL;
  if (!(shoes = kj_store_list_shoes (self, error)))
    return FALSE;

  for (guint i = 0; i < shoes->len && *out == NULL; i++)
    {
      const KjShoe *shoe = g_ptr_array_index (shoes, i);

      if (shoe->is_default && !kj_shoe_is_retired (shoe))
        *out = g_strdup (shoe->id);
    }

  return TRUE;
}

/* Whether @id is a sound pair of the journal: a damaged one, left out
 * everywhere, cannot take a run */
gboolean
_kj_store_shoe_exists (KjStore     *self,
                       const char  *id,
                       gboolean    *exists,
                       GError     **error)
{
  g_autoptr(GPtrArray) shoes = NULL;

  *exists = FALSE;
  if (!(shoes = kj_store_list_shoes (self, error)))
    return FALSE;

  for (guint i = 0; i < shoes->len && !*exists; i++)
    *exists = g_str_equal (((const KjShoe *) g_ptr_array_index (shoes, i))->id, id);

  return TRUE;
}

/**
 * kj_store_list_shoes:
 *
 * Every pair of the journal: those in use first, by start date and name,
 * then the retired ones. A row that fails validation is left out and kept
 * as damage (kj_store_get_damage()).
 *
 * Returns: (transfer container) (element-type KjShoe): the pairs, or %NULL
 *   with @error set
 */
GPtrArray *
kj_store_list_shoes (KjStore  *self,
                     GError  **error)
{
  g_autoptr(GPtrArray) shoes = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_shoe_free);
  gboolean have_default = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);

  if (!(stmt = _kj_store_get_stmt (self, sql_select_shoes, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(KjShoe) shoe = kj_shoe_new (NULL);
      g_autoptr(GError) invalid = NULL;
      KjRowReader row = { stmt, NULL };
      int is_default;

      shoe->id = _kj_store_row_text (&row, 0, "id");
      g_free (shoe->name);
      shoe->name = _kj_store_row_text (&row, 1, "name");
      if (shoe->name == NULL)
        _kj_store_row_fail (&row, _("name: a pair of shoes needs a name"));
      shoe->model = _kj_store_row_text (&row, 2, "model");
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        _kj_store_row_date (&row, 3, "start_date", shoe->start_date);
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        _kj_store_row_date (&row, 4, "retired_date", shoe->retired_date);
      shoe->start_km = _kj_store_row_double (&row, 5, "start_km");
      shoe->alert_km = _kj_store_row_double (&row, 6, "alert_km");
      is_default = _kj_store_row_int (&row, 7, "is_default");
      if (is_default != 0 && is_default != 1)
        _kj_store_row_fail (&row, _("%s: %d is out of range %d–%d"), "is_default", is_default, 0, 1);
      shoe->is_default = is_default == 1;

      if (row.error == NULL)
        kj_shoe_validate (shoe, &invalid);

      /* a second default, stored behind our back, is not one */
      if (row.error == NULL && invalid == NULL && shoe->is_default)
        {
          if (have_default)
            shoe->is_default = FALSE;
          have_default = TRUE;
        }

      if (_kj_store_row_check (self, &row, "shoe", NULL, shoe->id, invalid))
        g_ptr_array_add (shoes, g_steal_pointer (&shoe));
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _kj_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&shoes);
}

/**
 * kj_store_get_shoe:
 *
 * Returns: (transfer full): the pair @id, or %NULL with @error set
 *   (%KJ_STORE_ERROR_NOT_FOUND when there is none, or it is damaged)
 */
KjShoe *
kj_store_get_shoe (KjStore     *self,
                   const char  *id,
                   GError     **error)
{
  g_autoptr(GPtrArray) shoes = NULL;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!(shoes = kj_store_list_shoes (self, error)))
    return NULL;

  for (guint i = 0; i < shoes->len; i++)
    {
      KjShoe *shoe = g_ptr_array_index (shoes, i);

      if (g_str_equal (shoe->id, id))
        return kj_shoe_copy (shoe);
    }

  g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_FOUND, _("The pair of shoes %s is not in the journal."), id);
  return NULL;
}

/**
 * kj_store_save_shoe:
 * @shoe: a pair; given an id when it has none
 *
 * Adds or updates @shoe. When it is the default pair, the pair that was the
 * default before is not any more.
 */
gboolean
kj_store_save_shoe (KjStore  *self,
                    KjShoe   *shoe,
                    GError  **error)
{
  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (shoe != NULL, FALSE);

  if (shoe->id == NULL)
    shoe->id = g_uuid_string_random ();

  if (!kj_shoe_validate (shoe, error) || !_kj_store_begin (self, error))
    return FALSE;

  if (!_kj_store_write_shoe (self, shoe, error) || !_kj_store_commit (self, error))
    {
      _kj_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * kj_store_delete_shoe:
 *
 * Deletes the pair @id. Its runs stay in the journal, without a shoe.
 */
gboolean
kj_store_delete_shoe (KjStore     *self,
                      const char  *id,
                      GError     **error)
{
  return _kj_store_delete_record (self, sql_delete_shoe, id, error);
}

/**
 * kj_store_set_default_shoe:
 * @id: (nullable): the pair new runs get, or %NULL for none
 *
 * A retired pair cannot be the default.
 */
gboolean
kj_store_set_default_shoe (KjStore     *self,
                           const char  *id,
                           GError     **error)
{
  g_autoptr(KjShoe) shoe = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);

  if (id == NULL)
    {
      if (!_kj_store_begin (self, error))
        return FALSE;
      if (!(stmt = _kj_store_get_stmt (self, sql_clear_default, error)))
        {
          _kj_store_rollback (self);
          return FALSE;
        }
      sqlite3_bind_null (stmt, 1);
      if (!_kj_store_step_done (self, stmt, error) || !_kj_store_commit (self, error))
        {
          _kj_store_rollback (self);
          return FALSE;
        }
      return TRUE;
    }

  if (!(shoe = kj_store_get_shoe (self, id, error)))
    return FALSE;

  shoe->is_default = TRUE;
  return kj_store_save_shoe (self, shoe, error);
}

/**
 * kj_store_retire_shoe:
 * @date: the day it was retired (YYYY-MM-DD), or %NULL to use it again
 *
 * A retired pair is no longer the default.
 */
gboolean
kj_store_retire_shoe (KjStore     *self,
                      const char  *id,
                      const char  *date,
                      GError     **error)
{
  g_autoptr(KjShoe) shoe = NULL;

  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(shoe = kj_store_get_shoe (self, id, error)))
    return FALSE;

  g_strlcpy (shoe->retired_date, date ? date : "", sizeof shoe->retired_date);
  if (date != NULL)
    shoe->is_default = FALSE;

  return kj_store_save_shoe (self, shoe, error);
}

/**
 * kj_store_get_shoe_km:
 *
 * The kilometres of each pair: its starting kilometres and the distance of
 * all its runs, in one query.
 *
 * Returns: (transfer container) (element-type utf8 double): the pair's id →
 *   a `double *` of kilometres, or %NULL with @error set
 */
GHashTable *
kj_store_get_shoe_km (KjStore  *self,
                      GError  **error)
{
  g_autoptr(GHashTable) km = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);

  if (!(stmt = _kj_store_get_stmt (self, sql_shoe_km, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      double start = sqlite3_column_double (stmt, 1);
      double runs = sqlite3_column_double (stmt, 2);
      double *total;

      if (sqlite3_column_type (stmt, 0) != SQLITE_TEXT ||
          (sqlite3_column_type (stmt, 1) != SQLITE_FLOAT && sqlite3_column_type (stmt, 1) != SQLITE_INTEGER) ||
          !isfinite (start) || start < 0 || !isfinite (runs))
        continue;   /* a damaged pair, left out of the list too */

      total = g_new (double, 1);
      *total = start + runs;
      g_hash_table_replace (km, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), total);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _kj_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&km);
}

/* Inside a transaction: the id of the first pair named @name, or of a new
 * pair of that name. */
char *
_kj_store_shoe_named (KjStore     *self,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(KjShoe) shoe = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _kj_store_get_stmt (self, sql_shoe_by_name, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_TEXT &&
      kj_id_is_valid ((const char *) sqlite3_column_text (stmt, 0)))
    {
      char *id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

      sqlite3_reset (stmt);
      return id;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _kj_store_fail (self, rc, error);
      return NULL;
    }

  shoe = kj_shoe_new (name);
  shoe->id = g_uuid_string_random ();
  if (!kj_shoe_validate (shoe, error) || !_kj_store_write_shoe (self, shoe, error))
    return NULL;

  return g_strdup (shoe->id);
}

/**
 * kj_store_ensure_shoe_named:
 * @name: a pair's name, such as the gear of Strava's export
 *
 * Returns: (transfer full): the id of the first pair named @name, or of a
 *   new pair of that name
 */
char *
kj_store_ensure_shoe_named (KjStore     *self,
                            const char  *name,
                            GError     **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!_kj_store_begin (self, error))
    return NULL;
  if (!(id = _kj_store_shoe_named (self, name, error)) || !_kj_store_commit (self, error))
    {
      _kj_store_rollback (self);
      return NULL;
    }

  return g_steal_pointer (&id);
}

/**
 * kj_shoes_passed_alert:
 * @shoes: (element-type KjShoe): the pairs
 * @km_before: (element-type utf8 double): kj_store_get_shoe_km() before a save
 * @km_after: (element-type utf8 double): and after it
 *
 * The pairs that the save took past their alert distance: below it before,
 * at or above it after. A run saved later, with the pair already past it,
 * does not name it again.
 *
 * Returns: (transfer container) (element-type KjShoe): the pairs, owned by @shoes
 */
GPtrArray *
kj_shoes_passed_alert (GPtrArray  *shoes,
                       GHashTable *km_before,
                       GHashTable *km_after)
{
  GPtrArray *passed = g_ptr_array_new ();

  for (guint i = 0; i < shoes->len; i++)
    {
      KjShoe *shoe = g_ptr_array_index (shoes, i);
      const double *before = g_hash_table_lookup (km_before, shoe->id);
      const double *after = g_hash_table_lookup (km_after, shoe->id);

      /* a retired pair is not run in any more: no advice to replace it */
      if (!kj_shoe_is_retired (shoe) && after != NULL && *after >= shoe->alert_km &&
          (before == NULL || *before < shoe->alert_km))
        g_ptr_array_add (passed, shoe);
    }

  return passed;
}

/**
 * kj_store_shoe_alerts:
 * @km_before: (nullable): kj_store_get_shoe_km() before a change (a run
 *   saved, runs or a file imported)
 * @units: the journal's
 *
 * The one sentence of the alert, for every pair the change took past its
 * alert distance (kj_shoes_passed_alert()): the run editor, the window's
 * imports and the command line's all say it so.
 *
 * Returns: (transfer full) (element-type utf8): the sentences, perhaps none
 */
GPtrArray *
kj_store_shoe_alerts (KjStore    *self,
                      GHashTable *km_before,
                      KjUnits     units)
{
  GPtrArray *alerts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) km_after = NULL;
  g_autoptr(GPtrArray) shoes = NULL;
  g_autoptr(GPtrArray) passed = NULL;

  g_return_val_if_fail (KJ_IS_STORE (self), alerts);

  if (km_before == NULL || !(km_after = kj_store_get_shoe_km (self, NULL)) || !(shoes = kj_store_list_shoes (self, NULL)))
    return alerts;

  passed = kj_shoes_passed_alert (shoes, km_before, km_after);
  for (guint i = 0; i < passed->len; i++)
    {
      const KjShoe *shoe = g_ptr_array_index (passed, i);
      g_autofree char *distance = kj_format_distance_whole (shoe->alert_km, units);

      /* Translators: “Your Pegasus 40 have passed 700 km — time to think about new shoes.” */
      g_ptr_array_add (alerts, g_strdup_printf (_("Your %s have passed %s — time to think about new shoes."),
                                                shoe->name, distance));
    }

  return alerts;
}
