/* test-json.c — the journal JSON: round trips, idempotent imports, hostile files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <json-glib/json-glib.h>

#include "kj-gen.h"
#include "kj-json.h"
#include "kj-json-tree-private.h"
#include "kj-store.h"
#include "kj-test-util.h"

#define VALID_DAY "{ \"id\": \"d-1\", \"date\": \"2026-03-04\", \"pain\": 6 }"

static char *
export_store (KjStore *store)
{
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GError) error = NULL;

  journal = kj_store_read_journal (store, &error);
  g_assert_no_error (error);
  return kj_json_generate (journal, NULL);
}

static void
import_text (KjStore       *store,
             const char    *text,
             KjImportStats *stats)
{
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GError) error = NULL;

  journal = kj_json_parse (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_true (kj_store_import (store, journal, stats, &error));
  g_assert_no_error (error);
}

static void
test_json_example_of_design (void)
{
  /* doc/journal-format.md, “Journal JSON”, verbatim but for the ids */
  const char *text =
    "{ \"format\": \"knee-journal\", \"version\": 1,\n"
    "  \"profile\": { \"name\": \"\", \"affected_side\": \"right\", \"injury_date\": \"2026-03-02\",\n"
    "               \"treatment_start\": \"2026-03-04\", \"units\": \"km\", \"review_weeks\": 3 },\n"
    "  \"days\": [ { \"id\": \"0b6a8d7e-5f7a-4d8e-9a39-0c3c2e1f4a10\", \"date\": \"2026-03-04\", \"pain\": 6, \"pain_worst\": 8,\n"
    "              \"locations\": [ { \"side\": \"right\", \"region\": \"pes-anserine\" } ],\n"
    "              \"symptoms\": [\"swelling\"], \"aggravators\": [\"stairs-down\", \"running\"], \"notes\": \"\" } ],\n"
    "  \"treatments\": [ { \"id\": \"1b6a8d7e-5f7a-4d8e-9a39-0c3c2e1f4a10\", \"date\": \"2026-03-04\", \"kind\": \"medication\", \"minutes\": null,\n"
    "                    \"drug\": \"ibuprofen\", \"dose_mg\": 400, \"exercise\": null, \"sets\": null, \"reps\": null,\n"
    "                    \"notes\": \"\" } ],\n"
    "  \"runs\": [ { \"id\": \"2b6a8d7e-5f7a-4d8e-9a39-0c3c2e1f4a10\", \"date\": \"2026-03-03\", \"distance_km\": 8.2, \"duration_s\": 2760,\n"
    "              \"descent_m\": 140, \"pain_during\": 5, \"pain_after\": 7, \"stopped_early\": false, \"notes\": \"\" } ] }\n";
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  KjDay *day;
  KjTreatment *t;
  KjRun *r;

  journal = kj_json_parse (text, strlen (text), &error);
  g_assert_no_error (error);

  g_assert_cmpstr (journal->profile->injury_date, ==, "2026-03-02");
  g_assert_cmpstr (journal->profile->treatment_start, ==, "2026-03-04");
  g_assert_cmpuint (journal->days->len, ==, 1);
  day = journal->days->pdata[0];
  g_assert_cmpint (day->pain, ==, 6);
  g_assert_cmpint (day->pain_worst, ==, 8);
  g_assert_true (kj_day_has_location (day, "right", "pes-anserine"));
  g_assert_cmpstr (day->aggravators->pdata[1], ==, "running");
  t = journal->treatments->pdata[0];
  g_assert_cmpstr (t->drug, ==, "ibuprofen");
  g_assert_cmpint (t->dose_mg, ==, 400);
  g_assert_cmpint (t->minutes, ==, KJ_UNSET);
  r = journal->runs->pdata[0];
  g_assert_cmpfloat (r->distance_km, ==, 8.2);
  g_assert_cmpfloat (r->descent_m, ==, 140);
  g_assert_false (r->stopped_early);
}

static void
test_json_round_trip (void)
{
  g_autoptr(KjJournal) generated = kj_gen_journal (7, 120, "mixed", "2026-11-01", NULL);
  g_autoptr(KjStore) first = kj_test_open_new_store ("round-1.db");
  g_autoptr(KjStore) second = kj_test_open_new_store ("round-2.db");
  g_autofree char *text = kj_json_generate (generated, NULL);
  g_autofree char *export_1 = NULL;
  g_autofree char *export_2 = NULL;
  g_autoptr(KjJournal) reparsed = NULL;
  KjImportStats stats;

  import_text (first, text, &stats);
  g_assert_cmpuint (stats.days.added, ==, 120);
  g_assert_cmpuint (stats.treatments.added, ==, generated->treatments->len);
  g_assert_cmpuint (stats.runs.added, ==, generated->runs->len);

  /* the store gives back exactly what was imported */
  export_1 = export_store (first);
  g_assert_cmpstr (export_1, ==, text);

  /* export → import into an empty journal → export is identical */
  import_text (second, export_1, NULL);
  export_2 = export_store (second);
  g_assert_cmpstr (export_1, ==, export_2);

  /* and every record compares equal field by field */
  reparsed = kj_json_parse (export_2, strlen (export_2), NULL);
  for (guint i = 0; i < generated->days->len; i++)
    g_assert_true (kj_day_equal (generated->days->pdata[i], reparsed->days->pdata[i]));
  for (guint i = 0; i < generated->treatments->len; i++)
    g_assert_true (kj_treatment_equal (generated->treatments->pdata[i], reparsed->treatments->pdata[i]));
  for (guint i = 0; i < generated->runs->len; i++)
    g_assert_true (kj_run_equal (generated->runs->pdata[i], reparsed->runs->pdata[i]));
}

/* The time of day of a dose: written when set, null when not; a file
 * without it (version 1 as before) is read as “no time” */
