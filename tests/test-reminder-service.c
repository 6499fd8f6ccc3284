/* test-reminder-service.c — the daily reminder on a session bus: a fake notification server, the window, autostart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test owns org.freedesktop.Notifications on a connection of its own
 * (org.gtk.Notifications has no owner under dbus-run-session, so GLib sends
 * to it) and records what arrives. The service's clock is set two seconds
 * before the reminder (kj_reminder_service_set_clock), so its real timer
 * fires. One application on the default journal serves all tests: GTK
 * keeps a registered application alive, and its name with it.
 * Needs a session bus: build-aux/test runs the suite under dbus-run-session.
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kj-application.h"
#include "kj-preferences-window.h"
#include "kj-reminder-service.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-today-page.h"
#include "kj-window.h"

#define REMINDER_MINUTE (12 * 60 + 30)

static KjTestGui gui;
static KjApplication *the_app;
static char *journal_path;
static char today[11];
static char yesterday[11];

/* the fake notification server */
static struct
{
  GDBusConnection *connection;
  guint            owner_id;
  guint            object_id;
  gboolean         owned;
  gboolean         with_actions;
  guint            n_notify;
  guint            last_id;
  char            *summary;
  char            *body;
  char           **actions;
  char            *desktop_entry;
  guint            closed_id;
} server;

static const char server_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "<arg type='u' direction='out'/></method>"
  "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "<method name='GetServerInformation'><arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "<arg type='s' direction='out'/><arg type='s' direction='out'/></method>"
  "<signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "<signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "</interface></node>";

static void
server_method (GDBusConnection       *connection,
               const char            *sender,
               const char            *path,
               const char            *interface,
               const char            *method,
               GVariant              *parameters,
               GDBusMethodInvocation *invocation,
               gpointer               user_data)
{
  if (g_str_equal (method, "Notify"))
    {
      g_autoptr(GVariant) hints = NULL;

      g_clear_pointer (&server.summary, g_free);
      g_clear_pointer (&server.body, g_free);
      g_clear_pointer (&server.actions, g_strfreev);
      g_clear_pointer (&server.desktop_entry, g_free);
      g_variant_get (parameters, "(&su&sss^as@a{sv}i)", NULL, NULL, NULL, &server.summary, &server.body,
                     &server.actions, &hints, NULL);
      g_variant_lookup (hints, "desktop-entry", "s", &server.desktop_entry);
      server.n_notify++;
      server.last_id = 40 + server.n_notify;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", server.last_id));
    }
  else if (g_str_equal (method, "CloseNotification"))
    {
      g_variant_get (parameters, "(u)", &server.closed_id);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method, "GetCapabilities"))
    {
      const char *with[] = { "actions", "body", NULL };
      const char *without[] = { "body", NULL };

      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(^as)", server.with_actions ? with : without));
    }
  else
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "fake", "kj-test", "1", "1.2"));
}

static void
server_name_acquired (GDBusConnection *connection,
                      const char      *name,
                      gpointer         user_data)
{
  server.owned = TRUE;
}

static gboolean
server_is_owned (gpointer data)
{
  return server.owned;
}

static void
server_start (void)
{
  static const GDBusInterfaceVTable vtable = { server_method, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (server_xml, &error);
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);

  g_assert_no_error (error);
  server.connection = g_dbus_connection_new_for_address_sync (address,
                                                              G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                              G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                              NULL, NULL, &error);
  g_assert_no_error (error);
  server.object_id = g_dbus_connection_register_object (server.connection, "/org/freedesktop/Notifications",
                                                        info->interfaces[0], &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  server.owner_id = g_bus_own_name_on_connection (server.connection, "org.freedesktop.Notifications",
                                                  G_BUS_NAME_OWNER_FLAGS_NONE, server_name_acquired, NULL, NULL, NULL);
  g_assert_true (kj_test_wait_until (server_is_owned, NULL));
}

static void
server_stop (void)
{
  g_bus_unown_name (server.owner_id);
  g_dbus_connection_unregister_object (server.connection, server.object_id);
  g_dbus_connection_close_sync (server.connection, NULL, NULL);
  g_clear_object (&server.connection);
  g_clear_pointer (&server.summary, g_free);
  g_clear_pointer (&server.body, g_free);
  g_clear_pointer (&server.actions, g_strfreev);
  g_clear_pointer (&server.desktop_entry, g_free);
}

static void
server_invoke (const char *action)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (server.connection, NULL, "/org/freedesktop/Notifications",
                                 "org.freedesktop.Notifications", "ActionInvoked",
                                 g_variant_new ("(us)", server.last_id, action), &error);
  g_assert_no_error (error);
}

