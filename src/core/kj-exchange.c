/* kj-exchange.c — the journal in and out: a JSON import merged into the store, a JSON or CSV export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one import and the one export behind both the command line
 * (--import-json, --export-json, --export-csv) and the window's import and
 * export, which call them from a worker thread with its own connection.
 * The messages of their errors come from the json, store and file units;
 * each caller only says them in its own way (a line and an exit code, a
 * toast or a dialog).
 */
#define G_LOG_DOMAIN "knee-journal-exchange"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-csv.h"
#include "kj-exchange.h"
#include "kj-file.h"
#include "kj-json.h"

/**
 * kj_exchange_read_import:
 * @path: a journal JSON file
 * @journal_path: (nullable): the journal it is for, whose own files are refused
 *
 * Reads and checks a file to import, without touching the journal: the
 * command line does this before it opens (or creates) the journal. The
 * journal's own files are refused without being read (see
 * kj_store_owns_file()).
 *
 * Returns: (transfer full) (nullable): the file's records
 */
KjJournal *
kj_exchange_read_import (const char  *path,
                         const char  *journal_path,
                         GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (journal_path != NULL && kj_store_owns_file (journal_path, path))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_INVALID,
                   _("“%s” is the journal itself or one of its files, not a file to import. Nothing was changed."),
                   display);
      return NULL;
    }

  return kj_json_parse_file (path, error);
}

/**
 * kj_exchange_import:
 * @store: the journal
 * @path: a journal JSON file
 * @checked: (nullable): @path's records as kj_exchange_read_import() read
 *   them, or %NULL to read and check the file now
 * @stats: (out): what the merge added, updated and left
 *
 * Reads and checks a journal JSON file and merges it into @store, all or
 * nothing.
 *
 * Returns: %FALSE with @error when the file is refused or nothing was stored
 */
gboolean
kj_exchange_import (KjStore          *store,
                    const char       *path,
                    const KjJournal  *checked,
                    KjImportStats    *stats,
                    GError          **error)
{
  g_autoptr(KjJournal) journal = NULL;

  g_return_val_if_fail (KJ_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL && stats != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (checked == NULL)
    {
      if (!(journal = kj_exchange_read_import (path, kj_store_get_path (store), error)))
        return FALSE;
      checked = journal;
    }

  if (!kj_store_import (store, checked, stats, error))
    {
      /* a record the journal cannot take is the file's: say which file */
      if (error != NULL && *error != NULL && (*error)->domain == KJ_RECORD_ERROR)
        {
          g_autofree char *name = g_filename_display_basename (path);

          g_prefix_error (error, "%s: ", name);
        }
      return FALSE;
    }

  return TRUE;
}

/* A JSON export as the journal is read (kj_store_visit_journal()) */
typedef struct
{
  KjJsonWriter   *writer;
  KjExportCounts  counts;
} JsonExport;

static gboolean
write_to_sink (const char  *data,
               gsize        length,
               gpointer     sink,
               GError     **error)
{
  return kj_file_sink_write (sink, data, length, error);
}

/* the sink's error is the writer's: kj_json_writer_finish() reports it */
static gboolean
sink_failed (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "the export's file failed");
  return FALSE;
}

static gboolean
export_begin (const KjJournal  *journal,
              gpointer          data,
              GError          **error G_GNUC_UNUSED)
{
  JsonExport *export = data;

  kj_json_writer_begin (export->writer, journal->profile, journal->episodes);
  return TRUE;
}

static gboolean
export_day (const KjDay  *day,
            gpointer      data,
            GError      **error)
{
  JsonExport *export = data;

  export->counts.days++;
  return kj_json_writer_add_day (export->writer, day) || sink_failed (error);
}

static gboolean
export_treatment (const KjTreatment  *treatment,
                  gpointer            data,
                  GError            **error)
{
  JsonExport *export = data;

  export->counts.treatments++;
  return kj_json_writer_add_treatment (export->writer, treatment) || sink_failed (error);
}

