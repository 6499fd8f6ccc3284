/* kj-report-questionnaires.c — the report's section on the weekly knee questionnaire
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The period's questionnaires (doc/report.md, “Knee questionnaire”): the change since the first of the period
 * against the minimal important change in words, the scores drawn by kj_questionnaire_render() as on Trends,
 * and a table of the scores. Left out of a journal that has never had a questionnaire.
 */
#define G_LOG_DOMAIN "knee-journal-report"

#include "config.h"

#include <glib/gi18n.h>

#include "kj-questionnaire.h"
#include "kj-questionnaire-render.h"
#include "kj-report-private.h"

#define CHART_HEIGHT 130

void
_kj_report_write_questionnaires (KjPdfWriter  *w,
                                 KjReportData *r)
{
  const char *titles[] = { _("Date"), _("Score"), _("Change since the first") };
  const double widths[] = { 0.34, 0.22, 0.44 };
  const KjPdfTable table = { 3, titles, widths };
  const KjChartStyle style = {
    .foreground = { 0, 0, 0, 1 },
    .background = { 1, 1, 1, 1 },
    .accent = { 0.10, 0.35, 0.70, 1 },
    .warning = { 0.6, 0.0, 0.0, 1 },
    .high_contrast = TRUE,
  };
  g_autoptr(GPtrArray) summaries = NULL;
  const KjQuestionnaireSummary *s = NULL;
  g_autofree char *about = NULL;
  g_autofree char *change = NULL;

  if (r->journal->questionnaires == NULL || r->journal->questionnaires->len == 0)
    return;

  summaries = kj_questionnaire_summarize (r->journal->questionnaires, r->from, r->to);
  for (guint i = 0; i < summaries->len && s == NULL; i++)
    if (((KjQuestionnaireSummary *) g_ptr_array_index (summaries, i))->instrument == kj_instrument_default ())
      s = g_ptr_array_index (summaries, i);

  kj_pdf_writer_heading (w, _("Knee questionnaire"));
  /* Translators: %d is the minimal important change in points */
  about = g_strdup_printf (_("The Anterior Knee Pain Scale (Kujala et al. 1993), filled in weekly, scored by the "
                             "original paper: 0–100, higher is better. A change of %d points or more is one that "
                             "matters to patients (Crossley et al. 2004)."), (int) kj_instrument_default ()->mic);
  kj_pdf_writer_paragraph (w, KJ_PDF_FONT_SMALL, about, 0, 4);

  if (s == NULL)
    {
      kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BODY, _("No questionnaire in this period."), 0, 8);
      return;
    }

  change = kj_questionnaire_change_text (s);
  kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BODY, change, 0, 6);

  kj_pdf_writer_ensure_space (w, CHART_HEIGHT);
  cairo_save (w->cr);
  cairo_translate (w->cr, w->x, w->y);
  kj_questionnaire_render (w->cr, s, w->width, CHART_HEIGHT, &style);
  cairo_restore (w->cr);
  w->y += CHART_HEIGHT + 8;

  kj_pdf_writer_table_begin (w, &table);
  for (guint i = 0; i < s->questionnaires->len; i++)
    {
      const KjQuestionnaire *q = g_ptr_array_index (s->questionnaires, i);
      int score = kj_questionnaire_score (q);
      /* Translators: a score out of 100 in the report's table */
      g_autofree char *score_text = g_strdup_printf (_("%d of %d"), score, q->instrument->max_score);
      g_autofree char *delta = i == 0 ? g_strdup (_("first")) : g_strdup_printf ("%+d", score - s->first_score);
      const char *cells[] = { q->date, score_text, delta };

      kj_pdf_writer_table_row (w, &table, cells);
    }
  w->y += 8;
}
