/* kj-cli.h — the command line of doc/command-line.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KJ_EXIT_OK     0
#define KJ_EXIT_ERROR  1
#define KJ_EXIT_USAGE  2

void      kj_cli_init            (void);
char     *kj_cli_resolve_db_path (const char  *option,
                                  GError     **error);
gboolean  kj_cli_run             (int          argc,
                                  char       **argv,
                                  char       **gui_db_path,
                                  gboolean    *demo,
                                  gboolean    *background,
                                  const char **program,
                                  int         *exit_status);

G_END_DECLS
