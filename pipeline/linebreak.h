/* CJK line-breaking prohibitions (禁则, after GB/T 15834 and JIS X 4051): closing punctuation
 * never starts a line, opening brackets never end one.  pango follows UAX #14, which already
 * forbids most of these breaks; this pure function states the rule explicitly so that it holds
 * whatever the font, the pango version or the neighbouring script, and so that it is unit-tested
 * without fonts.  The typesetter turns each range into pango_attr_allow_breaks_new(FALSE). */
#ifndef SLM_LINEBREAK_H
#define SLM_LINEBREAK_H

#include <glib.h>
#include <stdbool.h>

/* Bytes [start, end) of the text: no line break may fall strictly inside (between two of the
 * characters the range covers).  Ranges are sorted, and overlapping ones are merged. */
struct lb_range {
	unsigned start, end;
};

/* True when C must not begin a line (，。、；：？！）」』】》〉”’…% and their kin). */
bool linebreak_no_start(gunichar c);

/* True when C must not end a line (（「『【《〈“‘ and their kin). */
bool linebreak_no_end(gunichar c);

/* The ranges of the LEN bytes of UTF-8 TEXT where a break must not happen: [previous character,
 * forbidden character] for each character that must not begin a line, [opening character, next
 * character] for each that must not end one.  TEXT must be valid UTF-8.  Returns a GArray of
 * struct lb_range (possibly empty); the caller frees it. */
GArray *linebreak_forbidden(const char *text, size_t len);

#endif
