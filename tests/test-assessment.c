/* test-assessment.c — every verdict rule of doc/assessment.md, “Verdict” at its boundaries, and the numbers behind them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "kj-assessment.h"
#include "kj-gen.h"
#include "kj-json.h"

#define T0 "2026-03-02"   /* a Monday */

typedef struct
{
  KjProfile *profile;
  GPtrArray *days;
  GPtrArray *treatments;
  GPtrArray *runs;
} Journal;

static Journal *
journal_new (void)
{
  Journal *j = g_new0 (Journal, 1);

  j->profile = kj_profile_new ();
  j->profile->treatment_start = g_strdup (T0);
  j->days = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_day_free);
  j->treatments = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_treatment_free);
  j->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_run_free);

  return j;
}

static void
journal_free (Journal *j)
{
  kj_profile_free (j->profile);
  g_ptr_array_unref (j->days);
  g_ptr_array_unref (j->treatments);
  g_ptr_array_unref (j->runs);
  g_free (j);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Journal, journal_free)

static KjDay *
add_day (Journal *j,
         int      offset,
         int      pain)
{
  char date[11];
  KjDay *day;

  kj_date_add_days (T0, offset, date);
  day = kj_day_new (date);
  day->id = g_strdup_printf ("d%d", offset);
  day->pain = pain;
  g_ptr_array_add (j->days, day);

  return day;
}

static void
add_days (Journal *j,
          int      from,
          int      to,
          int      pain)
{
  for (int d = from; d <= to; d++)
    add_day (j, d, pain);
}

static void
add_symptom (KjDay      *day,
             const char *symptom)
{
  g_ptr_array_add (day->symptoms, (gpointer) kj_code_lookup (KJ_CODE_SYMPTOM, symptom));
}

static void
add_run (Journal *j,
         int      offset,
         double   km)
{
  char date[11];

  kj_date_add_days (T0, offset, date);
  g_ptr_array_add (j->runs, kj_run_new (date, km));
}

static void
add_drug (Journal    *j,
          int         offset,
          const char *drug,
          int         mg)
{
  char date[11];
  KjTreatment *t;

  kj_date_add_days (T0, offset, date);
  t = kj_treatment_new (date, "medication");
  t->drug = kj_code_lookup (KJ_CODE_DRUG, drug);
  t->dose_mg = mg;
  g_ptr_array_add (j->treatments, t);
}

static KjAssessment *
assess (Journal *j,
        int      as_of_offset)
{
  char as_of[11];

  kj_date_add_days (T0, as_of_offset, as_of);
  return kj_assess (j->profile, j->days, j->treatments, j->runs, as_of);
}

