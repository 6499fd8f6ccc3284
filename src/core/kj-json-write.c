/* kj-json-write.c — the journal JSON of doc/journal-format.md, “Journal JSON”, written one record at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every member of every record is written, an unset value as null; the
 * reader is kj-json-read.c. Version 3: the profile holds the name and units,
 * the side, dates and review weeks are the episodes'.
 *
 * KjJsonWriter writes the text as each record comes, into a small buffer
 * that it hands to a sink (an export file) as it fills, so that an export
 * needs no tree of the whole journal: building, printing and freeing a
 * json-glib tree was most of an export's time and memory. The text is byte
 * for byte what json-glib's JsonGenerator writes with pretty printing and an
 * indent of 2 (json-glib 1.6: its escapes, “"name" : value”, “[]” for an
 * empty array, doubles by g_ascii_dtostr()); test-json checks it against
 * JsonGenerator.
 */
#define G_LOG_DOMAIN "knee-journal-json-write"

#include "config.h"

#include <math.h>
#include <string.h>

#include "kj-episode.h"
#include "kj-json.h"
#include "kj-questionnaire.h"

/* handed to the sink when the buffer holds this much */
#define FLUSH_SIZE (64 * 1024)
#define MAX_DEPTH 8

/* The top-level arrays, in the order they are written */
typedef enum
{
  SECTION_HEAD,
  SECTION_DAYS,
  SECTION_TREATMENTS,
  SECTION_RUNS,
  SECTION_SHOES,
  SECTION_QUESTIONNAIRES,
  SECTION_DONE,
} Section;

struct _KjJsonWriter
{
  GString    *buffer;
  KjJsonSink  sink;        /* NULL: everything stays in the buffer */
  gpointer    sink_data;
  GError     *error;       /* the sink's first failure; nothing is written after it */
  Section     section;
  guint       depth;                /* open objects and arrays */
  guint       count[MAX_DEPTH];     /* values written in each */
  gboolean    after_name;           /* a member's name is written, its value comes next */
};

/* Appends to @b: g_string_append() and g_string_append_len() go through the
 * general g_string_insert_len(), a third of a whole export's time */
static inline void
put (GString    *b,
     const char *text,
     gsize       n)
{
  gsize len = b->len;

  if (G_UNLIKELY (len + n + 1 > b->allocated_len))
    g_string_set_size (b, len + n);
  else
    {
      b->len = len + n;
      b->str[b->len] = '\0';
    }
  memcpy (b->str + len, text, n);
}

/* Room for @n more bytes after @b's text, returned: the caller writes them
 * there and adds @n to its length (done()) */
static inline char *
reserve (GString *b,
         gsize    n)
{
  if (G_UNLIKELY (b->len + n + 1 > b->allocated_len))
    {
      gsize len = b->len;

      g_string_set_size (b, len + n);
      b->len = len;
    }

  return b->str + b->len;
}

static inline void
done (GString *b,
      gsize    n)
{
  b->len += n;
  b->str[b->len] = '\0';
}

static inline void
put_str (GString    *b,
         const char *text)
{
  put (b, text, strlen (text));
}

static inline void
put_c (GString *b,
       char     c)
{
  put (b, &c, 1);
}

/* as "%" G_GINT64_FORMAT writes it */
static void
put_int (GString *b,
         gint64   value)
{
  char text[24];
  char *p = text + sizeof text;
  guint64 n = value < 0 ? -(guint64) value : (guint64) value;

  if (n < 10 && value >= 0)
    {
      *reserve (b, 1) = '0' + n;
      done (b, 1);
      return;
    }

  do
    *--p = '0' + n % 10;
  while ((n /= 10) > 0);
  if (value < 0)
    *--p = '-';
  put (b, p, text + sizeof text - p);
}

