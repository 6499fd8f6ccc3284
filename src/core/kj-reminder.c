/* kj-reminder.c — the daily reminder's clock: when it fires next, and whether it has anything to say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions of a given instant and time zone (doc/architecture.md,
 * “The daily reminder”): the service in src/gui arms its timer with them and
 * calls them again after a suspend or a change of the clock.
 *
 * The reminder is a wall-clock time, HH:MM, in the local zone. On the day
 * the clocks go forward that time may not exist (02:30 in Berlin): the
 * reminder then comes at the first instant after the gap (03:00). On the
 * day they go back it may exist twice: the first of the two is taken, and
 * the reminder comes once.
 */
#define G_LOG_DOMAIN "knee-journal-reminder"

#include "config.h"

#include <string.h>

#include "kj-reminder.h"

#define SECONDS_PER_DAY 86400

/* The offset from UTC (seconds) in force at the instant @t (Unix seconds). */
static gint32
offset_at (GTimeZone *tz,
           gint64     t)
{
  return g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, t));
}

/* The one instant of the day whose local wall-clock time is @local (the
 * local date and time counted in seconds as if it were UTC): the first of
 * two when the time happens twice, the end of the gap when it does not
 * happen at all. */
static gint64
instant_of (GTimeZone *tz,
            gint64     local)
{
  /* every offset in force within a day of that time: the clocks never
   * change twice within two days */
  gint32 offsets[] = { offset_at (tz, local - SECONDS_PER_DAY), offset_at (tz, local),
                       offset_at (tz, local + SECONDS_PER_DAY) };
  gboolean found = FALSE;
  gint64 best = 0;
  gint64 lo, hi;

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      gint64 t = local - offsets[i];

      if (offset_at (tz, t) == offsets[i] && (!found || t < best))
        {
          best = t;
          found = TRUE;
        }
    }
  if (found)
    return best;

  /* In a gap: the clocks went from offset a to offset b > a at an instant T,
   * local times [T + a, T + b) do not exist, and T (whose local time is
   * T + b) is the first instant after the gap. T lies in (local − b, local − a];
   * find it to the second. */
  lo = local - MAX (offsets[0], MAX (offsets[1], offsets[2]));
  hi = local - MIN (offsets[0], MIN (offsets[1], offsets[2]));
  if (offset_at (tz, lo) == offset_at (tz, hi))
    return hi;  /* not a gap after all (cannot happen with a sane zone) */
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (offset_at (tz, mid) == offset_at (tz, lo))
        lo = mid;
      else
        hi = mid;
    }

  return hi;
}

/**
 * kj_reminder_next_fire:
 * @now: the current instant
 * @tz: the local time zone
 * @minute_of_day: the reminder's wall-clock time, minutes after midnight (0–1439)
 *
 * The first instant strictly after @now at which the local clock shows
 * @minute_of_day: today if that is still to come, else tomorrow (or the day
 * after, should tomorrow's have passed too). A time that does not exist on a
 * day (the clocks go forward) is the end of the gap; one that exists twice
 * (the clocks go back) is its first occurrence.
 *
 * Returns: (transfer full): that instant, in @tz
 */
GDateTime *
kj_reminder_next_fire (GDateTime *now,
                       GTimeZone *tz,
                       int        minute_of_day)
{
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GDateTime) utc = NULL;
  gint64 now_unix;
  GDate date;

  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (minute_of_day >= 0 && minute_of_day < KJ_REMINDER_MINUTES_PER_DAY, NULL);

  local_now = g_date_time_to_timezone (now, tz);
  now_unix = g_date_time_to_unix (now);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local_now), g_date_time_get_month (local_now),
                  g_date_time_get_year (local_now));

  /* today, else tomorrow; the day after only for a zone that skips a day */
  for (guint i = 0; i < 3; i++, g_date_add_days (&date, 1))
    {
      static const guint32 julian_1970_01_01 = 719163;
      gint64 local = ((gint64) g_date_get_julian (&date) - julian_1970_01_01) * SECONDS_PER_DAY +
                     (gint64) minute_of_day * 60;
      gint64 t = instant_of (tz, local);

      if (t > now_unix)
        {
          utc = g_date_time_new_from_unix_utc (t);
          return g_date_time_to_timezone (utc, tz);
        }
    }

  g_return_val_if_reached (NULL);
}

/**
 * kj_reminder_slept_through:
 * @armed: (nullable): the reminder the timer was set for
 * @now: the instant after the jump (a resume from suspend, a set clock)
 * @tz: the local time zone
 *
 * After the clock jumped, whether the reminder it was set for is due now:
 * it has passed, and it is still its day (a reminder of a day gone by is
 * not given; today's comes at its time).
 *
 * Returns: whether to remind now, late
 */
gboolean
kj_reminder_slept_through (GDateTime *armed,
                           GDateTime *now,
                           GTimeZone *tz)
{
  g_autofree char *armed_day = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (tz != NULL, FALSE);

  if (armed == NULL || g_date_time_compare (now, armed) < 0)
    return FALSE;

  armed_day = kj_reminder_day (armed, tz);
  today = kj_reminder_day (now, tz);

  return g_str_equal (armed_day, today);
}

/**
 * kj_reminder_day:
 *
 * Returns: (transfer full): the date of @now in @tz, as YYYY-MM-DD: the day
 *   whose entry the reminder asks for
 */
char *
kj_reminder_day (GDateTime *now,
                 GTimeZone *tz)
{
  g_autoptr(GDateTime) local_now = NULL;

  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  local_now = g_date_time_to_timezone (now, tz);

  return g_date_time_format (local_now, "%Y-%m-%d");
}

/**
 * kj_reminder_should_notify:
 * @today: the day the reminder is for (YYYY-MM-DD)
 * @entry: (nullable): the journal's entry for @today, if any
 *
 * Returns: whether to remind: only when @today has no entry yet
 */
gboolean
kj_reminder_should_notify (const char  *today,
                           const KjDay *entry)
{
  g_return_val_if_fail (today != NULL, FALSE);

  return entry == NULL || strcmp (entry->date, today) != 0;
}
