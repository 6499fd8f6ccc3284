/* kj-questionnaire-dialog.c — the weekly knee questionnaire, filled in or edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All items on one scrolling page, each a group of radio buttons (check
 * buttons in a group) in rows: Tab moves from question to question (an
 * answered question is one Tab stop), ↑ and ↓ move within a question and
 * choose, Space chooses, and each button is named for a screen reader with
 * its item (“Limp: None”); Ctrl+S saves, Escape cancels. Save stays off until every item is answered. The
 * actions `questionnaire.choose (item, answer)` and `questionnaire.save` do
 * the same (the tests use them). The instrument and its wording are in
 * kj-questionnaire.c; doc/questionnaires.md says where they come from.
 */
#define G_LOG_DOMAIN "knee-journal-questionnaire"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-a11y.h"
#include "kj-format.h"
#include "kj-questionnaire-dialog.h"

struct _KjQuestionnaireDialog
{
  AdwWindow        parent_instance;

  KjStore         *store;
  KjQuestionnaire *questionnaire;
  gboolean         is_new;

  GtkWidget       *save_button;
  GtkWidget       *error_label;
  GtkWidget       *score_label;
  GtkCheckButton  *buttons[KJ_QUESTIONNAIRE_MAX_ITEMS][KJ_QUESTIONNAIRE_MAX_OPTIONS];
};

G_DEFINE_FINAL_TYPE (KjQuestionnaireDialog, kj_questionnaire_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
n_answered (KjQuestionnaireDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->questionnaire->n_answers; i++)
    if (kj_questionnaire_item_points (self->questionnaire->instrument, i, self->questionnaire->answers[i]) >= 0)
      n++;

  return n;
}

static void
update_state (KjQuestionnaireDialog *self)
{
  const KjInstrument *instrument = self->questionnaire->instrument;
  gboolean complete = kj_questionnaire_is_complete (self->questionnaire);
  g_autofree char *text = NULL;

  gtk_widget_set_sensitive (self->save_button, complete);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "questionnaire.save", complete);

  if (complete)
    /* Translators: the score of the questionnaire filled in, out of 100 */
    text = g_strdup_printf (_("Score: %d of %d"), kj_questionnaire_score (self->questionnaire),
                            instrument->max_score);
  else
    /* Translators: “5 of 13 questions answered” */
    text = g_strdup_printf (ngettext ("%u of %u question answered", "%u of %u questions answered",
                                      instrument->n_items),
                            n_answered (self), instrument->n_items);
  gtk_label_set_text (GTK_LABEL (self->score_label), text);
}

static void
answer_toggled (GtkCheckButton        *button,
                KjQuestionnaireDialog *self)
{
  guint item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kj-item"));
  guint option = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kj-option"));

  if (!gtk_check_button_get_active (button))
    return;

  self->questionnaire->answers[item] = (int) option;
  gtk_widget_set_visible (self->error_label, FALSE);
  update_state (self);
}

