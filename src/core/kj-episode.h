/* kj-episode.h — episodes of knee trouble: the record, which dates each covers, the current one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kj-types.h"

G_BEGIN_DECLS

#define KJ_EPISODE_NAME_MAX   200
#define KJ_EPISODE_NOTES_MAX  4000

/* An episode (doc/data-model.md, “Episodes”): one stretch of trouble with one
 * knee or both. Its start is its injury date, else its treatment start. */
typedef struct
{
  char       *id;
  char       *name;              /* may be empty: then titled by side and start */
  const char *side;              /* KJ_CODE_AFFECTED_SIDE: left, right, both */
  char        injury_date[11];   /* "" when not given */
  char        treatment_start[11];
  int         review_weeks;      /* 2–12 */
  char        end_date[11];      /* resolved on; "" while open */
  char       *notes;
} KjEpisode;

KjEpisode    *kj_episode_new              (void);
KjEpisode    *kj_episode_copy             (const KjEpisode *episode);
void          kj_episode_free             (KjEpisode       *episode);
gboolean      kj_episode_equal            (const KjEpisode *a,
                                           const KjEpisode *b);
gboolean      kj_episode_validate         (const KjEpisode *episode,
                                           GError         **error);
const char   *kj_episode_get_start        (const KjEpisode *episode);
gboolean      kj_episode_is_ended         (const KjEpisode *episode);
char         *kj_episode_dup_title        (const KjEpisode *episode);
char         *kj_episode_dup_dates        (const KjEpisode *episode);
char         *kj_episode_dup_line         (const KjEpisode *episode);

void          kj_episode_get_range        (GPtrArray       *episodes,
                                           const KjEpisode *episode,
                                           char             from[11],
                                           char             to[11]);
gboolean      kj_episode_covers           (GPtrArray       *episodes,
                                           const KjEpisode *episode,
                                           const char      *date);
const KjEpisode *kj_episodes_get_first    (GPtrArray       *episodes);
const KjEpisode *kj_episodes_get_current  (GPtrArray       *episodes,
                                           const char      *as_of);
const KjEpisode *kj_episodes_find         (GPtrArray       *episodes,
                                           const char      *id);
GPtrArray    *kj_episodes_on_date         (GPtrArray       *episodes,
                                           const char      *date);
GPtrArray    *kj_records_in_range         (GPtrArray       *records,
                                           const char      *from,
                                           const char      *to);
KjEpisode    *kj_episode_from_profile     (const KjProfile *profile);

GType         kj_episode_get_type         (void) G_GNUC_CONST;
#define KJ_TYPE_EPISODE (kj_episode_get_type ())

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjEpisode, kj_episode_free)

G_END_DECLS
