/* kj-json-write.c — the journal JSON of doc/journal-format.md, “Journal JSON”, written with json-glib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every member of every record is written, an unset value as null; the
 * reader is kj-json-read.c. Version 3: the profile holds the name and units,
 * the side, dates and review weeks are the episodes'.
 */
#define G_LOG_DOMAIN "knee-journal-json-write"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "kj-episode.h"
#include "kj-json.h"
#include "kj-questionnaire.h"

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_int_or_null (JsonBuilder *builder,
                 const char  *member,
                 int          value)
{
  json_builder_set_member_name (builder, member);
  if (value == KJ_UNSET)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

static void
add_number_or_null (JsonBuilder *builder,
                    const char  *member,
                    double       value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_code_list (JsonBuilder *builder,
               const char  *member,
               GPtrArray   *codes)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < codes->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (codes, i));
  json_builder_end_array (builder);
}

static void
build_profile (JsonBuilder     *builder,
               const KjProfile *profile)
{
  json_builder_set_member_name (builder, "profile");
  json_builder_begin_object (builder);
  add_string_or_null (builder, "name", profile->name ? profile->name : "");
  add_string_or_null (builder, "units", profile->units);
  json_builder_end_object (builder);
}

static const char *
date_or_null (const char *date)
{
  return date[0] != '\0' ? date : NULL;
}

static void
build_episode (JsonBuilder     *builder,
               const KjEpisode *episode)
{
  json_builder_begin_object (builder);
  add_string_or_null (builder, "id", episode->id);
  add_string_or_null (builder, "name", episode->name ? episode->name : "");
  add_string_or_null (builder, "side", episode->side);
  add_string_or_null (builder, "injury_date", date_or_null (episode->injury_date));
  add_string_or_null (builder, "treatment_start", date_or_null (episode->treatment_start));
  add_int_or_null (builder, "review_weeks", episode->review_weeks);
  add_string_or_null (builder, "end_date", date_or_null (episode->end_date));
  add_string_or_null (builder, "notes", episode->notes ? episode->notes : "");
  json_builder_end_object (builder);
}

