/* kj-code-row.c — an AdwComboRow over one of the code lists, showing the labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "knee-journal-code-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-code-row.h"

/* Fills @row with the translated labels of @list and selects @selected. */
void
kj_code_row_setup (AdwComboRow *row,
                   KjCodeList   list,
                   const char  *selected)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n_codes;
  const KjCode *codes = kj_code_list (list, &n_codes);

  for (guint i = 0; i < n_codes; i++)
    gtk_string_list_append (labels, _(codes[i].label));

  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  kj_code_row_select (row, list, selected);
}

void
kj_code_row_select (AdwComboRow *row,
                    KjCodeList   list,
                    const char  *code)
{
  guint n_codes;
  const KjCode *codes = kj_code_list (list, &n_codes);

  for (guint i = 0; code != NULL && i < n_codes; i++)
    if (g_str_equal (codes[i].code, code))
      adw_combo_row_set_selected (row, i);
}

/* The code of the selected label (a static string of kj-codes.c), or NULL. */
const char *
kj_code_row_get_code (AdwComboRow *row,
                      KjCodeList   list)
{
  guint n_codes;
  const KjCode *codes = kj_code_list (list, &n_codes);
  guint i = adw_combo_row_get_selected (row);

  return i < n_codes ? codes[i].code : NULL;
}
