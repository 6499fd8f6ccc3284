/* test-fit.c — runs from FIT files, gzipped run files and Strava's bulk export: values, sports, hostile files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The FIT files are written by tests/kj-fit-encoder.c, which says what it
 * writes byte for byte; the expected values are computed here from what it
 * was asked to write, not with the importer.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kj-fit-encoder.h"
#include "kj-fit.h"
#include "kj-gpx.h"
#include "kj-store.h"
#include "kj-test-util.h"

#define R_EARTH 6371008.8

static GBytes *
gzip (const void *data,
      gsize       length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) stream = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (stream, data, length, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  kj_test_write_file (path, data, (gssize) length);
}

static gboolean
parse_bytes (GBytes   *bytes,
             KjTrack  *track,
             GError  **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  return kj_fit_parse (data, length, track, error);
}

static void
test_fit_crc (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint8 buf[257];

  /* CRC-16/ARC's check value */
  g_assert_cmphex (kj_fit_crc (0, (const guint8 *) "123456789", 9), ==, 0xBB3D);
  for (guint i = 0; i < sizeof buf; i++)
    buf[i] = (guint8) g_rand_int (rand);
  for (gsize n = 0; n <= sizeof buf; n += 17)
    g_assert_cmphex (kj_fit_crc (0, buf, n), ==, kj_fit_encoder_crc (buf, n));
  /* continued in pieces */
  g_assert_cmphex (kj_fit_crc (kj_fit_crc (0, buf, 100), buf + 100, 157), ==, kj_fit_encoder_crc (buf, 257));
}

/* The same run written every way: the values and the hash do not change */
static void
test_fit_encodings (void)
{
  char first_hash[65] = "";

  for (guint variant = 0; variant < 16; variant++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      KjGenFit spec;
      KjTrack track;

      kj_gen_fit_defaults (&spec);
      spec.big_endian = variant & 1;
      spec.compressed = variant & 2;
      spec.developer = variant & 4;
      spec.header_size = variant & 8 ? 12 : 14;
      bytes = kj_gen_fit_activity (&spec);

      g_test_message ("variant %u: %s endian%s%s, %u-byte header", variant, spec.big_endian ? "big" : "little",
                      spec.compressed ? ", compressed timestamps" : "", spec.developer ? ", developer fields" : "",
                      spec.header_size);
      g_assert_true (parse_bytes (bytes, &track, &error));
      g_assert_no_error (error);

      g_assert_cmpstr (track.date, ==, "2026-03-02");
      /* the session's distance: 599 steps of 3 m */
      g_assert_cmpfloat_with_epsilon (track.distance_km, 599 * 3.0 / 1000, 1e-9);
      /* the timer time: 599 s elapsed, less the 20 s pause */
      g_assert_cmpint (track.duration_s, ==, 579);
      g_assert_cmpfloat (track.descent_m, ==, 37);
      g_assert_cmpuint (track.n_points, ==, 600);
      /* the elevation only falls */
      g_assert_cmpfloat (track.ascent_m, ==, 0);

      if (variant == 0)
        g_strlcpy (first_hash, track.hash, sizeof first_hash);
      g_assert_cmpstr (track.hash, ==, first_hash);
    }
}

