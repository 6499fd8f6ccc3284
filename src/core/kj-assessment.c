/* kj-stats.c — the assessment of doc/assessment.md: is conservative treatment working?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions over arrays of records, no SQL: the store reads, this
 * computes.
 *
 * Every number counts only records dated up to "as of": the baseline too
 * (T0 … T0+6, cut at as of), the current window, the slope, the red flags,
 * the load and medication warnings, runs and pain. A treatment start after
 * as of gives days_since_t0 < 0 (has_t0 says whether it is known at all).
 *
 * Two readings to know:
 * - A window with 1–2 entries shows its mean and its count (“4.0 (2 days
 *   logged)”), but change, change_pct and the verdict need at least 3
 *   entries in the baseline and 3 in the current window; with fewer the
 *   verdict is not-enough-data.
 * - Runs and pain: the journal's first day entry does not count, because
 *   whether the day before it had a run is not known; every later entry
 *   counts as “after a run day” or “after a day without a run”.
 *
 * Medication: kj_medication_day_new() is the one rule that adds a day's
 * doses up against the over-the-counter maxima and finds two oral NSAIDs;
 * the Today page, the treatment dialog (with the dose not added yet),
 * kj_warnings_medication() and so Trends, the report and --summary
 * all use it.
 *
 * Units: kj_assessment_to_text() (--summary) writes distances in the
 * journal's unit (km or miles, via kj-format); kj_assessment_to_json()
 * (--summary-json, doc/journal-format.md, “Summary JSON”) always in km and metres.
 */
#define G_LOG_DOMAIN "knee-journal-assessment"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kj-assessment.h"

#define EPSILON 1e-9

/* Dates as Julian day numbers */

static int
jd (const char *date)
{
  GDate d;

  if (!kj_date_to_gdate (date, &d))
    return 0;

  return (int) g_date_get_julian (&d);
}

static void
jd_to_date (int  julian,
            char out[11])
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  kj_date_from_gdate (&d, out);
}

static int
jd_monday (int julian)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);

  return julian - ((int) g_date_get_weekday (&d) - 1);
}

static char *
display_date (const char *date)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate d;

  if (!kj_date_to_gdate (date, &d))
    return g_strdup (date);

  dt = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 12, 0, 0);
  /* Translators: a date in the assessment's sentences, see strftime(3) */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

const char *
kj_verdict_to_string (KjVerdict verdict)
{
  switch (verdict)
    {
    case KJ_VERDICT_IMPROVING: return "improving";
    case KJ_VERDICT_NO_CHANGE: return "no-change";
    case KJ_VERDICT_WORSENING: return "worsening";
    case KJ_VERDICT_TOO_EARLY: return "too-early";
    case KJ_VERDICT_SEE_DOCTOR: return "see-doctor";
    case KJ_VERDICT_NOT_ENOUGH_DATA: return "not-enough-data";
    default: g_return_val_if_reached ("not-enough-data");
    }
}

/* The rules */

/**
 * kj_assessment_is_meaningful_change:
 *
 * The minimal clinically important difference on the 0–10 scale (Farrar et
 * al. 2001): at least 2 points, or at least 30 % of the baseline when that
 * is also at least 1 point.
 */
gboolean
kj_assessment_is_meaningful_change (double baseline,
                        double change)
{
  double size = fabs (change);

  if (isnan (change))
    return FALSE;

  if (size >= 2.0 - EPSILON)
    return TRUE;

  return !isnan (baseline) && size >= 0.3 * baseline - EPSILON && size >= 1.0 - EPSILON;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of the slopes of all pairs with different x; NAN without any. */
double
kj_series_theil_sen (const double *x,
                    const double *y,
                    guint         n)
{
  g_autoptr(GArray) slopes = g_array_new (FALSE, FALSE, sizeof (double));
  double *s;

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        if (x[j] != x[i])
          {
            double slope = (y[j] - y[i]) / (x[j] - x[i]);
            g_array_append_val (slopes, slope);
          }
      }

  if (slopes->len == 0)
    return NAN;

  s = (double *) slopes->data;
  qsort (s, slopes->len, sizeof (double), compare_doubles);

  if (slopes->len % 2 == 1)
    return s[slopes->len / 2];

  return (s[slopes->len / 2 - 1] + s[slopes->len / 2]) / 2.0;
}

/* The days between @from and @to, each with the trailing 7-day mean of pain,
 * NAN where the window holds fewer than 3 entries. */