static void
flush (KjJsonWriter *w)
{
  if (w->sink == NULL || w->buffer->len == 0)
    return;

  if (w->error == NULL)
    w->sink (w->buffer->str, w->buffer->len, w->sink_data, &w->error);
  g_string_truncate (w->buffer, 0);
}

/* a comma, a new line and the indent of up to MAX_DEPTH levels */
static const char lead[] = ",\n                ";

G_STATIC_ASSERT (sizeof lead - 3 >= MAX_DEPTH * 2);

static void
indent (KjJsonWriter *w,
        guint         level)
{
  put (w->buffer, lead + 2, level * 2);
}

/* What goes before a value or a member's name: the comma after the one
 * before, a new line and the indent (json-glib's dump_node()) */
static inline void
before_value (KjJsonWriter *w)
{
  if (w->after_name)
    {
      w->after_name = FALSE;
      return;
    }

  if (w->depth > 0)
    {
      gboolean first = w->count[w->depth - 1]++ == 0;

      put (w->buffer, first ? lead + 1 : lead, (first ? 1 : 2) + w->depth * 2);
    }
}

/* The bytes that json-glib 1.6's json_strescape() escapes — its test
 * (*p > 0 && *p < 0x1f) || *p == 0x7f on a signed char leaves every byte
 * from 0x80 as it is — and 0x1f, which it leaves raw too, though JSON
 * (RFC 8259) allows no control character in a string */
static const guint8 escaped[256] = {
  [0x01 ... 0x1f] = 1, ['"'] = 1, ['\\'] = 1, [0x7f] = 1,
};

/* The bytes where a run of text that needs no escape ends: those of
 * escaped[], and its end */
static const guint8 stops[256] = {
  [0x00 ... 0x1f] = 1, ['"'] = 1, ['\\'] = 1, [0x7f] = 1,
};

/* @text as json-glib 1.6's json_strescape() writes it, 0x1f escaped */
static void
append_escaped (GString    *buffer,
                const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *run = p;
      char c;

      while (*p != '\0' && !escaped[(guchar) *p])
        p++;
      put (buffer, run, p - run);

      if ((c = *p) == '\0')
        break;
      p++;

      switch (c)
        {
        case '\\':
        case '"':
          put_c (buffer, '\\');
          put_c (buffer, c);
          break;
        case '\b':
          put_str (buffer, "\\b");
          break;
        case '\f':
          put_str (buffer, "\\f");
          break;
        case '\n':
          put_str (buffer, "\\n");
          break;
        case '\r':
          put_str (buffer, "\\r");
          break;
        case '\t':
          put_str (buffer, "\\t");
          break;
        default:
          g_string_append_printf (buffer, "\\u00%02x", (guint) c);
          break;
        }
    }
}

/* A member's name as it is written, “"name" : ”, and its length: the
 * names are this file's own, with nothing in them to escape */
#define MEMBER(name) "\"" name "\" : ", sizeof ("\"" name "\" : ") - 1

/* @text in quotes, escaped: most texts (ids, dates, codes) have nothing to
 * escape and are copied whole */
static void
put_string (GString    *b,
            const char *text)
{
  const guchar *end = (const guchar *) text;
  gsize n;
  char *p;

  while (!stops[*end])
    end++;

  if (*end != '\0')
    {
      put_c (b, '"');
      append_escaped (b, text);
      put_c (b, '"');
      return;
    }

  n = (const char *) end - text;
  p = reserve (b, n + 2);
  p[0] = '"';
  memcpy (p + 1, text, n);
  p[n + 1] = '"';
  done (b, n + 2);
}

/* The member's name, with what goes before it (a comma, a new line, the
 * indent), in an object: its value follows at once */
static inline void
put_member (KjJsonWriter *w,
            const char   *member,
            gsize         member_len)
{
  GString *b = w->buffer;
  gboolean first = w->count[w->depth - 1]++ == 0;
  gsize lead_len = (first ? 1 : 2) + w->depth * 2;
  char *p = reserve (b, lead_len + member_len);

  memcpy (p, first ? lead + 1 : lead, lead_len);
  memcpy (p + lead_len, member, member_len);
  done (b, lead_len + member_len);
}

