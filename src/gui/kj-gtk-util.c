/* kj-gtk-util.c — small helpers for GTK 4.8 that later GTK versions have built in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "knee-journal-gtk-util"

#include "config.h"

#include "kj-gtk-util.h"

/* gtk_list_box_remove_all() is GTK 4.12 */
void
kj_list_box_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* gtk_flow_box_remove_all() is GTK 4.12 */
void
kj_flow_box_clear (GtkFlowBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}
