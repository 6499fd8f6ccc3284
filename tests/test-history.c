/* test-history.c — the History page in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kj-application.h"
#include "kj-day-object.h"
#include "kj-gen.h"
#include "kj-history-page.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-preferences-window.h"
#include "kj-search.h"
#include "kj-window.h"

static KjTestGui gui;
static KjApplication *app;
static KjWindow *window;
static KjHistoryPage *page;
static KjJournal *journal;

static const char *
date_at (GListModel *model,
         guint       position)
{
  g_autoptr(KjDayObject) object = g_list_model_get_item (model, position);

  return kj_day_object_get_day (object)->date;
}

static void
test_history_list (void)
{
  GListModel *model;
  guint n;

  kj_window_show_page (window, "history");
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, page));
  kj_test_settle ();

  model = kj_history_page_get_model (page);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, journal->days->len);

  /* newest first */
  g_assert_cmpstr (date_at (model, 0), ==, ((KjDay *) journal->days->pdata[journal->days->len - 1])->date);
  g_assert_cmpstr (date_at (model, n - 1), ==, ((KjDay *) journal->days->pdata[0])->date);
  for (guint i = 1; i < n; i++)
    g_assert_cmpstr (date_at (model, i - 1), >, date_at (model, i));

  kj_test_save_screenshot (GTK_WIDGET (window), "history");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "history-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_history_filters (void)
{
  GListModel *model = kj_history_page_get_model (page);
  guint expected = 0, red_flags = 0;

  /* notes: "Day 12: knee …" is the only note of day 12 */
  for (guint i = 0; i < journal->days->len; i++)
    {
      KjDay *day = journal->days->pdata[i];

      expected += strstr (day->notes, "Knöchel") != NULL;
      red_flags += kj_day_has_code (day->symptoms, "locking");
    }
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (red_flags, ==, 1);

  /* case-insensitive, and umlauts fold too */
  kj_history_page_set_search (page, "KNÖCHEL", FALSE);
  kj_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected);

  kj_history_page_set_search (page, "", TRUE);
  kj_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, red_flags);
  g_assert_cmpstr (date_at (model, 0), ==, ((KjDay *) journal->days->pdata[journal->days->len - 5])->date);
  kj_test_save_screenshot (GTK_WIDGET (window), "history-red-flags");

  kj_history_page_set_search (page, "no such words anywhere", FALSE);
  kj_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_nonnull (kj_test_find_widget (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE, "No Matching Days"));

  kj_history_page_set_search (page, "", FALSE);
  kj_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, journal->days->len);
}

/* Activating a row opens that day in Today. */
static void
test_history_activate (void)
{
  GtkListView *list = kj_history_page_get_list_view (page);
  GListModel *model = kj_history_page_get_model (page);
  g_autofree char *date = g_strdup (date_at (model, 3));

  g_signal_emit_by_name (list, "activate", 3);
  kj_test_settle ();
  g_assert_cmpstr (kj_today_page_get_date (kj_window_get_today_page (window)), ==, date);
  g_assert_nonnull (kj_today_page_get_day (kj_window_get_today_page (window)));
  g_assert_cmpstr (kj_today_page_get_day (kj_window_get_today_page (window))->date, ==, date);
}

/* A change on Today shows in History. */
static void
test_history_follows_today (void)
{
  KjTodayPage *today = kj_window_get_today_page (window);
  GListModel *model = kj_history_page_get_model (page);
  char date[11];

  kj_date_add_days (((KjDay *) journal->days->pdata[0])->date, -1, date);
  kj_window_show_day (window, date);
  kj_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today), "today.log-pain", "u", 9));
  kj_test_settle ();

  kj_window_show_page (window, "history");
  kj_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, journal->days->len + 1);
  g_assert_cmpstr (date_at (model, journal->days->len), ==, date);
}

static KjDayObject *
item_for (const char *date)
{
  GListModel *model = kj_history_page_get_model (page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KjDayObject) object = g_list_model_get_item (model, i);

      if (g_str_equal (kj_day_object_get_day (object)->date, date))
        return g_steal_pointer (&object);
    }

  return NULL;
}

static guint
kind_bit (const char *kind)
{
  guint n_codes;
  const KjCode *codes = kj_code_list (KJ_CODE_TREATMENT_KIND, &n_codes);

  for (guint i = 0; i < n_codes; i++)
    if (g_str_equal (codes[i].code, kind))
      return 1u << i;

  g_assert_not_reached ();
}

