/* test-episodes.c — episodes: ranges, the current one, the migration from schema 4, JSON, the assessment, --episode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "kj-assessment.h"
#include "kj-episode.h"
#include "kj-gen.h"
#include "kj-json.h"
#include "kj-report.h"
#include "kj-store.h"
#include "kj-store-schema.h"
#include "kj-test-util.h"

static KjEpisode *
episode (const char *id,
         const char *side,
         const char *injury,
         const char *start,
         const char *end)
{
  KjEpisode *e = kj_episode_new ();

  g_free (e->id);
  e->id = g_strdup (id);
  e->side = kj_code_lookup (KJ_CODE_AFFECTED_SIDE, side);
  g_strlcpy (e->injury_date, injury ? injury : "", sizeof e->injury_date);
  g_strlcpy (e->treatment_start, start ? start : "", sizeof e->treatment_start);
  g_strlcpy (e->end_date, end ? end : "", sizeof e->end_date);

  return e;
}

/* The runner of the issue: the right knee in 2024 (resolved), the left from
 * January 2026, and a right-knee flare from February 2026, overlapping it */
static GPtrArray *
three_episodes (void)
{
  GPtrArray *episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_episode_free);

  g_ptr_array_add (episodes, episode ("right-2024", "right", "2024-03-01", "2024-03-05", "2024-06-30"));
  g_ptr_array_add (episodes, episode ("left-2026", "left", "2026-01-10", NULL, NULL));
  g_ptr_array_add (episodes, episode ("flare", "right", NULL, "2026-02-01", NULL));

  return episodes;
}

static void
test_episodes_ranges (void)
{
  g_autoptr(GPtrArray) episodes = three_episodes ();
  const struct { const char *id; const char *from; const char *to; } ranges[] = {
    { "right-2024", "", "2024-06-30" },   /* the earliest owns everything before it */
    { "left-2026", "2026-01-10", "" },
    { "flare", "2026-02-01", "" },        /* no injury date: the treatment start */
  };
  const struct { const char *date; const char *ids; } on[] = {
    { "2020-01-01", "right-2024" },
    { "2024-06-30", "right-2024" },
    { "2024-07-01", "" },                 /* between episodes: none */
    { "2026-01-10", "left-2026" },
    { "2026-02-01", "left-2026 flare" },  /* the two knees overlap */
  };

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      char from[11], to[11];

      kj_episode_get_range (episodes, kj_episodes_find (episodes, ranges[i].id), from, to);
      g_assert_cmpstr (from, ==, ranges[i].from);
      g_assert_cmpstr (to, ==, ranges[i].to);
    }

  for (guint i = 0; i < G_N_ELEMENTS (on); i++)
    {
      g_autoptr(GPtrArray) found = kj_episodes_on_date (episodes, on[i].date);
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint j = 0; j < found->len; j++)
        g_string_append_printf (ids, "%s%s", j ? " " : "", ((KjEpisode *) found->pdata[j])->id);
      g_assert_cmpstr (ids->str, ==, on[i].ids);
    }

  /* an episode without a start covers everything up to its end */
  {
    g_autoptr(GPtrArray) two = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_episode_free);
    char from[11], to[11];

    g_ptr_array_add (two, episode ("later", "left", "2026-05-01", NULL, NULL));
    g_ptr_array_add (two, episode ("unknown", "right", NULL, NULL, "2026-04-01"));
    kj_episode_get_range (two, two->pdata[1], from, to);
    g_assert_cmpstr (from, ==, "");
    g_assert_cmpstr (to, ==, "2026-04-01");
    kj_episode_get_range (two, two->pdata[0], from, to);
    g_assert_cmpstr (from, ==, "2026-05-01");
    g_assert_cmpstr (kj_episodes_get_first (two)->id, ==, "unknown");
  }
}

