/* kj-warnings.c — the rules over days: red flags, running load, medication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions over arrays of records, no SQL; the rules of
 * doc/data-model.md, “Red flags” and “Medication” and of doc/assessment.md,
 * “Load”. Each counts only records dated up to @to, the assessment's as of.
 *
 * Red flags: kj_warnings_day_red_flags() is the one rule for a day, given the
 * days before it; the Today page, History's filter and kj_warnings_red_flags()
 * (and so the assessment, Trends, the chart, the report and --summary) use it.
 *
 * Medication: kj_medication_day_new() is the one rule that adds a day's
 * doses up against the over-the-counter maxima and finds two oral NSAIDs;
 * the Today page, the treatment dialog (with the dose not added yet),
 * kj_warnings_medication() and so Trends, the report and --summary
 * all use it.
 */
#define G_LOG_DOMAIN "knee-journal-warnings"

#include "config.h"

#include <string.h>

#include "kj-series.h"
#include "kj-warnings.h"

#define EPSILON 1e-9

/* Red flags */

static int
compare_red_flags (gconstpointer a,
                   gconstpointer b)
{
  const KjRedFlag *x = a, *y = b;
  int c = strcmp (x->date, y->date);

  return c != 0 ? c : strcmp (x->symptom, y->symptom);
}

/* Persistent swelling: @date, a swelling day, completes 3 swelling days
 * within the 7 days ending on it; each earlier date counts once. */
static gboolean
completes_persistent_swelling (int           date,
                               KjDay *const *before,
                               guint         n_before)
{
  gboolean seen[6] = { FALSE };
  guint n = 1;

  for (guint i = 0; i < n_before; i++)
    {
      int k = date - kj_series_julian (before[i]->date);

      if (k >= 1 && k <= 6 && !seen[k - 1] && kj_day_has_code (before[i]->symptoms, "swelling"))
        {
          seen[k - 1] = TRUE;
          n++;
        }
    }

  return n >= 3;
}

/**
 * kj_warnings_day_red_flags:
 * @day: the day
 * @before: (array length=n_before): days of any dates, in any order; only
 *   those of the six days before @day count
 * @n_before: their number
 * @flags: (nullable): a #KjRedFlag array that @day's flags are added to, in
 *   the order of its symptoms
 *
 * The red flags (doc/data-model.md, “Red flags”) of one day: the one rule behind the Today page,
 * History's filter and the assessment (kj_warnings_red_flags(), and so Trends,
 * the chart, the report and --summary). Locking, fever and not bearing
 * weight are urgent; giving way, an injury, and swelling that completes 3
 * swelling days within the 7 days ending on it are "soon".
 *
 * Returns: the most serious of the day's flags
 */
KjRedFlagLevel
kj_warnings_day_red_flags (const KjDay  *day,
                           KjDay *const *before,
                           guint         n_before,
                           GArray       *flags)
{
  KjRedFlagLevel level = KJ_RED_FLAG_NONE;
  int d;

  g_return_val_if_fail (day != NULL, KJ_RED_FLAG_NONE);
  g_return_val_if_fail (before != NULL || n_before == 0, KJ_RED_FLAG_NONE);

  d = kj_series_julian (day->date);

  for (guint s = 0; s < day->symptoms->len; s++)
    {
      const char *symptom = g_ptr_array_index (day->symptoms, s);
      KjRedFlag flag = { .symptom = symptom };

      if (kj_symptom_is_urgent (symptom))
        flag.urgent = TRUE;
      else if (g_str_equal (symptom, "giving-way") || g_str_equal (symptom, "injury"))
        flag.urgent = FALSE;
      else if (!g_str_equal (symptom, "swelling") || !completes_persistent_swelling (d, before, n_before))
        continue;

      level = MAX (level, flag.urgent ? KJ_RED_FLAG_URGENT : KJ_RED_FLAG_SOON);
      if (flags != NULL)
        {
          g_strlcpy (flag.date, day->date, sizeof flag.date);
          g_array_append_val (flags, flag);
        }
    }

  return level;
}

static int
compare_day_dates (gconstpointer a,
                   gconstpointer b)
{
  const KjDay *x = *(KjDay **) a, *y = *(KjDay **) b;

  return strcmp (x->date, y->date);
}

