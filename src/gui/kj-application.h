/* kj-application.h — the application: one journal, its windows and app-wide actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kj-store.h"

G_BEGIN_DECLS

#define KJ_TYPE_APPLICATION (kj_application_get_type ())

G_DECLARE_FINAL_TYPE (KjApplication, kj_application, KJ, APPLICATION, AdwApplication)

KjApplication *kj_application_new          (const char    *db_path);
const char    *kj_application_get_db_path  (KjApplication *self);
KjStore       *kj_application_get_store    (KjApplication *self);
const GError  *kj_application_get_open_error (KjApplication *self);
gboolean       kj_application_is_inhibiting_logout (KjApplication *self);
void           kj_application_set_demo     (KjApplication *self,
                                            gboolean       demo);
gboolean       kj_application_is_demo      (KjApplication *self);
void           kj_application_show_help    (GtkWindow     *parent,
                                            const char    *page);
void           kj_application_set_background (KjApplication *self,
                                              gboolean       background);
struct _KjWindow *kj_application_present_window (KjApplication *self);
struct _KjReminderService *kj_application_get_reminder_service (KjApplication *self);
void           kj_application_start_daily_backup  (KjApplication *self);
void           kj_application_finish_daily_backup (KjApplication *self);

G_END_DECLS
