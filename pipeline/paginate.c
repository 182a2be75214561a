/* Pagination (see paginate.h): first fit, then the break is moved back over keeps, orphans and
 * widows, never back to the top of the page (so every page holds at least one item and the loop
 * always ends). */
#include "paginate.h"

/* The height ITEM takes at Y on a page that began with a repeated header of REPEAT. */
static double need(const struct pg_item *it, double y)
{
	return it->height + (y > 0 ? it->space_before : 0);
}

/* Items of group G in [from, to). */
static unsigned count_group(const struct pg_item *items, unsigned from, unsigned to, int g)
{
	unsigned c = 0;
	for (unsigned i = from; i < to; i++)
		c += items[i].group == g;
	return c;
}

static unsigned group_end(const struct pg_item *items, unsigned n, unsigned i)
{
	int g = items[i].group;
	while (i < n && items[i].group == g)
		i++;
	return i;
}

/* Move a break planned before item B (on a page that starts at FIRST) back so that keeps,
 * orphans and widows hold; returns the new break, > FIRST. */
static unsigned adjust(const struct pg_item *items, unsigned n, unsigned first, unsigned b)
{
	unsigned orig = b;

	for (int pass = 0; pass < 4; pass++) {
		unsigned before = b;
		int g = items[b].group;

		/* widows and orphans: a paragraph split at b keeps PG_MIN_LINES on each side */
		if (g >= 0 && b > first && items[b - 1].group == g) {
			unsigned start = b;
			while (start > first && items[start - 1].group == g)
				start--;
			unsigned above = b - start;
			unsigned below = count_group(items, b, group_end(items, n, b), g);
			if (below < PG_MIN_LINES && above > PG_MIN_LINES)
				b -= MIN(PG_MIN_LINES - below, above - PG_MIN_LINES);
			else if (below < PG_MIN_LINES || above < PG_MIN_LINES)
				b = start;
		}
		/* keeps: never break after an item that keeps with the next one */
		while (b > first && items[b - 1].keep_with_next)
			b--;
		/* a table's header rows never end a page */
		while (b > first && items[b - 1].table_head)
			b--;
		if (b == before)
			break;
	}
	return b > first ? b : orig;
}

GArray *paginate(const struct pg_item *items, unsigned n, double page_height,
		 const double *head_height)
{
	GArray *pages = g_array_new(FALSE, FALSE, sizeof(struct pg_page));
	unsigned i = 0;

	while (i < n || pages->len == 0) {
		struct pg_page p = {i, i, -1};
		double y = 0;

		/* a table that continues from the previous page repeats its header rows */
		if (i < n && i > 0 && items[i].table >= 0 && !items[i].table_head &&
		    items[i - 1].table == items[i].table && head_height) {
			p.repeat_table = items[i].table;
			y = head_height[items[i].table];
		}
		for (; i < n; i++) {
			if (i > p.first && items[i].break_before)
				break;
			if (i > p.first && y + need(&items[i], y) > page_height) {
				i = adjust(items, n, p.first, i);
				break;
			}
			y += need(&items[i], y);
		}
		p.end = i;
		g_array_append_val(pages, p);
		if (n == 0)
			break;
	}
	return pages;
}
