/* kj-gen.c — the deterministic journal generator of doc/testing.md, “Test and benchmark data”
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same seed, length, scenario and last date always give the same
 * journal, ids included. Scenarios start treatment on the first day and
 * have known verdicts as of the last day:
 *   improving  pain 6 → 2 within four weeks                → improving
 *   plateau    pain about 5 throughout                     → see-doctor after review_weeks, else no-change
 *   worsening  pain 3 → 6                                  → worsening
 *   red-flag   improving, but locking 5 days before the end → see-doctor
 *   sparse     an entry every fourth day                   → not-enough-data
 *   mixed      ten years of episodes that come and go (the large benchmark journal)
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kj-gen.h"

static const char * const scenarios[] = {
  "improving", "plateau", "worsening", "red-flag", "sparse", "mixed", NULL
};

static const char * const treatment_kinds[] = {
  "ice", "heat", "medication", "exercise", "stretching", "foam-rolling", "massage", "rest",
  "compression", "elevation", "physio", "insoles", "brace", "injection", "other",
};

static const char * const exercises[] = {
  "single-leg-bridge", "hamstring-bridge", "split-squat", "clamshell", "side-leg-raise",
  "straight-leg-raise", "wall-sit", "step-down", "calf-raise",
};

static const char * const stretches[] = {
  "quad-stretch", "hamstring-stretch", "hip-flexor-stretch", "it-band-stretch",
};

static const char * const regions[] = {
  "pes-anserine", "medial-joint-line", "patella", "patellar-tendon", "it-band", "mcl",
  "lateral-joint-line", "popliteal", "quadriceps-tendon",
};

static const char * const symptoms[] = { "stiffness", "clicking", "grinding", "night-pain" };
static const char * const aggravators[] = { "running", "downhill", "stairs-up", "stairs-down", "squatting", "sitting" };

const char * const *
kj_gen_scenarios (void)
{
  return scenarios;
}

static char *
gen_id (GRand *rand)
{
  guint32 a = g_rand_int (rand), b = g_rand_int (rand), c = g_rand_int (rand), d = g_rand_int (rand);

  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                          a, b >> 16, b & 0xfff, 0x8000 | (c >> 18), c & 0xffff, d);
}

static double
pain_level (const char *scenario,
            guint       i,
            guint       n_days)
{
  double weeks = i / 7.0;

  if (strcmp (scenario, "improving") == 0 || strcmp (scenario, "red-flag") == 0 || strcmp (scenario, "sparse") == 0)
    return 2.0 + 4.2 * exp (-weeks / 1.6);
  if (strcmp (scenario, "plateau") == 0)
    return 5.0;
  if (strcmp (scenario, "worsening") == 0)
    return 3.0 + 3.0 * MIN (1.0, (double) i / MAX (1, (int) n_days - 7));

  /* mixed: an episode every few months that settles within weeks */
  {
    double cycle = fmod (i, 97.0);
    return 1.0 + 5.0 * exp (-cycle / 12.0);
  }
}

static const char *
pick (GRand              *rand,
      const char * const *list,
      guint               n)
{
  return list[g_rand_int_range (rand, 0, n)];
}

static void
add_code (GPtrArray  *codes,
          KjCodeList  list,
          const char *code)
{
  const char *interned = kj_code_lookup (list, code);

  if (!kj_day_has_code (codes, interned))
    g_ptr_array_add (codes, (gpointer) interned);
}

