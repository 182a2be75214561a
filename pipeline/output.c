/* Atomic outputs (see output.h). */
#define _GNU_SOURCE
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool output_open(struct output *o, const char *path)
{
	char *dir, *base;
	int fd;

	memset(o, 0, sizeof *o);
	if (!path || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return true;
	}
	dir = g_path_get_dirname(path);
	base = g_path_get_basename(path);
	o->tmp = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
	g_free(dir);
	g_free(base);
	fd = mkostemp(o->tmp, O_CLOEXEC);
	if (fd < 0 || !(o->fp = fdopen(fd, "w"))) {
		fprintf(stderr, "slm: cannot write %s: %s\n", path, g_strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		g_free(o->tmp);
		o->tmp = NULL;
		return false;
	}
	o->path = g_strdup(path);
	return true;
}

bool output_commit(struct output *o)
{
	bool ok;

	if (!o->path) {
		ok = fflush(o->fp) == 0 && !ferror(o->fp);
		if (!ok)
			fprintf(stderr, "slm: cannot write to standard output: %s\n",
				g_strerror(errno));
		return ok;
	}
	ok = fflush(o->fp) == 0 && !ferror(o->fp) && fsync(fileno(o->fp)) == 0;
	ok = (fclose(o->fp) == 0) && ok;
	if (ok && rename(o->tmp, o->path) != 0)
		ok = false;
	if (!ok) {
		fprintf(stderr, "slm: cannot write %s: %s\n", o->path, g_strerror(errno));
		unlink(o->tmp);
	}
	g_free(o->tmp);
	g_free(o->path);
	o->tmp = o->path = NULL;
	return ok;
}

void output_abort(struct output *o)
{
	if (o->path) {
		fclose(o->fp);
		unlink(o->tmp);
		g_free(o->tmp);
		g_free(o->path);
		o->tmp = o->path = NULL;
	}
}
