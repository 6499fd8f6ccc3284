/* kj-fit.c — runs from FIT activity files, the binary format of sports watches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small decoder written from the published description of the FIT
 * protocol, reading only what a run needs (doc/journal-format.md, “Run
 * files”). The file is read as hostile: every length and offset is checked
 * against the data the header declares, which is checked against the file;
 * the file's CRC (and the header's, when set) must match. The file is a
 * header (12 or 14 bytes: header size, protocol and profile version, the
 * size of the data, ".FIT", an optional CRC of the header), then messages,
 * then the CRC of everything before it. Each message starts with a header
 * byte:
 *  - bit 7 set: a data message with a compressed timestamp: bits 5–6 the
 *    local message type (0–3), bits 0–4 the time in seconds modulo 32 after
 *    the last full timestamp (it rolls over at 32);
 *  - bit 6 set: a definition of local message type bits 0–3 (0–15): a
 *    reserved byte, the architecture (0 little, 1 big endian), the global
 *    message number, its fields (number, size, base type), and when bit 5 is
 *    set its developer fields (number, size, index), which are skipped by
 *    their size;
 *  - otherwise a data message of local message type bits 0–3, laid out as
 *    its definition says.
 * Messages used: file_id (0: type), sport (12), session (18: start time,
 * sport, sub-sport, elapsed and timer time, distance, descent), lap (19:
 * distance, sport) and record (20: time, position, altitude, distance).
 * A base type's invalid value means the field is absent.
 */
#define G_LOG_DOMAIN "knee-journal-fit"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kj-fit.h"
#include "kj-track-private.h"

#define MESG_FILE_ID         0
#define MESG_SPORT           12
#define MESG_SESSION         18
#define MESG_LAP             19
#define MESG_RECORD          20
#define FIELD_TIMESTAMP      253
#define FILE_TYPE_ACTIVITY   4
#define SPORT_RUNNING        1
#define SEMICIRCLE_DEGREES   (180.0 / 2147483648.0)
#define RELATIVE_TIME_LIMIT  0x10000000   /* FIT times below this count from the watch's power-on */
#define MAX_FIT_TIME         (G_GINT64_CONSTANT (253402300799) - KJ_FIT_EPOCH)   /* 9999-12-31 23:59:59 UTC */

typedef struct
{
  guint8  num;
  guint8  size;
  guint8  base;
  guint16 offset;            /* in the data message's content */
} FieldDef;

typedef struct
{
  gboolean  defined;
  gboolean  big_endian;
  guint16   global;
  guint     n_fields;
  FieldDef  fields[255];
  guint     size;            /* of a data message's content, developer fields included */
} Definition;

/* The totals of the sessions of one kind (running, or of no stated sport):
 * a multisport file's ride is no running load */
typedef struct
{
  guint   n;
  gint64  start;             /* the first session's start, FIT seconds, -1 unknown */
  double  distance_m, timer_s, descent_m;   /* sums, NAN unknown */
  gboolean bad_distance, bad_timer, bad_descent;   /* a session's total that is no value: the sum is unknown */
  GArray *windows;           /* (element-type gint64) start and end of each session, FIT seconds */
  gboolean windows_unknown;  /* a session without a start or a duration */
} Sessions;

#define MAX_WINDOWS 1000

typedef struct
{
  const guint8 *data;
  gsize         end;         /* the end of the messages: header and data size */
  Definition    defs[16];
  gint64        last_time;   /* the last full timestamp (FIT seconds), -1 before one */
  GArray       *points;
  int           file_type;
  int           sport;       /* the first session's, -1 unknown */
  int           sport_message;
  int           lap_sport;
  guint         n_sessions;
  gboolean      other_sessions;   /* a session of another sport than running */
  Sessions      running;     /* the sessions of running */
  Sessions      unstated;    /* the sessions that state no sport */
  double        lap_distance_m;
} Decoder;

