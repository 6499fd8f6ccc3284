/* test-month-map.c — the calendar of logged days: the Today page's date popover and History's month map, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kj-date-bar.h"
#include "kj-history-page.h"
#include "kj-month-map.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-window.h"

static KjTestGui gui;
static KjWindow *window;
static KjHistoryPage *history;
static KjMonthMap *map;
static KjDateBar *date_bar;

/* The month two months before today's, which is over and holds no day of the streak */
static int year, month;
static char today[11];

/* The month's entries: day, pain, symptom */
static const struct {
  int         day;
  int         pain;
  const char *symptom;
} entries[] = {
  { 3, 5, NULL },
  { 5, 8, "locking" },       /* urgent */
  { 10, 2, NULL },
  { 17, 6, "giving-way" },   /* soon */
  { 20, 0, NULL },
};

static void
date_of (int  day,
         char out[11])
{
  g_snprintf (out, 11, "%04d-%02d-%02d", year, month, day);
}

static char *
format_day (int         day,
            const char *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, 12, 0, 0);

  return g_date_time_format (dt, format);
}

static KjJournal *
make_journal (void)
{
  KjJournal *journal = kj_journal_new ();

  journal->profile = kj_profile_new ();
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      char date[11];
      KjDay *day;

      date_of (entries[i].day, date);
      day = kj_day_new (date);
      day->id = g_uuid_string_random ();
      day->pain = entries[i].pain;
      if (entries[i].symptom != NULL)
        g_ptr_array_add (day->symptoms, (gpointer) kj_code_lookup (KJ_CODE_SYMPTOM, entries[i].symptom));
      g_ptr_array_add (journal->days, day);
    }

  /* the three days before today: a streak of 3, today not logged yet */
  for (int i = 3; i >= 1; i--)
    {
      char date[11];
      KjDay *day;

      kj_date_add_days (today, -i, date);
      day = kj_day_new (date);
      day->id = g_uuid_string_random ();
      day->pain = 3;
      g_ptr_array_add (journal->days, day);
    }

  return journal;
}

static gboolean
is_logged (int day)
{
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (entries[i].day == day)
      return TRUE;

  return FALSE;
}

/* Offers @keyval to the focused widget's key controllers and its ancestors', as GTK's bubble phase does */
static void
press_key (guint keyval)
{
  gboolean handled = FALSE;

  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (window)); w != NULL && !handled; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
              gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_BUBBLE)
            g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
        }
    }
  g_assert_true (handled);
  kj_test_settle ();
}

/* The day labels of GtkCalendar (GTK 4.8) with @css_class */
static guint
count_days_with_class (GtkWidget  *widget,
                       const char *css_class)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, css_class)) +
         count_days_with_class (child, css_class);

  return n;
}

static void
assert_marks (GtkCalendar *calendar,
              const char  *prefix)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  KjStore *store = kj_application_get_store (gui.app);
  gboolean marked[32] = { FALSE };
  int y, m;

  g_object_get (calendar, "year", &y, "month", &m, NULL);
  {
    g_autofree char *shown = g_strdup_printf ("%04d-%02d", y, m + 1);

    g_assert_cmpstr (shown, ==, prefix);
  }
  days = kj_store_list_days (store, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < days->len; i++)
    {
      const char *date = ((KjDay *) days->pdata[i])->date;

      if (g_str_has_prefix (date, prefix))
        marked[atoi (date + 8)] = TRUE;
    }
  for (guint d = 1; d <= 31; d++)
    {
      g_test_message ("%s-%02u", prefix, d);
      g_assert_cmpint (gtk_calendar_get_day_is_marked (calendar, d), ==, marked[d]);
    }
}

/* The date popover marks exactly the logged days of the month it shows, says the red-flag days in words, and
 * follows a month change and a day stored or deleted */
