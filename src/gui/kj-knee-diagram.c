/* kj-knee-diagram.c — the clickable, keyboard-driven knee diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drawing comes from kj_knee_render() and the hit test from
 * kj_region_at(), both in the core. Every region also has an invisible
 * toggle button over it ("hotspot"): it takes keyboard focus, toggles with
 * Space or Enter, and carries the region's accessible name (side, view and
 * place) and pressed state, so that screen readers and the keyboard reach
 * every region. The drawing is one Tab stop: Tab enters at one place, the
 * arrow keys move between places (a roving focus). The pointer goes to the
 * diagram itself, which hit-tests the real shapes.
 */
#define G_LOG_DOMAIN "knee-journal-knee-diagram"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kj-gtk-util.h"
#include "kj-knee-diagram.h"
#include "kj-knee-render.h"
#include "kj-theme.h"
#include "kj-types.h"

struct _KjKneeDiagram
{
  GtkWidget   parent_instance;

  KjView      view;
  KjSide      side;
  guint32     selected[2];
  int         hover;
  int         focus;
  int         roving;    /* the place Tab comes back to */
  gboolean    syncing;

  GtkWidget  *hotspots[KJ_N_REGIONS];
};

G_DEFINE_FINAL_TYPE (KjKneeDiagram, kj_knee_diagram, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_SIDE,
  N_PROPS
};

enum {
  REGION_TOGGLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The region's name for the tooltip and for screen readers: which knee,
 * which view, which place; its toggle button adds whether it is marked. */
static char *
region_name (int    region,
             KjSide side)
{
  const KjRegionInfo *info = kj_region_get (region);
  const char *label = kj_code_label (KJ_CODE_REGION, info->code);
  gboolean front = info->view == KJ_VIEW_FRONT;

  /* Translators: “Left knee, front: Kneecap”, “Right knee, back: Hollow of the knee” */
  if (side == KJ_SIDE_LEFT)
    return front ? g_strdup_printf (_("Left knee, front: %s"), label) : g_strdup_printf (_("Left knee, back: %s"), label);

  return front ? g_strdup_printf (_("Right knee, front: %s"), label) : g_strdup_printf (_("Right knee, back: %s"), label);
}

/* Where Tab enters the drawing: the place focused last, else the first
 * marked one, else the first one of the view shown */
static int
entry_region (KjKneeDiagram *self)
{
  int first = KJ_REGION_NONE;

  if (self->roving != KJ_REGION_NONE && kj_region_get (self->roving)->view == self->view)
    return self->roving;

  for (int i = 0; i < KJ_N_REGIONS; i++)
    {
      if (kj_region_get (i)->view != self->view)
        continue;
      if (self->selected[self->side] & (1u << i))
        return i;
      if (first == KJ_REGION_NONE)
        first = i;
    }

  return first;
}

/* The hotspots' names and tooltips, which follow the side shown */
static void
name_hotspots (KjKneeDiagram *self)
{
  for (int i = 0; i < KJ_N_REGIONS; i++)
    {
      g_autofree char *name = region_name (i, self->side);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->hotspots[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      kj_gtk_set_tooltip_text (self->hotspots[i], name);
    }
}

static void
sync_hotspots (KjKneeDiagram *self)
{
  self->syncing = TRUE;

  for (int i = 0; i < KJ_N_REGIONS; i++)
    {
      gboolean active = (self->selected[self->side] & (1u << i)) != 0;

      gtk_widget_set_visible (self->hotspots[i], kj_region_get (i)->view == self->view);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->hotspots[i]), active);
    }

  self->syncing = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_region (KjKneeDiagram *self,
            int            region,
            gboolean       active)
{
  guint32 bit = 1u << region;
  guint32 before = self->selected[self->side];

  if (active)
    self->selected[self->side] |= bit;
  else
    self->selected[self->side] &= ~bit;

  if (before == self->selected[self->side])
    return;

  sync_hotspots (self);
  g_signal_emit (self, signals[REGION_TOGGLED], 0,
                 kj_region_side_code (self->side), kj_region_get (region)->code, active);
}

static void
hotspot_toggled (GtkToggleButton *button,
                 KjKneeDiagram   *self)
{
  int region = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "region"));

  if (!self->syncing)
    set_region (self, region, gtk_toggle_button_get_active (button));
}

