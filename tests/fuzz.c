/* fuzz.c — a deterministic mutation fuzzer for the JSON importer, the GPX/TCX
 * parser, the FIT decoder and the CSV writer's quoting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Seeds: a generated journal, the tracks and hostile files in tests/data/.
 * Each execution mutates a seed (flips, inserts, deletions, repeats,
 * truncation, splices of tokens such as `"`, `{`, `1e999`, `]]>`) and feeds it
 * to the parser, checking what must hold whatever the input:
 *  - JSON: a journal or an error, never both or neither; a journal has only
 *    valid values and survives generate → parse → generate unchanged;
 *  - GPX/TCX: a track or an error; a track has a real date, a finite,
 *    non-negative distance and at least two points;
 *  - FIT (seeds from tests/kj-fit-encoder.c: both byte orders, compressed
 *    timestamps, developer fields, a ride): each mutant is read twice, as it
 *    is (the CRC refuses nearly all) and with its data size and CRCs made
 *    right again, so that the messages themselves are fuzzed; a track or an
 *    error, a track with a real date and a distance of a run;
 *  - CSV: any text in a field reads back unchanged with RFC 4180 rules.
 * Built with `-Db_sanitize=address,undefined` it also catches memory errors.
 * The suite runs 2,000 executions per target; the benchmark `--budget N`.
 * Inputs that once failed are kept in tests/data/fuzz/ and replayed first.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kj-csv.h"
#include "kj-fit-encoder.h"
#include "kj-fit.h"
#include "kj-gen.h"
#include "kj-gpx.h"
#include "kj-json.h"
#include "kj-types.h"

static guint budget = 2000;

static const char * const tokens[] = {
  "\"", "{", "}", "[", "]", ",", ":", "\\", "\\u0000", "\\ud800", "null", "true", "-1", "11", "1e999",
  "-0", "9999999999999999999999", "\"date\"", "\"pain\": 11", "2026-02-30", "<", ">", "&", "&amp;", "]]>",
  "<![CDATA[", "<!ENTITY x \"xx\">", "&x;", "<trkpt lat=\"91\" lon=\"0\">", "<time>", "</time>",
  "2026-03-02T07:00:00Z", "NaN", "\xc3", "\xff\xfe", "\n", "\r\n",
};

static void
insert_bytes (GByteArray   *array,
              guint         at,
              const guint8 *data,
              gsize         length)
{
  guint old_length = array->len;

  g_byte_array_set_size (array, old_length + length);
  memmove (array->data + at + length, array->data + at, old_length - at);
  memcpy (array->data + at, data, length);
}

static GBytes *
mutate (GRand       *rand,
        GBytes      *seed)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (seed, &length);
  GByteArray *out = g_byte_array_sized_new (length + 64);
  guint n = g_rand_int_range (rand, 1, 5);

  g_byte_array_append (out, data, length);

  for (guint m = 0; m < n; m++)
    {
      guint at = out->len > 0 ? g_rand_int_range (rand, 0, out->len) : 0;
      guint wanted = g_rand_int_range (rand, 1, 64);
      guint span = MIN (out->len - at, wanted);

      switch (g_rand_int_range (rand, 0, 7))
        {
        case 0: /* flip a bit */
          if (out->len > 0)
            out->data[at] ^= 1 << g_rand_int_range (rand, 0, 8);
          break;
        case 1: /* a random byte */
          {
            guint8 byte = g_rand_int_range (rand, 0, 256);

            insert_bytes (out, at, &byte, 1);
          }
          break;
        case 2: /* delete a span */
          if (span > 0)
            g_byte_array_remove_range (out, at, span);
          break;
        case 3: /* repeat a span */
          if (span > 0 && out->len < 4 * 1024 * 1024)
            {
              g_autofree guint8 *copy = g_memdup2 (out->data + at, span);

              for (guint r = g_rand_int_range (rand, 1, 8); r > 0; r--)
                insert_bytes (out, at, copy, span);
            }
          break;
        case 4: /* truncate */
          g_byte_array_set_size (out, at);
          break;
        default: /* a token */
          {
            const char *token = tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))];

            insert_bytes (out, at, (const guint8 *) token, strlen (token));
          }
          break;
        }
    }

  return g_byte_array_free_to_bytes (out);
}