static void
test_stats_meaningful (void)
{
  const struct { double baseline, change; gboolean meaningful; } cases[] = {
    { 8.0, -2.0, TRUE },      /* exactly 2 points */
    { 8.0, -1.99, FALSE },
    { 8.0, 2.0, TRUE },
    { 3.0, -0.9, FALSE },     /* 30 % of 3, but less than a point */
    { 3.0, -1.0, TRUE },      /* a point, and more than 30 % */
    { 3.4, -1.02, TRUE },     /* 30 % of 3.4, and a point */
    { 5.0, -1.5, TRUE },      /* 30 % of 5 */
    { 5.0, -1.4, FALSE },
    { 0.0, 1.0, TRUE },       /* a point is more than 30 % of nothing */
    { 0.0, 0.9, FALSE },
    { 6.0, NAN, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("baseline %g, change %g", cases[i].baseline, cases[i].change);
      g_assert_cmpint (kj_assessment_is_meaningful_change (cases[i].baseline, cases[i].change), ==, cases[i].meaningful);
    }
}

/* 12 days after T0 is too early, 13 is not */
static void
test_stats_too_early (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjAssessment) day12 = NULL;
  g_autoptr(KjAssessment) day13 = NULL;

  add_days (j, 0, 6, 6);
  add_days (j, 7, 13, 3);

  day12 = assess (j, 12);
  g_assert_cmpstr (kj_verdict_to_string (day12->verdict), ==, "too-early");
  g_assert_cmpint (day12->days_since_t0, ==, 12);
  g_assert_cmpint (day12->more_days_needed, ==, 1);
  g_assert_nonnull (strstr (day12->message, "1 day"));

  day13 = assess (j, 13);
  g_assert_cmpstr (kj_verdict_to_string (day13->verdict), ==, "improving");
  g_assert_cmpfloat_with_epsilon (day13->baseline, 6.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (day13->current, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (day13->change, -3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (day13->change_pct, -50.0, 1e-9);
}

/* change of exactly 2 points from a baseline of 8 (25 %): improving; 1.99… is not */
static void
test_stats_two_points (void)
{
  g_autoptr(Journal) exact = journal_new ();
  g_autoptr(Journal) short_of = journal_new ();
  g_autoptr(KjAssessment) a = NULL;
  g_autoptr(KjAssessment) b = NULL;

  add_days (exact, 0, 6, 8);
  add_days (exact, 14, 20, 6);
  a = assess (exact, 20);
  g_assert_cmpstr (kj_verdict_to_string (a->verdict), ==, "improving");

  /* 7 entries: six of 6 and one of 7 → mean 6.142…, change −1.857 < 2 and < 30 % of 8 */
  add_days (short_of, 0, 6, 8);
  add_days (short_of, 14, 19, 6);
  add_day (short_of, 20, 7);
  b = assess (short_of, 20);
  g_assert_cmpstr (kj_verdict_to_string (b->verdict), ==, "no-change");
  g_assert_nonnull (strstr (b->message, "8.0"));
}

/* 30 % of a baseline of 3 is 0.9 points: not meaningful; 1 point is */
static void
test_stats_thirty_percent (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(Journal) k = journal_new ();
  g_autoptr(KjAssessment) a = NULL;
  g_autoptr(KjAssessment) b = NULL;

  /* baseline 3.0; current (2+2+2+2+2+2+3)/7 = 2.142…: −0.857 */
  add_days (j, 0, 6, 3);
  add_days (j, 14, 19, 2);
  add_day (j, 20, 3);
  a = assess (j, 20);
  g_assert_cmpstr (kj_verdict_to_string (a->verdict), ==, "no-change");

  /* current 2.0: −1.0, a third of the baseline */
  add_days (k, 0, 6, 3);
  add_days (k, 14, 20, 2);
  b = assess (k, 20);
  g_assert_cmpstr (kj_verdict_to_string (b->verdict), ==, "improving");
}

/* no change after 3 weeks: see a doctor; with 6 review weeks, not yet */
static void
test_stats_review_weeks (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjAssessment) three = NULL;
  g_autoptr(KjAssessment) six = NULL;
  g_autoptr(KjAssessment) day20 = NULL;

  add_days (j, 0, 21, 5);

  day20 = assess (j, 20);
  g_assert_cmpstr (kj_verdict_to_string (day20->verdict), ==, "no-change");

  three = assess (j, 21);
  g_assert_cmpstr (kj_verdict_to_string (three->verdict), ==, "see-doctor");
  g_assert_cmpint (three->doctor_reason, ==, KJ_DOCTOR_NO_IMPROVEMENT);
  g_assert_nonnull (strstr (three->message, "3 weeks"));

  j->profile->review_weeks = 6;
  six = assess (j, 21);
  g_assert_cmpstr (kj_verdict_to_string (six->verdict), ==, "no-change");
}

/* a red flag on as_of − 13 counts; on as_of − 14 it does not */
static void
test_stats_red_flag_window (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjAssessment) inside = NULL;
  g_autoptr(KjAssessment) outside = NULL;
  KjDay *locked;

  add_days (j, 0, 6, 6);
  add_days (j, 7, 30, 2);
  locked = g_ptr_array_index (j->days, 16);
  g_assert_cmpint (kj_date_diff (T0, locked->date), ==, 16);
  add_symptom (locked, "locking");

  inside = assess (j, 29);
  g_assert_cmpstr (kj_verdict_to_string (inside->verdict), ==, "see-doctor");
  g_assert_cmpint (inside->doctor_reason, ==, KJ_DOCTOR_RED_FLAG);
  g_assert_nonnull (strstr (inside->message, "Locking"));
  g_assert_cmpuint (inside->red_flags->len, ==, 1);
  g_assert_true (g_array_index (inside->red_flags, KjRedFlag, 0).urgent);

  outside = assess (j, 30);
  g_assert_cmpstr (kj_verdict_to_string (outside->verdict), ==, "improving");
  /* still listed, for the doctor */
  g_assert_cmpuint (outside->red_flags->len, ==, 1);
}

/* swelling on 2 days in 7 is no red flag; on 3 it is, dated on the third */
static void
test_stats_persistent_swelling (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(GArray) two = NULL;
  g_autoptr(GArray) three = NULL;
  char as_of[11];

  add_days (j, 0, 20, 4);
  add_symptom (g_ptr_array_index (j->days, 10), "swelling");
  add_symptom (g_ptr_array_index (j->days, 16), "swelling");
  kj_date_add_days (T0, 20, as_of);

  two = kj_warnings_red_flags (j->days, as_of);
  g_assert_cmpuint (two->len, ==, 0);

  /* day 11: 10, 11 — day 16 is 6 days after 10: 3 in the 7 days ending on 16 */
  add_symptom (g_ptr_array_index (j->days, 11), "swelling");
  three = kj_warnings_red_flags (j->days, as_of);
  g_assert_cmpuint (three->len, ==, 1);
  g_assert_cmpstr (g_array_index (three, KjRedFlag, 0).symptom, ==, "swelling");
  g_assert_false (g_array_index (three, KjRedFlag, 0).urgent);
  g_assert_cmpstr (g_array_index (three, KjRedFlag, 0).date, ==, ((KjDay *) j->days->pdata[16])->date);
}

/* fewer than 3 entries in a window */
static void
test_stats_missing_entries (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(Journal) empty = journal_new ();
  g_autoptr(KjAssessment) a = NULL;
  g_autoptr(KjAssessment) b = NULL;
  g_autoptr(KjAssessment) c = NULL;

  add_days (j, 0, 6, 6);
  add_day (j, 25, 2);
  add_day (j, 27, 2);
  a = assess (j, 28);
  g_assert_cmpstr (kj_verdict_to_string (a->verdict), ==, "not-enough-data");
  g_assert_cmpuint (a->current_entries, ==, 2);
  g_assert_cmpint (a->more_days_needed, ==, 1);
  g_assert_true (isnan (a->change));

  add_day (j, 28, 2);
  b = assess (j, 28);
  g_assert_cmpstr (kj_verdict_to_string (b->verdict), ==, "improving");

  c = assess (empty, 10);
  g_assert_cmpstr (kj_verdict_to_string (c->verdict), ==, "not-enough-data");
  g_assert_cmpuint (c->entries, ==, 0);
}

/* T0 falls back to the first treatment, then the first entry */
static void
test_stats_t0 (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjAssessment) a = NULL;
  g_autoptr(KjAssessment) b = NULL;

  g_clear_pointer (&j->profile->treatment_start, g_free);
  add_days (j, 0, 20, 4);
  add_drug (j, 3, "ibuprofen", 400);
  a = assess (j, 20);
  g_assert_cmpstr (a->t0, ==, ((KjDay *) j->days->pdata[3])->date);

  g_ptr_array_set_size (j->treatments, 0);
  b = assess (j, 20);
  g_assert_cmpstr (b->t0, ==, T0);
}

/* Nothing dated after as-of counts (#12): not the baseline, however close
 * as-of is to the treatment start, nor after the end of the data. */
static void
test_stats_as_of_window (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjAssessment) a = NULL;
  g_autoptr(KjAssessment) b = NULL;

  add_days (j, 0, 2, 6);
  add_days (j, 3, 20, 1);

  /* as of day 2: the baseline is days 0–2 only, 6.0 from 3 entries */
  a = assess (j, 2);
  g_assert_cmpuint (a->baseline_entries, ==, 3);
  g_assert_cmpfloat_with_epsilon (a->baseline, 6.0, 1e-9);
  g_assert_cmpuint (a->entries, ==, 3);

  /* as of day 4: days 0–4, (3 × 6 + 2 × 1) / 5 */
  b = assess (j, 4);
  g_assert_cmpuint (b->baseline_entries, ==, 5);
  g_assert_cmpfloat_with_epsilon (b->baseline, 4.0, 1e-9);
}

