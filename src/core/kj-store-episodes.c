/* kj-store-episodes.c — episodes: list, save, end (“resolved on”), delete; the first episode of a profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of an episode are in doc/data-model.md, “Episodes”. Since schema
 * 5 the profile's side, dates and review weeks live here only; the profile
 * read by kj_store_get_profile() shows those of the first episode
 * (kj_episodes_get_first()), and a profile written with them (a file of
 * version 1 or 2) updates that episode, or makes one.
 */
#define G_LOG_DOMAIN "knee-journal-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "kj-episode.h"
#include "kj-store.h"
#include "kj-store-private.h"

static const char sql_select_episodes[] =
  "SELECT id, name, side, injury_date, treatment_start, review_weeks, end_date, notes FROM episodes"
  " ORDER BY coalesce(injury_date, treatment_start, ''), rowid";
static const char sql_upsert_episode[] =
  "INSERT INTO episodes (id, name, side, injury_date, treatment_start, review_weeks, end_date, notes)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
  " ON CONFLICT (id) DO UPDATE SET name = excluded.name, side = excluded.side,"
  " injury_date = excluded.injury_date, treatment_start = excluded.treatment_start,"
  " review_weeks = excluded.review_weeks, end_date = excluded.end_date, notes = excluded.notes";
static const char sql_delete_episode[] = "DELETE FROM episodes WHERE id = ?1";

static const char *
or_null (const char *date)
{
  return date[0] != '\0' ? date : NULL;
}

/* Writes @episode inside the caller's transaction */
gboolean
_kj_store_write_episode (KjStore          *self,
                         const KjEpisode  *episode,
                         GError          **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _kj_store_get_stmt (self, sql_upsert_episode, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, episode->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, episode->name ? episode->name : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, episode->side, -1, SQLITE_STATIC);
  _kj_store_bind_text_or_null (stmt, 4, or_null (episode->injury_date));
  _kj_store_bind_text_or_null (stmt, 5, or_null (episode->treatment_start));
  sqlite3_bind_int (stmt, 6, episode->review_weeks);
  _kj_store_bind_text_or_null (stmt, 7, or_null (episode->end_date));
  sqlite3_bind_text (stmt, 8, episode->notes ? episode->notes : "", -1, SQLITE_STATIC);

  return _kj_store_step_done (self, stmt, error);
}

/* Inside the caller's transaction: a profile that gives the side, dates and
 * review weeks (a file of version 1 or 2, a journal built in memory) sets
 * them on the first episode, or makes one with them. */
gboolean
_kj_store_write_first_episode (KjStore          *self,
                               const KjProfile  *profile,
                               GError          **error)
{
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(KjEpisode) episode = NULL;
  const KjEpisode *first;

  if (profile->affected_side == NULL)
    return TRUE;

  if (!(episodes = kj_store_list_episodes (self, error)))
    return FALSE;

  episode = kj_episode_from_profile (profile);
  if ((first = kj_episodes_get_first (episodes)) != NULL)
    {
      g_autoptr(KjEpisode) copy = kj_episode_copy (first);

      copy->side = episode->side;
      g_strlcpy (copy->injury_date, episode->injury_date, sizeof copy->injury_date);
      g_strlcpy (copy->treatment_start, episode->treatment_start, sizeof copy->treatment_start);
      copy->review_weeks = episode->review_weeks;
      g_clear_pointer (&episode, kj_episode_free);
      episode = g_steal_pointer (&copy);
    }

  /* the file's dates against the end the journal gave its first episode */
  if (episode->end_date[0] != '\0')
    {
      const char *field = NULL, *date = NULL;

      if (episode->injury_date[0] != '\0' && strcmp (episode->injury_date, episode->end_date) > 0)
        field = "injury_date", date = episode->injury_date;
      else if (episode->treatment_start[0] != '\0' && strcmp (episode->treatment_start, episode->end_date) > 0)
        field = "treatment_start", date = episode->treatment_start;
      if (field != NULL)
        /* Translators: “profile.injury_date: 2026-11-01 is after the end of the journal's first episode
         * (2026-10-01)”, when a file of version 1 or 2 is imported */
        return kj_record_set_invalid (error, _("profile.%s: %s is after the end of the journal's first episode (%s)"),
                                      field, date, episode->end_date);
    }

  return kj_episode_validate (episode, error) && _kj_store_write_episode (self, episode, error);
}

