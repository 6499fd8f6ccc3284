/* test-daily-habit.c — the daily habit met the way users meet it: Same as Yesterday with a treatment added first,
 * its Undo from another day, a damaged yesterday; the calendar browsed over a year's end; odd searches; a missed
 * day logged by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written by a reviewer to show defects, each test asserting what the feature promises.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "kj-application.h"
#include "kj-date-bar.h"
#include "kj-history-page.h"
#include "kj-missed-day.h"
#include "kj-record-editor.h"
#include "kj-store.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-today-page.h"
#include "kj-window.h"

static KjTestGui gui;
static KjWindow *window;
static KjTodayPage *page;
static AdwToast *last_toast;

static void
page_toast (KjTodayPage *p,
            AdwToast    *toast,
            gpointer     data)
{
  g_set_object (&last_toast, toast);
}

static void
day_offset (int  offset,
            char out[11])
{
  g_autofree char *today = kj_date_today ();

  kj_date_add_days (today, offset, out);
}

/* A day's entry with @pain, unless it has one */
static void
ensure_day (int offset,
            int pain)
{
  g_autoptr(KjStore) store = kj_store_open (gui.db_path, NULL);
  g_autoptr(KjDay) existing = NULL;
  g_autoptr(KjDay) day = NULL;
  char date[11];

  day_offset (offset, date);
  if ((existing = kj_store_get_day (store, date, NULL)) != NULL)
    return;
  day = kj_day_new (date);
  day->pain = pain;
  g_assert_true (kj_store_save_day (store, day, NULL));
}

static GPtrArray *
stored_treatments (const char *date)
{
  g_autoptr(KjStore) store = kj_store_open (gui.db_path, NULL);

  return kj_store_list_treatments (store, date, date, NULL);
}

static guint
count_kind (GPtrArray  *treatments,
            const char *kind)
{
  guint n = 0;

  for (guint i = 0; i < treatments->len; i++)
    n += g_str_equal (((KjTreatment *) treatments->pdata[i])->kind, kind);
  return n;
}

static void
exec_sql (const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (gui.db_path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_null (message);
  sqlite3_close (db);
}

/* Same as Yesterday pressed, then the user adds Ice (Ctrl+T), then the pain:
 * yesterday's ice is copied next to the one just added: two ices. */
static void
test_routine_then_treatment (void)
{
  char d1[11], d2[11];
  g_autoptr(KjStore) store = kj_store_open (gui.db_path, NULL);
  g_autoptr(KjDay) before = NULL;
  g_autoptr(KjTreatment) ice = NULL;
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *routine;
  KjRecordEditor *editor;

  day_offset (-20, d1);
  day_offset (-19, d2);
  before = kj_day_new (d1);
  before->pain = 4;
  kj_day_add_location (before, "right", "pes-anserine");
  g_assert_true (kj_store_save_day (store, before, &error));
  ice = kj_treatment_new (d1, "ice");
  ice->minutes = 15;
  g_assert_true (kj_store_save_treatment (store, ice, &error));
  g_assert_no_error (error);
  kj_window_reload (window);
  kj_window_show_day (window, d2);
  kj_test_settle ();

  routine = kj_test_find_widget (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON, _("Same as _Yesterday"));
  g_assert_nonnull (routine);
  g_signal_emit_by_name (routine, "clicked");
  kj_test_settle ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (routine)));

  /* Ctrl+T: an Ice of 10 minutes, saved */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "today.add-treatment", NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (KJ_TYPE_RECORD_EDITOR)));
  editor = KJ_RECORD_EDITOR (kj_test_find_toplevel (KJ_TYPE_RECORD_EDITOR));
  g_test_message ("editor's treatment: %s", kj_record_editor_get_treatment (editor)->kind);
  kj_record_editor_save (editor);
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "daily-habit-routine-after-treatment");
  g_test_message ("routine visible %d active %d", gtk_widget_get_mapped (routine),
                  gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (routine)));

  g_signal_emit_by_name (kj_test_find_pain_button (GTK_WIDGET (page), 3), "clicked");
  kj_test_settle ();
  treatments = stored_treatments (d2);
  for (guint i = 0; i < treatments->len; i++)
    g_test_message ("%s: %s %d", d2, ((KjTreatment *) treatments->pdata[i])->kind,
                    ((KjTreatment *) treatments->pdata[i])->minutes);
  /* the user's own treatment and no second copy of the same kind */
  g_assert_cmpuint (count_kind (treatments, "ice"), <=, 1);
}