/* A member whose value is an object or an array */
static void
write_name (KjJsonWriter *w,
            const char   *member,
            gsize         member_len)
{
  put_member (w, member, member_len);
  w->after_name = TRUE;
}

static void
begin_container (KjJsonWriter *w,
                 char          open)
{
  before_value (w);
  put_c (w->buffer, open);
  g_assert (w->depth < MAX_DEPTH);
  w->count[w->depth++] = 0;
}

/* json-glib writes an empty array as “[]”, an empty object as “{”, the
 * indent, “}” */
static void
end_container (KjJsonWriter *w,
               char          close)
{
  guint n = w->count[--w->depth];

  if (n > 0)
    put_c (w->buffer, '\n');
  if (n > 0 || close == '}')
    indent (w, w->depth);
  put_c (w->buffer, close);

  /* after a record (the root, a section, a record: depth 2 once it is closed) */
  if (w->depth <= 2 && w->buffer->len >= FLUSH_SIZE)
    flush (w);
}

static void
add_string_or_null (KjJsonWriter *w,
                    const char   *member,
                    gsize         member_len,
                    const char   *value)
{
  put_member (w, member, member_len);
  if (value == NULL)
    put (w->buffer, "null", 4);
  else
    put_string (w->buffer, value);
}

static void
append_int (KjJsonWriter *w,
            gint64        value)
{
  before_value (w);
  put_int (w->buffer, value);
}

static void
add_int_or_null (KjJsonWriter *w,
                 const char   *member,
                 gsize         member_len,
                 int           value)
{
  put_member (w, member, member_len);
  if (value == KJ_UNSET)
    put (w->buffer, "null", 4);
  else
    put_int (w->buffer, value);
}

static void
add_boolean (KjJsonWriter *w,
             const char   *member,
             gsize         member_len,
             gboolean      value)
{
  put_member (w, member, member_len);
  if (value)
    put (w->buffer, "true", 4);
  else
    put (w->buffer, "false", 5);
}

/* @value as "%.17g" writes it in the C locale (g_ascii_dtostr()), when
 * 1e-4 ≤ |value| < 1e15, where "%g" writes no exponent: %FALSE for any
 * other. snprintf() was a fiftieth of an export for the runs' distances
 * alone. The seventeen digits are those of the exact value of the double,
 * m / 2^shift, times 10^k, rounded to nearest, a tie to even as glibc does;
 * 128-bit integers hold it exactly (m < 2^53, 10^k ≤ 10^20). test-json
 * compares it with g_ascii_dtostr(). */
