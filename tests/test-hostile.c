/* test-hostile.c — the journal against other processes, files that are not
 * what they claim, values stored behind the app's back and the user's slips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every hostile file is built here with the sqlite3 library, as another
 * program would leave it. Each case checks that the journal, or the file,
 * is exactly as it was and that the message says what is wrong.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kj-backup.h"
#include "kj-gen.h"
#include "kj-json.h"
#include "kj-store.h"
#include "kj-store-schema.h"
#include "kj-test-util.h"

/* A journal at @name in the test folder with @n_days generated days. */
static char *
make_journal (const char *name,
              guint32     seed,
              guint       n_days)
{
  g_autoptr(KjStore) store = kj_test_open_new_store (name);
  g_autoptr(KjJournal) journal = kj_gen_journal (seed, n_days, "mixed", "2026-11-01", NULL);
  g_autoptr(GError) error = NULL;

  kj_store_import (store, journal, NULL, &error);
  g_assert_no_error (error);

  return g_strdup (kj_store_get_path (store));
}

/* The journal's records as JSON, read through a fresh store */
static char *
journal_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KjStore) store = kj_store_open (path, &error);
  g_autoptr(KjJournal) journal = NULL;

  g_assert_no_error (error);
  journal = kj_store_read_journal (store, &error);
  g_assert_no_error (error);

  return kj_json_generate (journal, NULL);
}

static int
pain_on (const char *path,
         const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KjStore) store = kj_store_open (path, &error);
  g_autoptr(KjDay) day = NULL;

  g_assert_no_error (error);
  day = kj_store_get_day (store, date, &error);
  g_assert_no_error (error);

  return day == NULL ? -1 : day->pain;
}

static char *
sidecar (const char *path,
         const char *suffix)
{
  return g_strconcat (path, suffix, NULL);
}

/* 1. Another connection in this process (the backup thread's), a backup and
 * a restore, and another process reading, while the first store keeps
 * writing: every write of the first store is in the journal afterwards. */
static void
test_hostile_other_processes (void)
{
  g_autofree char *path = make_journal ("locks.db", 1, 30);
  g_autofree char *wal = sidecar (path, "-wal");
  g_autofree char *folder = kj_backup_folder (path);
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *safety = NULL;

  kj_test_remove_tree (folder);
  store = kj_store_open (path, &error);
  g_assert_no_error (error);
  kj_test_save_pain (store, "2026-11-02", 4);

  /* what the window's backup thread does: a second store on the same file */
  {
    g_autoptr(KjStore) second = kj_store_open (path, &error);

    g_assert_no_error (error);
    kj_backup_run (second, "2026-11-02", NULL, &error);
    g_assert_no_error (error);
  }

  {
    g_auto(KjTestRun) run = { 0 };

    kj_test_run_cli (&run, path, "--export-csv", "-", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "2026-11-02,4"));
  }

  /* the other process must not have taken the write-ahead log away */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  kj_test_save_pain (store, "2026-11-03", 7);

  /* a restore of the daily backup (made before 2026-11-03), then a reader again */
  backups = kj_backup_list (path);
  g_assert_cmpuint (backups->len, >=, 1);
  kj_backup_restore (store, ((KjBackupInfo *) g_ptr_array_index (backups, 0))->path, &safety, &error);
  g_assert_no_error (error);

  {
    g_auto(KjTestRun) run = { 0 };

    kj_test_run_cli (&run, path, "--summary", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }

  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  kj_test_save_pain (store, "2026-11-04", 6);
  g_clear_object (&store);

  kj_test_assert_integrity (path);
  g_assert_cmpint (pain_on (path, "2026-11-02"), ==, 4);
  g_assert_cmpint (pain_on (path, "2026-11-03"), ==, -1);   /* restored away */
  g_assert_cmpint (pain_on (path, "2026-11-04"), ==, 6);
  g_assert_cmpint (pain_on (safety, "2026-11-03"), ==, 7);   /* but kept in the safety copy */

  kj_test_remove_tree (folder);
}

typedef struct
{
  const char *name;
  const char *sql;        /* run on a copy of a good journal; NULL: see the code */
  const char *expect;     /* a word the message must hold */
} Hostile;

/* Files that claim to be journals (or backups): built from a good journal by SQL */
static const Hostile hostile_files[] = {
  { "negative-version", "PRAGMA user_version = -1", "format" },
  { "huge-version", "PRAGMA user_version = 2147483647", "newer" },
  { "trigger", "CREATE TRIGGER wipe AFTER INSERT ON days BEGIN DELETE FROM runs; END", "trigger" },
  { "trigger-on-update", "CREATE TRIGGER t2 AFTER UPDATE ON profile BEGIN DELETE FROM days; END", "trigger" },
  { "view-days", "PRAGMA foreign_keys = OFF; ALTER TABLE days RENAME TO days_real;"
                 " CREATE VIEW days AS SELECT id, '2026-02-30' AS date, 99 AS pain, NULL AS pain_worst,"
                 " '' AS notes FROM days_real", "view" },
  { "extra-table", "CREATE TABLE notes_backup (x)", "table" },
  { "extra-index", "CREATE INDEX days_by_notes ON days (notes)", "index" },
  { "missing-table", "DROP TABLE day_aggravators", "missing" },
  { "changed-table", "PRAGMA writable_schema = ON;"
                     " UPDATE sqlite_schema SET sql = replace (sql, 'BETWEEN 0 AND 10', 'BETWEEN 0 AND 1000')"
                     " WHERE name = 'days'", "changed" },
  { "stat-named-trigger", "PRAGMA writable_schema = ON; INSERT INTO sqlite_schema VALUES ('trigger',"
                          " 'sqlite_stat_evil', 'days', 0, 'CREATE TRIGGER sqlite_stat_evil AFTER INSERT ON days"
                          " BEGIN DELETE FROM runs; END')", "trigger" },
  { "stat-named-view", "PRAGMA writable_schema = ON; INSERT INTO sqlite_schema VALUES ('view', 'sqlite_stat9',"
                       " 'sqlite_stat9', 0, 'CREATE VIEW sqlite_stat9 AS SELECT 1')", "view" },
  { "app-id-no-tables", NULL, "missing" },
  { "current-labelled-v1", "PRAGMA user_version = 1", "" },
};

/* Builds hostile file @h at @path. */
static void
build_hostile (const Hostile *h,
               const char    *path)
{
  g_autofree char *good = make_journal ("hostile-source.db", 7, 40);
  g_autofree char *contents = NULL;
  gsize length;

  g_unlink (path);
  if (h->sql == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("CREATE TABLE x (a); DROP TABLE x; PRAGMA application_id = %d;"
                                              " PRAGMA user_version = %d",
                                              KJ_STORE_APPLICATION_ID, KJ_STORE_SCHEMA_VERSION);

      g_assert_true (kj_test_exec_sql (path, sql));
      return;
    }

  contents = kj_test_read_file (good, &length);
  kj_test_write_file (path, contents, length);
  g_assert_true (kj_test_exec_sql (path, h->sql));
}

