/* test-print.c — File → Print…: the printed pages are the PDF report's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The print operation is run to a file (GTK_PRINT_OPERATION_ACTION_EXPORT,
 * the path of the print dialog but for the action) and the text of that PDF
 * (pdftotext) must be the text of the report made by kj_report_write() and
 * by `--export-pdf` for the same period, paper and notes, page for page.
 * The print dialog is opened from win.print: it has the Report tab, and its
 * preview (the “Print Preview” button, with a previewer command that copies
 * the file) prints the period and notes chosen on that tab.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kj-gen.h"
#include "kj-print.h"
#include "kj-report.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-window.h"

#define AS_OF "2026-11-01"

static KjTestGui gui;
static KjWindow *window;

/* What @argv writes to standard output, or NULL if it fails */
static char *
tool_output (const char * const *argv)
{
  g_autofree char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL) || !g_spawn_check_wait_status (status, NULL))
    return NULL;

  return g_steal_pointer (&out);
}

static char *
pdf_text (const char *path)
{
  char *text = tool_output ((const char *[]) { "pdftotext", path, "-", NULL });

  g_assert_nonnull (text);
  return text;
}

/* pdfinfo's "Pages:" and "Page size:" lines */
static char *
pdf_pages (const char *path)
{
  g_autofree char *text = tool_output ((const char *[]) { "pdfinfo", path, NULL });
  g_autoptr(GString) pages = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_nonnull (text);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Pages:") || g_str_has_prefix (lines[i], "Page size:"))
      g_string_append_printf (pages, "%s\n", lines[i]);

  return g_string_free (g_steal_pointer (&pages), FALSE);
}

/* The report printed to @path on @paper, as the print dialog would print it. */
static gdouble
print_to_file (KjJournal             *journal,
               const KjReportOptions *options,
               const char            *path)
{
  g_autoptr(KjPrintOperation) operation = kj_print_operation_new (journal, options);
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (options->paper == KJ_PAPER_LETTER ? GTK_PAPER_NAME_LETTER
                                                                                         : GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  gint64 start = g_get_monotonic_time ();

  gtk_page_setup_set_paper_size (page_setup, paper);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), page_setup);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (kj_print_operation_finish (operation, result, &error));
  g_assert_no_error (error);

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
assert_same_pdf_text (const char *printed,
                      const char *exported)
{
  g_autofree char *printed_text = pdf_text (printed);
  g_autofree char *exported_text = pdf_text (exported);
  g_autofree char *printed_pages = pdf_pages (printed);
  g_autofree char *exported_pages = pdf_pages (exported);

  g_assert_cmpuint (strlen (exported_text), >, 1000);
  g_assert_cmpstr (printed_text, ==, exported_text);
  g_assert_cmpstr (printed_pages, ==, exported_pages);
}

static void
test_print_action (void)
{
  g_auto(GStrv) print_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (gui.app), "win.print");
  g_auto(GStrv) report_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (gui.app),
                                                                       "win.export-report");
  GtkWidget *button = kj_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL);
  GMenuModel *menu;
  gboolean found = FALSE;

  const GVariantType *parameter_type;
  const char *name, *property;
  GType owner;

  for (guint i = 0;
       gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner, &name, &parameter_type, &property);
       i++)
    found |= g_str_equal (name, "win.print");
  g_assert_true (found);
  found = FALSE;
  g_assert_cmpstrv (print_accels, ((const char *[]) { "<Control>p", NULL }));
  g_assert_cmpstrv (report_accels, ((const char *[]) { "<Shift><Control>p", NULL }));

  /* the primary menu: File → Print… */
  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *label = NULL;
          g_autofree char *action = NULL;

          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          if (g_strcmp0 (action, "win.print") == 0)
            {
              g_assert_cmpstr (label, ==, "_Print…");
              found = TRUE;
            }
        }
    }
  g_assert_true (found);
}