static void
test_episodes_current (void)
{
  g_autoptr(GPtrArray) episodes = three_episodes ();
  const struct { const char *as_of; const char *id; } cases[] = {
    { "2023-01-01", "right-2024" },   /* none started yet: the first */
    { "2024-05-01", "right-2024" },   /* open then */
    { "2024-06-30", "right-2024" },   /* its last day */
    { "2025-06-01", "right-2024" },   /* none open: the most recently ended */
    { "2026-01-15", "left-2026" },
    { "2026-03-01", "flare" },        /* both open: the latest start */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (kj_episodes_get_current (episodes, cases[i].as_of)->id, ==, cases[i].id);

  /* the flare resolved: the left knee is current again */
  g_strlcpy (((KjEpisode *) episodes->pdata[2])->end_date, "2026-02-20", 11);
  g_assert_cmpstr (kj_episodes_get_current (episodes, "2026-03-01")->id, ==, "left-2026");
  /* and with every one ended, the latest end */
  g_strlcpy (((KjEpisode *) episodes->pdata[1])->end_date, "2026-02-10", 11);
  g_assert_cmpstr (kj_episodes_get_current (episodes, "2026-03-01")->id, ==, "flare");
  g_assert_null (kj_episodes_get_current (NULL, "2026-03-01"));
}

static void
test_episodes_validate (void)
{
  const struct { const char *side; const char *injury; const char *start; const char *end; int weeks;
                 const char *error; } cases[] = {
    { "both", "2026-03-02", "2026-03-04", "2026-03-04", 3, NULL },
    { "middle", NULL, NULL, NULL, 3, "side: “middle” is not a known value" },
    { "left", "2026-02-30", NULL, NULL, 3, "injury_date: “2026-02-30” is not a real date (YYYY-MM-DD)" },
    { "left", NULL, NULL, NULL, 1, "review_weeks: 1 is out of range 2–12" },
    { "left", NULL, NULL, NULL, 13, "review_weeks: 13 is out of range 2–12" },
    { "left", "2026-03-02", NULL, "2026-03-01", 3, "end_date: 2026-03-01 is before the injury date 2026-03-02" },
    { "left", NULL, "2026-03-04", "2026-03-03", 3, "end_date: 2026-03-03 is before the treatment start 2026-03-04" },
  };
  g_autoptr(KjEpisode) named = episode ("n", "right", "2026-03-02", NULL, NULL);
  g_autofree char *title = NULL;
  g_autofree char *long_name = g_strnfill (201, 'x');
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KjEpisode) e = episode ("e", "left", cases[i].injury, cases[i].start, cases[i].end);
      g_autoptr(GError) local = NULL;

      e->side = g_intern_string (cases[i].side);
      e->review_weeks = cases[i].weeks;
      if (cases[i].error == NULL)
        {
          g_assert_true (kj_episode_validate (e, &local));
          g_assert_no_error (local);
        }
      else
        {
          g_assert_false (kj_episode_validate (e, &local));
          g_assert_cmpstr (local->message, ==, cases[i].error);
        }
    }

  /* titles: the name, else the knee and the start */
  title = kj_episode_dup_title (named);
  g_assert_cmpstr (title, ==, "Right knee since 2 March 2026");
  g_clear_pointer (&title, g_free);
  named->injury_date[0] = '\0';
  title = kj_episode_dup_title (named);
  g_assert_cmpstr (title, ==, "Right knee");
  g_clear_pointer (&title, g_free);
  g_free (named->name);
  named->name = g_strdup ("Right knee — pes anserine");
  title = kj_episode_dup_title (named);
  g_assert_cmpstr (title, ==, "Right knee — pes anserine");

  g_free (named->name);
  named->name = g_steal_pointer (&long_name);
  g_assert_false (kj_episode_validate (named, &error));
  g_assert_nonnull (strstr (error->message, "name: "));
}

/* A journal of schema version 4 holding @journal's records, with a profile
 * (side, dates, review weeks) as version 4 kept it */
