/* test-rules.c — one journal, every surface: do they say the same about a day?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A journal with swelling on some days (3 of 7 on some, only 2 of 7 on
 * others, one exactly 6 days back), locking, giving way and too much
 * ibuprofen. For every day, the flag the Today page shows must be the most
 * serious of the flags the assessment lists for that date (persistent
 * swelling is dated on each swelling day that completes 3 swelling days
 * within the 7 days ending on it). A day's dose totals as the Today page and
 * the treatment dialog show them must be kj_medication_day_new()'s.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kj-application.h"
#include "kj-assessment.h"
#include "kj-record-editor.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-today-page.h"
#include "kj-window.h"

static KjTestGui gui;
static KjApplication *app;
static KjWindow *window;
static KjTodayPage *page;
static const char *db_path;
static char base[11];

/* Days after @base and their symptoms */
static const struct
{
  int         offset;
  const char *symptoms[2];
} days[] = {
  { 0, { "swelling" } },            /* 1 of 7: no flag */
  { 1, { "locking" } },             /* urgent */
  { 2, { "swelling" } },            /* 2 of 7: no flag */
  { 3, { "stiffness" } },
  { 5, { "giving-way" } },          /* soon */
  { 6, { "swelling" } },            /* 3 of 7 with the day 6 back: soon */
  { 7, { "swelling", "locking" } }, /* urgent, and persistent swelling */
  { 9, { "swelling" } },            /* 6, 7, 9: soon */
  { 13, { "swelling" } },           /* 7, 9, 13: soon */
  { 16, { "swelling" } },           /* 13, 16 (9 is 7 back): no flag */
};

static void
date_at (int   offset,
         char *date)
{
  kj_date_add_days (base, offset, date);
}

static void
write_journal (void)
{
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const struct { const char *drug; int dose_mg; } doses[] = {
    { "ibuprofen", 400 }, { "ibuprofen", 400 }, { "ibuprofen", 600 }, { "naproxen", 220 },
  };
  char date[11];

  store = kj_store_open (db_path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(KjDay) day = NULL;

      date_at (days[i].offset, date);
      day = kj_day_new (date);
      day->pain = 3;
      for (guint s = 0; s < G_N_ELEMENTS (days[i].symptoms) && days[i].symptoms[s] != NULL; s++)
        g_ptr_array_add (day->symptoms, (gpointer) days[i].symptoms[s]);
      g_assert_true (kj_store_save_day (store, day, &error));
      g_assert_no_error (error);
    }

  date_at (6, date);
  for (guint i = 0; i < G_N_ELEMENTS (doses); i++)
    {
      g_autoptr(KjTreatment) t = kj_treatment_new (date, "medication");

      t->drug = doses[i].drug;
      t->dose_mg = doses[i].dose_mg;
      g_assert_true (kj_store_save_treatment (store, t, &error));
      g_assert_no_error (error);
    }
}

static KjJournal *
read_journal (void)
{
  g_autoptr(KjStore) store = kj_store_open (db_path, NULL);
  g_autoptr(GError) error = NULL;
  KjJournal *journal = kj_store_read_journal (store, &error);

  g_assert_no_error (error);

  return journal;
}

