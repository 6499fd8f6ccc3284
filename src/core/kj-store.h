/* kj-store.h — the SQLite journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kj-episode.h"
#include "kj-format.h"
#include "kj-questionnaire.h"
#include "kj-types.h"

G_BEGIN_DECLS

#define KJ_STORE_APPLICATION_ID 0x4B4A4E4C  /* "KJNL" */
#define KJ_STORE_SCHEMA_VERSION 7

#define KJ_STORE_ERROR (kj_store_error_quark ())

/* Where an imported run came from (doc/data-model.md, “Runs from files”): the SHA-256 of its track's points as
 * numbers, the SHA-256 of its points as text of versions before schema 7 (or NULL), the SHA-256 of the file's
 * bytes (or NULL) */
typedef struct
{
  const char *track_hash;
  const char *legacy_hash;
  const char *file_hash;
} KjTrackSource;

typedef enum
{
  KJ_STORE_ERROR_NOT_A_DATABASE,
  KJ_STORE_ERROR_NOT_A_JOURNAL,
  KJ_STORE_ERROR_TOO_NEW,
  KJ_STORE_ERROR_NO_FOLDER,
  KJ_STORE_ERROR_READ_ONLY,
  KJ_STORE_ERROR_IO,
  KJ_STORE_ERROR_BUSY,
  KJ_STORE_ERROR_FULL,
  KJ_STORE_ERROR_CONFLICT,
  KJ_STORE_ERROR_NOT_FOUND,
  KJ_STORE_ERROR_INVALID,
  KJ_STORE_ERROR_DUPLICATE,
  KJ_STORE_ERROR_FAILED,
  KJ_STORE_ERROR_REPLACED,
  KJ_STORE_ERROR_DAMAGED,
} KjStoreError;

typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
  guint replaced;   /* day entries of the journal replaced by another id for the same date */
} KjImportCounts;

typedef struct
{
  KjImportCounts days;
  KjImportCounts treatments;
  KjImportCounts runs;
  KjImportCounts shoes;
  KjImportCounts episodes;
  KjImportCounts questionnaires;
  gboolean       profile_changed;
} KjImportStats;

#define KJ_TYPE_STORE (kj_store_get_type ())

G_DECLARE_FINAL_TYPE (KjStore, kj_store, KJ, STORE, GObject)

GQuark        kj_store_error_quark        (void);

char         *kj_store_default_path       (void);
typedef enum
{
  KJ_STORE_OPEN_DEFAULT   = 0,
  KJ_STORE_OPEN_READ_ONLY = 1 << 0,   /* reading only: works in a read-only folder, never migrates */
} KjStoreOpenFlags;

KjStore      *kj_store_open               (const char     *path,
                                           GError        **error);
KjStore      *kj_store_open_full          (const char     *path,
                                           KjStoreOpenFlags flags,
                                           GError        **error);
gboolean      kj_store_owns_file          (const char     *journal_path,
                                           const char     *path);
const char   *kj_store_get_path           (KjStore        *self);
gint64        kj_store_get_data_version   (KjStore        *self);
gboolean      kj_store_check_file         (KjStore        *self,
                                           GError        **error);
void          kj_store_set_busy_timeout   (KjStore        *self,
                                           int             timeout_ms);
int           kj_store_get_schema_version (KjStore        *self);
gboolean      kj_store_is_empty           (KjStore        *self);
GPtrArray    *kj_store_get_damage         (KjStore        *self);
GPtrArray    *kj_store_scan_damage        (KjStore        *self,
                                           GError        **error);

KjProfile    *kj_store_get_profile        (KjStore        *self,
                                           GError        **error);
gboolean      kj_store_set_profile        (KjStore        *self,
                                           const KjProfile *profile,
                                           GError        **error);

GPtrArray    *kj_store_list_days          (KjStore        *self,
                                           const char     *from,
                                           const char     *to,
                                           GError        **error);
KjDay        *kj_store_get_day            (KjStore        *self,
                                           const char     *date,
                                           GError        **error);
gboolean      kj_store_save_day           (KjStore        *self,
                                           KjDay          *day,
                                           GError        **error);
gboolean      kj_store_delete_day         (KjStore        *self,
                                           const char     *id,
                                           GError        **error);

GPtrArray    *kj_store_list_treatments    (KjStore        *self,
                                           const char     *from,
                                           const char     *to,
                                           GError        **error);
gboolean      kj_store_save_treatment     (KjStore        *self,
                                           KjTreatment    *treatment,
                                           GError        **error);
KjTreatment  *kj_store_get_last_treatment (KjStore        *self,
                                           const char     *kind,
                                           const char     *other_kind,
                                           const char     *on_or_before,
                                           GError        **error);
gboolean      kj_store_delete_treatment   (KjStore        *self,
                                           const char     *id,
                                           GError        **error);
GPtrArray    *kj_store_list_last_medicines (KjStore       *self,
                                           const char     *on_or_before,
                                           guint           n,
                                           GError        **error);

