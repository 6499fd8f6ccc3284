/* kj-window.c — the main window: header bar, the three pages, the journal's watch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its struct is in kj-window-private.h; the import and export jobs are in
 * kj-window-exchange.c.
 */
#define G_LOG_DOMAIN "knee-journal-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-a11y.h"
#include "kj-gtk-util.h"
#include "kj-history-page.h"
#include "kj-preferences-window.h"
#include "kj-reminder-service.h"
#include "kj-today-page.h"
#include "kj-trends-page.h"
#include "kj-window-private.h"

G_DEFINE_FINAL_TYPE (KjWindow, kj_window, ADW_TYPE_APPLICATION_WINDOW)

#define WATCH_INTERVAL_S 1

/* The application's journal: NULL before the window has an application, or
 * when the journal could not be opened. */
KjStore *
_kj_window_get_store (KjWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app != NULL ? kj_application_get_store (KJ_APPLICATION (app)) : NULL;
}

static void
history_day_activated (GtkWidget  *page,
                       const char *date,
                       KjWindow   *self);

/* History and Trends are made when the main loop is idle after the first
 * frame, which then has only the page it shows, or sooner when one of them
 * is asked for: shown, or got by kj_window_get_history_page(). */
static void
ensure_pages (KjWindow *self)
{
  KjStore *store = _kj_window_get_store (self);

  if (self->history_page != NULL)
    return;

  g_clear_handle_id (&self->pages_source, g_source_remove);

  self->history_page = g_object_new (KJ_TYPE_HISTORY_PAGE, NULL);
  g_signal_connect (self->history_page, "day-activated", G_CALLBACK (history_day_activated), self);
  adw_bin_set_child (self->history_bin, GTK_WIDGET (self->history_page));

  self->trends_page = g_object_new (KJ_TYPE_TRENDS_PAGE, NULL);
  g_signal_connect (self->trends_page, "day-activated", G_CALLBACK (history_day_activated), self);
  adw_bin_set_child (self->trends_bin, GTK_WIDGET (self->trends_page));

  /* without an application the window has no journal yet; the
   * application's notify gives it to the pages */
  if (store != NULL)
    {
      kj_history_page_set_store (self->history_page, store);
      kj_trends_page_set_store (self->trends_page, store);
    }
}

/* The shortcuts window (Ctrl+?), built once per window. It is not GtkApplication's
 * gtk/help-overlay.ui, which would build it for each window before its first frame. */
static void
ensure_help_overlay (KjWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)) != NULL)
    return;

  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/kj-shortcuts-window.ui");
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

/* Ctrl+? (win.show-help-overlay) before the idle after the first frame built
 * the shortcuts window: it is built then. GtkApplicationWindow keeps this
 * action once it is there, so it also shows the shortcuts window later. */
static void
show_help_overlay (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  KjWindow *self = data;

  ensure_help_overlay (self);
  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self))));
}

/* When the main loop is idle after the first frame: what it did not need */
static gboolean
finish_start (gpointer data)
{
  KjWindow *self = data;

  self->pages_source = 0;
  ensure_pages (self);
  ensure_help_overlay (self);

  return G_SOURCE_REMOVE;
}

/* The journal changed: History and Trends read it again when shown. */
static void
invalidate_pages (KjWindow *self)
{
  if (self->history_page == NULL)
    return;

  kj_history_page_invalidate (self->history_page);
  kj_trends_page_invalidate (self->trends_page);
}

static void
questionnaire_saved (KjWindow *self)
{
  if (self->trends_page != NULL)
    kj_trends_page_invalidate (self->trends_page);
}

/* GObject */

static void
unsaved_response (AdwMessageDialog *dialog,
                  const char       *response,
                  KjWindow         *self)
{
  gboolean quitting = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "quitting"));
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!g_str_equal (response, "leave"))
    return;

  self->leave_unsaved = TRUE;
  if (quitting && app != NULL)
    g_application_quit (G_APPLICATION (app));
  else
    gtk_window_close (GTK_WINDOW (self));
}

/**
 * kj_window_confirm_unsaved:
 * @quitting: whether the application quits, rather than this window closing
 *
 * Stores the pending edit. When it cannot be stored (the journal locked by
 * another program, the disk full), asks before the edit is lost, and the
 * window stays open unless the user chooses to leave anyway.
 *
 * Returns: %TRUE when the window may go now
 */
