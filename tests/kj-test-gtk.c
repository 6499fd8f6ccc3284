/* kj-test-gtk.c — helpers for the GUI tests: waiting for frames, finding windows, screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "kj-application.h"
#include "kj-day-symptoms.h"
#include "kj-history-page.h"
#include "kj-store.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-today-page.h"

/**
 * kj_test_set_language:
 *
 * Speaks the language of KJ_TEST_LANGUAGE (English when it is unset), from
 * the build's catalogues, in the locale of LC_ALL; call it first in main().
 *
 * Returns: the language: "en", "de" …
 */
const char *
kj_test_set_language (void)
{
  const char *language = g_getenv ("KJ_TEST_LANGUAGE");

  if (language == NULL || language[0] == '\0')
    language = "en";
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KJ_LOCALEDIR") ? g_getenv ("KJ_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return language;
}

/**
 * kj_test_gtk_init:
 *
 * Points HOME and the XDG folders at a new temporary folder (not
 * G_TEST_OPTION_ISOLATE_DIRS: that empties XDG_DATA_DIRS, and without the
 * shared MIME database GTK cannot tell that an icon is an SVG).
 *
 * Returns: (transfer full): the temporary folder
 */
char *
kj_test_gtk_init (void)
{
  g_autoptr(GError) error = NULL;
  char *tmp = g_dir_make_tmp ("kj-test-gui-XXXXXX", &error);
  g_autofree char *data = g_build_filename (tmp, "data", NULL);
  g_autofree char *config = g_build_filename (tmp, "config", NULL);

  g_assert_no_error (error);
  g_setenv ("HOME", tmp, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmp, TRUE);
  g_unsetenv ("KNEE_JOURNAL_DB");

  return tmp;
}

/**
 * kj_test_gui_init:
 *
 * The preamble of a GUI test: a temporary HOME (kj_test_gtk_init()), the
 * path of a journal in it, and g_test_init(). Without a display the test is
 * marked skipped; then run no test and return
 * kj_test_gui_finish (gui, g_test_run ()).
 *
 * Returns: whether windows can be opened
 */
gboolean
kj_test_gui_init (KjTestGui   *gui,
                  int         *argc,
                  char      ***argv)
{
  *gui = (KjTestGui) { NULL };
  gui->home = kj_test_gtk_init ();
  gui->db_path = g_build_filename (gui->home, "journal.db", NULL);
  g_test_init (argc, argv, NULL);

  if (!kj_test_has_display ())
    {
      g_test_skip ("no display: run under xvfb-run (build-aux/test does)");
      return FALSE;
    }

  return TRUE;
}

/**
 * kj_test_gui_open:
 * @journal: (nullable): records to store in the journal first
 *
 * Writes @journal into the test's journal file, then starts the application
 * on it and returns its main window, @width × @height and drawn.
 *
 * Returns: (transfer none): the window, also in @gui
 */
KjWindow *
kj_test_gui_open (KjTestGui *gui,
                  KjJournal *journal,
                  int        width,
                  int        height)
{
  GApplication *app = NULL;

  if (journal != NULL)
    kj_test_store_journal (gui->db_path, journal);

  gui->window = KJ_WINDOW (kj_test_open_window (gui->db_path, width, height, &app));
  gui->app = KJ_APPLICATION (app);
  g_object_add_weak_pointer (G_OBJECT (gui->window), (gpointer *) &gui->window);

  return gui->window;
}

/* Closes the window, drops the application and removes the temporary HOME.
 * Returns: @status, for main() to return */
int
kj_test_gui_finish (KjTestGui *gui,
                    int        status)
{
  if (gui->window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (gui->window), (gpointer *) &gui->window);
      gtk_window_destroy (GTK_WINDOW (gui->window));
      gui->window = NULL;
    }
  g_clear_object (&gui->app);
  if (gui->home != NULL)
    kj_test_remove_tree (gui->home);
  g_clear_pointer (&gui->home, g_free);
  g_clear_pointer (&gui->db_path, g_free);

  return status;
}

gboolean
kj_test_wait_until (KjTestCondition condition,
                    gpointer        data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

/* Lets a few frames pass so that layout and drawing are done. */
void
kj_test_settle (void)
{
  for (guint i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10 * 1000);
    }
}