/* Every red flag of doc/data-model.md, “Red flags” up to @to, by date: kj_warnings_day_red_flags()
 * of each day given the days before it. */
GArray *
kj_warnings_red_flags (GPtrArray  *days,
                       const char *to)
{
  GArray *flags = g_array_new (FALSE, FALSE, sizeof (KjRedFlag));
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (days->len);
  int last = kj_series_julian (to);
  guint first = 0;

  for (guint i = 0; i < days->len; i++)
    if (kj_series_julian (((KjDay *) g_ptr_array_index (days, i))->date) <= last)
      g_ptr_array_add (sorted, g_ptr_array_index (days, i));
  g_ptr_array_sort (sorted, compare_day_dates);

  for (guint i = 0; i < sorted->len; i++)
    {
      const KjDay *day = g_ptr_array_index (sorted, i);
      int d = kj_series_julian (day->date);

      while (kj_series_julian (((KjDay *) g_ptr_array_index (sorted, first))->date) < d - 6)
        first++;
      kj_warnings_day_red_flags (day, (KjDay *const *) sorted->pdata + first, i - first, flags);
    }

  g_array_sort (flags, compare_red_flags);

  return flags;
}

/* Load */

static int
compare_load_warnings (gconstpointer a,
                       gconstpointer b)
{
  const KjLoadWarning *x = a, *y = b;
  int c = strcmp (x->date, y->date);

  return c != 0 ? c : strcmp (x->type, y->type);
}

typedef struct
{
  int    day;
  double km;
  const char *date;
} RunPoint;

static int
compare_run_points (gconstpointer a,
                    gconstpointer b)
{
  return ((const RunPoint *) a)->day - ((const RunPoint *) b)->day;
}

/* The load warnings of doc/assessment.md, “Load” up to @to, by date. */
GArray *
kj_warnings_load (GPtrArray  *runs,
                  const char *to)
{
  GArray *warnings = g_array_new (FALSE, FALSE, sizeof (KjLoadWarning));
  g_autoptr(GArray) points = g_array_sized_new (FALSE, FALSE, sizeof (RunPoint), runs->len);
  int last = kj_series_julian (to);

  for (guint i = 0; i < runs->len; i++)
    {
      const KjRun *run = g_ptr_array_index (runs, i);
      RunPoint p = { kj_series_julian (run->date), run->distance_km, run->date };

      if (p.day <= last)
        g_array_append_val (points, p);
    }
  g_array_sort (points, compare_run_points);

  /* a run more than 10 % longer than the longest of the 30 days before it */
  for (guint i = 0; i < points->len; i++)
    {
      const RunPoint *p = &g_array_index (points, RunPoint, i);
      double longest = 0;

      for (guint j = i; j-- > 0;)
        {
          const RunPoint *o = &g_array_index (points, RunPoint, j);

          if (o->day < p->day - 30)
            break;
          if (o->day <= p->day - 1)
            longest = MAX (longest, o->km);
        }

      if (longest > 0 && p->km > longest * 1.1 + EPSILON)
        {
          KjLoadWarning w = { "long-run-spike", "", p->km, longest };

          g_strlcpy (w.date, p->date, sizeof w.date);
          g_array_append_val (warnings, w);
        }
    }

  /* a week more than 30 % above the one before, when that had at least 5 km */
  if (points->len > 0)
    {
      const RunPoint *first = &g_array_index (points, RunPoint, 0);
      int monday = kj_series_week_start (first->day);
      g_autoptr(GArray) weeks = kj_series_weekly_km (runs, first->date, to);

      for (guint w = 1; w < weeks->len; w++)
        {
          double previous = g_array_index (weeks, double, w - 1);
          double km = g_array_index (weeks, double, w);

          if (previous >= 5.0 - EPSILON && km > previous * 1.3 + EPSILON)
            {
              KjLoadWarning warning = { "weekly-increase", "", km, previous };

              kj_series_date_of_julian (monday + 7 * (int) w, warning.date);
              g_array_append_val (warnings, warning);
            }
        }
    }

  g_array_sort (warnings, compare_load_warnings);

  return warnings;
}

