/* kj-history-page.h — the History page: every logged day, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kj-month-map.h"
#include "kj-store.h"

G_BEGIN_DECLS

#define KJ_TYPE_HISTORY_PAGE (kj_history_page_get_type ())

G_DECLARE_FINAL_TYPE (KjHistoryPage, kj_history_page, KJ, HISTORY_PAGE, GtkWidget)

void        kj_history_page_set_store   (KjHistoryPage *self,
                                         KjStore       *store);
void        kj_history_page_invalidate  (KjHistoryPage *self);
void        kj_history_page_load        (KjHistoryPage *self);
GListModel *kj_history_page_get_model   (KjHistoryPage *self);
void        kj_history_page_set_search  (KjHistoryPage *self,
                                         const char    *text,
                                         gboolean       red_flags_only);
GtkListView *kj_history_page_get_list_view (KjHistoryPage *self);
KjMonthMap  *kj_history_page_get_month_map (KjHistoryPage *self);

G_END_DECLS
