/* kj-types.c — the records of the journal, their dates and their validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The code lists the records refer to are in kj-codes.c.
 */
#define G_LOG_DOMAIN "knee-journal-types"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kj-questionnaire.h"
#include "kj-types.h"

G_DEFINE_QUARK (kj-record-error-quark, kj_record_error)

/**
 * kj_record_set_invalid:
 * @error: (nullable): where to put the error
 * @format: the message, printf-style
 *
 * Sets a %KJ_RECORD_ERROR_INVALID error: what every record's validation
 * says when a value is wrong.
 *
 * Returns: %FALSE, always
 */
gboolean
kj_record_set_invalid (GError     **error,
                       const char  *format,
                       ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (KJ_RECORD_ERROR, KJ_RECORD_ERROR_INVALID, format, args);
  va_end (args);

  return FALSE;
}

static gboolean
check_range (const char  *field,
             int          value,
             int          min,
             int          max,
             gboolean     nullable,
             GError     **error)
{
  if (value == KJ_UNSET && nullable)
    return TRUE;

  if (value < min || value > max)
    /* Translators: “pain: 11 is out of range 0–10” */
    return kj_record_set_invalid (error, _("%s: %d is out of range %d–%d"), field, value, min, max);

  return TRUE;
}

static gboolean
check_code (KjCodeList   list,
            const char  *field,
            const char  *code,
            gboolean     nullable,
            GError     **error)
{
  if (code == NULL)
    {
      if (nullable)
        return TRUE;
      return kj_record_set_invalid (error, _("%s: a value is required"), field);
    }

  if (kj_code_lookup (list, code) == NULL)
    return kj_record_set_invalid (error, _("%s: “%s” is not a known value"), field, code);

  return TRUE;
}

static gboolean
check_date (const char  *field,
            const char  *date,
            gboolean     nullable,
            GError     **error)
{
  if (date == NULL || date[0] == '\0')
    {
      if (nullable)
        return TRUE;
      return kj_record_set_invalid (error, _("%s: a date is required"), field);
    }

  if (!kj_date_is_valid (date))
    return kj_record_set_invalid (error, _("%s: “%s” is not a real date (YYYY-MM-DD)"), field, date);

  return TRUE;
}

/**
 * kj_record_check_id:
 *
 * Whether @id has the form of a record's id (kj_id_is_valid()), with the
 * reason in @error when it has not.
 */
/* The characters of an id: letters, digits and - _ . : */
static const guint8 id_chars[256] = {
  ['0' ... '9'] = 1, ['A' ... 'Z'] = 1, ['a' ... 'z'] = 1, ['-'] = 1, ['_'] = 1, ['.'] = 1, [':'] = 1,
};

gboolean
kj_record_check_id (const char  *id,
                    GError     **error)
{
  const char *p;
  gboolean bad = FALSE;

  if (id == NULL || id[0] == '\0')
    return kj_record_set_invalid (error, _("id: a record needs an id"));

  /* one pass: the length, and whether a character is not an id's */
  for (p = id; id_chars[(guchar) *p]; p++)
    ;
  if (*p != '\0')
    bad = TRUE;
  while (*p != '\0')
    p++;

  if (p - id > 64)
    return kj_record_set_invalid (error, _("id: “%.20s…” is longer than 64 characters"), id);

  if (bad)
    return kj_record_set_invalid (error, _("id: “%s” may only hold letters, digits and - _ . :"), id);

  return TRUE;
}

/**
 * kj_id_is_valid:
 *
 * Whether @id has the form of a record's id: 1–64 letters, digits and - _ . :
 */
gboolean
kj_id_is_valid (const char *id)
{
  return kj_record_check_id (id, NULL);
}

static gboolean
double_equal (double a,
              double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return a == b;
}

