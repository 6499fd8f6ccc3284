/* kj-shoes-page.c — Preferences → Shoes: the pairs with their distance; add, edit, retire, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of a pair are doc/data-model.md's, “Shoes”; distances are shown
 * and typed in the journal's unit and stored in kilometres. The pairs in use
 * and the retired ones are in groups of their own. Every change is stored at
 * once and announced with ::changed.
 */
#define G_LOG_DOMAIN "knee-journal-shoes"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "kj-a11y.h"
#include "kj-format.h"
#include "kj-gtk-util.h"
#include "kj-shoes-page.h"

/* The default alert when the journal is in miles: 450 mi, not 700 km in miles */
#define KJ_SHOE_ALERT_MI_DEFAULT 450.0

struct _KjShoesPage
{
  AdwPreferencesPage  parent_instance;

  KjStore            *store;
  KjUnits             units;
  AdwPreferencesGroup *active_group;
  AdwPreferencesGroup *retired_group;
  GtkListBox         *active_list;
  GtkListBox         *retired_list;
};

G_DEFINE_FINAL_TYPE (KjShoesPage, kj_shoes_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  CHANGED,
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void fill (KjShoesPage *self);

static void
say (KjShoesPage *self,
     const char  *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_signal_emit (self, signals[TOAST], 0, toast);
}

static void
stored (KjShoesPage *self)
{
  fill (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The editor: a small dialog of its own */

typedef struct
{
  KjShoesPage *page;
  KjShoe      *shoe;
  GtkWindow   *window;
  AdwEntryRow *name_row;
  AdwEntryRow *model_row;
  AdwEntryRow *start_row;
  AdwEntryRow *start_km_row;
  AdwEntryRow *alert_row;
  AdwEntryRow *retired_row;    /* a retired pair's only */
  char        *start_km_shown; /* the distances as shown, rounded: kept as stored while not edited */
  char        *alert_shown;
  GtkSwitch   *default_switch;
  GtkLabel    *error_label;
} Editor;

static void
editor_free (Editor *editor)
{
  g_clear_object (&editor->page);
  g_clear_pointer (&editor->shoe, kj_shoe_free);
  g_free (editor->start_km_shown);
  g_free (editor->alert_shown);
  g_free (editor);
}

/* A distance typed with a point or a comma, in the journal's unit; empty is
 * @empty. A field left as it was shown (rounded to 0.1 in the journal's
 * unit) keeps @stored, so that Done changes nothing that was not edited. */
static gboolean
read_distance (AdwEntryRow *row,
               const char  *shown,
               double       stored,
               KjUnits      units,
               double       empty,
               double      *km)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), shown) == 0)
    {
      *km = stored;
      return TRUE;
    }

  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  char *end;
  double value;

  g_strdelimit (text, ",", '.');
  if (text[0] == '\0')
    {
      *km = empty;
      return TRUE;
    }

  value = g_ascii_strtod (text, &end);
  if (*end != '\0' || !isfinite (value))
    return FALSE;

  *km = kj_distance_to_km (value, units);
  return TRUE;
}

