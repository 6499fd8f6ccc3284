/* main.c — knee-journal (and knee-journal-full): the command line, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * knee-journal links the core's light part only, so that `--version`,
 * `--summary-json`, the JSON and CSV imports and exports start without
 * loading GTK and libadwaita (some 75 libraries), or cairo, Pango and
 * libxml2 (some 30 more). When the command line asks for a window,
 * knee-journal-ui (main-ui.c) takes this process's place; for --export-pdf
 * and --import-runs, knee-journal-full (this file on the whole core, which
 * does them and the other options of the call). exec() keeps the process
 * id, the arguments, the environment and the exit status, so that whoever
 * started knee-journal (a desktop launcher, a login's autostart, a test)
 * sees no difference.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "kj-cli.h"
#include "kj-programs.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  const char *program = NULL;
  int saved_errno;
  int status;

  kj_cli_init ();

  /* usage errors, --version and the headless options: done here */
  if (kj_cli_run (argc, argv, NULL, NULL, NULL, &program, &status))
    return status;

  path = g_strcmp0 (program, KJ_PROGRAM_FULL) == 0 ? kj_programs_find_full () : kj_programs_find_ui ();
  execv (path, argv);

  saved_errno = errno;
  {
    g_autofree char *display = g_filename_display_name (path);

    g_printerr ("%s: %s ", g_get_prgname (), _("error:"));
    if (g_strcmp0 (program, KJ_PROGRAM_FULL) == 0)
      /* Translators: “The program of PDF reports and run files “/usr/libexec/knee-journal-full” cannot be started: No such file or directory” */
      g_printerr (_("The program of PDF reports and run files “%s” cannot be started: %s"), display,
                  g_strerror (saved_errno));
    else
      /* Translators: “The window’s program “/usr/libexec/knee-journal-ui” cannot be started: No such file or directory” */
      g_printerr (_("The window’s program “%s” cannot be started: %s"), display, g_strerror (saved_errno));
    g_printerr ("\n");
  }

  return KJ_EXIT_ERROR;
}