gboolean
kj_date_to_gdate (const char *date,
                  GDate      *out)
{
  static const guint8 month_days[13] = { 0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int y, m, d;

  if (date == NULL)
    return FALSE;

  /* character by character, none read past the end of a shorter string */
  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7 ? date[i] != '-' : !g_ascii_isdigit (date[i]))
        return FALSE;
    }

  if (date[10] != '\0')
    return FALSE;

  /* the digits are checked: read them as they are (atoi()'s strtol() was a
   * tenth of reading and assessing a long journal) */
  y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
  m = (date[5] - '0') * 10 + (date[6] - '0');
  d = (date[8] - '0') * 10 + (date[9] - '0');

  /* g_date_valid_dmy() without its calls */
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > month_days[m] ||
      (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))))
    return FALSE;

  if (out != NULL)
    g_date_set_dmy (out, d, m, y);

  return TRUE;
}

gboolean
kj_date_is_valid (const char *date)
{
  return kj_date_to_gdate (date, NULL);
}

/* A time of day as HH:MM, 00:00 to 23:59 (doc/data-model.md, “Treatment”) */
gboolean
kj_time_is_valid (const char *time)
{
  if (time == NULL || strlen (time) != 5 || time[2] != ':' ||
      !g_ascii_isdigit (time[0]) || !g_ascii_isdigit (time[1]) ||
      !g_ascii_isdigit (time[3]) || !g_ascii_isdigit (time[4]))
    return FALSE;

  return (time[0] - '0') * 10 + (time[1] - '0') <= 23 && time[3] <= '5';
}

void
kj_date_from_gdate (const GDate *date,
                    char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u",
              (guint) g_date_get_year (date),
              (guint) g_date_get_month (date),
              (guint) g_date_get_day (date));
}

char *
kj_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Days from @a to @b (b − a); both must be valid. */
int
kj_date_diff (const char *a,
              const char *b)
{
  GDate da, db;

  if (!kj_date_to_gdate (a, &da) || !kj_date_to_gdate (b, &db))
    g_return_val_if_reached (0);

  return g_date_days_between (&da, &db);
}

void
kj_date_add_days (const char *date,
                  int         days,
                  char        out[11])
{
  GDate d;

  if (!kj_date_to_gdate (date, &d))
    g_return_if_reached ();

  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);

  kj_date_from_gdate (&d, out);
}

gboolean
kj_notes_are_valid (const char  *notes,
                    guint        max_chars,
                    const char  *field,
                    GError     **error)
{
  const char *end;
  glong n_chars;

  if (notes == NULL)
    return TRUE;

  if (!g_utf8_validate (notes, -1, &end))
    return kj_record_set_invalid (error, _("%s: the text is not valid UTF-8"), field);

  /* no more bytes than the limit: no more characters either */
  if ((gsize) (end - notes) <= max_chars)
    return TRUE;

  n_chars = g_utf8_strlen (notes, -1);
  if (n_chars > (glong) max_chars)
    return kj_record_set_invalid (error, _("%s: %ld characters is longer than the limit of %u"),
                        field, n_chars, max_chars);

  return TRUE;
}

/* Profile */

KjProfile *
kj_profile_new (void)
{
  KjProfile *profile = g_new0 (KjProfile, 1);

  profile->name = g_strdup ("");
  profile->affected_side = kj_code_lookup (KJ_CODE_AFFECTED_SIDE, "right");
  profile->units = kj_code_lookup (KJ_CODE_UNITS, "km");
  profile->review_weeks = 3;

  return profile;
}

KjProfile *
kj_profile_copy (const KjProfile *profile)
{
  KjProfile *copy;

  g_return_val_if_fail (profile != NULL, NULL);

  copy = g_memdup2 (profile, sizeof *profile);
  copy->name = g_strdup (profile->name);
  copy->injury_date = g_strdup (profile->injury_date);
  copy->treatment_start = g_strdup (profile->treatment_start);

  return copy;
}

void
kj_profile_free (KjProfile *profile)
{
  if (profile == NULL)
    return;

  g_free (profile->name);
  g_free (profile->injury_date);
  g_free (profile->treatment_start);
  g_free (profile);
}