/* Printed to a file from the window's journal, as --export-pdf writes it */
static void
test_print_export_like_cli (void)
{
  g_autofree char *printed = kj_test_tmp_path ("printed-a4.pdf");
  g_autofree char *exported = kj_test_tmp_path ("exported-a4.pdf");
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(KjTestRun) run = { 0 };
  KjReportOptions options = { .as_of = AS_OF, .paper = KJ_PAPER_A4, .include_notes = TRUE };

  journal = kj_store_read_journal (kj_application_get_store (gui.app), &error);
  g_assert_no_error (error);
  print_to_file (g_steal_pointer (&journal), &options, printed);

  kj_test_run_cli (&run, gui.db_path, "--export-pdf", exported, "--as-of", AS_OF, "--paper", "a4", NULL);
  g_assert_cmpint (run.status, ==, 0);

  assert_same_pdf_text (printed, exported);
}

/* A period, US Letter and no notes, against kj_report_write() */
static void
test_print_export_period (void)
{
  g_autofree char *printed = kj_test_tmp_path ("printed-letter.pdf");
  g_autofree char *exported = kj_test_tmp_path ("exported-letter.pdf");
  g_autoptr(KjJournal) journal = kj_store_read_journal (kj_application_get_store (gui.app), NULL);
  g_autoptr(GError) error = NULL;
  KjReportOptions options = {
    .from = "2026-07-01", .to = "2026-09-30", .as_of = AS_OF, .paper = KJ_PAPER_LETTER, .include_notes = FALSE,
    .made_on = "2026-10-02",
  };

  g_assert_true (kj_report_write (journal, &options, exported, NULL, NULL, &error));
  g_assert_no_error (error);
  print_to_file (g_steal_pointer (&journal), &options, printed);

  assert_same_pdf_text (printed, exported);
}

/* Nothing logged in the period: nothing printed, and the report's words for why */
static void
test_print_empty_period (void)
{
  g_autofree char *printed = kj_test_tmp_path ("printed-empty.pdf");
  g_autoptr(KjPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  KjReportOptions options = { .from = "2001-01-01", .to = "2001-02-01", .as_of = AS_OF };
  GtkPrintOperationResult result;

  operation = kj_print_operation_new (kj_store_read_journal (kj_application_get_store (gui.app), NULL), &options);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), printed);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (window), NULL);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_CANCEL);
  g_assert_false (kj_print_operation_finish (operation, result, &error));
  g_assert_error (error, KJ_REPORT_ERROR, KJ_REPORT_ERROR_EMPTY_PERIOD);
}

/* 1 and 10 years printed to a file: laid out once, each page replayed */
static void
test_print_timing (void)
{
  const guint sizes[] = { 365, KJ_GEN_LARGE_DAYS };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("printed-%u.pdf", sizes[i]);
      g_autofree char *exported_name = g_strdup_printf ("exported-%u.pdf", sizes[i]);
      g_autofree char *printed = kj_test_tmp_path (name);
      g_autofree char *exported = kj_test_tmp_path (exported_name);
      g_autoptr(KjJournal) journal = kj_gen_journal (1, sizes[i], "mixed", AS_OF, NULL);
      g_autoptr(GError) error = NULL;
      KjReportOptions options = { .as_of = AS_OF, .paper = KJ_PAPER_A4, .include_notes = TRUE,
                                  .made_on = AS_OF };
      gint64 start = g_get_monotonic_time ();
      double printing, exporting;
      guint n_pages;

      g_assert_true (kj_report_write (journal, &options, exported, NULL, &n_pages, &error));
      g_assert_no_error (error);
      exporting = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
      printing = print_to_file (g_steal_pointer (&journal), &options, printed);
      g_test_message ("%u days, %u pages: printed to a file in %.2f s (the PDF export: %.2f s)",
                      sizes[i], n_pages, printing, exporting);
      /* a page is not laid out again for each page printed */
      g_assert_cmpfloat (printing, <, 3 * exporting + 2);

      assert_same_pdf_text (printed, exported);
    }
}