GArray *
kj_series_rolling_mean (GPtrArray  *days,
                       const char *from,
                       const char *to)
{
  int first = jd (from), last = jd (to);
  g_autofree double *sum = NULL;
  g_autofree int *count = NULL;
  GArray *means;
  int span;

  g_return_val_if_fail (first > 0 && last >= first, NULL);

  span = last - first + 1;
  means = g_array_sized_new (FALSE, FALSE, sizeof (double), span);
  sum = g_new0 (double, span + 6);
  count = g_new0 (int, span + 6);

  /* index 0 is first − 6 */
  for (guint i = 0; i < days->len; i++)
    {
      const KjDay *day = g_ptr_array_index (days, i);
      int k = jd (day->date) - (first - 6);

      if (k >= 0 && k < span + 6)
        {
          sum[k] += day->pain;
          count[k]++;
        }
    }

  for (int d = 0; d < span; d++)
    {
      double s = 0;
      int n = 0;
      double mean;

      for (int k = d; k <= d + 6; k++)
        {
          s += sum[k];
          n += count[k];
        }

      mean = n >= 3 ? s / n : NAN;
      g_array_append_val (means, mean);
    }

  return means;
}

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
      int k = date - jd (before[i]->date);

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

  d = jd (day->date);

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
  int last = jd (to);
  guint first = 0;

  for (guint i = 0; i < days->len; i++)
    if (jd (((KjDay *) g_ptr_array_index (days, i))->date) <= last)
      g_ptr_array_add (sorted, g_ptr_array_index (days, i));
  g_ptr_array_sort (sorted, compare_day_dates);

  for (guint i = 0; i < sorted->len; i++)
    {
      const KjDay *day = g_ptr_array_index (sorted, i);
      int d = jd (day->date);

      while (jd (((KjDay *) g_ptr_array_index (sorted, first))->date) < d - 6)
        first++;
      kj_warnings_day_red_flags (day, (KjDay *const *) sorted->pdata + first, i - first, flags);
    }

  g_array_sort (flags, compare_red_flags);

  return flags;
}

static int
compare_load_warnings (gconstpointer a,
                       gconstpointer b)
{
  const KjLoadWarning *x = a, *y = b;
  int c = strcmp (x->date, y->date);

  return c != 0 ? c : strcmp (x->type, y->type);
}

