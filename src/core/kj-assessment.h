/* kj-assessment.h — the assessment of doc/assessment.md: is conservative treatment working?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only records dated up to as_of count, in every number. A window with 1–2
 * entries reports its mean and count (baseline_entries, current_entries),
 * but change, change_pct and the verdict need 3 in each. The journal's
 * first day entry does not count for runs and pain (pain_after_*_days).
 * The text of kj_assessment_to_text() follows the journal's unit; the JSON
 * stays in km and metres. See kj-assessment.c for more.
 *
 * The parts of the assessment have headers of their own, included here:
 * kj-warnings.h (red flags, load and medication warnings) and kj-series.h
 * (numbers over time: rolling mean, weekly km, runs and pain).
 */
#pragma once

#include <glib.h>

#include "kj-episode.h"
#include "kj-format.h"
#include "kj-series.h"
#include "kj-types.h"
#include "kj-warnings.h"

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
  KjEpisode      *episode;            /* the episode assessed (kj_assess_episode()), or NULL */
} KjAssessment;

const char   *kj_verdict_to_string       (KjVerdict          verdict);
double        kj_assessment_meaningful_threshold (double     baseline);
gboolean      kj_assessment_is_meaningful_change (double     baseline,
                                          double             change);
const KjRedFlag *kj_assessment_get_deciding_red_flag (const KjAssessment *assessment);
KjAssessment *kj_assess                  (const KjProfile   *profile,
                                          GPtrArray         *days,
                                          GPtrArray         *treatments,
                                          GPtrArray         *runs,
                                          const char        *as_of);
KjAssessment *kj_assess_episode          (const KjProfile   *profile,
                                          GPtrArray         *episodes,
                                          const KjEpisode   *episode,
                                          GPtrArray         *days,
                                          GPtrArray         *treatments,
                                          GPtrArray         *runs,
                                          const char        *as_of);
void          kj_assessment_free         (KjAssessment      *assessment);
const char   *kj_assessment_disclaimer   (void);
char         *kj_assessment_to_json      (const KjAssessment *assessment);
char         *kj_summary_to_json         (const KjAssessment *assessment,
                                          GArray            *associations,
                                          GPtrArray         *questionnaires);
char         *kj_assessment_to_text      (const KjAssessment *assessment);

/* kj-assessment-explain.c */
char        **kj_assessment_explain      (const KjAssessment *assessment);
const char *const *kj_assessment_sources (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjAssessment, kj_assessment_free)

G_END_DECLS
