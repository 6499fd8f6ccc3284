/* test-cli.c — the built knee-journal binary, run as a subprocess for each option of doc/command-line.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sqlite3.h>

#include "kj-associations.h"
#include "kj-gen.h"
#include "kj-json.h"
#include "kj-store.h"
#include "kj-test-util.h"

static char *
write_generated (const char *name,
                 guint       n_days,
                 const char *scenario)
{
  g_autoptr(KjJournal) journal = kj_gen_journal (42, n_days, scenario, "2026-11-01", NULL);
  g_autofree char *text = kj_json_generate (journal, NULL);
  char *path = kj_test_tmp_path (name);

  kj_test_write_file (path, text, -1);
  return path;
}

static void
test_cli_version_and_help (void)
{
  g_auto(KjTestRun) version = { 0 };
  g_auto(KjTestRun) help = { 0 };

  kj_test_run_cli (&version, NULL, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "knee-journal " PACKAGE_VERSION "\n");

  kj_test_run_cli (&help, NULL, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  for (const char * const *opt = (const char * const[]) { "--db", "--demo", "--import-json", "--export-json",
                                                          "--export-csv", "--summary", "--summary-json", "--as-of",
                                                          "--version", NULL }; *opt; opt++)
    g_assert_nonnull (strstr (help.out, *opt));
  /* the autostart entry's option is not for people */
  g_assert_null (strstr (help.out, "--background"));
}

