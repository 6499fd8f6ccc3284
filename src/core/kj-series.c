/* kj-series.c — the journal's numbers over time: Julian days, Theil–Sen, rolling mean, weekly km, runs and pain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions over arrays of records, no SQL, for the assessment
 * (kj-assessment.c), the warnings (kj-warnings.c), the chart, Trends and the
 * report; the rules are those of doc/assessment.md, “Slope”, “Rolling mean”
 * and “Runs and pain”.
 */
#define G_LOG_DOMAIN "knee-journal-series"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kj-series.h"

#define EPSILON 1e-9

/* Dates as Julian day numbers: GDate's numbering (day 1 is Monday 1 January
 * of the year 1, proleptic Gregorian), computed in integers (the civil-date
 * arithmetic of Howard Hinnant's days_from_civil and civil_from_days; GDate's
 * validation and conversions were a fourteenth of reading and assessing a long
 * journal). tests/test-series-dates.c holds them to GDate over every day of
 * the years 1 to 9999. */

#define JULIAN_OF_1970_01_01 719163
#define JULIAN_OF_9999_12_31 3652059
#define DIGIT(c)             ((guint) ((c) - '0') <= 9)

/* Days from 1970-01-01 to @y-@m-@d, which must be a valid date */
static int
days_from_civil (int y,
                 int m,
                 int d)
{
  int era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;                                      /* [0, 399] */
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;   /* [0, 365] */
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;              /* [0, 146096] */

  return era * 146097 + doe - 719468;
}

static gboolean
is_leap_year (int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Returns: @date as a Julian day number, 0 when it is not a valid date (the
 * dates kj_date_to_gdate() takes: YYYY-MM-DD of the years 1900 to 2999) */
int
kj_series_julian (const char *date)
{
  static const guint8 month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int y, m, d;

  /* in order, so that nothing past a shorter text's end is read */
  if (date == NULL || !DIGIT (date[0]) || !DIGIT (date[1]) || !DIGIT (date[2]) || !DIGIT (date[3]) ||
      date[4] != '-' || !DIGIT (date[5]) || !DIGIT (date[6]) || date[7] != '-' || !DIGIT (date[8]) ||
      !DIGIT (date[9]) || date[10] != '\0')
    return 0;

  y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
  m = (date[5] - '0') * 10 + (date[6] - '0');
  d = (date[8] - '0') * 10 + (date[9] - '0');
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 ||
      d > month_days[m - 1] + (m == 2 && is_leap_year (y)))
    return 0;

  return days_from_civil (y, m, d) + JULIAN_OF_1970_01_01;
}

void
kj_series_date_of_julian (int  julian,
                          char out[11])
{
  GDate date;
  int z, era, doe, yoe, doy, mp, y, m, d;

  /* outside the years 1 to 9999, as GDate does it */
  if (julian < 1 || julian > JULIAN_OF_9999_12_31)
    {
      g_date_clear (&date, 1);
      g_date_set_julian (&date, julian);
      kj_date_from_gdate (&date, out);
      return;
    }

  z = julian - JULIAN_OF_1970_01_01 + 719468;
  era = z / 146097;                                           /* z > 0 here */
  doe = z - era * 146097;                                     /* [0, 146096] */
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);              /* [0, 365] */
  mp = (5 * doy + 2) / 153;                                   /* [0, 11], from March */
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = yoe + era * 400 + (m <= 2);

  out[0] = (char) ('0' + y / 1000);
  out[1] = (char) ('0' + y / 100 % 10);
  out[2] = (char) ('0' + y / 10 % 10);
  out[3] = (char) ('0' + y % 10);
  out[4] = '-';
  out[5] = (char) ('0' + m / 10);
  out[6] = (char) ('0' + m % 10);
  out[7] = '-';
  out[8] = (char) ('0' + d / 10);
  out[9] = (char) ('0' + d % 10);
  out[10] = '\0';
}

