/* kj-report-records.c — the report's record sections: warning signs, treatments, runs, running and pain, the daily log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What comes after page 1 of doc/report.md: each section a heading and a
 * table (or a line that says there is nothing), week by week where the
 * records are many. kj-report.c decides their order; the tables, the page
 * breaks and the footer are kj-pdf-writer.c's.
 */
#define G_LOG_DOMAIN "knee-journal-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kj-format.h"
#include "kj-report-private.h"
#include "kj-report.h"

void
_kj_report_write_red_flags (KjPdfWriter  *w,
                            KjReportData *r)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < r->assessment->red_flags->len; i++)
    {
      const KjRedFlag *f = &g_array_index (r->assessment->red_flags, KjRedFlag, i);

      if (!_kj_report_in_period (r, f->date))
        continue;
      g_string_append_printf (text, "%s%s: %s (%s)", text->len ? "\n" : "", f->date,
                              kj_code_label (KJ_CODE_SYMPTOM, f->symptom),
                              f->urgent ? _("see a doctor now") : _("see a doctor or physiotherapist soon"));
    }

  kj_pdf_writer_heading (w, _("Warning signs"));
  kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BODY, text->len ? text->str : _("None in this period."), 0, 8);
}

/* The medication warnings of the assessment, as Trends shows them, with their dates. */
void
_kj_report_write_medication_warnings (KjPdfWriter  *w,
                                      KjReportData *r)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < r->assessment->medication_warnings->len; i++)
    {
      const KjMedicationWarning *mw = &g_array_index (r->assessment->medication_warnings, KjMedicationWarning, i);
      g_autofree char *detail = NULL;
      const char *title;

      if (!_kj_report_in_period (r, mw->date))
        continue;
      title = kj_report_describe_medication_warning (mw, &detail);
      g_string_append_printf (text, "%s%s: %s: %s", text->len ? "\n" : "", mw->date, title, detail);
    }

  /* under the warning signs, without a heading of its own that could stand alone */
  kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BOLD, _("Medication warnings"), 0, 2);
  kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BODY, text->len ? text->str : _("None in this period."), 0, 8);
}

/* A section that is a table: its heading, then the table's header, or
 * @none when it has no rows. Returns whether the rows follow. */
static gboolean
begin_table_section (KjPdfWriter      *w,
                     const char       *title,
                     const KjPdfTable *table,
                     guint             n_rows,
                     const char       *none)
{
  if (n_rows == 0)
    {
      kj_pdf_writer_heading (w, title);
      kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BODY, none, 0, 8);
      return FALSE;
    }

  kj_pdf_writer_heading_for_table (w, title, table);
  kj_pdf_writer_table_begin (w, table);
  return TRUE;
}

void
_kj_report_write_treatments (KjPdfWriter  *w,
                             KjReportData *r)
{
  const char *titles[] = { _("Week of"), _("Ice or heat"), _("Medication"), _("Exercise and stretching"), _("Other") };
  const double widths[] = { 0.15, 0.16, 0.29, 0.16, 0.24 };
  const KjPdfTable table = { 5, titles, widths };
  guint i = 0;

  if (!begin_table_section (w, _("Treatments week by week"), &table, r->treatments->len,
                            _("No treatments in this period.")))
    return;

  while (i < r->treatments->len)
    {
      KjTreatmentTotals totals = { 0 };
      char monday[11];
      g_autofree char *cell_thermal = NULL;
      g_autofree char *cell_exercise = NULL;
      g_autofree char *drugs = NULL;
      g_autofree char *others = NULL;
      const char *cells[5];

      kj_series_week_of (((KjTreatment *) r->treatments->pdata[i])->date, monday);
      for (; i < r->treatments->len; i++)
        {
          const KjTreatment *t = g_ptr_array_index (r->treatments, i);
          char this_week[11];

          kj_series_week_of (t->date, this_week);
          if (!g_str_equal (this_week, monday))
            break;
          kj_treatment_totals_add (&totals, t);
        }

      drugs = kj_treatment_totals_medicine (&totals);
      others = kj_treatment_totals_other (&totals);
      cell_thermal = totals.thermal ? g_strdup_printf (ngettext ("%d time, %d min", "%d times, %d min",
                                                                 totals.thermal),
                                                       totals.thermal, totals.thermal_minutes)
                                    : g_strdup ("–");
      cell_exercise = totals.exercises ? g_strdup_printf ("%d", totals.exercises) : g_strdup ("–");
      cells[0] = monday;
      cells[1] = cell_thermal;
      cells[2] = drugs != NULL ? drugs : "–";
      cells[3] = cell_exercise;
      cells[4] = others != NULL ? others : "–";
      kj_pdf_writer_table_row (w, &table, cells);
    }
  w->y += 8;
}

