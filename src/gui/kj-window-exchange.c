/* kj-window-exchange.c — the window's import and export jobs: file choosers, worker threads, their outcome
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import (journal JSON, runs from GPX/TCX/FIT files) and export (JSON, CSV, the
 * PDF report) run the same code as the command line, in a worker thread on
 * its own connection to the journal; the outcome is a toast or, when
 * something failed, a dialog that says what and what was kept. The actions
 * (win.import, win.export-json …) are installed on the window class by
 * _kj_window_class_exchange_init().
 */
#define G_LOG_DOMAIN "knee-journal-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kj-a11y.h"
#include "kj-exchange.h"
#include "kj-gpx.h"
#include "kj-period-rows.h"
#include "kj-print.h"
#include "kj-window-private.h"

typedef struct
{
  GFile          *file;
  KjExportFormat  format;
  char           *from;
  char           *to;
  char          **paths;
  GArray         *results;
  KjPaper         paper;
  gboolean        include_notes;
  char           *episode_id;     /* the report's episode: the one Trends shows */
  guint           n_pages;
  KjImportStats   stats;
  guint           n_days;
  guint           n_treatments;
  guint           n_runs;
  GHashTable     *km_before;   /* imports: each pair's kilometres before, for the shoe alert */
} IoJob;

static void
io_job_free (IoJob *job)
{
  g_clear_object (&job->file);
  g_free (job->from);
  g_free (job->to);
  g_free (job->episode_id);
  g_strfreev (job->paths);
  g_clear_pointer (&job->results, g_array_unref);
  g_clear_pointer (&job->km_before, g_hash_table_unref);
  g_free (job);
}

/**
 * _kj_window_set_busy:
 * @busy: whether a job runs, or the journal cannot be used
 *
 * Turns the actions that start a job off while one runs (or while there is
 * no journal to work on), and on again.
 */
void
_kj_window_set_busy (KjWindow *self,
                     gboolean  busy)
{
  gboolean enabled = !busy && _kj_window_get_store (self) != NULL;

  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-json", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-runs", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-runs-folder", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences", _kj_window_get_store (self) != NULL);
}

static void
show_toast (KjWindow   *self,
            const char *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
show_error (KjWindow   *self,
            const char *heading,
            const char *message)
{
  AdwMessageDialog *dialog;

  g_free (self->last_message);
  self->last_message = g_strdup (message);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  kj_a11y_name_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Jobs */

/* Runs an import or export in a worker thread; the journal's connection is
 * not used by the main thread meanwhile (the actions are disabled). */
static void
run_io (KjWindow            *self,
        IoJob               *job,
        gpointer             source_tag,
        GTaskThreadFunc      thread_func,
        GAsyncReadyCallback  done)
{
  g_autoptr(GTask) task = NULL;

  /* the export reads, and the import may change, the day being edited */
  kj_today_page_flush (self->today_page);
  _kj_window_set_busy (self, TRUE);
  task = g_task_new (self, NULL, done, NULL);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) io_job_free);
  g_object_set_data_full (G_OBJECT (task), "db-path", g_strdup (kj_store_get_path (_kj_window_get_store (self))),
                          g_free);
  g_task_run_in_thread (task, thread_func);
}

/* The worker's own connection to the journal. The pages go on reading and
 * autosaving on the window's connection meanwhile: one connection used by
 * two threads would mix their transactions and its cache of statements. */
static KjStore *
open_task_store (GTask *task)
{
  GError *error = NULL;
  KjStore *store = kj_store_open (g_object_get_data (G_OBJECT (task), "db-path"), &error);

  if (store == NULL)
    g_task_return_error (task, error);

  return store;
}

