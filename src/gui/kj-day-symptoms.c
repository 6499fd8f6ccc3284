/* kj-day-symptoms.c — the Today page's symptoms, what made it worse, and the warning sign they raise
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A section of the Today page: a toggle for each code of the symptom and
 * aggravator lists of doc/data-model.md, and the card that asks to see a
 * doctor. It holds the day's codes, in the order they were chosen, and
 * emits ::changed when the user toggles one; the page stores them, works
 * out the day's warning sign with kj_warnings_day_red_flags() and hands it back
 * to kj_day_symptoms_set_red_flag().
 */
#define G_LOG_DOMAIN "knee-journal-day-symptoms"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-day-symptoms.h"
#include "kj-gtk-util.h"
#include "kj-wrap-box.h"

#define N_SYMPTOMS 10
#define N_AGGRAVATORS 9

struct _KjDaySymptoms
{
  GtkWidget        parent_instance;

  GPtrArray       *symptoms;       /* static codes */
  GPtrArray       *aggravators;    /* static codes */
  gboolean         loading;

  GtkToggleButton *symptom_buttons[N_SYMPTOMS];
  GtkToggleButton *aggravator_buttons[N_AGGRAVATORS];

  /* template widgets */
  KjWrapBox       *symptoms_box;
  KjWrapBox       *aggravators_box;
  GtkRevealer     *red_flag_revealer;
  GtkWidget       *red_flag_box;
  GtkLabel        *red_flag_title;
  GtkLabel        *red_flag_text;
};

