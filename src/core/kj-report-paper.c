/* kj-report-paper.c — the report's paper sizes, without cairo: for the command line's --paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * knee-journal checks --paper before it runs knee-journal-full for the
 * report (doc/architecture.md, “Programs”), so these are in the light part
 * of the core, which links no cairo, Pango or libxml2.
 */
#include "config.h"

#include <langinfo.h>

#include "kj-report.h"

KjPaper
kj_report_default_paper (void)
{
#ifdef _NL_PAPER_WIDTH
  /* glibc: the locale's paper width in millimetres */
  union { char *string; unsigned int word; } width;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  if (width.word == 216)
    return KJ_PAPER_LETTER;
#endif
  return KJ_PAPER_A4;
}

gboolean
kj_report_parse_paper (const char *name,
                       KjPaper    *paper)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = KJ_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = KJ_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

/**
 * kj_report_paper_size:
 * @width: (out): in PDF points
 * @height: (out): in PDF points
 */
void
kj_report_paper_size (KjPaper  paper,
                      double  *width,
                      double  *height)
{
  *width = paper == KJ_PAPER_LETTER ? 612 : 595.2756;
  *height = paper == KJ_PAPER_LETTER ? 792 : 841.8898;
}
