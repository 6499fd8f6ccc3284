/* kj-month-map.c — History's month map: a month's days coloured by pain, the gaps, the red flags, the streak
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A seven-column month from the locale's first weekday. A logged day is
 * filled with the colour of its pain, History's badge colours
 * (kj_theme_pain_class()); a day without an entry is an empty dashed box, so
 * that gaps show at a glance; a red-flag day also has a warning sign in its
 * corner (drawn by ui/style.css), so that it does not rely on colour; today
 * is outlined. A sentence under the
 * grid says the same in words, and the streak of logged days is said calmly
 * from two days on, never as a warning.
 *
 * The days are real buttons: in GTK 4.8 only widgets reach a screen reader
 * (a drawn widget cannot offer accessible children before GTK 4.10), so each
 * day is a button named like “Tuesday, 3 November 2026: pain 5, red flag”;
 * a label button with nothing else inside, as every widget is one more object
 * for a screen reader to walk.
 * The grid is one Tab stop: only one day is focusable at a time (roving
 * focus); the arrow keys move between days, Page Up and Page Down change the
 * month, Home and End go to its first and last day, Enter opens the day.
 *
 * One month is read at a time (kj_calendar_read()), when the month changes
 * and when History reads the journal again.
 */
#define G_LOG_DOMAIN "knee-journal-history"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#ifdef __GLIBC__
#include <langinfo.h>
#endif

#include "kj-calendar.h"
#include "kj-format.h"
#include "kj-gtk-util.h"
#include "kj-month-map.h"
#include "kj-theme.h"

#define N_CELLS (6 * 7)

typedef struct
{
  GtkWidget *button;         /* a label button: one accessible object a day (style.css draws the red flag's sign) */
  int        day;            /* of the month shown, 0 for a cell outside it */
} Cell;

struct _KjMonthMap
{
  GtkWidget   parent_instance;

  KjStore    *store;
  int         year;
  int         month;          /* 1–12 */
  int         focus_day;      /* the day that is the grid's Tab stop */
  int         week_start;     /* 0 Sunday … 6 Saturday */
  GArray     *calendar;       /* KjCalendarDay of the month shown */
  char       *summary;

  GtkWidget  *box;
  GtkButton  *previous_button;
  GtkButton  *next_button;
  GtkLabel   *title;
  GtkWidget  *grid;
  GtkLabel   *weekdays[7];
  Cell        cells[N_CELLS];
  GtkLabel   *summary_label;
  GtkLabel   *streak_label;
};

G_DEFINE_FINAL_TYPE (KjMonthMap, kj_month_map, GTK_TYPE_WIDGET)

