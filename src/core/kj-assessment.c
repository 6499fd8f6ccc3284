/* kj-assessment.c — the assessment of doc/assessment.md: is conservative treatment working?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions over arrays of records, no SQL: the store reads, this
 * computes. The verdict and its sentence, the numbers behind it, and the
 * assessment as text (--summary) and JSON (--summary-json); the numbers over
 * time come from kj-series.c, the red flags, load and medication warnings
 * from kj-warnings.c.
 *
 * Every number counts only records dated up to "as of": the baseline too
 * (T0 … T0+6, cut at as of), the current window, the slope, the red flags,
 * the load and medication warnings, runs and pain. A treatment start after
 * as of gives days_since_t0 < 0 (has_t0 says whether it is known at all).
 *
 * Two readings to know:
 * - A window with 1–2 entries shows its mean and its count (“4.0 (2 days
 *   logged)”), but change, change_pct and the verdict need at least 3
 *   entries in the baseline and 3 in the current window; with fewer the
 *   verdict is not-enough-data.
 * - Runs and pain: the journal's first day entry does not count, because
 *   whether the day before it had a run is not known; every later entry
 *   counts as “after a run day” or “after a day without a run”.
 *
 * Units: kj_assessment_to_text() (--summary) writes distances in the
 * journal's unit (km or miles, via kj-format); kj_assessment_to_json()
 * (--summary-json, doc/journal-format.md, “Summary JSON”) always in km and metres.
 */
#define G_LOG_DOMAIN "knee-journal-assessment"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "kj-assessment.h"
#include "kj-associations.h"
#include "kj-questionnaire.h"

#define EPSILON 1e-9

const char *
kj_verdict_to_string (KjVerdict verdict)
{
  switch (verdict)
    {
    case KJ_VERDICT_IMPROVING: return "improving";
    case KJ_VERDICT_NO_CHANGE: return "no-change";
    case KJ_VERDICT_WORSENING: return "worsening";
    case KJ_VERDICT_TOO_EARLY: return "too-early";
    case KJ_VERDICT_SEE_DOCTOR: return "see-doctor";
    case KJ_VERDICT_NOT_ENOUGH_DATA: return "not-enough-data";
    default: g_return_val_if_reached ("not-enough-data");
    }
}

/* The rules */

/**
 * kj_assessment_meaningful_threshold:
 * @baseline: the mean pain of the first week, or NAN
 *
 * The minimal clinically important difference on the 0–10 scale (Farrar et
 * al. 2001, doc/assessment.md, “Meaningful change”): 2 points, or 30 % of
 * the baseline when that is less but at least 1 point.
 *
 * Returns: the smallest change, in points, that counts as meaningful
 */
double
kj_assessment_meaningful_threshold (double baseline)
{
  if (isnan (baseline))
    return 2.0;

  return CLAMP (0.3 * baseline, 1.0, 2.0);
}

/**
 * kj_assessment_is_meaningful_change:
 *
 * Whether @change reaches kj_assessment_meaningful_threshold() of
 * @baseline: at least 2 points, or at least 30 % of the baseline when that
 * is also at least 1 point.
 */
gboolean
kj_assessment_is_meaningful_change (double baseline,
                                    double change)
{
  if (isnan (change))
    return FALSE;

  return fabs (change) >= kj_assessment_meaningful_threshold (baseline) - EPSILON;
}

/**
 * kj_assessment_get_deciding_red_flag:
 *
 * The red flag behind rule 1 of doc/assessment.md, “Verdict”: of the flags
 * dated as_of−13 … as_of, the most recent urgent one, else the most recent.
 *
 * Returns: (transfer none) (nullable): the flag, or %NULL when there is none
 */