static void
test_json_time_of_day (void)
{
  const char *text =
    "{ \"format\": \"knee-journal\", \"version\": 1, \"treatments\": ["
    " { \"id\": \"t1\", \"date\": \"2026-03-04\", \"kind\": \"medication\", \"drug\": \"ibuprofen\","
    "   \"dose_mg\": 400, \"time\": \"08:00\" },"
    " { \"id\": \"t2\", \"date\": \"2026-03-04\", \"kind\": \"medication\", \"drug\": \"ibuprofen\","
    "   \"dose_mg\": 400, \"time\": \"14:00\" },"
    " { \"id\": \"t3\", \"date\": \"2026-03-04\", \"kind\": \"ice\", \"time\": null },"
    " { \"id\": \"t4\", \"date\": \"2026-03-04\", \"kind\": \"rest\" } ] }";
  g_autoptr(KjStore) store = kj_test_open_new_store ("time-of-day.db");
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(KjJournal) reparsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;

  journal = kj_json_parse (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((KjTreatment *) journal->treatments->pdata[0])->time, ==, "08:00");
  g_assert_cmpstr (((KjTreatment *) journal->treatments->pdata[1])->time, ==, "14:00");
  g_assert_cmpstr (((KjTreatment *) journal->treatments->pdata[2])->time, ==, "");
  g_assert_cmpstr (((KjTreatment *) journal->treatments->pdata[3])->time, ==, "");

  import_text (store, text, NULL);
  exported = export_store (store);
  g_assert_nonnull (strstr (exported, "\"time\" : \"08:00\""));
  g_assert_nonnull (strstr (exported, "\"time\" : \"14:00\""));
  g_assert_nonnull (strstr (exported, "\"time\" : null"));

  reparsed = kj_json_parse (exported, strlen (exported), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < journal->treatments->len; i++)
    g_assert_true (kj_treatment_equal (journal->treatments->pdata[i], reparsed->treatments->pdata[i]));
}

static void
test_json_idempotent (void)
{
  g_autoptr(KjJournal) generated = kj_gen_journal (3, 60, "improving", "2026-11-01", NULL);
  g_autoptr(KjStore) store = kj_test_open_new_store ("idempotent.db");
  g_autofree char *text = kj_json_generate (generated, NULL);
  g_autofree char *path = g_strdup (kj_store_get_path (store));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *export_1 = NULL;
  g_autofree char *export_2 = NULL;
  KjImportStats stats;

  import_text (store, text, NULL);
  export_1 = export_store (store);
  g_clear_object (&store);

  /* the second import writes nothing: not a byte of the file changes */
  before = kj_test_sha256_file (path);
  store = kj_store_open (path, NULL);
  import_text (store, text, &stats);
  g_assert_cmpuint (stats.days.added + stats.days.updated + stats.days.replaced, ==, 0);
  g_assert_cmpuint (stats.treatments.added + stats.treatments.updated, ==, 0);
  g_assert_cmpuint (stats.runs.added + stats.runs.updated, ==, 0);
  g_assert_cmpuint (stats.days.unchanged, ==, 60);
  g_assert_false (stats.profile_changed);
  export_2 = export_store (store);
  g_clear_object (&store);
  after = kj_test_sha256_file (path);

  g_assert_cmpstr (export_1, ==, export_2);
  g_assert_cmpstr (before, ==, after);
}

static void
test_json_missing_ids (void)
{
  const char *text =
    "{ \"format\": \"knee-journal\", \"version\": 1,"
    "  \"days\": [ { \"date\": \"2026-03-04\", \"pain\": 3 } ],"
    "  \"treatments\": [ { \"date\": \"2026-03-04\", \"kind\": \"ice\", \"minutes\": 15 },"
    "                    { \"date\": \"2026-03-04\", \"kind\": \"ice\", \"minutes\": 15 } ],"
    "  \"runs\": [ { \"date\": \"2026-03-04\", \"distance_km\": 5 } ] }";
  g_autoptr(KjStore) store = kj_test_open_new_store ("no-ids.db");
  g_autoptr(KjJournal) journal = NULL;
  KjImportStats stats;

  import_text (store, text, &stats);
  g_assert_cmpuint (stats.treatments.added, ==, 2);
  import_text (store, text, &stats);
  g_assert_cmpuint (stats.days.unchanged, ==, 1);
  g_assert_cmpuint (stats.treatments.unchanged, ==, 2);
  g_assert_cmpuint (stats.runs.unchanged, ==, 1);

  journal = kj_store_read_journal (store, NULL);
  g_assert_true (g_uuid_string_is_valid (((KjDay *) journal->days->pdata[0])->id));
  g_assert_cmpuint (journal->treatments->len, ==, 2);
  g_assert_null (journal->profile->treatment_start);
}

static void
test_json_unknown_keys_ignored (void)
{
  const char *text =
    "{ \"format\": \"knee-journal\", \"version\": 1, \"exported_by\": { \"app\": \"x\" },"
    "  \"days\": [ " VALID_DAY " ] }";
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GError) error = NULL;

  journal = kj_json_parse (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (journal->days->len, ==, 1);
  g_assert_null (journal->profile);
}

typedef struct
{
  const char *name;
  const char *json;
  const char *expected;   /* must appear in the message */
} Hostile;

#define HEAD "{ \"format\": \"knee-journal\", \"version\": 1, "
#define HEAD3 "{ \"format\": \"knee-journal\", \"version\": 3, "

