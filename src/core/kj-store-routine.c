/* kj-store-routine.c — “Same as Yesterday”: a day's places and routine treatments copied to another day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule of what is copied is in doc/data-model.md, “Routine treatments”:
 * the places of the day's entry, and its treatments whose kind
 * kj_treatment_kind_is_routine() accepts, as new records with new ids. The
 * pain is the new day's own. Everything is written in one transaction, or
 * nothing is.
 */
#define G_LOG_DOMAIN "knee-journal-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "kj-store.h"
#include "kj-store-private.h"

static gboolean
copy_routine (KjStore     *self,
              const char  *from,
              KjDay       *day,
              GPtrArray   *copied,
              GError     **error)
{
  g_autoptr(KjDay) existing = NULL;
  g_autoptr(KjDay) source = NULL;
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GError) local_error = NULL;

  existing = kj_store_get_day (self, day->date, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL)
    {
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_CONFLICT, _("There is already an entry for %s."), day->date);
      return FALSE;
    }

  source = kj_store_get_day (self, from, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint i = 0; source != NULL && i < source->locations->len; i++)
    {
      const KjLocation *loc = &g_array_index (source->locations, KjLocation, i);

      if (!kj_day_has_location (day, loc->side, loc->region))
        kj_day_add_location (day, loc->side, loc->region);
    }

  if (!kj_day_validate (day, error))
    return FALSE;

  if (!(treatments = kj_store_list_treatments (self, from, from, error)))
    return FALSE;

  for (guint i = 0; i < treatments->len; i++)
    {
      g_autoptr(KjTreatment) copy = NULL;
      const KjTreatment *t = g_ptr_array_index (treatments, i);

      if (!kj_treatment_kind_is_routine (t->kind))
        continue;

      copy = kj_treatment_copy (t);
      g_free (copy->id);
      copy->id = g_uuid_string_random ();
      g_strlcpy (copy->date, day->date, sizeof copy->date);
      if (!kj_treatment_validate (copy, error) || !_kj_store_write_treatment (self, copy, error))
        return FALSE;
      g_ptr_array_add (copied, g_steal_pointer (&copy));
    }

  return _kj_store_write_day (self, day, TRUE, error);
}

/**
 * kj_store_copy_day_routine:
 * @from: the date whose routine is copied, usually the day before @day's
 * @day: the new entry, with its own pain; a new id is given to it when it
 *   has none, and @from's places are added to it
 * @copied: (out) (optional) (transfer full): the new treatments, in @from's order
 *
 * Stores @day with the places of @from's entry and copies of @from's
 * routine treatments (new ids, @day's date, every other field the same),
 * in one transaction. When @day's date has an entry already,
 * %KJ_STORE_ERROR_CONFLICT is returned; on any error nothing is written.
 */
gboolean
kj_store_copy_day_routine (KjStore     *self,
                           const char  *from,
                           KjDay       *day,
                           GPtrArray  **copied,
                           GError     **error)
{
  g_autoptr(GPtrArray) treatments = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_treatment_free);

  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (kj_date_is_valid (from), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if (day->id == NULL)
    day->id = g_uuid_string_random ();

  if (!_kj_store_begin (self, error))
    return FALSE;

  if (!copy_routine (self, from, day, treatments, error) || !_kj_store_commit (self, error))
    {
      _kj_store_rollback (self);
      return FALSE;
    }

  if (copied != NULL)
    *copied = g_steal_pointer (&treatments);

  return TRUE;
}

/**
 * kj_store_undo_copy_day_routine:
 * @day_id: the entry kj_store_copy_day_routine() stored
 * @copied: (element-type KjTreatment): the treatments it copied
 *
 * Deletes the entry and the copied treatments in one transaction: the day
 * is as it was before. A record deleted meanwhile is no error.
 */
gboolean
kj_store_undo_copy_day_routine (KjStore     *self,
                                const char  *day_id,
                                GPtrArray   *copied,
                                GError     **error)
{
  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (day_id != NULL, FALSE);

  if (!_kj_store_begin (self, error))
    return FALSE;

  if (!_kj_store_remove_day (self, day_id, error))
    {
      _kj_store_rollback (self);
      return FALSE;
    }

  for (guint i = 0; copied != NULL && i < copied->len; i++)
    {
      const KjTreatment *t = g_ptr_array_index (copied, i);

      if (!_kj_store_remove_treatment (self, t->id, error))
        {
          _kj_store_rollback (self);
          return FALSE;
        }
    }

  return _kj_store_commit (self, error);
}