static void
save (KjQuestionnaireDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!kj_questionnaire_is_complete (self->questionnaire))
    return;

  if (self->store == NULL || !kj_store_save_questionnaire (self->store, self->questionnaire, &error))
    {
      gtk_label_set_text (GTK_LABEL (self->error_label), error ? error->message : _("There is no journal open."));
      gtk_widget_set_visible (self->error_label, TRUE);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->questionnaire);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Deletes the stored questionnaire being edited */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KjQuestionnaireDialog *self = KJ_QUESTIONNAIRE_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (self->is_new)
    return;

  if (self->store == NULL || !kj_store_delete_questionnaire (self->store, self->questionnaire->id, &error))
    {
      gtk_label_set_text (GTK_LABEL (self->error_label), error ? error->message : _("There is no journal open."));
      gtk_widget_set_visible (self->error_label, TRUE);
      return;
    }

  g_signal_emit (self, signals[DELETED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_response (AdwMessageDialog      *dialog,
                 const char            *response,
                 KjQuestionnaireDialog *self)
{
  if (g_str_equal (response, "delete"))
    gtk_widget_activate_action (GTK_WIDGET (self), "questionnaire.delete", NULL);
}

/* Asks before the questionnaire is deleted: it cannot be undone */
static void
delete_clicked (KjQuestionnaireDialog *self)
{
  g_autofree char *date = kj_format_date (self->questionnaire->date);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  /* Translators: %s is a date, “Delete the questionnaire of 3 December 2026?” */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete the questionnaire of %s?"), date);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), _("Its answers and score are removed from your journal."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KjQuestionnaireDialog *self = KJ_QUESTIONNAIRE_DIALOG (widget);
  guint item, option;

  g_variant_get (parameter, "(uu)", &item, &option);
  if (item >= self->questionnaire->instrument->n_items ||
      option >= self->questionnaire->instrument->items[item].n_options)
    return;

  gtk_check_button_set_active (self->buttons[item][option], TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (KJ_QUESTIONNAIRE_DIALOG (widget));
}

static void
kj_questionnaire_dialog_finalize (GObject *object)
{
  KjQuestionnaireDialog *self = (KjQuestionnaireDialog *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->questionnaire, kj_questionnaire_free);

  G_OBJECT_CLASS (kj_questionnaire_dialog_parent_class)->finalize (object);
}

static void
kj_questionnaire_dialog_class_init (KjQuestionnaireDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kj_questionnaire_dialog_finalize;

  /**
   * KjQuestionnaireDialog::saved:
   * @questionnaire: (type KjQuestionnaire): what was stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, KJ_TYPE_QUESTIONNAIRE);

  gtk_widget_class_install_action (widget_class, "questionnaire.choose", "(uu)", choose_action);
  /**
   * KjQuestionnaireDialog::deleted:
   *
   * The questionnaire being edited was deleted.
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "questionnaire.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "questionnaire.save", NULL);
}

static void
kj_questionnaire_dialog_init (KjQuestionnaireDialog *self)
{
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);
}

static GtkWidget *
build_item (KjQuestionnaireDialog *self,
            guint                  item)
{
  const KjInstrument *instrument = self->questionnaire->instrument;
  const KjQuestionnaireItem *it = &instrument->items[item];
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading;
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *title = g_strdup_printf ("%u. %s", item + 1, kj_questionnaire_item_text (instrument, item));
  GtkCheckButton *first = NULL;

  /* the question wraps (a group's title would be cut short), over its answers in a boxed list */
  heading = gtk_label_new (title);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), list);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);

  for (guint option = 0; option < it->n_options; option++)
    {
      const char *text = kj_questionnaire_option_text (instrument, item, option);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      /* Translators: a radio button's name for a screen reader: “Limp: None” */
      g_autofree char *name = g_strdup_printf (_("%s: %s"), kj_questionnaire_item_text (instrument, item), text);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (first == NULL)
        first = GTK_CHECK_BUTTON (check);
      else
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      if (self->questionnaire->answers[item] == (int) option)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (check), "kj-item", GUINT_TO_POINTER (item));
      g_object_set_data (G_OBJECT (check), "kj-option", GUINT_TO_POINTER (option));
      g_signal_connect (check, "toggled", G_CALLBACK (answer_toggled), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      /* the radio button is the Tab stop; the row is clicked, not focused */
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      self->buttons[item][option] = GTK_CHECK_BUTTON (check);
    }

  return group;
}

/**
 * kj_questionnaire_dialog_new:
 * @date: the day it is filled in for (a new one), YYYY-MM-DD
 * @existing: (nullable): a stored questionnaire to edit
 *
 * Returns: (transfer none): the dialog, shown by the caller
 */