static void
test_date_popover (void)
{
  GtkCalendar *calendar = kj_date_bar_get_calendar (date_bar);
  GtkLabel *caption = kj_date_bar_get_calendar_caption (date_bar);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);
  KjTodayPage *today_page = kj_window_get_today_page (window);
  g_autofree char *red_flags = NULL;
  g_autofree char *fifth = format_day (5, "%-d %b");
  g_autofree char *seventeenth = format_day (17, "%-d %b");
  char prefix[8], date[11];
  int y, m;

  g_snprintf (prefix, sizeof prefix, "%04d-%02d", year, month);
  date_of (12, date);
  kj_window_show_page (window, "today");
  kj_window_show_day (window, date);
  kj_test_settle ();
  gtk_popover_popup (GTK_POPOVER (popover));
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, calendar));
  kj_test_settle ();

  assert_marks (calendar, prefix);
  for (int d = 1; d <= 31; d++)
    g_assert_cmpint (gtk_calendar_get_day_is_marked (calendar, d), ==, is_logged (d));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (caption)));
  red_flags = g_strdup_printf ("5 days logged this month\nRed flags on %s, %s", fifth, seventeenth);
  /* GTK 4.8 shows no marks of its own: the logged and red-flag days' numbers are styled */
  g_assert_cmpuint (count_days_with_class (GTK_WIDGET (calendar), "kj-logged-day"), ==, 5);
  g_assert_cmpuint (count_days_with_class (GTK_WIDGET (calendar), "kj-red-flag-day"), ==, 2);
  g_assert_cmpstr (gtk_label_get_text (caption), ==, red_flags);

  kj_test_save_screenshot (popover, "calendar-popover");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  kj_test_settle ();
  kj_test_save_screenshot (popover, "calendar-popover-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* a day stored while the calendar is open is marked at once; deleted, it is not */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today_page), "today.log-pain", "u", 4));
  kj_test_settle ();
  g_assert_true (gtk_calendar_get_day_is_marked (calendar, 12));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today_page), "today.delete-entry", NULL));
  kj_test_settle ();
  g_assert_false (gtk_calendar_get_day_is_marked (calendar, 12));
  assert_marks (calendar, prefix);

  /* the next month: its own logged days, read when the calendar turns to it */
  g_object_get (calendar, "year", &y, "month", &m, NULL);
  m++;
  if (m == 12)
    m = 0, y++;
  g_object_set (calendar, "year", y, "month", m, NULL);
  kj_test_settle ();
  g_snprintf (prefix, sizeof prefix, "%04d-%02d", y, m + 1);
  assert_marks (calendar, prefix);
  g_assert_null (strstr (gtk_label_get_text (caption), "Red flag"));

  gtk_popover_popdown (GTK_POPOVER (popover));
  kj_test_settle ();
}

static void
assert_cell (int         day,
             const char *pain_class,
             gboolean    red_flag,
             const char *name)
{
  char date[11];
  GtkWidget *cell;

  date_of (day, date);
  cell = kj_month_map_get_day_cell (map, date);
  g_assert_nonnull (cell);
  g_test_message ("%s: %s", date, gtk_widget_get_tooltip_text (cell));
  g_assert_true (gtk_widget_has_css_class (cell, pain_class));
  g_assert_cmpint (gtk_widget_has_css_class (cell, "kj-red-flag-day"), ==, red_flag);
  /* the name a screen reader hears is also the tooltip */
  if (name != NULL)
    g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, name);
}

/* History's month map: logged, unlogged and red-flag days, their names, the month in words, the streak */
static void
test_month_map (void)
{
  g_autofree char *title = format_day (1, "%B %Y");
  g_autofree char *summary = NULL;
  g_autofree char *third = format_day (3, "%A, %-d %B %Y: pain 5");
  g_autofree char *fourth = format_day (4, "%A, %-d %B %Y: not logged");
  g_autofree char *fifth = format_day (5, "%A, %-d %B %Y: pain 8, red flag");
  g_autofree char *seventeenth = format_day (17, "%A, %-d %B %Y: pain 6, red flag");
  int n_focusable = 0;

  kj_window_show_page (window, "history");
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, history));
  kj_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (map)));

  /* the streak: three days up to yesterday, today not logged yet */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (kj_month_map_get_streak_label (map))));
  g_assert_cmpstr (gtk_label_get_text (kj_month_map_get_streak_label (map)), ==, "Logged 3 days in a row");

  kj_month_map_show_month (map, year, month);
  kj_test_settle ();
  assert_cell (3, "kj-pain-moderate", FALSE, third);
  assert_cell (4, "kj-not-logged", FALSE, fourth);
  assert_cell (5, "kj-pain-severe", TRUE, fifth);
  assert_cell (17, "kj-pain-high", TRUE, seventeenth);
  assert_cell (20, "kj-pain-low", FALSE, NULL);

  summary = g_strdup_printf ("%s: 5 of %d days logged, average pain 4.2, red flags on 2 days", title,
                             g_date_get_days_in_month (month, year));
  g_assert_cmpstr (kj_month_map_get_summary (map), ==, summary);

  /* one Tab stop: a single focusable day */
  for (int d = 1; d <= g_date_get_days_in_month (month, year); d++)
    {
      char date[11];

      date_of (d, date);
      n_focusable += gtk_widget_get_focusable (kj_month_map_get_day_cell (map, date));
    }
  g_assert_cmpint (n_focusable, ==, 1);

  kj_test_save_screenshot (GTK_WIDGET (window), "history-month-map");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "history-month-map-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  kj_test_settle ();
}

