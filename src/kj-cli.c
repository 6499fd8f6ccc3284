/* kj-cli.c — the command line of doc/command-line.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here uses the core layer only, so the headless options work
 * without a display. It is built into the three programs: knee-journal
 * (main.c, without GTK, on the core's light part: built with KJ_CLI_LIGHT)
 * runs knee-journal-ui or knee-journal-full when kj_cli_run() returns FALSE;
 * knee-journal-full (main.c on the whole core) does --export-pdf and
 * --import-runs; knee-journal-ui (main-ui.c) reads the same arguments again
 * and starts the application.
 */
#define G_LOG_DOMAIN "knee-journal-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <stdio.h>

#include "kj-assessment.h"
#include "kj-associations.h"
#include "kj-backup.h"
#include "kj-cli.h"
#include "kj-csv.h"
#include "kj-demo.h"
#include "kj-exchange.h"
#include "kj-file.h"
#include "kj-gpx.h"
#include "kj-json.h"
#include "kj-programs.h"
#include "kj-report.h"
#include "kj-store.h"

typedef struct
{
  char     *db;
  char     *import_json;
  char     *export_json;
  char     *export_csv;
  char     *as_of;
  char     *export_pdf;
  char    **import_runs;
  char    **import_gpx;        /* the old name of --import-runs, merged into it */
  char     *restore_backup;
  char     *from;
  char     *to;
  char     *paper;
  char     *episode;
  gboolean  summary;
  gboolean  summary_json;
  gboolean  demo;
  gboolean  background;
  gboolean  version;
  char    **rest;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->db);
  g_free (options->import_json);
  g_free (options->export_json);
  g_free (options->export_csv);
  g_free (options->as_of);
  g_free (options->export_pdf);
  g_strfreev (options->import_runs);
  g_strfreev (options->import_gpx);
  g_free (options->restore_backup);
  g_free (options->from);
  g_free (options->to);
  g_free (options->paper);
  g_free (options->episode);
  g_strfreev (options->rest);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* Reports go to stderr while an export writes to standard output. */
static void (*say) (const char *format, ...) = g_print;

static int
fail (const char *message)
{
  g_printerr ("%s: %s %s\n", g_get_prgname (), _("error:"), message);
  return KJ_EXIT_ERROR;
}

static int
usage_error (const char *message)
{
  g_printerr ("%s: %s %s\n", g_get_prgname (), _("error:"), message);
  g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());
  return KJ_EXIT_USAGE;
}

/**
 * kj_cli_resolve_db_path:
 * @option: (nullable): the value of --db
 *
 * --db wins over $KNEE_JOURNAL_DB, which wins over the default file. The
 * default folder is created (0700) when it is missing; a folder named by
 * the user is not.
 *
 * Returns: (transfer full): the journal's path
 */
/**
 * kj_cli_init:
 *
 * What every program of Knee Journal does first: the user's locale, the
 * translations — the build tree's when KJ_LOCALEDIR names them (build-aux/run,
 * meson devenv and the tests set it), else the installed ones — and the
 * program's and the application's names.
 */
void
kj_cli_init (void)
{
  const char *localedir = g_getenv ("KJ_LOCALEDIR");

  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("knee-journal");
  g_set_application_name (_("Knee Journal"));
}

