/* kj-calendar.h — the journal by calendar days: which are logged, their pain and red flag; the streak
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kj-store.h"
#include "kj-types.h"
#include "kj-warnings.h"

G_BEGIN_DECLS

/* One calendar day as the date popover and History's month map show it */
typedef struct
{
  char            date[11];
  gboolean        logged;     /* the day has a pain entry */
  int             pain;       /* its pain, KJ_UNSET when not logged */
  KjRedFlagLevel  red_flag;   /* by kj_warnings_day_red_flags() */
} KjCalendarDay;

/* A month's days added up, for its sentence */
typedef struct
{
  guint   n_days;             /* days in the range */
  guint   n_logged;
  guint   n_red_flags;
  double  mean_pain;          /* of the logged days, NAN without any */
} KjCalendarSummary;

GArray   *kj_calendar_days          (GPtrArray         *days,
                                     const char        *from,
                                     const char        *to);
GArray   *kj_calendar_read          (KjStore           *store,
                                     const char        *from,
                                     const char        *to,
                                     GError           **error);
void      kj_calendar_month_range   (int                year,
                                     int                month,
                                     char               from[11],
                                     char               to[11]);
void      kj_calendar_summarize     (GArray            *calendar,
                                     KjCalendarSummary *summary);
guint     kj_calendar_streak        (GPtrArray         *days,
                                     const char        *today);

G_END_DECLS
