/* test-trends.c — the Trends page in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "kj-application.h"
#include "kj-gen.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-window.h"

static KjTestGui gui;
static GApplication *app;
static KjWindow *window;
static KjTrendsPage *page;
static char yesterday[11];
static char *first_start;   /* the generated journal's treatment start */

static gboolean
key (GtkWidget *widget,
     guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  return handled;
}

static void
test_trends_verdict (void)
{
  const KjAssessment *assessment;

  kj_window_show_page (window, "trends");
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, page));
  kj_test_settle ();

  assessment = kj_trends_page_get_assessment (page);
  g_assert_nonnull (assessment);
  g_assert_cmpstr (kj_verdict_to_string (assessment->verdict), ==, "improving");
  g_assert_cmpstr (kj_trends_page_get_verdict_title (page), ==, "Improving");
  g_assert_nonnull (kj_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, NULL));
  kj_test_save_screenshot (GTK_WIDGET (window), "trends");

  /* improving, with runs in the last 4 weeks: the return to running is shown */
  kj_trends_page_set_range (page, 0);
  kj_test_settle ();
  g_assert_cmpuint (kj_trends_page_count_return_runs (page), >, 0);
  {
    GtkWidget *scroller = kj_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, NULL);
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
    kj_test_settle ();
    kj_test_save_screenshot (GTK_WIDGET (window), "trends-running");
    gtk_adjustment_set_value (v, 0);
    kj_test_settle ();
  }
  kj_trends_page_set_range (page, 4);
  kj_test_settle ();

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "trends-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_trends_ranges (void)
{
  KjChart *chart = kj_trends_page_get_chart (page);
  const guint expected[] = { 28, 91, 365 };
  g_autofree char *today = kj_date_today ();

  for (guint r = 0; r < G_N_ELEMENTS (expected); r++)
    {
      kj_trends_page_set_range (page, r);
      kj_test_settle ();
      g_assert_cmpuint (kj_chart_get_data (chart)->n_days, ==, expected[r]);
      g_assert_cmpstr (kj_chart_get_data (chart)->to, ==, today);
    }

  /* all: from the first record; since treatment start: from T0 */
  kj_trends_page_set_range (page, 3);
  kj_test_settle ();
  g_assert_cmpuint (kj_chart_get_data (chart)->n_days, ==, 71);   /* 70 days up to yesterday, and today */
  kj_trends_page_set_range (page, 4);
  kj_test_settle ();
  g_assert_cmpstr (kj_chart_get_data (chart)->from, ==, kj_trends_page_get_assessment (page)->t0);
}

/* Arrow keys move the highlighted day; Enter opens it in Today. */
static void
test_trends_open_day (void)
{
  KjChart *chart = kj_trends_page_get_chart (page);
  g_autofree char *description = NULL;

  kj_trends_page_set_range (page, 0);
  kj_test_settle ();
  gtk_widget_grab_focus (GTK_WIDGET (chart));
  g_assert_cmpint (kj_chart_get_hover (chart), ==, -1);
  g_assert_true (key (GTK_WIDGET (chart), GDK_KEY_Left));
  g_assert_cmpint (kj_chart_get_hover (chart), ==, 27);
  g_assert_true (key (GTK_WIDGET (chart), GDK_KEY_Left));
  g_assert_cmpint (kj_chart_get_hover (chart), ==, 26);

  description = kj_chart_describe_day (chart, 26);
  g_assert_nonnull (strstr (description, "Pain "));
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "trends-chart-hover");

  /* the day's values in the keyboard's tooltip and in the accessible
   * description, and focus stays on the chart */
  g_assert_cmpstr (kj_chart_get_tip (chart), ==, description);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (chart)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  g_assert_true (key (GTK_WIDGET (chart), GDK_KEY_Home));
  g_clear_pointer (&description, g_free);
  description = kj_chart_describe_day (chart, 0);
  g_assert_cmpstr (kj_chart_get_tip (chart), ==, description);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  g_assert_true (key (GTK_WIDGET (chart), GDK_KEY_Escape));
  g_assert_null (kj_chart_get_tip (chart));
  g_assert_true (key (GTK_WIDGET (chart), GDK_KEY_End));
  g_assert_true (key (GTK_WIDGET (chart), GDK_KEY_Left));
  g_assert_cmpint (kj_chart_get_hover (chart), ==, 26);

  g_assert_true (key (GTK_WIDGET (chart), GDK_KEY_Return));
  kj_test_settle ();
  g_assert_cmpstr (kj_today_page_get_date (kj_window_get_today_page (window)), ==, yesterday);
}

