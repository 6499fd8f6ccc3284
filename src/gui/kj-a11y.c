/* kj-a11y.c — accessible names and focus that GTK 4.8 and libadwaita 1.2 do not give by themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a screen reader hears (doc/testing.md, tests/test-a11y.c):
 *
 * - A button with a mnemonic ("_Cancel") is named "_Cancel Cancel" by GTK 4.8's
 *   AT-SPI backend: its label with the underscore, then its child label's text.
 *   An explicit accessible label, the text without the underscore, replaces it.
 *   kj_a11y_name_buttons() does that for every such button under a widget, the
 *   response buttons of an AdwMessageDialog included, and again when a label
 *   changes.
 * - The row of a GtkListView, a GtkDropDown or an AdwComboRow is a widget of
 *   GTK's own (GtkListItemWidget) with no name; GTK 4.12 has
 *   gtk_list_item_set_accessible_label(), 4.8 does not. kj_a11y_label_list_item()
 *   sets the label on that widget, the parent of the item's child.
 *
 * And where focus goes: kj_a11y_return_focus_on_close() gives focus back to
 * the control that opened a dialog.
 */
#define G_LOG_DOMAIN "knee-journal-a11y"

#include "config.h"

#include "kj-a11y.h"

/* "_Export…" → "Export…", "Rock __n Roll" → "Rock _n Roll" */
char *
kj_a11y_strip_mnemonic (const char *label)
{
  GString *text = g_string_new (NULL);

  for (const char *p = label; p != NULL && *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

/* The mnemonic label a button shows, given to it or by a label of its own */
static const char *
mnemonic_label (GtkButton *button)
{
  GtkWidget *child = gtk_button_get_child (button);

  if (gtk_button_get_use_underline (button))
    return gtk_button_get_label (button);
  if (GTK_IS_LABEL (child) && gtk_label_get_use_underline (GTK_LABEL (child)))
    return gtk_label_get_label (GTK_LABEL (child));

  return NULL;
}

static void
name_button (GtkButton *button)
{
  const char *label = mnemonic_label (button);
  g_autofree char *name = label != NULL ? kj_a11y_strip_mnemonic (label) : NULL;

  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Names every button under @root (and @root itself) that shows a mnemonic
 * label by that label without its underscore, now and when it changes. Call
 * it once the widgets are built. */
void
kj_a11y_name_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && mnemonic_label (GTK_BUTTON (root)) != NULL &&
      g_object_get_data (G_OBJECT (root), "kj-a11y-named") == NULL)
    {
      name_button (GTK_BUTTON (root));
      g_signal_connect (root, "notify::label", G_CALLBACK (name_button), NULL);
      g_object_set_data (G_OBJECT (root), "kj-a11y-named", GINT_TO_POINTER (TRUE));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    kj_a11y_name_buttons (child);
}

/* Gives the row that shows @item the accessible name @label. Call it from a
 * factory's bind, once the item's child is set. */
void
kj_a11y_label_list_item (GtkListItem *item,
                         const char  *label)
{
  GtkWidget *child;
  GtkWidget *row;

  g_return_if_fail (GTK_IS_LIST_ITEM (item));

  child = gtk_list_item_get_child (item);
  row = child != NULL ? gtk_widget_get_parent (child) : NULL;
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* A string list's rows, as GtkDropDown and AdwComboRow draw them (a label,
 * and in the popup a check mark on the selected one), each with its name */

static void
string_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
string_selected_changed (GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  gtk_widget_set_opacity (gtk_widget_get_last_child (box), gtk_list_item_get_selected (item) ? 1.0 : 0.0);
}

static void
string_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_last_child (box);
  gpointer object = gtk_list_item_get_item (item);
  const char *text = GTK_IS_STRING_OBJECT (object) ? gtk_string_object_get_string (object) : "";

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  kj_a11y_label_list_item (item, text);

  /* the check mark only in the popup, not beside the value in the button */
  gtk_widget_set_visible (check, gtk_widget_get_ancestor (box, GTK_TYPE_POPOVER) != NULL);
  g_signal_connect (item, "notify::selected", G_CALLBACK (string_selected_changed), NULL);
  string_selected_changed (item);
}

static void
string_unbind (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (item, string_selected_changed, NULL);
}

/* Returns: (transfer full): a factory for a GtkDropDown or AdwComboRow over a
 * GtkStringList whose rows have names */
GtkListItemFactory *
kj_a11y_string_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (string_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (string_bind), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (string_unbind), NULL);

  return factory;
}

/* Focus back to the opener */

/* The widget to give focus back to: @focus, or the menu button of the menu
 * it was in (a menu item is gone once its menu is closed) */
static GtkWidget *
opener_of (GtkWidget *focus)
{
  GtkWidget *popover = gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER);

  while (popover != NULL && gtk_widget_get_parent (popover) != NULL)
    {
      focus = gtk_widget_get_parent (popover);
      popover = gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER);
    }

  return focus;
}

static void
return_focus (GtkWidget *dialog,
              GWeakRef  *opener)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (opener);

  if (widget != NULL && gtk_widget_get_mapped (widget) && gtk_widget_get_sensitive (widget))
    gtk_widget_grab_focus (widget);
}

static void
free_weak_ref (gpointer  data,
               GClosure *closure)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* When @dialog goes, gives focus back to what had it in the window @dialog is
 * transient for: the button that opened it, or the menu button of the menu
 * item that did. */
void
kj_a11y_return_focus_on_close (GtkWindow *dialog)
{
  GtkWindow *parent;
  GtkWidget *focus;
  GWeakRef *opener;

  g_return_if_fail (GTK_IS_WINDOW (dialog));

  parent = gtk_window_get_transient_for (dialog);
  focus = parent != NULL ? gtk_root_get_focus (GTK_ROOT (parent)) : NULL;
  if (focus == NULL)
    return;

  opener = g_new0 (GWeakRef, 1);
  g_weak_ref_init (opener, opener_of (focus));
  g_signal_connect_data (dialog, "unmap", G_CALLBACK (return_focus), opener, free_weak_ref, 0);
}
