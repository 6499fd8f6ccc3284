/* kj-record-editor.h — the dialog that adds or edits one treatment or one run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kj-format.h"
#include "kj-types.h"

G_BEGIN_DECLS

#define KJ_TYPE_RECORD_EDITOR (kj_record_editor_get_type ())

G_DECLARE_FINAL_TYPE (KjRecordEditor, kj_record_editor, KJ, RECORD_EDITOR, AdwWindow)

KjRecordEditor *kj_record_editor_new_treatment (GtkWindow         *parent,
                                                const KjTreatment *treatment,
                                                gboolean           is_new,
                                                GPtrArray         *day_treatments);
KjRecordEditor *kj_record_editor_new_run       (GtkWindow         *parent,
                                                const KjRun       *run,
                                                gboolean           is_new,
                                                KjUnits            units,
                                                GPtrArray         *shoes);
const KjTreatment *kj_record_editor_get_treatment (KjRecordEditor *self);
const KjRun       *kj_record_editor_get_run       (KjRecordEditor *self);
void               kj_record_editor_save          (KjRecordEditor *self);
const char        *kj_record_editor_get_dose_hint (KjRecordEditor *self);
const char        *kj_record_editor_get_error     (KjRecordEditor *self);
char              *kj_format_treatment            (const KjTreatment *treatment);
char              *kj_format_run                  (const KjRun       *run,
                                                   KjUnits            units);

G_END_DECLS