char *
kj_cli_resolve_db_path (const char  *option,
                        GError     **error)
{
  const char *env = g_getenv ("KNEE_JOURNAL_DB");
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  if (option != NULL && option[0] != '\0')
    return g_canonicalize_filename (option, NULL);

  if (env != NULL && env[0] != '\0')
    return g_canonicalize_filename (env, NULL);

  path = kj_store_default_path ();
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("The folder “%s” for the journal cannot be created: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  return g_steal_pointer (&path);
}

/* Exports and summaries only read: a journal that does not exist is not
 * created for them, and one in a read-only folder can still be read. */
static KjStore *
open_store (const char  *path,
            gboolean     read_only,
            GError     **error)
{
  return kj_store_open_full (path, read_only ? KJ_STORE_OPEN_READ_ONLY : KJ_STORE_OPEN_DEFAULT, error);
}

/* Rows that failed validation when read are left out of every output: say which */
static void
warn_damage (KjStore *store)
{
  g_autoptr(GPtrArray) damage = kj_store_get_damage (store);

  for (guint i = 0; i < damage->len; i++)
    g_printerr ("%s: %s %s\n", g_get_prgname (), _("warning:"), (const char *) g_ptr_array_index (damage, i));

  if (damage->len > 0)
    g_printerr ("%s: %s %s\n", g_get_prgname (), _("warning:"),
                ngettext ("This damaged record, stored by another program, was left out of everything Knee Journal "
                          "shows and exports. Restore a backup from before the change, or log it again.",
                          "These damaged records, stored by another program, were left out of everything Knee "
                          "Journal shows and exports. Restore a backup from before the change, or log them again.",
                          damage->len));
}

static void
print_counts (const char           *what,
              const KjImportCounts *counts)
{
  /* Translators: “days: 56 added, 0 updated, 0 unchanged” */
  say (_("  %-11s %u added, %u updated, %u unchanged"), what, counts->added, counts->updated, counts->unchanged);
  if (counts->replaced > 0)
    say (_(", %u replaced"), counts->replaced);
  say ("\n");
}

static int
run_import (KjStore         *store,
            const KjJournal *journal,
            const char      *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (file);
  KjImportStats stats;

  /* what the journal's own rows (or its upgrade) left out is said first */
  warn_damage (store);
  if (!kj_exchange_import (store, file, journal, &stats, &error))
    return fail (error->message);

  say (_("Imported “%s”:\n"), display);
  print_counts (_("days:"), &stats.days);
  print_counts (_("treatments:"), &stats.treatments);
  print_counts (_("runs:"), &stats.runs);
  /* a file from before shoes (version 1) has none: its lines stay as they were */
  if (stats.shoes.added + stats.shoes.updated + stats.shoes.unchanged > 0)
    print_counts (_("shoes:"), &stats.shoes);
  if (stats.episodes.added + stats.episodes.updated + stats.episodes.unchanged > 0)
    print_counts (_("episodes:"), &stats.episodes);
  if (stats.questionnaires.added + stats.questionnaires.updated + stats.questionnaires.unchanged > 0)
    print_counts (_("questionnaires:"), &stats.questionnaires);
  if (stats.profile_changed)
    say ("  %s\n", _("profile updated"));

  return KJ_EXIT_OK;
}

#ifndef KJ_CLI_LIGHT
/* Each file is its own transaction: a bad file stores nothing and does not stop the others. */
static int
run_import_runs (KjStore     *store,
                char       **option_files,
                char       **more_files)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  g_autoptr(GArray) results = NULL;
  guint counts[3] = { 0, 0, 0 };

  if (option_files != NULL)
    g_strv_builder_addv (builder, (const char **) option_files);
  if (more_files != NULL)
    g_strv_builder_addv (builder, (const char **) more_files);
  paths = g_strv_builder_end (builder);

  results = kj_gpx_import (store, (const char * const *) paths);
  for (guint i = 0; i < results->len; i++)
    {
      const KjTrackResult *r = &g_array_index (results, KjTrackResult, i);

      counts[r->status]++;
      if (r->status == KJ_TRACK_ADDED)
        /* Translators: “garmin.gpx: a run of 8.20 km on 2026-03-04, 140 m downhill” */
        say (_("%s: a run of %.2f km on %s, %.0f m downhill\n"), r->name, r->distance_km, r->date,
             isnan (r->descent_m) ? 0.0 : r->descent_m);
      else if (r->status == KJ_TRACK_SKIPPED)
        /* Translators: “skipped garmin.gpx: this run is already in the journal (on 2026-03-04)”, or
         * “skipped ride.fit: a cycling activity, not a run” */
        say (_("skipped %s\n"), r->message);
      else
        g_printerr ("%s: %s %s\n", g_get_prgname (), _("error:"), r->message);
    }

  {
    g_autofree char *added = g_strdup_printf (ngettext ("%u run added", "%u runs added", counts[KJ_TRACK_ADDED]),
                                              counts[KJ_TRACK_ADDED]);
    g_autofree char *skipped = g_strdup_printf (ngettext ("%u skipped (already in the journal, or not a run)",
                                                          "%u skipped (already in the journal, or not runs)",
                                                          counts[KJ_TRACK_SKIPPED]),
                                                counts[KJ_TRACK_SKIPPED]);
    g_autofree char *failed = g_strdup_printf (ngettext ("%u file with errors", "%u files with errors",
                                                         counts[KJ_TRACK_FAILED]),
                                               counts[KJ_TRACK_FAILED]);

    /* Translators: “2 runs added, 1 skipped (already in the journal, or not a run), 0 files with errors” */
    say (_("%s, %s, %s\n"), added, skipped, failed);
  }

  return counts[KJ_TRACK_FAILED] > 0 ? KJ_EXIT_ERROR : KJ_EXIT_OK;
}
#endif