static const Hostile hostile[] = {
  { "wrong-type-pain", HEAD "\"days\": [ { \"id\": \"a\", \"date\": \"2026-03-04\", \"pain\": \"6\" } ] }",
    "days[0].pain: expected a whole number, found text" },
  { "out-of-range-pain", HEAD "\"days\": [ " VALID_DAY ", { \"id\": \"b\", \"date\": \"2026-03-05\", \"pain\": 11 } ] }",
    "days[1].pain: 11 is out of range 0–10" },
  { "negative-pain", HEAD "\"days\": [ { \"id\": \"a\", \"date\": \"2026-03-04\", \"pain\": -1 } ] }",
    "days[0].pain: -1 is out of range 0–10" },
  { "fractional-pain", HEAD "\"days\": [ { \"id\": \"a\", \"date\": \"2026-03-04\", \"pain\": 5.5 } ] }",
    "days[0].pain: expected a whole number, found 5.5" },
  { "missing-pain", HEAD "\"days\": [ { \"id\": \"a\", \"date\": \"2026-03-04\" } ] }",
    "days[0].pain: a value is required" },
  { "worst-below-pain", HEAD "\"days\": [ { \"id\": \"a\", \"date\": \"2026-03-04\", \"pain\": 6, \"pain_worst\": 4 } ] }",
    "days[0].pain_worst: 4 is below the day’s pain of 6" },
  { "impossible-date", HEAD "\"days\": [ { \"id\": \"a\", \"date\": \"2026-02-30\", \"pain\": 6 } ] }",
    "days[0].date: “2026-02-30” is not a real date" },
  { "badly-formed-date", HEAD "\"days\": [ { \"id\": \"a\", \"date\": \"4.3.2026\", \"pain\": 6 } ] }",
    "days[0].date: “4.3.2026” is not a real date" },
  { "duplicate-date", HEAD "\"days\": [ " VALID_DAY ", { \"id\": \"b\", \"date\": \"2026-03-04\", \"pain\": 2 } ] }",
    "days[1].date: 2026-03-04 already has an entry in days[0]" },
  { "duplicate-day-id", HEAD "\"days\": [ " VALID_DAY ", { \"id\": \"d-1\", \"date\": \"2026-03-05\", \"pain\": 2 } ] }",
    "days[1].id: “d-1” is already used by days[0]" },
  { "duplicate-run-id", HEAD "\"runs\": [ { \"id\": \"r\", \"date\": \"2026-03-05\", \"distance_km\": 5 },"
    " { \"id\": \"r\", \"date\": \"2026-03-06\", \"distance_km\": 6 } ] }",
    "runs[1].id: “r” is already used by runs[0]" },
  { "unknown-region", HEAD "\"days\": [ { \"id\": \"a\", \"date\": \"2026-03-04\", \"pain\": 6,"
    " \"locations\": [ { \"side\": \"right\", \"region\": \"elbow\" } ] } ] }",
    "days[0].locations[0].region: “elbow” is not one of" },
  { "unknown-side", HEAD "\"days\": [ { \"id\": \"a\", \"date\": \"2026-03-04\", \"pain\": 6,"
    " \"locations\": [ { \"side\": \"both\", \"region\": \"patella\" } ] } ] }",
    "days[0].locations[0].side: “both” is not one of" },
  { "duplicate-location", HEAD "\"days\": [ { \"id\": \"a\", \"date\": \"2026-03-04\", \"pain\": 6,"
    " \"locations\": [ { \"side\": \"left\", \"region\": \"patella\" }, { \"side\": \"left\", \"region\": \"patella\" } ] } ] }",
    "days[0].locations[1]: left patella is listed twice" },
  { "unknown-symptom", HEAD "\"days\": [ { \"id\": \"a\", \"date\": \"2026-03-04\", \"pain\": 6, \"symptoms\": [\"itching\"] } ] }",
    "days[0].symptoms[0]: “itching” is not one of" },
  { "symptoms-not-a-list", HEAD "\"days\": [ { \"id\": \"a\", \"date\": \"2026-03-04\", \"pain\": 6, \"symptoms\": \"swelling\" } ] }",
    "days[0].symptoms: expected a list, found text" },
  { "notes-too-long", NULL, "days[0].notes: 4001 characters is longer than the limit of 4000" },
  { "unknown-treatment", HEAD "\"treatments\": [ { \"id\": \"t\", \"date\": \"2026-03-04\", \"kind\": \"acupuncture\" } ] }",
    "treatments[0].kind: “acupuncture” is not one of" },
  { "dose-out-of-range", HEAD "\"treatments\": [ { \"id\": \"t\", \"date\": \"2026-03-04\", \"kind\": \"medication\","
    " \"drug\": \"ibuprofen\", \"dose_mg\": 2400 } ] }",
    "treatments[0].dose_mg: 2400 is out of range 1–2000" },
  { "drug-on-ice", HEAD "\"treatments\": [ { \"id\": \"t\", \"date\": \"2026-03-04\", \"kind\": \"ice\", \"drug\": \"ibuprofen\" } ] }",
    "treatments[0].drug: only a medication has a drug" },
  { "time-out-of-range", HEAD "\"treatments\": [ { \"id\": \"t\", \"date\": \"2026-03-04\", \"kind\": \"ice\" },"
    " { \"id\": \"u\", \"date\": \"2026-03-04\", \"kind\": \"medication\", \"time\": \"25:00\" } ] }",
    "treatments[1].time: 25:00 is not a time of day (HH:MM)" },
  { "time-with-seconds", HEAD "\"treatments\": [ { \"id\": \"t\", \"date\": \"2026-03-04\", \"kind\": \"medication\","
    " \"time\": \"08:00:00\" } ] }",
    "treatments[0].time: 08:00:00 is not a time of day (HH:MM)" },
  { "time-a-number", HEAD "\"treatments\": [ { \"id\": \"t\", \"date\": \"2026-03-04\", \"kind\": \"medication\","
    " \"time\": 800 } ] }",
    "treatments[0].time: expected text, found a number" },
  { "minutes-zero", HEAD "\"treatments\": [ { \"id\": \"t\", \"date\": \"2026-03-04\", \"kind\": \"ice\", \"minutes\": 0 } ] }",
    "treatments[0].minutes: 0 is out of range 1–240" },
  { "distance-too-long", HEAD "\"runs\": [ { \"id\": \"r\", \"date\": \"2026-03-04\", \"distance_km\": 501 } ] }",
    "runs[0].distance_km: 501 is out of range 0.01–500" },
  { "distance-missing", HEAD "\"runs\": [ { \"id\": \"r\", \"date\": \"2026-03-04\" } ] }",
    "runs[0].distance_km: a value is required" },
  { "stopped-early-not-bool", HEAD "\"runs\": [ { \"id\": \"r\", \"date\": \"2026-03-04\", \"distance_km\": 5, \"stopped_early\": 1 } ] }",
    "runs[0].stopped_early: expected true or false, found a number" },
  { "review-weeks", HEAD "\"profile\": { \"review_weeks\": 20 } }",
    "profile.review_weeks: 20 is out of range 2–12" },
  { "affected-side", HEAD "\"profile\": { \"affected_side\": \"middle\" } }",
    "profile.affected_side: “middle” is not one of" },
  { "day-not-an-object", HEAD "\"days\": [ 42 ] }", "days[0]: expected an object, found a number" },
  { "days-not-a-list", HEAD "\"days\": { } }", "days: expected a list, found an object" },
  { "id-with-spaces", HEAD "\"days\": [ { \"id\": \"my day\", \"date\": \"2026-03-04\", \"pain\": 6 } ] }",
    "days[0].id: “my day” may only hold" },
  { "unknown-format", "{ \"format\": \"pain-diary\", \"version\": 1 }", "format: “pain-diary” is an unknown format" },
  { "no-format", "{ \"version\": 1, \"days\": [] }", "not a Knee Journal file" },
  { "newer-version", "{ \"format\": \"knee-journal\", \"version\": 4, \"days\": [] }", "version 4, newer than" },
  { "v3-profile-side", HEAD3 "\"profile\": { \"affected_side\": \"left\" } }",
    "profile.affected_side: belongs to an episode since version 3" },
  { "v3-profile-weeks", HEAD3 "\"profile\": { \"name\": \"A\", \"review_weeks\": 4 } }",
    "profile.review_weeks: belongs to an episode since version 3" },
  { "episodes-not-a-list", HEAD3 "\"episodes\": { } }", "episodes: expected a list, found an object" },
  { "episode-no-side", HEAD3 "\"episodes\": [ { \"id\": \"e\" } ] }", "episodes[0].side: a value is required" },
  { "episode-side", HEAD3 "\"episodes\": [ { \"id\": \"e\", \"side\": \"middle\" } ] }",
    "episodes[0].side: “middle” is not one of" },
  { "episode-weeks", HEAD3 "\"episodes\": [ { \"id\": \"e\", \"side\": \"left\", \"review_weeks\": 13 } ] }",
    "episodes[0].review_weeks: 13 is out of range 2–12" },
  { "episode-end-before-injury", HEAD3 "\"episodes\": [ { \"id\": \"e\", \"side\": \"left\","
    " \"injury_date\": \"2026-05-02\", \"end_date\": \"2026-05-01\" } ] }",
    "episodes[0].end_date: 2026-05-01 is before the injury date 2026-05-02" },
  { "episode-end-before-start", HEAD3 "\"episodes\": [ { \"id\": \"e\", \"side\": \"left\","
    " \"treatment_start\": \"2026-05-02\", \"end_date\": \"2026-05-01\" } ] }",
    "episodes[0].end_date: 2026-05-01 is before the treatment start 2026-05-02" },
  { "episode-bad-end", HEAD3 "\"episodes\": [ { \"id\": \"e\", \"side\": \"left\", \"end_date\": \"2026-02-30\" } ] }",
    "episodes[0].end_date: “2026-02-30” is not a real date" },
  { "episode-twice", HEAD3 "\"episodes\": [ { \"id\": \"e\", \"side\": \"left\" }, { \"id\": \"e\", \"side\": \"right\" } ] }",
    "episodes[1].id: “e” is already used by episodes[0]" },
  { "version-zero", "{ \"format\": \"knee-journal\", \"version\": 0 }", "version: 0 is not a version" },
  { "not-an-object", "[1, 2, 3]", "does not hold a JSON object" },
  { "truncated", HEAD "\"days\": [ { \"id\": \"a\", \"date\": \"2026-03-04\", \"pa", "not valid JSON" },
  { "trailing-garbage", HEAD "\"days\": [] } }", "not valid JSON" },
  { "invalid-utf8", HEAD "\"days\": [ { \"id\": \"a\", \"date\": \"2026-03-04\", \"pain\": 6, \"notes\": \"\xc3\x28\" } ] }",
    "not UTF-8 text" },
  { "nul-byte", NULL, "not UTF-8 text" },
  { "empty", "", "The file is empty" },
  { "only-whitespace", "  \n\t ", "The file is empty" },
};

