/* kj-associations.h — what seems to help: next-day pain after days with and without each factor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * doc/associations.md is the contract: the day pairs, the factors, the run
 * bands and the downhill rule, the bootstrap interval with its fixed seed, the
 * 8 days on each side, the order and the wording. Everything takes a date
 * range (from, to: YYYY-MM-DD, or "" or NULL when unbounded).
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "kj-format.h"
#include "kj-types.h"

G_BEGIN_DECLS

/* A factor is shown with at least this many day pairs on each side. */
#define KJ_ASSOCIATION_MIN_DAYS   8
/* Bootstrap resamples of each side. */
#define KJ_ASSOCIATION_RESAMPLES  2000

typedef struct
{
  const char *factor;        /* "ice", "nsaid", "run-short", "run-downhill", "stairs-down" … (static) */
  const char *group;         /* "treatment", "run" or "aggravator" (static) */
  double      difference;    /* mean_with − mean_without: negative is lower pain */
  double      ci_low;        /* the bootstrap 95 % percentile interval of the difference */
  double      ci_high;
  double      mean_with;     /* mean next-day pain after days with the factor */
  double      mean_without;
  guint       days_with;     /* day pairs on each side */
  guint       days_without;
} KjAssociation;

/* One ISO week of exercise adherence (doc/associations.md, “Exercise adherence”) */
typedef struct
{
  char        monday[11];
  guint       days_in_range;  /* 1–7: the days of the week inside the range */
  guint       exercise_days;  /* days with at least one treatment of kind exercise */
  guint       logged_days;    /* day entries */
  double      mean_pain;      /* NAN without entries */
} KjAdherenceWeek;

GArray     *kj_associations_compute      (GPtrArray           *days,
                                          GPtrArray           *treatments,
                                          GPtrArray           *runs,
                                          const char          *from,
                                          const char          *to);
char       *kj_association_label         (const KjAssociation *association,
                                          KjUnits              units);
char       *kj_association_change        (const KjAssociation *association);
char       *kj_association_sentence      (const KjAssociation *association,
                                          KjUnits              units);
const char *kj_associations_why_none     (void);
void        kj_associations_add_json     (JsonBuilder         *builder,
                                          GArray              *associations);

GArray     *kj_adherence_weeks           (GPtrArray           *days,
                                          GPtrArray           *treatments,
                                          const char          *from,
                                          const char          *to);

G_END_DECLS
