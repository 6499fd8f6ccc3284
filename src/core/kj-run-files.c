/* kj-run-files.c — the files runs come from: GPX, TCX and FIT, each perhaps gzipped, folders of them, Strava's
 * bulk export; the batch import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file is read whole (at most KJ_GPX_MAX_FILE_SIZE) and, when it starts
 * with gzip's magic bytes, unpacked through GIO's zlib converter up to the
 * same limit, so that a small “gzip bomb” is refused before it fills the
 * memory. FIT or XML is decided by the contents (".FIT" at byte 8) or a
 * name ending in .fit. A folder with an activities.csv is Strava's bulk
 * export: the files its rows name, each with the activity's name, type and
 * gear (doc/journal-format.md, “Run files”).
 */
#define G_LOG_DOMAIN "knee-journal-gpx"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "kj-fit.h"
#include "kj-gpx.h"
#include "kj-track-private.h"

#define CHUNK_SIZE (64 * 1024)

/* One file to import, and what Strava's export says of it */
typedef struct
{
  char *path;
  char *activity;            /* the activity's name, NULL outside a Strava export */
  char *gear;
  char *skip;                /* why it is skipped without reading it, or NULL */
  char *refuse;              /* why it fails without reading it, or NULL */
} Item;

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->path);
  g_free (item->activity);
  g_free (item->gear);
  g_free (item->skip);
  g_free (item->refuse);
  g_free (item);
}

static Item *
item_new (const char *path)
{
  Item *item = g_new0 (Item, 1);

  item->path = g_strdup (path);
  return item;
}

/* Unpacks gzip data, refusing more than KJ_GPX_MAX_FILE_SIZE bytes */
static GBytes *
gunzip (GBytes  *packed,
        GError **error)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) memory = g_memory_input_stream_new_from_bytes (packed);
  g_autoptr(GInputStream) stream = g_converter_input_stream_new (memory, G_CONVERTER (decompressor));
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;

  for (;;)
    {
      gssize n;

      /* one chunk beyond the limit tells a file at the limit from one over it */
      g_byte_array_set_size (out, out->len + CHUNK_SIZE);
      n = g_input_stream_read (stream, out->data + out->len - CHUNK_SIZE, CHUNK_SIZE, NULL, &local_error);
      if (n < 0)
        {
          g_set_error (error, KJ_GPX_ERROR, KJ_GPX_ERROR_COMPRESSED, _("it cannot be unpacked: %s"),
                       local_error->message);
          return NULL;
        }
      g_byte_array_set_size (out, out->len - CHUNK_SIZE + (guint) n);
      if (n == 0)
        break;
      if (out->len > KJ_GPX_MAX_FILE_SIZE)
        {
          g_set_error (error, KJ_GPX_ERROR, KJ_GPX_ERROR_COMPRESSED,
                       _("it unpacks to more than %d MB, too large for the track of a run; it is not read"),
                       KJ_GPX_MAX_FILE_SIZE / (1024 * 1024));
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static gboolean
set_errno_error (GError **error,
                 int      saved_errno)
{
  /* Translators: %s says why, such as “No such file or directory” */
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), _("it cannot be read: %s"),
               g_strerror (saved_errno));
  return FALSE;
}

static gboolean
set_too_large_error (GError **error,
                     gint64   size)
{
  g_set_error (error, KJ_GPX_ERROR, KJ_GPX_ERROR_TOO_LARGE,
               _("it is %lld MB, too large for the track of a run (at most %d MB)"),
               (long long) (size / (1024 * 1024)), KJ_GPX_MAX_FILE_SIZE / (1024 * 1024));
  return FALSE;
}

/* The contents of the regular file @path, at most KJ_GPX_MAX_FILE_SIZE
 * bytes. A pipe, a device (/dev/zero, perhaps behind a symlink) or a folder
 * is refused before it is read, and the limit holds while reading too, for a
 * file whose size grows or that stat() tells wrong. Errors without the
 * file's name. */
