/* kj-programs.c — the programs, each found from the other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * knee-journal is the command line on the core's light part (no GTK, no
 * cairo, Pango or libxml2), so that headless commands start like a small
 * program; a window is opened by knee-journal-ui, and a PDF report or an
 * import of run files by knee-journal-full, which it runs in its place
 * (doc/architecture.md, “Programs”). knee-journal is in <bindir>, the
 * others in <libexecdir>; in a build tree all are in src/. Installed under
 * another root (meson install --destdir, a package unpacked with dpkg -x)
 * each finds the other under the same root.
 */
#include "config.h"

#include <string.h>

#include "kj-programs.h"

/* @name in @dir when it is a program there, else NULL */
static char *
program_in (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_IS_EXECUTABLE) && !g_file_test (path, G_FILE_TEST_IS_DIR)
         ? g_steal_pointer (&path) : NULL;
}

/* @name, whose installed folder is @dir, seen from the running program,
 * whose installed folder is @own_dir */
static char *
find_program (const char *name,
              const char *dir,
              const char *own_dir)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  char *found;

  if (self != NULL && !g_str_has_suffix (self, " (deleted)"))
    {
      g_autofree char *self_dir = g_path_get_dirname (self);

      /* a build tree: side by side */
      if ((found = program_in (self_dir, name)) != NULL)
        return found;

      /* installed, perhaps under another root: the same root */
      if (g_str_has_suffix (self_dir, own_dir))
        {
          g_autofree char *root = g_strndup (self_dir, strlen (self_dir) - strlen (own_dir));
          g_autofree char *under_root = g_build_filename (root[0] != '\0' ? root : "/", dir, NULL);

          if ((found = program_in (under_root, name)) != NULL)
            return found;
        }
    }

  return g_build_filename (dir, name, NULL);
}

/**
 * kj_programs_find_ui:
 *
 * Returns: (transfer full): the path of knee-journal-ui, the program of the
 *   window, for knee-journal to run
 */
char *
kj_programs_find_ui (void)
{
  return find_program (KJ_PROGRAM_UI, LIBEXECDIR, BINDIR);
}

/**
 * kj_programs_find_cli:
 *
 * Returns: (transfer full): the path of knee-journal, seen from
 *   knee-journal-ui (what login starts for the daily reminder)
 */
char *
kj_programs_find_cli (void)
{
  return find_program (KJ_PROGRAM_CLI, BINDIR, LIBEXECDIR);
}

/**
 * kj_programs_find_full:
 *
 * Returns: (transfer full): the path of knee-journal-full, the command line
 *   on the whole core, for knee-journal to run for --export-pdf and
 *   --import-runs
 */
char *
kj_programs_find_full (void)
{
  return find_program (KJ_PROGRAM_FULL, LIBEXECDIR, BINDIR);
}
