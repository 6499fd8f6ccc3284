/* kj-fit-encoder.c — a small FIT encoder for the tests, the fuzzer and the benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What it writes, byte for byte, independently of src/core/kj-fit.c:
 *  - kj_fit_encoder_define(): a definition message: the header byte 0x40 |
 *    local type (| 0x20 with developer fields), a reserved 0, the
 *    architecture (0 little, 1 big endian), the global message number in
 *    that order, the number of fields and each field's (number, size, base
 *    type), then, with developer fields, their number and each one's
 *    (number, size, developer data index);
 *  - kj_fit_encoder_data(): a data message: the header byte (the local
 *    type), then each field's value in its size and the definition's byte
 *    order (a size above 8 is zeros), then each developer field's bytes as
 *    0xAB;
 *  - kj_fit_encoder_data_compressed(): the same with the header byte 0x80 |
 *    local type << 5 | the time's low five bits;
 *  - kj_fit_encoder_raw(): any bytes, for hostile files;
 *  - kj_fit_encoder_finish(): the 12- or 14-byte header (header size,
 *    protocol version 0x20, profile version 2132, the data size, ".FIT", and
 *    for 14 bytes the header's CRC), the messages, and the CRC of all before
 *    it, little endian. The CRC is CRC-16/ARC (reflected polynomial 0xA001,
 *    initial value 0), computed here bit by bit, not with the FIT SDK's table
 *    that the importer uses.
 * kj_gen_fit_activity() writes a whole activity with it: file_id, a record
 * a second, one lap and the session.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kj-fit-encoder.h"

#define FIT_EPOCH 631065600
#define R_EARTH   6371008.8

typedef struct
{
  gboolean defined;
  gboolean big_endian;
  guint    n_fields;
  guint8   sizes[255];
  guint    developer_size;
} Local;

struct _KjFitEncoder
{
  GByteArray *messages;
  Local       locals[16];
};

KjFitEncoder *
kj_fit_encoder_new (void)
{
  KjFitEncoder *self = g_new0 (KjFitEncoder, 1);

  self->messages = g_byte_array_new ();
  return self;
}

void
kj_fit_encoder_free (KjFitEncoder *self)
{
  g_byte_array_unref (self->messages);
  g_free (self);
}

guint16
kj_fit_encoder_crc (const guint8 *data,
                    gsize         length)
{
  guint16 crc = 0;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int bit = 0; bit < 8; bit++)
        crc = (crc & 1) ? (crc >> 1) ^ 0xA001 : crc >> 1;
    }

  return crc;
}

static void
put (GByteArray *out,
     guint64     value,
     guint       size,
     gboolean    big_endian)
{
  for (guint i = 0; i < size; i++)
    {
      guint shift = big_endian ? 8 * (size - 1 - i) : 8 * i;
      guint8 byte = size > 8 ? 0 : (guint8) (value >> shift);

      g_byte_array_append (out, &byte, 1);
    }
}

void
kj_fit_encoder_define (KjFitEncoder *self,
                       guint         local,
                       gboolean      big_endian,
                       guint16       global,
                       const guint8 *fields,
                       guint         n_fields,
                       const guint8 *developer_fields,
                       guint         n_developer_fields)
{
  Local *l = &self->locals[local & 0x0F];
  guint8 header = 0x40 | (local & 0x0F) | (n_developer_fields > 0 ? 0x20 : 0);

  g_byte_array_append (self->messages, &header, 1);
  put (self->messages, 0, 1, FALSE);
  put (self->messages, big_endian ? 1 : 0, 1, FALSE);
  put (self->messages, global, 2, big_endian);
  put (self->messages, n_fields, 1, FALSE);
  g_byte_array_append (self->messages, fields, 3 * n_fields);

  l->defined = TRUE;
  l->big_endian = big_endian;
  l->n_fields = n_fields;
  l->developer_size = 0;
  for (guint i = 0; i < n_fields; i++)
    l->sizes[i] = fields[3 * i + 1];

  if (n_developer_fields > 0)
    {
      put (self->messages, n_developer_fields, 1, FALSE);
      g_byte_array_append (self->messages, developer_fields, 3 * n_developer_fields);
      for (guint i = 0; i < n_developer_fields; i++)
        l->developer_size += developer_fields[3 * i + 1];
    }
}

static void
put_values (KjFitEncoder  *self,
            const Local   *l,
            const guint64 *values)
{
  for (guint i = 0; i < l->n_fields; i++)
    put (self->messages, values[i], l->sizes[i], l->big_endian);
  for (guint i = 0; i < l->developer_size; i++)
    put (self->messages, 0xAB, 1, FALSE);
}

void
kj_fit_encoder_data (KjFitEncoder  *self,
                     guint          local,
                     const guint64 *values)
{
  guint8 header = local & 0x0F;

  g_assert_true (self->locals[header].defined);
  g_byte_array_append (self->messages, &header, 1);
  put_values (self, &self->locals[header], values);
}

void
kj_fit_encoder_data_compressed (KjFitEncoder  *self,
                                guint          local,
                                guint32        time,
                                const guint64 *values)
{
  guint8 header = 0x80 | (local & 0x03) << 5 | (time & 0x1F);

  g_assert_true (self->locals[local & 0x03].defined);
  g_byte_array_append (self->messages, &header, 1);
  put_values (self, &self->locals[local & 0x03], values);
}

void
kj_fit_encoder_raw (KjFitEncoder *self,
                    const guint8 *bytes,
                    gsize         length)
{
  g_byte_array_append (self->messages, bytes, length);
}

GBytes *
kj_fit_encoder_finish (KjFitEncoder *self,
                       guint         header_size)
{
  GByteArray *out = g_byte_array_new ();

  g_assert_true (header_size == 12 || header_size == 14);
  put (out, header_size, 1, FALSE);
  put (out, 0x20, 1, FALSE);
  put (out, 2132, 2, FALSE);
  put (out, self->messages->len, 4, FALSE);
  g_byte_array_append (out, (const guint8 *) ".FIT", 4);
  if (header_size == 14)
    put (out, kj_fit_encoder_crc (out->data, 12), 2, FALSE);
  g_byte_array_append (out, self->messages->data, self->messages->len);
  put (out, kj_fit_encoder_crc (out->data, out->len), 2, FALSE);

  return g_byte_array_free_to_bytes (out);
}

void
kj_gen_fit_defaults (KjGenFit *spec)
{
  memset (spec, 0, sizeof *spec);
  spec->session_distance = TRUE;
  spec->record_distance = TRUE;
  spec->positions = TRUE;
  spec->header_size = 14;
  spec->sport = 1;
  spec->n_records = 600;
  spec->start = 1772434800;    /* 2026-03-02 07:00 UTC */
  spec->lat0 = 52.5;
  spec->lon0 = 13.4;
  spec->step_m = 3.0;
  spec->pause_s = 20;
  spec->descent_m = 37;
}

