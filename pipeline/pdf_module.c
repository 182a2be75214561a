/* pdf_render and pdf_fonts_dir for the rest of slm: the PDF renderer proper lives in slm-pdf.so
 * (pdf.h says why), loaded here once, on the first document rendered.  The module is looked for
 * in $SLM_LIBDIR when it is set, else beside the running binary (the source tree, a private
 * build tree), then in SLM_LIBDIR where `make install` puts it.  A program linked with the
 * renderer itself (the tests, the fuzz targets) has slm_pdf_module already and loads nothing. */
#include "pdf.h"

#include <dlfcn.h>
#include <errno.h>
#include <sys/stat.h>
#include <glib.h>
#include <pthread.h>

#ifndef SLM_LIBDIR
#define SLM_LIBDIR "/usr/local/lib/slm"
#endif
#define PDF_MODULE_FILE "slm-pdf.so"

extern const struct pdf_module slm_pdf_module __attribute__((weak));

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const struct pdf_module *module;
static char *load_error;
static char *fonts_dir;

/* Open PATH and take its table, or say in *WHY what is wrong with it. */
static const struct pdf_module *open_module(const char *path, char **why)
{
	struct stat st;
	void *h;
	const struct pdf_module *m;

	/* dlopen of a FIFO blocks for ever: only a regular file is tried */
	int rc = stat(path, &st);
	if (rc != 0 || !S_ISREG(st.st_mode)) {
		*why = g_strdup_printf("%s: %s", path,
				       rc != 0 ? g_strerror(errno) : "not a regular file");
		return NULL;
	}
	h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		*why = g_strdup(dlerror());
		return NULL;
	}
	m = dlsym(h, "slm_pdf_module");
	if (m && m->abi == PDF_MODULE_ABI && g_strcmp0(m->version, SLM_VERSION) == 0)
		return m; /* never closed: its fonts and caches live as long as the process */
	*why = g_strdup_printf("%s is not the renderer of slm %s", path, SLM_VERSION);
	dlclose(h);
	return NULL;
}

/* Where the module is looked for, in order (either may be NULL); EXE is the running binary. */
static void candidates(const char *exe, char *paths[2])
{
	const char *env = g_getenv("SLM_LIBDIR");
	char *dir = env && *env ? g_strdup(env) : exe ? g_path_get_dirname(exe) : NULL;

	paths[0] = dir ? g_build_filename(dir, PDF_MODULE_FILE, NULL) : NULL;
	paths[1] = env && *env ? NULL : g_build_filename(SLM_LIBDIR, PDF_MODULE_FILE, NULL);
	g_free(dir);
}

char *pdf_module_file(void)
{
	char *exe = g_file_read_link("/proc/self/exe", NULL), *paths[2], *found = NULL;

	candidates(exe, paths);
	for (int i = 0; i < 2; i++)
		if (&slm_pdf_module || found || !paths[i] ||
		    !g_file_test(paths[i], G_FILE_TEST_IS_REGULAR))
			g_free(paths[i]);
		else
			found = paths[i];
	g_free(exe);
	return found;
}

static void load(void)
{
	const char *env = g_getenv("SLM_LIBDIR");
	char *exe = g_file_read_link("/proc/self/exe", NULL);
	char *paths[2];
	GString *why = g_string_new(NULL);

	candidates(exe, paths);
	if (&slm_pdf_module)
		module = &slm_pdf_module;
	for (int i = 0; i < 2 && !module; i++) {
		char *e = NULL;
		if (!paths[i] || !g_file_test(paths[i], G_FILE_TEST_EXISTS))
			continue;
		module = open_module(paths[i], &e);
		g_string_append_printf(why, "%s%s", why->len ? "; " : "", e);
		g_free(e);
	}
	if (module)
		module->fonts_dir(fonts_dir);
	else if (why->len)
		load_error = g_strdup(why->str);
	else if (env && *env)
		load_error = g_strdup_printf("%s is not in %s (SLM_LIBDIR)", PDF_MODULE_FILE, env);
	else
		load_error = g_strdup_printf("%s is neither beside %s nor in %s", PDF_MODULE_FILE,
		                             exe ? exe : "slm", SLM_LIBDIR);
	g_string_free(why, TRUE);
	g_free(paths[0]);
	g_free(paths[1]);
	g_free(exe);
}

void pdf_fonts_dir(const char *dir)
{
	g_free(fonts_dir);
	fonts_dir = g_strdup(dir);
}

bool pdf_render(xmlDocPtr layout, FILE *out, const struct pdf_opts *opts, const char *source,
                struct diag_list *dl)
{
	pthread_once(&once, load);
	if (!module) {
		diag_add(dl, RULE_RENDER, source, 0, 0, "cannot load slm's PDF renderer: %s",
		         load_error);
		return false;
	}
	return module->render(layout, out, opts, source, dl);
}
