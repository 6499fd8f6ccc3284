/* kj-day-routine.c — “Same as Yesterday” on the Today page's empty day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A toggle button shown on a day without an entry, a treatment or a run,
 * when the day before has an entry with places or routine treatments
 * (doc/data-model.md, “Routine treatments”). Pressed, it waits for the pain:
 * the page then stores the day with kj_store_copy_day_routine(), so that the
 * day is logged in two clicks and in one transaction. A caption says what
 * would be copied; pressing the button again takes the choice back before
 * anything is stored.
 */
#define G_LOG_DOMAIN "knee-journal-day-routine"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-day-routine.h"
#include "kj-record-editor.h"

struct _KjDayRoutine
{
  GtkWidget   parent_instance;

  char        from[11];       /* the day before the date, whose routine is offered */
  char       *what;           /* what would be copied, in words */

  GtkWidget  *box;
  GtkWidget  *button;
  GtkWidget  *caption;
};

G_DEFINE_FINAL_TYPE (KjDayRoutine, kj_day_routine, GTK_TYPE_WIDGET)

/* “2 places, Ice · 15 min, Split squat 3 × 12”, or NULL when nothing would be copied */
static char *
describe_routine (KjStore    *store,
                  const char *from)
{
  g_autoptr(KjDay) day = kj_store_get_day (store, from, NULL);
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (day == NULL)
    return NULL;

  if (day->locations->len > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u place", "%u places", day->locations->len),
                                             day->locations->len));

  treatments = kj_store_list_treatments (store, from, from, NULL);
  for (guint i = 0; treatments != NULL && i < treatments->len; i++)
    {
      const KjTreatment *t = g_ptr_array_index (treatments, i);

      if (kj_treatment_kind_is_routine (t->kind))
        g_ptr_array_add (parts, kj_format_treatment (t));
    }

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

static void
update_caption (KjDayRoutine *self)
{
  g_autofree char *text = NULL;

  if (self->what == NULL)
    return;

  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->button)))
    /* Translators: shown once Same as Yesterday is pressed; %s lists the places and treatments */
    text = g_strdup_printf (_("Choose today’s pain to log the day with yesterday’s %s."), self->what);
  else
    /* Translators: what Same as Yesterday copies, “From yesterday: 2 places, Ice · 15 min” */
    text = g_strdup_printf (_("From yesterday: %s"), self->what);

  gtk_label_set_text (GTK_LABEL (self->caption), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
kj_day_routine_dispose (GObject *object)
{
  KjDayRoutine *self = KJ_DAY_ROUTINE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (kj_day_routine_parent_class)->dispose (object);
}

static void
kj_day_routine_finalize (GObject *object)
{
  KjDayRoutine *self = KJ_DAY_ROUTINE (object);

  g_free (self->what);

  G_OBJECT_CLASS (kj_day_routine_parent_class)->finalize (object);
}

static void
kj_day_routine_class_init (KjDayRoutineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kj_day_routine_dispose;
  object_class->finalize = kj_day_routine_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kj_day_routine_init (KjDayRoutine *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->button = gtk_toggle_button_new_with_mnemonic (_("Same as _Yesterday"));
  gtk_widget_set_halign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "pill");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Same as Yesterday"), -1);
  g_signal_connect_swapped (self->button, "toggled", G_CALLBACK (update_caption), self);
  gtk_box_append (GTK_BOX (self->box), self->button);

  self->caption = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->caption), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->caption), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->caption, "caption");
  gtk_widget_add_css_class (self->caption, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->caption);

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * kj_day_routine_update:
 * @day_is_empty: whether @date has no entry, no treatment and no run
 *
 * Offers the routine of the day before @date, if @date is empty and that
 * day has something to copy; else hides. A pressed button stays pressed
 * only while the same date is shown.
 */
void
kj_day_routine_update (KjDayRoutine *self,
                       KjStore      *store,
                       const char   *date,
                       gboolean      day_is_empty)
{
  char from[11];

  g_return_if_fail (KJ_IS_DAY_ROUTINE (self));
  g_return_if_fail (kj_date_is_valid (date));

  kj_date_add_days (date, -1, from);
  if (strcmp (from, self->from) != 0)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->button), FALSE);
  g_strlcpy (self->from, from, sizeof self->from);

  g_clear_pointer (&self->what, g_free);
  if (store != NULL && day_is_empty && kj_date_is_valid (from))
    self->what = describe_routine (store, from);

  if (self->what == NULL)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->button), FALSE);
  update_caption (self);
  gtk_widget_set_visible (GTK_WIDGET (self), self->what != NULL);
}

/* Whether the day is to be stored with the routine of the day before */
gboolean
kj_day_routine_get_active (KjDayRoutine *self)
{
  g_return_val_if_fail (KJ_IS_DAY_ROUTINE (self), FALSE);

  return self->what != NULL && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->button));
}

void
kj_day_routine_set_active (KjDayRoutine *self,
                           gboolean      active)
{
  g_return_if_fail (KJ_IS_DAY_ROUTINE (self));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->button), active && self->what != NULL);
}

/* The day whose routine is offered (YYYY-MM-DD) */
const char *
kj_day_routine_get_from (KjDayRoutine *self)
{
  g_return_val_if_fail (KJ_IS_DAY_ROUTINE (self), NULL);

  return self->from;
}

GtkWidget *
kj_day_routine_get_button (KjDayRoutine *self)
{
  g_return_val_if_fail (KJ_IS_DAY_ROUTINE (self), NULL);

  return self->button;
}
