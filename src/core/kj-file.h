/* kj-file.h — writing export files atomically
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

G_END_DECLS