gboolean
kj_window_confirm_unsaved (KjWindow *self,
                           gboolean  quitting)
{
  KjTodayPage *today = self->today_page;
  g_autofree char *date = NULL;
  g_autofree char *body = NULL;
  const char *reason;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (KJ_IS_WINDOW (self), TRUE);

  if (kj_window_flush (self) || self->leave_unsaved)
    return TRUE;

  reason = kj_today_page_get_save_error (today);
  date = g_strdup (kj_today_page_get_date (today));
  body = g_strdup_printf (_("The change to %s could not be stored: %s\n\nIf Knee Journal closes now, this change is "
                            "lost. Keep it open, and the change is stored as soon as the journal can be written."),
                          date, reason ? reason : "");

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Your Change Is Not Saved"), body));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Open"),
                                    "leave", quitting ? _("_Quit Anyway") : _("_Close Anyway"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "leave", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_object_set_data (G_OBJECT (dialog), "quitting", GINT_TO_POINTER (quitting));
  g_signal_connect (dialog, "response", G_CALLBACK (unsaved_response), self);
  gtk_window_present (GTK_WINDOW (dialog));

  return FALSE;
}

static gboolean
kj_window_close_request (GtkWindow *window)
{
  if (!kj_window_confirm_unsaved (KJ_WINDOW (window), FALSE))
    return TRUE;

  return GTK_WINDOW_CLASS (kj_window_parent_class)->close_request (window);
}

/* Leaving Today for History or Trends: they read the journal, so the edit
 * goes there first. */
static void
visible_page_changed (KjWindow *self)
{
  kj_today_page_flush (self->today_page);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "today") != 0)
    ensure_pages (self);
}

static void
kj_window_constructed (GObject *object)
{
  KjWindow *self = KJ_WINDOW (object);
  g_autofree char *page = NULL;
  int width, height;

  G_OBJECT_CLASS (kj_window_parent_class)->constructed (object);

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  page = g_settings_get_string (self->settings, "last-page");
  if (adw_view_stack_get_child_by_name (self->view_stack, page) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, page);
}

static void
show_journal (KjWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "journal");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), TRUE);
}

/* Shows the error page with @title (or the default) and @message */
static void
show_error_page (KjWindow   *self,
                 const char *title,
                 const char *message)
{
  if (title != NULL)
    adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), FALSE);
}

/* Another process (the command line, a second window on the same journal)
 * wrote to the journal: every page reads it again. Cheap enough to ask once
 * a second: PRAGMA data_version reads a counter in shared memory. */
static gboolean
watch_journal (gpointer data)
{
  KjWindow *self = data;
  KjStore *store = _kj_window_get_store (self);
  g_autoptr(GError) error = NULL;

  /* writes to a file that is gone would be lost: stop, and say so */
  if (store != NULL && !kj_store_check_file (store, &error))
    {
      self->watch_source = 0;
      show_error_page (self, _("The Journal Is Gone"), error->message);
      _kj_window_set_busy (self, TRUE);
      return G_SOURCE_REMOVE;
    }

  if (store != NULL && !self->busy && kj_store_get_data_version (store) != self->data_version)
    {
      g_debug ("The journal was changed by another program; reading it again");
      kj_window_reload (self);
    }

  return G_SOURCE_CONTINUE;
}

/* The application (and so the journal) is known only after construction. */
/* Records that another program stored out of range are left out of every
 * page (see kj_store_get_damage()); the bar says so, and Details names them. */
static void
update_damage (KjWindow *self)
{
  KjStore *store = _kj_window_get_store (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_clear_pointer (&self->damage, g_ptr_array_unref);
  if (store != NULL)
    self->damage = kj_store_scan_damage (store, &error);
  if (error != NULL)
    g_warning ("Could not check the journal's records: %s", error->message);

  if (self->damage == NULL || self->damage->len == 0)
    {
      gtk_info_bar_set_revealed (self->damage_bar, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->damage_bar), FALSE);
      return;
    }

  text = g_strdup_printf (ngettext ("%u record in the journal is damaged: another program stored something Knee "
                                    "Journal cannot use. It is left out of every page, the verdict and exports.",
                                    "%u records in the journal are damaged: another program stored something Knee "
                                    "Journal cannot use. They are left out of every page, the verdict and exports.",
                                    self->damage->len),
                          self->damage->len);
  gtk_label_set_text (self->damage_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->damage_bar), TRUE);
  gtk_info_bar_set_revealed (self->damage_bar, TRUE);
}

/* The damage check reads the whole journal (kj_store_scan_damage()): on a
 * journal of years that is longer than the rest of the start, and the bar
 * it may show is not needed for the first frame. It runs when the main loop
 * is idle after the first frame. */
static gboolean
update_damage_later (gpointer data)
{
  KjWindow *self = data;

  self->damage_source = 0;
  if (self->damage_pending)
    {
      self->damage_pending = FALSE;
      update_damage (self);
    }

  return G_SOURCE_REMOVE;
}

