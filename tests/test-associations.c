/* test-associations.c — what seems to help: day pairs, factors, the bootstrap interval, the words, adherence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Crafted journals of doc/associations.md: ice that lowers the next day's pain
 * by exactly one point, no effect at all, too few days, runs by band and
 * downhill, NSAIDs, aggravators, a range; the same figures every time (and
 * fixed ones); the sentences in English and German; the weeks of exercise.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "kj-assessment.h"
#include "kj-associations.h"
#include "kj-report.h"

/* Day i of the crafted journals: 2026-01-05 (a Monday) + i */
static void
date_of (int  i,
         char out[11])
{
  kj_date_add_days ("2026-01-05", i, out);
}

/* 65 logged days. Ice on D when D's block of four days is even, so both sides
 * see each next-day base pain 3, 4, 5, 6 equally often; the pain of D+1 is its
 * base, one point lower after ice when @effect. 32 pairs with ice, 32 without. */
static KjJournal *
ice_journal (gboolean effect,
             guint    ice_days_max)
{
  KjJournal *journal = kj_journal_new ();
  gboolean iced[65] = { FALSE };
  guint ice_days = 0;

  for (int i = 0; i < 64 && ice_days < ice_days_max; i++)
    if ((i / 4) % 2 == 0)
      {
        iced[i] = TRUE;
        ice_days++;
      }

  for (int i = 0; i < 65; i++)
    {
      char date[11];
      KjDay *day;

      date_of (i, date);
      day = kj_day_new (date);
      day->pain = 3 + i % 4 - (effect && i > 0 && iced[i - 1] ? 1 : 0);
      g_ptr_array_add (journal->days, day);
      if (iced[i])
        g_ptr_array_add (journal->treatments, kj_treatment_new (date, "ice"));
    }

  return journal;
}

static const KjAssociation *
find (GArray     *associations,
      const char *factor)
{
  for (guint i = 0; i < associations->len; i++)
    {
      const KjAssociation *a = &g_array_index (associations, KjAssociation, i);

      if (g_str_equal (a->factor, factor))
        return a;
    }

  return NULL;
}

static void
test_ice_lowers_by_one (void)
{
  g_autoptr(KjJournal) journal = ice_journal (TRUE, G_MAXUINT);
  g_autoptr(GArray) associations = kj_associations_compute (journal->days, journal->treatments, journal->runs,
                                                            "", "");
  const KjAssociation *ice;

  g_assert_cmpuint (associations->len, ==, 1);
  ice = find (associations, "ice");
  g_assert_nonnull (ice);
  g_assert_cmpstr (ice->group, ==, "treatment");
  g_assert_cmpuint (ice->days_with, ==, 32);
  g_assert_cmpuint (ice->days_without, ==, 32);
  g_assert_cmpfloat (ice->mean_with, ==, 3.5);
  g_assert_cmpfloat (ice->mean_without, ==, 4.5);
  g_assert_cmpfloat (ice->difference, ==, -1.0);
  /* the interval covers −1 and is about ±1.96 standard errors wide (0.28 each side: 0.55) */
  g_assert_cmpfloat (ice->ci_low, <, -1.0);
  g_assert_cmpfloat (ice->ci_high, >, -1.0);
  g_assert_cmpfloat (ice->ci_low, >, -1.8);
  g_assert_cmpfloat (ice->ci_high, <, -0.2);
  g_assert_cmpfloat_with_epsilon (ice->ci_high - ice->ci_low, 1.1, 0.3);
}

static void
test_no_effect_covers_zero (void)
{
  g_autoptr(KjJournal) journal = ice_journal (FALSE, G_MAXUINT);
  g_autoptr(GArray) associations = kj_associations_compute (journal->days, journal->treatments, journal->runs,
                                                            NULL, NULL);
  const KjAssociation *ice = find (associations, "ice");

  g_assert_nonnull (ice);
  g_assert_cmpfloat (ice->difference, ==, 0.0);
  g_assert_cmpfloat (ice->mean_with, ==, 4.5);
  g_assert_cmpfloat (ice->ci_low, <, 0.0);
  g_assert_cmpfloat (ice->ci_high, >, 0.0);
}

