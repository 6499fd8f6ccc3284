/* kj-application.c — the application: one journal, its windows and app-wide actions (About, Help, Quit)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "knee-journal-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "kj-application.h"
#include "kj-backup.h"
#include "kj-demo.h"
#include "kj-reminder-service.h"
#include "kj-window.h"

struct _KjApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  KjStore        *store;
  GError         *open_error;
  guint           logout_cookie;  /* the session is asked to wait for an edit */
  guint           logout_retry;
  gboolean        demo;           /* a --demo journal: its folder goes when the app does */
  gboolean        background;     /* --background: the first activation opens no window */
  gboolean        store_tried;    /* the journal is opened when first needed */
  GThread        *open_thread;    /* opening it while GTK starts and the window is built */
  guint           backup_source;  /* the daily backup, a moment after the window */
  GMutex          backup_lock;
  GCond           backup_cond;
  gboolean        backup_running; /* its thread copies the journal: an ending waits for it */
  KjReminderService *reminder;    /* the default journal's daily reminder */
  guint           signal_sources[3];
};

G_DEFINE_FINAL_TYPE (KjApplication, kj_application, ADW_TYPE_APPLICATION)

#define BACKUP_DELAY_S 2

enum {
  PROP_0,
  PROP_DB_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DAILY_BACKUP_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Stores what every window has waiting (an edit in its autosave pause, its
 * size), at once: before quitting, when the session ends, before a dialog. */
static void
flush_windows (KjApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (KJ_IS_WINDOW (l->data))
      kj_window_flush (l->data);
}

static void
kj_application_about (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  KjApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Knee Journal developers"), NULL };
  AdwAboutWindow *about;

  flush_windows (self);
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "application-name", _("Knee Journal"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Knee Journal developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("A pain journal for runners with knee pain: log pain, where it hurts, treatments "
                                      "and runs every day, and see whether conservative treatment is working.\n\n"
                                      "Your journal stays on this computer. Knee Journal never uses the network.\n\n"
                                      "Knee Journal summarises your own records; it does not diagnose. See a doctor "
                                      "when pain does not improve within a few weeks, or at once for locking, giving "
                                      "way, marked swelling or fever."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
show_help_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (gtk_show_uri_full_finish (parent, result, &error))
    return;

  g_message ("The manual could not be opened: %s", error->message);
  body = g_strdup_printf (_("%s\n\nThe manual opens in the Help app. Install it (on Debian, the package “yelp”) and "
                            "try again."), error->message);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("The Manual Could Not Be Opened"), body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * kj_application_show_help:
 * @parent: (nullable): the window the Help app belongs to
 * @page: (nullable): a page of the manual (“assessment”), or %NULL for its index
 *
 * Opens the manual (help/C, installed by gnome.yelp()) in the Help app: the
 * URI help:io.github.kneejournal.KneeJournal, or …/@page. When no app opens
 * it, a dialog says what to install.
 */
void
kj_application_show_help (GtkWindow  *parent,
                          const char *page)
{
  g_autofree char *uri = page != NULL ? g_strdup_printf ("help:%s/%s", APP_ID, page) : g_strdup ("help:" APP_ID);

  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, show_help_done,
                     parent != NULL ? g_object_ref (parent) : NULL);
}

/* F1 */
static void
kj_application_help (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  kj_application_show_help (gtk_application_get_active_window (GTK_APPLICATION (user_data)), NULL);
}

/* Ctrl+Q: every window stores its edit; one that cannot asks first. While
 * the daily reminder is on, Quit closes the windows and the process stays
 * for the reminder, as a closed window leaves it (doc/architecture.md, “The
 * daily reminder”); turning reminders off ends it. */
static void
kj_application_quit (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  KjApplication *self = KJ_APPLICATION (user_data);
  g_autoptr(GList) windows = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (KJ_IS_WINDOW (l->data) && !kj_window_confirm_unsaved (l->data, TRUE))
      {
        gtk_window_present (l->data);
        return;
      }

  if (self->reminder == NULL || !kj_reminder_service_is_holding (self->reminder))
    {
      g_application_quit (G_APPLICATION (self));
      return;
    }

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
}

/* While an edit cannot be stored, the session is asked to wait (the session
 * manager says why); the edit is tried again every second until it is in. */
static gboolean
retry_before_logout (gpointer data)
{
  KjApplication *self = data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (KJ_IS_WINDOW (l->data) && !kj_window_flush (l->data))
      return G_SOURCE_CONTINUE;

  g_settings_sync ();
  if (self->logout_cookie != 0)
    gtk_application_uninhibit (GTK_APPLICATION (self), self->logout_cookie);
  self->logout_cookie = 0;
  self->logout_retry = 0;

  return G_SOURCE_REMOVE;
}

/* The session is ending (register-session is set): the process may be
 * killed any moment after this returns. */
static void
kj_application_query_end (KjApplication *self)
{
  GtkWindow *unsaved = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (KJ_IS_WINDOW (l->data) && !kj_window_flush (l->data) && unsaved == NULL)
      unsaved = l->data;
  g_settings_sync ();

  /* (without a session manager there is no one to ask, and the cookie is 0) */
  if (unsaved != NULL && self->logout_retry == 0)
    {
      self->logout_cookie = gtk_application_inhibit (GTK_APPLICATION (self), unsaved, GTK_APPLICATION_INHIBIT_LOGOUT,
                                                     _("A change to the knee journal could not be saved yet"));
      self->logout_retry = g_timeout_add_seconds (1, retry_before_logout, self);
    }
}

/**
 * kj_application_is_inhibiting_logout:
 *
 * Returns: whether the session end waits for an edit that could not be
 *   stored yet
 */
gboolean
kj_application_is_inhibiting_logout (KjApplication *self)
{
  g_return_val_if_fail (KJ_IS_APPLICATION (self), FALSE);

  return self->logout_retry != 0;
}

static const GActionEntry app_actions[] = {
  { "about", kj_application_about },
  { "help", kj_application_help },
  { "quit", kj_application_quit },
};

/* The daily backup of the journal at @path, on a connection of its own */
static gboolean
make_daily_backup (const char  *path,
                   gboolean    *made,
                   GError     **error)
{
  g_autoptr(KjStore) store = NULL;
  g_autofree char *today = kj_date_today ();

  return (store = kj_store_open (path, error)) != NULL && kj_backup_run (store, today, made, error);
}

/* The daily backup, off the main thread. */
static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  KjApplication *self = source_object;
  GError *error = NULL;
  gboolean made = FALSE;
  gboolean ok = make_daily_backup (task_data, &made, &error);

  g_mutex_lock (&self->backup_lock);
  self->backup_running = FALSE;
  g_cond_broadcast (&self->backup_cond);
  g_mutex_unlock (&self->backup_lock);

  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, made);
}

static void
backup_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) && error != NULL)
    g_message ("The daily backup could not be made: %s", error->message);
  g_signal_emit (object, signals[DAILY_BACKUP_DONE], 0);
}