static void
open_file (AdwToast   *toast,
           const char *uri)
{
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

/* Import */

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(KjStore) store = NULL;
  IoJob *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  GError *error = NULL;

  if (!(store = open_task_store (task)))
    return;

  if (!kj_exchange_import (store, path, NULL, &job->stats, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* After an import, a pair it took past its alert distance: said once, as
 * the run editor says it */
static void
show_shoe_alerts (KjWindow *self,
                  IoJob    *job)
{
  KjStore *store = _kj_window_get_store (self);
  g_autoptr(KjProfile) profile = store != NULL ? kj_store_get_profile (store, NULL) : NULL;
  g_autoptr(GPtrArray) alerts = NULL;

  if (store == NULL)
    return;

  alerts = kj_store_shoe_alerts (store, job->km_before, kj_units_from_profile (profile));
  for (guint i = 0; i < alerts->len; i++)
    show_toast (self, g_ptr_array_index (alerts, i));
}

static void
import_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  KjWindow *self = KJ_WINDOW (object);
  IoJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint added, updated;

  _kj_window_set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message, _("Nothing in your journal was changed."));

      show_error (self, _("Import Failed"), body);
      return;
    }

  kj_window_reload (self);

  added = job->stats.days.added + job->stats.treatments.added + job->stats.runs.added;
  updated = job->stats.days.updated + job->stats.days.replaced +
            job->stats.treatments.updated + job->stats.runs.updated + job->stats.shoes.updated +
            job->stats.questionnaires.updated;

  if (added + updated + job->stats.shoes.added + job->stats.questionnaires.added == 0 && !job->stats.profile_changed)
    message = g_strdup (_("Nothing new to import: the journal already holds everything in this file"));
  else if (added + updated + job->stats.shoes.added == 0 && job->stats.questionnaires.added > 0)
    message = g_strdup_printf (ngettext ("Imported %u questionnaire", "Imported %u questionnaires",
                                         job->stats.questionnaires.added), job->stats.questionnaires.added);
  else if (added + updated == 0 && job->stats.shoes.added > 0)
    message = g_strdup_printf (ngettext ("Imported %u pair of shoes", "Imported %u pairs of shoes",
                                         job->stats.shoes.added), job->stats.shoes.added);
  else
    {
      guint n_days = job->stats.days.added;
      guint n_treatments = job->stats.treatments.added;
      guint n_runs = job->stats.runs.added;
      g_autofree char *days = g_strdup_printf (ngettext ("%u day", "%u days", n_days), n_days);
      g_autofree char *treatments = g_strdup_printf (ngettext ("%u treatment", "%u treatments", n_treatments),
                                                     n_treatments);
      g_autofree char *runs = g_strdup_printf (ngettext ("%u run", "%u runs", n_runs), n_runs);

      if (updated > 0)
        /* Translators: “Imported 56 days, 80 treatments and 20 runs; 3 records updated” */
        message = g_strdup_printf (ngettext ("Imported %s, %s and %s; %u record updated",
                                             "Imported %s, %s and %s; %u records updated", updated),
                                   days, treatments, runs, updated);
      else
        /* Translators: “Imported 56 days, 80 treatments and 20 runs” */
        message = g_strdup_printf (_("Imported %s, %s and %s"), days, treatments, runs);
    }

  show_toast (self, message);
  show_shoe_alerts (self, job);
}

/**
 * kj_window_import_file:
 *
 * Merges a journal JSON file into the journal off the main thread, with the
 * same code as `--import-json` (kj_exchange_import()); the outcome is shown as a toast or a dialog.
 */
void
kj_window_import_file (KjWindow *self,
                       GFile    *file)
{
  g_return_if_fail (KJ_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->busy && _kj_window_get_store (self) != NULL);

  IoJob *job = g_new0 (IoJob, 1);

  job->file = g_object_ref (file);
  job->km_before = kj_store_get_shoe_km (_kj_window_get_store (self), NULL);
  run_io (self, job, kj_window_import_file, import_thread, import_done);
}

static void
import_response (GtkNativeDialog *chooser,
                 int              response,
                 gpointer         user_data)
{
  KjWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      kj_window_import_file (self, file);
    }

  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern,
            const char     *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
