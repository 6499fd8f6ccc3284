/* kj-assessment-explain.c — why this verdict? The numbers behind it, in sentences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pure function over a finished KjAssessment: it computes nothing the
 * assessment did not, it only says which numbers of doc/assessment.md,
 * “Verdict” decided — the deciding red flag, the first week of treatment
 * and the last 7 days with their dates and entries, the change against the
 * meaningful change of “Meaningful change”, and the days since the start
 * against the review weeks. Trends (“Why this verdict?”) and the report show
 * these sentences; doc/assessment.md, “Why this verdict?” lists them.
 */
#define G_LOG_DOMAIN "knee-journal-assessment"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kj-assessment.h"

static char *
date_plus (const char *date,
           int         days)
{
  char out[11];

  kj_date_add_days (date, days, out);
  return kj_format_date (out);
}

static void
add_red_flag (GPtrArray          *out,
              const KjAssessment *a,
              const KjRedFlag    *flag)
{
  g_autofree char *when = kj_format_date (flag->date);
  g_autofree char *since = date_plus (a->as_of, -13);
  g_autofree char *as_of = kj_format_date (a->as_of);
  const char *what = kj_code_label (KJ_CODE_SYMPTOM, flag->symptom);

  if (flag->urgent)
    g_ptr_array_add (out, g_strdup_printf (_("On %s you noted “%s”: a warning sign that needs a doctor’s "
                                             "examination today."), when, what));
  else if (g_str_equal (flag->symptom, "swelling"))
    g_ptr_array_add (out, g_strdup_printf (_("Your knee was swollen on 3 or more of 7 days, most recently on %s: a "
                                             "warning sign for a doctor or physiotherapist soon."), when));
  else
    g_ptr_array_add (out, g_strdup_printf (_("On %s you noted “%s”: a warning sign for a doctor or physiotherapist "
                                             "soon."), when, what));

  /* Translators: the last 14 days, “(19 March 2026 to 1 April 2026)” */
  g_ptr_array_add (out, g_strdup_printf (_("A warning sign of the last 14 days (%s to %s) decides the verdict before "
                                           "any other rule."), since, as_of));
}

static void
add_start (GPtrArray          *out,
           const KjAssessment *a)
{
  g_autofree char *t0 = kj_format_date (a->t0);
  g_autofree char *as_of = kj_format_date (a->as_of);
  int days = a->days_since_t0;

  if (days > 0)
    g_ptr_array_add (out, g_strdup_printf (ngettext ("Treatment started on %s, %d day before the day assessed (%s).",
                                                     "Treatment started on %s, %d days before the day assessed (%s).",
                                                     days),
                                           t0, days, as_of));
  else if (days == 0)
    g_ptr_array_add (out, g_strdup_printf (_("Treatment started on %s, the day assessed."), t0));
  else
    g_ptr_array_add (out, g_strdup_printf (ngettext ("Treatment starts on %s, %d day after the day assessed (%s): "
                                                     "its first week has not begun.",
                                                     "Treatment starts on %s, %d days after the day assessed (%s): "
                                                     "its first week has not begun.",
                                                     -days),
                                           t0, -days, as_of));
}

static void
add_windows (GPtrArray          *out,
             const KjAssessment *a)
{
  g_autofree char *t0 = kj_format_date (a->t0);
  g_autofree char *t0_end = date_plus (a->t0, MIN (6, a->days_since_t0));
  g_autofree char *from = date_plus (a->as_of, -6);
  g_autofree char *as_of = kj_format_date (a->as_of);

  /* the first week, cut at as of: nothing later counts */
  if (a->baseline_entries == 0)
    g_ptr_array_add (out, g_strdup_printf (_("In the first week of treatment (%s to %s) no day is logged."),
                                           t0, t0_end));
  else
    /* Translators: “In the first week of treatment (2 March 2026 to 8 March 2026) you logged 7 days, …” */
    g_ptr_array_add (out, g_strdup_printf (ngettext ("In the first week of treatment (%s to %s) you logged %u day, "
                                                     "with an average pain of %.1f.",
                                                     "In the first week of treatment (%s to %s) you logged %u days, "
                                                     "with an average pain of %.1f.",
                                                     a->baseline_entries),
                                           t0, t0_end, a->baseline_entries, a->baseline));

  if (a->current_entries == 0)
    g_ptr_array_add (out, g_strdup_printf (_("In the last 7 days (%s to %s) no day is logged."), from, as_of));
  else
    g_ptr_array_add (out, g_strdup_printf (ngettext ("In the last 7 days (%s to %s) you logged %u day, with an "
                                                     "average pain of %.1f.",
                                                     "In the last 7 days (%s to %s) you logged %u days, with an "
                                                     "average pain of %.1f.",
                                                     a->current_entries),
                                           from, as_of, a->current_entries, a->current));

  if (a->baseline_entries < 3 || a->current_entries < 3)
    g_ptr_array_add (out, g_strdup (_("The change is judged only with at least 3 logged days in each of these two "
                                      "weeks.")));
}