static void
make_v4_journal (const char       *path,
                 const KjJournal  *journal,
                 const char       *side,
                 int               review_weeks)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  const KjProfile *p = journal->profile;

  for (guint i = 0; i < 4; i++)
    g_string_append (sql, kj_store_migrations[i]);
  g_string_append_printf (sql, "PRAGMA application_id = %d; PRAGMA user_version = 4;", (int) KJ_STORE_APPLICATION_ID);
  g_string_append_printf (sql, "UPDATE profile SET name = 'Ana', units = 'mi', affected_side = '%s', review_weeks = %d,"
                          " injury_date = %s%s%s, treatment_start = %s%s%s;", side, review_weeks,
                          p->injury_date ? "'" : "", p->injury_date ? p->injury_date : "NULL", p->injury_date ? "'" : "",
                          p->treatment_start ? "'" : "", p->treatment_start ? p->treatment_start : "NULL",
                          p->treatment_start ? "'" : "");

  for (guint i = 0; i < journal->days->len; i++)
    {
      const KjDay *d = journal->days->pdata[i];
      char worst[16] = "NULL";

      if (d->pain_worst != KJ_UNSET)
        g_snprintf (worst, sizeof worst, "%d", d->pain_worst);
      g_string_append_printf (sql, "INSERT INTO days (id, date, pain, pain_worst) VALUES ('%s', '%s', %d, %s);",
                              d->id, d->date, d->pain, worst);
      for (guint s = 0; s < d->symptoms->len; s++)
        g_string_append_printf (sql, "INSERT INTO day_symptoms (day_id, symptom) VALUES ('%s', '%s');", d->id,
                                (const char *) d->symptoms->pdata[s]);
    }
  for (guint i = 0; i < journal->treatments->len; i++)
    {
      const KjTreatment *t = journal->treatments->pdata[i];
      char dose[16] = "NULL";

      if (t->dose_mg != KJ_UNSET)
        g_snprintf (dose, sizeof dose, "%d", t->dose_mg);
      g_string_append_printf (sql, "INSERT INTO treatments (id, date, kind, drug, dose_mg) VALUES ('%s', '%s', '%s',"
                              " %s%s%s, %s);", t->id, t->date, t->kind, t->drug ? "'" : "", t->drug ? t->drug : "NULL",
                              t->drug ? "'" : "", dose);
    }
  for (guint i = 0; i < journal->runs->len; i++)
    {
      const KjRun *r = journal->runs->pdata[i];

      g_string_append_printf (sql, "INSERT INTO runs (id, date, distance_km) VALUES ('%s', '%s', %.17g);",
                              r->id, r->date, r->distance_km);
    }

  g_unlink (path);
  g_assert_true (kj_test_exec_sql (path, sql->str));
}

/* Schema 4 → 5: the profile's fields become the first episode, nothing is
 * lost, the backup is made, and every scenario keeps its verdict. */