static void
gen_treatments (KjJournal  *journal,
                GRand      *rand,
                const char *date,
                guint       n)
{
  for (guint k = 0; k < n; k++)
    {
      const char *kind;
      KjTreatment *t;

      /* mostly ice, medication and exercises, as a runner would log */
      switch (g_rand_int_range (rand, 0, 10))
        {
        case 0: case 1: kind = "ice"; break;
        case 2: kind = "medication"; break;
        case 3: case 4: kind = "exercise"; break;
        case 5: kind = "stretching"; break;
        default: kind = pick (rand, treatment_kinds, G_N_ELEMENTS (treatment_kinds)); break;
        }

      t = kj_treatment_new (date, kind);
      t->id = gen_id (rand);

      if (strcmp (kind, "ice") == 0 || strcmp (kind, "heat") == 0)
        t->minutes = 10 + 5 * g_rand_int_range (rand, 0, 3);
      else if (strcmp (kind, "medication") == 0)
        {
          t->drug = kj_code_lookup (KJ_CODE_DRUG, g_rand_int_range (rand, 0, 4) == 0 ? "naproxen" : "ibuprofen");
          t->dose_mg = strcmp (t->drug, "naproxen") == 0 ? 220 : 400;
        }
      else if (strcmp (kind, "exercise") == 0)
        {
          t->exercise = kj_code_lookup (KJ_CODE_EXERCISE, pick (rand, exercises, G_N_ELEMENTS (exercises)));
          t->sets = 3;
          t->reps = 8 + 2 * g_rand_int_range (rand, 0, 4);
        }
      else if (strcmp (kind, "stretching") == 0)
        {
          t->exercise = kj_code_lookup (KJ_CODE_EXERCISE, pick (rand, stretches, G_N_ELEMENTS (stretches)));
          t->sets = 2;
          t->reps = 1;
          t->minutes = 5;
        }
      else if (g_rand_boolean (rand))
        t->minutes = 10 + g_rand_int_range (rand, 0, 50);

      if (g_rand_int_range (rand, 0, 12) == 0)
        {
          g_free (t->notes);
          t->notes = g_strdup ("felt good, \"easy\" session");
        }

      g_ptr_array_add (journal->treatments, t);
    }
}

/**
 * kj_gen_journal:
 * @seed: the seed; the same seed gives the same journal
 * @n_days: how many days the journal covers
 * @scenario: one of kj_gen_scenarios()
 * @last_date: the last day (YYYY-MM-DD)
 *
 * Returns: (transfer full): the journal, valid in every record
 */