/* Treatment starting after as-of: days_since_t0 is −1, not “unknown” (#12) */
static void
test_stats_future_t0 (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjAssessment) a = NULL;
  g_autoptr(KjAssessment) week = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  g_autofree char *week_text = NULL;
  JsonObject *root;

  add_days (j, -14, 6, 5);
  a = assess (j, -1);
  g_assert_true (a->has_t0);
  g_assert_cmpint (a->days_since_t0, ==, -1);
  g_assert_cmpuint (a->baseline_entries, ==, 0);
  g_assert_cmpstr (kj_verdict_to_string (a->verdict), ==, "not-enough-data");

  json = kj_assessment_to_json (a);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_false (json_object_get_null_member (root, "days_since_t0"));
  g_assert_cmpint (json_object_get_int_member (root, "days_since_t0"), ==, -1);

  text = kj_assessment_to_text (a);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "starts in 1 day)"));
  g_assert_null (strstr (text, "ago"));

  week = assess (j, -7);
  week_text = kj_assessment_to_text (week);
  g_assert_nonnull (strstr (week_text, "starts in 7 days)"));
}

/* --summary follows the journal's unit and names drugs by their labels;
 * --summary-json stays in km (#12) */
static void
test_stats_text_units (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjAssessment) a = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;

  j->profile->units = "mi";
  add_days (j, 0, 20, 4);
  add_run (j, 0, 10.0);
  add_run (j, 5, 12.0);     /* 20 % longer than the longest of the 30 days before */
  add_drug (j, 6, "ibuprofen", 200);
  add_drug (j, 6, "naproxen", 220);
  a = assess (j, 20);
  text = kj_assessment_to_text (a);
  g_test_message ("%s", text);

  g_assert_nonnull (strstr (text, "a run of 7.5 mi, 20 % longer than the longest of the 30 days before (6.2 mi)"));
  g_assert_null (strstr (text, " km"));
  g_assert_nonnull (strstr (text, "(Ibuprofen, Naproxen)"));
  g_assert_null (strstr (text, "ibuprofen+naproxen"));

  json = kj_assessment_to_json (a);
  g_assert_nonnull (strstr (json, "\"km\" : 12"));
  g_assert_nonnull (strstr (json, "ibuprofen+naproxen"));
}

/* The first documented reading: a window with 2 entries shows its mean and
 * count; change and verdict wait for 3 */
static void
test_stats_two_entries (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjAssessment) a = NULL;
  g_autofree char *text = NULL;

  add_day (j, 0, 6);
  add_day (j, 2, 4);
  add_days (j, 14, 20, 2);
  a = assess (j, 20);
  g_assert_cmpuint (a->baseline_entries, ==, 2);
  g_assert_cmpfloat_with_epsilon (a->baseline, 5.0, 1e-9);
  g_assert_cmpuint (a->current_entries, ==, 7);
  g_assert_true (isnan (a->change));
  g_assert_true (isnan (a->change_pct));
  g_assert_cmpstr (kj_verdict_to_string (a->verdict), ==, "not-enough-data");
  text = kj_assessment_to_text (a);
  g_assert_nonnull (strstr (text, "5.0 (2 days logged)"));
  g_assert_null (strstr (text, "Change:"));
}

static void
test_stats_theil_sen (void)
{
  const double x1[] = { 0, 1, 2 }, y1[] = { 0, 1, 4 };
  const double x2[] = { 0, 1, 2, 3 }, y2[] = { 0, 2, 2, 5 };
  const double x3[] = { 0, 1, 2, 3, 4 }, y3[] = { 5, 4, 3, 2, 100 };   /* one outlier */
  const double x4[] = { 1, 1 }, y4[] = { 1, 2 };

  /* slopes 1, 2, 3: median 2 */
  g_assert_cmpfloat_with_epsilon (kj_series_theil_sen (x1, y1, 3), 2.0, 1e-12);
  /* slopes 2, 1, 5/3, 0, 3/2, 3: median (3/2 + 5/3) / 2 */
  g_assert_cmpfloat_with_epsilon (kj_series_theil_sen (x2, y2, 4), (1.5 + 5.0 / 3) / 2, 1e-12);
  /* the outlier does not move it: −1 */
  g_assert_cmpfloat_with_epsilon (kj_series_theil_sen (x3, y3, 5), -1.0, 1e-12);
  g_assert_true (isnan (kj_series_theil_sen (x4, y4, 2)));
}

static void
test_stats_slope (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjAssessment) a = NULL;
  g_autoptr(KjAssessment) b = NULL;

  /* pain falls one point every two days over three weeks: −3.5 a week */
  for (int d = 0; d <= 20; d += 2)
    add_day (j, d, 10 - d / 2);
  a = assess (j, 20);
  g_assert_cmpfloat_with_epsilon (a->slope_per_week, -3.5, 1e-9);

  /* fewer than 5 entries in the 21 days: no slope */
  g_ptr_array_set_size (j->days, 0);
  add_day (j, 0, 5);
  add_day (j, 10, 5);
  add_day (j, 15, 4);
  add_day (j, 20, 3);
  b = assess (j, 20);
  g_assert_true (isnan (b->slope_per_week));
}

