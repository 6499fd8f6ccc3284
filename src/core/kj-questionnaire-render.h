/* kj-questionnaire-render.h — the questionnaire's scores over time as a pure cairo renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "kj-chart-render.h"
#include "kj-questionnaire.h"

G_BEGIN_DECLS

#define KJ_QUESTIONNAIRE_CHART_HEIGHT 180

guint kj_questionnaire_render (cairo_t                      *cr,
                               const KjQuestionnaireSummary *summary,
                               double                        width,
                               double                        height,
                               const KjChartStyle           *style);

G_END_DECLS
