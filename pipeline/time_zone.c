/* Time zone names (DESIGN §3 Time: a calendar's tz= is an IANA zone).  A name is a zone when it
 * names a zone of the system's tz database: a TZif file under TZDIR (default
 * /usr/share/zoneinfo), the very file GLib then reads.  GLib's g_time_zone_new_identifier alone
 * is looser: a name it finds no file for is read as a POSIX TZ string, so "GMT+8" is accepted and
 * means 8 hours BEHIND UTC (POSIX counts westwards), the opposite of what a person writing it
 * means; "CST-8" or "JST-9" pass too.  time_zone_new is the one place that decides; for a name it
 * refuses, time_zone_explain says what was probably meant.
 *
 * The database's folder also holds what is not a zone: tables (zone.tab, tzdata.zi: not TZif),
 * "localtime" (this machine's zone, different on the next machine), "posixrules" (a template for
 * POSIX strings), the posix/ and right/ copies (right/ counts leap seconds, which no agreement
 * does) and "Factory" (a placeholder meaning "zone not set").  What remains is the list of zones
 * and links of tzdata.zi: UTC, EST5EDT and Etc/GMT-8 are zones, GMT+8 and UTC+8 are not. */
#include "timecore.h"

#include <stdio.h>
#include <string.h>

/* Names of the database's folder that are not zones, and the copies of the tree. */
static const char *const not_zones[] = {"localtime", "posixrules", "Factory", NULL};
static const char *const copies[] = {"posix", "right", NULL};

static bool listed(const char *const *list, const char *s)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(list[i], s) == 0)
			return true;
	return false;
}

/* The folder GLib reads zones from: TZDIR as GLib takes it (even empty), else the system's. */
static const char *zone_dir(void)
{
	const char *dir = g_getenv("TZDIR");
	return dir ? dir : "/usr/share/zoneinfo";
}

/* [A-Za-z0-9_+-] components joined by single '/', starting with a letter: never a path out of
 * the folder (no '.', no leading '/'), never GLib's ":name" or a POSIX string's ',' '<' ':'. */
static bool name_shaped(const char *id)
{
	size_t n = id ? strlen(id) : 0;

	if (n == 0 || n > 128 || !g_ascii_isalpha(id[0]) || id[n - 1] == '/' || strstr(id, "//"))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!g_ascii_isalnum(id[i]) && !strchr("/_+-", id[i]))
			return false;
	return true;
}

/* Whether the file NAME of the database's folder is a zone file. */
static bool tzif_file(const char *name)
{
	char *path = g_build_filename(zone_dir(), name, NULL);
	char magic[4];
	FILE *fp = NULL;
	bool ok = false;

	/* regular first: opening a FIFO would block */
	if (g_file_test(path, G_FILE_TEST_IS_REGULAR) && (fp = fopen(path, "rb")))
		ok = fread(magic, 1, 4, fp) == 4 && memcmp(magic, "TZif", 4) == 0;
	if (fp)
		fclose(fp);
	g_free(path);
	return ok;
}

static bool is_zone(const char *id)
{
	char *first;
	bool copy;

	if (!name_shaped(id) || listed(not_zones, id))
		return false;
	first = g_strndup(id, strcspn(id, "/"));
	copy = id[strlen(first)] == '/' && listed(copies, first);
	g_free(first);
	return !copy && tzif_file(id);
}

GTimeZone *time_zone_new(const char *id, enum time_error *err)
{
	GTimeZone *tz = is_zone(id) ? g_time_zone_new_identifier(id) : NULL;

	if (err)
		*err = tz ? TIME_OK : TIME_ERR_ZONE;
	return tz;
}

/* ------------------------------------------------------------------------------------------ */
/* What a refused name probably meant */

/* Every zone of the database, sorted (a few hundred: only read to explain a refusal). */
static void collect(GPtrArray *out, const char *rel, int depth)
{
	char *dir = g_build_filename(zone_dir(), rel, NULL);
	GDir *gd = depth < 4 ? g_dir_open(dir, 0, NULL) : NULL;
	const char *e;

	while (gd && (e = g_dir_read_name(gd))) {
		char *name = *rel ? g_strconcat(rel, "/", e, NULL) : g_strdup(e);
		char *path = g_build_filename(dir, e, NULL);
		if (!name_shaped(name) || (depth == 0 && listed(copies, e)))
			g_free(name);
		else if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
			collect(out, name, depth + 1);
			g_free(name);
		} else if (is_zone(name))
			g_ptr_array_add(out, name);
		else
			g_free(name);
		g_free(path);
	}
	if (gd)
		g_dir_close(gd);
	g_free(dir);
}

