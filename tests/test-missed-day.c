/* test-missed-day.c — Today's offer to log a missed yesterday, in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The days are fixed (a journal of January 2026, “today” given to
 * kj_missed_day_check()), not the clock's; the run with KJ_TEST_LANGUAGE=de
 * (missed-day-de) checks that the German offer fits 360 px too.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kj-application.h"
#include "kj-gen.h"
#include "kj-missed-day.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-today-page.h"
#include "kj-window.h"

static KjTestGui gui;
static KjWindow *window;
static KjTodayPage *today_page;
static KjMissedDay *missed;
static const char *language;

/* A journal of every day from 2026-01-01 to 2026-01-31 */
#define LAST_LOGGED "2026-01-31"

static KjStore *
store (void)
{
  return kj_application_get_store (gui.app);
}

/* Nothing offered and nothing remembered, whatever the clock did at the start. */
static void
start_afresh (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "missed-day-offered");
  kj_missed_day_dismiss (missed);
  kj_test_settle ();
}

static char *
offered_on (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_string (settings, "missed-day-offered");
}

/* The offer's two buttons: Log Yesterday and close */
static GtkWidget *
button (guint index)
{
  guint n = 0;

  for (GtkWidget *w = GTK_WIDGET (missed); w != NULL;)
    {
      if (GTK_IS_BUTTON (w) && n++ == index)
        return w;

      /* depth first */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != GTK_WIDGET (missed) && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == GTK_WIDGET (missed) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }

  return NULL;
}

static guint
count_focusable (GtkWidget *widget)
{
  guint n = gtk_widget_get_focusable (widget) && gtk_widget_get_visible (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_focusable (child);

  return n;
}

static gboolean
offer_shown (void)
{
  return gtk_widget_get_visible (GTK_WIDGET (missed)) && kj_missed_day_get_date (missed) != NULL;
}

/* A new journal and one not used for weeks are left alone; so is a
 * yesterday that has its entry. */
static void
test_missed_day_not_offered (void)
{
  start_afresh ();

  /* long after the journal's last day */
  g_assert_false (kj_missed_day_check (missed, store (), "2026-03-15"));
  /* yesterday logged */
  g_assert_false (kj_missed_day_check (missed, store (), "2026-02-01"));
  /* nothing logged in the 7 days before yesterday: 01-31 is 9 days before 02-09 */
  g_assert_false (kj_missed_day_check (missed, store (), "2026-02-09"));
  /* no journal */
  g_assert_false (kj_missed_day_check (missed, NULL, "2026-02-02"));

  g_assert_false (offer_shown ());
  g_assert_null (kj_missed_day_get_date (missed));
  g_assert_cmpstr (offered_on (), ==, "");
}

/* Yesterday empty in a journal in use: offered once, and Log Yesterday
 * shows yesterday on Today */
static void
test_missed_day_log (void)
{
  GtkRequisition minimum;

  start_afresh ();
  /* 2026-02-02: yesterday (02-01) empty, the last entry 01-31, 1 day before */
  g_assert_true (kj_missed_day_check (missed, store (), "2026-02-02"));
  kj_test_settle ();
  g_assert_true (offer_shown ());
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (missed)));
  g_assert_cmpstr (kj_missed_day_get_date (missed), ==, "2026-02-01");
  g_assert_cmpstr (offered_on (), ==, "2026-02-02");
  g_assert_nonnull (kj_test_find_label (GTK_WIDGET (missed), _("Yesterday is not logged.")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button (0))), ==, _("_Log Yesterday"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button (1)), ==, _("Dismiss"));
  /* at most two Tab stops: the two buttons */
  g_assert_cmpuint (count_focusable (GTK_WIDGET (missed)), ==, 2);

  /* it fits a phone: 360 px, the page's own margins included */
  gtk_widget_get_preferred_size (GTK_WIDGET (today_page), &minimum, NULL);
  g_assert_cmpint (minimum.width, <=, 360);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  kj_test_settle ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (missed)), <=, 360);
  {
    g_autofree char *name = g_strdup_printf ("today-missed-day-narrow-%s", language);

    kj_test_save_screenshot (GTK_WIDGET (window), name);
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  kj_test_settle ();
  {
    g_autofree char *name = g_strdup_printf ("today-missed-day-%s", language);
    g_autofree char *dark = g_strdup_printf ("today-missed-day-dark-%s", language);

    kj_test_save_screenshot (GTK_WIDGET (window), name);
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
    kj_test_settle ();
    kj_test_save_screenshot (GTK_WIDGET (window), dark);
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
    kj_test_settle ();
  }

  /* asked again that day (another window, the journal read again): not again */
  g_assert_false (kj_missed_day_check (missed, store (), "2026-02-02"));
  g_assert_true (offer_shown ());

  g_signal_emit_by_name (button (0), "clicked");
  kj_test_settle ();
  g_assert_cmpstr (kj_today_page_get_date (today_page), ==, "2026-02-01");
  g_assert_null (kj_today_page_get_day (today_page));
  g_assert_false (offer_shown ());
  g_assert_false (kj_missed_day_check (missed, store (), "2026-02-02"));
  g_assert_false (offer_shown ());
}

/* Closed: not offered again that day, the day remembered in the settings */
static void
test_missed_day_dismiss (void)
{
  start_afresh ();
  g_assert_true (kj_missed_day_check (missed, store (), "2026-02-03"));
  kj_test_settle ();
  g_assert_true (offer_shown ());

  g_signal_emit_by_name (button (1), "clicked");
  kj_test_settle ();
  g_assert_false (offer_shown ());
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (missed)));
  g_assert_cmpstr (offered_on (), ==, "2026-02-03");
  g_assert_false (kj_missed_day_check (missed, store (), "2026-02-03"));
  g_assert_false (offer_shown ());

  /* the next morning it may be offered again */
  g_assert_true (kj_missed_day_check (missed, store (), "2026-02-04"));
  kj_missed_day_dismiss (missed);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GError) error = NULL;

  language = kj_test_set_language ();
  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  journal = kj_gen_journal (3, 31, "improving", LAST_LOGGED, &error);
  g_assert_no_error (error);
  window = kj_test_gui_open (&gui, journal, 900, 700);
  today_page = kj_window_get_today_page (window);
  missed = KJ_MISSED_DAY (kj_test_find_widget (GTK_WIDGET (today_page), KJ_TYPE_MISSED_DAY, NULL));
  g_assert_nonnull (missed);
  kj_window_show_page (window, "today");

  g_test_add_func ("/missed-day/not-offered", test_missed_day_not_offered);
  g_test_add_func ("/missed-day/log", test_missed_day_log);
  g_test_add_func ("/missed-day/dismiss", test_missed_day_dismiss);

  return kj_test_gui_finish (&gui, g_test_run ());
}
