/* kj-store.c — the SQLite journal: open, migrate, read and write records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "knee-journal-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kj-store.h"
#include "kj-store-private.h"
#include "kj-store-schema.h"

G_STATIC_ASSERT (G_N_ELEMENTS (kj_store_migrations) == KJ_STORE_SCHEMA_VERSION);


struct _KjStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* const char *sql → sqlite3_stmt * */
  int         schema_version;
  dev_t       device;       /* the file opened, to notice it deleted or replaced */
  ino_t       inode;
  GHashTable *damage;       /* messages about rows that failed validation when read */
  GHashTable *damaged_days; /* ids of day entries that could not be read */
  gboolean    registered;   /* counted by kj_store_file_opened() */
};

G_DEFINE_FINAL_TYPE (KjStore, kj_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (kj-store-error-quark, kj_store_error)

static const char sql_select_days[] =
  "SELECT id, date, pain, pain_worst, notes FROM days"
  " WHERE (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2) ORDER BY date";
static const char sql_select_locations[] =
  "SELECT c.day_id, c.side, c.region FROM day_locations c JOIN days d ON d.id = c.day_id"
  " WHERE (?1 IS NULL OR d.date >= ?1) AND (?2 IS NULL OR d.date <= ?2) ORDER BY c.rowid";
static const char sql_select_symptoms[] =
  "SELECT c.day_id, c.symptom FROM day_symptoms c JOIN days d ON d.id = c.day_id"
  " WHERE (?1 IS NULL OR d.date >= ?1) AND (?2 IS NULL OR d.date <= ?2) ORDER BY c.rowid";
static const char sql_select_aggravators[] =
  "SELECT c.day_id, c.aggravator FROM day_aggravators c JOIN days d ON d.id = c.day_id"
  " WHERE (?1 IS NULL OR d.date >= ?1) AND (?2 IS NULL OR d.date <= ?2) ORDER BY c.rowid";
static const char sql_select_treatments[] =
  "SELECT id, date, kind, minutes, drug, dose_mg, exercise, sets, reps, notes FROM treatments"
  " WHERE (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2) ORDER BY date, rowid";
static const char sql_select_runs[] =
  "SELECT id, date, distance_km, duration_s, descent_m, pain_during, pain_after, stopped_early, notes"
  " FROM runs WHERE (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2) ORDER BY date, rowid";
static const char sql_upsert_day[] =
  "INSERT INTO days (id, date, pain, pain_worst, notes) VALUES (?1, ?2, ?3, ?4, ?5)"
  " ON CONFLICT (id) DO UPDATE SET date = excluded.date, pain = excluded.pain,"
  " pain_worst = excluded.pain_worst, notes = excluded.notes";
static const char sql_delete_locations[] = "DELETE FROM day_locations WHERE day_id = ?1";
static const char sql_delete_symptoms[] = "DELETE FROM day_symptoms WHERE day_id = ?1";
static const char sql_delete_aggravators[] = "DELETE FROM day_aggravators WHERE day_id = ?1";
static const char sql_insert_location[] = "INSERT INTO day_locations (day_id, side, region) VALUES (?1, ?2, ?3)";
static const char sql_insert_symptom[] = "INSERT INTO day_symptoms (day_id, symptom) VALUES (?1, ?2)";
static const char sql_insert_aggravator[] = "INSERT INTO day_aggravators (day_id, aggravator) VALUES (?1, ?2)";
static const char sql_day_id_by_date[] = "SELECT id FROM days WHERE date = ?1";
static const char sql_delete_day[] = "DELETE FROM days WHERE id = ?1";
static const char sql_upsert_treatment[] =
  "INSERT INTO treatments (id, date, kind, minutes, drug, dose_mg, exercise, sets, reps, notes)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
  " ON CONFLICT (id) DO UPDATE SET date = excluded.date, kind = excluded.kind, minutes = excluded.minutes,"
  " drug = excluded.drug, dose_mg = excluded.dose_mg, exercise = excluded.exercise, sets = excluded.sets,"
  " reps = excluded.reps, notes = excluded.notes";
static const char sql_delete_treatment[] = "DELETE FROM treatments WHERE id = ?1";
static const char sql_last_treatment[] =
  "SELECT id, date, kind, minutes, drug, dose_mg, exercise, sets, reps, notes FROM treatments"
  " WHERE (kind = ?1 OR kind = ?2) AND date <= ?3 ORDER BY date DESC, rowid DESC LIMIT 1";
static const char sql_upsert_run[] =
  "INSERT INTO runs (id, date, distance_km, duration_s, descent_m, pain_during, pain_after, stopped_early, notes)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
  " ON CONFLICT (id) DO UPDATE SET date = excluded.date, distance_km = excluded.distance_km,"
  " duration_s = excluded.duration_s, descent_m = excluded.descent_m, pain_during = excluded.pain_during,"
  " pain_after = excluded.pain_after, stopped_early = excluded.stopped_early, notes = excluded.notes";
static const char sql_delete_run[] = "DELETE FROM runs WHERE id = ?1";
static const char sql_run_by_hash[] = "SELECT date FROM runs WHERE source_hash = ?1";
static const char sql_set_run_hash[] = "UPDATE runs SET source_hash = ?2 WHERE id = ?1";
static const char sql_select_profile[] =
  "SELECT name, affected_side, injury_date, treatment_start, units, review_weeks FROM profile WHERE id = 1";
static const char sql_update_profile[] =
  "INSERT INTO profile (id, name, affected_side, injury_date, treatment_start, units, review_weeks)"
  " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)"
  " ON CONFLICT (id) DO UPDATE SET name = excluded.name, affected_side = excluded.affected_side,"
  " injury_date = excluded.injury_date, treatment_start = excluded.treatment_start,"
  " units = excluded.units, review_weeks = excluded.review_weeks";

/* Errors */

void
kj_store_set_sqlite_error (GError     **error,
                           sqlite3     *db,
                           int          rc,
                           const char  *path)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  g_autofree char *display = g_filename_display_name (path ? path : "");

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_FULL,
                   _("The disk is full: the change to “%s” could not be saved. Nothing was changed."), display);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_READ_ONLY,
                   _("The journal “%s” cannot be written to (%s). Nothing was changed."), display, detail);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_BUSY,
                   _("The journal “%s” is in use by another program. Try again in a moment."), display);
      break;

    case SQLITE_NOTADB:
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Knee Journal database: it is not an SQLite file."), display);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_IO,
                   _("The journal “%s” is damaged (%s). Restore it from a backup."), display, detail);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_INVALID,
                   _("The journal refused an impossible value (%s). Nothing was changed."), detail);
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_IO,
                   _("The journal “%s” could not be read or written (%s)."), display, detail);
      break;

    default:
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_FAILED,
                   _("The journal “%s” reported an error: %s"), display, detail);
      break;
    }
}

static gboolean
store_error (KjStore  *self,
             int       rc,
             GError  **error)
{
  kj_store_set_sqlite_error (error, self->db, rc, self->path);
  return FALSE;
}

/* Statements */

