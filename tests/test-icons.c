/* test-icons.c — every icon the interface names exists in the icon theme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The names are collected from the sources themselves (string literals
 * ending in -symbolic in the C files of src/ and its folders, icon-name properties in the .ui files),
 * so that an icon added anywhere is checked without a list to keep up. An
 * icon that is in neither the default theme (Adwaita on Debian 12) nor the
 * application's resources shows as a missing-image square.
 */
#include "config.h"

#include <string.h>

#include "kj-application.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"

static void
collect (GHashTable *names,
         const char *dir,
         const char *suffix,
         GRegex     *regex)
{
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *entry;

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);

  while ((entry = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_str_has_suffix (entry, suffix))
        continue;

      path = g_build_filename (dir, entry, NULL);
      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);

      for (g_regex_match (regex, contents, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *name = g_match_info_fetch (match, 1);

          if (!g_hash_table_contains (names, name))
            g_hash_table_insert (names, g_steal_pointer (&name), g_strdup (entry));
        }
    }
}

static void
test_icons_exist (void)
{
  const char *root = g_getenv ("KJ_SOURCE_ROOT");
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GRegex) c_names = g_regex_new ("\"([a-z0-9][a-z0-9.-]*-symbolic)\"", 0, 0, NULL);
  g_autoptr(GRegex) ui_names = g_regex_new ("<property name=\"icon[-_]name\">([^<]+)</property>", 0, 0, NULL);
  g_autofree char *src = NULL;
  g_autofree char *src_core = NULL;
  g_autofree char *src_gui = NULL;
  g_autofree char *ui = NULL;
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GString) missing = g_string_new (NULL);
  GHashTableIter iter;
  gpointer name, file;

  g_assert_nonnull (root);
  src = g_build_filename (root, "src", NULL);
  src_core = g_build_filename (root, "src", "core", NULL);
  src_gui = g_build_filename (root, "src", "gui", NULL);
  ui = g_build_filename (root, "ui", NULL);
  collect (names, src, ".c", c_names);
  collect (names, src_core, ".c", c_names);
  collect (names, src_gui, ".c", c_names);
  collect (names, ui, ".ui", ui_names);
  g_hash_table_insert (names, g_strdup (APP_ID), g_strdup ("kj-application.c"));
  g_hash_table_insert (names, g_strdup (APP_ID "-symbolic"), g_strdup ("the desktop shell"));

  /* the collection itself works: names from C, from .ui and ours */
  g_assert_true (g_hash_table_contains (names, "dialog-warning-symbolic"));
  g_assert_true (g_hash_table_contains (names, "open-menu-symbolic"));
  g_assert_true (g_hash_table_contains (names, "kj-run-symbolic"));
  g_assert_cmpuint (g_hash_table_size (names), >=, 20);

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &name, &file))
    {
      g_test_message ("%s (%s)", (char *) name, (char *) file);
      if (!gtk_icon_theme_has_icon (theme, name))
        g_string_append_printf (missing, "%s%s (%s)", missing->len ? ", " : "", (char *) name, (char *) file);
    }

  g_assert_cmpstr (missing->str, ==, "");
}

/* The verdict “Too Early to Tell” has an hourglass (#12 item 9): drawn, not a missing-image square */
static void
test_icons_hourglass (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  icon = gtk_icon_theme_lookup_icon (theme, "hourglass-symbolic", NULL, 16, 1, GTK_TEXT_DIR_NONE, 0);
  file = gtk_icon_paintable_get_file (icon);
  g_assert_nonnull (file);
  uri = g_file_get_uri (file);
  g_assert_false (strstr (uri, "image-missing") != NULL);
  g_assert_true (gtk_icon_paintable_is_symbolic (icon));

  /* to look at: the hourglass beside the other verdict icons */
  {
    GtkWidget *preview = gtk_window_new ();
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
    const char *verdicts[] = { "emblem-ok-symbolic", "dialog-warning-symbolic", "hourglass-symbolic",
                               "document-edit-symbolic", "view-more-horizontal-symbolic" };

    for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++)
      {
        GtkWidget *image = gtk_image_new_from_icon_name (verdicts[i]);

        gtk_image_set_pixel_size (GTK_IMAGE (image), 64);
        gtk_box_append (GTK_BOX (box), image);
      }
    gtk_widget_set_margin_start (box, 24);
    gtk_widget_set_margin_end (box, 24);
    gtk_widget_set_margin_top (box, 24);
    gtk_widget_set_margin_bottom (box, 24);
    gtk_window_set_child (GTK_WINDOW (preview), box);
    gtk_window_present (GTK_WINDOW (preview));
    g_assert_true (kj_test_wait_until (kj_test_widget_is_drawn, preview));
    kj_test_settle ();
    kj_test_save_screenshot (preview, "icons-verdicts");
    gtk_window_destroy (GTK_WINDOW (preview));
  }
}

int
main (int   argc,
      char *argv[])
{
  KjTestGui gui;

  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());

  /* the application adds its resources' icons to the theme, as when it runs */
  kj_test_gui_open (&gui, NULL, 640, 480);

  g_test_add_func ("/icons/exist", test_icons_exist);
  g_test_add_func ("/icons/hourglass", test_icons_hourglass);

  return kj_test_gui_finish (&gui, g_test_run ());
}
