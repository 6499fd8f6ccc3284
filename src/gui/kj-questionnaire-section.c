/* kj-questionnaire-section.c — Trends' knee questionnaire: the scores' chart, the change against the MIC, editing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scores of the range by date, drawn by kj_questionnaire_render() (the
 * report draws the same), the change since the range's first questionnaire
 * in words against the minimal important change (doc/questionnaires.md), and
 * the latest questionnaires, each with an Edit button that opens it again.
 * Fill In… opens today's (a new one, or today's to change).
 */
#define G_LOG_DOMAIN "knee-journal-trends"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "kj-a11y.h"
#include "kj-format.h"
#include "kj-gtk-util.h"
#include "kj-questionnaire.h"
#include "kj-questionnaire-dialog.h"
#include "kj-questionnaire-render.h"
#include "kj-questionnaire-section.h"
#include "kj-theme.h"

#define N_RECENT 5

struct _KjQuestionnaireSection
{
  GtkWidget               parent_instance;

  KjStore                *store;
  GPtrArray              *questionnaires;   /* copies of the range's, all instruments */
  KjQuestionnaireSummary *summary;          /* the default instrument's, or NULL */
  char                   *change;
  char                    today[11];

  GtkWidget              *group;
  GtkWidget              *fill_in;
  GtkWidget              *chart;
  GtkWidget              *change_label;
  GtkListBox             *list;
};

G_DEFINE_FINAL_TYPE (KjQuestionnaireSection, kj_questionnaire_section, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  KjQuestionnaireSection *self = data;
  KjChartStyle style;

  kj_theme_chart_style (GTK_WIDGET (area), &style);
  kj_questionnaire_render (cr, self->summary, width, height, &style);
}