/* Kilometres per ISO week (Monday first) from the week of @from to the week of @to. */
GArray *
kj_series_weekly_km (GPtrArray  *runs,
                    const char *from,
                    const char *to)
{
  int end = jd (to);
  int first = jd_monday (jd (from)), last = jd_monday (end);
  int n_weeks = (last - first) / 7 + 1;
  GArray *weeks = g_array_new (FALSE, TRUE, sizeof (double));

  g_return_val_if_fail (last >= first, weeks);

  g_array_set_size (weeks, n_weeks);
  for (guint i = 0; i < runs->len; i++)
    {
      const KjRun *run = g_ptr_array_index (runs, i);
      int d = jd (run->date);

      if (d >= first && d <= end)
        g_array_index (weeks, double, (jd_monday (d) - first) / 7) += run->distance_km;
    }

  return weeks;
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
  int last = jd (to);

  for (guint i = 0; i < runs->len; i++)
    {
      const KjRun *run = g_ptr_array_index (runs, i);
      RunPoint p = { jd (run->date), run->distance_km, run->date };

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
      int monday = jd_monday (first->day);
      g_autoptr(GArray) weeks = kj_series_weekly_km (runs, first->date, to);

      for (guint w = 1; w < weeks->len; w++)
        {
          double previous = g_array_index (weeks, double, w - 1);
          double km = g_array_index (weeks, double, w);

          if (previous >= 5.0 - EPSILON && km > previous * 1.3 + EPSILON)
            {
              KjLoadWarning warning = { "weekly-increase", "", km, previous };

              jd_to_date (monday + 7 * (int) w, warning.date);
              g_array_append_val (warnings, warning);
            }
        }
    }

  g_array_sort (warnings, compare_load_warnings);

  return warnings;
}

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
medication_day_new (const char *date,
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

  return medication_day_new (date, list);
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
 * totals come from medication_day_new(), the rule of kj_medication_day_new(). */
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
  int last = jd (to), streak = 0, previous = 0, open = -1;

  g_array_set_clear_func (warnings, clear_medication_warning);

  for (guint i = 0; i < treatments->len; i++)
    {
      KjTreatment *t = g_ptr_array_index (treatments, i);
      GPtrArray *list;

      if (t->drug == NULL || jd (t->date) > last)
        continue;

      if (!(list = g_hash_table_lookup (by_date, t->date)))
        g_hash_table_insert (by_date, t->date, (list = g_ptr_array_new ()));
      g_ptr_array_add (list, t);
    }

  g_hash_table_iter_init (&iter, by_date);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(KjMedicationDay) day = medication_day_new (key, value);

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
          int d = jd (key);

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

          jd_to_date (d, w.date);
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

/* Runs and pain */

static int
compare_run_pain (gconstpointer a,
                  gconstpointer b)
{
  return strcmp (((const KjRunPain *) a)->date, ((const KjRunPain *) b)->date);
}

/**
 * kj_series_run_pain:
 *
 * Every day with a run between @from and @to, with the pain during and
 * after it, the usual pain before it (the mean of the 7 days before) and the
 * next day's pain. By the pain-monitoring model (Silbernagel et al. 2007)
 * pain during a run should stay at or below 5 of 10, and the next day be
 * back at the usual level: a run that broke either is marked; the next day
 * counts as back when it is less than a point above the usual level.
 *
 * Returns: (transfer full) (element-type KjRunPain): by date
 */
GArray *
kj_series_run_pain (GPtrArray  *days,
                   GPtrArray  *runs,
                   const char *from,
                   const char *to)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (KjRunPain));
  g_autoptr(GHashTable) pain = g_hash_table_new (NULL, NULL);
  int first = jd (from), last = jd (to);

  for (guint i = 0; i < days->len; i++)
    {
      const KjDay *day = g_ptr_array_index (days, i);
      g_hash_table_insert (pain, GINT_TO_POINTER (jd (day->date)), GINT_TO_POINTER (day->pain + 1));
    }

  for (guint i = 0; i < runs->len; i++)
    {
      const KjRun *run = g_ptr_array_index (runs, i);
      int d = jd (run->date);
      KjRunPain *rp = NULL;

      if (d < first || d > last)
        continue;

      /* several runs on one day are one entry */
      for (guint k = 0; k < result->len; k++)
        if (g_str_equal (g_array_index (result, KjRunPain, k).date, run->date))
          rp = &g_array_index (result, KjRunPain, k);

      if (rp == NULL)
        {
          KjRunPain fresh = { .descent_m = NAN, .pain_during = KJ_UNSET, .pain_after = KJ_UNSET,
                              .usual = NAN, .next_day = KJ_UNSET };
          double sum = 0;
          int n = 0, next;

          g_strlcpy (fresh.date, run->date, sizeof fresh.date);
          for (int k = d - 7; k <= d - 1; k++)
            {
              int p = GPOINTER_TO_INT (g_hash_table_lookup (pain, GINT_TO_POINTER (k)));

              if (p > 0)
                sum += p - 1, n++;
            }
          fresh.usual = n > 0 ? sum / n : NAN;
          next = GPOINTER_TO_INT (g_hash_table_lookup (pain, GINT_TO_POINTER (d + 1)));
          fresh.next_day = next > 0 ? next - 1 : KJ_UNSET;
          g_array_append_val (result, fresh);
          rp = &g_array_index (result, KjRunPain, result->len - 1);
        }

      rp->km += run->distance_km;
      if (!isnan (run->descent_m))
        rp->descent_m = (isnan (rp->descent_m) ? 0 : rp->descent_m) + run->descent_m;
      if (run->pain_during != KJ_UNSET)
        rp->pain_during = MAX (rp->pain_during, run->pain_during);
      if (run->pain_after != KJ_UNSET)
        rp->pain_after = MAX (rp->pain_after, run->pain_after);
    }

  for (guint k = 0; k < result->len; k++)
    {
      KjRunPain *rp = &g_array_index (result, KjRunPain, k);

      rp->broke_rule = (rp->pain_during != KJ_UNSET && rp->pain_during > 5) ||
                       (rp->next_day != KJ_UNSET && !isnan (rp->usual) && rp->next_day >= rp->usual + 1.0 - EPSILON);
    }

  g_array_sort (result, compare_run_pain);

  return result;
}

static int
compare_next_day_rise (gconstpointer a,
                       gconstpointer b)
{
  const KjRunPain *x = a, *y = b;
  double rx = x->next_day - x->usual, ry = y->next_day - y->usual;

  return (ry > rx) - (ry < rx);
}

/**
 * kj_series_runs_by_next_day_rise:
 * @runs: (element-type KjRunPain): from kj_series_run_pain()
 *
 * The runs followed by more pain the next day than the usual level, the
 * largest rise first (runs with the same rise by date): the one comparison
 * behind Trends and the report.
 *
 * Returns: (transfer full) (element-type KjRunPain): those runs
 */
