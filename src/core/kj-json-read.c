/* kj-json-read.c — read the journal JSON of doc/journal-format.md, “Journal JSON”: the validating parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parsing validates the whole file before anything is returned: a caller
 * either gets a journal in which every record is valid, or an error that
 * names the record and the field ("days[12].pain: 11 is out of range 0–10").
 * The writer is kj-json-write.c.
 */
#define G_LOG_DOMAIN "knee-journal-json-read"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "kj-episode.h"
#include "kj-json.h"
#include "kj-json-tree-private.h"
#include "kj-questionnaire.h"

G_DEFINE_QUARK (kj-import-error-quark, kj_import_error)

typedef struct
{
  const char       *path;    /* "days[12]" */
  const KjJsonNode *object;
} Record;

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *member,
         const char  *format,
         ...) G_GNUC_PRINTF (4, 5);

/* Sets "path.member: message" */
static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *member,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (member != NULL)
    g_set_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_INVALID, "%s%s%s: %s",
                 path ? path : "", path ? "." : "", member, message);
  else
    g_set_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_INVALID, "%s: %s", path, message);

  return FALSE;
}

static const char *
describe_node (const KjJsonNode *node)
{
  switch (node->kind)
    {
    case KJ_JSON_OBJECT:
      return _("an object");
    case KJ_JSON_ARRAY:
      return _("a list");
    case KJ_JSON_NULL:
      return _("null");
    case KJ_JSON_STRING:
      return _("text");
    case KJ_JSON_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

static gboolean
is_null (const KjJsonNode *node)
{
  return node == NULL || node->kind == KJ_JSON_NULL;
}

static gboolean
is_number (const KjJsonNode *node)
{
  return node->kind == KJ_JSON_INT || node->kind == KJ_JSON_DOUBLE;
}

static double
node_double (const KjJsonNode *node)
{
  return node->kind == KJ_JSON_INT ? (double) node->v.i : node->v.d;
}

static gboolean
get_int (const Record  *record,
         const char    *member,
         int            min,
         int            max,
         gboolean       required,
         int           *out,
         GError       **error)
{
  const KjJsonNode *node = kj_json_node_member (record->object, member);
  double value;

  *out = KJ_UNSET;

  if (is_null (node))
    {
      if (required)
        return invalid (error, record->path, member, _("a value is required"));
      return TRUE;
    }

  if (!is_number (node))
    return invalid (error, record->path, member, _("expected a whole number, found %s"), describe_node (node));

  if (node->kind == KJ_JSON_INT)
    {
      gint64 v = node->v.i;

      if (v < min || v > max)
        /* Translators: “days[12].pain: 11 is out of range 0–10” */
        return invalid (error, record->path, member, _("%lld is out of range %d–%d"), (long long) v, min, max);

      *out = (int) v;
      return TRUE;
    }

  value = node_double (node);
  if (!isfinite (value) || value != floor (value))
    return invalid (error, record->path, member, _("expected a whole number, found %g"), value);

  if (value < min || value > max)
    return invalid (error, record->path, member, _("%g is out of range %d–%d"), value, min, max);

  *out = (int) value;
  return TRUE;
}

static gboolean
get_double (const Record  *record,
            const char    *member,
            double         min,
            double         max,
            gboolean       required,
            double        *out,
            GError       **error)
{
  const KjJsonNode *node = kj_json_node_member (record->object, member);
  double value;

  *out = NAN;

  if (is_null (node))
    {
      if (required)
        return invalid (error, record->path, member, _("a value is required"));
      return TRUE;
    }

  if (!is_number (node))
    return invalid (error, record->path, member, _("expected a number, found %s"), describe_node (node));

  value = node_double (node);
  if (!isfinite (value) || value < min || value > max)
    return invalid (error, record->path, member, _("%g is out of range %g–%g"), value, min, max);

  *out = value;
  return TRUE;
}

static gboolean
get_string (const Record  *record,
            const char    *member,
            gboolean       required,
            const char   **out,
            GError       **error)
{
  const KjJsonNode *node = kj_json_node_member (record->object, member);

  *out = NULL;

  if (is_null (node))
    {
      if (required)
        return invalid (error, record->path, member, _("a value is required"));
      return TRUE;
    }

  if (node->kind != KJ_JSON_STRING)
    return invalid (error, record->path, member, _("expected text, found %s"), describe_node (node));

  *out = node->v.s;
  return TRUE;
}

static gboolean
get_text (const Record  *record,
          const char    *member,
          guint          max_chars,
          char         **out,
          GError       **error)
{
  const char *text;
  glong n_chars;

  if (!get_string (record, member, FALSE, &text, error))
    return FALSE;

  text = text ? text : "";
  n_chars = g_utf8_strlen (text, -1);
  if (n_chars > (glong) max_chars)
    return invalid (error, record->path, member, _("%ld characters is longer than the limit of %u"),
                    n_chars, max_chars);

  g_free (*out);
  *out = g_strdup (text);
  return TRUE;
}

static char *
describe_codes (KjCodeList list)
{
  g_autoptr(GString) str = g_string_new (NULL);
  const KjCode *codes;
  guint n_codes;

  codes = kj_code_list (list, &n_codes);
  for (guint i = 0; i < n_codes; i++)
    {
      if (i > 0)
        g_string_append (str, ", ");
      g_string_append (str, codes[i].code);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static gboolean
check_code (KjCodeList    list,
            const char   *path,
            const char   *member,
            const char   *code,
            const char  **out,
            GError      **error)
{
  g_autofree char *allowed = NULL;

  if ((*out = kj_code_lookup (list, code)) != NULL)
    return TRUE;

  allowed = describe_codes (list);
  return invalid (error, path, member, _("“%s” is not one of %s"), code, allowed);
}

static gboolean
get_code (const Record  *record,
          const char    *member,
          KjCodeList     list,
          gboolean       required,
          const char   **out,
          GError       **error)
{
  const char *code;

  *out = NULL;

  if (!get_string (record, member, required, &code, error))
    return FALSE;

  if (code == NULL)
    return TRUE;

  return check_code (list, record->path, member, code, out, error);
}

static gboolean
get_date (const Record  *record,
          const char    *member,
          gboolean       required,
          const char   **out,
          GError       **error)
{
  if (!get_string (record, member, required, out, error))
    return FALSE;

  if (*out != NULL && !kj_date_is_valid (*out))
    return invalid (error, record->path, member, _("“%s” is not a real date in the form YYYY-MM-DD"), *out);

  return TRUE;
}

/* An optional time of day, HH:MM; "" when missing or null */
static gboolean
get_time (const Record  *record,
          const char    *member,
          char           out[6],
          GError       **error)
{
  const char *text;

  out[0] = '\0';
  if (!get_string (record, member, FALSE, &text, error))
    return FALSE;

  if (text == NULL)
    return TRUE;

  if (!kj_time_is_valid (text))
    return invalid (error, record->path, member, _("%s is not a time of day (HH:MM)"), text);

  g_strlcpy (out, text, 6);
  return TRUE;
}

static gboolean
get_bool (const Record  *record,
          const char    *member,
          gboolean      *out,
          GError       **error)
{
  const KjJsonNode *node = kj_json_node_member (record->object, member);

  *out = FALSE;

  if (is_null (node))
    return TRUE;

  if (node->kind != KJ_JSON_BOOLEAN)
    return invalid (error, record->path, member, _("expected true or false, found %s"), describe_node (node));

  *out = node->v.b;
  return TRUE;
}

static gboolean
get_array (const Record  *record,
           const char    *member,
           const KjJsonNode **out,
           GError       **error)
{
  const KjJsonNode *node = kj_json_node_member (record->object, member);

  *out = NULL;

  if (is_null (node))
    return TRUE;

  if (node->kind != KJ_JSON_ARRAY)
    return invalid (error, record->path, member, _("expected a list, found %s"), describe_node (node));

  *out = node;
  return TRUE;
}

/* A stable id for a record that has none, so that importing the same file
 * twice finds the same records; the writer gives an episode made from the
 * profile the same id (kj-json-write.c). */
char *
kj_json_derive_id (const char *seed)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize len = sizeof digest;

  g_checksum_update (checksum, (const guchar *) seed, -1);
  g_checksum_get_digest (checksum, digest, &len);
  digest[6] = (digest[6] & 0x0f) | 0x50;   /* name-based, like a version 5 UUID */
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static gboolean
get_id (const Record  *record,
        GHashTable    *seen,
        char         **out,
        GError       **error,
        const char    *seed_format,
        ...) G_GNUC_PRINTF (5, 6);

/* The record's id, or one derived from the seed (formatted only then) */
static gboolean
get_id (const Record  *record,
        GHashTable    *seen,
        char         **out,
        GError       **error,
        const char    *seed_format,
        ...)
{
  const char *id;
  const char *first;

  if (!get_string (record, "id", FALSE, &id, error))
    return FALSE;

  if (id == NULL)
    {
      g_autofree char *seed = NULL;
      va_list args;

      va_start (args, seed_format);
      seed = g_strdup_vprintf (seed_format, args);
      va_end (args);
      *out = kj_json_derive_id (seed);
    }
  else
    *out = g_strdup (id);   /* its form is checked with the record */

  if ((first = g_hash_table_lookup (seen, *out)) != NULL)
    return invalid (error, record->path, "id", _("“%s” is already used by %s"), *out, first);

  g_hash_table_insert (seen, *out, g_strdup (record->path));

  return TRUE;
}

static gboolean
get_record (const KjJsonNode *array,
            const char  *name,
            guint        index,
            Record      *record,
            char       **path,
            GError     **error)
{
  const KjJsonNode *node = kj_json_node_element (array, index);

  *path = g_strdup_printf ("%s[%u]", name, index);
  record->path = *path;

  if (node->kind != KJ_JSON_OBJECT)
    return invalid (error, *path, NULL, _("expected an object, found %s"), describe_node (node));

  record->object = node;
  return TRUE;
}

static gboolean
validated (gboolean      ok_so_far,
           const char   *path,
           gboolean    (*validate) (gconstpointer, GError **),
           gconstpointer record,
           GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!ok_so_far)
    return FALSE;

  if (!validate (record, &local_error))
    {
      g_set_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_INVALID, "%s.%s", path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* In version 3 the side, dates and review weeks are an episode's */
static const char * const moved_to_episodes[] = { "affected_side", "injury_date", "treatment_start", "review_weeks" };

static gboolean
parse_profile (const KjJsonNode *root,
               int          version,
               KjJournal   *journal,
               GError     **error)
{
  g_autoptr(KjProfile) profile = kj_profile_new ();
  const KjJsonNode *node = kj_json_node_member (root, "profile");
  Record record = { "profile", NULL };
  const char *text;
  int weeks;

  if (is_null (node))
    return TRUE;

  if (node->kind != KJ_JSON_OBJECT)
    return invalid (error, NULL, "profile", _("expected an object, found %s"), describe_node (node));

  record.object = node;

  if (!get_text (&record, "name", KJ_PROFILE_NAME_MAX, &profile->name, error))
    return FALSE;

  if (version >= 3)
    {
      for (guint i = 0; i < G_N_ELEMENTS (moved_to_episodes); i++)
        if (kj_json_node_member (record.object, moved_to_episodes[i]) != NULL)
          return invalid (error, "profile", moved_to_episodes[i],
                          _("belongs to an episode since version 3 (see “episodes”)"));

      profile->affected_side = NULL;
      profile->review_weeks = KJ_UNSET;
      if (!get_code (&record, "units", KJ_CODE_UNITS, FALSE, &text, error))
        return FALSE;
      if (text != NULL)
        profile->units = text;
      if (!validated (TRUE, "profile", (gpointer) kj_profile_validate, profile, error))
        return FALSE;
      journal->profile = g_steal_pointer (&profile);
      return TRUE;
    }

  if (!get_code (&record, "affected_side", KJ_CODE_AFFECTED_SIDE, FALSE, &text, error))
    return FALSE;
  if (text != NULL)
    profile->affected_side = text;

  if (!get_date (&record, "injury_date", FALSE, &text, error))
    return FALSE;
  profile->injury_date = g_strdup (text);

  if (!get_date (&record, "treatment_start", FALSE, &text, error))
    return FALSE;
  profile->treatment_start = g_strdup (text);

  if (!get_code (&record, "units", KJ_CODE_UNITS, FALSE, &text, error))
    return FALSE;
  if (text != NULL)
    profile->units = text;

  if (!get_int (&record, "review_weeks", 2, 12, FALSE, &weeks, error))
    return FALSE;
  if (weeks != KJ_UNSET)
    profile->review_weeks = weeks;

  if (!validated (TRUE, "profile", (gpointer) kj_profile_validate, profile, error))
    return FALSE;

  journal->profile = g_steal_pointer (&profile);
  return TRUE;
}

static gboolean
parse_episodes (const KjJsonNode *array,
                KjJournal   *journal,
                GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  journal->episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_episode_free);

  for (guint i = 0; array != NULL && i < array->n_children; i++)
    {
      g_autoptr(KjEpisode) episode = kj_episode_new ();
      g_autofree char *path = NULL;
      const char *side, *injury, *start, *end;
      int weeks;
      Record record;

      if (!get_record (array, "episodes", i, &record, &path, error) ||
          !get_code (&record, "side", KJ_CODE_AFFECTED_SIDE, TRUE, &side, error) ||
          !get_date (&record, "injury_date", FALSE, &injury, error) ||
          !get_date (&record, "treatment_start", FALSE, &start, error) ||
          !get_date (&record, "end_date", FALSE, &end, error))
        return FALSE;

      episode->side = side;
      g_strlcpy (episode->injury_date, injury ? injury : "", sizeof episode->injury_date);
      g_strlcpy (episode->treatment_start, start ? start : "", sizeof episode->treatment_start);
      g_strlcpy (episode->end_date, end ? end : "", sizeof episode->end_date);

      g_free (episode->id);
      episode->id = NULL;
      if (!get_id (&record, ids, &episode->id, error, "episode:%s:%s:%s", side, injury ? injury : "", start ? start : "") ||
          !get_text (&record, "name", KJ_EPISODE_NAME_MAX, &episode->name, error) ||
          !get_text (&record, "notes", KJ_EPISODE_NOTES_MAX, &episode->notes, error) ||
          !get_int (&record, "review_weeks", 2, 12, FALSE, &weeks, error))
        return FALSE;
      if (weeks != KJ_UNSET)
        episode->review_weeks = weeks;

      if (!validated (TRUE, path, (gpointer) kj_episode_validate, episode, error))
        return FALSE;

      g_ptr_array_add (journal->episodes, g_steal_pointer (&episode));
    }

  return TRUE;
}

static gboolean
parse_code_list (const Record  *record,
                 const char    *member,
                 KjCodeList     list,
                 GPtrArray     *out,
                 GError       **error)
{
  const KjJsonNode *array;

  if (!get_array (record, member, &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < array->n_children; i++)
    {
      const KjJsonNode *node = kj_json_node_element (array, i);
      const char *code;

      /* the item's name ("symptoms[1]") only for a message */
      if (node->kind != KJ_JSON_STRING)
        {
          g_autofree char *item = g_strdup_printf ("%s[%u]", member, i);

          return invalid (error, record->path, item, _("expected text, found %s"), describe_node (node));
        }

      if ((code = kj_code_lookup (list, node->v.s)) == NULL)
        {
          g_autofree char *item = g_strdup_printf ("%s[%u]", member, i);

          return check_code (list, record->path, item, node->v.s, &code, error);
        }

      if (kj_day_has_code (out, code))
        {
          g_autofree char *item = g_strdup_printf ("%s[%u]", member, i);

          return invalid (error, record->path, item, _("“%s” is listed twice"), code);
        }

      g_ptr_array_add (out, (gpointer) code);
    }

  return TRUE;
}

static gboolean
parse_locations (const Record  *record,
                 KjDay         *day,
                 GError       **error)
{
  const KjJsonNode *array;

  if (!get_array (record, "locations", &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < array->n_children; i++)
    {
      g_autofree char *path = NULL;
      Record location;
      const char *side, *region;

      if (!get_record (array, "locations", i, &location, &path, error))
        {
          g_prefix_error (error, "%s.", record->path);
          return FALSE;
        }

      {
        g_autofree char *full = g_strdup_printf ("%s.%s", record->path, path);

        location.path = full;
        if (!get_code (&location, "side", KJ_CODE_SIDE, TRUE, &side, error) ||
            !get_code (&location, "region", KJ_CODE_REGION, TRUE, &region, error))
          return FALSE;

        if (kj_day_has_location (day, side, region))
          return invalid (error, full, NULL, _("%s %s is listed twice"), side, region);
      }

      kj_day_add_location (day, side, region);
    }

  return TRUE;
}

static gboolean
parse_days (const KjJsonNode *array,
            KjJournal   *journal,
            GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; array != NULL && i < array->n_children; i++)
    {
      g_autoptr(KjDay) day = kj_day_new (NULL);
      g_autofree char *path = NULL;
      const char *date, *first;
      Record record;

      if (!get_record (array, "days", i, &record, &path, error) ||
          !get_date (&record, "date", TRUE, &date, error))
        return FALSE;

      g_strlcpy (day->date, date, sizeof day->date);

      if ((first = g_hash_table_lookup (dates, date)) != NULL)
        return invalid (error, path, "date", _("%s already has an entry in %s; a date can have only one"), date, first);
      g_hash_table_insert (dates, g_strdup (date), g_strdup (path));

      if (!get_id (&record, ids, &day->id, error, "day:%s", date) ||
          !get_int (&record, "pain", 0, 10, TRUE, &day->pain, error) ||
          !get_int (&record, "pain_worst", 0, 10, FALSE, &day->pain_worst, error) ||
          !parse_locations (&record, day, error) ||
          !parse_code_list (&record, "symptoms", KJ_CODE_SYMPTOM, day->symptoms, error) ||
          !parse_code_list (&record, "aggravators", KJ_CODE_AGGRAVATOR, day->aggravators, error) ||
          !get_text (&record, "notes", KJ_DAY_NOTES_MAX, &day->notes, error) ||
          !validated (TRUE, path, (gpointer) kj_day_validate, day, error))
        return FALSE;

      g_ptr_array_add (journal->days, g_steal_pointer (&day));
    }

  return TRUE;
}

static gboolean
parse_treatments (const KjJsonNode *array,
                  KjJournal   *journal,
                  GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; array != NULL && i < array->n_children; i++)
    {
      g_autoptr(KjTreatment) t = kj_treatment_new (NULL, NULL);
      g_autofree char *path = NULL;
      const char *date;
      Record record;

      if (!get_record (array, "treatments", i, &record, &path, error) ||
          !get_date (&record, "date", TRUE, &date, error))
        return FALSE;

      g_strlcpy (t->date, date, sizeof t->date);

      if (!get_id (&record, ids, &t->id, error, "treatment:%s:%u", date, i) ||
          !get_code (&record, "kind", KJ_CODE_TREATMENT_KIND, TRUE, &t->kind, error) ||
          !get_int (&record, "minutes", 1, 240, FALSE, &t->minutes, error) ||
          !get_code (&record, "drug", KJ_CODE_DRUG, FALSE, &t->drug, error) ||
          !get_int (&record, "dose_mg", 1, 2000, FALSE, &t->dose_mg, error) ||
          !get_code (&record, "exercise", KJ_CODE_EXERCISE, FALSE, &t->exercise, error) ||
          !get_int (&record, "sets", 1, 20, FALSE, &t->sets, error) ||
          !get_int (&record, "reps", 1, 500, FALSE, &t->reps, error) ||
          !get_time (&record, "time", t->time, error) ||
          !get_text (&record, "notes", KJ_RECORD_NOTES_MAX, &t->notes, error) ||
          !validated (TRUE, path, (gpointer) kj_treatment_validate, t, error))
        return FALSE;

      g_ptr_array_add (journal->treatments, g_steal_pointer (&t));
    }

  return TRUE;
}

static gboolean
parse_shoes (const KjJsonNode *array,
             KjJournal   *journal,
             GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *default_path = NULL;

  for (guint i = 0; array != NULL && i < array->n_children; i++)
    {
      g_autoptr(KjShoe) shoe = kj_shoe_new (NULL);
      g_autofree char *path = NULL;
      const char *name, *model, *date;
      double km;
      Record record;

      if (!get_record (array, "shoes", i, &record, &path, error) ||
          !get_string (&record, "name", TRUE, &name, error))
        return FALSE;

      g_free (shoe->name);
      shoe->name = g_strdup (name);

      if (!get_id (&record, ids, &shoe->id, error, "shoe:%s", name) ||
          !get_string (&record, "model", FALSE, &model, error))
        return FALSE;
      shoe->model = g_strdup (model);

      if (!get_date (&record, "start_date", FALSE, &date, error))
        return FALSE;
      g_strlcpy (shoe->start_date, date ? date : "", sizeof shoe->start_date);
      if (!get_date (&record, "retired_date", FALSE, &date, error))
        return FALSE;
      g_strlcpy (shoe->retired_date, date ? date : "", sizeof shoe->retired_date);

      if (!get_double (&record, "start_km", 0, KJ_SHOE_KM_MAX, FALSE, &km, error))
        return FALSE;
      shoe->start_km = isnan (km) ? 0 : km;
      if (!get_double (&record, "alert_km", -G_MAXDOUBLE, G_MAXDOUBLE, FALSE, &km, error))
        return FALSE;
      shoe->alert_km = isnan (km) ? KJ_SHOE_ALERT_KM_DEFAULT : km;

      if (!get_bool (&record, "is_default", &shoe->is_default, error) ||
          !validated (TRUE, path, (gpointer) kj_shoe_validate, shoe, error))
        return FALSE;

      if (shoe->is_default)
        {
          if (default_path != NULL)
            return invalid (error, path, "is_default", _("only one pair can be the default, and %s already is"),
                            default_path);
          default_path = g_strdup (path);
        }

      g_ptr_array_add (journal->shoes, g_steal_pointer (&shoe));
    }

  return TRUE;
}

static gboolean
parse_runs (const KjJsonNode *array,
            KjJournal   *journal,
            GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; array != NULL && i < array->n_children; i++)
    {
      g_autoptr(KjRun) r = kj_run_new (NULL, 0);
      g_autofree char *path = NULL;
      const char *date, *shoe_id;
      Record record;

      if (!get_record (array, "runs", i, &record, &path, error) ||
          !get_date (&record, "date", TRUE, &date, error))
        return FALSE;

      g_strlcpy (r->date, date, sizeof r->date);

      if (!get_id (&record, ids, &r->id, error, "run:%s:%u", date, i) ||
          !get_double (&record, "distance_km", 0.01, 500, TRUE, &r->distance_km, error) ||
          !get_int (&record, "duration_s", 1, 172800, FALSE, &r->duration_s, error) ||
          !get_double (&record, "descent_m", 0, 20000, FALSE, &r->descent_m, error) ||
          !get_int (&record, "pain_during", 0, 10, FALSE, &r->pain_during, error) ||
          !get_int (&record, "pain_after", 0, 10, FALSE, &r->pain_after, error) ||
          !get_bool (&record, "stopped_early", &r->stopped_early, error) ||
          !get_text (&record, "notes", KJ_RECORD_NOTES_MAX, &r->notes, error) ||
          !get_string (&record, "shoe_id", FALSE, &shoe_id, error))
        return FALSE;

      r->shoe_id = g_strdup (shoe_id);
      if (!validated (TRUE, path, (gpointer) kj_run_validate, r, error))
        return FALSE;

      g_ptr_array_add (journal->runs, g_steal_pointer (&r));
    }

  return TRUE;
}

/* questionnaires[i]: an instrument, a date and one answer per item, each checked
 * against its item ("questionnaires[2].answers[4]: 7 is not an answer of item 5 (0–4)") */
static gboolean
parse_questionnaires (const KjJsonNode *array,
                      KjJournal   *journal,
                      GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; array != NULL && i < array->n_children; i++)
    {
      g_autoptr(KjQuestionnaire) q = kj_questionnaire_new (NULL, NULL);
      g_autofree char *path = NULL;
      g_autofree char *key = NULL;
      const char *date, *code, *first;
      const KjJsonNode *answers;
      guint n;
      Record record;

      if (!get_record (array, "questionnaires", i, &record, &path, error) ||
          !get_date (&record, "date", TRUE, &date, error) ||
          !get_string (&record, "instrument", TRUE, &code, error))
        return FALSE;

      g_strlcpy (q->date, date, sizeof q->date);
      if ((q->instrument = kj_instrument_lookup (code)) == NULL)
        return invalid (error, path, "instrument", _("“%s” is not a known value"), code);

      if (!get_id (&record, ids, &q->id, error, "questionnaire:%s:%s", code, date) ||
          !get_array (&record, "answers", &answers, error))
        return FALSE;

      if (answers == NULL)
        return invalid (error, path, "answers", _("a value is required"));

      n = answers->n_children;
      if (n != q->instrument->n_items)
        return invalid (error, path, "answers",
                        ngettext ("%s has %u item, one answer for each; found %u answers",
                                  "%s has %u items, one answer for each; found %u answers", q->instrument->n_items),
                        code, q->instrument->n_items, n);

      q->n_answers = n;
      for (guint k = 0; k < n; k++)
        {
          const KjJsonNode *node = kj_json_node_element (answers, k);
          g_autofree char *field = g_strdup_printf ("answers[%u]", k);
          g_autoptr(GError) local_error = NULL;

          if (node->kind != KJ_JSON_INT)
            return invalid (error, path, field, _("expected a whole number, found %s"),
                            is_null (node) ? _("null") : describe_node (node));

          if (!kj_questionnaire_check_answer (q->instrument, k, node->v.i, field, &local_error))
            {
              g_set_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_INVALID, "%s.%s", path, local_error->message);
              return FALSE;
            }
          q->answers[k] = (int) node->v.i;
        }

      if (!validated (TRUE, path, (gpointer) kj_questionnaire_validate, q, error))
        return FALSE;

      key = g_strdup_printf ("%s\n%s", code, date);
      if ((first = g_hash_table_lookup (dates, key)) != NULL)
        return invalid (error, path, "date", _("%s already holds a questionnaire of %s: %s"), first, date, code);
      g_hash_table_insert (dates, g_steal_pointer (&key), g_strdup (path));

      g_ptr_array_add (journal->questionnaires, g_steal_pointer (&q));
    }

  g_ptr_array_sort (journal->questionnaires, kj_questionnaire_compare);

  return TRUE;
}

/* The first JSON escape of the NUL character (“\u0000”, not “\\u0000”) in
 * @data, and its line (from 1) */
static const char *
find_nul_escape (const char *data,
                 gsize       length,
                 guint      *line)
{
  guint backslashes = 0;

  *line = 1;
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        (*line)++;
      if (c == 'u' && backslashes % 2 == 1 && i + 4 < length &&
          data[i + 1] == '0' && data[i + 2] == '0' && data[i + 3] == '0' && data[i + 4] == '0')
        return data + i - 1;
      backslashes = c == '\\' ? backslashes + 1 : 0;
    }

  return NULL;
}

