/* test-shoes-edges.c — shoes where the world meets them: a damaged default pair, a journal from before shoes
 * read by --export-json, pair names with “;” in the CSV, a deleted pair's runs (a reviewer's tests)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kj-csv.h"
#include "kj-json.h"
#include "kj-store.h"
#include "kj-store-schema.h"
#include "kj-test-util.h"

/* doc/data-model.md “Shoes”: a damaged row is left out of everything; a new
 * run gets the default pair — not a pair that is left out */
static void
test_shoes_edges_damaged_default (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("shoes-edges-default.db");
  g_autofree char *path = g_strdup (kj_store_get_path (store));
  g_autoptr(KjShoe) shoe = kj_shoe_new ("Pegasus 40");
  g_autoptr(KjRun) run = kj_run_new ("2026-03-04", 5);
  g_autoptr(GPtrArray) shoes = NULL;
  g_autoptr(GError) error = NULL;

  shoe->is_default = TRUE;
  g_assert_true (kj_store_save_shoe (store, shoe, &error));
  g_clear_object (&store);
  g_assert_true (kj_test_exec_sql (path, "PRAGMA ignore_check_constraints = ON; UPDATE shoes SET alert_km = -5;"));

  store = kj_store_open (path, &error);
  g_assert_no_error (error);
  shoes = kj_store_list_shoes (store, &error);
  g_assert_cmpuint (shoes->len, ==, 0);   /* the pair is damaged: left out */

  g_assert_true (kj_store_save_run (store, run, &error));
  g_assert_no_error (error);
  g_assert_null (run->shoe_id);
}

/* README: --export-* and --summary* only read. A version-3 journal (every
 * journal before the shoes) must still be readable without writing to it */
static void
test_shoes_edges_v3_export (void)
{
  g_autofree char *path = kj_test_tmp_path ("shoes-edges-v3.db");
  g_autofree char *sql = g_strdup_printf ("%s %s %s PRAGMA application_id = %d; PRAGMA user_version = 3;"
                                          "INSERT INTO days (id, date, pain, notes) VALUES ('d1', '2026-03-04', 6, 'old');"
                                          "INSERT INTO runs (id, date, distance_km) VALUES ('r1', '2026-03-04', 5.5);",
                                          kj_store_migrations[0], kj_store_migrations[1], kj_store_migrations[2],
                                          (int) KJ_STORE_APPLICATION_ID);
  g_auto(KjTestRun) json = { 0 };
  g_auto(KjTestRun) summary = { 0 };

  g_unlink (path);
  g_assert_true (kj_test_exec_sql (path, sql));

  kj_test_run_cli (&json, NULL, "--db", path, "--export-json", "-", NULL);
  g_test_message ("%s", json.err);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_nonnull (strstr (json.out, "\"r1\""));
  kj_test_run_cli (&summary, NULL, "--db", path, "--summary", "--as-of", "2026-03-05", NULL);
  g_assert_cmpint (summary.status, ==, 0);
}

/* doc/journal-format.md, CSV: `shoe` is the names of the day's pairs joined with “;”. A name may contain
 * “;” (doc/data-model.md puts no limit on it), so one pair “A;B” and two pairs “A” and “B” must not give
 * the same field */
static void
test_shoes_edges_csv_semicolon (void)
{
  static const char text[] =
    "{ \"format\": \"knee-journal\", \"version\": 2,"
    "  \"shoes\": [ { \"id\": \"p1\", \"name\": \"A;B\" }, { \"id\": \"p2\", \"name\": \"A\" },"
    "               { \"id\": \"p3\", \"name\": \"B\" } ],"
    "  \"runs\": [ { \"id\": \"q1\", \"date\": \"2026-11-01\", \"distance_km\": 5, \"shoe_id\": \"p1\" },"
    "              { \"id\": \"q2\", \"date\": \"2026-11-02\", \"distance_km\": 5, \"shoe_id\": \"p2\" },"
    "              { \"id\": \"q3\", \"date\": \"2026-11-02\", \"distance_km\": 3, \"shoe_id\": \"p3\" } ] }";
  g_autoptr(GError) error = NULL;
  g_autoptr(KjJournal) journal = kj_json_parse (text, strlen (text), &error);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  const char *one, *two;

  g_assert_no_error (error);
  csv = kj_csv_generate (journal, NULL);
  lines = g_strsplit (csv, "\r\n", -1);
  g_test_message ("%s\n%s", lines[1], lines[2]);
  one = strrchr (lines[1], ',');
  two = strrchr (lines[2], ',');
  g_assert_cmpstr (one, !=, two);
  /* “;” in a name is written as “,” (and the field quoted); the two pairs' names are joined with “;” */
  g_assert_true (g_str_has_suffix (lines[1], ",\"A,B\""));
  g_assert_true (g_str_has_suffix (lines[2], ",A;B"));
}

/* doc/data-model.md: deleting a pair keeps its runs, without a shoe, and their kilometres */
static void
test_shoes_edges_delete_keeps_runs (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("shoes-edges-delete.db");
  g_autoptr(KjShoe) shoe = kj_shoe_new ("Pegasus 40");
  g_autoptr(KjRun) run = kj_run_new ("2026-03-04", 7.5);
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;

  shoe->is_default = TRUE;
  g_assert_true (kj_store_save_shoe (store, shoe, &error));
  g_assert_true (kj_store_save_run (store, run, &error));
  g_assert_cmpstr (run->shoe_id, ==, shoe->id);
  g_assert_true (kj_store_delete_shoe (store, shoe->id, &error));
  g_assert_no_error (error);

  runs = kj_store_list_runs (store, NULL, NULL, &error);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_null (((KjRun *) runs->pdata[0])->shoe_id);
  g_assert_cmpfloat (((KjRun *) runs->pdata[0])->distance_km, ==, 7.5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shoes-edges/damaged-default", test_shoes_edges_damaged_default);
  g_test_add_func ("/shoes-edges/v3-export", test_shoes_edges_v3_export);
  g_test_add_func ("/shoes-edges/csv-semicolon", test_shoes_edges_csv_semicolon);
  g_test_add_func ("/shoes-edges/delete-keeps-runs", test_shoes_edges_delete_keeps_runs);

  return g_test_run ();
}
