/* kj-track.c — a track's points summed up (kj-track-private.h), for GPX/TCX (kj-gpx.c) and FIT (kj-fit.c):
 * the date, distance, moving time, smoothed ascent and descent, and the fingerprints that recognise a track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The distance is the sum of haversine steps (or the watch's own), the
 * moving time the steps faster than a slow walk, and ascent and descent come
 * from a smoothed elevation with a 2 m hysteresis, so that GPS noise does not
 * add up to hills. The fingerprints are doc/data-model.md, “Runs from files”.
 */
#define G_LOG_DOMAIN "knee-journal-gpx"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <nettle/sha2.h>
#include <string.h>

#include "kj-gpx.h"
#include "kj-track-private.h"

#define EARTH_RADIUS_M     6371008.8   /* the mean radius (IUGG) */
#define MOVING_SPEED       0.5         /* m/s: slower than this is standing */
#define MAX_STEP_S         300         /* a longer gap is a pause */
#define SMOOTHING_POINTS   5
#define HYSTERESIS_M       2.0

typedef KjTrackPoint Point;

/* An error of the track readers (GPX, TCX and FIT): returns FALSE for the caller to return */
gboolean
_kj_track_fail (GError     **error,
                KjGpxError   code,
                const char  *format,
                ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (KJ_GPX_ERROR, code, format, args);
  va_end (args);

  return FALSE;
}

double
kj_gpx_haversine (double lat1,
                  double lon1,
                  double lat2,
                  double lon2)
{
  double p1 = lat1 * G_PI / 180, p2 = lat2 * G_PI / 180;
  double dp = p2 - p1, dl = (lon2 - lon1) * G_PI / 180;
  double a = sin (dp / 2) * sin (dp / 2) + cos (p1) * cos (p2) * sin (dl / 2) * sin (dl / 2);

  return 2 * EARTH_RADIUS_M * asin (MIN (1.0, sqrt (a)));
}

/* Moving average over a few points, then climbs and drops of more than the hysteresis. */
static void
ascent_descent (GArray *points,
                double *ascent,
                double *descent)
{
  g_autofree double *smooth = g_new (double, points->len);
  guint n = 0;
  double anchor = NAN;

  *ascent = *descent = 0;

  for (guint i = 0; i < points->len; i++)
    {
      double sum = 0;
      int count = 0;

      for (int k = (int) i - SMOOTHING_POINTS / 2; k <= (int) i + SMOOTHING_POINTS / 2; k++)
        {
          if (k < 0 || k >= (int) points->len || isnan (g_array_index (points, Point, k).ele))
            continue;
          sum += g_array_index (points, Point, k).ele;
          count++;
        }

      if (count > 0)
        smooth[n++] = sum / count;
    }

  for (guint i = 0; i < n; i++)
    {
      if (isnan (anchor))
        anchor = smooth[i];
      else if (smooth[i] >= anchor + HYSTERESIS_M)
        *ascent += smooth[i] - anchor, anchor = smooth[i];
      else if (smooth[i] <= anchor - HYSTERESIS_M)
        *descent += anchor - smooth[i], anchor = smooth[i];
    }
}

/* The digest of @ctx in lower-case hex */
static void
digest_hex (struct sha256_ctx *ctx,
            char               hex[65])
{
  guint8 digest[SHA256_DIGEST_SIZE];

  sha256_digest (ctx, sizeof digest, digest);
  for (guint i = 0; i < sizeof digest; i++)
    {
      hex[2 * i] = "0123456789abcdef"[digest[i] >> 4];
      hex[2 * i + 1] = "0123456789abcdef"[digest[i] & 0xf];
    }
  hex[64] = '\0';
}

/* SHA-256 of @data as 64 lowercase hex digits. Nettle's, not GChecksum's: nettle uses the processor's SHA
 * instructions, GLib's portable C is 7× slower (38 against 280 MB/s here), and every imported file is
 * hashed whole (kj-run-files.c). */
void
_kj_sha256_hex (const void *data,
                gsize       length,
                char        hex[65])
{
  struct sha256_ctx ctx;

  sha256_init (&ctx);
  sha256_update (&ctx, length, data);
  digest_hex (&ctx, hex);
}

/* A coordinate in millionths of a degree (what the text of the old hash kept), little-endian */
static void
put_micro_degrees (guint8 *out,
                   double  degrees)
{
  guint64 value = isfinite (degrees) ? (guint64) (gint64) llround (degrees * 1e6) : (guint64) G_MININT64;

  value = GUINT64_TO_LE (value);
  memcpy (out, &value, sizeof value);
}

/* The fingerprint of schema 7: SHA-256 of each point's latitude and longitude
 * in millionths of a degree and its unix time, three 64-bit little-endian
 * integers a point after a tag; no text, so no locale and no printf */