/* 4, 6, 11: opened as the journal, each file is refused without a byte written */
static void
test_hostile_journal_files (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (hostile_files); i++)
    {
      const Hostile *h = &hostile_files[i];
      g_autofree char *name = g_strconcat (h->name, ".db", NULL);
      g_autofree char *path = kj_test_tmp_path (name);
      g_autofree char *wal = sidecar (path, "-wal");
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(KjStore) store = NULL;

      if (g_str_equal (h->name, "current-labelled-v1"))
        continue;   /* a v1 journal with a v2 table: see the restore test */

      g_test_message ("journal: %s", h->name);
      build_hostile (h, path);
      before = kj_test_sha256_file (path);

      store = kj_store_open (path, &error);
      g_assert_null (store);
      g_assert_nonnull (error);
      g_test_message ("  %s", error->message);
      g_assert_nonnull (strstr (error->message, h->expect));
      after = kj_test_sha256_file (path);
      g_assert_cmpstr (before, ==, after);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS) &&
                      g_str_equal (h->name, "app-id-no-tables"));

      /* the command line says so too, with exit 1, and changes nothing */
      {
        g_auto(KjTestRun) run = { 0 };

        kj_test_run_cli (&run, path, "--summary", NULL);
        g_assert_cmpint (run.status, ==, 1);
        g_assert_nonnull (strstr (run.err, "knee-journal: error:"));
        g_assert_null (strstr (run.err, "CRITICAL"));
      }
      g_free (after);
      after = kj_test_sha256_file (path);
      g_assert_cmpstr (before, ==, after);
    }
}

/* A rollback journal (-journal) beside the journal, from another database:
 * SQLite would play it into the journal at the first write */
static void
test_hostile_stray_rollback_journal (void)
{
  g_autofree char *path = make_journal ("stray-rollback.db", 81, 30);
  g_autofree char *rollback = sidecar (path, "-journal");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *json = kj_test_tmp_path ("stray-rollback.json");
  g_autoptr(KjJournal) extra = kj_gen_journal (82, 2, "improving", "2026-12-01", NULL);
  g_autofree char *text = kj_json_generate (extra, NULL);
  char header[512] = { 0 };

  /* the header of a hot rollback journal, then a page */
  memcpy (header, "\xd9\xd5\x05\xf9\x20\xa1\x63\xd7", 8);
  kj_test_write_file (rollback, header, sizeof header);
  kj_test_write_file (json, text, -1);
  before = kj_test_sha256_file (path);

  for (guint i = 0; i < 2; i++)
    {
      g_auto(KjTestRun) run = { 0 };

      if (i == 0)
        kj_test_run_cli (&run, path, "--import-json", json, NULL);
      else
        kj_test_run_cli (&run, path, "--summary", NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, "-journal"));
    }

  after = kj_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (g_file_test (rollback, G_FILE_TEST_EXISTS));

  /* moved away, the journal opens as it was */
  g_unlink (rollback);
  kj_test_assert_integrity (path);
}

/* The trigger case end to end: an import on a journal with a trigger deletes nothing */
static void
test_hostile_trigger_import (void)
{
  g_autofree char *path = make_journal ("trigger-import.db", 3, 20);
  g_autofree char *json = kj_test_tmp_path ("trigger-import.json");
  g_autoptr(KjJournal) extra = kj_gen_journal (99, 5, "improving", "2026-12-01", NULL);
  g_autofree char *text = kj_json_generate (extra, NULL);
  g_autofree char *before = NULL;
  g_auto(KjTestRun) run = { 0 };

  kj_test_write_file (json, text, -1);
  g_assert_true (kj_test_exec_sql (path, "CREATE TRIGGER wipe AFTER INSERT ON days BEGIN DELETE FROM runs; END"));
  before = kj_test_sha256_file (path);

  kj_test_run_cli (&run, path, "--import-json", json, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "trigger"));
  {
    g_autofree char *after = kj_test_sha256_file (path);
    g_assert_cmpstr (before, ==, after);
  }
}

/* 4, 5, 6: as backups, every hostile file is refused before the journal is touched */
static void
test_hostile_restore (void)
{
  g_autofree char *path = make_journal ("restore-target.db", 5, 25);
  g_autofree char *folder = kj_backup_folder (path);
  g_autofree char *blank = kj_test_tmp_path ("blank.db");
  g_autofree char *flipped = kj_test_tmp_path ("flipped.db");
  g_autofree char *truncated = kj_test_tmp_path ("truncated.db");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text_before = NULL;

  kj_test_remove_tree (folder);

  /* a blank SQLite file */
  g_unlink (blank);
  g_assert_true (kj_test_exec_sql (blank, "CREATE TABLE x (a); DROP TABLE x"));
  g_ptr_array_add (files, g_strdup (blank));

  /* a good journal with flipped bytes in a b-tree page header */
  {
    g_autofree char *good = make_journal ("flip-source.db", 11, 200);
    g_autofree char *contents = NULL;
    gsize length;

    contents = kj_test_read_file (good, &length);
    g_assert_cmpuint (length, >, 6 * 4096);
    for (gsize p = 2; p < 6; p++)
      contents[p * 4096] ^= 0x5a;   /* the page type byte */
    kj_test_write_file (flipped, contents, length);
    g_ptr_array_add (files, g_strdup (flipped));

    kj_test_write_file (truncated, contents, length / 3);
    g_ptr_array_add (files, g_strdup (truncated));
  }

  for (guint i = 0; i < G_N_ELEMENTS (hostile_files); i++)
    {
      g_autofree char *name = g_strconcat ("backup-", hostile_files[i].name, ".db", NULL);
      g_autofree char *file = kj_test_tmp_path (name);

      build_hostile (&hostile_files[i], file);
      g_ptr_array_add (files, g_steal_pointer (&file));
    }

  text_before = journal_text (path);
  store = kj_store_open (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autofree char *safety = NULL;
      g_autofree char *file_before = kj_test_sha256_file (file);
      g_autofree char *file_after = NULL;
      g_autoptr(KjJournal) journal = NULL;
      g_autofree char *text_after = NULL;
      g_autoptr(GPtrArray) listed = NULL;

      g_test_message ("restoring %s", file);
      g_assert_false (kj_backup_restore (store, file, &safety, &error));
      g_assert_nonnull (error);
      g_test_message ("  %s", error->message);
      g_assert_null (safety);
      /* a backup is called a backup */
      g_assert_nonnull (strstr (error->message, "backup"));
      g_clear_error (&error);

      file_after = kj_test_sha256_file (file);
      g_assert_cmpstr (file_before, ==, file_after);

      journal = kj_store_read_journal (store, &error);
      g_assert_no_error (error);
      text_after = kj_json_generate (journal, NULL);
      g_assert_cmpstr (text_before, ==, text_after);

      listed = kj_backup_list (path);
      g_assert_cmpuint (listed->len, ==, 0);
      g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
    }

  /* a backup with a value stored out of range is refused too */
  {
    g_autofree char *damaged = make_journal ("backup-damaged-row.db", 61, 20);
    g_autofree char *safety = NULL;

    g_assert_true (kj_test_exec_sql (damaged, "PRAGMA ignore_check_constraints = ON;"
                                              " UPDATE days SET pain = 99 WHERE date = '2026-10-30'"));
    g_assert_false (kj_backup_restore (store, damaged, &safety, &error));
    g_assert_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_DAMAGED);
    g_assert_nonnull (strstr (error->message, "pain: 99"));
    g_clear_error (&error);
    g_ptr_array_add (files, g_steal_pointer (&damaged));
  }

  /* the command line refuses too, exit 1, journal unchanged */
  g_clear_object (&store);
  for (guint i = 0; i < files->len; i++)
    {
      g_auto(KjTestRun) run = { 0 };
      g_autofree char *text_after = NULL;

      kj_test_run_cli (&run, path, "--restore-backup", g_ptr_array_index (files, i), NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_null (strstr (run.err, "CRITICAL"));
      text_after = journal_text (path);
      g_assert_cmpstr (text_before, ==, text_after);
    }

  kj_test_assert_integrity (path);

  /* a backup of the first format is restored and brought up to date, and
   * its trial copy leaves nothing behind */
  {
    g_autofree char *v1 = kj_test_tmp_path ("backup-v1.db");
    g_autofree char *sql = g_strdup_printf ("%s PRAGMA application_id = %d; PRAGMA user_version = 1;"
                                            " INSERT INTO days (id, date, pain) VALUES ('v1-day', '2025-05-05', 6);",
                                            kj_store_migrations[0], KJ_STORE_APPLICATION_ID);
    g_autofree char *safety = NULL;
    g_autoptr(GDir) dir = NULL;
    const char *name;

    g_unlink (v1);
    g_assert_true (kj_test_exec_sql (v1, sql));
    store = kj_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_true (kj_backup_restore (store, v1, &safety, &error));
    g_assert_no_error (error);
    g_assert_cmpint (kj_store_get_schema_version (store), ==, KJ_STORE_SCHEMA_VERSION);
    g_clear_object (&store);
    g_assert_cmpint (pain_on (path, "2025-05-05"), ==, 6);

    dir = g_dir_open (folder, 0, NULL);
    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_true (g_str_has_prefix (name, "before-restore-") && g_str_has_suffix (name, ".db"));
  }

  kj_test_remove_tree (folder);
}

