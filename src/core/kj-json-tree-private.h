/* kj-json-tree-private.h — the journal JSON as a compact tree, for kj-json-read.c only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KJ_JSON_NULL,
  KJ_JSON_BOOLEAN,
  KJ_JSON_INT,
  KJ_JSON_DOUBLE,
  KJ_JSON_STRING,
  KJ_JSON_ARRAY,
  KJ_JSON_OBJECT,
} KjJsonKind;

typedef struct _KjJsonNode KjJsonNode;

/* The nodes lie in one array in document order: an object's or a list's
 * children follow it, and the node after a subtree is this + size. */
struct _KjJsonNode
{
  const char  *key;          /* the member's name, NULL in a list */
  union
  {
    gint64             i;
    double             d;
    const char        *s;
    gboolean           b;
    const KjJsonNode **elements;   /* a list's children, for access by index */
  } v;
  guint32      size;         /* nodes in the subtree, this one included */
  guint32      n_children;
  guint8       kind;         /* KjJsonKind */
};

typedef struct _KjJsonTree KjJsonTree;

KjJsonTree       *kj_json_tree_parse  (char              *data,
                                       gsize              length,
                                       GError           **error);
const KjJsonNode *kj_json_tree_root   (const KjJsonTree  *tree);
gboolean          kj_json_tree_is_fast (const KjJsonTree *tree);
void              kj_json_tree_free   (KjJsonTree        *tree);

const KjJsonNode *kj_json_node_member (const KjJsonNode  *object,
                                       const char        *name);

static inline const KjJsonNode *
kj_json_node_element (const KjJsonNode *array,
                      guint             index)
{
  return array->v.elements[index];
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjJsonTree, kj_json_tree_free)

G_END_DECLS
