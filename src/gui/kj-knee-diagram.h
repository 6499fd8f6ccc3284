/* kj-knee-diagram.h — the clickable, keyboard-driven knee diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kj-region.h"

G_BEGIN_DECLS

#define KJ_TYPE_KNEE_DIAGRAM (kj_knee_diagram_get_type ())

G_DECLARE_FINAL_TYPE (KjKneeDiagram, kj_knee_diagram, KJ, KNEE_DIAGRAM, GtkWidget)

GtkWidget *kj_knee_diagram_new           (void);
KjView     kj_knee_diagram_get_view      (KjKneeDiagram *self);
void       kj_knee_diagram_set_view      (KjKneeDiagram *self,
                                          KjView         view);
KjSide     kj_knee_diagram_get_side      (KjKneeDiagram *self);
void       kj_knee_diagram_set_side      (KjKneeDiagram *self,
                                          KjSide         side);
guint32    kj_knee_diagram_get_selected  (KjKneeDiagram *self,
                                          KjSide         side);
void       kj_knee_diagram_set_selected  (KjKneeDiagram *self,
                                          KjSide         side,
                                          guint32        selected);
void       kj_knee_diagram_toggle        (KjKneeDiagram *self,
                                          int            region);
GtkWidget *kj_knee_diagram_get_hotspot   (KjKneeDiagram *self,
                                          int            region);
int        kj_knee_diagram_get_focus_region (KjKneeDiagram *self);
gboolean   kj_knee_diagram_region_at_point (KjKneeDiagram *self,
                                          int            region,
                                          double        *x,
                                          double        *y);

G_END_DECLS