kj_window_import_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KjWindow *self = KJ_WINDOW (widget);
  GtkFileChooserNative *chooser;

  kj_window_flush (self);
  chooser = gtk_file_chooser_native_new (_("Import Journal"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (chooser), _("Knee Journal files (JSON)"), "*.json", "application/json");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Runs from GPS files */

static void
import_runs_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  g_autoptr(KjStore) store = open_task_store (task);
  IoJob *job = task_data;

  if (store == NULL)
    return;

  job->results = kj_gpx_import (store, (const char * const *) job->paths);
  g_task_return_boolean (task, TRUE);
}

/* the failed files a dialog names one by one */
#define MAX_FAILURES_SHOWN 8

static void
import_runs_done (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  KjWindow *self = KJ_WINDOW (object);
  IoJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autofree char *message = NULL;
  guint counts[3] = { 0, 0, 0 };

  _kj_window_set_busy (self, FALSE);
  g_task_propagate_boolean (G_TASK (result), NULL);

  for (guint i = 0; i < job->results->len; i++)
    {
      const KjTrackResult *r = &g_array_index (job->results, KjTrackResult, i);

      counts[r->status]++;
      if (r->status == KJ_TRACK_FAILED && counts[KJ_TRACK_FAILED] <= MAX_FAILURES_SHOWN)
        g_string_append_printf (failures, "%s%s", failures->len ? "\n" : "", r->message);
    }
  /* the dialog stays within the screen: the first files, then how many more */
  if (counts[KJ_TRACK_FAILED] > MAX_FAILURES_SHOWN)
    {
      guint more = counts[KJ_TRACK_FAILED] - MAX_FAILURES_SHOWN;

      g_string_append_c (failures, '\n');
      g_string_append_printf (failures, ngettext ("…and %u more file could not be imported.",
                                                  "…and %u more files could not be imported.", more), more);
    }

  if (counts[KJ_TRACK_ADDED] > 0)
    kj_window_reload (self);

  message = g_strdup_printf (ngettext ("Added %u run", "Added %u runs", counts[KJ_TRACK_ADDED]), counts[KJ_TRACK_ADDED]);
  if (counts[KJ_TRACK_SKIPPED] > 0)
    {
      g_autofree char *added = g_steal_pointer (&message);
      g_autofree char *skipped = g_strdup_printf (ngettext ("%u file skipped (already in the journal, or not a run)",
                                                            "%u files skipped (already in the journal, or not runs)",
                                                            counts[KJ_TRACK_SKIPPED]),
                                                  counts[KJ_TRACK_SKIPPED]);

      /* Translators: “Added 3 runs; 1 file skipped (already in the journal, or not a run)” */
      message = g_strdup_printf (_("%s; %s"), added, skipped);
    }

  if (failures->len > 0)
    {
      g_autofree char *body = g_strdup_printf ("%s.\n\n%s\n\n%s", message, failures->str,
                                               _("Nothing from these files was stored."));

      show_error (self, _("Some Files Could Not Be Imported"), body);
    }
  else
    show_toast (self, message);

  if (counts[KJ_TRACK_ADDED] > 0)
    show_shoe_alerts (self, job);
}

/**
 * kj_window_import_runs:
 * @paths: GPX, TCX or FIT files (perhaps gzipped), folders of them, or the
 *   folder of a Strava export
 *
 * Adds runs from GPS files off the main thread, with the same code as
 * `--import-runs`.
 */
void
kj_window_import_runs (KjWindow           *self,
                       const char * const *paths)
{
  IoJob *job;

  g_return_if_fail (KJ_IS_WINDOW (self));
  g_return_if_fail (!self->busy && _kj_window_get_store (self) != NULL);

  job = g_new0 (IoJob, 1);
  job->paths = g_strdupv ((char **) paths);
  job->km_before = kj_store_get_shoe_km (_kj_window_get_store (self), NULL);
  run_io (self, job, kj_window_import_runs, import_runs_thread, import_runs_done);
}

