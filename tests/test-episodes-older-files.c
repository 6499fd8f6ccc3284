/* test-episodes-older-files.c — a version-2 JSON file imported into a journal with episodes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kj-test-util.h"

/* a version-3 journal: the left knee in 2025 (resolved), the right knee in 2026 (open) */
static const char *two_episodes =
  "{ \"format\": \"knee-journal\", \"version\": 3, \"profile\": { \"name\": \"R\", \"units\": \"km\" },"
  "  \"episodes\": ["
  "    { \"id\": \"ep-left-2025\", \"name\": \"Left knee\", \"side\": \"left\", \"injury_date\": \"2025-05-02\","
  "      \"treatment_start\": \"2025-05-04\", \"review_weeks\": 3, \"end_date\": \"2025-09-30\", \"notes\": \"\" },"
  "    { \"id\": \"ep-right-2026\", \"name\": \"Right knee\", \"side\": \"right\", \"injury_date\": \"2026-07-02\","
  "      \"treatment_start\": \"2026-07-04\", \"review_weeks\": 3, \"end_date\": null, \"notes\": \"\" } ],"
  "  \"days\": [ { \"id\": \"d1\", \"date\": \"2025-05-05\", \"pain\": 5 },"
  "             { \"id\": \"d2\", \"date\": \"2026-07-05\", \"pain\": 4 } ] }";

/* an old backup (version 2): its profile has the side and the dates of 2026's knee */
static const char *old_backup =
  "{ \"format\": \"knee-journal\", \"version\": 2,"
  "  \"profile\": { \"name\": \"R\", \"units\": \"km\", \"affected_side\": \"left\","
  "                \"injury_date\": \"2026-07-01\", \"treatment_start\": \"2026-07-05\", \"review_weeks\": 6 },"
  "  \"days\": [ { \"id\": \"old-1\", \"date\": \"2026-07-06\", \"pain\": 3 } ], \"shoes\": [] }";

static void
make_journal (char **db, char **v2)
{
  g_autofree char *v3 = kj_test_tmp_path ("two-episodes.json");
  g_auto(KjTestRun) import = { 0 };

  *db = kj_test_tmp_path ("older-files.db");
  *v2 = kj_test_tmp_path ("old-backup-v2.json");
  g_unlink (*db);
  kj_test_write_file (v3, two_episodes, -1);
  kj_test_write_file (*v2, old_backup, -1);
  kj_test_run_cli (&import, NULL, "--db", *db, "--import-json", v3, NULL);
  g_assert_cmpint (import.status, ==, 0);
}

/* Importing an old (version 2) backup into a journal whose first episode has ended before the backup's
 * profile dates is refused as a whole, with the days in it; doc/journal-format.md promises that files of
 * versions 1 and 2 still import. */
static void
test_v2_into_episodes (void)
{
  g_autofree char *db = NULL;
  g_autofree char *v2 = NULL;
  g_auto(KjTestRun) import = { 0 };

  make_journal (&db, &v2);
  kj_test_run_cli (&import, NULL, "--db", db, "--import-json", v2, NULL);
  g_test_message ("stdout: %s\nstderr: %s", import.out, import.err);
  g_assert_cmpint (import.status, ==, 0);
}

/* When it is refused, the message does not say which file, nor that it is the file's profile that moved
 * the journal's first episode: “knee-journal: error: end_date: 2025-09-30 is before the injury date
 * 2026-07-01” (every other import error names the file and the field: “two.json: questionnaires[0]…”). */
static void
test_v2_error_names_file (void)
{
  g_autofree char *db = NULL;
  g_autofree char *v2 = NULL;
  g_auto(KjTestRun) import = { 0 };

  make_journal (&db, &v2);
  kj_test_run_cli (&import, NULL, "--db", db, "--import-json", v2, NULL);
  if (import.status == 0)
    return;
  g_test_message ("stderr: %s", import.err);
  g_assert_nonnull (strstr (import.err, "old-backup-v2.json"));
  g_assert_nonnull (strstr (import.err, "profile"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/episodes-older-files/v2-import-into-episodes", test_v2_into_episodes);
  g_test_add_func ("/episodes-older-files/v2-import-error-names-file", test_v2_error_names_file);
  return g_test_run ();
}