/* Two restores within one second keep two copies of the journal as it was */
static void
test_hostile_restores_in_a_second (void)
{
  g_autofree char *path = make_journal ("two-restores.db", 91, 20);
  g_autofree char *a = make_journal ("restore-a.db", 92, 5);
  g_autofree char *b = make_journal ("restore-b.db", 93, 7);
  g_autofree char *folder = kj_backup_folder (path);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *original = journal_text (path);
  g_autofree char *first_text = NULL;
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GError) error = NULL;

  kj_test_remove_tree (folder);
  store = kj_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (kj_backup_restore (store, a, &first, &error));
  g_assert_true (kj_backup_restore (store, b, &second, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpstr (first, !=, second);
  first_text = journal_text (first);
  g_assert_cmpstr (first_text, ==, original);
  g_assert_cmpuint (kj_backup_list (path)->len, ==, 2);
  kj_test_remove_tree (folder);
}

typedef struct
{
  char       *path;
  GPtrArray  *stored;     /* ids whose save reported success */
  gint        stop;
} Writer;

static gpointer
write_days (gpointer data)
{
  Writer *writer = data;
  g_autoptr(KjStore) store = kj_store_open (writer->path, NULL);

  g_assert_nonnull (store);
  for (guint i = 0; !g_atomic_int_get (&writer->stop) && i < 20000; i++)
    {
      g_autoptr(KjDay) day = NULL;
      char date[11];

      kj_date_add_days ("2010-01-01", i, date);
      day = kj_day_new (date);
      day->id = g_strdup_printf ("writer-%u", i);
      day->pain = i % 11;
      if (kj_store_save_day (store, day, NULL))
        g_ptr_array_add (writer->stored, g_strdup (day->id));
    }

  return NULL;
}

/* Another connection writes all the while that restores run: every write
 * that reported success is in the journal or in a copy a restore made */
static void
test_hostile_writes_during_restores (void)
{
  g_autofree char *path = make_journal ("restore-under-load.db", 94, 20);
  g_autofree char *backup = make_journal ("restore-under-load-backup.db", 95, 10);
  g_autofree char *folder = kj_backup_folder (path);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Writer writer = { path, g_ptr_array_new_with_free_func (g_free), 0 };
  GThread *thread;
  guint restored = 0;

  kj_test_remove_tree (folder);
  store = kj_store_open (path, &error);
  g_assert_no_error (error);
  thread = g_thread_new ("writer", write_days, &writer);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *safety = NULL;

      g_usleep (20000);
      if (kj_backup_restore (store, backup, &safety, &error))
        restored++;
      g_clear_error (&error);
    }
  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (thread);
  g_clear_object (&store);
  g_test_message ("%u restores, %u writes", restored, writer.stored->len);
  g_assert_cmpuint (restored, >=, 3);
  g_assert_cmpuint (writer.stored->len, >, 10);

  /* the ids in the journal and in every copy */
  copies = kj_backup_list (path);
  for (guint i = 0; i <= copies->len; i++)
    {
      const char *file = i < copies->len ? ((KjBackupInfo *) g_ptr_array_index (copies, i))->path : path;
      g_autoptr(KjStore) other = kj_store_open (file, &error);
      g_autoptr(GPtrArray) days = NULL;

      g_assert_no_error (error);
      days = kj_store_list_days (other, NULL, NULL, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < days->len; j++)
        g_hash_table_add (found, g_strdup (((KjDay *) g_ptr_array_index (days, j))->id));
    }

  for (guint i = 0; i < writer.stored->len; i++)
    if (!g_hash_table_contains (found, g_ptr_array_index (writer.stored, i)))
      g_error ("%s reported stored, but is in neither the journal nor a copy",
               (const char *) g_ptr_array_index (writer.stored, i));

  g_ptr_array_unref (writer.stored);
  kj_test_remove_tree (folder);
}

