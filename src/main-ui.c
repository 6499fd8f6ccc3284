/* main-ui.c — knee-journal-ui: the window's program, which knee-journal runs in its place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * knee-journal (main.c) has no GTK; when its command line asks for a window,
 * it runs this program with the same arguments, which are read again here:
 * the demo journal is made, the journal's path found and the application
 * run. Run by itself it does all that knee-journal does.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kj-application.h"
#include "kj-cli.h"
#include "kj-demo.h"
#include "kj-reminder-service.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KjApplication) app = NULL;
  g_autofree char *db_path = NULL;
  char *app_argv[] = { argv[0], NULL };
  gboolean demo = FALSE;
  gboolean background = FALSE;
  int status;

  kj_cli_init ();

  /* The headless options (doc/command-line.md) are handled here too, before
   * GTK is touched, so that they work without a display and exit 0/1/2. */
  if (kj_cli_run (argc, argv, &db_path, &demo, &background, NULL, &status))
    return status;

  /* --background: the daily reminder's instance, started at login; nothing
   * to do when reminders are off or the journal is open already */
  if (background && !kj_reminder_service_is_enabled ())
    return KJ_EXIT_OK;

  app = kj_application_new (db_path);
  kj_application_set_demo (app, demo);
  kj_application_set_background (app, background);
  if (background)
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (G_APPLICATION (app), NULL, &error))
        {
          g_printerr ("knee-journal: error: %s\n", error->message);
          return KJ_EXIT_ERROR;
        }
      if (g_application_get_is_remote (G_APPLICATION (app)))
        return KJ_EXIT_OK;
    }

  status = g_application_run (G_APPLICATION (app), 1, app_argv);

  /* the application removes a demo's folder when it shuts down; this is
   * for a run that ended before it started up */
  g_clear_object (&app);
  if (demo)
    kj_demo_remove_folder (db_path, NULL);

  return status;
}