GArray *
kj_series_runs_by_next_day_rise (GArray *runs)
{
  GArray *rises;

  g_return_val_if_fail (runs != NULL, NULL);

  rises = g_array_new (FALSE, FALSE, sizeof (KjRunPain));
  for (guint i = 0; i < runs->len; i++)
    {
      const KjRunPain *rp = &g_array_index (runs, KjRunPain, i);

      if (rp->next_day != KJ_UNSET && !isnan (rp->usual) && rp->next_day > rp->usual)
        g_array_append_val (rises, *rp);
    }
  g_array_sort (rises, compare_next_day_rise);

  return rises;
}

/* The assessment */

static double
mean_pain (GPtrArray *days,
           int        from,
           int        to,
           guint     *n)
{
  double sum = 0;

  *n = 0;
  for (guint i = 0; i < days->len; i++)
    {
      const KjDay *day = g_ptr_array_index (days, i);
      int d = jd (day->date);

      if (d >= from && d <= to)
        {
          sum += day->pain;
          (*n)++;
        }
    }

  return *n > 0 ? sum / *n : NAN;
}

static double
slope_per_week (GPtrArray *days,
                int        as_of)
{
  g_autoptr(GArray) x = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) y = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < days->len; i++)
    {
      const KjDay *day = g_ptr_array_index (days, i);
      int d = jd (day->date);

      if (d >= as_of - 20 && d <= as_of)
        {
          double dx = d - as_of, dy = day->pain;

          g_array_append_val (x, dx);
          g_array_append_val (y, dy);
        }
    }

  if (x->len < 5)
    return NAN;

  return 7.0 * kj_series_theil_sen ((double *) x->data, (double *) y->data, x->len);
}

/* Mean pain on days after a run day, and after a day without one. */
static void
pain_after_runs (GPtrArray *days,
                 GPtrArray *runs,
                 int        as_of,
                 double    *after_run,
                 double    *after_rest)
{
  g_autoptr(GHashTable) run_days = g_hash_table_new (NULL, NULL);
  double run_sum = 0, rest_sum = 0;
  int run_n = 0, rest_n = 0, first = G_MAXINT;

  for (guint i = 0; i < runs->len; i++)
    g_hash_table_add (run_days, GINT_TO_POINTER (jd (((KjRun *) g_ptr_array_index (runs, i))->date)));

  for (guint i = 0; i < days->len; i++)
    first = MIN (first, jd (((KjDay *) g_ptr_array_index (days, i))->date));

  for (guint i = 0; i < days->len; i++)
    {
      const KjDay *day = g_ptr_array_index (days, i);
      int d = jd (day->date);

      /* the day before must lie within the journal */
      if (d > as_of || d - 1 < first)
        continue;

      if (g_hash_table_contains (run_days, GINT_TO_POINTER (d - 1)))
        run_sum += day->pain, run_n++;
      else
        rest_sum += day->pain, rest_n++;
    }

  *after_run = run_n >= 3 && rest_n >= 3 ? run_sum / run_n : NAN;
  *after_rest = run_n >= 3 && rest_n >= 3 ? rest_sum / rest_n : NAN;
}

static char *
format_change_pct (double pct)
{
  if (isnan (pct))
    return g_strdup ("");
  /* Translators: a percentage change in brackets, “ (−56 %)”; mind the minus sign */
  return g_strdup_printf (_(" (%s%.0f %%)"), pct < 0 ? "−" : "+", fabs (pct));
}

