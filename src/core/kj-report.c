/* kj-report.c — the doctor's report of doc/report.md: a PDF made with cairo and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Page 1 stands alone: who, the period, the verdict, the chart, where it
 * hurt, warning signs and key numbers. Then treatments and runs week by
 * week and the daily log. This file says what goes on the pages and in
 * which order; the pages themselves (text that flows line by line onto the
 * next page, so nothing is cut off, tables, the page break and the footer)
 * are kj-pdf-writer.c's. The whole document is laid out twice, the first
 * time only to count the pages for "Page N of M". Colours are dark and
 * few, so that it reads in black and white.
 */
#define G_LOG_DOMAIN "knee-journal-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "kj-assessment.h"
#include "kj-chart-render.h"
#include "kj-file.h"
#include "kj-format.h"
#include "kj-knee-render.h"
#include "kj-pdf-writer.h"
#include "kj-report-private.h"
#include "kj-report.h"

G_DEFINE_QUARK (kj-report-error-quark, kj_report_error)

static const KjRgba ink = { 0.0, 0.0, 0.0, 1.0 };
static const KjRgba paper_white = { 1.0, 1.0, 1.0, 1.0 };
static const KjRgba accent = { 0.15, 0.3, 0.55, 1.0 };

/* Texts shared with Trends */

/* "ibuprofen+naproxen" as the user reads it: “Ibuprofen and Naproxen” */
char *
kj_report_drug_names (const char *codes)
{
  g_auto(GStrv) drugs = g_strsplit (codes != NULL ? codes : "", "+", -1);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_strv_length (drugs);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* Translators: between the last two drugs of a list, “Ibuprofen and Naproxen” */
        g_string_append (text, i + 1 == n ? _(" and ") : ", ");
      g_string_append (text, kj_code_label (KJ_CODE_DRUG, drugs[i]));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * kj_report_describe_medication_warning:
 * @detail: (out): what happened and what the label advises
 *
 * Returns: the warning's title
 */
const char *
kj_report_describe_medication_warning (const KjMedicationWarning  *warning,
                                       char                      **detail)
{
  if (g_str_equal (warning->type, "over-limit"))
    {
      *detail = g_strdup_printf (_("%s %d mg in one day; without a prescription the label allows %d mg"),
                                 kj_code_label (KJ_CODE_DRUG, warning->drug), warning->total_mg,
                                 kj_drug_daily_max_mg (warning->drug));
      return _("More than the daily maximum");
    }

  if (g_str_equal (warning->type, "long-use"))
    {
      *detail = g_strdup_printf (ngettext ("Anti-inflammatory painkillers on %d day in a row; the label advises "
                                           "to ask a doctor after 10 days",
                                           "Anti-inflammatory painkillers on %d days in a row; the label advises "
                                           "to ask a doctor after 10 days", warning->days), warning->days);
      return _("Painkillers for a long time");
    }

  {
    g_autofree char *drugs = kj_report_drug_names (warning->drug);

    *detail = g_strdup_printf (_("%s on one day; the labels advise against combining them"), drugs);
  }
  return _("Two anti-inflammatory painkillers");
}

/* Paper: kj-report-paper.c */

/* Where the period that Export Report… and Print… offer starts: the
 * treatment start, unless it is after @to (the period would not exist);
 * NULL for the first record. */
const char *
kj_report_default_from (const KjProfile *profile,
                        const char      *to)
{
  if (profile == NULL || profile->treatment_start == NULL || strcmp (profile->treatment_start, to) > 0)
    return NULL;

  return profile->treatment_start;
}

/* The content */

gboolean
_kj_report_in_period (const KjReportData *r,
                      const char         *date)
{
  return strcmp (date, r->from) >= 0 && strcmp (date, r->to) <= 0;
}

/* @date as the report writes it; "not known" for none */
char *
_kj_report_format_date (const char *date)
{
  return date != NULL ? kj_format_date (date) : g_strdup (_("not known"));
}

static void
write_header (KjPdfWriter  *w,
              KjReportData *r)
{
  const KjProfile *p = r->journal->profile;
  const KjEpisode *e = r->episode;
  g_autofree char *title = NULL;
  g_autofree char *from = _kj_report_format_date (r->from);
  g_autofree char *to = _kj_report_format_date (r->to);
  g_autofree char *injury = _kj_report_format_date (e->injury_date[0] ? e->injury_date : NULL);
  g_autofree char *start = _kj_report_format_date (e->treatment_start[0] ? e->treatment_start
                                                   : r->assessment->t0[0] ? r->assessment->t0 : NULL);
  g_autofree char *episode_line = kj_episode_dup_line (e);
  g_autofree char *info = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  if (p->name != NULL && p->name[0] != '\0')
    /* Translators: the title of the report, “Knee pain report: Jürgen Weiß” */
    title = g_strdup_printf (_("Knee pain report: %s"), p->name);
  else
    title = g_strdup (_("Knee pain report"));

  layout = kj_pdf_writer_layout (w, KJ_PDF_FONT_TITLE, title, w->width);
  kj_pdf_writer_flow (w, layout, 0);
  w->y += 4;

  kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BOLD, episode_line, 0, 4);

  info = g_strdup_printf (ngettext ("Painful knee: %s · Period: %s to %s · Pain started: %s · Treatment started: %s · "
                                     "Review after %d week",
                                     "Painful knee: %s · Period: %s to %s · Pain started: %s · Treatment started: %s · "
                                     "Review after %d weeks", e->review_weeks),
                          kj_code_label (KJ_CODE_AFFECTED_SIDE, e->side), from, to, injury, start,
                          e->review_weeks);
  kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BODY, info, 0, 10);
}