static gboolean
notified (gpointer n)
{
  return server.n_notify >= GPOINTER_TO_UINT (n);
}

/* the label the server shows for @action, or NULL when it has no such button */
static const char *
server_button (const char *action)
{
  for (guint i = 0; server.actions != NULL && server.actions[i] && server.actions[i + 1]; i += 2)
    if (g_str_equal (server.actions[i], action))
      return server.actions[i + 1];

  return NULL;
}

/* the action of the quick button for @pain on @date, as the server has it */
static char *
log_pain_action (const char *date,
                 int         pain)
{
  return g_action_print_detailed_name ("app.log-pain", g_variant_new ("(si)", date, pain));
}

/* The default journal's application (APP_ID) as `--background` starts it:
 * registered, no window; reminders at 12:30, its clock at @date 12:29:58 UTC. */
static KjApplication *
start_app (const char *date,
           gboolean    enabled)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *iso = g_strdup_printf ("%sT12:29:58Z", date);
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GError) error = NULL;

  g_settings_set_int (settings, "reminder-time", REMINDER_MINUTE);
  g_settings_set_boolean (settings, "reminder-enabled", enabled);

  if (the_app == NULL)
    {
      the_app = kj_application_new (journal_path);
      g_assert_cmpstr (g_application_get_application_id (G_APPLICATION (the_app)), ==, APP_ID);
      kj_application_set_background (the_app, TRUE);
      g_application_register (G_APPLICATION (the_app), NULL, &error);
      g_assert_no_error (error);
      g_assert_false (g_application_get_is_remote (G_APPLICATION (the_app)));
      g_application_activate (G_APPLICATION (the_app));
      g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (the_app)));
    }
  g_assert_nonnull (kj_application_get_reminder_service (the_app));
  kj_reminder_service_set_clock (kj_application_get_reminder_service (the_app), now);

  return the_app;
}

static void
stop_app (KjApplication *app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
  kj_test_settle ();
}

static KjDay *
stored_day (const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KjStore) store = kj_store_open (journal_path, &error);
  KjDay *day;

  g_assert_no_error (error);
  day = kj_store_get_day (store, date, &error);
  g_assert_no_error (error);

  return day;
}

static gboolean
stored_today (gpointer data)
{
  g_autoptr(KjDay) day = stored_day (today);

  return day != NULL;
}

static gboolean
day_is_stored (const char *date)
{
  g_autoptr(KjDay) day = stored_day (date);

  return day != NULL;
}

static gboolean
window_on_today (gpointer app)
{
  GtkWindow *window = gtk_application_get_active_window (app);

  return KJ_IS_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         gtk_widget_get_mapped (GTK_WIDGET (kj_window_get_today_page (KJ_WINDOW (window))));
}

static gboolean
withdrawn (gpointer id)
{
  return server.closed_id == GPOINTER_TO_UINT (id);
}

static gboolean
preferences_shown (gpointer data)
{
  return kj_test_toplevel_shown (GSIZE_TO_POINTER (KJ_TYPE_PREFERENCES_WINDOW));
}

