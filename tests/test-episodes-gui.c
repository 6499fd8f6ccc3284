/* test-episodes-gui.c — two episodes in a real window under Xvfb: Trends' switcher, the bands of “All”, a resolved episode, Today, Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kj-application.h"
#include "kj-chart.h"
#include "kj-format.h"
#include "kj-questionnaire-section.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-window.h"

static KjTestGui gui;
static KjWindow *window;
static KjTrendsPage *page;
static char today[11];

/* The right knee from 119 days ago, resolved 60 days ago, getting better;
 * the left from 50 days ago, open, getting worse */
static KjJournal *
two_episodes (void)
{
  KjJournal *journal = kj_journal_new ();
  KjEpisode *right = kj_episode_new ();
  KjEpisode *left = kj_episode_new ();

  journal->profile = kj_profile_new ();
  journal->profile->affected_side = NULL;   /* the episodes give the sides and dates */
  journal->episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_episode_free);

  g_free (right->id);
  right->id = g_strdup ("right-knee");
  g_free (right->name);
  right->name = g_strdup ("Right knee — pes anserine");
  kj_date_add_days (today, -119, right->injury_date);
  kj_date_add_days (today, -119, right->treatment_start);
  kj_date_add_days (today, -60, right->end_date);
  g_ptr_array_add (journal->episodes, right);

  g_free (left->id);
  left->id = g_strdup ("left-knee");
  left->side = kj_code_lookup (KJ_CODE_AFFECTED_SIDE, "left");
  kj_date_add_days (today, -50, left->injury_date);
  kj_date_add_days (today, -50, left->treatment_start);
  g_ptr_array_add (journal->episodes, left);

  for (int d = 119; d >= 1; d--)
    {
      char date[11];
      KjDay *day;

      kj_date_add_days (today, -d, date);
      day = kj_day_new (date);
      day->id = g_strdup_printf ("day-%d", d);
      /* right: 6 falling to 2; a gap; left: 2 rising to 6 */
      if (d > 60)
        day->pain = d > 112 ? 6 : d > 80 ? 4 : 2;
      else if (d <= 50)
        day->pain = d > 43 ? 2 : d > 20 ? 4 : 6;
      else
        continue;
      g_ptr_array_add (journal->days, day);
    }

  return journal;
}

static GtkDropDown *
episode_dropdown (void)
{
  /* the first drop-down of the page is the episode switcher, above the verdict */
  return GTK_DROP_DOWN (kj_test_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, NULL));
}

static void
test_episodes_gui_trends (void)
{
  const KjAssessment *assessment;
  GtkDropDown *dropdown;

  kj_window_show_page (window, "trends");
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, page));
  kj_test_settle ();

  /* the current episode by default: the left knee, getting worse */
  dropdown = episode_dropdown ();
  g_assert_nonnull (dropdown);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (dropdown)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 2);
  assessment = kj_trends_page_get_assessment (page);
  g_assert_cmpstr (assessment->episode->id, ==, "left-knee");
  g_assert_cmpstr (kj_verdict_to_string (assessment->verdict), ==, "worsening");
  g_assert_cmpstr (kj_trends_page_get_episode_id (page), ==, "left-knee");
  kj_test_save_screenshot (GTK_WIDGET (window), "episodes-trends-left");

  /* switched to the right knee: its verdict, as of its end */
  gtk_drop_down_set_selected (dropdown, 0);
  kj_test_settle ();
  assessment = kj_trends_page_get_assessment (page);
  g_assert_cmpstr (assessment->episode->id, ==, "right-knee");
  g_assert_cmpstr (kj_verdict_to_string (assessment->verdict), ==, "improving");
  g_assert_cmpstr (assessment->as_of, ==, assessment->episode->end_date);
  g_assert_cmpstr (kj_trends_page_get_verdict_title (page), ==, "Improving");
  kj_test_save_screenshot (GTK_WIDGET (window), "episodes-trends-right");

  /* “All”: both episodes as bands */
  kj_trends_page_set_range (page, 3);
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "episodes-trends-all");

  kj_trends_page_set_range (page, 4);
  kj_trends_page_set_episode (page, NULL);
  kj_test_settle ();
  g_assert_cmpstr (kj_trends_page_get_episode_id (page), ==, "left-knee");
}