void
_kj_report_write_runs (KjPdfWriter  *w,
                       KjReportData *r)
{
  const char *titles[] = { _("Week of"), _("Runs"), _("Distance"), _("Downhill"), _("Pain during"), _("Pain after"),
                           _("Week’s mean pain") };
  const double widths[] = { 0.15, 0.08, 0.14, 0.14, 0.16, 0.16, 0.17 };
  const KjPdfTable table = { 7, titles, widths };
  guint i = 0;

  if (!begin_table_section (w, _("Runs week by week"), &table, r->runs->len, _("No runs in this period.")))
    return;

  while (i < r->runs->len)
    {
      char monday[11];
      double km = 0, descent = 0, during = 0, after = 0;
      int n = 0, n_during = 0, n_after = 0;
      g_autofree char *c1 = NULL;
      g_autofree char *c2 = NULL;
      g_autofree char *c3 = NULL;
      g_autofree char *c4 = NULL;
      g_autofree char *c5 = NULL;
      g_autofree char *c6 = NULL;
      double week_pain = 0;
      int week_days = 0;
      char sunday[11];
      const char *cells[7];

      kj_series_week_of (((KjRun *) r->runs->pdata[i])->date, monday);
      for (; i < r->runs->len; i++)
        {
          const KjRun *run = g_ptr_array_index (r->runs, i);
          char this_week[11];

          kj_series_week_of (run->date, this_week);

          if (!g_str_equal (this_week, monday))
            break;
          n++;
          km += run->distance_km;
          descent += isnan (run->descent_m) ? 0 : run->descent_m;
          if (run->pain_during != KJ_UNSET)
            during += run->pain_during, n_during++;
          if (run->pain_after != KJ_UNSET)
            after += run->pain_after, n_after++;
        }

      kj_date_add_days (monday, 6, sunday);
      for (guint d = 0; d < r->days->len; d++)
        {
          const KjDay *day = g_ptr_array_index (r->days, d);

          if (strcmp (day->date, monday) >= 0 && strcmp (day->date, sunday) <= 0)
            week_pain += day->pain, week_days++;
        }

      c1 = g_strdup_printf ("%d", n);
      c2 = kj_format_distance (km, r->units);
      c3 = kj_format_descent (descent, r->units);
      c4 = n_during ? g_strdup_printf ("%.1f", during / n_during) : g_strdup ("–");
      c5 = n_after ? g_strdup_printf ("%.1f", after / n_after) : g_strdup ("–");
      c6 = week_days ? g_strdup_printf ("%.1f", week_pain / week_days) : g_strdup ("–");
      cells[0] = monday, cells[1] = c1, cells[2] = c2, cells[3] = c3, cells[4] = c4, cells[5] = c5, cells[6] = c6;
      kj_pdf_writer_table_row (w, &table, cells);
    }
  w->y += 8;
}

