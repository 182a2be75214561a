/* Pagination: which vertical items go on which page (DESIGN §6: tables break across pages with
 * repeated header rows and never split a row; headings keep with what follows; widows and orphans
 * are controlled).  A pure function of item heights and flags, so it is unit-tested without fonts;
 * the typesetter (render_typeset.c) turns a layout into items, the drawer draws each page. */
#ifndef SLM_PAGINATE_H
#define SLM_PAGINATE_H

#include <glib.h>
#include <stdbool.h>

struct pg_item {
	double height;	     /* points */
	double space_before; /* dropped at the top of a page */
	int group;	     /* lines of one paragraph share a group id (widows/orphans); -1: none */
	int table;	     /* the table a row belongs to (head rows repeat), -1: none */
	bool table_head;     /* a header row of its table */
	bool keep_with_next; /* never break between this item and the next (headings, captions) */
	bool break_before;   /* a forced page break */
};

struct pg_page {
	unsigned first, end; /* items [first, end) */
	int repeat_table;    /* the table whose header rows are drawn first on this page, or -1 */
};

/* Lines of a paragraph left alone at the bottom (orphans) or top (widows) of a page: at least
 * this many stay together, when the paragraph has more than that. */
#define PG_MIN_LINES 2

/* Break N items into pages of PAGE_HEIGHT points; HEAD_HEIGHT[t] is the height of table t's
 * header rows (repeated on continuation pages).  Returns a GArray of struct pg_page, never empty
 * (an empty document has one empty page).  An item taller than a page gets a page of its own. */
GArray *paginate(const struct pg_item *items, unsigned n, double page_height,
		 const double *head_height);

#endif