const KjRedFlag *
kj_assessment_get_deciding_red_flag (const KjAssessment *a)
{
  const KjRedFlag *recent_flag = NULL;
  int as;

  g_return_val_if_fail (a != NULL && a->red_flags != NULL, NULL);

  as = kj_series_julian (a->as_of);
  for (guint i = 0; i < a->red_flags->len; i++)
    {
      const KjRedFlag *flag = &g_array_index (a->red_flags, KjRedFlag, i);

      /* the most recent, urgent ones first */
      if (kj_series_julian (flag->date) >= as - 13 &&
          (recent_flag == NULL || flag->urgent || !recent_flag->urgent))
        recent_flag = flag;
    }

  return recent_flag;
}

/* The assessment */

static double
mean_pain (GPtrArray *days,
           int        from,
           int        to,
           guint     *n)
{
  double sum = 0;

  *n = 0;
  for (guint i = 0; i < days->len; i++)
    {
      const KjDay *day = g_ptr_array_index (days, i);
      int d = kj_series_julian (day->date);

      if (d >= from && d <= to)
        {
          sum += day->pain;
          (*n)++;
        }
    }

  return *n > 0 ? sum / *n : NAN;
}

static double
slope_per_week (GPtrArray *days,
                int        as_of)
{
  g_autoptr(GArray) x = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) y = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < days->len; i++)
    {
      const KjDay *day = g_ptr_array_index (days, i);
      int d = kj_series_julian (day->date);

      if (d >= as_of - 20 && d <= as_of)
        {
          double dx = d - as_of, dy = day->pain;

          g_array_append_val (x, dx);
          g_array_append_val (y, dy);
        }
    }

  if (x->len < 5)
    return NAN;

  return 7.0 * kj_series_theil_sen ((double *) x->data, (double *) y->data, x->len);
}

/* Mean pain on days after a run day, and after a day without one. */
static void
pain_after_runs (GPtrArray *days,
                 GPtrArray *runs,
                 int        as_of,
                 double    *after_run,
                 double    *after_rest)
{
  g_autoptr(GHashTable) run_days = g_hash_table_new (NULL, NULL);
  double run_sum = 0, rest_sum = 0;
  int run_n = 0, rest_n = 0, first = G_MAXINT;

  for (guint i = 0; i < runs->len; i++)
    g_hash_table_add (run_days, GINT_TO_POINTER (kj_series_julian (((KjRun *) g_ptr_array_index (runs, i))->date)));

  for (guint i = 0; i < days->len; i++)
    first = MIN (first, kj_series_julian (((KjDay *) g_ptr_array_index (days, i))->date));

  for (guint i = 0; i < days->len; i++)
    {
      const KjDay *day = g_ptr_array_index (days, i);
      int d = kj_series_julian (day->date);

      /* the day before must lie within the journal */
      if (d > as_of || d - 1 < first)
        continue;

      if (g_hash_table_contains (run_days, GINT_TO_POINTER (d - 1)))
        run_sum += day->pain, run_n++;
      else
        rest_sum += day->pain, rest_n++;
    }

  *after_run = run_n >= 3 && rest_n >= 3 ? run_sum / run_n : NAN;
  *after_rest = run_n >= 3 && rest_n >= 3 ? rest_sum / rest_n : NAN;
}

static char *
format_change_pct (double pct)
{
  if (isnan (pct))
    return g_strdup ("");
  /* Translators: a percentage change in brackets, “ (−56 %)”; mind the minus sign */
  return g_strdup_printf (_(" (%s%.0f %%)"), pct < 0 ? "−" : "+", fabs (pct));
}