/* The Preferences' reminder rows follow the settings and set them. */
static void
check_preferences (KjApplication *app,
                   KjWindow      *window)
{
  KjReminderService *reminder = kj_application_get_reminder_service (app);
  GtkWindow *preferences = kj_test_open_dialog (GTK_WIDGET (window), "win.preferences", KJ_TYPE_PREFERENCES_WINDOW);
  GtkWidget *row = kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "Reminder Time");
  GtkWidget *switch_row = kj_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "Remind Me Every Day");
  GtkWidget *hour = NULL;
  GtkWidget *minute = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GDateTime) expected = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *label = NULL;

  g_assert_true (kj_test_wait_until (preferences_shown, NULL));
  g_assert_nonnull (row);
  g_assert_nonnull (switch_row);
  g_assert_true (gtk_widget_get_mapped (row));
  hour = kj_test_find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  minute = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (hour));
  g_assert_true (GTK_IS_SPIN_BUTTON (minute));
  kj_test_settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hour)), ==, "12");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (minute)), ==, "30");
  g_assert_true (gtk_widget_get_sensitive (row));

  /* focus on the switch scrolls the rows into view */
  g_assert_true (GTK_IS_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (switch_row))));
  gtk_widget_grab_focus (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (switch_row)));
  kj_test_settle ();
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    kj_test_settle ();
  }
  kj_test_save_screenshot (GTK_WIDGET (preferences), "reminder-preferences");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (preferences), "reminder-preferences-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* 21:05: the setting, and the timer set again to it */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hour), 21);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (minute), 5);
  g_assert_cmpint (g_settings_get_int (settings, "reminder-time"), ==, 21 * 60 + 5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (minute)), ==, "05");
  iso = g_strdup_printf ("%sT21:05:00Z", today);
  expected = g_date_time_new_from_iso8601 (iso, NULL);
  g_assert_true (g_date_time_equal (kj_reminder_service_get_next_fire (reminder), expected));

  /* the switch turns it off: the time row goes grey, the timer stops */
  g_settings_set_boolean (settings, "reminder-enabled", FALSE);
  kj_test_settle ();
  g_assert_false (gtk_widget_get_sensitive (row));
  g_assert_null (kj_reminder_service_get_next_fire (reminder));
  g_assert_false (kj_reminder_service_is_holding (reminder));

  gtk_window_destroy (preferences);
  kj_test_settle ();
}

static void
set_clock (KjApplication *app,
           const char    *date)
{
  g_autofree char *iso = g_strdup_printf ("%sT12:29:58Z", date);
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);

  kj_reminder_service_set_clock (kj_application_get_reminder_service (app), now);
}

static void
delete_day (const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KjStore) store = kj_store_open (journal_path, &error);
  g_autoptr(KjDay) day = kj_store_get_day (store, date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (day);
  g_assert_true (kj_store_delete_day (store, day->id, &error));
  g_assert_no_error (error);
}

/* At 12:30 a notification, with quick buttons (the server has “actions”).
 * A quick button logs today's pain, without a window; clicking the
 * notification opens the window on today; logging today in the window
 * withdraws the notification; a quick button never overwrites an entry. */