/* Returns: the Monday of @julian's ISO week, as a Julian day number (day 1 was a Monday) */
int
kj_series_week_start (int julian)
{
  GDate date;

  if (julian < 1 || julian > JULIAN_OF_9999_12_31)
    {
      g_date_clear (&date, 1);
      g_date_set_julian (&date, julian);
      return julian - ((int) g_date_get_weekday (&date) - 1);
    }

  return julian - (julian - 1) % 7;
}

/* The Monday of @date's week, as YYYY-MM-DD */
void
kj_series_week_of (const char *date,
                   char        monday[11])
{
  kj_series_date_of_julian (kj_series_week_start (kj_series_julian (date)), monday);
}

/* Treatments week by week */

static guint
code_index (KjCodeList  list,
            const char *code)
{
  guint n;
  const KjCode *codes = kj_code_list (list, &n);

  for (guint i = 0; code != NULL && i < MIN (n, KJ_SERIES_MAX_CODES); i++)
    if (g_str_equal (codes[i].code, code))
      return i;

  return G_MAXUINT;
}

/* Adds @treatment to @totals: ice and heat with their minutes, each drug's
 * milligrams on their own (milligrams of different drugs do not add up),
 * exercise and stretching, and the other kinds by kind. */
void
kj_treatment_totals_add (KjTreatmentTotals *totals,
                         const KjTreatment *treatment)
{
  const char *kind = treatment->kind;
  guint i;

  if (g_str_equal (kind, "ice") || g_str_equal (kind, "heat"))
    {
      totals->thermal++;
      totals->thermal_minutes += treatment->minutes != KJ_UNSET ? treatment->minutes : 0;
    }
  else if (g_str_equal (kind, "medication"))
    {
      /* a medicine without a name (or an unknown one) is “Other medicine” */
      if ((i = code_index (KJ_CODE_DRUG, treatment->drug)) == G_MAXUINT &&
          (i = code_index (KJ_CODE_DRUG, "other")) == G_MAXUINT)
        return;
      if (treatment->dose_mg != KJ_UNSET)
        totals->drug_mg[i] += treatment->dose_mg;
      else
        totals->drug_undosed[i]++;
    }
  else if (g_str_equal (kind, "exercise") || g_str_equal (kind, "stretching"))
    totals->exercises++;
  else if ((i = code_index (KJ_CODE_TREATMENT_KIND, kind)) != G_MAXUINT)
    totals->other[i]++;
}

/* "Ibuprofen 1200 mg, Naproxen 440 mg", "Ibuprofen 400 mg + 1 dose not
 * noted", "Paracetamol × 2 (doses not noted)", or NULL without medicine */