/* The base types by their number (the low five bits): size, invalid value */
static const struct
{
  guint8  size;
  guint64 invalid;
  gboolean is_signed;
  gboolean is_float;
  gboolean is_number;
} base_types[] = {
  { 1, 0xFF, FALSE, FALSE, TRUE },                     /* enum */
  { 1, 0x7F, TRUE, FALSE, TRUE },                      /* sint8 */
  { 1, 0xFF, FALSE, FALSE, TRUE },                     /* uint8 */
  { 2, 0x7FFF, TRUE, FALSE, TRUE },                    /* sint16 */
  { 2, 0xFFFF, FALSE, FALSE, TRUE },                   /* uint16 */
  { 4, 0x7FFFFFFF, TRUE, FALSE, TRUE },                /* sint32 */
  { 4, 0xFFFFFFFF, FALSE, FALSE, TRUE },               /* uint32 */
  { 1, 0x00, FALSE, FALSE, FALSE },                    /* string */
  { 4, 0xFFFFFFFF, FALSE, TRUE, TRUE },                /* float32 */
  { 8, G_MAXUINT64, FALSE, TRUE, TRUE },               /* float64 */
  { 1, 0x00, FALSE, FALSE, TRUE },                     /* uint8z */
  { 2, 0x0000, FALSE, FALSE, TRUE },                   /* uint16z */
  { 4, 0x00000000, FALSE, FALSE, TRUE },               /* uint32z */
  { 1, 0xFF, FALSE, FALSE, FALSE },                    /* byte */
  { 8, G_MAXINT64, TRUE, FALSE, TRUE },                /* sint64 */
  { 8, G_MAXUINT64, FALSE, FALSE, TRUE },              /* uint64 */
  { 8, 0, FALSE, FALSE, TRUE },                        /* uint64z */
};

static const struct
{
  int         sport;
  const char *message;
} other_sports[] = {
  { 0, N_("a generic activity, not a run") },
  { 2, N_("a cycling activity, not a run") },
  { 4, N_("a fitness equipment activity, not a run") },
  { 5, N_("a swimming activity, not a run") },
  { 10, N_("a training activity, not a run") },
  { 11, N_("a walking activity, not a run") },
  { 12, N_("a cross-country skiing activity, not a run") },
  { 15, N_("a rowing activity, not a run") },
  { 17, N_("a hiking activity, not a run") },
  { 18, N_("a multisport activity, not a run") },
};

/* FIT files that are no activity, by their file type */
static const struct
{
  int         type;
  const char *message;
} other_files[] = {
  { 1, N_("a FIT file of the watch itself, not an activity") },
  { 2, N_("a FIT file of the watch’s settings, not an activity") },
  { 3, N_("a FIT file of the watch’s settings, not an activity") },
  { 5, N_("a FIT workout (a plan of one), not an activity") },
  { 6, N_("a FIT course (a route to follow), not an activity") },
  { 9, N_("a FIT file of weight measurements, not an activity") },
  { 15, N_("a FIT file of the day’s monitoring, not an activity") },
  { 28, N_("a FIT file of the day’s monitoring, not an activity") },
  { 32, N_("a FIT file of the day’s monitoring, not an activity") },
  { 34, N_("a FIT segment (a stretch of road to race on), not an activity") },
};

/**
 * kj_fit_crc:
 *
 * The CRC-16 of the FIT SDK (the polynomial 0x8005 reflected, four bits at a
 * time), continued from @crc.
 */
guint16
kj_fit_crc (guint16       crc,
            const guint8 *data,
            gsize         length)
{
  static const guint16 table[16] = {
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
  };

  for (gsize i = 0; i < length; i++)
    {
      guint16 tmp = table[crc & 0xF];

      crc = (crc >> 4) & 0x0FFF;
      crc = crc ^ tmp ^ table[data[i] & 0xF];
      tmp = table[crc & 0xF];
      crc = (crc >> 4) & 0x0FFF;
      crc = crc ^ tmp ^ table[(data[i] >> 4) & 0xF];
    }

  return crc;
}

