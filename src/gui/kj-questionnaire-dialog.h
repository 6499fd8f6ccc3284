/* kj-questionnaire-dialog.h — the weekly knee questionnaire, filled in or edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kj-questionnaire.h"
#include "kj-store.h"

G_BEGIN_DECLS

#define KJ_TYPE_QUESTIONNAIRE_DIALOG (kj_questionnaire_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KjQuestionnaireDialog, kj_questionnaire_dialog, KJ, QUESTIONNAIRE_DIALOG, AdwWindow)

KjQuestionnaireDialog *kj_questionnaire_dialog_new       (GtkWindow             *parent,
                                                          KjStore               *store,
                                                          const char            *date,
                                                          const KjQuestionnaire *existing);
const KjQuestionnaire *kj_questionnaire_dialog_get_questionnaire (KjQuestionnaireDialog *self);
gboolean               kj_questionnaire_dialog_can_save  (KjQuestionnaireDialog *self);
GtkCheckButton        *kj_questionnaire_dialog_get_answer_button (KjQuestionnaireDialog *self,
                                                          guint                  item,
                                                          guint                  option);

G_END_DECLS