static int cmp_str(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static GPtrArray *all_zones(void)
{
	GPtrArray *zones = g_ptr_array_new_with_free_func(g_free);

	collect(zones, "", 0);
	g_ptr_array_sort(zones, cmp_str);
	return zones;
}

/* Places that keep one offset all year, to suggest for a UTC offset (seconds east). */
static const struct {
	int offset;
	const char *zone;
} places[] = {
    {3 * 3600, "Europe/Moscow"},
    {4 * 3600, "Asia/Dubai"},
    {5 * 3600, "Asia/Karachi"},
    {5 * 3600 + 1800, "Asia/Kolkata"},
    {5 * 3600 + 2700, "Asia/Kathmandu"},
    {6 * 3600, "Asia/Dhaka"},
    {7 * 3600, "Asia/Bangkok"},
    {8 * 3600, "Asia/Shanghai"},
    {9 * 3600, "Asia/Tokyo"},
    {10 * 3600, "Australia/Brisbane"},
    {-3 * 3600, "America/Sao_Paulo"},
    {-5 * 3600, "America/Bogota"},
    {-7 * 3600, "America/Phoenix"},
    {-10 * 3600, "Pacific/Honolulu"},
};

/* Names people write for a place the database calls otherwise (compared without case, with the
 * last component of a name). */
static const struct {
	const char *written, *zone;
} aliases[] = {
    {"Beijing", "Asia/Shanghai"},
};

/* "UTC+8", "UTC+5:30", "UTC-3", "UTC". */
static void append_offset(GString *s, int offset)
{
	int a = ABS(offset);

	g_string_append(s, "UTC");
	if (offset)
		g_string_append_printf(s, "%c%d", offset < 0 ? '-' : '+', a / 3600);
	if (a % 3600)
		g_string_append_printf(s, ":%02d", a % 3600 / 60);
}

/* '; for UTC+8 write the place, such as "Asia/Shanghai", or "Etc/GMT-8"' */
static void append_for_offset(GString *s, int offset)
{
	const char *place = NULL;
	char etc[16] = "";

	if (offset == 0) {
		g_string_append(s, ": write \"UTC\"");
		return;
	}
	for (size_t i = 0; i < G_N_ELEMENTS(places) && !place; i++)
		if (places[i].offset == offset && is_zone(places[i].zone))
			place = places[i].zone;
	/* the Etc zones count westwards, as POSIX does: Etc/GMT-8 is UTC+8 */
	if (offset % 3600 == 0 && offset >= -12 * 3600 && offset <= 14 * 3600) {
		snprintf(etc, sizeof etc, "Etc/GMT%+d", -offset / 3600);
		if (!is_zone(etc))
			etc[0] = '\0';
	}
	g_string_append(s, "; for ");
	append_offset(s, offset);
	g_string_append(s, " write the place");
	if (place)
		g_string_append_printf(s, ", such as \"%s\",", place);
	else
		g_string_append(s, " (its IANA name)");
	if (*etc)
		g_string_append_printf(s, " or \"%s\"", etc);
}

/* HH, H, HH:MM, HHMM, H:MM at P to the end, into seconds; false otherwise. */
static bool parse_hours(const char *p, int *seconds)
{
	int h = 0, m = 0, digits = 0;

	while (g_ascii_isdigit(*p) && digits < 4)
		h = h * 10 + (*p++ - '0'), digits++;
	if (digits == 4) /* 0800 */
		m = h % 100, h /= 100;
	else if (digits > 0 && *p == ':' && g_ascii_isdigit(p[1]) && g_ascii_isdigit(p[2]))
		m = (p[1] - '0') * 10 + (p[2] - '0'), p += 3;
	if (digits == 0 || digits == 3 || *p || h > 24 || m > 59)
		return false;
	*seconds = h * 3600 + m * 60;
	return true;
}

/* A sign at *P: +, - or U+2212; advances past it.  0 when there is none. */
static int parse_sign(const char **p)
{
	if (**p == '+' || **p == '-')
		return *(*p)++ == '+' ? 1 : -1;
	if (g_str_has_prefix(*p, "\u2212")) {
		*p += strlen("\u2212");
		return -1;
	}
	return 0;
}

/* "GMT+8", "UTC+08:00", "utc-0530", "+08:00", "UTC8": what a person writes for a UTC offset.
 * *OFFSET is what the person means (seconds east); *POSIX tells whether POSIX would read the
 * same text the other way round (a letter prefix: GMT+8 is 8 hours west to POSIX). */
static bool written_offset(const char *id, int *offset, bool *posix)
{
	static const char *const prefixes[] = {"UTC", "GMT", "UT", ""};
	const char *p = NULL;
	int sign, secs;

	for (int i = 0; i < 4 && !p; i++)
		if (g_ascii_strncasecmp(id, prefixes[i], strlen(prefixes[i])) == 0)
			p = id + strlen(prefixes[i]), *posix = *prefixes[i] != '\0';
	while (*p == ' ')
		p++;
	sign = parse_sign(&p);
	if ((sign == 0 && !*posix) || !parse_hours(p, &secs))
		return false;
	*offset = (sign < 0 ? -1 : 1) * secs;
	return true;
}

/* "CST-8", "JST-9", "CET-1CEST,M3.5.0,M10.5.0/3": a POSIX TZ string with its own abbreviation,
 * which its writer meant as POSIX reads it.  *OFFSET (seconds east) is set when it has no
 * daylight-saving part; *HAS_OFFSET says so. */
static bool posix_string(const char *id, int *offset, bool *has_offset)
{
	const char *p = id;
	char *digits;
	int sign, secs;
	size_t n;

	while (g_ascii_isalpha(*p))
		p++;
	if (p - id < 3)
		return false;
	sign = parse_sign(&p);
	n = strspn(p, "0123456789:");
	if (n == 0)
		return false;
	digits = g_strndup(p, n);
	*has_offset = p[n] == '\0' && parse_hours(digits, &secs);
	if (*has_offset)
		*offset = (sign < 0 ? 1 : -1) * secs; /* POSIX: positive is west of Greenwich */
	g_free(digits);
	return true;
}

/* Edit distance with transpositions (optimal string alignment), ASCII case ignored; stops
 * early (returns LIMIT + 1) once every path exceeds LIMIT. */
static int distance(const char *a, const char *b, int limit)
{
	size_t la = strlen(a), lb = strlen(b);
	int *rows = g_new(int, 3 * (lb + 1)), *pp = rows, *p = rows + lb + 1, *c = p + lb + 1;
	int result;

	if ((la > lb ? la - lb : lb - la) > (size_t)limit) {
		g_free(rows);
		return limit + 1;
	}
	for (size_t j = 0; j <= lb; j++)
		p[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int best, *t;
		c[0] = (int)i, best = c[0];
		for (size_t j = 1; j <= lb; j++) {
			char x = g_ascii_tolower(a[i - 1]), y = g_ascii_tolower(b[j - 1]);
			int v = MIN(MIN(p[j] + 1, c[j - 1] + 1), p[j - 1] + (x != y));
			if (i > 1 && j > 1 && x == g_ascii_tolower(b[j - 2]) &&
			    g_ascii_tolower(a[i - 2]) == y)
				v = MIN(v, pp[j - 2] + 1);
			c[j] = v, best = MIN(best, v);
		}
		if (best > limit) {
			g_free(rows);
			return limit + 1;
		}
		t = pp, pp = p, p = c, c = t;
	}
	result = p[lb];
	g_free(rows);
	return result;
}

static const char *last_component(const char *s)
{
	const char *slash = strrchr(s, '/');
	return slash ? slash + 1 : s;
}

/* The zone of ZONES a person probably meant by ID: the same name but for case, a place named by
 * its city alone ("Shanghai", "new york"), a known alias, or the nearest name by at most two
 * edits; NULL when none. */
static const char *nearest(GPtrArray *zones, const char *id)
{
	char *city = g_strdelimit(g_strdup(last_component(id)), " ", '_');
	const char *found = NULL, *near = NULL;
	int limit = MIN(2, (int)strlen(id) / 4), best = limit + 1;

	for (guint i = 0; i < zones->len && !found; i++)
		if (g_ascii_strcasecmp(zones->pdata[i], id) == 0)
			found = zones->pdata[i];
	for (size_t i = 0; i < G_N_ELEMENTS(aliases) && !found; i++)
		if (g_ascii_strcasecmp(aliases[i].written, city) == 0 && is_zone(aliases[i].zone))
			found = aliases[i].zone;
	for (guint i = 0; i < zones->len && !found && !strchr(id, '/'); i++)
		if (g_ascii_strcasecmp(last_component(zones->pdata[i]), city) == 0)
			found = zones->pdata[i];
	/* only a better match than the best so far counts; 0 edits was the first loop's */
	for (guint i = 0; i < zones->len && !found && best > 1 && strlen(id) <= 64; i++) {
		int d = distance(id, zones->pdata[i], best - 1);
		if (d < best)
			best = d, near = zones->pdata[i];
	}
	g_free(city);
	return found ? found : near;
}

/* ' (UTC-8: the Etc names count westwards, as POSIX does)' after a suggested Etc/GMT±N. */
static void append_etc_note(GString *s, const char *zone)
{
	int h;
	char sign;

	if (sscanf(zone, "Etc/GMT%c%d", &sign, &h) != 2 || h == 0 || (sign != '+' && sign != '-'))
		return;
	g_string_append(s, " (");
	append_offset(s, (sign == '+' ? -1 : 1) * h * 3600);
	g_string_append(s, ": the Etc names count westwards, as POSIX does)");
}

/* The zone of the database a person probably meant by ID (g_free), or NULL. */
static char *guess(const char *id)
{
	GPtrArray *zones = all_zones();
	const char *z = nearest(zones, id);
	char *out = z ? g_strdup(z) : NULL;

	g_ptr_array_free(zones, TRUE);
	return out;
}

char *time_zone_explain(const char *id)
{
	GString *s = g_string_new("is not an IANA time zone");
	const char *slash = id ? strchr(id, '/') : NULL;
	char *first = slash ? g_strndup(id, (gsize)(slash - id)) : NULL, *meant = NULL;
	int offset = 0;
	bool posix = false, has_offset = false;

	if (!id || !*id) {
		g_string_append(s, " (a name such as Asia/Shanghai, Europe/Berlin or UTC)");
	} else if (is_zone(id)) {
		g_string_assign(s, "is a time zone");
	} else if (strcmp(id, "localtime") == 0) {
		g_string_append(s, ": it is this machine's zone, different on the next machine; "
		                   "name the zone (such as Asia/Shanghai)");
	} else if (listed(not_zones, id)) {
		g_string_append(s, ": it is a file of the time zone database, not a zone; name the "
		                   "zone (such as Asia/Shanghai)");
	} else if (first && listed(copies, first) && is_zone(slash + 1)) {
		g_string_append_printf(s, ": did you mean \"%s\"?", slash + 1);
	} else if (written_offset(id, &offset, &posix)) {
		if (posix && offset != 0) {
			g_string_append_printf(s, ": POSIX reads \"%s\" as ", id);
			append_offset(s, -offset);
			g_string_append_printf(s, " (%s UTC), the opposite of what it says",
			                       offset > 0 ? "behind" : "ahead of");
		} else
			g_string_append(s, " but a UTC offset");
		append_for_offset(s, offset);
	} else if (posix_string(id, &offset, &has_offset)) {
		g_string_append(s, " but a POSIX TZ string");
		if (has_offset) {
			g_string_append(s, " (");
			append_offset(s, offset);
			g_string_append(s, ")");
			append_for_offset(s, offset);
		} else
			g_string_append(
			    s, ": write the place whose clock it describes (its IANA name, "
			       "such as Europe/Berlin)");
	} else if ((meant = guess(id))) {
		g_string_append_printf(s, ": did you mean \"%s\"?", meant);
		if (g_ascii_strcasecmp(meant, id) == 0)
			g_string_append(s, " (names are case-sensitive)");
		append_etc_note(s, meant);
	} else {
		g_string_append(s, " (a name such as Asia/Shanghai, Europe/Berlin or UTC)");
	}
	g_free(meant);
	g_free(first);
	return g_string_free(s, FALSE);
}