KjJournal *
kj_gen_journal (guint32      seed,
                guint        n_days,
                const char  *scenario,
                const char  *last_date,
                GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(KjJournal) journal = kj_journal_new ();
  gboolean mixed, sparse, known = FALSE;
  char first[11];

  for (guint i = 0; scenarios[i]; i++)
    known |= g_strcmp0 (scenarios[i], scenario) == 0;

  if (!known || !kj_date_is_valid (last_date) || n_days == 0 || n_days > 40000)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "unknown scenario, bad date or length (%s, %s, %u)", scenario, last_date, n_days);
      return NULL;
    }

  mixed = strcmp (scenario, "mixed") == 0;
  sparse = strcmp (scenario, "sparse") == 0;
  kj_date_add_days (last_date, -(int) (n_days - 1), first);

  journal->profile = kj_profile_new ();
  g_free (journal->profile->name);
  journal->profile->name = g_strdup ("Generated Runner");
  journal->profile->treatment_start = g_strdup (first);
  kj_date_add_days (first, -2, first);
  journal->profile->injury_date = g_strdup (first);
  kj_date_add_days (last_date, -(int) (n_days - 1), first);

  for (guint i = 0; i < n_days; i++)
    {
      g_autoptr(KjDay) day = NULL;
      char date[11];
      double level;

      kj_date_add_days (first, i, date);

      if (sparse && i % 4 != 0)
        continue;

      day = kj_day_new (date);
      day->id = gen_id (rand);
      level = pain_level (scenario, i, n_days) + g_rand_double_range (rand, -0.8, 0.8);
      day->pain = CLAMP ((int) lround (level), 0, 10);
      if (g_rand_int_range (rand, 0, 3) > 0)
        day->pain_worst = MIN (10, day->pain + g_rand_int_range (rand, 0, 3));

      kj_day_add_location (day, "right", "pes-anserine");
      if (mixed && g_rand_int_range (rand, 0, 3) == 0)
        {
          const char *side = g_rand_boolean (rand) ? "left" : "right";
          const char *region = pick (rand, regions, G_N_ELEMENTS (regions));

          if (!kj_day_has_location (day, side, region))
            kj_day_add_location (day, side, region);
        }
      if (day->pain >= 4 && g_rand_boolean (rand))
        add_code (day->symptoms, KJ_CODE_SYMPTOM, pick (rand, symptoms, G_N_ELEMENTS (symptoms)));
      if (strcmp (scenario, "red-flag") == 0 && i == n_days - 5)
        add_code (day->symptoms, KJ_CODE_SYMPTOM, "locking");
      add_code (day->aggravators, KJ_CODE_AGGRAVATOR, pick (rand, aggravators, G_N_ELEMENTS (aggravators)));

      if (g_rand_int_range (rand, 0, 5) == 0)
        {
          g_free (day->notes);
          day->notes = g_strdup_printf ("Day %u: knee %s, stairs, commas, and \"quotes\"\nsecond line – Knöchel ok",
                                        i + 1, day->pain >= 4 ? "sore" : "fine");
        }

      g_ptr_array_add (journal->days, g_steal_pointer (&day));

      gen_treatments (journal, rand, date, mixed ? g_rand_int_range (rand, 1, 6) : 2);

      if (mixed ? g_rand_int_range (rand, 0, 100) < 58 : (i >= 21 && i % 3 == 0))
        {
          KjRun *run = kj_run_new (date, round (g_rand_double_range (rand, 3.0, 16.0) * 100) / 100);

          run->id = gen_id (rand);
          run->duration_s = (int) (run->distance_km * g_rand_double_range (rand, 290, 380));
          if (g_rand_int_range (rand, 0, 4) > 0)
            run->descent_m = g_rand_int_range (rand, 0, 400);
          run->pain_during = g_rand_int_range (rand, 0, 6);
          run->pain_after = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 7) : KJ_UNSET;
          run->stopped_early = g_rand_int_range (rand, 0, 20) == 0;
          g_ptr_array_add (journal->runs, run);
        }
    }

  return g_steal_pointer (&journal);
}

/* Writes a GPX track of @n_points, one a second, on the morning of
 * 2020-01-01 + @index days: 2.8 m a second around a 1 km loop. */
void
kj_gen_write_gpx (const char *path,
                  guint       index,
                  guint       n_points)
{
  g_autoptr(GString) gpx = g_string_sized_new (n_points * 110);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2020, 1, 1, 7, 0, 0);
  g_autoptr(GDateTime) day = g_date_time_add_days (start, index);
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_date_time_to_unix (day);

  g_string_append (gpx, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<gpx version=\"1.1\" creator=\"bench\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
                        "<trk><name>Run</name><trkseg>\n");
  for (guint i = 0; i < n_points; i++)
    {
      g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (t0 + i);
      g_autofree char *iso = g_date_time_format_iso8601 (t);
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE], ele[G_ASCII_DTOSTR_BUF_SIZE];

      /* 2.8 m a second around a 1 km loop, with a gentle hill */
      g_ascii_formatd (lat, sizeof lat, "%.7f", 52.5 + 0.0014 * sin (i * 2.8 / 160.0));
      g_ascii_formatd (lon, sizeof lon, "%.7f", 13.4 + 0.0023 * cos (i * 2.8 / 160.0));
      g_ascii_formatd (ele, sizeof ele, "%.1f", 40 + 12 * sin (i / 300.0));
      g_string_append_printf (gpx, "<trkpt lat=\"%s\" lon=\"%s\"><ele>%s</ele><time>%s</time></trkpt>\n",
                              lat, lon, ele, iso);
    }
  g_string_append (gpx, "</trkseg></trk></gpx>\n");

  g_file_set_contents (path, gpx->str, gpx->len, &error);
  g_assert_no_error (error);
}
