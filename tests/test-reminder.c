/* test-reminder.c — the daily reminder's next time, across time zones, clock changes and jumps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kj-reminder.h"

typedef struct
{
  const char *zone;
  const char *now;       /* ISO 8601 with its offset */
  int         minute;    /* the reminder's time, minutes after midnight */
  const char *expected;  /* the next fire, ISO 8601 in the zone */
  const char *why;
} Case;

static const Case cases[] = {
  /* plain days */
  { "UTC", "2026-03-04T12:00:00Z", 20 * 60 + 30, "2026-03-04T20:30:00Z", "later today" },
  { "UTC", "2026-03-04T20:30:00Z", 20 * 60 + 30, "2026-03-05T20:30:00Z", "exactly now: strictly after" },
  { "UTC", "2026-03-04T20:29:59Z", 20 * 60 + 30, "2026-03-04T20:30:00Z", "a second before" },
  { "UTC", "2026-03-04T21:00:00Z", 20 * 60 + 30, "2026-03-05T20:30:00Z", "passed today: tomorrow" },
  { "UTC", "2026-12-31T22:00:00Z", 20 * 60 + 30, "2027-01-01T20:30:00Z", "over the new year" },
  { "UTC", "2028-02-28T23:00:00Z", 20 * 60 + 30, "2028-02-29T20:30:00Z", "leap day" },
  /* midnight edges */
  { "UTC", "2026-03-04T23:59:59Z", 0, "2026-03-05T00:00:00Z", "00:00 a second away" },
  { "UTC", "2026-03-05T00:00:00Z", 0, "2026-03-06T00:00:00Z", "00:00 just now: tomorrow's" },
  { "UTC", "2026-03-05T00:00:00Z", 1439, "2026-03-05T23:59:00Z", "23:59 the same day" },
  /* the local date, not UTC's, decides which day */
  { "America/New_York", "2026-03-05T02:00:00Z", 20 * 60 + 30, "2026-03-05T20:30:00-05:00",
    "21:00 on the 4th in New York: tomorrow there" },
  { "Europe/Berlin", "2026-03-04T20:00:00Z", 20 * 60 + 30, "2026-03-05T20:30:00+01:00",
    "20:00 UTC is 21:00 in Berlin: passed" },
  /* Berlin: forward on 2026-03-29 02:00 → 03:00, back on 2026-10-25 03:00 → 02:00 */
  { "Europe/Berlin", "2026-03-28T20:00:00+01:00", 20 * 60 + 30, "2026-03-28T20:30:00+01:00", "the eve" },
  { "Europe/Berlin", "2026-03-28T21:00:00+01:00", 20 * 60 + 30, "2026-03-29T20:30:00+02:00",
    "over the spring gap: the wall clock, not 24 hours" },
  { "Europe/Berlin", "2026-03-29T00:00:00+01:00", 2 * 60 + 30, "2026-03-29T03:00:00+02:00",
    "02:30 does not exist: the end of the gap" },
  { "Europe/Berlin", "2026-03-29T03:00:00+02:00", 2 * 60 + 30, "2026-03-30T02:30:00+02:00",
    "the gap's end just now: tomorrow" },
  { "Europe/Berlin", "2026-10-25T00:00:00+02:00", 2 * 60 + 30, "2026-10-25T02:30:00+02:00",
    "02:30 twice: the first" },
  { "Europe/Berlin", "2026-10-25T02:45:00+02:00", 2 * 60 + 30, "2026-10-26T02:30:00+01:00",
    "between the two 02:30s: once a day, so tomorrow" },
  { "Europe/Berlin", "2026-10-24T21:00:00+02:00", 20 * 60 + 30, "2026-10-25T20:30:00+01:00",
    "over the autumn fold: the wall clock, 25 hours" },
  /* New York: forward on 2026-03-08 02:00 → 03:00, back on 2026-11-01 02:00 → 01:00 */
  { "America/New_York", "2026-03-08T01:59:00-05:00", 2 * 60 + 15, "2026-03-08T03:00:00-04:00",
    "02:15 does not exist" },
  { "America/New_York", "2026-11-01T00:30:00-04:00", 60 + 30, "2026-11-01T01:30:00-04:00", "01:30 twice: EDT's" },
  { "America/New_York", "2026-11-01T01:10:00-05:00", 60 + 30, "2026-11-02T01:30:00-05:00",
    "after the first 01:30, in the second hour: tomorrow" },
  /* Lord Howe: half-hour DST; forward on 2026-10-04 02:00 → 02:30 (+10:30 → +11), back on 2026-04-05 02:00 → 01:30 */
  { "Australia/Lord_Howe", "2026-10-04T00:00:00+10:30", 2 * 60 + 10, "2026-10-04T02:30:00+11:00",
    "02:10 in the 30-minute gap" },
  { "Australia/Lord_Howe", "2026-10-04T00:00:00+10:30", 2 * 60 + 30, "2026-10-04T02:30:00+11:00",
    "02:30 is the gap's end itself" },
  { "Australia/Lord_Howe", "2026-04-05T00:00:00+11:00", 60 + 45, "2026-04-05T01:45:00+11:00",
    "01:45 twice: the first" },
  { "Australia/Lord_Howe", "2026-04-04T21:00:00+11:00", 20 * 60 + 30, "2026-04-05T20:30:00+10:30",
    "over the fold: the wall clock" },
};

static GTimeZone *
zone (const char *name)
{
  GTimeZone *tz = g_time_zone_new_identifier (name);

  g_assert_nonnull (tz);

  return tz;
}