static sqlite3_stmt *
get_stmt (KjStore     *self,
          const char  *sql,
          GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      store_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);

  return stmt;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           index,
                  int           value)
{
  if (value == KJ_UNSET)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Rows are read as hostile: another program may have stored anything in the
 * file, with the CHECK constraints turned off. Each field is taken as the
 * type it must be, and the first problem is kept in @error, in the words of
 * the import's validation. */
typedef struct
{
  sqlite3_stmt *stmt;
  GError       *error;
} RowReader;

static void
row_fail (RowReader  *row,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
row_fail (RowReader  *row,
          const char *format,
          ...)
{
  va_list args;

  if (row->error != NULL)
    return;

  va_start (args, format);
  row->error = g_error_new_valist (KJ_RECORD_ERROR, KJ_RECORD_ERROR_INVALID, format, args);
  va_end (args);
}

/* @text made safe to show in a message: valid UTF-8, at most 80 characters */
static char *
shown_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  if (g_utf8_strlen (valid, -1) > 80)
    {
      g_autofree char *start = g_utf8_substring (valid, 0, 79);

      return g_strconcat (start, "…", NULL);
    }

  return g_steal_pointer (&valid);
}

/* The column's text made safe to show in a message */
static char *
row_shown (RowReader *row,
           int        column)
{
  return shown_text ((const char *) sqlite3_column_text (row->stmt, column));
}

/* Whether the column's text holds a NUL, which would hide what follows it */
static gboolean
has_nul (RowReader *row,
         int        column)
{
  const char *text = (const char *) sqlite3_column_text (row->stmt, column);

  return text != NULL && strlen (text) != (size_t) sqlite3_column_bytes (row->stmt, column);
}

/* An integer column; KJ_UNSET for NULL. A value beyond any range is
 * reported here, before it could wrap into one. */
static int
row_int (RowReader  *row,
         int         column,
         const char *field)
{
  gint64 value;

  switch (sqlite3_column_type (row->stmt, column))
    {
    case SQLITE_NULL:
      return KJ_UNSET;

    case SQLITE_INTEGER:
      value = sqlite3_column_int64 (row->stmt, column);
      if (value < 0 || value > G_MAXINT)
        {
          g_autofree char *shown = g_strdup_printf ("%" G_GINT64_FORMAT, value);

          /* Translators: “pain: 4294967303 is out of range” */
          row_fail (row, _("%s: %s is out of range"), field, shown);
          return 0;
        }
      return (int) value;

    default:
      {
        g_autofree char *shown = row_shown (row, column);

        row_fail (row, _("%s: “%s” is not a whole number"), field, shown);
        return 0;
      }
    }
}

/* A real column; NAN for NULL */
static double
row_double (RowReader  *row,
            int         column,
            const char *field)
{
  double value;
  int type = sqlite3_column_type (row->stmt, column);

  if (type == SQLITE_NULL)
    return NAN;

  if (type != SQLITE_FLOAT && type != SQLITE_INTEGER)
    {
      g_autofree char *shown = row_shown (row, column);

      row_fail (row, _("%s: “%s” is not a number"), field, shown);
      return NAN;
    }

  value = sqlite3_column_double (row->stmt, column);
  if (!isfinite (value))
    {
      row_fail (row, _("%s: “%s” is not a number"), field, value > 0 ? "inf" : "-inf");
      return NAN;
    }

  return value;
}

/* A text column; NULL for NULL */
static char *
row_text (RowReader  *row,
          int         column,
          const char *field)
{
  int type = sqlite3_column_type (row->stmt, column);

  if (type == SQLITE_NULL)
    return NULL;

  if (type != SQLITE_TEXT)
    {
      row_fail (row, _("%s: a text is required"), field);
      return g_strdup ("");
    }

  if (has_nul (row, column))
    row_fail (row, _("%s: the text holds a NUL character"), field);

  return g_strndup ((const char *) sqlite3_column_text (row->stmt, column),
                    sqlite3_column_bytes (row->stmt, column));
}

/* A code column: the static code, NULL for NULL; an unknown code fails */
static const char *
row_code (RowReader  *row,
          int         column,
          KjCodeList  list,
          const char *field)
{
  const char *text;
  const char *code;

  if (sqlite3_column_type (row->stmt, column) == SQLITE_NULL)
    return NULL;

  text = (const char *) sqlite3_column_text (row->stmt, column);
  code = has_nul (row, column) ? NULL : kj_code_lookup (list, text);
  if (code == NULL)
    {
      g_autofree char *shown = row_shown (row, column);

      row_fail (row, _("%s: “%s” is not a known value"), field, shown);
    }

  return code;
}

/* A date column, exactly YYYY-MM-DD: a longer text is not cut to a date */
static void
row_date (RowReader  *row,
          int         column,
          const char *field,
          char        out[11])
{
  const char *text = (const char *) sqlite3_column_text (row->stmt, column);

  out[0] = '\0';
  if (text == NULL || sqlite3_column_bytes (row->stmt, column) != 10 || !kj_date_is_valid (text))
    {
      g_autofree char *shown = row_shown (row, column);

      row_fail (row, _("%s: “%s” is not a real date (YYYY-MM-DD)"), field, shown);
      return;
    }

  memcpy (out, text, 11);
}

/* Keeps a message about a row that could not be read */
static void
note_damage (KjStore    *self,
             const char *message)
{
  g_debug ("Damaged row: %s", message);
  g_hash_table_add (self->damage, g_strdup (message));
}

/* Keeps @row's problem, or @error, about the record of @date (or @id) */
static gboolean
row_check (KjStore    *self,
           RowReader  *row,
           const char *kind,
           const char *date,
           const char *id,
           GError     *error)
{
  g_autofree char *message = NULL;
  const char *problem = row->error ? row->error->message : error ? error->message : NULL;
  const char *which = date != NULL && date[0] != '\0' ? date : id;
  g_autofree char *shown = shown_text (which ? which : "?");

  if (problem == NULL)
    return TRUE;

  if (g_str_equal (kind, "day"))
    /* Translators: “day 2026-10-15: pain: 99 is out of range 0–10” */
    message = g_strdup_printf (_("day %s: %s"), shown, problem);
  else if (g_str_equal (kind, "treatment"))
    message = g_strdup_printf (_("treatment of %s: %s"), shown, problem);
  else
    message = g_strdup_printf (_("run of %s: %s"), shown, problem);

  note_damage (self, message);
  g_clear_error (&row->error);

  return FALSE;
}

/* Runs a statement that returns no rows; the statement stays bound until the next get_stmt(). */
static gboolean
step_done (KjStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return store_error (self, rc, error);

  return TRUE;
}

static gboolean
exec_sql (KjStore     *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return store_error (self, rc, error);

  return TRUE;
}

static gboolean
begin (KjStore  *self,
       GError  **error)
{
  return exec_sql (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (KjStore  *self,
        GError  **error)
{
  if (!exec_sql (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

static void
rollback (KjStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
create_empty_file (const char  *path,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (dir);
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM)
        g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_READ_ONLY,
                     _("A new journal cannot be created in the folder “%s”: it is read-only."), display);
      else if (saved_errno == ENOSPC)
        g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_FULL,
                     _("A new journal cannot be created in the folder “%s”: the disk is full."), display);
      else
        g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_IO,
                     _("A new journal cannot be created in the folder “%s”: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);

  return TRUE;
}

/* Copies @db through SQLite's online backup API to @dest (mode 0600), by way
 * of a temporary file, so that @dest is never half written. Unless @replace,
 * an existing @dest is an error rather than overwritten. */
static gboolean
copy_database (sqlite3     *db,
               const char  *dest,
               gboolean     replace,
               GError     **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.part-%08x", dest, g_random_int ());
  sqlite3 *out = NULL;
  sqlite3_backup *backup;
  int rc;

  g_unlink (tmp);
  if (!create_empty_file (tmp, error))
    return FALSE;

  rc = sqlite3_open_v2 (tmp, &out, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      kj_store_harden_connection (out);
      backup = sqlite3_backup_init (out, "main", db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (out);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
    }

  if (rc != SQLITE_OK)
    {
      kj_store_set_sqlite_error (error, out, rc, dest);
      sqlite3_close_v2 (out);
      g_unlink (tmp);
      return FALSE;
    }

  sqlite3_close_v2 (out);

  if (replace ? g_rename (tmp, dest) != 0 : link (tmp, dest) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dest);

      g_unlink (tmp);
      g_set_error (error, KJ_STORE_ERROR, saved_errno == EEXIST ? KJ_STORE_ERROR_CONFLICT : KJ_STORE_ERROR_IO,
                   _("The copy “%s” could not be written: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (!replace)
    g_unlink (tmp);

  return TRUE;
}

static gboolean
backup_to (KjStore     *self,
           const char  *dest,
           GError     **error)
{
  return copy_database (self->db, dest, TRUE, error);
}

static gboolean
migrate (KjStore  *self,
         GError  **error)
{
  int version = 0;
  int rc;

  rc = kj_store_query_int (self->db, "PRAGMA user_version", &version);
  if (rc != SQLITE_OK)
    return store_error (self, rc, error);

  if (version < 0 || version > KJ_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_A_JOURNAL,
                   _("The journal has an impossible format number (%d). Nothing was changed."), version);
      return FALSE;
    }

  self->schema_version = version;
  if (version == KJ_STORE_SCHEMA_VERSION)
    return TRUE;

  if (version > 0)
    {
      g_autofree char *backup = g_strdup_printf ("%s.bak-v%d", self->path, version);

      g_info ("Backing up the journal to %s before migrating from version %d", backup, version);
      if (!backup_to (self, backup, error))
        {
          g_prefix_error (error, _("The journal could not be backed up before upgrading it: "));
          return FALSE;
        }
    }

  if (!begin (self, error))
    return FALSE;

  for (int v = version; v < KJ_STORE_SCHEMA_VERSION; v++)
    {
      if (!exec_sql (self, kj_store_migrations[v], error))
        {
          rollback (self);
          return FALSE;
        }
    }

  {
    g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                                (int) KJ_STORE_APPLICATION_ID, KJ_STORE_SCHEMA_VERSION);

    if (!exec_sql (self, pragmas, error) || !commit (self, error))
      {
        rollback (self);
        return FALSE;
      }
  }

  self->schema_version = KJ_STORE_SCHEMA_VERSION;

  return TRUE;
}

/* GObject */

static void
kj_store_finalize (GObject *object)
{
  KjStore *self = (KjStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->damage, g_hash_table_unref);
  g_clear_pointer (&self->damaged_days, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  if (self->registered)
    kj_store_file_closed (self->device, self->inode);

  G_OBJECT_CLASS (kj_store_parent_class)->finalize (object);
}

static void
kj_store_class_init (KjStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kj_store_finalize;
}

static void
kj_store_init (KjStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sqlite3_finalize);
  self->damage = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->damaged_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Public API */

/* $XDG_DATA_HOME/knee-journal/journal.db; a relative XDG_DATA_HOME is
 * ignored, as the XDG Base Directory Specification says */
char *
kj_store_default_path (void)
{
  const char *data = g_get_user_data_dir ();

  if (!g_path_is_absolute (data))
    return g_build_filename (g_get_home_dir (), ".local", "share", "knee-journal", "journal.db", NULL);

  return g_build_filename (data, "knee-journal", "journal.db", NULL);
}

/* Removes a journal that kj_store_open_full() created and could not finish */
static void
remove_created (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Checks that @path can hold a journal; sets @exists and @is_empty */
static gboolean
check_path (const char  *path,
            gboolean    *exists,
            gboolean    *is_empty,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (path);
  GStatBuf st;

  *exists = FALSE;
  *is_empty = TRUE;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *dir_display = g_filename_display_name (dir);

      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NO_FOLDER,
                   _("The folder “%s” for the journal does not exist."), dir_display);
      return FALSE;
    }

  if (g_stat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_A_DATABASE, _("“%s” is not a file."), display);
          return FALSE;
        }

      *exists = TRUE;
      *is_empty = st.st_size == 0;
      return TRUE;
    }

  if (errno == ENOENT && g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      g_autofree char *target = g_file_read_link (path, NULL);
      g_autofree char *target_display = g_filename_display_name (target ? target : "");

      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_FOUND,
                   _("“%s” is a link to “%s”, which does not exist. Knee Journal does not create a journal "
                     "through a broken link."), display, target_display);
      return FALSE;
    }

  if (errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_IO,
                   _("The journal “%s” cannot be opened: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* The connection of a read-only store: through the -shm file when it can
 * be had, else the main file as it is (a read-only folder cannot hold one) */
static int
open_read_only (KjStore *self)
{
  g_autofree char *uri = g_filename_to_uri (self->path, NULL, NULL);
  g_autofree char *immutable = g_strconcat (uri ? uri : "", "?mode=ro&immutable=1", NULL);
  int version = 0;
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      kj_store_harden_connection (self->db);
      rc = kj_store_query_int (self->db, "PRAGMA user_version", &version);
    }

  /* see kj_store_file_is_open_here() on why not while a store of ours has it */
  if (((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY) && uri != NULL &&
      !kj_store_file_is_open_here (self->path))
    {
      g_clear_pointer (&self->db, sqlite3_close_v2);
      rc = sqlite3_open_v2 (immutable, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
      if (rc == SQLITE_OK)
        {
          kj_store_harden_connection (self->db);
          rc = kj_store_query_int (self->db, "PRAGMA user_version", &version);
        }
    }

  self->schema_version = version;

  return rc;
}

/**
 * kj_store_open:
 * @path: the journal file; created (0600) when it does not exist
 * @error: return location for a #GError
 *
 * Opens the journal at @path, creating or migrating it as needed. A file
 * that is not ours, is newer than this build, holds objects we did not
 * create or is damaged is refused without a single byte being written to it.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
KjStore *
kj_store_open (const char  *path,
               GError     **error)
{
  return kj_store_open_full (path, KJ_STORE_OPEN_DEFAULT, error);
}

/**
 * kj_store_open_full:
 * @flags: %KJ_STORE_OPEN_READ_ONLY to read an existing journal only (the
 *   command line's exports and summaries), which also works where the file
 *   or its folder cannot be written
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
KjStore *
kj_store_open_full (const char        *path,
                    KjStoreOpenFlags   flags,
                    GError           **error)
{
  g_autoptr(KjStore) self = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean read_only = (flags & KJ_STORE_OPEN_READ_ONLY) != 0;
  gboolean exists, is_empty, created = FALSE;
  KjFileInfo info = { 0, TRUE };
  GStatBuf st;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);

  if (!check_path (path, &exists, &is_empty, &local_error))
    {
      /* reading, a missing folder is just no journal */
      if (read_only && g_error_matches (local_error, KJ_STORE_ERROR, KJ_STORE_ERROR_NO_FOLDER))
        g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_FOUND, _("There is no journal at “%s” yet."), display);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (exists && !is_empty && !kj_store_inspect_file (path, KJ_FILE_ROLE_JOURNAL, &info, error))
    return NULL;

  if (read_only)
    {
      if (!exists || info.blank)
        {
          g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_FOUND,
                       _("There is no journal at “%s” yet."), display);
          return NULL;
        }
      if (info.user_version != KJ_STORE_SCHEMA_VERSION)
        {
          g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_READ_ONLY,
                       _("The journal “%s” is of an older format and must be upgraded before it can be read: "
                         "open it once in Knee Journal."), display);
          return NULL;
        }
    }
  else if (exists && g_access (path, W_OK) != 0)
    {
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_READ_ONLY,
                   _("The journal “%s” is read-only. Check its permissions."), display);
      return NULL;
    }
  else if (!exists)
    {
      if (!create_empty_file (path, error))
        return NULL;
      created = TRUE;
    }

  self = g_object_new (KJ_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (read_only)
    rc = open_read_only (self);
  else
    {
      rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE, NULL);
      if (self->db != NULL)
        kj_store_harden_connection (self->db);
    }

  if (rc != SQLITE_OK)
    {
      store_error (self, rc, error);
      goto failed;
    }

  sqlite3_busy_timeout (self->db, KJ_STORE_BUSY_TIMEOUT_MS);

  if (g_stat (path, &st) == 0)
    {
      self->device = st.st_dev;
      self->inode = st.st_ino;
      self->registered = TRUE;
      kj_store_file_opened (self->device, self->inode);
    }

  if (read_only)
    return g_steal_pointer (&self);

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_READ_ONLY,
                   _("The journal “%s” is read-only. Check its permissions."), display);
      goto failed;
    }

  if (!exec_sql (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", error) ||
      !migrate (self, error))
    goto failed;

  return g_steal_pointer (&self);

failed:
  if (created)
    {
      g_clear_object (&self);
      remove_created (path);
    }
  return NULL;
}

/* @path with its folder's links resolved; the file itself need not exist */
static char *
resolve_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *real_dir = realpath (dir, NULL);
  char *real = realpath (path, NULL);

  if (real != NULL)
    return real;

  return g_build_filename (real_dir ? real_dir : dir, base, NULL);
}

