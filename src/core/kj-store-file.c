/* kj-store-file.c — is a file a journal that Knee Journal can trust?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before a file is used as the journal, or restored as a backup, it is looked
 * at through a read-only connection, and refused without a byte written when
 * it is not ours, is newer than us, holds anything the migrations did not
 * create, or fails SQLite's checks of its pages.
 *
 * Files are only ever read through SQLite. POSIX advisory locks belong to the
 * process, and close() of any descriptor on a file drops all of them: a
 * plain open() and close() of the journal while a connection holds it would
 * let another process take it for unused, checkpoint it and delete its
 * write-ahead log under our feet. SQLite's own VFS keeps such descriptors
 * open until the last connection to the file closes.
 */
#define G_LOG_DOMAIN "knee-journal-store"

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "kj-store.h"
#include "kj-store-private.h"
#include "kj-store-schema.h"
#include "kj-store-schema-expected.h"

/* The journals that stores of this process have open, by device and inode.
 * While one is open, nothing may open and close a descriptor of its own on
 * the file or its -shm (nor an immutable SQLite connection, which does the
 * same): that would drop the store's locks. */
static GMutex open_here_mutex;
static GHashTable *open_here;   /* "dev:inode" → number of stores */

static char *
file_key (dev_t device,
          ino_t inode)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT, (guint64) device, (guint64) inode);
}

void
kj_store_file_opened (dev_t device,
                      ino_t inode)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&open_here_mutex);
  char *key = file_key (device, inode);

  if (open_here == NULL)
    open_here = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_replace (open_here, key,
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (open_here, key)) + 1));
}

void
kj_store_file_closed (dev_t device,
                      ino_t inode)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&open_here_mutex);
  g_autofree char *key = file_key (device, inode);
  guint n = open_here ? GPOINTER_TO_UINT (g_hash_table_lookup (open_here, key)) : 0;

  if (n > 1)
    g_hash_table_replace (open_here, g_steal_pointer (&key), GUINT_TO_POINTER (n - 1));
  else if (n == 1)
    g_hash_table_remove (open_here, key);
}

/* Whether a store of this process has @path open */
gboolean
kj_store_file_is_open_here (const char *path)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&open_here_mutex);
  g_autofree char *key = NULL;
  GStatBuf st;

  if (open_here == NULL || g_stat (path, &st) != 0)
    return FALSE;

  key = file_key (st.st_dev, st.st_ino);
  return g_hash_table_contains (open_here, key);
}

/* Every connection: nothing stored in the file runs code of its own */
void
kj_store_harden_connection (sqlite3 *db)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_extended_result_codes (db, TRUE);
}

/* Sets @error to @message about @path, with what happened to it in words. */
void
kj_store_refuse_file (GError     **error,
                      int          code,
                      KjFileRole   role,
                      const char  *message)
{
  if (role == KJ_FILE_ROLE_BACKUP)
    g_set_error (error, KJ_STORE_ERROR, code, "%s %s", message,
                 _("The backup was not restored; your journal is unchanged."));
  else
    g_set_error (error, KJ_STORE_ERROR, code, "%s %s", message, _("It was left unchanged."));
}

int
kj_store_query_int (sqlite3    *db,
                    const char *sql,
                    int        *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  return rc;
}

/* The first line of PRAGMA integrity_check or quick_check: NULL when "ok" */
static char *
check_integrity (sqlite3    *db,
                 const char *pragma,
                 int        *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  char *problem = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (text, "ok") != 0)
            problem = g_utf8_make_valid (text ? text : "?", -1);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK && problem == NULL)
    problem = g_strdup (sqlite3_errstr (rc));
  *rc_out = rc;

  return problem;
}

