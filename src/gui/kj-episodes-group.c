/* kj-episodes-group.c — Preferences → Episodes: the list, add, edit, resolve (“Resolved on”), delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of an episode are in doc/data-model.md, “Episodes”. Each episode
 * is a row: its title, knee and dates, and buttons to edit it, mark it
 * resolved (today) or open it again, and delete it after asking. The editor
 * is a small window of rows; what is not valid is said under them, in the
 * words of kj_episode_validate(), and nothing is stored.
 */
#define G_LOG_DOMAIN "knee-journal-episodes"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kj-a11y.h"
#include "kj-code-row.h"
#include "kj-episodes-group.h"
#include "kj-gtk-util.h"

struct _KjEpisodesGroup
{
  AdwPreferencesGroup  parent_instance;

  KjStore             *store;
  GPtrArray           *rows;       /* the rows shown, to remove on reload */
  guint                n_episodes;
};

G_DEFINE_FINAL_TYPE (KjEpisodesGroup, kj_episodes_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
say (KjEpisodesGroup *self,
     const char      *message)
{
  g_signal_emit (self, signals[TOAST], 0, adw_toast_new (message));
}

static void
stored (KjEpisodesGroup *self)
{
  kj_episodes_group_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The editor */

typedef struct
{
  KjEpisodesGroup *group;
  GtkWindow       *window;
  KjEpisode       *episode;
  AdwEntryRow     *name_row;
  AdwComboRow     *side_row;
  AdwEntryRow     *injury_row;
  AdwEntryRow     *start_row;
  GtkSpinButton   *weeks_spin;
  AdwEntryRow     *end_row;
  AdwEntryRow     *notes_row;
  GtkLabel        *error_label;
} Editor;

static void
editor_free (Editor *editor)
{
  g_clear_object (&editor->group);
  g_clear_pointer (&editor->episode, kj_episode_free);
  g_free (editor);
}

/* A date row's text into @out: "" when empty; FALSE with @error when it is no date */
static gboolean
read_date (AdwEntryRow  *row,
           const char   *field,
           char          out[11],
           GError      **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (text[0] != '\0' && !kj_date_is_valid (text))
    {
      g_set_error (error, KJ_RECORD_ERROR, KJ_RECORD_ERROR_INVALID, _("%s: “%s” is not a real date (YYYY-MM-DD)"),
                   field, text);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return FALSE;
    }

  g_strlcpy (out, text, 11);
  return TRUE;
}

static void
editor_save (Editor *editor)
{
  KjEpisode *e = editor->episode;
  g_autoptr(GError) error = NULL;

  g_free (e->name);
  e->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->name_row))));
  g_free (e->notes);
  e->notes = g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->notes_row)));
  e->side = kj_code_row_get_code (editor->side_row, KJ_CODE_AFFECTED_SIDE);
  e->review_weeks = gtk_spin_button_get_value_as_int (editor->weeks_spin);

  if (!read_date (editor->injury_row, "injury_date", e->injury_date, &error) ||
      !read_date (editor->start_row, "treatment_start", e->treatment_start, &error) ||
      !read_date (editor->end_row, "end_date", e->end_date, &error) ||
      !kj_store_save_episode (editor->group->store, e, &error))
    {
      gtk_label_set_text (editor->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (editor->error_label), TRUE);
      return;
    }

  stored (editor->group);
  gtk_window_destroy (editor->window);
}

static void
hide_error (GtkWidget *label)
{
  gtk_widget_set_visible (label, FALSE);
}

static void
unmark (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "error");
}

static AdwEntryRow *
editor_entry (AdwPreferencesGroup *group,
              Editor              *editor,
              const char          *title,
              const char          *text,
              int                  max_chars)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_activates_default (row, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (max_chars > 0)
    gtk_text_set_max_length (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (row))), max_chars);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_signal_connect (row, "changed", G_CALLBACK (unmark), NULL);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (hide_error), editor->error_label);

  return row;
}