static char *
hostile_text (const Hostile *h,
              gsize         *length)
{
  if (g_str_equal (h->name, "notes-too-long"))
    {
      g_autofree char *notes = g_strnfill (4001, 'x');
      char *text = g_strdup_printf (HEAD "\"days\": [ { \"id\": \"a\", \"date\": \"2026-03-04\", \"pain\": 1, \"notes\": \"%s\" } ] }", notes);

      *length = strlen (text);
      return text;
    }

  if (g_str_equal (h->name, "nul-byte"))
    {
      const char text[] = HEAD "\"days\": [] \0 }";

      *length = sizeof text - 1;
      return g_memdup2 (text, sizeof text);
    }

  *length = strlen (h->json);
  return g_strdup (h->json);
}

static void
test_json_hostile (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("hostile.db");
  g_autoptr(KjJournal) seed = kj_gen_journal (11, 30, "plateau", "2026-11-01", NULL);
  g_autofree char *seed_text = kj_json_generate (seed, NULL);
  g_autofree char *before = NULL;
  g_autofree char *file = kj_test_tmp_path ("hostile.json");

  import_text (store, seed_text, NULL);
  before = export_store (store);

  g_assert_cmpuint (G_N_ELEMENTS (hostile), >=, 25);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KjJournal) journal = NULL;
      g_autofree char *text = NULL;
      g_autofree char *after = NULL;
      gsize length;

      text = hostile_text (&hostile[i], &length);
      kj_test_write_file (file, text, length);

      journal = kj_json_parse_file (file, &error);
      g_test_message ("%s → %s", hostile[i].name, error ? error->message : "(accepted)");
      g_assert_null (journal);
      g_assert_error (error, KJ_IMPORT_ERROR, error->code);
      if (strstr (error->message, hostile[i].expected) == NULL)
        g_error ("%s: “%s” does not say “%s”", hostile[i].name, error->message, hostile[i].expected);
      g_assert_true (g_str_has_prefix (error->message, "hostile.json: "));

      after = export_store (store);
      g_assert_cmpstr (before, ==, after);
    }
}

