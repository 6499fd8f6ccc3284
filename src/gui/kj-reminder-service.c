/* kj-reminder-service.c — the daily reminder: its timer, the notification, running in the background, autostart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * doc/architecture.md, “The daily reminder”. Only the default journal's
 * instance (APP_ID) has one. While reminders are on it holds the
 * application, so the process stays when the window closes (and
 * `knee-journal --background`, started at login, runs with no window); when
 * they are turned off it lets go, and a process with no window quits.
 *
 * The timer is a timerfd on CLOCK_REALTIME armed at the next reminder's
 * wall-clock instant (TFD_TIMER_ABSTIME): it fires after a suspend that
 * slept through it, and it is cancelled (ECANCELED) when the clock is set,
 * whereupon the next time is computed again with the local zone read anew,
 * as it is when /etc/localtime changes (the zone, not the clock). No polling.
 *
 * The tests set the service's clock with kj_reminder_service_set_clock().
 */
#define G_LOG_DOMAIN "knee-journal-reminder"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <libportal/portal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "kj-programs.h"
#include "kj-reminder.h"
#include "kj-reminder-service.h"
#include "kj-window.h"

#define NOTIFICATION_ID "daily-reminder"

struct _KjReminderService
{
  GObject        parent_instance;

  KjApplication *application;     /* (not owned): it owns the service */
  GSettings     *settings;
  gboolean       enabled;
  gboolean       holding;
  int            timer_fd;
  guint          timer_source;
  gint64         clock_offset;    /* µs added to the real clock (tests) */
  GDateTime     *next_fire;
  char          *notified_day;    /* the day a notification is shown for */
  GCancellable  *cancellable;
  XdpPortal     *portal;          /* only when sandboxed */
  GFileMonitor  *zone_monitor;    /* /etc/localtime: the computer changed zones */
};

G_DEFINE_FINAL_TYPE (KjReminderService, kj_reminder_service, G_TYPE_OBJECT)

/* the quick buttons: the value stored, and its label */
static const struct { int pain; const char *label; } quick_pains[] = {
  /* Translators: a notification button that logs today's pain as 2 of 10 */
  { 2, N_("Mild (2)") },
  /* Translators: a notification button that logs today's pain as 5 of 10 */
  { 5, N_("Moderate (5)") },
  /* Translators: a notification button that logs today's pain as 8 of 10 */
  { 8, N_("Severe (8)") },
};

static GDateTime *
service_now (KjReminderService *self)
{
  gint64 us = g_get_real_time () + self->clock_offset;
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);

  return g_date_time_add (seconds, us % G_USEC_PER_SEC);
}

/* The local zone as it is now: GLib keeps the zone it read first, and the
 * computer may have travelled since (TZ, else /etc/localtime, read anew). */
static GTimeZone *
local_zone (void)
{
  GTimeZone *tz;

  tzset ();
  tz = g_time_zone_new_identifier (g_getenv ("TZ"));

  return tz != NULL ? tz : g_time_zone_new_utc ();
}

static void arm (KjReminderService *self);
static void check_today (KjReminderService *self);

static gboolean
timer_ready (int          fd,
             GIOCondition condition,
             gpointer     user_data)
{
  KjReminderService *self = user_data;
  guint64 expirations;
  ssize_t n = read (fd, &expirations, sizeof expirations);
  gboolean due = n == sizeof expirations;

  if (n < 0 && errno == EAGAIN)
    return G_SOURCE_CONTINUE;

  /* The clock was set, or the computer woke up (the kernel cancels the
   * timer for both, and its expiry with it): today's reminder, slept
   * through, is given now; then the next is computed again. */
  if (n < 0 && errno == ECANCELED)
    {
      g_autoptr(GDateTime) now = service_now (self);
      g_autoptr(GTimeZone) tz = local_zone ();

      due = kj_reminder_slept_through (self->next_fire, now, tz);
      g_debug ("The clock jumped; %s", due ? "the reminder is due" : "the next reminder is computed again");
    }

  if (due)
    check_today (self);
  arm (self);

  return G_SOURCE_CONTINUE;
}