static gboolean
same_file (const GStatBuf *a,
           const GStatBuf *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/**
 * kj_store_owns_file:
 * @journal_path: a journal
 * @path: any file
 *
 * Whether @path is the journal, its write-ahead log, shared-memory or
 * rollback file, its backups folder or anything in it, compared by device
 * and inode (through links) rather than by name: a file that must never be
 * overwritten by an export, nor read as an import. The journal's companions
 * are looked for beside the journal as named and beside the file a link
 * names, where SQLite keeps them.
 */
gboolean
kj_store_owns_file (const char *journal_path,
                    const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *real_journal = NULL;
  g_autofree char *real_path = NULL;
  g_autofree char *backups = NULL;
  const char *journals[2];
  GStatBuf target, backups_st;
  gboolean target_exists;

  g_return_val_if_fail (journal_path != NULL && path != NULL, FALSE);

  real_journal = resolve_path (journal_path);
  real_path = resolve_path (path);
  journals[0] = journal_path;
  journals[1] = real_journal;
  target_exists = g_stat (path, &target) == 0;

  for (guint j = 0; j < G_N_ELEMENTS (journals); j++)
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *own = g_strconcat (journals[j], suffixes[i], NULL);
        g_autofree char *real_own = resolve_path (own);
        GStatBuf st;

        if (target_exists && g_stat (own, &st) == 0 && same_file (&st, &target))
          return TRUE;

        /* -wal and -shm come and go: compare names too */
        if (g_str_equal (real_path, real_own))
          return TRUE;
      }

  /* the backups folder, and anything at any depth below it */
  backups = g_strconcat (journal_path, ".backups", NULL);
  if (g_stat (backups, &backups_st) == 0)
    {
      g_autofree char *dir = g_strdup (real_path);

      if (target_exists && same_file (&target, &backups_st))
        return TRUE;

      while (strcmp (dir, "/") != 0 && strcmp (dir, ".") != 0)
        {
          char *parent = g_path_get_dirname (dir);
          GStatBuf st;

          g_free (dir);
          dir = parent;
          if (g_stat (dir, &st) == 0 && same_file (&st, &backups_st))
            return TRUE;
        }
    }

  return FALSE;
}