/* Undo of Same as Yesterday after going to another day: the day's entry and
 * copies go, the day shown stays as it is */
static void
test_routine_undo_after_day_change (void)
{
  char d1[11], d3[11], d4[11];
  g_autoptr(KjStore) store = kj_store_open (gui.db_path, NULL);
  g_autoptr(KjDay) before = NULL;
  g_autoptr(KjTreatment) heat = NULL;
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(KjDay) shown = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *routine;

  ensure_day (-20, 4);
  day_offset (-20, d1);
  day_offset (-16, d3);
  day_offset (-15, d4);
  before = kj_day_new (d3);
  before->pain = 6;
  kj_day_add_location (before, "left", "patella");
  g_assert_true (kj_store_save_day (store, before, &error));
  heat = kj_treatment_new (d3, "heat");
  heat->minutes = 20;
  g_assert_true (kj_store_save_treatment (store, heat, &error));
  kj_window_reload (window);
  kj_window_show_day (window, d4);
  kj_test_settle ();

  routine = kj_test_find_widget (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON, _("Same as _Yesterday"));
  g_signal_emit_by_name (routine, "clicked");
  kj_test_settle ();
  g_clear_object (&last_toast);
  g_signal_emit_by_name (kj_test_find_pain_button (GTK_WIDGET (page), 7), "clicked");
  kj_test_settle ();
  g_assert_nonnull (last_toast);

  /* another day, then Undo */
  kj_window_show_day (window, d1);
  kj_test_settle ();
  g_signal_emit_by_name (last_toast, "button-clicked");
  kj_test_settle ();

  treatments = stored_treatments (d4);
  g_assert_cmpuint (treatments->len, ==, 0);
  g_assert_null (kj_store_get_day (store, d4, NULL));
  shown = kj_store_get_day (store, d1, NULL);
  g_assert_nonnull (shown);
  g_assert_cmpint (shown->pain, ==, 4);
  g_assert_nonnull (kj_today_page_get_day (page));
  g_assert_cmpstr (kj_today_page_get_day (page)->date, ==, d1);
  kj_test_save_screenshot (GTK_WIDGET (window), "daily-habit-undo-after-day-change");
}

/* Yesterday with a damaged treatment (time 24:00) and today: Same as Yesterday */
static void
test_routine_damaged_yesterday (void)
{
  char d5[11], d6[11];
  g_autoptr(KjStore) store = kj_store_open (gui.db_path, NULL);
  g_autoptr(KjDay) before = NULL;
  g_autoptr(KjTreatment) ice = NULL;
  g_autoptr(KjTreatment) heat = NULL;
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  GtkWidget *routine;

  day_offset (-12, d5);
  day_offset (-11, d6);
  before = kj_day_new (d5);
  before->pain = 5;
  kj_day_add_location (before, "left", "patella");
  g_assert_true (kj_store_save_day (store, before, &error));
  ice = kj_treatment_new (d5, "ice");
  ice->minutes = 10;
  g_assert_true (kj_store_save_treatment (store, ice, &error));
  heat = kj_treatment_new (d5, "heat");
  heat->minutes = 10;
  g_assert_true (kj_store_save_treatment (store, heat, &error));
  g_clear_object (&store);
  sql = g_strdup_printf ("PRAGMA ignore_check_constraints=1; UPDATE treatments SET time='24:00' WHERE id='%s';",
                         heat->id);
  exec_sql (sql);
  kj_window_reload (window);
  kj_window_show_day (window, d6);
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "daily-habit-routine-damaged-yesterday");

  routine = kj_test_find_widget (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON, _("Same as _Yesterday"));
  g_assert_nonnull (routine);
  g_signal_emit_by_name (routine, "clicked");
  kj_test_settle ();
  g_signal_emit_by_name (kj_test_find_pain_button (GTK_WIDGET (page), 5), "clicked");
  kj_test_settle ();
  treatments = stored_treatments (d6);
  g_test_message ("copied %u treatments; message: %s", treatments->len, kj_window_get_last_message (window));
  g_assert_cmpuint (count_kind (treatments, "ice"), ==, 1);
  g_assert_cmpuint (count_kind (treatments, "heat"), ==, 0);
}

/* The day labels that style.css shows as logged: the day numbers with the class kj-logged-day (GTK 4.8's own
 * :checked state is stale across months, and not styled) */
static void
styled_days (GtkWidget *widget,
             GString   *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "kj-logged-day"))
        g_string_append_printf (out, "%s%s%s", out->len > 0 ? " " : "", gtk_label_get_text (GTK_LABEL (child)),
                                gtk_widget_has_css_class (child, "other-month") ? "(other)" : "");
      styled_days (child, out);
    }
}

