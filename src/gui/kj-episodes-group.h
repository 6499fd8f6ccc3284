/* kj-episodes-group.h — Preferences → Episodes: the list, add, edit, resolve, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kj-store.h"

G_BEGIN_DECLS

#define KJ_TYPE_EPISODES_GROUP (kj_episodes_group_get_type ())

G_DECLARE_FINAL_TYPE (KjEpisodesGroup, kj_episodes_group, KJ, EPISODES_GROUP, AdwPreferencesGroup)

GtkWidget *kj_episodes_group_new       (void);
void       kj_episodes_group_set_store (KjEpisodesGroup *self,
                                        KjStore         *store);
void       kj_episodes_group_reload    (KjEpisodesGroup *self);

G_END_DECLS