static char *
describe_run_pain (const KjRunPain *rp)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (rp->pain_during != KJ_UNSET)
    g_string_append_printf (text, _("during %d"), rp->pain_during);
  if (rp->pain_after != KJ_UNSET)
    {
      g_string_append (text, text->len ? ", " : "");
      g_string_append_printf (text, _("after %d"), rp->pain_after);
    }
  if (rp->next_day != KJ_UNSET)
    {
      g_string_append (text, text->len ? ", " : "");
      g_string_append_printf (text, _("next day %d"), rp->next_day);
    }
  if (!isnan (rp->usual))
    {
      g_string_append (text, text->len ? ", " : "");
      g_string_append_printf (text, _("usually %.1f"), rp->usual);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A row of the tables of runs and the pain around them */
static void
write_run_pain_row (KjPdfWriter      *w,
                    const KjPdfTable *table,
                    const KjReportData     *r,
                    const KjRunPain  *rp)
{
  g_autofree char *km = kj_format_distance (rp->km, r->units);
  g_autofree char *down = isnan (rp->descent_m) ? g_strdup ("–") : kj_format_descent (rp->descent_m, r->units);
  g_autofree char *pain = describe_run_pain (rp);
  const char *cells[] = { rp->date, km, down, pain, rp->broke_rule ? _("broken") : _("kept") };

  kj_pdf_writer_table_row (w, table, cells);
}

void
_kj_report_write_running_and_pain (KjPdfWriter  *w,
                                   KjReportData *r)
{
  const KjAssessment *a = r->assessment;
  const char *titles[] = { _("Date"), _("Distance"), _("Downhill"), _("Pain"), _("By the rule") };
  const double widths[] = { 0.15, 0.13, 0.13, 0.39, 0.20 };
  const KjPdfTable table = { 5, titles, widths };
  g_autoptr(GArray) runs = kj_series_run_pain (r->days, r->runs, r->from, r->to);
  g_autoptr(GArray) worst = NULL;
  g_autoptr(GString) loads = g_string_new (NULL);
  g_autofree char *comparison = NULL;
  char month_ago[11];

  if (r->runs->len == 0)
    return;

  kj_pdf_writer_heading (w, _("Running and pain"));

  if (!isnan (a->pain_after_run_days))
    comparison = g_strdup_printf (_("Pain on the day after a run: %.1f on average; after a day without a run: %.1f."),
                                  a->pain_after_run_days, a->pain_after_rest_days);
  else
    comparison = g_strdup (_("Too few runs and rest days to compare the pain after them."));
  kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BODY, comparison, 0, 6);

  for (guint i = 0; i < a->load_warnings->len; i++)
    {
      const KjLoadWarning *lw = &g_array_index (a->load_warnings, KjLoadWarning, i);
      g_autofree char *km = NULL;
      g_autofree char *previous = NULL;

      if (!_kj_report_in_period (r, lw->date))
        continue;
      km = kj_format_distance (lw->km, r->units);
      previous = kj_format_distance (lw->previous_km, r->units);
      g_string_append (loads, loads->len ? "\n" : "");
      if (g_str_equal (lw->type, "weekly-increase"))
        /* Translators: “2026-03-14: the week’s 20.0 km were 45 % more than the week before (13.8 km)” */
        g_string_append_printf (loads, _("%s: the week’s %s were %.0f %% more than the week before (%s)"),
                                lw->date, km, 100 * (lw->km / lw->previous_km - 1), previous);
      else
        /* Translators: “2026-03-14: a run of 12.0 km, 20 % longer than …” */
        g_string_append_printf (loads, _("%s: a run of %s, %.0f %% longer than the longest of the 30 days before (%s)"),
                                lw->date, km, 100 * (lw->km / lw->previous_km - 1), previous);
    }
  if (loads->len > 0)
    {
      kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BOLD, _("Running-load warnings"), 0, 2);
      kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BODY, loads->str, 0, 6);
    }

  worst = kj_series_runs_by_next_day_rise (runs);
  for (guint i = 0; i < MIN (worst->len, 5); i++)
    {
      if (i == 0)
        {
          kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BOLD, _("The runs followed by the most pain"), 0, 2);
          kj_pdf_writer_table_begin (w, &table);
        }

      write_run_pain_row (w, &table, r, &g_array_index (worst, KjRunPain, i));
    }
  w->y += 6;

  /* when treatment works: the return to running of the last 4 weeks */
  if (a->verdict != KJ_VERDICT_IMPROVING)
    return;

  kj_date_add_days (r->to, -27, month_ago);
  kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BOLD, _("Return to running, the last 4 weeks"), 0, 2);
  kj_pdf_writer_paragraph (w, KJ_PDF_FONT_SMALL,
                           _("By the pain-monitoring model (Silbernagel et al. 2007), pain during a run should stay at "
                             "or below 5 of 10 and be back to the usual level (the average of the 7 days before) by "
                             "the next day."), 0, 4);
  kj_pdf_writer_table_begin (w, &table);
  for (guint i = 0; i < runs->len; i++)
    {
      const KjRunPain *rp = &g_array_index (runs, KjRunPain, i);

      if (strcmp (rp->date, month_ago) >= 0)
        write_run_pain_row (w, &table, r, rp);
    }
  w->y += 8;
}

/* Pain after runs by shoe over the period: the pairs with enough run days,
 * else why there are none yet; nothing without runs in any pair */
void
_kj_report_write_shoe_pain (KjPdfWriter  *w,
                            KjReportData *r)
{
  g_autoptr(GArray) pairs = NULL;

  if (r->journal->shoes == NULL || r->runs->len == 0)
    return;

  pairs = kj_series_shoe_pain (r->days, r->runs, r->journal->shoes, r->from, r->to);
  if (pairs->len == 0)
    return;

  kj_pdf_writer_heading (w, _("Pain after runs by shoe"));
  kj_pdf_writer_paragraph (w, KJ_PDF_FONT_SMALL,
                           _("The average pain of the day after runs in each pair, against the day after runs in the "
                             "other pairs. It shows what went together, not what caused what."), 0, 4);

  if (!kj_series_shoe_pain_any_enough (pairs))
    {
      g_autofree char *why = kj_shoe_pain_why_not (pairs);

      kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BODY, why, 0, 8);
      return;
    }

  for (guint i = 0; i < pairs->len; i++)
    {
      const KjShoePain *sp = &g_array_index (pairs, KjShoePain, i);
      g_autofree char *title = NULL;
      g_autofree char *detail = NULL;

      if (!sp->enough)
        continue;
      title = kj_shoe_pain_title (sp);
      detail = kj_shoe_pain_detail (sp);
      kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BODY, title, 0, 1);
      kj_pdf_writer_paragraph (w, KJ_PDF_FONT_SMALL, detail, 0, 4);
    }
  w->y += 4;
}

