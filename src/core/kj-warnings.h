/* kj-warnings.h — the rules over days: red flags, running load, medication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kj-types.h"

G_BEGIN_DECLS

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

KjRedFlagLevel kj_warnings_day_red_flags (const KjDay       *day,
                                          KjDay *const      *before,
                                          guint              n_before,
                                          GArray            *flags);
GArray       *kj_warnings_red_flags      (GPtrArray         *days,
                                          const char        *to);
GArray       *kj_warnings_load           (GPtrArray         *runs,
                                          const char        *to);
KjMedicationDay *kj_medication_day_new   (GPtrArray         *treatments,
                                          const char        *date,
                                          const KjTreatment *pending);
const KjDrugTotal *kj_medication_day_get_drug (const KjMedicationDay *day,
                                          const char        *drug);
void          kj_medication_day_free     (KjMedicationDay   *day);
GArray       *kj_warnings_medication     (GPtrArray         *treatments,
                                          const char        *to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjMedicationDay, kj_medication_day_free)

G_END_DECLS