static char *
build_message (const KjAssessment *a,
               const KjRedFlag    *recent_flag)
{
  g_autofree char *pct = format_change_pct (a->change_pct);
  int weeks = a->has_t0 ? MAX (0, a->days_since_t0) / 7 : 0;

  switch (a->verdict)
    {
    case KJ_VERDICT_SEE_DOCTOR:
      if (a->doctor_reason == KJ_DOCTOR_RED_FLAG && recent_flag != NULL)
        {
          g_autofree char *when = kj_format_date (recent_flag->date);
          const char *what = kj_code_label (KJ_CODE_SYMPTOM, recent_flag->symptom);

          if (recent_flag->urgent)
            /* Translators: “See a doctor now — you noted Locking on 20 March 2026. …” */
            return g_strdup_printf (_("See a doctor now — you noted “%s” on %s. Locking, fever or not being able to "
                                      "bear weight need a doctor’s examination today; tell them when it started."),
                                    what, when);
          if (g_str_equal (recent_flag->symptom, "swelling"))
            return g_strdup_printf (_("See a doctor or physiotherapist soon — your knee was swollen on 3 or more of 7 "
                                      "days, most recently on %s. Tell them how long it has been swollen."), when);
          return g_strdup_printf (_("See a doctor or physiotherapist soon — you noted “%s” on %s. "
                                    "Tell them when it happened and what you were doing."), what, when);
        }
      /* Translators: “… in the 3 weeks since you started treatment (5.1 to 4.8).” */
      return g_strdup_printf (ngettext ("See a doctor — your pain has not improved meaningfully in the %d week since "
                                        "you started treatment (%.1f then, %.1f now). Tell them what you tried.",
                                        "See a doctor — your pain has not improved meaningfully in the %d weeks since "
                                        "you started treatment (%.1f then, %.1f now). Tell them what you tried.",
                                        weeks),
                              weeks, a->baseline, a->current);

    case KJ_VERDICT_NOT_ENOUGH_DATA:
      return g_strdup_printf (ngettext ("Not enough data yet — log at least 3 days in the first week of treatment and "
                                        "3 in the last 7 days. Log %d more day to see whether treatment is working.",
                                        "Not enough data yet — log at least 3 days in the first week of treatment and "
                                        "3 in the last 7 days. Log %d more days to see whether treatment is working.",
                                        a->more_days_needed),
                              a->more_days_needed);

    case KJ_VERDICT_TOO_EARLY:
      {
        g_autofree char *started = g_strdup_printf (ngettext ("Too early to tell — treatment started %d day ago.",
                                                              "Too early to tell — treatment started %d days ago.",
                                                              a->days_since_t0),
                                                    a->days_since_t0);
        g_autofree char *wait = g_strdup_printf (ngettext ("Keep logging: the first assessment comes in %d day.",
                                                           "Keep logging: the first assessment comes in %d days.",
                                                           a->more_days_needed),
                                                 a->more_days_needed);

        return g_strdup_printf ("%s %s", started, wait);
      }

    case KJ_VERDICT_IMPROVING:
      /* Translators: “Improving — average pain fell from 6.1 to 2.7 (−56 %) in the 4 weeks since …” */
      return g_strdup_printf (ngettext ("Improving — average pain fell from %.1f to %.1f%s in the %d week since you "
                                        "started treatment. Keep going with what helps.",
                                        "Improving — average pain fell from %.1f to %.1f%s in the %d weeks since you "
                                        "started treatment. Keep going with what helps.",
                                        weeks),
                              a->baseline, a->current, pct, weeks);

    case KJ_VERDICT_WORSENING:
      return g_strdup_printf (ngettext ("Worse — average pain rose from %.1f to %.1f%s in the %d week since you "
                                        "started treatment. See a doctor or physiotherapist.",
                                        "Worse — average pain rose from %.1f to %.1f%s in the %d weeks since you "
                                        "started treatment. See a doctor or physiotherapist.",
                                        weeks),
                              a->baseline, a->current, pct, weeks);

    case KJ_VERDICT_NO_CHANGE:
    default:
      {
        char review[11];
        g_autofree char *when = NULL;

        kj_date_add_days (a->t0, 7 * a->review_weeks, review);
        when = kj_format_date (review);
        return g_strdup_printf (_("No clear change yet — average pain was %.1f when treatment started and is %.1f "
                                  "now. If it has not improved by %s, see a doctor."),
                                a->baseline, a->current, when);
      }
    }
}