static void
test_stats_rolling_mean (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(GArray) means = NULL;
  char to[11];

  add_day (j, 0, 3);
  add_day (j, 1, 6);
  add_day (j, 2, 9);
  add_day (j, 12, 1);
  add_day (j, 13, 2);
  add_day (j, 14, 3);
  kj_date_add_days (T0, 14, to);

  means = kj_series_rolling_mean (j->days, T0, to);
  g_assert_cmpuint (means->len, ==, 15);
  g_assert_true (isnan (g_array_index (means, double, 0)));
  g_assert_true (isnan (g_array_index (means, double, 1)));
  g_assert_cmpfloat_with_epsilon (g_array_index (means, double, 2), 6.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (g_array_index (means, double, 6), 6.0, 1e-12);   /* days 0–6 */
  g_assert_true (isnan (g_array_index (means, double, 7)));                         /* 1–7: two entries */
  g_assert_true (isnan (g_array_index (means, double, 9)));                         /* 3–9: nothing: a gap */
  g_assert_true (isnan (g_array_index (means, double, 13)));                        /* 7–13: two entries */
  g_assert_cmpfloat_with_epsilon (g_array_index (means, double, 14), 2.0, 1e-12);
}

static void
test_stats_load_warnings (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(GArray) warnings = NULL;
  char to[11];

  /* week of T0 (Monday): 10 km; the next week 13.5 km (+35 %): warned, dated on its Monday */
  add_run (j, 0, 5);
  add_run (j, 2, 5);
  add_run (j, 7, 4.5);
  add_run (j, 9, 4.5);
  add_run (j, 11, 4.5);
  /* the week after: 17 km, +26 %: not warned */
  add_run (j, 14, 8.5);
  add_run (j, 16, 8.5);
  /* a long run: 9.4 km is 10.6 % more than the longest of the 30 days before (8.5): a spike */
  add_run (j, 30, 9.4);
  /* 3 km in a week, then 10: the week before had less than 5 km: no weekly warning */
  add_run (j, 70, 3);
  add_run (j, 77, 10);
  kj_date_add_days (T0, 80, to);

  warnings = kj_warnings_load (j->runs, to);
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("%s %s %.2f %.2f", g_array_index (warnings, KjLoadWarning, i).type,
                    g_array_index (warnings, KjLoadWarning, i).date,
                    g_array_index (warnings, KjLoadWarning, i).km, g_array_index (warnings, KjLoadWarning, i).previous_km);

  g_assert_cmpuint (warnings->len, ==, 4);
  /* the 4.5 km run of day 7 is no spike (less than 5), the 8.5 of day 14 is (+70 %) */
  g_assert_cmpstr (g_array_index (warnings, KjLoadWarning, 0).type, ==, "weekly-increase");
  g_assert_cmpstr (g_array_index (warnings, KjLoadWarning, 0).date, ==, "2026-03-09");
  g_assert_cmpfloat_with_epsilon (g_array_index (warnings, KjLoadWarning, 0).km, 13.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (warnings, KjLoadWarning, 0).previous_km, 10.0, 1e-9);
  g_assert_cmpstr (g_array_index (warnings, KjLoadWarning, 1).type, ==, "long-run-spike");
  g_assert_cmpstr (g_array_index (warnings, KjLoadWarning, 1).date, ==, "2026-03-16");
  g_assert_cmpfloat_with_epsilon (g_array_index (warnings, KjLoadWarning, 1).previous_km, 5.0, 1e-9);
  g_assert_cmpstr (g_array_index (warnings, KjLoadWarning, 2).type, ==, "long-run-spike");
  g_assert_cmpstr (g_array_index (warnings, KjLoadWarning, 2).date, ==, "2026-04-01");
  g_assert_cmpfloat_with_epsilon (g_array_index (warnings, KjLoadWarning, 2).km, 9.4, 1e-9);
  /* day 77: 10 km after a 3 km week is no weekly increase (that week had less than 5 km),
   * but it is a spike over the 3 km run of day 70 */
  g_assert_cmpstr (g_array_index (warnings, KjLoadWarning, 3).type, ==, "long-run-spike");
  g_assert_cmpstr (g_array_index (warnings, KjLoadWarning, 3).date, ==, "2026-05-18");
}

static void
test_stats_medication_warnings (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(GArray) warnings = NULL;
  char to[11];

  /* day 0: 3 × 400 mg = 1200, the maximum: fine; day 1: 1600: over */
  for (int i = 0; i < 3; i++)
    add_drug (j, 0, "ibuprofen", 400);
  for (int i = 0; i < 4; i++)
    add_drug (j, 1, "ibuprofen", 400);
  /* day 2: ibuprofen and naproxen; diclofenac gel is no oral NSAID */
  add_drug (j, 2, "ibuprofen", 200);
  add_drug (j, 2, "naproxen", 220);
  add_drug (j, 3, "ibuprofen", 200);
  add_drug (j, 3, "diclofenac-gel", 0 + 10);
  /* days 0–11: an oral NSAID every day: 12 days, flagged on day 10 (the 11th) */
  for (int d = 4; d <= 11; d++)
    add_drug (j, d, "naproxen", 220);
  /* 10 days in a row later: not flagged */
  for (int d = 30; d <= 39; d++)
    add_drug (j, d, "aspirin", 500);
  kj_date_add_days (T0, 50, to);

  warnings = kj_warnings_medication (j->treatments, to);
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("%s %s %s", g_array_index (warnings, KjMedicationWarning, i).type,
                    g_array_index (warnings, KjMedicationWarning, i).date,
                    g_array_index (warnings, KjMedicationWarning, i).drug);

  g_assert_cmpuint (warnings->len, ==, 3);
  g_assert_cmpstr (g_array_index (warnings, KjMedicationWarning, 0).type, ==, "over-limit");
  g_assert_cmpstr (g_array_index (warnings, KjMedicationWarning, 0).date, ==, "2026-03-03");
  g_assert_cmpstr (g_array_index (warnings, KjMedicationWarning, 0).drug, ==, "ibuprofen");
  g_assert_cmpint (g_array_index (warnings, KjMedicationWarning, 0).total_mg, ==, 1600);
  g_assert_cmpstr (g_array_index (warnings, KjMedicationWarning, 1).type, ==, "two-nsaids");
  g_assert_cmpstr (g_array_index (warnings, KjMedicationWarning, 1).drug, ==, "ibuprofen+naproxen");
  g_assert_cmpstr (g_array_index (warnings, KjMedicationWarning, 2).type, ==, "long-use");
  g_assert_cmpstr (g_array_index (warnings, KjMedicationWarning, 2).date, ==, "2026-03-12");
  g_assert_cmpint (g_array_index (warnings, KjMedicationWarning, 2).days, ==, 12);
}

/* One day's medication with a dose not stored yet: the rule the dialog,
 * the Today page and the warnings share (#12) */
static void
test_stats_medication_day (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjMedicationDay) before = NULL;
  g_autoptr(KjMedicationDay) more = NULL;
  g_autoptr(KjMedicationDay) second = NULL;
  g_autoptr(KjMedicationDay) edited = NULL;
  g_autoptr(KjTreatment) pending = NULL;
  g_autoptr(KjTreatment) edit = NULL;
  g_autoptr(KjTreatment) naproxen = NULL;
  char date[11];

  kj_date_add_days (T0, 1, date);
  for (int i = 0; i < 4; i++)
    add_drug (j, 1, "ibuprofen", 400);
  add_drug (j, 2, "naproxen", 220);     /* another day: not counted */
  for (guint i = 0; i < j->treatments->len; i++)
    ((KjTreatment *) j->treatments->pdata[i])->id = g_strdup_printf ("t%u", i);

  before = kj_medication_day_new (j->treatments, date, NULL);
  g_assert_cmpuint (before->drugs->len, ==, 1);
  g_assert_cmpint (kj_medication_day_get_drug (before, "ibuprofen")->total_mg, ==, 1600);
  g_assert_cmpint (kj_medication_day_get_drug (before, "ibuprofen")->max_mg, ==, 1200);
  g_assert_true (before->over_limit);
  g_assert_false (before->two_nsaids);
  g_assert_null (kj_medication_day_get_drug (before, "naproxen"));

  /* a new dose of 220 mg, not stored yet: 1820 mg */
  pending = kj_treatment_new (date, "medication");
  pending->drug = kj_code_lookup (KJ_CODE_DRUG, "ibuprofen");
  pending->dose_mg = 220;
  more = kj_medication_day_new (j->treatments, date, pending);
  g_assert_cmpint (kj_medication_day_get_drug (more, "ibuprofen")->total_mg, ==, 1820);
  g_assert_true (kj_medication_day_get_drug (more, "ibuprofen")->over_limit);

  /* naproxen on top: two oral NSAIDs */
  naproxen = kj_treatment_new (date, "medication");
  naproxen->drug = kj_code_lookup (KJ_CODE_DRUG, "naproxen");
  naproxen->dose_mg = 220;
  second = kj_medication_day_new (j->treatments, date, naproxen);
  g_assert_true (second->two_nsaids);
  g_assert_cmpuint (second->oral_nsaids->len, ==, 2);
  g_assert_cmpint (kj_medication_day_get_drug (second, "naproxen")->total_mg, ==, 220);
  g_assert_false (kj_medication_day_get_drug (second, "naproxen")->over_limit);

  /* editing a stored dose replaces it: 3 × 400 + 100 */
  edit = kj_treatment_copy (j->treatments->pdata[0]);
  edit->dose_mg = 100;
  edited = kj_medication_day_new (j->treatments, date, edit);
  g_assert_cmpint (kj_medication_day_get_drug (edited, "ibuprofen")->total_mg, ==, 1300);
}