/* The schema objects (type, name) → "tbl_name\nsql" of a database */
static GHashTable *
read_schema (sqlite3 *db,
             int     *rc_out)
{
  GHashTable *schema = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema", -1, &stmt, NULL);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *table = (const char *) sqlite3_column_text (stmt, 2);
      const char *sql = (const char *) sqlite3_column_text (stmt, 3);

      /* the statistics tables of ANALYZE steer the query planner and nothing else */
      if (g_strcmp0 (type, "table") == 0 &&
          (g_strcmp0 (name, "sqlite_stat1") == 0 || g_strcmp0 (name, "sqlite_stat4") == 0))
        continue;

      g_hash_table_insert (schema, g_strdup_printf ("%s\n%s", type ? type : "", name ? name : ""),
                           g_strdup_printf ("%s\n%s", table ? table : "", sql ? sql : ""));
    }
  sqlite3_finalize (stmt);
  *rc_out = rc == SQLITE_DONE ? SQLITE_OK : rc;

  return schema;
}

/* The schema that the migrations up to @version create: replayed at build
 * time by kj-schema-gen (replaying them here was 50 million instructions at
 * every start), made a table once */
static GHashTable *
expected_schema (int version)
{
  static GHashTable *schemas[KJ_STORE_SCHEMA_VERSION + 1];
  static GMutex mutex;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&mutex);

  G_STATIC_ASSERT (G_N_ELEMENTS (kj_store_expected_schemas) == KJ_STORE_SCHEMA_VERSION + 1);

  if (schemas[version] == NULL)
    {
      schemas[version] = g_hash_table_new (g_str_hash, g_str_equal);
      for (const KjSchemaObject *o = kj_store_expected_schemas[version]; o->key != NULL; o++)
        g_hash_table_insert (schemas[version], (gpointer) o->key, (gpointer) o->value);
    }

  return schemas[version];
}

static const char *
schema_object_words (const char *key)
{
  if (g_str_has_prefix (key, "trigger\n"))
    return _("trigger");
  if (g_str_has_prefix (key, "view\n"))
    return _("view");
  if (g_str_has_prefix (key, "index\n"))
    return _("index");
  if (g_str_has_prefix (key, "table\n"))
    return _("table");
  return _("object");
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Appends “trigger “wipe”” for each key of @keys to @list */
static void
list_schema_objects (GString   *list,
                     GPtrArray *keys)
{
  g_ptr_array_sort (keys, compare_keys);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      g_autofree char *name = g_utf8_make_valid (strchr (key, '\n') + 1, -1);

      if (list->len > 0)
        g_string_append (list, ", ");
      /* Translators: a part of a database, like “trigger “wipe”” */
      g_string_append_printf (list, _("%s “%s”"), schema_object_words (key), name);
    }
}

static gboolean
schemas_equal (GHashTable *a,
               GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (g_hash_table_lookup (b, key), value) != 0)
      return FALSE;

  return TRUE;
}

/* Compares the file's schema with the one of @version; sets @error on any difference. */
static gboolean
check_schema (sqlite3     *db,
              const char  *path,
              int          version,
              KjFileRole     role,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GHashTable) actual = NULL;
  g_autoptr(GPtrArray) extra = g_ptr_array_new ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *message = NULL;
  GHashTable *expected = expected_schema (version);
  GHashTableIter iter;
  gpointer key, value;
  int other;
  int rc;

  actual = read_schema (db, &rc);
  if (rc != SQLITE_OK)
    {
      kj_store_set_sqlite_error (error, db, rc, path);
      return FALSE;
    }

  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *want = g_hash_table_lookup (expected, key);

      if (want == NULL)
        g_ptr_array_add (extra, key);
      else if (strcmp (want, value) != 0)
        g_ptr_array_add (changed, key);
    }

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (actual, key))
      g_ptr_array_add (missing, key);

  if (extra->len == 0 && missing->len == 0 && changed->len == 0)
    return TRUE;

  for (other = 1; other <= KJ_STORE_SCHEMA_VERSION; other++)
    if (other != version && schemas_equal (actual, expected_schema (other)))
      break;

  if (other <= KJ_STORE_SCHEMA_VERSION)
    message = g_strdup_printf (_("“%s” says it is of format %d, but it holds a journal of format %d: another "
                                 "program changed its format number."), display, version, other);
  else if (extra->len > 0)
    {
      list_schema_objects (list, extra);
      message = g_strdup_printf (_("“%s” holds things that Knee Journal did not put there (%s). They could change or "
                                   "delete records behind Knee Journal’s back."),
                                 display, list->str);
    }
  else if (g_hash_table_size (actual) == 0)
    message = g_strdup_printf (_("“%s” is marked as a Knee Journal, but all of its tables are missing: it is "
                                 "damaged or not a journal."), display);
  else if (missing->len > 0)
    {
      list_schema_objects (list, missing);
      message = g_strdup_printf (_("“%s” is damaged: parts of a Knee Journal are missing (%s)."),
                                 display, list->str);
    }
  else
    {
      list_schema_objects (list, changed);
      message = g_strdup_printf (_("“%s” has parts that another program changed (%s): it is not a journal "
                                   "that Knee Journal can trust."), display, list->str);
    }

  kj_store_refuse_file (error, KJ_STORE_ERROR_NOT_A_JOURNAL, role, message);
  return FALSE;
}