G_DEFINE_FINAL_TYPE (KjDaySymptoms, kj_day_symptoms, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
code_toggled (GtkToggleButton *button,
              KjDaySymptoms   *self)
{
  GPtrArray *codes;
  const char *code = g_object_get_data (G_OBJECT (button), "code");

  if (self->loading)
    return;

  codes = g_object_get_data (G_OBJECT (button), "symptom") ? self->symptoms : self->aggravators;

  if (gtk_toggle_button_get_active (button) && !kj_day_has_code (codes, code))
    g_ptr_array_add (codes, (gpointer) code);
  else if (!gtk_toggle_button_get_active (button))
    g_ptr_array_remove (codes, (gpointer) code);

  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkToggleButton *
add_chip (KjWrapBox  *box,
          const char *label,
          const char *code)
{
  GtkWidget *button = kj_chip_new (GTK_TYPE_TOGGLE_BUTTON, NULL, label, NULL);

  g_object_set_data (G_OBJECT (button), "code", (gpointer) code);
  kj_wrap_box_append (box, button);

  return GTK_TOGGLE_BUTTON (button);
}

static void
set_active (GtkToggleButton **buttons,
            guint             n_buttons,
            const GPtrArray  *codes)
{
  for (guint i = 0; i < n_buttons; i++)
    gtk_toggle_button_set_active (buttons[i],
                                  codes != NULL && kj_day_has_code ((GPtrArray *) codes,
                                                                    g_object_get_data (G_OBJECT (buttons[i]), "code")));
}

/* GObject */

static void
kj_day_symptoms_dispose (GObject *object)
{
  KjDaySymptoms *self = KJ_DAY_SYMPTOMS (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KJ_TYPE_DAY_SYMPTOMS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kj_day_symptoms_parent_class)->dispose (object);
}

static void
kj_day_symptoms_finalize (GObject *object)
{
  KjDaySymptoms *self = KJ_DAY_SYMPTOMS (object);

  g_clear_pointer (&self->symptoms, g_ptr_array_unref);
  g_clear_pointer (&self->aggravators, g_ptr_array_unref);

  G_OBJECT_CLASS (kj_day_symptoms_parent_class)->finalize (object);
}

static void
kj_day_symptoms_class_init (KjDaySymptomsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kj_day_symptoms_dispose;
  object_class->finalize = kj_day_symptoms_finalize;

  /**
   * KjDaySymptoms::changed:
   *
   * The user chose a symptom or an aggravator, or took one back.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  g_type_ensure (KJ_TYPE_WRAP_BOX);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kj-day-symptoms.ui");
  gtk_widget_class_bind_template_child (widget_class, KjDaySymptoms, symptoms_box);
  gtk_widget_class_bind_template_child (widget_class, KjDaySymptoms, aggravators_box);
  gtk_widget_class_bind_template_child (widget_class, KjDaySymptoms, red_flag_revealer);
  gtk_widget_class_bind_template_child (widget_class, KjDaySymptoms, red_flag_box);
  gtk_widget_class_bind_template_child (widget_class, KjDaySymptoms, red_flag_title);
  gtk_widget_class_bind_template_child (widget_class, KjDaySymptoms, red_flag_text);
}

static void
kj_day_symptoms_init (KjDaySymptoms *self)
{
  const KjCode *codes;
  guint n_codes;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->symptoms = g_ptr_array_new ();
  self->aggravators = g_ptr_array_new ();

  codes = kj_code_list (KJ_CODE_SYMPTOM, &n_codes);
  g_assert (n_codes == N_SYMPTOMS);
  for (guint i = 0; i < n_codes; i++)
    {
      self->symptom_buttons[i] = add_chip (self->symptoms_box, _(codes[i].label), codes[i].code);
      g_object_set_data (G_OBJECT (self->symptom_buttons[i]), "symptom", GINT_TO_POINTER (TRUE));
      g_signal_connect (self->symptom_buttons[i], "toggled", G_CALLBACK (code_toggled), self);
    }

  codes = kj_code_list (KJ_CODE_AGGRAVATOR, &n_codes);
  g_assert (n_codes == N_AGGRAVATORS);
  for (guint i = 0; i < n_codes; i++)
    {
      self->aggravator_buttons[i] = add_chip (self->aggravators_box, _(codes[i].label), codes[i].code);
      g_signal_connect (self->aggravator_buttons[i], "toggled", G_CALLBACK (code_toggled), self);
    }
}

/* Public API */

/* Shows the day's @symptoms and @aggravators (static codes; NULL for none). */
void
kj_day_symptoms_set_codes (KjDaySymptoms   *self,
                           const GPtrArray *symptoms,
                           const GPtrArray *aggravators)
{
  g_return_if_fail (KJ_IS_DAY_SYMPTOMS (self));

  g_ptr_array_set_size (self->symptoms, 0);
  g_ptr_array_set_size (self->aggravators, 0);
  if (symptoms != NULL)
    g_ptr_array_extend (self->symptoms, (GPtrArray *) symptoms, NULL, NULL);
  if (aggravators != NULL)
    g_ptr_array_extend (self->aggravators, (GPtrArray *) aggravators, NULL, NULL);

  self->loading = TRUE;
  set_active (self->symptom_buttons, N_SYMPTOMS, symptoms);
  set_active (self->aggravator_buttons, N_AGGRAVATORS, aggravators);
  self->loading = FALSE;
}

/* The symptoms chosen, in the order they were chosen. */
const GPtrArray *
kj_day_symptoms_get_symptoms (KjDaySymptoms *self)
{
  g_return_val_if_fail (KJ_IS_DAY_SYMPTOMS (self), NULL);

  return self->symptoms;
}

const GPtrArray *
kj_day_symptoms_get_aggravators (KjDaySymptoms *self)
{
  g_return_val_if_fail (KJ_IS_DAY_SYMPTOMS (self), NULL);

  return self->aggravators;
}

/* Shows the card for @level, the day's warning sign by kj_warnings_day_red_flags(); this only shows it. */
void
kj_day_symptoms_set_red_flag (KjDaySymptoms  *self,
                              KjRedFlagLevel  level)
{
  g_return_if_fail (KJ_IS_DAY_SYMPTOMS (self));

  if (level == KJ_RED_FLAG_URGENT)
    {
      gtk_label_set_text (self->red_flag_title, _("See a doctor now"));
      gtk_label_set_text (self->red_flag_text,
                          _("A knee that locks, fever, or not being able to put weight on the leg can mean more than "
                            "an overuse injury. Please get it checked today rather than waiting to see whether "
                            "it settles."));
      gtk_widget_add_css_class (self->red_flag_box, "kj-urgent");
    }
  else if (level == KJ_RED_FLAG_SOON)
    {
      gtk_label_set_text (self->red_flag_title, _("See a doctor or physiotherapist soon"));
      gtk_label_set_text (self->red_flag_text,
                          _("A knee that gives way, pain that started with a fall, twist or blow, or swelling on several "
                            "days should be examined. Book an appointment in the next few days."));
      gtk_widget_remove_css_class (self->red_flag_box, "kj-urgent");
    }

  gtk_revealer_set_reveal_child (self->red_flag_revealer, level != KJ_RED_FLAG_NONE);
}

/* Whether the card is shown, and its @title. */
gboolean
kj_day_symptoms_get_red_flag (KjDaySymptoms  *self,
                              const char    **title)
{
  g_return_val_if_fail (KJ_IS_DAY_SYMPTOMS (self), FALSE);

  if (title != NULL)
    *title = gtk_label_get_text (self->red_flag_title);

  return gtk_revealer_get_reveal_child (self->red_flag_revealer);
}

GtkToggleButton *
kj_day_symptoms_get_symptom_button (KjDaySymptoms *self,
                                    const char    *code)
{
  g_return_val_if_fail (KJ_IS_DAY_SYMPTOMS (self), NULL);

  for (guint i = 0; i < N_SYMPTOMS; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (self->symptom_buttons[i]), "code"), code) == 0)
      return self->symptom_buttons[i];

  return NULL;
}
