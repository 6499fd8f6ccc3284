/* kj-pdf-writer.h — pages of flowing text and tables, drawn with cairo and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* The page style of the report: its fonts, in PDF points. */
typedef enum
{
  KJ_PDF_FONT_BODY,
  KJ_PDF_FONT_BOLD,
  KJ_PDF_FONT_SMALL,
  KJ_PDF_FONT_SMALL_BOLD,
  KJ_PDF_FONT_HEADING,
  KJ_PDF_FONT_TITLE,
  KJ_PDF_N_FONTS,
} KjPdfFont;

/* A table: the column titles and their widths as fractions of the text column. */
typedef struct
{
  guint         n_columns;
  const char  **titles;
  const double *widths;
} KjPdfTable;

/* A writer's cursor on the current page. The caller reads the geometry,
 * draws on @cr and may move @y down; the rest belongs to the writer. */
typedef struct
{
  cairo_t      *cr;             /* the context of the current page */
  double        page_width;
  double        page_height;
  double        x, width;       /* the text column */
  double        y;              /* the cursor, from the top of the page */
  double        bottom;         /* where the footer begins */
  int           page;           /* the current page, from 1; 0 before the first */

  /*< private >*/
  int           n_pages;        /* 0 while counting */
  cairo_t      *target;         /* a PDF's context, every page drawn onto it; or NULL */
  GPtrArray    *pages;          /* or the pages recorded for a print operation, @cr on the last; or NULL */
  cairo_t      *nowhere;        /* a PDF surface that writes nothing: the metrics */
  PangoContext *pango;
  char         *footer;
  PangoLayout  *footer_layout;
  PangoFontDescription *fonts[KJ_PDF_N_FONTS];
  char        **head_titles;    /* the header laid out in head_layouts: its titles and widths */
  double       *head_widths;
  GPtrArray    *head_layouts;
  GHashTable   *cells;          /* body cells laid out: "width\x1ftext" → PangoLayout */
  double        head_height;
} KjPdfWriter;

KjPdfWriter *kj_pdf_writer_new          (cairo_t                  *cr,
                                         double                    page_width,
                                         double                    page_height,
                                         const char               *footer,
                                         int                       n_pages);
KjPdfWriter *kj_pdf_writer_new_recording (double                   page_width,
                                          double                   page_height,
                                          const char              *footer);
void         kj_pdf_writer_free         (KjPdfWriter              *writer);
PangoLayout *kj_pdf_writer_layout       (KjPdfWriter              *writer,
                                         KjPdfFont                 font,
                                         const char               *text,
                                         double                    width);
double       kj_pdf_layout_height       (PangoLayout              *layout);
void         kj_pdf_writer_begin_page   (KjPdfWriter              *writer);
void         kj_pdf_writer_ensure_space (KjPdfWriter              *writer,
                                         double                    height);
void         kj_pdf_writer_flow         (KjPdfWriter              *writer,
                                         PangoLayout              *layout,
                                         double                    indent);
void         kj_pdf_writer_paragraph    (KjPdfWriter              *writer,
                                         KjPdfFont                 font,
                                         const char               *text,
                                         double                    indent,
                                         double                    space_after);
void         kj_pdf_writer_heading      (KjPdfWriter              *writer,
                                         const char               *text);
void         kj_pdf_writer_heading_for_table (KjPdfWriter         *writer,
                                              const char          *text,
                                              const KjPdfTable    *table);
void         kj_pdf_writer_table_begin  (KjPdfWriter              *writer,
                                         const KjPdfTable         *table);
void         kj_pdf_writer_table_row    (KjPdfWriter              *writer,
                                         const KjPdfTable         *table,
                                         const char              **cells);
void         kj_pdf_writer_table_row_with_note (KjPdfWriter       *writer,
                                                const KjPdfTable  *table,
                                                const char       **cells,
                                                const char        *note);
int          kj_pdf_writer_finish       (KjPdfWriter              *writer);
void         kj_pdf_writer_restart      (KjPdfWriter              *writer,
                                         cairo_t                  *cr,
                                         int                       n_pages);
GPtrArray   *kj_pdf_writer_steal_pages  (KjPdfWriter              *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KjPdfWriter, kj_pdf_writer_free)

G_END_DECLS