GtkWindow *
kj_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }

  return NULL;
}

gboolean
kj_test_toplevel_shown (gpointer type)
{
  GtkWindow *w = kj_test_find_toplevel (GPOINTER_TO_SIZE (type));

  return w != NULL && gtk_widget_get_mapped (GTK_WIDGET (w));
}

/* The shown window titled @title (a dialog built without a type of its own) */
GtkWindow *
kj_test_find_window_titled (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (w), title) == 0 && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }

  return NULL;
}

gboolean
kj_test_window_titled_shown (gpointer title)
{
  return kj_test_find_window_titled (title) != NULL;
}

/* The mapped quick pain button under @root that logs @pain, as a user clicks it */
GtkWidget *
kj_test_find_pain_button (GtkWidget *root,
                          guint      pain)
{
  GVariant *target;

  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "today.log-pain") == 0 &&
      (target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root))) != NULL &&
      g_variant_get_uint32 (target) == pain)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kj_test_find_pain_button (child, pain);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first widget of @type under @root whose title (of a preferences row or
 * status page) is @title, or any of @type when @title is NULL. */
GtkWidget *
kj_test_find_widget (GtkWidget  *root,
                     GType       type,
                     const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *t = NULL;

      if (ADW_IS_PREFERENCES_ROW (root))
        t = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
      else if (ADW_IS_STATUS_PAGE (root))
        t = adw_status_page_get_title (ADW_STATUS_PAGE (root));
      else if (GTK_IS_BUTTON (root))
        t = gtk_button_get_label (GTK_BUTTON (root));

      if (title == NULL || g_strcmp0 (t, title) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kj_test_find_widget (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Renders @widget as it is on screen to build/screenshots/@name.png. */
void
kj_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("KJ_BUILD_ROOT"), "screenshots", NULL);
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_mkdir_with_parents (dir, 0755);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_test_message ("screenshot: %s (%d×%d)", path, width, height);
}

gboolean
kj_test_widget_is_drawn (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* Activates @action on @widget and waits for the window of @type it opens
 * Returns: (transfer none): that window */
GtkWindow *
kj_test_open_dialog (GtkWidget  *widget,
                     const char *action,
                     GType       type)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  g_assert_true (kj_test_wait_until (kj_test_toplevel_shown, GSIZE_TO_POINTER (type)));
  dialog = kj_test_find_toplevel (type);
  g_assert_nonnull (dialog);

  return dialog;
}

/* Starts the application on @db_path and returns its main window, drawn. */
GtkWindow *
kj_test_open_window (const char    *db_path,
                     int            width,
                     int            height,
                     GApplication **app)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  *app = G_APPLICATION (kj_application_new (db_path));
  g_assert_true (g_application_register (*app, NULL, &error));
  g_assert_no_error (error);
  g_application_activate (*app);

  window = gtk_application_get_active_window (GTK_APPLICATION (*app));
  g_assert_nonnull (window);
  gtk_window_set_default_size (window, width, height);
  g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, window));

  return window;
}

/* A mapped label under @root whose text holds @text, or NULL */
GtkLabel *
kj_test_find_label (GtkWidget  *root,
                    const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = kj_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The window's start (tests/test-start*.c): what comes after its first frame */

/* Whether @window has made its History page */
gboolean
kj_test_history_is_made (gpointer window)
{
  return kj_test_find_widget (window, KJ_TYPE_HISTORY_PAGE, NULL) != NULL;
}

/* Whether @window has built its shortcuts window */
gboolean
kj_test_shortcuts_are_made (gpointer window)
{
  return gtk_application_window_get_help_overlay (window) != NULL;
}

/* Whether the Today page @today shows its sections below the first screen (its symptoms) */
gboolean
kj_test_today_rest_is_shown (gpointer today)
{
  /* found, not asked for: kj_today_page_get_symptom_button() would make them */
  GtkWidget *symptoms = kj_test_find_widget (today, KJ_TYPE_DAY_SYMPTOMS, NULL);

  return symptoms != NULL && gtk_widget_is_visible (symptoms);
}