static gboolean
format_double (double  value,
               char   *out)
{
  static const guint64 p10[] = {
    G_GUINT64_CONSTANT (1), G_GUINT64_CONSTANT (10), G_GUINT64_CONSTANT (100), G_GUINT64_CONSTANT (1000),
    G_GUINT64_CONSTANT (10000), G_GUINT64_CONSTANT (100000), G_GUINT64_CONSTANT (1000000),
    G_GUINT64_CONSTANT (10000000), G_GUINT64_CONSTANT (100000000), G_GUINT64_CONSTANT (1000000000),
    G_GUINT64_CONSTANT (10000000000), G_GUINT64_CONSTANT (100000000000), G_GUINT64_CONSTANT (1000000000000),
    G_GUINT64_CONSTANT (10000000000000), G_GUINT64_CONSTANT (100000000000000),
    G_GUINT64_CONSTANT (1000000000000000), G_GUINT64_CONSTANT (10000000000000000),
    G_GUINT64_CONSTANT (100000000000000000), G_GUINT64_CONSTANT (1000000000000000000),
    G_GUINT64_CONSTANT (10000000000000000000),
  };
  double a = fabs (value);
  unsigned __int128 n = 0, q = 0, rem, half;
  char digits[17];
  guint64 bits, m, d;
  int shift, x, point, last;
  char *p = out;

  if (!(a >= 1e-4 && a < 1e15))
    return FALSE;

  /* a = m / 2^shift exactly */
  memcpy (&bits, &a, sizeof bits);
  m = (bits & ((G_GUINT64_CONSTANT (1) << 52) - 1)) | (G_GUINT64_CONSTANT (1) << 52);
  shift = 1075 - (int) ((bits >> 52) & 0x7ff);
  if (shift <= 0 || shift > 120)
    return FALSE;

  /* x, the decimal exponent: a·10^(16 − x) has seventeen digits before the
   * point; log10() gives it or misses by one near a power of ten */
  x = (int) floor (log10 (a));
  for (guint tries = 0;; tries++)
    {
      int k = 16 - x;

      if (tries > 2 || k < 0 || k > 20)
        return FALSE;
      n = (unsigned __int128) m * p10[MIN (k, 19)] * (k == 20 ? 10 : 1);
      q = n >> shift;
      if (q >= p10[17])
        x++;
      else if (q < p10[16])
        x--;
      else
        break;
    }

  rem = n - (q << shift);
  half = (unsigned __int128) 1 << (shift - 1);
  d = (guint64) q;
  if (rem > half || (rem == half && (d & 1) != 0))
    d++;
  if (d == p10[17])
    {
      d = p10[16];
      x++;
    }

  for (int i = 16; i >= 0; i--)
    {
      digits[i] = '0' + d % 10;
      d /= 10;
    }

  /* x + 1 digits before the point (none below 1); no zeros end the fraction */
  point = x + 1;
  for (last = 16; last >= MAX (point, 0) && digits[last] == '0'; last--)
    ;

  if (value < 0)
    *p++ = '-';
  if (point <= 0)
    {
      *p++ = '0';
      *p++ = '.';
      memset (p, '0', -point);
      p += -point;
      memcpy (p, digits, last + 1);
      p += last + 1;
    }
  else
    {
      memcpy (p, digits, point);
      p += point;
      if (last >= point)
        {
          *p++ = '.';
          memcpy (p, digits + point, last + 1 - point);
          p += last + 1 - point;
        }
    }
  *p = '\0';

  return TRUE;
}

/* A whole number as an integer, any other as json-glib writes a double */
static void
add_number_or_null (KjJsonWriter *w,
                    const char   *member,
                    gsize         member_len,
                    double        value)
{
  put_member (w, member, member_len);
  if (isnan (value))
    put (w->buffer, "null", 4);
  else if (value == floor (value) && fabs (value) < 1e15)
    put_int (w->buffer, (gint64) value);
  else
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      if (!format_double (value, text))
        g_ascii_dtostr (text, sizeof text, value);
      put_str (w->buffer, text);
      /* json-glib 1.6 keeps a double from reading as an integer so */
      if (strchr (text, '.') == NULL)
        put_str (w->buffer, ".0");
    }
}

static void
add_code_list (KjJsonWriter *w,
               const char   *member,
               gsize         member_len,
               GPtrArray    *codes)
{
  write_name (w, member, member_len);
  begin_container (w, '[');
  for (guint i = 0; i < codes->len; i++)
    {
      before_value (w);
      put_string (w->buffer, g_ptr_array_index (codes, i));
    }
  end_container (w, ']');
}

static void
build_profile (KjJsonWriter    *w,
               const KjProfile *profile)
{
  write_name (w, MEMBER ("profile"));
  begin_container (w, '{');
  add_string_or_null (w, MEMBER ("name"), profile->name ? profile->name : "");
  add_string_or_null (w, MEMBER ("units"), profile->units);
  end_container (w, '}');
}

static const char *
date_or_null (const char *date)
{
  return date[0] != '\0' ? date : NULL;
}