/* Every text of the page: labels, and the chart's tooltip for each day. */
static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

static char *
page_texts (void)
{
  GString *out = g_string_new (NULL);
  KjChart *chart = kj_trends_page_get_chart (page);

  for (guint r = 0; r < 5; r++)
    {
      kj_trends_page_set_range (page, r);
      kj_test_settle ();
      collect_texts (GTK_WIDGET (page), out);
      for (guint d = 0; d < kj_chart_get_data (chart)->n_days; d++)
        {
          g_autofree char *text = kj_chart_describe_day (chart, d);

          g_string_append_printf (out, "%s\n", text);
        }
    }

  return g_string_free (out, FALSE);
}

static void
set_profile (const char *units,
             const char *treatment_start)
{
  KjStore *store = kj_application_get_store (KJ_APPLICATION (app));
  g_autoptr(GError) error = NULL;
  g_autoptr(KjProfile) profile = kj_store_get_profile (store, &error);

  g_assert_no_error (error);
  kj_window_show_page (window, "trends");
  kj_test_settle ();
  profile->units = kj_code_lookup (KJ_CODE_UNITS, units);
  if (treatment_start != NULL)
    {
      g_free (profile->treatment_start);
      profile->treatment_start = g_strdup (treatment_start);
    }
  g_assert_true (kj_store_set_profile (store, profile, &error));
  g_assert_no_error (error);
  kj_trends_page_invalidate (page);
  kj_test_settle ();
}

/* A journal in miles: no kilometre and no metre anywhere on Trends; the same in km shows km. */
static void
test_trends_units (void)
{
  g_autofree char *miles = NULL;
  g_autofree char *kilometres = NULL;
  g_autoptr(GRegex) metres = g_regex_new ("[0-9] ?m\\b", 0, 0, NULL);
  g_autoptr(GRegex) plural = g_regex_new ("\\b1 (days|runs|weeks)\\b|\\ba 8|\\(0 days ago\\)|\\+", 0, 0, NULL);

  set_profile ("mi", NULL);
  miles = page_texts ();
  g_test_message ("%s", miles);
  g_assert_null (strstr (miles, "km"));
  g_assert_false (g_regex_match (metres, miles, 0, NULL));
  g_assert_nonnull (strstr (miles, " mi"));
  g_assert_nonnull (strstr (miles, " ft"));
  g_assert_false (g_regex_match (plural, miles, 0, NULL));
  kj_trends_page_set_range (page, 0);
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "trends-miles");

  set_profile ("km", NULL);
  kilometres = page_texts ();
  g_assert_nonnull (strstr (kilometres, " km"));
  /* Week by Week: milligrams per drug, never of different drugs added together */
  g_assert_true (g_regex_match_simple ("\\n(Ibuprofen|Naproxen|Paracetamol|Aspirin|Diclofenac)[a-z ]* [0-9]+ mg",
                                       kilometres, 0, 0));
  g_assert_false (g_regex_match (plural, kilometres, 0, NULL));
}

/* The verdict sentence can be selected, but showing the page does not select it. */
static void
test_trends_no_selection (void)
{
  GtkWidget *label = NULL;
  int start = -1, end = -1;
  const char *message = kj_trends_page_get_assessment (page)->message;

  kj_window_show_page (window, "today");
  kj_test_settle ();
  kj_window_show_page (window, "trends");
  kj_test_settle ();

  {
    /* the label that shows the sentence */
    GQueue queue = G_QUEUE_INIT;

    g_queue_push_tail (&queue, page);
    label = NULL;
    while (!g_queue_is_empty (&queue) && label == NULL)
      {
        GtkWidget *w = g_queue_pop_head (&queue);

        if (GTK_IS_LABEL (w) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (w)), message) == 0)
          label = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
          g_queue_push_tail (&queue, c);
      }
    g_queue_clear (&queue);
  }
  g_assert_nonnull (label);
  /* focus enters the page as it does when the page is shown or tabbed into */
  gtk_widget_child_focus (GTK_WIDGET (page), GTK_DIR_TAB_FORWARD);
  kj_test_settle ();
  g_assert_false (gtk_label_get_selection_bounds (GTK_LABEL (label), &start, &end) && start != end);
}

