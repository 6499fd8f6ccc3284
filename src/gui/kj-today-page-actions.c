/* kj-today-page-actions.c — the Today page's actions: other days, a quick pain, deleting the entry, Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * today.previous, today.next and today.today show another date;
 * today.log-pain starts an empty day with a pain, and with “Same as
 * Yesterday” pressed (#KjDayRoutine) with the day before's places and
 * routine treatments, all in one transaction; today.delete-entry deletes the
 * day's entry. What was stored or deleted can be taken back from the toast.
 */
#define G_LOG_DOMAIN "knee-journal-today"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-today-page-private.h"

/* Undo: the deleted entry goes with the toast, and is stored again, id and all */

static void
undo_clicked (AdwToast    *toast,
              KjTodayPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!kj_store_save_day (self->store, g_object_get_data (G_OBJECT (toast), "day"), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not undo: %s"), error->message);
      _kj_today_page_show_message (self, message);
    }

  _kj_today_page_stored (self);
}

static void
offer_undo (KjTodayPage *self,
            const char  *message,
            KjDay       *day)
{
  AdwToast *toast = adw_toast_new (message);

  g_object_set_data_full (G_OBJECT (toast), "day", day, (GDestroyNotify) kj_day_free);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked), self, 0);
  _kj_today_page_show_toast (self, toast);
}

/* “Same as Yesterday”: the entry, yesterday's places and copies of its
 * routine treatments in one transaction; Undo takes all of it back */

static void
routine_undo_clicked (AdwToast    *toast,
                      KjTodayPage *self)
{
  g_autoptr(GError) error = NULL;

  kj_today_page_flush (self);
  if (!kj_store_undo_copy_day_routine (self->store, g_object_get_data (G_OBJECT (toast), "day-id"),
                                       g_object_get_data (G_OBJECT (toast), "copied"), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not undo: %s"), error->message);
      _kj_today_page_show_message (self, message);
    }

  kj_day_records_set_store (self->records, self->store);
  _kj_today_page_stored (self);
}

static void
log_pain_with_routine (KjTodayPage *self,
                       KjDay       *day)
{
  g_autoptr(GPtrArray) copied = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (!kj_store_copy_day_routine (self->store, kj_day_routine_get_from (self->routine), day, &copied, &error))
    {
      _kj_today_page_show_message (self, error->message);
      return;
    }

  /* Translators: after Same as Yesterday and a pain, “Logged pain 3 with yesterday’s places and treatments” */
  message = g_strdup_printf (_("Logged pain %d with yesterday’s places and treatments"), day->pain);
  toast = adw_toast_new (message);
  g_object_set_data_full (G_OBJECT (toast), "day-id", g_strdup (day->id), g_free);
  g_object_set_data_full (G_OBJECT (toast), "copied", g_steal_pointer (&copied), (GDestroyNotify) g_ptr_array_unref);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (routine_undo_clicked), self, 0);

  /* the section reads the copied treatments */
  kj_day_records_set_store (self->records, self->store);
  _kj_today_page_stored (self);
  _kj_today_page_show_toast (self, toast);
}

/* Actions */

static void
go_to_offset (KjTodayPage *self,
              int          days)
{
  char date[11];

  kj_date_add_days (self->date, days, date);
  kj_today_page_set_date (self, date);
}

static void
action_previous (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  go_to_offset (KJ_TODAY_PAGE (widget), -1);
}

static void
action_next (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  go_to_offset (KJ_TODAY_PAGE (widget), 1);
}

static void
action_today (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  g_autofree char *today = kj_date_today ();

  kj_today_page_set_date (KJ_TODAY_PAGE (widget), today);
}

static void
action_log_pain (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  KjTodayPage *self = KJ_TODAY_PAGE (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->empty_page));

  kj_today_page_log_pain (self, (int) g_variant_get_uint32 (parameter));

  /* the button pressed is gone with the empty page: the keyboard goes on
   * at the pain scale, not at the top of the window */
  if (had_focus)
    kj_today_page_focus_pain (self);
}

static void
action_delete_entry (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  KjTodayPage *self = KJ_TODAY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  KjDay *deleted;

  if (self->day == NULL)
    return;

  kj_today_page_flush (self);

  if (!kj_store_delete_day (self->store, self->day->id, &error))
    {
      _kj_today_page_show_message (self, error->message);
      return;
    }

  deleted = g_steal_pointer (&self->day);
  _kj_today_page_stored (self);
  offer_undo (self, _("The day’s entry was deleted"), deleted);
}

/* Starts the shown day's entry with @pain, as the quick buttons do; with
 * “Same as Yesterday” pressed, with yesterday's routine. */
void
kj_today_page_log_pain (KjTodayPage *self,
                        int          pain)
{
  g_autoptr(KjDay) day = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = kj_date_today ();

  g_return_if_fail (KJ_IS_TODAY_PAGE (self));
  g_return_if_fail (pain >= 0 && pain <= 10);

  if (self->store == NULL || self->day != NULL || strcmp (self->date, today) > 0)
    return;

  day = kj_day_new (self->date);
  day->pain = pain;
  if (kj_day_routine_get_active (self->routine))
    {
      log_pain_with_routine (self, day);
      return;
    }

  if (!kj_store_save_day (self->store, day, &error))
    {
      _kj_today_page_show_message (self, error->message);
      return;
    }

  _kj_today_page_stored (self);
}

void
_kj_today_page_class_actions_init (GtkWidgetClass *widget_class)
{
  /* their keys, Alt+← and Alt+→, are the window's (win.previous-day …), so
   * that they work wherever the focus is */
  gtk_widget_class_install_action (widget_class, "today.previous", NULL, action_previous);
  gtk_widget_class_install_action (widget_class, "today.next", NULL, action_next);
  gtk_widget_class_install_action (widget_class, "today.today", NULL, action_today);
  gtk_widget_class_install_action (widget_class, "today.log-pain", "u", action_log_pain);
  gtk_widget_class_install_action (widget_class, "today.delete-entry", NULL, action_delete_entry);
}
