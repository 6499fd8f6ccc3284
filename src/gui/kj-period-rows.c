/* kj-period-rows.c — the report's period and notes as rows, for Export Report and the print dialog's Report tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both ways to the doctor's report ask the same things in the same words:
 * From (empty: the first record), To, Include Notes; a date that does not
 * exist is refused with the same message.
 */
#define G_LOG_DOMAIN "knee-journal-report"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-period-rows.h"
#include "kj-report.h"
#include "kj-types.h"

static GtkWidget *
date_row (AdwPreferencesGroup *group,
          const char          *title,
          const char          *date,
          gboolean             activates_default)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), activates_default);
  gtk_editable_set_text (GTK_EDITABLE (row), date != NULL ? date : "");
  adw_preferences_group_add (group, row);

  return row;
}

/* Adds From and To to @group, filled with @from and @to (either may be NULL) */
void
kj_period_rows_add_dates (KjPeriodRows        *rows,
                          AdwPreferencesGroup *group,
                          const char          *from,
                          const char          *to,
                          gboolean             activates_default)
{
  rows->from = date_row (group, _("From (YYYY-MM-DD; empty: the first record)"), from, activates_default);
  rows->to = date_row (group, _("To (YYYY-MM-DD)"), to, activates_default);
}

/* Adds Include Notes to @group */
void
kj_period_rows_add_notes (KjPeriodRows        *rows,
                          AdwPreferencesGroup *group,
                          gboolean             include_notes)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Include Notes"));
  rows->notes = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (rows->notes), include_notes);
  gtk_widget_set_valign (rows->notes, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), rows->notes);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), rows->notes);
  adw_preferences_group_add (group, row);
}

static const char *
entry_date (GtkWidget *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text[0] != '\0' ? text : NULL;
}

/* Returns: (nullable): the start typed, NULL when empty */
const char *
kj_period_rows_get_from (const KjPeriodRows *rows)
{
  return entry_date (rows->from);
}

/* Returns: (nullable): the end typed, NULL when empty */
const char *
kj_period_rows_get_to (const KjPeriodRows *rows)
{
  return entry_date (rows->to);
}

gboolean
kj_period_rows_get_notes (const KjPeriodRows *rows)
{
  return rows->notes != NULL && gtk_switch_get_active (GTK_SWITCH (rows->notes));
}

/* Whether both dates, where given, exist; else @error says which does not */
gboolean
kj_period_rows_check (const KjPeriodRows  *rows,
                      GError             **error)
{
  const char *dates[2] = { kj_period_rows_get_from (rows), kj_period_rows_get_to (rows) };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (dates[i] != NULL && !kj_date_is_valid (dates[i]))
      {
        g_set_error (error, KJ_REPORT_ERROR, KJ_REPORT_ERROR_BAD_PERIOD,
                     _("“%s” is not a date. Write dates as year-month-day, for example 2026-03-04."), dates[i]);
        return FALSE;
      }

  return TRUE;
}