static void
build_day (JsonBuilder *builder,
           const KjDay *day)
{
  json_builder_begin_object (builder);
  add_string_or_null (builder, "id", day->id);
  add_string_or_null (builder, "date", day->date);
  add_int_or_null (builder, "pain", day->pain);
  add_int_or_null (builder, "pain_worst", day->pain_worst);

  json_builder_set_member_name (builder, "locations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < day->locations->len; i++)
    {
      const KjLocation *loc = &g_array_index (day->locations, KjLocation, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "side", loc->side);
      add_string_or_null (builder, "region", loc->region);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_code_list (builder, "symptoms", day->symptoms);
  add_code_list (builder, "aggravators", day->aggravators);
  add_string_or_null (builder, "notes", day->notes ? day->notes : "");
  json_builder_end_object (builder);
}

static void
build_treatment (JsonBuilder       *builder,
                 const KjTreatment *t)
{
  json_builder_begin_object (builder);
  add_string_or_null (builder, "id", t->id);
  add_string_or_null (builder, "date", t->date);
  add_string_or_null (builder, "kind", t->kind);
  add_int_or_null (builder, "minutes", t->minutes);
  add_string_or_null (builder, "drug", t->drug);
  add_int_or_null (builder, "dose_mg", t->dose_mg);
  add_string_or_null (builder, "exercise", t->exercise);
  add_int_or_null (builder, "sets", t->sets);
  add_int_or_null (builder, "reps", t->reps);
  add_string_or_null (builder, "time", t->time[0] != '\0' ? t->time : NULL);
  add_string_or_null (builder, "notes", t->notes ? t->notes : "");
  json_builder_end_object (builder);
}

static void
build_run (JsonBuilder *builder,
           const KjRun *r)
{
  json_builder_begin_object (builder);
  add_string_or_null (builder, "id", r->id);
  add_string_or_null (builder, "date", r->date);
  add_number_or_null (builder, "distance_km", r->distance_km);
  add_int_or_null (builder, "duration_s", r->duration_s);
  add_number_or_null (builder, "descent_m", r->descent_m);
  add_int_or_null (builder, "pain_during", r->pain_during);
  add_int_or_null (builder, "pain_after", r->pain_after);
  json_builder_set_member_name (builder, "stopped_early");
  json_builder_add_boolean_value (builder, r->stopped_early);
  add_string_or_null (builder, "notes", r->notes ? r->notes : "");
  add_string_or_null (builder, "shoe_id", r->shoe_id);
  json_builder_end_object (builder);
}

static void
build_shoe (JsonBuilder  *builder,
            const KjShoe *shoe)
{
  json_builder_begin_object (builder);
  add_string_or_null (builder, "id", shoe->id);
  add_string_or_null (builder, "name", shoe->name);
  add_string_or_null (builder, "model", shoe->model);
  add_string_or_null (builder, "start_date", shoe->start_date[0] != '\0' ? shoe->start_date : NULL);
  add_string_or_null (builder, "retired_date", shoe->retired_date[0] != '\0' ? shoe->retired_date : NULL);
  add_number_or_null (builder, "start_km", shoe->start_km);
  add_number_or_null (builder, "alert_km", shoe->alert_km);
  json_builder_set_member_name (builder, "is_default");
  json_builder_add_boolean_value (builder, shoe->is_default);
  json_builder_end_object (builder);
}

static void
build_questionnaire (JsonBuilder           *builder,
                     const KjQuestionnaire *q)
{
  json_builder_begin_object (builder);
  add_string_or_null (builder, "id", q->id);
  add_string_or_null (builder, "date", q->date);
  add_string_or_null (builder, "instrument", q->instrument->code);
  json_builder_set_member_name (builder, "answers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < q->n_answers; i++)
    json_builder_add_int_value (builder, q->answers[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * kj_json_generate:
 *
 * Returns: (transfer full): @journal as pretty-printed journal JSON, ending
 *   with a newline
 */
char *
kj_json_generate (const KjJournal *journal,
                  gsize           *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(KjProfile) default_profile = NULL;
  g_autofree char *text = NULL;
  gsize text_length;

  g_return_val_if_fail (journal != NULL, NULL);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "format", KJ_JSON_FORMAT);
  add_int_or_null (builder, "version", KJ_JSON_VERSION);

  if (journal->profile == NULL)
    default_profile = kj_profile_new ();
  build_profile (builder, journal->profile ? journal->profile : default_profile);

  /* a journal built in memory without episodes has its profile's as the first */
  json_builder_set_member_name (builder, "episodes");
  json_builder_begin_array (builder);
  if (journal->episodes != NULL)
    for (guint i = 0; i < journal->episodes->len; i++)
      build_episode (builder, g_ptr_array_index (journal->episodes, i));
  else if (journal->profile != NULL && journal->profile->affected_side != NULL)
    {
      g_autoptr(KjEpisode) episode = kj_episode_from_profile (journal->profile);
      g_autofree char *seed = g_strdup_printf ("episode:%s:%s:%s", episode->side, episode->injury_date,
                                               episode->treatment_start);

      /* the id a reader gives it without one: the same on every export */
      g_free (episode->id);
      episode->id = kj_json_derive_id (seed);
      build_episode (builder, episode);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "days");
  json_builder_begin_array (builder);
  for (guint i = 0; i < journal->days->len; i++)
    build_day (builder, g_ptr_array_index (journal->days, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "treatments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < journal->treatments->len; i++)
    build_treatment (builder, g_ptr_array_index (journal->treatments, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "runs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < journal->runs->len; i++)
    build_run (builder, g_ptr_array_index (journal->runs, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "shoes");
  json_builder_begin_array (builder);
  for (guint i = 0; journal->shoes != NULL && i < journal->shoes->len; i++)
    build_shoe (builder, g_ptr_array_index (journal->shoes, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "questionnaires");
  json_builder_begin_array (builder);
  for (guint i = 0; journal->questionnaires != NULL && i < journal->questionnaires->len; i++)
    build_questionnaire (builder, g_ptr_array_index (journal->questionnaires, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  text = json_generator_to_data (generator, &text_length);

  if (length != NULL)
    *length = text_length + 1;

  return g_strconcat (text, "\n", NULL);
}
