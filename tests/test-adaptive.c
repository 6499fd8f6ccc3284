/* test-adaptive.c — every page and dialog at 360×640, 800×600 and 1366×768
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window and each dialog are sized to a phone, a small laptop and a
 * common desktop screen, in the language of KJ_TEST_LANGUAGE (English when
 * unset). A size fails when the toplevel cannot be that narrow (its minimum
 * width is over 360 px), when a shown widget lies outside the toplevel
 * sideways (it would be clipped or need horizontal scrolling), or when a
 * widget got less width than it needs (a label cut to "Toda"). Screenshots
 * go to build/screenshots/narrow-*.png, light and dark.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kj-application.h"
#include "kj-gen.h"
#include "kj-preferences-window.h"
#include "kj-record-editor.h"
#include "kj-store.h"
#include "kj-test-gtk.h"
#include "kj-test-util.h"
#include "kj-today-page.h"
#include "kj-window.h"

static KjTestGui gui;
static KjWindow *window;
static const char *language = "en";

static const struct
{
  int width;
  int height;
} sizes[] = {
  { 360, 640 },
  { 800, 600 },
  { 1366, 768 },
};

/* Appends to @problems what does not fit in @root, which is @width wide */
static void
find_overflow (GtkWidget *root,
               GtkWidget *widget,
               int        width,
               GString   *problems)
{
  graphene_rect_t bounds;

  /* a scrollbar's slider rests in its trough's margin */
  if (!gtk_widget_get_mapped (widget) || GTK_IS_SCROLLBAR (widget))
    return;

  if (widget != root && gtk_widget_compute_bounds (widget, root, &bounds))
    {
      int minimum = 0;
      int given;

      if (bounds.origin.x < -1 || bounds.origin.x + bounds.size.width > width + 1)
        g_string_append_printf (problems, "  %s (%s) lies at x %.0f…%.0f, outside 0…%d\n",
                                G_OBJECT_TYPE_NAME (widget), gtk_widget_get_name (widget),
                                bounds.origin.x, bounds.origin.x + bounds.size.width, width);

      /* a label cut short ("Toda"): less width than its text needs; the
       * minimum counts the margins, the bounds do not */
      if (GTK_IS_LABEL (widget))
        {
          gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
          given = (int) bounds.size.width + gtk_widget_get_margin_start (widget)
                  + gtk_widget_get_margin_end (widget);
          if (given + 1 < minimum)
            g_string_append_printf (problems, "  the label “%s” got %d px of the %d px it needs\n",
                                    gtk_label_get_text (GTK_LABEL (widget)), given, minimum);
        }
    }

  /* what a scrolled window shows scrolls vertically only: its children must fit sideways too */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    find_overflow (root, child, width, problems);
}

/* Appends to @problems the widgets that make @widget wider than 360 px:
 * those over 360 px none of whose children is */
static gboolean
find_too_wide (GtkWidget *widget,
               GString   *problems)
{
  gboolean child_too_wide = FALSE;
  int minimum = 0;

  if (!gtk_widget_get_visible (widget))
    return FALSE;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum <= 360)
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    child_too_wide |= find_too_wide (child, problems);

  if (!child_too_wide)
    {
      g_autoptr(GString) path = g_string_new (NULL);

      for (GtkWidget *w = widget; w != NULL && !GTK_IS_ROOT (w); w = gtk_widget_get_parent (w))
        g_string_prepend (path, gtk_widget_get_name (w)), g_string_prepend (path, w == widget ? "" : " › ");
      g_string_append_printf (problems, "  %d px wide: %s%s%s\n", minimum, path->str,
                              GTK_IS_LABEL (widget) ? ", " : "",
                              GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : "");
    }

  return TRUE;
}

static gboolean
has_width (gpointer data)
{
  GtkWidget *widget = data;
  int wanted = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "kj-test-width"));

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) <= wanted;
}

