/* kj-file.h — writing export files atomically, at once or as a stream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean kj_file_write_atomic (const char  *path,
                               const char  *journal_path,
                               const char  *contents,
                               gsize        length,
                               GError     **error);

gboolean kj_file_is_stdout    (const char  *path);

typedef struct _KjFileSink KjFileSink;

KjFileSink *kj_file_sink_open   (const char  *path,
                                 const char  *journal_path,
                                 GError     **error);
gboolean    kj_file_sink_write  (KjFileSink  *sink,
                                 const char  *data,
                                 gsize        length,
                                 GError     **error);
gboolean    kj_file_sink_commit (KjFileSink  *sink,
                                 GError     **error);
void        kj_file_sink_abort  (KjFileSink  *sink);

G_END_DECLS
