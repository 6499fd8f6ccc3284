/* test-questionnaire-gui.c — the weekly questionnaire in the window: Today's card (Start, Not now), the dialog
 * filled in by its actions and the keyboard, saved, Trends' chart and change, editing a past one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Screenshots (with “-de” in German): build/screenshots/questionnaire-card.png, questionnaire-today.png,
 * questionnaire-dialog.png, questionnaire-trends.png and questionnaire-trends-dark.png.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kj-gen.h"
#include "kj-questionnaire.h"
#include "kj-questionnaire-card.h"
#include "kj-questionnaire-dialog.h"
#include "kj-questionnaire-section.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-today-page.h"
#include "kj-trends-page.h"
#include "kj-window.h"

static KjTestGui gui;
static KjWindow *window;
static const char *language;
static char today[11];

/* the answers saved from the dialog: 78 points (doc/questionnaires.md's table) */
static const int answers[13] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0 };

static void
shoot (GtkWidget  *widget,
       const char *name)
{
  g_autofree char *full = g_str_equal (language, "en") ? g_strdup (name) : g_strconcat (name, "-", language, NULL);

  kj_test_save_screenshot (widget, full);
}

static KjStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  KjStore *store = kj_store_open (gui.db_path, &error);

  g_assert_no_error (error);
  return store;
}

static KjQuestionnaireCard *
find_card (void)
{
  GtkWidget *card = kj_test_find_widget (GTK_WIDGET (window), KJ_TYPE_QUESTIONNAIRE_CARD, NULL);

  g_assert_nonnull (card);
  return KJ_QUESTIONNAIRE_CARD (card);
}

static void
test_card (void)
{
  KjQuestionnaireCard *card = find_card ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(KjStore) store = open_store ();
  g_autofree char *dismissed = NULL;
  GtkWidget *not_now;
  char yesterday[11];

  kj_test_settle ();
  /* due: the last questionnaire is 9 days old */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (card)));
  g_assert_true (kj_test_widget_is_drawn (card));
  shoot (GTK_WIDGET (card), "questionnaire-card");
  shoot (GTK_WIDGET (window), "questionnaire-today");

  /* only on the day itself: not on yesterday */
  kj_date_add_days (today, -1, yesterday);
  kj_today_page_set_date (kj_window_get_today_page (window), yesterday);
  kj_test_settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (card)));
  kj_today_page_set_date (kj_window_get_today_page (window), today);
  kj_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (card)));

  /* Not now: hidden, remembered for today, not shown again today */
  not_now = kj_test_find_widget (GTK_WIDGET (card), GTK_TYPE_BUTTON, _("N_ot Now"));
  g_assert_nonnull (not_now);
  gtk_widget_activate (not_now);
  kj_test_settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (card)));
  dismissed = g_settings_get_string (settings, "questionnaire-dismissed");
  g_assert_cmpstr (dismissed, ==, today);
  g_assert_false (kj_questionnaire_card_update (card, store, today));

  /* another day, it comes back */
  g_settings_set_string (settings, "questionnaire-dismissed", yesterday);
  g_assert_true (kj_questionnaire_card_update (card, store, today));
}

static gboolean
dialog_shown (gpointer data)
{
  return kj_test_find_toplevel (KJ_TYPE_QUESTIONNAIRE_DIALOG) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return kj_test_find_toplevel (KJ_TYPE_QUESTIONNAIRE_DIALOG) == NULL;
}