enum {
  DAY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The locale's first day of the week, as GtkCalendar finds it: 0 Sunday … 6 Saturday */
static int
locale_week_start (void)
{
#ifdef __GLIBC__
  union { unsigned int word; char *string; } langinfo;
  int first_weekday, week_1stday = 0;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  if (langinfo.word == 19971201)   /* a Monday */
    week_1stday = 1;
  if (first_weekday >= 1 && first_weekday <= 7)
    return (week_1stday + first_weekday - 1) % 7;
#endif

  return 1;   /* Monday */
}

static GDateTime *
date_time_of (int year,
              int month,
              int day)
{
  return g_date_time_new_local (year, month, day, 12, 0, 0);
}

static const KjCalendarDay *
calendar_day (KjMonthMap *self,
              int         day)
{
  if (self->calendar == NULL || day < 1 || (guint) day > self->calendar->len)
    return NULL;

  return &g_array_index (self->calendar, KjCalendarDay, day - 1);
}

/* The cell's name: the whole date, then its pain and red flag, or that it is not logged */
static char *
cell_name (KjMonthMap          *self,
           int                  day,
           const KjCalendarDay *item)
{
  g_autoptr(GDateTime) dt = date_time_of (self->year, self->month, day);
  /* the same whole date as the Today page's */
  g_autofree char *date = g_strstrip (g_date_time_format (dt, _("%A, %-d %B %Y")));

  if (item == NULL || !item->logged)
    /* Translators: a day of History's month map, %s is the date */
    return g_strdup_printf (_("%s: not logged"), date);
  if (item->red_flag != KJ_RED_FLAG_NONE)
    /* Translators: a day of History's month map, %s is the date, %d the pain (0–10) */
    return g_strdup_printf (_("%s: pain %d, red flag"), date, item->pain);
  /* Translators: a day of History's month map, %s is the date, %d the pain (0–10) */
  return g_strdup_printf (_("%s: pain %d"), date, item->pain);
}

static void
update_cell (KjMonthMap *self,
             Cell       *cell,
             int         day,
             const char *today)
{
  static const char *const state_classes[] = {
    "kj-pain-low", "kj-pain-moderate", "kj-pain-high", "kj-pain-severe", "kj-not-logged", "kj-today",
    "kj-future", "kj-red-flag-day",
  };
  const KjCalendarDay *item = calendar_day (self, day);
  g_autofree char *number = NULL;
  g_autofree char *name = NULL;
  int order;

  cell->day = day;
  gtk_widget_set_visible (cell->button, day > 0);
  if (day == 0)
    {
      gtk_widget_set_focusable (cell->button, FALSE);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    gtk_widget_remove_css_class (cell->button, state_classes[i]);

  number = g_strdup_printf ("%d", day);
  gtk_button_set_label (GTK_BUTTON (cell->button), number);

  order = item != NULL ? strcmp (item->date, today) : 1;
  if (item != NULL && item->logged)
    gtk_widget_add_css_class (cell->button, kj_theme_pain_class (item->pain));
  else
    gtk_widget_add_css_class (cell->button, "kj-not-logged");
  if (order == 0)
    gtk_widget_add_css_class (cell->button, "kj-today");
  else if (order > 0)
    gtk_widget_add_css_class (cell->button, "kj-future");

  if (item != NULL && item->red_flag != KJ_RED_FLAG_NONE)
    gtk_widget_add_css_class (cell->button, "kj-red-flag-day");

  name = cell_name (self, day, item);
  kj_gtk_set_tooltip_text (cell->button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_focusable (cell->button, day == self->focus_day);
}

/* “November 2026: 18 of 30 days logged, average pain 3.4, red flags on 2 days”, counting the days up to today */
static char *
month_summary (KjMonthMap *self,
               const char *title,
               const char *today)
{
  g_autoptr(GArray) past = g_array_new (FALSE, FALSE, sizeof (KjCalendarDay));
  GString *text = g_string_new (NULL);
  KjCalendarSummary summary;

  for (guint i = 0; self->calendar != NULL && i < self->calendar->len; i++)
    if (strcmp (g_array_index (self->calendar, KjCalendarDay, i).date, today) <= 0)
      g_array_append_val (past, g_array_index (self->calendar, KjCalendarDay, i));
  kj_calendar_summarize (past, &summary);

  /* Translators: History's month map in words; %s is the month, such as “November 2026” */
  g_string_printf (text, ngettext ("%s: %u of %u day logged", "%s: %u of %u days logged", summary.n_days),
                   title, summary.n_logged, summary.n_days);
  if (summary.n_logged > 0)
    {
      g_autofree char *mean = g_strdup_printf ("%.1f", summary.mean_pain);

      /* Translators: continues “November 2026: 18 of 30 days logged” */
      g_string_append_printf (text, _(", average pain %s"), mean);
    }
  if (summary.n_red_flags > 0)
    /* Translators: continues “November 2026: 18 of 30 days logged, average pain 3.4” */
    g_string_append_printf (text, ngettext (", red flags on %u day", ", red flags on %u days", summary.n_red_flags),
                            summary.n_red_flags);

  return g_string_free (text, FALSE);
}

static void
update_cells (KjMonthMap *self)
{
  g_autofree char *today = kj_date_today ();
  g_autoptr(GDateTime) first = date_time_of (self->year, self->month, 1);
  g_autofree char *title = NULL;
  int days = g_date_get_days_in_month (self->month, self->year);
  int offset = (g_date_time_get_day_of_week (first) % 7 - self->week_start + 7) % 7;
  char this_month[8], month_shown[8];
  GDate previous;

  /* Translators: the month of History's month map, see strftime(3); %OB is the month's name on its own */
  title = g_strstrip (g_date_time_format (first, _("%OB %Y")));
  gtk_label_set_text (self->title, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  self->focus_day = CLAMP (self->focus_day, 1, days);
  for (int i = 0; i < N_CELLS; i++)
    {
      int day = i - offset + 1;

      update_cell (self, &self->cells[i], day >= 1 && day <= days ? day : 0, today);
    }
  /* a sixth week only when the month reaches it */
  for (int i = 35; i < N_CELLS; i++)
    gtk_widget_set_visible (self->cells[i].button, self->cells[i].day > 0);

  g_free (self->summary);
  self->summary = month_summary (self, title, today);
  gtk_label_set_text (self->summary_label, self->summary);

  /* the map stops at the month of today and at the first date a journal can hold */
  g_snprintf (this_month, sizeof this_month, "%.7s", today);
  g_snprintf (month_shown, sizeof month_shown, "%04d-%02d", self->year, self->month);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), strcmp (month_shown, this_month) < 0);
  g_date_clear (&previous, 1);
  g_date_set_dmy (&previous, 1, self->month, self->year);
  g_date_subtract_days (&previous, 1);
  {
    char date[11];

    kj_date_from_gdate (&previous, date);
    gtk_widget_set_sensitive (GTK_WIDGET (self->previous_button), kj_date_is_valid (date));
  }
}

static void
read_month (KjMonthMap *self)
{
  g_autoptr(GError) error = NULL;
  char from[11], to[11];

  g_clear_pointer (&self->calendar, g_array_unref);
  kj_calendar_month_range (self->year, self->month, from, to);
  if (self->store != NULL && kj_date_is_valid (from))
    {
      self->calendar = kj_calendar_read (self->store, from, to, &error);
      if (self->calendar == NULL)
        g_warning ("Could not read the days of %s: %s", from, error->message);
    }

  update_cells (self);
}

static Cell *
cell_of_day (KjMonthMap *self,
             int         day)
{
  for (int i = 0; i < N_CELLS; i++)
    if (self->cells[i].day == day)
      return &self->cells[i];

  return NULL;
}

/* Moves the grid's Tab stop to @day of the month shown, and the focus with it if @grab */
static void
focus_day (KjMonthMap *self,
           int         day,
           gboolean    grab)
{
  Cell *old = cell_of_day (self, self->focus_day);
  Cell *cell = cell_of_day (self, day);

  if (cell == NULL)
    return;
  if (old != NULL && old != cell)
    gtk_widget_set_focusable (old->button, FALSE);
  self->focus_day = day;
  gtk_widget_set_focusable (cell->button, TRUE);
  if (grab)
    gtk_widget_grab_focus (cell->button);
}

/* Moves by @days days or @months months from the focused day, turning the month if it has to, but not past today's
 * month; the keyboard focus follows if @grab. */
static void
move (KjMonthMap *self,
      int         days,
      int         months,
      gboolean    grab)
{
  g_autofree char *today = kj_date_today ();
  GDate date, limit;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, self->month, self->year);
  if (months < 0)
    g_date_subtract_months (&date, -months);
  else if (months > 0)
    g_date_add_months (&date, months);
  g_date_set_day (&date, MIN (self->focus_day, g_date_get_days_in_month (g_date_get_month (&date),
                                                                           g_date_get_year (&date))));
  if (days < 0)
    g_date_subtract_days (&date, -days);
  else if (days > 0)
    g_date_add_days (&date, days);

  kj_date_to_gdate (today, &limit);
  g_date_set_day (&limit, g_date_get_days_in_month (g_date_get_month (&limit), g_date_get_year (&limit)));
  {
    char moved[11];

    kj_date_from_gdate (&date, moved);
    if (g_date_compare (&date, &limit) > 0 || !kj_date_is_valid (moved))
      {
        gtk_widget_error_bell (GTK_WIDGET (self));
        return;
      }
  }

  if (g_date_get_year (&date) != self->year || (int) g_date_get_month (&date) != self->month)
    {
      self->focus_day = g_date_get_day (&date);
      kj_month_map_show_month (self, g_date_get_year (&date), g_date_get_month (&date));
    }
  focus_day (self, g_date_get_day (&date), grab);
}

static gboolean
grid_key_pressed (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  KjMonthMap            *self)
{
  int forward = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? -1 : 1;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move (self, -forward, 0, TRUE);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move (self, forward, 0, TRUE);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move (self, -7, 0, TRUE);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move (self, 7, 0, TRUE);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move (self, 0, -1, TRUE);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move (self, 0, 1, TRUE);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      focus_day (self, 1, TRUE);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      focus_day (self, g_date_get_days_in_month (self->month, self->year), TRUE);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
cell_clicked (GtkButton  *button,
              KjMonthMap *self)
{
  for (int i = 0; i < N_CELLS; i++)
    if (self->cells[i].button == GTK_WIDGET (button) && self->cells[i].day > 0)
      {
        char date[11];

        g_snprintf (date, sizeof date, "%04d-%02d-%02d", self->year, self->month, self->cells[i].day);
        focus_day (self, self->cells[i].day, FALSE);
        g_signal_emit (self, signals[DAY_ACTIVATED], 0, date);
        return;
      }
}

static void
previous_clicked (KjMonthMap *self)
{
  move (self, 0, -1, FALSE);
}

static void
next_clicked (KjMonthMap *self)
{
  move (self, 0, 1, FALSE);
}

static GtkWidget *
month_button (KjMonthMap *self,
              const char *icon,
              const char *name,
              GCallback   callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  kj_gtk_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect_swapped (button, "clicked", callback, self);

  return button;
}

static void
build (KjMonthMap *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGrid *grid;
  g_autoptr(GDateTime) sunday = date_time_of (2026, 11, 1);   /* a Sunday */

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->previous_button = GTK_BUTTON (month_button (self, "go-previous-symbolic", _("Previous Month"),
                                                    G_CALLBACK (previous_clicked)));
  self->next_button = GTK_BUTTON (month_button (self, "go-next-symbolic", _("Next Month"),
                                                G_CALLBACK (next_clicked)));
  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->previous_button));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->next_button));
  gtk_box_append (GTK_BOX (self->box), header);

  self->grid = gtk_grid_new ();
  grid = GTK_GRID (self->grid);
  gtk_grid_set_column_homogeneous (grid, TRUE);
  gtk_grid_set_column_spacing (grid, 4);
  gtk_grid_set_row_spacing (grid, 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Arrow keys move between days, Page Up and Page Down change the month"), -1);
  gtk_box_append (GTK_BOX (self->box), self->grid);

  for (int c = 0; c < 7; c++)
    {
      g_autoptr(GDateTime) weekday = g_date_time_add_days (sunday, (self->week_start + c) % 7);
      g_autofree char *name = g_date_time_format (weekday, "%a");

      self->weekdays[c] = GTK_LABEL (gtk_label_new (name));
      gtk_widget_add_css_class (GTK_WIDGET (self->weekdays[c]), "caption");
      gtk_widget_add_css_class (GTK_WIDGET (self->weekdays[c]), "dim-label");
      gtk_label_set_ellipsize (self->weekdays[c], PANGO_ELLIPSIZE_END);
      gtk_grid_attach (grid, GTK_WIDGET (self->weekdays[c]), c, 0, 1, 1);
    }

  for (int i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];

      cell->button = gtk_button_new ();
      gtk_widget_add_css_class (cell->button, "kj-day");
      gtk_widget_set_focusable (cell->button, FALSE);
      g_signal_connect (cell->button, "clicked", G_CALLBACK (cell_clicked), self);
      gtk_grid_attach (grid, cell->button, i % 7, 1 + i / 7, 1, 1);
    }

  g_signal_connect (keys, "key-pressed", G_CALLBACK (grid_key_pressed), self);
  gtk_widget_add_controller (self->grid, keys);

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "caption");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->summary_label));

  self->streak_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->streak_label, TRUE);
  gtk_label_set_xalign (self->streak_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->streak_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->streak_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->streak_label), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->streak_label));
}

