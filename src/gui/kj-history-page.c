/* kj-history-page.c — the History page: every logged day, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal is read once into a GListStore of KjDayObject (three queries,
 * not one per day) when the page is first shown, and again only after the
 * journal changed. A GtkListView with recycled rows shows it, so that ten
 * years of days scroll smoothly; search and the red-flag filter are a
 * GtkCustomFilter over the same store.
 */
#define G_LOG_DOMAIN "knee-journal-history"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-a11y.h"
#include "kj-calendar.h"
#include "kj-day-object.h"
#include "kj-format.h"
#include "kj-gtk-util.h"
#include "kj-history-page.h"
#include "kj-search.h"
#include "kj-month-map.h"
#include "kj-theme.h"
#include "kj-warnings.h"

#define N_KIND_ICONS 4
#define BADGE_COLUMN_WIDTH 56

struct _KjHistoryPage
{
  GtkWidget           parent_instance;

  KjStore            *store;
  GListStore         *days;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  char              **query_words;  /* kj_search_words() of the search entry */
  gboolean            red_flags_only;
  gboolean            loaded;
  KjUnits             units;      /* the profile's, read with the days */

  /* template widgets */
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *red_flag_button;
  GtkStack           *stack;
  GtkListView        *list_view;
  KjMonthMap         *month_map;
};

G_DEFINE_FINAL_TYPE (KjHistoryPage, kj_history_page, GTK_TYPE_WIDGET)

enum {
  DAY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The rows */

typedef struct
{
  GtkWidget *red_flag;
  GtkLabel  *date;
  GtkLabel  *pain;
  GtkLabel  *places;
  GtkImage  *kinds[N_KIND_ICONS];
  GtkLabel  *km;
  GtkLabel  *notes;
} Row;

static const struct {
  const char *icon;
  const char *kinds[3];
} kind_icons[N_KIND_ICONS] = {
  { "kj-thermal-symbolic", { "ice", "heat", NULL } },
  { "kj-medication-symbolic", { "medication", NULL } },
  { "kj-exercise-symbolic", { "exercise", "stretching", NULL } },
  { "kj-treatment-symbolic", { NULL } },   /* everything else */
};

static GtkLabel *
row_label (GtkBox     *box,
           const char *css_class,
           gboolean    expand)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, expand);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);

  return GTK_LABEL (label);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           KjHistoryPage            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *middle = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *icons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *badge_column;
  GtkWidget *heading;
  Row *row = g_new0 (Row, 1);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  /* a column as wide for a number as for “No pain rating” */
  badge_column = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_size_request (badge_column, BADGE_COLUMN_WIDTH, -1);
  gtk_widget_set_hexpand (badge_column, FALSE);
  gtk_box_append (GTK_BOX (box), badge_column);
  row->pain = row_label (GTK_BOX (badge_column), "kj-pain-badge", TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (row->pain), TRUE);
  gtk_label_set_xalign (row->pain, 0.5);
  gtk_label_set_justify (row->pain, GTK_JUSTIFY_CENTER);
  gtk_label_set_ellipsize (row->pain, PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (row->pain, TRUE);
  gtk_label_set_max_width_chars (row->pain, 10);
  gtk_widget_set_halign (GTK_WIDGET (row->pain), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (row->pain), GTK_ALIGN_CENTER);

  gtk_widget_set_hexpand (middle, TRUE);
  gtk_widget_set_valign (middle, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), middle);
  /* a red-flag day: a warning sign before the date, not only its colour */
  heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (middle), heading);
  row->red_flag = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (row->red_flag, "error");
  kj_gtk_set_tooltip_text (row->red_flag, _("Warning sign noted"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->red_flag), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Warning sign noted"), -1);
  gtk_box_append (GTK_BOX (heading), row->red_flag);
  row->date = row_label (GTK_BOX (heading), "heading", TRUE);
  row->places = row_label (GTK_BOX (middle), NULL, TRUE);
  row->notes = row_label (GTK_BOX (middle), "dim-label", TRUE);

  /* the distance run above the kinds of treatment, so that the date and the
   * places keep most of a phone's width */
  gtk_widget_set_valign (right, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), right);
  row->km = row_label (GTK_BOX (right), "numeric", FALSE);
  gtk_label_set_width_chars (row->km, 8);
  gtk_label_set_xalign (row->km, 1);

  gtk_widget_set_halign (icons, GTK_ALIGN_END);
  for (guint i = 0; i < N_KIND_ICONS; i++)
    {
      row->kinds[i] = GTK_IMAGE (gtk_image_new_from_icon_name (kind_icons[i].icon));
      gtk_box_append (GTK_BOX (icons), GTK_WIDGET (row->kinds[i]));
    }
  gtk_box_append (GTK_BOX (right), icons);

  g_object_set_data_full (G_OBJECT (item), "row", row, g_free);
  gtk_list_item_set_child (item, box);
}