/* Whether @data starts like a FIT file: ".FIT" at byte 8 */
gboolean
kj_fit_is_fit (const guint8 *data,
               gsize         length)
{
  return length >= 12 && memcmp (data + 8, ".FIT", 4) == 0;
}

static guint64
read_uint (const guint8 *p,
           guint         size,
           gboolean      big_endian)
{
  guint64 value = 0;

  for (guint i = 0; i < size; i++)
    value |= (guint64) p[big_endian ? i : size - 1 - i] << (8 * (size - 1 - i));

  return value;
}

/* The first value of field @num of a data message, FALSE when the message
 * has no such field, the field holds its type's invalid value or is no number. */
static gboolean
field_value (const Definition *def,
             const guint8     *content,
             guint8            num,
             double           *out)
{
  for (guint i = 0; i < def->n_fields; i++)
    {
      const FieldDef *f = &def->fields[i];
      guint type = f->base & 0x1F;
      guint64 raw;
      guint width;

      if (f->num != num)
        continue;
      if (type >= G_N_ELEMENTS (base_types) || !base_types[type].is_number)
        return FALSE;

      width = base_types[type].size;
      if (f->size < width || f->size % width != 0)
        return FALSE;

      raw = read_uint (content + f->offset, width, def->big_endian);
      if (raw == base_types[type].invalid)
        return FALSE;

      if (base_types[type].is_float && width == 4)
        {
          guint32 bits = (guint32) raw;
          float value;

          memcpy (&value, &bits, sizeof value);
          *out = value;
        }
      else if (base_types[type].is_float)
        memcpy (out, &raw, sizeof *out);
      else if (base_types[type].is_signed)
        {
          /* sign-extend from the field's width */
          guint shift = 64 - 8 * width;
          *out = (double) ((gint64) (raw << shift) >> shift);
        }
      else
        *out = (double) raw;

      return isfinite (*out);
    }

  return FALSE;
}

static gboolean
read_definition (Decoder  *d,
                 gsize    *pos,
                 guint8    header,
                 GError  **error)
{
  gsize at = *pos - 1;
  Definition *def = &d->defs[header & 0x0F];
  guint8 arch;
  guint n_fields;
  guint offset = 0;
  gboolean seen[256] = { FALSE };

  if (d->end - *pos < 5)
    return _kj_track_fail (error, KJ_GPX_ERROR_FIT, _("the FIT file is damaged: the definition at byte %zu reads past the end of its data"),
                           at);

  arch = d->data[*pos + 1];
  if (arch > 1)
    return _kj_track_fail (error, KJ_GPX_ERROR_FIT,
                           _("the FIT file is damaged: the definition at byte %zu has architecture %u, neither little (0) nor big (1) endian"),
                           at, arch);

  def->defined = FALSE;
  def->big_endian = arch == 1;
  def->global = (guint16) read_uint (d->data + *pos + 2, 2, def->big_endian);
  n_fields = d->data[*pos + 4];
  *pos += 5;

  if (d->end - *pos < 3 * (gsize) n_fields)
    return _kj_track_fail (error, KJ_GPX_ERROR_FIT, _("the FIT file is damaged: the definition at byte %zu reads past the end of its data"),
                           at);

  for (guint i = 0; i < n_fields; i++)
    {
      FieldDef *f = &def->fields[i];

      f->num = d->data[*pos];
      f->size = d->data[*pos + 1];
      f->base = d->data[*pos + 2];
      f->offset = (guint16) offset;
      *pos += 3;

      /* a field defined twice would have two values: which is the message's? */
      if (seen[f->num])
        return _kj_track_fail (error, KJ_GPX_ERROR_FIT, _("the FIT file is damaged: the definition at byte %zu names field %u twice"),
                               at, f->num);
      seen[f->num] = TRUE;
      offset += f->size;
    }
  def->n_fields = n_fields;

  if (header & 0x20)
    {
      guint n_developer;

      if (d->end - *pos < 1 || d->end - *pos - 1 < 3 * (gsize) d->data[*pos])
        return _kj_track_fail (error, KJ_GPX_ERROR_FIT,
                               _("the FIT file is damaged: the definition at byte %zu reads past the end of its data"), at);

      n_developer = d->data[*pos];
      *pos += 1;
      for (guint i = 0; i < n_developer; i++)
        {
          offset += d->data[*pos + 1];   /* skipped by its size */
          *pos += 3;
        }
    }

  def->size = offset;
  def->defined = TRUE;

  return TRUE;
}

