/* kj-trends-page.h — the Trends page: the verdict, the chart, where it hurt, warnings, week by week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kj-assessment.h"
#include "kj-chart.h"
#include "kj-store.h"

G_BEGIN_DECLS

#define KJ_TYPE_TRENDS_PAGE (kj_trends_page_get_type ())

G_DECLARE_FINAL_TYPE (KjTrendsPage, kj_trends_page, KJ, TRENDS_PAGE, GtkWidget)

void                kj_trends_page_set_store         (KjTrendsPage *self,
                                                      KjStore      *store);
void                kj_trends_page_invalidate        (KjTrendsPage *self);
void                kj_trends_page_load              (KjTrendsPage *self);
const KjAssessment *kj_trends_page_get_assessment    (KjTrendsPage *self);
KjChart            *kj_trends_page_get_chart         (KjTrendsPage *self);
void                kj_trends_page_set_range         (KjTrendsPage *self,
                                                      guint         range);
const char         *kj_trends_page_get_verdict_title (KjTrendsPage *self);
const char         *kj_trends_page_get_why          (KjTrendsPage *self);
guint               kj_trends_page_count_return_runs (KjTrendsPage *self);
char              **kj_trends_page_get_helps     (KjTrendsPage *self);

const char   *kj_trends_page_get_episode_id (KjTrendsPage *self);
void          kj_trends_page_set_episode    (KjTrendsPage *self,
                                             const char   *id);
GtkWidget          *kj_trends_page_get_questionnaire_section (KjTrendsPage *self);

G_END_DECLS