void
_kj_report_write_daily_log (KjPdfWriter  *w,
                            KjReportData *r)
{
  const char *titles[] = { _("Date"), _("Pain"), _("Where"), _("Symptoms"), _("Treatments"), _("Run") };
  const double widths[] = { 0.13, 0.10, 0.25, 0.17, 0.25, 0.10 };
  const KjPdfTable table = { 6, titles, widths };
  guint t = 0, k = 0;

  if (!begin_table_section (w, _("Daily log"), &table, r->days->len, _("No days logged in this period.")))
    return;

  for (guint i = 0; i < r->days->len; i++)
    {
      const KjDay *day = g_ptr_array_index (r->days, i);
      g_autoptr(GString) places = g_string_new (NULL);
      g_autoptr(GString) symptoms = g_string_new (NULL);
      g_autoptr(GString) treatments = g_string_new (NULL);
      g_autofree char *pain = NULL;
      g_autofree char *run = NULL;
      double km = 0;
      const char *cells[6];

      for (guint l = 0; l < day->locations->len; l++)
        {
          const KjLocation *loc = &g_array_index (day->locations, KjLocation, l);

          /* Translators: a marked place in the daily log, “Kneecap (right)” */
          g_string_append_printf (places, "%s", places->len ? ", " : "");
          g_string_append_printf (places, _("%s (%s)"), kj_code_label (KJ_CODE_REGION, loc->region),
                                  g_str_equal (loc->side, "left") ? _("left") : _("right"));
        }
      for (guint s = 0; s < day->symptoms->len; s++)
        g_string_append_printf (symptoms, "%s%s", symptoms->len ? ", " : "",
                                kj_code_label (KJ_CODE_SYMPTOM, day->symptoms->pdata[s]));

      /* treatments and runs are sorted by date too */
      while (t < r->treatments->len && strcmp (((KjTreatment *) r->treatments->pdata[t])->date, day->date) < 0)
        t++;
      for (; t < r->treatments->len && g_str_equal (((KjTreatment *) r->treatments->pdata[t])->date, day->date); t++)
        {
          const KjTreatment *tr = g_ptr_array_index (r->treatments, t);
          const char *what = tr->drug ? kj_code_label (KJ_CODE_DRUG, tr->drug)
                                      : tr->exercise ? kj_code_label (KJ_CODE_EXERCISE, tr->exercise)
                                                     : kj_code_label (KJ_CODE_TREATMENT_KIND, tr->kind);

          g_string_append_printf (treatments, "%s%s", treatments->len ? ", " : "", what);
          if (tr->dose_mg != KJ_UNSET)
            g_string_append_printf (treatments, " %d mg", tr->dose_mg);
          else if (tr->minutes != KJ_UNSET)
            g_string_append_printf (treatments, _(" %d min"), tr->minutes);
          if (tr->time[0] != '\0')
            /* Translators: the time of day a treatment was taken, “Ibuprofen 400 mg at 08:00” */
            g_string_append_printf (treatments, _(" at %s"), tr->time);
        }
      while (k < r->runs->len && strcmp (((KjRun *) r->runs->pdata[k])->date, day->date) < 0)
        k++;
      for (; k < r->runs->len && g_str_equal (((KjRun *) r->runs->pdata[k])->date, day->date); k++)
        km += ((KjRun *) r->runs->pdata[k])->distance_km;

      pain = day->pain_worst != KJ_UNSET ? g_strdup_printf ("%d (%d)", day->pain, day->pain_worst)
                                         : g_strdup_printf ("%d", day->pain);
      run = km > 0 ? kj_format_distance (km, r->units) : g_strdup ("");
      cells[0] = day->date;
      cells[1] = pain;
      cells[2] = places->str;
      cells[3] = symptoms->str;
      cells[4] = treatments->str;
      cells[5] = run;
      /* the note under its row, on the same page */
      kj_pdf_writer_table_row_with_note (w, &table, cells, r->include_notes ? day->notes : NULL);
    }
}
