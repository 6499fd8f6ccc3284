/* main.c — knee-journal: the command line, without GTK; a window by knee-journal-ui
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This program links the core only, so that `--version`, `--summary-json`,
 * the imports and exports start without loading GTK and libadwaita (some
 * 75 libraries). When the command line asks for a window, knee-journal-ui
 * (main-ui.c) takes this process's place: exec() keeps the process id, the
 * arguments, the environment and the exit status, so that whoever started
 * knee-journal (a desktop launcher, a login's autostart, a test) sees no
 * difference.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <unistd.h>

#include "kj-cli.h"
#include "kj-programs.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *ui = NULL;
  const char *localedir = g_getenv ("KJ_LOCALEDIR");
  int saved_errno;
  int status;

  /* KJ_LOCALEDIR: the build tree's translations (build-aux/run, meson
   * devenv and the tests set it); else the installed ones. */
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("knee-journal");
  g_set_application_name (_("Knee Journal"));

  /* usage errors, --version and the headless options: done here */
  if (kj_cli_run (argc, argv, NULL, NULL, NULL, &status))
    return status;

  ui = kj_programs_find_ui ();
  execv (ui, argv);

  saved_errno = errno;
  {
    g_autofree char *display = g_filename_display_name (ui);

    g_printerr ("%s: %s ", g_get_prgname (), _("error:"));
    /* Translators: “The window’s program “/usr/libexec/knee-journal-ui” cannot be started: No such file or directory” */
    g_printerr (_("The window’s program “%s” cannot be started: %s"), display, g_strerror (saved_errno));
    g_printerr ("\n");
  }

  return KJ_EXIT_ERROR;
}