static GBytes *
read_regular_file (const char  *path,
                   GError     **error)
{
  g_autoptr(GByteArray) contents = NULL;
  GStatBuf st;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                           _("it is not a regular file (but a folder, a pipe or a device), so it is not read"));
      return NULL;
    }
  if (st.st_size > KJ_GPX_MAX_FILE_SIZE)
    {
      set_too_large_error (error, st.st_size);
      return NULL;
    }

  /* O_NONBLOCK: should the file have become a pipe since, opening it does not wait for a writer */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                           _("it is not a regular file (but a folder, a pipe or a device), so it is not read"));
      return NULL;
    }

  /* one byte beyond the limit tells a file at the limit from one over it; read straight into the array, most
   * often in one read() of the whole file */
  contents = g_byte_array_sized_new ((guint) MIN (st.st_size > 0 ? st.st_size : 0, KJ_GPX_MAX_FILE_SIZE) + 1);
  for (;;)
    {
      guint have = contents->len;
      gsize want = MIN (MAX ((gsize) st.st_size + 1 - MIN ((gsize) st.st_size, have), CHUNK_SIZE),
                        (gsize) KJ_GPX_MAX_FILE_SIZE + 1 - have);
      ssize_t n;
      int saved_errno;

      g_byte_array_set_size (contents, have + (guint) want);
      n = read (fd, contents->data + have, want);
      saved_errno = errno;
      g_byte_array_set_size (contents, have + (guint) MAX (n, 0));

      if (n < 0 && saved_errno == EINTR)
        continue;
      if (n < 0)
        {
          close (fd);
          set_errno_error (error, saved_errno);
          return NULL;
        }
      if (n == 0)
        break;
      if (contents->len > KJ_GPX_MAX_FILE_SIZE)
        {
          close (fd);
          g_set_error (error, KJ_GPX_ERROR, KJ_GPX_ERROR_TOO_LARGE,
                       _("it is more than %d MB, too large for the track of a run"),
                       KJ_GPX_MAX_FILE_SIZE / (1024 * 1024));
          return NULL;
        }
    }
  close (fd);

  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
}

