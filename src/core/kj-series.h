/* kj-series.h — the journal's numbers over time: Julian days, Theil–Sen, rolling mean, weekly km, runs and pain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kj-types.h"

G_BEGIN_DECLS

/* A run and the pain around it: the pain-monitoring model (Silbernagel et al. 2007) */
typedef struct
{
  char      date[11];
  double    km;                /* the day's runs together */
  double    descent_m;         /* NAN when unknown */
  int       pain_during;       /* the highest of the day's runs, KJ_UNSET when not logged */
  int       pain_after;
  double    usual;             /* mean pain of the 7 days before, NAN without entries */
  int       next_day;          /* the next day's pain, KJ_UNSET without an entry */
  gboolean  broke_rule;        /* pain during above 5, or the next day above the usual level */
} KjRunPain;

/* Pain after runs by shoe: a pair's run days against the run days in other
 * pairs (doc/assessment.md, “Pain after runs by shoe”) */
#define KJ_SHOE_PAIN_MIN_DAYS 8

typedef struct
{
  const KjShoe *shoe;          /* borrowed from the shoes given */
  guint         days;          /* run days in this pair followed by a day entry */
  double        mean;          /* the mean pain of the days after them, NAN without any */
  guint         other_days;    /* run days in other pairs only, followed by a day entry */
  double        other_mean;
  gboolean      enough;        /* at least KJ_SHOE_PAIN_MIN_DAYS on each side */
} KjShoePain;

/* The treatments of one week, added up as Trends' Week by Week and the
 * report's "Treatments week by week" show them */
#define KJ_SERIES_MAX_CODES 32

typedef struct
{
  int thermal;                        /* ice and heat */
  int thermal_minutes;
  int exercises;                      /* exercise and stretching */
  int drug_mg[KJ_SERIES_MAX_CODES];   /* by drug, in the order of kj_code_list (KJ_CODE_DRUG) */
  int drug_undosed[KJ_SERIES_MAX_CODES]; /* how often each was taken without a dose; a medication
                                          * without a drug counts as the drug "other" */
  int other[KJ_SERIES_MAX_CODES];     /* the other kinds, in the order of kj_code_list (KJ_CODE_TREATMENT_KIND) */
} KjTreatmentTotals;

void          kj_treatment_totals_add      (KjTreatmentTotals *totals,
                                            const KjTreatment *treatment);
char         *kj_treatment_totals_medicine (const KjTreatmentTotals *totals);
char         *kj_treatment_totals_other    (const KjTreatmentTotals *totals);

int           kj_series_julian           (const char        *date);
void          kj_series_week_of          (const char        *date,
                                          char               monday[11]);
void          kj_series_date_of_julian   (int                julian,
                                          char               out[11]);
int           kj_series_week_start       (int                julian);

double        kj_series_theil_sen        (const double      *x,
                                          const double      *y,
                                          guint              n);
GArray       *kj_series_rolling_mean     (GPtrArray         *days,
                                          const char        *from,
                                          const char        *to);
GArray       *kj_series_weekly_km        (GPtrArray         *runs,
                                          const char        *from,
                                          const char        *to);
GArray       *kj_series_run_pain         (GPtrArray         *days,
                                          GPtrArray         *runs,
                                          const char        *from,
                                          const char        *to);
GArray       *kj_series_runs_by_next_day_rise (GArray       *runs);
GArray       *kj_series_shoe_pain        (GPtrArray         *days,
                                          GPtrArray         *runs,
                                          GPtrArray         *shoes,
                                          const char        *from,
                                          const char        *to);
gboolean      kj_series_shoe_pain_any_enough (GArray        *pairs);
char         *kj_shoe_pain_title         (const KjShoePain  *sp);
char         *kj_shoe_pain_detail        (const KjShoePain  *sp);
char         *kj_shoe_pain_why_not       (GArray            *pairs);

G_END_DECLS
