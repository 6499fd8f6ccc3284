/* test-helps.c — Trends' What Seems to Help and Exercises and Pain in the window, with screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A crafted journal of 65 days up to yesterday: ice lowers the next day's pain
 * by exactly one point, exercises on three days a week, short runs every
 * fourth day. The rows say so in the window's language (also run in German:
 * helps-de), every row's accessible name is its sentence, the chart has its
 * weeks; screenshots wide, at 360 px and in dark mode.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kj-adherence-chart.h"
#include "kj-associations.h"
#include "kj-test-gtk.h"
#include "kj-trends-page.h"
#include "kj-window.h"

static KjTestGui gui;
static KjWindow *window;
static KjTrendsPage *page;
static KjJournal *journal;
static const char *language;

static void
add_treatment (KjJournal  *j,
               const char *date,
               const char *kind)
{
  KjTreatment *t = kj_treatment_new (date, kind);

  t->id = g_uuid_string_random ();
  g_ptr_array_add (j->treatments, t);
}

static KjJournal *
crafted_journal (const char *last)
{
  KjJournal *j = kj_journal_new ();
  gboolean iced[65] = { FALSE };

  for (int i = 0; i < 64; i++)
    iced[i] = (i / 4) % 2 == 0;

  for (int i = 0; i < 65; i++)
    {
      char date[11];
      KjDay *day;

      kj_date_add_days (last, i - 64, date);
      day = kj_day_new (date);
      day->id = g_uuid_string_random ();
      day->pain = 3 + i % 4 - (i > 0 && iced[i - 1] ? 1 : 0);
      g_ptr_array_add (j->days, day);
      if (iced[i])
        add_treatment (j, date, "ice");
      if (i % 7 == 0 || i % 7 == 2 || i % 7 == 4 || (i > 35 && i % 7 == 5))
        add_treatment (j, date, "exercise");
      if (i % 4 == 1)
        {
          KjRun *run = kj_run_new (date, 4.0);

          run->id = g_uuid_string_random ();
          g_ptr_array_add (j->runs, run);
        }
    }

  return j;
}

static GtkWidget *
find_group (GtkWidget  *root,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (root) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_group (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = kj_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, NULL);
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  double x = 0, y = 0;

  /* twice: the page may still grow above it (the knee maps) after the first scroll */
  for (int i = 0; i < 3; i++)
    {
      kj_test_settle ();
      /* where it is in the viewport, which shows the page from the adjustment's value on */
      g_assert_true (gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y));
      gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + y - 12);
      kj_test_settle ();
    }
}

static char *
shot_name (const char *name)
{
  return g_str_equal (language, "en") ? g_strdup (name) : g_strdup_printf ("%s-%s", name, language);
}

static void
test_helps_rows (void)
{
  g_auto(GStrv) rows = NULL;
  g_autoptr(GArray) expected = kj_associations_compute (journal->days, journal->treatments, journal->runs, "", "");
  g_autofree char *first = NULL;
  g_autofree char *name = shot_name ("trends-helps");
  GtkWidget *chart;
  GtkWidget *group;

  kj_window_show_page (window, "trends");
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, page));
  kj_test_settle ();

  /* ice first: the largest difference, exactly one point lower */
  rows = kj_trends_page_get_helps (page);
  g_assert_cmpuint (g_strv_length (rows), ==, expected->len);
  g_assert_cmpstr (g_array_index (expected, KjAssociation, 0).factor, ==, "ice");
  g_assert_cmpfloat (g_array_index (expected, KjAssociation, 0).difference, ==, -1.0);
  first = kj_association_sentence (&g_array_index (expected, KjAssociation, 0), KJ_UNITS_KM);
  g_assert_nonnull (strstr (rows[0], first));
  if (g_str_equal (language, "de"))
    {
      g_test_message ("%s", rows[0]);
      g_assert_true (g_str_has_prefix (rows[0], "Eis: 1,0 niedriger ("));
      g_assert_nonnull (strstr (rows[0], "An Tagen nach dem Kühlen war Ihr Schmerz am nächsten Tag im Mittel 1,0 "
                                         "niedriger ("));
      g_assert_nonnull (strstr (rows[0], "kein Beweis, dass das Kühlen geholfen hat."));
    }
  else
    {
      g_assert_true (g_str_has_prefix (rows[0], "Ice: 1.0 lower ("));
      g_assert_nonnull (strstr (rows[0], "On days after you iced, your pain the next day was on average 1.0 lower ("));
      g_assert_nonnull (strstr (rows[0], "not proof that ice helped."));
    }

  group = find_group (GTK_WIDGET (page), _("What Seems to Help"));
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_get_visible (group));

  chart = kj_test_find_widget (GTK_WIDGET (page), KJ_TYPE_ADHERENCE_CHART, NULL);
  g_assert_nonnull (chart);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (chart, ADW_TYPE_PREFERENCES_GROUP)));
  /* 65 days up to yesterday: 10 or 11 ISO weeks */
  g_assert_cmpuint (kj_adherence_chart_get_n_weeks (KJ_ADHERENCE_CHART (chart)), >=, 10);
  g_assert_cmpuint (kj_adherence_chart_get_n_weeks (KJ_ADHERENCE_CHART (chart)), <=, 11);
  g_assert_cmpint (gtk_widget_get_height (chart), >=, 180);

  scroll_to (group);
  kj_test_save_screenshot (GTK_WIDGET (window), name);
}

static void
test_helps_narrow (void)
{
  g_autofree char *name = shot_name ("trends-helps-narrow");
  g_autofree char *chart_name = shot_name ("trends-adherence-narrow");
  GtkWidget *group = find_group (GTK_WIDGET (page), _("What Seems to Help"));
  GtkWidget *chart = kj_test_find_widget (GTK_WIDGET (page), KJ_TYPE_ADHERENCE_CHART, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 800);
  kj_test_settle ();
  kj_test_settle ();
  scroll_to (group);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page)), <=, 360);
  scroll_to (group);
  kj_test_save_screenshot (GTK_WIDGET (window), name);
  scroll_to (chart);
  kj_test_save_screenshot (GTK_WIDGET (window), chart_name);
  g_assert_cmpint (gtk_widget_get_width (chart), <=, 360);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 900);
  kj_test_settle ();
}

static void
test_helps_dark (void)
{
  g_autofree char *name = shot_name ("trends-adherence-dark");
  GtkWidget *chart = kj_test_find_widget (GTK_WIDGET (page), KJ_TYPE_ADHERENCE_CHART, NULL);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  kj_test_settle ();
  scroll_to (gtk_widget_get_ancestor (chart, ADW_TYPE_PREFERENCES_GROUP));
  kj_test_save_screenshot (GTK_WIDGET (window), name);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  kj_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *today = NULL;
  char yesterday[11];
  int status;

  language = kj_test_set_language ();
  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  today = kj_date_today ();
  kj_date_add_days (today, -1, yesterday);
  journal = crafted_journal (yesterday);

  window = kj_test_gui_open (&gui, journal, 1000, 900);
  page = kj_window_get_trends_page (window);

  g_test_add_func ("/helps/rows", test_helps_rows);
  g_test_add_func ("/helps/narrow", test_helps_narrow);
  g_test_add_func ("/helps/dark", test_helps_dark);

  status = g_test_run ();
  kj_journal_free (journal);

  return kj_test_gui_finish (&gui, status);
}
