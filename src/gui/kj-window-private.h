/* kj-window-private.h — what the window's files share: its struct and the exchange's entry points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kj-window.c holds the window and its pages; kj-window-exchange.c the
 * import and export jobs, installed by _kj_window_class_exchange_init().
 */
#pragma once

#include "kj-window.h"

G_BEGIN_DECLS

struct _KjWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  char                 *last_message;
  gboolean              busy;
  guint                 watch_source;
  gint64                data_version;
  GPtrArray            *damage;    /* messages about records that could not be read */
  /* the first frame comes before the journal is read whole for damage */
  GdkFrameClock        *frame_clock;
  gboolean              painted;
  gboolean              damage_pending;
  guint                 damage_source;
  gboolean              leave_unsaved; /* the user chose to close with an edit not stored */

  /* template widgets */
  GtkInfoBar           *damage_bar;
  GtkInfoBar           *demo_bar;
  GtkLabel             *damage_label;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwStatusPage        *error_page;
  AdwStatusPage        *welcome_page;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  KjTodayPage          *today_page;
  AdwBin               *history_bin;
  AdwBin               *trends_bin;

  /* made by ensure_pages(), after the first frame or when first needed */
  KjHistoryPage        *history_page;
  KjTrendsPage         *trends_page;
  guint                 pages_source;  /* finish_start(), after the first frame */
};


KjStore *_kj_window_get_store           (KjWindow      *self);
void     _kj_window_set_busy            (KjWindow      *self,
                                         gboolean       busy);
void     _kj_window_class_exchange_init (KjWindowClass *klass);

G_END_DECLS