static void
test_stats_pain_after_runs (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjAssessment) a = NULL;
  g_autoptr(KjAssessment) b = NULL;

  /* runs on days 0, 2, 4, 6: the days after (1, 3, 5, 7) hurt 6; the others 2 */
  for (int d = 0; d <= 8; d++)
    add_day (j, d, d % 2 == 1 ? 6 : 2);
  for (int d = 0; d <= 6; d += 2)
    add_run (j, d, 5);

  a = assess (j, 8);
  g_assert_cmpfloat_with_epsilon (a->pain_after_run_days, 6.0, 1e-12);
  /* days 2, 4, 6, 8 follow rest days; day 0 has no day before in the journal */
  g_assert_cmpfloat_with_epsilon (a->pain_after_rest_days, 2.0, 1e-12);

  /* fewer than 3 of either: unknown */
  g_ptr_array_set_size (j->runs, 2);
  b = assess (j, 8);
  g_assert_true (isnan (b->pain_after_run_days));
  g_assert_true (isnan (b->pain_after_rest_days));
}

/* The pain-monitoring model: during ≤ 5, and back to the usual level the next day */
static void
test_stats_run_pain (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(GArray) runs = NULL;
  char to[11];
  KjRun *run;

  add_days (j, 0, 12, 2);
  /* day 4: a run hurting 6 during it */
  add_run (j, 4, 5);
  run = g_ptr_array_index (j->runs, 0);
  run->pain_during = 6;
  /* day 7: 3 during, but the next day hurts 4, two points above the usual 2 */
  add_run (j, 7, 8);
  run = g_ptr_array_index (j->runs, 1);
  run->pain_during = 3;
  ((KjDay *) j->days->pdata[8])->pain = 4;
  /* day 10: two runs, fine */
  add_run (j, 10, 3);
  add_run (j, 10, 2.5);
  kj_date_add_days (T0, 12, to);

  runs = kj_series_run_pain (j->days, j->runs, T0, to);
  g_assert_cmpuint (runs->len, ==, 3);
  g_assert_true (g_array_index (runs, KjRunPain, 0).broke_rule);
  g_assert_cmpint (g_array_index (runs, KjRunPain, 0).pain_during, ==, 6);
  g_assert_true (g_array_index (runs, KjRunPain, 1).broke_rule);
  g_assert_cmpint (g_array_index (runs, KjRunPain, 1).next_day, ==, 4);
  g_assert_cmpfloat_with_epsilon (g_array_index (runs, KjRunPain, 1).usual, 2.0, 1e-12);
  g_assert_false (g_array_index (runs, KjRunPain, 2).broke_rule);
  g_assert_cmpfloat_with_epsilon (g_array_index (runs, KjRunPain, 2).km, 5.5, 1e-12);
  /* the usual level of day 10 counts the 4 of day 8 */
  g_assert_cmpfloat_with_epsilon (g_array_index (runs, KjRunPain, 2).usual, (2.0 * 6 + 4) / 7, 1e-12);
}

/* The summary JSON has every key of doc/journal-format.md, “Summary JSON”, with null for unknown numbers. */
static void
test_stats_json (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjAssessment) a = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *keys[] = { "as_of", "t0", "days_since_t0", "verdict", "message", "baseline", "current", "change",
                         "change_pct", "slope_per_week", "entries", "red_flags", "load_warnings",
                         "pain_after_run_days", "pain_after_rest_days", "medication_warnings" };
  JsonObject *root;

  add_days (j, 0, 6, 6);
  add_days (j, 7, 27, 3);
  add_symptom (g_ptr_array_index (j->days, 20), "locking");
  for (int i = 0; i < 4; i++)
    add_drug (j, 1, "ibuprofen", 400);
  a = assess (j, 27);
  text = kj_assessment_to_json (a);

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (root, keys[i]));

  g_assert_cmpstr (json_object_get_string_member (root, "as_of"), ==, "2026-03-29");
  g_assert_cmpstr (json_object_get_string_member (root, "t0"), ==, T0);
  g_assert_cmpint (json_object_get_int_member (root, "days_since_t0"), ==, 27);
  g_assert_cmpstr (json_object_get_string_member (root, "verdict"), ==, "see-doctor");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "baseline"), 6.0, 1e-9);
  g_assert_cmpint (json_object_get_int_member (root, "entries"), ==, 28);
  g_assert_true (json_object_get_null_member (root, "pain_after_run_days"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "red_flags")), ==, 1);
  {
    JsonObject *flag = json_array_get_object_element (json_object_get_array_member (root, "red_flags"), 0);

    g_assert_cmpstr (json_object_get_string_member (flag, "symptom"), ==, "locking");
    g_assert_true (json_object_get_boolean_member (flag, "urgent"));
  }
  {
    JsonObject *w = json_array_get_object_element (json_object_get_array_member (root, "medication_warnings"), 0);

    g_assert_cmpstr (json_object_get_string_member (w, "type"), ==, "over-limit");
    g_assert_cmpint (json_object_get_int_member (w, "total_mg"), ==, 1600);
  }
}