static char *
build_message (const KjAssessment *a,
               const KjRedFlag    *recent_flag)
{
  g_autofree char *pct = format_change_pct (a->change_pct);
  int weeks = a->has_t0 ? MAX (0, a->days_since_t0) / 7 : 0;

  switch (a->verdict)
    {
    case KJ_VERDICT_SEE_DOCTOR:
      if (a->doctor_reason == KJ_DOCTOR_RED_FLAG && recent_flag != NULL)
        {
          g_autofree char *when = display_date (recent_flag->date);
          const char *what = kj_code_label (KJ_CODE_SYMPTOM, recent_flag->symptom);

          if (recent_flag->urgent)
            /* Translators: “See a doctor now — you noted Locking on 20 March 2026. …” */
            return g_strdup_printf (_("See a doctor now — you noted “%s” on %s. Locking, fever or not being able to "
                                      "bear weight need a doctor’s examination today; tell them when it started."),
                                    what, when);
          if (g_str_equal (recent_flag->symptom, "swelling"))
            return g_strdup_printf (_("See a doctor or physiotherapist soon — your knee was swollen on 3 or more of 7 "
                                      "days, most recently on %s. Tell them how long it has been swollen."), when);
          return g_strdup_printf (_("See a doctor or physiotherapist soon — you noted “%s” on %s. "
                                    "Tell them when it happened and what you were doing."), what, when);
        }
      /* Translators: “… in the 3 weeks since you started treatment (5.1 to 4.8).” */
      return g_strdup_printf (ngettext ("See a doctor — your pain has not improved meaningfully in the %d week since "
                                        "you started treatment (%.1f then, %.1f now). Tell them what you tried.",
                                        "See a doctor — your pain has not improved meaningfully in the %d weeks since "
                                        "you started treatment (%.1f then, %.1f now). Tell them what you tried.",
                                        weeks),
                              weeks, a->baseline, a->current);

    case KJ_VERDICT_NOT_ENOUGH_DATA:
      return g_strdup_printf (ngettext ("Not enough data yet — log at least 3 days in the first week of treatment and "
                                        "3 in the last 7 days. Log %d more day to see whether treatment is working.",
                                        "Not enough data yet — log at least 3 days in the first week of treatment and "
                                        "3 in the last 7 days. Log %d more days to see whether treatment is working.",
                                        a->more_days_needed),
                              a->more_days_needed);

    case KJ_VERDICT_TOO_EARLY:
      {
        g_autofree char *started = g_strdup_printf (ngettext ("Too early to tell — treatment started %d day ago.",
                                                              "Too early to tell — treatment started %d days ago.",
                                                              a->days_since_t0),
                                                    a->days_since_t0);
        g_autofree char *wait = g_strdup_printf (ngettext ("Keep logging: the first assessment comes in %d day.",
                                                           "Keep logging: the first assessment comes in %d days.",
                                                           a->more_days_needed),
                                                 a->more_days_needed);

        return g_strdup_printf ("%s %s", started, wait);
      }

    case KJ_VERDICT_IMPROVING:
      /* Translators: “Improving — average pain fell from 6.1 to 2.7 (−56 %) in the 4 weeks since …” */
      return g_strdup_printf (ngettext ("Improving — average pain fell from %.1f to %.1f%s in the %d week since you "
                                        "started treatment. Keep going with what helps.",
                                        "Improving — average pain fell from %.1f to %.1f%s in the %d weeks since you "
                                        "started treatment. Keep going with what helps.",
                                        weeks),
                              a->baseline, a->current, pct, weeks);

    case KJ_VERDICT_WORSENING:
      return g_strdup_printf (ngettext ("Worse — average pain rose from %.1f to %.1f%s in the %d week since you "
                                        "started treatment. See a doctor or physiotherapist.",
                                        "Worse — average pain rose from %.1f to %.1f%s in the %d weeks since you "
                                        "started treatment. See a doctor or physiotherapist.",
                                        weeks),
                              a->baseline, a->current, pct, weeks);

    case KJ_VERDICT_NO_CHANGE:
    default:
      {
        char review[11];
        g_autofree char *when = NULL;

        kj_date_add_days (a->t0, 7 * a->review_weeks, review);
        when = display_date (review);
        return g_strdup_printf (_("No clear change yet — average pain was %.1f when treatment started and is %.1f "
                                  "now. If it has not improved by %s, see a doctor."),
                                a->baseline, a->current, when);
      }
    }
}

/**
 * kj_assess:
 * @profile: (nullable): the profile (treatment start, review weeks)
 * @days: the day entries, in any order
 * @as_of: the date to evaluate for
 *
 * Returns: (transfer full): the assessment of doc/assessment.md
 */
