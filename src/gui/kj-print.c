/* kj-print.c — printing the doctor's report: a GtkPrintOperation over the report's pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * File → Print… (doc/report.md, “Printing”). The pages are the PDF's: the
 * report is laid out by the same code (kj_report_render_pages()) on the
 * paper of the print dialog's page setup, once, in begin-print; draw-page
 * paints the recorded page onto the printer's context, at the top left of
 * the paper (full page, in points: the report keeps its own margins).
 *
 * The period and the notes are asked on a tab of the print dialog, as in
 * Export Report, so the preview and the pages follow them; the paper is the
 * dialog's page setup (the locale's, A4 or US Letter, until the user picks
 * another). The print settings are kept for the next print while the
 * application runs.
 */
#define G_LOG_DOMAIN "knee-journal-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "kj-period-rows.h"
#include "kj-print.h"

struct _KjPrintOperation
{
  GtkPrintOperation  parent_instance;

  KjJournal         *journal;
  char              *from;
  char              *to;
  char              *as_of;
  char              *made_on;
  char              *episode_id;
  gboolean           include_notes;

  GPtrArray         *pages;      /* cairo recording surfaces, laid out in begin-print */
  GError            *error;      /* why nothing was printed */

  /* the Report tab */
  KjPeriodRows       rows;            /* the Report tab's */
};

G_DEFINE_FINAL_TYPE (KjPrintOperation, kj_print_operation, GTK_TYPE_PRINT_OPERATION)

static GtkPrintSettings *last_settings;

/* The paper of the page setup, in points. GTK's sizes come through
 * millimetres (US Letter is 611.99998 points wide), and a line that just
 * fits would break elsewhere than in the PDF: A4 and US Letter are taken
 * exactly as the PDF export has them. */
static void
paper_size (GtkPrintContext *context,
            double          *width,
            double          *height)
{
  *width = gtk_print_context_get_width (context);
  *height = gtk_print_context_get_height (context);

  for (KjPaper paper = KJ_PAPER_A4; paper <= KJ_PAPER_LETTER; paper++)
    {
      double w, h;

      kj_report_paper_size (paper, &w, &h);
      if (fabs (*width - w) < 0.01 && fabs (*height - h) < 0.01)
        *width = w, *height = h;
      else if (fabs (*width - h) < 0.01 && fabs (*height - w) < 0.01)
        *width = h, *height = w;
    }
}

static void
kj_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  KjPrintOperation *self = KJ_PRINT_OPERATION (operation);
  double width, height;
  KjReportOptions options = {
    .from = self->from,
    .to = self->to,
    .as_of = self->as_of,
    .include_notes = self->include_notes,
    .made_on = self->made_on,
    .episode_id = self->episode_id,
  };

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  paper_size (context, &width, &height);
  if (self->error == NULL)
    self->pages = kj_report_render_pages (self->journal, &options, width, height, &self->error);
  if (self->pages == NULL)
    {
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation, self->pages->len);
}

static void
kj_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  KjPrintOperation *self = KJ_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  g_return_if_fail (self->pages != NULL && page_nr >= 0 && (guint) page_nr < self->pages->len);

  cairo_set_source_surface (cr, g_ptr_array_index (self->pages, page_nr), 0, 0);
  cairo_paint (cr);
}

static void
kj_print_operation_end_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  KjPrintOperation *self = KJ_PRINT_OPERATION (operation);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
}

/* The Report tab: the period and the notes, as in Export Report. */
static GtkWidget *
kj_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  KjPrintOperation *self = KJ_PRINT_OPERATION (operation);
  GtkWidget *group = adw_preferences_group_new ();

  gtk_widget_set_margin_top (group, 12);
  gtk_widget_set_margin_bottom (group, 12);
  gtk_widget_set_margin_start (group, 12);
  gtk_widget_set_margin_end (group, 12);

  kj_period_rows_add_dates (&self->rows, ADW_PREFERENCES_GROUP (group), self->from, self->to, FALSE);
  kj_period_rows_add_notes (&self->rows, ADW_PREFERENCES_GROUP (group), self->include_notes);

  return group;
}

static void
kj_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                        GtkWidget         *widget)
{
  KjPrintOperation *self = KJ_PRINT_OPERATION (operation);

  /* a date that does not exist is told once the dialog has closed */
  g_clear_error (&self->error);
  kj_period_rows_check (&self->rows, &self->error);

  g_free (self->from);
  self->from = g_strdup (kj_period_rows_get_from (&self->rows));
  g_free (self->to);
  self->to = g_strdup (kj_period_rows_get_to (&self->rows));
  self->include_notes = kj_period_rows_get_notes (&self->rows);
}

static void
kj_print_operation_finalize (GObject *object)
{
  KjPrintOperation *self = KJ_PRINT_OPERATION (object);

  g_clear_pointer (&self->journal, kj_journal_free);
  g_free (self->from);
  g_free (self->to);
  g_free (self->as_of);
  g_free (self->made_on);
  g_free (self->episode_id);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (kj_print_operation_parent_class)->finalize (object);
}

static void
kj_print_operation_class_init (KjPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = kj_print_operation_finalize;

  operation_class->begin_print = kj_print_operation_begin_print;
  operation_class->draw_page = kj_print_operation_draw_page;
  operation_class->end_print = kj_print_operation_end_print;
  operation_class->create_custom_widget = kj_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = kj_print_operation_custom_widget_apply;
}

static void
kj_print_operation_init (KjPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  gtk_print_operation_set_job_name (operation, _("Knee pain report"));
  /* the report lays out the whole paper from its top left corner, with its own margins */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* Translators: the print dialog's tab with the period and the notes */
  gtk_print_operation_set_custom_tab_label (operation, _("Report"));
  gtk_print_operation_set_show_progress (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
}

/**
 * kj_print_operation_new:
 * @journal: (transfer full): the journal to print the report of
 * @options: the period, the notes, the dates; the paper is the page setup's
 *
 * Run it with gtk_print_operation_run(); when it is done, call
 * kj_print_operation_finish().
 *
 * Returns: (transfer full): a print operation for the report
 */
KjPrintOperation *
kj_print_operation_new (KjJournal             *journal,
                        const KjReportOptions *options)
{
  KjPrintOperation *self;

  g_return_val_if_fail (journal != NULL && options != NULL, NULL);

  self = g_object_new (KJ_TYPE_PRINT_OPERATION, NULL);
  self->journal = journal;
  self->from = g_strdup (options->from);
  self->to = g_strdup (options->to);
  self->as_of = g_strdup (options->as_of);
  self->made_on = g_strdup (options->made_on);
  self->episode_id = g_strdup (options->episode_id);
  self->include_notes = options->include_notes;

  return self;
}

/**
 * kj_print_operation_finish:
 * @result: the result of gtk_print_operation_run(), or of the done signal
 *
 * Keeps the print settings for the next print when it printed.
 *
 * Returns: %FALSE with @error set if the report could not be printed (for
 *   example, nothing was logged in the period); %TRUE if it was printed or
 *   the user cancelled.
 */
gboolean
kj_print_operation_finish (KjPrintOperation         *self,
                           GtkPrintOperationResult   result,
                           GError                  **error)
{
  g_return_val_if_fail (KJ_IS_PRINT_OPERATION (self), FALSE);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) local_error = NULL;

      gtk_print_operation_get_error (GTK_PRINT_OPERATION (self), &local_error);
      if (local_error == NULL)
        local_error = g_error_new_literal (GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL,
                                           _("The printing system did not say why."));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self)));

  return TRUE;
}