/* GObject */

static void
kj_month_map_dispose (GObject *object)
{
  KjMonthMap *self = KJ_MONTH_MAP (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kj_month_map_parent_class)->dispose (object);
}

static void
kj_month_map_finalize (GObject *object)
{
  KjMonthMap *self = KJ_MONTH_MAP (object);

  g_clear_pointer (&self->calendar, g_array_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (kj_month_map_parent_class)->finalize (object);
}

static void
kj_month_map_class_init (KjMonthMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kj_month_map_dispose;
  object_class->finalize = kj_month_map_finalize;

  /**
   * KjMonthMap::day-activated:
   * @date: the day clicked or chosen with Enter, YYYY-MM-DD
   */
  signals[DAY_ACTIVATED] = g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "monthmap");
}

static void
kj_month_map_init (KjMonthMap *self)
{
  g_autofree char *today = kj_date_today ();
  GDate d;

  self->week_start = locale_week_start ();
  gtk_widget_add_css_class (GTK_WIDGET (self), "kj-month-map");
  build (self);

  kj_date_to_gdate (today, &d);
  self->year = g_date_get_year (&d);
  self->month = g_date_get_month (&d);
  self->focus_day = g_date_get_day (&d);
  update_cells (self);
}

/* Public API */

void
kj_month_map_set_store (KjMonthMap *self,
                        KjStore    *store)
{
  g_return_if_fail (KJ_IS_MONTH_MAP (self));
  g_return_if_fail (store == NULL || KJ_IS_STORE (store));

  /* read when History reads the journal (kj_month_map_reload()) */
  g_set_object (&self->store, store);
  g_clear_pointer (&self->calendar, g_array_unref);
  update_cells (self);
}