/* A run or a treatment on a day without a pain entry (#11): History lists
 * the day with its records and "No pain rating"; activating it opens it */
static void
test_history_records_without_pain (void)
{
  KjStore *store = kj_application_get_store (app);
  GListModel *model = kj_history_page_get_model (page);
  g_autofree char *today = kj_date_today ();
  g_autoptr(KjRun) run = kj_run_new (today, 6.4);
  g_autoptr(KjTreatment) ice = NULL;
  g_autoptr(KjDayObject) run_day = NULL;
  g_autoptr(KjDayObject) ice_day = NULL;
  g_autoptr(KjDay) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  KjTodayPage *today_page = kj_window_get_today_page (window);
  GtkLabel *badge;
  guint n_before;
  char ice_date[11];

  kj_window_show_page (window, "history");
  kj_test_settle ();
  n_before = g_list_model_get_n_items (model);

  /* a run today, before the evening's rating; ice on a day long before */
  kj_date_add_days (((KjDay *) journal->days->pdata[0])->date, -10, ice_date);
  ice = kj_treatment_new (ice_date, "ice");
  ice->minutes = 15;
  g_assert_null (kj_store_get_day (store, today, &error));
  g_assert_null (kj_store_get_day (store, ice_date, &error));
  g_assert_no_error (error);
  g_assert_true (kj_store_save_run (store, run, &error));
  g_assert_true (kj_store_save_treatment (store, ice, &error));
  g_assert_no_error (error);
  kj_window_reload (window);
  kj_test_settle ();

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_before + 2);

  /* the run's day is the newest, with its kilometres and no pain */
  g_assert_cmpstr (date_at (model, 0), ==, today);
  run_day = item_for (today);
  g_assert_nonnull (run_day);
  g_assert_false (kj_day_object_has_entry (run_day));
  g_assert_cmpfloat (kj_day_object_get_run_km (run_day), ==, 6.4);
  g_assert_false (kj_day_object_get_red_flag (run_day));

  /* the ice day is the oldest, with its kind */
  g_assert_cmpstr (date_at (model, g_list_model_get_n_items (model) - 1), ==, ice_date);
  ice_day = item_for (ice_date);
  g_assert_nonnull (ice_day);
  g_assert_false (kj_day_object_has_entry (ice_day));
  g_assert_cmphex (kj_day_object_get_kinds (ice_day) & kind_bit ("ice"), !=, 0);
  g_assert_cmpfloat (kj_day_object_get_run_km (ice_day), ==, 0);

  /* the row says so in words, not with a number */
  badge = kj_test_find_label (GTK_WIDGET (kj_history_page_get_list_view (page)), "No pain rating");
  g_assert_nonnull (badge);
  g_assert_nonnull (kj_test_find_label (GTK_WIDGET (kj_history_page_get_list_view (page)), "6.4 km"));
  kj_test_save_screenshot (GTK_WIDGET (window), "history-run-only-day");

  /* the filters still work: no notes and no warning sign on these days */
  kj_history_page_set_search (page, "", TRUE);
  kj_test_settle ();
  g_assert_null (item_for (today));
  kj_history_page_set_search (page, "KNÖCHEL", FALSE);
  kj_test_settle ();
  g_assert_null (item_for (today));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  kj_history_page_set_search (page, "", FALSE);
  kj_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_before + 2);

  /* activating it opens Today on that day, with the run and still no entry */
  g_signal_emit_by_name (kj_history_page_get_list_view (page), "activate", 0);
  kj_test_settle ();
  g_assert_cmpstr (kj_today_page_get_date (today_page), ==, today);
  g_assert_null (kj_today_page_get_day (today_page));
  g_assert_nonnull (kj_test_find_label (GTK_WIDGET (today_page), "6.4 km"));

  entry = kj_store_get_day (store, today, &error);
  g_assert_no_error (error);
  g_assert_null (entry);
  runs = kj_store_list_runs (store, today, today, &error);
  g_assert_cmpuint (runs->len, ==, 1);
}

