/* test-start.c — the window's start: its first frame shows the first page, the rest follows, in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first frame holds only what the first screen shows (doc/testing.md,
 * “Benchmarks”: the start is measured against a hello world): the page shown
 * with the day's data. History and Trends are made, the Today page's
 * sections below its first screen shown, when the main loop is idle after
 * that frame, and the daily backup starts a moment later. Each test opens a
 * window of its own and checks what its first frame held.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kj-application.h"
#include "kj-backup.h"
#include "kj-date-bar.h"
#include "kj-day-records.h"
#include "kj-day-symptoms.h"
#include "kj-gen.h"
#include "kj-gtk-util.h"
#include "kj-history-page.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-today-page.h"
#include "kj-trends-page.h"
#include "kj-window.h"

static KjTestGui gui;

/* What the window held when its first frame was drawn */
typedef struct
{
  gboolean painted;
  gboolean had_history;    /* a History page anywhere in the window */
  gboolean had_trends;
  gboolean had_shortcuts;  /* the shortcuts window (Ctrl+?) built */
  gboolean had_calendar;   /* the date bar's calendar made */
  gboolean had_symptoms;   /* the Today page's symptoms made (below its first screen) */
  gboolean had_notes;      /* its notes made */
  gboolean had_quick_pain; /* the pain buttons of a day without an entry made */
  gboolean had_bar_pages;  /* the bottom view switcher bar, for a narrow window, given the pages */
  gboolean diagram_shown;  /* the knee diagram, on the first screen */
  double   pain;           /* the pain on the Today page */
  guint    history_days;   /* the days History showed, when it was the page shown */
} FirstFrame;

static void
after_first_paint (GdkFrameClock *clock,
                   gpointer       data)
{
  FirstFrame *first = data;
  KjWindow *window = g_object_get_data (G_OBJECT (clock), "kj-test-window");
  GtkWidget *root = GTK_WIDGET (window);
  KjTodayPage *today = kj_window_get_today_page (window);
  GtkWidget *history = kj_test_find_widget (root, KJ_TYPE_HISTORY_PAGE, NULL);

  if (first->painted)
    return;
  first->painted = TRUE;
  first->had_history = history != NULL;
  first->had_trends = kj_test_find_widget (root, KJ_TYPE_TRENDS_PAGE, NULL) != NULL;
  first->had_shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) != NULL;
  first->had_calendar = kj_test_find_widget (root, GTK_TYPE_CALENDAR, NULL) != NULL;
  first->had_symptoms = kj_test_find_widget (root, KJ_TYPE_DAY_SYMPTOMS, NULL) != NULL;
  first->had_notes = kj_test_find_widget (root, GTK_TYPE_TEXT_VIEW, NULL) != NULL;
  first->had_quick_pain = kj_test_find_widget (root, GTK_TYPE_BUTTON, "3") != NULL;
  first->had_bar_pages = adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (kj_test_find_widget (root, ADW_TYPE_VIEW_SWITCHER_BAR, NULL))) != NULL;
  first->diagram_shown = gtk_widget_get_mapped (GTK_WIDGET (kj_today_page_get_diagram (today)));
  first->pain = gtk_adjustment_get_value (kj_today_page_get_pain_adjustment (today));
  if (history != NULL && gtk_widget_get_mapped (history))
    first->history_days = g_list_model_get_n_items (kj_history_page_get_model (KJ_HISTORY_PAGE (history)));
}

static gboolean
is_painted (gpointer data)
{
  return ((FirstFrame *) data)->painted;
}

/* Starts the application on the test's journal, watching its first frame. */
static KjWindow *
start (FirstFrame *first)
{
  GtkWindow *window;
  GdkFrameClock *clock;

  g_application_activate (G_APPLICATION (gui.app));

  /* presented and realized, not drawn yet: that needs the main loop */
  window = gtk_application_get_active_window (GTK_APPLICATION (gui.app));
  g_assert_true (KJ_IS_WINDOW (window));
  g_assert_true (gtk_widget_get_realized (GTK_WIDGET (window)));
  clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));
  g_object_set_data (G_OBJECT (clock), "kj-test-window", window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_first_paint), first);

  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, window));
  g_assert_true (kj_test_wait_until (is_painted, first));
  g_signal_handlers_disconnect_by_func (clock, after_first_paint, first);

  return KJ_WINDOW (window);
}

/* The application stays, with its journal: the next launch opens a new window. */
static void
stop (KjWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();
}

static gboolean
backup_is_made (gpointer path)
{
  g_autoptr(GPtrArray) backups = kj_backup_list (path);

  return backups != NULL && backups->len > 0;
}