/* 7. Values out of range and unknown codes, stored with the checks off */
static void
test_hostile_damaged_rows (void)
{
  g_autofree char *path = make_journal ("damaged.db", 21, 60);
  g_autofree char *json = kj_test_tmp_path ("damaged-export.json");
  g_autofree char *pdf = kj_test_tmp_path ("damaged.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(KjStore) store = NULL;
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GPtrArray) damage = NULL;
  g_autofree char *all = NULL;

  g_assert_true (kj_test_exec_sql (path,
    "PRAGMA ignore_check_constraints = ON;"
    "UPDATE days SET pain = 99 WHERE date = '2026-10-15';"
    "UPDATE days SET pain = 4294967303 WHERE date = '2026-10-16';"
    "UPDATE days SET date = '2026-10-17xyz' WHERE date = '2026-10-17';"
    "UPDATE days SET notes = CAST (x'41ff42' AS TEXT) WHERE date = '2026-10-18';"
    "INSERT INTO day_symptoms (day_id, symptom) SELECT id, 'telepathy' FROM days WHERE date = '2026-10-20';"
    "INSERT INTO treatments (id, date, kind) VALUES ('bad-kind', '2026-10-21', 'voodoo');"
    "INSERT INTO treatments (id, date, kind, drug, dose_mg) VALUES ('bad-drug', '2026-10-22', 'medication', 'snake-oil', 400);"
    "INSERT INTO runs (id, date, distance_km) VALUES ('inf-run', '2026-10-23', 9e999);"
    "INSERT INTO runs (id, date, distance_km, pain_after) VALUES ('bad-pain-run', '2026-10-24', 5, 12);"
    "UPDATE profile SET units = 'furlongs';"
    "INSERT INTO episodes (id, side, review_weeks) VALUES ('bad-weeks', 'left', 99);"
    "INSERT INTO episodes (id, side, injury_date, end_date) VALUES ('bad-end', 'left', '2026-05-02', '2026-05-01');"
    "INSERT INTO episodes (id, side) VALUES ('bad-side', 'middle');"
    "UPDATE days SET notes = 'shown' || char (0) || 'hidden' WHERE date = '2026-10-25';"
    "UPDATE days SET id = 'twin' || char (0) || 'a' WHERE date = '2026-10-26';"
    "UPDATE days SET id = 'twin' || char (0) || 'b' WHERE date = '2026-10-27';"
    "INSERT INTO treatments (id, date, kind) VALUES ('nul-kind', '2026-10-28', 'other' || char (0) || 'evil');"
    "INSERT INTO treatments (id, date, kind, time) VALUES ('bad-time', '2026-10-29', 'medication', '25:00');"
    "INSERT INTO treatments (id, date, kind, time) VALUES ('int-time', '2026-10-30', 'ice', 800);"));

  store = kj_store_open (path, &error);
  g_assert_no_error (error);
  journal = kj_store_read_journal (store, &error);
  g_assert_no_error (error);

  /* no damaged record is read as a record */
  for (guint i = 0; i < journal->days->len; i++)
    {
      KjDay *day = g_ptr_array_index (journal->days, i);

      g_assert_no_error (error);
      kj_day_validate (day, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (day->date, !=, "2026-10-15");
      g_assert_cmpstr (day->date, !=, "2026-10-16");
      g_assert_cmpstr (day->date, !=, "2026-10-17");
    }
  for (guint i = 0; i < journal->treatments->len; i++)
    {
      kj_treatment_validate (g_ptr_array_index (journal->treatments, i), &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < journal->runs->len; i++)
    {
      kj_run_validate (g_ptr_array_index (journal->runs, i), &error);
      g_assert_no_error (error);
    }
  kj_profile_validate (journal->profile, &error);
  g_assert_no_error (error);
  /* the sound episode of the journal is read, the three damaged ones are not */
  g_assert_cmpuint (journal->episodes->len, ==, 1);
  kj_episode_validate (g_ptr_array_index (journal->episodes, 0), &error);
  g_assert_no_error (error);

  /* and each is reported in words */
  damage = kj_store_get_damage (store);
  g_ptr_array_add (damage, NULL);
  all = g_strjoinv ("\n", (char **) damage->pdata);
  g_test_message ("damage:\n%s", all);
  g_assert_nonnull (strstr (all, "day 2026-10-15: pain: 99 is out of range 0–10"));
  g_assert_nonnull (strstr (all, "4294967303"));
  g_assert_nonnull (strstr (all, "2026-10-17xyz"));
  g_assert_nonnull (strstr (all, "UTF-8"));
  g_assert_nonnull (strstr (all, "telepathy"));
  g_assert_nonnull (strstr (all, "voodoo"));
  g_assert_nonnull (strstr (all, "snake-oil"));
  g_assert_nonnull (strstr (all, "distance_km"));
  g_assert_nonnull (strstr (all, "pain_after: 12"));
  g_assert_nonnull (strstr (all, "furlongs"));
  g_assert_nonnull (strstr (all, "episode bad-weeks: review_weeks: 99 is out of range 2–12"));
  g_assert_nonnull (strstr (all, "episode bad-end: end_date: 2026-05-01 is before the injury date 2026-05-02"));
  g_assert_nonnull (strstr (all, "episode bad-side: side:"));
  g_assert_nonnull (strstr (all, "day 2026-10-25: notes: the text holds a NUL character"));
  g_assert_nonnull (strstr (all, "day 2026-10-26: id: the text holds a NUL character"));
  g_assert_nonnull (strstr (all, "treatment of 2026-10-28: kind:"));
  g_assert_nonnull (strstr (all, "treatment of 2026-10-29: time: “25:00” is not a time of day (HH:MM)"));
  g_assert_nonnull (strstr (all, "treatment of 2026-10-30: time: “800” is not a time of day (HH:MM)"));
  g_clear_object (&store);

  /* the command line: no crash, the damage on stderr, exports the importer takes */
  {
    g_auto(KjTestRun) run = { 0 };

    kj_test_run_cli (&run, path, "--summary", "--as-of", "2026-11-01", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, "pain: 99 is out of range"));
    g_assert_null (strstr (run.out, "99"));
  }
  {
    g_auto(KjTestRun) run = { 0 };

    kj_test_run_cli (&run, path, "--summary-json", "--as-of", "2026-11-01", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "\"verdict\""));
  }
  {
    g_auto(KjTestRun) run = { 0 };

    kj_test_run_cli (&run, path, "--export-pdf", pdf, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_auto(KjTestRun) run = { 0 };
    g_autoptr(KjJournal) back = NULL;
    g_autofree char *contents = NULL;
    gsize length;

    kj_test_run_cli (&run, path, "--export-json", json, NULL);
    g_assert_cmpint (run.status, ==, 0);
    contents = kj_test_read_file (json, &length);
    g_assert_true (g_utf8_validate (contents, length, NULL));
    g_assert_null (strstr (contents, "inf"));
    back = kj_json_parse (contents, length, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (back->days->len, ==, journal->days->len);
  }
  {
    g_auto(KjTestRun) run = { 0 };

    kj_test_run_cli (&run, path, "--export-csv", "-", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_null (strstr (run.out, "2026-10-17xyz"));
    g_assert_null (strstr (run.out, "2026-10-15,99"));
    g_assert_null (strstr (run.out, "voodoo"));
  }
}

/* 8. A write-ahead log of another journal beside this one */
static void
test_hostile_stale_wal (void)
{
  g_autofree char *a = make_journal ("wal-a.db", 31, 120);
  g_autofree char *b = kj_test_tmp_path ("wal-b.db");
  g_autofree char *a_wal = sidecar (a, "-wal");
  g_autofree char *b_wal = sidecar (b, "-wal");
  g_autofree char *before = NULL;
  g_autofree char *wal_contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length, wal_length;

  /* b, open and written, has a log with frames */
  {
    g_autoptr(KjStore) other = kj_test_open_new_store ("wal-b.db");
    g_autoptr(KjJournal) journal = kj_gen_journal (32, 150, "worsening", "2026-11-01", NULL);

    g_assert_true (kj_test_exec_sql (b, "PRAGMA wal_autocheckpoint = 0"));
    kj_store_import (other, journal, NULL, &error);
    g_assert_no_error (error);
    wal_contents = kj_test_read_file (b_wal, &length);
    g_assert_cmpuint (length, >, 32 + 4096);
    wal_length = length;
  }

  before = kj_test_sha256_file (a);
  kj_test_write_file (a_wal, wal_contents, length);

  {
    g_autoptr(KjStore) store = kj_store_open (a, &error);

    g_assert_null (store);
    g_assert_nonnull (error);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "-wal"));
    g_clear_error (&error);
  }
  {
    g_auto(KjTestRun) run = { 0 };
    g_autofree char *after = NULL;

    kj_test_run_cli (&run, a, "--export-json", "-", NULL);
    g_assert_cmpint (run.status, ==, 1);
    after = kj_test_sha256_file (a);
    g_assert_cmpstr (before, ==, after);
    g_assert_true (g_file_test (a_wal, G_FILE_TEST_EXISTS));
  }

  /* a log of a few changes to another journal: its pages do not fit this one */
  g_unlink (a_wal);
  {
    g_autofree char *c = make_journal ("wal-c.db", 33, 150);
    g_autofree char *c_wal = sidecar (c, "-wal");
    g_autofree char *c_contents = NULL;
    g_auto(KjTestRun) run = { 0 };
    g_autofree char *after = NULL;
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (c, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0;"
                                       " UPDATE days SET notes = 'changed by another journal';"
                                       " INSERT INTO runs (id, date, distance_km) VALUES ('w', '2026-01-01', 5)",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    c_contents = kj_test_read_file (c_wal, &length);
    sqlite3_close (db);
    kj_test_write_file (a_wal, c_contents, length);

    kj_test_run_cli (&run, a, "--summary", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "-wal"));
    after = kj_test_sha256_file (a);
    g_assert_cmpstr (before, ==, after);
  }

  /* the same log with a -shm file copied beside it, or an empty one: no
   * program uses it (none holds its lock), so it is checked the same way */
  {
    g_autofree char *a_shm = sidecar (a, "-shm");
    g_auto(KjTestRun) run = { 0 };
    g_autofree char *after = NULL;

    kj_test_write_file (a_wal, wal_contents, wal_length);
    kj_test_write_file (a_shm, "", 0);
    kj_test_run_cli (&run, a, "--summary", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "-wal"));
    after = kj_test_sha256_file (a);
    g_assert_cmpstr (before, ==, after);
    g_unlink (a_shm);
  }

  /* a log that a crash left, without its -shm file, is the journal's own: it opens with the log's changes */
  g_unlink (a_wal);
  {
    g_autofree char *a_shm = sidecar (a, "-shm");
    g_autofree char *copy = NULL;
    g_autofree char *copy_wal = NULL;
    g_autofree char *a_contents = NULL;
    g_autofree char *log = NULL;
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (a, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0;"
                                       " UPDATE days SET pain = 3 WHERE date = '2026-10-01'",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    /* as a crash would leave it: the main file and the log, copied while open */
    a_contents = kj_test_read_file (a, &length);
    copy = kj_test_tmp_path ("wal-crashed.db");
    copy_wal = sidecar (copy, "-wal");
    kj_test_write_file (copy, a_contents, length);
    log = kj_test_read_file (a_wal, &length);
    kj_test_write_file (copy_wal, log, length);
    sqlite3_close (db);
    g_assert_false (g_file_test (a_shm, G_FILE_TEST_EXISTS));

    g_assert_cmpint (pain_on (copy, "2026-10-01"), ==, 3);
    kj_test_assert_integrity (copy);
  }
}

/* Two entries for one date, the unique index made to hold them behind
 * SQLite's back: quick_check passes, integrity_check does not */
static void
test_hostile_duplicate_dates (void)
{
  g_autofree char *path = make_journal ("dup-dates.db", 51, 30);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(KjTestRun) run = { 0 };

  g_assert_true (kj_test_exec_sql (path,
    "PRAGMA writable_schema = ON;"
    "UPDATE sqlite_schema SET sql = replace (sql, 'date TEXT NOT NULL UNIQUE', 'date TEXT NOT NULL') WHERE name = 'days';"
    "UPDATE sqlite_schema SET name = 'dup_index', sql = 'CREATE INDEX dup_index ON days (date)'"
    " WHERE name = 'sqlite_autoindex_days_2';"));
  g_assert_true (kj_test_exec_sql (path,
    "INSERT INTO days (id, date, pain) VALUES ('second', '2026-10-20', 3);"
    "PRAGMA writable_schema = ON;"
    "UPDATE sqlite_schema SET sql = replace (sql, 'date TEXT NOT NULL CHECK', 'date TEXT NOT NULL UNIQUE CHECK')"
    " WHERE name = 'days';"
    "UPDATE sqlite_schema SET name = 'sqlite_autoindex_days_2', sql = NULL WHERE name = 'dup_index';"));
  before = kj_test_sha256_file (path);

  store = kj_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "non-unique"));

  kj_test_run_cli (&run, path, "--export-json", "-", NULL);
  g_assert_cmpint (run.status, ==, 1);
  after = kj_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);
}