/* Whether a write-ahead log with frames lies beside @path */
static gboolean
has_wal_frames (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 32;
}

/* Whether a connection of another process uses the journal's -shm: every
 * live connection holds a read lock on its "dead man switch" byte (128, in
 * SQLite's unix VFS). Only for a journal that this process does not have
 * open: closing our descriptor would drop our own locks. */
static gboolean
shm_in_use (const char *path)
{
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 128, .l_len = 1 };
  gboolean in_use;
  int fd;

  fd = g_open (shm, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;

  in_use = fcntl (fd, F_GETLK, &lock) != 0 || lock.l_type != F_UNLCK;
  close (fd);

  return in_use;
}

/* A write-ahead log with frames that no connection uses, in this process or
 * another: a crash left it, or it was copied here, perhaps from another
 * journal (with or without a -shm file). */
static gboolean
has_orphan_wal (const char *path)
{
  return has_wal_frames (path) && !kj_store_file_is_open_here (path) && !shm_in_use (path);
}

static guint32
read_u32 (const guchar *p,
          gboolean      big_endian)
{
  return big_endian ? (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3]
                    : (guint32) p[3] << 24 | (guint32) p[2] << 16 | (guint32) p[1] << 8 | p[0];
}

/* SQLite's WAL checksum (https://sqlite.org/fileformat2.html#walformat) */
static void
wal_checksum (const guchar *data,
              gsize         length,
              gboolean      big_endian,
              guint32       sum[2])
{
  for (gsize i = 0; i + 8 <= length; i += 8)
    {
      sum[0] += read_u32 (data + i, big_endian) + sum[1];
      sum[1] += read_u32 (data + i + 4, big_endian) + sum[0];
    }
}

/* The number of frames of a log that SQLite would drop without a word:
 * those of the log's own generation (its salts) that follow a frame whose
 * checksum fails. SQLite replays a log up to its first bad frame; a torn
 * last frame is normal after a crash, but a bad frame with good ones after
 * it means changes lost. Only for a log that no connection uses (see
 * has_orphan_wal()). */
