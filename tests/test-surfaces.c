/* test-surfaces.c — a journal kept in miles, read in German, on every surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sets the profile to miles and the language to German, then reads what each
 * surface shows: every page, every dialog, the text of the report (pdftotext)
 * and `--summary`. Any "km", any value in metres, or an English word fails
 * the test: a setting is followed everywhere or it is not followed.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "kj-application.h"
#include "kj-assessment.h"
#include "kj-gen.h"
#include "kj-record-editor.h"
#include "kj-report.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-window.h"

static KjTestGui gui;
static KjApplication *app;
static KjWindow *window;

/* Words of English strings that no German translation holds (checked against
 * po/de.po when this list was made) */
static const char * const english_words[] = {
  "the", "and", "days", "day", "week", "weeks", "pain", "Pain", "run", "runs", "Runs", "treatment",
  "treatments", "Treatments", "since", "before", "after", "more", "than", "Today", "History", "Add", "Save",
  "Cancel", "Delete", "Notes", "Symptoms", "Worst", "Distance", "Duration", "Week", "Report", "miles",
};

static GRegex *
forbidden_regex (void)
{
  g_autoptr(GString) pattern = g_string_new ("\\b(km|kilometres?|metres?|Kilometern?|Metern?)\\b"
                                             "|\\d\\s?m\\b");

  for (guint i = 0; i < G_N_ELEMENTS (english_words); i++)
    g_string_append_printf (pattern, "|\\b%s\\b", english_words[i]);

  return g_regex_new (pattern->str, G_REGEX_OPTIMIZE, 0, NULL);
}

/* Fails on the first forbidden word in @text, naming @where */
static void
assert_surface_text (const char *where,
                     const char *text)
{
  static GRegex *regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (regex == NULL)
    regex = forbidden_regex ();

  if (text != NULL && g_regex_match (regex, text, 0, &match))
    {
      g_autofree char *word = g_match_info_fetch (match, 0);

      g_error ("%s shows “%s” in “%s”", where, word, text);
    }
}

/* Every text a user can see in @root now: labels, and tooltips of what is shown */
static guint
assert_widget_texts (const char *where,
                     GtkWidget  *root)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (root))
    return 0;

  if (GTK_IS_LABEL (root))
    {
      assert_surface_text (where, gtk_label_get_text (GTK_LABEL (root)));
      n++;
    }
  if (gtk_widget_get_tooltip_text (root) != NULL)
    assert_surface_text (where, gtk_widget_get_tooltip_text (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += assert_widget_texts (where, child);

  return n;
}

static void
check_page (const char *name)
{
  g_autofree char *where = g_strdup_printf ("the %s page", name);
  guint n;

  kj_window_show_page (window, name);
  kj_test_settle ();
  n = assert_widget_texts (where, GTK_WIDGET (window));
  g_test_message ("%s: %u labels", where, n);
  g_assert_cmpuint (n, >, 5);
}

static void
test_surfaces_pages (void)
{
  kj_window_show_day (window, "2026-10-30");
  check_page ("today");
  check_page ("history");
  check_page ("trends");
}

static void
check_dialog (const char *where,
              GType       type)
{
  GtkWindow *dialog;
  guint n;

  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (type)));
  dialog = kj_test_find_toplevel (type);
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, dialog));
  kj_test_settle ();
  n = assert_widget_texts (where, GTK_WIDGET (dialog));
  g_test_message ("%s: %u labels", where, n);
  g_assert_cmpuint (n, >, 1);
  gtk_window_destroy (dialog);
  kj_test_settle ();
}

