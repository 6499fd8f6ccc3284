/* kj-csv.c — the one-row-per-day CSV export of doc/journal-format.md, “CSV” (RFC 4180)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "knee-journal-csv"

#include "config.h"

#include <string.h>

#include "kj-csv.h"

/* Appends @field, quoted when it holds a comma, a quote or a line break. */
void
kj_csv_append_field (GString    *out,
                     const char *field)
{
  if (field == NULL)
    return;

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  end = buf + strlen (buf) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';

  g_string_append (out, buf);
}

static void
append_treatment (GString           *out,
                  const KjTreatment *t)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (t->drug != NULL)
    g_ptr_array_add (parts, g_strdup (t->drug));
  if (t->dose_mg != KJ_UNSET)
    g_ptr_array_add (parts, g_strdup_printf ("%dmg", t->dose_mg));
  if (t->exercise != NULL)
    g_ptr_array_add (parts, g_strdup (t->exercise));
  if (t->sets != KJ_UNSET || t->reps != KJ_UNSET)
    {
      g_autofree char *sets = t->sets != KJ_UNSET ? g_strdup_printf ("%d", t->sets) : g_strdup ("");
      g_autofree char *reps = t->reps != KJ_UNSET ? g_strdup_printf ("%d", t->reps) : g_strdup ("");

      g_ptr_array_add (parts, g_strdup_printf ("%sx%s", sets, reps));
    }
  if (t->minutes != KJ_UNSET)
    g_ptr_array_add (parts, g_strdup_printf ("%dmin", t->minutes));
  if (t->time[0] != '\0')
    g_ptr_array_add (parts, g_strdup (t->time));

  g_string_append (out, t->kind);
  if (parts->len > 0)
    {
      g_autofree char *details = NULL;

      g_ptr_array_add (parts, NULL);
      details = g_strjoinv (" ", (char **) parts->pdata);
      g_string_append_c (out, ':');
      g_string_append (out, details);
    }
}

static void
append_codes (GString   *field,
              GPtrArray *codes)
{
  for (guint i = 0; i < codes->len; i++)
    {
      if (i > 0)
        g_string_append_c (field, ';');
      g_string_append (field, g_ptr_array_index (codes, i));
    }
}

/* Whether @name is one of the ;-separated names of @list */
static gboolean
name_listed (GString    *list,
             const char *name)
{
  g_auto(GStrv) names = g_strsplit (list->str, ";", -1);

  return list->len > 0 && g_strv_contains ((const char * const *) names, name);
}

/**
 * kj_csv_generate:
 * @journal: records sorted by date, as kj_store_read_journal() returns them
 *
 * One row for every date that has a day entry, a treatment or a run; lines
 * end in CRLF as RFC 4180 says.
 *
 * Returns: (transfer full): the CSV text
 */
char *
kj_csv_generate (const KjJournal *journal,
                 gsize           *length)
{
  GString *out = g_string_sized_new (64 * (journal->days->len + 1));
  g_autoptr(GString) field = g_string_new (NULL);
  g_autoptr(GString) shoes = g_string_new (NULL);
  g_autoptr(GHashTable) shoe_names = g_hash_table_new (g_str_hash, g_str_equal);
  guint d = 0, t = 0, r = 0;

  for (guint i = 0; journal->shoes != NULL && i < journal->shoes->len; i++)
    {
      const KjShoe *shoe = g_ptr_array_index (journal->shoes, i);

      g_hash_table_insert (shoe_names, shoe->id, shoe->name);
    }

  g_string_append (out, KJ_CSV_HEADER "\r\n");

  for (;;)
    {
      const KjDay *day = d < journal->days->len ? g_ptr_array_index (journal->days, d) : NULL;
      const KjTreatment *treatment = t < journal->treatments->len ? g_ptr_array_index (journal->treatments, t) : NULL;
      const KjRun *run = r < journal->runs->len ? g_ptr_array_index (journal->runs, r) : NULL;
      const char *date = NULL;
      double run_km = 0;
      gboolean has_run = FALSE;

      /* the earliest date of the three lists */
      if (day != NULL)
        date = day->date;
      if (treatment != NULL && (date == NULL || strcmp (treatment->date, date) < 0))
        date = treatment->date;
      if (run != NULL && (date == NULL || strcmp (run->date, date) < 0))
        date = run->date;
      if (date == NULL)
        break;

      if (day != NULL && strcmp (day->date, date) != 0)
        day = NULL;

      g_string_append (out, date);
      g_string_append_c (out, ',');

      if (day != NULL)
        {
          g_string_append_printf (out, "%d,", day->pain);
          if (day->pain_worst != KJ_UNSET)
            g_string_append_printf (out, "%d", day->pain_worst);
          g_string_append_c (out, ',');

          g_string_truncate (field, 0);
          for (guint i = 0; i < day->locations->len; i++)
            {
              const KjLocation *loc = &g_array_index (day->locations, KjLocation, i);

              g_string_append_printf (field, "%s%s:%s", i > 0 ? ";" : "", loc->side, loc->region);
            }
          g_string_append (out, field->str);
          g_string_append_c (out, ',');

          g_string_truncate (field, 0);
          append_codes (field, day->symptoms);
          g_string_append (out, field->str);
          g_string_append_c (out, ',');

          g_string_truncate (field, 0);
          append_codes (field, day->aggravators);
          g_string_append (out, field->str);
          g_string_append_c (out, ',');
        }
      else
        g_string_append (out, ",,,,,");

      g_string_truncate (field, 0);
      for (; t < journal->treatments->len; t++)
        {
          treatment = g_ptr_array_index (journal->treatments, t);
          if (strcmp (treatment->date, date) != 0)
            break;
          if (field->len > 0)
            g_string_append_c (field, ';');
          append_treatment (field, treatment);
        }
      kj_csv_append_field (out, field->str);
      g_string_append_c (out, ',');

      g_string_truncate (shoes, 0);
      for (; r < journal->runs->len; r++)
        {
          const char *shoe_name;

          run = g_ptr_array_index (journal->runs, r);
          if (strcmp (run->date, date) != 0)
            break;
          run_km += run->distance_km;
          has_run = TRUE;

          /* the names of the day's pairs, each once, in the order of the runs */
          shoe_name = run->shoe_id ? g_hash_table_lookup (shoe_names, run->shoe_id) : NULL;
          if (shoe_name != NULL)
            {
              /* “;” separates the names: one inside a name is written as “,” */
              g_autofree char *written = g_strdelimit (g_strdup (shoe_name), ";", ',');

              if (!name_listed (shoes, written))
                {
                  if (shoes->len > 0)
                    g_string_append_c (shoes, ';');
                  g_string_append (shoes, written);
                }
            }
        }
      if (has_run)
        append_number (out, run_km);
      g_string_append_c (out, ',');

      if (day != NULL)
        {
          kj_csv_append_field (out, day->notes);
          d++;
        }
      g_string_append_c (out, ',');
      kj_csv_append_field (out, shoes->str);

      g_string_append (out, "\r\n");
    }

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}