KjAssessment *
kj_assess (const KjProfile *profile,
           GPtrArray       *days,
           GPtrArray       *treatments,
           GPtrArray       *runs,
           const char      *as_of)
{
  KjAssessment *a = g_new0 (KjAssessment, 1);
  const KjRedFlag *recent_flag = NULL;
  int as, t0 = 0;

  g_return_val_if_fail (kj_date_is_valid (as_of), NULL);

  as = jd (as_of);
  g_strlcpy (a->as_of, as_of, sizeof a->as_of);
  a->review_weeks = profile != NULL ? profile->review_weeks : 3;
  a->units = kj_units_from_profile (profile);
  a->has_t0 = FALSE;
  a->days_since_t0 = 0;
  a->baseline = a->current = a->change = a->change_pct = a->slope_per_week = NAN;

  for (guint i = 0; i < days->len; i++)
    a->entries += jd (((KjDay *) g_ptr_array_index (days, i))->date) <= as;

  /* T0: the profile's treatment start, else the first treatment, else the first entry */
  if (profile != NULL && profile->treatment_start != NULL)
    t0 = jd (profile->treatment_start);
  if (t0 == 0)
    {
      int first = G_MAXINT;

      for (guint i = 0; i < treatments->len; i++)
        {
          int d = jd (((KjTreatment *) g_ptr_array_index (treatments, i))->date);
          if (d <= as)
            first = MIN (first, d);
        }
      if (first == G_MAXINT)
        for (guint i = 0; i < days->len; i++)
          {
            int d = jd (((KjDay *) g_ptr_array_index (days, i))->date);
            if (d <= as)
              first = MIN (first, d);
          }
      t0 = first != G_MAXINT ? first : 0;
    }

  a->red_flags = kj_warnings_red_flags (days, as_of);
  a->load_warnings = kj_warnings_load (runs, as_of);
  a->medication_warnings = kj_warnings_medication (treatments, as_of);
  pain_after_runs (days, runs, as, &a->pain_after_run_days, &a->pain_after_rest_days);
  a->slope_per_week = slope_per_week (days, as);

  for (guint i = 0; i < a->red_flags->len; i++)
    {
      const KjRedFlag *flag = &g_array_index (a->red_flags, KjRedFlag, i);

      /* the most recent, urgent ones first */
      if (jd (flag->date) >= as - 13 &&
          (recent_flag == NULL || flag->urgent || !recent_flag->urgent))
        recent_flag = flag;
    }

  if (t0 != 0)
    {
      jd_to_date (t0, a->t0);
      a->has_t0 = TRUE;
      a->days_since_t0 = as - t0;
      /* nothing dated after as_of counts, in the baseline neither */
      a->baseline = mean_pain (days, t0, MIN (t0 + 6, as), &a->baseline_entries);
      a->current = mean_pain (days, as - 6, as, &a->current_entries);

      if (a->baseline_entries >= 3 && a->current_entries >= 3)
        {
          a->change = a->current - a->baseline;
          a->change_pct = a->baseline != 0 ? 100.0 * a->change / a->baseline : NAN;
        }
    }

  if (recent_flag != NULL)
    {
      a->verdict = KJ_VERDICT_SEE_DOCTOR;
      a->doctor_reason = KJ_DOCTOR_RED_FLAG;
    }
  else if (t0 == 0 || a->baseline_entries < 3 || a->current_entries < 3)
    {
      a->verdict = KJ_VERDICT_NOT_ENOUGH_DATA;
      a->more_days_needed = MAX (1, MAX (0, 3 - (int) a->current_entries) + MAX (0, 3 - (int) a->baseline_entries));
    }
  else if (a->days_since_t0 < 13)
    {
      a->verdict = KJ_VERDICT_TOO_EARLY;
      a->more_days_needed = 13 - a->days_since_t0;
    }
  else if (kj_assessment_is_meaningful_change (a->baseline, a->change) && a->change < 0)
    a->verdict = KJ_VERDICT_IMPROVING;
  else if (kj_assessment_is_meaningful_change (a->baseline, a->change) && a->change > 0)
    a->verdict = KJ_VERDICT_WORSENING;
  else if (a->days_since_t0 >= 7 * a->review_weeks)
    {
      a->verdict = KJ_VERDICT_SEE_DOCTOR;
      a->doctor_reason = KJ_DOCTOR_NO_IMPROVEMENT;
    }
  else
    a->verdict = KJ_VERDICT_NO_CHANGE;

  a->message = build_message (a, recent_flag);

  return a;
}

void
kj_assessment_free (KjAssessment *a)
{
  if (a == NULL)
    return;

  g_clear_pointer (&a->red_flags, g_array_unref);
  g_clear_pointer (&a->load_warnings, g_array_unref);
  g_clear_pointer (&a->medication_warnings, g_array_unref);
  g_free (a->message);
  g_free (a);
}

const char *
kj_assessment_disclaimer (void)
{
  return _("This is a summary of your own records, not a diagnosis.");
}

/* Output */

