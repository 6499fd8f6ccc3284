/* kj-day-places.h — the Today page's “Where It Hurts”: the knee drawing and the marked places
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kj-knee-diagram.h"
#include "kj-types.h"

G_BEGIN_DECLS

#define KJ_TYPE_DAY_PLACES (kj_day_places_get_type ())

G_DECLARE_FINAL_TYPE (KjDayPlaces, kj_day_places, KJ, DAY_PLACES, GtkWidget)

const GArray  *kj_day_places_get_locations (KjDayPlaces  *self);
void           kj_day_places_set_locations (KjDayPlaces  *self,
                                            const GArray *locations);
void           kj_day_places_set_side      (KjDayPlaces  *self,
                                            KjSide        side);
KjKneeDiagram *kj_day_places_get_diagram   (KjDayPlaces  *self);

G_END_DECLS