/* Sets the timer to the next reminder, or stops it when reminders are off. */
static void
arm (KjReminderService *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  struct itimerspec spec = { { 0, 0 }, { 0, 0 } };
  gint64 fire_us;

  g_clear_pointer (&self->next_fire, g_date_time_unref);
  if (self->timer_fd < 0)
    {
      if (!self->enabled)
        return;
      self->timer_fd = timerfd_create (CLOCK_REALTIME, TFD_CLOEXEC | TFD_NONBLOCK);
      if (self->timer_fd < 0)
        {
          g_warning ("The reminder's timer could not be made: %s", g_strerror (errno));
          return;
        }
      self->timer_source = g_unix_fd_add (self->timer_fd, G_IO_IN, timer_ready, self);
    }

  if (self->enabled)
    {
      now = service_now (self);
      tz = local_zone ();
      self->next_fire = kj_reminder_next_fire (now, tz, g_settings_get_int (self->settings, "reminder-time"));
      fire_us = g_date_time_to_unix (self->next_fire) * G_USEC_PER_SEC - self->clock_offset;
      spec.it_value.tv_sec = fire_us / G_USEC_PER_SEC;
      spec.it_value.tv_nsec = (fire_us % G_USEC_PER_SEC) * 1000;
      if (spec.it_value.tv_nsec < 0)
        {
          spec.it_value.tv_sec--;
          spec.it_value.tv_nsec += 1000000000;
        }
    }

  /* all zero disarms the timer */
  if (timerfd_settime (self->timer_fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, NULL) < 0)
    g_warning ("The reminder's timer could not be set: %s", g_strerror (errno));
}

static void
withdraw (KjReminderService *self)
{
  if (self->notified_day == NULL)
    return;

  g_application_withdraw_notification (G_APPLICATION (self->application), NOTIFICATION_ID);
  g_clear_pointer (&self->notified_day, g_free);
}

static void
send_notification (KjReminderService *self,
                   gboolean           with_buttons)
{
  g_autoptr(GNotification) notification = g_notification_new (_("How is your knee today?"));

  g_notification_set_body (notification, _("Today’s pain is not logged yet."));
  /* clicking it opens the window on today */
  g_notification_set_default_action (notification, "app.open-today");
  /* GNOME Shell shows three buttons at most: Log Pain… is the click itself */
  if (with_buttons)
    for (guint i = 0; i < G_N_ELEMENTS (quick_pains); i++)
      g_notification_add_button_with_target (notification, _(quick_pains[i].label), "app.log-pain", "(si)",
                                             self->notified_day, quick_pains[i].pain);

  g_application_send_notification (G_APPLICATION (self->application), NOTIFICATION_ID, notification);
}

static void
capabilities_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KjReminderService) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree const char **capabilities = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (reply != NULL)
    g_variant_get (reply, "(^a&s)", &capabilities);

  send_notification (self, capabilities != NULL && g_strv_contains (capabilities, "actions"));
}

static void
gtk_server_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KjReminderService) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  if (has_owner)
    {
      send_notification (self, TRUE);
      return;
    }

  g_dbus_connection_call (G_DBUS_CONNECTION (source), "org.freedesktop.Notifications",
                          "/org/freedesktop/Notifications", "org.freedesktop.Notifications", "GetCapabilities",
                          NULL, G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, 5000, self->cancellable,
                          capabilities_done, g_object_ref (self));
}

/* Buttons only where the server shows them. GLib 2.74 sends through the
 * portal when sandboxed, else to org.gtk.Notifications when that has an
 * owner (GNOME Shell), else to org.freedesktop.Notifications, which says
 * whether it has “actions”. */
static void
notify (KjReminderService *self)
{
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (self->application));

  if (self->portal != NULL || bus == NULL)
    {
      send_notification (self, self->portal != NULL);
      return;
    }

  g_dbus_connection_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "NameHasOwner", g_variant_new ("(s)", "org.gtk.Notifications"), G_VARIANT_TYPE ("(b)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable, gtk_server_done, g_object_ref (self));
}

/* Every window stores its edit of the day first. */
static void
flush_windows (KjReminderService *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self->application)); l != NULL; l = l->next)
    if (KJ_IS_WINDOW (l->data))
      kj_window_flush (l->data);
}