/* A log left by a crash (no -shm), with ten commits; @damage flips a byte
 * in the page of frame 3, @torn cuts the last frame short */
static char *
crashed_log (const char *name,
             gboolean    damage,
             gboolean    torn)
{
  g_autofree char *source = make_journal ("wal-source.db", 71, 20);
  g_autofree char *source_wal = sidecar (source, "-wal");
  g_autofree char *copy = kj_test_tmp_path (name);
  g_autofree char *copy_wal = sidecar (copy, "-wal");
  g_autofree char *main_file = NULL;
  g_autofree char *log = NULL;
  gsize main_length, log_length;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (source, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL), ==, SQLITE_OK);
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO runs (id, date, distance_km) VALUES ('walrun-%d', "
                                              "'2026-10-%02d', 5)", i, i + 1);

      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  main_file = kj_test_read_file (source, &main_length);
  log = kj_test_read_file (source_wal, &log_length);
  sqlite3_close (db);

  g_assert_cmpuint (log_length, >=, 32 + 10 * (24 + 4096));
  if (damage)
    log[32 + 3 * (24 + 4096) + 24 + 100] ^= 0x01;
  if (torn)
    log_length -= 1000;

  g_unlink (copy);
  kj_test_write_file (copy, main_file, main_length);
  kj_test_write_file (copy_wal, log, log_length);

  return g_steal_pointer (&copy);
}

static int
count_walruns (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KjStore) store = kj_store_open (path, &error);
  g_autoptr(GPtrArray) runs = NULL;
  int n = 0;

  g_assert_no_error (error);
  runs = kj_store_list_runs (store, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < runs->len; i++)
    n += g_str_has_prefix (((KjRun *) g_ptr_array_index (runs, i))->id, "walrun-");

  return n;
}

static void
test_hostile_wal_damaged_midway (void)
{
  /* damaged in the middle: refused, both files as they were */
  {
    g_autofree char *path = crashed_log ("wal-midway.db", TRUE, FALSE);
    g_autofree char *wal = sidecar (path, "-wal");
    g_autofree char *before = kj_test_sha256_file (path);
    g_autofree char *wal_before = kj_test_sha256_file (wal);
    g_autofree char *after = NULL;
    g_autofree char *wal_after = NULL;
    g_auto(KjTestRun) run = { 0 };

    kj_test_run_cli (&run, path, "--summary", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "damaged in the middle"));
    after = kj_test_sha256_file (path);
    wal_after = kj_test_sha256_file (wal);
    g_assert_cmpstr (before, ==, after);
    g_assert_cmpstr (wal_before, ==, wal_after);
  }

  /* torn at the end, as a crash leaves it: opens, with every whole commit */
  {
    g_autofree char *path = crashed_log ("wal-torn.db", FALSE, TRUE);

    g_assert_cmpint (count_walruns (path), ==, 9);
  }

  /* whole: all ten */
  {
    g_autofree char *path = crashed_log ("wal-whole.db", FALSE, FALSE);

    g_assert_cmpint (count_walruns (path), ==, 10);
  }
}

