/* kj-demo.h — the 8-week demo journal behind --demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kj-types.h"

G_BEGIN_DECLS

#define KJ_DEMO_DAYS 56

KjJournal *kj_demo_journal (const char *last_date);

G_END_DECLS
