/* The table of formatters. */
#include "fmt.h"

#include <string.h>

static const struct formatter formatters[] = {
	{"text", fmt_text},
};

const struct formatter *fmt_by_name(const char *name)
{
	for (size_t i = 0; i < G_N_ELEMENTS(formatters); i++)
		if (strcmp(formatters[i].name, name) == 0)
			return &formatters[i];
	return NULL;
}

const char *fmt_names(void)
{
	return "text";
}