static void
add_change (GPtrArray          *out,
            const KjAssessment *a)
{
  double threshold = kj_assessment_meaningful_threshold (a->baseline);
  double size = fabs (a->change);
  /* two decimals where one would make the change and the threshold look
   * equal (1.5 against 1.5) while one of them decides */
  int digits = size != threshold && round (size * 10) == round (threshold * 10) ? 2 : 1;
  g_autofree char *pct = NULL;

  if (!isnan (a->change_pct))
    /* Translators: a percentage change in brackets, “ (−56 %)”; mind the minus sign */
    pct = g_strdup_printf (_(" (%s%.0f %%)"), a->change_pct < 0 ? "−" : "+", fabs (a->change_pct));

  /* Translators: “… average pain changed by −3.4 points (−56 %).” */
  g_ptr_array_add (out, g_strdup_printf (_("From the first week to the last 7 days, average pain changed by %s%.*f "
                                           "points%s."),
                                         a->change < 0 ? "−" : "+", digits, size, pct != NULL ? pct : ""));
  g_ptr_array_add (out, g_strdup_printf (_("A change counts as meaningful from 2 points, or from 30 %% of the first "
                                           "week’s average when that is at least 1 point (Farrar et al. 2001); with "
                                           "a first-week average of %.1f, that is %.*f points."),
                                         a->baseline, digits, threshold));

  if (kj_assessment_is_meaningful_change (a->baseline, a->change) && a->change < 0)
    g_ptr_array_add (out, g_strdup_printf (_("The fall of %.*f points reaches it: pain has improved meaningfully."),
                                           digits, size));
  else if (kj_assessment_is_meaningful_change (a->baseline, a->change))
    g_ptr_array_add (out, g_strdup_printf (_("The rise of %.*f points reaches it: pain has become meaningfully "
                                             "worse."), digits, size));
  else
    g_ptr_array_add (out, g_strdup_printf (_("The change of %.*f points is smaller: it does not count as a "
                                             "meaningful change."), digits, size));
}

static void
add_review (GPtrArray          *out,
            const KjAssessment *a)
{
  g_autofree char *review = date_plus (a->t0, 7 * a->review_weeks);

  switch (a->verdict)
    {
    case KJ_VERDICT_TOO_EARLY:
      {
        g_autofree char *first = date_plus (a->t0, 13);

        g_ptr_array_add (out, g_strdup_printf (ngettext ("The first week and the last 7 days overlap until 13 days "
                                                         "after the start: the first assessment comes on %s, in %d "
                                                         "day.",
                                                         "The first week and the last 7 days overlap until 13 days "
                                                         "after the start: the first assessment comes on %s, in %d "
                                                         "days.",
                                                         a->more_days_needed),
                                               first, a->more_days_needed));
      }
      break;

    case KJ_VERDICT_SEE_DOCTOR:
      if (a->doctor_reason != KJ_DOCTOR_NO_IMPROVEMENT)
        break;
      /* Translators: “The review time of 3 weeks (set in Preferences) ended on 23 March 2026 …” */
      g_ptr_array_add (out, g_strdup_printf (ngettext ("The review time of %d week (set in Preferences) ended on %s "
                                                       "without a meaningful improvement, so the verdict is “See a "
                                                       "Doctor”.",
                                                       "The review time of %d weeks (set in Preferences) ended on %s "
                                                       "without a meaningful improvement, so the verdict is “See a "
                                                       "Doctor”.",
                                                       a->review_weeks),
                                             a->review_weeks, review));
      break;

    case KJ_VERDICT_NO_CHANGE:
      g_ptr_array_add (out, g_strdup_printf (ngettext ("The review time is %d week (set in Preferences): if there is "
                                                       "still no meaningful change on %s, the verdict becomes “See a "
                                                       "Doctor”.",
                                                       "The review time is %d weeks (set in Preferences): if there is "
                                                       "still no meaningful change on %s, the verdict becomes “See a "
                                                       "Doctor”.",
                                                       a->review_weeks),
                                             a->review_weeks, review));
      break;

    default:
      break;
    }
}

