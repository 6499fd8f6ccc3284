/* kj-questionnaire.c — the validated knee questionnaire: one table of items, answers and points; scoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The instrument, its sources, the answer points chosen where published copies
 * disagree, and the minimal important change are in doc/questionnaires.md. A
 * questionnaire stores the index of the answer chosen for each item; the
 * points come only from the table below.
 */
#define G_LOG_DOMAIN "knee-journal-questionnaire"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "kj-format.h"
#include "kj-questionnaire.h"
#include "kj-types.h"

/* The Anterior Knee Pain Scale, Kujala et al. 1993 (Arthroscopy 9:159–163),
 * items and points as in the original paper: a constant limp scores 0, squatting
 * only with partial weight bearing 2 (doc/questionnaires.md, “Answer points”). */
static const KjQuestionnaireItem kujala_items[] = {
  { "kujala limp", N_("Limp"), 3,
    { NC_("kujala limp", "None"), NC_("kujala limp", "Slight or periodical"), NC_("kujala limp", "Constant") },
    { 5, 3, 0 } },
  { "kujala support", N_("Support"), 3,
    { NC_("kujala support", "Full support without pain"), NC_("kujala support", "Painful"),
      NC_("kujala support", "Weight bearing impossible") },
    { 5, 3, 0 } },
  { "kujala walking", N_("Walking"), 4,
    { NC_("kujala walking", "Unlimited"), NC_("kujala walking", "More than 2 km"), NC_("kujala walking", "1–2 km"),
      NC_("kujala walking", "Unable") },
    { 5, 3, 2, 0 } },
  { "kujala stairs", N_("Stairs"), 4,
    { NC_("kujala stairs", "No difficulty"), NC_("kujala stairs", "Slight pain when descending"),
      NC_("kujala stairs", "Pain both when descending and ascending"), NC_("kujala stairs", "Unable") },
    { 10, 8, 5, 0 } },
  { "kujala squatting", N_("Squatting"), 5,
    { NC_("kujala squatting", "No difficulty"), NC_("kujala squatting", "Repeated squatting painful"),
      NC_("kujala squatting", "Painful each time"), NC_("kujala squatting", "Possible with partial weight bearing"),
      NC_("kujala squatting", "Unable") },
    { 5, 4, 3, 2, 0 } },
  { "kujala running", N_("Running"), 5,
    { NC_("kujala running", "No difficulty"), NC_("kujala running", "Pain after more than 2 km"),
      NC_("kujala running", "Slight pain from start"), NC_("kujala running", "Severe pain"),
      NC_("kujala running", "Unable") },
    { 10, 8, 6, 3, 0 } },
  { "kujala jumping", N_("Jumping"), 4,
    { NC_("kujala jumping", "No difficulty"), NC_("kujala jumping", "Slight difficulty"),
      NC_("kujala jumping", "Constant pain"), NC_("kujala jumping", "Unable") },
    { 10, 7, 2, 0 } },
  { "kujala sitting", N_("Prolonged sitting with the knees flexed"), 5,
    { NC_("kujala sitting", "No difficulty"), NC_("kujala sitting", "Pain after exercise"),
      NC_("kujala sitting", "Constant pain"), NC_("kujala sitting", "Pain forces to extend knees temporarily"),
      NC_("kujala sitting", "Unable") },
    { 10, 8, 6, 4, 0 } },
  { "kujala pain", N_("Pain"), 5,
    { NC_("kujala pain", "None"), NC_("kujala pain", "Slight and occasional"),
      NC_("kujala pain", "Interferes with sleep"), NC_("kujala pain", "Occasionally severe"),
      NC_("kujala pain", "Constant and severe") },
    { 10, 8, 6, 3, 0 } },
  { "kujala swelling", N_("Swelling"), 5,
    { NC_("kujala swelling", "None"), NC_("kujala swelling", "After severe exertion"),
      NC_("kujala swelling", "After daily activities"), NC_("kujala swelling", "Every evening"),
      NC_("kujala swelling", "Constant") },
    { 10, 8, 6, 4, 0 } },
  { "kujala patella", N_("Abnormal painful kneecap (patellar) movements (subluxations)"), 5,
    { NC_("kujala patella", "None"), NC_("kujala patella", "Occasionally in sports activities"),
      NC_("kujala patella", "Occasionally in daily activities"),
      NC_("kujala patella", "At least one documented dislocation"),
      NC_("kujala patella", "More than two dislocations") },
    { 10, 6, 4, 2, 0 } },
  { "kujala atrophy", N_("Atrophy of thigh"), 3,
    { NC_("kujala atrophy", "None"), NC_("kujala atrophy", "Slight"), NC_("kujala atrophy", "Severe") },
    { 5, 3, 0 } },
  { "kujala flexion", N_("Flexion deficiency"), 3,
    { NC_("kujala flexion", "None"), NC_("kujala flexion", "Slight"), NC_("kujala flexion", "Severe") },
    { 5, 3, 0 } },
};

