/* test-autosave-crash.c — SIGKILL while the window autosaves: every confirmed save survives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test starts itself again as a child (`--child JOURNAL`) that opens the
 * real window under Xvfb and edits one day after another on the Today page:
 * a quick pain button, then the pain scale, then a flush; after each flush
 * that stored the edit it prints "DATE PAIN". The parent kills the child
 * with SIGKILL at a random moment, then checks that the journal passes
 * `PRAGMA integrity_check`, opens, and holds every edit the child confirmed.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>

#include "kj-application.h"
#include "kj-store.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-today-page.h"
#include "kj-window.h"

#define N_KILLS 10

static int
run_child (const char *db)
{
  g_autoptr(GApplication) app = NULL;
  KjTodayPage *page;
  KjWindow *window;

  window = KJ_WINDOW (kj_test_open_window (db, 800, 700, &app));
  page = kj_window_get_today_page (window);

  for (guint i = 0; i < 300; i++)
    {
      char date[11];
      int pain = (i * 7) % 11;

      kj_date_add_days ("2026-01-01", i, date);
      kj_window_show_day (window, date);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.log-pain", "u", (i + 3) % 11));
      gtk_adjustment_set_value (kj_today_page_get_pain_adjustment (page), pain);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (kj_today_page_flush (page))
        {
          printf ("%s %d\n", date, pain);
          fflush (stdout);
        }
    }

  /* done before the kill: wait for it, so that every round is a kill */
  for (;;)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}

static char *self_path;

static void
test_autosave_kill (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autofree char *dir = g_dir_make_tmp ("kj-autosave-XXXXXX", NULL);
  guint confirmed_total = 0, killed = 0;

  g_assert_nonnull (dir);

  for (guint round = 0; round < N_KILLS; round++)
    {
      g_autofree char *name = g_strdup_printf ("journal-%u.db", round);
      g_autofree char *db = g_build_filename (dir, name, NULL);
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(KjStore) store = NULL;
      gint64 delay = g_rand_int_range (rand, 300, 2500) * 1000;
      guint confirmed = 0;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                self_path, "--child", db, NULL);
      g_assert_no_error (error);
      g_usleep (delay);
      g_subprocess_send_signal (child, SIGKILL);
      g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error);
      g_assert_no_error (error);
      g_subprocess_wait (child, NULL, NULL);
      if (g_subprocess_get_if_signaled (child))
        killed++;

      if (!g_file_test (db, G_FILE_TEST_EXISTS))
        continue;

      kj_test_assert_integrity (db);
      store = kj_store_open (db, &error);
      g_assert_no_error (error);

      lines = g_strsplit (out != NULL ? out : "", "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autoptr(KjDay) day = NULL;
          char date[11];
          int pain;

          /* a line cut by the kill was not confirmed */
          if (sscanf (lines[i], "%10s %d", date, &pain) != 2 || lines[i + 1] == NULL)
            continue;

          day = kj_store_get_day (store, date, &error);
          g_assert_no_error (error);
          g_assert_nonnull (day);
          g_assert_cmpint (day->pain, ==, pain);
          confirmed++;
        }

      g_test_message ("round %u: killed after %.1f s, %u confirmed saves all present",
                      round, delay / 1e6, confirmed);
      confirmed_total += confirmed;
      g_clear_object (&store);
    }

  g_test_message ("%u kills, %u confirmed saves, all present", killed, confirmed_total);
  g_assert_cmpuint (killed, ==, N_KILLS);
  g_assert_cmpuint (confirmed_total, >, 0);

  kj_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = NULL;
  int status;

  /* the child inherits the parent's HOME and XDG folders */
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  g_test_init (&argc, &argv, NULL);
  tmp = kj_test_gtk_init ();
  self_path = g_canonicalize_filename (argv[0], NULL);

  if (!kj_test_has_display ())
    {
      g_test_skip ("no display: run under xvfb-run (build-aux/test does)");
      return g_test_run ();
    }

  g_test_add_func ("/autosave-crash/kill", test_autosave_kill);

  status = g_test_run ();
  kj_test_remove_tree (tmp);

  return status;
}