static void
test_surfaces_dialogs (void)
{
  KjTodayPage *today = kj_window_get_today_page (window);

  kj_window_show_page (window, "today");
  kj_window_show_day (window, "2026-10-30");
  kj_test_settle ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today), "today.add-treatment", NULL));
  check_dialog ("the treatment dialog", KJ_TYPE_RECORD_EDITOR);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today), "today.add-run", NULL));
  check_dialog ("the run dialog", KJ_TYPE_RECORD_EDITOR);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-report", NULL));
  check_dialog ("the report dialog", ADW_TYPE_MESSAGE_DIALOG);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_WINDOW)));
  {
    GtkWindow *preferences = kj_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
    g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, preferences));
    kj_test_settle ();
    g_assert_cmpuint (assert_widget_texts ("Preferences", GTK_WIDGET (preferences)), >, 3);
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "backups");
    kj_test_settle ();
    g_assert_cmpuint (assert_widget_texts ("Preferences → Backups", GTK_WIDGET (preferences)), >, 1);
    gtk_window_destroy (preferences);
  }
}

static void
test_surfaces_report (void)
{
  KjStore *store = kj_application_get_store (app);
  g_autofree char *pdf = kj_test_tmp_path ("surfaces.pdf");
  g_autofree char *text = NULL;
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  KjReportOptions options = { .as_of = "2026-11-01", .paper = KJ_PAPER_A4, .include_notes = TRUE };
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  int status;

  journal = kj_store_read_journal (store, &error);
  g_assert_no_error (error);
  g_assert_true (kj_report_write (journal, &options, pdf, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (text), >, 1000);

  /* the sources of the rules are cited in the language they were published in */
  for (const char *const *source = kj_assessment_sources (); *source != NULL; source++)
    {
      g_auto(GStrv) words = g_strsplit_set (*source, " \n", -1);
      g_autoptr(GString) pattern = g_string_new (NULL);
      g_autoptr(GRegex) citation = NULL;
      char *without;

      for (guint i = 0; words[i] != NULL; i++)
        {
          g_autofree char *word = g_regex_escape_string (words[i], -1);

          g_string_append_printf (pattern, "%s%s", i > 0 ? "\\s+" : "", word);
        }
      citation = g_regex_new (pattern->str, 0, 0, NULL);
      g_assert_nonnull (citation);
      without = g_regex_replace_literal (citation, text, -1, 0, "", 0, NULL);
      g_assert_cmpuint (strlen (without), <, strlen (text));
      g_free (text);
      text = without;
    }

  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      assert_surface_text ("the report", lines[i]);
  }
}

static void
test_surfaces_summary (void)
{
  g_auto(KjTestRun) run = { 0 };

  kj_test_run_cli (&run, kj_store_get_path (kj_application_get_store (app)), "--summary", "--as-of", "2026-11-01",
                   NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (strlen (run.out), >, 200);
  assert_surface_text ("--summary", run.out);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KjJournal) journal = NULL;

  /* German, from the catalogue of this build */
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KJ_LOCALEDIR") ? g_getenv ("KJ_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  /* the catalogue must have loaded, or the test proves nothing */
  g_assert_cmpstr (_("Today"), !=, "Today");

  journal = kj_gen_journal (17, 70, "mixed", "2026-11-01", NULL);
  journal->profile->units = kj_code_lookup (KJ_CODE_UNITS, "mi");
  /* the user's own words are theirs: only what the app writes is checked */
  for (guint i = 0; i < journal->days->len; i++)
    {
      KjDay *day = g_ptr_array_index (journal->days, i);

      g_free (day->notes);
      day->notes = g_strdup ("Knie");
    }
  for (guint i = 0; i < journal->treatments->len; i++)
    {
      KjTreatment *treatment = g_ptr_array_index (journal->treatments, i);

      g_free (treatment->notes);
      treatment->notes = g_strdup ("");
    }
  for (guint i = 0; i < journal->runs->len; i++)
    {
      KjRun *run = g_ptr_array_index (journal->runs, i);

      g_free (run->notes);
      run->notes = g_strdup ("");
    }

  window = kj_test_gui_open (&gui, journal, 1100, 900);
  app = gui.app;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  g_test_add_func ("/surfaces/pages", test_surfaces_pages);
  g_test_add_func ("/surfaces/dialogs", test_surfaces_dialogs);
  g_test_add_func ("/surfaces/report", test_surfaces_report);
  g_test_add_func ("/surfaces/summary", test_surfaces_summary);

  return kj_test_gui_finish (&gui, g_test_run ());
}