static void
test_episodes_migration (void)
{
  const char * const *scenarios = kj_gen_scenarios ();

  for (guint i = 0; scenarios[i] != NULL; i++)
    {
      g_autoptr(KjJournal) generated = kj_gen_journal (3 + i, 60, scenarios[i], "2026-04-01", NULL);
      g_autofree char *name = g_strdup_printf ("v4-%s.db", scenarios[i]);
      g_autofree char *path = kj_test_tmp_path (name);
      g_autofree char *backup = g_strconcat (path, ".bak-v4", NULL);
      g_autoptr(KjStore) store = NULL;
      g_autoptr(KjJournal) read = NULL;
      g_autoptr(KjAssessment) before = NULL;
      g_autoptr(KjAssessment) after = NULL;
      g_autoptr(GError) error = NULL;
      const KjEpisode *first;

      /* the verdict as version 4 gave it: the profile's dates and review weeks */
      generated->profile->review_weeks = 4;
      before = kj_assess (generated->profile, generated->days, generated->treatments, generated->runs, "2026-04-01");

      make_v4_journal (path, generated, "left", 4);
      g_unlink (backup);
      store = kj_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (kj_store_get_schema_version (store), ==, KJ_STORE_SCHEMA_VERSION);
      g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (kj_store_get_damage (store)->len, ==, 0);

      read = kj_store_read_journal (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (read->days->len, ==, generated->days->len);
      g_assert_cmpuint (read->treatments->len, ==, generated->treatments->len);
      g_assert_cmpuint (read->runs->len, ==, generated->runs->len);
      g_assert_cmpstr (read->profile->name, ==, "Ana");
      g_assert_cmpstr (read->profile->units, ==, "mi");

      /* one episode with the profile's side, dates and review weeks */
      g_assert_cmpuint (read->episodes->len, ==, 1);
      first = read->episodes->pdata[0];
      g_assert_true (kj_id_is_valid (first->id));
      g_assert_cmpuint (strlen (first->id), ==, 36);
      g_assert_cmpstr (first->side, ==, "left");
      g_assert_cmpstr (first->injury_date, ==, generated->profile->injury_date ? generated->profile->injury_date : "");
      g_assert_cmpstr (first->treatment_start, ==, generated->profile->treatment_start);
      g_assert_cmpint (first->review_weeks, ==, 4);
      g_assert_cmpstr (first->end_date, ==, "");
      g_assert_cmpstr (first->name, ==, "");

      /* the same verdict, the same numbers */
      after = kj_assess_episode (read->profile, read->episodes, first, read->days, read->treatments, read->runs,
                                 "2026-04-01");
      g_test_message ("%s: %s → %s", scenarios[i], kj_verdict_to_string (before->verdict),
                      kj_verdict_to_string (after->verdict));
      g_assert_cmpint (after->verdict, ==, before->verdict);
      g_assert_cmpstr (after->t0, ==, before->t0);
      g_assert_cmpuint (after->entries, ==, before->entries);
      g_assert_true ((isnan (after->baseline) && isnan (before->baseline)) || after->baseline == before->baseline);
      g_assert_true ((isnan (after->current) && isnan (before->current)) || after->current == before->current);
      g_assert_cmpuint (after->red_flags->len, ==, before->red_flags->len);
      g_assert_cmpstr (after->message, ==, before->message);
      g_clear_object (&store);

      /* the backup is the journal of version 4 as it was */
      {
        sqlite3 *db = NULL;
        sqlite3_stmt *stmt = NULL;

        g_assert_cmpint (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                             " affected_side, review_weeks, (SELECT count(*) FROM days) FROM profile",
                                             -1, &stmt, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 4);
        g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "left");
        g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 4);
        g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, (int) generated->days->len);
        sqlite3_finalize (stmt);
        sqlite3_close (db);
      }
    }
}

