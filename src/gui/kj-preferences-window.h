/* kj-preferences-window.h — the profile of doc/data-model.md, “Profile”: name, knee, dates, review weeks, units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kj-store.h"

G_BEGIN_DECLS

#define KJ_TYPE_PREFERENCES_WINDOW (kj_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (KjPreferencesWindow, kj_preferences_window, KJ, PREFERENCES_WINDOW, AdwPreferencesWindow)

KjPreferencesWindow *kj_preferences_window_new             (GtkWindow           *parent,
                                                            KjStore             *store);
void                 kj_preferences_window_refresh_backups (KjPreferencesWindow *self);

G_END_DECLS
