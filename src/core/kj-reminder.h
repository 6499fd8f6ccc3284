/* kj-reminder.h — the daily reminder's clock: when it fires next, and whether it has anything to say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kj-types.h"

G_BEGIN_DECLS

#define KJ_REMINDER_MINUTES_PER_DAY 1440

GDateTime *kj_reminder_next_fire      (GDateTime  *now,
                                       GTimeZone  *tz,
                                       int         minute_of_day);
gboolean   kj_reminder_slept_through  (GDateTime  *armed,
                                       GDateTime  *now,
                                       GTimeZone  *tz);
char      *kj_reminder_day            (GDateTime  *now,
                                       GTimeZone  *tz);
gboolean   kj_reminder_should_notify  (const char *today,
                                       const KjDay *entry);

G_END_DECLS
