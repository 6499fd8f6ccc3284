/* kj-csv.h — the one-row-per-day CSV export of doc/journal-format.md, “CSV”
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kj-types.h"

G_BEGIN_DECLS

#define KJ_CSV_HEADER "date,pain,pain_worst,locations,symptoms,aggravators,treatments,run_km,notes,shoe"

void   kj_csv_append_field (GString          *out,
                            const char       *field);
char  *kj_csv_generate     (const KjJournal  *journal,
                            gsize            *length);

G_END_DECLS
