/* kj-test-util.c — helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kj-test-util.h"

/* The SHA-256 of a file's bytes, or "missing". */
char *
kj_test_sha256_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("missing");

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* A path in the test's private temporary folder (G_TEST_OPTION_ISOLATE_DIRS). */
char *
kj_test_tmp_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "kj-test", NULL);

  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, name, NULL);
}

void
kj_test_write_file (const char *path,
                    const char *contents,
                    gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

char *
kj_test_read_file (const char *path,
                   gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* Runs SQL on a database file directly, as another program would. */
gboolean
kj_test_exec_sql (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open (path, &db);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);

  return rc == SQLITE_OK;
}

/* A new, empty journal called @name in the test's temporary folder. */
KjStore *
kj_test_open_new_store (const char *name)
{
  g_autofree char *path = kj_test_tmp_path (name);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  KjStore *store;

  g_unlink (path);
  g_unlink (wal);
  store = kj_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

/* Imports @journal into the journal at @path (made when there is none). */
void
kj_test_store_journal (const char *path,
                       KjJournal  *journal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KjStore) store = kj_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (journal);
  g_assert_true (kj_store_import (store, journal, NULL, &error));
  g_assert_no_error (error);
}

/* Removes @dir and everything in it. */
void
kj_test_remove_tree (const char *dir)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);

  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

/* Asserts that SQLite finds the database at @path whole. */
void
kj_test_assert_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

void
kj_test_run_clear (KjTestRun *result)
{
  g_free (result->out);
  g_free (result->err);
}

/* Runs knee-journal with @args in @locale and, unless NULL, @language */
static void
run_cli_valist (KjTestRun   *result,
                const char  *env_db,
                const char  *locale,
                const char  *language,
                va_list      args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;

  g_ptr_array_add (argv, (gpointer) g_getenv ("KJ_BINARY"));
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  if (env_db != NULL)
    g_subprocess_launcher_setenv (launcher, "KNEE_JOURNAL_DB", env_db, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "KNEE_JOURNAL_DB");
  if (language != NULL)
    g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", locale, TRUE);
  g_subprocess_launcher_setenv (launcher, "TZ", "UTC", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  /* no display: the headless options must not need one */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, NULL);
  result->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;

  g_test_message ("status %d\nstdout: %s\nstderr: %s", result->status, result->out, result->err);
}

/* Stores @pain on @date, in the entry that date has or a new one */
void
kj_test_save_pain (KjStore    *store,
                   const char *date,
                   int         pain)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KjDay) day = kj_store_get_day (store, date, &error);

  g_assert_no_error (error);
  if (day == NULL)
    day = kj_day_new (date);
  day->pain = pain;
  kj_store_save_day (store, day, &error);
  g_assert_no_error (error);
}

/* Runs knee-journal with @args (NULL-terminated); @env_db sets KNEE_JOURNAL_DB. */
void
kj_test_run_cli (KjTestRun   *result,
                 const char  *env_db,
                 ...)
{
  va_list args;

  va_start (args, env_db);
  run_cli_valist (result, env_db, "C.UTF-8", NULL, args);
  va_end (args);
}

/* Runs knee-journal with @args (NULL-terminated) in @language (LANGUAGE)
 * and @locale (LC_ALL), on the default journal */
void
kj_test_run_cli_in (KjTestRun   *result,
                    const char  *language,
                    const char  *locale,
                    ...)
{
  va_list args;

  va_start (args, locale);
  run_cli_valist (result, NULL, locale, language, args);
  va_end (args);
}

/* Whether there is a display to open windows on */
gboolean
kj_test_has_display (void)
{
  return g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL;
}