static gboolean
today_shows (gpointer date)
{
  return g_str_equal (kj_today_page_get_date (kj_window_get_today_page (window)), date);
}

/* The keyboard: arrows move the focus between days, Page Down turns the month, Enter opens the day on Today */
static void
test_month_map_keyboard (void)
{
  char date[11];
  GtkWidget *cell;
  int y, m;

  kj_window_show_page (window, "history");
  kj_month_map_show_month (map, year, month);
  kj_test_settle ();

  /* the Tab stop, then the 10th: Home, then → nine times */
  for (int d = 1; d <= 31; d++)
    {
      date_of (d, date);
      cell = kj_month_map_get_day_cell (map, date);
      if (cell != NULL && gtk_widget_get_focusable (cell))
        break;
    }
  g_assert_true (gtk_widget_grab_focus (cell));
  press_key (GDK_KEY_Home);
  for (int i = 0; i < 9; i++)
    press_key (GDK_KEY_Right);
  date_of (10, date);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == kj_month_map_get_day_cell (map, date));
  press_key (GDK_KEY_Down);
  date_of (17, date);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == kj_month_map_get_day_cell (map, date));
  g_assert_true (gtk_widget_get_focusable (kj_month_map_get_day_cell (map, date)));
  date_of (10, date);
  g_assert_false (gtk_widget_get_focusable (kj_month_map_get_day_cell (map, date)));

  /* Page Down: the 17th of the next month */
  press_key (GDK_KEY_Page_Down);
  kj_month_map_get_month (map, &y, &m);
  g_assert_cmpint (y * 12 + m, ==, year * 12 + month + 1);
  {
    g_autofree char *next = g_strdup_printf ("%04d-%02d-17", y, m);

    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == kj_month_map_get_day_cell (map, next));
  }
  press_key (GDK_KEY_Page_Up);
  kj_month_map_get_month (map, &y, &m);
  g_assert_cmpint (y * 12 + m, ==, year * 12 + month);

  /* Enter: the focused day opens on Today */
  date_of (17, date);
  cell = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (cell == kj_month_map_get_day_cell (map, date));
  g_assert_true (gtk_widget_activate (cell));
  /* a button activated from the keyboard clicks once its pressed look is shown */
  g_assert_true (kj_test_wait_until (today_shows, date));
  g_assert_cmpstr (kj_today_page_get_date (kj_window_get_today_page (window)), ==, date);
  g_assert_nonnull (kj_today_page_get_day (kj_window_get_today_page (window)));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *now = NULL;
  g_autoptr(KjJournal) journal = NULL;
  GDate d;

  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  now = kj_date_today ();
  g_strlcpy (today, now, sizeof today);
  g_assert_true (kj_date_to_gdate (today, &d));
  g_date_set_day (&d, 1);
  g_date_subtract_months (&d, 2);
  year = g_date_get_year (&d);
  month = g_date_get_month (&d);

  journal = make_journal ();
  window = kj_test_gui_open (&gui, journal, 900, 900);
  history = kj_window_get_history_page (window);
  map = kj_history_page_get_month_map (history);
  date_bar = KJ_DATE_BAR (kj_test_find_widget (GTK_WIDGET (kj_window_get_today_page (window)), KJ_TYPE_DATE_BAR,
                                               NULL));
  g_assert_nonnull (date_bar);

  g_test_add_func ("/month-map/date-popover", test_date_popover);
  g_test_add_func ("/month-map/map", test_month_map);
  g_test_add_func ("/month-map/keyboard", test_month_map_keyboard);

  return kj_test_gui_finish (&gui, g_test_run ());
}