/* The generator's scenario journals have the verdicts they were made for. */
static void
test_stats_scenarios (void)
{
  const struct { const char *scenario; guint days; const char *verdict; } cases[] = {
    { "improving", 35, "improving" },
    { "plateau", 35, "see-doctor" },
    { "plateau", 18, "no-change" },
    { "worsening", 35, "worsening" },
    { "red-flag", 35, "see-doctor" },
    { "sparse", 35, "not-enough-data" },
    { "improving", 10, "too-early" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KjJournal) journal = kj_gen_journal (5 + i, cases[i].days, cases[i].scenario, "2026-04-01", NULL);
      g_autoptr(KjAssessment) a = kj_assess (journal->profile, journal->days, journal->treatments,
                                             journal->runs, "2026-04-01");

      g_test_message ("%s %u days: %s — %s", cases[i].scenario, cases[i].days, kj_verdict_to_string (a->verdict),
                      a->message);
      g_assert_cmpstr (kj_verdict_to_string (a->verdict), ==, cases[i].verdict);
    }
}

/* “Why this verdict?”: one string of all the sentences, each with its
 * numbers, for the assertions below */
static char *
explain (const KjAssessment *a)
{
  g_auto(GStrv) sentences = kj_assessment_explain (a);
  char *text = g_strjoinv ("\n", sentences);

  g_test_message ("%s: %s", kj_verdict_to_string (a->verdict), text);
  return text;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in:\n%s", part, text);
}

static void
test_stats_explain_improving (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjAssessment) a = NULL;
  g_autofree char *text = NULL;

  add_days (j, 0, 6, 6);
  add_days (j, 28, 34, 3);
  a = assess (j, 34);
  text = explain (a);

  g_assert_cmpint (a->verdict, ==, KJ_VERDICT_IMPROVING);
  assert_contains (text, "Treatment started on 2 March 2026, 34 days before the day assessed (5 April 2026).");
  assert_contains (text, "In the first week of treatment (2 March 2026 to 8 March 2026) you logged 7 days, "
                         "with an average pain of 6.0.");
  assert_contains (text, "In the last 7 days (30 March 2026 to 5 April 2026) you logged 7 days, with an average pain "
                         "of 3.0.");
  assert_contains (text, "average pain changed by −3.0 points (−50 %).");
  /* 30 % of 6.0 is 1.8, less than 2 and at least 1 */
  assert_contains (text, "with a first-week average of 6.0, that is 1.8 points.");
  assert_contains (text, "The fall of 3.0 points reaches it");
  g_assert_null (strstr (text, "warning sign"));
  g_assert_null (strstr (text, "review time"));
}

static void
test_stats_explain_worsening (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjAssessment) a = NULL;
  g_autofree char *text = NULL;

  add_days (j, 0, 6, 3);
  add_days (j, 14, 18, 5);
  a = assess (j, 20);
  text = explain (a);

  g_assert_cmpint (a->verdict, ==, KJ_VERDICT_WORSENING);
  assert_contains (text, "20 days before the day assessed (22 March 2026)");
  assert_contains (text, "In the last 7 days (16 March 2026 to 22 March 2026) you logged 5 days, with an average pain "
                         "of 5.0.");
  assert_contains (text, "changed by +2.0 points (+67 %).");
  /* 30 % of 3.0 is 0.9: the threshold is a point */
  assert_contains (text, "with a first-week average of 3.0, that is 1.0 points.");
  assert_contains (text, "The rise of 2.0 points reaches it");
}

static void
test_stats_explain_red_flag (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjAssessment) a = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) sentences = NULL;

  add_days (j, 0, 6, 6);
  add_days (j, 28, 29, 3);
  add_symptom (add_day (j, 30, 3), "locking");
  add_days (j, 31, 34, 3);
  a = assess (j, 34);
  text = explain (a);
  sentences = kj_assessment_explain (a);

  g_assert_cmpint (a->verdict, ==, KJ_VERDICT_SEE_DOCTOR);
  /* the rule that decided comes first */
  g_assert_cmpstr (sentences[0], ==, "On 1 April 2026 you noted “Locking”: a warning sign that needs a doctor’s "
                                     "examination today.");
  assert_contains (sentences[1], "of the last 14 days (23 March 2026 to 5 April 2026) decides the verdict");
  /* and the numbers are still there */
  assert_contains (text, "you logged 7 days, with an average pain of 3.0.");
  assert_contains (text, "The fall of 3.0 points reaches it");
}

static void
test_stats_explain_too_early (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjAssessment) a = NULL;
  g_autofree char *text = NULL;

  add_days (j, 0, 9, 5);
  a = assess (j, 9);
  text = explain (a);

  g_assert_cmpint (a->verdict, ==, KJ_VERDICT_TOO_EARLY);
  assert_contains (text, "Treatment started on 2 March 2026, 9 days before the day assessed (11 March 2026).");
  assert_contains (text, "the first assessment comes on 15 March 2026, in 4 days.");
}

static void
test_stats_explain_not_enough_data (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjAssessment) a = NULL;
  g_autofree char *text = NULL;

  add_days (j, 0, 1, 5);
  add_days (j, 20, 22, 4);
  a = assess (j, 22);
  text = explain (a);

  g_assert_cmpint (a->verdict, ==, KJ_VERDICT_NOT_ENOUGH_DATA);
  assert_contains (text, "In the first week of treatment (2 March 2026 to 8 March 2026) you logged 2 days, "
                         "with an average pain of 5.0.");
  assert_contains (text, "you logged 3 days, with an average pain of 4.0.");
  assert_contains (text, "at least 3 logged days in each of these two weeks");
  g_assert_null (strstr (text, "changed by"));

  /* an empty journal */
  {
    g_autoptr(Journal) empty = journal_new ();
    g_autoptr(KjAssessment) none = NULL;
    g_autofree char *nothing = NULL;

    g_clear_pointer (&empty->profile->treatment_start, g_free);
    none = assess (empty, 0);
    nothing = explain (none);
    g_assert_cmpstr (nothing, ==, "Nothing is logged up to 2 March 2026 yet.");
  }
}

