/* test-keyboard.c — a whole day logged from the keyboard, counting the key presses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4 has no public way to inject key events, so press_key() hands each
 * key to the widgets as GTK does: the key controllers and key bindings of
 * the focused widget's ancestors, capture phase down, bubble phase up (Tab
 * is the window's "move-focus" binding, Space a button's "activate", → a
 * scale's "move-slider" or the knee drawing's key controller, 3 the pain
 * row's). Two kinds of press take a shortcut: a mnemonic (Alt+N, Alt+A)
 * activates its label or button with gtk_widget_mnemonic_activate(), and a
 * typed character is inserted at the cursor. Each key, and each chord such
 * as Alt+A or Ctrl+R, counts as one press. The day — pain, worst pain, two
 * places, a symptom, ice, a note and a run — must take fewer than 25
 * presses; the count is in the README.
 */
#include "config.h"

#include "kj-application.h"
#include "kj-gen.h"
#include "kj-knee-diagram.h"
#include "kj-record-editor.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-today-page.h"
#include "kj-window.h"

/* the count README.md gives; the issue asks for fewer than 25 */
#define MAX_PRESSES 23

static KjTestGui gui;
static KjWindow *window;
static guint presses;

/* The window the keys go to: an open record editor, else the main window */
static GtkWindow *
key_window (void)
{
  GtkWindow *editor = kj_test_find_toplevel (KJ_TYPE_RECORD_EDITOR);

  return editor != NULL && gtk_widget_get_visible (GTK_WIDGET (editor)) ? editor : GTK_WINDOW (window);
}

static GtkWidget *
focus (void)
{
  return gtk_root_get_focus (GTK_ROOT (key_window ()));
}

static void
log_focus (const char *key)
{
  GtkWidget *widget = focus ();
  const char *tooltip = widget != NULL ? gtk_widget_get_tooltip_text (widget) : NULL;

  g_test_message ("%2u %-6s → %s %s", presses, key, widget != NULL ? G_OBJECT_TYPE_NAME (widget) : "(none)",
                  tooltip != NULL ? tooltip : "");
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     state)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, state)
           || trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, state);

  return GTK_IS_KEYVAL_TRIGGER (trigger) && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
         && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == state;
}

/* Offers @keyval with @state to @widget's controllers of @phase, as GTK
 * does: key controllers' ::key-pressed, shortcut controllers' key triggers */
static gboolean
offer_key (GtkWidget       *widget,
           GtkPropagationPhase phase,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      else if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !handled; j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
            if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, state))
              handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                      widget, gtk_shortcut_get_arguments (shortcut));
          }
    }

  return handled;
}

/* A key press on the focused widget, as GTK delivers it: the capture phase
 * from the window down, then the bubble phase back up, each widget's key
 * controllers and key bindings (Tab is the window's "move-focus" binding,
 * Space a button's "activate", → a scale's "move-slider"); then the key
 * goes up. Fails when nothing took the key. */
static void
press_key (guint           keyval,
           GdkModifierType state,
           const char     *name)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  gboolean handled = FALSE;

  presses++;
  for (GtkWidget *w = focus (); w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (path, 0, w);
  g_assert_cmpuint (path->len, >, 0);

  for (guint i = 0; i < path->len && !handled; i++)
    handled = offer_key (path->pdata[i], GTK_PHASE_CAPTURE, keyval, state);
  for (guint i = path->len; i > 0 && !handled; i--)
    handled = offer_key (path->pdata[i - 1], GTK_PHASE_BUBBLE, keyval, state);
  g_assert_true (handled);

  /* and the key goes up again, to the widgets that saw it go down (a
   * button pressed with Space waits for it) */
  for (guint i = 0; i < path->len; i++)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (path->pdata[i]);

      for (guint j = 0; j < g_list_model_get_n_items (controllers); j++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, j);

          if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
            g_signal_emit_by_name (controller, "key-released", keyval, 0, state);
        }
    }

  kj_test_settle ();
  log_focus (name);
}

static void
press_tab (void)
{
  press_key (GDK_KEY_Tab, 0, "Tab");
}

static void
press_space (void)
{
  press_key (GDK_KEY_space, 0, "Space");
}

