/* kj-pdf-writer.c — pages of flowing text and tables, drawn with cairo and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page machinery of the report (doc/report.md): a cursor that moves
 * down the page, the page break (kj_pdf_writer_ensure_space() and the line
 * by line flow of kj_pdf_writer_flow()), tables whose header comes again on
 * each new page, notes kept with their rows, headings kept with what
 * follows them, and the footer with "Page N of M". What goes on the pages
 * is the caller's (kj-report.c).
 *
 * Every layout is measured on the one Pango context of a PDF surface, so a
 * page breaks at the same line whatever it is drawn on. kj_pdf_writer_new()
 * draws every page onto one context, with cairo_show_page() between them
 * (a PDF surface); kj_pdf_writer_new_recording() draws each page onto a
 * recording surface of its own, for a print operation that asks for the
 * pages one at a time, in any order, on a context of its own: the document
 * is laid out once and each page is replayed.
 */
#define G_LOG_DOMAIN "knee-journal-pdf-writer"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "kj-pdf-writer.h"

#define MARGIN        48.0
#define FOOTER        28.0
#define BODY_SIZE     10.0
#define SMALL_SIZE    8.5
#define NOTE_GAP          1.0   /* between a row and its note */
#define NOTE_SPACE_AFTER  4.0

static PangoFontDescription *
font_new (double      size,
          PangoWeight weight)
{
  PangoFontDescription *desc = pango_font_description_from_string ("Sans");

  /* in PDF points: the PDF surface has no 96-dpi scaling */
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);

  return desc;
}