char *
kj_treatment_totals_medicine (const KjTreatmentTotals *totals)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n;
  const KjCode *drugs = kj_code_list (KJ_CODE_DRUG, &n);

  for (guint i = 0; i < MIN (n, KJ_SERIES_MAX_CODES); i++)
    {
      const char *drug = _(drugs[i].label);
      int mg = totals->drug_mg[i], undosed = totals->drug_undosed[i];

      if (mg <= 0 && undosed == 0)
        continue;
      g_string_append (text, text->len ? ", " : "");
      if (undosed == 0)
        /* Translators: a drug's week in Week by Week and the report, “Ibuprofen 1200 mg” */
        g_string_append_printf (text, _("%s %d mg"), drug, mg);
      else if (mg > 0)
        /* Translators: a drug's week in Week by Week and the report, some doses not written down,
         * “Ibuprofen 1200 mg + 2 doses not noted” */
        g_string_append_printf (text, ngettext ("%s %d mg + %d dose not noted", "%s %d mg + %d doses not noted",
                                                undosed), drug, mg, undosed);
      else
        /* Translators: a drug's week in Week by Week and the report, taken twice, no dose written down,
         * “Paracetamol × 2 (doses not noted)” */
        g_string_append_printf (text, ngettext ("%s × %d (dose not noted)", "%s × %d (doses not noted)", undosed),
                                drug, undosed);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* "Rest × 2, Physiotherapy × 1", or NULL without other treatments */
char *
kj_treatment_totals_other (const KjTreatmentTotals *totals)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n;
  const KjCode *kinds = kj_code_list (KJ_CODE_TREATMENT_KIND, &n);

  for (guint i = 0; i < MIN (n, KJ_SERIES_MAX_CODES); i++)
    if (totals->other[i] > 0)
      g_string_append_printf (text, "%s%s × %d", text->len ? ", " : "", _(kinds[i].label), totals->other[i]);

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* Pain over time */

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
  int first = kj_series_julian (from), last = kj_series_julian (to);
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
      int k = kj_series_julian (day->date) - (first - 6);

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

/* Running distance */

/* Kilometres per ISO week (Monday first) from the week of @from to the week of @to. */
GArray *
kj_series_weekly_km (GPtrArray  *runs,
                     const char *from,
                     const char *to)
{
  int end = kj_series_julian (to);
  int first = kj_series_week_start (kj_series_julian (from)), last = kj_series_week_start (end);
  int n_weeks = (last - first) / 7 + 1;
  GArray *weeks = g_array_new (FALSE, TRUE, sizeof (double));

  g_return_val_if_fail (last >= first, weeks);

  g_array_set_size (weeks, n_weeks);
  for (guint i = 0; i < runs->len; i++)
    {
      const KjRun *run = g_ptr_array_index (runs, i);
      int d = kj_series_julian (run->date);

      if (d >= first && d <= end)
        g_array_index (weeks, double, (kj_series_week_start (d) - first) / 7) += run->distance_km;
    }

  return weeks;
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
  int first = kj_series_julian (from), last = kj_series_julian (to);

  for (guint i = 0; i < days->len; i++)
    {
      const KjDay *day = g_ptr_array_index (days, i);
      g_hash_table_insert (pain, GINT_TO_POINTER (kj_series_julian (day->date)), GINT_TO_POINTER (day->pain + 1));
    }

  for (guint i = 0; i < runs->len; i++)
    {
      const KjRun *run = g_ptr_array_index (runs, i);
      int d = kj_series_julian (run->date);
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

/* Pain after runs by shoe */

/**
 * kj_series_shoe_pain:
 * @shoes: (element-type KjShoe): the journal's pairs
 *
 * For each pair with runs between @from and @to: the mean pain of the day
 * after its run days, against the same for the run days in other pairs (and
 * not in this one). A run day counts when the next day has an entry; runs
 * without a shoe count on neither side. A pair is compared (`enough`) when
 * each side has at least %KJ_SHOE_PAIN_MIN_DAYS such days. The one
 * computation behind Trends and the report.
 *
 * Returns: (transfer full) (element-type KjShoePain): in the order of @shoes
 */
GArray *
kj_series_shoe_pain (GPtrArray  *days,
                     GPtrArray  *runs,
                     GPtrArray  *shoes,
                     const char *from,
                     const char *to)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (KjShoePain));
  g_autoptr(GHashTable) pain = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) pairs_of_day = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  int first = kj_series_julian (from), last = kj_series_julian (to);

  for (guint i = 0; i < days->len; i++)
    {
      const KjDay *day = g_ptr_array_index (days, i);
      g_hash_table_insert (pain, GINT_TO_POINTER (kj_series_julian (day->date)), GINT_TO_POINTER (day->pain + 1));
    }

  /* the pairs run in on each day: julian → set of shoe ids */
  for (guint i = 0; i < runs->len; i++)
    {
      const KjRun *run = g_ptr_array_index (runs, i);
      int d = kj_series_julian (run->date);
      GHashTable *set;

      if (run->shoe_id == NULL || d < first || d > last)
        continue;

      set = g_hash_table_lookup (pairs_of_day, GINT_TO_POINTER (d));
      if (set == NULL)
        {
          set = g_hash_table_new (g_str_hash, g_str_equal);
          g_hash_table_insert (pairs_of_day, GINT_TO_POINTER (d), set);
        }
      g_hash_table_add (set, run->shoe_id);
    }

  for (guint s = 0; s < shoes->len; s++)
    {
      const KjShoe *shoe = g_ptr_array_index (shoes, s);
      KjShoePain sp = { .shoe = shoe, .mean = NAN, .other_mean = NAN };
      double sum = 0, other_sum = 0;
      gboolean ran = FALSE;
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, pairs_of_day);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          int next = GPOINTER_TO_INT (g_hash_table_lookup (pain, GINT_TO_POINTER (GPOINTER_TO_INT (key) + 1)));
          gboolean in_pair = g_hash_table_contains (value, shoe->id);

          ran = ran || in_pair;
          if (next == 0)
            continue;

          if (in_pair)
            sum += next - 1, sp.days++;
          else
            other_sum += next - 1, sp.other_days++;
        }

      if (!ran)
        continue;

      sp.mean = sp.days > 0 ? sum / sp.days : NAN;
      sp.other_mean = sp.other_days > 0 ? other_sum / sp.other_days : NAN;
      sp.enough = sp.days >= KJ_SHOE_PAIN_MIN_DAYS && sp.other_days >= KJ_SHOE_PAIN_MIN_DAYS;
      g_array_append_val (result, sp);
    }

  return result;
}

