/* kj-gtk-util.h — small helpers for GTK 4.8: what later versions have built in, chips, accessible names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       kj_list_box_clear         (GtkListBox *list);
void       kj_flow_box_clear         (GtkFlowBox *box);
GtkWidget *kj_chip_new               (GType       type,
                                      const char *start_icon,
                                      const char *text,
                                      const char *end_icon);
GtkWidget *kj_gtk_find_descendant    (GtkWidget  *root,
                                      GType       type);
void       kj_gtk_set_tooltip_text   (GtkWidget  *widget,
                                      const char *text);

G_END_DECLS
