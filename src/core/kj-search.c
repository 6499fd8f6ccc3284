/* kj-search.c — text folded for searching: case, accents and compatibility forms ignored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A text and a query are folded the same way: decomposed (NFKD), case-folded
 * and stripped of combining marks, so that “KNIESCHEIBE” finds “Kniescheibe”,
 * “kalte” finds “Kälte” and “strasse” finds “Straße”. A query is split into
 * words at white space; a text matches when it holds every word, in any order.
 */
#define G_LOG_DOMAIN "knee-journal-search"

#include "config.h"

#include <string.h>

#include "kj-search.h"

/**
 * kj_search_fold:
 * @text: (nullable): UTF-8 text
 *
 * Returns: (transfer full): @text folded for kj_search_matches(); "" for
 *   %NULL or text that is not valid UTF-8
 */
char *
kj_search_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (text == NULL || (decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL)) == NULL)
    return g_strdup ("");

  /* case folding can compose again (and ß becomes ss): decompose once more */
  folded = g_utf8_casefold (decomposed, -1);
  g_clear_pointer (&decomposed, g_free);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
          break;
        default:
          g_string_append_unichar (out, c);
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * kj_search_words:
 * @query: (nullable): what the user typed
 *
 * Returns: (transfer full): the folded words of @query, an empty array when
 *   it has none
 */
char **
kj_search_words (const char *query)
{
  g_autofree char *folded = kj_search_fold (query);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit_set (folded, " \t\n\r\f\v", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);

  return g_strv_builder_end (builder);
}

/* Whether @folded_text (from kj_search_fold()) holds each of @words; no
 * words match every text. */
gboolean
kj_search_matches (const char         *folded_text,
                   const char * const *words)
{
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (strstr (folded_text, words[i]) == NULL)
      return FALSE;

  return TRUE;
}

/* Whether every text that holds each of @narrower holds each of @words too:
 * each word of @words is within a word of @narrower ("kn" within "knie"). */
gboolean
kj_search_narrows (const char * const *words,
                   const char * const *narrower)
{
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      gboolean within = FALSE;

      for (guint j = 0; !within && narrower != NULL && narrower[j] != NULL; j++)
        within = strstr (narrower[j], words[i]) != NULL;

      if (!within)
        return FALSE;
    }

  return TRUE;
}