/* Opens the editor for @episode, or for a new one when it is %NULL */
static void
open_editor (KjEpisodesGroup *self,
             const KjEpisode *episode)
{
  Editor *editor = g_new0 (Editor, 1);
  gboolean is_new = episode == NULL;
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (is_new ? _("_Add") : _("_Done"));
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *weeks_row = adw_action_row_new ();
  GtkWidget *parent = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);

  editor->group = g_object_ref (self);
  editor->window = GTK_WINDOW (window);
  editor->episode = is_new ? kj_episode_new () : kj_episode_copy (episode);
  if (is_new)
    {
      g_autofree char *today = kj_date_today ();

      g_strlcpy (editor->episode->injury_date, today, sizeof editor->episode->injury_date);
    }
  g_object_set_data_full (G_OBJECT (window), "editor", editor, (GDestroyNotify) editor_free);

  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent ? GTK_WINDOW (parent) : NULL);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 460, 620);
  gtk_window_set_title (GTK_WINDOW (window), is_new ? _("Add Episode") : _("Edit Episode"));

  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (editor_save), editor);
  gtk_window_set_default_widget (GTK_WINDOW (window), save);

  editor->error_label = GTK_LABEL (gtk_label_new (NULL));
  adw_preferences_group_set_description (group, _("Dates are written as 2026-03-04; leave a date empty if you do not "
                                                  "know it. An episode that has not ended has no “Resolved On” date."));
  editor->name_row = editor_entry (group, editor, _("Name"), editor->episode->name, KJ_EPISODE_NAME_MAX);
  editor->side_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->side_row), _("Painful Knee"));
  kj_code_row_setup (editor->side_row, KJ_CODE_AFFECTED_SIDE, editor->episode->side);
  adw_preferences_group_add (group, GTK_WIDGET (editor->side_row));
  editor->injury_row = editor_entry (group, editor, _("Pain Started (YYYY-MM-DD)"), editor->episode->injury_date, 10);
  editor->start_row = editor_entry (group, editor, _("Treatment Started (YYYY-MM-DD)"),
                                    editor->episode->treatment_start, 10);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (weeks_row), _("Weeks Before a Review"));
  editor->weeks_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (2, 12, 1));
  gtk_spin_button_set_value (editor->weeks_spin, editor->episode->review_weeks);
  gtk_widget_set_valign (GTK_WIDGET (editor->weeks_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor->weeks_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Weeks before a review"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (weeks_row), GTK_WIDGET (editor->weeks_spin));
  adw_preferences_group_add (group, weeks_row);

  editor->end_row = editor_entry (group, editor, _("Resolved On (YYYY-MM-DD)"), editor->episode->end_date, 10);
  editor->notes_row = editor_entry (group, editor, _("Notes"), editor->episode->notes, KJ_EPISODE_NOTES_MAX);

  gtk_label_set_wrap (editor->error_label, TRUE);
  gtk_label_set_xalign (editor->error_label, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (editor->error_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (editor->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (editor->error_label), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (editor->error_label));

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

static const KjEpisode *
button_episode (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (button), "episode");
}

static void
edit_clicked (GtkButton       *button,
              KjEpisodesGroup *self)
{
  open_editor (self, button_episode (GTK_WIDGET (button)));
}

static void
add_clicked (KjEpisodesGroup *self)
{
  open_editor (self, NULL);
}

/* Resolved today (or on its start, when that is later), or open again */
static void
resolve_clicked (GtkButton       *button,
                 KjEpisodesGroup *self)
{
  const KjEpisode *episode = button_episode (GTK_WIDGET (button));
  g_autofree char *today = kj_date_today ();
  g_autoptr(GError) error = NULL;
  const char *date = today;

  if (kj_episode_is_ended (episode))
    date = NULL;
  else
    {
      if (episode->injury_date[0] != '\0' && strcmp (date, episode->injury_date) < 0)
        date = episode->injury_date;
      if (episode->treatment_start[0] != '\0' && strcmp (date, episode->treatment_start) < 0)
        date = episode->treatment_start;
    }

  if (!kj_store_end_episode (self->store, episode->id, date, &error))
    {
      say (self, error->message);
      return;
    }

  stored (self);
}

static void
delete_response (AdwMessageDialog *dialog,
                 const char       *response,
                 KjEpisodesGroup  *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "id");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;

  if (!kj_store_delete_episode (self->store, id, &error))
    {
      say (self, error->message);
      return;
    }

  stored (self);
}

static void
delete_clicked (GtkButton       *button,
                KjEpisodesGroup *self)
{
  const KjEpisode *episode = button_episode (GTK_WIDGET (button));
  GtkWidget *parent = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);
  g_autofree char *title = kj_episode_dup_title (episode);
  /* Translators: “Delete Right knee — pes anserine?” */
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), title);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent ? GTK_WINDOW (parent) : NULL, heading,
                                   _("Its days, treatments and runs stay in your journal; only the episode's name, "
                                     "dates and notes are deleted."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "id", g_strdup (episode->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response), self, 0);
  kj_a11y_name_buttons (dialog);
  kj_a11y_return_focus_on_close (GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_button (GtkWidget       *row,
            const KjEpisode *episode,
            const char      *icon,
            char            *name,        /* taken */
            GCallback        callback,
            KjEpisodesGroup *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  g_autofree char *owned_name = name;

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  kj_gtk_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (button), "episode", kj_episode_copy (episode), (GDestroyNotify) kj_episode_free);
  g_signal_connect (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
add_row (KjEpisodesGroup *self,
         const KjEpisode *episode,
         gboolean         can_delete)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = kj_episode_dup_title (episode);
  g_autofree char *dates = kj_episode_dup_dates (episode);
  g_autofree char *subtitle = NULL;
  const char *side = _(kj_code_label (KJ_CODE_AFFECTED_SIDE, episode->side));

  if (kj_episode_is_ended (episode))
    /* Translators: an episode's row: “Right · 2 March 2026 – 4 May 2026 · resolved” */
    subtitle = g_strdup_printf (_("%s · %s · resolved"), side, dates);
  else if (dates[0] != '\0')
    subtitle = g_strdup_printf ("%s · %s", side, dates);
  else
    subtitle = g_strdup (side);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Translators: the buttons of an episode's row, for a screen reader: “Edit Right knee” */
  row_button (row, episode, "document-edit-symbolic", g_strdup_printf (_("Edit %s"), title),
              G_CALLBACK (edit_clicked), self);
  row_button (row, episode, kj_episode_is_ended (episode) ? "edit-undo-symbolic" : "object-select-symbolic",
              kj_episode_is_ended (episode) ? g_strdup_printf (_("Open %s again"), title)
                                            : g_strdup_printf (_("Mark %s as resolved today"), title),
              G_CALLBACK (resolve_clicked), self);
  if (can_delete)
    row_button (row, episode, "user-trash-symbolic", g_strdup_printf (_("Delete %s"), title),
                G_CALLBACK (delete_clicked), self);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

void
kj_episodes_group_reload (KjEpisodesGroup *self)
{
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KJ_IS_EPISODES_GROUP (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->store == NULL)
    return;

  if (!(episodes = kj_store_list_episodes (self->store, &error)))
    {
      say (self, error->message);
      return;
    }

  self->n_episodes = episodes->len;
  for (guint i = 0; i < episodes->len; i++)
    add_row (self, g_ptr_array_index (episodes, i), episodes->len > 1);
}

static void
kj_episodes_group_dispose (GObject *object)
{
  KjEpisodesGroup *self = KJ_EPISODES_GROUP (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (kj_episodes_group_parent_class)->dispose (object);
}

static void
kj_episodes_group_class_init (KjEpisodesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kj_episodes_group_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);
}

static void
kj_episodes_group_init (KjEpisodesGroup *self)
{
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Episodes"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Each stretch of knee trouble, with its own dates and review time. "
                                           "Trends, the verdict and the report are for one episode."));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  kj_gtk_set_tooltip_text (add, _("Add Episode"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add episode"), -1);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);
}

GtkWidget *
kj_episodes_group_new (void)
{
  return g_object_new (KJ_TYPE_EPISODES_GROUP, NULL);
}

void
kj_episodes_group_set_store (KjEpisodesGroup *self,
                             KjStore         *store)
{
  g_return_if_fail (KJ_IS_EPISODES_GROUP (self));

  g_set_object (&self->store, store);
  kj_episodes_group_reload (self);
}
