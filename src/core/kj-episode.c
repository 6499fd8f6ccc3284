/* kj-episode.c — episodes of knee trouble: the record, which dates each covers, the current one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are those of doc/data-model.md, “Episodes”. An episode's start is
 * its injury date, else its treatment start. It covers the dates from its
 * start to its end date, inclusive (open when it has not ended); the
 * earliest-starting episode, and any episode without a start, also covers
 * everything before, so that a journal with one episode reads as it did
 * before there were episodes. Records belong to every episode that covers
 * their date: episodes of the two knees may overlap.
 */
#define G_LOG_DOMAIN "knee-journal-episode"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kj-episode.h"
#include "kj-format.h"
#include "kj-questionnaire.h"

G_DEFINE_BOXED_TYPE (KjEpisode, kj_episode, kj_episode_copy, kj_episode_free)

static gboolean
check_date (const char  *field,
            const char  *date,
            GError     **error)
{
  if (date[0] != '\0' && !kj_date_is_valid (date))
    return kj_record_set_invalid (error, _("%s: “%s” is not a real date (YYYY-MM-DD)"), field, date);

  return TRUE;
}

KjEpisode *
kj_episode_new (void)
{
  KjEpisode *episode = g_new0 (KjEpisode, 1);

  episode->id = g_uuid_string_random ();
  episode->name = g_strdup ("");
  episode->side = kj_code_lookup (KJ_CODE_AFFECTED_SIDE, "right");
  episode->review_weeks = 3;
  episode->notes = g_strdup ("");

  return episode;
}

KjEpisode *
kj_episode_copy (const KjEpisode *episode)
{
  KjEpisode *copy;

  g_return_val_if_fail (episode != NULL, NULL);

  copy = g_memdup2 (episode, sizeof *episode);
  copy->id = g_strdup (episode->id);
  copy->name = g_strdup (episode->name);
  copy->notes = g_strdup (episode->notes);

  return copy;
}

void
kj_episode_free (KjEpisode *episode)
{
  if (episode == NULL)
    return;

  g_free (episode->id);
  g_free (episode->name);
  g_free (episode->notes);
  g_free (episode);
}

gboolean
kj_episode_equal (const KjEpisode *a,
                  const KjEpisode *b)
{
  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->side, b->side) == 0 &&
         strcmp (a->injury_date, b->injury_date) == 0 &&
         strcmp (a->treatment_start, b->treatment_start) == 0 &&
         a->review_weeks == b->review_weeks &&
         strcmp (a->end_date, b->end_date) == 0 &&
         g_strcmp0 (a->notes, b->notes) == 0;
}

/* The rules of doc/data-model.md, “Episodes”; each message names the field */
gboolean
kj_episode_validate (const KjEpisode  *episode,
                     GError          **error)
{
  g_return_val_if_fail (episode != NULL, FALSE);

  if (!kj_record_check_id (episode->id, error))
    return FALSE;

  if (!kj_notes_are_valid (episode->name ? episode->name : "", KJ_EPISODE_NAME_MAX, "name", error))
    return FALSE;

  if (episode->side == NULL)
    return kj_record_set_invalid (error, _("%s: a value is required"), "side");
  if (kj_code_lookup (KJ_CODE_AFFECTED_SIDE, episode->side) == NULL)
    return kj_record_set_invalid (error, _("%s: “%s” is not a known value"), "side", episode->side);

  if (!check_date ("injury_date", episode->injury_date, error) ||
      !check_date ("treatment_start", episode->treatment_start, error) ||
      !check_date ("end_date", episode->end_date, error))
    return FALSE;

  if (episode->review_weeks < 2 || episode->review_weeks > 12)
    return kj_record_set_invalid (error, _("%s: %d is out of range %d–%d"), "review_weeks", episode->review_weeks, 2, 12);

  if (episode->end_date[0] != '\0')
    {
      if (episode->injury_date[0] != '\0' && strcmp (episode->end_date, episode->injury_date) < 0)
        /* Translators: “end_date: 2026-03-01 is before the injury date 2026-03-02” */
        return kj_record_set_invalid (error, _("end_date: %s is before the injury date %s"),
                        episode->end_date, episode->injury_date);
      if (episode->treatment_start[0] != '\0' && strcmp (episode->end_date, episode->treatment_start) < 0)
        return kj_record_set_invalid (error, _("end_date: %s is before the treatment start %s"),
                        episode->end_date, episode->treatment_start);
    }

  return kj_notes_are_valid (episode->notes ? episode->notes : "", KJ_EPISODE_NOTES_MAX, "notes", error);
}