static gboolean
handle_record (Decoder          *d,
               const Definition *def,
               const guint8     *content,
               gint64            time,
               GError          **error)
{
  KjTrackPoint point = { NAN, NAN, NAN, NAN, G_MININT64 };
  double lat, lon, value;

  if (d->points->len >= KJ_TRACK_MAX_POINTS)
    return _kj_track_fail (error, KJ_GPX_ERROR_FIT, _("the FIT activity has more than %d records, too many for a run"),
                           KJ_TRACK_MAX_POINTS);

  if (time >= 0)
    {
      if (time < RELATIVE_TIME_LIMIT)
        return _kj_track_fail (error, KJ_GPX_ERROR_BAD_TIME,
                               _("record %u: its time counts from when the watch was switched on, not from a date"),
                               d->points->len + 1);
      point.time = time + KJ_FIT_EPOCH;
    }

  if (field_value (def, content, 0, &lat) && field_value (def, content, 1, &lon))
    {
      lat *= SEMICIRCLE_DEGREES;
      lon *= SEMICIRCLE_DEGREES;
      if (fabs (lat) > 90 || fabs (lon) > 180)
        return _kj_track_fail (error, KJ_GPX_ERROR_BAD_POINT, _("record %u has no position on Earth"), d->points->len + 1);
      point.lat = lat;
      point.lon = lon;
    }

  if (field_value (def, content, 78, &value) || field_value (def, content, 2, &value))
    point.ele = value / 5 - 500;

  if (field_value (def, content, 5, &value))
    point.dist = value / 100;

  g_array_append_val (d->points, point);
  return TRUE;
}

/* A field's value as a small number (a type, a sport), G_MAXINT when it is none */
static int
small_int (double value)
{
  return value >= 0 && value <= 65535 ? (int) value : G_MAXINT;
}

/* Adds @value to the sum @total (NAN: none yet) */
static void
add_total (double *total,
           double  value)
{
  *total = (isnan (*total) ? 0 : *total) + value;
}

static void
add_session (Sessions         *sessions,
             const Definition *def,
             const guint8     *content)
{
  double value, start = -1, duration = -1;

  if (field_value (def, content, 2, &value) && value >= RELATIVE_TIME_LIMIT && value <= MAX_FIT_TIME)
    start = value;
  if (sessions->n++ == 0)
    sessions->start = (gint64) start;

  /* a total that cannot be (a negative distance or descent, a timer under
   * a second) makes the sum unknown, to be taken from the records instead */
  if (field_value (def, content, 9, &value))
    {
      if (value >= 0)
        add_total (&sessions->distance_m, value / 100);
      else
        sessions->bad_distance = TRUE;
    }
  if (field_value (def, content, 8, &value))
    {
      if (value >= 1000)
        add_total (&sessions->timer_s, duration = value / 1000);
      else
        sessions->bad_timer = TRUE;
    }
  if (field_value (def, content, 23, &value))
    {
      if (value >= 0)
        add_total (&sessions->descent_m, value);
      else
        sessions->bad_descent = TRUE;
    }
  if (field_value (def, content, 7, &value))
    duration = value / 1000;

  if (start < 0 || !(duration >= 0 && duration <= MAX_FIT_TIME) || sessions->windows->len >= 2 * MAX_WINDOWS)
    sessions->windows_unknown = TRUE;
  else
    {
      gint64 window[2] = { (gint64) start, (gint64) start + (gint64) ceil (duration) };

      g_array_append_vals (sessions->windows, window, 2);
    }
}