static void
build_episode (KjJsonWriter    *w,
               const KjEpisode *episode)
{
  begin_container (w, '{');
  add_string_or_null (w, MEMBER ("id"), episode->id);
  add_string_or_null (w, MEMBER ("name"), episode->name ? episode->name : "");
  add_string_or_null (w, MEMBER ("side"), episode->side);
  add_string_or_null (w, MEMBER ("injury_date"), date_or_null (episode->injury_date));
  add_string_or_null (w, MEMBER ("treatment_start"), date_or_null (episode->treatment_start));
  add_int_or_null (w, MEMBER ("review_weeks"), episode->review_weeks);
  add_string_or_null (w, MEMBER ("end_date"), date_or_null (episode->end_date));
  add_string_or_null (w, MEMBER ("notes"), episode->notes ? episode->notes : "");
  end_container (w, '}');
}

static void
build_day (KjJsonWriter *w,
           const KjDay *day)
{
  begin_container (w, '{');
  add_string_or_null (w, MEMBER ("id"), day->id);
  add_string_or_null (w, MEMBER ("date"), day->date);
  add_int_or_null (w, MEMBER ("pain"), day->pain);
  add_int_or_null (w, MEMBER ("pain_worst"), day->pain_worst);

  write_name (w, MEMBER ("locations"));
  begin_container (w, '[');
  for (guint i = 0; i < day->locations->len; i++)
    {
      const KjLocation *loc = &g_array_index (day->locations, KjLocation, i);

      begin_container (w, '{');
      add_string_or_null (w, MEMBER ("side"), loc->side);
      add_string_or_null (w, MEMBER ("region"), loc->region);
      end_container (w, '}');
    }
  end_container (w, ']');

  add_code_list (w, MEMBER ("symptoms"), day->symptoms);
  add_code_list (w, MEMBER ("aggravators"), day->aggravators);
  add_string_or_null (w, MEMBER ("notes"), day->notes ? day->notes : "");
  end_container (w, '}');
}

static void
build_treatment (KjJsonWriter      *w,
                 const KjTreatment *t)
{
  begin_container (w, '{');
  add_string_or_null (w, MEMBER ("id"), t->id);
  add_string_or_null (w, MEMBER ("date"), t->date);
  add_string_or_null (w, MEMBER ("kind"), t->kind);
  add_int_or_null (w, MEMBER ("minutes"), t->minutes);
  add_string_or_null (w, MEMBER ("drug"), t->drug);
  add_int_or_null (w, MEMBER ("dose_mg"), t->dose_mg);
  add_string_or_null (w, MEMBER ("exercise"), t->exercise);
  add_int_or_null (w, MEMBER ("sets"), t->sets);
  add_int_or_null (w, MEMBER ("reps"), t->reps);
  add_string_or_null (w, MEMBER ("time"), t->time[0] != '\0' ? t->time : NULL);
  add_string_or_null (w, MEMBER ("notes"), t->notes ? t->notes : "");
  end_container (w, '}');
}

static void
build_run (KjJsonWriter *w,
           const KjRun *r)
{
  begin_container (w, '{');
  add_string_or_null (w, MEMBER ("id"), r->id);
  add_string_or_null (w, MEMBER ("date"), r->date);
  add_number_or_null (w, MEMBER ("distance_km"), r->distance_km);
  add_int_or_null (w, MEMBER ("duration_s"), r->duration_s);
  add_number_or_null (w, MEMBER ("descent_m"), r->descent_m);
  add_int_or_null (w, MEMBER ("pain_during"), r->pain_during);
  add_int_or_null (w, MEMBER ("pain_after"), r->pain_after);
  add_boolean (w, MEMBER ("stopped_early"), r->stopped_early);
  add_string_or_null (w, MEMBER ("notes"), r->notes ? r->notes : "");
  add_string_or_null (w, MEMBER ("shoe_id"), r->shoe_id);
  end_container (w, '}');
}