/* An error in the last record stops the import before anything is written,
 * and a store import that fails half-way is rolled back whole. */
static void
test_json_all_or_nothing (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("all-or-nothing.db");
  g_autoptr(KjJournal) big = kj_gen_journal (5, 400, "mixed", "2026-11-01", NULL);
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *before = export_store (store);
  g_autofree char *after = NULL;
  guint last = big->runs->len - 1;

  ((KjRun *) big->runs->pdata[last])->pain_after = 11;
  text = kj_json_generate (big, NULL);

  journal = kj_json_parse (text, strlen (text), &error);
  g_assert_null (journal);
  expected = g_strdup_printf ("runs[%u].pain_after: 11 is out of range 0–10", last);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* a caller that skips validation hits the CHECK constraint on the last
   * record, after thousands of rows were written: all of them go */
  g_assert_false (kj_store_import (store, big, NULL, &error));
  g_assert_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_INVALID);

  after = export_store (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (kj_store_is_empty (store));
}

static void
test_json_garbage_50mb (void)
{
  g_autofree char *file = kj_test_tmp_path ("garbage.json");
  g_autoptr(GRand) rand = g_rand_new_with_seed (50);
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = 50 * 1024 * 1024;
  g_autofree guint32 *data = g_malloc (size);
  gint64 start;

  for (gsize i = 0; i < size / 4; i++)
    data[i] = g_rand_int (rand);
  kj_test_write_file (file, (const char *) data, size);

  start = g_get_monotonic_time ();
  journal = kj_json_parse_file (file, &error);
  g_assert_null (journal);
  g_assert_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_ENCODING);
  g_test_message ("50 MB of garbage refused in %.0f ms: %s",
                  (g_get_monotonic_time () - start) / 1000.0, error->message);
  g_clear_error (&error);

  /* 50 MB of ASCII garbage passes the UTF-8 check and fails as JSON */
  for (gsize i = 0; i < size; i++)
    ((char *) data)[i] = 'a' + (((guchar *) data)[i] % 26);
  kj_test_write_file (file, (const char *) data, size);
  journal = kj_json_parse_file (file, &error);
  g_assert_null (journal);
  g_assert_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_SYNTAX);

  g_unlink (file);
}

static void
test_json_file_errors (void)
{
  g_autofree char *missing = kj_test_tmp_path ("does-not-exist.json");
  g_autoptr(GError) error = NULL;

  g_assert_null (kj_json_parse_file (missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "does-not-exist.json"));
}

/* json-glib's rendering of one string value */
static char *
json_glib_string (const char *text)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* The writer's doubles are g_ascii_dtostr()'s ("%.17g"), byte for byte:
 * it formats them itself from 1e-4 to 1e15 (kj-json-write.c,
 * format_double()), so random doubles of every size, the distances and
 * descents a journal holds, values beside the powers of ten and halfway
 * cases (few binary digits) are written and compared */
static void
test_json_writer_doubles (void)
{
  g_autoptr(KjJournal) journal = kj_journal_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *text = NULL;
  const char *p;
  guint n_fraction = 0;

  for (guint i = 0; i < 40000; i++)
    {
      double v = 0;
      guint64 bits;

      switch (i % 8)
        {
        case 0:
          v = g_rand_double_range (rand, 0.01, 500);
          break;
        case 1:
          v = round (g_rand_double_range (rand, 0.01, 500) * 100) / 100;
          break;
        case 2:
          v = round (g_rand_double_range (rand, 0, 20000) * 10) / 10;
          break;
        case 3:
          bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
          memcpy (&v, &bits, sizeof v);
          if (!isfinite (v))
            v = 1.5;
          break;
        case 4:
          v = pow (10, g_rand_int_range (rand, -5, 17));
          v = g_rand_boolean (rand) ? nextafter (v, 0) : nextafter (v, INFINITY);
          break;
        case 5:
          v = ldexp ((double) g_rand_int_range (rand, 1, 1 << 20), -g_rand_int_range (rand, 1, 60));
          break;
        case 6:
          v = -g_rand_double_range (rand, 1e-5, 1e16);
          break;
        default:
          v = g_rand_int_range (rand, 1, 1000000) / pow (10, g_rand_int_range (rand, 0, 9));
          break;
        }
      g_array_append_val (values, v);
    }

  for (guint i = 0; i < values->len; i += 2)
    {
      KjRun *run = kj_run_new ("2026-01-01", 1);

      run->id = g_strdup_printf ("r%u", i);
      run->distance_km = g_array_index (values, double, i);
      run->descent_m = g_array_index (values, double, i + 1);
      g_ptr_array_add (journal->runs, run);
    }

  text = kj_json_generate (journal, NULL);
  p = text;
  for (guint i = 0; i < values->len; i++)
    {
      double v = g_array_index (values, double, i);
      const char *member = i % 2 == 0 ? "\"distance_km\" : " : "\"descent_m\" : ";
      char expected[G_ASCII_DTOSTR_BUF_SIZE + 2];
      g_autofree char *written = NULL;
      const char *end;

      if (v == floor (v) && fabs (v) < 1e15)
        g_snprintf (expected, sizeof expected, "%" G_GINT64_FORMAT, (gint64) v);
      else
        {
          g_ascii_dtostr (expected, G_ASCII_DTOSTR_BUF_SIZE, v);
          if (strchr (expected, '.') == NULL)
            strcat (expected, ".0");
          n_fraction++;
        }

      p = strstr (p, member);
      g_assert_nonnull (p);
      p += strlen (member);
      end = strchr (p, ',');
      g_assert_nonnull (end);
      written = g_strndup (p, end - p);
      g_assert_cmpstr (written, ==, expected);
    }
  g_assert_cmpuint (n_fraction, >, 30000);
}

/* KjJsonWriter writes what json-glib's JsonGenerator (pretty, indent 2)
 * wrote before it, byte for byte: the whole text printed again by
 * json-glib from its own parse, and every awkward character of a note as
 * json-glib escapes it — but 0x1f, which json-glib 1.6 leaves raw, and the
 * writer escapes (/json/export-is-strict-json) */
