/* kj-calendar.c — the journal by calendar days: which are logged, their pain and red flag; the streak
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Today page's date popover marks and History's month map shows,
 * one range of dates (a month) at a time. A day is logged when it has a pain
 * entry (doc/data-model.md, “Day entry”); its red flag is the one rule of
 * kj_warnings_day_red_flags(), which looks at the six days before it for
 * persistent swelling, so kj_calendar_read() reads those too.
 *
 * The streak counts consecutive logged days ending today, or ending
 * yesterday while today is not logged yet: a day is not missed before it is
 * over.
 */
#define G_LOG_DOMAIN "knee-journal-calendar"

#include "config.h"

#include <math.h>
#include <string.h>

#include "kj-calendar.h"
#include "kj-series.h"

/* How many days before a day the red-flag rule looks at */
#define RED_FLAG_DAYS_BEFORE 6

static int
compare_days_by_date (gconstpointer a,
                      gconstpointer b)
{
  const KjDay *x = *(KjDay **) a, *y = *(KjDay **) b;

  return strcmp (x->date, y->date);
}

/**
 * kj_calendar_days:
 * @days: (element-type KjDay): day entries of any dates, in any order; for
 *   the red flags of the first days of the range they should include the
 *   six days before @from
 * @from: the first date, YYYY-MM-DD
 * @to: the last date, not before @from
 *
 * Returns: (transfer full) (element-type KjCalendarDay): one item per date
 *   from @from to @to, in order
 */
GArray *
kj_calendar_days (GPtrArray  *days,
                  const char *from,
                  const char *to)
{
  int first = kj_series_julian (from), last = kj_series_julian (to);
  g_autoptr(GPtrArray) sorted = NULL;
  GArray *calendar;
  guint window = 0, next = 0;

  g_return_val_if_fail (days != NULL, NULL);
  g_return_val_if_fail (first > 0 && last >= first, NULL);

  calendar = g_array_sized_new (FALSE, TRUE, sizeof (KjCalendarDay), last - first + 1);
  sorted = g_ptr_array_copy (days, NULL, NULL);
  g_ptr_array_set_free_func (sorted, NULL);   /* a copy keeps the free function */
  g_ptr_array_sort (sorted, compare_days_by_date);

  for (int d = first; d <= last; d++)
    {
      KjCalendarDay item = { .pain = KJ_UNSET, .red_flag = KJ_RED_FLAG_NONE };

      kj_series_date_of_julian (d, item.date);

      /* the entries before this date, then this date's */
      while (next < sorted->len && kj_series_julian (((KjDay *) sorted->pdata[next])->date) < d)
        next++;
      while (window < next && kj_series_julian (((KjDay *) sorted->pdata[window])->date) < d - RED_FLAG_DAYS_BEFORE)
        window++;

      if (next < sorted->len && kj_series_julian (((KjDay *) sorted->pdata[next])->date) == d)
        {
          const KjDay *day = sorted->pdata[next];

          item.logged = TRUE;
          item.pain = day->pain;
          item.red_flag = kj_warnings_day_red_flags (day, (KjDay *const *) sorted->pdata + window, next - window,
                                                     NULL);
        }

      g_array_append_val (calendar, item);
    }

  return calendar;
}

/**
 * kj_calendar_read:
 * @store: the journal
 * @from: the first date, YYYY-MM-DD
 * @to: the last date, not before @from
 * @error: where a read error goes
 *
 * kj_calendar_days() of the journal's entries from @from to @to, read with
 * the six days before @from; one query.
 *
 * Returns: (transfer full) (nullable): the days, %NULL on an error
 */
GArray *
kj_calendar_read (KjStore     *store,
                  const char  *from,
                  const char  *to,
                  GError     **error)
{
  g_autoptr(GPtrArray) days = NULL;
  char before[11];

  g_return_val_if_fail (KJ_IS_STORE (store), NULL);
  g_return_val_if_fail (kj_date_is_valid (from) && kj_date_is_valid (to), NULL);

  kj_date_add_days (from, -RED_FLAG_DAYS_BEFORE, before);
  if (!kj_date_is_valid (before))
    g_strlcpy (before, from, sizeof before);
  days = kj_store_list_days (store, before, to, error);
  if (days == NULL)
    return NULL;

  return kj_calendar_days (days, from, to);
}

/* The first and the last date of @month (1–12) of @year */
void
kj_calendar_month_range (int  year,
                         int  month,
                         char from[11],
                         char to[11])
{
  g_return_if_fail (g_date_valid_dmy (1, month, year));

  g_snprintf (from, 11, "%04d-%02d-01", year, month);
  g_snprintf (to, 11, "%04d-%02d-%02d", year, month, g_date_get_days_in_month (month, year));
}

/* The logged days, their mean pain and the red-flag days of @calendar */
void
kj_calendar_summarize (GArray            *calendar,
                       KjCalendarSummary *summary)
{
  double sum = 0;

  g_return_if_fail (calendar != NULL && summary != NULL);

  *summary = (KjCalendarSummary) { .n_days = calendar->len };
  for (guint i = 0; i < calendar->len; i++)
    {
      const KjCalendarDay *day = &g_array_index (calendar, KjCalendarDay, i);

      if (!day->logged)
        continue;
      summary->n_logged++;
      sum += day->pain;
      summary->n_red_flags += day->red_flag != KJ_RED_FLAG_NONE;
    }
  summary->mean_pain = summary->n_logged > 0 ? sum / summary->n_logged : NAN;
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return (x > y) - (x < y);
}

/**
 * kj_calendar_streak:
 * @days: (element-type KjDay): day entries, in any order
 * @today: today's date, YYYY-MM-DD
 *
 * The logged days in a row ending @today, or ending the day before while
 * @today has no entry yet. Entries after @today do not count.
 *
 * Returns: the number of days, 0 without an entry yesterday or today
 */
guint
kj_calendar_streak (GPtrArray  *days,
                    const char *today)
{
  g_autoptr(GArray) dates = NULL;
  int expected = kj_series_julian (today);
  guint streak = 0;

  g_return_val_if_fail (days != NULL, 0);
  g_return_val_if_fail (expected > 0, 0);

  dates = g_array_sized_new (FALSE, FALSE, sizeof (int), days->len);
  for (guint i = 0; i < days->len; i++)
    {
      int d = kj_series_julian (((KjDay *) days->pdata[i])->date);

      if (d <= expected)
        g_array_append_val (dates, d);
    }
  g_array_sort (dates, compare_ints);

  /* today not logged yet: the streak may still end yesterday */
  if (dates->len > 0 && g_array_index (dates, int, dates->len - 1) < expected)
    expected--;

  for (guint i = dates->len; i > 0; i--)
    {
      int d = g_array_index (dates, int, i - 1);

      if (d == expected + 1)
        continue;   /* the same date twice */
      if (d != expected)
        break;
      streak++;
      expected--;
    }

  return streak;
}