static const char *
verdict_title (KjVerdict verdict)
{
  switch (verdict)
    {
    case KJ_VERDICT_IMPROVING: return _("Improving");
    case KJ_VERDICT_WORSENING: return _("Getting Worse");
    case KJ_VERDICT_SEE_DOCTOR: return _("See a Doctor");
    case KJ_VERDICT_TOO_EARLY: return _("Too Early to Tell");
    case KJ_VERDICT_NOT_ENOUGH_DATA: return _("Not Enough Data");
    case KJ_VERDICT_NO_CHANGE:
    default: return _("No Clear Change Yet");
    }
}

static void
write_verdict (KjPdfWriter  *w,
               KjReportData *r)
{
  const KjAssessment *a = r->assessment;
  g_autoptr(GString) numbers = g_string_new (NULL);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) sentence = NULL;
  g_autoptr(PangoLayout) figures = NULL;
  g_autoptr(PangoLayout) disclaimer = NULL;
  g_autofree char *as_of = _kj_report_format_date (a->as_of);
  g_autofree char *heading_text = g_strdup_printf (_("Assessment as of %s: %s"), as_of, verdict_title (a->verdict));
  double pad = 8, inner = w->width - 2 * pad, height, top;

  if (!isnan (a->baseline))
    g_string_append_printf (numbers, _("First week of treatment: %.1f"), a->baseline);
  if (!isnan (a->current))
    {
      if (numbers->len > 0)
        g_string_append (numbers, " · ");
      g_string_append_printf (numbers, _("Last 7 days: %.1f"), a->current);
    }
  if (!isnan (a->change))
    {
      g_string_append (numbers, " · ");
      g_string_append_printf (numbers, _("Change: %s%.1f points"), a->change < 0 ? "−" : "+", fabs (a->change));
      /* keep “−3.7 points (−67 %)” on one line */
      if (!isnan (a->change_pct))
        g_string_append_printf (numbers, " (%s%.0f\u00a0%%)", a->change_pct < 0 ? "−" : "+", fabs (a->change_pct));
    }
  if (!isnan (a->slope_per_week))
    {
      g_string_append (numbers, " · ");
      g_string_append_printf (numbers, _("Trend of the last 3 weeks: %s%.1f a week"),
                              a->slope_per_week <= -0.05 ? "−" : a->slope_per_week >= 0.05 ? "+" : "",
                              fabs (a->slope_per_week));
    }

  title = kj_pdf_writer_layout (w, KJ_PDF_FONT_HEADING, heading_text, inner);
  sentence = kj_pdf_writer_layout (w, KJ_PDF_FONT_BODY, a->message, inner);
  figures = kj_pdf_writer_layout (w, KJ_PDF_FONT_BODY, numbers->str, inner);
  disclaimer = kj_pdf_writer_layout (w, KJ_PDF_FONT_SMALL, kj_assessment_disclaimer (), inner);
  height = kj_pdf_layout_height (title) + kj_pdf_layout_height (sentence) + kj_pdf_layout_height (figures) +
           kj_pdf_layout_height (disclaimer) + 2 * pad + 12;

  kj_pdf_writer_ensure_space (w, height);
  top = w->y;

  cairo_set_source_rgb (w->cr, 0.94, 0.94, 0.94);
  cairo_rectangle (w->cr, w->x, top, w->width, height);
  cairo_fill_preserve (w->cr);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
  cairo_set_line_width (w->cr, a->verdict == KJ_VERDICT_SEE_DOCTOR || a->verdict == KJ_VERDICT_WORSENING ? 2 : 0.8);
  cairo_stroke (w->cr);

  w->y = top + pad;
  kj_pdf_writer_flow (w, title, pad);
  w->y += 4;
  kj_pdf_writer_flow (w, sentence, pad);
  w->y += 4;
  kj_pdf_writer_flow (w, figures, pad);
  w->y += 4;
  kj_pdf_writer_flow (w, disclaimer, pad);
  w->y = top + height + 12;
}

