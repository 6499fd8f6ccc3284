/* test-csv.c — the one-row-per-day CSV export (RFC 4180)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kj-csv.h"
#include "kj-json.h"

static void
test_csv_quoting (void)
{
  const struct {
    const char *field;
    const char *expected;
  } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "cr\rlf", "\"cr\rlf\"" },
    { "\"", "\"\"\"\"" },
    { "Knie – schmerzt; ok", "Knie – schmerzt; ok" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      kj_csv_append_field (out, cases[i].field);
      g_assert_cmpstr (out->str, ==, cases[i].expected);
    }
}

static const char journal_json[] =
  "{ \"format\": \"knee-journal\", \"version\": 1,"
  "  \"days\": ["
  "    { \"id\": \"d1\", \"date\": \"2026-03-04\", \"pain\": 6, \"pain_worst\": 8,"
  "      \"locations\": [ { \"side\": \"right\", \"region\": \"pes-anserine\" }, { \"side\": \"right\", \"region\": \"medial-joint-line\" } ],"
  "      \"symptoms\": [\"swelling\", \"stiffness\"], \"aggravators\": [\"stairs-down\", \"running\"],"
  "      \"notes\": \"Sore, after \\\"hills\\\"\\nsecond line\" },"
  "    { \"id\": \"d2\", \"date\": \"2026-03-06\", \"pain\": 3 } ],"
  "  \"treatments\": ["
  "    { \"id\": \"t1\", \"date\": \"2026-03-04\", \"kind\": \"ice\", \"minutes\": 15 },"
  "    { \"id\": \"t2\", \"date\": \"2026-03-04\", \"kind\": \"medication\", \"drug\": \"ibuprofen\", \"dose_mg\": 400 },"
  "    { \"id\": \"t3\", \"date\": \"2026-03-04\", \"kind\": \"exercise\", \"exercise\": \"split-squat\", \"sets\": 3, \"reps\": 12 },"
  "    { \"id\": \"t4\", \"date\": \"2026-03-05\", \"kind\": \"rest\" } ],"
  "  \"runs\": ["
  "    { \"id\": \"r1\", \"date\": \"2026-03-05\", \"distance_km\": 4.25 },"
  "    { \"id\": \"r2\", \"date\": \"2026-03-05\", \"distance_km\": 3.5 },"
  "    { \"id\": \"r3\", \"date\": \"2026-03-06\", \"distance_km\": 10 } ] }";

static void
test_csv_rows (void)
{
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length;

  journal = kj_json_parse (journal_json, strlen (journal_json), &error);
  g_assert_no_error (error);

  csv = kj_csv_generate (journal, &length);
  g_assert_cmpuint (length, ==, strlen (csv));
  g_assert_true (g_str_has_suffix (csv, "\r\n"));

  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);   /* header, three dates, and the empty rest */
  g_assert_cmpstr (lines[0], ==, "date,pain,pain_worst,locations,symptoms,aggravators,treatments,run_km,notes,shoe");
  g_assert_cmpstr (lines[1], ==,
                   "2026-03-04,6,8,right:pes-anserine;right:medial-joint-line,swelling;stiffness,stairs-down;running,"
                   "ice:15min;medication:ibuprofen 400mg;exercise:split-squat 3x12,,"
                   "\"Sore, after \"\"hills\"\"\nsecond line\",");
  /* a day with runs and treatments but no entry still has its row */
  g_assert_cmpstr (lines[2], ==, "2026-03-05,,,,,,rest,7.75,,");
  g_assert_cmpstr (lines[3], ==, "2026-03-06,3,,,,,,10,,");
  g_assert_cmpstr (lines[4], ==, "");
}

/* A dose's time of day follows its details, only when it is set */
static void
test_csv_times (void)
{
  const char *text =
    "{ \"format\": \"knee-journal\", \"version\": 1,"
    "  \"days\": [ { \"id\": \"d1\", \"date\": \"2026-03-04\", \"pain\": 4 } ],"
    "  \"treatments\": ["
    "    { \"id\": \"t1\", \"date\": \"2026-03-04\", \"kind\": \"medication\", \"drug\": \"ibuprofen\", \"dose_mg\": 400,"
    "      \"time\": \"08:00\" },"
    "    { \"id\": \"t2\", \"date\": \"2026-03-04\", \"kind\": \"medication\", \"drug\": \"ibuprofen\", \"dose_mg\": 400,"
    "      \"time\": \"14:00\" },"
    "    { \"id\": \"t3\", \"date\": \"2026-03-04\", \"kind\": \"rest\", \"time\": \"21:30\" },"
    "    { \"id\": \"t4\", \"date\": \"2026-03-04\", \"kind\": \"ice\", \"minutes\": 15 } ] }";
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  journal = kj_json_parse (text, strlen (text), &error);
  g_assert_no_error (error);
  csv = kj_csv_generate (journal, NULL);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpstr (lines[1], ==,
                   "2026-03-04,4,,,,,medication:ibuprofen 400mg 08:00;medication:ibuprofen 400mg 14:00;rest:21:30;"
                   "ice:15min,,,");
}

static void
test_csv_empty (void)
{
  g_autoptr(KjJournal) journal = kj_journal_new ();
  g_autofree char *csv = kj_csv_generate (journal, NULL);

  g_assert_cmpstr (csv, ==, KJ_CSV_HEADER "\r\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quoting", test_csv_quoting);
  g_test_add_func ("/csv/rows", test_csv_rows);
  g_test_add_func ("/csv/times", test_csv_times);
  g_test_add_func ("/csv/empty", test_csv_empty);

  return g_test_run ();
}