static void
add_number (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

/**
 * kj_assessment_to_json:
 *
 * Returns: (transfer full): the summary JSON of doc/journal-format.md, “Summary JSON”, ending with a newline
 */
char *
kj_assessment_to_json (const KjAssessment *a)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "as_of");
  json_builder_add_string_value (builder, a->as_of);
  json_builder_set_member_name (builder, "t0");
  if (a->t0[0] != '\0')
    json_builder_add_string_value (builder, a->t0);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "days_since_t0");
  if (a->has_t0)
    json_builder_add_int_value (builder, a->days_since_t0);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, kj_verdict_to_string (a->verdict));
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, a->message);
  add_number (builder, "baseline", a->baseline);
  add_number (builder, "current", a->current);
  add_number (builder, "change", a->change);
  add_number (builder, "change_pct", a->change_pct);
  add_number (builder, "slope_per_week", a->slope_per_week);
  json_builder_set_member_name (builder, "entries");
  json_builder_add_int_value (builder, a->entries);

  json_builder_set_member_name (builder, "red_flags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < a->red_flags->len; i++)
    {
      const KjRedFlag *f = &g_array_index (a->red_flags, KjRedFlag, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, f->date);
      json_builder_set_member_name (builder, "symptom");
      json_builder_add_string_value (builder, f->symptom);
      json_builder_set_member_name (builder, "urgent");
      json_builder_add_boolean_value (builder, f->urgent);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "load_warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < a->load_warnings->len; i++)
    {
      const KjLoadWarning *w = &g_array_index (a->load_warnings, KjLoadWarning, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, w->type);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, w->date);
      add_number (builder, "km", w->km);
      add_number (builder, "previous_km", w->previous_km);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_number (builder, "pain_after_run_days", a->pain_after_run_days);
  add_number (builder, "pain_after_rest_days", a->pain_after_rest_days);

  json_builder_set_member_name (builder, "medication_warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < a->medication_warnings->len; i++)
    {
      const KjMedicationWarning *w = &g_array_index (a->medication_warnings, KjMedicationWarning, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, w->type);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, w->date);
      json_builder_set_member_name (builder, "drug");
      json_builder_add_string_value (builder, w->drug);
      json_builder_set_member_name (builder, "total_mg");
      if (w->total_mg != KJ_UNSET)
        json_builder_add_int_value (builder, w->total_mg);
      else
        json_builder_add_null_value (builder);
      if (w->days != KJ_UNSET)
        {
          json_builder_set_member_name (builder, "days");
          json_builder_add_int_value (builder, w->days);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
}

typedef struct
{
  char *label;
  char *value;
} Line;

static void
clear_line (gpointer data)
{
  Line *line = data;

  g_free (line->label);
  g_free (line->value);
}

static void
append_line (GArray     *lines,
             const char *label,
             const char *value)
{
  Line line = { g_strdup (label), g_strdup (value) };

  g_array_append_val (lines, line);
}

/* The labels in one column and the values in the next, padded by characters
 * (not bytes), so that they line up in every language */
static void
write_lines (GString *out,
             GArray  *lines)
{
  glong width = 26;

  for (guint i = 0; i < lines->len; i++)
    width = MAX (width, g_utf8_strlen (g_array_index (lines, Line, i).label, -1) + 1);

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      g_string_append (out, line->label);
      for (glong n = g_utf8_strlen (line->label, -1); n < width; n++)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, " %s\n", line->value);
    }
}

/* "Ibuprofen, Naproxen" from "ibuprofen+naproxen" */
static char *
drug_labels (const char *codes)
{
  g_auto(GStrv) parts = g_strsplit (codes != NULL ? codes : "", "+", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: between the names of two medicines */
        g_string_append (out, _(", "));
      g_string_append (out, kj_code_label (KJ_CODE_DRUG, parts[i]));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * kj_assessment_to_text:
 *
 * Returns: (transfer full): the assessment as readable text in the user's language
 */
char *
kj_assessment_to_text (const KjAssessment *a)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));

  g_array_set_clear_func (lines, clear_line);

  /* Translators: the first line of --summary */
  g_string_append_printf (out, _("Knee Journal — assessment as of %s"), a->as_of);
  g_string_append (out, "\n\n");
  g_string_append_printf (out, "%s\n\n", a->message);

  if (a->has_t0 && a->days_since_t0 < 0)
    {
      int in = -a->days_since_t0;
      /* Translators: a treatment start after the as-of date, “2026-03-09 (starts in 7 days)” */
      g_autofree char *v = g_strdup_printf (ngettext ("%s (starts in %d day)", "%s (starts in %d days)", in),
                                            a->t0, in);
      append_line (lines, _("Treatment starts:"), v);
    }
  else if (a->has_t0 && a->days_since_t0 == 0)
    {
      g_autofree char *v = g_strdup_printf (_("%s (today)"), a->t0);
      append_line (lines, _("Treatment started:"), v);
    }
  else if (a->has_t0)
    {
      g_autofree char *v = g_strdup_printf (ngettext ("%s (%d day ago)", "%s (%d days ago)", a->days_since_t0),
                                            a->t0, a->days_since_t0);
      append_line (lines, _("Treatment started:"), v);
    }
  if (!isnan (a->baseline))
    {
      g_autofree char *v = g_strdup_printf (ngettext ("%.1f (%u day logged)", "%.1f (%u days logged)", a->baseline_entries),
                                            a->baseline, a->baseline_entries);
      append_line (lines, _("Pain in the first week:"), v);
    }
  if (!isnan (a->current))
    {
      g_autofree char *v = g_strdup_printf (ngettext ("%.1f (%u day logged)", "%.1f (%u days logged)", a->current_entries),
                                            a->current, a->current_entries);
      append_line (lines, _("Pain in the last 7 days:"), v);
    }
  if (!isnan (a->change))
    {
      g_autofree char *pct = format_change_pct (a->change_pct);
      g_autofree char *v = g_strdup_printf (_("%s%.1f points%s"), a->change < 0 ? "−" : "+", fabs (a->change), pct);
      append_line (lines, _("Change:"), v);
    }
  if (!isnan (a->slope_per_week))
    {
      g_autofree char *v = g_strdup_printf (_("%s%.1f points a week"),
                                            fabs (a->slope_per_week) < 0.05 ? "" : a->slope_per_week < 0 ? "−" : "+",
                                            fabs (a->slope_per_week));
      append_line (lines, _("Trend of the last 3 weeks:"), v);
    }
  {
    g_autofree char *v = g_strdup_printf ("%u", a->entries);
    append_line (lines, _("Days logged:"), v);
  }
  if (!isnan (a->pain_after_run_days))
    {
      g_autofree char *v = g_strdup_printf (_("%.1f after run days, %.1f after rest days"),
                                            a->pain_after_run_days, a->pain_after_rest_days);
      append_line (lines, _("Pain the day after:"), v);
    }
  write_lines (out, lines);

  if (a->red_flags->len > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Warning signs:"));
      for (guint i = 0; i < a->red_flags->len; i++)
        {
          const KjRedFlag *f = &g_array_index (a->red_flags, KjRedFlag, i);

          g_string_append_printf (out, "  %s  %s (%s)\n", f->date, kj_code_label (KJ_CODE_SYMPTOM, f->symptom),
                                  f->urgent ? _("see a doctor now") : _("see a doctor or physiotherapist soon"));
        }
    }

  if (a->load_warnings->len > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Running load:"));
      for (guint i = 0; i < a->load_warnings->len; i++)
        {
          const KjLoadWarning *w = &g_array_index (a->load_warnings, KjLoadWarning, i);
          g_autofree char *km = kj_format_distance (w->km, a->units);
          g_autofree char *previous = kj_format_distance (w->previous_km, a->units);

          if (g_str_equal (w->type, "weekly-increase"))
            /* Translators: “2026-03-09  the week’s 31.0 km are 38 % more than the week before (22.5 km)” */
            g_string_append_printf (out, _("  %s  the week’s %s are %.0f %% more than the week before (%s)\n"),
                                    w->date, km, 100 * (w->km / w->previous_km - 1), previous);
          else
            /* Translators: “2026-03-14  a run of 14.0 km, 40 % longer than the longest of the 30 days before (10.0 km)” */
            g_string_append_printf (out, _("  %s  a run of %s, %.0f %% longer than the longest of the 30 days before (%s)\n"),
                                    w->date, km, 100 * (w->km / w->previous_km - 1), previous);
        }
    }

  if (a->medication_warnings->len > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Medication:"));
      for (guint i = 0; i < a->medication_warnings->len; i++)
        {
          const KjMedicationWarning *w = &g_array_index (a->medication_warnings, KjMedicationWarning, i);

          if (g_str_equal (w->type, "over-limit"))
            g_string_append_printf (out, _("  %s  %s %d mg, more than %d mg a day without a prescription\n"),
                                    w->date, kj_code_label (KJ_CODE_DRUG, w->drug), w->total_mg,
                                    kj_drug_daily_max_mg (w->drug));
          else if (g_str_equal (w->type, "long-use"))
            g_string_append_printf (out, ngettext ("  %s  anti-inflammatory painkillers on %d day in a row (more than 10)\n",
                                                   "  %s  anti-inflammatory painkillers on %d days in a row (more than 10)\n",
                                                   w->days),
                                    w->date, w->days);
          else
            {
              g_autofree char *names = drug_labels (w->drug);

              g_string_append_printf (out, _("  %s  two different anti-inflammatory painkillers on one day (%s)\n"),
                                      w->date, names);
            }
        }
    }

  g_string_append_printf (out, "\n%s\n", kj_assessment_disclaimer ());

  return g_string_free (out, FALSE);
}
