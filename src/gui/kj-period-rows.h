/* kj-period-rows.h — the report's period and notes as rows, for Export Report and the print dialog's Report tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct
{
  GtkWidget *from;    /* AdwEntryRow */
  GtkWidget *to;      /* AdwEntryRow */
  GtkWidget *notes;   /* GtkSwitch, NULL until kj_period_rows_add_notes() */
} KjPeriodRows;

void        kj_period_rows_add_dates (KjPeriodRows        *rows,
                                      AdwPreferencesGroup *group,
                                      const char          *from,
                                      const char          *to,
                                      gboolean             activates_default);
void        kj_period_rows_add_notes (KjPeriodRows        *rows,
                                      AdwPreferencesGroup *group,
                                      gboolean             include_notes);
const char *kj_period_rows_get_from  (const KjPeriodRows  *rows);
const char *kj_period_rows_get_to    (const KjPeriodRows  *rows);
gboolean    kj_period_rows_get_notes (const KjPeriodRows  *rows);
gboolean    kj_period_rows_check     (const KjPeriodRows  *rows,
                                      GError             **error);

G_END_DECLS