static void
test_stats_explain_review (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjAssessment) doctor = NULL;
  g_autoptr(KjAssessment) waiting = NULL;
  g_autofree char *text = NULL;
  g_autofree char *later = NULL;

  add_days (j, 0, 27, 5);
  doctor = assess (j, 27);
  text = explain (doctor);
  g_assert_cmpint (doctor->verdict, ==, KJ_VERDICT_SEE_DOCTOR);
  assert_contains (text, "The change of 0.0 points is smaller: it does not count as a meaningful change.");
  assert_contains (text, "The review time of 3 weeks (set in Preferences) ended on 23 March 2026 without a "
                         "meaningful improvement");

  waiting = assess (j, 16);
  later = explain (waiting);
  g_assert_cmpint (waiting->verdict, ==, KJ_VERDICT_NO_CHANGE);
  assert_contains (later, "The review time is 3 weeks (set in Preferences): if there is still no meaningful change on "
                          "23 March 2026");
}

/* The generator's scenario journals: each explanation has the numbers of its assessment. */
static void
test_stats_explain_scenarios (void)
{
  const char *scenarios[] = { "improving", "worsening", "red-flag", "sparse" };

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    {
      g_autoptr(KjJournal) journal = kj_gen_journal (5, 35, scenarios[i], "2026-04-01", NULL);
      g_autoptr(KjAssessment) a = kj_assess (journal->profile, journal->days, journal->treatments,
                                             journal->runs, "2026-04-01");
      g_autofree char *text = explain (a);
      g_autofree char *current = g_strdup_printf ("you logged %u day%s, with an average pain of %.1f.",
                                                  a->current_entries, a->current_entries == 1 ? "" : "s", a->current);

      assert_contains (text, "In the last 7 days (26 March 2026 to 1 April 2026)");
      assert_contains (text, current);
      if (!isnan (a->change))
        {
          g_autofree char *change = g_strdup_printf ("changed by %s%.1f points", a->change < 0 ? "−" : "+",
                                                     fabs (a->change));
          assert_contains (text, change);
        }
      if (a->verdict == KJ_VERDICT_NOT_ENOUGH_DATA)
        assert_contains (text, "at least 3 logged days");
      if (a->doctor_reason == KJ_DOCTOR_RED_FLAG)
        assert_contains (text, "you noted “Locking”");
    }
}

typedef struct
{
  const char *kind;
  const char *drug;
  int         dose;
  int         minutes;
} WeekTreatment;

static void
add_week (KjTreatmentTotals   *totals,
          const WeekTreatment *week,
          guint                n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KjTreatment) t = kj_treatment_new ("2026-03-04", week[i].kind);

      t->drug = g_strdup (week[i].drug);
      t->dose_mg = week[i].dose;
      t->minutes = week[i].minutes;
      kj_treatment_totals_add (totals, t);
    }
}

/* One week's treatments, added up once for Trends and the report; a
 * medication without a dose or without a drug is counted too (#18) */
static void
test_series_treatment_totals (void)
{
  const WeekTreatment week[] = {
    { "ice", NULL, KJ_UNSET, 15 }, { "heat", NULL, KJ_UNSET, 20 }, { "ice", NULL, KJ_UNSET, KJ_UNSET },
    { "medication", "ibuprofen", 400, KJ_UNSET }, { "medication", "ibuprofen", 400, KJ_UNSET },
    { "medication", "naproxen", 220, KJ_UNSET },
    { "exercise", NULL, KJ_UNSET, 20 }, { "stretching", NULL, KJ_UNSET, 10 },
    { "rest", NULL, KJ_UNSET, KJ_UNSET }, { "rest", NULL, KJ_UNSET, KJ_UNSET },
  };
  const WeekTreatment undosed[] = {
    { "medication", "paracetamol", KJ_UNSET, KJ_UNSET }, { "medication", "ibuprofen", KJ_UNSET, KJ_UNSET },
    { "medication", NULL, KJ_UNSET, KJ_UNSET }, { "medication", "paracetamol", KJ_UNSET, KJ_UNSET },
  };
  const WeekTreatment unnamed[] = { { "medication", NULL, KJ_UNSET, KJ_UNSET } };
  KjTreatmentTotals totals = { 0 };
  KjTreatmentTotals none = { 0 };
  KjTreatmentTotals nameless = { 0 };
  g_autofree char *medicine = NULL;
  g_autofree char *mixed = NULL;
  g_autofree char *only_unnamed = NULL;
  g_autofree char *other = NULL;
  char monday[11];

  add_week (&totals, week, G_N_ELEMENTS (week));
  g_assert_cmpint (totals.thermal, ==, 3);
  g_assert_cmpint (totals.thermal_minutes, ==, 35);
  g_assert_cmpint (totals.exercises, ==, 2);
  medicine = kj_treatment_totals_medicine (&totals);
  other = kj_treatment_totals_other (&totals);
  g_assert_cmpstr (medicine, ==, "Ibuprofen 800 mg, Naproxen 220 mg");
  g_assert_cmpstr (other, ==, "Rest × 2");

  /* doses not noted, and a medicine without a name */
  add_week (&totals, undosed, G_N_ELEMENTS (undosed));
  mixed = kj_treatment_totals_medicine (&totals);
  g_assert_cmpstr (mixed, ==, "Ibuprofen 800 mg + 1 dose not noted, Naproxen 220 mg, "
                              "Paracetamol × 2 (doses not noted), Other medicine × 1 (dose not noted)");
  add_week (&nameless, unnamed, G_N_ELEMENTS (unnamed));
  only_unnamed = kj_treatment_totals_medicine (&nameless);
  g_assert_cmpstr (only_unnamed, ==, "Other medicine × 1 (dose not noted)");
  g_assert_null (kj_treatment_totals_medicine (&none));
  g_assert_null (kj_treatment_totals_other (&none));

  kj_series_week_of ("2026-03-08", monday);   /* a Sunday */
  g_assert_cmpstr (monday, ==, "2026-03-02");
  kj_series_week_of ("2026-03-02", monday);
  g_assert_cmpstr (monday, ==, "2026-03-02");
}

/* The review found "changed by −1.5 points … that is 1.5 points … the change
 * of 1.5 points is smaller": where one decimal makes them look equal, two */
static void
test_stats_explain_close_call (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjAssessment) a = NULL;
  g_autofree char *text = NULL;

  add_days (j, 0, 5, 5);
  add_day (j, 6, 6);                /* first week: 36 / 7 = 5.14, 30 % = 1.543 */
  add_days (j, 28, 29, 4);
  add_day (j, 30, 3);               /* last 7 days: 11 / 3 = 3.67, change −1.476 */
  a = assess (j, 30);
  text = explain (a);

  g_assert_false (kj_assessment_is_meaningful_change (a->baseline, a->change));
  assert_contains (text, "average pain changed by −1.48 points");
  assert_contains (text, "that is 1.54 points.");
  assert_contains (text, "The change of 1.48 points is smaller");
}