/* Types @text into the focused field, a press a character */
static void
type (const char *text)
{
  GtkWidget *widget = focus ();

  g_assert_nonnull (widget);
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      char ch[8] = { 0 };

      presses++;
      g_unichar_to_utf8 (g_utf8_get_char (c), ch);
      if (GTK_IS_TEXT_VIEW (widget))
        gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), ch, -1);
      else
        {
          int position;

          g_assert_true (GTK_IS_EDITABLE (widget));
          position = gtk_editable_get_position (GTK_EDITABLE (widget));
          gtk_editable_insert_text (GTK_EDITABLE (widget), ch, -1, &position);
          gtk_editable_set_position (GTK_EDITABLE (widget), position);
        }
    }
  kj_test_settle ();
  log_focus ("type");
}

/* Alt+@letter: the mnemonic of the button labelled @label in the key window */
static void
press_mnemonic (const char *label)
{
  GtkWidget *button = kj_test_find_widget (GTK_WIDGET (key_window ()), GTK_TYPE_BUTTON, label);

  presses++;
  g_assert_nonnull (button);
  g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (button)));
  g_assert_true (gtk_widget_mnemonic_activate (button, FALSE));
  kj_test_settle ();
  log_focus ("Alt+…");
}

/* The label under @root whose mnemonic label is @text ("_Notes") */
static GtkLabel *
find_mnemonic_label (GtkWidget  *root,
                     const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_label_get_use_underline (GTK_LABEL (root))
      && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_mnemonic_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Alt+@letter: the mnemonic of the label @text, which focuses its widget */
static void
press_mnemonic_label (const char *text)
{
  GtkLabel *label = find_mnemonic_label (GTK_WIDGET (key_window ()), text);

  presses++;
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_mnemonic_activate (GTK_WIDGET (label), FALSE));
  kj_test_settle ();
  log_focus ("Alt+…");
}

static gboolean
editor_gone (gpointer data)
{
  return kj_test_find_toplevel (KJ_TYPE_RECORD_EDITOR) == NULL;
}

static const char *
focus_tooltip (void)
{
  const char *text = focus () != NULL ? gtk_widget_get_tooltip_text (focus ()) : NULL;

  return text != NULL ? text : "";
}

static void
test_keyboard_log_day (void)
{
  KjTodayPage *page = kj_window_get_today_page (window);
  g_autoptr(KjStore) store = NULL;
  g_autoptr(KjDay) day = NULL;
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = kj_date_today ();

  g_assert_cmpstr (kj_today_page_get_date (page), ==, today);
  g_assert_null (kj_today_page_get_day (page));
  log_focus ("start");

  /* the pain: the focus starts at the quick pain buttons; type 3 */
  g_assert_cmpstr (focus_tooltip (), ==, "Pain 0 of 10");
  press_key (GDK_KEY_3, 0, "3");
  g_assert_nonnull (kj_today_page_get_day (page));
  g_assert_true (GTK_IS_SCALE (focus ()));

  /* the worst pain: Tab to its switch, Space, Tab to its scale, type 5 */
  press_tab ();
  g_assert_true (GTK_IS_SWITCH (focus ()));
  press_space ();
  press_tab ();
  g_assert_true (GTK_IS_SCALE (focus ()));
  press_key (GDK_KEY_5, 0, "5");

  /* two places: Tab past the side and view (one stop) onto the drawing,
   * Space, an arrow to the next place, Space */
  press_tab ();
  press_tab ();
  g_assert_nonnull (gtk_widget_get_ancestor (focus (), KJ_TYPE_KNEE_DIAGRAM));
  press_space ();
  press_key (GDK_KEY_Right, 0, "→");
  press_space ();

  /* a symptom: Tab past the marked places (one stop) to the first symptom, Space */
  press_tab ();
  press_tab ();
  g_assert_true (GTK_IS_TOGGLE_BUTTON (focus ()));
  press_space ();

  /* ice: Tab past what made it worse and Add Treatment to the quick ice button, Space */
  press_tab ();
  press_tab ();
  press_tab ();
  g_assert_nonnull (strstr (focus_tooltip (), "Ice"));
  press_space ();
  g_assert_nonnull (strstr (focus_tooltip (), "Ice"));

  /* a note: Alt+N goes to the notes; type */
  press_mnemonic_label ("_Notes");
  g_assert_true (GTK_IS_TEXT_VIEW (focus ()));
  type ("ok");

  /* a run: Ctrl+R, Tab to the distance, type 5, Alt+A; the keyboard is back
   * on the page */
  press_key (GDK_KEY_r, GDK_CONTROL_MASK, "Ctrl+R");
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (KJ_TYPE_RECORD_EDITOR)));
  log_focus ("dialog");
  while (!GTK_IS_EDITABLE (focus ()) && presses < 40)
    press_tab ();
  type ("5");
  press_mnemonic ("_Add");
  g_assert_true (kj_test_wait_until (editor_gone, NULL));
  log_focus ("closed");
  g_assert_true (GTK_IS_TEXT_VIEW (focus ()));

  g_test_message ("%u key presses", presses);
  g_assert_cmpuint (presses, <=, MAX_PRESSES);

  /* all of it is stored */
  g_assert_true (kj_window_flush (window));
  store = kj_store_open (gui.db_path, &error);
  g_assert_no_error (error);
  day = kj_store_get_day (store, today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (day);
  g_assert_cmpint (day->pain, ==, 3);
  g_assert_cmpint (day->pain_worst, ==, 5);
  g_assert_cmpuint (day->locations->len, ==, 2);
  g_assert_cmpuint (day->symptoms->len, ==, 1);
  g_assert_cmpstr (day->notes, ==, "ok");
  treatments = kj_store_list_treatments (store, today, today, &error);
  g_assert_cmpuint (treatments->len, ==, 1);
  runs = kj_store_list_runs (store, today, today, &error);
  g_assert_cmpuint (runs->len, ==, 1);
}