static const KjInstrument instruments[] = {
  { "kujala", N_("Anterior Knee Pain Scale (Kujala)"), N_("Kujala score"),
    G_N_ELEMENTS (kujala_items), kujala_items, 100,
    10.0 /* Crossley et al. 2004: an MCID of 8–10 points; the upper end */ },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kujala_items) <= KJ_QUESTIONNAIRE_MAX_ITEMS);

/**
 * kj_instrument_list:
 *
 * Returns: (array length=n_instruments): every instrument the journal knows
 */
const KjInstrument *
kj_instrument_list (guint *n_instruments)
{
  *n_instruments = G_N_ELEMENTS (instruments);
  return instruments;
}

/**
 * kj_instrument_lookup:
 *
 * Returns: (nullable): the instrument stored as @code, or %NULL
 */
const KjInstrument *
kj_instrument_lookup (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (instruments); i++)
    if (strcmp (instruments[i].code, code) == 0)
      return &instruments[i];

  return NULL;
}

/* The instrument offered every week */
const KjInstrument *
kj_instrument_default (void)
{
  return &instruments[0];
}

/* The item's question, translated */
const char *
kj_questionnaire_item_text (const KjInstrument *instrument,
                            guint               item)
{
  g_return_val_if_fail (item < instrument->n_items, NULL);

  return _(instrument->items[item].text);
}

/* An answer, translated in the item's context */
const char *
kj_questionnaire_option_text (const KjInstrument *instrument,
                              guint               item,
                              guint               option)
{
  const KjQuestionnaireItem *it;

  g_return_val_if_fail (item < instrument->n_items, NULL);
  it = &instrument->items[item];
  g_return_val_if_fail (option < it->n_options, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, it->context, it->options[option]);
}

/* The points of answer @option of @item, or -1 when there is no such answer */
int
kj_questionnaire_item_points (const KjInstrument *instrument,
                              guint               item,
                              int                 option)
{
  if (instrument == NULL || item >= instrument->n_items || option < 0 ||
      (guint) option >= instrument->items[item].n_options)
    return -1;

  return instrument->items[item].points[option];
}

/**
 * kj_questionnaire_new:
 * @date: (nullable): YYYY-MM-DD
 *
 * A questionnaire with no answer chosen yet (every answer -1).
 */
KjQuestionnaire *
kj_questionnaire_new (const char         *date,
                      const KjInstrument *instrument)
{
  KjQuestionnaire *q = g_new0 (KjQuestionnaire, 1);

  if (date != NULL)
    g_strlcpy (q->date, date, sizeof q->date);
  q->instrument = instrument;
  q->n_answers = instrument ? instrument->n_items : 0;
  for (guint i = 0; i < KJ_QUESTIONNAIRE_MAX_ITEMS; i++)
    q->answers[i] = -1;

  return q;
}

KjQuestionnaire *
kj_questionnaire_copy (const KjQuestionnaire *questionnaire)
{
  KjQuestionnaire *copy;

  g_return_val_if_fail (questionnaire != NULL, NULL);

  copy = g_memdup2 (questionnaire, sizeof *questionnaire);
  copy->id = g_strdup (questionnaire->id);

  return copy;
}

void
kj_questionnaire_free (KjQuestionnaire *questionnaire)
{
  if (questionnaire == NULL)
    return;

  g_free (questionnaire->id);
  g_free (questionnaire);
}