static void
test_cli_usage_errors (void)
{
  const char *cases[][3] = {
    { "--bogus", NULL, NULL },
    { "stray-argument", NULL, NULL },
    { "--demo", "--export-json=-", NULL },
    /* the reminder's instance is the default journal's, with a window or none */
    { "--background", "--demo", NULL },
    { "--background", "--db=other.db", NULL },
    { "--background", "--summary", NULL },
    { "--export-json=-", "--export-csv=-", NULL },
    { "--db", NULL, NULL },
    /* one thing on standard output: a PDF mixed with text helps no one */
    { "--export-pdf=-", "--summary", NULL },
    { "--export-pdf=-", "--export-json=-", NULL },
    { "--export-pdf=-", "--export-csv=-", NULL },
    /* an empty path is a script's empty variable, not a file */
    { "--export-pdf=", NULL, NULL },
    { "--export-json=", NULL, NULL },
    { "--import-json=", NULL, NULL },
    { "--import-runs", "", NULL },
    { "--import-gpx=", NULL, NULL },
    { "--import-runs", "a.gpx", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(KjTestRun) result = { 0 };

      kj_test_run_cli (&result, NULL, cases[i][0], cases[i][1], cases[i][2], NULL);
      g_assert_cmpint (result.status, ==, 2);
      g_assert_true (g_str_has_prefix (result.err, "knee-journal: error: "));
      g_assert_cmpstr (result.out, ==, "");
    }
}

static void
test_cli_import_export (void)
{
  g_autofree char *json = write_generated ("cli-import.json", 60, "improving");
  g_autofree char *db = kj_test_tmp_path ("cli.db");
  g_autofree char *csv = kj_test_tmp_path ("cli.csv");
  g_autofree char *original = NULL;
  g_auto(KjTestRun) first = { 0 };
  g_auto(KjTestRun) second = { 0 };
  g_auto(KjTestRun) export = { 0 };
  g_auto(KjTestRun) export_csv = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_unlink (db);
  kj_test_run_cli (&first, NULL, "--db", db, "--import-json", json, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "days:       60 added, 0 updated, 0 unchanged"));
  g_assert_cmpstr (first.err, ==, "");

  kj_test_run_cli (&second, NULL, "--db", db, "--import-json", json, NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_nonnull (strstr (second.out, "days:       0 added, 0 updated, 60 unchanged"));

  /* JSON to standard output: exactly the imported file */
  kj_test_run_cli (&export, NULL, "--db", db, "--export-json", "-", NULL);
  g_assert_cmpint (export.status, ==, 0);
  original = kj_test_read_file (json, NULL);
  g_assert_cmpstr (export.out, ==, original);
  json_parser_load_from_data (parser, export.out, -1, &error);
  g_assert_no_error (error);

  /* CSV to a file, created 0600 */
  g_unlink (csv);
  kj_test_run_cli (&export_csv, NULL, "--db", db, "--export-csv", csv, NULL);
  g_assert_cmpint (export_csv.status, ==, 0);
  g_assert_nonnull (strstr (export_csv.out, "Exported 60 days"));
  g_assert_cmpint (g_stat (csv, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autofree char *text = kj_test_read_file (csv, NULL);
    g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

    g_assert_cmpstr (lines[0], ==, "date,pain,pain_worst,locations,symptoms,aggravators,treatments,run_km,notes,shoe");
    g_assert_true (g_str_has_prefix (lines[1], "2026-09-03,"));
    g_assert_cmpuint (g_strv_length (lines), ==, 62);
  }
}

static void
test_cli_journal_choice (void)
{
  g_autofree char *json = write_generated ("choice.json", 10, "plateau");
  g_autofree char *env_db = kj_test_tmp_path ("env.db");
  g_autofree char *opt_db = kj_test_tmp_path ("option.db");
  g_autofree char *default_db = g_build_filename (g_get_user_data_dir (), "knee-journal", "journal.db", NULL);
  g_autofree char *default_dir = g_path_get_dirname (default_db);
  g_auto(KjTestRun) by_env = { 0 };
  g_auto(KjTestRun) by_option = { 0 };
  g_auto(KjTestRun) by_default = { 0 };
  GStatBuf st;

  g_unlink (env_db);
  g_unlink (opt_db);

  kj_test_run_cli (&by_env, env_db, "--import-json", json, NULL);
  g_assert_cmpint (by_env.status, ==, 0);
  g_assert_true (g_file_test (env_db, G_FILE_TEST_EXISTS));

  /* the option wins over the environment */
  kj_test_run_cli (&by_option, env_db, "--db", opt_db, "--import-json", json, NULL);
  g_assert_cmpint (by_option.status, ==, 0);
  g_assert_nonnull (strstr (by_option.out, "10 added"));
  g_assert_true (g_file_test (opt_db, G_FILE_TEST_EXISTS));

  /* neither: $XDG_DATA_HOME/knee-journal/journal.db, in a 0700 folder */
  g_assert_false (g_file_test (default_db, G_FILE_TEST_EXISTS));
  kj_test_run_cli (&by_default, NULL, "--import-json", json, NULL);
  g_assert_cmpint (by_default.status, ==, 0);
  g_assert_cmpint (g_stat (default_db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (default_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static void
test_cli_errors_change_nothing (void)
{
  g_autofree char *json = write_generated ("good.json", 20, "worsening");
  g_autofree char *bad = kj_test_tmp_path ("bad.json");
  g_autofree char *db = kj_test_tmp_path ("errors.db");
  g_autofree char *text_db = kj_test_tmp_path ("text.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(KjTestRun) setup = { 0 };
  g_auto(KjTestRun) hostile = { 0 };
  g_auto(KjTestRun) not_db = { 0 };
  g_auto(KjTestRun) missing = { 0 };
  g_auto(KjTestRun) no_journal = { 0 };

  g_unlink (db);
  kj_test_run_cli (&setup, NULL, "--db", db, "--import-json", json, NULL);
  g_assert_cmpint (setup.status, ==, 0);
  before = kj_test_sha256_file (db);

  kj_test_write_file (bad, "{ \"format\": \"knee-journal\", \"version\": 1, \"days\": ["
                           " { \"id\": \"x\", \"date\": \"2026-03-04\", \"pain\": 4 },"
                           " { \"id\": \"y\", \"date\": \"2026-03-05\", \"pain\": 11 } ] }", -1);
  kj_test_run_cli (&hostile, NULL, "--db", db, "--import-json", bad, NULL);
  g_assert_cmpint (hostile.status, ==, 1);
  g_assert_cmpstr (hostile.err, ==, "knee-journal: error: bad.json: days[1].pain: 11 is out of range 0–10\n");
  g_assert_cmpstr (hostile.out, ==, "");
  after = kj_test_sha256_file (db);
  g_assert_cmpstr (before, ==, after);

  kj_test_write_file (text_db, "not a database at all\n", -1);
  g_clear_pointer (&before, g_free);
  before = kj_test_sha256_file (text_db);
  kj_test_run_cli (&not_db, NULL, "--db", text_db, "--import-json", json, NULL);
  g_assert_cmpint (not_db.status, ==, 1);
  g_assert_true (g_str_has_prefix (not_db.err, "knee-journal: error: "));
  g_assert_nonnull (strstr (not_db.err, "not an SQLite file"));
  g_clear_pointer (&after, g_free);
  after = kj_test_sha256_file (text_db);
  g_assert_cmpstr (before, ==, after);

  kj_test_run_cli (&missing, NULL, "--db", db, "--import-json", "/nonexistent/file.json", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "cannot be read"));

  kj_test_run_cli (&no_journal, NULL, "--db", "/nonexistent-folder/journal.db", "--export-json", "-", NULL);
  g_assert_cmpint (no_journal.status, ==, 1);
  g_assert_nonnull (strstr (no_journal.err, "no journal"));
}

static void
test_cli_atomic_export (void)
{
  g_autofree char *json = write_generated ("atomic.json", 15, "improving");
  g_autofree char *db = kj_test_tmp_path ("atomic.db");
  g_autofree char *dir = kj_test_tmp_path ("exports");
  g_autofree char *target = g_build_filename (dir, "out.json", NULL);
  g_autofree char *missing_dir = g_build_filename (dir, "missing", "out.json", NULL);
  g_auto(KjTestRun) setup = { 0 };
  g_auto(KjTestRun) export = { 0 };
  g_auto(KjTestRun) bad_path = { 0 };
  g_auto(KjTestRun) into_dir = { 0 };
  g_autoptr(GDir) listing = NULL;
  g_autofree char *contents = NULL;
  guint n_files = 0;

  g_unlink (db);
  kj_test_run_cli (&setup, NULL, "--db", db, "--import-json", json, NULL);
  g_mkdir_with_parents (dir, 0700);
  kj_test_write_file (target, "old contents", -1);

  kj_test_run_cli (&export, NULL, "--db", db, "--export-json", target, NULL);
  g_assert_cmpint (export.status, ==, 0);
  contents = kj_test_read_file (target, NULL);
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\" : \"knee-journal\""));

  /* no temporary file is left behind */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  kj_test_run_cli (&bad_path, NULL, "--db", db, "--export-json", missing_dir, NULL);
  g_assert_cmpint (bad_path.status, ==, 1);
  g_assert_true (g_str_has_prefix (bad_path.err, "knee-journal: error: Could not write"));
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));

  kj_test_run_cli (&into_dir, NULL, "--db", db, "--export-csv", dir, NULL);
  g_assert_cmpint (into_dir.status, ==, 1);
  g_assert_nonnull (strstr (into_dir.err, "it is a folder"));
}

/* Scenario journals imported through the command line, judged through --summary-json. */
static void
test_cli_summary (void)
{
  const struct { const char *scenario; guint days; const char *verdict; } cases[] = {
    { "improving", 35, "improving" },
    { "plateau", 35, "see-doctor" },
    { "worsening", 35, "worsening" },
    { "red-flag", 35, "see-doctor" },
    { "sparse", 35, "not-enough-data" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KjJournal) journal = kj_gen_journal (30 + i, cases[i].days, cases[i].scenario, "2026-04-01", NULL);
      g_autofree char *text = kj_json_generate (journal, NULL);
      g_autofree char *name = g_strdup_printf ("summary-%s.json", cases[i].scenario);
      g_autofree char *json = kj_test_tmp_path (name);
      g_autofree char *db = kj_test_tmp_path ("summary.db");
      g_auto(KjTestRun) import = { 0 };
      g_auto(KjTestRun) summary = { 0 };
      g_auto(KjTestRun) readable = { 0 };
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *root;

      kj_test_write_file (json, text, -1);
      g_unlink (db);
      kj_test_run_cli (&import, NULL, "--db", db, "--import-json", json, NULL);
      g_assert_cmpint (import.status, ==, 0);

      kj_test_run_cli (&summary, NULL, "--db", db, "--summary-json", "--as-of", "2026-04-01", NULL);
      g_assert_cmpint (summary.status, ==, 0);
      json_parser_load_from_data (parser, summary.out, -1, &error);
      g_assert_no_error (error);
      root = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (root, "verdict"), ==, cases[i].verdict);
      g_assert_cmpstr (json_object_get_string_member (root, "as_of"), ==, "2026-04-01");
      g_assert_cmpint (json_object_get_int_member (root, "entries"), ==, journal->days->len);

      /* what seems to help: the same figures as the core computes over the journal up to as_of */
      {
        g_autoptr(GArray) expected = kj_associations_compute (journal->days, journal->treatments, journal->runs,
                                                              "", "2026-04-01");
        JsonArray *associations = json_object_get_array_member (root, "associations");

        g_assert_nonnull (associations);
        g_assert_cmpuint (json_array_get_length (associations), ==, expected->len);
        for (guint j = 0; j < expected->len; j++)
          {
            const KjAssociation *a = &g_array_index (expected, KjAssociation, j);
            JsonObject *item = json_array_get_object_element (associations, j);

            g_assert_cmpstr (json_object_get_string_member (item, "factor"), ==, a->factor);
            g_assert_cmpfloat (json_object_get_double_member (item, "difference"), ==, a->difference);
            g_assert_cmpfloat (json_object_get_double_member (item, "ci_low"), ==, a->ci_low);
            g_assert_cmpfloat (json_object_get_double_member (item, "ci_high"), ==, a->ci_high);
            g_assert_cmpint (json_object_get_int_member (item, "days_with"), ==, a->days_with);
          }
      }

      kj_test_run_cli (&readable, NULL, "--db", db, "--summary", "--as-of", "2026-04-01", NULL);
      g_assert_cmpint (readable.status, ==, 0);
      g_assert_true (g_str_has_prefix (readable.out, "Knee Journal — assessment as of 2026-04-01\n"));
      g_assert_nonnull (strstr (readable.out, json_object_get_string_member (root, "message")));
      g_assert_nonnull (strstr (readable.out, "This is a summary of your own records, not a diagnosis."));
    }
}

/* A treatment start after --as-of: not “(-7 days ago)” but “starts in 7 days”,
 * and days_since_t0 is −7, not null (#12). */
static void
test_cli_summary_future_start (void)
{
  g_autoptr(KjJournal) journal = kj_gen_journal (41, 35, "improving", "2026-04-01", NULL);
  g_autofree char *text = NULL;
  g_autofree char *json = kj_test_tmp_path ("future-start.json");
  g_autofree char *db = kj_test_tmp_path ("future-start.db");
  g_auto(KjTestRun) import = { 0 };
  g_auto(KjTestRun) readable = { 0 };
  g_auto(KjTestRun) summary = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  g_free (journal->profile->treatment_start);
  journal->profile->treatment_start = g_strdup ("2026-03-20");
  text = kj_json_generate (journal, NULL);
  kj_test_write_file (json, text, -1);
  g_unlink (db);
  kj_test_run_cli (&import, NULL, "--db", db, "--import-json", json, NULL);
  g_assert_cmpint (import.status, ==, 0);

  kj_test_run_cli (&readable, NULL, "--db", db, "--summary", "--as-of", "2026-03-13", NULL);
  g_assert_cmpint (readable.status, ==, 0);
  g_test_message ("%s", readable.out);
  g_assert_nonnull (strstr (readable.out, "2026-03-20 (starts in 7 days)"));
  g_assert_null (strstr (readable.out, "days ago"));

  kj_test_run_cli (&summary, NULL, "--db", db, "--summary-json", "--as-of", "2026-03-19", NULL);
  g_assert_cmpint (summary.status, ==, 0);
  json_parser_load_from_data (parser, summary.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_false (json_object_get_null_member (root, "days_since_t0"));
  g_assert_cmpint (json_object_get_int_member (root, "days_since_t0"), ==, -1);
  g_assert_cmpstr (json_object_get_string_member (root, "verdict"), ==, "not-enough-data");
}

/* The value column of --summary lines up in German too: padded by
 * characters, not bytes (#12) */
static void
test_cli_summary_german (void)
{
  g_autoptr(KjJournal) journal = kj_gen_journal (42, 35, "improving", "2026-04-01", NULL);
  g_autofree char *text = kj_json_generate (journal, NULL);
  g_autofree char *json = kj_test_tmp_path ("german.json");
  g_autofree char *db = kj_test_tmp_path ("german.db");
  g_auto(KjTestRun) import = { 0 };
  g_auto(KjTestRun) readable = { 0 };
  g_auto(GStrv) lines = NULL;
  const char *labels[] = { "Behandlungsbeginn:", "Schmerz in der ersten Woche:", "Schmerz in den letzten 7 Tagen:",
                           "Erfasste Tage:" };
  glong column = -1;
  guint found = 0;

  kj_test_write_file (json, text, -1);
  g_unlink (db);
  kj_test_run_cli (&import, NULL, "--db", db, "--import-json", json, NULL);
  g_assert_cmpint (import.status, ==, 0);

  g_setenv ("LANGUAGE", "de", TRUE);
  kj_test_run_cli (&readable, NULL, "--db", db, "--summary", "--as-of", "2026-04-01", NULL);
  g_unsetenv ("LANGUAGE");
  g_assert_cmpint (readable.status, ==, 0);
  g_test_message ("%s", readable.out);
  g_assert_nonnull (strstr (readable.out, "Knie-Tagebuch"));

  lines = g_strsplit (readable.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
      if (g_str_has_prefix (lines[i], labels[l]))
        {
          const char *value = lines[i] + strlen (labels[l]);
          glong offset;

          while (*value == ' ')
            value++;
          offset = g_utf8_pointer_to_offset (lines[i], value);
          g_test_message ("%s: value at %ld", labels[l], offset);
          if (column < 0)
            column = offset;
          g_assert_cmpint (offset, ==, column);
          found++;
        }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (labels));
}

static void
test_cli_summary_errors (void)
{
  g_auto(KjTestRun) bad_date = { 0 };
  g_auto(KjTestRun) alone = { 0 };
  g_auto(KjTestRun) both = { 0 };
  g_auto(KjTestRun) missing = { 0 };

  kj_test_run_cli (&bad_date, NULL, "--summary-json", "--as-of", "2026-02-30", NULL);
  g_assert_cmpint (bad_date.status, ==, 2);
  g_assert_nonnull (strstr (bad_date.err, "2026-02-30"));

  kj_test_run_cli (&alone, NULL, "--as-of", "2026-03-01", NULL);
  g_assert_cmpint (alone.status, ==, 2);

  kj_test_run_cli (&both, NULL, "--summary", "--summary-json", NULL);
  g_assert_cmpint (both.status, ==, 2);

  kj_test_run_cli (&missing, NULL, "--db", "/nonexistent-folder/journal.db", "--summary", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_true (g_str_has_prefix (missing.err, "knee-journal: error: "));
}

static void
test_cli_report (void)
{
  g_autofree char *json = write_generated ("report.json", 40, "improving");
  g_autofree char *db = kj_test_tmp_path ("report.db");
  g_autofree char *pdf = kj_test_tmp_path ("report.pdf");
  g_autofree char *contents = NULL;
  g_auto(KjTestRun) setup = { 0 };
  g_auto(KjTestRun) ok = { 0 };
  g_auto(KjTestRun) empty = { 0 };
  g_auto(KjTestRun) bad_paper = { 0 };
  g_auto(KjTestRun) alone = { 0 };
  g_auto(KjTestRun) unwritable = { 0 };
  GStatBuf st;

  g_unlink (db);
  kj_test_run_cli (&setup, NULL, "--db", db, "--import-json", json, NULL);
  g_assert_cmpint (setup.status, ==, 0);

  kj_test_run_cli (&ok, NULL, "--db", db, "--export-pdf", pdf, "--from", "2026-10-01", "--to", "2026-10-31",
           "--paper", "letter", "--as-of", "2026-10-31", NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_true (g_str_has_prefix (ok.out, "Wrote the report, "));
  contents = kj_test_read_file (pdf, NULL);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  kj_test_run_cli (&empty, NULL, "--db", db, "--export-pdf", pdf, "--from", "2020-01-01", "--to", "2020-02-01", NULL);
  g_assert_cmpint (empty.status, ==, 1);
  g_assert_nonnull (strstr (empty.err, "Nothing was logged from 2020-01-01 to 2020-02-01"));

  kj_test_run_cli (&bad_paper, NULL, "--db", db, "--export-pdf", pdf, "--paper", "a5", NULL);
  g_assert_cmpint (bad_paper.status, ==, 2);
  g_assert_nonnull (strstr (bad_paper.err, "a5"));

  kj_test_run_cli (&alone, NULL, "--db", db, "--from", "2026-10-01", NULL);
  g_assert_cmpint (alone.status, ==, 2);

  kj_test_run_cli (&unwritable, NULL, "--db", db, "--export-pdf", "/nonexistent-folder/report.pdf", NULL);
  g_assert_cmpint (unwritable.status, ==, 1);
  g_assert_nonnull (strstr (unwritable.err, "Could not write"));
}

static void
test_cli_import_gpx (void)
{
  g_autofree char *db = kj_test_tmp_path ("gpx-cli.db");
  g_autofree char *garmin = g_build_filename (g_getenv ("KJ_SOURCE_ROOT"), "tests", "data", "tracks", "garmin.gpx", NULL);
  g_autofree char *polar = g_build_filename (g_getenv ("KJ_SOURCE_ROOT"), "tests", "data", "tracks", "polar.tcx", NULL);
  g_autofree char *bomb = g_build_filename (g_getenv ("KJ_SOURCE_ROOT"), "tests", "data", "hostile", "xml-bomb.gpx", NULL);
  g_autofree char *folder = g_build_filename (g_getenv ("KJ_SOURCE_ROOT"), "tests", "data", "tracks", NULL);
  g_auto(KjTestRun) first = { 0 };
  g_auto(KjTestRun) again = { 0 };
  g_auto(KjTestRun) folder_run = { 0 };
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GPtrArray) runs = NULL;

  g_unlink (db);
  kj_test_run_cli (&first, NULL, "--db", db, "--import-gpx", garmin, polar, bomb, NULL);
  g_assert_cmpint (first.status, ==, 1);
  g_assert_nonnull (strstr (first.out, "garmin.gpx: a run of 7.99 km on 2026-03-02"));
  g_assert_nonnull (strstr (first.out, "polar.tcx: a run of 7.30 km on 2026-03-10"));
  g_assert_nonnull (strstr (first.out,
                            "2 runs added, 0 skipped (already in the journal, or not runs), 1 file with errors"));
  g_assert_nonnull (strstr (first.err, "knee-journal: error: xml-bomb.gpx: "));

  kj_test_run_cli (&again, NULL, "--db", db, "--import-gpx", garmin, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "skipped garmin.gpx: this run is already in the journal (on 2026-03-02)"));

  kj_test_run_cli (&folder_run, NULL, "--db", db, "--import-gpx", folder, NULL);
  g_assert_cmpint (folder_run.status, ==, 0);
  g_assert_nonnull (strstr (folder_run.out, "5 runs added, 2 skipped (already in the journal, or not runs), 0 files with errors"));

  store = kj_store_open (db, NULL);
  runs = kj_store_list_runs (store, NULL, NULL, NULL);
  g_assert_cmpuint (runs->len, ==, 7);
}

static gboolean
find_demo_journal (const char  *tmp,
                   char       **out)
{
  g_autoptr(GDir) dir = g_dir_open (tmp, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp, name, "journal.db", NULL);

      if (g_str_has_prefix (name, "knee-journal-demo-") && g_file_test (path, G_FILE_TEST_EXISTS))
        {
          *out = g_steal_pointer (&path);
          return TRUE;
        }
    }

  return FALSE;
}

/* --demo opens the GUI on a generated journal in a temporary file */
static void
test_cli_demo (void)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *tmp = kj_test_tmp_path ("demo-tmp");
  g_autofree char *user_db = g_build_filename (g_get_user_data_dir (), "knee-journal", "journal.db", NULL);
  g_autofree char *journal = NULL;
  gint64 deadline;

  if (!kj_test_has_display ())
    {
      g_test_skip ("no display to open the demo window on");
      return;
    }

  g_mkdir_with_parents (tmp, 0700);
  g_subprocess_launcher_setenv (launcher, "TMPDIR", tmp, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("KJ_BINARY"), "--demo", NULL);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!find_demo_journal (tmp, &journal) && g_get_monotonic_time () < deadline)
    g_usleep (50 * 1000);
  g_assert_nonnull (journal);

  /* wait until the demo records are in, then read them beside the running app */
  while (g_get_monotonic_time () < deadline)
    {
      g_clear_object (&store);
      g_clear_error (&error);
      if ((store = kj_store_open (journal, &error)) && !kj_store_is_empty (store))
        break;
      g_usleep (100 * 1000);
    }
  g_assert_no_error (error);
  days = kj_store_list_days (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, >=, 48);

  /* still running: the window is up */
  g_assert_nonnull (g_subprocess_get_identifier (process));
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);

  /* the user's own journal was not touched */
  g_assert_false (g_file_test (user_db, G_FILE_TEST_EXISTS));
}