static void
schedule_damage (KjWindow *self)
{
  self->damage_pending = TRUE;
  if (self->painted && self->damage_source == 0)
    self->damage_source = g_idle_add_full (G_PRIORITY_LOW, update_damage_later, self, NULL);
}

static void first_after_paint (GdkFrameClock *clock,
                               KjWindow      *self);

static void
disconnect_frame_clock (KjWindow *self)
{
  /* by function: a surface that went may have taken the handler with it */
  if (self->frame_clock != NULL)
    g_signal_handlers_disconnect_by_func (self->frame_clock, first_after_paint, self);
  g_clear_object (&self->frame_clock);
}

static void
first_after_paint (GdkFrameClock *clock,
                   KjWindow      *self)
{
  disconnect_frame_clock (self);
  self->painted = TRUE;
  if (self->pages_source == 0)
    self->pages_source = g_idle_add_full (G_PRIORITY_LOW, finish_start, self, NULL);
  if (self->damage_pending)
    schedule_damage (self);
}

static void
kj_window_realize (GtkWidget *widget)
{
  KjWindow *self = KJ_WINDOW (widget);

  GTK_WIDGET_CLASS (kj_window_parent_class)->realize (widget);

  if (!self->painted && self->frame_clock == NULL)
    {
      self->frame_clock = g_object_ref (gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (self))));
      g_signal_connect (self->frame_clock, "after-paint", G_CALLBACK (first_after_paint), self);
    }
}

static void
kj_window_damage_details (KjWindow *self)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  if (self->damage == NULL)
    return;

  for (guint i = 0; i < self->damage->len; i++)
    {
      if (i > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, g_ptr_array_index (self->damage, i));
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _("Log such a day again to replace its damaged entry, or restore a backup from before "
                           "the change in Preferences → Backups."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Damaged Records"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kj_window_notify_application (KjWindow   *self,
                              GParamSpec *pspec,
                              gpointer    user_data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  KjStore *store = app != NULL ? kj_application_get_store (KJ_APPLICATION (app)) : NULL;

  if (app != NULL && store == NULL)
    {
      const GError *error = kj_application_get_open_error (KJ_APPLICATION (app));

      show_error_page (self, NULL, error ? error->message : NULL);
    }
  else if (store != NULL && kj_store_is_empty (store))
    {
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), FALSE);
    }
  else
    show_journal (self);

  kj_today_page_set_store (self->today_page, store);
  if (self->history_page != NULL)
    {
      kj_history_page_set_store (self->history_page, store);
      kj_trends_page_set_store (self->trends_page, store);
    }
  _kj_window_set_busy (self, FALSE);

  /* the keyboard starts where the evening's entry starts: the pain */
  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "journal")
      && g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "today") == 0)
    kj_today_page_focus_pain (self->today_page);

  /* a demo says so: nothing entered in it is kept */
  if (app != NULL && kj_application_is_demo (KJ_APPLICATION (app)))
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Knee Journal (Demo)"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, _("Demo journal"));
      gtk_widget_set_visible (GTK_WIDGET (self->demo_bar), TRUE);
    }

  schedule_damage (self);

  g_clear_handle_id (&self->watch_source, g_source_remove);
  if (store != NULL)
    {
      self->data_version = kj_store_get_data_version (store);
      self->watch_source = g_timeout_add_seconds (WATCH_INTERVAL_S, watch_journal, self);
    }
}

static void
kj_window_dispose (GObject *object)
{
  KjWindow *self = (KjWindow *) object;

  g_clear_handle_id (&self->watch_source, g_source_remove);
  g_clear_handle_id (&self->damage_source, g_source_remove);
  g_clear_handle_id (&self->pages_source, g_source_remove);
  disconnect_frame_clock (self);
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->view_stack, self);
  /* the Today page stores a pending edit as it goes, and says so: the other
   * pages may be gone by then */
  if (self->today_page != NULL)
    g_signal_handlers_disconnect_by_data (self->today_page, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), KJ_TYPE_WINDOW);
  /* they went with their bins */
  self->history_page = NULL;
  self->trends_page = NULL;

  G_OBJECT_CLASS (kj_window_parent_class)->dispose (object);
}

static void
kj_window_finalize (GObject *object)
{
  KjWindow *self = (KjWindow *) object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->last_message, g_free);
  g_clear_pointer (&self->damage, g_ptr_array_unref);

  G_OBJECT_CLASS (kj_window_parent_class)->finalize (object);
}

