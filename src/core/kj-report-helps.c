/* kj-report-helps.c — the report's “What seems to help” section: the associations and the adherence chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * doc/report.md, doc/associations.md: over the report's period, one paragraph
 * a factor (its label and change, then its sentence), or why there is none
 * yet; then the exercise adherence chart in black, grey and white. Left out
 * for a period of less than 4 weeks with nothing to compare.
 */
#define G_LOG_DOMAIN "knee-journal-report"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-adherence-render.h"
#include "kj-associations.h"
#include "kj-report-private.h"

void
_kj_report_write_associations (KjPdfWriter  *w,
                               KjReportData *r)
{
  g_autoptr(GArray) associations = NULL;
  g_autoptr(GArray) weeks = NULL;

  if (r->days->len == 0)
    return;

  associations = kj_associations_compute (r->journal->days, r->journal->treatments, r->journal->runs, r->from, r->to);
  weeks = kj_adherence_weeks (r->journal->days, r->journal->treatments, r->from, r->to);
  /* a short period with nothing to compare keeps the report short */
  if (associations->len == 0 && weeks->len < 4)
    return;

  kj_pdf_writer_heading (w, _("What seems to help"));
  kj_pdf_writer_paragraph (w, KJ_PDF_FONT_SMALL,
                           _("The pain of the day after days with each treatment, kind of run or thing that made it "
                             "worse, against the day after days without it, in the period, with its 95 per cent "
                             "bootstrap interval; shown with at least 8 days on each side. It shows what went "
                             "together, not what caused what."), 0, 4);

  if (associations->len == 0)
    kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BODY, kj_associations_why_none (), 0, 8);

  for (guint i = 0; i < associations->len; i++)
    {
      const KjAssociation *a = &g_array_index (associations, KjAssociation, i);
      g_autofree char *label = kj_association_label (a, r->units);
      g_autofree char *change = kj_association_change (a);
      g_autofree char *title = g_strdup_printf ("%s: %s", label, change);
      g_autofree char *sentence = kj_association_sentence (a, r->units);

      kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BODY, title, 0, 1);
      kj_pdf_writer_paragraph (w, KJ_PDF_FONT_SMALL, sentence, 0, 4);
    }
  w->y += 4;

  if (weeks->len > 0)
    {
      /* black, grey and white: it reads the same printed without colour */
      const KjChartStyle style = {
        .foreground = { 0, 0, 0, 1 },
        .background = { 1, 1, 1, 1 },
        .accent = { 0.55, 0.55, 0.55, 1 },
        .warning = { 0, 0, 0, 1 },
        .high_contrast = TRUE,
      };
      const double height = 170;

      kj_pdf_writer_heading (w, _("Exercises and pain, week by week"));
      kj_pdf_writer_ensure_space (w, height);
      cairo_save (w->cr);
      cairo_translate (w->cr, w->x, w->y);
      kj_adherence_render (w->cr, weeks, w->width, height, &style);
      cairo_restore (w->cr);
      w->y += height + 10;
    }
}