/* The injury date, else the treatment start, else NULL */
const char *
kj_episode_get_start (const KjEpisode *episode)
{
  if (episode->injury_date[0] != '\0')
    return episode->injury_date;
  if (episode->treatment_start[0] != '\0')
    return episode->treatment_start;
  return NULL;
}

gboolean
kj_episode_is_ended (const KjEpisode *episode)
{
  return episode->end_date[0] != '\0';
}

static const char *
side_words (const KjEpisode *episode)
{
  if (g_strcmp0 (episode->side, "left") == 0)
    return _("Left knee");
  if (g_strcmp0 (episode->side, "both") == 0)
    return _("Both knees");
  return _("Right knee");
}

/**
 * kj_episode_dup_title:
 *
 * The episode's name, or, without one, its knee and start: “Right knee since
 * 2 March 2026”, “Right knee”.
 */
char *
kj_episode_dup_title (const KjEpisode *episode)
{
  g_autofree char *stripped = g_strstrip (g_strdup (episode->name ? episode->name : ""));
  const char *start = kj_episode_get_start (episode);
  g_autofree char *when = NULL;

  if (stripped[0] != '\0')
    return g_strdup (episode->name);
  if (start == NULL)
    return g_strdup (side_words (episode));

  when = kj_format_date (start);
  /* Translators: an episode without a name: “Right knee since 2 March 2026” */
  return g_strdup_printf (_("%s since %s"), side_words (episode), when);
}

/**
 * kj_episode_dup_line:
 *
 * The episode in one line, as the report and `--summary` name it: “Episode:
 * Right knee — pes anserine (since 2 March 2026)”.
 */
char *
kj_episode_dup_line (const KjEpisode *episode)
{
  g_autofree char *name = g_strstrip (g_strdup (episode->name ? episode->name : ""));
  /* without a name, the knee: its dates follow in brackets */
  g_autofree char *title = name[0] != '\0' ? g_strdup (episode->name) : g_strdup (side_words (episode));
  g_autofree char *dates = kj_episode_dup_dates (episode);

  if (kj_episode_is_ended (episode))
    /* Translators: the report's episode: “Episode: Right knee — pes anserine (2 March 2026 – 4 May 2026),
     * resolved” */
    return g_strdup_printf (_("Episode: %s (%s), resolved"), title, dates);
  if (dates[0] != '\0')
    /* Translators: “Episode: Right knee — pes anserine (since 2 March 2026)” */
    return g_strdup_printf (_("Episode: %s (%s)"), title, dates);
  /* Translators: the report's episode when it has no dates */
  return g_strdup_printf (_("Episode: %s (no dates)"), title);
}

/**
 * kj_episode_dup_dates:
 *
 * Its dates in words: “2 March 2026 – 4 May 2026”, “since 2 March 2026”,
 * “until 4 May 2026”, or “” with neither.
 */
char *
kj_episode_dup_dates (const KjEpisode *episode)
{
  const char *start = kj_episode_get_start (episode);
  g_autofree char *from = start ? kj_format_date (start) : NULL;
  g_autofree char *to = kj_episode_is_ended (episode) ? kj_format_date (episode->end_date) : NULL;

  if (from != NULL && to != NULL)
    /* Translators: an episode's dates, first to last */
    return g_strdup_printf (_("%s – %s"), from, to);
  if (from != NULL)
    return g_strdup_printf (_("since %s"), from);
  if (to != NULL)
    /* Translators: an episode without a start that was resolved on this date */
    return g_strdup_printf (_("until %s"), to);
  return g_strdup ("");
}