KjQuestionnaireDialog *
kj_questionnaire_dialog_new (GtkWindow             *parent,
                             KjStore               *store,
                             const char            *date,
                             const KjQuestionnaire *existing)
{
  KjQuestionnaireDialog *self = g_object_new (KJ_TYPE_QUESTIONNAIRE_DIALOG, "transient-for", parent, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *intro_group = adw_preferences_group_new ();
  GtkWidget *title_widget;
  GtkWidget *intro, *source;
  g_autofree char *day = NULL;
  g_autofree char *subtitle = NULL;

  self->store = store ? g_object_ref (store) : NULL;
  self->is_new = existing == NULL;
  self->questionnaire = existing ? kj_questionnaire_copy (existing)
                                 : kj_questionnaire_new (date, kj_instrument_default ());

  day = kj_format_date (self->questionnaire->date);
  subtitle = g_strdup (day);
  title_widget = adw_window_title_new (_(self->questionnaire->instrument->name), subtitle);
  gtk_window_set_title (GTK_WINDOW (self), _("Knee Questionnaire"));

  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title_widget);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);

  intro = gtk_label_new (_("For each question, choose the answer that best describes your knee symptoms "
                           "over the last week."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (intro_group), intro);
  source = gtk_label_new (_("The Anterior Knee Pain Scale, Kujala et al. 1993, scored 0–100: higher is better."));
  gtk_label_set_wrap (GTK_LABEL (source), TRUE);
  gtk_label_set_xalign (GTK_LABEL (source), 0);
  gtk_widget_add_css_class (source, "dim-label");
  gtk_widget_set_margin_top (source, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (intro_group), source);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (intro_group));

  for (guint item = 0; item < self->questionnaire->instrument->n_items; item++)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (build_item (self, item)));

  /* what is still missing, or the score, and an error from the store */
  {
    GtkWidget *end_group = adw_preferences_group_new ();

    self->score_label = gtk_label_new (NULL);
    gtk_label_set_xalign (GTK_LABEL (self->score_label), 0);
    gtk_widget_add_css_class (self->score_label, "heading");
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Progress"), -1);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (end_group), self->score_label);
    self->error_label = gtk_label_new (NULL);
    gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
    gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
    gtk_label_set_selectable (GTK_LABEL (self->error_label), TRUE);
    gtk_widget_add_css_class (self->error_label, "error");
    gtk_widget_set_visible (self->error_label, FALSE);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (end_group), self->error_label);
    if (!self->is_new)
      {
        GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete Questionnaire…"));

        gtk_widget_add_css_class (delete, "destructive-action");
        gtk_widget_set_halign (delete, GTK_ALIGN_START);
        gtk_widget_set_margin_top (delete, 12);
        g_signal_connect_swapped (delete, "clicked", G_CALLBACK (delete_clicked), self);
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (end_group), delete);
      }
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (end_group));
  }

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  gtk_widget_set_vexpand (page, TRUE);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  update_state (self);
  kj_a11y_name_buttons (GTK_WIDGET (self));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->buttons[0][0]));
  kj_a11y_return_focus_on_close (GTK_WINDOW (self));

  return self;
}

/* Returns: (transfer none): the questionnaire as answered so far */
const KjQuestionnaire *
kj_questionnaire_dialog_get_questionnaire (KjQuestionnaireDialog *self)
{
  g_return_val_if_fail (KJ_IS_QUESTIONNAIRE_DIALOG (self), NULL);

  return self->questionnaire;
}

gboolean
kj_questionnaire_dialog_can_save (KjQuestionnaireDialog *self)
{
  g_return_val_if_fail (KJ_IS_QUESTIONNAIRE_DIALOG (self), FALSE);

  return gtk_widget_get_sensitive (self->save_button);
}

/* Returns: (transfer none) (nullable): the radio button of @option of @item */
GtkCheckButton *
kj_questionnaire_dialog_get_answer_button (KjQuestionnaireDialog *self,
                                           guint                  item,
                                           guint                  option)
{
  g_return_val_if_fail (KJ_IS_QUESTIONNAIRE_DIALOG (self), NULL);

  if (item >= self->questionnaire->instrument->n_items ||
      option >= self->questionnaire->instrument->items[item].n_options)
    return NULL;

  return self->buttons[item][option];
}