static void
test_dialog (void)
{
  KjQuestionnaireCard *card = find_card ();
  KjQuestionnaireDialog *dialog;
  g_autoptr(KjStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const KjQuestionnaire *saved;
  GtkWidget *start;
  GtkCheckButton *button;

  start = kj_test_find_widget (GTK_WIDGET (card), GTK_TYPE_BUTTON, _("_Start"));
  g_assert_nonnull (start);
  gtk_widget_activate (start);
  g_assert_true (kj_test_wait_until (dialog_shown, NULL));
  dialog = KJ_QUESTIONNAIRE_DIALOG (kj_test_find_toplevel (KJ_TYPE_QUESTIONNAIRE_DIALOG));
  kj_test_settle ();

  /* nothing answered: Save is off, focus on the first answer, each button named with its item */
  g_assert_false (kj_questionnaire_dialog_can_save (dialog));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) ==
                 GTK_WIDGET (kj_questionnaire_dialog_get_answer_button (dialog, 0, 0)));
  g_assert_null (kj_questionnaire_dialog_get_answer_button (dialog, 0, 3));
  g_assert_null (kj_questionnaire_dialog_get_answer_button (dialog, 13, 0));
  g_assert_cmpstr (kj_questionnaire_dialog_get_questionnaire (dialog)->date, ==, today);

  /* twelve items by the action; Save still off */
  for (guint i = 0; i < 12; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "questionnaire.choose", "(uu)", i,
                                               (guint) answers[i]));
  kj_test_settle ();
  g_assert_false (kj_questionnaire_dialog_can_save (dialog));
  g_assert_cmpint (kj_questionnaire_dialog_get_questionnaire (dialog)->answers[11], ==, answers[11]);

  /* the last by the keyboard: from item 12's answer, one Tab (the window's move-focus, as GTK does for the
   * key) goes to item 13's first answer: an answered group of radio buttons is one Tab stop, as radio buttons
   * are; Space activates the radio button */
  gtk_widget_grab_focus (GTK_WIDGET (kj_questionnaire_dialog_get_answer_button (dialog, 11, (guint) answers[11])));
  {
    guint presses = 0;

    button = kj_questionnaire_dialog_get_answer_button (dialog, 12, (guint) answers[12]);
    while (gtk_window_get_focus (GTK_WINDOW (dialog)) != GTK_WIDGET (button) && presses < 10)
      {
        g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD));
        presses++;
      }
    g_test_message ("Tab pressed %u times from item 12's answer to item 13's first", presses);
    g_assert_cmpuint (presses, ==, 1);
  }
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (button)));
  gtk_widget_activate (GTK_WIDGET (button));
  kj_test_settle ();
  g_assert_true (gtk_check_button_get_active (button));
  g_assert_true (kj_questionnaire_dialog_can_save (dialog));
  g_assert_cmpint (kj_questionnaire_score (kj_questionnaire_dialog_get_questionnaire (dialog)), ==, 78);

  /* ↓ and ↑ move within the question, choosing as they go, as radio buttons do */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_DOWN));
  kj_test_settle ();
  g_test_message ("after ↓: answer %d", kj_questionnaire_dialog_get_questionnaire (dialog)->answers[12]);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) ==
                 GTK_WIDGET (kj_questionnaire_dialog_get_answer_button (dialog, 12, 1)));
  g_assert_cmpint (kj_questionnaire_dialog_get_questionnaire (dialog)->answers[12], ==, 1);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_UP));
  kj_test_settle ();
  g_assert_cmpint (kj_questionnaire_dialog_get_questionnaire (dialog)->answers[12], ==, 0);

  /* changing an answer changes the form, not the others */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "questionnaire.choose", "(uu)", 0u, 2u));
  g_assert_false (gtk_check_button_get_active (kj_questionnaire_dialog_get_answer_button (dialog, 0, 1)));
  g_assert_cmpint (kj_questionnaire_score (kj_questionnaire_dialog_get_questionnaire (dialog)), ==, 75);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "questionnaire.choose", "(uu)", 0u, 1u));
  kj_test_settle ();
  shoot (GTK_WIDGET (dialog), "questionnaire-dialog");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "questionnaire.save", NULL));
  g_assert_true (kj_test_wait_until (dialog_gone, NULL));
  kj_test_settle ();

  store = open_store ();
  list = kj_store_list_questionnaires (store, today, today, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  saved = list->pdata[0];
  for (guint i = 0; i < 13; i++)
    g_assert_cmpint (saved->answers[i], ==, answers[i]);
  g_assert_cmpint (kj_questionnaire_score (saved), ==, 78);

  /* done for the week: no card */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (card)));
}