static void
page_toast (GtkWidget *page,
            AdwToast  *toast,
            KjWindow  *self)
{
  g_free (self->last_message);
  self->last_message = g_strdup (adw_toast_get_title (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

static void
history_day_activated (GtkWidget     *page,
                       const char    *date,
                       KjWindow      *self)
{
  kj_window_show_day (self, date);
}

static void
today_day_changed (KjTodayPage *page,
                   const char  *date,
                   KjWindow    *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  KjReminderService *reminder = KJ_IS_APPLICATION (app) ? kj_application_get_reminder_service (KJ_APPLICATION (app))
                                                        : NULL;

  invalidate_pages (self);
  /* a reminder for that day has done its work */
  if (reminder != NULL)
    kj_reminder_service_day_changed (reminder, date);
}

static void
kj_window_log_today (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KjWindow *self = KJ_WINDOW (widget);
  g_autofree char *today = kj_date_today ();

  show_journal (self);
  kj_window_show_day (self, today);
  kj_today_page_focus_pain (self->today_page);
}

/* win.previous-day, win.next-day and win.today: the Today page's day, from
 * wherever the focus is in the window (Alt+←, Alt+→, Alt+Home) */
static void
kj_window_go_to_day (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KjWindow *self = KJ_WINDOW (widget);
  const char *page_action = "today.today";

  if (g_str_equal (action_name, "win.previous-day"))
    page_action = "today.previous";
  else if (g_str_equal (action_name, "win.next-day"))
    page_action = "today.next";

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "journal"))
    return;

  kj_window_show_page (self, "today");
  gtk_widget_activate_action (GTK_WIDGET (self->today_page), page_action, NULL);
}

/* win.show-page: Alt+1, Alt+2, Alt+3 */
static void
kj_window_show_page_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  KjWindow *self = KJ_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "journal")
      && adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    kj_window_show_page (self, name);
}

static void
kj_window_preferences (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  kj_window_show_preferences (KJ_WINDOW (widget));
}

static void
kj_window_class_init (KjWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = kj_window_constructed;
  object_class->dispose = kj_window_dispose;
  object_class->finalize = kj_window_finalize;
  widget_class->realize = kj_window_realize;
  window_class->close_request = kj_window_close_request;

  g_type_ensure (KJ_TYPE_TODAY_PAGE);
  g_type_ensure (KJ_TYPE_HISTORY_PAGE);
  g_type_ensure (KJ_TYPE_TRENDS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kj-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KjWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KjWindow, damage_bar);
  gtk_widget_class_bind_template_child (widget_class, KjWindow, demo_bar);
  gtk_widget_class_bind_template_child (widget_class, KjWindow, damage_label);
  gtk_widget_class_bind_template_callback (widget_class, kj_window_damage_details);
  gtk_widget_class_bind_template_child (widget_class, KjWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KjWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KjWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, KjWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, KjWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, KjWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, KjWindow, today_page);
  gtk_widget_class_bind_template_child (widget_class, KjWindow, history_bin);
  gtk_widget_class_bind_template_child (widget_class, KjWindow, trends_bin);
  gtk_widget_class_bind_template_callback (widget_class, page_toast);

  gtk_widget_class_install_action (widget_class, "win.log-today", NULL, kj_window_log_today);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, kj_window_preferences);
  gtk_widget_class_install_action (widget_class, "win.previous-day", NULL, kj_window_go_to_day);
  gtk_widget_class_install_action (widget_class, "win.next-day", NULL, kj_window_go_to_day);
  gtk_widget_class_install_action (widget_class, "win.today", NULL, kj_window_go_to_day);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", kj_window_show_page_action);


  _kj_window_class_exchange_init (klass);
}

/* The bar at the bottom, for a narrow window, is given the pages when it is
 * first revealed: its buttons are not made and measured for the first frame
 * of a wide window. */