const char *
kj_store_get_path (KjStore *self)
{
  g_return_val_if_fail (KJ_IS_STORE (self), NULL);

  return self->path;
}

/**
 * kj_store_set_busy_timeout:
 * @timeout_ms: how long a write waits for another program's lock; -1 for
 *   the default (5 s)
 *
 * A retry of a write that failed because the journal was locked can wait
 * less than the first try, so that the window does not freeze.
 */
void
kj_store_set_busy_timeout (KjStore *self,
                           int      timeout_ms)
{
  g_return_if_fail (KJ_IS_STORE (self));

  sqlite3_busy_timeout (self->db, timeout_ms < 0 ? KJ_STORE_BUSY_TIMEOUT_MS : timeout_ms);
}

/**
 * kj_store_check_file:
 *
 * Checks that the journal's file is still the one this store opened: not
 * deleted, renamed away or replaced by another file. Writes to a store whose
 * file is gone would be lost.
 *
 * Returns: %FALSE with @error set if the file is gone or replaced
 */
gboolean
kj_store_check_file (KjStore  *self,
                     GError  **error)
{
  GStatBuf st;

  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);

  if (g_stat (self->path, &st) != 0 || st.st_dev != self->device || st.st_ino != self->inode)
    {
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_REPLACED,
                   _("The journal “%s” was deleted or replaced by another program while Knee Journal had it open. "
                     "Knee Journal stopped using it so that no change goes to a file that is gone. Close Knee "
                     "Journal and open it again to use the journal now at that place."), display);
      return FALSE;
    }

  return TRUE;
}

/**
 * kj_store_get_data_version:
 *
 * Returns: SQLite's `PRAGMA data_version`: a number that changes when
 *   another connection, in this process or another, commits to the journal
 *   (but not after this store's own writes); -1 on error
 */
gint64
kj_store_get_data_version (KjStore *self)
{
  int version;

  g_return_val_if_fail (KJ_IS_STORE (self), -1);

  return kj_store_query_int (self->db, "PRAGMA data_version", &version) == SQLITE_OK ? version : -1;
}

int
kj_store_get_schema_version (KjStore *self)
{
  g_return_val_if_fail (KJ_IS_STORE (self), 0);

  return self->schema_version;
}

static int
compare_messages (gconstpointer a,
                  gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * kj_store_get_damage:
 *
 * Rows of the journal that failed validation when they were read, in words
 * ("day 2026-10-15: pain: 99 is out of range 0–10"): records that another
 * program stored behind Knee Journal's back. They are left out of every
 * list, and so of the assessment and of every export.
 *
 * Returns: (transfer container) (element-type utf8): the messages, sorted
 */
GPtrArray *
kj_store_get_damage (KjStore *self)
{
  GPtrArray *messages = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (KJ_IS_STORE (self), messages);

  g_hash_table_iter_init (&iter, self->damage);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (messages, g_strdup (key));
  g_ptr_array_sort (messages, compare_messages);

  return messages;
}

/**
 * kj_store_scan_damage:
 *
 * Reads every record again, in one read transaction, and returns what
 * kj_store_get_damage() finds then: the damage there is now.
 *
 * Returns: (transfer container) (element-type utf8) (nullable): the messages,
 *   or %NULL with @error set
 */
GPtrArray *
kj_store_scan_damage (KjStore  *self,
                      GError  **error)
{
  g_autoptr(KjJournal) journal = NULL;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);

  if (!(journal = kj_store_read_journal (self, error)))
    return NULL;

  return kj_store_get_damage (self);
}

gboolean
kj_store_is_empty (KjStore *self)
{
  int n = 0;

  g_return_val_if_fail (KJ_IS_STORE (self), TRUE);

  kj_store_query_int (self->db,
             "SELECT (SELECT count(*) FROM days) + (SELECT count(*) FROM treatments) + (SELECT count(*) FROM runs)",
             &n);

  return n == 0;
}

KjProfile *
kj_store_get_profile (KjStore  *self,
                      GError  **error)
{
  g_autoptr(KjProfile) profile = kj_profile_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);

  if (!(stmt = get_stmt (self, sql_select_profile, error)))
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autoptr(KjProfile) read = kj_profile_new ();
      RowReader row = { stmt, NULL };
      const char *side, *units;
      int weeks;

      /* a field that fails is reported and left at its default */
      g_free (read->name);
      read->name = row_text (&row, 0, "name");
      side = row_code (&row, 1, KJ_CODE_AFFECTED_SIDE, "affected_side");
      read->affected_side = side ? side : read->affected_side;
      read->injury_date = row_text (&row, 2, "injury_date");
      read->treatment_start = row_text (&row, 3, "treatment_start");
      units = row_code (&row, 4, KJ_CODE_UNITS, "units");
      read->units = units ? units : read->units;
      weeks = row_int (&row, 5, "review_weeks");
      read->review_weeks = weeks == KJ_UNSET ? read->review_weeks : weeks;
      if (read->name == NULL)
        read->name = g_strdup ("");

      if (row.error == NULL && kj_profile_validate (read, &row.error))
        {
          kj_profile_free (profile);
          profile = g_steal_pointer (&read);
        }
      else
        {
          g_autofree char *message = g_strdup_printf (_("profile: %s"), row.error->message);

          note_damage (self, message);
          g_clear_error (&row.error);
          /* keep what is valid of it */
          if (kj_notes_are_valid (read->name, KJ_PROFILE_NAME_MAX, "name", NULL))
            {
              g_free (profile->name);
              profile->name = g_steal_pointer (&read->name);
            }
          profile->affected_side = side ? side : profile->affected_side;
          profile->units = units ? units : profile->units;
          if (weeks >= 2 && weeks <= 12)
            profile->review_weeks = weeks;
          if (read->injury_date != NULL && kj_date_is_valid (read->injury_date))
            profile->injury_date = g_steal_pointer (&read->injury_date);
          if (read->treatment_start != NULL && kj_date_is_valid (read->treatment_start))
            profile->treatment_start = g_steal_pointer (&read->treatment_start);
        }
    }
  else if (rc != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      store_error (self, rc, error);
      return NULL;
    }

  sqlite3_reset (stmt);

  return g_steal_pointer (&profile);
}

