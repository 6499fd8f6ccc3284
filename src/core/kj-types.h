/* kj-types.h — the records of the journal: profile, day entries, treatments, runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* An integer field that is not set (SQL NULL, JSON null). */
#define KJ_UNSET (-1)

#define KJ_DAY_NOTES_MAX        4000
#define KJ_RECORD_NOTES_MAX     1000
#define KJ_RUN_MAX_DURATION_S   172800  /* a run is at most two days */
#define KJ_PROFILE_NAME_MAX     200

#define KJ_RECORD_ERROR (kj_record_error_quark ())

typedef enum
{
  KJ_RECORD_ERROR_INVALID,
} KjRecordError;

/* The code lists of doc/data-model.md (kj-codes.c).  Records keep codes as pointers into these
 * static tables (see kj_code_lookup()), so they never need to be freed.
 */
typedef enum
{
  KJ_CODE_SIDE,           /* left, right */
  KJ_CODE_AFFECTED_SIDE,  /* left, right, both */
  KJ_CODE_UNITS,
  KJ_CODE_SYMPTOM,
  KJ_CODE_AGGRAVATOR,
  KJ_CODE_TREATMENT_KIND,
  KJ_CODE_DRUG,
  KJ_CODE_EXERCISE,
  KJ_CODE_REGION,
  KJ_N_CODE_LISTS
} KjCodeList;

typedef struct
{
  const char *code;
  const char *label;      /* untranslated; pass through _() to show it */
} KjCode;

/* The profile: who keeps the journal and in which units. Since schema 5 the
 * side, dates and review weeks are an episode's (kj-episode.h); here they are
 * the journal's first episode, as kj_store_get_profile() reads them, a file
 * of version 1 or 2 has them and a journal built in memory may give them
 * (affected_side NULL: not given, as in a version-3 file). */
typedef struct
{
  char  *name;
  const char *affected_side;
  char  *injury_date;      /* YYYY-MM-DD or NULL */
  char  *treatment_start;  /* YYYY-MM-DD or NULL */
  const char *units;
  int    review_weeks;
} KjProfile;

typedef struct
{
  const char *side;
  const char *region;
} KjLocation;

typedef struct
{
  char       *id;
  char        date[11];
  int         pain;
  int         pain_worst;      /* KJ_UNSET or ≥ pain */
  GArray     *locations;       /* KjLocation */
  GPtrArray  *symptoms;        /* static codes */
  GPtrArray  *aggravators;     /* static codes */
  char       *notes;
} KjDay;

typedef struct
{
  char       *id;
  char        date[11];
  const char *kind;
  int         minutes;
  const char *drug;            /* medication only, or NULL */
  int         dose_mg;
  const char *exercise;        /* exercise and stretching only, or NULL */
  int         sets;
  int         reps;
  char        time[6];         /* the time of day taken, HH:MM, or "" when not given */
  char       *notes;
} KjTreatment;

typedef struct
{
  char       *id;
  char        date[11];
  double      distance_km;
  int         duration_s;
  double      descent_m;       /* NAN when unknown */
  int         pain_during;
  int         pain_after;
  gboolean    stopped_early;
  char       *notes;
  char       *shoe_id;         /* the pair it was run in (a KjShoe's id), or NULL */
} KjRun;

#define KJ_SHOE_NAME_MAX          200
#define KJ_SHOE_KM_MAX            100000.0
#define KJ_SHOE_ALERT_KM_DEFAULT  700.0

/* A pair of running shoes (doc/data-model.md, “Shoes”) */
typedef struct
{
  char       *id;
  char       *name;            /* not empty */
  char       *model;           /* brand and model, free text, or NULL */
  char        start_date[11];  /* "" when not given */
  char        retired_date[11]; /* "" while in use; ≥ start_date */
  double      start_km;        /* what it had run before the journal knew it, ≥ 0 */
  double      alert_km;        /* > 0: when to think about new shoes */
  gboolean    is_default;      /* new runs get it; at most one, never a retired pair */
} KjShoe;

/* A whole journal in memory: what is imported, exported and generated. */
typedef struct
{
  KjProfile  *profile;         /* may be NULL in an import: keep the journal's */
  GPtrArray  *days;            /* KjDay, by date */
  GPtrArray  *treatments;      /* KjTreatment, by date */
  GPtrArray  *runs;            /* KjRun, by date */
  GPtrArray  *shoes;           /* KjShoe */
  GPtrArray  *episodes;        /* KjEpisode (kj-episode.h); NULL when the journal gives none (a file of
                                * version 1 or 2): then the profile's side and dates are the first's */
  GPtrArray  *questionnaires;  /* KjQuestionnaire (kj-questionnaire.h), by date; may be NULL in an import */
} KjJournal;