/* A journal of 60 days to today, each with a pain entry */
static void
write_journal (void)
{
  g_autofree char *today = kj_date_today ();
  g_autoptr(KjJournal) journal = kj_gen_journal (3, 60, "improving", today, NULL);

  kj_test_store_journal (gui.db_path, journal);
}

/* Today's pain as stored */
static double
stored_pain (void)
{
  g_autofree char *today = kj_date_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KjStore) store = kj_store_open (gui.db_path, &error);
  g_autoptr(KjDay) day = kj_store_get_day (store, today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (day);
  return day->pain;
}

/* The first frame: Today with the day's pain; History, Trends and the
 * sections below the first screen after it; the backup a moment later. */
static void
test_start_today_first (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  FirstFrame first = { 0 };
  KjWindow *window;
  KjHistoryPage *history;
  double pain;

  pain = stored_pain ();
  g_settings_set_string (settings, "last-page", "today");

  window = start (&first);
  g_assert_true (first.diagram_shown);
  g_assert_cmpfloat (first.pain, ==, pain);
  g_assert_false (first.had_history);
  g_assert_false (first.had_trends);
  g_assert_false (first.had_shortcuts);
  g_assert_false (first.had_calendar);
  g_assert_false (first.had_symptoms);
  g_assert_false (first.had_notes);
  /* a logged day: the buttons that ask for its pain are not needed */
  g_assert_false (first.had_quick_pain);
  /* a wide window: the bottom bar is hidden */
  g_assert_false (first.had_bar_pages);
  /* no backup yet: it would share the two cores with the first frame */
  g_assert_false (backup_is_made (gui.db_path));

  /* then the rest, without anything asked: the symptoms above the
   * treatments and runs, the notes and the delete button below them */
  g_assert_true (kj_test_wait_until (kj_test_today_rest_is_shown, kj_window_get_today_page (window)));
  {
    GtkWidget *symptoms = kj_test_find_widget (GTK_WIDGET (kj_window_get_today_page (window)), KJ_TYPE_DAY_SYMPTOMS,
                                               NULL);
    GtkWidget *scroller = gtk_widget_get_ancestor (symptoms, GTK_TYPE_SCROLLED_WINDOW);
    GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
    GtkWidget *records = kj_test_find_widget (content, KJ_TYPE_DAY_RECORDS, NULL);
    GtkWidget *notes = kj_test_find_widget (content, GTK_TYPE_TEXT_VIEW, NULL);
    GtkWidget *delete = kj_test_find_widget (content, GTK_TYPE_BUTTON, "_Delete This Day’s Entry");
    graphene_point_t top[4];

    g_assert_nonnull (records);
    g_assert_nonnull (notes);
    g_assert_nonnull (delete);

    kj_test_settle ();
    g_assert_true (gtk_widget_compute_point (symptoms, content, &GRAPHENE_POINT_INIT (0, 0), &top[0]));
    g_assert_true (gtk_widget_compute_point (records, content, &GRAPHENE_POINT_INIT (0, 0), &top[1]));
    g_assert_true (gtk_widget_compute_point (notes, content, &GRAPHENE_POINT_INIT (0, 0), &top[2]));
    g_assert_true (gtk_widget_compute_point (delete, content, &GRAPHENE_POINT_INIT (0, 0), &top[3]));
    g_assert_cmpfloat (top[0].y, <, top[1].y);
    g_assert_cmpfloat (top[1].y, <, top[2].y);
    g_assert_cmpfloat (top[2].y, <, top[3].y);
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

      gtk_adjustment_set_value (adjustment, top[0].y);
      kj_test_settle ();
      kj_test_save_screenshot (GTK_WIDGET (window), "start-today-rest");
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      kj_test_settle ();
      kj_test_save_screenshot (GTK_WIDGET (window), "start-today-rest-end");
      gtk_adjustment_set_value (adjustment, 0);
    }
  }
  g_assert_true (kj_test_wait_until (kj_test_history_is_made, window));
  g_assert_true (kj_test_wait_until (kj_test_shortcuts_are_made, window));
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (gui.app), "win.show-help-overlay");

    g_assert_cmpstrv (accels, ((const char *[]) { "<Control>question", NULL }));
  }

  /* the calendar, made when it first opens, shows the page's day */
  {
    GtkWidget *date_bar = kj_test_find_widget (GTK_WIDGET (window), KJ_TYPE_DATE_BAR, NULL);
    GtkWidget *button = kj_test_find_widget (date_bar, GTK_TYPE_MENU_BUTTON, NULL);
    g_autoptr(GDateTime) shown = NULL;
    g_autofree char *date = NULL;
    GtkWidget *calendar;

    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    kj_test_settle ();
    calendar = kj_test_find_widget (date_bar, GTK_TYPE_CALENDAR, NULL);
    g_assert_nonnull (calendar);
    g_assert_true (gtk_widget_get_mapped (calendar));
    g_assert_true (GTK_WIDGET (kj_date_bar_get_calendar (KJ_DATE_BAR (date_bar))) == calendar);
    shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));
    date = g_date_time_format (shown, "%Y-%m-%d");
    g_assert_cmpstr (date, ==, kj_today_page_get_date (kj_window_get_today_page (window)));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  }

  history = kj_window_get_history_page (window);
  kj_window_show_page (window, "history");
  kj_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (kj_history_page_get_model (history)), ==, 60);
  g_assert_true (kj_test_wait_until (backup_is_made, gui.db_path));
  kj_test_save_screenshot (GTK_WIDGET (window), "start-history-after");

  stop (window);
}

