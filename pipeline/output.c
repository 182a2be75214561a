/* Outputs (see output.h). */
#define _GNU_SOURCE
#include "output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- temporary names, for the signal handler ---- */

/* A fixed table of fixed-size slots, because a handler may not allocate: each a folder's
 * descriptor and a name in it. */
#define IN_FLIGHT 64
static char in_flight[IN_FLIGHT][4096];
static int in_flight_dir[IN_FLIGHT];
static int in_flight_used[IN_FLIGHT]; /* atomic: threads and the signal handler read it */
static pthread_mutex_t in_flight_lock = PTHREAD_MUTEX_INITIALIZER;

static int remember(int dirfd, const char *name)
{
	int slot = -1;

	if (strlen(name) >= sizeof in_flight[0])
		return -1;
	pthread_mutex_lock(&in_flight_lock);
	for (int i = 0; i < IN_FLIGHT && slot < 0; i++)
		if (!__atomic_load_n(&in_flight_used[i], __ATOMIC_ACQUIRE)) {
			strcpy(in_flight[i], name);
			in_flight_dir[i] = dirfd;
			__atomic_store_n(&in_flight_used[i], 1, __ATOMIC_RELEASE);
			slot = i;
		}
	pthread_mutex_unlock(&in_flight_lock);
	return slot;
}

static void forget(int slot)
{
	if (slot >= 0)
		__atomic_store_n(&in_flight_used[slot], 0, __ATOMIC_RELEASE);
}

int output_track(const char *path)
{
	return remember(AT_FDCWD, path);
}

void output_untrack(int slot)
{
	forget(slot);
}

static void unlink_in_flight(void)
{
	for (int i = 0; i < IN_FLIGHT; i++)
		if (__atomic_load_n(&in_flight_used[i], __ATOMIC_ACQUIRE))
			unlinkat(in_flight_dir[i], in_flight[i], 0);
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
	/* every signal that ends a process by default; one ignored by the caller stays ignored
	 * (a shell's trap '' XFSZ turns a file size limit into an error slm reports) */
	static const int sigs[] = {SIGINT,  SIGTERM, SIGHUP,  SIGQUIT,   SIGUSR1, SIGUSR2,
				   SIGALRM, SIGPIPE, SIGXFSZ, SIGXCPU, SIGVTALRM, SIGPROF};
	for (size_t i = 0; i < G_N_ELEMENTS(sigs); i++) {
		struct sigaction old;
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_DFL)
			sigaction(sigs[i], &sa, NULL);
	}
}

/* ---- saying why ---- */

/* Per thread: whether failures are kept for output_error() rather than printed (a renderer
 * makes them diagnostics of its own), and the last one. */
static __thread bool keep_quiet;
static __thread char last_error[1024];

void output_quiet(bool quiet)
{
	keep_quiet = quiet;
}

const char *output_error(void)
{
	return last_error;
}

static void failed(const char *what, const char *path, const char *why)
{
	snprintf(last_error, sizeof last_error, "%s", why);
	if (!keep_quiet)
		fprintf(stderr, "slm: %s %s: %s\n", what, path, why);
}

/* ---- folders, through no link ---- */

