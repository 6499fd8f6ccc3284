/* test-a11y.c — the window as a screen reader hears it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each page and dialog is opened in a real window with GTK's AT-SPI backend
 * on; tests/a11y-names.py then reads this process's widgets from the
 * accessibility bus, as Orca would. An interactive widget without a name, with
 * a type name ("GtkSwitch") or with a mnemonic underscore ("_Cancel Cancel")
 * fails the test.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <unistd.h>

#include "kj-application.h"
#include "kj-gen.h"
#include "kj-preferences-window.h"
#include "kj-record-editor.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-today-page.h"
#include "kj-window.h"

static KjTestGui gui;
static KjWindow *window;

typedef struct
{
  char     *output;
  GError   *error;
  gboolean  done;
} Walk;

static void
walk_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Walk *walk = data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &walk->output, NULL, &walk->error);
  walk->done = TRUE;
}

static gboolean
walk_is_done (gpointer data)
{
  return ((Walk *) data)->done;
}

/* Reads this process's interactive widgets from the accessibility bus while
 * the main loop goes on answering; returns the JSON array of
 * tests/a11y-names.py, or NULL when the test was skipped. */
static JsonArray *
read_names (void)
{
  g_autofree char *script = g_build_filename (g_getenv ("KJ_SOURCE_ROOT"), "tests", "a11y-names.py", NULL);
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autoptr(GSubprocess) walker = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  Walk walk = { NULL };

  kj_test_settle ();
  walker = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "/usr/bin/python3", script, pid, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (walker, NULL, NULL, walk_done, &walk);
  /* the walk reads some 1700 objects over D-Bus, one call at a time: 16 s on
   * a busy two-core machine, so it gets up to three times 20 s */
  for (int i = 0; i < 3 && !walk.done; i++)
    kj_test_wait_until (walk_is_done, &walk);
  g_assert_true (walk.done);
  g_assert_no_error (walk.error);
  /* the pipes can close before the child is reaped */
  g_assert_true (g_subprocess_wait (walker, NULL, &error));
  g_assert_no_error (error);

  if (g_subprocess_get_exit_status (walker) == 77)
    {
      g_test_skip ("needs python3-pyatspi and at-spi2-core");
      g_free (walk.output);
      return NULL;
    }
  g_assert_cmpint (g_subprocess_get_exit_status (walker), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, walk.output, -1, &error));
  g_assert_no_error (error);
  g_free (walk.output);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));

  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

/* Fails on every badly named widget of @what, listing them all */
static void
check_names (const char *what)
{
  g_autoptr(JsonArray) names = read_names ();
  g_autoptr(GString) problems = g_string_new (NULL);

  if (names == NULL)
    return;

  g_assert_cmpuint (json_array_get_length (names), >, 0);
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      JsonObject *widget = json_array_get_object_element (names, i);

      if (!json_object_get_null_member (widget, "problem"))
        g_string_append_printf (problems, "  %s: %s (%s)\n", json_object_get_string_member (widget, "problem"),
                                json_object_get_string_member (widget, "name"),
                                json_object_get_string_member (widget, "path"));
    }

  if (problems->len > 0)
    g_test_message ("%s:\n%s", what, problems->str);
  g_assert_cmpstr (problems->str, ==, "");
}

static void
check_page (gconstpointer data)
{
  kj_window_show_page (window, data);
  check_names (data);
}

/* Opens a dialog with @action on @widget, checks it, and closes it */
static void
check_dialog (GtkWidget  *widget,
              const char *action,
              GType       type)
{
  GtkWindow *dialog = kj_test_open_dialog (widget, action, type);

  check_names (action);
  gtk_window_destroy (dialog);
  kj_test_settle ();
}

static void
test_a11y_treatment_editor (void)
{
  kj_window_show_page (window, "today");
  check_dialog (GTK_WIDGET (kj_window_get_today_page (window)), "today.add-treatment", KJ_TYPE_RECORD_EDITOR);
}

static void
test_a11y_run_editor (void)
{
  kj_window_show_page (window, "today");
  check_dialog (GTK_WIDGET (kj_window_get_today_page (window)), "today.add-run", KJ_TYPE_RECORD_EDITOR);
}

static void
test_a11y_preferences (void)
{
  check_dialog (GTK_WIDGET (window), "win.preferences", KJ_TYPE_PREFERENCES_WINDOW);
}

/* Preferences → Shoes with its pairs, and the Add Shoes dialog */
static void
test_a11y_shoes (void)
{
  GtkWindow *preferences = kj_test_open_dialog (GTK_WIDGET (window), "win.preferences", KJ_TYPE_PREFERENCES_WINDOW);
  GtkWidget *add;
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "shoes");
  kj_test_settle ();
  check_names ("preferences shoes");

  add = kj_test_find_widget (GTK_WIDGET (preferences), GTK_TYPE_BUTTON, "_Add Shoes…");
  g_assert_nonnull (add);
  gtk_widget_activate (add);
  kj_test_settle ();
  check_names ("add shoes");
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (w), "Add Shoes") == 0)
        {
          gtk_window_destroy (w);
          break;
        }
    }
  gtk_window_destroy (preferences);
  kj_test_settle ();
}

static void
test_a11y_report (void)
{
  check_dialog (GTK_WIDGET (window), "win.export-report", ADW_TYPE_MESSAGE_DIALOG);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KjJournal) journal = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GError) error = NULL;

  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());
  /* every surface is tried and reported, even after one failed */
  g_test_set_nonfatal_assertions ();

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("needs /usr/bin/python3 with python3-pyatspi");
      return kj_test_gui_finish (&gui, g_test_run ());
    }

  today = kj_date_today ();
  journal = kj_gen_journal (5, 70, "mixed", today, &error);
  g_assert_no_error (error);
  /* two pairs, one retired, the runs shared between them */
  for (guint i = 0; i < 2; i++)
    {
      KjShoe *shoe = kj_shoe_new (i == 0 ? "Pegasus 40" : "Pegasus 38");

      shoe->id = g_strdup_printf ("shoe-%u", i);
      shoe->is_default = i == 0;
      if (i == 1)
        g_strlcpy (shoe->retired_date, ((KjDay *) journal->days->pdata[0])->date, sizeof shoe->retired_date);
      g_ptr_array_add (journal->shoes, shoe);
    }
  for (guint i = 0; i < journal->runs->len; i++)
    ((KjRun *) journal->runs->pdata[i])->shoe_id = g_strdup_printf ("shoe-%u", i % 2);
  window = kj_test_gui_open (&gui, journal, 1000, 800);

  g_test_add_data_func ("/a11y/today", "today", check_page);
  g_test_add_data_func ("/a11y/history", "history", check_page);
  g_test_add_data_func ("/a11y/trends", "trends", check_page);
  g_test_add_func ("/a11y/treatment-editor", test_a11y_treatment_editor);
  g_test_add_func ("/a11y/run-editor", test_a11y_run_editor);
  g_test_add_func ("/a11y/preferences", test_a11y_preferences);
  g_test_add_func ("/a11y/shoes", test_a11y_shoes);
  g_test_add_func ("/a11y/report-dialog", test_a11y_report);

  return kj_test_gui_finish (&gui, g_test_run ());
}