static void
check (GTimeZone  *tz,
       GDateTime  *now,
       int         minute,
       const char *expected,
       const char *why)
{
  g_autoptr(GDateTime) next = kj_reminder_next_fire (now, tz, minute);
  g_autoptr(GDateTime) want = g_date_time_new_from_iso8601 (expected, NULL);
  g_autofree char *got = NULL;

  g_assert_nonnull (next);
  g_assert_nonnull (want);
  got = g_date_time_format_iso8601 (next);
  if (!g_date_time_equal (next, want) || g_date_time_get_utc_offset (next) != g_date_time_get_utc_offset (want))
    g_error ("%s: next fire %s, expected %s", why, got, expected);

  /* the local clock shows the reminder's time, or the gap's end */
  g_assert_cmpint (g_date_time_compare (next, now), >, 0);
}

static void
test_reminder_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GTimeZone) tz = zone (cases[i].zone);
      g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (cases[i].now, NULL);

      g_assert_nonnull (now);
      g_test_message ("%s %s %02d:%02d: %s", cases[i].zone, cases[i].now, cases[i].minute / 60,
                      cases[i].minute % 60, cases[i].why);
      check (tz, now, cases[i].minute, cases[i].expected, cases[i].why);
    }
}

/* A suspend or a changed clock is a jump of “now”: the next time is
 * computed again from the new instant, never carried over. */
static void
test_reminder_clock_jump (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/Berlin");
  g_autoptr(GDateTime) before = g_date_time_new_from_iso8601 ("2026-03-04T09:00:00+01:00", NULL);
  g_autoptr(GDateTime) first = kj_reminder_next_fire (before, tz, 20 * 60 + 30);
  static const struct { double hours; const char *expected; } jumps[] = {
    { 0.5, "2026-03-04T20:30:00+01:00" },   /* a short nap */
    { 11.5, "2026-03-05T20:30:00+01:00" },  /* woke at 20:30 exactly: that one fires now, the next is tomorrow */
    { 12, "2026-03-05T20:30:00+01:00" },    /* slept through it */
    { 24 * 3 + 2, "2026-03-07T20:30:00+01:00" },
    { 24 * 30, "2026-04-03T20:30:00+02:00" },  /* a month, over the spring change */
    { -24, "2026-03-03T20:30:00+01:00" },   /* the clock set back a day */
  };

  g_assert_cmpstr (g_date_time_format_iso8601 (first), ==, "2026-03-04T20:30:00+01");

  for (guint i = 0; i < G_N_ELEMENTS (jumps); i++)
    {
      g_autoptr(GDateTime) now = g_date_time_add_seconds (before, jumps[i].hours * 3600);

      check (tz, now, 20 * 60 + 30, jumps[i].expected, "a jump of the clock");
    }
}

/* the zone changed (travel): the same instant, another wall clock */
static void
test_reminder_zone_change (void)
{
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  g_autoptr(GTimeZone) new_york = zone ("America/New_York");
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-03-04T20:00:00Z", NULL);

  check (berlin, now, 20 * 60 + 30, "2026-03-05T20:30:00+01:00", "Berlin: passed at 21:00 local");
  check (new_york, now, 20 * 60 + 30, "2026-03-04T20:30:00-05:00", "New York: 15:00 local, later today");
}

/* After a resume or a set clock the timer is cancelled: the reminder it
 * was set for is given late only when it has passed and it is still its day. */
static void
test_reminder_slept_through (void)
{
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  g_autoptr(GDateTime) armed = g_date_time_new_from_iso8601 ("2026-03-04T20:30:00+01:00", NULL);
  static const struct { const char *now; gboolean due; const char *why; } jumps[] = {
    { "2026-03-04T20:00:00+01:00", FALSE, "woke before it: the timer is set again" },
    { "2026-03-04T20:30:00+01:00", TRUE, "woke at it" },
    { "2026-03-04T23:10:00+01:00", TRUE, "slept through it, the same evening: late" },
    { "2026-03-05T00:10:00+01:00", FALSE, "slept past midnight: that day is gone" },
    { "2026-03-07T21:00:00+01:00", FALSE, "three days later: today's comes at its time" },
  };

  g_assert_false (kj_reminder_slept_through (NULL, armed, berlin));
  for (guint i = 0; i < G_N_ELEMENTS (jumps); i++)
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (jumps[i].now, NULL);

      if (kj_reminder_slept_through (armed, now, berlin) != jumps[i].due)
        g_error ("%s: %s", jumps[i].now, jumps[i].why);
    }
}

static void
test_reminder_day_and_notify (void)
{
  g_autoptr(GTimeZone) new_york = zone ("America/New_York");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-03-05T02:00:00Z", NULL);
  g_autofree char *day_ny = kj_reminder_day (now, new_york);
  g_autofree char *day_utc = kj_reminder_day (now, utc);
  g_autoptr(KjDay) entry = kj_day_new ("2026-03-04");
  g_autoptr(KjDay) other = kj_day_new ("2026-03-03");

  g_assert_cmpstr (day_ny, ==, "2026-03-04");
  g_assert_cmpstr (day_utc, ==, "2026-03-05");

  g_assert_true (kj_reminder_should_notify ("2026-03-04", NULL));
  g_assert_false (kj_reminder_should_notify ("2026-03-04", entry));
  g_assert_true (kj_reminder_should_notify ("2026-03-04", other));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminder/next-fire", test_reminder_table);
  g_test_add_func ("/reminder/clock-jump", test_reminder_clock_jump);
  g_test_add_func ("/reminder/zone-change", test_reminder_zone_change);
  g_test_add_func ("/reminder/slept-through", test_reminder_slept_through);
  g_test_add_func ("/reminder/day-and-notify", test_reminder_day_and_notify);

  return g_test_run ();
}
