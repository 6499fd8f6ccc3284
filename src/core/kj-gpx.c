/* kj-gpx.c — runs from GPS tracks: GPX 1.0/1.1 and Garmin TCX, read with libxml2's SAX2 parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parser never loads the network, never substitutes entities, and
 * refuses any DOCTYPE (GPX and TCX have none), so an "XML bomb" cannot
 * expand. SAX2 rather than the streaming reader (xmlTextReader) that read
 * these files before: the same parser without a tree node made and freed
 * for each element, 38 % of an import's time; the callbacks reproduce the
 * reader's nodes (a text node is the text between two tags, an empty element
 * has no end). Numbers and times in their usual forms are read here, anything
 * else by g_ascii_strtod() and GDateTime, with the same results. The points
 * are summed up by kj-track.c; a TCX file's own lap distances win.
 */
#define G_LOG_DOMAIN "knee-journal-gpx"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <math.h>
#include <string.h>

#include "kj-gpx.h"
#include "kj-track-private.h"

G_DEFINE_QUARK (kj-gpx-error-quark, kj_gpx_error)

typedef KjTrackPoint Point;

typedef enum
{
  FIELD_NONE,
  FIELD_ELE,
  FIELD_TIME,
  FIELD_LAT,
  FIELD_LON,
  FIELD_LAP_DISTANCE,
  FIELD_TYPE,                /* a GPX track's <type>: its sport */
} Field;

/* The element names looked at, interned in the parser's dictionary: SAX2 gives every name from it, so that
 * a name is one of these exactly when it is the same pointer */
typedef enum
{
  NAME_TCX,
  NAME_GPX,
  NAME_TRKPT,
  NAME_TRACKPOINT,
  NAME_LAP,
  NAME_ACTIVITY,
  NAME_TRK,
  NAME_TYPE,
  NAME_ELE,
  NAME_ALTITUDE,
  NAME_TIME,
  NAME_TIME_TCX,
  NAME_LATITUDE,
  NAME_LONGITUDE,
  NAME_DISTANCE,
  N_NAMES
} Name;

static const char * const names[N_NAMES] = {
  "TrainingCenterDatabase", "gpx", "trkpt", "Trackpoint", "Lap", "Activity", "trk", "type", "ele", "AltitudeMeters",
  "time", "Time", "LatitudeDegrees", "LongitudeDegrees", "DistanceMeters",
};

typedef struct
{
  GArray   *points;
  Point     current;
  gboolean  in_point;
  gboolean  tcx;
  gboolean  in_position;
  gboolean  in_track;        /* inside a GPX <trk> */
  int       lap_depth;       /* depth of the open <Lap>, or -1 */
  double    lap_distance;
  Field     field;
  char     *error;           /* the first XML error */
  xmlParserCtxtPtr ctxt;
  gboolean  root_seen;
  char     *ns;              /* the root element's namespace: a point's fields are read only in it */
  int       depth;           /* of the next element to open: the root's is 0 */
  gboolean  empty;           /* the element opened last is an empty one (<x/>): it has no end */
  GString  *text;            /* the text node so far, while a field waits for it */
  GError   *failure;         /* why the file is refused; the parser stops */
  gboolean  doctype;         /* the file declares a document type: refused (see read_document()) */
  const xmlChar *names[N_NAMES];
} Parser;

#define IS(name, id) ((name) == p->names[id])

/* libxml2's structured errors, with the parser's context as their data */
static void
xml_error (void            *ctx,
           const xmlError  *error)
{
  Parser *parser = ((xmlParserCtxtPtr) ctx)->_private;
  g_autofree char *message = NULL;

  if (parser->error != NULL || error == NULL || error->message == NULL)
    return;

  message = g_strstrip (g_strdup (error->message));
  parser->error = g_strdup_printf (_("line %d: %s"), error->line, message);
}

