/* kj-json.h — the journal JSON of doc/journal-format.md, “Journal JSON”
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kj-types.h"

G_BEGIN_DECLS

#define KJ_JSON_FORMAT          "knee-journal"
#define KJ_JSON_VERSION         3
#define KJ_JSON_MAX_FILE_SIZE   (100 * 1024 * 1024)

#define KJ_IMPORT_ERROR (kj_import_error_quark ())

typedef enum
{
  KJ_IMPORT_ERROR_EMPTY,
  KJ_IMPORT_ERROR_TOO_LARGE,
  KJ_IMPORT_ERROR_ENCODING,
  KJ_IMPORT_ERROR_SYNTAX,
  KJ_IMPORT_ERROR_FORMAT,
  KJ_IMPORT_ERROR_TOO_NEW,
  KJ_IMPORT_ERROR_INVALID,
} KjImportError;

GQuark      kj_import_error_quark  (void);

KjJournal  *kj_json_parse          (const char       *data,
                                    gsize             length,
                                    GError          **error);
KjJournal  *kj_json_parse_file     (const char       *path,
                                    GError          **error);
char       *kj_json_generate       (const KjJournal  *journal,
                                    gsize            *length);

G_END_DECLS