/**
 * kj_store_list_episodes:
 *
 * Every episode of the journal, by start (those without one first). A row
 * that fails validation is left out and kept as damage
 * (kj_store_get_damage()).
 *
 * Returns: (transfer container) (element-type KjEpisode): the episodes, or
 *   %NULL with @error set
 */
GPtrArray *
kj_store_list_episodes (KjStore  *self,
                        GError  **error)
{
  g_autoptr(GPtrArray) episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_episode_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);

  if (!(stmt = _kj_store_get_stmt (self, sql_select_episodes, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(KjEpisode) episode = kj_episode_new ();
      g_autoptr(GError) invalid = NULL;
      KjRowReader row = { stmt, NULL };

      g_free (episode->id);
      episode->id = _kj_store_row_text (&row, 0, "id");
      g_free (episode->name);
      episode->name = _kj_store_row_text (&row, 1, "name");
      episode->side = _kj_store_row_code (&row, 2, KJ_CODE_AFFECTED_SIDE, "side");
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        _kj_store_row_date (&row, 3, "injury_date", episode->injury_date);
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        _kj_store_row_date (&row, 4, "treatment_start", episode->treatment_start);
      episode->review_weeks = _kj_store_row_int (&row, 5, "review_weeks");
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        _kj_store_row_date (&row, 6, "end_date", episode->end_date);
      g_free (episode->notes);
      episode->notes = _kj_store_row_text (&row, 7, "notes");

      if (row.error == NULL)
        kj_episode_validate (episode, &invalid);

      if (_kj_store_row_check (self, &row, "episode", NULL, episode->id, invalid))
        g_ptr_array_add (episodes, g_steal_pointer (&episode));
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _kj_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&episodes);
}

/**
 * kj_store_save_episode:
 * @episode: an episode; given an id when it has none
 *
 * Adds or updates @episode.
 */
gboolean
kj_store_save_episode (KjStore    *self,
                       KjEpisode  *episode,
                       GError    **error)
{
  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (episode != NULL, FALSE);

  if (episode->id == NULL)
    episode->id = g_uuid_string_random ();

  if (!kj_episode_validate (episode, error) || !_kj_store_begin (self, error))
    return FALSE;

  if (!_kj_store_write_episode (self, episode, error) || !_kj_store_commit (self, error))
    {
      _kj_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * kj_store_delete_episode:
 *
 * Deletes the episode @id; its records stay in the journal (they belong to
 * episodes by date). The journal's last episode cannot be deleted
 * (%KJ_STORE_ERROR_INVALID): every journal has one.
 */
gboolean
kj_store_delete_episode (KjStore     *self,
                         const char  *id,
                         GError     **error)
{
  g_autoptr(GPtrArray) episodes = NULL;

  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(episodes = kj_store_list_episodes (self, error)))
    return FALSE;
  if (kj_episodes_find (episodes, id) == NULL)
    {
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_FOUND, _("The record %s is not in the journal."), id);
      return FALSE;
    }
  if (episodes->len <= 1)
    {
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_INVALID,
                   _("The journal's only episode cannot be deleted."));
      return FALSE;
    }

  return _kj_store_delete_record (self, sql_delete_episode, id, error);
}

/**
 * kj_store_end_episode:
 * @date: (nullable): the day it resolved (YYYY-MM-DD), or %NULL to open it again
 *
 * Ends the episode @id (“resolved on”), or opens it again.
 */
gboolean
kj_store_end_episode (KjStore     *self,
                      const char  *id,
                      const char  *date,
                      GError     **error)
{
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(KjEpisode) episode = NULL;
  const KjEpisode *found;

  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(episodes = kj_store_list_episodes (self, error)))
    return FALSE;

  if ((found = kj_episodes_find (episodes, id)) == NULL)
    {
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_FOUND, _("The record %s is not in the journal."), id);
      return FALSE;
    }

  episode = kj_episode_copy (found);
  g_strlcpy (episode->end_date, date ? date : "", sizeof episode->end_date);

  return kj_store_save_episode (self, episode, error);
}
