/* kj-shoes-page.h — Preferences → Shoes: the pairs with their distance; add, edit, retire, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kj-store.h"

G_BEGIN_DECLS

#define KJ_TYPE_SHOES_PAGE (kj_shoes_page_get_type ())

G_DECLARE_FINAL_TYPE (KjShoesPage, kj_shoes_page, KJ, SHOES_PAGE, AdwPreferencesPage)

KjShoesPage *kj_shoes_page_new    (KjStore     *store);
void         kj_shoes_page_set_store (KjShoesPage *self,
                                      KjStore     *store);
void         kj_shoes_page_reload (KjShoesPage *self);

G_END_DECLS