/* 9, 10. Exports aimed at the journal, its log, its backups, a FIFO */
static void
test_hostile_export_targets (void)
{
  g_autofree char *path = make_journal ("export-target.db", 41, 30);
  g_autofree char *folder = kj_backup_folder (path);
  g_autofree char *wal = sidecar (path, "-wal");
  g_autofree char *shm = sidecar (path, "-shm");
  g_autofree char *sym = kj_test_tmp_path ("journal-link.db");
  g_autofree char *hard = kj_test_tmp_path ("journal-hard.db");
  g_autofree char *in_backups = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *text_before = journal_text (path);
  g_autofree char *before = NULL;

  kj_test_remove_tree (folder);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KjStore) store = kj_store_open (path, &error);

    g_assert_no_error (error);
    kj_backup_run (store, "2026-11-02", NULL, &error);
    g_assert_no_error (error);
  }
  backup = g_build_filename (folder, "daily-2026-11-02.db", NULL);
  in_backups = g_build_filename (folder, "export.json", NULL);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_unlink (sym);
  g_unlink (hard);
  g_assert_cmpint (symlink (path, sym), ==, 0);
  before = kj_test_sha256_file (path);

  {
    const char *targets[] = { path, wal, shm, sym, backup, in_backups, folder };
    const char *options[] = { "--export-json", "--export-csv", "--export-pdf" };

    for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
      for (guint o = 0; o < G_N_ELEMENTS (options); o++)
        {
          g_auto(KjTestRun) run = { 0 };
          g_autofree char *after = NULL;

          kj_test_run_cli (&run, path, options[o], targets[t], NULL);
          g_assert_cmpint (run.status, ==, 1);
          g_assert_nonnull (strstr (run.err, "knee-journal: error:"));
          after = kj_test_sha256_file (path);
          g_assert_cmpstr (before, ==, after);
          g_assert_false (g_file_test (in_backups, G_FILE_TEST_EXISTS));
        }
  }
  {
    g_autofree char *text_after = journal_text (path);
    g_autofree char *backup_text = journal_text (backup);

    g_assert_cmpstr (text_before, ==, text_after);
    g_assert_cmpstr (text_before, ==, backup_text);
  }
  /* a subfolder of the backups folder */
  {
    g_autofree char *sub = g_build_filename (folder, "sub", NULL);
    g_autofree char *target = g_build_filename (sub, "x.json", NULL);
    g_auto(KjTestRun) run = { 0 };

    g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
    kj_test_run_cli (&run, path, "--export-json", target, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  }

  /* the journal opened through a link: its log lies beside the link's target */
  {
    g_autofree char *links = kj_test_tmp_path ("links");
    g_autofree char *via = g_build_filename (links, "via-link.db", NULL);
    g_autoptr(KjStore) store = NULL;
    g_autoptr(GError) error = NULL;
    g_auto(KjTestRun) run = { 0 };
    g_autofree char *wal_before = NULL;
    g_autofree char *wal_after = NULL;

    kj_test_remove_tree (links);
    g_assert_cmpint (g_mkdir_with_parents (links, 0700), ==, 0);
    g_assert_cmpint (symlink (path, via), ==, 0);
    store = kj_store_open (path, &error);
    g_assert_no_error (error);
    kj_test_save_pain (store, "2026-11-05", 5);
    g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
    wal_before = kj_test_sha256_file (wal);

    kj_test_run_cli (&run, via, "--export-json", wal, NULL);
    g_assert_cmpint (run.status, ==, 1);
    wal_after = kj_test_sha256_file (wal);
    g_assert_cmpstr (wal_before, ==, wal_after);
    kj_test_remove_tree (links);
  }

  /* a journal with a second name (a hard link) is not opened at all: a
   * program using the other name would keep a log of its own */
  {
    g_auto(KjTestRun) run = { 0 };
    g_autofree char *now = kj_test_sha256_file (path);
    g_autofree char *after = NULL;

    g_assert_cmpint (link (path, hard), ==, 0);
    kj_test_run_cli (&run, path, "--export-json", hard, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "hard link"));
    g_clear_pointer (&run.out, g_free);
    g_clear_pointer (&run.err, g_free);
    kj_test_run_cli (&run, hard, "--summary", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "hard link"));
    after = kj_test_sha256_file (path);
    g_assert_cmpstr (now, ==, after);
    g_unlink (hard);
  }

  /* nor is the journal imported as JSON or GPX: it is not read as a file */
  {
    g_auto(KjTestRun) run = { 0 };

    kj_test_run_cli (&run, path, "--import-json", path, NULL);
    g_assert_cmpint (run.status, ==, 1);
  }
  kj_test_assert_integrity (path);
  kj_test_remove_tree (folder);
}

typedef struct
{
  char   *fifo;
  GString *read;
} FifoReader;

static gpointer
read_fifo (gpointer data)
{
  FifoReader *reader = data;
  char buffer[4096];
  ssize_t n;
  int fd = open (reader->fifo, O_RDONLY);

  g_assert_cmpint (fd, >=, 0);
  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (reader->read, buffer, n);
  close (fd);

  return NULL;
}

static void
test_hostile_export_fifo (void)
{
  g_autofree char *path = make_journal ("fifo.db", 43, 10);
  g_autofree char *fifo = kj_test_tmp_path ("export.fifo");
  FifoReader reader = { fifo, g_string_new (NULL) };
  g_auto(KjTestRun) run = { 0 };
  GThread *thread;
  GStatBuf st;
  int keep_open;

  g_unlink (fifo);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  /* a writer of our own, so that the reader never waits for one forever */
  keep_open = open (fifo, O_RDWR);
  g_assert_cmpint (keep_open, >=, 0);
  thread = g_thread_new ("fifo-reader", read_fifo, &reader);

  kj_test_run_cli (&run, path, "--export-csv", fifo, NULL);
  close (keep_open);
  g_thread_join (thread);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (reader.read->str, "date,pain,"));
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  g_string_free (reader.read, TRUE);
  g_unlink (fifo);
}