/* The journal on a connection of the reminder's own, for the moment it is
 * needed: the background instance holds no journal between reminders. */
static KjStore *
open_journal (KjReminderService *self,
              GError           **error)
{
  return kj_store_open (kj_application_get_db_path (self->application), error);
}

/* It is time: remind, unless today is logged. */
static void
check_today (KjReminderService *self)
{
  g_autoptr(GDateTime) now = service_now (self);
  g_autoptr(GTimeZone) tz = local_zone ();
  g_autofree char *today = kj_reminder_day (now, tz);
  g_autoptr(KjStore) store = NULL;
  g_autoptr(KjDay) entry = NULL;
  g_autoptr(GError) error = NULL;

  flush_windows (self);
  /* no journal yet: nothing is logged */
  if (g_file_test (kj_application_get_db_path (self->application), G_FILE_TEST_EXISTS) &&
      (!(store = open_journal (self, &error)) ||
       (!(entry = kj_store_get_day (store, today, &error)) && error != NULL)))
    {
      g_message ("The daily reminder could not read the journal: %s", error->message);
      return;
    }

  if (!kj_reminder_should_notify (today, entry))
    return;

  g_free (self->notified_day);
  self->notified_day = g_steal_pointer (&today);
  notify (self);
}

/* app.open-today: the window, on today, the pain field focused */
static void
open_today (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  KjReminderService *self = user_data;
  KjWindow *window = kj_application_present_window (self->application);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.log-today", NULL);
}

/* app.log-pain((si)): the pain of the day the notification asked about (it
 * may be answered the next morning), from a quick button; stored when that
 * day has no entry yet (an entry is never overwritten) and is not in the
 * future; open windows show it. No window is opened: the button is for
 * logging without one. */
static void
log_pain (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  KjReminderService *self = user_data;
  g_autoptr(GDateTime) now = service_now (self);
  g_autoptr(GTimeZone) tz = local_zone ();
  g_autofree char *today = kj_reminder_day (now, tz);
  g_autoptr(KjStore) store = NULL;
  g_autoptr(KjDay) entry = NULL;
  g_autoptr(KjDay) day = NULL;
  g_autoptr(GError) error = NULL;
  const char *date;
  int pain;

  g_variant_get (parameter, "(&si)", &date, &pain);
  if (pain < 0 || pain > 10 || !kj_date_is_valid (date) || strcmp (date, today) > 0)
    return;

  flush_windows (self);
  if (!(store = open_journal (self, &error)) ||
      (!(entry = kj_store_get_day (store, date, &error)) && error != NULL))
    {
      g_message ("The pain of %s could not be logged: %s", date, error->message);
      return;
    }

  if (entry == NULL)
    {
      day = kj_day_new (date);
      day->pain = pain;
      if (!kj_store_save_day (store, day, &error))
        {
          g_message ("The pain of %s could not be logged: %s", date, error->message);
          return;
        }
    }

  withdraw (self);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self->application)); l != NULL; l = l->next)
    if (KJ_IS_WINDOW (l->data))
      kj_window_reload (l->data);
}

static const GActionEntry actions[] = {
  { "open-today", open_today },
  { "log-pain", log_pain, "(si)" },
};