/* The assessment with T0 = @treatment_start (or the first treatment, else the
 * first entry) and @review_weeks */
static KjAssessment *
assess (KjUnits      units,
        const char  *treatment_start,
        int          review_weeks,
        GPtrArray   *days,
        GPtrArray   *treatments,
        GPtrArray   *runs,
        const char  *as_of)
{
  KjAssessment *a = g_new0 (KjAssessment, 1);
  const KjRedFlag *recent_flag = NULL;
  int as, t0 = 0;

  as = kj_series_julian (as_of);
  g_strlcpy (a->as_of, as_of, sizeof a->as_of);
  a->review_weeks = review_weeks;
  a->units = units;
  a->has_t0 = FALSE;
  a->days_since_t0 = 0;
  a->baseline = a->current = a->change = a->change_pct = a->slope_per_week = NAN;

  for (guint i = 0; i < days->len; i++)
    a->entries += kj_series_julian (((KjDay *) g_ptr_array_index (days, i))->date) <= as;

  /* T0: the treatment start, else the first treatment, else the first entry */
  if (treatment_start != NULL && treatment_start[0] != '\0')
    t0 = kj_series_julian (treatment_start);
  if (t0 == 0)
    {
      int first = G_MAXINT;

      for (guint i = 0; i < treatments->len; i++)
        {
          int d = kj_series_julian (((KjTreatment *) g_ptr_array_index (treatments, i))->date);
          if (d <= as)
            first = MIN (first, d);
        }
      if (first == G_MAXINT)
        for (guint i = 0; i < days->len; i++)
          {
            int d = kj_series_julian (((KjDay *) g_ptr_array_index (days, i))->date);
            if (d <= as)
              first = MIN (first, d);
          }
      t0 = first != G_MAXINT ? first : 0;
    }

  a->red_flags = kj_warnings_red_flags (days, as_of);
  a->load_warnings = kj_warnings_load (runs, as_of);
  a->medication_warnings = kj_warnings_medication (treatments, as_of);
  pain_after_runs (days, runs, as, &a->pain_after_run_days, &a->pain_after_rest_days);
  a->slope_per_week = slope_per_week (days, as);

  recent_flag = kj_assessment_get_deciding_red_flag (a);

  if (t0 != 0)
    {
      kj_series_date_of_julian (t0, a->t0);
      a->has_t0 = TRUE;
      a->days_since_t0 = as - t0;
      /* nothing dated after as_of counts, in the baseline neither */
      a->baseline = mean_pain (days, t0, MIN (t0 + 6, as), &a->baseline_entries);
      a->current = mean_pain (days, as - 6, as, &a->current_entries);

      if (a->baseline_entries >= 3 && a->current_entries >= 3)
        {
          a->change = a->current - a->baseline;
          a->change_pct = a->baseline != 0 ? 100.0 * a->change / a->baseline : NAN;
        }
    }

  if (recent_flag != NULL)
    {
      a->verdict = KJ_VERDICT_SEE_DOCTOR;
      a->doctor_reason = KJ_DOCTOR_RED_FLAG;
    }
  else if (t0 == 0 || a->baseline_entries < 3 || a->current_entries < 3)
    {
      a->verdict = KJ_VERDICT_NOT_ENOUGH_DATA;
      a->more_days_needed = MAX (1, MAX (0, 3 - (int) a->current_entries) + MAX (0, 3 - (int) a->baseline_entries));
    }
  else if (a->days_since_t0 < 13)
    {
      a->verdict = KJ_VERDICT_TOO_EARLY;
      a->more_days_needed = 13 - a->days_since_t0;
    }
  else if (kj_assessment_is_meaningful_change (a->baseline, a->change) && a->change < 0)
    a->verdict = KJ_VERDICT_IMPROVING;
  else if (kj_assessment_is_meaningful_change (a->baseline, a->change) && a->change > 0)
    a->verdict = KJ_VERDICT_WORSENING;
  else if (a->days_since_t0 >= 7 * a->review_weeks)
    {
      a->verdict = KJ_VERDICT_SEE_DOCTOR;
      a->doctor_reason = KJ_DOCTOR_NO_IMPROVEMENT;
    }
  else
    a->verdict = KJ_VERDICT_NO_CHANGE;

  a->message = build_message (a, recent_flag);

  return a;
}

