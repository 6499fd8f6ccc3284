/* bench-pdf.c — the doctor's report of the 10-year journal, against poppler re-rendering the same PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both sides are whole processes: `knee-journal --export-pdf` (open the
 * journal, read it, assess, lay out and write every page) and `pdftocairo
 * -pdf` of the file it wrote (parse it and draw every page again with cairo
 * into a new PDF). The goal (issue #20) is half the floor's time.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "kj-bench.h"
#include "kj-test-util.h"

#define RUNS 5

typedef struct
{
  const char *binary;
  char       *db;
  char       *pdf;
  char       *again;
} Bench;

static double
export_pdf (gpointer data)
{
  Bench *b = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *option = g_strdup_printf ("--export-pdf=%s", b->pdf);
  const char *argv[] = { b->binary, "--db", b->db, option, NULL };
  double ms;

  kj_bench_spawn (argv, NULL, NULL, &ms, NULL, &error);
  g_assert_no_error (error);
  return ms;
}

static double
rerender (gpointer data)
{
  Bench *b = data;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftocairo", "-pdf", b->pdf, b->again, NULL };
  double ms;

  kj_bench_spawn (argv, NULL, NULL, &ms, NULL, &error);
  g_assert_no_error (error);
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("kj-bench-pdf-XXXXXX", &error);
  g_autofree char *json = g_build_filename (tmp, "journal.json", NULL);
  g_autofree char *pdftocairo = g_find_program_in_path ("pdftocairo");
  g_autofree char *import = NULL;
  Bench b = { 0 };
  KjBenchPair pair;
  long rss_kib = 0;

  /* the ratio lines' × and ≤ in the environment's UTF-8, not as “?” */
  setlocale (LC_ALL, "");
  g_assert_no_error (error);
  if (pdftocairo == NULL)
    {
      g_print ("SKIP: the floor needs pdftocairo (poppler-utils)\n");
      return 77;
    }

  b.binary = g_getenv ("KJ_BINARY");
  b.db = g_build_filename (tmp, "journal.db", NULL);
  b.pdf = g_build_filename (tmp, "report.pdf", NULL);
  b.again = g_build_filename (tmp, "again.pdf", NULL);
  g_assert_nonnull (b.binary);

  /* the 10-year journal (doc/testing.md), imported as a user would */
  {
    const char *gen[] = { g_getenv ("KJ_GEN"), "-o", json, NULL };
    const char *imp[] = { b.binary, "--db", b.db, "--import-json", json, NULL };

    kj_bench_spawn (gen, NULL, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    kj_bench_spawn (imp, NULL, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
  }

  kj_bench_interleave (RUNS, export_pdf, rerender, &b, &pair);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (b.pdf, &st), ==, 0);
    g_print ("the report of 10 years: %.0f kB\n", st.st_size / 1000.0);
  }
  kj_bench_ratio ("--export-pdf, 10 years", pair.ours_ms, "pdftocairo -pdf of the same file", pair.floor_ms, "ms",
                  0.5);

  /* the peak memory of one export */
  {
    g_autofree char *option = g_strdup_printf ("--export-pdf=%s", b.pdf);
    const char *export_argv[] = { b.binary, "--db", b.db, option, NULL };

    kj_bench_spawn (export_argv, NULL, NULL, NULL, &rss_kib, &error);
    g_assert_no_error (error);
    g_print ("--export-pdf, 10 years: peak memory %.1f MiB\n", rss_kib / 1024.0);
  }

  kj_test_remove_tree (tmp);
  g_free (b.db);
  g_free (b.pdf);
  g_free (b.again);

  return 0;
}
