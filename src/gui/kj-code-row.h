/* kj-code-row.h — an AdwComboRow over one of the code lists, showing the labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kj-types.h"

G_BEGIN_DECLS

void        kj_code_row_setup    (AdwComboRow *row,
                                  KjCodeList   list,
                                  const char  *selected);
void        kj_code_row_select   (AdwComboRow *row,
                                  KjCodeList   list,
                                  const char  *code);
const char *kj_code_row_get_code (AdwComboRow *row,
                                  KjCodeList   list);

G_END_DECLS
