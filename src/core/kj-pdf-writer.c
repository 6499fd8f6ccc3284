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
 * page breaks at the same line whatever it is drawn on.
 *
 * kj_pdf_writer_new() draws every page onto one context, with
 * cairo_show_page() between them (a PDF surface). The footers say "Page N
 * of M", so a PDF is made twice: first with no context, only to count the
 * pages — each page is drawn onto a recording surface that is dropped at the
 * next, which costs little and keeps memory flat — and then, after
 * kj_pdf_writer_restart(), for real, with the layouts of the first pass.
 * kj_pdf_writer_new_recording() keeps each page on a recording surface of
 * its own, for a print operation that asks for the pages one at a time, in
 * any order, on a context of its own: the document is laid out once and the
 * footers are added when the pages are handed over.
 *
 * Laying text out (shaping it with HarfBuzz) is most of what remains: a row
 * is laid out once for measuring and drawing, and a table's header once for
 * all the pages it comes again on.
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

/* The foot of page @page_nr (from 1) on @cr: the footer text, the same
 * layout on every page, and "Page N of M". */
static void
draw_footer (KjPdfWriter *w,
             cairo_t     *cr,
             int          page_nr,
             int          n_pages)
{
  g_autofree char *page = NULL;
  g_autoptr(PangoLayout) right = NULL;
  int rw, rh;

  /* Translators: the page number at the foot of the report */
  page = g_strdup_printf (_("Page %d of %d"), page_nr, n_pages);
  right = kj_pdf_writer_layout (w, KJ_PDF_FONT_SMALL, page, 0);
  pango_layout_get_pixel_size (right, &rw, &rh);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, w->x, w->page_height - MARGIN - FOOTER + 4);
  cairo_line_to (cr, w->x + w->width, w->page_height - MARGIN - FOOTER + 4);
  cairo_stroke (cr);

  cairo_move_to (cr, w->x, w->page_height - MARGIN - FOOTER + 8);
  pango_cairo_show_layout (cr, w->footer_layout);
  cairo_move_to (cr, w->x + w->width - rw, w->page_height - MARGIN - FOOTER + 8);
  pango_cairo_show_layout (cr, right);
  cairo_restore (cr);
}


/* A body cell laid out, shared with every other cell of the same text and
 * width: a daily log repeats its pains, places and treatments, and a shared
 * layout is shaped once. The cache is emptied when it is full, so a long
 * report does not keep every cell it drew. */
#define CELL_CACHE_SIZE 4096

static PangoLayout *
cell_layout (KjPdfWriter *w,
             const char  *text,
             double       width)
{
  g_autofree char *key = g_strdup_printf ("%d\x1f%s", (int) (width * PANGO_SCALE), text ? text : "");
  PangoLayout *layout = g_hash_table_lookup (w->cells, key);

  if (layout == NULL)
    {
      if (g_hash_table_size (w->cells) >= CELL_CACHE_SIZE)
        g_hash_table_remove_all (w->cells);
      layout = kj_pdf_writer_layout (w, KJ_PDF_FONT_SMALL, text, width);
      g_hash_table_insert (w->cells, g_steal_pointer (&key), layout);
    }

  return g_object_ref (layout);
}

/* The cells of a row of @table laid out, into @layouts; returns the row's height. */
static double
layout_row (KjPdfWriter       *w,
            const KjPdfTable  *table,
            const char       **cells,
            gboolean           header,
            GPtrArray         *layouts)
{
  double height = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      double column = table->widths[c] * w->width - 6;
      PangoLayout *layout = header ? kj_pdf_writer_layout (w, KJ_PDF_FONT_SMALL_BOLD, cells[c], column)
                                   : cell_layout (w, cells[c], column);

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

  return height + 4;
}