static void
test_fewer_than_eight (void)
{
  /* 7 days with ice: not shown; 8: shown */
  g_autoptr(KjJournal) seven = ice_journal (TRUE, 7);
  g_autoptr(KjJournal) eight = ice_journal (TRUE, 8);
  g_autoptr(GArray) none = kj_associations_compute (seven->days, seven->treatments, seven->runs, "", "");
  g_autoptr(GArray) one = kj_associations_compute (eight->days, eight->treatments, eight->runs, "", "");

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpuint (g_array_index (one, KjAssociation, 0).days_with, ==, 8);
  g_assert_cmpuint (g_array_index (one, KjAssociation, 0).days_without, ==, 56);
  g_assert_cmpfloat (g_array_index (one, KjAssociation, 0).difference, ==, -1.0);

  /* a journal of 8 days has only 7 pairs: nothing */
  g_ptr_array_set_size (eight->days, 8);
  g_clear_pointer (&one, g_array_unref);
  one = kj_associations_compute (eight->days, eight->treatments, eight->runs, "", "");
  g_assert_cmpuint (one->len, ==, 0);
}

static void
test_deterministic (void)
{
  g_autoptr(KjJournal) journal = ice_journal (TRUE, G_MAXUINT);
  g_autoptr(GArray) first = kj_associations_compute (journal->days, journal->treatments, journal->runs, "", "");
  g_autoptr(GArray) second = kj_associations_compute (journal->days, journal->treatments, journal->runs, "", "");
  const KjAssociation *ice = find (first, "ice");

  g_assert_cmpuint (first->len, ==, second->len);
  g_assert_true (memcmp (first->data, second->data, first->len * sizeof (KjAssociation)) == 0);

  /* the fixed figures of the fixed seed: the 50th smallest and largest of 2000 resampled differences,
   * each a whole number of 1/1024 (32 × 32 pairs) */
  g_assert_cmpfloat (ice->ci_low * 1024, ==, round (ice->ci_low * 1024));
  g_assert_cmpfloat (ice->ci_high * 1024, ==, round (ice->ci_high * 1024));
  g_assert_cmpfloat (ice->ci_low, ==, -1.53125);
  g_assert_cmpfloat (ice->ci_high, ==, -0.4375);
}

/* Runs: the day's total distance picks the band; downhill is ≥ 100 m and ≥ 15 m a km; both against days
 * without a run. NSAIDs: ibuprofen counts, paracetamol does not. Aggravators: on the day's entry. */
static void
test_runs_nsaid_aggravators (void)
{
  g_autoptr(KjJournal) journal = kj_journal_new ();
  g_autoptr(GArray) associations = NULL;
  const KjAssociation *a;

  for (int i = 0; i < 61; i++)
    {
      char date[11];
      g_autoptr(KjDay) day = NULL;

      date_of (i, date);
      day = kj_day_new (date);
      day->pain = 2 + i % 3;
      if (i % 6 == 1)
        g_ptr_array_add (day->aggravators, (gpointer) kj_code_lookup (KJ_CODE_AGGRAVATOR, "stairs-down"));
      g_ptr_array_add (journal->days, g_steal_pointer (&day));

      switch (i % 4)
        {
        case 0:   /* two short runs, 2 + 2.5 km: a short day */
          g_ptr_array_add (journal->runs, kj_run_new (date, 2.0));
          g_ptr_array_add (journal->runs, kj_run_new (date, 2.5));
          break;
        case 1:   /* 12 km, 200 m down: long and downhill */
          {
            KjRun *run = kj_run_new (date, 12.0);

            run->descent_m = 200;
            g_ptr_array_add (journal->runs, run);
          }
          break;
        case 2:   /* 12 km, 150 m down (12.5 m a km): long, not downhill */
          {
            KjRun *run = kj_run_new (date, 12.0);

            run->descent_m = 150;
            g_ptr_array_add (journal->runs, run);
            g_ptr_array_add (journal->treatments, kj_treatment_new (date, "medication"));
            ((KjTreatment *) journal->treatments->pdata[journal->treatments->len - 1])->drug =
              kj_code_lookup (KJ_CODE_DRUG, "paracetamol");
          }
          break;
        default:  /* no run; ibuprofen */
          g_ptr_array_add (journal->treatments, kj_treatment_new (date, "medication"));
          ((KjTreatment *) journal->treatments->pdata[journal->treatments->len - 1])->drug =
            kj_code_lookup (KJ_CODE_DRUG, "ibuprofen");
          break;
        }
    }

  associations = kj_associations_compute (journal->days, journal->treatments, journal->runs, "", "");

  /* 60 pairs: D = 0 … 59, 15 of each kind of day */
  a = find (associations, "run-short");
  g_assert_nonnull (a);
  g_assert_cmpstr (a->group, ==, "run");
  g_assert_cmpuint (a->days_with, ==, 15);
  g_assert_cmpuint (a->days_without, ==, 15);
  a = find (associations, "run-long");
  g_assert_nonnull (a);
  g_assert_cmpuint (a->days_with, ==, 30);
  g_assert_cmpuint (a->days_without, ==, 15);
  a = find (associations, "run-downhill");
  g_assert_nonnull (a);
  g_assert_cmpuint (a->days_with, ==, 15);
  g_assert_cmpuint (a->days_without, ==, 15);
  g_assert_null (find (associations, "run-medium"));
  g_assert_null (find (associations, "run-very-long"));

  a = find (associations, "nsaid");
  g_assert_nonnull (a);
  g_assert_cmpuint (a->days_with, ==, 15);
  g_assert_cmpuint (a->days_without, ==, 45);

  a = find (associations, "stairs-down");
  g_assert_nonnull (a);
  g_assert_cmpstr (a->group, ==, "aggravator");
  g_assert_cmpuint (a->days_with, ==, 10);
  g_assert_cmpuint (a->days_without, ==, 50);
  /* D = 1, 7, 13 …: D+1 = 2, 8, 14 … has pain 2 + (D+1) % 3 = 4 always */
  g_assert_cmpfloat (a->mean_with, ==, 4.0);

  /* sorted by the size of the difference */
  for (guint i = 1; i < associations->len; i++)
    g_assert_cmpfloat (fabs (g_array_index (associations, KjAssociation, i - 1).difference), >=,
                       fabs (g_array_index (associations, KjAssociation, i).difference));
}