/* Open the folder NAME of AT, creating it when CREATE; -1 with errno, ELOOP for a link. */
static int open_component(int at, const char *name, bool create)
{
	int fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;

	if (fd < 0 && errno == ENOENT && create && mkdirat(at, name, 0777) != 0 && errno != EEXIST)
		return -1;
	if (fd < 0 && create)
		fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 && (errno == ENOTDIR || errno == ELOOP) &&
	    fstatat(at, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
		errno = ELOOP;
	return fd;
}

bool output_mkdirs(const char *path)
{
	char *dir = g_path_get_dirname(path), *why = NULL;
	int fd = output_dir_open(dir, true, &why);

	if (fd < 0)
		failed("cannot create the folder", dir, why);
	else
		close(fd);
	g_free(why);
	g_free(dir);
	return fd >= 0;
}

/* output_dir_open, a relative PATH starting from the folder BASE (or AT_FDCWD). */
static int dir_open_at(int base, const char *path, bool create, char **why)
{
	char **parts = g_strsplit(path, "/", -1);
	GString *so_far = g_string_new(path[0] == '/' ? "/" : "");
	int fd = path[0] == '/'	   ? open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
		 : base == AT_FDCWD ? open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
				    : fcntl(base, F_DUPFD_CLOEXEC, 0);

	for (char **p = parts; fd >= 0 && *p; p++) {
		int next;
		if (!**p || strcmp(*p, ".") == 0)
			continue;
		if (so_far->len && so_far->str[so_far->len - 1] != '/')
			g_string_append_c(so_far, '/');
		g_string_append(so_far, *p);
		next = open_component(fd, *p, create);
		if (next < 0) {
			int e = errno;
			*why = e == ELOOP ? g_strdup_printf("%s is a symbolic link; slm writes "
							    "through no link",
							    so_far->str)
			       : e == ENOENT ? g_strdup_printf("there is no folder %s", path)
			       : e == ENOTDIR ? g_strdup_printf("%s is not a folder", so_far->str)
					      : g_strdup_printf("%s: %s", so_far->str, g_strerror(e));
		}
		close(fd);
		fd = next;
	}
	if (fd < 0 && !*why)
		*why = g_strdup(g_strerror(errno));
	g_strfreev(parts);
	g_string_free(so_far, TRUE);
	return fd;
}

int output_dir_open(const char *path, bool create, char **why)
{
	return dir_open_at(AT_FDCWD, path, create, why);
}

bool output_folder_is_slm(int dirfd)
{
	static const char head[] = "slm-build\t";
	char got[sizeof head - 1];
	int fd = openat(dirfd, OUTPUT_RECORD, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	bool yes = false;

	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		yes = read(fd, got, sizeof got) == (ssize_t)sizeof got &&
		      memcmp(got, head, sizeof got) == 0;
	if (fd >= 0)
		close(fd);
	return yes;
}

/* ---- the repository guard ---- */

static struct {
	bool set;
	dev_t dev;
	ino_t ino;
} guard;

void output_guard_repository(const char *root)
{
	struct stat st;

	guard.set = root && stat(root, &st) == 0 && S_ISDIR(st.st_mode);
	if (guard.set) {
		guard.dev = st.st_dev;
		guard.ino = st.st_ino;
	}
}

static bool (*document_test)(int dirfd, const char *name);

void output_set_document_test(bool (*is_document)(int dirfd, const char *name))
{
	document_test = is_document;
}

/* Whether the folder DIRFD lies in a repository — the guarded one, or one marked by its
 * configuration file — and no folder from it up to the repository is slm build's output
 * folder. */
static bool in_repository(int dirfd)
{
	int fd = dup(dirfd);
	bool inside = false, done = false;

	for (int depth = 0; fd >= 0 && !done && depth < 4096; depth++) {
		struct stat st, up;
		int parent;
		if (fstat(fd, &st) != 0 || output_folder_is_slm(fd))
			break;
		if ((guard.set && st.st_dev == guard.dev && st.st_ino == guard.ino) ||
		    faccessat(fd, ".slm-config.xml", F_OK, AT_SYMLINK_NOFOLLOW) == 0) {
			inside = true;
			break;
		}
		parent = openat(fd, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		done = parent < 0 || (fstat(parent, &up) == 0 && up.st_dev == st.st_dev &&
				      up.st_ino == st.st_ino); /* "/" */
		close(fd);
		fd = parent;
	}
	if (fd >= 0)
		close(fd);
	return inside;
}

/* ---- writing ---- */

static const char *kind_of(mode_t m)
{
	return S_ISFIFO(m) ? "a FIFO" : S_ISSOCK(m) ? "a socket" : S_ISDIR(m) ? "a folder"
	       : S_ISLNK(m)			 ? "a symbolic link"
	       : S_ISCHR(m) || S_ISBLK(m)	 ? "a device"
					       : "not a regular file";
}

static void clear(struct output *o)
{
	if (o->dirfd >= 0)
		close(o->dirfd);
	g_free(o->tmp);
	g_free(o->path);
	g_free(o->dir);
	g_free(o->name);
	memset(o, 0, sizeof *o);
	o->dirfd = -1;
	o->tmp_slot = -1;
}

/* The unnamed (or, without O_TMPFILE, temporary) file in O's folder. */
static int open_data(struct output *o)
{
	int fd = openat(o->dirfd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);

	if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
		for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
			g_free(o->tmp);
			o->tmp = g_strdup_printf(OUTPUT_TMP_PREFIX "%s.%08x", o->name,
						 g_random_int());
			o->tmp_slot = remember(o->dirfd, o->tmp);
			fd = openat(o->dirfd, o->tmp,
				    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
			if (fd < 0) {
				forget(o->tmp_slot);
				o->tmp_slot = -1;
				if (errno != EEXIST)
					break;
			}
		}
	}
	return fd;
}

static bool open_output(struct output *o, const char *path, bool document);

bool output_open(struct output *o, const char *path)
{
	return open_output(o, path, false);
}

bool output_open_document(struct output *o, const char *path)
{
	if (!open_output(o, path, true))
		return false;
	o->only_new = true;
	return true;
}

static bool open_output(struct output *o, const char *path, bool document)
{
	char *why = NULL;
	struct stat st = {0};
	int fd;

	memset(o, 0, sizeof *o);
	o->dirfd = o->tmp_slot = -1;
	if (!path || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return true;
	}
	o->path = g_strdup(path);
	o->dir = g_path_get_dirname(path);
	o->name = g_path_get_basename(path);
	if (g_str_has_suffix(path, "/") || strcmp(o->name, ".") == 0 || strcmp(o->name, "..") == 0)
		why = g_strdup("that names a folder, not a file");
	else if ((o->dirfd = output_dir_open(o->dir, false, &why)) < 0)
		;
	else if (fstatat(o->dirfd, o->name, &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISREG(st.st_mode))
		/* written in place it would feed a reader or a device, or what a link points
		 * to; replaced it would be gone: neither is slm's to do */
		why = g_strdup_printf("it is %s; slm writes only regular files, through no link "
				      "(- is standard output)",
				      kind_of(st.st_mode));
	else if (S_ISREG(st.st_mode) && g_str_has_suffix(o->name, ".xml") && document_test &&
		 document_test(o->dirfd, o->name))
		why = g_strdup("it is a document; slm writes over no document");
	else if (!document && g_str_has_suffix(o->name, ".xml") && in_repository(o->dirfd))
		why = g_strdup("it lies in the repository being read, where an .xml file is a "
			       "document; write it outside the repository");
	else if ((fd = open_data(o)) < 0 || !(o->fp = fdopen(fd, "w"))) {
		why = g_strdup(g_strerror(errno));
		if (fd >= 0)
			close(fd);
	}
	if (why) {
		failed("cannot write", path, why);
		g_free(why);
		if (o->tmp)
			unlinkat(o->dirfd, o->tmp, 0);
		forget(o->tmp_slot);
		clear(o);
		return false;
	}
	return true;
}

/* Whether O's folder is still the one its name leads to through no link: a folder swapped for
 * a link (or moved) during the run is not written into. */
static bool folder_still_there(const struct output *o)
{
	char *why = NULL;
	int fd = output_dir_open(o->dir, false, &why);
	struct stat a, b;
	bool same = fd >= 0 && fstat(fd, &a) == 0 && fstat(o->dirfd, &b) == 0 &&
		    a.st_dev == b.st_dev && a.st_ino == b.st_ino;

	if (fd >= 0)
		close(fd);
	g_free(why);
	if (!same)
		errno = ESTALE;
	return same;
}

/* Give the file its name in its folder: directly when the target does not exist yet (nothing
 * can be left behind, even by SIGKILL), else a temporary name renamed over the target. */
static bool place(struct output *o)
{
	char proc[64], *tmp;
	int fd = fileno(o->fp);

	if (o->tmp && o->only_new) { /* a link fails where a rename would replace */
		if (linkat(o->dirfd, o->tmp, o->dirfd, o->name, 0) != 0)
			return false;
		unlinkat(o->dirfd, o->tmp, 0);
		return true;
	}
	if (o->tmp)
		return renameat(o->dirfd, o->tmp, o->dirfd, o->name) == 0;
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	if (linkat(AT_FDCWD, proc, o->dirfd, o->name, AT_SYMLINK_FOLLOW) == 0)
		return true;
	if (errno != EEXIST || o->only_new)
		return false;
	for (int attempt = 0; attempt < 100; attempt++) {
		int slot;
		bool ok;
		tmp = g_strdup_printf(OUTPUT_TMP_PREFIX "%s.%08x", o->name, g_random_int());
		slot = remember(o->dirfd, tmp);
		if (linkat(AT_FDCWD, proc, o->dirfd, tmp, AT_SYMLINK_FOLLOW) == 0) {
			ok = renameat(o->dirfd, tmp, o->dirfd, o->name) == 0;
			if (!ok) {
				int e = errno;
				unlinkat(o->dirfd, tmp, 0);
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

bool output_sha_fd(int fd, guint64 max, char sha[65])
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
	guchar buf[65536];
	guint64 total = 0;
	off_t at = 0;
	ssize_t n;

	while ((n = pread(fd, buf, sizeof buf, at)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || (total += (guint64)n) > max)
			break;
		g_checksum_update(c, buf, n);
		at += n;
	}
	if (n == 0)
		g_strlcpy(sha, g_checksum_get_string(c), 65);
	g_checksum_free(c);
	return n == 0;
}

static void id_of(const struct stat *st, struct output_id *id)
{
	id->dev = st->st_dev;
	id->ino = st->st_ino;
	id->size = (guint64)st->st_size;
	id->ctime_ns = (gint64)st->st_ctim.tv_sec * 1000000000 + st->st_ctim.tv_nsec;
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
	ok = fflush(o->fp) == 0 && !ferror(o->fp) && fsync(fileno(o->fp)) == 0 &&
	     folder_still_there(o) && place(o);
	if (!ok)
		e = errno;
	if (fclose(o->fp) != 0 && ok) {
		ok = false;
		e = errno;
	}
	if (!ok) {
		failed("cannot write", o->path,
		       e == ESTALE ? "its folder was replaced during the run; nothing written"
				   : g_strerror(e ? e : EIO));
		if (o->tmp)
			unlinkat(o->dirfd, o->tmp, 0);
	}
	forget(o->tmp_slot);
	clear(o);
	return ok;
}


void output_abort(struct output *o)
{
	if (o->path) {
		fclose(o->fp);
		if (o->tmp)
			unlinkat(o->dirfd, o->tmp, 0);
		forget(o->tmp_slot);
		clear(o);
	}
}

/* ---- identities and removal ---- */

/* Open the regular file PATH through no link, read-only; its folder through *DIRFD. */
static int open_regular(int base, const char *path, int *dirfd, char **name, struct stat *st)
{
	char *dir = g_path_get_dirname(path), *why = NULL;
	int fd = -1;

	*name = g_path_get_basename(path);
	*dirfd = dir_open_at(base, dir, false, &why);
	if (*dirfd >= 0)
		fd = openat(*dirfd, *name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd >= 0 && (fstat(fd, st) != 0 || !S_ISREG(st->st_mode))) {
		close(fd);
		fd = -1;
	}
	g_free(dir);
	g_free(why);
	return fd;
}

bool output_identify(const char *path, struct output_id *id, bool with_sha)
{
	return output_identify_at(AT_FDCWD, path, id, with_sha);
}

bool output_identify_at(int base, const char *path, struct output_id *id, bool with_sha)
{
	struct stat st;
	char *name;
	int dirfd, fd = open_regular(base, path, &dirfd, &name, &st);
	bool ok = fd >= 0;

	if (ok) {
		id_of(&st, id);
		id->sha[0] = '\0';
		ok = !with_sha || output_sha_fd(fd, G_MAXUINT64, id->sha);
		close(fd);
	}
	if (dirfd >= 0)
		close(dirfd);
	g_free(name);
	return ok;
}

bool output_remove(const char *path, const struct output_id *id)
{
	struct stat st;
	struct output_id now;
	char *name;
	int dirfd, fd = open_regular(AT_FDCWD, path, &dirfd, &name, &st);
	bool ok = fd >= 0 && !(g_str_has_suffix(name, ".xml") && in_repository(dirfd));

	if (ok && id) {
		id_of(&st, &now);
		ok = now.dev == id->dev && now.ino == id->ino && now.size == id->size &&
		     now.ctime_ns == id->ctime_ns && output_sha_fd(fd, id->size, now.sha) &&
		     strcmp(now.sha, id->sha) == 0;
	}
	if (fd >= 0)
		close(fd);
	ok = ok && unlinkat(dirfd, name, 0) == 0;
	if (dirfd >= 0)
		close(dirfd);
	g_free(name);
	return ok;
}

/* ---- leftovers ---- */

static void sweep_fd(int dirfd, int depth)
{
	DIR *d = depth < 64 ? fdopendir(dirfd) : NULL;
	struct dirent *e;

	if (!d) {
		close(dirfd);
		return;
	}
	while ((e = readdir(d))) {
		struct stat st;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
		    fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			int sub = openat(dirfd, e->d_name,
					 O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (sub >= 0)
				sweep_fd(sub, depth + 1);
		} else if (S_ISREG(st.st_mode) && g_str_has_prefix(e->d_name, OUTPUT_TMP_PREFIX))
			unlinkat(dirfd, e->d_name, 0);
	}
	closedir(d);
}

void output_sweep(const char *dir)
{
	char *why = NULL;
	int fd = output_dir_open(dir, false, &why);

	if (fd >= 0)
		sweep_fd(fd, 0);
	g_free(why);
}

char *output_read(const char *path, gsize max, gsize *len)
{
	struct stat st;
	char *name, *buf = NULL;
	int dirfd, fd = open_regular(AT_FDCWD, path, &dirfd, &name, &st);
	gsize got = 0;

	if (fd >= 0 && (guint64)st.st_size <= max) {
		buf = g_malloc((gsize)st.st_size + 1);
		while (got < (gsize)st.st_size) {
			ssize_t n = read(fd, buf + got, (gsize)st.st_size - got);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			got += (gsize)n;
		}
		if (got != (gsize)st.st_size) {
			g_free(buf);
			buf = NULL;
		} else {
			buf[got] = '\0';
			*len = got;
		}
	}
	if (fd >= 0)
		close(fd);
	if (dirfd >= 0)
		close(dirfd);
	g_free(name);
	return buf;
}