static void
write_chart (KjPdfWriter  *w,
             KjReportData *r)
{
  g_autoptr(KjChartData) data = kj_chart_data_new (r->days, r->treatments, r->runs, r->assessment, r->from, r->to);
  const KjChartStyle style = {
    .foreground = ink,
    .background = paper_white,
    .accent = accent,
    .warning = { 0.6, 0.0, 0.0, 1 },
    .high_contrast = TRUE,
  };
  double height;

  data->units = r->units;
  /* a plot as high whatever the number of treatment rows and legend lines under it */
  height = kj_chart_height_for (data, w->width, 120);
  kj_pdf_writer_ensure_space (w, height);
  cairo_save (w->cr);
  cairo_translate (w->cr, w->x, w->y);
  kj_chart_render (w->cr, data, -1, w->width, height, &style);
  cairo_restore (w->cr);
  w->y += height + 10;
}

/* The report's key numbers for the period, one per line */
static char *
key_numbers_text (KjReportData *r)
{
  guint n_kinds, treatment_counts[32] = { 0 };
  const KjCode *kinds = kj_code_list (KJ_CODE_TREATMENT_KIND, &n_kinds);
  g_autoptr(GString) numbers = g_string_new (NULL);
  g_autoptr(GString) by_kind = g_string_new (NULL);
  g_autoptr(GString) medication = g_string_new (NULL);
  guint n_drugs;
  const KjCode *drugs = kj_code_list (KJ_CODE_DRUG, &n_drugs);
  g_autofree char *total = NULL;
  g_autofree char *longest_text = NULL;
  double km = 0, longest = 0;
  guint n_loads = 0;

  for (guint i = 0; i < r->treatments->len; i++)
    {
      const KjTreatment *t = g_ptr_array_index (r->treatments, i);

      for (guint c = 0; c < n_kinds; c++)
        if (g_str_equal (kinds[c].code, t->kind))
          treatment_counts[c]++;
    }

  /* each drug on its own: milligrams of different drugs do not add up */
  for (guint d = 0; d < n_drugs; d++)
    {
      g_autoptr(GHashTable) drug_days = g_hash_table_new (g_str_hash, g_str_equal);
      int mg = 0;

      for (guint i = 0; i < r->treatments->len; i++)
        {
          const KjTreatment *t = g_ptr_array_index (r->treatments, i);

          if (g_strcmp0 (t->drug, drugs[d].code) != 0)
            continue;
          g_hash_table_add (drug_days, (gpointer) t->date);
          mg += t->dose_mg != KJ_UNSET ? t->dose_mg : 0;
        }
      if (g_hash_table_size (drug_days) == 0)
        continue;
      g_string_append (medication, medication->len ? ", " : "");
      /* Translators: a drug in the report's key numbers, “Ibuprofen 2400 mg on 3 days” */
      g_string_append_printf (medication, ngettext ("%s %d mg on %u day", "%s %d mg on %u days",
                                                    g_hash_table_size (drug_days)),
                              _(drugs[d].label), mg, g_hash_table_size (drug_days));
    }
  for (guint c = 0; c < n_kinds; c++)
    if (treatment_counts[c] > 0)
      g_string_append_printf (by_kind, "%s%s %u", by_kind->len ? ", " : "", _(kinds[c].label), treatment_counts[c]);

  for (guint i = 0; i < r->runs->len; i++)
    {
      const KjRun *run = g_ptr_array_index (r->runs, i);

      km += run->distance_km;
      longest = MAX (longest, run->distance_km);
    }

  for (guint i = 0; i < r->assessment->load_warnings->len; i++)
    n_loads += _kj_report_in_period (r, g_array_index (r->assessment->load_warnings, KjLoadWarning, i).date);

  g_string_append_printf (numbers, _("Days logged: %u"), r->days->len);
  g_string_append_c (numbers, '\n');
  g_string_append_printf (numbers, _("Treatments: %s"), by_kind->len ? by_kind->str : _("none"));
  g_string_append_c (numbers, '\n');
  g_string_append_printf (numbers, _("Medication: %s"), medication->len ? medication->str : _("none"));
  g_string_append_c (numbers, '\n');
  total = kj_format_distance (km, r->units);
  longest_text = kj_format_distance (longest, r->units);
  /* Translators: “Running: 12 runs, 84.0 km, longest 12.5 km” */
  g_string_append_printf (numbers, ngettext ("Running: %u run, %s, longest %s", "Running: %u runs, %s, longest %s",
                                             r->runs->len),
                          r->runs->len, total, longest_text);
  g_string_append_c (numbers, '\n');
  g_string_append_printf (numbers, _("Running-load warnings: %u"), n_loads);


  return g_string_free (g_steal_pointer (&numbers), FALSE);
}

