/* kj-format.c — numbers as the user reads them: distances and descents in the journal's units, dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that turns a stored kilometre or metre into text. Every page,
 * dialog, the chart, the report and `--summary` call it, so that a journal
 * kept in miles shows miles (and descents in feet) everywhere. The journal
 * JSON and `--summary-json` stay in kilometres and metres (doc/assessment.md, “Units”).
 */
#define G_LOG_DOMAIN "knee-journal-format"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kj-format.h"

KjUnits
kj_units_from_code (const char *code)
{
  return g_strcmp0 (code, "mi") == 0 ? KJ_UNITS_MI : KJ_UNITS_KM;
}

KjUnits
kj_units_from_profile (const KjProfile *profile)
{
  return profile != NULL ? kj_units_from_code (profile->units) : KJ_UNITS_KM;
}

double
kj_distance_in_units (double  km,
                      KjUnits units)
{
  return units == KJ_UNITS_MI ? km / KJ_KM_PER_MILE : km;
}

double
kj_distance_to_km (double  distance,
                   KjUnits units)
{
  return units == KJ_UNITS_MI ? distance * KJ_KM_PER_MILE : distance;
}

/* "km" or "mi", for axis labels and column heads */
const char *
kj_distance_unit (KjUnits units)
{
  /* Translators: the abbreviation of miles and of kilometres */
  return units == KJ_UNITS_MI ? _("mi") : _("km");
}

/* "8.2 km", "5.1 mi" */
char *
kj_format_distance (double  km,
                    KjUnits units)
{
  /* Translators: a distance: “8.2 km”, “5.1 mi” */
  return g_strdup_printf (units == KJ_UNITS_MI ? _("%.1f mi") : _("%.1f km"), kj_distance_in_units (km, units));
}

/* "700 km": a distance in whole units, like a pair of shoes' alert distance */
char *
kj_format_distance_whole (double  km,
                          KjUnits units)
{
  /* Translators: a distance in whole kilometres or miles: “700 km”, “450 mi” */
  return g_strdup_printf (units == KJ_UNITS_MI ? _("%.0f mi") : _("%.0f km"), kj_distance_in_units (km, units));
}

/* "8.20 km", for a distance typed by the user */
char *
kj_format_distance_precise (double  km,
                            KjUnits units)
{
  return g_strdup_printf (units == KJ_UNITS_MI ? _("%.2f mi") : _("%.2f km"), kj_distance_in_units (km, units));
}

double
kj_descent_in_units (double  metres,
                     KjUnits units)
{
  return units == KJ_UNITS_MI ? metres / KJ_METRES_PER_FOOT : metres;
}

const char *
kj_descent_unit (KjUnits units)
{
  /* Translators: the abbreviation of feet and of metres */
  return units == KJ_UNITS_MI ? _("ft") : _("m");
}

/* "140 m", "459 ft" (with miles, descents are in feet) */
char *
kj_format_descent (double  metres,
                   KjUnits units)
{
  /* Translators: a descent: “140 m”, “459 ft” */
  return g_strdup_printf (units == KJ_UNITS_MI ? _("%.0f ft") : _("%.0f m"), kj_descent_in_units (metres, units));
}

/* "2 March 2026": a date in the sentences of the assessment; @date itself when it is not a date */
char *
kj_format_date (const char *date)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate d;

  if (!kj_date_to_gdate (date, &d))
    return g_strdup (date);

  dt = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 12, 0, 0);
  /* Translators: a date in the assessment's sentences, see strftime(3) */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

/* "46:00", "1:02:03" */
char *
kj_format_duration (int seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
  return g_strdup_printf ("%d:%02d", seconds / 60, seconds % 60);
}

/* "5:37 /km", "9:02 /mi"; NULL without a time or a distance */
char *
kj_format_pace (int     seconds,
                double  km,
                KjUnits units)
{
  double distance = kj_distance_in_units (km, units);
  g_autofree char *pace = NULL;

  if (seconds <= 0 || !(distance > 0))
    return NULL;

  pace = kj_format_duration ((int) lround (seconds / distance));
  /* Translators: a running pace, “5:30 /km” */
  return g_strdup_printf (units == KJ_UNITS_MI ? _("%s /mi") : _("%s /km"), pace);
}