/* Both dates of a pair in the range */
static void
test_range (void)
{
  g_autoptr(KjJournal) journal = ice_journal (TRUE, G_MAXUINT);
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) part = NULL;
  char from[11], to[11];

  /* days 0 … 31: 31 pairs, 16 with ice (D = 0–3, 8–11, 16–19, 24–27), 15 without */
  date_of (0, from);
  date_of (31, to);
  part = kj_associations_compute (journal->days, journal->treatments, journal->runs, from, to);
  g_assert_cmpuint (part->len, ==, 1);
  g_assert_cmpuint (g_array_index (part, KjAssociation, 0).days_with, ==, 16);
  g_assert_cmpuint (g_array_index (part, KjAssociation, 0).days_without, ==, 15);

  /* from day 40 on: 24 pairs (D = 40 … 63), 12 with ice (D = 40–43, 48–51, 56–59) */
  date_of (40, from);
  all = kj_associations_compute (journal->days, journal->treatments, journal->runs, from, "");
  g_assert_cmpuint (g_array_index (all, KjAssociation, 0).days_with, ==, 12);
  g_assert_cmpuint (g_array_index (all, KjAssociation, 0).days_without, ==, 12);
}

static void
test_wording (void)
{
  KjAssociation ice = { "ice", "treatment", -0.8, -1.3, -0.3, 2.1, 2.9, 21, 19 };
  KjAssociation unclear = { "exercise", "treatment", -0.24, -0.52, 0.06, 2.1, 2.3, 30, 40 };
  KjAssociation worse = { "run-long", "run", 1.04, 0.46, 1.61, 4.0, 3.0, 9, 12 };
  KjAssociation same = { "stairs-down", "aggravator", 0.02, -0.4, 0.36, 3.0, 3.0, 10, 50 };
  g_autofree char *s1 = kj_association_sentence (&ice, KJ_UNITS_KM);
  g_autofree char *s2 = kj_association_sentence (&unclear, KJ_UNITS_KM);
  g_autofree char *s3 = kj_association_sentence (&worse, KJ_UNITS_KM);
  g_autofree char *s4 = kj_association_sentence (&same, KJ_UNITS_KM);
  g_autofree char *s5 = kj_association_sentence (&worse, KJ_UNITS_MI);
  g_autofree char *l1 = kj_association_label (&worse, KJ_UNITS_KM);
  g_autofree char *l2 = kj_association_label (&worse, KJ_UNITS_MI);

  g_assert_cmpstr (s1, ==, "On days after you iced, your pain the next day was on average 0.8 lower (0.3 to 1.3) — "
                           "21 vs 19 days. This is a pattern in your records, not proof that ice helped.");
  g_assert_cmpstr (s2, ==, "On days after you did your exercises, your pain the next day was on average 0.2 lower "
                           "(0.5 lower to 0.1 higher) — 30 vs 40 days. This is a pattern in your records, not proof "
                           "that the exercises helped.");
  g_assert_cmpstr (s3, ==, "On days after a run of 10 km to 20 km, your pain the next day was on average 1.0 higher "
                           "(0.5 to 1.6) — 9 vs 12 days. This is a pattern in your records, not proof that runs of "
                           "10 km to 20 km made it worse.");
  g_assert_cmpstr (s4, ==, "On days when going down stairs made it worse, your pain the next day was on average the "
                           "same (0.4 lower to 0.4 higher) — 10 vs 50 days. This is a pattern in your records, not "
                           "proof either way.");
  g_assert_nonnull (strstr (s5, "a run of 6.2 mi to 12.4 mi"));
  g_assert_cmpstr (l1, ==, "Runs of 10 km to 20 km");
  g_assert_cmpstr (l2, ==, "Runs of 6.2 mi to 12.4 mi");
}