/* Draws the laid-out row at the cursor and moves it down by @height. */
static void
paint_row (KjPdfWriter      *w,
           const KjPdfTable *table,
           GPtrArray        *layouts,
           double            height,
           gboolean          header)
{
  double x = w->x;

  cairo_set_source_rgb (w->cr, 0, 0, 0);
  for (guint c = 0; c < table->n_columns; c++)
    {
      cairo_move_to (w->cr, x, w->y + 2);
      pango_cairo_show_layout (w->cr, g_ptr_array_index (layouts, c));
      x += table->widths[c] * w->width;
    }

  w->y += height;
  cairo_set_source_rgb (w->cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (w->cr, header ? 0.8 : 0.3);
  cairo_move_to (w->cr, w->x, w->y - 1);
  cairo_line_to (w->cr, w->x + w->width, w->y - 1);
  cairo_stroke (w->cr);
}

/* Whether the header laid out last is @table's. Compared by value: the
 * report's tables are often on the stack, and two of them may share an address. */
static gboolean
is_head_of (KjPdfWriter      *w,
            const KjPdfTable *table)
{
  if (w->head_titles == NULL || g_strv_length (w->head_titles) != table->n_columns)
    return FALSE;
  for (guint c = 0; c < table->n_columns; c++)
    if (g_strcmp0 (w->head_titles[c], table->titles[c]) != 0 || w->head_widths[c] != table->widths[c])
      return FALSE;
  return TRUE;
}

/* The header of @table, laid out once for all the pages it is drawn on */
static double
head_height (KjPdfWriter      *w,
             const KjPdfTable *table)
{
  if (!is_head_of (w, table))
    {
      g_ptr_array_set_size (w->head_layouts, 0);
      w->head_height = layout_row (w, table, table->titles, TRUE, w->head_layouts);
      g_clear_pointer (&w->head_titles, g_strfreev);
      g_clear_pointer (&w->head_widths, g_free);
      w->head_titles = g_new0 (char *, table->n_columns + 1);
      for (guint c = 0; c < table->n_columns; c++)
        w->head_titles[c] = g_strdup (table->titles[c] ? table->titles[c] : "");
      w->head_widths = g_memdup2 (table->widths, table->n_columns * sizeof (double));
    }
  return w->head_height;
}

static void
draw_head (KjPdfWriter      *w,
           const KjPdfTable *table)
{
  double height = head_height (w, table);

  paint_row (w, table, w->head_layouts, height, TRUE);
}

static KjPdfWriter *
writer_new (double      page_width,
            double      page_height,
            const char *footer)
{
  KjPdfWriter *w = g_new0 (KjPdfWriter, 1);
  cairo_surface_t *nowhere = cairo_pdf_surface_create_for_stream (NULL, NULL, page_width, page_height);

  w->nowhere = cairo_create (nowhere);
  cairo_surface_destroy (nowhere);
  w->pango = pango_cairo_create_context (w->nowhere);
  w->cr = w->nowhere;
  w->head_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  w->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  w->page_width = page_width;
  w->page_height = page_height;
  w->x = MARGIN;
  w->width = page_width - 2 * MARGIN;
  w->y = MARGIN;
  w->bottom = page_height - MARGIN - FOOTER;
  w->footer = g_strdup (footer);

  w->fonts[KJ_PDF_FONT_BODY] = font_new (BODY_SIZE, PANGO_WEIGHT_NORMAL);
  w->fonts[KJ_PDF_FONT_BOLD] = font_new (BODY_SIZE, PANGO_WEIGHT_BOLD);
  w->fonts[KJ_PDF_FONT_SMALL] = font_new (SMALL_SIZE, PANGO_WEIGHT_NORMAL);
  w->fonts[KJ_PDF_FONT_SMALL_BOLD] = font_new (SMALL_SIZE, PANGO_WEIGHT_BOLD);
  w->fonts[KJ_PDF_FONT_HEADING] = font_new (12, PANGO_WEIGHT_BOLD);
  w->fonts[KJ_PDF_FONT_TITLE] = font_new (17, PANGO_WEIGHT_BOLD);
  w->footer_layout = kj_pdf_writer_layout (w, KJ_PDF_FONT_SMALL, w->footer, w->width * 0.78);

  return w;
}

/**
 * kj_pdf_writer_new:
 * @cr: (nullable): where every page is drawn, one after the other (a PDF
 *   surface's context), or %NULL to count the pages only
 * @page_width: the paper's width in points
 * @page_height: its height
 * @footer: the text at the foot of every page, beside "Page N of M"
 * @n_pages: how many pages there are (for the footers), or 0 when counting
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
  KjPdfWriter *w = writer_new (page_width, page_height, footer);

  w->target = cr != NULL ? cairo_reference (cr) : NULL;
  w->n_pages = n_pages;

  return w;
}

/**
 * kj_pdf_writer_new_recording:
 *
 * A writer for a print operation: each page is drawn onto a cairo recording
 * surface of its own, in points from its top left corner, which
 * kj_pdf_writer_steal_pages() hands over, with their footers, once the
 * writer has finished.
 *
 * Returns: (transfer full): a writer
 */
KjPdfWriter *
kj_pdf_writer_new_recording (double      page_width,
                             double      page_height,
                             const char *footer)
{
  KjPdfWriter *w = writer_new (page_width, page_height, footer);

  w->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);

  return w;
}