gboolean
kj_questionnaire_equal (const KjQuestionnaire *a,
                        const KjQuestionnaire *b)
{
  if (g_strcmp0 (a->id, b->id) != 0 || strcmp (a->date, b->date) != 0 ||
      a->instrument != b->instrument || a->n_answers != b->n_answers)
    return FALSE;

  for (guint i = 0; i < a->n_answers && i < KJ_QUESTIONNAIRE_MAX_ITEMS; i++)
    if (a->answers[i] != b->answers[i])
      return FALSE;

  return TRUE;
}

/**
 * kj_questionnaire_check_answer:
 * @item: 0-based
 * @field: the name of the answer in the message ("answers[4]")
 *
 * Whether @answer is the index of an answer of @item. The message counts items
 * from 1, as the form does: “answers[4]: 7 is not an answer of item 5 (0–4)”.
 */
gboolean
kj_questionnaire_check_answer (const KjInstrument  *instrument,
                               guint                item,
                               gint64               answer,
                               const char          *field,
                               GError             **error)
{
  guint n_options;

  g_return_val_if_fail (instrument != NULL && item < instrument->n_items, FALSE);

  n_options = instrument->items[item].n_options;
  if (answer < 0 || answer >= n_options)
    /* Translators: “answers[4]: 7 is not an answer of item 5 (0–4)”: the item is counted from 1, the answers
     * from 0 */
    return kj_record_set_invalid (error, _("%s: %lld is not an answer of item %u (0–%u)"),
                        field, (long long) answer, item + 1, n_options - 1);

  return TRUE;
}

/**
 * kj_questionnaire_validate:
 *
 * A questionnaire is valid with an id, a date, a known instrument and one
 * answer for each of its items, each the index of one of the item's answers.
 */
gboolean
kj_questionnaire_validate (const KjQuestionnaire  *q,
                           GError                **error)
{
  g_return_val_if_fail (q != NULL, FALSE);

  if (!kj_record_check_id (q->id, error))
    return FALSE;
  if (q->date[0] == '\0')
    return kj_record_set_invalid (error, _("%s: a date is required"), "date");
  if (!kj_date_is_valid (q->date))
    return kj_record_set_invalid (error, _("%s: “%s” is not a real date (YYYY-MM-DD)"), "date", q->date);
  if (q->instrument == NULL || kj_instrument_lookup (q->instrument->code) != q->instrument)
    return kj_record_set_invalid (error, _("instrument: a value is required"));
  if (q->n_answers != q->instrument->n_items)
    return kj_record_set_invalid (error, ngettext ("answers: %s needs %u answer, one for each item; found %u",
                                         "answers: %s needs %u answers, one for each item; found %u",
                                         q->instrument->n_items),
                        q->instrument->code, q->instrument->n_items, q->n_answers);

  for (guint i = 0; i < q->n_answers; i++)
    {
      g_autofree char *field = g_strdup_printf ("answers[%u]", i);

      if (!kj_questionnaire_check_answer (q->instrument, i, q->answers[i], field, error))
        return FALSE;
    }

  return TRUE;
}

/* Whether every item has an answer (the window's Save) */
gboolean
kj_questionnaire_is_complete (const KjQuestionnaire *q)
{
  if (q->instrument == NULL || q->n_answers != q->instrument->n_items)
    return FALSE;

  for (guint i = 0; i < q->n_answers; i++)
    if (kj_questionnaire_item_points (q->instrument, i, q->answers[i]) < 0)
      return FALSE;

  return TRUE;
}

/**
 * kj_questionnaire_score:
 *
 * Returns: the sum of the points of the answers (0 to the instrument's
 *   max_score), or -1 when an item has no valid answer
 */
int
kj_questionnaire_score (const KjQuestionnaire *q)
{
  int score = 0;

  if (!kj_questionnaire_is_complete (q))
    return -1;

  for (guint i = 0; i < q->n_answers; i++)
    score += kj_questionnaire_item_points (q->instrument, i, q->answers[i]);

  return score;
}

/* By date, then instrument: a GCompareFunc for g_ptr_array_sort() */
int
kj_questionnaire_compare (gconstpointer a,
                          gconstpointer b)
{
  const KjQuestionnaire *qa = *(KjQuestionnaire * const *) a;
  const KjQuestionnaire *qb = *(KjQuestionnaire * const *) b;
  int c = strcmp (qa->date, qb->date);

  return c != 0 ? c : strcmp (qa->instrument->code, qb->instrument->code);
}