static void
test_trends (void)
{
  KjQuestionnaireSection *section;
  KjQuestionnaireDialog *dialog;
  g_autoptr(KjStore) store = open_store ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autofree char *expected = NULL;

  kj_window_show_page (window, "trends");
  kj_test_settle ();
  kj_test_settle ();
  section = KJ_QUESTIONNAIRE_SECTION (kj_trends_page_get_questionnaire_section (kj_window_get_trends_page (window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (section)));

  /* the first questionnaire (33) against today's (78): better by more than the MIC */
  list = kj_store_list_questionnaires (store, NULL, NULL, NULL);
  g_assert_cmpuint (list->len, ==, 4);
  summaries = kj_questionnaire_summarize (list, "", "");
  expected = kj_questionnaire_change_text (summaries->pdata[0]);
  g_assert_cmpint (((KjQuestionnaireSummary *) summaries->pdata[0])->change, ==, 45);
  g_assert_cmpstr (kj_questionnaire_section_get_change (section), ==, expected);
  g_assert_true (kj_test_widget_is_drawn (kj_questionnaire_section_get_chart (section)));

  /* the section scrolled into view by focus on its Fill In… button */
  gtk_widget_grab_focus (kj_test_find_widget (GTK_WIDGET (section), GTK_TYPE_BUTTON, _("_Fill In…")));
  kj_test_settle ();
  kj_test_settle ();
  shoot (GTK_WIDGET (section), "questionnaire-trends");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  kj_test_settle ();
  shoot (GTK_WIDGET (window), "questionnaire-trends-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  kj_test_settle ();

  /* editing today's: its answers shown, one changed, saved, the section read again */
  kj_questionnaire_section_edit (section, today);
  g_assert_true (kj_test_wait_until (dialog_shown, NULL));
  dialog = KJ_QUESTIONNAIRE_DIALOG (kj_test_find_toplevel (KJ_TYPE_QUESTIONNAIRE_DIALOG));
  g_assert_true (kj_questionnaire_dialog_can_save (dialog));
  g_assert_true (gtk_check_button_get_active (kj_questionnaire_dialog_get_answer_button (dialog, 12, 0)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "questionnaire.choose", "(uu)", 10u, 4u));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "questionnaire.save", NULL));
  g_assert_true (kj_test_wait_until (dialog_gone, NULL));
  kj_test_settle ();

  g_clear_pointer (&list, g_ptr_array_unref);
  list = kj_store_list_questionnaires (store, today, today, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (kj_questionnaire_score (list->pdata[0]), ==, 68);
  g_assert_nonnull (strstr (kj_questionnaire_section_get_change (section), "68"));

  /* deleting it: a new one has no Delete, a stored one has, and asks first */
  kj_questionnaire_section_edit (section, today);
  g_assert_true (kj_test_wait_until (dialog_shown, NULL));
  dialog = KJ_QUESTIONNAIRE_DIALOG (kj_test_find_toplevel (KJ_TYPE_QUESTIONNAIRE_DIALOG));
  g_assert_nonnull (kj_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, _("_Delete Questionnaire…")));
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, dialog));
  kj_test_settle ();
  shoot (GTK_WIDGET (dialog), "questionnaire-edit");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "questionnaire.delete", NULL));
  g_assert_true (kj_test_wait_until (dialog_gone, NULL));
  kj_test_settle ();

  g_clear_pointer (&list, g_ptr_array_unref);
  list = kj_store_list_questionnaires (store, today, today, NULL);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_null (strstr (kj_questionnaire_section_get_change (section), "68"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KjJournal) journal = NULL;
  static const int worst_ish[13] = { 2, 0, 2, 3, 3, 3, 2, 3, 2, 3, 3, 2, 1 };   /* 33 */
  char yesterday[11];

  language = kj_test_set_language ();
  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  {
    g_autofree char *t = kj_date_today ();
    g_strlcpy (today, t, sizeof today);
  }
  kj_date_add_days (today, -1, yesterday);

  /* 60 days, and three weekly questionnaires, the last 9 days ago */
  journal = kj_gen_journal (7, 60, "improving", yesterday, NULL);
  g_assert_nonnull (journal);
  for (int k = 0; k < 3; k++)
    {
      KjQuestionnaire *q = kj_questionnaire_new (NULL, kj_instrument_default ());

      kj_date_add_days (today, -9 - 7 * (2 - k), q->date);
      q->id = g_strdup_printf ("q%d", k);
      for (guint i = 0; i < 13; i++)
        q->answers[i] = k == 0 ? worst_ish[i] : MIN (worst_ish[i], (int) (3 - k));
      g_ptr_array_add (journal->questionnaires, q);
    }

  window = kj_test_gui_open (&gui, journal, 1000, 900);

  g_test_add_func ("/questionnaire-gui/card", test_card);
  g_test_add_func ("/questionnaire-gui/dialog", test_dialog);
  g_test_add_func ("/questionnaire-gui/trends", test_trends);

  return kj_test_gui_finish (&gui, g_test_run ());
}
