/* test-episodes-attack.c — episodes, the questionnaire and what seems to help (#19)
 * against hostile files and degenerate data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case is a defect found by attacking episodes, questionnaires and
 * associations, kept so that it stays fixed. Files are built with the sqlite3 library, as another program would
 * leave them.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "kj-associations.h"
#include "kj-episode.h"
#include "kj-gen.h"
#include "kj-json.h"
#include "kj-store.h"
#include "kj-store-schema.h"
#include "kj-test-util.h"

/* A schema-6 journal at @name with @n_days generated days (one episode, no name) */
static char *
make_journal (const char *name,
              guint       n_days)
{
  g_autoptr(KjStore) store = kj_test_open_new_store (name);
  g_autoptr(KjJournal) journal = kj_gen_journal (1, n_days, "mixed", "2026-11-01", NULL);
  g_autoptr(GError) error = NULL;

  kj_store_import (store, journal, NULL, &error);
  g_assert_no_error (error);

  return g_strdup (kj_store_get_path (store));
}

/* A journal of schema version 4 at @name, one day entry, then @sql run on it
 * (as another program would) */
static char *
make_v4_journal (const char *name,
                 const char *sql)
{
  g_autofree char *path = kj_test_tmp_path (name);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < 4; i++)
    g_string_append (s, kj_store_migrations[i]);
  g_string_append_printf (s, "PRAGMA application_id = %d; PRAGMA user_version = 4;", (int) KJ_STORE_APPLICATION_ID);
  g_string_append (s, "INSERT INTO days (id, date, pain) VALUES ('d1', '2026-03-05', 4);");
  g_string_append (s, sql);
  g_unlink (path);
  g_assert_true (kj_test_exec_sql (path, s->str));

  return g_steal_pointer (&path);
}

/* 1. A schema-4 journal whose profile holds a value another program stored past
 * the CHECKs (review weeks 99). A damaged profile name or unit is left out
 * with a warning in words (as every damaged record is); a damaged side, date or
 * review weeks makes the 4 → 5 migration fail: every command (even
 * --export-json) fails with SQLite's words, and the "refused" file is written
 * (switched to WAL, its change counter bumped) although the message says
 * "Nothing was changed". */
static void
test_v4_damaged_profile_untouched (void)
{
  g_autofree char *path = make_v4_journal ("v4-rw99.db",
                                           "PRAGMA ignore_check_constraints = 1;"
                                           "UPDATE profile SET review_weeks = 99;");
  g_autofree char *before = kj_test_sha256_file (path);
  g_autofree char *json = kj_test_tmp_path ("v4-rw99.json");
  g_autofree char *after = NULL;
  g_auto(KjTestRun) run = { 0 };

  kj_test_write_file (json, "{\"format\":\"knee-journal\",\"version\":3,\"days\":[]}", -1);
  kj_test_run_cli (&run, path, "--import-json", json, NULL);
  after = kj_test_sha256_file (path);
  g_test_message ("exit %d: %s", run.status, run.err);
  /* whatever it decides, a journal it does not migrate keeps every byte */
  if (run.status != 0)
    g_assert_cmpstr (after, ==, before);
  /* and the words name the record, not SQLite's constraint */
  g_assert_null (strstr (run.err, "CHECK constraint"));
  g_assert_nonnull (strstr (run.err, "review_weeks"));
  g_assert_nonnull (strstr (run.err, "profile"));
}

