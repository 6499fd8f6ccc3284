/* kj-questionnaire-card.c — the Today page's weekly offer of the knee questionnaire
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the day the questionnaire is due (kj_questionnaire_is_due(): none yet, or
 * the last one 7 or more days old) and only while Today shows that day, in a
 * journal with entries, a card asks “How does your knee do this week?” with
 * Start and Not now. Not now hides it for the rest of the day: the date is
 * kept in the setting questionnaire-dismissed, so another window that day
 * does not ask again. Nothing else reminds (doc/questionnaires.md, “When it
 * is offered”).
 */
#define G_LOG_DOMAIN "knee-journal-today"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-a11y.h"
#include "kj-episode.h"
#include "kj-questionnaire.h"
#include "kj-questionnaire-card.h"
#include "kj-store.h"
#include "kj-types.h"

struct _KjQuestionnaireCard
{
  GtkWidget  parent_instance;

  GSettings *settings;
  char       date[11];    /* the day it is offered for, "" when hidden */
  GtkWidget *box;
  GtkWidget *subtitle;
};

G_DEFINE_FINAL_TYPE (KjQuestionnaireCard, kj_questionnaire_card, GTK_TYPE_WIDGET)

enum {
  START,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
hide_card (KjQuestionnaireCard *self)
{
  self->date[0] = '\0';
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
start_clicked (KjQuestionnaireCard *self)
{
  char date[11];

  g_strlcpy (date, self->date, sizeof date);
  if (date[0] != '\0')
    g_signal_emit (self, signals[START], 0, date);
}

static void
kj_questionnaire_card_dispose (GObject *object)
{
  KjQuestionnaireCard *self = (KjQuestionnaireCard *) object;

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (kj_questionnaire_card_parent_class)->dispose (object);
}

static void
kj_questionnaire_card_finalize (GObject *object)
{
  KjQuestionnaireCard *self = (KjQuestionnaireCard *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kj_questionnaire_card_parent_class)->finalize (object);
}

static void
kj_questionnaire_card_class_init (KjQuestionnaireCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kj_questionnaire_card_dispose;
  object_class->finalize = kj_questionnaire_card_finalize;

  /**
   * KjQuestionnaireCard::start:
   * @date: the day to fill it in for, YYYY-MM-DD
   */
  signals[START] = g_signal_new ("start", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kj_questionnaire_card_init (KjQuestionnaireCard *self)
{
  const KjInstrument *instrument = kj_instrument_default ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (_("How does your knee do this week?"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *start = gtk_button_new_with_mnemonic (_("_Start"));
  /* Alt+O: Alt+N is the Today page's notes */
  GtkWidget *later = gtk_button_new_with_mnemonic (_("N_ot Now"));
  g_autofree char *subtitle = NULL;

  self->settings = g_settings_new (APP_ID);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->box, "kj-questionnaire-card");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  /* Translators: “13 questions, about 2 minutes” */
  subtitle = g_strdup_printf (ngettext ("%u question, about 2 minutes, to compare week by week",
                                        "%u questions, about 2 minutes, to compare week by week",
                                        instrument->n_items), instrument->n_items);
  self->subtitle = gtk_label_new (subtitle);
  gtk_label_set_wrap (GTK_LABEL (self->subtitle), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->subtitle), 0);
  gtk_widget_add_css_class (self->subtitle, "dim-label");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), self->subtitle);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);

  gtk_widget_add_css_class (start, "suggested-action");
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (start, "clicked", G_CALLBACK (start_clicked), self);
  g_signal_connect_swapped (later, "clicked", G_CALLBACK (kj_questionnaire_card_dismiss), self);
  gtk_box_append (GTK_BOX (buttons), later);
  gtk_box_append (GTK_BOX (buttons), start);

  gtk_box_append (GTK_BOX (self->box), text);
  gtk_box_append (GTK_BOX (self->box), buttons);

  kj_a11y_name_buttons (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Weekly Knee Questionnaire"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * kj_questionnaire_card_update:
 * @store: (nullable): the journal
 * @date: the day Today shows
 *
 * Shows the card when @date is today, the questionnaire is due on it in the
 * episode open today, the journal has entries, and Not now was not chosen today; hides it otherwise.
 *
 * Returns: whether the card is shown
 */
gboolean
kj_questionnaire_card_update (KjQuestionnaireCard *self,
                              KjStore             *store,
                              const char          *date)
{
  g_autofree char *today = kj_date_today ();
  g_autofree char *dismissed = NULL;
  g_autoptr(GPtrArray) questionnaires = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  const KjEpisode *episode = NULL;
  char from[11] = "", to[11] = "";

  g_return_val_if_fail (KJ_IS_QUESTIONNAIRE_CARD (self), FALSE);

  /* due within the episode open today (doc/questionnaires.md): its weeks count */
  dismissed = g_settings_get_string (self->settings, "questionnaire-dismissed");
  if (store != NULL && (episodes = kj_store_list_episodes (store, NULL)) != NULL &&
      (episode = kj_episodes_get_current (episodes, today)) != NULL)
    kj_episode_get_range (episodes, episode, from, to);
  if (store == NULL || date == NULL || !g_str_equal (date, today) || g_str_equal (dismissed, today) ||
      kj_store_is_empty (store) || episode == NULL || !kj_episode_covers (episodes, episode, today) ||
      (questionnaires = kj_store_list_questionnaires (store, NULL, NULL, NULL)) == NULL ||
      !kj_questionnaire_is_due (questionnaires, from, to, today))
    {
      hide_card (self);
      return FALSE;
    }

  g_strlcpy (self->date, today, sizeof self->date);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);

  return TRUE;
}

/* Not now: hidden, and not shown again today */
void
kj_questionnaire_card_dismiss (KjQuestionnaireCard *self)
{
  g_autofree char *today = kj_date_today ();

  g_return_if_fail (KJ_IS_QUESTIONNAIRE_CARD (self));

  g_settings_set_string (self->settings, "questionnaire-dismissed", today);
  hide_card (self);
}
