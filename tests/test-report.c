/* test-report.c — the doctor's report, read back with poppler's pdfinfo, pdftotext and pdftoppm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "kj-assessment.h"
#include "kj-chart-data.h"
#include "kj-chart-render.h"
#include "kj-demo.h"
#include "kj-gen.h"
#include "kj-report.h"
#include "kj-series.h"
#include "kj-test-util.h"

static char *
run (const char *command_line)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = -1;

  g_spawn_command_line_sync (command_line, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  return out;
}

static char *
pdf_info (const char *path,
          const char *field)
{
  g_autofree char *command = g_strdup_printf ("pdfinfo '%s'", path);
  g_autofree char *out = run (command);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], field))
      return g_strstrip (g_strdup (lines[i] + strlen (field)));

  return NULL;
}

/* The text of the PDF with every run of white space made one space. */
static char *
pdf_text (const char *path)
{
  g_autofree char *command = g_strdup_printf ("pdftotext -enc UTF-8 '%s' -", path);
  g_autofree char *out = run (command);
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

static gboolean
has_tool (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);
  return path != NULL;
}

static char *
collapse (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

/* Two weeks with a German note, a Greek name, and records outside the period. */
static KjJournal *
two_weeks (void)
{
  KjJournal *journal = kj_gen_journal (17, 30, "improving", "2026-04-01", NULL);
  KjDay *day;

  g_free (journal->profile->name);
  journal->profile->name = g_strdup ("Νίκος Παπαδόπουλος");

  day = journal->days->pdata[20];
  g_free (day->notes);
  day->notes = g_strdup ("Knöchel und Kniekehle schmerzen nach dem Bergablauf; Treppe hinunter geht schwer. 膝");
  g_ptr_array_add (day->symptoms, (gpointer) kj_code_lookup (KJ_CODE_SYMPTOM, "giving-way"));

  day = journal->days->pdata[5];
  g_free (day->notes);
  day->notes = g_strdup ("OUTSIDE-BEFORE");
  day = journal->days->pdata[29];
  g_free (day->notes);
  day->notes = g_strdup ("OUTSIDE-AFTER");

  return journal;
}

static void
test_report_two_weeks (void)
{
  g_autoptr(KjJournal) journal = two_weeks ();
  g_autofree char *path = kj_test_tmp_path ("two-weeks.pdf");
  g_autofree char *letter = kj_test_tmp_path ("two-weeks-letter.pdf");
  g_autofree char *pages = NULL;
  g_autofree char *size = NULL;
  g_autofree char *letter_size = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sentence = NULL;
  g_autoptr(KjAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  KjReportOptions options = { .from = "2026-03-16", .to = "2026-03-30", .as_of = "2026-03-30",
                              .paper = KJ_PAPER_A4, .include_notes = TRUE, .made_on = "2026-03-31" };
  guint n_pages = 0;

  if (!has_tool ("pdfinfo") || !has_tool ("pdftotext"))
    {
      g_test_skip ("needs pdfinfo and pdftotext (poppler-utils)");
      return;
    }

  g_assert_true (kj_report_write (journal, &options, path, NULL, &n_pages, &error));
  g_assert_no_error (error);

  pages = pdf_info (path, "Pages:");
  size = pdf_info (path, "Page size:");
  g_assert_cmpint (atoi (pages), ==, n_pages);
  g_assert_cmpint (n_pages, >=, 2);
  g_assert_cmpint (n_pages, <=, 3);
  g_assert_true (g_str_has_prefix (size, "595.276 x 841.89 pts (A4)"));

  options.paper = KJ_PAPER_LETTER;
  g_assert_true (kj_report_write (journal, &options, letter, NULL, NULL, &error));
  letter_size = pdf_info (letter, "Page size:");
  g_assert_true (g_str_has_prefix (letter_size, "612 x 792 pts (letter)"));

  text = pdf_text (path);
  g_test_message ("%s", text);

  /* the verdict sentence, as --summary says it */
  assessment = kj_assess (journal->profile, journal->days, journal->treatments, journal->runs, "2026-03-30");
  sentence = collapse (assessment->message);
  g_assert_nonnull (strstr (text, sentence));
  g_assert_nonnull (strstr (text, "This is a summary of your own records, not a diagnosis."));

  /* who, numbers, places in words, Unicode */
  g_assert_nonnull (strstr (text, "Νίκος Παπαδόπουλος"));
  g_assert_nonnull (strstr (text, "Days logged: 15"));
  g_assert_nonnull (strstr (text, "Inner shin below the joint"));
  g_assert_nonnull (strstr (text, "Knöchel und Kniekehle schmerzen"));
  g_assert_nonnull (strstr (text, "Giving way"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  g_assert_nonnull (strstr (text, "16 March 2026 to 30 March 2026"));

  /* nothing from outside the period */
  g_assert_null (strstr (text, "OUTSIDE-BEFORE"));
  g_assert_null (strstr (text, "OUTSIDE-AFTER"));
  g_assert_null (strstr (text, "2026-03-15"));
  g_assert_null (strstr (text, "2026-03-31"));
}

/* Doses with a time of day say it in the daily log; one without says none */
static void
test_report_dose_times (void)
{
  g_autoptr(KjJournal) journal = kj_gen_journal (6, 14, "plateau", "2026-04-01", NULL);
  g_autofree char *path = kj_test_tmp_path ("dose-times.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  KjReportOptions options = { .paper = KJ_PAPER_A4, .include_notes = FALSE, .as_of = "2026-04-01" };
  const KjDay *day = g_ptr_array_index (journal->days, journal->days->len - 1);
  const char *times[] = { "08:00", "14:00", "" };

  if (!has_tool ("pdftotext"))
    {
      g_test_skip ("needs pdftotext (poppler-utils)");
      return;
    }

  g_ptr_array_set_size (journal->treatments, 0);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      KjTreatment *t = kj_treatment_new (day->date, "medication");

      t->id = g_strdup_printf ("dose-%u", i);
      t->drug = kj_code_lookup (KJ_CODE_DRUG, i < 2 ? "ibuprofen" : "paracetamol");
      t->dose_mg = i < 2 ? 400 : 500;
      g_strlcpy (t->time, times[i], sizeof t->time);
      g_ptr_array_add (journal->treatments, t);
    }

  g_assert_true (kj_report_write (journal, &options, path, NULL, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Ibuprofen 400 mg at 08:00, Ibuprofen 400 mg at 14:00, Paracetamol 500 mg"));
  g_assert_null (strstr (text, "Paracetamol 500 mg at"));
}

/* Pain after runs by shoe: the pairs compared, with the numbers of
 * kj_series_shoe_pain(); and with too few run days, why not */
static void
test_report_shoe_pain (void)
{
  g_autoptr(KjJournal) journal = kj_gen_journal (7, 120, "plateau", "2026-04-01", NULL);
  g_autofree char *path = kj_test_tmp_path ("shoe-pain.pdf");
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  KjReportOptions options = { .paper = KJ_PAPER_A4, .from = "2025-12-03", .to = "2026-04-01", .as_of = "2026-04-01" };
  const char *names[] = { "Pegasus 40", "Clifton 9" };

  if (!has_tool ("pdftotext"))
    {
      g_test_skip ("needs pdftotext (poppler-utils)");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      KjShoe *shoe = kj_shoe_new (names[i]);

      shoe->id = g_strdup_printf ("shoe-%u", i);
      g_ptr_array_add (journal->shoes, shoe);
    }
  for (guint i = 0; i < journal->runs->len; i++)
    ((KjRun *) journal->runs->pdata[i])->shoe_id = g_strdup_printf ("shoe-%u", i % 2);

  pairs = kj_series_shoe_pain (journal->days, journal->runs, journal->shoes, options.from, options.to);
  g_assert_cmpuint (pairs->len, ==, 2);
  g_assert_true (g_array_index (pairs, KjShoePain, 0).enough);
  title = kj_shoe_pain_title (&g_array_index (pairs, KjShoePain, 0));
  detail = kj_shoe_pain_detail (&g_array_index (pairs, KjShoePain, 0));

  g_assert_true (kj_report_write (journal, &options, path, NULL, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Pain after runs by shoe"));
  {
    /* the PDF's text has the name without its isolation marks (U+2068, U+2069) */
    g_autoptr(GString) plain = g_string_new (title);

    g_string_replace (plain, "\u2068", "", 0);
    g_string_replace (plain, "\u2069", "", 0);
    g_assert_nonnull (strstr (text, plain->str));
  }
  g_assert_nonnull (strstr (text, detail));

  /* two weeks: too few run days, and the report says so */
  g_clear_pointer (&text, g_free);
  options.from = "2026-03-19";
  g_assert_true (kj_report_write (journal, &options, path, NULL, NULL, &error));
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Pain after runs by shoe"));
  g_assert_nonnull (strstr (text, "A pair is compared once it has at least 8 run days"));
  g_assert_null (strstr (text, title));
}

/* A year: many pages, every one numbered "of M", and notes left out on request. */
static void
test_report_year (void)
{
  g_autoptr(KjJournal) journal = kj_gen_journal (4, 365, "mixed", "2026-04-01", NULL);
  g_autofree char *path = kj_test_tmp_path ("year.pdf");
  g_autofree char *pages = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GError) error = NULL;
  KjReportOptions options = { .paper = KJ_PAPER_A4, .include_notes = FALSE, .as_of = "2026-04-01" };
  guint n_pages = 0;

  if (!has_tool ("pdfinfo") || !has_tool ("pdftotext"))
    {
      g_test_skip ("needs pdfinfo and pdftotext (poppler-utils)");
      return;
    }

  g_assert_true (kj_report_write (journal, &options, path, NULL, &n_pages, &error));
  g_assert_no_error (error);
  pages = pdf_info (path, "Pages:");
  g_assert_cmpint (atoi (pages), ==, n_pages);
  g_assert_cmpint (n_pages, >, 10);

  text = pdf_text (path);
  last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  g_assert_nonnull (strstr (text, last));
  /* the whole journal: from its first day */
  g_assert_nonnull (strstr (text, ((KjDay *) journal->days->pdata[0])->date));
  /* the generator's notes are not printed */
  g_assert_null (strstr (text, "commas, and"));
}

/* The pages for printing: as many as the PDF's on each paper, the errors the same */
static void
test_report_pages (void)
{
  g_autoptr(KjJournal) journal = kj_gen_journal (4, 120, "mixed", "2026-04-01", NULL);
  g_autoptr(GError) error = NULL;
  KjReportOptions options = { .include_notes = TRUE, .as_of = "2026-04-01", .made_on = "2026-04-01" };
  KjReportOptions empty = { .from = "2025-01-01", .to = "2025-02-01" };

  for (KjPaper paper = KJ_PAPER_A4; paper <= KJ_PAPER_LETTER; paper++)
    {
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GPtrArray) pages = NULL;
      guint n_pages = 0;
      double width, height;
      cairo_rectangle_t extents;

      options.paper = paper;
      kj_report_paper_size (paper, &width, &height);
      pdf = kj_report_render (journal, &options, &n_pages, &error);
      g_assert_no_error (error);
      pages = kj_report_render_pages (journal, &options, width, height, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (pages->len, ==, n_pages);
      g_assert_cmpuint (n_pages, >, 3);
      g_assert_true (cairo_recording_surface_get_extents (g_ptr_array_index (pages, 0), &extents));
      g_assert_cmpfloat (extents.width, ==, width);
      g_assert_cmpfloat (extents.height, ==, height);
    }

  g_assert_null (kj_report_render_pages (journal, &empty, 612, 792, &error));
  g_assert_error (error, KJ_REPORT_ERROR, KJ_REPORT_ERROR_EMPTY_PERIOD);
}

static void
test_report_errors (void)
{
  g_autoptr(KjJournal) journal = kj_gen_journal (4, 20, "improving", "2026-04-01", NULL);
  g_autoptr(GError) error = NULL;
  KjReportOptions empty = { .from = "2025-01-01", .to = "2025-02-01", .paper = KJ_PAPER_A4 };
  KjReportOptions backwards = { .from = "2026-03-20", .to = "2026-03-10", .paper = KJ_PAPER_A4 };
  g_autofree char *unwritable = kj_test_tmp_path ("no-such-folder/report.pdf");

  g_assert_null (kj_report_render (journal, &empty, NULL, &error));
  g_assert_error (error, KJ_REPORT_ERROR, KJ_REPORT_ERROR_EMPTY_PERIOD);
  g_assert_nonnull (strstr (error->message, "Nothing was logged from 2025-01-01 to 2025-02-01"));
  g_clear_error (&error);

  g_assert_null (kj_report_render (journal, &backwards, NULL, &error));
  g_assert_error (error, KJ_REPORT_ERROR, KJ_REPORT_ERROR_BAD_PERIOD);
  g_clear_error (&error);

  backwards.from = NULL;
  backwards.to = NULL;
  g_assert_false (kj_report_write (journal, &backwards, unwritable, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Could not write"));
  g_assert_false (g_file_test (unwritable, G_FILE_TEST_EXISTS));
}

/* The demo journal's report, as pictures to look at (build/screenshots/report-N.png). */
static void
test_report_demo_pages (void)
{
  g_autoptr(KjJournal) journal = kj_demo_journal ("2026-11-23");
  g_autofree char *dir = g_build_filename (g_getenv ("KJ_BUILD_ROOT") ? g_getenv ("KJ_BUILD_ROOT") : ".",
                                           "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, "report-demo.pdf", NULL);
  g_autofree char *command = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  KjReportOptions options = { .paper = KJ_PAPER_A4, .include_notes = TRUE, .as_of = "2026-11-23",
                              .made_on = "2026-11-23" };
  guint n_pages = 0;

  if (!has_tool ("pdftoppm"))
    {
      g_test_skip ("needs pdftoppm (poppler-utils)");
      return;
    }

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (kj_report_write (journal, &options, path, NULL, &n_pages, &error));
  g_assert_no_error (error);

  command = g_strdup_printf ("pdftoppm -png -r 80 '%s' '%s/report-demo'", path, dir);
  out = run (command);
  for (guint i = 1; i <= n_pages; i++)
    {
      g_autofree char *png = g_strdup_printf ("%s/report-demo-%u.png", dir, i);
      g_autofree char *png2 = g_strdup_printf ("%s/report-demo-%02u.png", dir, i);

      g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS) || g_file_test (png2, G_FILE_TEST_EXISTS));
    }
}

static int
compare_treatment_dates (gconstpointer a,
                         gconstpointer b)
{
  return strcmp ((*(KjTreatment **) a)->date, (*(KjTreatment **) b)->date);
}

static void
add_medication (KjJournal  *journal,
                const char *date,
                const char *drug,
                int         dose_mg)
{
  KjTreatment *t = kj_treatment_new (date, "medication");

  t->drug = kj_code_lookup (KJ_CODE_DRUG, drug);
  t->dose_mg = dose_mg;
  g_ptr_array_add (journal->treatments, t);
}

/* A month with every medication warning: ibuprofen 14 days in a row, too
 * much of it on one day, and naproxen with it; runs with known descents. */
static KjJournal *
medication_month (const char *units)
{
  KjJournal *journal = kj_gen_journal (23, 30, "improving", "2026-04-01", NULL);
  char date[11];

  /* only our own medication */
  for (guint i = journal->treatments->len; i > 0; i--)
    if (g_str_equal (((KjTreatment *) journal->treatments->pdata[i - 1])->kind, "medication"))
      g_ptr_array_remove_index (journal->treatments, i - 1);

  for (int d = 0; d < 14; d++)
    {
      kj_date_add_days ("2026-03-05", d, date);
      add_medication (journal, date, "ibuprofen", 400);
    }
  add_medication (journal, "2026-03-20", "ibuprofen", 800);
  add_medication (journal, "2026-03-20", "ibuprofen", 800);
  add_medication (journal, "2026-03-20", "naproxen", 220);
  g_ptr_array_sort (journal->treatments, compare_treatment_dates);

  for (guint i = 0; i < journal->runs->len; i++)
    ((KjRun *) journal->runs->pdata[i])->descent_m = 120;
  journal->profile->units = kj_code_lookup (KJ_CODE_UNITS, units);

  return journal;
}

static char *
render_text (KjJournal  *journal,
             const char *name)
{
  const char *build = g_getenv ("KJ_BUILD_ROOT");
  g_autofree char *path = build ? g_build_filename (build, "screenshots", name, NULL) : kj_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  KjReportOptions options = { .paper = KJ_PAPER_A4, .include_notes = FALSE, .as_of = "2026-04-01",
                              .made_on = "2026-04-01" };
  char *text;

  if (build != NULL)
    {
      g_autofree char *dir = g_build_filename (build, "screenshots", NULL);

      g_mkdir_with_parents (dir, 0755);
    }
  g_assert_true (kj_report_write (journal, &options, path, NULL, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_test_message ("%s", text);

  return text;
}

/* Every medication warning of the assessment, with its date; doses per drug. */
static void
test_report_medication (void)
{
  g_autoptr(KjJournal) journal = medication_month ("km");
  g_autoptr(KjAssessment) a = kj_assess (journal->profile, journal->days, journal->treatments, journal->runs,
                                         "2026-04-01");
  g_autofree char *text = NULL;
  gboolean kinds[3] = { FALSE, FALSE, FALSE };

  if (!has_tool ("pdftotext"))
    {
      g_test_skip ("needs pdftotext (poppler-utils)");
      return;
    }

  text = render_text (journal, "medication.pdf");
  g_assert_cmpuint (a->medication_warnings->len, >=, 3);
  for (guint i = 0; i < a->medication_warnings->len; i++)
    {
      const KjMedicationWarning *w = &g_array_index (a->medication_warnings, KjMedicationWarning, i);
      g_autofree char *dated = NULL;

      if (g_str_equal (w->type, "over-limit"))
        {
          dated = g_strdup_printf ("%s: More than the daily maximum: Ibuprofen %d mg in one day", w->date, w->total_mg);
          kinds[0] = TRUE;
        }
      else if (g_str_equal (w->type, "long-use"))
        {
          dated = g_strdup_printf ("%s: Painkillers for a long time: Anti-inflammatory painkillers on %d days in a row",
                                   w->date, w->days);
          kinds[1] = TRUE;
        }
      else
        {
          dated = g_strdup_printf ("%s: Two anti-inflammatory painkillers: Ibuprofen and Naproxen on one day", w->date);
          kinds[2] = TRUE;
        }
      if (strstr (text, dated) == NULL)
        g_error ("the report leaves out “%s”", dated);
    }
  g_assert_true (kinds[0] && kinds[1] && kinds[2]);
  g_assert_null (strstr (text, "ibuprofen+naproxen"));
  g_assert_null (strstr (text, "+naproxen"));

  /* per drug, not added together: 14 × 400 + 2 × 800 of ibuprofen, 220 of naproxen */
  g_assert_nonnull (strstr (text, "Ibuprofen 7200 mg on 15 days"));
  g_assert_nonnull (strstr (text, "Naproxen 220 mg on 1 day"));
  g_assert_null (strstr (text, "mg in all"));
}

/* A journal in miles: no km and no metres in the report; in km, km. No “1 days”. */
static void
test_report_units (void)
{
  g_autoptr(KjJournal) miles = medication_month ("mi");
  g_autoptr(KjJournal) kilometres = medication_month ("km");
  g_autoptr(GRegex) metres = g_regex_new ("[0-9] ?m\\b", 0, 0, NULL);
  g_autoptr(GRegex) plural = g_regex_new ("\\b1 (days|runs|weeks|times)\\b|\\ba [0-9](?![0-9]*-person)|\\(0 days ago\\)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *mi_text = NULL;
  g_autofree char *km_text = NULL;

  if (!has_tool ("pdftotext"))
    {
      g_test_skip ("needs pdftotext (poppler-utils)");
      return;
    }

  miles->profile->review_weeks = 1;   /* “after 1 week” */
  mi_text = render_text (miles, "miles.pdf");
  g_assert_nonnull (strstr (mi_text, "Review after 1 week "));
  g_assert_null (strstr (mi_text, "km"));
  if (g_regex_match (metres, mi_text, 0, &match))
    g_error ("a metre value in the report in miles: “%s”", g_match_info_fetch (match, 0));
  g_clear_pointer (&match, g_match_info_free);
  g_assert_nonnull (strstr (mi_text, " mi"));
  g_assert_nonnull (strstr (mi_text, "ft"));
  if (g_regex_match (plural, mi_text, 0, &match))
    g_error ("“%s” in the report", g_match_info_fetch (match, 0));
  g_clear_pointer (&match, g_match_info_free);

  km_text = render_text (kilometres, "kilometres.pdf");
  g_assert_nonnull (strstr (km_text, " km"));
  g_assert_nonnull (strstr (km_text, "120 m"));
  g_assert_null (strstr (km_text, " mi "));
}

/* Nothing of the body runs into the footer: every page has the same words
 * below the footer's rule (pdftotext -bbox), whatever page 1 holds. The
 * journal has many kinds of treatment and two drugs, so that the key numbers
 * are long, in miles (a 70-day journal that ran over the footer before). */
static void
test_report_footer_clear (void)
{
  g_autoptr(KjJournal) journal = kj_gen_journal (5, 70, "mixed", "2026-11-01", NULL);
  g_autofree char *path = kj_test_tmp_path ("footer.pdf");
  g_autofree char *command = NULL;
  g_autofree char *boxes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) word = g_regex_new ("<word xMin=\"[0-9.]+\" yMin=\"([0-9.]+)\"|<page ", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  KjReportOptions options = { .paper = KJ_PAPER_A4, .include_notes = TRUE, .as_of = "2026-11-01" };
  const double rule_y = 841.89 - 48.0 - 28.0 + 4;
  int status;

  if (!has_tool ("pdftotext"))
    {
      g_test_skip ("needs pdftotext (poppler-utils)");
      return;
    }

  journal->profile->units = kj_code_lookup (KJ_CODE_UNITS, "mi");
  g_assert_true (kj_report_write (journal, &options, path, NULL, NULL, &error));
  g_assert_no_error (error);
  command = g_strdup_printf ("pdftotext -bbox '%s' -", path);
  g_assert_true (g_spawn_command_line_sync (command, &boxes, NULL, &status, &error));
  g_assert_no_error (error);

  for (g_regex_match (word, boxes, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *y = g_match_info_fetch (match, 1);

      if (y == NULL || y[0] == '\0')
        {
          guint zero = 0;

          g_array_append_val (counts, zero);
        }
      else if (g_ascii_strtod (y, NULL) >= rule_y && counts->len > 0)
        g_array_index (counts, guint, counts->len - 1)++;
    }

  g_assert_cmpuint (counts->len, >=, 3);
  for (guint i = 1; i < counts->len; i++)
    {
      g_test_message ("page %u: %u words below the rule, page 1: %u", i + 1, g_array_index (counts, guint, i),
                      g_array_index (counts, guint, 0));
      g_assert_cmpuint (g_array_index (counts, guint, i), ==, g_array_index (counts, guint, 0));
    }
}

/* The words of a table head are never split over lines, in German either. */
static void
test_report_german_headers (void)
{
  g_autoptr(KjJournal) journal = medication_month ("km");
  g_autofree char *text = NULL;
  g_auto(GStrv) tokens = NULL;
  g_autoptr(GHashTable) words = g_hash_table_new (g_str_hash, g_str_equal);
  const char *heads[] = { "Week of", "Ice or heat", "Medication", "Exercise and stretching", "Other", "Runs",
                          "Distance", "Downhill", "Pain during", "Pain after", "Week’s mean pain", "Date", "Pain",
                          "By the rule", "Where", "Symptoms", "Treatments", "Run" };
  const char *old_language = g_getenv ("LANGUAGE");
  g_autofree char *saved = g_strdup (old_language);

  if (!has_tool ("pdftotext"))
    {
      g_test_skip ("needs pdftotext (poppler-utils)");
      return;
    }
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("needs the de_DE.UTF-8 locale");
      return;
    }
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "de_DE.UTF-8");   /* tells gettext the language changed */
  if (g_str_equal (_("Week of"), "Week of"))
    {
      setlocale (LC_ALL, "C.UTF-8");
      g_test_skip ("the German catalogue did not load from the build tree");
      return;
    }

  text = render_text (journal, "german.pdf");
  tokens = g_regex_split_simple ("\\s+", text, 0, 0);
  for (guint i = 0; tokens[i]; i++)
    g_hash_table_add (words, tokens[i]);

  for (guint h = 0; h < G_N_ELEMENTS (heads); h++)
    {
      g_auto(GStrv) head_words = g_regex_split_simple ("\\s+", _(heads[h]), 0, 0);

      for (guint i = 0; head_words[i]; i++)
        {
          const char *word = head_words[i];
          glong n = g_utf8_strlen (word, -1);

          for (glong k = 2; k + 2 <= n; k++)
            {
              g_autofree char *head = g_utf8_substring (word, 0, k);
              g_autofree char *hyphened = g_strconcat (head, "-", NULL);
              g_autofree char *tail = g_utf8_substring (word, k, n);

              if ((g_hash_table_contains (words, head) || g_hash_table_contains (words, hyphened)) &&
                  g_hash_table_contains (words, tail))
                g_error ("the table head “%s” is split into “%s” and “%s”", _(heads[h]), hyphened, tail);
            }
        }
    }

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
}

/* Why this verdict (#17): for each scenario, every sentence of
 * kj_assessment_explain() and every source of the rules is in the report */
static void
test_report_why (void)
{
  const char *scenarios[] = { "improving", "worsening", "red-flag", "plateau", "sparse" };

  if (!has_tool ("pdftotext"))
    {
      g_test_skip ("needs pdftotext (poppler-utils)");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KjJournal) journal = kj_gen_journal (7, 60, scenarios[i], "2026-11-01", &error);
      g_autofree char *name = g_strdup_printf ("why-%s.pdf", scenarios[i]);
      g_autofree char *path = kj_test_tmp_path (name);
      g_autofree char *text = NULL;
      g_autoptr(KjAssessment) assessment = NULL;
      g_auto(GStrv) sentences = NULL;
      KjReportOptions options = { .as_of = "2026-11-01", .paper = KJ_PAPER_A4, .made_on = "2026-11-02" };

      g_assert_no_error (error);
      g_assert_true (kj_report_write (journal, &options, path, NULL, NULL, &error));
      g_assert_no_error (error);
      text = pdf_text (path);

      assessment = kj_assess (journal->profile, journal->days, journal->treatments, journal->runs, "2026-11-01");
      sentences = kj_assessment_explain (assessment);
      g_assert_nonnull (sentences[0]);
      g_assert_nonnull (strstr (text, "Why this verdict"));
      for (guint j = 0; sentences[j] != NULL; j++)
        {
          g_autofree char *sentence = collapse (sentences[j]);

          if (strstr (text, sentence) == NULL)
            g_test_message ("%s: not in the report: %s", scenarios[i], sentence);
          g_assert_nonnull (strstr (text, sentence));
        }
      for (const char *const *source = kj_assessment_sources (); *source != NULL; source++)
        {
          g_autofree char *citation = collapse (*source);

          g_assert_nonnull (strstr (text, citation));
        }
    }
}

/* The period Export Report… and Print… offer must exist: a treatment start
 * after today leaves the start empty (the first record) */
static void
test_report_default_from (void)
{
  g_autoptr(KjProfile) profile = kj_profile_new ();

  g_assert_null (kj_report_default_from (NULL, "2026-12-02"));
  g_assert_null (kj_report_default_from (profile, "2026-12-02"));
  profile->treatment_start = g_strdup ("2026-11-20");
  g_assert_cmpstr (kj_report_default_from (profile, "2026-12-02"), ==, "2026-11-20");
  g_assert_cmpstr (kj_report_default_from (profile, "2026-11-20"), ==, "2026-11-20");
  g_free (profile->treatment_start);
  profile->treatment_start = g_strdup ("2026-12-12");
  g_assert_null (kj_report_default_from (profile, "2026-12-02"));
}

/* The pages of the PDF as pdftotext -layout sets them, one string a page */
static GStrv
pdf_pages (const char *path)
{
  g_autofree char *command = g_strdup_printf ("pdftotext -layout -enc UTF-8 '%s' -", path);
  g_autofree char *out = run (command);

  return g_strsplit (out, "\f", -1);
}

/* The daily log's header row, as one line of a pdftotext -layout page */
static gboolean
has_daily_log_header (const char *page)
{
  return g_regex_match_simple ("^\\s*Date\\s+Pain\\s+Where\\s+Symptoms\\s+Treatments\\s+Run\\s*$", page,
                               G_REGEX_MULTILINE, 0);
}

/* A day's note stays with its day (#18): every page of the daily log starts
 * with the table's header, and each note of the generator (“Day N: …”) is
 * on the page of its day's row; a note longer than a page breaks, under the
 * header on each page it continues on. A 400-day journal (pages 9, 13 and 23
 * had a note at their top, away from its day). */
static void
test_report_daily_log_notes (void)
{
  g_autoptr(KjJournal) journal = kj_gen_journal (1, 400, "mixed", "2026-11-01", NULL);
  g_autofree char *path = kj_test_tmp_path ("daily-log.pdf");
  g_autoptr(GString) long_note = g_string_new (NULL);
  g_autoptr(GRegex) day_note = g_regex_new ("Day ([0-9]+): knee", 0, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  KjReportOptions options = { .paper = KJ_PAPER_A4, .include_notes = TRUE, .as_of = "2026-11-01",
                              .made_on = "2026-11-02" };
  KjDay *day;
  int log_start = -1;
  guint n_notes = 0, n_long = 0;

  if (!has_tool ("pdftotext"))
    {
      g_test_skip ("needs pdftotext (poppler-utils)");
      return;
    }

  /* a note of more than a page */
  for (guint i = 1; i <= 90; i++)
    g_string_append_printf (long_note, "%sLong note, line %u", i > 1 ? "\n" : "", i);
  day = journal->days->pdata[300];
  g_free (day->notes);
  day->notes = g_strdup (long_note->str);

  g_assert_true (kj_report_write (journal, &options, path, NULL, NULL, &error));
  g_assert_no_error (error);
  pages = pdf_pages (path);

  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (log_start < 0 && g_regex_match_simple ("^\\s*Daily log\\s*$", pages[p], G_REGEX_MULTILINE, 0))
        log_start = p;
      if (log_start < 0 || pages[p][0] == '\0')
        continue;

      if (!has_daily_log_header (pages[p]))
        g_error ("page %u of the daily log has no table header:\n%s", p + 1, pages[p]);
      n_long += strstr (pages[p], "Long note, line") != NULL;

      for (g_regex_match (day_note, pages[p], 0, &match); g_match_info_matches (match);
           g_match_info_next (match, NULL))
        {
          g_autofree char *number = g_match_info_fetch (match, 1);
          guint n = atoi (number);
          const KjDay *noted;

          g_assert_cmpuint (n, >=, 1);
          g_assert_cmpuint (n, <=, journal->days->len);
          noted = journal->days->pdata[n - 1];
          if (strstr (pages[p], noted->date) == NULL)
            g_error ("page %u has the note of day %u, but not its date %s:\n%s", p + 1, n, noted->date, pages[p]);
          n_notes++;
        }
    }

  g_assert_cmpint (log_start, >, 0);
  g_assert_cmpuint (n_notes, >, 50);
  g_assert_cmpuint (n_long, >=, 2);
}

/* No page ends with a section's heading, its table or text on the next page
 * (“Treatments week by week” at the foot of page 2): several journals, both
 * papers, with and without notes. */
static void
test_report_no_orphan_headings (void)
{
  const char *headings[] = { "Warning signs", "Medication warnings", "Why this verdict", "Treatments week by week",
                             "Runs week by week", "Running and pain", "Running-load warnings",
                             "The runs followed by the most pain", "Return to running, the last 4 weeks",
                             "Daily log" };
  const struct { guint32 seed; guint days; const char *scenario; } journals[] = {
    { 1, 60, "improving" }, { 2, 45, "worsening" }, { 3, 90, "mixed" }, { 4, 30, "red-flag" },
    { 5, 70, "mixed" }, { 6, 120, "plateau" }, { 7, 60, "sparse" }, { 8, 21, "improving" },
  };
  guint n_reports = 0;

  if (!has_tool ("pdftotext"))
    {
      g_test_skip ("needs pdftotext (poppler-utils)");
      return;
    }

  for (guint j = 0; j < G_N_ELEMENTS (journals); j++)
    for (KjPaper paper = KJ_PAPER_A4; paper <= KJ_PAPER_LETTER; paper++)
      for (int notes = 0; notes <= 1; notes++)
        {
          g_autoptr(KjJournal) journal = kj_gen_journal (journals[j].seed, journals[j].days, journals[j].scenario,
                                                         "2026-11-01", NULL);
          g_autofree char *name = g_strdup_printf ("orphans-%u-%d-%d.pdf", j, paper, notes);
          g_autofree char *path = kj_test_tmp_path (name);
          g_autoptr(GError) error = NULL;
          g_auto(GStrv) pages = NULL;
          KjReportOptions options = { .paper = paper, .include_notes = notes, .as_of = "2026-11-01",
                                      .made_on = "2026-11-02" };

          g_assert_true (kj_report_write (journal, &options, path, NULL, NULL, &error));
          g_assert_no_error (error);
          pages = pdf_pages (path);
          n_reports++;

          for (guint p = 0; pages[p] != NULL; p++)
            {
              g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);
              const char *last = NULL;

              /* the last line above the footer */
              for (guint i = 0; lines[i] != NULL && !g_str_has_prefix (g_strstrip (lines[i]), "Made on "); i++)
                if (lines[i][0] != '\0')
                  last = lines[i];
              if (last == NULL)
                continue;
              for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
                if (g_str_equal (last, headings[h]))
                  g_error ("%s, page %u ends with the heading “%s”", name, p + 1, last);
            }
        }

  g_assert_cmpuint (n_reports, ==, 32);
}

/* The chart's legend has no stray line (#18): the legend's dot was drawn
 * with the point left by an axis label, a hairline from the label to the
 * dot in a PDF viewer (a journal of runs only). An image surface draws no
 * such line, so the chart goes into a PDF that poppler draws: the band
 * between the axis labels and the legend must be blank. */
static void
test_report_chart_legend (void)
{
  g_autoptr(KjJournal) journal = kj_gen_journal (7, 60, "improving", "2026-11-01", NULL);
  g_autoptr(KjAssessment) assessment = NULL;
  g_autoptr(KjChartData) data = NULL;
  g_autoptr(KjChartPlacement) placement = kj_chart_placement_new ();
  g_autofree char *path = kj_test_tmp_path ("legend.pdf");
  g_autofree char *prefix = kj_test_tmp_path ("legend");
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autofree char *command = NULL;
  g_autofree char *out = NULL;
  const KjChartStyle style = { .foreground = { 0, 0, 0, 1 }, .background = { 1, 1, 1, 1 },
                               .accent = { 0.2, 0.35, 0.6, 1 }, .warning = { 0.6, 0, 0, 1 }, .high_contrast = TRUE };
  const double width = 500, height = 220, scale = 2;   /* 144 dpi */
  const KjChartRect *legend = NULL;
  double band_top = 0;
  cairo_surface_t *surface;
  cairo_t *cr;
  guchar *pixels;
  int stride;
  guint n_dark = 0;   /* pixels not white */

  if (!has_tool ("pdftoppm"))
    {
      g_test_skip ("needs pdftoppm (poppler-utils)");
      return;
    }

  /* runs only */
  g_ptr_array_set_size (journal->days, 0);
  g_ptr_array_set_size (journal->treatments, 0);
  g_assert_cmpuint (journal->runs->len, >, 3);
  assessment = kj_assess (journal->profile, journal->days, journal->treatments, journal->runs, "2026-11-01");
  data = kj_chart_data_new (journal->days, journal->treatments, journal->runs, assessment,
                            ((KjRun *) journal->runs->pdata[0])->date, "2026-11-01");

  surface = cairo_pdf_surface_create (path, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  kj_chart_render_placed (cr, data, -1, width, height, &style, placement);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  for (guint i = 0; i < placement->labels->len; i++)
    if (g_str_equal (placement->texts->pdata[i], "Daily pain"))
      legend = &g_array_index (placement->labels, KjChartRect, i);
  g_assert_nonnull (legend);
  for (guint i = 0; i < placement->labels->len; i++)
    {
      const KjChartRect *r = &g_array_index (placement->labels, KjChartRect, i);

      if (r->y + r->height <= legend->y)
        band_top = MAX (band_top, r->y + r->height);
    }
  g_test_message ("the band between the axis labels and the legend: %.1f to %.1f", band_top, legend->y);
  g_assert_cmpfloat (legend->y - band_top, >=, 2);

  command = g_strdup_printf ("pdftoppm -png -r %.0f -singlefile '%s' '%s'", 72 * scale, path, prefix);
  out = run (command);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = ceil ((band_top + 0.5) * scale); y < floor ((legend->y - 0.5) * scale); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 pixel = *(guint32 *) (pixels + y * stride + 4 * x);

        /* anything darker than a light grey */
        /* the hairline is a light grey */
        n_dark += ((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff) < 3 * 245;
      }
  cairo_surface_destroy (surface);
  g_assert_cmpuint (n_dark, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = g_build_filename (g_getenv ("KJ_BUILD_ROOT") ? g_getenv ("KJ_BUILD_ROOT") : ".",
                                                 "po", NULL);

  setlocale (LC_ALL, "");
  /* the catalogues built in the tree (po/de/LC_MESSAGES/knee-journal.mo) */
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/report/two-weeks", test_report_two_weeks);
  g_test_add_func ("/report/footer-clear", test_report_footer_clear);
  g_test_add_func ("/report/year", test_report_year);
  g_test_add_func ("/report/dose-times", test_report_dose_times);
  g_test_add_func ("/report/shoe-pain", test_report_shoe_pain);
  g_test_add_func ("/report/pages", test_report_pages);
  g_test_add_func ("/report/errors", test_report_errors);
  g_test_add_func ("/report/demo-pages", test_report_demo_pages);
  g_test_add_func ("/report/medication", test_report_medication);
  g_test_add_func ("/report/units", test_report_units);
  g_test_add_func ("/report/german-headers", test_report_german_headers);
  g_test_add_func ("/report/why", test_report_why);
  g_test_add_func ("/report/default-from", test_report_default_from);
  g_test_add_func ("/report/daily-log-notes", test_report_daily_log_notes);
  g_test_add_func ("/report/no-orphan-headings", test_report_no_orphan_headings);
  g_test_add_func ("/report/chart-legend", test_report_chart_legend);

  return g_test_run ();
}