static void
write_map_and_numbers (KjPdfWriter  *w,
                       KjReportData *r)
{
  double weights[2][KJ_N_REGIONS] = { { 0 } };
  gboolean sides[2] = { FALSE, FALSE };
  const KjKneeStyle style = { ink, paper_white, accent, TRUE };
  double max = 0, map_w = 92, map_h = 140, top, left_h, right_y;
  guint n_maps = 0;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *numbers = NULL;
  g_autoptr(PangoLayout) numbers_label = NULL;
  g_autoptr(PangoLayout) numbers_body = NULL;
  double column_x, numbers_h;
  gboolean beside;

  for (guint i = 0; i < r->days->len; i++)
    {
      const KjDay *day = g_ptr_array_index (r->days, i);

      for (guint l = 0; l < day->locations->len; l++)
        {
          const KjLocation *loc = &g_array_index (day->locations, KjLocation, l);
          int s = g_str_equal (loc->side, "left") ? KJ_SIDE_LEFT : KJ_SIDE_RIGHT;
          int region = kj_region_from_code (loc->region);

          weights[s][region] += 1;
          max = MAX (max, weights[s][region]);
          sides[s] = TRUE;
        }
    }
  if (!sides[0] && !sides[1])
    {
      sides[0] = g_strcmp0 (r->episode->side, "right") != 0;
      sides[1] = g_strcmp0 (r->episode->side, "left") != 0;
    }

  n_maps = 2 * (sides[0] + sides[1]);
  column_x = w->x + n_maps * (map_w + 4) + 12;
  numbers = key_numbers_text (r);
  numbers_label = kj_pdf_writer_layout (w, KJ_PDF_FONT_BOLD, _("Key numbers"), w->x + w->width - column_x);
  numbers_body = kj_pdf_writer_layout (w, KJ_PDF_FONT_BODY, numbers, w->x + w->width - column_x);

  /* The key numbers go beside the maps when both fit on this page, or when
   * they are no taller than the maps; else below them, across the page. */
  numbers_h = kj_pdf_layout_height (numbers_label) + 4 + kj_pdf_layout_height (numbers_body) + 8;
  beside = numbers_h <= map_h + 40 || w->y + numbers_h <= w->bottom;
  kj_pdf_writer_ensure_space (w, beside ? MAX (map_h + 40, numbers_h) : map_h + 40);
  top = w->y;

  /* where it hurt: shaded by how often each place was marked */
  {
    g_autoptr(PangoLayout) label = kj_pdf_writer_layout (w, KJ_PDF_FONT_BOLD, _("Where it hurt"), 0);

    cairo_move_to (w->cr, w->x, top);
    pango_cairo_show_layout (w->cr, label);
  }
  {
    guint k = 0;

    for (int s = KJ_SIDE_RIGHT; s >= KJ_SIDE_LEFT; s--)
      for (int v = KJ_VIEW_FRONT; v <= KJ_VIEW_BACK; v++)
        {
          KjKneeModel model;
          g_autofree char *caption = NULL;
          g_autoptr(PangoLayout) layout = NULL;
          double x;

          if (!sides[s])
            continue;

          x = w->x + k * (map_w + 4);
          kj_knee_model_init (&model, v, s);
          model.use_weights = TRUE;
          model.show_labels = FALSE;
          for (int i = 0; i < KJ_N_REGIONS; i++)
            model.weights[i] = max > 0 ? weights[s][i] / max : 0;

          cairo_save (w->cr);
          cairo_translate (w->cr, x, top + 14);
          kj_knee_render (w->cr, &model, map_w, map_h, &style);
          cairo_restore (w->cr);

          caption = g_strdup_printf ("%s, %s", s == KJ_SIDE_LEFT ? _("Left knee") : _("Right knee"),
                                     v == KJ_VIEW_FRONT ? _("front") : _("back"));
          layout = kj_pdf_writer_layout (w, KJ_PDF_FONT_SMALL, caption, map_w);
          pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
          cairo_set_source_rgb (w->cr, 0, 0, 0);
          cairo_move_to (w->cr, x, top + 14 + map_h);
          pango_cairo_show_layout (w->cr, layout);
          k++;
        }
  }
  left_h = 14 + map_h + 14;

  /* the places in words, most marked first */
  for (int s = KJ_SIDE_RIGHT; s >= KJ_SIDE_LEFT; s--)
    for (int i = 0; i < KJ_N_REGIONS; i++)
      if (weights[s][i] > 0)
        {
          g_string_append_printf (text, "%s", text->len ? ", " : "");
          g_string_append_printf (text, _("%s (%s): %.0f"), kj_code_label (KJ_CODE_REGION, kj_region_get (i)->code),
                                  s == KJ_SIDE_LEFT ? _("left") : _("right"), weights[s][i]);
        }

  /* the right column: key numbers, drawn beside the maps */
  right_y = top;
  if (beside)
    {
      cairo_set_source_rgb (w->cr, 0, 0, 0);
      cairo_move_to (w->cr, column_x, right_y);
      pango_cairo_show_layout (w->cr, numbers_label);
      right_y += kj_pdf_layout_height (numbers_label) + 4;
      cairo_move_to (w->cr, column_x, right_y);
      pango_cairo_show_layout (w->cr, numbers_body);
      right_y += kj_pdf_layout_height (numbers_body) + 8;
    }

  w->y = MAX (top + left_h, right_y);

  if (text->len > 0)
    {
      g_autofree char *places = g_strdup_printf (_("Places marked, with the number of days: %s"), text->str);

      kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BODY, places, 0, 8);
    }

  if (!beside)
    {
      /* the heading stays with the first lines */
      kj_pdf_writer_ensure_space (w, kj_pdf_layout_height (numbers_label) + 4 +
                                     MIN (kj_pdf_layout_height (numbers_body), 60));
      kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BOLD, _("Key numbers"), 0, 4);
      kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BODY, numbers, 0, 8);
    }
}