/* The smallest start among @episodes; "" when one has no start (it counts
 * as the earliest), NULL when there are none */
static const char *
earliest_start (GPtrArray *episodes)
{
  const char *earliest = NULL;

  for (guint i = 0; episodes != NULL && i < episodes->len; i++)
    {
      const char *start = kj_episode_get_start (g_ptr_array_index (episodes, i));

      if (start == NULL)
        return "";
      if (earliest == NULL || strcmp (start, earliest) < 0)
        earliest = start;
    }

  return earliest;
}

/**
 * kj_episode_get_range:
 * @episodes: (element-type KjEpisode): every episode of the journal
 * @from: (out): the first date @episode covers, or "" when it has no bound
 * @to: (out): the last date it covers (its end), or "" while it is open
 *
 * The dates that belong to @episode: from its start (or from the beginning,
 * for the earliest-starting episode and an episode without a start) to its
 * end date, inclusive. An episode without a start counts as the earliest:
 * with one, every episode that has a start begins there.
 */
void
kj_episode_get_range (GPtrArray        *episodes,
                      const KjEpisode  *episode,
                      char              from[11],
                      char              to[11])
{
  const char *start = kj_episode_get_start (episode);
  const char *earliest = earliest_start (episodes);

  if (start == NULL || earliest == NULL || strcmp (start, earliest) <= 0)
    from[0] = '\0';
  else
    g_strlcpy (from, start, 11);

  g_strlcpy (to, episode->end_date, 11);
}

gboolean
kj_episode_covers (GPtrArray        *episodes,
                   const KjEpisode  *episode,
                   const char       *date)
{
  char from[11], to[11];

  kj_episode_get_range (episodes, episode, from, to);

  return (from[0] == '\0' || strcmp (date, from) >= 0) && (to[0] == '\0' || strcmp (date, to) <= 0);
}

/**
 * kj_episodes_get_first:
 *
 * The episode that owns the journal's earliest records: one without a start,
 * else the earliest-starting; the first in @episodes on a tie.
 *
 * Returns: (transfer none) (nullable): the episode, %NULL without any
 */
const KjEpisode *
kj_episodes_get_first (GPtrArray *episodes)
{
  const KjEpisode *first = NULL;

  for (guint i = 0; episodes != NULL && i < episodes->len; i++)
    {
      const KjEpisode *episode = g_ptr_array_index (episodes, i);
      const char *start = kj_episode_get_start (episode);

      if (start == NULL)
        return episode;
      if (first == NULL || strcmp (start, kj_episode_get_start (first)) < 0)
        first = episode;
    }

  return first;
}

/* Whether @a started later than @b (no start is the earliest) */
static int
compare_starts (const KjEpisode *a,
                const KjEpisode *b)
{
  return g_strcmp0 (kj_episode_get_start (a), kj_episode_get_start (b));
}

/**
 * kj_episodes_get_current:
 * @as_of: a date
 *
 * The episode to show for @as_of: among those that started on or before it
 * (or have no start), the open ones (no end, or an end on or after @as_of)
 * win, the latest-starting first; with none open, the most recently ended.
 * With no episode started yet, the first (kj_episodes_get_first()).
 *
 * Returns: (transfer none) (nullable): the episode, %NULL without any
 */