static void
check_json (GBytes *input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KjJournal) journal = NULL;
  gsize length;
  const char *data = g_bytes_get_data (input, &length);

  journal = kj_json_parse (data, length, &error);
  g_assert_true ((journal == NULL) != (error == NULL));

  if (journal != NULL)
    {
      g_autofree char *first = kj_json_generate (journal, NULL);
      g_autofree char *second = NULL;
      g_autoptr(KjJournal) again = NULL;

      for (guint i = 0; i < journal->days->len; i++)
        {
          const KjDay *day = g_ptr_array_index (journal->days, i);

          g_assert_true (kj_date_is_valid (day->date));
          g_assert_cmpint (day->pain, >=, 0);
          g_assert_cmpint (day->pain, <=, 10);
        }

      again = kj_json_parse (first, strlen (first), &error);
      g_assert_no_error (error);
      second = kj_json_generate (again, NULL);
      g_assert_cmpstr (first, ==, second);
    }
}

static void
check_gpx (GBytes *input)
{
  g_autoptr(GError) error = NULL;
  KjTrack track = { 0 };
  gsize length;
  const char *data = g_bytes_get_data (input, &length);
  gboolean ok;

  ok = kj_gpx_parse (data, length, &track, &error);
  g_assert_true (ok != (error != NULL));

  if (ok)
    {
      g_assert_true (kj_date_is_valid (track.date));
      g_assert_true (isfinite (track.distance_km));
      g_assert_cmpfloat (track.distance_km, >=, 0);
      g_assert_cmpuint (track.n_points, >=, 2);
    }
}

static guint fit_tracks;      /* mutants read as a track */
static guint fit_errors[KJ_GPX_ERROR_NOT_ACTIVITY + 1];

static void
check_fit_once (const guint8 *data,
                gsize         length)
{
  g_autoptr(GError) error = NULL;
  KjTrack track = { 0 };
  gboolean ok;

  ok = kj_fit_parse (data, length, &track, &error);
  g_assert_true (ok != (error != NULL));
  if (ok)
    {
      g_assert_true (kj_date_is_valid (track.date));
      g_assert_true (isfinite (track.distance_km));
      g_assert_cmpfloat (track.distance_km, >=, 0.01);
      g_assert_cmpfloat (track.distance_km, <=, 500);
      g_assert_cmpuint (track.n_points, >=, 1);
      g_assert_true (isfinite (track.descent_m));
      fit_tracks++;
    }
  else
    {
      g_assert_error (error, KJ_GPX_ERROR, error->code);
      g_assert_cmpint (error->code, <=, KJ_GPX_ERROR_NOT_ACTIVITY);
      fit_errors[error->code]++;
    }
}

static void
check_fit (GBytes *input)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (input, &length);
  g_autofree guint8 *fixed = NULL;
  guint header;

  check_fit_once (data, length);

  /* the same with the header's data size and both CRCs set right */
  if (length < 16 || (data[0] != 12 && data[0] != 14))
    return;
  header = data[0];
  fixed = g_memdup2 (data, length);
  memcpy (fixed + 8, ".FIT", 4);
  fixed[4] = (guint8) (length - header - 2);
  fixed[5] = (guint8) ((length - header - 2) >> 8);
  fixed[6] = (guint8) ((length - header - 2) >> 16);
  fixed[7] = (guint8) ((length - header - 2) >> 24);
  if (header == 14)
    {
      guint16 crc = kj_fit_encoder_crc (fixed, 12);

      fixed[12] = crc & 0xFF;
      fixed[13] = crc >> 8;
    }
  {
    guint16 crc = kj_fit_encoder_crc (fixed, length - 2);

    fixed[length - 2] = crc & 0xFF;
    fixed[length - 1] = crc >> 8;
  }
  check_fit_once (fixed, length);
}

/* Reads the first field of @csv by RFC 4180. */
static char *
read_field (const char *csv)
{
  GString *field = g_string_new (NULL);

  if (*csv != '"')
    {
      g_string_append_len (field, csv, strcspn (csv, ",\r\n"));
      return g_string_free (field, FALSE);
    }

  for (const char *p = csv + 1; *p; p++)
    {
      if (*p == '"' && p[1] == '"')
        g_string_append_c (field, *p++);
      else if (*p == '"')
        {
          g_assert_true (p[1] == '\0' || p[1] == ',');
          return g_string_free (field, FALSE);
        }
      else
        g_string_append_c (field, *p);
    }

  g_assert_not_reached ();
}

static void
check_csv (GBytes *input)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *back = NULL;
  gsize length;
  const char *data = g_bytes_get_data (input, &length);

  /* a field is text: up to the first NUL */
  text = g_strndup (data, length);
  kj_csv_append_field (out, text);
  g_string_append (out, ",next");

  back = read_field (out->str);
  g_assert_cmpstr (back, ==, text);
}

typedef void (*Check) (GBytes *input);

static void
load_seeds (GPtrArray  *seeds,
            const char *folder,
            const char *suffix)
{
  g_autofree char *dir_path = g_build_filename (g_getenv ("KJ_SOURCE_ROOT"), "tests", "data", folder, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      char *contents;
      gsize length;

      if (!g_str_has_suffix (name, suffix) || !g_file_get_contents (path, &contents, &length, NULL))
        continue;
      g_ptr_array_add (seeds, g_bytes_new_take (contents, length));
    }
}