static void
start_daily_backup (KjApplication *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, backup_done, NULL);

  g_task_set_source_tag (task, start_daily_backup);
  g_task_set_task_data (task, g_strdup (self->db_path), g_free);
  g_mutex_lock (&self->backup_lock);
  self->backup_running = TRUE;
  g_mutex_unlock (&self->backup_lock);
  g_task_run_in_thread (task, backup_thread);
}

/**
 * kj_application_start_daily_backup:
 *
 * Starts the day's backup on its thread now if it still waits for its delay
 * after the window opened: Preferences → Backups is about to list the
 * backups, and lists them again at ::daily-backup-done.
 */
void
kj_application_start_daily_backup (KjApplication *self)
{
  g_return_if_fail (KJ_IS_APPLICATION (self));

  if (self->backup_source == 0)
    return;

  g_clear_handle_id (&self->backup_source, g_source_remove);
  start_daily_backup (self);
}

/**
 * kj_application_finish_daily_backup:
 *
 * Makes the day's backup at once if it still waits for its delay after the
 * window opened, or waits for it if its thread is copying the journal: the
 * application is ending, and a process that ends in the middle of the copy
 * leaves a half-written file and no backup.
 */
void
kj_application_finish_daily_backup (KjApplication *self)
{
  g_autoptr(GError) error = NULL;
  gboolean made = FALSE;

  g_return_if_fail (KJ_IS_APPLICATION (self));

  g_mutex_lock (&self->backup_lock);
  while (self->backup_running)
    g_cond_wait (&self->backup_cond, &self->backup_lock);
  g_mutex_unlock (&self->backup_lock);

  if (self->backup_source == 0)
    return;

  g_clear_handle_id (&self->backup_source, g_source_remove);
  if (!make_daily_backup (self->db_path, &made, &error))
    g_message ("The daily backup could not be made: %s", error->message);
}