static void
test_v4_damaged_profile_exportable (void)
{
  g_autofree char *path = make_v4_journal ("v4-rw99-export.db",
                                           "PRAGMA ignore_check_constraints = 1;"
                                           "UPDATE profile SET review_weeks = 99;");
  g_auto(KjTestRun) run = { 0 };

  /* the day entry must still be reachable: the damaged value is left out
   * (with a warning in words), as every other damaged record is */
  kj_test_run_cli (&run, path, "--export-json", "-", NULL);
  g_test_message ("exit %d: %s", run.status, run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2026-03-05"));
}

/* 2. A schema-4 journal without its profile row (deleted by another program)
 * migrates to a journal of no episode at all, though "every journal has at
 * least one" (data-model.md, "Episodes") and "a journal whose profile has none
 * of them set still gets its episode". */
static void
test_v4_no_profile_row_gets_an_episode (void)
{
  g_autofree char *path = make_v4_journal ("v4-noprofile.db", "DELETE FROM profile;");
  g_autofree char *json = kj_test_tmp_path ("v4-noprofile.json");
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(KjTestRun) run = { 0 };

  kj_test_write_file (json, "{\"format\":\"knee-journal\",\"version\":3,\"days\":[]}", -1);
  kj_test_run_cli (&run, path, "--import-json", json, NULL);
  g_test_message ("exit %d: %s", run.status, run.err);
  if (run.status != 0)
    return; /* refused: fine, if in words */

  store = kj_store_open (path, &error);
  g_assert_no_error (error);
  episodes = kj_store_list_episodes (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (episodes->len, >=, 1);
}

/* 3. A schema-6 journal whose episodes were all deleted by another program:
 * no warning at all, and --summary-json leaves out `episode`, which
 * journal-format.md, "Summary JSON", always writes (an object, or null). */
static void
test_zero_episodes_summary_json (void)
{
  g_autofree char *path = make_journal ("zero-episodes.db", 60);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(KjTestRun) run = { 0 };

  g_assert_true (kj_test_exec_sql (path, "DELETE FROM episodes;"));
  before = kj_test_sha256_file (path);
  kj_test_run_cli (&run, path, "--summary-json", NULL);
  after = kj_test_sha256_file (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  if (error == NULL)
    g_assert_true (json_object_has_member (json_node_get_object (json_parser_get_root (parser)), "episode"));
}

/* 4. A version-1 (or 2) file whose profile dates cannot go with the journal's
 * first episode (it ended before the file's injury date): refused and nothing
 * written (good), but the message names neither the file nor the record:
 * "end_date: 2026-10-01 is before the injury date 2026-11-01". */
static void
test_v1_profile_against_ended_episode_message (void)
{
  g_autofree char *path = make_journal ("v1-ended.db", 60);
  g_autofree char *json = kj_test_tmp_path ("v1-ended.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(KjTestRun) run = { 0 };

  g_assert_true (kj_test_exec_sql (path, "UPDATE episodes SET end_date = '2026-10-01';"));
  kj_test_write_file (json, "{\"format\":\"knee-journal\",\"version\":1,"
                      "\"profile\":{\"affected_side\":\"right\",\"injury_date\":\"2026-11-01\"},\"days\":[]}", -1);
  before = kj_test_sha256_file (path);
  kj_test_run_cli (&run, path, "--import-json", json, NULL);
  after = kj_test_sha256_file (path);
  g_test_message ("exit %d: %s", run.status, run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (run.err, "v1-ended.json"));
  g_assert_nonnull (strstr (run.err, "profile.injury_date"));
}

/* 5. --summary's second line for an episode without a name says "since" twice:
 * "Episode: Right knee since 1 September 2026 (since 1 September 2026)". */
static void
test_summary_episode_line_since_twice (void)
{
  g_autofree char *path = make_journal ("since-twice.db", 60);
  g_auto(KjTestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  kj_test_run_cli (&run, path, "--summary", "--as-of", "2026-11-01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[1], "Episode: "));
  g_test_message ("%s", lines[1]);
  g_assert_nonnull (strstr (lines[1], "since"));
  if (strstr (lines[1], "since") != NULL)
    g_assert_null (strstr (strstr (lines[1], "since") + 1, "since"));
}

/* An import of @json_text into a copy of a generated journal: the run, and
 * whether the journal's bytes changed */
static void
import_text (const char  *name,
             const char  *json_text,
             KjTestRun   *run,
             char       **db_path)
{
  g_autofree char *dbname = g_strconcat (name, ".db", NULL);
  g_autofree char *jsonname = g_strconcat (name, ".json", NULL);
  g_autofree char *path = make_journal (dbname, 30);
  g_autofree char *json = kj_test_tmp_path (jsonname);

  kj_test_write_file (json, json_text, -1);
  kj_test_run_cli (run, path, "--import-json", json, NULL);
  *db_path = g_steal_pointer (&path);
}

/* 7. An episode's name with a NUL character (JSON "\u0000", which any other
 * tool may write) was cut at the NUL without a word: "a\u0000b" was stored as
 * "a". The file is refused, naming the line (json-glib gives the text only up
 * to the NUL, so the record cannot be told). */
static void
test_json_nul_in_episode_name (void)
{
  g_autofree char *path = NULL;
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(KjTestRun) run = { 0 };
  gboolean found = FALSE;

  import_text ("nul-name",
               "{\"format\":\"knee-journal\",\"version\":3,\"episodes\":[{\"id\":\"e-nul\",\"side\":\"left\","
               "\"injury_date\":\"2026-10-20\",\"name\":\"keep\\u0000lost\"}],\"days\":[]}",
               &run, &path);
  g_test_message ("exit %d: %s", run.status, run.err);
  /* refused before anything is read, naming the line and the character */
  g_assert_cmpint (run.status, ==, 1);
  if (run.status == 1)
    {
      g_assert_nonnull (strstr (run.err, "Line 1 holds a NUL character (\\u0000)"));
      return;
    }

  store = kj_store_open (path, &error);
  g_assert_no_error (error);
  episodes = kj_store_list_episodes (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < episodes->len; i++)
    {
      const KjEpisode *e = episodes->pdata[i];

      if (g_str_equal (e->id, "e-nul"))
        {
          found = TRUE;
          /* stored silently as "keep": "lost" was lost */
          g_assert_cmpstr (e->name, !=, "keep");
        }
    }
  g_assert_true (found);
}

/* 8. An episode id of 65 characters (the limit is 64) is refused, but the
 * message blames its characters, which are all letters: "“aaa…a” may only hold
 * letters, digits and - _ . :". */
static void
test_json_id_too_long_message (void)
{
  g_autofree char *path = NULL;
  g_autofree char *id = g_strnfill (65, 'a');
  g_autofree char *text = g_strdup_printf ("{\"format\":\"knee-journal\",\"version\":3,\"episodes\":[{\"id\":\"%s\","
                                           "\"side\":\"left\"}],\"days\":[]}", id);
  g_auto(KjTestRun) run = { 0 };

  import_text ("long-id", text, &run, &path);
  g_test_message ("exit %d: %s", run.status, run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "episodes[0].id"));
  g_assert_nonnull (strstr (run.err, "64"));
}

/* 9. Next-day pain that never changes: the sentence reads "on average the same
 * (0.0 lower to 0.0 higher)", an interval that is one point said as a range
 * going both ways. */
static void
test_associations_all_equal_wording (void)
{
  g_autoptr(KjJournal) journal = kj_journal_new ();
  g_autoptr(GArray) associations = NULL;
  g_autofree char *sentence = NULL;

  for (int i = 0; i < 40; i++)
    {
      char date[11];
      KjDay *day;

      kj_date_add_days ("2026-01-05", i, date);
      day = kj_day_new (date);
      day->pain = 5;
      g_ptr_array_add (journal->days, day);
      if (i % 2 == 0)
        g_ptr_array_add (journal->treatments, kj_treatment_new (date, "ice"));
    }
  associations = kj_associations_compute (journal->days, journal->treatments, journal->runs, "", "");
  g_assert_cmpuint (associations->len, ==, 1);
  g_assert_cmpfloat (g_array_index (associations, KjAssociation, 0).difference, ==, 0.0);
  sentence = kj_association_sentence (&g_array_index (associations, KjAssociation, 0), KJ_UNITS_KM);
  g_test_message ("%s", sentence);
  g_assert_null (strstr (sentence, "0.0 lower to 0.0 higher"));
}

/* 10. Deleting an episode the journal does not hold, in a journal of one
 * episode, says "The journal's only episode cannot be deleted." instead of
 * that there is no such episode. */
static void
test_delete_unknown_episode_message (void)
{
  g_autofree char *path = make_journal ("delete-unknown.db", 10);
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = kj_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (kj_store_delete_episode (store, "no-such-episode", &error));
  g_assert_nonnull (error);
  if (error != NULL)
    {
      g_test_message ("%s", error->message);
      g_assert_null (strstr (error->message, "only episode"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* each defect its own failure: the cases after a failing one still run */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/episodes-attack/v4-damaged-profile-untouched", test_v4_damaged_profile_untouched);
  g_test_add_func ("/episodes-attack/v4-damaged-profile-exportable", test_v4_damaged_profile_exportable);
  g_test_add_func ("/episodes-attack/v4-no-profile-row-gets-an-episode", test_v4_no_profile_row_gets_an_episode);
  g_test_add_func ("/episodes-attack/zero-episodes-summary-json", test_zero_episodes_summary_json);
  g_test_add_func ("/episodes-attack/v1-profile-against-ended-episode-message",
                   test_v1_profile_against_ended_episode_message);
  g_test_add_func ("/episodes-attack/summary-episode-line-since-twice", test_summary_episode_line_since_twice);

  g_test_add_func ("/episodes-attack/json-nul-in-episode-name", test_json_nul_in_episode_name);
  g_test_add_func ("/episodes-attack/json-id-too-long-message", test_json_id_too_long_message);
  g_test_add_func ("/episodes-attack/associations-all-equal-wording", test_associations_all_equal_wording);
  g_test_add_func ("/episodes-attack/delete-unknown-episode-message", test_delete_unknown_episode_message);

  return g_test_run ();
}