static void
test_json_writer_matches_json_glib (void)
{
  const char *notes[] = {
    "quote \" and backslash \\ and slash /", "lines\nand\ttabs\rand\bbell\fform", "control \001 \002 \177 end",
    "Knie schmerzt — ü é € 😀", "", "trailing space ",
    /* the writer looks at eight bytes at a time: escapes late in a text */
    "0123456789abcdef\"", "0123456789abcdefghijk\\lmn", "ü€ü€ü€ü€\177", "twenty-three characters\n",
    "€€€€€€€€€€€€\036 and more",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KjJournal) journal = kj_gen_journal (7, 120, "mixed", "2026-11-01", &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *expected = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_cmpuint (journal->runs->len, >, 2);
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      KjDay *day = g_ptr_array_index (journal->days, i);

      g_free (day->notes);
      day->notes = g_strdup (notes[i]);
    }
  /* numbers: whole ones as integers, the others as json-glib writes doubles */
  ((KjRun *) g_ptr_array_index (journal->runs, 0))->distance_km = 10.0;
  ((KjRun *) g_ptr_array_index (journal->runs, 1))->distance_km = 0.1 + 0.2;
  ((KjRun *) g_ptr_array_index (journal->runs, 2))->descent_m = NAN;

  text = kj_json_generate (journal, &length);
  g_assert_cmpuint (length, ==, strlen (text));
  g_assert_true (g_str_has_suffix (text, "}\n"));
  g_assert_nonnull (strstr (text, "\"distance_km\" : 10,"));
  g_assert_nonnull (strstr (text, "\"distance_km\" : 0.30000000000000004,"));
  g_assert_nonnull (strstr (text, "\"descent_m\" : null,"));

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autofree char *value = json_glib_string (notes[i]);
      g_autofree char *member = g_strconcat ("\"notes\" : ", value, NULL);

      g_assert_nonnull (strstr (text, member));
    }

  /* the whole text */
  g_assert_true (json_parser_load_from_data (parser, text, length, &error));
  g_assert_no_error (error);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  again = json_generator_to_data (generator, NULL);
  expected = g_strconcat (again, "\n", NULL);
  g_assert_cmpstr (text, ==, expected);

  /* an empty journal: empty arrays as “[]” */
  {
    g_autoptr(KjJournal) empty = kj_journal_new ();
    g_autofree char *empty_text = kj_json_generate (empty, NULL);

    g_assert_nonnull (strstr (empty_text, "  \"days\" : [],\n  \"treatments\" : [],\n"));
    g_assert_true (g_str_has_suffix (empty_text, "  \"questionnaires\" : []\n}\n"));
  }
}

typedef struct
{
  GString *text;
  guint    chunks;
  gsize    largest;
} Chunks;

static gboolean
collect_chunk (const char  *data,
               gsize        length,
               gpointer     user_data,
               GError     **error)
{
  Chunks *chunks = user_data;

  g_string_append_len (chunks->text, data, length);
  chunks->chunks++;
  chunks->largest = MAX (chunks->largest, length);
  return TRUE;
}

/* A writer with a sink hands the text on in pieces as it goes (a streaming
 * export's memory stays flat), and the pieces make the same text */
/* RFC 8259: a string's characters U+0000 to U+001F must be escaped. The
 * writer copies json-glib 1.6's json_strescape(), whose test leaves 0x1f
 * (the unit separator) as it is, so that a note holding it is exported as a
 * raw 0x1f byte: the file is not JSON, and other programs refuse it
 * (Python's json.load: "Invalid control character"). Knee Journal reads it
 * back only because its scanner hands such a file to json-glib, which is
 * as lax. Every control character must be written as an escape. */
static void
test_json_export_is_strict_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KjJournal) journal = kj_gen_journal (7, 10, "mixed", "2026-11-01", &error);
  g_autofree char *text = NULL;
  gsize length;
  KjDay *day;

  g_assert_no_error (error);
  day = g_ptr_array_index (journal->days, 0);
  g_free (day->notes);
  day->notes = g_strdup ("unit separator \037 and record separator \036 end");

  text = kj_json_generate (journal, &length);
  g_assert_nonnull (strstr (text, "separator \\u001f and"));
  for (gsize k = 0; k < length; k++)
    if ((guchar) text[k] < 0x20 && text[k] != '\n' && text[k] != '\t' && text[k] != '\r')
      g_error ("byte 0x%02x at offset %" G_GSIZE_FORMAT " is a raw control character: not JSON",
               (guchar) text[k], k);
}

