/* kj-week-table.c — Trends' Week by Week: a table where it fits, else a list with the values under each week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 12 most recent weeks of the range shown: days logged, mean pain, ice
 * or heat, medicine, exercises, distance and descent. A week's treatments are
 * added up by kj_treatment_totals_add(), as the report's are. An AdwSqueezer
 * shows the table when the window is wide enough for it, else the list.
 */
#define G_LOG_DOMAIN "knee-journal-trends"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kj-format.h"
#include "kj-gtk-util.h"
#include "kj-series.h"
#include "kj-week-table.h"

struct _KjWeekTable
{
  GtkWidget   parent_instance;

  /* template widgets */
  GtkGrid    *weeks_grid;
  GtkListBox *weeks_list;
};

G_DEFINE_FINAL_TYPE (KjWeekTable, kj_week_table, GTK_TYPE_WIDGET)

static void
grid_cell (GtkGrid    *grid,
           int         column,
           int         row,
           const char *text,
           gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_widget_add_css_class (label, heading ? "heading" : "numeric");
  /* the medicines of a week ("Ibuprofen 1200 mg, Naproxen 440 mg") wrap
   * rather than widen the table, and with it the whole window */
  if (column == 4 && !heading)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
    }
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

/* The same week as a row of the list shown where the table does not fit:
 * “Week of 2026-03-02”, and under it “Days logged: 5 · Mean pain: 3.4 · …” */
static void
add_week_row (GtkListBox        *list,
              const char *const *titles,
              const char *const *cells)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) values = g_string_new (NULL);
  /* Translators: the title of a week in Week by Week on a narrow window, “Week of 2026-03-02” */
  g_autofree char *title = g_strdup_printf (_("Week of %s"), cells[0]);

  for (guint c = 1; c < 8; c++)
    {
      /* no medicine that week: left out rather than “Medicine: –” */
      if (c == 4 && g_str_equal (cells[c], "–"))
        continue;
      g_string_append (values, c > 1 ? " · " : "");
      /* Translators: a column head of Week by Week and its value, “Mean pain: 3.4” */
      g_string_append_printf (values, _("%s: %s"), titles[c], cells[c]);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), values->str);
  gtk_list_box_append (list, row);
}

/* Shows the 12 weeks up to the week of @today, back to the week of @from at most */
static void
kj_week_table_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), KJ_TYPE_WEEK_TABLE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kj_week_table_parent_class)->dispose (object);
}

static void
kj_week_table_class_init (KjWeekTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kj_week_table_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kj-week-table.ui");
  gtk_widget_class_bind_template_child (widget_class, KjWeekTable, weeks_grid);
  gtk_widget_class_bind_template_child (widget_class, KjWeekTable, weeks_list);
}

static void
kj_week_table_init (KjWeekTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
kj_week_table_update (KjWeekTable     *self,
                      const KjJournal *journal,
                      const char      *today_date,
                      const char      *from,
                      KjUnits          units)
{
  /* Translators: column heads of Week by Week; the last two get the units, “Run (km)”, “Downhill (m)” */
  const char *headings[] = { N_("Week of"), N_("Days logged"), N_("Mean pain"), N_("Ice or heat"),
                             N_("Medicine"), N_("Exercises"), N_("Run (%s)"), N_("Downhill (%s)") };
  g_autofree char *titles[G_N_ELEMENTS (headings)] = { NULL };
  GtkWidget *child;
  GDate today;
  int row = 1;

  g_return_if_fail (KJ_IS_WEEK_TABLE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->weeks_grid))) != NULL)
    gtk_grid_remove (self->weeks_grid, child);
  kj_list_box_clear (self->weeks_list);

  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    {
      titles[c] = c == 6 ? g_strdup_printf (_("Run (%s)"), kj_distance_unit (units))
                : c == 7 ? g_strdup_printf (_("Downhill (%s)"), kj_descent_unit (units))
                         : g_strdup (_(headings[c]));
      grid_cell (self->weeks_grid, c, 0, titles[c], TRUE);
    }

  kj_date_to_gdate (today_date, &today);
  g_date_subtract_days (&today, g_date_get_weekday (&today) - 1);

  for (int w = 0; w < 12; w++, row++)
    {
      char monday[11], sunday[11];
      double pain = 0, km = 0, descent = 0;
      int logged = 0;
      KjTreatmentTotals totals = { 0 };
      g_autofree char *medicine = NULL;
      g_autofree char *cells[8] = { NULL };

      kj_date_from_gdate (&today, monday);
      g_date_subtract_days (&today, 7);
      kj_date_add_days (monday, 6, sunday);
      if (strcmp (sunday, from) < 0)
        break;

      for (guint i = 0; i < journal->days->len; i++)
        {
          const KjDay *d = g_ptr_array_index (journal->days, i);

          if (strcmp (d->date, monday) >= 0 && strcmp (d->date, sunday) <= 0)
            pain += d->pain, logged++;
        }
      for (guint i = 0; i < journal->treatments->len; i++)
        {
          const KjTreatment *t = g_ptr_array_index (journal->treatments, i);

          if (strcmp (t->date, monday) >= 0 && strcmp (t->date, sunday) <= 0)
            kj_treatment_totals_add (&totals, t);
        }
      for (guint i = 0; i < journal->runs->len; i++)
        {
          const KjRun *r = g_ptr_array_index (journal->runs, i);

          if (strcmp (r->date, monday) >= 0 && strcmp (r->date, sunday) <= 0)
            {
              km += r->distance_km;
              descent += isnan (r->descent_m) ? 0 : r->descent_m;
            }
        }

      medicine = kj_treatment_totals_medicine (&totals);
      cells[0] = g_strdup (monday);
      cells[1] = g_strdup_printf ("%d", logged);
      cells[2] = logged > 0 ? g_strdup_printf ("%.1f", pain / logged) : g_strdup ("–");
      cells[3] = g_strdup_printf ("%d", totals.thermal);
      cells[4] = medicine != NULL ? g_strdup (medicine) : g_strdup ("–");
      cells[5] = g_strdup_printf ("%d", totals.exercises);
      cells[6] = g_strdup_printf ("%.1f", kj_distance_in_units (km, units));
      cells[7] = g_strdup_printf ("%.0f", kj_descent_in_units (descent, units));
      for (guint c = 0; c < 8; c++)
        grid_cell (self->weeks_grid, c, row, cells[c], FALSE);
      add_week_row (self->weeks_list, (const char *const *) titles, (const char *const *) cells);
    }
}