static gboolean
start_daily_backup_later (gpointer data)
{
  KjApplication *self = data;

  self->backup_source = 0;
  start_daily_backup (self);

  return G_SOURCE_REMOVE;
}

static gboolean
quit_on_signal (gpointer data)
{
  KjApplication *self = data;

  flush_windows (self);
  g_application_quit (G_APPLICATION (self));

  return G_SOURCE_CONTINUE;
}

typedef struct
{
  char    *path;
  KjStore *store;
  GError  *error;
} OpenJob;

static gpointer
open_thread (gpointer data)
{
  OpenJob *job = data;

  job->store = kj_store_open (job->path, &job->error);

  return job;
}

/* Opening the journal checks the whole file (kj_store_open()), which takes
 * as long as GTK's own start: on a second core it runs meanwhile, until the
 * window asks for the journal (ensure_store()). The store is used by this
 * thread only after the join. */
static void
start_opening (KjApplication *self)
{
  OpenJob *job = g_new0 (OpenJob, 1);
  g_autoptr(GError) error = NULL;

  job->path = g_strdup (self->db_path);
  self->open_thread = g_thread_try_new ("kj-open", open_thread, job, &error);
  if (self->open_thread == NULL)
    {
      g_free (job->path);
      g_free (job);
    }
}

/* The journal opened by start_opening(), or NULL when it was not started */
static gboolean
finish_opening (KjApplication *self)
{
  OpenJob *job;

  if (self->open_thread == NULL)
    return FALSE;

  job = g_thread_join (g_steal_pointer (&self->open_thread));
  self->store = job->store;
  self->open_error = job->error;
  g_free (job->path);
  g_free (job);

  return TRUE;
}

/* Opens the journal, once, and starts its daily backup. */
static void
ensure_store (KjApplication *self)
{
  if (self->store_tried)
    return;
  self->store_tried = TRUE;

  if (!finish_opening (self))
    self->store = kj_store_open (self->db_path, &self->open_error);
  if (self->store == NULL)
    g_message ("%s", self->open_error->message);
  /* The backup reads the whole journal on a connection of its own: a
   * moment later, it leaves both cores to the window's first frame. */
  else if (!self->demo && !kj_store_is_empty (self->store))
    self->backup_source = g_timeout_add_seconds_full (G_PRIORITY_LOW, BACKUP_DELAY_S, start_daily_backup_later,
                                                      self, NULL);
}

