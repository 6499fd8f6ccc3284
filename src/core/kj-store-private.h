/* kj-store-private.h — shared by the files of KjStore, not a public API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KjStore is one class in several files, each named for what it does:
 * kj-store.c (the class, statements and transactions, the profile, the whole
 * journal), kj-store-rows.c (reading rows as hostile), kj-store-days.c,
 * kj-store-treatments.c, kj-store-runs.c, kj-store-shoes.c, kj-store-episodes.c and kj-store-questionnaires.c
 * (the records), kj-store-open.c
 * (the file's life: create, refuse, open, migrate), kj-store-backup.c (backup
 * and restore), kj-store-import.c (the all-or-nothing merge) and
 * kj-store-file.c (the read-only look at a file before it is used).
 */
#pragma once

#include <sqlite3.h>
#include <sys/types.h>

#include "kj-store.h"

G_BEGIN_DECLS

/* How long a connection waits for another program's lock */
#define KJ_STORE_BUSY_TIMEOUT_MS 5000

/* Rows of @column (a date) from ?1 to ?2, either NULL for no bound. Written
 * so that SQLite reads only that range of the date's index: a bound of
 * "?1 IS NULL OR …" makes it read the whole index, for one day as for all.
 * Without a bound every row is read, a damaged date too: another program can
 * store one past the CHECK (kj_store_open()'s integrity check, read-only,
 * does not run the CHECKs), and it must be reported as damage, not left out
 * unseen. The dates are text (the tables are STRICT): no text sorts before
 * '', and every text sorts before a blob, so x'' leaves none out, "zzz"
 * included. A whole journal is read by statements without the bounds
 * (_kj_store_get_dates_stmt()). */
#define KJ_STORE_SQL_DATES(column) \
  " " column " >= coalesce (?1, '') AND " column " <= coalesce (?2, x'')"

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

/* Rows are read as hostile: another program may have stored anything in the
 * file, with the CHECK constraints turned off. Each field is taken as the
 * type it must be, and the first problem is kept in @error, in the words of
 * the import's validation (kj-store-rows.c). */
typedef struct
{
  sqlite3_stmt *stmt;
  GError       *error;
} KjRowReader;

/* What a file is looked at as: the words of a refusal depend on it */
typedef enum
{
  KJ_FILE_ROLE_JOURNAL,
  KJ_FILE_ROLE_BACKUP,
} KjFileRole;

typedef struct
{
  int       user_version;
  gboolean  blank;          /* an SQLite file with nothing in it yet */
} KjFileInfo;

void      kj_store_set_sqlite_error  (GError     **error,
                                      sqlite3     *db,
                                      int          rc,
                                      const char  *path);
void      kj_store_harden_connection (sqlite3     *db);
int       kj_store_query_int         (sqlite3     *db,
                                      const char  *sql,
                                      int         *out);
void      kj_store_refuse_file       (GError     **error,
                                      int          code,
                                      KjFileRole   role,
                                      const char  *message);
void      kj_store_file_opened       (dev_t        device,
                                      ino_t        inode);
void      kj_store_file_closed       (dev_t        device,
                                      ino_t        inode);
gboolean  kj_store_file_is_open_here (const char  *path);
gboolean  kj_store_inspect_file      (const char  *path,
                                      KjFileRole   role,
                                      KjFileInfo  *info,
                                      GError     **error);

/* kj-store.c: errors, statements and transactions of the store's connection */
gboolean       _kj_store_fail              (KjStore           *self,
                                            int                rc,
                                            GError           **error);
sqlite3_stmt  *_kj_store_get_stmt          (KjStore           *self,
                                            const char        *sql,
                                            GError           **error);
void           _kj_store_bind_text_or_null (sqlite3_stmt      *stmt,
                                            int                index,
                                            const char        *text);
void           _kj_store_bind_int_or_null  (sqlite3_stmt      *stmt,
                                            int                index,
                                            int                value);
sqlite3_stmt  *_kj_store_get_range_stmt    (KjStore           *self,
                                            const char        *sql,
                                            const char        *from,
                                            const char        *to,
                                            GError           **error);
sqlite3_stmt  *_kj_store_get_dates_stmt    (KjStore           *self,
                                            const char        *ranged,
                                            const char        *all,
                                            const char        *from,
                                            const char        *to,
                                            GError           **error);
gboolean       _kj_store_step_done         (KjStore           *self,
                                            sqlite3_stmt      *stmt,
                                            GError           **error);
gboolean       _kj_store_delete_by_id      (KjStore           *self,
                                            const char        *sql,
                                            const char        *id,
                                            GError           **error);
gboolean       _kj_store_delete_record     (KjStore           *self,
                                            const char        *sql,
                                            const char        *id,
                                            GError           **error);
gboolean       _kj_store_exec              (KjStore           *self,
                                            const char        *sql,
                                            GError           **error);
gboolean       _kj_store_begin             (KjStore           *self,
                                            GError           **error);
gboolean       _kj_store_commit            (KjStore           *self,
                                            GError           **error);
void           _kj_store_rollback          (KjStore           *self);
gboolean       _kj_store_write_profile     (KjStore           *self,
                                            const KjProfile   *profile,
                                            GError           **error);
KjJournal     *_kj_store_read_all          (KjStore           *self,
                                            GError           **error);

/* kj-store-rows.c: the hostile-row reader and the damage it finds */
void           _kj_store_row_fail          (KjRowReader       *row,
                                            const char        *format,
                                            ...) G_GNUC_PRINTF (2, 3);
int            _kj_store_row_int           (KjRowReader       *row,
                                            int                column,
                                            const char        *field);