static gboolean
has_kind (guint       kinds,
          const char *kind)
{
  guint n_codes;
  const KjCode *codes = kj_code_list (KJ_CODE_TREATMENT_KIND, &n_codes);

  for (guint i = 0; i < n_codes; i++)
    if (g_str_equal (codes[i].code, kind))
      return (kinds & (1u << i)) != 0;

  return FALSE;
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          KjHistoryPage            *self)
{
  KjDayObject *object = gtk_list_item_get_item (item);
  const KjDay *day = kj_day_object_get_day (object);
  Row *row = g_object_get_data (G_OBJECT (item), "row");
  guint kinds = kj_day_object_get_kinds (object);
  guint other_kinds = kinds;
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *date = NULL;
  g_autofree char *pain = g_strdup_printf ("%d", day->pain);
  g_autofree char *places = kj_day_object_describe_places (object);
  g_autofree char *first_line = NULL;
  const char *classes[] = { "kj-pain-badge", kj_theme_pain_class (day->pain), NULL };
  const char *no_rating_classes[] = { "kj-pain-badge", "kj-no-rating", "caption", NULL };
  GDate gdate;

  kj_date_to_gdate (day->date, &gdate);
  dt = g_date_time_new_local (g_date_get_year (&gdate), g_date_get_month (&gdate), g_date_get_day (&gdate), 12, 0, 0);
  /* Translators: a date in the History list, see strftime(3); short enough
   * for a phone's width on one line (a wrapping label in every row made
   * scrolling four times slower) */
  date = g_date_time_format (dt, _("%a %-d %b %Y"));

  gtk_label_set_text (row->date, date);
  if (kj_day_object_has_entry (object))
    {
      gtk_label_set_text (row->pain, pain);
      gtk_widget_set_css_classes (GTK_WIDGET (row->pain), classes);
      gtk_label_set_text (row->places, places[0] ? places : _("No places marked"));
      g_string_append_printf (name, _("%s, pain %d of 10"), date, day->pain);
    }
  else
    {
      /* only treatments or runs on this day: no number to show */
      gtk_label_set_text (row->pain, _("No pain rating"));
      gtk_widget_set_css_classes (GTK_WIDGET (row->pain), no_rating_classes);
      /* Translators: the spoken name of a History row, “Thu 12 November 2026, no pain rating” */
      g_string_append_printf (name, _("%s, no pain rating"), date);
    }
  gtk_widget_set_visible (GTK_WIDGET (row->places), kj_day_object_has_entry (object));

  first_line = g_strndup (day->notes ? day->notes : "", strcspn (day->notes ? day->notes : "", "\n"));
  gtk_label_set_text (row->notes, first_line);
  gtk_widget_set_visible (GTK_WIDGET (row->notes), first_line[0] != '\0');

  gtk_widget_set_visible (row->red_flag, kj_day_object_get_red_flag (object));
  if (kj_day_object_get_red_flag (object))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row->date), "error");
      g_string_append_printf (name, ", %s", _("warning sign"));
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->date), "error");

  for (guint i = 0; i < N_KIND_ICONS - 1; i++)
    {
      gboolean shown = FALSE;

      for (guint k = 0; kind_icons[i].kinds[k] != NULL; k++)
        {
          shown |= has_kind (kinds, kind_icons[i].kinds[k]);
          if (has_kind (kinds, kind_icons[i].kinds[k]))
            {
              guint n_codes;
              const KjCode *codes = kj_code_list (KJ_CODE_TREATMENT_KIND, &n_codes);

              for (guint c = 0; c < n_codes; c++)
                if (g_str_equal (codes[c].code, kind_icons[i].kinds[k]))
                  other_kinds &= ~(1u << c);
              g_string_append_printf (name, ", %s", kj_code_label (KJ_CODE_TREATMENT_KIND, kind_icons[i].kinds[k]));
            }
        }
      gtk_widget_set_opacity (GTK_WIDGET (row->kinds[i]), shown ? 1.0 : 0.0);
    }
  gtk_widget_set_opacity (GTK_WIDGET (row->kinds[N_KIND_ICONS - 1]), other_kinds != 0 ? 1.0 : 0.0);

  if (kj_day_object_get_run_km (object) > 0)
    {
      g_autofree char *km = kj_format_distance (kj_day_object_get_run_km (object), self->units);

      gtk_label_set_text (row->km, km);
      g_string_append_printf (name, ", %s", km);
    }
  else
    gtk_label_set_text (row->km, "");
  gtk_widget_set_visible (GTK_WIDGET (row->km), kj_day_object_get_run_km (object) > 0);

  /* the name a screen reader says for the row: date, pain, warning, treatments, run */
  kj_a11y_label_list_item (item, name->str);
}