gboolean
kj_profile_equal (const KjProfile *a,
                  const KjProfile *b)
{
  return g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->affected_side, b->affected_side) == 0 &&
         g_strcmp0 (a->injury_date, b->injury_date) == 0 &&
         g_strcmp0 (a->treatment_start, b->treatment_start) == 0 &&
         g_strcmp0 (a->units, b->units) == 0 &&
         a->review_weeks == b->review_weeks;
}

gboolean
kj_profile_validate (const KjProfile  *profile,
                     GError          **error)
{
  g_return_val_if_fail (profile != NULL, FALSE);

  /* without a side, the profile gives no episode's fields (a version-3 file) */
  return kj_notes_are_valid (profile->name, KJ_PROFILE_NAME_MAX, "name", error) &&
         check_code (KJ_CODE_AFFECTED_SIDE, "affected_side", profile->affected_side, TRUE, error) &&
         check_date ("injury_date", profile->injury_date, TRUE, error) &&
         check_date ("treatment_start", profile->treatment_start, TRUE, error) &&
         check_code (KJ_CODE_UNITS, "units", profile->units, FALSE, error) &&
         (profile->affected_side == NULL ||
          check_range ("review_weeks", profile->review_weeks, 2, 12, FALSE, error));
}

/* Day entries */

KjDay *
kj_day_new (const char *date)
{
  KjDay *day = g_new0 (KjDay, 1);

  g_strlcpy (day->date, date ? date : "", sizeof day->date);
  day->pain_worst = KJ_UNSET;
  day->locations = g_array_new (FALSE, FALSE, sizeof (KjLocation));
  day->symptoms = g_ptr_array_new ();
  day->aggravators = g_ptr_array_new ();
  day->notes = g_strdup ("");

  return day;
}

KjDay *
kj_day_copy (const KjDay *day)
{
  KjDay *copy;

  g_return_val_if_fail (day != NULL, NULL);

  copy = kj_day_new (day->date);
  copy->id = g_strdup (day->id);
  copy->pain = day->pain;
  copy->pain_worst = day->pain_worst;
  g_array_append_vals (copy->locations, day->locations->data, day->locations->len);
  for (guint i = 0; i < day->symptoms->len; i++)
    g_ptr_array_add (copy->symptoms, g_ptr_array_index (day->symptoms, i));
  for (guint i = 0; i < day->aggravators->len; i++)
    g_ptr_array_add (copy->aggravators, g_ptr_array_index (day->aggravators, i));
  g_free (copy->notes);
  copy->notes = g_strdup (day->notes);

  return copy;
}

void
kj_day_free (KjDay *day)
{
  if (day == NULL)
    return;

  g_free (day->id);
  g_array_unref (day->locations);
  g_ptr_array_unref (day->symptoms);
  g_ptr_array_unref (day->aggravators);
  g_free (day->notes);
  g_free (day);
}

