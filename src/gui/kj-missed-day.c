/* kj-missed-day.c — the Today page's offer to log yesterday when it was missed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When the window opens on a day whose yesterday has no entry, while the
 * journal is in use (an entry within the seven days before yesterday, so a
 * new or long-abandoned journal is left alone), Today says “Yesterday is not
 * logged.” with a button that shows yesterday and a close button. It is
 * offered once a day: the date it was offered on is kept in the setting
 * missed-day-offered, and a second window that day, or a window opened again,
 * does not offer it again. libadwaita 1.2 has no AdwBanner: a revealer holds
 * a box styled as one (.kj-missed-day in style.css).
 */
#define G_LOG_DOMAIN "knee-journal-today"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-a11y.h"
#include "kj-missed-day.h"
#include "kj-types.h"

/* an entry within this many days before yesterday: the journal is in use */
#define ACTIVE_DAYS 7

struct _KjMissedDay
{
  GtkWidget    parent_instance;

  GSettings   *settings;
  char         date[11];    /* the day offered, "" when none */

  /* template widgets */
  GtkRevealer *revealer;
};

G_DEFINE_FINAL_TYPE (KjMissedDay, kj_missed_day, GTK_TYPE_WIDGET)

enum {
  LOG_DAY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
hide_offer (KjMissedDay *self)
{
  self->date[0] = '\0';
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
log_clicked (KjMissedDay *self)
{
  char date[11];

  g_strlcpy (date, self->date, sizeof date);
  hide_offer (self);
  if (date[0] != '\0')
    g_signal_emit (self, signals[LOG_DAY], 0, date);
}

static void
kj_missed_day_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KJ_TYPE_MISSED_DAY);

  G_OBJECT_CLASS (kj_missed_day_parent_class)->dispose (object);
}

static void
kj_missed_day_finalize (GObject *object)
{
  KjMissedDay *self = (KjMissedDay *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kj_missed_day_parent_class)->finalize (object);
}

static void
kj_missed_day_class_init (KjMissedDayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kj_missed_day_dispose;
  object_class->finalize = kj_missed_day_finalize;

  /**
   * KjMissedDay::log-day:
   * @date: the day to show, YYYY-MM-DD
   *
   * The user chose to log the day offered.
   */
  signals[LOG_DAY] = g_signal_new ("log-day", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kj-missed-day.ui");
  gtk_widget_class_bind_template_child (widget_class, KjMissedDay, revealer);
  gtk_widget_class_bind_template_callback (widget_class, log_clicked);
  gtk_widget_class_bind_template_callback (widget_class, kj_missed_day_dismiss);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kj_missed_day_init (KjMissedDay *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kj_a11y_name_buttons (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Yesterday Not Logged"),
                                  -1);
  self->settings = g_settings_new (APP_ID);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * kj_missed_day_check:
 * @store: (nullable): the journal
 * @today: the day the window opens on, YYYY-MM-DD
 *
 * Offers to log the day before @today if it has no entry, the journal has
 * an entry within the seven days before it, and it was not offered on
 * @today yet; remembers that it was. An offer already shown stays.
 *
 * Returns: whether it offered the day now
 */
gboolean
kj_missed_day_check (KjMissedDay *self,
                     KjStore     *store,
                     const char  *today)
{
  g_autofree char *offered = NULL;
  g_autoptr(KjDay) entry = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) error = NULL;
  char yesterday[11], from[11], to[11];

  g_return_val_if_fail (KJ_IS_MISSED_DAY (self), FALSE);
  g_return_val_if_fail (kj_date_is_valid (today), FALSE);

  offered = g_settings_get_string (self->settings, "missed-day-offered");
  if (store == NULL || g_str_equal (offered, today))
    return FALSE;

  kj_date_add_days (today, -1, yesterday);
  kj_date_add_days (yesterday, -ACTIVE_DAYS, from);
  kj_date_add_days (yesterday, -1, to);

  if ((entry = kj_store_get_day (store, yesterday, &error)) != NULL || error != NULL)
    return FALSE;
  if ((before = kj_store_list_days (store, from, to, &error)) == NULL || before->len == 0)
    return FALSE;

  g_settings_set_string (self->settings, "missed-day-offered", today);
  g_strlcpy (self->date, yesterday, sizeof self->date);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);

  return TRUE;
}

/* Returns: the day offered, or %NULL when nothing is offered */
const char *
kj_missed_day_get_date (KjMissedDay *self)
{
  g_return_val_if_fail (KJ_IS_MISSED_DAY (self), NULL);

  return self->date[0] != '\0' ? self->date : NULL;
}

/**
 * kj_missed_day_refresh:
 *
 * Withdraws the offer once the day offered has an entry, however it got one
 * (the day shown and logged by hand, an import, another program).
 */
void
kj_missed_day_refresh (KjMissedDay *self,
                       KjStore     *store)
{
  g_autoptr(KjDay) entry = NULL;

  g_return_if_fail (KJ_IS_MISSED_DAY (self));

  if (self->date[0] == '\0' || store == NULL)
    return;
  if ((entry = kj_store_get_day (store, self->date, NULL)) != NULL)
    hide_offer (self);
}

/* Closes the offer; it is not made again that day. */
void
kj_missed_day_dismiss (KjMissedDay *self)
{
  g_return_if_fail (KJ_IS_MISSED_DAY (self));

  hide_offer (self);
}