static void
kj_application_startup (GApplication *app)
{
  KjApplication *self = KJ_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *import_accels[] = { "<Control>o", NULL };
  static const char *export_json_accels[] = { "<Control>e", NULL };
  static const char *export_csv_accels[] = { "<Control><Shift>e", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *report_accels[] = { "<Control><Shift>p", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };
  static const char *help_accels[] = { "F1", NULL };
  /* GtkApplication sets this for gtk/help-overlay.ui; the window builds kj-shortcuts-window.ui itself */
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  /* the day and the page from wherever the focus is in the window */
  static const char *previous_day_accels[] = { "<Alt>Left", "<Alt>Page_Up", NULL };
  static const char *next_day_accels[] = { "<Alt>Right", "<Alt>Page_Down", NULL };
  static const char *today_accels[] = { "<Alt>Home", NULL };
  static const struct { const char *action; const char *accels[2]; } page_accels[] = {
    { "win.show-page::today", { "<Alt>1", NULL } },
    { "win.show-page::history", { "<Alt>2", NULL } },
    { "win.show-page::trends", { "<Alt>3", NULL } },
  };

  /* the background instance opens the journal only when a window needs it */
  if (!self->background)
    start_opening (self);

  /* The background instance leaves OpenGL alone: on X11, GTK loads the GL
   * driver when it opens the display (with Mesa's llvmpipe some 60 MB), for
   * a process that may never show a window. Its windows are drawn with
   * GTK's cairo renderer. Children get the environment as it was. */
  if (self->background)
    {
      g_autofree char *gdk_debug = g_strdup (g_getenv ("GDK_DEBUG"));
      g_autofree char *no_gl = gdk_debug != NULL && *gdk_debug != '\0' ? g_strconcat (gdk_debug, ",gl-disable", NULL)
                                                                       : g_strdup ("gl-disable");

      g_setenv ("GDK_DEBUG", no_gl, TRUE);
      G_APPLICATION_CLASS (kj_application_parent_class)->startup (app);
      if (gdk_debug != NULL)
        g_setenv ("GDK_DEBUG", gdk_debug, TRUE);
      else
        g_unsetenv ("GDK_DEBUG");
    }
  else
    G_APPLICATION_CLASS (kj_application_parent_class)->startup (app);

  /* the icon of every window, whatever the id of its journal's instance */
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.export-json", export_json_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.export-csv", export_csv_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.export-report", report_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.print", print_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.previous-day", previous_day_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.next-day", next_day_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.today", today_accels);
  for (guint i = 0; i < G_N_ELEMENTS (page_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), page_accels[i].action, page_accels[i].accels);

  /* reminders are for the default journal only */
  if (g_strcmp0 (g_application_get_application_id (app), APP_ID) == 0 && !self->demo)
    self->reminder = kj_reminder_service_new (self);

  /* a demo that is told to stop (Ctrl+C, kill) still removes its folder */
  if (self->demo)
    {
      self->signal_sources[0] = g_unix_signal_add (SIGTERM, quit_on_signal, self);
      self->signal_sources[1] = g_unix_signal_add (SIGINT, quit_on_signal, self);
      self->signal_sources[2] = g_unix_signal_add (SIGHUP, quit_on_signal, self);
    }
}

/* A demo journal is not kept: the windows go, the journal is closed, and its
 * temporary folder (journal, logs, anything else in it) is removed. */
static void
kj_application_shutdown (GApplication *app)
{
  KjApplication *self = KJ_APPLICATION (app);
  GList *windows;

  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);
  /* the window closed within the backup's delay: the day's backup is made
   * now, as the window opened on the journal (README, “Backups”) */
  kj_application_finish_daily_backup (self);
  g_clear_object (&self->reminder);

  if (self->demo)
    {
      g_autoptr(GError) error = NULL;

      while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
        gtk_window_destroy (windows->data);
      finish_opening (self);
      g_clear_object (&self->store);

      if (!kj_demo_remove_folder (self->db_path, &error))
        g_warning ("Could not remove the demo journal: %s", error->message);
    }

  G_APPLICATION_CLASS (kj_application_parent_class)->shutdown (app);
}

/* A launch: the window. The first activation of `--background` (the
 * program starting itself at login) opens none; a later launch, which
 * activates this instance, does. */
static void
kj_application_activate (GApplication *app)
{
  KjApplication *self = KJ_APPLICATION (app);

  if (self->background)
    {
      self->background = FALSE;
      return;
    }

  kj_application_present_window (self);
}

static void
kj_application_finalize (GObject *object)
{
  KjApplication *self = (KjApplication *) object;

  g_clear_object (&self->reminder);
  finish_opening (self);
  g_clear_object (&self->store);
  g_mutex_clear (&self->backup_lock);
  g_cond_clear (&self->backup_cond);
  g_clear_error (&self->open_error);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_handle_id (&self->logout_retry, g_source_remove);
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);
  g_clear_handle_id (&self->backup_source, g_source_remove);

  G_OBJECT_CLASS (kj_application_parent_class)->finalize (object);
}

