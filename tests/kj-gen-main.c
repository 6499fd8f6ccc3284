/* kj-gen-main.c — kj-gen: write a generated journal JSON (doc/testing.md, “Test and benchmark data”)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   kj-gen --seed 1 --days 3653 --scenario mixed --last 2026-11-01 -o large.json
 */
#include "config.h"

#include <stdlib.h>

#include "kj-file.h"
#include "kj-gen.h"
#include "kj-json.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- write a generated Knee Journal JSON file");
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *scenario = g_strdup ("mixed");
  g_autofree char *last = g_strdup ("2026-11-01");
  g_autofree char *output = g_strdup ("-");
  int seed = 1;
  int days = KJ_GEN_LARGE_DAYS;
  gsize length;
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed (default 1)", "N" },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, "Days covered (default 3653)", "N" },
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &scenario,
      "improving, plateau, worsening, red-flag, sparse or mixed (default)", "NAME" },
    { "last", 0, 0, G_OPTION_ARG_STRING, &last, "Last date (default 2026-11-01)", "DATE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Output file (default stdout)", "FILE" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("kj-gen: %s\n", error->message);
      return 2;
    }

  if (days <= 0 || !(journal = kj_gen_journal ((guint32) seed, (guint) days, scenario, last, &error)))
    {
      g_printerr ("kj-gen: %s\n", error ? error->message : "--days must be positive");
      return 2;
    }

  text = kj_json_generate (journal, &length);
  if (!kj_file_write_atomic (output, NULL, text, length, &error))
    {
      g_printerr ("kj-gen: %s\n", error->message);
      return 1;
    }

  return 0;
}
