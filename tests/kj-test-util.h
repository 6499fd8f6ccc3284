/* kj-test-util.h — helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kj-store.h"

G_BEGIN_DECLS

/* The knee-journal binary run as a subprocess */
typedef struct
{
  int   status;
  char *out;
  char *err;
} KjTestRun;


char     *kj_test_sha256_file   (const char *path);
char     *kj_test_tmp_path      (const char *name);
void      kj_test_write_file    (const char *path,
                                 const char *contents,
                                 gssize      length);
char     *kj_test_read_file     (const char *path,
                                 gsize      *length);
gboolean  kj_test_exec_sql      (const char *path,
                                 const char *sql);
KjStore  *kj_test_open_new_store (const char *name);
void      kj_test_store_journal (const char *path,
                                 KjJournal  *journal);
void      kj_test_remove_tree   (const char *dir);
gboolean  kj_test_has_display   (void);
void      kj_test_assert_integrity (const char *path);
void      kj_test_save_pain     (KjStore    *store,
                                 const char *date,
                                 int         pain);

void      kj_test_run_cli       (KjTestRun  *result,
                                 const char *env_db,
                                 ...) G_GNUC_NULL_TERMINATED;
void      kj_test_run_cli_in    (KjTestRun  *result,
                                 const char *language,
                                 const char *locale,
                                 ...) G_GNUC_NULL_TERMINATED;
void      kj_test_run_clear     (KjTestRun  *result);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KjTestRun, kj_test_run_clear)

G_END_DECLS
