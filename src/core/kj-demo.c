/* kj-demo.c — the 8-week demo journal behind --demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A recreational runner with pes anserine pain in the right knee: ice every
 * day at first, ibuprofen in week 1, strengthening from week 2, runs again
 * from week 4, and pain that falls from about 6 to about 1.
 */
#define G_LOG_DOMAIN "knee-journal-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "kj-demo.h"

static void
add_treatment (KjJournal  *journal,
               const char *date,
               const char *kind,
               int         minutes)
{
  KjTreatment *t = kj_treatment_new (date, kind);

  t->id = g_uuid_string_random ();
  t->minutes = minutes;
  g_ptr_array_add (journal->treatments, t);
}

static void
add_medication (KjJournal  *journal,
                const char *date,
                const char *drug,
                int         dose_mg)
{
  KjTreatment *t = kj_treatment_new (date, "medication");

  t->id = g_uuid_string_random ();
  t->drug = kj_code_lookup (KJ_CODE_DRUG, drug);
  t->dose_mg = dose_mg;
  g_ptr_array_add (journal->treatments, t);
}

static void
add_exercise (KjJournal  *journal,
              const char *date,
              const char *kind,
              const char *exercise,
              int         sets,
              int         reps)
{
  KjTreatment *t = kj_treatment_new (date, kind);

  t->id = g_uuid_string_random ();
  t->exercise = kj_code_lookup (KJ_CODE_EXERCISE, exercise);
  t->sets = sets;
  t->reps = reps;
  g_ptr_array_add (journal->treatments, t);
}

/**
 * kj_demo_journal:
 * @last_date: the last day of the demo, usually today
 *
 * Returns: (transfer full): a believable journal of %KJ_DEMO_DAYS days
 */
KjJournal *
kj_demo_journal (const char *last_date)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260304);
  KjJournal *journal = kj_journal_new ();
  char first[11], injury[11];

  g_return_val_if_fail (kj_date_is_valid (last_date), NULL);

  kj_date_add_days (last_date, -(KJ_DEMO_DAYS - 1), first);
  kj_date_add_days (first, -3, injury);

  journal->profile = kj_profile_new ();
  g_free (journal->profile->name);
  journal->profile->name = g_strdup (_("Sam (demo)"));
  journal->profile->injury_date = g_strdup (injury);
  journal->profile->treatment_start = g_strdup (first);

  for (int i = 0; i < KJ_DEMO_DAYS; i++)
    {
      g_autoptr(KjDay) day = NULL;
      char date[11];
      int week = i / 7;
      double level;

      kj_date_add_days (first, i, date);

      /* a missed evening now and then */
      if (i > 3 && g_rand_int_range (rand, 0, 100) < 6)
        continue;

      day = kj_day_new (date);
      day->id = g_uuid_string_random ();
      level = 1.0 + 5.2 * exp (-i / 14.0) + g_rand_double_range (rand, -0.9, 0.9);
      day->pain = CLAMP ((int) lround (level), 0, 10);
      day->pain_worst = MIN (10, day->pain + g_rand_int_range (rand, 1, 3));

      kj_day_add_location (day, "right", "pes-anserine");
      if (week < 3)
        kj_day_add_location (day, "right", "medial-joint-line");
      if (i < 2)
        g_ptr_array_add (day->symptoms, (gpointer) kj_code_lookup (KJ_CODE_SYMPTOM, "swelling"));
      if (week < 3 && i % 2 == 0)
        g_ptr_array_add (day->symptoms, (gpointer) kj_code_lookup (KJ_CODE_SYMPTOM, "stiffness"));
      g_ptr_array_add (day->aggravators, (gpointer) kj_code_lookup (KJ_CODE_AGGRAVATOR, "stairs-down"));
      if (week < 4)
        g_ptr_array_add (day->aggravators, (gpointer) kj_code_lookup (KJ_CODE_AGGRAVATOR, "sitting"));
      if (week >= 3 && day->pain >= 3)
        g_ptr_array_add (day->aggravators, (gpointer) kj_code_lookup (KJ_CODE_AGGRAVATOR, "running"));

      if (i == 0)
        {
          g_free (day->notes);
          day->notes = g_strdup (_("Inner knee sore after the long hill run on Sunday. Stairs down hurt most."));
        }
      else if (i == 21)
        {
          g_free (day->notes);
          day->notes = g_strdup (_("First easy run in three weeks, flat route. Knee fine the next morning."));
        }

      g_ptr_array_add (journal->days, g_steal_pointer (&day));

      if (week < 3 || i % 2 == 0)
        add_treatment (journal, date, "ice", 15);
      if (week == 0)
        {
          add_medication (journal, date, "ibuprofen", 400);
          add_medication (journal, date, "ibuprofen", 400);
          if (i < 4)
            add_medication (journal, date, "ibuprofen", 400);
        }
      if (week >= 1)
        {
          add_exercise (journal, date, "exercise", "straight-leg-raise", 3, 15);
          add_exercise (journal, date, "exercise", week >= 3 ? "split-squat" : "clamshell", 3, 12);
          add_exercise (journal, date, "stretching", "hamstring-stretch", 3, 1);
        }
      if (week >= 4 && i % 3 == 0)
        add_exercise (journal, date, "exercise", "step-down", 3, 10);

      if (week >= 3 && (i % 7 == 0 || i % 7 == 2 || i % 7 == 5))
        {
          KjRun *run = kj_run_new (date, 3.0 + 0.6 * (i - 21) / 3.0);

          run->id = g_uuid_string_random ();
          run->distance_km = round (run->distance_km * 10) / 10;
          run->duration_s = (int) (run->distance_km * 360);
          run->descent_m = round (run->distance_km * 6);
          run->pain_during = MAX (0, 3 - (i - 21) / 8);
          run->pain_after = MAX (0, run->pain_during + (i < 30 ? 1 : 0));
          g_ptr_array_add (journal->runs, run);
        }
    }

  return journal;
}

/* Deletes @file and, for a folder, everything in it; symbolic links are
 * deleted, never followed. */
static gboolean
delete_tree (GFile   *file,
             GError **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL);

  if (type == G_FILE_TYPE_DIRECTORY)
    {
      GFileInfo *info;
      GFile *child;

      children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, error);
      if (children == NULL)
        return FALSE;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, error) && info != NULL)
        if (!delete_tree (child, error))
          return FALSE;
    }

  return g_file_delete (file, NULL, error);
}

/**
 * kj_demo_remove_folder:
 * @journal_path: the demo journal, `<tmp>/knee-journal-demo-XXXXXX/journal.db`
 *
 * Removes the temporary folder of a demo journal with everything in it (the
 * journal, its log files and backups). A journal that is not in such a
 * folder is left alone. A folder already gone is no error.
 */
gboolean
kj_demo_remove_folder (const char  *journal_path,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (journal_path != NULL, FALSE);

  dir = g_path_get_dirname (journal_path);
  base = g_path_get_basename (dir);
  if (strncmp (base, KJ_DEMO_FOLDER_TEMPLATE, strlen (KJ_DEMO_FOLDER_TEMPLATE) - strlen ("XXXXXX")) != 0 ||
      strlen (base) != strlen (KJ_DEMO_FOLDER_TEMPLATE))
    return TRUE;

  folder = g_file_new_for_path (dir);
  if (!delete_tree (folder, &local_error) && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