/* The window opens on History, the page shown last: that page is in the
 * first frame, with the journal's days. */
static void
test_start_history_first (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  FirstFrame first = { 0 };
  KjWindow *window;

  g_settings_set_string (settings, "last-page", "history");

  window = start (&first);
  g_assert_true (first.had_history);
  g_assert_cmpuint (first.history_days, ==, 60);
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "start-history-first");
  g_settings_set_string (settings, "last-page", "today");

  stop (window);
}

/* Asked for before the main loop ran: History and Trends are made at once,
 * with the journal, and the Today page's pain stays as it was. */
static void
test_start_pages_asked_early (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  KjWindow *window;
  KjTrendsPage *trends;

  g_settings_set_string (settings, "last-page", "today");
  g_application_activate (G_APPLICATION (gui.app));
  window = KJ_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (gui.app)));

  trends = kj_window_get_trends_page (window);
  g_assert_nonnull (trends);
  kj_window_show_page (window, "trends");
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, trends));
  kj_test_settle ();
  g_assert_nonnull (kj_trends_page_get_assessment (trends));
  g_assert_cmpuint (kj_trends_page_get_assessment (trends)->entries, ==, 60);

  stop (window);
}

/* A treatment stored by another program while History is shown: Today's
 * records, not shown then, are read when they are, and an action on them
 * before that finds it too. */
static void
test_start_records_when_shown (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *today = kj_date_today ();
  g_autoptr(KjTreatment) heat = kj_treatment_new (today, "heat");
  g_autoptr(KjTreatment) cold = kj_treatment_new (today, "ice");
  g_autoptr(GError) error = NULL;
  KjWindow *window;
  GtkWidget *page;

  g_settings_set_string (settings, "last-page", "today");
  g_application_activate (G_APPLICATION (gui.app));
  window = KJ_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (gui.app)));
  page = GTK_WIDGET (kj_window_get_today_page (window));
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, window));
  g_assert_true (kj_test_wait_until (kj_test_today_rest_is_shown, page));
  kj_window_show_page (window, "history");
  kj_test_settle ();

  heat->minutes = 17;
  cold->minutes = 13;
  {
    g_autoptr(KjStore) other = kj_store_open (gui.db_path, &error);

    g_assert_no_error (error);
    g_assert_true (kj_store_save_treatment (other, heat, &error));
    g_assert_true (kj_store_save_treatment (other, cold, &error));
    g_assert_no_error (error);
  }
  kj_window_reload (window);
  kj_test_settle ();

  /* deleted from the Today page's action while History is shown */
  g_assert_true (gtk_widget_activate_action (page, "today.delete-treatment", "s", cold->id));
  kj_test_settle ();
  {
    g_autoptr(GPtrArray) stored = kj_store_list_treatments (kj_application_get_store (gui.app), today, today, &error);
    gboolean has_heat = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < stored->len; i++)
      {
        const KjTreatment *t = g_ptr_array_index (stored, i);

        g_assert_cmpstr (t->id, !=, cold->id);
        has_heat = has_heat || g_strcmp0 (t->id, heat->id) == 0;
      }
    g_assert_true (has_heat);
  }

  kj_window_show_page (window, "today");
  kj_test_settle ();
  g_assert_nonnull (kj_test_find_label (page, "17 min"));
  g_assert_null (kj_test_find_label (page, "13 min"));

  stop (window);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

/* kj_gtk_set_tooltip_text(): GTK 4.8 asks the X server where the pointer is
 * for every tooltip set on a visible widget (about 0.5 ms, 84 times before
 * the first frame); the helper sets it while the widget is hidden, where it
 * can be. What a user and a screen reader see does not change. */