/* The file's contents as read, @raw, unpacked when gzipped; errors without the file's name */
static GBytes *
unpack_run_file (GBytes  *raw,
                 GError **error)
{
  const guint8 *data;
  gsize length;

  data = g_bytes_get_data (raw, &length);

  if (length >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    {
      g_set_error_literal (error, KJ_GPX_ERROR, KJ_GPX_ERROR_ARCHIVE,
                           _("it is a .zip archive, which is not read: unzip it first, then import the folder"));
      return NULL;
    }

  if (length >= 2 && data[0] == 0x1f && data[1] == 0x8b)
    return gunzip (raw, error);

  return g_bytes_ref (raw);
}

/* The track of the file @path whose contents as read are @raw; errors start with the file's name */
static gboolean
parse_run_file (const char    *path,
                GBytes        *raw,
                KjTrackFlags   flags,
                KjTrack       *track,
                GError       **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *data;
  gsize length;
  gboolean ok;

  memset (track, 0, sizeof *track);

  if (!(bytes = unpack_run_file (raw, &local_error)))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &length);
  if (g_str_has_suffix (lower, ".gz"))
    lower[strlen (lower) - 3] = '\0';

  if (kj_fit_is_fit (data, length) || g_str_has_suffix (lower, ".fit"))
    ok = _kj_fit_parse_full (data, length, flags, track, &local_error);
  else
    ok = _kj_gpx_parse_full ((const char *) data, length, flags, track, &local_error);

  if (!ok)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* The contents of @path as read; errors start with the file's name */
static GBytes *
read_run_file (const char  *path,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *raw = read_regular_file (path, &local_error);

  if (raw == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
    }

  return raw;
}

/**
 * kj_gpx_parse_file:
 *
 * Reads a GPX, TCX or FIT file, perhaps gzipped (x.fit.gz); errors start with
 * the file's name.
 */
gboolean
kj_gpx_parse_file (const char  *path,
                   KjTrack     *track,
                   GError     **error)
{
  g_autoptr(GBytes) raw = NULL;

  memset (track, 0, sizeof *track);

  if (!(raw = read_run_file (path, error)))
    return FALSE;

  return parse_run_file (path, raw, KJ_TRACK_DEFAULT, track, error);
}

/* A run for the journal, with the file's name in its notes. */
KjRun *
kj_gpx_track_to_run (const KjTrack *track,
                     const char    *file_name)
{
  KjRun *run = kj_run_new (track->date, round (track->distance_km * 1000) / 1000);

  /* what a run cannot have is unknown: the run itself is fine */
  run->duration_s = track->duration_s >= 1 && track->duration_s <= KJ_RUN_MAX_DURATION_S ? track->duration_s : KJ_UNSET;
  run->descent_m = track->descent_m >= 0 ? MIN (20000, round (track->descent_m)) : NAN;
  g_free (run->notes);
  /* Translators: the notes of a run imported from a watch's file */
  run->notes = g_strdup_printf (_("Imported from %s"), file_name);

  return run;
}

/**
 * kj_run_files_parse_csv:
 *
 * RFC 4180: fields separated by commas, quoted fields with "" for a quote and
 * line breaks inside, rows ended by CRLF or LF; a UTF-8 byte order mark
 * before the first field is dropped.
 *
 * Returns: (transfer full) (element-type GStrv): the rows
 */
GPtrArray *
kj_run_files_parse_csv (const char *text,
                        gsize       length)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean row_empty = TRUE;
  gsize i = 0;

  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    i = 3;

  while (i < length)
    {
      char c = text[i];

      if (c == '"' && field->len == 0)
        {
          /* a quoted field, up to the lone quote that closes it */
          for (i++; i < length; i++)
            {
              if (text[i] == '"' && i + 1 < length && text[i + 1] == '"')
                g_string_append_c (field, text[i++]);
              else if (text[i] == '"')
                {
                  i++;
                  break;
                }
              else
                g_string_append_c (field, text[i]);
            }
          row_empty = FALSE;
          continue;
        }

      if (c == ',')
        {
          g_strv_builder_add (row, field->str);
          g_string_truncate (field, 0);
          row_empty = FALSE;
        }
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && i + 1 < length && text[i + 1] == '\n')
            i++;
          if (!row_empty || field->len > 0)
            {
              g_strv_builder_add (row, field->str);
              g_ptr_array_add (rows, g_strv_builder_end (row));
              g_clear_pointer (&row, g_strv_builder_unref);
              row = g_strv_builder_new ();
            }
          g_string_truncate (field, 0);
          row_empty = TRUE;
        }
      else
        {
          g_string_append_c (field, c);
          row_empty = FALSE;
        }
      i++;
    }

  if (!row_empty || field->len > 0)
    {
      g_strv_builder_add (row, field->str);
      g_ptr_array_add (rows, g_strv_builder_end (row));
    }

  return rows;
}

/* The index of the first column named @english or @german (Strava writes
 * activities.csv in the account's language), or -1 */
static int
column (const char * const *header,
        const char         *english,
        const char         *german)
{
  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], english) || g_str_equal (header[i], german))
      return (int) i;

  return -1;
}

/* The column of the files when its name is none of those known: the first
 * whose values start with “activities/”, or -1 */
static int
file_column (GPtrArray *rows)
{
  for (guint i = 1; i < rows->len; i++)
    {
      const char * const *row = rows->pdata[i];

      for (guint c = 0; row[c] != NULL; c++)
        if (g_str_has_prefix (row[c], "activities/"))
          return (int) c;
    }

  return -1;
}

static const char *
cell (const char * const *row,
      int                 index)
{
  if (index < 0 || index >= (int) g_strv_length ((char **) row))
    return "";

  return row[index];
}

/* Strava's activity types that are runs, in English and in German */
static gboolean
is_run_type (const char *type)
{
  const char *runs[] = { "Run", "Trail Run", "Virtual Run", "Lauf", "Traillauf", "Virtueller Lauf" };

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    if (g_str_equal (type, runs[i]))
      return TRUE;

  return FALSE;
}