/* Reads the month shown again, after the journal changed */
void
kj_month_map_reload (KjMonthMap *self)
{
  g_return_if_fail (KJ_IS_MONTH_MAP (self));

  read_month (self);
}

/* Shows @month (1–12) of @year */
void
kj_month_map_show_month (KjMonthMap *self,
                         int         year,
                         int         month)
{
  g_return_if_fail (KJ_IS_MONTH_MAP (self));
  g_return_if_fail (g_date_valid_dmy (1, month, year));

  self->year = year;
  self->month = month;
  read_month (self);
}

void
kj_month_map_get_month (KjMonthMap *self,
                        int        *year,
                        int        *month)
{
  g_return_if_fail (KJ_IS_MONTH_MAP (self));

  if (year != NULL)
    *year = self->year;
  if (month != NULL)
    *month = self->month;
}

/* The logged days in a row up to today (kj_calendar_streak()): said from two on, never as a warning */
void
kj_month_map_set_streak (KjMonthMap *self,
                         guint       streak)
{
  g_autofree char *text = NULL;

  g_return_if_fail (KJ_IS_MONTH_MAP (self));

  gtk_widget_set_visible (GTK_WIDGET (self->streak_label), streak >= 2);
  if (streak < 2)
    return;
  text = g_strdup_printf (ngettext ("Logged %u day in a row", "Logged %u days in a row", streak), streak);
  gtk_label_set_text (self->streak_label, text);
}

/* Returns: (transfer none) (nullable): the cell of @date, if it is in the month shown */
GtkWidget *
kj_month_map_get_day_cell (KjMonthMap *self,
                           const char *date)
{
  char prefix[9];

  g_return_val_if_fail (KJ_IS_MONTH_MAP (self), NULL);
  g_return_val_if_fail (kj_date_is_valid (date), NULL);

  g_snprintf (prefix, sizeof prefix, "%04d-%02d-", self->year, self->month);
  if (!g_str_has_prefix (date, prefix))
    return NULL;

  {
    Cell *cell = cell_of_day (self, atoi (date + 8));

    return cell != NULL ? cell->button : NULL;
  }
}

/* The month in words, as shown under the grid */
const char *
kj_month_map_get_summary (KjMonthMap *self)
{
  g_return_val_if_fail (KJ_IS_MONTH_MAP (self), NULL);

  return self->summary;
}

GtkLabel *
kj_month_map_get_streak_label (KjMonthMap *self)
{
  g_return_val_if_fail (KJ_IS_MONTH_MAP (self), NULL);

  return self->streak_label;
}