static void
track_hash (GArray *points,
            char    hex[65])
{
  static const char tag[] = "knee-journal track 2\n";
  struct sha256_ctx ctx;
  guint8 block[256 * 24];
  gsize used = 0;

  sha256_init (&ctx);
  sha256_update (&ctx, sizeof tag - 1, (const guint8 *) tag);
  for (guint i = 0; i < points->len; i++)
    {
      const Point *pt = &g_array_index (points, Point, i);
      guint64 time = GUINT64_TO_LE ((guint64) pt->time);

      put_micro_degrees (block + used, pt->lat);
      put_micro_degrees (block + used + 8, pt->lon);
      memcpy (block + used + 16, &time, sizeof time);
      used += 24;
      if (used == sizeof block)
        {
          sha256_update (&ctx, used, block);
          used = 0;
        }
    }
  sha256_update (&ctx, used, block);
  digest_hex (&ctx, hex);
}

/* The fingerprint runs got before schema 7: SHA-256 of “lat,lon,time;” a
 * point, the degrees with six decimals written the same in every locale.
 * Kept to recognise those runs (doc/data-model.md, “Storage”); computed only
 * while a journal holds one that has no fingerprint of schema 7 yet. */
static void
legacy_hash (GArray *points,
             char    hex[65])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < points->len; i++)
    {
      const Point *pt = &g_array_index (points, Point, i);
      char buf[96], lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (lat, sizeof lat, "%.6f", pt->lat);
      g_ascii_formatd (lon, sizeof lon, "%.6f", pt->lon);
      g_snprintf (buf, sizeof buf, "%s,%s,%" G_GINT64_FORMAT ";", lat, lon, pt->time);
      g_checksum_update (checksum, (const guchar *) buf, -1);
    }
  g_strlcpy (hex, g_checksum_get_string (checksum), 65);
}

/**
 * _kj_track_summarize:
 * @points: (element-type KjTrackPoint): at least one point, each with a time
 * @totals: what the file says itself, which wins over the points
 * @flags: %KJ_TRACK_LEGACY_HASH for the hash of versions before schema 7 too
 *
 * The track of @points: the local date of the start, the distance (the
 * watch's own, else the sum of haversine steps), the moving time (steps
 * faster than a slow walk), ascent and descent from a smoothed elevation, and
 * the fingerprint that recognises the same track imported again.
 */
gboolean
_kj_track_summarize (GArray              *points,
                     const KjTrackTotals *totals,
                     KjTrackFlags         flags,
                     KjTrack             *track,
                     GError             **error)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) local = NULL;
  double distance = 0;
  int moving = 0;

  g_return_val_if_fail (points != NULL && points->len > 0, FALSE);

  memset (track, 0, sizeof *track);

  for (guint i = 0; i < points->len; i++)
    {
      const Point *pt = &g_array_index (points, Point, i);

      if (pt->time == G_MININT64)
        return _kj_track_fail (error, KJ_GPX_ERROR_BAD_TIME, _("track point %u has no time, so the date of the run is unknown"), i + 1);
      if (i > 0 && pt->time < g_array_index (points, Point, i - 1).time)
        return _kj_track_fail (error, KJ_GPX_ERROR_BAD_TIME, _("the time of track point %u goes back before the point before it"), i + 1);

      if (i > 0)
        {
          const Point *prev = &g_array_index (points, Point, i - 1);
          double step = 0;
          /* the times go forward (checked above), but a difference may still not fit */
          gint64 dt = prev->time < 0 && pt->time > G_MAXINT64 + prev->time ? G_MAXINT64 : pt->time - prev->time;

          if (!isnan (pt->dist) && !isnan (prev->dist))
            step = MAX (0, pt->dist - prev->dist);
          else if (!isnan (pt->lat) && !isnan (pt->lon) && !isnan (prev->lat) && !isnan (prev->lon))
            step = kj_gpx_haversine (prev->lat, prev->lon, pt->lat, pt->lon);

          distance += step;
          if (dt > 0 && dt <= MAX_STEP_S && step / dt >= MOVING_SPEED)
            moving += (int) dt;
        }
    }

  if (!isnan (totals->distance_m))
    distance = totals->distance_m;

  start = g_date_time_new_from_unix_utc (totals->start != G_MININT64 ? totals->start : g_array_index (points, Point, 0).time);
  if (start == NULL)
    return _kj_track_fail (error, KJ_GPX_ERROR_BAD_TIME, _("the run starts at a time that is not a date"));
  local = g_date_time_to_local (start);
  g_snprintf (track->date, sizeof track->date, "%04d-%02d-%02d", g_date_time_get_year (local),
              g_date_time_get_month (local), g_date_time_get_day_of_month (local));
  track->distance_km = distance / 1000.0;
  track->duration_s = totals->duration_s != KJ_UNSET ? totals->duration_s : moving > 0 ? moving : KJ_UNSET;
  track->n_points = points->len;
  ascent_descent (points, &track->ascent_m, &track->descent_m);
  if (!isnan (totals->descent_m))
    track->descent_m = totals->descent_m;

  if (!(track->distance_km >= 0.01 && track->distance_km <= 500))
    return _kj_track_fail (error, KJ_GPX_ERROR_NOT_A_RUN, _("the track is %.3f km long, which is not a run (0.01–500 km)"),
                           track->distance_km);

  track_hash (points, track->hash);
  if (flags & KJ_TRACK_LEGACY_HASH)
    legacy_hash (points, track->legacy_hash);

  return TRUE;
}
