/* PDF rendering of a layout document (DESIGN §6): the layout vocabulary of schemas/layout.xsd
 * (namespace urn:slm:layout:1, documented for users in docs/layout.md) typeset with pango, broken
 * into pages by paginate.c and drawn with cairo into a PDF with embedded, subset fonts, running
 * header and footer, bookmarks, an optional table of contents, a watermark and metadata.  The
 * output is a pure function of the layout and the options: identical input, identical bytes.
 *
 * The stages live in three files: pdf_typeset.c (layout DOM → measured items), pdf_draw.c
 * (pagination, pages → cairo PDF surface, and the rendering itself), pdf_chart.c (line and bar
 * charts).  The part of this header under PDF_INTERNAL is shared by those three files only.
 *
 * They are built, with paginate.c and linebreak.c, into a module of their own, slm-pdf.so, the
 * only part of slm linked with pango, cairo and fontconfig: pdf_module.c loads it on the first
 * document rendered, so that the commands that render nothing (validate, check, most of a build
 * with nothing changed) neither map nor relocate those libraries (5 MiB of memory and 10 ms of
 * every start).  A program linked with these files (the tests) uses them directly. */
#ifndef SLM_PDF_H
#define SLM_PDF_H

#include "diag.h"

#include <libxml/tree.h>
#include <stdbool.h>
#include <stdio.h>

struct pdf_opts {
	const char *creation_date; /* "YYYY-MM-DDThh:mm:ss[Z|±hh:mm]" for the PDF metadata, or
	                              NULL: the layout's meta date, else 1970-01-01 (never the
	                              current time: identical input gives identical bytes) */
	const char *resource_root; /* images (<image src>) must resolve inside this folder */
	const char *base_dir;      /* relative image paths are relative to this folder */
	const char *output;        /* the file OUT writes to, named by a failed write (NULL or
	                              "-": the source is named) */
};

/* Typeset LAYOUT (valid against schemas/layout.xsd) and write the PDF to OUT.  Problems (an image
 * outside resource_root or not a PNG, text cut at a limit, a cairo error) become diagnostics in
 * DL naming SOURCE (the agreement file) with rule RULE_RENDER; limits hit on hostile input are
 * warnings, the rest errors.  Returns false when any error was reported (the caller deletes the
 * partial output).  A failed write of OUT (a full disk, a file size limit) is an I/O error
 * (RULE_IO_ERROR, "OUTPUT: cannot write the PDF: REASON") and leaves errno at its cause; cairo is
 * never handed the failure.  Thread-safe: no global state, one font map per call. */
bool pdf_render(xmlDocPtr layout, FILE *out, const struct pdf_opts *opts, const char *source,
                struct diag_list *dl);

/* The folder of slm's fonts (DATADIR/fonts): its *.otf are added to fontconfig before the first
 * document is typeset.  Call before rendering starts; without it the Noto faces are used. */
void pdf_fonts_dir(const char *dir);
/* The renderer module's file that the first render will load (g_free), or NULL when it is linked
 * in or not found: part of what a PDF depends on (cli_output_key). */
char *pdf_module_file(void);

/* What slm-pdf.so exports, as one table (pdf_draw.c); ABI and VERSION must match the binary's. */
#define PDF_MODULE_ABI 2
struct pdf_module {
	unsigned abi;
	const char *version;
	bool (*render)(xmlDocPtr layout, FILE *out, const struct pdf_opts *opts, const char *source,
	               struct diag_list *dl);
	void (*fonts_dir)(const char *dir);
};
extern const struct pdf_module slm_pdf_module;

#ifdef PDF_INTERNAL

#include "paginate.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#define PDF_NS "urn:slm:layout:1"

/* slm's subsets of the Noto CJK faces first (tools/fonts.py, from the data folder's fonts/), the
 * whole Noto face for what they lack. */
#define PDF_SANS  "slm Sans CJK SC,Noto Sans CJK SC"
#define PDF_SERIF "slm Serif CJK SC,Noto Serif CJK SC"
#define PDF_MONO  "slm Mono CJK SC,Noto Sans Mono CJK SC"

/* Bounds on the work a hostile layout can cause; each one hit is reported as a warning and the
 * text cut carries a visible marker. */
#define PDF_MAX_BLOCK_TEXT   (64u * 1024)       /* bytes of text in one block or cell */
#define PDF_MAX_DOC_TEXT     (8u * 1024 * 1024) /* bytes of text in the whole document */
#define PDF_MAX_ITEMS        200000u            /* lines, rows, figures */
#define PDF_MAX_CELLS        400000u            /* table cells in the whole document */
#define PDF_MAX_COLUMNS      64u
#define PDF_MAX_DEPTH        48 /* nested sections or inline elements */
#define PDF_MAX_IMAGE_PIXELS (25u * 1000 * 1000)
#define PDF_MAX_IMAGE_BYTES  (32u * 1024 * 1024)

#define PDF_MM(x)            ((x)*72.0 / 25.4)
#define PDF_TOC_NUMBER_WIDTH 28.0 /* the page numbers' column */

/* A clickable span of a line, x relative to the line's origin.  URI is "#id" for a place in the
 * document, else an http(s) or mailto address. */
struct pdf_link {
	double x0, x1;
	const char *uri;
	double y, h; /* in a cell: the line's top below the layout's, and its height */
};

struct pdf_cell {
	PangoLayout *layout; /* NULL: an empty filler cell */
	double x, w;         /* from the table's left edge */
	double text_dy;      /* text top below the row's top */
	bool box;            /* draw a square to tick by hand */
	GArray *links;       /* struct pdf_link from the layout's origin, or NULL */
};

struct pdf_row {
	bool shade, head;
	unsigned n;
	struct pdf_cell cells[];
};