static void
saved (KjQuestionnaireSection *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
open_dialog (KjQuestionnaireSection *self,
             const char             *date,
             const KjQuestionnaire  *existing)
{
  KjQuestionnaireDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = kj_questionnaire_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store, date,
                                        existing);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_clicked (GtkButton              *button,
              KjQuestionnaireSection *self)
{
  kj_questionnaire_section_edit (self, g_object_get_data (G_OBJECT (button), "kj-date"));
}

static void
fill_in_clicked (KjQuestionnaireSection *self)
{
  kj_questionnaire_section_edit (self, self->today);
}

static void
kj_questionnaire_section_dispose (GObject *object)
{
  KjQuestionnaireSection *self = (KjQuestionnaireSection *) object;

  g_clear_pointer (&self->group, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_pointer (&self->summary, kj_questionnaire_summary_free);
  g_clear_pointer (&self->questionnaires, g_ptr_array_unref);
  g_clear_pointer (&self->change, g_free);

  G_OBJECT_CLASS (kj_questionnaire_section_parent_class)->dispose (object);
}

static void
kj_questionnaire_section_class_init (KjQuestionnaireSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kj_questionnaire_section_dispose;

  /**
   * KjQuestionnaireSection::changed:
   *
   * A questionnaire was saved from the section.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kj_questionnaire_section_init (KjQuestionnaireSection *self)
{
  GtkWidget *fill_in = self->fill_in = gtk_button_new_with_mnemonic (_("_Fill In…"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *description = NULL;

  self->group = adw_preferences_group_new ();
  gtk_widget_set_parent (self->group, GTK_WIDGET (self));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), _("Knee Questionnaire"));
  /* Translators: %d is the minimal important change, in points */
  description = g_strdup_printf (_("The Anterior Knee Pain Scale (Kujala), 0–100: higher is better. The band is "
                                   "%d points either side of your first score: a change inside it is less than "
                                   "what matters to patients."), (int) kj_instrument_default ()->mic);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group), description);

  gtk_widget_add_css_class (fill_in, "flat");
  gtk_widget_set_valign (fill_in, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (fill_in, "clicked", G_CALLBACK (fill_in_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->group), fill_in);

  self->chart = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->chart), KJ_QUESTIONNAIRE_CHART_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), draw_chart, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Questionnaire scores over time"), -1);
  gtk_widget_add_css_class (self->chart, "card");

  self->change_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->change_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->change_label), 0);
  gtk_label_set_selectable (GTK_LABEL (self->change_label), TRUE);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");

  gtk_box_append (GTK_BOX (box), self->chart);
  gtk_box_append (GTK_BOX (box), self->change_label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), box);

  kj_a11y_name_buttons (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * kj_questionnaire_section_update:
 * @store: (nullable): the journal, for editing
 * @questionnaires: (element-type KjQuestionnaire): the journal's questionnaires
 * @from: the range's first day, "" when unbounded
 * @to: its last day, "" when unbounded
 * @today: the day Fill In… fills in
 *
 * Shows the range's questionnaires. The section is hidden in a journal with
 * no entries and no questionnaire. Fill In… is offered only when @today is in
 * the range: a questionnaire filled in today belongs to the episode of today.
 */
void
kj_questionnaire_section_update (KjQuestionnaireSection *self,
                                 KjStore                *store,
                                 GPtrArray              *questionnaires,
                                 const char             *from,
                                 const char             *to,
                                 const char             *today)
{
  g_autoptr(GPtrArray) summaries = NULL;

  g_return_if_fail (KJ_IS_QUESTIONNAIRE_SECTION (self));

  g_set_object (&self->store, store);
  g_strlcpy (self->today, today, sizeof self->today);
  g_clear_pointer (&self->summary, kj_questionnaire_summary_free);
  g_clear_pointer (&self->change, g_free);
  g_clear_pointer (&self->questionnaires, g_ptr_array_unref);
  self->questionnaires = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_questionnaire_free);
  for (guint i = 0; questionnaires != NULL && i < questionnaires->len; i++)
    g_ptr_array_add (self->questionnaires, kj_questionnaire_copy (g_ptr_array_index (questionnaires, i)));

  gtk_widget_set_visible (self->fill_in, (from[0] == '\0' || strcmp (today, from) >= 0) &&
                                         (to[0] == '\0' || strcmp (today, to) <= 0));
  summaries = kj_questionnaire_summarize (self->questionnaires, from, to);
  for (guint i = 0; i < summaries->len && self->summary == NULL; i++)
    if (((KjQuestionnaireSummary *) g_ptr_array_index (summaries, i))->instrument == kj_instrument_default ())
      self->summary = g_ptr_array_steal_index (summaries, i);

  kj_list_box_clear (self->list);

  if (self->summary == NULL)
    {
      self->change = gtk_widget_get_visible (self->fill_in)
                     ? g_strdup (_("No questionnaire in this range yet. Fill one in once a week to follow how your "
                                   "knee does in daily life and sport."))
                     : g_strdup (_("No questionnaire was filled in during this episode."));
      gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
      gtk_widget_set_visible (self->chart, FALSE);
    }
  else
    {
      GPtrArray *qs = self->summary->questionnaires;

      self->change = kj_questionnaire_change_text (self->summary);
      for (guint k = 0; k < MIN (qs->len, N_RECENT); k++)
        {
          const KjQuestionnaire *q = g_ptr_array_index (qs, qs->len - 1 - k);
          g_autofree char *day = kj_format_date (q->date);
          g_autofree char *score = NULL;
          g_autofree char *edit_name = NULL;
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");

          /* Translators: a questionnaire's score, out of 100 */
          score = g_strdup_printf (_("Score %d of %d"), kj_questionnaire_score (q), q->instrument->max_score);
          /* Translators: the name of the Edit button of the questionnaire of a day */
          edit_name = g_strdup_printf (_("Edit the questionnaire of %s"), day);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), day);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), score);
          gtk_widget_add_css_class (edit, "flat");
          gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
          kj_gtk_set_tooltip_text (edit, _("Edit"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_name, -1);
          g_object_set_data_full (G_OBJECT (edit), "kj-date", g_strdup (q->date), g_free);
          g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
          gtk_list_box_append (self->list, row);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->list), TRUE);
      gtk_widget_set_visible (self->chart, TRUE);
    }

  gtk_label_set_text (GTK_LABEL (self->change_label), self->change);
  gtk_widget_queue_draw (self->chart);
  gtk_widget_set_visible (GTK_WIDGET (self), self->summary != NULL || (store != NULL && !kj_store_is_empty (store)));
}

/* Returns: the change since the first questionnaire in words, as shown */
const char *
kj_questionnaire_section_get_change (KjQuestionnaireSection *self)
{
  g_return_val_if_fail (KJ_IS_QUESTIONNAIRE_SECTION (self), NULL);

  return self->change;
}

GtkWidget *
kj_questionnaire_section_get_chart (KjQuestionnaireSection *self)
{
  g_return_val_if_fail (KJ_IS_QUESTIONNAIRE_SECTION (self), NULL);

  return self->chart;
}

/* Opens the questionnaire of @date to edit, or a new one for @date */
void
kj_questionnaire_section_edit (KjQuestionnaireSection *self,
                               const char             *date)
{
  const KjQuestionnaire *existing = NULL;

  g_return_if_fail (KJ_IS_QUESTIONNAIRE_SECTION (self));

  for (guint i = 0; self->questionnaires != NULL && i < self->questionnaires->len; i++)
    {
      const KjQuestionnaire *q = g_ptr_array_index (self->questionnaires, i);

      if (g_str_equal (q->date, date) && q->instrument == kj_instrument_default ())
        existing = q;
    }

  open_dialog (self, date, existing);
}