static gboolean
write_profile (KjStore          *self,
               const KjProfile  *profile,
               GError          **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, sql_update_profile, error)))
    return FALSE;

  bind_text_or_null (stmt, 1, profile->name ? profile->name : "");
  bind_text_or_null (stmt, 2, profile->affected_side);
  bind_text_or_null (stmt, 3, profile->injury_date);
  bind_text_or_null (stmt, 4, profile->treatment_start);
  bind_text_or_null (stmt, 5, profile->units);
  sqlite3_bind_int (stmt, 6, profile->review_weeks);

  return step_done (self, stmt, error);
}

gboolean
kj_store_set_profile (KjStore          *self,
                      const KjProfile  *profile,
                      GError          **error)
{
  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);

  if (!kj_profile_validate (profile, error))
    return FALSE;

  if (!begin (self, error))
    return FALSE;

  if (!write_profile (self, profile, error) || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }

  return TRUE;
}

/* Day entries */

static sqlite3_stmt *
get_range_stmt (KjStore     *self,
                const char  *sql,
                const char  *from,
                const char  *to,
                GError     **error)
{
  sqlite3_stmt *stmt = get_stmt (self, sql, error);

  if (stmt != NULL)
    {
      bind_text_or_null (stmt, 1, from);
      bind_text_or_null (stmt, 2, to);
    }

  return stmt;
}

/* Reads the child rows (day_id, code[, code]) of @sql into the days of
 * @by_id; a day with a child row that fails is added to @bad. */