static guint
count_frames_after_damage (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *contents = NULL;
  const guchar *data;
  guint32 magic, page_size, salt[2], sum[2] = { 0, 0 };
  gboolean big_endian, damaged = FALSE;
  guint after = 0;
  gsize length, frame_size;

  if (!g_file_get_contents (wal, &contents, &length, NULL) || length < 32)
    return 0;

  data = (const guchar *) contents;
  magic = read_u32 (data, TRUE);
  if (magic != 0x377f0682 && magic != 0x377f0683)
    return 0;

  big_endian = (magic & 1) != 0;
  page_size = read_u32 (data + 8, TRUE);
  salt[0] = read_u32 (data + 16, TRUE);
  salt[1] = read_u32 (data + 20, TRUE);
  wal_checksum (data, 24, big_endian, sum);
  if (page_size < 512 || page_size > 65536 || sum[0] != read_u32 (data + 24, TRUE) ||
      sum[1] != read_u32 (data + 28, TRUE))
    return 0;

  frame_size = 24 + (gsize) page_size;
  for (gsize offset = 32; offset + frame_size <= length; offset += frame_size)
    {
      const guchar *frame = data + offset;
      gboolean same_log = read_u32 (frame + 8, TRUE) == salt[0] && read_u32 (frame + 12, TRUE) == salt[1];

      if (damaged)
        {
          after += same_log;
          continue;
        }

      wal_checksum (frame, 8, big_endian, sum);
      wal_checksum (frame + 24, page_size, big_endian, sum);
      if (!same_log || sum[0] != read_u32 (frame + 16, TRUE) || sum[1] != read_u32 (frame + 20, TRUE))
        damaged = TRUE;
    }

  return after;
}

/* Up to @max ids of day entries in the main file alone, the log left aside.
 * Only for a journal that no connection has open (see has_orphan_wal()): an
 * immutable connection takes no locks and closes its file descriptor
 * directly, which would drop the locks of any other connection in this
 * process. */
static GPtrArray *
main_file_day_ids (const char *path,
                   guint       max)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *immutable = g_strconcat (uri ? uri : "", "?mode=ro&immutable=1", NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  if (uri != NULL &&
      sqlite3_open_v2 (immutable, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
      (kj_store_harden_connection (db), TRUE) &&
      sqlite3_prepare_v2 (db, "SELECT id FROM days ORDER BY id LIMIT ?1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int (stmt, 1, max);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);

  return ids;
}

/* How many of @ids are day entries of @db */
static guint
count_days (sqlite3   *db,
            GPtrArray *ids)
{
  sqlite3_stmt *stmt = NULL;
  guint found = 0;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM days WHERE id = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return 0;

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (ids, i), -1, SQLITE_STATIC);
      found += sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);

  return found;
}

/* The message for a journal whose pages, with the log beside it, do not hold together */
static char *
foreign_wal_message (const char *path,
                     const char *problem)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *wal_display = g_filename_display_name (wal);

  return g_strdup_printf (_("“%s” is damaged, or the write-ahead log “%s” beside it belongs to another "
                            "database (%s). Move the log away or restore a backup."),
                          display, wal_display, problem);
}

/* What lies beside the file, and what the file is to the file system:
 * - a rollback journal (-journal): Knee Journal keeps its journal in WAL
 *   mode, so a hot one is an unfinished change of another program, or a
 *   file from elsewhere, and SQLite would play it into the journal;
 * - a -wal or -shm that is not a file;
 * - a second name (a hard link): a program opening the journal by the other
 *   name keeps a log of its own beside it, and changes are lost between them. */
static gboolean
check_companions (const char  *path,
                  KjFileRole   role,
                  GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *rollback = g_strconcat (path, "-journal", NULL);
  g_autofree char *message = NULL;
  const char *suffixes[] = { "-wal", "-shm" };
  GStatBuf st;

  if (g_stat (rollback, &st) == 0 && (!S_ISREG (st.st_mode) || st.st_size > 0))
    {
      g_autofree char *rollback_display = g_filename_display_name (rollback);

      message = g_strdup_printf (_("“%s” lies beside “%s”: an unfinished change by another program, or a file from "
                                   "elsewhere. Knee Journal does not play it into the journal. Move it away, or "
                                   "restore a backup."), rollback_display, display);
      kj_store_refuse_file (error, KJ_STORE_ERROR_DAMAGED, role, message);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (path, suffixes[i], NULL);

      if (g_lstat (companion, &st) == 0 && !S_ISREG (st.st_mode))
        {
          g_autofree char *companion_display = g_filename_display_name (companion);

          message = g_strdup_printf (_("“%s” beside the journal is not a file. Move it away."), companion_display);
          kj_store_refuse_file (error, KJ_STORE_ERROR_DAMAGED, role, message);
          return FALSE;
        }
    }

  if (role == KJ_FILE_ROLE_JOURNAL && g_stat (path, &st) == 0 && st.st_nlink > 1)
    {
      message = g_strdup_printf (_("“%s” has another name as well (a hard link). Programs that open it by different "
                                   "names keep separate logs beside it, and changes get lost between them. Keep one "
                                   "name: remove the other link, or copy the journal."), display);
      kj_store_refuse_file (error, KJ_STORE_ERROR_INVALID, role, message);
      return FALSE;
    }

  return TRUE;
}