/* kj_json_parse() on a buffer of its own, NUL-terminated at @length, whose
 * strings the tree unescapes in place (kj-json-tree.c) */
static KjJournal *
parse_buffer (char     *data,
              gsize     length,
              GError  **error)
{
  g_autoptr(KjJsonTree) tree = NULL;
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *invalid_at = NULL;
  const char *format;
  const KjJsonNode *root;
  const KjJsonNode *node;
  Record top;
  int version;
  const KjJsonNode *days, *treatments, *runs, *shoes, *episodes = NULL, *questionnaires;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (length == 0 || strspn (data, " \t\r\n") == length)
    {
      g_set_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }

  if (length > KJ_JSON_MAX_FILE_SIZE)
    {
      g_set_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_TOO_LARGE,
                   _("The file is too large for a Knee Journal file (%lu MB; the limit is %d MB)."),
                   (unsigned long) (length / (1024 * 1024)), KJ_JSON_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &invalid_at) || memchr (data, '\0', length) != NULL)
    {
      gsize offset = invalid_at ? (gsize) (invalid_at - data) : (gsize) ((const char *) memchr (data, '\0', length) - data);

      g_set_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_ENCODING,
                   _("The file is not a Knee Journal file: it is not UTF-8 text (invalid byte at offset %lu)."),
                   (unsigned long) offset);
      return NULL;
    }

  /* a text's "\u0000" would be cut at the NUL without a word: refuse the file
   * instead, before anything is read from it */
  {
    guint line = 0;
    const char *nul = find_nul_escape (data, length, &line);

    if (nul != NULL)
      {
        g_set_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_ENCODING,
                     /* Translators: the backslash-u0000 is JSON's escape of the NUL character; keep it as it is */
                     _("Line %u holds a NUL character (\\u0000) in a text, which Knee Journal cannot keep: "
                       "remove it and import the file again."), line);
        return NULL;
      }
  }

  if (!(tree = kj_json_tree_parse (data, length, &local_error)))
    {
      if (local_error->domain == KJ_IMPORT_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_set_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_SYNTAX,
                   _("The file is not valid JSON (it may be cut short or damaged): %s"), local_error->message);
      return NULL;
    }

  node = kj_json_tree_root (tree);
  if (node->kind != KJ_JSON_OBJECT)
    {
      g_set_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_FORMAT,
                   _("The file is not a Knee Journal file: it does not hold a JSON object."));
      return NULL;
    }

  root = node;
  top.path = NULL;
  top.object = root;

  if (!get_string (&top, "format", TRUE, &format, &local_error))
    {
      g_set_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_FORMAT,
                   _("The file is not a Knee Journal file (%s)."), local_error->message);
      return NULL;
    }

  if (strcmp (format, KJ_JSON_FORMAT) != 0)
    {
      g_set_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_FORMAT,
                   _("format: “%s” is an unknown format; expected “%s”."), format, KJ_JSON_FORMAT);
      return NULL;
    }

  if (!get_int (&top, "version", 0, G_MAXINT, TRUE, &version, &local_error))
    {
      g_set_error_literal (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_FORMAT, local_error->message);
      return NULL;
    }

  if (version < 1)
    {
      g_set_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_FORMAT,
                   _("version: %d is not a version of the Knee Journal format (it starts at 1)."), version);
      return NULL;
    }

  if (version > KJ_JSON_VERSION)
    {
      g_set_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_TOO_NEW,
                   _("version: the file is version %d, newer than this Knee Journal understands (%d). "
                     "Update Knee Journal to import it."), version, KJ_JSON_VERSION);
      return NULL;
    }

  journal = kj_journal_new ();

  /* version 3: episodes; versions 1 and 2 give the first episode's fields in the profile */
  if (version >= 3 &&
      (!get_array (&top, "episodes", &episodes, error) || !parse_episodes (episodes, journal, error)))
    return NULL;

  if (!parse_profile (root, version, journal, error) ||
      !get_array (&top, "days", &days, error) ||
      !get_array (&top, "treatments", &treatments, error) ||
      !get_array (&top, "runs", &runs, error) ||
      !get_array (&top, "shoes", &shoes, error) ||
      !get_array (&top, "questionnaires", &questionnaires, error) ||
      !parse_days (days, journal, error) ||
      !parse_treatments (treatments, journal, error) ||
      !parse_shoes (shoes, journal, error) ||
      !parse_runs (runs, journal, error) ||
      !parse_questionnaires (questionnaires, journal, error))
    return NULL;

  return g_steal_pointer (&journal);
}