/* Strava's activity types that are surely no run, skipped without reading
 * the file; a type that is neither (another language, a new type) is read,
 * and the file's own sport decides */
static gboolean
is_other_type (const char *type)
{
  const char *others[] = {
    "Ride", "Virtual Ride", "E-Bike Ride", "Mountain Bike Ride", "E-Mountain Bike Ride", "Gravel Ride",
    "Velomobile", "Handcycle", "Swim", "Walk", "Hike", "Alpine Ski", "Backcountry Ski", "Nordic Ski",
    "Snowboard", "Ice Skate", "Inline Skate", "Roller Ski", "Canoe", "Kayaking", "Rowing", "Virtual Row",
    "Stand Up Paddling", "Surfing", "Kitesurf", "Windsurf", "Sail", "Rock Climb", "Weight Training", "Workout",
    "Yoga", "Pilates", "Crossfit", "Elliptical", "Stair-Stepper", "HIIT", "Golf", "Soccer", "Tennis",
    "Badminton", "Pickleball", "Racquetball", "Squash", "Table Tennis", "Wheelchair", "Skateboard",
    "Radfahrt", "Virtuelle Radfahrt", "E-Bike-Fahrt", "Mountainbike-Fahrt", "Gravel-Fahrt", "Schwimmen",
    "Spaziergang", "Wanderung", "Krafttraining", "Training",
  };

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (g_str_equal (type, others[i]))
      return TRUE;

  return FALSE;
}

/* Whether a file name from activities.csv stays inside the export */
static gboolean
is_inside (const char *relative)
{
  g_auto(GStrv) parts = NULL;

  if (relative[0] == '\0' || g_path_is_absolute (relative) || relative[0] == '\\')
    return FALSE;

  parts = g_strsplit_set (relative, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      return FALSE;

  return TRUE;
}

/* The files of a Strava bulk export that its activities.csv names */
static void
expand_strava (GPtrArray  *items,
               const char *journal_path,
               const char *folder,
               const char *csv_path)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *text;
  const char * const *header;
  gsize length;
  int c_name, c_type, c_file, c_gear;

  /* the journal is never opened as a file: see kj-store-file.c on locks */
  if (kj_store_owns_file (journal_path, csv_path))
    {
      Item *item = item_new (csv_path);

      item->refuse = g_strdup (_("this is the journal itself or one of its files, not Strava’s list of activities"));
      g_ptr_array_add (items, item);
      return;
    }

  if (!(bytes = read_regular_file (csv_path, &error)))
    {
      Item *item = item_new (csv_path);

      if (g_error_matches (error, KJ_GPX_ERROR, KJ_GPX_ERROR_TOO_LARGE))
        item->refuse = g_strdup_printf (_("it is more than %d MB, too large to read"),
                                        KJ_GPX_MAX_FILE_SIZE / (1024 * 1024));
      else
        item->refuse = g_strdup (error->message);
      g_ptr_array_add (items, item);
      return;
    }
  text = g_bytes_get_data (bytes, &length);

  rows = kj_run_files_parse_csv (text, length);
  header = rows->len > 0 ? rows->pdata[0] : NULL;
  c_file = header ? column (header, "Filename", "Dateiname") : -1;
  if (c_file < 0 && header != NULL)
    c_file = file_column (rows);
  if (c_file < 0)
    {
      Item *item = item_new (csv_path);

      item->refuse = g_strdup (_("it has no column “Filename”, so it is not Strava’s list of activities"));
      g_ptr_array_add (items, item);
      return;
    }
  c_name = column (header, "Activity Name", "Name der Aktivität");
  c_type = column (header, "Activity Type", "Aktivitätsart");
  c_gear = column (header, "Activity Gear", "Aktivitätsausrüstung");

  for (guint i = 1; i < rows->len; i++)
    {
      const char * const *row = rows->pdata[i];
      const char *file = cell (row, c_file);
      const char *type = cell (row, c_type);
      Item *item;

      /* an activity entered by hand has no file */
      if (file[0] == '\0')
        continue;

      item = item_new (NULL);
      item->activity = g_strdup (cell (row, c_name));
      item->gear = cell (row, c_gear)[0] != '\0' ? g_strdup (cell (row, c_gear)) : NULL;

      if (!is_inside (file))
        {
          item->path = g_strdup (file);
          /* Translators: %s is a file name from Strava's activities.csv */
          item->refuse = g_strdup_printf (_("activities.csv names “%s”, which is not a file inside the export"), file);
        }
      else
        {
          item->path = g_build_filename (folder, file, NULL);
          if (!is_run_type (type) && is_other_type (type))
            /* Translators: a Strava activity type such as “Ride” or “Swim” */
            item->skip = g_strdup_printf (_("a Strava activity of type “%s”, not a run"), type);
        }
      g_ptr_array_add (items, item);
    }
}