/* Today's flag of every date against the assessment's list for it */
static void
test_rules_red_flag (void)
{
  g_autoptr(KjJournal) journal = read_journal ();
  g_autofree char *today = kj_date_today ();
  g_autoptr(KjAssessment) assessment = kj_assess (journal->profile, journal->days, journal->treatments,
                                                  journal->runs, today);
  guint n_soon = 0, n_urgent = 0;

  for (int offset = 0; offset <= 17; offset++)
    {
      KjRedFlagLevel listed = KJ_RED_FLAG_NONE;
      const char *title = NULL;
      gboolean shown;
      char date[11];

      date_at (offset, date);
      for (guint i = 0; i < assessment->red_flags->len; i++)
        {
          const KjRedFlag *flag = &g_array_index (assessment->red_flags, KjRedFlag, i);

          if (g_str_equal (flag->date, date))
            listed = MAX (listed, flag->urgent ? KJ_RED_FLAG_URGENT : KJ_RED_FLAG_SOON);
        }

      kj_window_show_day (window, date);
      kj_test_settle ();
      g_assert_cmpstr (kj_today_page_get_date (page), ==, date);
      shown = kj_today_page_get_red_flag (page, &title);

      g_test_message ("%s: assessment %d, Today %s", date, listed, shown ? title : "no flag");
      g_assert_cmpint (shown, ==, listed != KJ_RED_FLAG_NONE);
      if (listed == KJ_RED_FLAG_URGENT)
        g_assert_cmpstr (title, ==, "See a doctor now");
      else if (listed == KJ_RED_FLAG_SOON)
        g_assert_cmpstr (title, ==, "See a doctor or physiotherapist soon");

      n_soon += listed == KJ_RED_FLAG_SOON;
      n_urgent += listed == KJ_RED_FLAG_URGENT;
    }

  /* the journal holds what it is meant to */
  g_assert_cmpuint (n_urgent, ==, 2);
  g_assert_cmpuint (n_soon, ==, 4);
}

/* The day's totals on the Today page and in the treatment dialog */
static void
test_rules_dose_total (void)
{
  g_autoptr(KjJournal) journal = read_journal ();
  g_autoptr(KjMedicationDay) day = NULL;
  g_autoptr(KjMedicationDay) with_pending = NULL;
  g_autoptr(KjTreatment) pending = NULL;
  KjRecordEditor *editor;
  const KjDrugTotal *total;
  char date[11];

  date_at (6, date);
  day = kj_medication_day_new (journal->treatments, date, NULL);
  kj_window_show_day (window, date);
  kj_test_settle ();

  g_assert_cmpuint (day->drugs->len, ==, 2);
  for (guint i = 0; i < day->drugs->len; i++)
    {
      g_autofree char *text = NULL;

      total = &g_array_index (day->drugs, KjDrugTotal, i);
      text = g_strdup_printf ("%s: %d mg today", kj_code_label (KJ_CODE_DRUG, total->drug), total->total_mg);
      g_test_message ("Today page: %s", text);
      g_assert_nonnull (kj_test_find_label (GTK_WIDGET (page), text));
    }
  g_assert_true (day->over_limit);
  g_assert_true (day->two_nsaids);

  /* the dialog, before Add: the doses logged and the one being entered */
  pending = kj_treatment_new (date, "medication");
  pending->drug = "ibuprofen";
  pending->dose_mg = 200;
  with_pending = kj_medication_day_new (journal->treatments, date, pending);
  total = kj_medication_day_get_drug (with_pending, "ibuprofen");
  g_assert_nonnull (total);
  g_assert_cmpint (total->total_mg, ==, 1600);

  editor = kj_record_editor_new_treatment (GTK_WINDOW (window), pending, TRUE, journal->treatments);
  gtk_window_present (GTK_WINDOW (editor));
  kj_test_settle ();
  {
    g_autofree char *text = g_strdup_printf ("%d mg of %s today", total->total_mg,
                                             kj_code_label (KJ_CODE_DRUG, "ibuprofen"));

    g_test_message ("dialog: %s", kj_record_editor_get_dose_hint (editor));
    g_assert_nonnull (strstr (kj_record_editor_get_dose_hint (editor), text));
  }
  gtk_window_destroy (GTK_WINDOW (editor));
  kj_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *today = NULL;

  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  today = kj_date_today ();
  kj_date_add_days (today, -20, base);
  db_path = gui.db_path;
  write_journal ();

  window = kj_test_gui_open (&gui, NULL, 900, 900);
  app = gui.app;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.log-today", NULL));
  page = kj_window_get_today_page (window);

  g_test_add_func ("/rules/red-flag", test_rules_red_flag);
  g_test_add_func ("/rules/dose-total", test_rules_dose_total);

  return kj_test_gui_finish (&gui, g_test_run ());
}
