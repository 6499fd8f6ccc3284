/* kj-gpx.h — runs from GPS tracks: GPX 1.0/1.1 and Garmin TCX, read with libxml2's SAX2 parser; FIT
 * (kj-fit.c), any of them gzipped, and Strava's bulk export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kj-store.h"
#include "kj-types.h"

G_BEGIN_DECLS

#define KJ_GPX_MAX_FILE_SIZE (64 * 1024 * 1024)

#define KJ_GPX_ERROR (kj_gpx_error_quark ())

typedef enum
{
  KJ_GPX_ERROR_TOO_LARGE,
  KJ_GPX_ERROR_XML,
  KJ_GPX_ERROR_NOT_A_TRACK,
  KJ_GPX_ERROR_NO_POINTS,
  KJ_GPX_ERROR_BAD_POINT,
  KJ_GPX_ERROR_BAD_TIME,
  KJ_GPX_ERROR_NOT_A_RUN,
  KJ_GPX_ERROR_FIT,          /* a FIT file that is damaged or not an activity */
  KJ_GPX_ERROR_OTHER_SPORT,  /* an activity, but not running: skipped */
  KJ_GPX_ERROR_COMPRESSED,   /* a .gz that cannot be unpacked, or unpacks too large */
  KJ_GPX_ERROR_ARCHIVE,      /* a .zip: to be unpacked first */
  KJ_GPX_ERROR_NOT_ACTIVITY, /* a FIT file of another kind (a course, settings, monitoring): skipped */
} KjGpxError;

typedef struct
{
  char    date[11];          /* the local date of the start */
  double  distance_km;
  int     duration_s;        /* moving time, KJ_UNSET when unknown */
  double  descent_m;
  double  ascent_m;
  guint   n_points;
  char    hash[65];          /* the track's fingerprint: SHA-256 of its points as numbers (schema 7 on) */
  char    legacy_hash[65];   /* SHA-256 of its points as text, as runs were hashed before schema 7: only when
                              * a journal still holds such runs (kj-run-files.c asks), else empty */
} KjTrack;

GQuark    kj_gpx_error_quark (void);
gboolean  kj_gpx_parse       (const char  *data,
                              gsize        length,
                              KjTrack     *track,
                              GError     **error);
gboolean  kj_gpx_parse_file  (const char  *path,
                              KjTrack     *track,
                              GError     **error);
double    kj_gpx_haversine   (double       lat1,
                              double       lon1,
                              double       lat2,
                              double       lon2);
KjRun    *kj_gpx_track_to_run (const KjTrack *track,
                              const char    *file_name);

typedef enum
{
  KJ_TRACK_ADDED,
  KJ_TRACK_SKIPPED,
  KJ_TRACK_FAILED,
} KjTrackStatus;

typedef struct
{
  char          *name;       /* the file's name, for display */
  KjTrackStatus  status;
  char          *message;    /* why it was skipped or failed */
  char           date[11];
  double         distance_km;
  double         descent_m;
  char          *gear;       /* the gear Strava's export names for the activity, or NULL */
} KjTrackResult;

/* kj-run-files.c */
GArray   *kj_gpx_import      (KjStore             *store,
                              const char * const  *paths);
GPtrArray *kj_run_files_parse_csv (const char *text,
                                   gsize       length);

G_END_DECLS