/* “1” then “0” is 10, not 0 (the adversarial review found 0) */
static void
test_keyboard_ten (void)
{
  KjTodayPage *page = kj_window_get_today_page (window);
  GtkAdjustment *pain = kj_today_page_get_pain_adjustment (page);

  g_assert_nonnull (kj_today_page_get_day (page));
  kj_today_page_focus_pain (page);
  kj_test_settle ();
  g_assert_true (GTK_IS_SCALE (focus ()));
  press_key (GDK_KEY_1, 0, "1");
  g_assert_cmpint ((int) gtk_adjustment_get_value (pain), ==, 1);
  press_key (GDK_KEY_0, 0, "0");
  g_assert_cmpint ((int) gtk_adjustment_get_value (pain), ==, 10);
  g_assert_cmpint (kj_today_page_get_day (page)->pain, ==, 10);
  press_key (GDK_KEY_0, 0, "0");
  g_assert_cmpint ((int) gtk_adjustment_get_value (pain), ==, 0);

  /* Alt+← on the first day a journal can hold stays there (it was a CRITICAL) */
  kj_today_page_set_date (page, "1900-01-01");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-day", NULL);
  kj_test_settle ();
  g_assert_cmpstr (kj_today_page_get_date (page), ==, "1900-01-01");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.today", NULL);
  kj_test_settle ();
  g_assert_cmpstr (kj_today_page_get_date (page), !=, "1900-01-01");
}

/* The mapped labels under @root whose mnemonic is @keyval (lower case), as "_Not Now, _Notes" */
static void
collect_mnemonics (GtkWidget *root,
                   guint      keyval,
                   GString   *found)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && gtk_label_get_use_underline (GTK_LABEL (root))
      && gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (root))) == keyval)
    g_string_append_printf (found, "%s%s", found->len > 0 ? ", " : "", gtk_label_get_label (GTK_LABEL (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, keyval, found);
}

/* Alt+N goes to the notes (README, “Keyboard”) in one press: no other
 * mnemonic N is shown with them. Two that share a key take turns at the
 * focus, so the first Alt+N would stop at the other one (the weekly
 * questionnaire card's “Not Now”, shown on the Today page). */
static void
test_keyboard_notes_mnemonic (void)
{
  g_autoptr(GString) found = g_string_new (NULL);
  KjTodayPage *page = kj_window_get_today_page (window);

  /* the day logged by /keyboard/log-day: its notes are shown */
  g_assert_nonnull (kj_today_page_get_day (page));
  kj_test_settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (find_mnemonic_label (GTK_WIDGET (page), "_Notes"))));

  collect_mnemonics (GTK_WIDGET (window), GDK_KEY_n, found);
  g_assert_cmpstr (found->str, ==, "_Notes");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  char yesterday[11];

  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  /* a journal of the weeks before; today is still to be logged */
  today = kj_date_today ();
  kj_date_add_days (today, -1, yesterday);
  journal = kj_gen_journal (7, 40, "mixed", yesterday, &error);
  g_assert_no_error (error);
  window = kj_test_gui_open (&gui, journal, 1000, 800);

  g_test_add_func ("/keyboard/log-day", test_keyboard_log_day);
  g_test_add_func ("/keyboard/ten", test_keyboard_ten);
  g_test_add_func ("/keyboard/notes-mnemonic", test_keyboard_notes_mnemonic);

  return kj_test_gui_finish (&gui, g_test_run ());
}
