/* test-demo.c — `knee-journal --demo`: says it is a demo, and leaves nothing behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "kj-application.h"
#include "kj-demo.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-window.h"

static char *tmp;

/* A visible label under @root whose text starts with @text */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), text))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The window of a demo says that nothing is kept; another journal's does not. */
static void
test_demo_banner (void)
{
  g_autofree char *dir = g_build_filename (tmp, "knee-journal-demo-banner", NULL);
  g_autofree char *db = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *other_db = g_build_filename (tmp, "other.db", NULL);
  g_autoptr(KjApplication) app = NULL;
  g_autoptr(KjApplication) other = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  app = kj_application_new (db);
  kj_application_set_demo (app, TRUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gtk_window_set_default_size (window, 900, 600);
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, window));
  kj_test_settle ();

  g_assert_cmpstr (gtk_window_get_title (window), ==, "Knee Journal (Demo)");
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Demo journal — nothing you enter is kept."));
  kj_test_save_screenshot (GTK_WIDGET (window), "demo-window");
  gtk_window_destroy (window);

  other = kj_application_new (other_db);
  g_assert_true (g_application_register (G_APPLICATION (other), NULL, &error));
  g_application_activate (G_APPLICATION (other));
  window = gtk_application_get_active_window (GTK_APPLICATION (other));
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, window));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Knee Journal");
  g_assert_null (find_label (GTK_WIDGET (window), "Demo journal"));
  gtk_window_destroy (window);
  kj_test_settle ();
}

/* The demo folder under @tmpdir, once its journal is there */
static char *
find_demo_folder (const char *tmpdir)
{
  g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "knee-journal-demo-"))
      return g_build_filename (tmpdir, name, NULL);

  return NULL;
}

/* the application id of a journal other than the default (kj-application.c) */
static char *
app_id_for (const char *db)
{
  g_autofree char *resolved = realpath (db, NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, resolved, -1);

  return g_strdup_printf ("%s.Journal%.16s", APP_ID, hash);
}

typedef struct
{
  GDBusConnection *bus;
  const char      *name;
} NameWait;

static gboolean
name_has_owner (gpointer data)
{
  NameWait *wait = data;
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (wait->bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner", g_variant_new ("(s)", wait->name),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

static gboolean
folder_has_journal (gpointer data)
{
  g_autofree char *folder = find_demo_folder (data);
  g_autofree char *db = folder ? g_build_filename (folder, "journal.db", NULL) : NULL;

  return db != NULL && g_file_test (db, G_FILE_TEST_EXISTS);
}

static void
wait_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *(gboolean *) user_data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

typedef enum
{
  STOP_QUIT_ACTION,
  STOP_SIGTERM,
} StopBy;

/* Runs `knee-journal --demo` with a private TMPDIR, stops it as @stop says
 * once its window is up, and checks that the folder is gone. */
static void
run_demo_and_stop (StopBy stop)
{
  g_autofree char *tmpdir = g_build_filename (tmp, stop == STOP_SIGTERM ? "tmp-sigterm" : "tmp-quit", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *db = NULL;
  g_autofree char *app_id = NULL;
  g_autofree char *left = NULL;
  gboolean exited = FALSE;
  NameWait wait;

  g_assert_cmpint (g_mkdir_with_parents (tmpdir, 0700), ==, 0);
  g_subprocess_launcher_setenv (launcher, "TMPDIR", tmpdir, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "KNEE_JOURNAL_DB");
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("KJ_BINARY"), "--demo", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, wait_done, &exited);

  g_assert_true (kj_test_wait_until (folder_has_journal, tmpdir));
  folder = find_demo_folder (tmpdir);
  db = g_build_filename (folder, "journal.db", NULL);
  app_id = app_id_for (db);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  wait.bus = bus;
  wait.name = app_id;
  g_assert_true (kj_test_wait_until (name_has_owner, &wait));
  /* the window is up and has been drawn for a moment */
  g_usleep (G_USEC_PER_SEC);
  g_assert_false (exited);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  if (stop == STOP_QUIT_ACTION)
    {
      g_autofree char *path = g_strdelimit (g_strconcat ("/", app_id, NULL), ".", '/');
      g_autoptr(GVariant) reply = NULL;

      reply = g_dbus_connection_call_sync (bus, app_id, path, "org.freedesktop.Application", "ActivateAction",
                                           g_variant_new ("(s@av@a{sv})", "quit",
                                                          g_variant_new_array (G_VARIANT_TYPE_VARIANT, NULL, 0),
                                                          g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0)),
                                           NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
      g_assert_no_error (error);
    }
  else
    g_subprocess_send_signal (process, SIGTERM);

  g_assert_true (kj_test_wait_until (flag_set, &exited));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  /* nothing is left: not the journal, its logs, nor the folder */
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  left = find_demo_folder (tmpdir);
  g_assert_null (left);
}

static void
test_demo_quit_removes_folder (void)
{
  run_demo_and_stop (STOP_QUIT_ACTION);
}

static void
test_demo_sigterm_removes_folder (void)
{
  run_demo_and_stop (STOP_SIGTERM);
}

/* Only a demo's own folder is ever removed */
static void
test_demo_remove_only_demo (void)
{
  g_autofree char *dir = g_build_filename (tmp, "not-a-demo", NULL);
  g_autofree char *db = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *demo_dir = g_build_filename (tmp, "knee-journal-demo-AbC123", NULL);
  g_autofree char *demo_db = g_build_filename (demo_dir, "journal.db", NULL);
  g_autofree char *backups = g_build_filename (demo_dir, "journal.db.backups", NULL);
  g_autofree char *backup = g_build_filename (backups, "daily-2026-03-04.db", NULL);
  g_autofree char *link = g_build_filename (demo_dir, "link", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  kj_test_write_file (db, "x", 1);
  g_assert_true (kj_demo_remove_folder (db, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));

  /* a link inside is removed, not followed */
  g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
  kj_test_write_file (demo_db, "x", 1);
  kj_test_write_file (backup, "x", 1);
  g_assert_cmpint (symlink (dir, link), ==, 0);
  g_assert_true (kj_demo_remove_folder (demo_db, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (demo_dir, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));

  /* gone already: no error */
  g_assert_true (kj_demo_remove_folder (demo_db, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp = kj_test_gtk_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/remove-only-demo", test_demo_remove_only_demo);
  if (!kj_test_has_display ())
    g_test_skip ("no display: run under xvfb-run (build-aux/test does)");
  else
    {
      g_test_add_func ("/demo/banner", test_demo_banner);
      g_test_add_func ("/demo/quit-removes-folder", test_demo_quit_removes_folder);
      g_test_add_func ("/demo/sigterm-removes-folder", test_demo_sigterm_removes_folder);
    }

  status = g_test_run ();
  kj_test_remove_tree (tmp);
  g_free (tmp);

  return status;
}
