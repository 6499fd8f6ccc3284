/* kj-stats.h — the assessment of doc/assessment.md: is conservative treatment working?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only records dated up to as_of count, in every number. A window with 1–2
 * entries reports its mean and count (baseline_entries, current_entries),
 * but change, change_pct and the verdict need 3 in each. The journal's
 * first day entry does not count for runs and pain (pain_after_*_days).
 * The text of kj_assessment_to_text() follows the journal's unit; the JSON
 * stays in km and metres. See kj-stats.c for more.
 */
#pragma once

#include <glib.h>

#include "kj-format.h"
#include "kj-types.h"

G_BEGIN_DECLS

typedef enum
{
  KJ_VERDICT_IMPROVING,
  KJ_VERDICT_NO_CHANGE,
  KJ_VERDICT_WORSENING,
  KJ_VERDICT_TOO_EARLY,
  KJ_VERDICT_SEE_DOCTOR,
  KJ_VERDICT_NOT_ENOUGH_DATA,
} KjVerdict;

/* Which rule made the verdict see-doctor. */
typedef enum
{
  KJ_DOCTOR_NONE,
  KJ_DOCTOR_RED_FLAG,
  KJ_DOCTOR_NO_IMPROVEMENT,
} KjDoctorReason;

typedef struct
{
  char        date[11];
  const char *symptom;      /* static code */
  gboolean    urgent;
} KjRedFlag;

/* The red flag of one day, as the Today page shows it: the most serious of its flags. */
typedef enum
{
  KJ_RED_FLAG_NONE,
  KJ_RED_FLAG_SOON,
  KJ_RED_FLAG_URGENT,
} KjRedFlagLevel;

typedef struct
{
  const char *type;         /* "long-run-spike" or "weekly-increase" */
  char        date[11];
  double      km;
  double      previous_km;
} KjLoadWarning;

typedef struct
{
  const char *type;         /* "over-limit", "long-use" or "two-nsaids" */
  char        date[11];
  char       *drug;         /* a code, or codes joined by "+" for two-nsaids */
  int         total_mg;     /* KJ_UNSET where it does not apply */
  int         days;         /* long-use: consecutive days; else KJ_UNSET */
} KjMedicationWarning;

/* One drug's doses on one day */
typedef struct
{
  const char *drug;         /* static code */
  int         total_mg;     /* the day's doses together (those without a dose count 0) */
  int         max_mg;       /* the over-the-counter daily maximum of an oral drug, 0 without one */
  gboolean    over_limit;   /* total_mg > max_mg */
} KjDrugTotal;

/* One day's medication by the rules of doc/data-model.md, “Medication”: the single place that adds doses up */
typedef struct
{
  char        date[11];
  GArray     *drugs;        /* KjDrugTotal of every drug taken, in the order of the code list */
  GPtrArray  *oral_nsaids;  /* static codes of the oral NSAIDs taken, same order */
  gboolean    over_limit;   /* any drug over its maximum */
  gboolean    two_nsaids;   /* two or more different oral NSAIDs */
} KjMedicationDay;

typedef struct
{
  char            as_of[11];
  char            t0[11];             /* "" when the journal holds nothing */
  gboolean        has_t0;             /* whether t0 and days_since_t0 are known */
  int             days_since_t0;      /* as_of − t0; negative when treatment starts later */
  int             review_weeks;
  KjUnits         units;              /* of the text only; the JSON is in km and metres */
  KjVerdict       verdict;
  KjDoctorReason  doctor_reason;
  char           *message;
  double          baseline;           /* NAN when unknown */
  double          current;
  double          change;
  double          change_pct;
  double          slope_per_week;
  guint           baseline_entries;
  guint           current_entries;
  guint           entries;            /* day entries up to as_of */
  int             more_days_needed;   /* too-early, not-enough-data; else 0 */
  GArray         *red_flags;          /* KjRedFlag, by date */
  GArray         *load_warnings;      /* KjLoadWarning, by date */
  GArray         *medication_warnings;/* KjMedicationWarning, by date */
  double          pain_after_run_days;
  double          pain_after_rest_days;
} KjAssessment;

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

const char   *kj_verdict_to_string       (KjVerdict          verdict);
GArray       *kj_series_run_pain          (GPtrArray         *days,
                                          GPtrArray         *runs,
                                          const char        *from,
                                          const char        *to);
GArray       *kj_series_runs_by_next_day_rise (GArray        *runs);
KjAssessment *kj_assess                  (const KjProfile   *profile,
                                          GPtrArray         *days,
                                          GPtrArray         *treatments,
                                          GPtrArray         *runs,
                                          const char        *as_of);
void          kj_assessment_free         (KjAssessment      *assessment);
char         *kj_assessment_to_json      (const KjAssessment *assessment);
char         *kj_assessment_to_text      (const KjAssessment *assessment);

gboolean      kj_assessment_is_meaningful_change     (double             baseline,
                                          double             change);
double        kj_series_theil_sen         (const double      *x,
                                          const double      *y,
                                          guint              n);
GArray       *kj_series_rolling_mean      (GPtrArray         *days,
                                          const char        *from,
                                          const char        *to);
KjRedFlagLevel kj_warnings_day_red_flags    (const KjDay       *day,
                                          KjDay *const      *before,
                                          guint              n_before,
                                          GArray            *flags);
GArray       *kj_warnings_red_flags         (GPtrArray         *days,
                                          const char        *to);
GArray       *kj_warnings_load     (GPtrArray         *runs,
                                          const char        *to);
GArray       *kj_warnings_medication (GPtrArray       *treatments,
                                          const char        *to);
KjMedicationDay *kj_medication_day_new (GPtrArray       *treatments,
                                          const char        *date,
                                          const KjTreatment *pending);
const KjDrugTotal *kj_medication_day_get_drug (const KjMedicationDay *day,
                                          const char        *drug);
void          kj_medication_day_free     (KjMedicationDay   *day);
GArray       *kj_series_weekly_km         (GPtrArray         *runs,
                                          const char        *from,
                                          const char        *to);

const char   *kj_assessment_disclaimer        (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjAssessment, kj_assessment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjMedicationDay, kj_medication_day_free)

G_END_DECLS