static gboolean
is_run_file_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (g_str_has_suffix (lower, ".gz"))
    lower[strlen (lower) - 3] = '\0';

  return g_str_has_suffix (lower, ".gpx") || g_str_has_suffix (lower, ".tcx") || g_str_has_suffix (lower, ".fit");
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
expand_path (GPtrArray  *items,
             const char *journal_path,
             const char *path)
{
  g_autofree char *csv_path = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (items, item_new (path));
      return;
    }

  csv_path = g_build_filename (path, "activities.csv", NULL);
  if (g_file_test (csv_path, G_FILE_TEST_EXISTS))
    {
      expand_strava (items, journal_path, path, csv_path);
      return;
    }

  names = g_ptr_array_new_with_free_func (g_free);
  dir = g_dir_open (path, 0, NULL);
  /* hidden files are left out, macOS's “._x.fit” (AppleDouble: the metadata of x.fit) among them */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && is_run_file_name (name))
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (items, item_new (names->pdata[i]));
}

static void
clear_result (gpointer data)
{
  KjTrackResult *result = data;

  g_clear_pointer (&result->name, g_free);
  g_clear_pointer (&result->message, g_free);
  g_clear_pointer (&result->gear, g_free);
}

/* @text (taken), at most @max_chars characters: a longer one ends in an ellipsis */
static char *
shorten (char  *text,
         guint  max_chars)
{
  g_autofree char *whole = text;
  g_autofree char *start = NULL;

  if (g_utf8_strlen (whole, -1) <= (glong) max_chars)
    return g_steal_pointer (&whole);

  start = g_utf8_substring (whole, 0, max_chars - 1);
  return g_strconcat (start, "…", NULL);
}

/* Reads one file and stores its run: one transaction. A file the journal
 * knows by the hash of its bytes is skipped before it is parsed; @legacy:
 * whether the journal may hold runs by the fingerprint of before schema 7,
 * which are then compared too (cleared when it holds none any more). */
