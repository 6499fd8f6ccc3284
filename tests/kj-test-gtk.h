/* kj-test-gtk.h — helpers for the GUI tests: waiting for frames, finding windows, screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kj-application.h"
#include "kj-types.h"
#include "kj-window.h"

G_BEGIN_DECLS

/* One GUI test's world: a temporary HOME with its XDG folders, a journal
 * file in it, the application on that journal and its main window. */
typedef struct
{
  char          *home;
  char          *db_path;
  KjApplication *app;
  KjWindow      *window;   /* NULL once the window is destroyed */
} KjTestGui;

typedef gboolean (*KjTestCondition) (gpointer data);

const char *kj_test_set_language       (void);
char      *kj_test_gtk_init            (void);
gboolean   kj_test_gui_init            (KjTestGui      *gui,
                                        int            *argc,
                                        char         ***argv);
KjWindow  *kj_test_gui_open            (KjTestGui      *gui,
                                        KjJournal      *journal,
                                        int             width,
                                        int             height);
int        kj_test_gui_finish          (KjTestGui      *gui,
                                        int             status);
gboolean   kj_test_wait_until          (KjTestCondition condition,
                                        gpointer        data);
void       kj_test_settle              (void);
GtkWindow *kj_test_find_toplevel       (GType           type);
gboolean   kj_test_toplevel_shown      (gpointer        type);
GtkWindow *kj_test_find_window_titled  (const char     *title);
gboolean   kj_test_window_titled_shown (gpointer        title);
GtkWidget *kj_test_find_pain_button    (GtkWidget      *root,
                                        guint           pain);
GtkWidget *kj_test_find_widget         (GtkWidget      *root,
                                        GType           type,
                                        const char     *title);
GtkLabel  *kj_test_find_label          (GtkWidget      *root,
                                        const char     *text);
void       kj_test_save_screenshot     (GtkWidget      *widget,
                                        const char     *name);
gboolean   kj_test_widget_is_drawn     (gpointer        widget);
gboolean   kj_test_history_is_made     (gpointer        window);
gboolean   kj_test_shortcuts_are_made  (gpointer        window);
gboolean   kj_test_today_rest_is_shown (gpointer        today);
GtkWindow *kj_test_open_dialog         (GtkWidget      *widget,
                                        const char     *action,
                                        GType           type);
GtkWindow *kj_test_open_window         (const char     *db_path,
                                        int             width,
                                        int             height,
                                        GApplication  **app);

G_END_DECLS
