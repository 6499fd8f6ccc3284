/* kj-json-tree.c — the journal JSON as a compact tree: a strict scanner over the file's bytes, json-glib for the rest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why not json-glib's tree for every file: on a 30-year journal (16 MB) its
 * JsonParser took about half of the import's time and most of its memory
 * (147 MiB peak, where a Python script needs 77), building, and freeing, a
 * GObject-style node, a hash table and a list for every value.
 * Here the file is scanned twice: a first pass only checks it against the
 * JSON grammar (RFC 8259) and counts its values; the second writes them
 * into one array of small nodes, strings unescaped in place in the file's
 * own buffer. A file that is anything but plain strict JSON of ordinary
 * depth and numbers (a syntax error, a comment, a lone surrogate, an integer
 * of more than 18 digits, a number too large for a double, …) goes to
 * json-glib's JsonParser as before, whose error messages the import shows,
 * and whose tree is then copied into the same nodes: the validation of
 * kj-json-read.c sees one kind of tree, whichever parsed the file.
 */
#define G_LOG_DOMAIN "knee-journal-json-read"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kj-json.h"
#include "kj-json-tree-private.h"

/* Deeper files go to json-glib (a journal file is 4 levels deep) */
#define MAX_DEPTH 64
/* and files deeper than this to neither: json-glib, and the copy of its tree,
 * recurse once a level, and a file of a few hundred KB nested 100,000 deep
 * overflowed the stack */
#define MAX_GLIB_DEPTH 1000

struct _KjJsonTree
{
  KjJsonNode        *nodes;
  const KjJsonNode **elements;
  JsonParser        *parser;   /* the strings of a file json-glib parsed */
  gboolean           fast;
};

typedef struct
{
  const char *p;
  const char *end;
  guint       n_nodes;
  guint       n_elements;
} Check;

static inline const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
    p++;
  return p;
}