/* The date popover at the end of a year: next month shows January's marks */
static void
test_calendar_year_end (void)
{
  g_autoptr(KjStore) store = kj_store_open (gui.db_path, NULL);
  const char *dates[] = { "2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02", "2026-01-03" };
  KjDateBar *date_bar;
  GtkCalendar *calendar;
  GtkLabel *caption;
  GtkWidget *popover;
  GtkWidget *buttons[8];
  guint n_buttons = 0;
  int year, month;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(KjDay) day = kj_day_new (dates[i]);

      day->pain = 2 + i;
      g_assert_true (kj_store_save_day (store, day, NULL));
    }
  kj_window_reload (window);
  kj_window_show_page (window, "today");
  kj_window_show_day (window, "2025-12-31");
  kj_test_settle ();
  date_bar = KJ_DATE_BAR (kj_test_find_widget (GTK_WIDGET (page), KJ_TYPE_DATE_BAR, NULL));
  calendar = kj_date_bar_get_calendar (date_bar);
  caption = kj_date_bar_get_calendar_caption (date_bar);
  popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);
  gtk_popover_popup (GTK_POPOVER (popover));
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, calendar));
  kj_test_settle ();
  g_test_message ("December: %s", gtk_label_get_text (caption));
  kj_test_save_screenshot (popover, "daily-habit-calendar-december");

  /* GTK 4.8: the header's buttons: month back, month on, year back, year on */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (calendar)); w != NULL; w = gtk_widget_get_next_sibling (w))
    for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_BUTTON (c) && n_buttons < G_N_ELEMENTS (buttons))
        buttons[n_buttons++] = c;
  g_test_message ("%u header buttons", n_buttons);
  g_assert_cmpuint (n_buttons, >=, 2);
  g_signal_emit_by_name (buttons[1], "clicked");
  kj_test_settle ();
  g_object_get (calendar, "year", &year, "month", &month, NULL);
  g_test_message ("now %d-%02d: %s; popover shown %d, page %s", year, month + 1, gtk_label_get_text (caption),
                  gtk_widget_get_visible (popover), kj_today_page_get_date (page));
  kj_test_save_screenshot (popover, "daily-habit-calendar-january");
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (month, ==, 0);
  if (g_strcmp0 (g_getenv ("KJ_TEST_LANGUAGE"), "de") != 0)
    g_assert_true (g_str_has_prefix (gtk_label_get_text (caption), "3 days logged"));
  for (int d = 1; d <= 31; d++)
    g_assert_cmpint (gtk_calendar_get_day_is_marked (calendar, d), ==, d <= 3);
  {
    g_autoptr(GString) styled = g_string_new (NULL);
    gboolean shown_after_arrow;
    char page_after_arrow[11];

    styled_days (GTK_WIDGET (calendar), styled);
    g_test_message ("January's day labels styled as logged: %s", styled->str);
    g_assert_cmpstr (styled->str, ==, "1 2 3");
    /* back to December: January's 1, 2 and 3 are not December's */
    g_signal_emit_by_name (buttons[0], "clicked");
    kj_test_settle ();
    g_string_truncate (styled, 0);
    styled_days (GTK_WIDGET (calendar), styled);
    g_test_message ("back in December: %s (%s)", styled->str, gtk_label_get_text (caption));
    kj_test_save_screenshot (popover, "daily-habit-calendar-december-again");
    /* the month arrow again, from the 31st to November (30 days): the popover
     * should stay open on November, the page on its day */
    g_signal_emit_by_name (buttons[0], "clicked");
    kj_test_settle ();
    shown_after_arrow = gtk_widget_get_visible (popover);
    g_strlcpy (page_after_arrow, kj_today_page_get_date (page), sizeof page_after_arrow);
    g_test_message ("after the arrow to November: popover shown %d, page %s", shown_after_arrow, page_after_arrow);

    /* December shows its own marks only; the arrow browses: the popover stays
     * open, the page on its day */
    g_assert_cmpstr (styled->str, ==, "30 31");
    g_assert_true (shown_after_arrow);
    g_assert_cmpstr (page_after_arrow, ==, "2025-12-31");
  }
  gtk_popover_popdown (GTK_POPOVER (popover));
  kj_test_settle ();
}