/* the “Days logged:” figure of --summary */
static int
days_logged (const char *summary)
{
  const char *line = strstr (summary, "Days logged:");

  g_assert_nonnull (line);
  return atoi (line + strlen ("Days logged:"));
}

static void
test_cli_restore_backup (void)
{
  g_autofree char *old_json = write_generated ("restore-old.json", 10, "improving");
  g_autofree char *new_json = write_generated ("restore-new.json", 30, "worsening");
  g_autofree char *db = kj_test_tmp_path ("restore-cli.db");
  g_autofree char *backup = kj_test_tmp_path ("restore-cli-copy.db");
  g_autofree char *text = kj_test_tmp_path ("restore-cli-text.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *safety = NULL;
  g_auto(KjTestRun) setup = { 0 };
  g_auto(KjTestRun) setup2 = { 0 };
  g_auto(KjTestRun) later = { 0 };
  g_auto(KjTestRun) restore = { 0 };
  g_auto(KjTestRun) summary = { 0 };
  g_auto(KjTestRun) hostile = { 0 };
  g_auto(KjTestRun) kept = { 0 };
  const char *in;

  g_unlink (db);
  g_unlink (backup);
  kj_test_run_cli (&setup, NULL, "--db", backup, "--import-json", old_json, NULL);
  g_assert_cmpint (setup.status, ==, 0);
  kj_test_run_cli (&setup2, NULL, "--db", db, "--import-json", new_json, NULL);
  g_assert_cmpint (setup2.status, ==, 0);
  kj_test_run_cli (&later, NULL, "--db", db, "--summary", NULL);
  g_assert_cmpint (days_logged (later.out), ==, 30);

  /* a text file is refused and the journal is untouched */
  kj_test_write_file (text, "not a database at all\n", -1);
  before = kj_test_sha256_file (db);
  kj_test_run_cli (&hostile, NULL, "--db", db, "--restore-backup", text, NULL);
  g_assert_cmpint (hostile.status, ==, 1);
  g_assert_true (g_str_has_prefix (hostile.err, "knee-journal: error: "));
  g_assert_nonnull (strstr (hostile.err, "not an SQLite file"));
  after = kj_test_sha256_file (db);
  g_assert_cmpstr (before, ==, after);

  kj_test_run_cli (&restore, NULL, "--db", db, "--restore-backup", backup, NULL);
  g_assert_cmpint (restore.status, ==, 0);
  g_assert_cmpstr (restore.err, ==, "");
  g_assert_true (g_str_has_prefix (restore.out, "Restored the journal from "));

  /* the journal as it was is named in the message and holds the 30 days */
  in = strstr (restore.out, "is in “");
  g_assert_nonnull (in);
  safety = g_strndup (in + strlen ("is in “"), strstr (in, "”.") - (in + strlen ("is in “")));
  g_assert_true (g_file_test (safety, G_FILE_TEST_IS_REGULAR));
  kj_test_run_cli (&kept, NULL, "--db", safety, "--summary", NULL);
  g_assert_cmpint (kept.status, ==, 0);
  g_assert_cmpint (days_logged (kept.out), ==, 30);

  kj_test_run_cli (&summary, NULL, "--db", db, "--summary", NULL);
  g_assert_cmpint (summary.status, ==, 0);
  g_assert_cmpint (days_logged (summary.out), ==, 10);
}

/* A full disk, without root: an LD_PRELOAD shim fails every write to the
 * journal with ENOSPC. The import fails in words and the journal keeps all
 * it held, byte for byte. */
static void
test_cli_full_disk (void)
{
  g_autofree char *folder = kj_test_tmp_path ("full-disk-journal");
  g_autofree char *db = g_build_filename (folder, "journal.db", NULL);
  g_autofree char *small = write_generated ("full-small.json", 15, "improving");
  g_autofree char *big = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(KjTestRun) setup = { 0 };
  g_auto(KjTestRun) full = { 0 };
  g_auto(KjTestRun) summary = { 0 };

  if (g_getenv ("KJ_ENOSPC_SHIM") == NULL)
    {
      g_test_skip ("the ENOSPC shim is built by meson");
      return;
    }

  {
    g_autoptr(KjJournal) journal = kj_gen_journal (77, 400, "mixed", "2024-06-30", NULL);
    g_autofree char *text = kj_json_generate (journal, NULL);

    big = kj_test_tmp_path ("full-big.json");
    kj_test_write_file (big, text, -1);
  }

  g_mkdir_with_parents (folder, 0700);
  g_unlink (db);
  kj_test_run_cli (&setup, NULL, "--db", db, "--import-json", small, NULL);
  g_assert_cmpint (setup.status, ==, 0);
  before = kj_test_sha256_file (db);

  g_setenv ("LD_PRELOAD", g_getenv ("KJ_ENOSPC_SHIM"), TRUE);
  g_setenv ("KJ_ENOSPC_MATCH", "full-disk-journal", TRUE);
  kj_test_run_cli (&full, NULL, "--db", db, "--import-json", big, NULL);
  g_unsetenv ("LD_PRELOAD");
  g_unsetenv ("KJ_ENOSPC_MATCH");

  /* under AddressSanitizer its runtime must be loaded first: no shim then */
  if (strstr (full.err, "ASan runtime does not come first") != NULL)
    {
      g_test_skip ("the ENOSPC shim cannot be preloaded into a binary built with AddressSanitizer");
      return;
    }

  g_assert_cmpint (full.status, ==, 1);
  g_assert_cmpstr (full.out, ==, "");
  g_assert_true (g_str_has_prefix (full.err, "knee-journal: error: "));
  g_assert_nonnull (strstr (full.err, "disk is full"));
  g_assert_nonnull (strstr (full.err, "Nothing was changed"));

  after = kj_test_sha256_file (db);
  g_assert_cmpstr (before, ==, after);
  kj_test_run_cli (&summary, NULL, "--db", db, "--summary", NULL);
  g_assert_cmpint (days_logged (summary.out), ==, 15);
}

/* Runs @binary with @args, without a display; its output and exit status */
static void
run_program (KjTestRun          *result,
             const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  result->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  g_test_message ("status %d\nstdout: %s\nstderr: %s", result->status, result->out, result->err);
}

/* A JSON file nested 200,000 levels deep (1.2 MB, far under the size
 * limit): the scanner hands anything deeper than 64 levels to json-glib,
 * whose parser recurses once a level and overflowed the stack (SIGSEGV, no
 * word to the user). The import must refuse it in words, exit 1 and leave
 * the journal as it was. */
static void
test_cli_import_deep_nesting (void)
{
  g_autofree char *json = write_generated ("deep-base.json", 5, "improving");
  g_autofree char *deep = kj_test_tmp_path ("deep.json");
  g_autofree char *db = kj_test_tmp_path ("deep.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) text = g_string_new ("{ \"format\": \"knee-journal\", \"version\": 3, \"x\": ");
  g_auto(KjTestRun) setup = { 0 };
  g_auto(KjTestRun) import = { 0 };
  const guint depth = 200000;

  for (guint k = 0; k < depth; k++)
    g_string_append_c (text, '[');
  for (guint k = 0; k < depth; k++)
    g_string_append_c (text, ']');
  g_string_append (text, ", \"days\": [] }");
  kj_test_write_file (deep, text->str, text->len);

  g_unlink (db);
  kj_test_run_cli (&setup, NULL, "--db", db, "--import-json", json, NULL);
  g_assert_cmpint (setup.status, ==, 0);
  before = kj_test_sha256_file (db);

  kj_test_run_cli (&import, NULL, "--db", db, "--import-json", deep, NULL);
  g_assert_cmpint (import.status, ==, 1);
  g_assert_true (g_str_has_prefix (import.err, "knee-journal: error: deep.json: "));
  g_assert_cmpstr (import.out, ==, "");
  after = kj_test_sha256_file (db);
  g_assert_cmpstr (before, ==, after);
}

/* /dev/fd/N and /proc/self/fd/N are written through the descriptor: when N
 * is one that SQLite opened for the journal itself (its -wal or -shm), the
 * export was written into the journal's log. With the journal open in
 * another program (the window) whose last changes are still in the log,
 * the journal is then damaged ("database disk image is malformed") and
 * those changes are lost, while the export reports success. A descriptor
 * that names one of the journal's own files must be refused as the journal
 * itself is. */
static void
test_cli_export_to_journal_descriptor (void)
{
  g_autofree char *json = write_generated ("fd-base.json", 10, "improving");
  g_autofree char *db = kj_test_tmp_path ("fd.db");
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_auto(KjTestRun) setup = { 0 };
  sqlite3 *holder = NULL;
  sqlite3_stmt *stmt = NULL;

  g_unlink (db);
  g_unlink (wal);
  g_unlink (shm);
  kj_test_run_cli (&setup, NULL, "--db", db, "--import-json", json, NULL);
  g_assert_cmpint (setup.status, ==, 0);

  /* another program holds the journal, its last change in the log only */
  g_assert_cmpint (sqlite3_open (db, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                                 "UPDATE days SET notes = 'kept in the log' WHERE date = (SELECT min(date) FROM days)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  for (int fd = 3; fd <= 9; fd++)
    {
      g_autofree char *target = g_strdup_printf ("/dev/fd/%d", fd);
      g_auto(KjTestRun) export = { 0 };

      kj_test_run_cli (&export, NULL, "--db", db, "--export-json", target, NULL);
      g_test_message ("%s: status %d, %s%s", target, export.status, export.out, export.err);
    }

  /* the change the other program made is still there, and the journal whole */
  g_assert_cmpint (sqlite3_prepare_v2 (holder, "SELECT notes FROM days ORDER BY date LIMIT 1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "kept in the log");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (holder), ==, SQLITE_OK);
  kj_test_assert_integrity (db);
}

/* knee-journal has no GTK: the window is knee-journal-ui's, which it runs
 * in its place with the same arguments (found beside it, as in the build
 * tree), and whose exit status is its own. Usage errors and headless
 * options never get there. */
static void
test_cli_programs (void)
{
  g_autofree char *dir = kj_test_tmp_path ("programs");
  g_autofree char *binary = g_build_filename (dir, "knee-journal", NULL);
  g_autofree char *ui = g_build_filename (dir, "knee-journal-ui", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *ldd_out = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *db = kj_test_tmp_path ("programs.db");
  g_autoptr(GError) error = NULL;
  gsize length;
  g_auto(KjTestRun) window = { 0 };
  g_auto(KjTestRun) demo = { 0 };
  g_auto(KjTestRun) version = { 0 };
  g_auto(KjTestRun) usage = { 0 };
  g_auto(KjTestRun) missing = { 0 };
  int wait_status = 0;

  /* the dynamic loader's list: no GTK, no libadwaita */
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "ldd", (char *) g_getenv ("KJ_BINARY"), NULL }, NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, &ldd_out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (ldd_out, "libglib-2.0"));
  g_assert_null (strstr (ldd_out, "libgtk-4"));
  g_assert_null (strstr (ldd_out, "libadwaita-1"));

  /* a copy of knee-journal, and beside it a knee-journal-ui that says what it got */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  contents = kj_test_read_file (g_getenv ("KJ_BINARY"), &length);
  kj_test_write_file (binary, contents, length);
  g_assert_cmpint (g_chmod (binary, 0755), ==, 0);
  kj_test_write_file (ui, "#!/bin/sh\necho \"ui: $0 $*\"\nexit 7\n", -1);
  g_assert_cmpint (g_chmod (ui, 0755), ==, 0);

  run_program (&window, (const char * const[]) { binary, "--db", db, NULL });
  g_assert_cmpint (window.status, ==, 7);
  expected = g_strdup_printf ("ui: %s --db %s\n", ui, db);
  g_assert_cmpstr (window.out, ==, expected);
  g_assert_cmpstr (window.err, ==, "");
  /* not created by knee-journal: the window's program opens it */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  /* --demo: the demo journal is made by the window's program, not twice */
  run_program (&demo, (const char * const[]) { binary, "--demo", NULL });
  g_assert_cmpint (demo.status, ==, 7);
  g_free (expected);
  expected = g_strdup_printf ("ui: %s --demo\n", ui);
  g_assert_cmpstr (demo.out, ==, expected);

  /* what needs no window stays in knee-journal */
  run_program (&version, (const char * const[]) { binary, "--version", NULL });
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "knee-journal " PACKAGE_VERSION "\n");
  run_program (&usage, (const char * const[]) { binary, "--demo", "--db", db, NULL });
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_cmpstr (usage.out, ==, "");

  /* without the window's program: an error that names it, status 1 */
  g_assert_cmpint (g_unlink (ui), ==, 0);
  run_program (&missing, (const char * const[]) { binary, "--db", db, NULL });
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_true (g_str_has_prefix (missing.err, "knee-journal: error: The window’s program “"));
  g_assert_nonnull (strstr (missing.err, "knee-journal-ui” cannot be started: "));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  kj_test_remove_tree (dir);
}

/* @library in the dynamic loader's list of @program */
static gboolean
links (const char *program,
       const char *library)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "ldd", (char *) program, NULL }, NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_nonnull (strstr (out, "libglib-2.0"));

  return strstr (out, library) != NULL;
}

/* knee-journal links the core's light part: no cairo, Pango or libxml2.
 * --export-pdf and --import-runs (and --import-gpx) are knee-journal-full's,
 * which it runs in its place with the same arguments (found beside it, as
 * in the build tree) after the usage checks; the other options stay. */
static void
test_cli_programs_full (void)
{
  g_autofree char *build_dir = g_path_get_dirname (g_getenv ("KJ_BINARY"));
  g_autofree char *real_full = g_build_filename (build_dir, "knee-journal-full", NULL);
  g_autofree char *dir = kj_test_tmp_path ("programs-full");
  g_autofree char *binary = g_build_filename (dir, "knee-journal", NULL);
  g_autofree char *full = g_build_filename (dir, "knee-journal-full", NULL);
  g_autofree char *db = kj_test_tmp_path ("programs-full.db");
  g_autofree char *pdf = kj_test_tmp_path ("programs-full.pdf");
  g_autofree char *json = kj_test_tmp_path ("programs-full.json");
  g_autofree char *garmin = g_build_filename (g_getenv ("KJ_SOURCE_ROOT"), "tests", "data", "tracks", "garmin.gpx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  gsize length;
  g_auto(KjTestRun) report = { 0 };
  g_auto(KjTestRun) runs = { 0 };
  g_auto(KjTestRun) gpx = { 0 };
  g_auto(KjTestRun) paper = { 0 };
  g_auto(KjTestRun) export = { 0 };
  g_auto(KjTestRun) missing = { 0 };
  g_auto(KjTestRun) missing_de = { 0 };
  const char *libraries[] = { "libcairo", "libpango", "libxml2", "libfontconfig", "libfreetype", "libharfbuzz",
                              "libicu", "libstdc++", "libX11", "libgtk-4", "libadwaita-1" };

  for (guint i = 0; i < G_N_ELEMENTS (libraries); i++)
    {
      g_test_message ("knee-journal without %s", libraries[i]);
      g_assert_false (links (g_getenv ("KJ_BINARY"), libraries[i]));
    }
  /* the one that has them: the report's and the run files' */
  g_assert_true (links (real_full, "libcairo"));
  g_assert_true (links (real_full, "libpangocairo"));
  g_assert_true (links (real_full, "libxml2"));
  g_assert_false (links (real_full, "libgtk-4"));

  /* a copy of knee-journal, and beside it a knee-journal-full that says what it got */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  contents = kj_test_read_file (g_getenv ("KJ_BINARY"), &length);
  kj_test_write_file (binary, contents, length);
  g_assert_cmpint (g_chmod (binary, 0755), ==, 0);
  kj_test_write_file (full, "#!/bin/sh\necho \"full: $0 $*\"\nexit 5\n", -1);
  g_assert_cmpint (g_chmod (full, 0755), ==, 0);

  run_program (&report, (const char * const[]) { binary, "--db", db, "--export-pdf", pdf, "--paper", "letter", NULL });
  g_assert_cmpint (report.status, ==, 5);
  expected = g_strdup_printf ("full: %s --db %s --export-pdf %s --paper letter\n", full, db, pdf);
  g_assert_cmpstr (report.out, ==, expected);
  g_assert_cmpstr (report.err, ==, "");
  /* not opened (so not created) by knee-journal */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  run_program (&runs, (const char * const[]) { binary, "--db", db, "--export-json", json, "--import-runs", garmin,
                                               garmin, NULL });
  g_assert_cmpint (runs.status, ==, 5);
  g_free (expected);
  expected = g_strdup_printf ("full: %s --db %s --export-json %s --import-runs %s %s\n", full, db, json, garmin, garmin);
  g_assert_cmpstr (runs.out, ==, expected);
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (json, G_FILE_TEST_EXISTS));

  run_program (&gpx, (const char * const[]) { binary, "--db", db, "--import-gpx", garmin, NULL });
  g_assert_cmpint (gpx.status, ==, 5);
  g_assert_true (g_str_has_prefix (gpx.out, "full: "));

  /* a usage error is knee-journal's own */
  run_program (&paper, (const char * const[]) { binary, "--db", db, "--export-pdf", pdf, "--paper", "a5", NULL });
  g_assert_cmpint (paper.status, ==, 2);
  g_assert_cmpstr (paper.out, ==, "");
  g_assert_true (g_str_has_prefix (paper.err, "knee-journal: error: --paper: “a5” is not a paper size"));

  /* what needs neither stays in knee-journal: its own error, not status 5 */
  run_program (&export, (const char * const[]) { binary, "--db", db, "--export-json", json, NULL });
  g_assert_cmpint (export.status, ==, 1);
  g_assert_cmpstr (export.out, ==, "");
  g_assert_true (g_str_has_prefix (export.err, "knee-journal: error: There is no journal at “"));

  /* without knee-journal-full: an error that names it, status 1, nothing written */
  g_assert_cmpint (g_unlink (full), ==, 0);
  run_program (&missing, (const char * const[]) { binary, "--db", db, "--export-pdf", pdf, NULL });
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_cmpstr (missing.out, ==, "");
  g_assert_true (g_str_has_prefix (missing.err, "knee-journal: error: The program of PDF reports and run files “"));
  g_assert_nonnull (strstr (missing.err, "knee-journal-full” cannot be started: "));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  g_setenv ("LANGUAGE", "de", TRUE);
  run_program (&missing_de, (const char * const[]) { binary, "--db", db, "--import-runs", garmin, NULL });
  g_unsetenv ("LANGUAGE");
  g_assert_cmpint (missing_de.status, ==, 1);
  g_assert_true (g_str_has_prefix (missing_de.err, "knee-journal: Fehler: Das Programm der PDF-Berichte und Lauf-Dateien „"));
  g_assert_nonnull (strstr (missing_de.err, "knee-journal-full“ kann nicht gestartet werden: "));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  kj_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_assert_nonnull (g_getenv ("KJ_BINARY"));

  g_test_add_func ("/cli/version-and-help", test_cli_version_and_help);
  g_test_add_func ("/cli/usage-errors", test_cli_usage_errors);
  g_test_add_func ("/cli/import-export", test_cli_import_export);
  g_test_add_func ("/cli/journal-choice", test_cli_journal_choice);
  g_test_add_func ("/cli/errors-change-nothing", test_cli_errors_change_nothing);
  g_test_add_func ("/cli/atomic-export", test_cli_atomic_export);
  g_test_add_func ("/cli/summary", test_cli_summary);
  g_test_add_func ("/cli/summary-future-start", test_cli_summary_future_start);
  g_test_add_func ("/cli/summary-german", test_cli_summary_german);
  g_test_add_func ("/cli/summary-errors", test_cli_summary_errors);
  g_test_add_func ("/cli/report", test_cli_report);
  g_test_add_func ("/cli/import-gpx", test_cli_import_gpx);
  g_test_add_func ("/cli/demo", test_cli_demo);
  g_test_add_func ("/cli/restore-backup", test_cli_restore_backup);
  g_test_add_func ("/cli/full-disk", test_cli_full_disk);
  g_test_add_func ("/cli/programs", test_cli_programs);
  g_test_add_func ("/cli/import-deep-nesting", test_cli_import_deep_nesting);
  g_test_add_func ("/cli/export-to-journal-descriptor", test_cli_export_to_journal_descriptor);
  g_test_add_func ("/cli/programs-full", test_cli_programs_full);

  return g_test_run ();
}
