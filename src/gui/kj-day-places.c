/* kj-day-places.c — the Today page's “Where It Hurts”: the knee drawing and the marked places
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A section of the Today page: the left or right knee, from the front or the
 * back, the places marked on it, and a button for each to remove it. It holds
 * the day's places (KjLocation, in the order they were marked) and emits
 * ::changed when the user marks or removes one; the page stores them.
 */
#define G_LOG_DOMAIN "knee-journal-day-places"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-day-places.h"
#include "kj-gtk-util.h"
#include "kj-wrap-box.h"

struct _KjDayPlaces
{
  GtkWidget        parent_instance;

  GArray          *locations;      /* KjLocation */

  /* template widgets */
  GtkToggleButton *left_button;
  GtkToggleButton *right_button;
  GtkToggleButton *front_button;
  GtkToggleButton *back_button;
  KjKneeDiagram   *diagram;
  KjWrapBox       *places_box;
  GtkWidget       *no_places_label;
};

G_DEFINE_FINAL_TYPE (KjDayPlaces, kj_day_places, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh_places (KjDayPlaces *self);

static void
remove_location (KjDayPlaces *self,
                 const char  *side,
                 const char  *region)
{
  for (guint i = 0; i < self->locations->len; i++)
    {
      KjLocation *loc = &g_array_index (self->locations, KjLocation, i);

      if (g_str_equal (loc->side, side) && g_str_equal (loc->region, region))
        {
          g_array_remove_index (self->locations, i);
          break;
        }
    }
}

static void
remove_place_clicked (GtkButton   *button,
                      KjDayPlaces *self)
{
  const char *side = g_object_get_data (G_OBJECT (button), "side");
  const char *region = g_object_get_data (G_OBJECT (button), "region");
  KjSide s = g_str_equal (side, "left") ? KJ_SIDE_LEFT : KJ_SIDE_RIGHT;
  int r = kj_region_from_code (region);

  kj_knee_diagram_set_selected (self->diagram, s, kj_knee_diagram_get_selected (self->diagram, s) & ~(1u << r));
  remove_location (self, side, region);

  /* the button is gone after this: move focus to the drawing */
  gtk_widget_grab_focus (kj_knee_diagram_get_hotspot (self->diagram, r));
  g_signal_emit (self, signals[CHANGED], 0);
  refresh_places (self);
}

static void
refresh_places (KjDayPlaces *self)
{
  kj_wrap_box_remove_all (self->places_box);

  for (guint i = 0; i < self->locations->len; i++)
    {
      const KjLocation *loc = &g_array_index (self->locations, KjLocation, i);
      GtkWidget *button;
      g_autofree char *text = NULL;
      g_autofree char *remove = NULL;

      /* Translators: a marked place, “Right · Kneecap” */
      text = g_strdup_printf (_("%s · %s"), kj_code_label (KJ_CODE_SIDE, loc->side),
                              kj_code_label (KJ_CODE_REGION, loc->region));
      /* Translators: “Remove Right · Kneecap” */
      remove = g_strdup_printf (_("Remove %s"), text);

      button = kj_chip_new (GTK_TYPE_BUTTON, NULL, text, "window-close-symbolic");
      kj_gtk_set_tooltip_text (button, remove);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
      g_object_set_data (G_OBJECT (button), "side", (gpointer) loc->side);
      g_object_set_data (G_OBJECT (button), "region", (gpointer) loc->region);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_place_clicked), self);
      kj_wrap_box_append (self->places_box, button);
    }

  gtk_widget_set_visible (self->no_places_label, self->locations->len == 0);
}

