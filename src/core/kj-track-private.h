/* kj-track-private.h — what the GPX/TCX reader (kj-gpx.c) and the FIT reader (kj-fit.c) share: a track's
 * points and their sum
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kj-gpx.h"

G_BEGIN_DECLS

/* The most points a track may have: two days at one a second, and then some */
#define KJ_TRACK_MAX_POINTS 1000000

typedef struct
{
  double lat, lon;           /* degrees, NAN when unknown (a treadmill) */
  double ele;                /* m, NAN when unknown */
  double dist;               /* m from the start as the watch measured it, NAN when unknown */
  gint64 time;               /* unix seconds, G_MININT64 when unknown */
} KjTrackPoint;

/* What the file itself says, each overriding what the points would give (unset: NAN, KJ_UNSET, G_MININT64) */
typedef struct
{
  double distance_m;
  int    duration_s;
  double descent_m;
  gint64 start;
} KjTrackTotals;

#define KJ_TRACK_TOTALS_INIT { NAN, KJ_UNSET, NAN, G_MININT64 }

/* What a reader computes besides the track */
typedef enum
{
  KJ_TRACK_DEFAULT     = 0,
  KJ_TRACK_LEGACY_HASH = 1 << 0,   /* KjTrack.legacy_hash too: a journal holds runs hashed before schema 7 */
} KjTrackFlags;

gboolean  _kj_track_fail      (GError             **error,
                               KjGpxError           code,
                               const char          *format,
                               ...) G_GNUC_PRINTF (3, 4);
gboolean  _kj_track_summarize (GArray              *points,
                               const KjTrackTotals *totals,
                               KjTrackFlags         flags,
                               KjTrack             *track,
                               GError             **error);
gboolean  _kj_gpx_parse_full  (const char          *data,
                               gsize                length,
                               KjTrackFlags         flags,
                               KjTrack             *track,
                               GError             **error);
gboolean  _kj_fit_parse_full  (const guint8        *data,
                               gsize                length,
                               KjTrackFlags         flags,
                               KjTrack             *track,
                               GError             **error);
void      _kj_sha256_hex      (const void          *data,
                               gsize                length,
                               char                 hex[65]);

G_END_DECLS