/* Whether any pair of kj_series_shoe_pain() has enough days to compare */
gboolean
kj_series_shoe_pain_any_enough (GArray *pairs)
{
  for (guint i = 0; i < pairs->len; i++)
    if (g_array_index (pairs, KjShoePain, i).enough)
      return TRUE;

  return FALSE;
}

/* A pair's name in a sentence, isolated (U+2068 … U+2069) so that a name in
 * a right-to-left script does not turn the sentence around it */
static char *
isolate (const char *name)
{
  return g_strdup_printf ("\u2068%s\u2069", name);
}

/* “Pegasus 40: pain 3.4 the day after its runs, 2.1 after runs in other pairs” */
char *
kj_shoe_pain_title (const KjShoePain *sp)
{
  g_autofree char *name = isolate (sp->shoe->name);

  /* Translators: pain after runs by shoe; the pair's name, then two means of 0–10 */
  return g_strdup_printf (_("%s: pain %.1f the day after its runs, %.1f after runs in other pairs"),
                          name, sp->mean, sp->other_mean);
}

/* “Run days: 12 in this pair, 20 in other pairs” */
char *
kj_shoe_pain_detail (const KjShoePain *sp)
{
  return g_strdup_printf (_("Run days: %u in this pair, %u in other pairs"), sp->days, sp->other_days);
}

/**
 * kj_shoe_pain_why_not:
 * @pairs: (element-type KjShoePain): from kj_series_shoe_pain()
 *
 * Why no pair is compared yet, with the run days so far.
 *
 * Returns: (transfer full): a sentence or two
 */
char *
kj_shoe_pain_why_not (GArray *pairs)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, _("A pair is compared once it has at least %d run days followed by a logged day, "
                                  "and the other pairs together have as many."), KJ_SHOE_PAIN_MIN_DAYS);
  for (guint i = 0; i < pairs->len; i++)
    {
      const KjShoePain *sp = &g_array_index (pairs, KjShoePain, i);

      g_autofree char *name = isolate (sp->shoe->name);

      g_string_append (text, i == 0 ? " " : "; ");
      if (i == 0)
        {
          g_string_append (text, _("So far:"));
          g_string_append_c (text, ' ');
        }
      /* Translators: “Pegasus 40: 5 run days (other pairs 3)”: run days so far */
      g_string_append_printf (text, ngettext ("%s: %u run day (other pairs %u)", "%s: %u run days (other pairs %u)",
                                              sp->days),
                              name, sp->days, sp->other_days);
    }
  if (pairs->len > 0)
    g_string_append_c (text, '.');

  return g_string_free (g_steal_pointer (&text), FALSE);
}
