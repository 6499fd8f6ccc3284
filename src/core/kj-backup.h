/* kj-backup.h — rolling backups of the journal: the last 7 days and the last 4 weeks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kj-store.h"

G_BEGIN_DECLS

#define KJ_BACKUP_DAILY  7
#define KJ_BACKUP_WEEKLY 4

typedef enum
{
  KJ_BACKUP_KIND_DAILY,
  KJ_BACKUP_KIND_WEEKLY,
  KJ_BACKUP_KIND_BEFORE_RESTORE,
} KjBackupKind;

typedef struct
{
  char         *path;
  char          date[11];
  KjBackupKind  kind;
  gint64        size;
} KjBackupInfo;

char      *kj_backup_folder       (const char  *journal_path);
gboolean   kj_backup_run          (KjStore     *store,
                                   const char  *today,
                                   gboolean    *made,
                                   GError     **error);
GPtrArray *kj_backup_list         (const char  *journal_path);
gboolean   kj_backup_restore      (KjStore     *store,
                                   const char  *backup,
                                   char       **safety_copy,
                                   GError     **error);
void       kj_backup_info_free    (KjBackupInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjBackupInfo, kj_backup_info_free)

G_END_DECLS