static void
kj_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KjApplication *self = KJ_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kj_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KjApplication *self = KJ_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_free (self->db_path);
      self->db_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kj_application_class_init (KjApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = kj_application_finalize;
  object_class->get_property = kj_application_get_property;
  object_class->set_property = kj_application_set_property;

  app_class->startup = kj_application_startup;
  app_class->activate = kj_application_activate;
  app_class->shutdown = kj_application_shutdown;

  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KjApplication::daily-backup-done:
   *
   * The day's backup, started on its thread, is made or failed.
   */
  signals[DAILY_BACKUP_DONE] = g_signal_new ("daily-backup-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                             NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kj_application_init (KjApplication *self)
{
  g_mutex_init (&self->backup_lock);
  g_cond_init (&self->backup_cond);
  g_signal_connect (self, "query-end", G_CALLBACK (kj_application_query_end), NULL);
}

/* The default journal is the application; another journal (--db, --demo)
 * has an id of its own, so that each journal has one instance: a second
 * `knee-journal --db PATH` raises the window already open on PATH. */
static char *
application_id_for (const char *db_path)
{
  g_autofree char *default_path = kj_store_default_path ();
  g_autofree char *absolute = g_canonicalize_filename (db_path, NULL);
  g_autofree char *resolved = realpath (absolute, NULL);
  g_autofree char *hash = NULL;

  if (g_strcmp0 (absolute, default_path) == 0)
    return g_strdup (APP_ID);

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, resolved ? resolved : absolute, -1);

  return g_strdup_printf ("%s.Journal%.16s", APP_ID, hash);
}

/**
 * kj_application_new:
 * @db_path: the journal to open
 *
 * Returns: (transfer full): the application, single-instance per journal
 */
KjApplication *
kj_application_new (const char *db_path)
{
  g_autofree char *app_id = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  app_id = application_id_for (db_path);

  return g_object_new (KJ_TYPE_APPLICATION,
                       "application-id", app_id,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       "register-session", TRUE,
                       "db-path", db_path,
                       NULL);
}

const char *
kj_application_get_db_path (KjApplication *self)
{
  g_return_val_if_fail (KJ_IS_APPLICATION (self), NULL);

  return self->db_path;
}

/* Returns: (transfer none) (nullable): the open journal, or %NULL when it could not be opened */
KjStore *
kj_application_get_store (KjApplication *self)
{
  g_return_val_if_fail (KJ_IS_APPLICATION (self), NULL);

  ensure_store (self);

  return self->store;
}

const GError *
kj_application_get_open_error (KjApplication *self)
{
  g_return_val_if_fail (KJ_IS_APPLICATION (self), NULL);

  ensure_store (self);

  return self->open_error;
}

static void
exit_after_paint (GdkFrameClock *clock,
                  gpointer       data)
{
  _exit (0);
}

static void
exit_at_first_frame (GtkWidget *window,
                     gpointer   data)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));

  g_signal_connect (clock, "after-paint", G_CALLBACK (exit_after_paint), NULL);
}

/**
 * kj_application_present_window:
 *
 * Shows the main window, opening one when there is none.
 *
 * Returns: (transfer none): the window
 */
KjWindow *
kj_application_present_window (KjApplication *self)
{
  GtkWindow *window;

  g_return_val_if_fail (KJ_IS_APPLICATION (self), NULL);

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (!KJ_IS_WINDOW (window))
    {
      window = NULL;
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL && window == NULL; l = l->next)
        if (KJ_IS_WINDOW (l->data))
          window = l->data;
    }
  if (window == NULL)
    {
      window = GTK_WINDOW (kj_window_new (self));
      /* for the benchmark of the start (tests/bench-start.c): the process
       * ends at the window's first frame, so that a spawn times the start */
      if (g_getenv ("KJ_EXIT_AT_FIRST_FRAME") != NULL)
        g_signal_connect (window, "realize", G_CALLBACK (exit_at_first_frame), NULL);
    }

  gtk_window_present (window);

  return KJ_WINDOW (window);
}

/**
 * kj_application_set_background:
 * @background: whether the application starts without a window
 *
 * `--background`: the reminder's instance, started at login. Set before the
 * application runs.
 */
void
kj_application_set_background (KjApplication *self,
                               gboolean       background)
{
  g_return_if_fail (KJ_IS_APPLICATION (self));

  self->background = !!background;
}

/* Returns: (transfer none) (nullable): the daily reminder (the default journal's instance only) */
KjReminderService *
kj_application_get_reminder_service (KjApplication *self)
{
  g_return_val_if_fail (KJ_IS_APPLICATION (self), NULL);

  return self->reminder;
}

/**
 * kj_application_set_demo:
 * @demo: whether the journal is a --demo journal
 *
 * A demo journal lives in a temporary folder of its own, which is removed
 * when the application shuts down; its windows say that nothing is kept.
 * Set before the application runs.
 */
void
kj_application_set_demo (KjApplication *self,
                         gboolean       demo)
{
  g_return_if_fail (KJ_IS_APPLICATION (self));

  self->demo = !!demo;
}

gboolean
kj_application_is_demo (KjApplication *self)
{
  g_return_val_if_fail (KJ_IS_APPLICATION (self), FALSE);

  return self->demo;
}