static void
fuzz (const char *what,
      GPtrArray  *seeds,
      Check       check,
      guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gint64 start = g_get_monotonic_time ();
  double seconds;

  g_assert_cmpuint (seeds->len, >, 0);

  /* the seeds themselves first */
  for (guint i = 0; i < seeds->len; i++)
    check (g_ptr_array_index (seeds, i));

  for (guint i = 0; i < budget; i++)
    {
      g_autoptr(GBytes) input = mutate (rand, g_ptr_array_index (seeds, g_rand_int_range (rand, 0, seeds->len)));

      check (input);
    }

  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("%s: %u executions in %.1f s (%.0f a second), no findings", what, budget, seconds, budget / seconds);
  if (g_test_perf ())
    g_print ("%-10s %8u executions in %6.1f s (%6.0f a second), no findings\n", what, budget, seconds, budget / seconds);
}

static void
test_fuzz_json (void)
{
  g_autoptr(GPtrArray) seeds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  const char * const *scenarios = kj_gen_scenarios ();

  for (guint i = 0; scenarios[i] != NULL && i < 3; i++)
    {
      g_autoptr(KjJournal) journal = kj_gen_journal (i + 1, 12, scenarios[i], "2026-11-01", NULL);
      gsize length;
      char *text = kj_json_generate (journal, &length);

      g_ptr_array_add (seeds, g_bytes_new_take (text, length));
    }
  load_seeds (seeds, "fuzz", ".json");

  fuzz ("json", seeds, check_json, 1);
}

static void
test_fuzz_gpx (void)
{
  g_autoptr(GPtrArray) seeds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  load_seeds (seeds, "tracks", ".gpx");
  load_seeds (seeds, "tracks", ".tcx");
  load_seeds (seeds, "hostile", ".gpx");
  load_seeds (seeds, "fuzz", ".gpx");

  fuzz ("gpx", seeds, check_gpx, 2);
}

static void
test_fuzz_fit (void)
{
  g_autoptr(GPtrArray) seeds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  for (guint variant = 0; variant < 16; variant++)
    {
      KjGenFit spec;

      kj_gen_fit_defaults (&spec);
      spec.n_records = 40;
      spec.big_endian = variant & 1;
      spec.compressed = variant & 2;
      spec.developer = variant & 4;
      spec.header_size = variant & 8 ? 12 : 14;
      spec.session_distance = variant % 3 != 0;
      spec.positions = variant != 5;
      spec.sport = variant == 6 ? 2 : 1;
      g_ptr_array_add (seeds, kj_gen_fit_activity (&spec));
    }
  load_seeds (seeds, "fuzz", ".fit");

  fuzz ("fit", seeds, check_fit, 4);
  g_test_message ("fit: %u reads gave a track; errors: %u damaged FIT, %u other sport, %u bad time, %u no points, "
                  "%u bad position, %u not a run's length", fit_tracks, fit_errors[KJ_GPX_ERROR_FIT],
                  fit_errors[KJ_GPX_ERROR_OTHER_SPORT], fit_errors[KJ_GPX_ERROR_BAD_TIME],
                  fit_errors[KJ_GPX_ERROR_NO_POINTS], fit_errors[KJ_GPX_ERROR_BAD_POINT],
                  fit_errors[KJ_GPX_ERROR_NOT_A_RUN]);
  if (g_test_perf ())
    g_print ("fit: %u reads gave a track, %u were a damaged FIT file\n", fit_tracks, fit_errors[KJ_GPX_ERROR_FIT]);
}

static void
test_fuzz_csv (void)
{
  g_autoptr(GPtrArray) seeds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  const char * const notes[] = { "plain", "a, b", "say \"hi\"", "two\nlines", "\r\n", "\"", "", "ünï, “x”" };

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    g_ptr_array_add (seeds, g_bytes_new_static (notes[i], strlen (notes[i])));

  fuzz ("csv", seeds, check_csv, 3);
}

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i + 1 < argc; i++)
    if (g_str_equal (argv[i], "--budget"))
      {
        budget = (guint) g_ascii_strtoull (argv[i + 1], NULL, 10);
        argv[i] = argv[i + 1] = (char *) "";
      }

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fuzz/json", test_fuzz_json);
  g_test_add_func ("/fuzz/gpx", test_fuzz_gpx);
  g_test_add_func ("/fuzz/fit", test_fuzz_fit);
  g_test_add_func ("/fuzz/csv", test_fuzz_csv);

  return g_test_run ();
}