/* Since Treatment Start begins at the treatment start, also when that was only days ago. */
static void
test_trends_recent_start (void)
{
  g_autofree char *today = kj_date_today ();
  char start[11];
  KjChart *chart = kj_trends_page_get_chart (page);

  kj_date_add_days (today, -4, start);
  set_profile ("km", start);
  g_assert_cmpstr (kj_trends_page_get_assessment (page)->t0, ==, start);
  kj_trends_page_set_range (page, 4);
  kj_test_settle ();
  g_assert_cmpstr (kj_chart_get_data (chart)->from, ==, start);
  g_assert_cmpstr (kj_chart_get_data (chart)->to, ==, today);
}

static gboolean
window_is_idle (gpointer data)
{
  return !kj_window_is_busy (data);
}

/* The page fits a phone whatever the window around it needs: the ranges
 * become a drop-down, Week by Week a list */
static void
test_trends_narrow (void)
{
  GtkWidget *scroller = kj_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, NULL);
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  int minimum = 0;

  kj_window_show_page (window, "trends");
  kj_trends_page_set_range (page, 4);
  kj_test_settle ();
  gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  /* as narrow as the window goes: Week by Week as a list */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 800);
  kj_test_settle ();
  gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "trends-narrow-weeks");
  gtk_adjustment_set_value (v, 0);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 900);
  kj_test_settle ();
}

/* Export Report… asks for the period, then the same code as --export-pdf writes it. */
/* The button below @root that activates @action, or NULL */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_trends_report (void)
{
  g_autofree char *tmp_pdf = g_build_filename (g_get_home_dir (), "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (tmp_pdf);
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;
  gsize length;

  GtkWidget *opener, *from, *focus, *primary;

  /* opened from the verdict card's button */
  kj_window_show_page (window, "trends");
  kj_test_settle ();
  opener = find_action_button (GTK_WIDGET (page), "win.export-report");
  g_assert_nonnull (opener);
  gtk_widget_grab_focus (opener);
  g_assert_true (gtk_widget_activate_action (opener, "win.export-report", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  dialog = ADW_MESSAGE_DIALOG (kj_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Export Report");
  g_assert_nonnull (kj_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "To (YYYY-MM-DD)"));
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (dialog), "export-report-dialog");

  /* focus in the first field, not on Cancel; Enter there presses Export… */
  from = kj_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "From (YYYY-MM-DD; empty: the first record)");
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (focus);
  g_assert_true (focus == from || gtk_widget_is_ancestor (focus, from));
  g_assert_true (adw_entry_row_get_activates_default (ADW_ENTRY_ROW (from)));
  primary = gtk_window_get_default_widget (GTK_WINDOW (dialog));
  g_assert_nonnull (primary);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (primary)), ==, "_Export…");

  /* Cancel, and focus is back on the button that opened it */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  kj_test_settle ();
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == opener);

  kj_window_export_report (window, file, NULL, NULL, KJ_PAPER_A4, TRUE);
  g_assert_true (kj_window_is_busy (window));
  g_assert_true (kj_test_wait_until (window_is_idle, window));
  g_test_message ("%s", kj_window_get_last_message (window));
  g_assert_true (g_str_has_prefix (kj_window_get_last_message (window), "Saved the report, "));
  g_assert_true (g_file_get_contents (tmp_pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 10000);
}

/* Why this verdict? (#17): the numbers behind it, in the sentences of
 * kj_assessment_explain() for this journal, under the verdict */