static void
test_reminder_notify (void)
{
  KjApplication *app;
  KjReminderService *reminder;
  KjWindow *window;
  KjTodayPage *page;
  g_autoptr(KjDay) quick = NULL;
  g_autoptr(KjDay) logged = NULL;
  g_autoptr(KjDay) still = NULL;
  g_autofree char *iso = g_strdup_printf ("%sT12:30:00Z", today);
  g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 (iso, NULL);
  g_autofree char *mild = log_pain_action (today, 2);
  g_autofree char *moderate = log_pain_action (today, 5);
  g_autofree char *severe = log_pain_action (today, 8);
  char tomorrow[11];
  gint64 started;

  kj_date_add_days (today, 1, tomorrow);
  server.with_actions = TRUE;
  server.n_notify = 0;
  app = start_app (today, TRUE);
  reminder = kj_application_get_reminder_service (app);
  started = g_get_monotonic_time ();
  g_assert_true (kj_reminder_service_is_holding (reminder));
  g_assert_true (g_date_time_equal (kj_reminder_service_get_next_fire (reminder), expected));

  /* not before its time (two seconds away), then at it */
  kj_test_settle ();
  if (g_get_monotonic_time () - started < G_USEC_PER_SEC)
    g_assert_cmpuint (server.n_notify, ==, 0);
  g_assert_true (kj_test_wait_until (notified, GUINT_TO_POINTER (1)));
  g_assert_cmpint (g_get_monotonic_time () - started, >=, G_USEC_PER_SEC);
  g_assert_cmpstr (server.summary, ==, "How is your knee today?");
  g_assert_cmpstr (server.body, ==, "Today’s pain is not logged yet.");
  g_assert_cmpstr (server.desktop_entry, ==, APP_ID);
  g_assert_nonnull (server_button ("default"));
  g_assert_cmpstr (server_button (mild), ==, "Mild (2)");
  g_assert_cmpstr (server_button (moderate), ==, "Moderate (5)");
  g_assert_cmpstr (server_button (severe), ==, "Severe (8)");
  g_assert_cmpuint (g_strv_length (server.actions), ==, 8);

  /* the timer is set for tomorrow */
  g_assert_cmpint (g_date_time_difference (kj_reminder_service_get_next_fire (reminder), expected), ==,
                   G_TIME_SPAN_DAY);

  /* “Moderate (5)”, clicked the next morning: 5 is stored for the day the
   * notification asked about, not for the morning's; no window opens */
  {
    g_autofree char *morning_iso = g_strdup_printf ("%sT07:15:00Z", tomorrow);
    g_autoptr(GDateTime) morning = g_date_time_new_from_iso8601 (morning_iso, NULL);

    kj_reminder_service_set_clock (reminder, morning);
  }
  server_invoke (moderate);
  g_assert_true (kj_test_wait_until (stored_today, NULL));
  quick = stored_day (today);
  g_assert_cmpint (quick->pain, ==, 5);
  g_assert_false (day_is_stored (tomorrow));
  kj_test_settle ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* today empty again, the reminder again: clicked, the window opens on
   * today's Today page */
  delete_day (today);
  set_clock (app, today);
  g_assert_true (kj_test_wait_until (notified, GUINT_TO_POINTER (2)));
  server_invoke ("default");
  g_assert_true (kj_test_wait_until (window_on_today, app));
  window = KJ_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  page = kj_window_get_today_page (window);
  g_assert_cmpstr (kj_today_page_get_date (page), ==, today);
  g_assert_null (kj_today_page_get_day (page));
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, window));
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (window), "reminder-opened-today");

  /* the reminder once more, with the window open; today logged there: the
   * notification is withdrawn */
  set_clock (app, today);
  g_assert_true (kj_test_wait_until (notified, GUINT_TO_POINTER (3)));
  kj_test_settle ();  /* GLib learns the server's id from the reply */
  kj_today_page_log_pain (page, 3);
  g_assert_true (kj_test_wait_until (withdrawn, GUINT_TO_POINTER (server.last_id)));
  logged = stored_day (today);
  g_assert_cmpint (logged->pain, ==, 3);

  /* a quick button never overwrites an entry */
  g_action_group_activate_action (G_ACTION_GROUP (app), "log-pain", g_variant_new ("(si)", today, 8));
  kj_test_settle ();
  still = stored_day (today);
  g_assert_cmpint (still->pain, ==, 3);
  g_assert_cmpint (kj_today_page_get_day (page)->pain, ==, 3);

  check_preferences (app, window);

  /* Quit (Ctrl+Q) with reminders on (again) closes the window, and the
   * process stays for the next reminder */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_boolean (settings, "reminder-enabled", TRUE);
  }
  kj_test_settle ();
  g_assert_true (kj_reminder_service_is_holding (reminder));
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  kj_test_settle ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_true (kj_reminder_service_is_holding (reminder));
  stop_app (app);
}

