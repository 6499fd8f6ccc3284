/* kj-fit-encoder.h — a small FIT encoder for the tests, the fuzzer and the benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _KjFitEncoder KjFitEncoder;

KjFitEncoder *kj_fit_encoder_new             (void);
void          kj_fit_encoder_free            (KjFitEncoder  *self);
void          kj_fit_encoder_define          (KjFitEncoder  *self,
                                              guint          local,
                                              gboolean       big_endian,
                                              guint16        global,
                                              const guint8  *fields,
                                              guint          n_fields,
                                              const guint8  *developer_fields,
                                              guint          n_developer_fields);
void          kj_fit_encoder_data            (KjFitEncoder  *self,
                                              guint          local,
                                              const guint64 *values);
void          kj_fit_encoder_data_compressed (KjFitEncoder  *self,
                                              guint          local,
                                              guint32        time,
                                              const guint64 *values);
void          kj_fit_encoder_raw             (KjFitEncoder  *self,
                                              const guint8  *bytes,
                                              gsize          length);
GBytes       *kj_fit_encoder_finish          (KjFitEncoder  *self,
                                              guint          header_size);
guint16       kj_fit_encoder_crc             (const guint8  *data,
                                              gsize          length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjFitEncoder, kj_fit_encoder_free)

/* A run (or another sport) as a FIT activity file: kj_gen_fit_activity() */
typedef struct
{
  gboolean  big_endian;
  gboolean  compressed;        /* records after the first with compressed-timestamp headers */
  gboolean  developer;         /* a developer field (4 bytes) and another (1 byte) in every record */
  gboolean  session_distance;  /* the session's total_distance */
  gboolean  record_distance;   /* each record's distance */
  gboolean  positions;         /* each record's position */
  guint     header_size;       /* 12 or 14 */
  int       sport;             /* 1 running, 2 cycling */
  int       sub_sport;
  guint     n_records;         /* one a second */
  gint64    start;             /* unix seconds */
  double    lat0, lon0;        /* the first position; the track runs due north */
  double    step_m;            /* metres a second */
  guint     pause_s;           /* the session's timer time is its elapsed time less this */
  guint     descent_m;         /* the session's total_descent */
} KjGenFit;

void          kj_gen_fit_defaults            (KjGenFit       *spec);
GBytes       *kj_gen_fit_activity            (const KjGenFit *spec);
void          kj_gen_write_fit               (const char     *path,
                                              guint           index,
                                              guint           n_points);

G_END_DECLS