static void
test_json_writer_streams (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KjJournal) journal = kj_gen_journal (5, 3653, "mixed", "2026-11-01", &error);
  g_autofree char *whole = NULL;
  g_autoptr(KjJsonWriter) writer = NULL;
  Chunks chunks = { g_string_new (NULL), 0, 0 };
  gsize length;

  g_assert_no_error (error);
  whole = kj_json_generate (journal, &length);
  g_assert_cmpuint (length, >, 4 * 1024 * 1024);

  writer = kj_json_writer_new (collect_chunk, &chunks);
  kj_json_writer_begin (writer, journal->profile, journal->episodes);
  for (guint i = 0; i < journal->days->len; i++)
    g_assert_true (kj_json_writer_add_day (writer, journal->days->pdata[i]));
  for (guint i = 0; i < journal->treatments->len; i++)
    g_assert_true (kj_json_writer_add_treatment (writer, journal->treatments->pdata[i]));
  for (guint i = 0; i < journal->runs->len; i++)
    g_assert_true (kj_json_writer_add_run (writer, journal->runs->pdata[i]));
  g_assert_true (kj_json_writer_finish (writer, journal->shoes, journal->questionnaires, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (chunks.text->str, ==, whole);
  g_assert_cmpuint (chunks.chunks, >, length / (80 * 1024));
  g_assert_cmpuint (chunks.largest, <, 80 * 1024);
  g_string_free (chunks.text, TRUE);
}

/* The scanner's tree (kj-json-tree.c) holds what json-glib's holds, value for
 * value; what it does not read plainly goes to json-glib, whose error
 * messages the import shows. */
static void
assert_same_tree (const KjJsonNode *node,
                  JsonNode         *expected)
{
  switch (json_node_get_node_type (expected))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (expected);
        g_autoptr(GList) names = json_object_get_members (object);

        g_assert_cmpint (node->kind, ==, KJ_JSON_OBJECT);
        for (GList *l = names; l != NULL; l = l->next)
          {
            const KjJsonNode *member = kj_json_node_member (node, l->data);

            g_assert_nonnull (member);
            assert_same_tree (member, json_object_get_member (object, l->data));
          }
        g_assert_cmpuint (g_list_length (names), <=, node->n_children);
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (expected);

        g_assert_cmpint (node->kind, ==, KJ_JSON_ARRAY);
        g_assert_cmpuint (node->n_children, ==, json_array_get_length (array));
        for (guint k = 0; k < node->n_children; k++)
          assert_same_tree (kj_json_node_element (node, k), json_array_get_element (array, k));
      }
      break;
    case JSON_NODE_NULL:
      g_assert_cmpint (node->kind, ==, KJ_JSON_NULL);
      break;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (expected))
        {
        case G_TYPE_STRING:
          g_assert_cmpint (node->kind, ==, KJ_JSON_STRING);
          g_assert_cmpstr (node->v.s, ==, json_node_get_string (expected));
          break;
        case G_TYPE_BOOLEAN:
          g_assert_cmpint (node->kind, ==, KJ_JSON_BOOLEAN);
          g_assert_cmpint (node->v.b, ==, json_node_get_boolean (expected));
          break;
        case G_TYPE_INT64:
          g_assert_cmpint (node->kind, ==, KJ_JSON_INT);
          g_assert_cmpint (node->v.i, ==, json_node_get_int (expected));
          break;
        default:
          g_assert_cmpint (node->kind, ==, KJ_JSON_DOUBLE);
          g_assert_cmpfloat (node->v.d, ==, json_node_get_double (expected));
          break;
        }
      break;
    }
}

static void
test_json_tree_as_json_glib (void)
{
  /* plain JSON, read by the scanner */
  static const char *const plain[] = {
    "{}",
    " [ ] ",
    "{\"a\": [1, -2, 0, -0, 123456789012345678, 2.0, 2.5e1, -1E-2, 0.1], \"b\": {\"c\": [[], [[1]], {}]}}",
    "{\"s\": \"tab\\tquote\\\"slash\\/back\\\\ \\u00e9\\u20ac\\u0041 Kn\xc3\xb6" "chel\", \"t\": true, \"f\": false, \"n\": null}",
    "{\"twice\": 1, \"other\": [\"x\"], \"twice\": \"last\"}",
    "[{\"locations\": [{\"side\": \"left\"}, {\"side\": \"right\"}], \"symptoms\": [\"a\", \"b\"]}, {\"symptoms\": []}]",
    "{\"\\u00e9\": \"key escaped\", \"\": \"empty key\"}\r\n\t ",
  };
  /* read by json-glib: comments, surrogates, long integers, beyond a double, deep, and errors */
  static const char *const other[] = {
    "{\"a\": 1 /* comment */}",
    "{\"a\": \"\\ud83d\\ude00\"}",
    "{\"a\": 1234567890123456789}",
    "{\"a\": 1e999}",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    "{\"a\": 1,}",
    "{\"a\": [1 2]}",
    "{\"a\": \"cut",
    "{\"a\": 01}",
    "{\"a\": tru}",
    "{\"a\": 1} x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (plain) + G_N_ELEMENTS (other); i++)
    {
      gboolean is_plain = i < G_N_ELEMENTS (plain);
      const char *text = is_plain ? plain[i] : other[i - G_N_ELEMENTS (plain)];
      g_autofree char *buffer = g_strdup (text);
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) expected_error = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(KjJsonTree) tree = kj_json_tree_parse (buffer, strlen (buffer), &error);
      gboolean loaded = json_parser_load_from_data (parser, text, -1, &expected_error);

      g_test_message ("%s", text);
      if (!loaded)
        {
          g_assert_false (is_plain);
          g_assert_null (tree);
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, ==, expected_error->message);
          continue;
        }
      g_assert_no_error (error);
      g_assert_nonnull (tree);
      g_assert_cmpint (kj_json_tree_is_fast (tree), ==, is_plain);
      assert_same_tree (kj_json_tree_root (tree), json_parser_get_root (parser));
    }
}

/* A generated journal of 400 days: the scanner reads it, value for value as json-glib does */
static void
test_json_tree_journal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KjJournal) journal = kj_gen_journal (3, 400, "mixed", "2026-11-01", &error);
  g_autofree char *text = kj_json_generate (journal, NULL);
  g_autofree char *buffer = g_strdup (text);
  g_autoptr(KjJsonTree) tree = kj_json_tree_parse (buffer, strlen (buffer), &error);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  g_assert_no_error (error);
  g_assert_true (kj_json_tree_is_fast (tree));
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  assert_same_tree (kj_json_tree_root (tree), json_parser_get_root (parser));
}

/* An import into a journal that holds some of the file already: the new
 * records go many to a statement, the others one by one between them
 * (kj-store-import.c); the journal ends up with exactly the file's records,
 * whatever the mix and wherever the runs of new records start and stop. */