static gboolean
in_range (const char *date,
          const char *from,
          const char *to)
{
  return (from == NULL || from[0] == '\0' || strcmp (date, from) >= 0) &&
         (to == NULL || to[0] == '\0' || strcmp (date, to) <= 0);
}

/**
 * kj_questionnaire_is_due:
 * @questionnaires: (element-type KjQuestionnaire): any order
 * @from: (nullable): the range's first day, "" or %NULL when unbounded
 * @to: (nullable): its last day
 * @today: the day asked about
 *
 * The weekly questionnaire is due on @today when @today is in the range and
 * the last questionnaire of the range on or before @today is
 * KJ_QUESTIONNAIRE_DUE_DAYS or more days old, or there is none.
 */
gboolean
kj_questionnaire_is_due (GPtrArray  *questionnaires,
                         const char *from,
                         const char *to,
                         const char *today)
{
  const char *last = NULL;

  g_return_val_if_fail (today != NULL, FALSE);

  if (!kj_date_is_valid (today) || !in_range (today, from, to))
    return FALSE;

  for (guint i = 0; questionnaires != NULL && i < questionnaires->len; i++)
    {
      const KjQuestionnaire *q = g_ptr_array_index (questionnaires, i);

      if (in_range (q->date, from, today) && (last == NULL || strcmp (q->date, last) > 0))
        last = q->date;
    }

  return last == NULL || kj_date_diff (last, today) >= KJ_QUESTIONNAIRE_DUE_DAYS;
}

void
kj_questionnaire_summary_free (KjQuestionnaireSummary *summary)
{
  if (summary == NULL)
    return;

  g_clear_pointer (&summary->questionnaires, g_ptr_array_unref);
  g_free (summary);
}

/**
 * kj_questionnaire_summarize:
 * @questionnaires: (element-type KjQuestionnaire): valid questionnaires, any order
 *
 * The questionnaires in the range, one summary per instrument that has any,
 * in the order of kj_instrument_list(): first and last score, the change and
 * whether it reaches the instrument's minimal important change.
 *
 * Returns: (transfer full) (element-type KjQuestionnaireSummary): the summaries;
 *   they borrow the questionnaires
 */
GPtrArray *
kj_questionnaire_summarize (GPtrArray  *questionnaires,
                            const char *from,
                            const char *to)
{
  GPtrArray *summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_questionnaire_summary_free);

  for (guint k = 0; k < G_N_ELEMENTS (instruments); k++)
    {
      g_autoptr(KjQuestionnaireSummary) s = g_new0 (KjQuestionnaireSummary, 1);
      const KjQuestionnaire *first, *last;

      s->instrument = &instruments[k];
      s->questionnaires = g_ptr_array_new ();

      for (guint i = 0; questionnaires != NULL && i < questionnaires->len; i++)
        {
          KjQuestionnaire *q = g_ptr_array_index (questionnaires, i);

          if (q->instrument == s->instrument && in_range (q->date, from, to) && kj_questionnaire_score (q) >= 0)
            g_ptr_array_add (s->questionnaires, q);
        }

      if (s->questionnaires->len == 0)
        continue;

      g_ptr_array_sort (s->questionnaires, kj_questionnaire_compare);
      first = g_ptr_array_index (s->questionnaires, 0);
      last = g_ptr_array_index (s->questionnaires, s->questionnaires->len - 1);
      g_strlcpy (s->first_date, first->date, sizeof s->first_date);
      g_strlcpy (s->last_date, last->date, sizeof s->last_date);
      s->first_score = kj_questionnaire_score (first);
      s->last_score = kj_questionnaire_score (last);
      s->change = s->last_score - s->first_score;

      if (s->questionnaires->len < 2)
        s->verdict = KJ_QUESTIONNAIRE_CHANGE_UNKNOWN;
      else if (s->change >= s->instrument->mic)
        s->verdict = KJ_QUESTIONNAIRE_CHANGE_BETTER;
      else if (s->change <= -s->instrument->mic)
        s->verdict = KJ_QUESTIONNAIRE_CHANGE_WORSE;
      else
        s->verdict = KJ_QUESTIONNAIRE_CHANGE_SAME;

      g_ptr_array_add (summaries, g_steal_pointer (&s));
    }

  return summaries;
}