GQuark        kj_record_error_quark        (void);
gboolean      kj_record_set_invalid        (GError      **error,
                                            const char   *format,
                                            ...) G_GNUC_PRINTF (2, 3);

const KjCode *kj_code_list                 (KjCodeList    list,
                                            guint        *n_codes);
const char   *kj_code_lookup               (KjCodeList    list,
                                            const char   *code);
const char   *kj_code_label                (KjCodeList    list,
                                            const char   *code);
gboolean      kj_symptom_is_urgent         (const char   *symptom);
gboolean      kj_drug_is_nsaid             (const char   *drug);
gboolean      kj_drug_is_oral              (const char   *drug);
int           kj_drug_daily_max_mg         (const char   *drug);
gboolean      kj_treatment_kind_is_routine (const char   *kind);

gboolean      kj_date_is_valid             (const char   *date);
gboolean      kj_id_is_valid               (const char   *id);
gboolean      kj_record_check_id           (const char   *id,
                                            GError      **error);
gboolean      kj_time_is_valid             (const char   *time);
gboolean      kj_date_to_gdate             (const char   *date,
                                            GDate        *out);
void          kj_date_from_gdate           (const GDate  *date,
                                            char          out[11]);
char         *kj_date_today                (void);
int           kj_date_diff                 (const char   *a,
                                            const char   *b);
void          kj_date_add_days             (const char   *date,
                                            int           days,
                                            char          out[11]);

gboolean      kj_notes_are_valid           (const char   *notes,
                                            guint         max_chars,
                                            const char   *field,
                                            GError      **error);

KjProfile    *kj_profile_new               (void);
KjProfile    *kj_profile_copy              (const KjProfile *profile);
void          kj_profile_free              (KjProfile    *profile);
gboolean      kj_profile_equal             (const KjProfile *a,
                                            const KjProfile *b);
gboolean      kj_profile_validate          (const KjProfile *profile,
                                            GError      **error);

KjDay        *kj_day_new                   (const char   *date);
KjDay        *kj_day_copy                  (const KjDay  *day);
void          kj_day_free                  (KjDay        *day);
gboolean      kj_day_equal                 (const KjDay  *a,
                                            const KjDay  *b);
gboolean      kj_day_validate              (const KjDay  *day,
                                            GError      **error);
gboolean      kj_day_add_location          (KjDay        *day,
                                            const char   *side,
                                            const char   *region);
gboolean      kj_day_has_location          (const KjDay  *day,
                                            const char   *side,
                                            const char   *region);
gboolean      kj_day_has_code              (GPtrArray    *codes,
                                            const char   *code);

KjTreatment  *kj_treatment_new             (const char   *date,
                                            const char   *kind);
KjTreatment  *kj_treatment_copy            (const KjTreatment *treatment);
void          kj_treatment_free            (KjTreatment  *treatment);
gboolean      kj_treatment_equal           (const KjTreatment *a,
                                            const KjTreatment *b);
gboolean      kj_treatment_validate        (const KjTreatment *treatment,
                                            GError      **error);

KjRun        *kj_run_new                   (const char   *date,
                                            double        distance_km);
KjRun        *kj_run_copy                  (const KjRun  *run);
void          kj_run_free                  (KjRun        *run);
gboolean      kj_run_equal                 (const KjRun  *a,
                                            const KjRun  *b);
gboolean      kj_run_validate              (const KjRun  *run,
                                            GError      **error);

KjShoe       *kj_shoe_new                  (const char   *name);
KjShoe       *kj_shoe_copy                 (const KjShoe *shoe);
void          kj_shoe_free                 (KjShoe       *shoe);
gboolean      kj_shoe_equal                (const KjShoe *a,
                                            const KjShoe *b);
gboolean      kj_shoe_validate             (const KjShoe *shoe,
                                            GError      **error);
gboolean      kj_shoe_is_retired           (const KjShoe *shoe);

KjJournal    *kj_journal_new               (void);
void          kj_journal_free              (KjJournal    *journal);

GType         kj_profile_get_type          (void) G_GNUC_CONST;
GType         kj_day_get_type              (void) G_GNUC_CONST;
GType         kj_treatment_get_type        (void) G_GNUC_CONST;
GType         kj_run_get_type              (void) G_GNUC_CONST;
GType         kj_shoe_get_type             (void) G_GNUC_CONST;

#define KJ_TYPE_PROFILE   (kj_profile_get_type ())
#define KJ_TYPE_DAY       (kj_day_get_type ())
#define KJ_TYPE_TREATMENT (kj_treatment_get_type ())
#define KJ_TYPE_RUN       (kj_run_get_type ())
#define KJ_TYPE_SHOE      (kj_shoe_get_type ())

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjProfile, kj_profile_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjDay, kj_day_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjTreatment, kj_treatment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjRun, kj_run_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjShoe, kj_shoe_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjJournal, kj_journal_free)

G_END_DECLS