static void
handle_message (Decoder          *d,
                const Definition *def,
                const guint8     *content)
{
  double value;

  switch (def->global)
    {
    case MESG_FILE_ID:
      if (field_value (def, content, 0, &value))
        d->file_type = small_int (value);
      break;

    case MESG_SPORT:
      if (d->sport_message < 0 && field_value (def, content, 0, &value))
        d->sport_message = small_int (value);
      break;

    case MESG_LAP:
      if (field_value (def, content, 9, &value))
        d->lap_distance_m = (isnan (d->lap_distance_m) ? 0 : d->lap_distance_m) + value / 100;
      if (d->lap_sport < 0 && field_value (def, content, 25, &value))
        d->lap_sport = small_int (value);
      break;

    case MESG_SESSION:
      {
        int sport = field_value (def, content, 5, &value) ? small_int (value) : -1;

        if (d->n_sessions++ == 0)
          d->sport = sport;
        if (sport == SPORT_RUNNING)
          add_session (&d->running, def, content);
        else if (sport < 0)
          add_session (&d->unstated, def, content);
        else
          d->other_sessions = TRUE;
      }
      break;

    default:
      break;
    }
}

static gboolean
read_messages (Decoder  *d,
               gsize     pos,
               GError  **error)
{
  while (pos < d->end)
    {
      gsize at = pos;
      guint8 header = d->data[pos++];
      const Definition *def;
      gint64 time = -1;
      double value;

      if (!(header & 0x80) && (header & 0x40))
        {
          if (!read_definition (d, &pos, header, error))
            return FALSE;
          continue;
        }

      if (header & 0x80)
        {
          guint offset = header & 0x1F;

          def = &d->defs[(header >> 5) & 0x03];
          if (d->last_time < 0)
            return _kj_track_fail (error, KJ_GPX_ERROR_FIT,
                                   _("the FIT file is damaged: the message at byte %zu has a time relative to the one before, but no time came before it"),
                                   at);
          /* the low five bits of the time; a smaller value has rolled over */
          d->last_time += (offset - (d->last_time & 0x1F)) & 0x1F;
          time = d->last_time;
        }
      else
        def = &d->defs[header & 0x0F];

      if (!def->defined)
        return _kj_track_fail (error, KJ_GPX_ERROR_FIT,
                               _("the FIT file is damaged: the message at byte %zu uses a local message type that was not defined before it"),
                               at);

      if (d->end - pos < def->size)
        return _kj_track_fail (error, KJ_GPX_ERROR_FIT, _("the FIT file is damaged: the message at byte %zu reads past the end of its data"),
                               at);

      if (field_value (def, d->data + pos, FIELD_TIMESTAMP, &value))
        {
          /* a time must be a date (up to the year 9999) before it is a number of seconds */
          if (!(value >= 0 && value <= MAX_FIT_TIME))
            {
              char number[G_ASCII_DTOSTR_BUF_SIZE];

              /* a float64 may hold 1e308: not three hundred digits */
              if (fabs (value) < 1e20)
                g_snprintf (number, sizeof number, "%.0f", value);
              else
                g_snprintf (number, sizeof number, "%g", value);
              return _kj_track_fail (error, KJ_GPX_ERROR_BAD_TIME,
                                     _("the FIT file is damaged: the time %s of the message at byte %zu is not a real date"),
                                     number, at);
            }
          d->last_time = time = (gint64) value;
        }

      if (def->global == MESG_RECORD)
        {
          if (!handle_record (d, def, d->data + pos, time >= 0 ? time : d->last_time, error))
            return FALSE;
        }
      else
        handle_message (d, def, d->data + pos);

      /* a file that is no activity is not read on */
      if (d->file_type >= 0 && d->file_type != FILE_TYPE_ACTIVITY)
        return TRUE;

      pos += def->size;
    }

  return TRUE;
}