static gboolean
read_day_children (KjStore     *self,
                   const char  *sql,
                   const char  *from,
                   const char  *to,
                   GHashTable  *by_id,
                   GHashTable  *bad,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = get_range_stmt (self, sql, from, to, error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KjDay *day = g_hash_table_lookup (by_id, sqlite3_column_text (stmt, 0));
      RowReader row = { stmt, NULL };

      if (day == NULL)
        continue;

      if (sql == sql_select_locations)
        {
          const char *side = row_code (&row, 1, KJ_CODE_SIDE, "locations.side");
          const char *region = row_code (&row, 2, KJ_CODE_REGION, "locations.region");

          if (row.error == NULL)
            kj_day_add_location (day, side, region);
        }
      else if (sql == sql_select_symptoms)
        {
          const char *code = row_code (&row, 1, KJ_CODE_SYMPTOM, "symptoms");

          if (row.error == NULL)
            g_ptr_array_add (day->symptoms, (gpointer) code);
        }
      else
        {
          const char *code = row_code (&row, 1, KJ_CODE_AGGRAVATOR, "aggravators");

          if (row.error == NULL)
            g_ptr_array_add (day->aggravators, (gpointer) code);
        }

      if (!row_check (self, &row, "day", day->date, day->id, NULL))
        g_hash_table_add (bad, day);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return store_error (self, rc, error);

  return TRUE;
}

/**
 * kj_store_list_days:
 * @from: (nullable): first date, inclusive
 * @to: (nullable): last date, inclusive
 *
 * Every row is validated as an import would be; a day entry that fails is
 * left out and reported by kj_store_get_damage().
 *
 * Returns: (transfer container): the day entries in the range, by date
 */
GPtrArray *
kj_store_list_days (KjStore     *self,
                    const char  *from,
                    const char  *to,
                    GError     **error)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_day_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) bad = g_hash_table_new (NULL, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);

  if (!(stmt = get_range_stmt (self, sql_select_days, from, to, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KjDay *day = kj_day_new (NULL);
      RowReader row = { stmt, NULL };

      day->id = row_text (&row, 0, "id");
      row_date (&row, 1, "date", day->date);
      day->pain = row_int (&row, 2, "pain");
      if (day->pain == KJ_UNSET)
        row_fail (&row, _("%s: a value is required"), "pain");
      day->pain_worst = row_int (&row, 3, "pain_worst");
      g_free (day->notes);
      day->notes = row_text (&row, 4, "notes");

      g_ptr_array_add (days, day);
      if (day->id != NULL)
        g_hash_table_insert (by_id, day->id, day);
      if (!row_check (self, &row, "day", day->date, day->id, NULL))
        g_hash_table_add (bad, day);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      store_error (self, rc, error);
      return NULL;
    }

  if (days->len > 0 &&
      (!read_day_children (self, sql_select_locations, from, to, by_id, bad, error) ||
       !read_day_children (self, sql_select_symptoms, from, to, by_id, bad, error) ||
       !read_day_children (self, sql_select_aggravators, from, to, by_id, bad, error)))
    return NULL;

  /* the whole entry, as an import would see it, and then out with the damaged */
  for (guint i = days->len; i-- > 0;)
    {
      KjDay *day = g_ptr_array_index (days, i);
      g_autoptr(GError) invalid = NULL;
      RowReader none = { NULL, NULL };

      if (!g_hash_table_contains (bad, day) && !kj_day_validate (day, &invalid))
        row_check (self, &none, "day", day->date, day->id, invalid);
      else if (!g_hash_table_contains (bad, day))
        continue;

      if (day->id != NULL)
        g_hash_table_add (self->damaged_days, g_strdup (day->id));
      g_ptr_array_remove_index (days, i);
    }

  return g_steal_pointer (&days);
}

/**
 * kj_store_get_day:
 *
 * Returns: (transfer full) (nullable): the entry of @date; %NULL without an
 *   error when there is none
 */
KjDay *
kj_store_get_day (KjStore     *self,
                  const char  *date,
                  GError     **error)
{
  g_autoptr(GPtrArray) days = NULL;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  if (!(days = kj_store_list_days (self, date, date, error)) || days->len == 0)
    return NULL;

  return g_ptr_array_steal_index (days, 0);
}

static gboolean
write_codes (KjStore     *self,
             const char  *sql,
             const char  *id,
             GPtrArray   *codes,
             GError     **error)
{
  for (guint i = 0; i < codes->len; i++)
    {
      sqlite3_stmt *stmt = get_stmt (self, sql, error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (codes, i), -1, SQLITE_STATIC);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
delete_by_id (KjStore     *self,
              const char  *sql,
              const char  *id,
              GError     **error)
{
  sqlite3_stmt *stmt = get_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);

  return step_done (self, stmt, error);
}

/* Writes @day inside the caller's transaction. */
static gboolean
write_day (KjStore      *self,
           const KjDay  *day,
           gboolean      is_new,
           GError      **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, sql_upsert_day, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, day->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day->date, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, day->pain);
  bind_int_or_null (stmt, 4, day->pain_worst);
  sqlite3_bind_text (stmt, 5, day->notes ? day->notes : "", -1, SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (!is_new &&
      (!delete_by_id (self, sql_delete_locations, day->id, error) ||
       !delete_by_id (self, sql_delete_symptoms, day->id, error) ||
       !delete_by_id (self, sql_delete_aggravators, day->id, error)))
    return FALSE;

  for (guint i = 0; i < day->locations->len; i++)
    {
      const KjLocation *loc = &g_array_index (day->locations, KjLocation, i);

      if (!(stmt = get_stmt (self, sql_insert_location, error)))
        return FALSE;

      sqlite3_bind_text (stmt, 1, day->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, loc->side, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, loc->region, -1, SQLITE_STATIC);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return write_codes (self, sql_insert_symptom, day->id, day->symptoms, error) &&
         write_codes (self, sql_insert_aggravator, day->id, day->aggravators, error);
}

static char *
day_id_for_date (KjStore     *self,
                 const char  *date,
                 GError     **error)
{
  sqlite3_stmt *stmt = get_stmt (self, sql_day_id_by_date, error);
  char *id = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = column_dup (stmt, 0);
  else if (rc != SQLITE_DONE)
    store_error (self, rc, error);
  sqlite3_reset (stmt);

  return id;
}

/**
 * kj_store_save_day:
 * @day: the entry; a new id is given to it when it has none
 *
 * Creates or updates the entry with @day's id. There is one entry per date:
 * when another entry holds the date, %KJ_STORE_ERROR_CONFLICT is returned.
 */
gboolean
kj_store_save_day (KjStore  *self,
                   KjDay    *day,
                   GError  **error)
{
  g_autofree char *existing = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if (day->id == NULL)
    day->id = g_uuid_string_random ();

  if (!kj_day_validate (day, error))
    return FALSE;

  if (!begin (self, error))
    return FALSE;

  existing = day_id_for_date (self, day->date, &local_error);
  if (local_error != NULL)
    {
      rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* an entry that could not be read (see kj_store_get_damage()) gives way
   * to the one the user writes for its date */
  if (existing != NULL && strcmp (existing, day->id) != 0 &&
      g_hash_table_contains (self->damaged_days, existing))
    {
      if (!delete_by_id (self, sql_delete_day, existing, error))
        {
          rollback (self);
          return FALSE;
        }
      g_clear_pointer (&existing, g_free);
    }

  if (existing != NULL && strcmp (existing, day->id) != 0)
    {
      rollback (self);
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_CONFLICT,
                   _("There is already an entry for %s."), day->date);
      return FALSE;
    }

  if (!write_day (self, day, FALSE, error) || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }

  return TRUE;
}

static gboolean
delete_record (KjStore     *self,
               const char  *sql,
               const char  *id,
               GError     **error)
{
  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  if (!delete_by_id (self, sql, id, error))
    {
      rollback (self);
      return FALSE;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      rollback (self);
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_FOUND,
                   _("The record %s is not in the journal."), id);
      return FALSE;
    }

  return commit (self, error);
}

gboolean
kj_store_delete_day (KjStore     *self,
                     const char  *id,
                     GError     **error)
{
  return delete_record (self, sql_delete_day, id, error);
}

/* Treatments */

static KjTreatment *
treatment_from_row (KjStore      *self,
                    sqlite3_stmt *stmt)
{
  g_autoptr(KjTreatment) t = kj_treatment_new (NULL, NULL);
  g_autoptr(GError) invalid = NULL;
  RowReader row = { stmt, NULL };

  t->id = row_text (&row, 0, "id");
  row_date (&row, 1, "date", t->date);
  t->kind = row_code (&row, 2, KJ_CODE_TREATMENT_KIND, "kind");
  t->minutes = row_int (&row, 3, "minutes");
  t->drug = row_code (&row, 4, KJ_CODE_DRUG, "drug");
  t->dose_mg = row_int (&row, 5, "dose_mg");
  t->exercise = row_code (&row, 6, KJ_CODE_EXERCISE, "exercise");
  t->sets = row_int (&row, 7, "sets");
  t->reps = row_int (&row, 8, "reps");
  g_free (t->notes);
  t->notes = row_text (&row, 9, "notes");

  if (row.error == NULL)
    kj_treatment_validate (t, &invalid);

  if (!row_check (self, &row, "treatment", t->date, t->id, invalid))
    return NULL;

  return g_steal_pointer (&t);
}

GPtrArray *
kj_store_list_treatments (KjStore     *self,
                          const char  *from,
                          const char  *to,
                          GError     **error)
{
  g_autoptr(GPtrArray) treatments = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_treatment_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);

  if (!(stmt = get_range_stmt (self, sql_select_treatments, from, to, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KjTreatment *t = treatment_from_row (self, stmt);

      if (t != NULL)
        g_ptr_array_add (treatments, t);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      store_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&treatments);
}

static gboolean
write_treatment (KjStore            *self,
                 const KjTreatment  *t,
                 GError            **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, sql_upsert_treatment, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, t->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, t->date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, t->kind, -1, SQLITE_STATIC);
  bind_int_or_null (stmt, 4, t->minutes);
  bind_text_or_null (stmt, 5, t->drug);
  bind_int_or_null (stmt, 6, t->dose_mg);
  bind_text_or_null (stmt, 7, t->exercise);
  bind_int_or_null (stmt, 8, t->sets);
  bind_int_or_null (stmt, 9, t->reps);
  sqlite3_bind_text (stmt, 10, t->notes ? t->notes : "", -1, SQLITE_STATIC);

  return step_done (self, stmt, error);
}

gboolean
kj_store_save_treatment (KjStore      *self,
                         KjTreatment  *treatment,
                         GError      **error)
{
  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (treatment != NULL, FALSE);

  if (treatment->id == NULL)
    treatment->id = g_uuid_string_random ();

  if (!kj_treatment_validate (treatment, error) || !begin (self, error))
    return FALSE;

  if (!write_treatment (self, treatment, error) || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * kj_store_get_last_treatment:
 * @other_kind: (nullable): a second kind that also counts
 *
 * The most recent treatment of @kind (or @other_kind) on or before
 * @on_or_before, for the quick buttons of the Today page.
 *
 * Returns: (transfer full) (nullable): the treatment, or %NULL when there is none
 */
KjTreatment *
kj_store_get_last_treatment (KjStore     *self,
                             const char  *kind,
                             const char  *other_kind,
                             const char  *on_or_before,
                             GError     **error)
{
  KjTreatment *t = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);
  g_return_val_if_fail (kind != NULL && on_or_before != NULL, NULL);

  if (!(stmt = get_stmt (self, sql_last_treatment, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, other_kind ? other_kind : kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, on_or_before, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    t = treatment_from_row (self, stmt);
  else if (rc != SQLITE_DONE)
    store_error (self, rc, error);
  sqlite3_reset (stmt);

  return t;
}

gboolean
kj_store_delete_treatment (KjStore     *self,
                           const char  *id,
                           GError     **error)
{
  return delete_record (self, sql_delete_treatment, id, error);
}

/* Runs */

GPtrArray *
kj_store_list_runs (KjStore     *self,
                    const char  *from,
                    const char  *to,
                    GError     **error)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_run_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);

  if (!(stmt = get_range_stmt (self, sql_select_runs, from, to, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(KjRun) r = kj_run_new (NULL, 0);
      g_autoptr(GError) invalid = NULL;
      RowReader row = { stmt, NULL };
      int stopped;

      r->id = row_text (&row, 0, "id");
      row_date (&row, 1, "date", r->date);
      r->distance_km = row_double (&row, 2, "distance_km");
      r->duration_s = row_int (&row, 3, "duration_s");
      r->descent_m = row_double (&row, 4, "descent_m");
      r->pain_during = row_int (&row, 5, "pain_during");
      r->pain_after = row_int (&row, 6, "pain_after");
      stopped = row_int (&row, 7, "stopped_early");
      if (stopped != 0 && stopped != 1)
        row_fail (&row, _("%s: %d is out of range %d–%d"), "stopped_early", stopped, 0, 1);
      r->stopped_early = stopped == 1;
      g_free (r->notes);
      r->notes = row_text (&row, 8, "notes");

      if (row.error == NULL)
        kj_run_validate (r, &invalid);

      if (row_check (self, &row, "run", r->date, r->id, invalid))
        g_ptr_array_add (runs, g_steal_pointer (&r));
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      store_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&runs);
}

static gboolean
write_run (KjStore      *self,
           const KjRun  *r,
           GError      **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = get_stmt (self, sql_upsert_run, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, r->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, r->date, -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 3, r->distance_km);
  bind_int_or_null (stmt, 4, r->duration_s);
  if (isnan (r->descent_m))
    sqlite3_bind_null (stmt, 5);
  else
    sqlite3_bind_double (stmt, 5, r->descent_m);
  bind_int_or_null (stmt, 6, r->pain_during);
  bind_int_or_null (stmt, 7, r->pain_after);
  sqlite3_bind_int (stmt, 8, r->stopped_early ? 1 : 0);
  sqlite3_bind_text (stmt, 9, r->notes ? r->notes : "", -1, SQLITE_STATIC);

  return step_done (self, stmt, error);
}

gboolean
kj_store_save_run (KjStore  *self,
                   KjRun    *run,
                   GError  **error)
{
  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (run != NULL, FALSE);

  if (run->id == NULL)
    run->id = g_uuid_string_random ();

  if (!kj_run_validate (run, error) || !begin (self, error))
    return FALSE;

  if (!write_run (self, run, error) || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * kj_store_add_track_run:
 * @source_hash: the SHA-256 of the GPS track it came from
 *
 * Adds a run imported from a GPS file, unless a run of the same track is
 * already in the journal (%KJ_STORE_ERROR_DUPLICATE).
 */
gboolean
kj_store_add_track_run (KjStore     *self,
                        KjRun       *run,
                        const char  *source_hash,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (run != NULL && source_hash != NULL, FALSE);

  if (run->id == NULL)
    run->id = g_uuid_string_random ();

  if (!kj_run_validate (run, error) || !begin (self, error))
    return FALSE;

  if (!(stmt = get_stmt (self, sql_run_by_hash, error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, source_hash, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_DUPLICATE,
                   _("this run is already in the journal (on %s)"), (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      goto failed;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      store_error (self, rc, error);
      goto failed;
    }

  if (!write_run (self, run, error) || !(stmt = get_stmt (self, sql_set_run_hash, error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, run->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, source_hash, -1, SQLITE_STATIC);
  if (!step_done (self, stmt, error) || !commit (self, error))
    goto failed;

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

gboolean
kj_store_delete_run (KjStore     *self,
                     const char  *id,
                     GError     **error)
{
  return delete_record (self, sql_delete_run, id, error);
}

/* The whole journal */

static KjJournal *
read_journal (KjStore  *self,
              GError  **error)
{
  g_autoptr(KjJournal) journal = kj_journal_new ();

  g_clear_pointer (&journal->days, g_ptr_array_unref);
  g_clear_pointer (&journal->treatments, g_ptr_array_unref);
  g_clear_pointer (&journal->runs, g_ptr_array_unref);

  if (!(journal->profile = kj_store_get_profile (self, error)) ||
      !(journal->days = kj_store_list_days (self, NULL, NULL, error)) ||
      !(journal->treatments = kj_store_list_treatments (self, NULL, NULL, error)) ||
      !(journal->runs = kj_store_list_runs (self, NULL, NULL, error)))
    return NULL;

  return g_steal_pointer (&journal);
}

/**
 * kj_store_read_journal:
 *
 * Reads every record in one read transaction, so that the result is
 * consistent even while another process writes.
 *
 * Returns: (transfer full): the journal
 */
KjJournal *
kj_store_read_journal (KjStore  *self,
                       GError  **error)
{
  KjJournal *journal;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);

  if (!exec_sql (self, "BEGIN", error))
    return NULL;

  /* a full read finds all the damage there is now */
  g_hash_table_remove_all (self->damage);
  g_hash_table_remove_all (self->damaged_days);

  journal = read_journal (self, error);
  rollback (self);

  return journal;
}

/* Every record type starts with its id, so that one index serves them all. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (KjDay, id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (KjTreatment, id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (KjRun, id) == 0);

static GHashTable *
index_by_id (GPtrArray *records)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < records->len; i++)
    {
      char **id = g_ptr_array_index (records, i);
      g_hash_table_insert (table, *id, id);
    }

  return table;
}

static gboolean
import_days (KjStore           *self,
             const KjJournal   *journal,
             GPtrArray         *existing,
             KjImportCounts    *counts,
             GError           **error)
{
  g_autoptr(GHashTable) by_id = index_by_id (existing);
  g_autoptr(GHashTable) by_date = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < existing->len; i++)
    {
      KjDay *day = g_ptr_array_index (existing, i);
      g_hash_table_insert (by_date, day->date, day);
    }

  for (guint i = 0; i < journal->days->len; i++)
    {
      const KjDay *day = g_ptr_array_index (journal->days, i);
      KjDay *same_date = g_hash_table_lookup (by_date, day->date);
      KjDay *same_id = g_hash_table_lookup (by_id, day->id);

      if (same_date != NULL && same_date != same_id)
        {
          /* the file's entry for this date replaces the journal's */
          if (!delete_by_id (self, sql_delete_day, same_date->id, error))
            return FALSE;
          g_hash_table_remove (by_date, same_date->date);
          g_hash_table_remove (by_id, same_date->id);
          counts->replaced++;
        }

      if (same_id != NULL && kj_day_equal (same_id, day))
        {
          counts->unchanged++;
          continue;
        }

      if (same_id != NULL && g_hash_table_lookup (by_date, same_id->date) == same_id)
        g_hash_table_remove (by_date, same_id->date);

      if (!write_day (self, day, same_id == NULL, error))
        return FALSE;

      if (same_id != NULL)
        counts->updated++;
      else
        counts->added++;
    }

  return TRUE;
}

typedef gboolean (*RecordEqualFunc) (gconstpointer a, gconstpointer b);
typedef gboolean (*RecordWriteFunc) (KjStore *self, gconstpointer record, GError **error);

static gboolean
import_records (KjStore          *self,
                GPtrArray        *records,
                GPtrArray        *existing,
                RecordEqualFunc   equal,
                RecordWriteFunc   write,
                KjImportCounts   *counts,
                GError          **error)
{
  g_autoptr(GHashTable) by_id = index_by_id (existing);

  for (guint i = 0; i < records->len; i++)
    {
      char **record = g_ptr_array_index (records, i);
      gconstpointer old = g_hash_table_lookup (by_id, *record);

      if (old != NULL && equal (old, record))
        {
          counts->unchanged++;
          continue;
        }

      if (!write (self, record, error))
        return FALSE;

      if (old != NULL)
        counts->updated++;
      else
        counts->added++;
    }

  return TRUE;
}

/**
 * kj_store_import:
 * @journal: validated records (see kj_json_parse())
 * @stats: (out) (optional): what was added, updated and left unchanged
 *
 * Merges @journal into the store in one transaction: records are matched by
 * id; a day entry whose date holds another id in the store replaces it. A
 * record equal to the stored one is not written, so importing the same file
 * twice changes nothing. On error nothing is changed.
 */
gboolean
kj_store_import (KjStore          *self,
                 const KjJournal  *journal,
                 KjImportStats    *stats,
                 GError          **error)
{
  g_autoptr(KjJournal) existing = NULL;
  KjImportStats local_stats = { 0 };
  gboolean changed;

  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (journal != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  if (!(existing = read_journal (self, error)))
    goto failed;

  if (journal->profile != NULL && !kj_profile_equal (journal->profile, existing->profile))
    {
      if (!write_profile (self, journal->profile, error))
        goto failed;
      local_stats.profile_changed = TRUE;
    }

  if (!import_days (self, journal, existing->days, &local_stats.days, error) ||
      !import_records (self, journal->treatments, existing->treatments,
                       (RecordEqualFunc) kj_treatment_equal, (RecordWriteFunc) write_treatment,
                       &local_stats.treatments, error) ||
      !import_records (self, journal->runs, existing->runs,
                       (RecordEqualFunc) kj_run_equal, (RecordWriteFunc) write_run,
                       &local_stats.runs, error))
    goto failed;

  changed = local_stats.profile_changed ||
            local_stats.days.added + local_stats.days.updated + local_stats.days.replaced > 0 ||
            local_stats.treatments.added + local_stats.treatments.updated > 0 ||
            local_stats.runs.added + local_stats.runs.updated > 0;

  if (changed)
    {
      if (!commit (self, error))
        goto failed;
    }
  else
    rollback (self);

  if (stats != NULL)
    *stats = local_stats;

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/**
 * kj_store_backup:
 * @dest: where the copy goes (created 0600)
 *
 * Copies the journal with SQLite's online backup API: a consistent copy even
 * while the journal is in use.
 */
gboolean
kj_store_backup (KjStore     *self,
                 const char  *dest,
                 GError     **error)
{
  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  return backup_to (self, dest, error);
}

static const char sql_restore_rows[] =
  "DELETE FROM main.day_locations; DELETE FROM main.day_symptoms; DELETE FROM main.day_aggravators;"
  "DELETE FROM main.days; DELETE FROM main.treatments; DELETE FROM main.runs; DELETE FROM main.profile;"
  "INSERT INTO main.profile SELECT * FROM trial.profile;"
  "INSERT INTO main.days SELECT * FROM trial.days;"
  "INSERT INTO main.day_locations SELECT * FROM trial.day_locations;"
  "INSERT INTO main.day_symptoms SELECT * FROM trial.day_symptoms;"
  "INSERT INTO main.day_aggravators SELECT * FROM trial.day_aggravators;"
  "INSERT INTO main.treatments SELECT * FROM trial.treatments;"
  "INSERT INTO main.runs SELECT * FROM trial.runs;";

/* Runs @sql on @db; sets @error about the journal at @path */
static gboolean
exec_on (sqlite3     *db,
         const char  *sql,
         const char  *path,
         GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      kj_store_set_sqlite_error (error, db, rc, path);
      return FALSE;
    }

  return TRUE;
}

/* Copies the journal to @safety_copy and then the rows of the checked trial
 * copy into it, with no commit of another program in between: a change is
 * either in the safety copy or made on top of the restored journal, never
 * lost between the two. A connection of its own holds the write lock over
 * both steps (the store's connection cannot be the source of the copy while
 * it holds it). The trial has the journal's schema exactly, so its rows go
 * in as they are, whatever its page size. */
static gboolean
restore_from (KjStore     *self,
              const char  *trial_path,
              const char  *safety_copy,
              GError     **error)
{
  g_autofree char *safety_display = g_filename_display_name (safety_copy);
  sqlite3_stmt *attach = NULL;
  sqlite3 *writer = NULL;
  gboolean done = FALSE;
  int rc;

  rc = sqlite3_open_v2 (self->path, &writer, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      kj_store_harden_connection (writer);
      sqlite3_busy_timeout (writer, KJ_STORE_BUSY_TIMEOUT_MS);
      rc = sqlite3_prepare_v2 (writer, "ATTACH DATABASE ?1 AS trial", -1, &attach, NULL);
    }
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (attach, 1, trial_path, -1, SQLITE_STATIC);
      rc = sqlite3_step (attach);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (attach);

  if (rc != SQLITE_OK)
    kj_store_set_sqlite_error (error, writer, rc, self->path);
  else if (exec_on (writer, "PRAGMA foreign_keys = ON; BEGIN IMMEDIATE", self->path, error))
    {
      if (!copy_database (self->db, safety_copy, FALSE, error))
        g_prefix_error (error, _("The journal could not be copied before the restore, so nothing was restored: "));
      else if (!exec_on (writer, sql_restore_rows, self->path, error) ||
               !exec_on (writer, "COMMIT", self->path, error))
        g_prefix_error (error, _("The backup could not be restored (the journal as it was is in “%s”): "),
                        safety_display);
      else
        done = TRUE;

      /* a copy already made stays: it is the journal as it was */
      if (!done)
        sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL);
    }

  sqlite3_close_v2 (writer);

  return done;
}

/* Removes the trial copy of a restore, and the copy its migration made */
static void
remove_trial (const char *trial_path)
{
  remove_created (trial_path);
  for (int v = 1; v < KJ_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *before_migration = g_strdup_printf ("%s.bak-v%d", trial_path, v);

      g_unlink (before_migration);
    }
}

/**
 * kj_store_restore:
 * @backup: a copy made by kj_store_backup()
 * @safety_copy: where the journal as it is now is copied first
 *
 * Replaces the journal's contents with @backup, after checking that it is a
 * Knee Journal no newer than this version and after copying the journal as
 * it is to @safety_copy. On error the journal is unchanged.
 */
gboolean
kj_store_restore (KjStore     *self,
                  const char  *backup,
                  const char  *safety_copy,
                  GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *trial_path = NULL;
  g_autoptr(KjStore) trial = NULL;
  g_autoptr(GError) local_error = NULL;
  KjFileInfo info = { 0, TRUE };
  sqlite3 *source = NULL;
  GStatBuf st;
  int rc;

  g_return_val_if_fail (KJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup != NULL && safety_copy != NULL, FALSE);

  display = g_filename_display_name (backup);

  if (g_stat (backup, &st) != 0)
    {
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_FOUND, _("There is no backup “%s”."), display);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a file."), display);

      kj_store_refuse_file (error, KJ_STORE_ERROR_NOT_A_DATABASE, KJ_FILE_ROLE_BACKUP, message);
      return FALSE;
    }

  if (st.st_size == 0)
    {
      g_set_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_A_JOURNAL, _("The backup “%s” is empty."), display);
      return FALSE;
    }

  if (self->device == st.st_dev && self->inode == st.st_ino)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is the journal itself, not a backup of it."), display);

      kj_store_refuse_file (error, KJ_STORE_ERROR_INVALID, KJ_FILE_ROLE_BACKUP, message);
      return FALSE;
    }

  /* header, application id, version, exact schema and every page */
  if (!kj_store_inspect_file (backup, KJ_FILE_ROLE_BACKUP, &info, error))
    return FALSE;

  /* a trial on a copy: it must open and migrate as a journal would */
  trial_path = g_strdup_printf ("%s.check-%08x", safety_copy, g_random_int ());
  remove_trial (trial_path);
  rc = sqlite3_open_v2 (backup, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      kj_store_harden_connection (source);
      if (copy_database (source, trial_path, FALSE, &local_error))
        trial = kj_store_open (trial_path, &local_error);
    }
  else
    kj_store_set_sqlite_error (&local_error, source, rc, backup);
  sqlite3_close_v2 (source);

  /* and every row must read as an import would take it */
  if (trial != NULL)
    {
      g_autoptr(GPtrArray) damage = kj_store_scan_damage (trial, &local_error);

      if (damage != NULL && damage->len > 0)
        {
          g_set_error (&local_error, KJ_STORE_ERROR, KJ_STORE_ERROR_DAMAGED,
                       ngettext ("it holds %u damaged record (%s).", "it holds %u damaged records (the first: %s).",
                                 damage->len),
                       damage->len, (const char *) g_ptr_array_index (damage, 0));
        }
      if (local_error != NULL)
        g_clear_object (&trial);
    }

  if (trial == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The backup “%s” cannot be used: %s"), display,
                                                  local_error->message);

      remove_trial (trial_path);
      kj_store_refuse_file (error, local_error->code == KJ_STORE_ERROR_FULL ? KJ_STORE_ERROR_FULL : KJ_STORE_ERROR_DAMAGED,
                   KJ_FILE_ROLE_BACKUP, message);
      return FALSE;
    }

  /* closed: its log is in its file now */
  g_clear_object (&trial);

  if (!restore_from (self, trial_path, safety_copy, error))
    {
      remove_trial (trial_path);
      return FALSE;
    }

  remove_trial (trial_path);

  /* statements prepared for the old schema are prepared again */
  g_hash_table_remove_all (self->statements);
  self->schema_version = KJ_STORE_SCHEMA_VERSION;

  return TRUE;
}
