/* kj-a11y.h — accessible names and focus that GTK 4.8 and libadwaita 1.2 do not give by themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

char               *kj_a11y_strip_mnemonic       (const char  *label);
void                kj_a11y_name_buttons         (GtkWidget   *root);
void                kj_a11y_label_list_item      (GtkListItem *item,
                                                  const char  *label);
GtkListItemFactory *kj_a11y_string_factory_new   (void);
void                kj_a11y_return_focus_on_close (GtkWindow  *dialog);

G_END_DECLS