/**
 * kj_assess:
 * @profile: (nullable): the profile (treatment start, review weeks), as the
 *   journal's only episode
 * @days: the day entries, in any order
 * @as_of: the date to evaluate for
 *
 * Returns: (transfer full): the assessment of doc/assessment.md
 */
KjAssessment *
kj_assess (const KjProfile *profile,
           GPtrArray       *days,
           GPtrArray       *treatments,
           GPtrArray       *runs,
           const char      *as_of)
{
  g_return_val_if_fail (kj_date_is_valid (as_of), NULL);

  return assess (kj_units_from_profile (profile), profile != NULL ? profile->treatment_start : NULL,
                 profile != NULL && profile->review_weeks != KJ_UNSET ? profile->review_weeks : 3,
                 days, treatments, runs, as_of);
}

/**
 * kj_assess_episode:
 * @profile: (nullable): the profile (its units)
 * @episodes: (element-type KjEpisode): every episode of the journal
 * @episode: the episode to assess, one of @episodes
 * @as_of: the date to evaluate for
 *
 * The assessment of one episode (doc/assessment.md, “Episodes”): only the
 * records in its range (kj_episode_get_range()) count, T0 is its treatment
 * start, else its first treatment, else its first entry, with its review
 * weeks; an ended episode is assessed as of its end date when @as_of is later.
 *
 * Returns: (transfer full): the assessment
 */
KjAssessment *
kj_assess_episode (const KjProfile *profile,
                   GPtrArray       *episodes,
                   const KjEpisode *episode,
                   GPtrArray       *days,
                   GPtrArray       *treatments,
                   GPtrArray       *runs,
                   const char      *as_of)
{
  g_autoptr(GPtrArray) in_days = NULL;
  g_autoptr(GPtrArray) in_treatments = NULL;
  g_autoptr(GPtrArray) in_runs = NULL;
  char from[11], to[11];
  const char *until = as_of;
  KjAssessment *a;

  g_return_val_if_fail (kj_date_is_valid (as_of), NULL);
  g_return_val_if_fail (episode != NULL, NULL);

  kj_episode_get_range (episodes, episode, from, to);
  if (to[0] != '\0' && strcmp (to, as_of) < 0)
    until = to;

  in_days = kj_records_in_range (days, from, to);
  in_treatments = kj_records_in_range (treatments, from, to);
  in_runs = kj_records_in_range (runs, from, to);

  a = assess (kj_units_from_profile (profile), episode->treatment_start, episode->review_weeks,
              in_days, in_treatments, in_runs, until);
  a->episode = kj_episode_copy (episode);

  return a;
}

void
kj_assessment_free (KjAssessment *a)
{
  if (a == NULL)
    return;

  g_clear_pointer (&a->red_flags, g_array_unref);
  g_clear_pointer (&a->load_warnings, g_array_unref);
  g_clear_pointer (&a->medication_warnings, g_array_unref);
  g_clear_pointer (&a->episode, kj_episode_free);
  g_free (a->message);
  g_free (a);
}

const char *
kj_assessment_disclaimer (void)
{
  return _("This is a summary of your own records, not a diagnosis.");
}

/* Output */

