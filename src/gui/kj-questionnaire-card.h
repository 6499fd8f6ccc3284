/* kj-questionnaire-card.h — the Today page's weekly offer of the knee questionnaire
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kj-store.h"

G_BEGIN_DECLS

#define KJ_TYPE_QUESTIONNAIRE_CARD (kj_questionnaire_card_get_type ())

G_DECLARE_FINAL_TYPE (KjQuestionnaireCard, kj_questionnaire_card, KJ, QUESTIONNAIRE_CARD, GtkWidget)

gboolean kj_questionnaire_card_update  (KjQuestionnaireCard *self,
                                        KjStore             *store,
                                        const char          *date);
void     kj_questionnaire_card_dismiss (KjQuestionnaireCard *self);

G_END_DECLS
