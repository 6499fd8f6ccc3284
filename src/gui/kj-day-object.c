/* kj-day-object.c — one day of the journal as a list item: the entry and a summary of its records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "knee-journal-day-object"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-day-object.h"

struct _KjDayObject
{
  GObject   parent_instance;

  KjDay    *day;
  gboolean  has_entry;    /* FALSE: only treatments or runs on this date */
  guint     kinds;        /* bit n: a treatment of kind n of KJ_CODE_TREATMENT_KIND */
  double    run_km;
  gboolean  red_flag;
  char     *folded_notes;
};

G_DEFINE_FINAL_TYPE (KjDayObject, kj_day_object, G_TYPE_OBJECT)

static void
kj_day_object_finalize (GObject *object)
{
  KjDayObject *self = (KjDayObject *) object;

  g_clear_pointer (&self->day, kj_day_free);
  g_clear_pointer (&self->folded_notes, g_free);

  G_OBJECT_CLASS (kj_day_object_parent_class)->finalize (object);
}

static void
kj_day_object_class_init (KjDayObjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kj_day_object_finalize;
}

static void
kj_day_object_init (KjDayObject *self)
{
}

/* Takes @day, the date's pain entry. */
KjDayObject *
kj_day_object_new (KjDay *day)
{
  KjDayObject *self = g_object_new (KJ_TYPE_DAY_OBJECT, NULL);

  self->day = day;
  self->has_entry = TRUE;
  self->folded_notes = g_utf8_casefold (day->notes ? day->notes : "", -1);

  return self;
}

/* A date with treatments or runs but no pain entry; its day is empty. */
KjDayObject *
kj_day_object_new_without_entry (const char *date)
{
  KjDayObject *self;

  g_return_val_if_fail (kj_date_is_valid (date), NULL);

  self = kj_day_object_new (kj_day_new (date));
  self->has_entry = FALSE;

  return self;
}

const KjDay *
kj_day_object_get_day (KjDayObject *self)
{
  g_return_val_if_fail (KJ_IS_DAY_OBJECT (self), NULL);

  return self->day;
}

gboolean
kj_day_object_has_entry (KjDayObject *self)
{
  g_return_val_if_fail (KJ_IS_DAY_OBJECT (self), FALSE);

  return self->has_entry;
}

void
kj_day_object_add_treatment (KjDayObject *self,
                             const char  *kind)
{
  guint n_codes;
  const KjCode *codes = kj_code_list (KJ_CODE_TREATMENT_KIND, &n_codes);

  g_return_if_fail (KJ_IS_DAY_OBJECT (self));

  for (guint i = 0; i < n_codes; i++)
    if (g_strcmp0 (codes[i].code, kind) == 0)
      self->kinds |= 1u << i;
}

void
kj_day_object_add_run (KjDayObject *self,
                       double       km)
{
  g_return_if_fail (KJ_IS_DAY_OBJECT (self));

  self->run_km += km;
}

guint
kj_day_object_get_kinds (KjDayObject *self)
{
  g_return_val_if_fail (KJ_IS_DAY_OBJECT (self), 0);

  return self->kinds;
}

double
kj_day_object_get_run_km (KjDayObject *self)
{
  g_return_val_if_fail (KJ_IS_DAY_OBJECT (self), 0);

  return self->run_km;
}

gboolean
kj_day_object_get_red_flag (KjDayObject *self)
{
  g_return_val_if_fail (KJ_IS_DAY_OBJECT (self), FALSE);

  return self->red_flag;
}

/* Persistent swelling is known only from the days around: the list sets it. */
void
kj_day_object_set_red_flag (KjDayObject *self,
                            gboolean     red_flag)
{
  g_return_if_fail (KJ_IS_DAY_OBJECT (self));

  self->red_flag = red_flag;
}

/* "Right: Kneecap, Inner joint line · Left: Back of the knee" */
char *
kj_day_object_describe_places (KjDayObject *self)
{
  g_autoptr(GString) str = g_string_new (NULL);
  const char *sides[] = { "right", "left" };

  g_return_val_if_fail (KJ_IS_DAY_OBJECT (self), NULL);

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      gboolean first = TRUE;

      for (guint i = 0; i < self->day->locations->len; i++)
        {
          const KjLocation *loc = &g_array_index (self->day->locations, KjLocation, i);

          if (!g_str_equal (loc->side, sides[s]))
            continue;

          if (first)
            g_string_append_printf (str, "%s%s: ", str->len > 0 ? " · " : "", kj_code_label (KJ_CODE_SIDE, loc->side));
          else
            g_string_append (str, ", ");
          g_string_append (str, kj_code_label (KJ_CODE_REGION, loc->region));
          first = FALSE;
        }
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* Whether the notes hold @folded_query (already passed through g_utf8_casefold()). */
gboolean
kj_day_object_matches (KjDayObject *self,
                       const char  *folded_query)
{
  g_return_val_if_fail (KJ_IS_DAY_OBJECT (self), FALSE);

  return folded_query == NULL || folded_query[0] == '\0' || strstr (self->folded_notes, folded_query) != NULL;
}