/* A new journal has one episode: the right knee, no dates */
static void
test_episodes_store (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("episodes.db");
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(KjEpisode) left = episode ("left-2026", "left", "2026-01-10", NULL, NULL);
  g_autoptr(KjProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_id = NULL;

  episodes = kj_store_list_episodes (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (episodes->len, ==, 1);
  g_assert_cmpstr (((KjEpisode *) episodes->pdata[0])->side, ==, "right");
  g_assert_cmpstr (((KjEpisode *) episodes->pdata[0])->injury_date, ==, "");
  first_id = g_strdup (((KjEpisode *) episodes->pdata[0])->id);
  g_clear_pointer (&episodes, g_ptr_array_unref);

  /* the only episode cannot go */
  g_assert_false (kj_store_delete_episode (store, first_id, &error));
  g_assert_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* save, end, refuse an end before the start, delete */
  g_assert_true (kj_store_save_episode (store, left, &error));
  g_assert_no_error (error);
  g_assert_true (kj_store_end_episode (store, "left-2026", "2026-03-01", &error));
  g_assert_no_error (error);
  g_assert_false (kj_store_end_episode (store, "left-2026", "2026-01-01", &error));
  g_assert_error (error, KJ_RECORD_ERROR, KJ_RECORD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "end_date: 2026-01-01 is before the injury date 2026-01-10");
  g_clear_error (&error);
  g_assert_false (kj_store_end_episode (store, "nobody", "2026-01-01", &error));
  g_assert_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  episodes = kj_store_list_episodes (store, &error);
  g_assert_cmpuint (episodes->len, ==, 2);
  /* by start: the one without a start first */
  g_assert_cmpstr (((KjEpisode *) episodes->pdata[0])->id, ==, first_id);
  g_assert_cmpstr (((KjEpisode *) episodes->pdata[1])->end_date, ==, "2026-03-01");
  g_clear_pointer (&episodes, g_ptr_array_unref);

  /* the profile shows the first episode's fields and sets them */
  profile = kj_store_get_profile (store, &error);
  g_assert_cmpstr (profile->affected_side, ==, "right");
  g_clear_pointer (&profile->injury_date, g_free);
  profile->injury_date = g_strdup ("2025-12-01");
  profile->review_weeks = 5;
  g_assert_true (kj_store_set_profile (store, profile, &error));
  episodes = kj_store_list_episodes (store, &error);
  g_assert_cmpuint (episodes->len, ==, 2);
  g_assert_cmpstr (((KjEpisode *) episodes->pdata[0])->id, ==, first_id);
  g_assert_cmpstr (((KjEpisode *) episodes->pdata[0])->injury_date, ==, "2025-12-01");
  g_assert_cmpint (((KjEpisode *) episodes->pdata[0])->review_weeks, ==, 5);
  g_clear_pointer (&episodes, g_ptr_array_unref);

  g_assert_true (kj_store_delete_episode (store, "left-2026", &error));
  episodes = kj_store_list_episodes (store, &error);
  g_assert_cmpuint (episodes->len, ==, 1);
}

static KjJournal *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  KjJournal *journal = kj_json_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  return journal;
}

/* Versions 1 and 2 set the first episode; version 3 brings episodes by id */
static void
test_episodes_json (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("json.db");
  g_autoptr(KjJournal) v1 = parse ("{ \"format\": \"knee-journal\", \"version\": 1, \"profile\": { \"name\": \"Ana\","
                                   " \"affected_side\": \"left\", \"injury_date\": \"2026-03-02\","
                                   " \"treatment_start\": \"2026-03-04\", \"units\": \"km\", \"review_weeks\": 6 },"
                                   " \"days\": [ { \"id\": \"d1\", \"date\": \"2026-03-04\", \"pain\": 6 } ] }");
  g_autoptr(KjJournal) v3 = NULL;
  g_autoptr(KjJournal) reread = NULL;
  g_autoptr(KjJournal) stored = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  KjImportStats stats;
  const KjEpisode *first;

  g_assert_null (v1->episodes);
  g_assert_true (kj_store_import (store, v1, &stats, &error));
  g_assert_no_error (error);
  g_assert_true (stats.profile_changed);
  episodes = kj_store_list_episodes (store, &error);
  g_assert_cmpuint (episodes->len, ==, 1);
  first = episodes->pdata[0];
  g_assert_cmpstr (first->side, ==, "left");
  g_assert_cmpstr (first->injury_date, ==, "2026-03-02");
  g_assert_cmpstr (first->treatment_start, ==, "2026-03-04");
  g_assert_cmpint (first->review_weeks, ==, 6);

  /* written as version 3: the profile has its name and units only */
  stored = kj_store_read_journal (store, &error);
  text = kj_json_generate (stored, NULL);
  g_assert_nonnull (strstr (text, "\"version\" : 3"));
  g_assert_null (strstr (text, "affected_side"));
  g_assert_nonnull (strstr (text, "\"episodes\" : ["));
  g_assert_nonnull (strstr (text, "\"side\" : \"left\""));
  g_assert_nonnull (strstr (text, "\"end_date\" : null"));

  /* and read again: the same episode, the same id */
  reread = parse (text);
  g_assert_cmpuint (reread->episodes->len, ==, 1);
  g_assert_true (kj_episode_equal (reread->episodes->pdata[0], first));
  g_assert_null (reread->profile->affected_side);
  g_assert_cmpstr (reread->profile->name, ==, "Ana");

  /* importing it again changes nothing */
  g_assert_true (kj_store_import (store, reread, &stats, &error));
  g_assert_cmpuint (stats.episodes.unchanged, ==, 1);
  g_assert_cmpuint (stats.episodes.added + stats.episodes.updated, ==, 0);
  g_assert_false (stats.profile_changed);

  /* into a new journal: its own blank episode gives way to the file's */
  {
    g_autoptr(KjStore) fresh = kj_test_open_new_store ("json-fresh.db");
    g_autoptr(GPtrArray) fresh_episodes = NULL;

    g_assert_true (kj_store_import (fresh, reread, &stats, &error));
    g_assert_no_error (error);
    fresh_episodes = kj_store_list_episodes (fresh, &error);
    g_assert_cmpuint (fresh_episodes->len, ==, 1);
    g_assert_true (kj_episode_equal (fresh_episodes->pdata[0], first));
  }

  /* a second episode, ended, by id; the first changed */
  v3 = parse ("{ \"format\": \"knee-journal\", \"version\": 3, \"profile\": { \"name\": \"Ana\", \"units\": \"km\" },"
              " \"episodes\": [ { \"id\": \"flare\", \"name\": \"Marathon flare\", \"side\": \"right\","
              " \"injury_date\": \"2026-05-01\", \"treatment_start\": null, \"review_weeks\": 2,"
              " \"end_date\": \"2026-06-01\", \"notes\": \"Berlin\" } ] }");
  g_assert_true (kj_store_import (store, v3, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.episodes.added, ==, 1);
  g_clear_pointer (&episodes, g_ptr_array_unref);
  episodes = kj_store_list_episodes (store, &error);
  g_assert_cmpuint (episodes->len, ==, 2);
  g_assert_cmpstr (((KjEpisode *) episodes->pdata[1])->name, ==, "Marathon flare");
  g_assert_cmpstr (((KjEpisode *) episodes->pdata[1])->notes, ==, "Berlin");
  /* the version-3 profile did not touch the first episode */
  g_assert_cmpstr (((KjEpisode *) episodes->pdata[0])->side, ==, "left");

  /* an export round trip keeps both */
  g_clear_pointer (&stored, kj_journal_free);
  stored = kj_store_read_journal (store, &error);
  again = kj_json_generate (stored, NULL);
  g_clear_pointer (&reread, kj_journal_free);
  reread = parse (again);
  g_assert_cmpuint (reread->episodes->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_true (kj_episode_equal (reread->episodes->pdata[i], episodes->pdata[i]));

  /* a version-2 file still imports, but a journal of several episodes keeps them as they are: the older
   * file describes the one episode of its day (doc/journal-format.md) */
  {
    g_autoptr(KjJournal) v2 = parse ("{ \"format\": \"knee-journal\", \"version\": 2, \"profile\": {"
                                     " \"affected_side\": \"both\", \"review_weeks\": 8 }, \"days\": [] }");
    g_autoptr(GPtrArray) now = NULL;

    g_assert_true (kj_store_import (store, v2, &stats, &error));
    now = kj_store_list_episodes (store, &error);
    g_assert_cmpuint (now->len, ==, 2);
    g_assert_cmpstr (((KjEpisode *) now->pdata[0])->side, ==, "left");
    g_assert_cmpint (((KjEpisode *) now->pdata[0])->review_weeks, !=, 8);
    g_assert_cmpstr (((KjEpisode *) now->pdata[1])->side, ==, "right");
  }
}

/* Two episodes of the same journal assessed apart */
static KjJournal *
two_episode_journal (void)
{
  KjJournal *journal = kj_journal_new ();

  journal->profile = kj_profile_new ();
  journal->episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_episode_free);
  g_ptr_array_add (journal->episodes, episode ("right-2026", "right", "2026-01-01", "2026-01-01", "2026-02-28"));
  g_ptr_array_add (journal->episodes, episode ("left-2026", "left", "2026-03-01", "2026-03-01", NULL));

  /* the right knee improves from 6 to 2; the left gets worse from 2 to 6 */
  for (int d = 0; d < 31 + 28 + 31; d++)
    {
      char date[11];
      KjDay *day;

      kj_date_add_days ("2026-01-01", d, date);
      day = kj_day_new (date);
      day->id = g_strdup_printf ("d%d", d);
      day->pain = d < 7 ? 6 : d < 31 + 21 ? 4 : d < 59 ? 2 : d < 59 + 7 ? 2 : 6;
      g_ptr_array_add (journal->days, day);
    }

  return journal;
}

static void
test_episodes_assessment (void)
{
  g_autoptr(KjJournal) journal = two_episode_journal ();
  g_autoptr(KjAssessment) right = NULL;
  g_autoptr(KjAssessment) left = NULL;
  g_autoptr(KjAssessment) as_of_then = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *e;

  /* the ended right-knee episode is assessed as of its end */
  right = kj_assess_episode (journal->profile, journal->episodes, journal->episodes->pdata[0], journal->days,
                             journal->treatments, journal->runs, "2026-03-31");
  g_assert_cmpstr (right->as_of, ==, "2026-02-28");
  g_assert_cmpstr (right->t0, ==, "2026-01-01");
  g_assert_cmpint (right->verdict, ==, KJ_VERDICT_IMPROVING);
  g_assert_cmpfloat (right->baseline, ==, 6);
  g_assert_cmpfloat (right->current, ==, 2);
  g_assert_cmpuint (right->entries, ==, 59);

  /* the left only from its start */
  left = kj_assess_episode (journal->profile, journal->episodes, journal->episodes->pdata[1], journal->days,
                            journal->treatments, journal->runs, "2026-03-31");
  g_assert_cmpstr (left->t0, ==, "2026-03-01");
  g_assert_cmpint (left->verdict, ==, KJ_VERDICT_WORSENING);
  g_assert_cmpfloat (left->baseline, ==, 2);
  g_assert_cmpfloat (left->current, ==, 6);
  g_assert_cmpuint (left->entries, ==, 31);

  /* assessed on a day before its end, the ended one stops there */
  as_of_then = kj_assess_episode (journal->profile, journal->episodes, journal->episodes->pdata[0], journal->days,
                                  journal->treatments, journal->runs, "2026-01-10");
  g_assert_cmpstr (as_of_then->as_of, ==, "2026-01-10");
  g_assert_cmpint (as_of_then->verdict, ==, KJ_VERDICT_TOO_EARLY);

  /* --summary-json's episode */
  json = kj_assessment_to_json (left);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  e = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "episode");
  g_assert_nonnull (e);
  g_assert_cmpstr (json_object_get_string_member (e, "id"), ==, "left-2026");
  g_assert_cmpstr (json_object_get_string_member (e, "side"), ==, "left");
  g_assert_cmpstr (json_object_get_string_member (e, "injury_date"), ==, "2026-03-01");
  g_assert_cmpint (json_object_get_int_member (e, "review_weeks"), ==, 3);
  g_assert_true (json_object_get_null_member (e, "end_date"));
  g_assert_cmpstr (json_object_get_string_member (e, "name"), ==, "");
}

/* --episode on --summary-json and --export-pdf; an unknown id is an error in words */
static void
test_episodes_cli (void)
{
  g_autoptr(KjJournal) journal = two_episode_journal ();
  g_autoptr(KjStore) store = kj_test_open_new_store ("cli.db");
  g_autofree char *db = g_strdup (kj_store_get_path (store));
  g_autofree char *pdf = kj_test_tmp_path ("cli-episode.pdf");
  g_autoptr(GError) error = NULL;
  g_auto(KjTestRun) current = { 0 };
  g_auto(KjTestRun) right = { 0 };
  g_auto(KjTestRun) text = { 0 };
  g_auto(KjTestRun) bad = { 0 };
  g_auto(KjTestRun) bad_pdf = { 0 };
  g_auto(KjTestRun) usage = { 0 };
  g_auto(KjTestRun) report = { 0 };

  g_assert_true (kj_store_import (store, journal, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* the current episode by default: the left knee's */
  kj_test_run_cli (&current, NULL, "--db", db, "--summary-json", "--as-of", "2026-03-31", NULL);
  g_assert_cmpint (current.status, ==, 0);
  g_assert_nonnull (strstr (current.out, "\"verdict\" : \"worsening\""));
  g_assert_nonnull (strstr (current.out, "\"id\" : \"left-2026\""));

  kj_test_run_cli (&right, NULL, "--db", db, "--summary-json", "--as-of", "2026-03-31", "--episode", "right-2026",
                   NULL);
  g_assert_cmpint (right.status, ==, 0);
  g_assert_nonnull (strstr (right.out, "\"verdict\" : \"improving\""));
  g_assert_nonnull (strstr (right.out, "\"end_date\" : \"2026-02-28\""));
  g_assert_nonnull (strstr (right.out, "\"as_of\" : \"2026-02-28\""));

  /* --summary names the episode it assesses, as the report does */
  kj_test_run_cli (&text, NULL, "--db", db, "--summary", "--as-of", "2026-03-31", "--episode", "right-2026", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.out, "Knee Journal — assessment as of 2026-02-28\nEpisode: "));
  g_assert_nonnull (strstr (text.out, "), resolved\n\n"));

  kj_test_run_cli (&bad, NULL, "--db", db, "--summary", "--episode", "no-such-episode", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_cmpstr (bad.out, ==, "");
  g_assert_cmpstr (bad.err, ==, "knee-journal: error: The journal has no episode with the id “no-such-episode”.\n");

  g_unlink (pdf);
  kj_test_run_cli (&bad_pdf, NULL, "--db", db, "--export-pdf", pdf, "--episode", "no-such-episode", NULL);
  g_assert_cmpint (bad_pdf.status, ==, 1);
  g_assert_nonnull (strstr (bad_pdf.err, "no episode with the id “no-such-episode”"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  kj_test_run_cli (&usage, NULL, "--db", db, "--export-json", "-", "--episode", "right-2026", NULL);
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_nonnull (strstr (usage.err, "--episode goes with --summary, --summary-json or --export-pdf"));

  kj_test_run_cli (&report, NULL, "--db", db, "--export-pdf", pdf, "--episode", "right-2026", "--as-of", "2026-03-31",
                   NULL);
  g_assert_cmpint (report.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* The report is for one episode: its name and dates on page 1, its records only */
static void
test_episodes_report (void)
{
  g_autoptr(KjJournal) journal = two_episode_journal ();
  g_autoptr(GBytes) right = NULL;
  g_autoptr(GBytes) left = NULL;
  g_autoptr(GError) error = NULL;
  KjReportOptions options = { .as_of = "2026-03-31", .made_on = "2026-03-31", .episode_id = "right-2026" };
  guint n_pages;

  g_free (((KjEpisode *) journal->episodes->pdata[0])->name);
  ((KjEpisode *) journal->episodes->pdata[0])->name = g_strdup ("Right knee — pes anserine");

  right = kj_report_render (journal, &options, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_nonnull (right);

  options.episode_id = NULL;
  left = kj_report_render (journal, &options, &n_pages, &error);
  g_assert_no_error (error);
  /* different episodes, different reports */
  g_assert_false (g_bytes_equal (right, left));

  options.episode_id = "nobody";
  g_assert_null (kj_report_render (journal, &options, &n_pages, &error));
  g_assert_error (error, KJ_REPORT_ERROR, KJ_REPORT_ERROR_NO_EPISODE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/episodes/ranges", test_episodes_ranges);
  g_test_add_func ("/episodes/current", test_episodes_current);
  g_test_add_func ("/episodes/validate", test_episodes_validate);
  g_test_add_func ("/episodes/migration", test_episodes_migration);
  g_test_add_func ("/episodes/store", test_episodes_store);
  g_test_add_func ("/episodes/json", test_episodes_json);
  g_test_add_func ("/episodes/assessment", test_episodes_assessment);
  g_test_add_func ("/episodes/cli", test_episodes_cli);
  g_test_add_func ("/episodes/report", test_episodes_report);

  return g_test_run ();
}