static void
hotspot_focus_changed (GtkWidget     *hotspot,
                       GParamSpec    *pspec,
                       KjKneeDiagram *self)
{
  int region = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (hotspot), "region"));

  if (gtk_widget_has_focus (hotspot))
    self->focus = self->roving = region;
  else if (self->focus == region)
    self->focus = KJ_REGION_NONE;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static int
region_at (KjKneeDiagram *self,
           double         px,
           double         py)
{
  double x, y;

  if (!kj_knee_to_normalized (gtk_widget_get_width (GTK_WIDGET (self)),
                              gtk_widget_get_height (GTK_WIDGET (self)), px, py, &x, &y))
    return KJ_REGION_NONE;

  return kj_region_at (self->view, self->side, x, y);
}

static void
click_released (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                KjKneeDiagram   *self)
{
  int region = region_at (self, x, y);

  if (region == KJ_REGION_NONE)
    return;

  kj_knee_diagram_toggle (self, region);
  gtk_widget_grab_focus (self->hotspots[region]);
}

static void
motion (GtkEventControllerMotion *controller,
        double                    x,
        double                    y,
        KjKneeDiagram            *self)
{
  int region = region_at (self, x, y);

  if (region != self->hover)
    {
      self->hover = region;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), region != KJ_REGION_NONE ? "pointer" : NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
motion_leave (GtkEventControllerMotion *controller,
              KjKneeDiagram            *self)
{
  self->hover = KJ_REGION_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
query_tooltip (GtkWidget  *widget,
               int         x,
               int         y,
               gboolean    keyboard,
               GtkTooltip *tooltip,
               gpointer    user_data)
{
  KjKneeDiagram *self = KJ_KNEE_DIAGRAM (widget);
  int region = keyboard ? self->focus : region_at (self, x, y);
  g_autofree char *name = NULL;

  if (region == KJ_REGION_NONE)
    return FALSE;

  name = region_name (region, self->side);
  gtk_tooltip_set_text (tooltip, name);
  return TRUE;
}

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             KjKneeDiagram         *self)
{
  int dx = 0, dy = 0, next;

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: dx = -1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: dx = 1; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: dy = -1; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: dy = 1; break;
    default:
      return FALSE;
    }

  if (self->focus == KJ_REGION_NONE)
    return FALSE;

  next = kj_region_neighbour (self->focus, self->side, dx, dy);
  gtk_widget_grab_focus (self->hotspots[next]);

  return TRUE;
}

/* One Tab stop with a roving focus: Tab enters at entry_region(), the arrow
 * keys move between the places (key_pressed()), and the next Tab leaves. */
static gboolean
kj_knee_diagram_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  KjKneeDiagram *self = KJ_KNEE_DIAGRAM (widget);
  int region;

  if (gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;

  region = entry_region (self);

  return region != KJ_REGION_NONE && gtk_widget_grab_focus (self->hotspots[region]);
}

static void
kj_knee_diagram_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  KjKneeDiagram *self = KJ_KNEE_DIAGRAM (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  KjKneeModel model;
  KjKneeStyle style;
  cairo_t *cr;

  kj_knee_model_init (&model, self->view, self->side);
  model.selected = self->selected[self->side];
  model.hover = self->hover;
  model.focus = self->focus;
  kj_theme_knee_style (GTK_WIDGET (self), &style);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  kj_knee_render (cr, &model, width, height, &style);
  cairo_destroy (cr);
}

static void
kj_knee_diagram_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  KjKneeDiagram *self = KJ_KNEE_DIAGRAM (widget);

  for (int i = 0; i < KJ_N_REGIONS; i++)
    gtk_widget_measure (self->hotspots[i], orientation, -1, NULL, NULL, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 180;
      *natural = 300;
    }
  else
    {
      *minimum = 240;
      *natural = 400;
    }
}