static void
mark (AdwEntryRow *row,
      gboolean     wrong)
{
  if (wrong)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
unmark (AdwEntryRow *row)
{
  mark (row, FALSE);
}

static void
hide_error (GtkWidget *label)
{
  gtk_widget_set_visible (label, FALSE);
}

static void
editor_save (Editor *editor)
{
  KjShoesPage *self = editor->page;
  g_autoptr(KjShoe) shoe = kj_shoe_copy (editor->shoe);
  g_autoptr(GError) error = NULL;
  g_autofree char *start = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->start_row))));
  const char *problem = NULL;
  g_autofree char *own_problem = NULL;

  g_free (shoe->name);
  shoe->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->name_row))));
  g_free (shoe->model);
  shoe->model = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->model_row))));
  if (shoe->model[0] == '\0')
    g_clear_pointer (&shoe->model, g_free);
  g_strlcpy (shoe->start_date, start, sizeof shoe->start_date);
  shoe->is_default = gtk_switch_get_active (editor->default_switch);

  mark (editor->name_row, shoe->name[0] == '\0');
  mark (editor->start_row, start[0] != '\0' && !kj_date_is_valid (start));
  mark (editor->start_km_row, FALSE);
  mark (editor->alert_row, FALSE);

  if (shoe->name[0] == '\0')
    problem = _("Give the pair a name, like “Pegasus 40”.");
  else if (start[0] != '\0' && (strlen (start) >= sizeof shoe->start_date || !kj_date_is_valid (start)))
    problem = _("Write the start date as year-month-day, for example 2026-03-04, or leave it empty.");
  else if (!read_distance (editor->start_km_row, editor->start_km_shown, editor->shoe->start_km, self->units, 0,
                           &shoe->start_km) ||
           !(shoe->start_km >= 0 && shoe->start_km <= KJ_SHOE_KM_MAX))
    {
      mark (editor->start_km_row, TRUE);
      problem = _("Enter the distance the pair had already run as a number of 0 or more, 0 for a new pair.");
    }
  else if (!read_distance (editor->alert_row, editor->alert_shown, editor->shoe->alert_km, self->units, NAN,
                           &shoe->alert_km) ||
           !(shoe->alert_km > 0 && shoe->alert_km <= KJ_SHOE_KM_MAX))
    {
      mark (editor->alert_row, TRUE);
      problem = _("Enter the alert distance as a number greater than 0.");
    }
  else if (shoe->is_default && kj_shoe_is_retired (shoe))
    problem = _("A retired pair cannot be the default.");

  if (problem == NULL && editor->retired_row != NULL)
    {
      g_autofree char *retired = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->retired_row))));
      g_autofree char *today = kj_date_today ();

      if (strlen (retired) >= sizeof shoe->retired_date || !kj_date_is_valid (retired) || strcmp (retired, today) > 0 ||
          (shoe->start_date[0] != '\0' && strcmp (retired, shoe->start_date) < 0))
        {
          mark (editor->retired_row, TRUE);
          problem = _("Write the day the pair was retired as year-month-day, not before its first run and not "
                      "after today.");
        }
      else
        g_strlcpy (shoe->retired_date, retired, sizeof shoe->retired_date);
    }

  if (problem == NULL && !kj_store_save_shoe (self->store, shoe, &error))
    problem = own_problem = g_strdup (error->message);

  if (problem != NULL)
    {
      gtk_label_set_text (editor->error_label, problem);
      gtk_widget_set_visible (GTK_WIDGET (editor->error_label), TRUE);
      return;
    }

  stored (self);
  gtk_window_destroy (editor->window);
}

