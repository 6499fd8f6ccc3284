/* kj-wrap-box.c — children in rows that wrap by their own widths, as words in a paragraph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chips of the Today page (symptoms, what made it worse, quick
 * treatments, marked places): each child takes its natural width, up to
 * the box's width, and goes on the current row while it fits, else starts
 * the next one; rows are left-aligned, with even gaps. GTK 4.8's
 * GtkFlowBox lays its children in equal columns instead, with holes, and
 * wraps each in a focusable GtkFlowBoxChild: here a child is itself, under
 * its own accessible name.
 *
 * The box is one Tab stop, as a toolbar is: Tab enters at the child
 * focused last (else the first), the arrow keys move between the children,
 * and the next Tab leaves the box.
 *
 * The minimum width is the widest child's minimum (a chip whose label
 * wraps can be narrower than its text), the natural width all children on
 * one row; the height is asked for a width (height-for-width).
 */
#define G_LOG_DOMAIN "knee-journal-wrap-box"

#include "config.h"

#include "kj-wrap-box.h"

struct _KjWrapBox
{
  GtkWidget  parent_instance;

  int        column_spacing;
  int        row_spacing;
  GtkWidget *last_focus;    /* weak */
};

G_DEFINE_FINAL_TYPE (KjWrapBox, kj_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLUMN_SPACING,
  PROP_ROW_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Called for each child placed by lay_out(), with its box */
typedef void (*KjPlaceFunc) (GtkWidget           *child,
                             const GtkAllocation *box,
                             gpointer             data);

/* The width a child gets on rows @width wide */
static int
child_width (GtkWidget *child,
             int        width)
{
  int minimum, natural;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);

  return MAX (minimum, MIN (natural, width));
}

/* Lays the visible children out in rows @width wide; calls @place for each
 * (when not NULL) with rows of the children's natural (or, with
 * @use_minimum, minimum) heights. Returns the height of all rows. */
static int
lay_out (KjWrapBox   *self,
         int          width,
         gboolean     use_minimum,
         KjPlaceFunc  place,
         gpointer     data)
{
  GtkWidget *row_start = gtk_widget_get_first_child (GTK_WIDGET (self));
  int y = 0;
  gboolean first_row = TRUE;

  while (row_start != NULL)
    {
      GtkWidget *row_end = row_start;
      int x = 0, row_height = 0;

      /* which children fit on this row, and its height */
      for (GtkWidget *child = row_start; child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int w, minimum, natural;

          row_end = gtk_widget_get_next_sibling (child);
          if (!gtk_widget_get_visible (child))
            continue;

          w = child_width (child, width);
          if (x > 0 && x + self->column_spacing + w > width)
            {
              row_end = child;
              break;
            }
          x += (x > 0 ? self->column_spacing : 0) + w;
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, &minimum, &natural, NULL, NULL);
          row_height = MAX (row_height, use_minimum ? minimum : natural);
        }

      if (x == 0)
        break;    /* nothing visible left */

      if (!first_row)
        y += self->row_spacing;
      first_row = FALSE;

      x = 0;
      for (GtkWidget *child = row_start; child != row_end; child = gtk_widget_get_next_sibling (child))
        {
          GtkAllocation box;

          if (!gtk_widget_get_visible (child))
            continue;

          box.width = child_width (child, width);
          box.x = x == 0 ? 0 : x + self->column_spacing;
          box.y = y;
          box.height = row_height;
          x = box.x + box.width;
          if (place != NULL)
            place (child, &box, data);
        }

      y += row_height;
      row_start = row_end;
    }

  return y;
}

static void
allocate_child (GtkWidget           *child,
                const GtkAllocation *box,
                gpointer             data)
{
  gboolean rtl = GPOINTER_TO_INT (data) >= 0;
  GtkAllocation here = *box;

  /* right to left: rows start at the right edge (data holds the box's width) */
  if (rtl)
    here.x = GPOINTER_TO_INT (data) - box->x - box->width;

  gtk_widget_size_allocate (child, &here, -1);
}

/* GtkWidget */

static gboolean
kj_wrap_box_focus (GtkWidget        *widget,
                   GtkDirectionType  direction)
{
  KjWrapBox *self = KJ_WRAP_BOX (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  GtkWidget *entry = self->last_focus;

  /* the arrow keys: to the next child that way, as GTK does */
  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (kj_wrap_box_parent_class)->focus (widget, direction);

  /* Tab leaves */
  if (focus_child != NULL)
    {
      g_set_weak_pointer (&self->last_focus, focus_child);
      return FALSE;
    }

  if (entry != NULL && gtk_widget_get_parent (entry) == widget && gtk_widget_child_focus (entry, direction))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_child_focus (child, direction))
      return TRUE;

  return FALSE;
}