static void
import_runs_response (GtkNativeDialog *chooser,
                      int              response,
                      gpointer         user_data)
{
  KjWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) paths = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            g_strv_builder_add (builder, path);
        }
      paths = g_strv_builder_end (builder);
      kj_window_import_runs (self, (const char * const *) paths);
    }

  g_object_unref (chooser);
}

static void
kj_window_import_runs_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  KjWindow *self = KJ_WINDOW (widget);
  gboolean folder = g_str_equal (action_name, "win.import-runs-folder");
  GtkFileChooserNative *chooser;

  kj_window_flush (self);
  chooser = gtk_file_chooser_native_new (folder ? _("Import Runs from a Folder") : _("Import Runs"), GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  if (!folder)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Run files (GPX, TCX, FIT, also gzipped)"));
      gtk_file_filter_add_suffix (filter, "gpx");
      gtk_file_filter_add_suffix (filter, "tcx");
      gtk_file_filter_add_suffix (filter, "fit");
      gtk_file_filter_add_suffix (filter, "gz");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_runs_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Export */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(KjStore) store = open_task_store (task);
  IoJob *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  GError *error = NULL;

  if (store == NULL)
    return;

  if (job->format == KJ_EXPORT_REPORT)
    {
      g_autoptr(KjJournal) journal = NULL;
      KjReportOptions options = {
        .from = job->from,
        .to = job->to,
        .paper = job->paper,
        .include_notes = job->include_notes,
        .episode_id = job->episode_id,
      };

      if (!(journal = kj_store_read_journal (store, &error)) ||
          !kj_report_write (journal, &options, path, kj_store_get_path (store), &job->n_pages, &error))
        {
          g_task_return_error (task, error);
          return;
        }

      job->n_days = journal->days->len;
      job->n_treatments = journal->treatments->len;
      job->n_runs = journal->runs->len;
    }
  else
    {
      KjExportCounts counts;

      if (!kj_exchange_export (store, path, job->format == KJ_EXPORT_CSV ? KJ_EXCHANGE_CSV : KJ_EXCHANGE_JSON,
                               &counts, &error))
        {
          g_task_return_error (task, error);
          return;
        }

      job->n_days = counts.days;
      job->n_treatments = counts.treatments;
      job->n_runs = counts.runs;
    }

  g_task_return_boolean (task, TRUE);
}

static void
export_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  KjWindow *self = KJ_WINDOW (object);
  IoJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  _kj_window_set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (self, _("Export Failed"), error->message);
      return;
    }

  name = g_file_get_basename (job->file);

  if (job->format == KJ_EXPORT_REPORT)
    {
      AdwToast *toast;

      message = g_strdup_printf (ngettext ("Saved the report, %u page, as “%s”", "Saved the report, %u pages, as “%s”",
                                           job->n_pages),
                                 job->n_pages, name);
      g_free (self->last_message);
      self->last_message = g_strdup (message);
      toast = adw_toast_new (message);
      adw_toast_set_button_label (toast, _("_Open"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_file), g_file_get_uri (job->file),
                             (GClosureNotify) g_free, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  /* Translators: “Exported 30 days to “knee-journal-2026-03-04.json”” */
  message = g_strdup_printf (ngettext ("Exported %u day to “%s”", "Exported %u days to “%s”", job->n_days),
                             job->n_days, name);
  show_toast (self, message);
}

/**
 * kj_window_export_report:
 * @from: (nullable): the first day, or the journal's first
 * @to: (nullable): the last day, or today
 *
 * Writes the doctor's report off the main thread, with the same code as
 * `--export-pdf`; a toast offers to open it.
 */
/* Where the report's period starts by default: the treatment start of the
 * episode Trends shows (or of the current one) */
static const char *
report_default_from (KjWindow        *self,
                     GPtrArray       *episodes,
                     const KjProfile *profile,
                     const char      *today)
{
  const char *id = kj_trends_page_get_episode_id (kj_window_get_trends_page (self));
  const KjEpisode *episode = id != NULL ? kj_episodes_find (episodes, id) : NULL;

  if (episode == NULL)
    episode = kj_episodes_get_current (episodes, today);
  if (episode == NULL)
    return kj_report_default_from (profile, today);

  return episode->treatment_start[0] != '\0' && strcmp (episode->treatment_start, today) <= 0
         ? episode->treatment_start : NULL;
}

void
kj_window_export_report (KjWindow   *self,
                         GFile      *file,
                         const char *from,
                         const char *to,
                         KjPaper     paper,
                         gboolean    include_notes)
{
  IoJob *job;

  g_return_if_fail (KJ_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->busy && _kj_window_get_store (self) != NULL);

  job = g_new0 (IoJob, 1);
  job->file = g_object_ref (file);
  job->format = KJ_EXPORT_REPORT;
  job->from = g_strdup (from);
  job->to = g_strdup (to);
  job->paper = paper;
  job->include_notes = include_notes;
  job->episode_id = g_strdup (kj_trends_page_get_episode_id (kj_window_get_trends_page (self)));
  run_io (self, job, kj_window_export_report, export_thread, export_done);
}

static void
report_file_chosen (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  KjWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      kj_window_export_report (self, file,
                               g_object_get_data (G_OBJECT (chooser), "from"),
                               g_object_get_data (G_OBJECT (chooser), "to"),
                               GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "paper")),
                               GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "notes")));
    }

  g_object_unref (chooser);
}