static gboolean
check_header (const guint8  *data,
              gsize          length,
              gsize         *header_size,
              gsize         *end,
              GError       **error)
{
  guint32 data_size;
  guint16 stored, computed;

  if (length < 12)
    return _kj_track_fail (error, KJ_GPX_ERROR_FIT, _("it is cut short: %zu bytes, less than the header of a FIT file"), length);

  if (!kj_fit_is_fit (data, length))
    return _kj_track_fail (error, KJ_GPX_ERROR_FIT, _("it is not a FIT file (no “.FIT” at byte 8)"));

  *header_size = data[0];
  if (*header_size != 12 && *header_size != 14)
    return _kj_track_fail (error, KJ_GPX_ERROR_FIT, _("the FIT file is damaged: its header is %zu bytes long, not 12 or 14"),
                           *header_size);

  if (length < *header_size)
    return _kj_track_fail (error, KJ_GPX_ERROR_FIT, _("it is cut short: %zu bytes, less than the header of a FIT file"), length);

  if (*header_size == 14)
    {
      stored = (guint16) read_uint (data + 12, 2, FALSE);
      computed = kj_fit_crc (0, data, 12);
      if (stored != 0 && stored != computed)
        return _kj_track_fail (error, KJ_GPX_ERROR_FIT,
                               _("the FIT file is damaged: its header’s checksum is %04X, but the header gives %04X"), stored, computed);
    }

  data_size = (guint32) read_uint (data + 4, 4, FALSE);
  if (data_size > length - *header_size || length - *header_size - data_size < 2)
    return _kj_track_fail (error, KJ_GPX_ERROR_FIT,
                           _("the FIT file is cut short: its header declares %lu bytes of data and a checksum, but only %zu bytes follow"),
                           (unsigned long) data_size, length - *header_size);

  *end = *header_size + data_size;
  stored = (guint16) read_uint (data + *end, 2, FALSE);
  computed = kj_fit_crc (0, data, *end);
  if (stored != computed)
    return _kj_track_fail (error, KJ_GPX_ERROR_FIT, _("the FIT file is damaged: its checksum is %04X, but its contents give %04X"),
                           stored, computed);

  return TRUE;
}

static const char *
other_sport_message (int sport)
{
  for (guint i = 0; i < G_N_ELEMENTS (other_sports); i++)
    if (other_sports[i].sport == sport)
      return _(other_sports[i].message);

  return NULL;
}

/**
 * kj_fit_parse:
 *
 * Reads a FIT activity file and sums up its track like kj_gpx_parse(): the
 * session's distance (else the laps', else the last record's, else the sum of
 * steps between positions), its timer time and descent win over what the
 * records would give. An activity of another sport than running is
 * %KJ_GPX_ERROR_OTHER_SPORT.
 */
gboolean
kj_fit_parse (const guint8 *data,
              gsize         length,
              KjTrack      *track,
              GError      **error)
{
  return _kj_fit_parse_full (data, length, KJ_TRACK_DEFAULT, track, error);
}

