/* kj-chart-data.h — what the trend chart shows, computed once for a range of days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kj-assessment.h"
#include "kj-format.h"

G_BEGIN_DECLS

/* Everything the chart shows, computed once for a range of days, so that
 * drawing a frame reads memory only. */
typedef struct
{
  char      from[11];
  char      to[11];
  guint     n_days;
  double   *pain;          /* per day, NAN without an entry */
  double   *worst;         /* per day, NAN when unknown */
  double   *rolling;       /* trailing 7-day mean, NAN where the window holds < 3 entries */
  guint32  *kinds;         /* per day, bit n: a treatment of kind n */
  gboolean *red_flag;      /* per day */
  double   *run_km;        /* per day */
  double   *week_km;       /* per ISO week from the week of @from */
  guint     n_weeks;
  int       monday_offset; /* day index of the first week's Monday (≤ 0) */
  int       t0;            /* day index of T0, or G_MININT */
  int       review;        /* day index of T0 + review weeks, or G_MININT */
  int       review_weeks;
  double    baseline;      /* NAN when unknown */
  double    current;
  int       as_of;         /* day index of the as-of date */
  KjUnits   units;         /* how distances are labelled; km unless the caller sets it */
  GArray   *episode_days;  /* int pairs: the first and last day index of each episode band, or NULL */
  GPtrArray *episode_labels; /* the title of each band */
} KjChartData;

KjChartData *kj_chart_data_new  (GPtrArray          *days,
                                 GPtrArray          *treatments,
                                 GPtrArray          *runs,
                                 const KjAssessment *assessment,
                                 const char         *from,
                                 const char         *to);
void         kj_chart_data_set_episodes (KjChartData *data,
                                 GPtrArray          *episodes);
void         kj_chart_data_free (KjChartData        *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjChartData, kj_chart_data_free)

G_END_DECLS
