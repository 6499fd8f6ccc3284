/* kj-today-page-private.h — what the Today page's files share: its struct and entry points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kj-today-page.c holds the page, its sections and the saving of the day's
 * entry; kj-today-page-actions.c the page's actions (the days before and
 * after, a quick pain, deleting the entry) and their Undo, installed by
 * _kj_today_page_class_actions_init().
 */
#pragma once

#include "kj-date-bar.h"
#include "kj-day-places.h"
#include "kj-day-records.h"
#include "kj-day-routine.h"
#include "kj-day-symptoms.h"
#include "kj-missed-day.h"
#include "kj-questionnaire-card.h"
#include "kj-today-page.h"

G_BEGIN_DECLS

struct _KjTodayPage
{
  GtkWidget        parent_instance;

  KjStore         *store;
  char             date[11];
  KjDay           *day;            /* NULL while the date has no entry */
  guint            save_source;
  gboolean         unsaved;        /* an edit not yet stored, or whose save failed */
  gboolean         save_failed;
  char            *save_error;    /* why the last save failed, while it did */
  gboolean         loading;
  guint            last_digit;     /* the digit typed last, to make “1”, “0” a 10 */
  gint64           last_digit_time;

  /* template widgets */
  GtkStack        *stack;
  AdwStatusPage   *empty_page;
  KjDayRecords    *records;        /* the date's treatments and runs */
  KjDayRoutine    *routine;        /* “Same as Yesterday” */
  GtkBox          *entry_records_slot;
  GtkBox          *empty_records_slot;
  KjDateBar       *date_bar;
  GtkBox          *quick_pain_box;
  GtkScale        *pain_scale;
  GtkScale        *worst_scale;
  GtkAdjustment   *pain_adjustment;
  GtkAdjustment   *worst_adjustment;
  GtkLabel        *pain_value_label;
  GtkLabel        *episode_label;
  AdwExpanderRow  *worst_row;
  KjDayPlaces     *places;
  GtkRevealer     *save_error_revealer;
  GtkLabel        *save_error_label;
  KjMissedDay     *missed_day;
  KjQuestionnaireCard *questionnaire_card;
  GtkBox          *rest_box;       /* below the first screen, shown after the first frame */
  /* in rest_box, from kj-today-page-rest.ui: NULL until made (ensure_rest()) */
  KjDaySymptoms   *symptoms;
  GtkTextView     *notes_view;
  guint            rest_tick;
  guint            rest_source;
};

void _kj_today_page_show_toast          (KjTodayPage    *self,
                                         AdwToast       *toast);
void _kj_today_page_show_message        (KjTodayPage    *self,
                                         const char     *message);
void _kj_today_page_stored              (KjTodayPage    *self);
void _kj_today_page_class_actions_init  (GtkWidgetClass *widget_class);

G_END_DECLS
