/* kj-print.h — printing the doctor's report: a GtkPrintOperation over the report's pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kj-report.h"
#include "kj-types.h"

G_BEGIN_DECLS

#define KJ_TYPE_PRINT_OPERATION (kj_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (KjPrintOperation, kj_print_operation, KJ, PRINT_OPERATION, GtkPrintOperation)

KjPrintOperation *kj_print_operation_new    (KjJournal               *journal,
                                             const KjReportOptions   *options);
gboolean          kj_print_operation_finish (KjPrintOperation        *self,
                                             GtkPrintOperationResult  result,
                                             GError                 **error);

G_END_DECLS