static void
kj_knee_diagram_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  KjKneeDiagram *self = KJ_KNEE_DIAGRAM (widget);
  double cx, cy, cw, ch;

  kj_knee_canvas (width, height, &cx, &cy, &cw, &ch);

  for (int i = 0; i < KJ_N_REGIONS; i++)
    {
      const KjRegionInfo *r = kj_region_get (i);
      double x, y;
      GtkAllocation box;

      kj_region_center (i, self->side, &x, &y);
      box.width = MAX (1, (int) (2 * r->ru * cw));
      box.height = MAX (1, (int) (2 * r->rv * ch));
      box.x = (int) (cx + x * cw) - box.width / 2;
      box.y = (int) (cy + y * ch) - box.height / 2;
      gtk_widget_size_allocate (self->hotspots[i], &box, -1);
    }
}

static void
kj_knee_diagram_dispose (GObject *object)
{
  KjKneeDiagram *self = KJ_KNEE_DIAGRAM (object);

  for (int i = 0; i < KJ_N_REGIONS; i++)
    g_clear_pointer (&self->hotspots[i], gtk_widget_unparent);

  G_OBJECT_CLASS (kj_knee_diagram_parent_class)->dispose (object);
}

static void
kj_knee_diagram_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KjKneeDiagram *self = KJ_KNEE_DIAGRAM (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_int (value, self->view);
      break;
    case PROP_SIDE:
      g_value_set_int (value, self->side);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kj_knee_diagram_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KjKneeDiagram *self = KJ_KNEE_DIAGRAM (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      kj_knee_diagram_set_view (self, g_value_get_int (value));
      break;
    case PROP_SIDE:
      kj_knee_diagram_set_side (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kj_knee_diagram_class_init (KjKneeDiagramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kj_knee_diagram_dispose;
  object_class->get_property = kj_knee_diagram_get_property;
  object_class->set_property = kj_knee_diagram_set_property;

  widget_class->focus = kj_knee_diagram_focus;
  widget_class->snapshot = kj_knee_diagram_snapshot;
  widget_class->measure = kj_knee_diagram_measure;
  widget_class->size_allocate = kj_knee_diagram_size_allocate;

  properties[PROP_VIEW] = g_param_spec_int ("view", NULL, NULL, KJ_VIEW_FRONT, KJ_VIEW_BACK, KJ_VIEW_FRONT,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDE] = g_param_spec_int ("side", NULL, NULL, KJ_SIDE_LEFT, KJ_SIDE_RIGHT, KJ_SIDE_RIGHT,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KjKneeDiagram::region-toggled:
   * @side: "left" or "right"
   * @region: the region's code
   * @active: whether it is now marked
   */
  signals[REGION_TOGGLED] = g_signal_new ("region-toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                          G_TYPE_STRING, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_css_name (widget_class, "kneediagram");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kj_knee_diagram_init (KjKneeDiagram *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion_controller = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->view = KJ_VIEW_FRONT;
  self->side = KJ_SIDE_RIGHT;
  self->hover = KJ_REGION_NONE;
  self->focus = KJ_REGION_NONE;
  self->roving = KJ_REGION_NONE;

  for (int i = 0; i < KJ_N_REGIONS; i++)
    {
      GtkWidget *hotspot = gtk_toggle_button_new ();

      g_object_set_data (G_OBJECT (hotspot), "region", GINT_TO_POINTER (i));
      gtk_widget_add_css_class (hotspot, "kj-hotspot");
      gtk_widget_set_can_target (hotspot, FALSE);
      gtk_widget_set_focus_on_click (hotspot, FALSE);
      gtk_widget_set_parent (hotspot, GTK_WIDGET (self));
      g_signal_connect (hotspot, "toggled", G_CALLBACK (hotspot_toggled), self);
      g_signal_connect (hotspot, "notify::has-focus", G_CALLBACK (hotspot_focus_changed), self);
      self->hotspots[i] = hotspot;
    }

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (motion_controller, "motion", G_CALLBACK (motion), self);
  g_signal_connect (motion_controller, "leave", G_CALLBACK (motion_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion_controller);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Where it hurts"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Choose a place to mark it; arrow keys move between places, Space marks or clears"),
                                  -1);

  name_hotspots (self);
  sync_hotspots (self);
}

GtkWidget *
kj_knee_diagram_new (void)
{
  return g_object_new (KJ_TYPE_KNEE_DIAGRAM, NULL);
}

KjView
kj_knee_diagram_get_view (KjKneeDiagram *self)
{
  g_return_val_if_fail (KJ_IS_KNEE_DIAGRAM (self), KJ_VIEW_FRONT);

  return self->view;
}

void
kj_knee_diagram_set_view (KjKneeDiagram *self,
                          KjView         view)
{
  g_return_if_fail (KJ_IS_KNEE_DIAGRAM (self));

  if (self->view == view)
    return;

  self->view = view;
  self->hover = KJ_REGION_NONE;
  sync_hotspots (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

KjSide
kj_knee_diagram_get_side (KjKneeDiagram *self)
{
  g_return_val_if_fail (KJ_IS_KNEE_DIAGRAM (self), KJ_SIDE_RIGHT);

  return self->side;
}

void
kj_knee_diagram_set_side (KjKneeDiagram *self,
                          KjSide         side)
{
  g_return_if_fail (KJ_IS_KNEE_DIAGRAM (self));

  if (self->side == side)
    return;

  self->side = side;
  self->hover = KJ_REGION_NONE;
  name_hotspots (self);
  sync_hotspots (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE]);
}

/* The regions marked on @side, bit n for region n. */
guint32
kj_knee_diagram_get_selected (KjKneeDiagram *self,
                              KjSide         side)
{
  g_return_val_if_fail (KJ_IS_KNEE_DIAGRAM (self), 0);

  return self->selected[side];
}

/* Sets the marks without emitting ::region-toggled (for loading a day). */
void
kj_knee_diagram_set_selected (KjKneeDiagram *self,
                              KjSide         side,
                              guint32        selected)
{
  g_return_if_fail (KJ_IS_KNEE_DIAGRAM (self));

  self->selected[side] = selected;
  sync_hotspots (self);
}

/* Toggles @region on the shown side, as a click or Space would. */
void
kj_knee_diagram_toggle (KjKneeDiagram *self,
                        int            region)
{
  g_return_if_fail (KJ_IS_KNEE_DIAGRAM (self));
  g_return_if_fail (region >= 0 && region < KJ_N_REGIONS);

  if (kj_region_get (region)->view != self->view)
    return;

  set_region (self, region, (self->selected[self->side] & (1u << region)) == 0);
}

GtkWidget *
kj_knee_diagram_get_hotspot (KjKneeDiagram *self,
                             int            region)
{
  g_return_val_if_fail (KJ_IS_KNEE_DIAGRAM (self), NULL);
  g_return_val_if_fail (region >= 0 && region < KJ_N_REGIONS, NULL);

  return self->hotspots[region];
}

int
kj_knee_diagram_get_focus_region (KjKneeDiagram *self)
{
  g_return_val_if_fail (KJ_IS_KNEE_DIAGRAM (self), KJ_REGION_NONE);

  return self->focus;
}

/* Where @region's centre is in the widget, in pixels; FALSE when it is not in the shown view. */
gboolean
kj_knee_diagram_region_at_point (KjKneeDiagram *self,
                                 int            region,
                                 double        *x,
                                 double        *y)
{
  double cx, cy, cw, ch, rx, ry;

  g_return_val_if_fail (KJ_IS_KNEE_DIAGRAM (self), FALSE);

  if (kj_region_get (region)->view != self->view)
    return FALSE;

  kj_knee_canvas (gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)),
                  &cx, &cy, &cw, &ch);
  kj_region_center (region, self->side, &rx, &ry);
  *x = cx + rx * cw;
  *y = cy + ry * ch;

  return TRUE;
}