static void
report_dialog_response (AdwMessageDialog *dialog,
                        const char       *response,
                        KjWindow         *self)
{
  const KjPeriodRows *rows = g_object_get_data (G_OBJECT (dialog), "rows");
  GtkWidget *paper = g_object_get_data (G_OBJECT (dialog), "paper");
  g_autofree char *today = kj_date_today ();
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  GtkFileChooserNative *chooser;

  if (!g_str_equal (response, "export"))
    return;

  if (!kj_period_rows_check (rows, &error))
    {
      show_error (self, _("Export Report"), error->message);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Save Report"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("knee-report-%s.pdf", today);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "from", g_strdup (kj_period_rows_get_from (rows)), g_free);
  g_object_set_data_full (G_OBJECT (chooser), "to", g_strdup (kj_period_rows_get_to (rows)), g_free);
  g_object_set_data (G_OBJECT (chooser), "paper",
                     GINT_TO_POINTER (adw_combo_row_get_selected (ADW_COMBO_ROW (paper)) == 1 ? KJ_PAPER_LETTER
                                                                                               : KJ_PAPER_A4));
  g_object_set_data (G_OBJECT (chooser), "notes", GINT_TO_POINTER (kj_period_rows_get_notes (rows)));
  g_signal_connect (chooser, "response", G_CALLBACK (report_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Asks for the period, the paper and whether to print notes, then for a file. */
static void
kj_window_export_report_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  KjWindow *self = KJ_WINDOW (widget);
  g_autoptr(KjProfile) profile = kj_store_get_profile (_kj_window_get_store (self), NULL);
  g_autoptr(GPtrArray) episodes = kj_store_list_episodes (_kj_window_get_store (self), NULL);
  g_autoptr(GtkStringList) papers = gtk_string_list_new ((const char *[]) { _("A4"), _("US Letter"), NULL });
  g_autofree char *today = kj_date_today ();
  g_autoptr(GtkListItemFactory) paper_factory = kj_a11y_string_factory_new ();
  KjPeriodRows *rows = g_new0 (KjPeriodRows, 1);
  GtkWidget *dialog, *group, *paper;

  kj_window_flush (self);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Report"),
                                   _("A PDF for your doctor or physiotherapist: the verdict, the chart, where it hurt, "
                                     "treatments, runs and your daily log."));
  group = adw_preferences_group_new ();

  kj_period_rows_add_dates (rows, ADW_PREFERENCES_GROUP (group),
                            report_default_from (self, episodes, profile, today), today, TRUE);

  paper = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (paper), _("Paper"));
  adw_combo_row_set_factory (ADW_COMBO_ROW (paper), paper_factory);
  adw_combo_row_set_model (ADW_COMBO_ROW (paper), G_LIST_MODEL (papers));
  adw_combo_row_set_selected (ADW_COMBO_ROW (paper), kj_report_default_paper () == KJ_PAPER_LETTER ? 1 : 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), paper);

  kj_period_rows_add_notes (rows, ADW_PREFERENCES_GROUP (group), TRUE);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "export", _("_Export…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "rows", rows, g_free);
  g_object_set_data (G_OBJECT (dialog), "paper", paper);
  g_signal_connect (dialog, "response", G_CALLBACK (report_dialog_response), self);
  /* Enter in a field exports, Escape cancels; focus starts in the first field */
  kj_a11y_name_buttons (dialog);
  gtk_window_set_focus (GTK_WINDOW (dialog), rows->from);
  kj_a11y_return_focus_on_close (GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Print */

static void
print_done (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            KjWindow                *self)
{
  g_autoptr(GError) error = NULL;

  if (!kj_print_operation_finish (KJ_PRINT_OPERATION (operation), result, &error))
    show_error (self, _("Printing Failed"), error->message);
  g_object_unref (operation);
}

/* Prints the report; the print dialog asks for the period, the notes and the paper. */
static void
kj_window_print_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KjWindow *self = KJ_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = kj_date_today ();
  KjPrintOperation *operation;
  KjJournal *journal;

  kj_window_flush (self);
  if (!(journal = kj_store_read_journal (_kj_window_get_store (self), &error)))
    {
      show_error (self, _("Printing Failed"), error->message);
      return;
    }

  operation = kj_print_operation_new (journal, &(KjReportOptions) {
    .from = report_default_from (self, journal->episodes, journal->profile, today),
    .to = today,
    .include_notes = TRUE,
    .episode_id = kj_trends_page_get_episode_id (kj_window_get_trends_page (self)),
  });
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done), self, 0);
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_WINDOW (self), NULL);
}

