/* kj-gtk-util.h — small helpers for GTK 4.8 that later GTK versions have built in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void kj_list_box_clear (GtkListBox *list);
void kj_flow_box_clear (GtkFlowBox *box);

G_END_DECLS