static gboolean
fired_for_tomorrow (gpointer reminder)
{
  g_autofree char *iso = g_strdup_printf ("%sT12:30:00Z", today);
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (iso, NULL);
  GDateTime *next = kj_reminder_service_get_next_fire (reminder);

  return next != NULL && g_date_time_difference (next, at) == G_TIME_SPAN_DAY;
}

/* Today is logged (the test above logged it): the timer fires, no notification. */
static void
test_reminder_logged (void)
{
  KjApplication *app;
  g_autoptr(KjDay) day = stored_day (today);

  g_assert_nonnull (day);
  server.n_notify = 0;
  app = start_app (today, TRUE);
  g_assert_true (kj_test_wait_until (fired_for_tomorrow, kj_application_get_reminder_service (app)));
  kj_test_settle ();
  g_assert_cmpuint (server.n_notify, ==, 0);
  stop_app (app);
}

/* A server without “actions”: no buttons, only the click. The day is
 * yesterday's (not logged); the window opens on the real today. */
static void
test_reminder_no_actions (void)
{
  KjApplication *app;

  server.with_actions = FALSE;
  server.n_notify = 0;
  app = start_app (yesterday, TRUE);
  g_assert_true (kj_test_wait_until (notified, GUINT_TO_POINTER (1)));
  g_assert_cmpstr (server.summary, ==, "How is your knee today?");
  g_assert_nonnull (server_button ("default"));
  g_assert_cmpuint (g_strv_length (server.actions), ==, 2);
  server_invoke ("default");
  g_assert_true (kj_test_wait_until (window_on_today, app));
  stop_app (app);
}

/* With no portal (not sandboxed) the autostart file is ours: written with
 * the right Exec when reminders go on, removed when they go off. */
