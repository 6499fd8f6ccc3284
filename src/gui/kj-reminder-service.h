/* kj-reminder-service.h — the daily reminder: its timer, the notification, running in the background, autostart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kj-application.h"

G_BEGIN_DECLS

#define KJ_TYPE_REMINDER_SERVICE (kj_reminder_service_get_type ())

G_DECLARE_FINAL_TYPE (KjReminderService, kj_reminder_service, KJ, REMINDER_SERVICE, GObject)

KjReminderService *kj_reminder_service_new            (KjApplication     *application);
gboolean           kj_reminder_service_is_enabled     (void);
void               kj_reminder_service_day_changed    (KjReminderService *self,
                                                       const char        *date);
void               kj_reminder_service_set_clock      (KjReminderService *self,
                                                       GDateTime         *now);
GDateTime         *kj_reminder_service_get_next_fire  (KjReminderService *self);
gboolean           kj_reminder_service_is_holding     (KjReminderService *self);
char              *kj_reminder_autostart_path         (void);
char              *kj_reminder_autostart_exec         (void);

G_END_DECLS