/**
 * kj_json_parse:
 * @data: the file's contents
 * @length: its length in bytes
 *
 * Parses and validates a whole journal JSON file.
 *
 * Returns: (transfer full): the journal, or %NULL with @error naming the
 *   record and field at fault
 */
KjJournal *
kj_json_parse (const char  *data,
               gsize        length,
               GError     **error)
{
  g_autofree char *copy = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  copy = g_malloc (length + 1);
  if (length > 0)
    memcpy (copy, data, length);
  copy[length] = '\0';

  return parse_buffer (copy, length, error);
}

/**
 * kj_json_parse_file:
 *
 * Like kj_json_parse(), reading @path first. Errors start with the file name.
 */
KjJournal *
kj_json_parse_file (const char  *path,
                    GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  KjJournal *journal;
  GStatBuf st;
  gsize length;

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > KJ_JSON_MAX_FILE_SIZE)
    {
      g_set_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is too large for a Knee Journal file (%lld MB; the limit is %d MB)."),
                   display, (long long) (st.st_size / (1024 * 1024)), KJ_JSON_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, G_FILE_ERROR, local_error->code,
                   _("“%s” cannot be read: %s"), display, local_error->message);
      return NULL;
    }

  /* the contents are the parser's to unescape in place (no copy of 16 MB) */
  if (!(journal = parse_buffer (contents, length, &local_error)))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
      return NULL;
    }

  return journal;
}
