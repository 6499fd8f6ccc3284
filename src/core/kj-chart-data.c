/* kj-chart-data.c — what the trend chart shows, computed once for a range of days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One value a day (pain, worst pain, the 7-day mean, treatment kinds, red
 * flags, distance run) and one a week (distance), with the lines of the
 * assessment (treatment start, review, baseline and current levels) as day
 * indices; kj-chart-layout.c places them, kj-chart-render.c draws them.
 */
#define G_LOG_DOMAIN "knee-journal-chart-data"

#include "config.h"

#include <math.h>

#include "kj-chart-data.h"

static int
day_index (const char *from,
           const char *date)
{
  return kj_date_diff (from, date);
}

KjChartData *
kj_chart_data_new (GPtrArray          *days,
                   GPtrArray          *treatments,
                   GPtrArray          *runs,
                   const KjAssessment *assessment,
                   const char         *from,
                   const char         *to)
{
  KjChartData *data = g_new0 (KjChartData, 1);
  g_autoptr(GArray) rolling = NULL;
  g_autoptr(GArray) weeks = NULL;
  guint n_kinds;
  const KjCode *kinds = kj_code_list (KJ_CODE_TREATMENT_KIND, &n_kinds);
  GDate d;

  g_return_val_if_fail (kj_date_is_valid (from) && kj_date_is_valid (to), NULL);

  g_strlcpy (data->from, from, sizeof data->from);
  g_strlcpy (data->to, to, sizeof data->to);
  data->n_days = MAX (1, day_index (from, to) + 1);
  data->pain = g_new (double, data->n_days);
  data->worst = g_new (double, data->n_days);
  data->kinds = g_new0 (guint32, data->n_days);
  data->red_flag = g_new0 (gboolean, data->n_days);
  data->run_km = g_new0 (double, data->n_days);
  data->t0 = data->review = G_MININT;
  data->baseline = data->current = NAN;
  data->review_weeks = 3;
  data->as_of = data->n_days - 1;
  data->units = KJ_UNITS_KM;

  for (guint i = 0; i < data->n_days; i++)
    data->pain[i] = data->worst[i] = NAN;

  for (guint i = 0; i < days->len; i++)
    {
      const KjDay *day = g_ptr_array_index (days, i);
      int k = day_index (from, day->date);

      if (k < 0 || k >= (int) data->n_days)
        continue;
      data->pain[k] = day->pain;
      if (day->pain_worst != KJ_UNSET)
        data->worst[k] = day->pain_worst;
    }

  for (guint i = 0; i < treatments->len; i++)
    {
      const KjTreatment *t = g_ptr_array_index (treatments, i);
      int k = day_index (from, t->date);

      if (k < 0 || k >= (int) data->n_days)
        continue;
      for (guint c = 0; c < n_kinds; c++)
        if (g_str_equal (kinds[c].code, t->kind))
          data->kinds[k] |= 1u << c;
    }

  for (guint i = 0; i < runs->len; i++)
    {
      const KjRun *r = g_ptr_array_index (runs, i);
      int k = day_index (from, r->date);

      if (k >= 0 && k < (int) data->n_days)
        data->run_km[k] += r->distance_km;
    }

  rolling = kj_series_rolling_mean (days, from, to);
  data->rolling = (double *) g_array_steal (rolling, NULL);

  weeks = kj_series_weekly_km (runs, from, to);
  data->n_weeks = weeks->len;
  data->week_km = (double *) g_array_steal (weeks, NULL);
  kj_date_to_gdate (from, &d);
  data->monday_offset = -((int) g_date_get_weekday (&d) - 1);

  if (assessment != NULL)
    {
      for (guint i = 0; i < assessment->red_flags->len; i++)
        {
          int k = day_index (from, g_array_index (assessment->red_flags, KjRedFlag, i).date);

          if (k >= 0 && k < (int) data->n_days)
            data->red_flag[k] = TRUE;
        }

      data->review_weeks = assessment->review_weeks;
      if (assessment->t0[0] != '\0')
        {
          data->t0 = day_index (from, assessment->t0);
          data->review = data->t0 + 7 * assessment->review_weeks;
          data->baseline = assessment->baseline_entries >= 3 ? assessment->baseline : NAN;
        }
      data->current = assessment->current_entries >= 3 ? assessment->current : NAN;
      data->as_of = day_index (from, assessment->as_of);
    }

  return data;
}

void
kj_chart_data_free (KjChartData *data)
{
  if (data == NULL)
    return;

  g_free (data->pain);
  g_free (data->worst);
  g_free (data->rolling);
  g_free (data->kinds);
  g_free (data->red_flag);
  g_free (data->run_km);
  g_free (data->week_km);
  g_clear_pointer (&data->episode_days, g_array_unref);
  g_clear_pointer (&data->episode_labels, g_ptr_array_unref);
  g_free (data);
}

/**
 * kj_chart_data_set_episodes:
 * @episodes: (element-type KjEpisode): the journal's episodes
 *
 * Shows @episodes as labelled bands (the “All” range, doc/data-model.md,
 * “Episodes”): each from its start (or the chart's first day) to its end (or
 * the chart's last day), clipped to the chart.
 */
void
kj_chart_data_set_episodes (KjChartData *data,
                            GPtrArray   *episodes)
{
  g_clear_pointer (&data->episode_days, g_array_unref);
  g_clear_pointer (&data->episode_labels, g_ptr_array_unref);
  data->episode_days = g_array_new (FALSE, FALSE, sizeof (int));
  data->episode_labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; episodes != NULL && i < episodes->len; i++)
    {
      const KjEpisode *episode = g_ptr_array_index (episodes, i);
      const char *start = kj_episode_get_start (episode);
      int first = start != NULL ? kj_date_diff (data->from, start) : 0;
      int last = kj_episode_is_ended (episode) ? kj_date_diff (data->from, episode->end_date) : (int) data->n_days - 1;

      first = MAX (first, 0);
      last = MIN (last, (int) data->n_days - 1);
      if (last < first)
        continue;
      g_array_append_val (data->episode_days, first);
      g_array_append_val (data->episode_days, last);
      g_ptr_array_add (data->episode_labels, kj_episode_dup_title (episode));
    }
}