static void
test_wording_german (void)
{
  KjAssociation ice = { "ice", "treatment", -0.8, -1.3, -0.3, 2.1, 2.9, 21, 19 };
  KjAssociation worse = { "run-long", "run", 1.04, 0.46, 1.61, 4.0, 3.0, 9, 12 };
  g_autofree char *s1 = NULL;
  g_autofree char *s2 = NULL;
  g_autofree char *old = g_strdup (g_getenv ("LANGUAGE"));

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("needs the de_DE.UTF-8 locale");
      return;
    }
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "de_DE.UTF-8");   /* tells gettext the language changed */

  s1 = kj_association_sentence (&ice, KJ_UNITS_KM);
  s2 = kj_association_sentence (&worse, KJ_UNITS_KM);

  if (old != NULL)
    g_setenv ("LANGUAGE", old, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_cmpstr (s1, ==, "An Tagen nach dem Kühlen war Ihr Schmerz am nächsten Tag im Mittel 0,8 niedriger "
                           "(0,3 bis 1,3) — 21 gegen 19 Tage. Das ist ein Muster in Ihren Aufzeichnungen, kein Beweis, "
                           "dass das Kühlen geholfen hat.");
  g_assert_cmpstr (s2, ==, "An Tagen nach einem Lauf von 10 km bis 20 km war Ihr Schmerz am nächsten Tag im Mittel "
                           "1,0 höher (0,5 bis 1,6) — 9 gegen 12 Tage. Das ist ein Muster in Ihren Aufzeichnungen, kein "
                           "Beweis, dass ein Lauf von 10 km bis 20 km es verschlimmert hat.");
}

/* The summary JSON's member */
static void
test_summary_json (void)
{
  g_autoptr(KjJournal) journal = ice_journal (TRUE, G_MAXUINT);
  g_autoptr(KjAssessment) assessment = kj_assess (journal->profile, journal->days, journal->treatments,
                                                  journal->runs, "2026-03-10");
  g_autoptr(GArray) associations = kj_associations_compute (journal->days, journal->treatments, journal->runs,
                                                            "", assessment->as_of);
  g_autofree char *text = kj_summary_to_json (assessment, associations, NULL);
  g_autofree char *plain = kj_assessment_to_json (assessment);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *item;
  JsonArray *array;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  array = json_object_get_array_member (root, "associations");
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  item = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (item, "factor"), ==, "ice");
  g_assert_cmpstr (json_object_get_string_member (item, "group"), ==, "treatment");
  g_assert_cmpfloat (json_object_get_double_member (item, "difference"), ==, -1.0);
  g_assert_cmpfloat (json_object_get_double_member (item, "ci_low"), ==, -1.53125);
  g_assert_cmpfloat (json_object_get_double_member (item, "ci_high"), ==, -0.4375);
  g_assert_cmpfloat (json_object_get_double_member (item, "mean_with"), ==, 3.5);
  g_assert_cmpfloat (json_object_get_double_member (item, "mean_without"), ==, 4.5);
  g_assert_cmpint (json_object_get_int_member (item, "days_with"), ==, 32);
  g_assert_cmpint (json_object_get_int_member (item, "days_without"), ==, 32);
  g_assert_null (strstr (plain, "associations"));
}