static gboolean
code_arrays_equal (GPtrArray *a,
                   GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
kj_day_equal (const KjDay *a,
              const KjDay *b)
{
  if (g_strcmp0 (a->id, b->id) != 0 ||
      strcmp (a->date, b->date) != 0 ||
      a->pain != b->pain ||
      a->pain_worst != b->pain_worst ||
      g_strcmp0 (a->notes, b->notes) != 0 ||
      a->locations->len != b->locations->len ||
      !code_arrays_equal (a->symptoms, b->symptoms) ||
      !code_arrays_equal (a->aggravators, b->aggravators))
    return FALSE;

  for (guint i = 0; i < a->locations->len; i++)
    {
      const KjLocation *la = &g_array_index (a->locations, KjLocation, i);
      const KjLocation *lb = &g_array_index (b->locations, KjLocation, i);

      if (g_strcmp0 (la->side, lb->side) != 0 || g_strcmp0 (la->region, lb->region) != 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
kj_day_has_location (const KjDay *day,
                     const char  *side,
                     const char  *region)
{
  for (guint i = 0; i < day->locations->len; i++)
    {
      const KjLocation *loc = &g_array_index (day->locations, KjLocation, i);

      if (g_strcmp0 (loc->side, side) == 0 && g_strcmp0 (loc->region, region) == 0)
        return TRUE;
    }

  return FALSE;
}

gboolean
kj_day_has_code (GPtrArray  *codes,
                 const char *code)
{
  for (guint i = 0; i < codes->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Adds a location given by codes; FALSE when a code is unknown. */
gboolean
kj_day_add_location (KjDay      *day,
                     const char *side,
                     const char *region)
{
  KjLocation loc;

  loc.side = kj_code_lookup (KJ_CODE_SIDE, side);
  loc.region = kj_code_lookup (KJ_CODE_REGION, region);

  if (loc.side == NULL || loc.region == NULL)
    return FALSE;

  g_array_append_val (day->locations, loc);

  return TRUE;
}

static gboolean
validate_codes (GPtrArray   *codes,
                KjCodeList   list,
                const char  *field,
                GError     **error)
{
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);

      /* the item's name is only written for a message (it was a third of a day's check) */
      if (code == NULL || kj_code_lookup (list, code) == NULL)
        {
          g_autofree char *item = g_strdup_printf ("%s[%u]", field, i);

          return check_code (list, item, code, FALSE, error);
        }

      for (guint j = 0; j < i; j++)
        {
          if (g_strcmp0 (g_ptr_array_index (codes, j), code) == 0)
            {
              g_autofree char *item = g_strdup_printf ("%s[%u]", field, i);

              return kj_record_set_invalid (error, _("%s: “%s” is listed twice"), item, code);
            }
        }
    }

  return TRUE;
}

gboolean
kj_day_validate (const KjDay  *day,
                 GError      **error)
{
  g_return_val_if_fail (day != NULL, FALSE);

  if (!kj_record_check_id (day->id, error) ||
      !check_date ("date", day->date, FALSE, error) ||
      !check_range ("pain", day->pain, 0, 10, FALSE, error) ||
      !check_range ("pain_worst", day->pain_worst, 0, 10, TRUE, error))
    return FALSE;

  if (day->pain_worst != KJ_UNSET && day->pain_worst < day->pain)
    return kj_record_set_invalid (error, _("pain_worst: %d is below the day’s pain of %d"),
                        day->pain_worst, day->pain);

  for (guint i = 0; i < day->locations->len; i++)
    {
      const KjLocation *loc = &g_array_index (day->locations, KjLocation, i);

      if (loc->side == NULL || kj_code_lookup (KJ_CODE_SIDE, loc->side) == NULL ||
          loc->region == NULL || kj_code_lookup (KJ_CODE_REGION, loc->region) == NULL)
        {
          g_autofree char *side = g_strdup_printf ("locations[%u].side", i);
          g_autofree char *region = g_strdup_printf ("locations[%u].region", i);

          if (!check_code (KJ_CODE_SIDE, side, loc->side, FALSE, error) ||
              !check_code (KJ_CODE_REGION, region, loc->region, FALSE, error))
            return FALSE;
        }

      for (guint j = 0; j < i; j++)
        {
          const KjLocation *other = &g_array_index (day->locations, KjLocation, j);

          if (g_strcmp0 (other->side, loc->side) == 0 && g_strcmp0 (other->region, loc->region) == 0)
            return kj_record_set_invalid (error, _("locations[%u]: %s %s is listed twice"),
                                i, loc->side, loc->region);
        }
    }

  return validate_codes (day->symptoms, KJ_CODE_SYMPTOM, "symptoms", error) &&
         validate_codes (day->aggravators, KJ_CODE_AGGRAVATOR, "aggravators", error) &&
         kj_notes_are_valid (day->notes, KJ_DAY_NOTES_MAX, "notes", error);
}

/* Treatments */

KjTreatment *
kj_treatment_new (const char *date,
                  const char *kind)
{
  KjTreatment *treatment = g_new0 (KjTreatment, 1);

  g_strlcpy (treatment->date, date ? date : "", sizeof treatment->date);
  treatment->kind = kj_code_lookup (KJ_CODE_TREATMENT_KIND, kind);
  treatment->minutes = KJ_UNSET;
  treatment->dose_mg = KJ_UNSET;
  treatment->sets = KJ_UNSET;
  treatment->reps = KJ_UNSET;
  treatment->notes = g_strdup ("");

  return treatment;
}

KjTreatment *
kj_treatment_copy (const KjTreatment *treatment)
{
  KjTreatment *copy;

  g_return_val_if_fail (treatment != NULL, NULL);

  copy = g_memdup2 (treatment, sizeof *treatment);
  copy->id = g_strdup (treatment->id);
  copy->notes = g_strdup (treatment->notes);

  return copy;
}

void
kj_treatment_free (KjTreatment *treatment)
{
  if (treatment == NULL)
    return;

  g_free (treatment->id);
  g_free (treatment->notes);
  g_free (treatment);
}

gboolean
kj_treatment_equal (const KjTreatment *a,
                    const KjTreatment *b)
{
  return g_strcmp0 (a->id, b->id) == 0 &&
         strcmp (a->date, b->date) == 0 &&
         g_strcmp0 (a->kind, b->kind) == 0 &&
         a->minutes == b->minutes &&
         g_strcmp0 (a->drug, b->drug) == 0 &&
         a->dose_mg == b->dose_mg &&
         g_strcmp0 (a->exercise, b->exercise) == 0 &&
         a->sets == b->sets &&
         a->reps == b->reps &&
         strcmp (a->time, b->time) == 0 &&
         g_strcmp0 (a->notes, b->notes) == 0;
}

gboolean
kj_treatment_validate (const KjTreatment  *treatment,
                       GError            **error)
{
  gboolean is_exercise;

  g_return_val_if_fail (treatment != NULL, FALSE);

  if (!kj_record_check_id (treatment->id, error) ||
      !check_date ("date", treatment->date, FALSE, error) ||
      !check_code (KJ_CODE_TREATMENT_KIND, "kind", treatment->kind, FALSE, error) ||
      !check_range ("minutes", treatment->minutes, 1, 240, TRUE, error) ||
      !check_code (KJ_CODE_DRUG, "drug", treatment->drug, TRUE, error) ||
      !check_range ("dose_mg", treatment->dose_mg, 1, 2000, TRUE, error) ||
      !check_code (KJ_CODE_EXERCISE, "exercise", treatment->exercise, TRUE, error) ||
      !check_range ("sets", treatment->sets, 1, 20, TRUE, error) ||
      !check_range ("reps", treatment->reps, 1, 500, TRUE, error) ||
      !kj_notes_are_valid (treatment->notes, KJ_RECORD_NOTES_MAX, "notes", error))
    return FALSE;

  if (treatment->time[0] != '\0' && !kj_time_is_valid (treatment->time))
    return kj_record_set_invalid (error, _("time: %s is not a time of day (HH:MM)"), treatment->time);

  if (strcmp (treatment->kind, "medication") != 0)
    {
      if (treatment->drug != NULL)
        return kj_record_set_invalid (error, _("drug: only a medication has a drug, not “%s”"), treatment->kind);
      if (treatment->dose_mg != KJ_UNSET)
        return kj_record_set_invalid (error, _("dose_mg: only a medication has a dose, not “%s”"), treatment->kind);
    }

  is_exercise = strcmp (treatment->kind, "exercise") == 0 || strcmp (treatment->kind, "stretching") == 0;
  if (!is_exercise)
    {
      if (treatment->exercise != NULL)
        return kj_record_set_invalid (error, _("exercise: only exercise and stretching name an exercise, not “%s”"),
                            treatment->kind);
      if (treatment->sets != KJ_UNSET || treatment->reps != KJ_UNSET)
        return kj_record_set_invalid (error, _("sets: only exercise and stretching have sets and reps, not “%s”"),
                            treatment->kind);
    }

  return TRUE;
}

/* Runs */

KjRun *
kj_run_new (const char *date,
            double      distance_km)
{
  KjRun *run = g_new0 (KjRun, 1);

  g_strlcpy (run->date, date ? date : "", sizeof run->date);
  run->distance_km = distance_km;
  run->duration_s = KJ_UNSET;
  run->descent_m = NAN;
  run->pain_during = KJ_UNSET;
  run->pain_after = KJ_UNSET;
  run->notes = g_strdup ("");

  return run;
}

KjRun *
kj_run_copy (const KjRun *run)
{
  KjRun *copy;

  g_return_val_if_fail (run != NULL, NULL);

  copy = g_memdup2 (run, sizeof *run);
  copy->id = g_strdup (run->id);
  copy->notes = g_strdup (run->notes);
  copy->shoe_id = g_strdup (run->shoe_id);

  return copy;
}

void
kj_run_free (KjRun *run)
{
  if (run == NULL)
    return;

  g_free (run->id);
  g_free (run->notes);
  g_free (run->shoe_id);
  g_free (run);
}

gboolean
kj_run_equal (const KjRun *a,
              const KjRun *b)
{
  return g_strcmp0 (a->id, b->id) == 0 &&
         strcmp (a->date, b->date) == 0 &&
         a->distance_km == b->distance_km &&
         a->duration_s == b->duration_s &&
         double_equal (a->descent_m, b->descent_m) &&
         a->pain_during == b->pain_during &&
         a->pain_after == b->pain_after &&
         !a->stopped_early == !b->stopped_early &&
         g_strcmp0 (a->notes, b->notes) == 0 &&
         g_strcmp0 (a->shoe_id, b->shoe_id) == 0;
}

gboolean
kj_run_validate (const KjRun  *run,
                 GError      **error)
{
  g_return_val_if_fail (run != NULL, FALSE);

  if (!kj_record_check_id (run->id, error) ||
      !check_date ("date", run->date, FALSE, error))
    return FALSE;

  if (!(run->distance_km >= 0.01 && run->distance_km <= 500))
    return kj_record_set_invalid (error, _("%s: %g is out of range %g–%g"), "distance_km", run->distance_km, 0.01, 500.0);

  if (!isnan (run->descent_m) && !(run->descent_m >= 0 && run->descent_m <= 20000))
    return kj_record_set_invalid (error, _("%s: %g is out of range %g–%g"), "descent_m", run->descent_m, 0.0, 20000.0);

  if (run->shoe_id != NULL && !kj_record_check_id (run->shoe_id, NULL))
    return kj_record_set_invalid (error, _("shoe_id: “%s” is not the id of a pair of shoes"), run->shoe_id);

  return check_range ("duration_s", run->duration_s, 1, 172800, TRUE, error) &&
         check_range ("pain_during", run->pain_during, 0, 10, TRUE, error) &&
         check_range ("pain_after", run->pain_after, 0, 10, TRUE, error) &&
         kj_notes_are_valid (run->notes, KJ_RECORD_NOTES_MAX, "notes", error);
}

/* Shoes */

KjShoe *
kj_shoe_new (const char *name)
{
  KjShoe *shoe = g_new0 (KjShoe, 1);

  shoe->name = g_strdup (name ? name : "");
  shoe->alert_km = KJ_SHOE_ALERT_KM_DEFAULT;

  return shoe;
}

KjShoe *
kj_shoe_copy (const KjShoe *shoe)
{
  KjShoe *copy;

  g_return_val_if_fail (shoe != NULL, NULL);

  copy = g_memdup2 (shoe, sizeof *shoe);
  copy->id = g_strdup (shoe->id);
  copy->name = g_strdup (shoe->name);
  copy->model = g_strdup (shoe->model);

  return copy;
}

void
kj_shoe_free (KjShoe *shoe)
{
  if (shoe == NULL)
    return;

  g_free (shoe->id);
  g_free (shoe->name);
  g_free (shoe->model);
  g_free (shoe);
}

gboolean
kj_shoe_equal (const KjShoe *a,
               const KjShoe *b)
{
  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->model, b->model) == 0 &&
         strcmp (a->start_date, b->start_date) == 0 &&
         strcmp (a->retired_date, b->retired_date) == 0 &&
         a->start_km == b->start_km &&
         a->alert_km == b->alert_km &&
         !a->is_default == !b->is_default;
}

gboolean
kj_shoe_is_retired (const KjShoe *shoe)
{
  return shoe->retired_date[0] != '\0';
}

/* The rules of doc/data-model.md, “Shoes”; each message names the field */
gboolean
kj_shoe_validate (const KjShoe  *shoe,
                  GError       **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (shoe != NULL, FALSE);

  if (!kj_record_check_id (shoe->id, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (shoe->name ? shoe->name : ""));
  if (stripped[0] == '\0')
    return kj_record_set_invalid (error, _("name: a pair of shoes needs a name"));
  if (!kj_notes_are_valid (shoe->name, KJ_SHOE_NAME_MAX, "name", error) ||
      (shoe->model != NULL && !kj_notes_are_valid (shoe->model, KJ_SHOE_NAME_MAX, "model", error)) ||
      !check_date ("start_date", shoe->start_date, TRUE, error) ||
      !check_date ("retired_date", shoe->retired_date, TRUE, error))
    return FALSE;

  if (shoe->start_date[0] != '\0' && shoe->retired_date[0] != '\0' &&
      strcmp (shoe->retired_date, shoe->start_date) < 0)
    return kj_record_set_invalid (error, _("retired_date: %s is before the start date %s"),
                        shoe->retired_date, shoe->start_date);

  if (!(shoe->start_km >= 0 && shoe->start_km <= KJ_SHOE_KM_MAX))
    return kj_record_set_invalid (error, _("%s: %g is out of range %g–%g"), "start_km", shoe->start_km, 0.0, KJ_SHOE_KM_MAX);

  if (!(shoe->alert_km > 0 && shoe->alert_km <= KJ_SHOE_KM_MAX))
    return kj_record_set_invalid (error, _("alert_km: %g must be more than 0 and at most %g"), shoe->alert_km, KJ_SHOE_KM_MAX);

  if (shoe->is_default && kj_shoe_is_retired (shoe))
    return kj_record_set_invalid (error, _("is_default: a retired pair cannot be the default"));

  return TRUE;
}

/* Journal */

KjJournal *
kj_journal_new (void)
{
  KjJournal *journal = g_new0 (KjJournal, 1);

  journal->days = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_day_free);
  journal->treatments = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_treatment_free);
  journal->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_run_free);
  journal->shoes = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_shoe_free);
  journal->questionnaires = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_questionnaire_free);

  return journal;
}

void
kj_journal_free (KjJournal *journal)
{
  if (journal == NULL)
    return;

  g_clear_pointer (&journal->profile, kj_profile_free);
  g_ptr_array_unref (journal->days);
  g_ptr_array_unref (journal->treatments);
  g_ptr_array_unref (journal->runs);
  g_clear_pointer (&journal->shoes, g_ptr_array_unref);
  g_clear_pointer (&journal->episodes, g_ptr_array_unref);
  g_clear_pointer (&journal->questionnaires, g_ptr_array_unref);
  g_free (journal);
}

G_DEFINE_BOXED_TYPE (KjProfile, kj_profile, kj_profile_copy, kj_profile_free)
G_DEFINE_BOXED_TYPE (KjDay, kj_day, kj_day_copy, kj_day_free)
G_DEFINE_BOXED_TYPE (KjTreatment, kj_treatment, kj_treatment_copy, kj_treatment_free)
G_DEFINE_BOXED_TYPE (KjRun, kj_run, kj_run_copy, kj_run_free)
G_DEFINE_BOXED_TYPE (KjShoe, kj_shoe, kj_shoe_copy, kj_shoe_free)