/* Medication */

static void
clear_medication_warning (gpointer data)
{
  KjMedicationWarning *w = data;

  g_clear_pointer (&w->drug, g_free);
}

static gboolean
is_oral_nsaid (const char *drug)
{
  return kj_drug_is_nsaid (drug) && kj_drug_is_oral (drug);
}

static int
compare_medication_warnings (gconstpointer a,
                             gconstpointer b)
{
  const KjMedicationWarning *x = a, *y = b;
  int c = strcmp (x->date, y->date);

  if (c == 0)
    c = strcmp (x->type, y->type);
  return c != 0 ? c : g_strcmp0 (x->drug, y->drug);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* The day's totals of the medication treatments in @list (all of one day) */
static KjMedicationDay *
medication_day_from_list (const char *date,
                          GPtrArray  *list)
{
  KjMedicationDay *day = g_new0 (KjMedicationDay, 1);
  guint n_drugs;
  const KjCode *drugs = kj_code_list (KJ_CODE_DRUG, &n_drugs);

  g_strlcpy (day->date, date, sizeof day->date);
  day->drugs = g_array_new (FALSE, FALSE, sizeof (KjDrugTotal));
  day->oral_nsaids = g_ptr_array_new ();

  for (guint d = 0; d < n_drugs; d++)
    {
      KjDrugTotal total = { drugs[d].code, 0, 0, FALSE };
      gboolean taken = FALSE;

      for (guint i = 0; i < list->len; i++)
        {
          const KjTreatment *t = g_ptr_array_index (list, i);

          if (g_strcmp0 (t->drug, total.drug) == 0)
            {
              taken = TRUE;
              total.total_mg += t->dose_mg != KJ_UNSET ? t->dose_mg : 0;
            }
        }

      if (!taken)
        continue;

      if (kj_drug_is_oral (total.drug))
        total.max_mg = MAX (0, kj_drug_daily_max_mg (total.drug));
      total.over_limit = total.max_mg > 0 && total.total_mg > total.max_mg;
      day->over_limit |= total.over_limit;
      g_array_append_val (day->drugs, total);

      if (is_oral_nsaid (total.drug))
        g_ptr_array_add (day->oral_nsaids, (gpointer) total.drug);
    }

  day->two_nsaids = day->oral_nsaids->len >= 2;

  return day;
}

/**
 * kj_medication_day_new:
 * @treatments: treatments, of any dates
 * @date: the day
 * @pending: (nullable): a treatment not stored yet, or being edited: it
 *   replaces the treatment with its id, or is added
 *
 * The day's medication by the rules of doc/data-model.md, “Medication”: each drug's total against
 * its over-the-counter maximum, and two different oral NSAIDs. The one rule
 * behind the Today page, the treatment dialog (before Add is pressed), the
 * medication warnings of the assessment, Trends, the report and --summary.
 *
 * Returns: (transfer full): the day's medication
 */
KjMedicationDay *
kj_medication_day_new (GPtrArray         *treatments,
                       const char        *date,
                       const KjTreatment *pending)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  g_return_val_if_fail (treatments != NULL && date != NULL, NULL);

  for (guint i = 0; i < treatments->len; i++)
    {
      const KjTreatment *t = g_ptr_array_index (treatments, i);

      if (t->drug == NULL || !g_str_equal (t->date, date))
        continue;
      if (pending != NULL && pending->id != NULL && g_strcmp0 (t->id, pending->id) == 0)
        continue;
      g_ptr_array_add (list, (gpointer) t);
    }

  if (pending != NULL && pending->drug != NULL && g_str_equal (pending->date, date))
    g_ptr_array_add (list, (gpointer) pending);

  return medication_day_from_list (date, list);
}

/* Returns: (nullable): @drug's total on the day, NULL when it was not taken */
const KjDrugTotal *
kj_medication_day_get_drug (const KjMedicationDay *day,
                            const char            *drug)
{
  g_return_val_if_fail (day != NULL, NULL);

  for (guint i = 0; i < day->drugs->len; i++)
    if (g_strcmp0 (g_array_index (day->drugs, KjDrugTotal, i).drug, drug) == 0)
      return &g_array_index (day->drugs, KjDrugTotal, i);

  return NULL;
}

