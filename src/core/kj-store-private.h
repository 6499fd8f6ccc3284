/* kj-store-private.h — shared by kj-store.c and kj-store-file.c, not a public API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include <sys/types.h>

#include "kj-store.h"

G_BEGIN_DECLS

/* How long a connection waits for another program's lock */
#define KJ_STORE_BUSY_TIMEOUT_MS 5000

/* What a file is looked at as: the words of a refusal depend on it */
typedef enum
{
  KJ_FILE_ROLE_JOURNAL,
  KJ_FILE_ROLE_BACKUP,
} KjFileRole;

typedef struct
{
  int       user_version;
  gboolean  blank;          /* an SQLite file with nothing in it yet */
} KjFileInfo;

void      kj_store_set_sqlite_error  (GError     **error,
                                      sqlite3     *db,
                                      int          rc,
                                      const char  *path);
void      kj_store_harden_connection (sqlite3     *db);
int       kj_store_query_int         (sqlite3     *db,
                                      const char  *sql,
                                      int         *out);
void      kj_store_refuse_file       (GError     **error,
                                      int          code,
                                      KjFileRole   role,
                                      const char  *message);
void      kj_store_file_opened       (dev_t        device,
                                      ino_t        inode);
void      kj_store_file_closed       (dev_t        device,
                                      ino_t        inode);
gboolean  kj_store_file_is_open_here (const char  *path);
gboolean  kj_store_inspect_file      (const char  *path,
                                      KjFileRole   role,
                                      KjFileInfo  *info,
                                      GError     **error);

G_END_DECLS