static GtkSizeRequestMode
kj_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kj_wrap_box_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  KjWrapBox *self = KJ_WRAP_BOX (widget);
  int min_width = 0, nat_width = 0;
  guint n_visible = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_get_visible (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
      min_width = MAX (min_width, child_min);
      nat_width += child_nat;
      n_visible++;
    }
  if (n_visible > 1)
    nat_width += (n_visible - 1) * self->column_spacing;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = min_width;
      *natural = nat_width;
    }
  else if (for_size < 0)
    {
      /* without a width: as tall as at the narrowest, as short as on one row */
      *minimum = lay_out (self, min_width, TRUE, NULL, NULL);
      *natural = lay_out (self, nat_width, FALSE, NULL, NULL);
      *natural = MAX (*natural, *minimum);
    }
  else
    {
      *minimum = lay_out (self, MAX (for_size, min_width), TRUE, NULL, NULL);
      *natural = lay_out (self, MAX (for_size, min_width), FALSE, NULL, NULL);
    }
}

static void
kj_wrap_box_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  KjWrapBox *self = KJ_WRAP_BOX (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  gboolean use_minimum = lay_out (self, width, FALSE, NULL, NULL) > height;

  lay_out (self, width, use_minimum, allocate_child, GINT_TO_POINTER (rtl ? width : -1));
}

/* GObject */

static void
kj_wrap_box_dispose (GObject *object)
{
  KjWrapBox *self = KJ_WRAP_BOX (object);
  GtkWidget *child;

  g_clear_weak_pointer (&self->last_focus);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kj_wrap_box_parent_class)->dispose (object);
}

static void
kj_wrap_box_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KjWrapBox *self = KJ_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_COLUMN_SPACING:
      g_value_set_int (value, self->column_spacing);
      break;
    case PROP_ROW_SPACING:
      g_value_set_int (value, self->row_spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kj_wrap_box_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KjWrapBox *self = KJ_WRAP_BOX (object);
  int *spacing = prop_id == PROP_COLUMN_SPACING ? &self->column_spacing : &self->row_spacing;

  switch (prop_id)
    {
    case PROP_COLUMN_SPACING:
    case PROP_ROW_SPACING:
      if (*spacing != g_value_get_int (value))
        {
          *spacing = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kj_wrap_box_class_init (KjWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kj_wrap_box_dispose;
  object_class->get_property = kj_wrap_box_get_property;
  object_class->set_property = kj_wrap_box_set_property;

  widget_class->focus = kj_wrap_box_focus;
  widget_class->get_request_mode = kj_wrap_box_get_request_mode;
  widget_class->measure = kj_wrap_box_measure;
  widget_class->size_allocate = kj_wrap_box_size_allocate;

  /**
   * KjWrapBox:column-spacing:
   *
   * The gap between two children on a row, in pixels.
   */
  properties[PROP_COLUMN_SPACING] = g_param_spec_int ("column-spacing", NULL, NULL, 0, G_MAXINT16, 6,
                                                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                      | G_PARAM_STATIC_STRINGS);
  /**
   * KjWrapBox:row-spacing:
   *
   * The gap between two rows, in pixels.
   */
  properties[PROP_ROW_SPACING] = g_param_spec_int ("row-spacing", NULL, NULL, 0, G_MAXINT16, 6,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                   | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "wrapbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kj_wrap_box_init (KjWrapBox *self)
{
  self->column_spacing = 6;
  self->row_spacing = 6;
}

/* Public API */

GtkWidget *
kj_wrap_box_new (void)
{
  return g_object_new (KJ_TYPE_WRAP_BOX, NULL);
}

void
kj_wrap_box_append (KjWrapBox *self,
                    GtkWidget *child)
{
  g_return_if_fail (KJ_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child) && gtk_widget_get_parent (child) == NULL);

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

void
kj_wrap_box_remove (KjWrapBox *self,
                    GtkWidget *child)
{
  g_return_if_fail (KJ_IS_WRAP_BOX (self));
  g_return_if_fail (gtk_widget_get_parent (child) == GTK_WIDGET (self));

  gtk_widget_unparent (child);
}

void
kj_wrap_box_remove_all (KjWrapBox *self)
{
  GtkWidget *child;

  g_return_if_fail (KJ_IS_WRAP_BOX (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}

/* The @index-th child, or NULL */
GtkWidget *
kj_wrap_box_get_child_at_index (KjWrapBox *self,
                                guint      index)
{
  GtkWidget *child;

  g_return_val_if_fail (KJ_IS_WRAP_BOX (self), NULL);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL && index > 0;
       child = gtk_widget_get_next_sibling (child))
    index--;

  return child;
}
