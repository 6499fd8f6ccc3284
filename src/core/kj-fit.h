/* kj-fit.h — runs from FIT activity files, the binary format of sports watches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kj-gpx.h"

G_BEGIN_DECLS

/* seconds from the unix epoch to FIT's, 1989-12-31 00:00 UTC */
#define KJ_FIT_EPOCH 631065600

gboolean  kj_fit_is_fit  (const guint8 *data,
                          gsize         length);
gboolean  kj_fit_parse   (const guint8 *data,
                          gsize         length,
                          KjTrack      *track,
                          GError      **error);
guint16   kj_fit_crc     (guint16       crc,
                          const guint8 *data,
                          gsize         length);

G_END_DECLS
