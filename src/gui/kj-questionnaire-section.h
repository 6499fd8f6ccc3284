/* kj-questionnaire-section.h — Trends' knee questionnaire: the scores' chart, the change against the MIC, editing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kj-store.h"

G_BEGIN_DECLS

#define KJ_TYPE_QUESTIONNAIRE_SECTION (kj_questionnaire_section_get_type ())

G_DECLARE_FINAL_TYPE (KjQuestionnaireSection, kj_questionnaire_section, KJ, QUESTIONNAIRE_SECTION, GtkWidget)

void        kj_questionnaire_section_update      (KjQuestionnaireSection *self,
                                                  KjStore                *store,
                                                  GPtrArray              *questionnaires,
                                                  const char             *from,
                                                  const char             *to,
                                                  const char             *today);
const char *kj_questionnaire_section_get_change  (KjQuestionnaireSection *self);
GtkWidget  *kj_questionnaire_section_get_chart   (KjQuestionnaireSection *self);
void        kj_questionnaire_section_edit        (KjQuestionnaireSection *self,
                                                  const char             *date);

G_END_DECLS
