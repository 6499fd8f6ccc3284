/* bench-hello.c — the floor of the window's start (bench-start.c): a libadwaita hello world
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplication whose window (a header bar and a status page, at the
 * size of Knee Journal's first window) says hello. With
 * KJ_EXIT_AT_FIRST_FRAME set it ends at its first frame, as knee-journal
 * does, so that a spawn of either times the start to the first frame.
 */
#include "config.h"

#include <adwaita.h>
#include <unistd.h>

static void
after_paint (GdkFrameClock *clock,
             gpointer       data)
{
  _exit (0);
}

static void
realized (GtkWidget *window,
          gpointer   data)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), NULL);
}

static void
activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Hello, World");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "face-smile-symbolic");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Hello");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  if (g_getenv ("KJ_EXIT_AT_FIRST_FRAME") != NULL)
    g_signal_connect (window, "realize", G_CALLBACK (realized), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.kneejournal.BenchHello", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
