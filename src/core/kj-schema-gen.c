/* kj-schema-gen.c — a build tool: the schema each version's migrations create, written as C for kj-store-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before a file is trusted, kj_store_inspect_file() compares its schema with
 * the one that the migrations up to its version create. Replaying every
 * migration into an in-memory database cost each start about 50 million
 * instructions; this tool replays them once, at build time, with the same
 * SQLite, and writes the result (each object's type and name, its table and
 * SQL, as sqlite_schema holds them) to the header named on its command line.
 * A new step in kj-store-schema.h is picked up by the next build.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kj-store-schema.h"

#define N_VERSIONS ((int) (sizeof kj_store_migrations / sizeof kj_store_migrations[0]))

/* @text as a C string literal */
static void
write_literal (FILE       *out,
               const char *text)
{
  fputc ('"', out);
  for (const unsigned char *p = (const unsigned char *) (text ? text : ""); *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        fprintf (out, "\\%c", *p);
      else if (*p == '\n')
        fputs ("\\n", out);
      else if (*p < 0x20 || *p >= 0x7f)
        fprintf (out, "\\%03o", *p);
      else
        fputc (*p, out);
    }
  fputc ('"', out);
}

int
main (int   argc,
      char *argv[])
{
  sqlite3 *db = NULL;
  FILE *out;

  if (argc != 2 || (out = fopen (argv[1], "w")) == NULL)
    {
      fprintf (stderr, "usage: kj-schema-gen OUTPUT.h\n");
      return 1;
    }

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "kj-schema-gen: cannot open an in-memory database\n");
      return 1;
    }

  fputs ("/* kj-store-schema-expected.h — written by kj-schema-gen from kj-store-schema.h at build time: do not edit\n"
         " *\n * SPDX-License-Identifier: GPL-3.0-or-later\n */\n#pragma once\n\n"
         "typedef struct\n{\n  const char *key;    /* type \\n name */\n"
         "  const char *value;  /* tbl_name \\n sql */\n} KjSchemaObject;\n\n", out);

  /* version v: the migrations 0 … v − 1, as kj-store-open.c applies them */
  for (int v = 1; v <= N_VERSIONS; v++)
    {
      sqlite3_stmt *stmt = NULL;
      char *message = NULL;

      if (sqlite3_exec (db, kj_store_migrations[v - 1], NULL, NULL, &message) != SQLITE_OK ||
          sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name", -1,
                              &stmt, NULL) != SQLITE_OK)
        {
          fprintf (stderr, "kj-schema-gen: migration %d: %s\n", v - 1, message ? message : sqlite3_errmsg (db));
          return 1;
        }

      fprintf (out, "static const KjSchemaObject kj_schema_v%d[] = {\n", v);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *type = (const char *) sqlite3_column_text (stmt, 0);
          const char *name = (const char *) sqlite3_column_text (stmt, 1);
          const char *table = (const char *) sqlite3_column_text (stmt, 2);
          const char *sql = (const char *) sqlite3_column_text (stmt, 3);
          size_t key_len = strlen (type ? type : "") + strlen (name ? name : "") + 2;
          size_t value_len = strlen (table ? table : "") + strlen (sql ? sql : "") + 2;
          char *key = malloc (key_len);
          char *value = malloc (value_len);

          snprintf (key, key_len, "%s\n%s", type ? type : "", name ? name : "");
          snprintf (value, value_len, "%s\n%s", table ? table : "", sql ? sql : "");
          fputs ("  { ", out);
          write_literal (out, key);
          fputs (",\n    ", out);
          write_literal (out, value);
          fputs (" },\n", out);
          free (key);
          free (value);
        }
      sqlite3_finalize (stmt);
      fputs ("  { NULL, NULL }\n};\n\n", out);
    }

  fputs ("/* by version; [0], a blank file, has nothing */\n", out);
  fprintf (out, "static const KjSchemaObject kj_schema_v0[] = { { NULL, NULL } };\n");
  fputs ("static const KjSchemaObject * const kj_store_expected_schemas[] = {\n  kj_schema_v0,\n", out);
  for (int v = 1; v <= N_VERSIONS; v++)
    fprintf (out, "  kj_schema_v%d,\n", v);
  fputs ("};\n", out);

  sqlite3_close (db);

  return fclose (out) == 0 ? 0 : 1;
}