/**
 * kj_pdf_writer_restart:
 * @cr: where every page is drawn now, one after the other (a PDF surface's context)
 * @n_pages: how many pages there are, as the first pass counted them
 *
 * The second pass of a writer made with no context: the same document,
 * from its first page, onto @cr. The layouts of the first pass are used again.
 */
void
kj_pdf_writer_restart (KjPdfWriter *w,
                       cairo_t     *cr,
                       int          n_pages)
{
  g_return_if_fail (w->target == NULL && w->pages == NULL && cr != NULL);
  g_return_if_fail (w->cr == w->nowhere);

  w->target = cairo_reference (cr);
  w->n_pages = n_pages;
  w->page = 0;
  w->y = MARGIN;
  w->bottom = w->page_height - MARGIN - FOOTER;
}

/* Lets go of the context of a recorded page */
static void
release_page (KjPdfWriter *w)
{
  if (w->cr != w->nowhere && w->cr != w->target)
    cairo_destroy (w->cr);
  w->cr = w->nowhere;
}

void
kj_pdf_writer_free (KjPdfWriter *w)
{
  if (w == NULL)
    return;

  for (guint i = 0; i < KJ_PDF_N_FONTS; i++)
    pango_font_description_free (w->fonts[i]);
  release_page (w);
  g_clear_object (&w->footer_layout);
  g_clear_object (&w->pango);
  g_clear_pointer (&w->nowhere, cairo_destroy);
  g_clear_pointer (&w->target, cairo_destroy);
  g_clear_pointer (&w->pages, g_ptr_array_unref);
  g_clear_pointer (&w->head_layouts, g_ptr_array_unref);
  g_clear_pointer (&w->cells, g_hash_table_unref);
  g_clear_pointer (&w->head_titles, g_strfreev);
  g_clear_pointer (&w->head_widths, g_free);
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

/* A context on a recorded page, with the font options of a PDF (no hinted
 * metrics), for what the renderers lay out on it themselves */
static cairo_t *
page_context (KjPdfWriter     *w,
              cairo_surface_t *page)
{
  cairo_t *cr = cairo_create (page);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_surface_get_font_options (cairo_get_target (w->nowhere), options);
  cairo_set_font_options (cr, options);
  cairo_font_options_destroy (options);

  return cr;
}

/* Ends the current page, if any, and begins the next, the cursor at the top. */
void
kj_pdf_writer_begin_page (KjPdfWriter *w)
{
  w->page++;
  if (w->target != NULL)
    {
      if (w->page > 1)
        cairo_show_page (w->target);
      w->cr = w->target;
      draw_footer (w, w->cr, w->page, w->n_pages);
    }
  else
    {
      /* a recording: kept for a print operation, else dropped with the
       * context (a page drawn only to be counted) */
      const cairo_rectangle_t extents = { 0, 0, w->page_width, w->page_height };
      cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

      release_page (w);
      w->cr = page_context (w, page);
      if (w->pages != NULL)
        g_ptr_array_add (w->pages, page);
      else
        cairo_surface_destroy (page);
    }

  w->y = MARGIN;
  w->bottom = w->page_height - MARGIN - FOOTER;
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
  draw_head (w, table);
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
  return 3 * head_height (w, table);
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
  draw_head (w, table);
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
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double height = layout_row (w, table, cells, FALSE, layouts);
  double indent = table->widths[0] * w->width;
  double keep = height;
  g_autoptr(PangoLayout) layout = NULL;

  if (note != NULL && note[0] != '\0')
    {
      double header = head_height (w, table);
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
  paint_row (w, table, layouts, height, FALSE);

  if (layout != NULL)
    {
      w->y += NOTE_GAP;
      flow (w, layout, indent, table);
      w->y += NOTE_SPACE_AFTER;
    }
}

/* Ends the last page. Returns: how many pages there are. */
int
kj_pdf_writer_finish (KjPdfWriter *w)
{
  if (w->target != NULL && w->page > 0)
    cairo_show_page (w->target);
  release_page (w);

  return w->page;
}

/**
 * kj_pdf_writer_steal_pages:
 *
 * The pages of a finished writer, in order, each with its footer.
 *
 * Returns: (transfer full) (element-type cairo_surface_t): the recording surfaces
 */
GPtrArray *
kj_pdf_writer_steal_pages (KjPdfWriter *w)
{
  g_return_val_if_fail (w->pages != NULL && w->cr == w->nowhere, NULL);

  for (guint i = 0; i < w->pages->len; i++)
    {
      cairo_t *cr = page_context (w, g_ptr_array_index (w->pages, i));

      draw_footer (w, cr, i + 1, w->pages->len);
      cairo_destroy (cr);
    }

  return g_steal_pointer (&w->pages);
}