static guint64
semicircles (double degrees)
{
  return (guint64) (guint32) (gint32) lround (degrees * 2147483648.0 / 180);
}

/* The activity of @spec: file_id (local 0), records (local 1 with a full
 * timestamp, local 2 without one after compressed headers), a lap (local 3)
 * and the session (local 4). The track runs due north at step_m a second;
 * the elevation falls 0.1 m a second from 100 m. */
GBytes *
kj_gen_fit_activity (const KjGenFit *spec)
{
  g_autoptr(KjFitEncoder) e = kj_fit_encoder_new ();
  const gboolean be = spec->big_endian;
  const guint32 t0 = (guint32) (spec->start - FIT_EPOCH);
  const guint8 file_id[] = { 0, 1, 0x00, 1, 2, 0x84, 4, 4, 0x86 };
  /* record: timestamp, lat, long, altitude, distance */
  const guint8 record[] = { 253, 4, 0x86, 0, 4, 0x85, 1, 4, 0x85, 2, 2, 0x84, 5, 4, 0x86 };
  const guint8 developer[] = { 0, 4, 0, 1, 1, 0 };
  const guint8 lap[] = { 253, 4, 0x86, 2, 4, 0x86, 9, 4, 0x86, 25, 1, 0x00 };
  const guint8 session[] = { 253, 4, 0x86, 2, 4, 0x86, 5, 1, 0x00, 6, 1, 0x00, 7, 4, 0x86, 8, 4, 0x86,
                             9, 4, 0x86, 23, 2, 0x84 };
  const guint32 elapsed_ms = (spec->n_records - 1) * 1000;
  const guint64 total_cm = (guint64) llround ((spec->n_records - 1) * spec->step_m * 100);

  kj_fit_encoder_define (e, 0, be, 0, file_id, 3, NULL, 0);
  kj_fit_encoder_data (e, 0, (const guint64[]) { 4, 1, t0 });

  kj_fit_encoder_define (e, 1, be, 20, record, 5, developer, spec->developer ? 2 : 0);
  /* without the timestamp: the fields after it */
  kj_fit_encoder_define (e, 2, be, 20, record + 3, 4, developer, spec->developer ? 2 : 0);

  for (guint i = 0; i < spec->n_records; i++)
    {
      double lat = spec->lat0 + (i * spec->step_m / R_EARTH) * 180 / G_PI;
      guint64 values[5] = {
        t0 + i,
        spec->positions ? semicircles (lat) : 0x7FFFFFFF,
        spec->positions ? semicircles (spec->lon0) : 0x7FFFFFFF,
        (guint64) lround ((100 - 0.1 * i + 500) * 5),
        spec->record_distance ? (guint64) llround (i * spec->step_m * 100) : 0xFFFFFFFF,
      };

      if (spec->compressed && i > 0)
        kj_fit_encoder_data_compressed (e, 2, t0 + i, values + 1);
      else
        kj_fit_encoder_data (e, 1, values);
    }

  kj_fit_encoder_define (e, 3, be, 19, lap, 4, NULL, 0);
  kj_fit_encoder_data (e, 3, (const guint64[]) {
    t0 + spec->n_records - 1, t0, spec->session_distance ? total_cm : 0xFFFFFFFF, (guint64) spec->sport });

  kj_fit_encoder_define (e, 4, be, 18, session, 8, NULL, 0);
  kj_fit_encoder_data (e, 4, (const guint64[]) {
    t0 + spec->n_records - 1, t0, (guint64) spec->sport, (guint64) spec->sub_sport, elapsed_ms,
    elapsed_ms - spec->pause_s * 1000, spec->session_distance ? total_cm : 0xFFFFFFFF, spec->descent_m });

  return kj_fit_encoder_finish (e, spec->header_size);
}