static void
import_item (KjStore       *store,
             const Item    *item,
             gboolean      *legacy,
             KjTrackResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KjRun) run = NULL;
  g_autoptr(GBytes) raw = NULL;
  KjTrackSource source = { NULL, NULL, NULL };
  char file_hash[65], known_date[11];
  gboolean known = FALSE;
  KjTrack track;

  result->name = g_filename_display_basename (item->path);
  result->gear = g_strdup (item->gear);

  if (item->refuse != NULL)
    {
      result->status = KJ_TRACK_FAILED;
      result->message = g_strdup_printf ("%s: %s", result->name, item->refuse);
      return;
    }

  if (item->skip != NULL)
    {
      result->status = KJ_TRACK_SKIPPED;
      result->message = g_strdup_printf ("%s: %s", result->name, item->skip);
      return;
    }

  /* the journal is never read as a file: see kj-store-file.c on locks */
  if (kj_store_owns_file (kj_store_get_path (store), item->path))
    {
      result->status = KJ_TRACK_FAILED;
      result->message = g_strdup_printf (_("%s: this is the journal itself or one of its files, not a run"),
                                         result->name);
      return;
    }

  if ((raw = read_run_file (item->path, &error)) != NULL)
    {
      _kj_sha256_hex (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw), file_hash);
      source.file_hash = file_hash;
      /* a journal that cannot answer is asked again when the run is stored, and says why there */
      if (!kj_store_find_run_file (store, file_hash, &known, known_date, NULL))
        known = FALSE;
    }

  if (known)
    {
      g_autofree char *already = g_strdup_printf (_("this run is already in the journal (on %s)"), known_date);

      result->status = KJ_TRACK_SKIPPED;
      result->message = g_strdup_printf ("%s: %s", result->name, already);
      return;
    }

  if (raw == NULL || !parse_run_file (item->path, raw, *legacy ? KJ_TRACK_LEGACY_HASH : KJ_TRACK_DEFAULT, &track,
                                      &error))
    {
      /* another sport, or a FIT file that is no activity, is no error: there is no run in the file */
      result->status = g_error_matches (error, KJ_GPX_ERROR, KJ_GPX_ERROR_OTHER_SPORT) ||
                       g_error_matches (error, KJ_GPX_ERROR, KJ_GPX_ERROR_NOT_ACTIVITY) ? KJ_TRACK_SKIPPED
                                                                                         : KJ_TRACK_FAILED;
      result->message = g_strdup (error->message);
      return;
    }

  run = kj_gpx_track_to_run (&track, result->name);
  if (item->activity != NULL && item->activity[0] != '\0')
    {
      g_autofree char *activity = g_utf8_make_valid (item->activity, -1);

      g_free (run->notes);
      /* Translators: the notes of a run from Strava's export; %s is the activity's name */
      run->notes = shorten (g_strdup_printf (_("Imported from Strava: %s"), activity), KJ_RECORD_NOTES_MAX);
    }
  g_strlcpy (result->date, run->date, sizeof result->date);
  result->distance_km = run->distance_km;
  result->descent_m = run->descent_m;

  /* Strava's gear is the run's pair of shoes, added by that name if new */
  source.track_hash = track.hash;
  source.legacy_hash = track.legacy_hash;
  if (kj_store_add_track_run_full (store, run, &source, item->gear, &error))
    result->status = KJ_TRACK_ADDED;
  else
    {
      result->status = g_error_matches (error, KJ_STORE_ERROR, KJ_STORE_ERROR_DUPLICATE) ? KJ_TRACK_SKIPPED
                                                                                       : KJ_TRACK_FAILED;
      result->message = g_strdup_printf ("%s: %s", result->name, error->message);
    }

  /* the runs of before schema 7 the journal still has, once one of them was found */
  if (*legacy && track.legacy_hash[0] != '\0' && !kj_store_has_legacy_runs (store, legacy, NULL))
    *legacy = TRUE;
}

/**
 * kj_gpx_import:
 * @paths: files, or folders whose .gpx, .tcx and .fit files (and those
 *   gzipped) are read, or folders of Strava's bulk export
 *
 * Adds a run for every track. Each file is its own transaction: a bad file
 * stores nothing and does not stop the others; a track already in the
 * journal is skipped, and so is an activity of another sport.
 *
 * Returns: (transfer full) (element-type KjTrackResult): one result a file
 */
GArray *
kj_gpx_import (KjStore            *store,
               const char * const *paths)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (item_free);
  GArray *results = g_array_new (FALSE, TRUE, sizeof (KjTrackResult));
  gboolean legacy = TRUE;

  g_array_set_clear_func (results, clear_result);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    expand_path (items, kj_store_get_path (store), paths[i]);

  /* a journal that cannot say is taken to hold them */
  if (!kj_store_has_legacy_runs (store, &legacy, NULL))
    legacy = TRUE;

  for (guint i = 0; i < items->len; i++)
    {
      KjTrackResult result = { 0 };

      import_item (store, items->pdata[i], &legacy, &result);
      g_array_append_val (results, result);
    }

  return results;
}