static inline int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* \uXXXX at p (after the backslash and u): its code point, or -1 */
static inline int
read_hex4 (const char *p)
{
  int value = 0;

  for (int k = 0; k < 4; k++)
    {
      int digit = hex_value (p[k]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* First pass: a string at check->p (on its opening quote) */
static gboolean
check_string (Check *check)
{
  const char *p = check->p + 1;
  const char *end = check->end;

  while (p < end)
    {
      guchar c = (guchar) *p;

      if (c == '"')
        {
          check->p = p + 1;
          return TRUE;
        }
      if (c < 0x20)
        return FALSE;
      if (c != '\\')
        {
          p++;
          continue;
        }
      if (p + 1 >= end)
        return FALSE;
      switch (p[1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          p += 2;
          break;
        case 'u':
          {
            int code = p + 6 <= end ? read_hex4 (p + 2) : -1;

            /* surrogates (pairs or not) and NUL are left to json-glib and the checks before it */
            if (code <= 0 || (code >= 0xd800 && code <= 0xdfff))
              return FALSE;
            p += 6;
          }
          break;
        default:
          return FALSE;
        }
    }
  return FALSE;
}

/* First pass: a number; only what both parsers read the same way */
static gboolean
check_number (Check *check)
{
  const char *p = check->p;
  const char *end = check->end;
  const char *digits;
  gboolean is_float = FALSE;

  if (*p == '-')
    p++;
  digits = p;
  if (p >= end || !g_ascii_isdigit (*p))
    return FALSE;
  if (*p == '0')
    p++;
  else
    while (p < end && g_ascii_isdigit (*p))
      p++;
  if (p < end && *p == '.')
    {
      is_float = TRUE;
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      is_float = TRUE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p - digits > 300)
    return FALSE;
  if (!is_float && p - digits > 18)
    return FALSE;
  if (is_float && p < end)
    {
      /* strtod stops at the delimiter that follows; beyond a double's range is json-glib's */
      double value = g_ascii_strtod (check->p, NULL);

      if (!isfinite (value))
        return FALSE;
    }
  else if (is_float)
    return FALSE;
  check->p = p;
  return TRUE;
}

static gboolean
check_literal (Check      *check,
               const char *word,
               gsize       length)
{
  if ((gsize) (check->end - check->p) < length || memcmp (check->p, word, length) != 0)
    return FALSE;
  check->p += length;
  return TRUE;
}

static gboolean
check_value (Check *check,
             guint  depth)
{
  const char *end = check->end;

  check->p = skip_space (check->p, end);
  if (check->p >= end)
    return FALSE;

  check->n_nodes++;
  switch (*check->p)
    {
    case '{':
    case '[':
      {
        char close = *check->p == '{' ? '}' : ']';
        gboolean object = close == '}';

        if (depth >= MAX_DEPTH)
          return FALSE;
        check->p = skip_space (check->p + 1, end);
        if (check->p < end && *check->p == close)
          {
            check->p++;
            return TRUE;
          }
        for (;;)
          {
            if (object)
              {
                check->p = skip_space (check->p, end);
                if (check->p >= end || *check->p != '"' || !check_string (check))
                  return FALSE;
                check->p = skip_space (check->p, end);
                if (check->p >= end || *check->p != ':')
                  return FALSE;
                check->p++;
              }
            else
              check->n_elements++;
            if (!check_value (check, depth + 1))
              return FALSE;
            check->p = skip_space (check->p, end);
            if (check->p >= end)
              return FALSE;
            if (*check->p == close)
              {
                check->p++;
                return TRUE;
              }
            if (*check->p != ',')
              return FALSE;
            check->p++;
          }
      }
    case '"':
      return check_string (check);
    case 't':
      return check_literal (check, "true", 4);
    case 'f':
      return check_literal (check, "false", 5);
    case 'n':
      return check_literal (check, "null", 4);
    default:
      return check_number (check);
    }
}

typedef struct
{
  char              *p;
  KjJsonNode        *nodes;
  guint              n_nodes;
  const KjJsonNode **elements;
  guint              n_elements;
} Build;

/* Second pass: the string at build->p (its opening quote), unescaped in
 * place and ended with a NUL where it ended; the first pass checked it */
static const char *
build_string (Build *build)
{
  char *start = build->p + 1;
  char *in = start;
  char *out;

  while (*in != '"' && *in != '\\')
    in++;
  out = in;
  while (*in != '"')
    {
      if (*in != '\\')
        {
          *out++ = *in++;
          continue;
        }
      switch (in[1])
        {
        case 'b': *out++ = '\b'; in += 2; break;
        case 'f': *out++ = '\f'; in += 2; break;
        case 'n': *out++ = '\n'; in += 2; break;
        case 'r': *out++ = '\r'; in += 2; break;
        case 't': *out++ = '\t'; in += 2; break;
        case 'u':
          out += g_unichar_to_utf8 (read_hex4 (in + 2), out);
          in += 6;
          break;
        default:   /* " \ / */
          *out++ = in[1];
          in += 2;
          break;
        }
    }
  *out = '\0';
  build->p = in + 1;
  return start;
}

static inline char *
build_skip_space (char *p)
{
  while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
    p++;
  return p;
}

static void
build_value (Build      *build,
             const char *key)
{
  guint index = build->n_nodes++;
  KjJsonNode *node = &build->nodes[index];
  char *p = build_skip_space (build->p);

  node->key = key;
  node->n_children = 0;
  switch (*p)
    {
    case '{':
    case '[':
      {
        gboolean object = *p == '{';
        char close = object ? '}' : ']';

        node->kind = object ? KJ_JSON_OBJECT : KJ_JSON_ARRAY;
        p = build_skip_space (p + 1);
        if (*p == close)
          p++;
        else
          for (;;)
            {
              const char *member = NULL;

              if (object)
                {
                  build->p = build_skip_space (p);
                  member = build_string (build);
                  p = build_skip_space (build->p) + 1;   /* the colon */
                }
              build->p = p;
              build_value (build, member);
              node->n_children++;
              p = build_skip_space (build->p);
              if (*p++ == close)
                break;
            }
        if (!object)
          {
            /* a list's elements, found by their sizes, take their places
             * after those of the lists inside them: each list's are together */
            const KjJsonNode *child = node + 1;
            const KjJsonNode **elements = &build->elements[build->n_elements];

            build->n_elements += node->n_children;
            node->v.elements = elements;
            for (guint k = 0; k < node->n_children; k++)
              {
                elements[k] = child;
                child += child->size;
              }
          }
        build->p = p;
        node->size = build->n_nodes - index;
        return;
      }
    case '"':
      node->kind = KJ_JSON_STRING;
      build->p = p;
      node->v.s = build_string (build);
      node->size = 1;
      return;
    case 't':
      node->kind = KJ_JSON_BOOLEAN;
      node->v.b = TRUE;
      build->p = p + 4;
      break;
    case 'f':
      node->kind = KJ_JSON_BOOLEAN;
      node->v.b = FALSE;
      build->p = p + 5;
      break;
    case 'n':
      node->kind = KJ_JSON_NULL;
      build->p = p + 4;
      break;
    default:
      {
        char *q = p;
        gboolean negative = *q == '-';
        gint64 value = 0;

        if (negative)
          q++;
        while (g_ascii_isdigit (*q))
          value = value * 10 + (*q++ - '0');
        if (*q == '.' || *q == 'e' || *q == 'E')
          {
            node->kind = KJ_JSON_DOUBLE;
            node->v.d = g_ascii_strtod (p, &q);
          }
        else
          {
            node->kind = KJ_JSON_INT;
            node->v.i = negative ? -value : value;
          }
        build->p = q;
      }
      break;
    }
  node->size = 1;
}

/* json-glib's tree, copied into nodes; its strings stay the parser's */
static void
count_glib (JsonNode *node,
            guint    *n_nodes,
            guint    *n_elements)
{
  (*n_nodes)++;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        count_glib (member, n_nodes, n_elements);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      *n_elements += json_array_get_length (array);
      for (guint k = 0; k < json_array_get_length (array); k++)
        count_glib (json_array_get_element (array, k), n_nodes, n_elements);
    }
}

static void
copy_glib (Build      *build,
           JsonNode   *from,
           const char *key)
{
  guint index = build->n_nodes++;
  KjJsonNode *node = &build->nodes[index];

  node->key = key;
  node->n_children = 0;
  switch (json_node_get_node_type (from))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        node->kind = KJ_JSON_OBJECT;
        json_object_iter_init (&iter, json_node_get_object (from));
        while (json_object_iter_next (&iter, &name, &member))
          {
            copy_glib (build, member, name);
            node->n_children++;
          }
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (from);
        const KjJsonNode **elements = &build->elements[build->n_elements];

        node->kind = KJ_JSON_ARRAY;
        node->n_children = json_array_get_length (array);
        node->v.elements = elements;
        build->n_elements += node->n_children;
        for (guint k = 0; k < node->n_children; k++)
          {
            elements[k] = &build->nodes[build->n_nodes];
            copy_glib (build, json_array_get_element (array, k), NULL);
          }
      }
      break;
    case JSON_NODE_NULL:
      node->kind = KJ_JSON_NULL;
      break;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (from))
        {
        case G_TYPE_STRING:
          node->kind = KJ_JSON_STRING;
          node->v.s = json_node_get_string (from);
          break;
        case G_TYPE_BOOLEAN:
          node->kind = KJ_JSON_BOOLEAN;
          node->v.b = json_node_get_boolean (from);
          break;
        case G_TYPE_INT64:
          node->kind = KJ_JSON_INT;
          node->v.i = json_node_get_int (from);
          break;
        default:
          node->kind = KJ_JSON_DOUBLE;
          node->v.d = json_node_get_double (from);
          break;
        }
      break;
    }
  node->size = build->n_nodes - index;
}