static void
add_number (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_date_or_null (JsonBuilder *builder,
                  const char  *member,
                  const char  *date)
{
  json_builder_set_member_name (builder, member);
  if (date[0] != '\0')
    json_builder_add_string_value (builder, date);
  else
    json_builder_add_null_value (builder);
}

/**
 * kj_assessment_to_json:
 *
 * Returns: (transfer full): the summary JSON of doc/journal-format.md, “Summary JSON”, ending with a newline,
 *   without its associations
 */
char *
kj_assessment_to_json (const KjAssessment *a)
{
  return kj_summary_to_json (a, NULL, NULL);
}

/**
 * kj_summary_to_json:
 * @associations: (nullable) (element-type KjAssociation): kj_associations_compute()'s, or NULL to leave them out
 * @questionnaires: (nullable) (element-type KjQuestionnaire): the questionnaires of the episode assessed, or NULL
 *   to leave them out
 *
 * Returns: (transfer full): the summary JSON of doc/journal-format.md, “Summary JSON”, ending with a newline
 */
char *
kj_summary_to_json (const KjAssessment *a,
                    GArray             *associations,
                    GPtrArray          *questionnaires)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "as_of");
  json_builder_add_string_value (builder, a->as_of);
  json_builder_set_member_name (builder, "t0");
  if (a->t0[0] != '\0')
    json_builder_add_string_value (builder, a->t0);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "days_since_t0");
  if (a->has_t0)
    json_builder_add_int_value (builder, a->days_since_t0);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, kj_verdict_to_string (a->verdict));
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, a->message);
  add_number (builder, "baseline", a->baseline);
  add_number (builder, "current", a->current);
  add_number (builder, "change", a->change);
  add_number (builder, "change_pct", a->change_pct);
  add_number (builder, "slope_per_week", a->slope_per_week);
  json_builder_set_member_name (builder, "entries");
  json_builder_add_int_value (builder, a->entries);

  json_builder_set_member_name (builder, "red_flags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < a->red_flags->len; i++)
    {
      const KjRedFlag *f = &g_array_index (a->red_flags, KjRedFlag, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, f->date);
      json_builder_set_member_name (builder, "symptom");
      json_builder_add_string_value (builder, f->symptom);
      json_builder_set_member_name (builder, "urgent");
      json_builder_add_boolean_value (builder, f->urgent);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "load_warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < a->load_warnings->len; i++)
    {
      const KjLoadWarning *w = &g_array_index (a->load_warnings, KjLoadWarning, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, w->type);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, w->date);
      add_number (builder, "km", w->km);
      add_number (builder, "previous_km", w->previous_km);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_number (builder, "pain_after_run_days", a->pain_after_run_days);
  add_number (builder, "pain_after_rest_days", a->pain_after_rest_days);

  json_builder_set_member_name (builder, "medication_warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < a->medication_warnings->len; i++)
    {
      const KjMedicationWarning *w = &g_array_index (a->medication_warnings, KjMedicationWarning, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, w->type);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, w->date);
      json_builder_set_member_name (builder, "drug");
      json_builder_add_string_value (builder, w->drug);
      json_builder_set_member_name (builder, "total_mg");
      if (w->total_mg != KJ_UNSET)
        json_builder_add_int_value (builder, w->total_mg);
      else
        json_builder_add_null_value (builder);
      if (w->days != KJ_UNSET)
        {
          json_builder_set_member_name (builder, "days");
          json_builder_add_int_value (builder, w->days);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* the episode assessed (doc/journal-format.md, “Summary JSON”) */
  if (a->episode != NULL)
    {
      const KjEpisode *e = a->episode;

      json_builder_set_member_name (builder, "episode");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, e->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, e->name ? e->name : "");
      json_builder_set_member_name (builder, "side");
      json_builder_add_string_value (builder, e->side);
      add_date_or_null (builder, "injury_date", e->injury_date);
      add_date_or_null (builder, "treatment_start", e->treatment_start);
      json_builder_set_member_name (builder, "review_weeks");
      json_builder_add_int_value (builder, e->review_weeks);
      add_date_or_null (builder, "end_date", e->end_date);
      json_builder_end_object (builder);
    }
  if (questionnaires != NULL)
    {
      json_builder_set_member_name (builder, "questionnaires");
      json_builder_add_value (builder, kj_questionnaire_summary_json (questionnaires, "", ""));
    }
  if (associations != NULL)
    kj_associations_add_json (builder, associations);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
}

typedef struct
{
  char *label;
  char *value;
} Line;

static void
clear_line (gpointer data)
{
  Line *line = data;

  g_free (line->label);
  g_free (line->value);
}

static void
append_line (GArray     *lines,
             const char *label,
             const char *value)
{
  Line line = { g_strdup (label), g_strdup (value) };

  g_array_append_val (lines, line);
}

/* The labels in one column and the values in the next, padded by characters
 * (not bytes), so that they line up in every language */
static void
write_lines (GString *out,
             GArray  *lines)
{
  glong width = 26;

  for (guint i = 0; i < lines->len; i++)
    width = MAX (width, g_utf8_strlen (g_array_index (lines, Line, i).label, -1) + 1);

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      g_string_append (out, line->label);
      for (glong n = g_utf8_strlen (line->label, -1); n < width; n++)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, " %s\n", line->value);
    }
}