static void
test_trends_why (void)
{
  const KjAssessment *assessment;
  g_auto(GStrv) sentences = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *baseline = NULL;
  GtkWidget *expander;

  kj_window_show_page (window, "trends");
  kj_test_settle ();
  assessment = kj_trends_page_get_assessment (page);
  sentences = kj_assessment_explain (assessment);
  expected = g_strjoinv ("\n\n", sentences);
  g_assert_cmpstr (kj_trends_page_get_why (page), ==, expected);

  /* the baseline, as the verdict's figures give it */
  baseline = g_strdup_printf ("%.1f", assessment->baseline);
  g_assert_nonnull (strstr (kj_trends_page_get_why (page), baseline));

  expander = kj_test_find_widget (GTK_WIDGET (page), GTK_TYPE_EXPANDER, NULL);
  g_assert_nonnull (expander);
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  kj_test_settle ();
  g_assert_nonnull (kj_test_find_label (GTK_WIDGET (page), sentences[0]));
  kj_test_save_screenshot (GTK_WIDGET (window), "trends-why");

  /* each verdict says its own why: too early (the start moved 4 days back by
   * /trends/recent-start), a red flag, improving */
  if (assessment->verdict == KJ_VERDICT_TOO_EARLY)
    g_assert_nonnull (strstr (kj_trends_page_get_why (page), "the first assessment comes on"));
  {
    KjStore *store = kj_application_get_store (KJ_APPLICATION (app));
    g_autoptr(GError) error = NULL;
    g_autoptr(KjDay) day = kj_store_get_day (store, yesterday, &error);

    g_assert_no_error (error);
    g_assert_nonnull (day);
    g_ptr_array_add (day->symptoms, (gpointer) kj_code_lookup (KJ_CODE_SYMPTOM, "locking"));
    g_assert_true (kj_store_save_day (store, day, &error));
    g_assert_no_error (error);
    set_profile ("km", first_start);
    g_assert_cmpint (kj_trends_page_get_assessment (page)->verdict, ==, KJ_VERDICT_SEE_DOCTOR);
    g_assert_nonnull (strstr (kj_trends_page_get_why (page), "Locking"));
    g_assert_nonnull (strstr (kj_trends_page_get_why (page), "needs a doctor’s examination today"));
    kj_test_save_screenshot (GTK_WIDGET (window), "trends-why-red-flag");

    g_ptr_array_set_size (day->symptoms, 0);
    g_assert_true (kj_store_save_day (store, day, &error));
    g_assert_no_error (error);
    kj_trends_page_invalidate (page);
    kj_test_settle ();
    g_assert_cmpint (kj_trends_page_get_assessment (page)->verdict, ==, KJ_VERDICT_IMPROVING);
    g_assert_nonnull (strstr (kj_trends_page_get_why (page), "reaches it: pain has improved meaningfully"));
    /* the change against the meaningful change, with its numbers */
    {
      const KjAssessment *improving = kj_trends_page_get_assessment (page);
      g_autofree char *change = g_strdup_printf ("changed by −%.1f points (−%.0f %%)", fabs (improving->change),
                                                 fabs (improving->change_pct));

      g_assert_nonnull (strstr (kj_trends_page_get_why (page), change));
      g_assert_nonnull (strstr (kj_trends_page_get_why (page), "or from 30 % of the first week’s average"));
    }
    kj_test_save_screenshot (GTK_WIDGET (window), "trends-why-improving");
  }
  gtk_expander_set_expanded (GTK_EXPANDER (expander), FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *today = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KjJournal) journal = NULL;

  /* GTK's test backend keeps the accessible properties the chart sets, so
   * that its description can be read back (“none” keeps nothing) */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  today = kj_date_today ();
  kj_date_add_days (today, -1, yesterday);
  journal = kj_gen_journal (12, 70, "improving", yesterday, &error);
  g_assert_no_error (error);
  first_start = g_strdup (journal->profile->treatment_start);

  window = kj_test_gui_open (&gui, journal, 1000, 900);
  app = G_APPLICATION (gui.app);
  page = kj_window_get_trends_page (window);

  g_test_add_func ("/trends/verdict", test_trends_verdict);
  g_test_add_func ("/trends/ranges", test_trends_ranges);
  g_test_add_func ("/trends/open-day", test_trends_open_day);
  g_test_add_func ("/trends/report", test_trends_report);
  g_test_add_func ("/trends/no-selection", test_trends_no_selection);
  g_test_add_func ("/trends/units", test_trends_units);
  g_test_add_func ("/trends/narrow", test_trends_narrow);
  g_test_add_func ("/trends/recent-start", test_trends_recent_start);
  g_test_add_func ("/trends/why", test_trends_why);

  return kj_test_gui_finish (&gui, g_test_run ());
}