static AdwEntryRow *
editor_entry (AdwPreferencesGroup *group,
              const char          *title,
              const char          *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_activates_default (row, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  /* a field being mended is no longer marked */
  g_signal_connect (row, "changed", G_CALLBACK (unmark), NULL);

  return row;
}

static char *
distance_text (double  km,
               KjUnits units)
{
  double value = round (kj_distance_in_units (km, units) * 10) / 10;

  return value == floor (value) ? g_strdup_printf ("%.0f", value) : g_strdup_printf ("%.1f", value);
}

/* Opens the editor for @shoe, or for a new pair when it is %NULL */
static void
open_editor (KjShoesPage  *self,
             const KjShoe *shoe)
{
  Editor *editor = g_new0 (Editor, 1);
  gboolean is_new = shoe == NULL;
  gboolean miles = self->units == KJ_UNITS_MI;
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (is_new ? _("_Add") : _("_Done"));
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *default_row = adw_action_row_new ();
  GtkWidget *parent = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);
  g_autofree char *start_km = NULL;
  g_autofree char *alert_km = NULL;

  editor->page = g_object_ref (self);
  editor->window = GTK_WINDOW (window);
  if (is_new)
    {
      editor->shoe = kj_shoe_new (NULL);
      editor->shoe->alert_km = miles ? kj_distance_to_km (KJ_SHOE_ALERT_MI_DEFAULT, KJ_UNITS_MI)
                                     : KJ_SHOE_ALERT_KM_DEFAULT;
      g_autofree char *today = kj_date_today ();
      g_strlcpy (editor->shoe->start_date, today, sizeof editor->shoe->start_date);
    }
  else
    editor->shoe = kj_shoe_copy (shoe);
  g_object_set_data_full (G_OBJECT (window), "editor", editor, (GDestroyNotify) editor_free);

  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent ? GTK_WINDOW (parent) : NULL);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 440, 520);
  gtk_window_set_title (GTK_WINDOW (window), is_new ? _("Add Shoes") : _("Edit Shoes"));

  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (editor_save), editor);
  gtk_window_set_default_widget (GTK_WINDOW (window), save);

  start_km = distance_text (editor->shoe->start_km, self->units);
  alert_km = distance_text (editor->shoe->alert_km, self->units);
  editor->start_km_shown = g_strdup (start_km);
  editor->alert_shown = g_strdup (alert_km);
  editor->name_row = editor_entry (group, _("Name"), editor->shoe->name);
  editor->model_row = editor_entry (group, _("Brand and Model"), editor->shoe->model);
  /* no longer than a pair's fields may be (doc/data-model.md, “Shoes”) */
  gtk_text_set_max_length (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (editor->name_row))), KJ_SHOE_NAME_MAX);
  gtk_text_set_max_length (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (editor->model_row))), KJ_SHOE_NAME_MAX);
  editor->start_row = editor_entry (group, _("First Run In Them (YYYY-MM-DD)"), editor->shoe->start_date);
  editor->start_km_row = editor_entry (group, miles ? _("Distance Already Run (mi)") : _("Distance Already Run (km)"),
                                       start_km);
  editor->alert_row = editor_entry (group, miles ? _("Alert After (mi)") : _("Alert After (km)"), alert_km);
  if (kj_shoe_is_retired (editor->shoe))
    editor->retired_row = editor_entry (group, _("Retired On (YYYY-MM-DD)"), editor->shoe->retired_date);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (default_row), _("Default for New Runs"));
  editor->default_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (editor->default_switch), GTK_ALIGN_CENTER);
  gtk_switch_set_active (editor->default_switch, editor->shoe->is_default);
  gtk_widget_set_sensitive (default_row, !kj_shoe_is_retired (editor->shoe));
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor->default_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Default for new runs"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (default_row), GTK_WIDGET (editor->default_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (default_row), GTK_WIDGET (editor->default_switch));
  adw_preferences_group_add (group, default_row);

  editor->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (editor->error_label, TRUE);
  gtk_label_set_xalign (editor->error_label, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (editor->error_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (editor->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (editor->error_label), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (editor->error_label));
  {
    AdwEntryRow *rows[] = { editor->name_row, editor->model_row, editor->start_row, editor->start_km_row,
                            editor->alert_row, editor->retired_row };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      if (rows[i] != NULL)
        g_signal_connect_swapped (rows[i], "changed", G_CALLBACK (hide_error), editor->error_label);
  }

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  gtk_widget_set_vexpand (page, TRUE);
  adw_window_set_content (ADW_WINDOW (window), box);

  kj_a11y_name_buttons (window);
  kj_a11y_return_focus_on_close (GTK_WINDOW (window));
  gtk_window_set_focus (GTK_WINDOW (window), GTK_WIDGET (editor->name_row));
  gtk_window_present (GTK_WINDOW (window));
}

/* The rows */

static KjShoe *
row_shoe (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (button), "shoe");
}

static void
edit_clicked (GtkButton   *button,
              KjShoesPage *self)
{
  open_editor (self, row_shoe (GTK_WIDGET (button)));
}

