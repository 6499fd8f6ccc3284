/* kj-questionnaire.h — the validated knee questionnaire: its items, a filled-in form, its score
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define KJ_QUESTIONNAIRE_MAX_ITEMS    16
#define KJ_QUESTIONNAIRE_MAX_OPTIONS  6
#define KJ_QUESTIONNAIRE_DUE_DAYS     7

/* One question of an instrument: its wording and its answers with their points,
 * in the order of the published form. Text is untranslated: pass it through
 * kj_questionnaire_item_text() / kj_questionnaire_option_text(). */
typedef struct
{
  const char *context;                               /* gettext context of the answers */
  const char *text;                                  /* N_() */
  guint       n_options;
  const char *options[KJ_QUESTIONNAIRE_MAX_OPTIONS]; /* NC_(context, …) */
  int         points[KJ_QUESTIONNAIRE_MAX_OPTIONS];
} KjQuestionnaireItem;

typedef struct
{
  const char                *code;        /* stored: "kujala" */
  const char                *name;        /* N_() */
  const char                *short_name;  /* N_() */
  guint                      n_items;
  const KjQuestionnaireItem *items;
  int                        max_score;   /* the best score; the worst is 0 */
  double                     mic;         /* the minimal important change, in points (doc/questionnaires.md) */
} KjInstrument;

/* One filled-in questionnaire (doc/data-model.md, “Questionnaires”): the index
 * of the answer chosen for each item, never points. */
typedef struct
{
  char                *id;
  char                 date[11];
  const KjInstrument  *instrument;
  guint                n_answers;
  int                  answers[KJ_QUESTIONNAIRE_MAX_ITEMS];
} KjQuestionnaire;

typedef enum
{
  KJ_QUESTIONNAIRE_CHANGE_UNKNOWN,    /* fewer than two questionnaires */
  KJ_QUESTIONNAIRE_CHANGE_BETTER,     /* up by the MIC or more */
  KJ_QUESTIONNAIRE_CHANGE_WORSE,      /* down by the MIC or more */
  KJ_QUESTIONNAIRE_CHANGE_SAME,       /* less than the MIC either way */
} KjQuestionnaireChange;

/* The questionnaires of one instrument in a range of dates */
typedef struct
{
  const KjInstrument    *instrument;
  GPtrArray             *questionnaires;  /* borrowed KjQuestionnaire, by date */
  char                   first_date[11];
  char                   last_date[11];
  int                    first_score;
  int                    last_score;
  int                    change;          /* last − first */
  KjQuestionnaireChange  verdict;
} KjQuestionnaireSummary;

const KjInstrument *kj_instrument_list            (guint                  *n_instruments);
const KjInstrument *kj_instrument_lookup          (const char             *code);
const KjInstrument *kj_instrument_default         (void);
const char         *kj_questionnaire_item_text    (const KjInstrument     *instrument,
                                                   guint                   item);
const char         *kj_questionnaire_option_text  (const KjInstrument     *instrument,
                                                   guint                   item,
                                                   guint                   option);
int                 kj_questionnaire_item_points  (const KjInstrument     *instrument,
                                                   guint                   item,
                                                   int                     option);

KjQuestionnaire    *kj_questionnaire_new          (const char             *date,
                                                   const KjInstrument     *instrument);
KjQuestionnaire    *kj_questionnaire_copy         (const KjQuestionnaire  *questionnaire);
void                kj_questionnaire_free         (KjQuestionnaire        *questionnaire);
gboolean            kj_questionnaire_equal        (const KjQuestionnaire  *a,
                                                   const KjQuestionnaire  *b);
gboolean            kj_questionnaire_check_answer (const KjInstrument     *instrument,
                                                   guint                   item,
                                                   gint64                  answer,
                                                   const char             *field,
                                                   GError                **error);
gboolean            kj_questionnaire_validate     (const KjQuestionnaire  *questionnaire,
                                                   GError                **error);
gboolean            kj_questionnaire_is_complete  (const KjQuestionnaire  *questionnaire);
int                 kj_questionnaire_score        (const KjQuestionnaire  *questionnaire);
int                 kj_questionnaire_compare      (gconstpointer           a,
                                                   gconstpointer           b);

gboolean            kj_questionnaire_is_due       (GPtrArray              *questionnaires,
                                                   const char             *from,
                                                   const char             *to,
                                                   const char             *today);
GPtrArray          *kj_questionnaire_summarize    (GPtrArray              *questionnaires,
                                                   const char             *from,
                                                   const char             *to);
void                kj_questionnaire_summary_free (KjQuestionnaireSummary *summary);
char               *kj_questionnaire_change_text  (const KjQuestionnaireSummary *summary);
const char         *kj_questionnaire_change_to_string (KjQuestionnaireChange change);
JsonNode           *kj_questionnaire_summary_json (GPtrArray              *questionnaires,
                                                   const char             *from,
                                                   const char             *to);

GType               kj_questionnaire_get_type     (void) G_GNUC_CONST;
#define KJ_TYPE_QUESTIONNAIRE (kj_questionnaire_get_type ())

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjQuestionnaire, kj_questionnaire_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjQuestionnaireSummary, kj_questionnaire_summary_free)

G_END_DECLS