/**
 * kj_window_export_file:
 *
 * Writes the journal as JSON or CSV off the main thread, with the same code
 * as `--export-json` and `--export-csv` (kj_exchange_export()).
 */
void
kj_window_export_file (KjWindow       *self,
                       GFile          *file,
                       KjExportFormat  format)
{
  g_return_if_fail (KJ_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->busy && _kj_window_get_store (self) != NULL);

  IoJob *job = g_new0 (IoJob, 1);

  job->file = g_object_ref (file);
  job->format = format;
  run_io (self, job, kj_window_export_file, export_thread, export_done);
}

static void
export_response (GtkNativeDialog *chooser,
                 int              response,
                 gpointer         user_data)
{
  KjWindow *self = user_data;
  KjExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      kj_window_export_file (self, file, format);
    }

  g_object_unref (chooser);
}

static void
kj_window_export_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KjWindow *self = KJ_WINDOW (widget);
  KjExportFormat format = g_str_equal (action_name, "win.export-csv") ? KJ_EXPORT_CSV : KJ_EXPORT_JSON;
  g_autofree char *today = kj_date_today ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  kj_window_flush (self);
  chooser = gtk_file_chooser_native_new (format == KJ_EXPORT_CSV ? _("Export as CSV") : _("Export as JSON"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("knee-journal-%s.%s", today, format == KJ_EXPORT_CSV ? "csv" : "json");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "format", GINT_TO_POINTER (format));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_kj_window_class_exchange_init (KjWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, kj_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.export-json", NULL, kj_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, kj_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, kj_window_export_report_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, kj_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.import-runs", NULL, kj_window_import_runs_action);
  gtk_widget_class_install_action (widget_class, "win.import-runs-folder", NULL, kj_window_import_runs_action);
}