static gboolean
export_run (const KjRun  *run,
            gpointer      data,
            GError      **error)
{
  JsonExport *export = data;

  export->counts.runs++;
  return kj_json_writer_add_run (export->writer, run) || sink_failed (error);
}

/* The journal read whole, when the export's file failed: the damage it
 * finds is reported, and the counts are the journal's, as when the export
 * read the journal before it wrote */
static void
read_after_failure (KjStore        *store,
                    KjExportCounts *counts)
{
  g_autoptr(KjJournal) journal = kj_store_read_journal (store, NULL);

  if (journal != NULL)
    *counts = (KjExportCounts) { TRUE, journal->days->len, journal->treatments->len, journal->runs->len };
}

/* Writes each record as it is read: neither the journal nor its text is
 * held whole, and memory stays flat however long the journal is */
static gboolean
export_json (KjStore         *store,
             const char      *path,
             KjExportCounts  *counts,
             GError         **error)
{
  static const KjStoreVisitor visitor = { export_begin, export_day, export_treatment, export_run };
  g_autoptr(KjJournal) head = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GError) write_error = NULL;
  JsonExport export = { NULL, { FALSE, 0, 0, 0 } };
  KjFileSink *sink;
  gboolean written;

  if (!(sink = kj_file_sink_open (path, kj_store_get_path (store), &write_error)))
    {
      read_after_failure (store, counts);
      g_propagate_error (error, g_steal_pointer (&write_error));
      return FALSE;
    }

  export.writer = kj_json_writer_new (write_to_sink, sink);
  head = kj_store_visit_journal (store, &visitor, &export, &read_error);

  if (head == NULL && !g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* the journal could not be read: nothing is written */
      kj_json_writer_free (export.writer);
      kj_file_sink_abort (sink);
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }

  written = head != NULL &&
            kj_json_writer_finish (export.writer, head->shoes, head->questionnaires, &write_error) &&
            kj_file_sink_commit (g_steal_pointer (&sink), &write_error);
  if (!written && write_error == NULL)
    kj_json_writer_finish (export.writer, NULL, NULL, &write_error);
  kj_json_writer_free (export.writer);

  if (!written)
    {
      kj_file_sink_abort (sink);
      read_after_failure (store, counts);
      g_propagate_error (error, g_steal_pointer (&write_error));
      return FALSE;
    }

  export.counts.read = TRUE;
  *counts = export.counts;
  return TRUE;
}

/**
 * kj_exchange_export:
 * @store: the journal
 * @path: where to write: a file (written atomically), "-" for standard
 *   output, a pipe or a device; the journal's own files are refused
 * @format: JSON or CSV
 * @counts: (out) (optional): whether the journal was read, and the records
 *   written
 *
 * Writes the whole journal as JSON or CSV. JSON is written as the journal
 * is read, record by record.
 *
 * Returns: %FALSE with @error when the journal could not be read or the
 *   file not written
 */
gboolean
kj_exchange_export (KjStore           *store,
                    const char        *path,
                    KjExchangeFormat   format,
                    KjExportCounts    *counts,
                    GError           **error)
{
  g_autoptr(KjJournal) journal = NULL;
  g_autofree char *text = NULL;
  KjExportCounts local_counts;
  gsize length;

  g_return_val_if_fail (KJ_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (counts == NULL)
    counts = &local_counts;
  *counts = (KjExportCounts) { FALSE, 0, 0, 0 };

  if (format == KJ_EXCHANGE_JSON)
    return export_json (store, path, counts, error);

  if (!(journal = kj_store_read_journal (store, error)))
    return FALSE;

  *counts = (KjExportCounts) { TRUE, journal->days->len, journal->treatments->len, journal->runs->len };

  text = kj_csv_generate (journal, &length);

  return kj_file_write_atomic (path, kj_store_get_path (store), text, length, error);
}
