/* kj-report-private.h — what the report's files share: the report's data and its sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kj-report.c lays out page 1 (header, verdict, chart, where it hurt, key
 * numbers) and decides the order of the sections; kj-report-records.c writes
 * the sections of records that follow.
 */
#pragma once

#include "kj-assessment.h"
#include "kj-pdf-writer.h"
#include "kj-types.h"

G_BEGIN_DECLS

/* One report being written: the period, its records and the assessment at its end */
typedef struct
{
  const KjJournal *journal;
  KjEpisode       *episode;      /* the episode reported on (doc/report.md, “Episodes”) */
  GPtrArray       *episodes;     /* the journal's, or the profile's one; borrowed or owned */
  KjAssessment    *assessment;
  KjUnits          units;
  char             from[11];
  char             to[11];
  gboolean         include_notes;
  GPtrArray       *days;         /* in the period; borrowed records */
  GPtrArray       *treatments;
  GPtrArray       *runs;
  char            *footer;       /* "Made on …" and the disclaimer */
} KjReportData;

gboolean _kj_report_in_period                 (const KjReportData *r,
                                               const char         *date);
char    *_kj_report_format_date               (const char         *date);

void     _kj_report_write_red_flags           (KjPdfWriter        *w,
                                               KjReportData       *r);
void     _kj_report_write_medication_warnings (KjPdfWriter        *w,
                                               KjReportData       *r);
void     _kj_report_write_treatments          (KjPdfWriter        *w,
                                               KjReportData       *r);
void     _kj_report_write_runs                (KjPdfWriter        *w,
                                               KjReportData       *r);
void     _kj_report_write_running_and_pain    (KjPdfWriter        *w,
                                               KjReportData       *r);
void     _kj_report_write_shoe_pain           (KjPdfWriter        *w,
                                               KjReportData       *r);
void     _kj_report_write_questionnaires      (KjPdfWriter        *w,
                                               KjReportData       *r);
void     _kj_report_write_daily_log           (KjPdfWriter        *w,
                                               KjReportData       *r);

/* kj-report-helps.c */
void     _kj_report_write_associations        (KjPdfWriter        *w,
                                               KjReportData       *r);

G_END_DECLS
