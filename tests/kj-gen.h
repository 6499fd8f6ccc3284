/* kj-gen.h — the deterministic journal generator of doc/testing.md, “Test and benchmark data”
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kj-types.h"

G_BEGIN_DECLS

/* The large benchmark journal: 10 years. */
#define KJ_GEN_LARGE_DAYS 3653

const char * const *kj_gen_scenarios (void);
KjJournal          *kj_gen_journal   (guint32     seed,
                                      guint       n_days,
                                      const char *scenario,
                                      const char *last_date,
                                      GError    **error);
void                kj_gen_write_gpx (const char *path,
                                      guint       index,
                                      guint       n_points);

G_END_DECLS
