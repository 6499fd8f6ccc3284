/* kj-wrap-box.h — children in rows that wrap by their own widths, as words in a paragraph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KJ_TYPE_WRAP_BOX (kj_wrap_box_get_type ())
G_DECLARE_FINAL_TYPE (KjWrapBox, kj_wrap_box, KJ, WRAP_BOX, GtkWidget)

GtkWidget *kj_wrap_box_new                (void);
void       kj_wrap_box_append             (KjWrapBox *self,
                                           GtkWidget *child);
void       kj_wrap_box_remove             (KjWrapBox *self,
                                           GtkWidget *child);
void       kj_wrap_box_remove_all         (KjWrapBox *self);
GtkWidget *kj_wrap_box_get_child_at_index (KjWrapBox *self,
                                           guint      index);

G_END_DECLS