/* Filtering */

static gboolean
filter_day (gpointer item,
            gpointer user_data)
{
  KjHistoryPage *self = user_data;

  if (self->red_flags_only && !kj_day_object_get_red_flag (item))
    return FALSE;

  return kj_day_object_matches (item, (const char * const *) self->query_words);
}

static void
update_stack (KjHistoryPage *self)
{
  /* the month map only once there is something to show */
  gtk_widget_set_visible (GTK_WIDGET (self->month_map), g_list_model_get_n_items (G_LIST_MODEL (self->days)) > 0);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->days)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

/* A longer query filters only the days still shown, a shorter one only those
 * hidden: a key typed or deleted does not test every day again. */
static void
filters_changed (KjHistoryPage *self)
{
  g_auto(GStrv) words = kj_search_words (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gboolean red_flags_only = gtk_toggle_button_get_active (self->red_flag_button);
  const char * const *old = (const char * const *) self->query_words;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (g_strv_equal (old, (const char * const *) words) && red_flags_only == self->red_flags_only)
    return;

  if (kj_search_narrows (old, (const char * const *) words) && red_flags_only >= self->red_flags_only)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (kj_search_narrows ((const char * const *) words, old) && red_flags_only <= self->red_flags_only)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_strfreev (self->query_words);
  self->query_words = g_steal_pointer (&words);
  self->red_flags_only = red_flags_only;

  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_stack (self);
}

static void
list_activated (GtkListView   *list_view,
                guint          position,
                KjHistoryPage *self)
{
  g_autoptr(KjDayObject) object = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (object != NULL)
    g_signal_emit (self, signals[DAY_ACTIVATED], 0, kj_day_object_get_day (object)->date);
}

static void
month_day_activated (KjHistoryPage *self,
                     const char    *date)
{
  g_signal_emit (self, signals[DAY_ACTIVATED], 0, date);
}

/* Loading */

/* Each day's red flag by kj_warnings_day_red_flags(), given the days before
 * it; @objects are by date. */
static void
mark_red_flags (GPtrArray *objects)
{
  g_autoptr(GPtrArray) days = g_ptr_array_sized_new (objects->len);
  guint first = 0;

  for (guint i = 0; i < objects->len; i++)
    g_ptr_array_add (days, (gpointer) kj_day_object_get_day (objects->pdata[i]));

  for (guint i = 0; i < days->len; i++)
    {
      const KjDay *day = g_ptr_array_index (days, i);

      while (kj_date_diff (((KjDay *) g_ptr_array_index (days, first))->date, day->date) > 6)
        first++;
      kj_day_object_set_red_flag (objects->pdata[i],
                                  kj_warnings_day_red_flags (day, (KjDay *const *) days->pdata + first, i - first,
                                                             NULL) != KJ_RED_FLAG_NONE);
    }
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  const KjDay *day_a = kj_day_object_get_day (*(KjDayObject **) a);
  const KjDay *day_b = kj_day_object_get_day (*(KjDayObject **) b);

  return strcmp (day_a->date, day_b->date);
}

/* The item of @date, made for a date without a pain entry if there is none yet. */
static KjDayObject *
object_for_date (GPtrArray  *objects,
                 GHashTable *by_date,
                 const char *date)
{
  KjDayObject *object = g_hash_table_lookup (by_date, date);

  if (object == NULL)
    {
      object = kj_day_object_new_without_entry (date);
      g_ptr_array_add (objects, object);
      g_hash_table_insert (by_date, (gpointer) kj_day_object_get_day (object)->date, object);
    }

  return object;
}

void
kj_history_page_load (KjHistoryPage *self)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_date = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(KjProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KJ_IS_HISTORY_PAGE (self));

  self->loaded = TRUE;

  if (self->store == NULL)
    {
      g_list_store_remove_all (self->days);
      update_stack (self);
      return;
    }

  if (!(days = kj_store_list_days (self->store, NULL, NULL, &error)) ||
      !(treatments = kj_store_list_treatments (self->store, NULL, NULL, &error)) ||
      !(runs = kj_store_list_runs (self->store, NULL, NULL, &error)))
    {
      g_warning ("Could not read the journal: %s", error->message);
      return;
    }

  /* distances in the profile's units (a profile that cannot be read: km) */
  profile = kj_store_get_profile (self->store, NULL);
  self->units = kj_units_from_profile (profile);

  /* the objects take the days over; the store lists them oldest first */
  g_ptr_array_set_free_func (days, NULL);
  for (guint i = 0; i < days->len; i++)
    {
      KjDayObject *object = kj_day_object_new (g_ptr_array_index (days, i));

      g_ptr_array_add (objects, object);
      g_hash_table_insert (by_date, (gpointer) kj_day_object_get_day (object)->date, object);
    }

  /* a date with records but no pain entry is listed too (#11) */
  for (guint i = 0; i < treatments->len; i++)
    {
      KjTreatment *t = g_ptr_array_index (treatments, i);

      kj_day_object_add_treatment (object_for_date (objects, by_date, t->date), t);
    }

  for (guint i = 0; i < runs->len; i++)
    {
      KjRun *r = g_ptr_array_index (runs, i);

      kj_day_object_add_run (object_for_date (objects, by_date, r->date), r);
    }

  /* oldest first, as the swelling rule walks back in time */
  if (objects->len > days->len)
    g_ptr_array_sort (objects, compare_dates);

  mark_red_flags (objects);

  /* the month map reads its month; the streak is counted over the days read here */
  {
    g_autofree char *today = kj_date_today ();

    kj_month_map_set_streak (self->month_map, kj_calendar_streak (days, today));
    kj_month_map_reload (self->month_map);
  }

  /* newest first */
  for (guint i = 0, j = objects->len ? objects->len - 1 : 0; i < j; i++, j--)
    {
      gpointer tmp = objects->pdata[i];
      objects->pdata[i] = objects->pdata[j];
      objects->pdata[j] = tmp;
    }

  g_list_store_splice (self->days, 0, g_list_model_get_n_items (G_LIST_MODEL (self->days)),
                       objects->pdata, objects->len);
  update_stack (self);
}

