/* kj-store-rows.c — rows of the journal read as hostile, and the damage found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row is read field by field as the type it must be, and the record it
 * makes is validated as an import would validate it (doc/data-model.md); a row
 * that fails is left out of every list and kept, in words, as damage.
 */
#define G_LOG_DOMAIN "knee-journal-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "kj-store.h"
#include "kj-store-private.h"

/* @text made safe to show in a message: valid UTF-8, at most 80 characters */
static char *
shown_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  if (g_utf8_strlen (valid, -1) > 80)
    {
      g_autofree char *start = g_utf8_substring (valid, 0, 79);

      return g_strconcat (start, "…", NULL);
    }

  return g_steal_pointer (&valid);
}

/* The column's text made safe to show in a message */
static char *
row_shown (KjRowReader *row,
           int          column)
{
  return shown_text ((const char *) sqlite3_column_text (row->stmt, column));
}

/* Keeps the first problem of @row, in words */
void
_kj_store_row_fail (KjRowReader *row,
                    const char  *format,
                    ...)
{
  va_list args;

  if (row->error != NULL)
    return;

  va_start (args, format);
  row->error = g_error_new_valist (KJ_RECORD_ERROR, KJ_RECORD_ERROR_INVALID, format, args);
  va_end (args);
}

/* The column's value, asked of the statement once: each sqlite3_column_*()
 * call finds the column again and goes through the connection's mutex and
 * error checks, which were a tenth of reading a long journal. The value is
 * only read here, on the statement's row, by the connection's one thread. */
static inline sqlite3_value *
row_value (KjRowReader *row,
           int          column)
{
  return sqlite3_column_value (row->stmt, column);
}

/* An integer column; KJ_UNSET for NULL. A value beyond any range is
 * reported here, before it could wrap into one. */
int
_kj_store_row_int (KjRowReader *row,
                   int          column,
                   const char  *field)
{
  sqlite3_value *v = row_value (row, column);
  gint64 value;

  switch (sqlite3_value_type (v))
    {
    case SQLITE_NULL:
      return KJ_UNSET;

    case SQLITE_INTEGER:
      value = sqlite3_value_int64 (v);
      if (value < 0 || value > G_MAXINT)
        {
          g_autofree char *shown = g_strdup_printf ("%" G_GINT64_FORMAT, value);

          /* Translators: “pain: 4294967303 is out of range” */
          _kj_store_row_fail (row, _("%s: %s is out of range"), field, shown);
          return 0;
        }
      return (int) value;

    default:
      {
        g_autofree char *shown = row_shown (row, column);

        _kj_store_row_fail (row, _("%s: “%s” is not a whole number"), field, shown);
        return 0;
      }
    }
}

/* A real column; NAN for NULL */
double
_kj_store_row_double (KjRowReader *row,
                      int          column,
                      const char  *field)
{
  sqlite3_value *v = row_value (row, column);
  double value;
  int type = sqlite3_value_type (v);

  if (type == SQLITE_NULL)
    return NAN;

  if (type != SQLITE_FLOAT && type != SQLITE_INTEGER)
    {
      g_autofree char *shown = row_shown (row, column);

      _kj_store_row_fail (row, _("%s: “%s” is not a number"), field, shown);
      return NAN;
    }

  value = sqlite3_value_double (v);
  if (!isfinite (value))
    {
      _kj_store_row_fail (row, _("%s: “%s” is not a number"), field, value > 0 ? "inf" : "-inf");
      return NAN;
    }

  return value;
}

/* A text column; NULL for NULL */
char *
_kj_store_row_text (KjRowReader *row,
                    int          column,
                    const char  *field)
{
  sqlite3_value *v = row_value (row, column);
  int type = sqlite3_value_type (v);
  const char *text;
  char *copy;
  int n;

  if (type == SQLITE_NULL)
    return NULL;

  if (type != SQLITE_TEXT)
    {
      _kj_store_row_fail (row, _("%s: a text is required"), field);
      return g_strdup ("");
    }

  text = (const char *) sqlite3_value_text (v);
  n = sqlite3_value_bytes (v);
  if (text == NULL)
    return g_strdup ("");
  if (memchr (text, '\0', n) != NULL)
    _kj_store_row_fail (row, _("%s: the text holds a NUL character"), field);

  /* what g_strndup() keeps: the text up to a NUL */
  copy = g_malloc (n + 1);
  memcpy (copy, text, n);
  copy[n] = '\0';

  return copy;
}

/* A code column: the static code, NULL for NULL; an unknown code fails */
const char *
_kj_store_row_code (KjRowReader *row,
                    int          column,
                    KjCodeList   list,
                    const char  *field)
{
  sqlite3_value *v = row_value (row, column);
  const char *text;
  const char *code;

  if (sqlite3_value_type (v) == SQLITE_NULL)
    return NULL;

  text = (const char *) sqlite3_value_text (v);
  code = text == NULL || memchr (text, '\0', sqlite3_value_bytes (v)) != NULL
         ? NULL : kj_code_lookup (list, text);
  if (code == NULL)
    {
      g_autofree char *shown = row_shown (row, column);

      _kj_store_row_fail (row, _("%s: “%s” is not a known value"), field, shown);
    }

  return code;
}