/* Sets the Units preference as the user does: the combo row, then closing. */
static void
choose_units (guint index)
{
  GtkWindow *preferences;
  GtkWidget *row;

  kj_window_show_preferences (window);
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, (gpointer) KJ_TYPE_PREFERENCES_WINDOW));
  preferences = kj_test_find_toplevel (KJ_TYPE_PREFERENCES_WINDOW);
  row = kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, "Distances In");
  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), index);
  gtk_window_close (preferences);
  kj_test_settle ();
}

/* History follows the profile's units, at once when Preferences change them (#12 item 5) */
static void
test_history_units (void)
{
  KjStore *store = kj_application_get_store (app);
  const char *date = ((KjDay *) journal->days->pdata[journal->days->len - 2])->date;
  g_autoptr(KjRun) run = kj_run_new (date, 10.0);
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(KjProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *km_text = NULL;
  g_autofree char *mi_text = NULL;
  double total = 0;
  GtkWidget *list = GTK_WIDGET (kj_history_page_get_list_view (page));

  g_assert_true (kj_store_save_run (store, run, &error));
  g_assert_no_error (error);
  runs = kj_store_list_runs (store, date, date, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < runs->len; i++)
    total += ((KjRun *) runs->pdata[i])->distance_km;
  km_text = g_strdup_printf ("%.1f km", total);
  mi_text = g_strdup_printf ("%.1f mi", total / 1.609344);

  kj_window_reload (window);
  kj_window_show_page (window, "history");
  kj_history_page_set_search (page, "", FALSE);
  kj_test_settle ();
  g_assert_nonnull (kj_test_find_label (list, km_text));

  choose_units (1);
  profile = kj_store_get_profile (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (profile->units, ==, "mi");
  kj_window_show_page (window, "history");
  kj_test_settle ();
  g_assert_nonnull (kj_test_find_label (list, mi_text));
  g_assert_null (kj_test_find_label (list, km_text));
  g_assert_null (kj_test_find_label (list, " km"));
  kj_test_save_screenshot (GTK_WIDGET (window), "history-miles");

  choose_units (0);
  kj_window_show_page (window, "history");
  kj_test_settle ();
  g_assert_nonnull (kj_test_find_label (list, km_text));
  g_assert_null (kj_test_find_label (list, " mi"));
}

/* The search: notes, places, symptoms, treatments, drugs and runs, in the user's language (#15) */

static char first_date[11];     /* three days before the journal, with known records */
static char second_date[11];
static char third_date[11];

/* The dates History shows for @query, oldest first, joined by spaces. */
static char *
dates_for (const char *query)
{
  GListModel *model = kj_history_page_get_model (page);
  g_autoptr(GString) dates = g_string_new (NULL);

  kj_history_page_set_search (page, query, FALSE);
  kj_test_settle ();
  for (guint i = g_list_model_get_n_items (model); i > 0; i--)
    g_string_append_printf (dates, "%s%s", dates->len > 0 ? " " : "", date_at (model, i - 1));

  return g_string_free (g_steal_pointer (&dates), FALSE);
}

/* The journal's dates with a treatment of @kind (or, with @exercise, that
 * exercise), and @extra, oldest first */
static char *
dates_with_treatment (const char *kind,
                      const char *exercise,
                      const char *extra)
{
  g_autoptr(GString) dates = g_string_new (NULL);
  const char *last = "";

  if (extra != NULL)
    g_string_append (dates, extra);
  for (guint i = 0; i < journal->treatments->len; i++)
    {
      KjTreatment *t = journal->treatments->pdata[i];

      if ((kind != NULL && g_str_equal (t->kind, kind)) || (exercise != NULL && g_strcmp0 (t->exercise, exercise) == 0))
        {
          if (!g_str_equal (t->date, last))
            g_string_append_printf (dates, "%s%s", dates->len > 0 ? " " : "", t->date);
          last = t->date;
        }
    }

  return g_string_free (g_steal_pointer (&dates), FALSE);
}

/* Stores three days before the journal whose words are known:
 *   first:  left inner joint line, giving way, kneeling, the note “Zebra crossing”
 *   second: diclofenac gel, a wall sit noted “hold longer”, a run noted “lighthouse”
 *   third:  kneeling, elevation and diclofenac gel */
static void
store_search_days (void)
{
  KjStore *store = kj_application_get_store (app);
  const char *first = ((KjDay *) journal->days->pdata[0])->date;
  g_autoptr(KjDay) a = NULL;
  g_autoptr(KjDay) c = NULL;
  g_autoptr(KjTreatment) gel = NULL;
  g_autoptr(KjTreatment) gel_again = NULL;
  g_autoptr(KjTreatment) wall_sit = NULL;
  g_autoptr(KjTreatment) elevation = NULL;
  g_autoptr(KjRun) run = NULL;
  g_autoptr(GError) error = NULL;

  kj_date_add_days (first, -32, first_date);
  kj_date_add_days (first, -31, second_date);
  kj_date_add_days (first, -30, third_date);

  a = kj_day_new (first_date);
  a->pain = 4;
  kj_day_add_location (a, "left", "medial-joint-line");
  g_ptr_array_add (a->symptoms, (gpointer) kj_code_lookup (KJ_CODE_SYMPTOM, "giving-way"));
  g_ptr_array_add (a->aggravators, (gpointer) kj_code_lookup (KJ_CODE_AGGRAVATOR, "kneeling"));
  g_free (a->notes);
  a->notes = g_strdup ("Zebra crossing at the park");
  g_assert_true (kj_store_save_day (store, a, &error));

  gel = kj_treatment_new (second_date, "medication");
  gel->drug = kj_code_lookup (KJ_CODE_DRUG, "diclofenac-gel");
  wall_sit = kj_treatment_new (second_date, "exercise");
  wall_sit->exercise = kj_code_lookup (KJ_CODE_EXERCISE, "wall-sit");
  g_free (wall_sit->notes);
  wall_sit->notes = g_strdup ("Physio said: hold longer");
  run = kj_run_new (second_date, 5.0);
  g_free (run->notes);
  run->notes = g_strdup ("Along the cliffs to the lighthouse");
  g_assert_true (kj_store_save_treatment (store, gel, &error));
  g_assert_true (kj_store_save_treatment (store, wall_sit, &error));
  g_assert_true (kj_store_save_run (store, run, &error));

  c = kj_day_new (third_date);
  c->pain = 2;
  g_ptr_array_add (c->aggravators, (gpointer) kj_code_lookup (KJ_CODE_AGGRAVATOR, "kneeling"));
  g_assert_true (kj_store_save_day (store, c, &error));
  gel_again = kj_treatment_new (third_date, "medication");
  gel_again->drug = kj_code_lookup (KJ_CODE_DRUG, "diclofenac-gel");
  elevation = kj_treatment_new (third_date, "elevation");
  g_assert_true (kj_store_save_treatment (store, gel_again, &error));
  g_assert_true (kj_store_save_treatment (store, elevation, &error));
  g_assert_no_error (error);

  kj_window_reload (window);
  kj_window_show_page (window, "history");
  kj_test_settle ();
}

/* The dates of the days that hold @query's words, each day tested afresh,
 * oldest first. */
static char *
dates_testing_every_day (const char *query)
{
  GListModel *days = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (kj_history_page_get_model (page)));
  g_auto(GStrv) words = kj_search_words (query);
  g_autoptr(GString) dates = g_string_new (NULL);

  for (guint i = g_list_model_get_n_items (days); i > 0; i--)
    {
      g_autoptr(KjDayObject) day = g_list_model_get_item (days, i - 1);

      if (kj_day_object_matches (day, (const char * const *) words))
        g_string_append_printf (dates, "%s%s", dates->len > 0 ? " " : "", kj_day_object_get_day (day)->date);
    }

  return g_string_free (g_steal_pointer (&dates), FALSE);
}

static void
assert_dates (const char *query,
              const char *expected)
{
  g_autofree char *dates = dates_for (query);

  g_test_message ("search “%s”", query);
  g_assert_cmpstr (dates, ==, expected);
}

static void
test_history_search (void)
{
  g_autofree char *wall_sits = NULL;
  g_autofree char *elevations = NULL;
  g_autofree char *both = NULL;
  g_autofree char *kneeling = NULL;
  g_autofree char *placeholder = NULL;
  GtkWidget *entry;

  store_search_days ();
  wall_sits = dates_with_treatment (NULL, "wall-sit", second_date);
  elevations = dates_with_treatment ("elevation", NULL, third_date);
  both = g_strdup_printf ("%s %s", second_date, third_date);
  kneeling = g_strdup_printf ("%s %s", first_date, third_date);
  g_assert_cmpstr (wall_sits, !=, second_date);   /* the journal has wall sits of its own */

  /* a place, with its side; a symptom; what made it worse; the day's notes */
  assert_dates ("inner joint line LEFT", first_date);
  assert_dates ("left", first_date);
  assert_dates ("giving way", first_date);
  assert_dates ("zebra", first_date);
  /* a drug, an exercise, a treatment kind, a treatment's notes, a run's notes */
  assert_dates ("diclofenac", both);
  assert_dates ("WALL SIT", wall_sits);
  assert_dates ("elevation", elevations);
  assert_dates ("hold longer", second_date);
  assert_dates ("lighthouse", second_date);
  /* every word, in any order, each anywhere in the day */
  assert_dates ("kneeling gel", third_date);
  assert_dates ("gel kneeling", third_date);
  assert_dates ("  Zebra   KNEELING ", first_date);
  assert_dates ("zebra lighthouse", "");
  /* typed a key at a time and deleted again, the list narrows and widens
   * to the days a fresh search finds */
  for (guint n = 1; n <= strlen ("kneeling joint"); n++)
    {
      g_autofree char *query = g_strndup ("kneeling joint", n);
      g_autofree char *expected = dates_testing_every_day (query);

      assert_dates (query, expected);
    }
  for (guint n = strlen ("kneeling joint"); n > 0; n--)
    {
      g_autofree char *query = g_strndup ("kneeling joint", n);
      g_autofree char *expected = dates_testing_every_day (query);

      assert_dates (query, expected);
    }
  assert_dates ("kneeling joint", first_date);
  assert_dates ("kneeling", kneeling);

  entry = kj_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "kneeling");
  g_object_get (entry, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "Search notes, places, treatments");
  kj_test_save_screenshot (GTK_WIDGET (window), "history-search");

  kj_history_page_set_search (page, "", FALSE);
  kj_test_settle ();
}