/**
 * kj_assessment_explain:
 * @assessment: an assessment
 *
 * Why this verdict: the numbers of doc/assessment.md, “Verdict” that decided
 * it, as sentences in the user's language — the red flag of rule 1, the
 * start of treatment, the first week and the last 7 days with their dates,
 * entries and means, the change against the meaningful change, and for
 * too-early, no-change and see-doctor the days against the review time.
 *
 * Returns: (transfer full): the sentences, in the order of the rules
 */
char **
kj_assessment_explain (const KjAssessment *assessment)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  const KjAssessment *a = assessment;
  const KjRedFlag *flag;

  g_return_val_if_fail (a != NULL, NULL);

  flag = kj_assessment_get_deciding_red_flag (a);
  if (a->verdict == KJ_VERDICT_SEE_DOCTOR && a->doctor_reason == KJ_DOCTOR_RED_FLAG && flag != NULL)
    add_red_flag (out, a, flag);

  if (!a->has_t0)
    {
      g_autofree char *as_of = kj_format_date (a->as_of);

      g_ptr_array_add (out, g_strdup_printf (_("Nothing is logged up to %s yet."), as_of));
      return (char **) g_ptr_array_steal (out, NULL);
    }

  add_start (out, a);
  if (a->days_since_t0 < 0)
    return (char **) g_ptr_array_steal (out, NULL);

  add_windows (out, a);
  /* too early, the two weeks overlap: a change between them means nothing yet */
  if (!isnan (a->change) && a->verdict != KJ_VERDICT_TOO_EARLY)
    add_change (out, a);
  add_review (out, a);

  return (char **) g_ptr_array_steal (out, NULL);
}

/* The studies and guidance the rules rest on, as doc/assessment.md,
 * “Sources” and the help's “How the assessment works” list them; citations
 * are not translated. */
static const char *const sources[] = {
  "Farrar JT, Young JP Jr, LaMoreaux L, Werth JL, Poole RM. Clinical importance of changes in chronic pain "
  "intensity measured on an 11-point numerical pain rating scale. Pain 2001;94(2):149–158.",
  "Dworkin RH, Turk DC, Wyrwich KW, et al. Interpreting the clinical importance of treatment outcomes in chronic "
  "pain clinical trials: IMMPACT recommendations. J Pain 2008;9(2):105–121.",
  "Piva SR, Gil AB, Moore CG, Fitzgerald GK. Responsiveness of the activities of daily living scale of the knee "
  "outcome survey and numeric pain rating scale in patients with patellofemoral pain. J Rehabil Med "
  "2009;41(3).",
  "NHS. Knee pain. nhs.uk/conditions/knee-pain",
  "Nielsen RO, Parner ET, Nohr EA, Sørensen H, Lind M, Rasmussen S. Excessive progression in weekly running "
  "distance and risk of running-related injuries: an association which varies according to type of injury. "
  "J Orthop Sports Phys Ther 2014;44(10):739–747.",
  "Frandsen JSB, et al. How much running is too much? Identifying high-risk running sessions in a 5200-person "
  "cohort study. Br J Sports Med 2025;59(17):1203–1210.",
  "Silbernagel KG, Thomeé R, Eriksson BI, Karlsson J. Continued sports activity, using a pain-monitoring model, "
  "during rehabilitation in patients with Achilles tendinopathy: a randomized controlled study. Am J Sports Med "
  "2007;35(6):897–906.",
  NULL
};

/**
 * kj_assessment_sources:
 *
 * The clinical sources of the rules, one citation each; the medication
 * limits come from the over-the-counter labels, which are not listed here.
 *
 * Returns: (transfer none) (array zero-terminated=1): the citations
 */
const char *const *
kj_assessment_sources (void)
{
  return sources;
}