static void
retire_clicked (GtkButton   *button,
                KjShoesPage *self)
{
  const KjShoe *shoe = row_shoe (GTK_WIDGET (button));
  g_autofree char *today = kj_date_today ();
  g_autoptr(GError) error = NULL;
  const char *date = today;

  if (kj_shoe_is_retired (shoe))
    date = NULL;   /* in use again */
  else if (shoe->start_date[0] != '\0' && strcmp (today, shoe->start_date) < 0)
    date = shoe->start_date;

  if (!kj_store_retire_shoe (self->store, shoe->id, date, &error))
    {
      say (self, error->message);
      return;
    }

  stored (self);
}

static void
delete_response (AdwMessageDialog *dialog,
                 const char       *response,
                 KjShoesPage      *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "id");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;

  if (!kj_store_delete_shoe (self->store, id, &error))
    {
      say (self, error->message);
      return;
    }

  stored (self);
}

static void
delete_clicked (GtkButton   *button,
                KjShoesPage *self)
{
  const KjShoe *shoe = row_shoe (GTK_WIDGET (button));
  GtkWidget *parent = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);
  /* Translators: “Delete Pegasus 40?” */
  g_autofree char *heading = g_strdup_printf (_("Delete %s?"), shoe->name);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent ? GTK_WINDOW (parent) : NULL, heading,
                                   _("Its runs stay in your journal, without shoes. To keep its distance, retire the "
                                     "pair instead."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "id", g_strdup (shoe->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response), self, 0);
  kj_a11y_name_buttons (dialog);
  kj_a11y_return_focus_on_close (GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
row_button (GtkWidget    *row,
            const KjShoe *shoe,
            const char   *icon,
            const char   *label,
            char         *name,        /* taken */
            GCallback     callback,
            KjShoesPage  *self)
{
  GtkWidget *button = icon ? gtk_button_new_from_icon_name (icon) : gtk_button_new_with_mnemonic (label);
  g_autofree char *owned_name = name;

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (icon != NULL)
    {
      gtk_widget_add_css_class (button, "flat");
      kj_gtk_set_tooltip_text (button, name);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (button), "shoe", kj_shoe_copy (shoe), (GDestroyNotify) kj_shoe_free);
  g_signal_connect (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return button;
}

static void
add_shoe_row (KjShoesPage  *self,
              GtkListBox   *list,
              const KjShoe *shoe,
              double        km)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *distance = kj_format_distance (km, self->units);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shoe->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (shoe->model != NULL && shoe->model[0] != '\0')
    g_string_append_printf (subtitle, "%s · ", shoe->model);
  g_string_append (subtitle, distance);
  if (km >= shoe->alert_km)
    {
      g_autofree char *alert = kj_format_distance_whole (shoe->alert_km, self->units);

      /* Translators: after a pair's distance: “812.4 km · past 700 km” */
      g_string_append_printf (subtitle, " · ");
      g_string_append_printf (subtitle, _("past %s"), alert);
    }
  if (shoe->is_default)
    {
      g_string_append (subtitle, " · ");
      /* Translators: the pair new runs get */
      g_string_append (subtitle, _("default"));
    }
  if (kj_shoe_is_retired (shoe))
    {
      g_autofree char *date = kj_format_date (shoe->retired_date);

      g_string_append (subtitle, " · ");
      /* Translators: “retired on 3 March 2026” */
      g_string_append_printf (subtitle, _("retired on %s"), date);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  /* wrapped, never cut: at 360 px the distance and the retired date still show */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  /* Translators: the accessible names of a pair's buttons, “Edit Pegasus 40” */
  row_button (row, shoe, "document-edit-symbolic", NULL, g_strdup_printf (_("Edit %s"), shoe->name),
              G_CALLBACK (edit_clicked), self);
  if (kj_shoe_is_retired (shoe))
    row_button (row, shoe, NULL, _("_Use Again"), g_strdup_printf (_("Use %s again"), shoe->name),
                G_CALLBACK (retire_clicked), self);
  else
    row_button (row, shoe, NULL, _("_Retire"), g_strdup_printf (_("Retire %s"), shoe->name),
                G_CALLBACK (retire_clicked), self);
  row_button (row, shoe, "user-trash-symbolic", NULL, g_strdup_printf (_("Delete %s"), shoe->name),
              G_CALLBACK (delete_clicked), self);

  gtk_list_box_append (list, row);
}

static void
fill (KjShoesPage *self)
{
  g_autoptr(GPtrArray) shoes = NULL;
  g_autoptr(GHashTable) km = NULL;
  g_autoptr(KjProfile) profile = kj_store_get_profile (self->store, NULL);
  g_autoptr(GError) error = NULL;
  guint n_active = 0, n_retired = 0;

  self->units = kj_units_from_profile (profile);
  kj_list_box_clear (self->active_list);
  kj_list_box_clear (self->retired_list);

  if (!(shoes = kj_store_list_shoes (self->store, &error)) || !(km = kj_store_get_shoe_km (self->store, &error)))
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      gtk_list_box_append (self->active_list, row);
      gtk_widget_set_visible (GTK_WIDGET (self->retired_group), FALSE);
      return;
    }

  for (guint i = 0; i < shoes->len; i++)
    {
      const KjShoe *shoe = g_ptr_array_index (shoes, i);
      const double *distance = g_hash_table_lookup (km, shoe->id);
      gboolean retired = kj_shoe_is_retired (shoe);

      add_shoe_row (self, retired ? self->retired_list : self->active_list, shoe,
                    distance ? *distance : shoe->start_km);
      if (retired)
        n_retired++;
      else
        n_active++;
    }

  if (n_active == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No shoes yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add the pairs you run in to see how far each has gone, and how your knee feels "
                                     "after runs in each."));
      gtk_list_box_append (self->active_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->retired_group), n_retired > 0);
}