enum pdf_box_kind {
	PDF_BOX_LINE,       /* one line of a paragraph or list item */
	PDF_BOX_BLOCK,      /* a whole layout: heading, caption, TOC title */
	PDF_BOX_ROW,        /* a table row */
	PDF_BOX_KV,         /* a key–value pair */
	PDF_BOX_IMAGE,      /* a PNG */
	PDF_BOX_CHART,      /* a chart */
	PDF_BOX_SIGNATURES, /* one row of up to two signature boxes */
	PDF_BOX_TOC,        /* one line of the table of contents */
};

/* How to draw one pagination item (struct pg_item of the same index). */
struct pdf_box {
	enum pdf_box_kind kind;
	double x;               /* left edge, from the left margin */
	double dy;              /* LINE: baseline below the item's top; else content top */
	double w, h;            /* IMAGE, CHART, SIGNATURES, KV: width and height */
	PangoLayout *layout;    /* LINE (its layout), BLOCK, KV value, TOC title */
	PangoLayoutLine *line;  /* LINE */
	PangoLayout *aux;       /* LINE: list marker; KV: key */
	double aux_x;           /* LINE: marker x; KV: value x (both from the left margin) */
	struct pdf_row *row;    /* ROW */
	cairo_surface_t *image; /* IMAGE */
	xmlNodePtr node;        /* CHART; SIGNATURES: the row's first <signature> */
	unsigned count;         /* SIGNATURES: signatures in the row */
	int heading;            /* BLOCK of a heading, TOC line: index in headings; else -1 */
	bool rule;              /* BLOCK: a thin rule under it (level-1 headings) */
	GArray *links;          /* LINE: struct pdf_link, or NULL */
};

/* A heading h1–h4, collected before typesetting so that a <toc/> can list the headings that
 * follow it. */
struct pdf_heading {
	char *title; /* plain text */
	int level;
	bool listed;   /* in the outline and the TOC: level ≤ 3 and bookmark ≠ false */
	unsigned item; /* its box, G_MAXUINT until typeset */
};

struct pdf_table {
	unsigned head_first, head_count; /* its header rows (boxes) */
	double head_height;
};

/* Where a box landed: page index (0-based) and top, from the top margin. */
struct pdf_place {
	unsigned page;
	double y;
};

struct pdf_doc {
	xmlDocPtr xml;
	const struct pdf_opts *opts;
	const char *source;
	struct diag_list *dl;
	unsigned errors;
	bool zh; /* Chinese document (labels, line spacing) */

	double page_w, page_h, margin_l, margin_t, text_w, text_h; /* points */
	PangoFontMap *fontmap;
	PangoContext *ctx;

	xmlNodePtr meta, header, footer, watermark;
	GArray *items;     /* struct pg_item */
	GArray *boxes;     /* struct pdf_box, parallel to items */
	GArray *toc;       /* bool per box: part of a table of contents */
	GArray *tables;    /* struct pdf_table */
	GArray *headings;  /* struct pdf_heading */
	GHashTable *ids;   /* id (interned) → first box index + 1 */
	GPtrArray *owned;  /* GObjects (layouts) to unref */
	GPtrArray *rows;   /* struct pdf_row, g_free */
	GPtrArray *images; /* cairo_surface_t */
	GStringChunk *strings;
	struct pdf_place *places; /* per box, after pagination */

	size_t text_used;
	unsigned cells_used;
	bool pending_break, items_full;
	int write_errno; /* the cause of a failed write of the PDF, else 0 */
};

/* Text styles of the layout vocabulary. */
enum pdf_style {
	PDF_ST_NORMAL,
	PDF_ST_SMALL,
	PDF_ST_TITLE,
	PDF_ST_SUBTITLE,
	PDF_ST_NOTE,
	PDF_ST_H1,
	PDF_ST_H2,
	PDF_ST_H3,
	PDF_ST_H4,
	PDF_ST_TABLE,
	PDF_ST_CAPTION,
	PDF_ST_RUNNING,
	PDF_ST_TOC1,
	PDF_ST_TOC2,
};

struct pdf_font {
	const char *family;
	double size; /* points */
	PangoWeight weight;
	double grey; /* text colour, 0 = black */
	double lead; /* line pitch as a factor of the font's natural line height */
	PangoAlignment align;
	bool justify;
};

/* pdf_typeset.c */
void pdf_typeset_fonts_dir(const char *dir);
struct pdf_doc *pdf_doc_new(xmlDocPtr xml, const struct pdf_opts *opts, const char *source,
                            struct diag_list *dl);
void pdf_doc_free(struct pdf_doc *doc);
bool pdf_typeset(struct pdf_doc *doc);
struct pdf_font pdf_font(const struct pdf_doc *doc, enum pdf_style st);
/* A layout of inline content NODE (page-number and page-count read PAGE and PAGES, 0: blank). */
PangoLayout *pdf_inline_layout(struct pdf_doc *doc, xmlNodePtr node, const struct pdf_font *f,
                               double width, unsigned page, unsigned pages);
/* A layout of plain TEXT; WIDTH ≤ 0: no wrapping.  The caller unrefs it. */
PangoLayout *pdf_text_layout(struct pdf_doc *doc, const char *text, const struct pdf_font *f,
                             double width);
void pdf_warn(struct pdf_doc *doc, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
void pdf_error(struct pdf_doc *doc, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
bool pdf_is(xmlNodePtr n, const char *name);
char *pdf_attr(xmlNodePtr n, const char *name); /* or NULL; g_free it */

/* pdf_chart.c */
void pdf_chart_draw(struct pdf_doc *doc, cairo_t *cr, xmlNodePtr chart, double x, double y,
                    double w, double h);

#endif /* PDF_INTERNAL */
#endif