/* History's search with odd input: nothing crashes, umlauts fold */
static void
test_search_odd (void)
{
  g_autoptr(KjStore) store = kj_store_open (gui.db_path, NULL);
  g_autoptr(KjDay) day = NULL;
  KjHistoryPage *history = kj_window_get_history_page (window);
  GListModel *model = kj_history_page_get_model (history);
  char d[11];
  g_autoptr(GString) longq = g_string_new (NULL);
  const char *queries[] = { "knochel", "Knöchel", "KNÖCHEL", "kno\xcc\x88" "chel", "(.*", "[", "%s%n", "\\", "*",
                            "\xcc\x88", "knoechel" };

  day_offset (-5, d);
  day = kj_day_new (d);
  day->pain = 3;
  g_free (day->notes);
  day->notes = g_strdup ("Knöchel geschwollen (.*) [x]");
  g_assert_true (kj_store_save_day (store, day, NULL));
  kj_window_reload (window);
  kj_window_show_page (window, "history");
  kj_test_settle ();

  for (guint i = 0; i < 20000; i++)
    g_string_append (longq, "ä");
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      kj_history_page_set_search (history, queries[i], FALSE);
      kj_test_settle ();
      g_test_message ("search “%s”: %u days", queries[i], g_list_model_get_n_items (model));
    }
  kj_history_page_set_search (history, longq->str, FALSE);
  kj_test_settle ();
  g_test_message ("search of 20000 ä: %u days", g_list_model_get_n_items (model));
  kj_history_page_set_search (history, "Knöchel", FALSE);
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "daily-habit-search-knoechel");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  kj_history_page_set_search (history, "knochel", FALSE);
  kj_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  /* regular-expression characters are plain text: the note holds “(.*)” and “[x]” */
  kj_history_page_set_search (history, "(.*", FALSE);
  kj_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  kj_history_page_set_search (history, "[x", FALSE);
  kj_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  kj_history_page_set_search (history, longq->str, FALSE);
  kj_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  kj_history_page_set_search (history, "", FALSE);
  kj_test_settle ();
  kj_window_show_page (window, "today");
}


/* “Yesterday is not logged.” stays after yesterday is logged another way:
 * Alt+← (the day before) and a pain, as a user does instead of the banner's button */
static void
test_missed_day_stale (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *today = kj_date_today ();
  KjMissedDay *missed;
  char y[11];

  day_offset (-1, y);
  ensure_day (-5, 3);
  g_settings_set_string (settings, "missed-day-offered", "");
  kj_window_reload (window);
  kj_window_show_page (window, "today");
  kj_window_show_day (window, today);
  kj_test_settle ();
  missed = KJ_MISSED_DAY (kj_test_find_widget (GTK_WIDGET (page), KJ_TYPE_MISSED_DAY, NULL));
  g_assert_nonnull (missed);
  g_assert_cmpstr (kj_missed_day_get_date (missed), ==, y);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-day", NULL));
  kj_test_settle ();
  g_assert_cmpstr (kj_today_page_get_date (page), ==, y);
  g_signal_emit_by_name (kj_test_find_pain_button (GTK_WIDGET (page), 4), "clicked");
  kj_test_settle ();
  g_assert_nonnull (kj_today_page_get_day (page));
  kj_test_save_screenshot (GTK_WIDGET (window), "daily-habit-missed-day-stale");
  /* yesterday is logged: the offer to log it should be gone */
  g_assert_null (kj_missed_day_get_date (missed));
}

int
main (int   argc,
      char *argv[])
{
  /* one zone for the reminder service and the window */
  g_setenv ("TZ", "UTC", TRUE);
  kj_test_set_language ();
  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  /* the default journal, so that Preferences shows the reminder */
  g_free (gui.db_path);
  gui.db_path = kj_store_default_path ();
  {
    g_autofree char *dir = g_path_get_dirname (gui.db_path);

    g_mkdir_with_parents (dir, 0700);
  }
  window = kj_test_gui_open (&gui, NULL, 1000, 800);
  page = kj_window_get_today_page (window);
  g_signal_connect (page, "toast", G_CALLBACK (page_toast), NULL);

  g_test_add_func ("/daily-habit/routine-then-treatment", test_routine_then_treatment);
  g_test_add_func ("/daily-habit/routine-undo-after-day-change", test_routine_undo_after_day_change);
  g_test_add_func ("/daily-habit/routine-damaged-yesterday", test_routine_damaged_yesterday);
  g_test_add_func ("/daily-habit/calendar-year-end", test_calendar_year_end);
  g_test_add_func ("/daily-habit/search-odd", test_search_odd);
  g_test_add_func ("/daily-habit/missed-day-stale", test_missed_day_stale);

  return kj_test_gui_finish (&gui, g_test_run ());
}