/* The run of kj_gen_write_gpx() as a FIT file: the same points, a record a
 * second with position, altitude and distance (2.8 m a second), then a lap
 * and the session. */
void
kj_gen_write_fit (const char *path,
                  guint       index,
                  guint       n_points)
{
  g_autoptr(KjFitEncoder) e = kj_fit_encoder_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const guint32 t0 = (guint32) (1577862000 + (gint64) index * 86400 - FIT_EPOCH);   /* 2020-01-01 07:00 UTC + days */
  const guint8 file_id[] = { 0, 1, 0x00, 1, 2, 0x84, 4, 4, 0x86 };
  const guint8 record[] = { 253, 4, 0x86, 0, 4, 0x85, 1, 4, 0x85, 2, 2, 0x84, 5, 4, 0x86 };
  const guint8 session[] = { 253, 4, 0x86, 2, 4, 0x86, 5, 1, 0x00, 7, 4, 0x86, 8, 4, 0x86, 9, 4, 0x86 };
  const guint32 total_cm = (guint32) llround ((n_points - 1) * 2.8 * 100);

  kj_fit_encoder_define (e, 0, FALSE, 0, file_id, 3, NULL, 0);
  kj_fit_encoder_data (e, 0, (const guint64[]) { 4, 1, t0 });
  kj_fit_encoder_define (e, 1, FALSE, 20, record, 5, NULL, 0);
  for (guint i = 0; i < n_points; i++)
    kj_fit_encoder_data (e, 1, (const guint64[]) {
      t0 + i, semicircles (52.5 + 0.0014 * sin (i * 2.8 / 160.0)), semicircles (13.4 + 0.0023 * cos (i * 2.8 / 160.0)),
      (guint64) lround ((40 + 12 * sin (i / 300.0) + 500) * 5), (guint64) llround (i * 2.8 * 100) });
  kj_fit_encoder_define (e, 2, FALSE, 18, session, 6, NULL, 0);
  kj_fit_encoder_data (e, 2, (const guint64[]) {
    t0 + n_points - 1, t0, 1, (n_points - 1) * 1000, (n_points - 1) * 1000, total_cm });

  bytes = kj_fit_encoder_finish (e, 14);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}
