/* kj-day-object.c — one day of the journal as a list item: the entry and a summary of its records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "knee-journal-day-object"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-day-object.h"
#include "kj-search.h"

struct _KjDayObject
{
  GObject   parent_instance;

  KjDay    *day;
  gboolean  has_entry;    /* FALSE: only treatments or runs on this date */
  guint     kinds;        /* bit n: a treatment of kind n of KJ_CODE_TREATMENT_KIND */
  double    run_km;
  gboolean  red_flag;
  GString  *record_text;  /* the records' labels and notes, until the search text is built */
  char     *search_text;  /* folded, built at the first search */
};

G_DEFINE_FINAL_TYPE (KjDayObject, kj_day_object, G_TYPE_OBJECT)

static void
kj_day_object_finalize (GObject *object)
{
  KjDayObject *self = (KjDayObject *) object;

  g_clear_pointer (&self->day, kj_day_free);
  if (self->record_text != NULL)
    g_string_free (g_steal_pointer (&self->record_text), TRUE);
  g_clear_pointer (&self->search_text, g_free);

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

/* A piece of the search text; pieces end with a line break, so that no word
 * matches across two of them. */
static void
add_text (KjDayObject *self,
          const char  *text)
{
  if (text == NULL || text[0] == '\0')
    return;

  if (self->record_text == NULL)
    self->record_text = g_string_new (NULL);
  g_string_append (self->record_text, text);
  g_string_append_c (self->record_text, '\n');
  g_clear_pointer (&self->search_text, g_free);
}

/* Counts @treatment in the day's kinds and searches its kind, drug,
 * exercise and notes with the day. */
void
kj_day_object_add_treatment (KjDayObject       *self,
                             const KjTreatment *treatment)
{
  guint n_codes;
  const KjCode *codes = kj_code_list (KJ_CODE_TREATMENT_KIND, &n_codes);

  g_return_if_fail (KJ_IS_DAY_OBJECT (self));
  g_return_if_fail (treatment != NULL);

  for (guint i = 0; i < n_codes; i++)
    if (g_strcmp0 (codes[i].code, treatment->kind) == 0)
      self->kinds |= 1u << i;

  add_text (self, kj_code_label (KJ_CODE_TREATMENT_KIND, treatment->kind));
  if (treatment->drug != NULL)
    add_text (self, kj_code_label (KJ_CODE_DRUG, treatment->drug));
  if (treatment->exercise != NULL)
    add_text (self, kj_code_label (KJ_CODE_EXERCISE, treatment->exercise));
  add_text (self, treatment->notes);
}

/* Adds @run's distance to the day's and searches its notes with the day. */
void
kj_day_object_add_run (KjDayObject *self,
                       const KjRun *run)
{
  g_return_if_fail (KJ_IS_DAY_OBJECT (self));
  g_return_if_fail (run != NULL);

  self->run_km += run->distance_km;
  add_text (self, run->notes);
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

/* The day's text in the user's language, folded once: its notes, places
 * with their side, symptoms, what made it worse, and its records' text. */
static void
build_search_text (KjDayObject *self)
{
  g_autoptr(GString) text = g_string_new (self->day->notes);
  g_autofree char *places = kj_day_object_describe_places (self);

  g_string_append_printf (text, "\n%s\n", places);
  for (guint i = 0; i < self->day->symptoms->len; i++)
    g_string_append_printf (text, "%s\n", kj_code_label (KJ_CODE_SYMPTOM, g_ptr_array_index (self->day->symptoms, i)));
  for (guint i = 0; i < self->day->aggravators->len; i++)
    g_string_append_printf (text, "%s\n",
                            kj_code_label (KJ_CODE_AGGRAVATOR, g_ptr_array_index (self->day->aggravators, i)));
  if (self->record_text != NULL)
    g_string_append_len (text, self->record_text->str, self->record_text->len);

  self->search_text = kj_search_fold (text->str);
}

/* Whether the day's text holds each of @words (from kj_search_words()), in
 * any order; the text is built at the first call and kept. */
gboolean
kj_day_object_matches (KjDayObject        *self,
                       const char * const *words)
{
  g_return_val_if_fail (KJ_IS_DAY_OBJECT (self), FALSE);

  if (words == NULL || words[0] == NULL)
    return TRUE;

  if (self->search_text == NULL)
    build_search_text (self);

  return kj_search_matches (self->search_text, words);
}