static int
run_export (KjStore    *store,
            const char *file,
            gboolean    csv)
{
  g_autoptr(GError) error = NULL;
  KjExportCounts counts;
  gboolean written;

  written = kj_exchange_export (store, file, csv ? KJ_EXCHANGE_CSV : KJ_EXCHANGE_JSON, &counts, &error);
  /* the damaged records that the read left out, before the write's outcome */
  if (counts.read)
    warn_damage (store);
  if (!written)
    return fail (error->message);

  if (!kj_file_is_stdout (file))
    {
      g_autofree char *display = g_filename_display_name (file);

      say (_("Exported %u days, %u treatments and %u runs to “%s”.\n"),
               counts.days, counts.treatments, counts.runs, display);
    }

  return KJ_EXIT_OK;
}

static int
run_summary (KjStore    *store,
             const char *as_of,
             const char *episode_id,
             gboolean    json)
{
  const KjEpisode *episode;
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(KjAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = kj_date_today ();
  g_autofree char *text = NULL;

  if (!(journal = kj_store_read_journal (store, &error)))
    return fail (error->message);
  warn_damage (store);

  /* the episode asked for, else the current one (doc/command-line.md) */
  as_of = as_of ? as_of : today;
  episode = episode_id != NULL ? kj_episodes_find (journal->episodes, episode_id)
                               : kj_episodes_get_current (journal->episodes, as_of);
  if (episode == NULL && episode_id != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The journal has no episode with the id “%s”."), episode_id);

      return fail (message);
    }

  if (episode != NULL)
    assessment = kj_assess_episode (journal->profile, journal->episodes, episode, journal->days, journal->treatments,
                                    journal->runs, as_of);
  else
    assessment = kj_assess (journal->profile, journal->days, journal->treatments, journal->runs, as_of);
  if (json)
    {
      char from[11] = "";
      g_autoptr(GArray) associations = NULL;
      g_autoptr(GPtrArray) questionnaires = NULL;

      /* what seems to help and the questionnaires, over the episode up to
       * the date assessed (doc/associations.md, doc/questionnaires.md) */
      if (episode != NULL)
        {
          char to[11];

          kj_episode_get_range (journal->episodes, episode, from, to);
        }
      associations = kj_associations_compute (journal->days, journal->treatments, journal->runs,
                                              from, assessment->as_of);
      questionnaires = kj_records_in_range (journal->questionnaires, from, assessment->as_of);
      text = kj_summary_to_json (assessment, associations, questionnaires);
    }
  else
    text = kj_assessment_to_text (assessment);

  if (!kj_file_write_atomic ("-", NULL, text, strlen (text), &error))
    return fail (error->message);

  return KJ_EXIT_OK;
}

#ifndef KJ_CLI_LIGHT
static int
run_report (KjStore               *store,
            const char            *file,
            const KjReportOptions *options)
{
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages;

  if (!(journal = kj_store_read_journal (store, &error)))
    return fail (error->message);
  warn_damage (store);

  if (!kj_report_write (journal, options, file, kj_store_get_path (store), &n_pages, &error))
    return fail (error->message);

  if (!kj_file_is_stdout (file))
    {
      g_autofree char *display = g_filename_display_name (file);

      say (ngettext ("Wrote the report, %u page, to “%s”.\n", "Wrote the report, %u pages, to “%s”.\n", n_pages),
           n_pages, display);
    }

  return KJ_EXIT_OK;
}
#endif

static int
run_restore (KjStore    *store,
             const char *backup)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *from = g_filename_display_name (backup);
  g_autofree char *copy = NULL;

  if (!kj_backup_restore (store, backup, &safety, &error))
    return fail (error->message);

  copy = g_filename_display_name (safety);
  say (_("Restored the journal from “%s”. The journal as it was is in “%s”.\n"), from, copy);

  return KJ_EXIT_OK;
}