/* Too early: the two weeks overlap, and no change between them is told */
static void
test_stats_explain_too_early_no_change (void)
{
  g_autoptr(Journal) j = journal_new ();
  g_autoptr(KjAssessment) a = NULL;
  g_autofree char *text = NULL;

  add_days (j, 0, 3, 7);
  add_days (j, 4, 10, 3);
  a = assess (j, 10);
  text = explain (a);

  g_assert_cmpint (a->verdict, ==, KJ_VERDICT_TOO_EARLY);
  g_assert_null (strstr (text, "reaches it"));
  g_assert_null (strstr (text, "changed by"));
  assert_contains (text, "the first assessment comes on");
}

/* kj_series_julian() and its inverses count in integers: the same numbers as
 * GDate, for every day of the years 1 to 9999 (and the same refusals) */
static void
test_series_julian (void)
{
  const char *bad[] = { "", "2026-1-01", "2026-01-1", "2026/01/01", "2026-01-01x", "2026-00-10", "2026-13-01",
                        "2026-01-00", "2026-01-32", "2026-02-29", "2100-02-29", "1900-02-29", "1899-12-31",
                        "3000-01-01", "0000-01-01", "2026-04-31", "2026-06-31", "2026-09-31", "2026-11-31",
                        " 026-01-01", "2026-01-0a", "2026+01-01", "20260101", "2026-01-" };
  GDate date;
  char text[11], expected[11];
  int julian, checked = 0;

  /* every date string of the years 1890 to 3010, valid or not, against kj_date_to_gdate() */
  for (int y = 1890; y <= 3010; y++)
    for (int m = 0; m <= 13; m++)
      for (int d = 0; d <= 32; d++)
        {
          g_snprintf (text, sizeof text, "%04d-%02d-%02d", y, m, d);
          julian = kj_date_to_gdate (text, &date) ? (int) g_date_get_julian (&date) : 0;
          g_assert_cmpint (kj_series_julian (text), ==, julian);
          checked += julian != 0;
        }
  g_assert_cmpint (checked, ==, 1100 * 365 + 267);   /* 1900-01-01 to 2999-12-31, 267 leap days */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_cmpint (kj_series_julian (bad[i]), ==, 0);
  g_assert_cmpint (kj_series_julian (NULL), ==, 0);
  g_assert_cmpint (kj_series_julian ("1900-01-01"), ==, 693596);
  g_assert_cmpint (kj_series_julian ("2026-11-01"), ==, 739921);

  /* back to dates and weeks, every day of GDate's years 1 to 9999 */
  for (julian = 1; julian <= 3652059; julian++)
    {
      g_date_clear (&date, 1);
      g_date_set_julian (&date, julian);
      kj_date_from_gdate (&date, expected);
      kj_series_date_of_julian (julian, text);
      if (strcmp (text, expected) != 0)
        g_error ("day %d: %s, not %s", julian, text, expected);
      if (kj_series_week_start (julian) != julian - ((int) g_date_get_weekday (&date) - 1))
        g_error ("day %d: week starts on %d", julian, kj_series_week_start (julian));
    }
  kj_series_date_of_julian (3652059, text);
  g_assert_cmpstr (text, ==, "9999-12-31");
  kj_series_date_of_julian (1, text);
  g_assert_cmpstr (text, ==, "0001-01-01");
  g_assert_cmpint (kj_series_week_start (739921), ==, 739915);   /* Sunday 2026-11-01: Monday 2026-10-26 */
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/meaningful", test_stats_meaningful);
  g_test_add_func ("/stats/too-early", test_stats_too_early);
  g_test_add_func ("/stats/two-points", test_stats_two_points);
  g_test_add_func ("/stats/thirty-percent", test_stats_thirty_percent);
  g_test_add_func ("/stats/review-weeks", test_stats_review_weeks);
  g_test_add_func ("/stats/red-flag-window", test_stats_red_flag_window);
  g_test_add_func ("/stats/persistent-swelling", test_stats_persistent_swelling);
  g_test_add_func ("/stats/missing-entries", test_stats_missing_entries);
  g_test_add_func ("/stats/t0", test_stats_t0);
  g_test_add_func ("/stats/as-of-window", test_stats_as_of_window);
  g_test_add_func ("/stats/future-t0", test_stats_future_t0);
  g_test_add_func ("/stats/text-units", test_stats_text_units);
  g_test_add_func ("/stats/two-entries", test_stats_two_entries);
  g_test_add_func ("/stats/theil-sen", test_stats_theil_sen);
  g_test_add_func ("/stats/slope", test_stats_slope);
  g_test_add_func ("/stats/rolling-mean", test_stats_rolling_mean);
  g_test_add_func ("/stats/load-warnings", test_stats_load_warnings);
  g_test_add_func ("/stats/medication-warnings", test_stats_medication_warnings);
  g_test_add_func ("/stats/medication-day", test_stats_medication_day);
  g_test_add_func ("/stats/pain-after-runs", test_stats_pain_after_runs);
  g_test_add_func ("/stats/run-pain", test_stats_run_pain);
  g_test_add_func ("/stats/json", test_stats_json);
  g_test_add_func ("/stats/scenarios", test_stats_scenarios);
  g_test_add_func ("/stats/explain/improving", test_stats_explain_improving);
  g_test_add_func ("/stats/explain/worsening", test_stats_explain_worsening);
  g_test_add_func ("/stats/explain/red-flag", test_stats_explain_red_flag);
  g_test_add_func ("/stats/explain/too-early", test_stats_explain_too_early);
  g_test_add_func ("/stats/explain/not-enough-data", test_stats_explain_not_enough_data);
  g_test_add_func ("/stats/explain/review", test_stats_explain_review);
  g_test_add_func ("/stats/explain/scenarios", test_stats_explain_scenarios);

  g_test_add_func ("/series/treatment-totals", test_series_treatment_totals);
  g_test_add_func ("/series/julian", test_series_julian);
  g_test_add_func ("/stats/explain/close-call", test_stats_explain_close_call);
  g_test_add_func ("/stats/explain/too-early-no-change", test_stats_explain_too_early_no_change);

  return g_test_run ();
}