static void
build_shoe (KjJsonWriter *w,
            const KjShoe *shoe)
{
  begin_container (w, '{');
  add_string_or_null (w, MEMBER ("id"), shoe->id);
  add_string_or_null (w, MEMBER ("name"), shoe->name);
  add_string_or_null (w, MEMBER ("model"), shoe->model);
  add_string_or_null (w, MEMBER ("start_date"), shoe->start_date[0] != '\0' ? shoe->start_date : NULL);
  add_string_or_null (w, MEMBER ("retired_date"), shoe->retired_date[0] != '\0' ? shoe->retired_date : NULL);
  add_number_or_null (w, MEMBER ("start_km"), shoe->start_km);
  add_number_or_null (w, MEMBER ("alert_km"), shoe->alert_km);
  add_boolean (w, MEMBER ("is_default"), shoe->is_default);
  end_container (w, '}');
}

static void
build_questionnaire (KjJsonWriter          *w,
                     const KjQuestionnaire *q)
{
  begin_container (w, '{');
  add_string_or_null (w, MEMBER ("id"), q->id);
  add_string_or_null (w, MEMBER ("date"), q->date);
  add_string_or_null (w, MEMBER ("instrument"), q->instrument->code);
  write_name (w, MEMBER ("answers"));
  begin_container (w, '[');
  for (guint i = 0; i < q->n_answers; i++)
    append_int (w, q->answers[i]);
  end_container (w, ']');
  end_container (w, '}');
}

/* Closes the arrays before @section and opens the ones up to it */
static void
enter_section (KjJsonWriter *w,
               Section       section)
{
  static const struct { const char *member; gsize length; } names[] = {
    { NULL, 0 }, { MEMBER ("days") }, { MEMBER ("treatments") }, { MEMBER ("runs") }, { MEMBER ("shoes") },
    { MEMBER ("questionnaires") },
  };

  g_return_if_fail (section >= w->section);

  while (w->section < section)
    {
      if (w->section > SECTION_HEAD)
        end_container (w, ']');
      w->section++;
      if (w->section < SECTION_DONE)
        {
          write_name (w, names[w->section].member, names[w->section].length);
          begin_container (w, '[');
        }
    }
}

/**
 * kj_json_writer_new:
 * @sink: (nullable): where the text goes as it is written; %NULL to keep it
 *   all (kj_json_writer_steal())
 *
 * A writer of journal JSON, one record at a time: kj_json_writer_begin(),
 * then the days, treatments and runs in this order, then
 * kj_json_writer_finish().
 */
KjJsonWriter *
kj_json_writer_new (KjJsonSink sink,
                    gpointer   sink_data)
{
  KjJsonWriter *w = g_new0 (KjJsonWriter, 1);

  w->buffer = g_string_sized_new (sink != NULL ? FLUSH_SIZE + 4096 : 4096);
  w->sink = sink;
  w->sink_data = sink_data;

  return w;
}

void
kj_json_writer_free (KjJsonWriter *w)
{
  if (w == NULL)
    return;

  g_string_free (w->buffer, TRUE);
  g_clear_error (&w->error);
  g_free (w);
}

/* The format, the profile and the episodes: what comes before the days */
void
kj_json_writer_begin (KjJsonWriter    *w,
                      const KjProfile *profile,
                      GPtrArray       *episodes)
{
  g_autoptr(KjProfile) default_profile = NULL;

  g_return_if_fail (w->section == SECTION_HEAD && w->depth == 0);

  begin_container (w, '{');
  add_string_or_null (w, MEMBER ("format"), KJ_JSON_FORMAT);
  add_int_or_null (w, MEMBER ("version"), KJ_JSON_VERSION);

  if (profile == NULL)
    profile = default_profile = kj_profile_new ();
  build_profile (w, profile);

  /* a journal built in memory without episodes has its profile's as the first */
  write_name (w, MEMBER ("episodes"));
  begin_container (w, '[');
  if (episodes != NULL)
    for (guint i = 0; i < episodes->len; i++)
      build_episode (w, g_ptr_array_index (episodes, i));
  else if (default_profile == NULL && profile->affected_side != NULL)
    {
      g_autoptr(KjEpisode) episode = kj_episode_from_profile (profile);
      g_autofree char *seed = g_strdup_printf ("episode:%s:%s:%s", episode->side, episode->injury_date,
                                               episode->treatment_start);

      /* the id a reader gives it without one: the same on every export */
      g_free (episode->id);
      episode->id = kj_json_derive_id (seed);
      build_episode (w, episode);
    }
  end_container (w, ']');
}

