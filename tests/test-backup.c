/* test-backup.c — rolling backups and restoring one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "kj-backup.h"
#include "kj-store.h"
#include "kj-test-util.h"

static int
pain_on (KjStore    *store,
         const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KjDay) day = kj_store_get_day (store, date, &error);

  g_assert_no_error (error);
  return day == NULL ? -1 : day->pain;
}

static guint
count (GPtrArray    *list,
       KjBackupKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < list->len; i++)
    n += ((KjBackupInfo *) g_ptr_array_index (list, i))->kind == kind;

  return n;
}

/* 40 days of opening the journal keep the newest 7 daily and 4 weekly copies */
static void
test_backup_rotation (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("rotation.db");
  g_autofree char *folder = kj_backup_folder (kj_store_get_path (store));
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  KjBackupInfo *newest, *oldest_daily = NULL;
  gboolean made;
  GStatBuf st;
  GDate date;

  kj_test_remove_tree (folder);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_OCTOBER, 2026);

  for (int i = 0; i < 40; i++, g_date_add_days (&date, 1))
    {
      char today[11];

      kj_date_from_gdate (&date, today);
      kj_test_save_pain (store, today, i % 11);
      g_assert_true (kj_backup_run (store, today, &made, &error));
      g_assert_no_error (error);
      g_assert_true (made);

      /* a second run the same day makes nothing */
      g_assert_true (kj_backup_run (store, today, &made, &error));
      g_assert_false (made);
    }

  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  list = kj_backup_list (kj_store_get_path (store));
  g_assert_cmpuint (count (list, KJ_BACKUP_KIND_DAILY), ==, KJ_BACKUP_DAILY);
  g_assert_cmpuint (count (list, KJ_BACKUP_KIND_WEEKLY), ==, KJ_BACKUP_WEEKLY);

  newest = g_ptr_array_index (list, 0);
  g_assert_cmpstr (newest->date, ==, "2026-11-09");
  g_assert_cmpint (newest->kind, ==, KJ_BACKUP_KIND_DAILY);
  g_assert_cmpint (newest->size, >, 0);

  for (guint i = 0; i < list->len; i++)
    {
      KjBackupInfo *info = g_ptr_array_index (list, i);

      g_assert_cmpint (g_stat (info->path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      if (info->kind == KJ_BACKUP_KIND_DAILY)
        oldest_daily = info;
      else
        {
          GDate monday;

          /* weekly copies are filed under the week's Monday */
          g_assert_true (kj_date_to_gdate (info->date, &monday));
          g_assert_cmpint (g_date_get_weekday (&monday), ==, G_DATE_MONDAY);
        }
    }
  g_assert_nonnull (oldest_daily);
  g_assert_cmpstr (oldest_daily->date, ==, "2026-11-03");

  /* the copy holds the journal as it was that day */
  {
    g_autoptr(KjStore) copy = kj_store_open (oldest_daily->path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (pain_on (copy, "2026-11-03"), ==, 33 % 11);
    g_assert_cmpint (pain_on (copy, "2026-11-04"), ==, -1);
  }

  kj_test_remove_tree (folder);
}

static void
test_backup_restore (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("restore.db");
  g_autofree char *folder = kj_backup_folder (kj_store_get_path (store));
  g_autofree char *safety = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  KjBackupInfo *info;

  kj_test_remove_tree (folder);
  kj_test_save_pain (store, "2026-11-01", 4);
  g_assert_true (kj_backup_run (store, "2026-11-01", NULL, &error));
  g_assert_no_error (error);

  /* later: a day changed and one added */
  kj_test_save_pain (store, "2026-11-01", 9);
  kj_test_save_pain (store, "2026-11-02", 7);

  list = kj_backup_list (kj_store_get_path (store));
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpuint (count (list, KJ_BACKUP_KIND_DAILY), ==, 1);
  g_assert_cmpuint (count (list, KJ_BACKUP_KIND_WEEKLY), ==, 1);
  info = g_ptr_array_index (list, 0);
  g_assert_cmpint (info->kind, ==, KJ_BACKUP_KIND_DAILY);

  g_assert_true (kj_backup_restore (store, info->path, &safety, &error));
  g_assert_no_error (error);

  /* the store in use sees the backup at once */
  g_assert_cmpint (pain_on (store, "2026-11-01"), ==, 4);
  g_assert_cmpint (pain_on (store, "2026-11-02"), ==, -1);
  kj_test_save_pain (store, "2026-11-03", 2);
  g_assert_cmpint (pain_on (store, "2026-11-03"), ==, 2);

  /* the journal as it was before the restore is kept */
  g_assert_nonnull (safety);
  g_assert_true (g_str_has_prefix (safety, folder));
  {
    g_autoptr(KjStore) before = kj_store_open (safety, &error);

    g_assert_no_error (error);
    g_assert_cmpint (pain_on (before, "2026-11-01"), ==, 9);
    g_assert_cmpint (pain_on (before, "2026-11-02"), ==, 7);
  }

  /* it is listed, so that the restore can be undone, and rotation keeps it */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = kj_backup_list (kj_store_get_path (store));
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpuint (count (list, KJ_BACKUP_KIND_BEFORE_RESTORE), ==, 1);
  g_assert_true (kj_backup_run (store, "2026-12-30", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = kj_backup_list (kj_store_get_path (store));
  g_assert_cmpuint (count (list, KJ_BACKUP_KIND_BEFORE_RESTORE), ==, 1);
  g_assert_cmpuint (count (list, KJ_BACKUP_KIND_DAILY), ==, 2);

  kj_test_remove_tree (folder);
}

/* the list @list has @n entries; frees it */
static void
assert_len (GPtrArray *list,
            guint      n)
{
  g_assert_nonnull (list);
  g_assert_cmpuint (list->len, ==, n);
  g_ptr_array_unref (list);
}

/* A restore gives back the journal of the backup, all of it: a pair of shoes, an episode and a
 * questionnaire added after the backup are gone afterwards, as a day added after it is */
static void
test_backup_restore_whole_journal (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("restore-whole.db");
  const char *path = kj_store_get_path (store);
  g_autofree char *folder = kj_backup_folder (path);
  g_autofree char *safety = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  guint n_episodes;

  kj_test_remove_tree (folder);
  kj_test_save_pain (store, "2026-11-01", 4);
  list = kj_store_list_episodes (store, &error);
  g_assert_no_error (error);
  n_episodes = list->len;
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (kj_backup_run (store, "2026-11-01", NULL, &error));
  g_assert_no_error (error);

  /* later: a day, a pair of shoes, an episode and a questionnaire */
  kj_test_save_pain (store, "2026-11-02", 7);
  g_assert_true (kj_test_exec_sql (path,
                                   "INSERT INTO shoes (id, name) VALUES ('later-shoe', 'Later pair');"
                                   "INSERT INTO episodes (id, side, injury_date) VALUES ('later-episode', 'left',"
                                   " '2026-11-02');"
                                   "INSERT INTO questionnaires (id, date, instrument) VALUES ('later-q', '2026-11-02',"
                                   " 'kujala');"));
  assert_len (kj_store_list_shoes (store, &error), 1);
  g_assert_no_error (error);

  list = kj_backup_list (path);
  g_assert_cmpuint (count (list, KJ_BACKUP_KIND_DAILY), ==, 1);
  g_assert_true (kj_backup_restore (store, ((KjBackupInfo *) g_ptr_array_index (list, 0))->path, &safety, &error));
  g_assert_no_error (error);

  g_assert_cmpint (pain_on (store, "2026-11-02"), ==, -1);
  assert_len (kj_store_list_shoes (store, &error), 0);
  g_assert_no_error (error);
  assert_len (kj_store_list_episodes (store, &error), n_episodes);
  g_assert_no_error (error);
  assert_len (kj_store_list_questionnaires (store, NULL, NULL, &error), 0);
  g_assert_no_error (error);

  kj_test_remove_tree (folder);
}

/* A pair of shoes deleted after the backup comes back with the restore, with the runs in it (the backup's
 * runs name it; the restore failed with “FOREIGN KEY constraint failed” instead) */
static void
test_backup_restore_deleted_shoe (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("restore-deleted-shoe.db");
  const char *path = kj_store_get_path (store);
  g_autofree char *folder = kj_backup_folder (path);
  g_autofree char *safety = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) shoes = NULL;
  g_autoptr(GError) error = NULL;

  kj_test_remove_tree (folder);
  kj_test_save_pain (store, "2026-11-01", 4);
  g_assert_true (kj_test_exec_sql (path,
                                   "INSERT INTO shoes (id, name) VALUES ('old-shoe', 'Old pair');"
                                   "INSERT INTO runs (id, date, distance_km, shoe_id) VALUES ('run-1', '2026-11-01', 5.0,"
                                   " 'old-shoe');"));
  g_assert_true (kj_backup_run (store, "2026-11-01", NULL, &error));
  g_assert_no_error (error);

  g_assert_true (kj_store_delete_shoe (store, "old-shoe", &error));
  g_assert_no_error (error);

  list = kj_backup_list (path);
  g_assert_true (kj_backup_restore (store, ((KjBackupInfo *) g_ptr_array_index (list, 0))->path, &safety, &error));
  g_assert_no_error (error);

  shoes = kj_store_list_shoes (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoes->len, ==, 1);

  kj_test_remove_tree (folder);
}

/* The run files of the backup (schema 7) are known again after the restore: a file imported before the
 * backup is skipped unread, as it was before the restore */
static void
test_backup_restore_run_files (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("restore-run-files.db");
  const char *path = kj_store_get_path (store);
  g_autofree char *folder = kj_backup_folder (path);
  g_autofree char *safety = NULL;
  g_autofree char *file_hash = g_strnfill (64, 'a');
  g_autofree char *sql = g_strdup_printf ("INSERT INTO runs (id, date, distance_km, track_hash) VALUES"
                                          " ('run-1', '2026-11-01', 5.0, '%s');"
                                          "INSERT INTO run_files (hash, run_id) VALUES ('%s', 'run-1');",
                                          "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", file_hash);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  char date[11] = "";
  gboolean found = FALSE;

  kj_test_remove_tree (folder);
  kj_test_save_pain (store, "2026-11-01", 4);
  g_assert_true (kj_test_exec_sql (path, sql));
  g_assert_true (kj_store_find_run_file (store, file_hash, &found, date, &error));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_true (kj_backup_run (store, "2026-11-01", NULL, &error));
  g_assert_no_error (error);

  list = kj_backup_list (path);
  g_assert_true (kj_backup_restore (store, ((KjBackupInfo *) g_ptr_array_index (list, 0))->path, &safety, &error));
  g_assert_no_error (error);

  found = FALSE;
  g_assert_true (kj_store_find_run_file (store, file_hash, &found, date, &error));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpstr (date, ==, "2026-11-01");

  kj_test_remove_tree (folder);
}

/* a file that is not a journal, a journal from a newer version, a missing or
 * truncated file: a clear error, the journal unchanged and no safety copy */
static void
test_backup_restore_refusals (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("refuse.db");
  g_autofree char *folder = kj_backup_folder (kj_store_get_path (store));
  g_autofree char *text = kj_test_tmp_path ("not-a-backup.db");
  g_autofree char *newer = kj_test_tmp_path ("newer-backup.db");
  g_autofree char *truncated = kj_test_tmp_path ("truncated-backup.db");
  g_autofree char *good = kj_test_tmp_path ("good-backup.db");
  g_autofree char *missing = kj_test_tmp_path ("missing-backup.db");
  g_autofree char *before = NULL;
  g_autofree char *contents = NULL;
  const char *hostile[] = { text, newer, truncated, missing };
  gsize length;

  kj_test_remove_tree (folder);
  kj_test_save_pain (store, "2026-11-01", 5);

  kj_test_write_file (text, "date,pain\n2026-11-01,3\n", -1);

  g_unlink (newer);
  {
    g_autoptr(KjStore) other = kj_test_open_new_store ("newer-backup.db");
  }
  g_assert_true (kj_test_exec_sql (newer, "PRAGMA user_version = 99"));

  g_unlink (good);
  {
    g_autoptr(KjStore) other = kj_test_open_new_store ("good-backup.db");
    kj_test_save_pain (other, "2026-10-01", 1);
  }
  contents = kj_test_read_file (good, &length);
  g_assert_cmpuint (length, >, 4096);
  kj_test_write_file (truncated, contents, length / 2 + 100);
  g_unlink (missing);

  before = kj_test_sha256_file (kj_store_get_path (store));

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *safety = NULL;
      g_autofree char *after = NULL;

      g_test_message ("restoring %s", hostile[i]);
      g_assert_false (kj_backup_restore (store, hostile[i], &safety, &error));
      g_assert_nonnull (error);
      g_assert_cmpuint (strlen (error->message), >, 10);
      g_assert_null (safety);
      g_assert_cmpint (pain_on (store, "2026-11-01"), ==, 5);

      after = kj_test_sha256_file (kj_store_get_path (store));
      g_assert_cmpstr (after, ==, before);
    }

  kj_test_remove_tree (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/backup/rotation", test_backup_rotation);
  g_test_add_func ("/backup/restore", test_backup_restore);
  g_test_add_func ("/backup/restore-refusals", test_backup_restore_refusals);
  g_test_add_func ("/backup/restore-whole-journal", test_backup_restore_whole_journal);
  g_test_add_func ("/backup/restore-deleted-shoe", test_backup_restore_deleted_shoe);
  g_test_add_func ("/backup/restore-run-files", test_backup_restore_run_files);

  return g_test_run ();
}