static void
test_episodes_gui_today (void)
{
  char start[11], resolved[11];
  g_autofree char *when = NULL;
  g_autofree char *expected = NULL;

  kj_date_add_days (today, -50, start);
  when = kj_format_date (start);
  expected = g_strdup_printf ("Episode: Left knee since %s", when);

  /* today belongs to the left knee's episode */
  kj_window_show_page (window, "today");
  kj_test_settle ();
  g_assert_nonnull (kj_test_find_label (GTK_WIDGET (window), expected));
  kj_test_save_screenshot (GTK_WIDGET (window), "episodes-today");

  /* a day between the two episodes belongs to none */
  kj_date_add_days (today, -55, resolved);
  kj_today_page_set_date (kj_window_get_today_page (window), resolved);
  kj_test_settle ();
  g_assert_nonnull (kj_test_find_label (GTK_WIDGET (window), "This day belongs to no episode."));
  kj_today_page_set_date (kj_window_get_today_page (window), today);
  kj_test_settle ();
}

static void
test_episodes_gui_preferences (void)
{
  GtkWindow *preferences;
  GtkWidget *treatment;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_WINDOW)));
  preferences = kj_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  kj_test_settle ();

  /* both episodes listed; the first one's rows are hidden with two */
  g_assert_nonnull (kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "Right knee — pes anserine"));
  treatment = kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW, "Treatment Started (YYYY-MM-DD)");
  g_assert_true (treatment == NULL || !gtk_widget_is_visible (treatment));
  kj_test_save_screenshot (GTK_WIDGET (preferences), "episodes-preferences");
  gtk_window_destroy (preferences);
}

/* The right knee, resolved 60 days ago, on Trends: no “Fill In…”, which would fill in *today's*
 * questionnaire, and today belongs to the left knee's episode. The open episode offers it. */
static void
test_fill_in_resolved (void)
{
  GtkDropDown *dropdown;
  GtkWidget *fill_in;

  kj_window_show_page (window, "trends");
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, page));
  kj_test_settle ();
  dropdown = episode_dropdown ();
  gtk_drop_down_set_selected (dropdown, 0);
  kj_test_settle ();
  g_assert_cmpstr (kj_trends_page_get_episode_id (page), ==, "right-knee");

  fill_in = kj_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Fill In…");
  g_assert_nonnull (fill_in);
  g_assert_false (gtk_widget_is_visible (fill_in) && gtk_widget_is_sensitive (fill_in));
  /* and it does not ask for one either */
  g_assert_cmpstr (kj_questionnaire_section_get_change (KJ_QUESTIONNAIRE_SECTION (
                     kj_trends_page_get_questionnaire_section (page))), ==,
                   "No questionnaire was filled in during this episode.");

  /* the open episode offers it */
  gtk_drop_down_set_selected (dropdown, 1);
  kj_test_settle ();
  g_assert_true (gtk_widget_is_visible (fill_in));
}

/* The resolved right knee on “Since Treatment Start”: its verdict is as of its end date (60 days ago),
 * and its chart ends there too, not on today. */
static void
test_chart_ends_with_episode (void)
{
  const KjAssessment *assessment;
  const KjChartData *data;

  kj_window_show_page (window, "trends");
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, page));
  kj_trends_page_set_episode (page, "right-knee");
  kj_trends_page_set_range (page, 4);
  kj_test_settle ();
  assessment = kj_trends_page_get_assessment (page);
  g_assert_cmpstr (assessment->episode->id, ==, "right-knee");
  g_assert_cmpstr (assessment->as_of, ==, assessment->episode->end_date);
  data = kj_chart_get_data (kj_trends_page_get_chart (page));
  g_assert_nonnull (data);
  g_test_message ("chart %s … %s, episode ends %s", data->from, data->to, assessment->episode->end_date);
  g_assert_cmpstr (data->to, <=, assessment->episode->end_date);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *now = NULL;
  g_autoptr(KjJournal) journal = NULL;

  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  now = kj_date_today ();
  g_strlcpy (today, now, sizeof today);
  journal = two_episodes ();
  window = kj_test_gui_open (&gui, journal, 1000, 900);
  page = kj_window_get_trends_page (window);

  g_test_add_func ("/episodes-gui/trends", test_episodes_gui_trends);
  g_test_add_func ("/episodes-gui/today", test_episodes_gui_today);
  g_test_add_func ("/episodes-gui/preferences", test_episodes_gui_preferences);
  g_test_add_func ("/episodes-gui/fill-in-on-resolved-episode", test_fill_in_resolved);
  g_test_add_func ("/episodes-gui/chart-ends-with-resolved-episode", test_chart_ends_with_episode);

  return kj_test_gui_finish (&gui, g_test_run ());
}