/* The numbers behind the verdict and the sources of its rules: the
 * physiotherapist sees the rule, not just the word */
static void
write_why (KjPdfWriter  *w,
           KjReportData *r)
{
  g_auto(GStrv) sentences = kj_assessment_explain (r->assessment);
  const char *const *sources = kj_assessment_sources ();

  kj_pdf_writer_heading (w, _("Why this verdict"));
  for (guint i = 0; sentences[i] != NULL; i++)
    kj_pdf_writer_paragraph (w, KJ_PDF_FONT_BODY, sentences[i], 0, 3);
  w->y += 3;

  kj_pdf_writer_paragraph (w, KJ_PDF_FONT_SMALL_BOLD, _("Sources of the rules"), 0, 2);
  for (guint i = 0; sources[i] != NULL; i++)
    kj_pdf_writer_paragraph (w, KJ_PDF_FONT_SMALL, sources[i], 0, 2);
  kj_pdf_writer_paragraph (w, KJ_PDF_FONT_SMALL,
                           _("Medication limits: the labels of ibuprofen, naproxen, aspirin and paracetamol sold "
                             "without a prescription. How the rules use these sources is explained in the app’s "
                             "help, “How the assessment works”."), 0, 12);
}

static void
write_document (KjPdfWriter  *w,
                KjReportData *r)
{
  kj_pdf_writer_begin_page (w);
  write_header (w, r);
  write_verdict (w, r);
  write_chart (w, r);
  write_map_and_numbers (w, r);
  _kj_report_write_red_flags (w, r);
  _kj_report_write_medication_warnings (w, r);

  /* the rest starts on a page of its own, unless the warnings already ran onto one */
  if (w->page == 1)
    kj_pdf_writer_begin_page (w);
  else
    w->y += 12;
  write_why (w, r);
  _kj_report_write_treatments (w, r);
  _kj_report_write_runs (w, r);
  _kj_report_write_running_and_pain (w, r);
  _kj_report_write_shoe_pain (w, r);
  _kj_report_write_questionnaires (w, r);
  _kj_report_write_associations (w, r);
  _kj_report_write_daily_log (w, r);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  if (closure != NULL)
    g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static char *
footer_new (const char *made_on)
{
  g_autofree char *made = _kj_report_format_date (made_on);

  /* Translators: the foot of every page of the report */
  return g_strdup_printf (_("Made on %s with Knee Journal from the patient’s own records. %s"),
                          made, kj_assessment_disclaimer ());
}


static const char *
earlier (const char *a,
         const char *b)
{
  return strcmp (a, b) <= 0 ? a : b;
}

static void
report_clear (KjReportData *r)
{
  g_clear_pointer (&r->assessment, kj_assessment_free);
  g_clear_pointer (&r->episode, kj_episode_free);
  g_clear_pointer (&r->episodes, g_ptr_array_unref);
  g_clear_pointer (&r->days, g_ptr_array_unref);
  g_clear_pointer (&r->treatments, g_ptr_array_unref);
  g_clear_pointer (&r->runs, g_ptr_array_unref);
  g_clear_pointer (&r->footer, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KjReportData, report_clear)

/* The period of @options, its records, the assessment at its end and the footer. */
static gboolean
report_init (KjReportData           *r,
             const KjJournal        *journal,
             const KjReportOptions  *options,
             GError                **error)
{
  g_autofree char *today = kj_date_today ();
  const char *as_of = options->as_of ? options->as_of : today;

  const KjEpisode *episode = NULL;
  char range_from[11], range_to[11];

  r->journal = journal;
  r->units = kj_units_from_profile (journal->profile);
  r->include_notes = options->include_notes;

  /* the episode: asked for, else the current one; a journal built without
   * episodes has its profile's */
  if (journal->episodes != NULL && journal->episodes->len > 0)
    {
      r->episodes = g_ptr_array_ref (journal->episodes);
      episode = options->episode_id != NULL ? kj_episodes_find (journal->episodes, options->episode_id)
                                            : kj_episodes_get_current (journal->episodes, as_of);
      if (episode == NULL)
        {
          g_set_error (error, KJ_REPORT_ERROR, KJ_REPORT_ERROR_NO_EPISODE,
                       _("The journal has no episode with the id “%s”."), options->episode_id);
          return FALSE;
        }
      r->episode = kj_episode_copy (episode);
    }
  else
    {
      r->episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_episode_free);
      r->episode = kj_episode_from_profile (journal->profile);
      g_ptr_array_add (r->episodes, kj_episode_copy (r->episode));
    }
  kj_episode_get_range (r->episodes, r->episode, range_from, range_to);

  /* up to as_of, or the episode's end when that is earlier */
  g_strlcpy (r->to, options->to ? options->to
                                : range_to[0] != '\0' && strcmp (range_to, as_of) < 0 ? range_to : as_of,
             sizeof r->to);

  if (options->from != NULL)
    g_strlcpy (r->from, options->from, sizeof r->from);
  else if (range_from[0] != '\0')
    g_strlcpy (r->from, range_from, sizeof r->from);
  else
    {
      /* the first record, or the injury date when that is earlier */
      const char *first = r->to;

      if (journal->days->len > 0)
        first = earlier (first, ((KjDay *) journal->days->pdata[0])->date);
      if (journal->treatments->len > 0)
        first = earlier (first, ((KjTreatment *) journal->treatments->pdata[0])->date);
      if (journal->runs->len > 0)
        first = earlier (first, ((KjRun *) journal->runs->pdata[0])->date);
      if (r->episode->injury_date[0] != '\0')
        first = earlier (first, r->episode->injury_date);
      g_strlcpy (r->from, first, sizeof r->from);
    }

  if (!kj_date_is_valid (r->from) || !kj_date_is_valid (r->to) || strcmp (r->from, r->to) > 0)
    {
      g_set_error (error, KJ_REPORT_ERROR, KJ_REPORT_ERROR_BAD_PERIOD,
                   _("The period from %s to %s is not a period: it ends before it begins."), r->from, r->to);
      return FALSE;
    }

  /* the records are sorted by date; keep those of the period that are the episode's */
  {
    char from[11], to[11];

    g_strlcpy (from, range_from[0] != '\0' && strcmp (range_from, r->from) > 0 ? range_from : r->from, sizeof from);
    g_strlcpy (to, range_to[0] != '\0' && strcmp (range_to, r->to) < 0 ? range_to : r->to, sizeof to);
    r->days = kj_records_in_range (journal->days, from, to);
    r->treatments = kj_records_in_range (journal->treatments, from, to);
    r->runs = kj_records_in_range (journal->runs, from, to);
  }

  if (r->days->len + r->treatments->len + r->runs->len == 0)
    {
      g_set_error (error, KJ_REPORT_ERROR, KJ_REPORT_ERROR_EMPTY_PERIOD,
                   _("Nothing was logged from %s to %s, so there is no report to make."), r->from, r->to);
      return FALSE;
    }

  /* the assessment as of the end of the period, from the records up to then */
  r->assessment = kj_assess_episode (journal->profile, r->episodes, r->episode, journal->days, journal->treatments,
                                     journal->runs, strcmp (as_of, r->to) < 0 ? as_of : r->to);
  r->footer = footer_new (options->made_on ? options->made_on : today);

  return TRUE;
}

/**
 * kj_report_render:
 * @journal: the whole journal; only the records of the period are printed
 * @n_pages: (out) (optional): how many pages it has
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
kj_report_render (const KjJournal        *journal,
                  const KjReportOptions  *options,
                  guint                  *n_pages,
                  GError                **error)
{
  g_autoptr(GByteArray) out = NULL;
  g_auto(KjReportData) r = { 0 };
  g_autoptr(KjPdfWriter) w = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  int pages;

  g_return_val_if_fail (journal != NULL && journal->profile != NULL && options != NULL, NULL);

  if (!report_init (&r, journal, options, error))
    return NULL;

  /* first to count the pages, then for real, with the same layouts */
  kj_report_paper_size (options->paper, &width, &height);
  w = kj_pdf_writer_new (NULL, width, height, r.footer, 0);
  write_document (w, &r);
  pages = kj_pdf_writer_finish (w);

  out = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_bytes, out, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Knee pain report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Knee Journal " PACKAGE_VERSION);
  cr = cairo_create (surface);
  kj_pdf_writer_restart (w, cr, pages);
  write_document (w, &r);
  kj_pdf_writer_finish (w);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  if (n_pages != NULL)
    *n_pages = pages;

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/**
 * kj_report_render_pages:
 * @journal: the whole journal; only the records of the period are printed
 * @options: as for kj_report_render(), but for the paper
 * @page_width: the paper's width in points (of a print operation's page setup)
 * @page_height: its height
 *
 * The report laid out once, for a print operation: the same pages as
 * kj_report_render() makes on that paper, each recorded on a cairo
 * recording surface to paint onto the page's context, at its top left
 * corner and in points.
 *
 * Returns: (transfer full) (element-type cairo_surface_t): the pages, or %NULL with @error set
 */
GPtrArray *
kj_report_render_pages (const KjJournal        *journal,
                        const KjReportOptions  *options,
                        double                  page_width,
                        double                  page_height,
                        GError                **error)
{
  g_autoptr(KjPdfWriter) w = NULL;
  g_auto(KjReportData) r = { 0 };

  g_return_val_if_fail (journal != NULL && journal->profile != NULL && options != NULL, NULL);
  g_return_val_if_fail (page_width > 0 && page_height > 0, NULL);

  if (!report_init (&r, journal, options, error))
    return NULL;

  /* laid out once: the footers are added as the pages are handed over */
  w = kj_pdf_writer_new_recording (page_width, page_height, r.footer);
  write_document (w, &r);
  kj_pdf_writer_finish (w);

  return kj_pdf_writer_steal_pages (w);
}

/* Renders the report and writes it atomically to @path, which may not be
 * one of the files of @journal_path (see kj_file_write_atomic()). */
gboolean
kj_report_write (const KjJournal        *journal,
                 const KjReportOptions  *options,
                 const char             *path,
                 const char             *journal_path,
                 guint                  *n_pages,
                 GError                **error)
{
  g_autoptr(GBytes) pdf = kj_report_render (journal, options, n_pages, error);
  gsize length;
  const char *data;

  if (pdf == NULL)
    return FALSE;

  data = g_bytes_get_data (pdf, &length);
  return kj_file_write_atomic (path, journal_path, data, length, error);
}