/* "Ibuprofen, Naproxen" from "ibuprofen+naproxen" */
static char *
drug_labels (const char *codes)
{
  g_auto(GStrv) parts = g_strsplit (codes != NULL ? codes : "", "+", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: between the names of two medicines */
        g_string_append (out, _(", "));
      g_string_append (out, kj_code_label (KJ_CODE_DRUG, parts[i]));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * kj_assessment_to_text:
 *
 * Returns: (transfer full): the assessment as readable text in the user's language
 */
char *
kj_assessment_to_text (const KjAssessment *a)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));

  g_array_set_clear_func (lines, clear_line);

  /* Translators: the first line of --summary */
  g_string_append_printf (out, _("Knee Journal — assessment as of %s"), a->as_of);
  g_string_append (out, "\n");
  if (a->episode != NULL)
    {
      g_autofree char *episode = kj_episode_dup_line (a->episode);

      g_string_append_printf (out, "%s\n", episode);
    }
  g_string_append (out, "\n");
  g_string_append_printf (out, "%s\n\n", a->message);

  if (a->has_t0 && a->days_since_t0 < 0)
    {
      int in = -a->days_since_t0;
      /* Translators: a treatment start after the as-of date, “2026-03-09 (starts in 7 days)” */
      g_autofree char *v = g_strdup_printf (ngettext ("%s (starts in %d day)", "%s (starts in %d days)", in),
                                            a->t0, in);
      append_line (lines, _("Treatment starts:"), v);
    }
  else if (a->has_t0 && a->days_since_t0 == 0)
    {
      g_autofree char *v = g_strdup_printf (_("%s (today)"), a->t0);
      append_line (lines, _("Treatment started:"), v);
    }
  else if (a->has_t0)
    {
      g_autofree char *v = g_strdup_printf (ngettext ("%s (%d day ago)", "%s (%d days ago)", a->days_since_t0),
                                            a->t0, a->days_since_t0);
      append_line (lines, _("Treatment started:"), v);
    }
  if (!isnan (a->baseline))
    {
      g_autofree char *v = g_strdup_printf (ngettext ("%.1f (%u day logged)", "%.1f (%u days logged)", a->baseline_entries),
                                            a->baseline, a->baseline_entries);
      append_line (lines, _("Pain in the first week:"), v);
    }
  if (!isnan (a->current))
    {
      g_autofree char *v = g_strdup_printf (ngettext ("%.1f (%u day logged)", "%.1f (%u days logged)", a->current_entries),
                                            a->current, a->current_entries);
      append_line (lines, _("Pain in the last 7 days:"), v);
    }
  if (!isnan (a->change))
    {
      g_autofree char *pct = format_change_pct (a->change_pct);
      g_autofree char *v = g_strdup_printf (_("%s%.1f points%s"), a->change < 0 ? "−" : "+", fabs (a->change), pct);
      append_line (lines, _("Change:"), v);
    }
  if (!isnan (a->slope_per_week))
    {
      g_autofree char *v = g_strdup_printf (_("%s%.1f points a week"),
                                            fabs (a->slope_per_week) < 0.05 ? "" : a->slope_per_week < 0 ? "−" : "+",
                                            fabs (a->slope_per_week));
      append_line (lines, _("Trend of the last 3 weeks:"), v);
    }
  {
    g_autofree char *v = g_strdup_printf ("%u", a->entries);
    append_line (lines, _("Days logged:"), v);
  }
  if (!isnan (a->pain_after_run_days))
    {
      g_autofree char *v = g_strdup_printf (_("%.1f after run days, %.1f after rest days"),
                                            a->pain_after_run_days, a->pain_after_rest_days);
      append_line (lines, _("Pain the day after:"), v);
    }
  write_lines (out, lines);

  if (a->red_flags->len > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Warning signs:"));
      for (guint i = 0; i < a->red_flags->len; i++)
        {
          const KjRedFlag *f = &g_array_index (a->red_flags, KjRedFlag, i);

          g_string_append_printf (out, "  %s  %s (%s)\n", f->date, kj_code_label (KJ_CODE_SYMPTOM, f->symptom),
                                  f->urgent ? _("see a doctor now") : _("see a doctor or physiotherapist soon"));
        }
    }

  if (a->load_warnings->len > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Running load:"));
      for (guint i = 0; i < a->load_warnings->len; i++)
        {
          const KjLoadWarning *w = &g_array_index (a->load_warnings, KjLoadWarning, i);
          g_autofree char *km = kj_format_distance (w->km, a->units);
          g_autofree char *previous = kj_format_distance (w->previous_km, a->units);

          if (g_str_equal (w->type, "weekly-increase"))
            /* Translators: “2026-03-09  the week’s 31.0 km are 38 % more than the week before (22.5 km)” */
            g_string_append_printf (out, _("  %s  the week’s %s are %.0f %% more than the week before (%s)\n"),
                                    w->date, km, 100 * (w->km / w->previous_km - 1), previous);
          else
            /* Translators: “2026-03-14  a run of 14.0 km, 40 % longer than the longest of the 30 days before (10.0 km)” */
            g_string_append_printf (out, _("  %s  a run of %s, %.0f %% longer than the longest of the 30 days before (%s)\n"),
                                    w->date, km, 100 * (w->km / w->previous_km - 1), previous);
        }
    }

  if (a->medication_warnings->len > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Medication:"));
      for (guint i = 0; i < a->medication_warnings->len; i++)
        {
          const KjMedicationWarning *w = &g_array_index (a->medication_warnings, KjMedicationWarning, i);

          if (g_str_equal (w->type, "over-limit"))
            g_string_append_printf (out, _("  %s  %s %d mg, more than %d mg a day without a prescription\n"),
                                    w->date, kj_code_label (KJ_CODE_DRUG, w->drug), w->total_mg,
                                    kj_drug_daily_max_mg (w->drug));
          else if (g_str_equal (w->type, "long-use"))
            g_string_append_printf (out, ngettext ("  %s  anti-inflammatory painkillers on %d day in a row (more than 10)\n",
                                                   "  %s  anti-inflammatory painkillers on %d days in a row (more than 10)\n",
                                                   w->days),
                                    w->date, w->days);
          else
            {
              g_autofree char *names = drug_labels (w->drug);

              g_string_append_printf (out, _("  %s  two different anti-inflammatory painkillers on one day (%s)\n"),
                                      w->date, names);
            }
        }
    }

  g_string_append_printf (out, "\n%s\n", kj_assessment_disclaimer ());

  return g_string_free (out, FALSE);
}