/* The Exec line's program, quoted as the Desktop Entry Specification asks */
static char *
quote_exec (const char *path)
{
  GString *quoted;

  if (strpbrk (path, " \t\n\"'\\><~|&;$*?#()`=%") == NULL)
    return g_strdup (path);

  quoted = g_string_new ("\"");
  for (const char *p = path; *p != '\0'; p++)
    {
      if (strchr ("\"`$\\", *p) != NULL)
        g_string_append_c (quoted, '\\');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');

  /* the desktop file's own string escape: each backslash doubled, % as %% */
  {
    g_autofree char *raw = g_string_free (quoted, FALSE);
    g_auto(GStrv) parts = g_strsplit (raw, "\\", -1);
    g_autofree char *escaped = g_strjoinv ("\\\\", parts);
    g_auto(GStrv) percent = g_strsplit (escaped, "%", -1);

    return g_strjoinv ("%%", percent);
  }
}

static void
background_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!xdp_portal_request_background_finish (XDP_PORTAL (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("The background portal refused: %s", error->message);
}

/* At login, `knee-journal --background`: through the Background portal when
 * sandboxed (the portal writes the autostart entry for the sandbox), else
 * an XDG autostart file of our own. */
static void
sync_autostart (KjReminderService *self)
{
  g_autofree char *path = kj_reminder_autostart_path ();
  g_autoptr(GError) error = NULL;

  if (self->portal != NULL)
    {
      g_autoptr(GPtrArray) commandline = g_ptr_array_new_null_terminated (2, g_free, TRUE);

      g_ptr_array_add (commandline, g_strdup ("knee-journal"));
      g_ptr_array_add (commandline, g_strdup ("--background"));
      xdp_portal_request_background (self->portal, NULL, _("Remind you every day to log your knee pain"),
                                     commandline,
                                     self->enabled ? XDP_BACKGROUND_FLAG_AUTOSTART : XDP_BACKGROUND_FLAG_NONE,
                                     self->cancellable, background_done, NULL);
      return;
    }

  if (self->enabled)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *exec = kj_reminder_autostart_exec ();
      g_autofree char *quoted = quote_exec (exec);
      g_autofree char *contents =
        g_strdup_printf ("[Desktop Entry]\n"
                         "Type=Application\n"
                         "Name=%s\n"
                         "Exec=%s --background\n"
                         "Icon=" APP_ID "\n"
                         "Terminal=false\n"
                         "NoDisplay=true\n"
                         "X-GNOME-Autostart-enabled=true\n"
                         "X-GNOME-UsesNotifications=true\n",
                         _("Knee Journal"), quoted);

      if (g_mkdir_with_parents (dir, 0700) < 0 ||
          !g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
        g_message ("The reminder cannot start at login: %s",
                   error != NULL ? error->message : g_strerror (errno));
    }
  else if (g_unlink (path) < 0 && errno != ENOENT)
    g_message ("The reminder's autostart file could not be removed: %s", g_strerror (errno));
}

static void
zone_changed (KjReminderService *self)
{
  g_debug ("The time zone changed; the next reminder is computed again");
  arm (self);
}

static void
settings_changed (KjReminderService *self,
                  const char        *key)
{
  gboolean was_enabled = self->enabled;

  self->enabled = g_settings_get_boolean (self->settings, "reminder-enabled");
  arm (self);
  if (was_enabled != self->enabled || key == NULL)
    sync_autostart (self);

  if (self->enabled && !self->holding)
    g_application_hold (G_APPLICATION (self->application));
  else if (!self->enabled && self->holding)
    {
      withdraw (self);
      g_application_release (G_APPLICATION (self->application));
    }
  self->holding = self->enabled;
}

static void
kj_reminder_service_dispose (GObject *object)
{
  KjReminderService *self = KJ_REMINDER_SERVICE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->holding)
    g_application_release (G_APPLICATION (self->application));
  self->holding = FALSE;
  if (self->zone_monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->zone_monitor, self);
  g_clear_object (&self->zone_monitor);
  g_clear_handle_id (&self->timer_source, g_source_remove);
  if (self->timer_fd >= 0)
    close (self->timer_fd);
  self->timer_fd = -1;

  G_OBJECT_CLASS (kj_reminder_service_parent_class)->dispose (object);
}

static void
kj_reminder_service_finalize (GObject *object)
{
  KjReminderService *self = KJ_REMINDER_SERVICE (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->portal);
  g_clear_pointer (&self->next_fire, g_date_time_unref);
  g_clear_pointer (&self->notified_day, g_free);

  G_OBJECT_CLASS (kj_reminder_service_parent_class)->finalize (object);
}

static void
kj_reminder_service_class_init (KjReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kj_reminder_service_dispose;
  object_class->finalize = kj_reminder_service_finalize;
}

static void
kj_reminder_service_init (KjReminderService *self)
{
  self->timer_fd = -1;
  self->cancellable = g_cancellable_new ();
}

/**
 * kj_reminder_service_new:
 * @application: the default journal's application, registered
 *
 * Starts the reminder as the settings say: its timer, its hold on
 * @application, its autostart entry; and follows their changes. Adds the
 * actions app.open-today and app.log-pain((si)).
 *
 * Returns: (transfer full): the service
 */
KjReminderService *
kj_reminder_service_new (KjApplication *application)
{
  KjReminderService *self;

  g_return_val_if_fail (KJ_IS_APPLICATION (application), NULL);

  self = g_object_new (KJ_TYPE_REMINDER_SERVICE, NULL);
  self->application = application;
  self->settings = g_settings_new (APP_ID);
  if (xdp_portal_running_under_sandbox ())
    self->portal = xdp_portal_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions), self);
  g_signal_connect_swapped (self->settings, "changed::reminder-enabled", G_CALLBACK (settings_changed), self);
  g_signal_connect_swapped (self->settings, "changed::reminder-time", G_CALLBACK (settings_changed), self);
  {
    g_autoptr(GFile) localtime = g_file_new_for_path ("/etc/localtime");

    self->zone_monitor = g_file_monitor_file (localtime, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
    if (self->zone_monitor != NULL)
      g_signal_connect_swapped (self->zone_monitor, "changed", G_CALLBACK (zone_changed), self);
  }
  settings_changed (self, NULL);

  return self;
}