/* @text when it is a plain decimal (“-12.3456789”) of at most 15 digits:
 * then the integer of its digits and the power of ten are both exact
 * doubles, and one division rounds correctly, as g_ascii_strtod() does */
static gboolean
parse_plain_decimal (const char *text,
                     double     *out)
{
  static const double powers[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
  const char *c = text;
  gboolean negative = FALSE;
  gint64 digits = 0;
  int n_digits = 0, n_decimals = 0;

  if (*c == '-' || *c == '+')
    negative = *c++ == '-';
  /* more than 15 digits: not exact in a double, and no longer in a gint64 */
  for (; g_ascii_isdigit (*c); c++, n_digits++)
    {
      if (n_digits == 15)
        return FALSE;
      digits = digits * 10 + (*c - '0');
    }
  if (n_digits == 0)
    return FALSE;
  if (*c == '.')
    {
      for (c++; g_ascii_isdigit (*c); c++, n_digits++, n_decimals++)
        {
          if (n_digits == 15)
            return FALSE;
          digits = digits * 10 + (*c - '0');
        }
      if (n_decimals == 0)
        return FALSE;
    }
  if (*c != '\0')
    return FALSE;

  *out = (double) digits / powers[n_decimals];
  if (negative)
    *out = -*out;
  return TRUE;
}

static gboolean
parse_double (const char *text,
              double     *out)
{
  char *end = NULL;

  if (parse_plain_decimal (text, out))
    return TRUE;

  *out = g_ascii_strtod (text, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;

  return end != text && end != NULL && *end == '\0' && isfinite (*out);
}

static int
two_digits (const char *c)
{
  return g_ascii_isdigit (c[0]) && g_ascii_isdigit (c[1]) ? (c[0] - '0') * 10 + (c[1] - '0') : -1;
}

/* Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil) */
static gint64
days_from_civil (gint64 y,
                 int    m,
                 int    d)
{
  gint64 era, yoe, doy;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* The usual time of GPX and TCX files, “2026-03-02T07:15:00Z” or with up to
 * six decimals of a second, as unix seconds; FALSE for any other form or a
 * time that is no time, which GDateTime then reads (or refuses), as before */
static gboolean
parse_utc_time (const char *text,
                gint64     *out)
{
  int year, month, day, hour, minute, second;
  const char *c = text + 19;

  if (strlen (text) < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':')
    return FALSE;
  year = two_digits (text) * 100 + two_digits (text + 2);
  month = two_digits (text + 5);
  day = two_digits (text + 8);
  hour = two_digits (text + 11);
  minute = two_digits (text + 14);
  second = two_digits (text + 17);
  if (two_digits (text) < 0 || two_digits (text + 2) < 0 || year < 1 || month < 1 || month > 12 || day < 1 ||
      day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year) || hour < 0 || hour > 23 ||
      minute < 0 || minute > 59 || second < 0 || second > 59)
    return FALSE;
  if (*c == '.')
    {
      const char *first = ++c;

      while (g_ascii_isdigit (*c))
        c++;
      if (c == first || c - first > 6)
        return FALSE;
    }
  if (c[0] != 'Z' || c[1] != '\0')
    return FALSE;

  *out = days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  return TRUE;
}

/* Whether a GPX track's <type> names a ride: Strava writes “cycling” (older
 * exports “1”), Garmin “cycling”, others “biking”, “Ride”, “road_biking” */
static gboolean
is_ride_type (const char *type)
{
  g_autofree char *lower = g_ascii_strdown (type, -1);

  g_strstrip (lower);
  return g_str_equal (lower, "1") || strstr (lower, "cycling") != NULL || strstr (lower, "biking") != NULL ||
         (g_str_has_suffix (lower, "ride") && !g_str_has_suffix (lower, "stride"));
}

/* @text (@length bytes) without the white space around it, as g_strstrip() but in place without moving it */
static gboolean
handle_text (Parser      *p,
             char        *text,
             gsize        length,
             GError     **error)
{
  char *value = text, *end = text + length;
  double number;

  while (g_ascii_isspace (*value))
    value++;
  while (end > value && g_ascii_isspace (end[-1]))
    *--end = '\0';

  switch (p->field)
    {
    case FIELD_ELE:
      if (!parse_double (value, &number))
        return _kj_track_fail (error, KJ_GPX_ERROR_BAD_POINT, _("“%s” is not an elevation"), value);
      p->current.ele = number;
      break;

    case FIELD_TIME:
      if (parse_utc_time (value, &p->current.time))
        break;
      {
        g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
        g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (value, utc);

        if (dt == NULL)
          return _kj_track_fail (error, KJ_GPX_ERROR_BAD_TIME, _("“%s” is not a time"), value);
        p->current.time = g_date_time_to_unix (dt);
      }
      break;

    case FIELD_LAT:
    case FIELD_LON:
      if (!parse_double (value, &number))
        return _kj_track_fail (error, KJ_GPX_ERROR_BAD_POINT, _("“%s” is not a coordinate"), value);
      if (p->field == FIELD_LAT)
        p->current.lat = number;
      else
        p->current.lon = number;
      break;

    case FIELD_LAP_DISTANCE:
      if (parse_double (value, &number) && number > 0)
        p->lap_distance += number;
      break;

    case FIELD_NONE:
    default:
      break;
    }

  return TRUE;
}

static void
start_point (Parser *p)
{
  p->in_point = TRUE;
  p->current.lat = p->current.lon = NAN;
  p->current.ele = NAN;
  p->current.dist = NAN;
  p->current.time = G_MININT64;
}

static gboolean
end_point (Parser  *p,
           GError **error)
{
  p->in_point = FALSE;

  /* a TCX point without a position (the watch had no fix yet) is skipped */
  if (p->tcx && (isnan (p->current.lat) || isnan (p->current.lon)))
    return TRUE;

  if (isnan (p->current.lat) || isnan (p->current.lon) ||
      fabs (p->current.lat) > 90 || fabs (p->current.lon) > 180)
    return _kj_track_fail (error, KJ_GPX_ERROR_BAD_POINT, _("track point %u has no position on Earth"), p->points->len + 1);

  g_array_append_val (p->points, p->current);
  return TRUE;
}

/* Stops the parser with @p's failure set (by the caller, through @error) */
static void
stop (Parser *p)
{
  xmlStopParser (p->ctxt);
}

/* The attribute @name (of no namespace) of SAX2's attributes, a copy, or NULL: in @buffer when it fits,
 * else in @allocated */
static const char *
get_attribute (const xmlChar **attributes,
               int             n_attributes,
               const char     *name,
               char           *buffer,
               gsize           size,
               char          **allocated)
{
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **a = attributes + 5 * i;   /* local name, prefix, URI, value, end of the value */

      if (a[1] == NULL && strcmp ((const char *) a[0], name) == 0)
        {
          gsize length = a[4] - a[3];

          if (length < size)
            {
              memcpy (buffer, a[3], length);
              buffer[length] = '\0';
              return buffer;
            }
          return *allocated = g_strndup ((const char *) a[3], length);
        }
    }

  return NULL;
}

/* The end of a text node: what the reader gave as one text node, handled as it did. A text node of
 * white space only was never handled. */
static void
end_text (Parser *p)
{
  gboolean blank = TRUE;
  char *text;

  if (p->text->len == 0)
    return;

  text = p->text->str;
  for (gsize i = 0; i < p->text->len && blank; i++)
    blank = text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r';

  if (!blank && p->failure == NULL)
    {
      if (p->field == FIELD_TYPE)
        {
          if (is_ride_type (text))
            {
              _kj_track_fail (&p->failure, KJ_GPX_ERROR_OTHER_SPORT, "%s", _("a cycling activity, not a run"));
              stop (p);
            }
        }
      else if (p->field != FIELD_NONE && !handle_text (p, text, p->text->len, &p->failure))
        {
          g_prefix_error (&p->failure, _("track point %u: "), p->points->len + 1);
          stop (p);
        }
    }

  g_string_truncate (p->text, 0);
}

static void
on_start_element (void           *ctx,
                  const xmlChar  *local_name,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  Parser *p = ctxt->_private;
  int depth = p->depth++;

  end_text (p);
  if (p->failure != NULL || p->doctype)
    return;

  /* as libxml2's reader tells an empty element: the input stands at its “/>” */
  p->empty = ctxt->input != NULL && ctxt->input->cur != NULL && ctxt->input->cur[0] == '/' &&
             ctxt->input->cur[1] == '>';

  if (!p->root_seen)
    {
      p->root_seen = TRUE;
      p->ns = g_strdup ((const char *) uri);
      if (IS (local_name, NAME_TCX))
        p->tcx = TRUE;
      else if (!IS (local_name, NAME_GPX))
        {
          _kj_track_fail (&p->failure, KJ_GPX_ERROR_NOT_A_TRACK, _("it is XML, but neither GPX nor TCX (it starts with <%s>)"),
                          (const char *) local_name);
          stop (p);
          return;
        }
    }

  p->field = FIELD_NONE;

  /* an element of another namespace (a watch maker's <gpxtpx:…> extensions)
   * is none of the track's own, whatever its name */
  if (g_strcmp0 ((const char *) uri, p->ns) != 0)
    return;

  if (!p->tcx && IS (local_name, NAME_TRKPT))
    {
      g_autofree char *lat_allocated = NULL;
      g_autofree char *lon_allocated = NULL;
      char lat_buffer[64], lon_buffer[64];
      const char *lat = get_attribute (attributes, n_attributes, "lat", lat_buffer, sizeof lat_buffer, &lat_allocated);
      const char *lon = get_attribute (attributes, n_attributes, "lon", lon_buffer, sizeof lon_buffer, &lon_allocated);

      start_point (p);
      if (lat == NULL || lon == NULL || !parse_double (lat, &p->current.lat) || !parse_double (lon, &p->current.lon))
        {
          _kj_track_fail (&p->failure, KJ_GPX_ERROR_BAD_POINT, _("track point %u has no valid lat and lon"),
                          p->points->len + 1);
          stop (p);
          return;
        }
      if (p->empty && !end_point (p, &p->failure))
        stop (p);
    }
  else if (p->tcx && IS (local_name, NAME_TRACKPOINT))
    start_point (p);
  else if (p->tcx && IS (local_name, NAME_LAP))
    p->lap_depth = depth;
  else if (p->tcx && IS (local_name, NAME_ACTIVITY))
    {
      /* TCX's sports: Running, Biking, Other (a run of no stated sport) */
      g_autofree char *sport = NULL;
      char buffer[64];
      const char *value = get_attribute (attributes, n_attributes, "Sport", buffer, sizeof buffer, &sport);

      if (value != NULL && g_str_equal (g_strstrip ((char *) value), "Biking"))
        {
          _kj_track_fail (&p->failure, KJ_GPX_ERROR_OTHER_SPORT, "%s", _("a cycling activity, not a run"));
          stop (p);
        }
    }
  else if (!p->tcx && depth == 1 && IS (local_name, NAME_TRK))
    p->in_track = !p->empty;
  else if (!p->tcx && p->in_track && depth == 2 && IS (local_name, NAME_TYPE))
    p->field = FIELD_TYPE;
  else if (p->in_point && (IS (local_name, NAME_ELE) || IS (local_name, NAME_ALTITUDE)))
    p->field = FIELD_ELE;
  else if (p->in_point && (IS (local_name, NAME_TIME) || IS (local_name, NAME_TIME_TCX)))
    p->field = FIELD_TIME;
  else if (p->in_point && IS (local_name, NAME_LATITUDE))
    p->field = FIELD_LAT;
  else if (p->in_point && IS (local_name, NAME_LONGITUDE))
    p->field = FIELD_LON;
  else if (!p->in_point && p->lap_depth >= 0 && depth == p->lap_depth + 1 && IS (local_name, NAME_DISTANCE))
    p->field = FIELD_LAP_DISTANCE;
}

static void
on_end_element (void          *ctx,
                const xmlChar *local_name,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = ctx;
  Parser *p = ctxt->_private;
  int depth = --p->depth;
  gboolean empty = p->empty;

  p->empty = FALSE;
  end_text (p);
  /* the reader gave no end of an empty element */
  if (p->failure != NULL || p->doctype || empty)
    return;

  p->field = FIELD_NONE;
  if ((!p->tcx && IS (local_name, NAME_TRKPT)) || (p->tcx && IS (local_name, NAME_TRACKPOINT)))
    {
      if (!end_point (p, &p->failure))
        stop (p);
    }
  else if (p->tcx && IS (local_name, NAME_LAP))
    p->lap_depth = -1;
  else if (!p->tcx && depth == 1 && IS (local_name, NAME_TRK))
    p->in_track = FALSE;
}

static void
on_characters (void          *ctx,
               const xmlChar *text,
               int            length)
{
  Parser *p = ((xmlParserCtxtPtr) ctx)->_private;

  p->empty = FALSE;
  if (p->field != FIELD_NONE && p->failure == NULL)
    g_string_append_len (p->text, (const char *) text, length);
}

/* A comment or a processing instruction ends a text node */
static void
on_comment (void          *ctx,
            const xmlChar *text)
{
  Parser *p = ((xmlParserCtxtPtr) ctx)->_private;

  p->empty = FALSE;
  end_text (p);
}

static void
on_processing_instruction (void          *ctx,
                           const xmlChar *target,
                           const xmlChar *data)
{
  on_comment (ctx, target);
}

static void
on_internal_subset (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  Parser *p = ((xmlParserCtxtPtr) ctx)->_private;

  p->doctype = TRUE;
}

/* An entity other than XML's five (&amp; …, which libxml2 knows without asking): in a file with a document
 * type, it refuses the file; without one, libxml2 reports it undeclared (not well-formed). No declaration of
 * an entity is kept (the SAX handler has none), so nothing can ever expand. */
static xmlEntityPtr
on_get_entity (void          *ctx,
               const xmlChar *name)
{
  Parser *p = ((xmlParserCtxtPtr) ctx)->_private;

  if (!p->doctype)
    return NULL;
  if (p->failure == NULL)
    _kj_track_fail (&p->failure, KJ_GPX_ERROR_XML, _("the file uses entities, which GPX and TCX files never do"));
  stop (p);
  return NULL;
}

static gboolean
read_document (const char  *data,
               gsize        length,
               Parser      *p,
               GError     **error)
{
  xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt (data, (int) length);
  xmlSAXHandler sax = { 0 };
  gboolean well_formed;

  if (ctxt == NULL)
    return _kj_track_fail (error, KJ_GPX_ERROR_XML, _("it cannot be read as XML"));

  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start_element;
  sax.endElementNs = on_end_element;
  sax.characters = on_characters;
  sax.ignorableWhitespace = on_characters;
  sax.cdataBlock = on_characters;
  sax.comment = on_comment;
  sax.processingInstruction = on_processing_instruction;
  sax.internalSubset = on_internal_subset;
  sax.getEntity = on_get_entity;
  sax.serror = (xmlStructuredErrorFunc) xml_error;
  *ctxt->sax = sax;
  for (guint i = 0; i < N_NAMES; i++)
    p->names[i] = xmlDictLookup (ctxt->dict, (const xmlChar *) names[i], -1);
  ctxt->_private = p;
  ctxt->userData = ctxt;
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  p->ctxt = ctxt;
  p->text = g_string_new (NULL);

  xmlParseDocument (ctxt);
  well_formed = ctxt->wellFormed;
  /* a document type, even one refused, leaves libxml2's SAX2 handlers a document to hold it */
  g_clear_pointer (&ctxt->myDoc, xmlFreeDoc);
  xmlFreeParserCtxt (ctxt);
  p->ctxt = NULL;
  g_string_free (p->text, TRUE);
  p->text = NULL;
  g_clear_pointer (&p->ns, g_free);

  if (p->failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&p->failure));
      return FALSE;
    }

  if (!well_formed)
    return _kj_track_fail (error, KJ_GPX_ERROR_XML, _("it is not well-formed XML, perhaps cut short (%s)"),
                           p->error ? p->error : _("unknown error"));

  /* The reader that read these files before gave a document type once it had read past it, so that an
   * entity used or an XML error shortly after it was told first; here the rest of the file is read, not
   * looked at, and those come first too. */
  if (p->doctype)
    return _kj_track_fail (error, KJ_GPX_ERROR_XML,
                           _("the file declares a document type, which GPX and TCX files never do; it is not read"));

  if (!p->root_seen)
    return _kj_track_fail (error, KJ_GPX_ERROR_NOT_A_TRACK, _("it is empty"));

  return TRUE;
}