static void
switcher_title_visible (KjWindow *self)
{
  if (self->switcher_bar != NULL && adw_view_switcher_title_get_title_visible (self->switcher_title)
      && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
}

static const GActionEntry help_overlay_actions[] = {
  { "show-help-overlay", show_help_overlay, NULL, NULL, NULL, { 0 } },
};

static void
kj_window_init (KjWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* “Log Today” for screen readers, not “_Log Today Log Today”; the pages do their own */
  kj_a11y_name_buttons (GTK_WIDGET (self->welcome_page));
  kj_a11y_name_buttons (GTK_WIDGET (self->damage_bar));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect (self, "notify::application", G_CALLBACK (kj_window_notify_application), NULL);
  g_signal_connect (self->today_page, "day-changed", G_CALLBACK (today_day_changed), self);
  g_signal_connect_swapped (self->today_page, "questionnaire-saved", G_CALLBACK (questionnaire_saved), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child", G_CALLBACK (visible_page_changed), self);
  g_signal_connect_swapped (self->switcher_title, "notify::title-visible", G_CALLBACK (switcher_title_visible), self);
  g_action_map_add_action_entries (G_ACTION_MAP (self), help_overlay_actions, G_N_ELEMENTS (help_overlay_actions),
                                   self);
  _kj_window_set_busy (self, FALSE);
}

KjWindow *
kj_window_new (KjApplication *application)
{
  return g_object_new (KJ_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * kj_window_flush:
 *
 * Stores at once what waits to be stored: an edit on the Today page still in
 * its autosave pause, and the window's size, maximized state and page. Every
 * way out (closing, quitting, the session ending, another page, a dialog)
 * calls it first.
 *
 * Returns: %FALSE if an edit could not be stored and is still on screen
 */
gboolean
kj_window_flush (KjWindow *self)
{
  GtkWindow *window = GTK_WINDOW (self);
  gboolean stored;
  int width, height;

  g_return_val_if_fail (KJ_IS_WINDOW (self), TRUE);

  stored = kj_today_page_flush (self->today_page);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_set_string (self->settings, "last-page", adw_view_stack_get_visible_child_name (self->view_stack));

  return stored;
}

/* Reads the journal again in every page, after it changed behind their back. */
void
kj_window_reload (KjWindow *self)
{
  KjStore *store;

  g_return_if_fail (KJ_IS_WINDOW (self));

  if ((store = _kj_window_get_store (self)) != NULL)
    self->data_version = kj_store_get_data_version (store);

  kj_today_page_reload (self->today_page);
  invalidate_pages (self);
  self->damage_pending = FALSE;
  update_damage (self);
  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "welcome"))
    show_journal (self);
}

/* Shows @date on the Today page. */
void
kj_window_show_day (KjWindow   *self,
                    const char *date)
{
  g_return_if_fail (KJ_IS_WINDOW (self));

  kj_today_page_set_date (self->today_page, date);
  adw_view_stack_set_visible_child_name (self->view_stack, "today");
}

static void
profile_changed (KjWindow *self)
{
  kj_today_page_reload (self->today_page);
  invalidate_pages (self);
}

/* Opens the profile: the affected knee, treatment dates, review weeks and units. */
void
kj_window_show_preferences (KjWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  KjPreferencesWindow *preferences;
  KjStore *store;

  g_return_if_fail (KJ_IS_WINDOW (self));

  if ((store = _kj_window_get_store (self)) == NULL)
    return;

  kj_window_flush (self);
  preferences = kj_preferences_window_new (GTK_WINDOW (self), store);
  /* the backups it lists include today's, though the window opened a moment
   * ago: made on its thread now, and listed when it is there */
  if (KJ_IS_APPLICATION (app))
    {
      g_signal_connect_object (app, "daily-backup-done", G_CALLBACK (kj_preferences_window_refresh_backups),
                               preferences, G_CONNECT_SWAPPED);
      kj_application_start_daily_backup (KJ_APPLICATION (app));
    }
  g_signal_connect_object (preferences, "profile-changed", G_CALLBACK (profile_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (preferences, "journal-restored", G_CALLBACK (kj_window_reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (preferences, "shoes-changed", G_CALLBACK (profile_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (preferences));
}

KjHistoryPage *
kj_window_get_history_page (KjWindow *self)
{
  g_return_val_if_fail (KJ_IS_WINDOW (self), NULL);

  ensure_pages (self);

  return self->history_page;
}

/* Shows the page called @name: "today", "history" or "trends". */
void
kj_window_show_page (KjWindow   *self,
                     const char *name)
{
  g_return_if_fail (KJ_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

KjTrendsPage *
kj_window_get_trends_page (KjWindow *self)
{
  g_return_val_if_fail (KJ_IS_WINDOW (self), NULL);

  ensure_pages (self);

  return self->trends_page;
}

KjTodayPage *
kj_window_get_today_page (KjWindow *self)
{
  g_return_val_if_fail (KJ_IS_WINDOW (self), NULL);

  return self->today_page;
}

gboolean
kj_window_is_busy (KjWindow *self)
{
  g_return_val_if_fail (KJ_IS_WINDOW (self), FALSE);

  return self->busy;
}

/* The text of the last toast or error dialog, for tests and accessibility checks. */
const char *
kj_window_get_last_message (KjWindow *self)
{
  g_return_val_if_fail (KJ_IS_WINDOW (self), NULL);

  return self->last_message;
}