/* Whether reminders are on (for `--background`, before anything starts) */
gboolean
kj_reminder_service_is_enabled (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_boolean (settings, "reminder-enabled");
}

/**
 * kj_reminder_service_day_changed:
 * @date: the day whose entry was stored or deleted
 *
 * A reminder for @date is withdrawn once it is logged.
 */
void
kj_reminder_service_day_changed (KjReminderService *self,
                                 const char        *date)
{
  g_return_if_fail (KJ_IS_REMINDER_SERVICE (self));

  if (self->notified_day != NULL && g_strcmp0 (date, self->notified_day) == 0)
    withdraw (self);
}

/**
 * kj_reminder_service_set_clock:
 * @now: the instant the service's clock is to show now
 *
 * For the tests: from now on the service's clock runs from @now, and the
 * timer is set again by it (it still fires by the real clock, offset).
 */
void
kj_reminder_service_set_clock (KjReminderService *self,
                               GDateTime         *now)
{
  g_return_if_fail (KJ_IS_REMINDER_SERVICE (self));
  g_return_if_fail (now != NULL);

  self->clock_offset = g_date_time_to_unix (now) * G_USEC_PER_SEC + g_date_time_get_microsecond (now) -
                       g_get_real_time ();
  arm (self);
}

/* Returns: (transfer none) (nullable): when the timer fires next, %NULL when off */
GDateTime *
kj_reminder_service_get_next_fire (KjReminderService *self)
{
  g_return_val_if_fail (KJ_IS_REMINDER_SERVICE (self), NULL);

  return self->next_fire;
}

gboolean
kj_reminder_service_is_holding (KjReminderService *self)
{
  g_return_val_if_fail (KJ_IS_REMINDER_SERVICE (self), FALSE);

  return self->holding;
}

/* Returns: (transfer full): $XDG_CONFIG_HOME/autostart/APP_ID.desktop */
char *
kj_reminder_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

/**
 * kj_reminder_autostart_exec:
 *
 * The program the autostart file starts: the installed knee-journal when
 * that is what runs, else the running program itself (a build tree, another
 * prefix), so that login starts the same program that was set up. The
 * window's program, knee-journal-ui, stands for the knee-journal that ran it.
 *
 * Returns: (transfer full): an absolute path
 */
char *
kj_reminder_autostart_exec (void)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *installed = g_build_filename (BINDIR, "knee-journal", NULL);
  g_autofree char *installed_real = realpath (installed, NULL);

  if (self_exe == NULL || g_str_has_suffix (self_exe, " (deleted)"))
    return g_steal_pointer (&installed);  /* replaced by an upgrade: the installed one */

  if (g_str_has_suffix (self_exe, G_DIR_SEPARATOR_S KJ_PROGRAM_UI))
    {
      g_free (self_exe);
      self_exe = kj_programs_find_cli ();
    }

  if (installed_real != NULL && g_str_equal (installed_real, self_exe))
    return g_steal_pointer (&installed);

  return g_steal_pointer (&self_exe);
}