gboolean      kj_store_copy_day_routine   (KjStore        *self,
                                           const char     *from,
                                           KjDay          *day,
                                           GPtrArray     **copied,
                                           GError        **error);
gboolean      kj_store_undo_copy_day_routine (KjStore     *self,
                                           const char     *day_id,
                                           GPtrArray      *copied,
                                           GError        **error);

GPtrArray    *kj_store_list_runs          (KjStore        *self,
                                           const char     *from,
                                           const char     *to,
                                           GError        **error);
gboolean      kj_store_save_run           (KjStore        *self,
                                           KjRun          *run,
                                           GError        **error);
gboolean      kj_store_add_track_run      (KjStore        *self,
                                           KjRun          *run,
                                           const char     *source_hash,
                                           const char     *gear,
                                           GError        **error);
gboolean      kj_store_add_track_run_full (KjStore        *self,
                                           KjRun          *run,
                                           const KjTrackSource *source,
                                           const char     *gear,
                                           GError        **error);
gboolean      kj_store_find_run_file      (KjStore        *self,
                                           const char     *file_hash,
                                           gboolean       *found,
                                           char            date[11],
                                           GError        **error);
gboolean      kj_store_has_legacy_runs    (KjStore        *self,
                                           gboolean       *found,
                                           GError        **error);
gboolean      kj_store_delete_run         (KjStore        *self,
                                           const char     *id,
                                           GError        **error);

GPtrArray    *kj_store_list_shoes         (KjStore        *self,
                                           GError        **error);
KjShoe       *kj_store_get_shoe           (KjStore        *self,
                                           const char     *id,
                                           GError        **error);
gboolean      kj_store_save_shoe          (KjStore        *self,
                                           KjShoe         *shoe,
                                           GError        **error);
gboolean      kj_store_delete_shoe        (KjStore        *self,
                                           const char     *id,
                                           GError        **error);
gboolean      kj_store_set_default_shoe   (KjStore        *self,
                                           const char     *id,
                                           GError        **error);
gboolean      kj_store_retire_shoe        (KjStore        *self,
                                           const char     *id,
                                           const char     *date,
                                           GError        **error);
GHashTable   *kj_store_get_shoe_km        (KjStore        *self,
                                           GError        **error);
char         *kj_store_ensure_shoe_named  (KjStore        *self,
                                           const char     *name,
                                           GError        **error);
GPtrArray    *kj_store_shoe_alerts        (KjStore        *self,
                                           GHashTable     *km_before,
                                           KjUnits         units);
GPtrArray    *kj_shoes_passed_alert       (GPtrArray      *shoes,
                                           GHashTable     *km_before,
                                           GHashTable     *km_after);

GPtrArray    *kj_store_list_episodes      (KjStore        *self,
                                           GError        **error);
gboolean      kj_store_save_episode       (KjStore        *self,
                                           KjEpisode      *episode,
                                           GError        **error);
gboolean      kj_store_delete_episode     (KjStore        *self,
                                           const char     *id,
                                           GError        **error);
gboolean      kj_store_end_episode        (KjStore        *self,
                                           const char     *id,
                                           const char     *date,
                                           GError        **error);
GPtrArray    *kj_store_list_questionnaires (KjStore       *self,
                                           const char     *from,
                                           const char     *to,
                                           GError        **error);
gboolean      kj_store_save_questionnaire (KjStore        *self,
                                           KjQuestionnaire *questionnaire,
                                           GError        **error);
gboolean      kj_store_delete_questionnaire (KjStore      *self,
                                           const char     *id,
                                           GError        **error);

gboolean      kj_store_backup             (KjStore        *self,
                                           const char     *dest,
                                           GError        **error);
gboolean      kj_store_restore            (KjStore        *self,
                                           const char     *backup,
                                           const char     *safety_copy,
                                           GError        **error);
KjJournal    *kj_store_read_journal       (KjStore        *self,
                                           GError        **error);

/* The records of kj_store_visit_journal(), one at a time: each function
 * returns %FALSE with @error to stop the reading */
typedef struct
{
  gboolean (*begin)     (const KjJournal    *journal,
                         gpointer            user_data,
                         GError            **error);
  gboolean (*day)       (const KjDay        *day,
                         gpointer            user_data,
                         GError            **error);
  gboolean (*treatment) (const KjTreatment  *treatment,
                         gpointer            user_data,
                         GError            **error);
  gboolean (*run)       (const KjRun        *run,
                         gpointer            user_data,
                         GError            **error);
} KjStoreVisitor;

KjJournal    *kj_store_visit_journal      (KjStore        *self,
                                           const KjStoreVisitor *visitor,
                                           gpointer        user_data,
                                           GError        **error);
gboolean      kj_store_import             (KjStore        *self,
                                           const KjJournal *journal,
                                           KjImportStats  *stats,
                                           GError        **error);

G_END_DECLS