static void
draw_footer (KjPdfWriter *w)
{
  g_autofree char *page = NULL;
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  int rw, rh;

  /* Translators: the page number at the foot of the report */
  page = g_strdup_printf (_("Page %d of %d"), w->page, w->n_pages > 0 ? w->n_pages : 99);

  left = kj_pdf_writer_layout (w, KJ_PDF_FONT_SMALL, w->footer, w->width * 0.78);
  right = kj_pdf_writer_layout (w, KJ_PDF_FONT_SMALL, page, 0);
  pango_layout_get_pixel_size (right, &rw, &rh);

  cairo_set_source_rgb (w->cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (w->cr, 0.5);
  cairo_move_to (w->cr, w->x, w->page_height - MARGIN - FOOTER + 4);
  cairo_line_to (w->cr, w->x + w->width, w->page_height - MARGIN - FOOTER + 4);
  cairo_stroke (w->cr);

  cairo_move_to (w->cr, w->x, w->page_height - MARGIN - FOOTER + 8);
  pango_cairo_show_layout (w->cr, left);
  cairo_move_to (w->cr, w->x + w->width - rw, w->page_height - MARGIN - FOOTER + 8);
  pango_cairo_show_layout (w->cr, right);
}

static void
end_page (KjPdfWriter *w)
{
  /* a recorded page is a surface of its own */
  if (w->page > 0 && w->pages == NULL)
    cairo_show_page (w->cr);
}

/* One row of a table; returns its height. With @measure_only nothing is drawn. */
static double
draw_row (KjPdfWriter       *w,
          const KjPdfTable  *table,
          const char       **cells,
          gboolean           header,
          gboolean           measure_only)
{
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double height = 0, x = w->x;

  for (guint c = 0; c < table->n_columns; c++)
    {
      double column = table->widths[c] * w->width - 6;
      PangoLayout *layout = kj_pdf_writer_layout (w, header ? KJ_PDF_FONT_SMALL_BOLD : KJ_PDF_FONT_SMALL, cells[c],
                                                  column);

      if (header)
        {
          /* a head breaks between words only; a word longer than its column gets a smaller font */
          g_autoptr(PangoFontDescription) desc = pango_font_description_copy (w->fonts[KJ_PDF_FONT_SMALL_BOLD]);
          double size = SMALL_SIZE;
          PangoRectangle ink_rect, logical;

          pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
          pango_layout_get_pixel_extents (layout, &ink_rect, &logical);
          while (logical.x + logical.width > column && size > 5)
            {
              size -= 0.5;
              pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
              pango_layout_set_font_description (layout, desc);
              pango_layout_get_pixel_extents (layout, &ink_rect, &logical);
            }
        }

      height = MAX (height, kj_pdf_layout_height (layout));
      g_ptr_array_add (layouts, layout);
    }

  if (measure_only)
    return height + 4;

  cairo_set_source_rgb (w->cr, 0, 0, 0);
  for (guint c = 0; c < table->n_columns; c++)
    {
      cairo_move_to (w->cr, x, w->y + 2);
      pango_cairo_show_layout (w->cr, g_ptr_array_index (layouts, c));
      x += table->widths[c] * w->width;
    }

  w->y += height + 4;
  cairo_set_source_rgb (w->cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (w->cr, header ? 0.8 : 0.3);
  cairo_move_to (w->cr, w->x, w->y - 1);
  cairo_line_to (w->cr, w->x + w->width, w->y - 1);
  cairo_stroke (w->cr);

  return height + 4;
}

static KjPdfWriter *
writer_new (cairo_t    *cr,
            double      page_width,
            double      page_height,
            const char *footer,
            int         n_pages)
{
  KjPdfWriter *w = g_new0 (KjPdfWriter, 1);
  cairo_surface_t *nowhere = cairo_pdf_surface_create_for_stream (NULL, NULL, page_width, page_height);

  w->target = cr != NULL ? cairo_reference (cr) : NULL;
  w->nowhere = cairo_create (nowhere);
  cairo_surface_destroy (nowhere);
  w->pango = pango_cairo_create_context (w->nowhere);
  w->cr = cr != NULL ? w->target : w->nowhere;

  w->page_width = page_width;
  w->page_height = page_height;
  w->x = MARGIN;
  w->width = page_width - 2 * MARGIN;
  w->y = MARGIN;
  w->bottom = page_height - MARGIN - FOOTER;
  w->n_pages = n_pages;
  w->footer = g_strdup (footer);

  w->fonts[KJ_PDF_FONT_BODY] = font_new (BODY_SIZE, PANGO_WEIGHT_NORMAL);
  w->fonts[KJ_PDF_FONT_BOLD] = font_new (BODY_SIZE, PANGO_WEIGHT_BOLD);
  w->fonts[KJ_PDF_FONT_SMALL] = font_new (SMALL_SIZE, PANGO_WEIGHT_NORMAL);
  w->fonts[KJ_PDF_FONT_SMALL_BOLD] = font_new (SMALL_SIZE, PANGO_WEIGHT_BOLD);
  w->fonts[KJ_PDF_FONT_HEADING] = font_new (12, PANGO_WEIGHT_BOLD);
  w->fonts[KJ_PDF_FONT_TITLE] = font_new (17, PANGO_WEIGHT_BOLD);

  return w;
}

/**
 * kj_pdf_writer_new:
 * @cr: where every page is drawn, one after the other (a PDF surface's context)
 * @footer: the text at the foot of every page, beside "Page N of M"
 * @n_pages: how many pages there are, or 0 when that is still being counted
 *
 * Begin with kj_pdf_writer_begin_page(), end with kj_pdf_writer_finish().
 *
 * Returns: (transfer full): a writer
 */
KjPdfWriter *
kj_pdf_writer_new (cairo_t    *cr,
                   double      page_width,
                   double      page_height,
                   const char *footer,
                   int         n_pages)
{
  g_return_val_if_fail (cr != NULL, NULL);

  return writer_new (cr, page_width, page_height, footer, n_pages);
}

/**
 * kj_pdf_writer_new_recording:
 *
 * A writer for a print operation: each page is drawn onto a cairo recording
 * surface of its own, in points from its top left corner, which
 * kj_pdf_writer_steal_pages() hands over once the writer has finished.
 *
 * Returns: (transfer full): a writer
 */
KjPdfWriter *
kj_pdf_writer_new_recording (double      page_width,
                             double      page_height,
                             const char *footer,
                             int         n_pages)
{
  KjPdfWriter *w = writer_new (NULL, page_width, page_height, footer, n_pages);

  w->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);

  return w;
}

void
kj_pdf_writer_free (KjPdfWriter *w)
{
  if (w == NULL)
    return;

  for (guint i = 0; i < KJ_PDF_N_FONTS; i++)
    pango_font_description_free (w->fonts[i]);
  g_clear_object (&w->pango);
  g_clear_pointer (&w->nowhere, cairo_destroy);
  g_clear_pointer (&w->target, cairo_destroy);
  g_clear_pointer (&w->pages, g_ptr_array_unref);
  g_free (w->footer);
  g_free (w);
}

/**
 * kj_pdf_writer_layout:
 * @width: the width to wrap at, or 0 for none
 *
 * Returns: (transfer full): @text in @font, wrapped at @width, measured as on the PDF
 */
PangoLayout *
kj_pdf_writer_layout (KjPdfWriter *w,
                      KjPdfFont    font,
                      const char  *text,
                      double       width)
{
  PangoLayout *layout = pango_layout_new (w->pango);

  pango_layout_set_font_description (layout, w->fonts[font]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text ? text : "", -1);

  return layout;
}

double
kj_pdf_layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

/* Ends the current page, if any, and begins the next: the footer, the cursor at the top. */
void
kj_pdf_writer_begin_page (KjPdfWriter *w)
{
  end_page (w);

  w->page++;
  if (w->pages != NULL)
    {
      const cairo_rectangle_t extents = { 0, 0, w->page_width, w->page_height };
      cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

      cairo_font_options_t *options = cairo_font_options_create ();

      g_ptr_array_add (w->pages, page);
      g_clear_pointer (&w->target, cairo_destroy);
      w->target = cairo_create (page);
      w->cr = w->target;
      /* as on a PDF (no hinted metrics), for what the renderers lay out on @cr themselves */
      cairo_surface_get_font_options (cairo_get_target (w->nowhere), options);
      cairo_set_font_options (w->cr, options);
      cairo_font_options_destroy (options);
    }
  w->y = MARGIN;
  w->bottom = w->page_height - MARGIN - FOOTER;
  draw_footer (w);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
}

/* The page break: a new page unless @height fits under the cursor, or the page is still empty. */
void
kj_pdf_writer_ensure_space (KjPdfWriter *w,
                            double       height)
{
  if (w->y + height > w->bottom && w->y > MARGIN + 1)
    kj_pdf_writer_begin_page (w);
}

/* A new page for more of @table: its header at the top. */
static void
table_new_page (KjPdfWriter      *w,
                const KjPdfTable *table)
{
  kj_pdf_writer_begin_page (w);
  draw_row (w, table, table->titles, TRUE, FALSE);
}

/* Draws @layout line by line from the cursor, continuing on new pages,
 * under the header of @table if it is not NULL. */
static void
flow (KjPdfWriter      *w,
      PangoLayout      *layout,
      double            indent,
      const KjPdfTable *table)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  cairo_set_source_rgb (w->cr, 0, 0, 0);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      int baseline = pango_layout_iter_get_baseline (iter);
      double height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;

      if (w->y + height > w->bottom)
        {
          if (table != NULL)
            table_new_page (w, table);
          else
            kj_pdf_writer_begin_page (w);
          cairo_set_source_rgb (w->cr, 0, 0, 0);
        }

      cairo_move_to (w->cr, w->x + indent + (double) logical.x / PANGO_SCALE,
                     w->y + (double) (baseline - logical.y) / PANGO_SCALE);
      pango_cairo_show_layout_line (w->cr, line);
      w->y += height;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

/* Draws @layout line by line from the cursor, continuing on new pages. */
void
kj_pdf_writer_flow (KjPdfWriter *w,
                    PangoLayout *layout,
                    double       indent)
{
  flow (w, layout, indent, NULL);
}

void
kj_pdf_writer_paragraph (KjPdfWriter *w,
                         KjPdfFont    font,
                         const char  *text,
                         double       indent,
                         double       space_after)
{
  g_autoptr(PangoLayout) layout = kj_pdf_writer_layout (w, font, text, w->width - indent);

  kj_pdf_writer_flow (w, layout, indent);
  w->y += space_after;
}

/* A heading, on the next page unless @keep more points fit under it */
static void
heading (KjPdfWriter *w,
         const char  *text,
         double       keep)
{
  g_autoptr(PangoLayout) layout = kj_pdf_writer_layout (w, KJ_PDF_FONT_HEADING, text, w->width);

  kj_pdf_writer_ensure_space (w, 6 + kj_pdf_layout_height (layout) + 6 + keep);
  w->y += 6;
  kj_pdf_writer_flow (w, layout, 0);
  w->y += 6;
}

void
kj_pdf_writer_heading (KjPdfWriter *w,
                       const char  *text)
{
  /* a heading never stands alone at the foot of a page */
  heading (w, text, 48);
}

/* What kj_pdf_writer_table_begin() wants under the cursor: the header and two rows. */
static double
table_begin_height (KjPdfWriter      *w,
                    const KjPdfTable *table)
{
  return 3 * draw_row (w, table, table->titles, TRUE, TRUE);
}

/* The heading of a section that begins with @table: on the next page
 * unless kj_pdf_writer_table_begin() can begin the table under it. */
void
kj_pdf_writer_heading_for_table (KjPdfWriter      *w,
                                 const char       *text,
                                 const KjPdfTable *table)
{
  heading (w, text, MAX (48, table_begin_height (w, table)));
}

/* The header of @table, on the next page unless three rows fit under it. */
void
kj_pdf_writer_table_begin (KjPdfWriter      *w,
                           const KjPdfTable *table)
{
  kj_pdf_writer_ensure_space (w, table_begin_height (w, table));
  draw_row (w, table, table->titles, TRUE, FALSE);
}

/* A row of a table: the header comes again at the top of each new page. */
void
kj_pdf_writer_table_row (KjPdfWriter       *w,
                         const KjPdfTable  *table,
                         const char       **cells)
{
  kj_pdf_writer_table_row_with_note (w, table, cells, NULL);
}

/* A row of @table and, under it from the second column on, @note (NULL or
 * empty: none). The row and the whole note go on one page if one page can
 * hold them under the header, else the row and the note's first line: a
 * longer note breaks, under the header on each page it continues on. */
void
kj_pdf_writer_table_row_with_note (KjPdfWriter       *w,
                                   const KjPdfTable  *table,
                                   const char       **cells,
                                   const char        *note)
{
  double height = draw_row (w, table, cells, FALSE, TRUE);
  double indent = table->widths[0] * w->width;
  double keep = height;
  g_autoptr(PangoLayout) layout = NULL;

  if (note != NULL && note[0] != '\0')
    {
      double header = draw_row (w, table, table->titles, TRUE, TRUE);
      double whole = height + NOTE_GAP;
      PangoRectangle first;

      layout = kj_pdf_writer_layout (w, KJ_PDF_FONT_SMALL, note, w->width - indent);
      pango_layout_line_get_extents (pango_layout_get_line_readonly (layout, 0), NULL, &first);
      whole += kj_pdf_layout_height (layout);
      if (header + whole <= w->bottom - MARGIN)
        keep = whole;
      else
        keep = height + NOTE_GAP + (double) first.height / PANGO_SCALE;
    }

  if (w->y + keep > w->bottom)
    table_new_page (w, table);
  draw_row (w, table, cells, FALSE, FALSE);

  if (layout != NULL)
    {
      w->y += NOTE_GAP;
      flow (w, layout, indent, table);
      w->y += NOTE_SPACE_AFTER;
    }
}

/* Ends the last page. Returns: how many pages were written. */
int
kj_pdf_writer_finish (KjPdfWriter *w)
{
  end_page (w);

  return w->page;
}

/**
 * kj_pdf_writer_steal_pages:
 *
 * The pages of a finished kj_pdf_writer_new_recording() writer, in order.
 *
 * Returns: (transfer full) (element-type cairo_surface_t): the recording surfaces
 */
GPtrArray *
kj_pdf_writer_steal_pages (KjPdfWriter *w)
{
  g_return_val_if_fail (w->pages != NULL, NULL);

  g_clear_pointer (&w->target, cairo_destroy);
  w->cr = w->nowhere;

  return g_steal_pointer (&w->pages);
}