static void
kj_history_page_map (GtkWidget *widget)
{
  KjHistoryPage *self = KJ_HISTORY_PAGE (widget);

  GTK_WIDGET_CLASS (kj_history_page_parent_class)->map (widget);

  if (!self->loaded)
    kj_history_page_load (self);
}

/* GObject */

static void
kj_history_page_dispose (GObject *object)
{
  KjHistoryPage *self = KJ_HISTORY_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KJ_TYPE_HISTORY_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->filtered);
  g_clear_object (&self->days);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kj_history_page_parent_class)->dispose (object);
}

static void
kj_history_page_finalize (GObject *object)
{
  KjHistoryPage *self = KJ_HISTORY_PAGE (object);

  g_clear_pointer (&self->query_words, g_strfreev);

  G_OBJECT_CLASS (kj_history_page_parent_class)->finalize (object);
}

static void
kj_history_page_class_init (KjHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kj_history_page_dispose;
  object_class->finalize = kj_history_page_finalize;
  widget_class->map = kj_history_page_map;

  g_type_ensure (KJ_TYPE_MONTH_MAP);

  /**
   * KjHistoryPage::day-activated:
   * @date: the day to open
   */
  signals[DAY_ACTIVATED] = g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kj-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KjHistoryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KjHistoryPage, red_flag_button);
  gtk_widget_class_bind_template_child (widget_class, KjHistoryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KjHistoryPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, KjHistoryPage, month_map);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, list_activated);
  gtk_widget_class_bind_template_callback (widget_class, month_day_activated);
}

static void
kj_history_page_init (KjHistoryPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  kj_a11y_name_buttons (GTK_WIDGET (self));

  self->days = g_list_store_new (KJ_TYPE_DAY_OBJECT);
  self->query_words = g_new0 (char *, 1);
  self->filter = gtk_custom_filter_new (filter_day, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->days)), GTK_FILTER (self->filter));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (factory);

  update_stack (self);
}

/* Public API */

void
kj_history_page_set_store (KjHistoryPage *self,
                           KjStore       *store)
{
  g_return_if_fail (KJ_IS_HISTORY_PAGE (self));

  g_set_object (&self->store, store);
  kj_month_map_set_store (self->month_map, store);
  kj_history_page_invalidate (self);
}

/* The journal changed: read it again now if the page is shown, else when it is. */
void
kj_history_page_invalidate (KjHistoryPage *self)
{
  g_return_if_fail (KJ_IS_HISTORY_PAGE (self));

  self->loaded = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    kj_history_page_load (self);
}

/* Returns: (transfer none): the days shown, after filtering */
GListModel *
kj_history_page_get_model (KjHistoryPage *self)
{
  g_return_val_if_fail (KJ_IS_HISTORY_PAGE (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

void
kj_history_page_set_search (KjHistoryPage *self,
                            const char    *text,
                            gboolean       red_flags_only)
{
  g_return_if_fail (KJ_IS_HISTORY_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  gtk_toggle_button_set_active (self->red_flag_button, red_flags_only);
  filters_changed (self);
}

GtkListView *
kj_history_page_get_list_view (KjHistoryPage *self)
{
  g_return_val_if_fail (KJ_IS_HISTORY_PAGE (self), NULL);

  return self->list_view;
}

KjMonthMap *
kj_history_page_get_month_map (KjHistoryPage *self)
{
  g_return_val_if_fail (KJ_IS_HISTORY_PAGE (self), NULL);

  return self->month_map;
}