/* Without the session's distance: the last record's; without that, the steps between positions */
static void
test_fit_fallbacks (void)
{
  g_autoptr(GError) error = NULL;
  KjGenFit spec;
  KjTrack track;

  kj_gen_fit_defaults (&spec);
  spec.session_distance = FALSE;
  spec.step_m = 2.5;
  spec.descent_m = 0xFFFF;   /* invalid: from the altitudes */
  {
    g_autoptr(GBytes) bytes = kj_gen_fit_activity (&spec);

    g_assert_true (parse_bytes (bytes, &track, &error));
    g_assert_cmpfloat_with_epsilon (track.distance_km, 599 * 2.5 / 1000, 1e-9);
    /* 100 m → 40.1 m, smoothed over 5 points (99.9 → 40.2 m at the ends), counted in drops of 2 m or more */
    g_assert_cmpfloat (track.descent_m, >=, 59.7 - 2);
    g_assert_cmpfloat (track.descent_m, <=, 59.7);
  }

  spec.record_distance = FALSE;
  {
    g_autoptr(GBytes) bytes = kj_gen_fit_activity (&spec);

    g_assert_true (parse_bytes (bytes, &track, &error));
    /* due north: the meridian arc, within the semicircles' rounding */
    g_assert_cmpfloat_with_epsilon (track.distance_km, 599 * 2.5 / 1000, 1e-4);
  }

  /* a treadmill: no positions, the watch's distance */
  kj_gen_fit_defaults (&spec);
  spec.positions = FALSE;
  spec.sub_sport = 1;
  spec.session_distance = FALSE;
  {
    g_autoptr(GBytes) bytes = kj_gen_fit_activity (&spec);

    g_assert_true (parse_bytes (bytes, &track, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (track.distance_km, 1.797, 1e-9);
  }

  /* a trail run */
  kj_gen_fit_defaults (&spec);
  spec.sub_sport = 3;
  {
    g_autoptr(GBytes) bytes = kj_gen_fit_activity (&spec);

    g_assert_true (parse_bytes (bytes, &track, &error));
    g_assert_no_error (error);
  }
}

static void
test_fit_other_sports (void)
{
  const struct { int sport; const char *message; } cases[] = {
    { 2, "a cycling activity, not a run" },
    { 5, "a swimming activity, not a run" },
    { 11, "a walking activity, not a run" },
    { 53, "an activity of sport 53, not a run" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      KjGenFit spec;
      KjTrack track;

      kj_gen_fit_defaults (&spec);
      spec.sport = cases[i].sport;
      bytes = kj_gen_fit_activity (&spec);
      g_assert_false (parse_bytes (bytes, &track, &error));
      g_assert_error (error, KJ_GPX_ERROR, KJ_GPX_ERROR_OTHER_SPORT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* A small valid file, byte for byte */
static GBytes *
small_fit (void)
{
  KjGenFit spec;

  kj_gen_fit_defaults (&spec);
  spec.n_records = 6;
  spec.compressed = TRUE;
  spec.developer = TRUE;
  return kj_gen_fit_activity (&spec);
}

/* @bytes with the file's CRC made right again */
static GBytes *
fix_crc (GByteArray *bytes)
{
  guint16 crc = kj_fit_encoder_crc (bytes->data, bytes->len - 2);

  bytes->data[bytes->len - 2] = crc & 0xFF;
  bytes->data[bytes->len - 1] = crc >> 8;
  return g_bytes_new (bytes->data, bytes->len);
}

static void
assert_fails (GBytes     *bytes,
              int         code,
              const char *part)
{
  g_autoptr(GError) error = NULL;
  KjTrack track;

  g_assert_false (parse_bytes (bytes, &track, &error));
  g_assert_error (error, KJ_GPX_ERROR, code);
  g_test_message ("%s", error->message);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, part);
}

/* Messages written with the encoder, then finished */
static GBytes *
encode (void (*write) (KjFitEncoder *e))
{
  g_autoptr(KjFitEncoder) e = kj_fit_encoder_new ();

  write (e);
  return kj_fit_encoder_finish (e, 14);
}

static void
write_field_past_end (KjFitEncoder *e)
{
  /* a record of a 200-byte field, but only 3 bytes follow */
  const guint8 fields[] = { 253, 4, 0x86, 7, 200, 0x0D };
  const guint8 rest[] = { 0, 0x10, 0x20, 0x30 };

  kj_fit_encoder_define (e, 0, FALSE, 20, fields, 2, NULL, 0);
  kj_fit_encoder_raw (e, rest, sizeof rest);
}

static void
write_self_redefining (KjFitEncoder *e)
{
  /* timestamp, position, and the timestamp again */
  const guint8 fields[] = { 253, 4, 0x86, 0, 4, 0x85, 253, 4, 0x86 };

  kj_fit_encoder_define (e, 0, FALSE, 20, fields, 3, NULL, 0);
  kj_fit_encoder_data (e, 0, (const guint64[]) { 1141000000, 0, 1141000005 });
}

static void
write_undefined (KjFitEncoder *e)
{
  const guint8 data[] = { 5, 1, 2, 3, 4 };

  kj_fit_encoder_raw (e, data, sizeof data);
}

static void
write_compressed_first (KjFitEncoder *e)
{
  const guint8 fields[] = { 0, 4, 0x85 };

  kj_fit_encoder_define (e, 1, FALSE, 20, fields, 1, NULL, 0);
  kj_fit_encoder_data_compressed (e, 1, 7, (const guint64[]) { 0 });
}

static void
write_bad_architecture (KjFitEncoder *e)
{
  const guint8 definition[] = { 0x40, 0, 7, 20, 0, 0 };

  kj_fit_encoder_raw (e, definition, sizeof definition);
}

static void
write_no_session (KjFitEncoder *e)
{
  const guint8 fields[] = { 253, 4, 0x86, 5, 4, 0x86 };

  kj_fit_encoder_define (e, 0, FALSE, 20, fields, 2, NULL, 0);
  kj_fit_encoder_data (e, 0, (const guint64[]) { 1141000000, 0 });
  kj_fit_encoder_data (e, 0, (const guint64[]) { 1141000600, 200000 });
}

static void
write_no_records (KjFitEncoder *e)
{
  const guint8 fields[] = { 2, 4, 0x86, 5, 1, 0x00, 9, 4, 0x86 };

  kj_fit_encoder_define (e, 0, FALSE, 18, fields, 3, NULL, 0);
  kj_fit_encoder_data (e, 0, (const guint64[]) { 1141000000, 1, 500000 });
}

static void
write_relative_time (KjFitEncoder *e)
{
  const guint8 record[] = { 253, 4, 0x86, 5, 4, 0x86 };
  const guint8 session[] = { 5, 1, 0x00, 9, 4, 0x86 };

  kj_fit_encoder_define (e, 0, FALSE, 20, record, 2, NULL, 0);
  kj_fit_encoder_data (e, 0, (const guint64[]) { 1000, 0 });
  kj_fit_encoder_data (e, 0, (const guint64[]) { 1600, 200000 });
  kj_fit_encoder_define (e, 1, FALSE, 18, session, 2, NULL, 0);
  kj_fit_encoder_data (e, 1, (const guint64[]) { 1, 200000 });
}

/* times that are no date: a sint64 just under its largest value (adding
 * FIT's epoch would overflow), a negative sint32, a float64 of 1e300 */
static void
write_huge_time (KjFitEncoder *e)
{
  const guint8 record[] = { 253, 8, 0x8E, 5, 4, 0x86 };

  kj_fit_encoder_define (e, 0, FALSE, 20, record, 2, NULL, 0);
  kj_fit_encoder_data (e, 0, (const guint64[]) { G_MAXINT64 - 4095, 0 });
}

static void
write_negative_time (KjFitEncoder *e)
{
  const guint8 record[] = { 253, 4, 0x85, 5, 4, 0x86 };

  kj_fit_encoder_define (e, 0, FALSE, 20, record, 2, NULL, 0);
  kj_fit_encoder_data (e, 0, (const guint64[]) { 0xFFFFFF00, 0 });
}

static void
write_float_time (KjFitEncoder *e)
{
  const guint8 record[] = { 253, 8, 0x89, 5, 4, 0x86 };
  double value = 1e300;
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);
  kj_fit_encoder_define (e, 0, FALSE, 20, record, 2, NULL, 0);
  kj_fit_encoder_data (e, 0, (const guint64[]) { bits, 0 });
}

static void
write_settings_file (KjFitEncoder *e)
{
  const guint8 fields[] = { 0, 1, 0x00 };

  kj_fit_encoder_define (e, 0, FALSE, 0, fields, 1, NULL, 0);
  kj_fit_encoder_data (e, 0, (const guint64[]) { 2 });
}

static void
test_fit_hostile (void)
{
  g_autoptr(GBytes) good = small_fit ();
  gsize length;
  const guint8 *data = g_bytes_get_data (good, &length);
  KjTrack track;

  /* the file itself is good */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (parse_bytes (good, &track, &error));
    g_assert_no_error (error);
  }

  /* cut short at every byte */
  for (gsize n = 0; n < length; n++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (kj_fit_parse (data, n, &track, &error));
      g_assert_error (error, KJ_GPX_ERROR, KJ_GPX_ERROR_FIT);
    }

  /* every byte flipped: the CRCs catch it (or it is still a FIT file read well) */
  for (gsize n = 0; n < length; n++)
    {
      g_autoptr(GByteArray) copy = g_byte_array_new ();
      g_autoptr(GError) error = NULL;

      g_byte_array_append (copy, data, length);
      copy->data[n] ^= 0x5A;
      g_assert_false (kj_fit_parse (copy->data, copy->len, &track, &error));
      g_assert_nonnull (error);
    }

  /* a bad file CRC; a bad header CRC */
  {
    g_autoptr(GByteArray) copy = g_byte_array_new ();
    g_autoptr(GBytes) bad = NULL;

    g_byte_array_append (copy, data, length);
    copy->data[length - 1] ^= 1;
    bad = g_bytes_new (copy->data, copy->len);
    assert_fails (bad, KJ_GPX_ERROR_FIT, "the FIT file is damaged: its checksum is");
  }
  {
    g_autoptr(GByteArray) copy = g_byte_array_new ();
    g_autoptr(GBytes) bad = NULL;

    g_byte_array_append (copy, data, length);
    copy->data[12] ^= 1;
    bad = g_bytes_new (copy->data, copy->len);
    assert_fails (bad, KJ_GPX_ERROR_FIT, "its header’s checksum is");
  }

  /* a huge declared data size (no header CRC to hide behind) */
  {
    g_autoptr(GByteArray) copy = g_byte_array_new ();
    g_autoptr(GBytes) bad = NULL;

    g_byte_array_append (copy, data, length);
    copy->data[12] = copy->data[13] = 0;
    copy->data[4] = copy->data[5] = copy->data[6] = 0xFF;
    copy->data[7] = 0x7F;
    bad = g_bytes_new (copy->data, copy->len);
    assert_fails (bad, KJ_GPX_ERROR_FIT, "its header declares 2147483647 bytes of data");
  }

  /* a header that is neither 12 nor 14 bytes */
  {
    g_autoptr(GByteArray) copy = g_byte_array_new ();
    g_autoptr(GBytes) bad = NULL;

    g_byte_array_append (copy, data, length);
    copy->data[0] = 13;
    bad = fix_crc (copy);
    assert_fails (bad, KJ_GPX_ERROR_FIT, "its header is 13 bytes long, not 12 or 14");
  }

  {
    const struct { void (*write) (KjFitEncoder *); int code; const char *part; } cases[] = {
      { write_field_past_end, KJ_GPX_ERROR_FIT, "the message at byte 26 reads past the end of its data" },
      { write_self_redefining, KJ_GPX_ERROR_FIT, "the definition at byte 14 names field 253 twice" },
      { write_undefined, KJ_GPX_ERROR_FIT, "the message at byte 14 uses a local message type that was not defined" },
      { write_compressed_first, KJ_GPX_ERROR_FIT, "but no time came before it" },
      { write_bad_architecture, KJ_GPX_ERROR_FIT, "has architecture 7, neither little (0) nor big (1) endian" },
      { write_no_session, KJ_GPX_ERROR_FIT, "the FIT activity has no session" },
      { write_no_records, KJ_GPX_ERROR_NO_POINTS, "the FIT activity has no records" },
      { write_relative_time, KJ_GPX_ERROR_BAD_TIME, "counts from when the watch was switched on" },
      { write_huge_time, KJ_GPX_ERROR_BAD_TIME,
        "the time 9223372036854771712 of the message at byte 26 is not a real date" },
      { write_negative_time, KJ_GPX_ERROR_BAD_TIME, "the time -256 of the message at byte 26 is not a real date" },
      { write_float_time, KJ_GPX_ERROR_BAD_TIME, "the time 1e+300 of the message at byte 26 is not a real date" },
      { write_settings_file, KJ_GPX_ERROR_NOT_ACTIVITY, "a FIT file of the watch’s settings, not an activity" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GBytes) bad = encode (cases[i].write);

        assert_fails (bad, cases[i].code, cases[i].part);
      }
  }
}

/* Hostile files through the batch: each a failure in words, nothing stored */
static void
test_fit_hostile_nothing_stored (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("fit-hostile.db");
  g_autofree char *dir = kj_test_tmp_path ("fit-hostile");
  g_autoptr(GBytes) good = small_fit ();
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (good, 0, g_bytes_get_size (good) - 5);
  g_autoptr(GBytes) redefining = encode (write_self_redefining);
  g_autoptr(GBytes) past_end = encode (write_field_past_end);
  g_autoptr(GArray) results = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  const char *paths[2] = { dir, NULL };

  kj_test_remove_tree (dir);
  g_mkdir_with_parents (dir, 0700);
  {
    g_autofree char *a = g_build_filename (dir, "a-cut.fit", NULL);
    g_autofree char *b = g_build_filename (dir, "b-redefining.fit", NULL);
    g_autofree char *c = g_build_filename (dir, "c-past-end.fit", NULL);
    g_autofree char *d = g_build_filename (dir, "d-archive.zip", NULL);

    write_bytes (a, cut);
    write_bytes (b, redefining);
    write_bytes (c, past_end);
    kj_test_write_file (d, "PK\003\004 not really", -1);
  }

  results = kj_gpx_import (store, paths);
  /* the folder's run files: the .zip is not one of them */
  g_assert_cmpuint (results->len, ==, 3);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (g_array_index (results, KjTrackResult, i).status, ==, KJ_TRACK_FAILED);
  g_assert_true (g_str_has_prefix (g_array_index (results, KjTrackResult, 0).message, "a-cut.fit: the FIT file is cut short"));
  g_assert_nonnull (strstr (g_array_index (results, KjTrackResult, 1).message, "names field 253 twice"));
  g_assert_nonnull (strstr (g_array_index (results, KjTrackResult, 2).message, "reads past the end"));

  /* a .zip named on its own */
  {
    g_autofree char *zip = g_build_filename (dir, "d-archive.zip", NULL);
    const char *zip_paths[] = { zip, NULL };
    g_autoptr(GArray) zip_results = kj_gpx_import (store, zip_paths);

    g_assert_cmpuint (zip_results->len, ==, 1);
    g_assert_cmpint (g_array_index (zip_results, KjTrackResult, 0).status, ==, KJ_TRACK_FAILED);
    g_assert_cmpstr (g_array_index (zip_results, KjTrackResult, 0).message, ==,
                     "d-archive.zip: it is a .zip archive, which is not read: unzip it first, then import the folder");
  }

  runs = kj_store_list_runs (store, NULL, NULL, NULL);
  g_assert_cmpuint (runs->len, ==, 0);
  kj_test_remove_tree (dir);
}

static void
test_fit_gzip (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("fit-gzip.db");
  g_autofree char *dir = kj_test_tmp_path ("fit-gzip");
  g_autofree char *fit_gz = g_build_filename (dir, "run.fit.gz", NULL);
  g_autofree char *fit = g_build_filename (dir, "run.fit", NULL);
  g_autofree char *gpx_gz = g_build_filename (dir, "garmin.gpx.gz", NULL);
  g_autofree char *bomb = g_build_filename (dir, "bomb.fit.gz", NULL);
  g_autofree char *garmin = g_build_filename (g_getenv ("KJ_SOURCE_ROOT"), "tests", "data", "tracks", "garmin.gpx", NULL);
  g_autofree char *garmin_text = NULL;
  g_autoptr(GBytes) run = NULL;
  g_autoptr(GBytes) packed = NULL;
  g_autoptr(GError) error = NULL;
  KjTrack plain, unpacked;
  gsize garmin_length;
  KjGenFit spec;

  kj_test_remove_tree (dir);
  g_mkdir_with_parents (dir, 0700);

  kj_gen_fit_defaults (&spec);
  run = kj_gen_fit_activity (&spec);
  packed = gzip (g_bytes_get_data (run, NULL), g_bytes_get_size (run));
  write_bytes (fit, run);
  write_bytes (fit_gz, packed);

  /* the same track, packed or not */
  g_assert_true (kj_gpx_parse_file (fit, &plain, &error));
  g_assert_true (kj_gpx_parse_file (fit_gz, &unpacked, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (plain.hash, ==, unpacked.hash);
  g_assert_cmpfloat (plain.distance_km, ==, unpacked.distance_km);
  g_assert_cmpfloat_with_epsilon (unpacked.distance_km, 1.797, 1e-9);

  garmin_text = kj_test_read_file (garmin, &garmin_length);
  {
    g_autoptr(GBytes) packed_gpx = gzip (garmin_text, garmin_length);

    write_bytes (gpx_gz, packed_gpx);
    g_assert_true (kj_gpx_parse_file (garmin, &plain, &error));
    g_assert_true (kj_gpx_parse_file (gpx_gz, &unpacked, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (plain.hash, ==, unpacked.hash);
    g_assert_cmpstr (unpacked.date, ==, "2026-03-02");
  }

  /* 200 MB of zeros in a file of about 200 KB */
  {
    g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
    g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
    g_autoptr(GOutputStream) stream = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
    g_autofree guint8 *zeros = g_malloc0 (1024 * 1024);
    g_autoptr(GBytes) bomb_bytes = NULL;

    for (guint i = 0; i < 200; i++)
      g_output_stream_write_all (stream, zeros, 1024 * 1024, NULL, NULL, &error);
    g_output_stream_close (stream, NULL, &error);
    g_assert_no_error (error);
    bomb_bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
    g_assert_cmpuint (g_bytes_get_size (bomb_bytes), <, 400 * 1024);
    write_bytes (bomb, bomb_bytes);
  }
  g_assert_false (kj_gpx_parse_file (bomb, &unpacked, &error));
  g_assert_error (error, KJ_GPX_ERROR, KJ_GPX_ERROR_COMPRESSED);
  g_assert_cmpstr (error->message, ==,
                   "bomb.fit.gz: it unpacks to more than 64 MB, too large for the track of a run; it is not read");
  g_clear_error (&error);

  /* a damaged gzip */
  {
    g_autofree char *damaged = g_build_filename (dir, "damaged.gpx.gz", NULL);
    gsize length = g_bytes_get_size (packed);
    g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (packed, NULL), length);

    memset (copy + 10, 0xFF, 20);
    kj_test_write_file (damaged, (const char *) copy, (gssize) length);
    g_assert_false (kj_gpx_parse_file (damaged, &unpacked, &error));
    g_assert_error (error, KJ_GPX_ERROR, KJ_GPX_ERROR_COMPRESSED);
    g_assert_true (g_str_has_prefix (error->message, "damaged.gpx.gz: it cannot be unpacked: "));
    g_clear_error (&error);
  }

  /* a folder: the .gz files are run files too; the bomb stores nothing */
  {
    const char *paths[] = { dir, NULL };
    g_autoptr(GArray) results = NULL;
    g_autoptr(GPtrArray) runs = NULL;

    g_unlink (fit);
    results = kj_gpx_import (store, paths);
    /* bomb, damaged, garmin.gpx.gz, run.fit.gz — in order of name */
    g_assert_cmpuint (results->len, ==, 4);
    g_assert_cmpint (g_array_index (results, KjTrackResult, 0).status, ==, KJ_TRACK_FAILED);
    g_assert_cmpint (g_array_index (results, KjTrackResult, 1).status, ==, KJ_TRACK_FAILED);
    g_assert_cmpint (g_array_index (results, KjTrackResult, 2).status, ==, KJ_TRACK_ADDED);
    g_assert_cmpint (g_array_index (results, KjTrackResult, 3).status, ==, KJ_TRACK_ADDED);
    runs = kj_store_list_runs (store, NULL, NULL, NULL);
    g_assert_cmpuint (runs->len, ==, 2);
  }

  kj_test_remove_tree (dir);
}

static void
test_fit_csv (void)
{
  const char *text = "\xef\xbb\xbf" "a,\"b \"\"q\"\"\",c\r\n\"multi\nline\",,\"x,y\"\n\nlast";
  g_autoptr(GPtrArray) rows = kj_run_files_parse_csv (text, strlen (text));
  const char * const *row;

  g_assert_cmpuint (rows->len, ==, 3);
  row = rows->pdata[0];
  g_assert_cmpuint (g_strv_length ((char **) row), ==, 3);
  g_assert_cmpstr (row[0], ==, "a");
  g_assert_cmpstr (row[1], ==, "b \"q\"");
  row = rows->pdata[1];
  g_assert_cmpstr (row[0], ==, "multi\nline");
  g_assert_cmpstr (row[1], ==, "");
  g_assert_cmpstr (row[2], ==, "x,y");
  row = rows->pdata[2];
  g_assert_cmpstr (row[0], ==, "last");
}

static void
test_fit_strava (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("fit-strava.db");
  g_autofree char *dir = kj_test_tmp_path ("strava-export");
  g_autofree char *activities = g_build_filename (dir, "activities", NULL);
  g_autofree char *source = g_build_filename (g_getenv ("KJ_SOURCE_ROOT"), "tests", "data", "tracks", NULL);
  g_autoptr(GArray) results = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  const char *paths[] = { dir, NULL };
  /* like Strava's: a description with a line break, a column name twice (the first counts) */
  const char *csv =
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,"
    "Filename,Activity Gear,Distance,Activity Gear\n"
    "101,\"Mar 2, 2026, 7:00:00 AM\",Morning Run,Run,\"Easy, then\n\"\"fast\"\"\",599,1.79,"
    "activities/101.fit.gz,Pegasus 40,1797.0,Other Shoe\n"
    "102,\"Mar 2, 2026, 8:00:00 AM\",Garmin Run,Run,,2700,7.99,activities/102.gpx.gz,,7990.0,\n"
    "103,\"Mar 10, 2026, 6:00:00 PM\",Track Session,Trail Run,,1800,7.30,activities/103.tcx.gz,Speed 3,7300.0,\n"
    "104,\"Mar 3, 2026, 5:00:00 PM\",Commute,Ride,,1200,8.1,activities/104.fit.gz,Road Bike,8100.0,\n"
    "105,\"Mar 4, 2026, 6:00:00 PM\",Gym,Weight Training,,3600,0,,,0,\n"
    "106,\"Mar 5, 2026, 6:00:00 PM\",Sneaky,Run,,3600,0,../../etc/passwd,,0,\n";
  KjGenFit spec;

  kj_test_remove_tree (dir);
  g_mkdir_with_parents (activities, 0700);
  {
    g_autofree char *path = g_build_filename (dir, "activities.csv", NULL);
    kj_test_write_file (path, csv, -1);
  }

  kj_gen_fit_defaults (&spec);
  {
    g_autoptr(GBytes) run = kj_gen_fit_activity (&spec);
    g_autoptr(GBytes) packed = gzip (g_bytes_get_data (run, NULL), g_bytes_get_size (run));
    g_autofree char *path = g_build_filename (activities, "101.fit.gz", NULL);

    write_bytes (path, packed);
  }
  spec.sport = 2;
  {
    g_autoptr(GBytes) ride = kj_gen_fit_activity (&spec);
    g_autoptr(GBytes) packed = gzip (g_bytes_get_data (ride, NULL), g_bytes_get_size (ride));
    g_autofree char *path = g_build_filename (activities, "104.fit.gz", NULL);

    write_bytes (path, packed);
  }
  {
    const char *copies[][2] = { { "garmin.gpx", "102.gpx.gz" }, { "polar.tcx", "103.tcx.gz" } };

    for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
      {
        g_autofree char *from = g_build_filename (source, copies[i][0], NULL);
        g_autofree char *to = g_build_filename (activities, copies[i][1], NULL);
        gsize length;
        g_autofree char *text = kj_test_read_file (from, &length);
        g_autoptr(GBytes) packed = gzip (text, length);

        write_bytes (to, packed);
      }
  }

  results = kj_gpx_import (store, paths);
  /* five rows with a file; the gym session has none */
  g_assert_cmpuint (results->len, ==, 5);
  {
    const KjTrackResult *r = (const KjTrackResult *) results->data;

    g_assert_cmpint (r[0].status, ==, KJ_TRACK_ADDED);
    g_assert_cmpstr (r[0].name, ==, "101.fit.gz");
    g_assert_cmpstr (r[0].gear, ==, "Pegasus 40");
    g_assert_cmpfloat_with_epsilon (r[0].distance_km, 1.797, 1e-9);
    g_assert_cmpint (r[1].status, ==, KJ_TRACK_ADDED);
    g_assert_null (r[1].gear);
    g_assert_cmpint (r[2].status, ==, KJ_TRACK_ADDED);
    g_assert_cmpstr (r[2].gear, ==, "Speed 3");
    g_assert_cmpint (r[3].status, ==, KJ_TRACK_SKIPPED);
    g_assert_cmpstr (r[3].gear, ==, "Road Bike");
    g_assert_cmpstr (r[3].message, ==, "104.fit.gz: a Strava activity of type “Ride”, not a run");
    g_assert_cmpint (r[4].status, ==, KJ_TRACK_FAILED);
    g_assert_cmpstr (r[4].message, ==, "passwd: activities.csv names “../../etc/passwd”, which is not a file inside the export");
  }

  runs = kj_store_list_runs (store, NULL, NULL, NULL);
  g_assert_cmpuint (runs->len, ==, 3);
  {
    gboolean morning = FALSE, track_session = FALSE;

    for (guint i = 0; i < runs->len; i++)
      {
        KjRun *run = runs->pdata[i];

        morning |= g_strcmp0 (run->notes, "Imported from Strava: Morning Run") == 0;
        track_session |= g_strcmp0 (run->notes, "Imported from Strava: Track Session") == 0;
      }
    g_assert_true (morning);
    g_assert_true (track_session);
  }

  /* the gear is the runs' pair of shoes, added by its name; the ride's gear
   * adds no pair, a run without gear has none (no default pair yet) */
  {
    g_autoptr(GPtrArray) shoes = kj_store_list_shoes (store, NULL);

    g_assert_cmpuint (shoes->len, ==, 2);
    for (guint i = 0; i < runs->len; i++)
      {
        KjRun *run = runs->pdata[i];
        const char *expected = g_strcmp0 (run->notes, "Imported from Strava: Morning Run") == 0 ? "Pegasus 40"
                             : g_strcmp0 (run->notes, "Imported from Strava: Track Session") == 0 ? "Speed 3"
                             : NULL;
        g_autoptr(KjShoe) shoe = run->shoe_id != NULL ? kj_store_get_shoe (store, run->shoe_id, NULL) : NULL;

        g_assert_cmpstr (shoe != NULL ? shoe->name : NULL, ==, expected);
      }
  }

  /* the same export again: the runs are recognised, the ride still skipped,
   * no pair added twice */
  g_clear_pointer (&results, g_array_unref);
  results = kj_gpx_import (store, paths);
  g_assert_cmpuint (results->len, ==, 5);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (g_array_index (results, KjTrackResult, i).status, ==, KJ_TRACK_SKIPPED);
  {
    g_autoptr(GPtrArray) shoes = kj_store_list_shoes (store, NULL);

    g_assert_cmpuint (shoes->len, ==, 2);
  }

  kj_test_remove_tree (dir);
}

/* --import-runs, and --import-gpx by its old name, with FIT files */
static void
test_fit_cli (void)
{
  g_autofree char *db = kj_test_tmp_path ("fit-cli.db");
  g_autofree char *run_path = kj_test_tmp_path ("cli-run.fit");
  g_autofree char *ride_path = kj_test_tmp_path ("cli-ride.fit.gz");
  g_auto(KjTestRun) first = { 0 };
  g_auto(KjTestRun) again = { 0 };
  g_auto(KjTestRun) help = { 0 };
  KjGenFit spec;

  kj_gen_fit_defaults (&spec);
  {
    g_autoptr(GBytes) run = kj_gen_fit_activity (&spec);
    write_bytes (run_path, run);
  }
  spec.sport = 2;
  {
    g_autoptr(GBytes) ride = kj_gen_fit_activity (&spec);
    g_autoptr(GBytes) packed = gzip (g_bytes_get_data (ride, NULL), g_bytes_get_size (ride));
    write_bytes (ride_path, packed);
  }

  g_unlink (db);
  kj_test_run_cli (&first, NULL, "--db", db, "--import-runs", run_path, ride_path, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "cli-run.fit: a run of 1.80 km on 2026-03-02, 37 m downhill"));
  g_assert_nonnull (strstr (first.out, "skipped cli-ride.fit.gz: a cycling activity, not a run"));
  g_assert_nonnull (strstr (first.out,
                            "1 run added, 1 skipped (already in the journal, or not a run), 0 files with errors"));

  kj_test_run_cli (&again, NULL, "--db", db, "--import-gpx", run_path, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "skipped cli-run.fit: this run is already in the journal (on 2026-03-02)"));

  kj_test_run_cli (&help, NULL, "--help", NULL);
  g_assert_nonnull (strstr (help.out, "--import-runs"));
  g_assert_null (strstr (help.out, "--import-gpx"));

  g_unlink (run_path);
  g_unlink (ride_path);
}

#define MS_T0 1141000000u   /* FIT seconds: 2026-02-26 00:26:40 UTC */

/* file_id (@file_type), 1200 records one a second (3 m each, due north),
 * then sessions of (sport, start, elapsed ms, timer ms, distance cm, descent m) */
static GBytes *
multisport (guint           file_type,
            const guint64 (*sessions)[6],
            guint           n_sessions)
{
  g_autoptr(KjFitEncoder) e = kj_fit_encoder_new ();
  const guint8 file_id[] = { 0, 1, 0x00 };
  const guint8 record[] = { 253, 4, 0x86, 0, 4, 0x85, 1, 4, 0x85, 5, 4, 0x86 };
  /* the descent as sint16, which a hostile file may use */
  const guint8 session[] = { 5, 1, 0x00, 2, 4, 0x86, 7, 4, 0x86, 8, 4, 0x86, 9, 4, 0x86, 23, 2, 0x83 };

  kj_fit_encoder_define (e, 0, FALSE, 0, file_id, 1, NULL, 0);
  kj_fit_encoder_data (e, 0, (const guint64[]) { file_type });
  kj_fit_encoder_define (e, 1, FALSE, 20, record, 4, NULL, 0);
  for (guint i = 0; i < 1200; i++)
    kj_fit_encoder_data (e, 1, (const guint64[]) { MS_T0 + i, (guint64) (guint32) (625000000 + i * 322),
                                                    160000000, (guint64) i * 300 });
  kj_fit_encoder_define (e, 2, FALSE, 18, session, 6, NULL, 0);
  for (guint i = 0; i < n_sessions; i++)
    kj_fit_encoder_data (e, 2, sessions[i]);

  return kj_fit_encoder_finish (e, 14);
}

/* Only running sessions are a run: their distance, time, descent and date;
 * the records of a multisport file in the running sessions' time; a file
 * without a running session is skipped as another sport */
static void
test_fit_multisport (void)
{
  /* a ride of 600 s from T0, then a run of 600 s from T0 + 600 */
  const guint64 duathlon[][6] = {
    { 2, MS_T0, 600000, 599000, 3000000, 5 },
    { 1, MS_T0 + 600, 600000, 590000, 179700, 12 },
  };
  const guint64 ride_swim[][6] = {
    { 2, MS_T0, 600000, 599000, 3000000, 5 },
    { 5, MS_T0 + 600, 600000, 590000, 150000, 0 },
  };
  g_autoptr(GBytes) both = multisport (4, duathlon, 2);
  g_autoptr(GBytes) only_run = multisport (4, duathlon + 1, 1);
  g_autoptr(GBytes) no_run = multisport (4, ride_swim, 2);
  g_autoptr(GError) error = NULL;
  KjTrack track, whole;
  gsize length;
  const guint8 *data;

  data = g_bytes_get_data (both, &length);
  g_assert_true (kj_fit_parse (data, length, &track, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (track.distance_km, 1.797, 1e-9);
  g_assert_cmpint (track.duration_s, ==, 590);
  g_assert_cmpfloat (track.descent_m, ==, 12);
  {
    /* the local date of the run's start, not the ride's */
    g_autoptr(GDateTime) start = g_date_time_new_from_unix_local (MS_T0 + 600 + KJ_FIT_EPOCH);
    g_autofree char *date = g_date_time_format (start, "%Y-%m-%d");

    g_assert_cmpstr (track.date, ==, date);
  }
  /* the run's records: 600 to 1200 s */
  g_assert_cmpuint (track.n_points, ==, 600);

  /* a run alone keeps every record */
  data = g_bytes_get_data (only_run, &length);
  g_assert_true (kj_fit_parse (data, length, &whole, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (whole.n_points, ==, 1200);

  data = g_bytes_get_data (no_run, &length);
  g_assert_false (kj_fit_parse (data, length, &track, &error));
  g_assert_error (error, KJ_GPX_ERROR, KJ_GPX_ERROR_OTHER_SPORT);
  g_assert_cmpstr (error->message, ==, "a cycling activity, not a run");
}

/* activities.csv is read like a run file: never the journal or one of its
 * files (a descriptor closed on the journal drops SQLite's locks), never a
 * pipe, at most 64 MB by its size before it is read */
static void
test_fit_strava_csv_refused (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("fit-strava-csv.db");
  g_autofree char *dir = kj_test_tmp_path ("strava-csv-refused");
  g_autofree char *csv = g_build_filename (dir, "activities.csv", NULL);
  g_autofree char *wal = g_strconcat (kj_store_get_path (store), "-wal", NULL);
  const struct { const char *kind; const char *message; } cases[] = {
    { "journal", "activities.csv: this is the journal itself or one of its files, not Strava’s list of activities" },
    { "wal", "activities.csv: this is the journal itself or one of its files, not Strava’s list of activities" },
    { "fifo", "activities.csv: it is not a regular file (but a folder, a pipe or a device), so it is not read" },
    { "huge", "activities.csv: it is more than 64 MB, too large to read" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *paths[] = { dir, NULL };
      g_autoptr(GArray) results = NULL;
      const KjTrackResult *r;

      kj_test_remove_tree (dir);
      g_mkdir_with_parents (dir, 0700);
      if (g_str_equal (cases[i].kind, "journal"))
        g_assert_cmpint (symlink (kj_store_get_path (store), csv), ==, 0);
      else if (g_str_equal (cases[i].kind, "wal"))
        g_assert_cmpint (symlink (wal, csv), ==, 0);
      else if (g_str_equal (cases[i].kind, "fifo"))
        g_assert_cmpint (mkfifo (csv, 0600), ==, 0);
      else
        {
          /* a sparse file of 65 MB */
          FILE *f = fopen (csv, "w");

          g_assert_nonnull (f);
          g_assert_cmpint (ftruncate (fileno (f), 65 * 1024 * 1024), ==, 0);
          fclose (f);
        }

      results = kj_gpx_import (store, paths);
      g_assert_cmpuint (results->len, ==, 1);
      r = &g_array_index (results, KjTrackResult, 0);
      g_assert_cmpint (r->status, ==, KJ_TRACK_FAILED);
      g_assert_cmpstr (r->message, ==, cases[i].message);
    }
  kj_test_remove_tree (dir);
}

/* A session total that cannot be is unknown, not a refusal: a timer of 0 or
 * under a second (the moving time of the records instead), a negative
 * descent (from the altitudes instead: none here, so 0); the run is added
 * and no internal field name reaches the user */
static void
test_fit_bad_totals (void)
{
  /* timer ms, descent as sint16 */
  const guint64 bad[][2] = { { 0, 12 }, { 400, 12 }, { 599000, 0xFFF6 /* -10 */ } };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const guint64 sessions[][6] = { { 1, MS_T0 + i * 2000, 1200000, bad[i][0], 359700, bad[i][1] } };
      g_autoptr(GBytes) bytes = multisport (4, sessions, 1);
      g_autofree char *name = g_strdup_printf ("bad-total-%u.fit", i);
      g_autofree char *db = g_strdup_printf ("fit-bad-totals-%u.db", i);
      g_autoptr(KjStore) store = kj_test_open_new_store (db);
      g_autofree char *path = kj_test_tmp_path (name);
      const char *paths[] = { path, NULL };
      g_autoptr(GArray) results = NULL;
      g_autoptr(GError) error = NULL;
      const KjTrackResult *r;
      KjTrack track;
      gsize length;
      const guint8 *data = g_bytes_get_data (bytes, &length);

      g_assert_true (kj_fit_parse (data, length, &track, &error));
      g_assert_no_error (error);
      if (bad[i][0] < 1000)
        /* 1199 steps of 3 m a second: all moving */
        g_assert_cmpint (track.duration_s, ==, 1199);
      else
        g_assert_cmpint (track.duration_s, ==, 599);
      g_assert_cmpfloat (track.descent_m, ==, bad[i][1] == 12 ? 12 : 0);

      kj_test_write_file (path, (const char *) data, (gssize) length);
      results = kj_gpx_import (store, paths);
      r = &g_array_index (results, KjTrackResult, 0);
      g_assert_cmpint (r->status, ==, KJ_TRACK_ADDED);
      g_assert_null (r->message);
      g_unlink (path);
    }
}

/* A FIT file that is no activity (a course, monitoring) is skipped with a
 * sentence, not failed; in a folder, hidden files and macOS's AppleDouble
 * “._x.fit” are left out */
static void
test_fit_not_activity_skipped (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("fit-not-activity.db");
  g_autofree char *dir = kj_test_tmp_path ("fit-not-activity");
  const guint64 sessions[][6] = { { 1, MS_T0, 1200000, 1199000, 359700, 12 } };
  const struct { guint type; const char *message; } files[] = {
    { 6, "course.fit: a FIT course (a route to follow), not an activity" },
    { 32, "monitoring.fit: a FIT file of the day’s monitoring, not an activity" },
    { 200, "other.fit: a FIT file of type 200, not an activity" },
  };
  const char *names[] = { "course.fit", "monitoring.fit", "other.fit" };
  const char *paths[] = { dir, NULL };
  g_autoptr(GBytes) run = multisport (4, sessions, 1);
  g_autoptr(GArray) results = NULL;

  kj_test_remove_tree (dir);
  g_mkdir_with_parents (dir, 0700);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GBytes) bytes = multisport (files[i].type, sessions, 1);
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      write_bytes (path, bytes);
    }
  {
    g_autofree char *run_path = g_build_filename (dir, "run.fit", NULL);
    g_autofree char *apple = g_build_filename (dir, "._run.fit", NULL);
    g_autofree char *hidden = g_build_filename (dir, ".hidden.gpx", NULL);
    const char apple_double[] = "\x00\x05\x16\x07 AppleDouble";

    write_bytes (run_path, run);
    kj_test_write_file (apple, apple_double, sizeof apple_double - 1);
    kj_test_write_file (hidden, "not xml", -1);
  }

  results = kj_gpx_import (store, paths);
  /* course, monitoring, other, run: the hidden ones are not read */
  g_assert_cmpuint (results->len, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      const KjTrackResult *r = &g_array_index (results, KjTrackResult, i);

      g_assert_cmpint (r->status, ==, KJ_TRACK_SKIPPED);
      g_assert_cmpstr (r->message, ==, files[i].message);
    }
  g_assert_cmpint (g_array_index (results, KjTrackResult, 3).status, ==, KJ_TRACK_ADDED);
  g_assert_cmpstr (g_array_index (results, KjTrackResult, 3).name, ==, "run.fit");
  kj_test_remove_tree (dir);
}

/* A Strava export of @csv whose activities/1.fit is a run and
 * activities/2.fit a ride */
static char *
write_strava_export (const char *name,
                     const char *csv)
{
  char *dir = kj_test_tmp_path (name);
  g_autofree char *activities = g_build_filename (dir, "activities", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "activities.csv", NULL);
  g_autofree char *run_path = g_build_filename (activities, "1.fit", NULL);
  g_autofree char *ride_path = g_build_filename (activities, "2.fit", NULL);
  const guint64 run[][6] = { { 1, MS_T0, 1200000, 1199000, 359700, 12 } };
  const guint64 ride[][6] = { { 2, MS_T0, 1200000, 1199000, 359700, 12 } };
  g_autoptr(GBytes) run_bytes = multisport (4, run, 1);
  g_autoptr(GBytes) ride_bytes = multisport (4, ride, 1);

  kj_test_remove_tree (dir);
  g_mkdir_with_parents (activities, 0700);
  kj_test_write_file (csv_path, csv, -1);
  write_bytes (run_path, run_bytes);
  write_bytes (ride_path, ride_bytes);

  return dir;
}

/* An activity's name longer than a run's notes may be: the notes end in an
 * ellipsis at the limit; a name that is not UTF-8 is made valid */
static void
test_fit_strava_long_name (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("fit-strava-long.db");
  g_autofree char *name = g_strnfill (1200, 'L');
  g_autofree char *csv = g_strdup_printf ("Activity ID,Activity Name,Activity Type,Filename\n"
                                          "1,%s,Run,activities/1.fit\n", name);
  g_autofree char *dir = write_strava_export ("strava-long", csv);
  const char *paths[] = { dir, NULL };
  g_autoptr(GArray) results = kj_gpx_import (store, paths);
  g_autoptr(GPtrArray) runs = kj_store_list_runs (store, NULL, NULL, NULL);
  const KjRun *run;

  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpint (g_array_index (results, KjTrackResult, 0).status, ==, KJ_TRACK_ADDED);
  g_assert_cmpuint (runs->len, ==, 1);
  run = runs->pdata[0];
  g_assert_cmpint (g_utf8_strlen (run->notes, -1), ==, KJ_RECORD_NOTES_MAX);
  g_assert_true (g_str_has_prefix (run->notes, "Imported from Strava: LLLL"));
  g_assert_true (g_str_has_suffix (run->notes, "LLL…"));
  kj_test_remove_tree (dir);
}

/* Strava writes activities.csv in the account's language: German columns
 * and types; a type it does not know is read and the file's sport decides;
 * columns of another language: the files are the column of “activities/…” */
static void
test_fit_strava_german (void)
{
  const char *german =
    "Aktivitäts-ID,Aktivitätsdatum,Name der Aktivität,Aktivitätsart,Aktivitätsbeschreibung,Verstrichene Zeit,"
    "Distanz,Aktivitätsausrüstung,Dateiname\n"
    "1,\"04.03.2026, 07:00:00\",Morgenlauf,Lauf,,1199,3.6,Pegasus 40,activities/1.fit\n"
    "2,\"04.03.2026, 08:00:00\",Pendeln,Radfahrt,,1199,3.6,Rennrad,activities/2.fit\n";
  const char *unknown_types =
    "Activity ID,Activity Name,Activity Type,Filename\n"
    "1,Morning,Laufband,activities/1.fit\n"
    "2,Commute,Vélo,activities/2.fit\n";
  const char *french =
    "ID de l'activité,Nom de l'activité,Type d'activité,Nom du fichier\n"
    "1,Footing,Course à pied,activities/1.fit\n";
  const struct { const char *csv; KjTrackStatus status[2]; const char *message[2]; const char *notes; } cases[] = {
    { german, { KJ_TRACK_ADDED, KJ_TRACK_SKIPPED }, { NULL, "2.fit: a Strava activity of type “Radfahrt”, not a run" },
      "Imported from Strava: Morgenlauf" },
    { unknown_types, { KJ_TRACK_ADDED, KJ_TRACK_SKIPPED }, { NULL, "2.fit: a cycling activity, not a run" },
      "Imported from Strava: Morning" },
    { french, { KJ_TRACK_ADDED }, { NULL }, "Imported from 1.fit" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *db = g_strdup_printf ("fit-strava-lang-%u.db", i);
      g_autoptr(KjStore) store = kj_test_open_new_store (db);
      g_autofree char *dir = write_strava_export ("strava-lang", cases[i].csv);
      const char *paths[] = { dir, NULL };
      g_autoptr(GArray) results = kj_gpx_import (store, paths);
      g_autoptr(GPtrArray) runs = kj_store_list_runs (store, NULL, NULL, NULL);
      guint n = cases[i].status[1] == KJ_TRACK_SKIPPED ? 2 : 1;

      g_assert_cmpuint (results->len, ==, n);
      for (guint k = 0; k < n; k++)
        {
          const KjTrackResult *r = &g_array_index (results, KjTrackResult, k);

          g_assert_cmpint (r->status, ==, cases[i].status[k]);
          g_assert_cmpstr (r->message, ==, cases[i].message[k]);
        }
      g_assert_cmpuint (runs->len, ==, 1);
      g_assert_cmpstr (((KjRun *) runs->pdata[0])->notes, ==, cases[i].notes);
      if (cases[i].csv == german)
        g_assert_cmpstr (g_array_index (results, KjTrackResult, 0).gear, ==, "Pegasus 40");
      kj_test_remove_tree (dir);
    }
}

/* The summary of --import-runs counts in words (ngettext), in German too; an
 * empty path is a usage error */
static void
test_fit_cli_plurals (void)
{
  g_autofree char *db = kj_test_tmp_path ("fit-cli-plurals.db");
  g_autofree char *path = kj_test_tmp_path ("plurals.fit");
  const guint64 sessions[][6] = { { 1, MS_T0, 1200000, 1199000, 359700, 12 } };
  g_autoptr(GBytes) bytes = multisport (4, sessions, 1);
  g_auto(KjTestRun) english = { 0 };
  g_auto(KjTestRun) german = { 0 };
  g_auto(KjTestRun) empty = { 0 };

  write_bytes (path, bytes);
  g_unlink (db);
  kj_test_run_cli (&english, NULL, "--db", db, "--import-runs", path, NULL);
  g_assert_cmpint (english.status, ==, 0);
  g_assert_nonnull (strstr (english.out, "1 run added, 0 skipped (already in the journal, or not runs), "
                                         "0 files with errors\n"));

  kj_test_run_cli_in (&german, "de", "de_DE.UTF-8", "--db", db, "--import-runs", path, NULL);
  g_test_message ("%s", german.out);
  g_assert_cmpint (german.status, ==, 0);
  /* the same file, recognised in a German locale too (its hash does not depend on the decimal comma) */
  g_assert_nonnull (strstr (german.out, "0 Läufe hinzugefügt, 1 übersprungen (schon im Tagebuch oder kein Lauf), "
                                        "0 Dateien mit Fehlern\n"));

  kj_test_run_cli (&empty, NULL, "--db", db, "--import-runs", "", NULL);
  g_assert_cmpint (empty.status, ==, 2);
  g_assert_true (g_str_has_prefix (empty.err,
                                   "knee-journal: error: --import-runs needs the path of a file or a folder\n"));
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fit/crc", test_fit_crc);
  g_test_add_func ("/fit/encodings", test_fit_encodings);
  g_test_add_func ("/fit/fallbacks", test_fit_fallbacks);
  g_test_add_func ("/fit/other-sports", test_fit_other_sports);
  g_test_add_func ("/fit/hostile", test_fit_hostile);
  g_test_add_func ("/fit/hostile-nothing-stored", test_fit_hostile_nothing_stored);
  g_test_add_func ("/fit/gzip", test_fit_gzip);
  g_test_add_func ("/fit/csv", test_fit_csv);
  g_test_add_func ("/fit/strava", test_fit_strava);
  g_test_add_func ("/fit/cli", test_fit_cli);
  g_test_add_func ("/fit/multisport", test_fit_multisport);
  g_test_add_func ("/fit/strava-csv-refused", test_fit_strava_csv_refused);
  g_test_add_func ("/fit/bad-totals", test_fit_bad_totals);
  g_test_add_func ("/fit/not-activity-skipped", test_fit_not_activity_skipped);
  g_test_add_func ("/fit/strava-long-name", test_fit_strava_long_name);
  g_test_add_func ("/fit/strava-german", test_fit_strava_german);
  g_test_add_func ("/fit/cli-plurals", test_fit_cli_plurals);

  return g_test_run ();
}