/* Each returns %FALSE once the sink has failed (kj_json_writer_finish() says how) */
gboolean
kj_json_writer_add_day (KjJsonWriter *w,
                        const KjDay  *day)
{
  enter_section (w, SECTION_DAYS);
  build_day (w, day);
  return w->error == NULL;
}

gboolean
kj_json_writer_add_treatment (KjJsonWriter      *w,
                              const KjTreatment *treatment)
{
  enter_section (w, SECTION_TREATMENTS);
  build_treatment (w, treatment);
  return w->error == NULL;
}

gboolean
kj_json_writer_add_run (KjJsonWriter *w,
                        const KjRun  *run)
{
  enter_section (w, SECTION_RUNS);
  build_run (w, run);
  return w->error == NULL;
}

/**
 * kj_json_writer_finish:
 * @shoes: (nullable): the pairs of shoes
 * @questionnaires: (nullable): the questionnaires
 *
 * Writes the shoes and questionnaires, the end of the document and its last
 * new line, and hands the rest of the text to the sink.
 *
 * Returns: %FALSE with the sink's first error
 */
gboolean
kj_json_writer_finish (KjJsonWriter  *w,
                       GPtrArray     *shoes,
                       GPtrArray     *questionnaires,
                       GError       **error)
{
  enter_section (w, SECTION_SHOES);
  for (guint i = 0; shoes != NULL && i < shoes->len; i++)
    build_shoe (w, g_ptr_array_index (shoes, i));

  enter_section (w, SECTION_QUESTIONNAIRES);
  for (guint i = 0; questionnaires != NULL && i < questionnaires->len; i++)
    build_questionnaire (w, g_ptr_array_index (questionnaires, i));

  enter_section (w, SECTION_DONE);
  end_container (w, '}');
  put_c (w->buffer, '\n');
  flush (w);

  if (w->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&w->error));
      return FALSE;
    }

  return TRUE;
}

/* The text of a writer without a sink */
static char *
kj_json_writer_steal (KjJsonWriter *w,
                      gsize        *length)
{
  if (length != NULL)
    *length = w->buffer->len;

  return g_string_free (g_steal_pointer (&w->buffer), FALSE);
}

/**
 * kj_json_generate:
 *
 * Returns: (transfer full): @journal as pretty-printed journal JSON, ending
 *   with a newline
 */
char *
kj_json_generate (const KjJournal *journal,
                  gsize           *length)
{
  KjJsonWriter *w;
  char *text;

  g_return_val_if_fail (journal != NULL, NULL);

  w = kj_json_writer_new (NULL, NULL);
  kj_json_writer_begin (w, journal->profile, journal->episodes);
  for (guint i = 0; i < journal->days->len; i++)
    kj_json_writer_add_day (w, g_ptr_array_index (journal->days, i));
  for (guint i = 0; i < journal->treatments->len; i++)
    kj_json_writer_add_treatment (w, g_ptr_array_index (journal->treatments, i));
  for (guint i = 0; i < journal->runs->len; i++)
    kj_json_writer_add_run (w, g_ptr_array_index (journal->runs, i));
  kj_json_writer_finish (w, journal->shoes, journal->questionnaires, NULL);

  text = kj_json_writer_steal (w, length);
  g_free (w);

  return text;
}
