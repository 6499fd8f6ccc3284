/* kj-search.h — text folded for searching: case, accents and compatibility forms ignored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *kj_search_fold    (const char         *text);
char    **kj_search_words   (const char         *query);
gboolean  kj_search_matches (const char         *folded_text,
                             const char * const *words);
gboolean  kj_search_narrows (const char * const *words,
                             const char * const *narrower);

G_END_DECLS