/**
 * kj_gpx_parse:
 *
 * Reads a GPX or TCX document and sums up its track.
 */
gboolean
kj_gpx_parse (const char  *data,
              gsize        length,
              KjTrack     *track,
              GError     **error)
{
  return _kj_gpx_parse_full (data, length, KJ_TRACK_DEFAULT, track, error);
}

/* kj_gpx_parse() with @flags for what else to compute (kj-track-private.h) */
gboolean
_kj_gpx_parse_full (const char    *data,
                    gsize          length,
                    KjTrackFlags   flags,
                    KjTrack       *track,
                    GError       **error)
{
  KjTrackTotals totals = KJ_TRACK_TOTALS_INIT;
  Parser p = { 0 };
  gboolean ok;

  g_return_val_if_fail (track != NULL, FALSE);

  memset (track, 0, sizeof *track);

  if (length > KJ_GPX_MAX_FILE_SIZE)
    return _kj_track_fail (error, KJ_GPX_ERROR_TOO_LARGE, _("it is %lu MB, too large for the track of a run (at most %d MB)"),
                           (unsigned long) (length / (1024 * 1024)), KJ_GPX_MAX_FILE_SIZE / (1024 * 1024));

  /* Strava writes spaces before “<?xml”, which XML allows nowhere but after it; a byte order mark may come first */
  for (;;)
    {
      if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
        data += 3, length -= 3;
      else if (length > 0 && g_ascii_isspace (data[0]))
        data++, length--;
      else
        break;
    }

  if (length == 0)
    return _kj_track_fail (error, KJ_GPX_ERROR_NOT_A_TRACK, _("it is empty"));

  /* room for the points a file of this size usually holds (some 100 bytes a point), not grown and copied */
  p.points = g_array_sized_new (FALSE, FALSE, sizeof (Point), (guint) MIN (length / 96, KJ_TRACK_MAX_POINTS));
  p.lap_depth = -1;

  ok = read_document (data, length, &p, error);

  if (ok && p.points->len == 0)
    ok = _kj_track_fail (error, KJ_GPX_ERROR_NO_POINTS, _("it holds no track points"));

  /* a TCX file's own distance is what the watch measured */
  if (ok && p.tcx && p.lap_distance > 0)
    totals.distance_m = p.lap_distance;

  if (ok)
    ok = _kj_track_summarize (p.points, &totals, flags, track, error);

  g_free (p.error);
  g_array_unref (p.points);

  return ok;
}