static void
add_clicked (KjShoesPage *self)
{
  open_editor (self, NULL);
}

static GtkListBox *
new_list (AdwPreferencesGroup *group)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_group_add (group, list);

  return GTK_LIST_BOX (list);
}

static void
kj_shoes_page_dispose (GObject *object)
{
  KjShoesPage *self = (KjShoesPage *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (kj_shoes_page_parent_class)->dispose (object);
}

static void
kj_shoes_page_class_init (KjShoesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kj_shoes_page_dispose;

  /**
   * KjShoesPage::changed:
   *
   * A pair was added, changed, retired or deleted.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * KjShoesPage::toast:
   * @toast: what to say
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);
}

static void
kj_shoes_page_init (KjShoesPage *self)
{
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Shoes…"));

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Shoes"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "kj-run-symbolic");
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (self), "shoes");

  self->active_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->active_group, _("Your Shoes"));
  adw_preferences_group_set_description (self->active_group,
                                         _("Each pair’s distance is what it had run before and the runs you logged "
                                           "in it. New runs get the default pair; Knee Journal tells you when a pair "
                                           "passes its alert distance."));
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add shoes"), -1);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_clicked), self);
  adw_preferences_group_set_header_suffix (self->active_group, add);
  self->active_list = new_list (self->active_group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->active_group);

  self->retired_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->retired_group, _("Retired"));
  self->retired_list = new_list (self->retired_group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->retired_group);
}

KjShoesPage *
kj_shoes_page_new (KjStore *store)
{
  KjShoesPage *self = g_object_new (KJ_TYPE_SHOES_PAGE, NULL);

  kj_shoes_page_set_store (self, store);

  return self;
}

/* The journal whose pairs the page shows (the preferences window's template makes the page without one) */
void
kj_shoes_page_set_store (KjShoesPage *self,
                         KjStore     *store)
{
  g_return_if_fail (KJ_IS_SHOES_PAGE (self));
  g_return_if_fail (KJ_IS_STORE (store));

  g_set_object (&self->store, store);
  fill (self);
}

/* Shows the pairs again, after the journal's unit or records changed */
void
kj_shoes_page_reload (KjShoesPage *self)
{
  g_return_if_fail (KJ_IS_SHOES_PAGE (self));

  if (self->store != NULL)
    fill (self);
}