/* A date column, exactly YYYY-MM-DD: a longer text is not cut to a date */
void
_kj_store_row_date (KjRowReader *row,
                    int          column,
                    const char  *field,
                    char         out[11])
{
  sqlite3_value *v = row_value (row, column);
  const char *text = (const char *) sqlite3_value_text (v);

  out[0] = '\0';
  if (text == NULL || sqlite3_value_bytes (v) != 10 || !kj_date_is_valid (text))
    {
      g_autofree char *shown = row_shown (row, column);

      _kj_store_row_fail (row, _("%s: “%s” is not a real date (YYYY-MM-DD)"), field, shown);
      return;
    }

  memcpy (out, text, 11);
}

/* A time-of-day column, exactly HH:MM; "" for NULL */
void
_kj_store_row_time (KjRowReader *row,
                    int          column,
                    const char  *field,
                    char         out[6])
{
  sqlite3_value *v = row_value (row, column);
  const char *text;

  out[0] = '\0';
  if (sqlite3_value_type (v) == SQLITE_NULL)
    return;

  text = (const char *) sqlite3_value_text (v);
  if (sqlite3_value_type (v) != SQLITE_TEXT || sqlite3_value_bytes (v) != 5 ||
      !kj_time_is_valid (text))
    {
      g_autofree char *shown = row_shown (row, column);

      _kj_store_row_fail (row, _("%s: “%s” is not a time of day (HH:MM)"), field, shown);
      return;
    }

  memcpy (out, text, 6);
}

/* Keeps a message about a row that could not be read */
void
_kj_store_note_damage (KjStore    *self,
                       const char *message)
{
  g_debug ("Damaged row: %s", message);
  g_hash_table_add (self->damage, g_strdup (message));
}

/* Keeps @row's problem, or @error, about the record of @date (or @id) */
gboolean
_kj_store_row_check (KjStore     *self,
                     KjRowReader *row,
                     const char  *kind,
                     const char  *date,
                     const char  *id,
                     GError      *error)
{
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;
  const char *problem = row->error ? row->error->message : error ? error->message : NULL;
  const char *which = date != NULL && date[0] != '\0' ? date : id;

  if (problem == NULL)
    return TRUE;

  /* only for a message: every good row passes here */
  shown = shown_text (which ? which : "?");

  if (g_str_equal (kind, "day"))
    /* Translators: “day 2026-10-15: pain: 99 is out of range 0–10” */
    message = g_strdup_printf (_("day %s: %s"), shown, problem);
  else if (g_str_equal (kind, "treatment"))
    message = g_strdup_printf (_("treatment of %s: %s"), shown, problem);
  else if (g_str_equal (kind, "shoe"))
    /* Translators: “pair of shoes 1b2c…: alert_km: -5 must be more than 0 …” */
    message = g_strdup_printf (_("pair of shoes %s: %s"), shown, problem);
  else if (g_str_equal (kind, "episode"))
    /* Translators: “episode 1b2c…: review_weeks: 99 is out of range 2–12” */
    message = g_strdup_printf (_("episode %s: %s"), shown, problem);
  else if (g_str_equal (kind, "questionnaire"))
    /* Translators: “questionnaire of 2026-10-15: answers[4]: 7 is not an answer of item 5 (0–4)” */
    message = g_strdup_printf (_("questionnaire of %s: %s"), shown, problem);
  else
    message = g_strdup_printf (_("run of %s: %s"), shown, problem);

  _kj_store_note_damage (self, message);
  g_clear_error (&row->error);

  return FALSE;
}

static int
compare_messages (gconstpointer a,
                  gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * kj_store_get_damage:
 *
 * Rows of the journal that failed validation when they were read, in words
 * ("day 2026-10-15: pain: 99 is out of range 0–10"): records that another
 * program stored behind Knee Journal's back. They are left out of every
 * list, and so of the assessment and of every export.
 *
 * Returns: (transfer container) (element-type utf8): the messages, sorted
 */
GPtrArray *
kj_store_get_damage (KjStore *self)
{
  GPtrArray *messages = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (KJ_IS_STORE (self), messages);

  g_hash_table_iter_init (&iter, self->damage);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (messages, g_strdup (key));
  g_ptr_array_sort (messages, compare_messages);

  return messages;
}

/**
 * kj_store_scan_damage:
 *
 * Reads every record again, in one read transaction, and returns what
 * kj_store_get_damage() finds then: the damage there is now.
 *
 * Returns: (transfer container) (element-type utf8) (nullable): the messages,
 *   or %NULL with @error set
 */
GPtrArray *
kj_store_scan_damage (KjStore  *self,
                      GError  **error)
{
  g_autoptr(KjJournal) journal = NULL;

  g_return_val_if_fail (KJ_IS_STORE (self), NULL);

  if (!(journal = kj_store_read_journal (self, error)))
    return NULL;

  return kj_store_get_damage (self);
}