/* Looks at an existing, non-empty file through a read-only connection and
 * decides whether it is a journal of ours that can be trusted, without
 * writing a byte to it: the header, the application id, the version, the
 * exact schema of that version, and SQLite's integrity_check of its pages
 * and indexes. */
gboolean
kj_store_inspect_file (const char  *path,
                       KjFileRole   role,
                       KjFileInfo  *info,
                       GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *message = NULL;
  g_autofree char *problem = NULL;
  gboolean wal_frames = has_wal_frames (path);
  g_autoptr(GPtrArray) main_ids = NULL;
  guint lost;
  sqlite3 *db = NULL;
  int application_id = 0;
  int user_version = 0;
  int n_objects = 0;
  int rc;

  /* before a connection of ours makes a -shm file for it */
  if (!check_companions (path, role, error))
    return FALSE;

  if (role == KJ_FILE_ROLE_JOURNAL && has_orphan_wal (path))
    main_ids = main_file_day_ids (path, 64);

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
      g_autofree char *immutable = g_strconcat (uri ? uri : "", "?mode=ro&immutable=1", NULL);

      /* A journal in WAL mode cannot be read without its -shm file, which a
       * read-only folder cannot hold: then look at the main file as it is
       * (not while a store of ours has it open: see kj_store_file_is_open_here()). */
      if (attempt == 0)
        rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
      else
        rc = sqlite3_open_v2 (immutable, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);

      if (db != NULL)
        {
          kj_store_harden_connection (db);
          sqlite3_busy_timeout (db, KJ_STORE_BUSY_TIMEOUT_MS);
        }
      if (rc == SQLITE_OK)
        rc = kj_store_query_int (db, "PRAGMA application_id", &application_id);
      if (rc == SQLITE_OK)
        rc = kj_store_query_int (db, "PRAGMA user_version", &user_version);
      if (rc == SQLITE_OK)
        rc = kj_store_query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects);

      if (((rc & 0xff) != SQLITE_CANTOPEN && (rc & 0xff) != SQLITE_READONLY) || uri == NULL ||
          attempt == 1 || kj_store_file_is_open_here (path))
        break;

      g_clear_pointer (&db, sqlite3_close_v2);
    }

  if ((rc & 0xff) == SQLITE_NOTADB)
    {
      message = g_strdup_printf (_("“%s” is not a Knee Journal: it is not an SQLite file, or it is cut short."),
                                 display);
      kj_store_refuse_file (error, KJ_STORE_ERROR_NOT_A_DATABASE, role, message);
      goto out;
    }

  if ((rc & 0xff) == SQLITE_CORRUPT)
    {
      if (wal_frames && role == KJ_FILE_ROLE_JOURNAL)
        message = foreign_wal_message (path, sqlite3_errmsg (db));
      else
        message = g_strdup_printf (_("“%s” is damaged (%s)."), display, sqlite3_errmsg (db));
      kj_store_refuse_file (error, KJ_STORE_ERROR_DAMAGED, role, message);
      goto out;
    }

  if (rc != SQLITE_OK)
    {
      kj_store_set_sqlite_error (error, db, rc, path);
      goto out;
    }

  if ((guint32) application_id != KJ_STORE_APPLICATION_ID && (application_id != 0 || n_objects > 0))
    {
      message = g_strdup_printf (_("“%s” is an SQLite database of another application, not a Knee Journal."),
                                 display);
      kj_store_refuse_file (error, KJ_STORE_ERROR_NOT_A_JOURNAL, role, message);
      rc = SQLITE_ERROR;
      goto out;
    }

  if (user_version > KJ_STORE_SCHEMA_VERSION)
    {
      message = g_strdup_printf (_("“%s” was written by a newer version of Knee Journal (format %d; this version "
                                   "knows up to %d). Update Knee Journal to open it."),
                                 display, user_version, KJ_STORE_SCHEMA_VERSION);
      kj_store_refuse_file (error, KJ_STORE_ERROR_TOO_NEW, role, message);
      rc = SQLITE_ERROR;
      goto out;
    }

  if (user_version < 0)
    {
      message = g_strdup_printf (_("“%s” gives an impossible format number (%d): it is damaged or not a Knee "
                                   "Journal."), display, user_version);
      kj_store_refuse_file (error, KJ_STORE_ERROR_NOT_A_JOURNAL, role, message);
      rc = SQLITE_ERROR;
      goto out;
    }

  info->user_version = user_version;
  info->blank = user_version == 0 && n_objects == 0;

  if (info->blank && role == KJ_FILE_ROLE_BACKUP)
    {
      message = g_strdup_printf (_("“%s” is an empty SQLite file: it holds no journal."), display);
      kj_store_refuse_file (error, KJ_STORE_ERROR_NOT_A_JOURNAL, role, message);
      rc = SQLITE_ERROR;
      goto out;
    }

  if (!check_schema (db, path, user_version, role, error))
    {
      rc = SQLITE_ERROR;
      goto out;
    }

  /* integrity_check, not quick_check: it also finds an index that no longer
   * matches its table, such as two entries for one date. It reads every page
   * once: SQLite's default cache (2 MB) would only add to the peak memory of
   * every command and of the window's start, and a small one is as fast. */
  sqlite3_exec (db, "PRAGMA cache_size = -256", NULL, NULL, NULL);
  problem = check_integrity (db, "PRAGMA integrity_check (1)", &rc);
  if (problem != NULL)
    {
      if (wal_frames && role == KJ_FILE_ROLE_JOURNAL)
        message = foreign_wal_message (path, problem);
      else
        message = g_strdup_printf (_("“%s” is damaged (%s)."), display, problem);
      kj_store_refuse_file (error, KJ_STORE_ERROR_DAMAGED, role, message);
      rc = SQLITE_ERROR;
      goto out;
    }

  /* a log damaged in the middle: SQLite would drop what follows the damage */
  if (main_ids != NULL && (lost = count_frames_after_damage (path)) > 0)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *wal_display = g_filename_display_name (wal);

      message = g_strdup_printf (ngettext ("The write-ahead log “%s” of “%s” is damaged in the middle: %u page "
                                           "written after the damage would be lost without a word. Keep both files "
                                           "as they are for someone who can repair them, or restore a backup.",
                                           "The write-ahead log “%s” of “%s” is damaged in the middle: %u pages "
                                           "written after the damage would be lost without a word. Keep both files "
                                           "as they are for someone who can repair them, or restore a backup.",
                                           lost),
                                 wal_display, display, lost);
      kj_store_refuse_file (error, KJ_STORE_ERROR_DAMAGED, role, message);
      rc = SQLITE_ERROR;
      goto out;
    }

  /* A log of this journal changes a few days at a time: one that takes away
   * most of the main file's days is another journal's */
  if (main_ids != NULL && main_ids->len > 0 && count_days (db, main_ids) * 2 < main_ids->len)
    {
      message = foreign_wal_message (path, _("most of the journal’s days are gone with it"));
      kj_store_refuse_file (error, KJ_STORE_ERROR_DAMAGED, role, message);
      rc = SQLITE_ERROR;
      goto out;
    }

out:
  sqlite3_close_v2 (db);

  /* A refused log stays as it was found. The -shm file our connection made
   * is left too: removing it could pull it from under a program that opened
   * the journal meanwhile, and it does not hide the log from the next look. */

  return rc == SQLITE_OK;
}