double         _kj_store_row_double        (KjRowReader       *row,
                                            int                column,
                                            const char        *field);
char          *_kj_store_row_text          (KjRowReader       *row,
                                            int                column,
                                            const char        *field);
const char    *_kj_store_row_code          (KjRowReader       *row,
                                            int                column,
                                            KjCodeList         list,
                                            const char        *field);
void           _kj_store_row_date          (KjRowReader       *row,
                                            int                column,
                                            const char        *field,
                                            char               out[11]);
void           _kj_store_row_time          (KjRowReader       *row,
                                            int                column,
                                            const char        *field,
                                            char               out[6]);
void           _kj_store_note_damage       (KjStore           *self,
                                            const char        *message);
gboolean       _kj_store_row_check         (KjStore           *self,
                                            KjRowReader       *row,
                                            const char        *kind,
                                            const char        *date,
                                            const char        *id,
                                            GError            *error);

/* kj-store-days.c, kj-store-treatments.c, kj-store-runs.c: records read one
 * at a time (@func takes the record), in one query a table */
typedef gboolean (*KjStoreDayFunc)       (KjDay             *day,
                                          gpointer           user_data,
                                          GError           **error);
typedef gboolean (*KjStoreTreatmentFunc) (KjTreatment       *treatment,
                                          gpointer           user_data,
                                          GError           **error);
typedef gboolean (*KjStoreRunFunc)       (KjRun             *run,
                                          gpointer           user_data,
                                          GError           **error);
gboolean       _kj_store_each_day          (KjStore           *self,
                                            const char        *from,
                                            const char        *to,
                                            KjStoreDayFunc     func,
                                            gpointer           user_data,
                                            GError           **error);
gboolean       _kj_store_each_treatment    (KjStore           *self,
                                            const char        *from,
                                            const char        *to,
                                            KjStoreTreatmentFunc func,
                                            gpointer           user_data,
                                            GError           **error);
gboolean       _kj_store_each_run          (KjStore           *self,
                                            const char        *from,
                                            const char        *to,
                                            KjStoreRunFunc     func,
                                            gpointer           user_data,
                                            GError           **error);

/* kj-store-days.c, kj-store-treatments.c, kj-store-runs.c: writes inside
 * the caller's transaction */
gboolean       _kj_store_write_day         (KjStore           *self,
                                            const KjDay       *day,
                                            gboolean           is_new,
                                            GError           **error);
gboolean       _kj_store_remove_day        (KjStore           *self,
                                            const char        *id,
                                            GError           **error);
gboolean       _kj_store_write_treatment   (KjStore           *self,
                                            const KjTreatment *t,
                                            GError           **error);
gboolean       _kj_store_remove_treatment  (KjStore           *self,
                                            const char        *id,
                                            GError           **error);
gboolean       _kj_store_write_run         (KjStore           *self,
                                            const KjRun       *r,
                                            GError           **error);

/* kj-store-import.c: the rows of many records in one statement. SQLite
 * builds the lookup of a CHECK's list of codes (`kind IN ('ice', …)`) once
 * for every statement it runs, which was half of an import's writes. */
typedef void (*KjRowBind) (sqlite3_stmt  *stmt,
                           int            first,
                           gconstpointer  row);

typedef struct
{
  const char *insert;      /* "INSERT INTO t (a, b) VALUES " */
  const char *values;      /* "(?, ?)" */
  const char *conflict;    /* what follows the rows: "" or " ON CONFLICT …" */
  KjRowBind   bind;        /* binds a row's columns from @first on */
  int         n_columns;
  char       *batch_sql;   /* made once: KJ_STORE_BATCH_ROWS rows */
} KjRowKind;

#define KJ_STORE_BATCH_ROWS 64

gboolean       _kj_store_write_rows        (KjStore           *self,
                                            KjRowKind         *kind,
                                            gconstpointer     *rows,
                                            guint              n,
                                            GError           **error);
gboolean       _kj_store_write_new_days    (KjStore           *self,
                                            const KjDay      **days,
                                            guint              n,
                                            GError           **error);
extern KjRowKind _kj_store_treatment_rows;
extern KjRowKind _kj_store_run_rows;

/* kj-store-shoes.c */
gboolean       _kj_store_write_shoe        (KjStore           *self,
                                            const KjShoe      *shoe,
                                            GError           **error);
gboolean       _kj_store_default_shoe_id   (KjStore           *self,
                                            char             **out,
                                            GError           **error);
gboolean       _kj_store_shoe_exists       (KjStore           *self,
                                            const char        *id,
                                            gboolean          *exists,
                                            GError           **error);
char          *_kj_store_shoe_named        (KjStore           *self,
                                            const char        *name,
                                            GError           **error);

/* kj-store-episodes.c */
gboolean       _kj_store_write_episode     (KjStore           *self,
                                            const KjEpisode   *episode,
                                            GError           **error);
gboolean       _kj_store_write_first_episode (KjStore         *self,
                                            const KjProfile   *profile,
                                            GError           **error);

/* kj-store-questionnaires.c */
gboolean       _kj_store_write_questionnaire (KjStore         *self,
                                            const KjQuestionnaire *q,
                                            GError           **error);

/* kj-store-open.c and kj-store-backup.c: files on disk */
gboolean       _kj_store_create_empty_file (const char        *path,
                                            GError           **error);
void           _kj_store_remove_created    (const char        *path);
gboolean       _kj_store_copy_database     (sqlite3           *db,
                                            const char        *dest,
                                            gboolean           replace,
                                            GError           **error);

G_END_DECLS
