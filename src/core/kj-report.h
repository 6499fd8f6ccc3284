/* kj-report.h — the doctor's report of doc/report.md: a PDF made with cairo and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kj-assessment.h"
#include "kj-types.h"

G_BEGIN_DECLS

typedef enum
{
  KJ_PAPER_A4,
  KJ_PAPER_LETTER,
} KjPaper;

#define KJ_REPORT_ERROR (kj_report_error_quark ())

typedef enum
{
  KJ_REPORT_ERROR_EMPTY_PERIOD,
  KJ_REPORT_ERROR_BAD_PERIOD,
  KJ_REPORT_ERROR_FAILED,
  KJ_REPORT_ERROR_NO_EPISODE,
} KjReportError;

typedef struct
{
  const char *from;           /* NULL: the first record, or the injury date if earlier */
  const char *to;             /* NULL: as_of */
  const char *as_of;          /* NULL: today */
  KjPaper     paper;
  gboolean    include_notes;
  const char *made_on;        /* NULL: today; the date printed on every page */
  const char *episode_id;     /* NULL: the current episode as of as_of (kj_episodes_get_current()) */
} KjReportOptions;

GQuark    kj_report_error_quark   (void);
char     *kj_report_drug_names    (const char             *codes);
const char *kj_report_describe_medication_warning (const KjMedicationWarning *warning,
                                                  char                     **detail);
KjPaper   kj_report_default_paper (void);
const char *kj_report_default_from (const KjProfile     *profile,
                                    const char          *to);
gboolean  kj_report_parse_paper   (const char             *name,
                                   KjPaper                *paper);
void      kj_report_paper_size    (KjPaper                 paper,
                                   double                 *width,
                                   double                 *height);
GBytes   *kj_report_render        (const KjJournal        *journal,
                                   const KjReportOptions  *options,
                                   guint                  *n_pages,
                                   GError                **error);
GPtrArray *kj_report_render_pages (const KjJournal       *journal,
                                   const KjReportOptions *options,
                                   double                 page_width,
                                   double                 page_height,
                                   GError               **error);
gboolean  kj_report_write         (const KjJournal        *journal,
                                   const KjReportOptions  *options,
                                   const char             *path,
                                   const char             *journal_path,
                                   guint                  *n_pages,
                                   GError                **error);

G_END_DECLS
