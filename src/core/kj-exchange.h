/* kj-exchange.h — the journal in and out: a JSON import merged into the store, a JSON or CSV export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kj-store.h"
#include "kj-types.h"

G_BEGIN_DECLS

typedef enum
{
  KJ_EXCHANGE_JSON,
  KJ_EXCHANGE_CSV,
} KjExchangeFormat;

/* What an export wrote */
typedef struct
{
  gboolean read;            /* the journal was read (the write may still have failed) */
  guint    days;
  guint    treatments;
  guint    runs;
} KjExportCounts;

KjJournal *kj_exchange_read_import (const char        *path,
                                    const char        *journal_path,
                                    GError           **error);
gboolean   kj_exchange_import      (KjStore           *store,
                                    const char        *path,
                                    const KjJournal   *checked,
                                    KjImportStats     *stats,
                                    GError           **error);
gboolean   kj_exchange_export      (KjStore           *store,
                                    const char        *path,
                                    KjExchangeFormat   format,
                                    KjExportCounts    *counts,
                                    GError           **error);

G_END_DECLS