/* kj_fit_parse() with @flags for what else to compute (kj-track-private.h) */
gboolean
_kj_fit_parse_full (const guint8  *data,
                    gsize          length,
                    KjTrackFlags   flags,
                    KjTrack       *track,
                    GError       **error)
{
  g_autofree Decoder *d = NULL;
  g_autoptr(GArray) points = NULL;
  g_autoptr(GArray) running_windows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) unstated_windows = g_array_new (FALSE, FALSE, sizeof (gint64));
  KjTrackTotals totals = KJ_TRACK_TOTALS_INIT;
  const Sessions *run;
  gsize header_size = 0, end = 0;
  int fallback;

  g_return_val_if_fail (track != NULL, FALSE);

  memset (track, 0, sizeof *track);

  if (length > KJ_GPX_MAX_FILE_SIZE)
    return _kj_track_fail (error, KJ_GPX_ERROR_TOO_LARGE, _("it is %lu MB, too large for the track of a run (at most %d MB)"),
                           (unsigned long) (length / (1024 * 1024)), KJ_GPX_MAX_FILE_SIZE / (1024 * 1024));

  if (!check_header (data, length, &header_size, &end, error))
    return FALSE;

  points = g_array_new (FALSE, FALSE, sizeof (KjTrackPoint));
  d = g_new0 (Decoder, 1);
  d->data = data;
  d->end = end;
  d->last_time = -1;
  d->points = points;
  d->file_type = d->sport = d->sport_message = d->lap_sport = -1;
  d->lap_distance_m = NAN;
  d->running = d->unstated = (Sessions) { 0, -1, NAN, NAN, NAN, FALSE, FALSE, FALSE, NULL, FALSE };
  d->running.windows = running_windows;
  d->unstated.windows = unstated_windows;

  if (!read_messages (d, header_size, error))
    return FALSE;

  if (d->file_type >= 0 && d->file_type != FILE_TYPE_ACTIVITY)
    {
      for (guint i = 0; i < G_N_ELEMENTS (other_files); i++)
        if (other_files[i].type == d->file_type)
          return _kj_track_fail (error, KJ_GPX_ERROR_NOT_ACTIVITY, "%s", _(other_files[i].message));
      return _kj_track_fail (error, KJ_GPX_ERROR_NOT_ACTIVITY, _("a FIT file of type %d, not an activity"), d->file_type);
    }

  if (d->n_sessions == 0)
    return _kj_track_fail (error, KJ_GPX_ERROR_FIT, _("the FIT activity has no session, so its sport and totals are unknown"));

  /* the running sessions; sessions of no stated sport are of the sport a sport message or a lap states */
  fallback = d->sport_message >= 0 ? d->sport_message : d->lap_sport;
  run = d->running.n > 0 ? &d->running : d->unstated.n > 0 && fallback == SPORT_RUNNING ? &d->unstated : NULL;
  if (run == NULL)
    {
      int sport = d->sport >= 0 ? d->sport : fallback;
      const char *message = other_sport_message (sport);

      if (message != NULL)
        return _kj_track_fail (error, KJ_GPX_ERROR_OTHER_SPORT, "%s", message);
      if (sport < 0)
        return _kj_track_fail (error, KJ_GPX_ERROR_OTHER_SPORT, _("an activity of no stated sport, not a run"));
      return _kj_track_fail (error, KJ_GPX_ERROR_OTHER_SPORT, _("an activity of sport %d, not a run"), sport);
    }

  if (points->len == 0)
    return _kj_track_fail (error, KJ_GPX_ERROR_NO_POINTS, _("the FIT activity has no records, so it holds no track"));

  /* a multisport file: only the records in the running sessions' time */
  if (d->other_sessions && !run->windows_unknown)
    {
      g_autoptr(GArray) inside = g_array_new (FALSE, FALSE, sizeof (KjTrackPoint));

      for (guint i = 0; i < points->len; i++)
        {
          const KjTrackPoint *pt = &g_array_index (points, KjTrackPoint, i);

          for (guint w = 0; w + 1 < run->windows->len; w += 2)
            if (pt->time >= g_array_index (run->windows, gint64, w) + KJ_FIT_EPOCH &&
                pt->time <= g_array_index (run->windows, gint64, w + 1) + KJ_FIT_EPOCH)
              {
                g_array_append_val (inside, *pt);
                break;
              }
        }
      if (inside->len > 0)
        {
          g_array_unref (points);
          points = g_steal_pointer (&inside);
        }
    }

  if (!isnan (run->distance_m) && !run->bad_distance)
    totals.distance_m = run->distance_m;
  else if (!isnan (d->lap_distance_m) && !d->other_sessions)
    totals.distance_m = d->lap_distance_m;
  else
    for (guint i = points->len; i > 0 && isnan (totals.distance_m); i--)
      totals.distance_m = g_array_index (points, KjTrackPoint, i - 1).dist;

  if (!isnan (run->timer_s) && !run->bad_timer && run->timer_s <= KJ_RUN_MAX_DURATION_S)
    totals.duration_s = (int) round (run->timer_s);
  if (!run->bad_descent)
    totals.descent_m = run->descent_m;
  if (run->start >= 0)
    totals.start = run->start + KJ_FIT_EPOCH;

  return _kj_track_summarize (points, &totals, flags, track, error);
}
