/* kj-gtk-util.c — small helpers for GTK 4.8: what later versions have built in, chips, accessible names
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

/**
 * kj_chip_new:
 * @type: %GTK_TYPE_BUTTON or %GTK_TYPE_TOGGLE_BUTTON
 * @start_icon: (nullable): an icon before the text
 * @text: the chip's text, which wraps when the chip is narrow
 * @end_icon: (nullable): an icon after the text
 *
 * A chip of the Today page, for a #KjWrapBox: a pill-shaped button whose
 * label wraps, named by @text for screen readers (a button with a child of
 * its own has no name in GTK 4.8 but its type's).
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
kj_chip_new (GType       type,
             const char *start_icon,
             const char *text,
             const char *end_icon)
{
  GtkWidget *button = g_object_new (type, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  g_return_val_if_fail (g_type_is_a (type, GTK_TYPE_BUTTON), NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_LEFT);
  /* a wrapping label's natural width is its text on one line */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);

  if (start_icon != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (start_icon));
  gtk_box_append (GTK_BOX (box), label);
  if (end_icon != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (end_icon));

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "kj-chip");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  return button;
}

/* The first widget of @type under @root (depth first, @root included), or NULL */
GtkWidget *
kj_gtk_find_descendant (GtkWidget *root,
                        GType      type)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kj_gtk_find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * kj_gtk_set_tooltip_text:
 * @text: (nullable): the tooltip, or %NULL for none
 *
 * gtk_widget_set_tooltip_text(), less its cost where it has no use. On a
 * visible widget GTK 4.8 asks the display where the pointer is, to update a
 * tooltip being shown: on X11 three round trips to the server, about half a
 * millisecond a widget, even for a widget in no window yet. A widget that is
 * not mapped shows no tooltip, so it is hidden while its text is set; a text
 * that does not change is not set again.
 *
 * Not for a page of a stack, whose stack would show another page while it
 * is hidden. A widget holding the focus, which hiding would move, is set as
 * GTK does; a window's default widget stays its default.
 */
void
kj_gtk_set_tooltip_text (GtkWidget  *widget,
                         const char *text)
{
  GtkRoot *root;
  GtkWidget *focus = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text != NULL && *text != '\0' ? text : NULL) == 0)
    return;

  if ((root = gtk_widget_get_root (widget)) != NULL)
    focus = gtk_root_get_focus (root);

  if (gtk_widget_get_mapped (widget) || !gtk_widget_get_visible (widget)
      || (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget))))
    {
      gtk_widget_set_tooltip_text (widget, text);
      return;
    }

  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, TRUE);
}
