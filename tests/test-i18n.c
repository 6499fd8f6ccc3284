/* test-i18n.c — the built binary speaks the user's language from the build tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "kj-test-util.h"

static void
test_localedir_is_the_build (void)
{
  g_autofree char *mo = NULL;

  g_assert_nonnull (g_getenv ("KJ_LOCALEDIR"));
  mo = g_build_filename (g_getenv ("KJ_LOCALEDIR"), "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
}

static void
test_help_in_german (void)
{
  g_auto(KjTestRun) run = { 0 };

  kj_test_run_cli_in (&run, "de", "C.UTF-8", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Diese Tagebuchdatei statt der voreingestellten verwenden"));
  g_assert_null (strstr (run.out, "Use this journal file instead of the default"));
}

static void
test_usage_error_in_german (void)
{
  g_auto(KjTestRun) run = { 0 };

  kj_test_run_cli_in (&run, "de", "C.UTF-8", "--as-of", "2026-01-01", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "knee-journal: Fehler: --as-of gehört zu --summary, --summary-json oder --export-pdf"));
}

/* with a German locale proper, when the system has one */
static void
test_german_locale (void)
{
  g_auto(KjTestRun) run = { 0 };
  g_autoptr(GSubprocess) locales = NULL;
  g_autofree char *list = NULL;
  g_autoptr(GError) error = NULL;

  locales = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              "locale", "-a", NULL);
  if (locales == NULL || !g_subprocess_communicate_utf8 (locales, NULL, NULL, &list, NULL, NULL) ||
      list == NULL || (strstr (list, "de_DE.utf8") == NULL && strstr (list, "de_DE.UTF-8") == NULL))
    {
      g_test_skip ("no de_DE.UTF-8 locale here (build-aux/deps.sh generates it)");
      return;
    }

  kj_test_run_cli_in (&run, "de", "de_DE.UTF-8", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Diese Tagebuchdatei statt der voreingestellten verwenden"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/i18n/localedir-is-the-build", test_localedir_is_the_build);
  g_test_add_func ("/i18n/help-in-german", test_help_in_german);
  g_test_add_func ("/i18n/usage-error-in-german", test_usage_error_in_german);
  g_test_add_func ("/i18n/german-locale", test_german_locale);

  return g_test_run ();
}
