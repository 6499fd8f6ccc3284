/* kj-format.h — numbers as the user reads them: distances and descents in the journal's units, dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kj-types.h"

G_BEGIN_DECLS

#define KJ_KM_PER_MILE   1.609344
#define KJ_METRES_PER_FOOT 0.3048

/* The profile's `units` (doc/data-model.md, “Profile”: display only, storage is always km) */
typedef enum
{
  KJ_UNITS_KM,
  KJ_UNITS_MI,
} KjUnits;

KjUnits      kj_units_from_profile   (const KjProfile *profile);
KjUnits      kj_units_from_code      (const char      *code);

double       kj_distance_in_units    (double           km,
                                      KjUnits          units);
double       kj_distance_to_km       (double           distance,
                                      KjUnits          units);
const char  *kj_distance_unit        (KjUnits          units);
char        *kj_format_distance      (double           km,
                                      KjUnits          units);
char        *kj_format_distance_whole (double          km,
                                      KjUnits          units);
char        *kj_format_distance_precise (double        km,
                                      KjUnits          units);
double       kj_descent_in_units     (double           metres,
                                      KjUnits          units);
const char  *kj_descent_unit         (KjUnits          units);
char        *kj_format_descent       (double           metres,
                                      KjUnits          units);
char        *kj_format_date          (const char      *date);
char        *kj_format_duration      (int              seconds);
char        *kj_format_pace          (int              seconds,
                                      double           km,
                                      KjUnits          units);

G_END_DECLS
