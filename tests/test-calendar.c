/* test-calendar.c — the journal by calendar days: logged days, their pain and red flags for a month; the streak
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "kj-calendar.h"
#include "kj-test-util.h"

/* An entry on @date with @pain and the symptoms of @symptoms, comma-separated */
static KjDay *
day_new (const char *date,
         int         pain,
         const char *symptoms)
{
  KjDay *day = kj_day_new (date);
  g_auto(GStrv) codes = g_strsplit (symptoms, ",", -1);

  day->pain = pain;
  for (guint i = 0; codes[i] != NULL; i++)
    if (*codes[i] != '\0')
      g_ptr_array_add (day->symptoms, (gpointer) kj_code_lookup (KJ_CODE_SYMPTOM, codes[i]));

  return day;
}

static GPtrArray *
days_new (const char *const *entries)
{
  GPtrArray *days = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_day_free);

  /* "date pain symptoms" */
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (entries[i], " ", 3);

      g_ptr_array_add (days, day_new (f[0], atoi (f[1]), f[2] != NULL ? f[2] : ""));
    }

  return days;
}

/* November 2026: logged days, their pain, an urgent day, a "soon" day, and
 * swelling whose third day in 7 is the 2nd, counting two days in October */
static const char *const november[] = {
  "2026-10-27 2 swelling",
  "2026-10-31 3 swelling",
  "2026-11-02 4 swelling",
  "2026-11-03 5",
  "2026-11-17 7 locking",
  "2026-11-20 1 giving-way",
  "2026-11-30 0",
  "2026-12-01 9 fever",
  NULL
};

static void
test_calendar_month (void)
{
  g_autoptr(GPtrArray) days = days_new (november);
  g_autoptr(GArray) calendar = NULL;
  static const struct {
    int            day;
    gboolean       logged;
    int            pain;
    KjRedFlagLevel red_flag;
  } expected[] = {
    { 1, FALSE, KJ_UNSET, KJ_RED_FLAG_NONE },
    { 2, TRUE, 4, KJ_RED_FLAG_SOON },         /* swelling on 27 Oct, 31 Oct and 2 Nov */
    { 3, TRUE, 5, KJ_RED_FLAG_NONE },
    { 4, FALSE, KJ_UNSET, KJ_RED_FLAG_NONE },
    { 17, TRUE, 7, KJ_RED_FLAG_URGENT },
    { 20, TRUE, 1, KJ_RED_FLAG_SOON },
    { 30, TRUE, 0, KJ_RED_FLAG_NONE },        /* pain 0 is logged */
  };
  KjCalendarSummary summary;
  char from[11], to[11];

  kj_calendar_month_range (2026, 11, from, to);
  g_assert_cmpstr (from, ==, "2026-11-01");
  g_assert_cmpstr (to, ==, "2026-11-30");

  calendar = kj_calendar_days (days, from, to);
  g_assert_cmpuint (calendar->len, ==, 30);
  for (guint i = 0; i < calendar->len; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-11-%02u", i + 1);

      g_assert_cmpstr (g_array_index (calendar, KjCalendarDay, i).date, ==, date);
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const KjCalendarDay *day = &g_array_index (calendar, KjCalendarDay, expected[i].day - 1);

      g_test_message ("%s", day->date);
      g_assert_cmpint (day->logged, ==, expected[i].logged);
      g_assert_cmpint (day->pain, ==, expected[i].pain);
      g_assert_cmpint (day->red_flag, ==, expected[i].red_flag);
    }

  kj_calendar_summarize (calendar, &summary);
  g_assert_cmpuint (summary.n_days, ==, 30);
  g_assert_cmpuint (summary.n_logged, ==, 5);
  g_assert_cmpuint (summary.n_red_flags, ==, 3);
  g_assert_cmpfloat_with_epsilon (summary.mean_pain, (4 + 5 + 7 + 1 + 0) / 5.0, 1e-9);

  /* without the days before the month, the swelling of the 2nd is no red flag yet */
  g_ptr_array_remove_range (days, 0, 2);
  g_clear_pointer (&calendar, g_array_unref);
  calendar = kj_calendar_days (days, from, to);
  g_assert_cmpint (g_array_index (calendar, KjCalendarDay, 1).red_flag, ==, KJ_RED_FLAG_NONE);

  /* a month without entries */
  g_clear_pointer (&calendar, g_array_unref);
  kj_calendar_month_range (2028, 2, from, to);
  g_assert_cmpstr (to, ==, "2028-02-29");
  calendar = kj_calendar_days (days, from, to);
  kj_calendar_summarize (calendar, &summary);
  g_assert_cmpuint (summary.n_days, ==, 29);
  g_assert_cmpuint (summary.n_logged, ==, 0);
  g_assert_true (isnan (summary.mean_pain));
}

/* The store's month is the same as the pure function's over every entry:
 * the read includes the six days before the month. */
static void
test_calendar_read (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("calendar.db");
  g_autoptr(GPtrArray) days = days_new (november);
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) read = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < days->len; i++)
    {
      g_assert_true (kj_store_save_day (store, days->pdata[i], &error));
      g_assert_no_error (error);
    }

  expected = kj_calendar_days (days, "2026-11-01", "2026-11-30");
  read = kj_calendar_read (store, "2026-11-01", "2026-11-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, expected->len);
  g_assert_cmpmem (read->data, read->len * sizeof (KjCalendarDay),
                   expected->data, expected->len * sizeof (KjCalendarDay));
  g_assert_cmpint (g_array_index (read, KjCalendarDay, 1).red_flag, ==, KJ_RED_FLAG_SOON);
}

static void
test_calendar_streak (void)
{
  static const struct {
    const char *today;
    const char *dates;
    guint       streak;
  } cases[] = {
    { "2026-11-10", "", 0 },
    { "2026-11-10", "2026-11-10", 1 },
    { "2026-11-10", "2026-11-08 2026-11-09 2026-11-10", 3 },
    /* today not logged yet: the streak ends yesterday, it is not broken */
    { "2026-11-10", "2026-11-07 2026-11-08 2026-11-09", 3 },
    /* yesterday missed: no streak */
    { "2026-11-10", "2026-11-07 2026-11-08", 0 },
    /* a gap ends it */
    { "2026-11-10", "2026-11-01 2026-11-02 2026-11-04 2026-11-05 2026-11-06 2026-11-07 2026-11-08 2026-11-09 "
                    "2026-11-10", 7 },
    /* in any order, across a month and a year */
    { "2027-01-02", "2027-01-01 2026-12-30 2027-01-02 2026-12-31", 4 },
    /* an entry after today does not count */
    { "2026-11-10", "2026-11-09 2026-11-10 2026-11-11", 2 },
    { "2026-11-10", "2026-11-11", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) dates = g_strsplit (cases[i].dates, " ", -1);
      g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_day_free);

      for (guint j = 0; dates[j] != NULL; j++)
        if (*dates[j] != '\0')
          g_ptr_array_add (days, day_new (dates[j], 3, ""));

      g_test_message ("%s: %s", cases[i].today, cases[i].dates);
      g_assert_cmpuint (kj_calendar_streak (days, cases[i].today), ==, cases[i].streak);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/month", test_calendar_month);
  g_test_add_func ("/calendar/read", test_calendar_read);
  g_test_add_func ("/calendar/streak", test_calendar_streak);

  return g_test_run ();
}
