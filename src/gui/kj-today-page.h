/* kj-today-page.h — the Today page: one day's pain, places, symptoms and notes, and its records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kj-knee-diagram.h"
#include "kj-store.h"

G_BEGIN_DECLS

#define KJ_TYPE_TODAY_PAGE (kj_today_page_get_type ())

G_DECLARE_FINAL_TYPE (KjTodayPage, kj_today_page, KJ, TODAY_PAGE, GtkWidget)

void             kj_today_page_set_store          (KjTodayPage *self,
                                                   KjStore     *store);
const char      *kj_today_page_get_date           (KjTodayPage *self);
void             kj_today_page_set_date           (KjTodayPage *self,
                                                   const char  *date);
void             kj_today_page_reload             (KjTodayPage *self);
gboolean         kj_today_page_flush              (KjTodayPage *self);
const char      *kj_today_page_get_save_error     (KjTodayPage *self);
void             kj_today_page_log_pain           (KjTodayPage *self,
                                                   int          pain);
const KjDay     *kj_today_page_get_day            (KjTodayPage *self);
KjKneeDiagram   *kj_today_page_get_diagram        (KjTodayPage *self);
GtkAdjustment   *kj_today_page_get_pain_adjustment (KjTodayPage *self);
GtkToggleButton *kj_today_page_get_symptom_button (KjTodayPage *self,
                                                   const char  *code);
gboolean         kj_today_page_get_red_flag       (KjTodayPage *self,
                                                   const char **title);
GtkTextView     *kj_today_page_get_notes_view     (KjTodayPage *self);
void             kj_today_page_focus_pain         (KjTodayPage *self);

G_END_DECLS
