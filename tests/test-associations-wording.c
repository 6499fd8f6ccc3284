/* test-associations-wording.c — the words of an interval that includes no difference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "kj-associations.h"

/* doc/associations.md: “An interval that includes no difference says so: ‘0.2 lower (0.5 lower to 0.1
 * higher)’”. The words are chosen from the bounds rounded to tenths, so an interval from 0.60 lower to
 * 0.007 higher (it includes no difference) reads “0.3 lower (0.0 to 0.6)”, exactly like an interval from
 * 0.60 lower to 0.007 lower (which does not). Seen in a report: “Downhill runs: 0.3 lower (0.0 to 0.6)”
 * with ci_high 0.00695 in --summary-json. */
static void
test_interval_across_zero (void)
{
  KjAssociation across = { "run-downhill", "run", -0.2964, -0.5973, 0.00695, 2.0, 2.3, 19, 106 };
  KjAssociation below = { "running", "aggravator", -0.3008, -0.5885, -0.00719, 2.0, 2.3, 26, 123 };
  g_autofree char *a = kj_association_change (&across);
  g_autofree char *b = kj_association_change (&below);

  g_test_message ("across zero: %s; below zero: %s", a, b);
  /* the interval that includes no difference says so */
  g_assert_nonnull (strstr (a, "higher"));
  /* and the two do not read the same */
  g_assert_cmpstr (a, !=, b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/associations-wording/interval-across-zero", test_interval_across_zero);
  return g_test_run ();
}