/* Sizes @toplevel to each of the sizes, checks it and saves its picture */
static void
check_toplevel (GtkWindow  *toplevel,
                const char *what)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  AdwStyleManager *style = adw_style_manager_get_default ();
  int minimum = 0;

  /* the content's minimum: the toplevel's own measure adds the shadow of
   * client-side decorations, which lies outside the screen's 360 px */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (toplevel)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum = 0;

      if (gtk_widget_get_visible (child))
        gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum, NULL, NULL, NULL);
      minimum = MAX (minimum, child_minimum);
    }
  if (minimum > 360)
    {
      g_string_append_printf (problems, "%s: the minimum width is %d px, over 360, because of\n", what, minimum);
      find_too_wide (GTK_WIDGET (toplevel), problems);
    }

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("narrow-%s-%s-%d", what, language, sizes[i].width);
      g_autoptr(GString) here = g_string_new (NULL);
      int width;

      gtk_window_set_default_size (toplevel, sizes[i].width, sizes[i].height);
      g_object_set_data (G_OBJECT (toplevel), "kj-test-width", GINT_TO_POINTER (sizes[i].width));
      kj_test_wait_until (has_width, toplevel);
      kj_test_settle ();

      width = gtk_widget_get_width (GTK_WIDGET (toplevel));
      if (width > sizes[i].width)
        g_string_append_printf (here, "  the window is %d px wide, not %d\n", width, sizes[i].width);
      find_overflow (GTK_WIDGET (toplevel), GTK_WIDGET (toplevel), width, here);
      if (here->len > 0)
        g_string_append_printf (problems, "%s at %d×%d:\n%s", what, sizes[i].width, sizes[i].height, here->str);

      kj_test_save_screenshot (GTK_WIDGET (toplevel), name);
      if (sizes[i].width == 360 && KJ_IS_WINDOW (toplevel))
        {
          /* the pages' switcher at the bottom, given the pages when it is first revealed */
          GtkWidget *bar = kj_test_find_widget (GTK_WIDGET (toplevel), ADW_TYPE_VIEW_SWITCHER_BAR, NULL);

          g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
          g_assert_nonnull (adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (bar)));
          g_assert_true (gtk_widget_get_mapped (kj_test_find_widget (bar, GTK_TYPE_TOGGLE_BUTTON, NULL)));
        }
      if (sizes[i].width == 360)
        {
          g_autofree char *dark = g_strconcat (name, "-dark", NULL);

          adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
          kj_test_settle ();
          kj_test_save_screenshot (GTK_WIDGET (toplevel), dark);
          adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
        }
    }

  if (problems->len > 0)
    g_test_message ("%s", problems->str);
  g_assert_cmpstr (problems->str, ==, "");
}

static void
check_page (gconstpointer data)
{
  const char *page = data;
  g_autofree char *what = g_strconcat ("page-", page, NULL);

  kj_window_show_page (window, page);
  kj_test_settle ();
  check_toplevel (GTK_WINDOW (window), what);
}

/* Opens a dialog with @action on @widget, checks it, and closes it */
static void
check_dialog (GtkWidget  *widget,
              const char *action,
              GType       type,
              const char *what)
{
  GtkWindow *dialog;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  dialog = kj_test_open_dialog (widget, action, type);
  if (dialog == NULL)
    return;
  check_toplevel (dialog, what);
  gtk_window_destroy (dialog);
  kj_test_settle ();
}

static void
test_adaptive_treatment_editor (void)
{
  kj_window_show_page (window, "today");
  check_dialog (GTK_WIDGET (kj_window_get_today_page (window)), "today.add-treatment",
                KJ_TYPE_RECORD_EDITOR, "treatment-editor");
}

static void
test_adaptive_run_editor (void)
{
  kj_window_show_page (window, "today");
  check_dialog (GTK_WIDGET (kj_window_get_today_page (window)), "today.add-run",
                KJ_TYPE_RECORD_EDITOR, "run-editor");
}

static void
test_adaptive_preferences (void)
{
  check_dialog (GTK_WIDGET (window), "win.preferences", KJ_TYPE_PREFERENCES_WINDOW, "preferences");
}

static void
test_adaptive_report (void)
{
  check_dialog (GTK_WIDGET (window), "win.export-report", ADW_TYPE_MESSAGE_DIALOG, "report-dialog");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KjJournal) journal = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GError) error = NULL;

  language = kj_test_set_language ();

  if (!kj_test_gui_init (&gui, &argc, &argv))
    return kj_test_gui_finish (&gui, g_test_run ());
  /* every surface is tried and reported, even after one failed */
  g_test_set_nonfatal_assertions ();

  /* the catalogue must have loaded, or German proves nothing */
  if (g_str_equal (language, "de"))
    g_assert_cmpstr (_("Today"), !=, "Today");

  /* 70 days up to today, with runs and treatments on most days */
  today = kj_date_today ();
  journal = kj_gen_journal (5, 70, "mixed", today, &error);
  g_assert_no_error (error);
  window = kj_test_gui_open (&gui, journal, 1366, 768);

  g_test_add_data_func ("/adaptive/today", "today", check_page);
  g_test_add_data_func ("/adaptive/history", "history", check_page);
  g_test_add_data_func ("/adaptive/trends", "trends", check_page);
  g_test_add_func ("/adaptive/treatment-editor", test_adaptive_treatment_editor);
  g_test_add_func ("/adaptive/run-editor", test_adaptive_run_editor);
  g_test_add_func ("/adaptive/preferences", test_adaptive_preferences);
  g_test_add_func ("/adaptive/report-dialog", test_adaptive_report);

  return kj_test_gui_finish (&gui, g_test_run ());
}