static void
test_reminder_autostart_file (void)
{
  g_autofree char *path = kj_reminder_autostart_path ();
  g_autofree char *expected_path = g_build_filename (g_getenv ("XDG_CONFIG_HOME"), "autostart",
                                                     APP_ID ".desktop", NULL);
  g_autofree char *exec = kj_reminder_autostart_exec ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec_line = NULL;
  g_autofree char *expected_exec = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  KjApplication *app;

  /* never the real user's folder */
  g_assert_true (g_str_has_prefix (path, gui.home));
  g_assert_cmpstr (path, ==, expected_path);
  g_assert_cmpstr (exec, ==, self);

  app = start_app (today, FALSE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (kj_reminder_service_is_holding (kj_application_get_reminder_service (app)));

  g_settings_set_boolean (settings, "reminder-enabled", TRUE);
  g_assert_true (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec_line = g_key_file_get_string (file, "Desktop Entry", "Exec", &error);
  expected_exec = g_strdup_printf ("%s --background", self);
  g_assert_cmpstr (exec_line, ==, expected_exec);
  g_assert_cmpstr (g_key_file_get_string (file, "Desktop Entry", "Type", NULL), ==, "Application");
  g_assert_true (g_key_file_get_boolean (file, "Desktop Entry", "NoDisplay", NULL));
  g_assert_true (g_key_file_get_boolean (file, "Desktop Entry", "X-GNOME-Autostart-enabled", NULL));
  g_assert_true (kj_reminder_service_is_holding (kj_application_get_reminder_service (app)));

  g_settings_set_boolean (settings, "reminder-enabled", FALSE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (kj_reminder_service_is_holding (kj_application_get_reminder_service (app)));

  stop_app (app);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
file_gone (gpointer path)
{
  return !g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
wait_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

static gboolean
name_has_owner (const char *name)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "NameHasOwner", g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  g_assert_nonnull (reply);
  g_variant_get (reply, "(b)", &owned);

  return owned;
}

static gboolean
app_name_owned (gpointer data)
{
  return name_has_owner (APP_ID);
}

/* The real program: `knee-journal --background` exits at once when
 * reminders are off; when they are on it stays, owns the application's
 * name with no window, writes its autostart file, and quits when they are
 * turned off. Settings go through a key file both processes watch. */
static void
test_reminder_background_process (void)
{
  g_autofree char *keyfile = g_build_filename (g_getenv ("XDG_CONFIG_HOME"), "glib-2.0", "settings", "keyfile", NULL);
  g_autofree char *keyfile_dir = g_path_get_dirname (keyfile);
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = kj_reminder_autostart_path ();
  g_autofree char *contents = NULL;
  g_autofree char *exec_line = NULL;
  g_autofree char *status_path = NULL;
  g_autofree char *status = NULL;
  const char *binary = g_getenv ("KJ_BINARY");
  gboolean done = FALSE;

  g_assert_nonnull (binary);
  g_assert_false (name_has_owner (APP_ID));
  g_mkdir_with_parents (keyfile_dir, 0700);
  backend = g_keyfile_settings_backend_new (keyfile, "/", NULL);
  settings = g_settings_new_with_backend (APP_ID, backend);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);

  /* off: nothing to do */
  g_settings_set_boolean (settings, "reminder-enabled", FALSE);
  g_settings_sync ();
  process = g_subprocess_launcher_spawn (launcher, &error, binary, "--background", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_clear_object (&process);

  /* on: it stays */
  g_settings_set_boolean (settings, "reminder-enabled", TRUE);
  g_settings_sync ();
  process = g_subprocess_launcher_spawn (launcher, &error, binary, "--background", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, wait_done, &done);
  g_assert_true (kj_test_wait_until (file_exists, path));
  g_assert_true (kj_test_wait_until (app_name_owned, NULL));
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  exec_line = g_strdup_printf ("\nExec=%s --background\n", binary);
  g_assert_nonnull (strstr (contents, exec_line));
  g_usleep (G_USEC_PER_SEC);
  kj_test_settle ();
  g_assert_false (done);

  /* its memory, idle (for the record; doc/testing.md) */
  status_path = g_strdup_printf ("/proc/%s/status", g_subprocess_get_identifier (process));
  if (g_file_get_contents (status_path, &status, NULL, NULL) && strstr (status, "VmRSS:") != NULL)
    g_test_message ("knee-journal --background, idle: %.*s", (int) strcspn (strstr (status, "VmRSS:"), "\n"),
                    strstr (status, "VmRSS:"));

  /* off: the file goes, and so does the process */
  g_settings_set_boolean (settings, "reminder-enabled", FALSE);
  g_settings_sync ();
  g_assert_true (kj_test_wait_until (is_true, &done));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_true (kj_test_wait_until (file_gone, path));
  g_assert_false (name_has_owner (APP_ID));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDateTime) now = NULL;
  int status;

  /* one zone for the service and the window */
  g_setenv ("TZ", "UTC", TRUE);

  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  journal_path = kj_store_default_path ();
  g_mkdir_with_parents (g_path_get_dirname (journal_path), 0700);
  now = g_date_time_new_now_utc ();
  g_snprintf (today, sizeof today, "%04d-%02d-%02d", g_date_time_get_year (now), g_date_time_get_month (now),
              g_date_time_get_day_of_month (now));
  kj_date_add_days (today, -1, yesterday);
  server_start ();

  g_test_add_func ("/reminder-service/background-process", test_reminder_background_process);
  g_test_add_func ("/reminder-service/autostart-file", test_reminder_autostart_file);
  g_test_add_func ("/reminder-service/notify", test_reminder_notify);
  g_test_add_func ("/reminder-service/logged", test_reminder_logged);
  g_test_add_func ("/reminder-service/no-actions", test_reminder_no_actions);

  status = g_test_run ();
  g_clear_object (&the_app);
  server_stop ();
  g_free (journal_path);

  return kj_test_gui_finish (&gui, status);
}
