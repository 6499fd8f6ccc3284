/* kj-bench.h — side-by-side timing for the benchmarks: a job against its floor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One timed run; returns milliseconds (or a negative value on failure) */
typedef double (*KjBenchStep) (gpointer data);

typedef struct
{
  double ours_ms;       /* median */
  double floor_ms;      /* median */
  double ours_min_ms;
  double floor_min_ms;
} KjBenchPair;

double   kj_bench_now_ms     (void);
gboolean kj_bench_spawn      (const char *const *argv,
                              const char        *stdin_path,
                              const char        *stdout_path,
                              double            *ms,
                              long              *max_rss_kib,
                              GError           **error);
void     kj_bench_interleave (guint              runs,
                              KjBenchStep        ours,
                              KjBenchStep        floor_step,
                              gpointer           data,
                              KjBenchPair       *pair);
gboolean kj_bench_ratio      (const char        *job,
                              double             ours,
                              const char        *floor_name,
                              double             floor_value,
                              const char        *unit,
                              double             goal);

G_END_DECLS
