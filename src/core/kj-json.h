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
char       *kj_json_derive_id      (const char       *seed);
char       *kj_json_generate       (const KjJournal  *journal,
                                    gsize            *length);

/* Where a KjJsonWriter's text goes as it fills its buffer: returns %FALSE
 * with @error when it cannot take it */
typedef gboolean (*KjJsonSink) (const char  *data,
                                gsize        length,
                                gpointer     user_data,
                                GError     **error);

typedef struct _KjJsonWriter KjJsonWriter;

KjJsonWriter *kj_json_writer_new           (KjJsonSink         sink,
                                            gpointer           sink_data);
void          kj_json_writer_free          (KjJsonWriter      *w);
void          kj_json_writer_begin         (KjJsonWriter      *w,
                                            const KjProfile   *profile,
                                            GPtrArray         *episodes);
gboolean      kj_json_writer_add_day       (KjJsonWriter      *w,
                                            const KjDay       *day);
gboolean      kj_json_writer_add_treatment (KjJsonWriter      *w,
                                            const KjTreatment *treatment);
gboolean      kj_json_writer_add_run       (KjJsonWriter      *w,
                                            const KjRun       *run);
gboolean      kj_json_writer_finish        (KjJsonWriter      *w,
                                            GPtrArray         *shoes,
                                            GPtrArray         *questionnaires,
                                            GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjJsonWriter, kj_json_writer_free)

G_END_DECLS