/* The previewer's copy is there and whole */
static gboolean
file_complete (gpointer path)
{
  g_autofree char *info = NULL;

  return g_file_test (path, G_FILE_TEST_EXISTS) &&
         (info = tool_output ((const char *[]) { "pdfinfo", path, NULL })) != NULL;
}

/* win.print: the print dialog with its Report tab; its preview prints what the tab says */
static void
test_print_dialog (void)
{
  g_autofree char *preview = kj_test_tmp_path ("preview.pdf");
  g_autofree char *exported = kj_test_tmp_path ("exported-preview.pdf");
  g_autofree char *command = g_strdup_printf ("cp %%f %s", preview);
  g_autoptr(KjJournal) journal = kj_store_read_journal (kj_application_get_store (gui.app), NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = kj_date_today ();
  KjReportOptions options = {
    .from = "2026-08-01", .to = "2026-09-15", .paper = kj_report_default_paper (), .include_notes = FALSE,
  };
  GtkWindow *dialog;
  GtkWidget *from, *to, *notes, *notebook, *tab;

  g_object_set (gtk_settings_get_default (), "gtk-print-preview-command", command, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  /* GtkPrintUnixDialog, whose header is outside the gtk4 package */
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (g_type_from_name ("GtkPrintUnixDialog"))));
  dialog = kj_test_find_toplevel (g_type_from_name ("GtkPrintUnixDialog"));
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (dialog), "print-dialog");

  /* the Report tab, with the period of Export Report */
  from = kj_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "From (YYYY-MM-DD; empty: the first record)");
  to = kj_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "To (YYYY-MM-DD)");
  g_assert_nonnull (from);
  g_assert_nonnull (to);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to)), ==, today);
  notes = kj_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL);
  notebook = kj_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_NOTEBOOK, NULL);
  g_assert_nonnull (notebook);
  for (int i = 0; (tab = gtk_notebook_get_nth_page (GTK_NOTEBOOK (notebook), i)) != NULL; i++)
    if (gtk_widget_is_ancestor (from, tab))
      break;
  g_assert_nonnull (tab);
  gtk_notebook_set_current_page (GTK_NOTEBOOK (notebook), gtk_notebook_page_num (GTK_NOTEBOOK (notebook), tab));
  g_assert_cmpstr (gtk_notebook_get_tab_label_text (GTK_NOTEBOOK (notebook), tab), ==, "Report");
  gtk_editable_set_text (GTK_EDITABLE (from), options.from);
  gtk_editable_set_text (GTK_EDITABLE (to), options.to);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (notes)));
  gtk_switch_set_active (GTK_SWITCH (notes), FALSE);
  kj_test_settle ();
  kj_test_save_screenshot (GTK_WIDGET (dialog), "print-dialog-report-tab");

  /* Print Preview: GTK prints to a PDF and hands it to the previewer */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_APPLY);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_true (kj_test_wait_until (file_complete, preview));
  kj_test_settle ();
  {
    g_autofree char *copy = g_build_filename (g_getenv ("KJ_BUILD_ROOT"), "screenshots", "print-preview.pdf", NULL);
    g_autoptr(GFile) source = g_file_new_for_path (preview);
    g_autoptr(GFile) target = g_file_new_for_path (copy);

    g_assert_true (g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
    g_test_message ("the preview: %s", copy);
  }

  g_assert_true (kj_report_write (journal, &options, exported, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_same_pdf_text (preview, exported);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KjJournal) journal = NULL;

  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  journal = kj_gen_journal (7, 200, "mixed", AS_OF, NULL);
  window = kj_test_gui_open (&gui, journal, 1000, 800);

  g_test_add_func ("/print/action", test_print_action);
  g_test_add_func ("/print/export-like-cli", test_print_export_like_cli);
  g_test_add_func ("/print/export-period", test_print_export_period);
  g_test_add_func ("/print/empty-period", test_print_empty_period);
  g_test_add_func ("/print/timing", test_print_timing);
  g_test_add_func ("/print/dialog", test_print_dialog);

  return kj_test_gui_finish (&gui, g_test_run ());
}