/* In German (KJ_TEST_LANGUAGE=de): the German labels are searched, not the English */
static void
test_history_search_german (void)
{
  g_autofree char *wall_sits = NULL;
  g_autofree char *heat = dates_with_treatment ("heat", NULL, NULL);

  g_assert_cmpstr (_("Inner joint line"), ==, "Innerer Gelenkspalt");
  store_search_days ();
  wall_sits = dates_with_treatment (NULL, "wall-sit", second_date);
  g_assert_cmpstr (heat, !=, "");

  assert_dates ("Gelenkspalt innerer", first_date);
  assert_dates ("links", first_date);
  assert_dates ("wegknicken", first_date);
  assert_dates ("KNIEN diclofenac", third_date);
  assert_dates ("wandsitzen", wall_sits);
  /* without its umlaut, Wärme is found too */
  assert_dates ("warme", heat);
  assert_dates ("WÄRME", heat);
  assert_dates ("inner joint line", "");
  kj_history_page_set_search (page, "Gelenkspalt innerer", FALSE);
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "history-search-de");
  kj_history_page_set_search (page, "", FALSE);
  kj_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *today = NULL;
  g_autoptr(GError) error = NULL;
  const char *language = kj_test_set_language ();
  char yesterday[11];
  int status;

  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  /* a journal of 60 days up to yesterday, with one red flag */
  today = kj_date_today ();
  kj_date_add_days (today, -1, yesterday);
  journal = kj_gen_journal (21, 60, "red-flag", yesterday, &error);
  g_assert_no_error (error);

  window = kj_test_gui_open (&gui, journal, 900, 700);
  app = gui.app;
  page = kj_window_get_history_page (window);

  if (g_str_equal (language, "de"))
    {
      /* the German run (history-de) searches in German */
      g_test_add_func ("/history/search-german", test_history_search_german);
    }
  else
    {
      g_test_add_func ("/history/list", test_history_list);
      g_test_add_func ("/history/filters", test_history_filters);
      g_test_add_func ("/history/activate", test_history_activate);
      g_test_add_func ("/history/follows-today", test_history_follows_today);
      g_test_add_func ("/history/records-without-pain", test_history_records_without_pain);
      g_test_add_func ("/history/units", test_history_units);
      g_test_add_func ("/history/search", test_history_search);
    }

  status = kj_test_gui_finish (&gui, g_test_run ());
  kj_journal_free (journal);

  return status;
}