static void
test_adherence (void)
{
  g_autoptr(KjJournal) journal = kj_journal_new ();
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) cut = NULL;
  const KjAdherenceWeek *w;

  /* week 1 (Monday 2026-01-05): entries Mon–Sun with pain 1 … 7, exercises Mon, Wed, Wed again, Fri;
   * week 2: no entries, exercise on Tuesday; week 3: one entry on Sunday, pain 4 */
  for (int i = 0; i < 7; i++)
    {
      char date[11];
      KjDay *day;

      date_of (i, date);
      day = kj_day_new (date);
      day->pain = i + 1;
      g_ptr_array_add (journal->days, day);
    }
  g_ptr_array_add (journal->treatments, kj_treatment_new ("2026-01-05", "exercise"));
  g_ptr_array_add (journal->treatments, kj_treatment_new ("2026-01-07", "exercise"));
  g_ptr_array_add (journal->treatments, kj_treatment_new ("2026-01-07", "exercise"));
  g_ptr_array_add (journal->treatments, kj_treatment_new ("2026-01-07", "stretching"));
  g_ptr_array_add (journal->treatments, kj_treatment_new ("2026-01-08", "stretching"));
  g_ptr_array_add (journal->treatments, kj_treatment_new ("2026-01-09", "exercise"));
  g_ptr_array_add (journal->treatments, kj_treatment_new ("2026-01-13", "exercise"));
  {
    KjDay *day = kj_day_new ("2026-01-25");

    day->pain = 4;
    g_ptr_array_add (journal->days, day);
  }

  weeks = kj_adherence_weeks (journal->days, journal->treatments, "", "");
  g_assert_cmpuint (weeks->len, ==, 3);
  w = &g_array_index (weeks, KjAdherenceWeek, 0);
  g_assert_cmpstr (w->monday, ==, "2026-01-05");
  g_assert_cmpuint (w->exercise_days, ==, 3);
  g_assert_cmpuint (w->logged_days, ==, 7);
  g_assert_cmpuint (w->days_in_range, ==, 7);
  g_assert_cmpfloat (w->mean_pain, ==, 4.0);
  w = &g_array_index (weeks, KjAdherenceWeek, 1);
  g_assert_cmpstr (w->monday, ==, "2026-01-12");
  g_assert_cmpuint (w->exercise_days, ==, 1);
  g_assert_cmpuint (w->logged_days, ==, 0);
  g_assert_true (isnan (w->mean_pain));
  w = &g_array_index (weeks, KjAdherenceWeek, 2);
  g_assert_cmpstr (w->monday, ==, "2026-01-19");
  g_assert_cmpfloat (w->mean_pain, ==, 4.0);

  /* a range from Wednesday to the next Tuesday: two weeks, cut */
  cut = kj_adherence_weeks (journal->days, journal->treatments, "2026-01-07", "2026-01-13");
  g_assert_cmpuint (cut->len, ==, 2);
  w = &g_array_index (cut, KjAdherenceWeek, 0);
  g_assert_cmpuint (w->days_in_range, ==, 5);
  g_assert_cmpuint (w->exercise_days, ==, 2);
  g_assert_cmpuint (w->logged_days, ==, 5);
  g_assert_cmpfloat (w->mean_pain, ==, 5.0);
  w = &g_array_index (cut, KjAdherenceWeek, 1);
  g_assert_cmpuint (w->days_in_range, ==, 2);
  g_assert_cmpuint (w->exercise_days, ==, 1);

  g_clear_pointer (&weeks, g_array_unref);
  weeks = kj_adherence_weeks (journal->days, journal->treatments, "2027-01-01", "");
  g_assert_cmpuint (weeks->len, ==, 0);
}

/* The report's section: the sentence of the period's ice, and the chart's heading (pdftotext) */
static void
test_report_section (void)
{
  g_autoptr(KjJournal) journal = ice_journal (TRUE, G_MAXUINT);
  KjReportOptions options = { .as_of = "2026-03-10", .paper = KJ_PAPER_A4 };
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "associations-report.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };
  guint pages = 0;
  int status = -1;

  journal->profile = kj_profile_new ();
  pdf = kj_report_render (journal, &options, &pages, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  if (program == NULL)
    {
      g_test_skip ("needs pdftotext (poppler-utils)");
      return;
    }
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "What seems to help"));
  g_assert_nonnull (strstr (text, "Ice: 1.0 lower (0.4 to 1.5)"));
  g_assert_nonnull (strstr (text, "Exercises and pain, week by week"));
  g_assert_nonnull (strstr (text, "Days with exercises (of 7)"));
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = g_build_filename (g_getenv ("KJ_BUILD_ROOT") ? g_getenv ("KJ_BUILD_ROOT") : ".",
                                                 "po", NULL);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/associations/ice-lowers-by-one", test_ice_lowers_by_one);
  g_test_add_func ("/associations/no-effect-covers-zero", test_no_effect_covers_zero);
  g_test_add_func ("/associations/fewer-than-eight", test_fewer_than_eight);
  g_test_add_func ("/associations/deterministic", test_deterministic);
  g_test_add_func ("/associations/runs-nsaid-aggravators", test_runs_nsaid_aggravators);
  g_test_add_func ("/associations/range", test_range);
  g_test_add_func ("/associations/wording", test_wording);
  g_test_add_func ("/associations/wording-german", test_wording_german);
  g_test_add_func ("/associations/summary-json", test_summary_json);
  g_test_add_func ("/associations/adherence", test_adherence);
  g_test_add_func ("/associations/report-section", test_report_section);

  return g_test_run ();
}