static void
diagram_region_toggled (KjKneeDiagram *diagram,
                        const char    *side,
                        const char    *region,
                        gboolean       active,
                        KjDayPlaces   *self)
{
  KjLocation loc = { kj_code_lookup (KJ_CODE_SIDE, side), kj_code_lookup (KJ_CODE_REGION, region) };
  gboolean marked = FALSE;

  for (guint i = 0; i < self->locations->len; i++)
    {
      const KjLocation *l = &g_array_index (self->locations, KjLocation, i);

      marked |= g_str_equal (l->side, side) && g_str_equal (l->region, region);
    }

  if (active && !marked && loc.side != NULL && loc.region != NULL)
    g_array_append_val (self->locations, loc);
  else if (!active)
    remove_location (self, side, region);

  refresh_places (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
view_toggled (KjDayPlaces *self)
{
  kj_knee_diagram_set_view (self->diagram, gtk_toggle_button_get_active (self->back_button) ? KJ_VIEW_BACK
                                                                                            : KJ_VIEW_FRONT);
  kj_knee_diagram_set_side (self->diagram, gtk_toggle_button_get_active (self->left_button) ? KJ_SIDE_LEFT
                                                                                            : KJ_SIDE_RIGHT);
}

/* GObject */

static void
kj_day_places_dispose (GObject *object)
{
  KjDayPlaces *self = KJ_DAY_PLACES (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KJ_TYPE_DAY_PLACES);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kj_day_places_parent_class)->dispose (object);
}

static void
kj_day_places_finalize (GObject *object)
{
  KjDayPlaces *self = KJ_DAY_PLACES (object);

  g_clear_pointer (&self->locations, g_array_unref);

  G_OBJECT_CLASS (kj_day_places_parent_class)->finalize (object);
}

static void
kj_day_places_class_init (KjDayPlacesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kj_day_places_dispose;
  object_class->finalize = kj_day_places_finalize;

  /**
   * KjDayPlaces::changed:
   *
   * The user marked a place or removed one; kj_day_places_get_locations()
   * has them.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  g_type_ensure (KJ_TYPE_KNEE_DIAGRAM);
  g_type_ensure (KJ_TYPE_WRAP_BOX);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kj-day-places.ui");
  gtk_widget_class_bind_template_child (widget_class, KjDayPlaces, left_button);
  gtk_widget_class_bind_template_child (widget_class, KjDayPlaces, right_button);
  gtk_widget_class_bind_template_child (widget_class, KjDayPlaces, front_button);
  gtk_widget_class_bind_template_child (widget_class, KjDayPlaces, back_button);
  gtk_widget_class_bind_template_child (widget_class, KjDayPlaces, diagram);
  gtk_widget_class_bind_template_child (widget_class, KjDayPlaces, places_box);
  gtk_widget_class_bind_template_child (widget_class, KjDayPlaces, no_places_label);
  gtk_widget_class_bind_template_callback (widget_class, diagram_region_toggled);
}

static void
kj_day_places_init (KjDayPlaces *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->locations = g_array_new (FALSE, FALSE, sizeof (KjLocation));
  g_signal_connect_swapped (self->back_button, "toggled", G_CALLBACK (view_toggled), self);
  g_signal_connect_swapped (self->left_button, "toggled", G_CALLBACK (view_toggled), self);
  gtk_toggle_button_set_active (self->right_button, TRUE);
}

/* Public API */

/* The places marked, in the order they were marked. */
const GArray *
kj_day_places_get_locations (KjDayPlaces *self)
{
  g_return_val_if_fail (KJ_IS_DAY_PLACES (self), NULL);

  return self->locations;
}

/* Shows @locations (KjLocation; NULL for none) on the drawing and as buttons. */
void
kj_day_places_set_locations (KjDayPlaces  *self,
                             const GArray *locations)
{
  guint32 selected[2] = { 0, 0 };

  g_return_if_fail (KJ_IS_DAY_PLACES (self));

  g_array_set_size (self->locations, 0);
  if (locations != NULL)
    g_array_append_vals (self->locations, locations->data, locations->len);

  for (guint i = 0; i < self->locations->len; i++)
    {
      const KjLocation *loc = &g_array_index (self->locations, KjLocation, i);

      selected[g_str_equal (loc->side, "left") ? KJ_SIDE_LEFT : KJ_SIDE_RIGHT] |= 1u << kj_region_from_code (loc->region);
    }
  kj_knee_diagram_set_selected (self->diagram, KJ_SIDE_LEFT, selected[KJ_SIDE_LEFT]);
  kj_knee_diagram_set_selected (self->diagram, KJ_SIDE_RIGHT, selected[KJ_SIDE_RIGHT]);

  refresh_places (self);
}

/* Turns the drawing to the @side knee (the affected one, from the profile). */
void
kj_day_places_set_side (KjDayPlaces *self,
                        KjSide       side)
{
  g_return_if_fail (KJ_IS_DAY_PLACES (self));

  gtk_toggle_button_set_active (side == KJ_SIDE_LEFT ? self->left_button : self->right_button, TRUE);
}

KjKneeDiagram *
kj_day_places_get_diagram (KjDayPlaces *self)
{
  g_return_val_if_fail (KJ_IS_DAY_PLACES (self), NULL);

  return self->diagram;
}