/* A pipe that nothing reads: an error at once, not a wait without end */
static void
test_hostile_export_fifo_no_reader (void)
{
  g_autofree char *path = make_journal ("fifo-alone.db", 44, 5);
  g_autofree char *fifo = kj_test_tmp_path ("nobody-reads.fifo");
  g_auto(KjTestRun) run = { 0 };
  GStatBuf st;

  g_unlink (fifo);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  kj_test_run_cli (&run, path, "--export-csv", fifo, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no program is reading"));
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_unlink (fifo);
}

/* /dev/fd/1 and /dev/stdout are standard output: written to, never replaced */
static void
test_hostile_export_named_stdout (void)
{
  g_autofree char *path = make_journal ("named-stdout.db", 45, 5);
  g_auto(KjTestRun) run = { 0 };

  kj_test_run_cli (&run, path, "--export-csv", "/dev/fd/1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "date,pain,"));
  g_assert_null (strstr (run.out, "Exported"));
}

/* The command line's slips: an empty --db, a bad import into a new journal */
static void
test_hostile_cli_slips (void)
{
  g_autofree char *fresh = kj_test_tmp_path ("never-created.db");
  g_autofree char *bad = kj_test_tmp_path ("bad-import.json");

  {
    g_auto(KjTestRun) run = { 0 };

    kj_test_run_cli (&run, NULL, "--db", "", "--summary", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }

  g_unlink (fresh);
  kj_test_write_file (bad, "{ \"format\": \"knee-journal\", \"version\": 1, \"days\": [ { \"id\": \"a\","
                           " \"date\": \"2026-02-30\", \"pain\": 3 } ] }", -1);
  {
    g_auto(KjTestRun) run = { 0 };

    kj_test_run_cli (&run, NULL, "--db", fresh, "--import-json", bad, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(KjTestRun) run = { 0 };

    kj_test_run_cli (&run, NULL, "--db", fresh, "--summary", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "no journal"));
    g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  }
}

/* 11. The smaller ones */
static void
test_hostile_paths (void)
{
  g_autoptr(GError) error = NULL;

  /* a dangling symlink as the journal */
  {
    g_autofree char *link = kj_test_tmp_path ("dangling.db");
    g_autofree char *target = kj_test_tmp_path ("nowhere/journal.db");
    g_autoptr(KjStore) store = NULL;

    g_unlink (link);
    g_assert_cmpint (symlink (target, link), ==, 0);
    store = kj_store_open (link, &error);
    g_assert_null (store);
    g_assert_nonnull (error);
    g_test_message ("%s", error->message);
    g_assert_null (strstr (error->message, "File exists"));
    g_assert_nonnull (strstr (error->message, "link"));
    g_clear_error (&error);
  }

  /* a path longer than SQLite takes: no empty file is left behind */
  {
    g_autofree char *base = kj_test_tmp_path ("long");
    g_autoptr(GString) dir = g_string_new (base);
    g_autofree char *path = NULL;
    g_autoptr(KjStore) store = NULL;

    while (dir->len < 600)
      g_string_append (dir, "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    g_assert_cmpint (g_mkdir_with_parents (dir->str, 0700), ==, 0);
    path = g_build_filename (dir->str, "journal.db", NULL);
    store = kj_store_open (path, &error);
    g_assert_null (store);
    g_assert_nonnull (error);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }

  /* a relative XDG_DATA_HOME is ignored (XDG Base Directory spec) */
  {
    g_autofree char *cwd = kj_test_tmp_path ("cwd");
    g_autofree char *home = kj_test_tmp_path ("home");
    g_autofree char *relative = g_build_filename (cwd, "relative-data", NULL);
    g_autofree char *expected = g_build_filename (home, ".local", "share", "knee-journal", "journal.db", NULL);
    const char *argv[] = { g_getenv ("KJ_BINARY"), "--import-json", NULL, NULL };
    g_autofree char *json = kj_test_tmp_path ("relative.json");
    g_autoptr(KjJournal) journal = kj_gen_journal (5, 3, "improving", "2026-11-01", NULL);
    g_autofree char *text = kj_json_generate (journal, NULL);
    g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
    g_autoptr(GSubprocess) process = NULL;

    kj_test_write_file (json, text, -1);
    argv[2] = json;
    g_mkdir_with_parents (cwd, 0700);
    g_mkdir_with_parents (home, 0700);
    g_subprocess_launcher_set_cwd (launcher, cwd);
    g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", "relative-data", TRUE);
    g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
    g_subprocess_launcher_unsetenv (launcher, "KNEE_JOURNAL_DB");
    process = g_subprocess_launcher_spawnv (launcher, argv, &error);
    g_assert_no_error (error);
    g_subprocess_wait_check (process, NULL, &error);
    g_assert_no_error (error);
    g_assert_false (g_file_test (relative, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  }
}

/* 11. A journal in a read-only place can still be read: summary and exports */
static void
test_hostile_read_only_summary (void)
{
  g_autofree char *dir = kj_test_tmp_path ("ro-summary");
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *command = NULL;
  gboolean mounted = FALSE;

  g_mkdir_with_parents (dir, 0700);
  if (geteuid () == 0)
    {
      command = g_strdup_printf ("mount -t tmpfs -o size=8m,mode=0700 tmpfs '%s'", dir);
      mounted = g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
      g_assert_true (mounted);
      g_clear_pointer (&command, g_free);
    }

  {
    g_autoptr(KjStore) store = kj_store_open (path, NULL);
    g_autoptr(KjJournal) journal = kj_gen_journal (8, 30, "improving", "2026-11-01", NULL);
    g_autoptr(GError) error = NULL;

    kj_store_import (store, journal, NULL, &error);
    g_assert_no_error (error);
  }

  if (mounted)
    command = g_strdup_printf ("mount -o remount,ro '%s'", dir);
  else
    command = g_strdup_printf ("chmod 0555 '%s'", dir);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  g_clear_pointer (&command, g_free);

  {
    g_auto(KjTestRun) run = { 0 };

    kj_test_run_cli (&run, path, "--summary", "--as-of", "2026-11-01", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "2026-11-01"));
  }
  {
    g_auto(KjTestRun) run = { 0 };
    g_auto(GStrv) lines = NULL;

    kj_test_run_cli (&run, path, "--export-csv", "-", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = g_strsplit (run.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), >, 30);
  }

  if (mounted)
    command = g_strdup_printf ("umount '%s'", dir);
  else
    command = g_strdup_printf ("chmod 0700 '%s'", dir);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

/* Triggers are off on every connection: the foreign keys' ON DELETE CASCADE still works */
static void
test_hostile_cascade (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("cascade.db");
  g_autoptr(KjDay) day = kj_day_new ("2026-11-01");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  day->pain = 4;
  kj_day_add_location (day, "right", "pes-anserine");
  g_ptr_array_add (day->symptoms, (gpointer) kj_code_lookup (KJ_CODE_SYMPTOM, "swelling"));
  g_ptr_array_add (day->aggravators, (gpointer) kj_code_lookup (KJ_CODE_AGGRAVATOR, "stairs-down"));
  g_assert_true (kj_store_save_day (store, day, &error));
  id = g_strdup (day->id);
  g_assert_true (kj_store_delete_day (store, id, &error));

  g_assert_cmpint (sqlite3_open (kj_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM day_locations) + (SELECT count(*) FROM "
                                           "day_symptoms) + (SELECT count(*) FROM day_aggravators)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* and undo stores the same entry again */
  g_assert_true (kj_store_save_day (store, day, &error));
  g_assert_no_error (error);
}

/* 11. A read-only folder for an ordinary user (not root, for whom
 * permissions do not hold): SQLite cannot make the -shm file there */
static void
test_hostile_read_only_user (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kj-ro-user-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *binary = g_build_filename (dir, "knee-journal", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GPtrArray *argv = g_ptr_array_new ();
  gsize length;
  int status = -1;

  g_assert_no_error (error);
  {
    g_autoptr(KjStore) store = kj_store_open (path, &error);
    g_autoptr(KjJournal) journal = kj_gen_journal (8, 30, "improving", "2026-11-01", NULL);

    g_assert_no_error (error);
    kj_store_import (store, journal, NULL, &error);
    g_assert_no_error (error);
  }

  /* a copy of the binary in the folder, so that the user can run it */
  contents = kj_test_read_file (g_getenv ("KJ_BINARY"), &length);
  kj_test_write_file (binary, contents, length);
  g_assert_cmpint (g_chmod (binary, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  if (geteuid () == 0)
    {
      g_ptr_array_add (argv, (gpointer) "setpriv");
      g_ptr_array_add (argv, (gpointer) "--reuid=65534");
      g_ptr_array_add (argv, (gpointer) "--regid=65534");
      g_ptr_array_add (argv, (gpointer) "--clear-groups");
    }
  g_ptr_array_add (argv, binary);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, path);
  g_ptr_array_add (argv, (gpointer) "--summary");
  g_ptr_array_add (argv, (gpointer) "--as-of");
  g_ptr_array_add (argv, (gpointer) "2026-11-01");
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync ("/", (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  g_test_message ("stdout: %s\nstderr: %s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "2026-11-01"));
  g_free (contents);
  contents = g_build_filename (dir, "journal.db-shm", NULL);
  g_assert_false (g_file_test (contents, G_FILE_TEST_EXISTS));

  g_ptr_array_free (argv, TRUE);
  g_chmod (dir, 0700);
  kj_test_remove_tree (dir);
}

/* Dates stored past the CHECK that sort after every real date (a letter, a
 * full-width digit): read without bounds, each is reported as damage, as
 * before the range reads went along the date's index. None may vanish from
 * the reading without a word. */
static void
test_hostile_dates_after_9999 (void)
{
  g_autofree char *path = make_journal ("dates-after-9999.db", 23, 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(KjStore) store = NULL;
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GPtrArray) damage = NULL;
  g_autofree char *all = NULL;

  g_assert_true (kj_test_exec_sql (path,
    "PRAGMA ignore_check_constraints = ON;"
    "INSERT INTO days (id, date, pain) VALUES ('day-zzz', 'zzz', 3);"
    "INSERT INTO days (id, date, pain) VALUES ('day-wide', '\xef\xbc\x92" "026-10-13', 4);"
    "INSERT INTO treatments (id, date, kind) VALUES ('ice-zzz', 'zzz', 'ice');"
    "INSERT INTO runs (id, date, distance_km) VALUES ('run-zzz', 'zzz', 5);"
    "INSERT INTO questionnaires (id, date, instrument) VALUES ('kujala-zzz', 'zzz', 'kujala');"));

  store = kj_store_open (path, &error);
  g_assert_no_error (error);
  journal = kj_store_read_journal (store, &error);
  g_assert_no_error (error);

  damage = kj_store_get_damage (store);
  g_ptr_array_add (damage, NULL);
  all = g_strjoinv ("\n", (char **) damage->pdata);
  g_test_message ("damage:\n%s", all);
  g_assert_nonnull (strstr (all, "day day-zzz"));
  g_assert_nonnull (strstr (all, "day day-wide"));
  g_assert_nonnull (strstr (all, "ice-zzz"));
  g_assert_nonnull (strstr (all, "run-zzz"));
  g_assert_nonnull (strstr (all, "kujala-zzz"));
}

/* The quick buttons' medicines with a damaged dose whose drug is another
 * text that only starts like a real one ('ibuprofen' and a NUL): it is a
 * drug of its own, as SQL groups them, and takes nobody's place. Ibuprofen
 * keeps its latest sound dose, as it did when SQL chose the doses. */
static void
test_hostile_last_medicines_nul_drug (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("nul-drug.db");
  g_autofree char *path = g_strdup (kj_store_get_path (store));
  g_autoptr(GPtrArray) last = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_ibuprofen = FALSE;

  g_assert_true (kj_test_exec_sql (path,
    "INSERT INTO treatments (id, date, kind, drug, dose_mg) VALUES ('ibu', '2026-03-02', 'medication', 'ibuprofen', 400);"
    "INSERT INTO treatments (id, date, kind, drug, dose_mg) VALUES ('para', '2026-03-03', 'medication', 'paracetamol', 500);"
    "PRAGMA ignore_check_constraints = ON;"
    "INSERT INTO treatments (id, date, kind, drug, dose_mg)"
    "  VALUES ('ibu-nul', '2026-03-05', 'medication', 'ibuprofen' || char (0) || 'x', 800);"));

  last = kj_store_list_last_medicines (store, "2026-03-08", 3, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < last->len; i++)
    {
      const KjTreatment *t = g_ptr_array_index (last, i);

      g_test_message ("%s %s %d", t->id, t->drug, t->dose_mg);
      g_assert_cmpstr (t->id, !=, "ibu-nul");
      if (g_strcmp0 (t->drug, "ibuprofen") == 0)
        {
          g_assert_cmpstr (t->id, ==, "ibu");
          g_assert_cmpint (t->dose_mg, ==, 400);
          has_ibuprofen = TRUE;
        }
    }
  g_assert_true (has_ibuprofen);
  g_assert_cmpuint (last->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hostile/other-processes", test_hostile_other_processes);
  g_test_add_func ("/hostile/journal-files", test_hostile_journal_files);
  g_test_add_func ("/hostile/trigger-import", test_hostile_trigger_import);
  g_test_add_func ("/hostile/stray-rollback-journal", test_hostile_stray_rollback_journal);
  g_test_add_func ("/hostile/restore", test_hostile_restore);
  g_test_add_func ("/hostile/restores-in-a-second", test_hostile_restores_in_a_second);
  g_test_add_func ("/hostile/writes-during-restores", test_hostile_writes_during_restores);
  g_test_add_func ("/hostile/damaged-rows", test_hostile_damaged_rows);
  g_test_add_func ("/hostile/stale-wal", test_hostile_stale_wal);
  g_test_add_func ("/hostile/export-targets", test_hostile_export_targets);
  g_test_add_func ("/hostile/export-fifo", test_hostile_export_fifo);
  g_test_add_func ("/hostile/paths", test_hostile_paths);
  g_test_add_func ("/hostile/read-only-summary", test_hostile_read_only_summary);
  g_test_add_func ("/hostile/cascade", test_hostile_cascade);
  g_test_add_func ("/hostile/duplicate-dates", test_hostile_duplicate_dates);
  g_test_add_func ("/hostile/wal-damaged-midway", test_hostile_wal_damaged_midway);
  g_test_add_func ("/hostile/export-fifo-no-reader", test_hostile_export_fifo_no_reader);
  g_test_add_func ("/hostile/export-named-stdout", test_hostile_export_named_stdout);
  g_test_add_func ("/hostile/cli-slips", test_hostile_cli_slips);
  g_test_add_func ("/hostile/read-only-user", test_hostile_read_only_user);
  g_test_add_func ("/hostile/dates-after-9999", test_hostile_dates_after_9999);
  g_test_add_func ("/hostile/last-medicines-nul-drug", test_hostile_last_medicines_nul_drug);

  return g_test_run ();
}
