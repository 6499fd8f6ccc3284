/* kj-adherence-render.h — the exercise adherence chart as a pure cairo renderer (screen and PDF)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "kj-associations.h"
#include "kj-chart-render.h"

G_BEGIN_DECLS

void   kj_adherence_render      (cairo_t            *cr,
                                 GArray             *weeks,
                                 double              width,
                                 double              height,
                                 const KjChartStyle *style);
char  *kj_adherence_describe    (GArray             *weeks);

G_END_DECLS