const KjEpisode *
kj_episodes_get_current (GPtrArray  *episodes,
                         const char *as_of)
{
  const KjEpisode *open = NULL, *ended = NULL;

  for (guint i = 0; episodes != NULL && i < episodes->len; i++)
    {
      const KjEpisode *episode = g_ptr_array_index (episodes, i);
      const char *start = kj_episode_get_start (episode);

      if (start != NULL && strcmp (start, as_of) > 0)
        continue;

      if (!kj_episode_is_ended (episode) || strcmp (episode->end_date, as_of) >= 0)
        {
          if (open == NULL || compare_starts (episode, open) > 0)
            open = episode;
        }
      else if (ended == NULL || strcmp (episode->end_date, ended->end_date) > 0)
        ended = episode;
    }

  if (open != NULL)
    return open;
  if (ended != NULL)
    return ended;

  return kj_episodes_get_first (episodes);
}

/**
 * kj_episodes_find:
 *
 * Returns: (transfer none) (nullable): the episode @id, or %NULL
 */
const KjEpisode *
kj_episodes_find (GPtrArray  *episodes,
                  const char *id)
{
  for (guint i = 0; episodes != NULL && id != NULL && i < episodes->len; i++)
    {
      const KjEpisode *episode = g_ptr_array_index (episodes, i);

      if (g_strcmp0 (episode->id, id) == 0)
        return episode;
    }

  return NULL;
}

/**
 * kj_episodes_on_date:
 *
 * Returns: (transfer container) (element-type KjEpisode): the episodes that
 *   cover @date, in the order of @episodes (borrowed)
 */
GPtrArray *
kj_episodes_on_date (GPtrArray  *episodes,
                     const char *date)
{
  GPtrArray *on = g_ptr_array_new ();

  for (guint i = 0; episodes != NULL && i < episodes->len; i++)
    {
      KjEpisode *episode = g_ptr_array_index (episodes, i);

      if (kj_episode_covers (episodes, episode, date))
        g_ptr_array_add (on, episode);
    }

  return on;
}

/* Day entries, treatments and runs all start with their id and date */
G_STATIC_ASSERT (G_STRUCT_OFFSET (KjDay, date) == G_STRUCT_OFFSET (KjTreatment, date));
G_STATIC_ASSERT (G_STRUCT_OFFSET (KjDay, date) == G_STRUCT_OFFSET (KjRun, date));
G_STATIC_ASSERT (G_STRUCT_OFFSET (KjDay, date) == G_STRUCT_OFFSET (KjQuestionnaire, date));

/**
 * kj_records_in_range:
 * @records: (element-type KjDay): day entries, treatments, runs or questionnaires
 * @from: the first date, or "" for no bound
 * @to: the last date, or "" for no bound
 *
 * Returns: (transfer container): the records dated from @from to @to,
 *   inclusive, in their order (borrowed from @records)
 */
GPtrArray *
kj_records_in_range (GPtrArray  *records,
                     const char *from,
                     const char *to)
{
  GPtrArray *in = g_ptr_array_sized_new (records != NULL ? records->len : 0);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      gpointer record = g_ptr_array_index (records, i);
      const char *date = (const char *) record + G_STRUCT_OFFSET (KjDay, date);

      if ((from[0] == '\0' || strcmp (date, from) >= 0) && (to[0] == '\0' || strcmp (date, to) <= 0))
        g_ptr_array_add (in, record);
    }

  return in;
}

/**
 * kj_episode_from_profile:
 *
 * An episode with a profile's side, dates and review weeks as a journal of
 * version 1 or 2 has them (doc/journal-format.md), or a journal built in memory.
 *
 * Returns: (transfer full): a new episode, with a new id
 */
KjEpisode *
kj_episode_from_profile (const KjProfile *profile)
{
  KjEpisode *episode = kj_episode_new ();

  if (profile == NULL)
    return episode;

  if (profile->affected_side != NULL)
    episode->side = profile->affected_side;
  if (profile->injury_date != NULL)
    g_strlcpy (episode->injury_date, profile->injury_date, sizeof episode->injury_date);
  if (profile->treatment_start != NULL)
    g_strlcpy (episode->treatment_start, profile->treatment_start, sizeof episode->treatment_start);
  if (profile->review_weeks != KJ_UNSET)
    episode->review_weeks = profile->review_weeks;

  return episode;
}