static void
test_json_import_mixed_batches (void)
{
  g_autoptr(KjJournal) file = kj_gen_journal (9, 300, "mixed", "2026-11-01", NULL);
  g_autoptr(KjJournal) before = kj_journal_new ();
  g_autoptr(KjJournal) read = NULL;
  g_autoptr(KjStore) store = kj_test_open_new_store ("mixed-batches.db");
  g_autoptr(GHashTable) treatments = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  guint replaced = 0, updated = 0, unchanged = 0, t_updated = 0, t_unchanged = 0;
  KjImportStats stats;

  /* the journal before: every third day (some changed or under another id in
   * the file) and every third treatment and run, in runs of various lengths */
  for (guint i = 0; i < file->days->len; i++)
    if (i % 3 == 0 || (i > 100 && i < 180))
      {
        KjDay *day = kj_day_copy (file->days->pdata[i]);

        if (i % 7 == 0)
          {
            g_free (day->id);
            day->id = g_strdup_printf ("old-%u", i);
            replaced++;
          }
        else if (i % 5 == 0)
          {
            g_free (day->notes);
            day->notes = g_strdup ("before");
            updated++;
          }
        else
          unchanged++;
        g_ptr_array_add (before->days, day);
      }
  for (guint i = 0; i < file->treatments->len; i++)
    if (i % 3 == 0 || i % 11 < 4)
      {
        KjTreatment *t = kj_treatment_copy (file->treatments->pdata[i]);

        if (i % 4 == 0)
          {
            g_free (t->notes);
            t->notes = g_strdup ("before");
            t_updated++;
          }
        else
          t_unchanged++;
        g_ptr_array_add (before->treatments, t);
      }
  for (guint i = 0; i < file->runs->len; i += 3)
    g_ptr_array_add (before->runs, kj_run_copy (file->runs->pdata[i]));

  g_assert_true (kj_store_import (store, before, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kj_store_import (store, file, &stats, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (stats.days.replaced, ==, replaced);
  g_assert_cmpuint (stats.days.updated, ==, updated);
  g_assert_cmpuint (stats.days.unchanged, ==, unchanged);
  g_assert_cmpuint (stats.days.added, ==, file->days->len - updated - unchanged);
  g_assert_cmpuint (stats.treatments.updated, ==, t_updated);
  g_assert_cmpuint (stats.treatments.unchanged, ==, t_unchanged);
  g_assert_cmpuint (stats.treatments.added, ==, file->treatments->len - t_updated - t_unchanged);
  g_assert_cmpuint (stats.runs.added, ==, file->runs->len - (file->runs->len + 2) / 3);

  read = kj_store_read_journal (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->days->len, ==, file->days->len);
  for (guint i = 0; i < file->days->len; i++)
    g_assert_true (kj_day_equal (read->days->pdata[i], file->days->pdata[i]));
  g_assert_cmpuint (read->treatments->len, ==, file->treatments->len);
  for (guint i = 0; i < read->treatments->len; i++)
    g_hash_table_insert (treatments, ((KjTreatment *) read->treatments->pdata[i])->id, read->treatments->pdata[i]);
  for (guint i = 0; i < file->treatments->len; i++)
    {
      const KjTreatment *t = file->treatments->pdata[i];

      g_assert_true (kj_treatment_equal (g_hash_table_lookup (treatments, t->id), t));
    }
  g_assert_cmpuint (read->runs->len, ==, file->runs->len);
}

/* Generated files with bytes changed for JSON's own characters: whatever
 * json-glib makes of each (a tree, or an error message), the scanner's tree
 * is the same, or it fails with json-glib's message */
static void
test_json_tree_mutations (void)
{
  static const char alphabet[] = "\"\\{}[],:0123456789eE.-+u /tfn\t\n";
  g_autoptr(KjJournal) journal = kj_gen_journal (5, 3, "mixed", "2026-11-01", NULL);
  g_autofree char *text = kj_json_generate (journal, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20);
  gsize length = strlen (text);
  guint fast = 0, failed = 0;

  for (guint n = 0; n < 3000; n++)
    {
      g_autofree char *mutated = g_strdup (text);
      g_autofree char *buffer = NULL;
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) expected_error = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(KjJsonTree) tree = NULL;
      gsize cut = length;

      for (guint k = 1 + n % 3; k > 0; k--)
        mutated[g_rand_int_range (rand, 0, (gint32) length)] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      if (n % 10 == 0)
        cut = g_rand_int_range (rand, 1, (gint32) length);
      mutated[cut] = '\0';
      /* what the import refuses before it parses */
      if (!g_utf8_validate (mutated, cut, NULL) || strstr (mutated, "\\u0000") != NULL)
        continue;

      buffer = g_strdup (mutated);
      tree = kj_json_tree_parse (buffer, cut, &error);
      if (!json_parser_load_from_data (parser, mutated, cut, &expected_error))
        {
          g_assert_null (tree);
          g_assert_cmpstr (error->message, ==, expected_error->message);
          failed++;
          continue;
        }
      g_assert_no_error (error);
      fast += kj_json_tree_is_fast (tree);
      assert_same_tree (kj_json_tree_root (tree), json_parser_get_root (parser));
    }

  /* both kinds were met */
  g_assert_cmpuint (fast, >, 100);
  g_assert_cmpuint (failed, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/json/example-of-design", test_json_example_of_design);
  g_test_add_func ("/json/round-trip", test_json_round_trip);
  g_test_add_func ("/json/idempotent", test_json_idempotent);
  g_test_add_func ("/json/time-of-day", test_json_time_of_day);
  g_test_add_func ("/json/missing-ids", test_json_missing_ids);
  g_test_add_func ("/json/unknown-keys-ignored", test_json_unknown_keys_ignored);
  g_test_add_func ("/json/hostile", test_json_hostile);
  g_test_add_func ("/json/all-or-nothing", test_json_all_or_nothing);
  g_test_add_func ("/json/garbage-50mb", test_json_garbage_50mb);
  g_test_add_func ("/json/file-errors", test_json_file_errors);
  g_test_add_func ("/json/writer-matches-json-glib", test_json_writer_matches_json_glib);
  g_test_add_func ("/json/writer-streams", test_json_writer_streams);
  g_test_add_func ("/json/writer-doubles", test_json_writer_doubles);
  g_test_add_func ("/json/tree-as-json-glib", test_json_tree_as_json_glib);
  g_test_add_func ("/json/tree-journal", test_json_tree_journal);
  g_test_add_func ("/json/tree-mutations", test_json_tree_mutations);
  g_test_add_func ("/json/import-mixed-batches", test_json_import_mixed_batches);
  g_test_add_func ("/json/export-is-strict-json", test_json_export_is_strict_json);

  return g_test_run ();
}