/* The verdict as written in --summary-json */
const char *
kj_questionnaire_change_to_string (KjQuestionnaireChange change)
{
  switch (change)
    {
    case KJ_QUESTIONNAIRE_CHANGE_BETTER:
      return "better";
    case KJ_QUESTIONNAIRE_CHANGE_WORSE:
      return "worse";
    case KJ_QUESTIONNAIRE_CHANGE_SAME:
      return "no-important-change";
    case KJ_QUESTIONNAIRE_CHANGE_UNKNOWN:
    default:
      return "too-few";
    }
}

/**
 * kj_questionnaire_change_text:
 *
 * The change since the first questionnaire against the minimal important
 * change, in one sentence for Trends and the report.
 */
char *
kj_questionnaire_change_text (const KjQuestionnaireSummary *s)
{
  g_autofree char *first = kj_format_date (s->first_date);
  int mic = (int) s->instrument->mic;
  int change = ABS (s->change);

  switch (s->verdict)
    {
    case KJ_QUESTIONNAIRE_CHANGE_UNKNOWN:
      /* Translators: %d is a score out of 100, %s a date */
      return g_strdup_printf (_("Scored %d on %s. Fill it in again next week to see the change."),
                              s->first_score, first);
    case KJ_QUESTIONNAIRE_CHANGE_BETTER:
      /* Translators: “Up 14 points since 2 March 2026 (62 → 76): at least the 10 points that matter to
       * patients.” */
      return g_strdup_printf (ngettext ("Up %d point since %s (%d → %d): at least the %d points that matter to "
                                        "patients.",
                                        "Up %d points since %s (%d → %d): at least the %d points that matter to "
                                        "patients.", change),
                              change, first, s->first_score, s->last_score, mic);
    case KJ_QUESTIONNAIRE_CHANGE_WORSE:
      return g_strdup_printf (ngettext ("Down %d point since %s (%d → %d): at least the %d points that matter to "
                                        "patients.",
                                        "Down %d points since %s (%d → %d): at least the %d points that matter to "
                                        "patients.", change),
                              change, first, s->first_score, s->last_score, mic);
    case KJ_QUESTIONNAIRE_CHANGE_SAME:
    default:
      return g_strdup_printf (ngettext ("A change of %d point since %s (%d → %d): less than the %d points that "
                                        "matter to patients.",
                                        "A change of %d points since %s (%d → %d): less than the %d points that "
                                        "matter to patients.", change),
                              change, first, s->first_score, s->last_score, mic);
    }
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/**
 * kj_questionnaire_summary_json:
 * @questionnaires: (element-type KjQuestionnaire): valid questionnaires
 *
 * The `questionnaires` member of `--summary-json` (doc/command-line.md): one
 * object per instrument with questionnaires in the range.
 *
 * Returns: (transfer full): a JSON array
 */
JsonNode *
kj_questionnaire_summary_json (GPtrArray  *questionnaires,
                               const char *from,
                               const char *to)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GPtrArray) summaries = kj_questionnaire_summarize (questionnaires, from, to);

  json_builder_begin_array (builder);
  for (guint i = 0; i < summaries->len; i++)
    {
      const KjQuestionnaireSummary *s = g_ptr_array_index (summaries, i);

      json_builder_begin_object (builder);
      add_string (builder, "instrument", s->instrument->code);
      json_builder_set_member_name (builder, "mic");
      json_builder_add_double_value (builder, s->instrument->mic);
      add_int (builder, "count", s->questionnaires->len);
      add_string (builder, "first_date", s->first_date);
      add_int (builder, "first_score", s->first_score);
      add_string (builder, "last_date", s->last_date);
      add_int (builder, "last_score", s->last_score);
      add_int (builder, "change", s->change);
      add_string (builder, "meaningful", kj_questionnaire_change_to_string (s->verdict));
      json_builder_set_member_name (builder, "scores");
      json_builder_begin_array (builder);
      for (guint k = 0; k < s->questionnaires->len; k++)
        {
          const KjQuestionnaire *q = g_ptr_array_index (s->questionnaires, k);

          json_builder_begin_object (builder);
          add_string (builder, "id", q->id);
          add_string (builder, "date", q->date);
          add_int (builder, "score", kj_questionnaire_score (q));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

G_DEFINE_BOXED_TYPE (KjQuestionnaire, kj_questionnaire, kj_questionnaire_copy, kj_questionnaire_free)