static void
test_start_tooltips (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *focused = gtk_button_new_with_label ("Focused");
  g_autoptr(GtkWidget) loose = g_object_ref_sink (gtk_button_new_with_label ("Loose"));
  guint tooltip_notifies = 0;
  guint visible_notifies = 0;

  /* a widget in no window: set, shown again */
  g_signal_connect (loose, "notify::tooltip-text", G_CALLBACK (count_notify), &tooltip_notifies);
  kj_gtk_set_tooltip_text (loose, "Left knee, front: Kneecap");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (loose), ==, "Left knee, front: Kneecap");
  g_assert_true (gtk_widget_get_visible (loose));
  g_assert_true (gtk_widget_get_has_tooltip (loose));
  g_assert_cmpuint (tooltip_notifies, ==, 1);
  /* the same text again is not set again; none clears it */
  kj_gtk_set_tooltip_text (loose, "Left knee, front: Kneecap");
  g_assert_cmpuint (tooltip_notifies, ==, 1);
  kj_gtk_set_tooltip_text (loose, NULL);
  g_assert_null (gtk_widget_get_tooltip_text (loose));
  g_assert_false (gtk_widget_get_has_tooltip (loose));
  g_assert_true (gtk_widget_get_visible (loose));
  /* a hidden widget stays hidden */
  gtk_widget_set_visible (loose, FALSE);
  kj_gtk_set_tooltip_text (loose, "Hidden");
  g_assert_false (gtk_widget_get_visible (loose));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (loose), ==, "Hidden");

  /* a widget on screen, holding the focus: set as GTK does, never hidden */
  gtk_box_append (GTK_BOX (box), focused);
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Other"));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, window));
  gtk_widget_grab_focus (focused);
  g_signal_connect (focused, "notify::visible", G_CALLBACK (count_notify), &visible_notifies);
  kj_gtk_set_tooltip_text (focused, "Pain 3 of 10");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (focused), ==, "Pain 3 of 10");
  g_assert_cmpuint (visible_notifies, ==, 0);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focused);

  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();

  /* a window's default widget on a page not shown stays its default */
  {
    GtkWidget *stack = gtk_stack_new ();
    GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    window = gtk_window_new ();
    focused = gtk_button_new_with_label ("Default");
    gtk_box_append (GTK_BOX (page), focused);
    gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("Shown"), "shown");
    gtk_stack_add_named (GTK_STACK (stack), page, "other");
    gtk_stack_set_visible_child_name (GTK_STACK (stack), "shown");
    gtk_window_set_child (GTK_WINDOW (window), stack);
    gtk_window_present (GTK_WINDOW (window));
    g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, window));
    gtk_window_set_default_widget (GTK_WINDOW (window), focused);
    g_assert_false (gtk_widget_get_mapped (focused));
    kj_gtk_set_tooltip_text (focused, "Save");
    g_assert_cmpstr (gtk_widget_get_tooltip_text (focused), ==, "Save");
    g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (window)) == focused);
    gtk_window_destroy (GTK_WINDOW (window));
    kj_test_settle ();
  }
}

/* kj_gtk_set_tooltip_text() on a window not shown yet: a widget holding
 * (or containing) its default widget and one containing its focus are what
 * they were, as gtk_widget_set_tooltip_text() leaves them (GTK's hiding of a
 * widget unsets a default or focus inside it). */
static void
test_start_tooltips_default (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *save = gtk_button_new_with_label ("Save");
  GtkWidget *name = gtk_button_new_with_label ("Name");
  GtkWidget *name_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (row), save);
  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (name_box), name);
  gtk_box_append (GTK_BOX (box), name_box);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_widget (GTK_WINDOW (window), save);
  gtk_window_set_focus (GTK_WINDOW (window), name);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == name);

  /* the focus's container: kept */
  kj_gtk_set_tooltip_text (name_box, "Where the name goes");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == name);
  g_assert_true (gtk_widget_get_visible (name_box));

  /* the default button, and a row holding it: Enter still saves */
  kj_gtk_set_tooltip_text (save, "Save the day");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (save), ==, "Save the day");
  g_assert_true (gtk_widget_get_visible (save));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (window)) == save);
  kj_gtk_set_tooltip_text (row, "The dialog's buttons");
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (window)) == save);

  gtk_window_destroy (GTK_WINDOW (window));
  kj_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  write_journal ();
  gui.app = kj_application_new (gui.db_path);
  g_assert_true (g_application_register (G_APPLICATION (gui.app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/start/today-first", test_start_today_first);
  g_test_add_func ("/start/history-first", test_start_history_first);
  g_test_add_func ("/start/pages-asked-early", test_start_pages_asked_early);
  g_test_add_func ("/start/records-when-shown", test_start_records_when_shown);
  g_test_add_func ("/start/tooltips", test_start_tooltips);
  g_test_add_func ("/start/tooltips-default", test_start_tooltips_default);

  return kj_test_gui_finish (&gui, g_test_run ());
}