void
kj_medication_day_free (KjMedicationDay *day)
{
  if (day == NULL)
    return;

  g_clear_pointer (&day->drugs, g_array_unref);
  g_clear_pointer (&day->oral_nsaids, g_ptr_array_unref);
  g_free (day);
}

/* The medication warnings of doc/data-model.md, “Medication” up to @to, by date; each day's
 * totals come from medication_day_from_list(), the rule of kj_medication_day_new(). */
GArray *
kj_warnings_medication (GPtrArray  *treatments,
                        const char *to)
{
  GArray *warnings = g_array_new (FALSE, FALSE, sizeof (KjMedicationWarning));
  g_autoptr(GHashTable) by_date = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) first_nsaid = g_hash_table_new (NULL, NULL);   /* julian day → static drug code */
  g_autoptr(GArray) nsaid_days = g_array_new (FALSE, FALSE, sizeof (int));
  GHashTableIter iter;
  gpointer key, value;
  int last = kj_series_julian (to), streak = 0, previous = 0, open = -1;

  g_array_set_clear_func (warnings, clear_medication_warning);

  for (guint i = 0; i < treatments->len; i++)
    {
      KjTreatment *t = g_ptr_array_index (treatments, i);
      GPtrArray *list;

      if (t->drug == NULL || kj_series_julian (t->date) > last)
        continue;

      if (!(list = g_hash_table_lookup (by_date, t->date)))
        g_hash_table_insert (by_date, t->date, (list = g_ptr_array_new ()));
      g_ptr_array_add (list, t);
    }

  g_hash_table_iter_init (&iter, by_date);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(KjMedicationDay) day = medication_day_from_list (key, value);

      for (guint i = 0; i < day->drugs->len; i++)
        {
          const KjDrugTotal *total = &g_array_index (day->drugs, KjDrugTotal, i);

          if (total->over_limit)
            {
              KjMedicationWarning w = { "over-limit", "", g_strdup (total->drug), total->total_mg, KJ_UNSET };

              g_strlcpy (w.date, key, sizeof w.date);
              g_array_append_val (warnings, w);
            }
        }

      if (day->two_nsaids)
        {
          g_autofree char *joined = NULL;
          KjMedicationWarning w = { "two-nsaids", "", NULL, KJ_UNSET, KJ_UNSET };

          g_ptr_array_add (day->oral_nsaids, NULL);
          joined = g_strjoinv ("+", (char **) day->oral_nsaids->pdata);
          g_ptr_array_set_size (day->oral_nsaids, day->oral_nsaids->len - 1);
          w.drug = g_steal_pointer (&joined);
          g_strlcpy (w.date, key, sizeof w.date);
          g_array_append_val (warnings, w);
        }

      if (day->oral_nsaids->len > 0)
        {
          int d = kj_series_julian (key);

          g_array_append_val (nsaid_days, d);
          g_hash_table_insert (first_nsaid, GINT_TO_POINTER (d), g_ptr_array_index (day->oral_nsaids, 0));
        }
    }

  /* oral NSAIDs on more than 10 consecutive days: flagged on the 11th day,
   * with the length of the whole run of days */
  g_array_sort (nsaid_days, compare_ints);
  for (guint i = 0; i < nsaid_days->len; i++)
    {
      int d = g_array_index (nsaid_days, int, i);

      streak = (i > 0 && d == previous + 1) ? streak + 1 : 1;
      previous = d;

      if (streak == 11)
        {
          KjMedicationWarning w = { "long-use", "", NULL, KJ_UNSET, streak };

          kj_series_date_of_julian (d, w.date);
          w.drug = g_strdup (g_hash_table_lookup (first_nsaid, GINT_TO_POINTER (d)));
          g_array_append_val (warnings, w);
          open = (int) warnings->len - 1;
        }
      else if (streak > 11 && open >= 0)
        g_array_index (warnings, KjMedicationWarning, open).days = streak;
      else if (streak == 1)
        open = -1;
    }

  g_array_sort (warnings, compare_medication_warnings);

  return warnings;
}
