/* Atomic outputs (see output.h). */
#define _GNU_SOURCE
#include "output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Temporary names that exist right now, for the signal handler: a fixed table of fixed-size
 * slots, because a handler may not allocate. */
#define IN_FLIGHT 64
static char in_flight[IN_FLIGHT][4096];
static volatile sig_atomic_t in_flight_used[IN_FLIGHT];
static GMutex in_flight_lock;

static int remember(const char *path)
{
	int slot = -1;

	if (strlen(path) >= sizeof in_flight[0])
		return -1;
	g_mutex_lock(&in_flight_lock);
	for (int i = 0; i < IN_FLIGHT && slot < 0; i++)
		if (!in_flight_used[i]) {
			strcpy(in_flight[i], path);
			in_flight_used[i] = 1;
			slot = i;
		}
	g_mutex_unlock(&in_flight_lock);
	return slot;
}

static void forget(int slot)
{
	if (slot >= 0)
		in_flight_used[slot] = 0;
}

int output_track(const char *path)
{
	return remember(path);
}

void output_untrack(int slot)
{
	forget(slot);
}

static void unlink_in_flight(void)
{
	for (int i = 0; i < IN_FLIGHT; i++)
		if (in_flight_used[i])
			unlink(in_flight[i]);
}

static void on_signal(int sig)
{
	unlink_in_flight();
	signal(sig, SIG_DFL);
	raise(sig);
}

void output_exit_now(int status)
{
	unlink_in_flight();
	_exit(status);
}

void output_install_signal_cleanup(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

bool output_open(struct output *o, const char *path)
{
	int fd;

	memset(o, 0, sizeof *o);
	if (!path || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return true;
	}
	{
		/* a device or pipe (/dev/stdout, /dev/full, a FIFO) is written in place: there is
		 * nothing to rename, and renaming over it would replace the device */
		struct stat st;
		if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
			o->fp = fopen(path, "w");
			if (!o->fp) {
				fprintf(stderr, "slm: cannot write %s: %s\n", path, g_strerror(errno));
				return false;
			}
			o->path = g_strdup(path);
			o->in_place = true;
			return true;
		}
	}
	o->dir = g_path_get_dirname(path);
	fd = open(o->dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
	if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
		/* no O_TMPFILE here: a named temporary file */
		char *base = g_path_get_basename(path);
		o->tmp = g_strdup_printf("%s/" OUTPUT_TMP_PREFIX "%s.XXXXXX", o->dir, base);
		g_free(base);
		fd = mkostemp(o->tmp, O_CLOEXEC);
		if (fd >= 0)
			fchmod(fd, 0644);
	}
	if (fd < 0 || !(o->fp = fdopen(fd, "w"))) {
		if (errno == ENOENT) /* not "no such file": the folder is what is missing */
			fprintf(stderr, "slm: cannot write %s: there is no folder %s\n", path,
				o->dir);
		else
			fprintf(stderr, "slm: cannot write %s: %s\n", path, g_strerror(errno));
		if (fd >= 0) {
			close(fd);
			if (o->tmp)
				unlink(o->tmp);
		}
		g_free(o->tmp);
		g_free(o->dir);
		memset(o, 0, sizeof *o);
		return false;
	}
	o->path = g_strdup(path);
	return true;
}

/* Give the unnamed file its name: directly when the target does not exist yet (nothing can be
 * left behind, even by SIGKILL), else a temporary name renamed over the target. */
static bool place(struct output *o)
{
	char proc[64], *tmp;
	int slot, fd = fileno(o->fp);
	bool ok;

	if (o->tmp)
		return rename(o->tmp, o->path) == 0;
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	if (linkat(AT_FDCWD, proc, AT_FDCWD, o->path, AT_SYMLINK_FOLLOW) == 0)
		return true;
	if (errno != EEXIST)
		return false;
	for (int attempt = 0; attempt < 100; attempt++) {
		char *base = g_path_get_basename(o->path);
		tmp = g_strdup_printf("%s/" OUTPUT_TMP_PREFIX "%s.%08x", o->dir, base,
				      g_random_int());
		g_free(base);
		slot = remember(tmp);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0) {
			ok = rename(tmp, o->path) == 0;
			if (!ok) {
				int e = errno;
				unlink(tmp);
				errno = e;
			}
			forget(slot);
			g_free(tmp);
			return ok;
		}
		forget(slot);
		g_free(tmp);
		if (errno != EEXIST)
			return false;
	}
	return false;
}

static void clear(struct output *o)
{
	g_free(o->tmp);
	g_free(o->path);
	g_free(o->dir);
	o->tmp = o->path = o->dir = NULL;
	o->in_place = false;
}

bool output_commit(struct output *o)
{
	bool ok;
	int e = 0;

	if (!o->path) {
		ok = fflush(o->fp) == 0 && !ferror(o->fp);
		if (!ok)
			fprintf(stderr, "slm: cannot write to standard output: %s\n",
				g_strerror(errno));
		return ok;
	}
	ok = fflush(o->fp) == 0 && !ferror(o->fp) && (o->in_place || fsync(fileno(o->fp)) == 0);
	if (ok && !o->in_place && !place(o))
		ok = false;
	if (!ok)
		e = errno;
	if (fclose(o->fp) != 0 && ok) {
		ok = false;
		e = errno;
	}
	if (!ok) {
		fprintf(stderr, "slm: cannot write %s: %s\n", o->path, g_strerror(e ? e : EIO));
		if (o->tmp)
			unlink(o->tmp);
	}
	clear(o);
	return ok;
}

void output_abort(struct output *o)
{
	if (o->path) {
		fclose(o->fp);
		if (o->tmp)
			unlink(o->tmp);
		clear(o);
	}
}

void output_sweep(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d))) {
		char *p;
		struct stat st;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		p = g_build_filename(dir, e->d_name, NULL);
		if (lstat(p, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				output_sweep(p);
			else if (S_ISREG(st.st_mode) &&
				 g_str_has_prefix(e->d_name, OUTPUT_TMP_PREFIX))
				unlink(p);
		}
		g_free(p);
	}
	if (d)
		closedir(d);
}
