/* kj-window.h — the main window: header bar, the three pages, import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kj-application.h"
#include "kj-report.h"
#include "kj-history-page.h"
#include "kj-today-page.h"
#include "kj-trends-page.h"

G_BEGIN_DECLS

typedef enum
{
  KJ_EXPORT_JSON,
  KJ_EXPORT_CSV,
  KJ_EXPORT_REPORT,
} KjExportFormat;

#define KJ_TYPE_WINDOW (kj_window_get_type ())

G_DECLARE_FINAL_TYPE (KjWindow, kj_window, KJ, WINDOW, AdwApplicationWindow)

KjWindow   *kj_window_new          (KjApplication  *application);
void        kj_window_import_file  (KjWindow       *self,
                                    GFile          *file);
void        kj_window_export_file  (KjWindow       *self,
                                    GFile          *file,
                                    KjExportFormat  format);
void        kj_window_export_report (KjWindow      *self,
                                    GFile          *file,
                                    const char     *from,
                                    const char     *to,
                                    KjPaper         paper,
                                    gboolean        include_notes);
void        kj_window_import_runs  (KjWindow       *self,
                                    const char * const *paths);
gboolean    kj_window_is_busy      (KjWindow       *self);
void        kj_window_reload       (KjWindow       *self);
gboolean    kj_window_flush        (KjWindow       *self);
gboolean    kj_window_confirm_unsaved (KjWindow    *self,
                                       gboolean     quitting);
void        kj_window_show_day     (KjWindow       *self,
                                    const char     *date);
void        kj_window_show_preferences (KjWindow   *self);
KjTodayPage *kj_window_get_today_page (KjWindow    *self);
KjHistoryPage *kj_window_get_history_page (KjWindow *self);
KjTrendsPage *kj_window_get_trends_page (KjWindow  *self);
void        kj_window_show_page    (KjWindow       *self,
                                    const char     *name);
const char *kj_window_get_last_message (KjWindow   *self);

G_END_DECLS