/* Whether the brackets of @data nest deeper than @limit (strings skipped);
 * the grammar is json-glib's to check */
static gboolean
nests_deeper_than (const char *p,
                   const char *end,
                   guint       limit)
{
  guint depth = 0;

  for (; p < end; p++)
    {
      switch (*p)
        {
        case '"':
          for (p++; p < end && *p != '"'; p++)
            if (*p == '\\')
              p++;
          break;
        case '[':
        case '{':
          if (++depth > limit)
            return TRUE;
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }
  return FALSE;
}

/**
 * kj_json_tree_parse:
 * @data: (inout): the file's contents, NUL-terminated at @length; its
 *   strings are unescaped in place, so it must outlive the tree
 *
 * Returns: (transfer full) (nullable): the tree, or %NULL with json-glib's
 *   error (domain JSON_PARSER_ERROR) about the syntax, or a
 *   %KJ_IMPORT_ERROR_FORMAT error for a file nested too deep to parse
 */
KjJsonTree *
kj_json_tree_parse (char    *data,
                    gsize    length,
                    GError **error)
{
  g_autoptr(KjJsonTree) tree = g_new0 (KjJsonTree, 1);
  Check check = { data, data + length, 0, 0 };
  Build build = { 0 };
  JsonNode *root;

  g_return_val_if_fail (data[length] == '\0', NULL);

  if (check_value (&check, 0) && skip_space (check.p, check.end) == check.end)
    {
      tree->fast = TRUE;
      tree->nodes = g_new (KjJsonNode, check.n_nodes);
      tree->elements = g_new (const KjJsonNode *, MAX (check.n_elements, 1));
      build = (Build) { data, tree->nodes, 0, tree->elements, 0 };
      build_value (&build, NULL);
      g_assert (build.n_nodes == check.n_nodes && build.n_elements == check.n_elements);
      return g_steal_pointer (&tree);
    }

  if (nests_deeper_than (data, data + length, MAX_GLIB_DEPTH))
    {
      g_set_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_FORMAT,
                   _("The file is not a Knee Journal file: its values are nested more than %d levels deep, "
                     "and a journal’s are nested 4 deep."), MAX_GLIB_DEPTH);
      return NULL;
    }

  tree->parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (tree->parser, data, length, error))
    return NULL;

  if ((root = json_parser_get_root (tree->parser)) == NULL)
    {
      /* nothing but space: kj_json_parse() refuses that before */
      tree->nodes = g_new0 (KjJsonNode, 1);
      tree->nodes->kind = KJ_JSON_NULL;
      tree->nodes->size = 1;
      return g_steal_pointer (&tree);
    }

  count_glib (root, &check.n_nodes, &check.n_elements);
  tree->nodes = g_new (KjJsonNode, check.n_nodes);
  tree->elements = g_new (const KjJsonNode *, MAX (check.n_elements, 1));
  build = (Build) { NULL, tree->nodes, 0, tree->elements, 0 };
  copy_glib (&build, root, NULL);

  return g_steal_pointer (&tree);
}

const KjJsonNode *
kj_json_tree_root (const KjJsonTree *tree)
{
  return tree->nodes;
}

/* Whether the scanner read the file (and not json-glib): for the tests */
gboolean
kj_json_tree_is_fast (const KjJsonTree *tree)
{
  return tree->fast;
}

void
kj_json_tree_free (KjJsonTree *tree)
{
  g_free (tree->nodes);
  g_free (tree->elements);
  g_clear_object (&tree->parser);
  g_free (tree);
}

/* An object's member; of a name given twice, the last, as json-glib keeps it */
const KjJsonNode *
kj_json_node_member (const KjJsonNode *object,
                     const char       *name)
{
  const KjJsonNode *child = object + 1;
  const KjJsonNode *found = NULL;

  for (guint k = 0; k < object->n_children; k++, child += child->size)
    if (strcmp (child->key, name) == 0)
      found = child;

  return found;
}