static char *
make_demo_journal (GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *today = kj_date_today ();
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(KjStore) store = NULL;

  if (!(dir = g_dir_make_tmp (KJ_DEMO_FOLDER_TEMPLATE, error)))
    return NULL;

  path = g_build_filename (dir, "journal.db", NULL);
  journal = kj_demo_journal (today);

  if (!(store = kj_store_open (path, error)) ||
      !kj_store_import (store, journal, NULL, error))
    {
      g_clear_object (&store);
      kj_demo_remove_folder (path, NULL);
      return NULL;
    }

  return g_steal_pointer (&path);
}

/* Whether the options ask for work without the window */
static gboolean
is_headless (const Options *options)
{
  return options->restore_backup || options->import_json || options->import_runs || options->export_json ||
         options->export_csv || options->summary || options->summary_json || options->export_pdf;
}

/* Parses @argv into @options; a usage error in @error */
static gboolean
parse_options (Options   *options,
               char     **argv,
               GError   **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &options->db,
      N_("Use this journal file instead of the default"), N_("PATH") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &options->demo,
      N_("Open a freshly generated 8-week demo journal (your journal is not touched)"), NULL },
    /* the daily reminder's instance, started at login (doc/command-line.md) */
    { "background", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &options->background, NULL, NULL },
    { "import-json", 0, 0, G_OPTION_ARG_FILENAME, &options->import_json,
      N_("Merge a Knee Journal JSON file into the journal"), N_("FILE") },
    { "import-runs", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->import_runs,
      N_("Add runs from GPX, TCX or FIT files (also gzipped), folders of them or a Strava export folder (more may "
         "follow the option)"), N_("FILE…") },
    /* the old name of --import-runs, kept working (doc/command-line.md) */
    { "import-gpx", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME_ARRAY, &options->import_gpx, NULL, NULL },
    { "export-json", 0, 0, G_OPTION_ARG_FILENAME, &options->export_json,
      N_("Write the whole journal as JSON (“-” for standard output)"), N_("FILE") },
    { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, &options->export_csv,
      N_("Write one CSV row per day (“-” for standard output)"), N_("FILE") },
    { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, &options->export_pdf,
      N_("Write the report for your doctor as PDF"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options->from,
      N_("First day of the report (default: the first record)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options->to,
      N_("Last day of the report (default: the as-of date)"), N_("DATE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &options->paper,
      N_("Paper size of the report: a4 or letter (default: the locale’s)"), N_("SIZE") },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &options->summary,
      N_("Print the assessment: is treatment working?"), NULL },
    { "summary-json", 0, 0, G_OPTION_ARG_NONE, &options->summary_json,
      N_("Print the assessment as JSON"), NULL },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &options->as_of,
      N_("Assess as of this date instead of today"), N_("DATE") },
    { "episode", 0, 0, G_OPTION_ARG_STRING, &options->episode,
      N_("Assess or report this episode (its id) instead of the current one"), N_("ID") },
    { "restore-backup", 0, 0, G_OPTION_ARG_FILENAME, &options->restore_backup,
      N_("Replace the journal with a backup, after copying the journal as it is"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->rest, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Keep a journal of runner’s knee pain and see whether treatment is working."));
  g_option_context_set_description (context,
                                    _("Without an option that exports or imports, the application window opens.\n"
                                      "The journal is $XDG_DATA_HOME/knee-journal/journal.db unless --db or\n"
                                      "$KNEE_JOURNAL_DB names another file.\n"
                                      "Exit status: 0 on success, 1 on an error, 2 on a usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &args, error))
    return FALSE;

  /* --import-gpx is --import-runs by its old name */
  if (options->import_gpx != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      if (options->import_runs != NULL)
        g_strv_builder_addv (builder, (const char **) options->import_runs);
      g_strv_builder_addv (builder, (const char **) options->import_gpx);
      g_strfreev (options->import_runs);
      options->import_runs = g_strv_builder_end (builder);
    }

  return TRUE;
}

/* The usage errors of a parsed command line, in words; NULL when there is
 * none. Sets @paper from --paper. */
static char *
check_options (const Options *options,
               KjPaper       *paper)
{
  const struct { const char *name; const char *value; } dates[] = {
    { "--from", options->from }, { "--to", options->to },
  };

  /* a script's empty variable must not pick the default journal */
  if (options->db != NULL && options->db[0] == '\0')
    return g_strdup (_("--db needs the path of a journal"));

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (dates[i].value != NULL && !kj_date_is_valid (dates[i].value))
      return g_strdup_printf (_("%s: “%s” is not a real date in the form YYYY-MM-DD"), dates[i].name, dates[i].value);

  if ((options->from || options->to || options->paper) && !options->export_pdf)
    return g_strdup (_("--from, --to and --paper go with --export-pdf"));

  if (options->paper != NULL && !kj_report_parse_paper (options->paper, paper))
    return g_strdup_printf (_("--paper: “%s” is not a paper size; use a4 or letter"), options->paper);

  if (options->as_of != NULL && !kj_date_is_valid (options->as_of))
    return g_strdup_printf (_("--as-of: “%s” is not a real date in the form YYYY-MM-DD"), options->as_of);

  if (options->as_of != NULL && !options->summary && !options->summary_json && !options->export_pdf)
    return g_strdup (_("--as-of goes with --summary, --summary-json or --export-pdf"));

  if (options->episode != NULL && !options->summary && !options->summary_json && !options->export_pdf)
    return g_strdup (_("--episode goes with --summary, --summary-json or --export-pdf"));

  if (options->episode != NULL && options->episode[0] == '\0')
    return g_strdup (_("--episode needs the id of an episode"));

  /* standard output takes one of them: --summary, --summary-json, an export to “-” */
  {
    guint to_stdout = (options->summary ? 1 : 0) + (options->summary_json ? 1 : 0) +
                      (kj_file_is_stdout (options->export_json) ? 1 : 0) +
                      (kj_file_is_stdout (options->export_csv) ? 1 : 0) +
                      (kj_file_is_stdout (options->export_pdf) ? 1 : 0);

    if (to_stdout > 1 && (options->summary || options->summary_json))
      return g_strdup (_("only one of --summary, --summary-json and an export to “-” can use standard output"));
    if (to_stdout > 1)
      return g_strdup (_("only one export can go to standard output"));
  }

  /* a script's empty variable must not become a file called "" */
  {
    const struct { const char *name; const char *value; } files[] = {
      { "--export-json", options->export_json }, { "--export-csv", options->export_csv },
      { "--export-pdf", options->export_pdf },
    };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      if (files[i].value != NULL && files[i].value[0] == '\0')
        /* Translators: “--export-pdf needs the path of a file, or - for standard output” */
        return g_strdup_printf (_("%s needs the path of a file, or - for standard output"), files[i].name);

    if (options->import_json != NULL && options->import_json[0] == '\0')
      return g_strdup (_("--import-json needs the path of a file"));

    /* --import-runs (and --import-gpx, merged into it) and the files after it */
    for (guint i = 0; options->import_runs != NULL && options->import_runs[i] != NULL; i++)
      if (options->import_runs[i][0] == '\0')
        return g_strdup (_("--import-runs needs the path of a file or a folder"));
    for (guint i = 0; options->rest != NULL && options->rest[i] != NULL; i++)
      if (options->rest[i][0] == '\0')
        return g_strdup (_("--import-runs needs the path of a file or a folder"));
  }

  if (options->demo && (is_headless (options) || options->db))
    return g_strdup (_("--demo cannot be combined with --db, imports or exports"));

  if (options->background && (is_headless (options) || options->db || options->demo))
    return g_strdup (_("--background is for the default journal’s reminder and cannot be combined with other options"));

  return NULL;
}

/* Does what the options ask of the journal at @path, in this order: a
 * restore, then imports, so that an export in the same call sees the result */
static int
run_headless (const Options *options,
              const char    *path,
              KjPaper        paper)
{
  g_autoptr(GHashTable) km_before = NULL;
  g_autoptr(KjStore) store = NULL;
  g_autoptr(KjJournal) import = NULL;
  g_autoptr(GError) error = NULL;
  gboolean read_only = options->import_json == NULL && options->import_runs == NULL && options->restore_backup == NULL;
  int status = KJ_EXIT_OK;

  /* read and checked before the journal is opened: a bad file creates no journal */
  if (options->import_json != NULL && !(import = kj_exchange_read_import (options->import_json, path, &error)))
    return fail (error->message);

  if (!(store = open_store (path, read_only, &error)))
    return fail (error->message);

  if (kj_file_is_stdout (options->export_json) || kj_file_is_stdout (options->export_csv) ||
      kj_file_is_stdout (options->export_pdf) || options->summary || options->summary_json)
    say = g_printerr;

  if (options->restore_backup)
    status = run_restore (store, options->restore_backup);
  if (status == KJ_EXIT_OK && (options->import_json || options->import_runs))
    km_before = kj_store_get_shoe_km (store, NULL);
  if (status == KJ_EXIT_OK && options->import_json)
    status = run_import (store, import, options->import_json);
#ifndef KJ_CLI_LIGHT
  if (status == KJ_EXIT_OK && options->import_runs)
    status = run_import_runs (store, options->import_runs, options->rest);
#endif
  /* a pair the imports took past its alert distance, said once, as the window says it */
  if (km_before != NULL)
    {
      g_autoptr(KjProfile) profile = kj_store_get_profile (store, NULL);
      g_autoptr(GPtrArray) alerts = kj_store_shoe_alerts (store, km_before, kj_units_from_profile (profile));

      for (guint i = 0; i < alerts->len; i++)
        say ("%s\n", (const char *) g_ptr_array_index (alerts, i));
    }
  if (status == KJ_EXIT_OK && options->export_json)
    status = run_export (store, options->export_json, FALSE);
  if (status == KJ_EXIT_OK && options->export_csv)
    status = run_export (store, options->export_csv, TRUE);
#ifndef KJ_CLI_LIGHT
  if (status == KJ_EXIT_OK && options->export_pdf)
    {
      KjReportOptions report = {
        .from = options->from,
        .to = options->to,
        .as_of = options->as_of,
        .paper = paper,
        .include_notes = TRUE,
        .episode_id = options->episode,
      };

      status = run_report (store, options->export_pdf, &report);
    }
#endif
  if (status == KJ_EXIT_OK && (options->summary || options->summary_json))
    status = run_summary (store, options->as_of, options->episode, options->summary_json);

  return status;
}

/**
 * kj_cli_run:
 * @gui_db_path: (out) (optional): the journal the GUI is to open, when it
 *   returns %FALSE. %NULL (and so @demo and @background) in the program
 *   without GTK: it returns %FALSE as soon as the checked options ask for a
 *   window, before a demo journal is made or the journal's folder created,
 *   which the window's program does when it reads them again
 * @demo: (out) (optional): whether that journal is a --demo journal in a
 *   temporary folder, which the GUI removes when it quits
 * @background: (out) (optional): whether the GUI starts with no window, for
 *   the daily reminder (--background)
 * @program: (out) (optional): given with a %NULL @gui_db_path: the program
 *   to run in this one's place when it returns %FALSE, %KJ_PROGRAM_UI for a
 *   window, or in knee-journal (KJ_CLI_LIGHT) %KJ_PROGRAM_FULL for
 *   --export-pdf and --import-runs (cairo, Pango, libxml2), before the
 *   journal is opened
 * @exit_status: (out): the exit status, when it returns %TRUE
 *
 * Returns: %TRUE when the command line has been handled and the program
 *   should exit with @exit_status; %FALSE when the GUI (or @program) should
 *   start
 */
gboolean
kj_cli_run (int          argc,
            char       **argv,
            char       **gui_db_path,
            gboolean    *demo,
            gboolean    *background,
            const char **program,
            int         *exit_status)
{
  g_auto(Options) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *usage = NULL;
  KjPaper paper = kj_report_default_paper ();

  g_return_val_if_fail ((gui_db_path == NULL) == (demo == NULL) && (demo == NULL) == (background == NULL), TRUE);
  g_return_val_if_fail ((gui_db_path == NULL) == (program != NULL), TRUE);
  g_return_val_if_fail (exit_status != NULL, TRUE);

  if (gui_db_path != NULL)
    {
      *gui_db_path = NULL;
      *demo = FALSE;
      *background = FALSE;
    }
  *exit_status = KJ_EXIT_OK;

  if (!parse_options (&options, argv, &error))
    {
      *exit_status = usage_error (error->message);
      return TRUE;
    }

  if (options.rest != NULL && options.rest[0] != NULL && options.import_runs == NULL)
    {
      usage = g_strdup_printf (_("unexpected argument “%s”"), options.rest[0]);
      *exit_status = usage_error (usage);
      return TRUE;
    }

  if (options.version)
    {
      g_print ("%s %s\n", g_get_prgname (), PACKAGE_VERSION);
      return TRUE;
    }

  if ((usage = check_options (&options, &paper)) != NULL)
    {
      *exit_status = usage_error (usage);
      return TRUE;
    }

  /* a window: in the program without GTK, that is all it needs to know */
  if (gui_db_path == NULL && (options.demo || !is_headless (&options)))
    {
      *program = KJ_PROGRAM_UI;
      return FALSE;
    }

#ifdef KJ_CLI_LIGHT
  /* the report and the run files: the whole command line does them all,
   * the other options included, in the same order */
  if (options.export_pdf || options.import_runs)
    {
      *program = KJ_PROGRAM_FULL;
      return FALSE;
    }
#endif

  if (options.demo)
    {
      if (!(*gui_db_path = make_demo_journal (&error)))
        {
          *exit_status = fail (error->message);
          return TRUE;
        }
      *demo = TRUE;

      return FALSE;
    }

  if (!(path = kj_cli_resolve_db_path (options.db, &error)))
    {
      *exit_status = fail (error->message);
      return TRUE;
    }

  if (!is_headless (&options))
    {
      *gui_db_path = g_steal_pointer (&path);
      *background = options.background;
      return FALSE;
    }

  *exit_status = run_headless (&options, path, paper);

  return TRUE;
}
